// Tests of platform/core/resource_name.h: names, ids and random ids.
#include "platform/core/resource_name.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsOkAndHolds;
using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

TEST(ResourceNames, ParsesVariablesAndRejectsOthers) {
  EXPECT_THAT(ParseName("schools/{s}/plans/{p}", "schools/mn-2010/plans/par-2024", "name"),
              IsOkAndHolds(ElementsAre("mn-2010", "par-2024")));
  EXPECT_THAT(ParseName("schools/{s}/plans/{p}", "schools/mn-2010/tasks/x", "name"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseName("schools/{s}", "schools/../etc", "name"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseName("schools/{s}", "", "parent"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("parent")));
  EXPECT_THAT(ParseName("schools/{s}", "schools/mn-2010/", "name"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ResourceNames, IdsAreLowercaseLettersDigitsAndInnerHyphens) {
  EXPECT_OK(ValidateId("mn-2010", "plan_id"));
  EXPECT_OK(ValidateId(std::string(40, 'a'), "plan_id"));
  EXPECT_THAT(ValidateId(std::string(41, 'a'), "plan_id"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateId("Bad_Id", "plan_id"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateId("", "plan_id"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateId("-a", "plan_id"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateId("a-", "plan_id"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateId("trường", "plan_id"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan_id")));
}

TEST(ResourceNames, RandomIdsAreValidIdsAndDiffer) {
  std::string a = RandomId(), b = RandomId();
  EXPECT_THAT(a, MatchesRegex("[0-9a-f]{16}"));
  EXPECT_NE(a, b);
  EXPECT_OK(ValidateId(a, "id"));
  EXPECT_EQ(RandomHex(20).size(), 40u);
}

}  // namespace
}  // namespace parhub::platform
