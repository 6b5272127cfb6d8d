// Tests of platform/core/caller.h: scope answers that do not reveal other
// schools, and readers who cannot write.
#include "platform/core/caller.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::StatusIs;

TEST(Caller, OtherSchoolsAreNotFoundAndReadersCannotWrite) {
  Caller admin{"accounts/a", Role::kSchoolAdmin, "mn-2010", "", ""};
  Caller officer{"accounts/o", Role::kAuthorityOfficer, "mn-2010", "q1", ""};
  EXPECT_OK(admin.RequireWrite("mn-2010", "kế hoạch"));
  EXPECT_THAT(admin.RequireRead("th-khai-minh", "kế hoạch"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(admin.RequireWrite("th-khai-minh", "kế hoạch"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_OK(officer.RequireRead("mn-2010", "kế hoạch"));
  EXPECT_THAT(officer.RequireWrite("mn-2010", "kế hoạch"), StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST(Caller, StaffReadOnlyTheirSchoolAndNeverWrite) {
  Caller staff{"accounts/s", Role::kSchoolStaff, "mn-2010", "", ""};
  EXPECT_TRUE(staff.CanReadSchool("mn-2010"));
  EXPECT_FALSE(staff.CanWriteSchool("mn-2010"));
  EXPECT_THAT(staff.RequireWrite("mn-2010", "nhiệm vụ"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(staff.RequireWrite("th-khai-minh", "nhiệm vụ"), StatusIs(absl::StatusCode::kNotFound));
}

TEST(Caller, NoRoleOrNoSchoolReadsNothing) {
  Caller nobody{"accounts/x", Role::kUnspecified, "mn-2010", "", ""};
  EXPECT_FALSE(nobody.CanReadSchool("mn-2010"));
  Caller admin{"accounts/a", Role::kSchoolAdmin, "", "", ""};
  // An empty school id never matches, even the caller's own empty one.
  EXPECT_FALSE(admin.CanReadSchool(""));
  EXPECT_THAT(admin.RequireRead("", "kế hoạch"), StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace parhub::platform
