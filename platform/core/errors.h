// Domain error constructors that carry machine-readable detail (which field
// was wrong, a reason code) inside absl::Status payloads. grpc_status.h turns
// them into google.rpc.BadRequest / ErrorInfo details on the wire.
#ifndef PARHUB_PLATFORM_CORE_ERRORS_H_
#define PARHUB_PLATFORM_CORE_ERRORS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

struct FieldViolation final {
  std::string field;        // request field path, e.g. "task.due_date"
  std::string description;  // for people, Vietnamese first
};

// INVALID_ARGUMENT naming `field`; the message reads "<field>: <description>".
absl::Status InvalidField(absl::string_view field, absl::string_view description);

// The field violations carried by `status` (empty when none).
std::vector<FieldViolation> FieldViolations(const absl::Status& status);

// Attaches a stable upper-snake reason (e.g. "REQUEST_ID_REUSED").
absl::Status WithReason(absl::Status status, absl::string_view reason);
// The reason attached by WithReason, or "".
std::string Reason(const absl::Status& status);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_ERRORS_H_
