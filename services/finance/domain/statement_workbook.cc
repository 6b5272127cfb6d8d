// Reading an .xlsx statement's first worksheet with liborcus, in a child
// process: Debian's liborcus is built with assertions, and a damaged XML
// part can end in abort() inside its parser (found by
// fuzz/statement_workbook_fuzz.cc), which must not take the finance service
// down. The child reads the workbook and writes its rows to a pipe; a child
// that dies, or runs past kChildSeconds, means the file is refused.
#include "services/finance/domain/statement_workbook.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
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

// liborcus's messages quote the file's own bytes: only printable ASCII of
// them goes into an answer, at most 160 characters.
std::string Printable(absl::string_view message) {
  std::string out;
  for (char c : message.substr(0, 160)) out += (c >= 0x20 && c < 0x7F) ? c : ' ';
  return out;
}

uint32_t Le(absl::string_view bytes, size_t at, size_t width) {
  uint32_t v = 0;
  for (size_t i = 0; i < width; ++i)
    v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return v;
}

// The sum of the uncompressed sizes the zip's central directory declares;
// an error for a file that is not a zip archive, declares ZIP64 sizes (no
// statement needs them), or whose entries' sizes or offsets (in the
// directory or in an entry's own header) point past the file: liborcus
// allocates what they say before reading.
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
  constexpr size_t kLocalSize = 30;
  int64_t total = 0;
  size_t at = directory_at;
  for (uint32_t i = 0; i < entries; ++i) {
    if (at + kEntrySize > end || Le(zip, at, 4) != kEntrySignature)
      return BadWorkbook("mục lục tệp nén hỏng");
    const uint32_t packed = Le(zip, at + 20, 4);
    const uint32_t unpacked = Le(zip, at + 24, 4);
    const uint32_t local = Le(zip, at + 42, 4);
    if (unpacked == 0xFFFFFFFF || packed == 0xFFFFFFFF || local == 0xFFFFFFFF) {
      return BadWorkbook("tệp nén ZIP64 không được hỗ trợ");
    }
    if (directory_at < kLocalSize || packed > directory_at || local > directory_at - kLocalSize ||
        Le(zip, local, 4) != 0x04034b50) {
      return BadWorkbook("mục lục tệp nén hỏng");
    }
    // The entry's own header: sizes as in the directory, or 0 when a data
    // descriptor follows the data (streaming writers).
    const uint32_t local_packed = Le(zip, local + 18, 4);
    const uint32_t local_unpacked = Le(zip, local + 22, 4);
    if ((local_packed != packed && local_packed != 0) ||
        (local_unpacked != unpacked && local_unpacked != 0)) {
      return BadWorkbook("kích thước trong tệp nén không khớp");
    }
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

absl::StatusOr<std::vector<platform::CsvRecord>> ReadInThisProcess(absl::string_view content) {
  // liborcus reports damage by throwing, detect() included.
  try {
    absl::StatusOr<int64_t> unpacked = DeclaredUnpackedBytes(content);
    if (!unpacked.ok()) return unpacked.status();
    if (*unpacked > kMaxWorkbookUnpackedBytes)
      return BadWorkbook("giải nén ra hơn 256 MiB, hãy chia nhỏ sao kê");
    if (!orcus::orcus_xlsx::detect(reinterpret_cast<const unsigned char*>(content.data()), content.size())) {
      return BadWorkbook("không phải tệp .xlsx");
    }
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
    // A hostile sheet may put one cell far away: the span is checked before
    // any row is made.
    const int64_t span_rows = range.last.row - range.first.row + 1;
    const int64_t span_columns = range.last.column - range.first.column + 1;
    if (span_rows > kMaxWorkbookRows) return BadWorkbook("trang tính có hơn 200.100 dòng");
    if (span_columns > kMaxWorkbookColumns) return BadWorkbook("trang tính có hơn 64 cột");
    if (span_rows * span_columns > kMaxWorkbookCells) {
      return BadWorkbook("trang tính có hơn 4 triệu ô, hãy xóa các cột không dùng");
    }
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
    return BadWorkbook(Printable(e.what()));
  } catch (...) {
    return BadWorkbook("tệp hỏng");
  }
}

// How long the child may take: a 200,000-line statement takes a few seconds.
constexpr unsigned kChildSeconds = 120;

// The child's answer on the pipe: 'R' and the rows (each: line, field
// count, then each field's length and bytes, numbers as 4 bytes), or 'E' and
// the refusal's message.
void Put32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::string Encode(const absl::StatusOr<std::vector<platform::CsvRecord>>& rows) {
  std::string out;
  if (!rows.ok()) {
    std::vector<platform::FieldViolation> why = platform::FieldViolations(rows.status());
    return absl::StrCat("E", why.empty() ? rows.status().message() : absl::string_view(why[0].description));
  }
  out = "R";
  for (const platform::CsvRecord& r : *rows) {
    Put32(out, static_cast<uint32_t>(r.line));
    Put32(out, static_cast<uint32_t>(r.fields.size()));
    for (const std::string& f : r.fields) {
      Put32(out, static_cast<uint32_t>(f.size()));
      out += f;
    }
  }
  return out;
}

absl::StatusOr<std::vector<platform::CsvRecord>> Decode(absl::string_view in) {
  if (in.empty()) return BadWorkbook("tệp hỏng");
  if (in[0] == 'E') return platform::InvalidField("content", std::string(in.substr(1)));
  if (in[0] != 'R') return BadWorkbook("tệp hỏng");
  size_t at = 1;
  auto get = [&](uint32_t* v) {
    if (in.size() - at < 4) return false;
    *v = Le(in, at, 4);
    at += 4;
    return true;
  };
  std::vector<platform::CsvRecord> rows;
  while (at < in.size()) {
    platform::CsvRecord r;
    uint32_t line = 0, count = 0;
    if (!get(&line) || !get(&count) || count > kMaxWorkbookColumns) return BadWorkbook("tệp hỏng");
    r.line = static_cast<int>(line);
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t size = 0;
      if (!get(&size) || in.size() - at < size) return BadWorkbook("tệp hỏng");
      r.fields.emplace_back(in.substr(at, size));
      at += size;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

bool WriteAll(int fd, absl::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

absl::StatusOr<std::vector<platform::CsvRecord>> ReadWorkbookRows(absl::string_view content) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return absl::InternalError("cannot read the workbook: no pipe");
  const pid_t child = fork();
  if (child < 0) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    return absl::UnavailableError("cannot read the workbook now: no process");
  }
  if (child == 0) {
    close(pipe_fds[0]);
    alarm(kChildSeconds);
    const bool written = WriteAll(pipe_fds[1], Encode(ReadInThisProcess(content)));
    _exit(written ? 0 : 1);
  }
  close(pipe_fds[1]);
  std::string answer;
  char buffer[1 << 16];
  while (true) {
    ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    answer.append(buffer, static_cast<size_t>(n));
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) return BadWorkbook("đọc quá lâu");
    return BadWorkbook("tệp hỏng");
  }
  return Decode(answer);
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
