// The PAR framework's rules: what makes a framework well formed (points add
// up, every metric known, every METRIC item has a usable points rule), how
// a metric value becomes points, and how to find a sub-criterion by code.
// The framework and catalog are the contract's own messages: reporting's
// domain works on snapshots of other services' summaries, so it keeps their
// proto form instead of copying four summary types into structs.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_FRAMEWORK_RULES_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_FRAMEWORK_RULES_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::reporting {

// Points are compared and shown to the hundredth.
double RoundPoints(double points);

// INVALID_ARGUMENT naming the offending field, criterion or sub-criterion
// when the framework does not add up, repeats a code, names a metric the
// catalog lacks, or has a METRIC item without a usable rule.
absl::Status ValidateFramework(const v1::ParFramework& framework, const v1::MetricCatalog& catalog);

// The points a metric value earns under a sub-criterion's rule, in
// 0..max_points. `has_data` false: the rule's no_data_points when set, else
// the rule applied to `value` (the catalog's empty_value).
double PointsFor(const v1::SubCriterion& item, double value, bool has_data);

// A sub-criterion with the field it belongs to, in framework order.
struct FrameworkItem final {
  const v1::ParField* field = nullptr;
  const v1::SubCriterion* item = nullptr;
};
std::vector<FrameworkItem> ItemsOf(const v1::ParFramework& framework);

// "parFrameworks/school-2024" → "school-2024".
std::string FrameworkId(const v1::ParFramework& framework);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_FRAMEWORK_RULES_H_
