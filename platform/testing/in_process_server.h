// One service's RPC adapter served in-process for integration tests: a
// fresh test database with the service's migrations, the platform's real
// Handlers, Executor, IdempotencyLedger and GroupCommitter over it, on 127.0.0.1 (ephemeral
// port, plaintext: the only place a service runs without mutual TLS), with
// contexts carrying identities signed for exactly the method called, as the
// gateway sends them.
//
//   InProcessServer server(v1::TaskService::service_full_name(), "tasks", TasksMigrations());
//   MySqlTaskStore store(server.db());
//   TaskServiceImpl service(server.handlers(), book, desk, summarizer);
//   server.Start(&service);
//   auto stub = v1::TaskService::NewStub(server.channel());
//   stub->GetTask(server.Context(caller, "GetTask").get(), request, &task);
#ifndef PARHUB_PLATFORM_TESTING_IN_PROCESS_SERVER_H_
#define PARHUB_PLATFORM_TESTING_IN_PROCESS_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "parhub/common/v1/types.pb.h"
#include "platform/core/caller.h"
#include "platform/db/db.h"
#include "platform/db/idempotency.h"
#include "platform/db/migrations.h"
#include "platform/rpc/executor.h"
#include "platform/rpc/handlers.h"
#include "platform/rpc/identity.h"
#include "platform/testing/test_database.h"

namespace parhub::testing {

// A proto calendar date, for requests in tests.
parhub::common::v1::Date ProtoDate(int year, int month, int day);
// The request field named by an INVALID_ARGUMENT's BadRequest detail, or "".
std::string ViolatedField(const grpc::Status& status);
// The ErrorInfo reason of a status, or "".
std::string ReasonOf(const grpc::Status& status);

class InProcessServer final {
 public:
  // Aborts the test binary when the database cannot be made or migrated.
  InProcessServer(std::string service_full_name, const std::string& name,
                  const std::vector<platform::Migration>& migrations,
                  platform::ExecutorOptions executor = {"test", 8, 1024});
  ~InProcessServer();

  platform::Db& db() { return *db_; }
  platform::Handlers& handlers() { return *handlers_; }
  const platform::IdentityKey& key() const { return *key_; }
  // Serves `service` (built on handlers()); aborts the test binary on failure.
  void Start(grpc::Service* service);
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }

  // A context with a 20 s deadline and `caller`'s identity for `method`,
  // the RPC's name ("GetTask") in this service.
  std::unique_ptr<grpc::ClientContext> Context(const platform::Caller& caller,
                                               const std::string& method) const;

 private:
  std::string service_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<platform::Db> db_;
  std::unique_ptr<platform::IdentityKey> key_;
  std::unique_ptr<platform::Executor> executor_;
  std::unique_ptr<platform::IdempotencyLedger> ledger_;
  std::unique_ptr<platform::GroupCommitter> group_commit_;
  std::unique_ptr<platform::Handlers> handlers_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace parhub::testing

#endif  // PARHUB_PLATFORM_TESTING_IN_PROCESS_SERVER_H_
