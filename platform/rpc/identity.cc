// HMAC-signed identities bound to one service, one method and seconds.
#include "platform/rpc/identity.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/rpc/proto_values.h"

namespace parhub::platform {
absl::StatusOr<IdentityKey> IdentityKey::Create(std::string secret) {
  if (secret.size() < 32) {
    return absl::FailedPreconditionError("identity key must be at least 32 bytes");
  }
  return IdentityKey(std::move(secret));
}

IdentityKey::IdentityKey(std::string secret) : signer_(std::make_shared<HmacSha256Signer>(secret)) {}

std::string IdentityKey::Sign(const parhub::common::v1::Identity& identity) const {
  std::string payload = identity.SerializeAsString();
  return absl::StrCat(absl::WebSafeBase64Escape(payload), ".",
                      absl::WebSafeBase64Escape(signer_->Mac(payload)));
}

absl::StatusOr<parhub::common::v1::Identity> IdentityKey::Verify(absl::string_view token,
                                                                 absl::string_view method,
                                                                 absl::Time now) const {
  auto unauthenticated = [](absl::string_view why) {
    return absl::UnauthenticatedError(
        absl::StrCat("Danh tính không hợp lệ (invalid caller identity): ", why));
  };
  if (token.empty()) return unauthenticated("missing; call through the gateway");
  size_t dot = token.find('.');
  std::string payload, mac;
  if (dot == absl::string_view::npos || !absl::WebSafeBase64Unescape(token.substr(0, dot), &payload) ||
      !absl::WebSafeBase64Unescape(token.substr(dot + 1), &mac)) {
    return unauthenticated("malformed");
  }
  if (!ConstantTimeEquals(mac, signer_->Mac(payload))) return unauthenticated("bad signature");
  parhub::common::v1::Identity identity;
  if (!identity.ParseFromString(payload)) return unauthenticated("malformed");
  if (identity.audience() != ServiceOfMethod(method)) return unauthenticated("meant for another service");
  if (identity.method() != method) return unauthenticated("meant for another method");
  if (!identity.has_issue_time() || !identity.has_expire_time()) return unauthenticated("no lifetime");
  absl::Time issued = TimeFromProto(identity.issue_time());
  absl::Time expiry = TimeFromProto(identity.expire_time());
  if (expiry - issued > kMaxIdentityLifetime || expiry <= issued) {
    return unauthenticated("lifetime longer than allowed");
  }
  if (issued > now + kIdentityClockSkew) return unauthenticated("issued in the future");
  if (now >= expiry) return unauthenticated("expired");
  if (identity.role() == parhub::common::v1::ROLE_UNSPECIFIED) return unauthenticated("no role");
  return identity;
}

parhub::common::v1::Identity NewIdentity(const Caller& caller, absl::string_view method, absl::Time now,
                                         absl::Duration ttl) {
  parhub::common::v1::Identity identity;
  identity.set_subject(caller.subject);
  identity.set_role(RoleToProto(caller.role));
  identity.set_school_id(caller.school_id);
  identity.set_authority_id(caller.authority_id);
  identity.set_trace_id(caller.trace_id);
  identity.set_audience(ServiceOfMethod(method));
  identity.set_method(std::string(method));
  *identity.mutable_issue_time() = TimeToProto(now);
  *identity.mutable_expire_time() = TimeToProto(now + ttl);
  return identity;
}

std::string ServiceOfMethod(absl::string_view method) {
  if (method.size() < 4 || method[0] != '/') return "";
  size_t slash = method.find('/', 1);
  if (slash == absl::string_view::npos || slash == 1 || slash + 1 == method.size()) return "";
  if (method.find('/', slash + 1) != absl::string_view::npos) return "";
  return std::string(method.substr(1, slash - 1));
}

Caller CallerFromIdentity(const parhub::common::v1::Identity& identity) {
  return Caller{identity.subject(), RoleFromProto(identity.role()), identity.school_id(),
                identity.authority_id(), identity.trace_id()};
}

Role RoleFromProto(parhub::common::v1::Role role) {
  switch (role) {
    case parhub::common::v1::ROLE_AUTHORITY_OFFICER:
      return Role::kAuthorityOfficer;
    case parhub::common::v1::ROLE_SCHOOL_ADMIN:
      return Role::kSchoolAdmin;
    case parhub::common::v1::ROLE_SCHOOL_STAFF:
      return Role::kSchoolStaff;
    case parhub::common::v1::ROLE_SERVICE:
      return Role::kService;
    default:
      return Role::kUnspecified;
  }
}

parhub::common::v1::Role RoleToProto(Role role) {
  switch (role) {
    case Role::kAuthorityOfficer:
      return parhub::common::v1::ROLE_AUTHORITY_OFFICER;
    case Role::kSchoolAdmin:
      return parhub::common::v1::ROLE_SCHOOL_ADMIN;
    case Role::kSchoolStaff:
      return parhub::common::v1::ROLE_SCHOOL_STAFF;
    case Role::kService:
      return parhub::common::v1::ROLE_SERVICE;
    default:
      return parhub::common::v1::ROLE_UNSPECIFIED;
  }
}

}  // namespace parhub::platform
