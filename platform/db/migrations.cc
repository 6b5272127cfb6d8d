// Applies embedded migrations under GET_LOCK.
#include "platform/db/migrations.h"

#include <signal.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "platform/core/log.h"
#include "platform/core/status_macros.h"
#include "platform/db/db.h"
#include "platform/db/idempotency.h"
#include "platform/db/sql_values.h"

namespace parhub::platform {
namespace {

// Columns the platform tables gained after they first shipped; added to a
// schema created by an older binary (portable to MySQL 8, which has no
// ADD COLUMN IF NOT EXISTS).
absl::Status UpgradePlatformTables(Db& db) {
  ASSIGN_OR_RETURN(auto has_trace,
                   db.Query("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() "
                            "AND table_name = 'audit_log' AND column_name = 'trace_id'"));
  if (has_trace.empty()) return absl::InternalError("information_schema answered no row");
  ASSIGN_OR_RETURN(int64_t trace_columns, IntFromSql(has_trace[0], 0));
  if (trace_columns == 0) {
    RETURN_IF_ERROR(
        db.Execute(
              "ALTER TABLE audit_log ADD COLUMN trace_id VARCHAR(64) NOT NULL DEFAULT '' AFTER request_id")
            .status());
  }
  // The index KeyRetention deletes old keys by (kept from 2026-12-04).
  ASSIGN_OR_RETURN(
      auto has_created_index,
      db.Query("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() "
               "AND table_name = 'idempotency_keys' AND index_name = 'idempotency_keys_created'"));
  if (has_created_index.empty()) return absl::InternalError("information_schema answered no row");
  ASSIGN_OR_RETURN(int64_t created_indexes, IntFromSql(has_created_index[0], 0));
  if (created_indexes == 0) {
    RETURN_IF_ERROR(
        db.Execute("ALTER TABLE idempotency_keys ADD KEY idempotency_keys_created (created_at)").status());
  }
  return absl::OkStatus();
}

std::vector<std::string> SplitStatements(absl::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || absl::StartsWith(trimmed, "--")) continue;
    absl::StrAppend(&current, line, "\n");
    if (absl::EndsWith(trimmed, ";")) {
      current.erase(current.find_last_of(';'));
      out.push_back(current);
      current.clear();
    }
  }
  if (!absl::StripAsciiWhitespace(current).empty()) out.push_back(current);
  return out;
}

absl::Status ApplyLocked(Db& db, absl::string_view service, const std::vector<Migration>& migrations) {
  RETURN_IF_ERROR(db.Execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                             " number INT NOT NULL PRIMARY KEY,"
                             " name VARCHAR(200) NOT NULL,"
                             " applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                             ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4")
                      .status());
  for (const std::string& statement : SplitStatements(kPlatformTablesSql)) {
    RETURN_IF_ERROR(db.Execute(statement).status());
  }
  RETURN_IF_ERROR(UpgradePlatformTables(db));
  ASSIGN_OR_RETURN(auto rows, db.Query("SELECT COALESCE(MAX(number), 0) FROM schema_migrations"));
  int64_t current = 0;
  if (!rows.empty()) {
    ASSIGN_OR_RETURN(current, IntFromSql(rows[0], 0));
  }
  int previous = 0;
  for (const Migration& m : migrations) {
    if (m.number <= previous) {
      return absl::InternalError(absl::StrCat("migration numbers not increasing at ", m.name));
    }
    previous = m.number;
  }
  if (!migrations.empty() && current > migrations.back().number) {
    LogWarning("database schema is newer than this binary",
               {{"service", std::string(service)}, {"db_version", absl::StrCat(current)}});
  }
  for (const Migration& m : migrations) {
    if (m.number <= current) continue;
    LogInfo("applying migration", {{"migration", m.name}});
    for (const std::string& statement : SplitStatements(m.statements)) {
      auto applied = db.Execute(statement);
      if (!applied.ok()) {
        return absl::Status(applied.status().code(),
                            absl::StrCat("migration ", m.name, " failed: ", applied.status().message()));
      }
    }
    RETURN_IF_ERROR(db.Execute("INSERT INTO schema_migrations (number, name) VALUES (?, ?)",
                               {int64_t{m.number}, std::string(m.name)})
                        .status());
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplyMigrations(Db& db, absl::string_view service, const std::vector<Migration>& migrations) {
  std::string lock = absl::StrCat("parhub.migrate.", db.config().database);
  return db.WithSession([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto got, db.Query("SELECT GET_LOCK(?, 60)", {lock}));
    // GET_LOCK answers 1 (taken), 0 (timed out) or NULL (error).
    bool taken = !got.empty() && !got[0].IsNull(0) && IntFromSql(got[0], 0).value_or(0) == 1;
    if (!taken) {
      return absl::UnavailableError("could not take the migration lock within 60 s");
    }
    absl::Status status = ApplyLocked(db, service, migrations);
    (void)db.Query("SELECT RELEASE_LOCK(?)", {lock});
    return status;
  });
}

absl::Status PrepareDatabase(Db& db, absl::string_view service, const std::vector<Migration>& migrations) {
  absl::Duration delay = absl::Milliseconds(500);
  for (int attempt = 1;; ++attempt) {
    absl::Status status = ApplyMigrations(db, service, migrations);
    if (status.ok()) {
      LogInfo("database ready", {{"attempt", absl::StrCat(attempt)}});
      return status;
    }
    if (!absl::IsUnavailable(status)) return status;
    LogWarning("database not reachable yet; retrying", {{"attempt", absl::StrCat(attempt)},
                                                        {"error", std::string(status.message())},
                                                        {"retry_in", absl::FormatDuration(delay)}});
    sigset_t shutdown;
    sigemptyset(&shutdown);
    sigaddset(&shutdown, SIGTERM);
    sigaddset(&shutdown, SIGINT);
    timespec timeout = absl::ToTimespec(delay);
    if (sigtimedwait(&shutdown, nullptr, &timeout) > 0) {
      return absl::CancelledError("shutdown requested before the database was reachable");
    }
    delay = std::min(delay * 2, absl::Seconds(15));
  }
}

}  // namespace parhub::platform
