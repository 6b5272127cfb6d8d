// The tasks service's requests (parhub.tasks.v1, every RPC but the
// evidence files') run as its RPC adapter runs them: name parsing, access
// checks, proto → domain conversion, PlanBook / DirectiveDesk /
// TaskSummarizer over the in-memory store, domain → proto. The caller is
// fixed by the selector byte: school a's admin, a's staff, an officer of
// authority q1 scoped to a, or the service role scoped to a. School b and
// authority q2 hold data the caller must never reach. Properties, for
// each request of a sequence:
//   - a refusal is a clear one (service_fuzz.h), never INTERNAL or UNKNOWN;
//   - a refused request changes nothing in the store, and a replay of it
//     (the ledger keeps no failure) is refused again with the same status;
//   - a read answered twice answers the same;
//   - school b's plans, tasks and updates and authority q2's directives
//     never change, no school but a and b ever holds a row, and a response
//     names no tenant but the caller's (the service role's batch summary
//     excepted: it reads the schools the gateway resolved).
// PublishDirective gets school_ids ["a"], as the gateway fills them.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "fuzz/service_fuzz.h"
#include "fuzz/tasks_fuzz_fixture.h"
#include "platform/core/resource_name.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/tasks/domain/access.h"
#include "services/tasks/rpc/convert.h"

namespace parhub::tasks {
namespace {

using ::parhub::platform::ParseName;

constexpr char kSchoolPattern[] = "schools/{school}";
constexpr char kPlanPattern[] = "schools/{school}/plans/{plan}";
constexpr char kTaskPattern[] = "schools/{school}/plans/{plan}/tasks/{task}";
constexpr char kAuthorityPattern[] = "authorities/{authority}";
constexpr char kDirectivePattern[] = "authorities/{authority}/directives/{directive}";

// What one request gave: the serialized response, or the refusal.
struct Outcome {
  absl::Status status;
  std::string response;
  bool mutation = false;
  bool batch = false;
};

template <typename Request>
bool Parse(std::string_view bytes, Request& request) {
  return request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
}

absl::StatusOr<std::vector<std::string>> ParseProgressParent(const std::string& parent) {
  if (auto ids = ParseName("schools/{school}/plans/-/tasks/-", parent, "parent"); ids.ok()) {
    return std::vector<std::string>{(*ids)[0], kAnyId, kAnyId};
  }
  if (auto ids = ParseName("schools/{school}/plans/{plan}/tasks/-", parent, "parent"); ids.ok()) {
    return std::vector<std::string>{(*ids)[0], (*ids)[1], kAnyId};
  }
  return ParseName(kTaskPattern, parent, "parent");
}

using Response = std::shared_ptr<google::protobuf::Message>;

template <typename Message>
Response Out(Message message) {
  return std::make_shared<Message>(std::move(message));
}

// Bytes that are no request: the gRPC layer refuses them before any handler.
absl::Status Unparsed() { return absl::InvalidArgumentError("the request does not parse"); }

class Service {
 public:
  Service(TaskStore& store, const Clock& clock)
      : book_(store, clock), desk_(store, clock), sums_(store, clock) {}

  absl::StatusOr<Response> Run(int op, std::string_view bytes, const Caller& caller, bool& mutation,
                               bool& batch);

 private:
  PlanBook book_;
  DirectiveDesk desk_;
  TaskSummarizer sums_;
};

absl::StatusOr<Response> Service::Run(int op, std::string_view bytes, const Caller& caller, bool& mutation,
                                      bool& batch) {
  mutation = op == 0 || op == 3 || op == 4 || op == 5 || op == 8 || op == 9 || op == 11;
  batch = op == 16;
  switch (op) {
    case 0: {  // CreatePlan
      v1::CreatePlanRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], "trường"));
      ASSIGN_OR_RETURN(NewPlan input, NewPlanFromProto(r.plan_id(), r.plan()));
      ASSIGN_OR_RETURN(Plan plan, book_.CreatePlan(ids[0], input));
      return Out(PlanToProto(plan));
    }
    case 1: {  // GetPlan
      v1::GetPlanRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, r.name(), "name"));
      RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "kế hoạch"));
      ASSIGN_OR_RETURN(Plan plan, book_.GetPlan(ids[0], ids[1]));
      return Out(PlanToProto(plan));
    }
    case 2: {  // ListPlans
      v1::ListPlansRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "trường"));
      ASSIGN_OR_RETURN(Page<Plan> page,
                       book_.ListPlans(ids[0], r.year(), r.page_size(), r.page_token(), r.show_archived()));
      v1::ListPlansResponse out;
      for (const Plan& plan : page.items) *out.add_plans() = PlanToProto(plan);
      out.set_next_page_token(page.next_page_token);
      return Out(out);
    }
    case 3: {  // UpdatePlan
      v1::UpdatePlanRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, r.plan().name(), "plan.name"));
      RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], "kế hoạch"));
      ASSIGN_OR_RETURN(PlanPatch patch, PlanPatchFromProto(r.plan(), r.update_mask()));
      ASSIGN_OR_RETURN(Plan plan, book_.UpdatePlan(ids[0], ids[1], patch));
      return Out(PlanToProto(plan));
    }
    case 4: {  // InstantiatePlanTemplate
      v1::InstantiatePlanTemplateRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], "trường"));
      ASSIGN_OR_RETURN(auto tmpl, ParseName("planTemplates/{template}", r.template_(), "template"));
      TemplateInstance instance;
      instance.template_id = tmpl[0];
      instance.plan_id = r.plan_id();
      instance.year = r.year();
      instance.number = r.number();
      ASSIGN_OR_RETURN(instance.issue_date, platform::DateFromProto(r.issue_date(), "issue_date"));
      instance.issuer = r.issuer();
      ASSIGN_OR_RETURN(Plan plan, book_.InstantiateTemplate(ids[0], instance));
      return Out(PlanToProto(plan));
    }
    case 5: {  // CreateTask
      v1::CreateTaskRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], "kế hoạch"));
      ASSIGN_OR_RETURN(NewTask input, NewTaskFromProto(r.task()));
      ASSIGN_OR_RETURN(Task task, book_.CreateTask(ids[0], ids[1], input));
      return Out(TaskToProto(task, book_.Today()));
    }
    case 6: {  // GetTask
      v1::GetTaskRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, r.name(), "name"));
      RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "nhiệm vụ"));
      ASSIGN_OR_RETURN(Task task, book_.GetTask(ids[0], ids[1], ids[2]));
      return Out(TaskToProto(task, book_.Today()));
    }
    case 7: {  // ListTasks
      v1::ListTasksRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "kế hoạch"));
      ASSIGN_OR_RETURN(TaskQuery query, TaskQueryFromProto(r));
      ASSIGN_OR_RETURN(Page<Task> page,
                       book_.ListTasks(ids[0], ids[1], query, r.page_size(), r.page_token()));
      v1::ListTasksResponse out;
      for (const Task& task : page.items) *out.add_tasks() = TaskToProto(task, book_.Today());
      out.set_next_page_token(page.next_page_token);
      return Out(out);
    }
    case 8: {  // UpdateTask
      v1::UpdateTaskRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, r.task().name(), "task.name"));
      RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], "nhiệm vụ"));
      ASSIGN_OR_RETURN(TaskPatch patch, TaskPatchFromProto(r.task(), r.update_mask()));
      ASSIGN_OR_RETURN(Task task, book_.UpdateTask(ids[0], ids[1], ids[2], patch));
      return Out(TaskToProto(task, book_.Today()));
    }
    case 9: {  // AddProgressUpdate
      v1::AddProgressUpdateRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(RequireProgressWrite(caller, ids[0]));
      ASSIGN_OR_RETURN(NewProgress input, NewProgressFromProto(r.parent(), r.progress_update()));
      ASSIGN_OR_RETURN(ProgressUpdate update,
                       book_.AddProgressUpdate(ids[0], ids[1], ids[2], caller.subject, input));
      return Out(ProgressUpdateToProto(update));
    }
    case 10: {  // ListProgressUpdates
      v1::ListProgressUpdatesRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseProgressParent(r.parent()));
      RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "nhiệm vụ"));
      ASSIGN_OR_RETURN(ProgressFilter filter, ProgressFilterFromProto(r));
      ASSIGN_OR_RETURN(
          Page<ProgressUpdate> page,
          book_.ListProgressUpdates(ids[0], ids[1], ids[2], r.page_size(), r.page_token(), filter));
      v1::ListProgressUpdatesResponse out;
      for (const ProgressUpdate& u : page.items) *out.add_progress_updates() = ProgressUpdateToProto(u);
      out.set_next_page_token(page.next_page_token);
      return Out(out);
    }
    case 11: {  // PublishDirective, school_ids as the gateway sets them
      v1::PublishDirectiveRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      r.clear_school_ids();
      r.add_school_ids("a");
      ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(RequireDirectivePublish(caller, ids[0]));
      ASSIGN_OR_RETURN(NewDirective input, NewDirectiveFromProto(r));
      ASSIGN_OR_RETURN(Directive directive, desk_.Publish(ids[0], input));
      return Out(DirectiveToProto(directive));
    }
    case 12: {  // GetDirective
      v1::GetDirectiveRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kDirectivePattern, r.name(), "name"));
      RETURN_IF_ERROR(RequireDirectiveRead(caller, ids[0]));
      ASSIGN_OR_RETURN(Directive directive, desk_.Get(ids[0], ids[1]));
      return Out(DirectiveToProto(directive));
    }
    case 13: {  // ListDirectives
      v1::ListDirectivesRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, r.parent(), "parent"));
      RETURN_IF_ERROR(RequireDirectiveRead(caller, ids[0]));
      ASSIGN_OR_RETURN(Page<Directive> page, desk_.List(ids[0], r.page_size(), r.page_token()));
      v1::ListDirectivesResponse out;
      for (const Directive& d : page.items) *out.add_directives() = DirectiveToProto(d);
      out.set_next_page_token(page.next_page_token);
      return Out(out);
    }
    case 14: {  // GetDirectiveProgress
      v1::GetDirectiveProgressRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kDirectivePattern, r.name(), "name"));
      RETURN_IF_ERROR(RequireDirectiveRead(caller, ids[0]));
      ASSIGN_OR_RETURN(DirectiveProgress progress, desk_.Progress(ids[0], ids[1]));
      for (const SchoolDirectiveState& s : progress.schools) FUZZ_CHECK(s.school_id == caller.school_id);
      return Out(DirectiveProgressToProto(progress));
    }
    case 15: {  // SummarizeTasks
      v1::SummarizeTasksRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, r.school(), "school"));
      RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "trường"));
      ASSIGN_OR_RETURN(Date start, platform::DateFromProto(r.period_start(), "period_start"));
      ASSIGN_OR_RETURN(Date end, platform::DateFromProto(r.period_end(), "period_end"));
      ASSIGN_OR_RETURN(TaskSummary summary, sums_.Summarize(ids[0], start, end));
      return Out(SummaryToProto(summary));
    }
    default: {  // BatchSummarizeTasks
      v1::BatchSummarizeTasksRequest r;
      if (!Parse(bytes, r)) return Unparsed();
      RETURN_IF_ERROR(RequireRollup(caller));
      ASSIGN_OR_RETURN(std::vector<std::string> schools, platform::SchoolIdsOf(r.schools()));
      ASSIGN_OR_RETURN(Date start, platform::DateFromProto(r.period_start(), "period_start"));
      ASSIGN_OR_RETURN(Date end, platform::DateFromProto(r.period_end(), "period_end"));
      ASSIGN_OR_RETURN(std::vector<TaskSummary> summaries, sums_.SummarizeSchools(schools, start, end));
      v1::BatchSummarizeTasksResponse out;
      for (const TaskSummary& summary : summaries) *out.add_summaries() = SummaryToProto(summary);
      return Out(out);
    }
  }
}

constexpr int kOps = 17;
constexpr int kMaxRequests = 8;

v1::Plan DraftPlan() {
  v1::Plan plan;
  plan.set_number("2/KH");
  plan.set_year(2026);
  plan.set_title("Kế hoạch chuyển đổi số");
  *plan.mutable_issue_date() = platform::DateToProto(Date{2026, 2, 1});
  plan.set_issuer("Trường a");
  plan.add_directive_refs("Kế hoạch 04/KH-UBND");
  return plan;
}

// Valid requests of each RPC (and two reaching across to school b), in
// short sequences.
std::vector<std::string> Seeds() {
  using fuzz::Record;
  std::vector<std::string> seeds;
  v1::CreatePlanRequest create_plan;
  create_plan.set_parent("schools/a");
  create_plan.set_plan_id("kh-cds");
  *create_plan.mutable_plan() = DraftPlan();
  create_plan.set_request_id("r1");
  v1::CreateTaskRequest create_task;
  create_task.set_parent("schools/a/plans/kh-2026");
  create_task.mutable_task()->set_code("1.2");
  create_task.mutable_task()->set_title("Cập nhật cổng thông tin");
  *create_task.mutable_task()->mutable_due_date() = platform::DateToProto(Date{2026, 10, 31});
  create_task.set_request_id("r2");
  v1::AddProgressUpdateRequest progress;
  progress.set_parent("schools/a/plans/kh-2026/tasks/t1");
  progress.mutable_progress_update()->set_percent_done(60);
  progress.mutable_progress_update()->set_note("Hoàn thành đợt 2");
  *progress.mutable_progress_update()->mutable_done_on() = platform::DateToProto(Date{2026, 6, 10});
  progress.set_request_id("r3");
  v1::AddProgressUpdateRequest correction = progress;
  correction.mutable_progress_update()->set_percent_done(30);
  correction.mutable_progress_update()->set_supersedes("schools/a/plans/kh-2026/tasks/t1/progressUpdates/1");
  v1::UpdatePlanRequest update_plan;
  update_plan.mutable_plan()->set_name("schools/a/plans/kh-2026");
  update_plan.mutable_plan()->set_status(v1::PLAN_STATUS_CLOSED);
  update_plan.mutable_update_mask()->add_paths("status");
  update_plan.set_request_id("r4");
  v1::UpdateTaskRequest update_task;
  update_task.mutable_task()->set_name("schools/a/plans/kh-2026/tasks/t1");
  update_task.mutable_task()->set_status(v1::TASK_STATUS_DONE);
  update_task.mutable_task()->set_owner("Tổ văn phòng");
  update_task.mutable_update_mask()->add_paths("status");
  update_task.mutable_update_mask()->add_paths("owner");
  update_task.set_request_id("r5");
  v1::InstantiatePlanTemplateRequest instantiate;
  instantiate.set_parent("schools/a");
  instantiate.set_template_("planTemplates/par-improvement");
  instantiate.set_plan_id("par-2026");
  instantiate.set_year(2026);
  instantiate.set_number("3/KH");
  instantiate.set_request_id("r6");
  v1::PublishDirectiveRequest publish;
  publish.set_parent("authorities/q1");
  publish.set_directive_id("cv-2");
  publish.mutable_directive()->set_number("2/UBND");
  publish.mutable_directive()->set_title("Chỉ đạo số hoá hồ sơ");
  *publish.mutable_directive()->mutable_due_date() = platform::DateToProto(Date{2026, 11, 30});
  publish.set_request_id("r7");
  v1::GetPlanRequest get_plan;
  get_plan.set_name("schools/a/plans/kh-2026");
  v1::GetTaskRequest get_task_b;
  get_task_b.set_name("schools/b/plans/kh-2026/tasks/t1");
  v1::ListPlansRequest list_plans;
  list_plans.set_parent("schools/a");
  list_plans.set_page_size(1);
  list_plans.set_show_archived(true);
  v1::ListTasksRequest list_tasks;
  list_tasks.set_parent("schools/a/plans/kh-2026");
  list_tasks.set_overdue_only(true);
  v1::ListProgressUpdatesRequest list_progress;
  list_progress.set_parent("schools/a/plans/-/tasks/-");
  list_progress.set_exclude_superseded(true);
  v1::GetDirectiveProgressRequest directive_progress;
  directive_progress.set_name("authorities/q1/directives/cv-1");
  v1::ListDirectivesRequest list_directives_q2;
  list_directives_q2.set_parent("authorities/q2");
  v1::SummarizeTasksRequest summarize;
  summarize.set_school("schools/a");
  *summarize.mutable_period_start() = platform::DateToProto(Date{2026, 1, 1});
  *summarize.mutable_period_end() = platform::DateToProto(Date{2026, 12, 31});
  v1::BatchSummarizeTasksRequest batch;
  batch.add_schools("schools/a");
  batch.add_schools("schools/b");
  std::string admin(1, '\0'), staff(1, '\1'), officer(1, '\2'), service(1, '\3');
  seeds.push_back(admin + Record(0, create_plan) + Record(5, create_task) + Record(2, list_plans));
  seeds.push_back(admin + Record(9, progress) + Record(9, correction) + Record(10, list_progress));
  seeds.push_back(admin + Record(8, update_task) + Record(3, update_plan) + Record(7, list_tasks));
  seeds.push_back(admin + Record(4, instantiate) + Record(1, get_plan) + Record(6, get_task_b));
  seeds.push_back(staff + Record(9, progress) + Record(5, create_task) + Record(15, summarize));
  seeds.push_back(officer + Record(11, publish) + Record(14, directive_progress) +
                  Record(13, list_directives_q2));
  seeds.push_back(service + Record(16, batch) + Record(15, summarize) + Record(1, get_plan));
  return seeds;
}

}  // namespace
}  // namespace parhub::tasks

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parhub::fuzz::StartTarget(parhub::tasks::Seeds());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using parhub::tasks::Service;
  namespace tf = parhub::tasks::fuzzing;
  parhub::fuzz::RecordReader reader(data, size);
  const parhub::platform::Caller caller = tf::CallerFor(reader.Selector());
  parhub::tasks::testing::InMemoryTaskStore store = tf::SeededStore();
  Service service(store, tf::FixedClock());
  const std::string others = tf::OthersSnapshot(store);
  uint8_t op = 0;
  std::string_view payload;
  for (int n = 0; n < parhub::tasks::kMaxRequests && reader.Next(op, payload); ++n) {
    const int rpc = op % parhub::tasks::kOps;
    const std::string before = tf::Snapshot(store);
    bool mutation = false, batch = false, again_mutation = false, again_batch = false;
    auto got = service.Run(rpc, payload, caller, mutation, batch);
    parhub::fuzz::Trace(rpc, got.status());
    const std::string after = tf::Snapshot(store);
    if (!got.ok()) {
      FUZZ_CHECK(parhub::fuzz::IsClearRefusal(got.status()));
      FUZZ_CHECK(before == after);
      auto again = service.Run(rpc, payload, caller, again_mutation, again_batch);
      FUZZ_CHECK(again.status() == got.status());
      FUZZ_CHECK(tf::Snapshot(store) == before);
    } else if (!mutation) {
      FUZZ_CHECK(before == after);
      auto again = service.Run(rpc, payload, caller, again_mutation, again_batch);
      FUZZ_CHECK(again.ok() && (*again)->SerializeAsString() == (*got)->SerializeAsString());
    }
    FUZZ_CHECK(tf::OthersSnapshot(store) == others);
    FUZZ_CHECK(tf::OnlyKnownSchools(store));
    if (got.ok() && !batch) FUZZ_CHECK(tf::NamesCallersTenant(**got, caller));
  }
  return 0;
}
