// What parhubctl prints: human tables with Vietnamese labels (English with
// --lang en), or protobuf JSON with --output json.
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

class Output final {
 public:
  bool json = false;
  bool english = false;
  // JSON prints fields holding zero values too (finance: "balance": "0" is
  // an amount, not a missing one). Set by the commands that want it.
  bool json_zero_values = false;

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
  // An error line (stderr).
  void Error(const std::string& text) const;
};

// Writes a table as CSV for spreadsheets: UTF-8 with a byte-order mark (so
// Excel shows Vietnamese correctly), CRLF line ends, RFC 4180 quoting.
// Returns false (and says why on stderr) when the file cannot be written.
bool WriteCsv(const std::string& path, const std::vector<std::string>& header,
              const std::vector<std::vector<std::string>>& rows);

// Writes a table as an Excel workbook with one sheet named `sheet` (bold
// header row, frozen, column widths from the content). Cells of
// `number_columns` (0-based) holding a whole number ("-1500000") are written
// as numbers with a thousands format, so sums work; other cells as text.
// Returns false (and says why on stderr) when the file cannot be written.
bool WriteXlsx(const std::string& path, const std::string& sheet, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows,
               const std::vector<size_t>& number_columns = {});

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
