// Integration tests of group commit against a real MariaDB/MySQL server:
// savepoints, batching, a failing unit alone, one key twice in a batch,
// deadlines, shutdown, and a batch whose transaction is lost.
#include "platform/db/group_commit.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/db/db.h"
#include "platform/db/idempotency.h"
#include "platform/db/migrations.h"
#include "platform/db/sql_values.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsOk;
using ::parhub::testing::IsOkAndHolds;
using ::parhub::testing::StatusIs;
using ::testing::HasSubstr;

const std::vector<Migration>& TestMigrations() {
  static const auto* const kMigrations = new std::vector<Migration>{
      {1, "001_payments", "CREATE TABLE payments (id VARCHAR(40) PRIMARY KEY, amount BIGINT NOT NULL);\n"},
  };
  return *kMigrations;
}

// What a unit's caller got back, collected from the committer thread.
class Answers final {
 public:
  GroupCommitter::Done For(const std::string& who) {
    return [this, who](absl::StatusOr<std::string> result) {
      std::lock_guard<std::mutex> lock(mu_);
      answers_.emplace(who, std::move(result));
      changed_.notify_all();
    };
  }
  // Waits until `n` answers have come.
  void AwaitCount(size_t n) {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait_for(lock, std::chrono::seconds(30), [&] { return answers_.size() >= n; });
  }
  absl::StatusOr<std::string> Of(const std::string& who) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = answers_.find(who);
    if (it == answers_.end()) return absl::NotFoundError(absl::StrCat("no answer for ", who));
    return it->second;
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  std::map<std::string, absl::StatusOr<std::string>> answers_;
};

class GroupCommitTest : public ::testing::Test {
 protected:
  GroupCommitTest() : database_("groupcommit"), db_(database_.config()), ledger_(db_) {}
  void SetUp() override { ASSERT_OK(ApplyMigrations(db_, "test", TestMigrations())); }

  MutationRecord Record(const std::string& request_id, const std::string& body = "body") {
    return MutationRecord{"school-1", request_id, "RecordPayment", body, "accounts/ke-toan", "payments", "t"};
  }
  // A unit inserting payment `id`.
  GroupCommitter::Unit Pay(const std::string& request_id, const std::string& id, GroupCommitter::Done done) {
    GroupCommitter::Unit unit;
    unit.record = Record(request_id);
    unit.apply = [this, id]() -> absl::StatusOr<std::string> {
      ++applied_;
      RETURN_IF_ERROR(db_.Execute("INSERT INTO payments VALUES (?, 1000)", {id}).status());
      return absl::StrCat("paid ", id);
    };
    unit.done = std::move(done);
    return unit;
  }
  // Submits a unit whose apply holds the committer until `release` is
  // set, and returns once the committer runs it (alone): the units
  // submitted afterwards queue up and form the next batch together.
  void SubmitBlocker(GroupCommitter& committer, std::shared_future<void> release, GroupCommitter::Done done) {
    auto started = std::make_shared<std::promise<void>>();
    std::future<void> running = started->get_future();
    GroupCommitter::Unit unit = Pay("blocker", "p-blocker", std::move(done));
    unit.apply = [this, release, started]() -> absl::StatusOr<std::string> {
      started->set_value();
      release.wait();
      RETURN_IF_ERROR(db_.Execute("INSERT INTO payments VALUES ('p-blocker', 1)").status());
      return std::string("blocker");
    };
    committer.Submit(std::move(unit));
    running.wait();
  }
  int64_t Count(const std::string& sql) {
    auto rows = db_.Query(sql);
    EXPECT_OK(rows.status());
    return rows.ok() ? IntFromSql((*rows)[0], 0).value_or(-1) : -1;
  }

  ::parhub::testing::TestDatabase database_;
  Db db_;
  IdempotencyLedger ledger_;
  std::atomic<int> applied_{0};
};

TEST_F(GroupCommitTest, SavepointRollsBackOnlyTheFailingUnit) {
  ASSERT_OK(db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(db_.Execute("INSERT INTO payments VALUES ('a', 1)").status());
    Db::SavepointResult failed = db_.InSavepoint([&]() -> absl::Status {
      RETURN_IF_ERROR(db_.Execute("INSERT INTO payments VALUES ('b', 2)").status());
      return absl::FailedPreconditionError("invoice closed");
    });
    EXPECT_THAT(failed.status, StatusIs(absl::StatusCode::kFailedPrecondition));
    EXPECT_FALSE(failed.transaction_lost);
    Db::SavepointResult kept = db_.InSavepoint(
        [&]() -> absl::Status { return db_.Execute("INSERT INTO payments VALUES ('c', 3)").status(); });
    EXPECT_OK(kept.status);
    return absl::OkStatus();
  }));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments WHERE id IN ('a', 'c')"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments WHERE id = 'b'"), 0);
}

TEST_F(GroupCommitTest, SavepointOutsideATransactionIsRefused) {
  Db::SavepointResult outside = db_.InSavepoint([] { return absl::OkStatus(); });
  EXPECT_THAT(outside.status, StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(GroupCommitTest, WritesQueuedTogetherShareOneTransaction) {
  Answers answers;
  std::promise<void> release;
  {
    GroupCommitter committer(db_, ledger_, GroupCommitOptions{});
    SubmitBlocker(committer, release.get_future().share(), answers.For("blocker"));
    for (int i = 0; i < 10; ++i) {
      committer.Submit(Pay(absl::StrCat("r", i), absl::StrCat("p", i), answers.For(absl::StrCat("r", i))));
    }
    release.set_value();
    answers.AwaitCount(11);
    GroupCommitStats stats = committer.Stats();
    EXPECT_EQ(stats.batches, 2);
    EXPECT_EQ(stats.units, 11);
    EXPECT_EQ(stats.largest_batch, 10);
    EXPECT_EQ(stats.lost_batches, 0);
  }
  for (int i = 0; i < 10; ++i) {
    EXPECT_THAT(answers.Of(absl::StrCat("r", i)), IsOkAndHolds(absl::StrCat("paid p", i)));
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments"), 11);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys WHERE response LIKE 'paid %'"), 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'RecordPayment'"), 11);
}

TEST_F(GroupCommitTest, AFailingWriteFailsAloneAndLeavesNoTrace) {
  Answers answers;
  std::promise<void> release;
  GroupCommitter committer(db_, ledger_, GroupCommitOptions{});
  SubmitBlocker(committer, release.get_future().share(), answers.For("blocker"));
  committer.Submit(Pay("before", "p-before", answers.For("before")));
  GroupCommitter::Unit bad = Pay("bad", "p-bad", answers.For("bad"));
  bad.apply = [this]() -> absl::StatusOr<std::string> {
    RETURN_IF_ERROR(db_.Execute("INSERT INTO payments VALUES ('p-bad', 1)").status());
    return absl::FailedPreconditionError("Hóa đơn đã nộp đủ (invoice already paid)");
  };
  committer.Submit(std::move(bad));
  committer.Submit(Pay("after", "p-after", answers.For("after")));
  release.set_value();
  answers.AwaitCount(4);

  EXPECT_THAT(answers.Of("before"), IsOkAndHolds("paid p-before"));
  EXPECT_THAT(answers.Of("bad"), StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already paid")));
  EXPECT_THAT(answers.Of("after"), IsOkAndHolds("paid p-after"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments WHERE id = 'p-bad'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys WHERE request_id = 'bad'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE request_id = 'bad'"), 0);

  // The failed key is not remembered: a corrected retry runs.
  committer.Submit(Pay("bad", "p-bad", answers.For("bad-retry")));
  answers.AwaitCount(5);
  EXPECT_THAT(answers.Of("bad-retry"), IsOkAndHolds("paid p-bad"));
}

TEST_F(GroupCommitTest, OneKeyTwiceInABatchRunsOnceAndBothGetItsAnswer) {
  Answers answers;
  std::promise<void> release;
  GroupCommitter committer(db_, ledger_, GroupCommitOptions{});
  SubmitBlocker(committer, release.get_future().share(), answers.For("blocker"));
  for (int copy = 0; copy < 5; ++copy) {
    committer.Submit(Pay("same-key", absl::StrCat("p-copy-", copy), answers.For(absl::StrCat("copy", copy))));
  }
  release.set_value();
  answers.AwaitCount(6);
  for (int copy = 0; copy < 5; ++copy) {
    EXPECT_THAT(answers.Of(absl::StrCat("copy", copy)), IsOkAndHolds("paid p-copy-0")) << copy;
  }
  EXPECT_EQ(applied_.load(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments WHERE id LIKE 'p-copy-%'"), 1);

  // Afterwards the key replays without a batch.
  committer.Submit(Pay("same-key", "p-copy-late", answers.For("late")));
  answers.AwaitCount(7);
  EXPECT_THAT(answers.Of("late"), IsOkAndHolds("paid p-copy-0"));
  EXPECT_EQ(committer.Stats().units, 6);
}

TEST_F(GroupCommitTest, AKeyReusedForAnotherRequestIsRefused) {
  Answers answers;
  GroupCommitter committer(db_, ledger_, GroupCommitOptions{});
  committer.Submit(Pay("k1", "p1", answers.For("first")));
  answers.AwaitCount(1);
  GroupCommitter::Unit other = Pay("k1", "p2", answers.For("other"));
  other.record.fingerprint = "another body";
  committer.Submit(std::move(other));
  GroupCommitter::Unit keyless = Pay("", "p3", answers.For("keyless"));
  committer.Submit(std::move(keyless));
  answers.AwaitCount(3);
  EXPECT_THAT(answers.Of("other"), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("request_id")));
  EXPECT_THAT(answers.Of("keyless"), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("request_id")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments"), 1);
}

TEST_F(GroupCommitTest, AWritePastItsDeadlineIsDroppedUnrun) {
  Answers answers;
  std::promise<void> release;
  GroupCommitter committer(db_, ledger_, GroupCommitOptions{});
  SubmitBlocker(committer, release.get_future().share(), answers.For("blocker"));
  GroupCommitter::Unit late = Pay("late", "p-late", answers.For("late"));
  late.deadline = absl::Now() + absl::Milliseconds(1);
  committer.Submit(std::move(late));
  GroupCommitter::Unit gone = Pay("gone", "p-gone", answers.For("gone"));
  gone.cancelled = [] { return true; };
  committer.Submit(std::move(gone));
  absl::SleepFor(absl::Milliseconds(20));
  release.set_value();
  answers.AwaitCount(3);
  EXPECT_THAT(answers.Of("late"), StatusIs(absl::StatusCode::kDeadlineExceeded));
  EXPECT_THAT(answers.Of("gone"), StatusIs(absl::StatusCode::kCancelled));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments WHERE id IN ('p-late', 'p-gone')"), 0);
  EXPECT_EQ(committer.Stats().dropped, 2);
}

TEST_F(GroupCommitTest, StoppingAnswersWhatIsQueuedAndFinishesTheRunningBatch) {
  Answers answers;
  std::promise<void> release;
  auto committer = std::make_unique<GroupCommitter>(db_, ledger_, GroupCommitOptions{});
  SubmitBlocker(*committer, release.get_future().share(), answers.For("blocker"));
  for (int i = 0; i < 3; ++i) {
    committer->Submit(Pay(absl::StrCat("q", i), absl::StrCat("p-q", i), answers.For(absl::StrCat("q", i))));
  }
  std::thread stopper([&] { committer.reset(); });
  answers.AwaitCount(3);  // the queued three, answered by the destructor
  release.set_value();
  stopper.join();
  EXPECT_THAT(answers.Of("blocker"), IsOkAndHolds("blocker"));
  for (int i = 0; i < 3; ++i) {
    EXPECT_THAT(answers.Of(absl::StrCat("q", i)), StatusIs(absl::StatusCode::kUnavailable));
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments"), 1);
}

TEST_F(GroupCommitTest, ALostTransactionRerunsEachWriteAloneExactlyOnce) {
  Answers answers;
  std::promise<void> release;
  GroupCommitter committer(db_, ledger_, GroupCommitOptions{});
  SubmitBlocker(committer, release.get_future().share(), answers.For("blocker"));
  committer.Submit(Pay("first", "p-first", answers.For("first")));
  // Kills its own connection the first time it runs: the batch's
  // transaction (with "first" in it) is gone, as after a server restart.
  std::atomic<bool> killed{false};
  GroupCommitter::Unit killer = Pay("killer", "p-killer", answers.For("killer"));
  killer.apply = [&]() -> absl::StatusOr<std::string> {
    RETURN_IF_ERROR(db_.Execute("INSERT INTO payments VALUES ('p-killer', 1)").status());
    if (!killed.exchange(true)) {
      ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT CONNECTION_ID()"));
      RETURN_IF_ERROR(db_.Execute(absl::StrCat("KILL ", rows[0].Str(0))).status());
    }
    return std::string("paid p-killer");
  };
  committer.Submit(std::move(killer));
  committer.Submit(Pay("last", "p-last", answers.For("last")));
  release.set_value();
  answers.AwaitCount(4);

  EXPECT_TRUE(killed.load());
  EXPECT_EQ(committer.Stats().lost_batches, 1);
  for (const char* who : {"first", "killer", "last"}) {
    EXPECT_THAT(answers.Of(who), IsOkAndHolds(absl::StrCat("paid p-", who))) << who;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM payments WHERE id IN ('p-first', 'p-killer', 'p-last')"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE request_id IN ('first', 'killer', 'last')"), 3);
}

}  // namespace
}  // namespace parhub::platform
