// In-memory TaskStore for unit tests.
#include "services/tasks/tests/in_memory_task_store.h"

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

#include "platform/core/status_macros.h"
#include "services/tasks/domain/task_summarizer.h"

namespace parhub::tasks::testing {
namespace {

absl::Status PlanNotFound() { return absl::NotFoundError("Không tìm thấy kế hoạch (plan not found)"); }
absl::Status TaskNotFound() { return absl::NotFoundError("Không tìm thấy nhiệm vụ (task not found)"); }

bool DueWithin(const Task& task, Date from, Date to) {
  if (!from.IsSet() && !to.IsSet()) return true;
  if (!task.due_date.IsSet()) return false;
  if (from.IsSet() && task.due_date < from) return false;
  if (to.IsSet() && task.due_date > to) return false;
  return true;
}

}  // namespace

absl::Status InMemoryTaskStore::Atomically(const std::function<absl::Status()>& fn) {
  if (depth_ > 0) return fn();
  State snapshot = state_;
  ++depth_;
  absl::Status status = fn();
  --depth_;
  if (!status.ok()) state_ = std::move(snapshot);
  return status;
}

absl::Status InMemoryTaskStore::InsertPlan(const Plan& plan) {
  if (!state_.plans.emplace(Key2{plan.school_id, plan.plan_id}, plan).second) {
    return absl::AlreadyExistsError("duplicate plan");
  }
  return absl::OkStatus();
}

absl::StatusOr<Plan> InMemoryTaskStore::GetPlan(absl::string_view school_id, absl::string_view plan_id,
                                                Lock) {
  auto it = state_.plans.find(Key2{std::string(school_id), std::string(plan_id)});
  if (it == state_.plans.end()) return PlanNotFound();
  Plan plan = it->second;
  plan.task_count = 0;
  for (const auto& [key, task] : state_.tasks) {
    if (task.school_id == school_id && task.plan_id == plan_id) ++plan.task_count;
  }
  return plan;
}

absl::Status InMemoryTaskStore::UpdatePlan(const Plan& plan) {
  auto it = state_.plans.find(Key2{plan.school_id, plan.plan_id});
  if (it == state_.plans.end()) return PlanNotFound();
  it->second = plan;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Plan>> InMemoryTaskStore::ListPlans(absl::string_view school_id, int year,
                                                               bool include_archived,
                                                               const std::optional<PlanCursor>& after,
                                                               int limit) {
  std::vector<Plan> out;
  for (const auto& [key, plan] : state_.plans) {
    if (plan.school_id != school_id || (year != 0 && plan.year != year)) continue;
    if (!include_archived && plan.status == PlanStatus::kArchived) continue;
    if (after && !(plan.year < after->year || (plan.year == after->year && plan.plan_id > after->plan_id))) {
      continue;
    }
    out.push_back(*GetPlan(plan.school_id, plan.plan_id, Lock::kNone));
  }
  std::sort(out.begin(), out.end(), [](const Plan& a, const Plan& b) {
    return a.year != b.year ? a.year > b.year : a.plan_id < b.plan_id;
  });
  if (static_cast<int>(out.size()) > limit) out.resize(limit);
  return out;
}

absl::Status InMemoryTaskStore::InsertTask(const Task& task) {
  if (before_insert_task) {
    absl::Status hook = before_insert_task(task);
    if (!hook.ok()) return hook;
  }
  for (const auto& [key, other] : state_.tasks) {
    if (other.school_id == task.school_id && other.plan_id == task.plan_id && other.code == task.code) {
      return absl::AlreadyExistsError("duplicate task code");
    }
  }
  if (!state_.tasks.emplace(Key3{task.school_id, task.plan_id, task.task_id}, task).second) {
    return absl::AlreadyExistsError("duplicate task id");
  }
  return absl::OkStatus();
}

absl::StatusOr<Task> InMemoryTaskStore::GetTask(absl::string_view school_id, absl::string_view plan_id,
                                                absl::string_view task_id, Lock) {
  auto it = state_.tasks.find(Key3{std::string(school_id), std::string(plan_id), std::string(task_id)});
  if (it == state_.tasks.end()) return TaskNotFound();
  return it->second;
}

absl::Status InMemoryTaskStore::UpdateTask(const Task& task) {
  auto it = state_.tasks.find(Key3{task.school_id, task.plan_id, task.task_id});
  if (it == state_.tasks.end()) return TaskNotFound();
  it->second = task;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Task>> InMemoryTaskStore::ListTasks(absl::string_view school_id,
                                                               absl::string_view plan_id,
                                                               const TaskQuery& query,
                                                               const std::optional<TaskCursor>& after,
                                                               int limit) {
  std::vector<Task> out;
  for (const auto& [key, task] : state_.tasks) {
    if (task.school_id != school_id || task.plan_id != plan_id) continue;
    if (!query.statuses.empty() &&
        std::find(query.statuses.begin(), query.statuses.end(), task.status) == query.statuses.end()) {
      continue;
    }
    if (!query.owner.empty() && task.owner != query.owner) continue;
    if (query.due_after.IsSet() && (!task.due_date.IsSet() || task.due_date < query.due_after)) {
      continue;
    }
    if (query.due_before.IsSet() && (!task.due_date.IsSet() || task.due_date > query.due_before)) {
      continue;
    }
    if (query.overdue_only && !IsOverdue(task, query.today)) continue;
    if (after) {
      auto mine = std::make_pair(CodeSortKey(task.code), task.code);
      auto theirs = std::make_pair(CodeSortKey(after->code), after->code);
      if (!(mine > theirs)) continue;
    }
    out.push_back(task);
  }
  std::sort(out.begin(), out.end(), [](const Task& a, const Task& b) {
    return std::make_pair(CodeSortKey(a.code), a.code) < std::make_pair(CodeSortKey(b.code), b.code);
  });
  if (static_cast<int>(out.size()) > limit) out.resize(limit);
  return out;
}

absl::StatusOr<std::vector<Task>> InMemoryTaskStore::ListSchoolTasksDue(absl::string_view school_id,
                                                                        Date from, Date to) {
  std::vector<Task> out;
  for (const auto& [key, task] : state_.tasks) {
    if (task.school_id == school_id && DueWithin(task, from, to)) out.push_back(task);
  }
  return out;
}

absl::StatusOr<std::vector<TaskSummary>> InMemoryTaskStore::SummarizeSchoolsDue(
    const std::vector<std::string>& school_ids, Date from, Date to, Date today) {
  std::vector<TaskSummary> out;
  for (const std::string& school_id : school_ids) {
    ASSIGN_OR_RETURN(std::vector<Task> tasks, ListSchoolTasksDue(school_id, from, to));
    if (!tasks.empty()) out.push_back(TaskSummarizer::Count(school_id, tasks, today));
  }
  return out;
}

absl::Status InMemoryTaskStore::InsertProgressUpdate(const ProgressUpdate& update) {
  auto key = std::make_tuple(update.school_id, update.plan_id, update.task_id, update.number);
  if (!state_.updates.emplace(key, update).second) {
    return absl::AlreadyExistsError("duplicate progress update");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ProgressUpdate>> InMemoryTaskStore::ListProgressUpdates(
    absl::string_view school_id, const ProgressQuery& query, const std::optional<ProgressCursor>& after,
    int limit) {
  std::vector<ProgressUpdate> out;
  for (const auto& [key, stored] : state_.updates) {  // ordered by plan, task, number
    if (static_cast<int>(out.size()) == limit) break;
    ProgressUpdate update = stored;
    update.superseded_by = 0;
    for (const auto& [other_key, other] : state_.updates) {
      if (other.school_id == update.school_id && other.plan_id == update.plan_id &&
          other.task_id == update.task_id && other.supersedes == update.number) {
        update.superseded_by = other.number;
      }
    }
    if (update.school_id != school_id) continue;
    if (!query.plan_id.empty() && update.plan_id != query.plan_id) continue;
    if (!query.task_id.empty() && update.task_id != query.task_id) continue;
    if (query.done_from.IsSet() && update.done_on < query.done_from) continue;
    if (query.done_to.IsSet() && update.done_on > query.done_to) continue;
    if (query.exclude_superseded && update.superseded_by != 0) continue;
    if (after && std::make_tuple(update.plan_id, update.task_id, update.number) <=
                     std::make_tuple(after->plan_id, after->task_id, after->number)) {
      continue;
    }
    out.push_back(std::move(update));
  }
  return out;
}

absl::StatusOr<std::vector<WorkCounts>> InMemoryTaskStore::CountSchoolsWork(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  auto within = [&](Date day) {
    if (!day.IsSet()) return !from.IsSet() && !to.IsSet();
    return (!from.IsSet() || day >= from) && (!to.IsSet() || day <= to);
  };
  std::vector<WorkCounts> out;
  for (const std::string& school_id : school_ids) {
    WorkCounts w;
    w.school_id = school_id;
    for (const auto& [key, task] : state_.tasks) {
      if (task.school_id == school_id && task.status == TaskStatus::kDone && within(DoneOn(task)))
        ++w.completed;
    }
    ProgressQuery query;
    query.done_from = from;
    query.done_to = to;
    query.exclude_superseded = true;
    ASSIGN_OR_RETURN(std::vector<ProgressUpdate> updates,
                     ListProgressUpdates(school_id, query, std::nullopt, std::numeric_limits<int>::max()));
    std::set<std::pair<std::string, std::string>> tasks;
    for (const ProgressUpdate& u : updates) {
      ++w.entries;
      w.evidence += static_cast<int>(u.evidence.size());
      tasks.emplace(u.plan_id, u.task_id);
    }
    w.progressed_tasks = static_cast<int>(tasks.size());
    if (w.completed > 0 || w.entries > 0) out.push_back(std::move(w));
  }
  return out;
}

absl::Status InMemoryTaskStore::InsertDirective(const Directive& directive) {
  if (!state_.directives.emplace(Key2{directive.authority_id, directive.directive_id}, directive).second) {
    return absl::AlreadyExistsError("duplicate directive");
  }
  return absl::OkStatus();
}

absl::StatusOr<Directive> InMemoryTaskStore::GetDirective(absl::string_view authority_id,
                                                          absl::string_view directive_id) {
  auto it = state_.directives.find(Key2{std::string(authority_id), std::string(directive_id)});
  if (it == state_.directives.end()) {
    return absl::NotFoundError("Không tìm thấy chỉ đạo (directive not found)");
  }
  return it->second;
}

absl::StatusOr<std::vector<Directive>> InMemoryTaskStore::ListDirectives(
    absl::string_view authority_id, const std::optional<DirectiveCursor>& after, int limit) {
  std::vector<Directive> out;
  for (const auto& [key, d] : state_.directives) {
    if (d.authority_id != authority_id) continue;
    if (after && !(d.create_time < after->create_time ||
                   (d.create_time == after->create_time && d.directive_id > after->directive_id))) {
      continue;
    }
    out.push_back(d);
  }
  std::sort(out.begin(), out.end(), [](const Directive& a, const Directive& b) {
    return a.create_time != b.create_time ? a.create_time > b.create_time : a.directive_id < b.directive_id;
  });
  if (static_cast<int>(out.size()) > limit) out.resize(limit);
  return out;
}

absl::Status InMemoryTaskStore::InsertDirectiveTarget(const DirectiveTarget& target) {
  if (!state_.targets.emplace(Key3{target.authority_id, target.directive_id, target.school_id}, target)
           .second) {
    return absl::AlreadyExistsError("duplicate directive target");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Task>> InMemoryTaskStore::ListDirectiveTasks(absl::string_view authority_id,
                                                                        absl::string_view directive_id) {
  std::vector<Task> out;
  for (const auto& [key, target] : state_.targets) {  // ordered by school id
    if (target.authority_id != authority_id || target.directive_id != directive_id) continue;
    auto task = GetTask(target.school_id, target.plan_id, target.task_id, Lock::kNone);
    if (task.ok()) out.push_back(*task);
  }
  return out;
}

}  // namespace parhub::tasks::testing
