// The authority totals: counts summed, rates recomputed from the sums with
// each service's empty-denominator rule, ties sharing a rank.
#include "gateway/rollup_totals.h"

#include <gtest/gtest.h>

namespace parhub::gateway {
namespace {

TEST(RollupTotals, FinanceSharesAreRecomputedFromTheSumsNotAveraged) {
  finance::v1::FinanceSummary small, large, total;
  small.set_collected_amount(1'000'000);
  small.set_cashless_collected_amount(1'000'000);  // 100 %
  small.set_cashless_share_amount(100);
  small.set_due_amount(1'000'000);
  small.set_due_paid_amount(500'000);
  small.set_ledger_ok(1);
  large.set_collected_amount(99'000'000);
  large.set_cashless_collected_amount(0);  // 0 %
  large.set_due_amount(9'000'000);
  large.set_due_paid_amount(9'000'000);
  AddFinance(total, small);
  AddFinance(total, large);
  FinishFinance(total);
  EXPECT_EQ(total.collected_amount(), 100'000'000);
  EXPECT_DOUBLE_EQ(total.cashless_share_amount(), 1.0);  // not the mean 50 %
  EXPECT_DOUBLE_EQ(total.collection_rate(), 95.0);
  EXPECT_EQ(total.ledger_ok(), 1) << "schools whose ledger check passes";
  // Nothing collected: the service's rule, 100 %.
  finance::v1::FinanceSummary none;
  FinishFinance(none);
  EXPECT_DOUBLE_EQ(none.cashless_share_amount(), 100);
  EXPECT_DOUBLE_EQ(none.collection_rate(), 100);
}

TEST(RollupTotals, StaffingRatesFromSumsAndDownsizingFromStaffingsOwnRollup) {
  staffing::v1::StaffingSummary a, b, total;
  a.set_staff_count(10);
  a.set_city_email_users(10);
  a.set_ratings_due(40);
  a.set_ratings_recorded(40);
  b.set_staff_count(90);
  b.set_city_email_users(0);
  AddStaffing(total, a);
  AddStaffing(total, b);
  staffing::v1::DownsizingProgress downsizing;
  downsizing.set_progress_percent(42.5);
  downsizing.set_civil_servant_reduction_percent(3);
  FinishStaffing(total, downsizing);
  EXPECT_EQ(total.staff_count(), 100);
  EXPECT_DOUBLE_EQ(total.city_email_use_rate(), 10);
  EXPECT_DOUBLE_EQ(total.rating_completion_rate(), 100);
  EXPECT_DOUBLE_EQ(total.downsizing_progress_percent(), 42.5);
  EXPECT_DOUBLE_EQ(total.civil_servant_reduction_percent(), 3);
  staffing::v1::StaffingSummary empty;
  FinishStaffing(empty, {});
  EXPECT_DOUBLE_EQ(empty.city_email_use_rate(), 0) << "staffing's rule: 0 without staff";
  EXPECT_DOUBLE_EQ(empty.rating_completion_rate(), 100) << "nothing due";
}

TEST(RollupTotals, ComplaintRatesAndAveragesAreWeightedByTheirDenominators) {
  using complaints::v1::CASE_TYPE_FEEDBACK;
  using complaints::v1::CASE_TYPE_PROCEDURE_DOSSIER;
  complaints::v1::ComplaintSummary a, b;
  a.set_received(2);
  a.set_filed_online_share(100);  // 2 online
  a.set_resolved(2);
  a.set_resolved_on_time(2);
  a.set_average_days_to_resolve(10);
  a.set_satisfaction_responses(1);
  a.set_satisfaction_average(5);
  a.set_satisfied_share(100);
  a.set_apology_rate(100);  // no late dossier: the service's 100
  auto* fa = a.add_by_type();
  fa->set_case_type(CASE_TYPE_FEEDBACK);
  fa->set_resolved(2);
  fa->set_resolved_in_time(2);
  b.set_received(8);
  b.set_filed_online_share(0);
  b.set_resolved(8);
  b.set_resolved_late(8);
  b.set_average_days_to_resolve(20);
  b.set_satisfaction_responses(3);
  b.set_satisfaction_average(1);
  b.set_satisfied_share(0);
  b.set_dossiers_resolved(4);
  b.set_apology_rate(50);  // 2 of 4 late dossiers
  auto* db = b.add_by_type();
  db->set_case_type(CASE_TYPE_PROCEDURE_DOSSIER);
  db->set_resolved(4);
  auto* fb = b.add_by_type();
  fb->set_case_type(CASE_TYPE_FEEDBACK);
  fb->set_resolved(4);
  ComplaintTotals totals;
  totals.Add(a);
  totals.Add(b);
  complaints::v1::ComplaintSummary t = totals.Finish();
  EXPECT_EQ(t.received(), 10);
  EXPECT_EQ(t.resolved(), 10);
  EXPECT_DOUBLE_EQ(t.on_time_rate(), 20);
  EXPECT_DOUBLE_EQ(t.average_days_to_resolve(), 18);  // (2×10 + 8×20) / 10
  EXPECT_DOUBLE_EQ(t.satisfaction_average(), 2);      // (5 + 3×1) / 4
  EXPECT_DOUBLE_EQ(t.satisfied_share(), 25);
  EXPECT_DOUBLE_EQ(t.filed_online_share(), 20);
  EXPECT_DOUBLE_EQ(t.dossier_on_time_rate(), 0);
  EXPECT_DOUBLE_EQ(t.apology_rate(), 50);
  EXPECT_NEAR(t.feedback_on_time_rate(), 100.0 * 2 / 6, 1e-9);
  EXPECT_DOUBLE_EQ(t.complaint_on_time_rate(), 100) << "none resolved";
  ASSERT_EQ(t.by_type_size(), 2);
  EXPECT_EQ(t.by_type(0).case_type(), CASE_TYPE_FEEDBACK);
  EXPECT_EQ(t.by_type(0).resolved(), 6);
}

TEST(RollupTotals, TiesShareARankAtTheHundredth) {
  std::vector<long long> keys = {HundredthsKey(70.001), HundredthsKey(80), HundredthsKey(80.004),
                                 HundredthsKey(90)};
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(RankFromTop(keys, HundredthsKey(90)), 1);
  EXPECT_EQ(RankFromTop(keys, HundredthsKey(80)), 2);
  EXPECT_EQ(RankFromTop(keys, HundredthsKey(80.004)), 2);
  EXPECT_EQ(RankFromTop(keys, HundredthsKey(70)), 4);
}

}  // namespace
}  // namespace parhub::gateway
