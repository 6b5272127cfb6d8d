// parhub-overview-bench: the authority overview as the schools under an
// authority grow (issue 13, docs/BENCHMARKS.md "Authority overview as schools
// grow"), the new batched path beside the old per-school one and beside its
// floor, the one grouped SQL query, measured side by side in one run.
//
// Setup (--phases=setup; idempotent, a rerun creates only what is missing or
// replays): through the gateway with the root administrator's key, an
// authority "bench-<n>" under authorities/hcm with n schools
// "bench-<n>-s<i>"; then, directly on parhub-tasks over mutual TLS with the
// gateway's certificate and an identity signed as each school's admin,
// --plans plans (default 1) per school from planTemplates/par-improvement
// (12 tasks) for --year (request_id and plan id fixed, so a rerun replays),
// and in every 4th school the first
// three tasks done and the next two half done (AddProgressUpdate), so the
// counts are not all zero.
//
// Measure (--phases=measure): --rounds rounds after --warmup untimed ones;
// each round runs, one after the other so machine noise hits all alike:
//   A  new path: GatewayService/GetAuthorityOverview through the gateway
//      (plaintext public port, admin API key);
//   A2 the same right after a write to the directory's tree (a bench school
//      renamed through the gateway, untimed), so the gateway lists the
//      schools again instead of using the list it kept;
//   B  old path, reproduced: one TaskService/SummarizeTasks per school
//      directly on parhub-tasks, --in_flight at a time on one channel, each
//      signed as an authority officer scoped to that school (what the
//      gateway did before dc94efc; its directory calls and hop are not in B);
//   C  floor: MySqlTaskStore::SummarizeSchoolsDue, the grouped query, over
//      all n schools in one statement, run directly on MariaDB with the
//      tasks service's account;
//   C4 the same query per page of --page schools, the pages in parallel on
//      their own connections (what parhub-tasks runs for one overview);
//   D  what the gateway asks the directory: ListSchools of the authority,
//      pages of 1,000, directly on parhub-directory as the officer;
//   E  what the gateway asks tasks: BatchSummarizeTasks per page of --page,
//      pages in parallel, directly on parhub-tasks as a service.
// The warm-up round also checks that A's per-school summaries equal B's
// (the batched query against the per-school one), field by field.
// With --watch_pids the CPU each process spent in each phase is printed per
// call. Result line (ratio_p50 = A's p50 / C's p50, ratio_p99 = A's p99 /
// C's p50; with 20 rounds a p99 is the slowest call):
//   RESULT overview schools=N rounds=R new_p50_ms new_p99_ms old_p50_ms
//          floor_p50_ms ratio_p50 ratio_p99 … target_300ms target_3x
//
// With --expect_tasks_down (bench/run_overview.sh, tasks killed) only A is
// timed, --rounds times one after the other, and each overview must answer
// OK with every school marked UNAVAILABLE.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/finance_bench_common.h"
#include "bench/latency_stats.h"
#include "bench/service_client.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/caller.h"
#include "platform/core/date.h"
#include "platform/core/resource_name.h"
#include "platform/db/db.h"
#include "platform/rpc/client.h"
#include "platform/rpc/identity.h"
#include "platform/rpc/proto_values.h"
#include "platform/rpc/tls.h"
#include "services/tasks/store/mysql_task_store.h"

ABSL_FLAG(std::string, phases, "setup,measure", "Comma-separated: setup, measure");
ABSL_FLAG(std::string, gateway, "127.0.0.1:50050", "Gateway host:port (plaintext public port)");
ABSL_FLAG(std::string, admin_key_file, ".run/secrets/admin.key",
          "File holding an API key of a root authority officer (kept off the command line)");
ABSL_FLAG(std::string, tasks, "127.0.0.1:50052", "parhub-tasks host:port (mutual TLS)");
ABSL_FLAG(std::string, directory, "127.0.0.1:50051", "parhub-directory host:port (mutual TLS)");
ABSL_FLAG(std::string, identity_key_file, ".run/secrets/identity.key", "Shared identity signing key");
ABSL_FLAG(int, schools, 1000, "Schools under the benchmark authority bench-<n>");
ABSL_FLAG(std::string, authority, "",
          "Benchmark authority (under authorities/hcm) instead of bench-<n>, e.g. for a data set with "
          "--plans > 1 beside the default one");
ABSL_FLAG(int, year, 2026, "Year of the bench plans and of the overview's period");
ABSL_FLAG(int, plans, 1,
          "PAR plans per school (12 tasks each); more than 1 adds plans par-bench-2 … to every school");
ABSL_FLAG(int, setup_in_flight, 4, "Setup calls in flight");
ABSL_FLAG(int, rounds, 20, "Timed rounds (each: A, B, C, C4, D, E)");
ABSL_FLAG(int, warmup, 1, "Untimed rounds first (the first also checks A against B)");
ABSL_FLAG(int, in_flight, 32, "Old path: SummarizeTasks calls in flight");
ABSL_FLAG(int, page, 1000, "Schools per BatchSummarizeTasks call / per page query (the gateway's)");
ABSL_FLAG(std::string, floor_db_host, "127.0.0.1", "MariaDB of parhub-tasks (floor phase)");
ABSL_FLAG(int, floor_db_port, 33306, "Its port");
ABSL_FLAG(std::string, floor_db_user, "parhub_tasks", "The tasks service's account");
ABSL_FLAG(std::string, floor_db_password_file, ".run/secrets/parhub_tasks.password",
          "Its password, in a file");
ABSL_FLAG(std::string, floor_db_name, "parhub_tasks", "The tasks service's schema");
ABSL_FLAG(double, deadline_s, 60, "Client deadline of each call");
ABSL_FLAG(std::string, watch_pids, "", "name=pid,… processes whose CPU per phase is reported");
ABSL_FLAG(bool, expect_tasks_down, false,
          "parhub-tasks is down: time overviews only, each must be OK with every school UNAVAILABLE");

namespace parhub::bench {
namespace {

namespace dpb = ::parhub::directory::v1;
namespace gpb = ::parhub::gateway::v1;
namespace tpb = ::parhub::tasks::v1;
using Clock = std::chrono::steady_clock;

constexpr char kTaskService[] = "/parhub.tasks.v1.TaskService/";
constexpr char kPlanId[] = "par-bench";

std::string Authority() {
  const std::string flag = absl::GetFlag(FLAGS_authority);
  return flag.empty() ? absl::StrCat("bench-", absl::GetFlag(FLAGS_schools)) : flag;
}
// Request ids of the directory setup: "<n>" for bench-<n> (as before), else the authority.
std::string SetupTag() {
  const std::string n = absl::StrCat(absl::GetFlag(FLAGS_schools));
  return Authority() == absl::StrCat("bench-", n) ? n : Authority();
}
std::string SchoolId(int i) { return absl::StrCat(Authority(), "-s", i); }

int64_t MicrosSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

platform::Date PeriodStart() { return {absl::GetFlag(FLAGS_year), 1, 1}; }
platform::Date PeriodEnd() { return {absl::GetFlag(FLAGS_year), 12, 31}; }

// The old gateway's leg: the officer, scoped to one school.
platform::Caller OfficerFor(const std::string& school) {
  return {"accounts/bench-officer", platform::Role::kAuthorityOfficer, school, Authority(), ""};
}
platform::Caller Officer() {
  return {"accounts/bench-officer", platform::Role::kAuthorityOfficer, "", Authority(), ""};
}
// The new gateway's roll-up identity.
platform::Caller Rollup() {
  return {"accounts/bench-officer", platform::Role::kService, "", Authority(), ""};
}

// Runs fn(i) for i in [0, n) on `threads` threads; the first error wins.
absl::Status ForEach(int n, int threads, const std::function<absl::Status(int)>& fn) {
  std::atomic<int> next{0};
  std::mutex mu;
  absl::Status first;
  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(1, threads); ++t) {
    pool.emplace_back([&] {
      for (int i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
        absl::Status s = fn(i);
        if (!s.ok()) {
          std::lock_guard<std::mutex> lock(mu);
          if (first.ok()) first = s;
          next.store(n);
        }
      }
    });
  }
  for (std::thread& t : pool) t.join();
  return first;
}

absl::Status Failed(const std::string& what, const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", StatusText(status)));
}

// ---------------------------------------------------------------- setup

absl::Status SetupDirectory(const Gateway& admin) {
  const std::string authority = Authority();
  const int n = absl::GetFlag(FLAGS_schools);
  const absl::Duration deadline = absl::Seconds(30);
  {
    dpb::CreateAuthorityRequest request;
    request.set_authority_id(authority);
    request.set_request_id(absl::StrCat("bench-authority-", SetupTag()));
    request.mutable_authority()->set_code(authority);
    request.mutable_authority()->set_display_name(absl::StrCat("Đơn vị thử tải ", n, " trường"));
    request.mutable_authority()->set_parent("authorities/hcm");
    request.mutable_authority()->set_kind("ward");
    dpb::Authority created;
    grpc::ClientContext context;
    admin.Prepare(context, deadline);
    grpc::Status status = admin.directory().CreateAuthority(&context, request, &created);
    if (!status.ok() && status.error_code() != grpc::StatusCode::ALREADY_EXISTS) {
      return Failed(absl::StrCat("CreateAuthority ", authority), status);
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
    if (!status.ok()) return Failed("ListSchools", status);
    for (const dpb::School& s : response.schools()) existing.insert(s.name());
    page_token = response.next_page_token();
  } while (!page_token.empty());
  std::atomic<int> created{0};
  absl::Status s = ForEach(n, absl::GetFlag(FLAGS_setup_in_flight), [&](int i) -> absl::Status {
    if (existing.contains(absl::StrCat("schools/", SchoolId(i)))) return absl::OkStatus();
    dpb::CreateSchoolRequest request;
    request.set_school_id(SchoolId(i));
    request.set_request_id(absl::StrCat("bench-school-", SetupTag(), "-", i));
    request.mutable_school()->set_code(absl::StrCat("B", i));
    request.mutable_school()->set_display_name(absl::StrCat("Trường thử tải số ", i));
    request.mutable_school()->set_level(dpb::SCHOOL_LEVEL_PRIMARY);
    request.mutable_school()->set_authority(absl::StrCat("authorities/", authority));
    dpb::School school;
    grpc::Status status;
    do {
      grpc::ClientContext context;
      admin.Prepare(context, deadline);
      status = admin.directory().CreateSchool(&context, request, &school);
      // The gateway's budget per API key (100 calls a second by default):
      // wait and send again, as a well-behaved script does.
      if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) absl::SleepFor(absl::Seconds(1));
    } while (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED);
    if (!status.ok() && status.error_code() != grpc::StatusCode::ALREADY_EXISTS) {
      return Failed(absl::StrCat("CreateSchool ", SchoolId(i)), status);
    }
    ++created;
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  std::cerr << absl::StrFormat("directory: %d schools under authorities/%s (%d created, %d already there)\n",
                               n, authority, created.load(), static_cast<int>(existing.size()));
  if (created > 0) {
    // The gateway caches a key's scope for a few seconds; let it see the new schools.
    absl::SleepFor(absl::Seconds(6));
  }
  return absl::OkStatus();
}

// One plan per school from the PAR template (replayed on a rerun), and a few
// tasks done or half done in every 4th school.
absl::Status SetupTasks(const Signer& signer, const std::shared_ptr<grpc::Channel>& channel) {
  auto tasks = tpb::TaskService::NewStub(channel);
  const int n = absl::GetFlag(FLAGS_schools);
  const int year = absl::GetFlag(FLAGS_year);
  std::atomic<int> plans{0}, updates{0};
  const absl::Time start = absl::Now();
  absl::Status s = ForEach(n, absl::GetFlag(FLAGS_setup_in_flight), [&](int i) -> absl::Status {
    const std::string school = SchoolId(i);
    grpc::Status status;
    for (int k = 1; k <= absl::GetFlag(FLAGS_plans); ++k) {
      const std::string suffix = k == 1 ? "" : absl::StrCat("-", k);
      tpb::InstantiatePlanTemplateRequest request;
      request.set_parent(absl::StrCat("schools/", school));
      request.set_template_("planTemplates/par-improvement");
      request.set_plan_id(absl::StrCat(kPlanId, suffix));
      request.set_year(year);
      request.set_number(absl::StrCat(i + 1, "/KH-BENCH", suffix));
      *request.mutable_issue_date() = platform::DateToProto({year, 1, 15});
      request.set_request_id(absl::StrCat("bench-ov-plan-", school, suffix));
      tpb::Plan plan;
      auto context =
          signer.Context(Signer::SchoolAdmin(school), absl::StrCat(kTaskService, "InstantiatePlanTemplate"));
      status = tasks->InstantiatePlanTemplate(context.get(), request, &plan);
      if (!status.ok() && status.error_code() != grpc::StatusCode::ALREADY_EXISTS) {
        return Failed(absl::StrCat("InstantiatePlanTemplate ", school, " ", request.plan_id()), status);
      }
      ++plans;
    }
    if (i % 4 != 0) return absl::OkStatus();
    tpb::ListTasksRequest list;
    list.set_parent(absl::StrCat("schools/", school, "/plans/", kPlanId));
    list.set_page_size(5);
    tpb::ListTasksResponse listed;
    auto list_context = signer.Context(Signer::SchoolAdmin(school), absl::StrCat(kTaskService, "ListTasks"));
    status = tasks->ListTasks(list_context.get(), list, &listed);
    if (!status.ok()) return Failed(absl::StrCat("ListTasks ", school), status);
    for (int k = 0; k < listed.tasks_size(); ++k) {
      tpb::AddProgressUpdateRequest add;
      add.set_parent(listed.tasks(k).name());
      add.mutable_progress_update()->set_percent_done(k < 3 ? 100 : 50);
      add.mutable_progress_update()->set_note("Cập nhật thử tải (benchmark)");
      add.set_request_id(absl::StrCat("bench-ov-progress-", school, "-", listed.tasks(k).code()));
      tpb::ProgressUpdate update;
      auto add_context =
          signer.Context(Signer::SchoolAdmin(school), absl::StrCat(kTaskService, "AddProgressUpdate"));
      status = tasks->AddProgressUpdate(add_context.get(), add, &update);
      // Already done by an earlier run whose ledger entry is gone: fine.
      if (!status.ok() && status.error_code() != grpc::StatusCode::FAILED_PRECONDITION) {
        return Failed(absl::StrCat("AddProgressUpdate ", listed.tasks(k).name()), status);
      }
      ++updates;
    }
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  std::cerr << absl::StrFormat(
      "tasks: %d plans from planTemplates/par-improvement %d, %d progress updates, in %.1f s\n", plans.load(),
      year, updates.load(), absl::ToDoubleSeconds(absl::Now() - start));
  return absl::OkStatus();
}

// -------------------------------------------------------------- measure

// CPU of the watched processes (and this one) summed over the calls of one
// phase.
class PhaseCpu final {
 public:
  explicit PhaseCpu(const std::vector<Watched>& watched) : watched_(watched) {
    spent_.assign(watched_.size() + 1, 0);
  }
  std::vector<double> Sample() const {
    std::vector<double> now;
    for (const Watched& w : watched_) now.push_back(ProcessCpuSeconds(w.pid));
    now.push_back(SelfCpuSeconds());
    return now;
  }
  void Add(const std::vector<double>& before, const std::vector<double>& after) {
    for (size_t i = 0; i < spent_.size(); ++i) {
      if (before[i] >= 0 && after[i] >= 0) spent_[i] += after[i] - before[i];
    }
  }
  // "gateway=… tasks=… bench=… total=…" in ms per call.
  std::string PerCall(int calls) const {
    std::vector<std::string> parts;
    double total = 0;
    for (size_t i = 0; i < spent_.size(); ++i) {
      const double ms = calls > 0 ? spent_[i] * 1000 / calls : 0;
      total += ms;
      if (ms < 0.05) continue;
      parts.push_back(absl::StrFormat("%s=%.1f", i < watched_.size() ? watched_[i].name : "bench", ms));
    }
    return absl::StrCat(absl::StrJoin(parts, " "), absl::StrFormat(" total=%.1f", total));
  }

 private:
  const std::vector<Watched>& watched_;
  std::vector<double> spent_;
};

struct Phase final {
  std::string key;    // A, B, C, C4, D, E
  std::string label;  // for people
  std::vector<int64_t> us;
  int errors = 0;
  std::string first_error;
  std::unique_ptr<PhaseCpu> cpu;
};

// Field-by-field equality of two summaries of the same school.
bool SameSummary(const tpb::TaskSummary& a, const tpb::TaskSummary& b, std::string* why) {
  auto diff = [&](const char* field, double x, double y) {
    if (std::abs(x - y) < 1e-9) return false;
    *why = absl::StrFormat("%s %g vs %g", field, x, y);
    return true;
  };
  if (diff("total", a.total(), b.total()) || diff("not_started", a.not_started(), b.not_started()) ||
      diff("in_progress", a.in_progress(), b.in_progress()) || diff("done", a.done(), b.done()) ||
      diff("cancelled", a.cancelled(), b.cancelled()) || diff("overdue", a.overdue(), b.overdue()) ||
      diff("done_on_time", a.done_on_time(), b.done_on_time()) ||
      diff("done_late", a.done_late(), b.done_late()) ||
      diff("average_percent_done", a.average_percent_done(), b.average_percent_done()) ||
      diff("by_par_field size", a.by_par_field_size(), b.by_par_field_size())) {
    return false;
  }
  for (int i = 0; i < a.by_par_field_size(); ++i) {
    if (a.by_par_field(i).SerializeAsString() != b.by_par_field(i).SerializeAsString()) {
      *why = absl::StrCat("by_par_field[", i, "] ", a.by_par_field(i).ShortDebugString(), " vs ",
                          b.by_par_field(i).ShortDebugString());
      return false;
    }
  }
  return true;
}

class Bench final {
 public:
  Bench(const Signer& signer, std::shared_ptr<grpc::Channel> gateway_channel, std::string admin_key,
        std::shared_ptr<grpc::Channel> tasks_channel, std::shared_ptr<grpc::Channel> directory_channel,
        platform::Db* db, const std::vector<Watched>& watched)
      : signer_(signer),
        admin_(std::move(gateway_channel), std::move(admin_key)),
        gateway_(gpb::GatewayService::NewStub(admin_.channel())),
        tasks_channel_(std::move(tasks_channel)),
        directory_channel_(std::move(directory_channel)),
        db_(db),
        watched_(watched) {
    for (int i = 0; i < n_; ++i) school_ids_.push_back(SchoolId(i));
  }

  // One GetAuthorityOverview; `overview` filled on success.
  grpc::Status Overview(gpb::AuthorityOverview* overview) {
    gpb::GetAuthorityOverviewRequest request;
    request.set_authority(absl::StrCat("authorities/", Authority()));
    *request.mutable_period_start() = platform::DateToProto(PeriodStart());
    *request.mutable_period_end() = platform::DateToProto(PeriodEnd());
    grpc::ClientContext context;
    admin_.Prepare(context, absl::Seconds(absl::GetFlag(FLAGS_deadline_s)));
    return gateway_->GetAuthorityOverview(&context, request, overview);
  }

  // A write to the directory's tree (school 0's name changed, alternating
  // between two names), so the next overview cannot use the school list the
  // gateway kept and lists the schools again.
  grpc::Status TouchTree() {
    dpb::UpdateSchoolRequest request;
    request.mutable_school()->set_name(absl::StrCat("schools/", school_ids_[0]));
    request.mutable_school()->set_display_name(
        absl::StrCat("Trường thử tải ", school_ids_[0], touches_++ % 2 == 0 ? " (A)" : " (B)"));
    request.mutable_update_mask()->add_paths("display_name");
    request.set_request_id(absl::StrCat("bench-touch-", platform::RandomId()));
    dpb::School school;
    grpc::ClientContext context;
    admin_.Prepare(context, absl::Seconds(absl::GetFlag(FLAGS_deadline_s)));
    return admin_.directory().UpdateSchool(&context, request, &school);
  }

  // The old path: one SummarizeTasks per school, --in_flight at a time.
  // OK only when every call was; `out` gets the summaries by school.
  grpc::Status OldPath(std::map<std::string, tpb::TaskSummary>* out) {
    auto stub = tpb::TaskService::NewStub(tasks_channel_);
    const std::string rpc = absl::StrCat(kTaskService, "SummarizeTasks");
    std::mutex mu;
    grpc::Status first = grpc::Status::OK;
    absl::Status s = ForEach(n_, absl::GetFlag(FLAGS_in_flight), [&](int i) -> absl::Status {
      tpb::SummarizeTasksRequest request;
      request.set_school(absl::StrCat("schools/", school_ids_[i]));
      *request.mutable_period_start() = platform::DateToProto(PeriodStart());
      *request.mutable_period_end() = platform::DateToProto(PeriodEnd());
      tpb::TaskSummary summary;
      auto context = signer_.Context(OfficerFor(school_ids_[i]), rpc);
      grpc::Status status = stub->SummarizeTasks(context.get(), request, &summary);
      std::lock_guard<std::mutex> lock(mu);
      if (!status.ok()) {
        if (first.ok()) first = status;
      } else if (out != nullptr) {
        (*out)[request.school()] = std::move(summary);
      }
      return absl::OkStatus();  // keep going: the old gateway did too
    });
    (void)s;
    return first;
  }

  // The grouped query over `ids`, on one pooled connection.
  absl::Status FloorQuery(const std::vector<std::string>& ids) {
    tasks::MySqlTaskStore store(*db_);
    absl::StatusOr<std::vector<tasks::TaskSummary>> rows =
        store.SummarizeSchoolsDue(ids, PeriodStart(), PeriodEnd(), platform::LocalDate(absl::Now()));
    if (!rows.ok()) return rows.status();
    last_floor_rows_ = static_cast<int>(rows->size());
    return absl::OkStatus();
  }

  // The grouped query per page, the pages in parallel.
  absl::Status FloorPages() {
    std::vector<std::vector<std::string>> pages = Pages();
    std::vector<absl::Status> results(pages.size());
    std::vector<std::thread> threads;
    for (size_t p = 0; p < pages.size(); ++p) {
      threads.emplace_back([&, p] {
        tasks::MySqlTaskStore store(*db_);
        results[p] =
            store.SummarizeSchoolsDue(pages[p], PeriodStart(), PeriodEnd(), platform::LocalDate(absl::Now()))
                .status();
      });
    }
    for (std::thread& t : threads) t.join();
    for (const absl::Status& s : results) {
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  // What the gateway asks the directory for one overview.
  grpc::Status DirectoryListing() {
    auto stub = dpb::DirectoryService::NewStub(directory_channel_);
    dpb::ListSchoolsRequest request;
    request.set_parent(absl::StrCat("authorities/", Authority()));
    request.set_page_size(1000);
    *request.mutable_as_of() = platform::DateToProto(platform::LocalDate(absl::Now()));
    int listed = 0;
    do {
      dpb::ListSchoolsResponse page;
      auto context = signer_.Context(Officer(), "/parhub.directory.v1.DirectoryService/ListSchools");
      grpc::Status status = stub->ListSchools(context.get(), request, &page);
      if (!status.ok()) return status;
      listed += page.schools_size();
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    if (listed != n_) {
      return grpc::Status(grpc::StatusCode::INTERNAL, absl::StrCat("listed ", listed, " schools of ", n_));
    }
    return grpc::Status::OK;
  }

  // What the gateway asks tasks for one overview: the pages in parallel.
  grpc::Status BatchPages() {
    auto stub = tpb::TaskService::NewStub(tasks_channel_);
    std::vector<std::vector<std::string>> pages = Pages();
    std::vector<grpc::Status> results(pages.size());
    std::vector<std::thread> threads;
    for (size_t p = 0; p < pages.size(); ++p) {
      threads.emplace_back([&, p] {
        tpb::BatchSummarizeTasksRequest request;
        for (const std::string& id : pages[p]) request.add_schools(absl::StrCat("schools/", id));
        *request.mutable_period_start() = platform::DateToProto(PeriodStart());
        *request.mutable_period_end() = platform::DateToProto(PeriodEnd());
        tpb::BatchSummarizeTasksResponse response;
        auto context = signer_.Context(Rollup(), absl::StrCat(kTaskService, "BatchSummarizeTasks"));
        results[p] = stub->BatchSummarizeTasks(context.get(), request, &response);
        if (results[p].ok() && response.summaries_size() != request.schools_size()) {
          results[p] = grpc::Status(grpc::StatusCode::INTERNAL, "short batch answer");
        }
      });
    }
    for (std::thread& t : threads) t.join();
    for (const grpc::Status& s : results) {
      if (!s.ok()) return s;
    }
    return grpc::Status::OK;
  }

  // Warm-up: every phase once, untimed, and A checked against B.
  int CheckParity() {
    gpb::AuthorityOverview overview;
    grpc::Status a = Overview(&overview);
    if (!a.ok()) {
      std::cout << "  parity: overview failed: " << StatusText(a) << "\n";
      return 1;
    }
    std::map<std::string, tpb::TaskSummary> old;
    grpc::Status b = OldPath(&old);
    if (!b.ok()) {
      std::cout << "  parity: old path failed: " << StatusText(b) << "\n";
      return 1;
    }
    int mismatches = 0, rows = 0;
    int64_t tasks = 0, done = 0, overdue = 0;
    std::string example;
    for (const gpb::SchoolOverview& line : overview.schools()) {
      if (!line.error().empty()) continue;
      auto it = old.find(line.school());
      std::string why;
      if (it == old.end()) {
        why = "no per-school summary";
      } else if (SameSummary(line.tasks(), it->second, &why)) {
        why.clear();
      }
      if (!why.empty()) {
        if (++mismatches == 1) example = absl::StrCat(line.school(), ": ", why);
      }
      ++rows;
      tasks += line.tasks().total();
      done += line.tasks().done();
      overdue += line.tasks().overdue();
    }
    std::cout << absl::StrFormat(
        "  parity (warm-up): %d schools in the overview (%d failed), %d compared with SummarizeTasks, %d "
        "differ%s; tasks in the period %d (done %d, overdue %d)\n",
        overview.schools_size(), overview.failed_schools(), rows, mismatches,
        example.empty() ? "" : absl::StrCat(", e.g. ", example), tasks, done, overdue);
    tasks_in_period_ = tasks;
    return overview.schools_size() == n_ && overview.failed_schools() == 0 && mismatches == 0 ? 0 : 1;
  }

  int Measure() {
    std::vector<Phase> phases;
    auto add = [&](const std::string& key, const std::string& label) {
      Phase p;
      p.key = key;
      p.label = label;
      p.cpu = std::make_unique<PhaseCpu>(watched_);
      phases.push_back(std::move(p));
    };
    const int in_flight = absl::GetFlag(FLAGS_in_flight);
    const int npages = static_cast<int>(Pages().size());
    add("A", "new path: GetAuthorityOverview through the gateway");
    add("A2", "the same right after a write to the tree (lists again)");
    add("B", absl::StrFormat("old path: %d x SummarizeTasks on tasks, %d in flight", n_, in_flight));
    add("C", absl::StrFormat("floor: the grouped query, %d schools in 1 statement", n_));
    add("C4", absl::StrFormat("the grouped query, %d pages in parallel", npages));
    add("D", "directory ListSchools (what the gateway lists)");
    add("E", absl::StrFormat("tasks BatchSummarizeTasks, %d pages in parallel", npages));
    auto run = [&](Phase& p, bool timed) {
      std::string error;
      if (p.key == "A2") {  // untimed, before the clock starts
        grpc::Status touched = TouchTree();
        if (!touched.ok()) error = absl::StrCat("UpdateSchool: ", StatusText(touched));
      }
      const std::vector<double> before = p.cpu->Sample();
      const Clock::time_point start = Clock::now();
      if (!error.empty()) {
      } else if (p.key == "A" || p.key == "A2") {
        gpb::AuthorityOverview overview;
        grpc::Status s = Overview(&overview);
        if (!s.ok()) {
          error = StatusText(s);
        } else if (overview.schools_size() != n_ || overview.failed_schools() != 0) {
          error = absl::StrCat(overview.schools_size(), " schools, ", overview.failed_schools(), " failed");
        }
      } else if (p.key == "B") {
        grpc::Status s = OldPath(nullptr);
        if (!s.ok()) error = StatusText(s);
      } else if (p.key == "C") {
        absl::Status s = FloorQuery(school_ids_);
        if (!s.ok()) error = s.ToString();
      } else if (p.key == "C4") {
        absl::Status s = FloorPages();
        if (!s.ok()) error = s.ToString();
      } else if (p.key == "D") {
        grpc::Status s = DirectoryListing();
        if (!s.ok()) error = StatusText(s);
      } else {
        grpc::Status s = BatchPages();
        if (!s.ok()) error = StatusText(s);
      }
      const int64_t us = MicrosSince(start);
      if (!timed) return;
      p.cpu->Add(before, p.cpu->Sample());
      if (error.empty()) {
        p.us.push_back(us);
      } else if (p.errors++ == 0) {
        p.first_error = error;
      }
    };
    const int rounds = absl::GetFlag(FLAGS_rounds);
    std::cout << absl::StrFormat(
        "overview bench: authorities/%s, %d schools, period %s..%s, %d warm-up + %d rounds, each round A A2 "
        "B "
        "C C4 D E one after the other (%s)\n",
        Authority(), n_, PeriodStart().ToIso(), PeriodEnd().ToIso(), absl::GetFlag(FLAGS_warmup), rounds,
        absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(), absl::UTCTimeZone()));
    int rc = 0;
    for (int w = 0; w < absl::GetFlag(FLAGS_warmup); ++w) {
      if (w == 0) rc |= CheckParity();
      for (Phase& p : phases) run(p, false);
    }
    std::cout << absl::StrFormat("  floor query answered %d school rows\n", last_floor_rows_);
    for (int r = 0; r < rounds; ++r) {
      for (Phase& p : phases) run(p, true);
    }
    std::map<std::string, double> p50, p99;
    for (Phase& p : phases) {
      std::sort(p.us.begin(), p.us.end());
      p50[p.key] = Percentile(p.us, 0.5) / 1000.0;
      p99[p.key] = Percentile(p.us, 0.99) / 1000.0;
      std::cout << absl::StrFormat("  %-2s %-58s", p.key, p.label);
      if (p.us.empty()) {
        std::cout << " no successful call";
      } else {
        std::cout << absl::StrFormat(" ms min %8.1f p50 %8.1f p99 %8.1f max %8.1f  per school %6.3f ms",
                                     p.us.front() / 1000.0, p50[p.key], p99[p.key], p.us.back() / 1000.0,
                                     p50[p.key] / n_);
      }
      std::cout << "\n";
      if (p.errors > 0) {
        std::cout << absl::StrFormat("     errors: %d, first: %s\n", p.errors, p.first_error);
        rc = 1;
      }
      if (!watched_.empty()) std::cout << "     cpu ms per call: " << p.cpu->PerCall(rounds) << "\n";
    }
    const double ratio50 = p50["C"] > 0 ? p50["A"] / p50["C"] : 0;
    const double ratio99 = p50["C"] > 0 ? p99["A"] / p50["C"] : 0;
    std::cout << absl::StrFormat(
        "RESULT overview schools=%d tasks=%d rounds=%d new_p50_ms=%.1f new_p99_ms=%.1f new_max_ms=%.1f "
        "after_tree_write_p50_ms=%.1f after_tree_write_p99_ms=%.1f old_p50_ms=%.1f old_p99_ms=%.1f "
        "floor_p50_ms=%.1f floor_p99_ms=%.1f floor_pages_p50_ms=%.1f "
        "directory_p50_ms=%.1f batch_p50_ms=%.1f ratio_p50=%.2f ratio_p99=%.2f new_ms_per_school=%.4f "
        "old_ms_per_school=%.4f target_300ms=%s target_3x=%s\n",
        n_, static_cast<int>(tasks_in_period_), rounds, p50["A"], p99["A"],
        phases[0].us.empty() ? 0 : phases[0].us.back() / 1000.0, p50["A2"], p99["A2"], p50["B"], p99["B"],
        p50["C"], p99["C"], p50["C4"], p50["D"], p50["E"], ratio50, ratio99, p50["A"] / n_, p50["B"] / n_,
        n_ < 3500 ? "n/a" : (p99["A"] < 300 && rc == 0 ? "met" : "missed"),
        ratio50 > 0 && ratio50 <= 3 ? "met" : "missed");
    return rc;
  }

  // parhub-tasks is down: each overview must be OK, every school UNAVAILABLE.
  int TasksDown() {
    const int calls = absl::GetFlag(FLAGS_rounds);
    std::vector<int64_t> us;
    int bad = 0;
    std::cout << absl::StrFormat(
        "overview with tasks down: authorities/%s, %d schools, %d calls one after the other\n", Authority(),
        n_, calls);
    for (int i = 0; i < calls; ++i) {
      gpb::AuthorityOverview overview;
      const Clock::time_point start = Clock::now();
      grpc::Status status = Overview(&overview);
      const int64_t took = MicrosSince(start);
      us.push_back(took);
      int unavailable = 0;
      std::map<std::string, int> messages;  // error text → schools
      for (const gpb::SchoolOverview& line : overview.schools()) {
        if (line.error_code() == "UNAVAILABLE" && !line.has_tasks()) ++unavailable;
        ++messages[line.error()];
      }
      std::vector<std::string> shown;
      for (const auto& [text, count] : messages) shown.push_back(absl::StrCat(count, " x \"", text, "\""));
      const bool ok = status.ok() && overview.schools_size() == n_ && unavailable == n_ &&
                      overview.failed_schools() == n_;
      if (!ok) ++bad;
      std::cout << absl::StrFormat(
          "  call %2d: %8.1f ms  %s  schools %d, UNAVAILABLE %d, failed_schools %d%s\n", i + 1, took / 1000.0,
          status.ok() ? "OK" : StatusText(status), overview.schools_size(), unavailable,
          overview.failed_schools(), absl::StrCat(": ", absl::StrJoin(shown, "; ")));
    }
    std::sort(us.begin(), us.end());
    std::cout << absl::StrFormat(
        "RESULT tasks_down schools=%d calls=%d bad=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n", n_, calls, bad,
        Percentile(us, 0.5) / 1000.0, Percentile(us, 0.99) / 1000.0, us.back() / 1000.0);
    return bad == 0 ? 0 : 1;
  }

 private:
  std::vector<std::vector<std::string>> Pages() const {
    std::vector<std::vector<std::string>> pages;
    const size_t page = static_cast<size_t>(std::max(1, absl::GetFlag(FLAGS_page)));
    for (size_t from = 0; from < school_ids_.size(); from += page) {
      pages.emplace_back(school_ids_.begin() + from,
                         school_ids_.begin() + std::min(school_ids_.size(), from + page));
    }
    return pages;
  }

  const int n_ = absl::GetFlag(FLAGS_schools);
  const Signer& signer_;
  Gateway admin_;
  std::unique_ptr<gpb::GatewayService::Stub> gateway_;
  std::shared_ptr<grpc::Channel> tasks_channel_;
  std::shared_ptr<grpc::Channel> directory_channel_;
  platform::Db* db_;
  const std::vector<Watched>& watched_;
  std::vector<std::string> school_ids_;
  int last_floor_rows_ = 0;
  int touches_ = 0;  // TouchTree calls, alternating the name
  int64_t tasks_in_period_ = 0;
};

}  // namespace
}  // namespace parhub::bench

int main(int argc, char** argv) {
  using namespace parhub::bench;  // NOLINT: the program's own namespace
  absl::SetProgramUsageMessage(
      "parhub-overview-bench: the authority overview (new batched path) beside the old per-school path and "
      "the grouped SQL query, against the running suite (docs/BENCHMARKS.md)");
  absl::ParseCommandLine(argc, argv);
  std::set<std::string> phases;
  for (absl::string_view p : absl::StrSplit(absl::GetFlag(FLAGS_phases), ',', absl::SkipWhitespace())) {
    if (p != "setup" && p != "measure") {
      std::cerr << "unknown phase '" << p << "' (setup, measure)\n";
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
  absl::StatusOr<std::string> admin_key = ReadKeyFile(absl::GetFlag(FLAGS_admin_key_file));
  absl::StatusOr<std::string> secret = ReadKeyFile(absl::GetFlag(FLAGS_identity_key_file));
  if (!admin_key.ok() || !secret.ok()) {
    std::cerr << (admin_key.ok() ? secret.status() : admin_key.status()) << "\n";
    return 2;
  }
  auto key = parhub::platform::IdentityKey::Create(*secret);
  if (!key.ok()) {
    std::cerr << "bad identity key: " << key.status() << "\n";
    return 2;
  }
  const Signer signer(*std::move(key), absl::Seconds(absl::GetFlag(FLAGS_deadline_s)));
  auto gateway_channel = GatewayChannel(absl::GetFlag(FLAGS_gateway), 0);

  if (absl::GetFlag(FLAGS_expect_tasks_down)) {
    Bench bench(signer, gateway_channel, *admin_key, nullptr, nullptr, nullptr, watched);
    return bench.TasksDown();
  }
  auto tasks_channel = ServiceChannel(absl::GetFlag(FLAGS_tasks), "tasks");
  if (!tasks_channel.ok()) {
    std::cerr << tasks_channel.status() << "\n";
    return 1;
  }
  if (phases.contains("setup")) {
    Gateway admin(gateway_channel, *admin_key);
    absl::Status s = SetupDirectory(admin);
    if (s.ok()) s = SetupTasks(signer, *tasks_channel);
    if (!s.ok()) {
      std::cerr << "setup: " << s << "\n";
      return 1;
    }
  }
  if (!phases.contains("measure")) return 0;
  auto directory_channel = ServiceChannel(absl::GetFlag(FLAGS_directory), "directory");
  if (!directory_channel.ok()) {
    std::cerr << directory_channel.status() << "\n";
    return 1;
  }
  absl::StatusOr<std::string> db_password = ReadKeyFile(absl::GetFlag(FLAGS_floor_db_password_file));
  if (!db_password.ok()) {
    std::cerr << db_password.status() << "\n";
    return 2;
  }
  parhub::platform::DbConfig config;
  config.host = absl::GetFlag(FLAGS_floor_db_host);
  config.port = absl::GetFlag(FLAGS_floor_db_port);
  config.user = absl::GetFlag(FLAGS_floor_db_user);
  config.password = *db_password;
  config.database = absl::GetFlag(FLAGS_floor_db_name);
  config.pool_size = 8;
  config.statement_timeout = absl::Seconds(30);
  parhub::platform::Db db(config);
  if (absl::Status ping = db.Ping(); !ping.ok()) {
    std::cerr << "floor database: " << ping << "\n";
    return 1;
  }
  Bench bench(signer, gateway_channel, *admin_key, *tasks_channel, *directory_channel, &db, watched);
  return bench.Measure();
}
