// WorkCalendar: which days state agencies and public schools work, from the
// per-year holiday calendars (data/holidays/{year}.json): Monday–Friday,
// minus the weekdays off, plus the makeup Saturdays. It counts periods the
// way the law does:
//   - the day of the event is not counted; counting starts the next day
//     (Bộ luật Dân sự 2015, Điều 147);
//   - a period in working days ends on its last working day;
//   - a period in calendar days whose last day is not a working day ends at
//     the end of the next working day (Bộ luật Dân sự 2015, Điều 148
//     khoản 5).
// A day in a year the data does not hold is FAILED_PRECONDITION naming the
// year: a deadline is never guessed.
#ifndef PARHUB_PLATFORM_CORE_WORK_CALENDAR_H_
#define PARHUB_PLATFORM_CORE_WORK_CALENDAR_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/date.h"

namespace parhub::platform {

// How a period is counted. Values match the proto enums (stored as numbers).
enum class DayKind { kUnspecified = 0, kCalendar = 1, kWorking = 2 };

// One year of the holiday calendar (data/holidays/{year}.json).
struct HolidayYear final {
  int year = 0;
  std::string version;
  std::vector<Date> days_off;         // weekdays off
  std::vector<Date> makeup_days;      // weekend days worked
  std::vector<Date> estimated_dates;  // days off or makeup days not yet announced
};

// The last day of a period and how it was reached.
struct DueDate final {
  Date date;
  bool rolled_over = false;  // a calendar-day end moved to the next working day
  bool estimated = false;    // a day that decided it is only estimated in the data
};

class WorkCalendar final {
 public:
  // Checks every year's dates (days off on weekdays, makeup days on
  // weekends, all inside their year).
  static absl::StatusOr<WorkCalendar> Make(const std::vector<HolidayYear>& years);

  absl::StatusOr<bool> IsWorkingDay(Date day) const;
  // The end of a period of `days` (≥ 1) counted from the day after `start`.
  absl::StatusOr<DueDate> PeriodEnd(Date start, int days, DayKind kind) const;
  // Days in (from, to] counted in `kind` (negative when `to` is earlier).
  absl::StatusOr<int> DaysBetween(Date from, Date to, DayKind kind) const;
  // The years held, ascending.
  std::vector<int> Years() const;

 private:
  struct YearDays final {
    std::vector<char> working;    // by day of year, 0-based
    std::vector<char> estimated;  // by day of year
  };
  absl::StatusOr<const YearDays*> YearOf(Date day) const;
  // Whether `day` works, and whether that is only estimated.
  absl::StatusOr<std::pair<bool, bool>> Look(Date day) const;

  std::map<int, YearDays> years_;
};

// FAILED_PRECONDITION "… năm {year} …" for a day outside the data.
absl::Status MissingYear(int year);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_WORK_CALENDAR_H_
