// The one mapping between absl::Status (domain) and grpc::Status (wire), with
// machine-readable details: field violations become a google.rpc.BadRequest
// and reasons a google.rpc.ErrorInfo in grpc-status-details-bin.
#ifndef PARHUB_PLATFORM_RPC_GRPC_STATUS_H_
#define PARHUB_PLATFORM_RPC_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace parhub::platform {

// Domain → wire. INTERNAL messages are replaced by a generic text (the
// original is logged) so no SQL or stack detail leaks to callers.
grpc::Status ToGrpcStatus(const absl::Status& status);

// "INVALID_ARGUMENT", "UNAVAILABLE", … for logs, metrics and reports.
const char* StatusCodeName(grpc::StatusCode code);

// Wire → domain, keeping field violations and reason.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_GRPC_STATUS_H_
