// Vietnamese text: NFC normalisation (names must round-trip exactly), the
// one cleaning rule for every human text field (CleanText: no controls, no
// invisible or bidirectional-control characters), and folding for search
// ("nguyen van duc" finds "Nguyễn Văn Đức"; đ/Đ fold to d, which MySQL
// collations do not do).
#ifndef PARHUB_PLATFORM_CORE_VNTEXT_H_
#define PARHUB_PLATFORM_CORE_VNTEXT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

// NFC form of UTF-8 `text`; INVALID_ARGUMENT on `field` when not valid UTF-8.
absl::StatusOr<std::string> NormalizeNfc(absl::string_view text, absl::string_view field);

// Lower-case, diacritics removed, đ→d, runs of white space collapsed.
// Invalid UTF-8 folds to "".
std::string FoldForSearch(absl::string_view text);

// The first `max_chars` code points of UTF-8 `text` (never cuts a character).
std::string Utf8Prefix(absl::string_view text, size_t max_chars);

// Whether a field may hold more than one line.
enum class TextLines {
  kSingle,  // names, titles, codes, numbers: no line breaks, no tabs
  kMulti,   // descriptions and notes: '\n' and '\t' allowed
};

// Trims ASCII white space, NFC-normalises and checks a human text: 1..
// max_chars code points when `required`, else 0..max_chars. Every field
// rejects, with INVALID_ARGUMENT naming `field`:
//   - control characters (C0, DEL, C1), except '\n' and '\t' in kMulti fields;
//   - '\n' and '\t' in kSingle fields ("must be a single line");
//   - invisible and bidirectional-control characters, which make one text
//     look like another: every Unicode format character (category Cf, e.g.
//     U+200B..U+200F zero-width and direction marks, U+202A..U+202E and
//     U+2066..U+2069 embeddings and isolates, U+2060..U+2064, U+FEFF, U+00AD
//     soft hyphen) and the line/paragraph separators U+2028, U+2029.
absl::StatusOr<std::string> CleanText(absl::string_view text, absl::string_view field, int max_chars,
                                      bool required, TextLines lines);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_VNTEXT_H_
