// E-mail address check (see email.h).
#include "platform/core/email.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"

namespace parhub::platform {

absl::Status ValidateEmail(absl::string_view email, absl::string_view field) {
  if (email.empty()) return absl::OkStatus();
  auto invalid = [&] {
    return InvalidField(field, "không phải địa chỉ e-mail hợp lệ, ví dụ ten@tphcm.gov.vn (invalid e-mail)");
  };
  size_t at = email.find('@');
  if (email.size() > 254 || at == absl::string_view::npos ||
      email.find('@', at + 1) != absl::string_view::npos) {
    return invalid();
  }
  absl::string_view local = email.substr(0, at), domain = email.substr(at + 1);
  if (local.empty() || local.size() > 64) return invalid();
  for (char c : local) {
    if (c <= ' ' || c >= 0x7f) return invalid();
  }
  std::vector<absl::string_view> labels = absl::StrSplit(domain, '.');
  if (labels.size() < 2) return invalid();
  for (absl::string_view label : labels) {
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return invalid();
    for (char c : label) {
      if (!absl::ascii_isalnum(c) && c != '-') return invalid();
    }
  }
  return absl::OkStatus();
}

}  // namespace parhub::platform
