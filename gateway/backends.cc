// Backend registry and client-facing backend errors.
#include "gateway/backends.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "platform/core/errors.h"
#include "platform/core/log.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/identity.h"

namespace parhub::gateway {

const std::vector<BackendSpec>& KnownBackends() {
  static const auto* const kBackends = new std::vector<BackendSpec>{
      {"directory", "parhub.directory.v1.DirectoryService", "dịch vụ danh bạ (directory service)",
       "127.0.0.1:50051"},
      {"tasks", "parhub.tasks.v1.TaskService", "dịch vụ nhiệm vụ (tasks service)", "127.0.0.1:50052"},
      {"staffing", "parhub.staffing.v1.StaffingService", "dịch vụ nhân sự (staffing service)",
       "127.0.0.1:50053"},
      {"finance", "parhub.finance.v1.FinanceService", "dịch vụ tài chính (finance service)",
       "127.0.0.1:50054"},
      {"complaints", "parhub.complaints.v1.ComplaintService",
       "dịch vụ phản ánh, khiếu nại (complaints service)", "127.0.0.1:50055"},
      {"reporting", "parhub.reporting.v1.ReportingService", "dịch vụ báo cáo (reporting service)",
       "127.0.0.1:50056"},
  };
  return *kBackends;
}

absl::StatusOr<std::unique_ptr<Backends>> Backends::Connect(
    absl::string_view addresses, const std::shared_ptr<grpc::ChannelCredentials>& credentials,
    BreakerOptions breaker) {
  std::map<std::string, std::string, std::less<>> configured;
  for (absl::string_view entry : absl::StrSplit(addresses, ',', absl::SkipWhitespace())) {
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(entry, absl::MaxSplits('=', 1));
    std::string name(absl::StripAsciiWhitespace(kv.first)), address(absl::StripAsciiWhitespace(kv.second));
    bool known = false;
    for (const BackendSpec& spec : KnownBackends()) known = known || spec.name == name;
    size_t colon = address.rfind(':');
    bool host_port = colon != std::string::npos && colon > 0 && colon + 1 < address.size();
    if (!known || !host_port || configured.contains(name)) {
      return platform::InvalidField(
          "backends",
          absl::StrCat("'", entry, "' is not name=host:port with a known backend name, listed once"));
    }
    configured[name] = address;
  }
  auto backends = std::make_unique<Backends>();
  for (const BackendSpec& spec : KnownBackends()) {
    auto backend = std::make_unique<Backend>();
    backend->spec = spec;
    auto it = configured.find(spec.name);
    backend->address = it != configured.end() ? it->second : spec.default_address;
    backend->channel = platform::MakeChannel(backend->address, credentials, spec.name);
    backend->stub = std::make_unique<grpc::GenericStub>(backend->channel);
    backend->breaker = std::make_unique<CircuitBreaker>(breaker);
    backends->by_name_[spec.name] = backend.get();
    backends->by_service_[spec.proto_service] = std::move(backend);
  }
  return backends;
}

const Backend* Backends::ForMethod(absl::string_view method) const {
  auto it = by_service_.find(platform::ServiceOfMethod(method));
  return it == by_service_.end() ? nullptr : it->second.get();
}

const Backend& Backends::Named(absl::string_view name) const { return *by_name_.find(name)->second; }

grpc::Status ForClient(const grpc::Status& status, const BackendSpec& backend) {
  if (status.ok() || !status.error_details().empty()) return status;
  platform::LogWarning("backend call failed", {{"backend", backend.name},
                                               {"code", platform::StatusCodeName(status.error_code())},
                                               {"error", status.error_message()}});
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return grpc::Status(status.error_code(), absl::StrCat(backend.label,
                                                            " tạm thời không phản hồi, hãy thử lại sau "
                                                            "(temporarily unavailable; retry later)"));
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return grpc::Status(status.error_code(), absl::StrCat(backend.label,
                                                            " không trả lời kịp thời hạn "
                                                            "(did not answer before the deadline)"));
    case grpc::StatusCode::CANCELLED:
      return grpc::Status(status.error_code(), "Yêu cầu đã bị huỷ (request cancelled)");
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return grpc::Status(status.error_code(), absl::StrCat(backend.label,
                                                            " đang quá tải, hãy thử lại sau giây lát "
                                                            "(busy; retry shortly)"));
    default:
      return grpc::Status(status.error_code(),
                          absl::StrCat(backend.label, " gặp lỗi, đã ghi nhận (failed; it has been logged)"));
  }
}

}  // namespace parhub::gateway
