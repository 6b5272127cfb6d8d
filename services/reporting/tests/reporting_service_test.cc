// Integration tests of the reporting gRPC service inside one process: a
// real gRPC server over MariaDB with the embedded frameworks, catalog and
// report calendars, called with signed identities as the gateway sends
// them. The other services' summaries come from a scripted SummarySource
// (the e2e suite pulls them from the real services). Covers framework
// validation, the forecast's point-by-point explanation and its stale
// fallback, the assessment and report state machines, lateness, bad input
// that changes nothing, tenancy, and the batch roll-ups and summaries.
#include "services/reporting/rpc/reporting_service.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "platform/testing/school_batch_requests.h"
#include "services/reporting/domain/forecast_schedule.h"
#include "services/reporting/store/mysql_reporting_store.h"
#include "services/reporting/store/mysql_service_feedback_store.h"
#include "services/reporting/store/mysql_sipas_store.h"
#include "services/reporting/tests/scripted_notification_source.h"

namespace parhub::reporting {
namespace {

const std::string kFeedbackKey(32, 'f');  // the short surveys' code key

namespace pb = ::parhub::reporting::v1;
using ::parhub::platform::Caller;
using ::parhub::platform::Role;
using ::parhub::testing::At;
using ::parhub::testing::ProtoDate;
using ::parhub::testing::ReasonOf;
using ::parhub::testing::ViolatedField;
using ::testing::HasSubstr;

// Summaries as the other services would answer, or their failures.
class ScriptedSource final : public SummarySource {
 public:
  absl::StatusOr<std::vector<PlanTask>> PlanTasks(const std::string& school_id, int year,
                                                  absl::Time) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (down_.contains("tasks")) return absl::UnavailableError("connection refused");
    const std::string plan = absl::StrCat("schools/", school_id, "/plans/par-", year, "/tasks/");
    return std::vector<PlanTask>{{plan + "t1", "1.1", "Ban hành kế hoạch CCHC", 100, false, {year, 1, 15}},
                                 {plan + "t7", "1.7", "Giải quyết hồ sơ đúng hạn", 40, true, {year, 6, 30}}};
  }
  absl::StatusOr<SchoolNames> Names(const std::string& school_id, absl::Time) override {
    return SchoolNames{"Trường Mầm non " + school_id, "Ủy ban nhân dân Quận 1"};
  }
  FetchResults Fetch(const std::string&, platform::Date, platform::Date, const std::set<std::string>& sources,
                     absl::Time) override {
    std::lock_guard<std::mutex> lock(mu_);
    FetchResults out;
    for (const auto& source : sources) {
      if (down_.contains(source)) {
        out[source] = absl::UnavailableError("connection refused");
        continue;
      }
      std::shared_ptr<google::protobuf::Message> summary = NewSummary(source);
      if (source == "tasks") summary->CopyFrom(tasks);
      if (source == "complaints") summary->CopyFrom(complaints);
      if (source == "staffing") summary->CopyFrom(staffing);
      if (source == "finance") summary->CopyFrom(finance);
      out[source] = std::shared_ptr<const google::protobuf::Message>(summary);
    }
    return out;
  }
  void SetDown(const std::string& source, bool down) {
    std::lock_guard<std::mutex> lock(mu_);
    if (down) {
      down_.insert(source);
    } else {
      down_.erase(source);
    }
  }
  parhub::tasks::v1::TaskSummary tasks;
  parhub::complaints::v1::ComplaintSummary complaints;
  parhub::staffing::v1::StaffingSummary staffing;
  parhub::finance::v1::FinanceSummary finance;

 private:
  std::mutex mu_;
  std::set<std::string> down_;
};

struct Harness {
  std::atomic<int64_t> now_micros{absl::ToUnixMicros(At(2024, 3, 15))};
  std::unique_ptr<::parhub::testing::InProcessServer> server;
  ReportingRefdata refdata;
  ScriptedSource source;
  std::unique_ptr<MySqlReportingStore> store;
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
  std::unique_ptr<MySqlSipasStore> sipas_store;
  std::unique_ptr<SipasDesk> sipas;
  std::unique_ptr<SipasComparisons> sipas_comparisons;
  std::unique_ptr<TestNotifications> notifications;
  std::unique_ptr<ReportingServiceImpl> service;
  std::unique_ptr<pb::ReportingService::Stub> stub;
};
Harness* harness = nullptr;

#define ASSERT_GRPC_OK(expr)                    \
  do {                                          \
    grpc::Status s_ = (expr);                   \
    ASSERT_TRUE(s_.ok()) << s_.error_message(); \
  } while (false)

class ReportingServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    harness = new Harness;
    std::function<absl::Time()> clock = [] { return absl::FromUnixMicros(harness->now_micros.load()); };
    harness->server = std::make_unique<::parhub::testing::InProcessServer>(
        pb::ReportingService::service_full_name(), "reporting", ReportingMigrations());
    auto loaded = LoadEmbeddedRefdata();
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    harness->refdata = *std::move(loaded);
    Harness& h = *harness;
    h.store = std::make_unique<MySqlReportingStore>(h.server->db());
    h.frameworks = std::make_unique<FrameworkBook>(*h.store, h.refdata.catalog, clock);
    ASSERT_TRUE(h.frameworks->Seed(h.refdata.frameworks).ok());
    h.assessments = std::make_unique<AssessmentDesk>(*h.store, *h.frameworks, clock);
    h.calendar = std::make_unique<ReportCalendar>(h.refdata.families);
    h.reports = std::make_unique<ReportDesk>(*h.store, *h.calendar, clock);
    h.sipas_store = std::make_unique<MySqlSipasStore>(h.server->db());
    h.sipas =
        std::make_unique<SipasDesk>(*h.sipas_store, h.refdata.questionnaire, std::string(32, 'k'), clock);
    h.sipas_comparisons = std::make_unique<SipasComparisons>(*h.sipas_store, *h.sipas, clock);
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

  ReportingServiceTest() : school_("s-" + platform::RandomHex(4)), other_("o-" + platform::RandomHex(4)) {
    SetNow(At(2024, 3, 15));
    ScriptedSource& s = harness->source;
    for (const auto& name : {"tasks", "staffing", "finance", "complaints"}) s.SetDown(name, false);
    s.tasks.Clear();
    s.tasks.set_total(41);
    s.tasks.set_done(30);
    s.tasks.set_done_on_time(38);
    s.tasks.set_done_late(3);
    s.complaints.Clear();
    s.complaints.set_dossier_on_time_rate(92.7);
    s.staffing.Clear();
    s.finance.Clear();
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
  Caller Service() { return ::parhub::testing::TestCaller(Role::kService, ""); }

  grpc::Status Forecast(const std::string& school, int year, pb::ParForecast* out) {
    pb::GetParForecastRequest request;
    request.set_school("schools/" + school);
    request.set_year(year);
    return stub().GetParForecast(Ctx("GetParForecast", Admin(school)).get(), request, out);
  }
  grpc::Status SetItem(const std::string& school, const std::string& code, double points, int evidence,
                       pb::AssessmentItem* out, const std::string& request_id = platform::RandomId()) {
    pb::UpdateAssessmentItemRequest request;
    request.mutable_item()->set_name(absl::StrCat("schools/", school, "/parAssessments/2024/items/", code));
    request.mutable_item()->set_self_points(points);
    request.mutable_item()->set_explanation("Đã ban hành kế hoạch đúng hạn");
    for (int i = 0; i < evidence; ++i) {
      auto* e = request.mutable_item()->add_evidence();
      e->set_document_number(absl::StrCat(13 + i, "/KH-MN2010"));
      e->set_title("Kế hoạch cải cách hành chính năm 2024");
    }
    request.set_request_id(request_id);
    return stub().UpdateAssessmentItem(Ctx("UpdateAssessmentItem", Admin(school)).get(), request, out);
  }
  grpc::Status GetAssessment(const std::string& school, const Caller& caller, pb::ParAssessment* out) {
    pb::GetParAssessmentRequest request;
    request.set_name(absl::StrCat("schools/", school, "/parAssessments/2024"));
    return stub().GetParAssessment(Ctx("GetParAssessment", caller).get(), request, out);
  }
  grpc::Status Generate(const std::string& school, const std::string& period, bool allow_partial,
                        pb::ReportVersion* out, const std::string& request_id = platform::RandomId()) {
    pb::GenerateReportRequest request;
    request.set_parent("schools/" + school);
    request.set_family("reportFamilies/cchc");
    request.set_year(2024);
    request.set_period(period);
    request.set_allow_partial(allow_partial);
    auto* n = request.add_narrative();
    n->set_heading("Kết quả thực hiện");
    n->set_text("Hoàn thành 30/41 nhiệm vụ; niêm yết công khai thủ tục.");
    request.set_request_id(request_id);
    return stub().GenerateReport(Ctx("GenerateReport", Admin(school)).get(), request, out);
  }
  grpc::Status ReportCall(const std::string& method, const Caller& caller, const std::string& school,
                          const std::string& report, pb::Report* out, const std::string& reason = "") {
    const std::string name = absl::StrCat("schools/", school, "/reports/", report);
    if (method == "SubmitReport") {
      pb::SubmitReportRequest r;
      r.set_name(name);
      r.set_request_id(platform::RandomId());
      return stub().SubmitReport(Ctx(method, caller).get(), r, out);
    }
    if (method == "AcknowledgeReport") {
      pb::AcknowledgeReportRequest r;
      r.set_name(name);
      r.set_request_id(platform::RandomId());
      return stub().AcknowledgeReport(Ctx(method, caller).get(), r, out);
    }
    pb::ReturnReportRequest r;
    r.set_name(name);
    r.set_reason(reason);
    r.set_request_id(platform::RandomId());
    return stub().ReturnReport(Ctx(method, caller).get(), r, out);
  }

  std::string school_, other_;
};

// ------------------------------------------------------------- frameworks

TEST_F(ReportingServiceTest, EmbeddedFrameworksAreServedAndAddUp) {
  pb::ListParFrameworksRequest request;
  request.set_level("school");
  pb::ListParFrameworksResponse response;
  ASSERT_GRPC_OK(
      stub().ListParFrameworks(Ctx("ListParFrameworks", Staff(school_)).get(), request, &response));
  ASSERT_GE(response.par_frameworks_size(), 1);
  for (const auto& f : response.par_frameworks()) {
    double sum = 0;
    for (const auto& field : f.fields()) sum += field.max_points();
    EXPECT_DOUBLE_EQ(sum, 100) << f.name();
  }
}

TEST_F(ReportingServiceTest, AFrameworkThatDoesNotAddUpIsRefusedNamingTheCriterion) {
  pb::GetParFrameworkRequest get;
  get.set_name("parFrameworks/school-2024");
  pb::ParFramework base;
  ASSERT_GRPC_OK(stub().GetParFramework(Ctx("GetParFramework", Officer(school_)).get(), get, &base));

  pb::CreateParFrameworkRequest request;
  request.set_par_framework_id("school-2024-test-" + platform::RandomHex(3));
  *request.mutable_par_framework() = base;
  request.mutable_par_framework()
      ->mutable_fields(0)
      ->mutable_criteria(0)
      ->mutable_sub_criteria(0)
      ->set_max_points(5);
  request.set_request_id(platform::RandomId());
  pb::ParFramework created;
  grpc::Status bad =
      stub().CreateParFramework(Ctx("CreateParFramework", Officer(school_)).get(), request, &created);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedField(bad), HasSubstr("1.1"));

  *request.mutable_par_framework() = base;
  request.mutable_par_framework()
      ->mutable_fields(0)
      ->mutable_criteria(0)
      ->mutable_sub_criteria(1)
      ->set_metric("tasks.no_such_metric");
  request.set_request_id(platform::RandomId());
  bad = stub().CreateParFramework(Ctx("CreateParFramework", Officer(school_)).get(), request, &created);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(bad.error_message(), HasSubstr("tasks.no_such_metric"));

  *request.mutable_par_framework() = base;
  request.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(
      stub().CreateParFramework(Ctx("CreateParFramework", Officer(school_)).get(), request, &created));
  EXPECT_EQ(created.name(), "parFrameworks/" + request.par_framework_id());
  request.set_request_id(platform::RandomId());
  EXPECT_EQ(stub()
                .CreateParFramework(Ctx("CreateParFramework", Officer(school_)).get(), request, &created)
                .error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  // A school admin does not govern frameworks.
  request.set_request_id(platform::RandomId());
  request.set_par_framework_id("school-2024-x-" + platform::RandomHex(3));
  EXPECT_EQ(stub()
                .CreateParFramework(Ctx("CreateParFramework", Admin(school_)).get(), request, &created)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

// --------------------------------------------------------------- forecast

TEST_F(ReportingServiceTest, TheForecastExplainsEveryPointAndAddsUp) {
  pb::AssessmentItem item;
  ASSERT_GRPC_OK(SetItem(school_, "1.1.1", 1, 1, &item));
  pb::ParForecast forecast;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &forecast));
  double sum = 0;
  for (const auto& line : forecast.lines()) {
    sum += line.points();
    EXPECT_FALSE(line.explanation().empty()) << line.sub_criterion();
    EXPECT_LE(line.points(), line.max_points());
  }
  EXPECT_NEAR(sum, forecast.total_points(), 0.005);
  double fields = 0;
  for (const auto& f : forecast.fields()) fields += f.points();
  EXPECT_NEAR(fields, forecast.total_points(), 0.005);
  EXPECT_TRUE(forecast.source_errors().empty());
  std::map<std::string, pb::ForecastLine> by_code;
  for (const auto& line : forecast.lines()) by_code[line.sub_criterion()] = line;
  // 38 of 41 on time = 92.7% → the 90% step: 3 of 4 points, explained.
  EXPECT_EQ(by_code["1.2.1"].source(), pb::POINTS_SOURCE_METRIC);
  EXPECT_DOUBLE_EQ(by_code["1.2.1"].points(), 3);
  EXPECT_THAT(by_code["1.2.1"].explanation(), HasSubstr("−1: 38/41 = 92,7%"));
  // 30 of 41 done = 73.2%: linear 50..100 over 2 points → 0.93.
  EXPECT_NEAR(by_code["1.1.2"].points(), 0.93, 0.005);
  EXPECT_EQ(by_code["1.1.1"].source(), pb::POINTS_SOURCE_SELF_ASSESSED);
  EXPECT_DOUBLE_EQ(by_code["1.1.1"].points(), 1);
  EXPECT_EQ(by_code["1.4.1"].source(), pb::POINTS_SOURCE_MISSING);
  EXPECT_THAT(by_code["1.4.1"].explanation(), HasSubstr("chưa tự chấm"));

  // A late task changes the forecast on the next call.
  harness->source.tasks.set_done_on_time(36);
  harness->source.tasks.set_done_late(5);
  pb::ParForecast after;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &after));
  EXPECT_NEAR(after.total_points(), forecast.total_points() - 1, 0.005);  // 87.8% → 2 points
}

TEST_F(ReportingServiceTest, ASourceThatStopsAnsweringLeavesStaleDatedPointsNeverSilentZero) {
  pb::ParForecast fresh;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &fresh));
  harness->source.SetDown("tasks", true);
  SetNow(At(2024, 3, 16));
  pb::ParForecast stale;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &stale));
  EXPECT_NEAR(stale.total_points(), fresh.total_points(), 0.005);
  ASSERT_EQ(stale.source_errors_size(), 1);
  EXPECT_THAT(stale.source_errors(0), HasSubstr("tasks: UNAVAILABLE"));
  for (const auto& line : stale.lines()) {
    if (line.sub_criterion() != "1.2.1") continue;
    EXPECT_EQ(line.source(), pb::POINTS_SOURCE_STALE);
    EXPECT_DOUBLE_EQ(line.points(), 3);
    EXPECT_EQ(line.last_good_pull_time().seconds(), absl::ToUnixSeconds(At(2024, 3, 15)));
    EXPECT_THAT(line.explanation(), HasSubstr("số liệu cũ, lấy lúc 15/03/2024 09:00"));
  }
  // A school never pulled while the source is down: UNAVAILABLE, listed.
  pb::ParForecast never;
  ASSERT_GRPC_OK(Forecast(other_, 2024, &never));
  for (const auto& line : never.lines()) {
    if (line.sub_criterion() == "1.2.1") {
      EXPECT_EQ(line.source(), pb::POINTS_SOURCE_UNAVAILABLE);
    }
  }
  EXPECT_THAT(never.source_errors(0), HasSubstr("tasks"));
}

// A report's forecast section reuses the stored forecast while it is recent
// and every source answered for it; an older one, or one with a failed
// source, is recomputed (pulling again).
TEST_F(ReportingServiceTest, AReportReusesOnlyARecentCompleteForecast) {
  Harness& h = *harness;
  const absl::Duration max_age = absl::Minutes(15);
  SetNow(At(2024, 4, 2));  // q1 2024 is cut off
  pb::ParForecast stored;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &stored));
  h.source.tasks.set_done_on_time(36);  // the next computation loses a point (87.8%)
  h.source.tasks.set_done_late(5);

  SetNow(At(2024, 4, 2) + absl::Minutes(10));
  absl::StatusOr<pb::ParForecast> recent =
      h.forecasts->Recent(school_, 2024, max_age, absl::InfiniteFuture());
  ASSERT_TRUE(recent.ok()) << recent.status();
  EXPECT_EQ(recent->compute_time().seconds(), stored.compute_time().seconds());
  EXPECT_NEAR(recent->total_points(), stored.total_points(), 0.005);
  EXPECT_EQ(recent->lines_size(), stored.lines_size());
  ReportGenerator reusing(*h.reports, *h.forecasts, *h.summarizer, *h.pulls, max_age);
  absl::StatusOr<pb::ReportVersion> version =
      reusing.Generate(Admin(school_), school_, "cchc", 2024, "q1", {}, false, absl::InfiniteFuture());
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_NEAR(version->content().forecast().total_points(), stored.total_points(), 0.005);
  EXPECT_EQ(version->content().forecast().compute_time().seconds(), stored.compute_time().seconds());
  EXPECT_EQ(version->content().tasks().done_late(), 5);  // the period's own figures are pulled fresh

  // Past the age: recomputed from a new pull, and stored again.
  SetNow(At(2024, 4, 2) + absl::Minutes(16));
  recent = h.forecasts->Recent(school_, 2024, max_age, absl::InfiniteFuture());
  ASSERT_TRUE(recent.ok()) << recent.status();
  EXPECT_NEAR(recent->total_points(), stored.total_points() - 1, 0.005);
  EXPECT_EQ(recent->compute_time().seconds(), absl::ToUnixSeconds(At(2024, 4, 2) + absl::Minutes(16)));

  // A forecast stored with a failed source is never reused, however recent.
  h.source.SetDown("tasks", true);
  SetNow(At(2024, 4, 2) + absl::Minutes(20));
  pb::ParForecast stale;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &stale));  // GetParForecast always recomputes
  ASSERT_FALSE(stale.source_errors().empty());
  h.source.SetDown("tasks", false);
  h.source.tasks.set_done_on_time(38);
  h.source.tasks.set_done_late(3);
  SetNow(At(2024, 4, 2) + absl::Minutes(21));
  recent = h.forecasts->Recent(school_, 2024, max_age, absl::InfiniteFuture());
  ASSERT_TRUE(recent.ok()) << recent.status();
  EXPECT_TRUE(recent->source_errors().empty());
  EXPECT_NEAR(recent->total_points(), stored.total_points(), 0.005);

  // Zero: always recomputed.
  h.source.tasks.set_done_on_time(36);
  h.source.tasks.set_done_late(5);
  recent = h.forecasts->Recent(school_, 2024, absl::ZeroDuration(), absl::InfiniteFuture());
  ASSERT_TRUE(recent.ok()) << recent.status();
  EXPECT_NEAR(recent->total_points(), stored.total_points() - 1, 0.005);
}

TEST_F(ReportingServiceTest, AYearWithoutAFrameworkIsNotFound) {
  pb::ParForecast forecast;
  EXPECT_EQ(Forecast(school_, 2031, &forecast).error_code(), grpc::StatusCode::NOT_FOUND);
}

// ------------------------------------------------------------- assessment

TEST_F(ReportingServiceTest, BadAssessmentInputIsRefusedAndChangesNothing) {
  pb::AssessmentItem item;
  ASSERT_GRPC_OK(SetItem(school_, "1.4.1", 1.5, 1, &item));
  grpc::Status above = SetItem(school_, "1.4.1", 2.5, 1, &item);  // max 2
  EXPECT_EQ(above.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(above), "item.self_points");
  grpc::Status metric = SetItem(school_, "1.2.1", 1, 1, &item);  // bound to tasks.on_time_rate
  EXPECT_EQ(metric.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(metric.error_message(), HasSubstr("tasks.on_time_rate"));
  pb::ParAssessment a;
  ASSERT_GRPC_OK(GetAssessment(school_, Admin(school_), &a));
  for (const auto& i : a.items()) {
    if (i.sub_criterion() == "1.4.1") {
      EXPECT_DOUBLE_EQ(i.self_points(), 1.5);
    }
    if (i.sub_criterion() == "1.2.1") {
      EXPECT_TRUE(i.evidence().empty());
    }
  }
  // Staff read but do not write; another school sees nothing.
  EXPECT_TRUE(GetAssessment(school_, Staff(school_), &a).ok());
  EXPECT_EQ(GetAssessment(school_, Admin(other_), &a).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ReportingServiceTest, SubmitFreezesMetricsThenTheAuthorityReturnsAndAppraises) {
  pb::AssessmentItem item;
  ASSERT_GRPC_OK(SetItem(school_, "1.1.1", 1, 2, &item));
  pb::SubmitParAssessmentRequest submit;
  submit.set_name(absl::StrCat("schools/", school_, "/parAssessments/2024"));
  submit.set_request_id(platform::RandomId());
  pb::ParAssessment a;
  ASSERT_GRPC_OK(stub().SubmitParAssessment(Ctx("SubmitParAssessment", Admin(school_)).get(), submit, &a));
  EXPECT_EQ(a.state(), pb::ASSESSMENT_STATE_SUBMITTED);
  for (const auto& i : a.items()) {
    if (i.sub_criterion() == "1.2.1") {
      EXPECT_NEAR(i.metric_value(), 92.68, 0.01);
      EXPECT_DOUBLE_EQ(i.computed_points(), 3);
    }
  }
  EXPECT_EQ(SetItem(school_, "1.1.1", 0.5, 0, &item).error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  pb::ReturnParAssessmentRequest back;
  back.set_name(submit.name());
  back.set_request_id(platform::RandomId());
  EXPECT_EQ(
      stub().ReturnParAssessment(Ctx("ReturnParAssessment", Officer(school_)).get(), back, &a).error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);  // a reason is required
  back.set_reason("Thiếu minh chứng tiêu chí 1.4.1");
  back.set_request_id(platform::RandomId());
  EXPECT_EQ(
      stub().ReturnParAssessment(Ctx("ReturnParAssessment", Admin(school_)).get(), back, &a).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_GRPC_OK(stub().ReturnParAssessment(Ctx("ReturnParAssessment", Officer(school_)).get(), back, &a));
  EXPECT_EQ(a.state(), pb::ASSESSMENT_STATE_RETURNED);
  ASSERT_GRPC_OK(SetItem(school_, "1.4.1", 2, 1, &item));
  submit.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().SubmitParAssessment(Ctx("SubmitParAssessment", Admin(school_)).get(), submit, &a));

  pb::AppraiseParAssessmentRequest appraise;
  appraise.set_name(submit.name());
  auto* bad = appraise.add_appraisals();
  bad->set_sub_criterion("1.4.1");
  bad->set_points(3);  // max 2
  appraise.set_request_id(platform::RandomId());
  EXPECT_EQ(stub()
                .AppraiseParAssessment(Ctx("AppraiseParAssessment", Officer(school_)).get(), appraise, &a)
                .error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  bad->set_points(1);
  bad->set_note("Minh chứng chưa đủ");
  appraise.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(
      stub().AppraiseParAssessment(Ctx("AppraiseParAssessment", Officer(school_)).get(), appraise, &a));
  EXPECT_EQ(a.state(), pb::ASSESSMENT_STATE_APPRAISED);
  EXPECT_NEAR(a.appraised_total(), a.self_total() - 1, 0.005);

  // Every version is kept and readable: submit, return, submit, appraise.
  pb::ListAssessmentVersionsRequest history;
  history.set_parent(submit.name());
  pb::ListAssessmentVersionsResponse versions;
  ASSERT_GRPC_OK(stub().ListAssessmentVersions(Ctx("ListAssessmentVersions", Officer(school_)).get(), history,
                                               &versions));
  ASSERT_EQ(versions.versions_size(), 4);
  const std::vector<std::string> actions{"submit", "return", "submit", "appraise"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(versions.versions(i).version(), i + 1);
    EXPECT_EQ(versions.versions(i).action(), actions[i]);
  }
  EXPECT_EQ(versions.versions(0).actor(), Admin(school_).subject);
  EXPECT_EQ(versions.versions(1).assessment().state(), pb::ASSESSMENT_STATE_RETURNED);
  EXPECT_EQ(versions.versions(1).assessment().return_reason(), "Thiếu minh chứng tiêu chí 1.4.1");
  EXPECT_EQ(versions.versions(1).actor(), Officer(school_).subject);
  EXPECT_NEAR(versions.versions(0).assessment().self_total(),
              versions.versions(2).assessment().self_total() - 2,
              0.005);  // 1.4.1 self-assessed 2 points after the return
  EXPECT_NEAR(versions.versions(3).assessment().appraised_total(), a.appraised_total(), 0.005);
  // Staff read it as they read the assessment; another school finds nothing.
  ASSERT_GRPC_OK(
      stub().ListAssessmentVersions(Ctx("ListAssessmentVersions", Staff(school_)).get(), history, &versions));
  EXPECT_EQ(
      stub()
          .ListAssessmentVersions(Ctx("ListAssessmentVersions", Admin(other_)).get(), history, &versions)
          .error_code(),
      grpc::StatusCode::NOT_FOUND);
  history.set_parent(absl::StrCat("schools/", school_, "/parAssessments/2023"));
  ASSERT_GRPC_OK(
      stub().ListAssessmentVersions(Ctx("ListAssessmentVersions", Admin(school_)).get(), history, &versions));
  EXPECT_EQ(versions.versions_size(), 0);
  history.set_parent(absl::StrCat("schools/", school_, "/parAssessments/1999"));
  EXPECT_EQ(
      stub()
          .ListAssessmentVersions(Ctx("ListAssessmentVersions", Admin(school_)).get(), history, &versions)
          .error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);

  pb::ParForecast forecast;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &forecast));
  for (const auto& line : forecast.lines()) {
    EXPECT_EQ(line.source(), pb::POINTS_SOURCE_APPRAISED) << line.sub_criterion();
    if (line.sub_criterion() == "1.4.1") {
      EXPECT_THAT(line.explanation(), HasSubstr("Minh chứng chưa đủ"));
    }
  }
}

TEST_F(ReportingServiceTest, BonusesAndPenaltiesAreLinesOfTheForecastWithinTheirLimits) {
  pb::GetParFrameworkRequest get;
  get.set_name("parFrameworks/school-2024");
  pb::ParFramework framework;
  ASSERT_GRPC_OK(stub().GetParFramework(Ctx("GetParFramework", Admin(school_)).get(), get, &framework));
  ASSERT_GE(framework.adjustments_size(), 1);
  const pb::Adjustment& rule = framework.adjustments(0);
  pb::SetAssessmentAdjustmentsRequest request;
  request.set_name(absl::StrCat("schools/", school_, "/parAssessments/2024"));
  auto* adj = request.add_adjustments();
  adj->set_code(rule.code());
  adj->set_count(std::max(rule.max_count(), 1) + 1);  // beyond its limit
  adj->set_note("Sáng kiến số hóa hồ sơ tuyển sinh");
  request.set_request_id(platform::RandomId());
  pb::ParAssessment a;
  grpc::Status over =
      stub().SetAssessmentAdjustments(Ctx("SetAssessmentAdjustments", Admin(school_)).get(), request, &a);
  EXPECT_EQ(over.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(over), "adjustments[0].count");
  adj->set_count(1);
  adj->set_code("no-such-bonus");
  request.set_request_id(platform::RandomId());
  EXPECT_EQ(stub()
                .SetAssessmentAdjustments(Ctx("SetAssessmentAdjustments", Admin(school_)).get(), request, &a)
                .error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  adj->set_code(rule.code());
  request.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(
      stub().SetAssessmentAdjustments(Ctx("SetAssessmentAdjustments", Admin(school_)).get(), request, &a));
  ASSERT_EQ(a.adjustments_size(), 1);
  EXPECT_DOUBLE_EQ(a.adjustments(0).points(), rule.points());

  pb::ParForecast forecast;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &forecast));
  double sum = 0;
  bool found = false;
  for (const auto& line : forecast.lines()) {
    sum += line.points();
    if (line.sub_criterion() == rule.code()) {
      found = true;
      EXPECT_DOUBLE_EQ(line.points(), rule.points());
      EXPECT_THAT(line.explanation(), HasSubstr("Sáng kiến số hóa"));
    }
  }
  EXPECT_TRUE(found);
  EXPECT_NEAR(sum, forecast.total_points(), 0.005);
}

TEST_F(ReportingServiceTest, LastYearsDeductionsShowTheTasksThatAddressThem) {
  pb::ImportOfficialParResultRequest request;
  request.set_parent("schools/" + school_);
  request.set_year(2024);
  pb::OfficialParResult* result = request.mutable_official_par_result();
  result->set_total_points(86.5);
  result->set_document_number("1234/QĐ-UBND");
  *result->mutable_document_date() = ProtoDate(2025, 2, 10);
  auto* d = result->add_deductions();
  d->set_sub_criterion("1.1.2");
  d->set_points(2);  // its maximum: not a deduction
  d->set_reason("Hoàn thành 80% kế hoạch");
  request.set_request_id(platform::RandomId());
  pb::OfficialParResult imported;
  grpc::Status bad = stub().ImportOfficialParResult(Ctx("ImportOfficialParResult", Admin(school_)).get(),
                                                    request, &imported);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(bad), "official_par_result.deductions[0].points");
  d->set_points(1.5);
  auto* unknown = result->add_deductions();
  unknown->set_sub_criterion("9.9.9");
  unknown->set_reason("x");
  request.set_request_id(platform::RandomId());
  EXPECT_EQ(
      stub()
          .ImportOfficialParResult(Ctx("ImportOfficialParResult", Admin(school_)).get(), request, &imported)
          .error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
  result->mutable_deductions()->RemoveLast();
  request.set_request_id(platform::RandomId());
  EXPECT_EQ(
      stub()
          .ImportOfficialParResult(Ctx("ImportOfficialParResult", Staff(school_)).get(), request, &imported)
          .error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_GRPC_OK(stub().ImportOfficialParResult(Ctx("ImportOfficialParResult", Officer(school_)).get(),
                                                request, &imported));

  pb::GetOfficialParResultRequest get;
  get.set_name(absl::StrCat("schools/", school_, "/officialParResults/2024"));
  pb::OfficialParResult shown;
  ASSERT_GRPC_OK(stub().GetOfficialParResult(Ctx("GetOfficialParResult", Staff(school_)).get(), get, &shown));
  ASSERT_EQ(shown.deductions_size(), 1);
  EXPECT_DOUBLE_EQ(shown.points_lost(), 0.5);
  const pb::DeductedItem& item = shown.deductions(0);
  EXPECT_DOUBLE_EQ(item.max_points(), 2);
  ASSERT_EQ(item.tasks_size(), 1);  // the framework links 1.1.2 to plan task 1.1
  EXPECT_EQ(item.tasks(0).code(), "1.1");
  EXPECT_EQ(item.tasks(0).task(), absl::StrCat("schools/", school_, "/plans/par-2025/tasks/t1"));
  EXPECT_EQ(item.tasks(0).percent_done(), 100);
  // Tasks down: the deductions still show, the failure is said.
  harness->source.SetDown("tasks", true);
  ASSERT_GRPC_OK(stub().GetOfficialParResult(Ctx("GetOfficialParResult", Admin(school_)).get(), get, &shown));
  EXPECT_EQ(shown.deductions(0).tasks_size(), 0);
  ASSERT_EQ(shown.source_errors_size(), 1);
  EXPECT_THAT(shown.source_errors(0), HasSubstr("tasks: UNAVAILABLE"));
  EXPECT_EQ(
      stub().GetOfficialParResult(Ctx("GetOfficialParResult", Admin(other_)).get(), get, &shown).error_code(),
      grpc::StatusCode::NOT_FOUND);
}

// ---------------------------------------------------------------- reports

TEST_F(ReportingServiceTest, APeriodNotYetCutOffCannotBeReported) {
  SetNow(At(2024, 3, 14, 16));  // the Q1 cut-off day itself
  pb::ReportVersion version;
  grpc::Status early = Generate(school_, "q1", false, &version);
  EXPECT_EQ(early.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(early), "PERIOD_NOT_CUT_OFF");
  pb::GetReportRequest get;
  get.set_name(absl::StrCat("schools/", school_, "/reports/cchc-2024-q1"));
  pb::Report report;
  EXPECT_EQ(stub().GetReport(Ctx("GetReport", Admin(school_)).get(), get, &report).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Generate(school_, "q7", false, &version).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ReportingServiceTest, AReportIsVersionedSubmittedReturnedAndAcknowledged) {
  pb::ReportVersion v1;
  const std::string request_id = platform::RandomId();
  ASSERT_GRPC_OK(Generate(school_, "q1", false, &v1, request_id));
  EXPECT_EQ(v1.version(), 1);
  EXPECT_EQ(v1.content().tasks().total(), 41);
  EXPECT_EQ(v1.content().period().cutoff_date().day(), 14);
  EXPECT_EQ(v1.content().narrative(0).heading(), "Kết quả thực hiện");
  EXPECT_EQ(v1.content_sha256().size(), 64u);
  pb::ReportVersion again;
  ASSERT_GRPC_OK(Generate(school_, "q1", false, &again, request_id));  // a retry: no new snapshot
  EXPECT_EQ(again.name(), v1.name());
  pb::ReportVersion v2;
  ASSERT_GRPC_OK(Generate(school_, "q1", false, &v2));
  EXPECT_EQ(v2.version(), 2);

  pb::Report report;
  ASSERT_GRPC_OK(ReportCall("SubmitReport", Admin(school_), school_, "cchc-2024-q1", &report));
  EXPECT_EQ(report.state(), pb::REPORT_STATE_SUBMITTED);
  EXPECT_EQ(report.submitted_version(), v2.name());
  EXPECT_FALSE(report.late());  // 15/03 before the due date 20/03
  pb::ReportVersion blocked;
  EXPECT_EQ(Generate(school_, "q1", false, &blocked).error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  EXPECT_EQ(ReportCall("ReturnReport", Officer(school_), school_, "cchc-2024-q1", &report, "").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  ASSERT_GRPC_OK(
      ReportCall("ReturnReport", Officer(school_), school_, "cchc-2024-q1", &report, "Bổ sung số liệu"));
  EXPECT_EQ(report.state(), pb::REPORT_STATE_RETURNED);
  // A returned report cannot be acknowledged.
  EXPECT_EQ(ReportCall("AcknowledgeReport", Officer(school_), school_, "cchc-2024-q1", &report).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  SetNow(At(2024, 3, 25));
  pb::ReportVersion v3;
  ASSERT_GRPC_OK(Generate(school_, "q1", false, &v3));
  ASSERT_GRPC_OK(ReportCall("SubmitReport", Admin(school_), school_, "cchc-2024-q1", &report));
  EXPECT_FALSE(report.late());  // first submitted on time; a return does not make it late
  EXPECT_EQ(ReportCall("AcknowledgeReport", Admin(school_), school_, "cchc-2024-q1", &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_GRPC_OK(ReportCall("AcknowledgeReport", Officer(school_), school_, "cchc-2024-q1", &report));
  EXPECT_EQ(report.state(), pb::REPORT_STATE_ACKNOWLEDGED);

  // The submitted version as the files the authority receives.
  pb::ExportReportVersionRequest export_request;
  export_request.set_name(v2.name());
  export_request.set_format(pb::EXPORT_FORMAT_PDF);
  export_request.set_document_number("15/BC-MN2010");
  pb::ExportedReport pdf;
  ASSERT_GRPC_OK(
      stub().ExportReportVersion(Ctx("ExportReportVersion", Officer(school_)).get(), export_request, &pdf));
  EXPECT_EQ(pdf.content().substr(0, 5), "%PDF-");
  EXPECT_EQ(pdf.media_type(), "application/pdf");
  EXPECT_EQ(pdf.content_sha256(), v2.content_sha256());
  EXPECT_EQ(pdf.file_name(), "bao-cao-cchc-2024-q1-v2.pdf");
  export_request.set_format(pb::EXPORT_FORMAT_XLSX);
  pb::ExportedReport xlsx;
  ASSERT_GRPC_OK(
      stub().ExportReportVersion(Ctx("ExportReportVersion", Admin(school_)).get(), export_request, &xlsx));
  EXPECT_EQ(xlsx.content().substr(0, 2), "PK");
  export_request.set_format(pb::EXPORT_FORMAT_UNSPECIFIED);
  grpc::Status no_format =
      stub().ExportReportVersion(Ctx("ExportReportVersion", Admin(school_)).get(), export_request, &xlsx);
  EXPECT_EQ(no_format.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(no_format), "format");
  export_request.set_format(pb::EXPORT_FORMAT_PDF);
  EXPECT_EQ(stub()
                .ExportReportVersion(Ctx("ExportReportVersion", Admin(other_)).get(), export_request, &pdf)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);

  pb::ListReportVersionsRequest list;
  list.set_parent(report.name());
  pb::ListReportVersionsResponse versions;
  ASSERT_GRPC_OK(stub().ListReportVersions(Ctx("ListReportVersions", Admin(school_)).get(), list, &versions));
  ASSERT_EQ(versions.versions_size(), 3);
  EXPECT_EQ(versions.versions(0).version(), 3);
  EXPECT_FALSE(versions.versions(0).has_content());
  // Another school's admin and the school's staff do not see it.
  pb::GetReportRequest get;
  get.set_name(report.name());
  EXPECT_EQ(stub().GetReport(Ctx("GetReport", Admin(other_)).get(), get, &report).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(stub().GetReport(Ctx("GetReport", Staff(school_)).get(), get, &report).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(ReportingServiceTest, AFailedSourceBlocksTheReportUnlessPartialIsAllowed) {
  harness->source.SetDown("finance", true);
  pb::ReportVersion version;
  grpc::Status blocked = Generate(school_, "q1", false, &version);
  EXPECT_EQ(blocked.error_code(), grpc::StatusCode::UNAVAILABLE);
  ASSERT_GRPC_OK(Generate(school_, "q1", true, &version));
  EXPECT_FALSE(version.content().has_finance());
  EXPECT_TRUE(version.content().has_tasks());
  ASSERT_FALSE(version.source_errors().empty());
  EXPECT_THAT(version.source_errors(0), HasSubstr("finance"));
}

TEST_F(ReportingServiceTest, LateAndMissingReportsShowInTheBatchStatusAndTheSummary) {
  pb::ReportVersion version;
  SetNow(At(2024, 3, 22));
  ASSERT_GRPC_OK(Generate(school_, "q1", false, &version));
  pb::Report report;
  ASSERT_GRPC_OK(ReportCall("SubmitReport", Admin(school_), school_, "cchc-2024-q1", &report));
  EXPECT_TRUE(report.late());

  pb::BatchGetReportStatusesRequest batch;
  batch.set_family("reportFamilies/cchc");
  batch.set_year(2024);
  batch.set_period("q1");
  batch.add_school_ids(school_);
  batch.add_school_ids(other_);
  pb::BatchGetReportStatusesResponse statuses;
  EXPECT_EQ(stub()
                .BatchGetReportStatuses(Ctx("BatchGetReportStatuses", Admin(school_)).get(), batch, &statuses)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_GRPC_OK(
      stub().BatchGetReportStatuses(Ctx("BatchGetReportStatuses", Service()).get(), batch, &statuses));
  ASSERT_EQ(statuses.statuses_size(), 2);
  EXPECT_EQ(statuses.statuses(0).status(), pb::SUBMISSION_STATUS_LATE);
  EXPECT_EQ(statuses.statuses(0).days_late(), 2);
  EXPECT_EQ(statuses.statuses(1).status(), pb::SUBMISSION_STATUS_MISSING);

  pb::SummarizeReportingRequest summary_request;
  summary_request.set_school("schools/" + school_);
  *summary_request.mutable_period_start() = ProtoDate(2024, 1, 1);
  *summary_request.mutable_period_end() = ProtoDate(2024, 3, 31);
  pb::ReportingSummary summary;
  ASSERT_GRPC_OK(
      stub().SummarizeReporting(Ctx("SummarizeReporting", Admin(school_)).get(), summary_request, &summary));
  EXPECT_GE(summary.reports_due(), 1);
  EXPECT_EQ(summary.reports_late(), 1);
  EXPECT_LT(summary.report_on_time_rate(), 100);
}

TEST_F(ReportingServiceTest, BatchSummaryIsForServicesOnlyAndRefusesBadSchoolListsNamingTheField) {
  pb::ReportVersion version;
  SetNow(At(2024, 3, 22));
  ASSERT_GRPC_OK(Generate(school_, "q1", false, &version));
  pb::Report report;
  ASSERT_GRPC_OK(ReportCall("SubmitReport", Admin(school_), school_, "cchc-2024-q1", &report));
  pb::BatchSummarizeReportingRequest request;
  request.add_schools("schools/" + other_);
  request.add_schools("schools/" + school_);
  *request.mutable_period_start() = ProtoDate(2024, 1, 1);
  *request.mutable_period_end() = ProtoDate(2024, 3, 31);
  pb::BatchSummarizeReportingResponse response;
  auto call = [&](const Caller& caller, const pb::BatchSummarizeReportingRequest& r) {
    return stub().BatchSummarizeReporting(Ctx("BatchSummarizeReporting", caller).get(), r, &response);
  };
  // Whoever else asks, even about its own school: refused.
  for (const Caller& caller : {Admin(school_), Staff(school_), Officer(school_)}) {
    EXPECT_EQ(call(caller, request).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  }
  ASSERT_GRPC_OK(call(Service(), request));
  ASSERT_EQ(response.summaries_size(), 2);
  EXPECT_EQ(response.summaries(0).school(), "schools/" + other_);
  EXPECT_EQ(response.summaries(0).reports_late(), 0);
  EXPECT_EQ(response.summaries(1).school(), "schools/" + school_);
  EXPECT_EQ(response.summaries(1).reports_late(), 1);

  ::parhub::testing::ExpectBadSchoolListsRefused(
      request, [&](const pb::BatchSummarizeReportingRequest& r) { return call(Service(), r); });
  pb::BatchSummarizeReportingRequest bad = request;
  *bad.mutable_period_start() = ProtoDate(2024, 4, 1);
  EXPECT_EQ(ViolatedField(call(Service(), bad)), "period_end");
}

TEST_F(ReportingServiceTest, TheScheduleRecomputesEveryKnownSchoolsForecastWithoutAnyoneAsking) {
  pb::AssessmentItem item;
  ASSERT_GRPC_OK(SetItem(school_, "1.1.1", 1, 1, &item));  // the school becomes known
  SetNow(At(2024, 5, 2));
  ForecastSchedule schedule(*harness->store, *harness->forecasts, absl::ZeroDuration(),
                            [] { return absl::FromUnixMicros(harness->now_micros.load()); });
  absl::StatusOr<int> done = schedule.RunOnce();
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_GE(*done, 1);
  pb::BatchGetScorecardsRequest request;
  request.set_year(2024);
  request.add_school_ids(school_);
  pb::BatchGetScorecardsResponse response;
  ASSERT_GRPC_OK(stub().BatchGetScorecards(Ctx("BatchGetScorecards", Service()).get(), request, &response));
  EXPECT_EQ(response.scorecards(0).forecast_time().seconds(), absl::ToUnixSeconds(At(2024, 5, 2)));
  EXPECT_GT(response.scorecards(0).forecast_points(), 0);
}

TEST_F(ReportingServiceTest, ScorecardsCarryTheStoredForecastAndAssessment) {
  pb::ParForecast forecast;
  ASSERT_GRPC_OK(Forecast(school_, 2024, &forecast));
  pb::BatchGetScorecardsRequest request;
  request.set_year(2024);
  request.add_school_ids(school_);
  request.add_school_ids(other_);
  pb::BatchGetScorecardsResponse response;
  ASSERT_GRPC_OK(stub().BatchGetScorecards(Ctx("BatchGetScorecards", Service()).get(), request, &response));
  ASSERT_EQ(response.scorecards_size(), 2);
  EXPECT_NEAR(response.scorecards(0).forecast_points(), forecast.total_points(), 0.005);
  EXPECT_EQ(response.scorecards(1).forecast_points(), 0);
  for (int i = 0; i < 5001; ++i) request.add_school_ids(absl::StrCat("s", i));
  EXPECT_EQ(
      stub().BatchGetScorecards(Ctx("BatchGetScorecards", Service()).get(), request, &response).error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ReportingServiceTest, NotificationMethodsCheckTheirInputAndTheCaller) {
  // An unknown kind and an impossible day name their fields; nothing runs.
  pb::ListNotificationsRequest list;
  list.set_parent("schools/" + school_);
  list.add_kinds(static_cast<pb::NotificationKind>(9));
  pb::ListNotificationsResponse listed;
  grpc::Status bad_kind =
      stub().ListNotifications(Ctx("ListNotifications", Admin(school_)).get(), list, &listed);
  EXPECT_EQ(bad_kind.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(bad_kind), "kinds");
  pb::GetNotificationDigestRequest digest_request;
  digest_request.mutable_date()->set_year(2026);
  digest_request.mutable_date()->set_month(2);
  digest_request.mutable_date()->set_day(30);
  pb::NotificationDigest digest;
  grpc::Status bad_day = stub().GetNotificationDigest(Ctx("GetNotificationDigest", Admin(school_)).get(),
                                                      digest_request, &digest);
  EXPECT_EQ(bad_day.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(bad_day), "date");
  // Another school's outbox is NOT_FOUND; a malformed authority is named.
  list.clear_kinds();
  EXPECT_EQ(
      stub().ListNotifications(Ctx("ListNotifications", Admin(other_)).get(), list, &listed).error_code(),
      grpc::StatusCode::NOT_FOUND);
  pb::RunNotificationSweepRequest sweep;
  sweep.set_parent("schools/" + school_);
  pb::NotificationSweep swept;
  grpc::Status bad_parent =
      stub().RunNotificationSweep(Ctx("RunNotificationSweep", Officer(school_)).get(), sweep, &swept);
  EXPECT_EQ(bad_parent.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(bad_parent), "parent");
  // An empty day's digest comes back with its subject and text.
  digest_request.mutable_date()->set_day(27);
  ASSERT_GRPC_OK(stub().GetNotificationDigest(Ctx("GetNotificationDigest", Admin(school_)).get(),
                                              digest_request, &digest));
  EXPECT_EQ(digest.notifications_size(), 0);
  EXPECT_EQ(digest.account(), "accounts/user-" + school_);
  EXPECT_THAT(digest.subject(), HasSubstr("27/02/2026"));
  EXPECT_THAT(digest.text(), HasSubstr("không có thông báo mới"));
}

}  // namespace
}  // namespace parhub::reporting
