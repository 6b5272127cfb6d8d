// Integration tests of the finance gRPC service inside one process: a real
// gRPC server over MariaDB with the embedded fee rules, called with signed
// identities as the gateway sends them. Covers settings, the class-list
// upload, fee items under the city's caps, invoices with a VietQR code for
// the balance, exactly-once payments (same key, same bank transaction,
// concurrent retries), gapless receipts, reversals, the ledger check,
// bad input that changes nothing, and tenancy on every RPC. The fixture is
// in finance_fixture.h.
#include "services/finance/rpc/finance_service.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <set>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/feedback_code.h"
#include "platform/core/resource_name.h"
#include "platform/db/sql_values.h"
#include "platform/rpc/proto_values.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "services/finance/domain/vietqr.h"
#include "services/finance/rpc/fee_rules_data.h"
#include "services/finance/store/mysql_finance_store.h"
#include "services/finance/tests/finance_fixture.h"

namespace parhub::finance {
namespace {

namespace pb = ::parhub::finance::v1;
using ::parhub::platform::Caller;
using ::parhub::platform::Role;
using ::parhub::testing::At;
using ::parhub::testing::ProtoDate;
using ::parhub::testing::ReasonOf;
using ::parhub::testing::ViolatedField;
using ::testing::HasSubstr;

TEST_F(FinanceServiceTest, InvoiceCarriesAVietQrCodeForItsBalanceAndPaymentsReissueIt) {
  pb::Invoice invoice = InvoicedSchool(school_);
  EXPECT_EQ(invoice.state(), pb::INVOICE_STATE_ISSUED);
  EXPECT_EQ(invoice.total_amount(), 500'000);
  EXPECT_EQ(invoice.balance(), 500'000);
  EXPECT_LE(invoice.payment_reference().size(), 19u);
  EXPECT_EQ(invoice.payment_reference().substr(0, 6), "HP2609");
  EXPECT_EQ(invoice.lines(0).description(), "Tiền tổ chức bán trú tháng 9/2026");

  absl::StatusOr<VietQrTransfer> qr = ReadVietQr(invoice.vietqr_payload());
  ASSERT_TRUE(qr.ok()) << qr.status();
  EXPECT_EQ(qr->bank_bin, "970436");
  EXPECT_EQ(qr->account_number, "0071000123456");
  EXPECT_EQ(qr->amount, 500'000);
  EXPECT_EQ(qr->purpose, invoice.payment_reference());

  pb::Payment first;
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(invoice, 200'000, "FT26258000001"), &first));
  pb::Invoice part = GetInvoice(school_, invoice.name());
  EXPECT_EQ(part.state(), pb::INVOICE_STATE_PARTIALLY_PAID);
  EXPECT_EQ(part.balance(), 300'000);
  qr = ReadVietQr(part.vietqr_payload());
  ASSERT_TRUE(qr.ok()) << qr.status();
  EXPECT_EQ(qr->amount, 300'000);  // reissued at the balance

  pb::Payment second;
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(invoice, 300'000, ""), &second));
  pb::Invoice paid = GetInvoice(school_, invoice.name());
  EXPECT_EQ(paid.state(), pb::INVOICE_STATE_PAID);
  EXPECT_EQ(paid.balance(), 0);
  EXPECT_EQ(paid.vietqr_payload(), "");

  // Receipts 2026-000001 and 2026-000002, with the e-receipt fields.
  pb::ListReceiptsRequest list;
  list.set_parent("schools/" + school_);
  pb::ListReceiptsResponse receipts;
  ASSERT_GRPC_OK(stub().ListReceipts(Ctx("ListReceipts", Admin(school_)).get(), list, &receipts));
  ASSERT_EQ(receipts.receipts_size(), 2);
  EXPECT_EQ(receipts.receipts(0).number(), "2026-000001");
  EXPECT_EQ(receipts.receipts(1).number(), "2026-000002");
  EXPECT_EQ(receipts.receipts(0).template_symbol(), "01BLP0-001");
  EXPECT_EQ(receipts.receipts(0).series(), "AA-26E");
  EXPECT_EQ(receipts.receipts(0).issuer_name(), "Trường Mầm non 20/10");
  EXPECT_EQ(receipts.receipts(0).amount_in_words(), "Hai trăm nghìn đồng");
  EXPECT_EQ(receipts.receipts(1).amount_in_words(), "Ba trăm nghìn đồng");
  ASSERT_EQ(receipts.receipts(1).items_size(), 1);
  EXPECT_EQ(receipts.receipts(1).items(0).amount(), 300'000);
  EXPECT_EQ(receipts.receipts(1).items(0).period(), "2026-09");

  // The books: bank 200k, cash 300k, receivables 0, revenue 500k.
  pb::ListLedgerAccountsRequest accounts_request;
  accounts_request.set_parent("schools/" + school_);
  pb::ListLedgerAccountsResponse accounts;
  ASSERT_GRPC_OK(stub().ListLedgerAccounts(Ctx("ListLedgerAccounts", Admin(school_)).get(), accounts_request,
                                           &accounts));
  std::map<std::string, int64_t> balance;
  for (const pb::LedgerAccount& a : accounts.ledger_accounts()) balance[a.code()] = a.balance();
  EXPECT_EQ(balance["bank"], 200'000);
  EXPECT_EQ(balance["cash"], 300'000);
  EXPECT_EQ(balance["receivables"], 0);
  EXPECT_EQ(balance["fee-revenue"], 500'000);
  pb::LedgerCheck check = Check(school_);
  EXPECT_TRUE(check.ok());
  EXPECT_TRUE(check.balanced());
  EXPECT_EQ(check.total_debits(), 1'000'000);
}

TEST_F(FinanceServiceTest, APaymentIsRecordedOncePerKeyAndPerBankTransaction) {
  pb::Invoice invoice = InvoicedSchool(school_);
  pb::RecordPaymentRequest request = PaymentRequest(invoice, 100'000, "FT26258000002");
  pb::Payment first, retry, same_transaction;
  ASSERT_GRPC_OK(Pay(school_, request, &first));
  ASSERT_GRPC_OK(Pay(school_, request, &retry));
  EXPECT_EQ(retry.name(), first.name());
  // The same bank transaction under a new key: still the first payment.
  request.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(Pay(school_, request, &same_transaction));
  EXPECT_EQ(same_transaction.name(), first.name());
  // The same key with another body is refused.
  pb::RecordPaymentRequest reuse = PaymentRequest(invoice, 50'000, "FT26258000003");
  pb::Payment ignored;
  ASSERT_GRPC_OK(Pay(school_, reuse, &ignored));
  reuse.mutable_payment()->set_amount(60'000);
  grpc::Status reused = Pay(school_, reuse, &ignored);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ReasonOf(reused), "REQUEST_ID_REUSED");
  EXPECT_EQ(GetInvoice(school_, invoice.name()).paid_amount(), 150'000);
  EXPECT_TRUE(Check(school_).ok());
}

TEST_F(FinanceServiceTest, ConcurrentRetriesOfOnePaymentRecordItOnce) {
  pb::Invoice invoice = InvoicedSchool(school_);
  // Eight retries with one key, and eight keys for one bank transaction.
  pb::RecordPaymentRequest same_key = PaymentRequest(invoice, 100'000, "FT26258000010");
  std::vector<pb::RecordPaymentRequest> same_transaction;
  for (int i = 0; i < 8; ++i) same_transaction.push_back(PaymentRequest(invoice, 50'000, "FT26258000011"));
  std::mutex mu;
  std::set<std::string> names_by_key, names_by_transaction;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      for (int attempt = 0; attempt < 5; ++attempt) {  // ABORTED asks for a retry with the same key
        pb::Payment out;
        grpc::Status s = Pay(school_, same_key, &out);
        if (s.error_code() == grpc::StatusCode::ABORTED) continue;
        EXPECT_TRUE(s.ok()) << s.error_message();
        std::lock_guard<std::mutex> lock(mu);
        names_by_key.insert(out.name());
        break;
      }
      for (int attempt = 0; attempt < 5; ++attempt) {
        pb::Payment out;
        grpc::Status s = Pay(school_, same_transaction[i], &out);
        if (s.error_code() == grpc::StatusCode::ABORTED) continue;
        EXPECT_TRUE(s.ok()) << s.error_message();
        std::lock_guard<std::mutex> lock(mu);
        names_by_transaction.insert(out.name());
        break;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(names_by_key.size(), 1u);
  EXPECT_EQ(names_by_transaction.size(), 1u);
  EXPECT_EQ(GetInvoice(school_, invoice.name()).paid_amount(), 150'000);
  pb::LedgerCheck check = Check(school_);
  EXPECT_TRUE(check.ok()) << check.ShortDebugString();
}

TEST_F(FinanceServiceTest, AReversalBringsTheBalanceBackAndKeepsTheReceiptNumber) {
  pb::Invoice invoice = InvoicedSchool(school_);
  pb::Payment payment;
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(invoice, 500'000, "FT26258000020"), &payment));
  pb::ReversePaymentRequest reverse;
  reverse.set_name(payment.name());
  reverse.set_reason("Phụ huynh chuyển nhầm, ngân hàng hoàn lại");
  reverse.set_request_id(platform::RandomId());
  pb::Payment reversed;
  ASSERT_GRPC_OK(stub().ReversePayment(Ctx("ReversePayment", Admin(school_)).get(), reverse, &reversed));
  EXPECT_EQ(reversed.state(), pb::PAYMENT_STATE_REVERSED);
  EXPECT_FALSE(reversed.reversal_transfer().empty());
  pb::Invoice back = GetInvoice(school_, invoice.name());
  EXPECT_EQ(back.state(), pb::INVOICE_STATE_ISSUED);
  EXPECT_EQ(back.balance(), 500'000);

  pb::GetReceiptRequest get_receipt;
  get_receipt.set_name(payment.receipt());
  pb::Receipt receipt;
  ASSERT_GRPC_OK(stub().GetReceipt(Ctx("GetReceipt", Admin(school_)).get(), get_receipt, &receipt));
  EXPECT_TRUE(receipt.cancelled());
  EXPECT_EQ(receipt.number(), "2026-000001");

  reverse.set_request_id(platform::RandomId());
  grpc::Status again = stub().ReversePayment(Ctx("ReversePayment", Admin(school_)).get(), reverse, &reversed);
  EXPECT_EQ(again.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  // Paid again: the next number, no gap.
  pb::Payment repaid;
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(invoice, 500'000, "FT26258000021"), &repaid));
  get_receipt.set_name(repaid.receipt());
  ASSERT_GRPC_OK(stub().GetReceipt(Ctx("GetReceipt", Admin(school_)).get(), get_receipt, &receipt));
  EXPECT_EQ(receipt.number(), "2026-000002");
  EXPECT_TRUE(Check(school_).ok());
}

TEST_F(FinanceServiceTest, BadPaymentsAreRefusedAndChangeNothing) {
  pb::Invoice invoice = InvoicedSchool(school_);
  pb::Payment out;
  struct Case {
    std::function<void(pb::RecordPaymentRequest&)> change;
    grpc::StatusCode code;
    std::string field;
  };
  std::vector<Case> cases = {
      {[](auto& r) { r.mutable_payment()->set_amount(-5); }, grpc::StatusCode::INVALID_ARGUMENT,
       "payment.amount"},
      {[](auto& r) { r.mutable_payment()->set_amount(0); }, grpc::StatusCode::INVALID_ARGUMENT,
       "payment.amount"},
      {[](auto& r) { r.mutable_payment()->set_amount(10'000'000'000'001); },
       grpc::StatusCode::INVALID_ARGUMENT, "payment.amount"},
      {[](auto& r) { r.mutable_payment()->set_amount(500'001); }, grpc::StatusCode::FAILED_PRECONDITION, ""},
      {[](auto& r) { r.mutable_payment()->set_method(pb::PAYMENT_METHOD_UNSPECIFIED); },
       grpc::StatusCode::INVALID_ARGUMENT, "payment.method"},
      {[](auto& r) { r.mutable_payment()->set_method(static_cast<pb::PaymentMethod>(42)); },
       grpc::StatusCode::INVALID_ARGUMENT, "payment.method"},
      {[](auto& r) { *r.mutable_payment()->mutable_paid_time() = platform::TimeToProto(At(2026, 9, 20)); },
       grpc::StatusCode::INVALID_ARGUMENT, "payment.paid_time"},
      {[](auto& r) { r.mutable_payment()->clear_paid_time(); }, grpc::StatusCode::INVALID_ARGUMENT,
       "payment.paid_time"},
      {[](auto& r) { r.mutable_payment()->set_bank_transaction_id("FT 2625 ngân hàng"); },
       grpc::StatusCode::INVALID_ARGUMENT, "payment.bank_transaction_id"},
      {[](auto& r) { r.mutable_payment()->set_bank_transaction_id(""); }, grpc::StatusCode::INVALID_ARGUMENT,
       "payment.bank_transaction_id"},
      {[&](auto& r) { r.mutable_payment()->set_invoice(absl::StrCat("schools/", other_, "/invoices/x")); },
       grpc::StatusCode::INVALID_ARGUMENT, "payment.invoice"},
      {[](auto& r) { r.mutable_payment()->set_invoice(r.payment().invoice() + "zz"); },
       grpc::StatusCode::INVALID_ARGUMENT, "payment.invoice"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    pb::RecordPaymentRequest request = PaymentRequest(invoice, 100'000, "FT26258000030");
    cases[i].change(request);
    grpc::Status s = Pay(school_, request, &out);
    EXPECT_EQ(s.error_code(), cases[i].code) << "case " << i << ": " << s.error_message();
    if (!cases[i].field.empty()) EXPECT_EQ(ViolatedField(s), cases[i].field) << "case " << i;
  }
  pb::Invoice unchanged = GetInvoice(school_, invoice.name());
  EXPECT_EQ(unchanged.paid_amount(), 0);
  EXPECT_EQ(unchanged.state(), pb::INVOICE_STATE_ISSUED);
  pb::LedgerCheck check = Check(school_);
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.total_debits(), 500'000);  // the invoice's posting only
}

TEST_F(FinanceServiceTest, FeeItemsAreCheckedAgainstTheCitysRules) {
  Configure(school_);
  pb::FeeItem item;
  // Bán trú at a mầm non in a phường: the cap itself is fine, 1 đồng more is not.
  ASSERT_GRPC_OK(CreateFeeItem(school_, "ban-tru", "ban-tru", 550'000, "2025-2026", &item));
  grpc::Status above = CreateFeeItem(school_, "ban-tru-2", "ban-tru", 550'001, "2025-2026");
  EXPECT_EQ(above.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(above), "fee_item.amount");
  EXPECT_EQ(ReasonOf(above), "ABOVE_CAP");
  EXPECT_THAT(above.error_message(), HasSubstr("550.000"));
  // Tuition is free from 2025-26.
  grpc::Status tuition = CreateFeeItem(school_, "hoc-phi", "hoc-phi", 100'000, "2025-2026");
  EXPECT_EQ(tuition.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(tuition), "CHARGE_FREE");
  // A year the data does not cover is an error, not a default.
  grpc::Status missing = CreateFeeItem(school_, "ban-tru-30", "ban-tru", 100'000, "2030-2031");
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(missing), "FEE_RULES_MISSING");
  // Raising an item above the cap is refused too and changes nothing.
  pb::UpdateFeeItemRequest update;
  *update.mutable_fee_item() = item;
  update.mutable_fee_item()->set_amount(600'000);
  update.mutable_update_mask()->add_paths("amount");
  update.set_request_id(platform::RandomId());
  pb::FeeItem updated;
  grpc::Status raised = stub().UpdateFeeItem(Ctx("UpdateFeeItem", Admin(school_)).get(), update, &updated);
  EXPECT_EQ(ReasonOf(raised), "ABOVE_CAP");
  pb::GetFeeItemRequest get;
  get.set_name(item.name());
  ASSERT_GRPC_OK(stub().GetFeeItem(Ctx("GetFeeItem", Admin(school_)).get(), get, &updated));
  EXPECT_EQ(updated.amount(), 550'000);
}

TEST_F(FinanceServiceTest, ClassListUploadIsAllOrNothingAndBatchInvoicingSkipsThoseInvoiced) {
  Configure(school_);
  ASSERT_GRPC_OK(CreateFeeItem(school_, "ban-tru", "ban-tru", 500'000));
  const std::string bad =
      "pupil_code,full_name,class,guardian_phone\n"
      "HS-001,Trần Minh Khang,Lá 1,0909000001\n"
      "HS-002,,Lá 1,0909000002\n"
      "HS-003,Lê Thu Hà,Lá 2,09abc\n";
  pb::ImportPupilsRequest import;
  import.set_parent("schools/" + school_);
  import.set_csv(bad);
  import.set_request_id(platform::RandomId());
  pb::ImportPupilsResponse imported;
  ASSERT_GRPC_OK(stub().ImportPupils(Ctx("ImportPupils", Admin(school_)).get(), import, &imported));
  EXPECT_FALSE(imported.applied());
  ASSERT_EQ(imported.errors_size(), 2);
  EXPECT_EQ(imported.errors(0).line(), 3);
  EXPECT_EQ(imported.errors(0).column(), "full_name");
  EXPECT_EQ(imported.errors(1).line(), 4);
  EXPECT_EQ(imported.errors(1).column(), "guardian_phone");
  pb::ListPupilsRequest list;
  list.set_parent("schools/" + school_);
  pb::ListPupilsResponse pupils;
  ASSERT_GRPC_OK(stub().ListPupils(Ctx("ListPupils", Admin(school_)).get(), list, &pupils));
  EXPECT_EQ(pupils.pupils_size(), 0);

  import.set_csv(
      "pupil_code,full_name,class,guardian_phone\n"
      "HS-001,Trần Minh Khang,Lá 1,0909000001\n"
      "HS-002,Phạm Gia Bảo,Lá 1,0909000002\n"
      "HS-003,Lê Thu Hà,Lá 2,0909000003\n");
  import.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().ImportPupils(Ctx("ImportPupils", Admin(school_)).get(), import, &imported));
  EXPECT_TRUE(imported.applied());
  EXPECT_EQ(imported.created_count(), 3);

  pb::BatchCreateInvoicesRequest batch;
  batch.set_parent("schools/" + school_);
  batch.set_period("2026-10");
  batch.add_class_names("Lá 1");
  batch.add_fee_items(absl::StrCat("schools/", school_, "/feeItems/ban-tru"));
  *batch.mutable_due_date() = ProtoDate(2026, 10, 15);
  batch.set_request_id(platform::RandomId());
  pb::BatchCreateInvoicesResponse created;
  ASSERT_GRPC_OK(
      stub().BatchCreateInvoices(Ctx("BatchCreateInvoices", Admin(school_)).get(), batch, &created));
  EXPECT_EQ(created.created_count(), 2);
  batch.clear_class_names();
  batch.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(
      stub().BatchCreateInvoices(Ctx("BatchCreateInvoices", Admin(school_)).get(), batch, &created));
  EXPECT_EQ(created.created_count(), 1);
  EXPECT_EQ(created.skipped_count(), 2);

  // The reference finds its invoice whatever a bank did to it.
  pb::GetInvoiceRequest get;
  get.set_name(created.invoices(0));
  pb::Invoice invoice;
  ASSERT_GRPC_OK(stub().GetInvoice(Ctx("GetInvoice", Admin(school_)).get(), get, &invoice));
  pb::ListInvoicesRequest by_reference;
  by_reference.set_parent("schools/" + school_);
  by_reference.set_payment_reference(
      absl::StrCat(" ", absl::AsciiStrToLower(invoice.payment_reference().substr(0, 6)), "-",
                   invoice.payment_reference().substr(6), "."));
  pb::ListInvoicesResponse found;
  ASSERT_GRPC_OK(stub().ListInvoices(Ctx("ListInvoices", Admin(school_)).get(), by_reference, &found));
  ASSERT_EQ(found.invoices_size(), 1);
  EXPECT_EQ(found.invoices(0).name(), invoice.name());
  EXPECT_TRUE(Check(school_).ok());
}

TEST_F(FinanceServiceTest, CancellingNeedsNoPaymentsAndFreesThePeriod) {
  pb::Invoice invoice = InvoicedSchool(school_);
  pb::Invoice duplicate;
  grpc::Status twice = Invoice(school_, "an", "2026-09", &duplicate);
  EXPECT_EQ(twice.error_code(), grpc::StatusCode::ALREADY_EXISTS);

  pb::Payment payment;
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(invoice, 100'000, ""), &payment));
  pb::CancelInvoiceRequest cancel;
  cancel.set_name(invoice.name());
  cancel.set_reason("Lập sai kỳ thu");
  cancel.set_request_id(platform::RandomId());
  pb::Invoice cancelled;
  grpc::Status refused = stub().CancelInvoice(Ctx("CancelInvoice", Admin(school_)).get(), cancel, &cancelled);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(refused), "INVOICE_HAS_PAYMENTS");

  pb::ReversePaymentRequest reverse;
  reverse.set_name(payment.name());
  reverse.set_reason("Thu nhầm");
  reverse.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().ReversePayment(Ctx("ReversePayment", Admin(school_)).get(), reverse, &payment));
  cancel.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().CancelInvoice(Ctx("CancelInvoice", Admin(school_)).get(), cancel, &cancelled));
  EXPECT_EQ(cancelled.state(), pb::INVOICE_STATE_CANCELLED);
  EXPECT_EQ(cancelled.vietqr_payload(), "");
  ASSERT_GRPC_OK(Invoice(school_, "an", "2026-09", &duplicate));  // the period is free again
  pb::LedgerCheck check = Check(school_);
  EXPECT_TRUE(check.ok()) << check.ShortDebugString();
}

TEST_F(FinanceServiceTest, AnotherSchoolsMoneyIsNotFoundOnEveryRpc) {
  pb::Invoice invoice = InvoicedSchool(school_);
  pb::Payment payment;
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(invoice, 100'000, ""), &payment));
  const Caller intruder = Admin(other_);
  auto expect_not_found = [](const grpc::Status& s, const char* what) {
    EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << what << ": " << s.error_message();
  };
  {
    pb::GetInvoiceRequest r;
    r.set_name(invoice.name());
    pb::Invoice out;
    expect_not_found(stub().GetInvoice(Ctx("GetInvoice", intruder).get(), r, &out), "GetInvoice");
  }
  {
    pb::GetPupilRequest r;
    r.set_name(invoice.pupil());
    pb::Pupil out;
    expect_not_found(stub().GetPupil(Ctx("GetPupil", intruder).get(), r, &out), "GetPupil");
  }
  {
    pb::GetPaymentRequest r;
    r.set_name(payment.name());
    pb::Payment out;
    expect_not_found(stub().GetPayment(Ctx("GetPayment", intruder).get(), r, &out), "GetPayment");
  }
  {
    pb::GetReceiptRequest r;
    r.set_name(payment.receipt());
    pb::Receipt out;
    expect_not_found(stub().GetReceipt(Ctx("GetReceipt", intruder).get(), r, &out), "GetReceipt");
  }
  {
    pb::ListInvoicesRequest r;
    r.set_parent("schools/" + school_);
    pb::ListInvoicesResponse out;
    expect_not_found(stub().ListInvoices(Ctx("ListInvoices", intruder).get(), r, &out), "ListInvoices");
  }
  {
    pb::RecordPaymentRequest r = PaymentRequest(invoice, 1'000, "");
    pb::Payment out;
    expect_not_found(stub().RecordPayment(Ctx("RecordPayment", intruder).get(), r, &out), "RecordPayment");
  }
  {
    pb::ReversePaymentRequest r;
    r.set_name(payment.name());
    r.set_reason("x");
    r.set_request_id(platform::RandomId());
    pb::Payment out;
    expect_not_found(stub().ReversePayment(Ctx("ReversePayment", intruder).get(), r, &out), "ReversePayment");
  }
  {
    pb::CancelInvoiceRequest r;
    r.set_name(invoice.name());
    r.set_reason("x");
    r.set_request_id(platform::RandomId());
    pb::Invoice out;
    expect_not_found(stub().CancelInvoice(Ctx("CancelInvoice", intruder).get(), r, &out), "CancelInvoice");
  }
  {
    pb::CheckLedgerRequest r;
    r.set_parent("schools/" + school_);
    pb::LedgerCheck out;
    expect_not_found(stub().CheckLedger(Ctx("CheckLedger", intruder).get(), r, &out), "CheckLedger");
  }
  {
    pb::GetFinanceSettingsRequest r;
    r.set_name(absl::StrCat("schools/", school_, "/financeSettings"));
    pb::FinanceSettings out;
    expect_not_found(stub().GetFinanceSettings(Ctx("GetFinanceSettings", intruder).get(), r, &out),
                     "GetFinanceSettings");
  }
  // The intruder's own books are empty and nothing of ours changed.
  EXPECT_EQ(GetInvoice(school_, invoice.name()).paid_amount(), 100'000);
}

TEST_F(FinanceServiceTest, StaffSeePupilsWithoutGuardiansAndNoInvoices) {
  pb::Invoice invoice = InvoicedSchool(school_);
  pb::GetPupilRequest get;
  get.set_name(invoice.pupil());
  pb::Pupil pupil;
  ASSERT_GRPC_OK(stub().GetPupil(Ctx("GetPupil", Staff(school_)).get(), get, &pupil));
  EXPECT_EQ(pupil.display_name(), "Nguyễn Ngọc Anh");
  EXPECT_EQ(pupil.guardian_phone(), "");
  ASSERT_GRPC_OK(stub().GetPupil(Ctx("GetPupil", Admin(school_)).get(), get, &pupil));
  EXPECT_EQ(pupil.guardian_phone(), "0909123456");

  pb::GetInvoiceRequest get_invoice;
  get_invoice.set_name(invoice.name());
  pb::Invoice out;
  grpc::Status staff = stub().GetInvoice(Ctx("GetInvoice", Staff(school_)).get(), get_invoice, &out);
  EXPECT_EQ(staff.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  pb::RecordPaymentRequest pay = PaymentRequest(invoice, 1'000, "");
  pb::Payment payment;
  grpc::Status write = stub().RecordPayment(Ctx("RecordPayment", Staff(school_)).get(), pay, &payment);
  EXPECT_EQ(write.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(FinanceServiceTest, InvoicesNeedSettingsAFeeItemOfTheYearAndAnEnrolledPupil) {
  CreatePupil(school_, "an");
  pb::Invoice out;
  grpc::Status no_settings = Invoice(school_, "an", "2026-09", &out);
  EXPECT_EQ(no_settings.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(no_settings), "FINANCE_SETTINGS_INCOMPLETE");

  Configure(school_);
  ASSERT_GRPC_OK(CreateFeeItem(school_, "ban-tru", "ban-tru", 500'000));
  grpc::Status other_year = Invoice(school_, "an", "2026-07", &out);  // belongs to 2025-2026
  EXPECT_EQ(other_year.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(other_year), "invoice.lines[0].fee_item");
  grpc::Status bad_period = Invoice(school_, "an", "2026-13", &out);
  EXPECT_EQ(ViolatedField(bad_period), "invoice.period");

  pb::UpdatePupilRequest left;
  left.mutable_pupil()->set_name(absl::StrCat("schools/", school_, "/pupils/an"));
  left.mutable_pupil()->set_status(pb::PUPIL_STATUS_LEFT);
  left.mutable_update_mask()->add_paths("status");
  left.set_request_id(platform::RandomId());
  pb::Pupil pupil;
  ASSERT_GRPC_OK(stub().UpdatePupil(Ctx("UpdatePupil", Admin(school_)).get(), left, &pupil));
  grpc::Status gone = Invoice(school_, "an", "2026-09", &out);
  EXPECT_EQ(ReasonOf(gone), "PUPIL_LEFT");
}

pb::ImportBankStatementRequest StatementRequest(const std::string& school, const std::string& body) {
  pb::ImportBankStatementRequest request;
  request.set_parent("schools/" + school);
  request.set_format(pb::STATEMENT_FORMAT_GENERIC_CSV);
  request.set_content(
      "transaction_id,booking_time,amount,description,counterparty_name,counterparty_account\n" + body);
  request.set_request_id(platform::RandomId());
  return request;
}

TEST_F(FinanceServiceTest, AStatementPaysSiblingsHoldsTheOverpaymentAndIsRecordedOnce) {
  pb::Invoice an = InvoicedSchool(school_);
  CreatePupil(school_, "binh");
  pb::Invoice binh;
  ASSERT_GRPC_OK(Invoice(school_, "binh", "2026-09", &binh));
  const std::string body = absl::StrCat(
      // Both siblings in one transfer, 100,000 more than owed, mangled by the bank.
      "FT1,2026-09-14 10:00:00,1100000,", absl::AsciiStrToLower(an.payment_reference()), " ",
      binh.payment_reference().substr(0, 8), "-", binh.payment_reference().substr(8),
      " nop hoc phi,TRAN THI MAI,01\n", "FT2,2026-09-14 11:00:00,300000,chuyen tien an,LE VAN C,02\n",
      "FT3,2026-09-14 12:00:00,-11000,Phi quan ly tai khoan,,\n");
  pb::ImportBankStatementRequest request = StatementRequest(school_, body);
  pb::BankStatementImport imported;
  ASSERT_GRPC_OK(
      stub().ImportBankStatement(Ctx("ImportBankStatement", Admin(school_)).get(), request, &imported));
  EXPECT_TRUE(imported.applied());
  EXPECT_EQ(imported.line_count(), 3);
  EXPECT_EQ(imported.matched_count(), 1);
  EXPECT_EQ(imported.unmatched_count(), 2);
  ASSERT_EQ(imported.lines_size(), 3);
  const pb::BankStatementLine& siblings = imported.lines(0);
  EXPECT_EQ(siblings.match_state(), pb::MATCH_STATE_MATCHED);
  EXPECT_EQ(siblings.payments_size(), 2);
  EXPECT_EQ(siblings.credited_amount(), 100'000);
  EXPECT_EQ(imported.lines(1).unmatched_reason(), pb::UNMATCHED_REASON_NO_REFERENCE);
  EXPECT_EQ(imported.lines(2).unmatched_reason(), pb::UNMATCHED_REASON_DEBIT);
  EXPECT_EQ(GetInvoice(school_, an.name()).state(), pb::INVOICE_STATE_PAID);
  EXPECT_EQ(GetInvoice(school_, binh.name()).state(), pb::INVOICE_STATE_PAID);

  // The same file again, under a new key: every line a duplicate, nothing changes.
  request.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(
      stub().ImportBankStatement(Ctx("ImportBankStatement", Admin(school_)).get(), request, &imported));
  EXPECT_EQ(imported.duplicate_count(), 3);
  EXPECT_EQ(imported.matched_count() + imported.unmatched_count(), 0);

  // The unmatched transfer is matched by hand to a new invoice; the bank fee is ignored.
  CreatePupil(school_, "chi");
  pb::Invoice chi;
  ASSERT_GRPC_OK(Invoice(school_, "chi", "2026-09", &chi));
  pb::ListBankStatementLinesRequest list;
  list.set_parent("schools/" + school_);
  list.add_match_states(pb::MATCH_STATE_UNMATCHED);
  pb::ListBankStatementLinesResponse waiting;
  ASSERT_GRPC_OK(
      stub().ListBankStatementLines(Ctx("ListBankStatementLines", Admin(school_)).get(), list, &waiting));
  ASSERT_EQ(waiting.lines_size(), 2);
  pb::MatchBankStatementLineRequest match;
  match.set_name(waiting.lines(0).name());
  match.set_invoice(chi.name());
  match.set_note("Phụ huynh bé Chi gọi điện xác nhận");
  match.set_request_id(platform::RandomId());
  pb::BankStatementLine matched;
  ASSERT_GRPC_OK(
      stub().MatchBankStatementLine(Ctx("MatchBankStatementLine", Admin(school_)).get(), match, &matched));
  EXPECT_EQ(matched.match_state(), pb::MATCH_STATE_MATCHED);
  EXPECT_EQ(matched.resolution_note(), "Phụ huynh bé Chi gọi điện xác nhận");
  EXPECT_EQ(GetInvoice(school_, chi.name()).paid_amount(), 300'000);
  match.set_request_id(platform::RandomId());
  grpc::Status twice =
      stub().MatchBankStatementLine(Ctx("MatchBankStatementLine", Admin(school_)).get(), match, &matched);
  EXPECT_EQ(ReasonOf(twice), "LINE_RESOLVED");
  pb::IgnoreBankStatementLineRequest ignore;
  ignore.set_name(waiting.lines(1).name());
  ignore.set_note("Phí ngân hàng, không phải khoản thu");
  ignore.set_request_id(platform::RandomId());
  pb::BankStatementLine ignored;
  ASSERT_GRPC_OK(
      stub().IgnoreBankStatementLine(Ctx("IgnoreBankStatementLine", Admin(school_)).get(), ignore, &ignored));
  EXPECT_EQ(ignored.match_state(), pb::MATCH_STATE_IGNORED);

  // The 100,000 held for the family pays the next month, then nothing is left.
  pb::Invoice october;
  ASSERT_GRPC_OK(Invoice(school_, "an", "2026-10", &october));
  pb::ListPayerCreditsRequest credits;
  credits.set_parent("schools/" + school_);
  pb::ListPayerCreditsResponse held;
  ASSERT_GRPC_OK(stub().ListPayerCredits(Ctx("ListPayerCredits", Admin(school_)).get(), credits, &held));
  ASSERT_EQ(held.payer_credits_size(), 1);
  EXPECT_EQ(held.payer_credits(0).remaining(), 100'000);
  EXPECT_EQ(held.payer_credits(0).pupil(), an.pupil());
  pb::ApplyPayerCreditRequest apply;
  apply.set_name(held.payer_credits(0).name());
  apply.set_invoice(october.name());
  apply.set_request_id(platform::RandomId());
  pb::PayerCredit used;
  ASSERT_GRPC_OK(stub().ApplyPayerCredit(Ctx("ApplyPayerCredit", Admin(school_)).get(), apply, &used));
  EXPECT_EQ(used.remaining(), 0);
  EXPECT_EQ(used.state(), pb::CREDIT_STATE_USED);
  EXPECT_EQ(GetInvoice(school_, october.name()).balance(), 400'000);

  pb::LedgerCheck check = Check(school_);
  EXPECT_TRUE(check.ok()) << check.ShortDebugString();
  pb::ListLedgerAccountsRequest accounts_request;
  accounts_request.set_parent("schools/" + school_);
  pb::ListLedgerAccountsResponse accounts;
  ASSERT_GRPC_OK(stub().ListLedgerAccounts(Ctx("ListLedgerAccounts", Admin(school_)).get(), accounts_request,
                                           &accounts));
  std::map<std::string, int64_t> balance;
  for (const pb::LedgerAccount& a : accounts.ledger_accounts()) balance[a.code()] = a.balance();
  EXPECT_EQ(balance["bank"], 1'400'000);  // 1,100,000 + 300,000 received
  EXPECT_EQ(balance["suspense"], 0);
  EXPECT_EQ(balance["receivables"], 600'000);  // Chi owes 200,000, An's October 400,000
}

TEST_F(FinanceServiceTest, ABadStatementRecordsNothingUnlessToldToSkipBadLines) {
  pb::Invoice an = InvoicedSchool(school_);
  const std::string body = absl::StrCat("FT1,2026-09-14,500000,", an.payment_reference(), ",,\n",
                                        "FT2,14/09/2026,200000,x,,\n", "FT3,2026-10-01,100000,future,,\n");
  pb::ImportBankStatementRequest request = StatementRequest(school_, body);
  pb::BankStatementImport imported;
  ASSERT_GRPC_OK(
      stub().ImportBankStatement(Ctx("ImportBankStatement", Admin(school_)).get(), request, &imported));
  EXPECT_FALSE(imported.applied());
  ASSERT_EQ(imported.errors_size(), 2);
  EXPECT_EQ(imported.errors(0).line(), 3);
  EXPECT_EQ(imported.errors(0).column(), "booking_time");
  EXPECT_EQ(imported.errors(1).line(), 4);  // booked after "now" (15/9/2026)
  EXPECT_EQ(imported.errors(1).column(), "booking_time");
  EXPECT_EQ(GetInvoice(school_, an.name()).paid_amount(), 0);

  request.set_skip_invalid_lines(true);
  request.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(
      stub().ImportBankStatement(Ctx("ImportBankStatement", Admin(school_)).get(), request, &imported));
  EXPECT_TRUE(imported.applied());
  EXPECT_EQ(imported.matched_count(), 1);
  EXPECT_EQ(GetInvoice(school_, an.name()).state(), pb::INVOICE_STATE_PAID);

  // A file that is not UTF-8 is refused whole, naming the line.
  request.set_content(
      "transaction_id,booking_time,amount,description,counterparty_name,counterparty_account\n"
      "FT9,2026-09-14,5000,N\xF4p ti\xEAn,,\n");
  request.set_request_id(platform::RandomId());
  grpc::Status latin =
      stub().ImportBankStatement(Ctx("ImportBankStatement", Admin(school_)).get(), request, &imported);
  EXPECT_EQ(latin.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(latin), "content");
  // Bank presets parhub has not verified are refused with the way out.
  request.set_format(pb::STATEMENT_FORMAT_VCB_CSV);
  request.set_request_id(platform::RandomId());
  grpc::Status preset =
      stub().ImportBankStatement(Ctx("ImportBankStatement", Admin(school_)).get(), request, &imported);
  EXPECT_EQ(ViolatedField(preset), "format");
  EXPECT_TRUE(Check(school_).ok());
}

TEST_F(FinanceServiceTest, APushedLineIsRecordedOnceAndAnotherSchoolCannotSeeIt) {
  pb::Invoice an = InvoicedSchool(school_);
  pb::ImportBankStatementLineRequest push;
  push.set_parent("schools/" + school_);
  pb::BankStatementLine* line = push.mutable_line();
  line->set_bank_transaction_id("FT26258999");
  *line->mutable_booking_time() = platform::TimeToProto(At(2026, 9, 15, 7));
  line->set_amount(200'000);
  line->set_description(absl::StrCat("MBVCB.123 ", an.payment_reference(), " CT tu 0123"));
  push.set_request_id(platform::RandomId());
  pb::BankStatementLine first, again;
  ASSERT_GRPC_OK(
      stub().ImportBankStatementLine(Ctx("ImportBankStatementLine", Admin(school_)).get(), push, &first));
  EXPECT_EQ(first.match_state(), pb::MATCH_STATE_MATCHED);
  push.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(
      stub().ImportBankStatementLine(Ctx("ImportBankStatementLine", Admin(school_)).get(), push, &again));
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(GetInvoice(school_, an.name()).paid_amount(), 200'000);

  pb::GetBankStatementLineRequest get;
  get.set_name(first.name());
  pb::BankStatementLine seen;
  grpc::Status other =
      stub().GetBankStatementLine(Ctx("GetBankStatementLine", Admin(other_)).get(), get, &seen);
  EXPECT_EQ(other.error_code(), grpc::StatusCode::NOT_FOUND);
  pb::MatchBankStatementLineRequest match;
  match.set_name(first.name());
  match.set_invoice(absl::StrCat("schools/", other_, "/invoices/x"));
  match.set_note("x");
  match.set_request_id(platform::RandomId());
  grpc::Status cross =
      stub().MatchBankStatementLine(Ctx("MatchBankStatementLine", Admin(other_)).get(), match, &seen);
  EXPECT_EQ(cross.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(FinanceServiceTest, SpendingSummaryAndThePublishedDisclosure) {
  pb::Invoice an = InvoicedSchool(school_);
  pb::Payment payment;
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(an, 300'000, "FT26258000100"), &payment));  // cashless
  CreatePupil(school_, "binh");
  pb::Invoice binh;
  ASSERT_GRPC_OK(Invoice(school_, "binh", "2026-09", &binh));
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(binh, 100'000, ""), &payment));  // cash

  pb::CreateExpenditureRequest spend;
  spend.set_parent("schools/" + school_);
  pb::Expenditure* e = spend.mutable_expenditure();
  *e->mutable_spend_date() = ProtoDate(2026, 9, 14);
  e->set_amount(150'000);
  e->set_method(pb::PAYMENT_METHOD_BANK_TRANSFER);
  e->set_payee("Công ty TNHH Thực phẩm An Toàn");
  e->set_purpose("Mua thực phẩm bán trú");
  e->set_category("an-uong");
  e->set_document_number("PC-0912");
  spend.set_request_id(platform::RandomId());
  pb::Expenditure food;
  ASSERT_GRPC_OK(stub().CreateExpenditure(Ctx("CreateExpenditure", Admin(school_)).get(), spend, &food));
  e->set_amount(50'000);
  e->set_method(pb::PAYMENT_METHOD_CASH);
  e->set_category("van-phong-pham");
  spend.set_request_id(platform::RandomId());
  pb::Expenditure pens;
  ASSERT_GRPC_OK(stub().CreateExpenditure(Ctx("CreateExpenditure", Admin(school_)).get(), spend, &pens));
  e->set_amount(70'000);
  spend.set_request_id(platform::RandomId());
  pb::Expenditure wrong;
  ASSERT_GRPC_OK(stub().CreateExpenditure(Ctx("CreateExpenditure", Admin(school_)).get(), spend, &wrong));
  pb::ReverseExpenditureRequest reverse;
  reverse.set_name(wrong.name());
  reverse.set_reason("Nhập trùng chứng từ PC-0912");
  reverse.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().ReverseExpenditure(Ctx("ReverseExpenditure", Admin(school_)).get(), reverse, &wrong));
  EXPECT_TRUE(wrong.reversed());
  reverse.set_request_id(platform::RandomId());
  grpc::Status twice =
      stub().ReverseExpenditure(Ctx("ReverseExpenditure", Admin(school_)).get(), reverse, &wrong);
  EXPECT_EQ(ReasonOf(twice), "EXPENDITURE_REVERSED");
  // Bad spending changes nothing.
  e->set_amount(-1);
  spend.set_request_id(platform::RandomId());
  pb::Expenditure refused;
  grpc::Status bad =
      stub().CreateExpenditure(Ctx("CreateExpenditure", Admin(school_)).get(), spend, &refused);
  EXPECT_EQ(ViolatedField(bad), "expenditure.amount");

  pb::SummarizeFinanceRequest summarize;
  summarize.set_school("schools/" + school_);
  *summarize.mutable_period_start() = ProtoDate(2026, 9, 1);
  *summarize.mutable_period_end() = ProtoDate(2026, 9, 30);
  pb::FinanceSummary summary;
  ASSERT_GRPC_OK(stub().SummarizeFinance(Ctx("SummarizeFinance", Admin(school_)).get(), summarize, &summary));
  EXPECT_EQ(summary.invoice_count(), 2);
  EXPECT_EQ(summary.invoiced_amount(), 1'000'000);
  EXPECT_EQ(summary.collected_count(), 2);
  EXPECT_EQ(summary.collected_amount(), 400'000);
  EXPECT_DOUBLE_EQ(summary.cashless_share_amount(), 75.0);
  EXPECT_DOUBLE_EQ(summary.cashless_share_count(), 50.0);
  EXPECT_EQ(summary.spent_count(), 2);
  EXPECT_EQ(summary.spent_amount(), 200'000);
  EXPECT_DOUBLE_EQ(summary.spending_cashless_share_amount(), 75.0);
  EXPECT_EQ(summary.outstanding_receivables(), 600'000);
  EXPECT_DOUBLE_EQ(summary.collection_rate(), 40.0);  // 400,000 of 1,000,000 due on 30/9
  EXPECT_EQ(summary.receipts_issued(), 2);
  EXPECT_EQ(summary.ledger_ok(), 1);
  EXPECT_EQ(summary.disclosure_published(), 0);
  *summarize.mutable_period_end() = ProtoDate(2026, 8, 1);
  grpc::Status backwards =
      stub().SummarizeFinance(Ctx("SummarizeFinance", Admin(school_)).get(), summarize, &summary);
  EXPECT_EQ(ViolatedField(backwards), "period_end");

  // The public desk (a service caller) sees nothing until the school publishes.
  const Caller public_desk = ::parhub::testing::TestCaller(Role::kService, "");
  pb::GetFinancialDisclosureRequest get;
  get.set_school("schools/" + school_);
  get.set_school_year("2026-2027");
  pb::FinancialDisclosure disclosure;
  grpc::Status unpublished =
      stub().GetFinancialDisclosure(Ctx("GetFinancialDisclosure", public_desk).get(), get, &disclosure);
  EXPECT_EQ(unpublished.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ReasonOf(unpublished), "DISCLOSURE_NOT_PUBLISHED");
  pb::PublishFinancialDisclosureRequest publish;
  publish.set_school("schools/" + school_);
  publish.set_school_year("2026-2027");
  publish.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().PublishFinancialDisclosure(Ctx("PublishFinancialDisclosure", Admin(school_)).get(),
                                                   publish, &disclosure));
  ASSERT_GRPC_OK(
      stub().GetFinancialDisclosure(Ctx("GetFinancialDisclosure", public_desk).get(), get, &disclosure));
  EXPECT_TRUE(disclosure.has_publish_time());
  ASSERT_EQ(disclosure.fee_items_size(), 1);
  EXPECT_EQ(disclosure.fee_items(0).legal_basis(), "Nghị quyết 18/2025/NQ-HĐND");
  EXPECT_EQ(disclosure.fee_items(0).name(), "");
  ASSERT_EQ(disclosure.collected_size(), 1);
  EXPECT_EQ(disclosure.collected(0).code(), "BAN-TRU");
  EXPECT_EQ(disclosure.collected(0).amount(), 400'000);
  ASSERT_EQ(disclosure.spent_size(), 2);
  EXPECT_EQ(disclosure.spent(0).code(), "an-uong");
  EXPECT_EQ(disclosure.spent(0).amount(), 150'000);
  EXPECT_DOUBLE_EQ(disclosure.cashless_share_amount(), 75.0);
  // No personal data anywhere in it.
  EXPECT_EQ(disclosure.DebugString().find("Nguyễn"), std::string::npos);
  EXPECT_EQ(disclosure.DebugString().find("0909"), std::string::npos);
  ASSERT_GRPC_OK(stub().SummarizeFinance(
      Ctx("SummarizeFinance", Admin(school_)).get(),
      [&] {
        pb::SummarizeFinanceRequest r = summarize;
        *r.mutable_period_end() = ProtoDate(2026, 9, 30);
        return r;
      }(),
      &summary));
  EXPECT_EQ(summary.disclosure_published(), 1);
  // Another school's admin cannot read or publish it.
  grpc::Status other =
      stub().GetFinancialDisclosure(Ctx("GetFinancialDisclosure", Admin(other_)).get(), get, &disclosure);
  EXPECT_EQ(other.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(FinanceServiceTest, AFamilySeesItsOwnInvoicesByCodeAndSlipSecretOnly) {
  pb::Invoice an = InvoicedSchool(school_);
  pb::Payment payment;
  ASSERT_GRPC_OK(Pay(school_, PaymentRequest(an, 200'000, "FT26258000200"), &payment));
  CreatePupil(school_, "binh");
  pb::GetPupilRequest get;
  get.set_name(an.pupil());
  pb::Pupil pupil;
  ASSERT_GRPC_OK(stub().GetPupil(Ctx("GetPupil", Admin(school_)).get(), get, &pupil));
  ASSERT_EQ(pupil.slip_secret().size(), 10u);
  get.set_name(absl::StrCat("schools/", school_, "/pupils/binh"));
  pb::Pupil sibling;
  ASSERT_GRPC_OK(stub().GetPupil(Ctx("GetPupil", Admin(school_)).get(), get, &sibling));
  pb::Pupil staff_view;
  ASSERT_GRPC_OK(stub().GetPupil(Ctx("GetPupil", Staff(school_)).get(), get, &staff_view));
  EXPECT_EQ(staff_view.slip_secret(), "");

  const Caller public_desk = ::parhub::testing::TestCaller(Role::kService, "");
  pb::LookUpFamilyAccountRequest lookup;
  lookup.set_school("schools/" + school_);
  lookup.set_pupil_code(absl::AsciiStrToLower(pupil.pupil_code()));
  lookup.set_slip_secret(absl::StrCat(absl::AsciiStrToLower(pupil.slip_secret().substr(0, 5)), "-",
                                      pupil.slip_secret().substr(5)));
  pb::FamilyAccount account;
  ASSERT_GRPC_OK(stub().LookUpFamilyAccount(Ctx("LookUpFamilyAccount", public_desk).get(), lookup, &account));
  EXPECT_EQ(account.pupil_code(), pupil.pupil_code());
  ASSERT_EQ(account.invoices_size(), 1);
  EXPECT_EQ(account.balance(), 300'000);
  absl::StatusOr<VietQrTransfer> qr = ReadVietQr(account.invoices(0).vietqr_payload());
  ASSERT_TRUE(qr.ok()) << qr.status();
  EXPECT_EQ(qr->amount, 300'000);
  ASSERT_EQ(account.receipts_size(), 1);
  EXPECT_EQ(account.receipts(0).payer_name(), "");
  // The receipt offers the short satisfaction survey; reporting derives the
  // same code from the shared key.
  const pb::Receipt& receipted = account.receipts(0);
  ASSERT_TRUE(receipted.has_feedback());
  EXPECT_EQ(receipted.feedback().touchpoint(), parhub::common::v1::FEEDBACK_TOUCHPOINT_PAYMENT_RECEIPTED);
  EXPECT_EQ(receipted.feedback().school(), "schools/" + school_);
  EXPECT_EQ(receipted.feedback().subject(), receipted.number());
  EXPECT_TRUE(platform::FeedbackCodeMatches(kFeedbackKey, platform::kFeedbackPaymentReceipted, school_,
                                            receipted.number(), receipted.feedback().code()));
  EXPECT_EQ(account.DebugString().find("0909123456"), std::string::npos);  // no guardian phone
  EXPECT_EQ(account.DebugString().find("Nguyễn Văn Bình"), std::string::npos);

  // The sibling's secret does not open this pupil; a wrong secret is the same NOT_FOUND.
  lookup.set_slip_secret(sibling.slip_secret());
  grpc::Status wrong =
      stub().LookUpFamilyAccount(Ctx("LookUpFamilyAccount", public_desk).get(), lookup, &account);
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::NOT_FOUND);
  lookup.set_pupil_code("HS-khong-co");
  grpc::Status no_pupil =
      stub().LookUpFamilyAccount(Ctx("LookUpFamilyAccount", public_desk).get(), lookup, &account);
  EXPECT_EQ(no_pupil.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(no_pupil.error_message(), wrong.error_message());
  // Only the public desk calls it.
  lookup.set_pupil_code(pupil.pupil_code());
  lookup.set_slip_secret(pupil.slip_secret());
  grpc::Status admin =
      stub().LookUpFamilyAccount(Ctx("LookUpFamilyAccount", Admin(school_)).get(), lookup, &account);
  EXPECT_EQ(admin.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // A lost slip: the office draws a new secret and the old one stops working.
  pb::UpdatePupilRequest redraw;
  redraw.mutable_pupil()->set_name(pupil.name());
  redraw.mutable_update_mask()->add_paths("slip_secret");
  redraw.set_request_id(platform::RandomId());
  pb::Pupil redrawn;
  ASSERT_GRPC_OK(stub().UpdatePupil(Ctx("UpdatePupil", Admin(school_)).get(), redraw, &redrawn));
  ASSERT_EQ(redrawn.slip_secret().size(), 10u);
  EXPECT_NE(redrawn.slip_secret(), pupil.slip_secret());
  const Caller desk = ::parhub::testing::TestCaller(Role::kService, "");
  grpc::Status old_secret =
      stub().LookUpFamilyAccount(Ctx("LookUpFamilyAccount", desk).get(), lookup, &account);
  EXPECT_EQ(old_secret.error_code(), grpc::StatusCode::NOT_FOUND);
  lookup.set_slip_secret(redrawn.slip_secret());
  ASSERT_GRPC_OK(stub().LookUpFamilyAccount(Ctx("LookUpFamilyAccount", desk).get(), lookup, &account));
  // Another school's name with this pupil's code and secret finds nothing.
  lookup.set_school("schools/" + other_);
  grpc::Status other =
      stub().LookUpFamilyAccount(Ctx("LookUpFamilyAccount", public_desk).get(), lookup, &account);
  EXPECT_EQ(other.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(FinanceServiceTest, ACreditIsRefundedAtMostWhatIsLeftAndTakesBackWhatAReversedPaymentTookFromIt) {
  pb::Invoice an = InvoicedSchool(school_);
  pb::ImportBankStatementRequest request = StatementRequest(
      school_, absl::StrCat("FT1,2026-09-14 10:00:00,700000,", an.payment_reference(), ",,\n"));
  pb::BankStatementImport imported;
  ASSERT_GRPC_OK(
      stub().ImportBankStatement(Ctx("ImportBankStatement", Admin(school_)).get(), request, &imported));
  ASSERT_EQ(imported.lines_size(), 1);
  EXPECT_EQ(imported.lines(0).credited_amount(), 200'000);
  EXPECT_EQ(imported.lines(0).payments_size(), 1);
  const std::string credit = imported.lines(0).payer_credit();

  pb::RefundPayerCreditRequest refund;
  refund.set_name(credit);
  refund.set_amount(250'000);
  refund.set_note("Chuyển trả phụ huynh");
  refund.set_request_id(platform::RandomId());
  pb::PayerCredit out;
  grpc::Status too_much =
      stub().RefundPayerCredit(Ctx("RefundPayerCredit", Admin(school_)).get(), refund, &out);
  EXPECT_EQ(ViolatedField(too_much), "amount");
  refund.set_amount(50'000);
  refund.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().RefundPayerCredit(Ctx("RefundPayerCredit", Admin(school_)).get(), refund, &out));
  EXPECT_EQ(out.remaining(), 150'000);
  ASSERT_EQ(out.refund_notes_size(), 1);
  // Another school cannot touch it.
  refund.set_request_id(platform::RandomId());
  grpc::Status other = stub().RefundPayerCredit(Ctx("RefundPayerCredit", Admin(other_)).get(), refund, &out);
  EXPECT_EQ(other.error_code(), grpc::StatusCode::NOT_FOUND);

  // The rest pays next month. Reversing that payment gives the credit its
  // money back, so it can pay again.
  pb::Invoice october;
  ASSERT_GRPC_OK(Invoice(school_, "an", "2026-10", &october));
  pb::ApplyPayerCreditRequest apply;
  apply.set_name(credit);
  apply.set_invoice(october.name());
  apply.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().ApplyPayerCredit(Ctx("ApplyPayerCredit", Admin(school_)).get(), apply, &out));
  EXPECT_EQ(out.state(), pb::CREDIT_STATE_USED);
  apply.set_request_id(platform::RandomId());
  grpc::Status used = stub().ApplyPayerCredit(Ctx("ApplyPayerCredit", Admin(school_)).get(), apply, &out);
  EXPECT_EQ(ReasonOf(used), "CREDIT_USED");
  pb::ListPaymentsRequest list;
  list.set_parent("schools/" + school_);
  list.set_invoice(october.name());
  pb::ListPaymentsResponse payments;
  ASSERT_GRPC_OK(stub().ListPayments(Ctx("ListPayments", Admin(school_)).get(), list, &payments));
  ASSERT_EQ(payments.payments_size(), 1);
  EXPECT_EQ(payments.payments(0).method(), pb::PAYMENT_METHOD_CREDIT);
  pb::ReversePaymentRequest reverse;
  reverse.set_name(payments.payments(0).name());
  reverse.set_reason("thử");
  reverse.set_request_id(platform::RandomId());
  EXPECT_EQ(payments.payments(0).payer_credit(), credit);
  EXPECT_EQ(payments.payments(0).amount(), 150'000);
  pb::Payment reversed;
  // Another school cannot reverse it.
  grpc::Status elsewhere =
      stub().ReversePayment(Ctx("ReversePayment", Admin(other_)).get(), reverse, &reversed);
  EXPECT_EQ(elsewhere.error_code(), grpc::StatusCode::NOT_FOUND);
  ASSERT_GRPC_OK(stub().ReversePayment(Ctx("ReversePayment", Admin(school_)).get(), reverse, &reversed));
  EXPECT_EQ(reversed.state(), pb::PAYMENT_STATE_REVERSED);
  EXPECT_TRUE(Check(school_).ok());
  pb::ListPayerCreditsRequest credits_request;
  credits_request.set_parent("schools/" + school_);
  credits_request.set_include_used(true);
  pb::ListPayerCreditsResponse credits;
  ASSERT_GRPC_OK(
      stub().ListPayerCredits(Ctx("ListPayerCredits", Admin(school_)).get(), credits_request, &credits));
  ASSERT_EQ(credits.payer_credits_size(), 1);
  EXPECT_EQ(credits.payer_credits(0).state(), pb::CREDIT_STATE_OPEN);
  EXPECT_EQ(credits.payer_credits(0).remaining(), 150'000);
  pb::GetInvoiceRequest get_october;
  get_october.set_name(october.name());
  pb::Invoice october_now;
  ASSERT_GRPC_OK(stub().GetInvoice(Ctx("GetInvoice", Admin(school_)).get(), get_october, &october_now));
  EXPECT_EQ(october_now.paid_amount(), 0);
  // Reversed twice is refused and changes nothing.
  reverse.set_request_id(platform::RandomId());
  grpc::Status twice = stub().ReversePayment(Ctx("ReversePayment", Admin(school_)).get(), reverse, &reversed);
  EXPECT_EQ(ReasonOf(twice), "PAYMENT_REVERSED");
  // The credit pays October again.
  apply.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().ApplyPayerCredit(Ctx("ApplyPayerCredit", Admin(school_)).get(), apply, &out));
  EXPECT_EQ(out.state(), pb::CREDIT_STATE_USED);
  EXPECT_EQ(out.remaining(), 0);
  // Nor can a caller record a credit payment by hand.
  pb::RecordPaymentRequest by_hand = PaymentRequest(october, 1'000, "");
  by_hand.mutable_payment()->set_method(pb::PAYMENT_METHOD_CREDIT);
  grpc::Status forged = Pay(school_, by_hand, &reversed);
  EXPECT_EQ(ViolatedField(forged), "payment.method");

  pb::ListLedgerAccountsRequest accounts_request;
  accounts_request.set_parent("schools/" + school_);
  pb::ListLedgerAccountsResponse accounts;
  ASSERT_GRPC_OK(stub().ListLedgerAccounts(Ctx("ListLedgerAccounts", Admin(school_)).get(), accounts_request,
                                           &accounts));
  std::map<std::string, int64_t> balance;
  for (const pb::LedgerAccount& a : accounts.ledger_accounts()) balance[a.code()] = a.balance();
  EXPECT_EQ(balance["bank"], 650'000);  // 700,000 in, 50,000 back
  EXPECT_EQ(balance["suspense"], 0);
  pb::LedgerCheck held = Check(school_);
  EXPECT_TRUE(held.ok());
  EXPECT_EQ(held.suspense_balance(), 0);
  EXPECT_EQ(held.credits_remaining(), 0);
  // A credit changed behind the ledger's back is found.
  ASSERT_TRUE(harness->server->db()
                  .Execute("UPDATE payer_credits SET remaining = remaining + 1 WHERE school_id = ?",
                           {platform::Str(school_)})
                  .ok());
  pb::LedgerCheck tampered = Check(school_);
  EXPECT_FALSE(tampered.ok());
  EXPECT_TRUE(tampered.balanced());
  EXPECT_EQ(tampered.suspense_balance(), 0);
  EXPECT_EQ(tampered.credits_remaining(), 1);
}

TEST_F(FinanceServiceTest, ADryRunClassListWritesNothing) {
  Configure(school_);
  pb::ImportPupilsRequest import;
  import.set_parent("schools/" + school_);
  import.set_csv("pupil_code,full_name,class\nHS-1,Lý Gia Hân,Lá 2\n");
  import.set_dry_run(true);
  pb::ImportPupilsResponse result;
  ASSERT_GRPC_OK(stub().ImportPupils(Ctx("ImportPupils", Admin(school_)).get(), import, &result));
  EXPECT_EQ(result.created_count(), 1);
  EXPECT_FALSE(result.applied());
  pb::ListPupilsRequest list;
  list.set_parent("schools/" + school_);
  pb::ListPupilsResponse pupils;
  ASSERT_GRPC_OK(stub().ListPupils(Ctx("ListPupils", Admin(school_)).get(), list, &pupils));
  EXPECT_EQ(pupils.pupils_size(), 0);
}

// Meal refunds: absent days recorded for September are paid back once on
// October's invoice, against the meal charge; a refunded count cannot
// change; cancelling the invoice frees the days for the next one; bad
// registers and bad refund plans change nothing.
TEST_F(FinanceServiceTest, MealAbsencesAreRefundedOnceOnALaterInvoice) {
  Configure(school_);
  ASSERT_GRPC_OK(CreateFeeItem(school_, "ban-tru", "ban-tru", 500'000));
  ASSERT_GRPC_OK(CreateFeeItem(school_, "tien-an", "khac", 600'000));
  CreatePupil(school_, "an");
  CreatePupil(school_, "binh");
  SetNow(At(2026, 10, 5));
  const std::string parent = "schools/" + school_;
  auto pupil = [&](const std::string& id) { return absl::StrCat(parent, "/pupils/", id); };
  auto record = [&](const std::string& period, std::vector<std::pair<std::string, int>> entries,
                    pb::RecordMealAbsencesResponse* out) {
    pb::RecordMealAbsencesRequest request;
    request.set_parent(parent);
    request.set_period(period);
    for (const auto& [id, days] : entries) {
      pb::MealAbsence* a = request.add_absences();
      a->set_pupil(pupil(id));
      a->set_days(days);
      a->set_note("ốm, phụ huynh báo trước");
    }
    request.set_request_id(platform::RandomId());
    return stub().RecordMealAbsences(Ctx("RecordMealAbsences", Admin(school_)).get(), request, out);
  };
  auto absences = [&](const std::string& period) {
    pb::ListMealAbsencesRequest request;
    request.set_parent(parent);
    request.set_period(period);
    pb::ListMealAbsencesResponse out;
    EXPECT_TRUE(stub().ListMealAbsences(Ctx("ListMealAbsences", Admin(school_)).get(), request, &out).ok());
    return out;
  };
  auto batch = [&](const std::string& period, const std::string& absence_period, int64_t daily,
                   const std::string& basis, const std::string& meal_item,
                   pb::BatchCreateInvoicesResponse* out) {
    pb::BatchCreateInvoicesRequest request;
    request.set_parent(parent);
    request.set_period(period);
    request.add_fee_items(parent + "/feeItems/ban-tru");
    request.add_fee_items(parent + "/feeItems/tien-an");
    *request.mutable_due_date() = ProtoDate(2026, 12, 31);
    pb::MealRefund* refund = request.mutable_meal_refund();
    refund->set_absence_period(absence_period);
    refund->set_fee_item(parent + "/feeItems/" + meal_item);
    refund->set_daily_amount(daily);
    refund->set_legal_basis(basis);
    request.set_request_id(platform::RandomId());
    return stub().BatchCreateInvoices(Ctx("BatchCreateInvoices", Admin(school_)).get(), request, out);
  };
  const std::string basis = "Thông báo các khoản thu năm học 2026-2027 của trường, mục 4";

  pb::RecordMealAbsencesResponse recorded;
  ASSERT_GRPC_OK(record("2026-09", {{"an", 3}, {"binh", 0}}, &recorded));
  EXPECT_EQ(recorded.recorded_count(), 1);
  EXPECT_EQ(recorded.removed_count(), 0);

  // Bad registers are refused by field and change nothing.
  EXPECT_EQ(ViolatedField(record("2026-11", {{"an", 1}}, &recorded)), "period");             // not begun
  EXPECT_EQ(ViolatedField(record("2026-09", {{"an", 31}}, &recorded)), "absences[0].days");  // 30 days
  EXPECT_EQ(ViolatedField(record("2026-09", {{"an", -1}}, &recorded)), "absences[0].days");
  EXPECT_EQ(ViolatedField(record("2026-09", {{"khong-co", 2}}, &recorded)), "absences[0].pupil");
  EXPECT_EQ(ViolatedField(record("2026-09", {{"binh", 2}, {"binh", 1}}, &recorded)), "absences[1].pupil");
  EXPECT_EQ(ViolatedField(record("2026-9", {{"an", 1}}, &recorded)), "period");
  pb::ListMealAbsencesResponse september = absences("2026-09");
  ASSERT_EQ(september.absences_size(), 1);
  EXPECT_EQ(september.absences(0).pupil(), pupil("an"));
  EXPECT_EQ(september.absences(0).pupil_code(), "HS-AN");
  EXPECT_EQ(september.absences(0).days(), 3);
  EXPECT_TRUE(september.absences(0).refunded_on().empty());

  // Bad refund plans are refused by field before anything is issued.
  pb::BatchCreateInvoicesResponse created;
  EXPECT_EQ(ViolatedField(batch("2026-10", "2026-10", 30'000, basis, "tien-an", &created)),
            "meal_refund.absence_period");
  EXPECT_EQ(ViolatedField(batch("2026-10", "2026-09", 0, basis, "tien-an", &created)),
            "meal_refund.daily_amount");
  EXPECT_EQ(ViolatedField(batch("2026-10", "2026-09", 30'000, "", "tien-an", &created)),
            "meal_refund.legal_basis");
  EXPECT_EQ(ViolatedField(batch("2026-10", "2026-09", 30'000, basis, "khong-co", &created)),
            "meal_refund.fee_item");
  // October is not over: its absences cannot be refunded yet, even on November's invoices.
  EXPECT_EQ(ViolatedField(batch("2026-11", "2026-10", 30'000, basis, "tien-an", &created)),
            "meal_refund.absence_period");

  ASSERT_GRPC_OK(batch("2026-10", "2026-09", 30'000, basis, "tien-an", &created));
  EXPECT_EQ(created.created_count(), 2);
  EXPECT_EQ(created.refunded_count(), 1);
  std::map<std::string, pb::Invoice> october;
  for (const std::string& name : created.invoices()) {
    pb::GetInvoiceRequest get;
    get.set_name(name);
    pb::Invoice invoice;
    ASSERT_GRPC_OK(stub().GetInvoice(Ctx("GetInvoice", Admin(school_)).get(), get, &invoice));
    october[invoice.pupil()] = invoice;
  }
  const pb::Invoice& an = october[pupil("an")];
  EXPECT_EQ(an.total_amount(), 500'000 + 600'000 - 90'000);
  ASSERT_EQ(an.lines_size(), 3);
  EXPECT_EQ(an.lines(2).description(), "Hoàn tiền ăn 3 ngày nghỉ tháng 9/2026");
  EXPECT_EQ(an.lines(2).quantity(), 3);
  EXPECT_EQ(an.lines(2).unit_amount(), -30'000);
  EXPECT_EQ(an.lines(2).legal_basis(), basis);
  EXPECT_EQ(an.lines(2).fee_item(), parent + "/feeItems/tien-an");
  EXPECT_EQ(october[pupil("binh")].total_amount(), 1'100'000);
  EXPECT_EQ(absences("2026-09").absences(0).refunded_on(), an.name());

  // Refunded days cannot change (a resend of the same count is accepted);
  // a later batch does not pay them twice.
  grpc::Status changed = record("2026-09", {{"an", 4}}, &recorded);
  EXPECT_EQ(changed.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(changed), "ABSENCE_REFUNDED");
  ASSERT_GRPC_OK(record("2026-09", {{"an", 3}}, &recorded));
  EXPECT_EQ(recorded.recorded_count(), 0);
  SetNow(At(2026, 11, 2));
  ASSERT_GRPC_OK(batch("2026-11", "2026-09", 30'000, basis, "tien-an", &created));
  EXPECT_EQ(created.created_count(), 2);
  EXPECT_EQ(created.refunded_count(), 0);

  // Cancelling October's invoice frees the days for the next invoice.
  pb::CancelInvoiceRequest cancel;
  cancel.set_name(an.name());
  cancel.set_reason("Lập lại hóa đơn");
  cancel.set_request_id(platform::RandomId());
  pb::Invoice cancelled;
  ASSERT_GRPC_OK(stub().CancelInvoice(Ctx("CancelInvoice", Admin(school_)).get(), cancel, &cancelled));
  EXPECT_TRUE(absences("2026-09").absences(0).refunded_on().empty());
  ASSERT_GRPC_OK(batch("2026-10", "2026-09", 30'000, basis, "tien-an", &created));
  EXPECT_EQ(created.created_count(), 1);  // an again; binh still holds October's
  EXPECT_EQ(created.refunded_count(), 1);

  // A refund above the meal charge fails the whole batch.
  ASSERT_GRPC_OK(record("2026-10", {{"binh", 25}}, &recorded));  // 750,000 > 600,000
  grpc::Status too_much = batch("2026-12", "2026-10", 30'000, basis, "tien-an", &created);
  EXPECT_EQ(too_much.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(too_much), "REFUND_EXCEEDS_CHARGE");
  pb::ListInvoicesRequest december;
  december.set_parent(parent);
  december.set_period("2026-12");
  pb::ListInvoicesResponse none;
  ASSERT_GRPC_OK(stub().ListInvoices(Ctx("ListInvoices", Admin(school_)).get(), december, &none));
  EXPECT_EQ(none.invoices_size(), 0);
  EXPECT_TRUE(absences("2026-10").absences(0).refunded_on().empty());

  // A refund that would leave nothing to pay is refused too (meals alone,
  // 20 days at 30,000 = the whole 600,000).
  ASSERT_GRPC_OK(record("2026-10", {{"an", 20}}, &recorded));
  pb::BatchCreateInvoicesRequest meals_only;
  meals_only.set_parent(parent);
  meals_only.set_period("2027-01");
  meals_only.add_fee_items(parent + "/feeItems/tien-an");
  *meals_only.mutable_due_date() = ProtoDate(2026, 12, 31);
  meals_only.mutable_meal_refund()->set_absence_period("2026-10");
  meals_only.mutable_meal_refund()->set_fee_item(parent + "/feeItems/tien-an");
  meals_only.mutable_meal_refund()->set_daily_amount(30'000);
  meals_only.mutable_meal_refund()->set_legal_basis(basis);
  meals_only.set_request_id(platform::RandomId());
  grpc::Status nothing_left =
      stub().BatchCreateInvoices(Ctx("BatchCreateInvoices", Admin(school_)).get(), meals_only, &created);
  EXPECT_EQ(nothing_left.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(nothing_left), "REFUND_EXCEEDS_CHARGE");

  // Another school sees none of it, and its own list is empty.
  pb::ListMealAbsencesRequest own_list;
  own_list.set_parent("schools/" + other_);
  own_list.set_period("2026-09");
  pb::ListMealAbsencesResponse own;
  ASSERT_GRPC_OK(stub().ListMealAbsences(Ctx("ListMealAbsences", Admin(other_)).get(), own_list, &own));
  EXPECT_EQ(own.absences_size(), 0);
  pb::ListMealAbsencesRequest foreign;
  foreign.set_parent(parent);
  foreign.set_period("2026-09");
  pb::ListMealAbsencesResponse hidden;
  EXPECT_EQ(
      stub().ListMealAbsences(Ctx("ListMealAbsences", Admin(other_)).get(), foreign, &hidden).error_code(),
      grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(Check(school_).ok());
}

}  // namespace
}  // namespace parhub::finance
