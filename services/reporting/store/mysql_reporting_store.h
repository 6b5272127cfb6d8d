// ReportingStore on MySQL/MariaDB (schema: migrations/001_reporting.sql).
#ifndef PARHUB_SERVICES_REPORTING_STORE_MYSQL_REPORTING_STORE_H_
#define PARHUB_SERVICES_REPORTING_STORE_MYSQL_REPORTING_STORE_H_

#include <vector>

#include "platform/db/db.h"
#include "platform/db/migrations.h"
#include "services/reporting/domain/reporting_store.h"

// The reporting schema, embedded at build time (cmake/Migrations.cmake).
const std::vector<parhub::platform::Migration>& ReportingMigrations();

namespace parhub::reporting {

class MySqlReportingStore final : public ReportingStore {
 public:
  explicit MySqlReportingStore(platform::Db& db) : db_(db) {}

  absl::Status InTransaction(const std::function<absl::Status()>& fn) override;
  absl::Status InsertFramework(const v1::ParFramework& framework, absl::Time at) override;
  absl::StatusOr<std::optional<v1::ParFramework>> GetFramework(const std::string& id) override;
  absl::StatusOr<std::vector<v1::ParFramework>> ListFrameworks(int year, const std::string& level) override;
  absl::StatusOr<std::optional<StoredAssessment>> GetAssessment(const std::string& school_id, int year,
                                                                Lock lock) override;
  absl::StatusOr<std::map<std::string, StoredAssessment>> AssessmentsOf(
      int year, const std::vector<std::string>& school_ids) override;
  absl::Status InsertAssessment(const StoredAssessment& assessment) override;
  absl::Status UpdateAssessment(const StoredAssessment& assessment) override;
  absl::StatusOr<std::vector<StoredAssessment>> ListAssessments(const std::string& school_id) override;
  absl::Status AppendAssessmentHistory(const StoredAssessment& snapshot, const std::string& action,
                                       const std::string& actor, absl::Time at) override;
  absl::StatusOr<std::vector<v1::AssessmentVersion>> AssessmentHistory(const std::string& school_id,
                                                                       int year) override;
  absl::StatusOr<std::map<std::string, AssessmentTotals>> AssessmentTotalsOf(
      int year, const std::vector<std::string>& school_ids) override;
  absl::Status SaveOfficialResult(const std::string& school_id, int year, const v1::OfficialParResult& result,
                                  absl::Time at) override;
  absl::StatusOr<std::optional<v1::OfficialParResult>> GetOfficialResult(const std::string& school_id,
                                                                         int year) override;
  absl::Status SavePull(const std::string& school_id, const std::string& source, platform::Date start,
                        platform::Date end, const StoredPull& pull) override;
  absl::StatusOr<std::optional<StoredPull>> LastPull(const std::string& school_id, const std::string& source,
                                                     platform::Date start, platform::Date end) override;
  absl::StatusOr<std::vector<std::string>> KnownSchools() override;
  absl::Status SaveForecast(const std::string& school_id, int year, const StoredForecast& forecast) override;
  absl::StatusOr<std::optional<StoredForecast>> GetForecast(const std::string& school_id, int year) override;
  absl::StatusOr<std::map<std::string, StoredForecast>> ForecastsOf(
      int year, const std::vector<std::string>& school_ids) override;
  absl::StatusOr<std::optional<StoredReport>> GetReport(const std::string& school_id,
                                                        const std::string& report_id, Lock lock) override;
  absl::Status InsertReport(const StoredReport& report) override;
  absl::Status UpdateReport(const StoredReport& report) override;
  absl::StatusOr<std::vector<StoredReport>> ListReports(const std::string& school_id,
                                                        const ReportFilter& filter) override;
  absl::StatusOr<std::vector<StoredReport>> ReportsDueBetween(const std::vector<std::string>& school_ids,
                                                              platform::Date from,
                                                              platform::Date to) override;
  absl::StatusOr<std::map<std::string, StoredReport>> ReportsOfPeriod(
      const std::string& family, int year, const std::string& period,
      const std::vector<std::string>& school_ids) override;
  absl::Status InsertVersion(const std::string& school_id, const std::string& report_id,
                             const StoredVersion& version) override;
  absl::StatusOr<std::optional<StoredVersion>> GetVersion(const std::string& school_id,
                                                          const std::string& report_id, int version) override;
  absl::StatusOr<std::vector<StoredVersion>> ListVersions(const std::string& school_id,
                                                          const std::string& report_id) override;

 private:
  // The year's assessments of `school_ids` with their items, by school;
  // the headers locked when asked.
  absl::StatusOr<std::map<std::string, StoredAssessment>> SelectAssessments(
      int year, const std::vector<std::string>& school_ids, Lock lock);
  absl::StatusOr<std::vector<StoredReport>> SelectReports(const std::string& where,
                                                          const std::vector<platform::SqlValue>& params);

  platform::Db& db_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_STORE_MYSQL_REPORTING_STORE_H_
