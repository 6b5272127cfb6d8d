// The deadline engine over the real reference data (data/holidays,
// data/complaints/deadline_policies.json, embedded as the service embeds
// them): working days across Tết and makeup Saturdays, calendar periods
// that end on a day off and roll over, year ends, missing years, each
// policy era, extensions by complexity and timeliness classes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"
#include "platform/testing/status_matchers.h"
#include "services/complaints/rpc/refdata.h"
#include "services/complaints/tests/summary_testing.h"

namespace parhub::complaints {
namespace {

using ::testing::HasSubstr;

const DeadlineRules& Rules() { return EmbeddedRules(); }

Date D(int y, int m, int d) { return Date{y, m, d}; }

Deadlines Compute(CaseClock clock) {
  absl::StatusOr<Deadlines> out = Rules().Compute(clock, "case.");
  EXPECT_TRUE(out.ok()) << out.status();
  return out.ok() ? *out : Deadlines{};
}

TEST(WorkCalendar, Tet2025HasNoMakeupSaturday) {
  const WorkCalendar& cal = Rules().calendar();
  EXPECT_FALSE(*cal.IsWorkingDay(D(2025, 1, 27)));  // 28 tháng Chạp, a Tết day
  EXPECT_FALSE(*cal.IsWorkingDay(D(2025, 1, 31)));
  EXPECT_TRUE(*cal.IsWorkingDay(D(2025, 2, 3)));
  EXPECT_FALSE(*cal.IsWorkingDay(D(2025, 2, 8))) << "no makeup Saturday after Tết 2025";
  EXPECT_TRUE(*cal.IsWorkingDay(D(2025, 4, 26))) << "makeup Saturday for the 2/5/2025 swap";
  // A denunciation's 7 working days from Thu 23/1/2025: Fri 24/1, then Tết
  // until Sun 2/2, then Mon 3/2 … Mon 10/2.
  EXPECT_EQ(cal.PeriodEnd(D(2025, 1, 23), 7, DayKind::kWorking)->date, D(2025, 2, 10));
}

TEST(WorkCalendar, NationalDay2026SwapsMonday31AugustForSaturday22August) {
  const WorkCalendar& cal = Rules().calendar();
  EXPECT_TRUE(*cal.IsWorkingDay(D(2026, 8, 22)));
  EXPECT_FALSE(*cal.IsWorkingDay(D(2026, 8, 31)));
  EXPECT_FALSE(*cal.IsWorkingDay(D(2026, 9, 1)));
  EXPECT_FALSE(*cal.IsWorkingDay(D(2026, 9, 2)));
  EXPECT_TRUE(*cal.IsWorkingDay(D(2026, 9, 3)));
  EXPECT_EQ(cal.PeriodEnd(D(2026, 8, 21), 1, DayKind::kWorking)->date, D(2026, 8, 22));
  EXPECT_EQ(cal.PeriodEnd(D(2026, 8, 28), 1, DayKind::kWorking)->date, D(2026, 9, 3));
  EXPECT_FALSE(cal.PeriodEnd(D(2026, 8, 28), 1, DayKind::kWorking)->estimated);
}

TEST(WorkCalendar, CalendarPeriodEndingOnADayOffRollsToTheNextWorkingDay) {
  const WorkCalendar& cal = Rules().calendar();
  // 10 days from 20/1/2025 end on Thu 30/1, a Tết day → Mon 3/2.
  DueDate due = *cal.PeriodEnd(D(2025, 1, 20), 10, DayKind::kCalendar);
  EXPECT_EQ(due.date, D(2025, 2, 3));
  EXPECT_TRUE(due.rolled_over);
  // Ending on a Sunday → Monday.
  due = *cal.PeriodEnd(D(2025, 3, 6), 10, DayKind::kCalendar);
  EXPECT_EQ(due.date, D(2025, 3, 17));
  EXPECT_TRUE(due.rolled_over);
  // Ending on a working day stays.
  due = *cal.PeriodEnd(D(2025, 3, 3), 10, DayKind::kCalendar);
  EXPECT_EQ(due.date, D(2025, 3, 13));
  EXPECT_FALSE(due.rolled_over);
}

TEST(WorkCalendar, WorkingDaysAcrossTheYearEnd) {
  // From Sat 20/12/2025: 8 working days to 31/12, then 1/1 (holiday) and 2/1
  // (swapped) off, 5–9/1, the makeup Saturday 10/1, Mon 12/1 is the 15th.
  EXPECT_EQ(Rules().calendar().PeriodEnd(D(2025, 12, 20), 15, DayKind::kWorking)->date, D(2026, 1, 12));
  EXPECT_EQ(*Rules().calendar().DaysBetween(D(2025, 12, 20), D(2026, 1, 12), DayKind::kWorking), 15);
  EXPECT_EQ(*Rules().calendar().DaysBetween(D(2026, 1, 12), D(2025, 12, 20), DayKind::kWorking), -15);
}

TEST(WorkCalendar, AYearWithoutDataIsAnErrorNamingIt) {
  absl::StatusOr<DueDate> due = Rules().calendar().PeriodEnd(D(2027, 12, 20), 30, DayKind::kCalendar);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(due.status().message(), HasSubstr("2028"));
  EXPECT_EQ(platform::Reason(due.status()), "HOLIDAY_CALENDAR_MISSING");
  EXPECT_EQ(Rules().calendar().IsWorkingDay(D(2023, 12, 29)).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(WorkCalendar, DeadlinesOverEstimatedDaysSaySo) {
  // 2027's Tết is not announced yet: the file estimates 5/2 and 8–11/2 off.
  DueDate due = *Rules().calendar().PeriodEnd(D(2027, 1, 25), 15, DayKind::kWorking);
  EXPECT_EQ(due.date, D(2027, 2, 22));
  EXPECT_TRUE(due.estimated);
  due = *Rules().calendar().PeriodEnd(D(2027, 1, 4), 5, DayKind::kWorking);
  EXPECT_FALSE(due.estimated);
  Deadlines d = Compute({.case_type = CaseType::kFeedback, .received_date = D(2027, 1, 25)});
  EXPECT_TRUE(d.estimated);
  EXPECT_THAT(d.explanation, ::testing::Contains(HasSubstr("ước tính")));
}

TEST(WorkCalendar, RefusesInconsistentData) {
  HolidayYear year{2025, "t", {D(2025, 1, 25)}, {}, {}};  // a Saturday listed as a day off
  EXPECT_FALSE(WorkCalendar::Make({year}).ok());
  year = HolidayYear{2025, "t", {}, {D(2025, 1, 27)}, {}};  // a Monday listed as a makeup day
  EXPECT_FALSE(WorkCalendar::Make({year}).ok());
}

TEST(DeadlineRules, ComplaintCountsCalendarDaysWithFilingLimit) {
  Deadlines d = Compute({.case_type = CaseType::kComplaint,
                         .complaint_round = 1,
                         .received_date = D(2025, 3, 3),
                         .decision_date = D(2025, 1, 1)});
  EXPECT_EQ(d.applied.Reference(), "complaint-first@2024.2");
  EXPECT_EQ(d.filing_due_date, D(2025, 4, 1));
  EXPECT_EQ(d.acceptance_due_date, D(2025, 3, 13));
  // Not yet accepted: 30 days from the acceptance due date, 12/4 is a Saturday.
  EXPECT_EQ(d.resolution_due_date, D(2025, 4, 14));
  EXPECT_THAT(d.explanation, ::testing::Contains(HasSubstr("Luật Khiếu nại")));

  d = Compute({.case_type = CaseType::kComplaint,
               .complaint_round = 1,
               .complexity = Complexity::kComplex,
               .received_date = D(2025, 3, 3),
               .accepted_date = D(2025, 3, 5),
               .decision_date = D(2025, 1, 1)});
  EXPECT_EQ(d.resolution_due_date, D(2025, 4, 21)) << "45 days from 5/3 is Sat 19/4";
}

TEST(DeadlineRules, ComplaintWithoutDecisionDateIsRefusedNamingTheField) {
  absl::StatusOr<Deadlines> d = Rules().Compute(
      {.case_type = CaseType::kComplaint, .complaint_round = 1, .received_date = D(2025, 3, 3)}, "case.");
  EXPECT_THAT(d.status(), parhub::testing::IsInvalidField("case.decision_date"));
  d = Rules().Compute(
      {.case_type = CaseType::kComplaint, .complaint_round = 3, .received_date = D(2025, 3, 3)}, "case.");
  EXPECT_THAT(d.status(), parhub::testing::IsInvalidField("case.complaint_round"));
  d = Rules().Compute({.case_type = static_cast<CaseType>(42), .received_date = D(2025, 3, 3)}, "case.");
  EXPECT_THAT(d.status(), parhub::testing::IsInvalidField("case.case_type"));
}

TEST(DeadlineRules, DossierFollowsTheOneStopRegimeInForceOnReceipt) {
  Deadlines before = Compute({.case_type = CaseType::kProcedureDossier,
                              .procedure_time_limit_days = 5,
                              .received_date = D(2025, 6, 30)});
  EXPECT_EQ(before.applied.Reference(), "procedure-dossier@2024.2");
  EXPECT_THAT(before.applied.policy->apology_basis, HasSubstr("61/2018"));
  EXPECT_EQ(before.resolution_due_date, D(2025, 7, 7));
  Deadlines after = Compute({.case_type = CaseType::kProcedureDossier,
                             .procedure_time_limit_days = 5,
                             .received_date = D(2025, 7, 1)});
  EXPECT_EQ(after.applied.Reference(), "procedure-dossier@2025.7");
  EXPECT_THAT(after.applied.policy->apology_basis, HasSubstr("118/2025"));
  EXPECT_FALSE(after.acceptance_due_date.IsSet());

  absl::StatusOr<Deadlines> none =
      Rules().Compute({.case_type = CaseType::kProcedureDossier, .received_date = D(2025, 7, 1)}, "case.");
  EXPECT_THAT(none.status(), parhub::testing::IsInvalidField("case.procedure_time_limit_days"));
  absl::StatusOr<Deadlines> early =
      Rules().Compute({.case_type = CaseType::kFeedback, .received_date = D(2023, 12, 31)}, "case.");
  EXPECT_EQ(early.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(DeadlineRules, DenunciationExtensionsDependOnComplexity) {
  AppliedPolicy p = *Rules().PolicyFor(CaseType::kDenunciation, 0, D(2025, 5, 5));
  EXPECT_EQ(DeadlineRules::ExtensionsAllowed(*p.policy, Complexity::kOrdinary), 0);
  EXPECT_EQ(DeadlineRules::ExtensionsAllowed(*p.policy, Complexity::kComplex), 1);
  EXPECT_EQ(DeadlineRules::ExtensionsAllowed(*p.policy, Complexity::kEspeciallyComplex), 2);
  EXPECT_EQ(p.policy->extension_days, 30);
  // Acceptance: 7 working days; resolution: 30 calendar days from acceptance.
  Deadlines d = Compute({.case_type = CaseType::kDenunciation,
                         .received_date = D(2025, 4, 25),
                         .accepted_date = D(2025, 5, 6)});
  EXPECT_EQ(d.acceptance_due_date, D(2025, 5, 8)) << "Sat 26/4 is a makeup day; 30/4–2/5 off";
  EXPECT_EQ(d.resolution_due_date, D(2025, 6, 5));
}

TEST(DeadlineRules, ClassifiesResolvedAndOpenCases) {
  Case c;
  c.case_type = CaseType::kFeedback;
  c.received_date = D(2025, 3, 3);
  c.resolution_due_date = D(2025, 3, 24);
  c.state = CaseState::kResolved;
  c.resolution.resolved_date = D(2025, 3, 20);
  EXPECT_EQ(*Rules().Classify(c, D(2025, 4, 1)), Timeliness::kEarly);
  c.resolution.resolved_date = D(2025, 3, 24);
  EXPECT_EQ(*Rules().Classify(c, D(2025, 4, 1)), Timeliness::kOnTime);
  c.resolution.resolved_date = D(2025, 3, 25);
  EXPECT_EQ(*Rules().Classify(c, D(2025, 4, 1)), Timeliness::kLate);
  c.state = CaseState::kInProgress;
  EXPECT_EQ(*Rules().Classify(c, D(2025, 3, 10)), Timeliness::kWithinDeadline);
  EXPECT_EQ(*Rules().Classify(c, D(2025, 3, 19)), Timeliness::kDueSoon);
  EXPECT_EQ(*Rules().Classify(c, D(2025, 3, 24)), Timeliness::kDueSoon);
  EXPECT_EQ(*Rules().Classify(c, D(2025, 3, 25)), Timeliness::kOverdue);
  c.state = CaseState::kWithdrawn;
  EXPECT_EQ(*Rules().Classify(c, D(2025, 3, 25)), Timeliness::kUnspecified);
}

TEST(DeadlineRules, EveryEraAndYearLoads) {
  ASSERT_GE(Rules().sets().size(), 2u);
  EXPECT_EQ(Rules().sets()[1].effective_from, D(2025, 7, 1));
  EXPECT_THAT(Rules().calendar().Years(), ::testing::IsSupersetOf({2024, 2025, 2026}));
}

}  // namespace
}  // namespace parhub::complaints
