// Who may do what with the tasks service's data. The rpc adapter calls these
// before anything else (and before the idempotency ledger, so a replay can
// never hand one tenant's stored response to another).
//
//   school admin      read and change its own school's plans and tasks
//   school staff      read its own school; only add progress updates
//   authority officer read the one school the gateway checked for the call;
//                     publish and follow its own authority's directives
//   service           read the school named in its identity; summaries
//                     of many schools (the gateway's roll-ups)
//
// Reads of another tenant answer NOT_FOUND, never PERMISSION_DENIED, so
// nobody learns what exists elsewhere.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_ACCESS_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_ACCESS_H_

#include <string>

#include "absl/status/status.h"
#include "platform/core/caller.h"

namespace parhub::tasks {

using ::parhub::platform::Caller;

// Reading a school's plans, tasks, progress and summary.
absl::Status RequireSchoolRead(const Caller& caller, const std::string& school_id,
                               const std::string& resource);
// Creating or changing plans and tasks: the school's admins only.
absl::Status RequireSchoolWrite(const Caller& caller, const std::string& school_id,
                                const std::string& resource);
// Adding a progress update: the school's admins and staff.
absl::Status RequireProgressWrite(const Caller& caller, const std::string& school_id);
// Publishing a directive: an officer of that very authority.
absl::Status RequireDirectivePublish(const Caller& caller, const std::string& authority_id);
// Reading an authority's directives and their progress: its officers.
absl::Status RequireDirectiveRead(const Caller& caller, const std::string& authority_id);
// Summaries of many schools at once: parhub's roll-ups (role SERVICE), which
// resolved the schools in their caller's scope before asking.
absl::Status RequireRollup(const Caller& caller);

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_ACCESS_H_
