// SIPAS respondent codes: what a respondent types to open and answer a
// survey. Ten random Crockford base32 characters (50 bits) and one check
// character, shown in groups as "7KQ4-XP9D-M2C". Typing is forgiving: case,
// spaces and dashes do not matter, and O reads as 0, I and L as 1
// (Crockford's decoding rules).
//
// The check character is a weighted sum over GF(32) (the field of 32
// elements, x^5 + x^2 + 1): with the characters' values v0..v9 and the
// primitive element a, check = a^1·v0 + a^2·v1 + … + a^10·v9. Because every
// weight (the check's own is a^0 = 1) is a distinct non-zero field element,
// it catches every single wrong character and every swap of two characters,
// adjacent or not; a plain sum mod 32 cannot catch all swaps. A mistyped
// code is refused as INVALID_ARGUMENT before anything is looked up.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_RESPONDENT_CODE_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_RESPONDENT_CODE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parhub::reporting {

// Characters in a code, check character included.
inline constexpr int kRespondentCodeLength = 11;

// A new random code in canonical form (11 characters, no dashes).
std::string NewRespondentCode();
// "7KQ4XP9DM2C" → "7KQ4-XP9D-M2C" (as printed and shown).
std::string FormatRespondentCode(absl::string_view canonical);
// What was typed → the canonical code; INVALID_ARGUMENT naming `field`
// when it has the wrong length, a character outside the alphabet, or a
// check character that does not match (a typo).
absl::StatusOr<std::string> ParseRespondentCode(absl::string_view typed, absl::string_view field);
// The check character of ten canonical characters (exposed for tests).
char RespondentCheckCharacter(absl::string_view ten);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_RESPONDENT_CODE_H_
