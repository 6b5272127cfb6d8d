// Phone numbers as written on forms.
#include "platform/core/phone.h"

#include <gtest/gtest.h>

#include "platform/core/errors.h"

namespace parhub::platform {
namespace {

TEST(ValidatePhone, AcceptsHowPeopleWriteNumbersAndRefusesTheRest) {
  EXPECT_TRUE(ValidatePhone("0909 123 456", "phone").ok());
  EXPECT_TRUE(ValidatePhone("+84 909.123.456", "phone").ok());
  EXPECT_TRUE(ValidatePhone("028-3829-1234", "phone").ok());
  EXPECT_EQ(FieldViolations(ValidatePhone("09x", "phone"))[0].field, "phone");
  EXPECT_FALSE(ValidatePhone("1234567", "phone").ok()) << "too few digits";
  EXPECT_FALSE(ValidatePhone("1234567890123456", "phone").ok()) << "too many digits";
  EXPECT_FALSE(ValidatePhone("0909/123/456", "phone").ok());
}

}  // namespace
}  // namespace parhub::platform
