// Integration tests of the MySQL layer against a real MariaDB/MySQL server:
// statements, transactions, migrations, the idempotency ledger and the pool.
#include "platform/db/db.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "platform/core/status_macros.h"
#include "platform/db/idempotency.h"
#include "platform/db/key_retention.h"
#include "platform/db/migrations.h"
#include "platform/db/sql_values.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsOk;
using ::parhub::testing::StatusIs;

const std::vector<Migration>& TestMigrations() {
  static const auto* const kMigrations = new std::vector<Migration>{
      {1, "001_notes",
       "CREATE TABLE notes (school_id VARCHAR(40) NOT NULL, id INT NOT NULL,\n"
       " body TEXT NOT NULL, PRIMARY KEY (school_id, id)) DEFAULT CHARSET=utf8mb4;\n"},
      {2, "002_counter",
       "CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL);\n"
       "INSERT INTO counter VALUES (1, 0);\n"},
  };
  return *kMigrations;
}

class DbTest : public ::testing::Test {
 protected:
  DbTest() : database_("platform"), db_(database_.config()) {}
  void SetUp() override { ASSERT_OK(ApplyMigrations(db_, "test", TestMigrations())); }

  ::parhub::testing::TestDatabase database_;
  Db db_;
};

TEST_F(DbTest, VietnameseTextRoundTripsThroughPreparedStatements) {
  std::string body = "Nguyễn Văn Đức — 'quote' \"double\" ; DROP TABLE notes; --";
  ASSERT_OK(
      db_.Execute("INSERT INTO notes VALUES (?, ?, ?)", {std::string("mn-2010"), int64_t{1}, body}).status());
  ASSERT_OK_AND_ASSIGN(auto rows,
                       db_.Query("SELECT body FROM notes WHERE school_id = ?", {std::string("mn-2010")}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].Str(0), body);
}

TEST_F(DbTest, MigrationsAreAppliedOnceAndRecorded) {
  ASSERT_OK(ApplyMigrations(db_, "test", TestMigrations()));  // second run: nothing to do
  ASSERT_OK_AND_ASSIGN(auto rows, db_.Query("SELECT COUNT(*), MAX(number) FROM schema_migrations"));
  EXPECT_EQ(*IntFromSql(rows[0], 0), 2);
  EXPECT_EQ(*IntFromSql(rows[0], 1), 2);
  ASSERT_OK_AND_ASSIGN(auto counter, db_.Query("SELECT COUNT(*) FROM counter"));
  EXPECT_EQ(*IntFromSql(counter[0], 0), 1);  // the INSERT of migration 2 ran once
}

TEST_F(DbTest, FailedTransactionChangesNothing) {
  absl::Status status = db_.InTransaction([&]() -> absl::Status {
    auto inserted = db_.Execute("INSERT INTO notes VALUES ('s', 1, 'x')");
    if (!inserted.ok()) return inserted.status();
    return absl::FailedPreconditionError("business rule says no");
  });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kFailedPrecondition));
  ASSERT_OK_AND_ASSIGN(auto rows, db_.Query("SELECT COUNT(*) FROM notes"));
  EXPECT_EQ(*IntFromSql(rows[0], 0), 0);
}

TEST_F(DbTest, DuplicateKeyIsAlreadyExists) {
  ASSERT_OK(db_.Execute("INSERT INTO notes VALUES ('s', 1, 'x')").status());
  EXPECT_THAT(db_.Execute("INSERT INTO notes VALUES ('s', 1, 'y')"),
              StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(DbTest, LedgerReplaysRetriesRejectsReuseAndForgetsFailures) {
  IdempotencyLedger ledger(db_);
  int runs = 0;
  auto create = [&]() -> absl::StatusOr<std::string> {
    ++runs;
    auto r = db_.Execute("UPDATE counter SET n = n + 1 WHERE id = 1");
    if (!r.ok()) return r.status();
    return std::string("response-1");
  };
  MutationRecord record{"mn-2010", "req-1", "Bump", "fp-a", "accounts/a", "counter/1", "trace-1"};
  EXPECT_THAT(ledger.Run(record, create), ::parhub::testing::IsOkAndHolds(std::string("response-1")));
  EXPECT_THAT(ledger.Run(record, create), ::parhub::testing::IsOkAndHolds(std::string("response-1")));
  EXPECT_EQ(runs, 1);

  MutationRecord different = record;
  different.fingerprint = "fp-b";
  EXPECT_THAT(ledger.Run(different, create), StatusIs(absl::StatusCode::kInvalidArgument));
  MutationRecord someone_else = record;  // same body, another caller: no replay
  someone_else.actor = "accounts/b";
  EXPECT_THAT(ledger.Run(someone_else, create), StatusIs(absl::StatusCode::kInvalidArgument));

  MutationRecord failing{"mn-2010", "req-2", "Bump", "fp-a", "accounts/a", "counter/1", "trace-1"};
  EXPECT_THAT(ledger.Run(failing,
                         [&]() -> absl::StatusOr<std::string> {
                           (void)db_.Execute("UPDATE counter SET n = n + 100 WHERE id = 1");
                           return absl::InvalidArgumentError("bad input");
                         }),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ledger.Run(failing, create), IsOk());  // not remembered: the fix goes through

  ASSERT_OK_AND_ASSIGN(auto rows, db_.Query("SELECT n FROM counter"));
  EXPECT_EQ(*IntFromSql(rows[0], 0), 2);
  ASSERT_OK_AND_ASSIGN(auto audit, db_.Query("SELECT COUNT(*) FROM audit_log WHERE scope = 'mn-2010'"));
  EXPECT_EQ(*IntFromSql(audit[0], 0), 2);
  EXPECT_THAT(ledger.Run(MutationRecord{"mn-2010", "", "Bump", "fp", "a", "t", "trace-1"}, create),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

// Keys older than the retention are forgotten (their audit rows stay): a
// request sent again after that runs as a new one; recent keys still replay.
TEST_F(DbTest, KeyRetentionForgetsOnlyKeysOlderThanItKeeps) {
  IdempotencyLedger ledger(db_);
  int runs = 0;
  auto bump = [&]() -> absl::StatusOr<std::string> {
    ++runs;
    RETURN_IF_ERROR(db_.Execute("UPDATE counter SET n = n + 1 WHERE id = 1").status());
    return std::string("bumped");
  };
  MutationRecord old_request{"th-a", "old", "Bump", "fp", "accounts/a", "counter/1", "t"};
  MutationRecord new_request{"th-a", "new", "Bump", "fp", "accounts/a", "counter/1", "t"};
  ASSERT_OK(ledger.Run(old_request, bump).status());
  ASSERT_OK(ledger.Run(new_request, bump).status());
  ASSERT_OK(db_.Execute("UPDATE idempotency_keys SET created_at = created_at - INTERVAL 31 DAY "
                        "WHERE scope = 'th-a' AND request_id = 'old'")
                .status());

  KeyRetention retention(ledger, absl::Hours(24 * 30), absl::ZeroDuration(), [] { return absl::Now(); });
  EXPECT_THAT(retention.RunOnce(), ::parhub::testing::IsOkAndHolds(1));
  EXPECT_THAT(retention.RunOnce(), ::parhub::testing::IsOkAndHolds(0));

  ASSERT_OK(ledger.Run(new_request, bump).status());  // still remembered: replayed
  EXPECT_EQ(runs, 2);
  ASSERT_OK(ledger.Run(old_request, bump).status());  // forgotten: runs again
  EXPECT_EQ(runs, 3);
  ASSERT_OK_AND_ASSIGN(auto audit, db_.Query("SELECT COUNT(*) FROM audit_log WHERE scope = 'th-a'"));
  EXPECT_EQ(*IntFromSql(audit[0], 0), 3);

  KeyRetention forever(ledger, absl::ZeroDuration(), absl::Hours(1), [] { return absl::Now(); });
  EXPECT_THAT(forever.RunOnce(), ::parhub::testing::IsOkAndHolds(0));
}

TEST_F(DbTest, ConcurrentRetriesOfOneRequestMutateOnce) {
  IdempotencyLedger ledger(db_);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      MutationRecord record{"mn-2010", "same-key", "Bump", "fp", "accounts/a", "counter/1", "trace-1"};
      auto result = ledger.Run(record, [&]() -> absl::StatusOr<std::string> {
        auto r = db_.Execute("UPDATE counter SET n = n + 1 WHERE id = 1");
        if (!r.ok()) return r.status();
        return std::string("done");
      });
      if (result.ok() && *result == "done") ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 6);
  ASSERT_OK_AND_ASSIGN(auto rows, db_.Query("SELECT n FROM counter"));
  EXPECT_EQ(*IntFromSql(rows[0], 0), 1);
}

TEST_F(DbTest, ConcurrentRequestsWithNeighbouringKeysDoNotDeadlock) {
  // Clients commonly number their request ids; neighbouring keys inserted
  // concurrently must not lock each other.
  IdempotencyLedger ledger(db_);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 15; ++i) {
        MutationRecord record{
            "mn-2010", "run-" + std::to_string(i * 8 + t), "Note", "fp", "accounts/a", "notes", "trace-1"};
        auto result = ledger.Run(record, [&]() -> absl::StatusOr<std::string> {
          auto r = db_.Execute("INSERT INTO notes VALUES ('mn-2010', ?, 'x')", {int64_t{i * 8 + t}});
          if (!r.ok()) return r.status();
          return std::string("ok");
        });
        if (!result.ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  ASSERT_OK_AND_ASSIGN(auto rows, db_.Query("SELECT COUNT(*) FROM notes"));
  EXPECT_EQ(*IntFromSql(rows[0], 0), 120);
}

TEST_F(DbTest, ExhaustedPoolAnswersUnavailable) {
  DbConfig config = database_.config();
  config.pool_size = 1;
  config.acquire_timeout = absl::Milliseconds(200);
  Db small(config);
  absl::Status inner;
  ASSERT_OK(small.InTransaction([&]() -> absl::Status {
    // The only connection is pinned here; another thread cannot get one.
    std::thread other([&] { inner = small.Query("SELECT 1").status(); });
    other.join();
    return absl::OkStatus();
  }));
  EXPECT_THAT(inner, StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_OK(small.Query("SELECT 1").status());
}

// A full statement cache closes its least recently used text for a new
// one, so a text used again and again is prepared once, not on every call
// (Com_stmt_prepare counts the server-side prepares of the session).
TEST_F(DbTest, AFullStatementCacheMakesRoomForTheTextInUse) {
  DbConfig config = database_.config();
  config.pool_size = 1;
  config.statement_cache = 3;
  Db small(config);
  constexpr char kPrepares[] = "SHOW SESSION STATUS LIKE 'Com_stmt_prepare'";
  auto prepares = [&]() -> int64_t {
    auto rows = small.Query(kPrepares);
    EXPECT_OK(rows.status());
    return rows.ok() && !rows->empty() ? std::stoll((*rows)[0].Str(1)) : -1;
  };
  ASSERT_GE(prepares(), 0);
  ASSERT_OK(small.Query("SELECT 1").status());
  ASSERT_OK(small.Query("SELECT 2").status());  // the cache is full: the SHOW, 1 and 2
  const int64_t before = prepares();
  for (int i = 0; i < 3; ++i) {
    ASSERT_OK_AND_ASSIGN(auto rows, small.Query("SELECT 3"));
    EXPECT_EQ(rows[0].Str(0), "3");
  }
  EXPECT_EQ(prepares() - before, 1);                          // "SELECT 3" once; "SELECT 1" made room
  ASSERT_OK_AND_ASSIGN(auto again, small.Query("SELECT 1"));  // prepared again, still right
  EXPECT_EQ(again[0].Str(0), "1");
}

// A transaction whose client stops talking is ended by the server (MariaDB's
// idle_transaction_timeout): its writes are rolled back and its locks freed,
// and the client's next statement fails instead of committing.
TEST_F(DbTest, AnIdleTransactionIsEndedByTheServer) {
  DbConfig config = database_.config();
  config.idle_transaction_timeout = absl::Seconds(1);
  Db impatient(config);
  ASSERT_OK_AND_ASSIGN(auto server, impatient.Query("SELECT VERSION()"));
  if (server[0].Str(0).find("MariaDB") == std::string::npos)
    GTEST_SKIP() << "MySQL has no idle_transaction_timeout";
  absl::Status idle = impatient.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(impatient.Execute("INSERT INTO notes VALUES ('idle', 1, 'left open')").status());
    absl::SleepFor(absl::Milliseconds(2500));  // the client "vanishes" for a while
    return impatient.Execute("INSERT INTO notes VALUES ('idle', 2, 'too late')").status();
  });
  EXPECT_THAT(idle, StatusIs(absl::StatusCode::kUnavailable));
  ASSERT_OK_AND_ASSIGN(auto rows, db_.Query("SELECT COUNT(*) FROM notes WHERE school_id = 'idle'"));
  EXPECT_EQ(rows[0].Str(0), "0");
}

TEST_F(DbTest, UnreachableServerIsUnavailable) {
  DbConfig config;
  config.host = "127.0.0.1";
  config.port = 1;  // nothing listens there
  config.user = "nobody";
  config.connect_timeout = absl::Seconds(1);
  Db nowhere(config);
  EXPECT_THAT(nowhere.Query("SELECT 1"), StatusIs(absl::StatusCode::kUnavailable));
}

}  // namespace
}  // namespace parhub::platform
