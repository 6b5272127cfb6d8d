// Directive publishing, fan-out to schools and per-school progress.
#include "services/tasks/domain/directive_desk.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/date.h"
#include "platform/core/errors.h"
#include "platform/core/page.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/tasks/domain/validation.h"

namespace parhub::tasks {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

// Task codes to try for the directive's task in a school, most readable
// first: the document number without spaces, then the directive's id.
std::vector<std::string> CandidateCodes(const Directive& directive) {
  std::vector<std::string> codes;
  std::string number;
  for (char c : directive.number) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) number.push_back(c);
  }
  if (CleanTaskCode(number, "code").ok()) codes.push_back(number);
  codes.push_back(directive.directive_id);
  codes.push_back(absl::StrCat("cd-", platform::RandomHex(4)));
  return codes;
}

}  // namespace

std::string DirectiveDesk::DirectivePlanId(int year) { return absl::StrCat("cd-", year); }

std::string DirectiveDesk::DirectivePlanTitle(int year) {
  return absl::StrCat("Nhiệm vụ theo chỉ đạo của cấp trên năm ", year);
}

absl::StatusOr<Directive> DirectiveDesk::Publish(const std::string& authority_id, const NewDirective& input) {
  RETURN_IF_ERROR(platform::ValidateId(input.directive_id, "directive_id"));
  Directive directive;
  directive.authority_id = authority_id;
  directive.directive_id = input.directive_id;
  ASSIGN_OR_RETURN(directive.number,
                   CleanText(input.number, "directive.number", kMaxNumberChars, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(directive.title,
                   CleanText(input.title, "directive.title", kMaxTitleChars, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(directive.description, CleanText(input.description, "directive.description",
                                                    kMaxDescriptionChars, false, TextLines::kMulti));
  RETURN_IF_ERROR(ValidateParField(input.par_field, "directive.par_field"));
  directive.par_field = input.par_field;
  absl::Time now = NowMicros(clock_);
  directive.issue_date = input.issue_date.IsSet() ? input.issue_date : platform::LocalDate(now);
  if (!input.due_date.IsSet()) {
    return InvalidField("directive.due_date", "bắt buộc (required)");
  }
  if (input.due_date < directive.issue_date) {
    return InvalidField("directive.due_date",
                        "không được trước ngày ban hành (must not be before the issue date)");
  }
  directive.due_date = input.due_date;
  if (input.school_ids.empty()) {
    return InvalidField("school_ids", "cần ít nhất một trường (at least one school)");
  }
  if (static_cast<int>(input.school_ids.size()) > kMaxDirectiveSchools) {
    return InvalidField("school_ids", absl::StrCat("tối đa ", kMaxDirectiveSchools, " trường (at most ",
                                                   kMaxDirectiveSchools, " schools)"));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < input.school_ids.size(); ++i) {
    std::string field = absl::StrCat("school_ids[", i, "]");
    RETURN_IF_ERROR(platform::ValidateId(input.school_ids[i], field));
    if (!seen.insert(input.school_ids[i]).second) {
      return InvalidField(field,
                          absl::StrCat("trường '", input.school_ids[i], "' bị lặp (duplicate school)"));
    }
  }
  directive.school_count = static_cast<int>(seen.size());
  directive.create_time = now;

  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    absl::Status inserted = store_.InsertDirective(directive);
    if (absl::IsAlreadyExists(inserted)) {
      return absl::AlreadyExistsError(
          absl::StrCat("Chỉ đạo '", directive.directive_id, "' đã tồn tại (directive already exists)"));
    }
    RETURN_IF_ERROR(inserted);
    for (const std::string& school_id : input.school_ids) {
      RETURN_IF_ERROR(DeliverTo(directive, school_id));
    }
    return absl::OkStatus();
  }));
  return directive;
}

absl::Status DirectiveDesk::DeliverTo(const Directive& directive, const std::string& school_id) {
  const int year = directive.issue_date.year;
  const std::string plan_id = DirectivePlanId(year);
  absl::StatusOr<Plan> plan = store_.GetPlan(school_id, plan_id, Lock::kForUpdate);
  if (absl::IsNotFound(plan.status())) {
    Plan created;
    created.school_id = school_id;
    created.plan_id = plan_id;
    created.year = year;
    created.title = DirectivePlanTitle(year);
    created.status = PlanStatus::kActive;
    created.create_time = created.update_time = directive.create_time;
    RETURN_IF_ERROR(store_.InsertPlan(created));
  } else {
    RETURN_IF_ERROR(plan.status());
    if (IsPlanLocked(plan->status)) {
      // New work from the authority reopens the plan: a task in a closed or
      // archived plan could take no progress, and the school could never
      // report it.
      plan->status = PlanStatus::kActive;
      plan->update_time = directive.create_time;
      RETURN_IF_ERROR(store_.UpdatePlan(*plan));
    }
  }
  Task task;
  task.school_id = school_id;
  task.plan_id = plan_id;
  task.task_id = platform::RandomId();
  task.title = directive.title;
  task.description = directive.description;
  task.par_field = directive.par_field;
  task.due_date = directive.due_date;
  task.status = TaskStatus::kNotStarted;
  task.directive = DirectiveName(directive.authority_id, directive.directive_id);
  task.create_time = task.update_time = directive.create_time;
  absl::Status inserted;
  for (const std::string& code : CandidateCodes(directive)) {
    task.code = code;
    inserted = store_.InsertTask(task);
    if (!absl::IsAlreadyExists(inserted)) break;
  }
  RETURN_IF_ERROR(inserted);
  return store_.InsertDirectiveTarget(
      DirectiveTarget{directive.authority_id, directive.directive_id, school_id, plan_id, task.task_id});
}

absl::StatusOr<Directive> DirectiveDesk::Get(const std::string& authority_id,
                                             const std::string& directive_id) {
  return store_.GetDirective(authority_id, directive_id);
}

absl::StatusOr<Page<Directive>> DirectiveDesk::List(const std::string& authority_id, int page_size,
                                                    absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest request,
                   platform::ParsePageRequest(page_size, page_token, kDefaultPageSize, kMaxPageSize));
  std::optional<DirectiveCursor> after;
  if (!request.after.empty()) {
    ASSIGN_OR_RETURN(platform::NumberedKey key, platform::DecodeNumberedKey(request.after));
    after = DirectiveCursor{absl::FromUnixMicros(key.number), key.id};
  }
  ASSIGN_OR_RETURN(std::vector<Directive> directives,
                   store_.ListDirectives(authority_id, after, request.fetch_limit()));
  return platform::MakePage(std::move(directives), request.size, [](const Directive& d) {
    return platform::EncodeNumberedKey(absl::ToUnixMicros(d.create_time), d.directive_id);
  });
}

absl::StatusOr<DirectiveProgress> DirectiveDesk::Progress(const std::string& authority_id,
                                                          const std::string& directive_id) {
  DirectiveProgress progress;
  ASSIGN_OR_RETURN(progress.directive, store_.GetDirective(authority_id, directive_id));
  ASSIGN_OR_RETURN(std::vector<Task> tasks, store_.ListDirectiveTasks(authority_id, directive_id));
  Date today = platform::LocalDate(clock_());
  for (const Task& task : tasks) {
    SchoolDirectiveState state{task.school_id, task.plan_id,      task.task_id,
                               task.status,    task.percent_done, TimelinessOf(task, today)};
    if (state.timeliness == Timeliness::kDoneOnTime || state.timeliness == Timeliness::kDoneLate) {
      ++progress.done_count;
    }
    if (state.timeliness == Timeliness::kOverdue) ++progress.overdue_count;
    progress.schools.push_back(std::move(state));
  }
  return progress;
}

}  // namespace parhub::tasks
