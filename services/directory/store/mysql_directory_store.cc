// SQL for the directory. Prepared statements only; values are written and
// read through platform/db/sql_values.h.
#include "services/directory/store/mysql_directory_store.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "platform/core/status_macros.h"
#include "platform/db/sql_values.h"

namespace parhub::directory {
namespace {

using platform::DateFromSql;
using platform::DateOrNull;
using platform::EnumFromSql;
using platform::IntFromSql;
using platform::NullableTimeFromSql;
using platform::Row;
using platform::SqlDateColumn;
using platform::SqlTimeColumn;
using platform::SqlValue;
using platform::TimeFromSql;

// The directory's times are DATETIME(3): written cut to milliseconds, so
// what is read back is what was written on MariaDB and MySQL alike.
std::string StoredTime(absl::Time t) {
  return platform::TimeToSql(absl::FromUnixMillis(absl::ToUnixMillis(t)));
}

template <typename T>
absl::StatusOr<std::vector<T>> ReadAll(const std::vector<Row>& rows, absl::StatusOr<T> (*read)(const Row&)) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    ASSIGN_OR_RETURN(T value, read(r));
    out.push_back(std::move(value));
  }
  return out;
}

const std::string& AuthorityColumns() {
  static const auto* const kColumns =
      new std::string(absl::StrCat("authority_id, code, display_name, COALESCE(parent_id, ''), kind, ",
                                   SqlDateColumn("valid_from"), ", ", SqlDateColumn("valid_until")));
  return *kColumns;
}

absl::StatusOr<Authority> AuthorityFromRow(const Row& r) {
  Authority a{r.Str(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), {}, {}};
  ASSIGN_OR_RETURN(a.valid_from, DateFromSql(r, 5));
  ASSIGN_OR_RETURN(a.valid_until, DateFromSql(r, 6));
  return a;
}

// School columns with the authority of the membership covering ? (a date).
const std::string& SchoolSelect() {
  static const auto* const kSelect = new std::string(absl::StrCat(
      "SELECT s.school_id, s.code, s.display_name, s.level, s.address, COALESCE(m.authority_id, ''), ",
      SqlTimeColumn("s.create_time"),
      " FROM schools s LEFT JOIN school_memberships m ON m.school_id = s.school_id"
      " AND m.effective_from <= ? AND (m.effective_until IS NULL OR m.effective_until > ?)"));
  return *kSelect;
}

absl::StatusOr<School> SchoolFromRow(const Row& r) {
  School s{r.Str(0), r.Str(1), r.Str(2), SchoolLevel::kUnspecified, r.Str(4), r.Str(5), {}};
  ASSIGN_OR_RETURN(s.level, EnumFromSql(r, 3, SchoolLevel::kUpperSecondary));
  ASSIGN_OR_RETURN(s.create_time, TimeFromSql(r, 6));
  return s;
}

const std::string& AccountColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "account_id, display_name, email, role, COALESCE(school_id, ''), COALESCE(authority_id, ''), ",
      SqlTimeColumn("create_time")));
  return *kColumns;
}

absl::StatusOr<Account> AccountFromRow(const Row& r) {
  Account a{r.Str(0), r.Str(1), r.Str(2), Role::kUnspecified, r.Str(4), r.Str(5), {}};
  ASSIGN_OR_RETURN(a.role, EnumFromSql(r, 3, Role::kService));
  ASSIGN_OR_RETURN(a.create_time, TimeFromSql(r, 6));
  return a;
}

const std::string& KeyColumns() {
  static const auto* const kColumns = new std::string(
      absl::StrCat("account_id, key_id, display_name, prefix, ", SqlTimeColumn("create_time"), ", ",
                   SqlTimeColumn("last_used_time"), ", ", SqlTimeColumn("revoke_time")));
  return *kColumns;
}

absl::StatusOr<ApiKey> KeyFromRow(const Row& r) {
  ApiKey key{r.Str(0), r.Str(1), r.Str(2), r.Str(3), {}, {}, {}};
  ASSIGN_OR_RETURN(key.create_time, TimeFromSql(r, 4));
  ASSIGN_OR_RETURN(key.last_used_time, NullableTimeFromSql(r, 5));
  ASSIGN_OR_RETURN(key.revoke_time, NullableTimeFromSql(r, 6));
  return key;
}

absl::StatusOr<Membership> MembershipFromRow(const Row& r) {
  Membership m{r.Str(0), {}, {}, r.Str(3)};
  ASSIGN_OR_RETURN(m.effective_from, DateFromSql(r, 1));
  ASSIGN_OR_RETURN(m.effective_until, DateFromSql(r, 2));
  return m;
}

SqlValue NullIfEmpty(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

}  // namespace

absl::StatusOr<std::optional<Authority>> MySqlDirectoryStore::FindAuthority(const std::string& id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", AuthorityColumns(),
                                                     " FROM authorities WHERE authority_id = ?"),
                                        {id}));
  if (rows.empty()) return std::optional<Authority>();
  return AuthorityFromRow(rows[0]);
}

absl::StatusOr<std::vector<Authority>> MySqlDirectoryStore::ListAuthorities(const std::string& parent_id,
                                                                            const std::string& after_id,
                                                                            int limit) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", AuthorityColumns(),
                                                     " FROM authorities WHERE (? = '' OR parent_id = ?)"
                                                     " AND authority_id > ? ORDER BY authority_id LIMIT ?"),
                                        {parent_id, parent_id, after_id, int64_t{limit}}));
  return ReadAll(rows, &AuthorityFromRow);
}

absl::StatusOr<int64_t> MySqlDirectoryStore::TreeVersion() {
  ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT version FROM tree_version WHERE id = 1"));
  if (rows.empty()) return absl::InternalError("tree_version has no row (migration 002 not applied?)");
  return IntFromSql(rows[0], 0);
}

absl::Status MySqlDirectoryStore::MoveTreeVersionOn() {
  return db_.Execute("UPDATE tree_version SET version = version + 1 WHERE id = 1").status();
}

absl::Status MySqlDirectoryStore::InsertAuthority(const Authority& a) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(db_.Execute("INSERT INTO authorities (authority_id, code, display_name, parent_id, kind,"
                                " valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                {a.id, a.code, a.display_name, NullIfEmpty(a.parent_id), a.kind,
                                 DateOrNull(a.valid_from), DateOrNull(a.valid_until)})
                        .status());
    return MoveTreeVersionOn();
  });
}

absl::StatusOr<std::vector<std::string>> MySqlDirectoryStore::AuthoritySubtree(const std::string& id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query("WITH RECURSIVE subtree AS ("
                                        " SELECT authority_id FROM authorities WHERE authority_id = ?"
                                        " UNION ALL SELECT a.authority_id FROM authorities a JOIN subtree t "
                                        "ON a.parent_id = t.authority_id)"
                                        " SELECT authority_id FROM subtree",
                                        {id}));
  std::vector<std::string> out;
  for (const Row& r : rows) out.push_back(r.Str(0));
  return out;
}

absl::StatusOr<std::optional<School>> MySqlDirectoryStore::FindSchool(const std::string& id, Date as_of) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat(SchoolSelect(), " WHERE s.school_id = ?"),
                                        {as_of.ToIso(), as_of.ToIso(), id}));
  if (rows.empty()) return std::optional<School>();
  return SchoolFromRow(rows[0]);
}

absl::StatusOr<std::vector<School>> MySqlDirectoryStore::ListSchools(
    const std::vector<std::string>& authority_ids, Date as_of, const std::string& folded_query,
    const std::string& after_id, int limit) {
  if (authority_ids.empty()) return std::vector<School>{};
  std::vector<SqlValue> params{as_of.ToIso(), as_of.ToIso()};
  std::vector<std::string> marks;
  for (const std::string& id : authority_ids) {
    params.push_back(id);
    marks.push_back("?");
  }
  // The query is text to find, not a pattern: escape LIKE's wildcards.
  params.push_back(absl::StrCat(
      "%", absl::StrReplaceAll(folded_query, {{"\\", "\\\\"}, {"%", "\\%"}, {"_", "\\_"}}), "%"));
  params.push_back(after_id);
  params.push_back(int64_t{limit});
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat(SchoolSelect(), " WHERE m.authority_id IN (",
                                                     absl::StrJoin(marks, ","),
                                                     ") AND s.search_text LIKE ?"
                                                     " AND s.school_id > ? ORDER BY s.school_id LIMIT ?"),
                                        params));
  return ReadAll(rows, &SchoolFromRow);
}

absl::Status MySqlDirectoryStore::InsertSchool(const School& s, const std::string& search_text, Date from) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(db_.Execute("INSERT INTO schools (school_id, code, display_name, level, address,"
                                " search_text, create_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                {s.id, s.code, s.display_name, int64_t{static_cast<int>(s.level)}, s.address,
                                 search_text, StoredTime(s.create_time)})
                        .status());
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO school_memberships (school_id, effective_from, authority_id, reason)"
                    " VALUES (?, ?, ?, ?)",
                    {s.id, from.ToIso(), s.authority_id, std::string("Thành lập / khởi tạo")})
            .status());
    return MoveTreeVersionOn();
  });
}

absl::Status MySqlDirectoryStore::LockSchool(const std::string& id) {
  return db_.Query("SELECT school_id FROM schools WHERE school_id = ? FOR UPDATE", {id}).status();
}

absl::Status MySqlDirectoryStore::UpdateSchool(const School& s, const std::string& search_text) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(
        db_.Execute(
               "UPDATE schools SET code = ?, display_name = ?, level = ?, address = ?, search_text = ?"
               " WHERE school_id = ?",
               {s.code, s.display_name, int64_t{static_cast<int>(s.level)}, s.address, search_text, s.id})
            .status());
    return MoveTreeVersionOn();
  });
}

absl::StatusOr<std::vector<Membership>> MySqlDirectoryStore::Memberships(const std::string& school_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT authority_id, ", SqlDateColumn("effective_from"),
                                                     ", ", SqlDateColumn("effective_until"),
                                                     ", reason"
                                                     " FROM school_memberships WHERE school_id = ?"
                                                     " ORDER BY effective_from"),
                                        {school_id}));
  return ReadAll(rows, &MembershipFromRow);
}

absl::Status MySqlDirectoryStore::AddMembership(const std::string& school_id, const Membership& next,
                                                Date expected_open_from) {
  return db_.InTransaction([&]() -> absl::Status {
    // Lock the school's history, then confirm it is still what the domain
    // checked: two moves must not interleave.
    ASSIGN_OR_RETURN(auto open, db_.Query(absl::StrCat("SELECT ", SqlDateColumn("effective_from"),
                                                       " FROM school_memberships WHERE school_id = ?"
                                                       " AND effective_until IS NULL FOR UPDATE"),
                                          {school_id}));
    Date current;
    if (!open.empty()) {
      ASSIGN_OR_RETURN(current, DateFromSql(open[0], 0));
    }
    if (current != expected_open_from) {
      return absl::AbortedError("Trường vừa được chuyển bởi thao tác khác; hãy thử lại (concurrent move)");
    }
    RETURN_IF_ERROR(db_.Execute("UPDATE school_memberships SET effective_until = ?"
                                " WHERE school_id = ? AND effective_until IS NULL",
                                {next.effective_from.ToIso(), school_id})
                        .status());
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO school_memberships (school_id, effective_from, authority_id, reason)"
                    " VALUES (?, ?, ?, ?)",
                    {school_id, next.effective_from.ToIso(), next.authority_id, next.reason})
            .status());
    return MoveTreeVersionOn();
  });
}

absl::StatusOr<std::optional<Account>> MySqlDirectoryStore::FindAccount(const std::string& id) {
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(absl::StrCat("SELECT ", AccountColumns(), " FROM accounts WHERE account_id = ?"), {id}));
  if (rows.empty()) return std::optional<Account>();
  return AccountFromRow(rows[0]);
}

absl::StatusOr<std::vector<Account>> MySqlDirectoryStore::ListAccounts(const std::string& school_id,
                                                                       const std::string& authority_id,
                                                                       const std::string& after_id,
                                                                       int limit) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT ", AccountColumns(), " FROM accounts WHERE ",
                                          school_id.empty() ? "authority_id = ?" : "school_id = ?",
                                          " AND account_id > ? ORDER BY account_id LIMIT ?"),
                             {school_id.empty() ? authority_id : school_id, after_id, int64_t{limit}}));
  return ReadAll(rows, &AccountFromRow);
}

absl::Status MySqlDirectoryStore::InsertAccount(const Account& a) {
  return db_
      .Execute(
          "INSERT INTO accounts (account_id, display_name, email, role, school_id, authority_id,"
          " create_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {a.id, a.display_name, a.email, int64_t{static_cast<int>(a.role)}, NullIfEmpty(a.school_id),
           NullIfEmpty(a.authority_id), StoredTime(a.create_time)})
      .status();
}

absl::StatusOr<int64_t> MySqlDirectoryStore::CountAccounts() {
  ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT COUNT(*) FROM accounts"));
  return IntFromSql(rows.at(0), 0);
}

absl::Status MySqlDirectoryStore::InsertApiKey(const ApiKey& k, const std::string& secret_hash) {
  return db_
      .Execute(
          "INSERT INTO api_keys (account_id, key_id, display_name, prefix, secret_hash, create_time)"
          " VALUES (?, ?, ?, ?, ?, ?)",
          {k.account_id, k.key_id, k.display_name, k.prefix, secret_hash, StoredTime(k.create_time)})
      .status();
}

absl::StatusOr<std::vector<ApiKey>> MySqlDirectoryStore::ListApiKeys(const std::string& account_id) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT ", KeyColumns(),
                                          " FROM api_keys WHERE account_id = ? ORDER BY create_time"),
                             {account_id}));
  return ReadAll(rows, &KeyFromRow);
}

absl::StatusOr<std::optional<ApiKey>> MySqlDirectoryStore::FindApiKey(const std::string& account_id,
                                                                      const std::string& key_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", KeyColumns(),
                                                     " FROM api_keys WHERE account_id = ? AND key_id = ?"),
                                        {account_id, key_id}));
  if (rows.empty()) return std::optional<ApiKey>();
  return KeyFromRow(rows[0]);
}

absl::Status MySqlDirectoryStore::RevokeApiKey(const std::string& account_id, const std::string& key_id,
                                               absl::Time when) {
  return db_
      .Execute(
          "UPDATE api_keys SET revoke_time = ? WHERE account_id = ? AND key_id = ?"
          " AND revoke_time IS NULL",
          {StoredTime(when), account_id, key_id})
      .status();
}

absl::StatusOr<std::optional<ApiKey>> MySqlDirectoryStore::FindApiKeyByHash(const std::string& secret_hash) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT ", KeyColumns(), " FROM api_keys WHERE secret_hash = ?"),
                             {secret_hash}));
  if (rows.empty()) return std::optional<ApiKey>();
  return KeyFromRow(rows[0]);
}

absl::Status MySqlDirectoryStore::TouchApiKey(const std::string& account_id, const std::string& key_id,
                                              absl::Time when) {
  return db_
      .Execute("UPDATE api_keys SET last_used_time = ? WHERE account_id = ? AND key_id = ?",
               {StoredTime(when), account_id, key_id})
      .status();
}

}  // namespace parhub::directory
