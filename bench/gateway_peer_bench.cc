// parhub-gateway-peer-bench: GetTask through parhub's gateway beside the same
// GetTask through nginx (Debian's package, ngx_http_grpc_module) in one run,
// with one load generator. It starts the real binaries on fresh databases
// (tests/e2e/suite.h; MariaDB from PARHUB_TEST_DB_*), makes the bench school
// and task (bench/gateway_suite_bench.h), then starts nginx with a config of
// its own in a temporary directory: plaintext HTTP/2 (h2c) on a free loopback
// port, `grpc_pass grpcs://` to the tasks service over mutual TLS with the
// gateway's client certificate (the one the services accept) and the
// suite's CA, upstream connections kept alive, no authentication, and (as
// the gateway logs each call) an access log line per call unless
// --nginx_access_log=false.
//
// Sides, in interleaved rounds (which goes first alternates):
//   gateway  the API key in `authorization`; the gateway authenticates it,
//            checks the scope, signs the identity and forwards the call;
//   nginx    the client signs the x-parhub-identity itself
//            (bench/service_client.h, as the gateway would) and nginx passes
//            the metadata through unchanged.
// Per round and side: calls/s, errors, p50/p99 latency, and CPU ms per call
// of the proxy (the gateway process; nginx's master and workers together),
// the tasks service, MariaDB (with --db_pid) and this client, and their sum;
// at the end the medians and the gateway/nginx ratio of each round.
#include <grpcpp/grpcpp.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/gateway_suite_bench.h"
#include "bench/service_client.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/resource_name.h"

ABSL_FLAG(int, rounds, 3, "Interleaved rounds (each: gateway then nginx, or nginx then gateway)");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10), "Measured time per round and side");
ABSL_FLAG(absl::Duration, warmup, absl::Seconds(2), "Unmeasured time before each measurement");
ABSL_FLAG(int, concurrency, 8, "Callers in flight per side");
ABSL_FLAG(int, channels, 1, "Client connections per side (callers share them round-robin)");
ABSL_FLAG(std::string, nginx, "/usr/sbin/nginx", "The nginx binary");
ABSL_FLAG(bool, nginx_access_log, true,
          "nginx writes an access log line per call (to its temporary directory), as the gateway logs each "
          "call");
ABSL_FLAG(int, db_pid, 0, "MariaDB's pid, to count its CPU per call too (0: not counted)");
ABSL_FLAG(int, nginx_workers, 0, "nginx worker_processes; 0: one per core, as the gateway uses every core");

namespace parhub::bench {
namespace {

namespace tpb = tasks::v1;

constexpr char kGetTask[] = "/parhub.tasks.v1.TaskService/GetTask";

// nginx as a gRPC proxy in front of the suite's tasks service, in the
// foreground (daemon off) as a child of this process, with its config, pid
// file, logs and temporary files in a directory of its own.
class Nginx final {
 public:
  Nginx(e2e::Suite& suite, const std::string& binary, int workers) : port_(e2e::FreePort()) {
    dir_ = (std::filesystem::temp_directory_path() / absl::StrCat("parhub-nginx-", platform::RandomHex(4)))
               .string();
    std::filesystem::create_directories(dir_ + "/tmp");
    std::ofstream(dir_ + "/nginx.conf") << Config(suite, workers);
    process_ = std::make_unique<e2e::Process>(
        "nginx", binary, std::map<std::string, std::string>{}, dir_ + "/stdout.log",
        std::vector<std::string>{"-p", dir_, "-c", dir_ + "/nginx.conf", "-e", dir_ + "/error.log"});
  }
  ~Nginx() {
    process_->Terminate();
    std::filesystem::remove_all(dir_);
  }

  void Start() { process_->Start(); }
  std::string address() const { return absl::StrCat("127.0.0.1:", port_); }
  // The master and its workers (the processes whose parent is the master).
  std::vector<pid_t> Pids() const {
    std::vector<pid_t> pids{process_->pid()};
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
      const std::string name = entry.path().filename().string();
      if (name.find_first_not_of("0123456789") != std::string::npos) continue;
      std::ifstream in(entry.path() / "stat");
      std::string line;
      std::getline(in, line);
      size_t close = line.rfind(')');
      if (close == std::string::npos) continue;
      std::istringstream rest(line.substr(close + 2));
      std::string state;
      pid_t parent = 0;
      if (rest >> state >> parent && parent == process_->pid()) pids.push_back(std::stoi(name));
    }
    return pids;
  }
  std::string Log() const {
    std::ifstream in(dir_ + "/error.log");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  std::string Config(e2e::Suite& suite, int workers) const {
    // Upstream keepalive so that nginx reuses its TLS connections to tasks
    // (without it every call would open one); keepalive_requests high on
    // both legs so neither connection is closed every 1,000 calls.
    return absl::StrCat(R"(daemon off;
master_process on;
worker_processes )",
                        workers, R"(;
pid nginx.pid;
events { worker_connections 1024; }
http {
  access_log )",
                        absl::GetFlag(FLAGS_nginx_access_log) ? "access.log" : "off", R"(;
  client_body_temp_path tmp/body;
  proxy_temp_path tmp/proxy;
  fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi;
  scgi_temp_path tmp/scgi;
  keepalive_requests 10000000;
  upstream parhub_tasks {
    server )",
                        suite.tasks_address(), R"(;
    keepalive 64;
    keepalive_requests 10000000;
  }
  server {
    listen )",
                        address(), R"( http2;
    location / {
      grpc_pass grpcs://parhub_tasks;
      grpc_ssl_certificate )",
                        suite.TlsFile("gateway.pem"), R"(;
      grpc_ssl_certificate_key )",
                        suite.TlsFile("gateway.key"), R"(;
      grpc_ssl_trusted_certificate )",
                        suite.TlsFile("ca.pem"), R"(;
      grpc_ssl_verify on;
      grpc_ssl_name tasks;
      grpc_ssl_server_name on;
      grpc_ssl_session_reuse on;
    }
  }
}
)");
  }

  int port_;
  std::string dir_;
  std::unique_ptr<e2e::Process> process_;
};

struct Round final {
  Window gateway, nginx;
};

// CPU ms per call of the proxy, tasks, MariaDB and the client together.
double TotalMs(const Window& w) { return w.PerCallMs(w.cpu_s[0] + w.cpu_s[1] + w.cpu_s[2] + w.client_cpu_s); }

void Print(int round, const char* name, const Window& side) {
  const RunStats& stats = side.stats;
  std::cout << absl::StrFormat("%-5d %-7s %9.1f %6d %7.2f %7.2f | %6.3f %6.3f %6.3f %6.3f %6.3f\n", round,
                               name, stats.Ok() / side.seconds, stats.Errors(),
                               Percentile(stats.latencies_us, 0.50) / 1000.0,
                               Percentile(stats.latencies_us, 0.99) / 1000.0, side.PerCallMs(side.cpu_s[0]),
                               side.PerCallMs(side.cpu_s[1]), side.PerCallMs(side.cpu_s[2]),
                               side.PerCallMs(side.client_cpu_s), TotalMs(side));
  for (int code = 1; code < kStatusCodes; ++code) {
    if (stats.by_code[code] > 0) {
      std::cout << "      " << stats.by_code[code] << " x code " << code << ": " << stats.first_message[code]
                << "\n";
    }
  }
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void Summarize(const std::vector<Round>& rounds) {
  using Measure = double (*)(const Window&);
  auto row = [&](const char* what, Measure measure, const char* format) {
    std::vector<double> g, n, ratio;
    for (const Round& r : rounds) {
      g.push_back(measure(r.gateway));
      n.push_back(measure(r.nginx));
      ratio.push_back(n.back() > 0 ? g.back() / n.back() : 0);
    }
    std::cout << absl::StrFormat("%-26s", what) << absl::StrFormat(format, Median(g))
              << absl::StrFormat(format, Median(n)) << absl::StrFormat("%9.2f  (", Median(ratio));
    for (size_t i = 0; i < ratio.size(); ++i)
      std::cout << (i ? " " : "") << absl::StrFormat("%.2f", ratio[i]);
    std::cout << ")\n";
  };
  std::cout << absl::StrFormat("\nmedians of %d rounds        gateway     nginx  gateway/nginx (per round)\n",
                               static_cast<int>(rounds.size()));
  row(
      "throughput, calls/s", [](const Window& w) { return w.stats.Ok() / w.seconds; }, "%10.1f");
  row(
      "p50 latency, ms", [](const Window& w) { return Percentile(w.stats.latencies_us, 0.50) / 1000.0; },
      "%10.2f");
  row(
      "p99 latency, ms", [](const Window& w) { return Percentile(w.stats.latencies_us, 0.99) / 1000.0; },
      "%10.2f");
  row(
      "proxy CPU ms per call", [](const Window& w) { return w.PerCallMs(w.cpu_s[0]); }, "%10.3f");
  row(
      "tasks CPU ms per call", [](const Window& w) { return w.PerCallMs(w.cpu_s[1]); }, "%10.3f");
  row(
      "MariaDB CPU ms per call", [](const Window& w) { return w.PerCallMs(w.cpu_s[2]); }, "%10.3f");
  row(
      "client CPU ms per call", [](const Window& w) { return w.PerCallMs(w.client_cpu_s); }, "%10.3f");
  row("all four, CPU ms per call", TotalMs, "%10.3f");
}

int Main() {
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  const int workers = absl::GetFlag(FLAGS_nginx_workers) > 0 ? absl::GetFlag(FLAGS_nginx_workers) : cores;
  const int channels = std::max(1, absl::GetFlag(FLAGS_channels));
  e2e::Suite suite;
  suite.Start();
  const BenchTask task = SetUpBenchTask(suite);
  Nginx nginx(suite, absl::GetFlag(FLAGS_nginx), workers);
  nginx.Start();
  auto key = platform::IdentityKey::Create(suite.identity_key());
  if (!key.ok()) {
    std::cerr << key.status() << "\n";
    return 1;
  }
  const Signer signer(*key, absl::Seconds(15));
  const platform::Caller caller = Signer::SchoolAdmin(task.school);

  std::vector<std::shared_ptr<grpc::Channel>> to_gateway, to_nginx;
  for (int i = 0; i < channels; ++i) {
    to_gateway.push_back(PlaintextChannel(suite.gateway_address(), i));
    to_nginx.push_back(PlaintextChannel(nginx.address(), i));
  }
  std::atomic<int> next_gateway{0}, next_nginx{0};
  auto gateway_caller = [&]() -> Caller {
    std::shared_ptr<tpb::TaskService::Stub> stub =
        tpb::TaskService::NewStub(to_gateway[next_gateway++ % channels]);
    return [stub, &task] {
      tpb::GetTaskRequest request;
      request.set_name(task.name);
      tpb::Task out;
      grpc::Status status = stub->GetTask(KeyContext(task.api_key).get(), request, &out);
      return CallResult{status.error_code(), status.error_message()};
    };
  };
  auto nginx_caller = [&]() -> Caller {
    std::shared_ptr<tpb::TaskService::Stub> stub =
        tpb::TaskService::NewStub(to_nginx[next_nginx++ % channels]);
    return [stub, &task, &signer, &caller] {
      tpb::GetTaskRequest request;
      request.set_name(task.name);
      tpb::Task out;
      grpc::Status status = stub->GetTask(signer.Context(caller, kGetTask).get(), request, &out);
      return CallResult{status.error_code(), status.error_message()};
    };
  };
  // One call each way before measuring: both paths work, nginx is up.
  {
    absl::Time until = absl::Now() + absl::Seconds(10);
    CallResult probe;
    while ((probe = nginx_caller()()).first != grpc::StatusCode::OK && absl::Now() < until) {
      absl::SleepFor(absl::Milliseconds(200));
    }
    if (probe.first != grpc::StatusCode::OK) {
      std::cerr << "GetTask through nginx failed: " << probe.second << "\n" << nginx.Log();
      return 1;
    }
    CallResult direct = gateway_caller()();
    if (direct.first != grpc::StatusCode::OK) {
      std::cerr << "GetTask through the gateway failed: " << direct.second << "\n";
      return 1;
    }
  }

  const LoadOptions load{absl::GetFlag(FLAGS_concurrency), absl::GetFlag(FLAGS_warmup),
                         absl::GetFlag(FLAGS_duration)};
  auto tasks_pid = [&] { return std::vector<pid_t>{suite.tasks().pid()}; };
  const pid_t db_pid = absl::GetFlag(FLAGS_db_pid);
  auto db_pids = [db_pid] { return db_pid > 0 ? std::vector<pid_t>{db_pid} : std::vector<pid_t>{}; };
  const std::vector<std::function<std::vector<pid_t>()>> via_gateway{
      [&] { return std::vector<pid_t>{suite.gateway().pid()}; }, tasks_pid, db_pids};
  const std::vector<std::function<std::vector<pid_t>()>> via_nginx{[&] { return nginx.Pids(); }, tasks_pid,
                                                                   db_pids};
  std::cout << absl::StrFormat(
      "GetTask %s: parhub gateway (API key) vs nginx grpc_pass (no auth, client-signed identity); %d rounds, "
      "concurrency %d over %d connection(s), %s warm-up + %s each; nginx %d worker(s), access log %s; %d "
      "cores shared by "
      "MariaDB, the suite, nginx and this client%s\n",
      task.name, absl::GetFlag(FLAGS_rounds), load.concurrency, channels, absl::FormatDuration(load.warmup),
      absl::FormatDuration(load.duration), workers, absl::GetFlag(FLAGS_nginx_access_log) ? "on" : "off",
      cores, db_pid > 0 ? "" : " (MariaDB's CPU not counted: no --db_pid)");
  std::cout << absl::StrFormat("%-5s %-7s %9s %6s %7s %7s | %s\n", "round", "side", "calls/s", "errors",
                               "p50 ms", "p99 ms", "CPU ms per call: proxy  tasks     db client    all");
  std::vector<Round> rounds;
  for (int r = 1; r <= absl::GetFlag(FLAGS_rounds); ++r) {
    Round round;
    // Alternate which side goes first so drift hits both.
    for (int k = 0; k < 2; ++k) {
      if ((r % 2 == 1) == (k == 0)) {
        round.gateway = RunClosedLoop(gateway_caller, via_gateway, load);
        Print(r, "gateway", round.gateway);
      } else {
        round.nginx = RunClosedLoop(nginx_caller, via_nginx, load);
        Print(r, "nginx", round.nginx);
      }
    }
    rounds.push_back(std::move(round));
  }
  Summarize(rounds);
  return 0;
}

}  // namespace
}  // namespace parhub::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "GetTask through parhub's gateway vs through nginx grpc_pass to the same tasks service, side by side");
  absl::ParseCommandLine(argc, argv);
  return parhub::bench::Main();
}
