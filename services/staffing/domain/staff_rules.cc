// Staff input rules (see staff_rules.h).
#include "services/staffing/domain/staff_rules.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "platform/core/email.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

std::string F(absl::string_view prefix, absl::string_view name) { return absl::StrCat(prefix, name); }

absl::Status CheckIdNumber(absl::string_view id, absl::string_view field) {
  if (id.empty()) return absl::OkStatus();
  bool digits = true;
  for (char c : id) digits = digits && absl::ascii_isdigit(c);
  if (digits && (id.size() == 12 || id.size() == 9)) return absl::OkStatus();
  return InvalidField(field,
                      "số định danh cá nhân phải gồm 12 chữ số (hoặc 9 chữ số CMND cũ) "
                      "(identity number must be 12 digits, or 9 for an old card)");
}

absl::Status CheckCircumstances(const std::vector<Circumstance>& circumstances, absl::string_view field) {
  if (circumstances.size() > static_cast<size_t>(kMaxCircumstances)) {
    return InvalidField(field, absl::StrCat("tối đa ", kMaxCircumstances, " hoàn cảnh (too many)"));
  }
  for (size_t i = 0; i < circumstances.size(); ++i) {
    const Circumstance& c = circumstances[i];
    std::string at = absl::StrCat(field, "[", i, "]");
    if (c.kind == CircumstanceKind::kUnspecified) {
      return InvalidField(F(at, ".kind"), "phải chọn loại hoàn cảnh (kind is required)");
    }
    if (!c.start_date.IsSet()) {
      return InvalidField(F(at, ".start_date"), "phải có ngày bắt đầu (start date is required)");
    }
    if (c.end_date.IsSet() && c.end_date < c.start_date) {
      return InvalidField(F(at, ".end_date"), "ngày kết thúc trước ngày bắt đầu (end before start)");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Staff> CleanStaff(Staff s, Date today, absl::string_view prefix) {
  ASSIGN_OR_RETURN(s.staff_code, CleanText(s.staff_code, F(prefix, "staff_code"), kMaxStaffCodeChars, true,
                                           TextLines::kSingle));
  if (absl::StrContains(s.staff_code, ' ')) {
    return InvalidField(F(prefix, "staff_code"),
                        "mã nhân sự không được chứa dấu cách (no spaces in the code)");
  }
  ASSIGN_OR_RETURN(s.display_name, CleanText(s.display_name, F(prefix, "display_name"), kMaxPersonNameChars,
                                             true, TextLines::kSingle));
  ASSIGN_OR_RETURN(
      s.position, CleanText(s.position, F(prefix, "position"), kMaxPositionChars, false, TextLines::kSingle));
  if (s.employment_type == EmploymentType::kUnspecified) {
    return InvalidField(F(prefix, "employment_type"),
                        "phải là công chức, viên chức hoặc hợp đồng (employment type is required)");
  }
  if (!s.start_date.IsSet()) {
    return InvalidField(F(prefix, "start_date"), "phải có ngày bắt đầu làm việc (start date is required)");
  }
  if (s.start_date > today) {
    return InvalidField(
        F(prefix, "start_date"),
        absl::StrCat("ngày bắt đầu ", s.start_date.ToVietnamese(), " ở tương lai (hôm nay là ",
                     today.ToVietnamese(), ") (start date is in the future)"));
  }
  if (s.end_date.IsSet() && s.end_date < s.start_date) {
    return InvalidField(F(prefix, "end_date"),
                        "ngày nghỉ việc trước ngày bắt đầu làm việc (end date before start date)");
  }
  if (s.status == StaffStatus::kUnspecified) {
    s.status = s.end_date.IsSet() ? StaffStatus::kLeft : StaffStatus::kActive;
  }
  if ((s.status == StaffStatus::kLeft) != s.end_date.IsSet()) {
    return InvalidField(
        F(prefix, "end_date"),
        "ngày nghỉ việc phải có khi và chỉ khi trạng thái là đã nghỉ (end date goes with LEFT)");
  }
  ASSIGN_OR_RETURN(s.city_email,
                   CleanText(s.city_email, F(prefix, "city_email"), 254, false, TextLines::kSingle));
  s.city_email = absl::AsciiStrToLower(s.city_email);
  RETURN_IF_ERROR(platform::ValidateEmail(s.city_email, F(prefix, "city_email")));
  if (s.birth_date.IsSet() && (s.birth_date >= s.start_date || s.birth_date > today)) {
    return InvalidField(
        F(prefix, "birth_date"),
        "ngày sinh phải trước ngày bắt đầu làm việc (birth date must precede the start date)");
  }
  RETURN_IF_ERROR(CheckIdNumber(s.id_number, F(prefix, "id_number")));
  RETURN_IF_ERROR(CheckCircumstances(s.circumstances, F(prefix, "circumstances")));
  for (Circumstance& c : s.circumstances) {
    ASSIGN_OR_RETURN(c.note,
                     CleanText(c.note, F(prefix, "circumstances.note"), 500, false, TextLines::kSingle));
  }
  return s;
}

absl::StatusOr<EmploymentType> ParseEmploymentType(absl::string_view text, absl::string_view field) {
  std::string folded = platform::FoldForSearch(text);
  absl::StrReplaceAll({{"_", " "}, {"-", " "}}, &folded);
  if (folded == "cong chuc" || folded == "civil servant") return EmploymentType::kCivilServant;
  if (folded == "vien chuc" || folded == "public employee") return EmploymentType::kPublicEmployee;
  if (folded == "hop dong" || folded == "hop dong lao dong" || folded == "contract") {
    return EmploymentType::kContract;
  }
  return InvalidField(field, absl::StrCat("'", text,
                                          "' không phải cong_chuc, vien_chuc hoặc hop_dong "
                                          "(unknown employment type)"));
}

absl::StatusOr<bool> ParseYesNo(absl::string_view text, absl::string_view field) {
  std::string folded = platform::FoldForSearch(text);
  if (folded == "1" || folded == "co" || folded == "true") return true;
  if (folded == "0" || folded == "khong" || folded == "false") return false;
  return InvalidField(field, absl::StrCat("'", text, "' phải là 1 hoặc 0 (must be 1 or 0)"));
}

absl::StatusOr<Date> ParseRosterDate(absl::string_view text, absl::string_view field) {
  text = absl::StripAsciiWhitespace(text);
  if (text.empty()) return Date{};
  return platform::ParseDate(text, field);
}

std::string StaffIdFromCode(absl::string_view code) {
  std::string id = absl::AsciiStrToLower(code);
  return platform::ValidateId(id, "staff_id").ok() ? id : "";
}

bool SameRosterFields(const Staff& stored, const Staff& row) {
  return stored.staff_code == row.staff_code && stored.display_name == row.display_name &&
         stored.position == row.position && stored.employment_type == row.employment_type &&
         stored.budget_paid == row.budget_paid && stored.start_date == row.start_date &&
         stored.city_email == row.city_email &&
         (!row.birth_date.IsSet() || stored.birth_date == row.birth_date) &&
         (row.id_number.empty() || stored.id_number == row.id_number);
}

}  // namespace parhub::staffing
