// parhub.authority.v1.AuthorityService, served by the gateway itself (like
// GatewayService: authenticated, then run on the roll-up executor).
//
// Every method is served: ListEscalatedCases (the directory's schools
// under the authority, then one complaints call) by AuthorityRollup, the
// per-school roll-ups, RankSchools and ListReportStatuses by SchoolRollups.
#ifndef PARHUB_GATEWAY_AUTHORITY_SERVICE_H_
#define PARHUB_GATEWAY_AUTHORITY_SERVICE_H_

#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "gateway/authority_rollup.h"
#include "gateway/school_rollups.h"
#include "parhub/authority/v1/authority.grpc.pb.h"
#include "platform/rpc/executor.h"

namespace parhub::gateway {

class AuthorityServiceImpl final : public authority::v1::AuthorityService::CallbackService {
 public:
  AuthorityServiceImpl(Authenticator& authenticator, AuthorityRollup& rollup, SchoolRollups& school_rollups,
                       platform::Executor& executor, absl::Duration deadline)
      : authenticator_(authenticator),
        rollup_(rollup),
        school_rollups_(school_rollups),
        executor_(executor),
        deadline_(deadline) {}

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
  // Authenticates, then runs `rollup` on the roll-up executor with the
  // call's deadline capped at the configured one.
  template <typename Response, typename Rollup>
  grpc::ServerUnaryReactor* Serve(grpc::CallbackServerContext* context, Response* response, Rollup&& rollup);

  Authenticator& authenticator_;
  AuthorityRollup& rollup_;
  SchoolRollups& school_rollups_;
  platform::Executor& executor_;
  absl::Duration deadline_;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_AUTHORITY_SERVICE_H_
