// The CSV files a school uploads (the roster, the mail system's usage
// report). UTF-8, RFC 4180 quoting, an optional
// byte-order mark, LF or CRLF line ends, a header naming the columns in any
// order. Problems with the file as a whole (not UTF-8, too big, a missing,
// unknown or repeated column, an unterminated quote) fail the call;
// problems with one row come back as RowErrors naming the line (the header
// is line 1) and the column, so the office can fix its spreadsheet.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_CSV_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/staffing/domain/model.h"

namespace parhub::staffing {

inline constexpr int kMaxImportRows = 2000;
inline constexpr size_t kMaxImportBytes = 1 << 20;

// A problem with one row of an import.
struct RowError final {
  int row = 0;         // line in the file, or row index + 1 for parsed rows
  std::string column;  // "employment_type"
  std::string message;
};

// The row error for a field-named status (platform::InvalidField): its field
// as the column, its description as the message; one place for every import.
RowError RowErrorOf(int row, const absl::Status& status);

// One data row, with its line number, as a staff draft (not yet checked
// by CleanStaff).
struct RosterEntry final {
  int row = 0;
  Staff staff;
};

struct ParsedRoster final {
  std::vector<RosterEntry> entries;  // rows whose values parsed
  std::vector<RowError> errors;      // rows whose values did not
};

// Required columns, in the template's order; then the optional ones.
const std::vector<std::string>& RosterRequiredColumns();
const std::vector<std::string>& RosterOptionalColumns();

// Parses the file. INVALID_ARGUMENT on field "csv" for whole-file problems.
absl::StatusOr<ParsedRoster> ParseRosterCsv(absl::string_view csv);

// The city mail system's usage export: header email,last_used_date (any
// order; the date empty when never used). Same file rules as the roster.
struct ParsedEmailUsage final {
  std::vector<CityEmailUse> uses;
  std::vector<RowError> errors;
};
absl::StatusOr<ParsedEmailUsage> ParseEmailUsageCsv(absl::string_view csv);

// Splits CSV text into records of fields, with each record's first line
// number. INVALID_ARGUMENT on "csv" for an unterminated quote or a stray
// quote inside an unquoted field.
struct CsvRecord final {
  int line = 0;
  std::vector<std::string> fields;
};
absl::StatusOr<std::vector<CsvRecord>> SplitCsv(absl::string_view csv);

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_CSV_H_
