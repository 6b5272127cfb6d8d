// Resource names and ids.
#include "platform/core/resource_name.h"

#include <openssl/rand.h>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"

namespace parhub::platform {

absl::StatusOr<std::vector<std::string>> ParseName(absl::string_view pattern, absl::string_view name,
                                                   absl::string_view field) {
  std::vector<absl::string_view> want = absl::StrSplit(pattern, '/');
  std::vector<absl::string_view> got = absl::StrSplit(name, '/');
  auto bad = [&] {
    return InvalidField(field,
                        absl::StrCat("'", name, "' không đúng dạng ", pattern, " (malformed resource name)"));
  };
  if (name.empty()) return InvalidField(field, "bắt buộc (required)");
  if (want.size() != got.size()) return bad();
  std::vector<std::string> vars;
  for (size_t i = 0; i < want.size(); ++i) {
    if (absl::StartsWith(want[i], "{")) {
      if (!ValidateId(got[i], field).ok()) return bad();
      vars.emplace_back(got[i]);
    } else if (want[i] != got[i]) {
      return bad();
    }
  }
  return vars;
}

absl::Status ValidateId(absl::string_view id, absl::string_view field) {
  bool ok = !id.empty() && id.size() <= 40 && id.front() != '-' && id.back() != '-';
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) ok = false;
  }
  if (ok) return absl::OkStatus();
  return InvalidField(field, absl::StrCat("'", id,
                                          "' không hợp lệ: 1-40 ký tự a-z, 0-9, '-' "
                                          "(id must be 1-40 of a-z, 0-9, '-')"));
}

std::string RandomHex(int bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes) != 1) {
    std::abort();  // the kernel's entropy source failing is not recoverable
  }
  return absl::BytesToHexString(raw);
}

std::string RandomId() { return RandomHex(8); }

}  // namespace parhub::platform
