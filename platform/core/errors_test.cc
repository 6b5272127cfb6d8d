// Tests of platform/core/errors.h: field violations and reasons ride in
// absl::Status payloads and survive copies.
#include "platform/core/errors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace parhub::platform {
namespace {

TEST(Errors, InvalidFieldNamesTheFieldInMessageAndPayload) {
  absl::Status status = InvalidField("task.due_date", "không tồn tại (no such date)");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "task.due_date: không tồn tại (no such date)");
  std::vector<FieldViolation> violations = FieldViolations(status);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "task.due_date");
  EXPECT_EQ(violations[0].description, "không tồn tại (no such date)");
}

TEST(Errors, PlainStatusesHaveNoViolationsOrReason) {
  EXPECT_TRUE(FieldViolations(absl::NotFoundError("x")).empty());
  EXPECT_TRUE(FieldViolations(absl::OkStatus()).empty());
  EXPECT_EQ(Reason(absl::InternalError("x")), "");
}

TEST(Errors, ReasonIsKeptAlongsideViolations) {
  absl::Status status = WithReason(InvalidField("request_id", "đã dùng"), "REQUEST_ID_REUSED");
  absl::Status copy = status;
  EXPECT_EQ(Reason(copy), "REQUEST_ID_REUSED");
  ASSERT_EQ(FieldViolations(copy).size(), 1u);
  EXPECT_EQ(FieldViolations(copy)[0].field, "request_id");
}

}  // namespace
}  // namespace parhub::platform
