// tasks_rpc_fuzz's seeded store, callers and snapshots (tasks_fuzz_fixture.h).
#include "fuzz/tasks_fuzz_fixture.h"

#include <optional>
#include <vector>

#include "absl/time/civil_time.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/service_fuzz.h"
#include "services/tasks/domain/directive_desk.h"
#include "services/tasks/domain/plan_book.h"
#include "services/tasks/rpc/convert.h"

namespace parhub::tasks::fuzzing {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::Role;

constexpr int kAll = 1 << 20;

absl::Time Now() { return absl::FromCivil(absl::CivilSecond(2026, 6, 15, 3, 0, 0), absl::UTCTimeZone()); }

void SeedSchool(testing::InMemoryTaskStore& store, const std::string& school) {
  PlanBook book(store, FixedClock());
  NewPlan plan;
  plan.plan_id = "kh-2026";
  plan.number = "1/KH";
  plan.year = 2026;
  plan.title = "Kế hoạch cải cách hành chính";
  plan.issue_date = Date{2026, 1, 5};
  plan.issuer = "Trường " + school;
  plan.status = PlanStatus::kActive;
  FUZZ_CHECK(book.CreatePlan(school, plan).ok());
  Task task;
  task.school_id = school;
  task.plan_id = "kh-2026";
  task.task_id = "t1";
  task.code = "1.1";
  task.title = "Niêm yết thủ tục";
  task.due_date = Date{2026, 9, 30};
  task.status = TaskStatus::kInProgress;
  task.percent_done = 40;
  task.progress_count = 1;
  task.create_time = Now();
  task.update_time = Now();
  FUZZ_CHECK(store.InsertTask(task).ok());
  ProgressUpdate update;
  update.school_id = school;
  update.plan_id = "kh-2026";
  update.task_id = "t1";
  update.number = 1;
  update.author = "accounts/staff-" + school;
  update.percent_done = 40;
  update.note = "Đã niêm yết";
  update.evidence = {Evidence{"12/TB", "Thông báo", "https://example.edu.vn/tb12", ""}};
  update.create_time = Now();
  update.done_on = Date{2026, 6, 1};
  FUZZ_CHECK(store.InsertProgressUpdate(update).ok());
}

void SeedDirective(testing::InMemoryTaskStore& store, const std::string& authority,
                   const std::string& school) {
  DirectiveDesk desk(store, FixedClock());
  NewDirective directive;
  directive.directive_id = "cv-1";
  directive.number = "1/UBND";
  directive.title = "Chỉ đạo về cải cách hành chính";
  directive.due_date = Date{2026, 8, 31};
  directive.school_ids = {school};
  FUZZ_CHECK(desk.Publish(authority, directive).ok());
}

void AddSchool(TaskStore& store, const std::string& school, std::string& out) {
  auto plans = store.ListPlans(school, 0, true, std::nullopt, kAll);
  FUZZ_CHECK(plans.ok());
  for (const Plan& plan : *plans) {
    out += PlanToProto(plan).SerializeAsString();
    auto tasks = store.ListTasks(school, plan.plan_id, TaskQuery{}, std::nullopt, kAll);
    FUZZ_CHECK(tasks.ok());
    for (const Task& task : *tasks) out += TaskToProto(task, Date{2026, 6, 15}).SerializeAsString();
  }
  auto updates = store.ListProgressUpdates(school, ProgressQuery{}, std::nullopt, kAll);
  FUZZ_CHECK(updates.ok());
  for (const ProgressUpdate& u : *updates) out += ProgressUpdateToProto(u).SerializeAsString();
}

void AddAuthority(TaskStore& store, const std::string& authority, std::string& out) {
  auto directives = store.ListDirectives(authority, std::nullopt, kAll);
  FUZZ_CHECK(directives.ok());
  for (const Directive& d : *directives) {
    out += DirectiveToProto(d).SerializeAsString();
    auto tasks = store.ListDirectiveTasks(authority, d.directive_id);
    FUZZ_CHECK(tasks.ok());
    for (const Task& task : *tasks) out += TaskToProto(task, Date{2026, 6, 15}).SerializeAsString();
  }
}

int CountRows(TaskStore& store, const std::string& school, bool tasks) {
  auto plans = store.ListPlans(school, 0, true, std::nullopt, kAll);
  FUZZ_CHECK(plans.ok());
  if (!tasks) return static_cast<int>(plans->size());
  int n = 0;
  for (const Plan& plan : *plans) n += plan.task_count;
  return n;
}

}  // namespace

Caller CallerFor(uint8_t selector) {
  switch (selector % 4) {
    case 0:
      return Caller{"accounts/admin-a", Role::kSchoolAdmin, "a", "", "fuzz"};
    case 1:
      return Caller{"accounts/staff-a", Role::kSchoolStaff, "a", "", "fuzz"};
    case 2:
      return Caller{"accounts/officer-q1", Role::kAuthorityOfficer, "a", "q1", "fuzz"};
    default:
      return Caller{"services/reporting", Role::kService, "a", "", "fuzz"};
  }
}

Clock FixedClock() {
  return [] { return Now(); };
}

testing::InMemoryTaskStore SeededStore() {
  static const auto* seeded = [] {
    auto* store = new testing::InMemoryTaskStore();
    SeedSchool(*store, "a");
    SeedSchool(*store, "b");
    SeedDirective(*store, "q1", "a");
    SeedDirective(*store, "q2", "b");
    return store;
  }();
  return *seeded;
}

std::string Snapshot(TaskStore& store) {
  std::string out;
  AddSchool(store, "a", out);
  out += "|";
  AddAuthority(store, "q1", out);
  out += "|";
  return out + OthersSnapshot(store);
}

std::string OthersSnapshot(TaskStore& store) {
  std::string out;
  AddSchool(store, "b", out);
  out += "|";
  AddAuthority(store, "q2", out);
  return out;
}

bool OnlyKnownSchools(testing::InMemoryTaskStore& store) {
  return store.plan_count() == CountRows(store, "a", false) + CountRows(store, "b", false) &&
         store.task_count() == CountRows(store, "a", true) + CountRows(store, "b", true);
}

bool NamesCallersTenant(const google::protobuf::Message& response, const Caller& caller) {
  return fuzz::NamesOnly(
      response, {"schools/a", "authorities/q1", "accounts/staff-a", caller.subject},
      {"name", "school", "task", "directive", "author", "supersedes", "superseded_by", "parent"});
}

}  // namespace parhub::tasks::fuzzing
