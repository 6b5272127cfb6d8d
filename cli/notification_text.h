// What `parhubctl notifications` prints and reads: kind labels in both
// languages, the kinds people type, a notification as a table row, a
// digest's counts and a sweep's result. Pure text handling over the
// reporting protos, kept out of the command file so the unit test covers it.
#ifndef PARHUB_CLI_NOTIFICATION_TEXT_H_
#define PARHUB_CLI_NOTIFICATION_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/output.h"
#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::cli {

// "Chỉ đạo mới", "Sắp đến hạn", "Quá hạn", "Báo cáo sắp đến hạn", "Hồ sơ sắp
// hết hạn" (English with --lang en); "?" for an unknown kind.
std::string NotificationKindLabel(const Output& out, reporting::v1::NotificationKind kind);

// The words --kind takes, for help and usage errors.
extern const char* const kNotificationKindWords;
// "directive", "due-soon", "overdue", "report-due", "case-due-soon" or their
// Vietnamese spellings "chi-dao", "sap-den-han", "qua-han", "bao-cao",
// "ho-so" (any case); nullopt for anything else.
std::optional<reporting::v1::NotificationKind> ParseNotificationKind(std::string_view text);

// Working days left as people read them: "3", "hôm nay" ("today") for 0,
// "trễ 2" ("2 late") for -2.
std::string WorkingDaysText(const Output& out, int working_days_left);

// Which columns a notification table has.
struct NotificationColumns final {
  bool day = false;       // the sweep day that recorded it (lists of many days)
  bool school = false;    // the school's name (an officer's digest)
  bool for_file = false;  // --export: working days as a plain number, titles whole
};
std::vector<std::string> NotificationHeader(const Output& out, NotificationColumns columns);
// Kind label, [school,] title, due date dd/mm/yyyy, working days left;
// with `day` the sweep day first.
std::vector<std::string> NotificationRow(const Output& out, const reporting::v1::Notification& n,
                                         NotificationColumns columns);

// "Chỉ đạo mới: 1 · Quá hạn: 2" in the order of the digest's counts; "" when
// it has none.
std::string NotificationCountsText(const Output& out, const reporting::v1::NotificationDigest& digest);

// What a sweep did, one line each: the day and schools swept, new
// notifications, e-mails sent/failed/skipped, then the schools not
// finished and each as "  mn-2010: reason" (in the language asked for).
std::vector<std::string> SweepLines(const Output& out, const reporting::v1::NotificationSweep& sweep);

}  // namespace parhub::cli

#endif  // PARHUB_CLI_NOTIFICATION_TEXT_H_
