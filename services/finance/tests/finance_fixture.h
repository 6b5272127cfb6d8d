// The finance service's integration-test fixture: a real gRPC server over
// MariaDB with the embedded fee rules (one per test binary), called with
// signed identities as the gateway sends them, a fixed clock tests may move,
// two fresh schools per test and helpers that configure a school, create fee
// items, pupils, invoices and payments through the API.
#ifndef PARHUB_SERVICES_FINANCE_TESTS_FINANCE_FIXTURE_H_
#define PARHUB_SERVICES_FINANCE_TESTS_FINANCE_FIXTURE_H_

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/proto_values.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "services/finance/rpc/convert.h"
#include "services/finance/rpc/fee_rules_data.h"
#include "services/finance/rpc/finance_service.h"
#include "services/finance/store/mysql_finance_store.h"

namespace parhub::finance {

struct Harness {
  std::atomic<int64_t> now_micros{absl::ToUnixMicros(::parhub::testing::At(2026, 9, 15))};
  std::unique_ptr<::parhub::testing::InProcessServer> server;
  std::unique_ptr<FeeRules> rules;
  std::unique_ptr<MySqlFinanceStore> store;
  std::unique_ptr<Ledger> ledger;
  std::unique_ptr<PayerRegistry> payers;
  std::unique_ptr<FeeSchedule> fees;
  std::unique_ptr<InvoiceDesk> invoices;
  std::unique_ptr<Cashier> cashier;
  std::unique_ptr<PayerCredits> credits;
  std::unique_ptr<Reconciler> reconciler;
  std::unique_ptr<SpendingBook> spending;
  std::unique_ptr<FinanceReports> reports;
  std::unique_ptr<FamilyDesk> families;
  std::unique_ptr<MealAbsenceBook> absences;
  std::unique_ptr<FinanceServiceImpl> service;
  std::unique_ptr<pb::FinanceService::Stub> stub;
};
inline Harness* harness = nullptr;
// The short survey's code key the harness's FamilyDesk derives codes with.
inline const std::string kFeedbackKey(32, 'f');

#define ASSERT_GRPC_OK(expr)                    \
  do {                                          \
    grpc::Status s_ = (expr);                   \
    ASSERT_TRUE(s_.ok()) << s_.error_message(); \
  } while (false)

class FinanceServiceTest : public ::testing::Test {
 protected:
  using Caller = ::parhub::platform::Caller;
  using Role = ::parhub::platform::Role;

  static void SetUpTestSuite() {
    harness = new Harness;
    Clock clock = [] { return absl::FromUnixMicros(harness->now_micros.load()); };
    harness->server = std::make_unique<::parhub::testing::InProcessServer>(
        pb::FinanceService::service_full_name(), "finance", FinanceMigrations());
    auto rules = LoadEmbeddedFeeRules();
    ASSERT_TRUE(rules.ok()) << rules.status();
    harness->rules = std::make_unique<FeeRules>(*std::move(rules));
    harness->store = std::make_unique<MySqlFinanceStore>(harness->server->db());
    harness->ledger = std::make_unique<Ledger>(*harness->store, clock);
    harness->payers = std::make_unique<PayerRegistry>(*harness->store, clock);
    harness->fees = std::make_unique<FeeSchedule>(*harness->store, *harness->rules);
    harness->invoices =
        std::make_unique<InvoiceDesk>(*harness->store, *harness->ledger, *harness->rules, clock);
    harness->cashier =
        std::make_unique<Cashier>(*harness->store, *harness->ledger, *harness->invoices, clock);
    harness->credits =
        std::make_unique<PayerCredits>(*harness->store, *harness->ledger, *harness->cashier, clock);
    harness->reconciler = std::make_unique<Reconciler>(*harness->store, *harness->invoices, *harness->cashier,
                                                       *harness->credits, clock);
    harness->spending = std::make_unique<SpendingBook>(*harness->store, *harness->ledger, clock);
    harness->reports = std::make_unique<FinanceReports>(*harness->store, *harness->ledger, clock);
    harness->families = std::make_unique<FamilyDesk>(*harness->store, *harness->invoices, kFeedbackKey);
    harness->absences = std::make_unique<MealAbsenceBook>(*harness->store, clock);
    harness->service = std::make_unique<FinanceServiceImpl>(
        harness->server->handlers(),
        FinanceDesks{*harness->payers, *harness->fees, *harness->invoices, *harness->cashier,
                     *harness->ledger, *harness->reconciler, *harness->credits, *harness->spending,
                     *harness->reports, *harness->families, *harness->absences});
    harness->server->Start(harness->service.get());
    harness->stub = pb::FinanceService::NewStub(harness->server->channel());
  }
  static void TearDownTestSuite() {
    harness->stub.reset();
    harness->server.reset();
    delete harness;
    harness = nullptr;
  }

  FinanceServiceTest() : school_("s-" + platform::RandomHex(4)), other_("o-" + platform::RandomHex(4)) {
    SetNow(::parhub::testing::At(2026, 9, 15));
  }

  static void SetNow(absl::Time t) { harness->now_micros = absl::ToUnixMicros(t); }
  pb::FinanceService::Stub& stub() { return *harness->stub; }
  Caller Admin(const std::string& school) {
    return ::parhub::testing::TestCaller(Role::kSchoolAdmin, school);
  }
  Caller Staff(const std::string& school) {
    return ::parhub::testing::TestCaller(Role::kSchoolStaff, school);
  }
  std::unique_ptr<grpc::ClientContext> Ctx(const std::string& method, const Caller& caller) {
    return harness->server->Context(caller, method);
  }

  // Bank account, reference prefix, level and area group of a mầm non in a phường.
  void Configure(const std::string& school) {
    pb::UpdateFinanceSettingsRequest request;
    pb::FinanceSettings* s = request.mutable_finance_settings();
    s->set_name(absl::StrCat("schools/", school, "/financeSettings"));
    s->set_bank_bin("970436");
    s->set_account_number("0071000123456");
    s->set_account_name("TRUONG MAM NON 20 10");
    s->set_reference_prefix("MN2010");
    s->set_issuer_name("Trường Mầm non 20/10");
    s->set_receipt_template("01BLP0-001");
    s->set_receipt_series("AA-26E");
    s->set_school_level("mam-non");
    s->set_area_group(1);
    for (const char* path : {"bank_bin", "account_number", "account_name", "reference_prefix", "issuer_name",
                             "receipt_template", "receipt_series", "school_level", "area_group"}) {
      request.mutable_update_mask()->add_paths(path);
    }
    request.set_request_id(platform::RandomId());
    pb::FinanceSettings out;
    ASSERT_GRPC_OK(
        stub().UpdateFinanceSettings(Ctx("UpdateFinanceSettings", Admin(school)).get(), request, &out));
  }

  grpc::Status CreateFeeItem(const std::string& school, const std::string& id, const std::string& kind,
                             int64_t amount, const std::string& year = "2026-2027",
                             pb::FeeItem* out = nullptr) {
    pb::CreateFeeItemRequest request;
    request.set_parent("schools/" + school);
    request.set_fee_item_id(id);
    pb::FeeItem* f = request.mutable_fee_item();
    f->set_code(absl::AsciiStrToUpper(id));
    f->set_display_name("Tiền tổ chức bán trú");
    f->set_amount(amount);
    f->set_unit(pb::FEE_UNIT_MONTH);
    f->set_school_year(year);
    f->set_legal_basis("Nghị quyết 18/2025/NQ-HĐND");
    f->set_charge_kind(kind);
    request.set_request_id(platform::RandomId());
    pb::FeeItem ignored;
    return stub().CreateFeeItem(Ctx("CreateFeeItem", Admin(school)).get(), request, out ? out : &ignored);
  }

  void CreatePupil(const std::string& school, const std::string& id, const std::string& class_name = "Lá 1") {
    pb::CreatePupilRequest request;
    request.set_parent("schools/" + school);
    request.set_pupil_id(id);
    request.mutable_pupil()->set_pupil_code(absl::StrCat("HS-", id));
    request.mutable_pupil()->set_display_name("Nguyễn Ngọc Anh");
    request.mutable_pupil()->set_class_name(class_name);
    request.mutable_pupil()->set_guardian_name("Nguyễn Văn Bình");
    request.mutable_pupil()->set_guardian_phone("0909123456");
    request.set_request_id(platform::RandomId());
    pb::Pupil out;
    ASSERT_GRPC_OK(stub().CreatePupil(Ctx("CreatePupil", Admin(school)).get(), request, &out));
  }

  // A configured school with a 500,000 đồng bán trú item and one pupil
  // "an" invoiced for 2026-09.
  pb::Invoice InvoicedSchool(const std::string& school) {
    Configure(school);
    EXPECT_TRUE(CreateFeeItem(school, "ban-tru", "ban-tru", 500'000).ok());
    CreatePupil(school, "an");
    pb::Invoice invoice;
    EXPECT_TRUE(Invoice(school, "an", "2026-09", &invoice).ok());
    return invoice;
  }

  grpc::Status Invoice(const std::string& school, const std::string& pupil, const std::string& period,
                       pb::Invoice* out) {
    pb::CreateInvoiceRequest request;
    request.set_parent("schools/" + school);
    pb::Invoice* i = request.mutable_invoice();
    i->set_pupil(absl::StrCat("schools/", school, "/pupils/", pupil));
    i->set_period(period);
    i->add_lines()->set_fee_item(absl::StrCat("schools/", school, "/feeItems/ban-tru"));
    *i->mutable_due_date() = ::parhub::testing::ProtoDate(2026, 9, 30);
    request.set_request_id(platform::RandomId());
    return stub().CreateInvoice(Ctx("CreateInvoice", Admin(school)).get(), request, out);
  }

  pb::RecordPaymentRequest PaymentRequest(const pb::Invoice& invoice, int64_t amount,
                                          const std::string& transaction) {
    pb::RecordPaymentRequest request;
    request.set_parent(invoice.name().substr(0, invoice.name().find("/invoices/")));
    pb::Payment* p = request.mutable_payment();
    p->set_invoice(invoice.name());
    p->set_amount(amount);
    p->set_method(transaction.empty() ? pb::PAYMENT_METHOD_CASH : pb::PAYMENT_METHOD_VIETQR);
    p->set_bank_transaction_id(transaction);
    *p->mutable_paid_time() = platform::TimeToProto(::parhub::testing::At(2026, 9, 15, 8));
    p->set_payer_name("Nguyễn Văn Bình");
    request.set_request_id(platform::RandomId());
    return request;
  }

  grpc::Status Pay(const std::string& school, const pb::RecordPaymentRequest& request, pb::Payment* out) {
    return stub().RecordPayment(Ctx("RecordPayment", Admin(school)).get(), request, out);
  }

  pb::Invoice GetInvoice(const std::string& school, const std::string& name) {
    pb::GetInvoiceRequest request;
    request.set_name(name);
    pb::Invoice out;
    EXPECT_TRUE(stub().GetInvoice(Ctx("GetInvoice", Admin(school)).get(), request, &out).ok());
    return out;
  }

  pb::LedgerCheck Check(const std::string& school) {
    pb::CheckLedgerRequest request;
    request.set_parent("schools/" + school);
    pb::LedgerCheck out;
    EXPECT_TRUE(stub().CheckLedger(Ctx("CheckLedger", Admin(school)).get(), request, &out).ok());
    return out;
  }

  std::string school_;
  std::string other_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_TESTS_FINANCE_FIXTURE_H_
