// parhub-tasks: plans, tasks, progress and directives. Built from the
// service skeleton (platform/rpc/service_main.h): this file only wires
// store → domain → rpc.
#include <memory>

#include "platform/rpc/service_main.h"
#include "services/tasks/rpc/task_service.h"
#include "services/tasks/store/mysql_task_store.h"

namespace {

// Everything the service object uses, owned together.
struct TasksService final {
  explicit TasksService(parhub::platform::ServiceEnv& env)
      : store(env.db),
        book(store, env.clock),
        desk(store, env.clock),
        summarizer(store, env.clock),
        rpc(env.handlers, book, desk, summarizer) {}
  parhub::tasks::MySqlTaskStore store;
  parhub::tasks::PlanBook book;
  parhub::tasks::DirectiveDesk desk;
  parhub::tasks::TaskSummarizer summarizer;
  parhub::tasks::TaskServiceImpl rpc;
};

}  // namespace

int main(int argc, char** argv) {
  return parhub::platform::RunService(
      argc, argv,
      {.name = "tasks",
       .usage = "parhub-tasks: plans, tasks, progress and directives service",
       .proto_service = parhub::tasks::v1::TaskService::service_full_name(),
       .default_listen = "0.0.0.0:50052",
       .default_metrics = "0.0.0.0:9452",
       .migrations = TasksMigrations,
       .wire = [](parhub::platform::ServiceEnv& env) -> absl::StatusOr<parhub::platform::WiredService> {
         auto service = std::make_shared<TasksService>(env);
         return parhub::platform::WiredService{service, &service->rpc};
       }});
}
