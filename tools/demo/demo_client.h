// A small synchronous client of the gateway for the demo loader: every
// call carries the client's API key (none for the citizens' public API),
// and a failure stops the load with a message.
#ifndef PARHUB_TOOLS_DEMO_DEMO_CLIENT_H_
#define PARHUB_TOOLS_DEMO_DEMO_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "parhub/citizen/v1/citizen.grpc.pb.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"

namespace parhub::demo {

class DemoClient final {
 public:
  // An empty `api_key` calls without an account (the public API).
  DemoClient(std::shared_ptr<grpc::Channel> channel, std::string api_key);

  directory::v1::DirectoryService::Stub& directory() { return *directory_; }
  tasks::v1::TaskService::Stub& tasks() { return *tasks_; }
  staffing::v1::StaffingService::Stub& staffing() { return *staffing_; }
  complaints::v1::ComplaintService::Stub& complaints() { return *complaints_; }
  finance::v1::FinanceService::Stub& finance() { return *finance_; }
  gateway::v1::GatewayService::Stub& gateway() { return *gateway_; }
  reporting::v1::ReportingService::Stub& reporting() { return *reporting_; }
  citizen::v1::PublicService::Stub& citizen() { return *citizen_; }

  // Runs `call` with a fresh context; ALREADY_EXISTS counts as done (the
  // demo was loaded before). Other errors become the returned status.
  absl::Status Do(const std::string& what, const std::function<grpc::Status(grpc::ClientContext*)>& call);

  DemoClient As(const std::string& api_key) const { return DemoClient(channel_, api_key); }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::string api_key_;
  std::unique_ptr<directory::v1::DirectoryService::Stub> directory_;
  std::unique_ptr<tasks::v1::TaskService::Stub> tasks_;
  std::unique_ptr<staffing::v1::StaffingService::Stub> staffing_;
  std::unique_ptr<complaints::v1::ComplaintService::Stub> complaints_;
  std::unique_ptr<finance::v1::FinanceService::Stub> finance_;
  std::unique_ptr<gateway::v1::GatewayService::Stub> gateway_;
  std::unique_ptr<reporting::v1::ReportingService::Stub> reporting_;
  std::unique_ptr<citizen::v1::PublicService::Stub> citizen_;
};

}  // namespace parhub::demo

#endif  // PARHUB_TOOLS_DEMO_DEMO_CLIENT_H_
