// Integration tests of the staffing gRPC service inside one process: a real
// gRPC server over MariaDB with the embedded downsizing catalog, called
// with signed identities as the gateway sends them. Covers who sees personal
// data, tenancy, the roster import (idempotent re-import, row errors that
// change nothing, a wrong header), ratings of periods not begun, the
// downsizing life cycle with exemptions and volunteering, what an officer
// sees, candidates from ratings and progress against the target. The
// fixture is in staffing_fixture.h.
#include "services/staffing/rpc/staffing_service.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "services/staffing/tests/staffing_fixture.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::Role;
using ::parhub::testing::ProtoDate;
using ::parhub::testing::ReasonOf;
using ::parhub::testing::ViolatedField;
using ::testing::HasSubstr;

using ::parhub::testing::At;

TEST_F(StaffingServiceTest, PersonalDataReachesTheSchoolsAdminsOnly) {
  pb::Staff created = CreateStaff(school_, "GV01");
  EXPECT_EQ(created.id_number(), "079190012345");
  pb::GetStaffRequest get;
  get.set_name(created.name());
  pb::Staff seen;
  ASSERT_TRUE(stub().GetStaff(Ctx("GetStaff", Admin(school_)).get(), get, &seen).ok());
  EXPECT_EQ(seen.birth_date().year(), 1990);
  EXPECT_EQ(seen.id_number(), "079190012345");

  pb::Staff as_staff;
  ASSERT_TRUE(stub().GetStaff(Ctx("GetStaff", As(Role::kSchoolStaff, school_)).get(), get, &as_staff).ok());
  EXPECT_EQ(as_staff.display_name(), created.display_name());
  EXPECT_FALSE(as_staff.has_birth_date());
  EXPECT_TRUE(as_staff.id_number().empty());
  EXPECT_EQ(as_staff.circumstances_size(), 0);

  pb::Staff none;
  grpc::Status officer = stub().GetStaff(Ctx("GetStaff", Officer(school_)).get(), get, &none);
  EXPECT_EQ(officer.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  grpc::Status other = stub().GetStaff(Ctx("GetStaff", Admin(other_)).get(), get, &none);
  EXPECT_EQ(other.error_code(), grpc::StatusCode::NOT_FOUND);
  pb::ListStaffRequest list;
  list.set_parent("schools/" + school_);
  pb::ListStaffResponse listed;
  EXPECT_EQ(stub().ListStaff(Ctx("ListStaff", Officer(school_)).get(), list, &listed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Another school's admin cannot write into this school either.
  pb::Staff ignored;
  EXPECT_EQ(stub()
                .CreateStaff(Ctx("CreateStaff", Admin(other_)).get(), StaffRequest(school_, "X1"), &ignored)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(StaffingServiceTest, BadStaffInputNamesTheFieldAndChangesNothing) {
  pb::CreateStaffRequest future = StaffRequest(school_, "GV09");
  *future.mutable_staff()->mutable_start_date() = ProtoDate(2025, 10, 2);
  pb::Staff ignored;
  grpc::Status status = stub().CreateStaff(Ctx("CreateStaff", Admin(school_)).get(), future, &ignored);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(status), "staff.start_date");
  EXPECT_EQ(CountStaff(school_), 0);
  CreateStaff(school_, "GV09");
  status =
      stub().CreateStaff(Ctx("CreateStaff", Admin(school_)).get(), StaffRequest(school_, "GV09"), &ignored);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
}

TEST_F(StaffingServiceTest, StaleEtagIsAborted) {
  pb::Staff staff = CreateStaff(school_, "GV10");
  pb::UpdateStaffRequest update;
  *update.mutable_staff() = staff;
  update.mutable_staff()->set_position("Tổ trưởng chuyên môn");
  update.mutable_update_mask()->add_paths("position");
  update.set_request_id(platform::RandomId());
  pb::Staff updated;
  ASSERT_TRUE(stub().UpdateStaff(Ctx("UpdateStaff", Admin(school_)).get(), update, &updated).ok());
  EXPECT_NE(updated.etag(), staff.etag());
  update.set_request_id(platform::RandomId());
  update.mutable_staff()->set_position("Giáo viên");
  grpc::Status stale = stub().UpdateStaff(Ctx("UpdateStaff", Admin(school_)).get(), update, &updated);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);
}

TEST_F(StaffingServiceTest, ReimportingTheSameRosterChangesNothing) {
  std::string csv =
      "\xEF\xBB\xBFstaff_code,display_name,position,employment_type,budget_paid,start_date,city_email\r\n"
      "GV01,Nguyễn Văn Đức,Giáo viên,vien_chuc,1,01/09/2015,duc@tphcm.gov.vn\r\n"
      "KT01,\"Lê Thị Hoa, kế toán\",Kế toán,hop_dong,0,2019-03-04,\r\n";
  pb::ImportStaffRosterResponse first, second;
  ASSERT_TRUE(ImportCsv(csv, &first).ok());
  EXPECT_EQ(first.created_count(), 2);
  EXPECT_TRUE(first.applied());
  ASSERT_TRUE(ImportCsv(csv, &second).ok());
  EXPECT_EQ(second.created_count(), 0);
  EXPECT_EQ(second.updated_count(), 0);
  EXPECT_EQ(second.unchanged_count(), 2);
  EXPECT_FALSE(second.applied());
  EXPECT_EQ(CountStaff(school_), 2);
  // Another person with the same city mailbox is refused, naming the field.
  pb::CreateStaffRequest twin = StaffRequest(school_, "GV99");
  twin.mutable_staff()->set_city_email("duc@tphcm.gov.vn");
  pb::Staff ignored;
  EXPECT_EQ(ViolatedField(stub().CreateStaff(Ctx("CreateStaff", Admin(school_)).get(), twin, &ignored)),
            "staff.city_email");
}

TEST_F(StaffingServiceTest, RosterRowErrorsNameLineAndColumnAndWriteNothing) {
  std::string csv =
      "staff_code,display_name,position,employment_type,budget_paid,start_date,city_email\n"
      "GV01,An,Giáo viên,vien_chuc,1,2015-09-01,\n"
      "GV02,Bình,Giáo viên,vien_chuc,1,2030-09-01,\n";
  pb::ImportStaffRosterResponse response;
  ASSERT_TRUE(ImportCsv(csv, &response).ok());
  ASSERT_EQ(response.errors_size(), 1);
  EXPECT_EQ(response.errors(0).row(), 3);
  EXPECT_EQ(response.errors(0).column(), "start_date");
  EXPECT_FALSE(response.applied());
  EXPECT_EQ(CountStaff(school_), 0);
  ASSERT_TRUE(ImportCsv(csv, &response, /*skip=*/true).ok());
  EXPECT_TRUE(response.applied());
  EXPECT_EQ(CountStaff(school_), 1);

  // The rows form reports a bad value per row too, instead of failing the call.
  pb::ImportStaffRosterRequest rows;
  rows.set_parent("schools/" + school_);
  rows.set_skip_invalid_rows(true);
  for (const char* code : {"GV05", "GV06"}) {
    pb::RosterRow* row = rows.add_rows();
    row->set_staff_code(code);
    row->set_display_name("Trần Văn Sáu");
    row->set_employment_type(pb::EMPLOYMENT_TYPE_PUBLIC_EMPLOYEE);
    *row->mutable_start_date() = ProtoDate(2016, 9, 5);
  }
  *rows.mutable_rows(1)->mutable_start_date() = ProtoDate(2016, 2, 30);
  rows.set_request_id(platform::RandomId());
  ASSERT_TRUE(stub().ImportStaffRoster(Ctx("ImportStaffRoster", Admin(school_)).get(), rows, &response).ok());
  EXPECT_EQ(response.created_count(), 1);
  ASSERT_EQ(response.errors_size(), 1);
  EXPECT_EQ(response.errors(0).row(), 2);
  EXPECT_EQ(response.errors(0).column(), "start_date");

  grpc::Status header = ImportCsv("ma,ten\nGV01,An\n", &response);
  EXPECT_EQ(header.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(header), "csv");
}

TEST_F(StaffingServiceTest, RatingsOfPeriodsNotBegunAreRefusedAndPeriodsAreRatedOnce) {
  pb::Staff staff = CreateStaff(school_, "GV20");
  grpc::Status future = Rate(staff, 2026, 1, pb::RATING_GRADE_GOOD);
  EXPECT_EQ(future.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(future), "rating.quarter");
  EXPECT_TRUE(Rate(staff, 2025, 4, pb::RATING_GRADE_GOOD).ok());  // Q4 began on 01/10
  EXPECT_EQ(Rate(staff, 2025, 4, pb::RATING_GRADE_EXCELLENT).error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(ViolatedField(Rate(staff, 2025, 3, pb::RATING_GRADE_UNSPECIFIED)), "rating.grade");
  pb::UpdateRatingRequest correct;
  correct.mutable_rating()->set_name(staff.name() + "/ratings/2025-q4");
  correct.mutable_rating()->set_grade(pb::RATING_GRADE_EXCELLENT);
  correct.mutable_update_mask()->add_paths("grade");
  correct.set_request_id(platform::RandomId());
  pb::Rating corrected;
  EXPECT_EQ(
      ViolatedField(stub().UpdateRating(Ctx("UpdateRating", Admin(school_)).get(), correct, &corrected)),
      "reason");
  correct.set_reason("Bổ sung minh chứng thành tích quý IV");
  correct.set_request_id(platform::RandomId());
  ASSERT_TRUE(stub().UpdateRating(Ctx("UpdateRating", Admin(school_)).get(), correct, &corrected).ok());
  auto kept = harness->server->db().Query(
      "SELECT grade_before, grade_after, reason FROM rating_corrections WHERE school_id = ?", {school_});
  ASSERT_TRUE(kept.ok()) << kept.status();
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ((*kept)[0].Str(0), "2");
  EXPECT_EQ((*kept)[0].Str(1), "1");
  EXPECT_EQ((*kept)[0].Str(2), "Bổ sung minh chứng thành tích quý IV");
  pb::ListRatingsRequest list;
  list.set_parent("schools/" + school_ + "/staff/-");
  pb::ListRatingsResponse listed;
  EXPECT_EQ(stub().ListRatings(Ctx("ListRatings", Officer(school_)).get(), list, &listed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(stub().ListRatings(Ctx("ListRatings", Admin(school_)).get(), list, &listed).ok());
  ASSERT_EQ(listed.ratings_size(), 1);
  EXPECT_EQ(listed.ratings(0).name(), staff.name() + "/ratings/2025-q4");
}

TEST_F(StaffingServiceTest, ExemptPeopleCannotBeProposedUnlessTheyVolunteerForAWaivableExemption) {
  pb::Staff staff = CreateStaff(school_, "GV30");
  pb::UpdateStaffRequest update;
  update.mutable_staff()->set_name(staff.name());
  pb::Circumstance* child = update.mutable_staff()->add_circumstances();
  child->set_kind(pb::CIRCUMSTANCE_KIND_CHILD_UNDER_36_MONTHS);
  *child->mutable_start_date() = ProtoDate(2024, 5, 1);
  *child->mutable_end_date() = ProtoDate(2027, 5, 1);
  update.mutable_update_mask()->add_paths("circumstances");
  update.set_request_id(platform::RandomId());
  pb::Staff updated;
  ASSERT_TRUE(stub().UpdateStaff(Ctx("UpdateStaff", Admin(school_)).get(), update, &updated).ok());
  EXPECT_TRUE(updated.downsizing_exempt());

  pb::DownsizingRecord record;
  grpc::Status exempt =
      stub().CreateDownsizingRecord(Ctx("CreateDownsizingRecord", Admin(school_)).get(),
                                    RecordRequest(staff, "nd154-surplus-restructuring"), &record);
  EXPECT_EQ(exempt.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(exempt), "STAFF_EXEMPT");
  EXPECT_THAT(exempt.error_message(), HasSubstr("36 tháng"));
  ASSERT_TRUE(stub()
                  .CreateDownsizingRecord(Ctx("CreateDownsizingRecord", Admin(school_)).get(),
                                          RecordRequest(staff, "nd154-surplus-restructuring", true), &record)
                  .ok());
  EXPECT_TRUE(record.volunteered());
  // One open record per person.
  grpc::Status twice =
      stub().CreateDownsizingRecord(Ctx("CreateDownsizingRecord", Admin(school_)).get(),
                                    RecordRequest(staff, "nd154-surplus-restructuring", true), &record);
  EXPECT_EQ(ReasonOf(twice), "OPEN_RECORD_EXISTS");
}

TEST_F(StaffingServiceTest, LegalBasisMustApplyOnTheProposalDate) {
  pb::Staff staff = CreateStaff(school_, "GV31");
  pb::CreateDownsizingRecordRequest old_decree = RecordRequest(staff, "nd29-surplus-restructuring");
  old_decree.mutable_downsizing_record()->set_decree("29/2023/ND-CP");
  old_decree.mutable_downsizing_record()->set_policy("nd29-early-retirement");
  pb::DownsizingRecord record;
  grpc::Status status =
      stub().CreateDownsizingRecord(Ctx("CreateDownsizingRecord", Admin(school_)).get(), old_decree, &record);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(status), "DECREE_NOT_IN_FORCE");
  pb::CreateDownsizingRecordRequest wrong_category = RecordRequest(staff, "nd29-surplus-restructuring");
  status = stub().CreateDownsizingRecord(Ctx("CreateDownsizingRecord", Admin(school_)).get(), wrong_category,
                                         &record);
  EXPECT_EQ(ViolatedField(status), "downsizing_record.category");
}

TEST_F(StaffingServiceTest, RecordLifeCycleAndWhatTheOfficerSees) {
  pb::Staff staff = CreateStaff(school_, "CC01", pb::EMPLOYMENT_TYPE_CIVIL_SERVANT);
  pb::DownsizingRecord record;
  ASSERT_TRUE(stub()
                  .CreateDownsizingRecord(Ctx("CreateDownsizingRecord", Admin(school_)).get(),
                                          RecordRequest(staff, "nd154-surplus-restructuring"), &record)
                  .ok());
  EXPECT_EQ(record.state(), pb::DOWNSIZING_STATE_PROPOSED);
  pb::GetDownsizingRecordRequest get;
  get.set_name(record.name());
  pb::DownsizingRecord seen;
  EXPECT_EQ(
      stub().GetDownsizingRecord(Ctx("GetDownsizingRecord", Officer(school_)).get(), get, &seen).error_code(),
      grpc::StatusCode::NOT_FOUND);

  pb::ApproveDownsizingRecordRequest early;
  early.set_name(record.name());
  early.set_decision_number("100/QĐ-UBND");
  *early.mutable_decision_date() = ProtoDate(2025, 9, 20);
  early.set_request_id(platform::RandomId());
  grpc::Status skipped =
      stub().ApproveDownsizingRecord(Ctx("ApproveDownsizingRecord", Officer(school_)).get(), early, &seen);
  EXPECT_EQ(skipped.error_code(), grpc::StatusCode::NOT_FOUND);  // the officer cannot see a proposal yet

  pb::SubmitDownsizingRecordRequest submit;
  submit.set_name(record.name());
  submit.set_submission_number("45/TTr-MN2010");
  *submit.mutable_submission_date() = ProtoDate(2025, 9, 10);  // before the proposal
  submit.set_request_id(platform::RandomId());
  grpc::Status order =
      stub().SubmitDownsizingRecord(Ctx("SubmitDownsizingRecord", Admin(school_)).get(), submit, &seen);
  EXPECT_EQ(ViolatedField(order), "submission_date");
  *submit.mutable_submission_date() = ProtoDate(2025, 9, 18);
  submit.set_request_id(platform::RandomId());
  ASSERT_TRUE(
      stub().SubmitDownsizingRecord(Ctx("SubmitDownsizingRecord", Admin(school_)).get(), submit, &seen).ok());

  ASSERT_TRUE(
      stub().GetDownsizingRecord(Ctx("GetDownsizingRecord", Officer(school_)).get(), get, &seen).ok());
  EXPECT_EQ(seen.staff_display_name(), staff.display_name());
  early.set_request_id(platform::RandomId());
  ASSERT_TRUE(
      stub()
          .ApproveDownsizingRecord(Ctx("ApproveDownsizingRecord", Officer(school_)).get(), early, &seen)
          .ok());
  EXPECT_EQ(seen.state(), pb::DOWNSIZING_STATE_APPROVED);

  pb::WithdrawDownsizingRecordRequest withdraw;
  withdraw.set_name(record.name());
  withdraw.set_reason("Đổi ý");
  withdraw.set_request_id(platform::RandomId());
  grpc::Status late =
      stub().WithdrawDownsizingRecord(Ctx("WithdrawDownsizingRecord", Admin(school_)).get(), withdraw, &seen);
  EXPECT_EQ(ReasonOf(late), "INVALID_TRANSITION");

  pb::MarkDownsizingEffectiveRequest effective;
  effective.set_name(record.name());
  *effective.mutable_effective_date() = ProtoDate(2025, 10, 1);
  effective.set_request_id(platform::RandomId());
  ASSERT_TRUE(
      stub()
          .MarkDownsizingEffective(Ctx("MarkDownsizingEffective", Admin(school_)).get(), effective, &seen)
          .ok());
  EXPECT_EQ(seen.state(), pb::DOWNSIZING_STATE_EFFECTIVE);
  pb::GetStaffRequest get_staff;
  get_staff.set_name(staff.name());
  pb::Staff left;
  ASSERT_TRUE(stub().GetStaff(Ctx("GetStaff", Admin(school_)).get(), get_staff, &left).ok());
  EXPECT_EQ(left.status(), pb::STAFF_STATUS_LEFT);
  EXPECT_EQ(left.end_date().month(), 9);  // the last working day is the one before the effective date
  EXPECT_EQ(left.end_date().day(), 30);

  // The officer's progress view: one civil servant of one gone, counts only.
  pb::GetDownsizingProgressRequest progress;
  progress.set_name("schools/" + school_ + "/downsizingTargets/hcm-2023-2026");
  pb::DownsizingProgress figures;
  ASSERT_TRUE(
      stub()
          .GetDownsizingProgress(Ctx("GetDownsizingProgress", Officer(school_)).get(), progress, &figures)
          .ok());
  EXPECT_EQ(figures.target().baseline_civil_servants(), 1);
  EXPECT_EQ(figures.current_civil_servants(), 0);
  EXPECT_DOUBLE_EQ(figures.civil_servant_reduction_percent(), 100);
  EXPECT_EQ(figures.effective_records(), 1);
}

TEST_F(StaffingServiceTest, CandidatesComeFromYearlyRatingsUnderTheDecreeInForce) {
  SetNow(At(2026, 2, 1));
  pb::Staff weak = CreateStaff(school_, "GV40");
  pb::Staff fine = CreateStaff(school_, "GV41");
  ASSERT_TRUE(Rate(weak, 2024, 0, pb::RATING_GRADE_GOOD).ok());
  ASSERT_TRUE(Rate(weak, 2025, 0, pb::RATING_GRADE_NOT_COMPLETED).ok());
  ASSERT_TRUE(Rate(fine, 2024, 0, pb::RATING_GRADE_COMPLETED).ok());
  ASSERT_TRUE(Rate(fine, 2025, 0, pb::RATING_GRADE_COMPLETED).ok());
  pb::ListDownsizingCandidatesRequest request;
  request.set_parent("schools/" + school_);
  request.set_year(2025);
  pb::ListDownsizingCandidatesResponse response;
  ASSERT_TRUE(
      stub()
          .ListDownsizingCandidates(Ctx("ListDownsizingCandidates", Admin(school_)).get(), request, &response)
          .ok());
  ASSERT_EQ(response.candidates_size(), 1);
  EXPECT_EQ(response.candidates(0).staff(), weak.name());
  EXPECT_EQ(response.candidates(0).category(), "nd154-rating-not-completed");
}

TEST_F(StaffingServiceTest, CityEmailUsageImportFeedsStatesAndTheSummary) {
  pb::CreateStaffRequest with_mail = StaffRequest(school_, "GV50");
  with_mail.mutable_staff()->set_city_email("Mai.NT@tphcm.gov.vn");
  pb::Staff mai;
  ASSERT_TRUE(stub().CreateStaff(Ctx("CreateStaff", Admin(school_)).get(), with_mail, &mai).ok());
  pb::CreateStaffRequest rare = StaffRequest(school_, "GV51");
  rare.mutable_staff()->set_city_email("lan.pt@tphcm.gov.vn");
  pb::Staff lan;
  ASSERT_TRUE(stub().CreateStaff(Ctx("CreateStaff", Admin(school_)).get(), rare, &lan).ok());
  CreateStaff(school_, "GV52");  // no mailbox

  pb::ImportCityEmailUsageRequest usage;
  usage.set_parent("schools/" + school_);
  *usage.mutable_report_date() = ProtoDate(2025, 9, 30);
  usage.set_csv(
      "\xEF\xBB\xBF"
      "email,last_used_date\r\n"
      "mai.nt@tphcm.gov.vn,29/09/2025\r\n"
      "lan.pt@tphcm.gov.vn,2025-06-01\r\n"
      "khach@tphcm.gov.vn,2025-09-29\r\n"
      "mai.nt@tphcm.gov.vn,2025-09-28\r\n");
  usage.set_request_id(platform::RandomId());
  pb::ImportCityEmailUsageResponse imported;
  ASSERT_TRUE(
      stub().ImportCityEmailUsage(Ctx("ImportCityEmailUsage", Admin(school_)).get(), usage, &imported).ok());
  EXPECT_EQ(imported.matched_count(), 2);
  ASSERT_EQ(imported.errors_size(), 2);
  EXPECT_EQ(imported.errors(0).row(), 4);  // nobody of the school has that address
  EXPECT_EQ(imported.errors(1).row(), 5);  // repeated address

  pb::ListStaffRequest rarely;
  rarely.set_parent("schools/" + school_);
  rarely.set_city_email_state(pb::CITY_EMAIL_STATE_ISSUED);
  pb::ListStaffResponse listed;
  ASSERT_TRUE(stub().ListStaff(Ctx("ListStaff", Admin(school_)).get(), rarely, &listed).ok());
  ASSERT_EQ(listed.staff_size(), 1);
  EXPECT_EQ(listed.staff(0).name(), lan.name());
  rarely.set_city_email_state(pb::CITY_EMAIL_STATE_NONE);
  ASSERT_TRUE(stub().ListStaff(Ctx("ListStaff", Admin(school_)).get(), rarely, &listed).ok());
  ASSERT_EQ(listed.staff_size(), 1);
  EXPECT_EQ(listed.staff(0).staff_code(), "GV52");

  pb::SummarizeStaffingRequest summary;
  summary.set_school("schools/" + school_);
  *summary.mutable_period_start() = ProtoDate(2025, 7, 1);
  *summary.mutable_period_end() = ProtoDate(2025, 9, 30);
  pb::StaffingSummary figures;
  ASSERT_TRUE(
      stub().SummarizeStaffing(Ctx("SummarizeStaffing", Officer(school_)).get(), summary, &figures).ok());
  EXPECT_EQ(figures.staff_count(), 3);
  EXPECT_EQ(figures.city_email_accounts(), 2);
  EXPECT_EQ(figures.city_email_users(), 1);
  EXPECT_NEAR(figures.city_email_use_rate(), 100.0 / 3, 1e-9);
  EXPECT_EQ(figures.ratings_due(), 3);  // Q3 ended in the period, three people on the staff
  EXPECT_EQ(figures.ratings_recorded(), 0);

  *usage.mutable_report_date() = ProtoDate(2025, 10, 2);  // tomorrow
  usage.set_request_id(platform::RandomId());
  grpc::Status future =
      stub().ImportCityEmailUsage(Ctx("ImportCityEmailUsage", Admin(school_)).get(), usage, &imported);
  EXPECT_EQ(ViolatedField(future), "report_date");
}

TEST_F(StaffingServiceTest, InspectionsRecordFindingsAndCountInTheSummary) {
  pb::Staff late = CreateStaff(school_, "GV60");
  pb::CreateDisciplineInspectionRequest request;
  request.set_parent("schools/" + school_);
  pb::DisciplineInspection* i = request.mutable_discipline_inspection();
  i->set_kind(pb::INSPECTION_KIND_SURPRISE);
  *i->mutable_inspection_date() = ProtoDate(2025, 9, 12);
  i->set_scope("Giờ giấc làm việc, quy tắc ứng xử");
  i->add_inspectors("Hiệu trưởng");
  i->set_staff_checked(25);
  pb::InspectionFinding* f = i->add_findings();
  f->set_staff(late.name());
  f->set_description("Đến trễ 20 phút");
  f->set_violation(true);
  f->set_action("Nhắc nhở");
  *f->mutable_action_due_date() = ProtoDate(2025, 9, 19);
  request.set_request_id(platform::RandomId());
  pb::DisciplineInspection created;
  ASSERT_TRUE(stub()
                  .CreateDisciplineInspection(Ctx("CreateDisciplineInspection", Admin(school_)).get(),
                                              request, &created)
                  .ok());
  EXPECT_EQ(created.findings(0).staff(), late.name());

  pb::CreateDisciplineInspectionRequest ahead = request;
  *ahead.mutable_discipline_inspection()->mutable_inspection_date() = ProtoDate(2025, 10, 15);
  ahead.set_request_id(platform::RandomId());
  grpc::Status status = stub().CreateDisciplineInspection(
      Ctx("CreateDisciplineInspection", Admin(school_)).get(), ahead, &created);
  EXPECT_EQ(ViolatedField(status), "discipline_inspection.inspection_date");
  pb::CreateDisciplineInspectionRequest foreign = request;
  foreign.mutable_discipline_inspection()->mutable_findings(0)->set_staff("schools/" + other_ +
                                                                          "/staff/gv60");
  foreign.set_request_id(platform::RandomId());
  status = stub().CreateDisciplineInspection(Ctx("CreateDisciplineInspection", Admin(school_)).get(), foreign,
                                             &created);
  EXPECT_EQ(ViolatedField(status), "discipline_inspection.findings[0].staff");

  pb::ListDisciplineInspectionsRequest list;
  list.set_parent("schools/" + school_);
  pb::ListDisciplineInspectionsResponse listed;
  EXPECT_EQ(
      stub()
          .ListDisciplineInspections(Ctx("ListDisciplineInspections", Officer(school_)).get(), list, &listed)
          .error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(
      stub()
          .ListDisciplineInspections(Ctx("ListDisciplineInspections", Admin(school_)).get(), list, &listed)
          .ok());
  EXPECT_EQ(listed.discipline_inspections_size(), 1);

  pb::SummarizeStaffingRequest summary;
  summary.set_school("schools/" + school_);
  *summary.mutable_period_start() = ProtoDate(2025, 9, 1);
  *summary.mutable_period_end() = ProtoDate(2025, 9, 30);
  pb::StaffingSummary figures;
  ASSERT_TRUE(
      stub().SummarizeStaffing(Ctx("SummarizeStaffing", Officer(school_)).get(), summary, &figures).ok());
  EXPECT_EQ(figures.discipline_inspections(), 1);
  EXPECT_EQ(figures.surprise_inspections(), 1);
  EXPECT_EQ(figures.discipline_violations(), 1);
  *summary.mutable_period_end() = ProtoDate(2025, 12, 31);
  EXPECT_EQ(ViolatedField(stub().SummarizeStaffing(Ctx("SummarizeStaffing", Officer(school_)).get(), summary,
                                                   &figures)),
            "period_end");
}

TEST_F(StaffingServiceTest, AnAuthoritysHeadlineSumsItsSchoolsAndOnlyServicesAskForMany) {
  CreateStaff(school_, "CC70", pb::EMPLOYMENT_TYPE_CIVIL_SERVANT);
  CreateStaff(school_, "GV70");
  CreateStaff(other_, "GV71");
  pb::UpdateDownsizingTargetRequest baseline;
  baseline.mutable_downsizing_target()->set_name("schools/" + other_ + "/downsizingTargets/hcm-2023-2026");
  baseline.mutable_downsizing_target()->set_baseline_public_employees(10);
  baseline.mutable_update_mask()->add_paths("baseline_public_employees");
  baseline.set_request_id(platform::RandomId());
  pb::DownsizingTarget target;
  ASSERT_TRUE(
      stub()
          .UpdateDownsizingTarget(Ctx("UpdateDownsizingTarget", Admin(other_)).get(), baseline, &target)
          .ok());

  pb::SummarizeDownsizingProgressRequest request;
  request.add_schools("schools/" + school_);
  request.add_schools("schools/" + other_);
  pb::DownsizingProgressRollup rollup;
  grpc::Status officer = stub().SummarizeDownsizingProgress(
      Ctx("SummarizeDownsizingProgress", Officer(school_)).get(), request, &rollup);
  EXPECT_EQ(officer.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(stub()
                  .SummarizeDownsizingProgress(
                      Ctx("SummarizeDownsizingProgress", As(Role::kService, "")).get(), request, &rollup)
                  .ok());
  ASSERT_EQ(rollup.schools_size(), 2);
  // Lowest progress first: no reduction at school_; other_ went from 10 public employees to 1 (its share
  // of that target is reached) but has no civil-servant reduction, so 50 %.
  EXPECT_EQ(rollup.schools(0).school(), "schools/" + school_);
  EXPECT_DOUBLE_EQ(rollup.schools(1).progress().progress_percent(), 50);
  EXPECT_EQ(rollup.totals().target().baseline_civil_servants(), 1);
  EXPECT_EQ(rollup.totals().target().baseline_public_employees(), 11);
  EXPECT_EQ(rollup.totals().current_public_employees(), 2);
  EXPECT_NEAR(rollup.totals().public_employee_reduction_percent(), 900.0 / 11, 1e-9);
  EXPECT_TRUE(rollup.totals().target().name().empty());
  request.add_schools("schools/" + school_);
  EXPECT_EQ(ViolatedField(stub().SummarizeDownsizingProgress(
                Ctx("SummarizeDownsizingProgress", As(Role::kService, "")).get(), request, &rollup)),
            "schools");
}

TEST_F(StaffingServiceTest, StaffVoiceKeepsAnonymityAndTheBoardFollowsUp) {
  pb::Staff head = CreateStaff(school_, "GV80");
  pb::Staff member = CreateStaff(school_, "GV81");
  pb::CreateStaffSuggestionRequest suggestion;
  suggestion.set_parent("schools/" + school_);
  suggestion.mutable_staff_suggestion()->set_topic("Quy chế chi tiêu nội bộ");
  suggestion.mutable_staff_suggestion()->set_content("Đề nghị công khai mức chi hỗ trợ tổ chuyên môn.");
  suggestion.mutable_staff_suggestion()->set_anonymous(true);
  suggestion.set_request_id(platform::RandomId());
  pb::StaffSuggestion sent;
  ASSERT_TRUE(stub()
                  .CreateStaffSuggestion(Ctx("CreateStaffSuggestion", As(Role::kSchoolStaff, school_)).get(),
                                         suggestion, &sent)
                  .ok());
  EXPECT_TRUE(sent.submitted_by().empty());
  suggestion.mutable_staff_suggestion()->set_anonymous(false);
  suggestion.set_request_id(platform::RandomId());
  ASSERT_TRUE(stub()
                  .CreateStaffSuggestion(Ctx("CreateStaffSuggestion", As(Role::kSchoolStaff, school_)).get(),
                                         suggestion, &sent)
                  .ok());
  EXPECT_EQ(
      stub()
          .CreateStaffSuggestion(Ctx("CreateStaffSuggestion", Officer(school_)).get(), suggestion, &sent)
          .error_code(),
      grpc::StatusCode::PERMISSION_DENIED);

  pb::ListStaffSuggestionsRequest list;
  list.set_parent("schools/" + school_);
  pb::ListStaffSuggestionsResponse as_admin, as_staff;
  ASSERT_TRUE(
      stub().ListStaffSuggestions(Ctx("ListStaffSuggestions", Admin(school_)).get(), list, &as_admin).ok());
  ASSERT_EQ(as_admin.staff_suggestions_size(), 2);
  int named = 0;
  for (const auto& s : as_admin.staff_suggestions()) named += s.submitted_by().empty() ? 0 : 1;
  EXPECT_EQ(named, 1);  // the anonymous one keeps no author even for the principal
  ASSERT_TRUE(stub()
                  .ListStaffSuggestions(Ctx("ListStaffSuggestions", As(Role::kSchoolStaff, school_)).get(),
                                        list, &as_staff)
                  .ok());
  for (const auto& s : as_staff.staff_suggestions()) EXPECT_TRUE(s.submitted_by().empty());
  // Nothing else links the anonymous one to its author: its audit row says "anonymous".
  auto actors = harness->server->db().Query(
      "SELECT actor FROM audit_log WHERE scope = ? AND action = 'CreateStaffSuggestionRequest' ORDER BY id",
      {school_});
  ASSERT_TRUE(actors.ok()) << actors.status();
  ASSERT_EQ(actors->size(), 2u);
  EXPECT_EQ((*actors)[0].Str(0), "anonymous");
  EXPECT_EQ((*actors)[1].Str(0), "accounts/staff-" + school_);

  pb::AnswerStaffSuggestionRequest answer;
  answer.set_name(as_admin.staff_suggestions(0).name());
  answer.set_answer("Đã niêm yết tại phòng hội đồng từ ngày 01/10.");
  answer.set_request_id(platform::RandomId());
  pb::StaffSuggestion answered;
  ASSERT_TRUE(
      stub()
          .AnswerStaffSuggestion(Ctx("AnswerStaffSuggestion", Admin(school_)).get(), answer, &answered)
          .ok());
  EXPECT_EQ(answered.state(), pb::SUGGESTION_STATE_ANSWERED);

  pb::UpdateInspectionBoardRequest board;
  board.mutable_inspection_board()->set_name("schools/" + school_ + "/inspectionBoard");
  auto* h = board.mutable_inspection_board()->add_members();
  h->set_staff(head.name());
  h->set_role(pb::BOARD_ROLE_HEAD);
  auto* m = board.mutable_inspection_board()->add_members();
  m->set_staff(member.name());
  m->set_role(pb::BOARD_ROLE_HEAD);
  board.set_request_id(platform::RandomId());
  pb::InspectionBoard saved;
  EXPECT_EQ(ViolatedField(stub().UpdateInspectionBoard(Ctx("UpdateInspectionBoard", Admin(school_)).get(),
                                                       board, &saved)),
            "inspection_board.members");  // one head at most
  m->set_role(pb::BOARD_ROLE_MEMBER);
  board.set_request_id(platform::RandomId());
  ASSERT_TRUE(
      stub().UpdateInspectionBoard(Ctx("UpdateInspectionBoard", Admin(school_)).get(), board, &saved).ok());
  EXPECT_EQ(saved.members_size(), 2);

  pb::CreateBoardMeetingRequest meeting;
  meeting.set_parent("schools/" + school_);
  *meeting.mutable_board_meeting()->mutable_meeting_date() = ProtoDate(2025, 9, 20);
  meeting.mutable_board_meeting()->set_minutes("Giám sát việc thu, chi quỹ phụ huynh học kỳ I.");
  meeting.mutable_board_meeting()->add_attendees(head.name());
  auto* r = meeting.mutable_board_meeting()->add_recommendations();
  r->set_content("Công khai biên lai thu không dùng tiền mặt");
  *r->mutable_due_date() = ProtoDate(2025, 9, 30);
  r->set_response("Đã công khai trên cổng thông tin");
  *r->mutable_resolved_date() = ProtoDate(2025, 9, 25);
  meeting.mutable_board_meeting()->add_recommendations()->set_content("Bổ sung sổ theo dõi");
  meeting.set_request_id(platform::RandomId());
  pb::BoardMeeting held;
  ASSERT_TRUE(
      stub().CreateBoardMeeting(Ctx("CreateBoardMeeting", Admin(school_)).get(), meeting, &held).ok());
  EXPECT_EQ(held.recommendations_size(), 2);

  pb::SummarizeStaffingRequest summary;
  summary.set_school("schools/" + school_);
  *summary.mutable_period_start() = ProtoDate(2025, 9, 1);
  *summary.mutable_period_end() = ProtoDate(2025, 9, 30);
  pb::StaffingSummary figures;
  ASSERT_TRUE(
      stub().SummarizeStaffing(Ctx("SummarizeStaffing", Officer(school_)).get(), summary, &figures).ok());
  EXPECT_EQ(figures.board_meetings(), 1);
  EXPECT_EQ(figures.board_recommendations(), 2);
  EXPECT_EQ(figures.board_recommendations_resolved(), 1);
}

TEST_F(StaffingServiceTest, ARetryGetsTheSameStaffMemberWithoutThePersonalDataTheLedgerNeverKept) {
  pb::CreateStaffRequest request = StaffRequest(school_, "GV90");
  pb::Staff first, again;
  ASSERT_TRUE(stub().CreateStaff(Ctx("CreateStaff", Admin(school_)).get(), request, &first).ok());
  EXPECT_EQ(first.id_number(), "079190012345");
  ASSERT_TRUE(stub().CreateStaff(Ctx("CreateStaff", Admin(school_)).get(), request, &again).ok());
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(again.etag(), first.etag());
  EXPECT_TRUE(again.id_number().empty());
  EXPECT_FALSE(again.has_birth_date());
  EXPECT_EQ(CountStaff(school_), 1);
  auto stored = harness->server->db().Query(
      "SELECT COUNT(*) FROM idempotency_keys WHERE scope = ? AND "
      "LOCATE('079190012345', response) > 0",
      {school_});
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ((*stored)[0].Str(0), "0");
  // The same key for a different body is refused and changes nothing.
  request.mutable_staff()->set_display_name("Người khác");
  grpc::Status reused = stub().CreateStaff(Ctx("CreateStaff", Admin(school_)).get(), request, &again);
  EXPECT_EQ(ReasonOf(reused), "REQUEST_ID_REUSED");
  EXPECT_EQ(CountStaff(school_), 1);
}

}  // namespace
}  // namespace parhub::staffing
