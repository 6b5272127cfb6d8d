// The one declarative table of every method the gateway forwards: which
// backend serves it, which roles may call it, and where in the request the
// tenant (school or authority) is named so the gateway can check scope
// before anything is forwarded. Methods not in the table are UNIMPLEMENTED.
#ifndef PARHUB_GATEWAY_ROUTE_TABLE_H_
#define PARHUB_GATEWAY_ROUTE_TABLE_H_

#include <google/protobuf/message.h>

#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "gateway/authenticator.h"

namespace parhub::gateway {

enum class ScopeKind {
  kNone,            // no tenant in the request (e.g. list templates)
  kSchool,          // field holds "schools/{school}/…": must be in the caller's scope
  kAuthority,       // field holds "authorities/{authority}/…": must be in the officer's subtree
  kServiceEnforced  // the backend applies finer rules itself (accounts, keys)
};

struct Route final {
  const char* method;  // "/parhub.tasks.v1.TaskService/GetTask"; its service picks the backend (backends.h)
  std::set<platform::Role> roles;
  ScopeKind scope;
  const char* field;  // dotted path of the resource-name field, for kSchool/kAuthority
};

// Every forwarded method; a method absent here is refused.
const std::vector<Route>& Routes();
// The route for `method`, or nullptr.
const Route* FindRoute(const std::string& method);

// What the forwarded identity may touch for one call.
struct CallScope final {
  std::string school_id;     // the school named by the request, or the caller's own
  std::string authority_id;  // the authority named by the request, or the officer's own
};

// Checks the principal against the route and the parsed request.
// Other schools and authorities are NOT_FOUND (existence never leaks);
// a role not allowed is PERMISSION_DENIED.
absl::StatusOr<CallScope> Authorize(const Route& route, const Principal& principal,
                                    const google::protobuf::Message& request);

// The school named by a "schools/{school}/…" resource name, or "".
std::string SchoolOf(const std::string& resource_name);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_ROUTE_TABLE_H_
