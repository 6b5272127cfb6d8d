// SQL column text ↔ domain values: the one convention every store uses.
//
// Writing (bound parameters):
//   DateOrNull(date)  NULL for an unset Date, else "YYYY-MM-DD".
//   TimeToSql(t)      UTC "YYYY-MM-DD HH:MM:SS.ffffff" (sessions run with
//                     time_zone '+00:00'). A DATETIME(6) column keeps it
//                     exactly; a DATETIME(3) column keeps milliseconds
//                     (MariaDB cuts, MySQL 8 rounds), so truncate first where
//                     the stored value must equal the one written.
// Selecting: SqlDateColumn / SqlTimeColumn wrap a column in DATE_FORMAT so
//   its text has exactly the layout above, whatever the connector does.
// Reading: every reader returns absl::StatusOr and never falls back to a
//   default. Text that is not what the column must hold is INTERNAL naming
//   the column by its position in the row: "column 3 holds 'xyz', not a
//   date". NULL is explicit in the reader's name and type:
//     DateFromSql          NULL → an unset Date (Date::IsSet() is false);
//     NullableTimeFromSql  NULL → std::nullopt;
//     TimeFromSql, IntFromSql, EnumFromSql read NOT NULL columns: NULL is
//     INTERNAL ("column 3 is NULL").
//   Text columns are read with Row::Str; select COALESCE(col, '') where NULL
//   means "none".
#ifndef PARHUB_PLATFORM_DB_SQL_VALUES_H_
#define PARHUB_PLATFORM_DB_SQL_VALUES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "platform/core/date.h"
#include "platform/db/db.h"

namespace parhub::platform {

// ---- writing ----

// Text and integer parameters, and an enum as its number.
inline SqlValue Str(absl::string_view s) { return std::string(s); }
inline SqlValue Int(int64_t n) { return n; }
template <typename Enum>
SqlValue EnumSql(Enum e) {
  return static_cast<int64_t>(e);
}
// "?, ?, ?" for n values.
std::string Placeholders(size_t n);
// `params` followed by `values` as text: the parameters of a statement whose
// next placeholders are an "IN (…)" of ids (e.g. the schools of a roll-up).
std::vector<SqlValue> WithStrs(std::vector<SqlValue> params, const std::vector<std::string>& values);
// Appends " AND column IN (?, …)" and the enums' numbers; nothing for none.
template <typename Enum>
void AddInList(const std::vector<Enum>& values, absl::string_view column, std::string& where,
               std::vector<SqlValue>& params) {
  if (values.empty()) return;
  where.append(" AND ").append(column.data(), column.size()).append(" IN (");
  where.append(Placeholders(values.size())).append(")");
  for (Enum v : values) params.push_back(EnumSql(v));
}

// NULL for an unset date, else "YYYY-MM-DD".
SqlValue DateOrNull(const Date& date);
// UTC text with microseconds for a DATETIME column.
std::string TimeToSql(absl::Time t);
// NULL for nullopt, else TimeToSql.
SqlValue TimeOrNull(const std::optional<absl::Time>& t);

// ---- selecting ----

// `column` (a DATE) as "YYYY-MM-DD" text, NULL staying NULL.
std::string SqlDateColumn(absl::string_view column);
// `column` (a DATETIME) as "YYYY-MM-DD HH:MM:SS.ffffff" text, NULL staying NULL.
std::string SqlTimeColumn(absl::string_view column);

// ---- reading ----

// Column i as a Date; NULL is an unset Date.
absl::StatusOr<Date> DateFromSql(const Row& row, int i);
// Column i (NOT NULL, UTC DATETIME text) as an instant.
absl::StatusOr<absl::Time> TimeFromSql(const Row& row, int i);
// Column i (UTC DATETIME text) as an instant; NULL is nullopt.
absl::StatusOr<std::optional<absl::Time>> NullableTimeFromSql(const Row& row, int i);
// Column i (NOT NULL) as an integer.
absl::StatusOr<int64_t> IntFromSql(const Row& row, int i);
// Column i (NOT NULL) as an integer within [min, max] (counts, years, percents).
absl::StatusOr<int> IntFromSql(const Row& row, int i, int min, int max);

// Column i (NOT NULL) as an enum stored as its number, 0..`last`.
template <typename Enum>
absl::StatusOr<Enum> EnumFromSql(const Row& row, int i, Enum last) {
  absl::StatusOr<int> value = IntFromSql(row, i, 0, static_cast<int>(last));
  if (!value.ok()) return value.status();
  return static_cast<Enum>(*value);
}

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_DB_SQL_VALUES_H_
