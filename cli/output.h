// What parhubctl prints: human tables with Vietnamese labels (English with
// --lang en), or protobuf JSON with --output json (every field, zeros
// included: 0 đồng and 0 % are values, not missing ones).
#ifndef PARHUB_CLI_OUTPUT_H_
#define PARHUB_CLI_OUTPUT_H_

#include <google/protobuf/message.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parhub::cli {

// A command that failed, as parhubctl reports it (Output::Fail).
struct Failure final {
  // A field of the request that was refused, named by the option that set it.
  struct Field final {
    std::string option;  // "--percent" ("" when no option of the command sets it)
    std::string field;   // "progress_update.percent_done"
    std::string description;
  };
  std::string code;      // gRPC code name ("INVALID_ARGUMENT"), or "USAGE", "LOCAL"
  int exit_code = 1;     // see ExitCode in session.h
  std::string headline;  // "Dữ liệu không hợp lệ"
  std::string message;   // the detail, in the language asked for
  std::vector<Field> fields;
  std::vector<std::string> hints;  // what to do next (text output only)
};

class Output final {
 public:
  bool json = false;
  bool english = false;
  // The long options of the command being run ("--percent", "--due"), to
  // name a refused request field by the option that set it.
  std::vector<std::string> options;

  // Vietnamese or English, per --lang.
  const char* T(const char* vi, const char* en) const { return english ? en : vi; }

  // Prints a table (columns padded by display width) to stdout.
  void Table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) const;
  // Prints `message` as JSON (with --output json).
  void Json(const google::protobuf::Message& message) const;
  // Prints one JSON object whose members are the given messages.
  void JsonObject(const std::vector<std::pair<std::string, const google::protobuf::Message*>>& members) const;
  // A line for people (stdout).
  void Line(const std::string& text) const;
  // A warning or note for people (stderr).
  void Error(const std::string& text) const;
  // Reports a failed command: for people, "Lỗi: <headline> — <message>" and
  // one line per field and hint on stderr; with --output json, one object
  // {"error": {"code", "exit_code", "title", "message", "fields": [{"option",
  // "field", "description"}]}} on stdout (nothing else is printed there).
  void Fail(const Failure& failure) const;
};

// Writes a table as CSV for spreadsheets: UTF-8 with a byte-order mark (so
// Excel shows Vietnamese correctly), CRLF line ends, RFC 4180 quoting.
// Returns false (and says why in `error`) when the file cannot be written.
bool WriteCsv(const std::string& path, const std::vector<std::string>& header,
              const std::vector<std::vector<std::string>>& rows, std::string* error);

// Writes a table as an Excel workbook with one sheet named `sheet` (bold
// header row, frozen, column widths from the content). Cells of
// `number_columns` (0-based) holding a whole number ("-1500000") are written
// as numbers with a thousands format, so sums work; other cells as text.
// Returns false (and says why in `error`) when the file cannot be written.
bool WriteXlsx(const std::string& path, const std::string& sheet, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows, const std::vector<size_t>& number_columns,
               std::string* error);

// Display width of UTF-8 text (combining marks take no column).
size_t DisplayWidth(const std::string& text);

// Money in đồng as people read it: dots between thousands, then " đ"
// ("1.500.000 đ", "-50.000 đ", "0 đ").
std::string FormatDong(int64_t amount);
// An amount of đồng as people type it: "1500000", "1.500.000", "1,500,000"
// or "1 500 000" (separators only between groups of three), optionally
// followed by "đ", "đồng", "d", "dong" or "vnd" in any case. nullopt for
// anything else: a sign, decimals, more than 15 digits.
std::optional<int64_t> ParseDong(std::string_view text);

}  // namespace parhub::cli

#endif  // PARHUB_CLI_OUTPUT_H_
