// What parhubctl prints: money in đồng, amounts as people type them, JSON
// with zero values.
#include "cli/output.h"

#include <google/protobuf/type.pb.h>

#include <cstdint>
#include <iostream>
#include <limits>
#include <sstream>

#include "gtest/gtest.h"

namespace parhub::cli {
namespace {

TEST(FormatDong, DotsBetweenThousandsThenDong) {
  EXPECT_EQ(FormatDong(0), "0 đ");
  EXPECT_EQ(FormatDong(7), "7 đ");
  EXPECT_EQ(FormatDong(999), "999 đ");
  EXPECT_EQ(FormatDong(1'000), "1.000 đ");
  EXPECT_EQ(FormatDong(500'000), "500.000 đ");
  EXPECT_EQ(FormatDong(1'234'567), "1.234.567 đ");
  EXPECT_EQ(FormatDong(9'999'999'999'999), "9.999.999.999.999 đ");
  EXPECT_EQ(FormatDong(-50'000), "-50.000 đ");
  EXPECT_EQ(FormatDong(std::numeric_limits<int64_t>::min()), "-9.223.372.036.854.775.808 đ");
}

TEST(ParseDong, TakesWhatPeopleType) {
  EXPECT_EQ(ParseDong("500000"), 500'000);
  EXPECT_EQ(ParseDong("500.000"), 500'000);
  EXPECT_EQ(ParseDong("1,500,000"), 1'500'000);
  EXPECT_EQ(ParseDong("1 500 000"), 1'500'000);
  EXPECT_EQ(ParseDong("  1.500.000  "), 1'500'000);
  EXPECT_EQ(ParseDong("500.000 đ"), 500'000);
  EXPECT_EQ(ParseDong("500000đ"), 500'000);
  EXPECT_EQ(ParseDong("500.000 đồng"), 500'000);
  EXPECT_EQ(ParseDong("500.000 ĐỒNG"), 500'000);
  EXPECT_EQ(ParseDong("500000 VND"), 500'000);
  EXPECT_EQ(ParseDong("500000d"), 500'000);
  EXPECT_EQ(ParseDong("0"), 0);
  EXPECT_EQ(ParseDong("999999999999999"), 999'999'999'999'999);
  // The printed form reads back.
  EXPECT_EQ(ParseDong(FormatDong(1'234'567)), 1'234'567);
}

TEST(ParseDong, RefusesAnythingElse) {
  for (const char* text :
       {"", " ", "đ", "-500", "+500", "1.5", "1,50", "1.5000", "12.34.567", ".500", "500.", "1.500,000",
        "1,500.000", "5e5", "abc", "500 000.000", "1234567890123456", "500k", "500.000 đồng đồng"}) {
    EXPECT_EQ(ParseDong(text), std::nullopt) << "'" << text << "'";
  }
}

// Standard output of `print`.
template <typename Fn>
std::string Printed(Fn print) {
  std::ostringstream captured;
  std::streambuf* saved = std::cout.rdbuf(captured.rdbuf());
  print();
  std::cout.rdbuf(saved);
  return captured.str();
}

TEST(OutputJson, ZeroValuesOnlyWhenAsked) {
  google::protobuf::Field field;  // any plain message: every field zero
  Output out;
  EXPECT_EQ(Printed([&] { out.Json(field); }), "{}\n");
  out.json_zero_values = true;
  std::string text = Printed([&] { out.Json(field); });
  EXPECT_NE(text.find("\"number\": 0"), std::string::npos) << text;
  EXPECT_NE(text.find("\"packed\": false"), std::string::npos) << text;
  EXPECT_NE(text.find("\"name\": \"\""), std::string::npos) << text;
}

}  // namespace
}  // namespace parhub::cli
