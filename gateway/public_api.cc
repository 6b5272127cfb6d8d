// The citizen endpoints (see public_api.h).
#include "gateway/public_api.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gateway/proxy.h"
#include "gateway/route_table.h"
#include "platform/core/crypto.h"
#include "platform/core/errors.h"
#include "platform/core/log.h"
#include "platform/core/resource_name.h"
#include "platform/core/retry_delay.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::gateway {
namespace {

namespace cpb = ::parhub::complaints::v1;
namespace fpb = ::parhub::finance::v1;
namespace rpb = ::parhub::reporting::v1;
namespace zpb = ::parhub::citizen::v1;

// The limits citizen.proto promises.
constexpr size_t kMaxRequestBytes = 64 * 1024;
constexpr int kCallsPerHourPerNetwork = 2000;
constexpr int kFilingsPerHour = 5;
constexpr int kFilingsPerDay = 20;
constexpr int kFilingsPerContactPerDay = 3;
constexpr int kFailedLookupsPerHour = 20;
// Unknown respondent codes count in a budget of their own (also 20 an hour).
constexpr char kCodeMisses[] = "miss-code";

constexpr char kPublicAccount[] = "accounts/public";

absl::Status TooMany(absl::string_view what, absl::Duration retry) {
  const int64_t seconds = std::max<int64_t>(1, absl::ToInt64Seconds(absl::Ceil(retry, absl::Seconds(1))));
  const std::string when =
      seconds < 60 ? absl::StrCat(seconds, " giây") : absl::StrCat(seconds / 60 + 1, " phút");
  return platform::WithRetryDelay(
      platform::WithReason(
          absl::ResourceExhaustedError(absl::StrCat("Quá nhiều yêu cầu ", what, "; hãy thử lại sau ", when,
                                                    " (too many requests; retry in ", seconds, " s)")),
          "PUBLIC_RATE_LIMITED"),
      retry);
}

template <typename Service>
std::string Method(absl::string_view rpc) {
  return absl::StrCat("/", Service::service_full_name(), "/", rpc);
}

// The client's own request id, scoped to its address so one client cannot
// replay another's stored result.
std::string ScopedRequestId(const ClientAddress& client, const std::string& request_id) {
  if (request_id.empty()) return "";
  return platform::Sha256Hex(absl::StrCat(client.address, "\n", request_id));
}

// A contact as a counting key: digits of a phone, a lower-cased e-mail.
std::string ContactKey(const zpb::Contact& contact) {
  std::string digits;
  for (char c : contact.phone()) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  }
  if (!digits.empty()) return absl::StrCat("phone:", digits);
  if (!contact.email().empty()) return absl::StrCat("email:", absl::AsciiStrToLower(contact.email()));
  return "";
}

}  // namespace

PublicApi::PublicApi(const Backends& backends, const platform::IdentityKey& key, platform::Executor& executor,
                     AbuseLimiter& limiter, absl::Duration call_deadline, BucketRate address_rate,
                     std::string root_authority_id)
    : root_authority_id_(std::move(root_authority_id)),
      complaints_backend_(backends.Named("complaints")),
      directory_backend_(backends.Named("directory")),
      finance_backend_(backends.Named("finance")),
      reporting_backend_(backends.Named("reporting")),
      complaints_(cpb::ComplaintService::NewStub(complaints_backend_.channel)),
      directory_(directory::v1::DirectoryService::NewStub(directory_backend_.channel)),
      finance_(finance::v1::FinanceService::NewStub(finance_backend_.channel)),
      reporting_(rpb::ReportingService::NewStub(reporting_backend_.channel)),
      key_(key),
      executor_(executor),
      limiter_(limiter),
      address_calls_(address_rate),
      call_deadline_(call_deadline) {}

grpc::ServerUnaryReactor* PublicApi::Handle(grpc::CallbackServerContext* context,
                                            const google::protobuf::Message& request, Work work) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const std::string trace_id = AssignTraceId(*context);
  context->AddInitialMetadata(platform::kTraceIdHeader, trace_id);
  const ClientAddress client = ClientAddressOf(ClientPeerOf(*context));
  if (request.ByteSizeLong() > kMaxRequestBytes) {
    reactor->Finish(platform::ToGrpcStatus(
        absl::InvalidArgumentError("Yêu cầu quá lớn (tối đa 64 KiB) (request larger than 64 KiB)")));
    return reactor;
  }
  if (!limiter_.Allow(absl::StrCat("net:", client.network), absl::Hours(1), kCallsPerHourPerNetwork)) {
    reactor->Finish(platform::ToGrpcStatus(TooMany("từ mạng này", limiter_.Remaining(absl::Hours(1)))));
    return reactor;
  }
  if (absl::Duration wait = address_calls_.Take(client.address); wait > absl::ZeroDuration()) {
    reactor->Finish(platform::ToGrpcStatus(TooMany("từ địa chỉ này", wait)));
    return reactor;
  }
  platform::Executor::Work queued;
  queued.run = [reactor, client, trace_id, context, work = std::move(work)] {
    platform::ScopedTraceId trace(trace_id);
    reactor->Finish(platform::ToGrpcStatus(work(client, trace_id, context)));
  };
  queued.drop = [reactor](absl::Status why) { reactor->Finish(platform::ToGrpcStatus(why)); };
  queued.deadline = absl::FromChrono(context->deadline());
  queued.cancelled = [context] { return context->IsCancelled(); };
  if (!executor_.Submit(std::move(queued))) {
    reactor->Finish(platform::ToGrpcStatus(absl::ResourceExhaustedError(
        "Cổng API đang quá tải, hãy thử lại sau giây lát (gateway busy; retry shortly)")));
  }
  return reactor;
}

std::unique_ptr<grpc::ClientContext> PublicApi::CallContext(absl::string_view method,
                                                            const std::string& school_id,
                                                            const std::string& trace_id,
                                                            grpc::CallbackServerContext* incoming) const {
  auto context = std::make_unique<grpc::ClientContext>();
  platform::SetDeadline(*context, call_deadline_, incoming);
  platform::Caller desk{kPublicAccount, platform::Role::kService, school_id, "", trace_id};
  platform::AttachIdentity(*context, key_, desk, method);
  return context;
}

absl::StatusOr<std::string> PublicApi::SchoolName(const std::string& school_id, const std::string& trace_id,
                                                  grpc::CallbackServerContext* context) {
  directory::v1::GetSchoolRequest request;
  request.set_name(absl::StrCat("schools/", school_id));
  directory::v1::School school;
  auto call = CallContext(Method<directory::v1::DirectoryService>("GetSchool"), school_id, trace_id, context);
  grpc::Status status = directory_->GetSchool(call.get(), request, &school);
  if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, directory_backend_.spec));
  return school.display_name();
}

void PublicApi::Name(cpb::PublicCaseView& view, const std::string& trace_id,
                     grpc::CallbackServerContext* context) {
  const std::string school = SchoolOf(view.school());
  absl::StatusOr<std::string> name = SchoolName(school, trace_id, context);
  if (name.ok()) view.set_school_display_name(*name);
}

absl::Status PublicApi::CheckLookups(const ClientAddress& client, absl::string_view counter) {
  // Every lookup reserves a place among the address's failures; one that
  // finds its case gives it back (CountLookup), so concurrent guesses
  // cannot overrun the limit.
  if (!limiter_.Allow(absl::StrCat(counter, ":", client.address), absl::Hours(1), kFailedLookupsPerHour)) {
    return TooMany("tra cứu mã không đúng", limiter_.Remaining(absl::Hours(1)));
  }
  return absl::OkStatus();
}

absl::Status PublicApi::CountLookup(const ClientAddress& client, absl::Status result,
                                    absl::string_view counter) {
  if (!absl::IsNotFound(result)) limiter_.Refund(absl::StrCat(counter, ":", client.address), absl::Hours(1));
  return result;
}

absl::Status PublicApi::CheckFilings(const ClientAddress& client, const std::string& school_id,
                                     const zpb::Contact& contact) {
  if (limiter_.Count(absl::StrCat("file-h:", client.address), absl::Hours(1)) >= kFilingsPerHour ||
      limiter_.Count(absl::StrCat("file-d:", client.address), absl::Hours(24)) >= kFilingsPerDay) {
    return TooMany("gửi đơn từ địa chỉ này", limiter_.Remaining(absl::Hours(1)));
  }
  const std::string key = ContactKey(contact);
  if (!key.empty() && limiter_.Count(absl::StrCat("file-c:", school_id, ":", key), absl::Hours(24)) >=
                          kFilingsPerContactPerDay) {
    return TooMany("gửi đơn với cùng thông tin liên hệ trong ngày", limiter_.Remaining(absl::Hours(24)));
  }
  return absl::OkStatus();
}

void PublicApi::RecordFiling(const ClientAddress& client, const std::string& school_id,
                             const zpb::Contact& contact) {
  limiter_.Record(absl::StrCat("file-h:", client.address), absl::Hours(1));
  limiter_.Record(absl::StrCat("file-d:", client.address), absl::Hours(24));
  const std::string key = ContactKey(contact);
  if (!key.empty()) limiter_.Record(absl::StrCat("file-c:", school_id, ":", key), absl::Hours(24));
}

grpc::ServerUnaryReactor* PublicApi::FileCase(grpc::CallbackServerContext* context,
                                              const zpb::FileCaseRequest* request,
                                              zpb::FileCaseResponse* response) {
  return Handle(
      context, *request,
      [=, this](const ClientAddress& client, const std::string& trace_id,
                grpc::CallbackServerContext* incoming) -> absl::Status {
        ASSIGN_OR_RETURN(auto ids, platform::ParseName("schools/{school}", request->school(), "school"));
        if (!request->consent()) {
          return platform::InvalidField(
              "consent",
              "cần đồng ý cho nhà trường xử lý thông tin cá nhân để giải quyết vụ việc (Nghị định "
              "13/2023/NĐ-CP) (consent is required)");
        }
        RETURN_IF_ERROR(CheckFilings(client, ids[0], request->contact()));
        ASSIGN_OR_RETURN(std::string school_name, SchoolName(ids[0], trace_id, incoming));
        (void)school_name;
        cpb::FilePublicCaseRequest forward;
        forward.set_school(request->school());
        forward.set_case_type(request->case_type());
        forward.set_subject(request->subject());
        forward.set_content(request->content());
        cpb::Submitter* s = forward.mutable_submitter();
        s->set_full_name(request->contact().full_name());
        s->set_phone(request->contact().phone());
        s->set_email(request->contact().email());
        s->set_address(request->contact().address());
        s->set_id_number(request->contact().id_number());
        s->set_anonymous(request->contact().anonymous());
        *forward.mutable_decision_date() = request->decision_date();
        forward.set_filing_delay_reason(request->filing_delay_reason());
        forward.set_request_id(ScopedRequestId(client, request->request_id()));
        cpb::FilePublicCaseResponse filed;
        auto call = CallContext(Method<cpb::ComplaintService>("FilePublicCase"), ids[0], trace_id, incoming);
        grpc::Status status = complaints_->FilePublicCase(call.get(), forward, &filed);
        if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, complaints_backend_.spec));
        RecordFiling(client, ids[0], request->contact());
        response->set_tracking_code(filed.tracking_code());
        response->set_tracking_secret(filed.tracking_secret());
        *response->mutable_received_date() = filed.received_date();
        *response->mutable_acceptance_due_date() = filed.acceptance_due_date();
        *response->mutable_expected_resolution_date() = filed.expected_resolution_date();
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PublicApi::TrackCase(grpc::CallbackServerContext* context,
                                               const zpb::TrackCaseRequest* request,
                                               cpb::PublicCaseView* response) {
  return Handle(context, *request,
                [=, this](const ClientAddress& client, const std::string& trace_id,
                          grpc::CallbackServerContext* incoming) -> absl::Status {
                  RETURN_IF_ERROR(CheckLookups(client));
                  cpb::TrackCaseRequest forward;
                  forward.set_tracking_code(request->tracking_code());
                  forward.set_tracking_secret(request->tracking_secret());
                  auto call = CallContext(Method<cpb::ComplaintService>("TrackCase"), "", trace_id, incoming);
                  grpc::Status status = complaints_->TrackCase(call.get(), forward, response);
                  RETURN_IF_ERROR(CountLookup(client, status.ok() ? absl::OkStatus()
                                                                  : platform::FromGrpcStatus(ForClient(
                                                                        status, complaints_backend_.spec))));
                  Name(*response, trace_id, incoming);
                  return absl::OkStatus();
                });
}

grpc::ServerUnaryReactor* PublicApi::RateCase(grpc::CallbackServerContext* context,
                                              const zpb::RateCaseRequest* request,
                                              cpb::PublicCaseView* response) {
  return Handle(context, *request,
                [=, this](const ClientAddress& client, const std::string& trace_id,
                          grpc::CallbackServerContext* incoming) -> absl::Status {
                  RETURN_IF_ERROR(CheckLookups(client));
                  cpb::RateCaseRequest forward;
                  forward.set_tracking_code(request->tracking_code());
                  forward.set_tracking_secret(request->tracking_secret());
                  forward.set_score(request->score());
                  forward.set_comment(request->comment());
                  forward.set_request_id(ScopedRequestId(client, request->request_id()));
                  auto call = CallContext(Method<cpb::ComplaintService>("RateCase"), "", trace_id, incoming);
                  grpc::Status status = complaints_->RateCase(call.get(), forward, response);
                  RETURN_IF_ERROR(CountLookup(client, status.ok() ? absl::OkStatus()
                                                                  : platform::FromGrpcStatus(ForClient(
                                                                        status, complaints_backend_.spec))));
                  Name(*response, trace_id, incoming);
                  return absl::OkStatus();
                });
}

grpc::ServerUnaryReactor* PublicApi::ReopenCase(grpc::CallbackServerContext* context,
                                                const zpb::ReopenCaseRequest* request,
                                                cpb::PublicCaseView* response) {
  return Handle(
      context, *request,
      [=, this](const ClientAddress& client, const std::string& trace_id,
                grpc::CallbackServerContext* incoming) -> absl::Status {
        RETURN_IF_ERROR(CheckLookups(client));
        cpb::ReopenPublicCaseRequest forward;
        forward.set_tracking_code(request->tracking_code());
        forward.set_tracking_secret(request->tracking_secret());
        forward.set_reason(request->reason());
        forward.set_request_id(ScopedRequestId(client, request->request_id()));
        auto call = CallContext(Method<cpb::ComplaintService>("ReopenPublicCase"), "", trace_id, incoming);
        grpc::Status status = complaints_->ReopenPublicCase(call.get(), forward, response);
        RETURN_IF_ERROR(CountLookup(
            client, status.ok() ? absl::OkStatus()
                                : platform::FromGrpcStatus(ForClient(status, complaints_backend_.spec))));
        Name(*response, trace_id, incoming);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PublicApi::SearchSchools(grpc::CallbackServerContext* context,
                                                   const zpb::SearchSchoolsRequest* request,
                                                   zpb::SearchSchoolsResponse* response) {
  return Handle(context, *request,
                [=, this](const ClientAddress&, const std::string& trace_id,
                          grpc::CallbackServerContext* incoming) -> absl::Status {
                  const std::string query(absl::StripAsciiWhitespace(request->query()));
                  // Characters, not bytes: Vietnamese letters take two or three.
                  const auto characters =
                      std::count_if(query.begin(), query.end(), [](char c) { return (c & 0xC0) != 0x80; });
                  if (characters < 2 || characters > 100) {
                    return platform::InvalidField("query", "từ 2 đến 100 ký tự (2 to 100 characters)");
                  }
                  if (request->page_size() < 0)
                    return platform::InvalidField("page_size", "không được âm (must not be negative)");
                  directory::v1::ListSchoolsRequest forward;
                  forward.set_parent(absl::StrCat("authorities/", root_authority_id_));
                  forward.set_query(query);
                  forward.set_page_size(request->page_size() == 0 ? 20 : std::min(request->page_size(), 50));
                  forward.set_page_token(request->page_token());
                  auto call = CallContext(Method<directory::v1::DirectoryService>("ListSchools"), "",
                                          trace_id, incoming);
                  directory::v1::ListSchoolsResponse found;
                  grpc::Status status = directory_->ListSchools(call.get(), forward, &found);
                  if (!status.ok())
                    return platform::FromGrpcStatus(ForClient(status, directory_backend_.spec));
                  // Only what a school publishes: its name and street address.
                  for (const directory::v1::School& school : found.schools()) {
                    zpb::PublicSchool* out = response->add_schools();
                    out->set_name(school.name());
                    out->set_display_name(school.display_name());
                    out->set_address(school.address());
                  }
                  response->set_next_page_token(found.next_page_token());
                  return absl::OkStatus();
                });
}

grpc::ServerUnaryReactor* PublicApi::ListEnrolmentNotices(grpc::CallbackServerContext* context,
                                                          const zpb::ListEnrolmentNoticesRequest* request,
                                                          cpb::ListEnrolmentNoticesResponse* response) {
  return Handle(
      context, *request,
      [=, this](const ClientAddress&, const std::string& trace_id,
                grpc::CallbackServerContext* incoming) -> absl::Status {
        ASSIGN_OR_RETURN(auto ids, platform::ParseName("schools/{school}", request->school(), "school"));
        cpb::ListEnrolmentNoticesRequest forward;
        forward.set_parent(request->school());
        forward.set_open_only(true);
        forward.set_page_size(100);
        auto call =
            CallContext(Method<cpb::ComplaintService>("ListEnrolmentNotices"), ids[0], trace_id, incoming);
        grpc::Status status = complaints_->ListEnrolmentNotices(call.get(), forward, response);
        if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, complaints_backend_.spec));
        for (cpb::EnrolmentNotice& n : *response->mutable_enrolment_notices()) n.clear_closing_reason();
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PublicApi::RegisterForEnrolment(grpc::CallbackServerContext* context,
                                                          const zpb::RegisterForEnrolmentRequest* request,
                                                          zpb::FileCaseResponse* response) {
  return Handle(
      context, *request,
      [=, this](const ClientAddress& client, const std::string& trace_id,
                grpc::CallbackServerContext* incoming) -> absl::Status {
        ASSIGN_OR_RETURN(auto ids, platform::ParseName("schools/{school}/enrolmentNotices/{notice}",
                                                       request->enrolment_notice(), "enrolment_notice"));
        if (!request->consent()) {
          return platform::InvalidField(
              "consent",
              "cần đồng ý cho nhà trường xử lý thông tin cá nhân của cha mẹ và trẻ để tuyển sinh (Nghị định "
              "13/2023/NĐ-CP) (consent is required)");
        }
        RETURN_IF_ERROR(CheckFilings(client, ids[0], request->guardian()));
        cpb::RegisterForEnrolmentRequest forward;
        forward.set_enrolment_notice(request->enrolment_notice());
        cpb::Submitter* g = forward.mutable_guardian();
        g->set_full_name(request->guardian().full_name());
        g->set_phone(request->guardian().phone());
        g->set_email(request->guardian().email());
        g->set_address(request->guardian().address());
        g->set_id_number(request->guardian().id_number());
        *forward.mutable_applicant() = request->applicant();
        forward.set_note(request->note());
        forward.set_request_id(ScopedRequestId(client, request->request_id()));
        cpb::FilePublicCaseResponse filed;
        auto call =
            CallContext(Method<cpb::ComplaintService>("RegisterForEnrolment"), ids[0], trace_id, incoming);
        grpc::Status status = complaints_->RegisterForEnrolment(call.get(), forward, &filed);
        if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, complaints_backend_.spec));
        RecordFiling(client, ids[0], request->guardian());
        response->set_tracking_code(filed.tracking_code());
        response->set_tracking_secret(filed.tracking_secret());
        *response->mutable_received_date() = filed.received_date();
        *response->mutable_expected_resolution_date() = filed.expected_resolution_date();
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PublicApi::GetFinancialDisclosure(grpc::CallbackServerContext* context,
                                                            const zpb::GetFinancialDisclosureRequest* request,
                                                            fpb::FinancialDisclosure* response) {
  return Handle(
      context, *request,
      [=, this](const ClientAddress&, const std::string& trace_id,
                grpc::CallbackServerContext* incoming) -> absl::Status {
        ASSIGN_OR_RETURN(auto ids, platform::ParseName("schools/{school}", request->school(), "school"));
        fpb::GetFinancialDisclosureRequest forward;
        forward.set_school(request->school());
        forward.set_school_year(request->school_year());
        auto call =
            CallContext(Method<fpb::FinanceService>("GetFinancialDisclosure"), ids[0], trace_id, incoming);
        grpc::Status status = finance_->GetFinancialDisclosure(call.get(), forward, response);
        if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, finance_backend_.spec));
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PublicApi::LookUpFamilyAccount(grpc::CallbackServerContext* context,
                                                         const zpb::LookUpFamilyAccountRequest* request,
                                                         fpb::FamilyAccount* response) {
  return Handle(
      context, *request,
      [=, this](const ClientAddress& client, const std::string& trace_id,
                grpc::CallbackServerContext* incoming) -> absl::Status {
        ASSIGN_OR_RETURN(auto ids, platform::ParseName("schools/{school}", request->school(), "school"));
        RETURN_IF_ERROR(CheckLookups(client));
        fpb::LookUpFamilyAccountRequest forward;
        forward.set_school(request->school());
        forward.set_pupil_code(request->pupil_code());
        forward.set_slip_secret(request->slip_secret());
        auto call =
            CallContext(Method<fpb::FinanceService>("LookUpFamilyAccount"), ids[0], trace_id, incoming);
        grpc::Status status = finance_->LookUpFamilyAccount(call.get(), forward, response);
        return CountLookup(client, status.ok()
                                       ? absl::OkStatus()
                                       : platform::FromGrpcStatus(ForClient(status, finance_backend_.spec)));
      });
}

grpc::ServerUnaryReactor* PublicApi::GetSurvey(grpc::CallbackServerContext* context,
                                               const zpb::GetSurveyRequest* request,
                                               rpb::SurveyForRespondent* response) {
  return Handle(context, *request,
                [=, this](const ClientAddress& client, const std::string& trace_id,
                          grpc::CallbackServerContext* incoming) -> absl::Status {
                  RETURN_IF_ERROR(CheckLookups(client, kCodeMisses));
                  rpb::GetSurveyForRespondentRequest forward;
                  forward.set_respondent_code(request->respondent_code());
                  auto call = CallContext(Method<rpb::ReportingService>("GetSurveyForRespondent"), "",
                                          trace_id, incoming);
                  grpc::Status status = reporting_->GetSurveyForRespondent(call.get(), forward, response);
                  RETURN_IF_ERROR(CountLookup(
                      client,
                      status.ok() ? absl::OkStatus()
                                  : platform::FromGrpcStatus(ForClient(status, reporting_backend_.spec)),
                      kCodeMisses));
                  // Reporting names the school ("schools/{school}"); the
                  // respondent sees its display name, or nothing.
                  const std::string school = SchoolOf(response->school_display_name());
                  response->clear_school_display_name();
                  if (!school.empty()) {
                    absl::StatusOr<std::string> name = SchoolName(school, trace_id, incoming);
                    if (name.ok()) response->set_school_display_name(*name);
                  }
                  return absl::OkStatus();
                });
}

grpc::ServerUnaryReactor* PublicApi::SubmitSurveyResponse(grpc::CallbackServerContext* context,
                                                          const zpb::SubmitSurveyResponseRequest* request,
                                                          zpb::SubmitSurveyResponseResponse* response) {
  return Handle(
      context, *request,
      [=, this](const ClientAddress& client, const std::string& trace_id,
                grpc::CallbackServerContext* incoming) -> absl::Status {
        RETURN_IF_ERROR(CheckLookups(client, kCodeMisses));
        rpb::SubmitSipasResponseRequest forward;
        forward.set_respondent_code(request->respondent_code());
        *forward.mutable_answers() = request->answers();
        forward.set_comment(request->comment());
        forward.set_request_id(ScopedRequestId(client, request->request_id()));
        rpb::SubmitSipasResponseResponse answered;
        auto call = CallContext(Method<rpb::ReportingService>("SubmitSipasResponse"), "", trace_id, incoming);
        grpc::Status status = reporting_->SubmitSipasResponse(call.get(), forward, &answered);
        RETURN_IF_ERROR(
            CountLookup(client,
                        status.ok() ? absl::OkStatus()
                                    : platform::FromGrpcStatus(ForClient(status, reporting_backend_.spec)),
                        kCodeMisses));
        response->set_message(answered.message());
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* PublicApi::GetServiceFeedbackForm(grpc::CallbackServerContext* context,
                                                            const zpb::GetServiceFeedbackFormRequest* request,
                                                            rpb::ServiceFeedbackForm* response) {
  return Handle(context, *request,
                [=, this](const ClientAddress&, const std::string& trace_id,
                          grpc::CallbackServerContext* incoming) -> absl::Status {
                  auto call = CallContext(Method<rpb::ReportingService>("GetServiceFeedbackForm"), "",
                                          trace_id, incoming);
                  grpc::Status status = reporting_->GetServiceFeedbackForm(
                      call.get(), rpb::GetServiceFeedbackFormRequest(), response);
                  return status.ok() ? absl::OkStatus()
                                     : platform::FromGrpcStatus(ForClient(status, reporting_backend_.spec));
                });
}

grpc::ServerUnaryReactor* PublicApi::SubmitServiceFeedback(grpc::CallbackServerContext* context,
                                                           const zpb::SubmitServiceFeedbackRequest* request,
                                                           rpb::SubmitServiceFeedbackResponse* response) {
  return Handle(
      context, *request,
      [=, this](const ClientAddress& client, const std::string& trace_id,
                grpc::CallbackServerContext* incoming) -> absl::Status {
        // A wrong invitation counts with the unknown respondent codes.
        RETURN_IF_ERROR(CheckLookups(client, kCodeMisses));
        rpb::SubmitServiceFeedbackRequest forward;
        *forward.mutable_invitation() = request->invitation();
        *forward.mutable_scores() = request->scores();
        forward.set_request_id(ScopedRequestId(client, request->request_id()));
        auto call =
            CallContext(Method<rpb::ReportingService>("SubmitServiceFeedback"), "", trace_id, incoming);
        grpc::Status status = reporting_->SubmitServiceFeedback(call.get(), forward, response);
        return CountLookup(client,
                           status.ok() ? absl::OkStatus()
                                       : platform::FromGrpcStatus(ForClient(status, reporting_backend_.spec)),
                           kCodeMisses);
      });
}

}  // namespace parhub::gateway
