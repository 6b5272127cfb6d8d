// End-to-end over HTTP/JSON: the real binaries on fresh databases, driven
// through the gateway's HTTP port with cpp-httplib's client the way a
// browser or a script would: the world is built with HTTP calls, then a
// school admin, another school, an officer and a citizen without a key
// call the same methods as over gRPC, with JSON errors, closed CORS and a
// client address no network caller can choose.
#include <gmock/gmock.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "parhub/citizen/v1/citizen.grpc.pb.h"
#include "parhub/directory/v1/directory.pb.h"
#include "parhub/finance/v1/finance.pb.h"
#include "parhub/gateway/v1/gateway.pb.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "parhub/tasks/v1/tasks.pb.h"
#include "tests/e2e/suite.h"

namespace parhub::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Suite* suite = nullptr;

struct Answer {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

Answer Http(const std::string& method, const std::string& path, const std::string& key,
            const std::string& body = "", httplib::Headers headers = {}) {
  httplib::Client client("127.0.0.1", suite->http_port());
  client.set_read_timeout(30, 0);
  if (!key.empty()) headers.emplace("Authorization", absl::StrCat("Bearer ", key));
  auto send = [&]() -> httplib::Result {
    if (method == "POST") return client.Post(path, headers, body, "application/json");
    if (method == "PATCH") return client.Patch(path, headers, body, "application/json");
    if (method == "DELETE") return client.Delete(path, headers);
    if (method == "OPTIONS") return client.Options(path, headers);
    return client.Get(path, headers);
  };
  httplib::Result result = send();
  Answer answer;
  if (!result) {
    ADD_FAILURE() << method << " " << path << ": " << httplib::to_string(result.error());
    return answer;
  }
  answer.status = result->status;
  answer.body = result->body;
  answer.headers = result->headers;
  return answer;
}

template <typename Message>
Message Parse(const Answer& answer) {
  Message message;
  auto status = google::protobuf::util::JsonStringToMessage(answer.body, &message);
  EXPECT_TRUE(status.ok()) << status.ToString() << ": " << answer.body;
  return message;
}

struct World {
  std::string officer_key, admin_a_key, admin_b_key;
};
World* world = nullptr;

// Builds two schools under an authority, their admins and an officer, and
// a plan per school, through HTTP only.
void BuildWorld() {
  world = new World();
  const std::string root = suite->admin_key();
  Answer q1 =
      Http("POST", "/v1/authorities?authorityId=q1&requestId=h-q1", root,
           R"({"code":"q1","displayName":"UBND Quận 1","parent":"authorities/hcm","kind":"district"})");
  ASSERT_EQ(q1.status, 200) << q1.body << suite->Logs();
  for (auto [id, name] :
       {std::pair{"mn-a", "Trường Mầm non 20/10"}, std::pair{"th-b", "Trường Tiểu học Kết Đoàn"}}) {
    Answer school =
        Http("POST", absl::StrCat("/v1/schools?schoolId=", id, "&requestId=h-", id), root,
             absl::StrCat(R"({"code":")", id, R"(","displayName":")", name,
                          R"(","level":"SCHOOL_LEVEL_KINDERGARTEN","authority":"authorities/q1"})"));
    ASSERT_EQ(school.status, 200) << school.body;
  }
  auto account = [&](const std::string& id, const std::string& role, const std::string& scope) {
    Answer created =
        Http("POST", absl::StrCat("/v1/accounts?accountId=", id, "&requestId=h-acc-", id), root,
             absl::StrCat(R"({"displayName":"Người dùng )", id, R"(","role":")", role, R"(",)", scope, "}"));
    EXPECT_EQ(created.status, 200) << created.body;
    Answer key = Http("POST", absl::StrCat("/v1/accounts/", id, "/apiKeys"), root,
                      absl::StrCat(R"({"requestId":"h-key-)", id, R"("})"));
    EXPECT_EQ(key.status, 200) << key.body;
    return Parse<directory::v1::CreateApiKeyResponse>(key).secret();
  };
  world->officer_key = account("officer-q1", "ROLE_AUTHORITY_OFFICER", R"("authority":"authorities/q1")");
  world->admin_a_key = account("admin-a", "ROLE_SCHOOL_ADMIN", R"("school":"schools/mn-a")");
  world->admin_b_key = account("admin-b", "ROLE_SCHOOL_ADMIN", R"("school":"schools/th-b")");
  for (auto [school, key] : {std::pair{"mn-a", world->admin_a_key}, std::pair{"th-b", world->admin_b_key}}) {
    Answer plan =
        Http("POST", absl::StrCat("/v1/schools/", school, "/plans:instantiateTemplate"), key,
             absl::StrCat(R"({"template":"planTemplates/par-improvement","planId":"par-2026","year":2026,)",
                          R"("number":"08/KH","issueDate":{"year":2026,"month":1,"day":9},)",
                          R"("requestId":"h-plan-)", school, R"("})"));
    ASSERT_EQ(plan.status, 200) << plan.body;
  }
}

class HttpE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (world == nullptr) BuildWorld();
    ASSERT_NE(world, nullptr);
  }
};

TEST_F(HttpE2eTest, ASchoolAdminListsItsPlansAsJsonWithZeroValuesPresent) {
  Answer plans = Http("GET", "/v1/schools/mn-a/plans?pageSize=10", world->admin_a_key);
  ASSERT_EQ(plans.status, 200) << plans.body;
  EXPECT_EQ(plans.Header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(plans.Header("Cache-Control"), "no-store");
  EXPECT_EQ(plans.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(plans.Header("X-Trace-Id").empty());
  EXPECT_THAT(plans.body, HasSubstr(R"("name":"schools/mn-a/plans/par-2026")"));
  EXPECT_THAT(plans.body, HasSubstr(R"("nextPageToken":"")"));  // zero values are printed
  auto list = Parse<tasks::v1::ListPlansResponse>(plans);
  ASSERT_EQ(list.plans_size(), 1);
  EXPECT_GT(list.plans(0).task_count(), 0);

  // The same list, filtered by a query parameter, and a task read by its name.
  EXPECT_THAT(Http("GET", "/v1/schools/mn-a/plans?year=2025", world->admin_a_key).body,
              HasSubstr(R"("plans":[])"));
  Answer tasks = Http("GET", "/v1/schools/mn-a/plans/par-2026/tasks?pageSize=1", world->admin_a_key);
  ASSERT_EQ(tasks.status, 200) << tasks.body;
  std::string task = Parse<tasks::v1::ListTasksResponse>(tasks).tasks(0).name();
  Answer one = Http("GET", absl::StrCat("/v1/", task), world->admin_a_key);
  EXPECT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(Parse<tasks::v1::Task>(one).name(), task);
  // The trace id a client sends comes back.
  EXPECT_EQ(
      Http("GET", "/v1/whoami", world->admin_a_key, "", {{"X-Trace-Id", "http-e2e-1"}}).Header("X-Trace-Id"),
      "http-e2e-1");
}

TEST_F(HttpE2eTest, AnotherSchoolsPlanIsNotFoundExactlyLikeAMissingOne) {
  // School B's plan exists; its other name does not: the answers differ
  // only by the name asked for.
  Answer other = Http("GET", "/v1/schools/th-b/plans/par-2026", world->admin_a_key);
  Answer missing = Http("GET", "/v1/schools/th-b/plans/khong-co", world->admin_a_key);
  ASSERT_EQ(other.status, 404) << other.body;
  ASSERT_EQ(missing.status, 404) << missing.body;
  EXPECT_THAT(other.body, HasSubstr(R"({"error":{"code":404,"status":"NOT_FOUND")"));
  EXPECT_EQ(absl::StrReplaceAll(other.body, {{"schools/th-b/plans/par-2026", "<name>"}}),
            absl::StrReplaceAll(missing.body, {{"schools/th-b/plans/khong-co", "<name>"}}));
  EXPECT_EQ(other.Header("Content-Type"), "application/json; charset=utf-8");
  // The same for its tasks, and a missing plan of one's own school is 404 too.
  EXPECT_EQ(Http("GET", "/v1/schools/th-b/plans/par-2026/tasks", world->admin_a_key).status, 404);
  Answer own_missing = Http("GET", "/v1/schools/mn-a/plans/khong-co", world->admin_a_key);
  EXPECT_EQ(own_missing.status, 404);
  EXPECT_THAT(own_missing.body, HasSubstr(R"("status":"NOT_FOUND")"));
}

TEST_F(HttpE2eTest, NoKeyIsUnauthenticated) {
  Answer anonymous = Http("GET", "/v1/schools/mn-a/plans", "");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_THAT(anonymous.body, HasSubstr(R"("status":"UNAUTHENTICATED")"));
  EXPECT_EQ(Http("GET", "/v1/whoami", "phk_khong-phai-khoa").status, 401);
}

TEST_F(HttpE2eTest, BadBodiesAreRejectedNamingTheField) {
  Answer bad_date =
      Http("POST", "/v1/schools/mn-a/plans/par-2026/tasks?requestId=h-bad-date", world->admin_a_key,
           R"({"code":"1.14","title":"Ngày không tồn tại","dueDate":{"year":2024,"month":2,"day":30}})");
  ASSERT_EQ(bad_date.status, 400) << bad_date.body;
  EXPECT_THAT(bad_date.body, HasSubstr(R"("status":"INVALID_ARGUMENT")"));
  EXPECT_THAT(bad_date.body, HasSubstr(R"("@type":"type.googleapis.com/google.rpc.BadRequest")"));
  EXPECT_THAT(bad_date.body, HasSubstr(R"("field":"task.due_date")"));

  Answer malformed = Http("POST", "/v1/schools/mn-a/plans/par-2026/tasks?requestId=h-x", world->admin_a_key,
                          R"({"code":"1.14",)");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_THAT(malformed.body, HasSubstr(R"("field":"body")"));
  Answer unknown = Http("POST", "/v1/schools/mn-a/plans/par-2026/tasks?requestId=h-x", world->admin_a_key,
                        R"({"code":"1.14","tieuDe":"x"})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_THAT(unknown.body, HasSubstr("tieuDe"));
  Answer bad_query = Http("GET", "/v1/schools/mn-a/plans?pageSize=nhieu", world->admin_a_key);
  EXPECT_EQ(bad_query.status, 400);
  EXPECT_THAT(bad_query.body, HasSubstr(R"("field":"page_size")"));

  Answer huge = Http("POST", "/v1/schools/mn-a/plans/par-2026/tasks", world->admin_a_key,
                     std::string(Suite::kHttpMaxBodyBytes + 1024, ' '));
  EXPECT_EQ(huge.status, 413);
  EXPECT_THAT(huge.body, HasSubstr(R"("code":413)"));

  Answer unknown_path = Http("GET", "/v1/truong-hoc", world->admin_a_key);
  EXPECT_EQ(unknown_path.status, 404);
  EXPECT_THAT(unknown_path.body, HasSubstr(R"("status":"NOT_FOUND")"));
  Answer wrong_verb = Http("DELETE", "/v1/schools/mn-a/plans", world->admin_a_key);
  EXPECT_EQ(wrong_verb.status, 405);
  EXPECT_EQ(wrong_verb.Header("Allow"), "GET, POST");
}

TEST_F(HttpE2eTest, AnOfficerGetsTheOverviewOverHttp) {
  Answer overview = Http("GET", "/v1/authorities/q1:overview", world->officer_key);
  ASSERT_EQ(overview.status, 200) << overview.body;
  auto parsed = Parse<gateway::v1::AuthorityOverview>(overview);
  EXPECT_EQ(parsed.authority(), "authorities/q1");
  EXPECT_EQ(parsed.schools_size(), 2);
  EXPECT_THAT(overview.body, HasSubstr(R"("failedSchools":0)"));
  // A school admin is refused the officer's roll-up.
  EXPECT_EQ(Http("GET", "/v1/authorities/q1:overview", world->admin_a_key).status, 403);
}

TEST_F(HttpE2eTest, ACitizenCallsThePublicApiWithoutAKey) {
  Answer notices = Http("GET", "/v1/public/schools/mn-a/enrolmentNotices", "");
  ASSERT_EQ(notices.status, 200) << notices.body;
  EXPECT_THAT(notices.body, HasSubstr(R"("enrolmentNotices":[])"));
  Answer unknown = Http("POST", "/v1/public/cases:track", "",
                        R"({"trackingCode":"PA-0000-0000","trackingSecret":"khong-dung"})");
  EXPECT_THAT(unknown.status, ::testing::AnyOf(400, 404)) << unknown.body;
  EXPECT_THAT(unknown.body, HasSubstr(R"({"error":{)"));
}

TEST_F(HttpE2eTest, CorsIsClosedToOriginsNotListed) {
  Answer evil = Http("GET", "/v1/whoami", world->admin_a_key, "", {{"Origin", "https://evil.example"}});
  EXPECT_EQ(evil.status, 200);
  EXPECT_EQ(evil.Header("Access-Control-Allow-Origin"), "");
  Answer preflight = Http("OPTIONS", "/v1/whoami", "", "",
                          {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(preflight.status, 403);
  EXPECT_THAT(preflight.body, HasSubstr(R"("status":"PERMISSION_DENIED")"));
  EXPECT_EQ(preflight.Header("Access-Control-Allow-Origin"), "");

  Answer listed = Http("OPTIONS", "/v1/whoami", "", "",
                       {{"Origin", Suite::kCorsOrigin}, {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(listed.status, 204);
  EXPECT_EQ(listed.Header("Access-Control-Allow-Origin"), Suite::kCorsOrigin);
  EXPECT_EQ(Http("GET", "/v1/whoami", world->admin_a_key, "", {{"Origin", Suite::kCorsOrigin}})
                .Header("Access-Control-Allow-Origin"),
            Suite::kCorsOrigin);
}

// Issue 13: a citizen holding someone else's code learns nothing. Every
// public method that opens something by a code — a case by tracking code
// (track, rate, reopen), a family's invoices by pupil code — answers a real
// code with the wrong secret, or at another school, exactly as it answers a
// code that does not exist: the same 404 body but for the code itself, and
// nothing of the case or the family in it.
TEST_F(HttpE2eTest, AnotherPersonsTrackingOrPupilCodeRevealsNothingOnAnyPublicMethod) {
  Answer filed =
      Http("POST", "/v1/public/cases", "",
           R"({"school":"schools/mn-a","caseType":"CASE_TYPE_FEEDBACK",)"
           R"("subject":"Sân trường đọng nước","content":"Sau mưa sân trường đọng nước nhiều ngày.",)"
           R"("contact":{"fullName":"Lê Thị Hoa","phone":"0909123456"},"consent":true,)"
           R"("requestId":"h-sweep-case"})");
  ASSERT_EQ(filed.status, 200) << filed.body << suite->Logs();
  auto receipt = Parse<citizen::v1::FileCaseResponse>(filed);
  const std::string code = receipt.tracking_code();
  ASSERT_FALSE(code.empty());
  // The same school prefix, another random part: a code nobody holds.
  std::string unknown = code;
  unknown.back() = unknown.back() == 'Z' ? 'Y' : 'Z';
  const std::string wrong_secret = "AAAA-BBBB-CC";
  Answer own = Http("POST", "/v1/public/cases:track", "",
                    absl::StrCat(R"({"trackingCode":")", code, R"(","trackingSecret":")",
                                 receipt.tracking_secret(), R"("})"));
  ASSERT_EQ(own.status, 200) << "the holder of the code and secret sees the case: " << own.body;

  auto same_as_unknown = [&](const std::string& path, const std::string& extra) {
    Answer theirs = Http("POST", path, "",
                         absl::StrCat(R"({"trackingCode":")", code, R"(","trackingSecret":")", wrong_secret,
                                      R"(")", extra, "}"));
    Answer nobody = Http("POST", path, "",
                         absl::StrCat(R"({"trackingCode":")", unknown, R"(","trackingSecret":")",
                                      wrong_secret, R"(")", extra, "}"));
    EXPECT_EQ(theirs.status, 404) << path << ": " << theirs.body;
    EXPECT_EQ(absl::StrReplaceAll(theirs.body, {{code, "<code>"}}),
              absl::StrReplaceAll(nobody.body, {{unknown, "<code>"}}))
        << path;
    for (const char* secret : {"Lê Thị Hoa", "0909123456", "đọng nước", "Sân trường"}) {
      EXPECT_EQ(theirs.body.find(secret), std::string::npos) << path << " shows " << secret;
    }
  };
  same_as_unknown("/v1/public/cases:track", "");
  same_as_unknown("/v1/public/cases:rate", R"(,"score":1,"requestId":"h-sweep-rate")");
  same_as_unknown("/v1/public/cases:reopen", R"(,"reason":"Chưa xử lý","requestId":"h-sweep-reopen")");

  // A family's invoices: a real pupil code with a wrong secret, the right
  // secret at another school, and a code that does not exist.
  Answer pupil_answer = Http(
      "POST", "/v1/schools/mn-a/pupils?pupilId=be-sweep&requestId=h-sweep-pupil", world->admin_a_key,
      R"({"pupilCode":"HS-SWEEP-1","displayName":"Nguyễn Bé Sương","className":"Lá 2","guardianPhone":"0909888777"})");
  ASSERT_EQ(pupil_answer.status, 200) << pupil_answer.body;
  auto pupil = Parse<finance::v1::Pupil>(pupil_answer);
  ASSERT_FALSE(pupil.slip_secret().empty());
  auto look_up = [](const std::string& school, const std::string& pupil_code, const std::string& secret) {
    return Http("POST", "/v1/public/familyAccounts:lookUp", "",
                absl::StrCat(R"({"school":"schools/)", school, R"(","pupilCode":")", pupil_code,
                             R"(","slipSecret":")", secret, R"("})"));
  };
  Answer family = look_up("mn-a", "HS-SWEEP-1", pupil.slip_secret());
  ASSERT_EQ(family.status, 200) << "the family itself sees its account: " << family.body;
  Answer wrong = look_up("mn-a", "HS-SWEEP-1", "AAAAAAAAAA");
  Answer elsewhere = look_up("th-b", "HS-SWEEP-1", pupil.slip_secret());
  Answer nobody = look_up("mn-a", "HS-SWEEP-9", "AAAAAAAAAA");
  for (const Answer* a : {&wrong, &elsewhere, &nobody}) {
    EXPECT_EQ(a->status, 404) << a->body;
    for (const char* secret : {"Nguyễn Bé Sương", "Lá 2", "0909888777"}) {
      EXPECT_EQ(a->body.find(secret), std::string::npos) << a->body;
    }
  }
  EXPECT_EQ(wrong.body, nobody.body);
  EXPECT_EQ(absl::StrReplaceAll(elsewhere.body, {{"th-b", "<school>"}}),
            absl::StrReplaceAll(nobody.body, {{"mn-a", "<school>"}}));
}

// Issue 13: a parent finds a school without an account, diacritics
// optional; only the name and address come back; a query too short is
// refused naming the field.
TEST_F(HttpE2eTest, APublicSchoolSearchFindsTheSchoolWithoutDiacriticsAndRefusesAOneLetterQuery) {
  Answer found = Http("GET", "/v1/public/schools?query=mam%20non%2020", "");
  ASSERT_EQ(found.status, 200) << found.body << suite->Logs();
  auto result = Parse<citizen::v1::SearchSchoolsResponse>(found);
  ASSERT_EQ(result.schools_size(), 1) << found.body;
  EXPECT_EQ(result.schools(0).name(), "schools/mn-a");
  EXPECT_EQ(result.schools(0).display_name(), "Trường Mầm non 20/10");
  EXPECT_EQ(found.body.find("authority"), std::string::npos) << "name and address only: " << found.body;
  Answer none = Http("GET", "/v1/public/schools?query=khong%20co%20truong%20nay", "");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(Parse<citizen::v1::SearchSchoolsResponse>(none).schools_size(), 0);
  Answer short_query = Http("GET", "/v1/public/schools?query=m", "");
  EXPECT_EQ(short_query.status, 400) << short_query.body;
  EXPECT_THAT(short_query.body, HasSubstr(R"("field":"query")"));
}

// Issue 8 over HTTP: a back-dated progress entry, its correction, and the
// work done read across every plan and task of the school with "-".
TEST_F(HttpE2eTest, WorkDoneIsReadAcrossPlansWithADashAndCorrectionsAreMarked) {
  Answer tasks = Http("GET", "/v1/schools/mn-a/plans/par-2026/tasks?pageSize=1", world->admin_a_key);
  ASSERT_EQ(tasks.status, 200) << tasks.body;
  std::string task = Parse<tasks::v1::ListTasksResponse>(tasks).tasks(0).name();
  Answer first =
      Http("POST", absl::StrCat("/v1/", task, "/progressUpdates?requestId=h-work-1"), world->admin_a_key,
           R"({"percentDone":80,"doneOn":{"year":2026,"month":2,"day":3},"note":"nhầm"})");
  ASSERT_EQ(first.status, 200) << first.body;
  auto mistaken = Parse<tasks::v1::ProgressUpdate>(first);
  EXPECT_EQ(mistaken.done_on().day(), 3);
  Answer drop = Http("POST", absl::StrCat("/v1/", task, "/progressUpdates?requestId=h-work-2"),
                     world->admin_a_key, R"({"percentDone":50})");
  EXPECT_EQ(drop.status, 400) << drop.body;
  EXPECT_THAT(drop.body, HasSubstr("progress_update.percent_done"));
  Answer fix =
      Http("POST", absl::StrCat("/v1/", task, "/progressUpdates?requestId=h-work-3"), world->admin_a_key,
           absl::StrCat(R"({"percentDone":50,"supersedes":")", mistaken.name(), R"("})"));
  ASSERT_EQ(fix.status, 200) << fix.body;
  Answer all = Http("GET", "/v1/schools/mn-a/plans/-/tasks/-/progressUpdates", world->admin_a_key);
  ASSERT_EQ(all.status, 200) << all.body;
  auto listed = Parse<tasks::v1::ListProgressUpdatesResponse>(all);
  ASSERT_EQ(listed.progress_updates_size(), 2);
  EXPECT_EQ(listed.progress_updates(0).superseded_by(), Parse<tasks::v1::ProgressUpdate>(fix).name());
  Answer kept = Http("GET", "/v1/schools/mn-a/plans/par-2026/tasks/-/progressUpdates?excludeSuperseded=true",
                     world->admin_a_key);
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(Parse<tasks::v1::ListProgressUpdatesResponse>(kept).progress_updates_size(), 1);
  EXPECT_EQ(Http("GET", "/v1/schools/mn-a/plans/-/tasks/-/progressUpdates", world->admin_b_key).status, 404);
}

// Runs last: it spends this address's public-call budget (a bucket of 60
// calls refilled at one a second).
// The web dashboard in headless Chromium (tests/web/dashboard.mjs): log in,
// the overview, cookie and CSRF protection, language, progress recorded by
// the principal and seen by the officer, logout. PARHUB_SCREENSHOTS names a
// directory for the pages' pictures (docs/images is made this way).
TEST_F(HttpE2eTest, DashboardInARealBrowser) {
  setenv("PARHUB_WEB_URL", absl::StrCat("http://127.0.0.1:", suite->http_port(), "/").c_str(), 1);
  setenv("PARHUB_OFFICER_KEY", world->officer_key.c_str(), 1);
  setenv("PARHUB_PRINCIPAL_KEY", world->admin_a_key.c_str(), 1);
  setenv("PARHUB_SCHOOL_NAME", "Trường Mầm non 20/10", 1);
  CommandResult run = RunCommand(
      absl::StrCat("node ", ShellQuote(absl::StrCat(PARHUB_SOURCE_DIR, "/tests/web/dashboard.mjs"))));
  EXPECT_EQ(run.exit_code, 0) << run.output << suite->Logs();
  EXPECT_THAT(run.output, HasSubstr("dashboard: all checks passed"));
}

// The parents' pages in headless Chromium (tests/web/public.mjs): find the
// school, file a feedback (refused first without consent) and follow it
// with its code and secret, read the financial disclosure, see a child's
// invoice with a VietQR code that a QR decoder (zbarimg) reads back as the
// invoice's payload (reissued at the balance after a part payment), answer
// the short survey its receipt offers, answer a survey by its code. The school's side is set
// up here over HTTP.
TEST_F(HttpE2eTest, PublicPagesInARealBrowser) {
  const std::string key = world->admin_a_key;
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  const int first_year =
      today.month() >= 9 ? static_cast<int>(today.year()) : static_cast<int>(today.year()) - 1;
  const std::string school_year = absl::StrCat(first_year, "-", first_year + 1);
  auto date = [](absl::CivilDay d) {
    return absl::StrCat(R"({"year":)", d.year(), R"(,"month":)", d.month(), R"(,"day":)", d.day(), "}");
  };
  Answer settings =
      Http("PATCH",
           "/v1/schools/mn-a/"
           "financeSettings?updateMask=bankBin,accountNumber,accountName,referencePrefix,schoolLevel,"
           "areaGroup&requestId=w-settings",
           key,
           R"({"bankBin":"970436","accountNumber":"0071000999888","accountName":"TRUONG MAM NON A",)"
           R"("referencePrefix":"MNA","schoolLevel":"mam-non","areaGroup":1})");
  ASSERT_EQ(settings.status, 200) << settings.body;
  Answer fee =
      Http("POST", "/v1/schools/mn-a/feeItems?feeItemId=tien-an-web&requestId=w-fee", key,
           absl::StrCat(R"({"code":"TIEN-AN-WEB","displayName":"Tiền ăn bán trú","amount":"700000",)",
                        R"("unit":"FEE_UNIT_MONTH","schoolYear":")", school_year,
                        R"(","legalBasis":"Thỏa thuận với cha mẹ học sinh","chargeKind":"khac"})"));
  ASSERT_EQ(fee.status, 200) << fee.body;
  Answer pupil = Http("POST", "/v1/schools/mn-a/pupils?pupilId=be-web&requestId=w-pupil", key,
                      R"({"pupilCode":"HS-WEB-1","displayName":"Phạm Bé Web","className":"Mầm 1",)"
                      R"("guardianPhone":"0909111222"})");
  ASSERT_EQ(pupil.status, 200) << pupil.body;
  Answer invoice = Http(
      "POST", "/v1/schools/mn-a/invoices?requestId=w-invoice", key,
      absl::StrCat(R"({"pupil":"schools/mn-a/pupils/be-web","period":")",
                   absl::FormatCivilTime(absl::CivilMonth(today)).substr(0, 7), R"(","lines":[{"feeItem":")",
                   Parse<finance::v1::FeeItem>(fee).name(), R"("}],"dueDate":)", date(today + 10), "}"));
  ASSERT_EQ(invoice.status, 200) << invoice.body;
  // Part paid in cash at the office: a receipt (which offers the short
  // survey) and a QR code reissued for the balance.
  const std::string invoice_name = Parse<finance::v1::Invoice>(invoice).name();
  Answer paid = Http("POST", "/v1/schools/mn-a/payments?requestId=w-pay", key,
                     absl::StrCat(R"({"invoice":")", invoice_name,
                                  R"(","amount":"200000","method":"PAYMENT_METHOD_CASH","paidTime":")",
                                  absl::FormatTime(absl::RFC3339_sec, absl::Now(), absl::UTCTimeZone()),
                                  R"(","payerName":"Phạm Văn Cha"})"));
  ASSERT_EQ(paid.status, 200) << paid.body;
  Answer reread = Http("GET", absl::StrCat("/v1/", invoice_name), key, "");
  ASSERT_EQ(reread.status, 200) << reread.body;
  const std::string payload = Parse<finance::v1::Invoice>(reread).vietqr_payload();
  ASSERT_FALSE(payload.empty());
  Answer disclosure = Http("POST", "/v1/schools/mn-a/financialDisclosure:publish", key,
                           absl::StrCat(R"({"schoolYear":")", school_year, R"(","requestId":"w-publish"})"));
  ASSERT_EQ(disclosure.status, 200) << disclosure.body;
  Answer survey = Http(
      "POST", "/v1/schools/mn-a/sipasSurveys?sipasSurveyId=phhs-web&requestId=w-survey", key,
      absl::StrCat(R"({"title":"Khảo sát sự hài lòng của phụ huynh","audience":"SURVEY_AUDIENCE_PARENTS",)",
                   R"("openDate":)", date(today), R"(,"closeDate":)", date(today + 30), "}"));
  ASSERT_EQ(survey.status, 200) << survey.body;
  ASSERT_EQ(
      Http("POST", "/v1/schools/mn-a/sipasSurveys/phhs-web:open", key, R"({"requestId":"w-open"})").status,
      200);
  Answer codes = Http("POST", "/v1/schools/mn-a/sipasSurveys/phhs-web:issueRespondentCodes", key,
                      R"({"count":1,"requestId":"w-codes"})");
  ASSERT_EQ(codes.status, 200) << codes.body;

  setenv("PARHUB_WEB_URL", absl::StrCat("http://127.0.0.1:", suite->http_port(), "/").c_str(), 1);
  setenv("PARHUB_SCHOOL_NAME", "Trường Mầm non 20/10", 1);
  setenv("PARHUB_SCHOOL_QUERY", "mam non 20/10", 1);
  setenv("PARHUB_PUPIL_CODE", "HS-WEB-1", 1);
  setenv("PARHUB_SLIP_SECRET", Parse<finance::v1::Pupil>(pupil).slip_secret().c_str(), 1);
  setenv("PARHUB_VIETQR_PAYLOAD", payload.c_str(), 1);
  setenv("PARHUB_RESPONDENT_CODE", Parse<reporting::v1::IssueRespondentCodesResponse>(codes).codes(0).c_str(),
         1);
  CommandResult run =
      RunCommand(absl::StrCat("node ", ShellQuote(absl::StrCat(PARHUB_SOURCE_DIR, "/tests/web/public.mjs"))));
  EXPECT_EQ(run.exit_code, 0) << run.output << suite->Logs();
  EXPECT_THAT(run.output, HasSubstr("public pages: all checks passed"));
}

TEST_F(HttpE2eTest, ZzASpoofedClientAddressFromTheNetworkIsIgnored) {
  int refused_at = 0;
  Answer refused;
  for (int i = 1; i <= 90 && refused_at == 0; ++i) {
    // Headers a client might use to pose as someone else, different on
    // every call: none of them may change whose budget is spent.
    std::string fake = absl::StrCat("203.0.113.", i);
    Answer a = Http("GET", "/v1/public/schools/mn-a/enrolmentNotices", "", "",
                    {{"X-Parhub-Http-Client-Peer", absl::StrCat("ipv4:", fake, ":1")},
                     {"X-Parhub-In-Process-Token", "00"},
                     {"X-Forwarded-For", fake},
                     {"X-Real-IP", fake}});
    if (a.status == 429) {
      refused_at = i;
      refused = a;
    } else {
      ASSERT_EQ(a.status, 200) << a.body;
    }
  }
  ASSERT_NE(refused_at, 0) << "90 calls at once and none refused: a spoofed address was believed";
  ASSERT_GT(refused_at, 1) << "the first call was already refused";
  EXPECT_THAT(refused.body, HasSubstr(R"("status":"RESOURCE_EXHAUSTED")"));
  EXPECT_THAT(refused.body, HasSubstr(R"("reason":"PUBLIC_RATE_LIMITED")"));
  int64_t retry_after = 0;
  EXPECT_TRUE(absl::SimpleAtoi(refused.Header("Retry-After"), &retry_after)) << refused.Header("Retry-After");
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 2) << "one token comes back every second";

  // Over gRPC, the same metadata from the network is ignored too: the calls
  // are counted under 127.0.0.1, whose budget is spent. A burst's worth of
  // calls (refused_at - 1) would all pass under a believed fresh address;
  // under 127.0.0.1 only the tokens refilled since (one a second) pass.
  auto channel = grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials());
  auto stub = citizen::v1::PublicService::NewStub(channel);
  std::vector<grpc::StatusCode> codes;
  for (int i = 0; i < std::max(refused_at - 1, 1); ++i) {
    grpc::ClientContext context;
    context.AddMetadata("x-parhub-http-client-peer", "ipv4:198.51.100.7:1");
    context.AddMetadata("x-parhub-in-process-token", "00");
    citizen::v1::ListEnrolmentNoticesRequest request;
    request.set_school("schools/mn-a");
    complaints::v1::ListEnrolmentNoticesResponse response;
    codes.push_back(stub->ListEnrolmentNotices(&context, request, &response).error_code());
  }
  EXPECT_THAT(codes, ::testing::Contains(grpc::StatusCode::RESOURCE_EXHAUSTED))
      << "a burst over gRPC with a spoofed peer was never refused";

  // The budget is a token bucket: once the hint has passed, the address is
  // admitted again.
  absl::SleepFor(absl::Seconds(std::max<int64_t>(retry_after, 1)));
  Answer again = Http("GET", "/v1/public/schools/mn-a/enrolmentNotices", "", "");
  EXPECT_EQ(again.status, 200) << again.body;
}

}  // namespace
}  // namespace parhub::e2e

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new parhub::e2e::SuiteEnvironment(&parhub::e2e::suite));
  return RUN_ALL_TESTS();
}
