// parhubctl overview: every school under an authority, least complete
// first, with schools that could not answer listed with their error; for a
// past period, grouped by the directory tree of that day, schools that
// joined the authority since labelled with where they were then.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/app.h"
#include "cli/names.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"

namespace parhub::cli {

void AddOverviewCommand(CLI::App& root, App& app) {
  static struct { std::string authority, from, to, as_of; } f;
  auto* overview = root.add_subcommand("overview", "Tổng hợp tiến độ các trường (authority overview)");
  overview->add_option("--authority", f.authority, "Cơ quan (mặc định: của bạn)");
  overview->add_option("--from", f.from, "Nhiệm vụ có hạn từ ngày");
  overview->add_option("--to", f.to, "Nhiệm vụ có hạn đến ngày");
  overview->add_option("--as-of", f.as_of,
                       "Nhóm trường theo cơ quan quản lý tại ngày này (mặc định: ngày --to nếu đã qua, "
                       "nếu không là hôm nay)");
  AddExportOption(overview, app);
  overview->callback([&app] {
    auto authority = app.AuthorityName(f.authority);
    if (!authority) return;
    gateway::v1::GetAuthorityOverviewRequest request;
    request.set_authority(*authority);
    if (!f.from.empty()) {
      auto d = ParseDateFlag(app, "--from", f.from);
      if (!d) return;
      *request.mutable_period_start() = *d;
    }
    if (!f.to.empty()) {
      auto d = ParseDateFlag(app, "--to", f.to);
      if (!d) return;
      *request.mutable_period_end() = *d;
    }
    if (!f.as_of.empty()) {
      auto d = ParseDateFlag(app, "--as-of", f.as_of);
      if (!d) return;
      *request.mutable_as_of() = *d;
    }
    Session session = app.NewSession();
    gateway::v1::AuthorityOverview response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return gateway::v1::GatewayService::NewStub(session.channel())
              ->GetAuthorityOverview(c, request, &response);
        }))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    Names names(session);
    if (app.export_path.empty()) {
      app.out.Line(absl::StrCat(app.out.T("Tổng hợp: ", "Overview: "), response.display_name(), " — ",
                                response.schools_size(), app.out.T(" trường", " schools"),
                                app.out.T(", theo danh bạ ngày ", ", as the directory stood on "),
                                absl::StrFormat("%02d/%02d/%04d", response.as_of().day(),
                                                response.as_of().month(), response.as_of().year())));
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : response.schools()) {
      std::string authority = names.Authority(s.authority());
      if (s.joined_since()) {
        authority =
            s.authority().empty()
                ? app.out.T("(chưa có trường)", "(did not exist)")
                : absl::StrCat(authority, app.out.T(" (khi đó; nay thuộc đơn vị này)", " (then; now here)"));
      }
      if (!s.error().empty()) {
        rows.push_back({s.display_name(), authority, "-", "-", "-", "-", "-",
                        absl::StrCat(app.out.T("LỖI ", "ERROR "), s.error_code(), ": ", s.error())});
        continue;
      }
      const auto& t = s.tasks();
      double rate = t.total() == 0 ? 0 : 100.0 * t.done() / t.total();
      rows.push_back({s.display_name(), authority, absl::StrCat(t.total()), absl::StrCat(t.done()),
                      absl::StrFormat("%.0f%%", rate), absl::StrCat(t.overdue()),
                      absl::StrCat(t.done_on_time(), "/", t.done_late()), ""});
    }
    std::vector<std::string> header{app.out.T("Trường", "School"),
                                    app.out.T("Cơ quan", "Authority"),
                                    app.out.T("Nhiệm vụ", "Tasks"),
                                    app.out.T("Hoàn thành", "Done"),
                                    app.out.T("Tỷ lệ", "Rate"),
                                    app.out.T("Trễ hạn", "Overdue"),
                                    app.out.T("HT đúng hạn/HT trễ", "Done on time/late"),
                                    app.out.T("Ghi chú", "Note")};
    if (Export(app, app.out.T("Tổng hợp", "Overview"), header, rows)) return;
    app.out.Table(header, rows);
    app.out.Line(
        app.out.T("Trễ hạn: chưa hoàn thành và đã quá hạn. HT đúng hạn/HT trễ: số nhiệm vụ đã hoàn "
                  "thành đúng hạn / hoàn thành sau hạn.",
                  "Overdue: not done and past due. Done on time/late: tasks done by their due date / "
                  "done after it."));
    const auto& t = response.totals();
    app.out.Line(absl::StrCat(app.out.T("Tổng: ", "Total: "), t.done(), "/", t.total(),
                              app.out.T(" nhiệm vụ hoàn thành; ", " tasks done; "), t.overdue(),
                              app.out.T(" trễ hạn; ", " overdue; "), response.failed_schools(),
                              app.out.T(" trường không phản hồi", " schools did not answer")));
  });
}

}  // namespace parhub::cli
