// Tracking codes and secrets (see tracking.h).
#include "services/complaints/domain/tracking.h"

#include <openssl/rand.h>

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"

namespace parhub::complaints {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: no I, L, O, U

std::string RandomChars(int n) {
  std::string out;
  unsigned char bytes[32];
  if (RAND_bytes(bytes, n) != 1) std::abort();  // no randomness: never hand out guessable codes
  for (int i = 0; i < n; ++i) out.push_back(kAlphabet[bytes[i] & 31]);
  return out;
}

}  // namespace

std::string NewTrackingCode(absl::string_view school_id) {
  std::string prefix;
  for (char c : school_id) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) && prefix.size() < 8) {
      prefix.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
    }
  }
  if (prefix.empty()) prefix = "HS";
  std::string random = RandomChars(8);
  return absl::StrCat(prefix, "-", random.substr(0, 4), "-", random.substr(4));
}

std::string NewTrackingSecret() {
  std::string random = RandomChars(10);
  return absl::StrCat(random.substr(0, 4), "-", random.substr(4, 4), "-", random.substr(8));
}

std::string NormalizeTrackingText(absl::string_view text) {
  std::string out;
  if (text.size() > 64) return out;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return "";
    out.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

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
