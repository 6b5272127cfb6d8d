// Vietnamese wording shared by the report exports: numbers written the
// Vietnamese way (1.234.567; 85,5%), dates as administrative documents write
// them (Nghị định 30/2020/NĐ-CP), and the labels of the enums a report shows.
#ifndef PARHUB_SERVICES_REPORTING_EXPORT_REPORT_FORMAT_H_
#define PARHUB_SERVICES_REPORTING_EXPORT_REPORT_FORMAT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "parhub/common/v1/types.pb.h"
#include "parhub/complaints/v1/complaints.pb.h"
#include "parhub/reporting/v1/reporting.pb.h"

namespace parhub::reporting::report_export {

// "1.234.567" (dot as thousands separator).
std::string FormatCount(int64_t value);
// At most `decimals` decimals with a comma, trailing zeros dropped: "85,5".
std::string FormatDecimal(double value, int decimals = 1);
// "85,5%".
std::string FormatPercent(double percent);
// "12.500.000 đồng".
std::string FormatDong(int64_t amount);
// "10/06/2024"; "" when the date is unset.
std::string FormatDate(const common::v1::Date& date);
// "14/03/2024 08:30" in Asia/Ho_Chi_Minh; "" for an unset timestamp.
std::string FormatTimestamp(const google::protobuf::Timestamp& ts);

// The instant a timestamp names (absl::InfinitePast() when unset).
absl::Time ToTime(const google::protobuf::Timestamp& ts);

// "Quận 1, ngày 14 tháng 3 năm 2024": the place and date line of a document,
// with the leading zero ND 30/2020 asks for on days 1-9 and months 1-2.
std::string PlaceAndDate(absl::string_view place, absl::Time date);

// "quý I năm 2024", "6 tháng đầu năm 2024", "năm 2024": the period as it
// follows a report's subject.
std::string PeriodPhrase(const v1::ReportPeriod& period);

// The subject of a report family's title without its leading "Báo cáo":
// "Báo cáo công tác cải cách hành chính" → "Công tác cải cách hành chính".
std::string ReportSubject(absl::string_view family_title);

// Unicode upper case ("Trường Mầm non" → "TRƯỜNG MẦM NON").
std::string ToUpper(absl::string_view text);
// The first character in lower case ("Quý I" → "quý I").
std::string LowerFirst(absl::string_view text);

// Labels (Vietnamese).
std::string PointsSourceLabel(v1::PointsSource source);
std::string CaseTypeLabel(complaints::v1::CaseType type);
std::string ReportStateLabel(v1::ReportState state);

}  // namespace parhub::reporting::report_export

#endif  // PARHUB_SERVICES_REPORTING_EXPORT_REPORT_FORMAT_H_
