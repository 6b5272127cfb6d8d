// Payment references: the short code an invoice asks the payer to put in
// the transfer's description, and how a bank statement line is matched to
// it. Banks upper-case, insert spaces, dashes or dots, and truncate long
// descriptions, so references are short (≤ 19 characters), upper-case ASCII
// letters and digits only, and matching ignores case and punctuation.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_PAYMENT_REFERENCE_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_PAYMENT_REFERENCE_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace parhub::finance {

inline constexpr size_t kMaxReferenceLength = 19;

// OK for 1-19 upper-case ASCII letters and digits; INVALID_ARGUMENT naming
// `field` otherwise (diacritics included).
absl::Status ValidatePaymentReference(absl::string_view reference, absl::string_view field);
// Upper-case letters and digits of `text`, everything else dropped
// (Vietnamese letters with diacritics are dropped too: banks strip them).
std::string NormalizeForMatching(absl::string_view text);
// The references a school has issued, indexed so a statement line's
// description is searched in time proportional to its length, not to the
// number of references (a 100,000-line statement against thousands of
// open invoices).
class ReferenceIndex final {
 public:
  explicit ReferenceIndex(const std::vector<std::string>& references);
  // The references `description` names, in the order they appear in it
  // (each once); one that is only a piece of a longer one found at the
  // same place ("HP2609A1" inside "HP2609A12") is not named.
  std::vector<std::string> Find(absl::string_view description) const;

 private:
  std::map<std::string, std::string> by_normalized_;  // normalised → as issued
  std::set<size_t> lengths_;
};

// ReferenceIndex(candidates).Find(description).
std::vector<std::string> ReferencesIn(absl::string_view description,
                                      const std::vector<std::string>& candidates);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_PAYMENT_REFERENCE_H_
