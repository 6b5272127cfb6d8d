// Directory RPC handlers: thin, in the skeleton's two shapes.
#include "services/directory/rpc/directory_service.h"

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/directory/rpc/convert.h"

namespace parhub::directory {
namespace {

using platform::Caller;
using platform::Mutation;
using platform::ParseName;

constexpr char kAuthorityPattern[] = "authorities/{authority}";
constexpr char kSchoolPattern[] = "schools/{school}";
constexpr char kAccountPattern[] = "accounts/{account}";

// Idempotency scope for what has no tenant of its own yet.
std::string ScopeOr(const std::string& tenant) { return tenant.empty() ? "root" : tenant; }

}  // namespace

// ---- authorities ----

grpc::ServerUnaryReactor* DirectoryServiceImpl::GetAuthority(Context* context,
                                                             const v1::GetAuthorityRequest* request,
                                                             v1::Authority* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, request->name(), "name"));
    ASSIGN_OR_RETURN(Authority authority, directory_.GetAuthority(caller, ids[0]));
    *response = AuthorityToProto(authority);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListAuthorities(Context* context,
                                                                const v1::ListAuthoritiesRequest* request,
                                                                v1::ListAuthoritiesResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    std::string parent;
    if (!request->parent().empty()) {
      ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, request->parent(), "parent"));
      parent = ids[0];
    }
    ASSIGN_OR_RETURN(Page<Authority> page,
                     directory_.ListAuthorities(caller, parent, request->page_size(), request->page_token()));
    for (const Authority& a : page.items) *response->add_authorities() = AuthorityToProto(a);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateAuthority(Context* context,
                                                                const v1::CreateAuthorityRequest* request,
                                                                v1::Authority* response) {
  return handlers_.Mutate<v1::Authority>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Authority>> {
        ASSIGN_OR_RETURN(Authority draft, AuthorityFromProto(request->authority()));
        RETURN_IF_ERROR(directory_.MayCreateAuthority(caller, draft.parent_id));
        return Mutation<v1::Authority>{
            ScopeOr(draft.parent_id), absl::StrCat("authorities/", request->authority_id()),
            [=, this]() -> absl::StatusOr<v1::Authority> {
              ASSIGN_OR_RETURN(Authority created,
                               directory_.CreateAuthority(caller, request->authority_id(), draft));
              return AuthorityToProto(created);
            }};
      });
}

// ---- schools ----

grpc::ServerUnaryReactor* DirectoryServiceImpl::GetSchool(Context* context,
                                                          const v1::GetSchoolRequest* request,
                                                          v1::School* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->name(), "name"));
    ASSIGN_OR_RETURN(School school, directory_.GetSchool(caller, ids[0]));
    *response = SchoolToProto(school);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListSchools(Context* context,
                                                            const v1::ListSchoolsRequest* request,
                                                            v1::ListSchoolsResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, request->parent(), "parent"));
    ASSIGN_OR_RETURN(Date as_of, platform::DateFromProto(request->as_of(), "as_of"));
    ASSIGN_OR_RETURN(Page<School> page, directory_.ListSchools(caller, ids[0], request->query(), as_of,
                                                               request->page_size(), request->page_token()));
    for (const School& s : page.items) *response->add_schools() = SchoolToProto(s);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::GetTreeVersion(Context* context,
                                                               const v1::GetTreeVersionRequest* /*request*/,
                                                               v1::TreeVersion* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller&) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t version, directory_.TreeVersion());
    response->set_version(version);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateSchool(Context* context,
                                                             const v1::CreateSchoolRequest* request,
                                                             v1::School* response) {
  return handlers_.Mutate<v1::School>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::School>> {
        ASSIGN_OR_RETURN(School draft, SchoolFromProto(request->school()));
        RETURN_IF_ERROR(platform::ValidateId(request->school_id(), "school_id"));
        RETURN_IF_ERROR(directory_.MayCreateSchool(caller, draft.authority_id));
        return Mutation<v1::School>{
            request->school_id(), absl::StrCat("schools/", request->school_id()),
            [=, this]() -> absl::StatusOr<v1::School> {
              ASSIGN_OR_RETURN(School created, directory_.CreateSchool(caller, request->school_id(), draft));
              return SchoolToProto(created);
            }};
      });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::UpdateSchool(Context* context,
                                                             const v1::UpdateSchoolRequest* request,
                                                             v1::School* response) {
  return handlers_.Mutate<v1::School>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::School>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->school().name(), "school.name"));
        ASSIGN_OR_RETURN(School changes, SchoolFromProto(request->school()));
        RETURN_IF_ERROR(directory_.MayEditSchool(caller, ids[0]));
        std::set<std::string> fields(request->update_mask().paths().begin(),
                                     request->update_mask().paths().end());
        return Mutation<v1::School>{
            ids[0], request->school().name(), [=, this]() -> absl::StatusOr<v1::School> {
              ASSIGN_OR_RETURN(School updated, directory_.UpdateSchool(caller, changes, fields));
              return SchoolToProto(updated);
            }};
      });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::MoveSchool(Context* context,
                                                           const v1::MoveSchoolRequest* request,
                                                           v1::School* response) {
  return handlers_.Mutate<v1::School>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::School>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->name(), "name"));
        ASSIGN_OR_RETURN(auto target, ParseName(kAuthorityPattern, request->authority(), "authority"));
        ASSIGN_OR_RETURN(Date effective,
                         platform::DateFromProto(request->effective_date(), "effective_date"));
        RETURN_IF_ERROR(directory_.MayMoveSchool(caller, ids[0], target[0]));
        return Mutation<v1::School>{ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::School> {
                                      ASSIGN_OR_RETURN(School moved,
                                                       directory_.MoveSchool(caller, ids[0], target[0],
                                                                             effective, request->reason()));
                                      return SchoolToProto(moved);
                                    }};
      });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListSchoolMemberships(
    Context* context, const v1::ListSchoolMembershipsRequest* request,
    v1::ListSchoolMembershipsResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->name(), "name"));
    ASSIGN_OR_RETURN(std::vector<Membership> history, directory_.ListMemberships(caller, ids[0]));
    for (const Membership& m : history) *response->add_memberships() = MembershipToProto(m);
    return absl::OkStatus();
  });
}

// ---- accounts ----

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateAccount(Context* context,
                                                              const v1::CreateAccountRequest* request,
                                                              v1::Account* response) {
  return handlers_.Mutate<v1::Account>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Account>> {
        ASSIGN_OR_RETURN(Account draft, AccountFromProto(request->account()));
        RETURN_IF_ERROR(directory_.MayCreateAccount(caller, draft));
        std::string tenant = !draft.school_id.empty() ? draft.school_id : draft.authority_id;
        return Mutation<v1::Account>{ScopeOr(tenant), absl::StrCat("accounts/", request->account_id()),
                                     [=, this]() -> absl::StatusOr<v1::Account> {
                                       ASSIGN_OR_RETURN(
                                           Account created,
                                           directory_.CreateAccount(caller, request->account_id(), draft));
                                       return AccountToProto(created);
                                     }};
      });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::GetAccount(Context* context,
                                                           const v1::GetAccountRequest* request,
                                                           v1::Account* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAccountPattern, request->name(), "name"));
    ASSIGN_OR_RETURN(Account account, directory_.GetAccount(caller, ids[0]));
    *response = AccountToProto(account);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListAccounts(Context* context,
                                                             const v1::ListAccountsRequest* request,
                                                             v1::ListAccountsResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    std::string school, authority;
    if (absl::StartsWith(request->parent(), "schools/")) {
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->parent(), "parent"));
      school = ids[0];
    } else {
      ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, request->parent(), "parent"));
      authority = ids[0];
    }
    ASSIGN_OR_RETURN(
        Page<Account> page,
        directory_.ListAccounts(caller, school, authority, request->page_size(), request->page_token()));
    for (const Account& a : page.items) *response->add_accounts() = AccountToProto(a);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

// ---- API keys ----

grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateApiKey(Context* context,
                                                             const v1::CreateApiKeyRequest* request,
                                                             v1::CreateApiKeyResponse* response) {
  return handlers_.Mutate<v1::CreateApiKeyResponse>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::CreateApiKeyResponse>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kAccountPattern, request->parent(), "parent"));
        RETURN_IF_ERROR(directory_.MayManageAccount(caller, ids[0], "parent"));
        Mutation<v1::CreateApiKeyResponse> mutation{
            ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::CreateApiKeyResponse> {
              ASSIGN_OR_RETURN(IssuedApiKey issued,
                               directory_.CreateApiKey(caller, ids[0], request->display_name()));
              v1::CreateApiKeyResponse out;
              *out.mutable_api_key() = ApiKeyToProto(issued.key);
              out.set_secret(issued.secret);
              return out;
            }};
        // The secret is never stored, not even in the idempotency record.
        mutation.forget_secret = [](v1::CreateApiKeyResponse& kept) { kept.clear_secret(); };
        return mutation;
      });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListApiKeys(Context* context,
                                                            const v1::ListApiKeysRequest* request,
                                                            v1::ListApiKeysResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAccountPattern, request->parent(), "parent"));
    ASSIGN_OR_RETURN(std::vector<ApiKey> keys, directory_.ListApiKeys(caller, ids[0]));
    for (const ApiKey& k : keys) *response->add_api_keys() = ApiKeyToProto(k);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::RevokeApiKey(Context* context,
                                                             const v1::RevokeApiKeyRequest* request,
                                                             v1::ApiKey* response) {
  return handlers_.Mutate<v1::ApiKey>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::ApiKey>> {
        ASSIGN_OR_RETURN(auto ids, ParseName("accounts/{account}/apiKeys/{key}", request->name(), "name"));
        RETURN_IF_ERROR(directory_.MayManageAccount(caller, ids[0]));
        return Mutation<v1::ApiKey>{ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::ApiKey> {
                                      ASSIGN_OR_RETURN(ApiKey revoked,
                                                       directory_.RevokeApiKey(caller, ids[0], ids[1]));
                                      return ApiKeyToProto(revoked);
                                    }};
      });
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::AuthenticateApiKey(
    Context* context, const v1::AuthenticateApiKeyRequest* request,
    v1::AuthenticateApiKeyResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(Principal p, directory_.Authenticate(caller, request->secret()));
    *response->mutable_account() = AccountToProto(p.account);
    response->set_api_key(absl::StrCat("accounts/", p.account.id, "/apiKeys/", p.key_id));
    for (const auto& id : p.authority_ids) response->add_scope_authority_ids(id);
    for (const auto& id : p.school_ids) response->add_scope_school_ids(id);
    return absl::OkStatus();
  });
}

}  // namespace parhub::directory
