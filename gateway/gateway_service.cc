// GatewayService handlers.
#include "gateway/gateway_service.h"

#include "absl/strings/str_cat.h"
#include "gateway/proxy.h"
#include "platform/core/log.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/identity.h"

namespace parhub::gateway {

grpc::ServerUnaryReactor* ServeAuthenticated(
    Authenticator& authenticator, platform::Executor& executor, grpc::CallbackServerContext* context,
    bool offload, std::function<absl::Status(const Principal&, const std::string& trace_id)> work) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  std::string trace_id = AssignTraceId(*context);
  context->AddInitialMetadata(platform::kTraceIdHeader, trace_id);
  auto it = context->client_metadata().find("authorization");
  std::string authorization =
      it == context->client_metadata().end() ? "" : std::string(it->second.data(), it->second.size());
  authenticator.Resolve(
      authorization, trace_id, context,
      [&executor, reactor, context, offload, trace_id,
       work = std::move(work)](absl::StatusOr<std::shared_ptr<const Principal>> principal) {
        if (!principal.ok()) {
          reactor->Finish(platform::ToGrpcStatus(principal.status()));
          return;
        }
        auto run = [reactor, trace_id, work, p = *principal] {
          platform::ScopedTraceId trace(trace_id);
          reactor->Finish(platform::ToGrpcStatus(work(*p, trace_id)));
        };
        if (!offload) {
          run();
          return;
        }
        platform::Executor::Work queued;
        queued.run = std::move(run);
        queued.drop = [reactor](absl::Status why) { reactor->Finish(platform::ToGrpcStatus(why)); };
        queued.deadline = absl::FromChrono(context->deadline());
        queued.cancelled = [context] { return context->IsCancelled(); };
        if (!executor.Submit(std::move(queued))) {
          reactor->Finish(platform::ToGrpcStatus(absl::ResourceExhaustedError(
              "Cổng API đang quá tải, hãy thử lại sau giây lát (gateway busy; retry shortly)")));
        }
      });
  return reactor;
}

grpc::ServerUnaryReactor* GatewayServiceImpl::Handle(
    grpc::CallbackServerContext* context, bool offload,
    std::function<absl::Status(const Principal&, const std::string& trace_id)> work) {
  return ServeAuthenticated(authenticator_, executor_, context, offload, std::move(work));
}

grpc::ServerUnaryReactor* GatewayServiceImpl::WhoAmI(grpc::CallbackServerContext* context,
                                                     const v1::WhoAmIRequest*, v1::WhoAmIResponse* response) {
  return Handle(context, false, [response](const Principal& p, const std::string&) {
    response->set_account(p.account);
    response->set_display_name(p.display_name);
    response->set_role(platform::RoleToProto(p.role));
    if (!p.school_id.empty()) response->set_school(absl::StrCat("schools/", p.school_id));
    if (!p.authority_id.empty()) response->set_authority(absl::StrCat("authorities/", p.authority_id));
    response->set_school_count(static_cast<int>(p.school_ids.size()));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* GatewayServiceImpl::GetAuthorityOverview(
    grpc::CallbackServerContext* context, const v1::GetAuthorityOverviewRequest* request,
    v1::AuthorityOverview* response) {
  absl::Time deadline = std::min(absl::FromChrono(context->deadline()), absl::Now() + overview_deadline_);
  return Handle(context, true,
                [this, request, response, deadline](const Principal& p, const std::string& rid) {
                  auto overview = rollup_.Overview(p, *request, rid, deadline);
                  if (!overview.ok()) return overview.status();
                  *response = *std::move(overview);
                  return absl::OkStatus();
                });
}

grpc::ServerUnaryReactor* GatewayServiceImpl::PublishDirective(grpc::CallbackServerContext* context,
                                                               const v1::PublishDirectiveRequest* request,
                                                               tasks::v1::Directive* response) {
  absl::Time deadline = std::min(absl::FromChrono(context->deadline()), absl::Now() + overview_deadline_);
  return Handle(context, true,
                [this, request, response, deadline](const Principal& p, const std::string& rid) {
                  auto directive = rollup_.Publish(p, *request, rid, deadline);
                  if (!directive.ok()) return directive.status();
                  *response = *std::move(directive);
                  return absl::OkStatus();
                });
}

grpc::ServerUnaryReactor* GatewayServiceImpl::GetDownsizingOverview(
    grpc::CallbackServerContext* context, const v1::GetDownsizingOverviewRequest* request,
    v1::DownsizingOverview* response) {
  absl::Time deadline = std::min(absl::FromChrono(context->deadline()), absl::Now() + overview_deadline_);
  return Handle(context, true,
                [this, request, response, deadline](const Principal& p, const std::string& rid) {
                  auto overview = rollup_.Downsizing(p, *request, rid, deadline);
                  if (!overview.ok()) return overview.status();
                  *response = *std::move(overview);
                  return absl::OkStatus();
                });
}

grpc::ServerUnaryReactor* GatewayServiceImpl::GetReportingOverview(
    grpc::CallbackServerContext* context, const v1::GetReportingOverviewRequest* request,
    v1::ReportingOverview* response) {
  absl::Time deadline = std::min(absl::FromChrono(context->deadline()), absl::Now() + overview_deadline_);
  return Handle(context, true,
                [this, request, response, deadline](const Principal& p, const std::string& rid) {
                  auto overview = rollup_.Reporting(p, *request, rid, deadline);
                  if (!overview.ok()) return overview.status();
                  *response = *std::move(overview);
                  return absl::OkStatus();
                });
}

}  // namespace parhub::gateway
