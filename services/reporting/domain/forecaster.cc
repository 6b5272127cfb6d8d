// The live forecast, line by line (see forecaster.h).
#include "services/reporting/domain/forecaster.h"

#include <cmath>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "platform/core/date.h"
#include "services/reporting/domain/framework_rules.h"
#include "services/reporting/domain/metric_reader.h"

namespace parhub::reporting {
namespace {

google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp out;
  const int64_t nanos = absl::ToUnixNanos(t);
  out.set_seconds(nanos / 1000000000);
  out.set_nanos(static_cast<int32_t>(nanos % 1000000000));
  return out;
}

// "−1,5" for points lost, "đủ điểm" when none.
std::string Lost(double max, double points) {
  const double lost = RoundPoints(max - points);
  if (lost <= 0) return "đủ điểm";
  return absl::StrCat("−", VietnameseNumber(lost));
}

std::string LocalMinute(absl::Time t) {
  return absl::FormatTime("%d/%m/%Y %H:%M", t, platform::VietnamTimeZone());
}

bool SelfAssessed(const v1::AssessmentItem& item) {
  return item.self_points() > 0 || !item.explanation().empty() || !item.evidence().empty();
}

}  // namespace

std::string VietnameseNumber(double value, int decimals) {
  std::string text = absl::StrFormat("%.*f", decimals, value);
  if (text.find('.') != std::string::npos) {
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return absl::StrReplaceAll(text, {{".", ","}});
}

const v1::MetricDefinition* Forecaster::Metric(const std::string& name) const {
  for (const auto& m : catalog_.metrics()) {
    if (m.name() == name) return &m;
  }
  return nullptr;
}

v1::ParForecast Forecaster::Compute(const std::string& school_name, const v1::ParFramework& framework,
                                    const v1::ParAssessment* assessment, const PulledSummaries& pulled,
                                    absl::Time now) const {
  v1::ParForecast out;
  out.set_school(school_name);
  out.set_framework(framework.name());
  out.set_max_points(framework.max_points());
  *out.mutable_compute_time() = ToTimestamp(now);
  std::map<std::string, const v1::AssessmentItem*> items;
  if (assessment != nullptr) {
    for (const auto& item : assessment->items()) items[item.sub_criterion()] = &item;
  }
  std::set<std::string> reported_errors;
  std::map<std::string, v1::ForecastField*> fields;
  double total = 0;
  for (const FrameworkItem& fi : ItemsOf(framework)) {
    const v1::SubCriterion& sub = *fi.item;
    v1::ForecastLine* line = out.add_lines();
    line->set_sub_criterion(sub.code());
    line->set_title(sub.title());
    line->set_max_points(sub.max_points());
    const std::string max_text = VietnameseNumber(sub.max_points());
    auto it = items.find(sub.code());
    const v1::AssessmentItem* item = it == items.end() ? nullptr : it->second;
    if (item != nullptr && item->appraised()) {
      const double points = RoundPoints(item->appraised_points());
      line->set_points(points);
      line->set_source(v1::POINTS_SOURCE_APPRAISED);
      line->set_explanation(absl::StrCat(
          Lost(sub.max_points(), points), ": thẩm định ", VietnameseNumber(points), "/", max_text, " điểm",
          item->appraisal_note().empty() ? "" : " — ", item->appraisal_note()));
    } else if (sub.mode() == v1::ASSESSMENT_MODE_METRIC) {
      const std::string source = MetricSource(sub.metric());
      const v1::MetricDefinition* metric = Metric(sub.metric());
      auto p = pulled.find(source);
      if (p != pulled.end() && !p->second.error.empty() && reported_errors.insert(source).second) {
        out.add_source_errors(absl::StrCat(source, ": ", p->second.error));
      }
      absl::StatusOr<MetricReading> reading = absl::UnavailableError("no summary");
      if (metric != nullptr && p != pulled.end() && p->second.summary != nullptr) {
        reading = ReadMetric(*metric, *p->second.summary);
      }
      if (!reading.ok()) {
        line->set_points(0);
        line->set_source(v1::POINTS_SOURCE_UNAVAILABLE);
        line->set_explanation(absl::StrCat(Lost(sub.max_points(), 0), ": chưa có số liệu từ dịch vụ ", source,
                                           " (", p == pulled.end() ? "không được hỏi" : p->second.error,
                                           ")"));
        if (p == pulled.end() && reported_errors.insert(source).second) {
          out.add_source_errors(absl::StrCat(source, ": không có nguồn số liệu"));
        }
      } else {
        const double points = PointsFor(sub, reading->value, reading->has_data);
        line->set_points(points);
        line->set_source(p->second.stale ? v1::POINTS_SOURCE_STALE : v1::POINTS_SOURCE_METRIC);
        line->set_metric_value(reading->value);
        line->set_numerator(reading->numerator);
        line->set_denominator(reading->denominator);
        *line->mutable_last_good_pull_time() = ToTimestamp(p->second.pull_time);
        std::string figure;
        if (reading->ratio && !reading->has_data) {
          figure = absl::StrCat("chưa phát sinh (0/0), tính ", VietnameseNumber(reading->value, 1), "%");
        } else if (reading->ratio) {
          figure = absl::StrCat(VietnameseNumber(reading->numerator, 0), "/",
                                VietnameseNumber(reading->denominator, 0), " = ",
                                VietnameseNumber(reading->value, 1), "%");
        } else {
          figure = VietnameseNumber(reading->value, 1);
        }
        line->set_explanation(absl::StrCat(
            Lost(sub.max_points(), points), ": ", figure, " — ", metric->description(),
            p->second.stale ? absl::StrCat(" (số liệu cũ, lấy lúc ", LocalMinute(p->second.pull_time), ")")
                            : ""));
      }
    } else if (item != nullptr && SelfAssessed(*item)) {
      const double points = RoundPoints(item->self_points());
      line->set_points(points);
      line->set_source(v1::POINTS_SOURCE_SELF_ASSESSED);
      line->set_explanation(absl::StrCat(Lost(sub.max_points(), points), ": tự chấm ",
                                         VietnameseNumber(points), "/", max_text, " điểm, ",
                                         item->evidence_size(), " minh chứng"));
    } else {
      line->set_points(0);
      line->set_source(v1::POINTS_SOURCE_MISSING);
      line->set_explanation(absl::StrCat(Lost(sub.max_points(), 0), ": chưa tự chấm"));
    }
    total += line->points();
    v1::ForecastField*& field = fields[fi.field->code()];
    if (field == nullptr) {
      field = out.add_fields();
      field->set_field(fi.field->code());
      field->set_title(fi.field->title());
      field->set_max_points(fi.field->max_points());
    }
    field->set_points(RoundPoints(field->points() + line->points()));
  }
  // Bonuses and penalties outside the 100 points, each a line of its own.
  if (assessment != nullptr) {
    for (const auto& adj : assessment->adjustments()) {
      std::string title = adj.code();
      for (const auto& rule : framework.adjustments()) {
        if (rule.code() == adj.code()) title = rule.title();
      }
      v1::ForecastLine* line = out.add_lines();
      line->set_sub_criterion(adj.code());
      line->set_title(title);
      line->set_points(adj.points());
      line->set_source(assessment->state() == v1::ASSESSMENT_STATE_APPRAISED
                           ? v1::POINTS_SOURCE_APPRAISED
                           : v1::POINTS_SOURCE_SELF_ASSESSED);
      line->set_explanation(absl::StrCat(adj.points() >= 0 ? "+" : "−",
                                         VietnameseNumber(std::fabs(adj.points())), ": ", adj.count(), " × ",
                                         title, " — ", adj.note()));
      total += adj.points();
    }
  }
  out.set_total_points(RoundPoints(total));
  return out;
}

}  // namespace parhub::reporting
