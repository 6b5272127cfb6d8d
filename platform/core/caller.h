// The verified caller of an RPC as the domain sees it: who, in which role,
// acting on which school or authority. Pure C++; no gRPC.
#ifndef PARHUB_PLATFORM_CORE_CALLER_H_
#define PARHUB_PLATFORM_CORE_CALLER_H_

#include <string>

#include "absl/status/status.h"

namespace parhub::platform {

enum class Role { kUnspecified, kAuthorityOfficer, kSchoolAdmin, kSchoolStaff, kService };

struct Caller final {
  std::string subject;  // "accounts/{account}"
  Role role = Role::kUnspecified;
  std::string school_id;     // the one school this call may act on, or ""
  std::string authority_id;  // the officer's authority, or ""
  std::string trace_id;      // one id per call, made at the gateway (logs, audit rows)

  // Whether the caller may read `school_id`'s data. Authority officers get
  // a school only when the gateway checked it is in their subtree.
  bool CanReadSchool(const std::string& school) const;
  // Whether the caller may change `school_id`'s data (school admins only).
  bool CanWriteSchool(const std::string& school) const;

  // NOT_FOUND (never PERMISSION_DENIED, which would reveal that another
  // school's resource exists) unless the caller may read the school.
  absl::Status RequireRead(const std::string& school, const std::string& resource) const;
  // As RequireRead; then PERMISSION_DENIED when the caller may read but not write.
  absl::Status RequireWrite(const std::string& school, const std::string& resource) const;
};

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_CALLER_H_
