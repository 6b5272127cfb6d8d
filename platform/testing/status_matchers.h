// gMock matchers and macros for absl::Status / StatusOr (Debian's Abseil
// ships none): IsOk(), StatusIs(code), StatusIs(code, message_matcher),
// IsOkAndHolds(m), IsInvalidField(field), ASSERT_OK(expr),
// ASSERT_OK_AND_ASSIGN(lhs, expr).
#ifndef PARHUB_PLATFORM_TESTING_STATUS_MATCHERS_H_
#define PARHUB_PLATFORM_TESTING_STATUS_MATCHERS_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "platform/core/errors.h"

namespace parhub::testing {

inline const absl::Status& GetStatus(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

MATCHER(IsOk, "is OK") {
  const absl::Status& status = GetStatus(arg);
  if (!status.ok()) *result_listener << "status is " << status;
  return status.ok();
}

MATCHER_P(StatusIs, code, "has status code " + ::testing::PrintToString(code)) {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status;
  return status.code() == code;
}

MATCHER_P2(StatusIs, code, message_matcher, "has status code and matching message") {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status;
  return status.code() == code && ::testing::Matches(message_matcher)(std::string(status.message()));
}

MATCHER_P(IsOkAndHolds, matcher, "is OK and holds a matching value") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(matcher, *arg, result_listener);
}

// INVALID_ARGUMENT naming `field` (platform::InvalidField).
MATCHER_P(IsInvalidField, field, "is INVALID_ARGUMENT naming " + ::testing::PrintToString(field)) {
  const absl::Status& status = GetStatus(arg);
  *result_listener << "status is " << status;
  if (status.code() != absl::StatusCode::kInvalidArgument) return false;
  for (const auto& violation : ::parhub::platform::FieldViolations(status)) {
    if (violation.field == field) return true;
  }
  return false;
}

}  // namespace parhub::testing

#define ASSERT_OK(expr) ASSERT_THAT((expr), ::parhub::testing::IsOk())
#define EXPECT_OK(expr) EXPECT_THAT((expr), ::parhub::testing::IsOk())
#define ASSERT_OK_AND_ASSIGN(lhs, rexpr) \
  PARHUB_ASSERT_OK_AND_ASSIGN_IMPL_(PARHUB_TEST_CONCAT_(statusor_, __LINE__), lhs, rexpr)
#define PARHUB_TEST_CONCAT_INNER_(a, b) a##b
#define PARHUB_TEST_CONCAT_(a, b) PARHUB_TEST_CONCAT_INNER_(a, b)
#define PARHUB_ASSERT_OK_AND_ASSIGN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                      \
  ASSERT_TRUE(statusor.ok()) << statusor.status();              \
  lhs = std::move(statusor).value()

#endif  // PARHUB_PLATFORM_TESTING_STATUS_MATCHERS_H_
