// Persistence the directory domain needs; MySqlDirectoryStore implements it.
#ifndef PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_STORE_H_
#define PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_STORE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/directory/domain/model.h"

namespace parhub::directory {

class DirectoryStore {
 public:
  virtual ~DirectoryStore() = default;

  // Runs `fn` in one transaction (joining an enclosing one).
  virtual absl::Status Atomically(const std::function<absl::Status()>& fn) = 0;
  // The tree's version; every write to authorities, schools or memberships
  // below moves it on in the same transaction.
  virtual absl::StatusOr<int64_t> TreeVersion() = 0;

  virtual absl::StatusOr<std::optional<Authority>> FindAuthority(const std::string& id) = 0;
  // Ordered by id, after `after_id`; `parent_id` "" means every authority.
  virtual absl::StatusOr<std::vector<Authority>> ListAuthorities(const std::string& parent_id,
                                                                 const std::string& after_id, int limit) = 0;
  // ALREADY_EXISTS when the id is taken.
  virtual absl::Status InsertAuthority(const Authority& authority) = 0;
  // `id` and every authority below it.
  virtual absl::StatusOr<std::vector<std::string>> AuthoritySubtree(const std::string& id) = 0;

  // The school with its authority as of `as_of`.
  virtual absl::StatusOr<std::optional<School>> FindSchool(const std::string& id, Date as_of) = 0;
  // Schools whose authority on `as_of` is one of `authority_ids`, whose
  // folded search text contains `folded_query`, ordered by id after `after_id`.
  virtual absl::StatusOr<std::vector<School>> ListSchools(const std::vector<std::string>& authority_ids,
                                                          Date as_of, const std::string& folded_query,
                                                          const std::string& after_id, int limit) = 0;
  // Inserts the school and its first membership from `from`.
  virtual absl::Status InsertSchool(const School& school, const std::string& search_text, Date from) = 0;
  // Locks the school's row until the transaction ends (no-op if missing).
  virtual absl::Status LockSchool(const std::string& id) = 0;
  virtual absl::Status UpdateSchool(const School& school, const std::string& search_text) = 0;
  // Memberships oldest first.
  virtual absl::StatusOr<std::vector<Membership>> Memberships(const std::string& school_id) = 0;
  // Ends the open membership on `next.effective_from` and opens `next`,
  // provided the open membership still starts on `expected_open_from` (the
  // history the caller checked); otherwise ABORTED: a concurrent move won.
  virtual absl::Status AddMembership(const std::string& school_id, const Membership& next,
                                     Date expected_open_from) = 0;

  virtual absl::StatusOr<std::optional<Account>> FindAccount(const std::string& id) = 0;
  // Accounts of a school (`school_id`) or of an authority (`authority_id`).
  virtual absl::StatusOr<std::vector<Account>> ListAccounts(const std::string& school_id,
                                                            const std::string& authority_id,
                                                            const std::string& after_id, int limit) = 0;
  virtual absl::Status InsertAccount(const Account& account) = 0;
  virtual absl::StatusOr<int64_t> CountAccounts() = 0;

  virtual absl::Status InsertApiKey(const ApiKey& key, const std::string& secret_hash) = 0;
  virtual absl::StatusOr<std::vector<ApiKey>> ListApiKeys(const std::string& account_id) = 0;
  virtual absl::StatusOr<std::optional<ApiKey>> FindApiKey(const std::string& account_id,
                                                           const std::string& key_id) = 0;
  virtual absl::Status RevokeApiKey(const std::string& account_id, const std::string& key_id,
                                    absl::Time when) = 0;
  virtual absl::StatusOr<std::optional<ApiKey>> FindApiKeyByHash(const std::string& secret_hash) = 0;
  virtual absl::Status TouchApiKey(const std::string& account_id, const std::string& key_id,
                                   absl::Time when) = 0;
};

}  // namespace parhub::directory

#endif  // PARHUB_SERVICES_DIRECTORY_DOMAIN_DIRECTORY_STORE_H_
