// Idempotency keys and audit rows stored beside each service's data.
#include "platform/db/idempotency.h"

#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/db/db.h"
#include "platform/db/sql_values.h"

namespace parhub::platform {

const char kPlatformTablesSql[] = R"sql(
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope VARCHAR(64) NOT NULL,
  request_id VARCHAR(128) NOT NULL,
  method VARCHAR(100) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  response MEDIUMBLOB NOT NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (scope, request_id),
  KEY idempotency_keys_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE IF NOT EXISTS audit_log (
  scope VARCHAR(64) NOT NULL,
  id BIGINT NOT NULL AUTO_INCREMENT,
  actor VARCHAR(100) NOT NULL,
  action VARCHAR(100) NOT NULL,
  target VARCHAR(300) NOT NULL,
  request_id VARCHAR(128) NOT NULL,
  trace_id VARCHAR(64) NOT NULL DEFAULT '',
  at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (scope, id),
  KEY audit_log_id (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
)sql";

namespace {

// What must match for a replay: the same caller sending the same body. The
// caller is part of it so a recorded response never goes to someone else,
// whose permission to see it was never checked.
std::string CallerBodyFingerprint(const MutationRecord& record) {
  return Sha256Hex(absl::StrCat(record.actor, "\n", record.fingerprint));
}

// A recorded key met again: the first response when the request is the same.
absl::StatusOr<std::string> Replay(const Row& row, const MutationRecord& record) {
  if (row.Str(0) != record.method || row.Str(1) != CallerBodyFingerprint(record)) {
    return WithReason(
        InvalidField("request_id", "đã dùng cho một yêu cầu khác (already used for a different request)"),
        "REQUEST_ID_REUSED");
  }
  return row.Str(2);
}

}  // namespace

constexpr char kLookup[] =
    "SELECT method, fingerprint, response FROM idempotency_keys WHERE scope = ? AND request_id = ?";

absl::Status IdempotencyLedger::CheckKey(const MutationRecord& record) {
  if (record.request_id.empty()) {
    return InvalidField("request_id", "bắt buộc để chống ghi trùng (required for safe retries)");
  }
  if (record.request_id.size() > 128) {
    return InvalidField("request_id", "dài quá 128 ký tự (longer than 128 characters)");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> IdempotencyLedger::Recorded(const MutationRecord& record) {
  ASSIGN_OR_RETURN(auto existing, db_.Query(kLookup, {record.scope, record.request_id}));
  if (existing.empty()) return std::nullopt;
  ASSIGN_OR_RETURN(std::string response, Replay(existing[0], record));
  return response;
}

absl::StatusOr<std::string> IdempotencyLedger::ClaimAndRun(
    const MutationRecord& record, const std::function<absl::StatusOr<std::string>()>& mutation,
    bool* claimed_elsewhere) {
  // Claim the key by inserting it first, in the mutation's transaction. A
  // concurrent request with the same key blocks on that row and then gets a
  // duplicate-key error (it replays); requests with different keys never
  // lock each other, unlike a locking read of a missing key, whose gap locks
  // deadlock neighbouring keys.
  auto claimed = db_.Execute(
      "INSERT INTO idempotency_keys (scope, request_id, method, fingerprint, response) VALUES (?, ?, ?, ?, "
      "'')",
      {record.scope, record.request_id, record.method, CallerBodyFingerprint(record)});
  if (absl::IsAlreadyExists(claimed.status())) {
    *claimed_elsewhere = true;
    return claimed.status();
  }
  RETURN_IF_ERROR(claimed.status());
  ASSIGN_OR_RETURN(std::string response, mutation());
  RETURN_IF_ERROR(db_.Execute("UPDATE idempotency_keys SET response = ? WHERE scope = ? AND request_id = ?",
                              {response, record.scope, record.request_id})
                      .status());
  RETURN_IF_ERROR(db_.Execute("INSERT INTO audit_log (scope, actor, action, target, request_id, trace_id) "
                              "VALUES (?, ?, ?, ?, ?, ?)",
                              {record.scope, record.actor, record.method, record.target, record.request_id,
                               record.trace_id})
                      .status());
  return response;
}

absl::StatusOr<int64_t> IdempotencyLedger::Forget(absl::Time recorded_before, int limit) {
  return db_.Execute("DELETE FROM idempotency_keys WHERE created_at < ? ORDER BY created_at LIMIT ?",
                     {TimeToSql(recorded_before), int64_t{limit}});
}

absl::StatusOr<std::string> IdempotencyLedger::Run(
    const MutationRecord& record, const std::function<absl::StatusOr<std::string>()>& mutation) {
  RETURN_IF_ERROR(CheckKey(record));
  // Fast path for retries of finished requests: no transaction, no lock.
  ASSIGN_OR_RETURN(std::optional<std::string> recorded, Recorded(record));
  if (recorded.has_value()) return *std::move(recorded);

  bool claimed_elsewhere = false;
  absl::StatusOr<std::string> result = db_.InTransaction<std::string>(
      [&]() -> absl::StatusOr<std::string> { return ClaimAndRun(record, mutation, &claimed_elsewhere); });
  if (!claimed_elsewhere) return result;
  ASSIGN_OR_RETURN(recorded, Recorded(record));
  if (!recorded.has_value())
    return absl::AbortedError("Yêu cầu trùng đang được xử lý, hãy thử lại (retry in progress)");
  return *std::move(recorded);
}

}  // namespace parhub::platform
