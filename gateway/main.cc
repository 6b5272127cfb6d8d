// parhub-gateway: the only public entry. Authenticates API keys, authorizes
// every method from one table, forwards with a signed identity, and serves
// authority-wide roll-ups.
#include "absl/flags/flag.h"
#include "gateway/authenticator.h"
#include "gateway/authority_rollup.h"
#include "gateway/gateway_service.h"
#include "gateway/proxy.h"
#include "gateway/work_queue.h"
#include "platform/client.h"
#include "platform/flags.h"
#include "platform/log.h"

ABSL_FLAG(std::string, directory_addr, "127.0.0.1:50051", "directory service host:port");
ABSL_FLAG(std::string, tasks_addr, "127.0.0.1:50052", "tasks service host:port");
ABSL_FLAG(int, auth_cache_ttl_s, 5, "Seconds a resolved API key is cached (revocation delay)");
ABSL_FLAG(int, call_deadline_ms, 10000, "Deadline for a forwarded call when the client sets none or a later one");
ABSL_FLAG(int, rollup_deadline_ms, 20000, "Deadline for authority-wide roll-ups");
ABSL_FLAG(int, rollup_threads, 4, "Threads for roll-ups (each waits on many parallel calls)");

int main(int argc, char** argv) {
  using namespace parhub;
  platform::ParseFlags(argc, argv, "parhub-gateway: the public entry of parhub");
  platform::ServerRunner runner(platform::ServerOptionsFromFlags("gateway", "0.0.0.0:50050", "0.0.0.0:9450"));
  auto key = platform::IdentityKeyFromFlags();
  if (!key.ok()) {
    platform::LogError("cannot start without the identity key shared with the services "
                       "(set --identity_key, PARHUB_IDENTITY_KEY or PARHUB_IDENTITY_KEY_FILE)",
                       {{"error", std::string(key.status().message())}});
    return 1;
  }
  auto directory_channel = platform::MakeChannel(absl::GetFlag(FLAGS_directory_addr));
  auto tasks_channel = platform::MakeChannel(absl::GetFlag(FLAGS_tasks_addr));
  auto directory_stub = std::shared_ptr<directory::v1::DirectoryService::Stub>(
      directory::v1::DirectoryService::NewStub(directory_channel));
  auto tasks_stub = std::shared_ptr<tasks::v1::TaskService::Stub>(tasks::v1::TaskService::NewStub(tasks_channel));

  gateway::Authenticator authenticator(directory_stub, *key, absl::Seconds(absl::GetFlag(FLAGS_auth_cache_ttl_s)));
  gateway::Backends backends{std::make_unique<grpc::GenericStub>(directory_channel),
                             std::make_unique<grpc::GenericStub>(tasks_channel)};
  gateway::Proxy proxy(backends, authenticator, *key, absl::Milliseconds(absl::GetFlag(FLAGS_call_deadline_ms)));
  gateway::WorkQueue work(absl::GetFlag(FLAGS_rollup_threads));
  gateway::AuthorityRollup rollup(directory_stub, tasks_stub, *key);
  gateway::GatewayServiceImpl service(authenticator, rollup, work,
                                      absl::Milliseconds(absl::GetFlag(FLAGS_rollup_deadline_ms)));
  runner.AddService(&service);
  runner.SetGenericService(&proxy);
  absl::Status served = runner.Run();
  if (!served.ok()) {
    platform::LogError("server failed", {{"error", std::string(served.message())}});
    return 1;
  }
  return 0;
}
