// PayerCredits: money a family paid beyond what its invoices owed — an
// overpayment, or a transfer for a month not invoiced yet. It is held for
// the pupil (ledger: bank against suspense) until the office applies it to
// an open invoice of the same pupil (suspense against receivables, a
// payment with its receipt) or pays it back (suspense against bank), never
// silently kept.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_PAYER_CREDITS_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_PAYER_CREDITS_H_

#include <string>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/finance/domain/cashier.h"
#include "services/finance/domain/finance_store.h"
#include "services/finance/domain/ledger.h"

namespace parhub::finance {

class PayerCredits final {
 public:
  PayerCredits(FinanceStore& store, Ledger& ledger, Cashier& cashier, Clock clock)
      : store_(store), ledger_(ledger), cashier_(cashier), clock_(std::move(clock)) {}

  // Inside the caller's transaction: holds `amount` received by `line` for
  // `pupil_id`.
  absl::StatusOr<PayerCredit> Hold(const std::string& school_id, const std::string& pupil_id, int64_t amount,
                                   const StatementLine& line);
  // Pays `invoice_id` (same pupil, open) up to the smaller of what is left
  // and its balance.
  absl::StatusOr<PayerCredit> Apply(const std::string& school_id, const std::string& credit_id,
                                    const std::string& invoice_id, const std::string& actor);
  absl::StatusOr<PayerCredit> Refund(const std::string& school_id, const std::string& credit_id,
                                     int64_t amount, const std::string& note);
  absl::StatusOr<platform::Page<PayerCredit>> List(const std::string& school_id, const std::string& pupil_id,
                                                   bool include_used, const platform::PageRequest& page);

 private:
  FinanceStore& store_;
  Ledger& ledger_;
  Cashier& cashier_;
  Clock clock_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_PAYER_CREDITS_H_
