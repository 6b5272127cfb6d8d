// Vietnamese number, date and label formatting for the report exports.
#include "services/reporting/export/report_format.h"

#include <glib.h>

#include <cmath>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "platform/core/date.h"
#include "platform/core/vn_number.h"

namespace parhub::reporting::report_export {
namespace {

std::string GlibString(gchar* s) {
  std::string out = s == nullptr ? "" : s;
  g_free(s);
  return out;
}

}  // namespace

std::string FormatCount(int64_t value) { return platform::GroupThousands(value); }

std::string FormatDecimal(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  std::string text = absl::StrFormat("%.*f", decimals, std::fabs(value));
  std::string integer = text;
  std::string fraction;
  if (size_t dot = text.find('.'); dot != std::string::npos) {
    integer = text.substr(0, dot);
    fraction = text.substr(dot + 1);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  }
  bool negative = value < 0 && (integer != "0" || !fraction.empty());
  std::string out = absl::StrCat(negative ? "-" : "", platform::GroupThousands(integer));
  if (!fraction.empty()) absl::StrAppend(&out, ",", fraction);
  return out;
}

std::string FormatPercent(double percent) { return FormatDecimal(percent, 1) + "%"; }

std::string FormatDong(int64_t amount) { return FormatCount(amount) + " đồng"; }

std::string FormatDate(const common::v1::Date& date) {
  if (date.year() == 0) return "";
  return absl::StrFormat("%02d/%02d/%04d", date.day(), date.month(), date.year());
}

absl::Time ToTime(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return absl::InfinitePast();
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

std::string FormatTimestamp(const google::protobuf::Timestamp& ts) {
  absl::Time t = ToTime(ts);
  if (t == absl::InfinitePast()) return "";
  return absl::FormatTime("%d/%m/%Y %H:%M", t, platform::VietnamTimeZone());
}

std::string PlaceAndDate(absl::string_view place, absl::Time date) {
  std::string prefix = place.empty() ? "" : absl::StrCat(place, ", ");
  if (date == absl::InfinitePast() || date == absl::InfiniteFuture()) {
    return absl::StrCat(prefix, "ngày      tháng      năm ");
  }
  absl::CivilDay day = absl::ToCivilDay(date, platform::VietnamTimeZone());
  // ND 30/2020, Phụ lục I: days below 10 and months below 3 take a leading 0.
  std::string d = day.day() < 10 ? absl::StrFormat("%02d", day.day()) : absl::StrCat(day.day());
  std::string m = day.month() < 3 ? absl::StrFormat("%02d", day.month()) : absl::StrCat(day.month());
  return absl::StrCat(prefix, "ngày ", d, " tháng ", m, " năm ", day.year());
}

std::string PeriodPhrase(const v1::ReportPeriod& period) {
  std::string label = LowerFirst(period.label().empty() ? period.code() : period.label());
  std::string year = absl::StrCat(period.year());
  if (label.empty()) return absl::StrCat("năm ", year);
  if (label == "năm") return absl::StrCat("năm ", year);
  if (absl::EndsWith(label, " năm")) return absl::StrCat(label, " ", year);
  return absl::StrCat(label, " năm ", year);
}

std::string ReportSubject(absl::string_view family_title) {
  absl::string_view rest = absl::StripAsciiWhitespace(family_title);
  for (absl::string_view prefix : {"Báo cáo ", "BÁO CÁO ", "báo cáo "}) {
    if (absl::ConsumePrefix(&rest, prefix)) break;
  }
  if (rest.empty()) return "";
  gchar* first_end = g_utf8_next_char(rest.data());
  size_t first_len = static_cast<size_t>(first_end - rest.data());
  return absl::StrCat(GlibString(g_utf8_strup(rest.data(), static_cast<gssize>(first_len))),
                      rest.substr(first_len));
}

std::string ToUpper(absl::string_view text) {
  // Upper-casing maps a precomposed letter to a precomposed letter, so NFC
  // input stays NFC.
  return GlibString(g_utf8_strup(text.data(), static_cast<gssize>(text.size())));
}

std::string LowerFirst(absl::string_view text) {
  if (text.empty() || !g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    return std::string(text);
  }
  const gchar* first_end = g_utf8_next_char(text.data());
  size_t first_len = static_cast<size_t>(first_end - text.data());
  return absl::StrCat(GlibString(g_utf8_strdown(text.data(), static_cast<gssize>(first_len))),
                      text.substr(first_len));
}

std::string PointsSourceLabel(v1::PointsSource source) {
  switch (source) {
    case v1::POINTS_SOURCE_APPRAISED:
      return "Thẩm định";
    case v1::POINTS_SOURCE_SELF_ASSESSED:
      return "Tự đánh giá";
    case v1::POINTS_SOURCE_METRIC:
      return "Tính từ số liệu";
    case v1::POINTS_SOURCE_MISSING:
      return "Chưa có";
    case v1::POINTS_SOURCE_UNAVAILABLE:
      return "Không lấy được số liệu";
    case v1::POINTS_SOURCE_STALE:
      return "Số liệu lần trước";
    default:
      return "";
  }
}

std::string CaseTypeLabel(complaints::v1::CaseType type) {
  switch (type) {
    case complaints::v1::CASE_TYPE_FEEDBACK:
      return "Phản ánh, kiến nghị, góp ý";
    case complaints::v1::CASE_TYPE_PROCEDURE_FEEDBACK:
      return "Phản ánh, kiến nghị về quy định hành chính";
    case complaints::v1::CASE_TYPE_COMPLAINT:
      return "Khiếu nại";
    case complaints::v1::CASE_TYPE_DENUNCIATION:
      return "Tố cáo";
    case complaints::v1::CASE_TYPE_PROCEDURE_DOSSIER:
      return "Hồ sơ thủ tục hành chính";
    default:
      return "Khác";
  }
}

std::string ReportStateLabel(v1::ReportState state) {
  switch (state) {
    case v1::REPORT_STATE_DRAFT:
      return "Dự thảo";
    case v1::REPORT_STATE_SUBMITTED:
      return "Đã gửi";
    case v1::REPORT_STATE_ACKNOWLEDGED:
      return "Đã tiếp nhận";
    case v1::REPORT_STATE_RETURNED:
      return "Bị trả lại";
    default:
      return "";
  }
}

}  // namespace parhub::reporting::report_export
