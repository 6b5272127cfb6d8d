// StaffingServiceImpl: the gRPC face of the staffing service on the platform
// skeleton's one handler style (platform/rpc/handlers.h): reads are
// Handlers::Read, mutations Handlers::Mutate whose authorize step parses
// names and checks access (domain/access.h) before the idempotency ledger.
// No rules live here.
#ifndef PARHUB_SERVICES_STAFFING_RPC_STAFFING_SERVICE_H_
#define PARHUB_SERVICES_STAFFING_RPC_STAFFING_SERVICE_H_

#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "platform/rpc/handlers.h"
#include "services/staffing/domain/downsizing_desk.h"
#include "services/staffing/domain/inspection_book.h"
#include "services/staffing/domain/rating_book.h"
#include "services/staffing/domain/roster.h"
#include "services/staffing/domain/staff_voice.h"
#include "services/staffing/domain/staffing_summarizer.h"

namespace parhub::staffing {

class StaffingServiceImpl final : public v1::StaffingService::CallbackService {
 public:
  StaffingServiceImpl(platform::Handlers& handlers, Roster& roster, RatingBook& ratings, DownsizingDesk& desk,
                      InspectionBook& inspections, StaffVoice& voice, StaffingSummarizer& summarizer)
      : handlers_(handlers),
        roster_(roster),
        ratings_(ratings),
        desk_(desk),
        inspections_(inspections),
        voice_(voice),
        summarizer_(summarizer) {}

  using Reactor = grpc::ServerUnaryReactor;
  using Context = grpc::CallbackServerContext;

  Reactor* CreateStaff(Context* c, const v1::CreateStaffRequest* request, v1::Staff* response) override;
  Reactor* GetStaff(Context* c, const v1::GetStaffRequest* request, v1::Staff* response) override;
  Reactor* ListStaff(Context* c, const v1::ListStaffRequest* request,
                     v1::ListStaffResponse* response) override;
  Reactor* UpdateStaff(Context* c, const v1::UpdateStaffRequest* request, v1::Staff* response) override;
  Reactor* ImportStaffRoster(Context* c, const v1::ImportStaffRosterRequest* request,
                             v1::ImportStaffRosterResponse* response) override;

  Reactor* ImportCityEmailUsage(Context* c, const v1::ImportCityEmailUsageRequest* request,
                                v1::ImportCityEmailUsageResponse* response) override;

  Reactor* CreateStaffingQuota(Context* c, const v1::CreateStaffingQuotaRequest* request,
                               v1::StaffingQuota* response) override;
  Reactor* GetStaffingQuota(Context* c, const v1::GetStaffingQuotaRequest* request,
                            v1::StaffingQuota* response) override;
  Reactor* ListStaffingQuotas(Context* c, const v1::ListStaffingQuotasRequest* request,
                              v1::ListStaffingQuotasResponse* response) override;
  Reactor* UpdateStaffingQuota(Context* c, const v1::UpdateStaffingQuotaRequest* request,
                               v1::StaffingQuota* response) override;

  Reactor* CreateRating(Context* c, const v1::CreateRatingRequest* request, v1::Rating* response) override;
  Reactor* UpdateRating(Context* c, const v1::UpdateRatingRequest* request, v1::Rating* response) override;
  Reactor* ListRatings(Context* c, const v1::ListRatingsRequest* request,
                       v1::ListRatingsResponse* response) override;

  Reactor* ListDownsizingCandidates(Context* c, const v1::ListDownsizingCandidatesRequest* request,
                                    v1::ListDownsizingCandidatesResponse* response) override;
  Reactor* CreateDownsizingRecord(Context* c, const v1::CreateDownsizingRecordRequest* request,
                                  v1::DownsizingRecord* response) override;
  Reactor* GetDownsizingRecord(Context* c, const v1::GetDownsizingRecordRequest* request,
                               v1::DownsizingRecord* response) override;
  Reactor* ListDownsizingRecords(Context* c, const v1::ListDownsizingRecordsRequest* request,
                                 v1::ListDownsizingRecordsResponse* response) override;
  Reactor* UpdateDownsizingRecord(Context* c, const v1::UpdateDownsizingRecordRequest* request,
                                  v1::DownsizingRecord* response) override;
  Reactor* SubmitDownsizingRecord(Context* c, const v1::SubmitDownsizingRecordRequest* request,
                                  v1::DownsizingRecord* response) override;
  Reactor* ApproveDownsizingRecord(Context* c, const v1::ApproveDownsizingRecordRequest* request,
                                   v1::DownsizingRecord* response) override;
  Reactor* RejectDownsizingRecord(Context* c, const v1::RejectDownsizingRecordRequest* request,
                                  v1::DownsizingRecord* response) override;
  Reactor* MarkDownsizingEffective(Context* c, const v1::MarkDownsizingEffectiveRequest* request,
                                   v1::DownsizingRecord* response) override;
  Reactor* WithdrawDownsizingRecord(Context* c, const v1::WithdrawDownsizingRecordRequest* request,
                                    v1::DownsizingRecord* response) override;

  Reactor* GetDownsizingCatalog(Context* c, const v1::GetDownsizingCatalogRequest* request,
                                v1::DownsizingCatalog* response) override;
  Reactor* GetDownsizingTarget(Context* c, const v1::GetDownsizingTargetRequest* request,
                               v1::DownsizingTarget* response) override;
  Reactor* UpdateDownsizingTarget(Context* c, const v1::UpdateDownsizingTargetRequest* request,
                                  v1::DownsizingTarget* response) override;
  Reactor* GetDownsizingProgress(Context* c, const v1::GetDownsizingProgressRequest* request,
                                 v1::DownsizingProgress* response) override;

  Reactor* SummarizeDownsizingProgress(Context* c, const v1::SummarizeDownsizingProgressRequest* request,
                                       v1::DownsizingProgressRollup* response) override;

  Reactor* CreateDisciplineInspection(Context* c, const v1::CreateDisciplineInspectionRequest* request,
                                      v1::DisciplineInspection* response) override;
  Reactor* GetDisciplineInspection(Context* c, const v1::GetDisciplineInspectionRequest* request,
                                   v1::DisciplineInspection* response) override;
  Reactor* ListDisciplineInspections(Context* c, const v1::ListDisciplineInspectionsRequest* request,
                                     v1::ListDisciplineInspectionsResponse* response) override;
  Reactor* UpdateDisciplineInspection(Context* c, const v1::UpdateDisciplineInspectionRequest* request,
                                      v1::DisciplineInspection* response) override;

  Reactor* SummarizeStaffing(Context* c, const v1::SummarizeStaffingRequest* request,
                             v1::StaffingSummary* response) override;
  Reactor* BatchSummarizeStaffing(Context* c, const v1::BatchSummarizeStaffingRequest* request,
                                  v1::BatchSummarizeStaffingResponse* response) override;

  Reactor* CreateStaffSuggestion(Context* c, const v1::CreateStaffSuggestionRequest* request,
                                 v1::StaffSuggestion* response) override;
  Reactor* ListStaffSuggestions(Context* c, const v1::ListStaffSuggestionsRequest* request,
                                v1::ListStaffSuggestionsResponse* response) override;
  Reactor* AnswerStaffSuggestion(Context* c, const v1::AnswerStaffSuggestionRequest* request,
                                 v1::StaffSuggestion* response) override;
  Reactor* GetInspectionBoard(Context* c, const v1::GetInspectionBoardRequest* request,
                              v1::InspectionBoard* response) override;
  Reactor* UpdateInspectionBoard(Context* c, const v1::UpdateInspectionBoardRequest* request,
                                 v1::InspectionBoard* response) override;
  Reactor* CreateBoardMeeting(Context* c, const v1::CreateBoardMeetingRequest* request,
                              v1::BoardMeeting* response) override;
  Reactor* ListBoardMeetings(Context* c, const v1::ListBoardMeetingsRequest* request,
                             v1::ListBoardMeetingsResponse* response) override;
  Reactor* UpdateBoardMeeting(Context* c, const v1::UpdateBoardMeetingRequest* request,
                              v1::BoardMeeting* response) override;

  // The catalog proto served by GetDownsizingCatalog (the data file as read).
  void SetCatalogProto(v1::DownsizingCatalog catalog) { catalog_proto_ = std::move(catalog); }

 private:
  // A record's state move, shared by Submit/Approve/Reject/MarkEffective/Withdraw.
  Reactor* AdvanceRecord(Context* c, const char* method, const google::protobuf::Message* request,
                         const std::string& name, const absl::StatusOr<RecordStep>& step,
                         bool authority_decides, v1::DownsizingRecord* response);

  platform::Handlers& handlers_;
  Roster& roster_;
  RatingBook& ratings_;
  DownsizingDesk& desk_;
  InspectionBook& inspections_;
  StaffVoice& voice_;
  StaffingSummarizer& summarizer_;
  v1::DownsizingCatalog catalog_proto_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_RPC_STAFFING_SERVICE_H_
