// The list of schools a roll-up asks about in one call (the Batch* summaries
// the gateway sends per page of schools): "schools/{school}" names, 1 to
// kMaxBatchSchools of them, each once. Every service's batch summary reads
// and checks its list here, so they all refuse the same lists the same way.
#ifndef PARHUB_PLATFORM_CORE_SCHOOL_BATCH_H_
#define PARHUB_PLATFORM_CORE_SCHOOL_BATCH_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace parhub::platform {

inline constexpr int kMaxBatchSchools = 5000;

// The school ids of `names`, in order; INVALID_ARGUMENT on "schools[i]" for
// the first name that is not "schools/{school}".
absl::StatusOr<std::vector<std::string>> ParseSchoolNames(const std::vector<std::string>& names);

// INVALID_ARGUMENT on "schools" for no ids or more than kMaxBatchSchools, on
// "schools[i]" for the first id that already stood earlier in the list.
absl::Status CheckSchoolBatch(const std::vector<std::string>& school_ids);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_SCHOOL_BATCH_H_
