// parhub.gateway.v1.GatewayService: the methods the gateway answers itself.
// Callback API: authentication is asynchronous and multi-step work runs on
// the work queue, so no gRPC thread ever blocks.
#ifndef PARHUB_GATEWAY_GATEWAY_SERVICE_H_
#define PARHUB_GATEWAY_GATEWAY_SERVICE_H_

#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "gateway/authority_rollup.h"
#include "gateway/work_queue.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"

namespace parhub::gateway {

class GatewayServiceImpl final : public v1::GatewayService::CallbackService {
 public:
  GatewayServiceImpl(Authenticator& authenticator, AuthorityRollup& rollup, WorkQueue& work,
                     absl::Duration overview_deadline)
      : authenticator_(authenticator), rollup_(rollup), work_(work), overview_deadline_(overview_deadline) {}

  grpc::ServerUnaryReactor* WhoAmI(grpc::CallbackServerContext* context, const v1::WhoAmIRequest* request,
                                   v1::WhoAmIResponse* response) override;
  grpc::ServerUnaryReactor* GetAuthorityOverview(grpc::CallbackServerContext* context,
                                                 const v1::GetAuthorityOverviewRequest* request,
                                                 v1::AuthorityOverview* response) override;
  grpc::ServerUnaryReactor* PublishDirective(grpc::CallbackServerContext* context,
                                             const v1::PublishDirectiveRequest* request,
                                             tasks::v1::Directive* response) override;

 private:
  // Authenticates, then runs `work(principal, request_id)` (on the work queue
  // when `offload`) and finishes the reactor with its status.
  grpc::ServerUnaryReactor* Handle(
      grpc::CallbackServerContext* context, bool offload,
      std::function<absl::Status(const Principal&, const std::string& request_id)> work);

  Authenticator& authenticator_;
  AuthorityRollup& rollup_;
  WorkQueue& work_;
  absl::Duration overview_deadline_;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_GATEWAY_SERVICE_H_
