// Authority-wide work the gateway does itself: the overview of every school
// under an authority as of a day (directory lists the schools under it on
// that day and today, then one BatchSummarizeTasks call per page of 500
// schools, the pages in parallel; a page that fails marks its schools with
// the error instead of failing the whole overview), and
// publishing a directive to every school under an authority, the
// downsizing overview (directory lists the schools, then one grouped
// SummarizeDownsizingProgress call to staffing for all of them), and the
// reporting overview (directory lists the schools, then one
// BatchGetScorecards and one BatchGetReportStatuses call to reporting per
// page of at most 5,000 schools, never one call per school).
#ifndef PARHUB_GATEWAY_AUTHORITY_ROLLUP_H_
#define PARHUB_GATEWAY_AUTHORITY_ROLLUP_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "gateway/backends.h"
#include "gateway/school_scope.h"
#include "parhub/authority/v1/authority.pb.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/gateway/v1/gateway.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/date.h"
#include "platform/rpc/identity.h"

namespace parhub::gateway {

class AuthorityRollup final {
 public:
  AuthorityRollup(const Backends& backends, const platform::IdentityKey& key);

  // Blocks the calling (executor) thread; the per-school legs are async.
  absl::StatusOr<v1::AuthorityOverview> Overview(const Principal& principal,
                                                 const v1::GetAuthorityOverviewRequest& request,
                                                 const std::string& trace_id, absl::Time deadline);
  absl::StatusOr<v1::DownsizingOverview> Downsizing(const Principal& principal,
                                                    const v1::GetDownsizingOverviewRequest& request,
                                                    const std::string& trace_id, absl::Time deadline);
  // Fails as a whole (the backend's error, reworded as for forwarded calls)
  // when reporting does not answer for every school: no partial zeros.
  absl::StatusOr<v1::ReportingOverview> Reporting(const Principal& principal,
                                                  const v1::GetReportingOverviewRequest& request,
                                                  const std::string& trace_id, absl::Time deadline);
  // Second-round complaints the schools under the authority escalated to
  // it: directory lists the schools, then one ComplaintService call
  // with their ids, as a service identity; complaints pages the cases.
  absl::StatusOr<complaints::v1::ListEscalatedCasesResponse> EscalatedCases(
      const Principal& principal, const authority::v1::ListEscalatedCasesRequest& request,
      const std::string& trace_id, absl::Time deadline);
  absl::StatusOr<tasks::v1::Directive> Publish(const Principal& principal,
                                               const v1::PublishDirectiveRequest& request,
                                               const std::string& trace_id, absl::Time deadline);

 private:
  SchoolScope scope_;
  const Backend& tasks_backend_;
  const Backend& staffing_backend_;
  const Backend& reporting_backend_;
  const Backend& complaints_backend_;
  std::unique_ptr<tasks::v1::TaskService::Stub> tasks_;
  std::unique_ptr<staffing::v1::StaffingService::Stub> staffing_;
  std::unique_ptr<reporting::v1::ReportingService::Stub> reporting_;
  std::unique_ptr<complaints::v1::ComplaintService::Stub> complaints_;
  const platform::IdentityKey& key_;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_AUTHORITY_ROLLUP_H_
