// The figures of a report version as labelled, typed cells, one section per
// source (tasks, staffing, finance, complaints, SIPAS and reports, forecast,
// narrative). The XLSX export writes each section as a sheet; the PDF export
// takes its tables from here. Labels are Vietnamese.
#ifndef PARHUB_SERVICES_REPORTING_EXPORT_REPORT_SECTIONS_H_
#define PARHUB_SERVICES_REPORTING_EXPORT_REPORT_SECTIONS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::reporting::report_export {

// How a number is shown.
enum class Unit {
  kCount,    // 1.234
  kDong,     // 1.250.000 (đồng)
  kPercent,  // 0-100, shown 85,5%
  kDecimal,  // up to two decimals: 78,25
  kPlain,    // an integer without grouping, e.g. a year
};

// A table cell: a number with its unit, or text.
struct Cell final {
  bool is_number = false;
  double number = 0;
  Unit unit = Unit::kCount;
  std::string text = {};

  static Cell Text(std::string text);
  static Cell Number(double number, Unit unit);
  // The cell as the PDF writes it ("1.234", "85,5%", "12.500.000").
  std::string Display() const;
};

// One labelled figure: "Đã hoàn thành | 7 | nhiệm vụ".
struct Figure final {
  std::string label;
  Cell value;
  std::string unit_word;  // "nhiệm vụ", "người", "%", "đồng"…
};

// A table with a header row.
struct Table final {
  std::string title = {};
  std::vector<std::string> headings = {};
  std::vector<std::vector<Cell>> rows = {};
};

// One section of a report.
struct Section final {
  std::string sheet_name;  // at most 31 characters, no []:*?/\ .
  std::string title;
  std::vector<Figure> figures = {};
  std::vector<Table> tables = {};
  std::vector<std::string> notes = {};
};

// The sections of `content` whose source is present, in report order:
// tasks, staffing, finance, complaints, SIPAS and reports, forecast,
// narrative.
std::vector<Section> BuildSections(const v1::ReportContent& content);

// INVALID_ARGUMENT naming "version.content" when `version` has no content
// (versions in lists omit it).
absl::Status RequireContent(const v1::ReportVersion& version);

// The period of a version: its content's, else the report's.
const v1::ReportPeriod& PeriodOf(const v1::Report& report, const v1::ReportVersion& version);

// The title of a field in the forecast ("tthc" → "Cải cách thủ tục hành
// chính"), or the code when the forecast does not name it.
std::string FieldTitle(const v1::ReportContent& content, const std::string& code);

}  // namespace parhub::reporting::report_export

#endif  // PARHUB_SERVICES_REPORTING_EXPORT_REPORT_SECTIONS_H_
