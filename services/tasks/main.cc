// parhub-tasks: the tasks service process. Configuration comes from flags
// with PARHUB_* environment overrides (platform/flags.h). It refuses to start
// without an identity key, waits for MySQL with backoff (so start order does
// not matter), applies its migrations, then serves until SIGTERM.
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "platform/db.h"
#include "platform/flags.h"
#include "platform/log.h"
#include "platform/migrations.h"
#include "platform/server.h"
#include "services/tasks/rpc/task_service.h"
#include "services/tasks/store/mysql_task_store.h"

namespace {

using ::parhub::platform::Db;
using ::parhub::platform::DbConfigFromFlags;
using ::parhub::platform::IdentityKey;
using ::parhub::platform::IdentityKeyFromFlags;
using ::parhub::platform::LogError;
using ::parhub::platform::ParseFlags;
using ::parhub::platform::PrepareDatabase;
using ::parhub::platform::ServerOptionsFromFlags;
using ::parhub::platform::ServerRunner;

}  // namespace

int main(int argc, char** argv) {
  ParseFlags(argc, argv, "parhub-tasks: plans, tasks, progress and directives service");
  ServerRunner runner(ServerOptionsFromFlags("tasks", "0.0.0.0:50052", "0.0.0.0:9452"));
  absl::StatusOr<IdentityKey> key = IdentityKeyFromFlags();
  if (!key.ok()) {
    LogError("cannot start without the identity key shared with the gateway "
             "(set --identity_key, PARHUB_IDENTITY_KEY or PARHUB_IDENTITY_KEY_FILE)",
             {{"error", std::string(key.status().message())}});
    return EXIT_FAILURE;
  }
  Db db(DbConfigFromFlags("parhub_tasks"));
  if (absl::Status ready = PrepareDatabase(db, "tasks", TasksMigrations()); !ready.ok()) {
    if (absl::IsCancelled(ready)) return EXIT_SUCCESS;
    LogError("database not ready", {{"error", std::string(ready.message())}});
    return EXIT_FAILURE;
  }
  parhub::tasks::TaskServiceImpl service(db, *std::move(key));
  runner.AddService(&service);
  runner.WatchDb(db);
  absl::Status served = runner.Run();
  if (!served.ok()) {
    LogError("server failed", {{"error", std::string(served.message())}});
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
