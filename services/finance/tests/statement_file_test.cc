// Unit tests of reading bank statement exports: amounts as banks print
// them, dates in both orders, a mapped layout with a letterhead and
// credit/debit columns, and the bad files the office will meet (wrong
// encoding, cut short, repeated transaction, absurd amounts), each error
// naming its line and column.
#include "services/finance/domain/statement_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/date.h"
#include "platform/testing/status_matchers.h"
#include "services/finance/domain/payment_reference.h"

namespace parhub::finance {
namespace {

using ::testing::HasSubstr;

TEST(ParseDongTest, AcceptsWhatBanksPrint) {
  EXPECT_EQ(*ParseDong("1.500.000", "a"), 1'500'000);
  EXPECT_EQ(*ParseDong("1,500,000", "a"), 1'500'000);
  EXPECT_EQ(*ParseDong("1500000", "a"), 1'500'000);
  EXPECT_EQ(*ParseDong("-250.000", "a"), -250'000);
  EXPECT_EQ(*ParseDong("+ 2.000.000 VND", "a"), 2'000'000);
  EXPECT_EQ(*ParseDong("1.500.000,00", "a"), 1'500'000);
  EXPECT_EQ(*ParseDong("1,500,000.00", "a"), 1'500'000);
  EXPECT_EQ(*ParseDong("9.999.999.999.999", "a"), 9'999'999'999'999);
}

TEST(ParseDongTest, RefusesWhatIsNotWholeDong) {
  for (const char* bad :
       {"", "abc", "1.50", "1.5000", "1,500.5", "10.000.000.000.000", "12e5", "1..000", "--5"}) {
    absl::StatusOr<int64_t> parsed = ParseDong(bad, "amount");
    EXPECT_FALSE(parsed.ok()) << bad;
    EXPECT_THAT(parsed.status(), parhub::testing::IsInvalidField("amount")) << bad;
  }
}

TEST(ParseBookingTimeTest, ReadsBothOrdersInVietnamTime) {
  absl::StatusOr<absl::Time> dmy = ParseBookingTime("31/08/2026 14:05:09", DateOrder::kDayMonthYear, "t");
  ASSERT_TRUE(dmy.ok()) << dmy.status();
  EXPECT_EQ(*dmy, absl::FromCivil(absl::CivilSecond(2026, 8, 31, 14, 5, 9), platform::VietnamTimeZone()));
  absl::StatusOr<absl::Time> ymd = ParseBookingTime("2026-08-31T14:05", DateOrder::kYearMonthDay, "t");
  ASSERT_TRUE(ymd.ok()) << ymd.status();
  EXPECT_EQ(*ymd, absl::FromCivil(absl::CivilSecond(2026, 8, 31, 14, 5, 0), platform::VietnamTimeZone()));
  EXPECT_FALSE(ParseBookingTime("31/02/2026", DateOrder::kDayMonthYear, "t").ok());
  EXPECT_FALSE(ParseBookingTime("2026-08-31 25:00", DateOrder::kYearMonthDay, "t").ok());
  EXPECT_FALSE(ParseBookingTime("hôm qua", DateOrder::kDayMonthYear, "t").ok());
}

TEST(ParseStatementTest, ReadsTheGenericLayout) {
  absl::StatusOr<ParsedStatement> parsed = ParseStatement(
      "\xEF\xBB\xBFtransaction_id,booking_time,amount,description,counterparty_name,counterparty_account\r\n"
      "FT1,2026-09-15 08:00:00,500000,HP2609MN201000001 nop tien,NGUYEN VAN BINH,0123\r\n"
      "FT2,2026-09-15 09:00:00,-22000,Phi SMS,,\r\n",
      GenericCsvMapping());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->entries.size(), 2u);
  EXPECT_TRUE(parsed->errors.empty());
  EXPECT_EQ(parsed->entries[0].line, 2);
  EXPECT_EQ(parsed->entries[0].amount, 500'000);
  EXPECT_EQ(parsed->entries[0].counterparty_name, "NGUYEN VAN BINH");
  EXPECT_EQ(parsed->entries[1].amount, -22'000);
}

TEST(ParseStatementTest, ReadsAMappedLayoutWithALetterheadAndCreditDebitColumns) {
  ColumnMapping mapping{.transaction_id = "Số tham chiếu",
                        .booking_time = "Ngày giao dịch",
                        .credit = "Số tiền ghi có",
                        .debit = "Số tiền ghi nợ",
                        .description = "Mô tả",
                        .header_line = 3};
  absl::StatusOr<ParsedStatement> parsed = ParseStatement(
      "SAO KÊ TÀI KHOẢN,,,,\n"
      "Tài khoản: 0071000123456,,,,\n"
      "Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Mô tả\n"
      "15/09/2026 08:00,5123.1,,\"1.000.000\",\"HP2609MN201000001, HP2609MN201000002\"\n"
      "16/09/2026,5123.2,11.000,,Phí quản lý tài khoản\n",
      mapping);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->entries.size(), 2u) << (parsed->errors.empty() ? "" : parsed->errors[0].message);
  EXPECT_EQ(parsed->entries[0].line, 4);
  EXPECT_EQ(parsed->entries[0].amount, 1'000'000);
  EXPECT_EQ(parsed->entries[1].amount, -11'000);
}

TEST(ParseStatementTest, NamesTheLineAndColumnOfEveryBadLine) {
  absl::StatusOr<ParsedStatement> parsed = ParseStatement(
      "transaction_id,booking_time,amount,description,counterparty_name,counterparty_account\n"
      "FT1,2026-09-15,500000,HP2609MN201000001,,\n"
      "FT2,15/09/2026,500000,x,,\n"
      "FT3,2026-09-15,50000000000000,x,,\n"
      "FT1,2026-09-15,500000,repeated,,\n"
      "FT 4,2026-09-15,1000,x,,\n"
      "FT5,2026-09-15,1000\n",
      GenericCsvMapping());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->entries.size(), 1u);
  ASSERT_EQ(parsed->errors.size(), 5u);
  EXPECT_EQ(parsed->errors[0].row, 3);
  EXPECT_EQ(parsed->errors[0].column, "booking_time");
  EXPECT_EQ(parsed->errors[1].row, 4);
  EXPECT_EQ(parsed->errors[1].column, "amount");
  EXPECT_EQ(parsed->errors[2].row, 5);
  EXPECT_EQ(parsed->errors[2].column, "transaction_id");
  EXPECT_THAT(parsed->errors[2].message, HasSubstr("lặp lại"));
  EXPECT_EQ(parsed->errors[3].row, 6);
  EXPECT_EQ(parsed->errors[3].column, "transaction_id");
  EXPECT_EQ(parsed->errors[4].row, 7);
}

TEST(ParseStatementTest, RefusesAFileInTheWrongEncodingNamingTheLine) {
  // "Nộp tiền" in Windows-1258-ish bytes on line 3.
  absl::StatusOr<ParsedStatement> parsed = ParseStatement(
      "transaction_id,booking_time,amount,description,counterparty_name,counterparty_account\n"
      "FT1,2026-09-15,500000,ok,,\n"
      "FT2,2026-09-15,500000,N\xF4p ti\xEAn,,\n",
      GenericCsvMapping());
  EXPECT_THAT(parsed.status(), parhub::testing::IsInvalidField("content"));
  EXPECT_THAT(parsed.status().message(), HasSubstr("3"));
}

TEST(ParseStatementTest, RefusesATruncatedFileAndMissingColumns) {
  EXPECT_THAT(ParseStatement("transaction_id,booking_time,amount,description\nFT1,2026-09-15,5,\"cut",
                             GenericCsvMapping())
                  .status(),
              parhub::testing::IsInvalidField("content"));
  absl::StatusOr<ParsedStatement> missing =
      ParseStatement("transaction_id,amount\nFT1,5\n", GenericCsvMapping());
  EXPECT_THAT(missing.status(), parhub::testing::IsInvalidField("content"));
  EXPECT_THAT(missing.status().message(), HasSubstr("booking_time"));
}

TEST(ReferenceIndexTest, FindsReferencesBanksMangledInTheOrderNamed) {
  ReferenceIndex index({"HP2609MN201000001", "HP2609MN201000002", "HP2609MN2010000A1"});
  EXPECT_EQ(index.Find("nop tien hp2609-mn2010-00002 va HP2609MN2010.00001"),
            (std::vector<std::string>{"HP2609MN201000002", "HP2609MN201000001"}));
  EXPECT_TRUE(index.Find("tien an thang 9").empty());
}

}  // namespace
}  // namespace parhub::finance
