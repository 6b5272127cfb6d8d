// Per-binary test databases.
#include "platform/testing/test_database.h"

#include <cstdlib>
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/resource_name.h"

namespace parhub::testing {
namespace {
std::string Env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value ? value : fallback;
}
}  // namespace

TestDatabase::TestDatabase(const std::string& prefix) {
  admin_.host = Env("PARHUB_TEST_DB_HOST", "127.0.0.1");
  int port = 3306;
  (void)absl::SimpleAtoi(Env("PARHUB_TEST_DB_PORT", "3306"), &port);
  admin_.port = port;
  admin_.socket = Env("PARHUB_TEST_DB_SOCKET", "");
  admin_.user = Env("PARHUB_TEST_DB_USER", "root");
  admin_.password = Env("PARHUB_TEST_DB_PASSWORD", "");
  admin_.pool_size = 1;
  config_ = admin_;
  config_.database = absl::StrCat("parhub_test_", prefix, "_", platform::RandomHex(4));
  config_.pool_size = 8;
  platform::Db admin(admin_);
  auto created = admin.Execute(absl::StrCat("CREATE DATABASE `", config_.database,
                                            "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
  if (!created.ok()) {
    std::cerr << "Integration tests need a MariaDB/MySQL server (set PARHUB_TEST_DB_*; "
                 "scripts/test.sh starts one): "
              << created.status() << "\n";
    std::abort();
  }
}

TestDatabase::~TestDatabase() {
  platform::Db admin(admin_);
  (void)admin.Execute(absl::StrCat("DROP DATABASE IF EXISTS `", config_.database, "`"));
}

}  // namespace parhub::testing
