// The tasks domain's vocabulary: plans (kế hoạch), their tasks (nhiệm vụ),
// append-only progress updates with evidence (minh chứng), and directives
// (công văn, chỉ đạo) an authority sends to its schools. Plain structs; the
// rules that govern them live in PlanBook, DirectiveDesk and TaskSummarizer.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_MODEL_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_MODEL_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "platform/core/date.h"

namespace parhub::tasks {

using ::parhub::platform::Date;

// Source of the current time; tests substitute a fixed one. Results are
// truncated to microseconds so every store keeps them exactly.
using Clock = std::function<absl::Time()>;

// Values match the proto enums (stored as numbers).
enum class PlanStatus { kUnspecified = 0, kDraft = 1, kActive = 2, kClosed = 3, kArchived = 4 };
enum class TaskStatus { kUnspecified = 0, kNotStarted = 1, kInProgress = 2, kDone = 3, kCancelled = 4 };
enum class Timeliness {
  kUnspecified = 0,
  kWithinDeadline = 1,
  kOverdue = 2,
  kDoneOnTime = 3,
  kDoneLate = 4,
  kCancelled = 5,
};

struct Plan final {
  std::string school_id;
  std::string plan_id;
  std::string number;  // "13/KH-MN2010"; may be empty while drafting
  int year = 0;
  std::string title;
  Date issue_date;  // unset when not issued yet
  std::string issuer;
  std::vector<std::string> directive_refs;
  PlanStatus status = PlanStatus::kUnspecified;
  int task_count = 0;  // computed by the store on reads
  absl::Time create_time;
  absl::Time update_time;
};

struct Task final {
  std::string school_id;
  std::string plan_id;
  std::string task_id;
  std::string code;  // "1.5", unique within the plan
  std::string title;
  std::string description;
  std::string par_field;  // one of ParFieldCodes(), or ""
  std::string owner;
  Date due_date;  // unset: no deadline (never overdue)
  TaskStatus status = TaskStatus::kUnspecified;
  int percent_done = 0;
  std::optional<absl::Time> complete_time;
  Date done_on;            // local day the work was finished; set when done
  std::string directive;   // "authorities/{a}/directives/{d}" or ""
  int progress_count = 0;  // progress updates so far; the next one's number - 1
  absl::Time create_time;
  absl::Time update_time;
};

struct Evidence final {
  std::string document_number;
  std::string title;
  std::string uri;
  std::string sha256;  // 64 lowercase hex digits, or ""
};

struct ProgressUpdate final {
  std::string school_id;
  std::string plan_id;
  std::string task_id;
  int number = 0;  // 1, 2, … in the order recorded
  std::string author;
  int percent_done = 0;
  std::string note;
  std::vector<Evidence> evidence;
  absl::Time create_time;
  Date done_on;           // local day the work was done (≤ the day recorded)
  int supersedes = 0;     // number of the update this one corrects, or 0
  int superseded_by = 0;  // derived on reads: the correction's number, or 0
};

struct Directive final {
  std::string authority_id;
  std::string directive_id;
  std::string number;  // "953/UBND-NV"
  std::string title;
  std::string description;
  Date issue_date;
  Date due_date;
  std::string par_field;
  int school_count = 0;
  absl::Time create_time;
};

// Where a directive landed in one school.
struct DirectiveTarget final {
  std::string authority_id;
  std::string directive_id;
  std::string school_id;
  std::string plan_id;
  std::string task_id;
};

// Counts of one PAR field in a summary.
struct ParFieldCount final {
  std::string par_field;
  int total = 0;  // not cancelled
  int done = 0;
};

// One school's task figures for a period (TaskSummarizer).
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
  // Work done in the period (WorkCounts), whatever the due dates.
  int completed_in_period = 0;
  int progressed_in_period = 0;
  int progress_entries_in_period = 0;
  int evidence_in_period = 0;
};

// One school's work done in a period: tasks finished (done_on) and progress
// updates in force (not superseded) done in it. Counted by the store in one
// grouped query for any number of schools (TaskStore::CountSchoolsWork).
struct WorkCounts final {
  std::string school_id;
  int completed = 0;         // tasks, not cancelled, done_on in the period
  int progressed_tasks = 0;  // tasks with ≥ 1 update in force done in it
  int entries = 0;           // updates in force done in it
  int evidence = 0;          // their evidence items
};

// The PAR Index fields a task can serve, in the index's order.
const std::vector<std::string>& ParFieldCodes();
bool IsParFieldCode(absl::string_view code);

// "authorities/{a}/directives/{d}".
std::string DirectiveName(absl::string_view authority_id, absl::string_view directive_id);

// Open = neither done nor cancelled.
bool IsOpen(TaskStatus status);
// Derived, never stored: open, has a due date, and `today` (local) is past it.
bool IsOverdue(const Task& task, Date today);
// Lateness of a task against its due date as of `today`; a done task is
// judged on DoneOn.
Timeliness TimelinessOf(const Task& task, Date today);
// The local day a done task was finished: done_on, else complete_time's
// local date (rows completed before done_on existed); unset if neither.
Date DoneOn(const Task& task);
// Read-only plans: closed or archived.
bool IsPlanLocked(PlanStatus status);

// Sort key that orders task codes naturally ("1.2" before "1.10"): every run
// of digits is left-padded with zeros to ten digits.
std::string CodeSortKey(absl::string_view code);

// `clock()` truncated to microseconds.
absl::Time NowMicros(const Clock& clock);

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_MODEL_H_
