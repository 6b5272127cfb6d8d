// The directory's rules: who may see and change which authority, school,
// account and API key; validation of every input; API key issuing (random,
// shown once, stored hashed) and resolution for the gateway.
#ifndef PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_H_
#define PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_H_

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "platform/core/caller.h"
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

  // ---- access, checked before the idempotency ledger ----
  //
  // The rpc adapter calls the matching May* before it opens the ledger, so a
  // replayed request_id never hands one tenant's stored response to a caller
  // who may not make the request; each mutation calls it again itself. Each
  // returns exactly the access errors its mutation gives: INVALID_ARGUMENT
  // naming the request field for a malformed or required id (and for a
  // referenced authority that does not exist: authorities are public),
  // NOT_FOUND worded like a missing resource for a school or account out of
  // the caller's scope, PERMISSION_DENIED when the role may not do it. Input
  // other than these ids is validated by the mutation.

  // CreateAuthority under `parent_id` (field "authority.parent"): officers
  // whose subtree holds the parent.
  absl::Status MayCreateAuthority(const Caller& caller, const std::string& parent_id);
  // CreateSchool under `authority_id` (field "school.authority"): officers
  // whose subtree holds the authority.
  absl::Status MayCreateSchool(const Caller& caller, const std::string& authority_id);
  // UpdateSchool of `school_id` (field "school.name"): its admin, or an
  // officer above it.
  absl::Status MayEditSchool(const Caller& caller, const std::string& school_id);
  // MoveSchool of `school_id` (field "name") to `authority_id` (field
  // "authority"): officers who see the school and hold the target authority
  // in their subtree, or the service role.
  absl::Status MayMoveSchool(const Caller& caller, const std::string& school_id,
                             const std::string& authority_id);
  // CreateAccount of `draft` (role, draft.school_id "account.school",
  // draft.authority_id "account.authority"): a school's admin for its
  // school's accounts, officers for schools and authorities below them, a
  // root officer for service accounts.
  absl::Status MayCreateAccount(const Caller& caller, const Account& draft);
  // CreateApiKey and RevokeApiKey on `account_id` (named by `field`: "parent"
  // for CreateApiKey, "name" for RevokeApiKey): the account itself, its
  // school's admin, or an officer above it.
  absl::Status MayManageAccount(const Caller& caller, const std::string& account_id,
                                absl::string_view field = "name");

  absl::StatusOr<Authority> GetAuthority(const Caller& caller, const std::string& id);
  absl::StatusOr<Page<Authority>> ListAuthorities(const Caller& caller, const std::string& parent_id,
                                                  int page_size, const std::string& page_token);
  absl::StatusOr<Authority> CreateAuthority(const Caller& caller, const std::string& id, Authority draft);

  absl::StatusOr<School> GetSchool(const Caller& caller, const std::string& id);
  // The tree's version (any authenticated caller: it is only a number).
  absl::StatusOr<int64_t> TreeVersion() { return store_.TreeVersion(); }
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
  absl::StatusOr<Account> LoadManagedAccount(const Caller& caller, const std::string& id,
                                             absl::string_view field);
  absl::StatusOr<School> LoadEditableSchool(const Caller& caller, const std::string& id);
  absl::StatusOr<Authority> AuthorityForNewSchool(const Caller& caller, const std::string& authority_id);
  Date Today() const;

  DirectoryStore& store_;
  std::function<absl::Time()> clock_;
};

// Hash under which an API key secret is stored.
std::string HashApiKeySecret(const std::string& secret);

}  // namespace parhub::directory

#endif  // PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_H_
