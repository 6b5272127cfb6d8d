// Access rules of the finance service (see access.h).
#include "services/finance/domain/access.h"

#include "platform/core/status_macros.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::Role;

}  // namespace

absl::Status RequireMoneyWrite(const Caller& caller, const std::string& school_id) {
  return caller.RequireWrite(school_id, "dữ liệu tài chính");
}

absl::Status RequirePupilRead(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "học sinh"));
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kSchoolStaff ||
      caller.role == Role::kService) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      "Danh sách học sinh chỉ trường xem được (pupil records are the school's own)");
}

bool SeesGuardian(const Caller& caller, const std::string& school_id) {
  return caller.role == Role::kSchoolAdmin && caller.CanWriteSchool(school_id);
}

absl::Status RequirePayerRecordsRead(const Caller& caller, const std::string& school_id) {
  RETURN_IF_ERROR(caller.RequireRead(school_id, "hóa đơn, khoản thanh toán"));
  if (caller.role == Role::kSchoolAdmin || caller.role == Role::kService) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Hóa đơn, khoản thanh toán và biên lai chỉ bộ phận tài chính của trường xem được (the school office "
      "only)");
}

absl::Status RequireService(const Caller& caller, const std::string& school_id) {
  if (caller.role == Role::kService) {
    if (!caller.school_id.empty() && caller.school_id != school_id) {
      return absl::NotFoundError("Không tìm thấy trường (not found)");
    }
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      "Chỉ cổng công khai của hệ thống được gọi thao tác này (parhub's own services only)");
}

absl::Status RequireFinanceRead(const Caller& caller, const std::string& school_id) {
  return caller.RequireRead(school_id, "dữ liệu tài chính");
}

absl::Status RequireRollup(const Caller& caller) {
  if (caller.role == Role::kService && caller.school_id.empty()) return absl::OkStatus();
  return absl::PermissionDeniedError(
      "Chỉ dịch vụ tổng hợp của hệ thống được gọi thao tác này (only parhub's roll-ups may call this)");
}

}  // namespace parhub::finance
