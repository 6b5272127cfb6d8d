// Conversions between parhub.tasks.v1 messages and the tasks domain, and
// the service's resource names. Input conversions validate (unknown enum
// numbers, impossible dates) and name the request field on failure.
#ifndef PARHUB_SERVICES_TASKS_RPC_CONVERT_H_
#define PARHUB_SERVICES_TASKS_RPC_CONVERT_H_

#include <google/protobuf/field_mask.pb.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parhub/tasks/v1/tasks.pb.h"
#include "services/tasks/domain/directive_desk.h"
#include "services/tasks/domain/evidence_store.h"
#include "services/tasks/domain/plan_book.h"
#include "services/tasks/domain/task_summarizer.h"

namespace parhub::tasks {

namespace pb = ::parhub::tasks::v1;

// Resource names.
std::string PlanName(absl::string_view school_id, absl::string_view plan_id);
std::string TaskName(absl::string_view school_id, absl::string_view plan_id, absl::string_view task_id);
std::string ProgressUpdateName(absl::string_view school_id, absl::string_view plan_id,
                               absl::string_view task_id, int number);

// Domain → proto. `today` derives Task.overdue.
pb::Plan PlanToProto(const Plan& plan);
pb::Task TaskToProto(const Task& task, Date today);
pb::ProgressUpdate ProgressUpdateToProto(const ProgressUpdate& update);
pb::Directive DirectiveToProto(const Directive& directive);
pb::DirectiveProgress DirectiveProgressToProto(const DirectiveProgress& progress);
pb::TaskSummary SummaryToProto(const TaskSummary& summary);

// Proto → domain.
absl::StatusOr<PlanStatus> PlanStatusFromProto(int status, absl::string_view field);
absl::StatusOr<TaskStatus> TaskStatusFromProto(int status, absl::string_view field);
absl::StatusOr<NewPlan> NewPlanFromProto(absl::string_view plan_id, const pb::Plan& plan);
absl::StatusOr<NewTask> NewTaskFromProto(const pb::Task& task);
// `task_name` is the request's parent: `supersedes` must name one of its
// updates.
absl::StatusOr<NewProgress> NewProgressFromProto(absl::string_view task_name,
                                                 const pb::ProgressUpdate& update);
absl::StatusOr<ProgressFilter> ProgressFilterFromProto(const pb::ListProgressUpdatesRequest& request);
absl::StatusOr<NewDirective> NewDirectiveFromProto(const pb::PublishDirectiveRequest& request);
absl::StatusOr<TaskQuery> TaskQueryFromProto(const pb::ListTasksRequest& request);

// update_mask → patch. An empty mask or an unknown path is INVALID_ARGUMENT
// on "update_mask".
absl::StatusOr<PlanPatch> PlanPatchFromProto(const pb::Plan& plan, const google::protobuf::FieldMask& mask);
absl::StatusOr<TaskPatch> TaskPatchFromProto(const pb::Task& task, const google::protobuf::FieldMask& mask);

// "schools/{school}/evidenceFiles/{sha256}" and the record.
v1::EvidenceFile EvidenceFileToProto(const EvidenceFile& file);

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_RPC_CONVERT_H_
