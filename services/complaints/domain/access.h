// Who may do what with the complaints service's data. The rpc adapter calls
// these before anything else (and before the idempotency ledger).
//
//   school admin      everything of its own school, the filers' contact data
//                     included
//   school staff      reads the school's cases without contact data; adds
//                     notes
//   authority officer reads the cases of schools under it without contact
//                     data (except escalated ones, which it handles);
//                     records an escalation
//   service           reads and summarises; the public desk (the gateway's
//                     citizen API) and the authority's escalated list
//
// Another school's cases answer NOT_FOUND (platform::Caller).
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_ACCESS_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_ACCESS_H_

#include <string>

#include "absl/status/status.h"
#include "platform/core/caller.h"
#include "services/complaints/domain/model.h"

namespace parhub::complaints {

using ::parhub::platform::Caller;

// Reading cases, their history and summaries.
absl::Status RequireCaseRead(const Caller& caller, const std::string& school_id);
// Whether the caller sees the filer's contact data on this case. A
// denunciant's identity is kept confidential (Luật Tố cáo 2018, Điều 47):
// only the school's admins see it.
bool SeesSubmitter(const Caller& caller, const Case& c);
// Intake and every decision on a case: the school's admins.
absl::Status RequireCaseWrite(const Caller& caller, const std::string& school_id);
// Notes: the school's admins and staff.
absl::Status RequireNoteWrite(const Caller& caller, const std::string& school_id);
// Recording a second-round complaint: the school's admins and the officers
// above the school.
absl::Status RequireEscalation(const Caller& caller, const std::string& school_id);
// The public desk and roll-ups over many schools: services only.
absl::Status RequireService(const Caller& caller);

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_ACCESS_H_
