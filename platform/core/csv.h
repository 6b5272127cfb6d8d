// The CSV files schools upload (rosters, usage reports, class lists, bank
// statements): UTF-8, RFC 4180 quoting, an optional byte-order mark, LF or
// CRLF line ends, a header naming the columns in any order. Problems with
// the file as a whole (not UTF-8, too big, a missing, unknown or repeated
// column, an unterminated quote, too many rows) are INVALID_ARGUMENT on
// field "csv"; problems with one row are RowErrors naming the line (the
// header is line 1) and the column, so the office can fix its spreadsheet.
#ifndef PARHUB_PLATFORM_CORE_CSV_H_
#define PARHUB_PLATFORM_CORE_CSV_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parhub::platform {

// One record with its first line number.
struct CsvRecord final {
  int line = 0;
  std::vector<std::string> fields;
};

// Splits CSV text into records. INVALID_ARGUMENT on "csv" for an
// unterminated quote or a stray quote inside an unquoted field.
absl::StatusOr<std::vector<CsvRecord>> SplitCsv(absl::string_view csv);

// Limits of one upload.
struct CsvLimits final {
  size_t max_bytes = 1 << 20;
  int max_rows = 2000;
};

// A file after the checks every upload shares, with each column's index
// (header names lower-cased and trimmed).
struct CsvTable final {
  std::vector<CsvRecord> records;  // records[0] is the header; trailing blank records dropped
  std::map<std::string, int> column_index;

  // The trimmed cell of `column` ("" for an absent optional column).
  std::string Cell(const CsvRecord& record, const std::string& column) const;
};
absl::StatusOr<CsvTable> ReadCsvTable(absl::string_view csv, const std::vector<std::string>& required,
                                      const std::vector<std::string>& optional, CsvLimits limits = {});

// Whether every field of the record is blank (a spacer line).
bool IsBlank(const CsvRecord& record);

// A problem with one row of an import.
struct RowError final {
  int row = 0;         // line in the file, or row index + 1 for parsed rows
  std::string column;  // "employment_type"
  std::string message;
};

// The row error for a field-named status (platform::InvalidField): its field
// as the column, its description as the message; one place for every import.
RowError RowErrorOf(int row, const absl::Status& status);
// The error of a record whose field count differs from the header's.
std::optional<RowError> FieldCountError(const CsvTable& table, const CsvRecord& record);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_CSV_H_
