// TokenBuckets: one token bucket per key (an API key, a client address).
// A bucket holds at most `burst` tokens and refills at `per_second`; a call
// takes one token or is refused with the time until the next token (the
// retry hint of RESOURCE_EXHAUSTED). In memory, per gateway replica;
// thread-safe; at most `max_keys` buckets (full, idle buckets are dropped
// first: forgetting one changes nothing, it would be full anyway).
#ifndef PARHUB_GATEWAY_TOKEN_BUCKETS_H_
#define PARHUB_GATEWAY_TOKEN_BUCKETS_H_

#include <functional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace parhub::gateway {

struct BucketRate final {
  double per_second = 0;  // 0: unlimited
  double burst = 0;       // at least 1 when limited
};

class TokenBuckets final {
 public:
  explicit TokenBuckets(
      BucketRate rate, std::function<absl::Time()> clock = [] { return absl::Now(); },
      size_t max_keys = 100000)
      : rate_(rate), clock_(std::move(clock)), max_keys_(max_keys) {}

  // Takes a token from `key`'s bucket: zero when admitted, else how long
  // until a token is there (nothing taken).
  absl::Duration Take(const std::string& key);
  bool unlimited() const { return rate_.per_second <= 0; }

 private:
  struct Bucket final {
    double tokens = 0;
    absl::Time refilled;
  };
  void Refill(Bucket& bucket, absl::Time now) const;
  void DropFull(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const BucketRate rate_;
  std::function<absl::Time()> clock_;
  const size_t max_keys_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_TOKEN_BUCKETS_H_
