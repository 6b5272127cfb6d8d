// parhubctl staff: the roster (list, add, import, export to CSV), city e-mail
// usage, ratings, quotas, discipline inspections, staff voice (suggestions,
// the people's inspection board), the period summary, the
// downsizing catalog, records (propose → submit → approve/reject →
// effective, export to CSV), candidates and progress.
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/app.h"
#include "cli/names.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "platform/core/resource_name.h"

namespace parhub::cli {
namespace {

namespace sv = ::parhub::staffing::v1;

std::string TypeLabel(const Output& out, sv::EmploymentType type) {
  switch (type) {
    case sv::EMPLOYMENT_TYPE_CIVIL_SERVANT:
      return out.T("Công chức", "Civil servant");
    case sv::EMPLOYMENT_TYPE_PUBLIC_EMPLOYEE:
      return out.T("Viên chức", "Public employee");
    case sv::EMPLOYMENT_TYPE_CONTRACT:
      return out.T("Hợp đồng", "Contract");
    default:
      return "?";
  }
}

std::string StatusLabel(const Output& out, sv::StaffStatus status) {
  switch (status) {
    case sv::STAFF_STATUS_ACTIVE:
      return out.T("Đang làm việc", "Active");
    case sv::STAFF_STATUS_ON_LEAVE:
      return out.T("Nghỉ dài hạn", "On leave");
    case sv::STAFF_STATUS_LEFT:
      return out.T("Đã nghỉ việc", "Left");
    default:
      return "?";
  }
}

std::string StateLabel(const Output& out, sv::DownsizingState state) {
  switch (state) {
    case sv::DOWNSIZING_STATE_PROPOSED:
      return out.T("Đề xuất", "Proposed");
    case sv::DOWNSIZING_STATE_SUBMITTED:
      return out.T("Đã trình", "Submitted");
    case sv::DOWNSIZING_STATE_APPROVED:
      return out.T("Đã phê duyệt", "Approved");
    case sv::DOWNSIZING_STATE_REJECTED:
      return out.T("Bị từ chối", "Rejected");
    case sv::DOWNSIZING_STATE_EFFECTIVE:
      return out.T("Đã thực hiện", "Effective");
    case sv::DOWNSIZING_STATE_WITHDRAWN:
      return out.T("Đã rút", "Withdrawn");
    default:
      return "?";
  }
}

std::optional<sv::EmploymentType> ParseType(const std::string& text) {
  if (text == "cong_chuc" || text == "civil-servant") return sv::EMPLOYMENT_TYPE_CIVIL_SERVANT;
  if (text == "vien_chuc" || text == "public-employee") return sv::EMPLOYMENT_TYPE_PUBLIC_EMPLOYEE;
  if (text == "hop_dong" || text == "contract") return sv::EMPLOYMENT_TYPE_CONTRACT;
  return std::nullopt;
}

std::optional<sv::RatingGrade> ParseGrade(const std::string& text) {
  if (text == "xuat_sac" || text == "excellent") return sv::RATING_GRADE_EXCELLENT;
  if (text == "tot" || text == "good") return sv::RATING_GRADE_GOOD;
  if (text == "hoan_thanh" || text == "completed") return sv::RATING_GRADE_COMPLETED;
  if (text == "khong_hoan_thanh" || text == "not-completed") return sv::RATING_GRADE_NOT_COMPLETED;
  return std::nullopt;
}

// Every page of a listing.
template <typename Request, typename Response, typename Method, typename Merge>
bool ListAll(App& app, Session& session, Request request, Method method, Merge merge) {
  do {
    Response page;
    if (!Call(app, session, [&](grpc::ClientContext* c) { return method(c, request, &page); })) return false;
    merge(page);
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return true;
}

std::vector<std::string> StaffHeader(const Output& out) {
  return {out.T("Mã", "Code"),
          out.T("Họ và tên", "Name"),
          out.T("Chức vụ", "Position"),
          out.T("Loại", "Type"),
          out.T("Hưởng lương NSNN", "Budget-paid"),
          out.T("Ngày bắt đầu", "Start"),
          out.T("Trạng thái", "Status"),
          out.T("Thư điện tử TP", "City e-mail"),
          out.T("Ngày sinh", "Birth date")};
}

std::vector<std::string> StaffRow(const Output& out, const sv::Staff& s) {
  return {s.staff_code(),
          s.display_name(),
          s.position(),
          TypeLabel(out, s.employment_type()),
          YesNo(out, s.budget_paid()),
          FormatDate(s.start_date()),
          StatusLabel(out, s.status()),
          s.city_email(),
          FormatDate(s.birth_date())};
}

std::vector<std::string> RecordHeader(const Output& out) {
  return {out.T("Hồ sơ", "Record"),
          out.T("Họ và tên", "Name"),
          out.T("Loại", "Type"),
          out.T("Hưởng lương NSNN", "Budget-paid"),
          out.T("Nghị định", "Decree"),
          out.T("Đối tượng", "Category"),
          out.T("Chính sách", "Policy"),
          out.T("Ngày đề xuất", "Proposed"),
          out.T("Số tờ trình", "Submission"),
          out.T("Số quyết định", "Decision"),
          out.T("Ngày hiệu lực", "Effective"),
          out.T("Trạng thái", "State")};
}

std::vector<std::string> RecordRow(const Output& out, const sv::DownsizingRecord& r) {
  return {IdOf(r.name()),
          r.staff_display_name(),
          TypeLabel(out, r.employment_type()),
          YesNo(out, r.budget_paid()),
          r.decree(),
          r.category(),
          r.policy(),
          FormatDate(r.proposed_date()),
          r.submission_number(),
          r.decision_number(),
          FormatDate(r.effective_date()),
          StateLabel(out, r.state())};
}

}  // namespace

void AddStaffCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, staff, code, name, position, type, start, email, query, file, grade, reason;
    std::string record, decree, category, policy, date, number, plan = "hcm-2023-2026", as_of, kind, scope;
    std::string conclusion, action, due, from, to, topic, content, suggestion, answer;
    std::vector<std::string> inspectors, findings, violations;
    int year = 0, quarter = 0, civil = -1, pub = -1, contract = -1, checked = 0;
    bool budget_paid = false, all = false, dry_run = false, skip_invalid = false, volunteered = false;
    bool anonymous = false, open_only = false, submitted_only = false;
  } f;
  auto* staff = root.add_subcommand("staff", "Nhân sự của trường (a school's staff)");
  staff->require_subcommand(1);
  auto stub_of = [](Session& session) { return sv::StaffingService::NewStub(session.channel()); };
  auto staff_name = [&app](const std::string& id) -> std::optional<std::string> {
    if (id.rfind("schools/", 0) == 0) return id;
    auto school = app.SchoolName(f.school);
    if (!school) return std::nullopt;
    return absl::StrCat(*school, "/staff/", id);
  };
  auto record_name = [&app](const std::string& id) -> std::optional<std::string> {
    if (id.rfind("schools/", 0) == 0) return id;
    auto school = app.SchoolName(f.school);
    if (!school) return std::nullopt;
    return absl::StrCat(*school, "/downsizingRecords/", id);
  };

  auto* list = staff->add_subcommand("list", "Danh sách nhân sự (the roster)");
  list->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  list->add_option("--query", f.query, "Tìm theo tên hoặc mã, không cần dấu");
  list->add_flag("--all", f.all, "Cả người đã nghỉ việc");
  AddExportOption(list, app);
  list->add_option("--email", f.kind, "Chỉ người: none (chưa có thư TP), issued (có nhưng ít dùng), in-use");
  list->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    Session session = app.NewSession();
    auto stub = stub_of(session);
    sv::ListStaffRequest request;
    request.set_parent(*school);
    request.set_query(f.query);
    request.set_page_size(500);
    if (f.kind == "none") request.set_city_email_state(sv::CITY_EMAIL_STATE_NONE);
    if (f.kind == "issued") request.set_city_email_state(sv::CITY_EMAIL_STATE_ISSUED);
    if (f.kind == "in-use") request.set_city_email_state(sv::CITY_EMAIL_STATE_IN_USE);
    if (!f.kind.empty() && request.city_email_state() == sv::CITY_EMAIL_STATE_UNSPECIFIED) {
      return app.Usage(
          app.out.T("--email phải là none, issued hoặc in-use", "--email must be none, issued or in-use"));
    }
    if (f.all) {
      for (auto s : {sv::STAFF_STATUS_ACTIVE, sv::STAFF_STATUS_ON_LEAVE, sv::STAFF_STATUS_LEFT})
        request.add_statuses(s);
    }
    sv::ListStaffResponse all;
    if (!ListAll<sv::ListStaffRequest, sv::ListStaffResponse>(
            app, session, request,
            [&](grpc::ClientContext* c, const sv::ListStaffRequest& r, sv::ListStaffResponse* p) {
              return stub->ListStaff(c, r, p);
            },
            [&](const sv::ListStaffResponse& p) { all.mutable_staff()->MergeFrom(p.staff()); }))
      return;
    if (app.out.json) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : all.staff()) rows.push_back(StaffRow(app.out, s));
    if (Export(app, app.out.T("Nhân sự", "Staff"), StaffHeader(app.out), rows)) return;
    app.out.Table(StaffHeader(app.out), rows);
  });

  auto* add = staff->add_subcommand("add", "Thêm nhân sự (add a staff member)");
  add->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  add->add_option("--code", f.code, "Mã nhân sự của trường")->required();
  add->add_option("--name", f.name, "Họ và tên")->required();
  add->add_option("--position", f.position, "Chức vụ, ví dụ Giáo viên");
  add->add_option("--type", f.type, "cong_chuc | vien_chuc | hop_dong")->required();
  add->add_flag("--budget-paid", f.budget_paid, "Hưởng lương từ ngân sách nhà nước");
  add->add_option("--start", f.start, "Ngày bắt đầu làm việc")->required();
  add->add_option("--email", f.email, "Thư điện tử công vụ của Thành phố");
  add->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    auto start = ParseDateFlag(app, "--start", f.start);
    auto type = ParseType(f.type);
    if (!type)
      app.Usage(app.out.T("--type phải là cong_chuc, vien_chuc hoặc hop_dong",
                          "--type must be cong_chuc, vien_chuc or hop_dong"));
    if (!school || !start || !type) return;
    sv::CreateStaffRequest request;
    request.set_parent(*school);
    sv::Staff* s = request.mutable_staff();
    s->set_staff_code(f.code);
    s->set_display_name(f.name);
    s->set_position(f.position);
    s->set_employment_type(*type);
    s->set_budget_paid(f.budget_paid);
    *s->mutable_start_date() = *start;
    s->set_city_email(f.email);
    request.set_request_id(app.RequestId(absl::StrCat("cli-staff-add-", IdOf(*school), "-", f.code)));
    Session session = app.NewSession();
    sv::Staff created;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub_of(session)->CreateStaff(c, request, &created); }))
      return;
    if (app.out.json) return app.out.Json(created);
    app.out.Table(StaffHeader(app.out), {StaffRow(app.out, created)});
  });

  auto* roster_import = staff->add_subcommand("import", "Nhập danh sách từ tệp CSV (import the roster)");
  roster_import->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  roster_import->add_option("--file", f.file, "Tệp CSV UTF-8 (xem docs/CLI.md)")->required();
  roster_import->add_flag("--dry-run", f.dry_run, "Chỉ kiểm tra, không ghi");
  roster_import->add_flag("--skip-invalid", f.skip_invalid, "Ghi các dòng hợp lệ dù có dòng lỗi");
  roster_import->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    std::ifstream in(f.file, std::ios::binary);
    if (!in) return app.Usage(absl::StrCat(app.out.T("không đọc được tệp ", "cannot read "), f.file));
    std::stringstream bytes;
    bytes << in.rdbuf();
    sv::ImportStaffRosterRequest request;
    request.set_parent(*school);
    request.set_csv(bytes.str());
    request.set_dry_run(f.dry_run);
    request.set_skip_invalid_rows(f.skip_invalid);
    request.set_request_id(app.RequestId(absl::StrCat("cli-import-", platform::RandomId())));
    Session session = app.NewSession();
    sv::ImportStaffRosterResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->ImportStaffRoster(c, request, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    app.out.Line(absl::StrFormat(
        app.out.T("Thêm mới %d, cập nhật %d, không đổi %d, lỗi %d — %s",
                  "Created %d, updated %d, unchanged %d, errors %d — %s"),
        response.created_count(), response.updated_count(), response.unchanged_count(),
        response.errors_size(),
        response.applied() ? app.out.T("đã ghi", "written") : app.out.T("chưa ghi gì", "nothing written")));
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : response.errors()) rows.push_back({absl::StrCat(e.row()), e.column(), e.message()});
    if (!rows.empty()) {
      app.out.Table({app.out.T("Dòng", "Line"), app.out.T("Cột", "Column"), app.out.T("Lỗi", "Problem")},
                    rows);
      if (!response.applied()) app.exit_code = kExitRejected;
    }
  });

  auto* rate = staff->add_subcommand("rate", "Ghi kết quả đánh giá, xếp loại (record a rating)");
  rate->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  rate->add_option("--staff", f.staff, "Mã định danh nhân sự")->required();
  rate->add_option("--year", f.year, "Năm")->required();
  rate->add_option("--quarter", f.quarter, "Quý 1-4; bỏ trống cho đánh giá cả năm");
  rate->add_option("--grade", f.grade, "xuat_sac | tot | hoan_thanh | khong_hoan_thanh")->required();
  rate->callback([&app, stub_of, staff_name] {
    auto name = staff_name(f.staff);
    auto grade = ParseGrade(f.grade);
    if (!grade)
      app.Usage(app.out.T("--grade phải là xuat_sac, tot, hoan_thanh hoặc khong_hoan_thanh",
                          "--grade must be xuat_sac, tot, hoan_thanh or khong_hoan_thanh"));
    if (!name || !grade) return;
    sv::CreateRatingRequest request;
    request.set_parent(*name);
    request.mutable_rating()->set_year(f.year);
    request.mutable_rating()->set_quarter(f.quarter);
    request.mutable_rating()->set_grade(*grade);
    request.set_request_id(
        app.RequestId(absl::StrCat("cli-rate-", IdOf(*name), "-", f.year, "-", f.quarter)));
    Session session = app.NewSession();
    sv::Rating rating;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub_of(session)->CreateRating(c, request, &rating); }))
      return;
    if (app.out.json) return app.out.Json(rating);
    app.out.Line(absl::StrCat(app.out.T("Đã ghi ", "Recorded "), rating.name()));
  });

  auto* quota = staff->add_subcommand("quota", "Giao chỉ tiêu biên chế của năm (set the year's quota)");
  quota->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  quota->add_option("--year", f.year, "Năm")->required();
  quota->add_option("--civil-servants", f.civil, "Biên chế công chức")->required();
  quota->add_option("--public-employees", f.pub, "Số lượng người làm việc hưởng lương NSNN")->required();
  quota->add_option("--contract", f.contract, "Hợp đồng lao động");
  quota->add_option("--decision", f.number, "Số quyết định giao");
  quota->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    sv::CreateStaffingQuotaRequest request;
    request.set_parent(*school);
    sv::StaffingQuota* q = request.mutable_staffing_quota();
    q->set_year(f.year);
    q->set_civil_servant_quota(f.civil);
    q->set_public_employee_quota(f.pub);
    q->set_contract_quota(std::max(0, f.contract));
    q->set_decision_number(f.number);
    request.set_request_id(app.RequestId(absl::StrCat("cli-quota-", IdOf(*school), "-", f.year)));
    Session session = app.NewSession();
    sv::StaffingQuota created;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->CreateStaffingQuota(c, request, &created);
        }))
      return;
    if (app.out.json) return app.out.Json(created);
    app.out.Line(absl::StrCat(app.out.T("Đã giao chỉ tiêu ", "Quota set: "), created.name()));
  });

  auto* catalog =
      staff->add_subcommand("catalog", "Căn cứ pháp lý về tinh giản biên chế (downsizing catalog)");
  catalog->add_option("--as-of", f.as_of, "Chỉ văn bản còn hiệu lực vào ngày này");
  catalog->callback([&app, stub_of] {
    sv::GetDownsizingCatalogRequest request;
    if (!f.as_of.empty()) {
      auto as_of = ParseDateFlag(app, "--as-of", f.as_of);
      if (!as_of) return;
      *request.mutable_as_of() = *as_of;
    }
    Session session = app.NewSession();
    sv::DownsizingCatalog response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->GetDownsizingCatalog(c, request, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : response.decrees()) {
      for (const auto& c : d.categories()) {
        rows.push_back({d.number(), FormatDate(d.effective_from()), FormatDate(d.effective_until()), c.code(),
                        c.article(), c.rating_based() ? app.out.T("theo xếp loại", "from ratings") : ""});
      }
    }
    app.out.Table(
        {app.out.T("Nghị định", "Decree"), app.out.T("Từ ngày", "From"), app.out.T("Đến trước", "Until"),
         app.out.T("Đối tượng", "Category"), app.out.T("Điều", "Article"), ""},
        rows);
  });

  auto* candidates = staff->add_subcommand("candidates", "Người thuộc diện tinh giản theo xếp loại");
  candidates->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  candidates->add_option("--year", f.year, "Năm xếp loại gần nhất đã hoàn tất")->required();
  AddExportOption(candidates, app);
  candidates->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    sv::ListDownsizingCandidatesRequest request;
    request.set_parent(*school);
    request.set_year(f.year);
    request.set_page_size(200);
    Session session = app.NewSession();
    sv::ListDownsizingCandidatesResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->ListDownsizingCandidates(c, request, &response);
        }))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : response.candidates())
      rows.push_back({IdOf(c.staff()), c.display_name(), c.category()});
    PrintList(
        app, app.out.T("Diện tinh giản", "Candidates"),
        {app.out.T("Nhân sự", "Staff"), app.out.T("Họ và tên", "Name"), app.out.T("Đối tượng", "Category")},
        rows);
  });

  auto* email =
      staff->add_subcommand("email-usage", "Nhập báo cáo sử dụng thư điện tử của Thành phố (task 1.7)");
  email->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  email->add_option("--file", f.file, "Tệp CSV: email,last_used_date")->required();
  email->add_option("--report-date", f.date, "Ngày lập báo cáo")->required();
  email->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    auto date = ParseDateFlag(app, "--report-date", f.date);
    if (!school || !date) return;
    std::ifstream in(f.file, std::ios::binary);
    if (!in) return app.Usage(absl::StrCat(app.out.T("không đọc được tệp ", "cannot read "), f.file));
    std::stringstream bytes;
    bytes << in.rdbuf();
    sv::ImportCityEmailUsageRequest request;
    request.set_parent(*school);
    *request.mutable_report_date() = *date;
    request.set_csv(bytes.str());
    request.set_request_id(app.RequestId(absl::StrCat("cli-email-usage-", platform::RandomId())));
    Session session = app.NewSession();
    sv::ImportCityEmailUsageResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->ImportCityEmailUsage(c, request, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    app.out.Line(
        absl::StrFormat(app.out.T("Khớp %d địa chỉ, %d dòng không dùng được", "Matched %d, %d rows unused"),
                        response.matched_count(), response.errors_size()));
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : response.errors()) rows.push_back({absl::StrCat(e.row()), e.column(), e.message()});
    if (!rows.empty()) {
      app.out.Table({app.out.T("Dòng", "Line"), app.out.T("Cột", "Column"), app.out.T("Lý do", "Reason")},
                    rows);
    }
  });

  auto* summary = staff->add_subcommand("summary", "Số liệu nhân sự của kỳ (staffing figures of a period)");
  summary->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  summary->add_option("--from", f.from, "Ngày đầu kỳ")->required();
  summary->add_option("--to", f.to, "Ngày cuối kỳ")->required();
  summary->callback([&app, stub_of] {
    auto period = SchoolPeriodFlags(app, f.school, f.from, f.to);
    if (!period) return;
    sv::SummarizeStaffingRequest request;
    request.set_school(period->school);
    *request.mutable_period_start() = period->start;
    *request.mutable_period_end() = period->end;
    Session session = app.NewSession();
    sv::StaffingSummary s;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub_of(session)->SummarizeStaffing(c, request, &s); }))
      return;
    if (app.out.json) return app.out.Json(s);
    const Output& o = app.out;
    o.Table({o.T("Chỉ số", "Figure"), o.T("Giá trị", "Value")},
            {{o.T("Nhân sự (công chức / viên chức / hợp đồng)", "Staff (civil / public / contract)"),
              absl::StrFormat("%d (%d / %d / %d)", s.staff_count(), s.civil_servants(), s.public_employees(),
                              s.contract_staff())},
             {o.T("Chỉ tiêu biên chế (công chức / viên chức)", "Quota (civil / public)"),
              absl::StrFormat("%d / %d", s.civil_servant_quota(), s.public_employee_quota())},
             {o.T("Có thư điện tử TP / dùng trong 30 ngày", "City e-mail: accounts / used in 30 days"),
              absl::StrFormat("%d (%.1f%%) / %d (%.1f%%)", s.city_email_accounts(),
                              s.city_email_account_rate(), s.city_email_users(), s.city_email_use_rate())},
             {o.T("Đánh giá quý đã ghi / phải ghi", "Quarterly ratings recorded / due"),
              absl::StrFormat("%d / %d (%.1f%%)", s.ratings_recorded(), s.ratings_due(),
                              s.rating_completion_rate())},
             {o.T("Xuất sắc / tốt / hoàn thành / không hoàn thành",
                  "Excellent / good / completed / not completed"),
              absl::StrFormat("%d / %d / %d / %d", s.rated_excellent(), s.rated_good(), s.rated_completed(),
                              s.rated_not_completed())},
             {o.T("Tinh giản: đề xuất / đã thực hiện / diện theo xếp loại",
                  "Downsizing: proposed / effective / candidates"),
              absl::StrFormat("%d / %d / %d", s.downsizing_proposed(), s.downsizing_effective(),
                              s.downsizing_candidates())},
             {o.T("Giảm công chức / viên chức; tiến độ", "Reduction civil / public; progress"),
              absl::StrFormat("%.1f%% / %.1f%%; %.1f%%", s.civil_servant_reduction_percent(),
                              s.public_employee_reduction_percent(), s.downsizing_progress_percent())},
             {o.T("Kiểm tra kỷ luật (đột xuất) / vi phạm", "Discipline checks (surprise) / violations"),
              absl::StrFormat("%d (%d) / %d", s.discipline_inspections(), s.surprise_inspections(),
                              s.discipline_violations())}});
  });

  auto* inspections =
      staff->add_subcommand("inspections", "Kiểm tra kỷ luật, kỷ cương hành chính (task 1.4)");
  inspections->require_subcommand(1);
  auto* inspections_list = inspections->add_subcommand("list", "Danh sách các cuộc kiểm tra");
  inspections_list->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  AddExportOption(inspections_list, app);
  inspections_list->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    sv::ListDisciplineInspectionsRequest request;
    request.set_parent(*school);
    request.set_page_size(200);
    Session session = app.NewSession();
    sv::ListDisciplineInspectionsResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->ListDisciplineInspections(c, request, &response);
        }))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    std::vector<std::vector<std::string>> rows;
    for (const auto& i : response.discipline_inspections()) {
      int violations = 0;
      for (const auto& finding : i.findings()) violations += finding.violation() ? 1 : 0;
      rows.push_back({IdOf(i.name()), FormatDate(i.inspection_date()),
                      i.kind() == sv::INSPECTION_KIND_SURPRISE ? app.out.T("Đột xuất", "Surprise")
                                                               : app.out.T("Theo kế hoạch", "Scheduled"),
                      i.scope(), absl::StrCat(i.staff_checked()), absl::StrCat(violations),
                      i.document_number()});
    }
    PrintList(app, app.out.T("Kiểm tra", "Inspections"),
              {app.out.T("Mã", "Id"), app.out.T("Ngày", "Date"), app.out.T("Hình thức", "Kind"),
               app.out.T("Nội dung", "Scope"), app.out.T("Số người", "Checked"),
               app.out.T("Vi phạm", "Violations"), app.out.T("Biên bản", "Record")},
              rows);
  });
  auto* inspections_add = inspections->add_subcommand("add", "Ghi một cuộc kiểm tra");
  inspections_add->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  inspections_add->add_option("--kind", f.kind, "scheduled | surprise")->required();
  inspections_add->add_option("--date", f.date, "Ngày kiểm tra")->required();
  inspections_add->add_option("--scope", f.scope, "Nội dung kiểm tra");
  inspections_add->add_option("--inspector", f.inspectors, "Người kiểm tra (lặp lại được)");
  inspections_add->add_option("--checked", f.checked, "Số người được kiểm tra");
  inspections_add->add_option("--finding", f.findings, "Nhận xét chung (lặp lại được)");
  inspections_add->add_option("--violation", f.violations, "Vi phạm: MÃ_NHÂN_SỰ:mô tả (lặp lại được)");
  inspections_add->add_option("--action", f.action, "Biện pháp cho các vi phạm, ví dụ Nhắc nhở");
  inspections_add->add_option("--due", f.due, "Hạn khắc phục");
  inspections_add->add_option("--conclusion", f.conclusion, "Kết luận");
  inspections_add->add_option("--number", f.number, "Số biên bản");
  inspections_add->callback([&app, stub_of, staff_name] {
    auto school = app.SchoolName(f.school);
    auto date = ParseDateFlag(app, "--date", f.date);
    if (!school || !date) return;
    sv::CreateDisciplineInspectionRequest request;
    request.set_parent(*school);
    sv::DisciplineInspection* i = request.mutable_discipline_inspection();
    if (f.kind == "scheduled") i->set_kind(sv::INSPECTION_KIND_SCHEDULED);
    if (f.kind == "surprise") i->set_kind(sv::INSPECTION_KIND_SURPRISE);
    if (i->kind() == sv::INSPECTION_KIND_UNSPECIFIED) {
      return app.Usage(
          app.out.T("--kind phải là scheduled hoặc surprise", "--kind must be scheduled or surprise"));
    }
    *i->mutable_inspection_date() = *date;
    i->set_scope(f.scope);
    for (const auto& name : f.inspectors) i->add_inspectors(name);
    i->set_staff_checked(f.checked);
    for (const auto& text : f.findings) i->add_findings()->set_description(text);
    std::optional<common::v1::Date> due;
    if (!f.due.empty()) {
      due = ParseDateFlag(app, "--due", f.due);
      if (!due) return;
    }
    for (const auto& v : f.violations) {
      size_t colon = v.find(':');
      if (colon == std::string::npos || colon == 0) {
        return app.Usage(
            app.out.T("--violation có dạng MÃ_NHÂN_SỰ:mô tả", "--violation is STAFF_ID:description"));
      }
      auto name = staff_name(v.substr(0, colon));
      if (!name) return;
      sv::InspectionFinding* finding = i->add_findings();
      finding->set_staff(*name);
      finding->set_description(v.substr(colon + 1));
      finding->set_violation(true);
      finding->set_action(f.action);
      if (due) *finding->mutable_action_due_date() = *due;
    }
    i->set_conclusion(f.conclusion);
    i->set_document_number(f.number);
    request.set_request_id(app.RequestId(absl::StrCat("cli-inspection-", platform::RandomId())));
    Session session = app.NewSession();
    sv::DisciplineInspection created;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->CreateDisciplineInspection(c, request, &created);
        }))
      return;
    if (app.out.json) return app.out.Json(created);
    app.out.Line(absl::StrCat(app.out.T("Đã ghi ", "Recorded "), created.name()));
  });

  auto* suggest = staff->add_subcommand("suggest", "Gửi ý kiến về cơ chế, chính sách của trường (task 1.8)");
  suggest->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  suggest->add_option("--topic", f.topic, "Chủ đề, ví dụ Quy chế chi tiêu nội bộ")->required();
  suggest->add_option("--content", f.content, "Nội dung ý kiến")->required();
  suggest->add_flag("--anonymous", f.anonymous, "Gửi không ghi tên (không lưu tài khoản người gửi)");
  suggest->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    sv::CreateStaffSuggestionRequest request;
    request.set_parent(*school);
    request.mutable_staff_suggestion()->set_topic(f.topic);
    request.mutable_staff_suggestion()->set_content(f.content);
    request.mutable_staff_suggestion()->set_anonymous(f.anonymous);
    request.set_request_id(app.RequestId(absl::StrCat("cli-suggest-", platform::RandomId())));
    Session session = app.NewSession();
    sv::StaffSuggestion sent;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->CreateStaffSuggestion(c, request, &sent);
        }))
      return;
    if (app.out.json) return app.out.Json(sent);
    app.out.Line(absl::StrCat(app.out.T("Đã gửi ý kiến ", "Sent "), IdOf(sent.name())));
  });

  auto* suggestions = staff->add_subcommand("suggestions", "Các ý kiến của cán bộ, giáo viên, nhân viên");
  suggestions->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  suggestions->add_flag("--open", f.open_only, "Chỉ ý kiến chưa trả lời");
  AddExportOption(suggestions, app);
  suggestions->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    sv::ListStaffSuggestionsRequest request;
    request.set_parent(*school);
    if (f.open_only) request.set_state(sv::SUGGESTION_STATE_OPEN);
    request.set_page_size(200);
    Session session = app.NewSession();
    sv::ListStaffSuggestionsResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->ListStaffSuggestions(c, request, &response);
        }))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    std::vector<std::vector<std::string>> rows;
    Names names(session);
    for (const auto& s : response.staff_suggestions()) {
      rows.push_back({IdOf(s.name()), FormatDate(s.submit_date()), s.topic(), s.content(),
                      s.anonymous() ? app.out.T("(ẩn danh)", "(anonymous)") : names.Account(s.submitted_by()),
                      s.answer()});
    }
    PrintList(
        app, app.out.T("Ý kiến", "Suggestions"),
        {app.out.T("Mã", "Id"), app.out.T("Ngày", "Date"), app.out.T("Chủ đề", "Topic"),
         app.out.T("Nội dung", "Content"), app.out.T("Người gửi", "From"), app.out.T("Trả lời", "Answer")},
        rows);
  });

  auto* answer = staff->add_subcommand("answer", "Trả lời một ý kiến (school admins)");
  answer->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  answer->add_option("--suggestion", f.suggestion, "Mã ý kiến")->required();
  answer->add_option("--answer", f.answer, "Nội dung trả lời")->required();
  answer->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    sv::AnswerStaffSuggestionRequest request;
    request.set_name(absl::StrCat(*school, "/staffSuggestions/", f.suggestion));
    request.set_answer(f.answer);
    request.set_request_id(app.RequestId(absl::StrCat("cli-answer-", platform::RandomId())));
    Session session = app.NewSession();
    sv::StaffSuggestion answered;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->AnswerStaffSuggestion(c, request, &answered);
        }))
      return;
    if (app.out.json) return app.out.Json(answered);
    app.out.Line(absl::StrCat(app.out.T("Đã trả lời ", "Answered "), IdOf(answered.name())));
  });

  auto* board = staff->add_subcommand("board", "Ban Thanh tra nhân dân: thành viên và các cuộc họp");
  board->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  board->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    Session session = app.NewSession();
    auto stub = stub_of(session);
    sv::GetInspectionBoardRequest get;
    get.set_name(absl::StrCat(*school, "/inspectionBoard"));
    sv::InspectionBoard members;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub->GetInspectionBoard(c, get, &members); }))
      return;
    sv::ListBoardMeetingsRequest list;
    list.set_parent(*school);
    list.set_page_size(200);
    sv::ListBoardMeetingsResponse meetings;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return stub->ListBoardMeetings(c, list, &meetings); }))
      return;
    if (app.out.json) return app.out.JsonObject({{"board", &members}, {"meetings", &meetings}});
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : members.members()) {
      rows.push_back({IdOf(m.staff()), m.role() == sv::BOARD_ROLE_HEAD ? app.out.T("Trưởng ban", "Head")
                                       : m.role() == sv::BOARD_ROLE_DEPUTY
                                           ? app.out.T("Phó trưởng ban", "Deputy")
                                           : app.out.T("Thành viên", "Member")});
    }
    app.out.Table({app.out.T("Nhân sự", "Staff"), app.out.T("Vai trò", "Role")}, rows);
    rows.clear();
    for (const auto& m : meetings.board_meetings()) {
      int resolved = 0;
      for (const auto& r : m.recommendations()) resolved += r.has_resolved_date() ? 1 : 0;
      rows.push_back(
          {FormatDate(m.meeting_date()), m.minutes(), absl::StrCat(resolved, "/", m.recommendations_size())});
    }
    app.out.Table({app.out.T("Ngày họp", "Date"), app.out.T("Biên bản", "Minutes"),
                   app.out.T("Kiến nghị đã xử lý", "Recommendations resolved")},
                  rows);
  });

  auto* downsizing = staff->add_subcommand("downsizing", "Hồ sơ tinh giản biên chế (downsizing records)");
  downsizing->require_subcommand(1);

  auto* records = downsizing->add_subcommand("list", "Danh sách hồ sơ");
  records->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  records->add_option("--year", f.year, "Chỉ hồ sơ đề xuất trong năm này");
  AddExportOption(records, app);
  records->add_flag("--submitted", f.submitted_only,
                    "Chỉ hồ sơ đã trình trở đi (bản gửi Phòng Nội vụ, không gồm đề xuất nội bộ)");
  records->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    Session session = app.NewSession();
    auto stub = stub_of(session);
    sv::ListDownsizingRecordsRequest request;
    request.set_parent(*school);
    request.set_year(f.year);
    request.set_page_size(200);
    if (f.submitted_only) {
      for (auto state : {sv::DOWNSIZING_STATE_SUBMITTED, sv::DOWNSIZING_STATE_APPROVED,
                         sv::DOWNSIZING_STATE_REJECTED, sv::DOWNSIZING_STATE_EFFECTIVE}) {
        request.add_states(state);
      }
    }
    sv::ListDownsizingRecordsResponse all;
    if (!ListAll<sv::ListDownsizingRecordsRequest, sv::ListDownsizingRecordsResponse>(
            app, session, request,
            [&](grpc::ClientContext* c, const sv::ListDownsizingRecordsRequest& r,
                sv::ListDownsizingRecordsResponse* p) { return stub->ListDownsizingRecords(c, r, p); },
            [&](const sv::ListDownsizingRecordsResponse& p) {
              all.mutable_downsizing_records()->MergeFrom(p.downsizing_records());
            }))
      return;
    if (app.out.json) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : all.downsizing_records()) rows.push_back(RecordRow(app.out, r));
    if (Export(app, app.out.T("Tinh giản biên chế", "Downsizing"), RecordHeader(app.out), rows)) {
      return;
    }
    app.out.Table(RecordHeader(app.out), rows);
  });

  auto* propose = downsizing->add_subcommand("propose", "Lập hồ sơ đề xuất tinh giản");
  propose->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  propose->add_option("--staff", f.staff, "Mã định danh nhân sự")->required();
  propose->add_option("--decree", f.decree, "Mã nghị định, ví dụ 154/2025/ND-CP")->required();
  propose->add_option("--category", f.category, "Mã đối tượng (xem: staff catalog)")->required();
  propose->add_option("--policy", f.policy, "Mã chính sách")->required();
  propose->add_option("--date", f.date, "Ngày đề xuất")->required();
  propose->add_flag("--volunteered", f.volunteered, "Người lao động tự nguyện (có đơn)");
  propose->callback([&app, stub_of, staff_name] {
    auto school = app.SchoolName(f.school);
    auto name = staff_name(f.staff);
    auto date = ParseDateFlag(app, "--date", f.date);
    if (!school || !name || !date) return;
    sv::CreateDownsizingRecordRequest request;
    request.set_parent(*school);
    sv::DownsizingRecord* r = request.mutable_downsizing_record();
    r->set_staff(*name);
    r->set_decree(f.decree);
    r->set_category(f.category);
    r->set_policy(f.policy);
    *r->mutable_proposed_date() = *date;
    r->set_volunteered(f.volunteered);
    request.set_request_id(app.RequestId(absl::StrCat("cli-propose-", platform::RandomId())));
    Session session = app.NewSession();
    sv::DownsizingRecord record;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->CreateDownsizingRecord(c, request, &record);
        }))
      return;
    if (app.out.json) return app.out.Json(record);
    app.out.Table(RecordHeader(app.out), {RecordRow(app.out, record)});
  });

  // submit / approve / reject / effective / withdraw share their flags.
  enum class Step { kSubmit, kApprove, kReject, kEffective, kWithdraw };
  auto add_step = [&](const char* cmd, const char* help, Step step) {
    auto* sub = downsizing->add_subcommand(cmd, help);
    sub->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
    sub->add_option("--record", f.record, "Mã hồ sơ")->required();
    if (step != Step::kWithdraw) sub->add_option("--date", f.date, "Ngày của văn bản")->required();
    if (step == Step::kSubmit || step == Step::kApprove || step == Step::kReject) {
      sub->add_option("--number", f.number, "Số tờ trình / số quyết định");
    }
    if (step == Step::kReject || step == Step::kWithdraw)
      sub->add_option("--reason", f.reason, "Lý do")->required();
    sub->callback([&app, stub_of, record_name, step, cmd] {
      auto name = record_name(f.record);
      std::optional<common::v1::Date> date = common::v1::Date{};
      if (step != Step::kWithdraw) date = ParseDateFlag(app, "--date", f.date);
      if (!name || !date) return;
      Session session = app.NewSession();
      auto stub = stub_of(session);
      std::string id = app.RequestId(absl::StrCat("cli-", cmd, "-", IdOf(*name)));
      sv::DownsizingRecord record;
      bool ok = Call(app, session, [&](grpc::ClientContext* c) {
        switch (step) {
          case Step::kSubmit: {
            sv::SubmitDownsizingRecordRequest r;
            r.set_name(*name), r.set_submission_number(f.number), *r.mutable_submission_date() = *date;
            r.set_request_id(id);
            return stub->SubmitDownsizingRecord(c, r, &record);
          }
          case Step::kApprove: {
            sv::ApproveDownsizingRecordRequest r;
            r.set_name(*name), r.set_decision_number(f.number), *r.mutable_decision_date() = *date;
            r.set_request_id(id);
            return stub->ApproveDownsizingRecord(c, r, &record);
          }
          case Step::kReject: {
            sv::RejectDownsizingRecordRequest r;
            r.set_name(*name), r.set_decision_number(f.number), *r.mutable_decision_date() = *date;
            r.set_reason(f.reason), r.set_request_id(id);
            return stub->RejectDownsizingRecord(c, r, &record);
          }
          case Step::kEffective: {
            sv::MarkDownsizingEffectiveRequest r;
            r.set_name(*name), *r.mutable_effective_date() = *date, r.set_request_id(id);
            return stub->MarkDownsizingEffective(c, r, &record);
          }
          case Step::kWithdraw:
          default: {
            sv::WithdrawDownsizingRecordRequest r;
            r.set_name(*name), r.set_reason(f.reason), r.set_request_id(id);
            return stub->WithdrawDownsizingRecord(c, r, &record);
          }
        }
      });
      if (!ok) return;
      if (app.out.json) return app.out.Json(record);
      app.out.Table(RecordHeader(app.out), {RecordRow(app.out, record)});
    });
  };
  add_step("submit", "Trình cấp có thẩm quyền", Step::kSubmit);
  add_step("approve", "Ghi quyết định phê duyệt", Step::kApprove);
  add_step("reject", "Ghi quyết định không phê duyệt", Step::kReject);
  add_step("effective", "Ghi ngày thực hiện (người lao động nghỉ)", Step::kEffective);
  add_step("withdraw", "Rút hồ sơ", Step::kWithdraw);

  auto* overview = downsizing->add_subcommand(
      "overview", "Tiến độ tinh giản của mọi trường thuộc cơ quan (authority officers)");
  overview->add_option("--authority", f.school, "Cơ quan (mặc định: cơ quan của bạn)");
  overview->add_option("--plan", f.plan, "Kế hoạch (mặc định hcm-2023-2026)");
  AddExportOption(overview, app);
  overview->callback([&app] {
    gateway::v1::GetDownsizingOverviewRequest request;
    if (!f.school.empty()) {
      request.set_authority(
          absl::StartsWith(f.school, "authorities/") ? f.school : absl::StrCat("authorities/", f.school));
    }
    request.set_target_plan(f.plan);
    Session session = app.NewSession();
    gateway::v1::DownsizingOverview response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return gateway::v1::GatewayService::NewStub(session.channel())
              ->GetDownsizingOverview(c, request, &response);
        }))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    std::vector<std::vector<std::string>> rows;
    auto row = [&](const std::string& name, const sv::DownsizingProgress& p) {
      rows.push_back(
          {name, absl::StrFormat("%d → %d", p.target().baseline_civil_servants(), p.current_civil_servants()),
           absl::StrFormat("%.1f%%", p.civil_servant_reduction_percent()),
           absl::StrFormat("%d → %d", p.target().baseline_public_employees(), p.current_public_employees()),
           absl::StrFormat("%.1f%%", p.public_employee_reduction_percent()),
           absl::StrFormat("%.1f%%", p.progress_percent()),
           absl::StrCat(p.effective_records(), "/", p.approved_records(), "/", p.pending_records())});
    };
    for (const auto& s : response.schools()) row(s.display_name(), s.progress());
    row(absl::StrCat(app.out.T("Tổng: ", "Total: "), response.display_name()), response.totals());
    PrintList(app, app.out.T("Tinh giản các trường", "Downsizing by school"),
              {app.out.T("Trường", "School"), app.out.T("Công chức", "Civil servants"),
               app.out.T("Giảm", "Cut"), app.out.T("Viên chức NSNN", "Budget-paid employees"),
               app.out.T("Giảm", "Cut"), app.out.T("Tiến độ", "Progress"),
               app.out.T("Hồ sơ: xong/duyệt/chờ", "Records: done/approved/pending")},
              rows);
  });

  auto* progress = downsizing->add_subcommand("progress", "Tiến độ so với chỉ tiêu tinh giản (progress)");
  progress->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  progress->add_option("--plan", f.plan, "Kế hoạch (mặc định hcm-2023-2026)");
  progress->add_option("--as-of", f.as_of, "Tính đến ngày");
  progress->callback([&app, stub_of] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    sv::GetDownsizingProgressRequest request;
    request.set_name(absl::StrCat(*school, "/downsizingTargets/", f.plan));
    if (!f.as_of.empty()) {
      auto as_of = ParseDateFlag(app, "--as-of", f.as_of);
      if (!as_of) return;
      *request.mutable_as_of() = *as_of;
    }
    Session session = app.NewSession();
    sv::DownsizingProgress p;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return stub_of(session)->GetDownsizingProgress(c, request, &p);
        }))
      return;
    if (app.out.json) return app.out.Json(p);
    const auto& plan = p.target().plan();
    app.out.Table(
        {"", app.out.T("Gốc", "Baseline"), app.out.T("Hiện nay", "Now"), app.out.T("Đã giảm", "Reduced"),
         app.out.T("Chỉ tiêu", "Target")},
        {{app.out.T("Công chức", "Civil servants"), absl::StrCat(p.target().baseline_civil_servants()),
          absl::StrCat(p.current_civil_servants()),
          absl::StrFormat("%.1f%%", p.civil_servant_reduction_percent()),
          absl::StrFormat("≥ %.0f%%", plan.civil_servant_reduction_percent())},
         {app.out.T("Viên chức hưởng lương NSNN", "Budget-paid public employees"),
          absl::StrCat(p.target().baseline_public_employees()), absl::StrCat(p.current_public_employees()),
          absl::StrFormat("%.1f%%", p.public_employee_reduction_percent()),
          absl::StrFormat("≥ %.0f%%", plan.public_employee_reduction_percent())}});
    app.out.Line(absl::StrFormat(
        app.out.T("Tiến độ %.1f%% — %s; hồ sơ: %d đã thực hiện, %d đã duyệt, %d đang xử lý",
                  "Progress %.1f%% — %s; records: %d effective, %d approved, %d pending"),
        p.progress_percent(),
        p.target_met() ? app.out.T("đạt chỉ tiêu", "target met") : app.out.T("chưa đạt", "not met yet"),
        p.effective_records(), p.approved_records(), p.pending_records()));
  });
}  // namespace parhub::cli

}  // namespace parhub::cli
