// Plans, tasks and progress rules.
#include "services/tasks/domain/plan_book.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
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
  // Anything may be archived; closed and archived plans reopen; archived
  // ones can also go back to closed. Nothing returns to draft.
  bool allowed = (from == PlanStatus::kDraft && to == PlanStatus::kActive) ||
                 (from == PlanStatus::kDraft && to == PlanStatus::kClosed) ||
                 (from == PlanStatus::kActive && to == PlanStatus::kClosed) ||
                 (from == PlanStatus::kClosed && to == PlanStatus::kActive) || to == PlanStatus::kArchived ||
                 (from == PlanStatus::kArchived && to == PlanStatus::kActive) ||
                 (from == PlanStatus::kArchived && to == PlanStatus::kClosed);
  if (allowed) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "Kế hoạch đã ban hành không thể trở về dự thảo (an issued plan cannot return to draft)");
}

// Updates in force (not superseded), in the order the task's percent follows:
// by done_on, then by number; the last one is the task's current state.
std::vector<const ProgressUpdate*> InForce(const std::vector<ProgressUpdate>& history) {
  std::vector<const ProgressUpdate*> out;
  for (const ProgressUpdate& u : history) {
    if (u.superseded_by == 0) out.push_back(&u);
  }
  std::stable_sort(out.begin(), out.end(), [](const ProgressUpdate* a, const ProgressUpdate* b) {
    return a->done_on != b->done_on ? a->done_on < b->done_on : a->number < b->number;
  });
  return out;
}

}  // namespace

Date PlanBook::Today() const { return platform::LocalDate(clock_()); }

absl::Status PlanBook::CheckPlanOpen(const Plan& plan) const {
  if (plan.status == PlanStatus::kClosed) {
    return absl::FailedPreconditionError(
        "Kế hoạch đã kết thúc (khóa sổ), không nhận thêm nhiệm vụ hay tiến độ; mở lại kế hoạch nếu cần "
        "(the plan is closed; reopen it first)");
  }
  if (plan.status == PlanStatus::kArchived) {
    return absl::FailedPreconditionError(
        "Kế hoạch đã lưu trữ, không nhận thêm nhiệm vụ hay tiến độ; mở lại kế hoạch nếu cần "
        "(the plan is archived; reopen it first)");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ProgressUpdate>> PlanBook::TaskHistory(const std::string& school_id,
                                                                  const std::string& plan_id,
                                                                  const std::string& task_id) {
  ProgressQuery query;
  query.plan_id = plan_id;
  query.task_id = task_id;
  return store_.ListProgressUpdates(school_id, query, std::nullopt, std::numeric_limits<int>::max());
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
  RETURN_IF_ERROR(ValidateIssueDate(input.issue_date, input.year, "plan.issue_date"));
  ASSIGN_OR_RETURN(plan.title,
                   CleanText(input.title, "plan.title", kMaxTitleChars, true, TextLines::kSingle));
  plan.issue_date = input.issue_date;
  ASSIGN_OR_RETURN(plan.issuer,
                   CleanText(input.issuer, "plan.issuer", kMaxNameChars, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(plan.directive_refs, CleanDirectiveRefs(input.directive_refs, "plan.directive_refs"));
  plan.status = input.status == PlanStatus::kUnspecified ? PlanStatus::kDraft : input.status;
  if (IsPlanLocked(plan.status)) {
    return InvalidField(
        "plan.status",
        "kế hoạch mới không thể ở trạng thái kết thúc hay lưu trữ (a new plan cannot be closed "
        "or archived)");
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
                                               absl::string_view page_token, bool include_archived) {
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
  ASSIGN_OR_RETURN(std::vector<Plan> plans,
                   store_.ListPlans(school_id, year, include_archived, after, request.fetch_limit()));
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
    if (patch.issue_date) {
      RETURN_IF_ERROR(ValidateIssueDate(*patch.issue_date, plan.year, "plan.issue_date"));
      plan.issue_date = *patch.issue_date;
    }
    if (title) plan.title = *title;
    if (issuer) plan.issuer = *issuer;
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
  RETURN_IF_ERROR(ValidateIssueDate(instance.issue_date, instance.year, "issue_date"));
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
    task.done_on = platform::LocalDate(now);
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
  if (progress.supersedes < 0) {
    return InvalidField("progress_update.supersedes", "không hợp lệ (not a progress update of this task)");
  }
  update.supersedes = progress.supersedes;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    // The plan row is locked so a concurrent close cannot be overtaken.
    ASSIGN_OR_RETURN(Plan plan, store_.GetPlan(school_id, plan_id, Lock::kForUpdate));
    RETURN_IF_ERROR(CheckPlanOpen(plan));
    ASSIGN_OR_RETURN(Task task, store_.GetTask(school_id, plan_id, task_id, Lock::kForUpdate));
    if (task.status == TaskStatus::kCancelled) {
      return absl::FailedPreconditionError(
          "Nhiệm vụ đã hủy, không nhận cập nhật tiến độ (the task is cancelled)");
    }
    ASSIGN_OR_RETURN(std::vector<ProgressUpdate> history, TaskHistory(school_id, plan_id, task_id));
    std::vector<const ProgressUpdate*> in_force = InForce(history);
    const ProgressUpdate* latest = in_force.empty() ? nullptr : in_force.back();
    const ProgressUpdate* corrected = nullptr;
    if (update.supersedes != 0) {
      for (const ProgressUpdate& u : history) {
        if (u.number == update.supersedes) corrected = &u;
      }
      if (corrected == nullptr) {
        return InvalidField("progress_update.supersedes",
                            absl::StrCat("nhiệm vụ không có cập nhật tiến độ số ", update.supersedes,
                                         " (no such progress update of this task)"));
      }
      if (corrected->superseded_by != 0) {
        return absl::FailedPreconditionError(absl::StrCat(
            "Cập nhật số ", corrected->number, " đã được sửa bởi cập nhật số ", corrected->superseded_by,
            "; hãy sửa cập nhật đó (update ", corrected->number, " was already corrected by update ",
            corrected->superseded_by, "; correct that one instead)"));
      }
    } else {
      if (task.status == TaskStatus::kDone) {
        return absl::FailedPreconditionError(
            "Nhiệm vụ đã hoàn thành, không nhận thêm cập nhật tiến độ; nếu cập nhật trước bị nhập sai, hãy "
            "gửi bản sửa thay thế cập nhật đó (the task is already done; to fix a mistaken update, "
            "supersede it)");
      }
      if (update.percent_done < task.percent_done) {
        return InvalidField(
            "progress_update.percent_done",
            absl::StrCat("tiến độ không được giảm: nhiệm vụ đang ở ", task.percent_done, "%, nhận được ",
                         update.percent_done,
                         "%; nếu cập nhật trước bị nhập sai, hãy gửi bản sửa thay thế cập nhật đó (progress "
                         "cannot drop below the task's ",
                         task.percent_done,
                         "%; to fix a mistaken update, send a correction that supersedes it)"));
      }
    }
    const Date today = Today();
    update.done_on = progress.done_on.IsSet() ? progress.done_on
                     : corrected != nullptr   ? corrected->done_on
                                              : today;
    if (update.done_on > today) {
      return InvalidField("progress_update.done_on",
                          absl::StrCat("ngày thực hiện ", update.done_on.ToVietnamese(),
                                       " ở tương lai (must not be after today, ", today.ToIso(), ")"));
    }
    const Date earliest = EarliestWorkDay(plan.issue_date, plan.year);
    if (update.done_on < earliest) {
      return InvalidField(
          "progress_update.done_on",
          absl::StrCat("ngày thực hiện ", update.done_on.ToVietnamese(), " trước ngày ban hành kế hoạch ",
                       earliest.ToVietnamese(), " (must not be before the plan's issue date, ",
                       earliest.ToIso(), ")"));
    }
    if (corrected == nullptr && latest != nullptr && update.done_on < latest->done_on) {
      return InvalidField(
          "progress_update.done_on",
          absl::StrCat("ngày thực hiện ", update.done_on.ToVietnamese(), " trước ngày của cập nhật số ",
                       latest->number, " (", latest->done_on.ToVietnamese(),
                       "); nếu cập nhật đó sai, hãy gửi bản sửa thay thế nó (must not be before the latest "
                       "update's day, ",
                       latest->done_on.ToIso(), "; to fix that update, supersede it)"));
    }
    // A task someone marked done by hand stays done; otherwise it follows
    // its latest update in force.
    const bool done_by_hand =
        task.status == TaskStatus::kDone && (latest == nullptr || latest->percent_done != 100);
    absl::Time now = NowMicros(clock_);
    update.number = task.progress_count + 1;
    update.create_time = now;
    task.progress_count = update.number;
    if (!done_by_hand) {
      std::vector<ProgressUpdate> after = history;
      for (ProgressUpdate& u : after) {
        if (u.number == update.supersedes) u.superseded_by = update.number;
      }
      after.push_back(update);
      const ProgressUpdate& current = *InForce(after).back();
      task.percent_done = current.percent_done;
      if (current.percent_done == 100) {
        if (task.status != TaskStatus::kDone) task.complete_time = now;
        task.status = TaskStatus::kDone;
        task.done_on = current.done_on;
      } else {
        if (task.status == TaskStatus::kDone) {
          task.status = TaskStatus::kInProgress;  // a correction reopened it
          task.complete_time.reset();
          task.done_on = Date{};
        } else if (current.percent_done > 0) {
          task.status = TaskStatus::kInProgress;
        }
      }
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
                                                                   absl::string_view page_token,
                                                                   const ProgressFilter& filter) {
  if (plan_id == kAnyId && task_id != kAnyId) {
    return InvalidField(
        "parent",
        "với mọi kế hoạch (plans/-) thì nhiệm vụ cũng phải là '-' (with plans/-, the task must "
        "be '-' too)");
  }
  if (filter.done_after.IsSet() && filter.done_before.IsSet() && filter.done_after > filter.done_before) {
    return InvalidField("done_before", "phải sau done_after (must not be before done_after)");
  }
  ASSIGN_OR_RETURN(platform::PageRequest request,
                   platform::ParsePageRequest(page_size, page_token, kDefaultPageSize, kMaxPageSize));
  ProgressQuery query;
  query.plan_id = plan_id == kAnyId ? "" : plan_id;
  query.task_id = task_id == kAnyId ? "" : task_id;
  query.done_from = filter.done_after;
  query.done_to = filter.done_before;
  query.exclude_superseded = filter.exclude_superseded;
  // Keys: "<plan>/<task>/<number>"; a bare "<number>" (tokens of one
  // task's listing made before "-" was read) continues that task.
  std::optional<ProgressCursor> after;
  if (!request.after.empty()) {
    std::vector<std::string> parts = absl::StrSplit(request.after, '/');
    ProgressCursor cursor;
    if (parts.size() == 1 && !query.plan_id.empty() && !query.task_id.empty()) {
      cursor = ProgressCursor{query.plan_id, query.task_id, 0};
    } else if (parts.size() == 3 && !parts[0].empty() && !parts[1].empty()) {
      cursor = ProgressCursor{parts[0], parts[1], 0};
    } else {
      return platform::InvalidPageToken();
    }
    if (!absl::SimpleAtoi(parts.back(), &cursor.number) || cursor.number < 0) {
      return platform::InvalidPageToken();
    }
    after = std::move(cursor);
  }
  // An unknown plan or task is NOT_FOUND rather than an empty list.
  if (!query.task_id.empty()) {
    RETURN_IF_ERROR(store_.GetTask(school_id, plan_id, task_id, Lock::kNone).status());
  } else if (!query.plan_id.empty()) {
    RETURN_IF_ERROR(store_.GetPlan(school_id, plan_id, Lock::kNone).status());
  }
  ASSIGN_OR_RETURN(std::vector<ProgressUpdate> updates,
                   store_.ListProgressUpdates(school_id, query, after, request.fetch_limit()));
  return platform::MakePage(std::move(updates), request.size, [](const ProgressUpdate& u) {
    return absl::StrCat(u.plan_id, "/", u.task_id, "/", u.number);
  });
}

}  // namespace parhub::tasks
