// PlanBook: a school's plans, their tasks and the progress reported on them.
// It enforces the rules (validation, code uniqueness per plan, status
// transitions, progress only on open tasks, closed plans are read-only) and
// derives what must never be stored stale (overdue). Callers check access
// first (access.h); PlanBook trusts the school id it is given.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_PLAN_BOOK_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_PLAN_BOOK_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "platform/core/page.h"
#include "services/tasks/domain/model.h"
#include "services/tasks/domain/task_store.h"

namespace parhub::tasks {

// List page sizes.
inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;

using ::parhub::platform::Page;

struct NewPlan final {
  std::string plan_id;
  std::string number;
  int year = 0;
  std::string title;
  Date issue_date;
  std::string issuer;
  std::vector<std::string> directive_refs;
  PlanStatus status = PlanStatus::kUnspecified;  // unspecified: draft
};

// Fields to change; unset optionals stay as they are.
struct PlanPatch final {
  std::optional<std::string> title;
  std::optional<std::string> issuer;
  std::optional<Date> issue_date;
  std::optional<std::vector<std::string>> directive_refs;
  std::optional<PlanStatus> status;
};

struct NewTask final {
  std::string code;
  std::string title;
  std::string description;
  std::string par_field;
  std::string owner;
  Date due_date;
  TaskStatus status = TaskStatus::kUnspecified;  // unspecified: not started
  int percent_done = 0;
};

struct TaskPatch final {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> par_field;
  std::optional<std::string> owner;
  std::optional<Date> due_date;  // an unset Date clears the due date
  std::optional<TaskStatus> status;
};

struct NewProgress final {
  int percent_done = 0;
  std::string note;
  std::vector<Evidence> evidence;
};

// A template instantiation's parameters.
struct TemplateInstance final {
  std::string template_id;
  std::string plan_id;
  int year = 0;
  std::string number;
  Date issue_date;
  std::string issuer;
};

class PlanBook final {
 public:
  PlanBook(TaskStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Today's date in Vietnam, for deriving overdue.
  Date Today() const;

  absl::StatusOr<Plan> CreatePlan(const std::string& school_id, const NewPlan& plan);
  absl::StatusOr<Plan> GetPlan(const std::string& school_id, const std::string& plan_id);
  // Newest year first; `year` 0 lists every year.
  absl::StatusOr<Page<Plan>> ListPlans(const std::string& school_id, int year, int page_size,
                                       absl::string_view page_token);
  // Status moves draft → active → closed, and closed → active to reopen.
  absl::StatusOr<Plan> UpdatePlan(const std::string& school_id, const std::string& plan_id,
                                  const PlanPatch& patch);
  // Creates a plan and every task of a template, due dates in `year`.
  absl::StatusOr<Plan> InstantiateTemplate(const std::string& school_id, const TemplateInstance& instance);

  absl::StatusOr<Task> CreateTask(const std::string& school_id, const std::string& plan_id,
                                  const NewTask& task);
  absl::StatusOr<Task> GetTask(const std::string& school_id, const std::string& plan_id,
                               const std::string& task_id);
  // Ordered by code ("1.2" before "1.10"); `query.today` is filled here.
  absl::StatusOr<Page<Task>> ListTasks(const std::string& school_id, const std::string& plan_id,
                                       TaskQuery query, int page_size, absl::string_view page_token);
  // Done sets 100 % and the completion time; done and cancelled are final.
  // A directive's task keeps the authority's due date and can't be cancelled.
  absl::StatusOr<Task> UpdateTask(const std::string& school_id, const std::string& plan_id,
                                  const std::string& task_id, const TaskPatch& patch);

  // Appends a progress update by `author`. 100 % marks the task done; a first
  // update above 0 % starts it. Done or cancelled tasks take no updates.
  absl::StatusOr<ProgressUpdate> AddProgressUpdate(const std::string& school_id, const std::string& plan_id,
                                                   const std::string& task_id, const std::string& author,
                                                   const NewProgress& progress);
  // Oldest first.
  absl::StatusOr<Page<ProgressUpdate>> ListProgressUpdates(const std::string& school_id,
                                                           const std::string& plan_id,
                                                           const std::string& task_id, int page_size,
                                                           absl::string_view page_token);

 private:
  absl::Status CheckPlanOpen(const Plan& plan) const;
  absl::Status ApplyStatus(Task& task, TaskStatus status, absl::Time now) const;

  TaskStore& store_;
  Clock clock_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_PLAN_BOOK_H_
