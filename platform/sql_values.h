// Conversions between domain values and SQL column text: DATE as
// "YYYY-MM-DD", DATETIME(3) as UTC "YYYY-MM-DD HH:MM:SS.mmm" (sessions run
// with time_zone '+00:00').
#ifndef PARHUB_PLATFORM_SQL_VALUES_H_
#define PARHUB_PLATFORM_SQL_VALUES_H_

#include <string>

#include "absl/time/time.h"
#include "platform/date.h"
#include "platform/db.h"

namespace parhub::platform {

// NULL for an unset date, else "YYYY-MM-DD".
SqlValue DateOrNull(const Date& date);
// Column i as a Date (unset for NULL or unparsable text).
Date DateFromSql(const Row& row, int i);
// UTC text for a DATETIME(3) column.
std::string TimeToSql(absl::Time t);
// Column i (UTC DATETIME text) as an absl::Time (InfinitePast for NULL).
absl::Time TimeFromSql(const Row& row, int i);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_SQL_VALUES_H_
