// parhub-gateway: the only public entry. Authenticates API keys, authorizes
// every method from one table, forwards to the backend registered for the
// method's service with a signed identity over mutual TLS, and serves
// authority-wide roll-ups on its bounded executor, and the citizens' public
// API (no account; abuse limits per client address). The same methods are
// served as HTTP/JSON (--http_address) through the gRPC server itself.
#include <cstdlib>

#include "absl/flags/flag.h"
#include "absl/strings/str_split.h"
#include "gateway/authenticator.h"
#include "gateway/authority_rollup.h"
#include "gateway/authority_service.h"
#include "gateway/backends.h"
#include "gateway/gateway_service.h"
#include "gateway/http_gateway.h"
#include "gateway/proxy.h"
#include "gateway/public_api.h"
#include "gateway/reflection_markers.h"
#include "gateway/school_rollups.h"
#include "platform/core/log.h"
#include "platform/rpc/client.h"
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
ABSL_FLAG(int, auth_stale_grace_s, 60,
          "Seconds past its cache entry's expiry a key keeps working while the directory cannot be "
          "reached (0: off)");
ABSL_FLAG(double, key_rate_per_s, 100,
          "Calls per second one API key may sustain (token bucket; 0: unlimited)");
ABSL_FLAG(double, public_rate_per_s, 1, "Public (citizen) calls per second one client address may sustain");
ABSL_FLAG(double, public_burst, 60, "Public calls one client address may make at once");
ABSL_FLAG(std::string, root_authority_id, "hcm",
          "The directory's root authority: the public school search covers the schools under it");
ABSL_FLAG(double, key_burst, 200, "Calls one API key may make at once before --key_rate_per_s applies");
ABSL_FLAG(int, call_deadline_ms, 10000,
          "Deadline for a forwarded call when the client sets none or a later one");
ABSL_FLAG(int, rollup_deadline_ms, 20000, "Deadline for authority-wide roll-ups");
ABSL_FLAG(int, rollup_threads, 4, "Threads for roll-ups (each waits on many parallel calls)");
ABSL_FLAG(int, rollup_queue_depth, 64, "Roll-ups that may wait for a thread; beyond it RESOURCE_EXHAUSTED");
ABSL_FLAG(int, public_threads, 4, "Threads for the citizens' public API (each waits on a service call)");
ABSL_FLAG(int, public_queue_depth, 256,
          "Public calls that may wait for a thread; beyond it RESOURCE_EXHAUSTED");

ABSL_FLAG(
    std::string, http_address, "0.0.0.0:8080",
    "HTTP/JSON listen address (plain HTTP, like the gRPC port: terminate TLS in front); empty disables");
ABSL_FLAG(std::string, http_cors_origins, "",
          "Origins allowed to call the HTTP/JSON API from a browser, comma-separated exact matches "
          "(e.g. https://parhub.example.vn); empty: CORS closed");
ABSL_FLAG(
    int64_t, http_max_body_bytes, 28 << 20,
    "Largest HTTP request body; larger ones get 413 (default 28 MiB: a 20 MB evidence file in base64 JSON)");
ABSL_FLAG(int, http_threads, 16, "Threads serving HTTP connections (each blocks on one call at a time)");
ABSL_FLAG(int, http_queue_depth, 64, "HTTP connections that may wait for a thread; beyond it 503");
ABSL_FLAG(int, http_timeout_s, 10, "HTTP read and write timeout in seconds");
ABSL_FLAG(int, http_call_deadline_ms, 30000, "Deadline of the gRPC call an HTTP request makes");
ABSL_FLAG(std::string, web_dir, "",
          "The built web dashboard (build/web/site; /usr/share/parhub/web in the image), served on the HTTP "
          "port at / and /web/; empty: no dashboard");
ABSL_FLAG(bool, web_insecure_cookie, false,
          "Send the dashboard's session cookie without Secure (plain-HTTP development only; behind TLS "
          "leave it off)");
ABSL_FLAG(int, web_session_idle_min, 30, "Minutes a dashboard session lives without use");

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
  if (absl::GetFlag(FLAGS_auth_stale_grace_s) < 0) {
    return Fail("bad --auth_stale_grace_s", absl::InvalidArgumentError("--auth_stale_grace_s must be >= 0"));
  }
  if (absl::GetFlag(FLAGS_breaker_failures) < 1 || absl::GetFlag(FLAGS_breaker_open_ms) < 1) {
    return Fail("bad breaker flags",
                absl::InvalidArgumentError("--breaker_failures and --breaker_open_ms must be >= 1"));
  }
  auto backends = gateway::Backends::Connect(
      absl::GetFlag(FLAGS_backends), *credentials,
      {absl::GetFlag(FLAGS_breaker_failures), absl::Milliseconds(absl::GetFlag(FLAGS_breaker_open_ms))});
  if (!backends.ok()) return Fail("bad --backends", backends.status());

  gateway::Authenticator authenticator(
      gateway::DirectoryKeyLookup((*backends)->Named("directory"), *key),
      absl::Seconds(absl::GetFlag(FLAGS_auth_cache_ttl_s)), [] { return absl::Now(); },
      gateway::BucketRate{absl::GetFlag(FLAGS_key_rate_per_s), absl::GetFlag(FLAGS_key_burst)},
      absl::Seconds(absl::GetFlag(FLAGS_auth_stale_grace_s)));
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
  gateway::PublicApi public_api(
      **backends, *key, public_calls, limiter, absl::Milliseconds(absl::GetFlag(FLAGS_call_deadline_ms)),
      gateway::BucketRate{absl::GetFlag(FLAGS_public_rate_per_s), absl::GetFlag(FLAGS_public_burst)},
      absl::GetFlag(FLAGS_root_authority_id));
  gateway::RollupPages rollup_pages;
  gateway::SchoolRollups school_rollups(**backends, *key, rollup_pages);
  gateway::AuthorityServiceImpl authority_service(
      authenticator, rollup, school_rollups, rollups,
      absl::Milliseconds(absl::GetFlag(FLAGS_rollup_deadline_ms)));
  runner.AddService(&service);
  runner.AddService(&authority_service);
  runner.AddService(&public_api);
  auto reflection_markers = gateway::ReflectionMarkersForBackends();
  for (auto& marker : reflection_markers) runner.AddService(marker.get());
  runner.SetGenericService(&proxy);
  runner.WatchExecutor(rollups);
  runner.WatchExecutor(public_calls);
  std::unique_ptr<gateway::HttpGateway> http;
  if (std::string address = absl::GetFlag(FLAGS_http_address); !address.empty()) {
    gateway::HttpGatewayOptions options;
    options.address = address;
    options.cors_origins =
        absl::StrSplit(absl::GetFlag(FLAGS_http_cors_origins), ',', absl::SkipWhitespace());
    options.max_body_bytes =
        static_cast<size_t>(std::max<int64_t>(1, absl::GetFlag(FLAGS_http_max_body_bytes)));
    options.threads = absl::GetFlag(FLAGS_http_threads);
    options.queue_depth = absl::GetFlag(FLAGS_http_queue_depth);
    options.read_timeout = options.write_timeout = absl::Seconds(absl::GetFlag(FLAGS_http_timeout_s));
    options.call_deadline = absl::Milliseconds(absl::GetFlag(FLAGS_http_call_deadline_ms));
    options.web.dir = absl::GetFlag(FLAGS_web_dir);
    options.web.secure_cookie = !absl::GetFlag(FLAGS_web_insecure_cookie);
    options.web.sessions.idle = absl::Minutes(std::max(1, absl::GetFlag(FLAGS_web_session_idle_min)));
    http = std::make_unique<gateway::HttpGateway>(std::move(options));
    runner.OnStarted([&http](grpc::Server& server) {
      grpc::ChannelArguments args;
      args.SetMaxReceiveMessageSize(platform::kMaxMessageBytes);
      args.SetMaxSendMessageSize(platform::kMaxMessageBytes);
      return http->Start(server.InProcessChannel(args));
    });
    runner.OnStopping([&http] { http->Stop(); });
  }
  if (absl::Status served = runner.Run(); !served.ok()) return Fail("server failed", served);
  return EXIT_SUCCESS;
}
