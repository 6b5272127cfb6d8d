// Server reflection for the services the gateway forwards. gRPC's
// reflection lists the services registered on a server, and the forwarded
// ones are served by the generic proxy, so they would be missing: for each
// backend's proto service the gateway registers a marker service whose only
// method, "/<service>/ReflectionMarker", answers UNIMPLEMENTED. Every real
// method of that service stays unregistered and reaches the proxy, while
// grpcurl-style tools now see the whole public API in one place (the
// descriptors come from the protos linked into the gateway).
#ifndef PARHUB_GATEWAY_REFLECTION_MARKERS_H_
#define PARHUB_GATEWAY_REFLECTION_MARKERS_H_

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>

#include <memory>
#include <string>
#include <vector>

namespace parhub::gateway {

class ReflectionMarker final : public grpc::Service {
 public:
  explicit ReflectionMarker(const std::string& proto_service);

 private:
  std::string path_;  // the marker method's path; outlives the method entry
};

// One marker per known backend (backends.h).
std::vector<std::unique_ptr<ReflectionMarker>> ReflectionMarkersForBackends();

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_REFLECTION_MARKERS_H_
