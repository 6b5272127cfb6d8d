// RunService: the one start-up and shutdown sequence of every service.
#include "platform/rpc/service_main.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "platform/core/log.h"
#include "platform/db/idempotency.h"
#include "platform/db/key_retention.h"
#include "platform/rpc/executor.h"
#include "platform/rpc/flags.h"
#include "platform/rpc/server.h"
#include "platform/rpc/tls.h"

namespace parhub::platform {
namespace {

int Fail(absl::string_view what, const absl::Status& status) {
  LogError(what, {{"error", std::string(status.message())}});
  return EXIT_FAILURE;
}

}  // namespace

int RunService(int argc, char** argv, const ServiceSpec& spec) {
  ParseFlags(argc, argv, spec.usage.c_str());
  ServerRunner runner(ServerOptionsFromFlags(spec.name, spec.default_listen, spec.default_metrics));
  absl::StatusOr<IdentityKey> key = IdentityKeyFromFlags();
  if (!key.ok()) {
    return Fail(
        "cannot start without the identity key shared with the gateway "
        "(set --identity_key, PARHUB_IDENTITY_KEY or PARHUB_IDENTITY_KEY_FILE)",
        key.status());
  }
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      MutualTlsServerCredentials(TlsFilesFromFlags());
  if (!credentials.ok()) return Fail("cannot start without its TLS certificate", credentials.status());

  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> client_credentials =
      MutualTlsChannelCredentials(TlsFilesFromFlags());
  if (!client_credentials.ok())
    return Fail("cannot start without its TLS certificate", client_credentials.status());

  const std::optional<GroupCommitOptions> group_commit_options = GroupCommitOptionsFromFlags();
  DbConfig db_config = DbConfigFromFlags(absl::StrCat("parhub_", spec.name));
  // The group committer holds a connection of its own while a batch runs,
  // beside one per handler thread.
  if (group_commit_options) db_config.pool_size += 1;
  Db db(db_config);
  {
    // Migrations (and the platform tables' upgrades, such as an index on a
    // big table) may take far longer than a request's statement: their own
    // connection, without the per-statement limit.
    DbConfig migrating = db_config;
    migrating.pool_size = 1;
    migrating.statement_timeout = absl::Hours(2);
    Db migrator(migrating);
    if (absl::Status ready = PrepareDatabase(migrator, spec.name, spec.migrations()); !ready.ok()) {
      if (absl::IsCancelled(ready)) return EXIT_SUCCESS;
      return Fail("database not ready", ready);
    }
  }
  IdempotencyLedger ledger(db);
  KeyRetention key_retention(ledger, IdempotencyKeyRetentionFromFlags(), absl::Hours(1),
                             [] { return absl::Now(); });
  // Before the executor, so it is destroyed after the executor's threads,
  // which queue into it, have joined.
  std::optional<GroupCommitter> group_commit;
  if (group_commit_options) group_commit.emplace(db, ledger, *group_commit_options);
  Executor executor(ExecutorOptionsFromFlags(spec.name));
  Handlers handlers(spec.proto_service, *key, executor, ledger, PeerPolicyFromFlags(),
                    group_commit ? &*group_commit : nullptr);
  ServiceEnv env{db, handlers, [] { return absl::Now(); }, *key, *client_credentials};
  absl::StatusOr<WiredService> wired = spec.wire(env);
  if (!wired.ok()) return Fail("cannot start the service", wired.status());

  runner.SetCredentials(*credentials);
  runner.AddService(wired->service);
  runner.WatchDb(db);
  runner.WatchExecutor(executor);
  if (group_commit) runner.WatchGroupCommit(*group_commit);
  if (absl::Status served = runner.Run(); !served.ok()) return Fail("server failed", served);
  return EXIT_SUCCESS;
}

}  // namespace parhub::platform
