// Integration tests of SIPAS surveys in the reporting gRPC service, inside
// one process over MariaDB, called with signed identities as the gateway
// sends them (the respondent's methods as the gateway's public desk, in the
// service role). Covers: one response per respondent code (a second one
// changes nothing), mistyped codes, answers only while open and within the
// survey's dates, results computed from known answers, tenancy and roles,
// codes never stored in clear, the SIPAS figures of SummarizeReporting
// and the forecast, and the official SIPAS result beside the school's own
// (known answers, bad input refused and changing nothing, tenancy).
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "platform/core/crypto.h"
#include "platform/core/feedback_code.h"
#include "platform/core/resource_name.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "services/reporting/domain/respondent_code.h"
#include "services/reporting/rpc/reporting_service.h"
#include "services/reporting/store/mysql_reporting_store.h"
#include "services/reporting/store/mysql_service_feedback_store.h"
#include "services/reporting/store/mysql_sipas_store.h"
#include "services/reporting/tests/scripted_notification_source.h"

namespace parhub::reporting {
namespace {

namespace pb = ::parhub::reporting::v1;
using ::parhub::platform::Caller;
using ::parhub::platform::Role;
using ::parhub::testing::At;
using ::parhub::testing::ProtoDate;
using ::parhub::testing::ReasonOf;
using ::parhub::testing::ViolatedField;
using ::testing::ElementsAre;

// Every source answers an empty summary (the SIPAS lines need none).
class EmptySource final : public SummarySource {
 public:
  absl::StatusOr<std::vector<PlanTask>> PlanTasks(const std::string&, int, absl::Time) override {
    return std::vector<PlanTask>{};
  }
  absl::StatusOr<SchoolNames> Names(const std::string& school_id, absl::Time) override {
    return SchoolNames{"Trường " + school_id, "Ủy ban nhân dân Quận 1"};
  }
  FetchResults Fetch(const std::string&, platform::Date, platform::Date, const std::set<std::string>& sources,
                     absl::Time) override {
    FetchResults out;
    for (const auto& source : sources) {
      out[source] = std::shared_ptr<const google::protobuf::Message>(NewSummary(source));
    }
    return out;
  }
};

struct Harness {
  std::atomic<int64_t> now_micros{absl::ToUnixMicros(At(2024, 3, 15))};
  std::unique_ptr<::parhub::testing::InProcessServer> server;
  ReportingRefdata refdata;
  EmptySource source;
  std::unique_ptr<MySqlReportingStore> store;
  std::unique_ptr<MySqlSipasStore> sipas_store;
  std::unique_ptr<SipasDesk> sipas;
  std::unique_ptr<SipasComparisons> sipas_comparisons;
  std::unique_ptr<FrameworkBook> frameworks;
  std::unique_ptr<AssessmentDesk> assessments;
  std::unique_ptr<ReportCalendar> calendar;
  std::unique_ptr<ReportDesk> reports;
  std::unique_ptr<MySqlServiceFeedbackStore> feedback_store;
  std::unique_ptr<ServiceFeedbackDesk> feedback;
  std::unique_ptr<ReportingSummarizer> summarizer;
  std::unique_ptr<SourcePulls> pulls;
  std::unique_ptr<ForecastDesk> forecasts;
  std::unique_ptr<ReportGenerator> generator;
  std::unique_ptr<OfficialResults> official;
  std::unique_ptr<TestNotifications> notifications;
  std::unique_ptr<ReportingServiceImpl> service;
  std::unique_ptr<pb::ReportingService::Stub> stub;
};
Harness* harness = nullptr;

const std::string kCodeKey = "sipas-test-code-key-0123456789abcdef";
const std::string kFeedbackKey = "feedback-test-code-key-0123456789abcdef";

#define ASSERT_GRPC_OK(expr)                    \
  do {                                          \
    grpc::Status s_ = (expr);                   \
    ASSERT_TRUE(s_.ok()) << s_.error_message(); \
  } while (false)

// Answers by question code.
using Answers = std::map<std::string, int>;

class SipasTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    harness = new Harness;
    std::function<absl::Time()> clock = [] { return absl::FromUnixMicros(harness->now_micros.load()); };
    harness->server = std::make_unique<::parhub::testing::InProcessServer>(
        pb::ReportingService::service_full_name(), "reporting_sipas", ReportingMigrations());
    auto loaded = LoadEmbeddedRefdata();
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    harness->refdata = *std::move(loaded);
    Harness& h = *harness;
    ASSERT_TRUE(ValidateQuestionnaire(h.refdata.questionnaire).ok());
    h.store = std::make_unique<MySqlReportingStore>(h.server->db());
    h.sipas_store = std::make_unique<MySqlSipasStore>(h.server->db());
    h.sipas = std::make_unique<SipasDesk>(*h.sipas_store, h.refdata.questionnaire, kCodeKey, clock);
    h.sipas_comparisons = std::make_unique<SipasComparisons>(*h.sipas_store, *h.sipas, clock);
    h.frameworks = std::make_unique<FrameworkBook>(*h.store, h.refdata.catalog, clock);
    ASSERT_TRUE(h.frameworks->Seed(h.refdata.frameworks).ok());
    h.assessments = std::make_unique<AssessmentDesk>(*h.store, *h.frameworks, clock);
    h.calendar = std::make_unique<ReportCalendar>(h.refdata.families);
    h.reports = std::make_unique<ReportDesk>(*h.store, *h.calendar, clock);
    h.feedback_store = std::make_unique<MySqlServiceFeedbackStore>(h.server->db());
    h.feedback = std::make_unique<ServiceFeedbackDesk>(*h.feedback_store, kFeedbackKey, clock);
    h.summarizer = std::make_unique<ReportingSummarizer>(*h.assessments, *h.frameworks, *h.reports, *h.sipas,
                                                         *h.feedback);
    h.pulls = std::make_unique<SourcePulls>(*h.store, h.source, clock);
    h.forecasts = std::make_unique<ForecastDesk>(*h.store, *h.frameworks, *h.assessments, *h.summarizer,
                                                 *h.pulls, clock);
    h.generator = std::make_unique<ReportGenerator>(*h.reports, *h.forecasts, *h.summarizer, *h.pulls,
                                                    absl::ZeroDuration());
    h.official = std::make_unique<OfficialResults>(*h.store, *h.frameworks, h.source, clock);
    h.notifications = std::make_unique<TestNotifications>(h.server->db(), *h.reports, nullptr, clock);
    h.service = std::make_unique<ReportingServiceImpl>(
        h.server->handlers(), ReportingDesks{*h.frameworks, *h.assessments, *h.forecasts, *h.reports,
                                             *h.generator, *h.summarizer, *h.official, h.refdata, *h.sipas,
                                             *h.sipas_comparisons, h.notifications->desk, *h.feedback});
    h.server->Start(h.service.get());
    h.stub = pb::ReportingService::NewStub(h.server->channel());
  }
  static void TearDownTestSuite() {
    harness->stub.reset();
    harness->server.reset();
    delete harness;
    harness = nullptr;
  }

  SipasTest() : school_("s-" + platform::RandomHex(4)), other_("o-" + platform::RandomHex(4)) {
    SetNow(At(2024, 3, 15));
  }

  static void SetNow(absl::Time t) { harness->now_micros = absl::ToUnixMicros(t); }
  pb::ReportingService::Stub& stub() { return *harness->stub; }
  std::unique_ptr<grpc::ClientContext> Ctx(const std::string& method, const Caller& caller) {
    return harness->server->Context(caller, method);
  }
  Caller Admin(const std::string& school) {
    return ::parhub::testing::TestCaller(Role::kSchoolAdmin, school);
  }
  Caller Staff(const std::string& school) {
    return ::parhub::testing::TestCaller(Role::kSchoolStaff, school);
  }
  Caller Officer(const std::string& school) {
    return ::parhub::testing::TestCaller(Role::kAuthorityOfficer, school, "q1");
  }
  // The gateway's public desk.
  Caller Desk() {
    Caller c = ::parhub::testing::TestCaller(Role::kService, "");
    c.subject = "accounts/public";
    return c;
  }
  std::string Name(const std::string& survey, const std::string& school = "") {
    return absl::StrCat("schools/", school.empty() ? school_ : school, "/sipasSurveys/", survey);
  }

  grpc::Status Create(const std::string& survey, platform::Date open, platform::Date close,
                      pb::SurveyAudience audience = pb::SURVEY_AUDIENCE_PARENTS,
                      pb::SipasSurvey* out = nullptr, const Caller* caller = nullptr) {
    pb::CreateSipasSurveyRequest request;
    request.set_parent("schools/" + school_);
    request.set_sipas_survey_id(survey);
    request.mutable_sipas_survey()->set_title("Khảo sát sự hài lòng của phụ huynh năm học 2023-2024");
    request.mutable_sipas_survey()->set_audience(audience);
    *request.mutable_sipas_survey()->mutable_open_date() = ProtoDate(open.year, open.month, open.day);
    *request.mutable_sipas_survey()->mutable_close_date() = ProtoDate(close.year, close.month, close.day);
    request.set_request_id(platform::RandomId());
    pb::SipasSurvey created;
    return stub().CreateSipasSurvey(Ctx("CreateSipasSurvey", caller ? *caller : Admin(school_)).get(),
                                    request, out ? out : &created);
  }
  grpc::Status Open(const std::string& survey, const Caller& caller, pb::SipasSurvey* out = nullptr) {
    pb::OpenSipasSurveyRequest request;
    request.set_name(Name(survey, caller.school_id));
    request.set_request_id(platform::RandomId());
    pb::SipasSurvey got;
    return stub().OpenSipasSurvey(Ctx("OpenSipasSurvey", caller).get(), request, out ? out : &got);
  }
  grpc::Status Close(const std::string& survey, const Caller& caller) {
    pb::CloseSipasSurveyRequest request;
    request.set_name(Name(survey, caller.school_id));
    request.set_request_id(platform::RandomId());
    pb::SipasSurvey got;
    return stub().CloseSipasSurvey(Ctx("CloseSipasSurvey", caller).get(), request, &got);
  }
  grpc::Status Issue(const std::string& name, int count, const Caller& caller,
                     std::vector<std::string>* codes, const std::string& request_id = platform::RandomId()) {
    pb::IssueRespondentCodesRequest request;
    request.set_survey(name);
    request.set_count(count);
    request.set_request_id(request_id);
    pb::IssueRespondentCodesResponse response;
    grpc::Status status =
        stub().IssueRespondentCodes(Ctx("IssueRespondentCodes", caller).get(), request, &response);
    if (codes != nullptr) codes->assign(response.codes().begin(), response.codes().end());
    return status;
  }
  // A survey of school_ open from `open` to `close`, OPEN, with `count` codes.
  std::vector<std::string> OpenSurvey(const std::string& survey, platform::Date open, platform::Date close,
                                      int count, pb::SurveyAudience audience = pb::SURVEY_AUDIENCE_PARENTS) {
    std::vector<std::string> codes;
    EXPECT_TRUE(Create(survey, open, close, audience).ok());
    EXPECT_TRUE(Open(survey, Admin(school_)).ok());
    grpc::Status status = Issue(Name(survey), count, Admin(school_), &codes);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return codes;
  }
  grpc::Status Submit(const std::string& code, const Answers& answers, const std::string& comment = "",
                      const std::string& request_id = platform::RandomId(), const Caller* caller = nullptr) {
    pb::SubmitSipasResponseRequest request;
    request.set_respondent_code(code);
    for (const auto& [question, score] : answers) {
      auto* a = request.add_answers();
      a->set_question(question);
      a->set_score(score);
    }
    request.set_comment(comment);
    request.set_request_id(request_id);
    pb::SubmitSipasResponseResponse response;
    grpc::Status status = stub().SubmitSipasResponse(
        Ctx("SubmitSipasResponse", caller ? *caller : Desk()).get(), request, &response);
    if (status.ok()) {
      EXPECT_FALSE(response.message().empty());
    }
    return status;
  }
  grpc::Status ForRespondent(const std::string& code, pb::SurveyForRespondent* out,
                             const Caller* caller = nullptr) {
    pb::GetSurveyForRespondentRequest request;
    request.set_respondent_code(code);
    return stub().GetSurveyForRespondent(Ctx("GetSurveyForRespondent", caller ? *caller : Desk()).get(),
                                         request, out);
  }
  grpc::Status Results(const std::string& name, const Caller& caller, pb::SipasResults* out) {
    pb::GetSipasResultsRequest request;
    request.set_survey(name);
    return stub().GetSipasResults(Ctx("GetSipasResults", caller).get(), request, out);
  }
  grpc::Status Summary(platform::Date start, platform::Date end, pb::ReportingSummary* out) {
    pb::SummarizeReportingRequest request;
    request.set_school("schools/" + school_);
    *request.mutable_period_start() = ProtoDate(start.year, start.month, start.day);
    *request.mutable_period_end() = ProtoDate(end.year, end.month, end.day);
    return stub().SummarizeReporting(Ctx("SummarizeReporting", Admin(school_)).get(), request, out);
  }
  // An official result of `index` with the given factor indices.
  static pb::OfficialSipasResult Official(double index, const std::map<std::string, double>& factors,
                                          platform::Date date, const std::string& number = "125/QĐ-SNV") {
    pb::OfficialSipasResult out;
    out.set_index(index);
    for (const auto& [factor, value] : factors) {
      auto* f = out.add_factors();
      f->set_factor(factor);
      f->set_index(value);
    }
    out.set_document_number(number);
    *out.mutable_document_date() = ProtoDate(date.year, date.month, date.day);
    out.set_source("Sở Nội vụ TP.HCM");
    return out;
  }
  grpc::Status ImportOfficial(int year, const pb::OfficialSipasResult& result, const Caller& caller,
                              pb::OfficialSipasResult* out = nullptr,
                              const std::string& request_id = platform::RandomId(),
                              const std::string& school = "") {
    pb::ImportOfficialSipasResultRequest request;
    request.set_parent("schools/" + (school.empty() ? school_ : school));
    request.set_year(year);
    *request.mutable_official_sipas_result() = result;
    request.set_request_id(request_id);
    pb::OfficialSipasResult got;
    return stub().ImportOfficialSipasResult(Ctx("ImportOfficialSipasResult", caller).get(), request,
                                            out ? out : &got);
  }
  grpc::Status Compare(int year, const Caller& caller, pb::SipasComparison* out,
                       const std::string& school = "") {
    pb::CompareSipasResultsRequest request;
    request.set_school("schools/" + (school.empty() ? school_ : school));
    request.set_year(year);
    return stub().CompareSipasResults(Ctx("CompareSipasResults", caller).get(), request, out);
  }
  int64_t CountRows(const std::string& sql, const std::vector<platform::SqlValue>& params) {
    auto rows = harness->server->db().Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status();
    if (!rows.ok() || rows->empty()) return -1;
    return std::stoll(rows->at(0).Str(0));
  }

  static platform::Date D(int y, int m, int d) { return platform::Date{y, m, d}; }
  // Every question of the questionnaire with `score`.
  static Answers All(int score) {
    Answers out;
    for (const auto& f : harness->refdata.questionnaire.factors()) {
      for (const auto& q : f.questions()) out[q.code()] = score;
    }
    return out;
  }

  std::string school_, other_;
};

// A code with one character changed to another of the alphabet.
std::string Mistyped(const std::string& formatted, size_t at) {
  std::string out = formatted;
  out[at] = out[at] == '7' ? '8' : '7';
  return out;
}

// ------------------------------------------------------------- one per code

TEST_F(SipasTest, ARespondentCodeAnswersOnceAndASecondAnswerChangesNothing) {
  SetNow(At(2024, 3, 20));
  std::vector<std::string> codes = OpenSurvey("phhs-2024", D(2024, 3, 20), D(2024, 3, 31), 3);
  ASSERT_EQ(codes.size(), 3u);
  for (const auto& code : codes) {
    ASSERT_EQ(code.size(), 13u) << code;  // "XXXX-XXXX-XXX"
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code[9], '-');
  }

  pb::SurveyForRespondent view;
  ASSERT_GRPC_OK(ForRespondent(codes[0], &view));
  EXPECT_FALSE(view.already_answered());
  EXPECT_EQ(view.title(), "Khảo sát sự hài lòng của phụ huynh năm học 2023-2024");
  EXPECT_EQ(view.school_display_name(), "schools/" + school_);
  EXPECT_EQ(view.close_date().day(), 31);
  EXPECT_EQ(view.questionnaire().factors_size(), 5);

  const std::string request_id = platform::RandomId();
  ASSERT_GRPC_OK(Submit(codes[0], All(5), "Cô giáo rất tận tình.", request_id));
  // The same request again (a lost answer retried) replays; nothing is added.
  ASSERT_GRPC_OK(Submit(codes[0], All(5), "Cô giáo rất tận tình.", request_id));
  pb::SipasResults before;
  ASSERT_GRPC_OK(Results(Name("phhs-2024"), Admin(school_), &before));
  EXPECT_EQ(before.response_count(), 1);

  // Another answer with the same code, however typed, is refused.
  std::string typed = absl::AsciiStrToLower(absl::StrReplaceAll(codes[0], {{"-", " "}}));
  grpc::Status again = Submit(typed, All(1));
  EXPECT_EQ(again.error_code(), grpc::StatusCode::ALREADY_EXISTS) << again.error_message();
  EXPECT_EQ(ReasonOf(again), "RESPONDENT_CODE_USED");
  pb::SipasResults after;
  ASSERT_GRPC_OK(Results(Name("phhs-2024"), Admin(school_), &after));
  after.clear_compute_time();
  before.clear_compute_time();
  EXPECT_EQ(after.DebugString(), before.DebugString());
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM sipas_responses WHERE school_id = ?", {school_}), 1);

  ASSERT_GRPC_OK(ForRespondent(codes[0], &view));
  EXPECT_TRUE(view.already_answered());
  // The other codes still answer, typed in lower case without dashes.
  ASSERT_GRPC_OK(Submit(absl::AsciiStrToLower(absl::StrReplaceAll(codes[1], {{"-", ""}})), All(4)));
  pb::SipasSurvey survey;
  pb::GetSipasSurveyRequest get;
  get.set_name(Name("phhs-2024"));
  ASSERT_GRPC_OK(stub().GetSipasSurvey(Ctx("GetSipasSurvey", Staff(school_)).get(), get, &survey));
  EXPECT_EQ(survey.response_count(), 2);
  EXPECT_EQ(survey.respondent_code_count(), 3);
  EXPECT_EQ(survey.state(), pb::SURVEY_STATE_OPEN);
}

TEST_F(SipasTest, AMistypedCodeIsInvalidAndAnUnknownOneNotFound) {
  SetNow(At(2024, 3, 20));
  std::vector<std::string> codes = OpenSurvey("phhs-typo", D(2024, 3, 20), D(2024, 3, 31), 1);
  ASSERT_EQ(codes.size(), 1u);
  const std::string& code = codes[0];
  pb::SurveyForRespondent view;
  // Every single wrong character is caught by the check character.
  for (size_t at : {0u, 3u, 5u, 12u}) {
    grpc::Status status = Submit(Mistyped(code, at), All(5));
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << at;
    EXPECT_EQ(ViolatedField(status), "respondent_code");
    EXPECT_EQ(ReasonOf(status), "RESPONDENT_CODE_MISTYPED");
    EXPECT_EQ(ForRespondent(Mistyped(code, at), &view).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  }
  // So is a swap of two neighbours (when they differ).
  std::string swapped = code;
  size_t at = 0;
  while (at + 1 < swapped.size() &&
         (swapped[at] == swapped[at + 1] || swapped[at] == '-' || swapped[at + 1] == '-'))
    ++at;
  std::swap(swapped[at], swapped[at + 1]);
  EXPECT_EQ(Submit(swapped, All(5)).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Submit("7KQ4-XP9D", All(5)).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Submit("7KQ4-XP9D-M2U", All(5)).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  // A well-formed code nobody issued.
  const std::string unknown = FormatRespondentCode(NewRespondentCode());
  EXPECT_EQ(Submit(unknown, All(5)).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ForRespondent(unknown, &view).error_code(), grpc::StatusCode::NOT_FOUND);
  // Nothing was used up: the right code still answers.
  ASSERT_GRPC_OK(Submit(code, All(5)));
}

// ------------------------------------------------------- state and dates

TEST_F(SipasTest, ResponsesOnlyWhileOpenAndWithinTheSurveysDates) {
  SetNow(At(2024, 3, 15));
  ASSERT_GRPC_OK(Create("phhs-dates", D(2024, 3, 20), D(2024, 3, 31)));
  std::vector<std::string> codes;
  ASSERT_GRPC_OK(Issue(Name("phhs-dates"), 4, Admin(school_), &codes));  // codes may be issued in DRAFT
  ASSERT_EQ(codes.size(), 4u);
  EXPECT_EQ(Close("phhs-dates", Admin(school_)).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  pb::SurveyForRespondent view;

  grpc::Status draft = Submit(codes[0], All(5));
  EXPECT_EQ(draft.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(draft), "SURVEY_NOT_OPEN");
  ASSERT_GRPC_OK(Open("phhs-dates", Admin(school_)));
  EXPECT_EQ(Open("phhs-dates", Admin(school_)).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  // Open, but its first day has not come (Vietnam time).
  SetNow(At(2024, 3, 19, 23));
  EXPECT_EQ(Submit(codes[0], All(5)).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ForRespondent(codes[0], &view).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  SetNow(At(2024, 3, 20, 0) + absl::Minutes(1));
  ASSERT_GRPC_OK(Submit(codes[0], All(5)));
  // The last day counts until its end in Vietnam.
  SetNow(At(2024, 3, 31, 23) + absl::Minutes(59));
  ASSERT_GRPC_OK(Submit(codes[1], All(4)));
  SetNow(At(2024, 4, 1, 0) + absl::Minutes(1));
  grpc::Status late = Submit(codes[2], All(4));
  EXPECT_EQ(late.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(late), "SURVEY_CLOSED");
  // Closed early: nothing more, even within the dates.
  SetNow(At(2024, 3, 25));
  ASSERT_GRPC_OK(Close("phhs-dates", Admin(school_)));
  EXPECT_EQ(Submit(codes[2], All(4)).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Close("phhs-dates", Admin(school_)).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Open("phhs-dates", Admin(school_)).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Issue(Name("phhs-dates"), 1, Admin(school_), nullptr).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // A used code still says so after the close.
  ASSERT_GRPC_OK(ForRespondent(codes[0], &view));
  EXPECT_TRUE(view.already_answered());
  pb::SipasResults results;
  ASSERT_GRPC_OK(Results(Name("phhs-dates"), Admin(school_), &results));
  EXPECT_EQ(results.response_count(), 2);
}

TEST_F(SipasTest, BadSurveysAndBadAnswersAreRefusedNamingTheFieldAndChangeNothing) {
  SetNow(At(2024, 3, 20));
  grpc::Status status =
      Create("no-audience", D(2024, 3, 20), D(2024, 3, 31), pb::SURVEY_AUDIENCE_UNSPECIFIED);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(status), "sipas_survey.audience");
  status = Create("backwards", D(2024, 3, 31), D(2024, 3, 20));
  EXPECT_EQ(ViolatedField(status), "sipas_survey.close_date");
  status = Create("past", D(2024, 3, 1), D(2024, 3, 19));
  EXPECT_EQ(ViolatedField(status), "sipas_survey.close_date");
  status = Create("Bad_Id", D(2024, 3, 20), D(2024, 3, 31));
  EXPECT_EQ(ViolatedField(status), "sipas_survey_id");
  ASSERT_GRPC_OK(Create("phhs-bad", D(2024, 3, 20), D(2024, 3, 31)));
  EXPECT_EQ(Create("phhs-bad", D(2024, 3, 20), D(2024, 3, 31)).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  ASSERT_GRPC_OK(Open("phhs-bad", Admin(school_)));
  for (int count : {0, 2001, -1}) {
    status = Issue(Name("phhs-bad"), count, Admin(school_), nullptr);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << count;
    EXPECT_EQ(ViolatedField(status), "count");
  }
  std::vector<std::string> codes;
  ASSERT_GRPC_OK(Issue(Name("phhs-bad"), 1, Admin(school_), &codes));

  Answers unknown = All(5);
  unknown["XX9"] = 4;
  status = Submit(codes[0], unknown);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedField(status), ::testing::EndsWith(".question"));
  Answers six = All(5);
  six["TC2"] = 6;
  status = Submit(codes[0], six);
  EXPECT_THAT(ViolatedField(status), ::testing::EndsWith(".score"));
  six["TC2"] = -1;
  EXPECT_EQ(Submit(codes[0], six).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(Submit(codes[0], {})), "answers");
  EXPECT_EQ(ViolatedField(Submit(codes[0], All(3), std::string(1001, 'a'))), "comment");
  // A question answered twice (the map above cannot say it: build by hand).
  pb::SubmitSipasResponseRequest twice;
  twice.set_respondent_code(codes[0]);
  for (int score : {5, 1}) {
    auto* a = twice.add_answers();
    a->set_question("TC1");
    a->set_score(score);
  }
  twice.set_request_id(platform::RandomId());
  pb::SubmitSipasResponseResponse response;
  status = stub().SubmitSipasResponse(Ctx("SubmitSipasResponse", Desk()).get(), twice, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(status), "answers[1].question");

  pb::SipasSurvey survey;
  pb::GetSipasSurveyRequest get;
  get.set_name(Name("phhs-bad"));
  ASSERT_GRPC_OK(stub().GetSipasSurvey(Ctx("GetSipasSurvey", Admin(school_)).get(), get, &survey));
  EXPECT_EQ(survey.response_count(), 0);
  EXPECT_EQ(survey.respondent_code_count(), 1);
  // The code was not used up by the refused answers; 1,000 characters fit.
  ASSERT_GRPC_OK(Submit(codes[0], All(3), std::string(1000, 'a')));
}

// ---------------------------------------------------------------- results

TEST_F(SipasTest, ResultsDistributionsAndIndexFollowKnownAnswers) {
  SetNow(At(2024, 3, 20));
  std::vector<std::string> codes = OpenSurvey("phhs-known", D(2024, 3, 20), D(2024, 3, 31), 3);
  ASSERT_EQ(codes.size(), 3u);
  // A: every question 5.
  ASSERT_GRPC_OK(Submit(codes[0], All(5)));
  // B: 4 everywhere, but GY1 = 2, GY2 not applicable and GY3 left out.
  Answers b = All(4);
  b["GY1"] = 2;
  b["GY2"] = 0;
  b.erase("GY3");
  SetNow(At(2024, 3, 22));
  ASSERT_GRPC_OK(Submit(codes[1], b));
  // C: only TC1 = 1 and TC2 = 3.
  ASSERT_GRPC_OK(Submit(codes[2], {{"TC1", 1}, {"TC2", 3}}));

  pb::SipasResults r;
  ASSERT_GRPC_OK(Results(Name("phhs-known"), Officer(school_), &r));
  EXPECT_EQ(r.survey(), Name("phhs-known"));
  EXPECT_EQ(r.response_count(), 3);
  ASSERT_EQ(r.factors_size(), 5);
  const pb::FactorResult& access = r.factors(0);
  EXPECT_EQ(access.factor(), "access");
  ASSERT_EQ(access.questions_size(), 3);
  // TC1: 5, 4, 1.
  EXPECT_THAT(access.questions(0).distribution(), ElementsAre(1, 0, 0, 1, 1));
  EXPECT_EQ(access.questions(0).not_applicable(), 0);
  EXPECT_DOUBLE_EQ(access.questions(0).mean(), 3.33);
  EXPECT_DOUBLE_EQ(access.questions(0).satisfied_share(), 66.67);
  // TC2: 5, 4, 3.
  EXPECT_THAT(access.questions(1).distribution(), ElementsAre(0, 0, 1, 1, 1));
  EXPECT_DOUBLE_EQ(access.questions(1).mean(), 4);
  // TC3: 5, 4, left out.
  EXPECT_THAT(access.questions(2).distribution(), ElementsAre(0, 0, 0, 1, 1));
  EXPECT_EQ(access.questions(2).not_applicable(), 1);
  EXPECT_DOUBLE_EQ(access.questions(2).mean(), 4.5);
  EXPECT_DOUBLE_EQ(access.questions(2).satisfied_share(), 100);
  // 6 of 8 answers are 4 or 5.
  EXPECT_DOUBLE_EQ(access.index(), 75);
  for (int f = 1; f <= 3; ++f) EXPECT_DOUBLE_EQ(r.factors(f).index(), 100) << r.factors(f).factor();
  const pb::FactorResult& feedback = r.factors(4);
  EXPECT_EQ(feedback.factor(), "feedback");
  // GY1: 5, 2; GY2: 5, n/a; GY3: 5, left out → 3 of 4.
  EXPECT_THAT(feedback.questions(0).distribution(), ElementsAre(0, 1, 0, 0, 1));
  EXPECT_DOUBLE_EQ(feedback.questions(0).satisfied_share(), 50);
  EXPECT_EQ(feedback.questions(1).not_applicable(), 2);
  EXPECT_EQ(feedback.questions(2).not_applicable(), 2);
  EXPECT_DOUBLE_EQ(feedback.index(), 75);
  // (75 + 100 + 100 + 100 + 75) / 5.
  EXPECT_DOUBLE_EQ(r.index(), 90);
  // The counts are kept per day and question, not per response.
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM sipas_answer_counts WHERE school_id = ? AND survey_id = ?",
                      {school_, "phhs-known"}),
            30);
}

// ---------------------------------------------------------------- tenancy

TEST_F(SipasTest, AnotherSchoolGetsNotFoundAndRolesAreChecked) {
  SetNow(At(2024, 3, 20));
  std::vector<std::string> codes = OpenSurvey("phhs-tenant", D(2024, 3, 20), D(2024, 3, 31), 2);
  const std::string name = Name("phhs-tenant");
  const Caller stranger = Admin(other_);
  pb::SipasSurvey survey;
  pb::GetSipasSurveyRequest get;
  get.set_name(name);
  EXPECT_EQ(stub().GetSipasSurvey(Ctx("GetSipasSurvey", stranger).get(), get, &survey).error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::ListSipasSurveysRequest list;
  list.set_parent("schools/" + school_);
  pb::ListSipasSurveysResponse listed;
  EXPECT_EQ(stub().ListSipasSurveys(Ctx("ListSipasSurveys", stranger).get(), list, &listed).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Create("x", D(2024, 3, 20), D(2024, 3, 31), pb::SURVEY_AUDIENCE_PARENTS, nullptr, &stranger)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::OpenSipasSurveyRequest open;
  open.set_name(name);
  open.set_request_id(platform::RandomId());
  EXPECT_EQ(stub().OpenSipasSurvey(Ctx("OpenSipasSurvey", stranger).get(), open, &survey).error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::CloseSipasSurveyRequest close;
  close.set_name(name);
  close.set_request_id(platform::RandomId());
  EXPECT_EQ(stub().CloseSipasSurvey(Ctx("CloseSipasSurvey", stranger).get(), close, &survey).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Issue(name, 5, stranger, nullptr).error_code(), grpc::StatusCode::NOT_FOUND);
  pb::SipasResults results;
  EXPECT_EQ(Results(name, stranger, &results).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Results(name, Officer(other_), &results).error_code(), grpc::StatusCode::NOT_FOUND);
  // A survey id of another school that does not exist reads the same.
  EXPECT_EQ(Results(Name("khong-co"), Admin(school_), &results).error_code(), grpc::StatusCode::NOT_FOUND);

  // Staff and officers read; only the school's admins act.
  ASSERT_GRPC_OK(stub().GetSipasSurvey(Ctx("GetSipasSurvey", Staff(school_)).get(), get, &survey));
  ASSERT_GRPC_OK(stub().ListSipasSurveys(Ctx("ListSipasSurveys", Officer(school_)).get(), list, &listed));
  ASSERT_GRPC_OK(Results(name, Staff(school_), &results));
  const Caller staff = Staff(school_);
  EXPECT_EQ(Issue(name, 5, staff, nullptr).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Issue(name, 5, Officer(school_), nullptr).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(
      Create("y", D(2024, 3, 20), D(2024, 3, 31), pb::SURVEY_AUDIENCE_PARENTS, nullptr, &staff).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  // Respondents come only through the gateway's public desk.
  const Caller admin = Admin(school_);
  EXPECT_EQ(Submit(codes[0], All(5), "", platform::RandomId(), &admin).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  pb::SurveyForRespondent view;
  EXPECT_EQ(ForRespondent(codes[0], &view, &admin).error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(SipasTest, SurveysAreListedNewestFirstInPages) {
  SetNow(At(2024, 3, 1));
  for (const char* id : {"dot-1", "dot-2", "dot-3"}) {
    ASSERT_GRPC_OK(Create(id, D(2024, 3, 20), D(2024, 3, 31)));
    SetNow(absl::FromUnixMicros(harness->now_micros.load()) + absl::Hours(1));
  }
  pb::ListSipasSurveysRequest list;
  list.set_parent("schools/" + school_);
  list.set_page_size(2);
  pb::ListSipasSurveysResponse page;
  ASSERT_GRPC_OK(stub().ListSipasSurveys(Ctx("ListSipasSurveys", Admin(school_)).get(), list, &page));
  ASSERT_EQ(page.sipas_surveys_size(), 2);
  EXPECT_EQ(page.sipas_surveys(0).name(), Name("dot-3"));
  EXPECT_EQ(page.sipas_surveys(1).name(), Name("dot-2"));
  EXPECT_EQ(page.sipas_surveys(0).audience(), pb::SURVEY_AUDIENCE_PARENTS);
  EXPECT_EQ(page.sipas_surveys(0).questionnaire(), harness->refdata.questionnaire.name());
  ASSERT_FALSE(page.next_page_token().empty());
  list.set_page_token(page.next_page_token());
  ASSERT_GRPC_OK(stub().ListSipasSurveys(Ctx("ListSipasSurveys", Admin(school_)).get(), list, &page));
  ASSERT_EQ(page.sipas_surveys_size(), 1);
  EXPECT_EQ(page.sipas_surveys(0).name(), Name("dot-1"));
  EXPECT_TRUE(page.next_page_token().empty());
}

// ------------------------------------------------------ codes, stored hashed

TEST_F(SipasTest, CodesAreNeverStoredInClearAndARetryDoesNotShowThemAgain) {
  SetNow(At(2024, 3, 20));
  ASSERT_GRPC_OK(Create("phhs-hash", D(2024, 3, 20), D(2024, 3, 31)));
  ASSERT_GRPC_OK(Open("phhs-hash", Admin(school_)));
  std::vector<std::string> codes;
  const std::string request_id = platform::RandomId();
  ASSERT_GRPC_OK(Issue(Name("phhs-hash"), 50, Admin(school_), &codes, request_id));
  ASSERT_EQ(codes.size(), 50u);
  ASSERT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 50u);
  ASSERT_GRPC_OK(Submit(codes[7], All(4), "Không có ý kiến"));

  // A retry of the same request does not show the codes again, issues none.
  std::vector<std::string> again;
  grpc::Status retry = Issue(Name("phhs-hash"), 50, Admin(school_), &again, request_id);
  EXPECT_EQ(retry.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(ReasonOf(retry), "SECRET_ALREADY_SHOWN");
  EXPECT_TRUE(again.empty());
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM sipas_respondent_codes WHERE school_id = ? AND survey_id = ?",
                      {school_, "phhs-hash"}),
            50);

  auto rows = harness->server->db().Query(
      "SELECT code_hash, used FROM sipas_respondent_codes WHERE school_id = ? AND survey_id = ?",
      {school_, "phhs-hash"});
  ASSERT_TRUE(rows.ok()) << rows.status();
  std::set<std::string> stored;
  int used = 0;
  for (const auto& row : *rows) {
    stored.insert(row.Str(0));
    EXPECT_EQ(row.Str(0).size(), 64u);
    used += row.Str(1) == "1";
  }
  EXPECT_EQ(used, 1);
  for (const std::string& code : codes) {
    const std::string canonical = absl::StrReplaceAll(code, {{"-", ""}});
    // Neither the code nor a bare SHA-256 of it is stored…
    for (const std::string& form : {code, canonical}) {
      EXPECT_FALSE(stored.contains(form));
      EXPECT_FALSE(stored.contains(platform::Sha256Hex(form)));
      // …anywhere in the schema's text: codes, responses, ledger, audit.
      for (const char* sql :
           {"SELECT COUNT(*) FROM sipas_respondent_codes WHERE INSTR(code_hash, ?) > 0",
            "SELECT COUNT(*) FROM sipas_responses WHERE INSTR(answers, ?) > 0 OR INSTR(comment, ?) > 0",
            "SELECT COUNT(*) FROM idempotency_keys WHERE INSTR(response, ?) > 0",
            "SELECT COUNT(*) FROM audit_log WHERE INSTR(target, ?) > 0"}) {
        std::vector<platform::SqlValue> params;
        for (const char* p = sql; *p != '\0'; ++p) {
          if (*p == '?') params.push_back(form);
        }
        EXPECT_EQ(CountRows(sql, params), 0) << sql << " " << form;
      }
    }
  }
  // The response keeps no code, only its day.
  auto response = harness->server->db().Query(
      "SELECT answers, comment, DATE_FORMAT(answer_date, '%Y-%m-%d') FROM sipas_responses WHERE school_id = "
      "?",
      {school_});
  ASSERT_TRUE(response.ok());
  ASSERT_EQ(response->size(), 1u);
  EXPECT_EQ(response->at(0).Str(1), "Không có ý kiến");
  EXPECT_EQ(response->at(0).Str(2), "2024-03-20");
}

// ---------------------------------------------------------------- summary

TEST_F(SipasTest, TheSummaryAndTheForecastCarryTheParentsSurveysOfThePeriod) {
  SetNow(At(2024, 3, 20));
  std::vector<std::string> parents = OpenSurvey("phhs-sum", D(2024, 3, 20), D(2024, 4, 30), 3);
  std::vector<std::string> staff =
      OpenSurvey("gv-sum", D(2024, 3, 20), D(2024, 4, 30), 1, pb::SURVEY_AUDIENCE_STAFF);
  ASSERT_EQ(parents.size(), 3u);
  ASSERT_EQ(staff.size(), 1u);
  ASSERT_GRPC_OK(Submit(parents[0], All(5)));
  Answers b = All(4);
  b["GY1"] = 2;
  ASSERT_GRPC_OK(Submit(parents[1], b));
  // A staff survey is not the people served: it stays out of the summary.
  ASSERT_GRPC_OK(Submit(staff[0], All(1)));
  SetNow(At(2024, 4, 2));
  ASSERT_GRPC_OK(Submit(parents[2], All(3)));

  pb::ReportingSummary march;
  ASSERT_GRPC_OK(Summary(D(2024, 3, 1), D(2024, 3, 31), &march));
  EXPECT_EQ(march.sipas_surveys(), 1);
  EXPECT_EQ(march.sipas_responses(), 2);
  // Feedback in March: 5,5,5 and 2,4,4 → 5 of 6; the other factors 100.
  EXPECT_DOUBLE_EQ(march.sipas_feedback_index(), 83.33);
  EXPECT_DOUBLE_EQ(march.sipas_index(), 96.67);
  pb::ReportingSummary april;
  ASSERT_GRPC_OK(Summary(D(2024, 4, 1), D(2024, 4, 30), &april));
  EXPECT_EQ(april.sipas_responses(), 1);
  EXPECT_DOUBLE_EQ(april.sipas_index(), 0);  // all 3: nobody satisfied
  pb::ReportingSummary february;
  ASSERT_GRPC_OK(Summary(D(2024, 2, 1), D(2024, 2, 29), &february));
  EXPECT_EQ(february.sipas_surveys(), 0);
  EXPECT_EQ(february.sipas_responses(), 0);

  // The year's index feeds the forecast's SIPAS lines.
  pb::ReportingSummary year;
  ASSERT_GRPC_OK(Summary(D(2024, 1, 1), D(2024, 12, 31), &year));
  EXPECT_EQ(year.sipas_responses(), 3);
  pb::GetParForecastRequest forecast_request;
  forecast_request.set_school("schools/" + school_);
  forecast_request.set_year(2024);
  pb::ParForecast forecast;
  ASSERT_GRPC_OK(
      stub().GetParForecast(Ctx("GetParForecast", Admin(school_)).get(), forecast_request, &forecast));
  bool seen = false;
  for (const auto& line : forecast.lines()) {
    if (line.sub_criterion() != "8.1.1") continue;
    seen = true;
    EXPECT_NEAR(line.metric_value(), year.sipas_index(), 0.01) << line.explanation();
    EXPECT_GT(year.sipas_index(), 60);
  }
  EXPECT_TRUE(seen);
}

// ------------------------------------------------------- official results

TEST_F(SipasTest, TheOfficialResultStandsBesideTheSchoolsOwnSurveysOfTheYear) {
  // 2023: one parent answers TC1 = 1 and TC2 = 5, nothing else (access 50%,
  // the other factors without an answer 1-5).
  SetNow(At(2023, 11, 1));
  std::vector<std::string> old = OpenSurvey("phhs-2023", D(2023, 11, 1), D(2023, 11, 30), 1);
  ASSERT_EQ(old.size(), 1u);
  ASSERT_GRPC_OK(Submit(old[0], {{"TC1", 1}, {"TC2", 5}}));
  // 2024: the answers of ResultsDistributionsAndIndexFollowKnownAnswers
  // (access 75, procedure, staff and result 100, feedback 75, index 90),
  // and a staff survey, which is not the parents' and stays out.
  SetNow(At(2024, 3, 20));
  std::vector<std::string> codes = OpenSurvey("phhs-2024", D(2024, 3, 20), D(2024, 3, 31), 3);
  std::vector<std::string> staff =
      OpenSurvey("gv-2024", D(2024, 3, 20), D(2024, 3, 31), 1, pb::SURVEY_AUDIENCE_STAFF);
  ASSERT_EQ(codes.size(), 3u);
  ASSERT_GRPC_OK(Submit(codes[0], All(5)));
  Answers b = All(4);
  b["GY1"] = 2;
  b["GY2"] = 0;
  b.erase("GY3");
  ASSERT_GRPC_OK(Submit(codes[1], b));
  ASSERT_GRPC_OK(Submit(codes[2], {{"TC1", 1}, {"TC2", 3}}));
  ASSERT_GRPC_OK(Submit(staff[0], All(1)));

  // The city publishes 2024 in April 2025, without the feedback factor;
  // the factors come in any order and are kept in questionnaire order.
  SetNow(At(2025, 4, 10));
  pb::SipasComparison cmp;
  EXPECT_EQ(Compare(2024, Admin(school_), &cmp).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Compare(0, Admin(school_), &cmp).error_code(), grpc::StatusCode::NOT_FOUND);
  pb::OfficialSipasResult imported;
  const std::string request_id = platform::RandomId();
  const pb::OfficialSipasResult result_2024 =
      Official(84, {{"staff", 80}, {"access", 85.5}, {"result", 84.044}, {"procedure", 90}}, D(2025, 4, 6));
  ASSERT_GRPC_OK(ImportOfficial(2024, result_2024, Officer(school_), &imported, request_id));
  EXPECT_EQ(imported.name(), absl::StrCat("schools/", school_, "/officialSipasResults/2024"));
  EXPECT_EQ(imported.year(), 2024);
  EXPECT_EQ(imported.imported_by(), Officer(school_).subject);
  ASSERT_EQ(imported.factors_size(), 4);
  EXPECT_EQ(imported.factors(0).factor(), "access");
  EXPECT_EQ(imported.factors(1).factor(), "procedure");
  EXPECT_EQ(imported.factors(2).factor(), "staff");
  EXPECT_EQ(imported.factors(3).factor(), "result");
  EXPECT_DOUBLE_EQ(imported.factors(3).index(), 84.04);
  // A retry replays the same answer.
  pb::OfficialSipasResult replayed;
  ASSERT_GRPC_OK(ImportOfficial(2024, result_2024, Officer(school_), &replayed, request_id));
  EXPECT_EQ(replayed.DebugString(), imported.DebugString());

  ASSERT_GRPC_OK(Compare(2024, Staff(school_), &cmp));
  EXPECT_EQ(cmp.school(), "schools/" + school_);
  EXPECT_EQ(cmp.year(), 2024);
  EXPECT_EQ(cmp.own_surveys(), 1);
  EXPECT_EQ(cmp.own_responses(), 3);
  EXPECT_EQ(cmp.official_result().DebugString(), imported.DebugString());
  EXPECT_EQ(cmp.overall().factor(), "overall");
  EXPECT_DOUBLE_EQ(cmp.overall().own_index(), 90);
  EXPECT_DOUBLE_EQ(cmp.overall().official_index(), 84);
  EXPECT_DOUBLE_EQ(cmp.overall().difference(), -6);
  EXPECT_EQ(cmp.overall().reading(), "Trường tự khảo sát 90,0%, kết quả chính thức 84,0% (−6,0 điểm)");
  ASSERT_EQ(cmp.factors_size(), 5);
  const pb::SipasIndexComparison& access = cmp.factors(0);
  EXPECT_EQ(access.factor(), "access");
  EXPECT_EQ(access.title(), "Tiếp cận dịch vụ");
  EXPECT_DOUBLE_EQ(access.own_index(), 75);
  EXPECT_DOUBLE_EQ(access.official_index(), 85.5);
  EXPECT_DOUBLE_EQ(access.difference(), 10.5);
  EXPECT_EQ(access.reading(), "Trường tự khảo sát 75,0%, kết quả chính thức 85,5% (+10,5 điểm)");
  EXPECT_DOUBLE_EQ(cmp.factors(1).difference(), -10);
  EXPECT_DOUBLE_EQ(cmp.factors(2).difference(), -20);
  const pb::SipasIndexComparison& result = cmp.factors(3);
  EXPECT_DOUBLE_EQ(result.difference(), -15.96);
  EXPECT_EQ(result.reading(), "Trường tự khảo sát 100,0%, kết quả chính thức 84,0% (−16,0 điểm)");
  // The document gives no feedback index: only the school's side.
  const pb::SipasIndexComparison& feedback = cmp.factors(4);
  EXPECT_EQ(feedback.factor(), "feedback");
  EXPECT_DOUBLE_EQ(feedback.own_index(), 75);
  EXPECT_FALSE(feedback.has_official_index());
  EXPECT_FALSE(feedback.has_difference());
  EXPECT_EQ(feedback.reading(), "Trường tự khảo sát 75,0%; kết quả chính thức không nêu chỉ số yếu tố này");

  // 2023: factors without an answer 1-5 have no own index.
  ASSERT_GRPC_OK(
      ImportOfficial(2023, Official(80, {{"access", 70}, {"staff", 60}}, D(2024, 3, 1)), Admin(school_)));
  ASSERT_GRPC_OK(Compare(2023, Officer(school_), &cmp));
  EXPECT_EQ(cmp.own_responses(), 1);
  EXPECT_DOUBLE_EQ(cmp.overall().own_index(), 50);
  EXPECT_EQ(cmp.factors(0).reading(), "Trường tự khảo sát 50,0%, kết quả chính thức 70,0% (+20,0 điểm)");
  EXPECT_FALSE(cmp.factors(1).has_own_index());
  EXPECT_FALSE(cmp.factors(1).has_official_index());
  EXPECT_EQ(cmp.factors(1).reading(),
            "Trường tự khảo sát chưa có câu trả lời từ 1 đến 5 cho yếu tố này; kết quả chính thức không nêu "
            "chỉ số yếu tố này");
  EXPECT_FALSE(cmp.factors(2).has_own_index());
  EXPECT_DOUBLE_EQ(cmp.factors(2).official_index(), 60);

  // 2022: no survey at all; the official side alone, and said so.
  ASSERT_GRPC_OK(ImportOfficial(2022, Official(70.25, {}, D(2023, 2, 1)), Admin(school_)));
  ASSERT_GRPC_OK(Compare(2022, Admin(school_), &cmp));
  EXPECT_EQ(cmp.own_surveys(), 0);
  EXPECT_EQ(cmp.own_responses(), 0);
  EXPECT_FALSE(cmp.overall().has_own_index());
  EXPECT_FALSE(cmp.overall().has_difference());
  EXPECT_DOUBLE_EQ(cmp.overall().official_index(), 70.25);
  EXPECT_EQ(cmp.overall().reading(),
            "Trường chưa có phiếu khảo sát phụ huynh nào trong năm 2022; kết quả chính thức 70,3%");
  for (const auto& line : cmp.factors()) {
    EXPECT_FALSE(line.has_own_index()) << line.factor();
    EXPECT_FALSE(line.has_official_index()) << line.factor();
  }

  // Year 0: the latest imported. A new import of a year replaces it.
  ASSERT_GRPC_OK(Compare(0, Admin(school_), &cmp));
  EXPECT_EQ(cmp.year(), 2024);
  ASSERT_GRPC_OK(
      ImportOfficial(2024, Official(91.2, {{"access", 75}}, D(2025, 4, 8), "130/QĐ-SNV"), Admin(school_)));
  ASSERT_GRPC_OK(Compare(0, Admin(school_), &cmp));
  EXPECT_EQ(cmp.official_result().document_number(), "130/QĐ-SNV");
  EXPECT_EQ(cmp.overall().reading(), "Trường tự khảo sát 90,0%, kết quả chính thức 91,2% (+1,2 điểm)");
  EXPECT_EQ(cmp.factors(0).reading(), "Trường tự khảo sát 75,0%, kết quả chính thức 75,0% (bằng nhau)");
  EXPECT_FALSE(cmp.factors(1).has_official_index());
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM official_sipas_results WHERE school_id = ?", {school_}), 3);
  EXPECT_EQ(Compare(2021, Admin(school_), &cmp).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(SipasTest, BadOfficialSipasResultsAreRefusedNamingTheFieldAndChangeNothing) {
  SetNow(At(2025, 4, 10));
  const pb::OfficialSipasResult good = Official(84, {{"access", 85.5}}, D(2025, 4, 6));
  ASSERT_GRPC_OK(ImportOfficial(2024, good, Admin(school_)));
  pb::SipasComparison before;
  ASSERT_GRPC_OK(Compare(2024, Admin(school_), &before));

  struct Case {
    const char* why;
    int year;
    std::function<void(pb::OfficialSipasResult&)> spoil;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"index over 100", 2024, [](auto& r) { r.set_index(100.01); }, "official_sipas_result.index"},
      {"negative index", 2024, [](auto& r) { r.set_index(-1); }, "official_sipas_result.index"},
      {"NaN index", 2024, [](auto& r) { r.set_index(std::nan("")); }, "official_sipas_result.index"},
      {"factor index", 2024, [](auto& r) { r.mutable_factors(0)->set_index(120); },
       "official_sipas_result.factors[0].index"},
      {"unknown factor", 2024, [](auto& r) { r.mutable_factors(0)->set_factor("speed"); },
       "official_sipas_result.factors[0].factor"},
      {"repeated factor", 2024,
       [](auto& r) {
         auto* f = r.add_factors();
         f->set_factor("access");
         f->set_index(50);
       },
       "official_sipas_result.factors[1].factor"},
      {"year before 2000", 1999, [](auto&) {}, "year"},
      {"year after 2100", 2101, [](auto&) {}, "year"},
      {"other year inside", 2024, [](auto& r) { r.set_year(2023); }, "official_sipas_result.year"},
      {"no document number", 2024, [](auto& r) { r.set_document_number("   "); },
       "official_sipas_result.document_number"},
      {"document number too long", 2024, [](auto& r) { r.set_document_number(std::string(61, '1')); },
       "official_sipas_result.document_number"},
      {"no date", 2024, [](auto& r) { r.clear_document_date(); }, "official_sipas_result.document_date"},
      {"impossible date", 2024, [](auto& r) { *r.mutable_document_date() = ProtoDate(2025, 2, 30); },
       "official_sipas_result.document_date"},
      {"date before the year", 2024, [](auto& r) { *r.mutable_document_date() = ProtoDate(2023, 12, 31); },
       "official_sipas_result.document_date"},
      {"date in the future", 2024, [](auto& r) { *r.mutable_document_date() = ProtoDate(2025, 4, 11); },
       "official_sipas_result.document_date"},
      {"control character in source", 2024, [](auto& r) { r.set_source("Sở\x01Nội vụ"); },
       "official_sipas_result.source"},
  };
  for (const Case& c : cases) {
    pb::OfficialSipasResult bad = good;
    c.spoil(bad);
    const std::string request_id = platform::RandomId();
    grpc::Status status = ImportOfficial(c.year, bad, Admin(school_), nullptr, request_id);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << c.why;
    EXPECT_EQ(ViolatedField(status), c.field) << c.why;
    // Refused before the ledger: the same request id still takes a good body.
    if (c.year == 2024) {
      ASSERT_GRPC_OK(ImportOfficial(2024, good, Admin(school_), nullptr, request_id));
    }
  }
  pb::SipasComparison after;
  ASSERT_GRPC_OK(Compare(2024, Admin(school_), &after));
  EXPECT_EQ(after.official_result().index(), 84);
  after.clear_compute_time();
  before.clear_compute_time();
  after.mutable_official_result()->clear_import_time();
  before.mutable_official_result()->clear_import_time();
  EXPECT_EQ(after.DebugString(), before.DebugString());
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM official_sipas_results WHERE school_id = ?", {school_}), 1);
  // A bad year to compare.
  pb::SipasComparison cmp;
  grpc::Status status = Compare(1999, Admin(school_), &cmp);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(status), "year");
}

TEST_F(SipasTest, AnOfficialSipasResultBelongsToItsSchool) {
  SetNow(At(2025, 4, 10));
  const pb::OfficialSipasResult result = Official(84, {{"access", 85.5}}, D(2025, 4, 6));
  ASSERT_GRPC_OK(ImportOfficial(2024, result, Admin(school_)));
  pb::SipasComparison cmp;
  // Another school's admin, staff or an officer of another subtree: NOT_FOUND,
  // bad input or not.
  for (const Caller& stranger : {Admin(other_), Staff(other_), Officer(other_)}) {
    EXPECT_EQ(ImportOfficial(2024, result, stranger).error_code(), grpc::StatusCode::NOT_FOUND);
    pb::OfficialSipasResult bad = result;
    bad.set_index(500);
    EXPECT_EQ(ImportOfficial(2024, bad, stranger).error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(Compare(2024, stranger, &cmp).error_code(), grpc::StatusCode::NOT_FOUND);
  }
  // The other school has no result of its own.
  EXPECT_EQ(Compare(2024, Admin(other_), &cmp, other_).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Compare(0, Admin(other_), &cmp, other_).error_code(), grpc::StatusCode::NOT_FOUND);
  // Staff read it but do not import; the school's officers do.
  ASSERT_GRPC_OK(Compare(2024, Staff(school_), &cmp));
  EXPECT_EQ(ImportOfficial(2024, result, Staff(school_)).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_GRPC_OK(ImportOfficial(2024, result, Officer(school_)));
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM official_sipas_results WHERE school_id = ?", {other_}), 0);
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM official_sipas_results WHERE school_id = ?", {school_}), 1);
}

// ------------------------------------------ the short survey after a service

namespace cpb = ::parhub::common::v1;

// An invitation as complaints or finance makes it (same derived key).
cpb::FeedbackInvitation Invitation(const std::string& school, cpb::FeedbackTouchpoint touchpoint,
                                   const std::string& subject) {
  cpb::FeedbackInvitation out;
  out.set_school("schools/" + school);
  out.set_touchpoint(touchpoint);
  out.set_subject(subject);
  out.set_code(platform::FeedbackCode(kFeedbackKey,
                                      touchpoint == cpb::FEEDBACK_TOUCHPOINT_CASE_RESOLVED
                                          ? platform::kFeedbackCaseResolved
                                          : platform::kFeedbackPaymentReceipted,
                                      school, subject));
  return out;
}

class ServiceFeedbackTest : public SipasTest {
 protected:
  grpc::Status Answer(const cpb::FeedbackInvitation& invitation, std::vector<int> scores,
                      const std::string& request_id = platform::RandomId(),
                      pb::SubmitServiceFeedbackResponse* out = nullptr, const Caller* caller = nullptr) {
    pb::SubmitServiceFeedbackRequest request;
    *request.mutable_invitation() = invitation;
    for (int s : scores) request.add_scores(s);
    request.set_request_id(request_id);
    pb::SubmitServiceFeedbackResponse response;
    return stub().SubmitServiceFeedback(Ctx("SubmitServiceFeedback", caller ? *caller : Desk()).get(),
                                        request, out ? out : &response);
  }
  grpc::Status Results(const std::string& school, int year, const Caller& caller,
                       pb::ServiceFeedbackResults* out) {
    pb::GetServiceFeedbackResultsRequest request;
    request.set_school("schools/" + school);
    request.set_year(year);
    return stub().GetServiceFeedbackResults(Ctx("GetServiceFeedbackResults", caller).get(), request, out);
  }
  int64_t Answers(const std::string& school) {
    return CountRows("SELECT COUNT(*) FROM service_feedback WHERE school_id = ?", {school});
  }
};

TEST_F(ServiceFeedbackTest, AnInvitationAnswersOnceHoweverItsCodeIsTyped) {
  pb::ServiceFeedbackForm form;
  ASSERT_GRPC_OK(stub().GetServiceFeedbackForm(Ctx("GetServiceFeedbackForm", Desk()).get(),
                                               pb::GetServiceFeedbackFormRequest(), &form));
  ASSERT_EQ(form.questions_size(), 3);
  EXPECT_EQ(form.questions(0).code(), "overall");
  EXPECT_EQ(form.scale_labels_size(), 5);

  const cpb::FeedbackInvitation invitation =
      Invitation(school_, cpb::FEEDBACK_TOUCHPOINT_CASE_RESOLVED, "S0001-7KQ4-XP9D");
  const std::string request_id = platform::RandomId();
  pb::SubmitServiceFeedbackResponse thanks;
  ASSERT_GRPC_OK(Answer(invitation, {5, 4, 4}, request_id, &thanks));
  EXPECT_FALSE(thanks.message().empty());
  ASSERT_GRPC_OK(Answer(invitation, {5, 4, 4}, request_id));  // a lost answer retried: replayed
  EXPECT_EQ(Answers(school_), 1);

  cpb::FeedbackInvitation typed = invitation;
  typed.set_code(absl::AsciiStrToLower(invitation.code().substr(0, 6)) + "-" + invitation.code().substr(6));
  grpc::Status again = Answer(typed, {1, 1, 1});
  EXPECT_EQ(again.error_code(), grpc::StatusCode::ALREADY_EXISTS) << again.error_message();
  EXPECT_EQ(ReasonOf(again), "FEEDBACK_ALREADY_GIVEN");
  EXPECT_EQ(Answers(school_), 1);
  // The answer keeps no case: nothing stored names the invitation's subject or code.
  EXPECT_EQ(CountRows("SELECT COUNT(*) FROM service_feedback WHERE code_hash IN (?, ?)",
                      {invitation.code(), invitation.subject()}),
            0);
  // The same case's payment-side or another school's invitation is another invitation.
  ASSERT_GRPC_OK(
      Answer(Invitation(school_, cpb::FEEDBACK_TOUCHPOINT_PAYMENT_RECEIPTED, "S0001-7KQ4-XP9D"), {4, 4, 4}));
  EXPECT_EQ(Answers(school_), 2);
}

TEST_F(ServiceFeedbackTest, ForgedOrBadAnswersAreRefusedNamingTheFieldAndChangeNothing) {
  const cpb::FeedbackInvitation good =
      Invitation(school_, cpb::FEEDBACK_TOUCHPOINT_PAYMENT_RECEIPTED, "schools/x/receipts/r-1");
  auto with = [&](const std::function<void(cpb::FeedbackInvitation&)>& change) {
    cpb::FeedbackInvitation out = good;
    change(out);
    return out;
  };
  // Not the code of this invitation: NOT_FOUND, like any unknown code.
  for (const cpb::FeedbackInvitation& forged :
       {with([](auto& i) { i.set_subject("schools/x/receipts/r-2"); }),
        with([&](auto& i) { i.set_school("schools/" + other_); }),
        with([](auto& i) { i.set_touchpoint(cpb::FEEDBACK_TOUCHPOINT_CASE_RESOLVED); }),
        with([](auto& i) { i.set_code("0000-0000-0000"); }), with([](auto& i) { i.set_code("???"); })}) {
    EXPECT_EQ(Answer(forged, {5, 5, 5}).error_code(), grpc::StatusCode::NOT_FOUND) << forged.DebugString();
  }
  EXPECT_EQ(ViolatedField(Answer(with([](auto& i) { i.clear_touchpoint(); }), {5, 5, 5})),
            "invitation.touchpoint");
  EXPECT_EQ(ViolatedField(Answer(with([](auto& i) { i.set_school("truong-x"); }), {5, 5, 5})),
            "invitation.school");
  EXPECT_EQ(ViolatedField(Answer(with([](auto& i) { i.clear_subject(); }), {5, 5, 5})), "invitation.subject");
  EXPECT_EQ(ViolatedField(Answer(with([](auto& i) { i.clear_code(); }), {5, 5, 5})), "invitation.code");
  EXPECT_EQ(ViolatedField(Answer(good, {5, 5})), "scores");
  EXPECT_EQ(ViolatedField(Answer(good, {5, 6, 5})), "scores[1]");
  EXPECT_EQ(ViolatedField(Answer(good, {0, 5, 5})), "scores[0]");
  // Only the gateway's public desk relays answers.
  const Caller admin = Admin(school_);
  EXPECT_EQ(Answer(good, {5, 5, 5}, platform::RandomId(), nullptr, &admin).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Answers(school_), 0);
  EXPECT_EQ(Answers(other_), 0);
  ASSERT_GRPC_OK(Answer(good, {5, 5, 5}));  // the real one still answers
  EXPECT_EQ(Answers(school_), 1);
}

TEST_F(ServiceFeedbackTest, ResultsCompareMonthByMonthAndFeedTheSummary) {
  SetNow(At(2024, 3, 20));
  const auto kCase = cpb::FEEDBACK_TOUCHPOINT_CASE_RESOLVED;
  const auto kPayment = cpb::FEEDBACK_TOUCHPOINT_PAYMENT_RECEIPTED;
  ASSERT_GRPC_OK(Answer(Invitation(school_, kCase, "c-1"), {5, 4, 3}));
  ASSERT_GRPC_OK(Answer(Invitation(school_, kCase, "c-2"), {2, 2, 1}));
  ASSERT_GRPC_OK(Answer(Invitation(school_, kPayment, "r-1"), {4, 5, 5}));
  ASSERT_GRPC_OK(Answer(Invitation(other_, kPayment, "r-1"), {1, 1, 1}));
  SetNow(At(2024, 4, 2));
  ASSERT_GRPC_OK(Answer(Invitation(school_, kPayment, "r-2"), {3, 3, 3}));

  pb::ServiceFeedbackResults results;
  ASSERT_GRPC_OK(Results(school_, 2024, Officer(school_), &results));
  ASSERT_EQ(results.months_size(), 3);
  ASSERT_EQ(results.questions_size(), 3);
  const pb::ServiceFeedbackMonth& march_cases = results.months(0);
  EXPECT_EQ(march_cases.month(), 3);
  EXPECT_EQ(march_cases.touchpoint(), kCase);
  EXPECT_EQ(march_cases.responses(), 2);
  ASSERT_EQ(march_cases.question_means_size(), 3);
  EXPECT_DOUBLE_EQ(march_cases.question_means(0), 3.5);
  EXPECT_DOUBLE_EQ(march_cases.question_means(2), 2);
  EXPECT_DOUBLE_EQ(march_cases.satisfied_share(), 50);
  EXPECT_EQ(results.months(1).touchpoint(), kPayment);
  EXPECT_DOUBLE_EQ(results.months(1).satisfied_share(), 100);
  EXPECT_EQ(results.months(2).month(), 4);
  EXPECT_DOUBLE_EQ(results.months(2).satisfied_share(), 0);
  pb::ServiceFeedbackResults empty;
  ASSERT_GRPC_OK(Results(school_, 2023, Admin(school_), &empty));
  EXPECT_EQ(empty.months_size(), 0);
  ASSERT_GRPC_OK(Results(school_, 2024, Staff(school_), &empty));

  // Another school's results are not there for this school's admin.
  pb::ServiceFeedbackResults theirs;
  EXPECT_EQ(Results(other_, 2024, Admin(school_), &theirs).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(ViolatedField(Results(school_, 1999, Admin(school_), &theirs)), "year");

  // The period summary (what the authority's roll-ups read, per school and month).
  pb::ReportingSummary march;
  ASSERT_GRPC_OK(Summary(D(2024, 3, 1), D(2024, 3, 31), &march));
  EXPECT_EQ(march.feedback_responses(), 3);
  EXPECT_NEAR(march.feedback_satisfied_share(), 66.67, 0.01);
  pb::ReportingSummary february;
  ASSERT_GRPC_OK(Summary(D(2024, 2, 1), D(2024, 2, 29), &february));
  EXPECT_EQ(february.feedback_responses(), 0);
  EXPECT_DOUBLE_EQ(february.feedback_satisfied_share(), 0);
}

}  // namespace
}  // namespace parhub::reporting
