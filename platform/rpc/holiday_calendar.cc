// Holiday calendars from their proto form (see holiday_calendar.h).
#include "platform/rpc/holiday_calendar.h"

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"

namespace parhub::platform {
namespace {

namespace rd = ::parhub::refdata::v1;

absl::StatusOr<Date> DataDate(const parhub::common::v1::Date& date, absl::string_view what) {
  absl::StatusOr<Date> out = DateFromProto(date, what);
  if (!out.ok()) return absl::InvalidArgumentError(absl::StrCat("reference data: ", out.status().message()));
  return out;
}

}  // namespace

absl::StatusOr<HolidayYear> HolidayYearFromProto(const rd::HolidayCalendar& calendar) {
  HolidayYear year;
  year.year = calendar.year();
  year.version = calendar.version();
  for (const rd::DayOff& off : calendar.days_off()) {
    ASSIGN_OR_RETURN(Date day, DataDate(off.date(), "days_off.date"));
    year.days_off.push_back(day);
    if (off.certainty() == rd::CERTAINTY_ESTIMATED) year.estimated_dates.push_back(day);
  }
  for (const rd::MakeupWorkingDay& makeup : calendar.makeup_working_days()) {
    ASSIGN_OR_RETURN(Date day, DataDate(makeup.date(), "makeup_working_days.date"));
    year.makeup_days.push_back(day);
    if (makeup.certainty() == rd::CERTAINTY_ESTIMATED) year.estimated_dates.push_back(day);
  }
  return year;
}

}  // namespace parhub::platform
