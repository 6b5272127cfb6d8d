// The one mapping between domain statuses and the wire.
#include "platform/rpc/grpc_status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"
#include "platform/core/retry_delay.h"

namespace parhub::platform {
namespace {

using ::testing::HasSubstr;

TEST(GrpcStatus, CarriesFieldViolationsAndReasonAcrossTheWire) {
  absl::Status domain = WithReason(InvalidField("task.due_date", "không tồn tại"), "BAD_DATE");
  grpc::Status wire = ToGrpcStatus(domain);
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_FALSE(wire.error_details().empty());
  absl::Status back = FromGrpcStatus(wire);
  EXPECT_EQ(back.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolations(back).size(), 1u);
  EXPECT_EQ(FieldViolations(back)[0].field, "task.due_date");
  EXPECT_EQ(Reason(back), "BAD_DATE");
}

// A rate limit whose token is due back in under a millisecond still tells
// the client when to retry (the HTTP face's Retry-After comes from it).
TEST(GrpcStatus, ASubMillisecondRetryDelayIsStillSentAsAHint) {
  absl::Status limited = WithRetryDelay(absl::ResourceExhaustedError("too many"), absl::Microseconds(400));
  EXPECT_EQ(RetryDelay(limited), absl::Milliseconds(1));
  absl::Status back = FromGrpcStatus(ToGrpcStatus(limited));
  EXPECT_EQ(RetryDelay(back), absl::Milliseconds(1));
  EXPECT_EQ(RetryDelay(WithRetryDelay(absl::ResourceExhaustedError("x"), absl::Milliseconds(1500))),
            absl::Milliseconds(1500));
}

TEST(GrpcStatus, HidesInternalDetails) {
  grpc::Status wire = ToGrpcStatus(absl::InternalError("mysql error 1146: table x missing"));
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_THAT(wire.error_message(), ::testing::Not(HasSubstr("mysql")));
}

TEST(GrpcStatus, NamesEveryCode) {
  EXPECT_STREQ(StatusCodeName(grpc::StatusCode::RESOURCE_EXHAUSTED), "RESOURCE_EXHAUSTED");
  EXPECT_STREQ(StatusCodeName(static_cast<grpc::StatusCode>(99)), "UNKNOWN");
}

}  // namespace
}  // namespace parhub::platform
