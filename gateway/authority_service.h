// parhub.authority.v1.AuthorityService, served by the gateway itself (like
// GatewayService: authenticated, then run on the roll-up executor).
//
// Served: ListEscalatedCases (the directory's schools under the authority,
// then one complaints call). Not served yet, answering UNIMPLEMENTED with
// what to use instead: the staffing, finance, complaints and SIPAS
// roll-ups (each needs its service to answer a batch of schools in one
// call, as tasks and reporting do), RankSchools and ListReportStatuses
// (GatewayService.GetReportingOverview ranks the schools and lists their
// report statuses today).
#ifndef PARHUB_GATEWAY_AUTHORITY_SERVICE_H_
#define PARHUB_GATEWAY_AUTHORITY_SERVICE_H_

#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "gateway/authority_rollup.h"
#include "parhub/authority/v1/authority.grpc.pb.h"
#include "platform/rpc/executor.h"

namespace parhub::gateway {

class AuthorityServiceImpl final : public authority::v1::AuthorityService::CallbackService {
 public:
  AuthorityServiceImpl(Authenticator& authenticator, AuthorityRollup& rollup, platform::Executor& executor,
                       absl::Duration deadline)
      : authenticator_(authenticator), rollup_(rollup), executor_(executor), deadline_(deadline) {}

  grpc::ServerUnaryReactor* ListEscalatedCases(grpc::CallbackServerContext* context,
                                               const authority::v1::ListEscalatedCasesRequest* request,
                                               complaints::v1::ListEscalatedCasesResponse* response) override;
  grpc::ServerUnaryReactor* GetStaffingRollup(grpc::CallbackServerContext* context,
                                              const authority::v1::GetStaffingRollupRequest* request,
                                              authority::v1::StaffingRollup* response) override;
  grpc::ServerUnaryReactor* GetFinanceRollup(grpc::CallbackServerContext* context,
                                             const authority::v1::GetFinanceRollupRequest* request,
                                             authority::v1::FinanceRollup* response) override;
  grpc::ServerUnaryReactor* GetComplaintsRollup(grpc::CallbackServerContext* context,
                                                const authority::v1::GetComplaintsRollupRequest* request,
                                                authority::v1::ComplaintsRollup* response) override;
  grpc::ServerUnaryReactor* GetSipasRollup(grpc::CallbackServerContext* context,
                                           const authority::v1::GetSipasRollupRequest* request,
                                           authority::v1::SipasRollup* response) override;
  grpc::ServerUnaryReactor* RankSchools(grpc::CallbackServerContext* context,
                                        const authority::v1::RankSchoolsRequest* request,
                                        authority::v1::SchoolRanking* response) override;
  grpc::ServerUnaryReactor* ListReportStatuses(grpc::CallbackServerContext* context,
                                               const authority::v1::ListReportStatusesRequest* request,
                                               authority::v1::ReportStatusRollup* response) override;

 private:
  // UNIMPLEMENTED after authentication, naming what to use instead.
  grpc::ServerUnaryReactor* NotServedYet(grpc::CallbackServerContext* context, const char* instead);

  Authenticator& authenticator_;
  AuthorityRollup& rollup_;
  platform::Executor& executor_;
  absl::Duration deadline_;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_AUTHORITY_SERVICE_H_
