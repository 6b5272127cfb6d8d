// Shared by the benchmarks that call a service directly, bypassing the
// gateway (parhub-reporting-bench, parhub-overview-bench): a mutual-TLS
// channel with the gateway's certificate (--tls_* flags), and identities
// signed with the identity key as the gateway would sign them.
#ifndef PARHUB_BENCH_SERVICE_CLIENT_H_
#define PARHUB_BENCH_SERVICE_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "platform/rpc/identity.h"

namespace parhub::bench {

// A channel to the service at `target` whose certificate names `peer`.
// Retries off: every failure is counted. UNAVAILABLE (saying how to start
// the suite) when it does not connect within 10 s.
absl::StatusOr<std::shared_ptr<grpc::Channel>> ServiceChannel(const std::string& target,
                                                              const std::string& peer);

// Signs identities as the gateway would.
class Signer final {
 public:
  Signer(platform::IdentityKey key, absl::Duration deadline) : key_(std::move(key)), deadline_(deadline) {}

  // A fresh context for one call of `method` ("/pkg.Service/Method") by
  // `caller`, with a new "bench-…" trace id and the deadline.
  std::unique_ptr<grpc::ClientContext> Context(platform::Caller caller, const std::string& method) const;

  static platform::Caller SchoolAdmin(const std::string& school);

 private:
  platform::IdentityKey key_;
  absl::Duration deadline_;
};

}  // namespace parhub::bench

#endif  // PARHUB_BENCH_SERVICE_CLIENT_H_
