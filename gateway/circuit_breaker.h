// Fail-fast state of one backend, as the gateway sees it. After
// `failures_to_open` calls in a row end UNAVAILABLE or DEADLINE_EXCEEDED
// (the process is down, unreachable, or hangs) the breaker opens: for
// `open_for` every call to that backend is refused at once with UNAVAILABLE
// and a retry hint, instead of each one waiting out its retries and
// deadline (3,500 schools' roll-up legs would otherwise take minutes). Then
// one probe call is let through: its success closes the breaker, its
// failure opens it again. Any other answer (including the backend's own
// errors such as NOT_FOUND) counts as the backend being alive.
//
// Thread-safe; one per backend (backends.h), shared by forwarded calls and
// the gateway's own roll-ups.
#ifndef PARHUB_GATEWAY_CIRCUIT_BREAKER_H_
#define PARHUB_GATEWAY_CIRCUIT_BREAKER_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <string>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace parhub::gateway {

struct BreakerOptions final {
  int failures_to_open = 5;
  absl::Duration open_for = absl::Seconds(3);
};

class CircuitBreaker final {
 public:
  using Clock = std::function<absl::Time()>;
  explicit CircuitBreaker(
      BreakerOptions options, Clock clock = [] { return absl::Now(); })
      : options_(options), clock_(std::move(clock)) {}

  // OK when a call may go now; else UNAVAILABLE naming `label` (the
  // backend, for people) and when to retry (also as a RetryInfo detail).
  // An admitted call (or batch of calls, which a roll-up admits as one
  // whole) is followed by a Record of each call's outcome.
  grpc::Status Admit(const std::string& label);
  // The outcome of an admitted call.
  void Record(grpc::StatusCode code);

  // For metrics and tests: refusing calls now.
  bool IsOpen() const;

  // Whether `code` says the backend is down or hanging.
  static bool IsFailure(grpc::StatusCode code);

 private:
  enum class State { kClosed, kOpen, kProbing };
  const BreakerOptions options_;
  const Clock clock_;
  mutable absl::Mutex mu_;
  State state_ ABSL_GUARDED_BY(mu_) = State::kClosed;
  int consecutive_failures_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Time open_until_ ABSL_GUARDED_BY(mu_);
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_CIRCUIT_BREAKER_H_
