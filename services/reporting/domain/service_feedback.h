// The short satisfaction survey after a service (khảo sát nhanh): when a
// case is resolved (complaints) or a payment receipted (finance), the
// citizen gets an invitation whose code the offering service derived
// (platform/core/feedback_code.h). Anyone holding a real invitation answers
// three five-point questions once, anonymously: the answer keeps the school,
// the touchpoint, the day and the scores, and a keyed hash of the code (to
// refuse a second answer), never the case or the receipt. The same questions
// at both touchpoints and in every school make the figures comparable month
// by month: per school (Results), and for many schools at once in the
// reporting summary the authority's roll-ups read (FiguresOf).
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_SERVICE_FEEDBACK_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_SERVICE_FEEDBACK_H_

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
#include "platform/core/date.h"

namespace parhub::reporting {

using ::parhub::common::v1::FeedbackInvitation;
using ::parhub::common::v1::FeedbackTouchpoint;
using ::parhub::platform::Caller;

// One answer as stored.
struct FeedbackAnswer final {
  std::string school_id;
  FeedbackTouchpoint touchpoint = ::parhub::common::v1::FEEDBACK_TOUCHPOINT_UNSPECIFIED;
  std::string code_hash;       // keyed digest of the code
  platform::Date answer_date;  // Ho Chi Minh City
  std::vector<int> scores;     // one per question
  absl::Time create_time;
};

// Sums of one month and touchpoint of a school.
struct FeedbackMonthSums final {
  int month = 0;
  FeedbackTouchpoint touchpoint = ::parhub::common::v1::FEEDBACK_TOUCHPOINT_UNSPECIFIED;
  int responses = 0;
  std::vector<int64_t> score_sums;  // per question
  int satisfied = 0;                // first question 4 or 5
};

// A school's answers over a period.
struct FeedbackFigures final {
  int responses = 0;
  int satisfied = 0;
};

class ServiceFeedbackStore {
 public:
  virtual ~ServiceFeedbackStore() = default;
  // False (and nothing stored) when an answer with the same code hash exists.
  virtual absl::StatusOr<bool> InsertAnswer(const FeedbackAnswer& answer) = 0;
  // The school's sums per month and touchpoint of `year`, by month then touchpoint.
  virtual absl::StatusOr<std::vector<FeedbackMonthSums>> MonthSums(const std::string& school_id, int year,
                                                                   int questions) = 0;
  // Figures of each school with answers in [start, end], from one read.
  virtual absl::StatusOr<std::map<std::string, FeedbackFigures>> FiguresOf(
      const std::vector<std::string>& school_ids, platform::Date start, platform::Date end) = 0;
};

class ServiceFeedbackDesk final {
 public:
  // `code_key`: the key the services derive from the identity key
  // (platform::kFeedbackKeyLabel).
  ServiceFeedbackDesk(ServiceFeedbackStore& store, const std::string& code_key,
                      std::function<absl::Time()> clock);

  // The questions and the scale (the same everywhere).
  static const v1::ServiceFeedbackForm& Form();

  // Everything the request alone can be wrong about: INVALID_ARGUMENT by
  // field, or NOT_FOUND when the code is not the invitation's. Returns the
  // school id.
  absl::StatusOr<std::string> Check(const FeedbackInvitation& invitation,
                                    const std::vector<int>& scores) const;
  // Records the answer (the gateway relays it: service callers only);
  // ALREADY_EXISTS (FEEDBACK_ALREADY_GIVEN) for a second answer of one
  // invitation. Returns the thank-you text.
  absl::StatusOr<std::string> Submit(const Caller& caller, const FeedbackInvitation& invitation,
                                     const std::vector<int>& scores);
  // A school's months of `year` (its admins, officers of its authority).
  absl::StatusOr<v1::ServiceFeedbackResults> Results(const Caller& caller, const std::string& school_id,
                                                     int year);
  // Each school's figures over [start, end], in order. No access check.
  absl::StatusOr<std::vector<FeedbackFigures>> FiguresOf(const std::vector<std::string>& school_ids,
                                                         platform::Date start, platform::Date end);

  // A keyed digest (hex) of `data` for `purpose`: the stored code hash, and
  // the idempotency ledger's fingerprint of a public answer.
  std::string KeyedDigest(absl::string_view purpose, absl::string_view data) const;

 private:
  ServiceFeedbackStore& store_;
  std::string code_key_;
  std::unique_ptr<platform::HmacSha256Signer> signer_;
  std::function<absl::Time()> clock_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_SERVICE_FEEDBACK_H_
