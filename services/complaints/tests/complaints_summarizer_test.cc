// ComplaintsSummarizer over a stand-in store and the real rules: a batch
// answers each school exactly as Summarize does, in the order asked, from
// one read; a bad school list or period is refused before anything is
// read. (The same parity over MariaDB: batch_summary_test.cc.)
#include "services/complaints/domain/complaints_summarizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "platform/core/school_batch.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/status_matchers.h"
#include "services/complaints/tests/summary_testing.h"

namespace parhub::complaints {
namespace {

using ::parhub::testing::At;
using ::parhub::testing::IsInvalidField;

// Answers CasesForPeriod from a list, counting reads; nothing else is used.
class PeriodCases final : public ComplaintsStore {
 public:
  std::vector<Case> cases;
  int reads = 0;

  absl::StatusOr<std::vector<Case>> CasesForPeriod(const std::vector<std::string>& school_ids, Date,
                                                   Date) override {
    ++reads;
    const std::set<std::string> asked(school_ids.begin(), school_ids.end());
    std::vector<Case> out;
    for (const Case& c : cases) {
      if (asked.contains(c.school_id) || c.school_id == "not-asked") out.push_back(c);
    }
    return out;
  }

  absl::Status Atomically(const std::function<absl::Status()>&) override { return Unused(); }
  absl::Status InsertCase(const Case&) override { return Unused(); }
  absl::StatusOr<Case> GetCase(const std::string&, const std::string&, Lock) override { return Unused(); }
  absl::StatusOr<Case> FindByTrackingCode(const std::string&, Lock) override { return Unused(); }
  absl::Status UpdateCase(const Case&) override { return Unused(); }
  absl::Status InsertExtension(const Case&, const Extension&) override { return Unused(); }
  absl::Status InsertApologyLetter(const Case&, const ApologyLetter&) override { return Unused(); }
  absl::Status InsertPriorResolution(const Case&, const PriorResolution&) override { return Unused(); }
  absl::StatusOr<CaseEvent> AppendEvent(CaseEvent) override { return Unused(); }
  absl::StatusOr<std::vector<CaseEvent>> ListEvents(const std::string&, const std::string&, bool, int64_t,
                                                    int) override {
    return Unused();
  }
  absl::StatusOr<std::vector<Case>> ListCases(const std::string&, const CaseQuery&,
                                              const std::optional<CaseCursor>&, int) override {
    return Unused();
  }
  absl::Status InsertNotice(const EnrolmentNotice&) override { return Unused(); }
  absl::StatusOr<EnrolmentNotice> GetNotice(const std::string&, const std::string&, Lock) override {
    return Unused();
  }
  absl::Status UpdateNotice(const EnrolmentNotice&) override { return Unused(); }
  absl::StatusOr<std::vector<EnrolmentNotice>> ListNotices(const std::string&, Date,
                                                           const std::optional<std::pair<Date, std::string>>&,
                                                           int) override {
    return Unused();
  }
  absl::StatusOr<int> CountRegistrationsOf(const std::string&, const std::string&,
                                           const Applicant&) override {
    return Unused();
  }
  absl::StatusOr<std::vector<Case>> ListEscalated(const std::string&, const std::vector<std::string>&,
                                                  const std::optional<EscalationCursor>&, int) override {
    return Unused();
  }

 private:
  static absl::Status Unused() { return absl::UnimplementedError("not used by the summarizer"); }
};

// A case as CaseDesk leaves it: received (and accepted) on `received`, due
// on `due`.
Case Made(const std::string& school, const std::string& id, CaseType type, Date received, Date due,
          CaseState state) {
  Case c;
  c.school_id = school;
  c.case_id = id;
  c.case_type = type;
  c.complaint_round = type == CaseType::kComplaint ? 1 : 0;
  c.channel = Channel::kInPerson;
  c.received_date = received;
  c.accepted_date = received;
  c.resolution_due_date = due;
  c.state = state;
  return c;
}

Case Resolved(Case c, Date on) {
  c.state = CaseState::kResolved;
  c.resolution.outcome = Outcome::kAnswered;
  c.resolution.resolved_date = on;
  return c;
}

// Three schools with different cases; "not-asked" has one the store
// returns anyway.
std::vector<Case> City() {
  std::vector<Case> out;
  Case online =
      Resolved(Made("a1", "1", CaseType::kFeedback, {2025, 3, 3}, {2025, 3, 17}, {}), {2025, 3, 10});
  online.channel = Channel::kPublicPortal;
  online.rating = {5, "", At(2025, 3, 11)};
  out.push_back(online);
  Case dossier =
      Resolved(Made("a1", "2", CaseType::kProcedureDossier, {2025, 3, 3}, {2025, 3, 10}, {}), {2025, 3, 12});
  dossier.apology_letters.push_back({"02/XL", {2025, 3, 11}, "Chờ xác minh", {2025, 3, 12}});
  out.push_back(dossier);
  out.push_back(Made("a1", "3", CaseType::kComplaint, {2025, 6, 2}, {2025, 8, 1}, CaseState::kInProgress));
  Case extended =
      Resolved(Made("b2", "4", CaseType::kDenunciation, {2025, 2, 3}, {2025, 4, 5}, {}), {2025, 4, 5});
  extended.extensions.push_back(
      {30, false, "Phức tạp", "03/GH", {2025, 3, 6}, {2025, 4, 5}, "x", At(2025, 3, 5)});
  out.push_back(extended);
  Case reopened = Made("b2", "5", CaseType::kFeedback, {2025, 4, 1}, {2025, 5, 15}, CaseState::kInProgress);
  reopened.prior_resolutions.push_back(
      {{Outcome::kAnswered, "", "", "", {2025, 4, 10}}, {2025, 4, 15}, Timeliness::kEarly});
  out.push_back(reopened);
  out.push_back(
      Made("b2", "6", CaseType::kProcedureFeedback, {2025, 5, 5}, {2025, 5, 20}, CaseState::kAccepted));
  Case rejected = Made("c3", "7", CaseType::kFeedback, {2025, 1, 6}, {2025, 1, 20}, CaseState::kNotAccepted);
  rejected.closed_date = {2025, 1, 8};
  out.push_back(rejected);
  Case rated_late =
      Resolved(Made("c3", "8", CaseType::kFeedback, {2024, 11, 4}, {2024, 11, 18}, {}), {2024, 11, 20});
  rated_late.rating = {2, "", At(2025, 1, 2)};
  out.push_back(rated_late);
  out.push_back(
      Made("not-asked", "9", CaseType::kFeedback, {2025, 3, 3}, {2025, 3, 17}, CaseState::kAccepted));
  return out;
}

TEST(ComplaintsSummarizer, BatchAnswersEachSchoolAsSummarizeDoesInTheOrderAskedFromOneRead) {
  PeriodCases store;
  store.cases = City();
  ComplaintsSummarizer summarizer(store, EmbeddedRules());
  const Date from{2025, 1, 1}, to{2025, 6, 30};
  const std::vector<std::string> asked = {"c3", "empty", "a1", "b2"};
  ASSERT_OK_AND_ASSIGN(std::vector<ComplaintSummary> batch, summarizer.SummarizeSchools(asked, from, to));
  EXPECT_EQ(store.reads, 1);
  ExpectEachAsAlone(summarizer, asked, from, to, batch);
  // Each school's own figures, not a neighbour's.
  EXPECT_EQ(batch[0].not_accepted, 1);
  EXPECT_EQ(batch[0].satisfaction_responses, 1);
  EXPECT_EQ(batch[1].received, 0);
  EXPECT_DOUBLE_EQ(batch[1].on_time_rate, 100);
  EXPECT_TRUE(batch[1].by_type.empty());
  EXPECT_EQ(batch[2].received, 3);
  EXPECT_EQ(batch[2].resolved_late, 1);
  EXPECT_DOUBLE_EQ(batch[2].apology_rate, 100);
  EXPECT_DOUBLE_EQ(batch[2].filed_online_share, 100.0 / 3);
  EXPECT_EQ(batch[3].extensions, 1);
  EXPECT_EQ(batch[3].resolved, 2) << "the denunciation and the answer a reopening replaced";
  EXPECT_EQ(batch[3].overdue_open, 1);
}

TEST(ComplaintsSummarizer, BatchRefusesBadSchoolListsAndPeriodsBeforeReading) {
  PeriodCases store;
  store.cases = City();
  ComplaintsSummarizer summarizer(store, EmbeddedRules());
  const Date from{2025, 1, 1}, to{2025, 6, 30};
  EXPECT_THAT(summarizer.SummarizeSchools({}, from, to), IsInvalidField("schools"));
  EXPECT_THAT(summarizer.SummarizeSchools({"a1", "b2", "a1"}, from, to), IsInvalidField("schools[2]"));
  std::vector<std::string> many(platform::kMaxBatchSchools + 1);
  for (size_t i = 0; i < many.size(); ++i) many[i] = "s" + std::to_string(i);
  EXPECT_THAT(summarizer.SummarizeSchools(many, from, to), IsInvalidField("schools"));
  // The period checks of Summarize.
  EXPECT_THAT(summarizer.SummarizeSchools({"a1"}, {}, to), IsInvalidField("period_start"));
  EXPECT_THAT(summarizer.SummarizeSchools({"a1"}, from, {}), IsInvalidField("period_end"));
  EXPECT_THAT(summarizer.SummarizeSchools({"a1"}, to, from), IsInvalidField("period_end"));
  EXPECT_THAT(summarizer.SummarizeSchools({"a1"}, {2010, 1, 1}, to), IsInvalidField("period_end"));
  EXPECT_THAT(summarizer.Summarize("a1", {2010, 1, 1}, to), IsInvalidField("period_end"));
  EXPECT_EQ(store.reads, 0);
}

}  // namespace
}  // namespace parhub::complaints
