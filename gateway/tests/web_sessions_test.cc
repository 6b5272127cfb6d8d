// Browser sessions: random ids and CSRF tokens, idle and absolute expiry,
// logout, and a full table that drops the longest-idle session.
#include "gateway/web_sessions.h"

#include <gtest/gtest.h>

namespace parhub::gateway {
namespace {

TEST(WebSessions, ASessionCarriesItsKeyAndCsrfTokenUntilLogout) {
  WebSessions sessions;
  WebSessions::Created a = sessions.Create("phk_a");
  WebSessions::Created b = sessions.Create("phk_b");
  EXPECT_EQ(a.id.size(), 64u);
  EXPECT_EQ(a.csrf_token.size(), 64u);
  EXPECT_NE(a.id, b.id);
  EXPECT_NE(a.id, a.csrf_token);
  std::optional<WebSession> found = sessions.Use(a.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->api_key, "phk_a");
  EXPECT_EQ(found->csrf_token, a.csrf_token);
  EXPECT_FALSE(sessions.Use("").has_value());
  EXPECT_FALSE(sessions.Use(a.csrf_token).has_value()) << "the CSRF token is not a session id";
  EXPECT_TRUE(sessions.End(a.id));
  EXPECT_FALSE(sessions.Use(a.id).has_value());
  EXPECT_FALSE(sessions.End(a.id));
  EXPECT_EQ(sessions.Use(b.id)->api_key, "phk_b");
}

TEST(WebSessions, UseKeepsASessionAliveButNotBeyondItsLifetime) {
  absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  WebSessions sessions({absl::Minutes(30), absl::Hours(2), 100}, [&] { return now; });
  WebSessions::Created s = sessions.Create("phk");
  for (int i = 1; i <= 6; ++i) {  // used every 20 minutes: alive until its 2 hours are up
    now += absl::Minutes(20);
    EXPECT_EQ(sessions.Use(s.id).has_value(), i < 6) << "minute " << 20 * i;
  }
  WebSessions::Created idle = sessions.Create("phk");
  now += absl::Minutes(30);
  EXPECT_FALSE(sessions.Use(idle.id).has_value()) << "30 minutes idle";
  EXPECT_EQ(sessions.size(), 0u) << "expired sessions are forgotten when met";
}

TEST(WebSessions, AFullTableDropsExpiredThenLongestIdleSessions) {
  absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  WebSessions sessions({absl::Minutes(30), absl::Hours(10), 2}, [&] { return now; });
  WebSessions::Created old = sessions.Create("old");
  now += absl::Minutes(1);
  WebSessions::Created recent = sessions.Create("recent");
  now += absl::Minutes(1);
  WebSessions::Created third = sessions.Create("third");
  EXPECT_EQ(sessions.size(), 2u);
  EXPECT_FALSE(sessions.Use(old.id).has_value());
  EXPECT_TRUE(sessions.Use(recent.id).has_value());
  EXPECT_TRUE(sessions.Use(third.id).has_value());
}

}  // namespace
}  // namespace parhub::gateway
