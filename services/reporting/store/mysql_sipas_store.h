// SipasStore on MySQL/MariaDB (schema: migrations/002_sipas.sql, official
// results 004_official_sipas.sql).
#ifndef PARHUB_SERVICES_REPORTING_STORE_MYSQL_SIPAS_STORE_H_
#define PARHUB_SERVICES_REPORTING_STORE_MYSQL_SIPAS_STORE_H_

#include "platform/db/db.h"
#include "services/reporting/domain/sipas_store.h"

namespace parhub::reporting {

class MySqlSipasStore final : public SipasStore {
 public:
  explicit MySqlSipasStore(platform::Db& db) : db_(db) {}

  absl::Status InTransaction(const std::function<absl::Status()>& fn) override;
  absl::Status InsertSurvey(const StoredSurvey& survey) override;
  absl::StatusOr<std::optional<StoredSurvey>> GetSurvey(const std::string& school_id,
                                                        const std::string& survey_id, Lock lock) override;
  absl::Status UpdateSurvey(const StoredSurvey& survey) override;
  absl::StatusOr<std::vector<StoredSurvey>> ListSurveys(const std::string& school_id, int64_t after_micros,
                                                        const std::string& after_id, int limit) override;
  absl::StatusOr<std::set<std::string>> ExistingCodes(const std::vector<std::string>& hashes) override;
  absl::Status InsertCodes(const std::string& school_id, const std::string& survey_id,
                           const std::vector<std::string>& hashes) override;
  absl::StatusOr<std::optional<StoredCode>> FindCode(const std::string& hash, Lock lock) override;
  absl::StatusOr<bool> MarkCodeUsed(const std::string& school_id, const std::string& survey_id,
                                    const std::string& hash) override;
  absl::Status InsertResponse(const StoredResponse& response,
                              const std::vector<QuestionCounts>& increments) override;
  absl::StatusOr<std::vector<QuestionCounts>> SurveyCounts(const std::string& school_id,
                                                           const std::string& survey_id) override;
  absl::StatusOr<std::map<std::string, SipasPeriodCounts>> PeriodCounts(
      const std::vector<std::string>& school_ids, v1::SurveyAudience audience, platform::Date start,
      platform::Date end) override;
  absl::Status SaveOfficialResult(const std::string& school_id, int year,
                                  const v1::OfficialSipasResult& result) override;
  absl::StatusOr<std::optional<v1::OfficialSipasResult>> GetOfficialResult(const std::string& school_id,
                                                                           int year) override;
  absl::StatusOr<std::optional<int>> LatestOfficialYear(const std::string& school_id) override;

 private:
  platform::Db& db_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_STORE_MYSQL_SIPAS_STORE_H_
