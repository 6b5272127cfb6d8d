// SQL for the directory. Prepared statements only.
#include "services/directory/store/mysql_directory_store.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "platform/sql_values.h"
#include "platform/status_macros.h"

namespace parhub::directory {
namespace {

using platform::DateOrNull;
using platform::DateFromSql;
using platform::Row;
using platform::SqlValue;
using platform::TimeFromSql;
using platform::TimeToSql;

constexpr char kAuthorityColumns[] =
    "authority_id, code, display_name, COALESCE(parent_id, ''), kind, valid_from, valid_until";

Authority AuthorityFromRow(const Row& r) {
  return Authority{r.Str(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), DateFromSql(r, 5), DateFromSql(r, 6)};
}

// School columns with the authority of the membership covering ? (a date).
constexpr char kSchoolSelect[] =
    "SELECT s.school_id, s.code, s.display_name, s.level, s.address, COALESCE(m.authority_id, ''),"
    " s.create_time FROM schools s LEFT JOIN school_memberships m ON m.school_id = s.school_id"
    " AND m.effective_from <= ? AND (m.effective_until IS NULL OR m.effective_until > ?)";

School SchoolFromRow(const Row& r) {
  return School{r.Str(0), r.Str(1), r.Str(2), static_cast<SchoolLevel>(r.Int(3)), r.Str(4), r.Str(5),
                TimeFromSql(r, 6)};
}

constexpr char kAccountColumns[] =
    "account_id, display_name, email, role, COALESCE(school_id, ''), COALESCE(authority_id, ''), create_time";

Account AccountFromRow(const Row& r) {
  return Account{r.Str(0), r.Str(1), r.Str(2), static_cast<platform::Role>(r.Int(3)), r.Str(4), r.Str(5),
                 TimeFromSql(r, 6)};
}

constexpr char kKeyColumns[] =
    "account_id, key_id, display_name, prefix, create_time, last_used_time, revoke_time";

ApiKey KeyFromRow(const Row& r) {
  ApiKey key{r.Str(0), r.Str(1), r.Str(2), r.Str(3), TimeFromSql(r, 4), {}, {}};
  if (!r.IsNull(5)) key.last_used_time = TimeFromSql(r, 5);
  if (!r.IsNull(6)) key.revoke_time = TimeFromSql(r, 6);
  return key;
}

SqlValue NullIfEmpty(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

}  // namespace

absl::StatusOr<std::optional<Authority>> MySqlDirectoryStore::FindAuthority(const std::string& id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", kAuthorityColumns,
                                                     " FROM authorities WHERE authority_id = ?"), {id}));
  if (rows.empty()) return std::optional<Authority>();
  return AuthorityFromRow(rows[0]);
}

absl::StatusOr<std::vector<Authority>> MySqlDirectoryStore::ListAuthorities(const std::string& parent_id,
                                                                            const std::string& after_id,
                                                                            int limit) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT ", kAuthorityColumns,
                                          " FROM authorities WHERE (? = '' OR parent_id = ?)"
                                          " AND authority_id > ? ORDER BY authority_id LIMIT ?"),
                             {parent_id, parent_id, after_id, int64_t{limit}}));
  std::vector<Authority> out;
  for (const Row& r : rows) out.push_back(AuthorityFromRow(r));
  return out;
}

absl::Status MySqlDirectoryStore::InsertAuthority(const Authority& a) {
  return db_.Execute("INSERT INTO authorities (authority_id, code, display_name, parent_id, kind,"
                     " valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     {a.id, a.code, a.display_name, NullIfEmpty(a.parent_id), a.kind,
                      DateOrNull(a.valid_from), DateOrNull(a.valid_until)})
      .status();
}

absl::StatusOr<std::vector<std::string>> MySqlDirectoryStore::AuthoritySubtree(const std::string& id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(
      "WITH RECURSIVE subtree AS ("
      " SELECT authority_id FROM authorities WHERE authority_id = ?"
      " UNION ALL SELECT a.authority_id FROM authorities a JOIN subtree t ON a.parent_id = t.authority_id)"
      " SELECT authority_id FROM subtree", {id}));
  std::vector<std::string> out;
  for (const Row& r : rows) out.push_back(r.Str(0));
  return out;
}

absl::StatusOr<std::optional<School>> MySqlDirectoryStore::FindSchool(const std::string& id, Date as_of) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat(kSchoolSelect, " WHERE s.school_id = ?"),
                                        {as_of.ToIso(), as_of.ToIso(), id}));
  if (rows.empty()) return std::optional<School>();
  return SchoolFromRow(rows[0]);
}

absl::StatusOr<std::vector<School>> MySqlDirectoryStore::ListSchools(const std::vector<std::string>& authority_ids,
                                                                     Date as_of, const std::string& folded_query,
                                                                     const std::string& after_id, int limit) {
  if (authority_ids.empty()) return std::vector<School>{};
  std::vector<SqlValue> params{as_of.ToIso(), as_of.ToIso()};
  std::vector<std::string> marks;
  for (const std::string& id : authority_ids) {
    params.push_back(id);
    marks.push_back("?");
  }
  // The query is text to find, not a pattern: escape LIKE's wildcards.
  params.push_back(absl::StrCat("%", absl::StrReplaceAll(folded_query, {{"\\", "\\\\"}, {"%", "\\%"}, {"_", "\\_"}}), "%"));
  params.push_back(after_id);
  params.push_back(int64_t{limit});
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat(kSchoolSelect, " WHERE m.authority_id IN (",
                                                     absl::StrJoin(marks, ","), ") AND s.search_text LIKE ?"
                                                     " AND s.school_id > ? ORDER BY s.school_id LIMIT ?"),
                                        params));
  std::vector<School> out;
  for (const Row& r : rows) out.push_back(SchoolFromRow(r));
  return out;
}

absl::Status MySqlDirectoryStore::InsertSchool(const School& s, const std::string& search_text, Date from) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(db_.Execute("INSERT INTO schools (school_id, code, display_name, level, address,"
                                " search_text, create_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                {s.id, s.code, s.display_name, int64_t{static_cast<int>(s.level)}, s.address,
                                 search_text, TimeToSql(s.create_time)})
                        .status());
    return db_.Execute("INSERT INTO school_memberships (school_id, effective_from, authority_id, reason)"
                       " VALUES (?, ?, ?, ?)",
                       {s.id, from.ToIso(), s.authority_id, std::string("Thành lập / khởi tạo")})
        .status();
  });
}

absl::Status MySqlDirectoryStore::LockSchool(const std::string& id) {
  return db_.Query("SELECT school_id FROM schools WHERE school_id = ? FOR UPDATE", {id}).status();
}

absl::Status MySqlDirectoryStore::UpdateSchool(const School& s, const std::string& search_text) {
  return db_.Execute("UPDATE schools SET code = ?, display_name = ?, level = ?, address = ?, search_text = ?"
                     " WHERE school_id = ?",
                     {s.code, s.display_name, int64_t{static_cast<int>(s.level)}, s.address, search_text, s.id})
      .status();
}

absl::StatusOr<std::vector<Membership>> MySqlDirectoryStore::Memberships(const std::string& school_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT authority_id, effective_from, effective_until, reason"
                                        " FROM school_memberships WHERE school_id = ? ORDER BY effective_from",
                                        {school_id}));
  std::vector<Membership> out;
  for (const Row& r : rows) out.push_back({r.Str(0), DateFromSql(r, 1), DateFromSql(r, 2), r.Str(3)});
  return out;
}

absl::Status MySqlDirectoryStore::AddMembership(const std::string& school_id, const Membership& next,
                                                Date expected_open_from) {
  return db_.InTransaction([&]() -> absl::Status {
    // Lock the school's history, then confirm it is still what the domain
    // checked: two moves must not interleave.
    ASSIGN_OR_RETURN(auto open, db_.Query("SELECT effective_from FROM school_memberships WHERE school_id = ?"
                                          " AND effective_until IS NULL FOR UPDATE",
                                          {school_id}));
    Date current = open.empty() ? Date{} : DateFromSql(open[0], 0);
    if (current != expected_open_from) {
      return absl::AbortedError("Trường vừa được chuyển bởi thao tác khác; hãy thử lại (concurrent move)");
    }
    RETURN_IF_ERROR(db_.Execute("UPDATE school_memberships SET effective_until = ?"
                                " WHERE school_id = ? AND effective_until IS NULL",
                                {next.effective_from.ToIso(), school_id})
                        .status());
    return db_.Execute("INSERT INTO school_memberships (school_id, effective_from, authority_id, reason)"
                       " VALUES (?, ?, ?, ?)",
                       {school_id, next.effective_from.ToIso(), next.authority_id, next.reason})
        .status();
  });
}

absl::StatusOr<std::optional<Account>> MySqlDirectoryStore::FindAccount(const std::string& id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", kAccountColumns,
                                                     " FROM accounts WHERE account_id = ?"), {id}));
  if (rows.empty()) return std::optional<Account>();
  return AccountFromRow(rows[0]);
}

absl::StatusOr<std::vector<Account>> MySqlDirectoryStore::ListAccounts(const std::string& school_id,
                                                                       const std::string& authority_id,
                                                                       const std::string& after_id, int limit) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", kAccountColumns, " FROM accounts WHERE ",
                                                     school_id.empty() ? "authority_id = ?" : "school_id = ?",
                                                     " AND account_id > ? ORDER BY account_id LIMIT ?"),
                                        {school_id.empty() ? authority_id : school_id, after_id, int64_t{limit}}));
  std::vector<Account> out;
  for (const Row& r : rows) out.push_back(AccountFromRow(r));
  return out;
}

absl::Status MySqlDirectoryStore::InsertAccount(const Account& a) {
  return db_.Execute("INSERT INTO accounts (account_id, display_name, email, role, school_id, authority_id,"
                     " create_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     {a.id, a.display_name, a.email, int64_t{static_cast<int>(a.role)}, NullIfEmpty(a.school_id),
                      NullIfEmpty(a.authority_id), TimeToSql(a.create_time)})
      .status();
}

absl::StatusOr<int64_t> MySqlDirectoryStore::CountAccounts() {
  ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT COUNT(*) FROM accounts"));
  return rows[0].Int(0);
}

absl::Status MySqlDirectoryStore::InsertApiKey(const ApiKey& k, const std::string& secret_hash) {
  return db_.Execute("INSERT INTO api_keys (account_id, key_id, display_name, prefix, secret_hash, create_time)"
                     " VALUES (?, ?, ?, ?, ?, ?)",
                     {k.account_id, k.key_id, k.display_name, k.prefix, secret_hash, TimeToSql(k.create_time)})
      .status();
}

absl::StatusOr<std::vector<ApiKey>> MySqlDirectoryStore::ListApiKeys(const std::string& account_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", kKeyColumns,
                                                     " FROM api_keys WHERE account_id = ? ORDER BY create_time"),
                                        {account_id}));
  std::vector<ApiKey> out;
  for (const Row& r : rows) out.push_back(KeyFromRow(r));
  return out;
}

absl::StatusOr<std::optional<ApiKey>> MySqlDirectoryStore::FindApiKey(const std::string& account_id,
                                                                      const std::string& key_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", kKeyColumns,
                                                     " FROM api_keys WHERE account_id = ? AND key_id = ?"),
                                        {account_id, key_id}));
  if (rows.empty()) return std::optional<ApiKey>();
  return KeyFromRow(rows[0]);
}

absl::Status MySqlDirectoryStore::RevokeApiKey(const std::string& account_id, const std::string& key_id,
                                               absl::Time when) {
  return db_.Execute("UPDATE api_keys SET revoke_time = ? WHERE account_id = ? AND key_id = ?"
                     " AND revoke_time IS NULL",
                     {TimeToSql(when), account_id, key_id})
      .status();
}

absl::StatusOr<std::optional<ApiKey>> MySqlDirectoryStore::FindApiKeyByHash(const std::string& secret_hash) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", kKeyColumns,
                                                     " FROM api_keys WHERE secret_hash = ?"), {secret_hash}));
  if (rows.empty()) return std::optional<ApiKey>();
  return KeyFromRow(rows[0]);
}

absl::Status MySqlDirectoryStore::TouchApiKey(const std::string& account_id, const std::string& key_id,
                                              absl::Time when) {
  return db_.Execute("UPDATE api_keys SET last_used_time = ? WHERE account_id = ? AND key_id = ?",
                     {TimeToSql(when), account_id, key_id})
      .status();
}

}  // namespace parhub::directory
