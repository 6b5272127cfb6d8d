// Unit tests of the gateway's fail-fast state per backend.
#include "gateway/circuit_breaker.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/retry_delay.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::gateway {
namespace {

using ::testing::HasSubstr;

class CircuitBreakerTest : public ::testing::Test {
 protected:
  CircuitBreaker breaker_{{3, absl::Seconds(2)}, [this] { return now_; }};
  absl::Time now_ = absl::FromUnixSeconds(1700000000);

  void Fail(int times, grpc::StatusCode code = grpc::StatusCode::UNAVAILABLE) {
    for (int i = 0; i < times; ++i) {
      ASSERT_TRUE(breaker_.Admit("dịch vụ nhiệm vụ (tasks service)").ok());
      breaker_.Record(code);
    }
  }
};

TEST_F(CircuitBreakerTest, OpensAfterConsecutiveFailuresAndRefusesWithARetryHint) {
  Fail(2);
  EXPECT_FALSE(breaker_.IsOpen());
  Fail(1, grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_TRUE(breaker_.IsOpen());
  grpc::Status refused = breaker_.Admit("dịch vụ nhiệm vụ (tasks service)");
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(refused.error_message(), HasSubstr("tasks service"));
  EXPECT_THAT(refused.error_message(), HasSubstr("retry in 2 s"));
  // The hint travels as a RetryInfo detail too (HTTP: Retry-After).
  EXPECT_EQ(platform::RetryDelay(platform::FromGrpcStatus(refused)), absl::Seconds(2));
}

TEST_F(CircuitBreakerTest, TheBackendsOwnErrorsAndSuccessesKeepItClosed) {
  Fail(2);
  ASSERT_TRUE(breaker_.Admit("x").ok());
  breaker_.Record(grpc::StatusCode::NOT_FOUND);  // alive: it answered
  Fail(2);
  EXPECT_FALSE(breaker_.IsOpen());
  EXPECT_TRUE(breaker_.Admit("x").ok());
}

TEST_F(CircuitBreakerTest, OneProbeAfterTheOpenPeriodClosesOrReopensIt) {
  Fail(3);
  now_ += absl::Milliseconds(1999);
  EXPECT_FALSE(breaker_.Admit("x").ok());
  now_ += absl::Milliseconds(1);
  ASSERT_TRUE(breaker_.Admit("x").ok());   // the probe
  EXPECT_FALSE(breaker_.Admit("x").ok());  // only one at a time
  breaker_.Record(grpc::StatusCode::UNAVAILABLE);
  EXPECT_TRUE(breaker_.IsOpen());  // probe failed: open for another period
  EXPECT_FALSE(breaker_.Admit("x").ok());
  now_ += absl::Seconds(2);
  ASSERT_TRUE(breaker_.Admit("x").ok());
  breaker_.Record(grpc::StatusCode::OK);
  EXPECT_FALSE(breaker_.IsOpen());
  EXPECT_TRUE(breaker_.Admit("x").ok());
  EXPECT_TRUE(breaker_.Admit("x").ok());
}

TEST_F(CircuitBreakerTest, AProbeThatNeverAnswersIsReplacedAfterAPeriod) {
  Fail(3);
  now_ += absl::Seconds(2);
  ASSERT_TRUE(breaker_.Admit("x").ok());  // probe, never recorded
  now_ += absl::Seconds(1);
  EXPECT_FALSE(breaker_.Admit("x").ok());
  now_ += absl::Seconds(1);
  EXPECT_TRUE(breaker_.Admit("x").ok());
}

}  // namespace
}  // namespace parhub::gateway
