// Downsizing (tinh giản biên chế) rules as data: the decrees with the dates
// they apply, their categories of person (a rating-based one carries its
// condition as a RatingRule), policies and exemptions, and the target plans.
// The catalog is loaded from data/staffing/downsizing.json; nothing here
// knows a decree by name. Pure functions over it decide which decree applies
// on a day, whether a person is exempt, whether yearly ratings meet a
// category, which state moves are allowed and how far a target is reached.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_RULES_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_RULES_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/staffing/domain/model.h"

namespace parhub::staffing {

// The yearly grades a rating-based category asks for: among the yearly
// ratings of `consecutive_years` years ending with the review's last
// complete year, each grade of `minimum_counts` appears at least that often.
// 29/2023: 2 years, one "hoàn thành" and one "không hoàn thành";
// 154/2025: 2 years (the year before and the review year), one "không
// hoàn thành".
struct RatingRule final {
  int consecutive_years = 0;
  std::vector<std::pair<RatingGrade, int>> minimum_counts;
};

struct DownsizingCategory final {
  std::string code;
  std::string article;
  std::string title;
  std::optional<RatingRule> rating_rule;  // set exactly for rating-based categories
};

struct DownsizingPolicy final {
  std::string code;
  std::string article;
  std::string title;
};

struct DownsizingDecree final {
  std::string code;    // "29/2023/ND-CP"
  std::string number;  // "29/2023/NĐ-CP"
  Date effective_from;
  Date effective_until;  // first day no longer applied; unset while in force
  std::vector<DownsizingCategory> categories;
  std::vector<DownsizingPolicy> policies;
  std::vector<CircumstanceKind> exemptions;
  std::vector<CircumstanceKind> waivable_exemptions;  // ⊆ exemptions

  bool InForceOn(Date day) const;
  const DownsizingCategory* FindCategory(absl::string_view code) const;
  const DownsizingPolicy* FindPolicy(absl::string_view code) const;
};

struct TargetPlan final {
  std::string code;  // "hcm-2023-2026"
  std::string title;
  int baseline_year = 0;
  int end_year = 0;
  double civil_servant_reduction_percent = 0;
  double public_employee_reduction_percent = 0;
};

class DownsizingCatalog final {
 public:
  // Checks the data's invariants (codes unique, dates ordered, a rule on
  // exactly the rating-based categories with one grade per year, waivable
  // exemptions among the exemptions, plan percentages in 0..100);
  // INVALID_ARGUMENT says which entry is wrong.
  static absl::StatusOr<DownsizingCatalog> Make(std::vector<DownsizingDecree> decrees,
                                                std::vector<TargetPlan> plans);

  const std::vector<DownsizingDecree>& decrees() const { return decrees_; }
  const std::vector<TargetPlan>& plans() const { return plans_; }
  const DownsizingDecree* FindDecree(absl::string_view code) const;
  const TargetPlan* FindPlan(absl::string_view code) const;

  // The decree `code` if it applies to a proposal made on `day`:
  // INVALID_ARGUMENT on `field` for an unknown code, FAILED_PRECONDITION
  // (reason DECREE_NOT_IN_FORCE) outside its dates.
  absl::StatusOr<const DownsizingDecree*> DecreeInForce(absl::string_view code, Date day,
                                                        absl::string_view field) const;
  // Decrees applying on `day` (usually one; two while 178/2024 and a
  // tinh giản decree overlap).
  std::vector<const DownsizingDecree*> DecreesInForce(Date day) const;

 private:
  std::vector<DownsizingDecree> decrees_;
  std::vector<TargetPlan> plans_;
};

// The first of `circumstances` that exempts the person under `decree` on
// `day`, skipping the waivable ones when the person volunteered.
std::optional<CircumstanceKind> BlockingExemption(const DownsizingDecree& decree,
                                                  const std::vector<Circumstance>& circumstances, Date day,
                                                  bool volunteered);
// Whether any exemption of `decree` holds on `day`, volunteering aside
// (Staff.downsizing_exempt).
bool ExemptOn(const DownsizingDecree& decree, const std::vector<Circumstance>& circumstances, Date day);

// The rated years of the rule's window ending with `last_year`, oldest
// first, when their grades (year → grade) meet every minimum count.
std::optional<std::vector<int>> QualifyingYears(const RatingRule& rule,
                                                const std::map<int, RatingGrade>& yearly, int last_year);

// OK when a record may move `from` → `to` (the table in staffing.proto);
// FAILED_PRECONDITION (reason INVALID_TRANSITION) otherwise.
absl::Status CheckTransition(DownsizingState from, DownsizingState to);
// Proposed, submitted or approved: the person has an open record.
bool IsOpen(DownsizingState state);

// Progress against a plan's two minimum reductions.
struct ProgressFigures final {
  double civil_servant_reduction_percent = 0;    // negative: growth
  double public_employee_reduction_percent = 0;  // negative: growth
  double progress_percent = 0;                   // 0..100
  bool target_met = false;
};
// reduction = (baseline − current) / baseline × 100 (0 when the baseline is
// 0); progress = mean over the two of min(100, max(0, reduction / target ×
// 100)), a target of 0 counting as reached; met when both reach their target.
ProgressFigures ComputeProgress(const TargetPlan& plan, int baseline_civil_servants,
                                int baseline_public_employees, int current_civil_servants,
                                int current_public_employees);

// Vietnamese names, for messages.
std::string CircumstanceLabel(CircumstanceKind kind);
std::string DownsizingStateLabel(DownsizingState state);

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_RULES_H_
