// What the reporting domain needs stored. One implementation on MySQL
// (store/mysql_reporting_store.h); the domain never sees SQL. Reads inside
// InTransaction with Lock::kForUpdate lock the row until commit.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_REPORTING_STORE_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_REPORTING_STORE_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "platform/core/date.h"

namespace parhub::reporting {

enum class Lock { kNone, kForUpdate };

// A school's assessment of a year: the contract's message (name, items…).
struct StoredAssessment final {
  std::string school_id;
  int year = 0;
  v1::ParAssessment assessment;
};

// Totals of an assessment, for scorecards.
struct AssessmentTotals final {
  v1::AssessmentState state = v1::ASSESSMENT_STATE_UNSPECIFIED;
  double self_total = 0;
  double appraised_total = 0;
};

// The last good summary of a source for a school and period.
struct StoredPull final {
  absl::Time pull_time;
  std::string summary;  // serialized summary message
};

struct StoredForecast final {
  double total_points = 0;
  absl::Time compute_time;
  std::string forecast;  // serialized ParForecast; empty for rows stored before migration 006
};

// A periodic report's row.
struct StoredReport final {
  std::string school_id;
  std::string report_id;  // "cchc-2024-q1"
  std::string family;     // "cchc"
  int year = 0;
  std::string period;  // "q1"
  platform::Date due_date;
  v1::ReportState state = v1::REPORT_STATE_DRAFT;
  int latest_version = 0;
  int submitted_version = 0;
  std::optional<absl::Time> first_submit_time, submit_time, acknowledge_time;
  std::string return_reason;
  std::string reviewed_by;
};

struct StoredVersion final {
  int version = 0;
  std::string content;  // serialized ReportContent (deterministic)
  std::string content_sha256;
  std::vector<std::string> source_errors;
  std::string generated_by;
  absl::Time create_time;
};

struct ReportFilter final {
  std::string family;  // "" = all
  int year = 0;        // 0 = all
  std::vector<v1::ReportState> states;
  std::string after_key;  // page: report ids after this, in due-date-desc order key
  int limit = 50;
};

class ReportingStore {
 public:
  virtual ~ReportingStore() = default;

  virtual absl::Status InTransaction(const std::function<absl::Status()>& fn) = 0;

  // Frameworks: ALREADY_EXISTS when the id is used.
  virtual absl::Status InsertFramework(const v1::ParFramework& framework, absl::Time at) = 0;
  virtual absl::StatusOr<std::optional<v1::ParFramework>> GetFramework(const std::string& id) = 0;
  // Newest year first, then id; `year` 0 and `level` "" match all.
  virtual absl::StatusOr<std::vector<v1::ParFramework>> ListFrameworks(int year,
                                                                       const std::string& level) = 0;

  virtual absl::StatusOr<std::optional<StoredAssessment>> GetAssessment(const std::string& school_id,
                                                                        int year, Lock lock) = 0;
  // The year's assessments (with items) of those of `school_ids` that
  // have one, by school; a few reads whatever the number of schools.
  virtual absl::StatusOr<std::map<std::string, StoredAssessment>> AssessmentsOf(
      int year, const std::vector<std::string>& school_ids) = 0;
  // Inserts the header and every item; ALREADY_EXISTS when it exists.
  virtual absl::Status InsertAssessment(const StoredAssessment& assessment) = 0;
  // Rewrites the header and every item.
  virtual absl::Status UpdateAssessment(const StoredAssessment& assessment) = 0;
  // Newest year first, items omitted.
  virtual absl::StatusOr<std::vector<StoredAssessment>> ListAssessments(const std::string& school_id) = 0;
  virtual absl::Status AppendAssessmentHistory(const StoredAssessment& snapshot, const std::string& action,
                                               const std::string& actor, absl::Time at) = 0;
  // The kept states of the school's assessment of `year`, oldest first.
  virtual absl::StatusOr<std::vector<v1::AssessmentVersion>> AssessmentHistory(const std::string& school_id,
                                                                               int year) = 0;
  virtual absl::StatusOr<std::map<std::string, AssessmentTotals>> AssessmentTotalsOf(
      int year, const std::vector<std::string>& school_ids) = 0;

  // Replaces the school's official result of the year.
  virtual absl::Status SaveOfficialResult(const std::string& school_id, int year,
                                          const v1::OfficialParResult& result, absl::Time at) = 0;
  virtual absl::StatusOr<std::optional<v1::OfficialParResult>> GetOfficialResult(const std::string& school_id,
                                                                                 int year) = 0;

  virtual absl::Status SavePull(const std::string& school_id, const std::string& source, platform::Date start,
                                platform::Date end, const StoredPull& pull) = 0;
  // The newest pull of the same period start whose end is not after `end`
  // (a forecast's period grows by a day each day).
  virtual absl::StatusOr<std::optional<StoredPull>> LastPull(const std::string& school_id,
                                                             const std::string& source, platform::Date start,
                                                             platform::Date end) = 0;

  // Every school with a forecast, an assessment or a report, sorted.
  virtual absl::StatusOr<std::vector<std::string>> KnownSchools() = 0;
  virtual absl::Status SaveForecast(const std::string& school_id, int year,
                                    const StoredForecast& forecast) = 0;
  // Totals and times only (`forecast` left empty).
  virtual absl::StatusOr<std::map<std::string, StoredForecast>> ForecastsOf(
      int year, const std::vector<std::string>& school_ids) = 0;
  // The school's stored forecast of `year` with its content, if any.
  virtual absl::StatusOr<std::optional<StoredForecast>> GetForecast(const std::string& school_id,
                                                                    int year) = 0;

  virtual absl::StatusOr<std::optional<StoredReport>> GetReport(const std::string& school_id,
                                                                const std::string& report_id, Lock lock) = 0;
  virtual absl::Status InsertReport(const StoredReport& report) = 0;
  virtual absl::Status UpdateReport(const StoredReport& report) = 0;
  // Newest due date first, then report id.
  virtual absl::StatusOr<std::vector<StoredReport>> ListReports(const std::string& school_id,
                                                                const ReportFilter& filter) = 0;
  // Reports of these schools whose due date lies in [from, to], in one read.
  virtual absl::StatusOr<std::vector<StoredReport>> ReportsDueBetween(
      const std::vector<std::string>& school_ids, platform::Date from, platform::Date to) = 0;
  // The period's report of each listed school that has one.
  virtual absl::StatusOr<std::map<std::string, StoredReport>> ReportsOfPeriod(
      const std::string& family, int year, const std::string& period,
      const std::vector<std::string>& school_ids) = 0;

  virtual absl::Status InsertVersion(const std::string& school_id, const std::string& report_id,
                                     const StoredVersion& version) = 0;
  virtual absl::StatusOr<std::optional<StoredVersion>> GetVersion(const std::string& school_id,
                                                                  const std::string& report_id,
                                                                  int version) = 0;
  // Newest first, content omitted.
  virtual absl::StatusOr<std::vector<StoredVersion>> ListVersions(const std::string& school_id,
                                                                  const std::string& report_id) = 0;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_REPORTING_STORE_H_
