// Tracking codes and secrets (see tracking.h).
#include "services/complaints/domain/tracking.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/secret_code.h"

namespace parhub::complaints {

std::string NewTrackingCode(absl::string_view school_id) {
  std::string prefix;
  for (char c : school_id) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) && prefix.size() < 8) {
      prefix.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
    }
  }
  if (prefix.empty()) prefix = "HS";
  std::string random = platform::RandomCrockford(8);
  return absl::StrCat(prefix, "-", random.substr(0, 4), "-", random.substr(4));
}

std::string NewTrackingSecret() {
  std::string random = platform::RandomCrockford(10);
  return absl::StrCat(random.substr(0, 4), "-", random.substr(4, 4), "-", random.substr(8));
}

std::string NormalizeTrackingText(absl::string_view text) { return platform::NormalizeCode(text); }

std::string CanonicalTrackingCode(absl::string_view text) {
  const std::string normal = NormalizeTrackingText(text);
  if (normal.size() < 9 || normal.size() > 16) return "";
  const size_t prefix = normal.size() - 8;
  return absl::StrCat(normal.substr(0, prefix), "-", normal.substr(prefix, 4), "-",
                      normal.substr(prefix + 4));
}

std::string HashTrackingSecret(absl::string_view code, absl::string_view secret) {
  return platform::Sha256Hex(
      absl::StrCat("parhub-case-secret:", CanonicalTrackingCode(code), ":", NormalizeTrackingText(secret)));
}

}  // namespace parhub::complaints
