// The school's reporting figures computed on demand: its own period summary
// (reports on time, assessment, evidence coverage, SIPAS, the short surveys
// after a service; many schools' at
// once for the gateway's roll-ups), the live PAR
// forecast pulled from every service it needs, and periodic report versions
// generated from the same pulls.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_FORECAST_DESK_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_FORECAST_DESK_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "services/reporting/domain/assessment_desk.h"
#include "services/reporting/domain/forecaster.h"
#include "services/reporting/domain/report_desk.h"
#include "services/reporting/domain/service_feedback.h"
#include "services/reporting/domain/sipas_desk.h"
#include "services/reporting/domain/source_pulls.h"

namespace parhub::reporting {

using ::parhub::platform::Caller;

class ReportingSummarizer final {
 public:
  ReportingSummarizer(AssessmentDesk& assessments, FrameworkBook& frameworks, ReportDesk& reports,
                      SipasDesk& sipas, ServiceFeedbackDesk& feedback)
      : assessments_(assessments),
        frameworks_(frameworks),
        reports_(reports),
        sipas_(sipas),
        feedback_(feedback) {}

  // No access check: callers check first.
  absl::StatusOr<v1::ReportingSummary> Summarize(const std::string& school_id, platform::Date start,
                                                 platform::Date end);
  // The summaries of `school_ids` (platform::CheckSchoolBatch) in that
  // order, each what Summarize answers for its school; the same period
  // check, then one read per table for all of them. No access check.
  absl::StatusOr<std::vector<v1::ReportingSummary>> SummarizeSchools(
      const std::vector<std::string>& school_ids, platform::Date start, platform::Date end);

 private:
  // The summaries of checked schools and period, in order.
  absl::StatusOr<std::vector<v1::ReportingSummary>> Read(const std::vector<std::string>& school_ids,
                                                         platform::Date start, platform::Date end);

  AssessmentDesk& assessments_;
  FrameworkBook& frameworks_;
  ReportDesk& reports_;
  SipasDesk& sipas_;               // the parents' surveys in the period
  ServiceFeedbackDesk& feedback_;  // the short surveys answered in the period
};

class ForecastDesk final {
 public:
  ForecastDesk(ReportingStore& store, FrameworkBook& frameworks, AssessmentDesk& assessments,
               ReportingSummarizer& summarizer, SourcePulls& pulls, std::function<absl::Time()> clock)
      : store_(store),
        frameworks_(frameworks),
        assessments_(assessments),
        summarizer_(summarizer),
        pulls_(pulls),
        forecaster_(frameworks.catalog()),
        clock_(std::move(clock)) {}

  // The forecast of `year`, recomputed now and stored for scorecards.
  absl::StatusOr<v1::ParForecast> Forecast(const Caller& caller, const std::string& school_id, int year,
                                           absl::Time deadline);
  // The same without an access check, for the scheduler and report
  // generation (callers check first).
  absl::StatusOr<v1::ParForecast> Compute(const std::string& school_id, int year, absl::Time deadline);
  // The stored forecast when it was computed at most `max_age` ago with
  // every source answering (no STALE or UNAVAILABLE line); otherwise
  // Compute. No access check.
  absl::StatusOr<v1::ParForecast> Recent(const std::string& school_id, int year, absl::Duration max_age,
                                         absl::Time deadline);
  // The stored forecast and assessment totals of each school, in order
  // (gateway roll-ups; no pulls).
  absl::StatusOr<std::vector<v1::Scorecard>> Scorecards(int year, const std::vector<std::string>& school_ids);

 private:
  ReportingStore& store_;
  FrameworkBook& frameworks_;
  AssessmentDesk& assessments_;
  ReportingSummarizer& summarizer_;
  SourcePulls& pulls_;
  Forecaster forecaster_;
  std::function<absl::Time()> clock_;
};

class ReportGenerator final {
 public:
  // A report's forecast section is the school's stored forecast when it is
  // at most `forecast_max_age` old (the schedule keeps it that fresh), so a
  // city's reports do not pull every service twice; zero recomputes it for
  // every version.
  ReportGenerator(ReportDesk& reports, ForecastDesk& forecasts, ReportingSummarizer& summarizer,
                  SourcePulls& pulls, absl::Duration forecast_max_age)
      : reports_(reports),
        forecasts_(forecasts),
        summarizer_(summarizer),
        pulls_(pulls),
        forecast_max_age_(forecast_max_age) {}

  // Pulls every source of the family for the period (start … cut-off) and
  // stores the next version. UNAVAILABLE when a source fails and
  // `allow_partial` is false; the version lists failed sources otherwise.
  absl::StatusOr<v1::ReportVersion> Generate(const Caller& caller, const std::string& school_id,
                                             const std::string& family, int year, const std::string& period,
                                             const std::vector<v1::NarrativeSection>& narrative,
                                             bool allow_partial, absl::Time deadline);

 private:
  ReportDesk& reports_;
  ForecastDesk& forecasts_;
  ReportingSummarizer& summarizer_;
  SourcePulls& pulls_;
  absl::Duration forecast_max_age_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_FORECAST_DESK_H_
