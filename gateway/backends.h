// The gateway's backend registry: every service it forwards to, registered
// by proto service name. Adding a service to the gateway is one row in
// KnownBackends() (backends.cc) plus its rows in the route table; its
// address comes from configuration (--backends / PARHUB_BACKENDS, e.g.
// "directory=10.0.0.5:50051,tasks=tasks:50052"; a backend not listed is
// dialled at its default address).
//
// A backend that stops answering is failed fast (circuit_breaker.h).
//
// Every channel is mutual TLS: the gateway presents its certificate and
// accepts a backend only if the backend's certificate, signed by parhub's
// CA, carries the backend's name.
#ifndef PARHUB_GATEWAY_BACKENDS_H_
#define PARHUB_GATEWAY_BACKENDS_H_

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/circuit_breaker.h"

namespace parhub::gateway {

struct BackendSpec final {
  std::string name;           // "tasks": certificate name and configuration key
  std::string proto_service;  // "parhub.tasks.v1.TaskService"
  std::string label;          // for people: "dịch vụ nhiệm vụ (tasks service)"
  std::string default_address;
};

// One row per service the gateway forwards to.
const std::vector<BackendSpec>& KnownBackends();

struct Backend final {
  BackendSpec spec;
  std::string address;
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<grpc::GenericStub> stub;
  // Every call to the backend, forwarded or the gateway's own, is admitted
  // by it and recorded in it.
  std::unique_ptr<CircuitBreaker> breaker;
};

class Backends final {
 public:
  // Dials every known backend. `addresses` is the --backends value;
  // INVALID_ARGUMENT for a malformed entry or an unknown name.
  static absl::StatusOr<std::unique_ptr<Backends>> Connect(
      absl::string_view addresses, const std::shared_ptr<grpc::ChannelCredentials>& credentials,
      BreakerOptions breaker = {});

  // The backend serving `method` ("/parhub.tasks.v1.TaskService/GetTask"), or nullptr.
  const Backend* ForMethod(absl::string_view method) const;
  // The backend named `name` ("tasks"); it must be a known backend.
  const Backend& Named(absl::string_view name) const;

 private:
  std::map<std::string, std::unique_ptr<Backend>, std::less<>> by_service_;
  std::map<std::string, Backend*, std::less<>> by_name_;
};

// A backend's status as a client may see it. The backend's own answers
// (which carry parhub's error details) pass unchanged; failures of the
// transport or of the backend process ("failed to connect to
// 10.0.0.5:50052…", a crash) become a sentence naming the service, with the
// same code, so no internal address or library text reaches a client.
grpc::Status ForClient(const grpc::Status& status, const BackendSpec& backend);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_BACKENDS_H_
