// The e2e suites' gateway caller.
#include "tests/e2e/gateway_client.h"

#include <chrono>

#include "absl/strings/str_cat.h"

namespace parhub::e2e {

GatewayClient::GatewayClient(const std::string& gateway_address, std::string key) : key_(std::move(key)) {
  // Reconnect within a second of the gateway coming back (gRPC's default
  // backoff grows to two minutes).
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
  channel_ = grpc::CreateCustomChannel(gateway_address, grpc::InsecureChannelCredentials(), args);
  directory = directory::v1::DirectoryService::NewStub(channel_);
  tasks = tasks::v1::TaskService::NewStub(channel_);
  staffing = staffing::v1::StaffingService::NewStub(channel_);
  complaints = complaints::v1::ComplaintService::NewStub(channel_);
  finance = finance::v1::FinanceService::NewStub(channel_);
  reporting = reporting::v1::ReportingService::NewStub(channel_);
  gateway = gateway::v1::GatewayService::NewStub(channel_);
}

std::unique_ptr<grpc::ClientContext> GatewayClient::Context(absl::Duration timeout) const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", absl::StrCat("Bearer ", key_));
  context->set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(timeout));
  return context;
}

common::v1::Date ProtoDate(int year, int month, int day) {
  common::v1::Date out;
  out.set_year(year);
  out.set_month(month);
  out.set_day(day);
  return out;
}

}  // namespace parhub::e2e
