// Vietnamese text: NFC normalisation (names must round-trip exactly) and
// folding for search ("nguyen van duc" finds "Nguyễn Văn Đức"; đ/Đ fold to
// d, which MySQL collations do not do).
#ifndef PARHUB_PLATFORM_VNTEXT_H_
#define PARHUB_PLATFORM_VNTEXT_H_

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace parhub::platform {

// NFC form of UTF-8 `text`; INVALID_ARGUMENT on `field` when not valid UTF-8.
absl::StatusOr<std::string> NormalizeNfc(absl::string_view text, absl::string_view field);

// Lower-case, diacritics removed, đ→d, runs of white space collapsed.
// Invalid UTF-8 folds to "".
std::string FoldForSearch(absl::string_view text);

// The first `max_chars` code points of UTF-8 `text` (never cuts a character).
std::string Utf8Prefix(absl::string_view text, size_t max_chars);

// Trims, NFC-normalises and checks a required human text (1..max_chars
// code points). Names `field` in errors.
absl::StatusOr<std::string> CleanText(absl::string_view text, absl::string_view field, int max_chars,
                                      bool required);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_VNTEXT_H_
