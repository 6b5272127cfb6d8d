// Small fixtures every service's tests use: an instant on a Vietnamese
// calendar day, and a verified caller as the gateway would describe it.
// Header-only; needs only platform/core.
#ifndef PARHUB_PLATFORM_TESTING_FIXTURES_H_
#define PARHUB_PLATFORM_TESTING_FIXTURES_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "platform/core/caller.h"
#include "platform/core/date.h"
#include "platform/core/resource_name.h"

namespace parhub::testing {

// `hour`:00 on y-m-d in Asia/Ho_Chi_Minh.
inline absl::Time At(int y, int m, int d, int hour = 9) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hour, 0, 0), platform::VietnamTimeZone());
}

// A caller in `role` for `school` (officers: of `authority`), with a subject
// naming role and school and a fresh trace id.
inline platform::Caller TestCaller(platform::Role role, const std::string& school,
                                   const std::string& authority = "") {
  platform::Caller c;
  c.subject = absl::StrCat("accounts/", role == platform::Role::kSchoolStaff ? "staff-" : "user-", school);
  c.role = role;
  c.school_id = school;
  c.authority_id = authority;
  c.trace_id = platform::RandomId();
  return c;
}

}  // namespace parhub::testing

#endif  // PARHUB_PLATFORM_TESTING_FIXTURES_H_
