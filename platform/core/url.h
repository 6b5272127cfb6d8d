// Links people give as evidence or references, checked by libcurl's URL
// parser (the one curl itself uses) rather than by prefix matching.
#ifndef PARHUB_PLATFORM_CORE_URL_H_
#define PARHUB_PLATFORM_CORE_URL_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

// Longest link accepted, in bytes (links are ASCII).
inline constexpr int kMaxUrlLength = 2000;

// OK for an absolute http:// or https:// URL with a host, at most
// kMaxUrlLength bytes, written in ASCII without spaces or control
// characters, and without user name or password (user:pass@host). Anything
// else is INVALID_ARGUMENT naming `field`, e.g. "javascript:…", "http://",
// "https://a b", "http://user:pw@host/", "//host/path", "www.example.com".
//
// International domain names must be written in punycode
// ("https://xn--bcgiodc-wvaa.vn/"): a Unicode host is rejected, because
// look-alike letters from other scripts are how such links spoof a trusted
// site. Non-ASCII path or query text must be percent-encoded. A
// backslash is rejected too: browsers read it as '/', curl does not.
absl::Status ValidateHttpUrl(absl::string_view url, absl::string_view field);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_URL_H_
