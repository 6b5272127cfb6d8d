// What SIPAS surveys need stored. One implementation on MySQL
// (store/mysql_sipas_store.h, schema migrations/002_sipas.sql); the domain
// never sees SQL. Reads inside InTransaction with Lock::kForUpdate lock the
// row until commit.
//
// Respondent codes are stored only as keyed hashes (the domain hashes them)
// with a "used" flag and no time, and responses carry no code and only
// their day: nothing joins a code to its answers. Answers are also added
// to per-question counts (per survey, day and question) in the response's
// transaction, so results read a few rows per question, never every
// response.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_STORE_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_STORE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "platform/core/date.h"
#include "services/reporting/domain/reporting_store.h"

namespace parhub::reporting {

// A survey's row.
struct StoredSurvey final {
  std::string school_id;
  std::string survey_id;
  std::string questionnaire;  // "sipasQuestionnaires/…"
  std::string title;
  v1::SurveyAudience audience = v1::SURVEY_AUDIENCE_UNSPECIFIED;
  platform::Date open_date, close_date;
  v1::SurveyState state = v1::SURVEY_STATE_DRAFT;
  int code_count = 0;
  int response_count = 0;
  std::string created_by;
  absl::Time create_time, update_time;
};

// Where a respondent code belongs.
struct StoredCode final {
  std::string school_id;
  std::string survey_id;
  bool used = false;
};

// An anonymous response: no code, no time of day.
struct StoredResponse final {
  std::string school_id;
  std::string survey_id;
  std::string response_id;  // random
  platform::Date answer_date;
  std::string answers;  // "TC1=5,TC2=0,…" in questionnaire order
  std::string comment;
};

// Answers to one question: counts[0] "not applicable", counts[1..5] the scores.
struct QuestionCounts final {
  std::string question;
  std::string factor;
  std::array<int64_t, 6> counts{};
};

// A school's parents' surveys over a period (ReportingSummary).
struct SipasPeriodCounts final {
  int surveys = 0;    // not DRAFT, dates overlapping the period
  int responses = 0;  // answered on a day in the period
  std::vector<QuestionCounts> questions;
};

class SipasStore {
 public:
  virtual ~SipasStore() = default;

  virtual absl::Status InTransaction(const std::function<absl::Status()>& fn) = 0;

  // ALREADY_EXISTS when the id is used in the school.
  virtual absl::Status InsertSurvey(const StoredSurvey& survey) = 0;
  virtual absl::StatusOr<std::optional<StoredSurvey>> GetSurvey(const std::string& school_id,
                                                                const std::string& survey_id, Lock lock) = 0;
  // Rewrites state, counts and update time.
  virtual absl::Status UpdateSurvey(const StoredSurvey& survey) = 0;
  // Newest first (create time, then id descending), after the survey
  // created at `after_micros` with id `after_id` when `after_id` is set.
  virtual absl::StatusOr<std::vector<StoredSurvey>> ListSurveys(const std::string& school_id,
                                                                int64_t after_micros,
                                                                const std::string& after_id, int limit) = 0;

  // Which of `hashes` are already stored, in any survey.
  virtual absl::StatusOr<std::set<std::string>> ExistingCodes(const std::vector<std::string>& hashes) = 0;
  virtual absl::Status InsertCodes(const std::string& school_id, const std::string& survey_id,
                                   const std::vector<std::string>& hashes) = 0;
  virtual absl::StatusOr<std::optional<StoredCode>> FindCode(const std::string& hash, Lock lock) = 0;
  // Marks an unused code used; false when it was used already.
  virtual absl::StatusOr<bool> MarkCodeUsed(const std::string& school_id, const std::string& survey_id,
                                            const std::string& hash) = 0;

  // Stores the response and adds its answers to the day's counts.
  virtual absl::Status InsertResponse(const StoredResponse& response,
                                      const std::vector<QuestionCounts>& increments) = 0;
  // The survey's counts per question (summed over days).
  virtual absl::StatusOr<std::vector<QuestionCounts>> SurveyCounts(const std::string& school_id,
                                                                   const std::string& survey_id) = 0;
  // Each school's surveys for `audience`, their responses and counts in
  // [start, end]; a school with none of them is left out. A few reads
  // whatever the number of schools (the roll-ups ask for up to 5,000).
  virtual absl::StatusOr<std::map<std::string, SipasPeriodCounts>> PeriodCounts(
      const std::vector<std::string>& school_ids, v1::SurveyAudience audience, platform::Date start,
      platform::Date end) = 0;

  // Official SIPAS results (migrations/004_official_sipas.sql): `result`
  // as the domain checked it, replacing an earlier one of the school and year.
  virtual absl::Status SaveOfficialResult(const std::string& school_id, int year,
                                          const v1::OfficialSipasResult& result) = 0;
  virtual absl::StatusOr<std::optional<v1::OfficialSipasResult>> GetOfficialResult(
      const std::string& school_id, int year) = 0;
  // The latest year with an official result (nullopt: none).
  virtual absl::StatusOr<std::optional<int>> LatestOfficialYear(const std::string& school_id) = 0;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_STORE_H_
