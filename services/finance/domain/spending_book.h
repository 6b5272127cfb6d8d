// SpendingBook: what the school spends (khoản chi) — by transfer, card,
// e-wallet or cash — each posted as expense against bank or cash, never
// edited; a mistake is reversed with its reason (the reversing transfer is
// posted, the record stays).
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_SPENDING_BOOK_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_SPENDING_BOOK_H_

#include <string>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/finance/domain/finance_store.h"
#include "services/finance/domain/ledger.h"

namespace parhub::finance {

class SpendingBook final {
 public:
  SpendingBook(FinanceStore& store, Ledger& ledger, Clock clock)
      : store_(store), ledger_(ledger), clock_(std::move(clock)) {}

  // `draft`: spend_date, amount, method, purpose required; category a
  // lower-case code ("an-uong"), default "khac".
  absl::StatusOr<Expenditure> Record(const std::string& school_id, Expenditure draft);
  absl::StatusOr<Expenditure> Reverse(const std::string& school_id, const std::string& expenditure_id,
                                      const std::string& reason);
  absl::StatusOr<Expenditure> Get(const std::string& school_id, const std::string& expenditure_id);
  absl::StatusOr<platform::Page<Expenditure>> List(const std::string& school_id, Date from, Date to,
                                                   const std::string& category,
                                                   const platform::PageRequest& page);

 private:
  FinanceStore& store_;
  Ledger& ledger_;
  Clock clock_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_SPENDING_BOOK_H_
