// ComplaintsSummarizer::SummarizeSchools over MariaDB: cases of several
// schools written through CaseDesk and PublicDesk (answered early and late,
// a late dossier with its apology letter, an extension, a reopened answer,
// a withdrawal, a refusal, an escalation, ratings, open cases, a case after
// the period), then the batch compared field by field with Summarize for
// each school, in the order asked, a school without cases included.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/resource_name.h"
#include "platform/db/db.h"
#include "platform/db/migrations.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"
#include "services/complaints/domain/case_desk.h"
#include "services/complaints/domain/complaints_summarizer.h"
#include "services/complaints/domain/public_desk.h"
#include "services/complaints/store/mysql_complaints_store.h"
#include "services/complaints/tests/summary_testing.h"

namespace parhub::complaints {
namespace {

using ::parhub::testing::At;

constexpr char kActor[] = "accounts/user-admin";

class BatchSummaryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new ::parhub::testing::TestDatabase("complaints_batch");
    db_ = new platform::Db(database_->config());
    ASSERT_OK(platform::ApplyMigrations(*db_, "complaints", ComplaintsMigrations()));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete database_;
  }

  BatchSummaryTest()
      : store_(*db_),
        desk_(store_, EmbeddedRules(), [this] { return now_; }),
        public_desk_(store_, desk_, std::string(32, 'f')),
        summarizer_(store_, EmbeddedRules()) {}

  // A case received on `received` (today moves there first).
  CreatedCase File(const std::string& school, CaseType type, Date received,
                   Channel channel = Channel::kInPerson) {
    Case draft;
    draft.case_type = type;
    draft.channel = channel;
    draft.subject = "Về việc thu tiền học thêm";
    draft.content = "Phụ huynh phản ánh việc thu tiền không có biên lai.";
    draft.submitter.full_name = "Trần Văn Bình";
    draft.submitter.phone = "0909 123 456";
    draft.submitter.address = "12 Lê Lợi, phường Bến Thành";
    draft.received_date = received;
    if (type == CaseType::kComplaint) draft.decision_date = platform::AddDays(received, -1);
    if (type == CaseType::kProcedureDossier) {
      draft.procedure_code = "1.004438";
      draft.procedure_time_limit_days = 5;
    }
    Today(received);
    absl::StatusOr<CreatedCase> created = desk_.Create(school, std::move(draft), kActor);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *std::move(created) : CreatedCase{};
  }

  void Today(Date day) { now_ = At(day.year, day.month, day.day); }

  void Resolve(const CreatedCase& c, Outcome outcome, Date on) {
    Today(on);
    Resolution r;
    r.outcome = outcome;
    r.public_summary = "Nhà trường đã trả lời.";
    r.resolved_date = on;
    ASSERT_OK(desk_.Resolve(c.record.school_id, c.record.case_id, r, kActor).status());
  }

  void Accept(const CreatedCase& c, Date on) {
    Today(on);
    ASSERT_OK(
        desk_.Accept(c.record.school_id, c.record.case_id, on, "01/TB", Complexity::kUnspecified, kActor)
            .status());
  }

  void Rate(const CreatedCase& c, int score, Date on) {
    Today(on);
    ASSERT_OK(public_desk_.Rate(c.record.tracking_code, c.tracking_secret, score, "").status());
  }

  // Four schools, asked out of their sorted order; "d-…" has no cases.
  std::vector<std::string> WriteCity() {
    const std::string tag = platform::RandomHex(4);
    const std::string a = "a-" + tag, b = "b-" + tag, c = "c-" + tag, d = "d-" + tag;
    // a: an online answer rated 5, a late dossier with its letter, an open complaint.
    CreatedCase online = File(a, CaseType::kFeedback, {2025, 3, 3}, Channel::kPublicPortal);
    Resolve(online, Outcome::kAnswered, {2025, 3, 5});
    Rate(online, 5, {2025, 3, 6});
    CreatedCase dossier = File(a, CaseType::kProcedureDossier, {2025, 3, 3});
    Today({2025, 3, 11});
    EXPECT_OK(desk_
                  .RecordApology(a, dossier.record.case_id,
                                 {"02/XL", {2025, 3, 11}, "Chờ xác minh hồ sơ.", {2025, 3, 12}}, kActor)
                  .status());
    Resolve(dossier, Outcome::kGranted, {2025, 3, 12});
    Accept(File(a, CaseType::kComplaint, {2025, 6, 2}), {2025, 6, 3});
    // b: an extended denunciation, a reopened answer, an open procedure
    // feedback, a withdrawal.
    CreatedCase denunciation = File(b, CaseType::kDenunciation, {2025, 3, 3});
    Accept(denunciation, {2025, 3, 3});
    Today({2025, 3, 20});
    EXPECT_OK(desk_
                  .Extend(b, denunciation.record.case_id, 30, "Phải xác minh ở nhiều nơi", "03/GH",
                          Complexity::kComplex, kActor)
                  .status());
    Resolve(denunciation, Outcome::kUpheld, {2025, 4, 21});
    CreatedCase reopened = File(b, CaseType::kFeedback, {2025, 4, 1});
    Resolve(reopened, Outcome::kAnswered, {2025, 4, 8});
    Today({2025, 4, 10});
    EXPECT_OK(desk_.Reopen(b, reopened.record.case_id, "Chưa thỏa đáng", kActor).status());
    File(b, CaseType::kProcedureFeedback, {2025, 5, 5});
    CreatedCase withdrawn = File(b, CaseType::kFeedback, {2025, 5, 12});
    Today({2025, 5, 14});
    EXPECT_OK(desk_.Withdraw(b, withdrawn.record.case_id, "Đã được giải thích", kActor).status());
    // c: a refusal, a 2024 answer rated in the period, an escalation, a
    // case after the period.
    CreatedCase refused = File(c, CaseType::kComplaint, {2025, 1, 6});
    Today({2025, 1, 8});
    EXPECT_OK(desk_.Reject(c, refused.record.case_id, "Đơn không đủ điều kiện", "", kActor).status());
    CreatedCase old = File(c, CaseType::kFeedback, {2024, 11, 4});
    Resolve(old, Outcome::kAnswered, {2024, 11, 8});
    Rate(old, 2, {2025, 1, 2});
    CreatedCase escalated = File(c, CaseType::kComplaint, {2025, 2, 3});
    Accept(escalated, {2025, 2, 4});
    Today({2025, 3, 20});
    EXPECT_OK(desk_
                  .Escalate(c, escalated.record.case_id, "Quá hạn chưa giải quyết", {2025, 3, 20},
                            "authorities/so-gd", kActor)
                  .status());
    File(c, CaseType::kFeedback, {2025, 7, 10});
    Today({2025, 7, 20});
    return {c, d, a, b};
  }

  static ::parhub::testing::TestDatabase* database_;
  static platform::Db* db_;
  absl::Time now_ = At(2025, 7, 20);
  MySqlComplaintsStore store_;
  CaseDesk desk_;
  PublicDesk public_desk_;
  ComplaintsSummarizer summarizer_;
};

::parhub::testing::TestDatabase* BatchSummaryTest::database_ = nullptr;
platform::Db* BatchSummaryTest::db_ = nullptr;

TEST_F(BatchSummaryTest, EachSchoolOfTheBatchEqualsItsOwnSummaryInTheOrderAsked) {
  const std::vector<std::string> asked = WriteCity();
  ASSERT_FALSE(HasFailure());
  const Date from{2025, 1, 1}, to{2025, 6, 30};
  ASSERT_OK_AND_ASSIGN(std::vector<ComplaintSummary> batch, summarizer_.SummarizeSchools(asked, from, to));
  ExpectEachAsAlone(summarizer_, asked, from, to, batch);
  // The figures are each school's own (so equal answers are not all zeros).
  const ComplaintSummary &c = batch[0], &d = batch[1], &a = batch[2], &b = batch[3];
  EXPECT_EQ(c.received, 2) << "the 2024 case and the July case are outside";
  EXPECT_EQ(c.not_accepted, 1);
  EXPECT_EQ(c.escalated, 1);
  EXPECT_EQ(c.satisfaction_responses, 1);
  EXPECT_DOUBLE_EQ(c.satisfaction_average, 2);
  EXPECT_EQ(d.received, 0);
  EXPECT_EQ(d.resolved, 0);
  EXPECT_DOUBLE_EQ(d.on_time_rate, 100);
  EXPECT_TRUE(d.by_type.empty());
  EXPECT_EQ(a.received, 3);
  EXPECT_EQ(a.resolved_early, 1);
  EXPECT_EQ(a.resolved_late, 1);
  EXPECT_DOUBLE_EQ(a.apology_rate, 100);
  EXPECT_DOUBLE_EQ(a.filed_online_share, 100.0 / 3);
  EXPECT_EQ(a.open_within_deadline + a.due_soon_open, 1);
  EXPECT_EQ(b.received, 4);
  EXPECT_EQ(b.extensions, 1);
  EXPECT_EQ(b.withdrawn, 1);
  EXPECT_EQ(b.resolved, 2) << "the denunciation and the answer the reopening replaced";
  EXPECT_EQ(b.overdue_open, 1) << "the procedure feedback of 5/5";
}

TEST_F(BatchSummaryTest, ABatchOfOneIsTheSummaryAndUnknownSchoolsAreZeros) {
  const std::vector<std::string> city = WriteCity();
  ASSERT_FALSE(HasFailure());
  const Date from{2025, 1, 1}, to{2025, 6, 30};
  ASSERT_OK_AND_ASSIGN(auto one, summarizer_.SummarizeSchools({city[2]}, from, to));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].received, 3);
  ASSERT_OK_AND_ASSIGN(auto unknown, summarizer_.SummarizeSchools({"nobody-" + city[0], city[0]}, from, to));
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_EQ(unknown[0].received, 0);
  EXPECT_EQ(unknown[1].received, 2);
}

}  // namespace
}  // namespace parhub::complaints
