// ReportingServiceImpl: the gRPC face of the reporting service on the
// platform skeleton's one handler style (platform/rpc/handlers.h): reads are
// Handlers::Read, mutations Handlers::Mutate whose authorize step parses
// names and checks access (domain/access.h) before the idempotency ledger.
// No rules live here. The SIPAS methods are defined in sipas_handlers.cc,
// the notification methods in notification_handlers.cc, the short survey's
// after a service in feedback_handlers.cc.
#ifndef PARHUB_SERVICES_REPORTING_RPC_REPORTING_SERVICE_H_
#define PARHUB_SERVICES_REPORTING_RPC_REPORTING_SERVICE_H_

#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "platform/rpc/handlers.h"
#include "services/reporting/domain/assessment_desk.h"
#include "services/reporting/domain/forecast_desk.h"
#include "services/reporting/domain/notification_desk.h"
#include "services/reporting/domain/official_results.h"
#include "services/reporting/domain/report_desk.h"
#include "services/reporting/domain/service_feedback.h"
#include "services/reporting/domain/sipas_comparison.h"
#include "services/reporting/domain/sipas_desk.h"
#include "services/reporting/rpc/refdata.h"

namespace parhub::reporting {

// The domain objects the handlers call.
struct ReportingDesks final {
  FrameworkBook& frameworks;
  AssessmentDesk& assessments;
  ForecastDesk& forecasts;
  ReportDesk& reports;
  ReportGenerator& generator;
  ReportingSummarizer& summarizer;
  OfficialResults& official_results;
  const ReportingRefdata& refdata;
  SipasDesk& sipas;
  SipasComparisons& sipas_comparisons;
  NotificationDesk& notifications;
  ServiceFeedbackDesk& feedback;
};

class ReportingServiceImpl final : public v1::ReportingService::CallbackService {
 public:
  ReportingServiceImpl(platform::Handlers& handlers, ReportingDesks desks)
      : handlers_(handlers), desks_(desks) {}

  using Reactor = grpc::ServerUnaryReactor;
  using Context = grpc::CallbackServerContext;

  Reactor* GetParFramework(Context* c, const v1::GetParFrameworkRequest* request,
                           v1::ParFramework* response) override;
  Reactor* ListParFrameworks(Context* c, const v1::ListParFrameworksRequest* request,
                             v1::ListParFrameworksResponse* response) override;
  Reactor* CreateParFramework(Context* c, const v1::CreateParFrameworkRequest* request,
                              v1::ParFramework* response) override;
  Reactor* GetMetricCatalog(Context* c, const v1::GetMetricCatalogRequest* request,
                            v1::MetricCatalog* response) override;
  Reactor* GetParAssessment(Context* c, const v1::GetParAssessmentRequest* request,
                            v1::ParAssessment* response) override;
  Reactor* ListParAssessments(Context* c, const v1::ListParAssessmentsRequest* request,
                              v1::ListParAssessmentsResponse* response) override;
  Reactor* ListAssessmentVersions(Context* c, const v1::ListAssessmentVersionsRequest* request,
                                  v1::ListAssessmentVersionsResponse* response) override;
  Reactor* UpdateAssessmentItem(Context* c, const v1::UpdateAssessmentItemRequest* request,
                                v1::AssessmentItem* response) override;
  Reactor* SubmitParAssessment(Context* c, const v1::SubmitParAssessmentRequest* request,
                               v1::ParAssessment* response) override;
  Reactor* AppraiseParAssessment(Context* c, const v1::AppraiseParAssessmentRequest* request,
                                 v1::ParAssessment* response) override;
  Reactor* ReturnParAssessment(Context* c, const v1::ReturnParAssessmentRequest* request,
                               v1::ParAssessment* response) override;
  Reactor* GetParForecast(Context* c, const v1::GetParForecastRequest* request,
                          v1::ParForecast* response) override;
  Reactor* SetAssessmentAdjustments(Context* c, const v1::SetAssessmentAdjustmentsRequest* request,
                                    v1::ParAssessment* response) override;
  Reactor* ImportOfficialParResult(Context* c, const v1::ImportOfficialParResultRequest* request,
                                   v1::OfficialParResult* response) override;
  Reactor* GetOfficialParResult(Context* c, const v1::GetOfficialParResultRequest* request,
                                v1::OfficialParResult* response) override;
  Reactor* GetSipasQuestionnaire(Context* c, const v1::GetSipasQuestionnaireRequest* request,
                                 v1::SipasQuestionnaire* response) override;
  // SIPAS surveys (sipas_handlers.cc).
  Reactor* CreateSipasSurvey(Context* c, const v1::CreateSipasSurveyRequest* request,
                             v1::SipasSurvey* response) override;
  Reactor* GetSipasSurvey(Context* c, const v1::GetSipasSurveyRequest* request,
                          v1::SipasSurvey* response) override;
  Reactor* ListSipasSurveys(Context* c, const v1::ListSipasSurveysRequest* request,
                            v1::ListSipasSurveysResponse* response) override;
  Reactor* OpenSipasSurvey(Context* c, const v1::OpenSipasSurveyRequest* request,
                           v1::SipasSurvey* response) override;
  Reactor* CloseSipasSurvey(Context* c, const v1::CloseSipasSurveyRequest* request,
                            v1::SipasSurvey* response) override;
  Reactor* IssueRespondentCodes(Context* c, const v1::IssueRespondentCodesRequest* request,
                                v1::IssueRespondentCodesResponse* response) override;
  Reactor* GetSurveyForRespondent(Context* c, const v1::GetSurveyForRespondentRequest* request,
                                  v1::SurveyForRespondent* response) override;
  Reactor* SubmitSipasResponse(Context* c, const v1::SubmitSipasResponseRequest* request,
                               v1::SubmitSipasResponseResponse* response) override;
  Reactor* GetServiceFeedbackForm(Context* c, const v1::GetServiceFeedbackFormRequest* request,
                                  v1::ServiceFeedbackForm* response) override;
  Reactor* SubmitServiceFeedback(Context* c, const v1::SubmitServiceFeedbackRequest* request,
                                 v1::SubmitServiceFeedbackResponse* response) override;
  Reactor* GetServiceFeedbackResults(Context* c, const v1::GetServiceFeedbackResultsRequest* request,
                                     v1::ServiceFeedbackResults* response) override;
  Reactor* GetSipasResults(Context* c, const v1::GetSipasResultsRequest* request,
                           v1::SipasResults* response) override;
  Reactor* ImportOfficialSipasResult(Context* c, const v1::ImportOfficialSipasResultRequest* request,
                                     v1::OfficialSipasResult* response) override;
  Reactor* CompareSipasResults(Context* c, const v1::CompareSipasResultsRequest* request,
                               v1::SipasComparison* response) override;
  Reactor* GetReportFamily(Context* c, const v1::GetReportFamilyRequest* request,
                           v1::ReportFamily* response) override;
  Reactor* ListReportFamilies(Context* c, const v1::ListReportFamiliesRequest* request,
                              v1::ListReportFamiliesResponse* response) override;
  Reactor* ListReportPeriods(Context* c, const v1::ListReportPeriodsRequest* request,
                             v1::ListReportPeriodsResponse* response) override;
  Reactor* GenerateReport(Context* c, const v1::GenerateReportRequest* request,
                          v1::ReportVersion* response) override;
  Reactor* GetReport(Context* c, const v1::GetReportRequest* request, v1::Report* response) override;
  Reactor* ListReports(Context* c, const v1::ListReportsRequest* request,
                       v1::ListReportsResponse* response) override;
  Reactor* GetReportVersion(Context* c, const v1::GetReportVersionRequest* request,
                            v1::ReportVersion* response) override;
  Reactor* ListReportVersions(Context* c, const v1::ListReportVersionsRequest* request,
                              v1::ListReportVersionsResponse* response) override;
  Reactor* ExportReportVersion(Context* c, const v1::ExportReportVersionRequest* request,
                               v1::ExportedReport* response) override;
  Reactor* SubmitReport(Context* c, const v1::SubmitReportRequest* request, v1::Report* response) override;
  Reactor* AcknowledgeReport(Context* c, const v1::AcknowledgeReportRequest* request,
                             v1::Report* response) override;
  Reactor* ReturnReport(Context* c, const v1::ReturnReportRequest* request, v1::Report* response) override;
  Reactor* BatchGetReportStatuses(Context* c, const v1::BatchGetReportStatusesRequest* request,
                                  v1::BatchGetReportStatusesResponse* response) override;
  Reactor* BatchGetScorecards(Context* c, const v1::BatchGetScorecardsRequest* request,
                              v1::BatchGetScorecardsResponse* response) override;
  Reactor* SummarizeReporting(Context* c, const v1::SummarizeReportingRequest* request,
                              v1::ReportingSummary* response) override;
  Reactor* BatchSummarizeReporting(Context* c, const v1::BatchSummarizeReportingRequest* request,
                                   v1::BatchSummarizeReportingResponse* response) override;

  // Notifications (notification_handlers.cc).
  Reactor* ListNotifications(Context* c, const v1::ListNotificationsRequest* request,
                             v1::ListNotificationsResponse* response) override;
  Reactor* GetNotificationDigest(Context* c, const v1::GetNotificationDigestRequest* request,
                                 v1::NotificationDigest* response) override;
  Reactor* RunNotificationSweep(Context* c, const v1::RunNotificationSweepRequest* request,
                                v1::NotificationSweep* response) override;

 private:
  // A report mutation (Submit/Acknowledge/Return) on "schools/{s}/reports/{r}".
  template <typename Request>
  Reactor* ReportMutation(Context* c, absl::string_view method, const Request* request, v1::Report* response,
                          std::function<absl::StatusOr<v1::Report>(const platform::Caller&,
                                                                   const std::string&, const std::string&)>
                              apply);
  template <typename Request>
  Reactor* AssessmentMutation(
      Context* c, absl::string_view method, const Request* request, v1::ParAssessment* response,
      std::function<absl::StatusOr<v1::ParAssessment>(const platform::Caller&, const std::string&, int)>
          apply);

  platform::Handlers& handlers_;
  ReportingDesks desks_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_RPC_REPORTING_SERVICE_H_
