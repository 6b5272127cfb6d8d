// TaskServiceImpl: the gRPC face of the tasks service (synchronous server;
// handlers block on MySQL inside ServerRunner's bounded thread pool). Each
// handler verifies the signed caller (RpcScope), parses names, checks access
// (domain/access.h) and then calls the domain; every mutation runs through
// the idempotency ledger, which also writes its audit row, in one
// transaction with the domain's writes.
#ifndef PARHUB_SERVICES_TASKS_RPC_TASK_SERVICE_H_
#define PARHUB_SERVICES_TASKS_RPC_TASK_SERVICE_H_

#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/db.h"
#include "platform/idempotency.h"
#include "platform/identity.h"
#include "services/tasks/domain/directive_desk.h"
#include "services/tasks/domain/plan_book.h"
#include "services/tasks/domain/task_summarizer.h"
#include "services/tasks/store/mysql_task_store.h"

namespace parhub::tasks {

class TaskServiceImpl final : public ::parhub::tasks::v1::TaskService::Service {
 public:
  // `clock` is the service's notion of now (tests pin it).
  TaskServiceImpl(platform::Db& db, platform::IdentityKey key, Clock clock = absl::Now);

  grpc::Status CreatePlan(grpc::ServerContext* context, const v1::CreatePlanRequest* request,
                          v1::Plan* response) override;
  grpc::Status GetPlan(grpc::ServerContext* context, const v1::GetPlanRequest* request,
                       v1::Plan* response) override;
  grpc::Status ListPlans(grpc::ServerContext* context, const v1::ListPlansRequest* request,
                         v1::ListPlansResponse* response) override;
  grpc::Status UpdatePlan(grpc::ServerContext* context, const v1::UpdatePlanRequest* request,
                          v1::Plan* response) override;
  grpc::Status InstantiatePlanTemplate(grpc::ServerContext* context,
                                       const v1::InstantiatePlanTemplateRequest* request,
                                       v1::Plan* response) override;
  grpc::Status ListPlanTemplates(grpc::ServerContext* context,
                                 const v1::ListPlanTemplatesRequest* request,
                                 v1::ListPlanTemplatesResponse* response) override;

  grpc::Status CreateTask(grpc::ServerContext* context, const v1::CreateTaskRequest* request,
                          v1::Task* response) override;
  grpc::Status GetTask(grpc::ServerContext* context, const v1::GetTaskRequest* request,
                       v1::Task* response) override;
  grpc::Status ListTasks(grpc::ServerContext* context, const v1::ListTasksRequest* request,
                         v1::ListTasksResponse* response) override;
  grpc::Status UpdateTask(grpc::ServerContext* context, const v1::UpdateTaskRequest* request,
                          v1::Task* response) override;

  grpc::Status AddProgressUpdate(grpc::ServerContext* context,
                                 const v1::AddProgressUpdateRequest* request,
                                 v1::ProgressUpdate* response) override;
  grpc::Status ListProgressUpdates(grpc::ServerContext* context,
                                   const v1::ListProgressUpdatesRequest* request,
                                   v1::ListProgressUpdatesResponse* response) override;

  grpc::Status PublishDirective(grpc::ServerContext* context,
                                const v1::PublishDirectiveRequest* request,
                                v1::Directive* response) override;
  grpc::Status GetDirective(grpc::ServerContext* context, const v1::GetDirectiveRequest* request,
                            v1::Directive* response) override;
  grpc::Status ListDirectives(grpc::ServerContext* context,
                              const v1::ListDirectivesRequest* request,
                              v1::ListDirectivesResponse* response) override;
  grpc::Status GetDirectiveProgress(grpc::ServerContext* context,
                                    const v1::GetDirectiveProgressRequest* request,
                                    v1::DirectiveProgress* response) override;

  grpc::Status SummarizeTasks(grpc::ServerContext* context,
                              const v1::SummarizeTasksRequest* request,
                              v1::TaskSummary* response) override;

 private:
  platform::IdentityKey key_;
  MySqlTaskStore store_;
  platform::IdempotencyLedger ledger_;
  PlanBook book_;
  DirectiveDesk desk_;
  TaskSummarizer summarizer_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_RPC_TASK_SERVICE_H_
