// parhubctl reports: a school's periodic reports (báo cáo định kỳ): the
// report families and their calendars (data start, cut-off, due date), the
// generation of a report from the other services' summaries as an immutable
// numbered version, its versions, the download of a version as XLSX or PDF,
// its submission to the authority, and the authority's acknowledgement or
// return. Late reports are marked. For authority officers, the overview of
// every school in the subtree: forecast and rank, assessment, report status,
// laggards.
#include <google/protobuf/struct.pb.h>

#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "cli/app.h"
#include "cli/names.h"
#include "cli/reporting_text.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "platform/core/crypto.h"
#include "platform/core/date.h"
#include "platform/core/resource_name.h"

namespace parhub::cli {
namespace {

namespace rpv = ::parhub::reporting::v1;
namespace gwv = ::parhub::gateway::v1;

std::unique_ptr<rpv::ReportingService::Stub> StubOf(Session& session) {
  return rpv::ReportingService::NewStub(session.channel());
}

// The idempotency key of a mutation: --request-id, else a fresh one.
std::string NewRequestId(const App& app, const char* verb) {
  return app.RequestId(absl::StrCat("cli-reports-", verb, "-", platform::RandomId()));
}

std::string FamilyName(const std::string& text) {
  return absl::StartsWith(text, "reportFamilies/")
             ? text
             : absl::StrCat("reportFamilies/", absl::AsciiStrToLower(text));
}

// "schools/{school}/reports/{id}" for an id ("cchc-2024-q1") of --school
// (default: the caller's school) or a full name; nullopt after a usage error.
std::optional<std::string> ReportName(App& app, const std::string& school_flag, const std::string& text) {
  if (absl::StartsWith(text, "schools/")) return text;
  auto school = app.SchoolName(school_flag);
  if (!school) return std::nullopt;
  return absl::StrCat(*school, "/reports/", absl::AsciiStrToLower(text));
}

std::string VersionName(const std::string& report, int version) {
  return absl::StrCat(report, "/versions/", version);
}

// ---------------------------------------------------------------------------
// Labels and words.

std::string ReportStateLabel(const Output& out, rpv::ReportState state) {
  switch (state) {
    case rpv::REPORT_STATE_DRAFT:
      return out.T("Chưa nộp", "Draft");
    case rpv::REPORT_STATE_SUBMITTED:
      return out.T("Đã nộp, chờ tiếp nhận", "Submitted");
    case rpv::REPORT_STATE_ACKNOWLEDGED:
      return out.T("Đã tiếp nhận", "Acknowledged");
    case rpv::REPORT_STATE_RETURNED:
      return out.T("Bị trả lại để sửa", "Returned for correction");
    default:
      return "?";
  }
}

std::string SourceLabel(const Output& out, rpv::ReportSource source) {
  switch (source) {
    case rpv::REPORT_SOURCE_TASKS:
      return out.T("nhiệm vụ", "tasks");
    case rpv::REPORT_SOURCE_STAFFING:
      return out.T("nhân sự", "staffing");
    case rpv::REPORT_SOURCE_FINANCE:
      return out.T("thu chi", "finance");
    case rpv::REPORT_SOURCE_COMPLAINTS:
      return out.T("phản ánh, khiếu nại", "complaints");
    case rpv::REPORT_SOURCE_REPORTING:
      return out.T("khảo sát, báo cáo", "surveys, reports");
    case rpv::REPORT_SOURCE_FORECAST:
      return out.T("dự báo Chỉ số CCHC", "PAR forecast");
    default:
      return "?";
  }
}

std::optional<rpv::ExportFormat> ParseFormat(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "xlsx" || t == "excel") return rpv::EXPORT_FORMAT_XLSX;
  if (t == "pdf") return rpv::EXPORT_FORMAT_PDF;
  return std::nullopt;
}

// "Quý I 2024".
std::string PeriodText(const rpv::ReportPeriod& p) {
  return absl::StrCat(p.label().empty() ? p.code() : p.label(), " ", p.year());
}

// A version's number from its name ("…/versions/2" → "2").
std::string VersionOf(const std::string& version_name) {
  return version_name.empty() ? "" : IdOf(version_name);
}

// Prints each source that failed as a warning (stderr).
void WarnSourceErrors(const Output& o, const rpv::ReportVersion& v) {
  for (const auto& error : v.source_errors()) {
    o.Error(absl::StrCat(o.T("Cảnh báo: thiếu số liệu — ", "Warning: data missing — "), error));
  }
}

std::string SubmissionLabel(const Output& out, rpv::SubmissionStatus status) {
  switch (status) {
    case rpv::SUBMISSION_STATUS_ON_TIME:
      return out.T("Đúng hạn", "On time");
    case rpv::SUBMISSION_STATUS_LATE:
      return out.T("Nộp trễ hạn", "Late");
    case rpv::SUBMISSION_STATUS_MISSING:
      return out.T("Quá hạn, chưa nộp", "Missing");
    case rpv::SUBMISSION_STATUS_PENDING:
      return out.T("Chưa đến hạn", "Not yet due");
    case rpv::SUBMISSION_STATUS_RETURNED:
      return out.T("Bị trả lại", "Returned");
    default:
      return "?";
  }
}

// The assessment's state with its points: appraised when appraised, else
// self-assessed.
std::string AssessmentText(const Output& out, const gwv::SchoolReporting& s) {
  switch (s.assessment_state()) {
    case rpv::ASSESSMENT_STATE_DRAFT:
      return absl::StrCat(out.T("Đang tự chấm ", "Draft "), FormatPoints(s.self_assessed_points()));
    case rpv::ASSESSMENT_STATE_SUBMITTED:
      return absl::StrCat(out.T("Đã nộp ", "Submitted "), FormatPoints(s.self_assessed_points()));
    case rpv::ASSESSMENT_STATE_APPRAISED:
      return absl::StrCat(out.T("Đã thẩm định ", "Appraised "), FormatPoints(s.appraised_points()));
    case rpv::ASSESSMENT_STATE_RETURNED:
      return absl::StrCat(out.T("Bị trả lại ", "Returned "), FormatPoints(s.self_assessed_points()));
    default:
      return out.T("Chưa tự đánh giá", "Not started");
  }
}

std::string LaggardReasonLabel(const Output& out, gwv::LaggardReason reason) {
  switch (reason) {
    case gwv::LAGGARD_REASON_LOW_FORECAST:
      return out.T("điểm dự báo thuộc 10% thấp nhất", "forecast in the bottom tenth");
    case gwv::LAGGARD_REASON_REPORT_MISSING:
      return out.T("quá hạn chưa nộp báo cáo", "report missing");
    case gwv::LAGGARD_REASON_REPORT_LATE:
      return out.T("nộp báo cáo trễ hạn", "report late");
    default:
      return "?";
  }
}

bool DateAfter(const common::v1::Date& a, const common::v1::Date& b) {
  return std::tuple(a.year(), a.month(), a.day()) > std::tuple(b.year(), b.month(), b.day());
}

// The family's latest period of `year` whose due date has passed; nullopt
// (with a usage error) when none has, or after a failed call.
std::optional<std::string> LatestDuePeriod(App& app, Session& session, const std::string& family, int year) {
  rpv::ListReportPeriodsRequest request;
  request.set_family(family);
  request.set_year(year);
  request.set_page_size(100);
  auto stub = StubOf(session);
  const platform::Date today = platform::LocalDate(absl::Now());
  common::v1::Date now;
  now.set_year(today.year);
  now.set_month(today.month);
  now.set_day(today.day);
  std::optional<rpv::ReportPeriod> latest;
  while (true) {
    rpv::ListReportPeriodsResponse page;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub->ListReportPeriods(c, request, &page); }))
      return std::nullopt;
    for (const auto& p : page.periods()) {
      if (DateAfter(p.due_date(), now)) continue;
      if (!latest || DateAfter(p.due_date(), latest->due_date())) latest = p;
    }
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (!latest) {
    app.Usage(
        absl::StrCat(app.out.T("cần --period: chưa kỳ nào của năm ", "--period is required: no period of "),
                     year, app.out.T(" đến hạn nộp", " is due yet")));
    return std::nullopt;
  }
  return latest->code();
}

void PrintReportingOverview(App& app, const gwv::ReportingOverview& r) {
  const Output& o = app.out;
  const rpv::ReportPeriod& p = r.period();
  o.Line(absl::StrCat(o.T("Báo cáo ", "Report "), IdOf(p.family()), " ", PeriodText(p),
                      o.T(" (hạn nộp ", " (due "), FormatDate(p.due_date()), ") — ", r.display_name(), ", ",
                      r.totals().schools(), o.T(" trường", " schools")));
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : r.schools()) {
    rows.push_back({s.rank() > 0 ? absl::StrCat(s.rank()) : "-",
                    absl::StrCat(s.display_name(), " (", IdOf(s.school()), ")"),
                    s.has_forecast_time() ? FormatPoints(s.forecast_points()) : o.T("chưa có", "none"),
                    AssessmentText(o, s), SubmissionLabel(o, s.report_status()),
                    s.days_late() > 0 ? absl::StrCat(s.days_late()) : ""});
  }
  std::vector<std::string> header{o.T("Hạng", "Rank"),
                                  o.T("Trường", "School"),
                                  o.T("Điểm dự báo", "Forecast"),
                                  o.T("Tự đánh giá", "Assessment"),
                                  o.T("Báo cáo", "Report"),
                                  o.T("Số ngày trễ", "Days late")};
  if (Export(app, o.T("Báo cáo các trường", "Reports by school"), header, rows)) return;
  o.Table(header, rows);
  const gwv::ReportingTotals& t = r.totals();
  o.Line(absl::StrCat(o.T("Tổng: ", "Totals: "), t.on_time(), o.T(" đúng hạn, ", " on time, "), t.late(),
                      o.T(" nộp trễ, ", " late, "), t.missing(), o.T(" quá hạn chưa nộp, ", " missing, "),
                      t.pending(), o.T(" chưa đến hạn, ", " not yet due, "), t.returned(),
                      o.T(" bị trả lại", " returned")));
  if (t.forecast_schools() > 0) {
    std::string tenth = t.bottom_tenth_schools() > 0
                            ? absl::StrCat(o.T("; 10% thấp nhất: từ ", "; bottom tenth: at or below "),
                                           FormatPoints(t.bottom_tenth_points()), o.T(" điểm trở xuống", ""),
                                           ", ", t.bottom_tenth_schools(), o.T(" trường", " schools"))
                            : o.T("; mọi trường bằng điểm nhau", "; every school has the same points");
    o.Line(absl::StrCat(o.T("Điểm dự báo trung bình: ", "Mean forecast: "),
                        FormatPoints(t.mean_forecast_points()), " (", t.forecast_schools(), "/", t.schools(),
                        o.T(" trường có dự báo", " schools with a forecast"), tenth, ")"));
  } else {
    o.Line(o.T("Chưa trường nào có điểm dự báo của năm này.", "No school has a forecast for this year yet."));
  }
  if (r.laggards_size() == 0) {
    o.Line(o.T("Không có trường cần đôn đốc.", "No laggards."));
    return;
  }
  o.Line(absl::StrCat(o.T("Cần đôn đốc (", "Laggards ("), r.laggards_size(), "):"));
  std::map<std::string, const gwv::SchoolReporting*> by_name;
  for (const auto& s : r.schools()) by_name[s.school()] = &s;
  for (const std::string& name : r.laggards()) {
    auto it = by_name.find(name);
    if (it == by_name.end()) continue;
    const gwv::SchoolReporting& s = *it->second;
    std::vector<std::string> reasons;
    for (int reason : s.laggard_reasons()) {
      reasons.push_back(LaggardReasonLabel(o, static_cast<gwv::LaggardReason>(reason)));
    }
    o.Line(absl::StrCat("  ", s.display_name(), " (", IdOf(s.school()), "): ", absl::StrJoin(reasons, "; ")));
  }
}

// ---------------------------------------------------------------------------
// Printing.

std::vector<std::string> ReportHeader(const Output& o) {
  return {o.T("Mã báo cáo", "Report"),
          o.T("Kỳ", "Period"),
          o.T("Hạn nộp", "Due"),
          o.T("Trạng thái", "State"),
          o.T("Trễ hạn", "Late"),
          o.T("Phiên bản mới nhất", "Latest version"),
          o.T("Phiên bản đã nộp", "Submitted version"),
          o.T("Nộp lúc", "Submitted")};
}

std::vector<std::string> ReportRow(const Output& o, const rpv::Report& r) {
  return {IdOf(r.name()),
          PeriodText(r.period()),
          FormatDate(r.period().due_date()),
          ReportStateLabel(o, r.state()),
          r.late() ? o.T("TRỄ HẠN", "LATE") : "",
          VersionOf(r.latest_version()),
          VersionOf(r.submitted_version()),
          FormatTime(r.submit_time())};
}

void PrintChanged(App& app, const rpv::Report& r, const std::string& message) {
  if (app.out.json) return app.out.Json(r);
  app.out.Line(absl::StrCat(message, ": ", IdOf(r.name())));
  app.out.Table(ReportHeader(app.out), {ReportRow(app.out, r)});
}

void PrintReport(const Output& o, Names& names, const rpv::Report& r) {
  const rpv::ReportPeriod& p = r.period();
  std::vector<std::vector<std::string>> rows{
      {o.T("Mã báo cáo", "Report"), IdOf(r.name())},
      {o.T("Loại báo cáo", "Family"), IdOf(p.family())},
      {o.T("Kỳ báo cáo", "Period"), PeriodText(p)},
      {o.T("Số liệu từ ngày", "Data from"), FormatDate(p.period_start())},
      {o.T("Chốt số liệu ngày", "Cut-off"), FormatDate(p.cutoff_date())},
      {o.T("Hạn nộp", "Due"), FormatDate(p.due_date())},
      {o.T("Trạng thái", "State"), ReportStateLabel(o, r.state())},
      {o.T("Trễ hạn", "Late"), YesNo(o, r.late())},
      {o.T("Phiên bản mới nhất", "Latest version"), VersionOf(r.latest_version())},
      {o.T("Phiên bản đã nộp", "Submitted version"), VersionOf(r.submitted_version())},
      {o.T("Nộp lần đầu lúc", "First submitted"), FormatTime(r.first_submit_time())},
      {o.T("Nộp lần gần nhất lúc", "Last submitted"), FormatTime(r.submit_time())}};
  if (r.acknowledge_time().seconds() != 0)
    rows.push_back({o.T("Tiếp nhận lúc", "Acknowledged"), FormatTime(r.acknowledge_time())});
  if (!r.reviewed_by().empty())
    rows.push_back({o.T("Người xem xét", "Reviewed by"), names.Account(r.reviewed_by())});
  if (!r.return_reason().empty()) rows.push_back({o.T("Lý do trả lại", "Return reason"), r.return_reason()});
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")}, rows);
}

// The versions, newest first; the report, when known, marks the latest and
// the submitted one.
void PrintVersions(const Output& o, Names& names, const rpv::ListReportVersionsResponse& versions,
                   const rpv::Report* report) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : versions.versions()) {
    std::vector<std::string> notes;
    if (report != nullptr && v.name() == report->submitted_version())
      notes.push_back(o.T("đã nộp", "submitted"));
    if (report != nullptr && v.name() == report->latest_version()) notes.push_back(o.T("mới nhất", "latest"));
    rows.push_back({absl::StrCat(v.version()), FormatTime(v.create_time()), names.Account(v.generated_by()),
                    v.content_sha256(), absl::StrJoin(v.source_errors(), "; "), absl::StrJoin(notes, ", ")});
  }
  o.Table({o.T("Phiên bản", "Version"), o.T("Lập lúc", "Generated"), o.T("Người lập", "By"),
           o.T("SHA-256 số liệu", "Content SHA-256"), o.T("Nguồn thiếu", "Missing sources"),
           o.T("Ghi chú", "Note")},
          rows);
}

// Every version of a report, newest first; false after a failed call.
bool ReadVersions(App& app, Session& session, const std::string& report,
                  rpv::ListReportVersionsResponse* all) {
  rpv::ListReportVersionsRequest request;
  request.set_parent(report);
  request.set_page_size(100);
  auto stub = StubOf(session);
  while (true) {
    rpv::ListReportVersionsResponse page;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub->ListReportVersions(c, request, &page); }))
      return false;
    for (auto& v : *page.mutable_versions()) *all->add_versions() = std::move(v);
    if (page.next_page_token().empty()) return true;
    request.set_page_token(page.next_page_token());
  }
}

}  // namespace

void AddReportCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, id, family, period, format, out_path, reason, authority;
    std::vector<std::string> narrative;
    int year = 0, version = 0;
    bool allow_partial = false, late = false;
  } f;

  auto* reports = root.add_subcommand(
      "reports", "Báo cáo định kỳ: lập từ số liệu các phân hệ, nộp, tiếp nhận, trả lại (periodic reports)");
  reports->require_subcommand(1);
  auto add_school = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  };
  auto add_report = [add_school](CLI::App* cmd) {
    cmd->add_option("report", f.id, "Mã báo cáo (cột đầu của 'reports list'), ví dụ cchc-2024-q1")
        ->required();
    add_school(cmd);
  };
  auto add_officer_report = [](CLI::App* cmd) {
    cmd->add_option("report", f.id, "Mã báo cáo, ví dụ cchc-2024-q1")->required();
    cmd->add_option("--school", f.school, "Trường đã nộp báo cáo (cán bộ cơ quan quản lý)")->required();
  };

  // === families, periods =======================================================
  auto* families = reports->add_subcommand("families", "Các loại báo cáo, nơi nhận, các kỳ, mục tự viết");
  families->callback([&app] {
    rpv::ListReportFamiliesRequest request;
    request.set_page_size(200);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    rpv::ListReportFamiliesResponse all;
    while (true) {
      rpv::ListReportFamiliesResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListReportFamilies(c, request, &page); }))
        return;
      for (auto& family : *page.mutable_report_families()) *all.add_report_families() = std::move(family);
      if (page.next_page_token().empty()) break;
      request.set_page_token(page.next_page_token());
    }
    if (app.out.json) return app.out.Json(all);
    // One block per family: recipients and bases are sentences, too wide
    // for a table.
    const Output& o = app.out;
    for (const auto& family : all.report_families()) {
      std::vector<std::string> periods, sources;
      for (const auto& p : family.periods()) periods.push_back(absl::StrCat(p.code(), " (", p.label(), ")"));
      for (int s : family.sources()) sources.push_back(SourceLabel(o, static_cast<rpv::ReportSource>(s)));
      o.Line(absl::StrCat(family.code(), " — ", family.title()));
      o.Line(absl::StrCat(o.T("  Nơi nhận: ", "  Recipient: "), family.recipient()));
      o.Line(absl::StrCat(o.T("  Các kỳ: ", "  Periods: "), absl::StrJoin(periods, ", ")));
      o.Line(absl::StrCat(o.T("  Số liệu lấy từ: ", "  Data from: "), absl::StrJoin(sources, ", ")));
      if (family.narrative_headings_size() > 0) {
        o.Line(absl::StrCat(o.T("  Mục tự viết (--narrative): ", "  Narrative headings (--narrative): "),
                            absl::StrJoin(family.narrative_headings(), "; ")));
      }
      if (!family.basis().empty()) o.Line(absl::StrCat(o.T("  Căn cứ: ", "  Basis: "), family.basis()));
    }
    if (all.report_families_size() == 0) o.Line(o.T("(không có dữ liệu)", "(nothing)"));
  });

  auto* periods = reports->add_subcommand(
      "periods", "Các kỳ của một loại báo cáo trong năm: từ ngày, chốt số liệu, hạn nộp");
  periods->add_option("family", f.family, "Loại báo cáo, ví dụ cchc")->required();
  periods->add_option("--year", f.year, "Năm (mặc định: năm nay)")->check(CLI::Range(2000, 2100));
  periods->callback([&app] {
    rpv::ListReportPeriodsRequest request;
    request.set_family(FamilyName(f.family));
    request.set_year(YearOr(f.year));
    request.set_page_size(100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    rpv::ListReportPeriodsResponse all;
    while (true) {
      rpv::ListReportPeriodsResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListReportPeriods(c, request, &page); }))
        return;
      for (auto& p : *page.mutable_periods()) *all.add_periods() = std::move(p);
      if (page.next_page_token().empty()) break;
      request.set_page_token(page.next_page_token());
    }
    if (app.out.json) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : all.periods()) {
      rows.push_back({p.code(), p.label(), FormatDate(p.period_start()), FormatDate(p.cutoff_date()),
                      FormatDate(p.due_date())});
    }
    o.Table({o.T("Kỳ", "Period"), o.T("Tên kỳ", "Label"), o.T("Số liệu từ ngày", "Data from"),
             o.T("Chốt số liệu", "Cut-off"), o.T("Hạn nộp", "Due")},
            rows);
  });

  // === generate ================================================================
  auto* generate = reports->add_subcommand(
      "generate", "Lập báo cáo của một kỳ từ số liệu các phân hệ: thêm một phiên bản mới, không sửa bản cũ");
  generate->add_option("family", f.family, "Loại báo cáo, ví dụ cchc")->required();
  generate->add_option("year", f.year, "Năm, ví dụ 2024")->required()->check(CLI::Range(2000, 2100));
  generate->add_option("period", f.period, "Kỳ, ví dụ q1, 6m, 9m, year (xem 'reports periods')")->required();
  add_school(generate);
  generate
      ->add_option("--narrative", f.narrative,
                   "Phần tự viết \"Tiêu đề=nội dung\" (lặp lại được; tiêu đề xem 'reports families')")
      ->allow_extra_args(false);
  generate->add_flag("--allow-partial", f.allow_partial,
                     "Vẫn lập khi một phân hệ không trả lời (phiên bản ghi rõ phần thiếu)");
  generate->callback([&app] {
    rpv::GenerateReportRequest request;
    for (const auto& text : f.narrative) {
      auto section = ParseNarrative(text);
      if (!section) {
        return app.Usage(
            absl::StrCat("--narrative: '", text,
                         app.out.T("' phải là \"Tiêu đề=nội dung\"", "' must be \"Heading=text\"")));
      }
      auto* n = request.add_narrative();
      n->set_heading(section->heading);
      n->set_text(section->text);
    }
    auto school = app.SchoolName(f.school);
    if (!school) return;
    request.set_parent(*school);
    request.set_family(FamilyName(f.family));
    request.set_year(f.year);
    request.set_period(absl::AsciiStrToLower(f.period));
    request.set_allow_partial(f.allow_partial);
    request.set_request_id(NewRequestId(app, "generate"));
    Session session = app.NewSession();
    rpv::ReportVersion v;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GenerateReport(c, request, &v); }))
      return;
    WarnSourceErrors(app.out, v);
    if (app.out.json) return app.out.Json(v);
    const Output& o = app.out;
    std::string report = v.name().substr(0, v.name().find("/versions/"));
    o.Line(absl::StrCat(o.T("Đã lập báo cáo ", "Generated report "), IdOf(report),
                        o.T(", phiên bản ", ", version "), v.version(), " (",
                        PeriodText(v.content().period()), o.T(", hạn nộp ", ", due "),
                        FormatDate(v.content().period().due_date()), ")"));
    o.Line(absl::StrCat(o.T("SHA-256 số liệu: ", "Content SHA-256: "), v.content_sha256()));
    o.Line(absl::StrCat(o.T("Tải về: parhubctl reports download ", "Download: parhubctl reports download "),
                        IdOf(report), " --version ", v.version(), " --format pdf"));
  });

  // === list, show, versions ====================================================
  auto* list = reports->add_subcommand("list", "Các báo cáo của trường, hạn nộp mới nhất trước");
  add_school(list);
  list->add_option("--family", f.family, "Chỉ loại báo cáo này, ví dụ cchc");
  list->add_option("--year", f.year, "Chỉ năm này")->check(CLI::Range(2000, 2100));
  list->add_flag("--late", f.late, "Chỉ báo cáo trễ hạn (nộp sau hạn, hoặc quá hạn chưa nộp)");
  AddExportOption(list, app);
  list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::ListReportsRequest request;
    request.set_parent(*school);
    if (!f.family.empty()) request.set_family(FamilyName(f.family));
    request.set_year(f.year);
    request.set_late_only(f.late);
    request.set_page_size(200);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    rpv::ListReportsResponse all;
    while (true) {
      rpv::ListReportsResponse page;
      if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->ListReports(c, request, &page); }))
        return;
      for (auto& r : *page.mutable_reports()) *all.add_reports() = std::move(r);
      if (page.next_page_token().empty()) break;
      request.set_page_token(page.next_page_token());
    }
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    int late = 0;
    for (const auto& r : all.reports()) {
      rows.push_back(ReportRow(app.out, r));
      if (r.late()) ++late;
    }
    PrintList(app, app.out.T("Báo cáo", "Reports"), ReportHeader(app.out), rows);
    if (late > 0) {
      app.out.Line(absl::StrCat(late, app.out.T(" báo cáo trễ hạn.", " late reports.")));
    }
  });

  auto* show =
      reports->add_subcommand("show", "Một báo cáo: kỳ, hạn nộp, trạng thái, trễ hạn, các phiên bản");
  add_report(show);
  show->callback([&app] {
    auto name = ReportName(app, f.school, f.id);
    if (!name) return;
    rpv::GetReportRequest request;
    request.set_name(*name);
    Session session = app.NewSession();
    rpv::Report r;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GetReport(c, request, &r); }))
      return;
    rpv::ListReportVersionsResponse versions;
    if (!ReadVersions(app, session, *name, &versions)) return;
    if (app.out.json) return app.out.JsonObject({{"report", &r}, {"versions", &versions}});
    Names names(session);
    PrintReport(app.out, names, r);
    app.out.Line(app.out.T("\nCác phiên bản:", "\nVersions:"));
    PrintVersions(app.out, names, versions, &r);
  });

  auto* versions = reports->add_subcommand("versions", "Các phiên bản của một báo cáo, mới nhất trước");
  add_report(versions);
  versions->callback([&app] {
    auto name = ReportName(app, f.school, f.id);
    if (!name) return;
    Session session = app.NewSession();
    rpv::ListReportVersionsResponse all;
    if (!ReadVersions(app, session, *name, &all)) return;
    if (app.out.json) return app.out.Json(all);
    // The report marks the submitted and latest versions; quietly left out
    // when it cannot be read.
    rpv::GetReportRequest request;
    request.set_name(*name);
    rpv::Report r;
    auto context = session.NewContext();
    bool known = StubOf(session)->GetReport(context.get(), request, &r).ok();
    Names names(session);
    PrintVersions(app.out, names, all, known ? &r : nullptr);
  });

  // === download ================================================================
  auto* download = reports->add_subcommand(
      "download", "Tải một phiên bản về tệp XLSX hoặc PDF (dựng lại từ số liệu đã lưu; in SHA-256)");
  add_report(download);
  download->add_option("--version", f.version, "Phiên bản (mặc định: mới nhất)")->check(CLI::PositiveNumber);
  download->add_option("--format", f.format, "xlsx | pdf")->required();
  download->add_option("-o,--out", f.out_path,
                       "Tệp ghi ra (mặc định: tên tệp do máy chủ đề xuất, thư mục hiện tại)");
  download->callback([&app] {
    auto format = ParseFormat(f.format);
    if (!format) return app.Usage("--format: xlsx | pdf");
    auto name = ReportName(app, f.school, f.id);
    if (!name) return;
    Session session = app.NewSession();
    auto stub = StubOf(session);
    std::string version = f.version > 0 ? VersionName(*name, f.version) : "";
    if (version.empty()) {
      rpv::GetReportRequest get;
      get.set_name(*name);
      rpv::Report r;
      if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->GetReport(c, get, &r); })) return;
      if (r.latest_version().empty()) {
        return app.Fail(kExitNotFound, "NOT_FOUND", app.out.T("Không tìm thấy", "Not found"),
                        app.out.T("báo cáo chưa có phiên bản nào (reports generate)",
                                  "the report has no version yet (reports generate)"));
      }
      version = r.latest_version();
    }
    rpv::ExportReportVersionRequest request;
    request.set_name(version);
    request.set_format(*format);
    rpv::ExportedReport file;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub->ExportReportVersion(c, request, &file); }))
      return;
    // The suggested name without any directory part: the file lands in the
    // current directory whatever the server sends.
    std::string path = !f.out_path.empty() ? f.out_path : IdOf(file.file_name());
    if (path.empty() || path == "." || path == "..") {
      path = absl::StrCat(IdOf(*name), "-v", IdOf(version),
                          *format == rpv::EXPORT_FORMAT_PDF ? ".pdf" : ".xlsx");
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(file.content().data(), static_cast<std::streamsize>(file.content().size()));
    out.close();
    if (!out) {
      return app.Fail(kExitFailure, "LOCAL", app.out.T("Không ghi được tệp", "Cannot write the file"), path);
    }
    std::string sha256 = platform::Sha256Hex(file.content());
    if (app.out.json) {
      google::protobuf::Struct written;
      auto& fields = *written.mutable_fields();
      fields["path"].set_string_value(path);
      fields["version"].set_string_value(version);
      fields["media_type"].set_string_value(file.media_type());
      fields["size_bytes"].set_number_value(static_cast<double>(file.content().size()));
      fields["sha256"].set_string_value(sha256);
      fields["content_sha256"].set_string_value(file.content_sha256());
      return app.out.Json(written);
    }
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Đã ghi ", "Wrote "), path, " (", file.content().size(), " byte",
                        o.T(", phiên bản ", ", version "), IdOf(version), ")"));
    o.Line(absl::StrCat(o.T("SHA-256 của tệp:     ", "File SHA-256:    "), sha256));
    o.Line(absl::StrCat(o.T("SHA-256 của số liệu: ", "Content SHA-256: "), file.content_sha256()));
  });

  // === submit, acknowledge, return =============================================
  auto* submit =
      reports->add_subcommand("submit", "Nộp báo cáo lên cơ quan quản lý (một phiên bản; mặc định mới nhất)");
  add_report(submit);
  submit->add_option("--version", f.version, "Phiên bản nộp (mặc định: mới nhất)")
      ->check(CLI::PositiveNumber);
  submit->callback([&app] {
    auto name = ReportName(app, f.school, f.id);
    if (!name) return;
    rpv::SubmitReportRequest request;
    request.set_name(*name);
    if (f.version > 0) request.set_version(VersionName(*name, f.version));
    request.set_request_id(NewRequestId(app, "submit"));
    Session session = app.NewSession();
    rpv::Report r;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->SubmitReport(c, request, &r); }))
      return;
    PrintChanged(app, r,
                 r.late() ? app.out.T("Đã nộp báo cáo (TRỄ HẠN)", "Submitted the report (LATE)")
                          : app.out.T("Đã nộp báo cáo", "Submitted the report"));
  });

  auto* acknowledge =
      reports->add_subcommand("acknowledge", "Tiếp nhận báo cáo trường đã nộp (cán bộ cơ quan quản lý)");
  add_officer_report(acknowledge);
  acknowledge->callback([&app] {
    auto name = ReportName(app, f.school, f.id);
    if (!name) return;
    rpv::AcknowledgeReportRequest request;
    request.set_name(*name);
    request.set_request_id(NewRequestId(app, "acknowledge"));
    Session session = app.NewSession();
    rpv::Report r;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->AcknowledgeReport(c, request, &r); }))
      return;
    PrintChanged(app, r, app.out.T("Đã tiếp nhận báo cáo", "Acknowledged the report"));
  });

  auto* return_cmd =
      reports->add_subcommand("return", "Trả lại báo cáo để trường sửa và nộp lại (cán bộ cơ quan quản lý)");
  add_officer_report(return_cmd);
  return_cmd->add_option("--reason", f.reason, "Lý do trả lại")->required();
  return_cmd->callback([&app] {
    auto name = ReportName(app, f.school, f.id);
    if (!name) return;
    rpv::ReturnReportRequest request;
    request.set_name(*name);
    request.set_reason(f.reason);
    request.set_request_id(NewRequestId(app, "return"));
    Session session = app.NewSession();
    rpv::Report r;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->ReturnReport(c, request, &r); }))
      return;
    PrintChanged(app, r, app.out.T("Đã trả lại báo cáo", "Returned the report"));
  });

  // === overview (authority) ====================================================
  auto* overview = reports->add_subcommand(
      "overview",
      "Mọi trường thuộc cơ quan: điểm dự báo Chỉ số CCHC và xếp hạng, tự đánh giá, tình trạng nộp báo cáo "
      "một kỳ, các trường cần đôn đốc (cán bộ cơ quan quản lý)");
  overview->add_option("--authority", f.authority, "Cơ quan (mặc định: cơ quan của bạn)");
  overview->add_option("--year", f.year, "Năm (mặc định: năm nay)")->check(CLI::Range(2000, 2100));
  overview->add_option("--family", f.family, "Loại báo cáo (mặc định cchc)");
  overview->add_option("--period", f.period,
                       "Kỳ, ví dụ q3 (mặc định: kỳ gần nhất đã đến hạn nộp của năm; xem 'reports periods')");
  AddExportOption(overview, app);
  overview->callback([&app] {
    gwv::GetReportingOverviewRequest request;
    if (!f.authority.empty()) {
      request.set_authority(absl::StartsWith(f.authority, "authorities/")
                                ? f.authority
                                : absl::StrCat("authorities/", f.authority));
    }
    request.set_year(YearOr(f.year));
    request.set_family(FamilyName(f.family.empty() ? "cchc" : f.family));
    Session session = app.NewSession();
    if (!f.period.empty()) {
      request.set_period(absl::AsciiStrToLower(f.period));
    } else {
      auto period = LatestDuePeriod(app, session, request.family(), request.year());
      if (!period) return;
      request.set_period(*period);
    }
    gwv::ReportingOverview response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return gwv::GatewayService::NewStub(session.channel())->GetReportingOverview(c, request, &response);
        }))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    PrintReportingOverview(app, response);
  });
}

}  // namespace parhub::cli
