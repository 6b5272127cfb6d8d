// Codes and secrets people copy from paper or a screen (case tracking
// codes, invoice slip secrets): random Crockford base32 characters (no I,
// L, O, U to misread), and one normal form for comparing what was typed
// (upper case, spaces and dashes dropped).
#ifndef PARHUB_PLATFORM_CORE_SECRET_CODE_H_
#define PARHUB_PLATFORM_CORE_SECRET_CODE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace parhub::platform {

// `n` (1-32) random characters of 0-9 A-Z without I, L, O, U (5 bits each),
// from the kernel's randomness; aborts if there is none.
std::string RandomCrockford(int n);
// The first `n` (1-32) bytes of `bytes` as Crockford characters, five bits
// (the low ones) of each byte: codes derived from a MAC look like random ones.
std::string CrockfordOf(absl::string_view bytes, int n);
// Upper case without spaces or dashes; "" when `text` holds anything else
// or is longer than 64 bytes.
std::string NormalizeCode(absl::string_view text);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_SECRET_CODE_H_
