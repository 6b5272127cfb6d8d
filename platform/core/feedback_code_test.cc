// Derived service feedback codes: stable, bound to touchpoint, school and
// subject and key, forgiving of how a person types them.
#include "platform/core/feedback_code.h"

#include <cctype>
#include <set>
#include <string>

#include "gtest/gtest.h"

namespace parhub::platform {
namespace {

const std::string kKey(32, 'k');

TEST(FeedbackCodeTest, TheSameOfferGivesTheSameCodeAndAnyChangeAnother) {
  const std::string code = FeedbackCode(kKey, kFeedbackCaseResolved, "mn-2010", "MN2010-7KQ4-XP9D");
  EXPECT_EQ(code.size(), static_cast<size_t>(kFeedbackCodeLength));
  EXPECT_EQ(code, FeedbackCode(kKey, kFeedbackCaseResolved, "mn-2010", "MN2010-7KQ4-XP9D"));
  std::set<std::string> codes{
      code, FeedbackCode(kKey, kFeedbackPaymentReceipted, "mn-2010", "MN2010-7KQ4-XP9D"),
      FeedbackCode(kKey, kFeedbackCaseResolved, "mn-2011", "MN2010-7KQ4-XP9D"),
      FeedbackCode(kKey, kFeedbackCaseResolved, "mn-2010", "MN2010-7KQ4-XP9E"),
      FeedbackCode(std::string(32, 'j'), kFeedbackCaseResolved, "mn-2010", "MN2010-7KQ4-XP9D"),
      // The parts are length-prefixed: moving a character across a border changes it.
      FeedbackCode(kKey, kFeedbackCaseResolved, "mn-201", "0MN2010-7KQ4-XP9D")};
  EXPECT_EQ(codes.size(), 6u);
  for (char c : code)
    EXPECT_NE(std::string("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find(c), std::string::npos) << c;
}

TEST(FeedbackCodeTest, MatchesWhatWasTypedButNothingElse) {
  const std::string code = FeedbackCode(kKey, kFeedbackPaymentReceipted, "th-b", "schools/th-b/receipts/r1");
  const std::string typed = code.substr(0, 4) + "-" + code.substr(4, 4) + " " + code.substr(8);
  std::string lower;
  for (char c : typed) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  EXPECT_TRUE(FeedbackCodeMatches(kKey, kFeedbackPaymentReceipted, "th-b", "schools/th-b/receipts/r1", code));
  EXPECT_TRUE(
      FeedbackCodeMatches(kKey, kFeedbackPaymentReceipted, "th-b", "schools/th-b/receipts/r1", lower));
  EXPECT_FALSE(
      FeedbackCodeMatches(kKey, kFeedbackPaymentReceipted, "th-b", "schools/th-b/receipts/r2", code));
  EXPECT_FALSE(FeedbackCodeMatches(kKey, kFeedbackCaseResolved, "th-b", "schools/th-b/receipts/r1", code));
  EXPECT_FALSE(FeedbackCodeMatches(kKey, kFeedbackPaymentReceipted, "th-b", "schools/th-b/receipts/r1",
                                   code.substr(0, 11)));
  std::string wrong = code;
  wrong[5] = wrong[5] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(
      FeedbackCodeMatches(kKey, kFeedbackPaymentReceipted, "th-b", "schools/th-b/receipts/r1", wrong));
  EXPECT_FALSE(FeedbackCodeMatches(kKey, kFeedbackPaymentReceipted, "th-b", "schools/th-b/receipts/r1", ""));
  EXPECT_FALSE(
      FeedbackCodeMatches(kKey, kFeedbackPaymentReceipted, "th-b", "schools/th-b/receipts/r1", code + "*"));
}

}  // namespace
}  // namespace parhub::platform
