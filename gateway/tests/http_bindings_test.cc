// The HTTP/JSON binding table: every routed, gateway and public method has
// exactly one binding; templates parse; no two bindings of a verb can match
// one path; every binding's own example path routes back to it with its
// path variables filled into the right request fields.
#include "gateway/http_bindings.h"

#include <gmock/gmock.h>
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gateway/http_json.h"
#include "gateway/route_table.h"
#include "parhub/citizen/v1/citizen.pb.h"
#include "parhub/gateway/v1/gateway.pb.h"
#include "parhub/tasks/v1/tasks.pb.h"
#include "platform/testing/status_matchers.h"

namespace parhub::gateway {
namespace {

using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Pair;

std::vector<std::string> MethodsOf(const google::protobuf::ServiceDescriptor& service) {
  std::vector<std::string> out;
  for (int i = 0; i < service.method_count(); ++i) {
    out.push_back(absl::StrCat("/", service.full_name(), "/", service.method(i)->name()));
  }
  return out;
}

// A concrete path for a template: "x<i>" for every wildcard.
std::string ExamplePath(const PathTemplate& tmpl) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < tmpl.segments.size(); ++i) {
    parts.push_back(tmpl.segments[i].wildcard ? absl::StrCat("x", i) : tmpl.segments[i].literal);
  }
  std::string path = absl::StrCat("/", absl::StrJoin(parts, "/"));
  if (!tmpl.custom_verb.empty()) absl::StrAppend(&path, ":", tmpl.custom_verb);
  return path;
}

// Reads a scalar field by dotted path as text.
std::string FieldText(const google::protobuf::Message& message, const std::string& path) {
  std::vector<const google::protobuf::FieldDescriptor*> chain;
  if (FindFieldPath(*message.GetDescriptor(), path, &chain) == nullptr) return "<none>";
  const google::protobuf::Message* current = &message;
  for (size_t i = 0; i + 1 < chain.size(); ++i)
    current = &current->GetReflection()->GetMessage(*current, chain[i]);
  const auto* leaf = chain.back();
  const auto* reflection = current->GetReflection();
  if (leaf->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_STRING)
    return reflection->GetString(*current, leaf);
  if (leaf->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_INT32)
    return absl::StrCat(reflection->GetInt32(*current, leaf));
  return "<unsupported>";
}

TEST(HttpBindings, EveryRoutedGatewayAuthorityAndPublicMethodHasExactlyOneBinding) {
  std::map<std::string, int> bound;
  for (const HttpBinding& b : HttpBindings()) ++bound[b.method];
  std::vector<std::string> expected;
  for (const Route& route : Routes()) expected.push_back(route.method);
  for (const auto& m : MethodsOf(*google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
           "parhub.gateway.v1.GatewayService")))
    expected.push_back(m);
  for (const auto& m : MethodsOf(*google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
           "parhub.citizen.v1.PublicService")))
    expected.push_back(m);
  for (const auto& m : MethodsOf(*google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
           "parhub.authority.v1.AuthorityService")))
    expected.push_back(m);
  for (const std::string& method : expected) EXPECT_EQ(bound[method], 1) << method;
  std::set<std::string> expected_set(expected.begin(), expected.end());
  for (const auto& [method, count] : bound)
    EXPECT_TRUE(expected_set.contains(method)) << "extra binding " << method;
  EXPECT_EQ(bound.size(), expected_set.size());
}

TEST(HttpBindings, TableBuildsWithoutOverlaps) {
  ASSERT_OK_AND_ASSIGN(auto router, HttpRouter::Build(HttpBindings()));
  EXPECT_EQ(router->routes().size(), HttpBindings().size());
  // Checked directly as well, pair by pair.
  const auto& routes = router->routes();
  for (size_t i = 0; i < routes.size(); ++i) {
    for (size_t j = i + 1; j < routes.size(); ++j) {
      if (std::string(routes[i].binding->verb) != routes[j].binding->verb) continue;
      EXPECT_FALSE(TemplatesOverlap(routes[i].tmpl, routes[j].tmpl))
          << routes[i].binding->path << " vs " << routes[j].binding->path;
    }
  }
}

TEST(HttpBindings, EveryExamplePathRoutesBackWithItsVariablesInTheRequest) {
  ASSERT_OK_AND_ASSIGN(auto router, HttpRouter::Build(HttpBindings()));
  for (const HttpRoute& route : router->routes()) {
    std::string path = ExamplePath(route.tmpl);
    std::vector<std::string> allowed;
    auto match = router->Find(route.binding->verb, path, &allowed);
    ASSERT_NE(match, nullptr) << path;
    EXPECT_EQ(match->route, &route) << path;
    std::string body = std::string(route.binding->body).empty() ? "" : "{}";
    // Integer path variables (holidayCalendars/{year}) need a number.
    if (route.tmpl.variables.size() == 1 && route.tmpl.variables[0].field == "year") {
      match->variables[0].second = "2025";
    }
    ASSERT_OK_AND_ASSIGN(auto request, BuildRequest(*match, {}, body));
    for (const auto& [field, value] : match->variables) {
      EXPECT_EQ(FieldText(*request, field), value) << route.binding->method << " " << field;
    }
  }
}

TEST(HttpBindings, TemplatesParse) {
  ASSERT_OK_AND_ASSIGN(PathTemplate t, ParsePathTemplate("/v1/{plan.name=schools/*/plans/*}:close"));
  ASSERT_EQ(t.segments.size(), 5u);
  EXPECT_EQ(t.segments[0].literal, "v1");
  EXPECT_TRUE(t.segments[2].wildcard);
  EXPECT_EQ(t.custom_verb, "close");
  ASSERT_EQ(t.variables.size(), 1u);
  EXPECT_EQ(t.variables[0].field, "plan.name");
  EXPECT_EQ(t.variables[0].begin, 1u);
  EXPECT_EQ(t.variables[0].end, 5u);
  ASSERT_OK_AND_ASSIGN(PathTemplate y, ParsePathTemplate("/v1/holidayCalendars/{year}"));
  EXPECT_TRUE(y.segments[2].wildcard);
  EXPECT_THAT(ParsePathTemplate("v1/x"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParsePathTemplate("/v1/{name=schools/**}"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParsePathTemplate("/v1/{name=schools/*"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParsePathTemplate("/v1//x"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParsePathTemplate("/v1/{a}/{a}"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(HttpBindings, OverlappingBindingsAreRefused) {
  std::vector<HttpBinding> bindings = {
      {"/parhub.tasks.v1.TaskService/GetPlan", "GET", "/v1/{name=schools/*/plans/*}", ""},
      {"/parhub.tasks.v1.TaskService/GetTask", "GET", "/v1/{name=schools/*/plans/*}", ""},
  };
  EXPECT_THAT(HttpRouter::Build(bindings), StatusIs(absl::StatusCode::kInvalidArgument));
  bindings[1] = {"/parhub.tasks.v1.TaskService/GetTask", "GET", "/v1/{name=schools/x/plans/*}", ""};
  EXPECT_THAT(HttpRouter::Build(bindings), StatusIs(absl::StatusCode::kInvalidArgument));
  bindings[1] = {"/parhub.tasks.v1.TaskService/GetTask", "GET", "/v1/{name=schools/*/plans/*}:x", ""};
  EXPECT_THAT(HttpRouter::Build(bindings), ::parhub::testing::IsOk());
}

TEST(HttpBindings, BadRowsAreRefused) {
  EXPECT_FALSE(HttpRouter::Build({{"/parhub.tasks.v1.TaskService/Nope", "GET", "/v1/x", ""}}).ok());
  EXPECT_FALSE(
      HttpRouter::Build({{"/parhub.tasks.v1.TaskService/GetPlan", "GET", "/v1/{nam=schools/*}", ""}}).ok());
  EXPECT_FALSE(HttpRouter::Build({{"/parhub.tasks.v1.TaskService/GetPlan", "GET", "/v1/{name}", "*"}}).ok());
  EXPECT_FALSE(
      HttpRouter::Build({{"/parhub.tasks.v1.TaskService/CreatePlan", "POST", "/v1/{parent}", "nope"}}).ok());
  EXPECT_FALSE(HttpRouter::Build({{"/parhub.tasks.v1.TaskService/GetPlan", "PUT", "/v1/{name}", ""}}).ok());
}

TEST(HttpRouter, FindsTheMethodAndItsVariables) {
  ASSERT_OK_AND_ASSIGN(auto router, HttpRouter::Build(HttpBindings()));
  std::vector<std::string> allowed;
  auto list = router->Find("GET", "/v1/schools/mn-2010/plans", &allowed);
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(std::string(list->route->binding->method), "/parhub.tasks.v1.TaskService/ListPlans");
  EXPECT_THAT(list->variables, ElementsAre(Pair("parent", "schools/mn-2010")));

  auto patch = router->Find("PATCH", "/v1/schools/mn-2010/plans/par-2024", &allowed);
  ASSERT_NE(patch, nullptr);
  EXPECT_THAT(patch->variables, ElementsAre(Pair("plan.name", "schools/mn-2010/plans/par-2024")));
  ASSERT_OK_AND_ASSIGN(auto update, BuildRequest(*patch, {}, R"({"title":"Kế hoạch"})"));
  const auto& typed = static_cast<const tasks::v1::UpdatePlanRequest&>(*update);
  EXPECT_EQ(typed.plan().name(), "schools/mn-2010/plans/par-2024");
  EXPECT_EQ(typed.plan().title(), "Kế hoạch");

  auto custom = router->Find("POST", "/v1/schools/mn-2010/cases/c-1:accept", &allowed);
  ASSERT_NE(custom, nullptr);
  EXPECT_EQ(std::string(custom->route->binding->method), "/parhub.complaints.v1.ComplaintService/AcceptCase");
  EXPECT_THAT(custom->variables, ElementsAre(Pair("name", "schools/mn-2010/cases/c-1")));

  EXPECT_NE(router->Find("HEAD", "/v1/whoami", &allowed), nullptr);
  EXPECT_EQ(router->Find("GET", "/v1/schools/mn-2010/plans/p:nope", &allowed), nullptr);
  EXPECT_TRUE(allowed.empty());
  EXPECT_EQ(router->Find("GET", "/v1/schools//plans", &allowed), nullptr);
  EXPECT_EQ(router->Find("GET", "/v2/whoami", &allowed), nullptr);
  EXPECT_EQ(router->Find("DELETE", "/v1/schools/mn-2010/plans", &allowed), nullptr);
  EXPECT_THAT(allowed, ElementsAre("GET", "POST"));
}

// docs/api/HTTP.md carries the table between its bindings markers.
TEST(HttpBindings, DocumentedTableMatchesTheCode) {
  std::string expected = "| verb | path | body | method |\n|---|---|---|---|\n";
  for (const HttpBinding& b : HttpBindings()) {
    std::string body = std::string(b.body).empty() ? "—" : absl::StrCat("`", b.body, "`");
    absl::StrAppend(&expected, "| ", b.verb, " | `", b.path, "` | ", body, " | `",
                    std::string(b.method).substr(std::string("/parhub.").size()), "` |\n");
  }
  std::ifstream in(std::string(PARHUB_SOURCE_DIR) + "/docs/api/HTTP.md");
  ASSERT_TRUE(in.good()) << "docs/api/HTTP.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const std::string begin = "<!-- bindings:begin -->\n", end = "<!-- bindings:end -->";
  size_t from = doc.find(begin), to = doc.find(end);
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  EXPECT_EQ(doc.substr(from + begin.size(), to - from - begin.size()), expected)
      << "paste this between the markers of docs/api/HTTP.md:\n"
      << expected;
}

}  // namespace
}  // namespace parhub::gateway
