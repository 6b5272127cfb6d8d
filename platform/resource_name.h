// Resource names ("schools/{school}/plans/{plan}"), resource ids, random ids
// and opaque page tokens: the naming rules every service shares.
#ifndef PARHUB_PLATFORM_RESOURCE_NAME_H_
#define PARHUB_PLATFORM_RESOURCE_NAME_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"

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

// Page sizes: 0 means `default_size`; above `max_size` is clamped; negative
// is INVALID_ARGUMENT on "page_size".
absl::StatusOr<int> PageSize(int requested, int default_size, int max_size);

// Opaque page tokens wrap the last key a page ended at.
std::string EncodePageToken(absl::string_view last_key);
// "" decodes to "" (first page). Anything not made by EncodePageToken is
// INVALID_ARGUMENT on "page_token".
absl::StatusOr<std::string> DecodePageToken(absl::string_view token);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RESOURCE_NAME_H_
