// AuthorityService's per-school roll-ups, served by the gateway: staffing,
// finance, complaints and SIPAS figures, the ranking of schools and their
// report statuses, one row per school under the authority on the scope's
// as_of day (default today).
//
// Each asks the owning service once per page of 1,000 schools, every page
// in flight at once (FanOutPages), as the gateway's service identity for
// the schools it has just resolved in the officer's scope. A page that
// fails marks its schools with the error (SchoolRef.error/error_code,
// counted in RollupInfo.failed_schools); totals cover the schools that
// answered. A request the service refuses as malformed (INVALID_ARGUMENT,
// NOT_FOUND: an unknown target plan, report family or period) fails as a
// whole. Rows are paged (RollupPages): the first page computes the whole
// roll-up and pins it for 5 minutes.
#ifndef PARHUB_GATEWAY_SCHOOL_ROLLUPS_H_
#define PARHUB_GATEWAY_SCHOOL_ROLLUPS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gateway/authenticator.h"
#include "gateway/backends.h"
#include "gateway/rollup_pages.h"
#include "gateway/school_scope.h"
#include "parhub/authority/v1/authority.pb.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "platform/core/date.h"
#include "platform/rpc/identity.h"

namespace parhub::gateway {

class SchoolRollups final {
 public:
  SchoolRollups(const Backends& backends, const platform::IdentityKey& key, RollupPages& pages);

  // Each blocks the calling (executor) thread; the pages are async.
  absl::StatusOr<authority::v1::StaffingRollup> Staffing(
      const Principal& principal, const authority::v1::GetStaffingRollupRequest& request,
      const std::string& trace_id, absl::Time deadline);
  absl::StatusOr<authority::v1::FinanceRollup> Finance(const Principal& principal,
                                                       const authority::v1::GetFinanceRollupRequest& request,
                                                       const std::string& trace_id, absl::Time deadline);
  absl::StatusOr<authority::v1::ComplaintsRollup> Complaints(
      const Principal& principal, const authority::v1::GetComplaintsRollupRequest& request,
      const std::string& trace_id, absl::Time deadline);
  absl::StatusOr<authority::v1::SipasRollup> Sipas(const Principal& principal,
                                                   const authority::v1::GetSipasRollupRequest& request,
                                                   const std::string& trace_id, absl::Time deadline);
  // Rank 1 is the highest value whatever the order asked; ties share a
  // rank; schools without the value (no forecast, not appraised, no SIPAS
  // response) come after the ranked ones with rank 0, failed schools last.
  absl::StatusOr<authority::v1::SchoolRanking> Rank(const Principal& principal,
                                                    const authority::v1::RankSchoolsRequest& request,
                                                    const std::string& trace_id, absl::Time deadline);
  absl::StatusOr<authority::v1::ReportStatusRollup> ReportStatuses(
      const Principal& principal, const authority::v1::ListReportStatusesRequest& request,
      const std::string& trace_id, absl::Time deadline);

 private:
  struct Scope {
    std::string authority_id;
    platform::Date as_of, start, end;
    std::vector<directory::v1::School> schools;
    platform::Caller gateway;  // the gateway itself, for the batch calls
  };
  absl::StatusOr<Scope> Resolve(const Principal& principal, const authority::v1::RollupScope& scope,
                                const std::string& trace_id, absl::Time deadline);
  // The page the request asks for: computed by `compute` on the first
  // page, else from the pinned result.
  template <typename Rollup, typename Request, typename Compute>
  absl::StatusOr<Rollup> Paged(const Principal& principal, const Request& request, Compute&& compute);

  SchoolScope scope_;
  RollupPages& pages_;
  const Backend& staffing_backend_;
  const Backend& finance_backend_;
  const Backend& complaints_backend_;
  const Backend& reporting_backend_;
  std::unique_ptr<staffing::v1::StaffingService::Stub> staffing_;
  std::unique_ptr<finance::v1::FinanceService::Stub> finance_;
  std::unique_ptr<complaints::v1::ComplaintService::Stub> complaints_;
  std::unique_ptr<reporting::v1::ReportingService::Stub> reporting_;
  const platform::IdentityKey& key_;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_SCHOOL_ROLLUPS_H_
