// The gateway's authorization table: complete over every backend method,
// and scope checks that keep schools apart.
#include "gateway/route_table.h"

#include <gmock/gmock.h>
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gateway/backends.h"
#include "parhub/complaints/v1/complaints.pb.h"
#include "parhub/directory/v1/directory.pb.h"
#include "parhub/finance/v1/finance.pb.h"
#include "parhub/gateway/v1/gateway.pb.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "parhub/tasks/v1/tasks.pb.h"
#include "platform/rpc/identity.h"
#include "platform/testing/status_matchers.h"

namespace parhub::gateway {
namespace {

using ::parhub::testing::StatusIs;
using platform::Role;

Principal SchoolAdmin(const std::string& school) {
  Principal p;
  p.account = "accounts/a";
  p.role = Role::kSchoolAdmin;
  p.school_id = school;
  p.school_ids = {school};
  return p;
}

Principal Officer() {
  Principal p;
  p.account = "accounts/o";
  p.role = Role::kAuthorityOfficer;
  p.authority_id = "q1";
  p.authority_ids = {"q1"};
  p.school_ids = {"mn-2010", "th-khai-minh"};
  return p;
}

TEST(RouteTable, EveryBackendMethodIsRoutedOrDeliberatelyWithheld) {
  const std::set<std::string> withheld = {"/parhub.tasks.v1.TaskService/PublishDirective",
                                          "/parhub.tasks.v1.TaskService/BatchSummarizeTasks",
                                          "/parhub.directory.v1.DirectoryService/AuthenticateApiKey",
                                          "/parhub.directory.v1.DirectoryService/GetTreeVersion",
                                          "/parhub.staffing.v1.StaffingService/SummarizeDownsizingProgress",
                                          "/parhub.complaints.v1.ComplaintService/FilePublicCase",
                                          "/parhub.complaints.v1.ComplaintService/TrackCase",
                                          "/parhub.complaints.v1.ComplaintService/RateCase",
                                          "/parhub.complaints.v1.ComplaintService/ReopenPublicCase",
                                          "/parhub.complaints.v1.ComplaintService/RegisterForEnrolment",
                                          "/parhub.complaints.v1.ComplaintService/ListEscalatedCases",
                                          "/parhub.finance.v1.FinanceService/LookUpFamilyAccount",
                                          "/parhub.reporting.v1.ReportingService/GetSurveyForRespondent",
                                          "/parhub.reporting.v1.ReportingService/SubmitSipasResponse",
                                          "/parhub.reporting.v1.ReportingService/SubmitServiceFeedback",
                                          "/parhub.reporting.v1.ReportingService/BatchGetReportStatuses",
                                          "/parhub.reporting.v1.ReportingService/BatchGetScorecards",
                                          "/parhub.staffing.v1.StaffingService/BatchSummarizeStaffing",
                                          "/parhub.finance.v1.FinanceService/BatchSummarizeFinance",
                                          "/parhub.complaints.v1.ComplaintService/BatchSummarizeComplaints",
                                          "/parhub.reporting.v1.ReportingService/BatchSummarizeReporting"};
  for (const BackendSpec& backend : KnownBackends()) {
    const auto* descriptor =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(backend.proto_service);
    ASSERT_NE(descriptor, nullptr) << backend.proto_service;
    for (int i = 0; i < descriptor->method_count(); ++i) {
      std::string method = "/" + backend.proto_service + "/" + descriptor->method(i)->name();
      EXPECT_TRUE((FindRoute(method) != nullptr) != withheld.contains(method)) << method;
    }
  }
  for (const Route& route : Routes()) {
    std::string full(route.method + 1);
    full[full.find('/')] = '.';
    EXPECT_NE(google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full), nullptr)
        << route.method;
    bool registered = false;
    for (const BackendSpec& backend : KnownBackends()) {
      registered = registered || backend.proto_service == platform::ServiceOfMethod(route.method);
    }
    EXPECT_TRUE(registered) << route.method << " is routed to no registered backend";
  }
}

// The reporting overview is the gateway's own method: the batch calls it
// makes to reporting as a service are routed for nobody (not even the
// service role), and no GatewayService method is a forwarded route.
TEST(RouteTable, ReportingOverviewIsTheGatewaysOwnAndItsBatchCallsAreNotRoutable) {
  for (const char* method : {"/parhub.reporting.v1.ReportingService/BatchGetReportStatuses",
                             "/parhub.reporting.v1.ReportingService/BatchGetScorecards"}) {
    EXPECT_EQ(FindRoute(method), nullptr) << method;
  }
  const google::protobuf::ServiceDescriptor* service =
      v1::GetReportingOverviewRequest::descriptor()->file()->FindServiceByName("GatewayService");
  ASSERT_NE(service, nullptr);
  const google::protobuf::MethodDescriptor* overview = service->FindMethodByName("GetReportingOverview");
  ASSERT_NE(overview, nullptr);
  EXPECT_EQ(overview->input_type()->full_name(), "parhub.gateway.v1.GetReportingOverviewRequest");
  EXPECT_EQ(overview->output_type()->full_name(), "parhub.gateway.v1.ReportingOverview");
  for (int i = 0; i < service->method_count(); ++i) {
    const std::string method = absl::StrCat("/", service->full_name(), "/", service->method(i)->name());
    EXPECT_EQ(FindRoute(method), nullptr) << method;
  }
}

// A scoped route's field is a singular string of its request (through
// singular messages), so a misspelt path cannot turn every call into
// INVALID_ARGUMENT; an unscoped route names no field.
TEST(RouteTable, ScopeFieldsAreStringsOfTheRequest) {
  for (const Route& route : Routes()) {
    std::string full(route.method + 1);
    full[full.find('/')] = '.';
    const auto* method = google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full);
    ASSERT_NE(method, nullptr) << route.method;
    const std::string field(route.field);
    if (route.scope == ScopeKind::kNone || route.scope == ScopeKind::kServiceEnforced) {
      EXPECT_EQ(field, "") << route.method;
      continue;
    }
    const google::protobuf::Descriptor* message = method->input_type();
    std::vector<std::string> parts = absl::StrSplit(field, '.');
    for (size_t i = 0; i < parts.size(); ++i) {
      const google::protobuf::FieldDescriptor* part = message->FindFieldByName(parts[i]);
      ASSERT_NE(part, nullptr) << route.method << " has no field " << field;
      ASSERT_FALSE(part->is_repeated()) << route.method << ": " << field;
      if (i + 1 == parts.size()) {
        EXPECT_EQ(part->type(), google::protobuf::FieldDescriptor::TYPE_STRING)
            << route.method << ": " << field;
      } else {
        ASSERT_EQ(part->type(), google::protobuf::FieldDescriptor::TYPE_MESSAGE)
            << route.method << ": " << field;
        message = part->message_type();
      }
    }
  }
}

TEST(RouteTable, SchoolAdminReachesOnlyOwnSchool) {
  const Route* get = FindRoute("/parhub.tasks.v1.TaskService/GetPlan");
  ASSERT_NE(get, nullptr);
  tasks::v1::GetPlanRequest own;
  own.set_name("schools/mn-2010/plans/par-2024");
  ASSERT_OK_AND_ASSIGN(CallScope scope, Authorize(*get, SchoolAdmin("mn-2010"), own));
  EXPECT_EQ(scope.school_id, "mn-2010");
  tasks::v1::GetPlanRequest other;
  other.set_name("schools/th-khai-minh/plans/par-2024");
  EXPECT_THAT(Authorize(*get, SchoolAdmin("mn-2010"), other), StatusIs(absl::StatusCode::kNotFound));
  tasks::v1::GetPlanRequest garbage;
  garbage.set_name("plans/x");
  EXPECT_THAT(Authorize(*get, SchoolAdmin("mn-2010"), garbage), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(RouteTable, NestedFieldsAreCheckedToo) {
  const Route* update = FindRoute("/parhub.tasks.v1.TaskService/UpdateTask");
  tasks::v1::UpdateTaskRequest request;
  request.mutable_task()->set_name("schools/th-khai-minh/plans/p/tasks/t");
  EXPECT_THAT(Authorize(*update, SchoolAdmin("mn-2010"), request), StatusIs(absl::StatusCode::kNotFound));
}

TEST(RouteTable, RolesAreEnforced) {
  const Route* create = FindRoute("/parhub.tasks.v1.TaskService/CreateTask");
  tasks::v1::CreateTaskRequest request;
  request.set_parent("schools/mn-2010/plans/p");
  Principal staff = SchoolAdmin("mn-2010");
  staff.role = Role::kSchoolStaff;
  EXPECT_THAT(Authorize(*create, staff, request), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(*create, Officer(), request), StatusIs(absl::StatusCode::kPermissionDenied));
  const Route* progress = FindRoute("/parhub.tasks.v1.TaskService/AddProgressUpdate");
  tasks::v1::AddProgressUpdateRequest update;
  update.set_parent("schools/mn-2010/plans/p/tasks/t");
  EXPECT_OK(Authorize(*progress, staff, update).status());
}

TEST(RouteTable, OfficerReadsSubtreeSchoolsAndOwnAuthorities) {
  const Route* get = FindRoute("/parhub.tasks.v1.TaskService/GetTask");
  tasks::v1::GetTaskRequest in_scope;
  in_scope.set_name("schools/th-khai-minh/plans/p/tasks/t");
  ASSERT_OK_AND_ASSIGN(CallScope scope, Authorize(*get, Officer(), in_scope));
  EXPECT_EQ(scope.school_id, "th-khai-minh");
  EXPECT_EQ(scope.authority_id, "q1");
  tasks::v1::GetTaskRequest outside;
  outside.set_name("schools/thpt-other-district/plans/p/tasks/t");
  EXPECT_THAT(Authorize(*get, Officer(), outside), StatusIs(absl::StatusCode::kNotFound));
  const Route* directives = FindRoute("/parhub.tasks.v1.TaskService/ListDirectives");
  tasks::v1::ListDirectivesRequest other_authority;
  other_authority.set_parent("authorities/q3");
  EXPECT_THAT(Authorize(*directives, Officer(), other_authority), StatusIs(absl::StatusCode::kNotFound));
}

TEST(RouteTable, ComplaintRolesFollowTheCaseWorkflow) {
  Principal admin = SchoolAdmin("mn-2010");
  Principal staff = SchoolAdmin("mn-2010");
  staff.role = Role::kSchoolStaff;
  Principal service;
  service.account = "accounts/reporting";
  service.role = Role::kService;

  const Route* resolve = FindRoute("/parhub.complaints.v1.ComplaintService/ResolveCase");
  ASSERT_NE(resolve, nullptr);
  complaints::v1::ResolveCaseRequest resolve_request;
  resolve_request.set_name("schools/mn-2010/cases/c1");
  ASSERT_OK_AND_ASSIGN(CallScope scope, Authorize(*resolve, admin, resolve_request));
  EXPECT_EQ(scope.school_id, "mn-2010");
  EXPECT_THAT(Authorize(*resolve, staff, resolve_request), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(*resolve, Officer(), resolve_request), StatusIs(absl::StatusCode::kPermissionDenied));

  const Route* note = FindRoute("/parhub.complaints.v1.ComplaintService/AddCaseNote");
  ASSERT_NE(note, nullptr);
  complaints::v1::AddCaseNoteRequest note_request;
  note_request.set_parent("schools/mn-2010/cases/c1");
  EXPECT_OK(Authorize(*note, staff, note_request).status());
  EXPECT_THAT(Authorize(*note, Officer(), note_request), StatusIs(absl::StatusCode::kPermissionDenied));
  note_request.set_parent("schools/th-khai-minh/cases/c1");
  EXPECT_THAT(Authorize(*note, staff, note_request), StatusIs(absl::StatusCode::kNotFound));

  const Route* escalate = FindRoute("/parhub.complaints.v1.ComplaintService/EscalateCase");
  ASSERT_NE(escalate, nullptr);
  complaints::v1::EscalateCaseRequest escalate_request;
  escalate_request.set_name("schools/th-khai-minh/cases/c1");
  EXPECT_OK(Authorize(*escalate, Officer(), escalate_request).status());
  EXPECT_THAT(Authorize(*escalate, staff, escalate_request), StatusIs(absl::StatusCode::kPermissionDenied));
  escalate_request.set_name("schools/thpt-other-district/cases/c1");
  EXPECT_THAT(Authorize(*escalate, Officer(), escalate_request), StatusIs(absl::StatusCode::kNotFound));

  const Route* get = FindRoute("/parhub.complaints.v1.ComplaintService/GetCase");
  ASSERT_NE(get, nullptr);
  complaints::v1::GetCaseRequest get_request;
  get_request.set_name("schools/mn-2010/cases/c1");
  EXPECT_OK(Authorize(*get, staff, get_request).status());
  EXPECT_OK(Authorize(*get, Officer(), get_request).status());
  EXPECT_THAT(Authorize(*get, service, get_request), StatusIs(absl::StatusCode::kPermissionDenied));

  const Route* deadline = FindRoute("/parhub.complaints.v1.ComplaintService/ComputeDeadline");
  ASSERT_NE(deadline, nullptr);
  complaints::v1::ComputeDeadlineRequest deadline_request;
  for (const Principal& anyone : {admin, staff, Officer(), service}) {
    EXPECT_OK(Authorize(*deadline, anyone, deadline_request).status());
  }
}

TEST(RouteTable, FinanceKeepsMoneyWithTheSchoolOffice) {
  Principal admin = SchoolAdmin("mn-2010");
  Principal staff = SchoolAdmin("mn-2010");
  staff.role = Role::kSchoolStaff;
  Principal service;
  service.account = "accounts/reporting";
  service.role = Role::kService;

  const Route* pay = FindRoute("/parhub.finance.v1.FinanceService/RecordPayment");
  ASSERT_NE(pay, nullptr);
  finance::v1::RecordPaymentRequest pay_request;
  pay_request.set_parent("schools/mn-2010");
  ASSERT_OK_AND_ASSIGN(CallScope scope, Authorize(*pay, admin, pay_request));
  EXPECT_EQ(scope.school_id, "mn-2010");
  EXPECT_THAT(Authorize(*pay, staff, pay_request), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(*pay, Officer(), pay_request), StatusIs(absl::StatusCode::kPermissionDenied));
  pay_request.set_parent("schools/th-khai-minh");
  EXPECT_THAT(Authorize(*pay, admin, pay_request), StatusIs(absl::StatusCode::kNotFound));

  const Route* pupils = FindRoute("/parhub.finance.v1.FinanceService/ListPupils");
  ASSERT_NE(pupils, nullptr);
  finance::v1::ListPupilsRequest pupils_request;
  pupils_request.set_parent("schools/mn-2010");
  EXPECT_OK(Authorize(*pupils, staff, pupils_request).status());
  EXPECT_THAT(Authorize(*pupils, Officer(), pupils_request), StatusIs(absl::StatusCode::kPermissionDenied));

  const Route* update_pupil = FindRoute("/parhub.finance.v1.FinanceService/UpdatePupil");
  ASSERT_NE(update_pupil, nullptr);
  finance::v1::UpdatePupilRequest update_request;
  update_request.mutable_pupil()->set_name("schools/th-khai-minh/pupils/p1");
  EXPECT_THAT(Authorize(*update_pupil, admin, update_request), StatusIs(absl::StatusCode::kNotFound));

  const Route* fee = FindRoute("/parhub.finance.v1.FinanceService/GetFeeItem");
  ASSERT_NE(fee, nullptr);
  finance::v1::GetFeeItemRequest fee_request;
  fee_request.set_name("schools/mn-2010/feeItems/hoc-phi");
  EXPECT_OK(Authorize(*fee, staff, fee_request).status());
  EXPECT_OK(Authorize(*fee, Officer(), fee_request).status());
  EXPECT_THAT(Authorize(*fee, service, fee_request), StatusIs(absl::StatusCode::kPermissionDenied));

  const Route* check = FindRoute("/parhub.finance.v1.FinanceService/CheckLedger");
  ASSERT_NE(check, nullptr);
  finance::v1::CheckLedgerRequest check_request;
  check_request.set_parent("schools/th-khai-minh");
  ASSERT_OK_AND_ASSIGN(CallScope officer_scope, Authorize(*check, Officer(), check_request));
  EXPECT_EQ(officer_scope.school_id, "th-khai-minh");
  EXPECT_THAT(Authorize(*check, staff, check_request), StatusIs(absl::StatusCode::kPermissionDenied));
  check_request.set_parent("schools/thpt-other-district");
  EXPECT_THAT(Authorize(*check, Officer(), check_request), StatusIs(absl::StatusCode::kNotFound));

  const Route* summary = FindRoute("/parhub.finance.v1.FinanceService/SummarizeFinance");
  ASSERT_NE(summary, nullptr);
  finance::v1::SummarizeFinanceRequest summary_request;
  summary_request.set_school("schools/mn-2010");
  EXPECT_OK(Authorize(*summary, Officer(), summary_request).status());
  EXPECT_THAT(Authorize(*summary, staff, summary_request), StatusIs(absl::StatusCode::kPermissionDenied));

  // Invoices, payments and receipts name pupils and guardians: not for officers.
  for (const char* method : {"GetInvoice", "ListPayments", "GetReceipt", "GetPupil"}) {
    const Route* route = FindRoute(absl::StrCat("/parhub.finance.v1.FinanceService/", method));
    ASSERT_NE(route, nullptr) << method;
    EXPECT_FALSE(route->roles.contains(Role::kAuthorityOfficer)) << method;
    EXPECT_TRUE(route->roles.contains(Role::kSchoolAdmin)) << method;
  }
  const Route* invoice = FindRoute("/parhub.finance.v1.FinanceService/GetInvoice");
  finance::v1::GetInvoiceRequest invoice_request;
  invoice_request.set_name("schools/mn-2010/invoices/i1");
  EXPECT_THAT(Authorize(*invoice, Officer(), invoice_request), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(*invoice, staff, invoice_request), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_OK(Authorize(*invoice, admin, invoice_request).status());
}

TEST(RouteTable, ReportingFollowsItsAccessTable) {
  Principal admin = SchoolAdmin("mn-2010");
  Principal staff = SchoolAdmin("mn-2010");
  staff.role = Role::kSchoolStaff;
  Principal service;
  service.account = "accounts/reporting";
  service.role = Role::kService;

  // The citizens' survey and the roll-ups' batches are the gateway's own
  // calls: no key reaches them.
  for (const char* method : {"GetSurveyForRespondent", "SubmitSipasResponse", "SubmitServiceFeedback",
                             "BatchGetReportStatuses", "BatchGetScorecards"}) {
    EXPECT_EQ(FindRoute(absl::StrCat("/parhub.reporting.v1.ReportingService/", method)), nullptr) << method;
  }

  // Reference data: everyone, no tenant.
  const Route* framework = FindRoute("/parhub.reporting.v1.ReportingService/GetParFramework");
  ASSERT_NE(framework, nullptr);
  reporting::v1::GetParFrameworkRequest framework_request;
  framework_request.set_name("parFrameworks/school-2024");
  for (const Principal& anyone : {admin, staff, Officer(), service}) {
    EXPECT_OK(Authorize(*framework, anyone, framework_request).status());
  }
  const Route* create_framework = FindRoute("/parhub.reporting.v1.ReportingService/CreateParFramework");
  ASSERT_NE(create_framework, nullptr);
  reporting::v1::CreateParFrameworkRequest create_framework_request;
  EXPECT_OK(Authorize(*create_framework, Officer(), create_framework_request).status());
  EXPECT_THAT(Authorize(*create_framework, admin, create_framework_request),
              StatusIs(absl::StatusCode::kPermissionDenied));

  // Last year's official result: entered by an officer or the school's
  // admins, read by everyone of the school.
  const Route* import_official = FindRoute("/parhub.reporting.v1.ReportingService/ImportOfficialParResult");
  ASSERT_NE(import_official, nullptr);
  reporting::v1::ImportOfficialParResultRequest import_request;
  import_request.set_parent("schools/mn-2010");
  EXPECT_OK(Authorize(*import_official, admin, import_request).status());
  EXPECT_OK(Authorize(*import_official, Officer(), import_request).status());
  EXPECT_THAT(Authorize(*import_official, staff, import_request),
              StatusIs(absl::StatusCode::kPermissionDenied));

  // The assessment: read by the school, its officers and services; edited
  // by the school's admins; appraised by officers of its subtree.
  const Route* get_assessment = FindRoute("/parhub.reporting.v1.ReportingService/GetParAssessment");
  ASSERT_NE(get_assessment, nullptr);
  reporting::v1::GetParAssessmentRequest get_assessment_request;
  get_assessment_request.set_name("schools/mn-2010/parAssessments/2024");
  for (const Principal& reader : {admin, staff, Officer(), service}) {
    EXPECT_OK(Authorize(*get_assessment, reader, get_assessment_request).status());
  }
  get_assessment_request.set_name("schools/th-khai-minh/parAssessments/2024");
  EXPECT_THAT(Authorize(*get_assessment, staff, get_assessment_request),
              StatusIs(absl::StatusCode::kNotFound));

  const Route* update_item = FindRoute("/parhub.reporting.v1.ReportingService/UpdateAssessmentItem");
  ASSERT_NE(update_item, nullptr);
  reporting::v1::UpdateAssessmentItemRequest update_item_request;
  update_item_request.mutable_item()->set_name("schools/mn-2010/parAssessments/2024/items/1.1.1");
  ASSERT_OK_AND_ASSIGN(CallScope scope, Authorize(*update_item, admin, update_item_request));
  EXPECT_EQ(scope.school_id, "mn-2010");
  EXPECT_THAT(Authorize(*update_item, staff, update_item_request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(*update_item, Officer(), update_item_request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  update_item_request.mutable_item()->set_name("schools/th-khai-minh/parAssessments/2024/items/1.1.1");
  EXPECT_THAT(Authorize(*update_item, admin, update_item_request), StatusIs(absl::StatusCode::kNotFound));

  const Route* appraise = FindRoute("/parhub.reporting.v1.ReportingService/AppraiseParAssessment");
  ASSERT_NE(appraise, nullptr);
  reporting::v1::AppraiseParAssessmentRequest appraise_request;
  appraise_request.set_name("schools/th-khai-minh/parAssessments/2024");
  EXPECT_OK(Authorize(*appraise, Officer(), appraise_request).status());
  EXPECT_THAT(Authorize(*appraise, admin, appraise_request), StatusIs(absl::StatusCode::kPermissionDenied));
  appraise_request.set_name("schools/thpt-other-district/parAssessments/2024");
  EXPECT_THAT(Authorize(*appraise, Officer(), appraise_request), StatusIs(absl::StatusCode::kNotFound));

  // Surveys: results for readers, codes only for the school's admins.
  const Route* codes = FindRoute("/parhub.reporting.v1.ReportingService/IssueRespondentCodes");
  ASSERT_NE(codes, nullptr);
  reporting::v1::IssueRespondentCodesRequest codes_request;
  codes_request.set_survey("schools/mn-2010/sipasSurveys/2024-parents");
  EXPECT_OK(Authorize(*codes, admin, codes_request).status());
  EXPECT_THAT(Authorize(*codes, staff, codes_request), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(*codes, Officer(), codes_request), StatusIs(absl::StatusCode::kPermissionDenied));
  const Route* results = FindRoute("/parhub.reporting.v1.ReportingService/GetSipasResults");
  ASSERT_NE(results, nullptr);
  reporting::v1::GetSipasResultsRequest results_request;
  results_request.set_survey("schools/mn-2010/sipasSurveys/2024-parents");
  EXPECT_OK(Authorize(*results, staff, results_request).status());
  EXPECT_OK(Authorize(*results, Officer(), results_request).status());
  results_request.set_survey("2024-parents");
  EXPECT_THAT(Authorize(*results, admin, results_request), StatusIs(absl::StatusCode::kInvalidArgument));

  // The official SIPAS result: imported by an officer or the school's
  // admins, compared with the school's own surveys by every reader.
  const Route* import_sipas = FindRoute("/parhub.reporting.v1.ReportingService/ImportOfficialSipasResult");
  ASSERT_NE(import_sipas, nullptr);
  EXPECT_EQ(import_sipas->scope, ScopeKind::kSchool);
  reporting::v1::ImportOfficialSipasResultRequest import_sipas_request;
  import_sipas_request.set_parent("schools/mn-2010");
  EXPECT_OK(Authorize(*import_sipas, admin, import_sipas_request).status());
  EXPECT_OK(Authorize(*import_sipas, Officer(), import_sipas_request).status());
  EXPECT_THAT(Authorize(*import_sipas, staff, import_sipas_request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(*import_sipas, service, import_sipas_request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  import_sipas_request.set_parent("schools/th-khai-minh");
  EXPECT_THAT(Authorize(*import_sipas, admin, import_sipas_request), StatusIs(absl::StatusCode::kNotFound));
  const Route* compare_sipas = FindRoute("/parhub.reporting.v1.ReportingService/CompareSipasResults");
  ASSERT_NE(compare_sipas, nullptr);
  reporting::v1::CompareSipasResultsRequest compare_request;
  compare_request.set_school("schools/mn-2010");
  for (const Principal& reader : {admin, staff, Officer(), service}) {
    EXPECT_OK(Authorize(*compare_sipas, reader, compare_request).status());
  }
  compare_request.set_school("schools/thpt-other-district");
  EXPECT_THAT(Authorize(*compare_sipas, Officer(), compare_request), StatusIs(absl::StatusCode::kNotFound));

  // Reports: the school's admins, officers of its subtree and services read
  // them (an export like the version itself); school staff do not.
  for (const char* method :
       {"GetReport", "ListReports", "GetReportVersion", "ListReportVersions", "ExportReportVersion"}) {
    const Route* route = FindRoute(absl::StrCat("/parhub.reporting.v1.ReportingService/", method));
    ASSERT_NE(route, nullptr) << method;
    EXPECT_EQ(route->roles, (std::set<Role>{Role::kSchoolAdmin, Role::kAuthorityOfficer, Role::kService}))
        << method;
    EXPECT_EQ(route->scope, ScopeKind::kSchool) << method;
  }
  const Route* export_version = FindRoute("/parhub.reporting.v1.ReportingService/ExportReportVersion");
  reporting::v1::ExportReportVersionRequest export_request;
  export_request.set_name("schools/th-khai-minh/reports/cchc-2024-q1/versions/2");
  ASSERT_OK_AND_ASSIGN(CallScope officer_scope, Authorize(*export_version, Officer(), export_request));
  EXPECT_EQ(officer_scope.school_id, "th-khai-minh");
  EXPECT_THAT(Authorize(*export_version, admin, export_request), StatusIs(absl::StatusCode::kNotFound));
  export_request.set_name("schools/mn-2010/reports/cchc-2024-q1/versions/2");
  EXPECT_OK(Authorize(*export_version, admin, export_request).status());
  EXPECT_THAT(Authorize(*export_version, staff, export_request),
              StatusIs(absl::StatusCode::kPermissionDenied));

  const Route* generate = FindRoute("/parhub.reporting.v1.ReportingService/GenerateReport");
  ASSERT_NE(generate, nullptr);
  reporting::v1::GenerateReportRequest generate_request;
  generate_request.set_parent("schools/mn-2010");
  EXPECT_OK(Authorize(*generate, admin, generate_request).status());
  EXPECT_THAT(Authorize(*generate, Officer(), generate_request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Authorize(*generate, service, generate_request), StatusIs(absl::StatusCode::kPermissionDenied));

  const Route* acknowledge = FindRoute("/parhub.reporting.v1.ReportingService/AcknowledgeReport");
  ASSERT_NE(acknowledge, nullptr);
  reporting::v1::AcknowledgeReportRequest acknowledge_request;
  acknowledge_request.set_name("schools/mn-2010/reports/cchc-2024-q1");
  EXPECT_OK(Authorize(*acknowledge, Officer(), acknowledge_request).status());
  EXPECT_THAT(Authorize(*acknowledge, admin, acknowledge_request),
              StatusIs(absl::StatusCode::kPermissionDenied));

  const Route* summary = FindRoute("/parhub.reporting.v1.ReportingService/SummarizeReporting");
  ASSERT_NE(summary, nullptr);
  reporting::v1::SummarizeReportingRequest summary_request;
  summary_request.set_school("schools/mn-2010");
  EXPECT_OK(Authorize(*summary, service, summary_request).status());
  EXPECT_THAT(Authorize(*summary, staff, summary_request), StatusIs(absl::StatusCode::kPermissionDenied));
}

}  // namespace
}  // namespace parhub::gateway
