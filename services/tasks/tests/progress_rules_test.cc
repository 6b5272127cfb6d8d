// Unit tests of PlanBook's issue 8 rules over the in-memory store: done-on
// dates, corrections that supersede a mistaken update, progress that may
// not drop, issue dates within the plan's year, closing and archiving, and
// the work done in a period counted by TaskSummarizer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/status_matchers.h"
#include "services/tasks/domain/plan_book.h"
#include "services/tasks/domain/task_summarizer.h"
#include "services/tasks/tests/in_memory_task_store.h"

namespace parhub::tasks {
namespace {

using ::parhub::testing::At;
using ::parhub::testing::IsOk;
using ::parhub::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kSchool[] = "mn-2010";
constexpr char kPlan[] = "par-2024";
constexpr char kAuthor[] = "accounts/ht-mn-2010";

class ProgressRulesTest : public ::testing::Test {
 protected:
  ProgressRulesTest() : book_(store_, [this] { return now_; }) {
    NewPlan plan;
    plan.plan_id = kPlan;
    plan.number = "13/KH-MN2010";
    plan.year = 2024;
    plan.title = "Kế hoạch cải cách hành chính năm 2024";
    plan.issue_date = {2024, 1, 12};
    plan.status = PlanStatus::kActive;
    EXPECT_THAT(book_.CreatePlan(kSchool, plan), IsOk());
    NewTask task;
    task.code = "1.7";
    task.title = "Sử dụng thư điện tử Thành phố";
    task.due_date = {2024, 6, 10};
    auto created = book_.CreateTask(kSchool, kPlan, task);
    EXPECT_THAT(created, IsOk());
    task_id_ = created->task_id;
  }

  absl::StatusOr<ProgressUpdate> Add(int percent, Date done_on = {}, int supersedes = 0,
                                     std::vector<Evidence> evidence = {}) {
    NewProgress p;
    p.percent_done = percent;
    p.note = "Ghi chú";
    p.done_on = done_on;
    p.supersedes = supersedes;
    p.evidence = std::move(evidence);
    return book_.AddProgressUpdate(kSchool, kPlan, task_id_, kAuthor, p);
  }
  Task Current() { return *book_.GetTask(kSchool, kPlan, task_id_); }

  testing::InMemoryTaskStore store_;
  absl::Time now_ = At(2024, 12, 3);
  PlanBook book_;
  std::string task_id_;
};

TEST_F(ProgressRulesTest, DoneOnDefaultsToTodayAndMayNotPrecedeTheLatestUpdate) {
  ASSERT_OK_AND_ASSIGN(ProgressUpdate half, Add(50));
  EXPECT_EQ(half.done_on, (Date{2024, 12, 3}));
  // An ordinary update is not done before the latest update in force.
  absl::Status earlier = Add(100, {2024, 6, 10}).status();
  EXPECT_THAT(earlier, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("03/12/2024")));
  EXPECT_EQ(platform::FieldViolations(earlier).at(0).field, "progress_update.done_on");
  EXPECT_EQ(Current().progress_count, 1);
  // A correction of that update may move its day back.
  ASSERT_OK_AND_ASSIGN(ProgressUpdate fixed, Add(50, {2024, 4, 2}, 1));
  EXPECT_EQ(fixed.done_on, (Date{2024, 4, 2}));
  EXPECT_THAT(Add(100, {2024, 6, 10}), IsOk());
  EXPECT_EQ(TimelinessOf(Current(), Date{2024, 12, 3}), Timeliness::kDoneOnTime);
}

TEST_F(ProgressRulesTest, BackDatedCompletionIsOnTime) {
  ASSERT_OK(Add(50, {2024, 4, 2}).status());
  ASSERT_OK_AND_ASSIGN(ProgressUpdate done, Add(100, {2024, 6, 10}));
  EXPECT_EQ(done.done_on, (Date{2024, 6, 10}));
  Task task = Current();
  EXPECT_EQ(task.status, TaskStatus::kDone);
  EXPECT_EQ(task.done_on, (Date{2024, 6, 10}));
  EXPECT_EQ(task.complete_time, now_);  // recorded today
  EXPECT_EQ(TimelinessOf(task, Date{2024, 12, 3}), Timeliness::kDoneOnTime);
}

TEST_F(ProgressRulesTest, DoneOnMayNotBeInTheFutureOrBeforeThePlan) {
  EXPECT_THAT(Add(50, {2024, 12, 4}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("progress_update.done_on")));
  EXPECT_THAT(Add(50, {2024, 1, 11}), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("12/01/2024")));
  EXPECT_EQ(Current().progress_count, 0);  // nothing recorded
  EXPECT_THAT(Add(50, {2024, 1, 12}), IsOk());
}

TEST_F(ProgressRulesTest, ProgressMayNotDropExceptByACorrection) {
  ASSERT_OK(Add(80, {2024, 5, 2}).status());
  absl::Status dropped = Add(30, {2024, 5, 3}).status();
  EXPECT_THAT(dropped, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("supersede")));
  EXPECT_EQ(platform::FieldViolations(dropped).at(0).field, "progress_update.percent_done");
  EXPECT_EQ(Current().percent_done, 80);
  EXPECT_EQ(Current().progress_count, 1);
  // The same value again is not a drop.
  EXPECT_THAT(Add(80, {2024, 5, 3}), IsOk());
}

TEST_F(ProgressRulesTest, CorrectionSupersedesAndKeepsHistory) {
  ASSERT_OK(Add(40, {2024, 3, 1}).status());
  ASSERT_OK(Add(90, {2024, 4, 1}).status());  // mistaken: meant 60
  ASSERT_OK_AND_ASSIGN(ProgressUpdate fix, Add(60, {}, 2));
  EXPECT_EQ(fix.number, 3);
  EXPECT_EQ(fix.supersedes, 2);
  EXPECT_EQ(fix.done_on, (Date{2024, 4, 1}));  // the corrected update's day
  EXPECT_EQ(Current().percent_done, 60);
  ASSERT_OK_AND_ASSIGN(auto history, book_.ListProgressUpdates(kSchool, kPlan, task_id_, 0, ""));
  ASSERT_EQ(history.items.size(), 3u);
  EXPECT_EQ(history.items[1].superseded_by, 3);
  EXPECT_EQ(history.items[0].superseded_by, 0);
  ProgressFilter in_force;
  in_force.exclude_superseded = true;
  ASSERT_OK_AND_ASSIGN(auto kept, book_.ListProgressUpdates(kSchool, kPlan, task_id_, 0, "", in_force));
  ASSERT_EQ(kept.items.size(), 2u);
  EXPECT_EQ(kept.items[1].number, 3);
  // An update is corrected once; correct the correction instead.
  EXPECT_THAT(Add(65, {}, 2), StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("3")));
  EXPECT_THAT(Add(65, {}, 9), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("supersedes")));
  EXPECT_THAT(Add(65, {}, 3), IsOk());
  EXPECT_EQ(Current().percent_done, 65);
}

TEST_F(ProgressRulesTest, CorrectingTheCompletingUpdateReopensTheTask) {
  ASSERT_OK(Add(50, {2024, 5, 2}).status());
  ASSERT_OK(Add(100, {2024, 5, 20}).status());
  EXPECT_EQ(Current().status, TaskStatus::kDone);
  // Done tasks take no ordinary update…
  EXPECT_THAT(Add(100), StatusIs(absl::StatusCode::kFailedPrecondition));
  // …but the update that completed it can be corrected.
  ASSERT_OK(Add(70, {}, 2).status());
  Task reopened = Current();
  EXPECT_EQ(reopened.status, TaskStatus::kInProgress);
  EXPECT_EQ(reopened.percent_done, 70);
  EXPECT_FALSE(reopened.complete_time.has_value());
  EXPECT_FALSE(reopened.done_on.IsSet());
  ASSERT_OK(Add(100, {2024, 7, 1}).status());
  EXPECT_EQ(Current().done_on, (Date{2024, 7, 1}));
  EXPECT_EQ(TimelinessOf(Current(), Date{2024, 12, 3}), Timeliness::kDoneLate);
}

TEST_F(ProgressRulesTest, TaskMarkedDoneByHandStaysDoneWhenHistoryIsCorrected) {
  ASSERT_OK(Add(50, {2024, 5, 2}).status());
  TaskPatch done;
  done.status = TaskStatus::kDone;
  ASSERT_OK(book_.UpdateTask(kSchool, kPlan, task_id_, done).status());
  EXPECT_EQ(Current().done_on, (Date{2024, 12, 3}));
  ASSERT_OK(Add(40, {}, 1).status());
  EXPECT_EQ(Current().status, TaskStatus::kDone);
  EXPECT_EQ(Current().percent_done, 100);
}

TEST_F(ProgressRulesTest, ClosedAndArchivedPlansRefuseProgressInVietnamese) {
  for (PlanStatus status : {PlanStatus::kClosed, PlanStatus::kArchived}) {
    PlanPatch lock;
    lock.status = status;
    ASSERT_OK(book_.UpdatePlan(kSchool, kPlan, lock).status());
    EXPECT_THAT(Add(10), StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("Kế hoạch đã")));
    NewTask task;
    task.code = "9.9";
    task.title = "x";
    EXPECT_THAT(book_.CreateTask(kSchool, kPlan, task), StatusIs(absl::StatusCode::kFailedPrecondition));
  }
  PlanPatch reopen;
  reopen.status = PlanStatus::kActive;
  ASSERT_OK(book_.UpdatePlan(kSchool, kPlan, reopen).status());
  EXPECT_THAT(Add(10), IsOk());
}

TEST_F(ProgressRulesTest, ArchivedPlansAreHiddenUnlessAsked) {
  NewPlan other;
  other.plan_id = "par-2023";
  other.year = 2023;
  other.title = "Kế hoạch năm 2023";
  ASSERT_OK(book_.CreatePlan(kSchool, other).status());
  PlanPatch archive;
  archive.status = PlanStatus::kArchived;
  ASSERT_OK(book_.UpdatePlan(kSchool, "par-2023", archive).status());
  ASSERT_OK_AND_ASSIGN(auto visible, book_.ListPlans(kSchool, 0, 0, ""));
  ASSERT_EQ(visible.items.size(), 1u);
  EXPECT_EQ(visible.items[0].plan_id, kPlan);
  ASSERT_OK_AND_ASSIGN(auto all, book_.ListPlans(kSchool, 0, 0, "", /*include_archived=*/true));
  EXPECT_EQ(all.items.size(), 2u);
  // Out of the archive: back to closed, or straight to active.
  PlanPatch closed;
  closed.status = PlanStatus::kClosed;
  ASSERT_OK_AND_ASSIGN(Plan unarchived, book_.UpdatePlan(kSchool, "par-2023", closed));
  EXPECT_EQ(unarchived.status, PlanStatus::kClosed);
  NewPlan born_archived = other;
  born_archived.plan_id = "x";
  born_archived.status = PlanStatus::kArchived;
  EXPECT_THAT(book_.CreatePlan(kSchool, born_archived),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan.status")));
}

TEST_F(ProgressRulesTest, IssueDateMustFallInThePlansYearOrTheQuarterBefore) {
  NewPlan plan;
  plan.plan_id = "par-2027";
  plan.year = 2027;
  plan.title = "Kế hoạch năm 2027";
  plan.issue_date = {2026, 3, 15};
  absl::Status early = book_.CreatePlan(kSchool, plan).status();
  EXPECT_THAT(early, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("01/10/2026")));
  EXPECT_EQ(platform::FieldViolations(early).at(0).field, "plan.issue_date");
  plan.issue_date = {2028, 1, 2};
  EXPECT_THAT(book_.CreatePlan(kSchool, plan), StatusIs(absl::StatusCode::kInvalidArgument));
  plan.issue_date = {2026, 12, 28};  // late in the year before: normal practice
  ASSERT_OK(book_.CreatePlan(kSchool, plan).status());
  PlanPatch patch;
  patch.issue_date = Date{2026, 9, 30};
  EXPECT_THAT(book_.UpdatePlan(kSchool, "par-2027", patch),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan.issue_date")));
  EXPECT_EQ(book_.GetPlan(kSchool, "par-2027")->issue_date, (Date{2026, 12, 28}));
  TemplateInstance instance{"par-improvement", "par-2025", 2025, "1/KH", {2023, 12, 1}, ""};
  EXPECT_THAT(book_.InstantiateTemplate(kSchool, instance),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("issue_date")));
  EXPECT_EQ(store_.plan_count(), 2);
}

TEST_F(ProgressRulesTest, ListsUpdatesAcrossTasksAndPlansByDoneOn) {
  NewTask second;
  second.code = "1.9";
  second.title = "Phong trào thi đua";
  ASSERT_OK_AND_ASSIGN(Task other, book_.CreateTask(kSchool, kPlan, second));
  ASSERT_OK(Add(30, {2024, 2, 1}).status());
  ASSERT_OK(Add(60, {2024, 3, 20}).status());
  ASSERT_OK(book_
                .AddProgressUpdate(kSchool, kPlan, other.task_id, kAuthor,
                                   NewProgress{100, "Xong", {}, {2024, 3, 25}})
                .status());
  ProgressFilter q1;
  q1.done_after = {2024, 3, 1};
  q1.done_before = {2024, 3, 31};
  for (const std::string& plan : {std::string(kPlan), std::string(kAnyId)}) {
    std::vector<ProgressUpdate> seen;
    std::string token;
    do {
      ASSERT_OK_AND_ASSIGN(auto page, book_.ListProgressUpdates(kSchool, plan, kAnyId, 1, token, q1));
      seen.insert(seen.end(), page.items.begin(), page.items.end());
      token = page.next_page_token;
    } while (!token.empty());
    ASSERT_EQ(seen.size(), 2u) << plan;
  }
  EXPECT_THAT(book_.ListProgressUpdates(kSchool, kAnyId, task_id_, 0, "", q1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("parent")));
  EXPECT_THAT(book_.ListProgressUpdates(kSchool, "nope", kAnyId, 0, "", q1),
              StatusIs(absl::StatusCode::kNotFound));
  ProgressFilter backwards;
  backwards.done_after = {2024, 3, 31};
  backwards.done_before = {2024, 3, 1};
  EXPECT_THAT(book_.ListProgressUpdates(kSchool, kPlan, kAnyId, 0, "", backwards),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("done_before")));
}

TEST_F(ProgressRulesTest, SummaryCountsWorkDoneInThePeriodBesideWhatWasDue) {
  Evidence doc{"BC-Q1/2024", "Báo cáo quý I", "", ""};
  ASSERT_OK(Add(30, {2024, 2, 1}, 0, {doc}).status());
  ASSERT_OK(Add(90, {2024, 3, 20}, 0, {doc, doc}).status());
  ASSERT_OK(Add(60, {}, 2, {doc}).status());  // corrects the 90 %
  TaskSummarizer summarizer(store_, [this] { return now_; });
  // Q1: nothing is due (the task is due 10/6) but work was done.
  ASSERT_OK_AND_ASSIGN(TaskSummary q1, summarizer.Summarize(kSchool, {2024, 1, 1}, {2024, 3, 31}));
  EXPECT_EQ(q1.total, 0);
  EXPECT_EQ(q1.progressed_in_period, 1);
  EXPECT_EQ(q1.progress_entries_in_period, 2);  // the superseded 90 % does not count
  EXPECT_EQ(q1.evidence_in_period, 2);
  EXPECT_EQ(q1.completed_in_period, 0);
  ASSERT_OK(Add(100, {2024, 5, 30}).status());
  ASSERT_OK_AND_ASSIGN(TaskSummary q2, summarizer.Summarize(kSchool, {2024, 4, 1}, {2024, 6, 30}));
  EXPECT_EQ(q2.total, 1);
  EXPECT_EQ(q2.done_on_time, 1);
  EXPECT_EQ(q2.completed_in_period, 1);
  EXPECT_EQ(q2.progress_entries_in_period, 1);
  // The batch answers the same from the same count.
  ASSERT_OK_AND_ASSIGN(auto batch,
                       summarizer.SummarizeSchools({"quiet", kSchool}, {2024, 1, 1}, {2024, 3, 31}));
  EXPECT_EQ(batch[0].progress_entries_in_period, 0);
  EXPECT_EQ(batch[1].progress_entries_in_period, q1.progress_entries_in_period);
  EXPECT_EQ(batch[1].evidence_in_period, q1.evidence_in_period);
}

}  // namespace
}  // namespace parhub::tasks
