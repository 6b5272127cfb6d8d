// Display names, looked up once per run.
#include "cli/names.h"

#include "absl/strings/str_cat.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"

namespace parhub::cli {
namespace {

std::string LastSegment(const std::string& name) { return name.substr(name.rfind('/') + 1); }

// The display_name of the directory resource `name` read with `get`
// (GetAccount, GetAuthority, GetSchool), once per run; its id when the read
// is refused or fails.
template <typename Request, typename Response>
std::string FromDirectory(Session& session, std::map<std::string, std::string>& cache,
                          const std::string& name,
                          grpc::Status (directory::v1::DirectoryService::Stub::*get)(grpc::ClientContext*,
                                                                                     const Request&,
                                                                                     Response*)) {
  if (name.empty()) return "";
  auto found = cache.find(name);
  if (found != cache.end()) return found->second;
  Request request;
  request.set_name(name);
  Response response;
  auto context = session.NewContext();
  auto stub = directory::v1::DirectoryService::NewStub(session.channel());
  std::string display = ((*stub).*get)(context.get(), request, &response).ok() ? response.display_name() : "";
  if (display.empty()) display = LastSegment(name);
  cache[name] = display;
  return display;
}

}  // namespace

std::string Names::Account(const std::string& name) {
  return FromDirectory(session_, cache_, name, &directory::v1::DirectoryService::Stub::GetAccount);
}

std::string Names::Authority(const std::string& name) {
  return FromDirectory(session_, cache_, name, &directory::v1::DirectoryService::Stub::GetAuthority);
}

std::string Names::School(const std::string& name) {
  return FromDirectory(session_, cache_, name, &directory::v1::DirectoryService::Stub::GetSchool);
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
