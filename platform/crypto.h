// Hashing and MACs (OpenSSL): SHA-256 for API key storage and request
// fingerprints, HMAC-SHA256 for signed identities.
#ifndef PARHUB_PLATFORM_CRYPTO_H_
#define PARHUB_PLATFORM_CRYPTO_H_

#include <string>
#include "absl/strings/string_view.h"

namespace parhub::platform {

// Lowercase hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);
// Raw 32-byte HMAC-SHA256 of `data` under `key`.
std::string HmacSha256(absl::string_view key, absl::string_view data);
// Compares in time independent of where the inputs differ.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CRYPTO_H_
