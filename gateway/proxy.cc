// Generic forwarding reactor.
#include "gateway/proxy.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include "gateway/route_table.h"
#include "platform/client.h"
#include "platform/grpc_status.h"
#include "platform/resource_name.h"

namespace parhub::gateway {
namespace {

std::string Metadata(const grpc::ServerContextBase& context, const char* key) {
  auto it = context.client_metadata().find(key);
  if (it == context.client_metadata().end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// Parses the request bytes into the method's generated message type.
std::unique_ptr<google::protobuf::Message> ParseRequest(const std::string& method, const grpc::ByteBuffer& bytes) {
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

std::string AssignRequestId(const grpc::ServerContextBase& context) {
  std::string given = Metadata(context, platform::kRequestIdHeader);
  bool sane = !given.empty() && given.size() <= 64;
  for (char c : given) {
    if (!isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') sane = false;
  }
  return sane ? given : platform::RandomHex(8);
}

class Proxy::Call final : public grpc::ServerGenericBidiReactor {
 public:
  Call(Proxy& proxy, grpc::GenericCallbackServerContext* context) : proxy_(proxy), context_(context) {
    request_id_ = AssignRequestId(*context_);
    context_->AddInitialMetadata(platform::kRequestIdHeader, request_id_);
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "Thiếu nội dung yêu cầu (no request message)"));
      return;
    }
    route_ = FindRoute(context_->method());
    if (route_ == nullptr) {
      Finish(grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                          "Cổng API không phục vụ phương thức này (method not served by the gateway)"));
      return;
    }
    proxy_.authenticator_.Resolve(Metadata(*context_, "authorization"), request_id_, context_,
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
                            request_id_};
    platform::AttachIdentity(upstream_, proxy_.key_, caller);
    platform::SetDeadline(upstream_, proxy_.default_deadline_, context_);
    grpc::GenericStub& stub =
        route_->backend == Backend::kTasks ? *proxy_.backends_.tasks : *proxy_.backends_.directory;
    stub.UnaryCall(&upstream_, context_->method(), grpc::StubOptions(), &request_, &response_,
                   [this](grpc::Status status) {
                     if (!status.ok()) {
                       Finish(status);
                       return;
                     }
                     StartWrite(&response_);
                   });
  }

  Proxy& proxy_;
  grpc::GenericCallbackServerContext* context_;
  std::string request_id_;
  const Route* route_ = nullptr;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  grpc::ClientContext upstream_;
};

grpc::ServerGenericBidiReactor* Proxy::CreateReactor(grpc::GenericCallbackServerContext* context) {
  return new Call(*this, context);
}

}  // namespace parhub::gateway
