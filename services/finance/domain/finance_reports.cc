// Period summaries and the public disclosure (finance_reports.h).
#include "services/finance/domain/finance_reports.h"

#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"
#include "services/finance/domain/fee_schedule.h"
#include "services/finance/domain/invoice_desk.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::InvalidField;

double Percent(int64_t part, int64_t whole) {
  return whole == 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::pair<Date, Date> SchoolYearDays(const std::string& school_year) {
  int first = 0;
  (void)absl::SimpleAtoi(school_year.substr(0, 4), &first);
  return {Date{first, 9, 1}, Date{first + 1, 8, 31}};
}

absl::StatusOr<FinanceSummary> FinanceReports::Summarize(const std::string& school_id, Date from, Date to) {
  ASSIGN_OR_RETURN(std::vector<FinanceSummary> summaries, SummarizeSchools({school_id}, from, to));
  return std::move(summaries.front());
}

absl::StatusOr<std::vector<FinanceSummary>> FinanceReports::SummarizeSchools(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  RETURN_IF_ERROR(platform::CheckSchoolBatch(school_ids));
  if (!from.IsSet()) return InvalidField("period_start", "cần ngày bắt đầu kỳ (period start required)");
  if (!to.IsSet()) return InvalidField("period_end", "cần ngày kết thúc kỳ (period end required)");
  if (to < from) return InvalidField("period_end", "ngày kết thúc trước ngày bắt đầu (end before start)");
  if (platform::DaysBetween(from, to) > 400)
    return InvalidField("period_end", "kỳ tối đa 400 ngày (at most 400 days)");
  ASSIGN_OR_RETURN(auto facts, store_.ReadMoneyFacts(school_ids, from, to));
  ASSIGN_OR_RETURN(auto checks, ledger_.CheckSchools(school_ids));
  ASSIGN_OR_RETURN(std::set<std::string> published,
                   store_.PublishedDisclosures(school_ids, SchoolYearOf(to.year, to.month)));
  std::vector<FinanceSummary> out(school_ids.size());
  for (size_t i = 0; i < school_ids.size(); ++i) {
    FinanceSummary& s = out[i];
    s.facts = facts[school_ids[i]];
    const MoneyFacts& f = s.facts;
    s.cashless_share_amount = Percent(f.cashless_collected_amount, f.collected_amount);
    s.cashless_share_count = Percent(f.cashless_collected_count, f.collected_count);
    s.spending_cashless_share_amount = Percent(f.cashless_spent_amount, f.spent_amount);
    s.spending_cashless_share_count = Percent(f.cashless_spent_count, f.spent_count);
    s.collection_rate = Percent(f.due_paid, f.due_total);
    s.ledger_ok = checks[school_ids[i]].ok();
    s.disclosure_published = published.contains(school_ids[i]);
  }
  return out;
}

absl::StatusOr<Disclosure> FinanceReports::Compute(const std::string& school_id,
                                                   const std::string& school_year) {
  RETURN_IF_ERROR(ValidateSchoolYear(school_year, "school_year"));
  const auto [from, to] = SchoolYearDays(school_year);
  Disclosure d{.school_id = school_id, .school_year = school_year};
  ASSIGN_OR_RETURN(std::vector<FeeItem> items, store_.ListFeeItems(school_id, school_year, false, "", 500));
  d.fee_items = std::move(items);
  ASSIGN_OR_RETURN(d.collected, store_.CollectedByFeeItem(school_id, from, to));
  ASSIGN_OR_RETURN(d.spent, store_.SpentByCategory(school_id, from, to));
  ASSIGN_OR_RETURN(auto facts, store_.ReadMoneyFacts({school_id}, from, to));
  const MoneyFacts& f = facts[school_id];
  d.cashless_share_amount = Percent(f.cashless_collected_amount, f.collected_amount);
  d.spending_cashless_share_amount = Percent(f.cashless_spent_amount, f.spent_amount);
  return d;
}

absl::StatusOr<Disclosure> FinanceReports::Publish(const std::string& school_id,
                                                   const std::string& school_year) {
  return store_.Atomically<Disclosure>([&]() -> absl::StatusOr<Disclosure> {
    ASSIGN_OR_RETURN(Disclosure d, Compute(school_id, school_year));
    d.publish_time = clock_();
    RETURN_IF_ERROR(store_.PutDisclosure(d));
    return d;
  });
}

absl::StatusOr<Disclosure> FinanceReports::Published(const std::string& school_id,
                                                     const std::string& school_year) {
  RETURN_IF_ERROR(ValidateSchoolYear(school_year, "school_year"));
  ASSIGN_OR_RETURN(std::optional<Disclosure> d, store_.GetDisclosure(school_id, school_year));
  if (!d.has_value()) {
    return platform::WithReason(
        absl::NotFoundError(absl::StrCat("Trường chưa công khai tài chính năm học ", school_year,
                                         " (no disclosure published for that school year)")),
        "DISCLOSURE_NOT_PUBLISHED");
  }
  return *std::move(d);
}

}  // namespace parhub::finance
