// The reporting service's reference data, embedded in the binary at build
// time: every PAR framework (data/reporting/par_framework_*.json), the
// metric catalog, the report families with their calendars and the SIPAS
// questionnaire. Parsed and checked at start; a bad file stops the service.
#ifndef PARHUB_SERVICES_REPORTING_RPC_REFDATA_H_
#define PARHUB_SERVICES_REPORTING_RPC_REFDATA_H_

#include <vector>

#include "absl/status/statusor.h"
#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::reporting {

struct ReportingRefdata final {
  v1::MetricCatalog catalog;
  v1::ReportFamilySet families;
  v1::SipasQuestionnaire questionnaire;
  std::vector<v1::ParFramework> frameworks;  // validated against the catalog
};

absl::StatusOr<ReportingRefdata> LoadEmbeddedRefdata();

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_RPC_REFDATA_H_
