// Server bootstrap shared by every process: gRPC health and reflection,
// Prometheus metrics (per-method count, latency, status code; DB pool and
// executor use), one JSON log line per RPC carrying the call's trace id, the
// listening credentials (mutual TLS for services), and graceful SIGTERM
// shutdown (NOT_SERVING first, then drain). Services register callback
// services only; their blocking work runs on an Executor (executor.h).
#ifndef PARHUB_PLATFORM_RPC_SERVER_H_
#define PARHUB_PLATFORM_RPC_SERVER_H_

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>
#include <prometheus/collectable.h>
#include <prometheus/registry.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace parhub::platform {

class Db;
class Executor;
class GroupCommitter;

struct ServerOptions final {
  std::string name;                                   // "tasks", "gateway", …
  std::string listen;                                 // "0.0.0.0:50052"
  std::string metrics_listen;                         // "0.0.0.0:9452"; "" disables /metrics
  absl::Duration drain = absl::Seconds(1);            // NOT_SERVING before stopping
  absl::Duration shutdown_grace = absl::Seconds(20);  // in-flight calls may finish
  int malloc_arenas = 2;                              // glibc M_ARENA_MAX; 0 keeps glibc's default
};

class ServerRunner final {
 public:
  // Blocks SIGTERM/SIGINT on the calling thread so every thread created
  // later inherits the mask; construct it before anything starts threads.
  explicit ServerRunner(ServerOptions options);
  ~ServerRunner();

  prometheus::Registry& metrics() { return *registry_; }
  void AddService(grpc::Service* service) { services_.push_back(service); }
  void SetGenericService(grpc::CallbackGenericService* service) { generic_ = service; }
  // Exports the pool's open and in-use connections as gauges.
  void WatchDb(Db& db);
  // Exports the executor's queued, running, rejected and dropped work.
  void WatchExecutor(const Executor& executor);
  // Exports the group committer's batches, writes, largest batch, lost and dropped.
  void WatchGroupCommit(const GroupCommitter& committer);
  // How clients connect; insecure when never set (the gateway's public port).
  void SetCredentials(std::shared_ptr<grpc::ServerCredentials> credentials) {
    credentials_ = std::move(credentials);
  }

  // Runs once the gRPC server serves (the gateway starts its HTTP/JSON
  // server on the server's in-process channel); an error stops the server
  // and Run returns it.
  void OnStarted(std::function<absl::Status(grpc::Server&)> hook) { on_started_.push_back(std::move(hook)); }
  // Runs at shutdown after NOT_SERVING and the drain, before the gRPC
  // server stops (so calls it still makes in process can finish).
  void OnStopping(std::function<void()> hook) { on_stopping_.push_back(std::move(hook)); }

  // Starts serving and blocks until SIGTERM or SIGINT, then shuts down
  // gracefully. Returns an error when the port cannot be bound.
  absl::Status Run();

 private:
  ServerOptions options_;
  std::shared_ptr<prometheus::Registry> registry_;
  std::vector<grpc::Service*> services_;
  grpc::CallbackGenericService* generic_ = nullptr;
  std::shared_ptr<grpc::ServerCredentials> credentials_;
  std::vector<std::shared_ptr<prometheus::Collectable>> collectables_;
  std::vector<std::function<absl::Status(grpc::Server&)>> on_started_;
  std::vector<std::function<void()>> on_stopping_;
};

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_SERVER_H_
