// Access rules of the staffing service (see access.h).
#include "services/staffing/domain/access.h"

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::Role;

absl::Status CountsOnly() {
  return absl::PermissionDeniedError(
      "Cơ quan quản lý chỉ xem số liệu tổng hợp về nhân sự của trường, không xem hồ sơ cá nhân "
      "(the authority sees staffing counts, not personal records)");
}

}  // namespace

absl::Status RequireRosterRead(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "nhân sự"));
  return caller.role == Role::kAuthorityOfficer ? CountsOnly() : absl::OkStatus();
}

absl::Status RequireSuggestionWrite(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "trường"));
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kSchoolStaff) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ cán bộ, giáo viên, nhân viên của trường được gửi ý kiến (only the school's own staff may send "
      "one)");
}

bool SeesPersonalData(const Caller& caller, const std::string& school_id) {
  return caller.role == Role::kSchoolAdmin && caller.CanWriteSchool(school_id);
}

absl::Status RequireSchoolWrite(const Caller& caller, const std::string& school_id,
                                const std::string& resource) {
  return caller.RequireWrite(school_id, resource);
}

absl::Status RequirePersonnelRead(const Caller& caller, const std::string& school_id,
                                  const std::string& resource) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, resource));
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kService) return absl::OkStatus();
  if (caller.role == Role::kAuthorityOfficer) return CountsOnly();
  return absl::PermissionDeniedError(
      absl::StrCat("Chỉ lãnh đạo trường xem ", resource, " (only the school's admins see this)"));
}

absl::Status RequireCountsRead(const Caller& caller, const std::string& school_id) {
  return caller.RequireRead(school_id, "số liệu nhân sự");
}

absl::Status RequireRecordRead(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "hồ sơ tinh giản"));
  if (caller.role == Role::kSchoolStaff) {
    return absl::PermissionDeniedError(
        "Chỉ lãnh đạo trường xem hồ sơ tinh giản biên chế (only the school's admins see downsizing records)");
  }
  return absl::OkStatus();
}

bool RecordVisible(const Caller& caller, DownsizingState state) {
  if (caller.role != Role::kAuthorityOfficer) return true;
  return state != DownsizingState::kProposed && state != DownsizingState::kWithdrawn;
}

absl::Status RequireDecision(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "hồ sơ tinh giản"));
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kAuthorityOfficer) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ cơ quan có thẩm quyền (hoặc lãnh đạo trường ghi nhận quyết định) được phê duyệt "
      "(only the authority, or the school's admins recording its decision, may decide)");
}

absl::Status RequireService(const Caller& caller) {
  if (caller.role == Role::kService) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ dịch vụ tổng hợp của hệ thống được gọi thao tác này (only parhub's roll-ups may call this)");
}

absl::Status RequireTargetWrite(const Caller& caller, const std::string& school_id) {
  return RequireDecision(caller, school_id);
}

}  // namespace parhub::staffing
