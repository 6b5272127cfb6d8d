// ValidateEmail: what a person may type as an address.
#include "platform/core/email.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"

namespace parhub::platform {
namespace {

TEST(ValidateEmail, AcceptsEmptyAndOrdinaryAddresses) {
  EXPECT_TRUE(ValidateEmail("", "f").ok());
  EXPECT_TRUE(ValidateEmail("nguyen.van.duc@tphcm.gov.vn", "f").ok());
  EXPECT_TRUE(ValidateEmail("mn2010+hs@mail.example-school.edu.vn", "f").ok());
}

TEST(ValidateEmail, RejectsMalformedAddressesNamingTheField) {
  for (const char* bad :
       {"duc", "@tphcm.gov.vn", "duc@", "duc@tphcm", "duc@@tphcm.gov.vn", "duc@tphcm..vn",
        "du c@tphcm.gov.vn", "duc@-tphcm.gov.vn", "đức@tphcm.gov.vn", "duc@tphcm.gov.vn."}) {
    absl::Status status = ValidateEmail(bad, "staff.city_email");
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad;
    ASSERT_EQ(FieldViolations(status).size(), 1u) << bad;
    EXPECT_EQ(FieldViolations(status)[0].field, "staff.city_email");
  }
}

}  // namespace
}  // namespace parhub::platform
