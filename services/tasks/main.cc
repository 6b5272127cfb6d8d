// parhub-tasks: plans, tasks, progress and directives. Built from the
// service skeleton (platform/rpc/service_main.h): this file only wires
// store → domain → rpc.
#include <memory>

#include "absl/flags/flag.h"
#include "platform/rpc/service_main.h"
#include "services/tasks/rpc/task_service.h"
#include "services/tasks/store/disk_evidence_blobs.h"
#include "services/tasks/store/mysql_evidence_index.h"
#include "services/tasks/store/mysql_task_store.h"

ABSL_FLAG(
    std::string, evidence_dir, "",
    "Directory of uploaded evidence files (created, mode 0700); shared storage behind several replicas. "
    "Empty: uploads are refused and evidence is cited by link only");
ABSL_FLAG(int64_t, evidence_max_bytes, parhub::tasks::kDefaultEvidenceMaxBytes,
          "Largest evidence file accepted, in bytes (at most 20,000,000: the gRPC message limit)");

namespace {

// Everything the service object uses, owned together.
struct TasksService final {
  TasksService(parhub::platform::ServiceEnv& env, std::unique_ptr<parhub::tasks::EvidenceBlobs> blobs_in,
               int64_t evidence_max_bytes)
      : store(env.db),
        evidence_index(env.db),
        blobs(std::move(blobs_in)),
        book(store, env.clock),
        desk(store, env.clock),
        summarizer(store, env.clock),
        evidence(blobs.get(), evidence_index, env.clock, evidence_max_bytes),
        rpc(env.handlers, book, desk, summarizer, evidence) {}
  parhub::tasks::MySqlTaskStore store;
  parhub::tasks::MySqlEvidenceIndex evidence_index;
  std::unique_ptr<parhub::tasks::EvidenceBlobs> blobs;  // null without --evidence_dir
  parhub::tasks::PlanBook book;
  parhub::tasks::DirectiveDesk desk;
  parhub::tasks::TaskSummarizer summarizer;
  parhub::tasks::EvidenceDesk evidence;
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
         std::unique_ptr<parhub::tasks::EvidenceBlobs> blobs;
         if (std::string dir = absl::GetFlag(FLAGS_evidence_dir); !dir.empty()) {
           auto opened = parhub::tasks::DiskEvidenceBlobs::Open(dir);
           if (!opened.ok()) return opened.status();
           blobs = *std::move(opened);
         }
         const int64_t max_bytes = absl::GetFlag(FLAGS_evidence_max_bytes);
         if (max_bytes < 1 || max_bytes > parhub::tasks::kDefaultEvidenceMaxBytes) {
           return absl::InvalidArgumentError("--evidence_max_bytes must be 1-20000000");
         }
         auto service = std::make_shared<TasksService>(env, std::move(blobs), max_bytes);
         return parhub::platform::WiredService{service, &service->rpc};
       }});
}
