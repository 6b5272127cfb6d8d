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

constexpr absl::string_view kBom = "\xEF\xBB\xBF";

bool Blank(const CsvRecord& record) {
  for (const std::string& f : record.fields) {
    if (!absl::StripAsciiWhitespace(f).empty()) return false;
  }
  return true;
}

}  // namespace

RowError RowErrorOf(int row, const absl::Status& status) {
  std::vector<platform::FieldViolation> v = platform::FieldViolations(status);
  if (v.empty()) return {row, "", std::string(status.message())};
  return {row, v[0].field, v[0].description};
}

const std::vector<std::string>& RosterRequiredColumns() {
  static const auto* const kColumns = new std::vector<std::string>{
      "staff_code", "display_name", "position", "employment_type", "budget_paid", "start_date", "city_email"};
  return *kColumns;
}

const std::vector<std::string>& RosterOptionalColumns() {
  static const auto* const kColumns = new std::vector<std::string>{"birth_date", "id_number"};
  return *kColumns;
}

absl::StatusOr<std::vector<CsvRecord>> SplitCsv(absl::string_view csv) {
  std::vector<CsvRecord> records;
  CsvRecord current{1, {}};
  std::string field;
  int line = 1;
  bool quoted = false, in_quotes = false, field_started = false;
  auto end_field = [&] {
    current.fields.push_back(std::move(field));
    field.clear();
    quoted = in_quotes = field_started = false;
  };
  auto end_record = [&](int next_line) {
    end_field();
    records.push_back(std::move(current));
    current = CsvRecord{next_line, {}};
  };
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      continue;  // CRLF: the '\n' ends the record
    } else if (c == '\n') {
      ++line;
      end_record(line);
    } else if (c == '"') {
      if (field_started) {
        return InvalidField("csv", absl::StrCat("dòng ", line,
                                                ": dấu ngoặc kép giữa ô không được đặt trong ngoặc kép "
                                                "(stray quote inside an unquoted field)"));
      }
      quoted = in_quotes = field_started = true;
    } else {
      if (quoted) {
        return InvalidField("csv", absl::StrCat("dòng ", line,
                                                ": ký tự sau dấu ngoặc kép đóng "
                                                "(text after a closing quote)"));
      }
      field.push_back(c);
      field_started = true;
    }
  }
  if (in_quotes) {
    return InvalidField(
        "csv", absl::StrCat("dòng ", current.line, ": thiếu dấu ngoặc kép đóng (unterminated quoted field)"));
  }
  if (field_started || !current.fields.empty()) end_record(line);
  return records;
}

namespace {

// A CSV file's records after the checks every upload shares (size, UTF-8,
// byte-order mark, header columns known, required present, none repeated,
// row limit), with each column's index.
struct CsvTable final {
  std::vector<CsvRecord> records;  // records[0] is the header
  std::map<std::string, int> column_index;
};

absl::StatusOr<CsvTable> ReadCsvTable(absl::string_view csv, const std::vector<std::string>& required,
                                      const std::vector<std::string>& optional) {
  if (csv.size() > kMaxImportBytes) {
    return InvalidField("csv", "tệp lớn hơn 1 MiB, hãy chia thành nhiều lần (file larger than 1 MiB)");
  }
  if (!platform::NormalizeNfc(csv, "csv").ok()) {
    return InvalidField("csv",
                        "tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng \"CSV UTF-8\" "
                        "(file is not UTF-8)");
  }
  if (absl::StartsWith(csv, kBom)) csv.remove_prefix(kBom.size());
  CsvTable table;
  ASSIGN_OR_RETURN(table.records, SplitCsv(csv));
  std::vector<CsvRecord>& records = table.records;
  while (!records.empty() && Blank(records.back())) records.pop_back();
  if (records.empty()) return InvalidField("csv", "tệp rỗng, thiếu dòng tiêu đề (empty file, no header)");

  std::set<std::string> known(required.begin(), required.end());
  known.insert(optional.begin(), optional.end());
  const CsvRecord& header = records.front();
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = absl::AsciiStrToLower(absl::StripAsciiWhitespace(header.fields[i]));
    if (!known.contains(name)) {
      return InvalidField("csv",
                          absl::StrCat("dòng 1, cột ", i + 1, ": tiêu đề '", header.fields[i],
                                       "' không được hỗ trợ; các cột là ", absl::StrJoin(required, ","),
                                       optional.empty() ? "" : " và tuỳ chọn ", absl::StrJoin(optional, ","),
                                       " (unknown column)"));
    }
    if (!table.column_index.emplace(name, static_cast<int>(i)).second) {
      return InvalidField("csv", absl::StrCat("dòng 1: cột '", name, "' lặp lại (repeated column)"));
    }
  }
  std::vector<std::string> missing;
  for (const std::string& name : required) {
    if (!table.column_index.contains(name)) missing.push_back(name);
  }
  if (!missing.empty()) {
    return InvalidField(
        "csv", absl::StrCat("dòng 1: thiếu cột ", absl::StrJoin(missing, ", "), " (missing header columns)"));
  }
  if (records.size() - 1 > static_cast<size_t>(kMaxImportRows)) {
    return InvalidField("csv", absl::StrCat("tối đa ", kMaxImportRows, " dòng mỗi lần nhập, tệp có ",
                                            records.size() - 1, " (too many rows; import in batches)"));
  }
  return table;
}

// The trimmed cell of `column` in `record` ("" for an absent optional column).
std::string Cell(const CsvTable& table, const CsvRecord& record, const std::string& column) {
  auto it = table.column_index.find(column);
  return it == table.column_index.end() ? ""
                                        : std::string(absl::StripAsciiWhitespace(record.fields[it->second]));
}

// A row error for a record whose field count differs from the header's.
std::optional<RowError> FieldCountError(const CsvTable& table, const CsvRecord& record) {
  size_t expected = table.records.front().fields.size();
  if (record.fields.size() == expected) return std::nullopt;
  return RowError{
      record.line, "",
      absl::StrCat("có ", record.fields.size(), " ô, tiêu đề có ", expected, " (wrong number of fields)")};
}

}  // namespace

absl::StatusOr<ParsedRoster> ParseRosterCsv(absl::string_view csv) {
  ASSIGN_OR_RETURN(CsvTable table, ReadCsvTable(csv, RosterRequiredColumns(), RosterOptionalColumns()));
  const std::vector<CsvRecord>& records = table.records;
  ParsedRoster parsed;
  std::set<std::string> codes;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (Blank(record)) continue;
    if (auto error = FieldCountError(table, record)) {
      parsed.errors.push_back(*error);
      continue;
    }
    auto cell = [&](const std::string& name) { return Cell(table, record, name); };
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
  ASSIGN_OR_RETURN(CsvTable table, ReadCsvTable(csv, {"email", "last_used_date"}, {}));
  ParsedEmailUsage parsed;
  for (size_t r = 1; r < table.records.size(); ++r) {
    const CsvRecord& record = table.records[r];
    if (Blank(record)) continue;
    if (auto error = FieldCountError(table, record)) {
      parsed.errors.push_back(*error);
      continue;
    }
    CityEmailUse use{record.line, absl::AsciiStrToLower(Cell(table, record, "email")), {}};
    absl::StatusOr<Date> date = ParseRosterDate(Cell(table, record, "last_used_date"), "last_used_date");
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
