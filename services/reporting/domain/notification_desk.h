// NotificationDesk: what people do with notifications. A school's people
// list their school's outbox; everyone with an account reads their digest
// of a day; an authority's officers run the sweep of its schools for a day
// and, when asked, e-mail every account its digest (once per account and
// day, through the configured Mailer; none configured: FAILED_PRECONDITION).
//
// Digests: school accounts get everything recorded for their school;
// officers get their own authority's schools' overdue tasks, reports due
// and cases due soon (directives are theirs, tasks due soon the schools').
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_DESK_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_DESK_H_

#include <functional>
#include <string>
#include <vector>

#include "platform/core/smtp_mail.h"
#include "services/reporting/domain/notification.h"
#include "services/reporting/domain/notification_sweeper.h"

namespace parhub::reporting {

struct DigestMailSettings final {
  std::string from;  // the sender's address; "" with no mailer
  std::string from_name = "parhub";
  std::string dashboard_url;  // printed at the end of each e-mail when set
  absl::Duration stale_claim = absl::Minutes(15);
};

struct Digest final {
  std::string account;  // "accounts/{a}"
  platform::Date day;
  std::vector<Notification> notifications;
  std::string subject;
  std::string text;
};

struct MailOutcome final {
  int sent = 0;
  int failed = 0;
  int skipped = 0;
};

struct SweepOutcome final {
  SweepResult sweep;
  MailOutcome mail;
};

class NotificationDesk final {
 public:
  // `mailer` may be null (no SMTP configured).
  NotificationDesk(NotificationStore& store, NotificationSweeper& sweeper, NotificationSource& source,
                   platform::Mailer* mailer, DigestMailSettings mail, std::function<absl::Time()> clock)
      : store_(store),
        sweeper_(sweeper),
        source_(source),
        mailer_(mailer),
        mail_(std::move(mail)),
        clock_(std::move(clock)) {}

  absl::StatusOr<platform::Page<Notification>> List(const platform::Caller& caller,
                                                    const std::string& school_id,
                                                    const NotificationFilter& filter, int page_size,
                                                    const std::string& page_token);
  // `day` unset: today in Ho Chi Minh City.
  absl::StatusOr<Digest> DigestOf(const platform::Caller& caller, platform::Date day);
  // Officers of `authority_id` (the gateway checked it is theirs). `day`
  // unset: today; more than a day ahead is INVALID_ARGUMENT.
  absl::StatusOr<SweepOutcome> Sweep(const platform::Caller& caller, const std::string& authority_id,
                                     platform::Date day, bool send_email);
  // The scheduled run: sweep and mail, with the service's own authority.
  absl::StatusOr<SweepOutcome> SweepAndMail(const std::string& authority_id, platform::Date day);

 private:
  absl::StatusOr<MailOutcome> MailDigests(const SweepResult& sweep, const std::string& authority_id);
  absl::StatusOr<Digest> DigestFor(const Recipient& who, platform::Date day);

  NotificationStore& store_;
  NotificationSweeper& sweeper_;
  NotificationSource& source_;
  platform::Mailer* mailer_;
  DigestMailSettings mail_;
  std::function<absl::Time()> clock_;
};

// The digest's subject line and text, in Vietnamese. `greeting` names the
// reader ("" for a generic one); `officer` prefixes each line with the
// school.
std::string DigestSubject(platform::Date day, const std::vector<Notification>& notifications);
std::string DigestText(const std::string& greeting, platform::Date day,
                       const std::vector<Notification>& notifications, bool officer,
                       const std::string& dashboard_url);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_DESK_H_
