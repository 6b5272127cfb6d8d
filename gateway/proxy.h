// The gateway's forwarding path: every method in the route table is served
// by one generic callback handler that authenticates the API key, checks
// role and tenant scope, assigns a request id, signs a short-lived identity
// and forwards the raw request bytes to the backend without blocking a
// thread. The backend's status (with its error details) goes back as is.
#ifndef PARHUB_GATEWAY_PROXY_H_
#define PARHUB_GATEWAY_PROXY_H_

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/generic/generic_stub.h>

#include <memory>

#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "platform/identity.h"

namespace parhub::gateway {

struct Backends final {
  std::unique_ptr<grpc::GenericStub> directory;
  std::unique_ptr<grpc::GenericStub> tasks;
};

class Proxy final : public grpc::CallbackGenericService {
 public:
  Proxy(Backends& backends, Authenticator& authenticator, const platform::IdentityKey& key,
        absl::Duration default_deadline)
      : backends_(backends), authenticator_(authenticator), key_(key), default_deadline_(default_deadline) {}

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* context) override;

 private:
  class Call;
  Backends& backends_;
  Authenticator& authenticator_;
  const platform::IdentityKey& key_;
  absl::Duration default_deadline_;
};

// The request id for a call: the client's x-request-id when it is a sane
// token (≤ 64 of [A-Za-z0-9-_]), else a fresh random one.
std::string AssignRequestId(const grpc::ServerContextBase& context);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_PROXY_H_
