// TaskServiceImpl: the gRPC face of the tasks service, built on the platform
// skeleton's one handler style (platform/rpc/handlers.h). Every read is a
// Handlers::Read and every mutation a Handlers::Mutate whose authorize step
// parses names and checks access (domain/access.h) before the idempotency
// ledger; bodies run on the service's bounded executor. No rules live here.
#ifndef PARHUB_SERVICES_TASKS_RPC_TASK_SERVICE_H_
#define PARHUB_SERVICES_TASKS_RPC_TASK_SERVICE_H_

#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/rpc/handlers.h"
#include "services/tasks/domain/directive_desk.h"
#include "services/tasks/domain/evidence_desk.h"
#include "services/tasks/domain/plan_book.h"
#include "services/tasks/domain/task_summarizer.h"

namespace parhub::tasks {

class TaskServiceImpl final : public v1::TaskService::CallbackService {
 public:
  TaskServiceImpl(platform::Handlers& handlers, PlanBook& book, DirectiveDesk& desk,
                  TaskSummarizer& summarizer, EvidenceDesk& evidence)
      : handlers_(handlers), book_(book), desk_(desk), summarizer_(summarizer), evidence_(evidence) {}

  using Reactor = grpc::ServerUnaryReactor;
  using Context = grpc::CallbackServerContext;

  Reactor* CreatePlan(Context* context, const v1::CreatePlanRequest* request, v1::Plan* response) override;
  Reactor* GetPlan(Context* context, const v1::GetPlanRequest* request, v1::Plan* response) override;
  Reactor* ListPlans(Context* context, const v1::ListPlansRequest* request,
                     v1::ListPlansResponse* response) override;
  Reactor* UpdatePlan(Context* context, const v1::UpdatePlanRequest* request, v1::Plan* response) override;
  Reactor* InstantiatePlanTemplate(Context* context, const v1::InstantiatePlanTemplateRequest* request,
                                   v1::Plan* response) override;
  Reactor* ListPlanTemplates(Context* context, const v1::ListPlanTemplatesRequest* request,
                             v1::ListPlanTemplatesResponse* response) override;

  Reactor* CreateTask(Context* context, const v1::CreateTaskRequest* request, v1::Task* response) override;
  Reactor* GetTask(Context* context, const v1::GetTaskRequest* request, v1::Task* response) override;
  Reactor* ListTasks(Context* context, const v1::ListTasksRequest* request,
                     v1::ListTasksResponse* response) override;
  Reactor* UpdateTask(Context* context, const v1::UpdateTaskRequest* request, v1::Task* response) override;

  Reactor* AddProgressUpdate(Context* context, const v1::AddProgressUpdateRequest* request,
                             v1::ProgressUpdate* response) override;
  Reactor* ListProgressUpdates(Context* context, const v1::ListProgressUpdatesRequest* request,
                               v1::ListProgressUpdatesResponse* response) override;

  Reactor* UploadEvidenceFile(Context* context, const v1::UploadEvidenceFileRequest* request,
                              v1::EvidenceFile* response) override;
  Reactor* GetEvidenceFile(Context* context, const v1::GetEvidenceFileRequest* request,
                           v1::EvidenceFile* response) override;
  Reactor* DownloadEvidenceFile(Context* context, const v1::DownloadEvidenceFileRequest* request,
                                v1::EvidenceFileContent* response) override;

  Reactor* PublishDirective(Context* context, const v1::PublishDirectiveRequest* request,
                            v1::Directive* response) override;
  Reactor* GetDirective(Context* context, const v1::GetDirectiveRequest* request,
                        v1::Directive* response) override;
  Reactor* ListDirectives(Context* context, const v1::ListDirectivesRequest* request,
                          v1::ListDirectivesResponse* response) override;
  Reactor* GetDirectiveProgress(Context* context, const v1::GetDirectiveProgressRequest* request,
                                v1::DirectiveProgress* response) override;

  Reactor* SummarizeTasks(Context* context, const v1::SummarizeTasksRequest* request,
                          v1::TaskSummary* response) override;
  Reactor* BatchSummarizeTasks(Context* context, const v1::BatchSummarizeTasksRequest* request,
                               v1::BatchSummarizeTasksResponse* response) override;

 private:
  platform::Handlers& handlers_;
  PlanBook& book_;
  DirectiveDesk& desk_;
  TaskSummarizer& summarizer_;
  EvidenceDesk& evidence_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_RPC_TASK_SERVICE_H_
