// SQL text ↔ dates and instants.
#include "platform/sql_values.h"

namespace parhub::platform {

SqlValue DateOrNull(const Date& date) {
  if (!date.IsSet()) return nullptr;
  return date.ToIso();
}

Date DateFromSql(const Row& row, int i) {
  if (row.IsNull(i)) return Date{};
  auto date = ParseDate(row.Str(i).substr(0, 10), "column");
  return date.ok() ? *date : Date{};
}

std::string TimeToSql(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%E3S", t, absl::UTCTimeZone());
}

absl::Time TimeFromSql(const Row& row, int i) {
  if (row.IsNull(i)) return absl::InfinitePast();
  absl::Time t;
  std::string error;
  if (!absl::ParseTime("%Y-%m-%d %H:%M:%E*S", row.Str(i), absl::UTCTimeZone(), &t, &error)) {
    return absl::InfinitePast();
  }
  return t;
}

}  // namespace parhub::platform
