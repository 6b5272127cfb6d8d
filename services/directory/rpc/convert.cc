// Directory conversions. Resource names in, ids out.
#include "services/directory/rpc/convert.h"

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/identity.h"
#include "platform/rpc/proto_values.h"

namespace parhub::directory {
namespace {

// "" stays ""; otherwise must match `pattern` and yields its one id.
absl::StatusOr<std::string> OptionalId(absl::string_view pattern, const std::string& name,
                                       absl::string_view field) {
  if (name.empty()) return std::string();
  ASSIGN_OR_RETURN(auto ids, platform::ParseName(pattern, name, field));
  return ids[0];
}

}  // namespace

pb::Authority AuthorityToProto(const Authority& a) {
  pb::Authority out;
  out.set_name(absl::StrCat("authorities/", a.id));
  out.set_code(a.code);
  out.set_display_name(a.display_name);
  if (!a.parent_id.empty()) out.set_parent(absl::StrCat("authorities/", a.parent_id));
  out.set_kind(a.kind);
  if (a.valid_from.IsSet()) *out.mutable_valid_from() = platform::DateToProto(a.valid_from);
  if (a.valid_until.IsSet()) *out.mutable_valid_until() = platform::DateToProto(a.valid_until);
  return out;
}

pb::School SchoolToProto(const School& s) {
  pb::School out;
  out.set_name(absl::StrCat("schools/", s.id));
  out.set_code(s.code);
  out.set_display_name(s.display_name);
  out.set_level(static_cast<pb::SchoolLevel>(s.level));
  out.set_address(s.address);
  if (!s.authority_id.empty()) out.set_authority(absl::StrCat("authorities/", s.authority_id));
  *out.mutable_create_time() = platform::TimeToProto(s.create_time);
  return out;
}

pb::Account AccountToProto(const Account& a) {
  pb::Account out;
  out.set_name(absl::StrCat("accounts/", a.id));
  out.set_display_name(a.display_name);
  out.set_email(a.email);
  out.set_role(platform::RoleToProto(a.role));
  if (!a.school_id.empty()) out.set_school(absl::StrCat("schools/", a.school_id));
  if (!a.authority_id.empty()) out.set_authority(absl::StrCat("authorities/", a.authority_id));
  *out.mutable_create_time() = platform::TimeToProto(a.create_time);
  return out;
}

pb::ApiKey ApiKeyToProto(const ApiKey& k) {
  pb::ApiKey out;
  out.set_name(absl::StrCat("accounts/", k.account_id, "/apiKeys/", k.key_id));
  out.set_display_name(k.display_name);
  out.set_prefix(k.prefix);
  *out.mutable_create_time() = platform::TimeToProto(k.create_time);
  if (k.last_used_time) *out.mutable_last_used_time() = platform::TimeToProto(*k.last_used_time);
  if (k.revoke_time) *out.mutable_revoke_time() = platform::TimeToProto(*k.revoke_time);
  return out;
}

pb::SchoolMembership MembershipToProto(const Membership& m) {
  pb::SchoolMembership out;
  out.set_authority(absl::StrCat("authorities/", m.authority_id));
  *out.mutable_effective_from() = platform::DateToProto(m.effective_from);
  if (m.effective_until.IsSet()) *out.mutable_effective_until() = platform::DateToProto(m.effective_until);
  out.set_reason(m.reason);
  return out;
}

absl::StatusOr<Authority> AuthorityFromProto(const pb::Authority& a) {
  Authority out;
  out.code = a.code();
  out.display_name = a.display_name();
  out.kind = a.kind();
  ASSIGN_OR_RETURN(out.parent_id, OptionalId("authorities/{authority}", a.parent(), "authority.parent"));
  ASSIGN_OR_RETURN(out.valid_from, platform::DateFromProto(a.valid_from(), "authority.valid_from"));
  ASSIGN_OR_RETURN(out.valid_until, platform::DateFromProto(a.valid_until(), "authority.valid_until"));
  return out;
}

absl::StatusOr<School> SchoolFromProto(const pb::School& s) {
  School out;
  ASSIGN_OR_RETURN(out.id, OptionalId("schools/{school}", s.name(), "school.name"));
  out.code = s.code();
  out.display_name = s.display_name();
  if (s.level() < 0 || s.level() > 4) return platform::InvalidField("school.level", "không hợp lệ (invalid)");
  out.level = static_cast<SchoolLevel>(s.level());
  out.address = s.address();
  ASSIGN_OR_RETURN(out.authority_id,
                   OptionalId("authorities/{authority}", s.authority(), "school.authority"));
  return out;
}

absl::StatusOr<Account> AccountFromProto(const pb::Account& a) {
  Account out;
  out.display_name = a.display_name();
  out.email = a.email();
  out.role = platform::RoleFromProto(a.role());
  ASSIGN_OR_RETURN(out.school_id, OptionalId("schools/{school}", a.school(), "account.school"));
  ASSIGN_OR_RETURN(out.authority_id,
                   OptionalId("authorities/{authority}", a.authority(), "account.authority"));
  return out;
}

}  // namespace parhub::directory
