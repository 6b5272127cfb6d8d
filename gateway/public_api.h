// PublicApi: parhub.citizen.v1.PublicService, the gateway's endpoints for
// parents and citizens without an account. It never forwards a request:
// each method checks the abuse limits of citizen.proto (a token bucket per
// client address, `address_rate`, flags --public_rate_per_s and
// --public_burst; hourly windows per network and per contact), rejects oversized requests before any work,
// then calls the owning service as the gateway's own service identity and
// returns only the public view. Implemented: filing, tracking, rating and
// reopening cases (complaints service); enrolment notices and online
// registration; a school's published financial disclosure and a family's
// own invoices and receipts by pupil code and slip secret (finance
// service); SIPAS surveys opened and answered by respondent code
// (reporting service); school search over the directory tree under the
// root authority (`root_authority_id`, flag --root_authority_id), name and
// street address only.
#ifndef PARHUB_GATEWAY_PUBLIC_API_H_
#define PARHUB_GATEWAY_PUBLIC_API_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "gateway/abuse_limiter.h"
#include "gateway/backends.h"
#include "gateway/token_buckets.h"
#include "parhub/citizen/v1/citizen.grpc.pb.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "platform/rpc/executor.h"
#include "platform/rpc/identity.h"

namespace parhub::gateway {

class PublicApi final : public citizen::v1::PublicService::CallbackService {
 public:
  PublicApi(const Backends& backends, const platform::IdentityKey& key, platform::Executor& executor,
            AbuseLimiter& limiter, absl::Duration call_deadline, BucketRate address_rate = {1, 60},
            std::string root_authority_id = "hcm");

  grpc::ServerUnaryReactor* SearchSchools(grpc::CallbackServerContext* context,
                                          const citizen::v1::SearchSchoolsRequest* request,
                                          citizen::v1::SearchSchoolsResponse* response) override;

  grpc::ServerUnaryReactor* FileCase(grpc::CallbackServerContext* context,
                                     const citizen::v1::FileCaseRequest* request,
                                     citizen::v1::FileCaseResponse* response) override;
  grpc::ServerUnaryReactor* TrackCase(grpc::CallbackServerContext* context,
                                      const citizen::v1::TrackCaseRequest* request,
                                      complaints::v1::PublicCaseView* response) override;
  grpc::ServerUnaryReactor* RateCase(grpc::CallbackServerContext* context,
                                     const citizen::v1::RateCaseRequest* request,
                                     complaints::v1::PublicCaseView* response) override;
  grpc::ServerUnaryReactor* ReopenCase(grpc::CallbackServerContext* context,
                                       const citizen::v1::ReopenCaseRequest* request,
                                       complaints::v1::PublicCaseView* response) override;
  grpc::ServerUnaryReactor* ListEnrolmentNotices(
      grpc::CallbackServerContext* context, const citizen::v1::ListEnrolmentNoticesRequest* request,
      complaints::v1::ListEnrolmentNoticesResponse* response) override;
  grpc::ServerUnaryReactor* RegisterForEnrolment(grpc::CallbackServerContext* context,
                                                 const citizen::v1::RegisterForEnrolmentRequest* request,
                                                 citizen::v1::FileCaseResponse* response) override;
  grpc::ServerUnaryReactor* GetFinancialDisclosure(grpc::CallbackServerContext* context,
                                                   const citizen::v1::GetFinancialDisclosureRequest* request,
                                                   finance::v1::FinancialDisclosure* response) override;
  grpc::ServerUnaryReactor* LookUpFamilyAccount(grpc::CallbackServerContext* context,
                                                const citizen::v1::LookUpFamilyAccountRequest* request,
                                                finance::v1::FamilyAccount* response) override;
  grpc::ServerUnaryReactor* GetSurvey(grpc::CallbackServerContext* context,
                                      const citizen::v1::GetSurveyRequest* request,
                                      reporting::v1::SurveyForRespondent* response) override;
  grpc::ServerUnaryReactor* SubmitSurveyResponse(
      grpc::CallbackServerContext* context, const citizen::v1::SubmitSurveyResponseRequest* request,
      citizen::v1::SubmitSurveyResponseResponse* response) override;
  grpc::ServerUnaryReactor* GetServiceFeedbackForm(grpc::CallbackServerContext* context,
                                                   const citizen::v1::GetServiceFeedbackFormRequest* request,
                                                   reporting::v1::ServiceFeedbackForm* response) override;
  grpc::ServerUnaryReactor* SubmitServiceFeedback(
      grpc::CallbackServerContext* context, const citizen::v1::SubmitServiceFeedbackRequest* request,
      reporting::v1::SubmitServiceFeedbackResponse* response) override;

 private:
  const std::string root_authority_id_;
  using Work = std::function<absl::Status(const ClientAddress& client, const std::string& trace_id,
                                          grpc::CallbackServerContext* context)>;
  // Size and per-address limits, then `work` on the executor.
  grpc::ServerUnaryReactor* Handle(grpc::CallbackServerContext* context,
                                   const google::protobuf::Message& request, Work work);
  // RESOURCE_EXHAUSTED unless the address may look up another code; counts
  // a failed lookup (NOT_FOUND) against it. `counter` names the budget:
  // tracking codes and family lookups share one, respondent codes have
  // their own (citizen.proto).
  absl::Status CheckLookups(const ClientAddress& client, absl::string_view counter = "miss");
  absl::Status CountLookup(const ClientAddress& client, absl::Status result,
                           absl::string_view counter = "miss");
  // The filing limits per address and per contact of a school.
  // Whether the address and the contact may file again; a filing counts
  // only once it succeeded (RecordFiling).
  absl::Status CheckFilings(const ClientAddress& client, const std::string& school_id,
                            const citizen::v1::Contact& contact);
  void RecordFiling(const ClientAddress& client, const std::string& school_id,
                    const citizen::v1::Contact& contact);
  // The school's display name; NOT_FOUND when there is no such school.
  absl::StatusOr<std::string> SchoolName(const std::string& school_id, const std::string& trace_id,
                                         grpc::CallbackServerContext* context);
  // Fills the view's school name.
  void Name(complaints::v1::PublicCaseView& view, const std::string& trace_id,
            grpc::CallbackServerContext* context);
  // A context signed as the gateway's public desk for `method` of the
  // complaints or directory service, acting on `school_id` ("" for none).
  std::unique_ptr<grpc::ClientContext> CallContext(absl::string_view method, const std::string& school_id,
                                                   const std::string& trace_id,
                                                   grpc::CallbackServerContext* incoming) const;

  const Backend& complaints_backend_;
  const Backend& directory_backend_;
  const Backend& finance_backend_;
  const Backend& reporting_backend_;
  std::unique_ptr<complaints::v1::ComplaintService::Stub> complaints_;
  std::unique_ptr<directory::v1::DirectoryService::Stub> directory_;
  std::unique_ptr<finance::v1::FinanceService::Stub> finance_;
  std::unique_ptr<reporting::v1::ReportingService::Stub> reporting_;
  const platform::IdentityKey& key_;
  platform::Executor& executor_;
  AbuseLimiter& limiter_;
  TokenBuckets address_calls_;  // calls per client address
  absl::Duration call_deadline_;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_PUBLIC_API_H_
