// Tests of platform/core/school_batch.h: which school lists a roll-up
// refuses, and which field the refusal names.
#include "platform/core/school_batch.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"

namespace parhub::platform {
namespace {

std::string FieldOf(const absl::Status& status) {
  std::vector<FieldViolation> violations = FieldViolations(status);
  return violations.empty() ? "" : violations[0].field;
}

TEST(SchoolBatch, NamesBecomeIdsInOrderAndAMalformedOneIsNamedByItsPlace) {
  absl::StatusOr<std::vector<std::string>> ids = ParseSchoolNames({"schools/th-b", "schools/mn-a"});
  ASSERT_TRUE(ids.ok()) << ids.status();
  EXPECT_THAT(*ids, ::testing::ElementsAre("th-b", "mn-a"));
  absl::StatusOr<std::vector<std::string>> bad = ParseSchoolNames({"schools/th-b", "schools/mn-a/plans/x"});
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldOf(bad.status()), "schools[1]");
  EXPECT_EQ(FieldOf(ParseSchoolNames({"th-b"}).status()), "schools[0]");
}

TEST(SchoolBatch, OneToTheMostSchoolsEachOnceAreAccepted) {
  EXPECT_TRUE(CheckSchoolBatch({"a1"}).ok());
  std::vector<std::string> most(kMaxBatchSchools);
  for (size_t i = 0; i < most.size(); ++i) most[i] = "s" + std::to_string(i);
  EXPECT_TRUE(CheckSchoolBatch(most).ok());
  most.push_back("one-more");
  EXPECT_EQ(CheckSchoolBatch(most).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldOf(CheckSchoolBatch(most)), "schools");
  EXPECT_EQ(FieldOf(CheckSchoolBatch({})), "schools");
}

TEST(SchoolBatch, ARepeatedSchoolIsNamedWhereItStandsAgain) {
  absl::Status status = CheckSchoolBatch({"a1", "b2", "c3", "b2"});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldOf(status), "schools[3]");
  EXPECT_THAT(status.message(), ::testing::HasSubstr("each school at most once"));
}

}  // namespace
}  // namespace parhub::platform
