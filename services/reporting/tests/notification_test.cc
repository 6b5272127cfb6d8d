// Integration tests of notifications: the NotificationDesk over its MariaDB
// store, a scripted source for the other services (schools, tasks, cases, a
// holiday calendar, accounts), and real SMTP exchanges with a local sink
// the test starts. Covers what a sweep records and that it records it once,
// working days counted on the calendar, each account's digest and its
// scope, e-mails sent once per account and day and retried after a
// failure, one school failing without the others, the daily run over every
// top-level authority, bad input that changes nothing, and tenancy. The
// gRPC adapter is covered in reporting_service_test.cc, the whole path in
// the e2e suite.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "platform/core/smtp_mail.h"
#include "platform/db/migrations.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/smtp_sink.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"
#include "services/reporting/domain/notification_schedule.h"
#include "services/reporting/rpc/refdata.h"
#include "services/reporting/store/mysql_reporting_store.h"
#include "services/reporting/tests/scripted_notification_source.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::Date;
using ::parhub::platform::Role;
using ::parhub::testing::At;
using ::parhub::testing::TestCaller;
using ::testing::HasSubstr;

constexpr char kWard[] = "p-ben-thanh";
constexpr char kOtherWard[] = "p-tan-dinh";
// Monday 30/11/2026. The scripted calendar makes Wednesday 2/12 a day off
// (a fixture, not a real holiday), so from that Monday, Tuesday 1/12,
// Thursday 3/12 and Friday 4/12 are working days 1, 2 and 3.
constexpr Date kMonday{2026, 11, 30};

platform::HolidayYear Year(int year) {
  platform::HolidayYear y;
  y.year = year;
  y.version = absl::StrCat(year, ".test");
  if (year == 2026) y.days_off = {Date{2026, 12, 2}};
  return y;
}

// The decoded text of a message the sink received (base64 body).
std::string BodyOf(const std::string& data) {
  const size_t blank = data.find("\r\n\r\n");
  std::string base64 = absl::StrReplaceAll(data.substr(blank + 4), {{"\r\n", ""}});
  std::string body;
  EXPECT_TRUE(absl::Base64Unescape(base64, &body));
  return body;
}

struct Shared {
  std::unique_ptr<::parhub::testing::TestDatabase> database;
  std::unique_ptr<platform::Db> db;
  std::unique_ptr<::parhub::testing::SmtpSink> sink;
  std::unique_ptr<platform::SmtpMailer> mailer;
  ReportingRefdata refdata;
  std::unique_ptr<MySqlReportingStore> store;
  std::unique_ptr<ReportCalendar> calendar;
  std::unique_ptr<ReportDesk> reports;
};
Shared* shared = nullptr;

class NotificationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared = new Shared;
    Shared& s = *shared;
    s.database = std::make_unique<::parhub::testing::TestDatabase>("notify");
    s.db = std::make_unique<platform::Db>(s.database->config());
    ASSERT_TRUE(platform::PrepareDatabase(*s.db, "reporting", ReportingMigrations()).ok());
    auto sink = ::parhub::testing::SmtpSink::Start(
        ::parhub::testing::SmtpSinkOptions{.refused_recipients = {"refused@truong.test"}});
    ASSERT_TRUE(sink.ok()) << sink.status();
    s.sink = *std::move(sink);
    auto mailer = platform::SmtpMailer::Make(platform::SmtpSettings{.url = s.sink->url()});
    ASSERT_TRUE(mailer.ok()) << mailer.status();
    s.mailer = *std::move(mailer);
    auto loaded = LoadEmbeddedRefdata();
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    s.refdata = *std::move(loaded);
    s.store = std::make_unique<MySqlReportingStore>(*s.db);
    s.calendar = std::make_unique<ReportCalendar>(s.refdata.families);
    s.reports = std::make_unique<ReportDesk>(*s.store, *s.calendar, [] { return At(2026, 11, 30); });
  }
  static void TearDownTestSuite() {
    delete shared;
    shared = nullptr;
  }

  // Each test its own schools (fresh ids) in the ward, so the outbox rows of
  // one test never meet another's.
  NotificationTest()
      : school_("s-" + platform::RandomHex(4)),
        other_("o-" + platform::RandomHex(4)),
        ward_(absl::StrCat(kWard, "-", platform::RandomHex(3))),
        n_(*shared->db, *shared->reports, shared->mailer.get(),
           [this] { return absl::FromUnixMicros(now_); }) {
    now_ = absl::ToUnixMicros(At(2026, 11, 30, 6));
    for (int y : {2025, 2026, 2027}) n_.source.AddYear(Year(y));
    n_.source.AddSchool(ward_, {school_, "Trường Mầm non 20/10", ward_});
    n_.source.AddSchool(ward_, {other_, "Trường Tiểu học Kết Đoàn", ward_});
    const std::string plan = absl::StrCat("schools/", school_, "/plans/par-2026/tasks/");
    // due Fri 4/12: 3 working days → due soon
    n_.source.AddTask(school_, Task(plan + "t-soon", "1.5", "Niêm yết thủ tục hành chính", {2026, 12, 4}));
    // due Mon 7/12: 4 working days → nothing yet
    n_.source.AddTask(school_, Task(plan + "t-later", "1.6", "Khảo sát SIPAS", {2026, 12, 7}));
    // due Fri 20/11, unfinished → overdue by 6 working days (23..27/11, 30/11)
    n_.source.AddTask(school_, Task(plan + "t-late", "2.1", "Rà soát quy chế", {2026, 11, 20}));
    // done, due Tue 1/12 → nothing
    PlanTask done = Task(plan + "t-done", "2.2", "Họp phụ huynh", {2026, 12, 1});
    done.open = false;
    n_.source.AddTask(school_, done);
    // from a directive, added Saturday 28/11 → directive arrived (and due soon)
    PlanTask directive =
        Task(plan + "t-cd", "CĐ-12", "Triển khai thanh toán không dùng tiền mặt", {2026, 12, 3});
    directive.directive = "authorities/p-ben-thanh/directives/cd-12";
    directive.create_time = At(2026, 11, 28, 10);
    n_.source.AddTask(school_, directive);
    n_.source.AddCase(school_, {absl::StrCat("schools/", school_, "/cases/c1"), "MN2010-7KQ4 (Khiếu nại)",
                                Date{2026, 12, 1}});
    n_.source.AddCase(school_, {absl::StrCat("schools/", school_, "/cases/c2"), "MN2010-8ZZ1 (Phản ánh)",
                                Date{2026, 12, 31}});
    n_.source.AddTask(other_, Task(absl::StrCat("schools/", other_, "/plans/par-2026/tasks/x"), "3.1",
                                   "Cập nhật cổng thông tin", {2026, 11, 25}));
  }

  static PlanTask Task(const std::string& name, const std::string& code, const std::string& title, Date due) {
    PlanTask t;
    t.name = name;
    t.code = code;
    t.title = title;
    t.due_date = due;
    t.create_time = At(2026, 1, 10);
    return t;
  }
  Caller Officer() const { return TestCaller(Role::kAuthorityOfficer, "", ward_); }
  Caller Admin(const std::string& school) const { return TestCaller(Role::kSchoolAdmin, school); }
  std::vector<Notification> All(const std::string& school) {
    auto page = n_.desk.List(Admin(school), school, {}, 200, "");
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? page->items : std::vector<Notification>{};
  }
  static const Notification* Find(const std::vector<Notification>& all, NotificationKind kind,
                                  const std::string& subject_suffix) {
    for (const Notification& n : all) {
      if (n.kind == kind && absl::EndsWith(n.subject, subject_suffix)) return &n;
    }
    return nullptr;
  }

  std::string school_, other_, ward_;
  std::atomic<int64_t> now_{0};
  TestNotifications n_;
};

TEST_F(NotificationTest, SweepRecordsEachEventOnceCountingWorkingDays) {
  ASSERT_OK_AND_ASSIGN(SweepOutcome first, n_.desk.Sweep(Officer(), ward_, kMonday, false));
  EXPECT_EQ(first.sweep.schools.size(), 2u);
  EXPECT_TRUE(first.sweep.failures.empty());
  const std::vector<Notification> all = All(school_);
  // t-soon, t-late, t-cd (arrived and due soon), c1; not t-later, t-done, c2.
  ASSERT_EQ(all.size(), 5u);
  const Notification* soon = Find(all, NotificationKind::kTaskDueSoon, "/t-soon");
  ASSERT_NE(soon, nullptr);
  EXPECT_EQ(soon->working_days_left, 3);  // Tue, Thu, Fri: Wednesday is off
  EXPECT_EQ(soon->occurred_on, kMonday);
  EXPECT_EQ(soon->school_display_name, "Trường Mầm non 20/10");
  EXPECT_EQ(DescribeNotification(*soon),
            "Nhiệm vụ 1.5 Niêm yết thủ tục hành chính hạn 04/12/2026, còn 3 ngày làm việc.");
  const Notification* late = Find(all, NotificationKind::kTaskOverdue, "/t-late");
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(late->working_days_left, -6);
  const Notification* arrived = Find(all, NotificationKind::kDirectiveArrived, "/t-cd");
  ASSERT_NE(arrived, nullptr);
  EXPECT_EQ(arrived->directive, "authorities/p-ben-thanh/directives/cd-12");
  ASSERT_NE(Find(all, NotificationKind::kTaskDueSoon, "/t-cd"), nullptr);
  const Notification* c1 = Find(all, NotificationKind::kCaseDueSoon, "/cases/c1");
  ASSERT_NE(c1, nullptr);
  EXPECT_EQ(c1->working_days_left, 1);
  EXPECT_EQ(c1->title, "MN2010-7KQ4 (Khiếu nại)");
  EXPECT_EQ(first.sweep.new_notifications, 6);  // five here, the other school's overdue task

  // The same day again, and the next day: nothing recorded twice.
  ASSERT_OK_AND_ASSIGN(SweepOutcome again, n_.desk.Sweep(Officer(), ward_, kMonday, false));
  EXPECT_EQ(again.sweep.new_notifications, 0);
  ASSERT_OK_AND_ASSIGN(SweepOutcome tuesday, n_.desk.Sweep(Officer(), ward_, Date{2026, 12, 1}, false));
  EXPECT_EQ(tuesday.sweep.new_notifications, 1);  // t-later is now 3 working days away: Thu, Fri, Mon
  EXPECT_NE(Find(All(school_), NotificationKind::kTaskDueSoon, "/t-later"), nullptr);
  EXPECT_EQ(All(school_).size(), 6u);
}

TEST_F(NotificationTest, ANewDueDateIsANewEvent) {
  ASSERT_OK(n_.desk.Sweep(Officer(), ward_, kMonday, false).status());
  n_.source.AddTask(school_, Task(absl::StrCat("schools/", school_, "/plans/par-2026/tasks/t-later"), "1.6",
                                  "Khảo sát SIPAS", {2026, 12, 1}));
  ASSERT_OK_AND_ASSIGN(SweepOutcome outcome, n_.desk.Sweep(Officer(), ward_, kMonday, false));
  EXPECT_EQ(outcome.sweep.new_notifications, 1);
}

TEST_F(NotificationTest, ReportDueWhenUnsubmittedWithinTheWorkingDays) {
  // The year report is due Sunday 20/12/2026; from Wednesday 16/12 that is
  // Thursday and Friday: 2 working days.
  now_ = absl::ToUnixMicros(At(2026, 12, 16, 6));
  ASSERT_OK_AND_ASSIGN(SweepOutcome outcome, n_.desk.Sweep(Officer(), ward_, Date{2026, 12, 16}, false));
  const std::vector<Notification> all = All(school_);
  const Notification* report = Find(all, NotificationKind::kReportDue, "/reports/cchc-2026-year");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->working_days_left, 2);
  EXPECT_EQ(report->due_date, (Date{2026, 12, 20}));
  EXPECT_THAT(report->title, HasSubstr("kỳ Năm (2026)"));
  EXPECT_NE(Find(All(other_), NotificationKind::kReportDue, "/reports/cchc-2026-year"), nullptr);
}

TEST_F(NotificationTest, DigestsAreScopedToTheAccount) {
  ASSERT_OK(n_.desk.Sweep(Officer(), ward_, kMonday, false).status());
  ASSERT_OK_AND_ASSIGN(Digest principal, n_.desk.DigestOf(Admin(school_), kMonday));
  EXPECT_EQ(principal.notifications.size(), 5u);
  for (const Notification& n : principal.notifications) EXPECT_EQ(n.school_id, school_);
  EXPECT_THAT(principal.subject, HasSubstr("Thông báo ngày 30/11/2026"));
  EXPECT_THAT(principal.text, HasSubstr("Nhiệm vụ sắp đến hạn"));
  EXPECT_THAT(principal.text, HasSubstr("Niêm yết thủ tục hành chính"));
  // The officer follows what is late or due at every school of the ward:
  // the two overdue tasks and the case; not directives nor tasks due soon.
  ASSERT_OK_AND_ASSIGN(Digest officer, n_.desk.DigestOf(Officer(), kMonday));
  ASSERT_EQ(officer.notifications.size(), 3u);
  EXPECT_THAT(officer.text, HasSubstr("Trường Tiểu học Kết Đoàn: Nhiệm vụ 3.1"));
  // Another ward's officer and another day see nothing.
  ASSERT_OK_AND_ASSIGN(Digest stranger,
                       n_.desk.DigestOf(TestCaller(Role::kAuthorityOfficer, "", kOtherWard), kMonday));
  EXPECT_TRUE(stranger.notifications.empty());
  ASSERT_OK_AND_ASSIGN(Digest tuesday, n_.desk.DigestOf(Admin(school_), Date{2026, 12, 1}));
  EXPECT_TRUE(tuesday.notifications.empty());
  EXPECT_THAT(tuesday.text, HasSubstr("không có thông báo mới"));
  // A service identity has no digest; another school's list is NOT_FOUND.
  EXPECT_EQ(n_.desk.DigestOf(TestCaller(Role::kService, ""), kMonday).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(n_.desk.List(Admin(other_), school_, {}, 10, "").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(NotificationTest, DigestsAreMailedOncePerAccountAndDay) {
  const std::string principal = "ht-" + school_, staff = "gv-" + school_, officer = "cb-" + ward_;
  n_.source.AddAccount(
      absl::StrCat("schools/", school_),
      {principal, "Nguyễn Thị Hoa", principal + "@truong.test", Role::kSchoolAdmin, school_, ""});
  n_.source.AddAccount(absl::StrCat("schools/", school_),
                       {staff, "Lê Văn An", "", Role::kSchoolStaff, school_, ""});
  n_.source.AddAccount(absl::StrCat("authorities/", ward_),
                       {officer, "Trần Minh", officer + "@phuong.test", Role::kAuthorityOfficer, "", ward_});
  const size_t before = shared->sink->Messages().size();
  ASSERT_OK_AND_ASSIGN(SweepOutcome outcome, n_.desk.Sweep(Officer(), ward_, kMonday, true));
  EXPECT_EQ(outcome.mail.sent, 2);
  EXPECT_EQ(outcome.mail.failed, 0);
  EXPECT_EQ(outcome.mail.skipped, 1);  // the staff member has no address
  ASSERT_TRUE(shared->sink->WaitForMessages(before + 2, absl::Seconds(10)));
  std::vector<::parhub::testing::SmtpSink::Message> got = shared->sink->Messages();
  got.erase(got.begin(), got.begin() + before);
  ASSERT_EQ(got.size(), 2u);
  bool principal_seen = false, officer_seen = false;
  for (const auto& m : got) {
    EXPECT_EQ(m.mail_from, "thongbao@parhub.test");
    ASSERT_EQ(m.recipients.size(), 1u);
    const std::string body = BodyOf(m.data);
    if (m.recipients[0] == principal + "@truong.test") {
      principal_seen = true;
      EXPECT_THAT(body, HasSubstr("Kính gửi Nguyễn Thị Hoa"));
      EXPECT_THAT(body, HasSubstr("Triển khai thanh toán không dùng tiền mặt"));
      EXPECT_THAT(body, HasSubstr("https://parhub.test/"));
    } else if (m.recipients[0] == officer + "@phuong.test") {
      officer_seen = true;
      EXPECT_THAT(body, HasSubstr("Trường Tiểu học Kết Đoàn"));
      EXPECT_THAT(body, ::testing::Not(HasSubstr("Triển khai thanh toán")));
    }
  }
  EXPECT_TRUE(principal_seen && officer_seen);
  // Run again (a restart, a second replica): nobody is mailed twice.
  ASSERT_OK_AND_ASSIGN(SweepOutcome again, n_.desk.Sweep(Officer(), ward_, kMonday, true));
  EXPECT_EQ(again.mail.sent, 0);
  EXPECT_EQ(shared->sink->Messages().size(), before + 2);
}

TEST_F(NotificationTest, ARefusedAddressFailsAndIsTriedAgain) {
  const std::string principal = "ht-" + school_;
  n_.source.AddAccount(absl::StrCat("schools/", school_),
                       {principal, "Nguyễn Thị Hoa", "refused@truong.test", Role::kSchoolAdmin, school_, ""});
  ASSERT_OK_AND_ASSIGN(SweepOutcome first, n_.desk.Sweep(Officer(), ward_, kMonday, true));
  EXPECT_EQ(first.mail.sent, 0);
  EXPECT_EQ(first.mail.failed, 1);
  ASSERT_OK_AND_ASSIGN(SweepOutcome second, n_.desk.Sweep(Officer(), ward_, kMonday, true));
  EXPECT_EQ(second.mail.failed, 1);  // claimed again, not skipped as done
}

TEST_F(NotificationTest, OneSchoolFailingDoesNotStopTheOthers) {
  n_.source.SetTasksDown(other_, true);
  ASSERT_OK_AND_ASSIGN(SweepOutcome outcome, n_.desk.Sweep(Officer(), ward_, kMonday, false));
  ASSERT_EQ(outcome.sweep.failures.size(), 1u);
  EXPECT_EQ(outcome.sweep.failures[0].first, other_);
  EXPECT_THAT(outcome.sweep.failures[0].second, HasSubstr("connection refused"));
  EXPECT_EQ(All(school_).size(), 5u);
  EXPECT_TRUE(All(other_).empty());
}

TEST_F(NotificationTest, AYearWithoutAHolidayCalendarIsAnErrorNotADefault) {
  // A task due 31/12/2030, swept on 20/12/2030: no calendar holds 2030, so
  // its working days cannot be counted; it is left out and the school named
  // with the year. The year report due that very day is 0 working days away
  // whatever the calendar, so it is recorded.
  n_.source.AddTask(school_, Task(absl::StrCat("schools/", school_, "/plans/par-2030/tasks/far"), "9.9", "Xa",
                                  {2030, 12, 31}));
  now_ = absl::ToUnixMicros(At(2030, 12, 20, 6));
  ASSERT_OK_AND_ASSIGN(SweepOutcome outcome, n_.desk.Sweep(Officer(), ward_, Date{2030, 12, 20}, false));
  ASSERT_EQ(outcome.sweep.failures.size(), 1u);
  EXPECT_EQ(outcome.sweep.failures[0].first, school_);
  EXPECT_THAT(outcome.sweep.failures[0].second, HasSubstr("năm 2030"));
  const std::vector<Notification> all = All(school_);
  ASSERT_FALSE(all.empty());
  for (const Notification& n : all) {
    EXPECT_EQ(n.kind, NotificationKind::kReportDue) << n.subject;
    EXPECT_EQ(n.working_days_left, 0);
  }
}

TEST_F(NotificationTest, BadRequestsChangeNothing) {
  // Not an officer of this ward; a principal; too far ahead; e-mail with no
  // mailer configured.
  EXPECT_EQ(n_.desk.Sweep(TestCaller(Role::kAuthorityOfficer, "", kOtherWard), ward_, kMonday, false)
                .status()
                .code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(n_.desk.Sweep(Admin(school_), ward_, kMonday, false).status().code(),
            absl::StatusCode::kPermissionDenied);
  absl::Status ahead = n_.desk.Sweep(Officer(), ward_, Date{2026, 12, 3}, false).status();
  EXPECT_EQ(ahead.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ahead.message(), HasSubstr("03/12/2026"));
  NotificationDesk no_mail(n_.store, n_.sweeper, n_.source, nullptr, DigestMailSettings{},
                           [this] { return absl::FromUnixMicros(now_); });
  EXPECT_EQ(no_mail.Sweep(Officer(), ward_, kMonday, true).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(n_.desk.List(Admin(school_), school_, {}, 10, "not-a-token").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(All(school_).empty());
}

TEST_F(NotificationTest, ListingPagesNewestFirst) {
  ASSERT_OK(n_.desk.Sweep(Officer(), ward_, kMonday, false).status());
  std::vector<int64_t> ids;
  std::string token;
  do {
    ASSERT_OK_AND_ASSIGN(auto page, n_.desk.List(Admin(school_), school_, {}, 2, token));
    for (const Notification& n : page.items) ids.push_back(n.id);
    token = page.next_page_token;
  } while (!token.empty());
  ASSERT_EQ(ids.size(), 5u);
  for (size_t i = 1; i < ids.size(); ++i) EXPECT_GT(ids[i - 1], ids[i]);
  NotificationFilter overdue_only;
  overdue_only.kinds = {NotificationKind::kTaskOverdue};
  ASSERT_OK_AND_ASSIGN(auto page, n_.desk.List(Admin(school_), school_, overdue_only, 50, ""));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].kind, NotificationKind::kTaskOverdue);
}

TEST_F(NotificationTest, TheDailyRunSweepsEveryTopAuthorityAndMailsOnce) {
  const std::string principal = "ht-" + school_;
  n_.source.AddAccount(
      absl::StrCat("schools/", school_),
      {principal, "Nguyễn Thị Hoa", principal + "@truong.test", Role::kSchoolAdmin, school_, ""});
  // hour -1: no thread; the test runs the day itself.
  NotificationSchedule schedule(n_.desk, n_.source, -1, [this] { return absl::FromUnixMicros(now_); });
  const size_t before = shared->sink->Messages().size();
  ASSERT_OK_AND_ASSIGN(int done, schedule.RunOnce(kMonday));
  EXPECT_EQ(done, 1);  // this test's ward, the scripted source's one top-level authority
  EXPECT_EQ(All(school_).size(), 5u);
  ASSERT_TRUE(shared->sink->WaitForMessages(before + 1, absl::Seconds(10)));
  // A second run the same day (a restart) records and mails nothing more.
  ASSERT_OK(schedule.RunOnce(kMonday).status());
  EXPECT_EQ(All(school_).size(), 5u);
  EXPECT_EQ(shared->sink->Messages().size(), before + 1);
}

}  // namespace
}  // namespace parhub::reporting
