// Connection pool, statements and transactions over Connector/C++ 1.1.
#include "platform/db/db.h"

#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <list>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/log.h"
#include "platform/core/status_macros.h"

namespace parhub::platform {
namespace {

// The connection a thread has pinned (transaction or session), per Db.
struct Pinned {
  const Db* db = nullptr;
  void* conn = nullptr;  // Db::Connection*
  bool broken = false;
  bool transaction = false;
  int savepoints = 0;  // InSavepoint depth, for unique names
};
thread_local Pinned pinned;

// Registers the thread with the client library once, and unregisters it at exit.
struct ThreadRegistration {
  ThreadRegistration() { sql::mysql::get_mysql_driver_instance()->threadInit(); }
  ~ThreadRegistration() { sql::mysql::get_mysql_driver_instance()->threadEnd(); }
};

void EnsureThreadRegistered() { thread_local ThreadRegistration registration; }

bool IsConnectionError(int code) {
  // CR_CONNECTION_ERROR, CR_CONN_HOST_ERROR, CR_SERVER_GONE_ERROR,
  // CR_SERVER_LOST, CR_SERVER_LOST_EXTENDED, ER_CONNECTION_KILLED, shutdown.
  return code == 2002 || code == 2003 || code == 2006 || code == 2013 || code == 2055 || code == 1927 ||
         code == 1053 || code == 4031 || code == 0;
}

absl::Status FromSqlException(const sql::SQLException& e) {
  int code = e.getErrorCode();
  std::string what = absl::StrCat("mysql error ", code, " (", e.getSQLStateCStr(), "): ", e.what());
  if (IsConnectionError(code)) {
    return absl::UnavailableError(
        absl::StrCat("Cơ sở dữ liệu tạm thời không truy cập được "
                     "(database unavailable): ",
                     what));
  }
  switch (code) {
    case 1062:
      return absl::AlreadyExistsError(what);
    case 1213:
    case 1205:
      return absl::AbortedError(absl::StrCat("Xung đột đồng thời, hãy thử lại (concurrent update): ", what));
    case 1969:  // MariaDB max_statement_time
    case 3024:  // MySQL max_execution_time
      return absl::DeadlineExceededError(what);
    case 1406:
      LogWarning("value too long for its column", {{"error", what}});
      return absl::InvalidArgumentError("Dữ liệu quá dài (a value is longer than allowed)");
    default:
      return absl::InternalError(what);
  }
}

void Bind(sql::PreparedStatement* stmt, const std::vector<SqlValue>& params) {
  for (size_t i = 0; i < params.size(); ++i) {
    unsigned int index = static_cast<unsigned int>(i + 1);
    const SqlValue& v = params[i];
    if (std::holds_alternative<std::nullptr_t>(v)) {
      stmt->setNull(index, sql::DataType::VARCHAR);
    } else if (auto* n = std::get_if<int64_t>(&v)) {
      stmt->setInt64(index, *n);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      stmt->setString(index, sql::SQLString(s->data(), s->size()));
    } else {
      stmt->setDouble(index, std::get<double>(v));
    }
  }
}

}  // namespace

struct Db::Connection {
  // Statements are destroyed before the connection they were prepared on.
  ~Connection() {
    statements.clear();
    recent.clear();
    session.reset();
  }
  struct Cached {
    std::unique_ptr<sql::PreparedStatement> statement;
    std::list<std::string>::iterator use;  // its place in `recent`
  };
  std::unique_ptr<sql::Connection> session;
  absl::flat_hash_map<std::string, Cached> statements;
  std::list<std::string> recent;  // SQL texts, most recently used first
};

const std::string& Row::Str(int i) const {
  static const std::string kEmpty;
  const auto& v = values_.at(i);
  return v ? *v : kEmpty;
}

Db::Db(DbConfig config) : config_(std::move(config)) {}

Db::~Db() {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [conn, when] : idle_) delete conn;
  idle_.clear();
}

absl::StatusOr<std::unique_ptr<Db::Connection>> Db::Connect() {
  EnsureThreadRegistered();
  sql::ConnectOptionsMap options;
  if (!config_.socket.empty()) {
    options["hostName"] = sql::SQLString("localhost");
    options["socket"] = sql::SQLString(config_.socket);
  } else {
    options["hostName"] = sql::SQLString(config_.host);
    options["port"] = config_.port;
  }
  options["userName"] = sql::SQLString(config_.user);
  options["password"] = sql::SQLString(config_.password);
  if (!config_.database.empty()) options["schema"] = sql::SQLString(config_.database);
  int connect_s = std::max<int>(1, absl::ToInt64Seconds(config_.connect_timeout));
  int statement_s = std::max<int>(1, absl::ToInt64Seconds(config_.statement_timeout));
  options["OPT_CONNECT_TIMEOUT"] = connect_s;
  options["OPT_READ_TIMEOUT"] = statement_s;
  options["OPT_WRITE_TIMEOUT"] = statement_s;
  options["OPT_RECONNECT"] = false;
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  try {
    auto conn = std::make_unique<Connection>();
    conn->session.reset(sql::mysql::get_mysql_driver_instance()->connect(options));
    std::unique_ptr<sql::Statement> stmt(conn->session->createStatement());
    stmt->execute("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
    stmt->execute("SET SESSION time_zone = '+00:00'");
    stmt->execute(
        "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
        "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
    // A server-side bound on every statement: MariaDB and MySQL spell it differently.
    try {
      stmt->execute(absl::StrCat("SET SESSION max_statement_time = ", statement_s));
    } catch (const sql::SQLException&) {
      stmt->execute(absl::StrCat("SET SESSION max_execution_time = ", statement_s * 1000));
    }
    try {
      stmt->execute(
          absl::StrCat("SET SESSION idle_transaction_timeout = ",
                       std::max<int64_t>(1, absl::ToInt64Seconds(config_.idle_transaction_timeout))));
    } catch (const sql::SQLException&) {
      // MySQL: no such variable (see DbConfig).
    }
    return conn;
  } catch (const sql::SQLException& e) {
    return FromSqlException(e);
  }
}

absl::StatusOr<Db::Connection*> Db::Acquire() {
  EnsureThreadRegistered();
  absl::Time deadline = absl::Now() + config_.acquire_timeout;
  while (true) {
    Connection* candidate = nullptr;
    absl::Time last_use;
    bool may_open = false;
    {
      std::unique_lock<std::mutex> lock(mu_);
      while (idle_.empty() && open_ >= config_.pool_size) {
        absl::Duration left = deadline - absl::Now();
        if (left <= absl::ZeroDuration()) {
          return absl::UnavailableError(
              absl::StrCat("Hết kết nối cơ sở dữ liệu (database pool exhausted: ", open_, " in use)"));
        }
        available_.wait_for(lock, absl::ToChronoMicroseconds(left));
      }
      if (!idle_.empty()) {
        std::tie(candidate, last_use) = idle_.back();
        idle_.pop_back();
      } else {
        ++open_;
        may_open = true;
      }
      ++in_use_;
    }
    NotifyStats();
    if (may_open) {
      auto conn = Connect();
      if (!conn.ok()) {
        Release(nullptr, true);
        return conn.status();
      }
      return conn->release();
    }
    // A connection idle for a while may have been cut (server restart,
    // wait_timeout): check it before lending it out.
    if (absl::Now() - last_use < absl::Seconds(2)) return candidate;
    bool valid = false;
    try {
      valid = candidate->session->isValid();
    } catch (const sql::SQLException&) {
    }
    if (valid) return candidate;
    Release(candidate, true);  // replace it and try again
  }
}

void Db::Release(Connection* conn, bool broken) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    --in_use_;
    if (broken) {
      --open_;
    } else {
      idle_.emplace_back(conn, absl::Now());
    }
  }
  if (broken) delete conn;
  available_.notify_one();
  NotifyStats();
}

PoolStats Db::Stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return PoolStats{open_, in_use_, config_.pool_size};
}

void Db::SetStatsListener(std::function<void(const PoolStats&)> listener) {
  std::lock_guard<std::mutex> lock(mu_);
  listener_ = std::move(listener);
}

void Db::NotifyStats() {
  std::function<void(const PoolStats&)> listener;
  PoolStats stats;
  {
    std::lock_guard<std::mutex> lock(mu_);
    listener = listener_;
    stats = PoolStats{open_, in_use_, config_.pool_size};
  }
  if (listener) listener(stats);
}

template <typename T>
absl::StatusOr<T> Db::RunStatement(const std::function<T(Connection*)>& body, bool retry_broken) {
  if (pinned.db == this) {
    try {
      return body(static_cast<Connection*>(pinned.conn));
    } catch (const sql::SQLException& e) {
      if (IsConnectionError(e.getErrorCode())) pinned.broken = true;
      return FromSqlException(e);
    } catch (const std::exception& e) {
      pinned.broken = true;
      return absl::InternalError(absl::StrCat("statement failed: ", e.what()));
    }
  }
  for (int attempt = 0;; ++attempt) {
    ASSIGN_OR_RETURN(Connection * conn, Acquire());
    try {
      T result = body(conn);
      Release(conn, false);
      return result;
    } catch (const sql::SQLException& e) {
      bool broken = IsConnectionError(e.getErrorCode());
      Release(conn, broken);
      if (broken && retry_broken && attempt == 0) continue;
      return FromSqlException(e);
    } catch (const std::exception& e) {
      Release(conn, true);  // state unknown: do not lend it out again
      return absl::InternalError(absl::StrCat("statement failed: ", e.what()));
    }
  }
}

absl::StatusOr<std::vector<Row>> Db::Query(absl::string_view sql_text, const std::vector<SqlValue>& params) {
  std::string text(sql_text);
  return RunStatement<std::vector<Row>>(
      [&](Connection* conn) {
        std::unique_ptr<sql::PreparedStatement> owned;
        sql::PreparedStatement* stmt = Prepare(conn, text, owned);
        Bind(stmt, params);
        std::unique_ptr<sql::ResultSet> rs(stmt->executeQuery());
        int columns = static_cast<int>(rs->getMetaData()->getColumnCount());
        std::vector<Row> rows;
        while (rs->next()) {
          std::vector<std::optional<std::string>> values;
          values.reserve(columns);
          for (int c = 1; c <= columns; ++c) {
            if (rs->isNull(c)) {
              values.emplace_back(std::nullopt);
            } else {
              values.emplace_back(std::string(rs->getString(c)));
            }
          }
          rows.emplace_back(std::move(values));
        }
        return rows;
      },
      /*retry_broken=*/true);  // reads are safe to repeat on a fresh connection
}

absl::StatusOr<int64_t> Db::Execute(absl::string_view sql_text, const std::vector<SqlValue>& params) {
  std::string text(sql_text);
  return RunStatement<int64_t>(
      [&](Connection* conn) -> int64_t {
        std::unique_ptr<sql::PreparedStatement> owned;
        sql::PreparedStatement* stmt = Prepare(conn, text, owned);
        Bind(stmt, params);
        return stmt->executeUpdate();
      },
      /*retry_broken=*/false);  // a write may have happened before the cut
}

sql::PreparedStatement* Db::Prepare(Connection* conn, const std::string& text,
                                    std::unique_ptr<sql::PreparedStatement>& owned) {
  auto it = conn->statements.find(text);
  if (it != conn->statements.end()) {
    conn->recent.splice(conn->recent.begin(), conn->recent, it->second.use);
    return it->second.statement.get();
  }
  std::unique_ptr<sql::PreparedStatement> fresh(conn->session->prepareStatement(text));
  if (config_.statement_cache <= 0) {
    owned = std::move(fresh);  // cache off: this call owns it
    return owned.get();
  }
  // Full: the least recently used text gives its place (its server-side
  // statement is closed), so one-off texts cannot crowd out hot ones.
  if (static_cast<int>(conn->statements.size()) >= config_.statement_cache) {
    conn->statements.erase(conn->recent.back());
    conn->recent.pop_back();
  }
  sql::PreparedStatement* raw = fresh.get();
  conn->recent.push_front(text);
  conn->statements.emplace(text, Connection::Cached{std::move(fresh), conn->recent.begin()});
  return raw;
}

absl::Status Db::RunPinned(bool transaction, const std::function<absl::Status()>& fn) {
  if (pinned.db == this) return fn();  // join the outer transaction/session
  ASSIGN_OR_RETURN(Connection * pooled, Acquire());
  sql::Connection* conn = pooled->session.get();
  pinned = Pinned{this, pooled, false, transaction, 0};
  absl::Status status;
  try {
    if (transaction) conn->setAutoCommit(false);
    status = fn();
    if (transaction && pinned.broken && status.ok()) {
      // The connection died under a body that went on as if nothing had
      // happened: nothing can be committed, so the caller must not hear OK.
      status = absl::UnavailableError(
          "Mất kết nối cơ sở dữ liệu trước khi ghi xong (connection lost before commit)");
    }
    if (transaction && !pinned.broken) {
      if (status.ok()) {
        conn->commit();
      } else {
        conn->rollback();
      }
      conn->setAutoCommit(true);
    }
  } catch (const sql::SQLException& e) {
    if (IsConnectionError(e.getErrorCode())) pinned.broken = true;
    status = FromSqlException(e);
    if (!pinned.broken) {
      try {
        conn->rollback();
        conn->setAutoCommit(true);
      } catch (const sql::SQLException&) {
        pinned.broken = true;
      }
    }
  } catch (const std::exception& e) {
    // Not the database's doing (e.g. bad_alloc): drop the connection, which
    // rolls the transaction back, and unpin the thread below.
    pinned.broken = true;
    status = absl::InternalError(absl::StrCat("transaction failed: ", e.what()));
  }
  bool broken = pinned.broken;
  pinned = Pinned{};
  Release(pooled, broken);
  return status;
}

absl::Status Db::InTransaction(const std::function<absl::Status()>& fn) {
  if (pinned.db == this) return fn();
  for (int attempt = 0;; ++attempt) {
    absl::Status status = RunPinned(true, fn);
    if (absl::IsAborted(status) && attempt < 2 &&
        status.message().find("mysql error 1213") != absl::string_view::npos) {
      continue;  // deadlock victim: the whole transaction is safe to rerun
    }
    return status;
  }
}

Db::SavepointResult Db::InSavepoint(const std::function<absl::Status()>& fn) {
  if (pinned.db != this || !pinned.transaction) {
    return {absl::FailedPreconditionError("InSavepoint needs the thread's transaction (InTransaction)"),
            false};
  }
  sql::Connection* conn = static_cast<Connection*>(pinned.conn)->session.get();
  const std::string name = absl::StrCat("parhub_unit_", ++pinned.savepoints);
  std::unique_ptr<sql::Savepoint> savepoint;
  try {
    savepoint.reset(conn->setSavepoint(name));
  } catch (const sql::SQLException& e) {
    --pinned.savepoints;
    if (IsConnectionError(e.getErrorCode())) pinned.broken = true;
    return {FromSqlException(e), true};
  }
  absl::Status status = fn();
  --pinned.savepoints;
  // A deadlock victim's whole transaction is already rolled back (its
  // savepoints with it); a broken connection has none left.
  if (pinned.broken || (absl::IsAborted(status) && absl::StrContains(status.message(), "mysql error 1213"))) {
    if (status.ok()) {
      status = absl::UnavailableError(
          "Mất kết nối cơ sở dữ liệu trước khi ghi xong (connection lost before commit)");
    }
    return {status, true};
  }
  try {
    if (status.ok()) {
      conn->releaseSavepoint(savepoint.get());
    } else {
      conn->rollback(savepoint.get());
    }
  } catch (const sql::SQLException& e) {
    if (IsConnectionError(e.getErrorCode())) pinned.broken = true;
    return {status.ok() ? FromSqlException(e) : status, true};
  }
  return {status, false};
}

absl::Status Db::WithSession(const std::function<absl::Status()>& fn) { return RunPinned(false, fn); }

absl::Status Db::Ping() {
  auto rows = Query("SELECT 1");
  return rows.status();
}

}  // namespace parhub::platform
