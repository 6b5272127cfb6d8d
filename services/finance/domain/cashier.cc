// Payments, receipts and their postings (cashier.h).
#include "services/finance/domain/cashier.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;
using ::parhub::platform::WithReason;

bool IsTransactionId(absl::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/';
  });
}

}  // namespace

std::vector<ReceiptItem> ItemiseReceipt(const Invoice& invoice, int64_t paid_before, int64_t amount) {
  // Each charge net of the exemptions that name its fee item; the other
  // exemptions reduce the charges in order.
  struct Charge {
    std::string fee_item_id;
    std::string description;
    int64_t net = 0;
  };
  std::vector<Charge> charges;
  for (const IssuedLine& l : invoice.lines) {
    if (l.amount > 0) charges.push_back({l.fee_item_id, l.description, l.amount});
  }
  int64_t unassigned_exemptions = 0;
  for (const IssuedLine& l : invoice.lines) {
    if (l.amount >= 0) continue;
    auto named = std::find_if(charges.begin(), charges.end(), [&](const Charge& c) {
      return !l.fee_item_id.empty() && c.fee_item_id == l.fee_item_id && c.net + l.amount >= 0;
    });
    if (named != charges.end()) {
      named->net += l.amount;
    } else {
      unassigned_exemptions -= l.amount;
    }
  }
  for (Charge& c : charges) {
    const int64_t take = std::min(c.net, unassigned_exemptions);
    c.net -= take;
    unassigned_exemptions -= take;
  }
  std::vector<ReceiptItem> items;
  int64_t start = 0;
  const int64_t from = paid_before, to = paid_before + amount;
  for (const Charge& c : charges) {
    const int64_t end = start + c.net;
    const int64_t covered = std::max<int64_t>(0, std::min(end, to) - std::max(start, from));
    if (covered > 0) {
      items.push_back({.fee_item_id = c.fee_item_id,
                       .description = c.description,
                       .period = invoice.period,
                       .amount = covered});
    }
    start = end;
  }
  return items;
}

absl::StatusOr<PaymentDraft> Cashier::Clean(PaymentDraft d) const {
  RETURN_IF_ERROR(platform::ValidateId(d.invoice_id, "payment.invoice"));
  if (d.amount <= 0 || d.amount > kMaxDong) {
    return InvalidField("payment.amount", "số tiền từ 1 đến 9.999.999.999.999 đồng (1..10^13 - 1 dong)");
  }
  if (d.method == PaymentMethod::kCredit && d.credit_id.empty()) {
    return InvalidField(
        "payment.method",
        "trừ vào tiền thừa của phụ huynh dùng ApplyPayerCredit (use ApplyPayerCredit to pay from a credit)");
  }
  if (d.method == PaymentMethod::kUnspecified) {
    return InvalidField("payment.method",
                        "chọn hình thức nộp: tiền mặt, chuyển khoản, VietQR, thẻ, ví điện tử");
  }
  if (d.paid_time == absl::Time() || d.paid_time == absl::UnixEpoch()) {
    return InvalidField("payment.paid_time", "cần thời điểm nhận tiền (paid time required)");
  }
  if (d.paid_time > clock_() + absl::Minutes(5)) {
    return InvalidField("payment.paid_time", "thời điểm nhận tiền ở tương lai (paid time in the future)");
  }
  if (d.paid_time < clock_() - absl::Hours(24 * 400)) {
    return InvalidField("payment.paid_time", "thời điểm nhận tiền quá 400 ngày trước (paid time too old)");
  }
  ASSIGN_OR_RETURN(d.payer_name,
                   CleanText(d.payer_name, "payment.payer_name", 200, false, TextLines::kSingle));
  d.bank_transaction_id = std::string(absl::StripAsciiWhitespace(d.bank_transaction_id));
  const bool transfer = d.method == PaymentMethod::kBankTransfer || d.method == PaymentMethod::kVietQr;
  if (transfer && d.bank_transaction_id.empty()) {
    return InvalidField("payment.bank_transaction_id",
                        "chuyển khoản cần mã giao dịch ngân hàng (a transfer needs its bank transaction id)");
  }
  if (!d.bank_transaction_id.empty() && !IsTransactionId(d.bank_transaction_id)) {
    return InvalidField("payment.bank_transaction_id",
                        "mã giao dịch tối đa 64 ký tự: chữ, số, '-', '_', '.', '/' (at most 64 ASCII)");
  }
  if (d.method == PaymentMethod::kCash && !d.bank_transaction_id.empty()) {
    return InvalidField("payment.bank_transaction_id",
                        "tiền mặt không có mã giao dịch ngân hàng (cash has none)");
  }
  return d;
}

absl::StatusOr<RecordedPayment> Cashier::Record(const std::string& school_id, PaymentDraft draft,
                                                const std::string& recorded_by) {
  ASSIGN_OR_RETURN(draft, Clean(std::move(draft)));
  return store_.Atomically<RecordedPayment>([&]() -> absl::StatusOr<RecordedPayment> {
    absl::StatusOr<Invoice> found = store_.GetInvoice(school_id, draft.invoice_id, Lock::kForUpdate);
    if (absl::IsNotFound(found.status())) {
      return InvalidField("payment.invoice", "không có hóa đơn này trong trường (unknown invoice)");
    }
    RETURN_IF_ERROR(found.status());
    Invoice invoice = *std::move(found);
    if (!draft.bank_transaction_id.empty()) {
      ASSIGN_OR_RETURN(
          std::optional<Payment> earlier,
          store_.FindPaymentByBankTransaction(school_id, draft.bank_transaction_id, invoice.invoice_id));
      if (earlier.has_value()) {
        ASSIGN_OR_RETURN(Receipt receipt, store_.GetReceipt(school_id, earlier->receipt_id));
        return RecordedPayment{*std::move(earlier), std::move(receipt)};
      }
    }
    if (!invoice.open()) {
      return WithReason(
          absl::FailedPreconditionError(invoice.state == InvoiceState::kCancelled
                                            ? "Hóa đơn đã hủy, không nhận tiền (invoice cancelled)"
                                            : "Hóa đơn đã nộp đủ (invoice already paid)"),
          "INVOICE_CLOSED");
    }
    if (draft.amount > invoice.balance()) {
      return WithReason(absl::FailedPreconditionError(
                            absl::StrCat("Số tiền ", draft.amount, " đồng lớn hơn số còn phải nộp ",
                                         invoice.balance(), " đồng (amount exceeds the balance)")),
                        "AMOUNT_EXCEEDS_BALANCE");
    }
    ASSIGN_OR_RETURN(FinanceSettings settings, invoices_.Settings(school_id));
    const absl::Time now = clock_();

    Payment payment;
    payment.school_id = school_id;
    payment.payment_id = platform::RandomId();
    payment.invoice_id = invoice.invoice_id;
    payment.amount = draft.amount;
    payment.method = draft.method;
    payment.paid_time = draft.paid_time;
    payment.payer_name = draft.payer_name;
    payment.bank_transaction_id = draft.bank_transaction_id;
    payment.statement_line_id = draft.statement_line_id;
    payment.credit_id = draft.credit_id;
    payment.state = PaymentState::kRecorded;
    payment.recorded_by = recorded_by;
    payment.create_time = now;

    Receipt receipt;
    receipt.school_id = school_id;
    receipt.receipt_id = platform::RandomId();
    receipt.year = platform::LocalDate(now).year;
    ASSIGN_OR_RETURN(receipt.sequence,
                     store_.NextSequence(school_id, absl::StrCat("receipt-", receipt.year)));
    receipt.payment_id = payment.payment_id;
    receipt.invoice_id = invoice.invoice_id;
    receipt.pupil_id = invoice.pupil_id;
    receipt.amount = payment.amount;
    receipt.payer_name = payment.payer_name;
    receipt.method = payment.method;
    receipt.issue_time = now;
    receipt.template_symbol = settings.receipt_template;
    receipt.series = settings.receipt_series;
    receipt.issuer_name = settings.issuer_name;
    receipt.tax_code = settings.tax_code;
    receipt.items = ItemiseReceipt(invoice, invoice.paid, payment.amount);
    payment.receipt_id = receipt.receipt_id;

    const char* into = payment.method == PaymentMethod::kCash     ? kCashAccount
                       : payment.method == PaymentMethod::kCredit ? kSuspenseAccount
                                                                  : kBankAccount;
    ASSIGN_OR_RETURN(
        LedgerTransfer transfer,
        ledger_.Post(school_id,
                     SimpleTransfer(into, kReceivablesAccount, payment.amount,
                                    absl::StrCat("schools/", school_id, "/payments/", payment.payment_id),
                                    absl::StrCat("Thu tiền hóa đơn kỳ ", invoice.period, ", biên lai ",
                                                 receipt.Number()))));
    payment.transfer_id = transfer.transfer_id;
    absl::Status inserted = store_.InsertPayment(payment);
    if (absl::IsAlreadyExists(inserted)) {
      // The same bank transaction raced in on another connection: abort so
      // the retry finds it.
      return absl::AbortedError("Giao dịch ngân hàng đang được ghi nhận đồng thời, hãy thử lại (concurrent)");
    }
    RETURN_IF_ERROR(inserted);
    RETURN_IF_ERROR(store_.InsertReceipt(receipt));
    invoice.paid += payment.amount;
    invoice.state = invoice.balance() == 0 ? InvoiceState::kPaid : InvoiceState::kPartiallyPaid;
    invoice.update_time = now;
    RETURN_IF_ERROR(store_.UpdateInvoiceState(invoice));
    return RecordedPayment{std::move(payment), std::move(receipt)};
  });
}

absl::StatusOr<Payment> Cashier::Reverse(const std::string& school_id, const std::string& payment_id,
                                         const std::string& reason) {
  RETURN_IF_ERROR(platform::ValidateId(payment_id, "name"));
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 500, true, TextLines::kSingle));
  return store_.Atomically<Payment>([&]() -> absl::StatusOr<Payment> {
    ASSIGN_OR_RETURN(Payment payment, store_.GetPayment(school_id, payment_id, Lock::kForUpdate));
    if (payment.state == PaymentState::kReversed) {
      return WithReason(absl::FailedPreconditionError("Khoản nộp đã được đảo (already reversed)"),
                        "PAYMENT_REVERSED");
    }
    std::optional<PayerCredit> credit;
    if (payment.method == PaymentMethod::kCredit) {
      // The reversal puts the money back in suspense, so the credit it came
      // from takes it back and can be applied or refunded again.
      if (payment.credit_id.empty()) {
        // Recorded before payments named their credit and not matched to one
        // by migration 006.
        return WithReason(absl::FailedPreconditionError(
                              "Không xác định được khoản tiền thừa đã trừ (the credit this payment came "
                              "from is not known)"),
                          "CREDIT_PAYMENT");
      }
      ASSIGN_OR_RETURN(credit, store_.GetCredit(school_id, payment.credit_id, Lock::kForUpdate));
    }
    ASSIGN_OR_RETURN(Invoice invoice, store_.GetInvoice(school_id, payment.invoice_id, Lock::kForUpdate));
    ASSIGN_OR_RETURN(LedgerTransfer reversal,
                     ledger_.Reverse(school_id, payment.transfer_id, absl::StrCat("Đảo khoản nộp: ", why)));
    payment.state = PaymentState::kReversed;
    payment.reversal_reason = why;
    payment.reversal_transfer_id = reversal.transfer_id;
    RETURN_IF_ERROR(store_.UpdatePayment(payment));
    RETURN_IF_ERROR(store_.CancelReceipt(school_id, payment.receipt_id));
    invoice.paid -= payment.amount;
    invoice.state = invoice.paid == 0 ? InvoiceState::kIssued : InvoiceState::kPartiallyPaid;
    invoice.update_time = clock_();
    RETURN_IF_ERROR(store_.UpdateInvoiceState(invoice));
    if (credit.has_value()) {
      credit->remaining += payment.amount;
      credit->state = CreditState::kOpen;
      RETURN_IF_ERROR(store_.UpdateCredit(*credit));
    }
    return payment;
  });
}

absl::StatusOr<Payment> Cashier::Get(const std::string& school_id, const std::string& payment_id) {
  RETURN_IF_ERROR(platform::ValidateId(payment_id, "name"));
  return store_.GetPayment(school_id, payment_id, Lock::kNone);
}

absl::StatusOr<platform::Page<Payment>> Cashier::List(const std::string& school_id, const PaymentQuery& query,
                                                      const platform::PageRequest& page) {
  std::optional<std::pair<absl::Time, std::string>> before;
  if (!page.after.empty()) {
    ASSIGN_OR_RETURN(platform::NumberedKey key, platform::DecodeNumberedKey(page.after));
    before.emplace(absl::FromUnixMicros(key.number), key.id);
  }
  ASSIGN_OR_RETURN(std::vector<Payment> fetched,
                   store_.ListPayments(school_id, query, before, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size, [](const Payment& p) {
    return platform::EncodeNumberedKey(absl::ToUnixMicros(p.paid_time), p.payment_id);
  });
}

absl::StatusOr<Receipt> Cashier::GetReceipt(const std::string& school_id, const std::string& receipt_id) {
  RETURN_IF_ERROR(platform::ValidateId(receipt_id, "name"));
  return store_.GetReceipt(school_id, receipt_id);
}

absl::StatusOr<platform::Page<Receipt>> Cashier::ListReceipts(const std::string& school_id, int year,
                                                              const platform::PageRequest& page) {
  if (year != 0 && (year < 2000 || year > 2099)) return InvalidField("year", "năm từ 2000 đến 2099");
  std::optional<std::pair<int, int64_t>> after;
  if (!page.after.empty()) {
    std::vector<std::string> parts = absl::StrSplit(page.after, '-');
    int y = 0;
    int64_t n = 0;
    if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &y) || !absl::SimpleAtoi(parts[1], &n)) {
      return platform::InvalidPageToken();
    }
    after.emplace(y, n);
  }
  ASSIGN_OR_RETURN(std::vector<Receipt> fetched,
                   store_.ListReceipts(school_id, year, after, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size, [](const Receipt& r) { return r.Number(); });
}

}  // namespace parhub::finance
