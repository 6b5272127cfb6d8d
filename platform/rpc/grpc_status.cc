// Status mapping with google.rpc-compatible details.
#include "platform/rpc/grpc_status.h"

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "platform/core/errors.h"
#include "platform/core/log.h"
#include "platform/core/retry_delay.h"

namespace parhub::platform {
namespace {
constexpr char kBadRequestUrl[] = "type.googleapis.com/google.rpc.BadRequest";
constexpr char kErrorInfoUrl[] = "type.googleapis.com/google.rpc.ErrorInfo";
constexpr char kRetryInfoUrl[] = "type.googleapis.com/google.rpc.RetryInfo";
}  // namespace

const char* StatusCodeName(grpc::StatusCode code) {
  static const char* const kNames[] = {
      "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
      "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
      "DATA_LOSS", "UNAUTHENTICATED"};
  int i = static_cast<int>(code);
  return i >= 0 && i <= 16 ? kNames[i] : "UNKNOWN";
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  std::string message(status.message());
  if (status.code() == absl::StatusCode::kInternal || status.code() == absl::StatusCode::kUnknown) {
    LogError("internal error", {{"error", message}});
    message = "Lỗi hệ thống, đã ghi nhận (internal error; it has been logged)";
  }
  google::rpc::Status details;
  details.set_code(static_cast<int>(status.code()));
  details.set_message(message);
  std::vector<FieldViolation> violations = FieldViolations(status);
  if (!violations.empty()) {
    google::rpc::BadRequest bad;
    for (const auto& v : violations) {
      auto* fv = bad.add_field_violations();
      fv->set_field(v.field);
      fv->set_description(v.description);
    }
    auto* any = details.add_details();
    any->set_type_url(kBadRequestUrl);
    any->set_value(bad.SerializeAsString());
  }
  std::string reason = Reason(status);
  if (!reason.empty()) {
    google::rpc::ErrorInfo info;
    info.set_reason(reason);
    info.set_domain("parhub.dev");
    auto* any = details.add_details();
    any->set_type_url(kErrorInfoUrl);
    any->set_value(info.SerializeAsString());
  }
  if (absl::Duration delay = RetryDelay(status); delay > absl::ZeroDuration()) {
    google::rpc::RetryInfo retry;
    retry.mutable_retry_delay()->set_seconds(absl::ToInt64Seconds(delay));
    retry.mutable_retry_delay()->set_nanos(
        static_cast<int32_t>(absl::ToInt64Nanoseconds(delay - absl::Seconds(absl::ToInt64Seconds(delay)))));
    auto* any = details.add_details();
    any->set_type_url(kRetryInfoUrl);
    any->set_value(retry.SerializeAsString());
  }
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), message, details.SerializeAsString());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status out(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) return out;
  for (const auto& any : details.details()) {
    if (any.type_url() == kBadRequestUrl) {
      google::rpc::BadRequest bad;
      if (bad.ParseFromString(any.value()) && bad.field_violations_size() > 0) {
        const auto& v = bad.field_violations(0);
        absl::Status with_field = InvalidField(v.field(), v.description());
        out.SetPayload("parhub.dev/field_violations", *with_field.GetPayload("parhub.dev/field_violations"));
      }
    } else if (any.type_url() == kErrorInfoUrl) {
      google::rpc::ErrorInfo info;
      if (info.ParseFromString(any.value())) out = WithReason(out, info.reason());
    } else if (any.type_url() == kRetryInfoUrl) {
      google::rpc::RetryInfo retry;
      if (retry.ParseFromString(any.value())) {
        out = WithRetryDelay(out, absl::Seconds(retry.retry_delay().seconds()) +
                                      absl::Nanoseconds(retry.retry_delay().nanos()));
      }
    }
  }
  return out;
}

}  // namespace parhub::platform
