// Date and time conversions between domain and proto.
#include "platform/rpc/proto_values.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "platform/core/errors.h"

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

absl::Status CheckUpdateMask(const google::protobuf::FieldMask& mask,
                             const std::vector<std::string>& allowed) {
  if (mask.paths().empty()) {
    return InvalidField("update_mask",
                        absl::StrCat("cần liệt kê trường cần sửa: ", absl::StrJoin(allowed, ", "),
                                     " (list the fields to change)"));
  }
  for (const std::string& path : mask.paths()) {
    if (std::find(allowed.begin(), allowed.end(), path) == allowed.end()) {
      return InvalidField("update_mask", absl::StrCat("không sửa được '", path,
                                                      "'; chỉ sửa được: ", absl::StrJoin(allowed, ", "),
                                                      " (field cannot be updated)"));
    }
  }
  return absl::OkStatus();
}

bool MaskHas(const google::protobuf::FieldMask& mask, absl::string_view path) {
  return std::find(mask.paths().begin(), mask.paths().end(), path) != mask.paths().end();
}

absl::Status UnknownEnumValue(absl::string_view field, int value) {
  return InvalidField(field, absl::StrCat("giá trị ", value, " không hợp lệ (unknown value)"));
}

}  // namespace parhub::platform
