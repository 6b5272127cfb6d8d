// Notifications (thông báo): the events the daily sweep records in its
// outbox, what the sweep reads them from, and where they are kept.
//
// An event is recorded once per school, kind, subject and due date, so a
// sweep run twice for one day, or by two replicas, records nothing twice;
// a task given a new due date is a new event. The digest of a day is what
// the sweep of that day recorded; its e-mail goes out once per account and
// day (a delivery row is claimed before the SMTP call).
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "platform/core/date.h"
#include "platform/core/page.h"
#include "platform/core/work_calendar.h"
#include "services/reporting/domain/source_pulls.h"

namespace parhub::reporting {

// Values match the proto's NotificationKind (stored as numbers).
enum class NotificationKind {
  kUnspecified = 0,
  kDirectiveArrived = 1,
  kTaskDueSoon = 2,
  kTaskOverdue = 3,
  kReportDue = 4,
  kCaseDueSoon = 5,
};
inline constexpr int kLastNotificationKind = 5;

struct Notification final {
  int64_t id = 0;
  std::string school_id;
  std::string authority_id;  // the school's managing authority when recorded
  std::string school_display_name;
  NotificationKind kind = NotificationKind::kUnspecified;
  std::string subject;  // the task, report or case resource name
  std::string title;
  platform::Date due_date;
  int working_days_left = 0;
  platform::Date occurred_on;
  std::string directive;
  absl::Time create_time;
};

// One sentence in Vietnamese: "Nhiệm vụ 1.5 «…» đến hạn 05/12/2026, còn 2
// ngày làm việc."
std::string DescribeNotification(const Notification& notification);

// A school the sweep looks at.
struct SweptSchool final {
  std::string id;
  std::string display_name;
  std::string authority_id;  // its managing authority
};

// An open case of a school, as the complaints service lists it.
struct OpenCase final {
  std::string name;         // "schools/{s}/cases/{c}"
  std::string title;        // tracking code and type, e.g. "MN2010-7KQ4-XP9D (Khiếu nại)"
  platform::Date due_date;  // the current step's last day
};

// An account the digest may be mailed to.
struct Recipient final {
  std::string account_id;
  std::string display_name;
  std::string email;  // "" when the directory has none
  platform::Role role = platform::Role::kUnspecified;
  std::string school_id;
  std::string authority_id;
};

// What the sweep reads, from the other services (rpc/grpc_sources.h).
class NotificationSource {
 public:
  virtual ~NotificationSource() = default;
  // Authorities with no parent (the daily run sweeps each, with its
  // descendants).
  virtual absl::StatusOr<std::vector<std::string>> TopAuthorities(absl::Time deadline) = 0;
  // The authority's schools and those of its descendants, as of `day`.
  virtual absl::StatusOr<std::vector<SweptSchool>> SchoolsOf(const std::string& authority_id,
                                                             platform::Date day, absl::Time deadline) = 0;
  // Every task of the school's plans of `year`.
  virtual absl::StatusOr<std::vector<PlanTask>> PlanTasks(const std::string& school_id, int year,
                                                          absl::Time deadline) = 0;
  // The school's cases still awaiting acceptance or resolution.
  virtual absl::StatusOr<std::vector<OpenCase>> OpenCases(const std::string& school_id,
                                                          absl::Time deadline) = 0;
  // The holiday calendar of `year` (complaints' GetHolidayCalendar);
  // FAILED_PRECONDITION when no calendar covers the year.
  virtual absl::StatusOr<platform::HolidayYear> HolidayYear(int year, absl::Time deadline) = 0;
  // The accounts of "schools/{s}" or "authorities/{a}".
  virtual absl::StatusOr<std::vector<Recipient>> Accounts(const std::string& parent, absl::Time deadline) = 0;
};

// A listing's filter.
struct NotificationFilter final {
  platform::Date occurred_after, occurred_before;  // unset: open
  std::vector<NotificationKind> kinds;             // empty: all
};

// Whose digest: a school's accounts see their school, officers their
// authority's schools (the kinds they follow).
struct DigestScope final {
  std::string school_id;     // set for school accounts
  std::string authority_id;  // set for officers
  std::vector<NotificationKind> kinds;
};

class NotificationStore {
 public:
  virtual ~NotificationStore() = default;
  // Records those not recorded before (same school, kind, subject and due
  // date); returns how many were new.
  virtual absl::StatusOr<int> Record(const std::vector<Notification>& notifications) = 0;
  // A school's notifications, newest first; `after` is the last id of the
  // previous page (0: first page).
  virtual absl::StatusOr<std::vector<Notification>> List(const std::string& school_id,
                                                         const NotificationFilter& filter, int64_t after,
                                                         int limit) = 0;
  // What the sweep of `day` recorded for the scope, by kind then due date.
  virtual absl::StatusOr<std::vector<Notification>> OfDay(const DigestScope& scope, platform::Date day) = 0;
  // Claims the e-mail of `account_id`'s digest of `day`: true when this
  // caller should send it (never claimed, failed before, or claimed more
  // than `stale_after` ago by a run that never finished).
  virtual absl::StatusOr<bool> ClaimDelivery(const std::string& account_id, platform::Date day,
                                             const std::string& email, absl::Time now,
                                             absl::Duration stale_after) = 0;
  // Records the outcome of a claimed delivery ("" error: sent).
  virtual absl::Status FinishDelivery(const std::string& account_id, platform::Date day,
                                      const std::string& error, absl::Time now) = 0;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_H_
