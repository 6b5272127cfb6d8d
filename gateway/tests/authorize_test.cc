// Authorize beyond route_table_test.cc: services reach every school (but
// not directives, which are officers' only), scope-free routes forward the
// caller's own school and authority, officers reach their subtree's
// authorities, unreadable resource names are a field violation on the
// route's field, and SchoolOf reads only "schools/{id}/…".
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gateway/route_table.h"
#include "parhub/directory/v1/directory.pb.h"
#include "parhub/tasks/v1/tasks.pb.h"
#include "platform/core/errors.h"
#include "platform/testing/status_matchers.h"

namespace parhub::gateway {
namespace {

using ::parhub::testing::StatusIs;
using platform::Role;

Principal Make(Role role, const std::string& school, const std::string& authority) {
  Principal p;
  p.account = "accounts/x";
  p.role = role;
  p.school_id = school;
  p.authority_id = authority;
  if (!authority.empty()) p.authority_ids = {authority, authority + "-p1"};
  return p;
}

const Route& RouteOf(const std::string& method) {
  const Route* route = FindRoute(method);
  EXPECT_NE(route, nullptr) << method;
  return route != nullptr ? *route : Routes().front();
}

TEST(Authorize, ServiceReachesAnySchoolButNoDirectives) {
  Principal service = Make(Role::kService, "", "");
  tasks::v1::GetTaskRequest task;
  task.set_name("schools/th-khai-minh/plans/p/tasks/t");
  ASSERT_OK_AND_ASSIGN(CallScope scope,
                       Authorize(RouteOf("/parhub.tasks.v1.TaskService/GetTask"), service, task));
  EXPECT_EQ(scope.school_id, "th-khai-minh");
  tasks::v1::ListDirectivesRequest directives;
  directives.set_parent("authorities/q3");
  EXPECT_THAT(Authorize(RouteOf("/parhub.tasks.v1.TaskService/ListDirectives"), service, directives),
              StatusIs(absl::StatusCode::kPermissionDenied));  // officers only
}

TEST(Authorize, ScopeFreeRoutesForwardTheCallersOwnScope) {
  directory::v1::GetSchoolRequest request;
  request.set_name("schools/anything");
  ASSERT_OK_AND_ASSIGN(CallScope scope, Authorize(RouteOf("/parhub.directory.v1.DirectoryService/GetSchool"),
                                                  Make(Role::kSchoolStaff, "mn-2010", ""), request));
  EXPECT_EQ(scope.school_id, "mn-2010");
  EXPECT_EQ(scope.authority_id, "");
  ASSERT_OK_AND_ASSIGN(
      scope, Authorize(RouteOf("/parhub.tasks.v1.TaskService/ListPlanTemplates"),
                       Make(Role::kAuthorityOfficer, "", "q1"), tasks::v1::ListPlanTemplatesRequest()));
  EXPECT_EQ(scope.authority_id, "q1");
  EXPECT_THAT(Authorize(RouteOf("/parhub.directory.v1.DirectoryService/MoveSchool"),
                        Make(Role::kSchoolAdmin, "mn-2010", ""), directory::v1::MoveSchoolRequest()),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(RouteOf("/parhub.directory.v1.DirectoryService/GetAccount"),
                        Make(Role::kUnspecified, "", ""), directory::v1::GetAccountRequest()),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST(Authorize, OfficerReachesAuthoritiesOfTheSubtree) {
  const Route& get = RouteOf("/parhub.tasks.v1.TaskService/GetDirective");
  tasks::v1::GetDirectiveRequest request;
  request.set_name("authorities/q1-p1/directives/d-7");
  ASSERT_OK_AND_ASSIGN(CallScope scope, Authorize(get, Make(Role::kAuthorityOfficer, "", "q1"), request));
  EXPECT_EQ(scope.authority_id, "q1-p1");
  request.set_name("authorities/q1/directives/d-7");  // the parent, above a q1-p1 officer's subtree
  EXPECT_THAT(Authorize(get, Make(Role::kAuthorityOfficer, "", "q1-p1"), request),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(Authorize, UnreadableResourceNamesNameTheRoutesField) {
  tasks::v1::ListTasksRequest tasks;
  for (const char* parent : {"", "schools", "schools/", "schools//plans/p", "school/mn-2010/plans/p"}) {
    tasks.set_parent(parent);
    absl::StatusOr<CallScope> scope =
        Authorize(RouteOf("/parhub.tasks.v1.TaskService/ListTasks"), Make(Role::kService, "", ""), tasks);
    ASSERT_THAT(scope, StatusIs(absl::StatusCode::kInvalidArgument)) << parent;
    ASSERT_EQ(platform::FieldViolations(scope.status()).size(), 1u);
    EXPECT_EQ(platform::FieldViolations(scope.status())[0].field, "parent");
  }
  tasks::v1::GetDirectiveRequest directive;
  directive.set_name("schools/mn-2010");
  EXPECT_THAT(Authorize(RouteOf("/parhub.tasks.v1.TaskService/GetDirective"),
                        Make(Role::kAuthorityOfficer, "", "q1"), directive),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(RouteTable, SchoolOfAndFindRoute) {
  EXPECT_EQ(SchoolOf("schools/mn-2010/plans/p"), "mn-2010");
  EXPECT_EQ(SchoolOf("schools/mn-2010"), "mn-2010");
  EXPECT_EQ(SchoolOf("authorities/q1/schools/mn-2010"), "");
  EXPECT_EQ(SchoolOf("schools"), "");
  EXPECT_EQ(FindRoute("/parhub.tasks.v1.TaskService/PublishDirective"), nullptr);
  EXPECT_EQ(FindRoute("/parhub.directory.v1.DirectoryService/AuthenticateApiKey"), nullptr);
  EXPECT_EQ(FindRoute("parhub.tasks.v1.TaskService/GetTask"), nullptr);
}

}  // namespace
}  // namespace parhub::gateway
