// RenderReportPdf: the report version as a Vietnamese administrative report
// (thể thức of Nghị định 30/2020/NĐ-CP, Phụ lục I): header, title, body with
// one Roman-numbered part per section, signature and "Nơi nhận", then the
// forecast point by point as an appendix.
#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "platform/core/date.h"
#include "services/reporting/export/pdf_document.h"
#include "services/reporting/export/report_export.h"
#include "services/reporting/export/report_format.h"
#include "services/reporting/export/report_pdf_text.h"
#include "services/reporting/export/report_sections.h"

namespace parhub::reporting {
namespace {

using report_export::Align;
using report_export::PdfDocument;
using report_export::TableColumn;
using report_export::TextStyle;

constexpr double kIndent = 28.35;  // 1 cm first-line indent

const TextStyle kBody{.size = 13, .indent = kIndent};
const TextStyle kHeading{.size = 13, .bold = true, .align = Align::kLeft, .indent = kIndent};

// The Roman numeral of part `index` (0 → "I").
std::string Roman(size_t index) {
  static constexpr std::pair<int, const char*> kDigits[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  int n = static_cast<int>(index) + 1;
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    for (; n >= value; n -= value) out += digits;
  }
  return out;
}

// The subject line under "BÁO CÁO": "Công tác cải cách hành chính quý I năm 2024".
std::string Subject(const v1::ReportPeriod& period, const ReportLetterhead& head) {
  std::string subject = report_export::ReportSubject(head.report_title);
  if (subject.empty()) subject = "Kết quả thực hiện";
  return absl::StrCat(subject, " ", report_export::PeriodPhrase(period));
}

std::string DocumentNumber(const ReportLetterhead& head) {
  return absl::StrCat("Số: ", head.document_number.empty() ? "       /BC-" : head.document_number);
}

// Left: parent body, school (bold, ruled), number. Right: national title,
// motto (ruled), place and date.
void Header(PdfDocument& doc, const ReportLetterhead& head, absl::Time date) {
  TextStyle nation{.size = 12, .bold = true, .align = Align::kCenter};
  TextStyle motto{.size = 13, .bold = true, .align = Align::kCenter};
  TextStyle body_left{.size = 12, .align = Align::kCenter};
  TextStyle school{.size = 12, .bold = true, .align = Align::kCenter};
  TextStyle number{.size = 13, .align = Align::kCenter};
  TextStyle place{.size = 13, .italic = true, .align = Align::kCenter};

  const std::string kNation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  const std::string kMotto = "Độc lập - Tự do - Hạnh phúc";
  // The national title on one line decides the right column. The header
  // reaches 8 mm into the left margin so both columns keep their names on
  // one line where they can.
  double shift = -8 * 72 / 25.4;
  double total = doc.width() - shift;
  double right_width = std::max(doc.TextWidth(kNation, nation) + 8, total * 0.55);
  double left_width = total - right_width;
  double right_x = shift + left_width;

  double left = 0;
  if (!head.authority_name.empty()) {
    left = doc.Place(report_export::ToUpper(head.authority_name), body_left, shift, left_width, 0);
  }
  std::string school_name = report_export::ToUpper(head.school_name);
  left += doc.Place(school_name, school, shift, left_width, left);
  // ND 30: a rule 1/3 to 1/2 as long as the issuer's name, centred under it.
  double school_rule = std::min(doc.TextWidth(school_name, school), left_width) * 0.4;
  doc.Rule(shift + (left_width - school_rule) / 2, school_rule, left + 4);
  double right = doc.Place(kNation, nation, right_x, right_width, 0);
  right += doc.Place(kMotto, motto, right_x, right_width, right);
  double motto_width = doc.TextWidth(kMotto, motto);
  doc.Rule(right_x + (right_width - motto_width) / 2, motto_width, right + 4);

  double second = std::max(left, right) + 12;
  double h1 = doc.Place(DocumentNumber(head), number, shift, left_width, second);
  double h2 = doc.Place(report_export::PlaceAndDate(head.place, date), place, right_x, right_width, second);
  doc.Advance(second + std::max(h1, h2) + 18);
}

void Title(PdfDocument& doc, const std::string& subject) {
  TextStyle kind{.size = 14, .bold = true, .align = Align::kCenter, .space_after = 0};
  TextStyle line{.size = 14, .bold = true, .align = Align::kCenter, .space_after = 0};
  doc.Paragraph("BÁO CÁO", kind);
  double width = doc.width() * 0.85;
  double x = (doc.width() - width) / 2;
  doc.Paragraph(subject, line, x, width);
  double rule = std::min(doc.TextWidth(subject, line), width) / 3;
  doc.Rule((doc.width() - rule) / 2, rule, 6);
  doc.Advance(20);
}

void HeadingLine(PdfDocument& doc, const std::string& text) {
  // Keep a heading with at least two lines of what follows.
  doc.KeepTogether(doc.Measure(text, kHeading, doc.width()) + 40);
  doc.Paragraph(text, kHeading);
}

void Lines(PdfDocument& doc, const std::vector<std::string>& lines) {
  for (const auto& line : lines) doc.Paragraph(line, kBody);
}

// A section table in the body, its first column wide.
void SectionTable(PdfDocument& doc, const report_export::Table& table) {
  if (table.rows.empty()) return;
  size_t n = table.headings.size();
  double first = doc.width() * (n > 3 ? 0.36 : 0.5);
  std::vector<TableColumn> columns = {{first, Align::kLeft}};
  for (size_t c = 1; c < n; ++c) columns.push_back({(doc.width() - first) / static_cast<double>(n - 1)});
  std::vector<std::vector<std::string>> rows;
  for (const auto& cells : table.rows) {
    std::vector<std::string> row;
    for (const auto& cell : cells) row.push_back(cell.Display());
    rows.push_back(std::move(row));
  }
  TextStyle caption{.size = 13, .italic = true, .align = Align::kLeft, .indent = kIndent};
  doc.KeepTogether(60);
  doc.Paragraph(absl::StrCat(table.title, ":"), caption);
  doc.Table(columns, table.headings, rows, 12);
}

// The closing sentence, then the signature on the right and "Nơi nhận" on
// the left at the same height, kept on one page so the signature never
// stands alone.
void Signature(PdfDocument& doc, const ReportLetterhead& head, const std::string& closing) {
  TextStyle title{.size = 13, .bold = true, .align = Align::kCenter};
  TextStyle name{.size = 13, .bold = true, .align = Align::kCenter};
  TextStyle recipients_title{.size = 12, .bold = true, .italic = true, .align = Align::kLeft};
  TextStyle recipient{.size = 11, .align = Align::kLeft};

  std::vector<std::string> items;
  for (const auto& r : head.recipients) {
    std::string item(absl::StripTrailingAsciiWhitespace(absl::StripAsciiWhitespace(r)));
    while (!item.empty() && (item.back() == ';' || item.back() == '.')) item.pop_back();
    if (!item.empty()) items.push_back(absl::StrCat("- ", item, ";"));
  }
  items.push_back("- Lưu: VT.");
  std::string list = absl::StrJoin(items, "\n");

  double right_width = doc.width() * 0.5;
  double right_x = doc.width() - right_width;
  double left_width = doc.width() * 0.45;
  std::string signer = report_export::ToUpper(head.signer_title);
  double signature_space = 80;
  double right_height = doc.Measure(signer, title, right_width) + signature_space +
                        doc.Measure(head.signer_name, name, right_width);
  double left_height =
      doc.Measure("Nơi nhận:", recipients_title, left_width) + doc.Measure(list, recipient, left_width);
  double closing_height = doc.Measure(closing, kBody, doc.width()) + kBody.space_after + 6;
  doc.KeepTogether(closing_height + std::max(left_height, right_height) + 6);
  doc.Paragraph(closing, kBody);
  doc.Advance(6);

  double h = doc.Place("Nơi nhận:", recipients_title, 0, left_width, 0);
  h += doc.Place(list, recipient, 0, left_width, h);
  double r = doc.Place(signer, title, right_x, right_width, 0);
  r += signature_space;
  r += doc.Place(head.signer_name, name, right_x, right_width, r);
  doc.Advance(std::max(h, r) + 6);
}

// The forecast point by point, on its own pages after the signature.
void ForecastAppendix(PdfDocument& doc, const v1::ParForecast& forecast, const ReportLetterhead& head,
                      absl::Time date) {
  doc.NewPage();
  TextStyle title{.size = 14, .bold = true, .align = Align::kCenter, .space_after = 0};
  TextStyle sub{.size = 13, .bold = true, .align = Align::kCenter, .space_after = 0};
  TextStyle note{.size = 13, .italic = true, .align = Align::kCenter, .space_after = 12};
  doc.Paragraph("PHỤ LỤC", title);
  doc.Paragraph("ĐIỂM DỰ BÁO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\nTHEO TIÊU CHÍ THÀNH PHẦN", sub);
  std::string of = head.document_number.empty() ? "" : absl::StrCat(" số ", head.document_number);
  doc.Paragraph(absl::StrCat("(Kèm theo Báo cáo", of, " ", report_export::PlaceAndDate("", date), ")"), note);

  double w = doc.width();
  std::vector<TableColumn> columns = {{0.075 * w}, {0.315 * w, Align::kLeft}, {0.08 * w}, {0.09 * w},
                                      {0.15 * w},  {0.29 * w, Align::kLeft}};
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : forecast.lines()) {
    rows.push_back({line.sub_criterion(), line.title(), report_export::FormatDecimal(line.max_points(), 2),
                    report_export::FormatDecimal(line.points(), 2),
                    report_export::PointsSourceLabel(line.source()), line.explanation()});
  }
  doc.Table(columns, {"Mã", "Tiêu chí thành phần", "Điểm tối đa", "Điểm dự báo", "Nguồn điểm", "Giải thích"},
            rows, 11,
            {"", "Tổng cộng", report_export::FormatDecimal(forecast.max_points(), 2),
             report_export::FormatDecimal(forecast.total_points(), 2), "", ""});
  for (const auto& error : forecast.source_errors()) {
    doc.Paragraph(absl::StrCat("Không lấy được số liệu: ", error), TextStyle{.size = 11, .italic = true});
  }
}

std::string IsoDate(absl::Time t) {
  if (t == absl::InfinitePast() || t == absl::InfiniteFuture()) return "";
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S%Ez", t, platform::VietnamTimeZone());
}

}  // namespace

absl::StatusOr<std::string> RenderReportPdf(const v1::Report& report, const v1::ReportVersion& version,
                                            const ReportLetterhead& head, absl::Time document_date) {
  if (absl::Status status = report_export::RequireContent(version); !status.ok()) return status;
  const v1::ReportContent& content = version.content();
  const v1::ReportPeriod& period = report_export::PeriodOf(report, version);
  std::string subject = Subject(period, head);

  absl::StatusOr<std::unique_ptr<PdfDocument>> created =
      PdfDocument::Create({.title = absl::StrCat("Báo cáo ", report_export::LowerFirst(subject)),
                           .author = head.school_name,
                           .subject = version.name(),
                           .create_date = IsoDate(document_date)});
  if (!created.ok()) return created.status();
  PdfDocument& doc = **created;

  Header(doc, head, document_date);
  Title(doc, subject);

  std::string from = report_export::FormatDate(period.period_start());
  std::string to = report_export::FormatDate(period.cutoff_date());
  std::string span =
      from.empty() || to.empty() ? "" : absl::StrCat(" (số liệu từ ngày ", from, " đến ngày ", to, ")");
  doc.Paragraph(absl::StrCat("Thực hiện chế độ báo cáo định kỳ, đơn vị báo cáo ",
                             report_export::LowerFirst(subject), span, " như sau:"),
                kBody);
  if (version.source_errors_size() > 0) {
    doc.Paragraph(
        absl::StrCat("Ghi chú: một số số liệu chưa đầy đủ do nguồn số liệu không phản hồi khi lập báo cáo (",
                     absl::StrJoin(version.source_errors(), "; "), ")."),
        TextStyle{.size = 13, .italic = true, .indent = kIndent});
  }

  size_t part = 0;
  auto heading = [&](const std::string& title) {
    HeadingLine(doc, absl::StrCat(Roman(part++), ". ", report_export::ToUpper(title)));
  };
  std::vector<report_export::Section> sections = report_export::BuildSections(content);
  auto tables_of = [&](const std::string& sheet) -> std::vector<report_export::Table> {
    for (const auto& s : sections) {
      if (s.sheet_name == sheet) return s.tables;
    }
    return {};
  };
  if (content.has_tasks()) {
    heading("Kết quả thực hiện kế hoạch, nhiệm vụ");
    Lines(doc, report_export::TaskSentences(content.tasks()));
    for (const auto& t : tables_of("Nhiệm vụ")) SectionTable(doc, t);
  }
  if (content.has_staffing()) {
    heading("Tổ chức bộ máy, biên chế và chế độ công vụ");
    Lines(doc, report_export::StaffingSentences(content.staffing()));
  }
  if (content.has_finance()) {
    heading("Tài chính công, thu chi không dùng tiền mặt");
    Lines(doc, report_export::FinanceSentences(content.finance()));
  }
  if (content.has_complaints()) {
    heading("Tiếp nhận, giải quyết phản ánh, kiến nghị, khiếu nại, tố cáo");
    Lines(doc, report_export::ComplaintSentences(content.complaints()));
    for (const auto& t : tables_of("Phản ánh, kiến nghị")) SectionTable(doc, t);
  }
  if (content.has_reporting()) {
    heading("Khảo sát sự hài lòng và chế độ báo cáo");
    Lines(doc, report_export::ReportingSentences(content.reporting()));
  }
  if (content.has_forecast()) {
    heading("Dự báo Chỉ số cải cách hành chính");
    Lines(doc, report_export::ForecastSentences(content.forecast()));
    std::vector<report_export::Table> tables = tables_of("Dự báo Chỉ số CCHC");
    if (!tables.empty()) SectionTable(doc, tables.front());
  }
  for (const auto& narrative : content.narrative()) {
    heading(narrative.heading());
    for (absl::string_view paragraph : absl::StrSplit(narrative.text(), '\n', absl::SkipWhitespace())) {
      doc.Paragraph(absl::StripAsciiWhitespace(paragraph), kBody);
    }
  }
  Signature(doc, head,
            absl::StrCat("Trên đây là báo cáo ", report_export::LowerFirst(subject), " của đơn vị./."));
  if (content.has_forecast() && content.forecast().lines_size() > 0) {
    ForecastAppendix(doc, content.forecast(), head, document_date);
  }
  return doc.Finish();
}

}  // namespace parhub::reporting
