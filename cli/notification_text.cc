// Labels, rows and summaries of `parhubctl notifications` (see
// notification_text.h).
#include "cli/notification_text.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/messages.h"
#include "cli/reporting_text.h"
#include "platform/core/date.h"

namespace parhub::cli {
namespace {

namespace rpv = ::parhub::reporting::v1;

// How wide a title may be on screen (the file gets it whole).
constexpr size_t kTitleWidth = 60;

std::string DateText(const common::v1::Date& date) {
  if (date.year() == 0) return "";
  return platform::Date{date.year(), date.month(), date.day()}.ToVietnamese();
}

// "schools/mn-2010" → "mn-2010".
std::string LastSegment(const std::string& name) { return name.substr(name.rfind('/') + 1); }

}  // namespace

const char* const kNotificationKindWords = "directive | due-soon | overdue | report-due | case-due-soon";

std::string NotificationKindLabel(const Output& out, rpv::NotificationKind kind) {
  switch (kind) {
    case rpv::NOTIFICATION_KIND_DIRECTIVE_ARRIVED:
      return out.T("Chỉ đạo mới", "New directive");
    case rpv::NOTIFICATION_KIND_TASK_DUE_SOON:
      return out.T("Sắp đến hạn", "Due soon");
    case rpv::NOTIFICATION_KIND_TASK_OVERDUE:
      return out.T("Quá hạn", "Overdue");
    case rpv::NOTIFICATION_KIND_REPORT_DUE:
      return out.T("Báo cáo sắp đến hạn", "Report due");
    case rpv::NOTIFICATION_KIND_CASE_DUE_SOON:
      return out.T("Hồ sơ sắp hết hạn", "Case due soon");
    default:
      return "?";
  }
}

std::optional<rpv::NotificationKind> ParseNotificationKind(std::string_view text) {
  const std::string t =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size())));
  if (t == "directive" || t == "chi-dao") return rpv::NOTIFICATION_KIND_DIRECTIVE_ARRIVED;
  if (t == "due-soon" || t == "sap-den-han") return rpv::NOTIFICATION_KIND_TASK_DUE_SOON;
  if (t == "overdue" || t == "qua-han") return rpv::NOTIFICATION_KIND_TASK_OVERDUE;
  if (t == "report-due" || t == "bao-cao") return rpv::NOTIFICATION_KIND_REPORT_DUE;
  if (t == "case-due-soon" || t == "ho-so") return rpv::NOTIFICATION_KIND_CASE_DUE_SOON;
  return std::nullopt;
}

std::string WorkingDaysText(const Output& out, int working_days_left) {
  if (working_days_left == 0) return out.T("hôm nay", "today");
  if (working_days_left > 0) return absl::StrCat(working_days_left);
  return out.english ? absl::StrCat(-working_days_left, " late") : absl::StrCat("trễ ", -working_days_left);
}

std::vector<std::string> NotificationHeader(const Output& out, NotificationColumns columns) {
  std::vector<std::string> header;
  if (columns.day) header.push_back(out.T("Ngày", "Day"));
  header.push_back(out.T("Loại", "Kind"));
  if (columns.school) header.push_back(out.T("Trường", "School"));
  header.push_back(out.T("Nội dung", "Title"));
  header.push_back(out.T("Hạn", "Due"));
  header.push_back(out.T("Ngày làm việc còn lại", "Working days left"));
  return header;
}

std::vector<std::string> NotificationRow(const Output& out, const rpv::Notification& n,
                                         NotificationColumns columns) {
  std::vector<std::string> row;
  if (columns.day) row.push_back(DateText(n.occurred_on()));
  row.push_back(NotificationKindLabel(out, n.kind()));
  if (columns.school) {
    row.push_back(n.school_display_name().empty()
                      ? LastSegment(n.name().substr(0, n.name().find("/notifications/")))
                      : n.school_display_name());
  }
  row.push_back(columns.for_file ? n.title() : ShortenText(n.title(), kTitleWidth));
  row.push_back(DateText(n.due_date()));
  row.push_back(columns.for_file ? absl::StrCat(n.working_days_left())
                                 : WorkingDaysText(out, n.working_days_left()));
  return row;
}

std::string NotificationCountsText(const Output& out, const rpv::NotificationDigest& digest) {
  std::vector<std::string> parts;
  for (const auto& count : digest.counts()) {
    parts.push_back(absl::StrCat(NotificationKindLabel(out, count.kind()), ": ", count.count()));
  }
  return absl::StrJoin(parts, " · ");
}

std::vector<std::string> SweepLines(const Output& out, const rpv::NotificationSweep& sweep) {
  std::vector<std::string> lines;
  lines.push_back(absl::StrCat(out.T("Rà soát ngày ", "Sweep of "), DateText(sweep.date()), ": ",
                               sweep.school_count(), out.T(" trường", " schools")));
  lines.push_back(
      absl::StrCat(out.T("Thông báo mới: ", "New notifications: "), sweep.new_notification_count()));
  lines.push_back(absl::StrCat(out.T("Thư điện tử: đã gửi ", "E-mails: sent "), sweep.emails_sent(),
                               out.T(", lỗi ", ", failed "), sweep.emails_failed(),
                               out.T(", bỏ qua ", ", skipped "), sweep.emails_skipped()));
  if (sweep.failures_size() > 0) {
    lines.push_back(
        absl::StrCat(out.T("Trường chưa rà soát xong: ", "Schools not finished: "), sweep.failures_size()));
    for (const auto& failure : sweep.failures()) {
      lines.push_back(absl::StrCat("  ", LastSegment(failure.school()), ": ",
                                   PickLanguage(failure.reason(), out.english)));
    }
  }
  return lines;
}

}  // namespace parhub::cli
