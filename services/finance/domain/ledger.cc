// The school's double-entry books (ledger.h).
#include "services/finance/domain/ledger.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"

namespace parhub::finance {

const LedgerAccountInfo* FindAccount(absl::string_view code) {
  for (const LedgerAccountInfo& info : ChartOfAccounts()) {
    if (code == info.code) return &info;
  }
  return nullptr;
}

absl::StatusOr<LedgerTransfer> Ledger::Post(const std::string& school_id, LedgerTransfer transfer) {
  int64_t debits = 0, credits = 0;
  for (const LedgerEntry& e : transfer.entries) {
    if (FindAccount(e.account) == nullptr || e.debit < 0 || e.credit < 0 || (e.debit > 0) == (e.credit > 0)) {
      return absl::InternalError(absl::StrCat("malformed ledger entry on '", e.account, "'"));
    }
    debits += e.debit;
    credits += e.credit;
  }
  if (transfer.entries.size() < 2 || debits != credits) {
    return absl::InternalError(absl::StrCat("unbalanced transfer: debits ", debits, ", credits ", credits));
  }
  transfer.school_id = school_id;
  transfer.transfer_id = platform::RandomId();
  transfer.post_time = clock_();
  RETURN_IF_ERROR(store_.InsertTransfer(transfer));
  return transfer;
}

absl::StatusOr<LedgerTransfer> Ledger::Reverse(const std::string& school_id, const std::string& transfer_id,
                                               std::string description) {
  ASSIGN_OR_RETURN(LedgerTransfer original, store_.GetTransfer(school_id, transfer_id));
  return Post(school_id, ReversingTransfer(original, std::move(description)));
}

absl::StatusOr<std::vector<AccountBalance>> Ledger::Accounts(const std::string& school_id,
                                                             std::optional<absl::Time> as_of) {
  ASSIGN_OR_RETURN(std::vector<AccountTotals> totals, store_.SumAccounts(school_id, as_of));
  std::vector<AccountBalance> out;
  for (const LedgerAccountInfo& info : ChartOfAccounts()) {
    AccountBalance b{.account = info};
    for (const AccountTotals& t : totals) {
      if (t.account == info.code) {
        b.debit = t.debit;
        b.credit = t.credit;
      }
    }
    const bool debit_normal = info.kind == AccountKind::kAsset || info.kind == AccountKind::kExpense;
    b.balance = debit_normal ? b.debit - b.credit : b.credit - b.debit;
    out.push_back(b);
  }
  return out;
}

absl::StatusOr<platform::Page<LedgerTransfer>> Ledger::Transfers(const std::string& school_id,
                                                                 const std::string& account,
                                                                 std::optional<absl::Time> start,
                                                                 std::optional<absl::Time> end,
                                                                 const platform::PageRequest& page) {
  if (!account.empty() && FindAccount(account) == nullptr) {
    return platform::InvalidField("account", "tài khoản không có trong hệ thống tài khoản (unknown account)");
  }
  std::optional<std::pair<absl::Time, std::string>> after;
  if (!page.after.empty()) {
    ASSIGN_OR_RETURN(platform::NumberedKey key, platform::DecodeNumberedKey(page.after));
    after.emplace(absl::FromUnixMicros(key.number), key.id);
  }
  ASSIGN_OR_RETURN(std::vector<LedgerTransfer> fetched,
                   store_.ListTransfers(school_id, account, start, end, after, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size, [](const LedgerTransfer& t) {
    return platform::EncodeNumberedKey(absl::ToUnixMicros(t.post_time), t.transfer_id);
  });
}

absl::StatusOr<LedgerCheck> Ledger::Check(const std::string& school_id) {
  ASSIGN_OR_RETURN(auto checks, CheckSchools({school_id}));
  return std::move(checks[school_id]);
}

absl::StatusOr<std::map<std::string, LedgerCheck>> Ledger::CheckSchools(
    const std::vector<std::string>& school_ids) {
  ASSIGN_OR_RETURN(auto read, store_.ReadLedgerFacts(school_ids));
  const absl::Time now = clock_();
  std::map<std::string, LedgerCheck> out;
  for (const std::string& school_id : school_ids) {
    LedgerFacts& facts = read[school_id];
    LedgerCheck& check = out[school_id];
    check.total_debits = facts.total_debits;
    check.total_credits = facts.total_credits;
    check.unbalanced_transfers = std::move(facts.unbalanced_transfers);
    check.inconsistent_invoices = std::move(facts.inconsistent_invoices);
    check.suspense_balance = facts.suspense_balance;
    check.credits_remaining = facts.credits_remaining;
    for (const LedgerFacts::YearSequence& y : facts.receipt_years) {
      int64_t expected = 1;
      for (int64_t n : y.sequences) {
        for (; expected < n && check.receipt_gaps.size() < 100; ++expected) {
          check.receipt_gaps.push_back(absl::StrFormat("%04d-%06d", y.year, expected));
        }
        expected = n + 1;
      }
    }
    check.check_time = now;
  }
  return out;
}

}  // namespace parhub::finance
