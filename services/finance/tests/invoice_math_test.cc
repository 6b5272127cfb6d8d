// Invoice arithmetic and transfer allocation: exemptions as cited negative
// lines, totals that cannot go below zero, absurd amounts refused, payment
// references within 19 characters, the QR code reissued at the balance
// after a part payment, siblings paid by one transfer, oldest first when no
// reference is named, and an overpayment kept as credit.
#include "services/finance/domain/invoice_math.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/testing/status_matchers.h"
#include "services/finance/domain/transfer_allocation.h"
#include "services/finance/domain/vietqr.h"

namespace parhub::finance {
namespace {

using ::parhub::testing::IsInvalidField;
using ::testing::ElementsAre;
using ::testing::FieldsAre;

const InvoiceLine kMeals{"BAN-TRU", "Tiền ăn bán trú tháng 9/2026", 880'000, ""};
const InvoiceLine kCare{"CHAM-SOC", "Chăm sóc bán trú tháng 9/2026", 250'000, ""};

TEST(InvoiceMath, TotalsChargesLessCitedExemptions) {
  InvoiceLine exemption{"MIEN-BT", "Miễn tiền chăm sóc bán trú (hộ nghèo)", -250'000,
                        "Chính sách miễn giảm của Thành phố (ghi số văn bản)"};
  EXPECT_THAT(InvoiceTotal({kMeals, kCare, exemption}), parhub::testing::IsOkAndHolds(880'000));
  exemption.legal_basis.clear();
  EXPECT_THAT(InvoiceTotal({kMeals, kCare, exemption}), IsInvalidField("lines[2].legal_basis"));
  InvoiceLine too_much{"MIEN", "Miễn", -2'000'000, "căn cứ"};
  EXPECT_THAT(InvoiceTotal({kMeals, too_much}), IsInvalidField("lines"));
  InvoiceLine absurd{"X", "x", 10'000'000'000'000, ""};
  EXPECT_THAT(InvoiceTotal({absurd}), IsInvalidField("lines[0].amount"));
  InvoiceLine zero{"X", "x", 0, ""};
  EXPECT_THAT(InvoiceTotal({kMeals, zero}), IsInvalidField("lines[1].amount"));
  EXPECT_THAT(InvoiceTotal({}), IsInvalidField("lines"));
}

TEST(InvoiceMath, ReferencesFitNineteenCharacters) {
  absl::StatusOr<std::string> ref = MakePaymentReference("HP", 2026, 9, "mn-2010", 370);
  ASSERT_OK(ref);
  EXPECT_EQ(*ref, "HP2609MN2010000AA");
  ref = MakePaymentReference("HP", 2026, 9, "th-nguyen-binh-khiem", 1);
  ASSERT_OK(ref);
  EXPECT_LE(ref->size(), 19u);
  EXPECT_EQ(*ref, "HP2609THNGUYEN00001");
  EXPECT_THAT(MakePaymentReference("hp", 2026, 9, "x", 1), IsInvalidField("prefix"));
  EXPECT_THAT(MakePaymentReference("HP", 2026, 13, "x", 1), IsInvalidField("period"));
}

TEST(InvoiceMath, TheCodeIsForTheBalanceAndIsReissuedAfterAPartPayment) {
  const BankAccount account{"970436", "1023456789"};
  const std::string reference = "HP2609MN2010000AA";
  absl::StatusOr<std::string> full = QrForBalance(account, reference, Balance(1'130'000, 0));
  ASSERT_OK(full);
  EXPECT_EQ(ReadVietQr(*full)->amount, 1'130'000);
  absl::StatusOr<std::string> rest = QrForBalance(account, reference, Balance(1'130'000, 500'000));
  ASSERT_OK(rest);
  EXPECT_EQ(ReadVietQr(*rest)->amount, 630'000);
  EXPECT_EQ(ReadVietQr(*rest)->purpose, reference);
  EXPECT_NE(*full, *rest);
  EXPECT_EQ(QrForBalance(account, reference, Balance(1'130'000, 1'200'000)).status().code(),
            absl::StatusCode::kFailedPrecondition);
  // A new school account: the old code no longer names it.
  absl::StatusOr<std::string> moved = QrForBalance({"970415", "1122334455"}, reference, 630'000);
  ASSERT_OK(moved);
  EXPECT_NE(ReadVietQr(*moved)->account_number, ReadVietQr(*rest)->account_number);
}

TEST(TransferAllocation, SiblingsAreSplitByTheReferencesNamed) {
  std::vector<OpenInvoice> open{{"inv-an", "HP2609A12", {2026, 9, 1}, 1'130'000},
                                {"inv-binh", "HP2609B07", {2026, 9, 1}, 880'000},
                                {"inv-an-8", "HP2608A12", {2026, 8, 1}, 300'000}};
  absl::StatusOr<AllocatedTransfer> t = AllocateTransfer(2'010'000, {"HP2609B07", "HP2609A12"}, open);
  ASSERT_OK(t);
  EXPECT_THAT(t->allocations, ElementsAre(FieldsAre("inv-binh", 880'000), FieldsAre("inv-an", 1'130'000)));
  EXPECT_EQ(t->credit, 0);
  // Overpaid: the rest is the payer's credit, not another invoice.
  t = AllocateTransfer(2'500'000, {"HP2609B07", "HP2609A12"}, open);
  ASSERT_OK(t);
  EXPECT_EQ(t->credit, 490'000);
  // Underpaid: the first named is paid in full, the second in part.
  t = AllocateTransfer(1'000'000, {"HP2609B07", "HP2609A12"}, open);
  ASSERT_OK(t);
  EXPECT_THAT(t->allocations, ElementsAre(FieldsAre("inv-binh", 880'000), FieldsAre("inv-an", 120'000)));
}

TEST(TransferAllocation, WithoutReferencesTheOldestIsPaidFirst) {
  std::vector<OpenInvoice> open{{"inv-9", "HP2609A12", {2026, 9, 1}, 1'130'000},
                                {"inv-8", "HP2608A12", {2026, 8, 1}, 300'000}};
  absl::StatusOr<AllocatedTransfer> t = AllocateTransfer(500'000, {}, open);
  ASSERT_OK(t);
  EXPECT_THAT(t->allocations, ElementsAre(FieldsAre("inv-8", 300'000), FieldsAre("inv-9", 200'000)));
  EXPECT_THAT(AllocateTransfer(0, {}, open), IsInvalidField("amount"));
  EXPECT_THAT(AllocateTransfer(-5, {}, open), IsInvalidField("amount"));
  t = AllocateTransfer(100'000, {"HP2601ZZZ"}, open);
  ASSERT_OK(t);
  EXPECT_TRUE(t->allocations.empty()) << "a reference that is not open pays nothing";
  EXPECT_EQ(t->credit, 100'000);
}

}  // namespace
}  // namespace parhub::finance
