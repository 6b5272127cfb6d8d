// Phone numbers as people write them on forms ("0909 123 456",
// "+84 909.123.456"): 8-15 digits, with spaces, dots, dashes and a leading
// plus allowed between them. Pure C++.
#ifndef PARHUB_PLATFORM_CORE_PHONE_H_
#define PARHUB_PLATFORM_CORE_PHONE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

// OK for a plausible phone number; INVALID_ARGUMENT naming `field`.
absl::Status ValidatePhone(absl::string_view phone, absl::string_view field);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_PHONE_H_
