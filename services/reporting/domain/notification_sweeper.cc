// One day's sweep of an authority's schools (see notification_sweeper.h).
#include "services/reporting/domain/notification_sweeper.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "services/reporting/domain/report_calendar.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Date;
using ::parhub::platform::DayKind;
using ::parhub::platform::WorkCalendar;

Notification EventOf(const SweptSchool& school, NotificationKind kind, Date day) {
  Notification n;
  n.school_id = school.id;
  n.authority_id = school.authority_id;
  n.school_display_name = school.display_name;
  n.kind = kind;
  n.occurred_on = day;
  return n;
}

std::string TaskTitle(const PlanTask& task) {
  return task.code.empty() ? task.title : absl::StrCat(task.code, " ", task.title);
}

}  // namespace

absl::StatusOr<WorkCalendar> NotificationSweeper::CalendarAround(Date day) {
  const absl::Time deadline = clock_() + settings_.source_timeout;
  std::vector<platform::HolidayYear> held;
  for (int year = day.year - 3; year <= day.year + 1; ++year) {
    {
      absl::MutexLock lock(&mu_);
      if (auto it = years_.find(year); it != years_.end()) {
        held.push_back(it->second);
        continue;
      }
    }
    absl::StatusOr<platform::HolidayYear> fetched = source_.HolidayYear(year, deadline);
    if (absl::IsFailedPrecondition(fetched.status()) || absl::IsNotFound(fetched.status())) {
      continue;  // a year the data does not hold: counting into it fails, naming the year
    }
    RETURN_IF_ERROR(fetched.status());
    absl::MutexLock lock(&mu_);
    years_[year] = *fetched;
    held.push_back(*std::move(fetched));
  }
  return WorkCalendar::Make(held);
}

absl::StatusOr<NotificationSweeper::SchoolSweep> NotificationSweeper::SchoolEvents(
    const SweptSchool& school, Date day, const WorkCalendar& calendar) {
  const absl::Time deadline = clock_() + settings_.source_timeout;
  SchoolSweep out;
  // Working days from `day` to `due`; a year the calendar lacks leaves the
  // event out and keeps the first such reason.
  auto working_days = [&](Date due) -> std::optional<int> {
    absl::StatusOr<int> days = calendar.DaysBetween(day, due, DayKind::kWorking);
    if (days.ok()) return *days;
    if (out.problem.ok()) out.problem = days.status();
    return std::nullopt;
  };
  std::vector<PlanTask> tasks;
  for (int year : {day.year, day.year + 1}) {
    ASSIGN_OR_RETURN(std::vector<PlanTask> of_year, source_.PlanTasks(school.id, year, deadline));
    for (PlanTask& t : of_year) tasks.push_back(std::move(t));
  }
  ASSIGN_OR_RETURN(std::vector<OpenCase> cases, source_.OpenCases(school.id, deadline));
  const Date new_since = platform::AddDays(day, -settings_.directive_days);
  for (const PlanTask& task : tasks) {
    const Date added = platform::LocalDate(task.create_time);
    if (!task.directive.empty() && new_since <= added && added <= day) {
      Notification n = EventOf(school, NotificationKind::kDirectiveArrived, day);
      n.subject = task.name;
      n.title = TaskTitle(task);
      n.due_date = task.due_date;
      n.directive = task.directive;
      std::optional<int> left = 0;
      if (task.due_date.IsSet() && task.due_date >= day) left = working_days(task.due_date);
      if (left) {
        n.working_days_left = *left;
        out.events.push_back(std::move(n));
      }
    }
    if (!task.open || !task.due_date.IsSet()) continue;
    std::optional<int> left = working_days(task.due_date);
    if (!left) continue;
    const bool overdue = task.due_date < day;
    if (!overdue && *left > settings_.due_within) continue;
    Notification n =
        EventOf(school, overdue ? NotificationKind::kTaskOverdue : NotificationKind::kTaskDueSoon, day);
    n.subject = task.name;
    n.title = TaskTitle(task);
    n.due_date = task.due_date;
    n.working_days_left = *left;
    out.events.push_back(std::move(n));
  }
  for (const OpenCase& c : cases) {
    if (!c.due_date.IsSet() || c.due_date < day) continue;
    std::optional<int> left = working_days(c.due_date);
    if (!left || *left > settings_.due_within) continue;
    Notification n = EventOf(school, NotificationKind::kCaseDueSoon, day);
    n.subject = c.name;
    n.title = c.title;
    n.due_date = c.due_date;
    n.working_days_left = *left;
    out.events.push_back(std::move(n));
  }
  return out;
}

absl::StatusOr<std::map<std::string, std::vector<Notification>>> NotificationSweeper::ReportEvents(
    const std::vector<SweptSchool>& schools, Date day, const WorkCalendar& calendar) {
  std::map<std::string, std::vector<Notification>> out;
  if (schools.empty()) return out;
  std::vector<std::string> ids;
  for (const SweptSchool& s : schools) ids.push_back(s.id);
  const ReportCalendar& families = reports_.calendar();
  for (const v1::ReportFamily& family : families.families().families()) {
    ASSIGN_OR_RETURN(std::vector<ResolvedPeriod> periods, families.Periods(family.code(), day.year));
    for (const ResolvedPeriod& period : periods) {
      if (period.due < day) continue;
      ASSIGN_OR_RETURN(int left, calendar.DaysBetween(day, period.due, DayKind::kWorking));
      if (left > settings_.due_within) continue;
      ASSIGN_OR_RETURN(std::vector<v1::SchoolReportStatus> statuses, reports_.Statuses(period, ids));
      for (size_t i = 0; i < statuses.size() && i < schools.size(); ++i) {
        const v1::SubmissionStatus status = statuses[i].status();
        if (status == v1::SUBMISSION_STATUS_ON_TIME || status == v1::SUBMISSION_STATUS_LATE) continue;
        Notification n = EventOf(schools[i], NotificationKind::kReportDue, day);
        n.subject = ReportName(schools[i].id, ReportId(family.code(), day.year, period.proto.code()));
        n.title = absl::StrCat(family.title(), ", kỳ ", period.proto.label(), " (", day.year, ")");
        n.due_date = period.due;
        n.working_days_left = left;
        out[schools[i].id].push_back(std::move(n));
      }
    }
  }
  return out;
}

absl::StatusOr<SweepResult> NotificationSweeper::SweepAuthority(const std::string& authority_id, Date day) {
  SweepResult result;
  result.day = day;
  ASSIGN_OR_RETURN(result.schools, source_.SchoolsOf(authority_id, day, clock_() + settings_.source_timeout));
  ASSIGN_OR_RETURN(WorkCalendar calendar, CalendarAround(day));
  ASSIGN_OR_RETURN(auto reports, ReportEvents(result.schools, day, calendar));
  for (const SweptSchool& school : result.schools) {
    absl::StatusOr<SchoolSweep> swept = SchoolEvents(school, day, calendar);
    if (!swept.ok()) {
      result.failures.emplace_back(school.id, std::string(swept.status().message()));
      continue;
    }
    if (!swept->problem.ok()) result.failures.emplace_back(school.id, std::string(swept->problem.message()));
    for (Notification& n : reports[school.id]) swept->events.push_back(std::move(n));
    ASSIGN_OR_RETURN(int added, store_.Record(swept->events));
    result.new_notifications += added;
  }
  return result;
}

}  // namespace parhub::reporting
