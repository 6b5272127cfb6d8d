// Plans, tasks and progress rules.
#include "services/tasks/domain/plan_book.h"

#include <limits>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/date.h"
#include "platform/core/errors.h"
#include "platform/core/page.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/tasks/domain/plan_templates.h"
#include "services/tasks/domain/validation.h"

namespace parhub::tasks {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

absl::Status CodeTaken(absl::string_view code) {
  return absl::AlreadyExistsError(absl::StrCat("Mã nhiệm vụ '", code,
                                               "' đã có trong kế hoạch (task code already used in "
                                               "this plan)"));
}

absl::Status ValidatePlanStatusChange(PlanStatus from, PlanStatus to) {
  if (to == PlanStatus::kUnspecified) {
    return InvalidField("plan.status", "bắt buộc (required)");
  }
  if (from == to) return absl::OkStatus();
  bool allowed = (from == PlanStatus::kDraft && to == PlanStatus::kActive) ||
                 (from == PlanStatus::kDraft && to == PlanStatus::kClosed) ||
                 (from == PlanStatus::kActive && to == PlanStatus::kClosed) ||
                 (from == PlanStatus::kClosed && to == PlanStatus::kActive);
  if (allowed) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "Kế hoạch đã ban hành không thể trở về dự thảo (an issued plan cannot return to draft)");
}

}  // namespace

Date PlanBook::Today() const { return platform::LocalDate(clock_()); }

absl::Status PlanBook::CheckPlanOpen(const Plan& plan) const {
  if (plan.status != PlanStatus::kClosed) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "Kế hoạch đã khóa sổ, không thể thay đổi nhiệm vụ (the plan is closed; reopen it first)");
}

absl::StatusOr<Plan> PlanBook::CreatePlan(const std::string& school_id, const NewPlan& input) {
  RETURN_IF_ERROR(platform::ValidateId(input.plan_id, "plan_id"));
  Plan plan;
  plan.school_id = school_id;
  plan.plan_id = input.plan_id;
  ASSIGN_OR_RETURN(plan.number,
                   CleanText(input.number, "plan.number", kMaxNumberChars, false, TextLines::kSingle));
  RETURN_IF_ERROR(ValidateYear(input.year, "plan.year"));
  plan.year = input.year;
  ASSIGN_OR_RETURN(plan.title,
                   CleanText(input.title, "plan.title", kMaxTitleChars, true, TextLines::kSingle));
  plan.issue_date = input.issue_date;
  ASSIGN_OR_RETURN(plan.issuer,
                   CleanText(input.issuer, "plan.issuer", kMaxNameChars, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(plan.directive_refs, CleanDirectiveRefs(input.directive_refs, "plan.directive_refs"));
  plan.status = input.status == PlanStatus::kUnspecified ? PlanStatus::kDraft : input.status;
  if (plan.status == PlanStatus::kClosed) {
    return InvalidField("plan.status",
                        "kế hoạch mới không thể ở trạng thái khóa sổ (a new plan cannot be closed)");
  }
  plan.create_time = plan.update_time = NowMicros(clock_);
  absl::Status inserted = store_.InsertPlan(plan);
  if (absl::IsAlreadyExists(inserted)) {
    return absl::AlreadyExistsError(
        absl::StrCat("Kế hoạch '", plan.plan_id, "' đã tồn tại (plan already exists)"));
  }
  RETURN_IF_ERROR(inserted);
  return plan;
}

absl::StatusOr<Plan> PlanBook::GetPlan(const std::string& school_id, const std::string& plan_id) {
  return store_.GetPlan(school_id, plan_id, Lock::kNone);
}

absl::StatusOr<Page<Plan>> PlanBook::ListPlans(const std::string& school_id, int year, int page_size,
                                               absl::string_view page_token) {
  if (year != 0) RETURN_IF_ERROR(ValidateYear(year, "year"));
  ASSIGN_OR_RETURN(platform::PageRequest request,
                   platform::ParsePageRequest(page_size, page_token, kDefaultPageSize, kMaxPageSize));
  std::optional<PlanCursor> after;
  if (!request.after.empty()) {
    ASSIGN_OR_RETURN(platform::NumberedKey key, platform::DecodeNumberedKey(request.after));
    if (key.number < std::numeric_limits<int>::min() || key.number > std::numeric_limits<int>::max()) {
      return platform::InvalidPageToken();
    }
    after = PlanCursor{static_cast<int>(key.number), key.id};
  }
  ASSIGN_OR_RETURN(std::vector<Plan> plans, store_.ListPlans(school_id, year, after, request.fetch_limit()));
  return platform::MakePage(std::move(plans), request.size,
                            [](const Plan& p) { return platform::EncodeNumberedKey(p.year, p.plan_id); });
}

absl::StatusOr<Plan> PlanBook::UpdatePlan(const std::string& school_id, const std::string& plan_id,
                                          const PlanPatch& patch) {
  // Validate everything before touching the store.
  std::optional<std::string> title, issuer;
  std::optional<std::vector<std::string>> refs;
  if (patch.title) {
    ASSIGN_OR_RETURN(title, CleanText(*patch.title, "plan.title", kMaxTitleChars, true, TextLines::kSingle));
  }
  if (patch.issuer) {
    ASSIGN_OR_RETURN(issuer,
                     CleanText(*patch.issuer, "plan.issuer", kMaxNameChars, false, TextLines::kSingle));
  }
  if (patch.directive_refs) {
    ASSIGN_OR_RETURN(refs, CleanDirectiveRefs(*patch.directive_refs, "plan.directive_refs"));
  }
  if (patch.status && *patch.status == PlanStatus::kUnspecified) {
    return InvalidField("plan.status", "bắt buộc (required)");
  }
  Plan result;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(Plan plan, store_.GetPlan(school_id, plan_id, Lock::kForUpdate));
    if (patch.status) {
      RETURN_IF_ERROR(ValidatePlanStatusChange(plan.status, *patch.status));
      plan.status = *patch.status;
    }
    if (title) plan.title = *title;
    if (issuer) plan.issuer = *issuer;
    if (patch.issue_date) plan.issue_date = *patch.issue_date;
    if (refs) plan.directive_refs = *refs;
    plan.update_time = NowMicros(clock_);
    RETURN_IF_ERROR(store_.UpdatePlan(plan));
    result = std::move(plan);
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Plan> PlanBook::InstantiateTemplate(const std::string& school_id,
                                                   const TemplateInstance& instance) {
  const PlanTemplate* tmpl = PlanTemplates::Find(instance.template_id);
  if (tmpl == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("Không tìm thấy mẫu kế hoạch '", instance.template_id, "' (plan template not found)"));
  }
  RETURN_IF_ERROR(ValidateYear(instance.year, "year"));
  NewPlan plan{instance.plan_id,
               instance.number,
               instance.year,
               PlanTemplates::FillYear(tmpl->title, instance.year),
               instance.issue_date,
               instance.issuer,
               {},
               PlanStatus::kActive};
  Plan created;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(created, CreatePlan(school_id, plan));
    for (const TemplateTask& t : tmpl->tasks) {
      NewTask task;
      task.code = t.code;
      task.title = PlanTemplates::FillYear(t.title, instance.year);
      task.description = PlanTemplates::FillYear(t.description, instance.year);
      task.par_field = t.par_field;
      ASSIGN_OR_RETURN(task.due_date, platform::MakeDate(instance.year, t.due_month, t.due_day, "year"));
      RETURN_IF_ERROR(CreateTask(school_id, created.plan_id, task).status());
    }
    return absl::OkStatus();
  }));
  created.task_count = static_cast<int>(tmpl->tasks.size());
  return created;
}

absl::StatusOr<Task> PlanBook::CreateTask(const std::string& school_id, const std::string& plan_id,
                                          const NewTask& input) {
  Task task;
  task.school_id = school_id;
  task.plan_id = plan_id;
  task.task_id = platform::RandomId();
  ASSIGN_OR_RETURN(task.code, CleanTaskCode(input.code, "task.code"));
  ASSIGN_OR_RETURN(task.title,
                   CleanText(input.title, "task.title", kMaxTitleChars, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(task.description, CleanText(input.description, "task.description", kMaxDescriptionChars,
                                               false, TextLines::kMulti));
  RETURN_IF_ERROR(ValidateParField(input.par_field, "task.par_field"));
  task.par_field = input.par_field;
  ASSIGN_OR_RETURN(task.owner,
                   CleanText(input.owner, "task.owner", kMaxNameChars, false, TextLines::kSingle));
  task.due_date = input.due_date;
  RETURN_IF_ERROR(ValidatePercent(input.percent_done, "task.percent_done"));
  if (input.status == TaskStatus::kDone || input.status == TaskStatus::kCancelled) {
    return InvalidField("task.status",
                        "nhiệm vụ mới chỉ có thể chưa bắt đầu hoặc đang thực hiện "
                        "(a new task must be not started or in progress)");
  }
  if (input.percent_done == 100) {
    return InvalidField("task.percent_done",
                        "nhiệm vụ mới chưa thể xong 100%; hãy cập nhật tiến độ sau khi tạo "
                        "(a new task cannot be 100% done; add a progress update)");
  }
  task.percent_done = input.percent_done;
  task.status = input.status == TaskStatus::kUnspecified ? TaskStatus::kNotStarted : input.status;
  if (task.percent_done > 0) task.status = TaskStatus::kInProgress;
  task.create_time = task.update_time = NowMicros(clock_);
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(Plan plan, store_.GetPlan(school_id, plan_id, Lock::kForUpdate));
    RETURN_IF_ERROR(CheckPlanOpen(plan));
    absl::Status inserted = store_.InsertTask(task);
    if (absl::IsAlreadyExists(inserted)) return CodeTaken(task.code);
    return inserted;
  }));
  return task;
}

absl::StatusOr<Task> PlanBook::GetTask(const std::string& school_id, const std::string& plan_id,
                                       const std::string& task_id) {
  return store_.GetTask(school_id, plan_id, task_id, Lock::kNone);
}

absl::StatusOr<Page<Task>> PlanBook::ListTasks(const std::string& school_id, const std::string& plan_id,
                                               TaskQuery query, int page_size, absl::string_view page_token) {
  if (query.statuses.size() > 4) {
    return InvalidField("statuses", "tối đa 4 trạng thái (at most 4 statuses)");
  }
  for (TaskStatus s : query.statuses) {
    if (s == TaskStatus::kUnspecified) {
      return InvalidField("statuses", "không được để trống trạng thái (status must be set)");
    }
  }
  if (query.due_after.IsSet() && query.due_before.IsSet() && query.due_after > query.due_before) {
    return InvalidField("due_before", "phải sau due_after (must not be before due_after)");
  }
  ASSIGN_OR_RETURN(platform::PageRequest request,
                   platform::ParsePageRequest(page_size, page_token, kDefaultPageSize, kMaxPageSize));
  std::optional<TaskCursor> after;
  if (!request.after.empty()) after = TaskCursor{request.after};
  query.today = Today();
  // An unknown plan is NOT_FOUND rather than an empty list.
  RETURN_IF_ERROR(store_.GetPlan(school_id, plan_id, Lock::kNone).status());
  ASSIGN_OR_RETURN(std::vector<Task> tasks,
                   store_.ListTasks(school_id, plan_id, query, after, request.fetch_limit()));
  return platform::MakePage(std::move(tasks), request.size, [](const Task& t) { return t.code; });
}

absl::Status PlanBook::ApplyStatus(Task& task, TaskStatus status, absl::Time now) const {
  if (status == TaskStatus::kUnspecified) {
    return InvalidField("task.status", "bắt buộc (required)");
  }
  if (status == task.status) return absl::OkStatus();
  if (task.status == TaskStatus::kDone) {
    return absl::FailedPreconditionError(
        "Nhiệm vụ đã hoàn thành, không thể đổi trạng thái (the task is done)");
  }
  if (task.status == TaskStatus::kCancelled) {
    return absl::FailedPreconditionError("Nhiệm vụ đã hủy, không thể đổi trạng thái (the task is cancelled)");
  }
  if (status == TaskStatus::kNotStarted && task.percent_done > 0) {
    return absl::FailedPreconditionError(
        "Nhiệm vụ đã có tiến độ, không thể trở về chưa bắt đầu (the task has progress)");
  }
  if (status == TaskStatus::kCancelled && !task.directive.empty()) {
    return absl::FailedPreconditionError(
        "Nhiệm vụ theo chỉ đạo của cấp trên không thể hủy tại trường (a directive's task "
        "cannot be cancelled by the school)");
  }
  task.status = status;
  if (status == TaskStatus::kDone) {
    task.percent_done = 100;
    task.complete_time = now;
  }
  return absl::OkStatus();
}

absl::StatusOr<Task> PlanBook::UpdateTask(const std::string& school_id, const std::string& plan_id,
                                          const std::string& task_id, const TaskPatch& patch) {
  std::optional<std::string> title, description, owner;
  if (patch.title) {
    ASSIGN_OR_RETURN(title, CleanText(*patch.title, "task.title", kMaxTitleChars, true, TextLines::kSingle));
  }
  if (patch.description) {
    ASSIGN_OR_RETURN(description, CleanText(*patch.description, "task.description", kMaxDescriptionChars,
                                            false, TextLines::kMulti));
  }
  if (patch.owner) {
    ASSIGN_OR_RETURN(owner, CleanText(*patch.owner, "task.owner", kMaxNameChars, false, TextLines::kSingle));
  }
  if (patch.par_field) RETURN_IF_ERROR(ValidateParField(*patch.par_field, "task.par_field"));
  if (patch.status && *patch.status == TaskStatus::kUnspecified) {
    return InvalidField("task.status", "bắt buộc (required)");
  }
  Task result;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    // The plan row is locked so a concurrent close cannot be overtaken.
    ASSIGN_OR_RETURN(Plan plan, store_.GetPlan(school_id, plan_id, Lock::kForUpdate));
    RETURN_IF_ERROR(CheckPlanOpen(plan));
    ASSIGN_OR_RETURN(Task task, store_.GetTask(school_id, plan_id, task_id, Lock::kForUpdate));
    absl::Time now = NowMicros(clock_);
    if (patch.due_date && *patch.due_date != task.due_date && !task.directive.empty()) {
      return absl::FailedPreconditionError(
          "Hạn của nhiệm vụ theo chỉ đạo do cấp trên giao, trường không thể đổi (a directive's "
          "due date is set by the authority)");
    }
    if (patch.status) RETURN_IF_ERROR(ApplyStatus(task, *patch.status, now));
    if (title) task.title = *title;
    if (description) task.description = *description;
    if (owner) task.owner = *owner;
    if (patch.par_field) task.par_field = *patch.par_field;
    if (patch.due_date) task.due_date = *patch.due_date;
    task.update_time = now;
    RETURN_IF_ERROR(store_.UpdateTask(task));
    result = std::move(task);
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<ProgressUpdate> PlanBook::AddProgressUpdate(const std::string& school_id,
                                                           const std::string& plan_id,
                                                           const std::string& task_id,
                                                           const std::string& author,
                                                           const NewProgress& progress) {
  ProgressUpdate update;
  update.school_id = school_id;
  update.plan_id = plan_id;
  update.task_id = task_id;
  update.author = author;
  RETURN_IF_ERROR(ValidatePercent(progress.percent_done, "progress_update.percent_done"));
  update.percent_done = progress.percent_done;
  ASSIGN_OR_RETURN(update.note, CleanText(progress.note, "progress_update.note", kMaxDescriptionChars, false,
                                          TextLines::kMulti));
  ASSIGN_OR_RETURN(update.evidence, CleanEvidence(progress.evidence, "progress_update.evidence"));
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    // The plan row is locked so a concurrent close cannot be overtaken.
    ASSIGN_OR_RETURN(Plan plan, store_.GetPlan(school_id, plan_id, Lock::kForUpdate));
    RETURN_IF_ERROR(CheckPlanOpen(plan));
    ASSIGN_OR_RETURN(Task task, store_.GetTask(school_id, plan_id, task_id, Lock::kForUpdate));
    if (task.status == TaskStatus::kDone) {
      return absl::FailedPreconditionError(
          "Nhiệm vụ đã hoàn thành, không nhận thêm cập nhật tiến độ (the task is already done)");
    }
    if (task.status == TaskStatus::kCancelled) {
      return absl::FailedPreconditionError(
          "Nhiệm vụ đã hủy, không nhận cập nhật tiến độ (the task is cancelled)");
    }
    absl::Time now = NowMicros(clock_);
    update.number = task.progress_count + 1;
    update.create_time = now;
    task.progress_count = update.number;
    task.percent_done = update.percent_done;
    if (update.percent_done == 100) {
      task.status = TaskStatus::kDone;
      task.complete_time = now;
    } else if (update.percent_done > 0) {
      task.status = TaskStatus::kInProgress;
    }
    task.update_time = now;
    RETURN_IF_ERROR(store_.InsertProgressUpdate(update));
    return store_.UpdateTask(task);
  }));
  return update;
}

absl::StatusOr<Page<ProgressUpdate>> PlanBook::ListProgressUpdates(const std::string& school_id,
                                                                   const std::string& plan_id,
                                                                   const std::string& task_id, int page_size,
                                                                   absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest request,
                   platform::ParsePageRequest(page_size, page_token, kDefaultPageSize, kMaxPageSize));
  int after = 0;
  if (!request.after.empty() && (!absl::SimpleAtoi(request.after, &after) || after < 0)) {
    return platform::InvalidPageToken();
  }
  RETURN_IF_ERROR(store_.GetTask(school_id, plan_id, task_id, Lock::kNone).status());
  ASSIGN_OR_RETURN(std::vector<ProgressUpdate> updates,
                   store_.ListProgressUpdates(school_id, plan_id, task_id, after, request.fetch_limit()));
  return platform::MakePage(std::move(updates), request.size,
                            [](const ProgressUpdate& u) { return absl::StrCat(u.number); });
}

}  // namespace parhub::tasks
