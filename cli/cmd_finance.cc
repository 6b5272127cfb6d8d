// parhubctl finance: a school's fee collection (thu phí, thu tiền): the
// finance settings (the account fees are paid into, the receipt template),
// pupils as payers and the class-list upload, fee items, invoices with their
// VietQR code (drawn in the terminal or written as PNG), payments recorded
// exactly once with their receipt, reversals, receipts, and the double-entry
// ledger with its check. Money is whole đồng, shown as "1.500.000 đ".
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cli/app.h"
#include "cli/finance_common.h"
#include "cli/qr.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "platform/core/date.h"
#include "platform/core/resource_name.h"
#include "platform/core/vntext.h"

namespace parhub::cli {
namespace {

// ---------------------------------------------------------------------------
// Labels.

std::string InvoiceStateLabel(const Output& out, fv::InvoiceState state) {
  switch (state) {
    case fv::INVOICE_STATE_ISSUED:
      return out.T("CHƯA NỘP", "UNPAID");
    case fv::INVOICE_STATE_PARTIALLY_PAID:
      return out.T("NỘP MỘT PHẦN", "PART PAID");
    case fv::INVOICE_STATE_PAID:
      return out.T("ĐÃ NỘP ĐỦ", "PAID");
    case fv::INVOICE_STATE_CANCELLED:
      return out.T("ĐÃ HỦY", "CANCELLED");
    default:
      return "?";
  }
}

// The state, with "QUÁ HẠN" when open and past due.
std::string InvoiceStatus(const Output& out, const fv::Invoice& invoice) {
  std::string text = InvoiceStateLabel(out, invoice.state());
  if (invoice.overdue()) absl::StrAppend(&text, ", ", out.T("QUÁ HẠN", "OVERDUE"));
  return text;
}

std::string PupilStatusLabel(const Output& out, fv::PupilStatus status) {
  switch (status) {
    case fv::PUPIL_STATUS_ENROLLED:
      return out.T("Đang học", "Enrolled");
    case fv::PUPIL_STATUS_LEFT:
      return out.T("Đã nghỉ học", "Left");
    default:
      return "?";
  }
}

std::string PaymentStateLabel(const Output& out, fv::PaymentState state) {
  switch (state) {
    case fv::PAYMENT_STATE_RECORDED:
      return out.T("Đã ghi nhận", "Recorded");
    case fv::PAYMENT_STATE_REVERSED:
      return out.T("ĐÃ HỦY (ghi đảo)", "REVERSED");
    default:
      return "?";
  }
}

std::string ReceiptStateLabel(const Output& out, bool cancelled) {
  return cancelled ? out.T("ĐÃ HỦY", "CANCELLED") : out.T("Hợp lệ", "Valid");
}

std::string AccountKindLabel(const Output& out, fv::LedgerAccountKind kind) {
  switch (kind) {
    case fv::LEDGER_ACCOUNT_KIND_ASSET:
      return out.T("Tài sản", "Asset");
    case fv::LEDGER_ACCOUNT_KIND_LIABILITY:
      return out.T("Nợ phải trả", "Liability");
    case fv::LEDGER_ACCOUNT_KIND_REVENUE:
      return out.T("Doanh thu", "Revenue");
    case fv::LEDGER_ACCOUNT_KIND_EXPENSE:
      return out.T("Chi phí", "Expense");
    default:
      return "?";
  }
}

std::string SchoolLevelLabel(const Output& out, const std::string& level) {
  if (level == "mam-non") return out.T("Mầm non", "Preschool");
  if (level == "tieu-hoc") return out.T("Tiểu học", "Primary");
  if (level == "thcs") return out.T("Trung học cơ sở", "Lower secondary");
  if (level == "thpt") return out.T("Trung học phổ thông", "Upper secondary");
  return level;
}

std::string AreaGroupLabel(const Output& out, int group) {
  if (group == 1) return out.T("1 (phường)", "1 (ward)");
  if (group == 2) return out.T("2 (xã, đặc khu)", "2 (commune or special zone)");
  return group == 0 ? "" : absl::StrCat(group);
}

// ---------------------------------------------------------------------------
// Parsing the words people type.

std::optional<fv::FeeUnit> ParseFeeUnit(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "thang" || t == "month") return fv::FEE_UNIT_MONTH;
  if (t == "hoc-ky" || t == "term") return fv::FEE_UNIT_TERM;
  if (t == "nam" || t == "nam-hoc" || t == "year") return fv::FEE_UNIT_YEAR;
  if (t == "mot-lan" || t == "once") return fv::FEE_UNIT_ONCE;
  return std::nullopt;
}
constexpr const char* kUnitWords = "thang | hoc-ky | nam | mot-lan";

std::optional<fv::InvoiceState> ParseInvoiceState(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "chua-nop" || t == "issued" || t == "unpaid") return fv::INVOICE_STATE_ISSUED;
  if (t == "mot-phan" || t == "nop-mot-phan" || t == "partly-paid") return fv::INVOICE_STATE_PARTIALLY_PAID;
  if (t == "da-nop" || t == "da-nop-du" || t == "paid") return fv::INVOICE_STATE_PAID;
  if (t == "da-huy" || t == "cancelled") return fv::INVOICE_STATE_CANCELLED;
  return std::nullopt;
}
constexpr const char* kStateWords = "chua-nop | mot-phan | da-nop | da-huy";

constexpr const char* kLevelWords = "mam-non | tieu-hoc | thcs | thpt";

// ---------------------------------------------------------------------------
// Settings.

void PrintSettings(const Output& o, const fv::FinanceSettings& s) {
  std::vector<std::vector<std::string>> rows;
  auto add = [&](const char* vi, const char* en, const std::string& value) {
    rows.push_back({o.T(vi, en), value.empty() ? o.T("(chưa khai báo)", "(not set)") : value});
  };
  add("Đơn vị thu (in trên biên lai)", "Collecting unit (on receipts)", s.issuer_name());
  add("Mã số thuế", "Tax code", s.tax_code());
  add("Ngân hàng (mã BIN)", "Bank (BIN)", s.bank_bin());
  add("Số tài khoản nhận tiền", "Account number", s.account_number());
  add("Chủ tài khoản", "Account holder", s.account_name());
  add("Tiền tố mã thanh toán", "Payment reference prefix", s.reference_prefix());
  add("Ký hiệu mẫu biên lai", "Receipt template", s.receipt_template());
  add("Ký hiệu biên lai", "Receipt series", s.receipt_series());
  add("Cấp học", "School level", SchoolLevelLabel(o, s.school_level()));
  add("Nhóm địa bàn (mức trần thu)", "Area group (fee caps)", AreaGroupLabel(o, s.area_group()));
  add("Cập nhật lúc", "Updated", FormatTime(s.update_time()));
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")}, rows);
  if (s.bank_bin().empty() || s.account_number().empty() || s.reference_prefix().empty()) {
    o.Line(
        o.T("Chưa đủ ngân hàng, số tài khoản và tiền tố mã thanh toán: chưa lập được hóa đơn "
            "(finance settings set --bank-bin … --account-number … --reference-prefix …).",
            "Bank, account number and reference prefix are not all set: no invoice can be issued yet "
            "(finance settings set --bank-bin … --account-number … --reference-prefix …)."));
  }
}

// ---------------------------------------------------------------------------
// Pupils.

std::vector<std::string> PupilHeader(const Output& o, bool file) {
  std::vector<std::string> header{o.T("Mã định danh", "Id"),  o.T("Mã học sinh", "Pupil code"),
                                  o.T("Họ và tên", "Name"),   o.T("Lớp", "Class"),
                                  o.T("Ngày sinh", "Born"),   o.T("Phụ huynh", "Guardian"),
                                  o.T("Điện thoại", "Phone"), o.T("Trạng thái", "Status")};
  if (file) {
    header.push_back(o.T("Thư điện tử", "E-mail"));
    header.push_back(o.T("Thêm lúc", "Added"));
  }
  return header;
}

std::vector<std::string> PupilRow(const Output& o, const fv::Pupil& p, bool file) {
  std::vector<std::string> row{IdOf(p.name()),
                               p.pupil_code(),
                               p.display_name(),
                               p.class_name(),
                               FormatDate(p.birth_date()),
                               p.guardian_name(),
                               p.guardian_phone(),
                               PupilStatusLabel(o, p.status())};
  if (file) {
    row.push_back(p.guardian_email());
    row.push_back(FormatTime(p.create_time()));
  }
  return row;
}

void PrintPupil(const Output& o, const fv::Pupil& p) {
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")},
          {{o.T("Mã định danh", "Id"), IdOf(p.name())},
           {o.T("Mã học sinh", "Pupil code"), p.pupil_code()},
           {o.T("Họ và tên", "Name"), p.display_name()},
           {o.T("Lớp", "Class"), p.class_name()},
           {o.T("Ngày sinh", "Born"), FormatDate(p.birth_date())},
           {o.T("Phụ huynh", "Guardian"), p.guardian_name()},
           {o.T("Điện thoại phụ huynh", "Guardian's phone"), p.guardian_phone()},
           {o.T("Thư điện tử phụ huynh", "Guardian's e-mail"), p.guardian_email()},
           {o.T("Trạng thái", "Status"), PupilStatusLabel(o, p.status())},
           {o.T("Mã bí mật in trên phiếu thu (tra cứu của phụ huynh)", "Slip secret (families' lookup)"),
            p.slip_secret()},
           {o.T("Thêm lúc", "Added"), FormatTime(p.create_time())}});
}

// ---------------------------------------------------------------------------
// Fee items.

std::vector<std::string> FeeHeader(const Output& o, bool file) {
  if (file) {
    return {o.T("Mã định danh", "Id"),     o.T("Mã", "Code"),
            o.T("Khoản thu", "Fee"),       o.T("Mức thu (đồng)", "Amount (đồng)"),
            o.T("Đơn vị tính", "Per"),     o.T("Năm học", "School year"),
            o.T("Loại khoản thu", "Kind"), o.T("Bắt buộc", "Mandatory"),
            o.T("Đang áp dụng", "Active"), o.T("Căn cứ", "Legal basis")};
  }
  return {o.T("Mã định danh", "Id"),     o.T("Mã", "Code"),
          o.T("Khoản thu", "Fee"),       o.T("Mức thu", "Amount"),
          o.T("Năm học", "School year"), o.T("Loại khoản thu", "Kind"),
          o.T("Bắt buộc", "Mandatory"),  o.T("Đang áp dụng", "Active"),
          o.T("Căn cứ", "Legal basis")};
}
constexpr size_t kFeeAmountColumn = 3;

std::vector<std::string> FeeRow(const Output& o, const fv::FeeItem& fee, bool file) {
  if (file) {
    return {IdOf(fee.name()),
            fee.code(),
            fee.display_name(),
            Money(fee.amount(), true),
            FeeUnitLabel(o, fee.unit()),
            fee.school_year(),
            fee.charge_kind(),
            YesNo(o, fee.mandatory()),
            YesNo(o, fee.active()),
            fee.legal_basis()};
  }
  return {IdOf(fee.name()),
          fee.code(),
          fee.display_name(),
          AmountPerUnit(o, fee),
          fee.school_year(),
          fee.charge_kind(),
          YesNo(o, fee.mandatory()),
          YesNo(o, fee.active()),
          Shorten(fee.legal_basis(), 40)};
}

// ---------------------------------------------------------------------------
// Invoices.

std::vector<std::string> InvoiceHeader(const Output& o, bool file) {
  if (file) {
    return {o.T("Mã hóa đơn", "Invoice"),
            o.T("Mã học sinh", "Pupil code"),
            o.T("Họ và tên", "Name"),
            o.T("Lớp", "Class"),
            o.T("Kỳ thu", "Period"),
            o.T("Phải nộp (đồng)", "Total (đồng)"),
            o.T("Đã nộp (đồng)", "Paid (đồng)"),
            o.T("Còn nợ (đồng)", "Balance (đồng)"),
            o.T("Hạn nộp", "Due"),
            o.T("Trạng thái", "State"),
            o.T("Quá hạn", "Overdue"),
            o.T("Mã thanh toán", "Payment reference"),
            o.T("Lý do hủy", "Cancel reason"),
            o.T("Lập lúc", "Issued")};
  }
  return {o.T("Mã hóa đơn", "Invoice"), o.T("Học sinh", "Pupil"),
          o.T("Lớp", "Class"),          o.T("Kỳ", "Period"),
          o.T("Phải nộp", "Total"),     o.T("Đã nộp", "Paid"),
          o.T("Còn nợ", "Balance"),     o.T("Hạn nộp", "Due"),
          o.T("Trạng thái", "State"),   o.T("Mã thanh toán", "Payment reference")};
}
const std::vector<size_t> kInvoiceMoneyColumns{5, 6, 7};

std::vector<std::string> InvoiceRow(const Output& o, const fv::Invoice& i, const PupilIndex& pupils,
                                    bool file) {
  const fv::Pupil* p = FindPupil(pupils, i.pupil());
  std::string class_name = p != nullptr ? p->class_name() : "";
  if (file) {
    return {IdOf(i.name()),
            p != nullptr ? p->pupil_code() : IdOf(i.pupil()),
            p != nullptr ? p->display_name() : "",
            class_name,
            i.period(),
            Money(i.total_amount(), true),
            Money(i.paid_amount(), true),
            Money(i.balance(), true),
            FormatDate(i.due_date()),
            InvoiceStateLabel(o, i.state()),
            YesNo(o, i.overdue()),
            i.payment_reference(),
            i.cancel_reason(),
            FormatTime(i.create_time())};
  }
  return {IdOf(i.name()),
          Shorten(PupilText(pupils, i.pupil()), 36),
          class_name,
          i.period(),
          FormatDong(i.total_amount()),
          FormatDong(i.paid_amount()),
          FormatDong(i.balance()),
          FormatDate(i.due_date()),
          InvoiceStatus(o, i),
          i.payment_reference()};
}

// The totals of the invoices shown, cancelled ones left out.
void PrintInvoiceTotals(const Output& o, const fv::ListInvoicesResponse& all) {
  int count = 0;
  int64_t total = 0, paid = 0, balance = 0;
  for (const auto& i : all.invoices()) {
    if (i.state() == fv::INVOICE_STATE_CANCELLED) continue;
    ++count;
    total += i.total_amount();
    paid += i.paid_amount();
    balance += i.balance();
  }
  o.Line(absl::StrCat(
      o.T("Cộng ", "Total of "), count,
      o.T(" hóa đơn (không tính hóa đơn đã hủy): phải nộp ", " invoices (cancelled ones left out): total "),
      FormatDong(total), o.T(", đã nộp ", ", paid "), FormatDong(paid), o.T(", còn nợ ", ", balance "),
      FormatDong(balance)));
}

// Prints the invoice's VietQR code (with terminal colours when standard
// output is a terminal that takes them) and/or writes it to `png_path`.
void ShowQr(App& app, const fv::Invoice& invoice, bool draw, const std::string& png_path) {
  const Output& o = app.out;
  if (invoice.vietqr_payload().empty()) {
    o.Error(
        o.T("Hóa đơn không có mã VietQR: đã nộp đủ, đã hủy, hoặc trường chưa khai báo tài khoản nhận tiền.",
            "The invoice has no VietQR code: paid, cancelled, or the school has no bank account set."));
    if (!png_path.empty()) app.exit_code = kExitFailure;
    return;
  }
  auto qr = EncodeQr(invoice.vietqr_payload());
  if (!qr) {
    return app.Fail(kExitFailure, "LOCAL", o.T("Không tạo được mã QR", "Cannot draw the QR code"),
                    o.T("nội dung VietQR của hóa đơn không mã hoá được thành mã QR",
                        "the invoice's VietQR payload could not be encoded as a QR code"));
  }
  if (!png_path.empty()) {
    std::string error;
    if (!WriteQrPng(*qr, png_path, &error)) {
      app.Fail(kExitFailure, "LOCAL", o.T("Không ghi được tệp", "Cannot write the file"),
               absl::StrCat(png_path, ": ", error));
    } else if (!o.json) {
      o.Line(absl::StrCat(o.T("Đã ghi mã VietQR → ", "Wrote the VietQR code → "), png_path));
    }
  }
  if (!draw || o.json) return;
  o.Line(absl::StrCat(o.T("\nMã VietQR — quét bằng ứng dụng ngân hàng để chuyển ",
                          "\nVietQR code — scan with a banking app to transfer "),
                      FormatDong(invoice.balance()), o.T(", nội dung ", ", reference "),
                      invoice.payment_reference(), ":"));
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  bool colors = isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0') &&
                !(term != nullptr && std::string(term) == "dumb");
  for (const std::string& line : QrHalfBlocks(*qr)) {
    o.Line(colors ? absl::StrCat(kQrColorsOn, line, kQrColorsOff) : line);
  }
}

// ---------------------------------------------------------------------------
// Payments and receipts.

std::vector<std::string> PaymentHeader(const Output& o, bool file) {
  std::vector<std::string> header{o.T("Mã khoản nộp", "Payment"),
                                  o.T("Thời điểm nộp", "Paid"),
                                  o.T("Hóa đơn", "Invoice"),
                                  file ? o.T("Số tiền (đồng)", "Amount (đồng)") : o.T("Số tiền", "Amount"),
                                  o.T("Hình thức", "Method"),
                                  o.T("Người nộp", "Payer"),
                                  o.T("Mã giao dịch", "Transaction"),
                                  o.T("Biên lai", "Receipt"),
                                  o.T("Trạng thái", "State")};
  if (file) {
    header.push_back(o.T("Lý do hủy", "Reversal reason"));
    header.push_back(o.T("Người ghi", "Recorded by"));
    header.push_back(o.T("Ghi lúc", "Recorded"));
  }
  return header;
}
const std::vector<size_t> kPaymentMoneyColumns{3};

std::vector<std::string> PaymentRow(const Output& o, const fv::Payment& p, bool file) {
  std::vector<std::string> row{IdOf(p.name()),
                               FormatTime(p.paid_time()),
                               IdOf(p.invoice()),
                               Money(p.amount(), file),
                               MethodLabel(o, p.method()),
                               p.payer_name(),
                               p.bank_transaction_id(),
                               p.receipt().empty() ? "" : IdOf(p.receipt()),
                               PaymentStateLabel(o, p.state())};
  if (file) {
    row.push_back(p.reversal_reason());
    row.push_back(p.recorded_by().empty() ? "" : IdOf(p.recorded_by()));
    row.push_back(FormatTime(p.create_time()));
  }
  return row;
}

std::vector<std::string> ReceiptHeader(const Output& o, bool file) {
  if (file) {
    return {o.T("Số biên lai", "Number"),
            o.T("Ký hiệu mẫu", "Template"),
            o.T("Ký hiệu", "Series"),
            o.T("Ngày lập", "Issued"),
            o.T("Người nộp", "Payer"),
            o.T("Học sinh", "Pupil"),
            o.T("Số tiền (đồng)", "Amount (đồng)"),
            o.T("Số tiền bằng chữ", "Amount in words"),
            o.T("Hình thức", "Method"),
            o.T("Tình trạng", "State"),
            o.T("Hóa đơn", "Invoice"),
            o.T("Mã biên lai", "Receipt id")};
  }
  return {o.T("Số biên lai", "Number"), o.T("Ngày lập", "Issued"),       o.T("Người nộp", "Payer"),
          o.T("Học sinh", "Pupil"),     o.T("Số tiền", "Amount"),        o.T("Hình thức", "Method"),
          o.T("Tình trạng", "State"),   o.T("Mã biên lai", "Receipt id")};
}
const std::vector<size_t> kReceiptMoneyColumns{6};

std::vector<std::string> ReceiptRow(const Output& o, const fv::Receipt& r, const PupilIndex& pupils,
                                    bool file) {
  if (file) {
    return {r.number(),
            r.template_symbol(),
            r.series(),
            FormatTime(r.issue_time()),
            r.payer_name(),
            PupilText(pupils, r.pupil()),
            Money(r.amount(), true),
            r.amount_in_words(),
            MethodLabel(o, r.method()),
            ReceiptStateLabel(o, r.cancelled()),
            IdOf(r.invoice()),
            IdOf(r.name())};
  }
  return {r.number(),
          FormatTime(r.issue_time()),
          r.payer_name(),
          Shorten(PupilText(pupils, r.pupil()), 36),
          FormatDong(r.amount()),
          MethodLabel(o, r.method()),
          ReceiptStateLabel(o, r.cancelled()),
          IdOf(r.name())};
}

void PrintReceipt(const Output& o, const fv::Receipt& r, const fv::Pupil* pupil) {
  std::string pupil_text = IdOf(r.pupil());
  if (pupil != nullptr) {
    pupil_text = absl::StrCat(pupil->display_name(), " (", pupil->pupil_code(), o.T(", lớp ", ", class "),
                              pupil->class_name(), ")");
  }
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")},
          {{o.T("Số biên lai", "Number"), r.number()},
           {o.T("Ký hiệu mẫu", "Template"), r.template_symbol()},
           {o.T("Ký hiệu", "Series"), r.series()},
           {o.T("Đơn vị thu", "Collecting unit"), r.issuer_name()},
           {o.T("Mã số thuế", "Tax code"), r.tax_code()},
           {o.T("Ngày lập", "Issued"), FormatTime(r.issue_time())},
           {o.T("Người nộp", "Payer"), r.payer_name()},
           {o.T("Học sinh", "Pupil"), pupil_text},
           {o.T("Hóa đơn", "Invoice"), IdOf(r.invoice())},
           {o.T("Khoản nộp", "Payment"), IdOf(r.payment())},
           {o.T("Hình thức thanh toán", "Method"), MethodLabel(o, r.method())},
           {o.T("Tổng số tiền", "Amount"), FormatDong(r.amount())},
           {o.T("Bằng chữ", "In words"), r.amount_in_words()},
           {o.T("Tình trạng", "State"),
            r.cancelled() ? o.T("ĐÃ HỦY (khoản nộp đã được ghi đảo; số biên lai không dùng lại)",
                                "CANCELLED (the payment was reversed; the number is never reused)")
                          : o.T("Hợp lệ", "Valid")},
           {o.T("Mã biên lai", "Receipt id"), IdOf(r.name())}});
  o.Line(o.T("\nCác khoản đã nộp:", "\nItems paid:"));
  std::vector<std::vector<std::string>> items;
  for (const auto& item : r.items()) {
    items.push_back({item.description(), item.period(), FormatDong(item.amount())});
  }
  o.Table({o.T("Nội dung", "Description"), o.T("Kỳ", "Period"), o.T("Số tiền", "Amount")}, items);
}

// ---------------------------------------------------------------------------
// Ledger.

// "receivables 500.000 đ" for each entry on one side, joined.
std::string EntriesText(const fv::LedgerTransfer& t, bool debit) {
  std::vector<std::string> parts;
  for (const auto& e : t.entries()) {
    int64_t amount = debit ? e.debit() : e.credit();
    if (amount > 0) parts.push_back(absl::StrCat(IdOf(e.account()), " ", FormatDong(amount)));
  }
  return absl::StrJoin(parts, "; ");
}

int64_t DebitTotal(const fv::LedgerTransfer& t) {
  int64_t total = 0;
  for (const auto& e : t.entries()) total += e.debit();
  return total;
}

}  // namespace

void AddFinanceCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, id, file, png_out;
    // settings
    std::string bank_bin, account_number, account_name, reference_prefix, issuer_name, tax_code,
        receipt_template, receipt_series, school_level;
    int area_group = 0;
    // pupils
    std::string code, name, class_name, guardian_name, guardian_phone, guardian_email, birth_date, query;
    bool include_left = false, left = false, enrolled = false, dry_run = false, skip_invalid = false,
         new_slip_secret = false;
    // fee items
    std::string amount, unit, school_year, kind, basis;
    bool include_inactive = false, mandatory = false, voluntary = false, active = false, inactive = false;
    // invoices
    std::string pupil, period, due, reference, reason, discount, discount_basis, discount_text;
    std::vector<std::string> fees, classes, states;
    bool overdue = false, qr = false, all = false;
    // meal absences and refunds
    std::vector<std::string> absences;
    std::string refund_period, meal_fee, refund_basis;
    int64_t meal_daily = 0;
    bool unrefunded = false;
    // payments, receipts, ledger
    std::string invoice, method, transaction_id, payer, paid_at, from, to, account;
    std::vector<std::string> methods;
    int year = 0;
  } f;
  // Options whose presence (not value) decides what an update changes.
  static struct {
    CLI::Option *bank_bin, *account_number, *account_name, *reference_prefix, *issuer_name, *tax_code,
        *receipt_template, *receipt_series, *school_level, *area_group;
    CLI::Option *name, *class_name, *guardian_name, *guardian_phone, *guardian_email;
    CLI::Option *fee_name, *amount, *basis;
  } given{};

  auto* finance = root.add_subcommand(
      "finance", "Thu phí: học sinh, khoản thu, hóa đơn VietQR, nộp tiền, biên lai, sổ cái (school fees)");
  finance->require_subcommand(1);
  auto add_school = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  };

  // === settings ================================================================
  auto* settings = finance->add_subcommand("settings", "Thiết lập thu phí của trường (finance settings)");
  settings->require_subcommand(1);

  auto* settings_show = settings->add_subcommand("show", "Xem tài khoản nhận tiền, mẫu biên lai, cấp học");
  add_school(settings_show);
  settings_show->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::GetFinanceSettingsRequest request;
    request.set_name(absl::StrCat(*school, "/financeSettings"));
    Session session = app.NewSession();
    fv::FinanceSettings s;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GetFinanceSettings(c, request, &s); }))
      return;
    if (app.out.json) return app.out.Json(s);
    PrintSettings(app.out, s);
  });

  auto* settings_set = settings->add_subcommand("set", "Sửa thiết lập (chỉ các mục được nêu)");
  add_school(settings_set);
  given.bank_bin =
      settings_set->add_option("--bank-bin", f.bank_bin, "Mã BIN ngân hàng (6 chữ số), ví dụ 970403");
  given.account_number =
      settings_set->add_option("--account-number", f.account_number, "Số tài khoản nhận tiền");
  given.account_name =
      settings_set->add_option("--account-name", f.account_name, "Tên chủ tài khoản, chữ in hoa không dấu");
  given.reference_prefix =
      settings_set->add_option("--reference-prefix", f.reference_prefix,
                               "Tiền tố mã thanh toán: 2-6 chữ in hoa hoặc số, ví dụ MN2010");
  given.issuer_name = settings_set->add_option("--issuer-name", f.issuer_name,
                                               "Đơn vị thu in trên biên lai, ví dụ \"Trường Mầm non 20/10\"");
  given.tax_code = settings_set->add_option("--tax-code", f.tax_code, "Mã số thuế (10 số, hoặc 10 số-3 số)");
  given.receipt_template = settings_set->add_option("--receipt-template", f.receipt_template,
                                                    "Ký hiệu mẫu biên lai, ví dụ 01BLP0-001");
  given.receipt_series =
      settings_set->add_option("--receipt-series", f.receipt_series, "Ký hiệu biên lai, ví dụ AA-26E");
  given.school_level = settings_set->add_option("--school-level", f.school_level, kLevelWords);
  given.area_group =
      settings_set->add_option("--area-group", f.area_group, "Nhóm địa bàn: 1 (phường), 2 (xã, đặc khu)");
  settings_set->callback([&app] {
    fv::UpdateFinanceSettingsRequest request;
    fv::FinanceSettings* s = request.mutable_finance_settings();
    auto* mask = request.mutable_update_mask();
    // A text field goes into the mask when its option was given, even as "".
    auto set = [&](CLI::Option* option, const char* path, const std::string& value,
                   std::string* (fv::FinanceSettings::*field)()) {
      if (option->count() == 0) return;
      *(s->*field)() = value;
      mask->add_paths(path);
    };
    set(given.bank_bin, "bank_bin", f.bank_bin, &fv::FinanceSettings::mutable_bank_bin);
    set(given.account_number, "account_number", f.account_number,
        &fv::FinanceSettings::mutable_account_number);
    set(given.account_name, "account_name", f.account_name, &fv::FinanceSettings::mutable_account_name);
    set(given.reference_prefix, "reference_prefix", f.reference_prefix,
        &fv::FinanceSettings::mutable_reference_prefix);
    set(given.issuer_name, "issuer_name", f.issuer_name, &fv::FinanceSettings::mutable_issuer_name);
    set(given.tax_code, "tax_code", f.tax_code, &fv::FinanceSettings::mutable_tax_code);
    set(given.receipt_template, "receipt_template", f.receipt_template,
        &fv::FinanceSettings::mutable_receipt_template);
    set(given.receipt_series, "receipt_series", f.receipt_series,
        &fv::FinanceSettings::mutable_receipt_series);
    if (given.school_level->count() > 0) {
      std::string level = absl::AsciiStrToLower(f.school_level);
      if (level != "mam-non" && level != "tieu-hoc" && level != "thcs" && level != "thpt")
        return app.Usage(absl::StrCat("--school-level: ", kLevelWords));
      s->set_school_level(level);
      mask->add_paths("school_level");
    }
    if (given.area_group->count() > 0) {
      if (f.area_group != 1 && f.area_group != 2)
        return app.Usage(app.out.T("--area-group phải là 1 hoặc 2", "--area-group must be 1 or 2"));
      s->set_area_group(f.area_group);
      mask->add_paths("area_group");
    }
    if (mask->paths_size() == 0) return app.Usage(app.out.T("không có gì để sửa", "nothing to change"));
    auto school = app.SchoolName(f.school);
    if (!school) return;
    s->set_name(absl::StrCat(*school, "/financeSettings"));
    request.set_request_id(NewRequestId(app, "settings"));
    Session session = app.NewSession();
    fv::FinanceSettings updated;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->UpdateFinanceSettings(c, request, &updated);
        }))
      return;
    if (app.out.json) return app.out.Json(updated);
    app.out.Line(app.out.T("Đã cập nhật thiết lập thu phí.", "Finance settings updated."));
    PrintSettings(app.out, updated);
  });

  // === pupils ==================================================================
  auto* pupils = finance->add_subcommand("pupils", "Học sinh (người nộp), danh sách lớp (pupils)");
  pupils->require_subcommand(1);
  auto add_pupil_id = [add_school](CLI::App* cmd) {
    cmd->add_option("id", f.id, "Mã định danh học sinh (cột đầu của 'finance pupils list')")->required();
    add_school(cmd);
  };

  auto* pupils_list = pupils->add_subcommand("list", "Danh sách học sinh theo lớp (--export để xuất)");
  add_school(pupils_list);
  pupils_list->add_option("--class", f.class_name, "Chỉ lớp này, ví dụ \"Lá 1\"");
  pupils_list->add_option("--query", f.query, "Tìm theo tên hoặc mã, không cần dấu");
  pupils_list->add_flag("--include-left", f.include_left, "Cả học sinh đã nghỉ học");
  pupils_list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 100 học sinh)");
  AddExportOption(pupils_list, app);
  pupils_list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    bool exporting = !app.export_path.empty();
    bool every_page = f.all || exporting;
    fv::ListPupilsRequest request;
    request.set_parent(*school);
    request.set_class_name(f.class_name);
    request.set_query(f.query);
    request.set_include_left(f.include_left);
    request.set_page_size(every_page ? 1000 : 100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    fv::ListPupilsResponse all;
    if (!Collect(
            app, session, request, every_page,
            [&](grpc::ClientContext* c, const fv::ListPupilsRequest& r, fv::ListPupilsResponse* p) {
              return stub->ListPupils(c, r, p);
            },
            &all))
      return;
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : all.pupils()) rows.push_back(PupilRow(o, p, exporting));
    if (Export(app, o.T("Học sinh", "Pupils"), PupilHeader(o, true), rows)) return;
    o.Table(PupilHeader(o, false), rows);
    MorePagesHint(o, all.next_page_token());
  });

  auto* pupils_show = pupils->add_subcommand("show", "Thông tin một học sinh");
  add_pupil_id(pupils_show);
  pupils_show->callback([&app] {
    auto name = ChildName(app, f.school, "pupils", f.id);
    if (!name) return;
    fv::GetPupilRequest request;
    request.set_name(*name);
    Session session = app.NewSession();
    fv::Pupil p;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GetPupil(c, request, &p); }))
      return;
    if (app.out.json) return app.out.Json(p);
    PrintPupil(app.out, p);
  });

  auto* pupils_add = pupils->add_subcommand("add", "Thêm một học sinh");
  add_pupil_id(pupils_add);
  pupils_add->add_option("--code", f.code, "Mã học sinh của trường")->required();
  pupils_add->add_option("--name", f.name, "Họ và tên")->required();
  pupils_add->add_option("--class", f.class_name, "Lớp, ví dụ \"Lá 1\"")->required();
  pupils_add->add_option("--guardian-name", f.guardian_name, "Họ tên phụ huynh");
  pupils_add->add_option("--guardian-phone", f.guardian_phone, "Điện thoại phụ huynh");
  pupils_add->add_option("--guardian-email", f.guardian_email, "Thư điện tử phụ huynh");
  pupils_add->add_option("--birth-date", f.birth_date, "Ngày sinh");
  pupils_add->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::CreatePupilRequest request;
    request.set_parent(*school);
    request.set_pupil_id(absl::AsciiStrToLower(f.id));
    fv::Pupil* p = request.mutable_pupil();
    p->set_pupil_code(f.code);
    p->set_display_name(f.name);
    p->set_class_name(f.class_name);
    p->set_guardian_name(f.guardian_name);
    p->set_guardian_phone(f.guardian_phone);
    p->set_guardian_email(f.guardian_email);
    if (!f.birth_date.empty()) {
      auto born = ParseDateFlag(app, "--birth-date", f.birth_date);
      if (!born) return;
      *p->mutable_birth_date() = *born;
    }
    request.set_request_id(NewRequestId(app, "pupils-add"));
    Session session = app.NewSession();
    fv::Pupil created;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->CreatePupil(c, request, &created); }))
      return;
    if (app.out.json) return app.out.Json(created);
    app.out.Line(absl::StrCat(app.out.T("Đã thêm học sinh ", "Added pupil "), created.pupil_code(), " — ",
                              created.display_name()));
    app.out.Table(PupilHeader(app.out, false), {PupilRow(app.out, created, false)});
  });

  auto* pupils_update = pupils->add_subcommand("update", "Sửa thông tin học sinh (chỉ các mục được nêu)");
  add_pupil_id(pupils_update);
  given.name = pupils_update->add_option("--name", f.name, "Họ và tên mới");
  given.class_name = pupils_update->add_option("--class", f.class_name, "Lớp mới");
  given.guardian_name = pupils_update->add_option("--guardian-name", f.guardian_name, "Họ tên phụ huynh");
  given.guardian_phone =
      pupils_update->add_option("--guardian-phone", f.guardian_phone, "Điện thoại phụ huynh");
  given.guardian_email =
      pupils_update->add_option("--guardian-email", f.guardian_email, "Thư điện tử phụ huynh (\"\": xóa)");
  auto* left_flag = pupils_update->add_flag("--left", f.left,
                                            "Học sinh đã nghỉ học, chuyển trường (không lập hóa đơn mới)");
  pupils_update->add_flag("--enrolled", f.enrolled, "Học sinh học lại")->excludes(left_flag);
  pupils_update->add_flag("--new-slip-secret", f.new_slip_secret,
                          "Cấp mã bí mật mới cho phiếu thu (phiếu cũ hết tác dụng tra cứu)");
  pupils_update->callback([&app] {
    fv::UpdatePupilRequest request;
    fv::Pupil* p = request.mutable_pupil();
    auto* mask = request.mutable_update_mask();
    auto set = [&](CLI::Option* option, const char* path, const std::string& value,
                   std::string* (fv::Pupil::*field)()) {
      if (option->count() == 0) return;
      *(p->*field)() = value;
      mask->add_paths(path);
    };
    set(given.name, "display_name", f.name, &fv::Pupil::mutable_display_name);
    set(given.class_name, "class_name", f.class_name, &fv::Pupil::mutable_class_name);
    set(given.guardian_name, "guardian_name", f.guardian_name, &fv::Pupil::mutable_guardian_name);
    set(given.guardian_phone, "guardian_phone", f.guardian_phone, &fv::Pupil::mutable_guardian_phone);
    set(given.guardian_email, "guardian_email", f.guardian_email, &fv::Pupil::mutable_guardian_email);
    if (f.left || f.enrolled) {
      p->set_status(f.left ? fv::PUPIL_STATUS_LEFT : fv::PUPIL_STATUS_ENROLLED);
      mask->add_paths("status");
    }
    if (f.new_slip_secret) mask->add_paths("slip_secret");
    if (mask->paths_size() == 0) return app.Usage(app.out.T("không có gì để sửa", "nothing to change"));
    auto name = ChildName(app, f.school, "pupils", f.id);
    if (!name) return;
    p->set_name(*name);
    request.set_request_id(NewRequestId(app, "pupils-update"));
    Session session = app.NewSession();
    fv::Pupil updated;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->UpdatePupil(c, request, &updated); }))
      return;
    if (app.out.json) return app.out.Json(updated);
    app.out.Line(absl::StrCat(app.out.T("Đã cập nhật học sinh ", "Updated pupil "), updated.pupil_code()));
    app.out.Table(PupilHeader(app.out, false), {PupilRow(app.out, updated, false)});
  });

  auto* pupils_import = pupils->add_subcommand(
      "import", "Nhập danh sách lớp từ tệp CSV: thêm mới, cập nhật theo mã học sinh (class list upload)");
  add_school(pupils_import);
  pupils_import->add_option("file", f.file, "Tệp CSV UTF-8 (- : đọc từ đầu vào chuẩn; xem docs/CLI.md)")
      ->required();
  pupils_import->add_flag("--dry-run", f.dry_run, "Chỉ kiểm tra, không ghi");
  pupils_import->add_flag("--skip-invalid", f.skip_invalid, "Ghi các dòng hợp lệ dù có dòng lỗi");
  pupils_import->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    auto csv = ReadFileFlag(app, f.file);
    if (!csv) return;
    fv::ImportPupilsRequest request;
    request.set_parent(*school);
    request.set_csv(*csv);
    request.set_dry_run(f.dry_run);
    request.set_skip_invalid_rows(f.skip_invalid);
    request.set_request_id(NewRequestId(app, "pupils-import"));
    Session session = app.NewSession();
    fv::ImportPupilsResponse response;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->ImportPupils(c, request, &response); }))
      return;
    // Rows refused and nothing written: the file needs fixing.
    if (response.errors_size() > 0 && !response.applied()) app.exit_code = kExitRejected;
    if (app.out.json) return app.out.Json(response);
    const Output& o = app.out;
    std::string outcome = f.dry_run ? o.T("chỉ kiểm tra, chưa ghi gì", "dry run, nothing written")
                          : response.applied() ? o.T("đã ghi", "written")
                                               : o.T("không ghi gì", "nothing written");
    o.Line(absl::StrFormat(o.T("Thêm mới %d, cập nhật %d, không đổi %d, dòng lỗi %d — %s",
                               "Created %d, updated %d, unchanged %d, rows in error %d — %s"),
                           response.created_count(), response.updated_count(), response.unchanged_count(),
                           response.errors_size(), outcome));
    for (const auto& e : response.errors()) {
      std::string where = e.column().empty() ? absl::StrCat(o.T("dòng ", "line "), e.line())
                                             : absl::StrCat(o.T("dòng ", "line "), e.line(),
                                                            o.T(", cột ", ", column "), e.column());
      o.Line(absl::StrCat("  ", where, ": ", e.message()));
    }
    if (response.errors_size() > 0 && !response.applied() && !f.dry_run) {
      o.Line(o.T("Sửa các dòng lỗi rồi nhập lại, hoặc thêm --skip-invalid để ghi các dòng hợp lệ.",
                 "Fix the rows in error and import again, or add --skip-invalid to write the valid rows."));
    }
  });

  // === fee items ===============================================================
  auto* fees = finance->add_subcommand("fees", "Khoản thu và mức thu (fee items)");
  fees->require_subcommand(1);
  auto add_fee_id = [add_school](CLI::App* cmd) {
    cmd->add_option("id", f.id, "Mã định danh khoản thu (cột đầu của 'finance fees list')")->required();
    add_school(cmd);
  };

  auto* fees_list = fees->add_subcommand("list", "Các khoản thu đang áp dụng, theo mã");
  add_school(fees_list);
  fees_list->add_option("--year", f.school_year, "Chỉ năm học này, ví dụ 2026-2027");
  fees_list->add_flag("--include-inactive", f.include_inactive, "Cả khoản thu đã ngừng áp dụng");
  AddExportOption(fees_list, app);
  fees_list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::ListFeeItemsRequest request;
    request.set_parent(*school);
    request.set_school_year(f.school_year);
    request.set_include_inactive(f.include_inactive);
    request.set_page_size(500);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    fv::ListFeeItemsResponse all;
    if (!Collect(
            app, session, request, true,
            [&](grpc::ClientContext* c, const fv::ListFeeItemsRequest& r, fv::ListFeeItemsResponse* p) {
              return stub->ListFeeItems(c, r, p);
            },
            &all))
      return;
    bool exporting = !app.export_path.empty();
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    for (const auto& fee : all.fee_items()) rows.push_back(FeeRow(o, fee, exporting));
    if (Export(app, o.T("Khoản thu", "Fee items"), FeeHeader(o, true), rows, {kFeeAmountColumn})) return;
    o.Table(FeeHeader(o, false), rows);
  });

  auto* fees_add = fees->add_subcommand("add", "Khai báo một khoản thu (mức thu được đối chiếu mức trần)");
  add_fee_id(fees_add);
  fees_add->add_option("--code", f.code, "Mã ngắn, ví dụ HP (học phí), BT (bán trú)")->required();
  fees_add->add_option("--name", f.name, "Tên khoản thu, ví dụ \"Tiền ăn bán trú\"")->required();
  fees_add->add_option("--amount", f.amount, "Mức thu mỗi đơn vị tính (đồng), ví dụ 500000 hoặc 500.000")
      ->required();
  fees_add->add_option("--unit", f.unit, kUnitWords)->required();
  fees_add->add_option("--year", f.school_year, "Năm học, ví dụ 2026-2027")->required();
  fees_add->add_option("--kind", f.kind, "Loại khoản thu theo quy định của Thành phố, ví dụ ban-tru, khac")
      ->required();
  fees_add->add_option("--basis", f.basis, "Căn cứ pháp lý, ví dụ \"Nghị quyết 17/2025/NQ-HĐND\"")
      ->required();
  fees_add->add_flag("--mandatory", f.mandatory, "Khoản thu bắt buộc (mặc định: tự nguyện, dịch vụ)");
  fees_add->callback([&app] {
    auto school = app.SchoolName(f.school);
    auto amount = AmountFlag(app, "--amount", f.amount);
    auto unit = ParseFeeUnit(f.unit);
    if (!unit) app.Usage(absl::StrCat("--unit: ", kUnitWords));
    if (!school || !amount || !unit) return;
    fv::CreateFeeItemRequest request;
    request.set_parent(*school);
    request.set_fee_item_id(absl::AsciiStrToLower(f.id));
    fv::FeeItem* fee = request.mutable_fee_item();
    fee->set_code(f.code);
    fee->set_display_name(f.name);
    fee->set_amount(*amount);
    fee->set_unit(*unit);
    fee->set_school_year(f.school_year);
    fee->set_charge_kind(f.kind);
    fee->set_legal_basis(f.basis);
    fee->set_mandatory(f.mandatory);
    request.set_request_id(NewRequestId(app, "fees-add"));
    Session session = app.NewSession();
    fv::FeeItem created;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->CreateFeeItem(c, request, &created); }))
      return;
    if (app.out.json) return app.out.Json(created);
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Đã khai báo khoản thu ", "Added fee item "), created.code(), " — ",
                        created.display_name(), ": ", AmountPerUnit(o, created),
                        o.T(", năm học ", ", school year "), created.school_year()));
    o.Table(FeeHeader(o, false), {FeeRow(o, created, false)});
  });

  auto* fees_update = fees->add_subcommand(
      "update", "Sửa khoản thu (chỉ các mục được nêu; hóa đơn đã lập giữ nguyên số tiền)");
  add_fee_id(fees_update);
  given.fee_name = fees_update->add_option("--name", f.name, "Tên mới");
  given.amount = fees_update->add_option("--amount", f.amount, "Mức thu mới (đồng; đối chiếu lại mức trần)");
  given.basis = fees_update->add_option("--basis", f.basis, "Căn cứ pháp lý mới");
  auto* active_flag = fees_update->add_flag("--active", f.active, "Áp dụng lại cho hóa đơn mới");
  fees_update->add_flag("--inactive", f.inactive, "Ngừng áp dụng cho hóa đơn mới")->excludes(active_flag);
  auto* mandatory_flag = fees_update->add_flag("--mandatory", f.mandatory, "Là khoản thu bắt buộc");
  fees_update->add_flag("--voluntary", f.voluntary, "Là khoản thu tự nguyện")->excludes(mandatory_flag);
  fees_update->callback([&app] {
    fv::UpdateFeeItemRequest request;
    fv::FeeItem* fee = request.mutable_fee_item();
    auto* mask = request.mutable_update_mask();
    if (given.fee_name->count() > 0) fee->set_display_name(f.name), mask->add_paths("display_name");
    if (given.basis->count() > 0) fee->set_legal_basis(f.basis), mask->add_paths("legal_basis");
    if (given.amount->count() > 0) {
      auto amount = AmountFlag(app, "--amount", f.amount);
      if (!amount) return;
      fee->set_amount(*amount);
      mask->add_paths("amount");
    }
    if (f.active || f.inactive) fee->set_active(f.active), mask->add_paths("active");
    if (f.mandatory || f.voluntary) fee->set_mandatory(f.mandatory), mask->add_paths("mandatory");
    if (mask->paths_size() == 0) return app.Usage(app.out.T("không có gì để sửa", "nothing to change"));
    auto name = ChildName(app, f.school, "feeItems", f.id);
    if (!name) return;
    fee->set_name(*name);
    request.set_request_id(NewRequestId(app, "fees-update"));
    Session session = app.NewSession();
    fv::FeeItem updated;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->UpdateFeeItem(c, request, &updated); }))
      return;
    if (app.out.json) return app.out.Json(updated);
    app.out.Line(absl::StrCat(app.out.T("Đã sửa khoản thu ", "Updated fee item "), updated.code()));
    app.out.Table(FeeHeader(app.out, false), {FeeRow(app.out, updated, false)});
  });

  // === invoices ================================================================
  auto* invoices = finance->add_subcommand("invoices", "Hóa đơn (giấy báo thu) có mã VietQR (invoices)");
  invoices->require_subcommand(1);
  auto add_invoice_id = [add_school](CLI::App* cmd) {
    cmd->add_option(
           "id", f.id,
           "Mã hóa đơn (cột đầu của 'finance invoices list') hoặc mã thanh toán, ví dụ MN2010HP26090017")
        ->required();
    add_school(cmd);
  };

  auto* invoices_list = invoices->add_subcommand(
      "list", "Danh sách hóa đơn, mới nhất trước (sổ theo dõi thu; --export để xuất)");
  add_school(invoices_list);
  invoices_list->add_option("--pupil", f.pupil, "Chỉ học sinh này (mã định danh)");
  invoices_list->add_option("--period", f.period, "Chỉ kỳ thu này, ví dụ 2026-09");
  invoices_list->add_option("--state", f.states, absl::StrCat("Trạng thái (lặp lại được): ", kStateWords))
      ->delimiter(',');
  invoices_list->add_flag("--overdue", f.overdue, "Chỉ hóa đơn quá hạn còn nợ");
  invoices_list->add_option("--reference", f.reference,
                            "Tìm theo mã thanh toán (không phân biệt hoa thường)");
  invoices_list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 100 hóa đơn)");
  AddExportOption(invoices_list, app);
  invoices_list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::ListInvoicesRequest request;
    request.set_parent(*school);
    if (!f.pupil.empty()) {
      auto pupil = ChildName(app, f.school, "pupils", f.pupil);
      if (!pupil) return;
      request.set_pupil(*pupil);
    }
    if (!f.period.empty()) request.set_period(NormalizePeriod(f.period));
    for (const auto& text : f.states) {
      auto state = ParseInvoiceState(text);
      if (!state) return app.Usage(absl::StrCat("--state: ", kStateWords));
      request.add_states(*state);
    }
    request.set_overdue_only(f.overdue);
    request.set_payment_reference(f.reference);
    bool exporting = !app.export_path.empty();
    bool every_page = f.all || exporting;
    request.set_page_size(every_page ? 1000 : 100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    fv::ListInvoicesResponse all;
    if (!Collect(
            app, session, request, every_page,
            [&](grpc::ClientContext* c, const fv::ListInvoicesRequest& r, fv::ListInvoicesResponse* p) {
              return stub->ListInvoices(c, r, p);
            },
            &all))
      return;
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    PupilIndex pupils = all.invoices_size() > 0 ? ReadPupils(session, *school) : PupilIndex{};
    std::vector<std::vector<std::string>> rows;
    for (const auto& i : all.invoices()) rows.push_back(InvoiceRow(o, i, pupils, exporting));
    if (Export(app, o.T("Hóa đơn", "Invoices"), InvoiceHeader(o, true), rows, kInvoiceMoneyColumns)) return;
    o.Table(InvoiceHeader(o, false), rows);
    if (all.next_page_token().empty()) {
      if (all.invoices_size() > 0) PrintInvoiceTotals(o, all);
    } else {
      MorePagesHint(o, all.next_page_token());
    }
  });

  auto* invoices_show = invoices->add_subcommand(
      "show", "Chi tiết một hóa đơn: các khoản, số đã nộp, các lần nộp; --qr: mã VietQR để phụ huynh quét");
  add_invoice_id(invoices_show);
  invoices_show->add_flag("--qr", f.qr, "Vẽ mã VietQR của số còn nợ trong cửa sổ dòng lệnh");
  invoices_show->add_option("--png", f.png_out, "Ghi mã VietQR ra tệp ảnh PNG (để in hoặc gửi phụ huynh)");
  invoices_show->callback([&app] {
    Session session = app.NewSession();
    auto name = ResolveInvoice(app, session, f.school, f.id);
    if (!name) return;
    fv::GetInvoiceRequest request;
    request.set_name(*name);
    auto stub = StubOf(session);
    fv::Invoice invoice;
    if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->GetInvoice(c, request, &invoice); }))
      return;
    if (app.out.json) {
      app.out.Json(invoice);
      if (!f.png_out.empty()) ShowQr(app, invoice, false, f.png_out);
      return;
    }
    const Output& o = app.out;
    // The pupil and the payments, quietly left out when they cannot be read.
    std::optional<fv::Pupil> pupil;
    {
      fv::GetPupilRequest pupil_request;
      pupil_request.set_name(invoice.pupil());
      fv::Pupil got;
      auto context = session.NewContext();
      if (stub->GetPupil(context.get(), pupil_request, &got).ok()) pupil = got;
    }
    std::string pupil_text = IdOf(invoice.pupil());
    if (pupil) {
      pupil_text = absl::StrCat(pupil->display_name(), " (", pupil->pupil_code(), o.T(", lớp ", ", class "),
                                pupil->class_name(), ")");
    }
    std::vector<std::vector<std::string>> rows{
        {o.T("Mã hóa đơn", "Invoice"), IdOf(invoice.name())},
        {o.T("Học sinh", "Pupil"), pupil_text},
        {o.T("Kỳ thu", "Period"), invoice.period()},
        {o.T("Hạn nộp", "Due"), FormatDate(invoice.due_date())},
        {o.T("Trạng thái", "State"), InvoiceStatus(o, invoice)},
        {o.T("Phải nộp", "Total"), FormatDong(invoice.total_amount())},
        {o.T("Đã nộp", "Paid"), FormatDong(invoice.paid_amount())},
        {o.T("Còn nợ", "Balance"), FormatDong(invoice.balance())},
        {o.T("Mã thanh toán (nội dung chuyển khoản)", "Payment reference (transfer description)"),
         invoice.payment_reference()}};
    if (!invoice.cancel_reason().empty())
      rows.push_back({o.T("Lý do hủy", "Cancel reason"), invoice.cancel_reason()});
    rows.push_back({o.T("Lập lúc", "Issued"), FormatTime(invoice.create_time())});
    rows.push_back({o.T("Cập nhật lúc", "Updated"), FormatTime(invoice.update_time())});
    o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")}, rows);
    o.Line(o.T("\nCác khoản thu:", "\nLines:"));
    std::vector<std::vector<std::string>> lines;
    for (const auto& l : invoice.lines()) {
      lines.push_back({l.description(), absl::StrCat(l.quantity()), FormatDong(l.unit_amount()),
                       FormatDong(l.amount()), l.legal_basis()});
    }
    o.Table({o.T("Nội dung", "Description"), o.T("Số lượng", "Qty"), o.T("Đơn giá", "Unit amount"),
             o.T("Thành tiền", "Amount"), o.T("Căn cứ", "Legal basis")},
            lines);
    fv::ListPaymentsRequest payments_request;
    payments_request.set_parent(SchoolOf(invoice.name()));
    payments_request.set_invoice(invoice.name());
    payments_request.set_page_size(1000);
    fv::ListPaymentsResponse payments;
    auto context = session.NewContext();
    if (stub->ListPayments(context.get(), payments_request, &payments).ok() && payments.payments_size() > 0) {
      o.Line(o.T("\nCác lần nộp:", "\nPayments:"));
      std::vector<std::vector<std::string>> paid;
      for (const auto& p : payments.payments()) paid.push_back(PaymentRow(o, p, false));
      o.Table(PaymentHeader(o, false), paid);
    }
    if (f.qr || !f.png_out.empty()) ShowQr(app, invoice, f.qr, f.png_out);
  });

  auto* invoices_add = invoices->add_subcommand(
      "add", "Lập hóa đơn cho một học sinh, một kỳ thu (in mã thanh toán; mã VietQR: invoices show --qr)");
  add_school(invoices_add);
  invoices_add->add_option("--pupil", f.pupil, "Học sinh (mã định danh)")->required();
  invoices_add->add_option("--period", f.period, "Kỳ thu, ví dụ 2026-09")->required();
  invoices_add->add_option("--due", f.due, "Hạn nộp")->required();
  invoices_add
      ->add_option("--fee", f.fees, "Khoản thu (mã định danh; lặp lại được), thu theo mức đã khai báo")
      ->required()
      ->delimiter(',');
  invoices_add->add_option("--discount", f.discount, "Số tiền miễn, giảm (đồng), ghi thành dòng âm");
  invoices_add->add_option(
      "--discount-basis", f.discount_basis,
      "Căn cứ miễn, giảm (bắt buộc khi có --discount), ví dụ \"Nghị định 238/2025/NĐ-CP\"");
  invoices_add->add_option("--discount-text", f.discount_text,
                           "Nội dung dòng miễn, giảm (mặc định \"Miễn, giảm\")");
  invoices_add->callback([&app] {
    auto school = app.SchoolName(f.school);
    std::optional<std::string> pupil;
    if (school) pupil = ChildName(app, f.school, "pupils", f.pupil);
    auto due = ParseDateFlag(app, "--due", f.due);
    if (!school || !pupil || !due) return;
    fv::CreateInvoiceRequest request;
    request.set_parent(*school);
    fv::Invoice* invoice = request.mutable_invoice();
    invoice->set_pupil(*pupil);
    invoice->set_period(NormalizePeriod(f.period));
    *invoice->mutable_due_date() = *due;
    for (const auto& fee : f.fees) {
      auto fee_name = ChildName(app, f.school, "feeItems", fee);
      if (!fee_name) return;
      fv::InvoiceLine* line = invoice->add_lines();
      line->set_fee_item(*fee_name);
      line->set_quantity(1);
    }
    if (!f.discount.empty()) {
      auto discount = AmountFlag(app, "--discount", f.discount);
      if (!discount) return;
      if (f.discount_basis.empty()) {
        return app.Usage(app.out.T("--discount cần --discount-basis (căn cứ miễn, giảm)",
                                   "--discount needs --discount-basis (the legal basis)"));
      }
      fv::InvoiceLine* line = invoice->add_lines();
      line->set_description(f.discount_text.empty() ? std::string("Miễn, giảm") : f.discount_text);
      line->set_quantity(1);
      line->set_unit_amount(-*discount);
      line->set_legal_basis(f.discount_basis);
    } else if (!f.discount_basis.empty() || !f.discount_text.empty()) {
      return app.Usage(app.out.T("--discount-basis và --discount-text đi cùng --discount",
                                 "--discount-basis and --discount-text go with --discount"));
    }
    request.set_request_id(NewRequestId(app, "invoices-add"));
    Session session = app.NewSession();
    fv::Invoice created;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->CreateInvoice(c, request, &created); }))
      return;
    if (app.out.json) return app.out.Json(created);
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Đã lập hóa đơn ", "Issued invoice "), IdOf(created.name()),
                        o.T(" cho học sinh ", " to pupil "), IdOf(created.pupil()), o.T(", kỳ ", ", period "),
                        created.period(), ": ", FormatDong(created.total_amount()),
                        o.T(", hạn nộp ", ", due "), FormatDate(created.due_date())));
    o.Line(absl::StrCat(
        o.T("Mã thanh toán (nội dung chuyển khoản): ", "Payment reference (transfer description): "),
        created.payment_reference()));
    o.Line(absl::StrCat(
        o.T("Mã VietQR: parhubctl finance invoices show ", "VietQR code: parhubctl finance invoices show "),
        IdOf(created.name()), " --qr"));
  });

  auto* invoices_batch = invoices->add_subcommand(
      "batch", "Lập hóa đơn một kỳ cho cả lớp hoặc cả trường (bỏ qua học sinh đã có hóa đơn kỳ đó)");
  add_school(invoices_batch);
  invoices_batch->add_option("--period", f.period, "Kỳ thu, ví dụ 2026-09")->required();
  invoices_batch->add_option("--due", f.due, "Hạn nộp")->required();
  invoices_batch->add_option("--fee", f.fees, "Khoản thu (mã định danh; lặp lại được)")
      ->required()
      ->delimiter(',');
  invoices_batch->add_option("--class", f.classes, "Chỉ các lớp này (lặp lại được; mặc định: cả trường)");
  auto* refund_of = invoices_batch->add_option(
      "--refund-absences-of", f.refund_period,
      "Hoàn tiền ăn các ngày nghỉ đã ghi của tháng này (ví dụ 2026-11; xem 'finance absences')");
  invoices_batch->add_option("--meal-fee", f.meal_fee, "Khoản tiền ăn được hoàn (một trong các --fee)")
      ->needs(refund_of);
  invoices_batch->add_option("--meal-daily", f.meal_daily, "Tiền ăn mỗi ngày, đồng")->needs(refund_of);
  invoices_batch
      ->add_option("--refund-basis", f.refund_basis,
                   "Căn cứ hoàn (ví dụ thông báo các khoản thu của trường, mục…)")
      ->needs(refund_of);
  invoices_batch->callback([&app] {
    auto school = app.SchoolName(f.school);
    auto due = ParseDateFlag(app, "--due", f.due);
    if (!school || !due) return;
    fv::BatchCreateInvoicesRequest request;
    request.set_parent(*school);
    request.set_period(NormalizePeriod(f.period));
    for (const auto& c : f.classes) request.add_class_names(c);
    for (const auto& fee : f.fees) {
      auto fee_name = ChildName(app, f.school, "feeItems", fee);
      if (!fee_name) return;
      request.add_fee_items(*fee_name);
    }
    *request.mutable_due_date() = *due;
    if (!f.refund_period.empty()) {
      if (f.meal_fee.empty() || f.meal_daily <= 0 || f.refund_basis.empty()) {
        return app.Usage("--refund-absences-of cần --meal-fee, --meal-daily và --refund-basis");
      }
      auto meal = ChildName(app, f.school, "feeItems", f.meal_fee);
      if (!meal) return;
      fv::MealRefund* refund = request.mutable_meal_refund();
      refund->set_absence_period(NormalizePeriod(f.refund_period));
      refund->set_fee_item(*meal);
      refund->set_daily_amount(f.meal_daily);
      refund->set_legal_basis(f.refund_basis);
    }
    request.set_request_id(NewRequestId(app, "invoices-batch"));
    Session session = app.NewSession();
    fv::BatchCreateInvoicesResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->BatchCreateInvoices(c, request, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    const Output& o = app.out;
    o.Line(absl::StrFormat(o.T("Đã lập %d hóa đơn kỳ %s; bỏ qua %d học sinh đã có hóa đơn kỳ này.",
                               "Issued %d invoices for %s; skipped %d pupils already invoiced for it."),
                           response.created_count(), request.period(), response.skipped_count()));
    if (request.has_meal_refund()) {
      o.Line(absl::StrFormat(o.T("Hoàn tiền ăn ngày nghỉ %s trên %d hóa đơn.",
                                 "Meal money of the days missed in %s refunded on %d invoices."),
                             request.meal_refund().absence_period(), response.refunded_count()));
    }
    if (response.created_count() > 0) {
      o.Line(absl::StrCat(o.T("Xem: parhubctl finance invoices list --period ",
                              "See: parhubctl finance invoices list --period "),
                          request.period()));
    }
  });

  auto* invoices_cancel = invoices->add_subcommand(
      "cancel", "Hủy hóa đơn chưa có khoản nộp nào, nêu lý do (không hoàn tác được)");
  add_invoice_id(invoices_cancel);
  invoices_cancel->add_option("--reason", f.reason, "Lý do hủy")->required();
  invoices_cancel->callback([&app] {
    Session session = app.NewSession();
    auto name = ResolveInvoice(app, session, f.school, f.id);
    if (!name) return;
    fv::CancelInvoiceRequest request;
    request.set_name(*name);
    request.set_reason(f.reason);
    request.set_request_id(NewRequestId(app, "invoices-cancel"));
    fv::Invoice cancelled;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->CancelInvoice(c, request, &cancelled); }))
      return;
    if (app.out.json) return app.out.Json(cancelled);
    app.out.Line(absl::StrCat(app.out.T("Đã hủy hóa đơn ", "Cancelled invoice "), IdOf(cancelled.name())));
    app.out.Table(InvoiceHeader(app.out, false), {InvoiceRow(app.out, cancelled, PupilIndex{}, false)});
  });

  // === meal absences ==========================================================
  auto* absences = finance->add_subcommand(
      "absences", "Ngày nghỉ có báo cắt suất ăn, để hoàn tiền ăn trên hóa đơn kỳ sau (meal absences)");
  absences->require_subcommand(1);

  auto* absences_record = absences->add_subcommand(
      "record", "Ghi số ngày nghỉ của một tháng theo sổ điểm danh (ghi đè số đã ghi; 0: xóa)");
  add_school(absences_record);
  absences_record->add_option("--period", f.period, "Tháng nghỉ, ví dụ 2026-11")->required();
  absences_record->add_option("entries", f.absences, "MÃ-HỌC-SINH:SỐ-NGÀY, ví dụ hs-0001:3 (lặp lại được)")
      ->required();
  absences_record->add_option("--note", f.reason, "Ghi chú chung (ví dụ: theo sổ điểm danh lớp 2A)");
  absences_record->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::RecordMealAbsencesRequest request;
    request.set_parent(*school);
    request.set_period(NormalizePeriod(f.period));
    for (const std::string& entry : f.absences) {
      std::pair<std::string, std::string> parts = absl::StrSplit(entry, absl::MaxSplits(':', 1));
      int days = 0;
      if (parts.first.empty() || !absl::SimpleAtoi(parts.second, &days)) {
        return app.Usage(absl::StrCat("'", entry, "': cần dạng MÃ-HỌC-SINH:SỐ-NGÀY, ví dụ hs-0001:3"));
      }
      auto pupil = ChildName(app, f.school, "pupils", absl::AsciiStrToLower(parts.first));
      if (!pupil) return;
      fv::MealAbsence* a = request.add_absences();
      a->set_pupil(*pupil);
      a->set_days(days);
      a->set_note(f.reason);
    }
    request.set_request_id(NewRequestId(app, "absences-record"));
    Session session = app.NewSession();
    fv::RecordMealAbsencesResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->RecordMealAbsences(c, request, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    const Output& o = app.out;
    o.Line(absl::StrFormat(o.T("Đã ghi ngày nghỉ tháng %s của %d học sinh, xóa %d.",
                               "Recorded the days missed in %s of %d pupils, removed %d."),
                           request.period(), response.recorded_count(), response.removed_count()));
  });

  auto* absences_list = absences->add_subcommand("list", "Ngày nghỉ đã ghi của một tháng và hóa đơn đã hoàn");
  add_school(absences_list);
  absences_list->add_option("--period", f.period, "Tháng nghỉ, ví dụ 2026-11")->required();
  absences_list->add_flag("--unrefunded", f.unrefunded, "Chỉ những ngày chưa hoàn");
  absences_list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 100 dòng)");
  AddExportOption(absences_list, app);
  absences_list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::ListMealAbsencesRequest request;
    request.set_parent(*school);
    request.set_period(NormalizePeriod(f.period));
    request.set_unrefunded_only(f.unrefunded);
    bool exporting = !app.export_path.empty();
    bool every_page = f.all || exporting;
    request.set_page_size(every_page ? 1000 : 100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    fv::ListMealAbsencesResponse all;
    if (!Collect(
            app, session, request, every_page,
            [&](grpc::ClientContext* c, const fv::ListMealAbsencesRequest& r,
                fv::ListMealAbsencesResponse* p) { return stub->ListMealAbsences(c, r, p); },
            &all))
      return;
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::string> header = {o.T("Học sinh", "Pupil"), o.T("Mã HS", "Code"),
                                       o.T("Ngày nghỉ", "Days"), o.T("Ghi chú", "Note"),
                                       o.T("Đã hoàn trên hóa đơn", "Refunded on")};
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : all.absences()) {
      rows.push_back({IdOf(a.pupil()), a.pupil_code(), absl::StrCat(a.days()), a.note(),
                      a.refunded_on().empty() ? o.T("chưa hoàn", "not yet") : IdOf(a.refunded_on())});
    }
    PrintList(app, o.T("Ngày nghỉ", "Meal absences"), header, rows, {2});
    if (!exporting && !all.next_page_token().empty()) MorePagesHint(o, all.next_page_token());
  });

  // === pay =====================================================================
  auto* pay = finance->add_subcommand(
      "pay", "Ghi nhận một khoản nộp cho hóa đơn và cấp biên lai (record a payment, exactly once)");
  pay->add_option("invoice", f.invoice, "Mã hóa đơn hoặc mã thanh toán, ví dụ MN2010HP26090017")->required();
  add_school(pay);
  pay->add_option("--amount", f.amount, "Số tiền nhận (đồng), tối đa bằng số còn nợ")->required();
  pay->add_option("--method", f.method, kMethodWords)->required();
  pay->add_option("--transaction-id", f.transaction_id, "Mã giao dịch ngân hàng (bắt buộc khi chuyển khoản)");
  pay->add_option("--payer", f.payer, "Tên người nộp");
  pay->add_option("--paid-at", f.paid_at,
                  "Thời điểm nhận tiền, giờ Việt Nam, ví dụ \"2026-09-15 08:30\" (mặc định: bây giờ)");
  pay->callback([&app] {
    auto amount = AmountFlag(app, "--amount", f.amount);
    auto method = ParseMethod(f.method);
    if (!method || *method == fv::PAYMENT_METHOD_CREDIT) app.Usage(absl::StrCat("--method: ", kMethodWords));
    std::optional<google::protobuf::Timestamp> paid_at;
    if (!f.paid_at.empty()) {
      paid_at = TimeFlag(app, "--paid-at", f.paid_at);
    } else {
      // Now, to the minute: the retry hint below can name it exactly.
      google::protobuf::Timestamp now;
      int64_t seconds = absl::ToUnixSeconds(absl::Now());
      now.set_seconds(seconds - seconds % 60);
      paid_at = now;
    }
    if (!amount || !method || *method == fv::PAYMENT_METHOD_CREDIT || !paid_at) return;
    Session session = app.NewSession();
    auto invoice = ResolveInvoice(app, session, f.school, f.invoice);
    if (!invoice) return;
    fv::RecordPaymentRequest request;
    request.set_parent(SchoolOf(*invoice));
    fv::Payment* p = request.mutable_payment();
    p->set_invoice(*invoice);
    p->set_amount(*amount);
    p->set_method(*method);
    *p->mutable_paid_time() = *paid_at;
    p->set_payer_name(f.payer);
    p->set_bank_transaction_id(f.transaction_id);
    // Derived from what was paid, so running the same command again (after
    // a timeout, say) returns the payment already recorded instead of
    // recording it twice.
    request.set_request_id(
        app.RequestId(absl::StrCat("cli-finance-pay-", IdOf(*invoice), "-", *amount, "-",
                                   static_cast<int>(*method), "-", paid_at->seconds() / 60)));
    auto stub = StubOf(session);
    fv::Payment payment;
    auto context = session.NewContext();
    grpc::Status status = stub->RecordPayment(context.get(), request, &payment);
    const Output& o = app.out;
    if (!status.ok()) {
      app.exit_code = session.Fail(status);
      if (app.exit_code == kExitUnavailable) {
        std::string at = absl::FormatTime("%Y-%m-%d %H:%M", absl::FromUnixSeconds(paid_at->seconds()),
                                          platform::VietnamTimeZone());
        o.Error(absl::StrCat(
            o.T("  Chưa rõ khoản nộp đã được ghi hay chưa. Chạy lại đúng lệnh này với --paid-at \"",
                "  The payment may or may not have been recorded. Run the same command again with --paid-at "
                "\""),
            at,
            o.T("\" (và cùng --request-id nếu đã dùng): khoản đã ghi được trả lại, không ghi lần hai.",
                "\" (and the same --request-id, if you gave one): a payment already recorded is returned, "
                "not "
                "recorded twice.")));
      }
      return;
    }
    // The receipt's number; the payment stands even when it cannot be read.
    std::optional<fv::Receipt> receipt;
    if (!payment.receipt().empty()) {
      fv::GetReceiptRequest receipt_request;
      receipt_request.set_name(payment.receipt());
      fv::Receipt got;
      auto receipt_context = session.NewContext();
      grpc::Status receipt_status = stub->GetReceipt(receipt_context.get(), receipt_request, &got);
      if (receipt_status.ok()) {
        receipt = got;
      } else {
        o.Error(absl::StrCat(o.T("Cảnh báo: đã ghi khoản nộp nhưng không đọc được biên lai ",
                                 "Warning: the payment is recorded but its receipt could not be read: "),
                             payment.receipt(), " — ", receipt_status.error_message()));
      }
    }
    if (o.json) {
      if (receipt) return o.JsonObject({{"payment", &payment}, {"receipt", &*receipt}});
      return o.JsonObject({{"payment", &payment}});
    }
    o.Line(absl::StrCat(o.T("Đã ghi nhận ", "Recorded "), FormatDong(payment.amount()), " (",
                        MethodLabel(o, payment.method()), ", ", FormatTime(payment.paid_time()), ")",
                        o.T(" cho hóa đơn ", " for invoice "), IdOf(payment.invoice()), "."));
    if (receipt) {
      std::string symbols;
      if (!receipt->template_symbol().empty() || !receipt->series().empty()) {
        symbols = absl::StrCat(o.T(" (ký hiệu mẫu ", " (template "), receipt->template_symbol(),
                               o.T(", ký hiệu ", ", series "), receipt->series(), ")");
      }
      o.Line(absl::StrCat(o.T("Biên lai số: ", "Receipt number: "), receipt->number(), symbols));
    }
    // Where the invoice stands now; quietly left out when it cannot be read.
    fv::GetInvoiceRequest invoice_request;
    invoice_request.set_name(payment.invoice());
    fv::Invoice after;
    auto invoice_context = session.NewContext();
    if (stub->GetInvoice(invoice_context.get(), invoice_request, &after).ok()) {
      o.Line(absl::StrCat(o.T("Hóa đơn: ", "Invoice: "), InvoiceStatus(o, after),
                          o.T(" — còn nợ ", " — balance "), FormatDong(after.balance())));
    }
  });

  // === payments ================================================================
  auto* payments = finance->add_subcommand("payments", "Các khoản đã nộp (payments)");
  payments->require_subcommand(1);

  auto* payments_list =
      payments->add_subcommand("list", "Danh sách khoản nộp, mới nhất trước (--export để xuất)");
  add_school(payments_list);
  payments_list->add_option("--invoice", f.invoice, "Chỉ hóa đơn này (mã hóa đơn hoặc mã thanh toán)");
  payments_list
      ->add_option("--method", f.methods, absl::StrCat("Hình thức (lặp lại được): ", kMethodFilterWords))
      ->delimiter(',');
  payments_list->add_option("--from", f.from, "Nộp từ ngày");
  payments_list->add_option("--to", f.to, "Nộp đến ngày (tính cả ngày này)");
  payments_list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 100 khoản)");
  AddExportOption(payments_list, app);
  payments_list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::ListPaymentsRequest request;
    request.set_parent(*school);
    for (const auto& text : f.methods) {
      auto method = ParseMethod(text);
      if (!method) return app.Usage(absl::StrCat("--method: ", kMethodFilterWords));
      request.add_methods(*method);
    }
    google::protobuf::Timestamp start, end;
    if (!DayRangeFlags(app, f.from, f.to, &start, &end)) return;
    if (!f.from.empty()) *request.mutable_start_time() = start;
    if (!f.to.empty()) *request.mutable_end_time() = end;
    bool exporting = !app.export_path.empty();
    bool every_page = f.all || exporting;
    request.set_page_size(every_page ? 1000 : 100);
    Session session = app.NewSession();
    if (!f.invoice.empty()) {
      auto invoice = ResolveInvoice(app, session, f.school, f.invoice);
      if (!invoice) return;
      request.set_invoice(*invoice);
    }
    auto stub = StubOf(session);
    fv::ListPaymentsResponse all;
    if (!Collect(
            app, session, request, every_page,
            [&](grpc::ClientContext* c, const fv::ListPaymentsRequest& r, fv::ListPaymentsResponse* p) {
              return stub->ListPayments(c, r, p);
            },
            &all))
      return;
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    int64_t recorded = 0;
    int reversed = 0;
    for (const auto& p : all.payments()) {
      rows.push_back(PaymentRow(o, p, exporting));
      if (p.state() == fv::PAYMENT_STATE_REVERSED) {
        ++reversed;
      } else {
        recorded += p.amount();
      }
    }
    if (Export(app, o.T("Khoản nộp", "Payments"), PaymentHeader(o, true), rows, kPaymentMoneyColumns)) return;
    o.Table(PaymentHeader(o, false), rows);
    if (all.next_page_token().empty()) {
      if (all.payments_size() > 0) {
        o.Line(absl::StrCat(o.T("Cộng: ", "Total: "), FormatDong(recorded), o.T(" đã thu", " collected"),
                            reversed > 0 ? absl::StrCat(o.T(" (không tính ", " (leaving out "), reversed,
                                                        o.T(" khoản đã hủy)", " reversed)"))
                                         : ""));
      }
    } else {
      MorePagesHint(o, all.next_page_token());
    }
  });

  auto* payments_reverse = payments->add_subcommand(
      "reverse", "Hủy một khoản nộp ghi nhầm bằng bút toán đảo (biên lai bị đánh dấu hủy, giữ số)");
  payments_reverse->add_option("id", f.id, "Mã khoản nộp (cột đầu của 'finance payments list')")->required();
  add_school(payments_reverse);
  payments_reverse->add_option("--reason", f.reason, "Lý do hủy")->required();
  payments_reverse->callback([&app] {
    auto name = ChildName(app, f.school, "payments", f.id);
    if (!name) return;
    fv::ReversePaymentRequest request;
    request.set_name(*name);
    request.set_reason(f.reason);
    request.set_request_id(NewRequestId(app, "payments-reverse"));
    Session session = app.NewSession();
    fv::Payment reversed;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->ReversePayment(c, request, &reversed); }))
      return;
    if (app.out.json) return app.out.Json(reversed);
    const Output& o = app.out;
    o.Line(absl::StrCat(
        o.T("Đã hủy khoản nộp ", "Reversed payment "), IdOf(reversed.name()), " (",
        FormatDong(reversed.amount()), o.T(", hóa đơn ", ", invoice "), IdOf(reversed.invoice()),
        o.T("); biên lai ", "); receipt "), IdOf(reversed.receipt()),
        o.T(" được đánh dấu đã hủy, giữ nguyên số.", " is marked cancelled and keeps its number.")));
    o.Table(PaymentHeader(o, false), {PaymentRow(o, reversed, false)});
  });

  // === receipts ================================================================
  auto* receipts = finance->add_subcommand("receipts", "Biên lai thu tiền (receipts)");
  receipts->require_subcommand(1);

  auto* receipts_list = receipts->add_subcommand("list", "Danh sách biên lai theo số (--export để xuất)");
  add_school(receipts_list);
  receipts_list->add_option("--year", f.year, "Chỉ năm này, ví dụ 2026")->check(CLI::Range(2000, 2100));
  receipts_list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 100 biên lai)");
  AddExportOption(receipts_list, app);
  receipts_list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::ListReceiptsRequest request;
    request.set_parent(*school);
    request.set_year(f.year);
    bool exporting = !app.export_path.empty();
    bool every_page = f.all || exporting;
    request.set_page_size(every_page ? 1000 : 100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    fv::ListReceiptsResponse all;
    if (!Collect(
            app, session, request, every_page,
            [&](grpc::ClientContext* c, const fv::ListReceiptsRequest& r, fv::ListReceiptsResponse* p) {
              return stub->ListReceipts(c, r, p);
            },
            &all))
      return;
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    PupilIndex pupils = all.receipts_size() > 0 ? ReadPupils(session, *school) : PupilIndex{};
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : all.receipts()) rows.push_back(ReceiptRow(o, r, pupils, exporting));
    if (Export(app, o.T("Biên lai", "Receipts"), ReceiptHeader(o, true), rows, kReceiptMoneyColumns)) return;
    o.Table(ReceiptHeader(o, false), rows);
    MorePagesHint(o, all.next_page_token());
  });

  auto* receipts_show = receipts->add_subcommand(
      "show", "Một biên lai: mọi thông tin của biên lai điện tử và các khoản đã nộp");
  receipts_show->add_option("id", f.id, "Số biên lai (ví dụ 2026-000123) hoặc mã biên lai")->required();
  add_school(receipts_show);
  receipts_show->callback([&app] {
    Session session = app.NewSession();
    auto name = ResolveReceipt(app, session, f.school, f.id);
    if (!name) return;
    fv::GetReceiptRequest request;
    request.set_name(*name);
    auto stub = StubOf(session);
    fv::Receipt r;
    if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->GetReceipt(c, request, &r); })) return;
    if (app.out.json) return app.out.Json(r);
    std::optional<fv::Pupil> pupil;
    fv::GetPupilRequest pupil_request;
    pupil_request.set_name(r.pupil());
    fv::Pupil got;
    auto context = session.NewContext();
    if (stub->GetPupil(context.get(), pupil_request, &got).ok()) pupil = got;
    PrintReceipt(app.out, r, pupil ? &*pupil : nullptr);
  });

  // === ledger ==================================================================
  auto* ledger = finance->add_subcommand("ledger", "Sổ cái kép: tài khoản, bút toán, kiểm tra (ledger)");
  ledger->require_subcommand(1);

  auto* accounts = ledger->add_subcommand("accounts", "Các tài khoản và số dư");
  add_school(accounts);
  AddExportOption(accounts, app);
  accounts->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::ListLedgerAccountsRequest request;
    request.set_parent(*school);
    request.set_page_size(100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    fv::ListLedgerAccountsResponse all;
    if (!Collect(
            app, session, request, true,
            [&](grpc::ClientContext* c, const fv::ListLedgerAccountsRequest& r,
                fv::ListLedgerAccountsResponse* p) { return stub->ListLedgerAccounts(c, r, p); },
            &all))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : all.ledger_accounts()) {
      rows.push_back({a.code(), a.display_name(), AccountKindLabel(o, a.kind()), FormatDong(a.debit_total()),
                      FormatDong(a.credit_total()), FormatDong(a.balance())});
    }
    PrintList(app, app.out.T("Tài khoản", "Accounts"),
              {o.T("Mã TK", "Code"), o.T("Tên tài khoản", "Account"), o.T("Loại", "Kind"),
               o.T("Phát sinh Nợ", "Debits"), o.T("Phát sinh Có", "Credits"), o.T("Số dư", "Balance")},
              rows);
  });

  auto* transfers = ledger->add_subcommand("transfers", "Các bút toán, cũ nhất trước (--export để xuất)");
  add_school(transfers);
  transfers->add_option("--account", f.account,
                        "Chỉ bút toán của tài khoản này, ví dụ bank, cash, receivables");
  transfers->add_option("--from", f.from, "Ghi sổ từ ngày");
  transfers->add_option("--to", f.to, "Ghi sổ đến ngày (tính cả ngày này)");
  AddExportOption(transfers, app);
  transfers->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::ListLedgerTransfersRequest request;
    request.set_parent(*school);
    if (!f.account.empty()) {
      auto account = ChildName(app, f.school, "ledgerAccounts", f.account);
      if (!account) return;
      request.set_account(*account);
    }
    google::protobuf::Timestamp start, end;
    if (!DayRangeFlags(app, f.from, f.to, &start, &end)) return;
    if (!f.from.empty()) *request.mutable_start_time() = start;
    if (!f.to.empty()) *request.mutable_end_time() = end;
    request.set_page_size(1000);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    fv::ListLedgerTransfersResponse all;
    if (!Collect(
            app, session, request, true,
            [&](grpc::ClientContext* c, const fv::ListLedgerTransfersRequest& r,
                fv::ListLedgerTransfersResponse* p) { return stub->ListLedgerTransfers(c, r, p); },
            &all))
      return;
    bool exporting = !app.export_path.empty();
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : all.ledger_transfers()) {
      rows.push_back({FormatTime(t.post_time()), IdOf(t.name()),
                      exporting ? t.description() : Shorten(t.description(), 50), EntriesText(t, true),
                      EntriesText(t, false), Money(DebitTotal(t), exporting), InSchool(t.source()),
                      t.reverses().empty() ? "" : IdOf(t.reverses())});
    }
    std::vector<std::string> header{
        o.T("Thời điểm", "Posted"),
        o.T("Mã bút toán", "Transfer"),
        o.T("Diễn giải", "Description"),
        o.T("Ghi Nợ", "Debit"),
        o.T("Ghi Có", "Credit"),
        exporting ? o.T("Số tiền (đồng)", "Amount (đồng)") : o.T("Số tiền", "Amount"),
        o.T("Chứng từ gốc", "Source"),
        o.T("Đảo bút toán", "Reverses")};
    if (Export(app, o.T("Bút toán", "Transfers"), header, rows, {5})) return;
    o.Table(header, rows);
  });

  auto* check = ledger->add_subcommand(
      "check", "Kiểm tra sổ cái và dãy số biên lai (mã thoát 1 khi có sai lệch; không sửa gì)");
  add_school(check);
  check->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    fv::CheckLedgerRequest request;
    request.set_parent(*school);
    Session session = app.NewSession();
    fv::LedgerCheck result;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->CheckLedger(c, request, &result); }))
      return;
    if (!result.ok()) app.exit_code = kExitFailure;
    if (app.out.json) return app.out.Json(result);
    const Output& o = app.out;
    o.Line(
        result.ok()
            ? o.T("OK — sổ cái cân đối, số biên lai liên tục, số đã nộp của mọi hóa đơn khớp, tài khoản tạm "
                  "giữ bằng tiền thừa của phụ huynh.",
                  "OK — the ledger balances, receipt numbers have no gap, every invoice's paid amount "
                  "matches its payments, suspense equals the families' credits.")
            : o.T("CÓ SAI LỆCH — xem bên dưới (lệnh này không sửa gì).",
                  "PROBLEMS FOUND — see below (this command repairs nothing)."));
    o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")},
            {{o.T("Tổng phát sinh Nợ", "Total debits"), FormatDong(result.total_debits())},
             {o.T("Tổng phát sinh Có", "Total credits"), FormatDong(result.total_credits())},
             {o.T("Cân đối", "Balanced"), YesNo(o, result.balanced())},
             {o.T("Tạm giữ (tiền thừa) trên sổ", "Suspense (credits) in the ledger"),
              FormatDong(result.suspense_balance())},
             {o.T("Tiền thừa phụ huynh còn lại", "Families' credits left"),
              FormatDong(result.credits_remaining())},
             {o.T("Kiểm tra lúc", "Checked"), FormatTime(result.check_time())}});
    auto problems = [&](const char* vi, const char* en,
                        const google::protobuf::RepeatedPtrField<std::string>& items, bool names) {
      if (items.empty()) return;
      o.Line(absl::StrCat("\n", o.T(vi, en), " (", items.size(), "):"));
      for (const auto& item : items) o.Line(absl::StrCat("  ", names ? InSchool(item) : item));
    };
    problems("Bút toán không cân (Nợ khác Có)", "Unbalanced transfers", result.unbalanced_transfers(), true);
    problems("Số biên lai bị thiếu trong dãy số", "Receipt numbers missing", result.receipt_gaps(), false);
    problems("Hóa đơn có số đã nộp khác tổng các khoản nộp",
             "Invoices whose paid amount differs from their payments", result.inconsistent_invoices(), true);
    if (result.suspense_balance() != result.credits_remaining()) {
      o.Line(absl::StrCat("\n",
                          o.T("Tài khoản tạm giữ khác tổng tiền thừa còn lại của phụ huynh: ",
                              "Suspense differs from what the families' credits hold: "),
                          FormatDong(result.suspense_balance()), " / ",
                          FormatDong(result.credits_remaining())));
    }
  });

  // After the desk's own commands, in the order of the month's work: bank
  // reconciliation and credits, spending, then the period's figures.
  AddFinanceBankCommands(*finance, app);
  AddFinanceSpendingCommands(*finance, app);
  AddFinanceReportCommands(*finance, app);
}

}  // namespace parhub::cli
