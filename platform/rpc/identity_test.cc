// Signed identities: forgeries, other services, other methods, long or
// stale lifetimes are all refused.
#include "platform/rpc/identity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kGetTask[] = "/parhub.tasks.v1.TaskService/GetTask";

class IdentityTest : public ::testing::Test {
 protected:
  IdentityTest()
      : key_(*IdentityKey::Create(std::string(32, 'k'))),
        caller_{"accounts/a", Role::kSchoolAdmin, "mn-2010", "", "trace-1"},
        now_(absl::FromUnixSeconds(1'780'000'000)) {}
  IdentityKey key_;
  Caller caller_;
  absl::Time now_;
};

TEST_F(IdentityTest, SignedIdentityVerifiesForItsMethod) {
  std::string token = key_.Sign(NewIdentity(caller_, kGetTask, now_));
  ASSERT_OK_AND_ASSIGN(auto identity, key_.Verify(token, kGetTask, now_ + absl::Seconds(1)));
  Caller back = CallerFromIdentity(identity);
  EXPECT_EQ(back.school_id, "mn-2010");
  EXPECT_EQ(back.role, Role::kSchoolAdmin);
  EXPECT_EQ(back.trace_id, "trace-1");
  EXPECT_EQ(identity.audience(), "parhub.tasks.v1.TaskService");
}

TEST_F(IdentityTest, ForgeriesAndGarbageAreRefused) {
  ASSERT_OK_AND_ASSIGN(IdentityKey other, IdentityKey::Create(std::string(32, 'o')));
  std::string token = key_.Sign(NewIdentity(caller_, kGetTask, now_));
  EXPECT_THAT(other.Verify(token, kGetTask, now_), StatusIs(absl::StatusCode::kUnauthenticated));
  std::string tampered = token;
  tampered[2] = tampered[2] == 'A' ? 'B' : 'A';
  EXPECT_THAT(key_.Verify(tampered, kGetTask, now_), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(key_.Verify("", kGetTask, now_), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(key_.Verify("a.b.c", kGetTask, now_), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(IdentityKey::Create("short"), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(IdentityTest, AnIdentityForOneMethodOrServiceIsUselessForAnother) {
  std::string token = key_.Sign(NewIdentity(caller_, kGetTask, now_));
  EXPECT_THAT(key_.Verify(token, "/parhub.tasks.v1.TaskService/CreateTask", now_),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("another method")));
  EXPECT_THAT(key_.Verify(token, "/parhub.directory.v1.DirectoryService/CreateApiKey", now_),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("another service")));
}

TEST_F(IdentityTest, LifetimeIsSecondsAndChecked) {
  std::string token = key_.Sign(NewIdentity(caller_, kGetTask, now_));
  EXPECT_THAT(key_.Verify(token, kGetTask, now_ + kIdentityLifetime),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("expired")));
  // A signer that asks for ten years is refused by every service.
  std::string long_lived = key_.Sign(NewIdentity(caller_, kGetTask, now_, absl::Hours(24 * 3650)));
  EXPECT_THAT(key_.Verify(long_lived, kGetTask, now_),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("lifetime")));
  std::string just_allowed = key_.Sign(NewIdentity(caller_, kGetTask, now_, kMaxIdentityLifetime));
  EXPECT_OK(key_.Verify(just_allowed, kGetTask, now_).status());
  std::string future = key_.Sign(NewIdentity(caller_, kGetTask, now_ + absl::Minutes(5)));
  EXPECT_THAT(key_.Verify(future, kGetTask, now_),
              StatusIs(absl::StatusCode::kUnauthenticated, HasSubstr("future")));
  parhub::common::v1::Identity no_lifetime = NewIdentity(caller_, kGetTask, now_);
  no_lifetime.clear_issue_time();
  EXPECT_THAT(key_.Verify(key_.Sign(no_lifetime), kGetTask, now_),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST_F(IdentityTest, ServiceOfMethodAcceptsOnlyFullMethodPaths) {
  EXPECT_EQ(ServiceOfMethod(kGetTask), "parhub.tasks.v1.TaskService");
  EXPECT_EQ(ServiceOfMethod("parhub.tasks.v1.TaskService/GetTask"), "");
  EXPECT_EQ(ServiceOfMethod("/parhub.tasks.v1.TaskService/"), "");
  EXPECT_EQ(ServiceOfMethod("//GetTask"), "");
  EXPECT_EQ(ServiceOfMethod("/a/b/c"), "");
}

}  // namespace
}  // namespace parhub::platform
