// CSV uploads (see csv.h).
#include "platform/core/csv.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::platform {
namespace {

constexpr absl::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

bool IsBlank(const CsvRecord& record) {
  for (const std::string& f : record.fields) {
    if (!absl::StripAsciiWhitespace(f).empty()) return false;
  }
  return true;
}

RowError RowErrorOf(int row, const absl::Status& status) {
  std::vector<FieldViolation> v = FieldViolations(status);
  if (v.empty()) return {row, "", std::string(status.message())};
  return {row, v[0].field, v[0].description};
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

absl::StatusOr<CsvTable> ReadCsvTable(absl::string_view csv, const std::vector<std::string>& required,
                                      const std::vector<std::string>& optional, CsvLimits limits) {
  if (csv.size() > limits.max_bytes) {
    return InvalidField("csv", absl::StrCat("tệp lớn hơn ", limits.max_bytes / 1024,
                                            " KiB, hãy chia thành nhiều lần (file too large)"));
  }
  if (!NormalizeNfc(csv, "csv").ok()) {
    return InvalidField("csv",
                        "tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng \"CSV UTF-8\" "
                        "(file is not UTF-8)");
  }
  if (absl::StartsWith(csv, kBom)) csv.remove_prefix(kBom.size());
  CsvTable table;
  ASSIGN_OR_RETURN(table.records, SplitCsv(csv));
  std::vector<CsvRecord>& records = table.records;
  while (!records.empty() && IsBlank(records.back())) records.pop_back();
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
  if (records.size() - 1 > static_cast<size_t>(limits.max_rows)) {
    return InvalidField("csv", absl::StrCat("tối đa ", limits.max_rows, " dòng mỗi lần nhập, tệp có ",
                                            records.size() - 1, " (too many rows; import in batches)"));
  }
  return table;
}

std::string CsvTable::Cell(const CsvRecord& record, const std::string& column) const {
  auto it = column_index.find(column);
  return it == column_index.end() || it->second >= static_cast<int>(record.fields.size())
             ? ""
             : std::string(absl::StripAsciiWhitespace(record.fields[it->second]));
}

std::optional<RowError> FieldCountError(const CsvTable& table, const CsvRecord& record) {
  size_t expected = table.records.front().fields.size();
  if (record.fields.size() == expected) return std::nullopt;
  return RowError{
      record.line, "",
      absl::StrCat("có ", record.fields.size(), " ô, tiêu đề có ", expected, " (wrong number of fields)")};
}

}  // namespace parhub::platform
