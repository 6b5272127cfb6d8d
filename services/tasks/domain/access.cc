// Access rules of the tasks service (see access.h).
#include "services/tasks/domain/access.h"

#include "platform/core/caller.h"

namespace parhub::tasks {

using ::parhub::platform::Role;

absl::Status RequireSchoolRead(const Caller& caller, const std::string& school_id,
                               const std::string& resource) {
  return caller.RequireRead(school_id, resource);
}

absl::Status RequireSchoolWrite(const Caller& caller, const std::string& school_id,
                                const std::string& resource) {
  return caller.RequireWrite(school_id, resource);
}

absl::Status RequireProgressWrite(const Caller& caller, const std::string& school_id) {
  absl::Status read = caller.RequireRead(school_id, "nhiệm vụ");
  if (!read.ok()) return read;
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kSchoolStaff) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      "Chỉ cán bộ, giáo viên, nhân viên của trường được cập nhật tiến độ "
      "(only the school's own staff may report progress)");
}

absl::Status RequireDirectivePublish(const Caller& caller, const std::string& authority_id) {
  if (caller.role == Role::kAuthorityOfficer && !authority_id.empty() &&
      caller.authority_id == authority_id) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      "Chỉ cán bộ của cơ quan quản lý này được ban hành chỉ đạo "
      "(only this authority's officers may publish its directives)");
}

absl::Status RequireDirectiveRead(const Caller& caller, const std::string& authority_id) {
  if (caller.role == Role::kAuthorityOfficer && !authority_id.empty() &&
      caller.authority_id == authority_id) {
    return absl::OkStatus();
  }
  return absl::NotFoundError("Không tìm thấy chỉ đạo (directive not found)");
}

absl::Status RequireRollup(const Caller& caller) {
  if (caller.role == Role::kService) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ dịch vụ tổng hợp của hệ thống được gọi thao tác này (only parhub's roll-ups may call this)");
}

}  // namespace parhub::tasks
