// OpenSSL 3 one-shot digests and MACs.
#include "platform/core/crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cstdlib>

#include "absl/strings/escaping.h"

namespace parhub::platform {

namespace {
// Fetched once: an implicit fetch per call is a measurable cost in OpenSSL 3.
const EVP_MD* Sha256() {
  static const EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return kSha256;
}
}  // namespace

std::string Sha256Hex(absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, Sha256(), nullptr) != 1) {
    std::abort();
  }
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<char*>(digest), length));
}

std::string HmacSha256(absl::string_view key, absl::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  size_t length = 0;
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.data(), key.size(),
                reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, sizeof(mac),
                &length) == nullptr) {
    std::abort();
  }
  return std::string(reinterpret_cast<char*>(mac), length);
}

HmacSha256Signer::HmacSha256Signer(absl::string_view key) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  keyed_ = mac ? EVP_MAC_CTX_new(mac) : nullptr;
  EVP_MAC_free(mac);  // the context keeps its own reference
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
  if (keyed_ == nullptr ||
      EVP_MAC_init(keyed_, reinterpret_cast<const unsigned char*>(key.data()), key.size(), params) != 1) {
    std::abort();
  }
}

HmacSha256Signer::~HmacSha256Signer() { EVP_MAC_CTX_free(keyed_); }

std::string HmacSha256Signer::Mac(absl::string_view data) const {
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_dup(keyed_);
  unsigned char out[EVP_MAX_MD_SIZE];
  size_t length = 0;
  if (ctx == nullptr ||
      EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1 ||
      EVP_MAC_final(ctx, out, &length, sizeof(out)) != 1) {
    std::abort();
  }
  EVP_MAC_CTX_free(ctx);
  return std::string(reinterpret_cast<char*>(out), length);
}

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace parhub::platform
