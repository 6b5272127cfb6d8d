// Payment references and statement matching (see payment_reference.h).
#include "services/finance/domain/payment_reference.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"

namespace parhub::finance {

absl::Status ValidatePaymentReference(absl::string_view reference, absl::string_view field) {
  if (reference.empty() || reference.size() > kMaxReferenceLength) {
    return platform::InvalidField(
        field, absl::StrCat("mã thanh toán dài 1–", kMaxReferenceLength, " ký tự (1-19 characters)"));
  }
  for (char c : reference) {
    const auto u = static_cast<unsigned char>(c);
    if (!(absl::ascii_isdigit(u) || absl::ascii_isupper(u))) {
      return platform::InvalidField(field,
                                    "mã thanh toán chỉ gồm chữ in hoa không dấu và chữ số (A-Z, 0-9 only)");
    }
  }
  return absl::OkStatus();
}

std::string NormalizeForMatching(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u)) out.push_back(absl::ascii_toupper(u));
  }
  return out;
}

std::vector<std::string> ReferencesIn(absl::string_view description,
                                      const std::vector<std::string>& candidates) {
  const std::string text = NormalizeForMatching(description);
  std::vector<std::pair<size_t, std::string>> found;
  for (const std::string& candidate : candidates) {
    const std::string ref = NormalizeForMatching(candidate);
    if (ref.empty()) continue;
    const size_t at = text.find(ref);
    if (at != std::string::npos) found.emplace_back(at, candidate);
  }
  std::sort(found.begin(), found.end());
  // A reference that is only a piece of a longer one found at the same
  // place ("HP2609A1" inside "HP2609A12") is not named by the line.
  auto inside_longer = [&](size_t at, const std::string& ref) {
    const size_t len = NormalizeForMatching(ref).size();
    for (const auto& [other_at, other] : found) {
      const size_t other_len = NormalizeForMatching(other).size();
      if (other_len > len && other_at <= at && at + len <= other_at + other_len) return true;
    }
    return false;
  };
  std::vector<std::string> out;
  for (const auto& [at, ref] : found) {
    if (!inside_longer(at, ref) && std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
  }
  return out;
}

}  // namespace parhub::finance
