// The browser face: files served from the dashboard's directory with their
// security headers, sessions made only from a JSON body with a key the
// gateway accepts, cookie attributes, CSRF on every write, stale cookies
// cleared, logout.
#include "gateway/web_app.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"

namespace parhub::gateway {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class WebAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("parhub-web-", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "vendor");
    Write("index.html", "<!doctype html><title>parhub</title>");
    Write("app.js", "export const x = 1;");
    Write("vendor/lib.js", "export default 2;");
    Write("README.md", "not served");
    auto app =
        WebApp::Load({dir_.string(), true, {}},
                     [this](const httplib::Request&, const std::string& auth, v1::WhoAmIResponse* answer) {
                       asked_.push_back(auth);
                       if (auth != "Bearer phk_good")
                         return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "khóa sai (bad key)");
                       answer->set_account("accounts/ht-a");
                       answer->set_display_name("Hiệu trưởng");
                       return grpc::Status::OK;
                     });
    ASSERT_TRUE(app.ok()) << app.status();
    app_ = *std::move(app);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) { std::ofstream(dir_ / name) << content; }
  static httplib::Request Request(const std::string& method, const std::string& path,
                                  httplib::Headers headers = {}, std::string body = "") {
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.headers = std::move(headers);
    request.body = std::move(body);
    return request;
  }
  httplib::Response Handle(const httplib::Request& request) {
    httplib::Response response;
    app_->Handle(request, response);
    return response;
  }
  // Logs in with the good key: the cookie ("name=value") and CSRF token.
  std::pair<std::string, std::string> LogIn() {
    httplib::Response r = Handle(
        Request("POST", "/web/session", {{"Content-Type", "application/json"}}, R"({"apiKey":"phk_good"})"));
    EXPECT_EQ(r.status, 200) << r.body;
    std::string cookie = r.get_header_value("Set-Cookie");
    std::string pair = cookie.substr(0, cookie.find(';'));
    size_t at = r.body.find("\"csrfToken\":\"") + 13;
    return {pair, r.body.substr(at, 64)};
  }

  std::filesystem::path dir_;
  std::unique_ptr<WebApp> app_;
  std::vector<std::string> asked_;
};

TEST_F(WebAppTest, ServesTheDashboardFilesWithAPolicyAndRevalidation) {
  httplib::Response index = Handle(Request("GET", "/"));
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>parhub</title>");
  EXPECT_THAT(index.get_header_value("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(index.get_header_value("Content-Security-Policy"), HasSubstr("script-src 'self'"));
  EXPECT_THAT(index.get_header_value("Content-Security-Policy"), HasSubstr("frame-ancestors 'none'"));
  EXPECT_EQ(index.get_header_value("X-Frame-Options"), "DENY");
  httplib::Response script = Handle(Request("GET", "/web/vendor/lib.js"));
  EXPECT_EQ(script.status, 200);
  EXPECT_THAT(script.get_header_value("Content-Type"), HasSubstr("text/javascript"));
  httplib::Response again =
      Handle(Request("GET", "/web/app.js",
                     {{"If-None-Match", Handle(Request("GET", "/web/app.js")).get_header_value("ETag")}}));
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  for (const char* path :
       {"/web/README.md", "/web/../CMakeLists.txt", "/web/index.html", "/web/nothing.js"}) {
    EXPECT_EQ(Handle(Request("GET", path)).status, 404) << path;
  }
  EXPECT_EQ(Handle(Request("POST", "/web/app.js")).status, 405);
  EXPECT_TRUE(WebApp::Serves("/"));
  EXPECT_TRUE(WebApp::Serves("/web/app.js"));
  EXPECT_FALSE(WebApp::Serves("/v1/whoami"));
}

TEST_F(WebAppTest, ADirectoryWithoutAnIndexIsRefused) {
  std::filesystem::remove(dir_ / "index.html");
  auto app = WebApp::Load({dir_.string(), true, {}}, nullptr);
  EXPECT_EQ(app.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(WebAppTest, LoginTakesOnlyAJsonBodyWithAKeyTheGatewayAccepts) {
  httplib::Response form = Handle(Request(
      "POST", "/web/session", {{"Content-Type", "application/x-www-form-urlencoded"}}, "apiKey=phk_good"));
  EXPECT_EQ(form.status, 415);
  for (const char* body :
       {"", "{}", R"({"apiKey":""})", R"({"apiKey":5})", R"({"apiKey":"phk_good","x":1})", "[1"}) {
    httplib::Response r =
        Handle(Request("POST", "/web/session", {{"Content-Type", "application/json"}}, body));
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_THAT(r.body, HasSubstr("apiKey"));
    EXPECT_TRUE(r.get_header_value("Set-Cookie").empty());
  }
  httplib::Response bad = Handle(
      Request("POST", "/web/session", {{"Content-Type", "application/json"}}, R"({"apiKey":"phk_bad"})"));
  EXPECT_EQ(bad.status, 401);
  EXPECT_TRUE(bad.get_header_value("Set-Cookie").empty());
  EXPECT_EQ(app_->sessions().size(), 0u) << "no session for a refused key";
  EXPECT_EQ(asked_, std::vector<std::string>{"Bearer phk_bad"})
      << "only a well-formed login asks the gateway";
}

TEST_F(WebAppTest, ASessionCookieIsHttpOnlyStrictAndSecure) {
  httplib::Response r = Handle(
      Request("POST", "/web/session", {{"Content-Type", "application/json"}}, R"({"apiKey":"phk_good"})"));
  ASSERT_EQ(r.status, 200) << r.body;
  std::string cookie = r.get_header_value("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("__Host-parhub_session="));
  EXPECT_THAT(cookie, HasSubstr("; Path=/; HttpOnly; SameSite=Strict"));
  EXPECT_THAT(cookie, HasSubstr("; Secure"));
  EXPECT_THAT(r.body, HasSubstr(R"("account":{"account":"accounts/ht-a")"));
  EXPECT_THAT(r.body, Not(HasSubstr("phk_good"))) << "the key never goes back to the browser";
  EXPECT_EQ(r.get_header_value("Cache-Control"), "no-store");
}

TEST_F(WebAppTest, TheCookieAuthorizesReadsAndWritesOnlyWithTheCsrfToken) {
  auto [cookie, csrf] = LogIn();
  httplib::Response response;
  WebApp::Outcome read =
      app_->Authorize(Request("GET", "/v1/whoami", {{"Cookie", "a=b; " + cookie}}), response);
  EXPECT_EQ(read.authorization, "Bearer phk_good");
  EXPECT_FALSE(read.refused.has_value());
  WebApp::Outcome forged = app_->Authorize(Request("POST", "/v1/x", {{"Cookie", cookie}}), response);
  ASSERT_TRUE(forged.refused.has_value());
  EXPECT_EQ(forged.refused->http_status, 403);
  EXPECT_FALSE(forged.authorization.has_value());
  WebApp::Outcome wrong = app_->Authorize(
      Request("PATCH", "/v1/x", {{"Cookie", cookie}, {"X-CSRF-Token", std::string(64, 'a')}}), response);
  EXPECT_EQ(wrong.refused->http_status, 403);
  WebApp::Outcome write =
      app_->Authorize(Request("POST", "/v1/x", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}), response);
  EXPECT_EQ(write.authorization, "Bearer phk_good");
  WebApp::Outcome header = app_->Authorize(
      Request("POST", "/v1/x", {{"Cookie", cookie}, {"Authorization", "Bearer phk_other"}}), response);
  EXPECT_EQ(header.authorization, "Bearer phk_other") << "an explicit key wins; browsers never add one";
  WebApp::Outcome anonymous = app_->Authorize(Request("POST", "/v1/public"), response);
  EXPECT_FALSE(anonymous.authorization.has_value());
  EXPECT_FALSE(anonymous.refused.has_value());
}

TEST_F(WebAppTest, AStaleCookieIsRefusedAndCleared) {
  httplib::Response response;
  WebApp::Outcome stale = app_->Authorize(
      Request("GET", "/v1/whoami", {{"Cookie", "__Host-parhub_session=" + std::string(64, 'f')}}), response);
  ASSERT_TRUE(stale.refused.has_value());
  EXPECT_EQ(stale.refused->http_status, 401);
  EXPECT_THAT(response.get_header_value("Set-Cookie"), HasSubstr("Max-Age=0"));
  EXPECT_EQ(Handle(Request("GET", "/web/session", {{"Cookie", "__Host-parhub_session=x"}})).status, 401);
}

TEST_F(WebAppTest, ResumeAndLogout) {
  auto [cookie, csrf] = LogIn();
  httplib::Response resumed = Handle(Request("GET", "/web/session", {{"Cookie", cookie}}));
  EXPECT_EQ(resumed.status, 200);
  EXPECT_THAT(resumed.body, HasSubstr(csrf));
  EXPECT_EQ(Handle(Request("DELETE", "/web/session", {{"Cookie", cookie}})).status, 403);
  EXPECT_EQ(app_->sessions().size(), 1u) << "a logout without the token changes nothing";
  httplib::Response out =
      Handle(Request("DELETE", "/web/session", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}));
  EXPECT_EQ(out.status, 204);
  EXPECT_THAT(out.get_header_value("Set-Cookie"), HasSubstr("Max-Age=0"));
  EXPECT_EQ(app_->sessions().size(), 0u);
  EXPECT_EQ(Handle(Request("GET", "/web/session", {{"Cookie", cookie}})).status, 401);
}

}  // namespace
}  // namespace parhub::gateway
