// Tracking codes and secrets of cases. A code is the school's prefix and 8
// random Crockford base32 characters ("MN2010-7KQ4-XP9D", 40 random bits);
// the secret is 10 more (50 bits), shown once and kept only as a SHA-256.
// Lookups accept any case, spaces and dashes.
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_TRACKING_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_TRACKING_H_

#include <string>

#include "absl/strings/string_view.h"

namespace parhub::complaints {

// A new code for a school, e.g. "MN2010-7KQ4-XP9D".
std::string NewTrackingCode(absl::string_view school_id);
// A new secret, e.g. "4HW2-9QJ7-KD".
std::string NewTrackingSecret();
// Upper case without spaces or dashes; "" when it holds anything else.
std::string NormalizeTrackingText(absl::string_view text);
// The code as stored ("MN2010-7KQ4-XP9D") from any way of writing it; ""
// when it cannot be one.
std::string CanonicalTrackingCode(absl::string_view text);
// The stored hash of a case's secret, salted with its code (both
// normalised first).
std::string HashTrackingSecret(absl::string_view code, absl::string_view secret);

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_TRACKING_H_
