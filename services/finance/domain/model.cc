// Receipt numbers, the chart of accounts and transfer shapes (model.h).
#include "services/finance/domain/model.h"

#include "absl/strings/str_format.h"

namespace parhub::finance {

std::string Receipt::Number() const { return absl::StrFormat("%04d-%06d", year, sequence); }

const std::vector<LedgerAccountInfo>& ChartOfAccounts() {
  static const auto* const kChart = new std::vector<LedgerAccountInfo>{
      {kBankAccount, "Tiền gửi ngân hàng", AccountKind::kAsset},
      {kCashAccount, "Tiền mặt", AccountKind::kAsset},
      {kExpenseAccount, "Chi hoạt động", AccountKind::kExpense},
      {kFeeRevenueAccount, "Thu phí, dịch vụ", AccountKind::kRevenue},
      {kReceivablesAccount, "Phải thu của người học", AccountKind::kAsset},
      {kSuspenseAccount, "Tiền thừa, chờ xử lý của phụ huynh", AccountKind::kLiability},
  };
  return *kChart;
}

LedgerTransfer SimpleTransfer(const std::string& debit_account, const std::string& credit_account,
                              int64_t amount, std::string source, std::string description) {
  LedgerTransfer t;
  t.entries = {{.account = debit_account, .debit = amount}, {.account = credit_account, .credit = amount}};
  t.source = std::move(source);
  t.description = std::move(description);
  return t;
}

LedgerTransfer ReversingTransfer(const LedgerTransfer& original, std::string description) {
  LedgerTransfer t;
  for (const LedgerEntry& e : original.entries) {
    t.entries.push_back({.account = e.account, .debit = e.credit, .credit = e.debit});
  }
  t.source = original.source;
  t.description = std::move(description);
  t.reverses = original.transfer_id;
  return t;
}

}  // namespace parhub::finance
