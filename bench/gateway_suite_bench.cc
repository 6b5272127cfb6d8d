// The bench school, closed-loop callers and /proc CPU sampling shared by the
// gateway benchmarks that start their own suite.
#include "bench/gateway_suite_bench.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"

namespace parhub::bench {

namespace dpb = directory::v1;
namespace tpb = tasks::v1;

void Check(const grpc::Status& status, const char* what) {
  if (!status.ok()) {
    std::cerr << what << ": " << status.error_message() << "\n";
    std::exit(1);
  }
}

std::unique_ptr<grpc::ClientContext> KeyContext(const std::string& key) {
  auto c = std::make_unique<grpc::ClientContext>();
  c->AddMetadata("authorization", absl::StrCat("Bearer ", key));
  c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
  return c;
}

std::shared_ptr<grpc::Channel> PlaintextChannel(const std::string& target, int index) {
  grpc::ChannelArguments args;
  args.SetInt("parhub.bench.channel", index);
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
}

BenchTask SetUpBenchTask(e2e::Suite& suite) {
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
    Check(directory->CreateAuthority(KeyContext(root).get(), r, &out), "CreateAuthority");
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
    Check(directory->CreateSchool(KeyContext(root).get(), r, &out), "CreateSchool");
  }
  {
    dpb::CreateAccountRequest r;
    r.set_account_id("ht-mn-2010");
    r.set_request_id("bench-account");
    r.mutable_account()->set_display_name("Hiệu trưởng");
    r.mutable_account()->set_role(common::v1::ROLE_SCHOOL_ADMIN);
    r.mutable_account()->set_school("schools/mn-2010");
    dpb::Account out;
    Check(directory->CreateAccount(KeyContext(root).get(), r, &out), "CreateAccount");
  }
  dpb::CreateApiKeyRequest key_request;
  key_request.set_parent("accounts/ht-mn-2010");
  key_request.set_request_id("bench-key");
  dpb::CreateApiKeyResponse key;
  Check(directory->CreateApiKey(KeyContext(root).get(), key_request, &key), "CreateApiKey");
  tpb::InstantiatePlanTemplateRequest plan;
  plan.set_parent("schools/mn-2010");
  plan.set_template_("planTemplates/par-improvement");
  plan.set_plan_id("par-2026");
  plan.set_year(2026);
  plan.set_number("08/KH-MN2010");
  plan.set_request_id("bench-plan");
  tpb::Plan created;
  Check(tasks->InstantiatePlanTemplate(KeyContext(key.secret()).get(), plan, &created),
        "InstantiatePlanTemplate");
  tpb::ListTasksRequest list;
  list.set_parent("schools/mn-2010/plans/par-2026");
  tpb::ListTasksResponse listed;
  Check(tasks->ListTasks(KeyContext(key.secret()).get(), list, &listed), "ListTasks");
  for (const auto& t : listed.tasks()) {
    if (t.code() == "1.5") return BenchTask{key.secret(), "mn-2010", t.name()};
  }
  std::cerr << "no task 1.5\n";
  std::exit(1);
}

namespace {

double CpuSecondsOfOne(pid_t pid) {
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

}  // namespace

double CpuSecondsOf(const std::vector<pid_t>& pids) {
  double total = 0;
  for (pid_t pid : pids) total += CpuSecondsOfOne(pid);
  return total;
}

double SelfCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double Window::PerCallMs(double cpu) const {
  int64_t ok = stats.Ok();
  return ok > 0 ? 1000.0 * cpu / static_cast<double>(ok) : 0.0;
}

Window RunClosedLoop(const std::function<Caller()>& make_caller,
                     const std::vector<std::function<std::vector<pid_t>()>>& watched,
                     const LoadOptions& options) {
  absl::Time start = absl::Now() + options.warmup, end = start + options.duration;
  std::vector<RunStats> per_thread(options.concurrency);
  std::vector<std::thread> threads;
  for (int i = 0; i < options.concurrency; ++i) {
    threads.emplace_back([&, i] {
      Caller call = make_caller();
      for (;;) {
        absl::Time before = absl::Now();
        if (before >= end) break;
        CallResult result = call();
        absl::Time after = absl::Now();
        if (before >= start && after <= end) {
          per_thread[i].Record(result.first, absl::ToInt64Microseconds(after - before), result.second);
        }
      }
    });
  }
  absl::SleepFor(start - absl::Now());
  Window window;
  std::vector<std::vector<pid_t>> groups;
  for (const auto& list : watched) groups.push_back(list());
  std::vector<double> before;
  for (const auto& g : groups) before.push_back(CpuSecondsOf(g));
  double client_before = SelfCpuSeconds();
  absl::SleepFor(end - absl::Now());
  for (size_t i = 0; i < groups.size(); ++i) window.cpu_s.push_back(CpuSecondsOf(groups[i]) - before[i]);
  window.client_cpu_s = SelfCpuSeconds() - client_before;
  for (auto& t : threads) t.join();
  for (auto& s : per_thread) window.stats.Merge(std::move(s));
  std::sort(window.stats.latencies_us.begin(), window.stats.latencies_us.end());
  window.seconds = absl::ToDoubleSeconds(options.duration);
  return window;
}

}  // namespace parhub::bench
