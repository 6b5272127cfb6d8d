// TaskStore: what the tasks domain needs from storage. The MySQL
// implementation lives in store/; tests use an in-memory one. Every read and
// write is scoped by the owning school (directives: the authority).
//
// Errors: NOT_FOUND for missing rows, ALREADY_EXISTS for duplicate keys
// (including a task code already used in its plan), UNAVAILABLE when the
// database cannot be reached.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_TASK_STORE_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_TASK_STORE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/tasks/domain/model.h"

namespace parhub::tasks {

// Whether a read locks the row until the surrounding Atomically ends.
enum class Lock { kNone, kForUpdate };

// Plans are listed newest year first, then by id.
struct PlanCursor final {
  int year = 0;
  std::string plan_id;
};

// Tasks are listed by (CodeSortKey(code), code).
struct TaskCursor final {
  std::string code;
};

// Directives are listed newest first, then by id.
struct DirectiveCursor final {
  absl::Time create_time;
  std::string directive_id;
};

// Progress updates are listed by (plan_id, task_id, number).
struct ProgressCursor final {
  std::string plan_id;
  std::string task_id;
  int number = 0;
};

// Filters of a progress listing; all must hold.
struct ProgressQuery final {
  std::string plan_id;              // "": every plan of the school
  std::string task_id;              // "": every task (of the plan)
  Date done_from;                   // unset: no bound (inclusive)
  Date done_to;                     // unset: no bound (inclusive)
  bool exclude_superseded = false;  // leave out updates a correction superseded
};

// Filters of a task listing; all must hold.
struct TaskQuery final {
  std::vector<TaskStatus> statuses;  // empty: any
  std::string owner;                 // "": any
  Date due_after;                    // unset: no bound (inclusive)
  Date due_before;                   // unset: no bound (inclusive)
  bool overdue_only = false;         // open and due before `today`
  Date today;                        // local date used by overdue_only
};

class TaskStore {
 public:
  virtual ~TaskStore() = default;

  // Runs `fn` so that all its store calls commit together or not at all.
  // Nested calls join the outer one.
  virtual absl::Status Atomically(const std::function<absl::Status()>& fn) = 0;

  virtual absl::Status InsertPlan(const Plan& plan) = 0;
  virtual absl::StatusOr<Plan> GetPlan(absl::string_view school_id, absl::string_view plan_id, Lock lock) = 0;
  // Replaces the stored plan's mutable fields.
  virtual absl::Status UpdatePlan(const Plan& plan) = 0;
  // `year` 0: every year; archived plans only with `include_archived`. At
  // most `limit` plans after `after`.
  virtual absl::StatusOr<std::vector<Plan>> ListPlans(absl::string_view school_id, int year,
                                                      bool include_archived,
                                                      const std::optional<PlanCursor>& after, int limit) = 0;

  virtual absl::Status InsertTask(const Task& task) = 0;
  virtual absl::StatusOr<Task> GetTask(absl::string_view school_id, absl::string_view plan_id,
                                       absl::string_view task_id, Lock lock) = 0;
  // Replaces the stored task's mutable fields.
  virtual absl::Status UpdateTask(const Task& task) = 0;
  virtual absl::StatusOr<std::vector<Task>> ListTasks(absl::string_view school_id, absl::string_view plan_id,
                                                      const TaskQuery& query,
                                                      const std::optional<TaskCursor>& after, int limit) = 0;
  // Every task of the school (all plans) due within [from, to]; an unset
  // bound is open, and with both unset tasks without a due date count too.
  virtual absl::StatusOr<std::vector<Task>> ListSchoolTasksDue(absl::string_view school_id, Date from,
                                                               Date to) = 0;

  // The summaries of the schools' tasks due within [from, to] (as
  // ListSchoolTasksDue), counted in one query grouped by school; overdue
  // and lateness as of `today`. Schools without such tasks may be absent;
  // by_par_field in any order.
  virtual absl::StatusOr<std::vector<TaskSummary>> SummarizeSchoolsDue(
      const std::vector<std::string>& school_ids, Date from, Date to, Date today) = 0;

  // The schools' work done within [from, to] (unset bounds open), counted
  // in one grouped query: tasks not cancelled whose DoneOn falls in it, and
  // progress updates not superseded whose done_on does. Schools without
  // such work may be absent.
  virtual absl::StatusOr<std::vector<WorkCounts>> CountSchoolsWork(const std::vector<std::string>& school_ids,
                                                                   Date from, Date to) = 0;

  // Inserts the update and its evidence (supersedes as given; superseded_by
  // is derived on reads from the correction that names it).
  virtual absl::Status InsertProgressUpdate(const ProgressUpdate& update) = 0;
  // Ordered by (plan_id, task_id, number), after `after`, with evidence and
  // superseded_by filled.
  virtual absl::StatusOr<std::vector<ProgressUpdate>> ListProgressUpdates(
      absl::string_view school_id, const ProgressQuery& query, const std::optional<ProgressCursor>& after,
      int limit) = 0;

  virtual absl::Status InsertDirective(const Directive& directive) = 0;
  virtual absl::StatusOr<Directive> GetDirective(absl::string_view authority_id,
                                                 absl::string_view directive_id) = 0;
  virtual absl::StatusOr<std::vector<Directive>> ListDirectives(absl::string_view authority_id,
                                                                const std::optional<DirectiveCursor>& after,
                                                                int limit) = 0;
  virtual absl::Status InsertDirectiveTarget(const DirectiveTarget& target) = 0;
  // The task each target school received, ordered by school id.
  virtual absl::StatusOr<std::vector<Task>> ListDirectiveTasks(absl::string_view authority_id,
                                                               absl::string_view directive_id) = 0;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_TASK_STORE_H_
