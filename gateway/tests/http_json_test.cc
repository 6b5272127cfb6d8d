// HTTP/JSON requests and errors: query parameters and bodies fill the
// request by the proto3 JSON mapping (unknown fields refused, path and body
// fields not overridable), responses print zero values, gRPC statuses
// become the standard HTTP codes with their details as JSON, and the
// server's own answers (404, 405, CORS) are JSON too.
#include "gateway/http_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include "gateway/http_gateway.h"
#include "parhub/tasks/v1/tasks.pb.h"
#include "platform/core/errors.h"
#include "platform/core/retry_delay.h"
#include "platform/rpc/grpc_status.h"
#include "platform/testing/status_matchers.h"

namespace parhub::gateway {
namespace {

using ::parhub::testing::IsInvalidField;
using ::testing::HasSubstr;
using ::testing::Not;

class HttpJsonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto router = HttpRouter::Build(HttpBindings());
    ASSERT_TRUE(router.ok());
    router_ = *std::move(router);
  }
  std::unique_ptr<HttpMatch> Find(const char* verb, const char* path) {
    std::vector<std::string> allowed;
    return router_->Find(verb, path, &allowed);
  }
  std::unique_ptr<HttpRouter> router_;
};

TEST_F(HttpJsonTest, QueryParametersFillFieldsByProtoOrJsonName) {
  auto match = Find("GET", "/v1/schools/mn-2010/plans/par-2024/tasks");
  ASSERT_NE(match, nullptr);
  std::multimap<std::string, std::string> query = {{"statuses", "TASK_STATUS_IN_PROGRESS"},
                                                   {"statuses", "1"},
                                                   {"pageSize", "20"},
                                                   {"overdue_only", "true"},
                                                   {"dueAfter.year", "2024"},
                                                   {"due_after.month", "6"}};
  ASSERT_OK_AND_ASSIGN(auto request, BuildRequest(*match, query, ""));
  const auto& typed = static_cast<const tasks::v1::ListTasksRequest&>(*request);
  EXPECT_EQ(typed.parent(), "schools/mn-2010/plans/par-2024");
  ASSERT_EQ(typed.statuses_size(), 2);
  EXPECT_EQ(typed.statuses(0), tasks::v1::TASK_STATUS_IN_PROGRESS);
  EXPECT_EQ(typed.statuses(1), tasks::v1::TASK_STATUS_NOT_STARTED);
  EXPECT_EQ(typed.page_size(), 20);
  EXPECT_TRUE(typed.overdue_only());
  EXPECT_EQ(typed.due_after().year(), 2024);
  EXPECT_EQ(typed.due_after().month(), 6);
}

TEST_F(HttpJsonTest, BadQueryParametersNameThemselves) {
  auto match = Find("GET", "/v1/schools/mn-2010/plans/par-2024/tasks");
  ASSERT_NE(match, nullptr);
  EXPECT_THAT(BuildRequest(*match, {{"nope", "1"}}, ""), IsInvalidField("nope"));
  EXPECT_THAT(BuildRequest(*match, {{"pageSize", "many"}}, ""), IsInvalidField("page_size"));
  EXPECT_THAT(BuildRequest(*match, {{"overdueOnly", "yes"}}, ""), IsInvalidField("overdue_only"));
  EXPECT_THAT(BuildRequest(*match, {{"pageSize", "1"}, {"pageSize", "2"}}, ""), IsInvalidField("page_size"));
  EXPECT_THAT(BuildRequest(*match, {{"dueAfter", "2024-01-01"}}, ""), IsInvalidField("due_after"));
  // The path names the tenant; a query parameter may not replace it.
  EXPECT_THAT(BuildRequest(*match, {{"parent", "schools/other/plans/x"}}, ""), IsInvalidField("parent"));
  // GET has no body.
  EXPECT_THAT(BuildRequest(*match, {}, "{}"), IsInvalidField("body"));
}

TEST_F(HttpJsonTest, BodiesFillTheNamedFieldOrTheWholeRequest) {
  auto create = Find("POST", "/v1/schools/mn-2010/plans");
  ASSERT_NE(create, nullptr);
  ASSERT_OK_AND_ASSIGN(auto request,
                       BuildRequest(*create, {{"planId", "par-2026"}, {"requestId", "r1"}},
                                    R"({"title":"Kế hoạch 2026","year":2026,"status":"PLAN_STATUS_DRAFT"})"));
  const auto& typed = static_cast<const tasks::v1::CreatePlanRequest&>(*request);
  EXPECT_EQ(typed.parent(), "schools/mn-2010");
  EXPECT_EQ(typed.plan_id(), "par-2026");
  EXPECT_EQ(typed.request_id(), "r1");
  EXPECT_EQ(typed.plan().title(), "Kế hoạch 2026");
  EXPECT_EQ(typed.plan().year(), 2026);
  EXPECT_THAT(BuildRequest(*create, {{"plan.title", "x"}}, "{}"), IsInvalidField("plan.title"));
  EXPECT_THAT(BuildRequest(*create, {}, R"({"titel":"x"})"), IsInvalidField("body"));
  auto malformed = BuildRequest(*create, {}, R"({"title":)");
  EXPECT_THAT(malformed, IsInvalidField("body"));
  EXPECT_THAT(std::string(malformed.status().message()), HasSubstr("JSON"));

  auto custom = Find("POST", "/v1/schools/mn-2010/cases/c-1:reject");
  ASSERT_NE(custom, nullptr);
  ASSERT_OK_AND_ASSIGN(auto reject,
                       BuildRequest(*custom, {}, R"({"name":"schools/other/cases/x","reason":"r"})"));
  // The path wins over a name in the body.
  EXPECT_THAT(reject->DebugString(), HasSubstr("schools/mn-2010/cases/c-1"));
  EXPECT_THAT(reject->DebugString(), Not(HasSubstr("schools/other")));
  EXPECT_THAT(BuildRequest(*custom, {{"reason", "r"}}, "{}"), IsInvalidField("reason"));
}

TEST(HttpJson, ResponsesPrintZeroValuesWithJsonNames) {
  tasks::v1::ListPlansResponse response;
  response.add_plans()->set_name("schools/mn-2010/plans/par-2024");
  std::string json = ResponseJson(response);
  EXPECT_THAT(json, HasSubstr(R"("taskCount":0)"));
  EXPECT_THAT(json, HasSubstr(R"("nextPageToken":"")"));
  EXPECT_THAT(json, HasSubstr(R"("status":"PLAN_STATUS_UNSPECIFIED")"));
}

TEST(HttpJson, GrpcCodesMapToTheStandardHttpStatuses) {
  using C = grpc::StatusCode;
  const std::vector<std::pair<C, int>> table = {{C::OK, 200},
                                                {C::CANCELLED, 499},
                                                {C::UNKNOWN, 500},
                                                {C::INVALID_ARGUMENT, 400},
                                                {C::DEADLINE_EXCEEDED, 504},
                                                {C::NOT_FOUND, 404},
                                                {C::ALREADY_EXISTS, 409},
                                                {C::PERMISSION_DENIED, 403},
                                                {C::RESOURCE_EXHAUSTED, 429},
                                                {C::FAILED_PRECONDITION, 400},
                                                {C::ABORTED, 409},
                                                {C::OUT_OF_RANGE, 400},
                                                {C::UNIMPLEMENTED, 501},
                                                {C::INTERNAL, 500},
                                                {C::UNAVAILABLE, 503},
                                                {C::DATA_LOSS, 500},
                                                {C::UNAUTHENTICATED, 401}};
  for (const auto& [code, http] : table)
    EXPECT_EQ(HttpStatusOf(code), http) << platform::StatusCodeName(code);
}

TEST(HttpJson, ErrorsCarryTheirDetailsAsJson) {
  absl::Status invalid =
      platform::WithReason(platform::InvalidField("plan.title", "bắt buộc (required)"), "X_Y");
  HttpError error = ErrorJson(platform::ToGrpcStatus(invalid));
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(error.retry_after, "");
  EXPECT_THAT(error.body,
              HasSubstr(R"({"error":{"code":400,"status":"INVALID_ARGUMENT","message":"plan.title: )"));
  EXPECT_THAT(error.body, HasSubstr(R"("@type":"type.googleapis.com/google.rpc.BadRequest")"));
  EXPECT_THAT(error.body, HasSubstr(R"("fieldViolations":[{"field":"plan.title")"));
  EXPECT_THAT(error.body, HasSubstr(R"("reason":"X_Y")"));

  absl::Status limited = platform::WithRetryDelay(absl::ResourceExhaustedError("chậm lại (slow down)"),
                                                  absl::Milliseconds(29500));
  HttpError rate = ErrorJson(platform::ToGrpcStatus(limited));
  EXPECT_EQ(rate.http_status, 429);
  EXPECT_EQ(rate.retry_after, "30");
  EXPECT_THAT(rate.body, HasSubstr(R"("retryDelay":"29.500s")"));
  // The retry hint survives the wire both ways.
  EXPECT_EQ(platform::RetryDelay(platform::FromGrpcStatus(platform::ToGrpcStatus(limited))),
            absl::Milliseconds(29500));

  HttpError plain = ErrorJson(grpc::Status(grpc::StatusCode::NOT_FOUND, "Không tìm thấy \"x\"\n"));
  EXPECT_EQ(plain.body,
            R"({"error":{"code":404,"status":"NOT_FOUND","message":"Không tìm thấy \"x\"\n","details":[]}})");
}

class HttpGatewayHandleTest : public ::testing::Test {
 protected:
  HttpGatewayHandleTest() : gateway_(Options()) {}
  static HttpGatewayOptions Options() {
    HttpGatewayOptions options;
    options.cors_origins = {"https://parhub.example.vn"};
    return options;
  }
  httplib::Response Send(const std::string& method, const std::string& path, const std::string& origin = "") {
    httplib::Request request;
    request.method = method;
    request.path = path;
    if (!origin.empty()) request.headers.emplace("Origin", origin);
    httplib::Response response;
    gateway_.Handle(request, response);
    return response;
  }
  HttpGateway gateway_;
};

TEST_F(HttpGatewayHandleTest, UnknownPathsAndVerbsAreJsonErrors) {
  httplib::Response missing = Send("GET", "/v1/nothing/here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.body, HasSubstr(R"("status":"NOT_FOUND")"));
  EXPECT_EQ(missing.get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(missing.get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(missing.get_header_value("Cache-Control"), "no-store");

  httplib::Response wrong = Send("DELETE", "/v1/whoami");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.get_header_value("Allow"), "GET");
  EXPECT_THAT(wrong.body, HasSubstr(R"("code":405)"));
}

TEST_F(HttpGatewayHandleTest, CorsIsClosedExceptForListedOrigins) {
  httplib::Response other = Send("OPTIONS", "/v1/whoami", "https://evil.example");
  EXPECT_EQ(other.status, 403);
  EXPECT_FALSE(other.has_header("Access-Control-Allow-Origin"));
  EXPECT_THAT(other.body, HasSubstr(R"("status":"PERMISSION_DENIED")"));

  httplib::Response listed = Send("OPTIONS", "/v1/whoami", "https://parhub.example.vn");
  EXPECT_EQ(listed.status, 204);
  EXPECT_EQ(listed.get_header_value("Access-Control-Allow-Origin"), "https://parhub.example.vn");
  EXPECT_THAT(listed.get_header_value("Access-Control-Allow-Headers"), HasSubstr("Authorization"));

  EXPECT_FALSE(Send("GET", "/v1/nothing", "https://evil.example").has_header("Access-Control-Allow-Origin"));
  EXPECT_EQ(
      Send("GET", "/v1/nothing", "https://parhub.example.vn").get_header_value("Access-Control-Allow-Origin"),
      "https://parhub.example.vn");
}

}  // namespace
}  // namespace parhub::gateway
