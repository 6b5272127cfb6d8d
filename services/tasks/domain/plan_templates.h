// Plan templates a school can instantiate. The first is the PAR-improvement
// plan ("planTemplates/par-improvement") taken from the 2024 plan of Trường
// Mầm non 20/10 (Quận 1): its twelve tasks 1.1-1.12 with the plan's own
// wording, generalised from that school and year.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_PLAN_TEMPLATES_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_PLAN_TEMPLATES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "services/tasks/domain/model.h"

namespace parhub::tasks {

struct TemplateTask final {
  std::string code;
  std::string title;  // may contain "{year}"
  std::string description;
  std::string par_field;
  int due_month = 12;  // due date in the plan's year
  int due_day = 31;
};

struct PlanTemplate final {
  std::string id;     // "par-improvement"
  std::string title;  // with a "{year}" placeholder
  std::vector<TemplateTask> tasks;
};

class PlanTemplates final {
 public:
  // Every template, in a stable order.
  static const std::vector<PlanTemplate>& All();
  // The template with `id`, or nullptr.
  static const PlanTemplate* Find(absl::string_view id);
  // `text` with every "{year}" replaced by `year`.
  static std::string FillYear(absl::string_view text, int year);
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_PLAN_TEMPLATES_H_
