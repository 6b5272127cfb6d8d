// The roll-ups' school-list check (see school_batch.h).
#include "platform/core/school_batch.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"

namespace parhub::platform {

absl::StatusOr<std::vector<std::string>> SchoolIdsOf(const std::vector<std::string>& names) {
  std::vector<std::string> ids;
  ids.reserve(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    ASSIGN_OR_RETURN(auto parts, ParseName("schools/{school}", names[i], absl::StrCat("schools[", i, "]")));
    ids.push_back(std::move(parts[0]));
  }
  return ids;
}

absl::Status CheckSchoolBatch(const std::vector<std::string>& school_ids) {
  if (school_ids.empty() || school_ids.size() > static_cast<size_t>(kMaxBatchSchools)) {
    return InvalidField("schools", absl::StrCat("cần từ 1 đến ", kMaxBatchSchools, " trường (1 to ",
                                                kMaxBatchSchools, " schools)"));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < school_ids.size(); ++i) {
    if (!seen.insert(school_ids[i]).second) {
      return InvalidField(absl::StrCat("schools[", i, "]"), "trường bị lặp lại (each school at most once)");
    }
  }
  return absl::OkStatus();
}

}  // namespace parhub::platform
