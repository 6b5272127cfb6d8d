// parhubctl notifications: what the reporting service's daily sweep
// recorded — the caller's digest of a day (the e-mail's subject and text,
// then a table), a school's notifications over days, and the officers'
// sweep of an authority's schools on demand, optionally e-mailing every
// account its digest.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/app.h"
#include "cli/notification_text.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"

namespace parhub::cli {
namespace {

namespace rpv = ::parhub::reporting::v1;

}  // namespace

void AddNotificationCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, authority, date, from, to;
    std::vector<std::string> kinds;
    bool all = false, send_email = false;
  } f;
  auto* group = root.add_subcommand(
      "notifications",
      "Thông báo: chỉ đạo mới, nhiệm vụ sắp đến hạn, quá hạn, báo cáo và hồ sơ sắp đến hạn (notifications)");
  group->require_subcommand(1);

  // --- digest ------------------------------------------------------------
  auto* digest = group->add_subcommand(
      "digest", "Bản tin thông báo của bạn trong một ngày (mặc định hôm nay; the caller's digest of a day)");
  digest->add_option("--date", f.date, "Ngày (mặc định: hôm nay)");
  digest->callback([&app] {
    rpv::GetNotificationDigestRequest request;
    if (!f.date.empty()) {
      auto day = ParseDateFlag(app, "--date", f.date);
      if (!day) return;
      *request.mutable_date() = *day;
    }
    Session session = app.NewSession();
    rpv::NotificationDigest response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return rpv::ReportingService::NewStub(session.channel())
              ->GetNotificationDigest(c, request, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    // The service writes the subject and text in Vietnamese, as e-mailed.
    app.out.Line(response.subject());
    app.out.Line("");
    app.out.Line(response.text());
    if (response.notifications().empty()) return;
    app.out.Line("");
    app.out.Line(NotificationCountsText(app.out, response));
    // An officer's digest spans the authority's schools.
    NotificationColumns columns;
    columns.school = app.OwnScope().school.empty();
    std::vector<std::vector<std::string>> rows;
    for (const auto& n : response.notifications()) rows.push_back(NotificationRow(app.out, n, columns));
    app.out.Table(NotificationHeader(app.out, columns), rows);
  });

  // --- list --------------------------------------------------------------
  auto* list =
      group->add_subcommand("list", "Thông báo của trường, ngày mới nhất trước (a school's notifications)");
  list->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  list->add_option("--from", f.from, "Ghi nhận từ ngày");
  list->add_option("--to", f.to, "Ghi nhận đến ngày");
  list->add_option("--kind", f.kinds, absl::StrCat("Loại (lặp lại được): ", kNotificationKindWords))
      ->delimiter(',');
  list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 50 thông báo)");
  AddExportOption(list, app);
  list->callback([&app] {
    rpv::ListNotificationsRequest request;
    for (const auto& text : f.kinds) {
      auto kind = ParseNotificationKind(text);
      if (!kind) return app.Usage(absl::StrCat("--kind: ", kNotificationKindWords));
      request.add_kinds(*kind);
    }
    auto from = [&](const common::v1::Date& d) { *request.mutable_occurred_after() = d; };
    auto to = [&](const common::v1::Date& d) { *request.mutable_occurred_before() = d; };
    if (!OptionalDateFlag(app, "--from", f.from, from) || !OptionalDateFlag(app, "--to", f.to, to)) return;
    auto school = app.SchoolName(f.school);
    if (!school) return;
    request.set_parent(*school);
    // A list written to a file is always complete.
    const bool exporting = !app.export_path.empty();
    const bool every_page = f.all || exporting;
    request.set_page_size(every_page ? 200 : 50);
    Session session = app.NewSession();
    auto stub = rpv::ReportingService::NewStub(session.channel());
    rpv::ListNotificationsResponse all;
    do {
      rpv::ListNotificationsResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListNotifications(c, request, &page); }))
        return;
      all.mutable_notifications()->MergeFrom(page.notifications());
      all.set_next_page_token(page.next_page_token());
      request.set_page_token(page.next_page_token());
    } while (every_page && !request.page_token().empty());
    if (app.out.json && !exporting) return app.out.Json(all);
    NotificationColumns columns;
    columns.day = true;
    columns.for_file = exporting;
    std::vector<std::vector<std::string>> rows;
    for (const auto& n : all.notifications()) rows.push_back(NotificationRow(app.out, n, columns));
    // The working days (last column) are a number in a workbook.
    PrintList(app, app.out.T("Thông báo", "Notifications"), NotificationHeader(app.out, columns), rows,
              {NotificationHeader(app.out, columns).size() - 1});
    if (!exporting && !all.next_page_token().empty()) {
      app.out.Line(
          app.out.T("Còn nữa: thêm --all để xem tất cả.", "More: add --all to see every notification."));
    }
  });

  // --- sweep (officers) ----------------------------------------------------
  auto* sweep = group->add_subcommand(
      "sweep",
      "Rà soát ngay các trường của cơ quan, ghi thông báo mới, gửi thư nếu yêu cầu (authority officers)");
  sweep->add_option("--authority", f.authority, "Cơ quan (mặc định: cơ quan của bạn)");
  sweep->add_option("--date", f.date, "Ngày rà soát (mặc định: hôm nay; tối đa ngày mai)");
  sweep->add_flag("--send-email", f.send_email,
                  "Gửi thư điện tử bản tin trong ngày cho mỗi tài khoản (mỗi tài khoản một lần một ngày)");
  sweep->callback([&app] {
    rpv::RunNotificationSweepRequest request;
    if (!f.date.empty()) {
      auto day = ParseDateFlag(app, "--date", f.date);
      if (!day) return;
      *request.mutable_date() = *day;
    }
    auto authority = app.AuthorityName(f.authority);
    if (!authority) return;
    request.set_parent(*authority);
    request.set_send_email(f.send_email);
    Session session = app.NewSession();
    rpv::NotificationSweep response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return rpv::ReportingService::NewStub(session.channel())
              ->RunNotificationSweep(c, request, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    for (const auto& line : SweepLines(app.out, response)) app.out.Line(line);
  });
}

}  // namespace parhub::cli
