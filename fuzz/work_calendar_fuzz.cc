// Working days (platform/core/work_calendar.h) over the real holiday data's
// shape: for any start day of 2023–2028 and any period, PeriodEnd either
// answers or refuses naming a missing year, never guesses; a period of n
// working days ends on a working day n working days later; counting back
// is the negative of counting forward.
#include <cstddef>
#include <cstdint>

#include "absl/time/civil_time.h"
#include "fuzz/fuzz_check.h"
#include "platform/core/work_calendar.h"

namespace {

using ::parhub::platform::Date;
using ::parhub::platform::DayKind;
using ::parhub::platform::HolidayYear;
using ::parhub::platform::WorkCalendar;

const WorkCalendar& Calendar() {
  // 2024–2027 with Tết-like runs of weekdays off and a makeup Saturday; the
  // real dates live in data/holidays (tested in complaints).
  static const WorkCalendar* calendar = [] {
    std::vector<HolidayYear> years;
    for (int y = 2024; y <= 2027; ++y) {
      HolidayYear year;
      year.year = y;
      year.version = "fuzz";
      // Days off are weekdays (Make refuses others).
      auto weekday = [](Date d) {
        const absl::Weekday w = absl::GetWeekday(absl::CivilDay(d.year, d.month, d.day));
        return w != absl::Weekday::saturday && w != absl::Weekday::sunday;
      };
      for (int d = 3; d <= 14 && year.days_off.size() < 5; ++d) {
        if (weekday(Date{y, 2, d})) year.days_off.push_back(Date{y, 2, d});
      }
      if (weekday(Date{y, 9, 2})) {
        year.days_off.push_back(Date{y, 9, 2});
        year.estimated_dates.push_back(Date{y, 9, 2});
      }
      years.push_back(year);
    }
    auto made = WorkCalendar::Make(years);
    FUZZ_CHECK(made.ok());
    return new WorkCalendar(*std::move(made));
  }();
  return *calendar;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 6) return 0;
  const Date start{2023 + data[0] % 6, 1 + data[1] % 12, 1 + data[2] % 28};
  const int days = (data[3] | (data[4] << 8)) % 800;
  const DayKind kind = (data[5] & 1) ? DayKind::kWorking : DayKind::kCalendar;
  const WorkCalendar& calendar = Calendar();
  auto end = calendar.PeriodEnd(start, days == 0 ? 1 : days, kind);
  if (!end.ok()) {
    FUZZ_CHECK(absl::IsFailedPrecondition(end.status()) || absl::IsInvalidArgument(end.status()));
    return 0;
  }
  FUZZ_CHECK(end->date > start);
  if (kind == DayKind::kWorking) {
    auto working = calendar.IsWorkingDay(end->date);
    FUZZ_CHECK(working.ok() && *working);
    auto counted = calendar.DaysBetween(start, end->date, DayKind::kWorking);
    FUZZ_CHECK(counted.ok() && *counted == (days == 0 ? 1 : days));
    auto back = calendar.DaysBetween(end->date, start, DayKind::kWorking);
    FUZZ_CHECK(back.ok() && *back == -*counted);
  }
  return 0;
}
