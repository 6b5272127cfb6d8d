// An in-memory TaskStore for the domain's unit tests. Atomically() snapshots
// the state and restores it when the callback fails, like a rolled-back
// transaction; ordering and filters mirror the MySQL store's.
#ifndef PARHUB_SERVICES_TASKS_TESTS_IN_MEMORY_TASK_STORE_H_
#define PARHUB_SERVICES_TASKS_TESTS_IN_MEMORY_TASK_STORE_H_

#include <functional>
#include <map>
#include <string>
#include <tuple>

#include "services/tasks/domain/task_store.h"

namespace parhub::tasks::testing {

class InMemoryTaskStore final : public TaskStore {
 public:
  // Called before each task insert; an error fails the insert (for testing
  // that a fan-out is all or nothing).
  std::function<absl::Status(const Task&)> before_insert_task;

  absl::Status Atomically(const std::function<absl::Status()>& fn) override;

  absl::Status InsertPlan(const Plan& plan) override;
  absl::StatusOr<Plan> GetPlan(absl::string_view school_id, absl::string_view plan_id, Lock lock) override;
  absl::Status UpdatePlan(const Plan& plan) override;
  absl::StatusOr<std::vector<Plan>> ListPlans(absl::string_view school_id, int year, bool include_archived,
                                              const std::optional<PlanCursor>& after, int limit) override;

  absl::Status InsertTask(const Task& task) override;
  absl::StatusOr<Task> GetTask(absl::string_view school_id, absl::string_view plan_id,
                               absl::string_view task_id, Lock lock) override;
  absl::Status UpdateTask(const Task& task) override;
  absl::StatusOr<std::vector<Task>> ListTasks(absl::string_view school_id, absl::string_view plan_id,
                                              const TaskQuery& query, const std::optional<TaskCursor>& after,
                                              int limit) override;
  absl::StatusOr<std::vector<Task>> ListSchoolTasksDue(absl::string_view school_id, Date from,
                                                       Date to) override;

  absl::StatusOr<std::vector<TaskSummary>> SummarizeSchoolsDue(const std::vector<std::string>& school_ids,
                                                               Date from, Date to, Date today) override;
  absl::StatusOr<std::vector<WorkCounts>> CountSchoolsWork(const std::vector<std::string>& school_ids,
                                                           Date from, Date to) override;
  absl::Status InsertProgressUpdate(const ProgressUpdate& update) override;
  absl::StatusOr<std::vector<ProgressUpdate>> ListProgressUpdates(absl::string_view school_id,
                                                                  const ProgressQuery& query,
                                                                  const std::optional<ProgressCursor>& after,
                                                                  int limit) override;

  absl::Status InsertDirective(const Directive& directive) override;
  absl::StatusOr<Directive> GetDirective(absl::string_view authority_id,
                                         absl::string_view directive_id) override;
  absl::StatusOr<std::vector<Directive>> ListDirectives(absl::string_view authority_id,
                                                        const std::optional<DirectiveCursor>& after,
                                                        int limit) override;
  absl::Status InsertDirectiveTarget(const DirectiveTarget& target) override;
  absl::StatusOr<std::vector<Task>> ListDirectiveTasks(absl::string_view authority_id,
                                                       absl::string_view directive_id) override;

  int task_count() const { return static_cast<int>(state_.tasks.size()); }
  int plan_count() const { return static_cast<int>(state_.plans.size()); }

 private:
  using Key2 = std::pair<std::string, std::string>;
  using Key3 = std::tuple<std::string, std::string, std::string>;
  struct State {
    std::map<Key2, Plan> plans;
    std::map<Key3, Task> tasks;
    std::map<std::tuple<std::string, std::string, std::string, int>, ProgressUpdate> updates;
    std::map<Key2, Directive> directives;
    std::map<Key3, DirectiveTarget> targets;
  };
  State state_;
  int depth_ = 0;
};

}  // namespace parhub::tasks::testing

#endif  // PARHUB_SERVICES_TASKS_TESTS_IN_MEMORY_TASK_STORE_H_
