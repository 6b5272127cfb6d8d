// Resource names ("schools/{school}/plans/{plan}"), resource ids and random
// ids: the naming rules every service shares. Page tokens are in page.h.
#ifndef PARHUB_PLATFORM_CORE_RESOURCE_NAME_H_
#define PARHUB_PLATFORM_CORE_RESOURCE_NAME_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

// Matches `name` against `pattern` such as "schools/{school}/plans/{plan}"
// and returns the variable segments in order. INVALID_ARGUMENT names `field`.
absl::StatusOr<std::vector<std::string>> ParseName(absl::string_view pattern, absl::string_view name,
                                                   absl::string_view field);

// Checks a caller-chosen id: 1-40 of [a-z0-9-], not starting or ending with '-'.
absl::Status ValidateId(absl::string_view id, absl::string_view field);

// A random id of 16 lowercase hex digits.
std::string RandomId();
// `bytes` random bytes as lowercase hex (cryptographically strong).
std::string RandomHex(int bytes);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_RESOURCE_NAME_H_
