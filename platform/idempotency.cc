// Idempotency keys and audit rows stored beside each service's data.
#include "platform/idempotency.h"

#include "absl/strings/str_cat.h"
#include "platform/db.h"
#include "platform/errors.h"
#include "platform/status_macros.h"

namespace parhub::platform {

const char kPlatformTablesSql[] = R"sql(
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope VARCHAR(64) NOT NULL,
  request_id VARCHAR(128) NOT NULL,
  method VARCHAR(100) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  response MEDIUMBLOB NOT NULL,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (scope, request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE IF NOT EXISTS audit_log (
  scope VARCHAR(64) NOT NULL,
  id BIGINT NOT NULL AUTO_INCREMENT,
  actor VARCHAR(100) NOT NULL,
  action VARCHAR(100) NOT NULL,
  target VARCHAR(300) NOT NULL,
  request_id VARCHAR(128) NOT NULL,
  at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (scope, id),
  KEY audit_log_id (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
)sql";

absl::StatusOr<std::string> IdempotencyLedger::Run(
    const MutationRecord& record, const std::function<absl::StatusOr<std::string>()>& mutation) {
  if (record.request_id.empty()) {
    return InvalidField("request_id", "bắt buộc để chống ghi trùng (required for safe retries)");
  }
  if (record.request_id.size() > 128) {
    return InvalidField("request_id", "dài quá 128 ký tự (longer than 128 characters)");
  }
  for (int attempt = 0;; ++attempt) {
    bool raced = false;
    absl::StatusOr<std::string> result = db_.InTransaction<std::string>(
        [&]() -> absl::StatusOr<std::string> {
          ASSIGN_OR_RETURN(auto rows,
                           db_.Query("SELECT method, fingerprint, response FROM idempotency_keys "
                                     "WHERE scope = ? AND request_id = ? FOR UPDATE",
                                     {record.scope, record.request_id}));
          if (!rows.empty()) {
            if (rows[0].Str(0) != record.method || rows[0].Str(1) != record.fingerprint) {
              return WithReason(
                  InvalidField("request_id",
                               "đã dùng cho một yêu cầu khác (already used for a different request)"),
                  "REQUEST_ID_REUSED");
            }
            return rows[0].Str(2);
          }
          ASSIGN_OR_RETURN(std::string response, mutation());
          auto inserted = db_.Execute(
              "INSERT INTO idempotency_keys (scope, request_id, method, fingerprint, response) "
              "VALUES (?, ?, ?, ?, ?)",
              {record.scope, record.request_id, record.method, record.fingerprint, response});
          if (absl::IsAlreadyExists(inserted.status())) {
            raced = true;  // a concurrent retry committed first; replay it
            return absl::AbortedError("concurrent retry with the same request_id");
          }
          RETURN_IF_ERROR(inserted.status());
          RETURN_IF_ERROR(db_.Execute("INSERT INTO audit_log (scope, actor, action, target, "
                                      "request_id) VALUES (?, ?, ?, ?, ?)",
                                      {record.scope, record.actor, record.method, record.target,
                                       record.request_id})
                              .status());
          return response;
        });
    if (raced && attempt == 0) continue;
    return result;
  }
}

}  // namespace parhub::platform
