// What every thin RPC adapter needs: verifying the caller, converting shared
// value types, and running a mutation exactly once per request_id.
#ifndef PARHUB_PLATFORM_RPC_SUPPORT_H_
#define PARHUB_PLATFORM_RPC_SUPPORT_H_

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>
#include <grpcpp/server_context.h>

#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "parhub/common/v1/types.pb.h"
#include "platform/caller.h"
#include "platform/date.h"
#include "platform/grpc_status.h"
#include "platform/idempotency.h"
#include "platform/identity.h"
#include "platform/log.h"

// In a handler: verifies the caller into `scope` or returns UNAUTHENTICATED.
#define RPC_VERIFY_CALLER(scope, context, key)   \
  ::parhub::platform::RpcScope scope(*(context), (key)); \
  if (!scope.ok()) return scope.status()

// In a handler: `auto var = expr;` (a StatusOr) or returns its error mapped.
#define RPC_CHECK_OK(var, expr) \
  auto var = (expr);            \
  if (!var.ok()) return ::parhub::platform::ToGrpcStatus(var.status())

namespace parhub::platform {

// First line of every handler: verifies the signed identity and tags the
// thread's logs with the request id.
//   RpcScope scope(*context, key_);
//   if (!scope.ok()) return scope.status();
class RpcScope final {
 public:
  RpcScope(const grpc::ServerContextBase& context, const IdentityKey& key);
  bool ok() const { return status_.ok(); }
  grpc::Status status() const { return ToGrpcStatus(status_); }
  const Caller& caller() const { return caller_; }

 private:
  absl::Status status_;
  Caller caller_;
  std::optional<ScopedRequestId> request_id_;
};

// Date conversions; an unset proto date becomes Date{} (IsSet() false).
absl::StatusOr<Date> DateFromProto(const parhub::common::v1::Date& date, absl::string_view field);
parhub::common::v1::Date DateToProto(const Date& date);
google::protobuf::Timestamp TimeToProto(absl::Time t);

// Converts a domain result into the response, or maps its error.
template <typename T, typename Response, typename Convert>
grpc::Status Reply(const absl::StatusOr<T>& result, Response* response, Convert convert) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = convert(*result);
  return grpc::Status::OK;
}

// SHA-256 of the request serialized deterministically without request_id.
std::string RequestFingerprint(const google::protobuf::Message& request);

// Runs `mutation` once per (scope, request.request_id); a retry returns the
// recorded response. `target` names the resource for the audit row.
template <typename Response>
grpc::Status RunIdempotent(IdempotencyLedger& ledger, const Caller& caller, std::string scope,
                           const google::protobuf::Message& request, std::string target,
                           const std::function<absl::StatusOr<Response>()>& mutation,
                           Response* response) {
  const auto* field = request.GetDescriptor()->FindFieldByName("request_id");
  MutationRecord record{std::move(scope),
                        field ? request.GetReflection()->GetString(request, field) : std::string(),
                        request.GetDescriptor()->name(),
                        RequestFingerprint(request),
                        caller.subject,
                        std::move(target)};
  absl::StatusOr<std::string> bytes = ledger.Run(record, [&]() -> absl::StatusOr<std::string> {
    absl::StatusOr<Response> result = mutation();
    if (!result.ok()) return result.status();
    return result->SerializeAsString();
  });
  if (!bytes.ok()) return ToGrpcStatus(bytes.status());
  if (!response->ParseFromString(*bytes)) {
    return ToGrpcStatus(absl::InternalError("stored response does not parse"));
  }
  return grpc::Status::OK;
}

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_SUPPORT_H_
