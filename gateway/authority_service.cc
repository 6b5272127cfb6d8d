// AuthorityService handlers.
#include "gateway/authority_service.h"

#include "absl/strings/str_cat.h"
#include "gateway/gateway_service.h"

namespace parhub::gateway {

grpc::ServerUnaryReactor* AuthorityServiceImpl::ListEscalatedCases(
    grpc::CallbackServerContext* context, const authority::v1::ListEscalatedCasesRequest* request,
    complaints::v1::ListEscalatedCasesResponse* response) {
  absl::Time deadline = std::min(absl::FromChrono(context->deadline()), absl::Now() + deadline_);
  return ServeAuthenticated(
      authenticator_, executor_, context, true,
      [this, request, response, deadline](const Principal& p, const std::string& trace_id) {
        auto cases = rollup_.EscalatedCases(p, *request, trace_id, deadline);
        if (!cases.ok()) return cases.status();
        *response = *std::move(cases);
        return absl::OkStatus();
      });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::NotServedYet(grpc::CallbackServerContext* context,
                                                             const char* instead) {
  return ServeAuthenticated(
      authenticator_, executor_, context, false, [instead](const Principal&, const std::string&) {
        return absl::UnimplementedError(absl::StrCat("Chức năng này chưa được phục vụ; hãy dùng ", instead,
                                                     " (not served yet; use ", instead, ")"));
      });
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::GetStaffingRollup(
    grpc::CallbackServerContext* context, const authority::v1::GetStaffingRollupRequest*,
    authority::v1::StaffingRollup*) {
  return NotServedYet(context, "GatewayService.GetDownsizingOverview");
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::GetFinanceRollup(
    grpc::CallbackServerContext* context, const authority::v1::GetFinanceRollupRequest*,
    authority::v1::FinanceRollup*) {
  return NotServedYet(context, "FinanceService.SummarizeFinance");
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::GetComplaintsRollup(
    grpc::CallbackServerContext* context, const authority::v1::GetComplaintsRollupRequest*,
    authority::v1::ComplaintsRollup*) {
  return NotServedYet(context, "ComplaintService.SummarizeComplaints");
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::GetSipasRollup(grpc::CallbackServerContext* context,
                                                               const authority::v1::GetSipasRollupRequest*,
                                                               authority::v1::SipasRollup*) {
  return NotServedYet(context, "GatewayService.GetReportingOverview");
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::RankSchools(grpc::CallbackServerContext* context,
                                                            const authority::v1::RankSchoolsRequest*,
                                                            authority::v1::SchoolRanking*) {
  return NotServedYet(context, "GatewayService.GetReportingOverview");
}

grpc::ServerUnaryReactor* AuthorityServiceImpl::ListReportStatuses(
    grpc::CallbackServerContext* context, const authority::v1::ListReportStatusesRequest*,
    authority::v1::ReportStatusRollup*) {
  return NotServedYet(context, "GatewayService.GetReportingOverview");
}

}  // namespace parhub::gateway
