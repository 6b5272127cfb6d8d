// Unit tests of DirectiveDesk: fan-out, its atomicity and per-school lateness.
#include "services/tasks/domain/directive_desk.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/testing/fixtures.h"
#include "platform/testing/status_matchers.h"
#include "services/tasks/tests/in_memory_task_store.h"

namespace parhub::tasks {
namespace {

using ::parhub::testing::IsOk;
using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

using ::parhub::testing::At;

class DirectiveDeskTest : public ::testing::Test {
 protected:
  DirectiveDeskTest() : desk_(store_, [this] { return now_; }), book_(store_, [this] { return now_; }) {}

  NewDirective Directive953(std::vector<std::string> schools) {
    NewDirective d;
    d.directive_id = "cv-953-2024";
    d.number = "953/UBND-NV";
    d.title = "Khắc phục các nội dung Chỉ số CCHC bị trừ điểm năm 2023";
    d.description = "Báo cáo kết quả khắc phục về Phòng Nội vụ.";
    d.issue_date = {2024, 4, 2};
    d.due_date = {2024, 6, 10};
    d.par_field = "chi_dao_dieu_hanh";
    d.school_ids = std::move(schools);
    return d;
  }

  testing::InMemoryTaskStore store_;
  absl::Time now_ = At(2024, 4, 2);
  DirectiveDesk desk_;
  PlanBook book_;
};

TEST_F(DirectiveDeskTest, PublishCreatesOneLinkedTaskPerSchoolInTheYearsDirectivePlan) {
  ASSERT_OK_AND_ASSIGN(Directive d, desk_.Publish("q1", Directive953({"mn-2010", "th-a", "thcs-b"})));
  EXPECT_EQ(d.school_count, 3);
  EXPECT_EQ(store_.task_count(), 3);
  for (const char* school : {"mn-2010", "th-a", "thcs-b"}) {
    ASSERT_OK_AND_ASSIGN(Plan plan, book_.GetPlan(school, "cd-2024"));
    EXPECT_EQ(plan.title, "Nhiệm vụ theo chỉ đạo của cấp trên năm 2024");
    EXPECT_EQ(plan.status, PlanStatus::kActive);
    ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks(school, "cd-2024", {}, 0, ""));
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].directive, "authorities/q1/directives/cv-953-2024");
    EXPECT_EQ(page.items[0].code, "953/UBND-NV");
    EXPECT_EQ(page.items[0].due_date, (Date{2024, 6, 10}));
  }
  EXPECT_THAT(desk_.Publish("q1", Directive953({"mn-2010"})), StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(DirectiveDeskTest, SecondDirectiveReusesThePlanAndAvoidsCodeClashes) {
  ASSERT_OK(desk_.Publish("q1", Directive953({"mn-2010"})).status());
  NewDirective other = Directive953({"mn-2010"});
  other.directive_id = "cv-953-bis";  // same document number, e.g. from another authority
  ASSERT_OK(desk_.Publish("ward-ben-thanh", other).status());
  ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks("mn-2010", "cd-2024", {}, 0, ""));
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_NE(page.items[0].code, page.items[1].code);
}

TEST_F(DirectiveDeskTest, ANewDirectiveReopensAClosedDirectivePlanSoTheSchoolCanReport) {
  ASSERT_OK(desk_.Publish("q1", Directive953({"mn-2010"})).status());
  PlanPatch close;
  close.status = PlanStatus::kClosed;
  ASSERT_OK(book_.UpdatePlan("mn-2010", "cd-2024", close).status());
  NewDirective later = Directive953({"mn-2010"});
  later.directive_id = "cv-1032-2024";
  later.number = "1032/UBND-NV";
  ASSERT_OK(desk_.Publish("q1", later).status());
  ASSERT_OK_AND_ASSIGN(Plan plan, book_.GetPlan("mn-2010", "cd-2024"));
  EXPECT_EQ(plan.status, PlanStatus::kActive);
  ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks("mn-2010", "cd-2024", {}, 0, ""));
  std::string task_id;
  for (const Task& t : page.items) {
    if (t.code == "1032/UBND-NV") task_id = t.task_id;
  }
  ASSERT_FALSE(task_id.empty());
  NewProgress progress;
  progress.percent_done = 50;
  EXPECT_OK(book_.AddProgressUpdate("mn-2010", "cd-2024", task_id, "accounts/a", progress).status());
}

TEST_F(DirectiveDeskTest, FanOutIsAllOrNothing) {
  store_.before_insert_task = [](const Task& task) {
    return task.school_id == "thcs-b" ? absl::UnavailableError("connection lost") : absl::OkStatus();
  };
  EXPECT_THAT(desk_.Publish("q1", Directive953({"mn-2010", "th-a", "thcs-b"})),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(store_.task_count(), 0);
  EXPECT_EQ(store_.plan_count(), 0);
  EXPECT_THAT(desk_.Get("q1", "cv-953-2024"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(DirectiveDeskTest, ValidatesInputNamingFields) {
  NewDirective d = Directive953({"mn-2010", "mn-2010"});
  EXPECT_THAT(desk_.Publish("q1", d),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("school_ids[1]")));
  d = Directive953({"Bad School"});
  EXPECT_THAT(desk_.Publish("q1", d),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("school_ids[0]")));
  d = Directive953({});
  EXPECT_THAT(desk_.Publish("q1", d), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("school_ids")));
  d = Directive953({"mn-2010"});
  d.due_date = {};
  EXPECT_THAT(desk_.Publish("q1", d),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("directive.due_date")));
  d.due_date = {2024, 3, 1};  // before the issue date
  EXPECT_THAT(desk_.Publish("q1", d),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("directive.due_date")));
  EXPECT_EQ(store_.task_count(), 0);
}

TEST_F(DirectiveDeskTest, ProgressShowsEachSchoolsTimeliness) {
  ASSERT_OK(desk_.Publish("q1", Directive953({"a", "b", "c", "d"})).status());
  auto task_of = [&](const std::string& school) {
    return book_.ListTasks(school, "cd-2024", {}, 0, "")->items[0];
  };
  // a: done on the due date (late evening); b: done a day late; c: open; d: open, 50 %.
  now_ = At(2024, 6, 10, 22);
  ASSERT_OK(book_
                .AddProgressUpdate("a", "cd-2024", task_of("a").task_id, "accounts/a",
                                   NewProgress{100, "Đã báo cáo", {}})
                .status());
  ASSERT_OK(
      book_.AddProgressUpdate("d", "cd-2024", task_of("d").task_id, "accounts/d", NewProgress{50, "", {}})
          .status());
  ASSERT_OK_AND_ASSIGN(DirectiveProgress before, desk_.Progress("q1", "cv-953-2024"));
  EXPECT_EQ(before.overdue_count, 0);
  now_ = At(2024, 6, 11, 8);
  ASSERT_OK(
      book_.AddProgressUpdate("b", "cd-2024", task_of("b").task_id, "accounts/b", NewProgress{100, "", {}})
          .status());
  ASSERT_OK_AND_ASSIGN(DirectiveProgress progress, desk_.Progress("q1", "cv-953-2024"));
  std::vector<Timeliness> timeliness;
  for (const auto& s : progress.schools) timeliness.push_back(s.timeliness);
  EXPECT_THAT(timeliness, ElementsAre(Timeliness::kDoneOnTime, Timeliness::kDoneLate, Timeliness::kOverdue,
                                      Timeliness::kOverdue));
  EXPECT_EQ(progress.done_count, 2);
  EXPECT_EQ(progress.overdue_count, 2);
  EXPECT_EQ(progress.schools[3].percent_done, 50);
}

TEST_F(DirectiveDeskTest, SchoolCannotMoveTheDueDateOrCancel) {
  ASSERT_OK(desk_.Publish("q1", Directive953({"mn-2010"})).status());
  Task task = book_.ListTasks("mn-2010", "cd-2024", {}, 0, "")->items[0];
  TaskPatch later;
  later.due_date = Date{2024, 12, 31};
  EXPECT_THAT(book_.UpdateTask("mn-2010", "cd-2024", task.task_id, later),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  TaskPatch cancel;
  cancel.status = TaskStatus::kCancelled;
  EXPECT_THAT(book_.UpdateTask("mn-2010", "cd-2024", task.task_id, cancel),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  TaskPatch owner;
  owner.owner = "Hiệu trưởng";
  EXPECT_THAT(book_.UpdateTask("mn-2010", "cd-2024", task.task_id, owner), IsOk());
}

TEST_F(DirectiveDeskTest, ListsNewestFirstAcrossPages) {
  for (const char* id : {"d1", "d2", "d3"}) {
    NewDirective d = Directive953({"mn-2010"});
    d.directive_id = id;
    d.number = std::string(id) + "/UBND-NV";
    ASSERT_OK(desk_.Publish("q1", d).status());
    now_ += absl::Minutes(1);
  }
  ASSERT_OK_AND_ASSIGN(auto first, desk_.List("q1", 2, ""));
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].directive_id, "d3");
  EXPECT_EQ(first.items[1].directive_id, "d2");
  ASSERT_OK_AND_ASSIGN(auto second, desk_.List("q1", 2, first.next_page_token));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].directive_id, "d1");
  EXPECT_TRUE(second.next_page_token.empty());
  ASSERT_OK_AND_ASSIGN(auto none, desk_.List("other", 0, ""));
  EXPECT_TRUE(none.items.empty());
}

}  // namespace
}  // namespace parhub::tasks
