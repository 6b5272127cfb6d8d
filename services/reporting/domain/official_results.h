// Last year's official PAR result: the authority's total and the items it
// deducted points from, imported so the school sees, per deducted item, the
// tasks of this year's plan that address it (the framework links each
// sub-criterion to seed-plan tasks by code) and how far they have got —
// the reason the improvement plan exists.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_OFFICIAL_RESULTS_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_OFFICIAL_RESULTS_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "services/reporting/domain/assessment_desk.h"
#include "services/reporting/domain/source_pulls.h"

namespace parhub::reporting {

class OfficialResults final {
 public:
  OfficialResults(ReportingStore& store, FrameworkBook& frameworks, SummarySource& source,
                  std::function<absl::Time()> clock)
      : store_(store), frameworks_(frameworks), source_(source), clock_(std::move(clock)) {}

  // The school's admins or an officer of its authority; replaces an earlier
  // import of the year. INVALID_ARGUMENT naming the deduction for an
  // unknown sub-criterion, points outside 0..max (a deduction awards less
  // than the maximum), or a total outside 0..100.
  absl::StatusOr<v1::OfficialParResult> Import(const Caller& caller, const std::string& school_id, int year,
                                               const v1::OfficialParResult& result);
  // With each deduction's addressing tasks of `plan_year` (0: year + 1).
  absl::StatusOr<v1::OfficialParResult> Get(const Caller& caller, const std::string& school_id, int year,
                                            int plan_year, absl::Time deadline);

 private:
  ReportingStore& store_;
  FrameworkBook& frameworks_;
  SummarySource& source_;
  std::function<absl::Time()> clock_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_OFFICIAL_RESULTS_H_
