// The API key cache, against a fake directory lookup (counts calls, answers
// from a table) and a fake clock: malformed headers never reach the
// directory, a key is looked up once per TTL (which is how a revocation
// takes effect), failures are never cached, the principal is mapped from
// the directory's answer, and the cache keeps working after its bound
// clears it.
#include "gateway/authenticator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "platform/core/retry_delay.h"
#include "platform/testing/status_matchers.h"

namespace parhub::gateway {
namespace {

using directory::v1::AuthenticateApiKeyResponse;
using ::parhub::testing::StatusIs;
using platform::Role;
using ::testing::UnorderedElementsAre;

constexpr absl::Duration kTtl = absl::Seconds(30);

AuthenticateApiKeyResponse Officer() {
  AuthenticateApiKeyResponse r;
  r.mutable_account()->set_name("accounts/nguyen-van-duc");
  r.mutable_account()->set_display_name("Nguyễn Văn Đức");
  r.mutable_account()->set_role(common::v1::ROLE_AUTHORITY_OFFICER);
  r.mutable_account()->set_authority("authorities/q1");
  r.set_api_key("accounts/nguyen-van-duc/apiKeys/k1");
  r.add_scope_authority_ids("q1");
  r.add_scope_authority_ids("q1-p2");
  r.add_scope_school_ids("mn-2010");
  r.add_scope_school_ids("th-khai-minh");
  return r;
}

AuthenticateApiKeyResponse SchoolAdmin() {
  AuthenticateApiKeyResponse r;
  r.mutable_account()->set_name("accounts/tran-thi-mai");
  r.mutable_account()->set_role(common::v1::ROLE_SCHOOL_ADMIN);
  r.mutable_account()->set_school("schools/mn-2010");
  return r;
}

class AuthenticatorTest : public ::testing::Test {
 protected:
  using Result = absl::StatusOr<std::shared_ptr<const Principal>>;

  // Answers synchronously from `keys`, else with `otherwise`.
  KeyLookup Lookup() {
    return [this](const std::string& secret, const std::string& trace_id, const grpc::ServerContextBase*,
                  std::function<void(absl::StatusOr<AuthenticateApiKeyResponse>)> done) {
      ++lookups_;
      last_secret_ = secret;
      last_trace_id_ = trace_id;
      auto it = keys_.find(secret);
      done(it != keys_.end() ? it->second : otherwise_);
    };
  }

  Result Resolve(const std::string& authorization) {
    std::optional<Result> out;
    int calls = 0;
    authenticator_.Resolve(authorization, "trace-1", nullptr, [&](Result r) {
      ++calls;
      out = std::move(r);
    });
    EXPECT_EQ(calls, 1) << "the callback runs exactly once";
    return out.value_or(absl::InternalError("callback not called"));
  }

  int lookups_ = 0;
  std::string last_secret_, last_trace_id_;
  std::map<std::string, absl::StatusOr<AuthenticateApiKeyResponse>> keys_{{"sk-officer", Officer()},
                                                                          {"sk-admin", SchoolAdmin()}};
  absl::StatusOr<AuthenticateApiKeyResponse> otherwise_ = absl::UnauthenticatedError("Khoá API không hợp lệ");
  absl::Time now_ = absl::FromUnixSeconds(1'700'000'000);
  Authenticator authenticator_{Lookup(), kTtl, [this] { return now_; }};
};

TEST_F(AuthenticatorTest, MissingOrMalformedHeaderIsRefusedWithoutALookup) {
  for (const char* header : {"", "Bearer", "Bearer ", "bearer sk-officer", "Basic c2stb2ZmaWNlcg==",
                             "Bearersk-officer", "sk-officer", " Bearer sk-officer"}) {
    EXPECT_THAT(Resolve(header), StatusIs(absl::StatusCode::kUnauthenticated)) << "'" << header << "'";
  }
  EXPECT_EQ(lookups_, 0);
}

TEST_F(AuthenticatorTest, LooksUpOnceThenServesFromCacheWithinTtl) {
  ASSERT_OK_AND_ASSIGN(auto first, Resolve("Bearer sk-officer"));
  EXPECT_EQ(lookups_, 1);
  EXPECT_EQ(last_secret_, "sk-officer");  // without "Bearer "
  EXPECT_EQ(last_trace_id_, "trace-1");
  now_ += kTtl - absl::Seconds(1);
  ASSERT_OK_AND_ASSIGN(auto second, Resolve("Bearer sk-officer"));
  EXPECT_EQ(lookups_, 1);
  EXPECT_EQ(second, first);  // the very same principal
}

TEST_F(AuthenticatorTest, RevokedKeyIsRefusedOnceTheTtlPasses) {
  ASSERT_OK(Resolve("Bearer sk-officer").status());
  keys_["sk-officer"] = absl::UnauthenticatedError("Khoá API đã bị thu hồi (revoked)");
  now_ += absl::Seconds(10);
  EXPECT_OK(Resolve("Bearer sk-officer").status());  // still cached: revocation lags by at most the TTL
  EXPECT_EQ(lookups_, 1);
  now_ += kTtl - absl::Seconds(10);  // exactly at expiry: the entry is stale
  EXPECT_THAT(Resolve("Bearer sk-officer"),
              StatusIs(absl::StatusCode::kUnauthenticated, "Khoá API đã bị thu hồi (revoked)"));
  EXPECT_EQ(lookups_, 2);
  EXPECT_THAT(Resolve("Bearer sk-officer"), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_EQ(lookups_, 3);  // the refusal is not cached either
}

// While the directory cannot be reached, a key seen within the stale grace
// keeps working; past the grace, or once the directory refuses the key, it
// does not; a key never seen is not admitted.
TEST_F(AuthenticatorTest, AKeySeenRecentlyOutlivesADirectoryOutageByTheGraceOnly) {
  Authenticator graced{Lookup(), kTtl, [this] { return now_; }, BucketRate{}, absl::Seconds(60)};
  auto resolve = [&](const std::string& authorization) {
    std::optional<Result> out;
    graced.Resolve(authorization, "trace-1", nullptr, [&](Result r) { out = std::move(r); });
    return out.value_or(absl::InternalError("callback not called"));
  };
  ASSERT_OK_AND_ASSIGN(auto first, resolve("Bearer sk-officer"));
  ASSERT_OK(resolve("Bearer sk-admin").status());
  keys_.clear();
  otherwise_ = absl::UnavailableError("directory down");
  now_ += kTtl + absl::Seconds(59);  // expired 59 s ago: within the grace
  ASSERT_OK_AND_ASSIGN(auto during, resolve("Bearer sk-officer"));
  EXPECT_EQ(during, first);
  EXPECT_EQ(lookups_, 3) << "the directory is still asked every time";
  EXPECT_THAT(resolve("Bearer sk-never-seen"), StatusIs(absl::StatusCode::kUnavailable));
  otherwise_ = absl::DeadlineExceededError("directory slow");
  EXPECT_OK(resolve("Bearer sk-officer").status());
  // The directory answers again and refuses the key: refused at once, and
  // no grace is left for it in a later outage.
  otherwise_ = absl::UnauthenticatedError("Khoá API đã bị thu hồi (revoked)");
  EXPECT_THAT(resolve("Bearer sk-officer"), StatusIs(absl::StatusCode::kUnauthenticated));
  otherwise_ = absl::UnavailableError("directory down");
  EXPECT_THAT(resolve("Bearer sk-officer"), StatusIs(absl::StatusCode::kUnavailable));
  // Past the grace: the outage shows.
  now_ += absl::Seconds(2);
  EXPECT_THAT(resolve("Bearer sk-admin"), StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(AuthenticatorTest, WithoutAGraceAnOutageRefusesEveryExpiredKey) {
  ASSERT_OK(Resolve("Bearer sk-officer").status());
  keys_.clear();
  otherwise_ = absl::UnavailableError("directory down");
  now_ += kTtl;
  EXPECT_THAT(Resolve("Bearer sk-officer"), StatusIs(absl::StatusCode::kUnavailable));
}

// A key's burst above its budget is refused with a retry hint, another
// key is not affected, and the key is admitted again once the hint passed.
TEST_F(AuthenticatorTest, AKeysBurstAboveItsBudgetIsRefusedThenAdmittedAgain) {
  Authenticator limited{Lookup(), kTtl, [this] { return now_; }, BucketRate{2, 5}};
  auto resolve = [&](const std::string& key) {
    std::optional<Result> out;
    limited.Resolve("Bearer " + key, "trace-1", nullptr, [&](Result r) { out = std::move(r); });
    return out.value_or(absl::InternalError("callback not called"));
  };
  for (int i = 0; i < 5; ++i) EXPECT_OK(resolve("sk-officer").status()) << i;
  Result refused = resolve("sk-officer");
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kResourceExhausted));
  EXPECT_EQ(platform::RetryDelay(refused.status()), absl::Milliseconds(500));
  EXPECT_OK(resolve("sk-admin").status()) << "another key has its own budget";
  now_ += absl::Milliseconds(500);
  EXPECT_OK(resolve("sk-officer").status()) << "admitted again after the hint";
  EXPECT_THAT(resolve("sk-officer"), StatusIs(absl::StatusCode::kResourceExhausted));
  EXPECT_THAT(resolve("sk-unknown"), StatusIs(absl::StatusCode::kUnauthenticated))
      << "an unknown key spends nothing";
}

TEST_F(AuthenticatorTest, FailedLookupsAreNotCached) {
  EXPECT_THAT(Resolve("Bearer sk-unknown"), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(Resolve("Bearer sk-unknown"), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_EQ(lookups_, 2);
  // A directory outage passes through as is, and the key works once it is back.
  keys_["sk-admin"] = absl::UnavailableError("dịch vụ danh bạ tạm thời không phản hồi");
  EXPECT_THAT(Resolve("Bearer sk-admin"), StatusIs(absl::StatusCode::kUnavailable));
  keys_["sk-admin"] = SchoolAdmin();
  EXPECT_OK(Resolve("Bearer sk-admin").status());
  EXPECT_OK(Resolve("Bearer sk-admin").status());
  EXPECT_EQ(lookups_, 4);
}

TEST_F(AuthenticatorTest, PrincipalIsMappedFromTheDirectoryAnswer) {
  ASSERT_OK_AND_ASSIGN(auto officer, Resolve("Bearer sk-officer"));
  EXPECT_EQ(officer->account, "accounts/nguyen-van-duc");
  EXPECT_EQ(officer->display_name, "Nguyễn Văn Đức");
  EXPECT_EQ(officer->role, Role::kAuthorityOfficer);
  EXPECT_EQ(officer->authority_id, "q1");
  EXPECT_EQ(officer->school_id, "");
  EXPECT_THAT(officer->authority_ids, UnorderedElementsAre("q1", "q1-p2"));
  EXPECT_THAT(officer->school_ids, UnorderedElementsAre("mn-2010", "th-khai-minh"));
  ASSERT_OK_AND_ASSIGN(auto admin, Resolve("Bearer sk-admin"));
  EXPECT_EQ(admin->account, "accounts/tran-thi-mai");
  EXPECT_EQ(admin->role, Role::kSchoolAdmin);
  EXPECT_EQ(admin->school_id, "mn-2010");
  EXPECT_EQ(admin->authority_id, "");
  EXPECT_TRUE(admin->authority_ids.empty());
  EXPECT_TRUE(admin->school_ids.empty());
}

TEST_F(AuthenticatorTest, DifferentSecretsAreCachedSeparately) {
  ASSERT_OK_AND_ASSIGN(auto officer, Resolve("Bearer sk-officer"));
  ASSERT_OK_AND_ASSIGN(auto admin, Resolve("Bearer sk-admin"));
  EXPECT_EQ(lookups_, 2);
  ASSERT_OK_AND_ASSIGN(auto officer_again, Resolve("Bearer sk-officer"));
  ASSERT_OK_AND_ASSIGN(auto admin_again, Resolve("Bearer sk-admin"));
  EXPECT_EQ(lookups_, 2);
  EXPECT_EQ(officer_again->role, Role::kAuthorityOfficer);
  EXPECT_EQ(admin_again->role, Role::kSchoolAdmin);
  // A secret that merely starts like a cached one is a different key.
  EXPECT_THAT(Resolve("Bearer sk-officer2"), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_EQ(lookups_, 3);
}

TEST_F(AuthenticatorTest, CacheKeepsWorkingAfterItsBoundClearsIt) {
  otherwise_ = SchoolAdmin();  // every secret is some school admin's
  const int keys = static_cast<int>(Authenticator::kMaxCachedKeys);
  for (int i = 0; i < keys; ++i) ASSERT_OK(Resolve(absl::StrCat("Bearer sk-", i)).status());
  EXPECT_EQ(lookups_, keys);
  ASSERT_OK(Resolve("Bearer sk-0").status());  // the cache is full, not yet cleared
  EXPECT_EQ(lookups_, keys);
  ASSERT_OK(Resolve("Bearer sk-one-more").status());  // clears, then caches this one
  EXPECT_EQ(lookups_, keys + 1);
  ASSERT_OK(Resolve("Bearer sk-one-more").status());
  EXPECT_EQ(lookups_, keys + 1);
  ASSERT_OK(Resolve("Bearer sk-0").status());  // forgotten: looked up and cached again
  ASSERT_OK(Resolve("Bearer sk-0").status());
  EXPECT_EQ(lookups_, keys + 2);
}

}  // namespace
}  // namespace parhub::gateway
