// parhubctl schools: list the schools under an authority (search without
// diacritics works: "mam non 20/10"), create one, move one to another
// authority from an effective date, and show where a school belonged when.
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/app.h"
#include "cli/names.h"
#include "parhub/directory/v1/directory.grpc.pb.h"

namespace parhub::cli {
namespace {

std::string LevelLabel(const Output& out, directory::v1::SchoolLevel level) {
  switch (level) {
    case directory::v1::SCHOOL_LEVEL_KINDERGARTEN:
      return out.T("Mầm non", "Kindergarten");
    case directory::v1::SCHOOL_LEVEL_PRIMARY:
      return out.T("Tiểu học", "Primary");
    case directory::v1::SCHOOL_LEVEL_LOWER_SECONDARY:
      return out.T("THCS", "Lower secondary");
    case directory::v1::SCHOOL_LEVEL_UPPER_SECONDARY:
      return out.T("THPT", "Upper secondary");
    default:
      return "?";
  }
}

std::optional<directory::v1::SchoolLevel> ParseLevel(const std::string& text) {
  if (text == "mam-non") return directory::v1::SCHOOL_LEVEL_KINDERGARTEN;
  if (text == "tieu-hoc") return directory::v1::SCHOOL_LEVEL_PRIMARY;
  if (text == "thcs") return directory::v1::SCHOOL_LEVEL_LOWER_SECONDARY;
  if (text == "thpt") return directory::v1::SCHOOL_LEVEL_UPPER_SECONDARY;
  return std::nullopt;
}

void PrintSchool(App& app, Session& session, const directory::v1::School& s) {
  if (app.out.json) return app.out.Json(s);
  Names names(session);
  app.out.Table({app.out.T("Mã định danh", "Id"), app.out.T("Tên trường", "School"),
                 app.out.T("Cơ quan quản lý", "Authority")},
                {{IdOf(s.name()), s.display_name(), names.Authority(s.authority())}});
}

void AddSchoolAdminCommands(CLI::App* schools, App& app) {
  static struct { std::string id, code, name, level, address, authority, to, effective, reason; } f;
  auto* create =
      schools->add_subcommand("create", "Thêm trường dưới một cơ quan quản lý (authority officers)");
  create->add_option("--id", f.id, "Mã định danh, ví dụ mn-2010")->required();
  create->add_option("--code", f.code, "Mã trường")->required();
  create->add_option("--name", f.name, "Tên trường, ví dụ \"Trường Mầm non 20/10\"")->required();
  create->add_option("--level", f.level, "mam-non | tieu-hoc | thcs | thpt")->required();
  create->add_option("--address", f.address, "Địa chỉ");
  create->add_option("--authority", f.authority, "Cơ quan quản lý (mặc định: của bạn)");
  create->callback([&app] {
    auto authority = app.AuthorityName(f.authority);
    auto level = ParseLevel(f.level);
    if (!level) return app.Usage("--level: mam-non | tieu-hoc | thcs | thpt");
    if (!authority) return;
    directory::v1::CreateSchoolRequest request;
    request.set_school_id(f.id);
    request.set_request_id(app.RequestId(absl::StrCat("cli-school-", f.id)));
    auto* school = request.mutable_school();
    school->set_code(f.code);
    school->set_display_name(f.name);
    school->set_level(*level);
    school->set_address(f.address);
    school->set_authority(*authority);
    Session session = app.NewSession();
    directory::v1::School created;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return directory::v1::DirectoryService::NewStub(session.channel())
              ->CreateSchool(c, request, &created);
        })) {
      return;
    }
    PrintSchool(app, session, created);
  });

  auto* move = schools->add_subcommand("move", "Chuyển trường sang cơ quan khác từ một ngày (history kept)");
  move->add_option("--school", f.id, "Trường")->required();
  move->add_option("--to", f.to, "Cơ quan mới, ví dụ p-ben-thanh")->required();
  move->add_option("--effective", f.effective, "Ngày bắt đầu thuộc cơ quan mới, ví dụ 01/07/2025")
      ->required();
  move->add_option("--reason", f.reason, "Căn cứ, ví dụ số nghị quyết")->required();
  move->callback([&app] {
    auto effective = ParseDateFlag(app, "--effective", f.effective);
    if (!effective) return;
    directory::v1::MoveSchoolRequest request;
    request.set_name(absl::StartsWith(f.id, "schools/") ? f.id : absl::StrCat("schools/", f.id));
    request.set_authority(absl::StartsWith(f.to, "authorities/") ? f.to : absl::StrCat("authorities/", f.to));
    *request.mutable_effective_date() = *effective;
    request.set_reason(f.reason);
    request.set_request_id(app.RequestId(
        absl::StrCat("cli-move-", IdOf(request.name()), "-", IdOf(request.authority()), "-", f.effective)));
    Session session = app.NewSession();
    directory::v1::School moved;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return directory::v1::DirectoryService::NewStub(session.channel())->MoveSchool(c, request, &moved);
        })) {
      return;
    }
    PrintSchool(app, session, moved);
  });

  auto* history =
      schools->add_subcommand("history", "Trường thuộc cơ quan nào, từ khi nào (membership history)");
  history->add_option("--school", f.id, "Trường (mặc định: trường của bạn)");
  AddExportOption(history, app);
  history->callback([&app] {
    auto school = app.SchoolName(f.id);
    if (!school) return;
    directory::v1::ListSchoolMembershipsRequest request;
    request.set_name(*school);
    Session session = app.NewSession();
    directory::v1::ListSchoolMembershipsResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return directory::v1::DirectoryService::NewStub(session.channel())
              ->ListSchoolMemberships(c, request, &response);
        })) {
      return;
    }
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    std::vector<std::vector<std::string>> rows;
    Names names(session);
    for (const auto& m : response.memberships()) {
      rows.push_back({names.Authority(m.authority()), FormatDate(m.effective_from()),
                      FormatDate(m.effective_until()), m.reason()});
    }
    PrintList(app, app.out.T("Lịch sử trực thuộc", "Membership history"),
              {app.out.T("Cơ quan quản lý", "Authority"), app.out.T("Từ ngày", "From"),
               app.out.T("Đến trước ngày", "Until"), app.out.T("Căn cứ", "Reason")},
              rows);
  });
}

}  // namespace

void AddSchoolCommands(CLI::App& root, App& app) {
  static struct { std::string authority, query; } flags;
  auto* schools = root.add_subcommand("schools", "Danh sách trường (schools under an authority)");
  schools->require_subcommand(0, 1);
  AddSchoolAdminCommands(schools, app);
  schools->add_option("--authority", flags.authority, "authorities/<id> hoặc <id> (mặc định: của bạn)");
  schools->add_option("--query", flags.query, "Tìm theo tên, mã, địa chỉ; không cần dấu (search)");
  AddExportOption(schools, app);
  schools->callback([&app, schools] {
    if (!schools->get_subcommands().empty()) return;  // create / move / history ran instead
    auto authority = app.AuthorityName(flags.authority);
    if (!authority) return;
    Session session = app.NewSession();
    auto stub = directory::v1::DirectoryService::NewStub(session.channel());
    directory::v1::ListSchoolsRequest request;
    request.set_parent(*authority);
    request.set_query(flags.query);
    request.set_page_size(1000);
    directory::v1::ListSchoolsResponse all;
    do {
      directory::v1::ListSchoolsResponse page;
      if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->ListSchools(c, request, &page); }))
        return;
      all.mutable_schools()->MergeFrom(page.schools());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    Names names(session);
    for (const auto& s : all.schools()) {
      rows.push_back({IdOf(s.name()), s.code(), s.display_name(), LevelLabel(app.out, s.level()),
                      names.Authority(s.authority()), s.address()});
    }
    PrintList(app, app.out.T("Trường", "Schools"),
              {app.out.T("Mã định danh", "Id"), app.out.T("Mã", "Code"), app.out.T("Tên trường", "School"),
               app.out.T("Cấp học", "Level"), app.out.T("Cơ quan quản lý", "Authority"),
               app.out.T("Địa chỉ", "Address")},
              rows);
  });
}

}  // namespace parhub::cli
