// The HTTP/JSON binding table and its router (see http_bindings.h).
#include "gateway/http_bindings.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gateway/route_table.h"
#include "parhub/authority/v1/authority.pb.h"
#include "parhub/citizen/v1/citizen.pb.h"
#include "parhub/gateway/v1/gateway.pb.h"

namespace parhub::gateway {
namespace {

#define TASKS(m) "/parhub.tasks.v1.TaskService/" m
#define DIR(m) "/parhub.directory.v1.DirectoryService/" m
#define STAFFING(m) "/parhub.staffing.v1.StaffingService/" m
#define COMPLAINTS(m) "/parhub.complaints.v1.ComplaintService/" m
#define FINANCE(m) "/parhub.finance.v1.FinanceService/" m
#define REPORTING(m) "/parhub.reporting.v1.ReportingService/" m
#define GATEWAY(m) "/parhub.gateway.v1.GatewayService/" m
#define PUBLIC(m) "/parhub.citizen.v1.PublicService/" m
#define AUTHORITY_API(m) "/parhub.authority.v1.AuthorityService/" m

// Resource patterns, so rows read like the protos' comments.
#define SCHOOL "schools/*"
#define AUTHORITY "authorities/*"

}  // namespace

const std::vector<HttpBinding>& HttpBindings() {
  // The descriptors of GatewayService and PublicService are linked in with
  // their generated messages (the route table touches the backends').
  (void)v1::WhoAmIRequest::descriptor();
  (void)citizen::v1::FileCaseRequest::descriptor();
  (void)authority::v1::ListEscalatedCasesRequest::descriptor();
  (void)Routes();
  static const auto* const kBindings = new std::vector<HttpBinding>{
      // tasks
      {TASKS("CreatePlan"), "POST", "/v1/{parent=" SCHOOL "}/plans", "plan"},
      {TASKS("GetPlan"), "GET", "/v1/{name=" SCHOOL "/plans/*}", ""},
      {TASKS("ListPlans"), "GET", "/v1/{parent=" SCHOOL "}/plans", ""},
      {TASKS("UpdatePlan"), "PATCH", "/v1/{plan.name=" SCHOOL "/plans/*}", "plan"},
      {TASKS("InstantiatePlanTemplate"), "POST", "/v1/{parent=" SCHOOL "}/plans:instantiateTemplate", "*"},
      {TASKS("ListPlanTemplates"), "GET", "/v1/planTemplates", ""},
      {TASKS("CreateTask"), "POST", "/v1/{parent=" SCHOOL "/plans/*}/tasks", "task"},
      {TASKS("GetTask"), "GET", "/v1/{name=" SCHOOL "/plans/*/tasks/*}", ""},
      {TASKS("ListTasks"), "GET", "/v1/{parent=" SCHOOL "/plans/*}/tasks", ""},
      {TASKS("UpdateTask"), "PATCH", "/v1/{task.name=" SCHOOL "/plans/*/tasks/*}", "task"},
      {TASKS("AddProgressUpdate"), "POST", "/v1/{parent=" SCHOOL "/plans/*/tasks/*}/progressUpdates",
       "progress_update"},
      {TASKS("ListProgressUpdates"), "GET", "/v1/{parent=" SCHOOL "/plans/*/tasks/*}/progressUpdates", ""},
      {TASKS("UploadEvidenceFile"), "POST", "/v1/{parent=" SCHOOL "}/evidenceFiles", "*"},
      {TASKS("GetEvidenceFile"), "GET", "/v1/{name=" SCHOOL "/evidenceFiles/*}", ""},
      {TASKS("DownloadEvidenceFile"), "GET", "/v1/{name=" SCHOOL "/evidenceFiles/*}:download", ""},
      {TASKS("SummarizeTasks"), "GET", "/v1/{school=" SCHOOL "}:summarizeTasks", ""},
      {TASKS("GetDirective"), "GET", "/v1/{name=" AUTHORITY "/directives/*}", ""},
      {TASKS("ListDirectives"), "GET", "/v1/{parent=" AUTHORITY "}/directives", ""},
      {TASKS("GetDirectiveProgress"), "GET", "/v1/{name=" AUTHORITY "/directives/*}/progress", ""},
      // staffing
      {STAFFING("CreateStaff"), "POST", "/v1/{parent=" SCHOOL "}/staff", "staff"},
      {STAFFING("GetStaff"), "GET", "/v1/{name=" SCHOOL "/staff/*}", ""},
      {STAFFING("ListStaff"), "GET", "/v1/{parent=" SCHOOL "}/staff", ""},
      {STAFFING("UpdateStaff"), "PATCH", "/v1/{staff.name=" SCHOOL "/staff/*}", "staff"},
      {STAFFING("ImportStaffRoster"), "POST", "/v1/{parent=" SCHOOL "}/staff:import", "*"},
      {STAFFING("ImportCityEmailUsage"), "POST", "/v1/{parent=" SCHOOL "}/cityEmailUsage:import", "*"},
      {STAFFING("CreateStaffingQuota"), "POST", "/v1/{parent=" SCHOOL "}/staffingQuotas", "staffing_quota"},
      {STAFFING("GetStaffingQuota"), "GET", "/v1/{name=" SCHOOL "/staffingQuotas/*}", ""},
      {STAFFING("ListStaffingQuotas"), "GET", "/v1/{parent=" SCHOOL "}/staffingQuotas", ""},
      {STAFFING("UpdateStaffingQuota"), "PATCH", "/v1/{staffing_quota.name=" SCHOOL "/staffingQuotas/*}",
       "staffing_quota"},
      {STAFFING("CreateRating"), "POST", "/v1/{parent=" SCHOOL "/staff/*}/ratings", "rating"},
      {STAFFING("UpdateRating"), "PATCH", "/v1/{rating.name=" SCHOOL "/staff/*/ratings/*}", "rating"},
      {STAFFING("ListRatings"), "GET", "/v1/{parent=" SCHOOL "/staff/*}/ratings", ""},
      {STAFFING("ListDownsizingCandidates"), "GET", "/v1/{parent=" SCHOOL "}/downsizingCandidates", ""},
      {STAFFING("CreateDownsizingRecord"), "POST", "/v1/{parent=" SCHOOL "}/downsizingRecords",
       "downsizing_record"},
      {STAFFING("GetDownsizingRecord"), "GET", "/v1/{name=" SCHOOL "/downsizingRecords/*}", ""},
      {STAFFING("ListDownsizingRecords"), "GET", "/v1/{parent=" SCHOOL "}/downsizingRecords", ""},
      {STAFFING("UpdateDownsizingRecord"), "PATCH",
       "/v1/{downsizing_record.name=" SCHOOL "/downsizingRecords/*}", "downsizing_record"},
      {STAFFING("SubmitDownsizingRecord"), "POST", "/v1/{name=" SCHOOL "/downsizingRecords/*}:submit", "*"},
      {STAFFING("ApproveDownsizingRecord"), "POST", "/v1/{name=" SCHOOL "/downsizingRecords/*}:approve", "*"},
      {STAFFING("RejectDownsizingRecord"), "POST", "/v1/{name=" SCHOOL "/downsizingRecords/*}:reject", "*"},
      {STAFFING("MarkDownsizingEffective"), "POST", "/v1/{name=" SCHOOL "/downsizingRecords/*}:markEffective",
       "*"},
      {STAFFING("WithdrawDownsizingRecord"), "POST", "/v1/{name=" SCHOOL "/downsizingRecords/*}:withdraw",
       "*"},
      {STAFFING("GetDownsizingCatalog"), "GET", "/v1/downsizingCatalog", ""},
      {STAFFING("GetDownsizingTarget"), "GET", "/v1/{name=" SCHOOL "/downsizingTargets/*}", ""},
      {STAFFING("UpdateDownsizingTarget"), "PATCH",
       "/v1/{downsizing_target.name=" SCHOOL "/downsizingTargets/*}", "downsizing_target"},
      {STAFFING("GetDownsizingProgress"), "GET", "/v1/{name=" SCHOOL "/downsizingTargets/*}/progress", ""},
      {STAFFING("CreateDisciplineInspection"), "POST", "/v1/{parent=" SCHOOL "}/disciplineInspections",
       "discipline_inspection"},
      {STAFFING("GetDisciplineInspection"), "GET", "/v1/{name=" SCHOOL "/disciplineInspections/*}", ""},
      {STAFFING("ListDisciplineInspections"), "GET", "/v1/{parent=" SCHOOL "}/disciplineInspections", ""},
      {STAFFING("UpdateDisciplineInspection"), "PATCH",
       "/v1/{discipline_inspection.name=" SCHOOL "/disciplineInspections/*}", "discipline_inspection"},
      {STAFFING("SummarizeStaffing"), "GET", "/v1/{school=" SCHOOL "}:summarizeStaffing", ""},
      {STAFFING("CreateStaffSuggestion"), "POST", "/v1/{parent=" SCHOOL "}/staffSuggestions",
       "staff_suggestion"},
      {STAFFING("ListStaffSuggestions"), "GET", "/v1/{parent=" SCHOOL "}/staffSuggestions", ""},
      {STAFFING("AnswerStaffSuggestion"), "POST", "/v1/{name=" SCHOOL "/staffSuggestions/*}:answer", "*"},
      {STAFFING("GetInspectionBoard"), "GET", "/v1/{name=" SCHOOL "/inspectionBoard}", ""},
      {STAFFING("UpdateInspectionBoard"), "PATCH", "/v1/{inspection_board.name=" SCHOOL "/inspectionBoard}",
       "inspection_board"},
      {STAFFING("CreateBoardMeeting"), "POST", "/v1/{parent=" SCHOOL "}/boardMeetings", "board_meeting"},
      {STAFFING("ListBoardMeetings"), "GET", "/v1/{parent=" SCHOOL "}/boardMeetings", ""},
      {STAFFING("UpdateBoardMeeting"), "PATCH", "/v1/{board_meeting.name=" SCHOOL "/boardMeetings/*}",
       "board_meeting"},
      // complaints
      {COMPLAINTS("CreateCase"), "POST", "/v1/{parent=" SCHOOL "}/cases", "case"},
      {COMPLAINTS("GetCase"), "GET", "/v1/{name=" SCHOOL "/cases/*}", ""},
      {COMPLAINTS("ListCases"), "GET", "/v1/{parent=" SCHOOL "}/cases", ""},
      {COMPLAINTS("AcceptCase"), "POST", "/v1/{name=" SCHOOL "/cases/*}:accept", "*"},
      {COMPLAINTS("RejectCase"), "POST", "/v1/{name=" SCHOOL "/cases/*}:reject", "*"},
      {COMPLAINTS("AssignCase"), "POST", "/v1/{name=" SCHOOL "/cases/*}:assign", "*"},
      {COMPLAINTS("ExtendCaseDeadline"), "POST", "/v1/{name=" SCHOOL "/cases/*}:extendDeadline", "*"},
      {COMPLAINTS("RecordApologyLetter"), "POST", "/v1/{name=" SCHOOL "/cases/*}:recordApologyLetter", "*"},
      {COMPLAINTS("ResolveCase"), "POST", "/v1/{name=" SCHOOL "/cases/*}:resolve", "*"},
      {COMPLAINTS("EscalateCase"), "POST", "/v1/{name=" SCHOOL "/cases/*}:escalate", "*"},
      {COMPLAINTS("WithdrawCase"), "POST", "/v1/{name=" SCHOOL "/cases/*}:withdraw", "*"},
      {COMPLAINTS("ReopenCase"), "POST", "/v1/{name=" SCHOOL "/cases/*}:reopen", "*"},
      {COMPLAINTS("DraftApologyLetter"), "POST", "/v1/{name=" SCHOOL "/cases/*}:draftApologyLetter", "*"},
      {COMPLAINTS("AddCaseNote"), "POST", "/v1/{parent=" SCHOOL "/cases/*}/events:addNote", "*"},
      {COMPLAINTS("ListCaseEvents"), "GET", "/v1/{parent=" SCHOOL "/cases/*}/events", ""},
      {COMPLAINTS("SummarizeComplaints"), "GET", "/v1/{school=" SCHOOL "}:summarizeComplaints", ""},
      {COMPLAINTS("CreateEnrolmentNotice"), "POST", "/v1/{parent=" SCHOOL "}/enrolmentNotices",
       "enrolment_notice"},
      {COMPLAINTS("GetEnrolmentNotice"), "GET", "/v1/{name=" SCHOOL "/enrolmentNotices/*}", ""},
      {COMPLAINTS("ListEnrolmentNotices"), "GET", "/v1/{parent=" SCHOOL "}/enrolmentNotices", ""},
      {COMPLAINTS("CloseEnrolmentNotice"), "POST", "/v1/{name=" SCHOOL "/enrolmentNotices/*}:close", "*"},
      {COMPLAINTS("GetDeadlinePolicySet"), "GET", "/v1/deadlinePolicySets:inForce", ""},
      {COMPLAINTS("ListDeadlinePolicySets"), "GET", "/v1/deadlinePolicySets", ""},
      {COMPLAINTS("ComputeDeadline"), "POST", "/v1/deadlines:compute", "*"},
      {COMPLAINTS("GetHolidayCalendar"), "GET", "/v1/holidayCalendars/{year}", ""},
      // finance
      {FINANCE("GetFinanceSettings"), "GET", "/v1/{name=" SCHOOL "/financeSettings}", ""},
      {FINANCE("UpdateFinanceSettings"), "PATCH", "/v1/{finance_settings.name=" SCHOOL "/financeSettings}",
       "finance_settings"},
      {FINANCE("CreatePupil"), "POST", "/v1/{parent=" SCHOOL "}/pupils", "pupil"},
      {FINANCE("GetPupil"), "GET", "/v1/{name=" SCHOOL "/pupils/*}", ""},
      {FINANCE("ListPupils"), "GET", "/v1/{parent=" SCHOOL "}/pupils", ""},
      {FINANCE("UpdatePupil"), "PATCH", "/v1/{pupil.name=" SCHOOL "/pupils/*}", "pupil"},
      {FINANCE("ImportPupils"), "POST", "/v1/{parent=" SCHOOL "}/pupils:import", "*"},
      {FINANCE("CreateFeeItem"), "POST", "/v1/{parent=" SCHOOL "}/feeItems", "fee_item"},
      {FINANCE("GetFeeItem"), "GET", "/v1/{name=" SCHOOL "/feeItems/*}", ""},
      {FINANCE("ListFeeItems"), "GET", "/v1/{parent=" SCHOOL "}/feeItems", ""},
      {FINANCE("UpdateFeeItem"), "PATCH", "/v1/{fee_item.name=" SCHOOL "/feeItems/*}", "fee_item"},
      {FINANCE("CreateInvoice"), "POST", "/v1/{parent=" SCHOOL "}/invoices", "invoice"},
      {FINANCE("BatchCreateInvoices"), "POST", "/v1/{parent=" SCHOOL "}/invoices:batchCreate", "*"},
      {FINANCE("RecordMealAbsences"), "POST", "/v1/{parent=" SCHOOL "}/mealAbsences:record", "*"},
      {FINANCE("ListMealAbsences"), "GET", "/v1/{parent=" SCHOOL "}/mealAbsences", ""},
      {FINANCE("GetInvoice"), "GET", "/v1/{name=" SCHOOL "/invoices/*}", ""},
      {FINANCE("ListInvoices"), "GET", "/v1/{parent=" SCHOOL "}/invoices", ""},
      {FINANCE("CancelInvoice"), "POST", "/v1/{name=" SCHOOL "/invoices/*}:cancel", "*"},
      {FINANCE("RecordPayment"), "POST", "/v1/{parent=" SCHOOL "}/payments", "payment"},
      {FINANCE("GetPayment"), "GET", "/v1/{name=" SCHOOL "/payments/*}", ""},
      {FINANCE("ListPayments"), "GET", "/v1/{parent=" SCHOOL "}/payments", ""},
      {FINANCE("ReversePayment"), "POST", "/v1/{name=" SCHOOL "/payments/*}:reverse", "*"},
      {FINANCE("ImportBankStatement"), "POST", "/v1/{parent=" SCHOOL "}/statementLines:import", "*"},
      {FINANCE("ImportBankStatementLine"), "POST", "/v1/{parent=" SCHOOL "}/statementLines", "line"},
      {FINANCE("GetBankStatementLine"), "GET", "/v1/{name=" SCHOOL "/statementLines/*}", ""},
      {FINANCE("ListBankStatementLines"), "GET", "/v1/{parent=" SCHOOL "}/statementLines", ""},
      {FINANCE("MatchBankStatementLine"), "POST", "/v1/{name=" SCHOOL "/statementLines/*}:match", "*"},
      {FINANCE("IgnoreBankStatementLine"), "POST", "/v1/{name=" SCHOOL "/statementLines/*}:ignore", "*"},
      {FINANCE("ListPayerCredits"), "GET", "/v1/{parent=" SCHOOL "}/payerCredits", ""},
      {FINANCE("ApplyPayerCredit"), "POST", "/v1/{name=" SCHOOL "/payerCredits/*}:apply", "*"},
      {FINANCE("RefundPayerCredit"), "POST", "/v1/{name=" SCHOOL "/payerCredits/*}:refund", "*"},
      {FINANCE("GetReceipt"), "GET", "/v1/{name=" SCHOOL "/receipts/*}", ""},
      {FINANCE("ListReceipts"), "GET", "/v1/{parent=" SCHOOL "}/receipts", ""},
      {FINANCE("CreateExpenditure"), "POST", "/v1/{parent=" SCHOOL "}/expenditures", "expenditure"},
      {FINANCE("GetExpenditure"), "GET", "/v1/{name=" SCHOOL "/expenditures/*}", ""},
      {FINANCE("ListExpenditures"), "GET", "/v1/{parent=" SCHOOL "}/expenditures", ""},
      {FINANCE("ReverseExpenditure"), "POST", "/v1/{name=" SCHOOL "/expenditures/*}:reverse", "*"},
      {FINANCE("ListLedgerAccounts"), "GET", "/v1/{parent=" SCHOOL "}/ledgerAccounts", ""},
      {FINANCE("ListLedgerTransfers"), "GET", "/v1/{parent=" SCHOOL "}/ledgerTransfers", ""},
      {FINANCE("CheckLedger"), "GET", "/v1/{parent=" SCHOOL "}/ledgerAccounts:check", ""},
      {FINANCE("GetFinancialDisclosure"), "GET", "/v1/{school=" SCHOOL "}/financialDisclosure", ""},
      {FINANCE("PublishFinancialDisclosure"), "POST", "/v1/{school=" SCHOOL "}/financialDisclosure:publish",
       "*"},
      {FINANCE("SummarizeFinance"), "GET", "/v1/{school=" SCHOOL "}:summarizeFinance", ""},
      // reporting
      {REPORTING("GetParFramework"), "GET", "/v1/{name=parFrameworks/*}", ""},
      {REPORTING("ListParFrameworks"), "GET", "/v1/parFrameworks", ""},
      {REPORTING("CreateParFramework"), "POST", "/v1/parFrameworks", "par_framework"},
      {REPORTING("GetMetricCatalog"), "GET", "/v1/metricCatalog", ""},
      {REPORTING("GetParAssessment"), "GET", "/v1/{name=" SCHOOL "/parAssessments/*}", ""},
      {REPORTING("ListParAssessments"), "GET", "/v1/{parent=" SCHOOL "}/parAssessments", ""},
      {REPORTING("ListAssessmentVersions"), "GET", "/v1/{parent=" SCHOOL "/parAssessments/*}/versions", ""},
      {REPORTING("UpdateAssessmentItem"), "PATCH", "/v1/{item.name=" SCHOOL "/parAssessments/*/items/*}",
       "item"},
      {REPORTING("SubmitParAssessment"), "POST", "/v1/{name=" SCHOOL "/parAssessments/*}:submit", "*"},
      {REPORTING("AppraiseParAssessment"), "POST", "/v1/{name=" SCHOOL "/parAssessments/*}:appraise", "*"},
      {REPORTING("ReturnParAssessment"), "POST", "/v1/{name=" SCHOOL "/parAssessments/*}:return", "*"},
      {REPORTING("GetParForecast"), "GET", "/v1/{school=" SCHOOL "}/parForecast", ""},
      {REPORTING("SetAssessmentAdjustments"), "POST", "/v1/{name=" SCHOOL "/parAssessments/*}:setAdjustments",
       "*"},
      {REPORTING("ImportOfficialParResult"), "POST", "/v1/{parent=" SCHOOL "}/officialParResults:import",
       "*"},
      {REPORTING("GetOfficialParResult"), "GET", "/v1/{name=" SCHOOL "/officialParResults/*}", ""},
      {REPORTING("GetSipasQuestionnaire"), "GET", "/v1/{name=sipasQuestionnaires/*}", ""},
      {REPORTING("CreateSipasSurvey"), "POST", "/v1/{parent=" SCHOOL "}/sipasSurveys", "sipas_survey"},
      {REPORTING("GetSipasSurvey"), "GET", "/v1/{name=" SCHOOL "/sipasSurveys/*}", ""},
      {REPORTING("ListSipasSurveys"), "GET", "/v1/{parent=" SCHOOL "}/sipasSurveys", ""},
      {REPORTING("OpenSipasSurvey"), "POST", "/v1/{name=" SCHOOL "/sipasSurveys/*}:open", "*"},
      {REPORTING("CloseSipasSurvey"), "POST", "/v1/{name=" SCHOOL "/sipasSurveys/*}:close", "*"},
      {REPORTING("IssueRespondentCodes"), "POST",
       "/v1/{survey=" SCHOOL "/sipasSurveys/*}:issueRespondentCodes", "*"},
      {REPORTING("GetSipasResults"), "GET", "/v1/{survey=" SCHOOL "/sipasSurveys/*}/results", ""},
      {REPORTING("ImportOfficialSipasResult"), "POST", "/v1/{parent=" SCHOOL "}/officialSipasResults:import",
       "*"},
      {REPORTING("CompareSipasResults"), "GET", "/v1/{school=" SCHOOL "}:compareSipasResults", ""},
      {REPORTING("GetServiceFeedbackForm"), "GET", "/v1/serviceFeedbackForm", ""},
      {REPORTING("GetServiceFeedbackResults"), "GET", "/v1/{school=" SCHOOL "}/serviceFeedback", ""},
      {REPORTING("GetReportFamily"), "GET", "/v1/{name=reportFamilies/*}", ""},
      {REPORTING("ListReportFamilies"), "GET", "/v1/reportFamilies", ""},
      {REPORTING("ListReportPeriods"), "GET", "/v1/{family=reportFamilies/*}/periods", ""},
      {REPORTING("GenerateReport"), "POST", "/v1/{parent=" SCHOOL "}/reports:generate", "*"},
      {REPORTING("GetReport"), "GET", "/v1/{name=" SCHOOL "/reports/*}", ""},
      {REPORTING("ListReports"), "GET", "/v1/{parent=" SCHOOL "}/reports", ""},
      {REPORTING("GetReportVersion"), "GET", "/v1/{name=" SCHOOL "/reports/*/versions/*}", ""},
      {REPORTING("ListReportVersions"), "GET", "/v1/{parent=" SCHOOL "/reports/*}/versions", ""},
      {REPORTING("ExportReportVersion"), "GET", "/v1/{name=" SCHOOL "/reports/*/versions/*}:export", ""},
      {REPORTING("SubmitReport"), "POST", "/v1/{name=" SCHOOL "/reports/*}:submit", "*"},
      {REPORTING("AcknowledgeReport"), "POST", "/v1/{name=" SCHOOL "/reports/*}:acknowledge", "*"},
      {REPORTING("ReturnReport"), "POST", "/v1/{name=" SCHOOL "/reports/*}:return", "*"},
      {REPORTING("SummarizeReporting"), "GET", "/v1/{school=" SCHOOL "}:summarizeReporting", ""},
      {REPORTING("ListNotifications"), "GET", "/v1/{parent=" SCHOOL "}/notifications", ""},
      {REPORTING("GetNotificationDigest"), "GET", "/v1/notificationDigest", ""},
      {REPORTING("RunNotificationSweep"), "POST", "/v1/{parent=" AUTHORITY "}/notifications:sweep", "*"},
      // directory
      {DIR("GetAuthority"), "GET", "/v1/{name=" AUTHORITY "}", ""},
      {DIR("ListAuthorities"), "GET", "/v1/authorities", ""},
      {DIR("CreateAuthority"), "POST", "/v1/authorities", "authority"},
      {DIR("GetSchool"), "GET", "/v1/{name=" SCHOOL "}", ""},
      {DIR("ListSchools"), "GET", "/v1/{parent=" AUTHORITY "}/schools", ""},
      {DIR("CreateSchool"), "POST", "/v1/schools", "school"},
      {DIR("UpdateSchool"), "PATCH", "/v1/{school.name=" SCHOOL "}", "school"},
      {DIR("MoveSchool"), "POST", "/v1/{name=" SCHOOL "}:move", "*"},
      {DIR("ListSchoolMemberships"), "GET", "/v1/{name=" SCHOOL "}/memberships", ""},
      {DIR("CreateAccount"), "POST", "/v1/accounts", "account"},
      {DIR("GetAccount"), "GET", "/v1/{name=accounts/*}", ""},
      {DIR("ListAccounts"), "GET", "/v1/accounts", ""},
      {DIR("CreateApiKey"), "POST", "/v1/{parent=accounts/*}/apiKeys", "*"},
      {DIR("ListApiKeys"), "GET", "/v1/{parent=accounts/*}/apiKeys", ""},
      {DIR("RevokeApiKey"), "POST", "/v1/{name=accounts/*/apiKeys/*}:revoke", "*"},
      // the gateway's own methods
      {GATEWAY("WhoAmI"), "GET", "/v1/whoami", ""},
      {GATEWAY("GetAuthorityOverview"), "GET", "/v1/{authority=" AUTHORITY "}:overview", ""},
      {GATEWAY("PublishDirective"), "POST", "/v1/{parent=" AUTHORITY "}/directives", "directive"},
      {GATEWAY("GetDownsizingOverview"), "GET", "/v1/{authority=" AUTHORITY "}:downsizingOverview", ""},
      {GATEWAY("GetReportingOverview"), "GET", "/v1/{authority=" AUTHORITY "}:reportingOverview", ""},
      // authority roll-ups (only ListEscalatedCases is served yet; the others answer 501)
      {AUTHORITY_API("GetStaffingRollup"), "GET", "/v1/{scope.authority=" AUTHORITY "}:staffingRollup", ""},
      {AUTHORITY_API("GetFinanceRollup"), "GET", "/v1/{scope.authority=" AUTHORITY "}:financeRollup", ""},
      {AUTHORITY_API("GetComplaintsRollup"), "GET", "/v1/{scope.authority=" AUTHORITY "}:complaintsRollup",
       ""},
      {AUTHORITY_API("GetSipasRollup"), "GET", "/v1/{scope.authority=" AUTHORITY "}:sipasRollup", ""},
      {AUTHORITY_API("RankSchools"), "GET", "/v1/{scope.authority=" AUTHORITY "}:rankSchools", ""},
      {AUTHORITY_API("ListReportStatuses"), "GET", "/v1/{scope.authority=" AUTHORITY "}:reportStatuses", ""},
      {AUTHORITY_API("ListEscalatedCases"), "GET", "/v1/{authority=" AUTHORITY "}/escalatedCases", ""},
      // citizens, no key. Tracking secrets, slip secrets and respondent
      // codes travel in bodies, never in URLs (which proxies log).
      {PUBLIC("SearchSchools"), "GET", "/v1/public/schools", ""},
      {PUBLIC("FileCase"), "POST", "/v1/public/cases", "*"},
      {PUBLIC("TrackCase"), "POST", "/v1/public/cases:track", "*"},
      {PUBLIC("RateCase"), "POST", "/v1/public/cases:rate", "*"},
      {PUBLIC("ReopenCase"), "POST", "/v1/public/cases:reopen", "*"},
      {PUBLIC("ListEnrolmentNotices"), "GET", "/v1/public/{school=" SCHOOL "}/enrolmentNotices", ""},
      {PUBLIC("RegisterForEnrolment"), "POST",
       "/v1/public/{enrolment_notice=" SCHOOL "/enrolmentNotices/*}:register", "*"},
      {PUBLIC("GetSurvey"), "POST", "/v1/public/surveys:open", "*"},
      {PUBLIC("SubmitSurveyResponse"), "POST", "/v1/public/surveys:answer", "*"},
      {PUBLIC("GetServiceFeedbackForm"), "GET", "/v1/public/serviceFeedbackForm", ""},
      {PUBLIC("SubmitServiceFeedback"), "POST", "/v1/public/serviceFeedback:answer", "*"},
      {PUBLIC("GetFinancialDisclosure"), "GET", "/v1/public/{school=" SCHOOL "}/financialDisclosure", ""},
      {PUBLIC("LookUpFamilyAccount"), "POST", "/v1/public/familyAccounts:lookUp", "*"},
  };
  return *kBindings;
}

namespace {

absl::Status BadTemplate(absl::string_view text, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("path template '", text, "': ", why));
}

bool IsLiteral(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

bool IsFieldPath(absl::string_view s) {
  if (s.empty()) return false;
  for (absl::string_view part : absl::StrSplit(s, '.')) {
    if (part.empty()) return false;
    for (char c : part) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
  }
  return true;
}

}  // namespace

absl::StatusOr<PathTemplate> ParsePathTemplate(absl::string_view text) {
  if (!absl::StartsWith(text, "/")) return BadTemplate(text, "must start with '/'");
  PathTemplate out;
  absl::string_view rest = text.substr(1);
  // A custom verb follows the last ':' outside braces.
  size_t close = rest.rfind('}');
  size_t colon = rest.rfind(':');
  if (colon != absl::string_view::npos && (close == absl::string_view::npos || colon > close)) {
    out.custom_verb = std::string(rest.substr(colon + 1));
    if (!IsLiteral(out.custom_verb)) return BadTemplate(text, "bad custom verb");
    rest = rest.substr(0, colon);
  }
  while (!rest.empty()) {
    if (rest[0] == '{') {
      size_t end = rest.find('}');
      if (end == absl::string_view::npos) return BadTemplate(text, "unclosed '{'");
      absl::string_view inside = rest.substr(1, end - 1);
      PathTemplate::Variable variable;
      absl::string_view pattern = "*";
      if (size_t eq = inside.find('='); eq != absl::string_view::npos) {
        pattern = inside.substr(eq + 1);
        inside = inside.substr(0, eq);
      }
      if (!IsFieldPath(inside)) return BadTemplate(text, absl::StrCat("bad field '", inside, "'"));
      variable.field = std::string(inside);
      variable.begin = out.segments.size();
      for (absl::string_view part : absl::StrSplit(pattern, '/')) {
        PathTemplate::Segment segment;
        if (part == "*") {
          segment.wildcard = true;
        } else if (IsLiteral(part)) {
          segment.literal = std::string(part);
        } else {
          return BadTemplate(text, absl::StrCat("bad pattern segment '", part, "'"));
        }
        out.segments.push_back(std::move(segment));
      }
      variable.end = out.segments.size();
      for (const auto& other : out.variables) {
        if (other.field == variable.field) return BadTemplate(text, "field bound twice");
      }
      out.variables.push_back(std::move(variable));
      rest = rest.substr(end + 1);
    } else {
      size_t end = rest.find('/');
      absl::string_view part = rest.substr(0, end);
      if (!IsLiteral(part)) return BadTemplate(text, absl::StrCat("bad literal segment '", part, "'"));
      out.segments.push_back({false, std::string(part)});
      rest = end == absl::string_view::npos ? absl::string_view() : rest.substr(end);
    }
    if (rest.empty()) break;
    if (rest[0] != '/' || rest.size() == 1) return BadTemplate(text, "segments must be separated by one '/'");
    rest = rest.substr(1);
  }
  if (out.segments.empty()) return BadTemplate(text, "no segments");
  return out;
}

bool TemplatesOverlap(const PathTemplate& a, const PathTemplate& b) {
  if (a.custom_verb != b.custom_verb || a.segments.size() != b.segments.size()) return false;
  for (size_t i = 0; i < a.segments.size(); ++i) {
    const auto& x = a.segments[i];
    const auto& y = b.segments[i];
    if (!x.wildcard && !y.wildcard && x.literal != y.literal) return false;
  }
  return true;
}

bool MatchPath(const PathTemplate& tmpl, absl::string_view path,
               std::vector<std::pair<std::string, std::string>>* variables) {
  if (!absl::StartsWith(path, "/")) return false;
  std::vector<absl::string_view> parts = absl::StrSplit(path.substr(1), '/');
  if (parts.size() != tmpl.segments.size()) return false;
  absl::string_view& last = parts.back();
  if (!tmpl.custom_verb.empty()) {
    std::string suffix = absl::StrCat(":", tmpl.custom_verb);
    if (!absl::EndsWith(last, suffix)) return false;
    last.remove_suffix(suffix.size());
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto& segment = tmpl.segments[i];
    if (parts[i].empty() || absl::StrContains(parts[i], ':')) return false;
    if (!segment.wildcard && parts[i] != segment.literal) return false;
  }
  if (variables != nullptr) {
    variables->clear();
    for (const auto& variable : tmpl.variables) {
      std::vector<absl::string_view> covered(parts.begin() + variable.begin, parts.begin() + variable.end);
      variables->emplace_back(variable.field, absl::StrJoin(covered, "/"));
    }
  }
  return true;
}

const google::protobuf::FieldDescriptor* FindFieldPath(
    const google::protobuf::Descriptor& type, absl::string_view path,
    std::vector<const google::protobuf::FieldDescriptor*>* chain) {
  const google::protobuf::Descriptor* current = &type;
  const google::protobuf::FieldDescriptor* field = nullptr;
  if (chain != nullptr) chain->clear();
  std::vector<absl::string_view> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    if (current == nullptr) return nullptr;
    std::string part(parts[i]);
    field = current->FindFieldByName(part);
    if (field == nullptr) {
      for (int f = 0; f < current->field_count(); ++f) {
        if (current->field(f)->json_name() == part) field = current->field(f);
      }
    }
    if (field == nullptr) return nullptr;
    if (chain != nullptr) chain->push_back(field);
    if (i + 1 < parts.size()) {
      if (field->is_repeated() || field->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE)
        return nullptr;
      current = field->message_type();
    }
  }
  return field;
}

absl::StatusOr<std::unique_ptr<HttpRouter>> HttpRouter::Build(const std::vector<HttpBinding>& bindings) {
  auto router = std::make_unique<HttpRouter>();
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  absl::flat_hash_set<std::string> seen;
  for (const HttpBinding& binding : bindings) {
    std::string method = binding.method;
    size_t slash = method.find('/', 1);
    if (method.size() < 3 || method[0] != '/' || slash == std::string::npos) {
      return absl::InvalidArgumentError(absl::StrCat("bad method ", method));
    }
    std::string full = method.substr(1);
    full[slash - 1] = '.';
    const auto* descriptor = pool->FindMethodByName(full);
    if (descriptor == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown method ", method));
    if (descriptor->client_streaming() || descriptor->server_streaming()) {
      return absl::InvalidArgumentError(absl::StrCat("streaming method ", method));
    }
    if (!seen.insert(method).second)
      return absl::InvalidArgumentError(absl::StrCat("two bindings for ", method));
    std::string verb = binding.verb;
    if (verb != "GET" && verb != "POST" && verb != "PATCH" && verb != "DELETE") {
      return absl::InvalidArgumentError(absl::StrCat(method, ": verb ", verb));
    }
    absl::StatusOr<PathTemplate> tmpl = ParsePathTemplate(binding.path);
    if (!tmpl.ok()) return tmpl.status();
    const auto& input = *descriptor->input_type();
    for (const auto& variable : tmpl->variables) {
      const auto* field = FindFieldPath(input, variable.field, nullptr);
      if (field == nullptr || field->is_repeated() ||
          field->type() == google::protobuf::FieldDescriptor::TYPE_MESSAGE) {
        return absl::InvalidArgumentError(
            absl::StrCat(method, ": path variable ", variable.field, " is not a singular scalar field"));
      }
    }
    std::string body = binding.body;
    if ((verb == "GET" || verb == "DELETE") && !body.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(method, ": ", verb, " takes no body"));
    }
    if ((verb == "POST" || verb == "PATCH") && body.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(method, ": ", verb, " needs a body"));
    }
    if (!body.empty() && body != "*") {
      const auto* field = input.FindFieldByName(body);
      if (field == nullptr || field->is_repeated() ||
          field->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE) {
        return absl::InvalidArgumentError(absl::StrCat(method, ": body ", body, " is not a message field"));
      }
    }
    for (const HttpRoute& other : router->routes_) {
      if (verb == other.binding->verb && TemplatesOverlap(*tmpl, other.tmpl)) {
        return absl::InvalidArgumentError(absl::StrCat(verb, " ", binding.path, " (", method, ") overlaps ",
                                                       other.binding->path, " (", other.binding->method,
                                                       ")"));
      }
    }
    router->routes_.push_back(HttpRoute{&binding, descriptor, *std::move(tmpl)});
  }
  return router;
}

std::unique_ptr<HttpMatch> HttpRouter::Find(absl::string_view verb, absl::string_view path,
                                            std::vector<std::string>* allowed) const {
  if (verb == "HEAD") verb = "GET";
  if (allowed != nullptr) allowed->clear();
  auto match = std::make_unique<HttpMatch>();
  for (const HttpRoute& route : routes_) {
    std::vector<std::pair<std::string, std::string>> variables;
    if (!MatchPath(route.tmpl, path, &variables)) continue;
    if (verb == route.binding->verb) {
      match->route = &route;
      match->variables = std::move(variables);
      return match;
    }
    if (allowed != nullptr) allowed->push_back(route.binding->verb);
  }
  if (allowed != nullptr) {
    std::sort(allowed->begin(), allowed->end());
    allowed->erase(std::unique(allowed->begin(), allowed->end()), allowed->end());
  }
  return nullptr;
}

}  // namespace parhub::gateway
