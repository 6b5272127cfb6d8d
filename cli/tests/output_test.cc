// What parhubctl prints: money in đồng, amounts as people type them, JSON
// with zero values, failures for people and for scripts.
#include "cli/output.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/type.pb.h>
#include <google/protobuf/util/json_util.h>

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

// What `print` writes to `stream` (std::cout, std::cerr).
template <typename Fn>
std::string Captured(std::ostream& stream, Fn print) {
  std::ostringstream captured;
  std::streambuf* saved = stream.rdbuf(captured.rdbuf());
  print();
  stream.rdbuf(saved);
  return captured.str();
}

// Standard output of `print`.
template <typename Fn>
std::string Printed(Fn print) {
  return Captured(std::cout, print);
}

TEST(OutputJson, ZeroValuesArePrinted) {
  google::protobuf::Field field;  // any plain message: every field zero
  Output out;
  std::string text = Printed([&] { out.Json(field); });
  EXPECT_NE(text.find("\"number\": 0"), std::string::npos) << text;
  EXPECT_NE(text.find("\"packed\": false"), std::string::npos) << text;
  EXPECT_NE(text.find("\"name\": \"\""), std::string::npos) << text;
}

Failure PercentRefused() {
  Failure failure;
  failure.code = "INVALID_ARGUMENT";
  failure.exit_code = 5;
  failure.headline = "Dữ liệu không hợp lệ";
  failure.message = "progress_update.percent_done: phải từ 0 đến 100, nhận được 150";
  failure.fields.push_back({"--percent", "progress_update.percent_done", "phải từ 0 đến 100, nhận được 150"});
  failure.hints.push_back("Xem: parhubctl tasks progress --help");
  return failure;
}

TEST(OutputFail, SaysEachRefusedFieldOnceByItsOption) {
  Output out;
  std::string text;
  std::string stdout_text = Printed([&] { text = Captured(std::cerr, [&] { out.Fail(PercentRefused()); }); });
  EXPECT_EQ(stdout_text, "");
  EXPECT_EQ(text,
            "Lỗi: Dữ liệu không hợp lệ — --percent: phải từ 0 đến 100, nhận được 150\n"
            "  Xem: parhubctl tasks progress --help\n");
  EXPECT_EQ(text.find("progress_update"), std::string::npos);
}

TEST(OutputFail, IsOneJsonObjectOnStdoutWithOutputJson) {
  Output out;
  out.json = true;
  std::string stderr_text;
  std::string text = Printed([&] { stderr_text = Captured(std::cerr, [&] { out.Fail(PercentRefused()); }); });
  EXPECT_EQ(stderr_text, "");
  google::protobuf::Struct parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(text, &parsed).ok()) << text;
  const auto& error = parsed.fields().at("error").struct_value().fields();
  EXPECT_EQ(error.at("code").string_value(), "INVALID_ARGUMENT");
  EXPECT_EQ(error.at("exit_code").number_value(), 5);
  EXPECT_EQ(error.at("title").string_value(), "Dữ liệu không hợp lệ");
  const auto& field = error.at("fields").list_value().values(0).struct_value().fields();
  EXPECT_EQ(field.at("option").string_value(), "--percent");
  EXPECT_EQ(field.at("field").string_value(), "progress_update.percent_done");
}

}  // namespace
}  // namespace parhub::cli
