// Date and time conversions between domain and proto.
#include "platform/rpc/proto_values.h"

namespace parhub::platform {

absl::StatusOr<Date> DateFromProto(const parhub::common::v1::Date& date, absl::string_view field) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return Date{};
  return MakeDate(date.year(), date.month(), date.day(), field);
}

parhub::common::v1::Date DateToProto(const Date& date) {
  parhub::common::v1::Date out;
  out.set_year(date.year);
  out.set_month(date.month);
  out.set_day(date.day);
  return out;
}

google::protobuf::Timestamp TimeToProto(absl::Time t) {
  google::protobuf::Timestamp out;
  int64_t micros = absl::ToUnixMicros(t);
  int64_t seconds = micros / 1000000;
  int64_t rest = micros % 1000000;
  if (rest < 0) {
    rest += 1000000;
    --seconds;
  }
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(rest * 1000));
  return out;
}

absl::Time TimeFromProto(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

}  // namespace parhub::platform
