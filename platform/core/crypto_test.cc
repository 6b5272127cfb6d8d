// Tests of platform/core/crypto.h against published test vectors.
#include "platform/core/crypto.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/escaping.h"

namespace parhub::platform {
namespace {

TEST(Crypto, KnownSha256) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Crypto, PreparedHmacMatchesRfc4231AndOneShot) {
  // RFC 4231 test case 2.
  std::string expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  HmacSha256Signer signer("Jefe");
  std::string data = "what do ya want for nothing?";
  EXPECT_EQ(absl::BytesToHexString(signer.Mac(data)), expected);
  EXPECT_EQ(absl::BytesToHexString(signer.Mac(data)), expected);  // reusable
  EXPECT_EQ(absl::BytesToHexString(HmacSha256("Jefe", data)), expected);
}

TEST(Crypto, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("mac-value", "mac-value"));
  EXPECT_FALSE(ConstantTimeEquals("mac-value", "mac-valuE"));
  EXPECT_FALSE(ConstantTimeEquals("mac", "mac-value"));
  EXPECT_FALSE(ConstantTimeEquals("mac-value", ""));
}

}  // namespace
}  // namespace parhub::platform
