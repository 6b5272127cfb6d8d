// Signed short-lived identities: the gateway signs who is calling, which
// school or authority the call may touch, and the one service (audience) and
// method the identity is for. Every service verifies signature, audience,
// method and lifetime before doing anything: a call without a valid identity
// is UNAUTHENTICATED, and an identity captured from one call is useless for
// any other method or service, and for more than a few seconds.
#ifndef PARHUB_PLATFORM_RPC_IDENTITY_H_
#define PARHUB_PLATFORM_RPC_IDENTITY_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "parhub/common/v1/types.pb.h"
#include "platform/core/caller.h"
#include "platform/core/crypto.h"

namespace parhub::platform {

// Metadata keys.
inline constexpr char kIdentityHeader[] = "x-parhub-identity";
inline constexpr char kTraceIdHeader[] = "x-trace-id";

// How long the gateway's identities live, and the most a service accepts
// (expire_time − issue_time); a little clock skew between hosts is allowed.
inline constexpr absl::Duration kIdentityLifetime = absl::Seconds(15);
inline constexpr absl::Duration kMaxIdentityLifetime = absl::Seconds(30);
inline constexpr absl::Duration kIdentityClockSkew = absl::Seconds(5);

class IdentityKey final {
 public:
  // The shared secret must be at least 32 bytes.
  static absl::StatusOr<IdentityKey> Create(std::string secret);

  // base64url(identity) "." base64url(HMAC-SHA256).
  std::string Sign(const parhub::common::v1::Identity& identity) const;
  // A key for another purpose, derived from this one: HMAC-SHA256(secret,
  // `label`). Every service holding the identity key derives the same one
  // (e.g. the service feedback codes' key, platform/core/feedback_code.h).
  std::string DeriveKey(absl::string_view label) const { return signer_->Mac(label); }
  // The identity, when `token` is signed with this key, is meant for
  // `method` ("/pkg.Service/Method") and its service, and is within its
  // lifetime at `now`; else UNAUTHENTICATED saying why.
  absl::StatusOr<parhub::common::v1::Identity> Verify(absl::string_view token, absl::string_view method,
                                                      absl::Time now) const;

 private:
  explicit IdentityKey(std::string secret);
  std::shared_ptr<const HmacSha256Signer> signer_;
};

// An identity of `caller` for one call of `method` ("/pkg.Service/Method"),
// valid for `ttl` from `now`.
parhub::common::v1::Identity NewIdentity(const Caller& caller, absl::string_view method, absl::Time now,
                                         absl::Duration ttl = kIdentityLifetime);
// "parhub.tasks.v1.TaskService" of "/parhub.tasks.v1.TaskService/GetTask"
// ("" when `method` is not of that form).
std::string ServiceOfMethod(absl::string_view method);
// The domain view of a verified identity.
Caller CallerFromIdentity(const parhub::common::v1::Identity& identity);

Role RoleFromProto(parhub::common::v1::Role role);
parhub::common::v1::Role RoleToProto(Role role);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_IDENTITY_H_
