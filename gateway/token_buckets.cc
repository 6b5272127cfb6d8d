// Token buckets per key (see token_buckets.h).
#include "gateway/token_buckets.h"

#include <algorithm>
#include <cmath>

namespace parhub::gateway {

void TokenBuckets::Refill(Bucket& bucket, absl::Time now) const {
  const double seconds = std::max(0.0, absl::ToDoubleSeconds(now - bucket.refilled));
  bucket.tokens = std::min(std::max(1.0, rate_.burst), bucket.tokens + seconds * rate_.per_second);
  bucket.refilled = now;
}

void TokenBuckets::DropFull(absl::Time now) {
  const double burst = std::max(1.0, rate_.burst);
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    Refill(it->second, now);
    if (it->second.tokens >= burst) {
      buckets_.erase(it++);
    } else {
      ++it;
    }
  }
}

absl::Duration TokenBuckets::Take(const std::string& key) {
  if (unlimited()) return absl::ZeroDuration();
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    // Still too many after dropping the full ones: a flood of new keys
    // must not grow memory without bound, nor lock out known keys.
    if (buckets_.size() >= max_keys_) DropFull(now);
    if (buckets_.size() >= max_keys_) return absl::Seconds(1);
    it = buckets_.emplace(key, Bucket{std::max(1.0, rate_.burst), now}).first;
  }
  Bucket& bucket = it->second;
  Refill(bucket, now);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return absl::ZeroDuration();
  }
  return absl::Seconds((1 - bucket.tokens) / rate_.per_second);
}

}  // namespace parhub::gateway
