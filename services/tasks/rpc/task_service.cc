// Thin handlers: name → access → domain → proto, in the skeleton's two shapes.
#include "services/tasks/rpc/task_service.h"

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/tasks/domain/access.h"
#include "services/tasks/domain/plan_templates.h"
#include "services/tasks/rpc/convert.h"

namespace parhub::tasks {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::Mutation;
using ::parhub::platform::ParseName;

constexpr char kSchoolPattern[] = "schools/{school}";
constexpr char kPlanPattern[] = "schools/{school}/plans/{plan}";
constexpr char kTaskPattern[] = "schools/{school}/plans/{plan}/tasks/{task}";
constexpr char kAuthorityPattern[] = "authorities/{authority}";
constexpr char kDirectivePattern[] = "authorities/{authority}/directives/{directive}";

// A progress listing's parent: a task, or "-" for every task of a plan
// ("…/plans/{plan}/tasks/-") or of the school ("…/plans/-/tasks/-").
// Returns {school, plan, task} with "-" kept.
absl::StatusOr<std::vector<std::string>> ParseProgressParent(const std::string& parent) {
  if (auto ids = ParseName("schools/{school}/plans/-/tasks/-", parent, "parent"); ids.ok()) {
    return std::vector<std::string>{(*ids)[0], kAnyId, kAnyId};
  }
  if (auto ids = ParseName("schools/{school}/plans/{plan}/tasks/-", parent, "parent"); ids.ok()) {
    return std::vector<std::string>{(*ids)[0], (*ids)[1], kAnyId};
  }
  return ParseName(kTaskPattern, parent, "parent");
}

// Idempotency keys of directives live apart from any school's.
std::string AuthorityScope(absl::string_view authority_id) {
  return absl::StrCat("authorities/", authority_id);
}

}  // namespace

// ---- plans ----

grpc::ServerUnaryReactor* TaskServiceImpl::CreatePlan(Context* context, const v1::CreatePlanRequest* request,
                                                      v1::Plan* response) {
  return handlers_.Mutate<v1::Plan>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Plan>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        return Mutation<v1::Plan>{
            school, PlanName(school, request->plan_id()), [=, this]() -> absl::StatusOr<v1::Plan> {
              ASSIGN_OR_RETURN(NewPlan input, NewPlanFromProto(request->plan_id(), request->plan()));
              ASSIGN_OR_RETURN(Plan plan, book_.CreatePlan(school, input));
              return PlanToProto(plan);
            }};
      });
}

grpc::ServerUnaryReactor* TaskServiceImpl::GetPlan(Context* context, const v1::GetPlanRequest* request,
                                                   v1::Plan* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, request->name(), "name"));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "kế hoạch"));
    ASSIGN_OR_RETURN(Plan plan, book_.GetPlan(ids[0], ids[1]));
    *response = PlanToProto(plan);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* TaskServiceImpl::ListPlans(Context* context, const v1::ListPlansRequest* request,
                                                     v1::ListPlansResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "trường"));
    ASSIGN_OR_RETURN(Page<Plan> page, book_.ListPlans(ids[0], request->year(), request->page_size(),
                                                      request->page_token(), request->show_archived()));
    for (const Plan& plan : page.items) *response->add_plans() = PlanToProto(plan);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* TaskServiceImpl::UpdatePlan(Context* context, const v1::UpdatePlanRequest* request,
                                                      v1::Plan* response) {
  return handlers_.Mutate<v1::Plan>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Plan>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, request->plan().name(), "plan.name"));
        std::string school = ids[0], plan_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "kế hoạch"));
        return Mutation<v1::Plan>{
            school, request->plan().name(), [=, this]() -> absl::StatusOr<v1::Plan> {
              ASSIGN_OR_RETURN(PlanPatch patch, PlanPatchFromProto(request->plan(), request->update_mask()));
              ASSIGN_OR_RETURN(Plan plan, book_.UpdatePlan(school, plan_id, patch));
              return PlanToProto(plan);
            }};
      });
}

grpc::ServerUnaryReactor* TaskServiceImpl::InstantiatePlanTemplate(
    Context* context, const v1::InstantiatePlanTemplateRequest* request, v1::Plan* response) {
  return handlers_.Mutate<v1::Plan>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Plan>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "trường"));
        return Mutation<v1::Plan>{
            school, PlanName(school, request->plan_id()), [=, this]() -> absl::StatusOr<v1::Plan> {
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
            }};
      });
}

grpc::ServerUnaryReactor* TaskServiceImpl::ListPlanTemplates(Context* context,
                                                             const v1::ListPlanTemplatesRequest*,
                                                             v1::ListPlanTemplatesResponse* response) {
  return handlers_.Read(context, __func__, [=](const Caller&) -> absl::Status {
    for (const PlanTemplate& t : PlanTemplates::All()) {
      v1::PlanTemplate* out = response->add_templates();
      out->set_name(absl::StrCat("planTemplates/", t.id));
      out->set_title(t.title);
      out->set_task_count(static_cast<int>(t.tasks.size()));
    }
    return absl::OkStatus();
  });
}

// ---- tasks ----

grpc::ServerUnaryReactor* TaskServiceImpl::CreateTask(Context* context, const v1::CreateTaskRequest* request,
                                                      v1::Task* response) {
  return handlers_.Mutate<v1::Task>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Task>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, request->parent(), "parent"));
        std::string school = ids[0], plan_id = ids[1];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "kế hoạch"));
        return Mutation<v1::Task>{school, request->parent(), [=, this]() -> absl::StatusOr<v1::Task> {
                                    ASSIGN_OR_RETURN(NewTask input, NewTaskFromProto(request->task()));
                                    ASSIGN_OR_RETURN(Task task, book_.CreateTask(school, plan_id, input));
                                    return TaskToProto(task, book_.Today());
                                  }};
      });
}

grpc::ServerUnaryReactor* TaskServiceImpl::GetTask(Context* context, const v1::GetTaskRequest* request,
                                                   v1::Task* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, request->name(), "name"));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "nhiệm vụ"));
    ASSIGN_OR_RETURN(Task task, book_.GetTask(ids[0], ids[1], ids[2]));
    *response = TaskToProto(task, book_.Today());
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* TaskServiceImpl::ListTasks(Context* context, const v1::ListTasksRequest* request,
                                                     v1::ListTasksResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kPlanPattern, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "kế hoạch"));
    ASSIGN_OR_RETURN(TaskQuery query, TaskQueryFromProto(*request));
    ASSIGN_OR_RETURN(Page<Task> page,
                     book_.ListTasks(ids[0], ids[1], query, request->page_size(), request->page_token()));
    Date today = book_.Today();
    for (const Task& task : page.items) *response->add_tasks() = TaskToProto(task, today);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* TaskServiceImpl::UpdateTask(Context* context, const v1::UpdateTaskRequest* request,
                                                      v1::Task* response) {
  return handlers_.Mutate<v1::Task>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Task>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, request->task().name(), "task.name"));
        std::string school = ids[0], plan_id = ids[1], task_id = ids[2];
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "nhiệm vụ"));
        return Mutation<v1::Task>{
            school, request->task().name(), [=, this]() -> absl::StatusOr<v1::Task> {
              ASSIGN_OR_RETURN(TaskPatch patch, TaskPatchFromProto(request->task(), request->update_mask()));
              ASSIGN_OR_RETURN(Task task, book_.UpdateTask(school, plan_id, task_id, patch));
              return TaskToProto(task, book_.Today());
            }};
      });
}

// ---- progress ----

grpc::ServerUnaryReactor* TaskServiceImpl::AddProgressUpdate(Context* context,
                                                             const v1::AddProgressUpdateRequest* request,
                                                             v1::ProgressUpdate* response) {
  return handlers_.Mutate<v1::ProgressUpdate>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::ProgressUpdate>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kTaskPattern, request->parent(), "parent"));
        std::string school = ids[0], plan_id = ids[1], task_id = ids[2];
        RETURN_IF_ERROR(RequireProgressWrite(caller, school));
        return Mutation<v1::ProgressUpdate>{
            school, request->parent(), [=, this]() -> absl::StatusOr<v1::ProgressUpdate> {
              ASSIGN_OR_RETURN(NewProgress input,
                               NewProgressFromProto(request->parent(), request->progress_update()));
              ASSIGN_OR_RETURN(ProgressUpdate update,
                               book_.AddProgressUpdate(school, plan_id, task_id, caller.subject, input));
              return ProgressUpdateToProto(update);
            }};
      });
}

grpc::ServerUnaryReactor* TaskServiceImpl::ListProgressUpdates(Context* context,
                                                               const v1::ListProgressUpdatesRequest* request,
                                                               v1::ListProgressUpdatesResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseProgressParent(request->parent()));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "nhiệm vụ"));
    ASSIGN_OR_RETURN(ProgressFilter filter, ProgressFilterFromProto(*request));
    ASSIGN_OR_RETURN(Page<ProgressUpdate> page,
                     book_.ListProgressUpdates(ids[0], ids[1], ids[2], request->page_size(),
                                               request->page_token(), filter));
    for (const ProgressUpdate& u : page.items) *response->add_progress_updates() = ProgressUpdateToProto(u);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

// ---- evidence files ----

namespace {

// "schools/{school}/evidenceFiles/{sha256}": the school id and the hash
// (checked by the desk; a SHA-256 is longer than an id).
absl::StatusOr<std::pair<std::string, std::string>> ParseEvidenceName(absl::string_view name) {
  size_t at = name.find("/evidenceFiles/");
  if (at == absl::string_view::npos) {
    return platform::InvalidField("name",
                                  "Tên phải có dạng schools/{trường}/evidenceFiles/{sha256} "
                                  "(name must be schools/{school}/evidenceFiles/{sha256})");
  }
  ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, name.substr(0, at), "name"));
  return std::pair<std::string, std::string>{ids[0], std::string(name.substr(at + 15))};
}

}  // namespace

grpc::ServerUnaryReactor* TaskServiceImpl::UploadEvidenceFile(Context* context,
                                                              const v1::UploadEvidenceFileRequest* request,
                                                              v1::EvidenceFile* response) {
  return handlers_.Mutate<v1::EvidenceFile>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::EvidenceFile>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->parent(), "parent"));
        std::string school = ids[0];
        RETURN_IF_ERROR(RequireProgressWrite(caller, school));
        return Mutation<v1::EvidenceFile>{
            school, request->parent(), [=, this]() -> absl::StatusOr<v1::EvidenceFile> {
              ASSIGN_OR_RETURN(EvidenceFile file, evidence_.Upload(school, caller.subject,
                                                                   request->filename(), request->content()));
              return EvidenceFileToProto(file);
            }};
      });
}

grpc::ServerUnaryReactor* TaskServiceImpl::GetEvidenceFile(Context* context,
                                                           const v1::GetEvidenceFileRequest* request,
                                                           v1::EvidenceFile* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseEvidenceName(request->name()));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids.first, "tệp minh chứng"));
    ASSIGN_OR_RETURN(EvidenceFile file, evidence_.Get(ids.first, ids.second));
    *response = EvidenceFileToProto(file);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* TaskServiceImpl::DownloadEvidenceFile(
    Context* context, const v1::DownloadEvidenceFileRequest* request, v1::EvidenceFileContent* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseEvidenceName(request->name()));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids.first, "tệp minh chứng"));
    ASSIGN_OR_RETURN(auto download, evidence_.Download(ids.first, ids.second));
    *response->mutable_file() = EvidenceFileToProto(download.first);
    response->set_content(std::move(download.second));
    return absl::OkStatus();
  });
}

// ---- directives ----

grpc::ServerUnaryReactor* TaskServiceImpl::PublishDirective(Context* context,
                                                            const v1::PublishDirectiveRequest* request,
                                                            v1::Directive* response) {
  return handlers_.Mutate<v1::Directive>(
      context, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Directive>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, request->parent(), "parent"));
        std::string authority = ids[0];
        RETURN_IF_ERROR(RequireDirectivePublish(caller, authority));
        // A retry must replay even if the gateway's list of schools changed
        // in between (a school added or moved): the client's body is what counts.
        auto client_body = std::make_shared<v1::PublishDirectiveRequest>(*request);
        client_body->clear_school_ids();
        Mutation<v1::Directive> mutation{
            AuthorityScope(authority), DirectiveName(authority, request->directive_id()),
            [=, this]() -> absl::StatusOr<v1::Directive> {
              ASSIGN_OR_RETURN(NewDirective input, NewDirectiveFromProto(*request));
              ASSIGN_OR_RETURN(Directive directive, desk_.Publish(authority, input));
              return DirectiveToProto(directive);
            }};
        mutation.fingerprint_body = std::move(client_body);
        return mutation;
      });
}

grpc::ServerUnaryReactor* TaskServiceImpl::GetDirective(Context* context,
                                                        const v1::GetDirectiveRequest* request,
                                                        v1::Directive* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kDirectivePattern, request->name(), "name"));
    RETURN_IF_ERROR(RequireDirectiveRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Directive directive, desk_.Get(ids[0], ids[1]));
    *response = DirectiveToProto(directive);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* TaskServiceImpl::ListDirectives(Context* context,
                                                          const v1::ListDirectivesRequest* request,
                                                          v1::ListDirectivesResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAuthorityPattern, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireDirectiveRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Page<Directive> page, desk_.List(ids[0], request->page_size(), request->page_token()));
    for (const Directive& d : page.items) *response->add_directives() = DirectiveToProto(d);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* TaskServiceImpl::GetDirectiveProgress(
    Context* context, const v1::GetDirectiveProgressRequest* request, v1::DirectiveProgress* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kDirectivePattern, request->name(), "name"));
    RETURN_IF_ERROR(RequireDirectiveRead(caller, ids[0]));
    ASSIGN_OR_RETURN(DirectiveProgress progress, desk_.Progress(ids[0], ids[1]));
    *response = DirectiveProgressToProto(progress);
    return absl::OkStatus();
  });
}

// ---- summaries ----

grpc::ServerUnaryReactor* TaskServiceImpl::SummarizeTasks(Context* context,
                                                          const v1::SummarizeTasksRequest* request,
                                                          v1::TaskSummary* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchoolPattern, request->school(), "school"));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "trường"));
    ASSIGN_OR_RETURN(Date start, platform::DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(Date end, platform::DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(TaskSummary summary, summarizer_.Summarize(ids[0], start, end));
    *response = SummaryToProto(summary);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* TaskServiceImpl::BatchSummarizeTasks(Context* context,
                                                               const v1::BatchSummarizeTasksRequest* request,
                                                               v1::BatchSummarizeTasksResponse* response) {
  return handlers_.Read(context, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireRollup(caller));
    ASSIGN_OR_RETURN(std::vector<std::string> schools, platform::SchoolIdsOf(request->schools()));
    ASSIGN_OR_RETURN(Date start, platform::DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(Date end, platform::DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(std::vector<TaskSummary> summaries, summarizer_.SummarizeSchools(schools, start, end));
    for (const TaskSummary& summary : summaries) *response->add_summaries() = SummaryToProto(summary);
    return absl::OkStatus();
  });
}

}  // namespace parhub::tasks
