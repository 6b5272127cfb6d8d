// The daily notification run (see notification_schedule.h).
#include "services/reporting/domain/notification_schedule.h"

#include "absl/strings/str_cat.h"
#include "platform/core/log.h"
#include "platform/core/status_macros.h"

namespace parhub::reporting {

NotificationSchedule::NotificationSchedule(NotificationDesk& desk, NotificationSource& source, int hour,
                                           std::function<absl::Time()> clock)
    : desk_(desk), source_(source), hour_(hour), clock_(std::move(clock)) {
  if (hour_ >= 0) thread_ = std::thread([this] { Loop(); });
}

NotificationSchedule::~NotificationSchedule() {
  stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

absl::StatusOr<int> NotificationSchedule::RunOnce(platform::Date day) {
  ASSIGN_OR_RETURN(std::vector<std::string> authorities,
                   source_.TopAuthorities(clock_() + absl::Seconds(20)));
  int done = 0;
  for (const std::string& authority : authorities) {
    if (stop_.HasBeenNotified()) break;
    absl::StatusOr<SweepOutcome> outcome = desk_.SweepAndMail(authority, day);
    if (!outcome.ok()) {
      platform::LogWarning("notification sweep failed",
                           {{"authority", authority}, {"error", std::string(outcome.status().message())}});
      continue;
    }
    ++done;
    platform::LogInfo("notification sweep", {{"authority", authority},
                                             {"day", day.ToIso()},
                                             {"schools", absl::StrCat(outcome->sweep.schools.size())},
                                             {"new", absl::StrCat(outcome->sweep.new_notifications)},
                                             {"failed_schools", absl::StrCat(outcome->sweep.failures.size())},
                                             {"mailed", absl::StrCat(outcome->mail.sent)},
                                             {"mail_failed", absl::StrCat(outcome->mail.failed)}});
  }
  return done;
}

void NotificationSchedule::Loop() {
  while (!stop_.WaitForNotificationWithTimeout(absl::Minutes(1))) {
    const absl::Time now = clock_();
    const platform::Date today = platform::LocalDate(now);
    const absl::CivilHour hour = absl::ToCivilHour(now, platform::VietnamTimeZone());
    if (today == last_run_ || hour.hour() < hour_) continue;
    absl::StatusOr<int> done = RunOnce(today);
    if (done.ok()) {
      last_run_ = today;
    } else {
      platform::LogWarning("notification run failed", {{"error", std::string(done.status().message())}});
    }
  }
}

}  // namespace parhub::reporting
