// SIPAS surveys: a school's satisfaction surveys of the five factors
// (access, procedure, staff, result, feedback) on a five-point scale, for an
// audience (parents; staff; leaders and managers), answered anonymously
// once per respondent code.
//
//   DRAFT ──Open──▶ OPEN ──Close──▶ CLOSED (final)
//
// Responses are accepted only while OPEN and from open_date to close_date
// (calendar days in Asia/Ho_Chi_Minh). Codes may be issued in DRAFT and
// OPEN. A code is stored only as HMAC-SHA256 under the service's code key
// (never in clear, never a bare hash: ten random characters are 50 bits,
// which an offline search of a bare SHA-256 would find); it is marked used
// in the transaction that stores the response, and the response keeps no
// code, so answers stay anonymous.
//
// Results per question: the counts of 1..5 and of "not applicable" (0, or
// the question left out), the mean over 1..5 and the satisfied share
// (4–5 over 1–5, %). A factor's index is the satisfied share over all its
// questions' answers; the survey index is the mean of the factor indices
// (of the factors that have answers; 0 when none has).
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_DESK_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_DESK_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "platform/core/caller.h"
#include "platform/core/crypto.h"
#include "platform/core/page.h"
#include "services/reporting/domain/sipas_store.h"

namespace parhub::reporting {

using ::parhub::platform::Caller;

// Respondent codes per IssueRespondentCodes call.
inline constexpr int kMaxCodesPerIssue = 2000;
// Minimum length of the code key.
inline constexpr size_t kMinCodeKeyBytes = 32;

// A school's parents' surveys over a period, for ReportingSummary.
struct SipasFigures final {
  int surveys = 0;
  int responses = 0;
  double index = 0;           // %, 0 when no answers
  double feedback_index = 0;  // factor "feedback", %
  // Index (%) of each factor with answers 1-5 (none: left out).
  std::map<std::string, double> factor_index;
};

// Checks the embedded questionnaire: the five factors in order, each with
// questions whose codes are unique, 1–16 characters of [A-Z0-9].
absl::Status ValidateQuestionnaire(const v1::SipasQuestionnaire& questionnaire);

// Results from per-question counts, in questionnaire order (pure).
v1::SipasResults ComputeResults(const v1::SipasQuestionnaire& questionnaire,
                                const std::vector<QuestionCounts>& counts);

class SipasDesk final {
 public:
  // `code_key` (≥ 32 bytes) keys the respondent code hashes: changing it
  // makes every unused code unknown.
  SipasDesk(SipasStore& store, const v1::SipasQuestionnaire& questionnaire, const std::string& code_key,
            std::function<absl::Time()> clock);

  absl::StatusOr<v1::SipasSurvey> Create(const Caller& caller, const std::string& school_id,
                                         const std::string& survey_id, const v1::SipasSurvey& draft);
  absl::StatusOr<v1::SipasSurvey> Get(const Caller& caller, const std::string& school_id,
                                      const std::string& survey_id);
  // Newest first; default 20, max 100.
  absl::StatusOr<platform::Page<v1::SipasSurvey>> List(const Caller& caller, const std::string& school_id,
                                                       int page_size, const std::string& page_token);
  absl::StatusOr<v1::SipasSurvey> Open(const Caller& caller, const std::string& school_id,
                                       const std::string& survey_id);
  absl::StatusOr<v1::SipasSurvey> Close(const Caller& caller, const std::string& school_id,
                                        const std::string& survey_id);
  // `count` new codes, formatted ("7KQ4-XP9D-M2C"); only their hashes are kept.
  absl::StatusOr<std::vector<std::string>> IssueCodes(const Caller& caller, const std::string& school_id,
                                                      const std::string& survey_id, int count);

  // The public endpoint (the gateway's service identity). The school's
  // display name is not known here: school_display_name carries the
  // school's resource name ("schools/{school}") for the gateway to replace.
  absl::StatusOr<v1::SurveyForRespondent> ForRespondent(const Caller& caller, const std::string& code);
  // What a response says, once checked (the request alone, no database).
  struct CheckedResponse final {
    std::string code;                     // canonical
    std::map<std::string, int> score_of;  // question → 0..5
    std::string comment;                  // cleaned
  };
  // INVALID_ARGUMENT naming the field: a mistyped code, no answers, an
  // unknown or repeated question, a score outside 0..5, a comment over
  // 1,000 characters. The RPC adapter calls it before the idempotency
  // ledger, so bad input never reaches the database.
  absl::StatusOr<CheckedResponse> CheckResponse(const std::string& code,
                                                const std::vector<v1::SipasAnswer>& answers,
                                                const std::string& comment) const;
  // Records one anonymous response; answers the thank-you text.
  absl::StatusOr<std::string> Submit(const Caller& caller, const std::string& code,
                                     const std::vector<v1::SipasAnswer>& answers, const std::string& comment);

  absl::StatusOr<v1::SipasResults> Results(const Caller& caller, const std::string& school_id,
                                           const std::string& survey_id);
  // Parents' surveys of the school in [start, end] (no access check:
  // callers check first).
  absl::StatusOr<SipasFigures> Figures(const std::string& school_id, platform::Date start,
                                       platform::Date end);
  // The same for each of `school_ids`, in that order, from one read.
  absl::StatusOr<std::vector<SipasFigures>> FiguresOf(const std::vector<std::string>& school_ids,
                                                      platform::Date start, platform::Date end);

  // HMAC-SHA256 (hex) of `data` under the code key with a purpose label,
  // e.g. for the ledger fingerprint of a response, so nothing kept holds a
  // bare hash of a code.
  std::string KeyedDigest(absl::string_view purpose, absl::string_view data) const;

  const v1::SipasQuestionnaire& questionnaire() const { return questionnaire_; }

 private:
  std::string CodeHash(const std::string& canonical) const;
  absl::StatusOr<StoredSurvey> Load(const std::string& school_id, const std::string& survey_id, Lock lock);
  v1::SipasSurvey ToProto(const StoredSurvey& survey) const;
  // FAILED_PRECONDITION unless `survey` takes responses today.
  absl::Status CheckAccepting(const StoredSurvey& survey) const;
  absl::StatusOr<v1::SipasSurvey> Change(const std::string& school_id, const std::string& survey_id,
                                         const std::function<absl::Status(StoredSurvey&)>& change);

  SipasStore& store_;
  const v1::SipasQuestionnaire& questionnaire_;
  std::unique_ptr<platform::HmacSha256Signer> signer_;
  std::function<absl::Time()> clock_;
};

// "schools/{school}/sipasSurveys/{survey}".
std::string SurveyName(const std::string& school_id, const std::string& survey_id);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_SIPAS_DESK_H_
