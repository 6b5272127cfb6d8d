// Forward-only numbered schema migrations, embedded in each binary
// (cmake/Migrations.cmake) and applied at start under a MySQL named lock so
// replicas starting together do not race.
#ifndef PARHUB_PLATFORM_DB_MIGRATIONS_H_
#define PARHUB_PLATFORM_DB_MIGRATIONS_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

class Db;

struct Migration final {
  int number;              // 1, 2, … from the file name "001_init.sql"
  const char* name;        // "001_init"
  const char* statements;  // SQL statements separated by ';' at line ends
};

// Applies every migration newer than the schema's recorded version, in
// order, recording each in `schema_migrations`. A database already ahead of
// this binary (a newer replica migrated it during a rolling update) is left
// alone with a warning. Numbers must be strictly increasing.
absl::Status ApplyMigrations(Db& db, absl::string_view service, const std::vector<Migration>& migrations);

// At process start: applies migrations, retrying with backoff (up to 15 s
// between attempts) while the server is unreachable, so start order does not
// matter. Returns CANCELLED when SIGTERM/SIGINT arrives meanwhile (they are
// blocked by ServerRunner and stay pending), and any other error at once.
absl::Status PrepareDatabase(Db& db, absl::string_view service, const std::vector<Migration>& migrations);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_DB_MIGRATIONS_H_
