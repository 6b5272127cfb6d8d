// Tests of random codes and their normal form.
#include "platform/core/secret_code.h"

#include <gtest/gtest.h>

#include <set>

namespace parhub::platform {
namespace {

TEST(SecretCode, RandomCodesUseOnlyUnambiguousCharactersAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string code = RandomCrockford(10);
    ASSERT_EQ(code.size(), 10u);
    EXPECT_EQ(code.find_first_of("ILOU"), std::string::npos) << code;
    EXPECT_EQ(code.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ"), std::string::npos) << code;
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(SecretCode, TypedCodesCompareInOneForm) {
  EXPECT_EQ(NormalizeCode("4hw2-9qj7 kd"), "4HW29QJ7KD");
  EXPECT_EQ(NormalizeCode("4HW2_9QJ7"), "");
  EXPECT_EQ(NormalizeCode("mã"), "");
  EXPECT_EQ(NormalizeCode(std::string(65, 'A')), "");
}

}  // namespace
}  // namespace parhub::platform
