// Reading an .xlsx statement's first worksheet with liborcus.
#include "services/finance/domain/statement_workbook.h"

#include <cmath>
#include <cstring>
#include <exception>
#include <ixion/address.hpp>
#include <ixion/cell.hpp>
#include <ixion/formula_result.hpp>
#include <ixion/model_context.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/sheet.hpp>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "platform/core/date.h"
#include "platform/core/errors.h"

namespace parhub::finance {
namespace {

absl::Status BadWorkbook(absl::string_view why) {
  return platform::InvalidField(
      "content", absl::StrCat("tệp Excel không đọc được: ", why,
                              "; hãy mở bằng Excel và lưu lại dạng .xlsx (the workbook cannot be read)"));
}

uint32_t Le(absl::string_view bytes, size_t at, size_t width) {
  uint32_t v = 0;
  for (size_t i = 0; i < width; ++i)
    v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return v;
}

// The sum of the uncompressed sizes the zip's central directory declares;
// an error for a file that is not a zip archive or declares ZIP64 sizes
// (no statement needs them).
absl::StatusOr<int64_t> DeclaredUnpackedBytes(absl::string_view zip) {
  constexpr uint32_t kEndSignature = 0x06054b50, kEntrySignature = 0x02014b50;
  constexpr size_t kEndSize = 22, kEntrySize = 46;
  if (zip.size() < kEndSize || Le(zip, 0, 4) != 0x04034b50) return BadWorkbook("không phải tệp .xlsx");
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  size_t end = std::string::npos;
  const size_t lowest = zip.size() > kEndSize + 0xFFFF ? zip.size() - kEndSize - 0xFFFF : 0;
  for (size_t at = zip.size() - kEndSize + 1; at-- > lowest;) {
    if (Le(zip, at, 4) == kEndSignature) {
      end = at;
      break;
    }
  }
  if (end == std::string::npos) return BadWorkbook("tệp bị cắt cụt");
  const uint32_t entries = Le(zip, end + 10, 2);
  const uint32_t directory_size = Le(zip, end + 12, 4);
  const uint32_t directory_at = Le(zip, end + 16, 4);
  if (entries == 0xFFFF || directory_at == 0xFFFFFFFF || directory_at > end ||
      directory_size > end - directory_at) {
    return BadWorkbook("mục lục tệp nén hỏng");
  }
  int64_t total = 0;
  size_t at = directory_at;
  for (uint32_t i = 0; i < entries; ++i) {
    if (at + kEntrySize > end || Le(zip, at, 4) != kEntrySignature)
      return BadWorkbook("mục lục tệp nén hỏng");
    const uint32_t unpacked = Le(zip, at + 24, 4);
    if (unpacked == 0xFFFFFFFF) return BadWorkbook("tệp nén ZIP64 không được hỗ trợ");
    total += unpacked;
    at += kEntrySize + Le(zip, at + 28, 2) + Le(zip, at + 30, 2) + Le(zip, at + 32, 2);
  }
  return total;
}

std::string NumberText(double v) {
  if (!std::isfinite(v)) return "";
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return absl::StrCat(static_cast<int64_t>(v));
  std::string text = absl::StrFormat("%.6f", v);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string CellText(const ixion::model_context& cells, const ixion::abs_address_t& at) {
  switch (cells.get_celltype(at)) {
    case ixion::celltype_t::string:
      return std::string(cells.get_string_value(at));
    case ixion::celltype_t::numeric:
      return NumberText(cells.get_numeric_value(at));
    case ixion::celltype_t::boolean:
      return cells.get_boolean_value(at) ? "TRUE" : "FALSE";
    case ixion::celltype_t::formula: {
      const ixion::formula_cell* formula = cells.get_formula_cell(at);
      if (formula == nullptr) return "";
      ixion::formula_result result =
          formula->get_result_cache(ixion::formula_result_wait_policy_t::throw_exception);
      switch (result.get_type()) {
        case ixion::formula_result::result_type::value:
          return NumberText(result.get_value());
        case ixion::formula_result::result_type::string:
          return result.get_string();
        default:
          return "";
      }
    }
    default:
      return "";
  }
}

}  // namespace

absl::StatusOr<std::vector<platform::CsvRecord>> ReadWorkbookRows(absl::string_view content) {
  if (!orcus::orcus_xlsx::detect(reinterpret_cast<const unsigned char*>(content.data()), content.size())) {
    return BadWorkbook("không phải tệp .xlsx");
  }
  absl::StatusOr<int64_t> unpacked = DeclaredUnpackedBytes(content);
  if (!unpacked.ok()) return unpacked.status();
  if (*unpacked > kMaxWorkbookUnpackedBytes) {
    return BadWorkbook("giải nén ra hơn 256 MiB, hãy chia nhỏ sao kê");
  }
  try {
    orcus::spreadsheet::document workbook({1048576, 16384});
    orcus::spreadsheet::import_factory factory(workbook);
    orcus::orcus_xlsx reader(&factory);
    reader.read_stream(std::string_view(content.data(), content.size()));
    if (workbook.get_sheet_count() == 0) return BadWorkbook("không có trang tính nào");
    const orcus::spreadsheet::sheet* sheet = workbook.get_sheet(0);
    if (sheet == nullptr) return BadWorkbook("không có trang tính nào");
    const ixion::abs_range_t range = sheet->get_data_range();
    std::vector<platform::CsvRecord> rows;
    if (!range.valid()) return rows;
    const ixion::model_context& cells = workbook.get_model_context();
    const ixion::sheet_t index = sheet->get_index();
    for (ixion::row_t row = range.first.row; row <= range.last.row; ++row) {
      platform::CsvRecord record;
      record.line = row + 1;
      for (ixion::col_t column = range.first.column; column <= range.last.column; ++column) {
        record.fields.push_back(CellText(cells, ixion::abs_address_t(index, row, column)));
      }
      rows.push_back(std::move(record));
    }
    return rows;
  } catch (const std::exception& e) {
    return BadWorkbook(e.what());
  }
}

std::optional<absl::Time> ExcelSerialTime(absl::string_view text) {
  double serial = 0;
  text = absl::StripAsciiWhitespace(text);
  if (text.empty() || !(text[0] >= '0' && text[0] <= '9') || !absl::SimpleAtod(text, &serial))
    return std::nullopt;
  // 1 is 1900-01-01; 2958465 is 9999-12-31.
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;
  const int64_t seconds = std::llround(serial * 86400.0);
  const absl::CivilSecond epoch(1899, 12, 30, 0, 0, 0);
  return absl::FromCivil(epoch + seconds, platform::VietnamTimeZone());
}

}  // namespace parhub::finance
