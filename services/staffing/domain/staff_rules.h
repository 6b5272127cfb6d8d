// Input rules for a staff member, shared by CreateStaff, UpdateStaff and the
// roster import: each check names the field it rejects ("staff.start_date"
// in a request, "start_date" in a CSV column), Vietnamese first.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_STAFF_RULES_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_STAFF_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/staffing/domain/model.h"

namespace parhub::staffing {

inline constexpr int kMaxStaffCodeChars = 40;
inline constexpr int kMaxPersonNameChars = 200;
inline constexpr int kMaxPositionChars = 100;
inline constexpr int kMaxNoteChars = 2000;
inline constexpr int kMaxCircumstances = 20;

// Checks and normalises every field of `staff` a person sets, as of
// `today` (Asia/Ho_Chi_Minh): code, name and position trimmed and NFC;
// employment type set; start date set and not in the future; end date not
// before start; LEFT exactly when an end date is set; city e-mail well
// formed (lower-cased); birth date before the start date; identity number
// 12 digits (CCCD) or 9 (old CMND); circumstances each with a kind and a
// start, ordered dates. `prefix` is prepended to field names ("staff.").
absl::StatusOr<Staff> CleanStaff(Staff staff, Date today, absl::string_view prefix);

// "cong_chuc" / "công chức" / "vien_chuc" / … (diacritics optional) to a type.
absl::StatusOr<EmploymentType> ParseEmploymentType(absl::string_view text, absl::string_view field);
// "1"/"0", "co"/"khong" (diacritics optional), "true"/"false".
absl::StatusOr<bool> ParseYesNo(absl::string_view text, absl::string_view field);
// "2024-06-10" or "10/06/2024"; "" is an unset date.
absl::StatusOr<Date> ParseRosterDate(absl::string_view text, absl::string_view field);

// An id for a new staff member: the lower-cased code when it is a valid
// resource id, else "" (the caller then picks a random one).
std::string StaffIdFromCode(absl::string_view code);

// Whether an imported row matches the stored record (the import's
// "unchanged"); the optional columns count only when the row has them.
bool SameRosterFields(const Staff& stored, const Staff& row);

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_STAFF_RULES_H_
