// Ledger: the school's double-entry books over the fixed chart of accounts
// (model.h). Every money event posts one balanced transfer in the same
// transaction as the event; nothing is edited, a correction posts the
// reversing transfer. Check proves the books: debits equal credits overall
// and per transfer, every invoice's paid amount equals its payments, and
// receipt numbers have no gaps.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_LEDGER_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_LEDGER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/finance/domain/finance_store.h"

namespace parhub::finance {

struct AccountBalance final {
  LedgerAccountInfo account;
  int64_t debit = 0;
  int64_t credit = 0;
  int64_t balance = 0;  // in the account's normal direction
};

struct LedgerCheck final {
  int64_t total_debits = 0;
  int64_t total_credits = 0;
  std::vector<std::string> unbalanced_transfers;
  std::vector<std::string> receipt_gaps;  // "2026-000007"
  std::vector<std::string> inconsistent_invoices;
  // Suspense holds exactly the money of the payers' credits.
  int64_t suspense_balance = 0;
  int64_t credits_remaining = 0;
  absl::Time check_time;

  bool balanced() const { return total_debits == total_credits && unbalanced_transfers.empty(); }
  bool credits_held() const { return suspense_balance == credits_remaining; }
  bool ok() const {
    return balanced() && receipt_gaps.empty() && inconsistent_invoices.empty() && credits_held();
  }
};

class Ledger final {
 public:
  Ledger(FinanceStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Posts `transfer` (id and time assigned) inside the caller's
  // transaction; INTERNAL when it does not balance or names an account
  // outside the chart (a bug, never the caller's input).
  absl::StatusOr<LedgerTransfer> Post(const std::string& school_id, LedgerTransfer transfer);
  // Posts the transfer that undoes `transfer_id`.
  absl::StatusOr<LedgerTransfer> Reverse(const std::string& school_id, const std::string& transfer_id,
                                         std::string description);

  absl::StatusOr<std::vector<AccountBalance>> Accounts(const std::string& school_id,
                                                       std::optional<absl::Time> as_of);
  // `account`: a chart code or ""; INVALID_ARGUMENT on "account" otherwise.
  absl::StatusOr<platform::Page<LedgerTransfer>> Transfers(const std::string& school_id,
                                                           const std::string& account,
                                                           std::optional<absl::Time> start,
                                                           std::optional<absl::Time> end,
                                                           const platform::PageRequest& page);
  absl::StatusOr<LedgerCheck> Check(const std::string& school_id);
  // The checks of many schools (by school id, every one of `school_ids`)
  // from one read of their facts; Check is this for one school.
  absl::StatusOr<std::map<std::string, LedgerCheck>> CheckSchools(const std::vector<std::string>& school_ids);

 private:
  FinanceStore& store_;
  Clock clock_;
};

// The chart entry of `code`, or nullptr.
const LedgerAccountInfo* FindAccount(absl::string_view code);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_LEDGER_H_
