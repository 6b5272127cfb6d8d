// The SummarySource of the running service: the school's names from the
// directory, and SummarizeTasks,
// SummarizeStaffing, SummarizeFinance and SummarizeComplaints asked in
// parallel over mutual TLS, each signed with the reporting service's own
// identity (role SERVICE, scoped to the one school) — automated
// inter-service reporting, no person in the loop. It is also the
// notification sweep's source (grpc_notification_source.cc): schools and
// accounts from the directory, tasks, open cases and holiday calendars.
#ifndef PARHUB_SERVICES_REPORTING_RPC_GRPC_SOURCES_H_
#define PARHUB_SERVICES_REPORTING_RPC_GRPC_SOURCES_H_

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/rpc/identity.h"
#include "services/reporting/domain/notification.h"
#include "services/reporting/domain/source_pulls.h"

namespace parhub::reporting {

class GrpcSources final : public SummarySource, public NotificationSource {
 public:
  // `addresses`: "directory=host:port,tasks=…,staffing=…,finance=…,
  // complaints=…"; a source not listed uses its default local port
  // (50051…50055).
  static absl::StatusOr<std::unique_ptr<GrpcSources>> Connect(
      absl::string_view addresses, const std::shared_ptr<grpc::ChannelCredentials>& credentials,
      const platform::IdentityKey& key);

  absl::StatusOr<SchoolNames> Names(const std::string& school_id, absl::Time deadline) override;
  absl::StatusOr<std::vector<PlanTask>> PlanTasks(const std::string& school_id, int year,
                                                  absl::Time deadline) override;
  FetchResults Fetch(const std::string& school_id, platform::Date start, platform::Date end,
                     const std::set<std::string>& sources, absl::Time deadline) override;

  // NotificationSource (grpc_notification_source.cc).
  absl::StatusOr<std::vector<std::string>> TopAuthorities(absl::Time deadline) override;
  absl::StatusOr<std::vector<SweptSchool>> SchoolsOf(const std::string& authority_id, platform::Date day,
                                                     absl::Time deadline) override;
  absl::StatusOr<std::vector<OpenCase>> OpenCases(const std::string& school_id, absl::Time deadline) override;
  absl::StatusOr<platform::HolidayYear> HolidayYear(int year, absl::Time deadline) override;
  absl::StatusOr<std::vector<Recipient>> Accounts(const std::string& parent, absl::Time deadline) override;

 private:
  explicit GrpcSources(const platform::IdentityKey& key) : key_(key) {}

  const platform::IdentityKey& key_;
  std::unique_ptr<tasks::v1::TaskService::Stub> tasks_;
  std::unique_ptr<staffing::v1::StaffingService::Stub> staffing_;
  std::unique_ptr<finance::v1::FinanceService::Stub> finance_;
  std::unique_ptr<complaints::v1::ComplaintService::Stub> complaints_;
  std::unique_ptr<directory::v1::DirectoryService::Stub> directory_;
};

}  // namespace parhub::reporting

#endif  // PARHUB_SERVICES_REPORTING_RPC_GRPC_SOURCES_H_
