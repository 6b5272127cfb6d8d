// Amounts in words as receipts print them: the cases the Vietnamese reading
// makes special (linh, mười, mốt, lăm, inner "không trăm", skipped zero
// groups, tỷ counted as a number) and the range.
#include "services/finance/domain/amount_in_words.h"

#include <gtest/gtest.h>

namespace parhub::finance {
namespace {

std::string Words(int64_t amount) {
  absl::StatusOr<std::string> words = AmountInWords(amount);
  EXPECT_TRUE(words.ok()) << amount << ": " << words.status();
  return words.ok() ? *words : "";
}

TEST(AmountInWords, UnitsTensAndHundreds) {
  EXPECT_EQ(Words(0), "Không đồng");
  EXPECT_EQ(Words(5), "Năm đồng");
  EXPECT_EQ(Words(10), "Mười đồng");
  EXPECT_EQ(Words(11), "Mười một đồng");
  EXPECT_EQ(Words(15), "Mười lăm đồng");
  EXPECT_EQ(Words(21), "Hai mươi mốt đồng");
  EXPECT_EQ(Words(24), "Hai mươi bốn đồng");
  EXPECT_EQ(Words(55), "Năm mươi lăm đồng");
  EXPECT_EQ(Words(100), "Một trăm đồng");
  EXPECT_EQ(Words(105), "Một trăm linh năm đồng");
  EXPECT_EQ(Words(110), "Một trăm mười đồng");
  EXPECT_EQ(Words(991), "Chín trăm chín mươi mốt đồng");
}

TEST(AmountInWords, GroupsOfThousandsAndMillions) {
  EXPECT_EQ(Words(1'000), "Một nghìn đồng");
  EXPECT_EQ(Words(1'005), "Một nghìn không trăm linh năm đồng");
  EXPECT_EQ(Words(1'050), "Một nghìn không trăm năm mươi đồng");
  EXPECT_EQ(Words(15'000), "Mười lăm nghìn đồng");
  EXPECT_EQ(Words(250'000), "Hai trăm năm mươi nghìn đồng");
  EXPECT_EQ(Words(1'250'000), "Một triệu hai trăm năm mươi nghìn đồng");
  EXPECT_EQ(Words(1'005'000), "Một triệu không trăm linh năm nghìn đồng");
  EXPECT_EQ(Words(2'000'001), "Hai triệu không trăm linh một đồng");
  EXPECT_EQ(Words(31'500'000), "Ba mươi mốt triệu năm trăm nghìn đồng");
}

TEST(AmountInWords, TyIsCountedAsANumberOfItsOwn) {
  EXPECT_EQ(Words(1'000'000'000), "Một tỷ đồng");
  EXPECT_EQ(Words(1'000'000'005), "Một tỷ không trăm linh năm đồng");
  EXPECT_EQ(Words(12'000'300'000), "Mười hai tỷ ba trăm nghìn đồng");
  EXPECT_EQ(Words(12'000'000'021), "Mười hai tỷ không trăm hai mươi mốt đồng");
  EXPECT_EQ(Words(9'999'999'999'999),
            "Chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín "
            "nghìn chín trăm chín mươi chín đồng");
  EXPECT_EQ(Words(2'500'000'000'000), "Hai nghìn năm trăm tỷ đồng");
}

TEST(AmountInWords, RefusesWhatItCannotRead) {
  EXPECT_FALSE(AmountInWords(-1).ok());
  EXPECT_FALSE(AmountInWords(1'000'000'000'000'000).ok());
  EXPECT_TRUE(AmountInWords(999'999'999'999'999).ok());
}

}  // namespace
}  // namespace parhub::finance
