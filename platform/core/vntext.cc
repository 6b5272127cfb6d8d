// NFC and search folding with ICU.
#include "platform/core/vntext.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"

namespace parhub::platform {
namespace {

// Decodes strictly: invalid UTF-8 is an error rather than U+FFFD.
bool DecodeUtf8(absl::string_view text, icu::UnicodeString* out) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &error);
  if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) return false;
  std::vector<UChar> buffer(length + 1);
  error = U_ZERO_ERROR;
  u_strFromUTF8(buffer.data(), length + 1, &length, text.data(), static_cast<int32_t>(text.size()), &error);
  if (U_FAILURE(error)) return false;
  *out = icu::UnicodeString(buffer.data(), length);
  return true;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Whether `c` may appear in a text field (see CleanText).
absl::Status CheckCharacter(UChar32 c, absl::string_view field, TextLines lines) {
  if (c == '\n' || c == '\t') {
    if (lines == TextLines::kMulti) return absl::OkStatus();
    return InvalidField(field, "phải nằm trên một dòng (must be a single line)");
  }
  switch (u_charType(c)) {
    case U_CONTROL_CHAR:
      return InvalidField(field, "chứa ký tự điều khiển (contains control characters)");
    case U_FORMAT_CHAR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return InvalidField(field,
                          "chứa ký tự ẩn hoặc điều khiển hướng (contains invisible or "
                          "bidirectional control characters)");
    default:
      return absl::OkStatus();
  }
}

}  // namespace

absl::StatusOr<std::string> NormalizeNfc(absl::string_view text, absl::string_view field) {
  icu::UnicodeString s;
  if (!DecodeUtf8(text, &s)) return InvalidField(field, "không phải UTF-8 hợp lệ (invalid UTF-8)");
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) return absl::InternalError("ICU NFC unavailable");
  icu::UnicodeString normalized = nfc->normalize(s, error);
  if (U_FAILURE(error)) return InvalidField(field, "không chuẩn hoá được (cannot normalise)");
  return ToUtf8(normalized);
}

std::string FoldForSearch(absl::string_view text) {
  icu::UnicodeString s;
  if (!DecodeUtf8(text, &s)) return "";
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  if (U_FAILURE(error)) return "";
  icu::UnicodeString decomposed = nfd->normalize(s, error);
  if (U_FAILURE(error)) return "";
  icu::UnicodeString folded;
  bool last_space = true;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0110 || c == 0x0111) c = 'd';
    if (u_isUWhiteSpace(c)) {
      if (!last_space) folded.append(UChar32(' '));
      last_space = true;
      continue;
    }
    folded.append(u_tolower(c));
    last_space = false;
  }
  std::string out = ToUtf8(folded);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Utf8Prefix(absl::string_view text, size_t max_chars) {
  size_t i = 0;
  for (size_t chars = 0; i < text.size() && chars < max_chars; ++chars) {
    unsigned char c = text[i];
    i += c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  }
  return std::string(text.substr(0, std::min(i, text.size())));
}

absl::StatusOr<std::string> CleanText(absl::string_view text, absl::string_view field, int max_chars,
                                      bool required, TextLines lines) {
  auto normalized = NormalizeNfc(absl::StripAsciiWhitespace(text), field);
  if (!normalized.ok()) return normalized.status();
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(*normalized);
  if (required && s.length() == 0) return InvalidField(field, "bắt buộc (required)");
  if (s.countChar32() > max_chars) {
    return InvalidField(
        field, absl::StrCat("dài quá ", max_chars, " ký tự (longer than ", max_chars, " characters)"));
  }
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    RETURN_IF_ERROR(CheckCharacter(c, field, lines));
  }
  return *normalized;
}

}  // namespace parhub::platform
