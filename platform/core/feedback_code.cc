// Derived service feedback codes (feedback_code.h).
#include "platform/core/feedback_code.h"

#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/secret_code.h"

namespace parhub::platform {

std::string FeedbackCode(absl::string_view key, absl::string_view touchpoint, absl::string_view school_id,
                         absl::string_view subject) {
  // Length-prefixed parts: no two (touchpoint, school, subject) give one input.
  const std::string mac =
      HmacSha256(key, absl::StrCat("parhub.feedback.v1|", touchpoint.size(), ":", touchpoint, "|",
                                   school_id.size(), ":", school_id, "|", subject.size(), ":", subject));
  return CrockfordOf(mac, kFeedbackCodeLength);
}

bool FeedbackCodeMatches(absl::string_view key, absl::string_view touchpoint, absl::string_view school_id,
                         absl::string_view subject, absl::string_view typed) {
  const std::string normal = NormalizeCode(typed);
  return normal.size() == static_cast<size_t>(kFeedbackCodeLength) &&
         ConstantTimeEquals(normal, FeedbackCode(key, touchpoint, school_id, subject));
}

}  // namespace parhub::platform
