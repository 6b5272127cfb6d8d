// Period figures of a school's staffing (see staffing_summarizer.h).
#include "services/staffing/domain/staffing_summarizer.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
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

}  // namespace

absl::StatusOr<StaffingFigures> StaffingSummarizer::Summarize(const std::string& school_id, Date start,
                                                              Date end, const std::string& plan) {
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
  StaffingFigures f;
  ASSIGN_OR_RETURN(f.headcount, store_.CountHeadcount(school_id, end));
  absl::StatusOr<StaffingQuota> quota = store_.GetQuota(school_id, end.year, Lock::kNone);
  if (quota.ok()) {
    f.civil_servant_quota = quota->civil_servant_quota;
    f.public_employee_quota = quota->public_employee_quota;
  } else if (!absl::IsNotFound(quota.status())) {
    return quota.status();
  }
  f.city_email_accounts = f.headcount.with_city_email;
  ASSIGN_OR_RETURN(
      f.city_email_users,
      store_.CountEmailUsers(school_id, end, platform::AddDays(end, -(kCityEmailWindowDays - 1))));
  f.city_email_account_rate = Percent(f.city_email_accounts, f.headcount.staff);
  f.city_email_use_rate = Percent(f.city_email_users, f.headcount.staff);

  for (int year = start.year; year <= end.year; ++year) {
    for (int q = 1; q <= 4; ++q) {
      Date quarter_end = QuarterEnd(year, q);
      if (quarter_end < start || quarter_end > end) continue;
      ASSIGN_OR_RETURN(Headcount on_quarter_end, store_.CountHeadcount(school_id, quarter_end));
      ASSIGN_OR_RETURN(auto grades, store_.CountQuarterlyRatings(school_id, year, q));
      f.ratings_due += on_quarter_end.staff;
      for (const auto& [grade, count] : grades) {
        f.ratings_recorded += count;
        f.grades[grade] += count;
      }
    }
  }
  f.rating_completion_rate =
      f.ratings_due == 0 ? 100 : std::min(100.0, Percent(f.ratings_recorded, f.ratings_due));

  ASSIGN_OR_RETURN(f.period, store_.CountPeriod(school_id, start, end));
  ASSIGN_OR_RETURN(Progress progress, desk_.GetProgress(school_id, plan_code, end));
  f.progress = progress.figures;
  if (end.year - 1 >= 2000) {
    std::string token;
    do {
      ASSIGN_OR_RETURN(auto page, desk_.ListCandidates(school_id, end.year - 1, 200, token));
      f.downsizing_candidates += static_cast<int>(page.items.size());
      token = page.next_page_token;
    } while (!token.empty());
  }
  return f;
}

}  // namespace parhub::staffing
