// Dots between thousands, signs and the extremes of int64.
#include "platform/core/vn_number.h"

#include <gtest/gtest.h>

#include <limits>

namespace parhub::platform {
namespace {

TEST(GroupThousands, WritesDotsBetweenThousands) {
  EXPECT_EQ(GroupThousands(int64_t{0}), "0");
  EXPECT_EQ(GroupThousands(int64_t{999}), "999");
  EXPECT_EQ(GroupThousands(int64_t{1000}), "1.000");
  EXPECT_EQ(GroupThousands(int64_t{1250000}), "1.250.000");
  EXPECT_EQ(GroupThousands(int64_t{-350000}), "-350.000");
  EXPECT_EQ(GroupThousands(std::numeric_limits<int64_t>::min()), "-9.223.372.036.854.775.808");
  EXPECT_EQ(GroupThousands(std::numeric_limits<int64_t>::max()), "9.223.372.036.854.775.807");
  EXPECT_EQ(GroupThousands(absl::string_view("123456")), "123.456");
  EXPECT_EQ(GroupThousands(absl::string_view("")), "");
}

}  // namespace
}  // namespace parhub::platform
