// Phone numbers (see phone.h).
#include "platform/core/phone.h"

#include "absl/strings/ascii.h"
#include "platform/core/errors.h"

namespace parhub::platform {

absl::Status ValidatePhone(absl::string_view phone, absl::string_view field) {
  int digits = 0;
  for (char c : phone) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c != '+' && c != ' ' && c != '.' && c != '-') {
      return InvalidField(field, "số điện thoại chỉ gồm chữ số (digits only)");
    }
  }
  if (digits < 8 || digits > 15) return InvalidField(field, "số điện thoại có 8–15 chữ số (8-15 digits)");
  return absl::OkStatus();
}

}  // namespace parhub::platform
