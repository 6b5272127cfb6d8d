// Unit tests of the SIPAS domain parts that need no database: respondent
// codes and their check character, and results from per-question counts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "absl/strings/ascii.h"
#include "platform/core/errors.h"
#include "services/reporting/domain/respondent_code.h"
#include "services/reporting/domain/sipas_desk.h"

namespace parhub::reporting {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

TEST(RespondentCodeTest, NewCodesAreElevenCharactersThatParseBack) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string code = NewRespondentCode();
    ASSERT_EQ(code.size(), 11u);
    seen.insert(code);
    const std::string shown = FormatRespondentCode(code);
    EXPECT_EQ(shown.size(), 13u);
    auto parsed = ParseRespondentCode(shown, "respondent_code");
    ASSERT_TRUE(parsed.ok()) << shown << " " << parsed.status();
    EXPECT_EQ(*parsed, code);
    auto typed =
        ParseRespondentCode(absl::AsciiStrToLower(" " + code.substr(0, 5) + " " + code.substr(5)), "c");
    ASSERT_TRUE(typed.ok()) << typed.status();
    EXPECT_EQ(*typed, code);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(RespondentCodeTest, EveryWrongCharacterAndEverySwapIsCaught) {
  for (int n = 0; n < 50; ++n) {
    const std::string code = NewRespondentCode();
    for (size_t i = 0; i < code.size(); ++i) {
      for (const char* c = kAlphabet; *c != '\0'; ++c) {
        if (*c == code[i]) continue;
        std::string typo = code;
        typo[i] = *c;
        absl::Status status = ParseRespondentCode(typo, "respondent_code").status();
        ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << code << " → " << typo;
        EXPECT_EQ(platform::Reason(status), "RESPONDENT_CODE_MISTYPED");
      }
      for (size_t j = i + 1; j < code.size(); ++j) {
        if (code[i] == code[j]) continue;
        std::string swapped = code;
        std::swap(swapped[i], swapped[j]);
        ASSERT_FALSE(ParseRespondentCode(swapped, "respondent_code").ok()) << code << " → " << swapped;
      }
    }
  }
}

TEST(RespondentCodeTest, CrockfordLookalikesReadAsDigitsAndOtherTextIsRefused) {
  // Ten characters with O and I/L where 0 and 1 were meant.
  std::string ten = "0123456789";
  std::string code = ten + RespondentCheckCharacter(ten);
  std::string typed = code;
  typed[0] = 'o';
  typed[1] = 'L';
  auto parsed = ParseRespondentCode(typed, "respondent_code");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(*parsed, code);
  for (const char* bad :
       {"", "0123-4567", "0123-4567-89AB", "0123-4567-8U0", "0123_4567_890", "ÁÁÁÁ-ÁÁÁÁ-ÁÁÁ"}) {
    absl::Status status = ParseRespondentCode(bad, "respondent_code").status();
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad;
    ASSERT_EQ(platform::FieldViolations(status).size(), 1u);
    EXPECT_EQ(platform::FieldViolations(status)[0].field, "respondent_code");
  }
}

v1::SipasQuestionnaire TwoQuestionsPerFactor() {
  v1::SipasQuestionnaire q;
  q.set_name("sipasQuestionnaires/test");
  const char* prefixes[] = {"TC", "TT", "CC", "KQ", "GY"};
  const char* factors[] = {"access", "procedure", "staff", "result", "feedback"};
  for (int f = 0; f < 5; ++f) {
    v1::SipasFactor* factor = q.add_factors();
    factor->set_code(factors[f]);
    for (int i = 1; i <= 2; ++i)
      factor->add_questions()->set_code(std::string(prefixes[f]) + std::to_string(i));
  }
  return q;
}

QuestionCounts Counts(const std::string& question, const std::string& factor, std::array<int64_t, 6> n) {
  return QuestionCounts{question, factor, n};
}

TEST(SipasResultsTest, SharesMeansAndIndexFromCounts) {
  const v1::SipasQuestionnaire q = TwoQuestionsPerFactor();
  ASSERT_TRUE(ValidateQuestionnaire(q).ok());
  // Two days of TC1 add up; TC2 has only "not applicable"; feedback has no
  // answer at all, so the index is the mean of the other four factors.
  std::vector<QuestionCounts> counts = {
      Counts("TC1", "access", {1, 1, 0, 1, 2, 0}), Counts("TC1", "access", {0, 0, 0, 0, 0, 1}),
      Counts("TC2", "access", {4, 0, 0, 0, 0, 0}), Counts("TT1", "procedure", {0, 0, 0, 0, 1, 1}),
      Counts("CC2", "staff", {0, 0, 2, 0, 0, 2}),  Counts("KQ1", "result", {0, 1, 0, 0, 0, 0})};
  v1::SipasResults r = ComputeResults(q, counts);
  ASSERT_EQ(r.factors_size(), 5);
  const v1::QuestionResult& tc1 = r.factors(0).questions(0);
  EXPECT_THAT(tc1.distribution(), ::testing::ElementsAre(1, 0, 1, 2, 1));
  EXPECT_EQ(tc1.not_applicable(), 1);
  EXPECT_DOUBLE_EQ(tc1.mean(), 3.4);            // (1 + 3 + 8 + 5) / 5
  EXPECT_DOUBLE_EQ(tc1.satisfied_share(), 60);  // 3 of 5
  EXPECT_DOUBLE_EQ(r.factors(0).questions(1).mean(), 0);
  EXPECT_EQ(r.factors(0).questions(1).not_applicable(), 4);
  EXPECT_DOUBLE_EQ(r.factors(0).index(), 60);
  EXPECT_DOUBLE_EQ(r.factors(1).index(), 100);
  EXPECT_DOUBLE_EQ(r.factors(2).index(), 50);
  EXPECT_DOUBLE_EQ(r.factors(3).index(), 0);
  EXPECT_DOUBLE_EQ(r.factors(4).index(), 0);
  EXPECT_DOUBLE_EQ(r.index(), 52.5);  // (60 + 100 + 50 + 0) / 4
  EXPECT_DOUBLE_EQ(ComputeResults(q, {}).index(), 0);
}

TEST(SipasResultsTest, AQuestionnaireNeedsTheFiveFactorsAndUniqueQuestions) {
  v1::SipasQuestionnaire q = TwoQuestionsPerFactor();
  q.mutable_factors(4)->mutable_questions(1)->set_code("GY1");
  EXPECT_FALSE(ValidateQuestionnaire(q).ok());
  q = TwoQuestionsPerFactor();
  q.mutable_factors()->RemoveLast();
  EXPECT_FALSE(ValidateQuestionnaire(q).ok());
  q = TwoQuestionsPerFactor();
  q.mutable_factors(0)->set_code("reach");
  EXPECT_FALSE(ValidateQuestionnaire(q).ok());
}

}  // namespace
}  // namespace parhub::reporting
