// Tests of platform/core/school_batch.h: the roll-ups' school-list check.
#include "platform/core/school_batch.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsInvalidField;
using ::parhub::testing::StatusIs;

TEST(SchoolBatch, TakesOneToTheMaximumDistinctSchools) {
  EXPECT_TRUE(CheckSchoolBatch({"mn-2010"}).ok());
  std::vector<std::string> most(kMaxBatchSchools);
  for (size_t i = 0; i < most.size(); ++i) most[i] = "s" + std::to_string(i);
  EXPECT_TRUE(CheckSchoolBatch(most).ok());
  most.push_back("one-more");
  EXPECT_THAT(CheckSchoolBatch(most), IsInvalidField("schools"));
  EXPECT_THAT(CheckSchoolBatch({}), IsInvalidField("schools"));
}

TEST(SchoolBatch, NamesTheFirstRepeat) {
  const absl::Status repeated = CheckSchoolBatch({"a1", "b2", "c3", "b2", "a1"});
  EXPECT_THAT(repeated, IsInvalidField("schools[3]"));
  EXPECT_THAT(repeated, StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("at most once")));
}

TEST(SchoolBatch, TakesTheIdsOfSchoolNamesNamingTheFirstBadOne) {
  EXPECT_THAT(SchoolIdsOf({"schools/mn-2010", "schools/th-1"}),
              ::parhub::testing::IsOkAndHolds(::testing::ElementsAre("mn-2010", "th-1")));
  EXPECT_THAT(SchoolIdsOf({"schools/mn-2010", "schools/th-1/plans/x", "truong/y"}),
              IsInvalidField("schools[1]"));
  EXPECT_THAT(SchoolIdsOf({}), ::parhub::testing::IsOkAndHolds(::testing::IsEmpty()));
}

}  // namespace
}  // namespace parhub::platform
