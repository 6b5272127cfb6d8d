// parhub.tasks.v1 ↔ tasks domain.
#include "services/tasks/rpc/convert.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"

namespace parhub::tasks {

using ::parhub::platform::DateFromProto;
using ::parhub::platform::DateToProto;
using ::parhub::platform::TimeToProto;

std::string PlanName(absl::string_view school_id, absl::string_view plan_id) {
  return absl::StrCat("schools/", school_id, "/plans/", plan_id);
}

std::string TaskName(absl::string_view school_id, absl::string_view plan_id, absl::string_view task_id) {
  return absl::StrCat(PlanName(school_id, plan_id), "/tasks/", task_id);
}

pb::Plan PlanToProto(const Plan& plan) {
  pb::Plan out;
  out.set_name(PlanName(plan.school_id, plan.plan_id));
  out.set_number(plan.number);
  out.set_year(plan.year);
  out.set_title(plan.title);
  if (plan.issue_date.IsSet()) *out.mutable_issue_date() = DateToProto(plan.issue_date);
  out.set_issuer(plan.issuer);
  for (const std::string& ref : plan.directive_refs) out.add_directive_refs(ref);
  out.set_status(static_cast<pb::PlanStatus>(plan.status));
  out.set_task_count(plan.task_count);
  *out.mutable_create_time() = TimeToProto(plan.create_time);
  *out.mutable_update_time() = TimeToProto(plan.update_time);
  return out;
}

pb::Task TaskToProto(const Task& task, Date today) {
  pb::Task out;
  out.set_name(TaskName(task.school_id, task.plan_id, task.task_id));
  out.set_code(task.code);
  out.set_title(task.title);
  out.set_description(task.description);
  out.set_par_field(task.par_field);
  out.set_owner(task.owner);
  if (task.due_date.IsSet()) *out.mutable_due_date() = DateToProto(task.due_date);
  out.set_status(static_cast<pb::TaskStatus>(task.status));
  out.set_percent_done(task.percent_done);
  out.set_overdue(IsOverdue(task, today));
  if (task.complete_time) *out.mutable_complete_time() = TimeToProto(*task.complete_time);
  if (task.status == TaskStatus::kDone && DoneOn(task).IsSet())
    *out.mutable_done_on() = DateToProto(DoneOn(task));
  out.set_directive(task.directive);
  *out.mutable_create_time() = TimeToProto(task.create_time);
  *out.mutable_update_time() = TimeToProto(task.update_time);
  return out;
}

std::string ProgressUpdateName(absl::string_view school_id, absl::string_view plan_id,
                               absl::string_view task_id, int number) {
  return absl::StrCat(TaskName(school_id, plan_id, task_id), "/progressUpdates/", number);
}

pb::ProgressUpdate ProgressUpdateToProto(const ProgressUpdate& update) {
  pb::ProgressUpdate out;
  out.set_name(ProgressUpdateName(update.school_id, update.plan_id, update.task_id, update.number));
  if (update.done_on.IsSet()) *out.mutable_done_on() = DateToProto(update.done_on);
  if (update.supersedes > 0) {
    out.set_supersedes(
        ProgressUpdateName(update.school_id, update.plan_id, update.task_id, update.supersedes));
  }
  if (update.superseded_by > 0) {
    out.set_superseded_by(
        ProgressUpdateName(update.school_id, update.plan_id, update.task_id, update.superseded_by));
  }
  out.set_author(update.author);
  out.set_percent_done(update.percent_done);
  out.set_note(update.note);
  for (const Evidence& e : update.evidence) {
    pb::Evidence* item = out.add_evidence();
    item->set_document_number(e.document_number);
    item->set_title(e.title);
    item->set_uri(e.uri);
    item->set_sha256(e.sha256);
  }
  *out.mutable_create_time() = TimeToProto(update.create_time);
  return out;
}

pb::Directive DirectiveToProto(const Directive& directive) {
  pb::Directive out;
  out.set_name(DirectiveName(directive.authority_id, directive.directive_id));
  out.set_number(directive.number);
  out.set_title(directive.title);
  out.set_description(directive.description);
  *out.mutable_issue_date() = DateToProto(directive.issue_date);
  *out.mutable_due_date() = DateToProto(directive.due_date);
  out.set_par_field(directive.par_field);
  out.set_school_count(directive.school_count);
  *out.mutable_create_time() = TimeToProto(directive.create_time);
  return out;
}

pb::DirectiveProgress DirectiveProgressToProto(const DirectiveProgress& progress) {
  pb::DirectiveProgress out;
  *out.mutable_directive() = DirectiveToProto(progress.directive);
  for (const SchoolDirectiveState& s : progress.schools) {
    pb::SchoolDirectiveState* state = out.add_schools();
    state->set_school_id(s.school_id);
    state->set_task(TaskName(s.school_id, s.plan_id, s.task_id));
    state->set_status(static_cast<pb::TaskStatus>(s.status));
    state->set_percent_done(s.percent_done);
    state->set_timeliness(static_cast<pb::Timeliness>(s.timeliness));
  }
  out.set_done_count(progress.done_count);
  out.set_overdue_count(progress.overdue_count);
  return out;
}

pb::TaskSummary SummaryToProto(const TaskSummary& summary) {
  pb::TaskSummary out;
  out.set_school(absl::StrCat("schools/", summary.school_id));
  out.set_total(summary.total);
  out.set_not_started(summary.not_started);
  out.set_in_progress(summary.in_progress);
  out.set_done(summary.done);
  out.set_cancelled(summary.cancelled);
  out.set_overdue(summary.overdue);
  out.set_done_on_time(summary.done_on_time);
  out.set_done_late(summary.done_late);
  out.set_average_percent_done(summary.average_percent_done);
  out.set_completed_in_period(summary.completed_in_period);
  out.set_progressed_in_period(summary.progressed_in_period);
  out.set_progress_entries_in_period(summary.progress_entries_in_period);
  out.set_evidence_in_period(summary.evidence_in_period);
  for (const ParFieldCount& c : summary.by_par_field) {
    pb::ParFieldCount* count = out.add_by_par_field();
    count->set_par_field(c.par_field);
    count->set_total(c.total);
    count->set_done(c.done);
  }
  return out;
}

absl::StatusOr<PlanStatus> PlanStatusFromProto(int status, absl::string_view field) {
  if (!pb::PlanStatus_IsValid(status)) return platform::UnknownEnumValue(field, status);
  return static_cast<PlanStatus>(status);
}

absl::StatusOr<TaskStatus> TaskStatusFromProto(int status, absl::string_view field) {
  if (!pb::TaskStatus_IsValid(status)) return platform::UnknownEnumValue(field, status);
  return static_cast<TaskStatus>(status);
}

absl::StatusOr<NewPlan> NewPlanFromProto(absl::string_view plan_id, const pb::Plan& plan) {
  NewPlan out;
  out.plan_id = std::string(plan_id);
  out.number = plan.number();
  out.year = plan.year();
  out.title = plan.title();
  ASSIGN_OR_RETURN(out.issue_date, DateFromProto(plan.issue_date(), "plan.issue_date"));
  out.issuer = plan.issuer();
  out.directive_refs.assign(plan.directive_refs().begin(), plan.directive_refs().end());
  ASSIGN_OR_RETURN(out.status, PlanStatusFromProto(plan.status(), "plan.status"));
  return out;
}

absl::StatusOr<NewTask> NewTaskFromProto(const pb::Task& task) {
  NewTask out;
  out.code = task.code();
  out.title = task.title();
  out.description = task.description();
  out.par_field = task.par_field();
  out.owner = task.owner();
  ASSIGN_OR_RETURN(out.due_date, DateFromProto(task.due_date(), "task.due_date"));
  ASSIGN_OR_RETURN(out.status, TaskStatusFromProto(task.status(), "task.status"));
  out.percent_done = task.percent_done();
  return out;
}

absl::StatusOr<NewProgress> NewProgressFromProto(absl::string_view task_name,
                                                 const pb::ProgressUpdate& update) {
  NewProgress out;
  out.percent_done = update.percent_done();
  out.note = update.note();
  ASSIGN_OR_RETURN(out.done_on, DateFromProto(update.done_on(), "progress_update.done_on"));
  if (!update.supersedes().empty()) {
    // Only an update of the same task: "<task>/progressUpdates/<n>".
    const std::string prefix = absl::StrCat(task_name, "/progressUpdates/");
    if (!absl::StartsWith(update.supersedes(), prefix) ||
        !absl::SimpleAtoi(update.supersedes().substr(prefix.size()), &out.supersedes) ||
        out.supersedes <= 0) {
      return platform::InvalidField(
          "progress_update.supersedes",
          absl::StrCat("phải là tên một cập nhật tiến độ của chính nhiệm vụ này, dạng ", prefix,
                       "{số} (must name a progress update of this task)"));
    }
  }
  for (const pb::Evidence& e : update.evidence()) {
    out.evidence.push_back(Evidence{e.document_number(), e.title(), e.uri(), e.sha256()});
  }
  return out;
}

absl::StatusOr<NewDirective> NewDirectiveFromProto(const pb::PublishDirectiveRequest& request) {
  const pb::Directive& d = request.directive();
  NewDirective out;
  out.directive_id = request.directive_id();
  out.number = d.number();
  out.title = d.title();
  out.description = d.description();
  ASSIGN_OR_RETURN(out.issue_date, DateFromProto(d.issue_date(), "directive.issue_date"));
  ASSIGN_OR_RETURN(out.due_date, DateFromProto(d.due_date(), "directive.due_date"));
  out.par_field = d.par_field();
  out.school_ids.assign(request.school_ids().begin(), request.school_ids().end());
  return out;
}

absl::StatusOr<ProgressFilter> ProgressFilterFromProto(const pb::ListProgressUpdatesRequest& request) {
  ProgressFilter filter;
  ASSIGN_OR_RETURN(filter.done_after, DateFromProto(request.done_after(), "done_after"));
  ASSIGN_OR_RETURN(filter.done_before, DateFromProto(request.done_before(), "done_before"));
  filter.exclude_superseded = request.exclude_superseded();
  return filter;
}

absl::StatusOr<TaskQuery> TaskQueryFromProto(const pb::ListTasksRequest& request) {
  TaskQuery query;
  for (int status : request.statuses()) {
    ASSIGN_OR_RETURN(TaskStatus s, TaskStatusFromProto(status, "statuses"));
    query.statuses.push_back(s);
  }
  query.owner = request.owner();
  ASSIGN_OR_RETURN(query.due_after, DateFromProto(request.due_after(), "due_after"));
  ASSIGN_OR_RETURN(query.due_before, DateFromProto(request.due_before(), "due_before"));
  query.overdue_only = request.overdue_only();
  return query;
}

absl::StatusOr<PlanPatch> PlanPatchFromProto(const pb::Plan& plan, const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(
      platform::CheckUpdateMask(mask, {"title", "issuer", "issue_date", "directive_refs", "status"}));
  PlanPatch patch;
  if (platform::MaskHas(mask, "title")) patch.title = plan.title();
  if (platform::MaskHas(mask, "issuer")) patch.issuer = plan.issuer();
  if (platform::MaskHas(mask, "issue_date")) {
    ASSIGN_OR_RETURN(patch.issue_date, DateFromProto(plan.issue_date(), "plan.issue_date"));
  }
  if (platform::MaskHas(mask, "directive_refs")) {
    patch.directive_refs.emplace(plan.directive_refs().begin(), plan.directive_refs().end());
  }
  if (platform::MaskHas(mask, "status")) {
    ASSIGN_OR_RETURN(patch.status, PlanStatusFromProto(plan.status(), "plan.status"));
  }
  return patch;
}

absl::StatusOr<TaskPatch> TaskPatchFromProto(const pb::Task& task, const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(
      platform::CheckUpdateMask(mask, {"title", "description", "par_field", "owner", "due_date", "status"}));
  TaskPatch patch;
  if (platform::MaskHas(mask, "title")) patch.title = task.title();
  if (platform::MaskHas(mask, "description")) patch.description = task.description();
  if (platform::MaskHas(mask, "par_field")) patch.par_field = task.par_field();
  if (platform::MaskHas(mask, "owner")) patch.owner = task.owner();
  if (platform::MaskHas(mask, "due_date")) {
    ASSIGN_OR_RETURN(patch.due_date, DateFromProto(task.due_date(), "task.due_date"));
  }
  if (platform::MaskHas(mask, "status")) {
    ASSIGN_OR_RETURN(patch.status, TaskStatusFromProto(task.status(), "task.status"));
  }
  return patch;
}

v1::EvidenceFile EvidenceFileToProto(const EvidenceFile& file) {
  v1::EvidenceFile out;
  out.set_name(absl::StrCat("schools/", file.school_id, "/evidenceFiles/", file.sha256));
  out.set_sha256(file.sha256);
  out.set_media_type(file.media_type);
  out.set_size_bytes(file.size_bytes);
  out.set_filename(file.filename);
  out.set_uploader(file.uploaded_by);
  *out.mutable_create_time() = TimeToProto(file.create_time);
  return out;
}

}  // namespace parhub::tasks
