// The public API's abuse limits: fixed windows that reset, keys that do not
// share counts, bounded memory, and the client address and network taken
// from gRPC peer strings.
#include "gateway/abuse_limiter.h"

#include <gtest/gtest.h>

#include <atomic>

namespace parhub::gateway {
namespace {

TEST(AbuseLimiter, CountsUpToTheLimitInAWindowAndStartsAgainInTheNext) {
  std::atomic<int64_t> now{
      absl::ToUnixSeconds(absl::FromCivil(absl::CivilMinute(2026, 12, 2, 9, 0), absl::UTCTimeZone()))};
  AbuseLimiter limiter([&] { return absl::FromUnixSeconds(now.load()); });
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.Allow("a", absl::Hours(1), 5)) << i;
  EXPECT_FALSE(limiter.Allow("a", absl::Hours(1), 5));
  EXPECT_EQ(limiter.Count("a", absl::Hours(1)), 5);
  limiter.Refund("a", absl::Hours(1));  // a reserved attempt that did not count
  EXPECT_TRUE(limiter.Allow("a", absl::Hours(1), 5));
  EXPECT_FALSE(limiter.Allow("a", absl::Hours(1), 5));
  EXPECT_TRUE(limiter.Allow("b", absl::Hours(1), 5)) << "keys do not share counts";
  EXPECT_TRUE(limiter.Allow("a", absl::Minutes(1), 5)) << "windows do not share counts";
  EXPECT_EQ(limiter.Remaining(absl::Hours(1)), absl::Hours(1));
  now += 3600;
  EXPECT_TRUE(limiter.Allow("a", absl::Hours(1), 5));
  EXPECT_EQ(limiter.Count("a", absl::Hours(1)), 1);
}

TEST(AbuseLimiter, MemoryStaysBoundedUnderManyAddresses) {
  std::atomic<int64_t> now{0};
  AbuseLimiter limiter([&] { return absl::FromUnixSeconds(now.load()); }, 100);
  for (int i = 0; i < 1000; ++i) limiter.Record("addr" + std::to_string(i), absl::Minutes(1));
  // Still answers, and counts a fresh key from zero.
  EXPECT_EQ(limiter.Count("fresh", absl::Minutes(1)), 0);
}

TEST(ClientAddress, TakesTheAddressAndItsNetworkFromThePeer) {
  ClientAddress v4 = ClientAddressOf("ipv4:203.0.113.9:51234");
  EXPECT_EQ(v4.address, "203.0.113.9");
  EXPECT_EQ(v4.network, "203.0.113.0/24");
  ClientAddress v6 = ClientAddressOf("ipv6:[2001:db8:1:2ff:aaaa::1]:443");
  EXPECT_EQ(v6.address, "2001:db8:1:2ff:aaaa::1");
  EXPECT_EQ(v6.network, "2001:db8:1:200::/56");
  ClientAddress other = ClientAddressOf("unix:/tmp/socket");
  EXPECT_EQ(other.address, "unix:/tmp/socket");
}

}  // namespace
}  // namespace parhub::gateway
