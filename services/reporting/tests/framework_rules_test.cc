// Tests of ValidateFramework and PointsFor on the numbers of a points rule:
// a framework that passes must give every metric value points in
// 0..max_points, never NaN (found by reporting_rules_fuzz: a linear rule
// whose zero_at was NaN passed and scored NaN).
#include "services/reporting/domain/framework_rules.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace parhub::reporting {
namespace {

v1::MetricCatalog Catalog() {
  v1::MetricCatalog catalog;
  catalog.add_metrics()->set_name("tasks_done_share");
  return catalog;
}

// One field, one criterion, one metric item worth 2 points, linear 0 → 100.
v1::ParFramework Framework() {
  v1::ParFramework framework;
  framework.set_name("parFrameworks/test-2026");
  framework.set_year(2026);
  framework.set_level("school");
  framework.set_max_points(2);
  v1::ParField* field = framework.add_fields();
  field->set_code("1");
  field->set_max_points(2);
  v1::Criterion* criterion = field->add_criteria();
  criterion->set_code("1.1");
  criterion->set_max_points(2);
  v1::SubCriterion* item = criterion->add_sub_criteria();
  item->set_code("1.1.1");
  item->set_max_points(2);
  item->set_mode(v1::ASSESSMENT_MODE_METRIC);
  item->set_metric("tasks_done_share");
  item->mutable_points_rule()->mutable_linear()->set_zero_at(0);
  item->mutable_points_rule()->mutable_linear()->set_full_at(100);
  return framework;
}

v1::PointsRule& RuleOf(v1::ParFramework& framework) {
  return *framework.mutable_fields(0)->mutable_criteria(0)->mutable_sub_criteria(0)->mutable_points_rule();
}

TEST(FrameworkRulesTest, AValidLinearRuleScoresWithinItsPoints) {
  const v1::ParFramework framework = Framework();
  ASSERT_TRUE(ValidateFramework(framework, Catalog()).ok());
  const v1::SubCriterion& item = framework.fields(0).criteria(0).sub_criteria(0);
  EXPECT_EQ(PointsFor(item, 50, true), 1);
  EXPECT_EQ(PointsFor(item, -1e12, true), 0);
  EXPECT_EQ(PointsFor(item, 1e12, true), 2);
}

TEST(FrameworkRulesTest, ALinearRuleWithoutFiniteBoundsIsRefused) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (double bad : {nan, inf, -inf}) {
    v1::ParFramework zero = Framework();
    RuleOf(zero).mutable_linear()->set_zero_at(bad);
    EXPECT_TRUE(absl::IsInvalidArgument(ValidateFramework(zero, Catalog()))) << bad;
    v1::ParFramework full = Framework();
    RuleOf(full).mutable_linear()->set_full_at(bad);
    EXPECT_TRUE(absl::IsInvalidArgument(ValidateFramework(full, Catalog()))) << bad;
  }
}

TEST(FrameworkRulesTest, NoDataPointsThatAreNotANumberAreRefused) {
  v1::ParFramework framework = Framework();
  RuleOf(framework).set_no_data_points(std::numeric_limits<double>::quiet_NaN());
  EXPECT_TRUE(absl::IsInvalidArgument(ValidateFramework(framework, Catalog())));
  RuleOf(framework).set_no_data_points(1);
  ASSERT_TRUE(ValidateFramework(framework, Catalog()).ok());
  EXPECT_EQ(PointsFor(framework.fields(0).criteria(0).sub_criteria(0), 0, false), 1);
}

}  // namespace
}  // namespace parhub::reporting
