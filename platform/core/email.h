// E-mail addresses: the one check every service applies to an address a
// person typed (accounts, staff city mailboxes).
#ifndef PARHUB_PLATFORM_CORE_EMAIL_H_
#define PARHUB_PLATFORM_CORE_EMAIL_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

// OK for "" and for local@domain: one '@', a local part of 1-64 printable
// ASCII characters without spaces, a domain of dot-separated labels of
// letters, digits and '-' with at least one dot, 254 characters in all.
// INVALID_ARGUMENT naming `field` otherwise.
absl::Status ValidateEmail(absl::string_view email, absl::string_view field);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_EMAIL_H_
