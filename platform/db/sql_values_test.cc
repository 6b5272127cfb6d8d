// Tests of platform/db/sql_values.h on hand-made rows (no server): values
// round-trip, NULL is explicit, and corrupt text is an INTERNAL error naming
// the column instead of a silent default.
#include "platform/db/sql_values.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsOkAndHolds;
using ::parhub::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Optional;

constexpr auto kInternal = absl::StatusCode::kInternal;

// A one-column row holding `text` (nullopt: NULL).
Row One(std::optional<std::string> text) { return Row({std::move(text)}); }

enum class Color { kUnspecified = 0, kRed = 1, kBlue = 2 };

TEST(SqlValues, AnInListOfIdsFollowsTheOtherParameters) {
  EXPECT_EQ(Placeholders(3), "?, ?, ?");
  std::vector<SqlValue> params = WithStrs({Int(2026)}, {"mn-a", "th-b"});
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(std::get<int64_t>(params[0]), 2026);
  EXPECT_EQ(std::get<std::string>(params[1]), "mn-a");
  EXPECT_EQ(std::get<std::string>(params[2]), "th-b");
}

TEST(SqlValues, DatesRoundTripAndNullIsUnset) {
  Date d{2024, 6, 10};
  EXPECT_EQ(std::get<std::string>(DateOrNull(d)), "2024-06-10");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(DateOrNull(Date{})));
  EXPECT_THAT(DateFromSql(One("2024-06-10"), 0), IsOkAndHolds(d));
  ASSERT_OK_AND_ASSIGN(Date null_date, DateFromSql(One(std::nullopt), 0));
  EXPECT_FALSE(null_date.IsSet());
}

TEST(SqlValues, CorruptDatesAreErrorsNamingTheColumn) {
  Row row({"x", "2024-06-10", "xyz"});
  EXPECT_THAT(DateFromSql(row, 2), StatusIs(kInternal, HasSubstr("column 2 holds 'xyz', not a date")));
  for (const char* text :
       {"", "10/06/2024", "2024-02-30", "2024-06-10 00:00:00", "2024-6-10", "0000-00-00"}) {
    EXPECT_THAT(DateFromSql(One(text), 0), StatusIs(kInternal, HasSubstr("not a date"))) << text;
  }
}

TEST(SqlValues, TimesRoundTripWithMicroseconds) {
  absl::Time t = absl::FromUnixMicros(1717987654321987);
  EXPECT_EQ(TimeToSql(t), "2024-06-10 02:47:34.321987");
  EXPECT_THAT(TimeFromSql(One(TimeToSql(t)), 0), IsOkAndHolds(t));
  // A DATETIME(3) column read without DATE_FORMAT has fewer digits.
  EXPECT_THAT(TimeFromSql(One("2024-06-10 02:47:34.321"), 0),
              IsOkAndHolds(absl::FromUnixMillis(1717987654321)));
  EXPECT_THAT(TimeFromSql(One("2024-06-10 02:47:34"), 0), IsOkAndHolds(absl::FromUnixSeconds(1717987654)));
}

TEST(SqlValues, NullTimesAreExplicit) {
  EXPECT_THAT(TimeFromSql(One(std::nullopt), 0), StatusIs(kInternal, HasSubstr("column 0 is NULL")));
  EXPECT_THAT(NullableTimeFromSql(One(std::nullopt), 0), IsOkAndHolds(std::nullopt));
  absl::Time t = absl::FromUnixSeconds(1717987654);
  EXPECT_THAT(NullableTimeFromSql(One("2024-06-10 02:47:34.000000"), 0), IsOkAndHolds(Optional(t)));
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(TimeOrNull(std::nullopt)));
  EXPECT_EQ(std::get<std::string>(TimeOrNull(t)), "2024-06-10 02:47:34.000000");
}

TEST(SqlValues, CorruptTimesAreErrors) {
  for (const char* text : {"", "xyz", "2024-06-10", "2024-13-10 00:00:00", "2024-06-10T02:47:34"}) {
    EXPECT_THAT(TimeFromSql(One(text), 0), StatusIs(kInternal, HasSubstr("not a time"))) << text;
    EXPECT_THAT(NullableTimeFromSql(One(text), 0), StatusIs(kInternal)) << text;
  }
}

TEST(SqlValues, IntegersAreStrict) {
  EXPECT_THAT(IntFromSql(One("42"), 0), IsOkAndHolds(42));
  EXPECT_THAT(IntFromSql(One("-7"), 0), IsOkAndHolds(-7));
  EXPECT_THAT(IntFromSql(One("9223372036854775807"), 0), IsOkAndHolds(INT64_MAX));
  EXPECT_THAT(IntFromSql(One(std::nullopt), 0), StatusIs(kInternal, HasSubstr("NULL")));
  for (const char* text : {"", "abc", "4.5", "12abc", "9223372036854775808"}) {
    EXPECT_THAT(IntFromSql(One(text), 0), StatusIs(kInternal, HasSubstr("not an integer"))) << text;
  }
}

TEST(SqlValues, BoundedIntegersAndEnums) {
  EXPECT_THAT(IntFromSql(One("100"), 0, 0, 100), IsOkAndHolds(100));
  EXPECT_THAT(IntFromSql(One("101"), 0, 0, 100), StatusIs(kInternal, HasSubstr("0..100")));
  EXPECT_THAT(IntFromSql(One("-1"), 0, 0, 100), StatusIs(kInternal));
  EXPECT_THAT(EnumFromSql(One("2"), 0, Color::kBlue), IsOkAndHolds(Color::kBlue));
  EXPECT_THAT(EnumFromSql(One("0"), 0, Color::kBlue), IsOkAndHolds(Color::kUnspecified));
  EXPECT_THAT(EnumFromSql(One("3"), 0, Color::kBlue), StatusIs(kInternal, HasSubstr("column 0 holds '3'")));
  EXPECT_THAT(EnumFromSql(One("red"), 0, Color::kBlue), StatusIs(kInternal));
}

TEST(SqlValues, LongCorruptTextIsShortenedInTheError) {
  auto status = DateFromSql(One(std::string(500, 'x')), 0).status();
  EXPECT_EQ(status.code(), kInternal);
  EXPECT_LT(status.message().size(), 120u);
}

TEST(SqlValues, SelectedColumnsHaveTheFixedLayout) {
  EXPECT_EQ(SqlDateColumn("p.issue_date"), "DATE_FORMAT(p.issue_date, '%Y-%m-%d')");
  EXPECT_EQ(SqlTimeColumn("create_time"), "DATE_FORMAT(create_time, '%Y-%m-%d %H:%i:%s.%f')");
}

}  // namespace
}  // namespace parhub::platform
