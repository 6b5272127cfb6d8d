// Cashier: money received against invoices — by transfer, VietQR, card,
// e-wallet or cash at the school office — recorded once, never edited, each
// with a receipt numbered without gaps per school and calendar year and a
// balanced ledger transfer (bank or cash against receivables), all in one
// transaction. A mistake is corrected by reversing the payment: the
// reversing transfer is posted, the receipt is marked cancelled and keeps
// its number, the invoice's balance comes back.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_CASHIER_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_CASHIER_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/finance/domain/finance_store.h"
#include "services/finance/domain/invoice_desk.h"
#include "services/finance/domain/ledger.h"

namespace parhub::finance {

struct PaymentDraft final {
  std::string invoice_id;
  int64_t amount = 0;
  PaymentMethod method = PaymentMethod::kUnspecified;
  absl::Time paid_time;
  std::string payer_name;
  std::string bank_transaction_id;  // required for bank transfers and VietQR
  std::string statement_line_id;
  std::string credit_id;  // set only by PayerCredits when kCredit pays from a credit
};

// A payment with the receipt it produced.
struct RecordedPayment final {
  Payment payment;
  Receipt receipt;
};

// How `amount`, paid after `paid_before` was already paid, spreads over the
// invoice's charges (exemptions netted against the charge they name, else
// the first ones), one receipt item per charge touched.
std::vector<ReceiptItem> ItemiseReceipt(const Invoice& invoice, int64_t paid_before, int64_t amount);

class Cashier final {
 public:
  Cashier(FinanceStore& store, Ledger& ledger, InvoiceDesk& invoices, Clock clock)
      : store_(store), ledger_(ledger), invoices_(invoices), clock_(std::move(clock)) {}

  // A second recording of the same bank transaction on the same invoice
  // returns the first payment. FAILED_PRECONDITION when the invoice is
  // closed or the amount exceeds its balance.
  absl::StatusOr<RecordedPayment> Record(const std::string& school_id, PaymentDraft draft,
                                         const std::string& recorded_by);
  absl::StatusOr<Payment> Reverse(const std::string& school_id, const std::string& payment_id,
                                  const std::string& reason);
  absl::StatusOr<Payment> Get(const std::string& school_id, const std::string& payment_id);
  absl::StatusOr<platform::Page<Payment>> List(const std::string& school_id, const PaymentQuery& query,
                                               const platform::PageRequest& page);
  absl::StatusOr<Receipt> GetReceipt(const std::string& school_id, const std::string& receipt_id);
  absl::StatusOr<platform::Page<Receipt>> ListReceipts(const std::string& school_id, int year,
                                                       const platform::PageRequest& page);

 private:
  absl::StatusOr<PaymentDraft> Clean(PaymentDraft draft) const;

  FinanceStore& store_;
  Ledger& ledger_;
  InvoiceDesk& invoices_;
  Clock clock_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_CASHIER_H_
