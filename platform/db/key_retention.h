// How long the idempotency ledger remembers a request: keys older than
// `keep` are forgotten (the audit rows stay), an hour after start and then
// every `period` (the first pass within a quarter of an hour after that,
// so replicas do not all run it at once), in slices of 1,000 rows so no
// statement holds many locks.
// A client's retries of one request come within minutes; a key kept a
// month is far past any retry, and without this the table grows with
// every write forever (a city's payments alone add some 30 million keys a
// year). A request sent again after its key is forgotten runs as a new one.
#ifndef PARHUB_PLATFORM_DB_KEY_RETENTION_H_
#define PARHUB_PLATFORM_DB_KEY_RETENTION_H_

#include <cstdint>
#include <functional>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "platform/db/idempotency.h"

namespace parhub::platform {

class KeyRetention final {
 public:
  // `keep` zero: keys are never forgotten and no thread starts.
  KeyRetention(IdempotencyLedger& ledger, absl::Duration keep, absl::Duration period,
               std::function<absl::Time()> clock);
  ~KeyRetention();  // stops and joins
  KeyRetention(const KeyRetention&) = delete;
  KeyRetention& operator=(const KeyRetention&) = delete;

  // Forgets every key recorded before now − keep; returns how many.
  absl::StatusOr<int64_t> RunOnce();

 private:
  void Loop();

  IdempotencyLedger& ledger_;
  const absl::Duration keep_;
  const absl::Duration period_;
  std::function<absl::Time()> clock_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_DB_KEY_RETENTION_H_
