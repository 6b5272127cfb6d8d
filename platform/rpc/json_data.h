// Reference data files (data/**.json) into their proto messages: proto3
// JSON, unknown fields refused, the error naming the file.
#ifndef PARHUB_PLATFORM_RPC_JSON_DATA_H_
#define PARHUB_PLATFORM_RPC_JSON_DATA_H_

#include <google/protobuf/util/json_util.h>

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

template <typename Message>
absl::StatusOr<Message> ParseJsonData(absl::string_view json, absl::string_view what) {
  Message message;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(std::string(json), &message, options);
  if (!status.ok()) return absl::InvalidArgumentError(absl::StrCat(what, ": ", status.ToString()));
  return message;
}

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_JSON_DATA_H_
