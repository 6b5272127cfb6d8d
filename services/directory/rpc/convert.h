// Proto ↔ domain conversions for the directory API.
#ifndef PARHUB_SERVICES_DIRECTORY_RPC_CONVERT_H_
#define PARHUB_SERVICES_DIRECTORY_RPC_CONVERT_H_

#include "absl/status/statusor.h"
#include "parhub/directory/v1/directory.pb.h"
#include "services/directory/domain/model.h"

namespace parhub::directory {

namespace pb = ::parhub::directory::v1;

pb::Authority AuthorityToProto(const Authority& a);
pb::School SchoolToProto(const School& s);
pb::Account AccountToProto(const Account& a);
pb::ApiKey ApiKeyToProto(const ApiKey& k);
pb::SchoolMembership MembershipToProto(const Membership& m);

// Reads an authority draft; INVALID_ARGUMENT names the field.
absl::StatusOr<Authority> AuthorityFromProto(const pb::Authority& a);
absl::StatusOr<School> SchoolFromProto(const pb::School& s);
absl::StatusOr<Account> AccountFromProto(const pb::Account& a);

}  // namespace parhub::directory

#endif  // PARHUB_SERVICES_DIRECTORY_RPC_CONVERT_H_
