// A holiday calendar's proto form (parhub.refdata.v1.HolidayCalendar, the
// shape of data/holidays/{year}.json and of the complaints service's
// GetHolidayCalendar answer) turned into the year WorkCalendar counts with.
// Complaints loads its embedded files through it; reporting the calendars it
// asks complaints for, so both count working days from the same data.
#ifndef PARHUB_PLATFORM_RPC_HOLIDAY_CALENDAR_H_
#define PARHUB_PLATFORM_RPC_HOLIDAY_CALENDAR_H_

#include "absl/status/statusor.h"
#include "parhub/refdata/v1/refdata.pb.h"
#include "platform/core/work_calendar.h"

namespace parhub::platform {

// INVALID_ARGUMENT "reference data: …" for an impossible date.
absl::StatusOr<HolidayYear> HolidayYearFromProto(const parhub::refdata::v1::HolidayCalendar& calendar);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_HOLIDAY_CALENDAR_H_
