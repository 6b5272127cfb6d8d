// Process configuration: absl flags, each overridable by an environment
// variable PARHUB_<FLAG_NAME> (12-factor); a flag given on the command line
// wins. Secrets may come from files: PARHUB_<FLAG_NAME>_FILE.
#ifndef PARHUB_PLATFORM_RPC_FLAGS_H_
#define PARHUB_PLATFORM_RPC_FLAGS_H_

#include <optional>
#include <string>

#include "absl/flags/declare.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/db/db.h"
#include "platform/db/group_commit.h"
#include "platform/rpc/executor.h"
#include "platform/rpc/handlers.h"
#include "platform/rpc/identity.h"
#include "platform/rpc/server.h"

ABSL_DECLARE_FLAG(std::string, listen);
ABSL_DECLARE_FLAG(std::string, metrics_listen);
ABSL_DECLARE_FLAG(int, handler_threads);
ABSL_DECLARE_FLAG(int, handler_queue_depth);
ABSL_DECLARE_FLAG(std::string, db_host);
ABSL_DECLARE_FLAG(int, db_port);
ABSL_DECLARE_FLAG(std::string, db_socket);
ABSL_DECLARE_FLAG(std::string, db_user);
ABSL_DECLARE_FLAG(std::string, db_password);
ABSL_DECLARE_FLAG(std::string, db_name);
ABSL_DECLARE_FLAG(int, db_pool_size);
ABSL_DECLARE_FLAG(int, db_statement_timeout_s);
ABSL_DECLARE_FLAG(std::string, identity_key);
ABSL_DECLARE_FLAG(std::string, log_level);

namespace parhub::platform {

// Applies environment overrides, then parses the command line. Exits with
// a message on unknown flags or unparsable values.
void ParseFlags(int argc, char** argv, const char* usage);

// Server options from --listen/--metrics_listen, with the
// service's default ports when the flags are empty.
ServerOptions ServerOptionsFromFlags(const std::string& name, const std::string& default_listen,
                                     const std::string& default_metrics);
// Database settings from the --db_* flags; `default_name` when --db_name is empty.
DbConfig DbConfigFromFlags(const std::string& default_name);
// Handler executor from --handler_threads/--handler_queue_depth.
ExecutorOptions ExecutorOptionsFromFlags(const std::string& name);
// --idempotency_key_retention_days as a duration (zero: keep forever).
absl::Duration IdempotencyKeyRetentionFromFlags();
// --group_commit (default off) and --group_commit_max_batch; nullopt when off.
std::optional<GroupCommitOptions> GroupCommitOptionsFromFlags();
// Whose client certificates may call the service (--tls_allowed_clients).
PeerPolicy PeerPolicyFromFlags();
// The identity key from --identity_key (or PARHUB_IDENTITY_KEY[_FILE]).
absl::StatusOr<IdentityKey> IdentityKeyFromFlags();

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_FLAGS_H_
