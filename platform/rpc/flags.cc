// Flags with environment overrides.
#include "platform/rpc/flags.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "platform/core/log.h"

ABSL_FLAG(std::string, listen, "", "gRPC listen address host:port");
ABSL_FLAG(std::string, metrics_listen, "", "Prometheus /metrics address host:port (\"off\" disables)");
ABSL_FLAG(
    int, malloc_arenas, 2,
    "glibc malloc arenas at most (M_ARENA_MAX): few, so resident memory stays flat; 0: glibc's default");
ABSL_FLAG(int, idempotency_key_retention_days, 30,
          "Days a request_id is remembered for replays (0: forever); older keys are forgotten hourly");
ABSL_FLAG(int, handler_threads, 0,
          "Threads running handler bodies (0: as many as --db_pool_size, so each body finds a connection)");
ABSL_FLAG(int, handler_queue_depth, 1024,
          "Calls that may wait for a handler thread; beyond it calls get RESOURCE_EXHAUSTED");
ABSL_FLAG(bool, group_commit, false,
          "Coalesce concurrent writes that allow it (finance's payments) into one transaction and commit "
          "(off by default: slower where fsync is cheap; docs/BENCHMARKS.md, \"Group commit\")");
ABSL_FLAG(int, group_commit_max_batch, 64, "Writes in one group-commit transaction at most");
ABSL_FLAG(std::string, tls_allowed_clients, "gateway",
          "Comma-separated certificate names (CN) allowed to call this service's methods");
ABSL_FLAG(std::string, db_host, "127.0.0.1", "MySQL host");
ABSL_FLAG(int, db_port, 3306, "MySQL port");
ABSL_FLAG(std::string, db_socket, "", "MySQL unix socket (instead of host/port)");
ABSL_FLAG(std::string, db_user, "", "MySQL user");
ABSL_FLAG(std::string, db_password, "", "MySQL password (prefer PARHUB_DB_PASSWORD_FILE)");
ABSL_FLAG(std::string, db_name, "", "MySQL schema of this service");
ABSL_FLAG(int, db_pool_size, 8, "Maximum MySQL connections");
ABSL_FLAG(int, db_statement_timeout_s, 10, "Per-statement timeout in seconds");
ABSL_FLAG(int, db_idle_transaction_timeout_s, 30,
          "MariaDB ends a transaction idle this long between statements and frees its locks");
ABSL_FLAG(int, db_statement_cache, 256,
          "Prepared statements kept per MySQL connection (0: prepare on every call)");
ABSL_FLAG(std::string, identity_key, "",
          "Shared secret (>= 32 bytes) signing identities between gateway and services");
ABSL_FLAG(std::string, log_level, "info", "debug, info, warning or error");

namespace parhub::platform {
namespace {

std::string EnvName(absl::string_view flag) { return absl::StrCat("PARHUB_", absl::AsciiStrToUpper(flag)); }

std::string ReadFileTrimmed(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

void ParseFlags(int argc, char** argv, const char* usage) {
  absl::SetProgramUsageMessage(usage);
  for (auto& [name, flag] : absl::GetAllFlags()) {
    std::string value;
    if (const char* file = std::getenv((EnvName(name) + "_FILE").c_str())) {
      value = ReadFileTrimmed(file);
    } else if (const char* env = std::getenv(EnvName(name).c_str())) {
      value = env;
    } else {
      continue;
    }
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      std::cerr << EnvName(name) << ": " << error << "\n";
      std::exit(2);
    }
  }
  absl::ParseCommandLine(argc, argv);
  std::string level = absl::GetFlag(FLAGS_log_level);
  if (level == "debug") SetMinLogLevel(LogLevel::kDebug);
  if (level == "warning") SetMinLogLevel(LogLevel::kWarning);
  if (level == "error") SetMinLogLevel(LogLevel::kError);
}

ServerOptions ServerOptionsFromFlags(const std::string& name, const std::string& default_listen,
                                     const std::string& default_metrics) {
  ServerOptions options;
  options.name = name;
  options.listen = absl::GetFlag(FLAGS_listen).empty() ? default_listen : absl::GetFlag(FLAGS_listen);
  std::string metrics = absl::GetFlag(FLAGS_metrics_listen);
  options.metrics_listen = metrics.empty() ? default_metrics : (metrics == "off" ? "" : metrics);
  options.malloc_arenas = std::max(0, absl::GetFlag(FLAGS_malloc_arenas));
  return options;
}

DbConfig DbConfigFromFlags(const std::string& default_name) {
  DbConfig config;
  config.host = absl::GetFlag(FLAGS_db_host);
  config.port = absl::GetFlag(FLAGS_db_port);
  config.socket = absl::GetFlag(FLAGS_db_socket);
  config.user = absl::GetFlag(FLAGS_db_user);
  config.password = absl::GetFlag(FLAGS_db_password);
  config.database = absl::GetFlag(FLAGS_db_name).empty() ? default_name : absl::GetFlag(FLAGS_db_name);
  config.pool_size = absl::GetFlag(FLAGS_db_pool_size);
  config.statement_timeout = absl::Seconds(absl::GetFlag(FLAGS_db_statement_timeout_s));
  config.idle_transaction_timeout =
      absl::Seconds(std::max(1, absl::GetFlag(FLAGS_db_idle_transaction_timeout_s)));
  config.statement_cache = std::max(0, absl::GetFlag(FLAGS_db_statement_cache));
  return config;
}

ExecutorOptions ExecutorOptionsFromFlags(const std::string& name) {
  ExecutorOptions options;
  options.name = name;
  int threads = absl::GetFlag(FLAGS_handler_threads);
  options.threads = threads > 0 ? threads : std::max(1, absl::GetFlag(FLAGS_db_pool_size));
  options.queue_depth = std::max(1, absl::GetFlag(FLAGS_handler_queue_depth));
  return options;
}

absl::Duration IdempotencyKeyRetentionFromFlags() {
  return absl::Hours(24) * std::max(0, absl::GetFlag(FLAGS_idempotency_key_retention_days));
}

std::optional<GroupCommitOptions> GroupCommitOptionsFromFlags() {
  if (!absl::GetFlag(FLAGS_group_commit)) return std::nullopt;
  GroupCommitOptions options;
  options.max_batch = std::max(1, absl::GetFlag(FLAGS_group_commit_max_batch));
  options.queue_depth = std::max(1, absl::GetFlag(FLAGS_handler_queue_depth));
  return options;
}

PeerPolicy PeerPolicyFromFlags() {
  PeerPolicy policy;
  for (absl::string_view name :
       absl::StrSplit(absl::GetFlag(FLAGS_tls_allowed_clients), ',', absl::SkipWhitespace())) {
    policy.allowed.insert(std::string(absl::StripAsciiWhitespace(name)));
  }
  return policy;
}

absl::StatusOr<IdentityKey> IdentityKeyFromFlags() {
  return IdentityKey::Create(absl::GetFlag(FLAGS_identity_key));
}

}  // namespace parhub::platform
