// GrpcSources as the notification sweep's source (see grpc_sources.h and
// domain/notification.h): each call signed with the reporting service's
// own identity, scoped to the school when it reads one.
#include "absl/strings/str_cat.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/holiday_calendar.h"
#include "platform/rpc/proto_values.h"
#include "services/reporting/export/report_format.h"
#include "services/reporting/rpc/grpc_sources.h"

namespace parhub::reporting {
namespace {

constexpr char kSelf[] = "services/reporting";

platform::Caller Self(const std::string& school_id = "") {
  return platform::Caller{kSelf, platform::Role::kService, school_id, "", platform::RandomHex(8)};
}

// One unary call with a deadline and the signed identity.
template <typename Stub, typename Request, typename Response>
absl::Status Ask(Stub& stub, grpc::Status (Stub::*call)(grpc::ClientContext*, const Request&, Response*),
                 const char* method, const Request& request, Response* response,
                 const platform::IdentityKey& key, const platform::Caller& self, absl::Time deadline) {
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  platform::AttachIdentity(context, key, self, method);
  return platform::FromGrpcStatus((stub.*call)(&context, request, response));
}

std::string AfterSlash(const std::string& name) { return name.substr(name.rfind('/') + 1); }

}  // namespace

absl::StatusOr<std::vector<std::string>> GrpcSources::TopAuthorities(absl::Time deadline) {
  std::vector<std::string> out;
  directory::v1::ListAuthoritiesRequest request;
  request.set_page_size(500);
  do {
    directory::v1::ListAuthoritiesResponse page;
    RETURN_IF_ERROR(Ask(*directory_, &directory::v1::DirectoryService::Stub::ListAuthorities,
                        "/parhub.directory.v1.DirectoryService/ListAuthorities", request, &page, key_, Self(),
                        deadline));
    for (const auto& a : page.authorities()) {
      if (a.parent().empty()) out.push_back(AfterSlash(a.name()));
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return out;
}

absl::StatusOr<std::vector<SweptSchool>> GrpcSources::SchoolsOf(const std::string& authority_id,
                                                                platform::Date day, absl::Time deadline) {
  std::vector<SweptSchool> out;
  directory::v1::ListSchoolsRequest request;
  request.set_parent(absl::StrCat("authorities/", authority_id));
  *request.mutable_as_of() = platform::DateToProto(day);
  request.set_page_size(1000);
  do {
    directory::v1::ListSchoolsResponse page;
    RETURN_IF_ERROR(Ask(*directory_, &directory::v1::DirectoryService::Stub::ListSchools,
                        "/parhub.directory.v1.DirectoryService/ListSchools", request, &page, key_, Self(),
                        deadline));
    for (const auto& s : page.schools()) {
      out.push_back(SweptSchool{AfterSlash(s.name()), s.display_name(), AfterSlash(s.authority())});
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return out;
}

absl::StatusOr<std::vector<OpenCase>> GrpcSources::OpenCases(const std::string& school_id,
                                                             absl::Time deadline) {
  std::vector<OpenCase> out;
  complaints::v1::ListCasesRequest request;
  request.set_parent(absl::StrCat("schools/", school_id));
  for (auto state : {complaints::v1::CASE_STATE_RECEIVED, complaints::v1::CASE_STATE_ACCEPTED,
                     complaints::v1::CASE_STATE_IN_PROGRESS}) {
    request.add_states(state);
  }
  request.set_page_size(200);
  do {
    complaints::v1::ListCasesResponse page;
    RETURN_IF_ERROR(Ask(*complaints_, &complaints::v1::ComplaintService::Stub::ListCases,
                        "/parhub.complaints.v1.ComplaintService/ListCases", request, &page, key_,
                        Self(school_id), deadline));
    for (const auto& c : page.cases()) {
      OpenCase open{c.name(),
                    absl::StrCat(c.tracking_code(), " (", report_export::CaseTypeLabel(c.case_type()), ")"),
                    {}};
      if (auto due = platform::DateFromProto(c.current_due_date(), "current_due_date"); due.ok()) {
        open.due_date = *due;
      }
      out.push_back(std::move(open));
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return out;
}

absl::StatusOr<platform::HolidayYear> GrpcSources::HolidayYear(int year, absl::Time deadline) {
  complaints::v1::GetHolidayCalendarRequest request;
  request.set_year(year);
  refdata::v1::HolidayCalendar calendar;
  RETURN_IF_ERROR(Ask(*complaints_, &complaints::v1::ComplaintService::Stub::GetHolidayCalendar,
                      "/parhub.complaints.v1.ComplaintService/GetHolidayCalendar", request, &calendar, key_,
                      Self(), deadline));
  return platform::HolidayYearFromProto(calendar);
}

absl::StatusOr<std::vector<Recipient>> GrpcSources::Accounts(const std::string& parent, absl::Time deadline) {
  std::vector<Recipient> out;
  directory::v1::ListAccountsRequest request;
  request.set_parent(parent);
  request.set_page_size(500);
  do {
    directory::v1::ListAccountsResponse page;
    RETURN_IF_ERROR(Ask(*directory_, &directory::v1::DirectoryService::Stub::ListAccounts,
                        "/parhub.directory.v1.DirectoryService/ListAccounts", request, &page, key_, Self(),
                        deadline));
    for (const auto& a : page.accounts()) {
      out.push_back(Recipient{AfterSlash(a.name()), a.display_name(), a.email(),
                              static_cast<platform::Role>(a.role()), AfterSlash(a.school()),
                              AfterSlash(a.authority())});
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return out;
}

}  // namespace parhub::reporting
