// What parhubctl prints: human tables with Vietnamese labels (English with
// --lang en), or protobuf JSON with --output json.
#ifndef PARHUB_CLI_OUTPUT_H_
#define PARHUB_CLI_OUTPUT_H_

#include <google/protobuf/message.h>

#include <string>
#include <vector>

namespace parhub::cli {

class Output final {
 public:
  bool json = false;
  bool english = false;

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
// header row, frozen, column widths from the content). Returns false (and
// says why on stderr) when the file cannot be written.
bool WriteXlsx(const std::string& path, const std::string& sheet, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows);

// Display width of UTF-8 text (combining marks take no column).
size_t DisplayWidth(const std::string& text);

}  // namespace parhub::cli

#endif  // PARHUB_CLI_OUTPUT_H_
