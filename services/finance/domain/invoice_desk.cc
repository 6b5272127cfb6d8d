// Finance settings and invoices (invoice_desk.h).
#include "services/finance/domain/invoice_desk.h"

#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/finance/domain/payment_reference.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;
using ::parhub::platform::WithReason;

// Invoices' references start with "HP" (học phí và các khoản thu).
constexpr char kReferencePrefix[] = "HP";
constexpr int kMaxBatch = 2000;
constexpr int kMaxLines = 50;

bool AllOf(absl::string_view s, int (*pred)(int)) {
  return std::all_of(s.begin(), s.end(), [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}
int IsUpperOrDigit(int c) { return absl::ascii_isupper(c) || absl::ascii_isdigit(c); }
int IsAlnum(int c) { return absl::ascii_isalnum(c); }
int IsDigit(int c) { return absl::ascii_isdigit(c); }
int IsAccountNameChar(int c) {
  return absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c == ' ' || c == '.' || c == '-';
}
int IsSymbolChar(int c) { return absl::ascii_isalnum(c) || c == '-' || c == '/'; }

absl::Status CheckSettings(const FinanceSettings& s) {
  if (!s.bank_bin.empty() && (s.bank_bin.size() != 6 || !AllOf(s.bank_bin, IsDigit))) {
    return InvalidField("finance_settings.bank_bin",
                        "mã BIN ngân hàng gồm 6 chữ số, ví dụ 970436 (6 digits)");
  }
  if (!s.account_number.empty() && (s.account_number.size() > 19 || !AllOf(s.account_number, IsAlnum))) {
    return InvalidField(
        "finance_settings.account_number",
        "số tài khoản tối đa 19 chữ số hoặc chữ cái không dấu (at most 19 letters or digits)");
  }
  if (s.account_name.size() > 100 || !AllOf(s.account_name, IsAccountNameChar)) {
    return InvalidField(
        "finance_settings.account_name",
        "tên chủ tài khoản viết hoa không dấu như ngân hàng in (upper case without diacritics)");
  }
  if (!s.reference_prefix.empty() && (s.reference_prefix.size() < 2 || s.reference_prefix.size() > 6 ||
                                      !AllOf(s.reference_prefix, IsUpperOrDigit))) {
    return InvalidField(
        "finance_settings.reference_prefix",
        "tiền tố mã thanh toán 2–6 chữ in hoa không dấu hoặc chữ số, ví dụ MN2010 (2-6 A-Z/0-9)");
  }
  const bool tax_ok = s.tax_code.empty() || (s.tax_code.size() == 10 && AllOf(s.tax_code, IsDigit)) ||
                      (s.tax_code.size() == 14 && s.tax_code[10] == '-' &&
                       AllOf(absl::string_view(s.tax_code).substr(0, 10), IsDigit) &&
                       AllOf(absl::string_view(s.tax_code).substr(11), IsDigit));
  if (!tax_ok) {
    return InvalidField("finance_settings.tax_code",
                        "mã số thuế gồm 10 chữ số hoặc 10-3 chữ số (10 or 10-3 digits)");
  }
  if (s.receipt_template.size() > 20 || !AllOf(s.receipt_template, IsSymbolChar)) {
    return InvalidField("finance_settings.receipt_template",
                        "ký hiệu mẫu biên lai tối đa 20 ký tự: chữ, số, '-', '/' (e.g. 01BLP0-001)");
  }
  if (s.receipt_series.size() > 20 || !AllOf(s.receipt_series, IsSymbolChar)) {
    return InvalidField("finance_settings.receipt_series",
                        "ký hiệu biên lai tối đa 20 ký tự: chữ, số, '-', '/' (e.g. AA-26E)");
  }
  static const std::set<std::string> kLevels = {"", "mam-non", "tieu-hoc", "thcs", "thpt"};
  if (!kLevels.contains(s.school_level)) {
    return InvalidField("finance_settings.school_level", "cấp học: mam-non, tieu-hoc, thcs hoặc thpt");
  }
  if (s.area_group < 0 || s.area_group > 2) {
    return InvalidField("finance_settings.area_group", "nhóm địa bàn 1 (phường) hoặc 2 (xã, đặc khu)");
  }
  return absl::OkStatus();
}

absl::Status SettingsIncomplete() {
  return WithReason(
      absl::FailedPreconditionError(
          "Chưa khai báo đủ tài khoản nhận tiền (mã BIN, số tài khoản) và tiền tố mã thanh toán "
          "của trường (finance settings incomplete: bank_bin, account_number, reference_prefix)"),
      "FINANCE_SETTINGS_INCOMPLETE");
}

}  // namespace

std::string MonthLabel(int year, int month) { return absl::StrCat("tháng ", month, "/", year); }

std::string SchoolYearOf(int year, int month) {
  const int first = month >= 9 ? year : year - 1;
  return absl::StrCat(first, "-", first + 1);
}

absl::StatusOr<std::pair<int, int>> ParsePeriod(absl::string_view period, absl::string_view field) {
  int year = 0, month = 0;
  if (period.size() != 7 || period[4] != '-' || !absl::SimpleAtoi(period.substr(0, 4), &year) ||
      !absl::SimpleAtoi(period.substr(5), &month) || year < 2000 || year > 2099 || month < 1 || month > 12) {
    return InvalidField(field, "kỳ thu dạng YYYY-MM, ví dụ 2026-09 (period like 2026-09)");
  }
  return std::make_pair(year, month);
}

absl::StatusOr<FinanceSettings> InvoiceDesk::Settings(const std::string& school_id) {
  absl::StatusOr<FinanceSettings> found = store_.GetSettings(school_id);
  if (absl::IsNotFound(found.status())) return FinanceSettings{.school_id = school_id};
  return found;
}

absl::StatusOr<FinanceSettings> InvoiceDesk::UpdateSettings(const std::string& school_id,
                                                            const SettingsPatch& patch) {
  return store_.Atomically<FinanceSettings>([&]() -> absl::StatusOr<FinanceSettings> {
    ASSIGN_OR_RETURN(FinanceSettings s, Settings(school_id));
    auto trimmed = [](const std::string& v) { return std::string(absl::StripAsciiWhitespace(v)); };
    if (patch.bank_bin) s.bank_bin = trimmed(*patch.bank_bin);
    if (patch.account_number) s.account_number = trimmed(*patch.account_number);
    if (patch.account_name) s.account_name = trimmed(*patch.account_name);
    if (patch.reference_prefix) s.reference_prefix = trimmed(*patch.reference_prefix);
    if (patch.issuer_name) {
      ASSIGN_OR_RETURN(s.issuer_name, CleanText(*patch.issuer_name, "finance_settings.issuer_name", 200,
                                                false, TextLines::kSingle));
    }
    if (patch.tax_code) s.tax_code = trimmed(*patch.tax_code);
    if (patch.receipt_template) s.receipt_template = trimmed(*patch.receipt_template);
    if (patch.receipt_series) s.receipt_series = trimmed(*patch.receipt_series);
    if (patch.school_level) s.school_level = trimmed(*patch.school_level);
    if (patch.area_group) s.area_group = *patch.area_group;
    RETURN_IF_ERROR(CheckSettings(s));
    s.update_time = clock_();
    RETURN_IF_ERROR(store_.PutSettings(s));
    return s;
  });
}

absl::Status InvoiceDesk::CheckDueDate(Date due_date) const {
  if (!due_date.IsSet()) return InvalidField("due_date", "cần hạn nộp (due date required)");
  const Date today = platform::LocalDate(clock_());
  if (due_date < today)
    return InvalidField("due_date", "hạn nộp không được trước hôm nay (due date in the past)");
  if (platform::DaysBetween(today, due_date) > 366) {
    return InvalidField("due_date", "hạn nộp quá một năm kể từ hôm nay (due date more than a year away)");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<IssuedLine>> InvoiceDesk::PriceLines(const std::string& school_id,
                                                                const std::string& school_year, int month,
                                                                int year,
                                                                const std::vector<DraftLine>& draft) {
  if (draft.empty()) return InvalidField("invoice.lines", "hóa đơn phải có ít nhất một khoản thu (no lines)");
  if (draft.size() > kMaxLines) return InvalidField("invoice.lines", "tối đa 50 dòng (at most 50 lines)");
  std::vector<IssuedLine> lines;
  std::vector<InvoiceLine> amounts;
  for (size_t i = 0; i < draft.size(); ++i) {
    const DraftLine& d = draft[i];
    const std::string at = absl::StrCat("invoice.lines[", i, "]");
    IssuedLine line;
    if (d.quantity < 1 || d.quantity > 1000) return InvalidField(at + ".quantity", "số lượng từ 1 đến 1000");
    line.quantity = d.quantity;
    ASSIGN_OR_RETURN(line.description,
                     CleanText(d.description, at + ".description", 300, false, TextLines::kSingle));
    ASSIGN_OR_RETURN(line.legal_basis,
                     CleanText(d.legal_basis, at + ".legal_basis", 500, false, TextLines::kSingle));
    if (d.unit_amount < -kMaxDong || d.unit_amount > kMaxDong) {
      return InvalidField(at + ".unit_amount", "số tiền vượt quá 9.999.999.999.999 đồng (absurd amount)");
    }
    if (d.unit_amount < 0) {  // an exemption or discount
      line.fee_item_id = d.fee_item_id;
      line.unit_amount = d.unit_amount;
    } else {
      if (d.fee_item_id.empty()) {
        return InvalidField(
            at + ".fee_item",
            "mỗi khoản thu phải là một khoản thu đã khai báo của năm học (charges must be fee items)");
      }
      absl::StatusOr<FeeItem> item = store_.GetFeeItem(school_id, d.fee_item_id);
      if (absl::IsNotFound(item.status())) {
        return InvalidField(at + ".fee_item", "không có khoản thu này trong trường (unknown fee item)");
      }
      RETURN_IF_ERROR(item.status());
      if (!item->active)
        return InvalidField(at + ".fee_item", "khoản thu đã ngừng áp dụng (fee item inactive)");
      if (item->school_year != school_year) {
        return InvalidField(at + ".fee_item", absl::StrCat("khoản thu thuộc năm học ", item->school_year,
                                                           ", kỳ thu thuộc năm học ", school_year,
                                                           " (fee item of another school year)"));
      }
      if (d.unit_amount != 0 && d.unit_amount != item->amount) {
        return InvalidField(
            at + ".unit_amount",
            absl::StrCat("đơn giá phải bằng mức thu đã khai báo ", item->amount,
                         " đồng; miễn, giảm ghi thành dòng âm có căn cứ (unit amount must equal the "
                         "fee item's; record a discount as a negative line)"));
      }
      line.fee_item_id = item->fee_item_id;
      line.unit_amount = item->amount;
      if (line.description.empty())
        line.description = absl::StrCat(item->display_name, " ", MonthLabel(year, month));
    }
    if (line.description.empty()) {
      return InvalidField(at + ".description", "ghi nội dung khoản miễn, giảm (description required)");
    }
    if (static_cast<double>(line.unit_amount) * line.quantity > static_cast<double>(kMaxDong)) {
      return InvalidField(at + ".quantity", "thành tiền quá lớn (line amount too large)");
    }
    line.amount = line.unit_amount * line.quantity;
    amounts.push_back({.fee_code = line.fee_item_id,
                       .label = line.description,
                       .amount = line.amount,
                       .legal_basis = line.legal_basis});
    lines.push_back(std::move(line));
  }
  absl::StatusOr<int64_t> total = InvoiceTotal(amounts);
  if (!total.ok()) {
    // InvoiceTotal names "lines[i].x"; the request's field is "invoice.lines[i].x".
    std::vector<platform::FieldViolation> v = platform::FieldViolations(total.status());
    if (!v.empty()) return InvalidField(absl::StrCat("invoice.", v[0].field), v[0].description);
    return total.status();
  }
  if (*total == 0) {
    return InvalidField("invoice.lines", "tổng tiền bằng 0: không cần lập hóa đơn (nothing to invoice)");
  }
  return lines;
}

absl::StatusOr<Invoice> InvoiceDesk::Issue(const std::string& school_id, const FinanceSettings& settings,
                                           const PupilRecord& pupil, const InvoiceDraft& draft,
                                           const std::vector<IssuedLine>& lines) {
  if (pupil.status != PupilStatus::kEnrolled) {
    return WithReason(absl::FailedPreconditionError(absl::StrCat("Học sinh ", pupil.pupil.pupil_code,
                                                                 " đã nghỉ học, không lập hóa đơn mới "
                                                                 "(pupil has left)")),
                      "PUPIL_LEFT");
  }
  ASSIGN_OR_RETURN(auto ym, ParsePeriod(draft.period, "invoice.period"));
  Invoice invoice;
  invoice.school_id = school_id;
  invoice.invoice_id = platform::RandomId();
  ASSIGN_OR_RETURN(invoice.sequence, store_.NextSequence(school_id, "invoice"));
  invoice.pupil_id = pupil.pupil_id;
  invoice.period = draft.period;
  invoice.lines = lines;
  for (const IssuedLine& l : lines) invoice.total += l.amount;
  invoice.due_date = draft.due_date;
  ASSIGN_OR_RETURN(invoice.payment_reference,
                   MakePaymentReference(kReferencePrefix, ym.first, ym.second, settings.reference_prefix,
                                        invoice.sequence));
  invoice.paid_into = {.bank_bin = settings.bank_bin, .account_number = settings.account_number};
  invoice.state = InvoiceState::kIssued;
  invoice.create_time = invoice.update_time = clock_();
  absl::Status inserted = store_.InsertInvoice(invoice);
  if (absl::IsAlreadyExists(inserted)) {
    return WithReason(
        absl::AlreadyExistsError(absl::StrCat("Học sinh ", pupil.pupil.pupil_code, " đã có hóa đơn kỳ ",
                                              draft.period, " (already invoiced for the period)")),
        "ALREADY_INVOICED");
  }
  RETURN_IF_ERROR(inserted);
  RETURN_IF_ERROR(
      ledger_
          .Post(school_id,
                SimpleTransfer(kReceivablesAccount, kFeeRevenueAccount, invoice.total,
                               absl::StrCat("schools/", school_id, "/invoices/", invoice.invoice_id),
                               absl::StrCat("Ghi nhận khoản phải thu kỳ ", draft.period)))
          .status());
  return invoice;
}

absl::StatusOr<Invoice> InvoiceDesk::Create(const std::string& school_id, InvoiceDraft draft) {
  ASSIGN_OR_RETURN(auto ym, ParsePeriod(draft.period, "invoice.period"));
  RETURN_IF_ERROR(CheckDueDate(draft.due_date));
  RETURN_IF_ERROR(platform::ValidateId(draft.pupil_id, "invoice.pupil"));
  return store_.Atomically<Invoice>([&]() -> absl::StatusOr<Invoice> {
    ASSIGN_OR_RETURN(FinanceSettings settings, Settings(school_id));
    if (!settings.CanIssueQr() || settings.reference_prefix.empty()) return SettingsIncomplete();
    absl::StatusOr<PupilRecord> pupil = store_.GetPupil(school_id, draft.pupil_id);
    if (absl::IsNotFound(pupil.status())) {
      return InvalidField("invoice.pupil", "không có học sinh này trong trường (unknown pupil)");
    }
    RETURN_IF_ERROR(pupil.status());
    ASSIGN_OR_RETURN(std::vector<IssuedLine> lines, PriceLines(school_id, SchoolYearOf(ym.first, ym.second),
                                                               ym.second, ym.first, draft.lines));
    return Issue(school_id, settings, *pupil, draft, lines);
  });
}

absl::StatusOr<BatchInvoicing> InvoiceDesk::CreateForClasses(
    const std::string& school_id, const std::string& period, const std::vector<std::string>& class_names,
    const std::vector<std::string>& fee_item_ids, Date due_date, std::optional<MealRefundPlan> meal_refund) {
  ASSIGN_OR_RETURN(auto ym, ParsePeriod(period, "period"));
  RETURN_IF_ERROR(CheckDueDate(due_date));
  if (fee_item_ids.empty()) return InvalidField("fee_items", "chọn ít nhất một khoản thu (no fee items)");
  if (meal_refund.has_value()) {
    RETURN_IF_ERROR(CheckMealRefundPlan(*meal_refund, period, fee_item_ids, platform::LocalDate(clock_())));
  }
  std::vector<DraftLine> draft_lines;
  for (const std::string& id : fee_item_ids) draft_lines.push_back({.fee_item_id = id});
  return store_.Atomically<BatchInvoicing>([&]() -> absl::StatusOr<BatchInvoicing> {
    ASSIGN_OR_RETURN(FinanceSettings settings, Settings(school_id));
    if (!settings.CanIssueQr() || settings.reference_prefix.empty()) return SettingsIncomplete();
    absl::StatusOr<std::vector<IssuedLine>> priced =
        PriceLines(school_id, SchoolYearOf(ym.first, ym.second), ym.second, ym.first, draft_lines);
    if (!priced.ok()) {
      std::vector<platform::FieldViolation> v = platform::FieldViolations(priced.status());
      if (v.empty()) return priced.status();
      // "invoice.lines[i].fee_item" → "fee_items[i]"
      std::string field = v[0].field;
      const size_t open = field.find('['), close = field.find(']');
      if (open != std::string::npos && close != std::string::npos) {
        field = absl::StrCat("fee_items", field.substr(open, close - open + 1));
      }
      return InvalidField(field, v[0].description);
    }
    ASSIGN_OR_RETURN(std::vector<std::string> invoiced, store_.PupilsInvoicedFor(school_id, period));
    const std::set<std::string> already(invoiced.begin(), invoiced.end());
    std::vector<PupilRecord> pupils;
    std::vector<std::string> classes = class_names;
    if (classes.empty()) classes.push_back("");
    for (const std::string& class_name : classes) {
      std::vector<std::string> after;
      while (true) {
        ASSIGN_OR_RETURN(std::vector<PupilRecord> page,
                         store_.ListPupils(school_id, {.class_name = class_name}, after, 1000));
        for (PupilRecord& p : page) pupils.push_back(std::move(p));
        if (page.size() < 1000) break;
        const PupilRecord& last = pupils.back();
        after = {last.pupil.class_name, last.pupil.full_name, last.pupil_id};
      }
    }
    // The absences to pay back, and what a pupil's meals cost on this invoice.
    std::map<std::string, MealAbsence> absences;
    int64_t meal_charge = 0, charged = 0;
    if (meal_refund.has_value()) {
      for (const IssuedLine& line : *priced) {
        charged += line.amount;
        if (line.fee_item_id == meal_refund->fee_item_id) meal_charge += line.amount;
      }
      ASSIGN_OR_RETURN(std::vector<MealAbsence> unrefunded,
                       store_.ListMealAbsences(school_id, meal_refund->absence_period, true, "", 1'000'000,
                                               Lock::kForUpdate));
      for (MealAbsence& a : unrefunded) absences.emplace(a.pupil_id, std::move(a));
    }
    BatchInvoicing result;
    InvoiceDraft draft{.period = period, .lines = draft_lines, .due_date = due_date};
    for (const PupilRecord& pupil : pupils) {
      if (already.contains(pupil.pupil_id)) {
        ++result.skipped;
        continue;
      }
      if (result.created == kMaxBatch) {
        return InvalidField("class_names",
                            "tối đa 2.000 hóa đơn mỗi lần; chia theo lớp (at most 2,000 per call)");
      }
      draft.pupil_id = pupil.pupil_id;
      std::vector<IssuedLine> lines = *priced;
      auto absence = absences.find(pupil.pupil_id);
      if (absence != absences.end()) {
        IssuedLine refund = MealRefundLine(absence->second, *meal_refund);
        // Not more than the meals charged, and something left to pay: an
        // invoice of nothing could never be paid or closed.
        if (-refund.amount > meal_charge || charged + refund.amount <= 0) {
          return WithReason(
              absl::FailedPreconditionError(absl::StrCat(
                  "Tiền ăn hoàn cho học sinh ", pupil.pupil.pupil_code, " (", -refund.amount,
                  " đồng) lớn hơn tiền ăn của kỳ (", meal_charge,
                  " đồng); lập hóa đơn riêng cho học sinh này (refund exceeds the meal charge)")),
              "REFUND_EXCEEDS_CHARGE");
        }
        lines.push_back(std::move(refund));
      }
      ASSIGN_OR_RETURN(Invoice invoice, Issue(school_id, settings, pupil, draft, lines));
      if (absence != absences.end()) {
        RETURN_IF_ERROR(store_.MarkMealAbsenceRefunded(school_id, meal_refund->absence_period, pupil.pupil_id,
                                                       invoice.invoice_id));
        ++result.refunded;
      }
      result.invoice_ids.push_back(invoice.invoice_id);
      ++result.created;
    }
    return result;
  });
}

absl::StatusOr<Invoice> InvoiceDesk::Get(const std::string& school_id, const std::string& invoice_id) {
  RETURN_IF_ERROR(platform::ValidateId(invoice_id, "name"));
  return store_.GetInvoice(school_id, invoice_id, Lock::kNone);
}

absl::StatusOr<platform::Page<Invoice>> InvoiceDesk::List(const std::string& school_id, InvoiceQuery query,
                                                          const platform::PageRequest& page) {
  if (!query.period.empty()) RETURN_IF_ERROR(ParsePeriod(query.period, "period").status());
  if (!query.payment_reference.empty()) {
    query.payment_reference = NormalizeForMatching(query.payment_reference);
    if (query.payment_reference.empty()) {
      return InvalidField("payment_reference", "mã thanh toán gồm chữ và số (letters and digits)");
    }
  }
  if (query.overdue_on.has_value()) query.overdue_on = platform::LocalDate(clock_());
  std::optional<int64_t> before;
  if (!page.after.empty()) {
    int64_t n = 0;
    if (!absl::SimpleAtoi(page.after, &n)) return platform::InvalidPageToken();
    before = n;
  }
  ASSIGN_OR_RETURN(std::vector<Invoice> fetched,
                   store_.ListInvoices(school_id, query, before, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size,
                            [](const Invoice& i) { return absl::StrCat(i.sequence); });
}

absl::StatusOr<Invoice> InvoiceDesk::Cancel(const std::string& school_id, const std::string& invoice_id,
                                            const std::string& reason) {
  RETURN_IF_ERROR(platform::ValidateId(invoice_id, "name"));
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 500, true, TextLines::kSingle));
  return store_.Atomically<Invoice>([&]() -> absl::StatusOr<Invoice> {
    ASSIGN_OR_RETURN(Invoice invoice, store_.GetInvoice(school_id, invoice_id, Lock::kForUpdate));
    if (invoice.state == InvoiceState::kCancelled) {
      return WithReason(absl::FailedPreconditionError("Hóa đơn đã hủy (already cancelled)"),
                        "INVOICE_CANCELLED");
    }
    if (invoice.paid > 0 || invoice.state != InvoiceState::kIssued) {
      return WithReason(
          absl::FailedPreconditionError(
              "Hóa đơn đã có khoản nộp; hoàn trả (đảo) các khoản nộp trước khi hủy (invoice has "
              "payments: reverse them first)"),
          "INVOICE_HAS_PAYMENTS");
    }
    invoice.state = InvoiceState::kCancelled;
    invoice.cancel_reason = why;
    invoice.update_time = clock_();
    RETURN_IF_ERROR(store_.UpdateInvoiceState(invoice));
    // Absences it paid back wait for the pupil's next invoice again.
    RETURN_IF_ERROR(store_.ReleaseMealAbsences(school_id, invoice_id));
    RETURN_IF_ERROR(
        ledger_
            .Post(school_id, SimpleTransfer(kFeeRevenueAccount, kReceivablesAccount, invoice.total,
                                            absl::StrCat("schools/", school_id, "/invoices/", invoice_id),
                                            absl::StrCat("Hủy hóa đơn kỳ ", invoice.period, ": ", why)))
            .status());
    return invoice;
  });
}

std::string InvoiceDesk::QrOf(const Invoice& invoice, const FinanceSettings& settings) const {
  if (!invoice.open() || !settings.CanIssueQr()) return "";
  absl::StatusOr<std::string> qr =
      QrForBalance({.bank_bin = settings.bank_bin, .account_number = settings.account_number},
                   invoice.payment_reference, invoice.balance());
  return qr.ok() ? *qr : "";
}

bool InvoiceDesk::Overdue(const Invoice& invoice) const {
  return invoice.open() && invoice.due_date < platform::LocalDate(clock_());
}

}  // namespace parhub::finance
