// The SIPAS methods of ReportingServiceImpl (declared in reporting_service.h),
// thin like the others: name → access → SipasDesk → proto.
//
// Two of them keep secrets out of what the platform stores:
// - IssueRespondentCodes sets forget_secret: the idempotency ledger keeps the
//   response without its codes, so a retry with the same request_id gets
//   ALREADY_EXISTS (reason SECRET_ALREADY_SHOWN), never the codes again. The
//   codes of the first call stay valid; issue a new batch if they were lost.
// - SubmitSipasResponse is anonymous (the audit row says "anonymous", its
//   target names no code) and its ledger fingerprint is a keyed digest of the
//   request, so no stored hash can be tested against a known code.
#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/deterministic.h"
#include "services/reporting/domain/access.h"
#include "services/reporting/domain/sipas_comparison.h"
#include "services/reporting/rpc/reporting_service.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::Mutation;
using ::parhub::platform::ParseName;

constexpr char kSchool[] = "schools/{school}";
constexpr char kSurveyName[] = "schools/{school}/sipasSurveys/{survey}";
constexpr char kSurvey[] = "khảo sát";
// The ledger scope of public responses (the school is known only once the
// code is looked up; the gateway makes every key unique per client).
constexpr char kPublicScope[] = "sipas-public";

}  // namespace

grpc::ServerUnaryReactor* ReportingServiceImpl::CreateSipasSurvey(Context* c,
                                                                  const v1::CreateSipasSurveyRequest* request,
                                                                  v1::SipasSurvey* response) {
  return handlers_.Mutate<v1::SipasSurvey>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::SipasSurvey>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], kSurvey));
        return Mutation<v1::SipasSurvey>(ids[0], SurveyName(ids[0], request->sipas_survey_id()), [=, this] {
          return desks_.sipas.Create(caller, ids[0], request->sipas_survey_id(), request->sipas_survey());
        });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetSipasSurvey(Context* c,
                                                               const v1::GetSipasSurveyRequest* request,
                                                               v1::SipasSurvey* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSurveyName, request->name(), "name"));
    ASSIGN_OR_RETURN(*response, desks_.sipas.Get(caller, ids[0], ids[1]));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListSipasSurveys(Context* c,
                                                                 const v1::ListSipasSurveysRequest* request,
                                                                 v1::ListSipasSurveysResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    ASSIGN_OR_RETURN(auto page,
                     desks_.sipas.List(caller, ids[0], request->page_size(), request->page_token()));
    for (auto& s : page.items) *response->add_sipas_surveys() = std::move(s);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::OpenSipasSurvey(Context* c,
                                                                const v1::OpenSipasSurveyRequest* request,
                                                                v1::SipasSurvey* response) {
  return handlers_.Mutate<v1::SipasSurvey>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::SipasSurvey>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSurveyName, request->name(), "name"));
        RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], kSurvey));
        return Mutation<v1::SipasSurvey>(ids[0], request->name(),
                                         [=, this] { return desks_.sipas.Open(caller, ids[0], ids[1]); });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::CloseSipasSurvey(Context* c,
                                                                 const v1::CloseSipasSurveyRequest* request,
                                                                 v1::SipasSurvey* response) {
  return handlers_.Mutate<v1::SipasSurvey>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::SipasSurvey>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSurveyName, request->name(), "name"));
        RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], kSurvey));
        return Mutation<v1::SipasSurvey>(ids[0], request->name(),
                                         [=, this] { return desks_.sipas.Close(caller, ids[0], ids[1]); });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::IssueRespondentCodes(
    Context* c, const v1::IssueRespondentCodesRequest* request, v1::IssueRespondentCodesResponse* response) {
  return handlers_.Mutate<v1::IssueRespondentCodesResponse>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::IssueRespondentCodesResponse>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSurveyName, request->survey(), "survey"));
        RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], kSurvey));
        Mutation<v1::IssueRespondentCodesResponse> mutation(
            ids[0], request->survey(), [=, this]() -> absl::StatusOr<v1::IssueRespondentCodesResponse> {
              ASSIGN_OR_RETURN(auto codes, desks_.sipas.IssueCodes(caller, ids[0], ids[1], request->count()));
              v1::IssueRespondentCodesResponse out;
              for (auto& code : codes) out.add_codes(std::move(code));
              return out;
            });
        // The codes are shown once: the ledger never keeps them.
        mutation.forget_secret = [](v1::IssueRespondentCodesResponse& kept) { kept.clear_codes(); };
        return mutation;
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetSurveyForRespondent(
    Context* c, const v1::GetSurveyForRespondentRequest* request, v1::SurveyForRespondent* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(*response, desks_.sipas.ForRespondent(caller, request->respondent_code()));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::SubmitSipasResponse(
    Context* c, const v1::SubmitSipasResponseRequest* request, v1::SubmitSipasResponseResponse* response) {
  return handlers_.Mutate<v1::SubmitSipasResponseResponse>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::SubmitSipasResponseResponse>> {
        RETURN_IF_ERROR(RequireServiceCaller(caller));
        const std::vector<v1::SipasAnswer> answers(request->answers().begin(), request->answers().end());
        // Bad input (a mistyped code above all) is refused before the ledger
        // touches the database.
        RETURN_IF_ERROR(
            desks_.sipas.CheckResponse(request->respondent_code(), answers, request->comment()).status());
        Mutation<v1::SubmitSipasResponseResponse> mutation(
            kPublicScope, "sipasResponses", [=, this]() -> absl::StatusOr<v1::SubmitSipasResponseResponse> {
              ASSIGN_OR_RETURN(std::string thanks, desks_.sipas.Submit(caller, request->respondent_code(),
                                                                       answers, request->comment()));
              v1::SubmitSipasResponseResponse out;
              out.set_message(std::move(thanks));
              return out;
            });
        mutation.anonymous = true;
        auto fingerprint = std::make_shared<v1::SubmitSipasResponseRequest>();
        fingerprint->set_respondent_code(desks_.sipas.KeyedDigest(
            "parhub.reporting.sipas-response-fingerprint.v1", platform::FingerprintBytes(*request)));
        mutation.fingerprint_body = std::move(fingerprint);
        return mutation;
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetSipasResults(Context* c,
                                                                const v1::GetSipasResultsRequest* request,
                                                                v1::SipasResults* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSurveyName, request->survey(), "survey"));
    ASSIGN_OR_RETURN(*response, desks_.sipas.Results(caller, ids[0], ids[1]));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ImportOfficialSipasResult(
    Context* c, const v1::ImportOfficialSipasResultRequest* request, v1::OfficialSipasResult* response) {
  return handlers_.Mutate<v1::OfficialSipasResult>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::OfficialSipasResult>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireOfficialSipasImport(caller, ids[0]));
        // Bad input is refused before the ledger touches the database.
        RETURN_IF_ERROR(
            desks_.sipas_comparisons.Check(ids[0], request->year(), request->official_sipas_result())
                .status());
        return Mutation<v1::OfficialSipasResult>(
            ids[0], absl::StrCat(request->parent(), "/officialSipasResults/", request->year()), [=, this] {
              return desks_.sipas_comparisons.Import(caller, ids[0], request->year(),
                                                     request->official_sipas_result());
            });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::CompareSipasResults(
    Context* c, const v1::CompareSipasResultsRequest* request, v1::SipasComparison* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
    ASSIGN_OR_RETURN(*response, desks_.sipas_comparisons.Compare(caller, ids[0], request->year()));
    return absl::OkStatus();
  });
}

}  // namespace parhub::reporting
