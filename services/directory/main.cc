// parhub-directory: authorities, schools, accounts and API keys. Built from
// the service skeleton (platform/rpc/service_main.h): this file wires store →
// domain → rpc and bootstraps an empty directory (root authority and its
// first administrator's key, printed once to the terminal, never logged).
#include <iostream>
#include <memory>

#include "absl/flags/flag.h"
#include "platform/rpc/service_main.h"
#include "services/directory/rpc/directory_service.h"
#include "services/directory/store/mysql_directory_store.h"

ABSL_FLAG(std::string, bootstrap_admin_key, "",
          "API key (phk_…) for the first admin on an empty directory; random and printed once if empty");
ABSL_FLAG(std::string, root_authority_id, "hcm", "Id of the root authority created on an empty directory");
ABSL_FLAG(std::string, root_authority_name, "UBND Thành phố Hồ Chí Minh", "Its display name");

const std::vector<parhub::platform::Migration>& DirectoryMigrations();

namespace {

using parhub::directory::Directory;

// Everything the service object uses, owned together.
struct DirectoryService final {
  explicit DirectoryService(parhub::platform::ServiceEnv& env)
      : store(env.db), domain(store, env.clock), rpc(env.handlers, domain) {}
  parhub::directory::MySqlDirectoryStore store;
  Directory domain;
  parhub::directory::DirectoryServiceImpl rpc;
};

absl::StatusOr<parhub::platform::WiredService> Wire(parhub::platform::ServiceEnv& env) {
  auto service = std::make_shared<DirectoryService>(env);
  parhub::directory::Authority root{absl::GetFlag(FLAGS_root_authority_id),
                                    absl::GetFlag(FLAGS_root_authority_id),
                                    absl::GetFlag(FLAGS_root_authority_name),
                                    "",
                                    "city",
                                    {},
                                    {}};
  absl::StatusOr<std::optional<std::string>> bootstrap =
      service->domain.Bootstrap(root, absl::GetFlag(FLAGS_bootstrap_admin_key));
  if (!bootstrap.ok()) return bootstrap.status();
  if (bootstrap->has_value()) {
    // Printed once, to the terminal only, never into the JSON log.
    std::cout << "Khoá API quản trị ban đầu (bootstrap admin API key, shown once): " << **bootstrap
              << std::endl;
  }
  return parhub::platform::WiredService{service, &service->rpc};
}

}  // namespace

int main(int argc, char** argv) {
  return parhub::platform::RunService(
      argc, argv,
      {.name = "directory",
       .usage = "parhub-directory: authorities, schools, accounts, API keys",
       .proto_service = parhub::directory::v1::DirectoryService::service_full_name(),
       .default_listen = "0.0.0.0:50051",
       .default_metrics = "0.0.0.0:9451",
       .migrations = DirectoryMigrations,
       .wire = Wire});
}
