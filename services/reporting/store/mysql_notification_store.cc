// The notification outbox and its deliveries on MySQL/MariaDB (see
// mysql_notification_store.h).
#include "services/reporting/store/mysql_notification_store.h"

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/db/sql_values.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Date;
using ::parhub::platform::DateFromSql;
using ::parhub::platform::DateOrNull;
using ::parhub::platform::EnumFromSql;
using ::parhub::platform::EnumSql;
using ::parhub::platform::Int;
using ::parhub::platform::IntFromSql;
using ::parhub::platform::Row;
using ::parhub::platform::SqlDateColumn;
using ::parhub::platform::SqlTimeColumn;
using ::parhub::platform::SqlValue;
using ::parhub::platform::Str;
using ::parhub::platform::TimeFromSql;
using ::parhub::platform::TimeToSql;

constexpr int kMaxDays = 100000;

std::string Columns() {
  return absl::StrCat("id, school_id, authority_id, school_display_name, kind, subject, ",
                      SqlDateColumn("due_date"), ", title, working_days_left, ", SqlDateColumn("occurred_on"),
                      ", directive, ", SqlTimeColumn("create_time"));
}

absl::StatusOr<Notification> Read(const Row& row) {
  Notification n;
  int i = 0;
  ASSIGN_OR_RETURN(n.id, platform::IntFromSql(row, i++));
  n.school_id = row.Str(i++);
  n.authority_id = row.Str(i++);
  n.school_display_name = row.Str(i++);
  ASSIGN_OR_RETURN(n.kind, EnumFromSql(row, i++, static_cast<NotificationKind>(kLastNotificationKind)));
  n.subject = row.Str(i++);
  ASSIGN_OR_RETURN(n.due_date, DateFromSql(row, i++));
  if (n.due_date.year == 1) n.due_date = Date{};  // stored for "none" (see Record)
  n.title = row.Str(i++);
  ASSIGN_OR_RETURN(n.working_days_left, IntFromSql(row, i++, -kMaxDays, kMaxDays));
  ASSIGN_OR_RETURN(n.occurred_on, DateFromSql(row, i++));
  n.directive = row.Str(i++);
  ASSIGN_OR_RETURN(n.create_time, TimeFromSql(row, i++));
  return n;
}

absl::StatusOr<std::vector<Notification>> ReadAll(const std::vector<Row>& rows) {
  std::vector<Notification> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Notification n, Read(row));
    out.push_back(std::move(n));
  }
  return out;
}

void AddKinds(const std::vector<NotificationKind>& kinds, std::string& sql, std::vector<SqlValue>& params) {
  platform::AddInList(kinds, "kind", sql, params);
}

}  // namespace

absl::StatusOr<int> MySqlNotificationStore::Record(const std::vector<Notification>& notifications) {
  int added = 0;
  for (const Notification& n : notifications) {
    // No due date is stored as 0001-01-01 so the unique key holds (NULLs
    // never collide in MySQL).
    ASSIGN_OR_RETURN(
        int64_t rows,
        db_.Execute("INSERT IGNORE INTO notifications (school_id, authority_id, school_display_name, "
                    "kind, subject, due_date, title, working_days_left, occurred_on, directive, "
                    "create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    {Str(n.school_id), Str(n.authority_id), Str(n.school_display_name), EnumSql(n.kind),
                     Str(n.subject), n.due_date.IsSet() ? DateOrNull(n.due_date) : Str("0001-01-01"),
                     Str(n.title), Int(n.working_days_left), DateOrNull(n.occurred_on), Str(n.directive),
                     TimeToSql(n.create_time)}));
    added += static_cast<int>(rows);
  }
  return added;
}

absl::StatusOr<std::vector<Notification>> MySqlNotificationStore::List(const std::string& school_id,
                                                                       const NotificationFilter& filter,
                                                                       int64_t after, int limit) {
  std::string sql = absl::StrCat("SELECT ", Columns(), " FROM notifications WHERE school_id = ?");
  std::vector<SqlValue> params{Str(school_id)};
  if (after > 0) {
    sql += " AND id < ?";
    params.push_back(Int(after));
  }
  if (filter.occurred_after.IsSet()) {
    sql += " AND occurred_on >= ?";
    params.push_back(DateOrNull(filter.occurred_after));
  }
  if (filter.occurred_before.IsSet()) {
    sql += " AND occurred_on <= ?";
    params.push_back(DateOrNull(filter.occurred_before));
  }
  AddKinds(filter.kinds, sql, params);
  sql += " ORDER BY id DESC LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  return ReadAll(rows);
}

absl::StatusOr<std::vector<Notification>> MySqlNotificationStore::OfDay(const DigestScope& scope, Date day) {
  std::string sql = absl::StrCat("SELECT ", Columns(), " FROM notifications WHERE ");
  std::vector<SqlValue> params;
  if (!scope.school_id.empty()) {
    sql += "school_id = ?";
    params.push_back(Str(scope.school_id));
  } else {
    sql += "authority_id = ?";
    params.push_back(Str(scope.authority_id));
  }
  sql += " AND occurred_on = ?";
  params.push_back(DateOrNull(day));
  AddKinds(scope.kinds, sql, params);
  sql += " ORDER BY kind, due_date, school_display_name, id LIMIT 5000";
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  return ReadAll(rows);
}

absl::StatusOr<bool> MySqlNotificationStore::ClaimDelivery(const std::string& account_id, Date day,
                                                           const std::string& email, absl::Time now,
                                                           absl::Duration stale_after) {
  ASSIGN_OR_RETURN(
      int64_t inserted,
      db_.Execute("INSERT IGNORE INTO notification_deliveries (account_id, digest_date, email, state, "
                  "attempts, last_error, claim_time) VALUES (?, ?, ?, 'sending', 1, '', ?)",
                  {Str(account_id), DateOrNull(day), Str(email), TimeToSql(now)}));
  if (inserted == 1) return true;
  // Someone had it: take it over only when it failed or its run vanished.
  ASSIGN_OR_RETURN(
      int64_t taken,
      db_.Execute(
          "UPDATE notification_deliveries SET state = 'sending', email = ?, attempts = "
          "attempts + 1, claim_time = ? WHERE account_id = ? AND digest_date = ? AND (state = "
          "'failed' OR (state = 'sending' AND claim_time < ?))",
          {Str(email), TimeToSql(now), Str(account_id), DateOrNull(day), TimeToSql(now - stale_after)}));
  return taken == 1;
}

absl::Status MySqlNotificationStore::FinishDelivery(const std::string& account_id, Date day,
                                                    const std::string& error, absl::Time now) {
  return db_
      .Execute(
          "UPDATE notification_deliveries SET state = ?, last_error = ?, finish_time = ? WHERE account_id = "
          "? "
          "AND digest_date = ?",
          {Str(error.empty() ? "sent" : "failed"), Str(platform::Utf8Prefix(error, 500)), TimeToSql(now),
           Str(account_id), DateOrNull(day)})
      .status();
}

}  // namespace parhub::reporting
