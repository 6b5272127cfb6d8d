// WebApp: the gateway's browser face. It serves the dashboard's files (read
// once from --web_dir: index.html at "/", everything else under "/web/"),
// makes and ends browser sessions (web_sessions.h):
//   POST   /web/session  {"apiKey":"phk_…"}  → cookie + {"csrfToken","account"}
//   GET    /web/session                      → {"csrfToken","account"} or 401
//   DELETE /web/session  (X-CSRF-Token)      → cookie cleared
// and turns a request's session cookie into the Authorization of its API
// call, refusing writes that lack the session's CSRF token.
//
// Pages are sent with a Content-Security-Policy that allows only the
// gateway's own scripts, styles and API (no inline script), and may not be
// framed. The cookie is `__Host-parhub_session` (Secure) unless
// --web_insecure_cookie is set for plain-HTTP development.
#ifndef PARHUB_GATEWAY_WEB_APP_H_
#define PARHUB_GATEWAY_WEB_APP_H_

#include <grpcpp/support/status.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "gateway/http_json.h"
#include "gateway/web_sessions.h"
#include "parhub/gateway/v1/gateway.pb.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace parhub::gateway {

struct WebAppOptions final {
  std::string dir;            // the built dashboard (index.html, app files, vendor/)
  bool secure_cookie = true;  // false only for plain-HTTP development and tests
  WebSessionLimits sessions;
};

// Asks the gateway who holds `authorization` ("Bearer phk_…"), as the
// HTTP request `from` (its address counts for abuse limits).
using WhoAmIFn = std::function<grpc::Status(const httplib::Request& from, const std::string& authorization,
                                            v1::WhoAmIResponse* answer)>;

class WebApp final {
 public:
  // Reads every file under options.dir (at most 500 files of 8 MiB);
  // NOT_FOUND when it has no index.html.
  static absl::StatusOr<std::unique_ptr<WebApp>> Load(WebAppOptions options, WhoAmIFn who_am_i);

  // Whether the path is the browser face's ("/" or under "/web/").
  static bool Serves(absl::string_view path);
  // Answers a request for one of those paths.
  void Handle(const httplib::Request& request, httplib::Response& response);

  // The Authorization of an API request: its own header if it has one;
  // else its live session's key ("Bearer …"); nullopt without a session
  // cookie (an anonymous, public call). An HttpError for a stale session
  // (401, the cookie cleared) or a write without the session's CSRF token
  // (403).
  struct Outcome final {
    std::optional<std::string> authorization;
    std::optional<HttpError> refused;
  };
  Outcome Authorize(const httplib::Request& request, httplib::Response& response);

  WebSessions& sessions() { return sessions_; }

 private:
  struct File final {
    std::string content;
    std::string type;
    std::string etag;
  };
  WebApp(WebAppOptions options, WhoAmIFn who_am_i);
  void ServeFile(const httplib::Request& request, httplib::Response& response) const;
  void Login(const httplib::Request& request, httplib::Response& response);
  void Resume(const httplib::Request& request, httplib::Response& response);
  void Logout(const httplib::Request& request, httplib::Response& response);
  std::string CookieName() const;
  std::string SessionIdOf(const httplib::Request& request) const;
  void SetCookie(httplib::Response& response, const std::string& value, absl::Duration max_age) const;

  WebAppOptions options_;
  WhoAmIFn who_am_i_;
  WebSessions sessions_;
  absl::flat_hash_map<std::string, File> files_;  // by URL path
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_WEB_APP_H_
