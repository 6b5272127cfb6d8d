// parhub-soak-bench: a bounded mixed-load soak of the running suite through
// its gateway (docs/BENCHMARKS.md, "Soak"; bench/run_soak.sh runs it).
//
// Setup: the demo principal's and ward officer's keys (--demo_keys_file, as
// scripts/up.sh writes them), the tasks of the demo plan they read, and a
// bench school of the soak's own for every write — made like the finance
// benches make theirs (finance_bench_common.h: "bench-fin-<tag>" under
// authorities/bench-finance, with --pupils pupils and one invoice each),
// plus --plans plans from the PAR plan template. The demo data is only read.
//
// Load (soak_load.h): open loop, --rate calls started a second whatever the
// answers take, picked from --mix; a public stream beside it (a citizen's
// school search or case tracking every --public_period_s, a case filed by a
// citizen --files_per_hour times an hour). Every --interval_s a line
// "INTERVAL …" gives throughput, errors by code, p50/p99 and the resident
// memory of --watch_pids.
//
// Memory (soak_memory.h): VmRSS of every watched process every
// --rss_period_s into --rss_csv (t_s,process,rss_kib; t = 0 when the load
// starts, the idle figures of --idle_rss_kib before it), a table per process
// — idle, max under load, at the end of the warm-up (--warmup_s, default
// the first 5 minutes or a sixth of a shorter run), at the end, growth —
// and the verdicts against the targets. Last line:
//   RESULT calls_per_s=N p99_ms=N errors=N max_growth_pct=N idle_max_mib=N load_max_mib=N
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "bench/finance_bench_common.h"
#include "bench/latency_stats.h"
#include "bench/soak_load.h"
#include "bench/soak_memory.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/rpc/grpc_status.h"

ABSL_FLAG(std::string, gateway, "127.0.0.1:50050", "Gateway host:port (plaintext public port)");
ABSL_FLAG(std::string, admin_key_file, ".run/secrets/admin.key",
          "Root administrator's API key (creates the bench school and its admin)");
ABSL_FLAG(std::string, demo_keys_file, ".run/secrets/demo-keys.env", "name=key lines of the demo accounts");
ABSL_FLAG(std::string, principal, "ht-mn-2010", "Demo school admin whose school the reads look at");
ABSL_FLAG(std::string, demo_school, "mn-2010", "That school");
ABSL_FLAG(std::string, demo_plan, "par-2026", "Its plan whose tasks GetTask/ListTasks read");
ABSL_FLAG(std::string, officer, "can-bo-ben-thanh", "Demo authority officer who reads the overview");
ABSL_FLAG(std::string, ward, "p-ben-thanh", "That officer's authority");
ABSL_FLAG(int, year, 2026, "Year of the overview, the forecast and the bench plans");
ABSL_FLAG(int, pupils, 1000, "Pupils (one invoice each) of the bench school: the payments' invoices");
ABSL_FLAG(int, plans, 40, "Plans of the bench school from the PAR template: the progress updates' tasks");
ABSL_FLAG(double, rate, 200, "Calls started a second (the mix), whatever the answers take");
ABSL_FLAG(std::string, mix, "", "Weights replacing the default mix, e.g. forecast=0,get_task=30");
ABSL_FLAG(double, duration_s, 1800, "Length of the load");
ABSL_FLAG(double, interval_s, 60, "Report interval");
ABSL_FLAG(double, rss_period_s, 10, "Memory sampling period");
ABSL_FLAG(double, warmup_s, -1, "End of the warm-up; < 0: min(300 s, a sixth of --duration_s)");
ABSL_FLAG(double, public_period_s, 5, "One public (citizen) read every … seconds");
ABSL_FLAG(double, files_per_hour, 4,
          "Cases a citizen files through the public API an hour (the gateway allows 5 an hour and 20 a day "
          "per client address)");
ABSL_FLAG(int, channels, 4, "gRPC channels (TCP connections) to the gateway");
ABSL_FLAG(int, max_in_flight, 2000, "Calls in flight beyond which a scheduled call is skipped (counted)");
ABSL_FLAG(double, deadline_s, 10, "Deadline of each call");
ABSL_FLAG(std::string, watch_pids, "", "name=pid,… processes whose resident memory is sampled");
ABSL_FLAG(std::string, unjudged, "mariadb", "Comma-separated names of --watch_pids reported but not judged");
ABSL_FLAG(std::string, idle_rss_kib, "",
          "name=KiB,… resident memory measured before the run (bench/run_soak.sh); a watched process "
          "not listed is read when the bench starts");
ABSL_FLAG(std::string, rss_csv, "", "Memory curve as CSV (t_s,process,rss_kib); empty: none");
ABSL_FLAG(std::string, rss_svg, "", "Memory curve as SVG; empty: none");
ABSL_FLAG(uint64_t, seed, 1, "Seed of the mix's random choices");
ABSL_FLAG(std::string, svg_from_csv, "",
          "Only draw --rss_svg from this CSV of an earlier run (--unjudged and --warmup_s apply; "
          "--duration_s sets the default warm-up) and exit");

namespace parhub::bench {
namespace {

namespace tpb = ::parhub::tasks::v1;

absl::StatusOr<std::map<std::string, std::string>> ReadKeys(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path, " (written by scripts/up.sh)"));
  std::map<std::string, std::string> keys;
  std::string line;
  while (std::getline(in, line)) {
    std::pair<std::string, std::string> kv = absl::StrSplit(line, absl::MaxSplits('=', 1));
    if (!kv.first.empty() && !kv.second.empty()) {
      keys[std::string(absl::StripAsciiWhitespace(kv.first))] =
          std::string(absl::StripAsciiWhitespace(kv.second));
    }
  }
  return keys;
}

// Every task name of `plan` (pages of 200).
absl::StatusOr<std::vector<std::string>> ListTaskNames(const Gateway& as, const std::string& plan) {
  auto tasks = tpb::TaskService::NewStub(as.channel());
  std::vector<std::string> names;
  tpb::ListTasksRequest request;
  request.set_parent(plan);
  request.set_page_size(200);
  while (true) {
    grpc::ClientContext context;
    as.Prepare(context, absl::Seconds(30));
    tpb::ListTasksResponse page;
    grpc::Status status = tasks->ListTasks(&context, request, &page);
    if (!status.ok()) return absl::InternalError(absl::StrCat("ListTasks ", plan, ": ", StatusText(status)));
    for (const tpb::Task& t : page.tasks()) names.push_back(t.name());
    if (page.next_page_token().empty()) return names;
    request.set_page_token(page.next_page_token());
  }
}

// The bench school's plans from the PAR template and their tasks.
absl::StatusOr<std::vector<std::string>> MakePlans(const Gateway& as, const BenchSchool& school, int plans,
                                                   int year) {
  auto tasks = tpb::TaskService::NewStub(as.channel());
  std::vector<std::string> names;
  for (int i = 1; i <= plans; ++i) {
    tpb::InstantiatePlanTemplateRequest request;
    request.set_parent(school.parent);
    request.set_template_("planTemplates/par-improvement");
    request.set_plan_id(absl::StrCat("soak-", i));
    request.set_year(year);
    request.set_number(absl::StrCat(i, "/KH-SOAK"));
    request.set_request_id(absl::StrCat("soak-plan-", school.tag, "-", i));
    tpb::Plan plan;
    grpc::ClientContext context;
    as.Prepare(context, absl::Seconds(30));
    grpc::Status status = tasks->InstantiatePlanTemplate(&context, request, &plan);
    if (!status.ok())
      return absl::InternalError(absl::StrCat("InstantiatePlanTemplate: ", StatusText(status)));
    auto listed = ListTaskNames(as, plan.name());
    if (!listed.ok()) return listed.status();
    names.insert(names.end(), listed->begin(), listed->end());
  }
  return names;
}

std::vector<WatchedProcess> WatchedFromFlags(std::string* error) {
  std::vector<WatchedProcess> out;
  const std::vector<std::string> unjudged = absl::StrSplit(absl::GetFlag(FLAGS_unjudged), ',');
  for (absl::string_view item :
       absl::StrSplit(absl::GetFlag(FLAGS_watch_pids), ',', absl::SkipWhitespace())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    WatchedProcess p;
    p.name = kv.first;
    if (p.name.empty() || !absl::SimpleAtoi(kv.second, &p.pid) || p.pid <= 0) {
      *error = absl::StrCat("bad --watch_pids item '", item, "' (want name=pid)");
      return {};
    }
    p.judged = std::find(unjudged.begin(), unjudged.end(), p.name) == unjudged.end();
    out.push_back(std::move(p));
  }
  return out;
}

// --svg_from_csv: the chart of an earlier run's memory curve.
int DrawFromCsv(const std::string& csv, double warmup_s) {
  std::string error;
  std::vector<WatchedProcess> processes;
  std::vector<MemorySample> samples;
  if (!ReadMemoryCsv(csv, &processes, &samples, &error)) {
    std::cerr << "parhub-soak-bench: " << error << "\n";
    return 1;
  }
  const std::vector<std::string> unjudged = absl::StrSplit(absl::GetFlag(FLAGS_unjudged), ',');
  for (WatchedProcess& p : processes) {
    p.judged = std::find(unjudged.begin(), unjudged.end(), p.name) == unjudged.end();
  }
  const double minutes = samples.empty() ? 0 : samples.back().t_s / 60;
  if (!WriteMemorySvg(absl::GetFlag(FLAGS_rss_svg), processes, samples, warmup_s,
                      absl::StrFormat("parhub soak: resident memory of the services, %.0f min", minutes),
                      &error)) {
    std::cerr << "parhub-soak-bench: " << error << "\n";
    return 1;
  }
  return 0;
}

int Main() {
  std::string error;
  const double default_warmup_s = std::min(300.0, absl::GetFlag(FLAGS_duration_s) / 6);
  if (!absl::GetFlag(FLAGS_svg_from_csv).empty()) {
    return DrawFromCsv(absl::GetFlag(FLAGS_svg_from_csv),
                       absl::GetFlag(FLAGS_warmup_s) >= 0 ? absl::GetFlag(FLAGS_warmup_s) : default_warmup_s);
  }
  Mix mix = DefaultMix();
  std::map<std::string, int64_t> idle;
  std::vector<WatchedProcess> watched = WatchedFromFlags(&error);
  if (!error.empty() || !ParseMix(absl::GetFlag(FLAGS_mix), &mix, &error) ||
      !ParseNameValues(absl::GetFlag(FLAGS_idle_rss_kib), &idle, &error)) {
    std::cerr << "parhub-soak-bench: " << error << "\n";
    return 2;
  }
  SoakOptions options;
  options.rate = absl::GetFlag(FLAGS_rate);
  options.duration_s = absl::GetFlag(FLAGS_duration_s);
  options.interval_s = absl::GetFlag(FLAGS_interval_s);
  options.rss_period_s = absl::GetFlag(FLAGS_rss_period_s);
  options.warmup_s = absl::GetFlag(FLAGS_warmup_s) >= 0 ? absl::GetFlag(FLAGS_warmup_s) : default_warmup_s;
  options.public_period_s = absl::GetFlag(FLAGS_public_period_s);
  options.files_per_hour = absl::GetFlag(FLAGS_files_per_hour);
  options.max_in_flight = absl::GetFlag(FLAGS_max_in_flight);
  options.deadline = absl::Seconds(absl::GetFlag(FLAGS_deadline_s));
  options.seed = absl::GetFlag(FLAGS_seed);
  if (options.rate <= 0 || options.duration_s <= 0 || options.interval_s <= 0 || options.rss_period_s <= 0 ||
      options.public_period_s <= 0 || absl::GetFlag(FLAGS_channels) < 1 || absl::GetFlag(FLAGS_plans) < 1) {
    std::cerr << "parhub-soak-bench: --rate, --duration_s, --interval_s, --rss_period_s, --public_period_s "
                 "must be > 0, --channels and --plans ≥ 1\n";
    return 2;
  }

  // Idle memory first, before the setup's calls.
  MemoryRecorder memory(watched);
  if (!memory.OpenCsv(absl::GetFlag(FLAGS_rss_csv), &error)) {
    std::cerr << "parhub-soak-bench: " << error << "\n";
    return 2;
  }
  std::vector<int64_t> idle_kib;
  for (const WatchedProcess& p : watched) {
    auto it = idle.find(p.name);
    idle_kib.push_back(it != idle.end() ? it->second : ProcStatusKib(p.pid, "VmRSS"));
  }
  const absl::Time setup_start = absl::Now();

  SoakTargets targets;
  const std::string gateway = absl::GetFlag(FLAGS_gateway);
  for (int i = 0; i < absl::GetFlag(FLAGS_channels); ++i) {
    targets.channels.push_back(GatewayChannel(gateway, i));
    if (!targets.channels.back()->WaitForConnected(std::chrono::system_clock::now() +
                                                   std::chrono::seconds(10))) {
      std::cerr << "parhub-soak-bench: cannot connect to " << gateway << " (is the suite running? "
                << "bash scripts/up.sh)\n";
      return 1;
    }
  }
  auto keys = ReadKeys(absl::GetFlag(FLAGS_demo_keys_file));
  if (!keys.ok()) {
    std::cerr << "parhub-soak-bench: " << keys.status().message() << "\n";
    return 1;
  }
  for (const std::string& who : {absl::GetFlag(FLAGS_principal), absl::GetFlag(FLAGS_officer)}) {
    if (!keys->contains(who)) {
      std::cerr << "parhub-soak-bench: no key of " << who << " in " << absl::GetFlag(FLAGS_demo_keys_file)
                << "\n";
      return 1;
    }
  }
  targets.principal_key = keys->at(absl::GetFlag(FLAGS_principal));
  targets.officer_key = keys->at(absl::GetFlag(FLAGS_officer));
  targets.demo_school = absl::StrCat("schools/", absl::GetFlag(FLAGS_demo_school));
  targets.demo_plan = absl::StrCat(targets.demo_school, "/plans/", absl::GetFlag(FLAGS_demo_plan));
  targets.ward = absl::StrCat("authorities/", absl::GetFlag(FLAGS_ward));
  targets.year = absl::GetFlag(FLAGS_year);
  auto demo_tasks = ListTaskNames(Gateway(targets.channels[0], targets.principal_key), targets.demo_plan);
  if (!demo_tasks.ok() || demo_tasks->empty()) {
    std::cerr << "parhub-soak-bench: no task to read in " << targets.demo_plan << ": "
              << (demo_tasks.ok() ? "the plan has none" : demo_tasks.status().message()) << "\n";
    return 1;
  }
  targets.demo_tasks = *std::move(demo_tasks);

  SetupOptions setup;
  setup.gateway = gateway;
  setup.admin_key_file = absl::GetFlag(FLAGS_admin_key_file);
  setup.purpose = "soak";
  setup.pupils = absl::GetFlag(FLAGS_pupils);
  auto school = SetUpBenchSchool(targets.channels[0], setup, std::cout);
  if (!school.ok()) {
    std::cerr << "parhub-soak-bench: bench school: " << school.status().message() << "\n";
    return 1;
  }
  targets.bench_school = school->parent;
  targets.bench_key = school->api_key;
  for (const BenchInvoice& invoice : school->invoices) targets.bench_invoices.push_back(invoice.name);
  auto bench_tasks = MakePlans(Gateway(targets.channels[0], targets.bench_key), *school,
                               absl::GetFlag(FLAGS_plans), targets.year);
  if (!bench_tasks.ok() || bench_tasks->empty() || targets.bench_invoices.empty()) {
    std::cerr << "parhub-soak-bench: bench plans: "
              << (bench_tasks.ok() ? "no tasks or invoices" : bench_tasks.status().message()) << "\n";
    return 1;
  }
  targets.bench_tasks = *std::move(bench_tasks);
  const double setup_s = absl::ToDoubleSeconds(absl::Now() - setup_start);
  memory.Add(-setup_s, idle_kib);
  memory.Sample(0);

  std::cout << absl::StrFormat(
      "setup %.1f s: reads of %s (%d tasks of %s) and %s; writes into %s (%d tasks in %d plans, %d "
      "invoices)\n"
      "load: %.0f calls/s open loop for %.0f s (warm-up %.0f s), report every %.0f s, memory every %.0f s; "
      "mix %s; public: a read every %.0f s, %.0f citizen filings an hour\n",
      setup_s, targets.demo_school, targets.demo_tasks.size(), targets.demo_plan, targets.ward,
      targets.bench_school, targets.bench_tasks.size(), absl::GetFlag(FLAGS_plans),
      targets.bench_invoices.size(), options.rate, options.duration_s, options.warmup_s, options.interval_s,
      options.rss_period_s, MixText(mix), options.public_period_s, options.files_per_hour);
  std::cout.flush();

  SoakTotals totals = RunSoak(targets, mix, options, memory, std::cout);

  std::cout << "\n";
  PrintTotals(totals, std::cout);
  std::cout << "\nresident memory (MiB; idle = before the run, max = under load, growth = end against the "
               "end of the warm-up):\n";
  const std::vector<MemorySample> samples = memory.samples();
  MemoryVerdict verdict = PrintMemorySummary(
      SummarizeMemory(watched, samples, options.warmup_s, options.duration_s), options.warmup_s, std::cout);
  if (!absl::GetFlag(FLAGS_rss_svg).empty() &&
      !WriteMemorySvg(
          absl::GetFlag(FLAGS_rss_svg), watched, samples, options.warmup_s,
          absl::StrFormat("parhub soak: resident memory of the services, %.0f calls/s mixed, %.0f min",
                          options.rate, options.duration_s / 60),
          &error)) {
    std::cerr << "parhub-soak-bench: " << error << "\n";
  }
  const int64_t errors = totals.all.Errors() + totals.skipped;
  std::cout << absl::StrFormat(
      "RESULT calls_per_s=%.1f p99_ms=%.1f errors=%d max_growth_pct=%.1f idle_max_mib=%.1f "
      "load_max_mib=%.1f\n",
      static_cast<double>(totals.all.Ok()) / totals.seconds,
      static_cast<double>(Percentile(totals.all.latencies_us, 0.99)) / 1000.0, errors, verdict.max_growth_pct,
      static_cast<double>(verdict.idle_max_kib) / 1024.0, static_cast<double>(verdict.load_max_kib) / 1024.0);
  return 0;
}

}  // namespace
}  // namespace parhub::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Mixed-load soak of the running parhub suite through its gateway, with the resident memory of its "
      "processes (bench/run_soak.sh).");
  absl::ParseCommandLine(argc, argv);
  return parhub::bench::Main();
}
