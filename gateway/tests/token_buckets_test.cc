// Token buckets: a burst, then one call per refill interval, the wait until
// the next token, and bounded memory under a flood of new keys.
#include "gateway/token_buckets.h"

#include <gtest/gtest.h>

namespace parhub::gateway {
namespace {

TEST(TokenBuckets, BurstThenRefillAtTheRate) {
  absl::Time now = absl::FromUnixSeconds(1'700'000'000);
  TokenBuckets buckets({1, 3}, [&] { return now; });
  for (int i = 0; i < 3; ++i) EXPECT_EQ(buckets.Take("a"), absl::ZeroDuration()) << i;
  EXPECT_EQ(buckets.Take("a"), absl::Seconds(1));
  now += absl::Milliseconds(400);
  EXPECT_EQ(buckets.Take("a"), absl::Milliseconds(600)) << "a refused call takes nothing";
  now += absl::Milliseconds(600);
  EXPECT_EQ(buckets.Take("a"), absl::ZeroDuration());
  now += absl::Hours(1);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(buckets.Take("a"), absl::ZeroDuration()) << "refilled to the burst only";
  EXPECT_GT(buckets.Take("a"), absl::ZeroDuration());
  EXPECT_EQ(buckets.Take("b"), absl::ZeroDuration()) << "each key its own bucket";
}

TEST(TokenBuckets, UnlimitedAdmitsEverything) {
  TokenBuckets buckets({0, 0});
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(buckets.Take("a"), absl::ZeroDuration());
}

TEST(TokenBuckets, AFloodOfNewKeysDropsFullBucketsAndNeverLocksOutSpentOnes) {
  absl::Time now = absl::FromUnixSeconds(1'700'000'000);
  TokenBuckets buckets(
      {1, 2}, [&] { return now; }, 3);
  EXPECT_EQ(buckets.Take("spent"), absl::ZeroDuration());
  EXPECT_EQ(buckets.Take("spent"), absl::ZeroDuration());
  EXPECT_EQ(buckets.Take("k1"), absl::ZeroDuration());
  EXPECT_EQ(buckets.Take("k2"), absl::ZeroDuration());
  EXPECT_GT(buckets.Take("k3"), absl::ZeroDuration()) << "table full of partly spent buckets";
  EXPECT_GT(buckets.Take("spent"), absl::ZeroDuration()) << "the spent key stays spent";
  now += absl::Seconds(2);  // k1, k2 full again: dropped for new keys
  EXPECT_EQ(buckets.Take("k3"), absl::ZeroDuration());
}

}  // namespace
}  // namespace parhub::gateway
