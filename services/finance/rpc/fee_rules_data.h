// The city's fee rules as the finance service ships them: the data file
// data/finance/fee_rules.json (message parhub.refdata.v1.FeeRuleBook),
// embedded in the binary at build time, parsed with the proto3 JSON parser
// (unknown fields are errors), checked, and converted to the domain's
// FeeRules. A bad file stops the service at start.
#ifndef PARHUB_SERVICES_FINANCE_RPC_FEE_RULES_DATA_H_
#define PARHUB_SERVICES_FINANCE_RPC_FEE_RULES_DATA_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/finance/domain/fee_rules.h"

namespace parhub::finance {

// From a JSON text (tests may pass their own): INVALID_ARGUMENT naming the
// bad entry (school year, kind, cap) for a file that does not parse, a
// school year not like "2025-2026" or repeated, a kind code repeated in a
// year, a treatment not set, a capped kind without caps (or caps on a kind
// that is not capped), a school level not one of kSchoolLevels, an area
// group not 1 or 2, a unit that is not month/term/year/once, a cap amount
// out of range, a missing source or verification.
absl::StatusOr<FeeRules> LoadFeeRules(absl::string_view json);

// From the embedded data/finance/fee_rules.json; INTERNAL when it is bad.
absl::StatusOr<FeeRules> LoadEmbeddedFeeRules();

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_RPC_FEE_RULES_DATA_H_
