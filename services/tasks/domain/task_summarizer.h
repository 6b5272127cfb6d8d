// TaskSummarizer: one school's task figures for a period, as reporting and
// the authority dashboards pull them. A task belongs to the period when its
// due date falls in it. "Done on time" means completed (local date) on or
// before the due date; overdue is derived from today's local date.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_TASK_SUMMARIZER_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_TASK_SUMMARIZER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/tasks/domain/model.h"
#include "services/tasks/domain/task_store.h"

namespace parhub::tasks {

struct ParFieldCount final {
  std::string par_field;
  int total = 0;  // not cancelled
  int done = 0;
};

struct TaskSummary final {
  std::string school_id;
  int total = 0;  // cancelled excluded
  int not_started = 0;
  int in_progress = 0;
  int done = 0;
  int cancelled = 0;
  int overdue = 0;
  int done_on_time = 0;
  int done_late = 0;
  double average_percent_done = 0;          // over non-cancelled tasks
  std::vector<ParFieldCount> by_par_field;  // fields with tasks, in PAR order
};

class TaskSummarizer final {
 public:
  TaskSummarizer(TaskStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Tasks of every plan of the school due in [start, end]; unset bounds are
  // open (both unset: every task, with or without a due date).
  absl::StatusOr<TaskSummary> Summarize(const std::string& school_id, Date start, Date end);

  // The counting itself, pure.
  static TaskSummary Count(const std::string& school_id, const std::vector<Task>& tasks, Date today);

 private:
  TaskStore& store_;
  Clock clock_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_TASK_SUMMARIZER_H_
