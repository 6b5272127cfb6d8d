// Table and JSON printing.
#include "cli/output.h"

#include <google/protobuf/util/json_util.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace parhub::cli {

size_t DisplayWidth(const std::string& text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    uint32_t cp = 0;
    if (length == 1)
      cp = c;
    else if (length == 2 && i + 1 < text.size())
      cp = ((c & 0x1F) << 6) | (text[i + 1] & 0x3F);
    else if (length == 3 && i + 2 < text.size())
      cp = ((c & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F);
    bool combining = cp >= 0x0300 && cp <= 0x036F;
    if (!combining) ++width;
    i += length;
  }
  return width;
}

void Output::Table(const std::vector<std::string>& header,
                   const std::vector<std::vector<std::string>>& rows) const {
  std::vector<size_t> widths(header.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  };
  measure(header);
  for (const auto& row : rows) measure(row);
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    std::cout << line << "\n";
  };
  print(header);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  print(rule);
  for (const auto& row : rows) print(row);
  if (rows.empty()) std::cout << T("(không có dữ liệu)", "(nothing)") << "\n";
}

namespace {
std::string ToJson(const google::protobuf::Message& message) {
  std::string text;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(message, &text, options);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}
}  // namespace

void Output::Json(const google::protobuf::Message& message) const { std::cout << ToJson(message) << "\n"; }

void Output::JsonObject(
    const std::vector<std::pair<std::string, const google::protobuf::Message*>>& members) const {
  std::cout << "{\n";
  for (size_t i = 0; i < members.size(); ++i) {
    std::cout << " \"" << members[i].first << "\": " << ToJson(*members[i].second)
              << (i + 1 < members.size() ? ",\n" : "\n");
  }
  std::cout << "}\n";
}

void Output::Line(const std::string& text) const { std::cout << text << "\n"; }
void Output::Error(const std::string& text) const { std::cerr << text << "\n"; }

namespace {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

bool WriteCsv(const std::string& path, const std::vector<std::string>& header,
              const std::vector<std::vector<std::string>>& rows) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    std::cerr << "cannot write " << path << "\n";
    return false;
  }
  file << "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) file << (i ? "," : "") << CsvField(fields[i]);
    file << "\r\n";
  };
  line(header);
  for (const auto& row : rows) line(row);
  file.close();
  if (!file) {
    std::cerr << "cannot write " << path << "\n";
    return false;
  }
  return true;
}

bool WriteXlsx(const std::string& path, const std::string& sheet, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) {
    std::cerr << "cannot write " << path << "\n";
    return false;
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  std::vector<size_t> widths(header.size(), 8);
  auto write_row = [&](lxw_row_t r, const std::vector<std::string>& cells, lxw_format* format) {
    for (size_t c = 0; c < cells.size(); ++c) {
      worksheet_write_string(worksheet, r, static_cast<lxw_col_t>(c), cells[c].c_str(), format);
      if (c < widths.size()) widths[c] = std::max(widths[c], DisplayWidth(cells[c]) + 2);
    }
  };
  write_row(0, header, bold);
  for (size_t r = 0; r < rows.size(); ++r) write_row(static_cast<lxw_row_t>(r + 1), rows[r], nullptr);
  for (size_t c = 0; c < widths.size(); ++c) {
    worksheet_set_column(worksheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<size_t>(widths[c], 60)), nullptr);
  }
  worksheet_freeze_panes(worksheet, 1, 0);
  lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    std::cerr << "cannot write " << path << ": " << lxw_strerror(error) << "\n";
    return false;
  }
  return true;
}

}  // namespace parhub::cli
