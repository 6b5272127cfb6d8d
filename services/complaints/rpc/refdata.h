// The complaints service's reference data, embedded in the binary at build
// time: the deadline policy sets (data/complaints/deadline_policies.json)
// and every holiday calendar under data/holidays/. Parsed and checked at
// start; a bad file stops the service.
#ifndef PARHUB_SERVICES_COMPLAINTS_RPC_REFDATA_H_
#define PARHUB_SERVICES_COMPLAINTS_RPC_REFDATA_H_

#include <map>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parhub/complaints/v1/complaints.pb.h"
#include "parhub/refdata/v1/refdata.pb.h"
#include "services/complaints/domain/deadline_rules.h"

namespace parhub::complaints {

struct LoadedRules final {
  std::optional<DeadlineRules> rules;
  v1::DeadlinePolicySets policy_sets;                             // as served, effective_until filled
  std::map<int, parhub::refdata::v1::HolidayCalendar> calendars;  // by year
};

// From JSON texts (tests pass files of their own).
absl::StatusOr<LoadedRules> LoadRules(absl::string_view policy_sets_json,
                                      const std::vector<absl::string_view>& holiday_jsons);
// From the embedded data.
absl::StatusOr<LoadedRules> LoadEmbeddedRules();

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_RPC_REFDATA_H_
