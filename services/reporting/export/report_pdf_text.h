// The sentences of the PDF report: each section's figures written as the
// short bulleted lines a Vietnamese administrative report uses
// ("- Tổng số nhiệm vụ trong kỳ: 12 nhiệm vụ; đã hoàn thành 7 …").
#ifndef PARHUB_SERVICES_REPORTING_EXPORT_REPORT_PDF_TEXT_H_
#define PARHUB_SERVICES_REPORTING_EXPORT_REPORT_PDF_TEXT_H_

#include <string>
#include <vector>

#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::reporting::report_export {

std::vector<std::string> TaskSentences(const tasks::v1::TaskSummary& s);
std::vector<std::string> StaffingSentences(const staffing::v1::StaffingSummary& s);
std::vector<std::string> FinanceSentences(const finance::v1::FinanceSummary& s);
std::vector<std::string> ComplaintSentences(const complaints::v1::ComplaintSummary& s);
std::vector<std::string> ReportingSentences(const v1::ReportingSummary& s);
std::vector<std::string> ForecastSentences(const v1::ParForecast& f);

}  // namespace parhub::reporting::report_export

#endif  // PARHUB_SERVICES_REPORTING_EXPORT_REPORT_PDF_TEXT_H_
