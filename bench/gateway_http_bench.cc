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
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/latency_stats.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "tests/e2e/suite.h"

ABSL_FLAG(int, rounds, 3, "Interleaved rounds (each: gRPC then HTTP, or HTTP then gRPC)");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10), "Measured time per round and side");
ABSL_FLAG(absl::Duration, warmup, absl::Seconds(2), "Unmeasured time before each measurement");
ABSL_FLAG(int, concurrency, 8, "Callers in flight per side");

namespace parhub::bench {
namespace {

namespace dpb = directory::v1;
namespace tpb = tasks::v1;

double CpuSecondsOf(pid_t pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/stat"));
  std::string line;
  std::getline(in, line);
  size_t close = line.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; rest >> field; ++i) {
    if (i == 14) utime = std::stod(field);
    if (i == 15) {
      stime = std::stod(field);
      break;
    }
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double SelfCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void Check(const grpc::Status& status, const char* what) {
  if (!status.ok()) {
    std::cerr << what << ": " << status.error_message() << "\n";
    std::exit(1);
  }
}

std::unique_ptr<grpc::ClientContext> Context(const std::string& key) {
  auto c = std::make_unique<grpc::ClientContext>();
  c->AddMetadata("authorization", absl::StrCat("Bearer ", key));
  c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
  return c;
}

// One school, its admin's key and the name of task 1.5 of its PAR plan.
std::pair<std::string, std::string> Setup(e2e::Suite& suite) {
  auto channel = grpc::CreateChannel(suite.gateway_address(), grpc::InsecureChannelCredentials());
  auto directory = dpb::DirectoryService::NewStub(channel);
  auto tasks = tpb::TaskService::NewStub(channel);
  const std::string root = suite.admin_key();
  {
    dpb::CreateAuthorityRequest r;
    r.set_authority_id("q1");
    r.set_request_id("bench-q1");
    r.mutable_authority()->set_code("q1");
    r.mutable_authority()->set_display_name("UBND Quận 1");
    r.mutable_authority()->set_parent("authorities/hcm");
    r.mutable_authority()->set_kind("district");
    dpb::Authority out;
    Check(directory->CreateAuthority(Context(root).get(), r, &out), "CreateAuthority");
  }
  {
    dpb::CreateSchoolRequest r;
    r.set_school_id("mn-2010");
    r.set_request_id("bench-school");
    r.mutable_school()->set_code("mn-2010");
    r.mutable_school()->set_display_name("Trường Mầm non 20/10");
    r.mutable_school()->set_level(dpb::SCHOOL_LEVEL_KINDERGARTEN);
    r.mutable_school()->set_authority("authorities/q1");
    dpb::School out;
    Check(directory->CreateSchool(Context(root).get(), r, &out), "CreateSchool");
  }
  {
    dpb::CreateAccountRequest r;
    r.set_account_id("ht-mn-2010");
    r.set_request_id("bench-account");
    r.mutable_account()->set_display_name("Hiệu trưởng");
    r.mutable_account()->set_role(common::v1::ROLE_SCHOOL_ADMIN);
    r.mutable_account()->set_school("schools/mn-2010");
    dpb::Account out;
    Check(directory->CreateAccount(Context(root).get(), r, &out), "CreateAccount");
  }
  dpb::CreateApiKeyRequest key_request;
  key_request.set_parent("accounts/ht-mn-2010");
  key_request.set_request_id("bench-key");
  dpb::CreateApiKeyResponse key;
  Check(directory->CreateApiKey(Context(root).get(), key_request, &key), "CreateApiKey");
  tpb::InstantiatePlanTemplateRequest plan;
  plan.set_parent("schools/mn-2010");
  plan.set_template_("planTemplates/par-improvement");
  plan.set_plan_id("par-2026");
  plan.set_year(2026);
  plan.set_number("08/KH-MN2010");
  plan.set_request_id("bench-plan");
  tpb::Plan created;
  Check(tasks->InstantiatePlanTemplate(Context(key.secret()).get(), plan, &created),
        "InstantiatePlanTemplate");
  tpb::ListTasksRequest list;
  list.set_parent("schools/mn-2010/plans/par-2026");
  tpb::ListTasksResponse listed;
  Check(tasks->ListTasks(Context(key.secret()).get(), list, &listed), "ListTasks");
  for (const auto& t : listed.tasks()) {
    if (t.code() == "1.5") return {key.secret(), t.name()};
  }
  std::cerr << "no task 1.5\n";
  std::exit(1);
}

struct Side final {
  RunStats stats;
  double seconds = 0;
  double gateway_cpu = 0, tasks_cpu = 0, directory_cpu = 0, client_cpu = 0;
};

// Runs `call` (returns a gRPC code; HTTP maps 200 to OK) from `concurrency`
// threads; counts the calls that finish inside the measured window.
template <typename MakeCaller>
Side Run(e2e::Suite& suite, MakeCaller make_caller) {
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const absl::Duration warmup = absl::GetFlag(FLAGS_warmup), duration = absl::GetFlag(FLAGS_duration);
  absl::Time start = absl::Now() + warmup, end = start + duration;
  std::vector<RunStats> per_thread(concurrency);
  std::vector<std::thread> threads;
  for (int i = 0; i < concurrency; ++i) {
    threads.emplace_back([&, i] {
      auto call = make_caller();
      for (;;) {
        absl::Time before = absl::Now();
        if (before >= end) break;
        std::pair<grpc::StatusCode, std::string> result = call();
        absl::Time after = absl::Now();
        if (before >= start && after <= end) {
          per_thread[i].Record(result.first, absl::ToInt64Microseconds(after - before), result.second);
        }
      }
    });
  }
  absl::SleepFor(start - absl::Now());
  Side side;
  double g0 = CpuSecondsOf(suite.gateway().pid()), t0 = CpuSecondsOf(suite.tasks().pid()),
         d0 = CpuSecondsOf(suite.directory().pid()), c0 = SelfCpuSeconds();
  absl::SleepFor(end - absl::Now());
  side.gateway_cpu = CpuSecondsOf(suite.gateway().pid()) - g0;
  side.tasks_cpu = CpuSecondsOf(suite.tasks().pid()) - t0;
  side.directory_cpu = CpuSecondsOf(suite.directory().pid()) - d0;
  side.client_cpu = SelfCpuSeconds() - c0;
  for (auto& t : threads) t.join();
  for (auto& s : per_thread) side.stats.Merge(std::move(s));
  side.seconds = absl::ToDoubleSeconds(duration);
  return side;
}

void Print(int round, const char* name, Side& side) {
  std::sort(side.stats.latencies_us.begin(), side.stats.latencies_us.end());
  int64_t ok = side.stats.Ok();
  auto per_call = [&](double cpu) { return ok > 0 ? 1000.0 * cpu / static_cast<double>(ok) : 0.0; };
  std::cout << absl::StrFormat(
      "%-5d %-5s %9.1f %6d %7.2f %7.2f | %6.3f %6.3f %6.3f %6.3f\n", round, name, ok / side.seconds,
      side.stats.Errors(), Percentile(side.stats.latencies_us, 0.50) / 1000.0,
      Percentile(side.stats.latencies_us, 0.99) / 1000.0, per_call(side.gateway_cpu),
      per_call(side.tasks_cpu), per_call(side.directory_cpu), per_call(side.client_cpu));
  for (int code = 1; code < kStatusCodes; ++code) {
    if (side.stats.by_code[code] > 0) {
      std::cout << "      " << side.stats.by_code[code] << " x code " << code << ": "
                << side.stats.first_message[code] << "\n";
    }
  }
}

int Main() {
  e2e::Suite suite;
  suite.Start();
  const auto setup = Setup(suite);
  const std::string key = setup.first, task = setup.second;
  auto channel = grpc::CreateChannel(suite.gateway_address(), grpc::InsecureChannelCredentials());
  auto grpc_caller = [&] {
    std::shared_ptr<tpb::TaskService::Stub> stub = tpb::TaskService::NewStub(channel);
    return [stub, &key, &task] {
      tpb::GetTaskRequest request;
      request.set_name(task);
      tpb::Task out;
      grpc::Status status = stub->GetTask(Context(key).get(), request, &out);
      return std::pair{status.error_code(), status.error_message()};
    };
  };
  const std::string path = absl::StrCat("/v1/", task);
  auto http_caller = [&] {
    auto client = std::make_shared<httplib::Client>("127.0.0.1", suite.http_port());
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);
    return [client, &key, path] {
      httplib::Headers headers{{"Authorization", absl::StrCat("Bearer ", key)}};
      httplib::Result result = client->Get(path, headers);
      if (!result) return std::pair{grpc::StatusCode::UNAVAILABLE, httplib::to_string(result.error())};
      if (result->status != 200) return std::pair{grpc::StatusCode::UNKNOWN, result->body};
      return std::pair{grpc::StatusCode::OK, std::string()};
    };
  };
  std::cout << absl::StrFormat(
      "GetTask through one gateway: gRPC vs HTTP/JSON GET %s; %d rounds, concurrency %d, %s warm-up + %s "
      "each; "
      "%d cores shared by MariaDB, directory, tasks, gateway and this client\n",
      path, absl::GetFlag(FLAGS_rounds), absl::GetFlag(FLAGS_concurrency),
      absl::FormatDuration(absl::GetFlag(FLAGS_warmup)), absl::FormatDuration(absl::GetFlag(FLAGS_duration)),
      static_cast<int>(std::thread::hardware_concurrency()));
  std::cout << absl::StrFormat("%-5s %-5s %9s %6s %7s %7s | %s\n", "round", "side", "calls/s", "errors",
                               "p50 ms", "p99 ms", "CPU ms per call: gateway  tasks    dir client");
  for (int round = 1; round <= absl::GetFlag(FLAGS_rounds); ++round) {
    // Alternate which side goes first so drift hits both.
    for (int k = 0; k < 2; ++k) {
      bool grpc_side = (round % 2 == 1) == (k == 0);
      Side side = grpc_side ? Run(suite, grpc_caller) : Run(suite, http_caller);
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
