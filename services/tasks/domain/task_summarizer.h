// TaskSummarizer: one school's task figures for a period, as reporting and
// the authority dashboards pull them, or many schools' at once for the
// gateway's roll-ups (counted by the store in one grouped query). A task
// belongs to the period when its due date falls in it. "Done on time" means
// finished (its done_on day) on or before the due date; overdue is derived
// from today's local date. Alongside what was due, the work done in the
// period whatever the due dates (WorkCounts): counted by one store query for
// one school or many, so SummarizeTasks and the roll-ups agree.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_TASK_SUMMARIZER_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_TASK_SUMMARIZER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/school_batch.h"
#include "services/tasks/domain/model.h"
#include "services/tasks/domain/task_store.h"

namespace parhub::tasks {

class TaskSummarizer final {
 public:
  TaskSummarizer(TaskStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Tasks of every plan of the school due in [start, end]; unset bounds are
  // open (both unset: every task, with or without a due date).
  absl::StatusOr<TaskSummary> Summarize(const std::string& school_id, Date start, Date end);

  // The summaries of `school_ids` (platform::CheckSchoolBatch), in
  // that order; a school without tasks in the period has all counts zero.
  absl::StatusOr<std::vector<TaskSummary>> SummarizeSchools(const std::vector<std::string>& school_ids,
                                                            Date start, Date end);
  static constexpr int kMaxBatchSchools = platform::kMaxBatchSchools;

  // The counting itself, pure (the due-in-period figures).
  static TaskSummary Count(const std::string& school_id, const std::vector<Task>& tasks, Date today);
  // Copies the work done in the period into the summary.
  static void AddWork(TaskSummary& summary, const WorkCounts& work);

 private:
  TaskStore& store_;
  Clock clock_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_TASK_SUMMARIZER_H_
