// Page sizes and page tokens.
#include "platform/core/page.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"

namespace parhub::platform {
namespace {
constexpr absl::string_view kTokenPrefix = "p1:";
}  // namespace

absl::StatusOr<int> PageSize(int requested, int default_size, int max_size) {
  if (requested < 0) return InvalidField("page_size", "không được âm (must not be negative)");
  if (requested == 0) return default_size;
  return std::min(requested, max_size);
}

std::string EncodePageToken(absl::string_view last_key) {
  return absl::WebSafeBase64Escape(absl::StrCat(kTokenPrefix, last_key));
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token) {
  if (token.empty()) return std::string();
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || !absl::StartsWith(raw, kTokenPrefix)) {
    return InvalidPageToken();
  }
  return raw.substr(kTokenPrefix.size());
}

absl::Status InvalidPageToken() { return InvalidField("page_token", "không hợp lệ (invalid page token)"); }

std::string EncodeNumberedKey(int64_t number, absl::string_view id) { return absl::StrCat(number, "/", id); }

absl::StatusOr<NumberedKey> DecodeNumberedKey(absl::string_view key) {
  std::pair<absl::string_view, absl::string_view> parts = absl::StrSplit(key, absl::MaxSplits('/', 1));
  NumberedKey out;
  if (!absl::SimpleAtoi(parts.first, &out.number) || parts.second.empty()) {
    return InvalidPageToken();
  }
  out.id = std::string(parts.second);
  return out;
}

absl::StatusOr<PageRequest> ParsePageRequest(int page_size, absl::string_view page_token, int default_size,
                                             int max_size) {
  PageRequest request;
  ASSIGN_OR_RETURN(request.size, PageSize(page_size, default_size, max_size));
  ASSIGN_OR_RETURN(request.after, DecodePageToken(page_token));
  return request;
}

}  // namespace parhub::platform
