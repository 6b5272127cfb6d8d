// Caller verification, value conversions and request fingerprints.
#include "platform/rpc_support.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <memory>

#include "platform/crypto.h"

namespace parhub::platform {

RpcScope::RpcScope(const grpc::ServerContextBase& context, const IdentityKey& key) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(kIdentityHeader);
  std::string token = it == metadata.end() ? std::string() : std::string(it->second.data(), it->second.size());
  absl::StatusOr<parhub::common::v1::Identity> identity = key.Verify(token, absl::Now());
  if (!identity.ok()) {
    status_ = identity.status();
    return;
  }
  caller_ = CallerFromIdentity(*identity);
  request_id_.emplace(caller_.request_id);
}

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

std::string RequestFingerprint(const google::protobuf::Message& request) {
  std::unique_ptr<google::protobuf::Message> copy(request.New());
  copy->CopyFrom(request);
  if (const auto* field = copy->GetDescriptor()->FindFieldByName("request_id")) {
    copy->GetReflection()->ClearField(copy.get(), field);
  }
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    copy->SerializeToCodedStream(&coded);
  }
  return Sha256Hex(bytes);
}

}  // namespace parhub::platform
