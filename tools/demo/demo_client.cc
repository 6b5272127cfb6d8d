// Demo loader's gateway client.
#include "tools/demo/demo_client.h"

#include "absl/strings/str_cat.h"

namespace parhub::demo {

DemoClient::DemoClient(std::shared_ptr<grpc::Channel> channel, std::string api_key)
    : channel_(std::move(channel)),
      api_key_(std::move(api_key)),
      directory_(directory::v1::DirectoryService::NewStub(channel_)),
      tasks_(tasks::v1::TaskService::NewStub(channel_)),
      staffing_(staffing::v1::StaffingService::NewStub(channel_)),
      complaints_(complaints::v1::ComplaintService::NewStub(channel_)),
      finance_(finance::v1::FinanceService::NewStub(channel_)),
      gateway_(gateway::v1::GatewayService::NewStub(channel_)),
      reporting_(reporting::v1::ReportingService::NewStub(channel_)),
      citizen_(citizen::v1::PublicService::NewStub(channel_)) {}

absl::Status DemoClient::Do(const std::string& what,
                            const std::function<grpc::Status(grpc::ClientContext*)>& call) {
  grpc::ClientContext context;
  if (!api_key_.empty()) context.AddMetadata("authorization", absl::StrCat("Bearer ", api_key_));
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  grpc::Status status = call(&context);
  if (status.ok() || status.error_code() == grpc::StatusCode::ALREADY_EXISTS) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

}  // namespace parhub::demo
