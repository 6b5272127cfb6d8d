// Thin handlers: caller → name → access → domain → proto.
#include "services/tasks/rpc/task_service.h"

#include "absl/strings/str_cat.h"
#include "platform/resource_name.h"
#include "platform/rpc_support.h"
#include "platform/status_macros.h"
#include "services/tasks/domain/access.h"
#include "services/tasks/domain/plan_templates.h"
#include "services/tasks/rpc/convert.h"

namespace parhub::tasks {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::ParseName;
using ::parhub::platform::RunIdempotent;
using ::parhub::platform::ToGrpcStatus;

constexpr char kSchoolPattern[] = "schools/{school}";
constexpr char kPlanPattern[] = "schools/{school}/plans/{plan}";
constexpr char kTaskPattern[] = "schools/{school}/plans/{plan}/tasks/{task}";
constexpr char kAuthorityPattern[] = "authorities/{authority}";
constexpr char kDirectivePattern[] = "authorities/{authority}/directives/{directive}";

// Runs a read handler's body and maps its status to the wire.
grpc::Status Respond(const std::function<absl::Status()>& body) { return ToGrpcStatus(body()); }

// Idempotency keys of directives live apart from any school's.
std::string AuthorityScope(absl::string_view authority_id) {
  return absl::StrCat("authorities/", authority_id);
}

}  // namespace

TaskServiceImpl::TaskServiceImpl(platform::Db& db, platform::IdentityKey key, Clock clock)
    : key_(std::move(key)),
      store_(db),
      ledger_(db),
      book_(store_, clock),
      desk_(store_, clock),
      summarizer_(store_, clock) {}

// ---- plans ----

grpc::Status TaskServiceImpl::CreatePlan(grpc::ServerContext* context,
                                         const v1::CreatePlanRequest* request,
                                         v1::Plan* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName(kSchoolPattern, request->parent(), "parent"));
  const std::string school = (*ids)[0];
  absl::Status allowed = RequireSchoolWrite(scope.caller(), school, "trường");
  if (!allowed.ok()) return ToGrpcStatus(allowed);
  return RunIdempotent<v1::Plan>(
      ledger_, scope.caller(), school, *request, PlanName(school, request->plan_id()),
      [&]() -> absl::StatusOr<v1::Plan> {
        ASSIGN_OR_RETURN(NewPlan input, NewPlanFromProto(request->plan_id(), request->plan()));
        ASSIGN_OR_RETURN(Plan plan, book_.CreatePlan(school, input));
        return PlanToProto(plan);
      },
      response);
}

grpc::Status TaskServiceImpl::GetPlan(grpc::ServerContext* context,
                                      const v1::GetPlanRequest* request, v1::Plan* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, request->name(), "name"));
    RETURN_IF_ERROR(RequireSchoolRead(scope.caller(), ids[0], "kế hoạch"));
    ASSIGN_OR_RETURN(Plan plan, book_.GetPlan(ids[0], ids[1]));
    *response = PlanToProto(plan);
    return absl::OkStatus();
  });
}

grpc::Status TaskServiceImpl::ListPlans(grpc::ServerContext* context,
                                        const v1::ListPlansRequest* request,
                                        v1::ListPlansResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireSchoolRead(scope.caller(), ids[0], "trường"));
    ASSIGN_OR_RETURN(Page<Plan> page, book_.ListPlans(ids[0], request->year(),
                                                      request->page_size(), request->page_token()));
    for (const Plan& plan : page.items) *response->add_plans() = PlanToProto(plan);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::Status TaskServiceImpl::UpdatePlan(grpc::ServerContext* context,
                                         const v1::UpdatePlanRequest* request,
                                         v1::Plan* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName(kPlanPattern, request->plan().name(), "plan.name"));
  const std::string school = (*ids)[0], plan_id = (*ids)[1];
  absl::Status allowed = RequireSchoolWrite(scope.caller(), school, "kế hoạch");
  if (!allowed.ok()) return ToGrpcStatus(allowed);
  return RunIdempotent<v1::Plan>(
      ledger_, scope.caller(), school, *request, request->plan().name(),
      [&]() -> absl::StatusOr<v1::Plan> {
        ASSIGN_OR_RETURN(PlanPatch patch,
                         PlanPatchFromProto(request->plan(), request->update_mask()));
        ASSIGN_OR_RETURN(Plan plan, book_.UpdatePlan(school, plan_id, patch));
        return PlanToProto(plan);
      },
      response);
}

grpc::Status TaskServiceImpl::InstantiatePlanTemplate(
    grpc::ServerContext* context, const v1::InstantiatePlanTemplateRequest* request,
    v1::Plan* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName(kSchoolPattern, request->parent(), "parent"));
  const std::string school = (*ids)[0];
  absl::Status allowed = RequireSchoolWrite(scope.caller(), school, "trường");
  if (!allowed.ok()) return ToGrpcStatus(allowed);
  return RunIdempotent<v1::Plan>(
      ledger_, scope.caller(), school, *request, PlanName(school, request->plan_id()),
      [&]() -> absl::StatusOr<v1::Plan> {
        ASSIGN_OR_RETURN(auto tmpl,
                         ParseName("planTemplates/{template}", request->template_(), "template"));
        TemplateInstance instance;
        instance.template_id = tmpl[0];
        instance.plan_id = request->plan_id();
        instance.year = request->year();
        instance.number = request->number();
        ASSIGN_OR_RETURN(instance.issue_date,
                         platform::DateFromProto(request->issue_date(), "issue_date"));
        instance.issuer = request->issuer();
        ASSIGN_OR_RETURN(Plan plan, book_.InstantiateTemplate(school, instance));
        return PlanToProto(plan);
      },
      response);
}

grpc::Status TaskServiceImpl::ListPlanTemplates(grpc::ServerContext* context,
                                                const v1::ListPlanTemplatesRequest*,
                                                v1::ListPlanTemplatesResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  for (const PlanTemplate& t : PlanTemplates::All()) {
    v1::PlanTemplate* out = response->add_templates();
    out->set_name(absl::StrCat("planTemplates/", t.id));
    out->set_title(t.title);
    out->set_task_count(static_cast<int>(t.tasks.size()));
  }
  return grpc::Status::OK;
}

// ---- tasks ----

grpc::Status TaskServiceImpl::CreateTask(grpc::ServerContext* context,
                                         const v1::CreateTaskRequest* request,
                                         v1::Task* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName(kPlanPattern, request->parent(), "parent"));
  const std::string school = (*ids)[0], plan_id = (*ids)[1];
  absl::Status allowed = RequireSchoolWrite(scope.caller(), school, "kế hoạch");
  if (!allowed.ok()) return ToGrpcStatus(allowed);
  return RunIdempotent<v1::Task>(
      ledger_, scope.caller(), school, *request, request->parent(),
      [&]() -> absl::StatusOr<v1::Task> {
        ASSIGN_OR_RETURN(NewTask input, NewTaskFromProto(request->task()));
        ASSIGN_OR_RETURN(Task task, book_.CreateTask(school, plan_id, input));
        return TaskToProto(task, book_.Today());
      },
      response);
}

grpc::Status TaskServiceImpl::GetTask(grpc::ServerContext* context,
                                      const v1::GetTaskRequest* request, v1::Task* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, request->name(), "name"));
    RETURN_IF_ERROR(RequireSchoolRead(scope.caller(), ids[0], "nhiệm vụ"));
    ASSIGN_OR_RETURN(Task task, book_.GetTask(ids[0], ids[1], ids[2]));
    *response = TaskToProto(task, book_.Today());
    return absl::OkStatus();
  });
}

grpc::Status TaskServiceImpl::ListTasks(grpc::ServerContext* context,
                                        const v1::ListTasksRequest* request,
                                        v1::ListTasksResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireSchoolRead(scope.caller(), ids[0], "kế hoạch"));
    ASSIGN_OR_RETURN(TaskQuery query, TaskQueryFromProto(*request));
    ASSIGN_OR_RETURN(Page<Task> page, book_.ListTasks(ids[0], ids[1], query, request->page_size(),
                                                      request->page_token()));
    Date today = book_.Today();
    for (const Task& task : page.items) *response->add_tasks() = TaskToProto(task, today);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::Status TaskServiceImpl::UpdateTask(grpc::ServerContext* context,
                                         const v1::UpdateTaskRequest* request,
                                         v1::Task* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName(kTaskPattern, request->task().name(), "task.name"));
  const std::string school = (*ids)[0], plan_id = (*ids)[1], task_id = (*ids)[2];
  absl::Status allowed = RequireSchoolWrite(scope.caller(), school, "nhiệm vụ");
  if (!allowed.ok()) return ToGrpcStatus(allowed);
  return RunIdempotent<v1::Task>(
      ledger_, scope.caller(), school, *request, request->task().name(),
      [&]() -> absl::StatusOr<v1::Task> {
        ASSIGN_OR_RETURN(TaskPatch patch,
                         TaskPatchFromProto(request->task(), request->update_mask()));
        ASSIGN_OR_RETURN(Task task, book_.UpdateTask(school, plan_id, task_id, patch));
        return TaskToProto(task, book_.Today());
      },
      response);
}

// ---- progress ----

grpc::Status TaskServiceImpl::AddProgressUpdate(grpc::ServerContext* context,
                                                const v1::AddProgressUpdateRequest* request,
                                                v1::ProgressUpdate* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName(kTaskPattern, request->parent(), "parent"));
  const std::string school = (*ids)[0], plan_id = (*ids)[1], task_id = (*ids)[2];
  absl::Status allowed = RequireProgressWrite(scope.caller(), school);
  if (!allowed.ok()) return ToGrpcStatus(allowed);
  return RunIdempotent<v1::ProgressUpdate>(
      ledger_, scope.caller(), school, *request, request->parent(),
      [&]() -> absl::StatusOr<v1::ProgressUpdate> {
        ASSIGN_OR_RETURN(NewProgress input, NewProgressFromProto(request->progress_update()));
        ASSIGN_OR_RETURN(ProgressUpdate update,
                         book_.AddProgressUpdate(school, plan_id, task_id, scope.caller().subject,
                                                 input));
        return ProgressUpdateToProto(update);
      },
      response);
}

grpc::Status TaskServiceImpl::ListProgressUpdates(grpc::ServerContext* context,
                                                  const v1::ListProgressUpdatesRequest* request,
                                                  v1::ListProgressUpdatesResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireSchoolRead(scope.caller(), ids[0], "nhiệm vụ"));
    ASSIGN_OR_RETURN(Page<ProgressUpdate> page,
                     book_.ListProgressUpdates(ids[0], ids[1], ids[2], request->page_size(),
                                               request->page_token()));
    for (const ProgressUpdate& u : page.items) {
      *response->add_progress_updates() = ProgressUpdateToProto(u);
    }
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

// ---- directives ----

grpc::Status TaskServiceImpl::PublishDirective(grpc::ServerContext* context,
                                               const v1::PublishDirectiveRequest* request,
                                               v1::Directive* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  RPC_CHECK_OK(ids, ParseName(kAuthorityPattern, request->parent(), "parent"));
  const std::string authority = (*ids)[0];
  absl::Status allowed = RequireDirectivePublish(scope.caller(), authority);
  if (!allowed.ok()) return ToGrpcStatus(allowed);
  // A retry must replay even if the gateway's list of schools changed in
  // between (a school added or moved): the client's body is what counts.
  v1::PublishDirectiveRequest client_body = *request;
  client_body.clear_school_ids();
  return RunIdempotent<v1::Directive>(
      ledger_, scope.caller(), AuthorityScope(authority), client_body,
      DirectiveName(authority, request->directive_id()),
      [&]() -> absl::StatusOr<v1::Directive> {
        ASSIGN_OR_RETURN(NewDirective input, NewDirectiveFromProto(*request));
        ASSIGN_OR_RETURN(Directive directive, desk_.Publish(authority, input));
        return DirectiveToProto(directive);
      },
      response);
}

grpc::Status TaskServiceImpl::GetDirective(grpc::ServerContext* context,
                                           const v1::GetDirectiveRequest* request,
                                           v1::Directive* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kDirectivePattern, request->name(), "name"));
    RETURN_IF_ERROR(RequireDirectiveRead(scope.caller(), ids[0]));
    ASSIGN_OR_RETURN(Directive directive, desk_.Get(ids[0], ids[1]));
    *response = DirectiveToProto(directive);
    return absl::OkStatus();
  });
}

grpc::Status TaskServiceImpl::ListDirectives(grpc::ServerContext* context,
                                             const v1::ListDirectivesRequest* request,
                                             v1::ListDirectivesResponse* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireDirectiveRead(scope.caller(), ids[0]));
    ASSIGN_OR_RETURN(Page<Directive> page,
                     desk_.List(ids[0], request->page_size(), request->page_token()));
    for (const Directive& d : page.items) *response->add_directives() = DirectiveToProto(d);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::Status TaskServiceImpl::GetDirectiveProgress(grpc::ServerContext* context,
                                                   const v1::GetDirectiveProgressRequest* request,
                                                   v1::DirectiveProgress* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kDirectivePattern, request->name(), "name"));
    RETURN_IF_ERROR(RequireDirectiveRead(scope.caller(), ids[0]));
    ASSIGN_OR_RETURN(DirectiveProgress progress, desk_.Progress(ids[0], ids[1]));
    *response = DirectiveProgressToProto(progress);
    return absl::OkStatus();
  });
}

// ---- summaries ----

grpc::Status TaskServiceImpl::SummarizeTasks(grpc::ServerContext* context,
                                             const v1::SummarizeTasksRequest* request,
                                             v1::TaskSummary* response) {
  RPC_VERIFY_CALLER(scope, context, key_);
  return Respond([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->school(), "school"));
    RETURN_IF_ERROR(RequireSchoolRead(scope.caller(), ids[0], "trường"));
    ASSIGN_OR_RETURN(Date start, platform::DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(Date end, platform::DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(TaskSummary summary, summarizer_.Summarize(ids[0], start, end));
    *response = SummaryToProto(summary);
    return absl::OkStatus();
  });
}

}  // namespace parhub::tasks
