// ReportingSummarizer::SummarizeSchools over MariaDB: reports, parents' and
// staff surveys and assessments of several schools written through the
// desks (reports on time, late and missing; surveys with answers in and
// out of the period, a draft one; a submitted assessment and a draft one
// with evidence), then the batch compared field by field with Summarize for
// each school, in the order asked, a school without data included.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include "platform/core/feedback_code.h"
#include "platform/core/resource_name.h"
#include "platform/core/school_batch.h"
#include "platform/db/db.h"
#include "platform/db/migrations.h"
#include "platform/rpc/proto_values.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"
#include "services/reporting/domain/assessment_desk.h"
#include "services/reporting/domain/forecast_desk.h"
#include "services/reporting/domain/framework_rules.h"
#include "services/reporting/domain/report_calendar.h"
#include "services/reporting/domain/report_desk.h"
#include "services/reporting/domain/sipas_desk.h"
#include "services/reporting/rpc/refdata.h"
#include "services/reporting/store/mysql_reporting_store.h"
#include "services/reporting/store/mysql_service_feedback_store.h"
#include "services/reporting/store/mysql_sipas_store.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Date;
using ::parhub::platform::Role;
using ::parhub::testing::At;
using ::parhub::testing::IsInvalidField;
using ::parhub::testing::TestCaller;

class ReportingBatchSummaryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new ::parhub::testing::TestDatabase("reporting_batch");
    db_ = new platform::Db(database_->config());
    ASSERT_OK(platform::ApplyMigrations(*db_, "reporting", ReportingMigrations()));
    auto loaded = LoadEmbeddedRefdata();
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    refdata_ = new ReportingRefdata(*std::move(loaded));
  }
  static void TearDownTestSuite() {
    delete refdata_;
    delete db_;
    delete database_;
  }

  ReportingBatchSummaryTest()
      : store_(*db_),
        sipas_store_(*db_),
        frameworks_(store_, refdata_->catalog, clock_),
        assessments_(store_, frameworks_, clock_),
        calendar_(refdata_->families),
        reports_(store_, calendar_, clock_),
        sipas_(sipas_store_, refdata_->questionnaire, std::string(32, 'k'), clock_),
        feedback_store_(*db_),
        feedback_(feedback_store_, std::string(32, 'f'), clock_),
        summarizer_(assessments_, frameworks_, reports_, sipas_, feedback_) {}

  void SetUp() override { ASSERT_OK(frameworks_.Seed(refdata_->frameworks)); }

  void Today(Date day) { now_ = At(day.year, day.month, day.day); }

  // The school's cchc report of `period`, generated and submitted on `on`.
  void SubmitReport(const std::string& school, const std::string& period, Date on) {
    Today(on);
    const platform::Caller admin = TestCaller(Role::kSchoolAdmin, school);
    ASSERT_OK_AND_ASSIGN(ResolvedPeriod resolved,
                         reports_.CheckGeneratable(admin, school, "cchc", 2024, period));
    ASSERT_OK(reports_.AddVersion(admin, school, resolved, {"nội dung báo cáo", {}}).status());
    ASSERT_OK(reports_.Submit(admin, school, "cchc-2024-" + period, 0).status());
  }

  // A survey of `audience` open from `open` for a month; `scores` are the
  // answers (every question alike) given on `open`. Opened unless `draft`.
  void Survey(const std::string& school, const std::string& id, v1::SurveyAudience audience, Date open,
              const std::vector<int>& scores, bool draft = false) {
    Today(open);
    const platform::Caller admin = TestCaller(Role::kSchoolAdmin, school);
    v1::SipasSurvey survey;
    survey.set_title("Khảo sát sự hài lòng của phụ huynh");
    survey.set_audience(audience);
    *survey.mutable_open_date() = platform::DateToProto(open);
    *survey.mutable_close_date() = platform::DateToProto(platform::AddDays(open, 30));
    ASSERT_OK(sipas_.Create(admin, school, id, survey).status());
    if (draft) return;
    ASSERT_OK(sipas_.Open(admin, school, id).status());
    ASSERT_OK_AND_ASSIGN(std::vector<std::string> codes,
                         sipas_.IssueCodes(admin, school, id, static_cast<int>(scores.size())));
    const platform::Caller desk = TestCaller(Role::kService, "");
    for (size_t i = 0; i < scores.size(); ++i) {
      std::vector<v1::SipasAnswer> answers;
      for (const auto& factor : refdata_->questionnaire.factors()) {
        for (const auto& question : factor.questions()) {
          v1::SipasAnswer& answer = answers.emplace_back();
          answer.set_question(question.code());
          answer.set_score(factor.code() == "feedback" && i == 0 ? 2 : scores[i]);
        }
      }
      ASSERT_OK(sipas_.Submit(desk, codes[i], answers, "").status());
    }
  }

  // Short-survey answers on `day` to resolved cases `subjects`, with these
  // "overall" scores (the other questions 3).
  void Feedback(const std::string& school, Date day, const std::vector<std::string>& subjects,
                const std::vector<int>& overall) {
    Today(day);
    for (size_t i = 0; i < subjects.size(); ++i) {
      common::v1::FeedbackInvitation invitation;
      invitation.set_school("schools/" + school);
      invitation.set_touchpoint(common::v1::FEEDBACK_TOUCHPOINT_CASE_RESOLVED);
      invitation.set_subject(subjects[i]);
      invitation.set_code(
          platform::FeedbackCode(std::string(32, 'f'), platform::kFeedbackCaseResolved, school, subjects[i]));
      ASSERT_OK(feedback_.Submit(TestCaller(Role::kService, ""), invitation, {overall[i], 3, 3}).status());
    }
  }

  // Evidence for the self-assessed `codes` of the school's 2024 assessment.
  void Evidence(const std::string& school, const std::vector<std::string>& codes) {
    const platform::Caller admin = TestCaller(Role::kSchoolAdmin, school);
    for (const std::string& code : codes) {
      v1::AssessmentItem item;
      item.set_sub_criterion(code);
      item.set_self_points(0.5);
      item.set_explanation("Đã ban hành kế hoạch đúng hạn");
      v1::AssessmentEvidence* e = item.add_evidence();
      e->set_document_number("13/KH-MN2010");
      e->set_title("Kế hoạch cải cách hành chính năm 2024");
      ASSERT_OK(assessments_.UpdateItem(admin, school, 2024, item).status());
    }
  }

  // Submits the 2024 assessment with every METRIC item's line present.
  void SubmitAssessment(const std::string& school) {
    ASSERT_OK_AND_ASSIGN(v1::ParFramework framework, frameworks_.ForYear(2024, "school"));
    v1::ParForecast forecast;
    for (const FrameworkItem& fi : ItemsOf(framework)) {
      if (fi.item->mode() != v1::ASSESSMENT_MODE_METRIC) continue;
      v1::ForecastLine* line = forecast.add_lines();
      line->set_sub_criterion(fi.item->code());
      line->set_source(v1::POINTS_SOURCE_METRIC);
    }
    ASSERT_OK(assessments_.Submit(TestCaller(Role::kSchoolAdmin, school), school, 2024, forecast).status());
  }

  // Four schools, asked out of their sorted order; "d-…" has no data.
  std::vector<std::string> WriteCity() {
    const std::string tag = platform::RandomHex(4);
    const std::string a = "a-" + tag, b = "b-" + tag, c = "c-" + tag, d = "d-" + tag;
    SubmitReport(a, "q1", {2024, 3, 19});
    SubmitReport(a, "6m", {2024, 6, 19});
    SubmitReport(b, "q1", {2024, 3, 22});
    Survey(a, "phhs", v1::SURVEY_AUDIENCE_PARENTS, {2024, 3, 20}, {5, 4});
    Survey(a, "phhs-7", v1::SURVEY_AUDIENCE_PARENTS, {2024, 7, 2}, {1});
    Survey(b, "gv", v1::SURVEY_AUDIENCE_STAFF, {2024, 4, 2}, {1, 1});
    Survey(b, "phhs", v1::SURVEY_AUDIENCE_PARENTS, {2024, 5, 6}, {3});
    Survey(c, "nhap", v1::SURVEY_AUDIENCE_PARENTS, {2024, 5, 6}, {}, true);
    Feedback(a, {2024, 4, 3}, {"c-1", "c-2"}, {5, 2});
    Feedback(a, {2024, 7, 3}, {"c-3"}, {5});  // after the period
    Feedback(b, {2024, 5, 7}, {"c-1"}, {4});
    Today({2024, 7, 10});
    Evidence(a, {"1.1.1", "1.4.1", "2.1.1"});
    SubmitAssessment(a);
    Evidence(b, {"1.1.1"});
    Today({2024, 7, 20});
    return {c, d, a, b};
  }

  static ::parhub::testing::TestDatabase* database_;
  static platform::Db* db_;
  static ReportingRefdata* refdata_;
  absl::Time now_ = At(2024, 7, 20);
  std::function<absl::Time()> clock_ = [this] { return now_; };
  MySqlReportingStore store_;
  MySqlSipasStore sipas_store_;
  FrameworkBook frameworks_;
  AssessmentDesk assessments_;
  ReportCalendar calendar_;
  ReportDesk reports_;
  SipasDesk sipas_;
  MySqlServiceFeedbackStore feedback_store_;
  ServiceFeedbackDesk feedback_;
  ReportingSummarizer summarizer_;
};

::parhub::testing::TestDatabase* ReportingBatchSummaryTest::database_ = nullptr;
platform::Db* ReportingBatchSummaryTest::db_ = nullptr;
ReportingRefdata* ReportingBatchSummaryTest::refdata_ = nullptr;

TEST_F(ReportingBatchSummaryTest, EachSchoolOfTheBatchEqualsItsOwnSummaryInTheOrderAsked) {
  const std::vector<std::string> asked = WriteCity();
  ASSERT_FALSE(HasFailure());
  const Date from{2024, 1, 1}, to{2024, 6, 30};
  ASSERT_OK_AND_ASSIGN(std::vector<v1::ReportingSummary> batch,
                       summarizer_.SummarizeSchools(asked, from, to));
  ASSERT_EQ(batch.size(), asked.size());
  for (size_t i = 0; i < asked.size(); ++i) {
    ASSERT_OK_AND_ASSIGN(v1::ReportingSummary alone, summarizer_.Summarize(asked[i], from, to));
    std::string diff;
    google::protobuf::util::MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(alone, batch[i])) << asked[i] << ": " << diff;
    EXPECT_EQ(batch[i].school(), "schools/" + asked[i]);
  }
  // The figures are each school's own (so equal answers are not all zeros).
  const v1::ReportingSummary &c = batch[0], &d = batch[1], &a = batch[2], &b = batch[3];
  EXPECT_GE(a.reports_due(), 2);
  EXPECT_EQ(a.reports_on_time(), 2);
  EXPECT_EQ(b.reports_late(), 1);
  EXPECT_EQ(b.reports_missing(), a.reports_due() - 1);
  EXPECT_EQ(c.reports_missing(), a.reports_due());
  EXPECT_EQ(a.sipas_surveys(), 1) << "the July survey is after the period";
  EXPECT_EQ(a.sipas_responses(), 2);
  EXPECT_GT(a.sipas_index(), b.sipas_index());
  EXPECT_LT(a.sipas_feedback_index(), a.sipas_index());
  EXPECT_EQ(b.sipas_surveys(), 1) << "the staff survey is not the parents'";
  EXPECT_EQ(b.sipas_responses(), 1);
  EXPECT_EQ(c.sipas_surveys(), 0) << "a draft survey does not count";
  EXPECT_EQ(a.assessment_submitted(), 1);
  EXPECT_EQ(b.assessment_submitted(), 0);
  EXPECT_GT(a.evidence_coverage_rate(), b.evidence_coverage_rate());
  EXPECT_GT(b.evidence_coverage_rate(), 0);
  EXPECT_EQ(d.sipas_responses(), 0);
  EXPECT_EQ(d.assessment_submitted(), 0);
  EXPECT_DOUBLE_EQ(d.evidence_coverage_rate(), 0);
  EXPECT_EQ(d.reports_missing(), a.reports_due());
  EXPECT_EQ(a.feedback_responses(), 2) << "the July answer is after the period";
  EXPECT_DOUBLE_EQ(a.feedback_satisfied_share(), 50);
  EXPECT_EQ(b.feedback_responses(), 1);
  EXPECT_DOUBLE_EQ(b.feedback_satisfied_share(), 100);
  EXPECT_EQ(d.feedback_responses(), 0);
}

TEST_F(ReportingBatchSummaryTest, BadListsAndPeriodsAreRefusedNamingTheField) {
  const Date from{2024, 1, 1}, to{2024, 6, 30};
  EXPECT_THAT(summarizer_.SummarizeSchools({}, from, to), IsInvalidField("schools"));
  EXPECT_THAT(summarizer_.SummarizeSchools({"a1", "b2", "a1"}, from, to), IsInvalidField("schools[2]"));
  std::vector<std::string> many(platform::kMaxBatchSchools + 1);
  for (size_t i = 0; i < many.size(); ++i) many[i] = "s" + std::to_string(i);
  EXPECT_THAT(summarizer_.SummarizeSchools(many, from, to), IsInvalidField("schools"));
  EXPECT_THAT(summarizer_.SummarizeSchools({"a1"}, to, from), IsInvalidField("period_end"));
  EXPECT_THAT(summarizer_.Summarize("a1", to, from), IsInvalidField("period_end"));
}

}  // namespace
}  // namespace parhub::reporting
