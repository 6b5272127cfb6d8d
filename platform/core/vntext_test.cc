// Tests of platform/core/vntext.h: NFC, search folding, prefixes and the
// one cleaning rule for human text (controls, line breaks, invisible and
// bidirectional-control characters).
#include "platform/core/vntext.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "platform/core/errors.h"
#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsOkAndHolds;
using ::parhub::testing::StatusIs;
using ::testing::HasSubstr;

constexpr TextLines kSingle = TextLines::kSingle;
constexpr TextLines kMulti = TextLines::kMulti;

// The field named by an INVALID_ARGUMENT, or "".
std::string FieldOf(const absl::StatusOr<std::string>& result) {
  std::vector<FieldViolation> v = FieldViolations(result.status());
  return v.size() == 1 ? v[0].field : "";
}

TEST(VnText, FoldsDiacriticsAndDStroke) {
  EXPECT_EQ(FoldForSearch("Nguyễn Văn Đức"), "nguyen van duc");
  EXPECT_EQ(FoldForSearch("  Trường   Mầm non 20/10 "), "truong mam non 20/10");
  EXPECT_EQ(FoldForSearch("đ Đ"), "d d");
  EXPECT_EQ(FoldForSearch("\xff"), "");
}

TEST(VnText, NfcMakesDecomposedTextEqualToComposed) {
  // "Đức" written with a combining acute + circumflex sequence.
  std::string decomposed = "\xC4\x90\x75\xCC\x9B\xCC\x81\x63";
  ASSERT_OK_AND_ASSIGN(std::string nfc, NormalizeNfc(decomposed, "name"));
  EXPECT_EQ(nfc, "Đức");
}

TEST(VnText, Utf8PrefixNeverCutsACharacter) {
  EXPECT_EQ(Utf8Prefix("Đức Trí", 3), "Đức");
  EXPECT_EQ(Utf8Prefix("ab", 5), "ab");
  EXPECT_EQ(Utf8Prefix("", 3), "");
}

TEST(VnText, RejectsInvalidUtf8NamingTheField) {
  auto result = NormalizeNfc("\xff\xfe", "school.display_name");
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("school.display_name")));
  EXPECT_EQ(FieldOf(result), "school.display_name");
}

TEST(CleanText, ChecksRequiredAndLengthInCodePoints) {
  EXPECT_THAT(CleanText("   ", "title", 10, true, kSingle), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CleanText("   ", "title", 10, false, kSingle), IsOkAndHolds(std::string("")));
  EXPECT_THAT(CleanText(" Kế hoạch\t", "title", 8, true, kSingle), IsOkAndHolds(std::string("Kế hoạch")));
  EXPECT_THAT(CleanText("Kế hoạch!", "title", 8, true, kSingle),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(CleanText, RejectsControlCharactersEverywhere) {
  for (const char* text : {"a\x01"
                           "b",
                           "a\x7f"
                           "b",
                           "a\r\nb",
                           "a\xc2\x85"
                           "b" /* U+0085 NEL, a C1 */}) {
    auto single = CleanText(text, "task.title", 50, true, kSingle);
    auto multi = CleanText(text, "task.description", 50, true, kMulti);
    EXPECT_THAT(single, StatusIs(absl::StatusCode::kInvalidArgument)) << text;
    EXPECT_EQ(FieldOf(single), "task.title") << text;
    EXPECT_THAT(multi, StatusIs(absl::StatusCode::kInvalidArgument)) << text;
    EXPECT_EQ(FieldOf(multi), "task.description") << text;
  }
}

TEST(CleanText, LineBreaksAndTabsOnlyInMultiLineFields) {
  EXPECT_THAT(CleanText("Dòng 1\nDòng 2\tcột", "note", 50, true, kMulti),
              IsOkAndHolds(std::string("Dòng 1\nDòng 2\tcột")));
  EXPECT_THAT(CleanText("Dòng 1\nDòng 2", "task.title", 50, true, kSingle),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("single line")));
  EXPECT_THAT(CleanText("1.\t5", "task.code", 50, true, kSingle),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("single line")));
}

TEST(CleanText, RejectsInvisibleAndBidiControlCharacters) {
  // Each spoofs how a code or name looks: zero-width space/joiners, LRM/RLM,
  // embeddings and overrides, word joiner and invisible operators,
  // isolates, BOM, soft hyphen, line and paragraph separators.
  const char* hidden[] = {
      "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C",
      "\u202D", "\u202E", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\u2066",
      "\u2067", "\u2068", "\u2069", "\uFEFF", "\u00AD", "\u2028", "\u2029",
  };
  for (const char* h : hidden) {
    std::string code = std::string("13/KH-") + h + "MN2010";
    for (TextLines lines : {kSingle, kMulti}) {
      auto result = CleanText(code, "plan.number", 60, true, lines);
      EXPECT_THAT(result, StatusIs(absl::StatusCode::kInvalidArgument,
                                   HasSubstr("invisible or bidirectional control characters")))
          << "U+" << std::hex << static_cast<int>(static_cast<unsigned char>(h[0]));
      EXPECT_EQ(FieldOf(result), "plan.number");
    }
  }
  // At the edges too: trimming removes ASCII white space only.
  EXPECT_THAT(CleanText("\uFEFF1.5", "task.code", 40, true, kSingle),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CleanText("1.5\u200B", "task.code", 40, true, kSingle),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(CleanText, KeepsOrdinaryVietnameseAndSymbols) {
  for (const char* text : {"Trường Mầm non 20/10", "13/KH-MN2010", "953/UBND-NV", "1.5",
                           "Nâng cao Chỉ số CCHC (PAR Index) – 2024", "Đạt 100% “đúng hạn”"}) {
    EXPECT_THAT(CleanText(text, "title", 200, true, kSingle), IsOkAndHolds(std::string(text)));
  }
}

}  // namespace
}  // namespace parhub::platform
