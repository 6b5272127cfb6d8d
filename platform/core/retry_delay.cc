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
  status.SetPayload(kRetryPayload, absl::Cord(absl::StrCat(absl::ToInt64Milliseconds(delay))));
  return status;
}

absl::Duration RetryDelay(const absl::Status& status) {
  auto payload = status.GetPayload(kRetryPayload);
  int64_t ms = 0;
  if (!payload || !absl::SimpleAtoi(std::string(*payload), &ms) || ms < 0) return absl::ZeroDuration();
  return absl::Milliseconds(ms);
}

}  // namespace parhub::platform
