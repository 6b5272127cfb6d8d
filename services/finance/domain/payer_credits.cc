// Payers' credits (payer_credits.h).
#include "services/finance/domain/payer_credits.h"

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::InvalidField;
using ::parhub::platform::WithReason;

std::string CreditName(const std::string& school_id, const std::string& credit_id) {
  return absl::StrCat("schools/", school_id, "/payerCredits/", credit_id);
}

absl::Status CreditUsed() {
  return WithReason(absl::FailedPreconditionError("Khoản tiền thừa đã dùng hết (credit used up)"),
                    "CREDIT_USED");
}

}  // namespace

absl::StatusOr<PayerCredit> PayerCredits::Hold(const std::string& school_id, const std::string& pupil_id,
                                               int64_t amount, const StatementLine& line) {
  PayerCredit credit{.school_id = school_id,
                     .credit_id = platform::RandomId(),
                     .pupil_id = pupil_id,
                     .amount = amount,
                     .remaining = amount,
                     .statement_line_id = line.line_id,
                     .state = CreditState::kOpen,
                     .create_time = clock_()};
  RETURN_IF_ERROR(store_.InsertCredit(credit));
  RETURN_IF_ERROR(ledger_
                      .Post(school_id, SimpleTransfer(kBankAccount, kSuspenseAccount, amount,
                                                      CreditName(school_id, credit.credit_id),
                                                      absl::StrCat("Tiền thừa của phụ huynh, giao dịch ",
                                                                   line.bank_transaction_id)))
                      .status());
  return credit;
}

absl::StatusOr<PayerCredit> PayerCredits::Apply(const std::string& school_id, const std::string& credit_id,
                                                const std::string& invoice_id, const std::string& actor) {
  RETURN_IF_ERROR(platform::ValidateId(credit_id, "name"));
  RETURN_IF_ERROR(platform::ValidateId(invoice_id, "invoice"));
  return store_.Atomically<PayerCredit>([&]() -> absl::StatusOr<PayerCredit> {
    ASSIGN_OR_RETURN(PayerCredit credit, store_.GetCredit(school_id, credit_id, Lock::kForUpdate));
    if (credit.state != CreditState::kOpen || credit.remaining == 0) return CreditUsed();
    absl::StatusOr<Invoice> invoice = store_.GetInvoice(school_id, invoice_id, Lock::kForUpdate);
    if (absl::IsNotFound(invoice.status())) {
      return InvalidField("invoice", "không có hóa đơn này trong trường (unknown invoice)");
    }
    RETURN_IF_ERROR(invoice.status());
    if (invoice->pupil_id != credit.pupil_id) {
      return InvalidField("invoice", "hóa đơn của học sinh khác (the invoice is another pupil's)");
    }
    if (!invoice->open()) {
      return WithReason(absl::FailedPreconditionError("Hóa đơn không còn phải nộp (invoice closed)"),
                        "INVOICE_CLOSED");
    }
    const int64_t amount = std::min(credit.remaining, invoice->balance());
    RETURN_IF_ERROR(cashier_
                        .Record(school_id,
                                {.invoice_id = invoice_id,
                                 .amount = amount,
                                 .method = PaymentMethod::kCredit,
                                 .paid_time = clock_(),
                                 .statement_line_id = credit.statement_line_id,
                                 .credit_id = credit.credit_id},
                                actor)
                        .status());
    credit.remaining -= amount;
    if (credit.remaining == 0) credit.state = CreditState::kUsed;
    RETURN_IF_ERROR(store_.UpdateCredit(credit));
    return credit;
  });
}

absl::StatusOr<PayerCredit> PayerCredits::Refund(const std::string& school_id, const std::string& credit_id,
                                                 int64_t amount, const std::string& note) {
  RETURN_IF_ERROR(platform::ValidateId(credit_id, "name"));
  ASSIGN_OR_RETURN(std::string why,
                   platform::CleanText(note, "note", 300, true, platform::TextLines::kSingle));
  if (amount <= 0) return InvalidField("amount", "số tiền trả lại phải lớn hơn 0 (must be positive)");
  return store_.Atomically<PayerCredit>([&]() -> absl::StatusOr<PayerCredit> {
    ASSIGN_OR_RETURN(PayerCredit credit, store_.GetCredit(school_id, credit_id, Lock::kForUpdate));
    if (credit.state != CreditState::kOpen || credit.remaining == 0) return CreditUsed();
    if (amount > credit.remaining) {
      return InvalidField("amount",
                          absl::StrCat("chỉ còn ", credit.remaining, " đồng (more than what is left)"));
    }
    RETURN_IF_ERROR(ledger_
                        .Post(school_id, SimpleTransfer(kSuspenseAccount, kBankAccount, amount,
                                                        CreditName(school_id, credit_id),
                                                        absl::StrCat("Trả lại tiền thừa: ", why)))
                        .status());
    credit.remaining -= amount;
    if (credit.remaining == 0) credit.state = CreditState::kUsed;
    credit.refund_notes.push_back(absl::StrCat(amount, " đồng: ", why));
    RETURN_IF_ERROR(store_.UpdateCredit(credit));
    return credit;
  });
}

absl::StatusOr<platform::Page<PayerCredit>> PayerCredits::List(const std::string& school_id,
                                                               const std::string& pupil_id, bool include_used,
                                                               const platform::PageRequest& page) {
  std::optional<std::pair<absl::Time, std::string>> after;
  if (!page.after.empty()) {
    ASSIGN_OR_RETURN(platform::NumberedKey key, platform::DecodeNumberedKey(page.after));
    after.emplace(absl::FromUnixMicros(key.number), key.id);
  }
  ASSIGN_OR_RETURN(std::vector<PayerCredit> fetched,
                   store_.ListCredits(school_id, pupil_id, include_used, after, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size, [](const PayerCredit& c) {
    return platform::EncodeNumberedKey(absl::ToUnixMicros(c.create_time), c.credit_id);
  });
}

}  // namespace parhub::finance
