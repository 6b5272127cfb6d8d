// Marker services that make reflection list the forwarded services.
#include "gateway/reflection_markers.h"

#include <grpcpp/impl/codegen/server_callback_handlers.h>

#include "gateway/backends.h"

namespace parhub::gateway {

ReflectionMarker::ReflectionMarker(const std::string& proto_service)
    : path_("/" + proto_service + "/ReflectionMarker") {
  auto* handler = new grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer, grpc::ByteBuffer>(
      [](grpc::CallbackServerContext* context, const grpc::ByteBuffer*, grpc::ByteBuffer*) {
        grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
        reactor->Finish(
            grpc::Status(grpc::StatusCode::UNIMPLEMENTED,
                         "Phương thức không tồn tại (no such method; it only lists the service for "
                         "reflection)"));
        return reactor;
      });
  // Added without a handler, then given it: the method owns it once.
  AddMethod(
      new grpc::internal::RpcServiceMethod(path_.c_str(), grpc::internal::RpcMethod::NORMAL_RPC, nullptr));
  MarkMethodCallback(0, handler);
}

std::vector<std::unique_ptr<ReflectionMarker>> ReflectionMarkersForBackends() {
  std::vector<std::unique_ptr<ReflectionMarker>> markers;
  for (const BackendSpec& spec : KnownBackends())
    markers.push_back(std::make_unique<ReflectionMarker>(spec.proto_service));
  return markers;
}

}  // namespace parhub::gateway
