// Downsizing candidates: the people whose yearly ratings meet a
// rating-based category of a decree in force (downsizing_rules.h). One
// school's page of them (DownsizingDesk::ListCandidates) and the counts of
// many schools (StaffingSummarizer) come from this one search, whose reads
// (yearly ratings, open records, the rated people) are one query each for
// any number of schools.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_CANDIDATES_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_CANDIDATES_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/staffing/domain/downsizing_rules.h"
#include "services/staffing/domain/model.h"
#include "services/staffing/domain/staffing_store.h"

namespace parhub::staffing {

struct Candidate final {
  Staff staff;
  std::string category;
  std::vector<Rating> ratings;  // qualifying yearly ratings, oldest first
};

// The candidates of each of `school_ids` (by school id, each school's by
// staff id), from yearly ratings up to `last_year` under the decrees in
// force on `today`: for each decree the first rating-based category the
// person meets counts, unless the person is exempt under it on `today`;
// people who have left and people with an open record are left out. Only
// staff ids after `after`, and at most `limit` a school (0: all). Schools
// without candidates are absent.
absl::StatusOr<std::map<std::string, std::vector<Candidate>>> FindCandidates(
    StaffingStore& store, const DownsizingCatalog& catalog, Date today,
    const std::vector<std::string>& school_ids, int last_year, const std::string& after, int limit);

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_CANDIDATES_H_
