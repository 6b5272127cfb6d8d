// Paging, the one way every List method pages: parse the request's
// page_size and page_token (ParsePageRequest), fetch at most size + 1 rows
// after the cursor, and let MakePage keep `size` of them and wrap the last
// kept row's key in an opaque token when there was one more.
//
// Tokens are "p1:<key>" in web-safe base64. They are cursors, not bound to
// the request's filters; the key's layout ("2024/par-2024", "1.5", …) is the
// caller's business.
#ifndef PARHUB_PLATFORM_CORE_PAGE_H_
#define PARHUB_PLATFORM_CORE_PAGE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

// One page of a listing.
template <typename T>
struct Page final {
  std::vector<T> items;
  std::string next_page_token;  // "" on the last page
};

// A List request's paging, checked.
struct PageRequest final {
  int size = 0;       // rows to return, 1..max_size
  std::string after;  // the key the previous page ended at; "" for the first page

  // Rows to fetch: one more than `size` tells whether another page follows.
  int fetch_limit() const { return size + 1; }
};

// 0 means `default_size`; above `max_size` is clamped; negative is
// INVALID_ARGUMENT on "page_size".
absl::StatusOr<int> PageSize(int requested, int default_size, int max_size);

// Opaque page tokens wrap the last key a page ended at.
std::string EncodePageToken(absl::string_view last_key);
// "" decodes to "" (first page). Anything not made by EncodePageToken is
// InvalidPageToken().
absl::StatusOr<std::string> DecodePageToken(absl::string_view token);
// INVALID_ARGUMENT on "page_token", also for a well-formed token whose key
// the listing cannot read.
absl::Status InvalidPageToken();

// PageSize and DecodePageToken together (size first, as before).
absl::StatusOr<PageRequest> ParsePageRequest(int page_size, absl::string_view page_token, int default_size,
                                             int max_size);

// A page key of a number and an id, for listings ordered by a year or a
// time, then by id: "<number>/<id>".
struct NumberedKey final {
  int64_t number = 0;
  std::string id;
};
std::string EncodeNumberedKey(int64_t number, absl::string_view id);
// InvalidPageToken() unless `key` is "<integer>/<non-empty id>".
absl::StatusOr<NumberedKey> DecodeNumberedKey(absl::string_view key);

// Turns up to `page_size` + 1 fetched rows into a page: keeps the first
// `page_size` (≥ 1) and, when there were more, sets the token to the last
// kept row's key, `last_key(row)` → std::string.
template <typename T, typename KeyFn>
Page<T> MakePage(std::vector<T> fetched, int page_size, KeyFn last_key) {
  Page<T> page;
  if (page_size > 0 && static_cast<int>(fetched.size()) > page_size) {
    fetched.erase(fetched.begin() + page_size, fetched.end());
    page.next_page_token = EncodePageToken(last_key(fetched.back()));
  }
  page.items = std::move(fetched);
  return page;
}

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_PAGE_H_
