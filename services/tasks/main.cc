// parhub-tasks: the tasks service process. Configuration comes from flags
// with PARHUB_* environment overrides (platform/flags.h). It refuses to start
// without an identity key, waits for MySQL with backoff (so start order does
// not matter), applies its migrations, then serves until SIGTERM.
#include <signal.h>

#include <algorithm>
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

using ::parhub::platform::ApplyMigrations;
using ::parhub::platform::Db;
using ::parhub::platform::DbConfigFromFlags;
using ::parhub::platform::IdentityKey;
using ::parhub::platform::IdentityKeyFromFlags;
using ::parhub::platform::LogError;
using ::parhub::platform::LogInfo;
using ::parhub::platform::LogWarning;
using ::parhub::platform::ParseFlags;
using ::parhub::platform::ServerOptionsFromFlags;
using ::parhub::platform::ServerRunner;

// Waits `delay` for SIGTERM/SIGINT (blocked by ServerRunner, so they stay
// pending). Returns true when one arrived and the process should stop.
bool ShutdownRequestedWithin(absl::Duration delay) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  timespec timeout = absl::ToTimespec(delay);
  return sigtimedwait(&set, nullptr, &timeout) > 0;
}

// Applies the migrations, retrying while the database is unreachable.
// Returns false when asked to stop meanwhile.
bool MigrateWhenReachable(Db& db) {
  absl::Duration delay = absl::Milliseconds(500);
  for (int attempt = 1;; ++attempt) {
    absl::Status status = ApplyMigrations(db, "tasks", TasksMigrations());
    if (status.ok()) {
      LogInfo("database ready", {{"attempt", absl::StrCat(attempt)}});
      return true;
    }
    LogWarning("database not ready; retrying",
               {{"attempt", absl::StrCat(attempt)},
                {"error", std::string(status.message())},
                {"retry_in", absl::FormatDuration(delay)}});
    if (ShutdownRequestedWithin(delay)) return false;
    delay = std::min(delay * 2, absl::Seconds(15));
  }
}

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
  if (!MigrateWhenReachable(db)) {
    LogInfo("stopped before the database was reachable");
    return EXIT_SUCCESS;
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
