// RenderReportXlsx: the report version as a workbook, one sheet per section,
// written by libxlsxwriter to a private temporary file and read back (Debian
// 12's libxlsxwriter 1.1.4 cannot write to memory).
#include <glib.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "platform/core/date.h"
#include "services/reporting/export/report_export.h"
#include "services/reporting/export/report_format.h"
#include "services/reporting/export/report_sections.h"

namespace parhub::reporting {
namespace {

using report_export::Cell;
using report_export::Section;
using report_export::Table;
using report_export::Unit;

constexpr char kFont[] = "Times New Roman";

// A temporary file removed when it goes out of scope.
class TempFile final {
 public:
  TempFile() {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    dir_ = dir.string();
    std::string pattern = (dir / "parhub-report-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::string path_;
};

size_t DisplayChars(const std::string& text) {
  size_t longest = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    longest =
        std::max(longest, static_cast<size_t>(g_utf8_strlen(line.data(), static_cast<gssize>(line.size()))));
  }
  return longest;
}

lxw_datetime ToLxw(const common::v1::Date& d) { return lxw_datetime{d.year(), d.month(), d.day(), 0, 0, 0}; }

lxw_datetime ToLxw(absl::Time t) {
  absl::CivilSecond s = absl::ToCivilSecond(t, platform::VietnamTimeZone());
  return lxw_datetime{static_cast<int>(s.year()), s.month(), s.day(), s.hour(), s.minute(), 0};
}

// Writes the workbook; remembers the first libxlsxwriter error.
class WorkbookWriter final {
 public:
  explicit WorkbookWriter(lxw_workbook* workbook) : workbook_(workbook) {
    title_ = NewFormat();
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    subtitle_ = NewFormat();
    format_set_bold(subtitle_);
    header_ = Bordered();
    format_set_bold(header_);
    format_set_align(header_, LXW_ALIGN_CENTER);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(header_, 0xDDEBF7);
    text_ = Bordered();
    count_ = Bordered();
    format_set_num_format(count_, "#,##0");
    percent_ = Bordered();
    format_set_num_format(percent_, "0.0%");
    decimal_ = Bordered();
    format_set_num_format(decimal_, "#,##0.00");
    date_ = Bordered();
    format_set_num_format(date_, "dd/mm/yyyy");
    datetime_ = Bordered();
    format_set_num_format(datetime_, "dd/mm/yyyy hh:mm");
    note_ = NewFormat();
    format_set_italic(note_);
  }

  lxw_worksheet* AddSheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (sheet == nullptr) Fail(absl::StrCat("cannot add sheet ", name));
    if (sheet != nullptr) {
      worksheet_set_paper(sheet, 9);  // A4
      worksheet_fit_to_pages(sheet, 1, 0);
    }
    widths_.clear();
    return sheet;
  }

  void Title(lxw_worksheet* sheet, lxw_row_t row, const std::string& text) {
    Check(worksheet_write_string(sheet, row, 0, text.c_str(), title_));
  }
  void Subtitle(lxw_worksheet* sheet, lxw_row_t row, const std::string& text) {
    Check(worksheet_write_string(sheet, row, 0, text.c_str(), subtitle_));
  }
  void Note(lxw_worksheet* sheet, lxw_row_t row, const std::string& text) {
    Check(worksheet_write_string(sheet, row, 0, text.c_str(), note_));
  }
  void Header(lxw_worksheet* sheet, lxw_row_t row, const std::vector<std::string>& headings) {
    for (size_t c = 0; c < headings.size(); ++c) {
      Check(worksheet_write_string(sheet, row, Col(c), headings[c].c_str(), header_));
      Widen(c, std::min<size_t>(DisplayChars(headings[c]), 24));
    }
  }
  void Text(lxw_worksheet* sheet, lxw_row_t row, size_t col, const std::string& text) {
    Check(worksheet_write_string(sheet, row, Col(col), text.c_str(), text_));
    Widen(col, DisplayChars(text));
  }
  void Write(lxw_worksheet* sheet, lxw_row_t row, size_t col, const Cell& cell) {
    if (!cell.is_number) return Text(sheet, row, col, cell.text);
    switch (cell.unit) {
      case Unit::kCount:
      case Unit::kDong:
        Check(worksheet_write_number(sheet, row, Col(col), cell.number, count_));
        break;
      case Unit::kPercent:
        // Stored as a fraction so spreadsheets compute with it as a percentage.
        Check(worksheet_write_number(sheet, row, Col(col), cell.number / 100.0, percent_));
        break;
      case Unit::kDecimal:
        Check(worksheet_write_number(sheet, row, Col(col), cell.number, decimal_));
        break;
      case Unit::kPlain:
        Check(worksheet_write_number(sheet, row, Col(col), cell.number, text_));
        break;
    }
    Widen(col, cell.Display().size() + 2);
  }
  void Date(lxw_worksheet* sheet, lxw_row_t row, size_t col, const common::v1::Date& date) {
    if (date.year() == 0) return Text(sheet, row, col, "");
    lxw_datetime value = ToLxw(date);
    Check(worksheet_write_datetime(sheet, row, Col(col), &value, date_));
    Widen(col, 12);
  }
  void Timestamp(lxw_worksheet* sheet, lxw_row_t row, size_t col, const google::protobuf::Timestamp& ts) {
    absl::Time t = report_export::ToTime(ts);
    if (t == absl::InfinitePast()) return Text(sheet, row, col, "");
    lxw_datetime value = ToLxw(t);
    Check(worksheet_write_datetime(sheet, row, Col(col), &value, datetime_));
    Widen(col, 17);
  }

  // Sets the column widths of `sheet` from what was written (wrapping text
  // beyond 60 characters).
  void FitColumns(lxw_worksheet* sheet) {
    for (size_t c = 0; c < widths_.size(); ++c) {
      double width = static_cast<double>(std::clamp<size_t>(widths_[c] + 2, 6, 60));
      Check(worksheet_set_column(sheet, Col(c), Col(c), width, nullptr));
    }
  }

  const absl::Status& status() const { return status_; }

 private:
  lxw_format* NewFormat() {
    lxw_format* format = workbook_add_format(workbook_);
    format_set_font_name(format, kFont);
    format_set_font_size(format, 12);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return format;
  }
  lxw_format* Bordered() {
    lxw_format* format = NewFormat();
    format_set_border(format, LXW_BORDER_THIN);
    format_set_text_wrap(format);
    return format;
  }
  static lxw_col_t Col(size_t c) { return static_cast<lxw_col_t>(c); }
  void Widen(size_t col, size_t chars) {
    if (widths_.size() <= col) widths_.resize(col + 1, 0);
    widths_[col] = std::max(widths_[col], chars);
  }
  void Check(lxw_error error) {
    if (error != LXW_NO_ERROR) Fail(lxw_strerror(error));
  }
  void Fail(const std::string& what) {
    if (status_.ok()) status_ = absl::InternalError(absl::StrCat("xlsx: ", what));
  }

  lxw_workbook* workbook_;
  lxw_format* title_;
  lxw_format* subtitle_;
  lxw_format* header_;
  lxw_format* text_;
  lxw_format* count_;
  lxw_format* percent_;
  lxw_format* decimal_;
  lxw_format* date_;
  lxw_format* datetime_;
  lxw_format* note_;
  std::vector<size_t> widths_;
  absl::Status status_;
};

std::string DocumentTitle(const v1::ReportPeriod& period, const ReportLetterhead& head) {
  std::string subject = report_export::ReportSubject(head.report_title);
  if (subject.empty()) subject = "Kết quả thực hiện";
  return report_export::ToUpper(
      absl::StrCat("Báo cáo ", report_export::LowerFirst(subject), " ", report_export::PeriodPhrase(period)));
}

void WriteGeneralSheet(WorkbookWriter& w, const v1::Report& report, const v1::ReportVersion& version,
                       const ReportLetterhead& head) {
  const v1::ReportPeriod& period = report_export::PeriodOf(report, version);
  lxw_worksheet* sheet = w.AddSheet("Thông tin chung");
  if (sheet == nullptr) return;
  w.Title(sheet, 0, DocumentTitle(period, head));
  lxw_row_t row = 2;
  w.Header(sheet, row++, {"Mục", "Nội dung"});
  auto text = [&](const std::string& label, const std::string& value) {
    w.Text(sheet, row, 0, label);
    w.Text(sheet, row++, 1, value);
  };
  text("Cơ quan chủ quản", head.authority_name);
  text("Đơn vị báo cáo", head.school_name);
  text("Số văn bản", head.document_number);
  text("Loại báo cáo", head.report_title.empty() ? period.family() : head.report_title);
  text("Kỳ báo cáo", report_export::PeriodPhrase(period));
  w.Text(sheet, row, 0, "Năm");
  w.Write(sheet, row++, 1, Cell::Number(period.year(), Unit::kPlain));
  w.Text(sheet, row, 0, "Số liệu từ ngày");
  w.Date(sheet, row++, 1, period.period_start());
  w.Text(sheet, row, 0, "Chốt số liệu đến ngày");
  w.Date(sheet, row++, 1, period.cutoff_date());
  w.Text(sheet, row, 0, "Hạn gửi báo cáo");
  w.Date(sheet, row++, 1, period.due_date());
  text("Nơi nhận", absl::StrJoin(head.recipients, "; "));
  text("Báo cáo", report.name());
  text("Trạng thái", report_export::ReportStateLabel(report.state()));
  w.Text(sheet, row, 0, "Phiên bản");
  w.Write(sheet, row++, 1, Cell::Number(version.version(), Unit::kCount));
  text("Người lập", version.generated_by());
  w.Text(sheet, row, 0, "Thời điểm lập");
  w.Timestamp(sheet, row++, 1, version.create_time());
  text("Mã kiểm tra nội dung (SHA-256)", version.content_sha256());
  for (const std::string& error : version.source_errors()) text("Nguồn số liệu không phản hồi", error);
  w.FitColumns(sheet);
}

lxw_row_t WriteTable(WorkbookWriter& w, lxw_worksheet* sheet, lxw_row_t row, const Table& table) {
  if (!table.title.empty()) w.Subtitle(sheet, row++, table.title);
  w.Header(sheet, row++, table.headings);
  for (const auto& cells : table.rows) {
    for (size_t c = 0; c < cells.size(); ++c) w.Write(sheet, row, c, cells[c]);
    ++row;
  }
  return row;
}

void WriteSection(WorkbookWriter& w, const Section& section) {
  lxw_worksheet* sheet = w.AddSheet(section.sheet_name);
  if (sheet == nullptr) return;
  w.Title(sheet, 0, section.title);
  lxw_row_t row = 2;
  if (!section.figures.empty()) {
    w.Header(sheet, row++, {"STT", "Chỉ tiêu", "Giá trị", "Đơn vị"});
    int number = 1;
    for (const auto& figure : section.figures) {
      w.Write(sheet, row, 0, Cell::Number(number++, Unit::kCount));
      w.Text(sheet, row, 1, figure.label);
      w.Write(sheet, row, 2, figure.value);
      w.Text(sheet, row++, 3, figure.unit_word);
    }
    ++row;
  }
  for (const auto& table : section.tables) row = WriteTable(w, sheet, row, table) + 1;
  for (const auto& note : section.notes) w.Note(sheet, row++, note);
  w.FitColumns(sheet);
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InternalError("xlsx: cannot read the temporary file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

absl::StatusOr<std::string> RenderReportXlsx(const v1::Report& report, const v1::ReportVersion& version,
                                             const ReportLetterhead& head) {
  if (absl::Status status = report_export::RequireContent(version); !status.ok()) return status;
  TempFile file;
  if (!file.ok()) return absl::InternalError("xlsx: cannot create a temporary file");
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(file.dir().c_str());
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &options);
  if (workbook == nullptr) return absl::InternalError("xlsx: cannot create the workbook");

  const v1::ReportPeriod& period = report_export::PeriodOf(report, version);
  std::string title = DocumentTitle(period, head);
  std::string author = head.school_name;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  // A fixed creation time keeps the file a function of the version.
  absl::Time created = report_export::ToTime(version.create_time());
  properties.created = created == absl::InfinitePast() ? 1 : absl::ToTimeT(created);
  workbook_set_properties(workbook, &properties);

  WorkbookWriter writer(workbook);
  WriteGeneralSheet(writer, report, version, head);
  for (const Section& section : report_export::BuildSections(version.content()))
    WriteSection(writer, section);
  lxw_error closed = workbook_close(workbook);
  if (!writer.status().ok()) return writer.status();
  if (closed != LXW_NO_ERROR) return absl::InternalError(absl::StrCat("xlsx: ", lxw_strerror(closed)));
  return ReadFile(file.path());
}

}  // namespace parhub::reporting
