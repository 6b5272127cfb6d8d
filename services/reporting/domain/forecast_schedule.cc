// The forecast schedule (see forecast_schedule.h).
#include "services/reporting/domain/forecast_schedule.h"

#include "absl/strings/str_cat.h"
#include "platform/core/date.h"
#include "platform/core/log.h"
#include "platform/core/status_macros.h"

namespace parhub::reporting {

ForecastSchedule::ForecastSchedule(ReportingStore& store, ForecastDesk& forecasts, absl::Duration period,
                                   std::function<absl::Time()> clock)
    : store_(store), forecasts_(forecasts), period_(period), clock_(std::move(clock)) {
  if (period_ > absl::ZeroDuration()) thread_ = std::thread([this] { Loop(); });
}

ForecastSchedule::~ForecastSchedule() {
  stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

absl::StatusOr<int> ForecastSchedule::RunOnce() {
  const int year = platform::LocalDate(clock_()).year;
  ASSIGN_OR_RETURN(std::vector<std::string> schools, store_.KnownSchools());
  int done = 0;
  for (const std::string& school : schools) {
    if (stop_.HasBeenNotified()) break;
    absl::StatusOr<v1::ParForecast> forecast =
        forecasts_.Compute(school, year, absl::Now() + absl::Seconds(10));
    if (forecast.ok()) {
      ++done;
    } else {
      platform::LogWarning("scheduled forecast failed",
                           {{"school", school}, {"error", std::string(forecast.status().message())}});
    }
  }
  return done;
}

void ForecastSchedule::Loop() {
  while (!stop_.WaitForNotificationWithTimeout(period_)) {
    absl::StatusOr<int> done = RunOnce();
    if (done.ok()) {
      platform::LogInfo("scheduled forecasts", {{"schools", absl::StrCat(*done)}});
    } else {
      platform::LogWarning("scheduled forecasts failed", {{"error", std::string(done.status().message())}});
    }
  }
}

}  // namespace parhub::reporting
