// Group commit for exactly-once mutations: concurrent calls are coalesced
// into one transaction and one commit (one redo-log flush) instead of one
// each, and every caller is answered only after that commit.
//
// A committer thread takes whatever is queued (up to max_batch), opens one
// transaction and runs each unit in a savepoint of its own: claim its
// request_id, run its mutation, store its response and audit row
// (IdempotencyLedger::ClaimAndRun). A unit that fails rolls back to its
// savepoint alone and its caller gets its error; the others carry on. One
// COMMIT ends the batch; then each caller gets its response. So the
// guarantees are IdempotencyLedger::Run's, unit by unit:
//   - a request_id already recorded replays without a transaction;
//   - two units with one request_id in a batch (or in flight elsewhere) run
//     once: the later one replays the first's response after the commit;
//   - when the batch's transaction is lost (deadlock victim after the
//     Db's retries, broken connection, failed commit), every unit is run
//     again on its own with IdempotencyLedger::Run — a unit whose commit
//     did land is then found by its key and replayed, never run twice.
// Work queued past its caller's deadline, or whose caller went away, is
// dropped before it touches MySQL (DEADLINE_EXCEEDED / CANCELLED).
//
// The trade: a batch runs its units one after another on one connection,
// so the batch holds its locks (e.g. a school's receipt counter) for the
// whole batch; the gain is one commit and one lock acquisition per batch
// instead of per call. docs/BENCHMARKS.md ("Payments") measures both modes
// side by side.
#ifndef PARHUB_PLATFORM_DB_GROUP_COMMIT_H_
#define PARHUB_PLATFORM_DB_GROUP_COMMIT_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/db/idempotency.h"

namespace parhub::platform {

class Db;

struct GroupCommitOptions final {
  int max_batch = 64;      // units in one transaction at most
  int queue_depth = 1024;  // queued units beyond which Submit answers RESOURCE_EXHAUSTED
};

struct GroupCommitStats final {
  int64_t batches = 0;        // transactions committed (or lost)
  int64_t units = 0;          // units run in batches
  int64_t largest_batch = 0;  // units in the largest batch
  int64_t lost_batches = 0;   // batches whose transaction was lost: their units re-run alone
  int64_t dropped = 0;        // units answered unrun (deadline, cancelled, stopping, no connection)
};

class GroupCommitter final {
 public:
  using Done = std::function<void(absl::StatusOr<std::string>)>;
  struct Unit final {
    MutationRecord record;
    // Returns the response to store; runs on the committer thread inside
    // the batch's transaction (the Db's ambient transaction), at most once
    // per committed request_id.
    std::function<absl::StatusOr<std::string>()> apply;
    // Gets the stored response (first run or replay) or the error; called
    // on the committer thread after the commit, exactly once.
    Done done;
    absl::Time deadline = absl::InfiniteFuture();
    std::function<bool()> cancelled;  // optional: whether the caller went away
  };

  GroupCommitter(Db& db, IdempotencyLedger& ledger, GroupCommitOptions options);
  // Stops taking units, answers those still queued UNAVAILABLE, lets the
  // running batch finish and joins.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Queues `unit`; the key is checked and a recorded key replayed at once
  // (on the calling thread), without queueing. `done` is always called.
  void Submit(Unit unit);

  GroupCommitStats Stats() const;

 private:
  void Loop();
  void RunBatch(std::vector<Unit>& batch);
  // Calls the unit's `done` with its trace id set for the logs.
  static void Answer(Unit& unit, absl::StatusOr<std::string> result);

  Db& db_;
  IdempotencyLedger& ledger_;
  const GroupCommitOptions options_;
  mutable std::mutex mu_;
  std::condition_variable work_or_stop_;
  std::deque<Unit> queue_;  // guarded by mu_
  bool stopping_ = false;   // guarded by mu_
  GroupCommitStats stats_;  // guarded by mu_
  std::thread committer_;
};

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_DB_GROUP_COMMIT_H_
