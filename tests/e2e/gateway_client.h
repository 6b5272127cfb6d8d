// A caller of the gateway with one API key: a stub per forwarded service
// and contexts carrying the key and a deadline. Shared by the e2e suites.
#ifndef PARHUB_TESTS_E2E_GATEWAY_CLIENT_H_
#define PARHUB_TESTS_E2E_GATEWAY_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "parhub/common/v1/types.pb.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"

namespace parhub::e2e {

class GatewayClient {
 public:
  GatewayClient(const std::string& gateway_address, std::string key);
  // A context with the key and a deadline `timeout` from now.
  std::unique_ptr<grpc::ClientContext> Context(absl::Duration timeout = absl::Seconds(15)) const;

  std::unique_ptr<directory::v1::DirectoryService::Stub> directory;
  std::unique_ptr<tasks::v1::TaskService::Stub> tasks;
  std::unique_ptr<staffing::v1::StaffingService::Stub> staffing;
  std::unique_ptr<complaints::v1::ComplaintService::Stub> complaints;
  std::unique_ptr<finance::v1::FinanceService::Stub> finance;
  std::unique_ptr<reporting::v1::ReportingService::Stub> reporting;
  std::unique_ptr<gateway::v1::GatewayService::Stub> gateway;

 private:
  std::string key_;
  std::shared_ptr<grpc::Channel> channel_;
};

// A calendar day as the API's Date.
common::v1::Date ProtoDate(int year, int month, int day);

}  // namespace parhub::e2e

#endif  // PARHUB_TESTS_E2E_GATEWAY_CLIENT_H_
