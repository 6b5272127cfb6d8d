// Tests of platform/core/status_macros.h.
#include "platform/core/status_macros.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

namespace parhub::platform {
namespace {

absl::StatusOr<std::unique_ptr<int>> Make(bool ok) {
  if (!ok) return absl::NotFoundError("none");
  return std::make_unique<int>(7);
}

absl::StatusOr<int> Twice(bool ok) {
  ASSIGN_OR_RETURN(std::unique_ptr<int> value, Make(ok));  // move-only values work
  return *value * 2;
}

absl::Status Check(absl::Status first, bool* reached) {
  RETURN_IF_ERROR(first);
  *reached = true;
  return absl::OkStatus();
}

TEST(StatusMacros, AssignOrReturnAssignsOrPropagates) {
  EXPECT_EQ(*Twice(true), 14);
  EXPECT_EQ(Twice(false).status().code(), absl::StatusCode::kNotFound);
}

TEST(StatusMacros, ReturnIfErrorStopsAtTheFirstError) {
  bool reached = false;
  EXPECT_EQ(Check(absl::AbortedError("x"), &reached).code(), absl::StatusCode::kAborted);
  EXPECT_FALSE(reached);
  EXPECT_TRUE(Check(absl::OkStatus(), &reached).ok());
  EXPECT_TRUE(reached);
}

}  // namespace
}  // namespace parhub::platform
