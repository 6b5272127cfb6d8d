// Signed short-lived identities: the gateway signs who is calling and which
// school the call may touch; every service verifies the signature and expiry
// before doing anything (a call without a valid identity is UNAUTHENTICATED).
#ifndef PARHUB_PLATFORM_IDENTITY_H_
#define PARHUB_PLATFORM_IDENTITY_H_

#include <memory>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "parhub/common/v1/types.pb.h"
#include "platform/caller.h"
#include "platform/crypto.h"

namespace parhub::platform {

// Metadata keys.
inline constexpr char kIdentityHeader[] = "x-parhub-identity";
inline constexpr char kRequestIdHeader[] = "x-request-id";

class IdentityKey final {
 public:
  // The shared secret must be at least 32 bytes.
  static absl::StatusOr<IdentityKey> Create(std::string secret);

  // base64url(identity) "." base64url(HMAC-SHA256).
  std::string Sign(const parhub::common::v1::Identity& identity) const;
  // UNAUTHENTICATED when malformed, forged or expired at `now`.
  absl::StatusOr<parhub::common::v1::Identity> Verify(absl::string_view token, absl::Time now) const;

 private:
  explicit IdentityKey(std::string secret);
  std::shared_ptr<const HmacSha256Signer> signer_;
};

// An identity valid for `ttl` from now.
parhub::common::v1::Identity NewIdentity(const Caller& caller, absl::Duration ttl);
// The domain view of a verified identity.
Caller CallerFromIdentity(const parhub::common::v1::Identity& identity);

Role RoleFromProto(parhub::common::v1::Role role);
parhub::common::v1::Role RoleToProto(Role role);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_IDENTITY_H_
