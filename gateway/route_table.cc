// Authorization table for every forwarded method.
#include "gateway/route_table.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "parhub/complaints/v1/complaints.pb.h"
#include "parhub/directory/v1/directory.pb.h"
#include "parhub/finance/v1/finance.pb.h"
#include "parhub/reporting/v1/reporting.pb.h"
#include "parhub/staffing/v1/staffing.pb.h"
#include "parhub/tasks/v1/tasks.pb.h"
#include "platform/core/errors.h"

namespace parhub::gateway {
namespace {

using platform::Role;
constexpr Role kOfficer = Role::kAuthorityOfficer;
constexpr Role kAdmin = Role::kSchoolAdmin;
constexpr Role kStaff = Role::kSchoolStaff;
constexpr Role kService = Role::kService;

const std::set<Role> kReaders{kOfficer, kAdmin, kStaff, kService};
const std::set<Role> kAdmins{kAdmin};
const std::set<Role> kProgressWriters{kAdmin, kStaff};
const std::set<Role> kOfficers{kOfficer};
const std::set<Role> kAnyone{kOfficer, kAdmin, kStaff, kService};
const std::set<Role> kSchoolPeople{kOfficer, kAdmin, kStaff};
const std::set<Role> kReportReaders{kOfficer, kAdmin, kService};
// Official results come from the authority; the school may enter its copy.
const std::set<Role> kOfficialResultWriters{kOfficer, kAdmin};

#define TASKS(m) "/parhub.tasks.v1.TaskService/" m
#define DIR(m) "/parhub.directory.v1.DirectoryService/" m
#define STAFFING(m) "/parhub.staffing.v1.StaffingService/" m
#define COMPLAINTS(m) "/parhub.complaints.v1.ComplaintService/" m
#define FINANCE(m) "/parhub.finance.v1.FinanceService/" m
#define REPORTING(m) "/parhub.reporting.v1.ReportingService/" m

// Reads a string field by dotted path ("task.name").
std::string FieldText(const google::protobuf::Message& message, absl::string_view path) {
  const google::protobuf::Message* current = &message;
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto* field = current->GetDescriptor()->FindFieldByName(parts[i]);
    if (field == nullptr || field->is_repeated()) return "";
    if (i + 1 == parts.size()) {
      if (field->type() != google::protobuf::FieldDescriptor::TYPE_STRING) return "";
      return current->GetReflection()->GetString(*current, field);
    }
    if (field->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE) return "";
    current = &current->GetReflection()->GetMessage(*current, field);
  }
  return "";
}

std::string SegmentAfter(const std::string& name, absl::string_view collection) {
  std::vector<std::string> parts = absl::StrSplit(name, '/');
  if (parts.size() >= 2 && parts[0] == collection) return parts[1];
  return "";
}

}  // namespace

const std::vector<Route>& Routes() {
  // The proxy finds request types in the generated descriptor pool; touching
  // one message per backend file makes the linker keep those descriptors.
  (void)directory::v1::GetSchoolRequest::descriptor();
  (void)tasks::v1::GetTaskRequest::descriptor();
  (void)staffing::v1::GetStaffRequest::descriptor();
  (void)complaints::v1::GetCaseRequest::descriptor();
  (void)finance::v1::GetInvoiceRequest::descriptor();
  (void)reporting::v1::GetReportRequest::descriptor();
  static const auto* const kRoutes = new std::vector<Route>{
      // tasks: plans and tasks belong to one school
      {TASKS("CreatePlan"), kAdmins, ScopeKind::kSchool, "parent"},
      {TASKS("GetPlan"), kReaders, ScopeKind::kSchool, "name"},
      {TASKS("ListPlans"), kReaders, ScopeKind::kSchool, "parent"},
      {TASKS("UpdatePlan"), kAdmins, ScopeKind::kSchool, "plan.name"},
      {TASKS("InstantiatePlanTemplate"), kAdmins, ScopeKind::kSchool, "parent"},
      {TASKS("ListPlanTemplates"), kAnyone, ScopeKind::kNone, ""},
      {TASKS("CreateTask"), kAdmins, ScopeKind::kSchool, "parent"},
      {TASKS("GetTask"), kReaders, ScopeKind::kSchool, "name"},
      {TASKS("ListTasks"), kReaders, ScopeKind::kSchool, "parent"},
      {TASKS("UpdateTask"), kAdmins, ScopeKind::kSchool, "task.name"},
      {TASKS("AddProgressUpdate"), kProgressWriters, ScopeKind::kSchool, "parent"},
      {TASKS("ListProgressUpdates"), kReaders, ScopeKind::kSchool, "parent"},
      {TASKS("UploadEvidenceFile"), kProgressWriters, ScopeKind::kSchool, "parent"},
      {TASKS("GetEvidenceFile"), kReaders, ScopeKind::kSchool, "name"},
      {TASKS("DownloadEvidenceFile"), kReaders, ScopeKind::kSchool, "name"},
      {TASKS("SummarizeTasks"), kReaders, ScopeKind::kSchool, "school"},
      // directives belong to an authority; publishing goes through GatewayService
      {TASKS("GetDirective"), kOfficers, ScopeKind::kAuthority, "name"},
      {TASKS("ListDirectives"), kOfficers, ScopeKind::kAuthority, "parent"},
      {TASKS("GetDirectiveProgress"), kOfficers, ScopeKind::kAuthority, "name"},
      // staffing: one school's people; the service decides who sees personal
      // data (school admins), names (not officers) and counts (everyone).
      {STAFFING("CreateStaff"), kAdmins, ScopeKind::kSchool, "parent"},
      {STAFFING("GetStaff"), kReaders, ScopeKind::kSchool, "name"},
      {STAFFING("ListStaff"), kReaders, ScopeKind::kSchool, "parent"},
      {STAFFING("UpdateStaff"), kAdmins, ScopeKind::kSchool, "staff.name"},
      {STAFFING("ImportStaffRoster"), kAdmins, ScopeKind::kSchool, "parent"},
      {STAFFING("ImportCityEmailUsage"), kAdmins, ScopeKind::kSchool, "parent"},
      {STAFFING("CreateStaffingQuota"), kAdmins, ScopeKind::kSchool, "parent"},
      {STAFFING("GetStaffingQuota"), kReaders, ScopeKind::kSchool, "name"},
      {STAFFING("ListStaffingQuotas"), kReaders, ScopeKind::kSchool, "parent"},
      {STAFFING("UpdateStaffingQuota"), kAdmins, ScopeKind::kSchool, "staffing_quota.name"},
      {STAFFING("CreateRating"), kAdmins, ScopeKind::kSchool, "parent"},
      {STAFFING("UpdateRating"), kAdmins, ScopeKind::kSchool, "rating.name"},
      {STAFFING("ListRatings"), kReaders, ScopeKind::kSchool, "parent"},
      {STAFFING("ListDownsizingCandidates"), kReaders, ScopeKind::kSchool, "parent"},
      {STAFFING("CreateDownsizingRecord"), kAdmins, ScopeKind::kSchool, "parent"},
      {STAFFING("GetDownsizingRecord"), kReaders, ScopeKind::kSchool, "name"},
      {STAFFING("ListDownsizingRecords"), kReaders, ScopeKind::kSchool, "parent"},
      {STAFFING("UpdateDownsizingRecord"), kAdmins, ScopeKind::kSchool, "downsizing_record.name"},
      {STAFFING("SubmitDownsizingRecord"), kAdmins, ScopeKind::kSchool, "name"},
      {STAFFING("ApproveDownsizingRecord"), {kOfficer, kAdmin}, ScopeKind::kSchool, "name"},
      {STAFFING("RejectDownsizingRecord"), {kOfficer, kAdmin}, ScopeKind::kSchool, "name"},
      {STAFFING("MarkDownsizingEffective"), kAdmins, ScopeKind::kSchool, "name"},
      {STAFFING("WithdrawDownsizingRecord"), kAdmins, ScopeKind::kSchool, "name"},
      {STAFFING("GetDownsizingCatalog"), kAnyone, ScopeKind::kNone, ""},
      {STAFFING("GetDownsizingTarget"), kReaders, ScopeKind::kSchool, "name"},
      {STAFFING("UpdateDownsizingTarget"), {kOfficer, kAdmin}, ScopeKind::kSchool, "downsizing_target.name"},
      {STAFFING("GetDownsizingProgress"), kReaders, ScopeKind::kSchool, "name"},
      {STAFFING("CreateDisciplineInspection"), kAdmins, ScopeKind::kSchool, "parent"},
      {STAFFING("GetDisciplineInspection"), kReaders, ScopeKind::kSchool, "name"},
      {STAFFING("ListDisciplineInspections"), kReaders, ScopeKind::kSchool, "parent"},
      {STAFFING("UpdateDisciplineInspection"), kAdmins, ScopeKind::kSchool, "discipline_inspection.name"},
      {STAFFING("SummarizeStaffing"), kReaders, ScopeKind::kSchool, "school"},
      {STAFFING("CreateStaffSuggestion"), kProgressWriters, ScopeKind::kSchool, "parent"},
      {STAFFING("ListStaffSuggestions"), kReaders, ScopeKind::kSchool, "parent"},
      {STAFFING("AnswerStaffSuggestion"), kAdmins, ScopeKind::kSchool, "name"},
      {STAFFING("GetInspectionBoard"), kReaders, ScopeKind::kSchool, "name"},
      {STAFFING("UpdateInspectionBoard"), kAdmins, ScopeKind::kSchool, "inspection_board.name"},
      {STAFFING("CreateBoardMeeting"), kAdmins, ScopeKind::kSchool, "parent"},
      {STAFFING("ListBoardMeetings"), kReaders, ScopeKind::kSchool, "parent"},
      {STAFFING("UpdateBoardMeeting"), kAdmins, ScopeKind::kSchool, "board_meeting.name"},
      // complaints: one school's cases; the service decides who sees a
      // submitter's personal data. The deadline policies and holiday
      // calendars are reference data for everyone.
      {COMPLAINTS("CreateCase"), kAdmins, ScopeKind::kSchool, "parent"},
      {COMPLAINTS("GetCase"), kSchoolPeople, ScopeKind::kSchool, "name"},
      {COMPLAINTS("ListCases"), kSchoolPeople, ScopeKind::kSchool, "parent"},
      {COMPLAINTS("AcceptCase"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("RejectCase"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("AssignCase"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("ExtendCaseDeadline"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("RecordApologyLetter"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("ResolveCase"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("EscalateCase"), {kOfficer, kAdmin}, ScopeKind::kSchool, "name"},
      {COMPLAINTS("WithdrawCase"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("ReopenCase"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("DraftApologyLetter"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("AddCaseNote"), kProgressWriters, ScopeKind::kSchool, "parent"},
      {COMPLAINTS("ListCaseEvents"), kSchoolPeople, ScopeKind::kSchool, "parent"},
      {COMPLAINTS("SummarizeComplaints"), kSchoolPeople, ScopeKind::kSchool, "school"},
      {COMPLAINTS("CreateEnrolmentNotice"), kAdmins, ScopeKind::kSchool, "parent"},
      {COMPLAINTS("GetEnrolmentNotice"), kSchoolPeople, ScopeKind::kSchool, "name"},
      {COMPLAINTS("ListEnrolmentNotices"), kSchoolPeople, ScopeKind::kSchool, "parent"},
      {COMPLAINTS("CloseEnrolmentNotice"), kAdmins, ScopeKind::kSchool, "name"},
      {COMPLAINTS("GetDeadlinePolicySet"), kAnyone, ScopeKind::kNone, ""},
      {COMPLAINTS("ListDeadlinePolicySets"), kAnyone, ScopeKind::kNone, ""},
      {COMPLAINTS("ComputeDeadline"), kAnyone, ScopeKind::kNone, ""},
      {COMPLAINTS("GetHolidayCalendar"), kAnyone, ScopeKind::kNone, ""},
      // finance: one school's money, run by its admins. Staff read pupils
      // (the service clears guardian data) and fee items; officers read fee
      // items, spending, the ledger, its check, the disclosure and summaries
      // of the schools under them, never pupils, invoices, payments or
      // receipts (personal data).
      {FINANCE("GetFinanceSettings"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("UpdateFinanceSettings"), kAdmins, ScopeKind::kSchool, "finance_settings.name"},
      {FINANCE("CreatePupil"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("GetPupil"), {kAdmin, kStaff}, ScopeKind::kSchool, "name"},
      {FINANCE("ListPupils"), {kAdmin, kStaff}, ScopeKind::kSchool, "parent"},
      {FINANCE("UpdatePupil"), kAdmins, ScopeKind::kSchool, "pupil.name"},
      {FINANCE("ImportPupils"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("CreateFeeItem"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("GetFeeItem"), kSchoolPeople, ScopeKind::kSchool, "name"},
      {FINANCE("ListFeeItems"), kSchoolPeople, ScopeKind::kSchool, "parent"},
      {FINANCE("UpdateFeeItem"), kAdmins, ScopeKind::kSchool, "fee_item.name"},
      {FINANCE("CreateInvoice"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("BatchCreateInvoices"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("RecordMealAbsences"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("ListMealAbsences"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("GetInvoice"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("ListInvoices"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("CancelInvoice"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("RecordPayment"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("GetPayment"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("ListPayments"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("ReversePayment"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("ImportBankStatement"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("ImportBankStatementLine"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("GetBankStatementLine"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("ListBankStatementLines"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("MatchBankStatementLine"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("IgnoreBankStatementLine"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("ListPayerCredits"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("ApplyPayerCredit"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("RefundPayerCredit"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("GetReceipt"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("ListReceipts"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("CreateExpenditure"), kAdmins, ScopeKind::kSchool, "parent"},
      {FINANCE("GetExpenditure"), {kOfficer, kAdmin}, ScopeKind::kSchool, "name"},
      {FINANCE("ListExpenditures"), {kOfficer, kAdmin}, ScopeKind::kSchool, "parent"},
      {FINANCE("ReverseExpenditure"), kAdmins, ScopeKind::kSchool, "name"},
      {FINANCE("ListLedgerAccounts"), {kOfficer, kAdmin}, ScopeKind::kSchool, "parent"},
      {FINANCE("ListLedgerTransfers"), {kOfficer, kAdmin}, ScopeKind::kSchool, "parent"},
      {FINANCE("CheckLedger"), {kOfficer, kAdmin}, ScopeKind::kSchool, "parent"},
      {FINANCE("GetFinancialDisclosure"), {kOfficer, kAdmin}, ScopeKind::kSchool, "school"},
      {FINANCE("PublishFinancialDisclosure"), kAdmins, ScopeKind::kSchool, "school"},
      {FINANCE("SummarizeFinance"), {kOfficer, kAdmin}, ScopeKind::kSchool, "school"},
      // reporting (docs/api/reporting.md, "Methods"): frameworks, the metric
      // catalog, the questionnaire and report families are reference data
      // for everyone. A school's assessment, forecast and surveys: its
      // admins and staff, officers of its authority's subtree and the
      // service role read them; its admins edit, submit and run surveys.
      // Officers appraise and return assessments, acknowledge and return
      // reports. Reports are not for school staff.
      {REPORTING("GetParFramework"), kAnyone, ScopeKind::kNone, ""},
      {REPORTING("ListParFrameworks"), kAnyone, ScopeKind::kNone, ""},
      // The service checks the level and year the officer's authority governs.
      {REPORTING("CreateParFramework"), kOfficers, ScopeKind::kServiceEnforced, ""},
      {REPORTING("GetMetricCatalog"), kAnyone, ScopeKind::kNone, ""},
      {REPORTING("GetParAssessment"), kReaders, ScopeKind::kSchool, "name"},
      {REPORTING("ListParAssessments"), kReaders, ScopeKind::kSchool, "parent"},
      {REPORTING("ListAssessmentVersions"), kReaders, ScopeKind::kSchool, "parent"},
      {REPORTING("UpdateAssessmentItem"), kAdmins, ScopeKind::kSchool, "item.name"},
      {REPORTING("SubmitParAssessment"), kAdmins, ScopeKind::kSchool, "name"},
      {REPORTING("AppraiseParAssessment"), kOfficers, ScopeKind::kSchool, "name"},
      {REPORTING("ReturnParAssessment"), kOfficers, ScopeKind::kSchool, "name"},
      {REPORTING("GetParForecast"), kReaders, ScopeKind::kSchool, "school"},
      {REPORTING("SetAssessmentAdjustments"), kAdmins, ScopeKind::kSchool, "name"},
      {REPORTING("ImportOfficialParResult"), kOfficialResultWriters, ScopeKind::kSchool, "parent"},
      {REPORTING("GetOfficialParResult"), kReaders, ScopeKind::kSchool, "name"},
      {REPORTING("GetSipasQuestionnaire"), kAnyone, ScopeKind::kNone, ""},
      {REPORTING("CreateSipasSurvey"), kAdmins, ScopeKind::kSchool, "parent"},
      {REPORTING("GetSipasSurvey"), kReaders, ScopeKind::kSchool, "name"},
      {REPORTING("ListSipasSurveys"), kReaders, ScopeKind::kSchool, "parent"},
      {REPORTING("OpenSipasSurvey"), kAdmins, ScopeKind::kSchool, "name"},
      {REPORTING("CloseSipasSurvey"), kAdmins, ScopeKind::kSchool, "name"},
      {REPORTING("IssueRespondentCodes"), kAdmins, ScopeKind::kSchool, "survey"},
      {REPORTING("GetSipasResults"), kReaders, ScopeKind::kSchool, "survey"},
      {REPORTING("ImportOfficialSipasResult"), kOfficialResultWriters, ScopeKind::kSchool, "parent"},
      {REPORTING("CompareSipasResults"), kReaders, ScopeKind::kSchool, "school"},
      {REPORTING("GetServiceFeedbackForm"), kAnyone, ScopeKind::kNone, ""},
      {REPORTING("GetServiceFeedbackResults"), kReaders, ScopeKind::kSchool, "school"},
      {REPORTING("GetReportFamily"), kAnyone, ScopeKind::kNone, ""},
      {REPORTING("ListReportFamilies"), kAnyone, ScopeKind::kNone, ""},
      {REPORTING("ListReportPeriods"), kAnyone, ScopeKind::kNone, ""},
      {REPORTING("GenerateReport"), kAdmins, ScopeKind::kSchool, "parent"},
      {REPORTING("GetReport"), kReportReaders, ScopeKind::kSchool, "name"},
      {REPORTING("ListReports"), kReportReaders, ScopeKind::kSchool, "parent"},
      {REPORTING("GetReportVersion"), kReportReaders, ScopeKind::kSchool, "name"},
      {REPORTING("ListReportVersions"), kReportReaders, ScopeKind::kSchool, "parent"},
      {REPORTING("ExportReportVersion"), kReportReaders, ScopeKind::kSchool, "name"},
      {REPORTING("SubmitReport"), kAdmins, ScopeKind::kSchool, "name"},
      {REPORTING("AcknowledgeReport"), kOfficers, ScopeKind::kSchool, "name"},
      {REPORTING("ReturnReport"), kOfficers, ScopeKind::kSchool, "name"},
      {REPORTING("SummarizeReporting"), kReportReaders, ScopeKind::kSchool, "school"},
      {REPORTING("ListNotifications"), kSchoolPeople, ScopeKind::kSchool, "parent"},
      // The caller's own digest: the service reads the scope from the identity.
      {REPORTING("GetNotificationDigest"), kSchoolPeople, ScopeKind::kNone, ""},
      {REPORTING("RunNotificationSweep"), kOfficers, ScopeKind::kAuthority, "parent"},
      // directory: it owns the authority tree and applies every scope rule
      // itself against live data (a school created or moved a second ago is
      // already right there, while the gateway's principal cache may lag).
      {DIR("GetAuthority"), kAnyone, ScopeKind::kNone, ""},
      {DIR("ListAuthorities"), kAnyone, ScopeKind::kNone, ""},
      {DIR("CreateAuthority"), kOfficers, ScopeKind::kServiceEnforced, ""},
      {DIR("GetSchool"), kReaders, ScopeKind::kServiceEnforced, ""},
      {DIR("ListSchools"), {kOfficer, kService}, ScopeKind::kServiceEnforced, ""},
      {DIR("CreateSchool"), kOfficers, ScopeKind::kServiceEnforced, ""},
      {DIR("UpdateSchool"), {kOfficer, kAdmin}, ScopeKind::kServiceEnforced, ""},
      {DIR("MoveSchool"), kOfficers, ScopeKind::kServiceEnforced, ""},
      {DIR("ListSchoolMemberships"), kReaders, ScopeKind::kServiceEnforced, ""},
      {DIR("CreateAccount"), {kOfficer, kAdmin}, ScopeKind::kServiceEnforced, ""},
      {DIR("GetAccount"), kAnyone, ScopeKind::kServiceEnforced, ""},
      {DIR("ListAccounts"), {kOfficer, kAdmin}, ScopeKind::kServiceEnforced, ""},
      {DIR("CreateApiKey"), kAnyone, ScopeKind::kServiceEnforced, ""},
      {DIR("ListApiKeys"), kAnyone, ScopeKind::kServiceEnforced, ""},
      {DIR("RevokeApiKey"), kAnyone, ScopeKind::kServiceEnforced, ""},
      // Deliberately absent: TaskService/PublishDirective (GatewayService
      // resolves the schools), DirectoryService/AuthenticateApiKey and
      // GetTreeVersion (the gateway's own: its roll-ups keep school lists by it),
      // StaffingService/SummarizeDownsizingProgress and
      // TaskService/BatchSummarizeTasks (for the gateway's own roll-ups,
      // which resolve an authority's schools),
      // ComplaintService/FilePublicCase, TrackCase, RateCase and
      // ReopenPublicCase, RegisterForEnrolment (citizens have no API key: the gateway's public API
      // will call them as a service, not forward them) and
      // ComplaintService/ListEscalatedCases (the authority roll-up, which
      // resolves an authority's schools),
      // FinanceService/LookUpFamilyAccount (the public API's family lookup),
      // ReportingService/GetSurveyForRespondent, SubmitSipasResponse and
      // SubmitServiceFeedback (the citizens' surveys: the public API calls
      // them as a service) and
      // ReportingService/BatchGetReportStatuses and BatchGetScorecards
      // (GatewayService/GetReportingOverview calls them as a service for the
      // schools it resolved in the officer's subtree; forwarded, they would
      // let a caller name any school), and likewise the Batch summaries
      // of staffing, finance, complaints and reporting (AuthorityService's
      // roll-ups call them). GatewayService's own methods are no
      // rows either: the gateway serves them and checks the officer itself.
  };
  return *kRoutes;
}

const Route* FindRoute(const std::string& method) {
  for (const Route& route : Routes()) {
    if (method == route.method) return &route;
  }
  return nullptr;
}

std::string SchoolOf(const std::string& resource_name) { return SegmentAfter(resource_name, "schools"); }

absl::StatusOr<CallScope> Authorize(const Route& route, const Principal& principal,
                                    const google::protobuf::Message& request) {
  if (!route.roles.contains(principal.role)) {
    return absl::PermissionDeniedError(
        "Vai trò của bạn không được gọi thao tác này (your role may not call this method)");
  }
  switch (route.scope) {
    case ScopeKind::kNone:
    case ScopeKind::kServiceEnforced:
      return CallScope{principal.school_id, principal.authority_id};
    case ScopeKind::kSchool: {
      std::string name = FieldText(request, route.field);
      std::string school = SchoolOf(name);
      if (school.empty()) {
        return platform::InvalidField(route.field, absl::StrCat("'", name,
                                                                "' không phải tên tài nguyên của trường "
                                                                "(expected schools/{school}/…)"));
      }
      bool allowed = principal.role == Role::kAuthorityOfficer ? principal.school_ids.contains(school)
                                                               : principal.school_id == school;
      if (principal.role == Role::kService) allowed = true;
      if (!allowed) return absl::NotFoundError(absl::StrCat("Không tìm thấy ", name, " (not found)"));
      return CallScope{school, principal.authority_id};
    }
    case ScopeKind::kAuthority: {
      std::string name = FieldText(request, route.field);
      std::string authority = SegmentAfter(name, "authorities");
      if (authority.empty()) {
        return platform::InvalidField(route.field, absl::StrCat("'", name,
                                                                "' không phải tên cơ quan "
                                                                "(expected authorities/{authority}…)"));
      }
      if (principal.role != Role::kService && !principal.authority_ids.contains(authority)) {
        return absl::NotFoundError(absl::StrCat("Không tìm thấy ", name, " (not found)"));
      }
      return CallScope{principal.school_id, authority};
    }
  }
  return CallScope{};
}

}  // namespace parhub::gateway
