// SQL text ↔ dates, instants and integers (see sql_values.h).
#include "platform/db/sql_values.h"

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::platform {
namespace {

constexpr char kTimeWriteFormat[] = "%Y-%m-%d %H:%M:%E6S";
constexpr char kTimeReadFormat[] = "%Y-%m-%d %H:%M:%E*S";

// INTERNAL: stored text that is not what the column must hold. The text is
// shortened so a log line stays readable.
absl::Status NotA(const Row& row, int i, absl::string_view what) {
  std::string text = Utf8Prefix(row.Str(i), 40);
  if (text.size() < row.Str(i).size()) text += "…";
  return absl::InternalError(absl::StrCat("column ", i, " holds '", text, "', not ", what));
}

absl::Status UnexpectedNull(int i, absl::string_view what) {
  return absl::InternalError(absl::StrCat("column ", i, " is NULL, not ", what));
}

bool IsIsoDateShape(absl::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  return true;
}

}  // namespace

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

std::vector<SqlValue> WithStrs(std::vector<SqlValue> params, const std::vector<std::string>& values) {
  for (const std::string& v : values) params.push_back(Str(v));
  return params;
}

SqlValue DateOrNull(const Date& date) {
  if (!date.IsSet()) return nullptr;
  return date.ToIso();
}

std::string TimeToSql(absl::Time t) { return absl::FormatTime(kTimeWriteFormat, t, absl::UTCTimeZone()); }

SqlValue TimeOrNull(const std::optional<absl::Time>& t) {
  if (!t) return nullptr;
  return TimeToSql(*t);
}

std::string SqlDateColumn(absl::string_view column) {
  return absl::StrCat("DATE_FORMAT(", column, ", '%Y-%m-%d')");
}

std::string SqlTimeColumn(absl::string_view column) {
  return absl::StrCat("DATE_FORMAT(", column, ", '%Y-%m-%d %H:%i:%s.%f')");
}

absl::StatusOr<Date> DateFromSql(const Row& row, int i) {
  if (row.IsNull(i)) return Date{};
  const std::string& text = row.Str(i);
  if (!IsIsoDateShape(text)) return NotA(row, i, "a date");
  absl::StatusOr<Date> date = ParseDate(text, "column");
  if (!date.ok()) return NotA(row, i, "a date");
  return *date;
}

absl::StatusOr<absl::Time> TimeFromSql(const Row& row, int i) {
  if (row.IsNull(i)) return UnexpectedNull(i, "a time");
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(kTimeReadFormat, row.Str(i), absl::UTCTimeZone(), &t, &error)) {
    return NotA(row, i, "a time");
  }
  return t;
}

absl::StatusOr<std::optional<absl::Time>> NullableTimeFromSql(const Row& row, int i) {
  if (row.IsNull(i)) return std::optional<absl::Time>();
  ASSIGN_OR_RETURN(absl::Time t, TimeFromSql(row, i));
  return std::optional<absl::Time>(t);
}

absl::StatusOr<int64_t> IntFromSql(const Row& row, int i) {
  if (row.IsNull(i)) return UnexpectedNull(i, "an integer");
  int64_t n = 0;
  if (!absl::SimpleAtoi(row.Str(i), &n)) return NotA(row, i, "an integer");
  return n;
}

absl::StatusOr<int> IntFromSql(const Row& row, int i, int min, int max) {
  ASSIGN_OR_RETURN(int64_t n, IntFromSql(row, i));
  if (n < min || n > max) {
    return NotA(row, i, absl::StrCat("an integer in ", min, "..", max));
  }
  return static_cast<int>(n);
}

}  // namespace parhub::platform
