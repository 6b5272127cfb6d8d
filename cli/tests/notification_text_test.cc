// `parhubctl notifications`: kind labels in both languages, the kinds people
// type, a digest's rows and counts, a sweep's summary.
#include "cli/notification_text.h"

#include "gtest/gtest.h"

namespace parhub::cli {
namespace {

namespace rpv = ::parhub::reporting::v1;

Output Vietnamese() { return Output{}; }
Output English() {
  Output out;
  out.english = true;
  return out;
}

void SetDate(common::v1::Date* date, int y, int m, int d) {
  date->set_year(y);
  date->set_month(m);
  date->set_day(d);
}

// An officer's digest of 3/12/2026: one overdue task, one case due today.
rpv::NotificationDigest OfficerDigest() {
  rpv::NotificationDigest digest;
  digest.set_account("accounts/can-bo-ben-thanh");
  SetDate(digest.mutable_date(), 2026, 12, 3);
  auto* overdue = digest.add_notifications();
  overdue->set_name("schools/mn-2010/notifications/n1");
  overdue->set_kind(rpv::NOTIFICATION_KIND_TASK_OVERDUE);
  overdue->set_title("1.5 Đẩy mạnh đơn giản hóa thủ tục hành chính (TTHC)");
  SetDate(overdue->mutable_due_date(), 2026, 11, 30);
  overdue->set_working_days_left(-3);
  SetDate(overdue->mutable_occurred_on(), 2026, 12, 3);
  overdue->set_school_display_name("Trường Mầm non 20/10");
  auto* case_due = digest.add_notifications();
  case_due->set_name("schools/th-ben-thanh/notifications/n2");
  case_due->set_kind(rpv::NOTIFICATION_KIND_CASE_DUE_SOON);
  case_due->set_title("THBT-7KQ4-XP9D Phản ánh");
  SetDate(case_due->mutable_due_date(), 2026, 12, 3);
  case_due->set_working_days_left(0);
  SetDate(case_due->mutable_occurred_on(), 2026, 12, 3);
  auto* count = digest.add_counts();
  count->set_kind(rpv::NOTIFICATION_KIND_TASK_OVERDUE);
  count->set_count(1);
  count = digest.add_counts();
  count->set_kind(rpv::NOTIFICATION_KIND_CASE_DUE_SOON);
  count->set_count(1);
  return digest;
}

TEST(NotificationKindLabel, EveryKindInBothLanguages) {
  const Output vi = Vietnamese(), en = English();
  EXPECT_EQ(NotificationKindLabel(vi, rpv::NOTIFICATION_KIND_DIRECTIVE_ARRIVED), "Chỉ đạo mới");
  EXPECT_EQ(NotificationKindLabel(vi, rpv::NOTIFICATION_KIND_TASK_DUE_SOON), "Sắp đến hạn");
  EXPECT_EQ(NotificationKindLabel(vi, rpv::NOTIFICATION_KIND_TASK_OVERDUE), "Quá hạn");
  EXPECT_EQ(NotificationKindLabel(vi, rpv::NOTIFICATION_KIND_REPORT_DUE), "Báo cáo sắp đến hạn");
  EXPECT_EQ(NotificationKindLabel(vi, rpv::NOTIFICATION_KIND_CASE_DUE_SOON), "Hồ sơ sắp hết hạn");
  EXPECT_EQ(NotificationKindLabel(en, rpv::NOTIFICATION_KIND_DIRECTIVE_ARRIVED), "New directive");
  EXPECT_EQ(NotificationKindLabel(en, rpv::NOTIFICATION_KIND_TASK_DUE_SOON), "Due soon");
  EXPECT_EQ(NotificationKindLabel(en, rpv::NOTIFICATION_KIND_TASK_OVERDUE), "Overdue");
  EXPECT_EQ(NotificationKindLabel(en, rpv::NOTIFICATION_KIND_REPORT_DUE), "Report due");
  EXPECT_EQ(NotificationKindLabel(en, rpv::NOTIFICATION_KIND_CASE_DUE_SOON), "Case due soon");
  EXPECT_EQ(NotificationKindLabel(vi, rpv::NOTIFICATION_KIND_UNSPECIFIED), "?");
}

TEST(ParseNotificationKind, EnglishAndVietnameseWords) {
  EXPECT_EQ(ParseNotificationKind("directive"), rpv::NOTIFICATION_KIND_DIRECTIVE_ARRIVED);
  EXPECT_EQ(ParseNotificationKind("chi-dao"), rpv::NOTIFICATION_KIND_DIRECTIVE_ARRIVED);
  EXPECT_EQ(ParseNotificationKind("due-soon"), rpv::NOTIFICATION_KIND_TASK_DUE_SOON);
  EXPECT_EQ(ParseNotificationKind("sap-den-han"), rpv::NOTIFICATION_KIND_TASK_DUE_SOON);
  EXPECT_EQ(ParseNotificationKind("OVERDUE"), rpv::NOTIFICATION_KIND_TASK_OVERDUE);
  EXPECT_EQ(ParseNotificationKind(" qua-han "), rpv::NOTIFICATION_KIND_TASK_OVERDUE);
  EXPECT_EQ(ParseNotificationKind("report-due"), rpv::NOTIFICATION_KIND_REPORT_DUE);
  EXPECT_EQ(ParseNotificationKind("bao-cao"), rpv::NOTIFICATION_KIND_REPORT_DUE);
  EXPECT_EQ(ParseNotificationKind("case-due-soon"), rpv::NOTIFICATION_KIND_CASE_DUE_SOON);
  EXPECT_EQ(ParseNotificationKind("ho-so"), rpv::NOTIFICATION_KIND_CASE_DUE_SOON);
  EXPECT_EQ(ParseNotificationKind(""), std::nullopt);
  EXPECT_EQ(ParseNotificationKind("late"), std::nullopt);
  EXPECT_EQ(ParseNotificationKind("due_soon"), std::nullopt);
}

TEST(WorkingDaysText, LeftTodayOrLate) {
  EXPECT_EQ(WorkingDaysText(Vietnamese(), 3), "3");
  EXPECT_EQ(WorkingDaysText(Vietnamese(), 0), "hôm nay");
  EXPECT_EQ(WorkingDaysText(Vietnamese(), -2), "trễ 2");
  EXPECT_EQ(WorkingDaysText(English(), 0), "today");
  EXPECT_EQ(WorkingDaysText(English(), -2), "2 late");
}

TEST(NotificationRow, OfficerDigestRowsNameTheSchool) {
  const Output vi = Vietnamese();
  const rpv::NotificationDigest digest = OfficerDigest();
  NotificationColumns columns;
  columns.school = true;
  EXPECT_EQ(NotificationHeader(vi, columns),
            (std::vector<std::string>{"Loại", "Trường", "Nội dung", "Hạn", "Ngày làm việc còn lại"}));
  EXPECT_EQ(NotificationRow(vi, digest.notifications(0), columns),
            (std::vector<std::string>{"Quá hạn", "Trường Mầm non 20/10",
                                      "1.5 Đẩy mạnh đơn giản hóa thủ tục hành chính (TTHC)", "30/11/2026",
                                      "trễ 3"}));
  // No display name: the school's id from the notification's name.
  EXPECT_EQ(NotificationRow(vi, digest.notifications(1), columns),
            (std::vector<std::string>{"Hồ sơ sắp hết hạn", "th-ben-thanh", "THBT-7KQ4-XP9D Phản ánh",
                                      "03/12/2026", "hôm nay"}));
}

TEST(NotificationRow, SchoolListWithDayInEnglishAndForAFile) {
  const Output en = English();
  const rpv::NotificationDigest digest = OfficerDigest();
  NotificationColumns columns;
  columns.day = true;
  EXPECT_EQ(NotificationHeader(en, columns),
            (std::vector<std::string>{"Day", "Kind", "Title", "Due", "Working days left"}));
  EXPECT_EQ(NotificationRow(en, digest.notifications(0), columns),
            (std::vector<std::string>{"03/12/2026", "Overdue",
                                      "1.5 Đẩy mạnh đơn giản hóa thủ tục hành chính (TTHC)", "30/11/2026",
                                      "3 late"}));
  columns.for_file = true;
  EXPECT_EQ(NotificationRow(en, digest.notifications(0), columns).back(), "-3");
}

TEST(NotificationRow, LongTitlesAreCutOnScreenOnly) {
  rpv::Notification n;
  n.set_kind(rpv::NOTIFICATION_KIND_DIRECTIVE_ARRIVED);
  n.set_title(std::string(80, 'x'));
  NotificationColumns columns;
  const auto screen = NotificationRow(Vietnamese(), n, columns);
  EXPECT_EQ(DisplayWidth(screen[1]), 60u);
  EXPECT_EQ(screen[1].substr(screen[1].size() - 3), "…");
  EXPECT_EQ(screen[2], "");  // no due date
  columns.for_file = true;
  EXPECT_EQ(NotificationRow(Vietnamese(), n, columns)[1], std::string(80, 'x'));
}

TEST(NotificationCountsText, KindsInTheDigestsOrder) {
  const rpv::NotificationDigest digest = OfficerDigest();
  EXPECT_EQ(NotificationCountsText(Vietnamese(), digest), "Quá hạn: 1 · Hồ sơ sắp hết hạn: 1");
  EXPECT_EQ(NotificationCountsText(English(), digest), "Overdue: 1 · Case due soon: 1");
  EXPECT_EQ(NotificationCountsText(Vietnamese(), rpv::NotificationDigest{}), "");
}

TEST(SweepLines, CountsEmailsAndEachFailure) {
  rpv::NotificationSweep sweep;
  SetDate(sweep.mutable_date(), 2026, 12, 3);
  sweep.set_school_count(4);
  sweep.set_new_notification_count(7);
  sweep.set_emails_sent(2);
  sweep.set_emails_failed(1);
  sweep.set_emails_skipped(5);
  auto* failure = sweep.add_failures();
  failure->set_school("schools/mn-2010");
  failure->set_reason("chưa có lịch nghỉ năm 2027 (no holiday calendar for 2027)");
  EXPECT_EQ(SweepLines(Vietnamese(), sweep),
            (std::vector<std::string>{"Rà soát ngày 03/12/2026: 4 trường", "Thông báo mới: 7",
                                      "Thư điện tử: đã gửi 2, lỗi 1, bỏ qua 5", "Trường chưa rà soát xong: 1",
                                      "  mn-2010: chưa có lịch nghỉ năm 2027"}));
  EXPECT_EQ(SweepLines(English(), sweep),
            (std::vector<std::string>{"Sweep of 03/12/2026: 4 schools", "New notifications: 7",
                                      "E-mails: sent 2, failed 1, skipped 5", "Schools not finished: 1",
                                      "  mn-2010: no holiday calendar for 2027"}));
  sweep.clear_failures();
  EXPECT_EQ(SweepLines(Vietnamese(), sweep).size(), 3u);
}

}  // namespace
}  // namespace parhub::cli
