// A fresh, uniquely named database for one integration-test binary, created
// on the MariaDB/MySQL server named by PARHUB_TEST_DB_HOST/PORT/SOCKET/USER/
// PASSWORD (the test command starts a project-local server and sets them),
// and dropped when the binary ends.
#ifndef PARHUB_PLATFORM_TESTING_TEST_DATABASE_H_
#define PARHUB_PLATFORM_TESTING_TEST_DATABASE_H_

#include <memory>
#include <string>

#include "platform/db/db.h"

namespace parhub::testing {

class TestDatabase final {
 public:
  // Aborts the test binary with a clear message when no server is reachable.
  explicit TestDatabase(const std::string& prefix);
  ~TestDatabase();

  // Settings for connecting to the fresh database.
  const platform::DbConfig& config() const { return config_; }

 private:
  platform::DbConfig admin_;
  platform::DbConfig config_;
};

}  // namespace parhub::testing

#endif  // PARHUB_PLATFORM_TESTING_TEST_DATABASE_H_
