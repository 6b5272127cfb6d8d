// Closed → open after consecutive failures → one probe → closed or open.
#include "gateway/circuit_breaker.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "platform/core/retry_delay.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::gateway {

bool CircuitBreaker::IsFailure(grpc::StatusCode code) {
  return code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED;
}

grpc::Status CircuitBreaker::Admit(const std::string& label) {
  absl::MutexLock lock(&mu_);
  absl::Time now = clock_();
  switch (state_) {
    case State::kClosed:
      return grpc::Status::OK;
    case State::kOpen:
      if (now >= open_until_) {
        state_ = State::kProbing;               // this call is the probe
        open_until_ = now + options_.open_for;  // a probe that never records expires
        return grpc::Status::OK;
      }
      break;
    case State::kProbing:
      if (now >= open_until_) {  // the probe's answer never came: probe again
        open_until_ = now + options_.open_for;
        return grpc::Status::OK;
      }
      break;
  }
  int64_t seconds = std::max<int64_t>(1, std::llround(std::ceil(absl::ToDoubleSeconds(open_until_ - now))));
  // With a RetryInfo detail: clients get the hint (HTTP: Retry-After), and
  // ForClient passes the status through as the gateway's own words.
  return platform::ToGrpcStatus(platform::WithRetryDelay(
      absl::UnavailableError(absl::StrCat(label, " đang không trả lời; hãy thử lại sau ", seconds,
                                          " giây (not answering; failing fast, retry in ", seconds, " s)")),
      absl::Seconds(seconds)));
}

void CircuitBreaker::Record(grpc::StatusCode code) {
  absl::MutexLock lock(&mu_);
  if (!IsFailure(code)) {
    state_ = State::kClosed;
    consecutive_failures_ = 0;
    return;
  }
  ++consecutive_failures_;
  if (state_ == State::kProbing || consecutive_failures_ >= options_.failures_to_open) {
    state_ = State::kOpen;
    open_until_ = clock_() + options_.open_for;
  }
}

bool CircuitBreaker::IsOpen() const {
  absl::MutexLock lock(&mu_);
  return state_ != State::kClosed && clock_() < open_until_;
}

}  // namespace parhub::gateway
