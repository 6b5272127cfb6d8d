// parhubctl directives: an authority publishes a directive to every school
// under it, lists its directives and sees each school's completion.
#include <map>

#include "absl/strings/str_cat.h"
#include "cli/app.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"

namespace parhub::cli {
namespace {

std::string TimelinessLabel(const Output& out, tasks::v1::Timeliness t) {
  switch (t) {
    case tasks::v1::TIMELINESS_WITHIN_DEADLINE:
      return out.T("Trong hạn", "Within deadline");
    case tasks::v1::TIMELINESS_OVERDUE:
      return out.T("Trễ hạn", "Overdue");
    case tasks::v1::TIMELINESS_DONE_ON_TIME:
      return out.T("Hoàn thành đúng hạn", "Done on time");
    case tasks::v1::TIMELINESS_DONE_LATE:
      return out.T("Hoàn thành trễ hạn", "Done late");
    case tasks::v1::TIMELINESS_CANCELLED:
      return out.T("Đã huỷ", "Cancelled");
    default:
      return "?";
  }
}

}  // namespace

void AddDirectiveCommands(CLI::App& root, App& app) {
  static struct { std::string authority, id, number, title, description, issue_date, due, par_field; } f;
  auto* directives =
      root.add_subcommand("directives", "Chỉ đạo của cơ quan quản lý (an authority's directives)");
  directives->require_subcommand(1);

  auto* publish = directives->add_subcommand("publish", "Ban hành chỉ đạo đến mọi trường trực thuộc");
  publish->add_option("--authority", f.authority, "Cơ quan (mặc định: của bạn)");
  publish->add_option("--id", f.id, "Mã định danh, ví dụ cv-953-2024")->required();
  publish->add_option("--number", f.number, "Số hiệu, ví dụ 953/UBND-NV")->required();
  publish->add_option("--title", f.title, "Trích yếu")->required();
  publish->add_option("--description", f.description, "Nội dung yêu cầu");
  publish->add_option("--issue-date", f.issue_date, "Ngày ban hành")->required();
  publish->add_option("--due", f.due, "Hạn các trường hoàn thành")->required();
  publish->add_option("--par-field", f.par_field, "Lĩnh vực PAR");
  publish->callback([&app] {
    auto authority = app.AuthorityName(f.authority);
    auto issue = ParseDateFlag(app, "--issue-date", f.issue_date);
    auto due = ParseDateFlag(app, "--due", f.due);
    if (!authority || !issue || !due) return;
    gateway::v1::PublishDirectiveRequest request;
    request.set_parent(*authority);
    request.set_directive_id(f.id);
    request.set_request_id(app.RequestId(absl::StrCat("cli-directive-", IdOf(*authority), "-", f.id)));
    auto* d = request.mutable_directive();
    d->set_number(f.number);
    d->set_title(f.title);
    d->set_description(f.description);
    *d->mutable_issue_date() = *issue;
    *d->mutable_due_date() = *due;
    d->set_par_field(f.par_field);
    Session session = app.NewSession();
    tasks::v1::Directive directive;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return gateway::v1::GatewayService::NewStub(session.channel())
              ->PublishDirective(c, request, &directive);
        }))
      return;
    if (app.out.json) return app.out.Json(directive);
    app.out.Line(absl::StrCat(app.out.T("Đã ban hành ", "Published "), directive.number(),
                              app.out.T(" đến ", " to "), directive.school_count(),
                              app.out.T(" trường", " schools")));
  });

  auto* list = directives->add_subcommand("list", "Liệt kê chỉ đạo");
  list->add_option("--authority", f.authority, "Cơ quan (mặc định: của bạn)");
  AddExportOption(list, app);
  list->callback([&app] {
    auto authority = app.AuthorityName(f.authority);
    if (!authority) return;
    Session session = app.NewSession();
    tasks::v1::ListDirectivesRequest request;
    request.set_parent(*authority);
    request.set_page_size(200);
    auto stub = tasks::v1::TaskService::NewStub(session.channel());
    tasks::v1::ListDirectivesResponse response;
    do {
      tasks::v1::ListDirectivesResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListDirectives(c, request, &page); }))
        return;
      response.mutable_directives()->MergeFrom(page.directives());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : response.directives()) {
      rows.push_back({IdOf(d.name()), d.number(), d.title(), FormatDate(d.issue_date()),
                      FormatDate(d.due_date()), absl::StrCat(d.school_count())});
    }
    PrintList(
        app, app.out.T("Chỉ đạo", "Directives"),
        {app.out.T("Mã định danh", "Id"), app.out.T("Số hiệu", "Number"), app.out.T("Trích yếu", "Title"),
         app.out.T("Ngày ban hành", "Issued"), app.out.T("Hạn", "Due"), app.out.T("Số trường", "Schools")},
        rows);
  });

  auto* progress = directives->add_subcommand("progress", "Tiến độ từng trường đối với một chỉ đạo");
  progress->add_option("--authority", f.authority, "Cơ quan (mặc định: của bạn)");
  progress->add_option("--id", f.id, "Mã định danh chỉ đạo")->required();
  AddExportOption(progress, app);
  progress->callback([&app] {
    auto authority = app.AuthorityName(f.authority);
    if (!authority) return;
    Session session = app.NewSession();
    tasks::v1::GetDirectiveProgressRequest request;
    request.set_name(absl::StrCat(*authority, "/directives/", f.id));
    tasks::v1::DirectiveProgress response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return tasks::v1::TaskService::NewStub(session.channel())
              ->GetDirectiveProgress(c, request, &response);
        }))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    app.out.Line(absl::StrCat(response.directive().number(), " — ", response.directive().title(), " (",
                              app.out.T("hạn ", "due "), FormatDate(response.directive().due_date()), ")"));
    // School names from the directory (best effort: ids when it cannot answer).
    std::map<std::string, std::string> names;
    directory::v1::ListSchoolsRequest list;
    list.set_parent(*authority);
    list.set_page_size(1000);
    auto directory = directory::v1::DirectoryService::NewStub(session.channel());
    do {
      auto context = session.NewContext();
      directory::v1::ListSchoolsResponse page;
      if (!directory->ListSchools(context.get(), list, &page).ok()) break;
      for (const auto& school : page.schools()) names[IdOf(school.name())] = school.display_name();
      list.set_page_token(page.next_page_token());
    } while (!list.page_token().empty());
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : response.schools()) {
      auto name = names.find(s.school_id());
      rows.push_back({name == names.end() ? s.school_id() : name->second,
                      TaskStatusLabel(app.out, s.status()), absl::StrCat(s.percent_done(), "%"),
                      TimelinessLabel(app.out, s.timeliness())});
    }
    PrintList(app, app.out.T("Tiến độ chỉ đạo", "Directive progress"),
              {app.out.T("Trường", "School"), app.out.T("Trạng thái", "Status"), app.out.T("Tiến độ", "Done"),
               app.out.T("Thời hạn", "Timeliness")},
              rows);
    app.out.Line(absl::StrCat(app.out.T("Đã hoàn thành: ", "Done: "), response.done_count(), "/",
                              response.schools_size(), app.out.T("; trễ hạn: ", "; overdue: "),
                              response.overdue_count()));
  });
}

}  // namespace parhub::cli
