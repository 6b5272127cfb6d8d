// Report calendars (see report_calendar.h).
#include "services/reporting/domain/report_calendar.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"

namespace parhub::reporting {
namespace {

absl::StatusOr<platform::Date> DayOf(const v1::MonthDay& day, int year, absl::string_view what) {
  return platform::MakeDate(year + day.year_offset(), day.month(), day.day(), what);
}

parhub::common::v1::Date DateProto(const platform::Date& d) {
  parhub::common::v1::Date out;
  out.set_year(d.year);
  out.set_month(d.month);
  out.set_day(d.day);
  return out;
}

}  // namespace

absl::StatusOr<const v1::ReportFamily*> ReportCalendar::Family(const std::string& code) const {
  for (const auto& family : families_.families()) {
    if (family.code() == code) return &family;
  }
  return absl::NotFoundError(absl::StrCat("không có loại báo cáo '", code, "'"));
}

absl::StatusOr<ResolvedPeriod> ReportCalendar::Period(const std::string& family_code, int year,
                                                      const std::string& period) const {
  ASSIGN_OR_RETURN(const v1::ReportFamily* family, Family(family_code));
  if (year < 2000 || year > 2100) return platform::InvalidField("year", "năm phải trong khoảng 2000..2100");
  for (const auto& rule : family->periods()) {
    if (rule.code() != period) continue;
    ResolvedPeriod out;
    ASSIGN_OR_RETURN(out.start, DayOf(rule.start(), year, "start"));
    ASSIGN_OR_RETURN(out.cutoff, DayOf(rule.cutoff(), year, "cutoff"));
    ASSIGN_OR_RETURN(out.due, DayOf(rule.due(), year, "due"));
    out.family = family->code();
    out.proto.set_family(family->name());
    out.proto.set_year(year);
    out.proto.set_code(rule.code());
    out.proto.set_label(rule.label());
    *out.proto.mutable_period_start() = DateProto(out.start);
    *out.proto.mutable_cutoff_date() = DateProto(out.cutoff);
    *out.proto.mutable_due_date() = DateProto(out.due);
    return out;
  }
  return absl::NotFoundError(absl::StrCat("loại báo cáo '", family_code, "' không có kỳ '", period, "'"));
}

absl::StatusOr<std::vector<ResolvedPeriod>> ReportCalendar::Periods(const std::string& family_code,
                                                                    int year) const {
  ASSIGN_OR_RETURN(const v1::ReportFamily* family, Family(family_code));
  std::vector<ResolvedPeriod> out;
  for (const auto& rule : family->periods()) {
    ASSIGN_OR_RETURN(ResolvedPeriod p, Period(family_code, year, rule.code()));
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.due < b.due; });
  return out;
}

std::string ReportId(const std::string& family, int year, const std::string& period) {
  return absl::StrCat(family, "-", year, "-", period);
}

}  // namespace parhub::reporting
