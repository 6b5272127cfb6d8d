// parhub-directory: authorities, schools, accounts and API keys.
#include <iostream>

#include "absl/flags/flag.h"
#include "platform/flags.h"
#include "platform/idempotency.h"
#include "platform/log.h"
#include "platform/migrations.h"
#include "services/directory/domain/directory.h"
#include "services/directory/rpc/directory_service_impl.h"
#include "services/directory/store/mysql_directory_store.h"

ABSL_FLAG(std::string, bootstrap_admin_key, "",
          "API key (phk_…) for the first admin on an empty directory; random and printed once if empty");
ABSL_FLAG(std::string, root_authority_id, "hcm", "Id of the root authority created on an empty directory");
ABSL_FLAG(std::string, root_authority_name, "UBND Thành phố Hồ Chí Minh", "Its display name");

const std::vector<parhub::platform::Migration>& DirectoryMigrations();

int main(int argc, char** argv) {
  using namespace parhub;
  platform::ParseFlags(argc, argv, "parhub-directory: authorities, schools, accounts, API keys");
  platform::ServerRunner runner(platform::ServerOptionsFromFlags("directory", "0.0.0.0:50051", "0.0.0.0:9451"));
  auto key = platform::IdentityKeyFromFlags();
  if (!key.ok()) {
    platform::LogError("cannot start without the identity key shared with the gateway "
                       "(set --identity_key, PARHUB_IDENTITY_KEY or PARHUB_IDENTITY_KEY_FILE)",
                       {{"error", std::string(key.status().message())}});
    return 1;
  }
  platform::Db db(platform::DbConfigFromFlags("parhub_directory"));
  if (absl::Status ready = platform::PrepareDatabase(db, "directory", DirectoryMigrations()); !ready.ok()) {
    if (absl::IsCancelled(ready)) return 0;
    platform::LogError("database not ready", {{"error", std::string(ready.message())}});
    return 1;
  }
  directory::MySqlDirectoryStore store(db);
  directory::Directory domain(store, [] { return absl::Now(); });
  directory::Authority root{absl::GetFlag(FLAGS_root_authority_id), absl::GetFlag(FLAGS_root_authority_id),
                            absl::GetFlag(FLAGS_root_authority_name), "", "city", {}, {}};
  auto bootstrap = domain.Bootstrap(root, absl::GetFlag(FLAGS_bootstrap_admin_key));
  if (!bootstrap.ok()) {
    platform::LogError("bootstrap failed", {{"error", std::string(bootstrap.status().message())}});
    return 1;
  }
  if (bootstrap->has_value()) {
    // Printed once, to the terminal only, never into the JSON log.
    std::cout << "Khoá API quản trị ban đầu (bootstrap admin API key, shown once): " << **bootstrap << std::endl;
  }
  platform::IdempotencyLedger ledger(db);
  directory::DirectoryServiceImpl service(domain, ledger, *key);
  runner.AddService(&service);
  runner.WatchDb(db);
  absl::Status served = runner.Run();
  if (!served.ok()) {
    platform::LogError("server failed", {{"error", std::string(served.message())}});
    return 1;
  }
  return 0;
}
