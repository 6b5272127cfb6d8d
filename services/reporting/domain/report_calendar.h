// Report families and their calendars (data/reporting/report_families.json):
// which periods a family has in a year, each with its first day of data,
// cut-off day (chốt số liệu) and due date.
#ifndef PARHUB_SERVICES_REPORTING_DOMAIN_REPORT_CALENDAR_H_
#define PARHUB_SERVICES_REPORTING_DOMAIN_REPORT_CALENDAR_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "platform/core/date.h"

namespace parhub::reporting {

// A period with its dates as domain values.
struct ResolvedPeriod final {
  std::string family;  // "cchc"
  v1::ReportPeriod proto;
  platform::Date start, cutoff, due;
};

class ReportCalendar final {
 public:
  explicit ReportCalendar(const v1::ReportFamilySet& families) : families_(families) {}

  // NOT_FOUND naming the family ("cchc") when unknown.
  absl::StatusOr<const v1::ReportFamily*> Family(const std::string& code) const;
  // NOT_FOUND for an unknown family or period code; INVALID_ARGUMENT for a
  // year outside 2000..2100.
  absl::StatusOr<ResolvedPeriod> Period(const std::string& family, int year, const std::string& period) const;
  // Every period of the family in `year`, in due-date order.
  absl::StatusOr<std::vector<ResolvedPeriod>> Periods(const std::string& family, int year) const;

  const v1::ReportFamilySet& families() const { return families_; }

 private:
  const v1::ReportFamilySet& families_;
};

// "cchc-2024-q1".
std::string ReportId(const std::string& family, int year, const std::string& period);

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_DOMAIN_REPORT_CALENDAR_H_
