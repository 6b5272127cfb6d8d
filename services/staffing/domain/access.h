// Who may do what with the staffing service's data. The rpc adapter calls
// these before anything else (and before the idempotency ledger).
//
//   school admin      everything of its own school, personal data included
//   school staff      the roster of its school without personal data
//   authority officer counts only: quotas, downsizing targets and progress,
//                     summaries, the catalog; names only on downsizing records
//                     submitted to it (SUBMITTED and later), on which it
//                     records its decision
//   service           the roster without personal data, ratings, summaries
//
// Reads of another school answer NOT_FOUND (platform::Caller).
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_ACCESS_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_ACCESS_H_

#include <string>

#include "absl/status/status.h"
#include "platform/core/caller.h"
#include "services/staffing/domain/model.h"

namespace parhub::staffing {

using ::parhub::platform::Caller;

// Staff records and staff voice (suggestions, the people's inspection
// board): the school's admins, staff and services, not officers.
absl::Status RequireRosterRead(const Caller& caller, const std::string& school_id);
// Sending a suggestion: the school's own admins and staff.
absl::Status RequireSuggestionWrite(const Caller& caller, const std::string& school_id);
// Whether the caller sees birth dates, identity numbers and circumstances.
bool SeesPersonalData(const Caller& caller, const std::string& school_id);
// Changing the roster, quotas, ratings and records: the school's admins.
absl::Status RequireSchoolWrite(const Caller& caller, const std::string& school_id,
                                const std::string& resource);
// Personnel matters (ratings, candidates, inspections): the school's admins
// and services. `resource` names it in the message, e.g. "đánh giá".
absl::Status RequirePersonnelRead(const Caller& caller, const std::string& school_id,
                                  const std::string& resource);
// Counts (quotas, targets, progress, summaries): any reader of the school.
absl::Status RequireCountsRead(const Caller& caller, const std::string& school_id);
// Downsizing records: the school's admins and services; officers too, for
// records already submitted (RecordVisible).
absl::Status RequireRecordRead(const Caller& caller, const std::string& school_id);
bool RecordVisible(const Caller& caller, DownsizingState state);
// Approving or rejecting: the school's admins (recording the authority's
// decision) and the officers above the school.
absl::Status RequireDecision(const Caller& caller, const std::string& school_id);
// Many schools at once (roll-ups): services only; the gateway resolved
// which schools the asking officer may see.
absl::Status RequireService(const Caller& caller);
// Changing a target's baselines: the school's admins and officers above it.
absl::Status RequireTargetWrite(const Caller& caller, const std::string& school_id);

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_ACCESS_H_
