// Pupils as payers, and the class list a school office uploads to create
// them: CSV (platform/core/csv.h rules) with the columns pupil_code,
// full_name, class, and optionally birth_date, guardian_name,
// guardian_phone, guardian_email. Row problems name the line and the
// column; a file with any bad row can be reported before anything is
// written.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_CLASS_LIST_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_CLASS_LIST_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "platform/core/csv.h"
#include "platform/core/date.h"

namespace parhub::finance {

// A pupil the school invoices. The guardian's contact is personal data.
struct Pupil final {
  std::string pupil_code;  // the school's code (mã học sinh), 1-20 letters, digits, '-'; upper-cased
  std::string full_name;
  std::string class_name;  // "Lá 2", "5A"
  platform::Date birth_date;
  std::string guardian_name;
  std::string guardian_phone;
  std::string guardian_email;
};

// Checks and normalises one pupil; field errors name `prefix` + field.
absl::StatusOr<Pupil> CleanPupil(Pupil pupil, absl::string_view prefix, platform::Date today);

struct ClassListRow final {
  int line = 0;
  Pupil pupil;
};

struct ParsedClassList final {
  std::vector<ClassListRow> rows;          // rows that are valid
  std::vector<platform::RowError> errors;  // rows that are not
};

const std::vector<std::string>& ClassListRequiredColumns();
const std::vector<std::string>& ClassListOptionalColumns();

// INVALID_ARGUMENT on "csv" for whole-file problems. At most 2,000 rows
// (a school's pupils come in several files beyond that).
absl::StatusOr<ParsedClassList> ParseClassList(absl::string_view csv, platform::Date today);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_CLASS_LIST_H_
