// Conversions between the domain's shared value types and their proto forms:
// calendar dates (parhub.common.v1.Date) and instants (Timestamp), and the
// checks every adapter applies to update masks and enum numbers.
#ifndef PARHUB_PLATFORM_RPC_PROTO_VALUES_H_
#define PARHUB_PLATFORM_RPC_PROTO_VALUES_H_

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/timestamp.pb.h>

#include <string>
#include <vector>

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

// INVALID_ARGUMENT on "update_mask" when it is empty or names a path not in
// `allowed` (the message lists the allowed ones).
absl::Status CheckUpdateMask(const google::protobuf::FieldMask& mask,
                             const std::vector<std::string>& allowed);
// Whether `mask` names `path`.
bool MaskHas(const google::protobuf::FieldMask& mask, absl::string_view path);
// INVALID_ARGUMENT on `field` for an enum number the proto does not define.
absl::Status UnknownEnumValue(absl::string_view field, int value);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_PROTO_VALUES_H_
