// The HTTP/JSON face of the gateway's gRPC methods: one declarative row per
// method (HTTP verb, AIP-style path template, which part of the request the
// body carries), the templates parsed, and a router that finds the row and
// the path variables for an incoming verb and path. Every method of the
// route table, GatewayService and PublicService has exactly one row; the
// HTTP server (http_gateway.h) turns a matched request into the same gRPC
// call a gRPC client makes, so the route table's authorization applies.
//
// Template syntax (a subset of google.api.http):
//   /v1/{parent=schools/*}/plans          variable over a multi-segment pattern
//   /v1/holidayCalendars/{year}           variable over one segment
//   /v1/{name=schools/*/cases/*}:accept   custom method (verb after ':')
// '*' matches one non-empty segment without ':'; '**' is not supported.
#ifndef PARHUB_GATEWAY_HTTP_BINDINGS_H_
#define PARHUB_GATEWAY_HTTP_BINDINGS_H_

#include <google/protobuf/descriptor.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parhub::gateway {

struct HttpBinding final {
  const char* method;  // "/parhub.tasks.v1.TaskService/ListPlans"
  const char* verb;    // "GET", "POST", "PATCH" or "DELETE"
  const char* path;    // "/v1/{parent=schools/*}/plans"
  const char* body;    // "" (no body), "*" (the whole request) or a top-level message field ("plan")
};

// Every method reachable over HTTP/JSON.
const std::vector<HttpBinding>& HttpBindings();

// A parsed path template.
struct PathTemplate final {
  struct Segment final {
    bool wildcard = false;  // '*'
    std::string literal;    // when not a wildcard
  };
  struct Variable final {
    std::string field;  // dotted proto field path, "plan.name"
    size_t begin = 0;   // first segment it covers
    size_t end = 0;     // one past its last segment
  };
  std::vector<Segment> segments;
  std::vector<Variable> variables;
  std::string custom_verb;  // "accept" for ":accept", else ""
};

// INVALID_ARGUMENT naming what is wrong with `text`.
absl::StatusOr<PathTemplate> ParsePathTemplate(absl::string_view text);

// Whether some path could match both templates (same segment count, every
// position compatible, same custom verb).
bool TemplatesOverlap(const PathTemplate& a, const PathTemplate& b);

// The variables of `path` when it matches, as (field, value) pairs; values
// are the matched segments joined by '/'.
bool MatchPath(const PathTemplate& tmpl, absl::string_view path,
               std::vector<std::pair<std::string, std::string>>* variables);

struct HttpRoute final {
  const HttpBinding* binding = nullptr;
  const google::protobuf::MethodDescriptor* method = nullptr;
  PathTemplate tmpl;
};

struct HttpMatch final {
  const HttpRoute* route = nullptr;
  std::vector<std::pair<std::string, std::string>> variables;
};

class HttpRouter final {
 public:
  // Parses and checks every binding: the method exists and is unary, the
  // template parses, every variable and the body name fields of the
  // request, and no two bindings of one verb overlap.
  static absl::StatusOr<std::unique_ptr<HttpRouter>> Build(const std::vector<HttpBinding>& bindings);

  // The route for `verb` and `path` ("HEAD" is served as "GET"), or
  // nullptr. When the path matches other verbs only, `allowed` lists them.
  std::unique_ptr<HttpMatch> Find(absl::string_view verb, absl::string_view path,
                                  std::vector<std::string>* allowed) const;

  const std::vector<HttpRoute>& routes() const { return routes_; }

 private:
  std::vector<HttpRoute> routes_;
};

// The field at dotted `path` ("plan.name") of `type`, or nullptr; every
// part but the last must be a singular message field. Accepts proto names
// and lowerCamelCase JSON names.
const google::protobuf::FieldDescriptor* FindFieldPath(
    const google::protobuf::Descriptor& type, absl::string_view path,
    std::vector<const google::protobuf::FieldDescriptor*>* chain);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_HTTP_BINDINGS_H_
