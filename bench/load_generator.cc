// parhub-loadgen: a closed-loop gRPC load generator for the tasks service,
// called either directly (signing an x-parhub-identity like a service
// would) or through the gateway (with an API key). `--concurrency` calls are
// kept in flight with the callback API: when one completes its callback
// issues the next, so no thread is tied to a call. After `--warmup`, every
// call completing within `--duration` is counted: throughput, errors by
// status code and latency percentiles (all latencies kept, sorted at the
// end). With `--watch_pids` it also reads the CPU time other processes
// (services, MariaDB) spent during the measured window from /proc.
//
// Scenarios:
//   get_task     GetTask of one existing task of --read_plan (found once at
//                start with ListTasks).
//   create_task  CreateTask into a plan "bench-<random>" created at start
//                (or --write_plan), each call with a new random request_id
//                and a new task code "B<run>-<n>".
#include <grpcpp/grpcpp.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/latency_stats.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/caller.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/identity.h"
#include "platform/rpc/tls.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50052", "host:port to call");
ABSL_FLAG(std::string, via, "direct",
          "direct: call the tasks service with a signed identity (--identity_key_file); "
          "gateway: call the gateway with an API key (--api_key_file or $PARHUB_API_KEY)");
ABSL_FLAG(std::string, identity_key_file, ".run/secrets/identity.key",
          "Shared identity signing key (--via=direct)");
ABSL_FLAG(std::string, api_key_file, "", "File holding the API key (--via=gateway); empty: $PARHUB_API_KEY");
ABSL_FLAG(std::string, school, "bench-tasks",
          "School the calls act on: a school kept for benchmarks (bench/run_gateway_overhead.sh makes "
          "bench-tasks), never a demo school, whose plan list create_task would fill");
ABSL_FLAG(std::string, account, "accounts/bench-tasks-ht",
          "Subject of the signed identity (--via=direct); a school admin of --school");
ABSL_FLAG(std::string, scenario, "get_task", "get_task or create_task");
ABSL_FLAG(int, concurrency, 32, "Calls kept in flight");
ABSL_FLAG(int, channels, 1, "gRPC channels (TCP connections) the calls are spread over");
ABSL_FLAG(absl::Duration, warmup, absl::Seconds(2), "Load before measuring (not counted)");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10), "Measured time");
ABSL_FLAG(absl::Duration, deadline, absl::Seconds(5), "Deadline of each call");
ABSL_FLAG(std::string, read_plan, "par-2026",
          "Plan whose first task get_task reads (run_gateway_overhead.sh makes par-<year> in bench-tasks)");
ABSL_FLAG(std::string, write_plan, "",
          "Plan create_task writes into; empty: create a new plan bench-<random>");
ABSL_FLAG(std::string, label, "", "Free text printed with the results");
ABSL_FLAG(bool, json, false, "Also print the results as one JSON line");
ABSL_FLAG(std::string, watch_pids, "",
          "name=pid,… processes whose CPU time during the measured window is reported");

namespace parhub::bench {
namespace {

using Clock = std::chrono::steady_clock;
using ::parhub::tasks::v1::TaskService;

enum class Scenario { kGetTask, kCreateTask };

// How every call is authenticated: a signed identity or an API key.
class Auth final {
 public:
  static std::optional<Auth> FromFlags(std::string* error) {
    Auth auth;
    std::string via = absl::GetFlag(FLAGS_via);
    if (via == "direct") {
      std::string secret;
      if (!ReadFile(absl::GetFlag(FLAGS_identity_key_file), &secret)) {
        *error = "cannot read --identity_key_file " + absl::GetFlag(FLAGS_identity_key_file);
        return std::nullopt;
      }
      auto key = platform::IdentityKey::Create(std::string(absl::StripAsciiWhitespace(secret)));
      if (!key.ok()) {
        *error = "bad identity key: " + key.status().ToString();
        return std::nullopt;
      }
      auth.identity_key_.emplace(*std::move(key));
      auth.caller_.subject = absl::GetFlag(FLAGS_account);
      auth.caller_.role = platform::Role::kSchoolAdmin;
      auth.caller_.school_id = absl::GetFlag(FLAGS_school);
    } else if (via == "gateway") {
      std::string key;
      if (!absl::GetFlag(FLAGS_api_key_file).empty()) {
        if (!ReadFile(absl::GetFlag(FLAGS_api_key_file), &key)) {
          *error = "cannot read --api_key_file " + absl::GetFlag(FLAGS_api_key_file);
          return std::nullopt;
        }
      } else if (const char* env = std::getenv("PARHUB_API_KEY"); env != nullptr) {
        key = env;
      }
      key = std::string(absl::StripAsciiWhitespace(key));
      if (key.empty()) {
        *error = "--via=gateway needs --api_key_file or $PARHUB_API_KEY";
        return std::nullopt;
      }
      auth.bearer_ = "Bearer " + key;
    } else {
      *error = "--via must be direct or gateway";
      return std::nullopt;
    }
    return auth;
  }

  // Deadline and credentials of one call of TaskService's `rpc`: a signed
  // identity for exactly that method (direct) or the API key (gateway).
  void Prepare(grpc::ClientContext& context, absl::string_view rpc) const {
    platform::SetDeadline(context, absl::GetFlag(FLAGS_deadline));
    if (identity_key_.has_value()) {
      platform::Caller caller = caller_;
      caller.trace_id = absl::StrCat("bench-", platform::RandomHex(6));
      platform::AttachIdentity(context, *identity_key_, caller,
                               absl::StrCat("/", tasks::v1::TaskService::service_full_name(), "/", rpc));
    } else {
      context.AddMetadata("authorization", bearer_);
    }
  }

  // Direct calls are mutual TLS with a certificate the service accepts
  // (--tls_cert_file …); the gateway's public port is plaintext.
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> Credentials() const {
    if (!identity_key_.has_value()) return grpc::InsecureChannelCredentials();
    return platform::MutualTlsChannelCredentials(platform::TlsFilesFromFlags());
  }

 private:
  static bool ReadFile(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    *out = buffer.str();
    return true;
  }

  std::optional<platform::IdentityKey> identity_key_;
  platform::Caller caller_;
  std::string bearer_;
};

// Processes whose CPU time (user + system, from /proc/<pid>/stat) is sampled.
struct Watched final {
  std::string name;
  int pid = 0;
  double before_s = 0;
  double after_s = 0;
};

// User + system CPU seconds of `pid`, or -1 when unreadable.
double ProcessCpuSeconds(int pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/stat"));
  std::string line;
  if (!std::getline(in, line)) return -1;
  // Fields after the parenthesised command name, which may contain spaces.
  size_t close = line.rfind(')');
  if (close == std::string::npos) return -1;
  std::vector<std::string> fields = absl::StrSplit(line.substr(close + 2), ' ');
  // utime and stime are fields 14 and 15 of the whole line: 12 and 13 here.
  double utime = 0, stime = 0;
  if (fields.size() < 13 || !absl::SimpleAtod(fields[11], &utime) || !absl::SimpleAtod(fields[12], &stime)) {
    return -1;
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double SelfCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

bool ParseWatched(const std::string& spec, std::vector<Watched>* out, std::string* error) {
  if (spec.empty()) return true;
  for (absl::string_view item : absl::StrSplit(spec, ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    Watched w;
    w.name = kv.first;
    if (w.name.empty() || !absl::SimpleAtoi(kv.second, &w.pid) || w.pid <= 0) {
      *error = absl::StrCat("bad --watch_pids item '", item, "' (want name=pid)");
      return false;
    }
    out->push_back(std::move(w));
  }
  return true;
}

// One call in flight. Owned by the callback that completes it.
struct Call final {
  grpc::ClientContext context;
  tasks::v1::GetTaskRequest get_request;
  tasks::v1::CreateTaskRequest create_request;
  tasks::v1::Task response;
  Clock::time_point start;
};

// A chain of calls: each completion issues the next one, so calls of a slot
// never overlap and its stats need no lock.
struct Slot final {
  TaskService::Stub* stub = nullptr;
  RunStats stats;
};

class Runner final {
 public:
  Runner(Scenario scenario, const Auth& auth, std::string task_name, std::string plan_parent,
         std::string run_tag)
      : scenario_(scenario),
        auth_(auth),
        task_name_(std::move(task_name)),
        plan_parent_(std::move(plan_parent)),
        run_tag_(std::move(run_tag)) {}

  // Runs warm-up then the measured window; returns the merged stats. The
  // watched processes are sampled at the window's edges.
  RunStats Run(const std::vector<std::unique_ptr<TaskService::Stub>>& stubs, int concurrency,
               absl::Duration warmup, absl::Duration duration, std::vector<Watched>& watched,
               double* loadgen_cpu_s) {
    Clock::time_point begin = Clock::now();
    measure_start_ = begin + absl::ToChronoNanoseconds(warmup);
    measure_end_ = measure_start_ + absl::ToChronoNanoseconds(duration);
    slots_.resize(static_cast<size_t>(concurrency));
    active_ = concurrency;
    for (size_t i = 0; i < slots_.size(); ++i) slots_[i].stub = stubs[i % stubs.size()].get();
    for (Slot& slot : slots_) Issue(&slot);

    std::this_thread::sleep_until(measure_start_);
    double self_before = SelfCpuSeconds();
    for (Watched& w : watched) w.before_s = ProcessCpuSeconds(w.pid);
    std::this_thread::sleep_until(measure_end_);
    double self_after = SelfCpuSeconds();
    for (Watched& w : watched) w.after_s = ProcessCpuSeconds(w.pid);
    *loadgen_cpu_s = self_after - self_before;

    {
      std::unique_lock<std::mutex> lock(mu_);
      drained_.wait(lock, [this] { return active_ == 0; });
    }
    RunStats total;
    for (Slot& slot : slots_) total.Merge(std::move(slot.stats));
    return total;
  }

 private:
  void Issue(Slot* slot) {
    Clock::time_point now = Clock::now();
    if (now >= measure_end_) {
      std::lock_guard<std::mutex> lock(mu_);
      if (--active_ == 0) drained_.notify_all();
      return;
    }
    auto* call = new Call;
    call->start = now;
    auto done = [this, slot, call](grpc::Status status) { Complete(slot, call, status); };
    if (scenario_ == Scenario::kGetTask) {
      auth_.Prepare(call->context, "GetTask");
      call->get_request.set_name(task_name_);
      slot->stub->async()->GetTask(&call->context, &call->get_request, &call->response, done);
    } else {
      int64_t n = sequence_.fetch_add(1, std::memory_order_relaxed);
      // Random like a real client's (parhubctl's "cli-<hex>"), not sequential:
      // adjacent keys would share InnoDB gaps in the idempotency index.
      std::string request_id = absl::StrCat("bench-", platform::RandomId());
      auth_.Prepare(call->context, "CreateTask");
      tasks::v1::CreateTaskRequest& request = call->create_request;
      request.set_parent(plan_parent_);
      request.set_request_id(request_id);
      tasks::v1::Task* task = request.mutable_task();
      task->set_code(absl::StrCat("B", run_tag_.substr(0, 6), "-", n));
      task->set_title(absl::StrCat("Nhiệm vụ đo tải số ", n, " (benchmark task)"));
      task->set_par_field("tthc");
      task->set_owner("Bộ đo tải");
      slot->stub->async()->CreateTask(&call->context, &request, &call->response, done);
    }
  }

  void Complete(Slot* slot, Call* call, const grpc::Status& status) {
    Clock::time_point end = Clock::now();
    if (end >= measure_start_ && end < measure_end_) {
      auto latency = std::chrono::duration_cast<std::chrono::microseconds>(end - call->start);
      slot->stats.Record(status.error_code(), latency.count(), status.error_message());
    }
    delete call;
    Issue(slot);
  }

  const Scenario scenario_;
  const Auth& auth_;
  const std::string task_name_;
  const std::string plan_parent_;
  const std::string run_tag_;
  Clock::time_point measure_start_;
  Clock::time_point measure_end_;
  std::vector<Slot> slots_;
  std::atomic<int64_t> sequence_{0};
  std::mutex mu_;
  std::condition_variable drained_;
  int active_ = 0;
};

std::shared_ptr<grpc::Channel> NewChannel(const std::string& target, int index,
                                          std::shared_ptr<grpc::ChannelCredentials> credentials) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);     // every failure is counted, never hidden
  args.SetInt("parhub.bench.channel", index);  // distinct args: a connection per channel
  args.SetSslTargetNameOverride("tasks");      // direct: the tasks service's certificate
  return grpc::CreateCustomChannel(target, std::move(credentials), args);
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += absl::StrFormat("\\u%04x", c);
    } else {
      out += c;
    }
  }
  return out;
}

int Main() {
  std::string error;
  std::optional<Auth> auth = Auth::FromFlags(&error);
  std::vector<Watched> watched;
  if (!auth.has_value() || !ParseWatched(absl::GetFlag(FLAGS_watch_pids), &watched, &error)) {
    std::cerr << "parhub-loadgen: " << error << "\n";
    return 2;
  }
  Scenario scenario;
  std::string scenario_name = absl::GetFlag(FLAGS_scenario);
  if (scenario_name == "get_task") {
    scenario = Scenario::kGetTask;
  } else if (scenario_name == "create_task") {
    scenario = Scenario::kCreateTask;
  } else {
    std::cerr << "parhub-loadgen: --scenario must be get_task or create_task\n";
    return 2;
  }
  int concurrency = absl::GetFlag(FLAGS_concurrency);
  int channels = absl::GetFlag(FLAGS_channels);
  absl::Duration duration = absl::GetFlag(FLAGS_duration);
  absl::Duration warmup = absl::GetFlag(FLAGS_warmup);
  if (concurrency < 1 || channels < 1 || duration <= absl::ZeroDuration() || warmup < absl::ZeroDuration()) {
    std::cerr << "parhub-loadgen: --concurrency and --channels must be >= 1, --duration > 0, "
                 "--warmup >= 0\n";
    return 2;
  }

  const std::string target = absl::GetFlag(FLAGS_target);
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials = auth->Credentials();
  if (!credentials.ok()) {
    std::cerr << "parhub-loadgen: " << credentials.status().message() << "\n";
    return 2;
  }
  std::vector<std::unique_ptr<TaskService::Stub>> stubs;
  for (int i = 0; i < channels; ++i) {
    std::shared_ptr<grpc::Channel> channel = NewChannel(target, i, *credentials);
    if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(5))) {
      std::cerr << "parhub-loadgen: cannot connect to " << target << "\n";
      return 1;
    }
    stubs.push_back(TaskService::NewStub(channel));
  }

  // Setup, one blocking call: the task to read or the plan to write into.
  const std::string school_parent = "schools/" + absl::GetFlag(FLAGS_school);
  const std::string run_tag = platform::RandomId();
  std::string task_name, plan_parent;
  if (scenario == Scenario::kGetTask) {
    plan_parent = school_parent + "/plans/" + absl::GetFlag(FLAGS_read_plan);
    grpc::ClientContext context;
    auth->Prepare(context, "ListTasks");
    tasks::v1::ListTasksRequest request;
    request.set_parent(plan_parent);
    request.set_page_size(1);
    tasks::v1::ListTasksResponse response;
    grpc::Status status = stubs[0]->ListTasks(&context, request, &response);
    if (!status.ok() || response.tasks().empty()) {
      std::cerr << "parhub-loadgen: no task to read in " << plan_parent << ": "
                << (status.ok() ? "plan has no tasks" : status.error_message()) << "\n";
      return 1;
    }
    task_name = response.tasks(0).name();
  } else if (!absl::GetFlag(FLAGS_write_plan).empty()) {
    plan_parent = school_parent + "/plans/" + absl::GetFlag(FLAGS_write_plan);
  } else {
    std::string plan_id = "bench-" + run_tag;
    grpc::ClientContext context;
    std::string request_id = "bench-plan-" + run_tag;
    auth->Prepare(context, "CreatePlan");
    tasks::v1::CreatePlanRequest request;
    request.set_parent(school_parent);
    request.set_plan_id(plan_id);
    request.set_request_id(request_id);
    request.mutable_plan()->set_title("Kế hoạch đo tải (benchmark run " + run_tag + ")");
    request.mutable_plan()->set_year(absl::ToCivilYear(absl::Now(), absl::LocalTimeZone()).year());
    tasks::v1::Plan plan;
    grpc::Status status = stubs[0]->CreatePlan(&context, request, &plan);
    if (!status.ok()) {
      std::cerr << "parhub-loadgen: CreatePlan " << plan_id << ": " << status.error_message() << "\n";
      return 1;
    }
    plan_parent = plan.name();
  }

  Runner runner(scenario, *auth, task_name, plan_parent, run_tag);
  double loadgen_cpu_s = 0;
  RunStats stats = runner.Run(stubs, concurrency, warmup, duration, watched, &loadgen_cpu_s);
  std::sort(stats.latencies_us.begin(), stats.latencies_us.end());

  const double seconds = absl::ToDoubleSeconds(duration);
  const double ok_rate = static_cast<double>(stats.Ok()) / seconds;
  const double ms = 1e-3;
  const double p50 = static_cast<double>(Percentile(stats.latencies_us, 0.50)) * ms;
  const double p90 = static_cast<double>(Percentile(stats.latencies_us, 0.90)) * ms;
  const double p99 = static_cast<double>(Percentile(stats.latencies_us, 0.99)) * ms;
  const double max = stats.latencies_us.empty() ? 0 : static_cast<double>(stats.latencies_us.back()) * ms;
  // CPU milliseconds per successful call, per process.
  auto per_call_ms = [&](double cpu_s) {
    return stats.Ok() > 0 ? cpu_s * 1e3 / static_cast<double>(stats.Ok()) : 0.0;
  };

  std::vector<std::string> errors_human, errors_json, cpu_human, cpu_json;
  for (int code = 1; code < kStatusCodes; ++code) {
    if (stats.by_code[code] == 0) continue;
    errors_human.push_back(absl::StrCat(platform::StatusCodeName(static_cast<grpc::StatusCode>(code)), "=",
                                        stats.by_code[code]));
    errors_json.push_back(absl::StrCat("\"", platform::StatusCodeName(static_cast<grpc::StatusCode>(code)),
                                       "\":", stats.by_code[code]));
    std::cerr << "parhub-loadgen: " << platform::StatusCodeName(static_cast<grpc::StatusCode>(code))
              << " e.g.: " << stats.first_message[code] << "\n";
  }
  watched.insert(watched.begin(), Watched{"loadgen", static_cast<int>(getpid()), 0, loadgen_cpu_s});
  for (const Watched& w : watched) {
    if (w.before_s < 0 || w.after_s < 0) continue;
    double cpu_s = w.after_s - w.before_s;
    cpu_human.push_back(
        absl::StrFormat("%s %.1f%%/%.3fms", w.name, 100 * cpu_s / seconds, per_call_ms(cpu_s)));
    cpu_json.push_back(absl::StrFormat("\"%s\":{\"cpu_s\":%.3f,\"cpu_ms_per_call\":%.4f}", JsonEscape(w.name),
                                       cpu_s, per_call_ms(cpu_s)));
  }

  const std::string label = absl::GetFlag(FLAGS_label);
  const std::string via = absl::GetFlag(FLAGS_via);
  std::cout << absl::StrFormat(
                   "%s%s via %s %s: concurrency %d, %.1fs: %d ok, %.1f calls/s, errors %d%s, "
                   "latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f; cpu (of one core/per call) %s",
                   label.empty() ? "" : "[" + label + "] ", scenario_name, via, target, concurrency, seconds,
                   stats.Ok(), ok_rate, stats.Errors(),
                   errors_human.empty() ? "" : " (" + absl::StrJoin(errors_human, ", ") + ")", p50, p90, p99,
                   max, absl::StrJoin(cpu_human, ", "))
            << "\n";
  if (absl::GetFlag(FLAGS_json)) {
    std::cout << absl::StrFormat(
                     "{\"label\":\"%s\",\"scenario\":\"%s\",\"via\":\"%s\",\"target\":\"%s\","
                     "\"concurrency\":%d,\"channels\":%d,\"duration_s\":%.3f,\"ok\":%d,"
                     "\"errors\":%d,\"errors_by_code\":{%s},\"throughput\":%.2f,"
                     "\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
                     "\"cpu\":{%s}}",
                     JsonEscape(label), scenario_name, via, JsonEscape(target), concurrency, channels,
                     seconds, stats.Ok(), stats.Errors(), absl::StrJoin(errors_json, ","), ok_rate, p50, p90,
                     p99, max, absl::StrJoin(cpu_json, ","))
              << "\n";
  }
  return stats.Ok() > 0 ? 0 : 1;
}

}  // namespace
}  // namespace parhub::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Load generator for the parhub tasks service, direct or through the gateway.\n"
      "  parhub-loadgen --via=direct --target=127.0.0.1:50052 --scenario=get_task\n"
      "  PARHUB_API_KEY=phk_… parhub-loadgen --via=gateway --target=127.0.0.1:50050 "
      "--scenario=create_task");
  absl::ParseCommandLine(argc, argv);
  return parhub::bench::Main();
}
