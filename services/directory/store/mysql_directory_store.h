// DirectoryStore on MySQL/MariaDB (schema parhub_directory).
#ifndef PARHUB_SERVICES_DIRECTORY_STORE_MYSQL_DIRECTORY_STORE_H_
#define PARHUB_SERVICES_DIRECTORY_STORE_MYSQL_DIRECTORY_STORE_H_

#include "platform/db/db.h"
#include "services/directory/domain/directory_store.h"

namespace parhub::directory {

class MySqlDirectoryStore final : public DirectoryStore {
 public:
  explicit MySqlDirectoryStore(platform::Db& db) : db_(db) {}

  absl::Status Atomically(const std::function<absl::Status()>& fn) override { return db_.InTransaction(fn); }
  absl::StatusOr<int64_t> TreeVersion() override;
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

 private:
  // Moves tree_version on (inside the caller's transaction).
  absl::Status MoveTreeVersionOn();
  platform::Db& db_;
};

}  // namespace parhub::directory

#endif  // PARHUB_SERVICES_DIRECTORY_STORE_MYSQL_DIRECTORY_STORE_H_
