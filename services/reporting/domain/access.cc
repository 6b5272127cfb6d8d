// Access rules of the reporting service (see access.h).
#include "services/reporting/domain/access.h"

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"

namespace parhub::reporting {

using ::parhub::platform::Role;

absl::Status RequireSchoolRead(const Caller& caller, const std::string& school_id, const std::string& what) {
  return caller.RequireRead(school_id, what);
}

absl::Status RequireSchoolWrite(const Caller& caller, const std::string& school_id, const std::string& what) {
  return caller.RequireWrite(school_id, what);
}

absl::Status RequireOfficer(const Caller& caller, const std::string& school_id, const std::string& what) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, what));
  if (caller.role == Role::kAuthorityOfficer) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat("Chỉ cán bộ cơ quan quản lý được thẩm định, tiếp nhận hoặc trả lại ", what,
                   " (authority officers only)"));
}

absl::Status RequireReportRead(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "báo cáo"));
  if (caller.role == Role::kSchoolStaff) {
    return absl::PermissionDeniedError("Báo cáo định kỳ chỉ lãnh đạo trường xem được (school admins only)");
  }
  return absl::OkStatus();
}

absl::Status RequireAnyOfficer(const Caller& caller) {
  if (caller.role == Role::kAuthorityOfficer && !caller.authority_id.empty()) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ cán bộ cơ quan quản lý được ban hành bộ tiêu chí (authority officers only)");
}

absl::Status RequireServiceCaller(const Caller& caller) {
  if (caller.role == Role::kService) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ cổng của hệ thống được gọi thao tác này (parhub's own services only)");
}

}  // namespace parhub::reporting
