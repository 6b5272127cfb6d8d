// Calendar dates in Asia/Ho_Chi_Minh (UTC+7, no daylight saving): parsing,
// validation and "is this deadline past" questions. Pure C++.
#ifndef PARHUB_PLATFORM_CORE_DATE_H_
#define PARHUB_PLATFORM_CORE_DATE_H_

#include <compare>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace parhub::platform {

struct Date final {
  int year = 0;
  int month = 0;
  int day = 0;

  bool IsSet() const { return year != 0 || month != 0 || day != 0; }
  auto operator<=>(const Date&) const = default;

  // "2024-06-10".
  std::string ToIso() const;
  // "10/06/2024", as Vietnamese documents write dates.
  std::string ToVietnamese() const;
  // The instant this date ends: 23:59:59.999999 local time.
  absl::Time EndInstant() const;
};

// Vietnam's time zone (fixed UTC+7).
absl::TimeZone VietnamTimeZone();

// Validates a year/month/day triple; `field` names it in the error.
absl::StatusOr<Date> MakeDate(int year, int month, int day, absl::string_view field);
// Parses "YYYY-MM-DD" or "DD/MM/YYYY".
absl::StatusOr<Date> ParseDate(absl::string_view text, absl::string_view field);
// The local calendar date of `t`.
Date LocalDate(absl::Time t);
// The instant `date` begins in Asia/Ho_Chi_Minh (`date` must be set).
absl::Time StartOfDay(Date date);

// `date` moved by `days` (negative: back). `date` must be set and valid.
Date AddDays(Date date, int days);
// Days from `from` to `to` (negative when `to` is earlier).
int DaysBetween(Date from, Date to);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_DATE_H_
