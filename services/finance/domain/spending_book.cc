// The school's spending (spending_book.h).
#include "services/finance/domain/spending_book.h"

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

std::string ExpenditureName(const std::string& school_id, const std::string& id) {
  return absl::StrCat("schools/", school_id, "/expenditures/", id);
}

}  // namespace

absl::StatusOr<Expenditure> SpendingBook::Record(const std::string& school_id, Expenditure e) {
  const Date today = platform::LocalDate(clock_());
  if (!e.spend_date.IsSet())
    return InvalidField("expenditure.spend_date", "cần ngày chi (spend date required)");
  if (today < e.spend_date)
    return InvalidField("expenditure.spend_date", "ngày chi ở tương lai (in the future)");
  if (platform::DaysBetween(e.spend_date, today) > 400) {
    return InvalidField("expenditure.spend_date", "ngày chi quá 400 ngày trước (too old)");
  }
  if (e.amount <= 0 || e.amount > kMaxDong) {
    return InvalidField("expenditure.amount", "số tiền từ 1 đến 9.999.999.999.999 đồng (1..10^13 - 1 dong)");
  }
  if (e.method == PaymentMethod::kUnspecified || e.method == PaymentMethod::kCredit) {
    return InvalidField(
        "expenditure.method",
        "chọn hình thức chi: tiền mặt, chuyển khoản, thẻ hoặc ví điện tử (cash, transfer, card, "
        "e-wallet)");
  }
  ASSIGN_OR_RETURN(e.purpose, CleanText(e.purpose, "expenditure.purpose", 500, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(e.payee, CleanText(e.payee, "expenditure.payee", 200, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(e.document_number, CleanText(e.document_number, "expenditure.document_number", 40, false,
                                                TextLines::kSingle));
  e.category = absl::AsciiStrToLower(absl::StripAsciiWhitespace(e.category));
  if (e.category.empty()) e.category = "khac";
  RETURN_IF_ERROR(platform::ValidateId(e.category, "expenditure.category"));
  e.school_id = school_id;
  e.expenditure_id = platform::RandomId();
  e.reversed = false;
  e.create_time = clock_();
  return store_.Atomically<Expenditure>([&]() -> absl::StatusOr<Expenditure> {
    const char* from = e.method == PaymentMethod::kCash ? kCashAccount : kBankAccount;
    ASSIGN_OR_RETURN(LedgerTransfer t,
                     ledger_.Post(school_id, SimpleTransfer(kExpenseAccount, from, e.amount,
                                                            ExpenditureName(school_id, e.expenditure_id),
                                                            absl::StrCat("Chi: ", e.purpose))));
    e.transfer_id = t.transfer_id;
    RETURN_IF_ERROR(store_.InsertExpenditure(e));
    return e;
  });
}

absl::StatusOr<Expenditure> SpendingBook::Reverse(const std::string& school_id,
                                                  const std::string& expenditure_id,
                                                  const std::string& reason) {
  RETURN_IF_ERROR(platform::ValidateId(expenditure_id, "name"));
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 500, true, TextLines::kSingle));
  return store_.Atomically<Expenditure>([&]() -> absl::StatusOr<Expenditure> {
    ASSIGN_OR_RETURN(Expenditure e, store_.GetExpenditure(school_id, expenditure_id, Lock::kForUpdate));
    if (e.reversed) {
      return platform::WithReason(absl::FailedPreconditionError("Khoản chi đã được đảo (already reversed)"),
                                  "EXPENDITURE_REVERSED");
    }
    ASSIGN_OR_RETURN(LedgerTransfer t,
                     ledger_.Reverse(school_id, e.transfer_id, absl::StrCat("Đảo khoản chi: ", why)));
    e.reversed = true;
    e.reversal_reason = why;
    e.reversal_transfer_id = t.transfer_id;
    RETURN_IF_ERROR(store_.UpdateExpenditure(e));
    return e;
  });
}

absl::StatusOr<Expenditure> SpendingBook::Get(const std::string& school_id,
                                              const std::string& expenditure_id) {
  RETURN_IF_ERROR(platform::ValidateId(expenditure_id, "name"));
  return store_.GetExpenditure(school_id, expenditure_id, Lock::kNone);
}

absl::StatusOr<platform::Page<Expenditure>> SpendingBook::List(const std::string& school_id, Date from,
                                                               Date to, const std::string& category,
                                                               const platform::PageRequest& page) {
  std::optional<std::pair<Date, std::string>> before;
  if (!page.after.empty()) {
    std::vector<std::string> parts = absl::StrSplit(page.after, '/');
    if (parts.size() != 2) return platform::InvalidPageToken();
    absl::StatusOr<Date> date = platform::ParseDate(parts[0], "page_token");
    if (!date.ok()) return platform::InvalidPageToken();
    before.emplace(*date, parts[1]);
  }
  ASSIGN_OR_RETURN(std::vector<Expenditure> fetched,
                   store_.ListExpenditures(school_id, from, to, category, before, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size, [](const Expenditure& e) {
    return absl::StrCat(e.spend_date.ToIso(), "/", e.expenditure_id);
  });
}

}  // namespace parhub::finance
