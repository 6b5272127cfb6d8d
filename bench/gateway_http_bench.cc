// parhub-gateway-http-bench: GetTask through the gateway over gRPC and the
// same task over HTTP/JSON (GET /v1/schools/…/tasks/…), side by side in one
// run against one gateway process. It starts the real binaries on fresh
// databases (tests/e2e/suite.h; MariaDB from PARHUB_TEST_DB_*), makes one
// school with the PAR plan template through the gateway, then runs
// interleaved rounds: per round and side, --concurrency closed-loop
// callers (threads; a shared gRPC channel, or one keep-alive HTTP
// connection per caller) for --warmup then --duration. Reports per round
// and side: calls/s, errors, p50/p99 latency, and CPU milliseconds per call
// of the gateway, the tasks service, the directory and this client process.
#include <grpcpp/grpcpp.h>
#include <httplib.h>

#include <iostream>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/gateway_suite_bench.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"

ABSL_FLAG(int, rounds, 3, "Interleaved rounds (each: gRPC then HTTP, or HTTP then gRPC)");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10), "Measured time per round and side");
ABSL_FLAG(absl::Duration, warmup, absl::Seconds(2), "Unmeasured time before each measurement");
ABSL_FLAG(int, concurrency, 8, "Callers in flight per side");

namespace parhub::bench {
namespace {

namespace tpb = tasks::v1;

void Print(int round, const char* name, const Window& side) {
  const RunStats& stats = side.stats;
  std::cout << absl::StrFormat(
      "%-5d %-5s %9.1f %6d %7.2f %7.2f | %6.3f %6.3f %6.3f %6.3f\n", round, name, stats.Ok() / side.seconds,
      stats.Errors(), Percentile(stats.latencies_us, 0.50) / 1000.0,
      Percentile(stats.latencies_us, 0.99) / 1000.0, side.PerCallMs(side.cpu_s[0]),
      side.PerCallMs(side.cpu_s[1]), side.PerCallMs(side.cpu_s[2]), side.PerCallMs(side.client_cpu_s));
  for (int code = 1; code < kStatusCodes; ++code) {
    if (stats.by_code[code] > 0) {
      std::cout << "      " << stats.by_code[code] << " x code " << code << ": " << stats.first_message[code]
                << "\n";
    }
  }
}

int Main() {
  e2e::Suite suite;
  suite.Start();
  const BenchTask bench_task = SetUpBenchTask(suite);
  const std::string key = bench_task.api_key, task = bench_task.name;
  auto channel = grpc::CreateChannel(suite.gateway_address(), grpc::InsecureChannelCredentials());
  auto grpc_caller = [&]() -> Caller {
    std::shared_ptr<tpb::TaskService::Stub> stub = tpb::TaskService::NewStub(channel);
    return [stub, &key, &task] {
      tpb::GetTaskRequest request;
      request.set_name(task);
      tpb::Task out;
      grpc::Status status = stub->GetTask(KeyContext(key).get(), request, &out);
      return CallResult{status.error_code(), status.error_message()};
    };
  };
  const std::string path = absl::StrCat("/v1/", task);
  auto http_caller = [&]() -> Caller {
    auto client = std::make_shared<httplib::Client>("127.0.0.1", suite.http_port());
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);
    return [client, &key, path] {
      httplib::Headers headers{{"Authorization", absl::StrCat("Bearer ", key)}};
      httplib::Result result = client->Get(path, headers);
      if (!result) return CallResult{grpc::StatusCode::UNAVAILABLE, httplib::to_string(result.error())};
      if (result->status != 200) return CallResult{grpc::StatusCode::UNKNOWN, result->body};
      return CallResult{grpc::StatusCode::OK, std::string()};
    };
  };
  const LoadOptions load{absl::GetFlag(FLAGS_concurrency), absl::GetFlag(FLAGS_warmup),
                         absl::GetFlag(FLAGS_duration)};
  const std::vector<std::function<std::vector<pid_t>()>> watched{
      [&] { return std::vector<pid_t>{suite.gateway().pid()}; },
      [&] { return std::vector<pid_t>{suite.tasks().pid()}; },
      [&] { return std::vector<pid_t>{suite.directory().pid()}; }};
  std::cout << absl::StrFormat(
      "GetTask through one gateway: gRPC vs HTTP/JSON GET %s; %d rounds, concurrency %d, %s warm-up + %s "
      "each; "
      "%d cores shared by MariaDB, directory, tasks, gateway and this client\n",
      path, absl::GetFlag(FLAGS_rounds), load.concurrency, absl::FormatDuration(load.warmup),
      absl::FormatDuration(load.duration), static_cast<int>(std::thread::hardware_concurrency()));
  std::cout << absl::StrFormat("%-5s %-5s %9s %6s %7s %7s | %s\n", "round", "side", "calls/s", "errors",
                               "p50 ms", "p99 ms", "CPU ms per call: gateway  tasks    dir client");
  for (int round = 1; round <= absl::GetFlag(FLAGS_rounds); ++round) {
    // Alternate which side goes first so drift hits both.
    for (int k = 0; k < 2; ++k) {
      bool grpc_side = (round % 2 == 1) == (k == 0);
      Window side =
          grpc_side ? RunClosedLoop(grpc_caller, watched, load) : RunClosedLoop(http_caller, watched, load);
      Print(round, grpc_side ? "grpc" : "http", side);
    }
  }
  return 0;
}

}  // namespace
}  // namespace parhub::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("GetTask via gRPC vs HTTP/JSON through one parhub gateway, side by side");
  absl::ParseCommandLine(argc, argv);
  return parhub::bench::Main();
}
