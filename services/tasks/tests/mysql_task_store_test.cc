// Integration tests of MySqlTaskStore under the real domain classes against
// MariaDB/MySQL: SQL ordering, filters and pagination agree with the domain,
// Vietnamese text and times round-trip exactly, fan-out is one transaction.
#include "services/tasks/store/mysql_task_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/db/db.h"
#include "platform/db/migrations.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"
#include "services/tasks/domain/directive_desk.h"
#include "services/tasks/domain/plan_book.h"
#include "services/tasks/domain/task_summarizer.h"

namespace parhub::tasks {
namespace {

using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;

using ::parhub::testing::At;

class MySqlTaskStoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new ::parhub::testing::TestDatabase("tasks_store");
    db_ = new platform::Db(database_->config());
    ASSERT_OK(platform::ApplyMigrations(*db_, "tasks", TasksMigrations()));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete database_;
  }

  MySqlTaskStoreTest()
      : store_(*db_),
        book_(store_, [this] { return now_; }),
        desk_(store_, [this] { return now_; }),
        school_("s-" + platform::RandomHex(4)) {}

  void MakePlan(const std::string& plan_id = "par-2024", int year = 2024) {
    NewPlan plan;
    plan.plan_id = plan_id;
    plan.year = year;
    plan.title = "Kế hoạch cải thiện Chỉ số CCHC";
    ASSERT_OK(book_.CreatePlan(school_, plan).status());
  }

  Task MakeTask(const std::string& code, Date due = {2024, 6, 10}, const std::string& owner = "") {
    NewTask task;
    task.code = code;
    task.title = "Nhiệm vụ " + code;
    task.due_date = due;
    task.owner = owner;
    auto created = book_.CreateTask(school_, "par-2024", task);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : Task{};
  }

  static ::parhub::testing::TestDatabase* database_;
  static platform::Db* db_;
  MySqlTaskStore store_;
  absl::Time now_ = At(2024, 5, 1) + absl::Microseconds(123456);
  PlanBook book_;
  DirectiveDesk desk_;
  std::string school_;
};

::parhub::testing::TestDatabase* MySqlTaskStoreTest::database_ = nullptr;
platform::Db* MySqlTaskStoreTest::db_ = nullptr;

TEST_F(MySqlTaskStoreTest, PlanRoundTripsTextDatesRefsAndTimes) {
  NewPlan input;
  input.plan_id = "par-2024";
  input.number = "13/KH-MN2010";
  input.year = 2024;
  input.title = "Kế hoạch cải thiện Chỉ số cải cách hành chính (PAR Index) năm 2024";
  input.issue_date = {2024, 1, 12};
  input.issuer = "Trường Mầm non 20/10";
  input.directive_refs = {"Kế hoạch số 04/KH-UBND ngày 04/01/2024", "Công văn số 953/UBND-NV ngày 02/4/2024"};
  ASSERT_OK(book_.CreatePlan(school_, input).status());
  MakeTask("1.1");
  ASSERT_OK_AND_ASSIGN(Plan plan, book_.GetPlan(school_, "par-2024"));
  EXPECT_EQ(plan.title, input.title);
  EXPECT_EQ(plan.issuer, input.issuer);
  EXPECT_EQ(plan.issue_date, (Date{2024, 1, 12}));
  EXPECT_EQ(plan.directive_refs, input.directive_refs);
  EXPECT_EQ(plan.status, PlanStatus::kDraft);
  EXPECT_EQ(plan.create_time, now_);  // microseconds survive
  EXPECT_EQ(plan.task_count, 1);
  EXPECT_THAT(book_.CreatePlan(school_, input), StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(book_.GetPlan("other", "par-2024"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MySqlTaskStoreTest, ListsPlansNewestYearFirstWithTaskCounts) {
  MakePlan("a-2023", 2023);
  MakePlan("par-2024", 2024);
  MakePlan("b-2024", 2024);
  MakeTask("1.1");
  MakeTask("1.2");
  ASSERT_OK_AND_ASSIGN(auto first, book_.ListPlans(school_, 0, 2, ""));
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].plan_id, "b-2024");
  EXPECT_EQ(first.items[1].plan_id, "par-2024");
  EXPECT_EQ(first.items[1].task_count, 2);
  ASSERT_OK_AND_ASSIGN(auto second, book_.ListPlans(school_, 0, 2, first.next_page_token));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].plan_id, "a-2023");
  EXPECT_TRUE(second.next_page_token.empty());
}

TEST_F(MySqlTaskStoreTest, TasksPageInNaturalCodeOrder) {
  MakePlan();
  for (const char* code : {"1.10", "1.2", "1.1", "2.1", "1.12", "1.3", "1.11"}) MakeTask(code);
  std::vector<std::string> codes;
  std::string token;
  do {
    ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks(school_, "par-2024", {}, 3, token));
    for (const Task& t : page.items) codes.push_back(t.code);
    token = page.next_page_token;
  } while (!token.empty());
  EXPECT_THAT(codes, ElementsAre("1.1", "1.2", "1.3", "1.10", "1.11", "1.12", "2.1"));
}

TEST_F(MySqlTaskStoreTest, CodeIsUniquePerPlanInTheDatabase) {
  MakePlan();
  MakeTask("1.5");
  NewTask again;
  again.code = "1.5";
  again.title = "Trùng";
  EXPECT_THAT(book_.CreateTask(school_, "par-2024", again), StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(MySqlTaskStoreTest, FiltersRunInSql) {
  MakePlan();
  MakeTask("1.1", {2024, 3, 31}, "Nguyễn Thị Lan");
  MakeTask("1.2", {2024, 6, 10}, "Trần Văn Đức");
  Task late = MakeTask("1.3", {2024, 4, 30}, "Nguyễn Thị Lan");
  MakeTask("1.4", {}, "Nguyễn Thị Lan");
  TaskPatch done;
  done.status = TaskStatus::kDone;
  ASSERT_OK(book_.UpdateTask(school_, "par-2024", late.task_id, done).status());

  TaskQuery owner;
  owner.owner = "Nguyễn Thị Lan";
  ASSERT_OK_AND_ASSIGN(auto page, book_.ListTasks(school_, "par-2024", owner, 0, ""));
  EXPECT_EQ(page.items.size(), 3u);
  TaskQuery folded;
  folded.owner = "nguyen thi lan";  // exact match only
  ASSERT_OK_AND_ASSIGN(page, book_.ListTasks(school_, "par-2024", folded, 0, ""));
  EXPECT_TRUE(page.items.empty());

  TaskQuery range;
  range.due_after = {2024, 4, 1};
  range.due_before = {2024, 6, 10};
  ASSERT_OK_AND_ASSIGN(page, book_.ListTasks(school_, "par-2024", range, 0, ""));
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].code, "1.2");
  EXPECT_EQ(page.items[1].code, "1.3");

  now_ = At(2024, 5, 15);
  TaskQuery overdue;
  overdue.overdue_only = true;
  ASSERT_OK_AND_ASSIGN(page, book_.ListTasks(school_, "par-2024", overdue, 0, ""));
  ASSERT_EQ(page.items.size(), 1u);  // 1.3 is past due but done; 1.4 has no due date
  EXPECT_EQ(page.items[0].code, "1.1");

  TaskQuery status;
  status.statuses = {TaskStatus::kDone, TaskStatus::kCancelled};
  ASSERT_OK_AND_ASSIGN(page, book_.ListTasks(school_, "par-2024", status, 0, ""));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].code, "1.3");
  EXPECT_EQ(page.items[0].percent_done, 100);
  EXPECT_EQ(page.items[0].complete_time, At(2024, 5, 1) + absl::Microseconds(123456));
}

TEST_F(MySqlTaskStoreTest, ProgressWithEvidencePagesOldestFirst) {
  MakePlan();
  Task task = MakeTask("1.7");
  for (int percent : {20, 60}) {
    now_ += absl::Hours(1);
    ASSERT_OK(
        book_
            .AddProgressUpdate(school_, "par-2024", task.task_id, "accounts/gv-lan",
                               NewProgress{percent,
                                           "Đã tập huấn",
                                           {Evidence{"30/KH-MN2010", "Kế hoạch tuyên truyền",
                                                     "https://mn2010.edu.vn/kh30", std::string(64, 'a')},
                                            Evidence{"", "Biên bản họp", "", ""}}})
            .status());
  }
  ASSERT_OK(book_
                .AddProgressUpdate(school_, "par-2024", task.task_id, "accounts/gv-lan",
                                   NewProgress{100, "Xong", {}})
                .status());
  ASSERT_OK_AND_ASSIGN(auto first, book_.ListProgressUpdates(school_, "par-2024", task.task_id, 2, ""));
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.items[0].percent_done, 20);
  ASSERT_EQ(first.items[1].evidence.size(), 2u);
  EXPECT_EQ(first.items[1].evidence[0].title, "Kế hoạch tuyên truyền");
  EXPECT_EQ(first.items[1].evidence[1].title, "Biên bản họp");
  ASSERT_OK_AND_ASSIGN(
      auto rest, book_.ListProgressUpdates(school_, "par-2024", task.task_id, 2, first.next_page_token));
  ASSERT_EQ(rest.items.size(), 1u);
  EXPECT_EQ(rest.items[0].percent_done, 100);
  EXPECT_TRUE(rest.items[0].evidence.empty());
  ASSERT_OK_AND_ASSIGN(Task done, book_.GetTask(school_, "par-2024", task.task_id));
  EXPECT_EQ(done.status, TaskStatus::kDone);
  EXPECT_EQ(done.progress_count, 3);
}

TEST(EvidenceKeySlotsTest, ListsOfAnyLengthShareAFewTexts) {
  std::set<size_t> texts;
  for (size_t n = 1; n <= 1000; ++n) {
    const size_t slots = EvidenceKeySlots(n);
    EXPECT_GE(slots, n);
    EXPECT_LT(slots, 2 * n);
    texts.insert(slots);
  }
  EXPECT_EQ(texts.size(), 11u);  // 1, 2, 4, …, 1024
  EXPECT_EQ(EvidenceKeySlots(0), 1u);
}

TEST_F(MySqlTaskStoreTest, PaddedEvidenceListGivesEachUpdateItsOwnEvidenceOnce) {
  MakePlan();
  Task task = MakeTask("1.8");
  // Five updates (padded to 8 keys), the third without evidence, the fifth
  // with two items.
  for (int i = 1; i <= 5; ++i) {
    now_ += absl::Hours(1);
    std::vector<Evidence> evidence;
    if (i != 3) evidence.push_back(Evidence{absl::StrCat(i, "/BB"), absl::StrCat("Biên bản ", i), "", ""});
    if (i == 5) evidence.push_back(Evidence{"", "Ảnh chụp", "", ""});
    ASSERT_OK(book_
                  .AddProgressUpdate(school_, "par-2024", task.task_id, "accounts/gv-lan",
                                     NewProgress{10 * i, absl::StrCat("Lần ", i), evidence})
                  .status());
  }
  for (int page_size : {5, 3}) {  // 5 keys → 8 slots; 3 → 4 and 2 → 2
    std::vector<ProgressUpdate> all;
    std::string token;
    do {
      ASSERT_OK_AND_ASSIGN(auto page,
                           book_.ListProgressUpdates(school_, "par-2024", task.task_id, page_size, token));
      all.insert(all.end(), page.items.begin(), page.items.end());
      token = page.next_page_token;
    } while (!token.empty());
    ASSERT_EQ(all.size(), 5u) << page_size;
    for (int i = 1; i <= 5; ++i) {
      const ProgressUpdate& u = all[i - 1];
      ASSERT_EQ(u.evidence.size(), i == 3   ? 0u
                                   : i == 5 ? 2u
                                            : 1u)
          << "update " << i << ", page " << page_size;
      if (i != 3) {
        EXPECT_EQ(u.evidence[0].title, absl::StrCat("Biên bản ", i));
      }
    }
    EXPECT_EQ(all[4].evidence[1].title, "Ảnh chụp");
  }
}

TEST_F(MySqlTaskStoreTest, DirectiveFanOutAndProgress) {
  std::string a = school_ + "-a", b = school_ + "-b";
  NewDirective input;
  input.directive_id = "cv-953";
  input.number = "953/UBND-NV";
  input.title = "Khắc phục nội dung Chỉ số CCHC bị trừ điểm";
  input.issue_date = {2024, 4, 2};
  input.due_date = {2024, 6, 10};
  input.school_ids = {b, a};
  std::string authority = "q-" + platform::RandomHex(3);
  ASSERT_OK_AND_ASSIGN(Directive d, desk_.Publish(authority, input));
  EXPECT_EQ(d.school_count, 2);
  ASSERT_OK_AND_ASSIGN(auto tasks, book_.ListTasks(a, "cd-2024", {}, 0, ""));
  ASSERT_EQ(tasks.items.size(), 1u);
  now_ = At(2024, 6, 12);
  ASSERT_OK(
      book_.AddProgressUpdate(a, "cd-2024", tasks.items[0].task_id, "accounts/x", NewProgress{100, "", {}})
          .status());
  ASSERT_OK_AND_ASSIGN(DirectiveProgress progress, desk_.Progress(authority, "cv-953"));
  ASSERT_EQ(progress.schools.size(), 2u);
  EXPECT_EQ(progress.schools[0].school_id, a);
  EXPECT_EQ(progress.schools[0].timeliness, Timeliness::kDoneLate);
  EXPECT_EQ(progress.schools[1].timeliness, Timeliness::kOverdue);
  // A duplicate publish fails and leaves no second task behind.
  EXPECT_THAT(desk_.Publish(authority, input), StatusIs(absl::StatusCode::kAlreadyExists));
  ASSERT_OK_AND_ASSIGN(tasks, book_.ListTasks(b, "cd-2024", {}, 0, ""));
  EXPECT_EQ(tasks.items.size(), 1u);
}

TEST_F(MySqlTaskStoreTest, SummaryCountsTheSchoolsTasksDueInPeriod) {
  MakePlan();
  MakeTask("1.1", {2024, 3, 31});
  MakeTask("1.2", {2024, 6, 10});
  MakeTask("1.3", {});
  TaskSummarizer summarizer(store_, [this] { return now_; });
  ASSERT_OK_AND_ASSIGN(TaskSummary q2, summarizer.Summarize(school_, {2024, 4, 1}, {2024, 6, 30}));
  EXPECT_EQ(q2.total, 1);
  ASSERT_OK_AND_ASSIGN(TaskSummary all, summarizer.Summarize(school_, {}, {}));
  EXPECT_EQ(all.total, 3);
  EXPECT_EQ(all.overdue, 1);  // 1.1 as of 2024-05-01
}

// The grouped SQL of the gateway's roll-ups must count exactly as the
// per-school summary does, including the local date of a completion just
// after midnight in Vietnam (still the day before in UTC).
TEST_F(MySqlTaskStoreTest, GroupedSummaryOfManySchoolsCountsAsTheSummaryOfEach) {
  const std::string other = "s-" + platform::RandomHex(4);
  const std::string empty = "s-" + platform::RandomHex(4);
  auto task = [](const std::string& school, const std::string& code, TaskStatus status, Date due, int percent,
                 const std::string& field, std::optional<absl::Time> complete = std::nullopt) {
    Task t;
    t.school_id = school;
    t.plan_id = "par-2024";
    t.task_id = "t-" + code;
    t.code = code;
    t.title = "Nhiệm vụ " + code;
    t.status = status;
    t.due_date = due;
    t.percent_done = percent;
    t.par_field = field;
    t.complete_time = complete;
    t.create_time = At(2024, 1, 2);
    t.update_time = At(2024, 1, 2);
    return t;
  };
  for (const std::string& school : {school_, other}) {
    NewPlan plan;
    plan.plan_id = "par-2024";
    plan.year = 2024;
    plan.title = "Kế hoạch";
    ASSERT_OK(book_.CreatePlan(school, plan).status());
  }
  std::vector<Task> tasks = {
      task(school_, "1", TaskStatus::kNotStarted, {2024, 3, 10}, 0, "tthc"),
      task(school_, "2", TaskStatus::kInProgress, {2024, 12, 31}, 40, "tthc"),
      task(school_, "3", TaskStatus::kDone, {2024, 6, 10}, 100, "cong_vu", At(2024, 6, 10, 23)),
      task(school_, "4", TaskStatus::kDone, {2024, 6, 10}, 100, "chi_dao_dieu_hanh", At(2024, 6, 11, 0)),
      task(school_, "5", TaskStatus::kCancelled, {2024, 3, 1}, 30, "tthc"),
      task(school_, "6", TaskStatus::kDone, {}, 100, ""),
      task(school_, "7", TaskStatus::kCancelled, {2024, 4, 1}, 0, "tai_chinh_cong"),
      task(other, "1", TaskStatus::kDone, {2024, 2, 1}, 100, "tthc", At(2024, 1, 20)),
      task(other, "2", TaskStatus::kInProgress, {2024, 9, 1}, 75, "", std::nullopt),
      // Recorded in December, done (done_on) on its due day: on time.
      task(school_, "8", TaskStatus::kDone, {2024, 6, 10}, 100, "tthc", At(2024, 12, 1)),
  };
  tasks.back().done_on = {2024, 6, 10};
  for (const Task& t : tasks) ASSERT_OK(store_.InsertTask(t));

  const Date today{2024, 7, 1};
  const std::vector<std::pair<Date, Date>> periods = {{{}, {}},
                                                      {{2024, 1, 1}, {2024, 6, 30}},
                                                      {{2024, 6, 10}, {2024, 6, 10}},
                                                      {{2024, 4, 1}, {}},
                                                      {{}, {2024, 3, 31}}};
  for (const auto& [from, to] : periods) {
    SCOPED_TRACE(from.ToIso() + ".." + to.ToIso());
    ASSERT_OK_AND_ASSIGN(auto grouped, store_.SummarizeSchoolsDue({school_, other, empty}, from, to, today));
    for (const std::string& school : {school_, other, empty}) {
      ASSERT_OK_AND_ASSIGN(auto due, store_.ListSchoolTasksDue(school, from, to));
      TaskSummary expected = TaskSummarizer::Count(school, due, today);
      auto it = std::find_if(grouped.begin(), grouped.end(),
                             [&](const TaskSummary& s) { return s.school_id == school; });
      if (due.empty()) {
        EXPECT_EQ(it, grouped.end()) << school;
        continue;
      }
      ASSERT_NE(it, grouped.end()) << school;
      EXPECT_EQ(it->total, expected.total);
      EXPECT_EQ(it->not_started, expected.not_started);
      EXPECT_EQ(it->in_progress, expected.in_progress);
      EXPECT_EQ(it->done, expected.done);
      EXPECT_EQ(it->cancelled, expected.cancelled);
      EXPECT_EQ(it->overdue, expected.overdue);
      EXPECT_EQ(it->done_on_time, expected.done_on_time);
      EXPECT_EQ(it->done_late, expected.done_late);
      EXPECT_DOUBLE_EQ(it->average_percent_done, expected.average_percent_done);
      std::map<std::string, std::pair<int, int>> got_fields, want_fields;
      for (const auto& f : it->by_par_field) got_fields[f.par_field] = {f.total, f.done};
      for (const auto& f : expected.by_par_field) want_fields[f.par_field] = {f.total, f.done};
      EXPECT_EQ(got_fields, want_fields);
    }
  }
  // The boundary itself: completed 00:00 on 11 June in Vietnam is late.
  ASSERT_OK_AND_ASSIGN(auto june, store_.SummarizeSchoolsDue({school_}, {2024, 6, 10}, {2024, 6, 10}, today));
  ASSERT_EQ(june.size(), 1u);
  EXPECT_EQ(june[0].done_on_time, 2);  // task 8 by its done_on
  EXPECT_EQ(june[0].done_late, 1);
}

TEST_F(MySqlTaskStoreTest, BatchSummaryAnswersEverySchoolInTheOrderAsked) {
  MakePlan();
  MakeTask("1.1", {2024, 3, 31});
  const std::string quiet = "s-" + platform::RandomHex(4);
  TaskSummarizer summarizer(store_, [this] { return now_; });
  ASSERT_OK_AND_ASSIGN(auto summaries, summarizer.SummarizeSchools({quiet, school_}, {}, {}));
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(summaries[0].school_id, quiet);
  EXPECT_EQ(summaries[0].total, 0);
  EXPECT_EQ(summaries[1].school_id, school_);
  EXPECT_EQ(summaries[1].total, 1);
  EXPECT_EQ(summaries[1].overdue, 1);
}

// Issue 8: done_on, corrections and archived plans as stored.
TEST_F(MySqlTaskStoreTest, CorrectionsAreDerivedOnReadAndHistoryIsKept) {
  now_ = At(2024, 12, 1);
  MakePlan();
  Task task = MakeTask("1.7");
  Evidence doc{"BC-Q1/2024", "Báo cáo quý I", "https://mn2010.edu.vn/bc", std::string(64, 'a')};
  ASSERT_OK(book_
                .AddProgressUpdate(school_, "par-2024", task.task_id, "accounts/a",
                                   NewProgress{40, "", {doc}, {2024, 3, 2}})
                .status());
  ASSERT_OK(book_
                .AddProgressUpdate(school_, "par-2024", task.task_id, "accounts/a",
                                   NewProgress{100, "nhầm", {}, {2024, 4, 1}})
                .status());
  ASSERT_OK_AND_ASSIGN(ProgressUpdate fix,
                       book_.AddProgressUpdate(school_, "par-2024", task.task_id, "accounts/a",
                                               NewProgress{60, "sửa", {doc}, {}, 2}));
  EXPECT_EQ(fix.done_on, (Date{2024, 4, 1}));
  ASSERT_OK_AND_ASSIGN(auto history, book_.ListProgressUpdates(school_, "par-2024", task.task_id, 0, ""));
  ASSERT_EQ(history.items.size(), 3u);
  EXPECT_EQ(history.items[0].done_on, (Date{2024, 3, 2}));
  EXPECT_EQ(history.items[0].evidence.size(), 1u);
  EXPECT_EQ(history.items[1].superseded_by, 3);
  EXPECT_EQ(history.items[2].supersedes, 2);
  EXPECT_EQ(history.items[2].superseded_by, 0);
  ASSERT_OK_AND_ASSIGN(Task reopened, book_.GetTask(school_, "par-2024", task.task_id));
  EXPECT_EQ(reopened.status, TaskStatus::kInProgress);
  EXPECT_EQ(reopened.percent_done, 60);
  EXPECT_FALSE(reopened.done_on.IsSet());
  // One correction per update, even written straight to the store.
  ProgressUpdate twice = fix;
  twice.number = 4;
  EXPECT_THAT(store_.InsertProgressUpdate(twice), StatusIs(absl::StatusCode::kAlreadyExists));
  ASSERT_OK(book_
                .AddProgressUpdate(school_, "par-2024", task.task_id, "accounts/a",
                                   NewProgress{100, "xong", {}, {2024, 6, 9}})
                .status());
  ASSERT_OK_AND_ASSIGN(Task done, book_.GetTask(school_, "par-2024", task.task_id));
  EXPECT_EQ(done.done_on, (Date{2024, 6, 9}));
  EXPECT_EQ(TimelinessOf(done, Date{2024, 12, 1}), Timeliness::kDoneOnTime);
}

TEST_F(MySqlTaskStoreTest, WorkCountsAgreeWithTheRowsAcrossPlansAndPages) {
  MakePlan();
  MakePlan("cd-2024", 2024);
  Evidence doc{"1/BC", "", "", ""};
  std::vector<Task> tasks = {MakeTask("1.1"), MakeTask("1.2"), MakeTask("1.3")};
  NewTask directive_task;
  directive_task.code = "cv-1";
  directive_task.title = "Chỉ đạo";
  ASSERT_OK_AND_ASSIGN(Task other_plan, book_.CreateTask(school_, "cd-2024", directive_task));
  auto add = [&](const Task& t, int percent, Date done_on, int supersedes, int evidence) {
    std::vector<Evidence> items(evidence, doc);
    ASSERT_OK(book_
                  .AddProgressUpdate(school_, t.plan_id, t.task_id, "accounts/a",
                                     NewProgress{percent, "", items, done_on, supersedes})
                  .status());
  };
  add(tasks[0], 30, {2024, 1, 5}, 0, 1);
  add(tasks[0], 100, {2024, 3, 14}, 0, 2);
  add(tasks[1], 90, {2024, 2, 1}, 0, 1);
  add(tasks[1], 50, {}, 1, 0);  // corrects the 90 %
  add(other_plan, 100, {2024, 4, 20}, 0, 3);
  const std::string empty = "s-" + platform::RandomHex(4);
  for (const auto& [from, to] : std::vector<std::pair<Date, Date>>{{{}, {}},
                                                                   {{2024, 1, 1}, {2024, 3, 14}},
                                                                   {{2024, 3, 15}, {2024, 6, 14}},
                                                                   {{2024, 2, 1}, {2024, 2, 1}}}) {
    SCOPED_TRACE(from.ToIso() + ".." + to.ToIso());
    ASSERT_OK_AND_ASSIGN(auto counts, store_.CountSchoolsWork({empty, school_}, from, to));
    WorkCounts got;
    for (const WorkCounts& w : counts) {
      EXPECT_NE(w.school_id, empty);
      if (w.school_id == school_) got = w;
    }
    // The same figures from the rows, read a page at a time.
    ProgressFilter filter{from, to, true};
    WorkCounts want;
    std::set<std::string> touched;
    std::string token;
    do {
      ASSERT_OK_AND_ASSIGN(auto page, book_.ListProgressUpdates(school_, kAnyId, kAnyId, 2, token, filter));
      for (const ProgressUpdate& u : page.items) {
        ++want.entries;
        want.evidence += static_cast<int>(u.evidence.size());
        touched.insert(u.plan_id + "/" + u.task_id);
      }
      token = page.next_page_token;
    } while (!token.empty());
    want.progressed_tasks = static_cast<int>(touched.size());
    for (const char* plan : {"par-2024", "cd-2024"}) {
      ASSERT_OK_AND_ASSIGN(auto listed, book_.ListTasks(school_, plan, {}, 0, ""));
      for (const Task& t : listed.items) {
        Date d = DoneOn(t);
        if (t.status == TaskStatus::kDone && (!from.IsSet() || d >= from) && (!to.IsSet() || d <= to)) {
          ++want.completed;
        }
      }
    }
    EXPECT_EQ(got.entries, want.entries);
    EXPECT_EQ(got.evidence, want.evidence);
    EXPECT_EQ(got.progressed_tasks, want.progressed_tasks);
    EXPECT_EQ(got.completed, want.completed);
  }
  // Q1 (to 14/3): 1.1 finished with three evidence items over two updates,
  // 1.2's correction only.
  ASSERT_OK_AND_ASSIGN(auto q1, store_.CountSchoolsWork({school_}, {2024, 1, 1}, {2024, 3, 14}));
  ASSERT_EQ(q1.size(), 1u);
  EXPECT_EQ(q1[0].completed, 1);
  EXPECT_EQ(q1[0].entries, 3);
  EXPECT_EQ(q1[0].evidence, 3);
  EXPECT_EQ(q1[0].progressed_tasks, 2);
}

TEST_F(MySqlTaskStoreTest, ArchivedPlansAreListedOnlyWhenAsked) {
  MakePlan("par-2023", 2023);
  MakePlan("par-2024", 2024);
  PlanPatch archive;
  archive.status = PlanStatus::kArchived;
  ASSERT_OK(book_.UpdatePlan(school_, "par-2023", archive).status());
  ASSERT_OK_AND_ASSIGN(auto shown, book_.ListPlans(school_, 0, 0, ""));
  ASSERT_EQ(shown.items.size(), 1u);
  EXPECT_EQ(shown.items[0].plan_id, "par-2024");
  ASSERT_OK_AND_ASSIGN(auto all, book_.ListPlans(school_, 0, 0, "", true));
  ASSERT_EQ(all.items.size(), 2u);
  EXPECT_EQ(all.items[1].status, PlanStatus::kArchived);
}

}  // namespace
}  // namespace parhub::tasks
