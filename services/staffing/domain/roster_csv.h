// The staffing CSV files a school uploads: the roster and the mail
// system's usage report, read with the platform's CSV rules
// (platform/core/csv.h: whole-file problems fail the call, row problems
// come back as RowErrors naming the line and the column).
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_CSV_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "platform/core/csv.h"
#include "services/staffing/domain/model.h"

namespace parhub::staffing {

inline constexpr int kMaxImportRows = 2000;
inline constexpr size_t kMaxImportBytes = 1 << 20;

using ::parhub::platform::RowError;
using ::parhub::platform::RowErrorOf;

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

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_CSV_H_
