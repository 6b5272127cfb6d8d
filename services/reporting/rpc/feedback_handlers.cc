// The short satisfaction survey after a service (domain/service_feedback.h):
// its form, the anonymous answers the gateway relays from the citizen API,
// and a school's results. Like SubmitSipasResponse, an answer is anonymous:
// the audit row names no invitation, and the ledger's fingerprint is a keyed
// digest of the request, so no stored value can be tested against a known
// case or receipt.
#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/deterministic.h"
#include "services/reporting/domain/access.h"
#include "services/reporting/rpc/reporting_service.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::Mutation;
using ::parhub::platform::ParseName;

// The ledger scope of public answers (the gateway makes every key unique
// per client).
constexpr char kPublicScope[] = "feedback-public";

}  // namespace

grpc::ServerUnaryReactor* ReportingServiceImpl::GetServiceFeedbackForm(
    Context* c, const v1::GetServiceFeedbackFormRequest* /*request*/, v1::ServiceFeedbackForm* response) {
  return handlers_.Read(c, __func__, [=](const Caller&) -> absl::Status {
    *response = ServiceFeedbackDesk::Form();
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::SubmitServiceFeedback(
    Context* c, const v1::SubmitServiceFeedbackRequest* request,
    v1::SubmitServiceFeedbackResponse* response) {
  return handlers_.Mutate<v1::SubmitServiceFeedbackResponse>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::SubmitServiceFeedbackResponse>> {
        RETURN_IF_ERROR(RequireServiceCaller(caller));
        const std::vector<int> scores(request->scores().begin(), request->scores().end());
        // Bad input (a wrong invitation above all) is refused before the
        // ledger touches the database.
        RETURN_IF_ERROR(desks_.feedback.Check(request->invitation(), scores).status());
        Mutation<v1::SubmitServiceFeedbackResponse> mutation(
            kPublicScope, "serviceFeedback",
            [=, this]() -> absl::StatusOr<v1::SubmitServiceFeedbackResponse> {
              ASSIGN_OR_RETURN(std::string thanks,
                               desks_.feedback.Submit(caller, request->invitation(), scores));
              v1::SubmitServiceFeedbackResponse out;
              out.set_message(std::move(thanks));
              return out;
            });
        mutation.anonymous = true;
        auto fingerprint = std::make_shared<v1::SubmitServiceFeedbackRequest>();
        fingerprint->mutable_invitation()->set_code(desks_.feedback.KeyedDigest(
            "parhub.reporting.feedback-fingerprint.v1", platform::FingerprintBytes(*request)));
        mutation.fingerprint_body = std::move(fingerprint);
        return mutation;
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetServiceFeedbackResults(
    Context* c, const v1::GetServiceFeedbackResultsRequest* request, v1::ServiceFeedbackResults* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName("schools/{school}", request->school(), "school"));
    ASSIGN_OR_RETURN(*response, desks_.feedback.Results(caller, ids[0], request->year()));
    return absl::OkStatus();
  });
}

}  // namespace parhub::reporting
