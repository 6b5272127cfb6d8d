// The daily notification run: once a day, at or after `hour` o'clock in Ho
// Chi Minh City, every top-level authority is swept for the day (with its
// descendants) and the digests are e-mailed when a mailer is configured.
// Remembering the last day run is only an economy: the outbox and the
// deliveries make a repeated run (a restart, a second replica) record and
// mail nothing twice.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_SCHEDULE_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_SCHEDULE_H_

#include <functional>
#include <thread>

#include "absl/synchronization/notification.h"
#include "services/reporting/domain/notification_desk.h"

namespace parhub::reporting {

class NotificationSchedule final {
 public:
  // `hour` < 0: never runs (only officers' sweeps).
  NotificationSchedule(NotificationDesk& desk, NotificationSource& source, int hour,
                       std::function<absl::Time()> clock);
  ~NotificationSchedule();  // stops and joins
  NotificationSchedule(const NotificationSchedule&) = delete;
  NotificationSchedule& operator=(const NotificationSchedule&) = delete;

  // Sweeps every top-level authority for `day`; returns the authorities done.
  absl::StatusOr<int> RunOnce(platform::Date day);

 private:
  void Loop();

  NotificationDesk& desk_;
  NotificationSource& source_;
  int hour_;
  std::function<absl::Time()> clock_;
  platform::Date last_run_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_SCHEDULE_H_
