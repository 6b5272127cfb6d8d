// The live PAR forecast: every sub-criterion's points from the best source
// there is (appraised > live metric > self-assessed > nothing), each line
// explaining what it lost ("−1,5: 38/41 = 92,7% — …"), so the lines add up
// to the total by construction. A source that did not answer leaves its
// lines on the last good pull, marked STALE with that pull's time; only a
// source never pulled gives UNAVAILABLE (0, listed in source_errors).
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_FORECASTER_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_FORECASTER_H_

#include <google/protobuf/message.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/time/time.h"
#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::reporting {

// One source's summary for the forecast: fresh, or the last good one
// (stale, with why the fresh pull failed), or none (`summary` null).
struct PulledSummary final {
  std::shared_ptr<const google::protobuf::Message> summary;
  absl::Time pull_time;
  bool stale = false;
  std::string error;  // why this pull failed ("UNAVAILABLE: …"), "" when fresh
};
using PulledSummaries = std::map<std::string, PulledSummary>;  // by source ("tasks", …)

// "92,7": Vietnamese decimal comma, at most `decimals` decimals, no
// trailing zeros.
std::string VietnameseNumber(double value, int decimals = 2);

class Forecaster final {
 public:
  Forecaster(const v1::MetricCatalog& catalog) : catalog_(catalog) {}

  // `assessment` may be null (nothing self-assessed yet).
  v1::ParForecast Compute(const std::string& school_name, const v1::ParFramework& framework,
                          const v1::ParAssessment* assessment, const PulledSummaries& pulled,
                          absl::Time now) const;

 private:
  const v1::MetricDefinition* Metric(const std::string& name) const;

  const v1::MetricCatalog& catalog_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_FORECASTER_H_
