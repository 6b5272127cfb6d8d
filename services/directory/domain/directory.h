// The directory's rules: who may see and change which authority, school,
// account and API key; validation of every input; API key issuing (random,
// shown once, stored hashed) and resolution for the gateway.
#ifndef PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_H_
#define PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_H_

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "platform/caller.h"
#include "services/directory/domain/directory_store.h"

namespace parhub::directory {

using platform::Caller;

struct IssuedApiKey final {
  ApiKey key;
  std::string secret;  // shown once
};

class Directory final {
 public:
  // `clock` gives "now" (tests pass a fixed one).
  Directory(DirectoryStore& store, std::function<absl::Time()> clock);

  absl::StatusOr<Authority> GetAuthority(const Caller& caller, const std::string& id);
  absl::StatusOr<Page<Authority>> ListAuthorities(const Caller& caller, const std::string& parent_id,
                                                  int page_size, const std::string& page_token);
  absl::StatusOr<Authority> CreateAuthority(const Caller& caller, const std::string& id,
                                            Authority draft);

  absl::StatusOr<School> GetSchool(const Caller& caller, const std::string& id);
  absl::StatusOr<Page<School>> ListSchools(const Caller& caller, const std::string& authority_id,
                                           const std::string& query, Date as_of, int page_size,
                                           const std::string& page_token);
  absl::StatusOr<School> CreateSchool(const Caller& caller, const std::string& id, School draft);
  // `fields` ⊆ {display_name, code, level, address}.
  absl::StatusOr<School> UpdateSchool(const Caller& caller, const School& changes,
                                      const std::set<std::string>& fields);
  absl::StatusOr<School> MoveSchool(const Caller& caller, const std::string& id,
                                    const std::string& authority_id, Date effective,
                                    const std::string& reason);
  absl::StatusOr<std::vector<Membership>> ListMemberships(const Caller& caller, const std::string& id);

  absl::StatusOr<Account> CreateAccount(const Caller& caller, const std::string& id, Account draft);
  absl::StatusOr<Account> GetAccount(const Caller& caller, const std::string& id);
  absl::StatusOr<Page<Account>> ListAccounts(const Caller& caller, const std::string& school_id,
                                             const std::string& authority_id, int page_size,
                                             const std::string& page_token);

  absl::StatusOr<IssuedApiKey> CreateApiKey(const Caller& caller, const std::string& account_id,
                                            const std::string& display_name);
  absl::StatusOr<std::vector<ApiKey>> ListApiKeys(const Caller& caller, const std::string& account_id);
  absl::StatusOr<ApiKey> RevokeApiKey(const Caller& caller, const std::string& account_id,
                                      const std::string& key_id);
  // Service role only. UNAUTHENTICATED for unknown or revoked secrets.
  absl::StatusOr<Principal> Authenticate(const Caller& caller, const std::string& secret);

  // On an empty directory: creates the root authority and an "admin"
  // officer of it with a key (`admin_secret` if given, else a random one).
  // Returns the secret when it was generated, so it can be shown once.
  absl::StatusOr<std::optional<std::string>> Bootstrap(const Authority& root,
                                                       const std::string& admin_secret);

 private:
  absl::StatusOr<std::vector<std::string>> OfficerSubtree(const Caller& caller);
  absl::StatusOr<bool> AuthorityInScope(const Caller& caller, const std::string& authority_id);
  absl::Status RequireSchoolRead(const Caller& caller, const School& school);
  absl::Status RequireSchoolAdmin(const Caller& caller, const School& school);
  absl::StatusOr<School> LoadSchool(const Caller& caller, const std::string& id);
  absl::Status RequireAccountManager(const Caller& caller, const Account& account);
  absl::StatusOr<Account> LoadManagedAccount(const Caller& caller, const std::string& id);
  Date Today() const;

  DirectoryStore& store_;
  std::function<absl::Time()> clock_;
};

// Hash under which an API key secret is stored.
std::string HashApiKeySecret(const std::string& secret);

}  // namespace parhub::directory

#endif  // PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_H_
