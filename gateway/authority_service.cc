// AuthorityService handlers: thin adapters over AuthorityRollup and
// SchoolRollups.
#include "gateway/authority_service.h"

#include <algorithm>

#include "gateway/gateway_service.h"

namespace parhub::gateway {

template <typename Response, typename Rollup>
grpc::ServerUnaryReactor* AuthorityServiceImpl::Serve(grpc::CallbackServerContext* context,
                                                      Response* response, Rollup&& rollup) {
  absl::Time deadline = std::min(absl::FromChrono(context->deadline()), absl::Now() + deadline_);
  return ServeAuthenticated(authenticator_, executor_, context, true,
                            [response, deadline, rollup = std::forward<Rollup>(rollup)](
                                const Principal& p, const std::string& trace_id) {
                              auto result = rollup(p, trace_id, deadline);
                              if (!result.ok()) return result.status();
                              *response = *std::move(result);
                              return absl::OkStatus();
                            });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::ListEscalatedCases(
    grpc::CallbackServerContext* context, const authority::v1::ListEscalatedCasesRequest* request,
    complaints::v1::ListEscalatedCasesResponse* response) {
  return Serve(context, response,
               [this, request](const Principal& p, const std::string& trace, absl::Time d) {
                 return rollup_.EscalatedCases(p, *request, trace, d);
               });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::GetStaffingRollup(
    grpc::CallbackServerContext* context, const authority::v1::GetStaffingRollupRequest* request,
    authority::v1::StaffingRollup* response) {
  return Serve(context, response,
               [this, request](const Principal& p, const std::string& trace, absl::Time d) {
                 return school_rollups_.Staffing(p, *request, trace, d);
               });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::GetFinanceRollup(
    grpc::CallbackServerContext* context, const authority::v1::GetFinanceRollupRequest* request,
    authority::v1::FinanceRollup* response) {
  return Serve(context, response,
               [this, request](const Principal& p, const std::string& trace, absl::Time d) {
                 return school_rollups_.Finance(p, *request, trace, d);
               });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::GetComplaintsRollup(
    grpc::CallbackServerContext* context, const authority::v1::GetComplaintsRollupRequest* request,
    authority::v1::ComplaintsRollup* response) {
  return Serve(context, response,
               [this, request](const Principal& p, const std::string& trace, absl::Time d) {
                 return school_rollups_.Complaints(p, *request, trace, d);
               });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::GetSipasRollup(
    grpc::CallbackServerContext* context, const authority::v1::GetSipasRollupRequest* request,
    authority::v1::SipasRollup* response) {
  return Serve(context, response,
               [this, request](const Principal& p, const std::string& trace, absl::Time d) {
                 return school_rollups_.Sipas(p, *request, trace, d);
               });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::RankSchools(grpc::CallbackServerContext* context,
                                                            const authority::v1::RankSchoolsRequest* request,
                                                            authority::v1::SchoolRanking* response) {
  return Serve(context, response,
               [this, request](const Principal& p, const std::string& trace, absl::Time d) {
                 return school_rollups_.Rank(p, *request, trace, d);
               });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::ListReportStatuses(
    grpc::CallbackServerContext* context, const authority::v1::ListReportStatusesRequest* request,
    authority::v1::ReportStatusRollup* response) {
  return Serve(context, response,
               [this, request](const Principal& p, const std::string& trace, absl::Time d) {
                 return school_rollups_.ReportStatuses(p, *request, trace, d);
               });
}

}  // namespace parhub::gateway
