// Per-binary test databases.
#include "platform/testing/test_database.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"

namespace parhub::testing {
namespace {
std::string Env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value ? value : fallback;
}

// The admin password: the content of PARHUB_TEST_DB_PASSWORD_FILE (trailing
// newlines removed) when that is set, else PARHUB_TEST_DB_PASSWORD.
std::string AdminPassword() {
  const std::string file = Env("PARHUB_TEST_DB_PASSWORD_FILE", "");
  if (file.empty()) return Env("PARHUB_TEST_DB_PASSWORD", "");
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "PARHUB_TEST_DB_PASSWORD_FILE=" << file << " cannot be read\n";
    std::abort();
  }
  std::ostringstream content;
  content << in.rdbuf();
  std::string password = content.str();
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
  return password;
}
}  // namespace

TestDatabase::TestDatabase(const std::string& prefix) {
  admin_.host = Env("PARHUB_TEST_DB_HOST", "127.0.0.1");
  int port = 3306;
  (void)absl::SimpleAtoi(Env("PARHUB_TEST_DB_PORT", "3306"), &port);
  admin_.port = port;
  admin_.socket = Env("PARHUB_TEST_DB_SOCKET", "");
  admin_.user = Env("PARHUB_TEST_DB_USER", "root");
  admin_.password = AdminPassword();
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
