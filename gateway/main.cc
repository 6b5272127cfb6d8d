// parhub-gateway: the only public entry. Authenticates API keys, authorizes
// every method from one table, forwards to the backend registered for the
// method's service with a signed identity over mutual TLS, and serves
// authority-wide roll-ups on its bounded executor, and the citizens' public
// API (no account; abuse limits per client address).
#include <cstdlib>

#include "absl/flags/flag.h"
#include "gateway/authenticator.h"
#include "gateway/authority_rollup.h"
#include "gateway/authority_service.h"
#include "gateway/backends.h"
#include "gateway/gateway_service.h"
#include "gateway/proxy.h"
#include "gateway/public_api.h"
#include "gateway/reflection_markers.h"
#include "platform/core/log.h"
#include "platform/rpc/executor.h"
#include "platform/rpc/flags.h"
#include "platform/rpc/tls.h"

ABSL_FLAG(std::string, backends, "",
          "Backend addresses as name=host:port, comma-separated (e.g. "
          "directory=directory:50051,tasks=tasks:50052); names: directory, tasks, staffing, "
          "finance, complaints, reporting; a backend not listed is dialled at its default "
          "127.0.0.1 port (50051-50056)");
ABSL_FLAG(int, breaker_failures, 5,
          "Calls to a backend in a row that end UNAVAILABLE or DEADLINE_EXCEEDED before the gateway "
          "fails calls to it fast");
ABSL_FLAG(int, breaker_open_ms, 3000,
          "How long calls to a failing backend are refused at once before one probe call is let through");
ABSL_FLAG(int, auth_cache_ttl_s, 5, "Seconds a resolved API key is cached (revocation delay)");
ABSL_FLAG(int, call_deadline_ms, 10000,
          "Deadline for a forwarded call when the client sets none or a later one");
ABSL_FLAG(int, rollup_deadline_ms, 20000, "Deadline for authority-wide roll-ups");
ABSL_FLAG(int, rollup_threads, 4, "Threads for roll-ups (each waits on many parallel calls)");
ABSL_FLAG(int, rollup_queue_depth, 64, "Roll-ups that may wait for a thread; beyond it RESOURCE_EXHAUSTED");
ABSL_FLAG(int, public_threads, 4, "Threads for the citizens' public API (each waits on a service call)");
ABSL_FLAG(int, public_queue_depth, 256,
          "Public calls that may wait for a thread; beyond it RESOURCE_EXHAUSTED");

namespace {

int Fail(absl::string_view what, const absl::Status& status) {
  parhub::platform::LogError(what, {{"error", std::string(status.message())}});
  return EXIT_FAILURE;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace parhub;
  platform::ParseFlags(argc, argv, "parhub-gateway: the public entry of parhub");
  platform::ServerRunner runner(platform::ServerOptionsFromFlags("gateway", "0.0.0.0:50050", "0.0.0.0:9450"));
  absl::StatusOr<platform::IdentityKey> key = platform::IdentityKeyFromFlags();
  if (!key.ok()) {
    return Fail(
        "cannot start without the identity key shared with the services "
        "(set --identity_key, PARHUB_IDENTITY_KEY or PARHUB_IDENTITY_KEY_FILE)",
        key.status());
  }
  auto credentials = platform::MutualTlsChannelCredentials(platform::TlsFilesFromFlags());
  if (!credentials.ok())
    return Fail("cannot reach the services without the gateway's certificate", credentials.status());
  if (absl::GetFlag(FLAGS_breaker_failures) < 1 || absl::GetFlag(FLAGS_breaker_open_ms) < 1) {
    return Fail("bad breaker flags",
                absl::InvalidArgumentError("--breaker_failures and --breaker_open_ms must be >= 1"));
  }
  auto backends = gateway::Backends::Connect(
      absl::GetFlag(FLAGS_backends), *credentials,
      {absl::GetFlag(FLAGS_breaker_failures), absl::Milliseconds(absl::GetFlag(FLAGS_breaker_open_ms))});
  if (!backends.ok()) return Fail("bad --backends", backends.status());

  gateway::Authenticator authenticator(gateway::DirectoryKeyLookup((*backends)->Named("directory"), *key),
                                       absl::Seconds(absl::GetFlag(FLAGS_auth_cache_ttl_s)));
  gateway::Proxy proxy(**backends, authenticator, *key,
                       absl::Milliseconds(absl::GetFlag(FLAGS_call_deadline_ms)));
  platform::Executor rollups(
      {"rollups", absl::GetFlag(FLAGS_rollup_threads), absl::GetFlag(FLAGS_rollup_queue_depth)});
  gateway::AuthorityRollup rollup(**backends, *key);
  gateway::GatewayServiceImpl service(authenticator, rollup, rollups,
                                      absl::Milliseconds(absl::GetFlag(FLAGS_rollup_deadline_ms)));
  platform::Executor public_calls(
      {"public", absl::GetFlag(FLAGS_public_threads), absl::GetFlag(FLAGS_public_queue_depth)});
  gateway::AbuseLimiter limiter;
  gateway::PublicApi public_api(**backends, *key, public_calls, limiter,
                                absl::Milliseconds(absl::GetFlag(FLAGS_call_deadline_ms)));
  gateway::AuthorityServiceImpl authority_service(
      authenticator, rollup, rollups, absl::Milliseconds(absl::GetFlag(FLAGS_rollup_deadline_ms)));
  runner.AddService(&service);
  runner.AddService(&authority_service);
  runner.AddService(&public_api);
  auto reflection_markers = gateway::ReflectionMarkersForBackends();
  for (auto& marker : reflection_markers) runner.AddService(marker.get());
  runner.SetGenericService(&proxy);
  runner.WatchExecutor(rollups);
  runner.WatchExecutor(public_calls);
  if (absl::Status served = runner.Run(); !served.ok()) return Fail("server failed", served);
  return EXIT_SUCCESS;
}
