// Periodic reports: a report per school, family, year and period, with
// immutable versions generated from the services, submitted by the school,
// acknowledged or returned by its authority.
//
//   from \ to   SUBMITTED  ACKNOWLEDGED  RETURNED
//   DRAFT       Submit     -             -
//   SUBMITTED   -          Acknowledge   Return
//   RETURNED    Submit     -             -
//
// A version is added only in DRAFT or RETURNED and only once the period is
// cut off. Late = first submitted after the due date (end of day, Vietnam
// time), or not submitted and past due (missing). A return does not clear
// lateness.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_REPORT_DESK_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_REPORT_DESK_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "services/reporting/domain/report_calendar.h"
#include "services/reporting/domain/reporting_store.h"

namespace parhub::reporting {

using ::parhub::platform::Caller;

// What a generated version holds, before it is stored.
struct GeneratedContent final {
  std::string content;  // deterministic serialization of ReportContent
  std::vector<std::string> source_errors;
};

// How one school's report of a period stands.
struct ReportCounts final {
  int due = 0, on_time = 0, late = 0, missing = 0;
};

class ReportDesk final {
 public:
  ReportDesk(ReportingStore& store, const ReportCalendar& calendar, std::function<absl::Time()> clock)
      : store_(store), calendar_(calendar), clock_(std::move(clock)) {}

  // The period, once the caller may generate it: FAILED_PRECONDITION while
  // the period is not cut off yet or the report is SUBMITTED/ACKNOWLEDGED.
  absl::StatusOr<ResolvedPeriod> CheckGeneratable(const Caller& caller, const std::string& school_id,
                                                  const std::string& family, int year,
                                                  const std::string& period);
  // Stores the next version (creating the report in DRAFT on first use).
  absl::StatusOr<v1::ReportVersion> AddVersion(const Caller& caller, const std::string& school_id,
                                               const ResolvedPeriod& period,
                                               const GeneratedContent& generated);

  absl::StatusOr<v1::Report> Get(const Caller& caller, const std::string& school_id,
                                 const std::string& report_id);
  absl::StatusOr<std::vector<v1::Report>> List(const Caller& caller, const std::string& school_id,
                                               const ReportFilter& filter, bool late_only);
  // With content.
  absl::StatusOr<v1::ReportVersion> GetVersion(const Caller& caller, const std::string& school_id,
                                               const std::string& report_id, int version);
  absl::StatusOr<std::vector<v1::ReportVersion>> ListVersions(const Caller& caller,
                                                              const std::string& school_id,
                                                              const std::string& report_id);

  // `version` 0: the latest.
  absl::StatusOr<v1::Report> Submit(const Caller& caller, const std::string& school_id,
                                    const std::string& report_id, int version);
  absl::StatusOr<v1::Report> Acknowledge(const Caller& caller, const std::string& school_id,
                                         const std::string& report_id);
  absl::StatusOr<v1::Report> Return(const Caller& caller, const std::string& school_id,
                                    const std::string& report_id, const std::string& reason);

  // One status per school id, in order (gateway roll-ups).
  absl::StatusOr<std::vector<v1::SchoolReportStatus>> Statuses(const ResolvedPeriod& period,
                                                               const std::vector<std::string>& school_ids);
  // Reports of every family due in [from, to] (and not after today), for
  // each of `school_ids` in that order, from one read.
  absl::StatusOr<std::vector<ReportCounts>> Count(const std::vector<std::string>& school_ids,
                                                  platform::Date from, platform::Date to);

  const ReportCalendar& calendar() const { return calendar_; }

 private:
  absl::StatusOr<StoredReport> Load(const std::string& school_id, const std::string& report_id, Lock lock);
  absl::StatusOr<v1::Report> ToProto(const StoredReport& report) const;
  bool IsLate(const StoredReport& report) const;
  absl::StatusOr<v1::Report> Change(const std::string& school_id, const std::string& report_id,
                                    const std::function<absl::Status(StoredReport&)>& change);

  ReportingStore& store_;
  const ReportCalendar& calendar_;
  std::function<absl::Time()> clock_;
};

// "schools/{school}/reports/{report}".
std::string ReportName(const std::string& school_id, const std::string& report_id);
// Splits "cchc-2024-q1" into family, year, period; INVALID_ARGUMENT otherwise.
struct ReportKey final {
  std::string family;
  int year = 0;
  std::string period;
};
absl::StatusOr<ReportKey> ParseReportId(const std::string& report_id);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_REPORT_DESK_H_
