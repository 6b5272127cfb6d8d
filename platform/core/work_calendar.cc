// Working days and legal periods (see work_calendar.h).
#include "platform/core/work_calendar.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"

namespace parhub::platform {
namespace {

int DayOfYear(Date day) { return ::parhub::platform::DaysBetween(Date{day.year, 1, 1}, day); }

bool IsWeekend(Date day) {
  absl::Weekday w = absl::GetWeekday(absl::CivilDay(day.year, day.month, day.day));
  return w == absl::Weekday::saturday || w == absl::Weekday::sunday;
}

// Longest period a rule may ask for (two years of days); guards the loops.
constexpr int kMaxPeriodDays = 730;

}  // namespace

absl::Status MissingYear(int year) {
  return WithReason(
      absl::FailedPreconditionError(absl::StrCat(
          "Chưa có lịch nghỉ lễ năm ", year, " (data/holidays/", year,
          ".json) nên không tính được thời hạn; bổ sung lịch do cơ quan có thẩm quyền công bố (no holiday "
          "calendar for ",
          year, ")")),
      "HOLIDAY_CALENDAR_MISSING");
}

absl::StatusOr<WorkCalendar> WorkCalendar::Make(const std::vector<HolidayYear>& years) {
  WorkCalendar calendar;
  for (const HolidayYear& y : years) {
    if (y.year < 2000 || y.year > 2100) {
      return absl::InvalidArgumentError(absl::StrCat("holiday calendar year ", y.year, " out of range"));
    }
    if (calendar.years_.count(y.year)) {
      return absl::InvalidArgumentError(absl::StrCat("holiday calendar ", y.year, " given twice"));
    }
    YearDays days;
    const int length = ::parhub::platform::DaysBetween(Date{y.year, 1, 1}, Date{y.year + 1, 1, 1});
    days.working.resize(length);
    days.estimated.resize(length, 0);
    for (int i = 0; i < length; ++i) days.working[i] = !IsWeekend(AddDays(Date{y.year, 1, 1}, i));
    for (const Date& off : y.days_off) {
      if (off.year != y.year || IsWeekend(off)) {
        return absl::InvalidArgumentError(absl::StrCat("holiday calendar ", y.year, ": day off ", off.ToIso(),
                                                       " is not a weekday of the year"));
      }
      days.working[DayOfYear(off)] = 0;
    }
    for (const Date& makeup : y.makeup_days) {
      if (makeup.year != y.year || !IsWeekend(makeup)) {
        return absl::InvalidArgumentError(absl::StrCat("holiday calendar ", y.year, ": makeup day ",
                                                       makeup.ToIso(), " is not a weekend day of the year"));
      }
      days.working[DayOfYear(makeup)] = 1;
    }
    for (const Date& estimated : y.estimated_dates) {
      if (estimated.year != y.year) {
        return absl::InvalidArgumentError(absl::StrCat("holiday calendar ", y.year, ": estimated day ",
                                                       estimated.ToIso(), " outside the year"));
      }
      days.estimated[DayOfYear(estimated)] = 1;
    }
    calendar.years_.emplace(y.year, std::move(days));
  }
  return calendar;
}

std::vector<int> WorkCalendar::Years() const {
  std::vector<int> out;
  for (const auto& [year, days] : years_) out.push_back(year);
  return out;
}

absl::StatusOr<const WorkCalendar::YearDays*> WorkCalendar::YearOf(Date day) const {
  auto it = years_.find(day.year);
  if (it == years_.end()) return MissingYear(day.year);
  return &it->second;
}

absl::StatusOr<std::pair<bool, bool>> WorkCalendar::Look(Date day) const {
  ASSIGN_OR_RETURN(const YearDays* year, YearOf(day));
  const int i = DayOfYear(day);
  return std::make_pair(year->working[i] != 0, year->estimated[i] != 0);
}

absl::StatusOr<bool> WorkCalendar::IsWorkingDay(Date day) const {
  ASSIGN_OR_RETURN(auto look, Look(day));
  return look.first;
}

absl::StatusOr<DueDate> WorkCalendar::PeriodEnd(Date start, int days, DayKind kind) const {
  if (days < 1 || days > kMaxPeriodDays) {
    return absl::InvalidArgumentError(absl::StrCat("period of ", days, " days out of range"));
  }
  DueDate due;
  if (kind == DayKind::kCalendar) {
    due.date = AddDays(start, days);
    for (int guard = 0; guard < kMaxPeriodDays; ++guard) {
      ASSIGN_OR_RETURN(auto look, Look(due.date));
      due.estimated = due.estimated || look.second;
      if (look.first) return due;
      due.rolled_over = true;
      due.date = AddDays(due.date, 1);
    }
    return absl::InternalError("no working day within two years");
  }
  if (kind != DayKind::kWorking) return absl::InvalidArgumentError("day kind not set");
  Date day = start;
  int counted = 0;
  for (int guard = 0; guard < 4 * kMaxPeriodDays; ++guard) {
    day = AddDays(day, 1);
    ASSIGN_OR_RETURN(auto look, Look(day));
    due.estimated = due.estimated || look.second;
    if (look.first && ++counted == days) {
      due.date = day;
      return due;
    }
  }
  return absl::InternalError("no working day within the period");
}

absl::StatusOr<int> WorkCalendar::DaysBetween(Date from, Date to, DayKind kind) const {
  if (kind == DayKind::kCalendar) return ::parhub::platform::DaysBetween(from, to);
  if (to < from) {
    ASSIGN_OR_RETURN(int back, DaysBetween(to, from, kind));
    return -back;
  }
  if (::parhub::platform::DaysBetween(from, to) > 4 * kMaxPeriodDays) {
    return absl::InvalidArgumentError("period too long to count in working days");
  }
  int counted = 0;
  for (Date day = AddDays(from, 1); day <= to; day = AddDays(day, 1)) {
    ASSIGN_OR_RETURN(bool working, IsWorkingDay(day));
    counted += working ? 1 : 0;
  }
  return counted;
}

}  // namespace parhub::platform
