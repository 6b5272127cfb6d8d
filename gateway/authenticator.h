// Resolves API keys to principals through the directory, with a short cache
// so a revoked key stops working within the cache's lifetime (seconds). Only
// successful lookups are cached; the cache is bounded. Every call with a
// valid key takes a token from that key's bucket (`key_rate`, flags
// --key_rate_per_s and --key_burst): beyond it RESOURCE_EXHAUSTED with a
// retry hint, whatever the method (forwarded, GatewayService,
// AuthorityService, and their HTTP/JSON face).
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
#include "gateway/backends.h"
#include "gateway/token_buckets.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "platform/core/caller.h"
#include "platform/rpc/identity.h"

namespace parhub::gateway {

struct Principal final {
  std::string account;  // "accounts/…"
  std::string display_name;
  platform::Role role = platform::Role::kUnspecified;
  std::string school_id;                           // school roles
  std::string authority_id;                        // officers
  absl::flat_hash_set<std::string> authority_ids;  // officer's subtree
  absl::flat_hash_set<std::string> school_ids;     // schools in scope
};

using PrincipalCallback = std::function<void(absl::StatusOr<std::shared_ptr<const Principal>>)>;

// Asks who owns `secret`; calls `done` exactly once, on any thread.
using KeyLookup = std::function<void(
    const std::string& secret, const std::string& trace_id, const grpc::ServerContextBase* incoming,
    std::function<void(absl::StatusOr<directory::v1::AuthenticateApiKeyResponse>)> done)>;

// The directory's AuthenticateApiKey, called asynchronously as the gateway's
// service identity, with at most 3 s and never outliving `incoming`.
KeyLookup DirectoryKeyLookup(const Backend& directory, const platform::IdentityKey& key);

class Authenticator final {
 public:
  static constexpr size_t kMaxCachedKeys = 100000;

  // While the directory does not answer (UNAVAILABLE or DEADLINE_EXCEEDED),
  // a key whose cache entry expired less than `stale_grace` ago keeps its
  // principal, so a directory restart does not stop every caller; a key
  // the directory refuses is refused at once. Zero turns this off.
  Authenticator(
      KeyLookup lookup, absl::Duration cache_ttl,
      std::function<absl::Time()> clock = [] { return absl::Now(); }, BucketRate key_rate = {},
      absl::Duration stale_grace = absl::ZeroDuration());

  // Calls `done` with the principal for the bearer `authorization` header
  // value, on this thread when cached, else on the lookup's thread.
  void Resolve(const std::string& authorization, const std::string& trace_id,
               const grpc::ServerContextBase* incoming, PrincipalCallback done);

 private:
  struct Entry {
    std::shared_ptr<const Principal> principal;
    absl::Time expiry;
  };
  // OK, or RESOURCE_EXHAUSTED when the key's bucket is empty.
  absl::Status TakeCall(const std::string& key_hash);

  KeyLookup lookup_;
  absl::Duration ttl_, stale_grace_;
  std::function<absl::Time()> clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> cache_ ABSL_GUARDED_BY(mu_);  // by secret hash
  TokenBuckets key_calls_;                                              // by secret hash
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_AUTHENTICATOR_H_
