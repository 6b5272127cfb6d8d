// Integration tests of BatchSummarizeFinance over MariaDB: for schools with
// different invoices, payments, spending, disclosures and ledger health
// (one with books that do not add up, one with a gap in its receipt
// numbers, one with no data at all) the batch answers, in the order asked,
// exactly what SummarizeFinance answers for each school; only parhub's
// roll-ups may ask, and the lists and periods they must not send are
// refused naming the field. The fixture is in finance_fixture.h.
#include <google/protobuf/util/message_differencer.h>

#include "absl/strings/str_cat.h"
#include "platform/core/school_batch.h"
#include "platform/db/sql_values.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "services/finance/tests/finance_fixture.h"

namespace parhub::finance {
namespace {

using ::parhub::testing::ProtoDate;
using ::parhub::testing::ViolatedField;

class FinanceBatchTest : public FinanceServiceTest {
 protected:
  void Spend(const std::string& school, int64_t amount, pb::PaymentMethod method) {
    pb::CreateExpenditureRequest spend;
    spend.set_parent("schools/" + school);
    pb::Expenditure* e = spend.mutable_expenditure();
    *e->mutable_spend_date() = ProtoDate(2026, 9, 14);
    e->set_amount(amount);
    e->set_method(method);
    e->set_payee("Công ty TNHH Thực phẩm An Toàn");
    e->set_purpose("Mua thực phẩm bán trú");
    e->set_category("an-uong");
    e->set_document_number(absl::StrCat("PC-", amount));
    spend.set_request_id(platform::RandomId());
    pb::Expenditure out;
    ASSERT_GRPC_OK(stub().CreateExpenditure(Ctx("CreateExpenditure", Admin(school)).get(), spend, &out));
  }

  // Changes stored rows behind the service's back (to break a school's books).
  void Tamper(const std::string& sql, const std::string& school) {
    ASSERT_TRUE(harness->server->db().Execute(sql, {platform::Str(school)}).ok()) << sql;
  }

  pb::FinanceSummary Single(const std::string& school, const pb::BatchSummarizeFinanceRequest& batch) {
    pb::SummarizeFinanceRequest request;
    request.set_school("schools/" + school);
    *request.mutable_period_start() = batch.period_start();
    *request.mutable_period_end() = batch.period_end();
    pb::FinanceSummary summary;
    grpc::Status status =
        stub().SummarizeFinance(Ctx("SummarizeFinance", Admin(school)).get(), request, &summary);
    EXPECT_TRUE(status.ok()) << school << ": " << status.error_message();
    return summary;
  }

  grpc::Status Batch(const Caller& caller, const pb::BatchSummarizeFinanceRequest& request,
                     pb::BatchSummarizeFinanceResponse* response) {
    return stub().BatchSummarizeFinance(Ctx("BatchSummarizeFinance", caller).get(), request, response);
  }

  static pb::BatchSummarizeFinanceRequest Request(const std::vector<std::string>& schools) {
    pb::BatchSummarizeFinanceRequest request;
    for (const std::string& school : schools) request.add_schools("schools/" + school);
    *request.mutable_period_start() = ProtoDate(2026, 9, 1);
    *request.mutable_period_end() = ProtoDate(2026, 9, 30);
    return request;
  }

  static Caller Rollup() { return ::parhub::testing::TestCaller(Role::kService, ""); }
};

TEST_F(FinanceBatchTest, EachSchoolGetsWhatItsOwnSummaryAnswersInTheOrderAsked) {
  const std::string& a = school_;
  const std::string& b = other_;
  const std::string empty = "e-" + platform::RandomHex(4);
  const std::string gap = "g-" + platform::RandomHex(4);
  const std::string owed = "d-" + platform::RandomHex(4);

  // a: 300,000 by VietQR and 100,000 cash on one invoice, cashless and cash
  // spending, the disclosure of 2026-2027 published.
  pb::Invoice an = InvoicedSchool(a);
  pb::Payment payment;
  ASSERT_GRPC_OK(Pay(a, PaymentRequest(an, 300'000, "FT26258000100"), &payment));
  ASSERT_GRPC_OK(Pay(a, PaymentRequest(an, 100'000, ""), &payment));
  Spend(a, 150'000, pb::PAYMENT_METHOD_BANK_TRANSFER);
  Spend(a, 50'000, pb::PAYMENT_METHOD_CASH);
  pb::PublishFinancialDisclosureRequest publish;
  publish.set_school("schools/" + a);
  publish.set_school_year("2026-2027");
  publish.set_request_id(platform::RandomId());
  pb::FinancialDisclosure disclosure;
  ASSERT_GRPC_OK(stub().PublishFinancialDisclosure(Ctx("PublishFinancialDisclosure", Admin(a)).get(), publish,
                                                   &disclosure));

  // b: paid in full in cash, then its invoice's paid amount is changed
  // behind the ledger's back.
  pb::Invoice bn = InvoicedSchool(b);
  ASSERT_GRPC_OK(Pay(b, PaymentRequest(bn, 500'000, ""), &payment));
  Tamper("UPDATE invoices SET paid = paid - 1 WHERE school_id = ?", b);

  // gap: two receipts, the second renumbered so that 2 to 4 are missing.
  pb::Invoice gn = InvoicedSchool(gap);
  ASSERT_GRPC_OK(Pay(gap, PaymentRequest(gn, 100'000, ""), &payment));
  ASSERT_GRPC_OK(Pay(gap, PaymentRequest(gn, 50'000, "FT26258000300"), &payment));
  Tamper("UPDATE receipts SET sequence = 5 WHERE school_id = ? AND sequence = 2", gap);

  // owed: invoiced, nothing paid.
  InvoicedSchool(owed);

  const std::vector<std::string> order = {b, empty, a, gap, owed};
  pb::BatchSummarizeFinanceRequest request = Request(order);
  pb::BatchSummarizeFinanceResponse response;
  grpc::Status status = Batch(Rollup(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.summaries_size(), static_cast<int>(order.size()));
  for (size_t i = 0; i < order.size(); ++i) {
    pb::FinanceSummary single = Single(order[i], request);
    std::string differences;
    google::protobuf::util::MessageDifferencer differ;
    differ.ReportDifferencesToString(&differences);
    EXPECT_TRUE(differ.Compare(response.summaries(static_cast<int>(i)), single)) << order[i] << ":\n"
                                                                                 << differences;
  }

  // The figures are the schools' own, not zeros or another school's.
  const pb::FinanceSummary& sb = response.summaries(0);
  const pb::FinanceSummary& se = response.summaries(1);
  const pb::FinanceSummary& sa = response.summaries(2);
  const pb::FinanceSummary& sg = response.summaries(3);
  const pb::FinanceSummary& sd = response.summaries(4);
  EXPECT_EQ(sa.school(), "schools/" + a);
  EXPECT_EQ(sa.invoice_count(), 1);
  EXPECT_EQ(sa.collected_count(), 2);
  EXPECT_EQ(sa.collected_amount(), 400'000);
  EXPECT_DOUBLE_EQ(sa.cashless_share_amount(), 75.0);
  EXPECT_EQ(sa.spent_amount(), 200'000);
  EXPECT_DOUBLE_EQ(sa.spending_cashless_share_count(), 50.0);
  EXPECT_EQ(sa.outstanding_receivables(), 100'000);
  EXPECT_DOUBLE_EQ(sa.collection_rate(), 80.0);
  EXPECT_EQ(sa.receipts_issued(), 2);
  EXPECT_EQ(sa.ledger_ok(), 1);
  EXPECT_EQ(sa.disclosure_published(), 1);

  EXPECT_EQ(sb.school(), "schools/" + b);
  EXPECT_EQ(sb.collected_amount(), 500'000);
  EXPECT_DOUBLE_EQ(sb.cashless_share_amount(), 0.0);
  EXPECT_EQ(sb.ledger_ok(), 0);
  EXPECT_EQ(sb.disclosure_published(), 0);

  EXPECT_EQ(sg.ledger_ok(), 0);
  EXPECT_EQ(sg.collected_count(), 2);
  EXPECT_THAT(Check(gap).receipt_gaps(), ::testing::ElementsAre("2026-000002", "2026-000003", "2026-000004"));

  EXPECT_EQ(sd.outstanding_receivables(), 500'000);
  EXPECT_DOUBLE_EQ(sd.collection_rate(), 0.0);
  EXPECT_EQ(sd.ledger_ok(), 1);

  EXPECT_EQ(se.school(), "schools/" + empty);
  EXPECT_EQ(se.invoice_count(), 0);
  EXPECT_EQ(se.outstanding_receivables(), 0);
  EXPECT_DOUBLE_EQ(se.collection_rate(), 100.0);
  EXPECT_EQ(se.ledger_ok(), 1);
}

TEST_F(FinanceBatchTest, OnlyRollupsAskAndBadListsOrPeriodsAreRefusedByField) {
  pb::BatchSummarizeFinanceRequest request = Request({school_, other_});
  pb::BatchSummarizeFinanceResponse response;
  for (const Caller& caller :
       {Admin(school_), Staff(school_), ::parhub::testing::TestCaller(Role::kAuthorityOfficer, school_, "q1"),
        ::parhub::testing::TestCaller(Role::kService, school_)}) {
    EXPECT_EQ(Batch(caller, request, &response).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  }
  ASSERT_GRPC_OK(Batch(Rollup(), request, &response));
  EXPECT_EQ(response.summaries_size(), 2);

  auto refused = [&](const pb::BatchSummarizeFinanceRequest& bad) {
    pb::BatchSummarizeFinanceResponse none;
    grpc::Status status = Batch(Rollup(), bad, &none);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(none.summaries_size(), 0);
    return ViolatedField(status);
  };
  EXPECT_EQ(refused(Request({})), "schools");
  EXPECT_EQ(refused(Request({school_, other_, other_})), "schools[2]");
  pb::BatchSummarizeFinanceRequest malformed = Request({school_});
  malformed.add_schools("schools/" + school_ + "/invoices/x");
  EXPECT_EQ(refused(malformed), "schools[1]");
  std::vector<std::string> many;
  for (int i = 0; i <= platform::kMaxBatchSchools; ++i) many.push_back(absl::StrCat("s", i));
  EXPECT_EQ(refused(Request(many)), "schools");
  many.pop_back();  // the most a call may name
  ASSERT_GRPC_OK(Batch(Rollup(), Request(many), &response));
  EXPECT_EQ(response.summaries_size(), platform::kMaxBatchSchools);

  pb::BatchSummarizeFinanceRequest reversed = request;
  *reversed.mutable_period_end() = ProtoDate(2026, 8, 1);
  EXPECT_EQ(refused(reversed), "period_end");
  pb::BatchSummarizeFinanceRequest long_period = request;
  *long_period.mutable_period_start() = ProtoDate(2025, 1, 1);
  EXPECT_EQ(refused(long_period), "period_end");
  pb::BatchSummarizeFinanceRequest open = request;
  open.clear_period_start();
  EXPECT_EQ(refused(open), "period_start");
}

}  // namespace
}  // namespace parhub::finance
