// The gateway's forwarding path: every method in the route table is served
// by one generic callback handler that authenticates the API key, checks
// role and tenant scope, assigns the call's trace id, signs a short-lived
// identity for exactly the backend and method called, and forwards the raw
// request bytes to the backend (chosen by the method's proto service in the
// backend registry) without blocking a thread. The backend's own status
// (with its error details) goes back as is; transport failures are worded
// for people (backends.h ForClient).
#ifndef PARHUB_GATEWAY_PROXY_H_
#define PARHUB_GATEWAY_PROXY_H_

#include <google/protobuf/message.h>
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/generic/generic_stub.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "gateway/backends.h"
#include "platform/rpc/identity.h"

namespace parhub::gateway {

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

// The request `bytes` parsed as `method`'s ("/pkg.Service/Method") input
// type. INVALID_ARGUMENT when they do not parse: a field violation naming
// the field when a string field holds invalid UTF-8, else "malformed request".
absl::StatusOr<std::unique_ptr<google::protobuf::Message>> ParseRequest(const std::string& method,
                                                                        absl::string_view bytes);

// The trace id of a call: the client's x-trace-id when it is a sane token
// (1–64 of [A-Za-z0-9-_]), else a fresh random one. Returned to the client
// in the response's initial metadata, logged by every process, stored in
// audit rows. It is not the request_id (the idempotency key).
std::string AssignTraceId(const grpc::ServerContextBase& context);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_PROXY_H_
