// DirectoryServiceImpl: the gRPC face of the directory, built on the platform
// skeleton's one handler style (platform/rpc/handlers.h): reads are
// Handlers::Read; mutations are Handlers::Mutate whose authorize step asks
// the domain whether the caller may act (Directory::May…) before the
// idempotency ledger. No rules live here.
#ifndef PARHUB_SERVICES_DIRECTORY_RPC_DIRECTORY_SERVICE_H_
#define PARHUB_SERVICES_DIRECTORY_RPC_DIRECTORY_SERVICE_H_

#include "parhub/directory/v1/directory.grpc.pb.h"
#include "platform/rpc/handlers.h"
#include "services/directory/domain/directory.h"

namespace parhub::directory {

class DirectoryServiceImpl final : public v1::DirectoryService::CallbackService {
 public:
  DirectoryServiceImpl(platform::Handlers& handlers, Directory& directory)
      : handlers_(handlers), directory_(directory) {}

  using Reactor = grpc::ServerUnaryReactor;
  using Context = grpc::CallbackServerContext;

  Reactor* GetAuthority(Context*, const v1::GetAuthorityRequest*, v1::Authority*) override;
  Reactor* ListAuthorities(Context*, const v1::ListAuthoritiesRequest*,
                           v1::ListAuthoritiesResponse*) override;
  Reactor* CreateAuthority(Context*, const v1::CreateAuthorityRequest*, v1::Authority*) override;
  Reactor* GetSchool(Context*, const v1::GetSchoolRequest*, v1::School*) override;
  Reactor* ListSchools(Context*, const v1::ListSchoolsRequest*, v1::ListSchoolsResponse*) override;
  Reactor* GetTreeVersion(Context*, const v1::GetTreeVersionRequest*, v1::TreeVersion*) override;
  Reactor* CreateSchool(Context*, const v1::CreateSchoolRequest*, v1::School*) override;
  Reactor* UpdateSchool(Context*, const v1::UpdateSchoolRequest*, v1::School*) override;
  Reactor* MoveSchool(Context*, const v1::MoveSchoolRequest*, v1::School*) override;
  Reactor* ListSchoolMemberships(Context*, const v1::ListSchoolMembershipsRequest*,
                                 v1::ListSchoolMembershipsResponse*) override;
  Reactor* CreateAccount(Context*, const v1::CreateAccountRequest*, v1::Account*) override;
  Reactor* GetAccount(Context*, const v1::GetAccountRequest*, v1::Account*) override;
  Reactor* ListAccounts(Context*, const v1::ListAccountsRequest*, v1::ListAccountsResponse*) override;
  Reactor* CreateApiKey(Context*, const v1::CreateApiKeyRequest*, v1::CreateApiKeyResponse*) override;
  Reactor* ListApiKeys(Context*, const v1::ListApiKeysRequest*, v1::ListApiKeysResponse*) override;
  Reactor* RevokeApiKey(Context*, const v1::RevokeApiKeyRequest*, v1::ApiKey*) override;
  Reactor* AuthenticateApiKey(Context*, const v1::AuthenticateApiKeyRequest*,
                              v1::AuthenticateApiKeyResponse*) override;

 private:
  platform::Handlers& handlers_;
  Directory& directory_;
};

}  // namespace parhub::directory

#endif  // PARHUB_SERVICES_DIRECTORY_RPC_DIRECTORY_SERVICE_H_
