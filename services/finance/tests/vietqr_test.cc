// VietQR payloads and payment references: the NAPAS published example
// reproduced byte for byte, round trips through the parser, a damaged CRC
// caught, field errors named, and statement descriptions matched to
// references the way banks mangle them.
#include "services/finance/domain/vietqr.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/testing/status_matchers.h"
#include "services/finance/domain/payment_reference.h"

namespace parhub::finance {
namespace {

using ::parhub::testing::IsInvalidField;
using ::testing::ElementsAre;

// DESIGN.md §5: BIN 970403, account 0011012345678, amount 180000, bill
// NPS6869, purpose "thanh toan don hang".
constexpr char kNapasExample[] =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107"
    "NPS"
    "68690819thanh toan don hang63042E2E";

TEST(VietQr, ReproducesTheNapasExampleByteForByte) {
  VietQrTransfer t{.bank_bin = "970403",
                   .account_number = "0011012345678",
                   .amount = 180000,
                   .bill_number = "NPS6869",
                   .purpose = "thanh toan don hang"};
  absl::StatusOr<std::string> payload = BuildVietQr(t);
  ASSERT_OK(payload);
  EXPECT_EQ(*payload, kNapasExample);
}

TEST(VietQr, ReproducesPublishedBankCodes) {
  struct Vector {
    VietQrTransfer transfer;
    const char* payload;
  };
  const Vector vectors[] = {
      // A one-time code for 100,000 đ to a Vietcombank account.
      {{.bank_bin = "970436", .account_number = "0011001800879", .amount = 100000, .purpose = "nhan tien"},
       "00020101021238570010A00000072701270006970436011300110018008790208QRIBFTTA530370454061000005802VN62130"
       "809nhan "
       "tien6304D1EF"},
      // A static ACB code: the payer types the amount.
      {{.bank_bin = "970416", .account_number = "257678859", .one_time = false},
       "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F"},
      {{.bank_bin = "970416", .account_number = "257678859", .amount = 10000, .purpose = "Chuyen tien"},
       "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Ch"
       "uyen "
       "tien630453E6"},
      // A BIDV account's static code as printed by the bank.
      {{.bank_bin = "970418", .account_number = "8838831979", .one_time = false},
       "00020101021138540010A00000072701240006970418011088388319790208QRIBFTTA53037045802VN6304E72E"},
  };
  for (const Vector& v : vectors) {
    absl::StatusOr<std::string> payload = BuildVietQr(v.transfer);
    ASSERT_OK(payload);
    EXPECT_EQ(*payload, v.payload);
    absl::StatusOr<VietQrTransfer> read = ReadVietQr(v.payload);
    ASSERT_OK(read);
    EXPECT_EQ(read->account_number, v.transfer.account_number);
    EXPECT_EQ(read->amount, v.transfer.amount);
    EXPECT_EQ(read->one_time, v.transfer.one_time);
  }
}

TEST(VietQr, Crc16CcittFalseMatchesTheStandardCheckValue) {
  EXPECT_EQ(Crc16CcittFalse("123456789"), 0x29B1);  // the catalogue's check value
}

TEST(VietQr, ReadsBackWhatItWritesAndCatchesADamagedCode) {
  absl::StatusOr<VietQrTransfer> read = ReadVietQr(kNapasExample);
  ASSERT_OK(read);
  EXPECT_EQ(read->bank_bin, "970403");
  EXPECT_EQ(read->account_number, "0011012345678");
  EXPECT_EQ(read->amount, 180000);
  EXPECT_EQ(read->bill_number, "NPS6869");
  EXPECT_EQ(read->purpose, "thanh toan don hang");
  EXPECT_TRUE(read->one_time);

  std::string damaged = kNapasExample;
  damaged[60] = damaged[60] == '1' ? '2' : '1';  // one digit of the account
  EXPECT_EQ(ReadVietQr(damaged).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadVietQr("000201").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseEmvTemplate("0099abc").status().code(), absl::StatusCode::kInvalidArgument);

  VietQrTransfer school{
      .bank_bin = "970436", .account_number = "1023456789", .amount = 1250000, .purpose = "HP2609MN2010A12"};
  absl::StatusOr<std::string> payload = BuildVietQr(school);
  ASSERT_OK(payload);
  absl::StatusOr<VietQrTransfer> again = ReadVietQr(*payload);
  ASSERT_OK(again);
  EXPECT_EQ(again->amount, 1250000);
  EXPECT_EQ(again->purpose, "HP2609MN2010A12");
  EXPECT_TRUE(again->bill_number.empty());
}

TEST(VietQr, BadTransfersNameTheField) {
  VietQrTransfer ok{.bank_bin = "970403", .account_number = "0011012345678", .amount = 1000};
  VietQrTransfer t = ok;
  t.bank_bin = "97040";
  EXPECT_THAT(BuildVietQr(t), IsInvalidField("bank_bin"));
  t = ok;
  t.account_number = "0011-0123";
  EXPECT_THAT(BuildVietQr(t), IsInvalidField("account_number"));
  t = ok;
  t.amount = 0;
  EXPECT_THAT(BuildVietQr(t), IsInvalidField("amount")) << "a one-time code needs an amount";
  t.amount = -5;
  EXPECT_THAT(BuildVietQr(t), IsInvalidField("amount"));
  t.amount = 10'000'000'000'000;
  EXPECT_THAT(BuildVietQr(t), IsInvalidField("amount")) << "more than field 54's 13 digits";
  t = ok;
  t.purpose = "học phí tháng 9";
  EXPECT_THAT(BuildVietQr(t), IsInvalidField("purpose")) << "diacritics";
  t = ok;
  t.one_time = false;
  t.amount = 0;
  EXPECT_OK(BuildVietQr(t)) << "a static code may leave the amount to the payer";
}

TEST(PaymentReference, IsShortUpperCaseAsciiOnly) {
  EXPECT_OK(ValidatePaymentReference("HP2609MN2010A12", "payment_reference"));
  EXPECT_THAT(ValidatePaymentReference("", "payment_reference"), IsInvalidField("payment_reference"));
  EXPECT_THAT(ValidatePaymentReference("HP2609MN2010A12345678", "payment_reference"),
              IsInvalidField("payment_reference"));
  EXPECT_THAT(ValidatePaymentReference("hp2609", "payment_reference"), IsInvalidField("payment_reference"));
  EXPECT_THAT(ValidatePaymentReference("HỌCPHÍ", "payment_reference"), IsInvalidField("payment_reference"));
}

TEST(PaymentReference, StatementLinesMatchDespiteWhatBanksDoToThem) {
  const std::vector<std::string> open{"HP2609A12", "HP2609A1", "HP2609B07"};
  EXPECT_THAT(ReferencesIn("MBVCB.1234.hp 2609-a12.CT tu 0011001234567 NGUYEN VAN A", open),
              ElementsAre("HP2609A12"))
      << "case, spaces and dashes ignored; the shorter reference inside it is not named";
  EXPECT_THAT(ReferencesIn("HP2609A1 hoc phi", open), ElementsAre("HP2609A1"));
  EXPECT_THAT(ReferencesIn("Chuyen tien HP2609B07 va HP2609A12 hai be", open),
              ElementsAre("HP2609B07", "HP2609A12"))
      << "one transfer for two siblings, in the order written";
  EXPECT_TRUE(ReferencesIn("chuyen tien hoc phi", open).empty());
  EXPECT_EQ(NormalizeForMatching("hp-2609.a 12"), "HP2609A12");
}

}  // namespace
}  // namespace parhub::finance
