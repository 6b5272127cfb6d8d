// Integration tests of BatchSummarizeStaffing over MariaDB: for schools with
// different rosters, ratings, records, inspections and staff voice (and one
// with no data at all) the batch answers, in the order asked, exactly what
// SummarizeStaffing answers for each school; only parhub's services may ask,
// and the lists and periods a roll-up must not send are refused naming the
// field. The fixture is in staffing_fixture.h; the rows are written through
// the store, so each school gets exactly the data the test describes.
#include <google/protobuf/util/message_differencer.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/school_batch.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "services/staffing/tests/staffing_fixture.h"

namespace parhub::staffing {
namespace {

using ::parhub::testing::ProtoDate;
using ::parhub::testing::ViolatedField;

class StaffingBatchTest : public StaffingServiceTest {
 protected:
  StaffingStore& store() { return *harness->store; }

  void AddStaff(const std::string& school, const std::string& id, EmploymentType type, Date start,
                Date end = {}, const std::string& email = "", std::vector<Circumstance> circumstances = {}) {
    Staff s;
    s.school_id = school;
    s.staff_id = id;
    s.staff_code = absl::AsciiStrToUpper(id);
    s.display_name = "Trần Văn " + id;
    s.employment_type = type;
    s.budget_paid = type != EmploymentType::kContract;
    s.start_date = start;
    s.end_date = end;
    s.status = end.IsSet() ? StaffStatus::kLeft : StaffStatus::kActive;
    s.city_email = email;
    s.circumstances = std::move(circumstances);
    ASSERT_TRUE(store().InsertStaff(s).ok()) << id;
  }

  void AddRating(const std::string& school, const std::string& staff, int year, int quarter,
                 RatingGrade grade) {
    Rating r;
    r.school_id = school;
    r.staff_id = staff;
    r.year = year;
    r.quarter = quarter;
    r.grade = grade;
    ASSERT_TRUE(store().InsertRating(r).ok()) << staff << " " << year << "-" << quarter;
  }

  void AddQuota(const std::string& school, int year, int civil_servants, int public_employees) {
    StaffingQuota q;
    q.school_id = school;
    q.year = year;
    q.civil_servant_quota = civil_servants;
    q.public_employee_quota = public_employees;
    ASSERT_TRUE(store().InsertQuota(q).ok());
  }

  void AddRecord(const std::string& school, const std::string& staff, DownsizingState state, Date proposed,
                 Date effective = {}) {
    DownsizingRecord r;
    r.school_id = school;
    r.record_id = "r-" + staff;
    r.staff_id = staff;
    r.decree = "154/2025/ND-CP";
    r.category = "nd154-rating-not-completed";
    r.policy = "nd154-early-retirement";
    r.state = state;
    r.proposed_date = proposed;
    r.effective_date = effective;
    ASSERT_TRUE(store().InsertRecord(r).ok());
  }

  void AddInspection(const std::string& school, const std::string& id, InspectionKind kind, Date day,
                     int violations) {
    DisciplineInspection i;
    i.school_id = school;
    i.inspection_id = id;
    i.kind = kind;
    i.inspection_date = day;
    i.scope = "Giờ giấc làm việc";
    for (int n = 0; n < violations; ++n) i.findings.push_back({"", "Đến trễ", true, "Nhắc nhở", day, {}});
    i.findings.push_back({"", "Trang phục đúng quy định", false, "", {}, {}});
    ASSERT_TRUE(store().InsertInspection(i).ok());
  }

  void AddSuggestion(const std::string& school, const std::string& id, Date sent, Date answered = {}) {
    StaffSuggestion s;
    s.school_id = school;
    s.suggestion_id = id;
    s.topic = "Quy chế chi tiêu nội bộ";
    s.content = "Đề nghị công khai";
    s.submit_date = sent;
    s.state = answered.IsSet() ? SuggestionState::kAnswered : SuggestionState::kOpen;
    s.answer_date = answered;
    ASSERT_TRUE(store().InsertSuggestion(s).ok());
  }

  void AddMeeting(const std::string& school, Date day, std::vector<Date> resolved) {
    BoardMeeting m;
    m.school_id = school;
    m.meeting_id = "m-" + day.ToIso();
    m.meeting_date = day;
    m.minutes = "Biên bản họp";
    for (Date r : resolved) m.recommendations.push_back({"Kiến nghị", day, "", r});
    ASSERT_TRUE(store().InsertMeeting(m).ok());
  }

  pb::StaffingSummary Single(const std::string& school, const pb::BatchSummarizeStaffingRequest& batch) {
    pb::SummarizeStaffingRequest request;
    request.set_school("schools/" + school);
    *request.mutable_period_start() = batch.period_start();
    *request.mutable_period_end() = batch.period_end();
    request.set_target_plan(batch.target_plan());
    pb::StaffingSummary summary;
    grpc::Status status = stub().SummarizeStaffing(Ctx("SummarizeStaffing", As(Role::kService, school)).get(),
                                                   request, &summary);
    EXPECT_TRUE(status.ok()) << school << ": " << status.error_message();
    return summary;
  }

  grpc::Status Batch(const Caller& caller, const pb::BatchSummarizeStaffingRequest& request,
                     pb::BatchSummarizeStaffingResponse* response) {
    return stub().BatchSummarizeStaffing(Ctx("BatchSummarizeStaffing", caller).get(), request, response);
  }

  static pb::BatchSummarizeStaffingRequest Request(const std::vector<std::string>& schools) {
    pb::BatchSummarizeStaffingRequest request;
    for (const std::string& school : schools) request.add_schools("schools/" + school);
    *request.mutable_period_start() = ProtoDate(2024, 1, 1);
    *request.mutable_period_end() = ProtoDate(2025, 6, 30);
    return request;
  }

  Caller Service() { return As(Role::kService, ""); }
};

TEST_F(StaffingBatchTest, EachSchoolGetsWhatItsOwnSummaryAnswersInTheOrderAsked) {
  const std::string& a = school_;
  const std::string& b = other_;
  const std::string empty = "e-" + platform::RandomHex(4);
  const std::string later = "l-" + platform::RandomHex(4);

  // a: three on the roster on 30/6/2025 (one joined mid-2024), one who left
  // in August 2024 through an effective record; e-mail in use by one of two
  // mailboxes; quarterly and yearly ratings; a quota; inspections, a
  // suggestion answered, a board meeting; its own baselines.
  AddStaff(a, "a1", EmploymentType::kCivilServant, {2015, 9, 1}, {}, "a1@tphcm.gov.vn");
  AddStaff(a, "a2", EmploymentType::kPublicEmployee, {2015, 9, 1}, {}, "a2@tphcm.gov.vn");
  AddStaff(a, "a3", EmploymentType::kContract, {2024, 7, 1});
  AddStaff(a, "a4", EmploymentType::kPublicEmployee, {2010, 9, 1}, {2024, 8, 31});
  ASSERT_TRUE(store().RecordEmailUsage(a, {2025, 6, 30}, {{"a1", {2025, 6, 20}}, {"a2", {2025, 1, 2}}}).ok());
  for (int q = 1; q <= 4; ++q)
    AddRating(a, "a1", 2024, q, q == 4 ? RatingGrade::kExcellent : RatingGrade::kGood);
  AddRating(a, "a2", 2024, 2, RatingGrade::kCompleted);
  AddRating(a, "a2", 2025, 1, RatingGrade::kNotCompleted);
  AddRating(a, "a1", 2024, 0, RatingGrade::kGood);
  AddRating(a, "a2", 2024, 0, RatingGrade::kNotCompleted);  // a candidate
  AddQuota(a, 2025, 2, 5);
  AddRecord(a, "a4", DownsizingState::kEffective, {2024, 5, 2}, {2024, 9, 1});
  AddInspection(a, "i1", InspectionKind::kSurprise, {2024, 11, 5}, 2);
  AddInspection(a, "i2", InspectionKind::kScheduled, {2025, 3, 1}, 0);
  AddInspection(a, "i3", InspectionKind::kSurprise, {2023, 12, 31}, 1);  // before the period
  AddSuggestion(a, "g1", {2025, 2, 1}, {2025, 2, 10});
  AddMeeting(a, {2025, 4, 1}, {{2025, 5, 1}, {}});
  DownsizingTarget target{a, "hcm-2023-2026", 3, 4, {}};
  ASSERT_TRUE(store().UpsertTarget(target).ok());

  // b: three people rated "not completed" for 2024, of whom one is pregnant
  // (exempt) and one already proposed (open record): one candidate.
  AddStaff(b, "b1", EmploymentType::kPublicEmployee, {2020, 9, 1}, {}, "",
           {{CircumstanceKind::kPregnant, {2025, 5, 1}, {}, ""}});
  AddStaff(b, "b2", EmploymentType::kCivilServant, {2020, 9, 1});
  AddStaff(b, "b3", EmploymentType::kPublicEmployee, {2021, 9, 1}, {}, "b3@tphcm.gov.vn");
  for (const char* id : {"b1", "b2", "b3"}) AddRating(b, id, 2024, 0, RatingGrade::kNotCompleted);
  AddRating(b, "b1", 2025, 2, RatingGrade::kExcellent);
  AddRecord(b, "b2", DownsizingState::kProposed, {2025, 5, 10});
  AddQuota(b, 2025, 1, 3);
  AddQuota(b, 2024, 9, 9);  // another year's
  AddSuggestion(b, "g1", {2024, 3, 3});

  // later: a quota, and someone who joined after the period.
  AddQuota(later, 2025, 0, 2);
  AddStaff(later, "l1", EmploymentType::kPublicEmployee, {2025, 8, 1});

  pb::BatchSummarizeStaffingRequest request = Request({b, empty, a, later});
  pb::BatchSummarizeStaffingResponse response;
  grpc::Status status = Batch(Service(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.summaries_size(), 4);
  const std::vector<std::string> order = {b, empty, a, later};
  for (int i = 0; i < 4; ++i) {
    pb::StaffingSummary single = Single(order[i], request);
    std::string differences;
    google::protobuf::util::MessageDifferencer differ;
    differ.ReportDifferencesToString(&differences);
    EXPECT_TRUE(differ.Compare(response.summaries(i), single)) << order[i] << ":\n" << differences;
  }

  // The figures are the schools' own, not zeros or another school's.
  const pb::StaffingSummary& sb = response.summaries(0);
  const pb::StaffingSummary& se = response.summaries(1);
  const pb::StaffingSummary& sa = response.summaries(2);
  const pb::StaffingSummary& sl = response.summaries(3);
  EXPECT_EQ(sa.school(), "schools/" + a);
  EXPECT_EQ(sa.staff_count(), 3);
  EXPECT_EQ(sa.civil_servants(), 1);
  EXPECT_EQ(sa.contract_staff(), 1);
  EXPECT_EQ(sa.civil_servant_quota(), 2);
  EXPECT_EQ(sa.city_email_accounts(), 2);
  EXPECT_EQ(sa.city_email_users(), 1);
  EXPECT_EQ(sa.ratings_due(), 18);  // six quarter ends, three on the roster at each
  EXPECT_EQ(sa.ratings_recorded(), 6);
  EXPECT_EQ(sa.rated_excellent(), 1);
  EXPECT_EQ(sa.rated_not_completed(), 1);
  EXPECT_EQ(sa.downsizing_proposed(), 1);  // proposed 2/5/2024, effective 1/9/2024
  EXPECT_EQ(sa.downsizing_effective(), 1);
  EXPECT_EQ(sa.discipline_inspections(), 2);
  EXPECT_EQ(sa.surprise_inspections(), 1);
  EXPECT_EQ(sa.discipline_violations(), 2);
  EXPECT_EQ(sa.downsizing_candidates(), 1);
  EXPECT_EQ(sa.staff_suggestions_answered(), 1);
  EXPECT_EQ(sa.board_recommendations(), 2);
  EXPECT_EQ(sa.board_recommendations_resolved(), 1);
  EXPECT_GT(sa.downsizing_progress_percent(), 0);

  EXPECT_EQ(sb.school(), "schools/" + b);
  EXPECT_EQ(sb.staff_count(), 3);
  EXPECT_EQ(sb.civil_servant_quota(), 1);
  EXPECT_EQ(sb.ratings_recorded(), 1);
  EXPECT_EQ(sb.downsizing_proposed(), 1);
  EXPECT_EQ(sb.downsizing_candidates(), 1);
  EXPECT_EQ(sb.staff_suggestions(), 1);
  EXPECT_EQ(sb.staff_suggestions_answered(), 0);
  EXPECT_EQ(sb.discipline_inspections(), 0);

  EXPECT_EQ(se.school(), "schools/" + empty);
  EXPECT_EQ(se.staff_count(), 0);
  EXPECT_EQ(se.ratings_due(), 0);
  EXPECT_DOUBLE_EQ(se.rating_completion_rate(), 100);

  EXPECT_EQ(sl.staff_count(), 0);
  EXPECT_EQ(sl.public_employee_quota(), 2);
}

TEST_F(StaffingBatchTest, OnlyServicesAskAndBadListsOrPeriodsAreRefusedByField) {
  pb::BatchSummarizeStaffingRequest request = Request({school_, other_});
  pb::BatchSummarizeStaffingResponse response;
  for (const Caller& caller : {Admin(school_), Officer(school_), As(Role::kSchoolStaff, school_)}) {
    EXPECT_EQ(Batch(caller, request, &response).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  }
  ASSERT_TRUE(Batch(Service(), request, &response).ok());
  EXPECT_EQ(response.summaries_size(), 2);

  auto refused = [&](const pb::BatchSummarizeStaffingRequest& bad) {
    pb::BatchSummarizeStaffingResponse none;
    grpc::Status status = Batch(Service(), bad, &none);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(none.summaries_size(), 0);
    return ViolatedField(status);
  };
  EXPECT_EQ(refused(Request({})), "schools");
  EXPECT_EQ(refused(Request({school_, other_, school_})), "schools[2]");
  pb::BatchSummarizeStaffingRequest malformed = Request({school_});
  malformed.add_schools("schools/" + school_ + "/staff/gv01");
  EXPECT_EQ(refused(malformed), "schools[1]");
  std::vector<std::string> many;
  for (int i = 0; i <= platform::kMaxBatchSchools; ++i) many.push_back(absl::StrCat("s", i));
  EXPECT_EQ(refused(Request(many)), "schools");
  many.pop_back();  // the most a call may name
  ASSERT_TRUE(Batch(Service(), Request(many), &response).ok());
  EXPECT_EQ(response.summaries_size(), platform::kMaxBatchSchools);

  pb::BatchSummarizeStaffingRequest reversed = request;
  *reversed.mutable_period_end() = ProtoDate(2023, 12, 31);
  EXPECT_EQ(refused(reversed), "period_end");
  pb::BatchSummarizeStaffingRequest unfinished = request;
  *unfinished.mutable_period_end() = ProtoDate(2025, 12, 31);
  EXPECT_EQ(refused(unfinished), "period_end");
  pb::BatchSummarizeStaffingRequest open = request;
  open.clear_period_start();
  EXPECT_EQ(refused(open), "period_start");
  pb::BatchSummarizeStaffingRequest plan = request;
  plan.set_target_plan("hcm-2099");
  EXPECT_EQ(refused(plan), "target_plan");
}

}  // namespace
}  // namespace parhub::staffing
