// The school list of a roll-up over many schools: the BatchSummarize* calls
// the gateway makes once per page of an authority's schools. One parse and
// one check, so every service refuses the same lists with the same words.
#ifndef PARHUB_PLATFORM_CORE_SCHOOL_BATCH_H_
#define PARHUB_PLATFORM_CORE_SCHOOL_BATCH_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace parhub::platform {

// Schools per call at most.
inline constexpr int kMaxBatchSchools = 5000;

// The ids of a request's "schools/{school}" names, in order; INVALID_ARGUMENT
// naming "schools[i]" for the first malformed one.
absl::StatusOr<std::vector<std::string>> SchoolIdsOf(const std::vector<std::string>& names);
// The same for any range of names (a request's repeated field).
template <typename Names>
absl::StatusOr<std::vector<std::string>> SchoolIdsOf(const Names& names) {
  return SchoolIdsOf(std::vector<std::string>(names.begin(), names.end()));
}

// 1 to kMaxBatchSchools ids, each once. INVALID_ARGUMENT naming "schools"
// for an empty or too long list, "schools[i]" for the first repeated id.
absl::Status CheckSchoolBatch(const std::vector<std::string>& school_ids);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_SCHOOL_BATCH_H_
