// Resolves API keys to principals through the directory, with a short cache
// so a revoked key stops working within the cache's lifetime (seconds).
#ifndef PARHUB_GATEWAY_AUTHENTICATOR_H_
#define PARHUB_GATEWAY_AUTHENTICATOR_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "platform/caller.h"
#include "platform/identity.h"

namespace parhub::gateway {

struct Principal final {
  std::string account;  // "accounts/…"
  std::string display_name;
  platform::Role role = platform::Role::kUnspecified;
  std::string school_id;     // school roles
  std::string authority_id;  // officers
  absl::flat_hash_set<std::string> authority_ids;  // officer's subtree
  absl::flat_hash_set<std::string> school_ids;     // schools in scope
};

using PrincipalCallback = std::function<void(absl::StatusOr<std::shared_ptr<const Principal>>)>;

class Authenticator final {
 public:
  Authenticator(std::shared_ptr<directory::v1::DirectoryService::Stub> directory,
                const platform::IdentityKey& key, absl::Duration cache_ttl);

  // Calls `done` with the principal for the bearer `authorization` header
  // value, on this thread when cached, else on a gRPC callback thread. The
  // directory lookup gets at most 3 s and never outlives `incoming`.
  void Resolve(const std::string& authorization, const std::string& request_id,
               const grpc::ServerContextBase* incoming, PrincipalCallback done);

 private:
  struct Entry {
    std::shared_ptr<const Principal> principal;
    absl::Time expiry;
  };
  std::shared_ptr<directory::v1::DirectoryService::Stub> directory_;
  const platform::IdentityKey& key_;
  absl::Duration ttl_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> cache_ ABSL_GUARDED_BY(mu_);  // by secret hash
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_AUTHENTICATOR_H_
