// Downsizing rules per decree era, over a catalog built like the data file:
// which decree applies on a day, the rating-based categories (29/2023: one
// year "hoàn thành" and one "không hoàn thành" in the two years; 154/2025:
// one "không hoàn thành" in the year before or the review year), the
// exemptions of Điều 4 with the volunteering waiver, the state table and the
// progress formula.
#include "services/staffing/domain/downsizing_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"

namespace parhub::staffing {
namespace {

using G = RatingGrade;
using K = CircumstanceKind;
using S = DownsizingState;

const std::vector<K> kExemptions{K::kPregnant, K::kMaternityLeave, K::kChildUnder36Months,
                                 K::kUnderDiscipline, K::kUnderInvestigation};
const std::vector<K> kWaivable{K::kPregnant, K::kMaternityLeave, K::kChildUnder36Months};

DownsizingDecree Nd29() {
  DownsizingDecree d;
  d.code = "29/2023/ND-CP";
  d.number = "29/2023/NĐ-CP";
  d.effective_from = {2023, 7, 20};
  d.effective_until = {2025, 6, 16};
  d.categories = {{"nd29-rating", "Điều 2 khoản 1 điểm đ", "",
                   RatingRule{2, {{G::kCompleted, 1}, {G::kNotCompleted, 1}}}},
                  {"nd29-surplus", "Điều 2 khoản 1", "", std::nullopt}};
  d.policies = {{"nd29-early-retirement", "", ""}};
  d.exemptions = kExemptions;
  d.waivable_exemptions = kWaivable;
  return d;
}

DownsizingDecree Nd154() {
  DownsizingDecree d;
  d.code = "154/2025/ND-CP";
  d.number = "154/2025/NĐ-CP";
  d.effective_from = {2025, 6, 16};
  d.categories = {{"nd154-rating", "Điều 2 khoản 1", "", RatingRule{2, {{G::kNotCompleted, 1}}}}};
  d.policies = {{"nd154-severance", "Điều 8", ""}};
  d.exemptions = kExemptions;
  d.waivable_exemptions = kWaivable;
  return d;
}

DownsizingCatalog Catalog() {
  auto catalog = DownsizingCatalog::Make({Nd29(), Nd154()}, {{"hcm-2023-2026", "", 2023, 2026, 5, 10}});
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return *catalog;
}

TEST(DecreeInForce, EachDecreeAppliesOnlyWithinItsDates) {
  DownsizingCatalog catalog = Catalog();
  EXPECT_TRUE(catalog.DecreeInForce("29/2023/ND-CP", {2023, 7, 20}, "f").ok());
  EXPECT_TRUE(catalog.DecreeInForce("29/2023/ND-CP", {2025, 6, 15}, "f").ok());
  absl::StatusOr<const DownsizingDecree*> late = catalog.DecreeInForce("29/2023/ND-CP", {2025, 6, 16}, "f");
  EXPECT_EQ(late.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(platform::Reason(late.status()), "DECREE_NOT_IN_FORCE");
  EXPECT_EQ(catalog.DecreeInForce("29/2023/ND-CP", {2023, 7, 19}, "f").status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(catalog.DecreeInForce("154/2025/ND-CP", {2025, 6, 16}, "f").ok());
  absl::StatusOr<const DownsizingDecree*> unknown =
      catalog.DecreeInForce("108/2014/ND-CP", {2024, 1, 1}, "x.decree");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(platform::FieldViolations(unknown.status()).at(0).field, "x.decree");
  ASSERT_EQ(catalog.DecreesInForce({2025, 6, 16}).size(), 1u);
  EXPECT_EQ(catalog.DecreesInForce({2025, 6, 16})[0]->code, "154/2025/ND-CP");
}

TEST(RatingRule, Nd29NeedsOneCompletedAndOneNotCompletedInTheTwoYears) {
  const DownsizingDecree decree = Nd29();
  const RatingRule& rule = *decree.categories[0].rating_rule;
  EXPECT_EQ(QualifyingYears(rule, {{2023, G::kCompleted}, {2024, G::kNotCompleted}}, 2024),
            (std::vector<int>{2023, 2024}));
  EXPECT_EQ(QualifyingYears(rule, {{2023, G::kNotCompleted}, {2024, G::kCompleted}}, 2024),
            (std::vector<int>{2023, 2024}));
  // Two "hoàn thành" years are not the decree's condition, nor is one bad year alone.
  EXPECT_FALSE(QualifyingYears(rule, {{2023, G::kCompleted}, {2024, G::kCompleted}}, 2024));
  EXPECT_FALSE(QualifyingYears(rule, {{2024, G::kNotCompleted}}, 2024));
  EXPECT_FALSE(QualifyingYears(rule, {{2023, G::kGood}, {2024, G::kNotCompleted}}, 2024));
  // The years must be the two ending with the review's last year.
  EXPECT_FALSE(QualifyingYears(rule, {{2021, G::kCompleted}, {2022, G::kNotCompleted}}, 2024));
}

TEST(RatingRule, Nd154NeedsOneNotCompletedYear) {
  const DownsizingDecree decree = Nd154();
  const RatingRule& rule = *decree.categories[0].rating_rule;
  EXPECT_EQ(QualifyingYears(rule, {{2025, G::kNotCompleted}}, 2025), (std::vector<int>{2025}));
  EXPECT_EQ(QualifyingYears(rule, {{2024, G::kNotCompleted}, {2025, G::kGood}}, 2025),
            (std::vector<int>{2024, 2025}));
  EXPECT_FALSE(QualifyingYears(rule, {{2024, G::kCompleted}, {2025, G::kCompleted}}, 2025));
  EXPECT_FALSE(QualifyingYears(rule, {{2023, G::kNotCompleted}}, 2025));
}

TEST(Exemptions, Article4BlocksUnlessTheWaivableOnesAreWaivedByVolunteering) {
  DownsizingDecree decree = Nd154();
  std::vector<Circumstance> child{{K::kChildUnder36Months, {2024, 3, 1}, {2027, 3, 1}, ""}};
  EXPECT_EQ(BlockingExemption(decree, child, {2025, 9, 1}, false), K::kChildUnder36Months);
  EXPECT_EQ(BlockingExemption(decree, child, {2025, 9, 1}, true), std::nullopt);
  EXPECT_EQ(BlockingExemption(decree, child, {2027, 3, 2}, false), std::nullopt);  // the child is 36 months
  std::vector<Circumstance> discipline{{K::kUnderDiscipline, {2025, 8, 1}, {}, "QĐ 12/QĐ-MN"}};
  EXPECT_EQ(BlockingExemption(decree, discipline, {2025, 9, 1}, true), K::kUnderDiscipline);
  EXPECT_EQ(BlockingExemption(decree, discipline, {2025, 7, 31}, false), std::nullopt);
  std::vector<Circumstance> investigation{{K::kUnderInvestigation, {2025, 1, 1}, {}, ""}};
  EXPECT_EQ(BlockingExemption(decree, investigation, {2025, 9, 1}, true), K::kUnderInvestigation);
  // Certified sick leave exempted under Nghị định 108/2014, not under 29/2023 or 154/2025.
  std::vector<Circumstance> sick{{K::kSickLeave, {2025, 8, 1}, {}, ""}};
  EXPECT_EQ(BlockingExemption(decree, sick, {2025, 9, 1}, false), std::nullopt);
  EXPECT_TRUE(ExemptOn(decree, child, {2025, 9, 1}));
}

TEST(Transitions, FollowTheTableAndNothingElse) {
  EXPECT_TRUE(CheckTransition(S::kProposed, S::kSubmitted).ok());
  EXPECT_TRUE(CheckTransition(S::kProposed, S::kWithdrawn).ok());
  EXPECT_TRUE(CheckTransition(S::kSubmitted, S::kApproved).ok());
  EXPECT_TRUE(CheckTransition(S::kSubmitted, S::kRejected).ok());
  EXPECT_TRUE(CheckTransition(S::kSubmitted, S::kWithdrawn).ok());
  EXPECT_TRUE(CheckTransition(S::kApproved, S::kEffective).ok());
  for (auto [from, to] : {std::pair{S::kProposed, S::kApproved}, std::pair{S::kProposed, S::kEffective},
                          std::pair{S::kApproved, S::kWithdrawn}, std::pair{S::kRejected, S::kSubmitted},
                          std::pair{S::kEffective, S::kWithdrawn}, std::pair{S::kWithdrawn, S::kSubmitted}}) {
    absl::Status status = CheckTransition(from, to);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(platform::Reason(status), "INVALID_TRANSITION");
  }
}

TEST(Progress, MeanOfEachReductionOverItsTargetCapped) {
  TargetPlan plan{"hcm-2023-2026", "", 2023, 2026, 5, 10};
  ProgressFigures half = ComputeProgress(plan, 20, 100, 19, 95);  // 5 % and 5 %
  EXPECT_DOUBLE_EQ(half.civil_servant_reduction_percent, 5);
  EXPECT_DOUBLE_EQ(half.public_employee_reduction_percent, 5);
  EXPECT_DOUBLE_EQ(half.progress_percent, 75);  // (100 + 50) / 2
  EXPECT_FALSE(half.target_met);
  ProgressFigures met = ComputeProgress(plan, 20, 100, 18, 90);
  EXPECT_DOUBLE_EQ(met.progress_percent, 100);
  EXPECT_TRUE(met.target_met);
  ProgressFigures growth = ComputeProgress(plan, 20, 100, 22, 100);
  EXPECT_DOUBLE_EQ(growth.civil_servant_reduction_percent, -10);
  EXPECT_DOUBLE_EQ(growth.progress_percent, 0);
  EXPECT_DOUBLE_EQ(ComputeProgress(plan, 0, 0, 0, 0).civil_servant_reduction_percent, 0);
}

TEST(CatalogMake, RejectsInconsistentData) {
  DownsizingDecree bad_rule = Nd29();
  bad_rule.categories[0].rating_rule->minimum_counts = {{G::kNotCompleted, 3}};
  EXPECT_FALSE(DownsizingCatalog::Make({bad_rule}, {}).ok());
  DownsizingDecree bad_waiver = Nd29();
  bad_waiver.exemptions = {K::kPregnant};
  EXPECT_FALSE(DownsizingCatalog::Make({bad_waiver}, {}).ok());
  DownsizingDecree bad_dates = Nd29();
  bad_dates.effective_until = bad_dates.effective_from;
  EXPECT_FALSE(DownsizingCatalog::Make({bad_dates}, {}).ok());
  EXPECT_FALSE(DownsizingCatalog::Make({Nd29(), Nd29()}, {}).ok());
  EXPECT_FALSE(DownsizingCatalog::Make({}, {{"p", "", 2023, 2026, 120, 10}}).ok());
}

}  // namespace
}  // namespace parhub::staffing
