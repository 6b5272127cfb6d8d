// An in-memory DirectoryStore for the directory domain's unit tests.
//
// It is a test double for the domain's rules, not a transactional store:
// Atomically() just runs `fn` and rolls nothing back when it fails, and
// LockSchool() does nothing (tests are single-threaded). Each single call
// is all or nothing, as the MySQL store's own transactions are (InsertSchool,
// AddMembership check every constraint before changing anything).
//
// Otherwise it mirrors MySqlDirectoryStore: listings ordered by id after
// `after_id` up to `limit`; ALREADY_EXISTS on a duplicate primary key or
// secret hash; the school's authority is the membership covering `as_of`
// (effective_from <= as_of, and as_of < effective_until or still open);
// times are kept to the millisecond, as DATETIME(3) keeps them. Where MySQL
// leaves an order open (API keys with equal create_time) insertion order
// is used. The search is a plain substring match on the folded text.
#ifndef PARHUB_SERVICES_DIRECTORY_TESTS_IN_MEMORY_DIRECTORY_STORE_H_
#define PARHUB_SERVICES_DIRECTORY_TESTS_IN_MEMORY_DIRECTORY_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "services/directory/domain/directory_store.h"

namespace parhub::directory::testing {

class InMemoryDirectoryStore final : public DirectoryStore {
 public:
  absl::Status Atomically(const std::function<absl::Status()>& fn) override;
  absl::StatusOr<int64_t> TreeVersion() override { return tree_version_; }

  absl::StatusOr<std::optional<Authority>> FindAuthority(const std::string& id) override;
  absl::StatusOr<std::vector<Authority>> ListAuthorities(const std::string& parent_id,
                                                         const std::string& after_id, int limit) override;
  absl::Status InsertAuthority(const Authority& authority) override;
  absl::StatusOr<std::vector<std::string>> AuthoritySubtree(const std::string& id) override;

  absl::StatusOr<std::optional<School>> FindSchool(const std::string& id, Date as_of) override;
  absl::StatusOr<std::vector<School>> ListSchools(const std::vector<std::string>& authority_ids, Date as_of,
                                                  const std::string& folded_query,
                                                  const std::string& after_id, int limit) override;
  absl::Status InsertSchool(const School& school, const std::string& search_text, Date from) override;
  absl::Status LockSchool(const std::string& id) override;
  absl::Status UpdateSchool(const School& school, const std::string& search_text) override;
  absl::StatusOr<std::vector<Membership>> Memberships(const std::string& school_id) override;
  absl::Status AddMembership(const std::string& school_id, const Membership& next,
                             Date expected_open_from) override;

  absl::StatusOr<std::optional<Account>> FindAccount(const std::string& id) override;
  absl::StatusOr<std::vector<Account>> ListAccounts(const std::string& school_id,
                                                    const std::string& authority_id,
                                                    const std::string& after_id, int limit) override;
  absl::Status InsertAccount(const Account& account) override;
  absl::StatusOr<int64_t> CountAccounts() override;

  absl::Status InsertApiKey(const ApiKey& key, const std::string& secret_hash) override;
  absl::StatusOr<std::vector<ApiKey>> ListApiKeys(const std::string& account_id) override;
  absl::StatusOr<std::optional<ApiKey>> FindApiKey(const std::string& account_id,
                                                   const std::string& key_id) override;
  absl::Status RevokeApiKey(const std::string& account_id, const std::string& key_id,
                            absl::Time when) override;
  absl::StatusOr<std::optional<ApiKey>> FindApiKeyByHash(const std::string& secret_hash) override;
  absl::Status TouchApiKey(const std::string& account_id, const std::string& key_id,
                           absl::Time when) override;

  // For tests: what the domain stored.
  std::optional<std::string> search_text(const std::string& school_id) const;
  std::optional<std::string> secret_hash(const std::string& account_id, const std::string& key_id) const;
  // How often TouchApiKey and AddMembership were called.
  int touch_count() const { return touch_count_; }
  int add_membership_count() const { return add_membership_count_; }
  void set_tree_version(int64_t v) { tree_version_ = v; }

 private:
  struct StoredSchool {
    School school;  // authority_id is not kept here; memberships hold it
    std::string search_text;
  };
  struct StoredKey {
    ApiKey key;
    std::string secret_hash;
    int64_t sequence = 0;  // insertion order, for ties on create_time
  };
  using KeyId = std::pair<std::string, std::string>;  // account_id, key_id

  int64_t tree_version_ = 1;  // moved on by every successful write to the tree
  // The authority of the membership covering `as_of`, or "" (the LEFT JOIN's NULL).
  std::string AuthorityOn(const std::string& school_id, Date as_of) const;

  std::map<std::string, Authority> authorities_;
  std::map<std::string, StoredSchool> schools_;
  // Keyed by school id and effective_from, like the table's primary key;
  // no foreign key to schools, as in the schema.
  std::map<std::string, std::map<Date, Membership>> memberships_;
  std::map<std::string, Account> accounts_;
  std::map<KeyId, StoredKey> keys_;
  int64_t next_sequence_ = 0;
  int touch_count_ = 0;
  int add_membership_count_ = 0;
};

}  // namespace parhub::directory::testing

#endif  // PARHUB_SERVICES_DIRECTORY_TESTS_IN_MEMORY_DIRECTORY_STORE_H_
