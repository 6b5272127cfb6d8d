// Table and JSON printing.
#include "cli/output.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "platform/core/vn_number.h"

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
  options.always_print_primitive_fields = true;
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

void Output::Fail(const Failure& failure) const {
  if (json) {
    google::protobuf::Struct error;
    auto& fields = *error.mutable_fields();
    fields["code"].set_string_value(failure.code);
    fields["exit_code"].set_number_value(failure.exit_code);
    fields["title"].set_string_value(failure.headline);
    fields["message"].set_string_value(failure.message);
    auto* list = fields["fields"].mutable_list_value();
    for (const auto& f : failure.fields) {
      auto& item = *list->add_values()->mutable_struct_value()->mutable_fields();
      item["option"].set_string_value(f.option);
      item["field"].set_string_value(f.field);
      item["description"].set_string_value(f.description);
    }
    google::protobuf::Struct wrapper;
    *(*wrapper.mutable_fields())["error"].mutable_struct_value() = error;
    std::cout << ToJson(wrapper) << "\n";
    return;
  }
  std::string line = absl::StrCat(T("Lỗi: ", "Error: "), failure.headline);
  auto name = [](const Failure::Field& f) { return f.option.empty() ? f.field : f.option; };
  if (!failure.fields.empty()) {
    // The message repeats the first field; each field is said once, by its option.
    absl::StrAppend(&line, " — ", name(failure.fields[0]), ": ", failure.fields[0].description);
  } else if (!failure.message.empty()) {
    absl::StrAppend(&line, " — ", failure.message);
  }
  std::cerr << line << "\n";
  for (size_t i = 1; i < failure.fields.size(); ++i) {
    std::cerr << "  " << name(failure.fields[i]) << ": " << failure.fields[i].description << "\n";
  }
  for (const auto& hint : failure.hints) std::cerr << "  " << hint << "\n";
}

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
              const std::vector<std::vector<std::string>>& rows, std::string* error) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    *error = absl::StrCat("cannot write ", path);
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
    *error = absl::StrCat("cannot write ", path);
    return false;
  }
  return true;
}

namespace {

// "-1500000" as a number; false for anything but an optional minus and 1-15 digits.
bool WholeNumber(const std::string& text, double* value) {
  size_t start = !text.empty() && text[0] == '-' ? 1 : 0;
  size_t digits = text.size() - start;
  if (digits == 0 || digits > 15) return false;
  int64_t magnitude = 0;
  for (size_t i = start; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    magnitude = magnitude * 10 + (text[i] - '0');
  }
  *value = static_cast<double>(start == 1 ? -magnitude : magnitude);
  return true;
}

}  // namespace

bool WriteXlsx(const std::string& path, const std::string& sheet, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows, const std::vector<size_t>& number_columns,
               std::string* error) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) {
    *error = absl::StrCat("cannot write ", path);
    return false;
  }
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* thousands = workbook_add_format(workbook);
  format_set_num_format(thousands, "#,##0");
  auto is_number_column = [&](size_t c) {
    return std::find(number_columns.begin(), number_columns.end(), c) != number_columns.end();
  };
  std::vector<size_t> widths(header.size(), 8);
  auto write_row = [&](lxw_row_t r, const std::vector<std::string>& cells, lxw_format* format, bool data) {
    for (size_t c = 0; c < cells.size(); ++c) {
      double number = 0;
      if (data && is_number_column(c) && WholeNumber(cells[c], &number)) {
        worksheet_write_number(worksheet, r, static_cast<lxw_col_t>(c), number, thousands);
      } else {
        worksheet_write_string(worksheet, r, static_cast<lxw_col_t>(c), cells[c].c_str(), format);
      }
      if (c < widths.size()) widths[c] = std::max(widths[c], DisplayWidth(cells[c]) + 2);
    }
  };
  write_row(0, header, bold, false);
  for (size_t r = 0; r < rows.size(); ++r) write_row(static_cast<lxw_row_t>(r + 1), rows[r], nullptr, true);
  for (size_t c = 0; c < widths.size(); ++c) {
    worksheet_set_column(worksheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<size_t>(widths[c], 60)), nullptr);
  }
  worksheet_freeze_panes(worksheet, 1, 0);
  lxw_error status = workbook_close(workbook);
  if (status != LXW_NO_ERROR) {
    *error = absl::StrCat("cannot write ", path, ": ", lxw_strerror(status));
    return false;
  }
  return true;
}

std::string FormatDong(int64_t amount) { return platform::GroupThousands(amount) + " đ"; }

namespace {

std::string_view StripBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `s` ends with `suffix`, ASCII letters compared without case.
bool EndsWithIgnoringAsciiCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  std::string_view tail = s.substr(s.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (AsciiLower(tail[i]) != AsciiLower(suffix[i])) return false;
  }
  return true;
}

}  // namespace

std::optional<int64_t> ParseDong(std::string_view text) {
  std::string_view t = StripBlanks(text);
  // Longer units first: "dong" before "d", "đồng" before "đ".
  static constexpr std::string_view kUnits[] = {"đồng", "Đồng", "ĐỒNG", "đ", "Đ", "dong", "vnd", "d"};
  for (std::string_view unit : kUnits) {
    if (EndsWithIgnoringAsciiCase(t, unit)) {
      t = StripBlanks(t.substr(0, t.size() - unit.size()));
      break;
    }
  }
  if (t.empty()) return std::nullopt;
  char separator = 0;    // the one separator used: '.', ',' or ' '
  bool grouped = false;  // a separator was seen
  size_t group = 0;      // digits since the last separator
  int64_t value = 0;
  size_t digits = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      if (++digits > 15) return std::nullopt;
      value = value * 10 + (c - '0');
      ++group;
      continue;
    }
    if (c != '.' && c != ',' && c != ' ') return std::nullopt;
    if (separator != 0 && c != separator) return std::nullopt;
    separator = c;
    // The first group has 1-3 digits, every later one exactly 3.
    if (grouped ? group != 3 : (group < 1 || group > 3)) return std::nullopt;
    grouped = true;
    group = 0;
  }
  if (digits == 0 || (grouped && group != 3)) return std::nullopt;
  return value;
}

}  // namespace parhub::cli
