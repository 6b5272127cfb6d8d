// Tests of platform/core/date.h: both written forms, impossible dates and
// deadlines ending at local midnight in Asia/Ho_Chi_Minh.
#include "platform/core/date.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"
#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsOk;
using ::parhub::testing::IsOkAndHolds;
using ::parhub::testing::StatusIs;
using ::testing::HasSubstr;

TEST(Dates, ParsesBothFormatsAndRejectsImpossibleDates) {
  EXPECT_THAT(ParseDate("2024-06-10", "due_date"), IsOkAndHolds(Date{2024, 6, 10}));
  EXPECT_THAT(ParseDate("10/06/2024", "due_date"), IsOkAndHolds(Date{2024, 6, 10}));
  EXPECT_THAT(ParseDate("2024-02-30", "due_date"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseDate("2023-02-29", "due_date"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseDate("2024-02-29", "due_date"), IsOk());
  EXPECT_THAT(ParseDate("hôm nay", "due_date"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Dates, ErrorsNameTheField) {
  auto bad = ParseDate("2024-13-01", "task.due_date");
  ASSERT_THAT(bad, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("task.due_date")));
  ASSERT_EQ(FieldViolations(bad.status()).size(), 1u);
  EXPECT_EQ(FieldViolations(bad.status())[0].field, "task.due_date");
  EXPECT_THAT(MakeDate(1899, 12, 31, "year"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MakeDate(2201, 1, 1, "year"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(MakeDate(2024, 4, 31, "year"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Dates, DeadlineEndsAtLocalMidnight) {
  Date d{2024, 6, 10};
  absl::Time end = d.EndInstant();
  // 23:59:59.999999 in UTC+7 is 16:59:59.999999 UTC.
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d %H:%M:%S", end, absl::UTCTimeZone()), "2024-06-10 16:59:59");
  EXPECT_EQ(LocalDate(end), d);
  EXPECT_EQ(LocalDate(end + absl::Microseconds(1)), (Date{2024, 6, 11}));
}

TEST(Dates, WrittenFormsAndOrder) {
  Date d{2024, 6, 1};
  EXPECT_EQ(d.ToVietnamese(), "01/06/2024");
  EXPECT_EQ(d.ToIso(), "2024-06-01");
  EXPECT_LT(d, (Date{2024, 6, 2}));
  EXPECT_LT((Date{2023, 12, 31}), d);
  EXPECT_FALSE(Date{}.IsSet());
  EXPECT_TRUE(d.IsSet());
}

TEST(DateArithmetic, AddDaysAndDaysBetweenCrossMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays(Date{2025, 10, 1}, -1), (Date{2025, 9, 30}));
  EXPECT_EQ(AddDays(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays(Date{2025, 12, 31}, 1), (Date{2026, 1, 1}));
  EXPECT_EQ(DaysBetween(Date{2025, 12, 2}, Date{2026, 1, 1}), 30);
  EXPECT_EQ(DaysBetween(Date{2026, 1, 1}, Date{2025, 12, 2}), -30);
}

TEST(Dates, ADayStartsAtMidnightInVietnam) {
  const absl::Time start = StartOfDay(Date{2026, 9, 1});
  EXPECT_EQ(start, absl::FromUnixSeconds(1788195600));  // 2026-08-31 17:00 UTC
  EXPECT_EQ(LocalDate(start), (Date{2026, 9, 1}));
  EXPECT_EQ(LocalDate(start - absl::Seconds(1)), (Date{2026, 8, 31}));
}

}  // namespace
}  // namespace parhub::platform
