// Group commit: a committer thread runs queued units in one transaction,
// each in its own savepoint, and answers them after the one commit.
#include "platform/db/group_commit.h"

#include <algorithm>
#include <optional>

#include "platform/core/log.h"
#include "platform/db/db.h"

namespace parhub::platform {
namespace {

// Why a queued unit is not run, or OK.
absl::Status Staleness(const GroupCommitter::Unit& unit) {
  if (unit.cancelled && unit.cancelled())
    return absl::CancelledError("Người gọi đã huỷ yêu cầu (caller cancelled)");
  if (absl::Now() >= unit.deadline) {
    return absl::DeadlineExceededError("Hết thời hạn khi đang chờ ghi (deadline passed while queued)");
  }
  return absl::OkStatus();
}

}  // namespace

GroupCommitter::GroupCommitter(Db& db, IdempotencyLedger& ledger, GroupCommitOptions options)
    : db_(db), ledger_(ledger), options_(options), committer_([this] { Loop(); }) {}

GroupCommitter::~GroupCommitter() {
  std::deque<Unit> abandoned;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    abandoned.swap(queue_);
    stats_.dropped += static_cast<int64_t>(abandoned.size());
  }
  work_or_stop_.notify_all();
  for (Unit& unit : abandoned) {
    Answer(unit, absl::UnavailableError("Máy chủ đang dừng, hãy thử lại (server shutting down; retry)"));
  }
  committer_.join();
}

void GroupCommitter::Submit(Unit unit) {
  if (absl::Status key = IdempotencyLedger::CheckKey(unit.record); !key.ok()) return unit.done(key);
  // A retry of a finished request replays without waiting for a batch.
  absl::StatusOr<std::optional<std::string>> recorded = ledger_.Recorded(unit.record);
  if (!recorded.ok()) return unit.done(recorded.status());
  if (recorded->has_value()) return unit.done(**std::move(recorded));
  absl::Status refused;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) {
      refused = absl::UnavailableError("Máy chủ đang dừng, hãy thử lại (server shutting down; retry)");
    } else if (static_cast<int>(queue_.size()) >= options_.queue_depth) {
      refused = absl::ResourceExhaustedError(
          "Máy chủ đang quá tải, hãy thử lại sau giây lát (server busy: commit queue full; retry shortly)");
    } else {
      queue_.push_back(std::move(unit));
      // Under the lock: the committer may be destroyed as soon as the
      // unit is answered, and must not be touched after that.
      work_or_stop_.notify_one();
    }
  }
  if (!refused.ok()) return unit.done(refused);
}

GroupCommitStats GroupCommitter::Stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void GroupCommitter::Loop() {
  for (;;) {
    std::vector<Unit> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_or_stop_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;  // the destructor answers what is queued
      const size_t take =
          std::min<size_t>(queue_.size(), static_cast<size_t>(std::max(1, options_.max_batch)));
      batch.reserve(take);
      for (size_t i = 0; i < take; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<Unit> live;
    live.reserve(batch.size());
    std::vector<std::pair<Unit, absl::Status>> stale;
    for (Unit& unit : batch) {
      if (absl::Status why = Staleness(unit); !why.ok()) {
        stale.emplace_back(std::move(unit), std::move(why));
      } else {
        live.push_back(std::move(unit));
      }
    }
    if (!stale.empty()) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        stats_.dropped += static_cast<int64_t>(stale.size());
      }
      for (auto& [unit, why] : stale) Answer(unit, std::move(why));
    }
    if (!live.empty()) RunBatch(live);
  }
}

void GroupCommitter::RunBatch(std::vector<Unit>& batch) {
  const size_t n = batch.size();
  std::vector<absl::StatusOr<std::string>> results(n, absl::UnknownError("not run"));
  std::vector<bool> replay(n, false);
  bool began = false;
  absl::Status committed = db_.InTransaction([&]() -> absl::Status {
    began = true;
    // Rerun whole when the Db retries a deadlock victim: start clean.
    std::fill(results.begin(), results.end(), absl::UnknownError("not run"));
    std::fill(replay.begin(), replay.end(), false);
    for (size_t i = 0; i < n; ++i) {
      ScopedTraceId trace(batch[i].record.trace_id);
      bool claimed_elsewhere = false;
      Db::SavepointResult unit = db_.InSavepoint([&]() -> absl::Status {
        results[i] = ledger_.ClaimAndRun(batch[i].record, batch[i].apply, &claimed_elsewhere);
        return results[i].status();
      });
      if (unit.transaction_lost) return unit.status;  // never OK (Db::InSavepoint)
      replay[i] = claimed_elsewhere;
    }
    return absl::OkStatus();
  });
  if (!began) {
    // No connection (pool exhausted, server down): nothing ran, nothing
    // to retry one by one; every caller gets why.
    for (Unit& unit : batch) Answer(unit, committed);
    std::lock_guard<std::mutex> lock(mu_);
    stats_.dropped += static_cast<int64_t>(n);
    return;
  }
  const bool lost = !committed.ok();
  if (lost) {
    LogWarning("group commit: batch transaction lost; running its units one by one",
               {{"units", std::to_string(n)}, {"error", std::string(committed.message())}});
  }
  for (size_t i = 0; i < n; ++i) {
    if (lost) {
      ScopedTraceId trace(batch[i].record.trace_id);
      results[i] = ledger_.Run(batch[i].record, batch[i].apply);
    } else if (replay[i]) {
      // Another unit (in this batch or elsewhere) holds the key: its
      // response, now that it has committed.
      absl::StatusOr<std::optional<std::string>> recorded = ledger_.Recorded(batch[i].record);
      if (!recorded.ok()) {
        results[i] = recorded.status();
      } else if (recorded->has_value()) {
        results[i] = **std::move(recorded);
      } else {
        results[i] = absl::AbortedError("Yêu cầu trùng đang được xử lý, hãy thử lại (retry in progress)");
      }
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.batches;
    stats_.units += static_cast<int64_t>(n);
    stats_.largest_batch = std::max<int64_t>(stats_.largest_batch, static_cast<int64_t>(n));
    if (lost) ++stats_.lost_batches;
  }
  for (size_t i = 0; i < n; ++i) Answer(batch[i], std::move(results[i]));
}

void GroupCommitter::Answer(Unit& unit, absl::StatusOr<std::string> result) {
  ScopedTraceId trace(unit.record.trace_id);
  unit.done(std::move(result));
}

}  // namespace parhub::platform
