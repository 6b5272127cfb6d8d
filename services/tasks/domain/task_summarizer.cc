// Period summaries of a school's tasks.
#include "services/tasks/domain/task_summarizer.h"

#include <map>

#include "platform/core/date.h"
#include "platform/core/errors.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"

namespace parhub::tasks {

void TaskSummarizer::AddWork(TaskSummary& summary, const WorkCounts& work) {
  summary.completed_in_period = work.completed;
  summary.progressed_in_period = work.progressed_tasks;
  summary.progress_entries_in_period = work.entries;
  summary.evidence_in_period = work.evidence;
}

absl::StatusOr<TaskSummary> TaskSummarizer::Summarize(const std::string& school_id, Date start, Date end) {
  if (start.IsSet() && end.IsSet() && start > end) {
    return platform::InvalidField("period_end", "phải sau ngày bắt đầu (must not be before period_start)");
  }
  ASSIGN_OR_RETURN(std::vector<Task> tasks, store_.ListSchoolTasksDue(school_id, start, end));
  TaskSummary summary = Count(school_id, tasks, platform::LocalDate(clock_()));
  // Work done: the same grouped count the batch uses, for one school.
  ASSIGN_OR_RETURN(std::vector<WorkCounts> work, store_.CountSchoolsWork({school_id}, start, end));
  for (const WorkCounts& w : work) {
    if (w.school_id == school_id) AddWork(summary, w);
  }
  return summary;
}

absl::StatusOr<std::vector<TaskSummary>> TaskSummarizer::SummarizeSchools(
    const std::vector<std::string>& school_ids, Date start, Date end) {
  RETURN_IF_ERROR(platform::CheckSchoolBatch(school_ids));
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < school_ids.size(); ++i) position.emplace(school_ids[i], i);
  if (start.IsSet() && end.IsSet() && start > end) {
    return platform::InvalidField("period_end", "phải sau ngày bắt đầu (must not be before period_start)");
  }
  ASSIGN_OR_RETURN(std::vector<TaskSummary> counted,
                   store_.SummarizeSchoolsDue(school_ids, start, end, platform::LocalDate(clock_())));
  std::vector<TaskSummary> out(school_ids.size());
  for (size_t i = 0; i < school_ids.size(); ++i) out[i].school_id = school_ids[i];
  for (TaskSummary& summary : counted) {
    auto it = position.find(summary.school_id);
    if (it == position.end()) continue;  // the store answers only what was asked
    std::vector<ParFieldCount> fields;
    for (const std::string& code : ParFieldCodes()) {
      for (const ParFieldCount& count : summary.by_par_field) {
        if (count.par_field == code) fields.push_back(count);
      }
    }
    summary.by_par_field = std::move(fields);
    out[it->second] = std::move(summary);
  }
  ASSIGN_OR_RETURN(std::vector<WorkCounts> work, store_.CountSchoolsWork(school_ids, start, end));
  for (const WorkCounts& w : work) {
    auto it = position.find(w.school_id);
    if (it != position.end()) AddWork(out[it->second], w);
  }
  return out;
}

TaskSummary TaskSummarizer::Count(const std::string& school_id, const std::vector<Task>& tasks, Date today) {
  TaskSummary summary;
  summary.school_id = school_id;
  std::map<std::string, ParFieldCount> by_field;
  int64_t percent_sum = 0;
  for (const Task& task : tasks) {
    if (task.status == TaskStatus::kCancelled) {
      ++summary.cancelled;
      continue;
    }
    ++summary.total;
    percent_sum += task.percent_done;
    switch (task.status) {
      case TaskStatus::kInProgress:
        ++summary.in_progress;
        break;
      case TaskStatus::kDone:
        ++summary.done;
        break;
      default:
        ++summary.not_started;
        break;
    }
    switch (TimelinessOf(task, today)) {
      case Timeliness::kOverdue:
        ++summary.overdue;
        break;
      case Timeliness::kDoneOnTime:
        ++summary.done_on_time;
        break;
      case Timeliness::kDoneLate:
        ++summary.done_late;
        break;
      default:
        break;
    }
    if (!task.par_field.empty()) {
      ParFieldCount& count = by_field[task.par_field];
      count.par_field = task.par_field;
      ++count.total;
      if (task.status == TaskStatus::kDone) ++count.done;
    }
  }
  if (summary.total > 0) {
    summary.average_percent_done = static_cast<double>(percent_sum) / summary.total;
  }
  for (const std::string& code : ParFieldCodes()) {
    auto it = by_field.find(code);
    if (it != by_field.end()) summary.by_par_field.push_back(it->second);
  }
  return summary;
}

}  // namespace parhub::tasks
