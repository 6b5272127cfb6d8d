// Scope checks every service applies again after the gateway (defence in depth).
#include "platform/core/caller.h"

#include "absl/strings/str_cat.h"

namespace parhub::platform {

bool Caller::CanReadSchool(const std::string& school) const {
  if (school.empty()) return false;
  switch (role) {
    case Role::kSchoolAdmin:
    case Role::kSchoolStaff:
    case Role::kAuthorityOfficer:
    case Role::kService:
      return school_id == school;
    default:
      return false;
  }
}

bool Caller::CanWriteSchool(const std::string& school) const {
  return role == Role::kSchoolAdmin && school_id == school;
}

absl::Status Caller::RequireRead(const std::string& school, const std::string& resource) const {
  if (CanReadSchool(school)) return absl::OkStatus();
  return absl::NotFoundError(absl::StrCat("Không tìm thấy ", resource, " (not found)"));
}

absl::Status Caller::RequireWrite(const std::string& school, const std::string& resource) const {
  if (!CanReadSchool(school)) return RequireRead(school, resource);
  if (CanWriteSchool(school)) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat("Vai trò của bạn không được sửa ", resource, " (your role may not change it)"));
}

}  // namespace parhub::platform
