// Forgetting old idempotency keys on a schedule, a slice at a time.
#include "platform/db/key_retention.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "platform/core/log.h"

namespace parhub::platform {
namespace {

constexpr int kSlice = 1000;

}  // namespace

KeyRetention::KeyRetention(IdempotencyLedger& ledger, absl::Duration keep, absl::Duration period,
                           std::function<absl::Time()> clock)
    : ledger_(ledger), keep_(keep), period_(period), clock_(std::move(clock)) {
  if (keep_ > absl::ZeroDuration() && period_ > absl::ZeroDuration())
    thread_ = std::thread([this] { Loop(); });
}

KeyRetention::~KeyRetention() {
  if (!stop_.HasBeenNotified()) stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

absl::StatusOr<int64_t> KeyRetention::RunOnce() {
  if (keep_ <= absl::ZeroDuration()) return 0;
  const absl::Time before = clock_() - keep_;
  int64_t forgotten = 0;
  while (!stop_.HasBeenNotified()) {
    absl::StatusOr<int64_t> slice = ledger_.Forget(before, kSlice);
    if (!slice.ok()) return slice.status();
    forgotten += *slice;
    if (*slice < kSlice) break;
  }
  return forgotten;
}

void KeyRetention::Loop() {
  // Not at start, and not all at once: replicas restarted together spread
  // their first pass over a quarter of an hour.
  std::random_device seed;
  absl::Duration wait = std::min(period_, absl::Hours(1)) + absl::Seconds(seed() % 900);
  while (!stop_.WaitForNotificationWithTimeout(wait)) {
    absl::StatusOr<int64_t> forgotten = RunOnce();
    if (!forgotten.ok()) {
      LogWarning("idempotency keys: forgetting old keys failed; next try in one period",
                 {{"error", std::string(forgotten.status().message())}});
    } else if (*forgotten > 0) {
      LogInfo(
          "idempotency keys: forgot old keys",
          {{"keys", absl::StrCat(*forgotten)}, {"kept_days", absl::StrCat(absl::ToInt64Hours(keep_) / 24)}});
    }
    wait = period_;
  }
}

}  // namespace parhub::platform
