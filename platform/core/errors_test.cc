// Tests of platform/core/errors.h: field violations and reasons ride in
// absl::Status payloads and survive copies.
#include "platform/core/errors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/resource_name.h"

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

// Found by finance_convert_fuzz: a resource name with a newline, quoted in
// ParseName's description, split into a second violation named by the
// client's text.
TEST(Errors, ADescriptionQuotingNewlinesAndTabsStaysOneViolation) {
  std::vector<FieldViolation> violations = FieldViolations(InvalidField("name", "'sch\nB1\tx' sai dạng"));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "name");
  EXPECT_EQ(violations[0].description, "'sch\nB1\tx' sai dạng");
  absl::StatusOr<std::vector<std::string>> parsed =
      ParseName("schools/{school}/pupils/{pupil}", "sch\nB1", "name");
  ASSERT_FALSE(parsed.ok());
  violations = FieldViolations(parsed.status());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "name");
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
