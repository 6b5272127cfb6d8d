// The dashboard's files and browser sessions (see web_app.h).
#include "gateway/web_app.h"

#include <google/protobuf/util/json_util.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "platform/core/crypto.h"

namespace parhub::gateway {
namespace {

constexpr char kJson[] = "application/json; charset=utf-8";
constexpr size_t kMaxFiles = 500;
constexpr uintmax_t kMaxFileBytes = 8 << 20;
// Only the gateway's own scripts, styles, images and API; no inline
// script, no framing, no form posts elsewhere.
constexpr char kPagePolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

std::string TypeOf(const std::filesystem::path& path) {
  static const auto* types =
      new absl::flat_hash_map<std::string, std::string>{{".html", "text/html; charset=utf-8"},
                                                        {".js", "text/javascript; charset=utf-8"},
                                                        {".mjs", "text/javascript; charset=utf-8"},
                                                        {".css", "text/css; charset=utf-8"},
                                                        {".svg", "image/svg+xml"},
                                                        {".png", "image/png"},
                                                        {".ico", "image/x-icon"},
                                                        {".json", "application/json; charset=utf-8"},
                                                        {".woff2", "font/woff2"}};
  auto it = types->find(absl::AsciiStrToLower(path.extension().string()));
  return it == types->end() ? "" : it->second;
}

void Send(httplib::Response& response, const HttpError& error) {
  response.status = error.http_status;
  response.set_content(error.body, kJson);
}

HttpError Refusal(int http_status, grpc::StatusCode code, const std::string& message) {
  return HttpLayerError(http_status, code, message);
}

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD"; }

}  // namespace

WebApp::WebApp(WebAppOptions options, WhoAmIFn who_am_i)
    : options_(std::move(options)), who_am_i_(std::move(who_am_i)), sessions_(options_.sessions) {}

absl::StatusOr<std::unique_ptr<WebApp>> WebApp::Load(WebAppOptions options, WhoAmIFn who_am_i) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path root = fs::weakly_canonical(options.dir, error);
  if (error || !fs::is_regular_file(root / "index.html")) {
    return absl::NotFoundError(absl::StrCat("--web_dir ", options.dir, " has no index.html"));
  }
  std::unique_ptr<WebApp> app(new WebApp(std::move(options), std::move(who_am_i)));
  for (fs::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
    if (!it->is_regular_file()) continue;
    std::string type = TypeOf(it->path());
    if (type.empty()) continue;  // not a kind of file the dashboard serves (e.g. a README)
    if (app->files_.size() >= kMaxFiles || it->file_size() > kMaxFileBytes) {
      return absl::InvalidArgumentError(absl::StrCat("--web_dir holds more than ", kMaxFiles,
                                                     " files or one over 8 MiB: ", it->path().string()));
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    std::string relative = fs::relative(it->path(), root).generic_string();
    std::string url = relative == "index.html" ? "/" : absl::StrCat("/web/", relative);
    std::string body = content.str();
    std::string etag = absl::StrCat("\"", platform::Sha256Hex(body).substr(0, 32), "\"");
    app->files_[url] = File{std::move(body), std::move(type), std::move(etag)};
  }
  if (error) return absl::UnavailableError(absl::StrCat("cannot read --web_dir: ", error.message()));
  return app;
}

bool WebApp::Serves(absl::string_view path) { return path == "/" || absl::StartsWith(path, "/web/"); }

void WebApp::Handle(const httplib::Request& request, httplib::Response& response) {
  if (request.path == "/web/session") {
    response.set_header("Cache-Control", "no-store");
    if (request.method == "POST") return Login(request, response);
    if (request.method == "GET") return Resume(request, response);
    if (request.method == "DELETE") return Logout(request, response);
    response.set_header("Allow", "GET, POST, DELETE");
    return Send(response, Refusal(405, grpc::StatusCode::UNIMPLEMENTED,
                                  "Phương thức không dùng được cho /web/session; dùng GET, POST, DELETE "
                                  "(method not allowed)"));
  }
  if (request.method != "GET" && request.method != "HEAD") {
    response.set_header("Allow", "GET");
    return Send(response, Refusal(405, grpc::StatusCode::UNIMPLEMENTED,
                                  "Trang chỉ đọc được bằng GET (pages are read with GET)"));
  }
  ServeFile(request, response);
}

void WebApp::ServeFile(const httplib::Request& request, httplib::Response& response) const {
  auto it = files_.find(request.path);
  if (it == files_.end()) {
    return Send(response, Refusal(404, grpc::StatusCode::NOT_FOUND,
                                  absl::StrCat("Không có tệp ", request.path, " (no such file)")));
  }
  const File& file = it->second;
  response.set_header("ETag", file.etag);
  response.set_header("Cache-Control", "no-cache");  // revalidate: a new release shows at once
  response.set_header("Content-Security-Policy", kPagePolicy);
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Referrer-Policy", "no-referrer");
  if (request.get_header_value("If-None-Match") == file.etag) {
    response.status = 304;
    return;
  }
  response.status = 200;
  response.set_content(file.content, file.type);
}

std::string WebApp::CookieName() const {
  return options_.secure_cookie ? "__Host-parhub_session" : "parhub_session";
}

std::string WebApp::SessionIdOf(const httplib::Request& request) const {
  const std::string name = CookieName();
  for (absl::string_view part : absl::StrSplit(request.get_header_value("Cookie"), ';')) {
    part = absl::StripAsciiWhitespace(part);
    if (absl::ConsumePrefix(&part, name) && absl::ConsumePrefix(&part, "=")) return std::string(part);
  }
  return "";
}

void WebApp::SetCookie(httplib::Response& response, const std::string& value, absl::Duration max_age) const {
  response.set_header("Set-Cookie",
                      absl::StrCat(CookieName(), "=", value, "; Path=/; HttpOnly; SameSite=Strict; Max-Age=",
                                   absl::ToInt64Seconds(max_age), options_.secure_cookie ? "; Secure" : ""));
}

void WebApp::Login(const httplib::Request& request, httplib::Response& response) {
  // JSON only: a form on another site cannot send it without a preflight
  // this gateway refuses, so no one logs a browser in behind its back.
  if (!absl::StartsWith(request.get_header_value("Content-Type"), "application/json")) {
    return Send(response, Refusal(415, grpc::StatusCode::INVALID_ARGUMENT,
                                  "Đăng nhập cần nội dung JSON {\"apiKey\": …} (login takes a JSON body)"));
  }
  v1::WebSessionRequest body;
  if (!google::protobuf::util::JsonStringToMessage(request.body, &body).ok() || body.api_key().empty()) {
    return Send(response, Refusal(400, grpc::StatusCode::INVALID_ARGUMENT,
                                  "Hãy nhập khóa API (apiKey: the API key is required, and nothing else)"));
  }
  std::string key = body.api_key();
  v1::WhoAmIResponse account;
  grpc::Status status = who_am_i_(request, absl::StrCat("Bearer ", key), &account);
  if (!status.ok()) return Send(response, ErrorJson(status));
  WebSessions::Created session = sessions_.Create(std::move(key));
  SetCookie(response, session.id, options_.sessions.lifetime);
  response.status = 200;
  response.set_content(absl::StrCat("{\"csrfToken\":", JsonQuote(session.csrf_token),
                                    ",\"account\":", ResponseJson(account), "}"),
                       kJson);
}

void WebApp::Resume(const httplib::Request& request, httplib::Response& response) {
  std::optional<WebSession> session = sessions_.Use(SessionIdOf(request));
  if (!session) {
    return Send(response,
                Refusal(401, grpc::StatusCode::UNAUTHENTICATED,
                        "Chưa đăng nhập hoặc phiên đã hết hạn (not logged in, or the session expired)"));
  }
  v1::WhoAmIResponse account;
  grpc::Status status = who_am_i_(request, absl::StrCat("Bearer ", session->api_key), &account);
  if (!status.ok()) {  // the key was revoked since: the session goes with it
    sessions_.End(SessionIdOf(request));
    SetCookie(response, "", absl::ZeroDuration());
    return Send(response, ErrorJson(status));
  }
  response.status = 200;
  response.set_content(absl::StrCat("{\"csrfToken\":", JsonQuote(session->csrf_token),
                                    ",\"account\":", ResponseJson(account), "}"),
                       kJson);
}

void WebApp::Logout(const httplib::Request& request, httplib::Response& response) {
  std::string id = SessionIdOf(request);
  std::optional<WebSession> session = sessions_.Use(id);
  if (session &&
      !platform::ConstantTimeEquals(request.get_header_value("X-CSRF-Token"), session->csrf_token)) {
    return Send(response,
                Refusal(403, grpc::StatusCode::PERMISSION_DENIED,
                        "Thiếu hoặc sai mã chống giả mạo X-CSRF-Token (CSRF token missing or wrong)"));
  }
  sessions_.End(id);
  SetCookie(response, "", absl::ZeroDuration());
  response.status = 204;
}

WebApp::Outcome WebApp::Authorize(const httplib::Request& request, httplib::Response& response) {
  if (std::string header = request.get_header_value("Authorization"); !header.empty()) return {header, {}};
  std::string id = SessionIdOf(request);
  if (id.empty()) return {};
  std::optional<WebSession> session = sessions_.Use(id);
  if (!session) {
    SetCookie(response, "", absl::ZeroDuration());
    return {{},
            Refusal(401, grpc::StatusCode::UNAUTHENTICATED,
                    "Phiên đăng nhập đã hết hạn, hãy đăng nhập lại (the session expired; log in again)")};
  }
  if (IsWrite(request.method) &&
      !platform::ConstantTimeEquals(request.get_header_value("X-CSRF-Token"), session->csrf_token)) {
    return {{},
            Refusal(403, grpc::StatusCode::PERMISSION_DENIED,
                    "Thiếu hoặc sai mã chống giả mạo X-CSRF-Token (CSRF token missing or wrong)")};
  }
  return {absl::StrCat("Bearer ", session->api_key), {}};
}

}  // namespace parhub::gateway
