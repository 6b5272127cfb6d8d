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

ReferenceIndex::ReferenceIndex(const std::vector<std::string>& references) {
  for (const std::string& reference : references) {
    std::string normalized = NormalizeForMatching(reference);
    if (normalized.empty()) continue;
    lengths_.insert(normalized.size());
    by_normalized_.emplace(std::move(normalized), reference);
  }
}

std::vector<std::string> ReferenceIndex::Find(absl::string_view description) const {
  const std::string text = NormalizeForMatching(description);
  struct Hit {
    size_t at = 0;
    size_t length = 0;
    const std::string* reference = nullptr;
  };
  std::vector<Hit> found;
  for (size_t length : lengths_) {
    for (size_t at = 0; at + length <= text.size(); ++at) {
      auto it = by_normalized_.find(text.substr(at, length));
      if (it != by_normalized_.end()) found.push_back({at, length, &it->second});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Hit& a, const Hit& b) { return a.at < b.at || (a.at == b.at && a.length > b.length); });
  std::vector<std::string> out;
  for (const Hit& hit : found) {
    const bool inside_longer = std::any_of(found.begin(), found.end(), [&](const Hit& other) {
      return other.length > hit.length && other.at <= hit.at &&
             hit.at + hit.length <= other.at + other.length;
    });
    if (!inside_longer && std::find(out.begin(), out.end(), *hit.reference) == out.end()) {
      out.push_back(*hit.reference);
    }
  }
  return out;
}

std::vector<std::string> ReferencesIn(absl::string_view description,
                                      const std::vector<std::string>& candidates) {
  return ReferenceIndex(candidates).Find(description);
}

}  // namespace parhub::finance
