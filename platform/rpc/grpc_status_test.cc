// The one mapping between domain statuses and the wire.
#include "platform/rpc/grpc_status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"

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
