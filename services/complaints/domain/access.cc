// Access rules of the complaints service (see access.h).
#include "services/complaints/domain/access.h"

#include "platform/core/status_macros.h"

namespace parhub::complaints {
namespace {

using ::parhub::platform::Role;

}  // namespace

absl::Status RequireCaseRead(const Caller& caller, const std::string& school_id) {
  return caller.RequireRead(school_id, "vụ việc");
}

bool SeesSubmitter(const Caller& caller, const Case& c) {
  if (caller.role == Role::kSchoolAdmin) return caller.CanWriteSchool(c.school_id);
  return caller.role == Role::kAuthorityOfficer && c.state == CaseState::kEscalated &&
         c.case_type != CaseType::kDenunciation && caller.CanReadSchool(c.school_id) &&
         !caller.authority_id.empty() && c.escalated_to == "authorities/" + caller.authority_id;
}

absl::Status RequireCaseWrite(const Caller& caller, const std::string& school_id) {
  return caller.RequireWrite(school_id, "vụ việc");
}

absl::Status RequireNoteWrite(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "vụ việc"));
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kSchoolStaff) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ cán bộ, giáo viên, nhân viên của trường ghi chú vào vụ việc (only the school's people add notes)");
}

absl::Status RequireEscalation(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "vụ việc"));
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kAuthorityOfficer) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ lãnh đạo trường hoặc cơ quan quản lý ghi nhận khiếu nại lần hai (only admins or the authority)");
}

absl::Status RequireService(const Caller& caller) {
  if (caller.role == Role::kService) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ cổng công khai và dịch vụ tổng hợp của hệ thống được gọi thao tác này (parhub's own services "
      "only)");
}

}  // namespace parhub::complaints
