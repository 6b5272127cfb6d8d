// Request building, response printing and error documents (http_json.h).
#include "gateway/http_json.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "platform/core/errors.h"
#include "platform/core/log.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

constexpr char kRetryInfoUrl[] = "type.googleapis.com/google.rpc.RetryInfo";

// Protobuf's parser messages are English and technical; keep them, after
// our sentence, so a script's author sees exactly what was wrong.
absl::Status JsonProblem(absl::string_view where, const google::protobuf::util::Status& status) {
  return platform::InvalidField(
      where, absl::StrCat("JSON không hợp lệ (invalid JSON): ", status.message().ToString()));
}

absl::Status ParseJsonInto(absl::string_view json, Message* message, absl::string_view where) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(std::string(json), message, options);
  if (!status.ok()) return JsonProblem(where, status);
  return absl::OkStatus();
}

// The JSON value for one text `value` of a leaf field: strings quoted;
// booleans and numeric enum values bare; numbers quoted (proto3 JSON takes
// quoted numbers); messages (Timestamp, Duration, FieldMask) quoted.
absl::StatusOr<std::string> LeafJson(const FieldDescriptor& field, absl::string_view name,
                                     absl::string_view value) {
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_BOOL:
      if (value == "true" || value == "false") return std::string(value);
      return platform::InvalidField(name, "phải là true hoặc false (must be true or false)");
    case FieldDescriptor::CPPTYPE_ENUM: {
      bool digits = !value.empty();
      for (char c : value) digits = digits && absl::ascii_isdigit(static_cast<unsigned char>(c));
      return digits ? std::string(value) : JsonQuote(value);
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      const std::string& type = field.message_type()->full_name();
      if (type == "google.protobuf.Timestamp" || type == "google.protobuf.Duration" ||
          type == "google.protobuf.FieldMask") {
        return JsonQuote(value);
      }
      return platform::InvalidField(name, absl::StrCat("là một thông điệp; đặt từng trường con, ví dụ ", name,
                                                       ".", field.message_type()->field(0)->name(),
                                                       "=… (a message: set its fields one by one)"));
    }
    default:
      return JsonQuote(value);
  }
}

// Sets the field at `path` of `message` from `values` (one, or several for
// a repeated field) through the JSON parser, so types are checked the same
// way as in bodies.
absl::Status SetFromText(Message* message, absl::string_view path, const std::vector<std::string>& values,
                         bool replace) {
  std::vector<const FieldDescriptor*> chain;
  const FieldDescriptor* leaf = FindFieldPath(*message->GetDescriptor(), path, &chain);
  if (leaf == nullptr) {
    return platform::InvalidField(path, "không có trường này trong yêu cầu (no such request field)");
  }
  if (!leaf->is_repeated() && values.size() > 1) {
    return platform::InvalidField(path, "chỉ được một giá trị (only one value allowed)");
  }
  if (leaf->is_map())
    return platform::InvalidField(path, "không đặt được qua tham số (not settable from a query)");
  Message* container = message;
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    container = container->GetReflection()->MutableMessage(container, chain[i]);
  }
  std::vector<std::string> items;
  for (const std::string& value : values) {
    absl::StatusOr<std::string> item = LeafJson(*leaf, path, value);
    if (!item.ok()) return item.status();
    items.push_back(*std::move(item));
  }
  std::string json =
      absl::StrCat("{", JsonQuote(leaf->json_name()), ":",
                   leaf->is_repeated() ? absl::StrCat("[", absl::StrJoin(items, ","), "]") : items[0], "}");
  std::unique_ptr<Message> part(container->New());
  auto status = google::protobuf::util::JsonStringToMessage(json, part.get());
  if (!status.ok()) {
    return platform::InvalidField(
        path, absl::StrCat("giá trị không hợp lệ (invalid value): ", status.message().ToString()));
  }
  if (replace) container->GetReflection()->ClearField(container, leaf);
  container->MergeFrom(*part);
  return absl::OkStatus();
}

// The proto path of a query key (json names → proto names), for comparing
// against path variables and the body field.
std::string ProtoPath(const Descriptor& type, absl::string_view key) {
  std::vector<const FieldDescriptor*> chain;
  if (FindFieldPath(type, key, &chain) == nullptr) return std::string(key);
  std::vector<std::string> names;
  for (const auto* f : chain) names.push_back(f->name());
  return absl::StrJoin(names, ".");
}

bool Covers(absl::string_view outer, absl::string_view inner) {
  return outer == inner || absl::StartsWith(inner, absl::StrCat(outer, ".")) ||
         absl::StartsWith(outer, absl::StrCat(inner, "."));
}

}  // namespace

std::string JsonQuote(absl::string_view text) { return absl::StrCat("\"", platform::JsonEscape(text), "\""); }

absl::StatusOr<std::unique_ptr<Message>> BuildRequest(const HttpMatch& match,
                                                      const std::multimap<std::string, std::string>& query,
                                                      absl::string_view body) {
  const auto* input = match.route->method->input_type();
  const auto* prototype = google::protobuf::MessageFactory::generated_factory()->GetPrototype(input);
  if (prototype == nullptr) return absl::InternalError("no prototype for the request type");
  std::unique_ptr<Message> request(prototype->New());
  const std::string body_field = match.route->binding->body;
  std::string trimmed(absl::StripAsciiWhitespace(body));
  if (body_field.empty()) {
    if (!trimmed.empty()) {
      return platform::InvalidField("body",
                                    "phương thức này không nhận nội dung (this method takes no body)");
    }
  } else {
    if (trimmed.empty()) trimmed = "{}";
    if (body_field == "*") {
      if (absl::Status parsed = ParseJsonInto(trimmed, request.get(), "body"); !parsed.ok()) return parsed;
    } else {
      const FieldDescriptor* field = input->FindFieldByName(body_field);
      Message* part = request->GetReflection()->MutableMessage(request.get(), field);
      if (absl::Status parsed = ParseJsonInto(trimmed, part, "body"); !parsed.ok()) return parsed;
    }
  }
  // Query parameters, grouped by field so repeated ones keep their order.
  std::vector<std::pair<std::string, std::vector<std::string>>> grouped;
  for (const auto& [key, value] : query) {
    std::string path = ProtoPath(*input, key);
    if (body_field == "*") {
      return platform::InvalidField(key, "tham số phải nằm trong nội dung JSON (send it in the JSON body)");
    }
    if (!body_field.empty() && Covers(body_field, path)) {
      return platform::InvalidField(key, "đã nằm trong nội dung JSON (carried by the JSON body)");
    }
    for (const auto& [field, unused] : match.variables) {
      if (Covers(field, path))
        return platform::InvalidField(key, "đã nằm trong đường dẫn (carried by the path)");
    }
    auto it = std::find_if(grouped.begin(), grouped.end(), [&](const auto& g) { return g.first == path; });
    if (it == grouped.end()) {
      grouped.push_back({path, {value}});
    } else {
      it->second.push_back(value);
    }
  }
  for (const auto& [path, values] : grouped) {
    if (absl::Status set = SetFromText(request.get(), path, values, false); !set.ok()) return set;
  }
  for (const auto& [field, value] : match.variables) {
    if (absl::Status set = SetFromText(request.get(), field, {value}, true); !set.ok()) return set;
  }
  return request;
}

std::string ResponseJson(const Message& response) {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  std::string out;
  auto status = google::protobuf::util::MessageToJsonString(response, &out, options);
  if (!status.ok()) return "{}";
  return out;
}

int HttpStatusOf(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return 200;
    case grpc::StatusCode::CANCELLED:
      return 499;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE:
      return 400;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return 504;
    case grpc::StatusCode::NOT_FOUND:
      return 404;
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::ABORTED:
      return 409;
    case grpc::StatusCode::PERMISSION_DENIED:
      return 403;
    case grpc::StatusCode::UNAUTHENTICATED:
      return 401;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return 429;
    case grpc::StatusCode::UNIMPLEMENTED:
      return 501;
    case grpc::StatusCode::UNAVAILABLE:
      return 503;
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::DATA_LOSS:
    default:
      return 500;
  }
}

HttpError ErrorJson(const grpc::Status& status) {
  HttpError error;
  error.http_status = HttpStatusOf(status.error_code());
  std::vector<std::string> details;
  google::rpc::Status rich;
  if (!status.error_details().empty() && rich.ParseFromString(status.error_details())) {
    google::protobuf::util::JsonPrintOptions options;
    options.always_print_primitive_fields = true;
    for (const auto& any : rich.details()) {
      std::string json;
      if (google::protobuf::util::MessageToJsonString(any, &json, options).ok()) details.push_back(json);
      if (any.type_url() == kRetryInfoUrl) {
        google::rpc::RetryInfo retry;
        if (retry.ParseFromString(any.value()) && retry.has_retry_delay()) {
          int64_t seconds = retry.retry_delay().seconds() + (retry.retry_delay().nanos() > 0 ? 1 : 0);
          error.retry_after = absl::StrCat(std::max<int64_t>(seconds, 1));
        }
      }
    }
  }
  error.body = absl::StrCat("{\"error\":{\"code\":", error.http_status,
                            ",\"status\":", JsonQuote(platform::StatusCodeName(status.error_code())),
                            ",\"message\":", JsonQuote(status.error_message()), ",\"details\":[",
                            absl::StrJoin(details, ","), "]}}");
  return error;
}

HttpError HttpLayerError(int http_status, grpc::StatusCode code, const std::string& message) {
  HttpError error = ErrorJson(grpc::Status(code, message));
  if (error.http_status != http_status) {
    error.http_status = http_status;
    error.body = absl::StrCat("{\"error\":{\"code\":", http_status,
                              ",\"status\":", JsonQuote(platform::StatusCodeName(code)),
                              ",\"message\":", JsonQuote(message), ",\"details\":[]}}");
  }
  return error;
}

}  // namespace parhub::gateway
