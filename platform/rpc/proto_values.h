// Conversions between the domain's shared value types and their proto forms:
// calendar dates (parhub.common.v1.Date) and instants (Timestamp).
#ifndef PARHUB_PLATFORM_RPC_PROTO_VALUES_H_
#define PARHUB_PLATFORM_RPC_PROTO_VALUES_H_

#include <google/protobuf/timestamp.pb.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "parhub/common/v1/types.pb.h"
#include "platform/core/date.h"

namespace parhub::platform {

// An unset proto date (all zero) becomes Date{} (IsSet() false); an
// impossible one is INVALID_ARGUMENT naming `field`.
absl::StatusOr<Date> DateFromProto(const parhub::common::v1::Date& date, absl::string_view field);
parhub::common::v1::Date DateToProto(const Date& date);

google::protobuf::Timestamp TimeToProto(absl::Time t);
absl::Time TimeFromProto(const google::protobuf::Timestamp& t);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_PROTO_VALUES_H_
