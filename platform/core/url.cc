// http(s) link checks with libcurl's URL API (curl_url_set / curl_url_get).
#include "platform/core/url.h"

#include <curl/curl.h>

#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"

namespace parhub::platform {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

// Copies `part` of `url` into `out`; false when the URL has no such part.
bool GetPart(CURLU* url, CURLUPart part, std::string* out) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, 0) != CURLUE_OK) return false;
  *out = value == nullptr ? "" : value;
  curl_free(value);
  return true;
}

}  // namespace

absl::Status ValidateHttpUrl(absl::string_view url, absl::string_view field) {
  if (url.empty()) return InvalidField(field, "bắt buộc (required)");
  if (url.size() > static_cast<size_t>(kMaxUrlLength)) {
    return InvalidField(field, absl::StrCat("dài quá ", kMaxUrlLength, " ký tự (longer than ", kMaxUrlLength,
                                            " characters)"));
  }
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7f || c == '\\') {
      return InvalidField(field,
                          "không được chứa khoảng trắng, ký tự điều khiển hay ký tự ngoài ASCII; "
                          "tên miền quốc tế viết dạng punycode xn--… (no spaces, control or "
                          "non-ASCII characters; write international domains in punycode)");
    }
  }
  UrlHandle handle(curl_url());
  if (handle == nullptr) return absl::InternalError("curl_url: out of memory");
  // Flags 0: no default or guessed scheme, so the link must be absolute.
  const std::string text(url);
  if (curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return InvalidField(field, "không phải đường dẫn http(s) hợp lệ (not a valid absolute http(s) URL)");
  }
  std::string scheme, host, ignored;
  if (!GetPart(handle.get(), CURLUPART_SCHEME, &scheme) ||
      (absl::AsciiStrToLower(scheme) != "http" && absl::AsciiStrToLower(scheme) != "https")) {
    return InvalidField(field, "phải bắt đầu bằng https:// hoặc http:// (must be an http(s) link)");
  }
  // curl, like browsers, forgives "http:/host" and "http:///host"; a link
  // people copy should be written out as scheme://host.
  const std::string authority_start = absl::StrCat(scheme, "://");
  if (!absl::StartsWithIgnoreCase(url, authority_start) || url.size() == authority_start.size() ||
      url[authority_start.size()] == '/') {
    return InvalidField(field, "thiếu tên máy chủ (the link has no host)");
  }
  if (!GetPart(handle.get(), CURLUPART_HOST, &host) || host.empty()) {
    return InvalidField(field, "thiếu tên máy chủ (the link has no host)");
  }
  if (GetPart(handle.get(), CURLUPART_USER, &ignored) ||
      GetPart(handle.get(), CURLUPART_PASSWORD, &ignored)) {
    return InvalidField(field,
                        "không được chứa tên đăng nhập hay mật khẩu (must not contain a user name "
                        "or password)");
  }
  return absl::OkStatus();
}

}  // namespace parhub::platform
