// Generic forwarding reactor.
#include "gateway/proxy.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "gateway/route_table.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::gateway {
namespace {

std::string Metadata(const grpc::ServerContextBase& context, const char* key) {
  auto it = context.client_metadata().find(key);
  if (it == context.client_metadata().end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// Parses the request bytes into the method's generated message type.
std::unique_ptr<google::protobuf::Message> ParseRequest(const std::string& method,
                                                        const grpc::ByteBuffer& bytes) {
  // "/pkg.Service/Method" → "pkg.Service.Method"
  std::string full = method.substr(1);
  full[full.find('/')] = '.';
  const auto* descriptor = google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full);
  if (descriptor == nullptr) return nullptr;
  const auto* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor->input_type());
  if (prototype == nullptr) return nullptr;
  std::unique_ptr<google::protobuf::Message> message(prototype->New());
  std::vector<grpc::Slice> slices;
  if (!bytes.Dump(&slices).ok()) return nullptr;
  std::string raw;
  for (const auto& slice : slices) raw.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  if (!message->ParseFromString(raw)) return nullptr;
  return message;
}

}  // namespace

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

  void OnWriteDone(bool ok) override {
    Finish(ok ? grpc::Status::OK : grpc::Status(grpc::StatusCode::CANCELLED, "client went away"));
  }

  void OnCancel() override { upstream_.TryCancel(); }

  void OnDone() override { delete this; }

 private:
  void OnAuthenticated(absl::StatusOr<std::shared_ptr<const Principal>> principal) {
    if (!principal.ok()) {
      Finish(platform::ToGrpcStatus(principal.status()));
      return;
    }
    auto parsed = ParseRequest(context_->method(), request_);
    if (parsed == nullptr) {
      Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "Yêu cầu không đọc được (malformed request)"));
      return;
    }
    absl::StatusOr<CallScope> scope = Authorize(*route_, **principal, *parsed);
    if (!scope.ok()) {
      Finish(platform::ToGrpcStatus(scope.status()));
      return;
    }
    platform::Caller caller{(*principal)->account, (*principal)->role, scope->school_id, scope->authority_id,
                            trace_id_};
    platform::AttachIdentity(upstream_, proxy_.key_, caller, context_->method());
    platform::SetDeadline(upstream_, proxy_.default_deadline_, context_);
    backend_->stub->UnaryCall(&upstream_, context_->method(), grpc::StubOptions(), &request_, &response_,
                              [this](grpc::Status status) {
                                if (!status.ok()) {
                                  Finish(ForClient(status, backend_->spec));
                                  return;
                                }
                                StartWrite(&response_);
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
