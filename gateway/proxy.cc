// Generic forwarding reactor.
#include "gateway/proxy.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <climits>

#include "gateway/route_table.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/utf8_field.h"

namespace parhub::gateway {
namespace {

std::string Metadata(const grpc::ServerContextBase& context, const char* key) {
  auto it = context.client_metadata().find(key);
  if (it == context.client_metadata().end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// The request's bytes as one string; false when gRPC cannot give them.
bool Flatten(const grpc::ByteBuffer& bytes, std::string* raw) {
  std::vector<grpc::Slice> slices;
  if (!bytes.Dump(&slices).ok()) return false;
  for (const auto& slice : slices) raw->append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  return true;
}

absl::Status Malformed() { return absl::InvalidArgumentError("Yêu cầu không đọc được (malformed request)"); }

}  // namespace

absl::StatusOr<std::unique_ptr<google::protobuf::Message>> ParseRequest(const std::string& method,
                                                                        absl::string_view bytes) {
  // "/pkg.Service/Method" → "pkg.Service.Method"
  size_t slash = method.find('/', 1);
  if (method.empty() || method[0] != '/' || slash == std::string::npos) return Malformed();
  std::string full = method.substr(1);
  full[slash - 1] = '.';
  const auto* descriptor = google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full);
  if (descriptor == nullptr) return Malformed();
  const auto* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor->input_type());
  if (prototype == nullptr || bytes.size() > static_cast<size_t>(INT_MAX)) return Malformed();
  std::unique_ptr<google::protobuf::Message> message(prototype->New());
  if (message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return message;
  // Protobuf refuses a proto3 string that is not UTF-8 without saying which.
  std::string field = platform::InvalidUtf8Field(*descriptor->input_type(), bytes);
  if (!field.empty()) return platform::InvalidField(field, "không phải UTF-8 hợp lệ (not valid UTF-8)");
  return Malformed();
}

std::string AssignTraceId(const grpc::ServerContextBase& context) {
  std::string given = Metadata(context, platform::kTraceIdHeader);
  bool sane = !given.empty() && given.size() <= 64;
  for (char c : given) {
    if (!isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') sane = false;
  }
  return sane ? given : platform::RandomHex(8);
}

class Proxy::Call final : public grpc::ServerGenericBidiReactor {
 public:
  Call(Proxy& proxy, grpc::GenericCallbackServerContext* context) : proxy_(proxy), context_(context) {
    trace_id_ = AssignTraceId(*context_);
    context_->AddInitialMetadata(platform::kTraceIdHeader, trace_id_);
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "Thiếu nội dung yêu cầu (no request message)"));
      return;
    }
    route_ = FindRoute(context_->method());
    backend_ = proxy_.backends_.ForMethod(context_->method());
    if (route_ == nullptr || backend_ == nullptr) {
      Finish(grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                          "Cổng API không phục vụ phương thức này (method not served by the gateway)"));
      return;
    }
    proxy_.authenticator_.Resolve(Metadata(*context_, "authorization"), trace_id_, context_,
                                  [this](absl::StatusOr<std::shared_ptr<const Principal>> principal) {
                                    OnAuthenticated(std::move(principal));
                                  });
  }

  void OnCancel() override { upstream_.TryCancel(); }

  void OnDone() override { delete this; }

 private:
  void OnAuthenticated(absl::StatusOr<std::shared_ptr<const Principal>> principal) {
    if (!principal.ok()) {
      Finish(platform::ToGrpcStatus(principal.status()));
      return;
    }
    std::string raw;
    absl::StatusOr<std::unique_ptr<google::protobuf::Message>> parsed =
        Flatten(request_, &raw) ? ParseRequest(context_->method(), raw) : Malformed();
    if (!parsed.ok()) {
      Finish(platform::ToGrpcStatus(parsed.status()));
      return;
    }
    absl::StatusOr<CallScope> scope = Authorize(*route_, **principal, **parsed);
    if (!scope.ok()) {
      Finish(platform::ToGrpcStatus(scope.status()));
      return;
    }
    platform::Caller caller{(*principal)->account, (*principal)->role, scope->school_id, scope->authority_id,
                            trace_id_};
    platform::AttachIdentity(upstream_, proxy_.key_, caller, context_->method());
    platform::SetDeadline(upstream_, proxy_.default_deadline_, context_);
    if (grpc::Status admitted = backend_->breaker->Admit(backend_->spec.label); !admitted.ok()) {
      Finish(admitted);
      return;
    }
    backend_->stub->UnaryCall(&upstream_, context_->method(), grpc::StubOptions(), &request_, &response_,
                              [this](grpc::Status status) {
                                backend_->breaker->Record(status.error_code());
                                if (!status.ok()) {
                                  Finish(ForClient(status, backend_->spec));
                                  return;
                                }
                                // The answer and the status in one batch: no
                                // OnWriteDone round before the finish.
                                StartWriteAndFinish(&response_, grpc::WriteOptions(), grpc::Status::OK);
                              });
  }

  Proxy& proxy_;
  grpc::GenericCallbackServerContext* context_;
  std::string trace_id_;
  const Route* route_ = nullptr;
  const Backend* backend_ = nullptr;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  grpc::ClientContext upstream_;
};

grpc::ServerGenericBidiReactor* Proxy::CreateReactor(grpc::GenericCallbackServerContext* context) {
  return new Call(*this, context);
}

}  // namespace parhub::gateway
