// Integration tests of the complaints gRPC service inside one process: a
// real gRPC server over MariaDB with the embedded deadline policies and
// holiday calendars, called with signed identities as the gateway sends
// them. Covers the case life cycle under calendar-day and working-day
// rules, tenancy on every RPC, who sees the filer's contact data, bad input
// that changes nothing, extensions by complexity, late dossiers and their
// apology letters, public filing → tracking → resolution → rating, the
// timeliness filters, the period summary and its batch for the roll-ups.
#include "services/complaints/rpc/complaints_service.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/feedback_code.h"
#include "platform/core/resource_name.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "platform/testing/school_batch_requests.h"
#include "services/complaints/store/mysql_complaints_store.h"

namespace parhub::complaints {
namespace {

namespace pb = ::parhub::complaints::v1;
using ::parhub::platform::Caller;
using ::parhub::platform::Role;
using ::parhub::testing::At;
using ::parhub::testing::ProtoDate;
using ::parhub::testing::ReasonOf;
using ::parhub::testing::ViolatedField;
using ::testing::HasSubstr;

struct Harness {
  std::atomic<int64_t> now_micros{absl::ToUnixMicros(At(2025, 3, 3))};
  std::unique_ptr<::parhub::testing::InProcessServer> server;
  std::unique_ptr<LoadedRules> refdata;
  std::unique_ptr<MySqlComplaintsStore> store;
  std::unique_ptr<CaseDesk> desk;
  std::unique_ptr<PublicDesk> public_desk;
  std::unique_ptr<EnrolmentDesk> enrolment;
  std::unique_ptr<ComplaintsSummarizer> summarizer;
  std::unique_ptr<ComplaintServiceImpl> service;
  std::unique_ptr<pb::ComplaintService::Stub> stub;
};
Harness* harness = nullptr;

#define ASSERT_GRPC_OK(expr)                    \
  do {                                          \
    grpc::Status s_ = (expr);                   \
    ASSERT_TRUE(s_.ok()) << s_.error_message(); \
  } while (false)

bool SameDate(const parhub::common::v1::Date& d, int y, int m, int day) {
  return d.year() == y && d.month() == m && d.day() == day;
}

class ComplaintServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    harness = new Harness;
    Clock clock = [] { return absl::FromUnixMicros(harness->now_micros.load()); };
    harness->server = std::make_unique<::parhub::testing::InProcessServer>(
        pb::ComplaintService::service_full_name(), "complaints", ComplaintsMigrations());
    auto loaded = LoadEmbeddedRules();
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    harness->refdata = std::make_unique<LoadedRules>(*std::move(loaded));
    harness->store = std::make_unique<MySqlComplaintsStore>(harness->server->db());
    harness->desk = std::make_unique<CaseDesk>(*harness->store, *harness->refdata->rules, clock);
    harness->public_desk =
        std::make_unique<PublicDesk>(*harness->store, *harness->desk, std::string(32, 'f'));
    harness->enrolment = std::make_unique<EnrolmentDesk>(*harness->store, *harness->desk);
    harness->summarizer = std::make_unique<ComplaintsSummarizer>(*harness->store, *harness->refdata->rules);
    harness->service = std::make_unique<ComplaintServiceImpl>(harness->server->handlers(), *harness->desk,
                                                              *harness->public_desk, *harness->enrolment,
                                                              *harness->summarizer, *harness->refdata);
    harness->server->Start(harness->service.get());
    harness->stub = pb::ComplaintService::NewStub(harness->server->channel());
  }
  static void TearDownTestSuite() {
    harness->stub.reset();
    harness->server.reset();
    delete harness;
    harness = nullptr;
  }

  ComplaintServiceTest() : school_("s-" + platform::RandomHex(4)), other_("o-" + platform::RandomHex(4)) {
    SetNow(At(2025, 3, 3));
  }

  static void SetNow(absl::Time t) { harness->now_micros = absl::ToUnixMicros(t); }
  pb::ComplaintService::Stub& stub() { return *harness->stub; }

  Caller As(Role role, const std::string& school, const std::string& authority = "") {
    return ::parhub::testing::TestCaller(role, school, authority);
  }
  Caller Admin(const std::string& school) { return As(Role::kSchoolAdmin, school); }
  Caller Service() { return As(Role::kService, ""); }
  std::unique_ptr<grpc::ClientContext> Ctx(const std::string& method, const Caller& caller) {
    return harness->server->Context(caller, method);
  }

  pb::CreateCaseRequest CaseRequest(const std::string& school, pb::CaseType type, int y, int m, int d) {
    pb::CreateCaseRequest request;
    request.set_parent("schools/" + school);
    pb::Case* c = request.mutable_case_();
    c->set_case_type(type);
    c->set_channel(pb::CHANNEL_IN_PERSON);
    c->set_subject("Về việc thu tiền học thêm");
    c->set_content("Phụ huynh lớp Lá 2 phản ánh việc thu tiền không có biên lai.");
    c->mutable_submitter()->set_full_name("Trần Văn Bình");
    c->mutable_submitter()->set_phone("0909 123 456");
    c->mutable_submitter()->set_address("12 Lê Lợi, phường Bến Thành");
    *c->mutable_received_date() = ProtoDate(y, m, d);
    if (type == pb::CASE_TYPE_COMPLAINT) {
      c->set_complaint_round(1);
      *c->mutable_decision_date() = ProtoDate(y, m, 1);
    }
    if (type == pb::CASE_TYPE_PROCEDURE_DOSSIER) {
      c->set_procedure_code("1.004438");
      c->set_procedure_time_limit_days(5);
    }
    request.set_request_id(platform::RandomId());
    return request;
  }

  pb::Case Create(const pb::CreateCaseRequest& request) {
    pb::Case out;
    const std::string school = request.parent().substr(8);
    grpc::Status status = stub().CreateCase(Ctx("CreateCase", Admin(school)).get(), request, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }

  grpc::Status Accept(const pb::Case& c, int y, int m, int d, pb::Case* out,
                      pb::Complexity complexity = pb::COMPLEXITY_UNSPECIFIED) {
    pb::AcceptCaseRequest request;
    request.set_name(c.name());
    *request.mutable_accepted_date() = ProtoDate(y, m, d);
    request.set_document_number("01/TB-MN");
    request.set_complexity(complexity);
    request.set_request_id(platform::RandomId());
    return stub().AcceptCase(Ctx("AcceptCase", Admin(SchoolOf(c))).get(), request, out);
  }

  grpc::Status Resolve(const pb::Case& c, pb::Outcome outcome, int y, int m, int d, pb::Case* out) {
    pb::ResolveCaseRequest request;
    request.set_name(c.name());
    request.mutable_resolution()->set_outcome(outcome);
    request.mutable_resolution()->set_public_summary("Nhà trường đã trả lời và khắc phục.");
    request.mutable_resolution()->set_internal_summary("Đã họp với giáo viên chủ nhiệm.");
    request.mutable_resolution()->set_document_number("05/QĐ-MN");
    *request.mutable_resolution()->mutable_resolved_date() = ProtoDate(y, m, d);
    request.set_request_id(platform::RandomId());
    return stub().ResolveCase(Ctx("ResolveCase", Admin(SchoolOf(c))).get(), request, out);
  }

  grpc::Status Extend(const pb::Case& c, int days, pb::Complexity complexity, pb::Case* out) {
    pb::ExtendCaseDeadlineRequest request;
    request.set_name(c.name());
    request.set_days(days);
    request.set_reason("Phải xác minh ở nhiều nơi");
    request.set_complexity(complexity);
    request.set_request_id(platform::RandomId());
    return stub().ExtendCaseDeadline(Ctx("ExtendCaseDeadline", Admin(SchoolOf(c))).get(), request, out);
  }

  static std::string SchoolOf(const pb::Case& c) {
    return platform::ParseName("schools/{s}/cases/{c}", c.name(), "n").value()[0];
  }

  int CountCases(const std::string& school) {
    pb::ListCasesRequest request;
    request.set_parent("schools/" + school);
    request.set_page_size(200);
    pb::ListCasesResponse response;
    grpc::Status status = stub().ListCases(Ctx("ListCases", Admin(school)).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.cases_size();
  }

  std::string school_;
  std::string other_;
};

TEST_F(ComplaintServiceTest, ComplaintRunsOnCalendarDaysFromAcceptanceAndEscalatesWithinThirtyDays) {
  pb::Case c = Create(CaseRequest(school_, pb::CASE_TYPE_COMPLAINT, 2025, 3, 3));
  EXPECT_EQ(c.state(), pb::CASE_STATE_RECEIVED);
  EXPECT_EQ(c.deadline_policy(), "complaint-first@2024.2");
  EXPECT_TRUE(SameDate(c.acceptance_due_date(), 2025, 3, 13)) << c.acceptance_due_date().ShortDebugString();
  EXPECT_FALSE(c.tracking_secret().empty()) << "the secret is shown at creation";
  EXPECT_THAT(c.tracking_code(), ::testing::StartsWith("S"));

  SetNow(At(2025, 3, 10));
  pb::Case accepted;
  ASSERT_GRPC_OK(Accept(c, 2025, 3, 5, &accepted));
  EXPECT_EQ(accepted.state(), pb::CASE_STATE_ACCEPTED);
  EXPECT_TRUE(SameDate(accepted.resolution_due_date(), 2025, 4, 4)) << "30 days from 5/3";
  EXPECT_TRUE(accepted.tracking_secret().empty()) << "shown once only";

  SetNow(At(2025, 4, 2));
  pb::Case resolved;
  ASSERT_GRPC_OK(Resolve(c, pb::OUTCOME_NOT_UPHELD, 2025, 4, 1, &resolved));
  EXPECT_EQ(resolved.state(), pb::CASE_STATE_RESOLVED);
  EXPECT_EQ(resolved.timeliness(), pb::CASE_TIMELINESS_EARLY);
  EXPECT_EQ(resolved.days_to_resolve(), 27);

  pb::EscalateCaseRequest late;
  late.set_name(c.name());
  late.set_reason("Không đồng ý với quyết định giải quyết lần đầu");
  *late.mutable_escalation_date() = ProtoDate(2025, 5, 12);
  late.set_authority("authorities/phuong-ben-thanh");
  late.set_request_id(platform::RandomId());
  SetNow(At(2025, 5, 20));
  pb::Case escalated;
  grpc::Status status = stub().EscalateCase(Ctx("EscalateCase", Admin(school_)).get(), late, &escalated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(status), "SECOND_ROUND_WINDOW_PASSED") << status.error_message();

  *late.mutable_escalation_date() = ProtoDate(2025, 4, 28);
  late.set_request_id(platform::RandomId());
  status = stub().EscalateCase(Ctx("EscalateCase", Admin(school_)).get(), late, &escalated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(escalated.state(), pb::CASE_STATE_ESCALATED);
  EXPECT_EQ(escalated.escalated_to(), "authorities/phuong-ben-thanh");

  // The ward it went to sees the complainant; another authority's list has
  // nothing, and a retried escalation replays without personal data.
  pb::ListEscalatedCasesRequest escalations;
  escalations.set_authority("authorities/phuong-ben-thanh");
  escalations.add_school_ids(school_);
  pb::ListEscalatedCasesResponse listed;
  ASSERT_GRPC_OK(stub().ListEscalatedCases(Ctx("ListEscalatedCases", Service()).get(), escalations, &listed));
  ASSERT_EQ(listed.cases_size(), 1);
  EXPECT_EQ(listed.cases(0).submitter().full_name(), "Trần Văn Bình");
  escalations.set_page_token("not-a-token");
  EXPECT_EQ(stub()
                .ListEscalatedCases(Ctx("ListEscalatedCases", Service()).get(), escalations, &listed)
                .error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  escalations.clear_page_token();
  EXPECT_EQ(stub()
                .ListEscalatedCases(Ctx("ListEscalatedCases", Admin(school_)).get(), escalations, &listed)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED)
      << "only the gateway's roll-up lists across schools";
  escalations.set_authority("authorities/phuong-tan-dinh");
  ASSERT_GRPC_OK(stub().ListEscalatedCases(Ctx("ListEscalatedCases", Service()).get(), escalations, &listed));
  EXPECT_EQ(listed.cases_size(), 0);
  pb::Case replayed;
  ASSERT_GRPC_OK(stub().EscalateCase(Ctx("EscalateCase", Admin(school_)).get(), late, &replayed));
  EXPECT_EQ(replayed.state(), pb::CASE_STATE_ESCALATED);
  EXPECT_TRUE(replayed.submitter().full_name().empty()) << "the ledger keeps no personal data";

  pb::ListCaseEventsRequest events;
  events.set_parent(c.name());
  pb::ListCaseEventsResponse history;
  ASSERT_GRPC_OK(stub().ListCaseEvents(Ctx("ListCaseEvents", Admin(school_)).get(), events, &history));
  ASSERT_EQ(history.events_size(), 4);  // received, accepted, resolved, escalated
  EXPECT_EQ(history.events(0).kind(), pb::CASE_EVENT_KIND_RECEIVED);
  EXPECT_EQ(history.events(3).to_state(), pb::CASE_STATE_ESCALATED);
}

TEST_F(ComplaintServiceTest, AnotherSchoolGetsNotFoundOnEveryCaseRpcAndStaffSeeNoContactData) {
  pb::Case c = Create(CaseRequest(school_, pb::CASE_TYPE_FEEDBACK, 2025, 3, 3));
  const Caller stranger = Admin(other_);
  pb::Case out;
  pb::GetCaseRequest get;
  get.set_name(c.name());
  EXPECT_EQ(stub().GetCase(Ctx("GetCase", stranger).get(), get, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::ListCasesRequest list;
  list.set_parent("schools/" + school_);
  pb::ListCasesResponse listed;
  EXPECT_EQ(stub().ListCases(Ctx("ListCases", stranger).get(), list, &listed).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Accept(c, 2025, 3, 3, &out).error_code(), grpc::StatusCode::FAILED_PRECONDITION)
      << "feedback is accepted on receipt";
  auto expect_not_found = [&](grpc::Status status, const char* what) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << what << ": " << status.error_message();
  };
  pb::ResolveCaseRequest resolve;
  resolve.set_name(c.name());
  resolve.mutable_resolution()->set_outcome(pb::OUTCOME_ANSWERED);
  resolve.mutable_resolution()->set_public_summary("x");
  resolve.set_request_id(platform::RandomId());
  expect_not_found(stub().ResolveCase(Ctx("ResolveCase", stranger).get(), resolve, &out), "ResolveCase");
  pb::AssignCaseRequest assign;
  assign.set_name(c.name());
  assign.set_assignee("accounts/gv-01");
  assign.set_request_id(platform::RandomId());
  expect_not_found(stub().AssignCase(Ctx("AssignCase", stranger).get(), assign, &out), "AssignCase");
  pb::WithdrawCaseRequest withdraw;
  withdraw.set_name(c.name());
  withdraw.set_reason("x");
  withdraw.set_request_id(platform::RandomId());
  expect_not_found(stub().WithdrawCase(Ctx("WithdrawCase", stranger).get(), withdraw, &out), "WithdrawCase");
  pb::ExtendCaseDeadlineRequest extend;
  extend.set_name(c.name());
  extend.set_days(5);
  extend.set_reason("x");
  extend.set_request_id(platform::RandomId());
  expect_not_found(stub().ExtendCaseDeadline(Ctx("ExtendCaseDeadline", stranger).get(), extend, &out),
                   "ExtendCaseDeadline");
  pb::AddCaseNoteRequest note;
  note.set_parent(c.name());
  note.set_note("x");
  note.set_visibility(pb::VISIBILITY_INTERNAL);
  note.set_request_id(platform::RandomId());
  pb::CaseEvent event;
  expect_not_found(stub().AddCaseNote(Ctx("AddCaseNote", stranger).get(), note, &event), "AddCaseNote");
  pb::ListCaseEventsRequest events;
  events.set_parent(c.name());
  pb::ListCaseEventsResponse history;
  expect_not_found(stub().ListCaseEvents(Ctx("ListCaseEvents", stranger).get(), events, &history),
                   "ListCaseEvents");
  pb::SummarizeComplaintsRequest summary;
  summary.set_school("schools/" + school_);
  *summary.mutable_period_start() = ProtoDate(2025, 1, 1);
  *summary.mutable_period_end() = ProtoDate(2025, 12, 31);
  pb::ComplaintSummary figures;
  expect_not_found(stub().SummarizeComplaints(Ctx("SummarizeComplaints", stranger).get(), summary, &figures),
                   "SummarizeComplaints");
  pb::DraftApologyLetterRequest draft;
  draft.set_name(c.name());
  pb::ApologyLetterDraft letter;
  expect_not_found(stub().DraftApologyLetter(Ctx("DraftApologyLetter", stranger).get(), draft, &letter),
                   "DraftApologyLetter");
  // The case is untouched, and the school's staff see it without contact data.
  pb::Case seen;
  ASSERT_GRPC_OK(stub().GetCase(Ctx("GetCase", As(Role::kSchoolStaff, school_)).get(), get, &seen));
  EXPECT_TRUE(seen.submitter_redacted());
  EXPECT_TRUE(seen.submitter().full_name().empty());
  EXPECT_EQ(seen.state(), pb::CASE_STATE_ACCEPTED);
  ASSERT_GRPC_OK(stub().GetCase(Ctx("GetCase", Admin(school_)).get(), get, &seen));
  EXPECT_EQ(seen.submitter().full_name(), "Trần Văn Bình");
  EXPECT_EQ(seen.state(), pb::CASE_STATE_ACCEPTED);
  // Staff may add notes but not decide.
  note.set_request_id(platform::RandomId());
  EXPECT_TRUE(
      stub().AddCaseNote(Ctx("AddCaseNote", As(Role::kSchoolStaff, school_)).get(), note, &event).ok());
  resolve.set_request_id(platform::RandomId());
  EXPECT_EQ(stub()
                .ResolveCase(Ctx("ResolveCase", As(Role::kSchoolStaff, school_)).get(), resolve, &out)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(ComplaintServiceTest, BadInputGetsAClearErrorAndChangesNothing) {
  pb::Case out;
  pb::CreateCaseRequest unknown_type = CaseRequest(school_, pb::CASE_TYPE_FEEDBACK, 2025, 3, 3);
  unknown_type.mutable_case_()->set_case_type(static_cast<pb::CaseType>(42));
  grpc::Status status = stub().CreateCase(Ctx("CreateCase", Admin(school_)).get(), unknown_type, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(status), "case.case_type");

  pb::CreateCaseRequest negative = CaseRequest(school_, pb::CASE_TYPE_FEEDBACK, 2025, 3, 3);
  negative.mutable_case_()->set_channel(static_cast<pb::Channel>(-3));
  status = stub().CreateCase(Ctx("CreateCase", Admin(school_)).get(), negative, &out);
  EXPECT_EQ(ViolatedField(status), "case.channel") << "a negative enum is refused, never stored";
  negative.mutable_case_()->set_channel(pb::CHANNEL_MAIL);
  negative.mutable_case_()->set_case_type(static_cast<pb::CaseType>(-1));
  status = stub().CreateCase(Ctx("CreateCase", Admin(school_)).get(), negative, &out);
  EXPECT_EQ(ViolatedField(status), "case.case_type");

  pb::CreateCaseRequest impossible = CaseRequest(school_, pb::CASE_TYPE_FEEDBACK, 2025, 2, 29);
  status = stub().CreateCase(Ctx("CreateCase", Admin(school_)).get(), impossible, &out);
  EXPECT_EQ(ViolatedField(status), "case.received_date") << status.error_message();

  pb::CreateCaseRequest late = CaseRequest(school_, pb::CASE_TYPE_COMPLAINT, 2025, 3, 3);
  *late.mutable_case_()->mutable_decision_date() = ProtoDate(2024, 11, 20);
  status = stub().CreateCase(Ctx("CreateCase", Admin(school_)).get(), late, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(status), "FILING_LIMIT_PASSED");
  EXPECT_THAT(status.error_message(), HasSubstr("18/02/2025"));

  pb::CreateCaseRequest anonymous_complaint = CaseRequest(school_, pb::CASE_TYPE_COMPLAINT, 2025, 3, 3);
  anonymous_complaint.mutable_case_()->mutable_submitter()->set_anonymous(true);
  status = stub().CreateCase(Ctx("CreateCase", Admin(school_)).get(), anonymous_complaint, &out);
  EXPECT_EQ(ViolatedField(status), "case.submitter.anonymous");
  EXPECT_EQ(CountCases(school_), 0);

  // A resolution before acceptance, then before the acceptance date.
  pb::Case c = Create(CaseRequest(school_, pb::CASE_TYPE_COMPLAINT, 2025, 3, 3));
  status = Resolve(c, pb::OUTCOME_UPHELD, 2025, 3, 3, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(status), "CASE_STATE");
  SetNow(At(2025, 3, 10));
  ASSERT_GRPC_OK(Accept(c, 2025, 3, 6, &out));
  status = Resolve(c, pb::OUTCOME_UPHELD, 2025, 3, 5, &out);
  EXPECT_EQ(ViolatedField(status), "resolution.resolved_date");
  status = Resolve(c, pb::OUTCOME_GRANTED, 2025, 3, 8, &out);
  EXPECT_EQ(ViolatedField(status), "resolution.outcome");
  status = Resolve(c, static_cast<pb::Outcome>(-1), 2025, 3, 8, &out);
  EXPECT_EQ(ViolatedField(status), "resolution.outcome");
  // A complaint has no extension: the complex limit is set at acceptance.
  status = Extend(c, 10, pb::COMPLEXITY_UNSPECIFIED, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(status), "EXTENSION_NOT_ALLOWED");
  pb::GetCaseRequest get;
  get.set_name(c.name());
  ASSERT_GRPC_OK(stub().GetCase(Ctx("GetCase", Admin(school_)).get(), get, &out));
  EXPECT_EQ(out.state(), pb::CASE_STATE_ACCEPTED);
  EXPECT_TRUE(SameDate(out.resolution_due_date(), 2025, 4, 8))
      << "30 days from 6/3 end on Sat 5/4; Mon 7/4 is Giỗ Tổ → Tue 8/4";
  EXPECT_EQ(out.extensions_size(), 0);
}

TEST_F(ComplaintServiceTest, DenunciationExtensionsFollowComplexityAndComplaintBecomesComplexLater) {
  pb::CreateCaseRequest request = CaseRequest(school_, pb::CASE_TYPE_DENUNCIATION, 2025, 3, 3);
  pb::Case c = Create(request);
  EXPECT_TRUE(SameDate(c.acceptance_due_date(), 2025, 3, 12)) << "7 working days";
  pb::Case out;
  ASSERT_GRPC_OK(Accept(c, 2025, 3, 3, &out));
  EXPECT_TRUE(SameDate(out.resolution_due_date(), 2025, 4, 2));
  grpc::Status status = Extend(c, 30, pb::COMPLEXITY_UNSPECIFIED, &out);
  EXPECT_EQ(ReasonOf(status), "EXTENSION_NOT_ALLOWED") << "an ordinary denunciation has none";
  status = Extend(c, 31, pb::COMPLEXITY_COMPLEX, &out);
  EXPECT_EQ(ViolatedField(status), "days");
  ASSERT_GRPC_OK(Extend(c, 30, pb::COMPLEXITY_COMPLEX, &out));
  EXPECT_TRUE(SameDate(out.resolution_due_date(), 2025, 5, 5)) << "2/5/2025 is a swapped day off → Mon 5/5";
  status = Extend(c, 30, pb::COMPLEXITY_UNSPECIFIED, &out);
  EXPECT_EQ(ReasonOf(status), "EXTENSION_NOT_ALLOWED") << "a complex case is extended once";
  ASSERT_GRPC_OK(Extend(c, 30, pb::COMPLEXITY_ESPECIALLY_COMPLEX, &out));
  EXPECT_EQ(out.extensions_size(), 2);
  EXPECT_EQ(out.complexity(), pb::COMPLEXITY_ESPECIALLY_COMPLEX);
  status = Extend(c, 10, pb::COMPLEXITY_UNSPECIFIED, &out);
  EXPECT_EQ(ReasonOf(status), "EXTENSION_NOT_ALLOWED");

  // A first-round complaint declared complex after acceptance: 45 days.
  pb::Case complaint = Create(CaseRequest(school_, pb::CASE_TYPE_COMPLAINT, 2025, 3, 3));
  ASSERT_GRPC_OK(Accept(complaint, 2025, 3, 3, &out));
  EXPECT_TRUE(SameDate(out.resolution_due_date(), 2025, 4, 2));
  ASSERT_GRPC_OK(Extend(complaint, 0, pb::COMPLEXITY_COMPLEX, &out));
  EXPECT_TRUE(SameDate(out.resolution_due_date(), 2025, 4, 17));
}

TEST_F(ComplaintServiceTest, LateDossierNeedsTheApologyLetterOfItsEra) {
  pb::Case c = Create(CaseRequest(school_, pb::CASE_TYPE_PROCEDURE_DOSSIER, 2025, 3, 3));
  EXPECT_EQ(c.state(), pb::CASE_STATE_ACCEPTED);
  EXPECT_TRUE(SameDate(c.resolution_due_date(), 2025, 3, 10)) << "5 working days";
  SetNow(At(2025, 3, 12));
  pb::Case out;
  grpc::Status status = Resolve(c, pb::OUTCOME_GRANTED, 2025, 3, 12, &out);
  EXPECT_EQ(ReasonOf(status), "APOLOGY_LETTER_REQUIRED") << status.error_message();

  pb::DraftApologyLetterRequest draft;
  draft.set_name(c.name());
  draft.set_reason("Chờ xác minh hồ sơ học bạ từ trường cũ.");
  *draft.mutable_new_return_date() = ProtoDate(2025, 3, 14);
  draft.set_issuing_unit("Trường Mầm non 20/10");
  pb::ApologyLetterDraft letter;
  ASSERT_GRPC_OK(stub().DraftApologyLetter(Ctx("DraftApologyLetter", Admin(school_)).get(), draft, &letter));
  EXPECT_EQ(letter.title(), "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
  EXPECT_THAT(letter.text(), HasSubstr("Kính gửi: Ông/Bà Trần Văn Bình"));
  EXPECT_THAT(letter.text(), HasSubstr("14/03/2025"));
  EXPECT_THAT(letter.form(), HasSubstr("01/2018/TT-VPCP"));

  pb::RecordApologyLetterRequest record;
  record.set_name(c.name());
  record.mutable_letter()->set_document_number("02/XL-MN");
  *record.mutable_letter()->mutable_sent_date() = ProtoDate(2025, 3, 11);
  record.mutable_letter()->set_reason("Chờ xác minh hồ sơ.");
  *record.mutable_letter()->mutable_new_return_date() = ProtoDate(2025, 3, 14);
  record.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().RecordApologyLetter(Ctx("RecordApologyLetter", Admin(school_)).get(), record, &out));
  record.set_request_id(platform::RandomId());
  status = stub().RecordApologyLetter(Ctx("RecordApologyLetter", Admin(school_)).get(), record, &out);
  EXPECT_EQ(ReasonOf(status), "APOLOGY_ALREADY_RECORDED");
  ASSERT_GRPC_OK(Resolve(c, pb::OUTCOME_GRANTED, 2025, 3, 12, &out));
  EXPECT_EQ(out.timeliness(), pb::CASE_TIMELINESS_LATE);

  // After 1/7/2025 the letter follows Nghị định 118/2025's form.
  SetNow(At(2025, 7, 15));
  pb::Case later = Create(CaseRequest(school_, pb::CASE_TYPE_PROCEDURE_DOSSIER, 2025, 7, 1));
  EXPECT_EQ(later.deadline_policy(), "procedure-dossier@2025.7");
  draft.set_name(later.name());
  *draft.mutable_new_return_date() = ProtoDate(2025, 7, 20);
  ASSERT_GRPC_OK(stub().DraftApologyLetter(Ctx("DraftApologyLetter", Admin(school_)).get(), draft, &letter));
  EXPECT_EQ(letter.title(), "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");

  pb::SummarizeComplaintsRequest summary;
  summary.set_school("schools/" + school_);
  *summary.mutable_period_start() = ProtoDate(2025, 1, 1);
  *summary.mutable_period_end() = ProtoDate(2025, 7, 15);
  pb::ComplaintSummary figures;
  ASSERT_GRPC_OK(
      stub().SummarizeComplaints(Ctx("SummarizeComplaints", Admin(school_)).get(), summary, &figures));
  EXPECT_EQ(figures.received(), 2);
  EXPECT_EQ(figures.dossiers_resolved(), 1);
  EXPECT_EQ(figures.resolved_late(), 1);
  EXPECT_DOUBLE_EQ(figures.on_time_rate(), 0);
  EXPECT_DOUBLE_EQ(figures.apology_rate(), 100);
  EXPECT_EQ(figures.overdue_open(), 1) << "the July dossier was due 8/7";
}

TEST_F(ComplaintServiceTest, BatchSummaryIsForServicesOnlyAndRefusesBadSchoolListsNamingTheField) {
  Create(CaseRequest(school_, pb::CASE_TYPE_FEEDBACK, 2025, 3, 3));
  pb::BatchSummarizeComplaintsRequest request;
  request.add_schools("schools/" + other_);
  request.add_schools("schools/" + school_);
  *request.mutable_period_start() = ProtoDate(2025, 1, 1);
  *request.mutable_period_end() = ProtoDate(2025, 3, 3);
  pb::BatchSummarizeComplaintsResponse response;
  auto call = [&](const Caller& caller, const pb::BatchSummarizeComplaintsRequest& r) {
    return stub().BatchSummarizeComplaints(Ctx("BatchSummarizeComplaints", caller).get(), r, &response);
  };
  // Whoever else asks, even about its own school: refused.
  for (const Caller& caller :
       {Admin(school_), As(Role::kSchoolStaff, school_), As(Role::kAuthorityOfficer, school_, "so-gd")}) {
    EXPECT_EQ(call(caller, request).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  }
  ASSERT_GRPC_OK(call(Service(), request));
  ASSERT_EQ(response.summaries_size(), 2);
  EXPECT_EQ(response.summaries(0).school(), "schools/" + other_);
  EXPECT_EQ(response.summaries(0).received(), 0);
  EXPECT_EQ(response.summaries(1).school(), "schools/" + school_);
  EXPECT_EQ(response.summaries(1).received(), 1);

  ::parhub::testing::ExpectBadSchoolListsRefused(
      request, [&](const pb::BatchSummarizeComplaintsRequest& r) { return call(Service(), r); });
  pb::BatchSummarizeComplaintsRequest bad = request;
  bad.clear_period_start();
  EXPECT_EQ(ViolatedField(call(Service(), bad)), "period_start");
  *bad.mutable_period_start() = ProtoDate(2025, 3, 4);
  EXPECT_EQ(ViolatedField(call(Service(), bad)), "period_end");
}

TEST_F(ComplaintServiceTest, PublicFilingTrackingResolutionAndRating) {
  pb::FilePublicCaseRequest file;
  file.set_school("schools/" + school_);
  file.set_case_type(pb::CASE_TYPE_FEEDBACK);
  file.set_subject("Cổng trường đông xe lúc tan học");
  file.set_content("Đề nghị nhà trường bố trí bảo vệ hướng dẫn phụ huynh.");
  file.mutable_submitter()->set_full_name("Lê Thị Hoa");
  file.mutable_submitter()->set_email("hoa@example.vn");
  file.set_request_id(platform::RandomId());
  pb::FilePublicCaseResponse filed;
  grpc::Status status = stub().FilePublicCase(Ctx("FilePublicCase", Service()).get(), file, &filed);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_FALSE(filed.tracking_secret().empty());
  EXPECT_TRUE(SameDate(filed.expected_resolution_date(), 2025, 3, 24)) << "15 working days from 3/3";
  // Only the public desk files.
  EXPECT_EQ(stub().FilePublicCase(Ctx("FilePublicCase", Admin(school_)).get(), file, &filed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  pb::TrackCaseRequest track;
  track.set_tracking_code(absl::AsciiStrToLower(filed.tracking_code()));
  track.set_tracking_secret(filed.tracking_secret());
  pb::PublicCaseView view;
  ASSERT_GRPC_OK(stub().TrackCase(Ctx("TrackCase", Service()).get(), track, &view));
  EXPECT_EQ(view.state(), pb::CASE_STATE_ACCEPTED);
  EXPECT_EQ(view.public_events_size(), 1);
  EXPECT_EQ(view.DebugString().find("Lê Thị Hoa"), std::string::npos)
      << "no personal data in the public view";
  EXPECT_EQ(view.DebugString().find("hoa@example.vn"), std::string::npos);
  EXPECT_FALSE(view.has_feedback()) << "the short survey is offered once the case is resolved";

  // A wrong secret and an unknown code look the same, a hundred times over.
  pb::TrackCaseRequest wrong = track;
  wrong.set_tracking_secret("AAAA-BBBB-CC");
  pb::TrackCaseRequest unknown = track;
  unknown.set_tracking_code("S0000-0000-0000");
  for (int i = 0; i < 100; ++i) {
    grpc::Status w = stub().TrackCase(Ctx("TrackCase", Service()).get(), wrong, &view);
    grpc::Status u = stub().TrackCase(Ctx("TrackCase", Service()).get(), unknown, &view);
    ASSERT_EQ(w.error_code(), grpc::StatusCode::NOT_FOUND);
    ASSERT_EQ(w.error_message(), u.error_message());
  }
  ASSERT_GRPC_OK(stub().TrackCase(Ctx("TrackCase", Service()).get(), track, &view));
  EXPECT_EQ(view.state(), pb::CASE_STATE_ACCEPTED);

  pb::RateCaseRequest rate;
  rate.set_tracking_code(filed.tracking_code());
  rate.set_tracking_secret(filed.tracking_secret());
  rate.set_score(5);
  rate.set_request_id(platform::RandomId());
  status = stub().RateCase(Ctx("RateCase", Service()).get(), rate, &view);
  EXPECT_EQ(ReasonOf(status), "CANNOT_RATE") << "not resolved yet";

  pb::ListCasesRequest list;
  list.set_parent("schools/" + school_);
  pb::ListCasesResponse listed;
  ASSERT_GRPC_OK(stub().ListCases(Ctx("ListCases", Admin(school_)).get(), list, &listed));
  ASSERT_EQ(listed.cases_size(), 1);
  EXPECT_EQ(listed.cases(0).channel(), pb::CHANNEL_PUBLIC_PORTAL);
  EXPECT_EQ(listed.cases(0).submitter().full_name(), "Lê Thị Hoa");
  pb::Case out;
  ASSERT_GRPC_OK(Resolve(listed.cases(0), pb::OUTCOME_ANSWERED, 2025, 3, 3, &out));

  ASSERT_GRPC_OK(stub().RateCase(Ctx("RateCase", Service()).get(), rate, &view));
  EXPECT_EQ(view.satisfaction().score(), 5);
  // Resolved: the short survey's invitation, whose code reporting derives
  // the same way from the shared key.
  ASSERT_TRUE(view.has_feedback());
  EXPECT_EQ(view.feedback().school(), "schools/" + school_);
  EXPECT_EQ(view.feedback().touchpoint(), parhub::common::v1::FEEDBACK_TOUCHPOINT_CASE_RESOLVED);
  EXPECT_EQ(view.feedback().subject(), view.tracking_code());
  EXPECT_TRUE(platform::FeedbackCodeMatches(std::string(32, 'f'), platform::kFeedbackCaseResolved, school_,
                                            view.tracking_code(), view.feedback().code()));
  EXPECT_FALSE(view.can_rate());
  EXPECT_EQ(view.resolution_summary(), "Nhà trường đã trả lời và khắc phục.");
  rate.set_request_id(platform::RandomId());
  EXPECT_EQ(ReasonOf(stub().RateCase(Ctx("RateCase", Service()).get(), rate, &view)), "CANNOT_RATE");

  pb::ReopenPublicCaseRequest reopen;
  reopen.set_tracking_code(filed.tracking_code());
  reopen.set_tracking_secret(filed.tracking_secret());
  reopen.set_reason("Vẫn chưa có bảo vệ hướng dẫn.");
  reopen.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(stub().ReopenPublicCase(Ctx("ReopenPublicCase", Service()).get(), reopen, &view));
  EXPECT_EQ(view.state(), pb::CASE_STATE_ACCEPTED);
  EXPECT_TRUE(SameDate(view.resolution_due_date(), 2025, 3, 24));

  pb::SummarizeComplaintsRequest summary;
  summary.set_school("schools/" + school_);
  *summary.mutable_period_start() = ProtoDate(2025, 3, 1);
  *summary.mutable_period_end() = ProtoDate(2025, 3, 31);
  pb::ComplaintSummary figures;
  ASSERT_GRPC_OK(stub().SummarizeComplaints(Ctx("SummarizeComplaints", As(Role::kService, school_)).get(),
                                            summary, &figures));
  EXPECT_EQ(figures.received(), 1);
  EXPECT_EQ(figures.resolved(), 1) << "the answer a reopening replaced still counts where it was given";
  EXPECT_EQ(figures.resolved_early(), 1);
  EXPECT_DOUBLE_EQ(figures.filed_online_share(), 100);
  EXPECT_EQ(figures.satisfaction_responses(), 1);
  EXPECT_DOUBLE_EQ(figures.satisfaction_average(), 5);
}

TEST_F(ComplaintServiceTest, ListsFilterByDeadlineClassAndARetryReturnsTheSameCaseWithoutItsSecret) {
  pb::CreateCaseRequest first = CaseRequest(school_, pb::CASE_TYPE_FEEDBACK, 2025, 2, 10);   // due 3/3
  pb::CreateCaseRequest second = CaseRequest(school_, pb::CASE_TYPE_FEEDBACK, 2025, 2, 14);  // due 7/3
  pb::CreateCaseRequest third = CaseRequest(school_, pb::CASE_TYPE_FEEDBACK, 2025, 3, 3);    // due 24/3
  SetNow(At(2025, 3, 4));
  pb::Case a = Create(first);
  Create(second);
  Create(third);
  pb::Case again;
  ASSERT_GRPC_OK(stub().CreateCase(Ctx("CreateCase", Admin(school_)).get(), first, &again));
  EXPECT_EQ(again.name(), a.name());
  EXPECT_TRUE(again.tracking_secret().empty());
  EXPECT_EQ(CountCases(school_), 3);

  auto names_with = [&](pb::CaseTimeliness t) {
    pb::ListCasesRequest list;
    list.set_parent("schools/" + school_);
    list.add_timeliness(t);
    pb::ListCasesResponse listed;
    grpc::Status status = stub().ListCases(Ctx("ListCases", Admin(school_)).get(), list, &listed);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<int> days;
    for (const pb::Case& c : listed.cases()) days.push_back(c.resolution_due_date().day());
    return days;
  };
  EXPECT_THAT(names_with(pb::CASE_TIMELINESS_OVERDUE), ::testing::ElementsAre(3));
  EXPECT_THAT(names_with(pb::CASE_TIMELINESS_DUE_SOON), ::testing::ElementsAre(7));
  EXPECT_THAT(names_with(pb::CASE_TIMELINESS_WITHIN_DEADLINE), ::testing::ElementsAre(24));

  pb::ListCasesRequest paged;
  paged.set_parent("schools/" + school_);
  paged.set_page_size(2);
  pb::ListCasesResponse page1, page2;
  ASSERT_GRPC_OK(stub().ListCases(Ctx("ListCases", Admin(school_)).get(), paged, &page1));
  ASSERT_EQ(page1.cases_size(), 2);
  EXPECT_EQ(page1.cases(0).timeliness(), pb::CASE_TIMELINESS_OVERDUE);
  paged.set_page_token(page1.next_page_token());
  ASSERT_GRPC_OK(stub().ListCases(Ctx("ListCases", Admin(school_)).get(), paged, &page2));
  ASSERT_EQ(page2.cases_size(), 1);
  EXPECT_TRUE(page2.next_page_token().empty());
}

TEST_F(ComplaintServiceTest, EnrolmentNoticeTakesOnlineRegistrationsAsDossiersInItsWindow) {
  SetNow(At(2025, 4, 20));
  pb::CreateEnrolmentNoticeRequest publish;
  publish.set_parent("schools/" + school_);
  pb::EnrolmentNotice* n = publish.mutable_enrolment_notice();
  n->set_school_year("2025-2026");
  n->set_intake("Trẻ 5 tuổi (sinh năm 2020)");
  n->set_places(70);
  *n->mutable_registration_start() = ProtoDate(2025, 5, 5);
  *n->mutable_registration_end() = ProtoDate(2025, 5, 30);
  n->set_processing_days(5);
  n->add_documents_required("Bản sao giấy khai sinh");
  n->add_documents_required("Giấy xác nhận cư trú");
  publish.set_request_id(platform::RandomId());
  pb::EnrolmentNotice bad_notice;
  pb::CreateEnrolmentNoticeRequest bad = publish;
  bad.mutable_enrolment_notice()->set_school_year("2025-2027");
  grpc::Status status =
      stub().CreateEnrolmentNotice(Ctx("CreateEnrolmentNotice", Admin(school_)).get(), bad, &bad_notice);
  EXPECT_EQ(ViolatedField(status), "enrolment_notice.school_year");
  bad = publish;
  *bad.mutable_enrolment_notice()->mutable_registration_end() = ProtoDate(2025, 5, 1);
  status = stub().CreateEnrolmentNotice(Ctx("CreateEnrolmentNotice", Admin(school_)).get(), bad, &bad_notice);
  EXPECT_EQ(ViolatedField(status), "enrolment_notice.registration_end");
  pb::EnrolmentNotice notice;
  ASSERT_GRPC_OK(
      stub().CreateEnrolmentNotice(Ctx("CreateEnrolmentNotice", Admin(school_)).get(), publish, &notice));
  EXPECT_EQ(notice.state(), pb::ENROLMENT_NOTICE_STATE_OPEN);

  pb::RegisterForEnrolmentRequest reg;
  reg.set_enrolment_notice(notice.name());
  reg.mutable_guardian()->set_full_name("Nguyễn Văn Nam");
  reg.mutable_guardian()->set_phone("0909111222");
  reg.mutable_guardian()->set_address("45 Lý Tự Trọng, phường Bến Thành");
  reg.mutable_applicant()->set_full_name("Nguyễn Minh Khang");
  *reg.mutable_applicant()->mutable_birth_date() = ProtoDate(2020, 3, 14);
  reg.set_request_id(platform::RandomId());
  pb::FilePublicCaseResponse filed;
  status = stub().RegisterForEnrolment(Ctx("RegisterForEnrolment", Service()).get(), reg, &filed);
  EXPECT_EQ(ReasonOf(status), "REGISTRATION_CLOSED") << "the window opens on 5/5";

  SetNow(At(2025, 5, 12));
  ASSERT_GRPC_OK(stub().RegisterForEnrolment(Ctx("RegisterForEnrolment", Service()).get(), reg, &filed));
  EXPECT_TRUE(SameDate(filed.expected_resolution_date(), 2025, 5, 19)) << "5 working days";
  reg.set_request_id(platform::RandomId());
  status = stub().RegisterForEnrolment(Ctx("RegisterForEnrolment", Service()).get(), reg, &filed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS) << "the same child twice";
  pb::RegisterForEnrolmentRequest no_birth = reg;
  no_birth.mutable_applicant()->set_full_name("Trần Bảo Ngọc");
  no_birth.mutable_applicant()->clear_birth_date();
  no_birth.set_request_id(platform::RandomId());
  status = stub().RegisterForEnrolment(Ctx("RegisterForEnrolment", Service()).get(), no_birth, &filed);
  EXPECT_EQ(ViolatedField(status), "applicant.birth_date");

  pb::ListCasesRequest list;
  list.set_parent("schools/" + school_);
  list.set_enrolment_notice(notice.name());
  pb::ListCasesResponse registrations;
  ASSERT_GRPC_OK(stub().ListCases(Ctx("ListCases", Admin(school_)).get(), list, &registrations));
  ASSERT_EQ(registrations.cases_size(), 1);
  const pb::Case& dossier = registrations.cases(0);
  EXPECT_EQ(dossier.case_type(), pb::CASE_TYPE_PROCEDURE_DOSSIER);
  EXPECT_EQ(dossier.applicant().full_name(), "Nguyễn Minh Khang");
  EXPECT_EQ(dossier.enrolment_notice(), notice.name());
  ASSERT_GRPC_OK(
      stub().ListCases(Ctx("ListCases", As(Role::kSchoolStaff, school_)).get(), list, &registrations));
  EXPECT_TRUE(registrations.cases(0).applicant().full_name().empty()) << "the child is personal data";

  pb::GetEnrolmentNoticeRequest get;
  get.set_name(notice.name());
  ASSERT_GRPC_OK(stub().GetEnrolmentNotice(Ctx("GetEnrolmentNotice", Admin(school_)).get(), get, &notice));
  EXPECT_EQ(notice.registrations(), 1);
  EXPECT_EQ(
      stub().GetEnrolmentNotice(Ctx("GetEnrolmentNotice", Admin(other_)).get(), get, &notice).error_code(),
      grpc::StatusCode::NOT_FOUND);
  pb::ListEnrolmentNoticesRequest open;
  open.set_parent("schools/" + school_);
  open.set_open_only(true);
  pb::ListEnrolmentNoticesResponse notices;
  ASSERT_GRPC_OK(stub().ListEnrolmentNotices(Ctx("ListEnrolmentNotices", As(Role::kService, school_)).get(),
                                             open, &notices));
  EXPECT_EQ(notices.enrolment_notices_size(), 1);

  pb::CloseEnrolmentNoticeRequest close;
  close.set_name(notice.name());
  close.set_reason("Đã đủ chỉ tiêu");
  close.set_request_id(platform::RandomId());
  ASSERT_GRPC_OK(
      stub().CloseEnrolmentNotice(Ctx("CloseEnrolmentNotice", Admin(school_)).get(), close, &notice));
  EXPECT_EQ(notice.state(), pb::ENROLMENT_NOTICE_STATE_CLOSED);
  no_birth = reg;
  no_birth.mutable_applicant()->set_full_name("Lê Gia Hân");
  no_birth.set_request_id(platform::RandomId());
  status = stub().RegisterForEnrolment(Ctx("RegisterForEnrolment", Service()).get(), no_birth, &filed);
  EXPECT_EQ(ReasonOf(status), "REGISTRATION_CLOSED");
  ASSERT_GRPC_OK(stub().ListEnrolmentNotices(Ctx("ListEnrolmentNotices", As(Role::kService, school_)).get(),
                                             open, &notices));
  EXPECT_EQ(notices.enrolment_notices_size(), 0);
}

TEST_F(ComplaintServiceTest, WhenIsItDueAnswersWithItsRulesAndRefusesYearsWithoutCalendar) {
  pb::ComputeDeadlineRequest request;
  request.set_case_type(pb::CASE_TYPE_COMPLAINT);
  *request.mutable_received_date() = ProtoDate(2025, 1, 20);
  *request.mutable_decision_date() = ProtoDate(2025, 1, 10);
  pb::DeadlineAnswer answer;
  grpc::Status status =
      stub().ComputeDeadline(Ctx("ComputeDeadline", Admin(school_)).get(), request, &answer);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(SameDate(answer.acceptance_due_date(), 2025, 2, 3)) << "30/1 is Tết → Mon 3/2";
  EXPECT_THAT(answer.explanation(), ::testing::Contains(HasSubstr("Điều 148")));
  EXPECT_TRUE(SameDate(answer.filing_due_date(), 2025, 4, 10));

  *request.mutable_received_date() = ProtoDate(2027, 12, 20);
  *request.mutable_decision_date() = ProtoDate(2027, 12, 1);
  status = stub().ComputeDeadline(Ctx("ComputeDeadline", Admin(school_)).get(), request, &answer);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("2028"));

  pb::GetHolidayCalendarRequest year;
  year.set_year(2026);
  parhub::refdata::v1::HolidayCalendar calendar;
  ASSERT_GRPC_OK(stub().GetHolidayCalendar(Ctx("GetHolidayCalendar", Admin(school_)).get(), year, &calendar));
  EXPECT_EQ(calendar.year(), 2026);
  pb::GetDeadlinePolicySetRequest on;
  *on.mutable_date() = ProtoDate(2025, 7, 1);
  pb::DeadlinePolicySet set;
  ASSERT_GRPC_OK(stub().GetDeadlinePolicySet(Ctx("GetDeadlinePolicySet", Admin(school_)).get(), on, &set));
  EXPECT_EQ(set.version(), "2025.7");
  EXPECT_TRUE(SameDate(set.effective_until(), 2026, 7, 1));
}

}  // namespace
}  // namespace parhub::complaints
