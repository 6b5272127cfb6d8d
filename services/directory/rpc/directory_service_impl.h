// gRPC adapter of the directory: verifies the caller, converts messages,
// runs mutations once per request_id, maps errors. No rules live here.
#ifndef PARHUB_SERVICES_DIRECTORY_RPC_DIRECTORY_SERVICE_IMPL_H_
#define PARHUB_SERVICES_DIRECTORY_RPC_DIRECTORY_SERVICE_IMPL_H_

#include "parhub/directory/v1/directory.grpc.pb.h"
#include "platform/idempotency.h"
#include "platform/identity.h"
#include "services/directory/domain/directory.h"

namespace parhub::directory {

class DirectoryServiceImpl final : public v1::DirectoryService::Service {
 public:
  DirectoryServiceImpl(Directory& directory, platform::IdempotencyLedger& ledger,
                       const platform::IdentityKey& key)
      : directory_(directory), ledger_(ledger), key_(key) {}

  grpc::Status GetAuthority(grpc::ServerContext*, const v1::GetAuthorityRequest*, v1::Authority*) override;
  grpc::Status ListAuthorities(grpc::ServerContext*, const v1::ListAuthoritiesRequest*,
                               v1::ListAuthoritiesResponse*) override;
  grpc::Status CreateAuthority(grpc::ServerContext*, const v1::CreateAuthorityRequest*, v1::Authority*) override;
  grpc::Status GetSchool(grpc::ServerContext*, const v1::GetSchoolRequest*, v1::School*) override;
  grpc::Status ListSchools(grpc::ServerContext*, const v1::ListSchoolsRequest*, v1::ListSchoolsResponse*) override;
  grpc::Status CreateSchool(grpc::ServerContext*, const v1::CreateSchoolRequest*, v1::School*) override;
  grpc::Status UpdateSchool(grpc::ServerContext*, const v1::UpdateSchoolRequest*, v1::School*) override;
  grpc::Status MoveSchool(grpc::ServerContext*, const v1::MoveSchoolRequest*, v1::School*) override;
  grpc::Status ListSchoolMemberships(grpc::ServerContext*, const v1::ListSchoolMembershipsRequest*,
                                     v1::ListSchoolMembershipsResponse*) override;
  grpc::Status CreateAccount(grpc::ServerContext*, const v1::CreateAccountRequest*, v1::Account*) override;
  grpc::Status GetAccount(grpc::ServerContext*, const v1::GetAccountRequest*, v1::Account*) override;
  grpc::Status ListAccounts(grpc::ServerContext*, const v1::ListAccountsRequest*, v1::ListAccountsResponse*) override;
  grpc::Status CreateApiKey(grpc::ServerContext*, const v1::CreateApiKeyRequest*, v1::CreateApiKeyResponse*) override;
  grpc::Status ListApiKeys(grpc::ServerContext*, const v1::ListApiKeysRequest*, v1::ListApiKeysResponse*) override;
  grpc::Status RevokeApiKey(grpc::ServerContext*, const v1::RevokeApiKeyRequest*, v1::ApiKey*) override;
  grpc::Status AuthenticateApiKey(grpc::ServerContext*, const v1::AuthenticateApiKeyRequest*,
                                  v1::AuthenticateApiKeyResponse*) override;

 private:
  Directory& directory_;
  platform::IdempotencyLedger& ledger_;
  const platform::IdentityKey& key_;
};

}  // namespace parhub::directory

#endif  // PARHUB_SERVICES_DIRECTORY_RPC_DIRECTORY_SERVICE_IMPL_H_
