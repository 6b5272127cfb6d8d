// Payment references: the short code an invoice asks the payer to put in
// the transfer's description, and how a bank statement line is matched to
// it. Banks upper-case, insert spaces, dashes or dots, and truncate long
// descriptions, so references are short (≤ 19 characters), upper-case ASCII
// letters and digits only, and matching ignores case and punctuation.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_PAYMENT_REFERENCE_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_PAYMENT_REFERENCE_H_

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
// The references among `candidates` that a statement line's description
// names, in the order they appear in it (each at most once).
std::vector<std::string> ReferencesIn(absl::string_view description,
                                      const std::vector<std::string>& candidates);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_PAYMENT_REFERENCE_H_
