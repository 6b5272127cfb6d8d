// Unit tests of PlanBook (plans, tasks, progress) over the in-memory store.
#include "services/tasks/domain/plan_book.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"
#include "platform/core/page.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/status_matchers.h"
#include "services/tasks/tests/in_memory_task_store.h"

namespace parhub::tasks {
namespace {

using ::parhub::testing::IsOk;
using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kSchool[] = "mn-2010";

// 2024-06-10 09:00 in Vietnam.
using ::parhub::testing::At;

class PlanBookTest : public ::testing::Test {
 protected:
  PlanBookTest() : book_(store_, [this] { return now_; }) {}

  Plan MakePlan(const std::string& id = "par-2024", int year = 2024) {
    NewPlan plan;
    plan.plan_id = id;
    plan.number = "13/KH-MN2010";
    plan.year = year;
    plan.title = "Kế hoạch cải cách hành chính năm 2024";
    auto created = book_.CreatePlan(kSchool, plan);
    EXPECT_THAT(created, IsOk());
    return *created;
  }

  Task MakeTask(const std::string& code, Date due = {2024, 6, 10}, const std::string& owner = "") {
    NewTask task;
    task.code = code;
    task.title = "Nhiệm vụ " + code;
    task.due_date = due;
    task.owner = owner;
    auto created = book_.CreateTask(kSchool, "par-2024", task);
    EXPECT_THAT(created, IsOk());
    return *created;
  }

  testing::InMemoryTaskStore store_;
  absl::Time now_ = At(2024, 5, 1);
  PlanBook book_;
};

TEST_F(PlanBookTest, CreatesPlanAsDraftWithCleanText) {
  NewPlan input;
  input.plan_id = "par-2024";
  input.year = 2024;
  input.title = "  Kế hoạch cải thiện Chỉ số CCHC  ";
  input.directive_refs = {"Kế hoạch 04/KH-UBND ngày 04/01/2024"};
  ASSERT_OK_AND_ASSIGN(Plan plan, book_.CreatePlan(kSchool, input));
  EXPECT_EQ(plan.status, PlanStatus::kDraft);
  EXPECT_EQ(plan.title, "Kế hoạch cải thiện Chỉ số CCHC");
  EXPECT_EQ(plan.create_time, now_);
  EXPECT_THAT(book_.CreatePlan(kSchool, input), StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(PlanBookTest, RejectsBadPlansNamingTheField) {
  NewPlan input;
  input.plan_id = "Bad_Id";
  input.year = 2024;
  input.title = "x";
  EXPECT_THAT(book_.CreatePlan(kSchool, input),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan_id")));
  input.plan_id = "ok";
  input.year = 1800;
  EXPECT_THAT(book_.CreatePlan(kSchool, input),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan.year")));
  input.year = 2024;
  input.title = "   ";
  EXPECT_THAT(book_.CreatePlan(kSchool, input),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan.title")));
  input.title = "x";
  input.directive_refs = {"a\nb"};
  EXPECT_THAT(book_.CreatePlan(kSchool, input),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan.directive_refs[0]")));
  EXPECT_EQ(store_.plan_count(), 0);
}

TEST_F(PlanBookTest, PlanStatusMovesForwardAndClosedPlansAreReadOnly) {
  MakePlan();
  MakeTask("1.1");
  PlanPatch activate;
  activate.status = PlanStatus::kActive;
  ASSERT_OK_AND_ASSIGN(Plan active, book_.UpdatePlan(kSchool, "par-2024", activate));
  EXPECT_EQ(active.status, PlanStatus::kActive);
  PlanPatch back;
  back.status = PlanStatus::kDraft;
  EXPECT_THAT(book_.UpdatePlan(kSchool, "par-2024", back), StatusIs(absl::StatusCode::kFailedPrecondition));
  PlanPatch close;
  close.status = PlanStatus::kClosed;
  ASSERT_OK(book_.UpdatePlan(kSchool, "par-2024", close).status());
  NewTask task;
  task.code = "1.2";
  task.title = "x";
  EXPECT_THAT(book_.CreateTask(kSchool, "par-2024", task), StatusIs(absl::StatusCode::kFailedPrecondition));
  ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks(kSchool, "par-2024", {}, 0, ""));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_THAT(book_.AddProgressUpdate(kSchool, "par-2024", page.items[0].task_id, "accounts/a",
                                      NewProgress{50, "", {}}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(PlanBookTest, TaskCodeIsUniquePerPlan) {
  MakePlan();
  MakePlan("other");
  MakeTask("1.5");
  NewTask again;
  again.code = "1.5";
  again.title = "Trùng mã";
  EXPECT_THAT(book_.CreateTask(kSchool, "par-2024", again),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("1.5")));
  EXPECT_THAT(book_.CreateTask(kSchool, "other", again), IsOk());
  again.code = "1 5";
  EXPECT_THAT(book_.CreateTask(kSchool, "par-2024", again),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("task.code")));
}

TEST_F(PlanBookTest, TaskInUnknownPlanIsNotFound) {
  NewTask task;
  task.code = "1.1";
  task.title = "x";
  EXPECT_THAT(book_.CreateTask(kSchool, "nope", task), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(PlanBookTest, RejectsUnknownParFieldAndBadPercent) {
  MakePlan();
  NewTask task;
  task.code = "1.1";
  task.title = "x";
  task.par_field = "khong_co";
  EXPECT_THAT(book_.CreateTask(kSchool, "par-2024", task),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("task.par_field")));
  task.par_field = "tthc";
  task.percent_done = 101;
  EXPECT_THAT(book_.CreateTask(kSchool, "par-2024", task),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("task.percent_done")));
  task.percent_done = 0;
  task.status = TaskStatus::kDone;
  EXPECT_THAT(book_.CreateTask(kSchool, "par-2024", task),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("task.status")));
  EXPECT_EQ(store_.task_count(), 0);
}

TEST_F(PlanBookTest, ListsTasksInNaturalCodeOrderAcrossPages) {
  MakePlan();
  for (const char* code : {"1.10", "1.2", "1.1", "2.1", "1.12", "1.3"}) MakeTask(code);
  std::vector<std::string> codes;
  std::string token;
  int pages = 0;
  do {
    ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks(kSchool, "par-2024", {}, 4, token));
    for (const Task& t : page.items) codes.push_back(t.code);
    token = page.next_page_token;
    ++pages;
  } while (!token.empty());
  EXPECT_EQ(pages, 2);
  EXPECT_THAT(codes, ElementsAre("1.1", "1.2", "1.3", "1.10", "1.12", "2.1"));
  EXPECT_THAT(book_.ListTasks(kSchool, "par-2024", {}, 4, "garbage!"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
  EXPECT_THAT(book_.ListTasks(kSchool, "par-2024", {}, -1, ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
}

TEST_F(PlanBookTest, OverdueIsDerivedFromTodayNotStored) {
  MakePlan();
  Task task = MakeTask("1.1", {2024, 6, 10});
  EXPECT_FALSE(IsOverdue(task, book_.Today()));
  now_ = At(2024, 6, 10, 23);  // still the due date, late evening
  EXPECT_FALSE(IsOverdue(task, book_.Today()));
  now_ = At(2024, 6, 11, 0);
  EXPECT_TRUE(IsOverdue(task, book_.Today()));
  TaskQuery query;
  query.overdue_only = true;
  ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks(kSchool, "par-2024", query, 0, ""));
  EXPECT_EQ(page.items.size(), 1u);
  now_ = At(2024, 6, 1);
  ASSERT_OK_AND_ASSIGN(page, book_.ListTasks(kSchool, "par-2024", query, 0, ""));
  EXPECT_TRUE(page.items.empty());
}

TEST_F(PlanBookTest, FiltersByStatusOwnerAndDueRange) {
  MakePlan();
  MakeTask("1.1", {2024, 3, 31}, "Nguyễn Thị Lan");
  MakeTask("1.2", {2024, 6, 10}, "Trần Văn Đức");
  MakeTask("1.3", {2024, 12, 31}, "Nguyễn Thị Lan");
  MakeTask("1.4", {}, "Nguyễn Thị Lan");
  TaskQuery query;
  query.owner = "Nguyễn Thị Lan";
  query.due_after = {2024, 4, 1};
  ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks(kSchool, "par-2024", query, 0, ""));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].code, "1.3");
  TaskQuery status;
  status.statuses = {TaskStatus::kInProgress};
  ASSERT_OK_AND_ASSIGN(page, book_.ListTasks(kSchool, "par-2024", status, 0, ""));
  EXPECT_TRUE(page.items.empty());
  TaskQuery reversed;
  reversed.due_after = {2024, 6, 1};
  reversed.due_before = {2024, 5, 1};
  EXPECT_THAT(book_.ListTasks(kSchool, "par-2024", reversed, 0, ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("due_before")));
  TaskQuery unspecified;
  unspecified.statuses = {TaskStatus::kUnspecified};
  EXPECT_THAT(book_.ListTasks(kSchool, "par-2024", unspecified, 0, ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("statuses")));
  EXPECT_THAT(book_.ListTasks(kSchool, "nope", {}, 0, ""), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(PlanBookTest, DoneSetsFullPercentAndCompletionTimeAndIsFinal) {
  MakePlan();
  Task task = MakeTask("1.1");
  TaskPatch patch;
  patch.status = TaskStatus::kDone;
  ASSERT_OK_AND_ASSIGN(Task done, book_.UpdateTask(kSchool, "par-2024", task.task_id, patch));
  EXPECT_EQ(done.percent_done, 100);
  ASSERT_TRUE(done.complete_time.has_value());
  EXPECT_EQ(*done.complete_time, now_);
  patch.status = TaskStatus::kInProgress;
  EXPECT_THAT(book_.UpdateTask(kSchool, "par-2024", task.task_id, patch),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(
      book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "accounts/a", NewProgress{50, "", {}}),
      StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(PlanBookTest, CancelledTaskTakesNoProgress) {
  MakePlan();
  Task task = MakeTask("1.1");
  TaskPatch patch;
  patch.status = TaskStatus::kCancelled;
  ASSERT_OK(book_.UpdateTask(kSchool, "par-2024", task.task_id, patch).status());
  EXPECT_THAT(
      book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "accounts/a", NewProgress{10, "", {}}),
      StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(PlanBookTest, ProgressUpdatesAreAppendedAndHundredMarksDone) {
  MakePlan();
  Task task = MakeTask("1.7");
  ASSERT_OK_AND_ASSIGN(auto first, book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "accounts/gv1",
                                                           NewProgress{40, "Đã tập huấn thư điện tử", {}}));
  EXPECT_EQ(first.number, 1);
  ASSERT_OK_AND_ASSIGN(Task started, book_.GetTask(kSchool, "par-2024", task.task_id));
  EXPECT_EQ(started.status, TaskStatus::kInProgress);
  EXPECT_EQ(started.percent_done, 40);
  now_ += absl::Hours(1);
  Evidence evidence{"30/KH-MN2010", "Kế hoạch tuyên truyền", "https://mn2010.edu.vn/kh30", ""};
  ASSERT_OK_AND_ASSIGN(auto second, book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "accounts/gv1",
                                                            NewProgress{100, "Hoàn thành", {evidence}}));
  EXPECT_EQ(second.number, 2);
  ASSERT_OK_AND_ASSIGN(Task done, book_.GetTask(kSchool, "par-2024", task.task_id));
  EXPECT_EQ(done.status, TaskStatus::kDone);
  EXPECT_EQ(done.complete_time, now_);
  ASSERT_OK_AND_ASSIGN(auto page, book_.ListProgressUpdates(kSchool, "par-2024", task.task_id, 1, ""));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].percent_done, 40);
  ASSERT_OK_AND_ASSIGN(auto rest,
                       book_.ListProgressUpdates(kSchool, "par-2024", task.task_id, 1, page.next_page_token));
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_EQ(rest.items[0].evidence[0].document_number, "30/KH-MN2010");
  EXPECT_TRUE(rest.next_page_token.empty());
}

TEST_F(PlanBookTest, RejectsBadProgressAndEvidence) {
  MakePlan();
  Task task = MakeTask("1.1");
  EXPECT_THAT(book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "a", NewProgress{-1, "", {}}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("progress_update.percent_done")));
  EXPECT_THAT(book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "a",
                                      NewProgress{10, "", {Evidence{"", "", "", "ABC"}}}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("progress_update.evidence[0].sha256")));
  EXPECT_THAT(book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "a",
                                      NewProgress{10, "", {Evidence{"", "", "javascript:x", ""}}}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("progress_update.evidence[0].uri")));
  EXPECT_THAT(
      book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "a", NewProgress{10, "", {Evidence{}}}),
      StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_OK_AND_ASSIGN(Task unchanged, book_.GetTask(kSchool, "par-2024", task.task_id));
  EXPECT_EQ(unchanged.percent_done, 0);
  EXPECT_EQ(unchanged.progress_count, 0);
}

TEST_F(PlanBookTest, TemplateCreatesTwelveTasksDueInTheYear) {
  TemplateInstance instance{"par-improvement", "par-2025",    2025,
                            "05/KH-MN2010",    {2025, 1, 10}, "Trường Mầm non 20/10"};
  ASSERT_OK_AND_ASSIGN(Plan plan, book_.InstantiateTemplate(kSchool, instance));
  EXPECT_EQ(plan.task_count, 12);
  EXPECT_THAT(plan.title, HasSubstr("năm 2025"));
  EXPECT_EQ(plan.status, PlanStatus::kActive);
  ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks(kSchool, "par-2025", {}, 0, ""));
  ASSERT_EQ(page.items.size(), 12u);
  EXPECT_EQ(page.items[0].code, "1.1");
  EXPECT_EQ(page.items[11].code, "1.12");
  for (const Task& t : page.items) {
    EXPECT_EQ(t.due_date.year, 2025) << t.code;
    EXPECT_TRUE(IsParFieldCode(t.par_field)) << t.code;
  }
  EXPECT_THAT(book_.InstantiateTemplate(kSchool, instance), StatusIs(absl::StatusCode::kAlreadyExists));
  instance.template_id = "missing";
  instance.plan_id = "x";
  EXPECT_THAT(book_.InstantiateTemplate(kSchool, instance), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(store_.task_count(), 12);
}

TEST_F(PlanBookTest, ListsPlansNewestYearFirstAcrossPages) {
  MakePlan("a-2023", 2023);
  MakePlan("b-2024", 2024);
  MakePlan("a-2024", 2024);
  MakePlan("z-2025", 2025);
  std::vector<std::string> ids;
  std::string token;
  do {
    ASSERT_OK_AND_ASSIGN(auto page, book_.ListPlans(kSchool, 0, 3, token));
    for (const Plan& p : page.items) ids.push_back(p.plan_id);
    token = page.next_page_token;
  } while (!token.empty());
  EXPECT_THAT(ids, ElementsAre("z-2025", "a-2024", "b-2024", "a-2023"));
  ASSERT_OK_AND_ASSIGN(auto only, book_.ListPlans(kSchool, 2024, 0, ""));
  EXPECT_EQ(only.items.size(), 2u);
  ASSERT_OK_AND_ASSIGN(auto other, book_.ListPlans("other-school", 0, 0, ""));
  EXPECT_TRUE(other.items.empty());
}

TEST_F(PlanBookTest, CodesAndNumbersRejectInvisibleAndBidiCharacters) {
  // "1.5" with a zero-width space looks like "1.5" but is another code;
  // U+202E turns "13/KH-MN2010" around on screen.
  MakePlan();
  NewTask task;
  task.title = "Nhiệm vụ";
  for (const char* code : {"1.\u200B5", "\uFEFF1.5", "1.5\u2066", "1.\u00AD5"}) {
    task.code = code;
    EXPECT_THAT(book_.CreateTask(kSchool, "par-2024", task),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("task.code")))
        << code;
  }
  NewPlan plan;
  plan.plan_id = "par-2025";
  plan.year = 2025;
  plan.title = "Kế hoạch";
  plan.number = "13/KH-\u202EMN2010";
  EXPECT_THAT(book_.CreatePlan(kSchool, plan),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan.number")));
  plan.number = "13/KH-MN2010";
  plan.title = "Kế hoạch\nnăm 2025";  // titles are one line
  EXPECT_THAT(book_.CreatePlan(kSchool, plan),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("plan.title")));
  EXPECT_EQ(store_.task_count(), 0);
}

TEST_F(PlanBookTest, DescriptionsAndNotesKeepLineBreaks) {
  MakePlan();
  NewTask input;
  input.code = "1.1";
  input.title = "Nhiệm vụ";
  input.description = "Bước 1: rà soát\nBước 2:\tban hành";
  ASSERT_OK_AND_ASSIGN(Task task, book_.CreateTask(kSchool, "par-2024", input));
  EXPECT_EQ(task.description, "Bước 1: rà soát\nBước 2:\tban hành");
  EXPECT_THAT(
      book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "a", NewProgress{10, "Đã họp\u200B", {}}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("progress_update.note")));
  EXPECT_OK(book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "a",
                                    NewProgress{10, "Đã họp\nđủ thành phần", {}}));
}

TEST_F(PlanBookTest, EvidenceLinksMustBeAbsoluteHttpUrlsWithAHost) {
  MakePlan();
  Task task = MakeTask("1.1");
  for (const char* uri : {"http://", "https://a b", "http://user:pw@mn2010.edu.vn/kh", "www.mn2010.edu.vn/kh",
                          "https:/mn2010.edu.vn", "ftp://mn2010.edu.vn/kh"}) {
    EXPECT_THAT(book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "a",
                                        NewProgress{10, "", {Evidence{"", "", uri, ""}}}),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("progress_update.evidence[0].uri")))
        << uri;
  }
  ASSERT_OK_AND_ASSIGN(
      ProgressUpdate update,
      book_.AddProgressUpdate(kSchool, "par-2024", task.task_id, "a",
                              NewProgress{10, "", {Evidence{"", "", " https://mn2010.edu.vn/kh30 ", ""}}}));
  EXPECT_EQ(update.evidence[0].uri, "https://mn2010.edu.vn/kh30");
}

TEST_F(PlanBookTest, PageTokensKeepTheirFormatAndForgedCursorsAreRejected) {
  MakePlan("a-2024", 2024);
  MakePlan("b-2024", 2024);
  ASSERT_OK_AND_ASSIGN(auto first, book_.ListPlans(kSchool, 0, 1, ""));
  // Clients may hold tokens made before paging was shared: same bytes.
  EXPECT_EQ(first.next_page_token, platform::EncodePageToken("2024/a-2024"));
  ASSERT_OK_AND_ASSIGN(auto second, book_.ListPlans(kSchool, 0, 1, first.next_page_token));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].plan_id, "b-2024");
  for (const char* key : {"2024", "x/a-2024", "2024/", "99999999999/a"}) {
    EXPECT_THAT(book_.ListPlans(kSchool, 0, 1, platform::EncodePageToken(key)),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")))
        << key;
  }
  MakePlan();
  Task task = MakeTask("1.1");
  EXPECT_THAT(
      book_.ListProgressUpdates(kSchool, "par-2024", task.task_id, 0, platform::EncodePageToken("-1")),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
}

}  // namespace
}  // namespace parhub::tasks
