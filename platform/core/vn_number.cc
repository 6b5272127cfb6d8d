// Dots between thousands (vn_number.h).
#include "platform/core/vn_number.h"

namespace parhub::platform {

std::string GroupThousands(absl::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string GroupThousands(int64_t value) {
  // The magnitude as unsigned, so the most negative int64 does not overflow.
  const uint64_t magnitude =
      value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  return (value < 0 ? "-" : "") + GroupThousands(std::to_string(magnitude));
}

}  // namespace parhub::platform
