// Automated inter-service reporting on a schedule: every `period`, the
// forecast of the current year is recomputed for every school reporting
// knows (one with a forecast, an assessment or a report), pulling the
// services with reporting's own identity, so the authority's scorecards are
// never older than one period even when nobody opens a school's page. A
// school whose pull fails keeps its stale, dated points (see forecaster.h).
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_FORECAST_SCHEDULE_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_FORECAST_SCHEDULE_H_

#include <functional>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "services/reporting/domain/forecast_desk.h"

namespace parhub::reporting {

class ForecastSchedule final {
 public:
  // `period` zero: never runs.
  ForecastSchedule(ReportingStore& store, ForecastDesk& forecasts, absl::Duration period,
                   std::function<absl::Time()> clock);
  ~ForecastSchedule();  // stops and joins
  ForecastSchedule(const ForecastSchedule&) = delete;
  ForecastSchedule& operator=(const ForecastSchedule&) = delete;

  // One pass over every known school; returns how many were recomputed.
  absl::StatusOr<int> RunOnce();

 private:
  void Loop();

  ReportingStore& store_;
  ForecastDesk& forecasts_;
  absl::Duration period_;
  std::function<absl::Time()> clock_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_FORECAST_SCHEDULE_H_
