// A TCP proxy on 127.0.0.1 for fault tests, placed between a service and
// MariaDB or between the gateway and a service. It forwards to one upstream
// port and, switched at run time, injects one fault:
//   kDelay     every chunk waits `delay` before it is forwarded;
//   kSlowReads every chunk is read and forwarded a few bytes at a time;
//   kHalfOpen  every open connection stops forwarding without being closed
//              (a peer gone without a FIN); new connections are accepted and
//              then never answered. A stalled connection stays stalled after
//              the fault is cleared, as a really dead one would: only new
//              connections work again;
//   kDrop      every open connection is reset and new ones are refused.
// Its sockets are close-on-exec: a process the suite starts must not hold a
// copy of a connection the proxy closes (MariaDB would keep that session,
// and its locks, open).
#ifndef PARHUB_TESTS_E2E_FAULT_PROXY_H_
#define PARHUB_TESTS_E2E_FAULT_PROXY_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/time.h"

namespace parhub::e2e {

enum class Fault { kNone, kDelay, kSlowReads, kHalfOpen, kDrop };

std::string FaultName(Fault fault);

class FaultProxy final {
 public:
  // Listens on a free loopback port; throws if it cannot.
  explicit FaultProxy(int upstream_port, absl::Duration delay = absl::Milliseconds(300));
  ~FaultProxy();
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  int port() const { return port_; }
  void Set(Fault fault) { fault_.store(fault); }
  Fault fault() const { return fault_.load(); }
  // Connections accepted so far.
  int accepted() const { return accepted_.load(); }

 private:
  struct Link;
  void AcceptLoop();
  void Serve(std::shared_ptr<Link> link);
  // Forwards what `from` has to `to` under the current fault; false when
  // the connection ended.
  bool Forward(int from, int to, Fault fault);

  const int upstream_port_;
  const absl::Duration delay_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<Fault> fault_{Fault::kNone};
  std::atomic<bool> stopping_{false};
  std::atomic<int> accepted_{0};
  std::mutex mu_;
  std::vector<std::thread> threads_;  // the acceptor and one per connection
};

}  // namespace parhub::e2e

#endif  // PARHUB_TESTS_E2E_FAULT_PROXY_H_
