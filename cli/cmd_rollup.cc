// parhubctl rollup: an authority's per-school figures (AuthorityService) —
// staffing, finance, complaints, SIPAS, the ranking of schools and the
// report statuses of a period. One row per school under the authority on
// --as-of (default today), schools that could not answer listed with their
// error, the authority's totals below; every page is fetched (the gateway
// pins the first page's result so the pages agree); --export writes the
// rows to a file.
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/app.h"
#include "cli/names.h"
#include "parhub/authority/v1/authority.grpc.pb.h"

namespace parhub::cli {
namespace {

namespace apb = authority::v1;
namespace rpb = reporting::v1;

struct Flags {
  std::string authority, as_of, from, to;
  std::string target_plan, family, period, rank_by = "forecast";
  int year = 0;
  bool ascending = false;
};
Flags f;

std::string Pct(double v) { return absl::StrFormat("%.1f%%", v); }

// The scope from the flags; nullopt after a usage error.
std::optional<apb::RollupScope> ScopeFromFlags(App& app) {
  apb::RollupScope scope;
  auto authority = app.AuthorityName(f.authority);
  if (!authority) return std::nullopt;
  scope.set_authority(*authority);
  for (auto [flag, text, into] : {std::tuple{"--as-of", &f.as_of, scope.mutable_as_of()},
                                  std::tuple{"--from", &f.from, scope.mutable_period_start()},
                                  std::tuple{"--to", &f.to, scope.mutable_period_end()}}) {
    if (text->empty()) continue;
    auto d = ParseDateFlag(app, flag, *text);
    if (!d) return std::nullopt;
    *into = *d;
  }
  scope.set_page_size(1000);
  return scope;
}

// Every page of one roll-up, rows merged into the first page's answer.
template <typename Request, typename Response, typename Rpc>
std::optional<Response> AllPages(App& app, Request request, Rpc rpc) {
  Session session = app.NewSession();
  auto stub = apb::AuthorityService::NewStub(session.channel());
  std::optional<Response> all;
  do {
    Response page;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return std::invoke(rpc, *stub, c, request, &page); }))
      return std::nullopt;
    if (!all) {
      all = page;
    } else {
      all->mutable_schools()->MergeFrom(page.schools());
    }
    request.mutable_scope()->set_page_token(page.info().next_page_token());
  } while (!request.scope().page_token().empty());
  all->mutable_info()->clear_next_page_token();
  return all;
}

// The first columns of a row: the school, or its error in the last column.
std::vector<std::string> RowStart(Names& names, const apb::SchoolRef& ref) {
  return {ref.display_name(), names.Authority(ref.authority())};
}

std::string ErrorNote(const Output& o, const apb::SchoolRef& ref) {
  return ref.error().empty() ? "" : absl::StrCat(o.T("LỖI ", "ERROR "), ref.error_code(), ": ", ref.error());
}

// Prints (or exports) the table and the info line.
void Show(App& app, const std::string& title, const std::vector<std::string>& header,
          const std::vector<std::vector<std::string>>& rows, const apb::RollupInfo& info,
          const std::string& totals_line) {
  const Output& o = app.out;
  if (Export(app, title, header, rows)) return;
  app.out.Line(absl::StrCat(title, " — ", info.school_count(), o.T(" trường", " schools")));
  app.out.Table(header, rows);
  app.out.Line(totals_line);
  if (info.failed_schools() > 0) {
    app.out.Line(absl::StrCat(info.failed_schools(), o.T(" trường không phản hồi (xem cột Ghi chú)",
                                                         " schools did not answer (see Note)")));
  }
}

template <typename Response>
bool Done(App& app, const std::optional<Response>& response) {
  if (!response) return true;
  if (app.out.json && app.export_path.empty()) {
    app.out.Json(*response);
    return true;
  }
  return false;
}

void Staffing(App& app) {
  auto scope = ScopeFromFlags(app);
  if (!scope) return;
  apb::GetStaffingRollupRequest request;
  *request.mutable_scope() = *scope;
  request.set_target_plan(f.target_plan);
  auto r = AllPages<apb::GetStaffingRollupRequest, apb::StaffingRollup>(
      app, request, &apb::AuthorityService::Stub::GetStaffingRollup);
  if (Done(app, r)) return;
  Session session = app.NewSession();
  Names names(session);  // the authorities' names
  const Output& o = app.out;
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : r->schools()) {
    auto row = RowStart(names, s.school());
    const auto& m = s.summary();
    for (const std::string& cell :
         {s.has_summary() ? absl::StrCat(m.staff_count()) : "-",
          s.has_summary() ? Pct(m.city_email_use_rate()) : "-",
          s.has_summary() ? Pct(m.rating_completion_rate()) : "-",
          s.has_summary() ? Pct(m.downsizing_progress_percent()) : "-", ErrorNote(o, s.school())}) {
      row.push_back(cell);
    }
    rows.push_back(std::move(row));
  }
  const auto& t = r->totals();
  Show(app, o.T("Nhân sự", "Staffing"),
       {o.T("Trường", "School"), o.T("Cơ quan", "Authority"), o.T("Nhân sự", "Staff"),
        o.T("Dùng thư công vụ", "City e-mail use"), o.T("Xếp loại quý", "Ratings recorded"),
        o.T("Tiến độ tinh giản", "Downsizing progress"), o.T("Ghi chú", "Note")},
       rows, r->info(),
       absl::StrCat(o.T("Tổng: ", "Total: "), t.staff_count(),
                    o.T(" nhân sự; thư công vụ ", " staff; city e-mail "), Pct(t.city_email_use_rate()),
                    o.T("; tinh giản ", "; downsizing "), Pct(t.downsizing_progress_percent())));
}

void Finance(App& app) {
  auto scope = ScopeFromFlags(app);
  if (!scope) return;
  apb::GetFinanceRollupRequest request;
  *request.mutable_scope() = *scope;
  auto r = AllPages<apb::GetFinanceRollupRequest, apb::FinanceRollup>(
      app, request, &apb::AuthorityService::Stub::GetFinanceRollup);
  if (Done(app, r)) return;
  Session session = app.NewSession();
  Names names(session);  // the authorities' names
  const Output& o = app.out;
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : r->schools()) {
    auto row = RowStart(names, s.school());
    const auto& m = s.summary();
    for (const std::string& cell :
         {s.has_summary() ? FormatDong(m.collected_amount()) : "-",
          s.has_summary() ? Pct(m.cashless_share_amount()) : "-",
          s.has_summary() ? Pct(m.collection_rate()) : "-",
          s.has_summary() ? FormatDong(m.overdue_receivables()) : "-", ErrorNote(o, s.school())}) {
      row.push_back(cell);
    }
    rows.push_back(std::move(row));
  }
  const auto& t = r->totals();
  Show(app, o.T("Tài chính", "Finance"),
       {o.T("Trường", "School"), o.T("Cơ quan", "Authority"), o.T("Đã thu", "Collected"),
        o.T("Không dùng tiền mặt", "Cashless"), o.T("Tỷ lệ thu", "Collection rate"),
        o.T("Nợ quá hạn", "Overdue"), o.T("Ghi chú", "Note")},
       rows, r->info(),
       absl::StrCat(o.T("Tổng: đã thu ", "Total: collected "), FormatDong(t.collected_amount()),
                    o.T("; không dùng tiền mặt ", "; cashless "), Pct(t.cashless_share_amount()),
                    o.T("; tỷ lệ thu ", "; collection rate "), Pct(t.collection_rate())));
}

void Complaints(App& app) {
  auto scope = ScopeFromFlags(app);
  if (!scope) return;
  apb::GetComplaintsRollupRequest request;
  *request.mutable_scope() = *scope;
  auto r = AllPages<apb::GetComplaintsRollupRequest, apb::ComplaintsRollup>(
      app, request, &apb::AuthorityService::Stub::GetComplaintsRollup);
  if (Done(app, r)) return;
  Session session = app.NewSession();
  Names names(session);  // the authorities' names
  const Output& o = app.out;
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : r->schools()) {
    auto row = RowStart(names, s.school());
    const auto& m = s.summary();
    for (const std::string& cell :
         {s.has_summary() ? absl::StrCat(m.received()) : "-",
          s.has_summary() ? absl::StrCat(m.resolved()) : "-", s.has_summary() ? Pct(m.on_time_rate()) : "-",
          s.has_summary() ? absl::StrCat(m.overdue_open()) : "-", ErrorNote(o, s.school())}) {
      row.push_back(cell);
    }
    rows.push_back(std::move(row));
  }
  const auto& t = r->totals();
  Show(app, o.T("Phản ánh, khiếu nại", "Complaints"),
       {o.T("Trường", "School"), o.T("Cơ quan", "Authority"), o.T("Tiếp nhận", "Received"),
        o.T("Đã giải quyết", "Resolved"), o.T("Đúng hạn", "On time"), o.T("Quá hạn đang mở", "Overdue open"),
        o.T("Ghi chú", "Note")},
       rows, r->info(),
       absl::StrCat(o.T("Tổng: tiếp nhận ", "Total: received "), t.received(),
                    o.T("; đúng hạn ", "; on time "), Pct(t.on_time_rate()),
                    o.T("; quá hạn đang mở ", "; overdue open "), t.overdue_open()));
}

void Sipas(App& app) {
  auto scope = ScopeFromFlags(app);
  if (!scope) return;
  apb::GetSipasRollupRequest request;
  *request.mutable_scope() = *scope;
  auto r = AllPages<apb::GetSipasRollupRequest, apb::SipasRollup>(
      app, request, &apb::AuthorityService::Stub::GetSipasRollup);
  if (Done(app, r)) return;
  Session session = app.NewSession();
  Names names(session);  // the authorities' names
  const Output& o = app.out;
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : r->schools()) {
    auto row = RowStart(names, s.school());
    const auto& m = s.summary();
    const bool answered = s.has_summary() && m.sipas_responses() > 0;
    for (const std::string& cell : {s.has_summary() ? absl::StrCat(m.sipas_responses()) : "-",
                                    answered ? Pct(m.sipas_index()) : "-", ErrorNote(o, s.school())}) {
      row.push_back(cell);
    }
    rows.push_back(std::move(row));
  }
  Show(app, o.T("Chỉ số hài lòng (SIPAS)", "Satisfaction (SIPAS)"),
       {o.T("Trường", "School"), o.T("Cơ quan", "Authority"), o.T("Phiếu", "Responses"),
        o.T("Chỉ số", "Index"), o.T("Ghi chú", "Note")},
       rows, r->info(),
       absl::StrCat(o.T("Chung: ", "Overall: "), Pct(r->index()), o.T(" trên ", " over "), r->responses(),
                    o.T(" phiếu", " responses")));
}

void Rank(App& app) {
  auto scope = ScopeFromFlags(app);
  if (!scope) return;
  apb::RankSchoolsRequest request;
  *request.mutable_scope() = *scope;
  request.set_year(f.year);
  request.set_ascending(f.ascending);
  if (f.rank_by == "forecast") {
    request.set_rank_by(apb::RANK_BY_FORECAST);
  } else if (f.rank_by == "appraised") {
    request.set_rank_by(apb::RANK_BY_APPRAISED);
  } else if (f.rank_by == "sipas") {
    request.set_rank_by(apb::RANK_BY_SIPAS);
  } else {
    return app.Usage("--by: forecast | appraised | sipas");
  }
  auto r = AllPages<apb::RankSchoolsRequest, apb::SchoolRanking>(app, request,
                                                                 &apb::AuthorityService::Stub::RankSchools);
  if (Done(app, r)) return;
  Session session = app.NewSession();
  Names names(session);  // the authorities' names
  const Output& o = app.out;
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : r->schools()) {
    std::vector<std::string> row = {s.rank() > 0 ? absl::StrCat(s.rank()) : "-"};
    for (std::string& cell : RowStart(names, s.school())) row.push_back(std::move(cell));
    row.push_back(s.rank() > 0 ? absl::StrFormat("%.2f", s.value()) : "-");
    row.push_back(!s.school().error().empty() ? ErrorNote(o, s.school())
                  : s.rank() == 0             ? o.T("chưa có số liệu", "no value yet")
                                              : "");
    rows.push_back(std::move(row));
  }
  Show(app, o.T("Xếp hạng", "Ranking"),
       {o.T("Hạng", "Rank"), o.T("Trường", "School"), o.T("Cơ quan", "Authority"), o.T("Giá trị", "Value"),
        o.T("Ghi chú", "Note")},
       rows, r->info(),
       absl::StrCat(o.T("Trung bình: ", "Mean: "), absl::StrFormat("%.2f", r->mean_value())));
}

std::string StatusLabel(const Output& o, rpb::SubmissionStatus s) {
  switch (s) {
    case rpb::SUBMISSION_STATUS_MISSING:
      return o.T("CHƯA NỘP", "MISSING");
    case rpb::SUBMISSION_STATUS_LATE:
      return o.T("TRỄ HẠN", "LATE");
    case rpb::SUBMISSION_STATUS_RETURNED:
      return o.T("bị trả lại", "returned");
    case rpb::SUBMISSION_STATUS_PENDING:
      return o.T("chưa đến hạn", "pending");
    case rpb::SUBMISSION_STATUS_ON_TIME:
      return o.T("đúng hạn", "on time");
    default:
      return "-";
  }
}

void Reports(App& app) {
  auto scope = ScopeFromFlags(app);
  if (!scope) return;
  if (f.period.empty()) return app.Usage("--period: bắt buộc, ví dụ q3 (required, e.g. q3)");
  apb::ListReportStatusesRequest request;
  *request.mutable_scope() = *scope;
  request.set_family(f.family.empty() ? "" : absl::StrCat("reportFamilies/", IdOf(f.family)));
  request.set_year(f.year);
  request.set_period(f.period);
  auto r = AllPages<apb::ListReportStatusesRequest, apb::ReportStatusRollup>(
      app, request, &apb::AuthorityService::Stub::ListReportStatuses);
  if (Done(app, r)) return;
  Session session = app.NewSession();
  Names names(session);  // the authorities' names
  const Output& o = app.out;
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : r->schools()) {
    auto row = RowStart(names, s.school());
    row.push_back(s.has_status() ? StatusLabel(o, s.status().status()) : "-");
    row.push_back(s.has_status() && s.status().days_late() > 0 ? absl::StrCat(s.status().days_late()) : "");
    row.push_back(ErrorNote(o, s.school()));
    rows.push_back(std::move(row));
  }
  Show(app,
       absl::StrCat(o.T("Báo cáo ", "Reports "),
                    r->period().label().empty() ? absl::StrCat(r->period().code(), "/", r->period().year())
                                                : r->period().label(),
                    o.T(", hạn nộp ", ", due "), FormatDate(r->period().due_date())),
       {o.T("Trường", "School"), o.T("Cơ quan", "Authority"), o.T("Tình trạng", "Status"),
        o.T("Số ngày trễ", "Days late"), o.T("Ghi chú", "Note")},
       rows, r->info(),
       absl::StrCat(r->missing_count(), o.T(" chưa nộp; ", " missing; "), r->late_count(),
                    o.T(" trễ hạn; ", " late; "), r->on_time_count(), o.T(" đúng hạn", " on time")));
}

}  // namespace

void AddRollupCommands(CLI::App& root, App& app) {
  auto* rollup = root.add_subcommand(
      "rollup", "Số liệu từng trường của cơ quan quản lý (authority roll-ups; authority officers)");
  rollup->require_subcommand(1);
  auto add = [&](const char* name, const char* help, std::function<void(App&)> run) {
    auto* sub = rollup->add_subcommand(name, help);
    sub->add_option("--authority", f.authority, "Cơ quan (mặc định: của bạn)");
    sub->add_option("--as-of", f.as_of, "Các trường trực thuộc tại ngày này (mặc định: hôm nay)");
    AddExportOption(sub, app);
    sub->callback([&app, run] { run(app); });
    return sub;
  };
  auto period = [](CLI::App* sub) {
    sub->add_option("--from", f.from, "Từ ngày (mặc định: 1/1 của năm --as-of)");
    sub->add_option("--to", f.to, "Đến ngày (mặc định: --as-of)");
  };
  auto* staffing = add("staffing", "Nhân sự, thư công vụ, tinh giản biên chế", Staffing);
  period(staffing);
  staffing->add_option("--target-plan", f.target_plan, "Kế hoạch tinh giản (mặc định hcm-2023-2026)");
  period(add("finance", "Thu chi, không dùng tiền mặt, công nợ", Finance));
  period(add("complaints", "Phản ánh, khiếu nại: đúng hạn, quá hạn", Complaints));
  period(add("sipas", "Chỉ số hài lòng (SIPAS)", Sipas));
  auto* rank = add("rank", "Xếp hạng các trường", Rank);
  rank->add_option("--year", f.year, "Năm (mặc định: năm --as-of)");
  rank->add_option("--by", f.rank_by, "forecast (điểm dự báo) | appraised (điểm thẩm định) | sipas");
  rank->add_flag("--ascending", f.ascending, "Thấp nhất trước (để tìm trường chậm)");
  auto* reports = add("reports", "Tình trạng nộp báo cáo một kỳ: chưa nộp, trễ hạn trước", Reports);
  reports->add_option("--family", f.family, "Loại báo cáo (mặc định cchc)");
  reports->add_option("--year", f.year, "Năm (mặc định: năm --as-of)");
  reports->add_option("--period", f.period, "Kỳ, ví dụ q3, h1, y")->required();
}

}  // namespace parhub::cli
