// The reporting commands' text: points printed and typed, evidence,
// appraisals and narrative sections as given on the command line.
#include "cli/reporting_text.h"

#include "gtest/gtest.h"

namespace parhub::cli {
namespace {

TEST(FormatPoints, AtMostTwoDecimalsWithoutTrailingZeros) {
  EXPECT_EQ(FormatPoints(0), "0");
  EXPECT_EQ(FormatPoints(18), "18");
  EXPECT_EQ(FormatPoints(100), "100");
  EXPECT_EQ(FormatPoints(1.5), "1.5");
  EXPECT_EQ(FormatPoints(0.25), "0.25");
  EXPECT_EQ(FormatPoints(78.499999), "78.5");
  EXPECT_EQ(FormatPoints(2.0 / 3), "0.67");
  EXPECT_EQ(FormatPoints(-1), "-1");
  EXPECT_EQ(FormatPoints(-1.5), "-1.5");
  EXPECT_EQ(FormatPoints(-0.001), "0");  // never "-0"
}

TEST(ShortenText, CutsAtDisplayColumnsWithAnEllipsis) {
  EXPECT_EQ(ShortenText("Báo cáo", 10), "Báo cáo");
  EXPECT_EQ(ShortenText("Báo cáo", 7), "Báo cáo");
  EXPECT_EQ(ShortenText("Báo cáo định kỳ", 8), "Báo cáo…");
  // Decomposed "ạ" (a + U+0323) stays whole: the mark takes no column.
  EXPECT_EQ(ShortenText("Ha\xCC\xA3nh phu\xCC\x81"
                        "c",
                        4),
            "Ha\xCC\xA3n…");
  EXPECT_EQ(ShortenText("abcdef", 0), "abcdef");
}

TEST(ParsePoints, TakesDotOrCommaDecimals) {
  EXPECT_EQ(ParsePoints("2"), 2);
  EXPECT_EQ(ParsePoints("0"), 0);
  EXPECT_EQ(ParsePoints("1.5"), 1.5);
  EXPECT_EQ(ParsePoints("1,5"), 1.5);
  EXPECT_EQ(ParsePoints("0.25"), 0.25);
  EXPECT_EQ(ParsePoints(" 3 "), 3);
  EXPECT_EQ(ParsePoints("100"), 100);
  // The printed form reads back.
  EXPECT_EQ(ParsePoints(FormatPoints(12.75)), 12.75);
}

TEST(ParsePoints, RefusesAnythingElse) {
  for (const char* text :
       {"", " ", "-1", "+1", "1.", ".5", "1.2.3", "1,5,0", "0.125", "12345", "1e2", "abc", "1 5", "một"}) {
    EXPECT_EQ(ParsePoints(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(ParseEvidence, NumberTitleAndLink) {
  auto full = ParseEvidence("215/UBND-VP | Công văn về SIPAS | https://example.vn/cv215.pdf");
  ASSERT_TRUE(full.has_value());
  EXPECT_EQ(full->document_number, "215/UBND-VP");
  EXPECT_EQ(full->title, "Công văn về SIPAS");
  EXPECT_EQ(full->uri, "https://example.vn/cv215.pdf");

  auto number_only = ParseEvidence("12/BB-MN2010");
  ASSERT_TRUE(number_only.has_value());
  EXPECT_EQ(number_only->document_number, "12/BB-MN2010");
  EXPECT_EQ(number_only->title, "");
  EXPECT_EQ(number_only->uri, "");

  auto title_only = ParseEvidence("|Biên bản họp hội đồng|");
  ASSERT_TRUE(title_only.has_value());
  EXPECT_EQ(title_only->document_number, "");
  EXPECT_EQ(title_only->title, "Biên bản họp hội đồng");
}

TEST(ParseEvidence, RefusesEmptyOrTooManyParts) {
  for (const char* text : {"", " ", "|", "||", "||https://example.vn", "a|b|c|d", " | |x"}) {
    EXPECT_EQ(ParseEvidence(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(ParseItemAppraisal, CodePointsAndNote) {
  auto plain = ParseItemAppraisal("3.2.1=1.5");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->sub_criterion, "3.2.1");
  EXPECT_EQ(plain->points, 1.5);
  EXPECT_EQ(plain->note, "");

  auto noted = ParseItemAppraisal("1.1.2=1,5: Thiếu biên bản: xem lại");
  ASSERT_TRUE(noted.has_value());
  EXPECT_EQ(noted->sub_criterion, "1.1.2");
  EXPECT_EQ(noted->points, 1.5);
  EXPECT_EQ(noted->note, "Thiếu biên bản: xem lại");

  auto zero = ParseItemAppraisal("2.1.1=0:");
  ASSERT_TRUE(zero.has_value());
  EXPECT_EQ(zero->points, 0);
  EXPECT_EQ(zero->note, "");
}

TEST(ParseItemAppraisal, RefusesAnythingElse) {
  for (const char* text :
       {"", "3.2.1", "=2", "3.2.1=", "3.2.1=x", "3.2.1=-1", "3 2 1=2", "3.2.1:2", "3.2.1=2.555"}) {
    EXPECT_EQ(ParseItemAppraisal(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(ParseNarrative, SplitsAtTheFirstEquals) {
  auto section = ParseNarrative(" Kết quả nổi bật = Tỷ lệ hồ sơ đúng hạn = 100% ");
  ASSERT_TRUE(section.has_value());
  EXPECT_EQ(section->heading, "Kết quả nổi bật");
  EXPECT_EQ(section->text, "Tỷ lệ hồ sơ đúng hạn = 100%");
  for (const char* text : {"", "Kết quả", "=text", "Heading=", " = "}) {
    EXPECT_EQ(ParseNarrative(text), std::nullopt) << "'" << text << "'";
  }
}

}  // namespace
}  // namespace parhub::cli
