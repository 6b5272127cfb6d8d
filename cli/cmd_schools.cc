// parhubctl schools: list the schools under an authority (search without
// diacritics works: "mam non 20/10").
#include "absl/strings/str_cat.h"
#include "cli/app.h"
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

}  // namespace

void AddSchoolCommands(CLI::App& root, App& app) {
  static struct { std::string authority, query; } flags;
  auto* schools = root.add_subcommand("schools", "Danh sách trường (schools under an authority)");
  schools->add_option("--authority", flags.authority, "authorities/<id> hoặc <id> (mặc định: của bạn)");
  schools->add_option("--query", flags.query, "Tìm theo tên, mã, địa chỉ; không cần dấu (search)");
  schools->callback([&app] {
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
    if (app.out.json) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : all.schools()) {
      rows.push_back({IdOf(s.name()), s.code(), s.display_name(), LevelLabel(app.out, s.level()),
                      IdOf(s.authority()), s.address()});
    }
    app.out.Table({app.out.T("Mã định danh", "Id"), app.out.T("Mã", "Code"),
                   app.out.T("Tên trường", "School"), app.out.T("Cấp học", "Level"),
                   app.out.T("Cơ quan quản lý", "Authority"), app.out.T("Địa chỉ", "Address")},
                  rows);
  });
}

}  // namespace parhub::cli
