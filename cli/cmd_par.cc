// parhubctl par: a school's PAR Index (Chỉ số cải cách hành chính): the
// criteria frameworks (versioned data per year: fields, criteria,
// sub-criteria), the school's self-assessment with evidence (minh chứng) and
// its submission, the authority's appraisal (thẩm định) or return, and the
// live forecast of the score, explained point by point.
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "cli/app.h"
#include "cli/names.h"
#include "cli/reporting_text.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "platform/core/date.h"
#include "platform/core/resource_name.h"

namespace parhub::cli {
namespace {

namespace rpv = ::parhub::reporting::v1;

std::unique_ptr<rpv::ReportingService::Stub> StubOf(Session& session) {
  return rpv::ReportingService::NewStub(session.channel());
}

// The idempotency key of a mutation: --request-id, else a fresh one.
std::string NewRequestId(const App& app, const char* verb) {
  return app.RequestId(absl::StrCat("cli-par-", verb, "-", platform::RandomId()));
}

// "parFrameworks/school-2024" for "school-2024" or the full name.
std::string FrameworkName(const std::string& text) {
  return absl::StartsWith(text, "parFrameworks/") ? text : absl::StrCat("parFrameworks/", text);
}

std::string AssessmentName(const std::string& school, int year) {
  return absl::StrCat(school, "/parAssessments/", year);
}

// "1.5/2".
std::string PointsOf(double points, double max) {
  return absl::StrCat(FormatPoints(points), "/", FormatPoints(max));
}

// ---------------------------------------------------------------------------
// Labels.

std::string AssessmentStateLabel(const Output& out, rpv::AssessmentState state) {
  switch (state) {
    case rpv::ASSESSMENT_STATE_DRAFT:
      return out.T("Đang tự đánh giá", "Draft");
    case rpv::ASSESSMENT_STATE_SUBMITTED:
      return out.T("Đã nộp, chờ thẩm định", "Submitted, awaiting appraisal");
    case rpv::ASSESSMENT_STATE_APPRAISED:
      return out.T("Đã thẩm định", "Appraised");
    case rpv::ASSESSMENT_STATE_RETURNED:
      return out.T("Bị trả lại để sửa", "Returned for correction");
    default:
      return "?";
  }
}

std::string SourceLabel(const Output& out, const rpv::ForecastLine& line) {
  switch (line.source()) {
    case rpv::POINTS_SOURCE_APPRAISED:
      return out.T("THẨM ĐỊNH", "APPRAISED");
    case rpv::POINTS_SOURCE_SELF_ASSESSED:
      return out.T("TỰ CHẤM", "SELF");
    case rpv::POINTS_SOURCE_METRIC:
      return out.T("CHỈ SỐ", "METRIC");
    case rpv::POINTS_SOURCE_STALE:
      return absl::StrCat(out.T("SỐ LIỆU CŨ (lấy lúc ", "STALE (pulled "),
                          FormatTime(line.last_good_pull_time()), ")");
    case rpv::POINTS_SOURCE_MISSING:
      return out.T("CHƯA CÓ", "MISSING");
    case rpv::POINTS_SOURCE_UNAVAILABLE:
      return out.T("KHÔNG LẤY ĐƯỢC", "UNAVAILABLE");
    default:
      return "?";
  }
}

std::string FieldTitle(const Output& out, const rpv::ParField& field) {
  return out.english && !field.title_en().empty() ? field.title_en() : field.title();
}

// "≥ 90: 2; ≥ 100: 3", "0 điểm ở 50, đủ điểm ở 100".
std::string RuleText(const Output& out, const rpv::PointsRule& rule) {
  std::string text;
  if (rule.has_step()) {
    std::vector<std::string> steps;
    for (const auto& t : rule.step().thresholds()) {
      steps.push_back(absl::StrCat("≥ ", FormatPoints(t.min_value()), ": ", FormatPoints(t.points())));
    }
    text = absl::StrJoin(steps, "; ");
  } else if (rule.has_linear()) {
    text = absl::StrCat(out.T("0 điểm ở ", "0 points at "), FormatPoints(rule.linear().zero_at()),
                        out.T(", đủ điểm ở ", ", full points at "), FormatPoints(rule.linear().full_at()));
  }
  if (rule.has_no_data_points()) {
    absl::StrAppend(&text, out.T("; không có số liệu: ", "; no data: "), FormatPoints(rule.no_data_points()));
  }
  return text;
}

// How a sub-criterion is scored, with " (khảo sát)" for a survey item.
std::string ModeText(const Output& out, const rpv::SubCriterion& s) {
  std::string text;
  switch (s.mode()) {
    case rpv::ASSESSMENT_MODE_SELF_ASSESSED:
      text = out.T("Tự chấm, có minh chứng", "Self-assessed with evidence");
      break;
    case rpv::ASSESSMENT_MODE_METRIC:
      text = absl::StrCat(out.T("Chỉ số ", "Metric "), s.metric(), " (", RuleText(out, s.points_rule()), ")");
      break;
    default:
      text = "?";
  }
  if (s.survey()) absl::StrAppend(&text, out.T(" (khảo sát)", " (survey)"));
  return text;
}

// ---------------------------------------------------------------------------
// Frameworks.

std::vector<std::string> FrameworkHeader(const Output& o) {
  return {o.T("Mã khung", "Framework"),         o.T("Năm", "Year"),  o.T("Cấp", "Level"),
          o.T("Phiên bản", "Version"),          o.T("Tên", "Title"), o.T("Điểm tối đa", "Max points"),
          o.T("Điểm khảo sát", "Survey points")};
}

std::vector<std::string> FrameworkRow(const rpv::ParFramework& f) {
  return {IdOf(f.name()),
          absl::StrCat(f.year()),
          f.level(),
          f.version(),
          f.title(),
          FormatPoints(f.max_points()),
          FormatPoints(f.survey_points())};
}

void PrintFramework(const Output& o, const rpv::ParFramework& f) {
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")},
          {{o.T("Mã khung", "Framework"), IdOf(f.name())},
           {o.T("Tên", "Title"), f.title()},
           {o.T("Năm", "Year"), absl::StrCat(f.year())},
           {o.T("Cấp", "Level"), f.level()},
           {o.T("Phiên bản", "Version"), f.version()},
           {o.T("Điểm tối đa", "Max points"), FormatPoints(f.max_points())},
           {o.T("Điểm từ khảo sát", "Survey points"), FormatPoints(f.survey_points())}});
  // The basis is a paragraph: under the table, not widening it.
  if (!f.basis().empty()) o.Line(absl::StrCat(o.T("Căn cứ: ", "Basis: "), f.basis()));
  o.Line("");
  // The tree: fields, then their criteria, then their sub-criteria, the
  // titles indented.
  std::vector<std::vector<std::string>> rows;
  for (const auto& field : f.fields()) {
    rows.push_back({field.number(), FieldTitle(o, field), FormatPoints(field.max_points()), "", ""});
    for (const auto& criterion : field.criteria()) {
      rows.push_back({criterion.code(), absl::StrCat("  ", criterion.title()),
                      FormatPoints(criterion.max_points()), "", ""});
      for (const auto& s : criterion.sub_criteria()) {
        rows.push_back({s.code(), absl::StrCat("    ", s.title()), FormatPoints(s.max_points()),
                        ModeText(o, s), absl::StrJoin(s.plan_tasks(), ", ")});
      }
    }
  }
  o.Table({o.T("Mã", "Code"),
           o.T("Lĩnh vực / tiêu chí / tiêu chí thành phần", "Field / criterion / sub-criterion"),
           o.T("Tối đa", "Max"), o.T("Cách chấm", "Scored by"), o.T("Nhiệm vụ KH", "Plan tasks")},
          rows);
  if (f.adjustments_size() == 0) return;
  o.Line(
      o.T("\nĐiểm thưởng, điểm trừ (ngoài 100 điểm):", "\nBonuses and penalties (outside the 100 points):"));
  std::vector<std::vector<std::string>> adjustments;
  for (const auto& a : f.adjustments()) {
    adjustments.push_back(
        {a.code(), a.title(), FormatPoints(a.points()), absl::StrCat(std::max(a.max_count(), 1))});
  }
  o.Table({o.T("Mã", "Code"), o.T("Nội dung", "Description"), o.T("Điểm mỗi lần", "Points each"),
           o.T("Tính tối đa (lần)", "Counted at most")},
          adjustments);
}

// The sub-criteria of a framework by code.
using SubCriterionIndex = std::map<std::string, rpv::SubCriterion>;

// The framework's sub-criteria, to show titles and modes beside an
// assessment's items; empty when it cannot be read (the items still print).
SubCriterionIndex ReadSubCriteria(Session& session, const std::string& framework) {
  SubCriterionIndex index;
  if (framework.empty()) return index;
  rpv::GetParFrameworkRequest request;
  request.set_name(framework);
  rpv::ParFramework f;
  auto context = session.NewContext();
  if (!StubOf(session)->GetParFramework(context.get(), request, &f).ok()) return index;
  for (const auto& field : f.fields()) {
    for (const auto& criterion : field.criteria()) {
      for (const auto& s : criterion.sub_criteria()) index[s.code()] = s;
    }
  }
  return index;
}

// ---------------------------------------------------------------------------
// Assessments.

bool Frozen(rpv::AssessmentState state) {
  return state == rpv::ASSESSMENT_STATE_SUBMITTED || state == rpv::ASSESSMENT_STATE_APPRAISED;
}

std::string ItemState(const Output& o, const rpv::AssessmentItem& item, const rpv::SubCriterion* s) {
  if (item.appraised()) return o.T("Đã thẩm định", "Appraised");
  if (s != nullptr && s->mode() == rpv::ASSESSMENT_MODE_METRIC)
    return o.T("Tự động (chỉ số)", "Automatic (metric)");
  if (item.self_points() == 0 && item.explanation().empty() && item.evidence_size() == 0)
    return o.T("Chưa chấm", "Not scored");
  if (item.evidence_size() == 0) return o.T("Đã chấm, thiếu minh chứng", "Scored, no evidence");
  return o.T("Đã chấm", "Scored");
}

std::vector<std::string> ItemHeader(const Output& o) {
  return {o.T("Mã", "Code"),
          o.T("Nội dung", "Sub-criterion"),
          o.T("Tối đa", "Max"),
          o.T("Tự chấm", "Self"),
          o.T("Từ chỉ số", "Computed"),
          o.T("Thẩm định", "Appraised"),
          o.T("Minh chứng", "Evidence"),
          o.T("Tình trạng", "State")};
}

std::vector<std::string> ItemRow(const Output& o, const rpv::AssessmentItem& item, rpv::AssessmentState state,
                                 const SubCriterionIndex& index) {
  auto it = index.find(item.sub_criterion());
  const rpv::SubCriterion* s = it == index.end() ? nullptr : &it->second;
  bool metric = s != nullptr ? s->mode() == rpv::ASSESSMENT_MODE_METRIC : item.computed_points() != 0;
  return {item.sub_criterion(),
          s != nullptr ? ShortenText(s->title(), 48) : "",
          FormatPoints(item.max_points()),
          metric ? "" : FormatPoints(item.self_points()),
          metric && Frozen(state) ? FormatPoints(item.computed_points()) : "",
          item.appraised() ? FormatPoints(item.appraised_points()) : "",
          metric ? "" : absl::StrCat(item.evidence_size()),
          ItemState(o, item, s)};
}

double MaxOf(const rpv::ParAssessment& a) {
  double max = 0;
  for (const auto& item : a.items()) max += item.max_points();
  return max;
}

void PrintAssessment(const Output& o, Names& names, const rpv::ParAssessment& a,
                     const SubCriterionIndex& index) {
  std::string school = a.name().substr(0, a.name().find("/parAssessments/"));
  std::vector<std::vector<std::string>> summary{
      {o.T("Trường", "School"), IdOf(school)},
      {o.T("Năm", "Year"), IdOf(a.name())},
      {o.T("Khung chấm điểm", "Framework"), IdOf(a.framework())},
      {o.T("Trạng thái", "State"), AssessmentStateLabel(o, a.state())},
      {o.T("Tự đánh giá", "Self-assessed"), PointsOf(a.self_total(), MaxOf(a))}};
  if (a.state() == rpv::ASSESSMENT_STATE_APPRAISED) {
    summary.push_back({o.T("Thẩm định", "Appraised"), PointsOf(a.appraised_total(), MaxOf(a))});
    summary.push_back({o.T("Thẩm định lúc", "Appraised at"), FormatTime(a.appraise_time())});
    summary.push_back({o.T("Người thẩm định", "Appraised by"), names.Account(a.appraised_by())});
  }
  if (a.submit_time().seconds() != 0)
    summary.push_back({o.T("Nộp lúc", "Submitted"), FormatTime(a.submit_time())});
  if (!a.return_reason().empty())
    summary.push_back({o.T("Lý do trả lại", "Return reason"), a.return_reason()});
  summary.push_back({o.T("Cập nhật lúc", "Updated"), FormatTime(a.update_time())});
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")}, summary);
  o.Line("");
  std::vector<std::vector<std::string>> rows;
  for (const auto& item : a.items()) rows.push_back(ItemRow(o, item, a.state(), index));
  o.Table(ItemHeader(o), rows);
  std::string totals =
      absl::StrCat(o.T("Cộng: tự đánh giá ", "Total: self-assessed "), PointsOf(a.self_total(), MaxOf(a)));
  if (a.state() == rpv::ASSESSMENT_STATE_APPRAISED) {
    absl::StrAppend(&totals, o.T("; thẩm định ", "; appraised "), PointsOf(a.appraised_total(), MaxOf(a)));
  }
  o.Line(totals);
  for (const auto& item : a.items()) {
    if (!item.appraisal_note().empty()) {
      o.Line(absl::StrCat("  ", item.sub_criterion(), o.T(" — ghi chú thẩm định: ", " — appraisal note: "),
                          item.appraisal_note()));
    }
  }
  if (!Frozen(a.state())) {
    o.Line(o.T("Tiêu chí tính từ chỉ số được chốt khi nộp; điểm dự kiến: parhubctl par forecast",
               "Metric items are fixed on submission; the expected points: parhubctl par forecast"));
  }
}

void PrintItem(const Output& o, const rpv::AssessmentItem& item) {
  std::vector<std::vector<std::string>> rows{
      {o.T("Tiêu chí thành phần", "Sub-criterion"), item.sub_criterion()},
      {o.T("Tự chấm", "Self-assessed"), PointsOf(item.self_points(), item.max_points())},
      {o.T("Giải trình", "Explanation"), item.explanation()}};
  for (int i = 0; i < item.evidence_size(); ++i) {
    const auto& e = item.evidence(i);
    std::vector<std::string> parts;
    for (const std::string* part : {&e.document_number(), &e.title(), &e.uri(), &e.sha256()}) {
      if (!part->empty()) parts.push_back(*part);
    }
    rows.push_back({absl::StrCat(o.T("Minh chứng ", "Evidence "), i + 1), absl::StrJoin(parts, " — ")});
  }
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")}, rows);
}

// ---------------------------------------------------------------------------
// Forecast.

void PrintForecast(const Output& o, const rpv::ParForecast& fc, int year) {
  o.Line(absl::StrCat(o.T("Dự báo Chỉ số CCHC năm ", "Forecast PAR Index "), year, " — ", IdOf(fc.school()),
                      ": ", PointsOf(fc.total_points(), fc.max_points()),
                      o.T(" điểm (khung ", " points (framework "), IdOf(fc.framework()),
                      o.T(", tính lúc ", ", computed "), FormatTime(fc.compute_time()), ")"));
  o.Line("");
  std::vector<std::vector<std::string>> fields;
  for (const auto& field : fc.fields()) {
    fields.push_back(
        {field.field(), field.title(), FormatPoints(field.points()), FormatPoints(field.max_points())});
  }
  o.Table({o.T("Lĩnh vực", "Field"), o.T("Tên", "Title"), o.T("Điểm", "Points"), o.T("Tối đa", "Max")},
          fields);
  o.Line("");
  std::vector<std::vector<std::string>> lines;
  for (const auto& line : fc.lines()) {
    lines.push_back({line.sub_criterion(), PointsOf(line.points(), line.max_points()), SourceLabel(o, line),
                     line.explanation()});
  }
  o.Table({o.T("Mã", "Code"), o.T("Điểm/tối đa", "Points/max"), o.T("Nguồn", "Source"),
           o.T("Giải thích", "Explanation")},
          lines);
  o.Line(absl::StrCat(o.T("Tổng: ", "Total: "), PointsOf(fc.total_points(), fc.max_points())));
}

}  // namespace

void AddParCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, id, points, explanation, reason;
    std::vector<std::string> evidence, items;
    int year = 0;
    bool clear_evidence = false;
  } f;
  // Options whose presence (not value) decides what `assessment set` changes.
  static struct { CLI::Option *points, *explanation; } given{};

  auto* par = root.add_subcommand(
      "par", "Chỉ số cải cách hành chính: khung chấm điểm, tự đánh giá, thẩm định, dự báo (PAR Index)");
  par->require_subcommand(1);
  auto add_school = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  };
  auto add_officer_school = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường được thẩm định (cán bộ cơ quan quản lý)")->required();
  };
  auto add_year = [](CLI::App* cmd) {
    cmd->add_option("--year", f.year, "Năm đánh giá (mặc định: năm nay)")->check(CLI::Range(2000, 2100));
  };

  // === frameworks ==============================================================
  auto* frameworks = par->add_subcommand("frameworks", "Khung chấm điểm theo năm (PAR frameworks)");
  frameworks->require_subcommand(1);

  auto* frameworks_list = frameworks->add_subcommand("list", "Các khung chấm điểm, năm mới nhất trước");
  frameworks_list->add_option("--year", f.year, "Chỉ năm này")->check(CLI::Range(2000, 2100));
  AddExportOption(frameworks_list, app);
  frameworks_list->callback([&app] {
    rpv::ListParFrameworksRequest request;
    request.set_year(f.year);
    request.set_page_size(100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    rpv::ListParFrameworksResponse all;
    while (true) {
      rpv::ListParFrameworksResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListParFrameworks(c, request, &page); }))
        return;
      for (auto& framework : *page.mutable_par_frameworks()) *all.add_par_frameworks() = std::move(framework);
      if (page.next_page_token().empty()) break;
      request.set_page_token(page.next_page_token());
    }
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    for (const auto& framework : all.par_frameworks()) rows.push_back(FrameworkRow(framework));
    PrintList(app, app.out.T("Khung chấm điểm", "Frameworks"), FrameworkHeader(app.out), rows);
  });

  auto* frameworks_show = frameworks->add_subcommand(
      "show", "Cây lĩnh vực, tiêu chí, tiêu chí thành phần với điểm tối đa và cách chấm");
  frameworks_show->add_option("id", f.id, "Mã khung (cột đầu của 'par frameworks list'), ví dụ school-2024")
      ->required();
  frameworks_show->callback([&app] {
    rpv::GetParFrameworkRequest request;
    request.set_name(FrameworkName(f.id));
    Session session = app.NewSession();
    rpv::ParFramework framework;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->GetParFramework(c, request, &framework);
        }))
      return;
    if (app.out.json) return app.out.Json(framework);
    PrintFramework(app.out, framework);
  });

  // === assessment ==============================================================
  auto* assessment = par->add_subcommand(
      "assessment", "Bản tự đánh giá của trường và thẩm định (self-assessment, appraisal)");
  assessment->require_subcommand(1);

  auto* assessment_show = assessment->add_subcommand(
      "show", "Các tiêu chí: điểm tối đa, tự chấm, tính từ chỉ số, thẩm định, minh chứng; tổng điểm");
  add_school(assessment_show);
  add_year(assessment_show);
  assessment_show->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::GetParAssessmentRequest request;
    request.set_name(AssessmentName(*school, YearOr(f.year)));
    Session session = app.NewSession();
    rpv::ParAssessment a;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GetParAssessment(c, request, &a); }))
      return;
    if (app.out.json) return app.out.Json(a);
    Names names(session);
    PrintAssessment(app.out, names, a, ReadSubCriteria(session, a.framework()));
  });

  auto* assessment_history = assessment->add_subcommand(
      "history", "Các lần nộp, trả lại, thẩm định bản tự đánh giá: ai, khi nào, tổng điểm, lý do trả lại");
  add_school(assessment_history);
  add_year(assessment_history);
  assessment_history->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::ListAssessmentVersionsRequest request;
    request.set_parent(AssessmentName(*school, YearOr(f.year)));
    Session session = app.NewSession();
    rpv::ListAssessmentVersionsResponse r;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->ListAssessmentVersions(c, request, &r);
        }))
      return;
    if (app.out.json) return app.out.Json(r);
    const Output& o = app.out;
    if (r.versions().empty()) {
      o.Line(o.T("Bản tự đánh giá chưa nộp lần nào.", "The self-assessment has not been submitted yet."));
      return;
    }
    auto action = [&o](const std::string& a) -> std::string {
      if (a == "submit") return o.T("Nộp", "Submitted");
      if (a == "return") return o.T("Trả lại", "Returned");
      if (a == "appraise") return o.T("Thẩm định", "Appraised");
      return a;
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : r.versions()) {
      const rpv::ParAssessment& a = v.assessment();
      rows.push_back({absl::StrCat(v.version()), action(v.action()), FormatTime(v.create_time()), v.actor(),
                      absl::StrFormat("%.2f", a.self_total()),
                      v.action() == "appraise" ? absl::StrFormat("%.2f", a.appraised_total()) : "",
                      v.action() == "return" ? a.return_reason() : ""});
    }
    o.Table(
        {o.T("Lần", "Version"), o.T("Việc", "Action"), o.T("Thời điểm", "Time"), o.T("Tài khoản", "Account"),
         o.T("Tự chấm", "Self total"), o.T("Thẩm định", "Appraised"), o.T("Lý do trả lại", "Return reason")},
        rows);
  });

  auto* assessment_set = assessment->add_subcommand(
      "set", "Tự chấm một tiêu chí thành phần: điểm, giải trình, minh chứng (chỉ các mục được nêu)");
  assessment_set->add_option("sub_criterion", f.id, "Mã tiêu chí thành phần, ví dụ 1.1.1")->required();
  add_school(assessment_set);
  add_year(assessment_set);
  given.points = assessment_set->add_option("--points", f.points, "Điểm tự chấm, ví dụ 2, 1.5 hoặc 1,5");
  given.explanation = assessment_set->add_option("--explanation", f.explanation, "Giải trình của trường");
  assessment_set
      ->add_option(
          "--evidence", f.evidence,
          "Minh chứng \"số văn bản|tiêu đề|đường dẫn\" (lặp lại được; thêm vào các minh chứng đã có)")
      ->allow_extra_args(false);
  assessment_set->add_flag("--clear-evidence", f.clear_evidence,
                           "Bỏ các minh chứng đã có (trước khi thêm --evidence)");
  assessment_set->callback([&app] {
    std::optional<double> points;
    if (given.points->count() > 0) {
      points = ParsePoints(f.points);
      if (!points) {
        return app.Usage(absl::StrCat(
            "--points: '", f.points,
            app.out.T("' không phải số điểm (ví dụ 2, 1.5 hoặc 1,5; tối đa hai chữ số thập phân)",
                      "' is not a number of points (e.g. 2, 1.5 or 1,5; two decimals at most)")));
      }
    }
    std::vector<EvidenceText> evidence;
    for (const auto& text : f.evidence) {
      auto e = ParseEvidence(text);
      if (!e) {
        return app.Usage(absl::StrCat(
            "--evidence: '", text,
            app.out.T(
                "' phải là \"số văn bản|tiêu đề|đường dẫn\" (cần số văn bản hoặc tiêu đề; tối đa ba phần)",
                "' must be \"number|title|link\" (a number or a title; three parts at most)")));
      }
      evidence.push_back(*e);
    }
    if (!points && given.explanation->count() == 0 && evidence.empty() && !f.clear_evidence)
      return app.Usage(
          app.out.T("không có gì để sửa (--points, --explanation, --evidence, --clear-evidence)",
                    "nothing to change (--points, --explanation, --evidence, --clear-evidence)"));
    auto school = app.SchoolName(f.school);
    if (!school) return;
    std::string assessment_name = AssessmentName(*school, YearOr(f.year));
    // The item is sent whole: what was not given is kept from the current one.
    Session session = app.NewSession();
    auto stub = StubOf(session);
    rpv::GetParAssessmentRequest get;
    get.set_name(assessment_name);
    rpv::ParAssessment current;
    if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->GetParAssessment(c, get, &current); }))
      return;
    const rpv::AssessmentItem* found = nullptr;
    for (const auto& item : current.items()) {
      if (item.sub_criterion() == f.id || IdOf(item.name()) == f.id) found = &item;
    }
    if (found == nullptr) {
      return app.Fail(
          kExitNotFound, "NOT_FOUND", app.out.T("Không tìm thấy", "Not found"),
          absl::StrCat(app.out.T("không có tiêu chí thành phần ", "no sub-criterion "), f.id,
                       app.out.T(" trong bản tự đánh giá ", " in the assessment "), assessment_name));
    }
    rpv::UpdateAssessmentItemRequest request;
    rpv::AssessmentItem* item = request.mutable_item();
    item->set_name(found->name());
    item->set_self_points(points ? *points : found->self_points());
    item->set_explanation(given.explanation->count() > 0 ? f.explanation : found->explanation());
    if (!f.clear_evidence) *item->mutable_evidence() = found->evidence();
    for (const auto& e : evidence) {
      bool duplicate = false;
      for (const auto& old : item->evidence()) {
        duplicate = duplicate || (old.document_number() == e.document_number && old.title() == e.title &&
                                  old.uri() == e.uri);
      }
      if (duplicate) continue;
      auto* added = item->add_evidence();
      added->set_document_number(e.document_number);
      added->set_title(e.title);
      added->set_uri(e.uri);
    }
    request.set_request_id(NewRequestId(app, "set"));
    rpv::AssessmentItem updated;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub->UpdateAssessmentItem(c, request, &updated); }))
      return;
    if (app.out.json) return app.out.Json(updated);
    app.out.Line(absl::StrCat(
        app.out.T("Đã cập nhật tiêu chí ", "Updated sub-criterion "), updated.sub_criterion(), ": ",
        PointsOf(updated.self_points(), updated.max_points()), app.out.T(" điểm, ", " points, "),
        updated.evidence_size(), app.out.T(" minh chứng", " evidence items")));
    PrintItem(app.out, updated);
  });

  auto* assessment_submit = assessment->add_subcommand(
      "submit", "Nộp bản tự đánh giá lên cơ quan quản lý (chốt các tiêu chí tính từ chỉ số)");
  add_school(assessment_submit);
  add_year(assessment_submit);
  assessment_submit->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::SubmitParAssessmentRequest request;
    request.set_name(AssessmentName(*school, YearOr(f.year)));
    request.set_request_id(NewRequestId(app, "submit"));
    Session session = app.NewSession();
    rpv::ParAssessment a;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->SubmitParAssessment(c, request, &a); }))
      return;
    if (app.out.json) return app.out.Json(a);
    app.out.Line(absl::StrCat(app.out.T("Đã nộp bản tự đánh giá năm ", "Submitted the self-assessment of "),
                              IdOf(a.name()), app.out.T(": tự chấm ", ": self-assessed "),
                              PointsOf(a.self_total(), MaxOf(a)), app.out.T(" điểm.", " points.")));
  });

  auto* assessment_appraise = assessment->add_subcommand(
      "appraise",
      "Thẩm định bản tự đánh giá đã nộp (cán bộ cơ quan quản lý; tiêu chí không nêu giữ điểm đã chấm)");
  add_officer_school(assessment_appraise);
  add_year(assessment_appraise);
  assessment_appraise
      ->add_option("--item", f.items,
                   "Điểm thẩm định MÃ=ĐIỂM[:ghi chú], ví dụ 3.2.1=1.5:\"Thiếu biên bản\" (lặp lại được)")
      ->required()
      ->allow_extra_args(false);
  assessment_appraise->callback([&app] {
    rpv::AppraiseParAssessmentRequest request;
    for (const auto& text : f.items) {
      auto item = ParseItemAppraisal(text);
      if (!item) {
        return app.Usage(absl::StrCat("--item: '", text,
                                      app.out.T("' phải là MÃ=ĐIỂM[:ghi chú], ví dụ 3.2.1=1.5:Thiếu biên bản",
                                                "' must be CODE=POINTS[:note], e.g. 3.2.1=1.5:No minutes")));
      }
      auto* appraisal = request.add_appraisals();
      appraisal->set_sub_criterion(item->sub_criterion);
      appraisal->set_points(item->points);
      appraisal->set_note(item->note);
    }
    auto school = app.SchoolName(f.school);
    if (!school) return;
    request.set_name(AssessmentName(*school, YearOr(f.year)));
    request.set_request_id(NewRequestId(app, "appraise"));
    Session session = app.NewSession();
    rpv::ParAssessment a;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->AppraiseParAssessment(c, request, &a); }))
      return;
    if (app.out.json) return app.out.Json(a);
    app.out.Line(absl::StrCat(app.out.T("Đã thẩm định: ", "Appraised: "), IdOf(*school), " ", IdOf(a.name()),
                              app.out.T(" — tự chấm ", " — self-assessed "),
                              PointsOf(a.self_total(), MaxOf(a)), app.out.T(", thẩm định ", ", appraised "),
                              PointsOf(a.appraised_total(), MaxOf(a))));
    Names names(session);
    PrintAssessment(app.out, names, a, ReadSubCriteria(session, a.framework()));
  });

  auto* assessment_return =
      assessment->add_subcommand("return", "Trả lại bản tự đánh giá để trường sửa (cán bộ cơ quan quản lý)");
  add_officer_school(assessment_return);
  add_year(assessment_return);
  assessment_return->add_option("--reason", f.reason, "Lý do trả lại")->required();
  assessment_return->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::ReturnParAssessmentRequest request;
    request.set_name(AssessmentName(*school, YearOr(f.year)));
    request.set_reason(f.reason);
    request.set_request_id(NewRequestId(app, "return"));
    Session session = app.NewSession();
    rpv::ParAssessment a;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->ReturnParAssessment(c, request, &a); }))
      return;
    if (app.out.json) return app.out.Json(a);
    app.out.Line(
        absl::StrCat(app.out.T("Đã trả lại bản tự đánh giá năm ", "Returned the self-assessment of "),
                     IdOf(a.name()), app.out.T(" của ", " of "), IdOf(*school), ": ", a.return_reason()));
  });

  auto* assessment_adjust = assessment->add_subcommand(
      "adjust", "Ghi điểm thưởng/trừ ngoài 100 điểm: sáng kiến, bài viết, vi phạm (thay cả danh sách)");
  add_school(assessment_adjust);
  add_year(assessment_adjust);
  assessment_adjust->add_option("--item", f.items,
                                "MÃ=SỐ_LẦN:ghi chú, ví dụ sang-kien=1:\"Số hóa hồ sơ\" (lặp lại được; "
                                "không có --item: xóa hết)");
  assessment_adjust->callback([&app] {
    rpv::SetAssessmentAdjustmentsRequest request;
    for (const auto& text : f.items) {
      const size_t eq = text.find('='), colon = text.find(':');
      int count = 0;
      if (eq == std::string::npos || colon == std::string::npos || colon < eq ||
          !absl::SimpleAtoi(text.substr(eq + 1, colon - eq - 1), &count)) {
        return app.Usage(absl::StrCat("--item: '", text,
                                      app.out.T("' phải là MÃ=SỐ_LẦN:ghi chú", "' must be CODE=COUNT:note")));
      }
      auto* adj = request.add_adjustments();
      adj->set_code(text.substr(0, eq));
      adj->set_count(count);
      adj->set_note(text.substr(colon + 1));
    }
    auto school = app.SchoolName(f.school);
    if (!school) return;
    request.set_name(AssessmentName(*school, YearOr(f.year)));
    request.set_request_id(NewRequestId(app, "adjust"));
    Session session = app.NewSession();
    rpv::ParAssessment a;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->SetAssessmentAdjustments(c, request, &a);
        }))
      return;
    if (app.out.json) return app.out.Json(a);
    std::vector<std::vector<std::string>> rows;
    for (const auto& adj : a.adjustments()) {
      rows.push_back({adj.code(), absl::StrCat(adj.count()), FormatPoints(adj.points()), adj.note()});
    }
    app.out.Table({app.out.T("Mã", "Code"), app.out.T("Số lần", "Count"), app.out.T("Điểm", "Points"),
                   app.out.T("Ghi chú", "Note")},
                  rows);
  });

  // === official result =========================================================
  auto* official = par->add_subcommand(
      "official", "Kết quả Chỉ số CCHC chính thức của năm trước và các nhiệm vụ khắc phục điểm bị trừ");
  official->require_subcommand(1);
  static std::string official_file;
  auto* official_import = official->add_subcommand(
      "import",
      "Nhập kết quả chính thức từ tệp JSON (OfficialParResult: totalPoints, documentNumber, "
      "documentDate, deductions[subCriterion, points, reason])");
  add_school(official_import);
  official_import->add_option("--year", f.year, "Năm của kết quả")->required()->check(CLI::Range(2000, 2100));
  official_import->add_option("--file", official_file, "Tệp JSON, hoặc - cho stdin")->required();
  official_import->callback([&app] {
    auto json = ReadFileFlag(app, official_file);
    if (!json) return;
    rpv::ImportOfficialParResultRequest request;
    google::protobuf::util::JsonParseOptions options;
    if (auto parsed = google::protobuf::util::JsonStringToMessage(
            *json, request.mutable_official_par_result(), options);
        !parsed.ok()) {
      return app.Usage(absl::StrCat("--file: ", parsed.ToString()));
    }
    auto school = app.SchoolName(f.school);
    if (!school) return;
    request.set_parent(*school);
    request.set_year(f.year);
    request.set_request_id(NewRequestId(app, "official"));
    Session session = app.NewSession();
    rpv::OfficialParResult result;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->ImportOfficialParResult(c, request, &result);
        }))
      return;
    if (app.out.json) return app.out.Json(result);
    app.out.Line(absl::StrCat(app.out.T("Đã nhập kết quả năm ", "Imported the result of "), f.year, ": ",
                              PointsOf(result.total_points(), 100), app.out.T(", bị trừ ", ", lost "),
                              FormatPoints(result.points_lost()), app.out.T(" điểm ở ", " points in "),
                              result.deductions_size(), app.out.T(" tiêu chí.", " sub-criteria.")));
  });
  auto* official_show = official->add_subcommand(
      "show", "Các tiêu chí bị trừ điểm và tiến độ nhiệm vụ năm nay khắc phục từng tiêu chí");
  add_school(official_show);
  official_show->add_option("--year", f.year, "Năm của kết quả (mặc định: năm trước)")
      ->check(CLI::Range(2000, 2100));
  official_show->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    const int year = f.year != 0 ? f.year : YearOr(0) - 1;
    rpv::GetOfficialParResultRequest request;
    request.set_name(absl::StrCat(*school, "/officialParResults/", year));
    Session session = app.NewSession();
    rpv::OfficialParResult result;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->GetOfficialParResult(c, request, &result);
        }))
      return;
    for (const auto& error : result.source_errors()) {
      app.out.Error(
          absl::StrCat(app.out.T("Cảnh báo: không lấy được nhiệm vụ — ", "Warning: no tasks — "), error));
    }
    if (app.out.json) return app.out.Json(result);
    app.out.Line(absl::StrCat(app.out.T("Kết quả chính thức năm ", "Official result "), year, " (",
                              result.document_number(), "): ", PointsOf(result.total_points(), 100),
                              app.out.T(", bị trừ ", ", lost "), FormatPoints(result.points_lost())));
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : result.deductions()) {
      std::string tasks;
      for (const auto& t : d.tasks()) {
        absl::StrAppend(&tasks, tasks.empty() ? "" : "; ", t.code(), " ", t.percent_done(), "%",
                        t.overdue() ? app.out.T(" (quá hạn)", " (overdue)") : "");
      }
      if (tasks.empty()) tasks = app.out.T("chưa có nhiệm vụ", "no task yet");
      rows.push_back({d.sub_criterion(), PointsOf(d.points(), d.max_points()), d.reason(), tasks});
    }
    app.out.Table(
        {app.out.T("Tiêu chí", "Item"), app.out.T("Điểm", "Points"), app.out.T("Lý do bị trừ", "Reason"),
         app.out.T("Nhiệm vụ khắc phục", "Tasks addressing it")},
        rows);
  });

  // === forecast ================================================================
  auto* forecast = par->add_subcommand(
      "forecast", "Dự báo điểm Chỉ số CCHC, giải thích từng tiêu chí (live forecast, point by point)");
  add_school(forecast);
  add_year(forecast);
  forecast->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    int year = YearOr(f.year);
    rpv::GetParForecastRequest request;
    request.set_school(*school);
    request.set_year(year);
    Session session = app.NewSession();
    rpv::ParForecast fc;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GetParForecast(c, request, &fc); }))
      return;
    // Services that did not answer: warnings, not a failure.
    for (const auto& error : fc.source_errors()) {
      app.out.Error(
          absl::StrCat(app.out.T("Cảnh báo: không lấy được số liệu — ", "Warning: no data from "), error));
    }
    if (app.out.json) return app.out.Json(fc);
    PrintForecast(app.out, fc, year);
  });
}

}  // namespace parhub::cli
