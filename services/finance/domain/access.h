// Who may do what with a school's money. The rpc adapter calls these before
// anything else (and before the idempotency ledger).
//
//   school admin      everything of its own school, guardians' contact data
//                     included (the school office runs the money)
//   school staff      reads pupils without guardian data and fee items
//   authority officer reads fee items, spending, ledger totals, checks and
//                     summaries of schools under it; never pupils, invoices,
//                     payments or receipts (personal data)
//   service           reads and summarises (reporting, the public desk);
//                     summaries of many schools only when acting for no
//                     one school (the gateway's roll-ups)
//
// Another school's data answers NOT_FOUND (platform::Caller).
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_ACCESS_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_ACCESS_H_

#include <string>

#include "absl/status/status.h"
#include "platform/core/caller.h"

namespace parhub::finance {

using ::parhub::platform::Caller;

// Every change: the school's admins.
absl::Status RequireMoneyWrite(const Caller& caller, const std::string& school_id);
// Pupils: the school's admins and staff (staff without guardian data).
absl::Status RequirePupilRead(const Caller& caller, const std::string& school_id);
bool SeesGuardian(const Caller& caller, const std::string& school_id);
// Invoices, payments, receipts: the school's admins and services.
absl::Status RequirePayerRecordsRead(const Caller& caller, const std::string& school_id);
// The family lookup behind the citizen API: parhub's own services only.
// A service acting for one school (the public desk) acts on that one only.
absl::Status RequireService(const Caller& caller, const std::string& school_id);
// Fee items, ledger, checks, summaries: anyone who may read the school.
absl::Status RequireFinanceRead(const Caller& caller, const std::string& school_id);
// Summaries of many schools at once: parhub's roll-ups (role SERVICE, not
// acting for one school), which resolved the schools in their caller's
// scope before asking.
absl::Status RequireRollup(const Caller& caller);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_ACCESS_H_
