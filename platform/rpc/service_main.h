// The service skeleton: what every service's main.cc fills in. RunService
// does the rest in the one order every service shares:
//   flags (PARHUB_* overrides) → signals masked → identity key → mutual TLS
//   credentials → MySQL (wait, migrate under a named lock) → IdempotencyLedger
//   (with KeyRetention forgetting old keys, and the GroupCommitter when
//   --group_commit) → Executor sized against the DB pool → Handlers →
//   wire(store → domain → rpc) → serve until SIGTERM (NOT_SERVING, drain,
//   graceful stop).
//
//   int main(int argc, char** argv) {
//     return parhub::platform::RunService(argc, argv, {
//         .name = "tasks",
//         .usage = "parhub-tasks: plans, tasks, progress and directives",
//         .proto_service = parhub::tasks::v1::TaskService::service_full_name(),
//         .default_listen = "0.0.0.0:50052",
//         .default_metrics = "0.0.0.0:9452",
//         .migrations = TasksMigrations,
//         .wire = [](parhub::platform::ServiceEnv& env) { … return service; }});
//   }
#ifndef PARHUB_PLATFORM_RPC_SERVICE_MAIN_H_
#define PARHUB_PLATFORM_RPC_SERVICE_MAIN_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/db/db.h"
#include "platform/db/migrations.h"
#include "platform/rpc/handlers.h"

namespace parhub::platform {

// What wire() gets to build the service from.
struct ServiceEnv final {
  Db& db;
  Handlers& handlers;
  std::function<absl::Time()> clock;  // the service's notion of now
  // For a service that calls other services itself (reporting): the key
  // it signs its own identity with, and its certificate as a TLS client.
  const IdentityKey& identity_key;
  std::shared_ptr<grpc::ChannelCredentials> client_credentials;
};

// A service object and everything it owns (store, domain), kept alive
// until the server has stopped.
struct WiredService final {
  std::shared_ptr<void> owned;  // store, domain…; destroyed after the server stops
  grpc::Service* service = nullptr;
};

struct ServiceSpec final {
  std::string name;           // "tasks": logs, metrics, default schema parhub_<name>
  std::string usage;          // one line for --help
  std::string proto_service;  // "parhub.tasks.v1.TaskService"
  std::string default_listen;
  std::string default_metrics;
  const std::vector<Migration>& (*migrations)() = nullptr;
  std::function<absl::StatusOr<WiredService>(ServiceEnv&)> wire;
};

// Runs the service; returns the process exit code.
int RunService(int argc, char** argv, const ServiceSpec& spec);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_SERVICE_MAIN_H_
