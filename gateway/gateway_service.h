// parhub.gateway.v1.GatewayService: the methods the gateway answers itself.
// Callback API: authentication is asynchronous and multi-step work runs on
// the gateway's bounded executor (platform/rpc/executor.h), so no gRPC
// thread ever blocks; a full queue answers RESOURCE_EXHAUSTED.
#ifndef PARHUB_GATEWAY_GATEWAY_SERVICE_H_
#define PARHUB_GATEWAY_GATEWAY_SERVICE_H_

#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "gateway/authority_rollup.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "platform/rpc/executor.h"

namespace parhub::gateway {

// How every method the gateway answers itself runs: assigns the trace id,
// authenticates the API key, then runs `work(principal, trace_id)` (on
// `executor` when `offload`) and finishes the reactor with its status.
grpc::ServerUnaryReactor* ServeAuthenticated(
    Authenticator& authenticator, platform::Executor& executor, grpc::CallbackServerContext* context,
    bool offload, std::function<absl::Status(const Principal&, const std::string& trace_id)> work);

class GatewayServiceImpl final : public v1::GatewayService::CallbackService {
 public:
  GatewayServiceImpl(Authenticator& authenticator, AuthorityRollup& rollup, platform::Executor& executor,
                     absl::Duration overview_deadline)
      : authenticator_(authenticator),
        rollup_(rollup),
        executor_(executor),
        overview_deadline_(overview_deadline) {}

  grpc::ServerUnaryReactor* WhoAmI(grpc::CallbackServerContext* context, const v1::WhoAmIRequest* request,
                                   v1::WhoAmIResponse* response) override;
  grpc::ServerUnaryReactor* GetAuthorityOverview(grpc::CallbackServerContext* context,
                                                 const v1::GetAuthorityOverviewRequest* request,
                                                 v1::AuthorityOverview* response) override;
  grpc::ServerUnaryReactor* PublishDirective(grpc::CallbackServerContext* context,
                                             const v1::PublishDirectiveRequest* request,
                                             tasks::v1::Directive* response) override;
  grpc::ServerUnaryReactor* GetDownsizingOverview(grpc::CallbackServerContext* context,
                                                  const v1::GetDownsizingOverviewRequest* request,
                                                  v1::DownsizingOverview* response) override;
  grpc::ServerUnaryReactor* GetReportingOverview(grpc::CallbackServerContext* context,
                                                 const v1::GetReportingOverviewRequest* request,
                                                 v1::ReportingOverview* response) override;

 private:
  grpc::ServerUnaryReactor* Handle(
      grpc::CallbackServerContext* context, bool offload,
      std::function<absl::Status(const Principal&, const std::string& trace_id)> work);

  Authenticator& authenticator_;
  AuthorityRollup& rollup_;
  platform::Executor& executor_;
  absl::Duration overview_deadline_;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_GATEWAY_SERVICE_H_
