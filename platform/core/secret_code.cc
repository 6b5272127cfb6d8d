// Random codes and their normal form (secret_code.h).
#include "platform/core/secret_code.h"

#include <openssl/rand.h>

#include <cstdlib>

#include "absl/strings/ascii.h"

namespace parhub::platform {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: no I, L, O, U

}  // namespace

std::string RandomCrockford(int n) {
  if (n < 1 || n > 32) std::abort();
  unsigned char bytes[32];
  if (RAND_bytes(bytes, n) != 1) std::abort();  // no randomness: never hand out guessable codes
  return CrockfordOf(absl::string_view(reinterpret_cast<const char*>(bytes), n), n);
}

std::string CrockfordOf(absl::string_view bytes, int n) {
  if (n < 1 || n > 32 || bytes.size() < static_cast<size_t>(n)) std::abort();
  std::string out;
  for (int i = 0; i < n; ++i) out.push_back(kAlphabet[static_cast<unsigned char>(bytes[i]) & 31]);
  return out;
}

std::string NormalizeCode(absl::string_view text) {
  std::string out;
  if (text.size() > 64) return out;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c))) return "";
    out.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace parhub::platform
