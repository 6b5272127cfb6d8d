// MySQL/MariaDB access over Connector/C++ 1.1: a bounded connection pool
// that replaces broken connections, prepared statements only, per-statement
// timeouts and transactions. A transaction is "ambient" on its thread: every
// Query/Execute on the same Db inside InTransaction's callback joins it, so
// store code needs no connection plumbing and nested InTransaction calls join
// the outer one.
#ifndef PARHUB_PLATFORM_DB_DB_H_
#define PARHUB_PLATFORM_DB_DB_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace parhub::platform {

struct DbConfig final {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string socket;  // when set, used instead of host/port
  std::string user;
  std::string password;
  std::string database;
  int pool_size = 8;
  absl::Duration acquire_timeout = absl::Seconds(2);
  absl::Duration connect_timeout = absl::Seconds(3);
  absl::Duration statement_timeout = absl::Seconds(10);
  // A transaction idle this long between statements (its client gone
  // behind a network fault, a process frozen) is ended by the server, which
  // frees its row locks. MariaDB's idle_transaction_timeout; MySQL has no
  // such setting and keeps the locks until the session dies (wait_timeout).
  absl::Duration idle_transaction_timeout = absl::Seconds(30);
  // Prepared statements kept per connection, by SQL text, so a statement is
  // prepared on the server once per connection instead of once per call
  // (Connector/C++ prepares on every prepareStatement). When full, the
  // least recently used text is closed to make room. 0 disables.
  int statement_cache = 256;
};

// A bound parameter: NULL, integer, text (also dates and datetimes) or real.
using SqlValue = std::variant<std::nullptr_t, int64_t, std::string, double>;

// One result row, values as text (NULL as nullopt).
class Row final {
 public:
  explicit Row(std::vector<std::optional<std::string>> values) : values_(std::move(values)) {}
  bool IsNull(int i) const { return !values_.at(i).has_value(); }
  // Text of column i ("" for NULL). Numbers, dates and times are read
  // through platform/db/sql_values.h, which reports bad text as an error.
  const std::string& Str(int i) const;
  size_t size() const { return values_.size(); }

 private:
  std::vector<std::optional<std::string>> values_;
};

struct PoolStats final {
  int open = 0;    // connections open
  int in_use = 0;  // connections lent out
  int max = 0;
};

class Db final {
 public:
  // Creates the pool; connections are opened lazily, so a server that is
  // down now makes calls fail with UNAVAILABLE until it is back.
  explicit Db(DbConfig config);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs a SELECT; `sql` uses '?' placeholders bound from `params`.
  absl::StatusOr<std::vector<Row>> Query(absl::string_view sql, const std::vector<SqlValue>& params = {});
  // Runs INSERT/UPDATE/DELETE/DDL; returns affected rows.
  absl::StatusOr<int64_t> Execute(absl::string_view sql, const std::vector<SqlValue>& params = {});

  // Runs `fn` in a transaction on one connection: commits when it returns OK,
  // rolls back otherwise. A deadlock is retried up to twice, then ABORTED.
  // Inside, nested calls join this transaction.
  absl::Status InTransaction(const std::function<absl::Status()>& fn);
  template <typename T>
  absl::StatusOr<T> InTransaction(const std::function<absl::StatusOr<T>()>& fn) {
    std::optional<T> result;
    absl::Status status = InTransaction([&]() -> absl::Status {
      absl::StatusOr<T> r = fn();
      if (!r.ok()) return r.status();
      result = *std::move(r);
      return absl::OkStatus();
    });
    if (!status.ok()) return status;
    return *std::move(result);
  }

  // Runs `fn` inside the ambient transaction (InTransaction on this thread)
  // as a unit that may fail alone: when `fn` fails, what it wrote is rolled
  // back to where it began and the transaction carries on. When the
  // transaction itself is gone meanwhile (deadlock victim, broken
  // connection, a rollback that failed), `transaction_lost` is set and the
  // caller must give the transaction up. FAILED_PRECONDITION outside one.
  struct SavepointResult final {
    absl::Status status;  // fn's
    bool transaction_lost = false;
  };
  SavepointResult InSavepoint(const std::function<absl::Status()>& fn);

  // Runs `fn` with one connection pinned to this thread in autocommit mode
  // (for session state such as named locks).
  absl::Status WithSession(const std::function<absl::Status()>& fn);

  // Checks that the server answers.
  absl::Status Ping();

  PoolStats Stats() const;
  // Called whenever pool usage changes (for metrics).
  void SetStatsListener(std::function<void(const PoolStats&)> listener);

  const DbConfig& config() const { return config_; }

 private:
  // A pooled connection and the statements prepared on it.
  struct Connection;
  absl::StatusOr<std::unique_ptr<Connection>> Connect();
  absl::StatusOr<Connection*> Acquire();
  void Release(Connection* conn, bool broken);
  // The statement for `text` on `conn`: cached, or prepared now and owned by
  // `owned` when the cache is off or full.
  sql::PreparedStatement* Prepare(Connection* conn, const std::string& text,
                                  std::unique_ptr<sql::PreparedStatement>& owned);
  void NotifyStats();
  absl::Status RunPinned(bool transaction, const std::function<absl::Status()>& fn);
  template <typename T>
  absl::StatusOr<T> RunStatement(const std::function<T(Connection*)>& body, bool retry_broken);

  DbConfig config_;
  mutable std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::pair<Connection*, absl::Time>> idle_;  // with last use
  int open_ = 0;
  int in_use_ = 0;
  std::function<void(const PoolStats&)> listener_;
};

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_DB_DB_H_
