// Framework validation and points rules (see framework_rules.h).
#include "services/reporting/domain/framework_rules.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "platform/core/errors.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::InvalidField;

bool SamePoints(double a, double b) { return std::fabs(a - b) < 0.005; }

std::string Pts(double p) { return absl::StrFormat("%.2f", p); }

absl::Status CheckRule(const v1::SubCriterion& sub, const std::set<std::string>& metrics) {
  const std::string where = absl::StrCat("par_framework.sub_criteria[", sub.code(), "]");
  if (sub.mode() == v1::ASSESSMENT_MODE_SELF_ASSESSED) {
    if (!sub.metric().empty() || sub.has_points_rule()) {
      return InvalidField(where, "một tiêu chí tự chấm không có metric hay quy tắc tính điểm");
    }
    return absl::OkStatus();
  }
  if (sub.mode() != v1::ASSESSMENT_MODE_METRIC) return InvalidField(where, "chưa chọn cách chấm (mode)");
  if (!metrics.contains(sub.metric())) {
    return InvalidField(where, absl::StrCat("metric '", sub.metric(), "' không có trong danh mục số liệu"));
  }
  const v1::PointsRule& rule = sub.points_rule();
  if (rule.has_step()) {
    if (rule.step().thresholds().empty()) return InvalidField(where, "quy tắc bậc thang không có ngưỡng nào");
    double last_value = -INFINITY, last_points = -INFINITY;
    for (const v1::Threshold& t : rule.step().thresholds()) {
      if (!(t.min_value() > last_value) || !(t.points() > last_points)) {
        return InvalidField(where, "các ngưỡng phải tăng dần cả giá trị lẫn điểm");
      }
      if (t.points() < 0 || t.points() > sub.max_points() + 1e-9) {
        return InvalidField(where, absl::StrCat("ngưỡng ", Pts(t.points()), " điểm vượt điểm tối đa ",
                                                Pts(sub.max_points())));
      }
      last_value = t.min_value();
      last_points = t.points();
    }
  } else if (rule.has_linear()) {
    // Not a number or infinite bounds would make every value's share NaN.
    if (!std::isfinite(rule.linear().zero_at()) || !std::isfinite(rule.linear().full_at()) ||
        SamePoints(rule.linear().zero_at(), rule.linear().full_at())) {
      return InvalidField(where, "quy tắc tuyến tính cần zero_at khác full_at");
    }
  } else {
    return InvalidField(where, "tiêu chí chấm theo số liệu cần quy tắc tính điểm (step hoặc linear)");
  }
  if (rule.has_no_data_points() &&
      !(rule.no_data_points() >= 0 && rule.no_data_points() <= sub.max_points())) {
    return InvalidField(where, "no_data_points phải trong khoảng 0..điểm tối đa");
  }
  return absl::OkStatus();
}

}  // namespace

double RoundPoints(double points) { return std::round(points * 100.0) / 100.0; }

absl::Status ValidateFramework(const v1::ParFramework& framework, const v1::MetricCatalog& catalog) {
  std::set<std::string> metrics;
  for (const auto& m : catalog.metrics()) metrics.insert(m.name());
  if (framework.year() < 2000 || framework.year() > 2100) {
    return InvalidField("par_framework.year", "năm phải trong khoảng 2000..2100");
  }
  if (framework.level().empty())
    return InvalidField("par_framework.level", "cần cấp áp dụng, ví dụ \"school\"");
  if (framework.fields().empty())
    return InvalidField("par_framework.fields", "bộ tiêu chí không có lĩnh vực nào");
  std::set<std::string> codes;
  double total = 0, survey = 0;
  for (const v1::ParField& field : framework.fields()) {
    const std::string fwhere = absl::StrCat("par_framework.fields[", field.code(), "]");
    if (field.code().empty() || !codes.insert(absl::StrCat("field:", field.code())).second) {
      return InvalidField(fwhere, "mã lĩnh vực trống hoặc trùng");
    }
    double field_sum = 0;
    for (const v1::Criterion& criterion : field.criteria()) {
      const std::string cwhere = absl::StrCat("par_framework.criteria[", criterion.code(), "]");
      if (criterion.code().empty() || !codes.insert(absl::StrCat("criterion:", criterion.code())).second) {
        return InvalidField(cwhere, "mã tiêu chí trống hoặc trùng");
      }
      double criterion_sum = 0;
      for (const v1::SubCriterion& sub : criterion.sub_criteria()) {
        const std::string swhere = absl::StrCat("par_framework.sub_criteria[", sub.code(), "]");
        if (sub.code().empty() || !codes.insert(absl::StrCat("sub:", sub.code())).second) {
          return InvalidField(swhere, "mã tiêu chí thành phần trống hoặc trùng");
        }
        if (!(sub.max_points() > 0)) return InvalidField(swhere, "điểm tối đa phải lớn hơn 0");
        if (absl::Status rule = CheckRule(sub, metrics); !rule.ok()) return rule;
        criterion_sum += sub.max_points();
        if (sub.survey()) survey += sub.max_points();
      }
      if (!SamePoints(criterion_sum, criterion.max_points())) {
        return InvalidField(cwhere, absl::StrCat("điểm tối đa ", Pts(criterion.max_points()),
                                                 " khác tổng các tiêu chí thành phần ", Pts(criterion_sum)));
      }
      field_sum += criterion.max_points();
    }
    if (!SamePoints(field_sum, field.max_points())) {
      return InvalidField(fwhere, absl::StrCat("điểm tối đa ", Pts(field.max_points()),
                                               " khác tổng các tiêu chí ", Pts(field_sum)));
    }
    total += field.max_points();
  }
  if (!SamePoints(total, framework.max_points())) {
    return InvalidField("par_framework.max_points", absl::StrCat("điểm tối đa ", Pts(framework.max_points()),
                                                                 " khác tổng các lĩnh vực ", Pts(total)));
  }
  if (!SamePoints(survey, framework.survey_points())) {
    return InvalidField("par_framework.survey_points",
                        absl::StrCat("điểm khảo sát ", Pts(framework.survey_points()),
                                     " khác tổng các tiêu chí khảo sát ", Pts(survey)));
  }
  for (const v1::Adjustment& adj : framework.adjustments()) {
    if (adj.code().empty() || !codes.insert(absl::StrCat("adj:", adj.code())).second) {
      return InvalidField("par_framework.adjustments", "mã điểm thưởng/trừ trống hoặc trùng");
    }
  }
  return absl::OkStatus();
}

double PointsFor(const v1::SubCriterion& item, double value, bool has_data) {
  const v1::PointsRule& rule = item.points_rule();
  if (!has_data && rule.has_no_data_points()) return RoundPoints(rule.no_data_points());
  double points = 0;
  if (rule.has_step()) {
    for (const v1::Threshold& t : rule.step().thresholds()) {
      if (value >= t.min_value()) points = t.points();
    }
  } else if (rule.has_linear()) {
    const double zero = rule.linear().zero_at(), full = rule.linear().full_at();
    const double share = (value - zero) / (full - zero);  // works for both directions
    points = item.max_points() * std::clamp(share, 0.0, 1.0);
  }
  return RoundPoints(std::clamp(points, 0.0, item.max_points()));
}

std::vector<FrameworkItem> ItemsOf(const v1::ParFramework& framework) {
  std::vector<FrameworkItem> out;
  for (const v1::ParField& field : framework.fields()) {
    for (const v1::Criterion& criterion : field.criteria()) {
      for (const v1::SubCriterion& sub : criterion.sub_criteria()) out.push_back({&field, &sub});
    }
  }
  return out;
}

std::string FrameworkId(const v1::ParFramework& framework) {
  constexpr absl::string_view kPrefix = "parFrameworks/";
  absl::string_view name = framework.name();
  return std::string(absl::StartsWith(name, kPrefix) ? name.substr(kPrefix.size()) : name);
}

}  // namespace parhub::reporting
