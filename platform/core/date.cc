// Dates interpreted in Vietnam's time zone.
#include "platform/core/date.h"

#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"

namespace parhub::platform {

absl::TimeZone VietnamTimeZone() { return absl::FixedTimeZone(7 * 60 * 60); }

std::string Date::ToIso() const { return absl::StrFormat("%04d-%02d-%02d", year, month, day); }

std::string Date::ToVietnamese() const { return absl::StrFormat("%02d/%02d/%04d", day, month, year); }

absl::Time Date::EndInstant() const {
  return absl::FromCivil(absl::CivilDay(year, month, day) + 1, VietnamTimeZone()) - absl::Microseconds(1);
}

absl::StatusOr<Date> MakeDate(int year, int month, int day, absl::string_view field) {
  if (year < 1900 || year > 2200) {
    return InvalidField(field, absl::StrFormat("năm %d không hợp lệ (year must be 1900-2200)", year));
  }
  absl::CivilDay civil(year, month, day);
  if (month < 1 || month > 12 || day < 1 || civil.year() != year || civil.month() != month ||
      civil.day() != day) {
    return InvalidField(
        field, absl::StrFormat("ngày %02d/%02d/%04d không tồn tại (no such date)", day, month, year));
  }
  return Date{year, month, day};
}

absl::StatusOr<Date> ParseDate(absl::string_view text, absl::string_view field) {
  std::vector<absl::string_view> parts;
  bool iso = text.find('-') != absl::string_view::npos;
  parts = absl::StrSplit(text, iso ? '-' : '/');
  int a = 0, b = 0, c = 0;
  if (parts.size() != 3 || !absl::SimpleAtoi(parts[0], &a) || !absl::SimpleAtoi(parts[1], &b) ||
      !absl::SimpleAtoi(parts[2], &c)) {
    return InvalidField(field,
                        absl::StrCat("'", text, "' không phải ngày (expected YYYY-MM-DD or DD/MM/YYYY)"));
  }
  return iso ? MakeDate(a, b, c, field) : MakeDate(c, b, a, field);
}

absl::Time StartOfDay(Date date) {
  return absl::FromCivil(absl::CivilDay(date.year, date.month, date.day), VietnamTimeZone());
}

Date LocalDate(absl::Time t) {
  absl::CivilDay day = absl::ToCivilDay(t, VietnamTimeZone());
  return Date{static_cast<int>(day.year()), day.month(), day.day()};
}

Date AddDays(Date date, int days) {
  absl::CivilDay day = absl::CivilDay(date.year, date.month, date.day) + days;
  return Date{static_cast<int>(day.year()), day.month(), day.day()};
}

int DaysBetween(Date from, Date to) {
  return static_cast<int>(absl::CivilDay(to.year, to.month, to.day) -
                          absl::CivilDay(from.year, from.month, from.day));
}

}  // namespace parhub::platform
