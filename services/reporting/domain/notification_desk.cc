// Listing, digests and the sweep with its e-mails (see notification_desk.h).
#include "services/reporting/domain/notification_desk.h"

#include <map>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/log.h"
#include "platform/core/status_macros.h"
#include "services/reporting/domain/access.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Date;
using ::parhub::platform::Role;

constexpr char kWhat[] = "thông báo";

// Officers follow what is late or due at their schools.
const std::vector<NotificationKind>& OfficerKinds() {
  static const auto* kinds = new std::vector<NotificationKind>{
      NotificationKind::kTaskOverdue, NotificationKind::kReportDue, NotificationKind::kCaseDueSoon};
  return *kinds;
}

const char* SectionTitle(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::kDirectiveArrived:
      return "Chỉ đạo mới giao cho trường";
    case NotificationKind::kTaskDueSoon:
      return "Nhiệm vụ sắp đến hạn";
    case NotificationKind::kTaskOverdue:
      return "Nhiệm vụ quá hạn";
    case NotificationKind::kReportDue:
      return "Báo cáo định kỳ sắp đến hạn, chưa nộp";
    case NotificationKind::kCaseDueSoon:
      return "Hồ sơ, đơn thư sắp hết thời hạn giải quyết";
    case NotificationKind::kUnspecified:
      break;
  }
  return "Khác";
}

const char* ShortCount(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::kDirectiveArrived:
      return "chỉ đạo mới";
    case NotificationKind::kTaskDueSoon:
      return "nhiệm vụ sắp đến hạn";
    case NotificationKind::kTaskOverdue:
      return "nhiệm vụ quá hạn";
    case NotificationKind::kReportDue:
      return "báo cáo sắp đến hạn";
    case NotificationKind::kCaseDueSoon:
      return "hồ sơ sắp hết hạn";
    case NotificationKind::kUnspecified:
      break;
  }
  return "thông báo";
}

Date DayOrToday(Date day, absl::Time now) { return day.IsSet() ? day : platform::LocalDate(now); }

}  // namespace

std::string DescribeNotification(const Notification& n) {
  const std::string due = n.due_date.IsSet() ? n.due_date.ToVietnamese() : "";
  const std::string left = n.working_days_left == 0
                               ? "đến hạn hôm nay"
                               : absl::StrCat("còn ", n.working_days_left, " ngày làm việc");
  switch (n.kind) {
    case NotificationKind::kDirectiveArrived:
      return due.empty() ? absl::StrCat("Nhiệm vụ mới theo chỉ đạo: ", n.title, ".")
                         : absl::StrCat("Nhiệm vụ mới theo chỉ đạo: ", n.title, ", hạn ", due, ".");
    case NotificationKind::kTaskDueSoon:
      return absl::StrCat("Nhiệm vụ ", n.title, " hạn ", due, ", ", left, ".");
    case NotificationKind::kTaskOverdue:
      return absl::StrCat("Nhiệm vụ ", n.title, " quá hạn từ ", due, " (", -n.working_days_left,
                          " ngày làm việc), chưa hoàn thành.");
    case NotificationKind::kReportDue:
      return absl::StrCat(n.title, ": hạn nộp ", due, ", ", left, "; chưa nộp.");
    case NotificationKind::kCaseDueSoon:
      return absl::StrCat("Hồ sơ ", n.title, ": bước hiện tại hết hạn ", due, ", ", left, ".");
    case NotificationKind::kUnspecified:
      break;
  }
  return n.title;
}

std::string DigestSubject(Date day, const std::vector<Notification>& notifications) {
  std::map<NotificationKind, int> counts;
  for (const Notification& n : notifications) ++counts[n.kind];
  std::string parts;
  for (const auto& [kind, count] : counts) {
    absl::StrAppend(&parts, parts.empty() ? "" : ", ", count, " ", ShortCount(kind));
  }
  if (parts.empty()) parts = "không có việc mới";
  return absl::StrCat("[parhub] Thông báo ngày ", day.ToVietnamese(), ": ", parts);
}

std::string DigestText(const std::string& greeting, Date day, const std::vector<Notification>& notifications,
                       bool officer, const std::string& dashboard_url) {
  std::string text = absl::StrCat("Kính gửi ", greeting.empty() ? "quý thầy cô" : greeting, ",\n\n");
  if (notifications.empty()) {
    absl::StrAppend(&text, "Ngày ", day.ToVietnamese(), " không có thông báo mới.\n");
  } else {
    absl::StrAppend(&text, "Ngày ", day.ToVietnamese(), ", parhub ghi nhận ", notifications.size(),
                    " thông báo mới:\n");
    NotificationKind section = NotificationKind::kUnspecified;
    for (const Notification& n : notifications) {
      if (n.kind != section) {
        section = n.kind;
        absl::StrAppend(&text, "\n", SectionTitle(section), "\n");
      }
      absl::StrAppend(&text, "- ", officer ? absl::StrCat(n.school_display_name, ": ") : "",
                      DescribeNotification(n), "\n");
    }
  }
  if (!dashboard_url.empty()) absl::StrAppend(&text, "\nXem chi tiết: ", dashboard_url, "\n");
  absl::StrAppend(&text,
                  "\nThư gửi tự động từ parhub, mỗi ngày một thư; xin đừng trả lời thư này. Số ngày làm việc "
                  "tính theo lịch nghỉ lễ, không tính ngày ghi thông báo.\n");
  return text;
}

absl::StatusOr<platform::Page<Notification>> NotificationDesk::List(const platform::Caller& caller,
                                                                    const std::string& school_id,
                                                                    const NotificationFilter& filter,
                                                                    int page_size,
                                                                    const std::string& page_token) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kWhat));
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 200));
  int64_t after = 0;
  if (!page.after.empty() && (!absl::SimpleAtoi(page.after, &after) || after <= 0)) {
    return platform::InvalidPageToken();
  }
  ASSIGN_OR_RETURN(std::vector<Notification> rows, store_.List(school_id, filter, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size,
                            [](const Notification& n) { return std::to_string(n.id); });
}

absl::StatusOr<Digest> NotificationDesk::DigestOf(const platform::Caller& caller, Date day) {
  Recipient who;
  who.account_id = caller.subject.substr(caller.subject.find('/') + 1);
  who.role = caller.role;
  who.school_id = caller.school_id;
  who.authority_id = caller.authority_id;
  if (caller.role == Role::kService || caller.subject.empty()) {
    return absl::PermissionDeniedError(
        "Bản tin thông báo dành cho tài khoản của người dùng (a digest is for a person's account)");
  }
  return DigestFor(who, DayOrToday(day, clock_()));
}

absl::StatusOr<Digest> NotificationDesk::DigestFor(const Recipient& who, Date day) {
  DigestScope scope;
  const bool officer = who.role == Role::kAuthorityOfficer;
  if (officer) {
    scope.authority_id = who.authority_id;
    scope.kinds = OfficerKinds();
  } else {
    scope.school_id = who.school_id;
  }
  if (scope.school_id.empty() && scope.authority_id.empty()) {
    return absl::FailedPreconditionError(
        "Tài khoản không gắn với trường hay cơ quan nào (account has no scope)");
  }
  Digest digest;
  digest.account = absl::StrCat("accounts/", who.account_id);
  digest.day = day;
  ASSIGN_OR_RETURN(digest.notifications, store_.OfDay(scope, day));
  digest.subject = DigestSubject(day, digest.notifications);
  digest.text = DigestText(who.display_name, day, digest.notifications, officer, mail_.dashboard_url);
  return digest;
}

absl::StatusOr<SweepOutcome> NotificationDesk::Sweep(const platform::Caller& caller,
                                                     const std::string& authority_id, Date day,
                                                     bool send_email) {
  if (caller.role != Role::kAuthorityOfficer || caller.authority_id != authority_id) {
    return absl::PermissionDeniedError(
        "Chỉ cán bộ của cơ quan quản lý được chạy rà soát thông báo cho các trường của cơ quan (authority "
        "officers of this authority only)");
  }
  const Date today = platform::LocalDate(clock_());
  day = DayOrToday(day, clock_());
  if (day > platform::AddDays(today, 1)) {
    return platform::InvalidField("date", absl::StrCat("Ngày rà soát ", day.ToVietnamese(),
                                                       " quá xa: chỉ tới ngày mai (at most one day ahead)"));
  }
  if (send_email && mailer_ == nullptr) {
    return absl::FailedPreconditionError(
        "Dịch vụ chưa cấu hình máy chủ thư (--smtp_url) nên không gửi e-mail được (no SMTP server "
        "configured)");
  }
  SweepOutcome outcome;
  ASSIGN_OR_RETURN(outcome.sweep, sweeper_.SweepAuthority(authority_id, day));
  if (send_email) {
    ASSIGN_OR_RETURN(outcome.mail, MailDigests(outcome.sweep, authority_id));
  }
  return outcome;
}

absl::StatusOr<SweepOutcome> NotificationDesk::SweepAndMail(const std::string& authority_id, Date day) {
  SweepOutcome outcome;
  ASSIGN_OR_RETURN(outcome.sweep, sweeper_.SweepAuthority(authority_id, day));
  if (mailer_ != nullptr) {
    ASSIGN_OR_RETURN(outcome.mail, MailDigests(outcome.sweep, authority_id));
  }
  return outcome;
}

absl::StatusOr<MailOutcome> NotificationDesk::MailDigests(const SweepResult& sweep,
                                                          const std::string& authority_id) {
  const absl::Time deadline = clock_() + sweeper_.settings().source_timeout;
  std::vector<std::string> parents{absl::StrCat("authorities/", authority_id)};
  std::set<std::string> authorities{authority_id};
  for (const SweptSchool& school : sweep.schools) {
    if (authorities.insert(school.authority_id).second) {
      parents.push_back(absl::StrCat("authorities/", school.authority_id));
    }
    parents.push_back(absl::StrCat("schools/", school.id));
  }
  MailOutcome out;
  for (const std::string& parent : parents) {
    ASSIGN_OR_RETURN(std::vector<Recipient> accounts, source_.Accounts(parent, deadline));
    for (const Recipient& who : accounts) {
      if (who.email.empty()) {
        ++out.skipped;
        continue;
      }
      ASSIGN_OR_RETURN(Digest digest, DigestFor(who, sweep.day));
      if (digest.notifications.empty()) {
        ++out.skipped;
        continue;
      }
      ASSIGN_OR_RETURN(
          bool mine, store_.ClaimDelivery(who.account_id, sweep.day, who.email, clock_(), mail_.stale_claim));
      if (!mine) {
        ++out.skipped;
        continue;
      }
      platform::MailMessage message{mail_.from, mail_.from_name, who.email, digest.subject, digest.text};
      const absl::Status sent = mailer_->Send(message);
      RETURN_IF_ERROR(store_.FinishDelivery(who.account_id, sweep.day,
                                            sent.ok() ? "" : std::string(sent.message()), clock_()));
      if (sent.ok()) {
        ++out.sent;
      } else {
        ++out.failed;
        platform::LogWarning(absl::StrCat("digest of ", sweep.day.ToIso(), " to accounts/", who.account_id,
                                          " not sent: ", sent.ToString()));
      }
    }
  }
  return out;
}

}  // namespace parhub::reporting
