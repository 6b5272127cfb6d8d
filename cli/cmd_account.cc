// parhubctl login, whoami, health and keys: who you are to the gateway.
#include <grpcpp/generic/generic_stub.h>

#include <fstream>
#include <future>
#include <iostream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "cli/app.h"
#include "cli/names.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/tls.h"

namespace parhub::cli {
namespace {

// grpc.health.v1.Health/Check for the whole server (empty service name):
// the request is an empty message and the response's field 1 is the
// status enum (1 = SERVING). Debian ships no generated health client, so
// the two tiny messages are encoded by hand over a generic stub.
// A service speaks TLS only: with `ca_file` (parhub's CA) the check goes
// over TLS and verifies the server's certificate; without it, plaintext (the
// gateway's public port).
int CheckHealth(App& app, const std::string& address, const std::string& ca_file, int timeout_s) {
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (!ca_file.empty()) {
    auto tls = platform::CaOnlyChannelCredentials(ca_file);
    if (!tls.ok()) {
      app.Fail(kExitFailure, "LOCAL", app.out.T("Không đọc được chứng thư CA", "Cannot read the CA file"),
               std::string(tls.status().message()));
      return kExitFailure;
    }
    credentials = *tls;
  }
  auto channel = grpc::CreateChannel(address, credentials);
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(timeout_s));
  grpc::ByteBuffer request, response;
  grpc::Slice empty("", 0);
  request = grpc::ByteBuffer(&empty, 1);
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  grpc::Status status = done.get_future().get();
  if (!status.ok()) {
    app.Fail(kExitUnavailable, absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code())),
             app.out.T("Máy chủ không trả lời", "The server did not answer"),
             absl::StrCat(address, ": ", status.error_message()));
    return kExitUnavailable;
  }
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (response.Dump(&slices).ok()) {
    for (const auto& slice : slices) bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  bool serving = bytes.size() == 2 && bytes[0] == 0x08 && bytes[1] == 0x01;
  app.out.Line(absl::StrCat(address, ": ", serving ? "SERVING" : "NOT_SERVING"));
  return serving ? kExitOk : kExitUnavailable;
}

}  // namespace

void AddAccountCommands(CLI::App& root, App& app) {
  auto* login =
      root.add_subcommand("login", "Lưu khoá API và kiểm tra với cổng API (save and check an API key)");
  static std::string key, key_file, gateway;
  auto* key_option =
      login->add_option("--key", key, "Khoá API (API key, phk_…); lộ trong danh sách tiến trình");
  login
      ->add_option("--key-file", key_file,
                   "Tệp chứa khoá API, '-' là đầu vào chuẩn (file holding the API key, '-' for stdin; "
                   "keeps it off the command line)")
      ->excludes(key_option);
  login->callback([&app] {
    if (!key_file.empty()) {
      std::ifstream file;
      if (key_file != "-") file.open(key_file);
      std::istream& in = key_file == "-" ? std::cin : file;
      std::getline(in, key);
      key = std::string(absl::StripAsciiWhitespace(key));
    }
    if (key.empty()) {
      return app.Usage(app.out.T("cần --key hoặc --key-file", "an API key is required: --key or --key-file"));
    }
    Profile profile = LoadProfile();
    profile.api_key = key;
    if (!app.gateway.empty()) profile.gateway = app.gateway;
    Session session(profile, app.out, app.timeout_s);
    gateway::v1::WhoAmIResponse me;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return gateway::v1::GatewayService::NewStub(session.channel())->WhoAmI(c, {}, &me);
        }))
      return;
    profile.school = me.school();
    profile.authority = me.authority();
    std::string error;
    if (!SaveProfile(profile, &error)) {
      return app.Fail(kExitFailure, "LOCAL",
                      app.out.T("Không lưu được tệp cấu hình", "Cannot save the config file"), error);
    }
    app.out.Line(absl::StrCat(app.out.T("Đã đăng nhập: ", "Logged in: "), me.display_name(), " (",
                              RoleLabel(app.out, me.role()), ") — ", ConfigPath()));
  });

  auto* whoami = root.add_subcommand("whoami", "Tài khoản đang dùng (the account in use)");
  whoami->callback([&app] {
    Session session = app.NewSession();
    gateway::v1::WhoAmIResponse me;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return gateway::v1::GatewayService::NewStub(session.channel())->WhoAmI(c, {}, &me);
        }))
      return;
    if (app.out.json) return app.out.Json(me);
    // A school account names its school; an officer its authority and how
    // many schools it oversees.
    Names names(session);
    std::vector<std::string> header{app.out.T("Tài khoản", "Account"), app.out.T("Họ tên", "Name"),
                                    app.out.T("Vai trò", "Role")};
    std::vector<std::string> row{IdOf(me.account()), me.display_name(), RoleLabel(app.out, me.role())};
    if (!me.school().empty()) {
      header.push_back(app.out.T("Trường", "School"));
      row.push_back(absl::StrCat(names.School(me.school()), " (", IdOf(me.school()), ")"));
    } else if (!me.authority().empty()) {
      header.push_back(app.out.T("Cơ quan quản lý", "Authority"));
      row.push_back(absl::StrCat(names.Authority(me.authority()), " (", IdOf(me.authority()), ")"));
      header.push_back(app.out.T("Số trường trực thuộc", "Schools overseen"));
      row.push_back(absl::StrCat(me.school_count()));
    }
    app.out.Table(header, {row});
  });

  auto* health = root.add_subcommand("health", "Kiểm tra sức khoẻ một máy chủ gRPC (grpc.health.v1 check)");
  static std::string address, ca_file;
  health->add_option("--addr", address, "host:port")->required();
  health->add_option(
      "--tls-ca", ca_file,
      "Chứng thư CA của parhub: kiểm tra một dịch vụ qua TLS (CA file; services speak TLS only)");
  health->callback([&app] { app.exit_code = CheckHealth(app, address, ca_file, app.timeout_s); });

  auto* keys = root.add_subcommand("keys", "Khoá API (API keys)");
  keys->require_subcommand(1);
  auto* create = keys->add_subcommand("create", "Tạo khoá API cho một tài khoản (secret shown once)");
  static std::string account, label;
  create->add_option("--account", account, "accounts/<id> hoặc <id>")->required();
  create->add_option("--label", label, "Dùng cho việc gì (what it is for)");
  create->callback([&app] {
    Session session = app.NewSession();
    directory::v1::CreateApiKeyRequest request;
    request.set_parent(account.find('/') == std::string::npos ? absl::StrCat("accounts/", account) : account);
    request.set_display_name(label);
    request.set_request_id(app.RequestId(absl::StrCat("cli-key-", platform::RandomHex(8))));
    directory::v1::CreateApiKeyResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return directory::v1::DirectoryService::NewStub(session.channel())
              ->CreateApiKey(c, request, &response);
        }))
      return;
    if (app.out.json) return app.out.Json(response);
    app.out.Line(absl::StrCat(app.out.T("Khoá mới (chỉ hiện một lần): ", "New key (shown once): "),
                              response.secret()));
  });

  auto* list = keys->add_subcommand("list", "Liệt kê khoá của một tài khoản (never their secrets)");
  list->add_option("--account", account, "accounts/<id> hoặc <id>")->required();
  AddExportOption(list, app);
  list->callback([&app] {
    Session session = app.NewSession();
    directory::v1::ListApiKeysRequest request;
    request.set_parent(account.find('/') == std::string::npos ? absl::StrCat("accounts/", account) : account);
    directory::v1::ListApiKeysResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return directory::v1::DirectoryService::NewStub(session.channel())
              ->ListApiKeys(c, request, &response);
        }))
      return;
    if (app.out.json && app.export_path.empty()) return app.out.Json(response);
    auto when = [](const google::protobuf::Timestamp& t) {
      return t.seconds() == 0 ? std::string()
                              : absl::FormatTime("%d/%m/%Y %H:%M", absl::FromUnixSeconds(t.seconds()),
                                                 absl::FixedTimeZone(7 * 3600));
    };
    std::vector<std::vector<std::string>> rows;
    for (const auto& k : response.api_keys()) {
      rows.push_back({k.name(), k.display_name(), k.prefix() + "…", when(k.create_time()),
                      when(k.last_used_time()), when(k.revoke_time())});
    }
    PrintList(app, app.out.T("Khoá API", "API keys"),
              {app.out.T("Khoá", "Key"), app.out.T("Dùng cho", "Label"), app.out.T("Tiền tố", "Prefix"),
               app.out.T("Tạo lúc", "Created"), app.out.T("Dùng lần cuối", "Last used"),
               app.out.T("Thu hồi lúc", "Revoked")},
              rows);
  });

  auto* revoke = keys->add_subcommand("revoke", "Thu hồi khoá (the gateway refuses it within seconds)");
  static std::string key_name;
  revoke->add_option("--name", key_name, "accounts/<id>/apiKeys/<key> (từ 'keys list')")->required();
  revoke->callback([&app] {
    Session session = app.NewSession();
    directory::v1::RevokeApiKeyRequest request;
    request.set_name(key_name);
    request.set_request_id(absl::StrCat("cli-revoke-", key_name));  // revoking twice is the same request
    directory::v1::ApiKey revoked;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return directory::v1::DirectoryService::NewStub(session.channel())
              ->RevokeApiKey(c, request, &revoked);
        }))
      return;
    if (app.out.json) return app.out.Json(revoked);
    app.out.Line(absl::StrCat(app.out.T("Đã thu hồi ", "Revoked "), revoked.name()));
  });

  auto* accounts = root.add_subcommand("accounts", "Tài khoản (accounts)");
  accounts->require_subcommand(1);
  auto* create_account =
      accounts->add_subcommand("create", "Tạo tài khoản: cán bộ cơ quan, quản trị hoặc CB-GV-NV của trường");
  static struct { std::string id, name, email, role, school, authority; } a;
  create_account->add_option("--id", a.id, "Mã định danh, ví dụ gv-mn-2010")->required();
  create_account->add_option("--name", a.name, "Họ tên")->required();
  create_account->add_option("--email", a.email, "Thư điện tử");
  create_account->add_option("--role", a.role, "officer | admin | staff")->required();
  create_account->add_option("--school", a.school, "Trường (admin, staff; mặc định: trường của bạn)");
  create_account->add_option("--authority", a.authority, "Cơ quan (officer; mặc định: của bạn)");
  create_account->callback([&app] {
    directory::v1::CreateAccountRequest request;
    auto* account = request.mutable_account();
    if (a.role == "officer") {
      auto authority = app.AuthorityName(a.authority);
      if (!authority) return;
      account->set_role(common::v1::ROLE_AUTHORITY_OFFICER);
      account->set_authority(*authority);
    } else if (a.role == "admin" || a.role == "staff") {
      auto school = app.SchoolName(a.school);
      if (!school) return;
      account->set_role(a.role == "admin" ? common::v1::ROLE_SCHOOL_ADMIN : common::v1::ROLE_SCHOOL_STAFF);
      account->set_school(*school);
    } else {
      return app.Usage("--role: officer | admin | staff");
    }
    request.set_account_id(a.id);
    account->set_display_name(a.name);
    account->set_email(a.email);
    request.set_request_id(app.RequestId(absl::StrCat("cli-account-", a.id)));
    Session session = app.NewSession();
    directory::v1::Account created;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return directory::v1::DirectoryService::NewStub(session.channel())
              ->CreateAccount(c, request, &created);
        })) {
      return;
    }
    if (app.out.json) return app.out.Json(created);
    app.out.Line(absl::StrCat(app.out.T("Đã tạo tài khoản ", "Created account "), created.name(), " (",
                              RoleLabel(app.out, created.role()), "). ",
                              app.out.T("Tạo khoá: parhubctl keys create --account ",
                                        "Issue a key: parhubctl keys create --account "),
                              IdOf(created.name())));
  });
}

}  // namespace parhub::cli
