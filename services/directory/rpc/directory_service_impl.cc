// Directory RPC handlers: thin, one shape each.
#include "services/directory/rpc/directory_service_impl.h"

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/errors.h"
#include "platform/resource_name.h"
#include "platform/rpc_support.h"
#include "services/directory/rpc/convert.h"

namespace parhub::directory {
namespace {

using platform::ParseName;
using platform::Reply;
using platform::RpcScope;
using platform::ToGrpcStatus;

}  // namespace

grpc::Status DirectoryServiceImpl::GetAuthority(grpc::ServerContext* context, const v1::GetAuthorityRequest* request,
                                                v1::Authority* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("authorities/{authority}", request->name(), "name"));
  return Reply(directory_.GetAuthority(scope.caller(), (*ids)[0]), response, AuthorityToProto);
}

grpc::Status DirectoryServiceImpl::ListAuthorities(grpc::ServerContext* context,
                                                   const v1::ListAuthoritiesRequest* request,
                                                   v1::ListAuthoritiesResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  std::string parent;
  if (!request->parent().empty()) {
    RPC_CHECK_OK(ids, ParseName("authorities/{authority}", request->parent(), "parent"));
    parent = (*ids)[0];
  }
  return Reply(directory_.ListAuthorities(scope.caller(), parent, request->page_size(), request->page_token()),
               response, [](const Page<Authority>& page) {
                 v1::ListAuthoritiesResponse out;
                 for (const Authority& a : page.items) *out.add_authorities() = AuthorityToProto(a);
                 out.set_next_page_token(page.next_page_token);
                 return out;
               });
}

grpc::Status DirectoryServiceImpl::CreateAuthority(grpc::ServerContext* context,
                                                   const v1::CreateAuthorityRequest* request,
                                                   v1::Authority* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(draft, AuthorityFromProto(request->authority()));
  return platform::RunIdempotent<v1::Authority>(
      ledger_, scope.caller(), draft->parent_id.empty() ? "root" : draft->parent_id, *request,
      absl::StrCat("authorities/", request->authority_id()),
      [&]() -> absl::StatusOr<v1::Authority> {
        auto created = directory_.CreateAuthority(scope.caller(), request->authority_id(), *draft);
        if (!created.ok()) return created.status();
        return AuthorityToProto(*created);
      },
      response);
}

grpc::Status DirectoryServiceImpl::GetSchool(grpc::ServerContext* context, const v1::GetSchoolRequest* request,
                                             v1::School* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("schools/{school}", request->name(), "name"));
  return Reply(directory_.GetSchool(scope.caller(), (*ids)[0]), response, SchoolToProto);
}

grpc::Status DirectoryServiceImpl::ListSchools(grpc::ServerContext* context, const v1::ListSchoolsRequest* request,
                                               v1::ListSchoolsResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("authorities/{authority}", request->parent(), "parent"));
  RPC_CHECK_OK(as_of, platform::DateFromProto(request->as_of(), "as_of"));
  return Reply(directory_.ListSchools(scope.caller(), (*ids)[0], request->query(), *as_of, request->page_size(),
                                      request->page_token()),
               response, [](const Page<School>& page) {
                 v1::ListSchoolsResponse out;
                 for (const School& s : page.items) *out.add_schools() = SchoolToProto(s);
                 out.set_next_page_token(page.next_page_token);
                 return out;
               });
}

grpc::Status DirectoryServiceImpl::CreateSchool(grpc::ServerContext* context, const v1::CreateSchoolRequest* request,
                                                v1::School* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(draft, SchoolFromProto(request->school()));
  if (absl::Status id = platform::ValidateId(request->school_id(), "school_id"); !id.ok()) return ToGrpcStatus(id);
  return platform::RunIdempotent<v1::School>(
      ledger_, scope.caller(), request->school_id(), *request, absl::StrCat("schools/", request->school_id()),
      [&]() -> absl::StatusOr<v1::School> {
        auto created = directory_.CreateSchool(scope.caller(), request->school_id(), *draft);
        if (!created.ok()) return created.status();
        return SchoolToProto(*created);
      },
      response);
}

grpc::Status DirectoryServiceImpl::UpdateSchool(grpc::ServerContext* context, const v1::UpdateSchoolRequest* request,
                                                v1::School* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("schools/{school}", request->school().name(), "school.name"));
  RPC_CHECK_OK(changes, SchoolFromProto(request->school()));
  std::set<std::string> fields(request->update_mask().paths().begin(), request->update_mask().paths().end());
  return platform::RunIdempotent<v1::School>(
      ledger_, scope.caller(), (*ids)[0], *request, request->school().name(),
      [&]() -> absl::StatusOr<v1::School> {
        auto updated = directory_.UpdateSchool(scope.caller(), *changes, fields);
        if (!updated.ok()) return updated.status();
        return SchoolToProto(*updated);
      },
      response);
}

grpc::Status DirectoryServiceImpl::MoveSchool(grpc::ServerContext* context, const v1::MoveSchoolRequest* request,
                                              v1::School* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("schools/{school}", request->name(), "name"));
  RPC_CHECK_OK(target, ParseName("authorities/{authority}", request->authority(), "authority"));
  RPC_CHECK_OK(effective, platform::DateFromProto(request->effective_date(), "effective_date"));
  return platform::RunIdempotent<v1::School>(
      ledger_, scope.caller(), (*ids)[0], *request, request->name(),
      [&]() -> absl::StatusOr<v1::School> {
        auto moved = directory_.MoveSchool(scope.caller(), (*ids)[0], (*target)[0], *effective, request->reason());
        if (!moved.ok()) return moved.status();
        return SchoolToProto(*moved);
      },
      response);
}

grpc::Status DirectoryServiceImpl::ListSchoolMemberships(grpc::ServerContext* context,
                                                         const v1::ListSchoolMembershipsRequest* request,
                                                         v1::ListSchoolMembershipsResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("schools/{school}", request->name(), "name"));
  return Reply(directory_.ListMemberships(scope.caller(), (*ids)[0]), response,
               [](const std::vector<Membership>& history) {
                 v1::ListSchoolMembershipsResponse out;
                 for (const Membership& m : history) *out.add_memberships() = MembershipToProto(m);
                 return out;
               });
}

grpc::Status DirectoryServiceImpl::CreateAccount(grpc::ServerContext* context, const v1::CreateAccountRequest* request,
                                                 v1::Account* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(draft, AccountFromProto(request->account()));
  std::string tenant = !draft->school_id.empty() ? draft->school_id : draft->authority_id;
  return platform::RunIdempotent<v1::Account>(
      ledger_, scope.caller(), tenant.empty() ? "root" : tenant, *request,
      absl::StrCat("accounts/", request->account_id()),
      [&]() -> absl::StatusOr<v1::Account> {
        auto created = directory_.CreateAccount(scope.caller(), request->account_id(), *draft);
        if (!created.ok()) return created.status();
        return AccountToProto(*created);
      },
      response);
}

grpc::Status DirectoryServiceImpl::GetAccount(grpc::ServerContext* context, const v1::GetAccountRequest* request,
                                              v1::Account* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("accounts/{account}", request->name(), "name"));
  return Reply(directory_.GetAccount(scope.caller(), (*ids)[0]), response, AccountToProto);
}

grpc::Status DirectoryServiceImpl::ListAccounts(grpc::ServerContext* context, const v1::ListAccountsRequest* request,
                                                v1::ListAccountsResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  std::string school, authority;
  if (absl::StartsWith(request->parent(), "schools/")) {
    RPC_CHECK_OK(ids, ParseName("schools/{school}", request->parent(), "parent"));
    school = (*ids)[0];
  } else {
    RPC_CHECK_OK(ids, ParseName("authorities/{authority}", request->parent(), "parent"));
    authority = (*ids)[0];
  }
  return Reply(directory_.ListAccounts(scope.caller(), school, authority, request->page_size(), request->page_token()),
               response, [](const Page<Account>& page) {
                 v1::ListAccountsResponse out;
                 for (const Account& a : page.items) *out.add_accounts() = AccountToProto(a);
                 out.set_next_page_token(page.next_page_token);
                 return out;
               });
}

grpc::Status DirectoryServiceImpl::CreateApiKey(grpc::ServerContext* context, const v1::CreateApiKeyRequest* request,
                                                v1::CreateApiKeyResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("accounts/{account}", request->parent(), "parent"));
  // The secret is never stored, not even in the idempotency record: a retry
  // of a request that already issued a key is told so instead.
  std::string fresh_secret;
  platform::MutationRecord record{(*ids)[0], request->request_id(), "CreateApiKeyRequest",
                                  platform::RequestFingerprint(*request), scope.caller().subject,
                                  request->parent()};
  auto stored = ledger_.Run(record, [&]() -> absl::StatusOr<std::string> {
    auto issued = directory_.CreateApiKey(scope.caller(), (*ids)[0], request->display_name());
    if (!issued.ok()) return issued.status();
    fresh_secret = issued->secret;
    v1::CreateApiKeyResponse without_secret;
    *without_secret.mutable_api_key() = ApiKeyToProto(issued->key);
    return without_secret.SerializeAsString();
  });
  if (!stored.ok()) return ToGrpcStatus(stored.status());
  if (fresh_secret.empty()) {
    return ToGrpcStatus(platform::WithReason(
        absl::AlreadyExistsError("Khoá đã được tạo cho yêu cầu này; bí mật chỉ hiện một lần. Hãy thu hồi và tạo "
                                 "khoá mới (a key was already issued for this request_id; its secret is shown "
                                 "only once)"),
        "SECRET_ALREADY_SHOWN"));
  }
  response->ParseFromString(*stored);
  response->set_secret(fresh_secret);
  return grpc::Status::OK;
}

grpc::Status DirectoryServiceImpl::ListApiKeys(grpc::ServerContext* context, const v1::ListApiKeysRequest* request,
                                               v1::ListApiKeysResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("accounts/{account}", request->parent(), "parent"));
  return Reply(directory_.ListApiKeys(scope.caller(), (*ids)[0]), response, [](const std::vector<ApiKey>& keys) {
    v1::ListApiKeysResponse out;
    for (const ApiKey& k : keys) *out.add_api_keys() = ApiKeyToProto(k);
    return out;
  });
}

grpc::Status DirectoryServiceImpl::RevokeApiKey(grpc::ServerContext* context, const v1::RevokeApiKeyRequest* request,
                                                v1::ApiKey* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName("accounts/{account}/apiKeys/{key}", request->name(), "name"));
  return platform::RunIdempotent<v1::ApiKey>(
      ledger_, scope.caller(), (*ids)[0], *request, request->name(),
      [&]() -> absl::StatusOr<v1::ApiKey> {
        auto revoked = directory_.RevokeApiKey(scope.caller(), (*ids)[0], (*ids)[1]);
        if (!revoked.ok()) return revoked.status();
        return ApiKeyToProto(*revoked);
      },
      response);
}

grpc::Status DirectoryServiceImpl::AuthenticateApiKey(grpc::ServerContext* context,
                                                      const v1::AuthenticateApiKeyRequest* request,
                                                      v1::AuthenticateApiKeyResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Reply(directory_.Authenticate(scope.caller(), request->secret()), response, [](const Principal& p) {
    v1::AuthenticateApiKeyResponse out;
    *out.mutable_account() = AccountToProto(p.account);
    out.set_api_key(absl::StrCat("accounts/", p.account.id, "/apiKeys/", p.key_id));
    for (const auto& id : p.authority_ids) out.add_scope_authority_ids(id);
    for (const auto& id : p.school_ids) out.add_scope_school_ids(id);
    return out;
  });
}

}  // namespace parhub::directory
