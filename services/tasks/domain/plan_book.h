// PlanBook: a school's plans, their tasks and the progress reported on them.
// It enforces the rules (validation, code uniqueness per plan, status
// transitions, issue dates within the plan's year, progress only on open
// tasks and never dropping except by a correction, done-on dates, closed and
// archived plans are read-only) and derives what must never be stored stale
// (overdue). Callers check access
// first (access.h); PlanBook trusts the school id it is given.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_PLAN_BOOK_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_PLAN_BOOK_H_

#include <optional>
#include <string>
#include <utility>
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
  NewProgress() = default;
  NewProgress(int percent, std::string note_text, std::vector<Evidence> items, Date done = {},
              int corrects = 0)
      : percent_done(percent),
        note(std::move(note_text)),
        evidence(std::move(items)),
        done_on(done),
        supersedes(corrects) {}

  int percent_done = 0;
  std::string note;
  std::vector<Evidence> evidence;
  Date done_on;        // unset: today, or the superseded update's day
  int supersedes = 0;  // number of the update of the same task it corrects
};

// Filters of ListProgressUpdates.
struct ProgressFilter final {
  Date done_after;   // unset: no bound (inclusive)
  Date done_before;  // unset: no bound (inclusive)
  bool exclude_superseded = false;
};

// "-" as a plan or task id in ListProgressUpdates: every one (AIP-159).
inline constexpr char kAnyId[] = "-";

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
  // Newest year first; `year` 0 lists every year. Archived plans only with
  // `include_archived`.
  absl::StatusOr<Page<Plan>> ListPlans(const std::string& school_id, int year, int page_size,
                                       absl::string_view page_token, bool include_archived = false);
  // Status moves draft → active → closed → archived; closed or archived →
  // active reopens, archived → closed takes it out of the archive. The issue
  // date must fall in the plan's year or the last quarter before it.
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

  // Appends a progress update by `author`. The task then takes the percent
  // of its latest update in force (by done_on, then number): 100 % marks it
  // done on that update's done_on, above 0 % in progress. An ordinary update
  // may not lower the percent, be done before the latest update in force,
  // or go to a done task; a correction (`supersedes`) may, and a correction
  // of the update that completed a task reopens it. Cancelled tasks take no
  // updates. done_on: not in the future, not before the plan's issue date.
  absl::StatusOr<ProgressUpdate> AddProgressUpdate(const std::string& school_id, const std::string& plan_id,
                                                   const std::string& task_id, const std::string& author,
                                                   const NewProgress& progress);
  // Oldest first within a task. `plan_id` and/or `task_id` kAnyId read
  // across the plan's tasks or the school's plans (then ordered by plan id,
  // task id, number).
  absl::StatusOr<Page<ProgressUpdate>> ListProgressUpdates(const std::string& school_id,
                                                           const std::string& plan_id,
                                                           const std::string& task_id, int page_size,
                                                           absl::string_view page_token,
                                                           const ProgressFilter& filter = {});

 private:
  absl::Status CheckPlanOpen(const Plan& plan) const;
  // Every update of a task, oldest first, with superseded_by.
  absl::StatusOr<std::vector<ProgressUpdate>> TaskHistory(const std::string& school_id,
                                                          const std::string& plan_id,
                                                          const std::string& task_id);
  absl::Status ApplyStatus(Task& task, TaskStatus status, absl::Time now) const;

  TaskStore& store_;
  Clock clock_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_PLAN_BOOK_H_
