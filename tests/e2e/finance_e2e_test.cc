// End-to-end reliability of payments (issue 9, "Reliability"): 10,000 cash
// payments through the gateway, each sent 8 times at once with the same
// request_id, as a flaky network and an impatient client would. Every
// payment must be recorded exactly once, every acknowledged one must exist,
// the invoices must have been paid exactly the acknowledged amount, the
// ledger must balance and receipt numbers must have no gaps.
//
// The e2e suite's gateway runs without a per-key budget (tests/e2e/suite.cc),
// so one API key of the school's accountant carries all 80,000 calls.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "platform/rpc/proto_values.h"
#include "tests/e2e/gateway_client.h"
#include "tests/e2e/school_fees.h"
#include "tests/e2e/suite.h"

namespace parhub::e2e {
namespace {

namespace dpb = ::parhub::directory::v1;
namespace fpb = ::parhub::finance::v1;

constexpr int kPayments = 10'000;
constexpr int kCopies = 8;
constexpr int kCallers = 64;  // payments in flight, each with its kCopies copies
constexpr int64_t kAmount = 1'000;
constexpr char kSchool[] = "schools/th-pay";

Suite* suite = nullptr;

// The school, its accountant's API key, and kCallers invoices of
// 10.000.000 đồng for this month, one per caller.
struct PayingSchool {
  std::string key;
  std::vector<std::string> invoices;
};

void SetUpSchool(PayingSchool* out) {
  GatewayClient root(suite->gateway_address(), suite->admin_key());
  auto c = root.Context();
  dpb::CreateAuthorityRequest authority;
  authority.set_authority_id("q1");
  authority.set_request_id("pay-q1");
  authority.mutable_authority()->set_code("q1");
  authority.mutable_authority()->set_display_name("UBND Quận 1");
  authority.mutable_authority()->set_parent("authorities/hcm");
  authority.mutable_authority()->set_kind("district");
  dpb::Authority a;
  grpc::Status s = root.directory->CreateAuthority(c.get(), authority, &a);
  ASSERT_TRUE(s.ok()) << s.error_message() << suite->Logs();
  dpb::CreateSchoolRequest school;
  school.set_school_id("th-pay");
  school.set_request_id("pay-school");
  school.mutable_school()->set_code("th-pay");
  school.mutable_school()->set_display_name("Trường Tiểu học Thử Tải");
  school.mutable_school()->set_level(dpb::SCHOOL_LEVEL_PRIMARY);
  school.mutable_school()->set_authority("authorities/q1");
  dpb::School created_school;
  c = root.Context();
  s = root.directory->CreateSchool(c.get(), school, &created_school);
  ASSERT_TRUE(s.ok()) << s.error_message();
  dpb::CreateAccountRequest account;
  account.set_account_id("admin-pay");
  account.set_request_id("pay-account");
  account.mutable_account()->set_display_name("Kế toán thử tải");
  account.mutable_account()->set_role(common::v1::ROLE_SCHOOL_ADMIN);
  account.mutable_account()->set_school(kSchool);
  dpb::Account created_account;
  c = root.Context();
  s = root.directory->CreateAccount(c.get(), account, &created_account);
  ASSERT_TRUE(s.ok()) << s.error_message();
  dpb::CreateApiKeyRequest key;
  key.set_parent("accounts/admin-pay");
  key.set_display_name("Máy thu tiền");
  key.set_request_id("pay-key");
  dpb::CreateApiKeyResponse issued;
  c = root.Context();
  s = root.directory->CreateApiKey(c.get(), key, &issued);
  ASSERT_TRUE(s.ok()) << s.error_message();
  out->key = issued.secret();

  GatewayClient admin(suite->gateway_address(), out->key);
  s = SetUpPayingSchool(admin, kSchool, "1130000333444", "THP", kCallers, "pay", &out->invoices);
  ASSERT_TRUE(s.ok()) << s.error_message() << suite->Logs();
}

// What the callers saw.
struct Tally {
  std::mutex mu;
  std::condition_variable done;
  int callers_left = kCallers;
  int next = 0;                                           // payments started
  std::map<std::string, std::set<std::string>> answered;  // request_id → payment names answered
  std::vector<std::string> refused;                       // request_id: why, when no copy succeeded
  int64_t calls = 0;
  std::map<grpc::StatusCode, int64_t> failed_copies;
};

// One caller: a payment at a time, sent kCopies times at once; when no copy
// succeeded and the error may hide a commit, sent again (same request_id).
class Caller {
 public:
  Caller(int index, const PayingSchool& school, Tally& tally)
      : client_(suite->gateway_address(), school.key),
        invoice_(school.invoices[static_cast<size_t>(index)]),
        tally_(tally) {}

  void Start() { Next(); }

 private:
  struct Copy {
    std::unique_ptr<grpc::ClientContext> context;
    fpb::Payment response;
  };

  void Next() {
    int n = 0;
    {
      std::lock_guard<std::mutex> lock(tally_.mu);
      if (tally_.next >= kPayments) {
        if (--tally_.callers_left == 0) tally_.done.notify_all();
        return;
      }
      n = tally_.next++;
    }
    request_.Clear();
    request_.set_parent(kSchool);
    request_.set_request_id(absl::StrCat("pay-", n));
    request_.mutable_payment()->set_invoice(invoice_);
    request_.mutable_payment()->set_amount(kAmount);
    request_.mutable_payment()->set_method(fpb::PAYMENT_METHOD_CASH);
    request_.mutable_payment()->set_payer_name(request_.request_id());
    *request_.mutable_payment()->mutable_paid_time() = platform::TimeToProto(absl::Now() - absl::Minutes(1));
    rounds_ = 0;
    Send();
  }

  void Send() {
    ++rounds_;
    acknowledged_ = false;
    last_error_ = grpc::StatusCode::OK;
    pending_ = kCopies;
    copies_.clear();
    for (int i = 0; i < kCopies; ++i) {
      auto copy = std::make_unique<Copy>();
      copy->context = client_.Context(absl::Seconds(30));
      copies_.push_back(std::move(copy));
    }
    for (auto& copy : copies_) {
      Copy* raw = copy.get();
      client_.finance->async()->RecordPayment(raw->context.get(), &request_, &raw->response,
                                              [this, raw](grpc::Status status) { Done(raw, status); });
    }
  }

  void Done(Copy* copy, const grpc::Status& status) {
    // Counted before this copy is marked done, so when the last copy of the
    // last payment retires its caller every call has been counted.
    {
      std::lock_guard<std::mutex> lock(tally_.mu);
      ++tally_.calls;
      if (!status.ok()) ++tally_.failed_copies[status.error_code()];
    }
    bool last = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (status.ok()) {
        acknowledged_ = true;
        names_.insert(copy->response.name());
      } else {
        last_error_ = status.error_code();
      }
      last = --pending_ == 0;
    }
    if (!last) return;
    const bool maybe_in_progress =
        last_error_ == grpc::StatusCode::UNAVAILABLE || last_error_ == grpc::StatusCode::DEADLINE_EXCEEDED ||
        last_error_ == grpc::StatusCode::ABORTED || last_error_ == grpc::StatusCode::RESOURCE_EXHAUSTED;
    if (!acknowledged_ && maybe_in_progress && rounds_ < 10) {
      // Again after a pause that grows with each round, off gRPC's callback
      // thread (the objects live to the end of the process: see the test).
      std::thread([this] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100 * rounds_));
        Send();
      }).detach();
      return;
    }
    {
      std::lock_guard<std::mutex> lock(tally_.mu);
      if (acknowledged_) {
        tally_.answered[request_.request_id()].insert(names_.begin(), names_.end());
      } else {
        tally_.refused.push_back(
            absl::StrCat(request_.request_id(), ": code ", static_cast<int>(last_error_)));
      }
    }
    names_.clear();
    Next();
  }

  GatewayClient client_;
  const std::string invoice_;
  Tally& tally_;
  fpb::RecordPaymentRequest request_;
  std::vector<std::unique_ptr<Copy>> copies_;
  std::mutex mu_;
  int pending_ = 0;
  int rounds_ = 0;
  bool acknowledged_ = false;
  grpc::StatusCode last_error_ = grpc::StatusCode::OK;
  std::set<std::string> names_;
};

TEST(FinanceE2eTest, TenThousandPaymentsEachSentEightTimesAtOnceAreRecordedOnce) {
  PayingSchool school;
  ASSERT_NO_FATAL_FAILURE(SetUpSchool(&school));

  // The callers and what they saw are never freed: a gRPC callback (or a
  // delayed resend) may still be returning through them when the last
  // payment is counted, or be in flight when the wait below times out.
  Tally& tally = *new Tally;
  auto& callers = *new std::vector<std::unique_ptr<Caller>>;
  for (int i = 0; i < kCallers; ++i) callers.push_back(std::make_unique<Caller>(i, school, tally));
  const absl::Time start = absl::Now();
  for (auto& caller : callers) caller->Start();
  std::unique_lock<std::mutex> lock(tally.mu);
  ASSERT_TRUE(tally.done.wait_for(lock, std::chrono::minutes(12), [&] { return tally.callers_left == 0; }))
      << "payments still in flight after 12 minutes: " << tally.next << " started" << suite->Logs();
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::cout << absl::StrFormat("%d payments x %d copies: %d calls in %.1f s (%.0f payments/s)", kPayments,
                               kCopies, tally.calls, seconds, kPayments / seconds);
  for (const auto& [code, count] : tally.failed_copies) {
    std::cout << absl::StrFormat(", %d copies failed with code %d", count, static_cast<int>(code));
  }
  std::cout << std::endl;
  EXPECT_TRUE(tally.refused.empty()) << tally.refused.size() << " never acknowledged, e.g. "
                                     << tally.refused[0];
  EXPECT_EQ(static_cast<int>(tally.answered.size()), kPayments);
  for (const auto& [request_id, names] : tally.answered) {
    EXPECT_EQ(names.size(), 1u) << request_id << " answered with " << names.size() << " different payments";
  }

  // The school's own books: every payment once, by the request_id its payer
  // name carries.
  GatewayClient admin(suite->gateway_address(), school.key);
  std::map<std::string, int> recorded;
  fpb::ListPaymentsRequest list;
  list.set_parent(kSchool);
  list.set_page_size(1000);
  do {
    fpb::ListPaymentsResponse page;
    auto c = admin.Context(absl::Seconds(60));
    grpc::Status s = admin.finance->ListPayments(c.get(), list, &page);
    ASSERT_TRUE(s.ok()) << s.error_message();
    for (const fpb::Payment& p : page.payments()) ++recorded[p.payer_name()];
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty());
  int duplicates = 0, missing = 0;
  for (const auto& [request_id, count] : recorded) duplicates += count - 1;
  for (const auto& [request_id, names] : tally.answered) missing += recorded.contains(request_id) ? 0 : 1;
  EXPECT_EQ(duplicates, 0);
  EXPECT_EQ(missing, 0);
  EXPECT_EQ(static_cast<int>(recorded.size()), kPayments);

  int64_t paid = 0;
  for (const std::string& name : school.invoices) {
    fpb::GetInvoiceRequest get;
    get.set_name(name);
    fpb::Invoice invoice;
    auto c = admin.Context();
    ASSERT_TRUE(admin.finance->GetInvoice(c.get(), get, &invoice).ok());
    paid += invoice.paid_amount();
  }
  EXPECT_EQ(paid, kPayments * kAmount);

  fpb::CheckLedgerRequest check;
  check.set_parent(kSchool);
  fpb::LedgerCheck ledger;
  auto c = admin.Context(absl::Seconds(60));
  grpc::Status s = admin.finance->CheckLedger(c.get(), check, &ledger);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(ledger.ok()) << ledger.ShortDebugString();
  EXPECT_TRUE(ledger.balanced());
  EXPECT_EQ(ledger.receipt_gaps_size(), 0);
  EXPECT_EQ(ledger.inconsistent_invoices_size(), 0);
}

}  // namespace
}  // namespace parhub::e2e

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new parhub::e2e::SuiteEnvironment(&parhub::e2e::suite));
  return RUN_ALL_TESTS();
}
