// Service feedback codes (khảo sát nhanh sau dịch vụ): when a case is
// resolved (complaints) or a payment is receipted (finance), the citizen is
// offered a short satisfaction survey with a code that proves the offer is
// real. The code is derived, not stored: twelve Crockford characters (60
// bits) of HMAC-SHA256 under a key every service derives from the shared
// identity key (IdentityKey::DeriveKey(kFeedbackKeyLabel)), over the
// touchpoint, the school and the subject (the case's tracking code, the
// receipt's name). The service that offers the survey and reporting, which
// records the answer, compute the same code without calling each other;
// reporting stores only a hash of the code, never the subject, so an answer
// is not linked to a case or a family.
#ifndef PARHUB_PLATFORM_CORE_FEEDBACK_CODE_H_
#define PARHUB_PLATFORM_CORE_FEEDBACK_CODE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace parhub::platform {

inline constexpr char kFeedbackKeyLabel[] = "parhub.feedback-code-key.v1";
inline constexpr int kFeedbackCodeLength = 12;

// Touchpoints, as they enter the MAC (and parhub.common.v1.FeedbackTouchpoint).
inline constexpr char kFeedbackCaseResolved[] = "case_resolved";
inline constexpr char kFeedbackPaymentReceipted[] = "payment_receipted";

// The code offered for `subject` of `school_id` at `touchpoint`.
std::string FeedbackCode(absl::string_view key, absl::string_view touchpoint, absl::string_view school_id,
                         absl::string_view subject);
// Whether `typed` (case, spaces and dashes ignored) is that code; compared
// in constant time.
bool FeedbackCodeMatches(absl::string_view key, absl::string_view touchpoint, absl::string_view school_id,
                         absl::string_view subject, absl::string_view typed);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_FEEDBACK_CODE_H_
