// ComplaintServiceImpl: the gRPC face of the complaints service on the
// platform skeleton's one handler style (platform/rpc/handlers.h): reads
// are Handlers::Read, mutations Handlers::Mutate whose authorize step parses
// names and checks access (domain/access.h) before the idempotency ledger.
// No rules live here.
#ifndef PARHUB_SERVICES_COMPLAINTS_RPC_COMPLAINTS_SERVICE_H_
#define PARHUB_SERVICES_COMPLAINTS_RPC_COMPLAINTS_SERVICE_H_

#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "platform/rpc/handlers.h"
#include "services/complaints/domain/case_desk.h"
#include "services/complaints/domain/complaints_summarizer.h"
#include "services/complaints/domain/enrolment_desk.h"
#include "services/complaints/domain/public_desk.h"
#include "services/complaints/rpc/refdata.h"

namespace parhub::complaints {

class ComplaintServiceImpl final : public v1::ComplaintService::CallbackService {
 public:
  ComplaintServiceImpl(platform::Handlers& handlers, CaseDesk& desk, PublicDesk& public_desk,
                       EnrolmentDesk& enrolment, ComplaintsSummarizer& summarizer, const LoadedRules& refdata)
      : handlers_(handlers),
        desk_(desk),
        public_desk_(public_desk),
        enrolment_(enrolment),
        summarizer_(summarizer),
        refdata_(refdata) {}

  using Reactor = grpc::ServerUnaryReactor;
  using Context = grpc::CallbackServerContext;

  Reactor* CreateCase(Context* c, const v1::CreateCaseRequest* request, v1::Case* response) override;
  Reactor* GetCase(Context* c, const v1::GetCaseRequest* request, v1::Case* response) override;
  Reactor* ListCases(Context* c, const v1::ListCasesRequest* request,
                     v1::ListCasesResponse* response) override;
  Reactor* AcceptCase(Context* c, const v1::AcceptCaseRequest* request, v1::Case* response) override;
  Reactor* RejectCase(Context* c, const v1::RejectCaseRequest* request, v1::Case* response) override;
  Reactor* AssignCase(Context* c, const v1::AssignCaseRequest* request, v1::Case* response) override;
  Reactor* ExtendCaseDeadline(Context* c, const v1::ExtendCaseDeadlineRequest* request,
                              v1::Case* response) override;
  Reactor* RecordApologyLetter(Context* c, const v1::RecordApologyLetterRequest* request,
                               v1::Case* response) override;
  Reactor* ResolveCase(Context* c, const v1::ResolveCaseRequest* request, v1::Case* response) override;
  Reactor* EscalateCase(Context* c, const v1::EscalateCaseRequest* request, v1::Case* response) override;
  Reactor* WithdrawCase(Context* c, const v1::WithdrawCaseRequest* request, v1::Case* response) override;
  Reactor* ReopenCase(Context* c, const v1::ReopenCaseRequest* request, v1::Case* response) override;
  Reactor* DraftApologyLetter(Context* c, const v1::DraftApologyLetterRequest* request,
                              v1::ApologyLetterDraft* response) override;
  Reactor* AddCaseNote(Context* c, const v1::AddCaseNoteRequest* request, v1::CaseEvent* response) override;
  Reactor* ListCaseEvents(Context* c, const v1::ListCaseEventsRequest* request,
                          v1::ListCaseEventsResponse* response) override;
  Reactor* FilePublicCase(Context* c, const v1::FilePublicCaseRequest* request,
                          v1::FilePublicCaseResponse* response) override;
  Reactor* TrackCase(Context* c, const v1::TrackCaseRequest* request, v1::PublicCaseView* response) override;
  Reactor* RateCase(Context* c, const v1::RateCaseRequest* request, v1::PublicCaseView* response) override;
  Reactor* ReopenPublicCase(Context* c, const v1::ReopenPublicCaseRequest* request,
                            v1::PublicCaseView* response) override;
  Reactor* ListEscalatedCases(Context* c, const v1::ListEscalatedCasesRequest* request,
                              v1::ListEscalatedCasesResponse* response) override;
  Reactor* GetDeadlinePolicySet(Context* c, const v1::GetDeadlinePolicySetRequest* request,
                                v1::DeadlinePolicySet* response) override;
  Reactor* ListDeadlinePolicySets(Context* c, const v1::ListDeadlinePolicySetsRequest* request,
                                  v1::DeadlinePolicySets* response) override;
  Reactor* ComputeDeadline(Context* c, const v1::ComputeDeadlineRequest* request,
                           v1::DeadlineAnswer* response) override;
  Reactor* GetHolidayCalendar(Context* c, const v1::GetHolidayCalendarRequest* request,
                              parhub::refdata::v1::HolidayCalendar* response) override;
  Reactor* CreateEnrolmentNotice(Context* c, const v1::CreateEnrolmentNoticeRequest* request,
                                 v1::EnrolmentNotice* response) override;
  Reactor* GetEnrolmentNotice(Context* c, const v1::GetEnrolmentNoticeRequest* request,
                              v1::EnrolmentNotice* response) override;
  Reactor* ListEnrolmentNotices(Context* c, const v1::ListEnrolmentNoticesRequest* request,
                                v1::ListEnrolmentNoticesResponse* response) override;
  Reactor* CloseEnrolmentNotice(Context* c, const v1::CloseEnrolmentNoticeRequest* request,
                                v1::EnrolmentNotice* response) override;
  Reactor* RegisterForEnrolment(Context* c, const v1::RegisterForEnrolmentRequest* request,
                                v1::FilePublicCaseResponse* response) override;
  Reactor* SummarizeComplaints(Context* c, const v1::SummarizeComplaintsRequest* request,
                               v1::ComplaintSummary* response) override;
  Reactor* BatchSummarizeComplaints(Context* c, const v1::BatchSummarizeComplaintsRequest* request,
                                    v1::BatchSummarizeComplaintsResponse* response) override;

 private:
  // A case as `caller` may see it.
  v1::Case View(const platform::Caller& caller, const Case& c) const;
  // A decision on one case by its school's admins: parse, check, ledger.
  Reactor* Decide(Context* c, absl::string_view method, const google::protobuf::Message* request,
                  const std::string& name, v1::Case* response,
                  std::function<absl::StatusOr<Case>(const std::string& school, const std::string& case_id,
                                                     const std::string& actor)>
                      apply);

  platform::Handlers& handlers_;
  CaseDesk& desk_;
  PublicDesk& public_desk_;
  EnrolmentDesk& enrolment_;
  ComplaintsSummarizer& summarizer_;
  const LoadedRules& refdata_;
};

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_RPC_COMPLAINTS_SERVICE_H_
