// Display names, looked up once per run.
#include "cli/names.h"

#include "absl/strings/str_cat.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"

namespace parhub::cli {
namespace {

std::string LastSegment(const std::string& name) { return name.substr(name.rfind('/') + 1); }

}  // namespace

template <typename Lookup>
std::string Names::Cached(const std::string& name, Lookup lookup) {
  if (name.empty()) return "";
  auto found = cache_.find(name);
  if (found != cache_.end()) return found->second;
  std::string display;
  auto context = session_.NewContext();
  if (!lookup(context.get(), &display) || display.empty()) display = LastSegment(name);
  cache_[name] = display;
  return display;
}

std::string Names::Account(const std::string& name) {
  return Cached(name, [&](grpc::ClientContext* context, std::string* display) {
    directory::v1::GetAccountRequest request;
    request.set_name(name);
    directory::v1::Account account;
    if (!directory::v1::DirectoryService::NewStub(session_.channel())
             ->GetAccount(context, request, &account)
             .ok())
      return false;
    *display = account.display_name();
    return true;
  });
}

std::string Names::Authority(const std::string& name) {
  return Cached(name, [&](grpc::ClientContext* context, std::string* display) {
    directory::v1::GetAuthorityRequest request;
    request.set_name(name);
    directory::v1::Authority authority;
    if (!directory::v1::DirectoryService::NewStub(session_.channel())
             ->GetAuthority(context, request, &authority)
             .ok())
      return false;
    *display = authority.display_name();
    return true;
  });
}

std::string Names::School(const std::string& name) {
  return Cached(name, [&](grpc::ClientContext* context, std::string* display) {
    directory::v1::GetSchoolRequest request;
    request.set_name(name);
    directory::v1::School school;
    if (!directory::v1::DirectoryService::NewStub(session_.channel())
             ->GetSchool(context, request, &school)
             .ok())
      return false;
    *display = school.display_name();
    return true;
  });
}

std::string Names::ParField(const std::string& code) {
  if (code.empty()) return "";
  std::string key = absl::StrCat("parFields/", code);
  if (!par_fields_loaded_) {
    par_fields_loaded_ = true;
    reporting::v1::ListParFrameworksRequest request;
    request.set_page_size(1);  // newest first; the field codes are the same every year
    reporting::v1::ListParFrameworksResponse response;
    auto context = session_.NewContext();
    if (reporting::v1::ReportingService::NewStub(session_.channel())
            ->ListParFrameworks(context.get(), request, &response)
            .ok()) {
      for (const auto& framework : response.par_frameworks()) {
        for (const auto& field : framework.fields()) {
          const std::string& title =
              session_.out().english && !field.title_en().empty() ? field.title_en() : field.title();
          cache_.emplace(absl::StrCat("parFields/", field.code()), title);
        }
      }
    }
  }
  auto found = cache_.find(key);
  return found == cache_.end() ? code : found->second;
}

}  // namespace parhub::cli
