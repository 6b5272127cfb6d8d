// NotificationSweeper: one sweep of an authority's schools for one day. It
// reads each school's tasks and open cases from the services and its
// reports from this service, counts working days on the holiday calendars
// the complaints service holds (the day itself not counted), and records
// the new events in the outbox (domain/notification.h):
//   - a directive's task added to the plan in the last `directive_days`;
//   - an unfinished task due within `due_within` working days, or overdue;
//   - a report of the year not yet submitted (or returned), due within
//     `due_within` working days;
//   - an open case whose current step ends within `due_within` working days.
// A school that cannot be read (a source down) is listed as failed and
// records nothing; an event whose due date falls in a year without a holiday
// calendar is not recorded and its school is listed with that reason, while
// the school's other events are recorded.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_SWEEPER_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_SWEEPER_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "services/reporting/domain/notification.h"
#include "services/reporting/domain/report_desk.h"

namespace parhub::reporting {

struct SweepSettings final {
  int due_within = 3;                                 // working days
  int directive_days = 7;                             // calendar days a directive's task counts as new
  absl::Duration source_timeout = absl::Seconds(20);  // per school
};

struct SweepResult final {
  platform::Date day;
  std::vector<SweptSchool> schools;
  int new_notifications = 0;
  std::vector<std::pair<std::string, std::string>> failures;  // school id, reason
};

class NotificationSweeper final {
 public:
  NotificationSweeper(NotificationStore& store, NotificationSource& source, ReportDesk& reports,
                      SweepSettings settings, std::function<absl::Time()> clock)
      : store_(store), source_(source), reports_(reports), settings_(settings), clock_(std::move(clock)) {}

  // Sweeps every school of the authority (and its descendants) for `day`.
  absl::StatusOr<SweepResult> SweepAuthority(const std::string& authority_id, platform::Date day);
  // The events of one school on `day`, not yet recorded, and why some could
  // not be made (OK when none).
  struct SchoolSweep final {
    std::vector<Notification> events;
    absl::Status problem;
  };
  absl::StatusOr<SchoolSweep> SchoolEvents(const SweptSchool& school, platform::Date day,
                                           const platform::WorkCalendar& calendar);
  // Report events of every school for `day`, by school id.
  absl::StatusOr<std::map<std::string, std::vector<Notification>>> ReportEvents(
      const std::vector<SweptSchool>& schools, platform::Date day, const platform::WorkCalendar& calendar);
  // The working calendar of the three years before `day`'s to the one after
  // (those the data holds).
  absl::StatusOr<platform::WorkCalendar> CalendarAround(platform::Date day);

  const SweepSettings& settings() const { return settings_; }

 private:
  NotificationStore& store_;
  NotificationSource& source_;
  ReportDesk& reports_;
  SweepSettings settings_;
  std::function<absl::Time()> clock_;
  absl::Mutex mu_;
  std::map<int, platform::HolidayYear> years_ ABSL_GUARDED_BY(mu_);  // fetched calendars
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_NOTIFICATION_SWEEPER_H_
