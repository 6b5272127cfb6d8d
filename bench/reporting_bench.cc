// parhub-reporting-bench: the reporting service's two targets, measured
// against the running suite (docs/BENCHMARKS.md, "Reporting"):
//   1. a city's quarterly reports: GenerateReport of one period (default
//      cchc 2026 q3) for every one of --schools schools, --in_flight at a
//      time (target: 3,500 schools in < 30 s);
//   2. one school's live forecast: GetParForecast called --forecast_calls
//      times one after the other (target: < 200 ms).
//
// Path measured. Reporting is called directly on its own port over mutual
// TLS with the gateway's certificate (--tls_cert_file …), each call carrying
// an x-parhub-identity signed with the shared identity key for exactly that
// method, as the gateway would sign it for the school's admin
// ("accounts/ht-<school>", role school admin). The gateway's hop (API key
// check, scope, signing, one more TLS leg) is therefore not in the figures;
// everything reporting does is: the directory names, the summaries pulled
// from tasks, staffing, finance and complaints with its own identity, its own
// summary, the forecast, and the version written to MariaDB.
//
// Setup (--phases=setup), through the gateway with the root administrator's
// key: an authority "--authority" (default bench-reporting) under
// authorities/hcm and --schools schools "<authority>-s<i>" in it. It is
// idempotent and lists the authority's schools first, so a rerun creates only
// what is missing. The bench schools are empty (no plans, staff, invoices or
// cases): their summaries are the cheapest a source can answer.
//
// Phases (--phases, comma-separated, default all): setup, generate,
// forecast, probe. "probe" times each pull reporting makes, called directly
// and one after the other (the directory's GetSchool + GetAuthority, and each
// Summarize* for the report's period), to show what a report waits for.
//
// With --watch_pids the CPU each process spent in the generate and forecast
// phases is printed, per report and per forecast. Result lines:
//   RESULT generate reports=N ok=N errors=N in_flight=N wall_s=N reports_per_s=N p50_ms=N p99_ms=N
//          target_30s=met|missed|n/a   (n/a below 3,500 reports)
//   RESULT forecast school=S calls=N errors=N p50_ms=N p99_ms=N target_200ms=met|missed  (p99 < 200 ms)
#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/finance_bench_common.h"
#include "bench/latency_stats.h"
#include "bench/service_client.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/caller.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/identity.h"
#include "platform/rpc/tls.h"

ABSL_FLAG(std::string, phases, "setup,generate,forecast,probe",
          "Comma-separated phases to run: setup, generate, forecast, probe");
ABSL_FLAG(std::string, gateway, "127.0.0.1:50050", "Gateway host:port (setup only; plaintext public port)");
ABSL_FLAG(std::string, admin_key_file, ".run/secrets/admin.key",
          "File holding the root administrator's API key (setup only)");
ABSL_FLAG(std::string, reporting, "127.0.0.1:50056", "parhub-reporting host:port (mutual TLS)");
ABSL_FLAG(std::string, probe_targets,
          "directory=127.0.0.1:50051,tasks=127.0.0.1:50052,staffing=127.0.0.1:50053,finance=127.0.0.1:50054,"
          "complaints=127.0.0.1:50055",
          "Where the probe phase calls the sources reporting pulls from");
ABSL_FLAG(std::string, identity_key_file, ".run/secrets/identity.key", "Shared identity signing key");
ABSL_FLAG(std::string, authority, "bench-reporting",
          "Authority (under authorities/hcm) of the bench schools");
ABSL_FLAG(int, schools, 3500, "Bench schools: <authority>-s0 … <authority>-s<N-1>");
ABSL_FLAG(int, in_flight, 32, "GenerateReport calls in flight (one thread each)");
ABSL_FLAG(std::string, family, "cchc", "Report family");
ABSL_FLAG(int, year, 2026, "Report year (and the forecast's)");
ABSL_FLAG(std::string, period, "q3", "Report period code");
ABSL_FLAG(bool, allow_partial, false, "GenerateReport's allow_partial");
ABSL_FLAG(double, deadline_s, 60, "Deadline of each call (reporting caps its own pulls at 8 s)");
ABSL_FLAG(std::string, forecast_schools, "mn-2010,first",
          "Schools whose forecast is timed, comma-separated; \"first\" is the first bench school");
ABSL_FLAG(int, forecast_calls, 200, "GetParForecast calls per school, one after the other");
ABSL_FLAG(int, forecast_warmup, 5, "Untimed GetParForecast calls before those");
ABSL_FLAG(std::string, probe_schools, "mn-2010,first",
          "Schools the probe phase pulls for (as --forecast_schools)");
ABSL_FLAG(int, probe_calls, 50, "Calls per source and school in the probe phase");
ABSL_FLAG(std::string, watch_pids, "",
          "name=pid,… processes whose CPU time in the generate and forecast phases is reported");

namespace parhub::bench {
namespace {

namespace dpb = ::parhub::directory::v1;
namespace rpb = ::parhub::reporting::v1;
using Clock = std::chrono::steady_clock;

constexpr char kReportingService[] = "/parhub.reporting.v1.ReportingService/";

std::string SchoolId(int i) { return absl::StrCat(absl::GetFlag(FLAGS_authority), "-s", i); }

std::vector<std::string> SchoolList(const std::string& spec) {
  std::vector<std::string> out;
  for (absl::string_view s : absl::StrSplit(spec, ',', absl::SkipWhitespace())) {
    out.push_back(s == "first" ? SchoolId(0) : std::string(s));
  }
  return out;
}

// Reporting's own identity when it pulls a school's summaries.
platform::Caller ServiceFor(const std::string& school) {
  return platform::Caller{"services/reporting", platform::Role::kService, school, "", ""};
}

// Busy CPU seconds of the whole machine (every core; /proc/stat's first
// line: all but idle and iowait), or -1 when unreadable.
double MachineBusySeconds() {
  std::ifstream in("/proc/stat");
  std::string line;
  if (!std::getline(in, line) || !absl::StartsWith(line, "cpu ")) return -1;
  std::vector<std::string> fields = absl::StrSplit(line, ' ', absl::SkipEmpty());
  double busy = 0;
  // cpu user nice system idle iowait irq softirq steal (guest time is in user).
  for (size_t i = 1; i < fields.size() && i <= 8; ++i) {
    double v = 0;
    if (!absl::SimpleAtod(fields[i], &v)) return -1;
    if (i != 4 && i != 5) busy += v;
  }
  return busy / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// CPU of the watched processes (and this one) over a phase, and of the
// whole machine: what the suite did not use went to other processes.
class CpuWindow final {
 public:
  explicit CpuWindow(std::vector<Watched> watched) : watched_(std::move(watched)) {}
  void Start() {
    self_before_ = SelfCpuSeconds();
    machine_before_ = MachineBusySeconds();
    for (Watched& w : watched_) w.before_s = ProcessCpuSeconds(w.pid);
  }
  void Stop() {
    self_after_ = SelfCpuSeconds();
    machine_after_ = MachineBusySeconds();
    for (Watched& w : watched_) w.after_s = ProcessCpuSeconds(w.pid);
  }
  // "cpu_s reporting=… ms_per_<unit> reporting=…" over `calls` and `wall_s`.
  void Print(int64_t calls, double wall_s, const std::string& unit) const {
    if (watched_.empty()) return;
    std::vector<std::string> seconds, per_call, cores;
    double total = 0;
    auto add = [&](const std::string& name, double s) {
      total += s;
      seconds.push_back(absl::StrFormat("%s=%.2f", name, s));
      per_call.push_back(absl::StrFormat("%s=%.2f", name, calls > 0 ? s * 1000 / calls : 0));
      cores.push_back(absl::StrFormat("%s=%.2f", name, wall_s > 0 ? s / wall_s : 0));
    };
    for (const Watched& w : watched_)
      add(w.name, w.before_s < 0 || w.after_s < 0 ? 0 : w.after_s - w.before_s);
    add("bench", self_after_ - self_before_);
    std::cout << "  cpu_s " << absl::StrJoin(seconds, " ") << absl::StrFormat(" total=%.2f\n", total);
    std::cout << "  cpu_ms_per_" << unit << " " << absl::StrJoin(per_call, " ")
              << absl::StrFormat(" total=%.2f\n", calls > 0 ? total * 1000 / calls : 0);
    std::cout << "  cores_busy " << absl::StrJoin(cores, " ")
              << absl::StrFormat(" total=%.2f (of %u)\n", wall_s > 0 ? total / wall_s : 0,
                                 std::thread::hardware_concurrency());
    if (machine_before_ >= 0 && machine_after_ >= 0 && wall_s > 0) {
      const double machine = machine_after_ - machine_before_;
      std::cout << absl::StrFormat("  machine_cores_busy %.2f (other processes %.2f)\n", machine / wall_s,
                                   std::max(0.0, machine - total) / wall_s);
    }
  }

 private:
  std::vector<Watched> watched_;
  double self_before_ = 0, self_after_ = 0;
  double machine_before_ = -1, machine_after_ = -1;
};

void PrintLatency(const std::string& label, std::vector<int64_t> us) {
  std::sort(us.begin(), us.end());
  if (us.empty()) {
    std::cout << "  " << label << ": no successful call\n";
    return;
  }
  std::cout << absl::StrFormat("  %s ms: min %.1f p50 %.1f p90 %.1f p99 %.1f max %.1f\n", label,
                               us.front() / 1000.0, Percentile(us, 0.5) / 1000.0,
                               Percentile(us, 0.9) / 1000.0, Percentile(us, 0.99) / 1000.0,
                               us.back() / 1000.0);
}

void PrintErrors(const RunStats& stats) {
  for (int code = 1; code < kStatusCodes; ++code) {
    if (stats.by_code[code] == 0) continue;
    std::cout << absl::StrFormat("  errors %s: %d, e.g. %s\n",
                                 platform::StatusCodeName(static_cast<grpc::StatusCode>(code)),
                                 stats.by_code[code], stats.first_message[code]);
  }
}

// ---------------------------------------------------------------- setup

absl::Status Setup() {
  absl::StatusOr<std::string> key = ReadKeyFile(absl::GetFlag(FLAGS_admin_key_file));
  if (!key.ok()) return key.status();
  Gateway admin(GatewayChannel(absl::GetFlag(FLAGS_gateway), 0), *key);
  const std::string authority = absl::GetFlag(FLAGS_authority);
  const absl::Duration deadline = absl::Seconds(30);
  const absl::Time start = absl::Now();
  {
    dpb::CreateAuthorityRequest request;
    request.set_authority_id(authority);
    request.set_request_id(absl::StrCat(authority, "-authority"));
    request.mutable_authority()->set_code(authority);
    request.mutable_authority()->set_display_name("Đơn vị thử tải báo cáo (benchmark)");
    request.mutable_authority()->set_parent("authorities/hcm");
    request.mutable_authority()->set_kind("ward");
    dpb::Authority created;
    grpc::ClientContext context;
    admin.Prepare(context, deadline);
    grpc::Status status = admin.directory().CreateAuthority(&context, request, &created);
    if (!status.ok() && status.error_code() != grpc::StatusCode::ALREADY_EXISTS) {
      return absl::UnavailableError(absl::StrCat("CreateAuthority ", authority, ": ", StatusText(status)));
    }
  }
  std::set<std::string> existing;
  std::string page_token;
  do {
    dpb::ListSchoolsRequest request;
    request.set_parent(absl::StrCat("authorities/", authority));
    request.set_page_size(1000);
    request.set_page_token(page_token);
    dpb::ListSchoolsResponse response;
    grpc::ClientContext context;
    admin.Prepare(context, deadline);
    grpc::Status status = admin.directory().ListSchools(&context, request, &response);
    if (!status.ok()) return absl::UnavailableError(absl::StrCat("ListSchools: ", StatusText(status)));
    for (const dpb::School& s : response.schools()) existing.insert(s.name());
    page_token = response.next_page_token();
  } while (!page_token.empty());
  int created = 0;
  for (int i = 0; i < absl::GetFlag(FLAGS_schools); ++i) {
    const std::string id = SchoolId(i);
    if (existing.contains(absl::StrCat("schools/", id))) continue;
    dpb::CreateSchoolRequest request;
    request.set_school_id(id);
    request.set_request_id(absl::StrCat(id, "-create"));
    dpb::School* s = request.mutable_school();
    s->set_code(absl::StrCat("BR", i));
    s->set_display_name(absl::StrCat("Trường thử tải báo cáo số ", i + 1));
    s->set_level(dpb::SCHOOL_LEVEL_PRIMARY);
    s->set_authority(absl::StrCat("authorities/", authority));
    dpb::School school;
    grpc::ClientContext context;
    admin.Prepare(context, deadline);
    grpc::Status status = admin.directory().CreateSchool(&context, request, &school);
    if (!status.ok() && status.error_code() != grpc::StatusCode::ALREADY_EXISTS) {
      return absl::UnavailableError(absl::StrCat("CreateSchool ", id, ": ", StatusText(status)));
    }
    ++created;
  }
  std::cout << absl::StrFormat(
      "setup: %d schools under authorities/%s (%d created, %d already there) in %.1f s\n",
      absl::GetFlag(FLAGS_schools), authority, created, static_cast<int>(existing.size()),
      absl::ToDoubleSeconds(absl::Now() - start));
  return absl::OkStatus();
}

// -------------------------------------------------------------- generate

int Generate(const Signer& signer, const std::shared_ptr<grpc::Channel>& channel, CpuWindow cpu) {
  const int n = absl::GetFlag(FLAGS_schools);
  const int in_flight = std::max(1, absl::GetFlag(FLAGS_in_flight));
  const std::string family = absl::GetFlag(FLAGS_family);
  const std::string period = absl::GetFlag(FLAGS_period);
  const int year = absl::GetFlag(FLAGS_year);
  const std::string run = platform::RandomHex(6);
  const std::string method = absl::StrCat(kReportingService, "GenerateReport");
  auto stub = rpb::ReportingService::NewStub(channel);
  std::atomic<int> next{0};
  std::atomic<int> with_source_errors{0}, versions_above_one{0};
  std::vector<RunStats> stats(in_flight);
  std::cout << absl::StrFormat("generate %s-%d-%s for %d schools, %d in flight, run %s (%s)\n", family, year,
                               period, n, in_flight, run,
                               absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(), absl::UTCTimeZone()));
  cpu.Start();
  const Clock::time_point start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < in_flight; ++t) {
    threads.emplace_back([&, t] {
      for (int i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
        const std::string school = SchoolId(i);
        rpb::GenerateReportRequest request;
        request.set_parent(absl::StrCat("schools/", school));
        request.set_family(absl::StrCat("reportFamilies/", family));
        request.set_year(year);
        request.set_period(period);
        request.set_allow_partial(absl::GetFlag(FLAGS_allow_partial));
        request.set_request_id(absl::StrCat("bench-rep-", run, "-", i));
        rpb::ReportVersion version;
        auto context = signer.Context(Signer::SchoolAdmin(school), method);
        const Clock::time_point sent = Clock::now();
        grpc::Status status = stub->GenerateReport(context.get(), request, &version);
        const int64_t us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - sent).count();
        stats[t].Record(status.error_code(), us, status.error_message());
        if (status.ok()) {
          if (version.source_errors_size() > 0) ++with_source_errors;
          if (version.version() > 1) ++versions_above_one;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const double wall_s = std::chrono::duration<double>(Clock::now() - start).count();
  cpu.Stop();
  RunStats all;
  for (RunStats& s : stats) all.Merge(std::move(s));
  std::cout << absl::StrFormat("  wall %.2f s, %.1f reports/s, %d ok, %d errors", wall_s, n / wall_s,
                               all.Ok(), all.Errors())
            << absl::StrFormat(" (%d versions listing source errors; %d schools already had a version)\n",
                               with_source_errors.load(), versions_above_one.load());
  PrintErrors(all);
  std::vector<int64_t> us = all.latencies_us;
  PrintLatency("GenerateReport latency", us);
  cpu.Print(n, wall_s, "report");
  std::sort(us.begin(), us.end());
  std::cout << absl::StrFormat(
      "RESULT generate reports=%d ok=%d errors=%d in_flight=%d wall_s=%.2f reports_per_s=%.1f p50_ms=%.1f "
      "p99_ms=%.1f target_30s=%s\n",
      n, all.Ok(), all.Errors(), in_flight, wall_s, n / wall_s, Percentile(us, 0.5) / 1000.0,
      Percentile(us, 0.99) / 1000.0,
      n < 3500                           ? "n/a"
      : wall_s < 30 && all.Errors() == 0 ? "met"
                                         : "missed");
  return all.Errors() == 0 ? 0 : 1;
}

// -------------------------------------------------------------- forecast

int Forecast(const Signer& signer, const std::shared_ptr<grpc::Channel>& channel,
             const std::vector<Watched>& watched) {
  auto stub = rpb::ReportingService::NewStub(channel);
  const std::string method = absl::StrCat(kReportingService, "GetParForecast");
  const int calls = absl::GetFlag(FLAGS_forecast_calls);
  int failed = 0;
  for (const std::string& school : SchoolList(absl::GetFlag(FLAGS_forecast_schools))) {
    rpb::GetParForecastRequest request;
    request.set_school(absl::StrCat("schools/", school));
    request.set_year(absl::GetFlag(FLAGS_year));
    rpb::ParForecast forecast;
    for (int i = 0; i < absl::GetFlag(FLAGS_forecast_warmup); ++i) {
      auto context = signer.Context(Signer::SchoolAdmin(school), method);
      (void)stub->GetParForecast(context.get(), request, &forecast);
    }
    RunStats stats;
    CpuWindow cpu(watched);
    cpu.Start();
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < calls; ++i) {
      auto context = signer.Context(Signer::SchoolAdmin(school), method);
      const Clock::time_point sent = Clock::now();
      grpc::Status status = stub->GetParForecast(context.get(), request, &forecast);
      stats.Record(status.error_code(),
                   std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - sent).count(),
                   status.error_message());
    }
    const double wall_s = std::chrono::duration<double>(Clock::now() - start).count();
    cpu.Stop();
    std::cout << absl::StrFormat(
        "forecast schools/%s %d: %d calls one after the other in %.2f s, %d errors; total %.2f points, %d "
        "lines, "
        "%d source errors%s\n",
        school, absl::GetFlag(FLAGS_year), calls, wall_s, stats.Errors(), forecast.total_points(),
        forecast.lines_size(), forecast.source_errors_size(),
        forecast.source_errors_size() > 0 ? absl::StrCat(" (", forecast.source_errors(0), ")") : "");
    PrintErrors(stats);
    std::vector<int64_t> us = stats.latencies_us;
    PrintLatency("GetParForecast latency", us);
    cpu.Print(calls, wall_s, "forecast");
    std::sort(us.begin(), us.end());
    std::cout << absl::StrFormat(
        "RESULT forecast school=%s calls=%d errors=%d p50_ms=%.1f p99_ms=%.1f target_200ms=%s\n", school,
        calls, stats.Errors(), Percentile(us, 0.5) / 1000.0, Percentile(us, 0.99) / 1000.0,
        stats.Errors() == 0 && Percentile(us, 0.99) < 200'000 ? "met" : "missed");
    if (stats.Errors() > 0) ++failed;
  }
  return failed == 0 ? 0 : 1;
}

// ----------------------------------------------------------------- probe

// The report period's first and cut-off days, as reporting publishes them.
absl::StatusOr<std::pair<common::v1::Date, common::v1::Date>> PeriodDays(const Signer& signer,
                                                                         rpb::ReportingService::Stub& stub) {
  rpb::ListReportPeriodsRequest request;
  request.set_family(absl::StrCat("reportFamilies/", absl::GetFlag(FLAGS_family)));
  request.set_year(absl::GetFlag(FLAGS_year));
  rpb::ListReportPeriodsResponse response;
  auto context =
      signer.Context(Signer::SchoolAdmin(SchoolId(0)), absl::StrCat(kReportingService, "ListReportPeriods"));
  grpc::Status status = stub.ListReportPeriods(context.get(), request, &response);
  if (!status.ok()) return absl::UnavailableError(absl::StrCat("ListReportPeriods: ", StatusText(status)));
  for (const rpb::ReportPeriod& p : response.periods()) {
    if (p.code() == absl::GetFlag(FLAGS_period)) return std::make_pair(p.period_start(), p.cutoff_date());
  }
  return absl::NotFoundError(absl::StrCat("no period ", absl::GetFlag(FLAGS_period)));
}

template <typename Request>
Request PeriodRequest(const std::string& school, const common::v1::Date& start, const common::v1::Date& end) {
  Request request;
  request.set_school(absl::StrCat("schools/", school));
  *request.mutable_period_start() = start;
  *request.mutable_period_end() = end;
  return request;
}

int Probe(const Signer& signer, const std::shared_ptr<grpc::Channel>& reporting_channel) {
  std::map<std::string, std::string> targets;
  for (absl::string_view entry : absl::StrSplit(absl::GetFlag(FLAGS_probe_targets), ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(entry, absl::MaxSplits('=', 1));
    targets[kv.first] = kv.second;
  }
  std::map<std::string, std::shared_ptr<grpc::Channel>> channels;
  for (const char* name : {"directory", "tasks", "staffing", "finance", "complaints"}) {
    if (!targets.contains(name)) {
      std::cerr << "--probe_targets has no " << name << "\n";
      return 1;
    }
    auto channel = ServiceChannel(targets[name], name);
    if (!channel.ok()) {
      std::cerr << channel.status() << "\n";
      return 1;
    }
    channels[name] = *channel;
  }
  auto reporting = rpb::ReportingService::NewStub(reporting_channel);
  auto days = PeriodDays(signer, *reporting);
  if (!days.ok()) {
    std::cerr << days.status() << "\n";
    return 1;
  }
  auto directory = dpb::DirectoryService::NewStub(channels["directory"]);
  auto tasks = tasks::v1::TaskService::NewStub(channels["tasks"]);
  auto staffing = staffing::v1::StaffingService::NewStub(channels["staffing"]);
  auto finance = finance::v1::FinanceService::NewStub(channels["finance"]);
  auto complaints = complaints::v1::ComplaintService::NewStub(channels["complaints"]);
  const auto& [start, end] = *days;
  std::cout << absl::StrFormat(
      "probe: each pull of a report, called directly one after the other (%d calls each), period "
      "%d-%02d-%02d .. "
      "%d-%02d-%02d\n",
      absl::GetFlag(FLAGS_probe_calls), start.year(), start.month(), start.day(), end.year(), end.month(),
      end.day());
  int failed = 0;
  for (const std::string& school : SchoolList(absl::GetFlag(FLAGS_probe_schools))) {
    // One pull: a fresh context with the service's identity for `method`.
    auto time = [&](const std::string& label, const std::string& method, auto&& call) {
      RunStats stats;
      for (int i = 0; i < absl::GetFlag(FLAGS_probe_calls); ++i) {
        auto context = signer.Context(ServiceFor(school), method);
        const Clock::time_point sent = Clock::now();
        grpc::Status status = call(context.get());
        stats.Record(status.error_code(),
                     std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - sent).count(),
                     status.error_message());
      }
      std::vector<int64_t> us = stats.latencies_us;
      std::sort(us.begin(), us.end());
      std::cout << absl::StrFormat("  %-20s %-32s p50 %6.2f ms p99 %6.2f ms errors %d\n", school, label,
                                   Percentile(us, 0.5) / 1000.0, Percentile(us, 0.99) / 1000.0,
                                   stats.Errors());
      PrintErrors(stats);
      if (stats.Errors() > 0) ++failed;
    };
    dpb::GetSchoolRequest get_school;
    get_school.set_name(absl::StrCat("schools/", school));
    dpb::School found;
    time("directory GetSchool", "/parhub.directory.v1.DirectoryService/GetSchool",
         [&](grpc::ClientContext* c) { return directory->GetSchool(c, get_school, &found); });
    dpb::GetAuthorityRequest get_authority;
    get_authority.set_name(found.authority());
    dpb::Authority authority;
    time("directory GetAuthority", "/parhub.directory.v1.DirectoryService/GetAuthority",
         [&](grpc::ClientContext* c) { return directory->GetAuthority(c, get_authority, &authority); });
    auto t = PeriodRequest<tasks::v1::SummarizeTasksRequest>(school, start, end);
    tasks::v1::TaskSummary ts;
    time("tasks SummarizeTasks", "/parhub.tasks.v1.TaskService/SummarizeTasks",
         [&](grpc::ClientContext* c) { return tasks->SummarizeTasks(c, t, &ts); });
    auto s = PeriodRequest<staffing::v1::SummarizeStaffingRequest>(school, start, end);
    staffing::v1::StaffingSummary ss;
    time("staffing SummarizeStaffing", "/parhub.staffing.v1.StaffingService/SummarizeStaffing",
         [&](grpc::ClientContext* c) { return staffing->SummarizeStaffing(c, s, &ss); });
    auto f = PeriodRequest<finance::v1::SummarizeFinanceRequest>(school, start, end);
    finance::v1::FinanceSummary fs;
    time("finance SummarizeFinance", "/parhub.finance.v1.FinanceService/SummarizeFinance",
         [&](grpc::ClientContext* c) { return finance->SummarizeFinance(c, f, &fs); });
    auto k = PeriodRequest<complaints::v1::SummarizeComplaintsRequest>(school, start, end);
    complaints::v1::ComplaintSummary ks;
    time("complaints SummarizeComplaints", "/parhub.complaints.v1.ComplaintService/SummarizeComplaints",
         [&](grpc::ClientContext* c) { return complaints->SummarizeComplaints(c, k, &ks); });
    rpb::SummarizeReportingRequest r;
    r.set_school(absl::StrCat("schools/", school));
    *r.mutable_period_start() = start;
    *r.mutable_period_end() = end;
    rpb::ReportingSummary rs;
    time("reporting SummarizeReporting", absl::StrCat(kReportingService, "SummarizeReporting"),
         [&](grpc::ClientContext* c) { return reporting->SummarizeReporting(c, r, &rs); });
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace parhub::bench

int main(int argc, char** argv) {
  using namespace parhub::bench;  // NOLINT: the program's own namespace
  absl::SetProgramUsageMessage(
      "parhub-reporting-bench: city-wide GenerateReport and one school's GetParForecast against the running "
      "suite (docs/BENCHMARKS.md, \"Reporting\")");
  absl::ParseCommandLine(argc, argv);
  std::set<std::string> phases;
  for (absl::string_view p : absl::StrSplit(absl::GetFlag(FLAGS_phases), ',', absl::SkipWhitespace())) {
    if (p != "setup" && p != "generate" && p != "forecast" && p != "probe") {
      std::cerr << "unknown phase '" << p << "' (setup, generate, forecast, probe)\n";
      return 2;
    }
    phases.insert(std::string(p));
  }
  std::vector<Watched> watched;
  std::string error;
  if (!ParseWatched(absl::GetFlag(FLAGS_watch_pids), &watched, &error)) {
    std::cerr << error << "\n";
    return 2;
  }
  if (phases.contains("setup")) {
    if (absl::Status s = Setup(); !s.ok()) {
      std::cerr << "setup: " << s << "\n";
      return 1;
    }
  }
  if (phases.size() == 1 && phases.contains("setup")) return 0;
  absl::StatusOr<std::string> secret = ReadKeyFile(absl::GetFlag(FLAGS_identity_key_file));
  if (!secret.ok()) {
    std::cerr << secret.status() << "\n";
    return 2;
  }
  auto key = parhub::platform::IdentityKey::Create(*secret);
  if (!key.ok()) {
    std::cerr << "bad identity key: " << key.status() << "\n";
    return 2;
  }
  const Signer signer(*std::move(key), absl::Seconds(absl::GetFlag(FLAGS_deadline_s)));
  auto channel = ServiceChannel(absl::GetFlag(FLAGS_reporting), "reporting");
  if (!channel.ok()) {
    std::cerr << channel.status() << "\n";
    return 1;
  }
  int rc = 0;
  if (phases.contains("generate")) rc |= Generate(signer, *channel, CpuWindow(watched));
  if (phases.contains("forecast")) rc |= Forecast(signer, *channel, watched);
  if (phases.contains("probe")) rc |= Probe(signer, *channel);
  return rc;
}
