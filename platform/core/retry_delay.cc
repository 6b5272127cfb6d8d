// Retry hints stored as an absl::Status payload (retry_delay.h).
#include "platform/core/retry_delay.h"

#include <string>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace parhub::platform {
namespace {
constexpr char kRetryPayload[] = "parhub.dev/retry_delay_ms";
}  // namespace

absl::Status WithRetryDelay(absl::Status status, absl::Duration delay) {
  if (status.ok()) return status;
  // Rounded up: a positive wait (a token due back in 400 µs) must not become
  // "no hint", which would drop RetryInfo and HTTP's Retry-After.
  status.SetPayload(
      kRetryPayload,
      absl::Cord(absl::StrCat(absl::ToInt64Milliseconds(absl::Ceil(delay, absl::Milliseconds(1))))));
  return status;
}

absl::Duration RetryDelay(const absl::Status& status) {
  auto payload = status.GetPayload(kRetryPayload);
  int64_t ms = 0;
  if (!payload || !absl::SimpleAtoi(std::string(*payload), &ms) || ms < 0) return absl::ZeroDuration();
  return absl::Milliseconds(ms);
}

}  // namespace parhub::platform
