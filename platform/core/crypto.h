// Hashing and MACs (OpenSSL): SHA-256 for API key storage and request
// fingerprints, HMAC-SHA256 for signed identities.
#ifndef PARHUB_PLATFORM_CORE_CRYPTO_H_
#define PARHUB_PLATFORM_CORE_CRYPTO_H_

#include <string>

#include "absl/strings/string_view.h"

struct evp_mac_ctx_st;

namespace parhub::platform {

// Lowercase hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);
// Raw 32-byte HMAC-SHA256 of `data` under `key` (one-shot; slow in OpenSSL 3
// because every call looks the algorithm up again — see HmacSha256Signer).
std::string HmacSha256(absl::string_view key, absl::string_view data);

// HMAC-SHA256 under one key, prepared once: each Mac() copies the keyed
// context instead of fetching the algorithm and keying it again. Thread-safe.
class HmacSha256Signer final {
 public:
  explicit HmacSha256Signer(absl::string_view key);
  ~HmacSha256Signer();
  HmacSha256Signer(const HmacSha256Signer&) = delete;
  HmacSha256Signer& operator=(const HmacSha256Signer&) = delete;

  std::string Mac(absl::string_view data) const;

 private:
  evp_mac_ctx_st* keyed_;
};
// Compares in time independent of where the inputs differ.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_CRYPTO_H_
