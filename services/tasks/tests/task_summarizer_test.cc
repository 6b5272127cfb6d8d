// Unit tests of TaskSummarizer's counting.
#include "services/tasks/domain/task_summarizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/testing/fixtures.h"
#include "platform/testing/status_matchers.h"
#include "services/tasks/tests/in_memory_task_store.h"

namespace parhub::tasks {
namespace {

using ::parhub::testing::StatusIs;

using ::parhub::testing::At;

Task MakeTask(const std::string& code, TaskStatus status, Date due, int percent, const std::string& par_field,
              std::optional<absl::Time> complete = std::nullopt) {
  Task t;
  t.school_id = "mn-2010";
  t.plan_id = "par-2024";
  t.task_id = "t" + code;
  t.code = code;
  t.status = status;
  t.due_date = due;
  t.percent_done = percent;
  t.par_field = par_field;
  t.complete_time = complete;
  return t;
}

TEST(TaskSummarizer, CountsStatusesTimelinessAndFields) {
  std::vector<Task> tasks = {
      MakeTask("1", TaskStatus::kNotStarted, {2024, 6, 10}, 0, "tthc"),                      // overdue
      MakeTask("2", TaskStatus::kInProgress, {2024, 12, 31}, 50, "tthc"),                    // open
      MakeTask("3", TaskStatus::kDone, {2024, 6, 10}, 100, "cong_vu", At(2024, 6, 10, 23)),  // on time
      MakeTask("4", TaskStatus::kDone, {2024, 6, 10}, 100, "chi_dao_dieu_hanh", At(2024, 6, 11, 0)),  // late
      MakeTask("5", TaskStatus::kCancelled, {2024, 3, 1}, 30, "tthc"),  // excluded
  };
  TaskSummary s = TaskSummarizer::Count("mn-2010", tasks, Date{2024, 7, 1});
  EXPECT_EQ(s.total, 4);
  EXPECT_EQ(s.not_started, 1);
  EXPECT_EQ(s.in_progress, 1);
  EXPECT_EQ(s.done, 2);
  EXPECT_EQ(s.cancelled, 1);
  EXPECT_EQ(s.overdue, 1);
  EXPECT_EQ(s.done_on_time, 1);
  EXPECT_EQ(s.done_late, 1);
  EXPECT_DOUBLE_EQ(s.average_percent_done, 62.5);
  ASSERT_EQ(s.by_par_field.size(), 3u);
  EXPECT_EQ(s.by_par_field[0].par_field, "chi_dao_dieu_hanh");  // PAR order
  EXPECT_EQ(s.by_par_field[1].par_field, "tthc");
  EXPECT_EQ(s.by_par_field[1].total, 2);
  EXPECT_EQ(s.by_par_field[1].done, 0);
  EXPECT_EQ(s.by_par_field[2].par_field, "cong_vu");
  EXPECT_EQ(s.by_par_field[2].done, 1);
}

TEST(TaskSummarizer, EmptyPeriodHasZeroAverage) {
  TaskSummary s = TaskSummarizer::Count("mn-2010", {}, Date{2024, 7, 1});
  EXPECT_EQ(s.total, 0);
  EXPECT_DOUBLE_EQ(s.average_percent_done, 0);
}

TEST(TaskSummarizer, SummarizeSelectsTasksDueInThePeriod) {
  testing::InMemoryTaskStore store;
  ASSERT_OK(store.InsertTask(MakeTask("1", TaskStatus::kNotStarted, {2024, 3, 31}, 0, "tthc")));
  ASSERT_OK(store.InsertTask(MakeTask("2", TaskStatus::kNotStarted, {2024, 6, 10}, 0, "tthc")));
  ASSERT_OK(store.InsertTask(MakeTask("3", TaskStatus::kNotStarted, {}, 0, "tthc")));
  TaskSummarizer summarizer(store, [] { return At(2024, 5, 1); });
  ASSERT_OK_AND_ASSIGN(TaskSummary q2, summarizer.Summarize("mn-2010", {2024, 4, 1}, {2024, 6, 30}));
  EXPECT_EQ(q2.total, 1);
  ASSERT_OK_AND_ASSIGN(TaskSummary all, summarizer.Summarize("mn-2010", {}, {}));
  EXPECT_EQ(all.total, 3);
  EXPECT_EQ(all.overdue, 1);
  EXPECT_THAT(summarizer.Summarize("mn-2010", {2024, 6, 30}, {2024, 4, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(TaskSummarizer, SummarizeSchoolsKeepsTheRequestOrderAndParFieldOrder) {
  testing::InMemoryTaskStore store;
  ASSERT_OK(
      store.InsertTask(MakeTask("1", TaskStatus::kDone, {2024, 3, 31}, 100, "cong_vu", At(2024, 3, 1))));
  ASSERT_OK(store.InsertTask(MakeTask("2", TaskStatus::kNotStarted, {2024, 6, 10}, 0, "chi_dao_dieu_hanh")));
  TaskSummarizer summarizer(store, [] { return At(2024, 5, 1); });
  ASSERT_OK_AND_ASSIGN(auto summaries, summarizer.SummarizeSchools({"th-none", "mn-2010"}, {}, {}));
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(summaries[0].school_id, "th-none");
  EXPECT_EQ(summaries[0].total, 0);
  EXPECT_EQ(summaries[1].total, 2);
  EXPECT_EQ(summaries[1].done_on_time, 1);
  ASSERT_EQ(summaries[1].by_par_field.size(), 2u);
  EXPECT_EQ(summaries[1].by_par_field[0].par_field, "chi_dao_dieu_hanh");
  EXPECT_EQ(summaries[1].by_par_field[1].par_field, "cong_vu");
}

TEST(TaskSummarizer, SummarizeSchoolsRefusesEmptyRepeatedOrTooManySchools) {
  testing::InMemoryTaskStore store;
  TaskSummarizer summarizer(store, [] { return At(2024, 5, 1); });
  EXPECT_THAT(summarizer.SummarizeSchools({}, {}, {}), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(summarizer.SummarizeSchools({"a1", "b2", "a1"}, {}, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::HasSubstr("each school at most once")));
  std::vector<std::string> many(TaskSummarizer::kMaxBatchSchools + 1);
  for (size_t i = 0; i < many.size(); ++i) many[i] = "s" + std::to_string(i);
  EXPECT_THAT(summarizer.SummarizeSchools(many, {}, {}), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(summarizer.SummarizeSchools({"a1"}, {2024, 6, 30}, {2024, 4, 1}),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parhub::tasks
