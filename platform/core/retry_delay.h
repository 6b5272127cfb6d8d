// A retry hint carried by an absl::Status: how long the caller should wait
// before trying again (rate limits). grpc_status.h sends it as a
// google.rpc.RetryInfo detail; the gateway's HTTP face as Retry-After.
#ifndef PARHUB_PLATFORM_CORE_RETRY_DELAY_H_
#define PARHUB_PLATFORM_CORE_RETRY_DELAY_H_

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace parhub::platform {

// Attaches `delay` (rounded up to whole milliseconds, so a positive delay
// stays positive) to `status`.
absl::Status WithRetryDelay(absl::Status status, absl::Duration delay);
// The delay attached by WithRetryDelay, or zero.
absl::Duration RetryDelay(const absl::Status& status);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_RETRY_DELAY_H_
