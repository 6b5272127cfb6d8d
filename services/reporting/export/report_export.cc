// ExportReport: picks the renderer for a format and names the file.
#include "services/reporting/export/report_export.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "platform/core/errors.h"
#include "services/reporting/export/report_sections.h"

namespace parhub::reporting {
namespace {

constexpr absl::string_view kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr absl::string_view kPdfMediaType = "application/pdf";

// The segment after "/reports/" of a report or version name ("" if none).
std::string ReportId(absl::string_view name) {
  size_t at = name.find("/reports/");
  if (at == absl::string_view::npos) return "";
  absl::string_view rest = name.substr(at + 9);
  return std::string(rest.substr(0, rest.find('/')));
}

// Lower-case ASCII letters, digits and single dashes.
std::string Slug(absl::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

std::string ExportFileName(const v1::Report& report, const v1::ReportVersion& version,
                           v1::ExportFormat format) {
  std::string id = ReportId(report.name());
  if (id.empty()) id = ReportId(version.name());
  if (id.empty()) {
    const v1::ReportPeriod& period = report_export::PeriodOf(report, version);
    absl::string_view family = period.family();
    if (size_t slash = family.rfind('/'); slash != absl::string_view::npos) family = family.substr(slash + 1);
    id = absl::StrCat(family, "-", period.year(), "-", period.code());
  }
  std::string slug = Slug(id);
  if (slug.empty()) slug = "bao-cao";
  std::string base = absl::StrCat("bao-cao-", slug, "-v", version.version());
  return absl::StrCat(base, format == v1::EXPORT_FORMAT_PDF ? ".pdf" : ".xlsx");
}

absl::StatusOr<v1::ExportedReport> ExportReport(const v1::Report& report, const v1::ReportVersion& version,
                                                const ReportLetterhead& head, v1::ExportFormat format,
                                                absl::Time document_date) {
  if (format != v1::EXPORT_FORMAT_XLSX && format != v1::EXPORT_FORMAT_PDF) {
    return platform::InvalidField("format", "phải chọn định dạng XLSX hoặc PDF (format must be XLSX or PDF)");
  }
  if (absl::Status status = report_export::RequireContent(version); !status.ok()) return status;
  absl::StatusOr<std::string> file = format == v1::EXPORT_FORMAT_PDF
                                         ? RenderReportPdf(report, version, head, document_date)
                                         : RenderReportXlsx(report, version, head);
  if (!file.ok()) return file.status();
  v1::ExportedReport exported;
  exported.set_file_name(ExportFileName(report, version, format));
  exported.set_media_type(std::string(format == v1::EXPORT_FORMAT_PDF ? kPdfMediaType : kXlsxMediaType));
  exported.set_content(*std::move(file));
  exported.set_content_sha256(version.content_sha256());
  return exported;
}

}  // namespace parhub::reporting
