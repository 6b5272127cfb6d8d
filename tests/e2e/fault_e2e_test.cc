// End-to-end under faults (issue 12): the whole suite with a FaultProxy
// between the tasks service and MariaDB and another between the gateway
// and the tasks service. Under a load of reads and retried writes:
//   - each fault (delay, slow reads, half-open, drop) on either link: every
//     call ends by its deadline, other services keep answering through the
//     same gateway (no thread pool exhausted), and once the fault is
//     cleared the service heals by itself;
//   - kill -9 of each process in turn: the others keep serving, the killed
//     one comes back, and every retried write took effect exactly once.
// Times are printed, and bounded generously: they are not benchmarks.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "tests/e2e/gateway_client.h"
#include "tests/e2e/suite.h"

namespace parhub::e2e {
namespace {

namespace dpb = directory::v1;
namespace tpb = tasks::v1;
namespace spb = staffing::v1;
namespace cpb = complaints::v1;
namespace fpb = finance::v1;
namespace rpb = reporting::v1;

Suite* suite = nullptr;

// One school, its admin, a plan with one task.
struct World {
  std::string admin_key;  // school admin of schools/f-a
  std::string plan = "schools/f-a/plans/fault-2026";
  std::string task;
};
World* world = nullptr;

absl::CivilDay Today() { return absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600)); }

common::v1::Date DateOf(absl::CivilDay day) {
  return ProtoDate(static_cast<int>(day.year()), day.month(), day.day());
}

void BuildWorld() {
  auto built = std::make_unique<World>();
  GatewayClient root(suite->gateway_address(), suite->admin_key());
  {
    dpb::CreateAuthorityRequest r;
    r.set_authority_id("q-fault");
    r.set_request_id("fault-authority");
    r.mutable_authority()->set_code("q-fault");
    r.mutable_authority()->set_display_name("UBND phường Thử Lỗi");
    r.mutable_authority()->set_parent("authorities/hcm");
    r.mutable_authority()->set_kind("ward");
    dpb::Authority a;
    auto c = root.Context();
    grpc::Status s = root.directory->CreateAuthority(c.get(), r, &a);
    ASSERT_TRUE(s.ok()) << s.error_message() << suite->Logs();
  }
  {
    dpb::CreateSchoolRequest r;
    r.set_school_id("f-a");
    r.set_request_id("fault-school");
    r.mutable_school()->set_code("f-a");
    r.mutable_school()->set_display_name("Trường Mầm non Thử Lỗi");
    r.mutable_school()->set_level(dpb::SCHOOL_LEVEL_KINDERGARTEN);
    r.mutable_school()->set_authority("authorities/q-fault");
    dpb::School school;
    auto c = root.Context();
    grpc::Status s = root.directory->CreateSchool(c.get(), r, &school);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  {
    dpb::CreateAccountRequest r;
    r.set_account_id("admin-f");
    r.set_request_id("fault-account");
    r.mutable_account()->set_display_name("Hiệu trưởng Thử Lỗi");
    r.mutable_account()->set_role(common::v1::ROLE_SCHOOL_ADMIN);
    r.mutable_account()->set_school("schools/f-a");
    dpb::Account account;
    auto c = root.Context();
    grpc::Status s = root.directory->CreateAccount(c.get(), r, &account);
    ASSERT_TRUE(s.ok()) << s.error_message();
    dpb::CreateApiKeyRequest k;
    k.set_parent("accounts/admin-f");
    k.set_request_id("fault-key");
    dpb::CreateApiKeyResponse key;
    c = root.Context();
    s = root.directory->CreateApiKey(c.get(), k, &key);
    ASSERT_TRUE(s.ok()) << s.error_message();
    built->admin_key = key.secret();
  }
  GatewayClient admin(suite->gateway_address(), built->admin_key);
  {
    tpb::CreatePlanRequest r;
    r.set_parent("schools/f-a");
    r.set_plan_id("fault-2026");
    r.set_request_id("fault-plan");
    r.mutable_plan()->set_number("01/KH-TL");
    r.mutable_plan()->set_year(2026);
    r.mutable_plan()->set_title("Kế hoạch thử lỗi");
    *r.mutable_plan()->mutable_issue_date() = ProtoDate(2026, 1, 5);
    tpb::Plan plan;
    auto c = admin.Context();
    grpc::Status s = admin.tasks->CreatePlan(c.get(), r, &plan);
    ASSERT_TRUE(s.ok()) << s.error_message() << suite->Logs();
  }
  tpb::CreateTaskRequest r;
  r.set_parent(built->plan);
  r.set_request_id("fault-task");
  r.mutable_task()->set_code("1.1");
  r.mutable_task()->set_title("Nhiệm vụ đọc thử");
  *r.mutable_task()->mutable_due_date() = ProtoDate(2026, 12, 30);
  tpb::Task task;
  auto c = admin.Context();
  grpc::Status s = admin.tasks->CreateTask(c.get(), r, &task);
  ASSERT_TRUE(s.ok()) << s.error_message();
  built->task = task.name();
  world = built.release();
}

class FaultE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (world == nullptr) BuildWorld();
    ASSERT_NE(world, nullptr);
  }
};

// A write that failed because something was down or slow, and may be sent
// again with the same request_id.
bool Retryable(grpc::StatusCode code) {
  return code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED ||
         code == grpc::StatusCode::ABORTED;
}

grpc::Status CreateTask(const GatewayClient& client, const std::string& request_id, std::string* name,
                        absl::Duration timeout = absl::Seconds(15)) {
  tpb::CreateTaskRequest r;
  r.set_parent(world->plan);
  r.set_request_id(request_id);
  r.mutable_task()->set_code(request_id);
  r.mutable_task()->set_title("Nhiệm vụ ghi thử");
  *r.mutable_task()->mutable_due_date() = ProtoDate(2026, 12, 30);
  tpb::Task task;
  auto c = client.Context(timeout);
  grpc::Status s = client.tasks->CreateTask(c.get(), r, &task);
  *name = task.name();
  return s;
}

grpc::Status ReadTask(const GatewayClient& client, absl::Duration timeout) {
  tpb::GetTaskRequest r;
  r.set_name(world->task);
  tpb::Task task;
  auto c = client.Context(timeout);
  return client.tasks->GetTask(c.get(), r, &task);
}

// A read of a service the faults do not touch (staffing).
grpc::Status ReadStaffing(const GatewayClient& client, absl::Duration timeout) {
  spb::ListStaffRequest r;
  r.set_parent("schools/f-a");
  spb::ListStaffResponse staff;
  auto c = client.Context(timeout);
  return client.staffing->ListStaff(c.get(), r, &staff);
}

// Task code → how many tasks of the plan carry it.
std::map<std::string, int> TaskCodes(const GatewayClient& client) {
  std::map<std::string, int> codes;
  tpb::ListTasksRequest list;
  list.set_parent(world->plan);
  list.set_page_size(500);
  do {
    tpb::ListTasksResponse page;
    auto c = client.Context();
    grpc::Status s = client.tasks->ListTasks(c.get(), list, &page);
    EXPECT_TRUE(s.ok()) << s.error_message();
    if (!s.ok()) break;
    for (const auto& t : page.tasks()) ++codes[t.code()];
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty());
  return codes;
}

// Sends one write until it is answered (retrying its request_id) or
// `patience` runs out; the final status.
grpc::Status UntilAnswered(const std::function<grpc::Status()>& write, absl::Duration patience) {
  const absl::Time until = absl::Now() + patience;
  grpc::Status s = write();
  while (!s.ok() && Retryable(s.error_code()) && absl::Now() < until) {
    absl::SleepFor(absl::Milliseconds(50));
    s = write();
  }
  return s;
}

// One fault on one link, under load: 16 callers each keep reading and
// writing tasks with a 2 s deadline while it lasts; a bystander keeps
// reading staffing through the same gateway. Then the fault is cleared and
// the time until a write is acknowledged again is measured.
void UnderFault(FaultProxy& proxy, Fault fault, const std::string& link) {
  SCOPED_TRACE(absl::StrCat(link, ": ", FaultName(fault)));
  constexpr absl::Duration kDeadline = absl::Seconds(2);
  // Past the deadline a call may take this long to come back (scheduling
  // on a loaded 2-core machine), and no longer.
  constexpr absl::Duration kGrace = absl::Seconds(2);
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::map<grpc::StatusCode, int> codes;
  absl::Duration slowest;
  std::vector<std::string> started, acknowledged;  // request ids
  int bystander_ok = 0, bystander_failed = 0;
  std::string bystander_error;
  proxy.Set(fault);
  std::vector<std::thread> callers;
  for (int t = 0; t < 16; ++t) {
    callers.emplace_back([&, t] {
      GatewayClient client(suite->gateway_address(), world->admin_key);
      for (int n = 0; !stop.load(); ++n) {
        const absl::Time begin = absl::Now();
        grpc::Status s;
        std::string request_id =
            absl::StrCat("F", static_cast<int>(fault), link.substr(0, 1), "-", t, "-", n);
        if (t % 2 == 0) {
          s = ReadTask(client, kDeadline);
        } else {
          std::string name;
          {
            std::lock_guard<std::mutex> lock(mu);
            started.push_back(request_id);
          }
          s = CreateTask(client, request_id, &name, kDeadline);
        }
        const absl::Duration took = absl::Now() - begin;
        std::lock_guard<std::mutex> lock(mu);
        ++codes[s.error_code()];
        slowest = std::max(slowest, took);
        if (s.ok() && t % 2 == 1) acknowledged.push_back(request_id);
      }
    });
  }
  std::thread bystander([&] {
    GatewayClient client(suite->gateway_address(), world->admin_key);
    while (!stop.load()) {
      grpc::Status s = ReadStaffing(client, absl::Seconds(3));
      std::lock_guard<std::mutex> lock(mu);
      if (s.ok()) {
        ++bystander_ok;
      } else {
        ++bystander_failed;
        bystander_error = s.error_message();
      }
      absl::SleepFor(absl::Milliseconds(20));
    }
  });
  absl::SleepFor(absl::Seconds(6));
  stop = true;
  for (auto& t : callers) t.join();
  bystander.join();
  proxy.Set(Fault::kNone);

  std::string seen;
  for (const auto& [code, count] : codes) absl::StrAppend(&seen, " ", code, "×", count);
  for (const auto& [code, count] : codes) {
    EXPECT_TRUE(code == grpc::StatusCode::OK || code == grpc::StatusCode::DEADLINE_EXCEEDED ||
                code == grpc::StatusCode::UNAVAILABLE)
        << "code " << code << " under the fault; seen:" << seen;
  }
  EXPECT_LE(slowest, kDeadline + kGrace) << "a call outlived its deadline; seen:" << seen;
  EXPECT_GT(bystander_ok, 0);
  EXPECT_EQ(bystander_failed, 0) << "staffing through the same gateway failed: " << bystander_error;

  // Healed: a new write is acknowledged again, by itself.
  GatewayClient client(suite->gateway_address(), world->admin_key);
  const absl::Time cleared = absl::Now();
  std::string name;
  const std::string probe = absl::StrCat("H", static_cast<int>(fault), link.substr(0, 1));
  grpc::Status healed =
      UntilAnswered([&] { return CreateTask(client, probe, &name, kDeadline); }, absl::Seconds(40));
  ASSERT_TRUE(healed.ok()) << "not healed 40 s after the fault was cleared: " << healed.error_message()
                           << suite->Logs();
  const absl::Duration heal = absl::Now() - cleared;
  // Writes cut short by the fault are retried with their request_id; each
  // made one task, and every acknowledged one is there.
  for (const std::string& request_id : started) {
    grpc::Status s = UntilAnswered([&] { return CreateTask(client, request_id, &name); }, absl::Seconds(30));
    EXPECT_TRUE(s.ok()) << request_id << ": " << s.error_message();
  }
  const std::map<std::string, int> tasks = TaskCodes(client);
  for (const std::string& request_id : started) {
    EXPECT_EQ(tasks.contains(request_id) ? tasks.at(request_id) : 0, 1) << request_id;
  }
  std::cout << link << ", " << FaultName(fault) << ": calls" << seen << "; slowest "
            << absl::FormatDuration(slowest) << "; staffing alongside " << bystander_ok << " OK; "
            << acknowledged.size() << " of " << started.size()
            << " writes acknowledged under the fault; healed " << absl::FormatDuration(heal)
            << " after it was cleared\n";
}

TEST_F(FaultE2eTest, EveryFaultBetweenTheTasksServiceAndMariaDbIsBoundedAndHeals) {
  for (Fault fault : {Fault::kDelay, Fault::kSlowReads, Fault::kHalfOpen, Fault::kDrop}) {
    UnderFault(suite->database_proxy("tasks"), fault, "tasks-mariadb");
  }
}

TEST_F(FaultE2eTest, EveryFaultBetweenTheGatewayAndTheTasksServiceIsBoundedAndHeals) {
  for (Fault fault : {Fault::kDelay, Fault::kSlowReads, Fault::kHalfOpen, Fault::kDrop}) {
    UnderFault(suite->backend_proxy("tasks"), fault, "gateway-tasks");
  }
}

// A write of one kind, sent through the gateway with `request_id`; its
// resource name, and whether a resource of that name exists afterwards.
struct KillRound {
  std::string process;
  std::function<grpc::Status(const GatewayClient&, const std::string& request_id, std::string* name)> write;
  std::function<bool(const GatewayClient&, const std::string& name)> exists;
  // A read of another service while the process is down (none for the
  // gateway, the door to all of them). With the directory down, the
  // gateway keeps a key it resolved recently (--auth_stale_grace_s).
  std::function<grpc::Status(const GatewayClient&)> bystander;
};

template <typename Request, typename Response, typename Stub, typename Method>
bool Found(const Stub& stub, Method method, const GatewayClient& client, const std::string& name) {
  Request r;
  r.set_name(name);
  Response response;
  auto c = client.Context();
  grpc::Status s = ((*stub).*method)(c.get(), r, &response);
  EXPECT_TRUE(s.ok() || s.error_code() == grpc::StatusCode::NOT_FOUND) << name << ": " << s.error_message();
  return s.ok();
}

std::vector<KillRound> KillRounds() {
  auto read_tasks = [](const GatewayClient& c) { return ReadTask(c, absl::Seconds(3)); };
  auto task_exists = [](const GatewayClient& c, const std::string& name) {
    return Found<tpb::GetTaskRequest, tpb::Task>(c.tasks, &tpb::TaskService::Stub::GetTask, c, name);
  };
  auto create_task = [](const GatewayClient& c, const std::string& id, std::string* name) {
    return CreateTask(c, id, name);
  };
  std::vector<KillRound> rounds;
  rounds.push_back({"directory",
                    [](const GatewayClient& c, const std::string& id, std::string* name) {
                      dpb::CreateAccountRequest r;
                      r.set_account_id(absl::AsciiStrToLower(id));
                      r.set_request_id(id);
                      r.mutable_account()->set_display_name("Nhân viên thử");
                      r.mutable_account()->set_role(common::v1::ROLE_SCHOOL_STAFF);
                      r.mutable_account()->set_school("schools/f-a");
                      dpb::Account account;
                      auto ctx = c.Context();
                      grpc::Status s = c.directory->CreateAccount(ctx.get(), r, &account);
                      *name = account.name();
                      return s;
                    },
                    [](const GatewayClient& c, const std::string& name) {
                      return Found<dpb::GetAccountRequest, dpb::Account>(
                          c.directory, &dpb::DirectoryService::Stub::GetAccount, c, name);
                    },
                    read_tasks});
  rounds.push_back({"tasks", create_task, task_exists,
                    [](const GatewayClient& c) { return ReadStaffing(c, absl::Seconds(3)); }});
  rounds.push_back({"staffing",
                    [](const GatewayClient& c, const std::string& id, std::string* name) {
                      spb::CreateStaffRequest r;
                      r.set_parent("schools/f-a");
                      r.set_staff_id(absl::AsciiStrToLower(id));
                      r.set_request_id(id);
                      r.mutable_staff()->set_staff_code(id);
                      r.mutable_staff()->set_display_name("Nguyễn Văn Thử");
                      r.mutable_staff()->set_employment_type(spb::EMPLOYMENT_TYPE_CONTRACT);
                      *r.mutable_staff()->mutable_start_date() = ProtoDate(2024, 8, 15);
                      spb::Staff staff;
                      auto ctx = c.Context();
                      grpc::Status s = c.staffing->CreateStaff(ctx.get(), r, &staff);
                      *name = staff.name();
                      return s;
                    },
                    [](const GatewayClient& c, const std::string& name) {
                      return Found<spb::GetStaffRequest, spb::Staff>(
                          c.staffing, &spb::StaffingService::Stub::GetStaff, c, name);
                    },
                    read_tasks});
  rounds.push_back({"finance",
                    [](const GatewayClient& c, const std::string& id, std::string* name) {
                      fpb::CreatePupilRequest r;
                      r.set_parent("schools/f-a");
                      r.set_pupil_id(absl::AsciiStrToLower(id));
                      r.set_request_id(id);
                      r.mutable_pupil()->set_pupil_code(id);
                      r.mutable_pupil()->set_display_name("Học sinh thử");
                      r.mutable_pupil()->set_class_name("Lá 1");
                      fpb::Pupil pupil;
                      auto ctx = c.Context();
                      grpc::Status s = c.finance->CreatePupil(ctx.get(), r, &pupil);
                      *name = pupil.name();
                      return s;
                    },
                    [](const GatewayClient& c, const std::string& name) {
                      return Found<fpb::GetPupilRequest, fpb::Pupil>(
                          c.finance, &fpb::FinanceService::Stub::GetPupil, c, name);
                    },
                    read_tasks});
  rounds.push_back({"complaints",
                    [](const GatewayClient& c, const std::string& id, std::string* name) {
                      cpb::CreateCaseRequest r;
                      r.set_parent("schools/f-a");
                      r.set_request_id(id);
                      r.mutable_case_()->set_case_type(cpb::CASE_TYPE_FEEDBACK);
                      r.mutable_case_()->set_channel(cpb::CHANNEL_MAIL);
                      r.mutable_case_()->set_subject(absl::StrCat("Góp ý ", id));
                      r.mutable_case_()->set_content("Nội dung góp ý thử.");
                      r.mutable_case_()->mutable_submitter()->set_full_name("Trần Thị Thử");
                      r.mutable_case_()->mutable_submitter()->set_address("12 Lê Lợi, phường Bến Thành");
                      *r.mutable_case_()->mutable_received_date() = DateOf(Today());
                      cpb::Case filed;
                      auto ctx = c.Context();
                      grpc::Status s = c.complaints->CreateCase(ctx.get(), r, &filed);
                      *name = filed.name();
                      return s;
                    },
                    [](const GatewayClient& c, const std::string& name) {
                      return Found<cpb::GetCaseRequest, cpb::Case>(
                          c.complaints, &cpb::ComplaintService::Stub::GetCase, c, name);
                    },
                    read_tasks});
  rounds.push_back({"reporting",
                    [](const GatewayClient& c, const std::string& id, std::string* name) {
                      rpb::CreateSipasSurveyRequest r;
                      r.set_parent("schools/f-a");
                      r.set_sipas_survey_id(absl::AsciiStrToLower(id));
                      r.set_request_id(id);
                      r.mutable_sipas_survey()->set_title("Khảo sát thử");
                      r.mutable_sipas_survey()->set_audience(rpb::SURVEY_AUDIENCE_PARENTS);
                      *r.mutable_sipas_survey()->mutable_open_date() = DateOf(Today());
                      *r.mutable_sipas_survey()->mutable_close_date() = DateOf(Today() + 30);
                      rpb::SipasSurvey survey;
                      auto ctx = c.Context();
                      grpc::Status s = c.reporting->CreateSipasSurvey(ctx.get(), r, &survey);
                      *name = survey.name();
                      return s;
                    },
                    [](const GatewayClient& c, const std::string& name) {
                      return Found<rpb::GetSipasSurveyRequest, rpb::SipasSurvey>(
                          c.reporting, &rpb::ReportingService::Stub::GetSipasSurvey, c, name);
                    },
                    read_tasks});
  rounds.push_back({"gateway", create_task, task_exists, nullptr});
  return rounds;
}

// kill -9 of each process in turn while three writers keep sending writes
// it serves, each retried with its request_id until answered; the process
// is started again after a second down.
TEST_F(FaultE2eTest, KillNineOfEachProcessInTurnLosesNothingAndDoublesNothing) {
  for (const KillRound& round : KillRounds()) {
    SCOPED_TRACE(round.process);
    std::atomic<bool> stop{false};
    std::mutex mu;
    std::map<std::string, std::string> acknowledged;  // request_id → name
    std::vector<std::string> refused;
    int bystander_ok = 0, bystander_failed = 0;
    std::vector<std::thread> writers;
    for (int w = 0; w < 3; ++w) {
      writers.emplace_back([&, w] {
        GatewayClient client(suite->gateway_address(), world->admin_key);
        for (int n = 0; !stop.load(); ++n) {
          const std::string request_id = absl::StrCat("K-", round.process, "-", w, "-", n);
          std::string name;
          grpc::Status s =
              UntilAnswered([&] { return round.write(client, request_id, &name); }, absl::Seconds(60));
          std::lock_guard<std::mutex> lock(mu);
          if (!s.ok()) {
            refused.push_back(absl::StrCat(request_id, ": ", s.error_code(), " ", s.error_message()));
            return;
          }
          acknowledged[request_id] = name;
        }
      });
    }
    absl::SleepFor(absl::Milliseconds(700));
    Process& process = suite->process(round.process);
    process.Kill();
    const absl::Time killed = absl::Now();
    if (round.bystander) {
      GatewayClient client(suite->gateway_address(), world->admin_key);
      while (absl::Now() - killed < absl::Seconds(1)) {
        grpc::Status s = round.bystander(client);
        (s.ok() ? bystander_ok : bystander_failed) += 1;
        absl::SleepFor(absl::Milliseconds(50));
      }
    } else {
      absl::SleepFor(absl::Seconds(1));
    }
    process.Start();
    ASSERT_TRUE(suite->WaitHealthy(suite->port(round.process), 30)) << suite->Logs();
    const absl::Time back = absl::Now();
    size_t at_restart;
    {
      std::lock_guard<std::mutex> lock(mu);
      at_restart = acknowledged.size();
    }
    // Serving again: writes acknowledged after the restart.
    while (absl::Now() - back < absl::Seconds(30)) {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (acknowledged.size() >= at_restart + 6) break;
      }
      absl::SleepFor(absl::Milliseconds(50));
    }
    const absl::Duration recovered = absl::Now() - back;
    stop = true;
    for (auto& t : writers) t.join();
    EXPECT_TRUE(refused.empty()) << refused.size() << " writes refused, first: " << refused.front();
    EXPECT_GE(acknowledged.size(), at_restart + 6) << "too few writes after the restart" << suite->Logs();
    if (round.bystander) {
      EXPECT_GT(bystander_ok, 0);
      EXPECT_EQ(bystander_failed, 0) << "another service failed while " << round.process << " was down";
    }
    // Every acknowledged write exists once: names are unique per request
    // (server-chosen names for tasks and cases: the listed codes count them).
    GatewayClient client(suite->gateway_address(), world->admin_key);
    std::set<std::string> names;
    for (const auto& [request_id, name] : acknowledged) {
      EXPECT_TRUE(names.insert(name).second) << name << " answered to two requests";
      EXPECT_TRUE(round.exists(client, name)) << request_id << " acknowledged as " << name << " is missing";
    }
    if (round.process == "tasks" || round.process == "gateway") {
      const std::map<std::string, int> codes = TaskCodes(client);
      for (const auto& [request_id, name] : acknowledged) {
        EXPECT_EQ(codes.contains(request_id) ? codes.at(request_id) : 0, 1) << request_id;
      }
    }
    if (round.process == "complaints") {
      std::map<std::string, int> subjects;
      cpb::ListCasesRequest list;
      list.set_parent("schools/f-a");
      list.set_page_size(200);
      do {
        cpb::ListCasesResponse page;
        auto c = client.Context();
        ASSERT_TRUE(client.complaints->ListCases(c.get(), list, &page).ok());
        for (const auto& filed : page.cases()) ++subjects[filed.subject()];
        list.set_page_token(page.next_page_token());
      } while (!list.page_token().empty());
      for (const auto& [request_id, name] : acknowledged) {
        EXPECT_EQ(subjects[absl::StrCat("Góp ý ", request_id)], 1) << request_id;
      }
    }
    std::cout << "kill -9 " << round.process << ": " << acknowledged.size() << " writes acknowledged, "
              << at_restart << " by the restart; serving again "
              << absl::FormatDuration(recovered + (back - killed)) << " after the kill (1 s down); "
              << bystander_ok << " reads of another service OK meanwhile\n";
  }
}

}  // namespace
}  // namespace parhub::e2e

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new parhub::e2e::SuiteEnvironment(
      &parhub::e2e::suite,
      parhub::e2e::SuiteOptions{.proxied_databases = {"tasks"}, .proxied_backends = {"tasks"}}));
  return RUN_ALL_TESTS();
}
