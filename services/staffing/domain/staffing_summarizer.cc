// Period figures of schools' staffing (see staffing_summarizer.h).
#include "services/staffing/domain/staffing_summarizer.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::InvalidField;

constexpr char kDefaultPlan[] = "hcm-2023-2026";

double Percent(int part, int whole) { return whole == 0 ? 0 : std::min(100.0, part * 100.0 / whole); }

// Longest period summarised in one call.
constexpr int kMaxPeriodDays = 5 * 366;

// The last day of quarter `q` of `year`.
Date QuarterEnd(int year, int q) {
  return platform::AddDays(Date{q == 4 ? year + 1 : year, q == 4 ? 1 : q * 3 + 1, 1}, -1);
}

// The value for `key`, or a zero one.
template <typename Map>
typename Map::mapped_type Find(const Map& map, const typename Map::key_type& key) {
  auto it = map.find(key);
  return it == map.end() ? typename Map::mapped_type{} : it->second;
}

}  // namespace

absl::StatusOr<std::string> StaffingSummarizer::CheckPeriod(Date start, Date end,
                                                            const std::string& plan) const {
  Date today = platform::LocalDate(clock_());
  if (!start.IsSet())
    return InvalidField("period_start", "phải có ngày bắt đầu kỳ (period start is required)");
  if (!end.IsSet()) return InvalidField("period_end", "phải có ngày kết thúc kỳ (period end is required)");
  if (end < start) return InvalidField("period_end", "ngày kết thúc trước ngày bắt đầu (end before start)");
  if (end > today) {
    return InvalidField("period_end", absl::StrCat("kỳ chưa kết thúc: ngày ", end.ToVietnamese(),
                                                   " ở tương lai (the period has not ended)"));
  }
  if (platform::DaysBetween(start, end) > kMaxPeriodDays) {
    return InvalidField("period_start", "kỳ tổng hợp dài quá 5 năm (period longer than 5 years)");
  }
  const std::string plan_code = plan.empty() ? kDefaultPlan : plan;
  if (desk_.catalog().FindPlan(plan_code) == nullptr) {
    return InvalidField("target_plan",
                        absl::StrCat("không có kế hoạch '", plan_code, "' (no such target plan)"));
  }
  return plan_code;
}

absl::StatusOr<StaffingFigures> StaffingSummarizer::Summarize(const std::string& school_id, Date start,
                                                              Date end, const std::string& plan) {
  ASSIGN_OR_RETURN(std::vector<StaffingFigures> figures, SummarizeSchools({school_id}, start, end, plan));
  return std::move(figures.front());
}

absl::StatusOr<std::vector<StaffingFigures>> StaffingSummarizer::SummarizeSchools(
    const std::vector<std::string>& school_ids, Date start, Date end, const std::string& plan) {
  RETURN_IF_ERROR(platform::CheckSchoolBatch(school_ids));
  ASSIGN_OR_RETURN(std::string plan_code, CheckPeriod(start, end, plan));
  // The quarters ended in the period; the headcount on each end is the
  // number of ratings due for it.
  std::vector<std::pair<int, int>> quarters;
  std::set<Date> days = {end};
  for (int year = start.year; year <= end.year; ++year) {
    for (int q = 1; q <= 4; ++q) {
      Date quarter_end = QuarterEnd(year, q);
      if (quarter_end < start || quarter_end > end) continue;
      quarters.emplace_back(year, q);
      days.insert(quarter_end);
    }
  }
  ASSIGN_OR_RETURN(HeadcountsByDay headcounts,
                   store_.CountHeadcounts(school_ids, std::vector<Date>(days.begin(), days.end())));
  ASSIGN_OR_RETURN(auto quotas, store_.GetQuotas(school_ids, end.year));
  ASSIGN_OR_RETURN(
      auto email_users,
      store_.CountEmailUsers(school_ids, end, platform::AddDays(end, -(kCityEmailWindowDays - 1))));
  ASSIGN_OR_RETURN(auto rated, store_.CountQuarterlyRatings(school_ids, start.year, end.year));
  ASSIGN_OR_RETURN(auto periods, store_.CountPeriods(school_ids, start, end));
  ASSIGN_OR_RETURN(ProgressRollup progress, desk_.GetProgressOfSchools(school_ids, plan_code, end));
  std::map<std::string, int> candidates;
  if (end.year - 1 >= 2000) {
    ASSIGN_OR_RETURN(auto found, FindCandidates(store_, desk_.catalog(), platform::LocalDate(clock_()),
                                                school_ids, end.year - 1, "", 0));
    for (const auto& [school, people] : found) candidates[school] = static_cast<int>(people.size());
  }

  std::vector<StaffingFigures> out(school_ids.size());
  for (size_t i = 0; i < school_ids.size(); ++i) {
    const std::string& school = school_ids[i];
    StaffingFigures& f = out[i];
    f.headcount = Find(headcounts[end], school);
    StaffingQuota quota = Find(quotas, school);
    f.civil_servant_quota = quota.civil_servant_quota;
    f.public_employee_quota = quota.public_employee_quota;
    f.city_email_accounts = f.headcount.with_city_email;
    f.city_email_users = Find(email_users, school);
    f.city_email_account_rate = Percent(f.city_email_accounts, f.headcount.staff);
    f.city_email_use_rate = Percent(f.city_email_users, f.headcount.staff);
    const QuarterGrades& grades = rated[school];
    for (const std::pair<int, int>& quarter : quarters) {
      f.ratings_due += Find(headcounts[QuarterEnd(quarter.first, quarter.second)], school).staff;
      for (const auto& [grade, count] : Find(grades, quarter)) {
        f.ratings_recorded += count;
        f.grades[grade] += count;
      }
    }
    f.rating_completion_rate =
        f.ratings_due == 0 ? 100 : std::min(100.0, Percent(f.ratings_recorded, f.ratings_due));
    f.period = Find(periods, school);
    f.progress = progress.schools[i].figures;
    f.downsizing_candidates = Find(candidates, school);
  }
  return out;
}

}  // namespace parhub::staffing
