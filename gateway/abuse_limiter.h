// AbuseLimiter: counters in fixed time windows for the public (citizen)
// API, which has no accounts to hold responsible: calls per client address
// and network, filings per address and per contact, failed tracking-code
// lookups per address. In memory, per gateway replica (a client spread over
// replicas gets at most the limit per replica). Thread-safe; old windows
// are dropped so memory stays bounded.
#ifndef PARHUB_GATEWAY_ABUSE_LIMITER_H_
#define PARHUB_GATEWAY_ABUSE_LIMITER_H_

#include <grpcpp/server_context.h>

#include <functional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace parhub::gateway {

class AbuseLimiter final {
 public:
  explicit AbuseLimiter(
      std::function<absl::Time()> clock = [] { return absl::Now(); }, size_t max_keys = 200000)
      : clock_(std::move(clock)), max_keys_(max_keys) {}

  // Counts one event for `key` in the current `window` unless `limit`
  // events were already counted there; returns whether it was counted.
  bool Allow(const std::string& key, absl::Duration window, int limit);
  // Events counted for `key` in the current `window`.
  int Count(const std::string& key, absl::Duration window);
  // Counts one event for `key` in the current `window`.
  void Record(const std::string& key, absl::Duration window);
  // Takes back one event counted in the current `window` (an attempt
  // reserved with Allow that turned out not to count).
  void Refund(const std::string& key, absl::Duration window);
  // Time left in the current `window` (for the "retry after" in messages).
  absl::Duration Remaining(absl::Duration window);

 private:
  struct Slot final {
    int64_t window_index = 0;
    int count = 0;
  };
  // The slot of `key` in the current window (reset when the window moved).
  Slot& SlotFor(const std::string& key, absl::Duration window) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void DropExpired() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  std::function<absl::Time()> clock_;
  size_t max_keys_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Slot> slots_ ABSL_GUARDED_BY(mu_);
};

// The client's address from a gRPC peer string ("ipv4:203.0.113.9:51234",
// "ipv6:[2001:db8::1]:443") and the network it belongs to (/24 for IPv4,
// /56 for IPv6), for per-network limits.
struct ClientAddress final {
  std::string address;
  std::string network;
};
ClientAddress ClientAddressOf(const std::string& peer);

// The peer gRPC 1.51 reports for calls over a server's in-process channel
// (the HTTP/JSON server's calls): no transport address at all.
inline constexpr char kInProcessPeer[] = "unknown";
// Metadata the HTTP/JSON server sets on its in-process calls: the HTTP
// client's address as a gRPC peer string ("ipv4:203.0.113.9:51234"), and a
// random token made once per process that proves the call came from inside.
inline constexpr char kHttpClientPeerHeader[] = "x-parhub-http-client-peer";
inline constexpr char kInProcessTokenHeader[] = "x-parhub-in-process-token";
// This process's token (random, never sent over the network).
const std::string& InProcessToken();

// The peer whose address the abuse limits count: the call's own peer, or,
// only for an in-process call carrying this process's token,
// kHttpClientPeerHeader. From the network the headers are ignored, so no
// client can pick the address it is counted under.
std::string ClientPeerOf(const grpc::ServerContextBase& context);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_ABUSE_LIMITER_H_
