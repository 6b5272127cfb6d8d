// DirectiveDesk: an authority's directives (công văn, chỉ đạo) and their
// fan-out. Publishing records the directive and, in the same transaction,
// puts a linked task into every target school's plan "cd-<year>" ("Nhiệm vụ
// theo chỉ đạo của cấp trên năm <year>", created when missing). The authority
// then follows each school's completion and lateness.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_DIRECTIVE_DESK_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_DIRECTIVE_DESK_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/tasks/domain/model.h"
#include "services/tasks/domain/plan_book.h"
#include "services/tasks/domain/task_store.h"

namespace parhub::tasks {

// Upper bound on target schools in one publish (one transaction).
inline constexpr int kMaxDirectiveSchools = 5000;

struct NewDirective final {
  std::string directive_id;
  std::string number;
  std::string title;
  std::string description;
  Date issue_date;  // unset: today
  Date due_date;    // required
  std::string par_field;
  std::vector<std::string> school_ids;
};

struct SchoolDirectiveState final {
  std::string school_id;
  std::string plan_id;
  std::string task_id;
  TaskStatus status = TaskStatus::kUnspecified;
  int percent_done = 0;
  Timeliness timeliness = Timeliness::kUnspecified;
};

struct DirectiveProgress final {
  Directive directive;
  std::vector<SchoolDirectiveState> schools;  // by school id
  int done_count = 0;
  int overdue_count = 0;
};

class DirectiveDesk final {
 public:
  DirectiveDesk(TaskStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // The id of the plan that collects a year's directive tasks in a school.
  static std::string DirectivePlanId(int year);
  static std::string DirectivePlanTitle(int year);

  absl::StatusOr<Directive> Publish(const std::string& authority_id, const NewDirective& input);
  absl::StatusOr<Directive> Get(const std::string& authority_id, const std::string& directive_id);
  // Newest first.
  absl::StatusOr<Page<Directive>> List(const std::string& authority_id, int page_size,
                                       absl::string_view page_token);
  absl::StatusOr<DirectiveProgress> Progress(const std::string& authority_id,
                                             const std::string& directive_id);

 private:
  absl::Status DeliverTo(const Directive& directive, const std::string& school_id);

  TaskStore& store_;
  Clock clock_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_DIRECTIVE_DESK_H_
