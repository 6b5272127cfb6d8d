// Exactly-once mutations keyed by the client's request_id, and the audit row
// every mutation writes, both in the mutation's own transaction.
//
// A retry with the same request_id and the same body from the same caller
// gets the first result back; the same request_id with a different body (or
// from another caller) is rejected
// (INVALID_ARGUMENT on "request_id", reason REQUEST_ID_REUSED); a mutation
// that fails is not remembered, so a corrected retry may reuse the key.
#ifndef PARHUB_PLATFORM_DB_IDEMPOTENCY_H_
#define PARHUB_PLATFORM_DB_IDEMPOTENCY_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace parhub::platform {

class Db;

struct MutationRecord final {
  std::string scope;        // school or authority id: the tenant the key lives in
  std::string request_id;   // client's idempotency key
  std::string method;       // e.g. "CreateTask"
  std::string fingerprint;  // hash of the request body without request_id
  std::string actor;        // "accounts/…" for the audit row
  std::string target;       // resource the mutation addresses, for the audit row
  std::string trace_id;     // the call's trace id, for the audit row (joins it to the logs)
};

class IdempotencyLedger final {
 public:
  explicit IdempotencyLedger(Db& db) : db_(db) {}

  // Runs `mutation` (which returns the serialized response) in a transaction
  // that also records the key and an audit row, or replays a recorded response.
  absl::StatusOr<std::string> Run(const MutationRecord& record,
                                  const std::function<absl::StatusOr<std::string>()>& mutation);

  // The steps Run is made of, for GroupCommitter, which runs many keys in
  // one transaction.
  //
  // INVALID_ARGUMENT for a missing or over-long request_id.
  static absl::Status CheckKey(const MutationRecord& record);
  // The response recorded for a finished request (a replay; REQUEST_ID_REUSED
  // when the key was used for another request), or nullopt. No lock.
  absl::StatusOr<std::optional<std::string>> Recorded(const MutationRecord& record);
  // Inside the caller's transaction: claims the key, runs `mutation`,
  // stores its response and writes the audit row. When another request
  // holds the key: ALREADY_EXISTS with `*claimed_elsewhere` set (read the
  // winner's response with Recorded once it has committed).
  absl::StatusOr<std::string> ClaimAndRun(const MutationRecord& record,
                                          const std::function<absl::StatusOr<std::string>()>& mutation,
                                          bool* claimed_elsewhere);

  // Forgets up to `limit` keys recorded before `recorded_before` (their
  // audit rows stay); returns how many. A request sent again with a
  // forgotten key is a new request. KeyRetention calls it.
  absl::StatusOr<int64_t> Forget(absl::Time recorded_before, int limit);

 private:
  Db& db_;
};

// SQL that creates the platform's own tables in every service schema
// (idempotency keys and the audit log); applied with the service's migrations.
extern const char kPlatformTablesSql[];

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_DB_IDEMPOTENCY_H_
