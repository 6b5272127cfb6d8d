// Report export: a stored report version as a file a school can send.
//
//   XLSX  one sheet per section (general information, tasks, staffing,
//         finance, complaints, SIPAS and reports, forecast lines, narrative);
//         numbers are numbers, headings Vietnamese (libxlsxwriter).
//   PDF   a Vietnamese administrative report laid out by Nghị định
//         30/2020/NĐ-CP: issuing body and number, national title and motto,
//         place and date, "BÁO CÁO" with its subject, the figures in short
//         sentences and tables, the narrative, the signature block, "Nơi
//         nhận", and an appendix with the forecast point by point. A4, ND 30
//         margins, Liberation Serif (Times New Roman metrics) embedded
//         (cairo + pango; Debian: fonts-liberation2).
//
// The renderers are pure functions of their arguments: the same version,
// letterhead and document date give the same figures and layout. They use no
// gRPC and no database.
#ifndef PARHUB_SERVICES_REPORTING_EXPORT_REPORT_EXPORT_H_
#define PARHUB_SERVICES_REPORTING_EXPORT_REPORT_EXPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::reporting {

// Who sends the report: the administrative header and signature. None of it
// is stored in the report version.
struct ReportLetterhead final {
  // Parent body, e.g. "ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN" (upper-cased when drawn).
  std::string authority_name;
  // The school, e.g. "TRƯỜNG MẦM NON 20/10" (upper-cased and bold when drawn).
  std::string school_name;
  // Place of the date line, e.g. "Quận 1" or "Thành phố Hồ Chí Minh".
  std::string place;
  // Document number, e.g. "15/BC-MN2010" (drawn "Số: 15/BC-MN2010"); empty
  // leaves the number blank for the office to fill in.
  std::string document_number;
  // Signer's title, e.g. "HIỆU TRƯỞNG" or "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG".
  std::string signer_title;
  // Signer's full name, e.g. "Nguyễn Thị Minh Thư".
  std::string signer_name;
  // The report family's title, e.g. "Báo cáo công tác cải cách hành chính"
  // (ReportFamily.title); the PDF title reads "BÁO CÁO / Công tác cải cách
  // hành chính quý I năm 2024". Empty: "Kết quả thực hiện".
  std::string report_title;
  // "Nơi nhận", e.g. {"Phòng Nội vụ Quận 1"}; "Lưu: VT" is always added.
  std::vector<std::string> recipients;
};

// The XLSX workbook of `version` (which must carry its content).
absl::StatusOr<std::string> RenderReportXlsx(const v1::Report& report, const v1::ReportVersion& version,
                                             const ReportLetterhead& head);

// The PDF document of `version`, dated `document_date` (the "ngày … tháng …
// năm …" line, in Asia/Ho_Chi_Minh; pass version.create_time for a file that
// depends on the version alone).
absl::StatusOr<std::string> RenderReportPdf(const v1::Report& report, const v1::ReportVersion& version,
                                            const ReportLetterhead& head, absl::Time document_date);

// `version` rendered in `format`, with its file name ("bao-cao-cchc-2024-q1-
// v2.pdf"), media type and the version's content_sha256. INVALID_ARGUMENT
// naming "format" when it is unspecified or unknown, naming
// "version.content" when the version carries no content.
absl::StatusOr<v1::ExportedReport> ExportReport(const v1::Report& report, const v1::ReportVersion& version,
                                                const ReportLetterhead& head, v1::ExportFormat format,
                                                absl::Time document_date);

// The suggested file name of `version` in `format`, e.g.
// "bao-cao-cchc-2024-q1-v2.xlsx" (lower-case ASCII, digits and dashes).
std::string ExportFileName(const v1::Report& report, const v1::ReportVersion& version,
                           v1::ExportFormat format);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_EXPORT_REPORT_EXPORT_H_
