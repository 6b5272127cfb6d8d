// JSON on the HTTP face of the gateway: a request message built from a
// matched binding's path variables, query parameters and JSON body (proto3
// JSON mapping, unknown fields refused), a response printed with every
// primitive field present, and errors as
//   {"error":{"code":404,"status":"NOT_FOUND","message":"…","details":[…]}}
// with the gRPC code mapped to its standard HTTP status and the status
// details (field violations, error info, retry info) as proto3 JSON.
#ifndef PARHUB_GATEWAY_HTTP_JSON_H_
#define PARHUB_GATEWAY_HTTP_JSON_H_

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/http_bindings.h"

namespace parhub::gateway {

// The request of `match`'s method: the body (the whole request for "*", the
// named field otherwise; an empty body is "{}"), then the query parameters
// (dotted field paths, proto or lowerCamelCase names, repeated by
// repetition; not for fields the path or body carries), then the path
// variables. INVALID_ARGUMENT naming the parameter or the JSON problem.
absl::StatusOr<std::unique_ptr<google::protobuf::Message>> BuildRequest(
    const HttpMatch& match, const std::multimap<std::string, std::string>& query, absl::string_view body);

// Proto3 JSON with lowerCamelCase names and zero values printed.
std::string ResponseJson(const google::protobuf::Message& response);

// The standard HTTP status of a gRPC code (google.rpc.Code).
int HttpStatusOf(grpc::StatusCode code);

struct HttpError final {
  int http_status = 500;
  std::string body;         // the JSON error document
  std::string retry_after;  // seconds for Retry-After, "" when the error has no retry hint
};
// `status` (not OK) as the JSON error document.
HttpError ErrorJson(const grpc::Status& status);
// An error the HTTP layer makes itself (404 unknown path, 405, 413, 400).
HttpError HttpLayerError(int http_status, grpc::StatusCode code, const std::string& message);

// A JSON string literal of `text` (quotes included).
std::string JsonQuote(absl::string_view text);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_HTTP_JSON_H_
