// parhubctl plans: list, instantiate the PAR template, and close, reopen or
// archive a plan (archived plans are listed only with --archived).
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "cli/app.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/resource_name.h"

namespace parhub::cli {
namespace {

std::string PlanStatusLabel(const Output& out, tasks::v1::PlanStatus status) {
  switch (status) {
    case tasks::v1::PLAN_STATUS_DRAFT:
      return out.T("Dự thảo", "Draft");
    case tasks::v1::PLAN_STATUS_ACTIVE:
      return out.T("Đang thực hiện", "Active");
    case tasks::v1::PLAN_STATUS_CLOSED:
      return out.T("Đã kết thúc", "Closed");
    case tasks::v1::PLAN_STATUS_ARCHIVED:
      return out.T("Đã lưu trữ", "Archived");
    default:
      return "?";
  }
}

void PrintPlans(App& app, const std::vector<tasks::v1::Plan>& plans) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : plans) {
    rows.push_back({IdOf(p.name()), p.number(), absl::StrCat(p.year()), p.title(), FormatDate(p.issue_date()),
                    absl::StrCat(p.task_count()), PlanStatusLabel(app.out, p.status())});
  }
  PrintList(app, app.out.T("Kế hoạch", "Plans"),
            {app.out.T("Mã định danh", "Id"), app.out.T("Số hiệu", "Number"), app.out.T("Năm", "Year"),
             app.out.T("Tên kế hoạch", "Title"), app.out.T("Ngày ban hành", "Issued"),
             app.out.T("Số nhiệm vụ", "Tasks"), app.out.T("Trạng thái", "Status")},
            rows);
}

}  // namespace

void AddPlanCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, plan, template_name = "par-improvement", number, title, issue_date, issuer;
    int year = 0;
    bool archived = false;
  } f;
  auto* plans = root.add_subcommand("plans", "Kế hoạch của trường (a school's plans)");
  plans->require_subcommand(1);

  auto* list = plans->add_subcommand("list", "Liệt kê kế hoạch");
  list->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  list->add_option("--year", f.year, "Chỉ năm này");
  list->add_flag("--archived", f.archived, "Kể cả kế hoạch đã lưu trữ");
  AddExportOption(list, app);
  list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    Session session = app.NewSession();
    auto stub = tasks::v1::TaskService::NewStub(session.channel());
    tasks::v1::ListPlansRequest request;
    request.set_parent(*school);
    request.set_year(f.year);
    request.set_show_archived(f.archived);
    request.set_page_size(200);
    tasks::v1::ListPlansResponse all;
    do {
      tasks::v1::ListPlansResponse page;
      if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->ListPlans(c, request, &page); }))
        return;
      all.mutable_plans()->MergeFrom(page.plans());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    PrintPlans(app, {all.plans().begin(), all.plans().end()});
  });

  // close / reopen / archive: one status change each.
  struct StatusCommand {
    const char* name;
    const char* help;
    tasks::v1::PlanStatus status;
    const char* done_vi;
    const char* done_en;
  };
  static const StatusCommand kStatusCommands[] = {
      {"close", "Kết thúc kế hoạch: không nhận thêm nhiệm vụ, tiến độ (close a finished plan)",
       tasks::v1::PLAN_STATUS_CLOSED, "Đã kết thúc kế hoạch ", "Closed plan "},
      {"reopen", "Mở lại kế hoạch đã kết thúc hoặc lưu trữ (reopen a plan)", tasks::v1::PLAN_STATUS_ACTIVE,
       "Đã mở lại kế hoạch ", "Reopened plan "},
      {"archive", "Lưu trữ kế hoạch: ẩn khỏi danh sách (archive a plan)", tasks::v1::PLAN_STATUS_ARCHIVED,
       "Đã lưu trữ kế hoạch ", "Archived plan "},
  };
  for (const StatusCommand& command : kStatusCommands) {
    auto* sub = plans->add_subcommand(command.name, command.help);
    sub->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
    sub->add_option("--plan", f.plan, "Kế hoạch, ví dụ par-2024")->required();
    sub->callback([&app, &command] {
      auto name = app.PlanName(f.school, f.plan);
      if (!name) return;
      Session session = app.NewSession();
      tasks::v1::UpdatePlanRequest request;
      request.mutable_plan()->set_name(*name);
      request.mutable_plan()->set_status(command.status);
      request.mutable_update_mask()->add_paths("status");
      request.set_request_id(
          app.RequestId(absl::StrCat("cli-plan-", command.name, "-", platform::RandomHex(8))));
      tasks::v1::Plan plan;
      if (!Call(app, session, [&](grpc::ClientContext* c) {
            return tasks::v1::TaskService::NewStub(session.channel())->UpdatePlan(c, request, &plan);
          }))
        return;
      if (app.out.json) return app.out.Json(plan);
      app.out.Line(absl::StrCat(app.out.T(command.done_vi, command.done_en), IdOf(plan.name())));
      PrintPlans(app, {plan});
    });
  }

  auto* templates = plans->add_subcommand("templates", "Các mẫu kế hoạch (plan templates)");
  templates->callback([&app] {
    Session session = app.NewSession();
    tasks::v1::ListPlanTemplatesResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return tasks::v1::TaskService::NewStub(session.channel())->ListPlanTemplates(c, {}, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    // A template's title reads "… năm {year}": the year is the plan's.
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : response.templates()) {
      rows.push_back({IdOf(t.name()),
                      absl::StrReplaceAll(t.title(), {{"{year}", app.out.T("<năm>", "<year>")}}),
                      absl::StrCat(t.task_count())});
    }
    app.out.Table(
        {app.out.T("Mẫu", "Template"), app.out.T("Tên", "Title"), app.out.T("Số nhiệm vụ", "Tasks")}, rows);
    app.out.Line(app.out.T("<năm>: năm của kế hoạch, theo --year của plans instantiate",
                           "<year>: the plan's year, from --year of plans instantiate"));
  });

  auto* instantiate =
      plans->add_subcommand("instantiate", "Tạo kế hoạch từ mẫu (create a plan from a template)");
  instantiate->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  instantiate->add_option("--template", f.template_name, "Mẫu (mặc định par-improvement)");
  instantiate->add_option("--id", f.plan, "Mã định danh kế hoạch, ví dụ par-2024")->required();
  instantiate->add_option("--year", f.year, "Năm")->required();
  instantiate->add_option("--number", f.number, "Số hiệu, ví dụ 13/KH-MN2010")->required();
  instantiate->add_option("--issue-date", f.issue_date, "Ngày ban hành")->required();
  instantiate->add_option("--issuer", f.issuer, "Đơn vị ban hành (mặc định: tên trường)");
  instantiate->callback([&app] {
    auto school = app.SchoolName(f.school);
    auto issue = ParseDateFlag(app, "--issue-date", f.issue_date);
    if (!school || !issue) return;
    Session session = app.NewSession();
    tasks::v1::InstantiatePlanTemplateRequest request;
    request.set_parent(*school);
    request.set_template_(absl::StrCat("planTemplates/", f.template_name));
    request.set_plan_id(f.plan);
    request.set_year(f.year);
    request.set_number(f.number);
    *request.mutable_issue_date() = *issue;
    request.set_issuer(f.issuer);
    request.set_request_id(app.RequestId(absl::StrCat("cli-instantiate-", IdOf(*school), "-", f.plan)));
    tasks::v1::Plan plan;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return tasks::v1::TaskService::NewStub(session.channel())
              ->InstantiatePlanTemplate(c, request, &plan);
        }))
      return;
    if (app.out.json) return app.out.Json(plan);
    PrintPlans(app, {plan});
  });
}

}  // namespace parhub::cli
