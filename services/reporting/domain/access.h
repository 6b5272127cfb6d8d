// Who may do what in the reporting service. School admins write their own
// school; staff read it; authority officers read (and appraise, acknowledge
// or return) a school the gateway checked is in their subtree; services
// read with their signed identity. Another school's data is NOT_FOUND.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_ACCESS_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_ACCESS_H_

#include <string>

#include "absl/status/status.h"
#include "platform/core/caller.h"

namespace parhub::reporting {

using ::parhub::platform::Caller;

absl::Status RequireSchoolRead(const Caller& caller, const std::string& school_id, const std::string& what);
absl::Status RequireSchoolWrite(const Caller& caller, const std::string& school_id, const std::string& what);
// Authority officers of the school's subtree only.
absl::Status RequireOfficer(const Caller& caller, const std::string& school_id, const std::string& what);
// Reports: the school's admins, its officers and services (staff do not).
absl::Status RequireReportRead(const Caller& caller, const std::string& school_id);
// Officers who govern frameworks (CreateParFramework).
absl::Status RequireAnyOfficer(const Caller& caller);
// Calls only parhub's own services make (Batch*).
absl::Status RequireServiceCaller(const Caller& caller);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_ACCESS_H_
