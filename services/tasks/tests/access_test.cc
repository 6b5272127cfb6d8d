// Unit tests of the access rules: who may read and change what.
#include "services/tasks/domain/access.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/testing/status_matchers.h"

namespace parhub::tasks {
namespace {

using ::parhub::platform::Role;
using ::parhub::testing::IsOk;
using ::parhub::testing::StatusIs;

Caller MakeCaller(Role role, std::string school, std::string authority = "") {
  Caller c;
  c.subject = "accounts/x";
  c.role = role;
  c.school_id = std::move(school);
  c.authority_id = std::move(authority);
  return c;
}

TEST(Access, SchoolAdminReadsAndWritesOnlyItsOwnSchool) {
  Caller admin = MakeCaller(Role::kSchoolAdmin, "mn-2010");
  EXPECT_THAT(RequireSchoolWrite(admin, "mn-2010", "kế hoạch"), IsOk());
  EXPECT_THAT(RequireSchoolRead(admin, "th-a", "kế hoạch"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(RequireSchoolWrite(admin, "th-a", "kế hoạch"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(RequireProgressWrite(admin, "th-a"), StatusIs(absl::StatusCode::kNotFound));
}

TEST(Access, StaffReadAndReportProgressOnly) {
  Caller staff = MakeCaller(Role::kSchoolStaff, "mn-2010");
  EXPECT_THAT(RequireSchoolRead(staff, "mn-2010", "nhiệm vụ"), IsOk());
  EXPECT_THAT(RequireSchoolWrite(staff, "mn-2010", "nhiệm vụ"),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(RequireProgressWrite(staff, "mn-2010"), IsOk());
}

TEST(Access, OfficersReadTheCheckedSchoolAndOwnDirectivesOnly) {
  Caller officer = MakeCaller(Role::kAuthorityOfficer, "mn-2010", "q1");
  EXPECT_THAT(RequireSchoolRead(officer, "mn-2010", "kế hoạch"), IsOk());
  EXPECT_THAT(RequireSchoolWrite(officer, "mn-2010", "kế hoạch"),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(RequireProgressWrite(officer, "mn-2010"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(RequireDirectivePublish(officer, "q1"), IsOk());
  EXPECT_THAT(RequireDirectivePublish(officer, "q3"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(RequireDirectiveRead(officer, "q1"), IsOk());
  EXPECT_THAT(RequireDirectiveRead(officer, "q3"), StatusIs(absl::StatusCode::kNotFound));
}

TEST(Access, SchoolRolesCannotTouchDirectives) {
  Caller admin = MakeCaller(Role::kSchoolAdmin, "mn-2010", "q1");
  EXPECT_THAT(RequireDirectivePublish(admin, "q1"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(RequireDirectiveRead(admin, "q1"), StatusIs(absl::StatusCode::kNotFound));
  Caller service = MakeCaller(Role::kService, "mn-2010");
  EXPECT_THAT(RequireSchoolRead(service, "mn-2010", "nhiệm vụ"), IsOk());
  EXPECT_THAT(RequireSchoolWrite(service, "mn-2010", "nhiệm vụ"),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace parhub::tasks
