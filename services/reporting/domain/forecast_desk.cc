// Summaries, forecasts and report generation (see forecast_desk.h).
#include "services/reporting/domain/forecast_desk.h"

#include <algorithm>
#include <optional>
#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/rpc/deterministic.h"
#include "platform/rpc/proto_values.h"
#include "services/reporting/domain/access.h"
#include "services/reporting/domain/framework_rules.h"
#include "services/reporting/domain/metric_reader.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Date;

absl::Status CheckPeriod(Date start, Date end) {
  if (end < start) return platform::InvalidField("period_end", "ngày cuối kỳ trước ngày đầu kỳ");
  return absl::OkStatus();
}

// The source's summary when it answered now (a report never carries stale
// figures: a failed source is listed in the version's source_errors).
const google::protobuf::Message* Fresh(const PulledSummaries& pulled, const std::string& source) {
  auto it = pulled.find(source);
  if (it == pulled.end() || it->second.stale) return nullptr;
  return it->second.summary.get();
}

}  // namespace

// ------------------------------------------------------ ReportingSummarizer

absl::StatusOr<v1::ReportingSummary> ReportingSummarizer::Summarize(const std::string& school_id, Date start,
                                                                    Date end) {
  RETURN_IF_ERROR(CheckPeriod(start, end));
  ASSIGN_OR_RETURN(std::vector<v1::ReportingSummary> one, Read({school_id}, start, end));
  return std::move(one[0]);
}

absl::StatusOr<std::vector<v1::ReportingSummary>> ReportingSummarizer::SummarizeSchools(
    const std::vector<std::string>& school_ids, Date start, Date end) {
  RETURN_IF_ERROR(platform::CheckSchoolBatch(school_ids));
  RETURN_IF_ERROR(CheckPeriod(start, end));
  return Read(school_ids, start, end);
}

absl::StatusOr<std::vector<v1::ReportingSummary>> ReportingSummarizer::Read(
    const std::vector<std::string>& school_ids, Date start, Date end) {
  ASSIGN_OR_RETURN(std::vector<ReportCounts> reports, reports_.Count(school_ids, start, end));
  ASSIGN_OR_RETURN(std::vector<SipasFigures> sipas, sipas_.FiguresOf(school_ids, start, end));
  ASSIGN_OR_RETURN(std::vector<FeedbackFigures> feedback, feedback_.FiguresOf(school_ids, start, end));
  ASSIGN_OR_RETURN(auto assessments, assessments_.FindAll(end.year, school_ids));
  // The year's self-assessed sub-criteria, once; without a framework the
  // coverage stays 0.
  std::optional<std::set<std::string>> self_assessed;
  if (!assessments.empty()) {
    absl::StatusOr<v1::ParFramework> framework = frameworks_.ForYear(end.year, "school");
    if (framework.ok()) {
      self_assessed.emplace();
      for (const FrameworkItem& fi : ItemsOf(*framework)) {
        if (fi.item->mode() == v1::ASSESSMENT_MODE_SELF_ASSESSED) self_assessed->insert(fi.item->code());
      }
    }
  }
  std::vector<v1::ReportingSummary> summaries;
  summaries.reserve(school_ids.size());
  for (size_t i = 0; i < school_ids.size(); ++i) {
    v1::ReportingSummary& out = summaries.emplace_back();
    out.set_school(absl::StrCat("schools/", school_ids[i]));
    const ReportCounts& counts = reports[i];
    out.set_reports_due(counts.due);
    out.set_reports_on_time(counts.on_time);
    out.set_reports_late(counts.late);
    out.set_reports_missing(counts.missing);
    out.set_report_on_time_rate(counts.due == 0 ? 100.0 : 100.0 * counts.on_time / counts.due);
    out.set_sipas_surveys(sipas[i].surveys);
    out.set_sipas_responses(sipas[i].responses);
    out.set_sipas_index(sipas[i].index);
    out.set_sipas_feedback_index(sipas[i].feedback_index);
    out.set_feedback_responses(feedback[i].responses);
    out.set_feedback_satisfied_share(
        feedback[i].responses == 0 ? 0 : 100.0 * feedback[i].satisfied / feedback[i].responses);
    auto assessment = assessments.find(school_ids[i]);
    if (assessment == assessments.end()) continue;
    const v1::AssessmentState s = assessment->second.state();
    out.set_assessment_submitted(s == v1::ASSESSMENT_STATE_SUBMITTED || s == v1::ASSESSMENT_STATE_APPRAISED);
    if (!self_assessed.has_value()) continue;
    int with_evidence = 0;
    for (const auto& item : assessment->second.items()) {
      if (self_assessed->contains(item.sub_criterion()) && item.evidence_size() > 0) ++with_evidence;
    }
    out.set_evidence_coverage_rate(self_assessed->empty() ? 0
                                                          : 100.0 * with_evidence / self_assessed->size());
  }
  return summaries;
}

// ------------------------------------------------------------ ForecastDesk

absl::StatusOr<v1::ParForecast> ForecastDesk::Forecast(const Caller& caller, const std::string& school_id,
                                                       int year, absl::Time deadline) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, "dự báo Chỉ số CCHC"));
  if (year < 2000 || year > 2100) return platform::InvalidField("year", "năm phải trong khoảng 2000..2100");
  return Compute(school_id, year, deadline);
}

absl::StatusOr<v1::ParForecast> ForecastDesk::Compute(const std::string& school_id, int year,
                                                      absl::Time deadline) {
  ASSIGN_OR_RETURN(v1::ParFramework framework, frameworks_.ForYear(year, "school"));
  ASSIGN_OR_RETURN(auto assessment, assessments_.Find(school_id, year));
  std::set<std::string> remote;
  bool needs_own = false;
  for (const FrameworkItem& fi : ItemsOf(framework)) {
    if (fi.item->mode() != v1::ASSESSMENT_MODE_METRIC) continue;
    const std::string source = MetricSource(fi.item->metric());
    if (source == "reporting") {
      needs_own = true;
    } else {
      remote.insert(source);
    }
  }
  ASSIGN_OR_RETURN(Date start, platform::MakeDate(year, 1, 1, "year"));
  ASSIGN_OR_RETURN(Date year_end, platform::MakeDate(year, 12, 31, "year"));
  // The year so far: services refuse a period that has not ended.
  const Date end = std::max(start, std::min(year_end, platform::LocalDate(clock_())));
  PulledSummaries pulled;
  if (!remote.empty()) {
    ASSIGN_OR_RETURN(pulled, pulls_.Pull(school_id, start, end, remote, deadline));
  }
  const absl::Time now = clock_();
  if (needs_own) {
    ASSIGN_OR_RETURN(v1::ReportingSummary own, summarizer_.Summarize(school_id, start, end));
    pulled["reporting"] =
        PulledSummary{std::make_shared<v1::ReportingSummary>(std::move(own)), now, false, ""};
  }
  v1::ParForecast forecast =
      forecaster_.Compute(absl::StrCat("schools/", school_id), framework,
                          assessment.has_value() ? &*assessment : nullptr, pulled, now);
  RETURN_IF_ERROR(store_.SaveForecast(
      school_id, year, StoredForecast{forecast.total_points(), now, platform::DeterministicBytes(forecast)}));
  return forecast;
}

absl::StatusOr<v1::ParForecast> ForecastDesk::Recent(const std::string& school_id, int year,
                                                     absl::Duration max_age, absl::Time deadline) {
  if (max_age > absl::ZeroDuration()) {
    ASSIGN_OR_RETURN(std::optional<StoredForecast> stored, store_.GetForecast(school_id, year));
    v1::ParForecast forecast;
    if (stored.has_value() && !stored->forecast.empty() && clock_() - stored->compute_time <= max_age &&
        forecast.ParseFromString(stored->forecast) && forecast.source_errors().empty()) {
      return forecast;
    }
  }
  return Compute(school_id, year, deadline);
}

absl::StatusOr<std::vector<v1::Scorecard>> ForecastDesk::Scorecards(
    int year, const std::vector<std::string>& school_ids) {
  ASSIGN_OR_RETURN(auto forecasts, store_.ForecastsOf(year, school_ids));
  ASSIGN_OR_RETURN(auto totals, store_.AssessmentTotalsOf(year, school_ids));
  std::vector<v1::Scorecard> out;
  for (const std::string& school : school_ids) {
    v1::Scorecard card;
    card.set_school_id(school);
    if (auto f = forecasts.find(school); f != forecasts.end()) {
      card.set_forecast_points(f->second.total_points);
      *card.mutable_forecast_time() = platform::TimeToProto(f->second.compute_time);
    }
    if (auto t = totals.find(school); t != totals.end()) {
      card.set_assessment_state(t->second.state);
      card.set_self_assessed_points(RoundPoints(t->second.self_total));
      if (t->second.state == v1::ASSESSMENT_STATE_APPRAISED) {
        card.set_appraised_points(RoundPoints(t->second.appraised_total));
      }
    }
    out.push_back(std::move(card));
  }
  return out;
}

// --------------------------------------------------------- ReportGenerator

absl::StatusOr<v1::ReportVersion> ReportGenerator::Generate(
    const Caller& caller, const std::string& school_id, const std::string& family, int year,
    const std::string& period, const std::vector<v1::NarrativeSection>& narrative, bool allow_partial,
    absl::Time deadline) {
  ASSIGN_OR_RETURN(ResolvedPeriod resolved,
                   reports_.CheckGeneratable(caller, school_id, family, year, period));
  ASSIGN_OR_RETURN(const v1::ReportFamily* spec, reports_.calendar().Family(family));
  v1::ReportContent content;
  *content.mutable_period() = resolved.proto;
  if (narrative.size() > 20) return platform::InvalidField("narrative", "tối đa 20 mục");
  for (size_t i = 0; i < narrative.size(); ++i) {
    v1::NarrativeSection* section = content.add_narrative();
    const std::string field = absl::StrCat("narrative[", i, "]");
    ASSIGN_OR_RETURN(*section->mutable_heading(),
                     platform::CleanText(narrative[i].heading(), field + ".heading", 200, true,
                                         platform::TextLines::kSingle));
    ASSIGN_OR_RETURN(
        *section->mutable_text(),
        platform::CleanText(narrative[i].text(), field + ".text", 20000, false, platform::TextLines::kMulti));
  }
  std::set<std::string> remote;
  bool own = false, forecast = false;
  for (int source : spec->sources()) {
    switch (static_cast<v1::ReportSource>(source)) {
      case v1::REPORT_SOURCE_TASKS:
        remote.insert("tasks");
        break;
      case v1::REPORT_SOURCE_STAFFING:
        remote.insert("staffing");
        break;
      case v1::REPORT_SOURCE_FINANCE:
        remote.insert("finance");
        break;
      case v1::REPORT_SOURCE_COMPLAINTS:
        remote.insert("complaints");
        break;
      case v1::REPORT_SOURCE_REPORTING:
        own = true;
        break;
      case v1::REPORT_SOURCE_FORECAST:
        forecast = true;
        break;
      default:
        break;
    }
  }
  std::vector<std::string> errors;
  if (!remote.empty()) {
    ASSIGN_OR_RETURN(PulledSummaries pulled,
                     pulls_.Pull(school_id, resolved.start, resolved.cutoff, remote, deadline));
    for (const auto& [source, one] : pulled) {
      if (!one.error.empty()) errors.push_back(absl::StrCat(source, ": ", one.error));
    }
    if (const auto* s = Fresh(pulled, "tasks")) content.mutable_tasks()->CopyFrom(*s);
    if (const auto* s = Fresh(pulled, "staffing")) content.mutable_staffing()->CopyFrom(*s);
    if (const auto* s = Fresh(pulled, "finance")) content.mutable_finance()->CopyFrom(*s);
    if (const auto* s = Fresh(pulled, "complaints")) content.mutable_complaints()->CopyFrom(*s);
  }
  if (absl::StatusOr<SchoolNames> names = pulls_.source().Names(school_id, deadline); names.ok()) {
    content.set_school_display_name(names->school);
    content.set_authority_display_name(names->authority);
  } else {
    errors.push_back(absl::StrCat("directory: ", absl::StatusCodeToString(names.status().code()), ": ",
                                  names.status().message()));
  }
  if (own) {
    ASSIGN_OR_RETURN(*content.mutable_reporting(),
                     summarizer_.Summarize(school_id, resolved.start, resolved.cutoff));
  }
  if (forecast) {
    absl::StatusOr<v1::ParForecast> f = forecasts_.Recent(school_id, year, forecast_max_age_, deadline);
    if (f.ok()) {
      *content.mutable_forecast() = *std::move(f);
      for (const auto& e : content.forecast().source_errors()) {
        if (std::find(errors.begin(), errors.end(), e) == errors.end()) errors.push_back(e);
      }
    } else {
      errors.push_back(absl::StrCat("forecast: ", f.status().message()));
    }
  }
  if (!errors.empty() && !allow_partial) {
    return platform::WithReason(
        absl::UnavailableError(absl::StrCat("Chưa lấy được đủ số liệu để lập báo cáo (", errors.front(),
                                            "); thử lại sau hoặc lập báo cáo thiếu với allow_partial")),
        "SOURCE_UNAVAILABLE");
  }
  return reports_.AddVersion(caller, school_id, resolved,
                             GeneratedContent{platform::DeterministicBytes(content), errors});
}

}  // namespace parhub::reporting
