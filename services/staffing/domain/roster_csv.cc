// Roster CSV parsing (see roster_csv.h).
#include "services/staffing/domain/roster_csv.h"

#include <map>
#include <optional>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/staffing/domain/staff_rules.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::InvalidField;

using ::parhub::platform::CsvRecord;
using ::parhub::platform::CsvTable;
using ::parhub::platform::IsBlank;
using ::parhub::platform::ReadCsvTable;

constexpr platform::CsvLimits kImportLimits{kMaxImportBytes, kMaxImportRows};

}  // namespace

const std::vector<std::string>& RosterRequiredColumns() {
  static const auto* const kColumns = new std::vector<std::string>{
      "staff_code", "display_name", "position", "employment_type", "budget_paid", "start_date", "city_email"};
  return *kColumns;
}

const std::vector<std::string>& RosterOptionalColumns() {
  static const auto* const kColumns = new std::vector<std::string>{"birth_date", "id_number"};
  return *kColumns;
}

absl::StatusOr<ParsedRoster> ParseRosterCsv(absl::string_view csv) {
  ASSIGN_OR_RETURN(CsvTable table,
                   ReadCsvTable(csv, RosterRequiredColumns(), RosterOptionalColumns(), kImportLimits));
  const std::vector<CsvRecord>& records = table.records;
  ParsedRoster parsed;
  std::set<std::string> codes;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (IsBlank(record)) continue;
    if (auto error = FieldCountError(table, record)) {
      parsed.errors.push_back(*error);
      continue;
    }
    auto cell = [&](const std::string& name) { return table.Cell(record, name); };
    RosterEntry entry{record.line, {}};
    Staff& s = entry.staff;
    s.staff_code = cell("staff_code");
    s.display_name = cell("display_name");
    s.position = cell("position");
    s.city_email = cell("city_email");
    s.id_number = cell("id_number");
    absl::Status status = absl::OkStatus();
    auto take = [&](const absl::Status& parsed_status) {
      if (status.ok() && !parsed_status.ok()) status = parsed_status;
    };
    absl::StatusOr<EmploymentType> type = ParseEmploymentType(cell("employment_type"), "employment_type");
    take(type.status());
    if (type.ok()) s.employment_type = *type;
    absl::StatusOr<bool> budget = ParseYesNo(cell("budget_paid"), "budget_paid");
    take(budget.status());
    if (budget.ok()) s.budget_paid = *budget;
    absl::StatusOr<Date> start = ParseRosterDate(cell("start_date"), "start_date");
    take(start.status());
    if (start.ok()) s.start_date = *start;
    absl::StatusOr<Date> birth = ParseRosterDate(cell("birth_date"), "birth_date");
    take(birth.status());
    if (birth.ok()) s.birth_date = *birth;
    if (!status.ok()) {
      parsed.errors.push_back(RowErrorOf(record.line, status));
      continue;
    }
    if (!s.staff_code.empty() && !codes.insert(s.staff_code).second) {
      parsed.errors.push_back(
          {record.line, "staff_code",
           absl::StrCat("mã '", s.staff_code, "' đã xuất hiện ở dòng trước (repeated code)")});
      continue;
    }
    parsed.entries.push_back(std::move(entry));
  }
  return parsed;
}

absl::StatusOr<ParsedEmailUsage> ParseEmailUsageCsv(absl::string_view csv) {
  ASSIGN_OR_RETURN(CsvTable table, ReadCsvTable(csv, {"email", "last_used_date"}, {}, kImportLimits));
  ParsedEmailUsage parsed;
  for (size_t r = 1; r < table.records.size(); ++r) {
    const CsvRecord& record = table.records[r];
    if (IsBlank(record)) continue;
    if (auto error = FieldCountError(table, record)) {
      parsed.errors.push_back(*error);
      continue;
    }
    CityEmailUse use{record.line, absl::AsciiStrToLower(table.Cell(record, "email")), {}};
    absl::StatusOr<Date> date = ParseRosterDate(table.Cell(record, "last_used_date"), "last_used_date");
    if (!date.ok()) {
      parsed.errors.push_back(RowErrorOf(record.line, date.status()));
      continue;
    }
    use.last_used_date = *date;
    parsed.uses.push_back(std::move(use));
  }
  return parsed;
}

}  // namespace parhub::staffing
