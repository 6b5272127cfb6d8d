// In-memory DirectoryStore for unit tests; see the header for how far it
// follows MySqlDirectoryStore.
#include "services/directory/tests/in_memory_directory_store.h"

#include <algorithm>
#include <deque>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace parhub::directory::testing {
namespace {

// DATETIME(3) keeps milliseconds; the MySQL store cuts the rest off (StoredTime).
absl::Time Millis(absl::Time t) { return absl::FromUnixMillis(absl::ToUnixMillis(t)); }

absl::Status Duplicate(absl::string_view table, absl::string_view key) {
  return absl::AlreadyExistsError(absl::StrCat("duplicate ", table, " '", key, "'"));
}

bool Covers(const Membership& m, Date as_of) {
  return m.effective_from <= as_of && (!m.effective_until.IsSet() || m.effective_until > as_of);
}

}  // namespace

absl::Status InMemoryDirectoryStore::Atomically(const std::function<absl::Status()>& fn) { return fn(); }

// ---- authorities ----

absl::StatusOr<std::optional<Authority>> InMemoryDirectoryStore::FindAuthority(const std::string& id) {
  auto it = authorities_.find(id);
  if (it == authorities_.end()) return std::optional<Authority>();
  return it->second;
}

absl::StatusOr<std::vector<Authority>> InMemoryDirectoryStore::ListAuthorities(const std::string& parent_id,
                                                                               const std::string& after_id,
                                                                               int limit) {
  std::vector<Authority> out;
  for (auto it = authorities_.upper_bound(after_id); it != authorities_.end(); ++it) {
    if (static_cast<int>(out.size()) >= limit) break;
    if (!parent_id.empty() && it->second.parent_id != parent_id) continue;
    out.push_back(it->second);
  }
  return out;
}

absl::Status InMemoryDirectoryStore::InsertAuthority(const Authority& authority) {
  if (!authorities_.emplace(authority.id, authority).second) return Duplicate("authority", authority.id);
  ++tree_version_;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> InMemoryDirectoryStore::AuthoritySubtree(const std::string& id) {
  std::vector<std::string> out;
  if (!authorities_.contains(id)) return out;
  std::set<std::string> seen{id};
  std::deque<std::string> queue{id};
  while (!queue.empty()) {
    std::string current = queue.front();
    queue.pop_front();
    out.push_back(current);
    for (const auto& [child_id, child] : authorities_) {
      if (child.parent_id == current && seen.insert(child_id).second) queue.push_back(child_id);
    }
  }
  return out;
}

// ---- schools ----

std::string InMemoryDirectoryStore::AuthorityOn(const std::string& school_id, Date as_of) const {
  auto it = memberships_.find(school_id);
  if (it == memberships_.end()) return "";
  for (const auto& [from, membership] : it->second) {
    if (Covers(membership, as_of)) return membership.authority_id;
  }
  return "";
}

absl::StatusOr<std::optional<School>> InMemoryDirectoryStore::FindSchool(const std::string& id, Date as_of) {
  auto it = schools_.find(id);
  if (it == schools_.end()) return std::optional<School>();
  School school = it->second.school;
  school.authority_id = AuthorityOn(id, as_of);
  return school;
}

absl::StatusOr<std::vector<School>> InMemoryDirectoryStore::ListSchools(
    const std::vector<std::string>& authority_ids, Date as_of, const std::string& folded_query,
    const std::string& after_id, int limit) {
  std::vector<School> out;
  if (authority_ids.empty()) return out;
  for (auto it = schools_.upper_bound(after_id); it != schools_.end(); ++it) {
    if (static_cast<int>(out.size()) >= limit) break;
    std::string authority = AuthorityOn(it->first, as_of);
    if (authority.empty() ||
        std::find(authority_ids.begin(), authority_ids.end(), authority) == authority_ids.end()) {
      continue;
    }
    if (!absl::StrContains(it->second.search_text, folded_query)) continue;
    School school = it->second.school;
    school.authority_id = authority;
    out.push_back(std::move(school));
  }
  return out;
}

absl::Status InMemoryDirectoryStore::InsertSchool(const School& school, const std::string& search_text,
                                                  Date from) {
  if (schools_.contains(school.id)) return Duplicate("school", school.id);
  auto& history = memberships_[school.id];
  if (history.contains(from)) return Duplicate("school membership", school.id);
  StoredSchool stored{school, search_text};
  stored.school.authority_id.clear();
  stored.school.create_time = Millis(school.create_time);
  schools_.emplace(school.id, std::move(stored));
  history.emplace(from, Membership{school.authority_id, from, {}, "Thành lập / khởi tạo"});
  ++tree_version_;
  return absl::OkStatus();
}

absl::Status InMemoryDirectoryStore::LockSchool(const std::string&) { return absl::OkStatus(); }

absl::Status InMemoryDirectoryStore::UpdateSchool(const School& school, const std::string& search_text) {
  auto it = schools_.find(school.id);
  if (it == schools_.end()) return absl::OkStatus();  // UPDATE of no rows
  School& stored = it->second.school;
  stored.code = school.code;
  stored.display_name = school.display_name;
  stored.level = school.level;
  stored.address = school.address;
  it->second.search_text = search_text;
  ++tree_version_;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Membership>> InMemoryDirectoryStore::Memberships(const std::string& school_id) {
  std::vector<Membership> out;
  auto it = memberships_.find(school_id);
  if (it == memberships_.end()) return out;
  for (const auto& [from, membership] : it->second) out.push_back(membership);
  return out;
}

absl::Status InMemoryDirectoryStore::AddMembership(const std::string& school_id, const Membership& next,
                                                   Date expected_open_from) {
  ++add_membership_count_;
  auto& history = memberships_[school_id];
  Date current;
  for (const auto& [from, membership] : history) {
    if (!membership.effective_until.IsSet()) {
      current = from;
      break;
    }
  }
  if (current != expected_open_from) {
    return absl::AbortedError("Trường vừa được chuyển bởi thao tác khác; hãy thử lại (concurrent move)");
  }
  if (history.contains(next.effective_from)) return Duplicate("school membership", school_id);
  for (auto& [from, membership] : history) {
    if (!membership.effective_until.IsSet()) membership.effective_until = next.effective_from;
  }
  history.emplace(next.effective_from, Membership{next.authority_id, next.effective_from, {}, next.reason});
  ++tree_version_;
  return absl::OkStatus();
}

// ---- accounts ----

absl::StatusOr<std::optional<Account>> InMemoryDirectoryStore::FindAccount(const std::string& id) {
  auto it = accounts_.find(id);
  if (it == accounts_.end()) return std::optional<Account>();
  return it->second;
}

absl::StatusOr<std::vector<Account>> InMemoryDirectoryStore::ListAccounts(const std::string& school_id,
                                                                          const std::string& authority_id,
                                                                          const std::string& after_id,
                                                                          int limit) {
  // Empty ids are stored as NULL, which no "= ?" matches.
  const std::string& wanted = school_id.empty() ? authority_id : school_id;
  std::vector<Account> out;
  if (wanted.empty()) return out;
  for (auto it = accounts_.upper_bound(after_id); it != accounts_.end(); ++it) {
    if (static_cast<int>(out.size()) >= limit) break;
    const std::string& have = school_id.empty() ? it->second.authority_id : it->second.school_id;
    if (have == wanted) out.push_back(it->second);
  }
  return out;
}

absl::Status InMemoryDirectoryStore::InsertAccount(const Account& account) {
  Account stored = account;
  stored.create_time = Millis(account.create_time);
  if (!accounts_.emplace(account.id, std::move(stored)).second) return Duplicate("account", account.id);
  return absl::OkStatus();
}

absl::StatusOr<int64_t> InMemoryDirectoryStore::CountAccounts() {
  return static_cast<int64_t>(accounts_.size());
}

// ---- API keys ----

absl::Status InMemoryDirectoryStore::InsertApiKey(const ApiKey& key, const std::string& secret_hash) {
  KeyId id{key.account_id, key.key_id};
  if (keys_.contains(id)) return Duplicate("api key", key.key_id);
  for (const auto& [other_id, other] : keys_) {
    if (other.secret_hash == secret_hash) return Duplicate("api key secret", key.key_id);
  }
  // The INSERT sets neither last_used_time nor revoke_time.
  ApiKey stored{key.account_id, key.key_id, key.display_name, key.prefix, Millis(key.create_time), {}, {}};
  keys_.emplace(id, StoredKey{std::move(stored), secret_hash, next_sequence_++});
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ApiKey>> InMemoryDirectoryStore::ListApiKeys(const std::string& account_id) {
  std::vector<const StoredKey*> found;
  for (const auto& [id, stored] : keys_) {
    if (id.first == account_id) found.push_back(&stored);
  }
  std::sort(found.begin(), found.end(), [](const StoredKey* a, const StoredKey* b) {
    if (a->key.create_time != b->key.create_time) return a->key.create_time < b->key.create_time;
    return a->sequence < b->sequence;
  });
  std::vector<ApiKey> out;
  for (const StoredKey* stored : found) out.push_back(stored->key);
  return out;
}

absl::StatusOr<std::optional<ApiKey>> InMemoryDirectoryStore::FindApiKey(const std::string& account_id,
                                                                         const std::string& key_id) {
  auto it = keys_.find(KeyId{account_id, key_id});
  if (it == keys_.end()) return std::optional<ApiKey>();
  return it->second.key;
}

absl::Status InMemoryDirectoryStore::RevokeApiKey(const std::string& account_id, const std::string& key_id,
                                                  absl::Time when) {
  auto it = keys_.find(KeyId{account_id, key_id});
  if (it != keys_.end() && !it->second.key.revoke_time) it->second.key.revoke_time = Millis(when);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<ApiKey>> InMemoryDirectoryStore::FindApiKeyByHash(
    const std::string& secret_hash) {
  for (const auto& [id, stored] : keys_) {
    if (stored.secret_hash == secret_hash) return std::optional<ApiKey>(stored.key);
  }
  return std::optional<ApiKey>();
}

absl::Status InMemoryDirectoryStore::TouchApiKey(const std::string& account_id, const std::string& key_id,
                                                 absl::Time when) {
  ++touch_count_;
  auto it = keys_.find(KeyId{account_id, key_id});
  if (it != keys_.end()) it->second.key.last_used_time = Millis(when);
  return absl::OkStatus();
}

// ---- for tests ----

std::optional<std::string> InMemoryDirectoryStore::search_text(const std::string& school_id) const {
  auto it = schools_.find(school_id);
  if (it == schools_.end()) return std::nullopt;
  return it->second.search_text;
}

std::optional<std::string> InMemoryDirectoryStore::secret_hash(const std::string& account_id,
                                                               const std::string& key_id) const {
  auto it = keys_.find(KeyId{account_id, key_id});
  if (it == keys_.end()) return std::nullopt;
  return it->second.secret_hash;
}

}  // namespace parhub::directory::testing
