// Profile file, gateway channel, and error reporting.
#include "cli/session.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "cli/messages.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/identity.h"

namespace parhub::cli {

std::string ConfigPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return absl::StrCat(xdg, "/parhub/config");
  const char* home = std::getenv("HOME");
  return absl::StrCat(home ? home : ".", "/.config/parhub/config");
}

Profile LoadProfile() {
  Profile profile;
  std::ifstream in(ConfigPath());
  std::string line;
  while (std::getline(in, line)) {
    std::pair<std::string, std::string> kv = absl::StrSplit(line, absl::MaxSplits('=', 1));
    if (kv.first == "gateway") profile.gateway = kv.second;
    if (kv.first == "api_key") profile.api_key = kv.second;
    if (kv.first == "school") profile.school = kv.second;
    if (kv.first == "authority") profile.authority = kv.second;
  }
  if (const char* g = std::getenv("PARHUB_GATEWAY"); g && *g) profile.gateway = g;
  if (const char* k = std::getenv("PARHUB_API_KEY"); k && *k) profile.api_key = k;
  return profile;
}

bool SaveProfile(const Profile& profile, std::string* error) {
  std::filesystem::path path(ConfigPath());
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  {
    std::ofstream out(path, std::ios::trunc);
    if (!out) {
      *error = absl::StrCat("cannot write ", path.string());
      return false;
    }
    ::chmod(path.c_str(), 0600);
    out << "gateway=" << profile.gateway << "\napi_key=" << profile.api_key << "\nschool=" << profile.school
        << "\nauthority=" << profile.authority << "\n";
  }
  return true;
}

Session::Session(Profile profile, Output& out, int timeout_s)
    : profile_(std::move(profile)), out_(out), timeout_s_(timeout_s) {
  // Retries on UNAVAILABLE resend the same bytes, so the same request_id:
  // a mutation cut off by a network blip is not applied twice.
  channel_ = platform::MakeChannel(profile_.gateway, grpc::InsecureChannelCredentials());
}

std::unique_ptr<grpc::ClientContext> Session::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!profile_.api_key.empty())
    context->AddMetadata("authorization", absl::StrCat("Bearer ", profile_.api_key));
  context->AddMetadata(platform::kTraceIdHeader, absl::StrCat("cli-", platform::RandomHex(8)));
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(timeout_s_));
  return context;
}

int Session::Fail(const grpc::Status& status) const {
  absl::Status detail = platform::FromGrpcStatus(status);
  Failure failure;
  failure.code = absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()));
  failure.exit_code = kExitFailure;
  switch (status.error_code()) {
    case grpc::StatusCode::UNAUTHENTICATED:
      failure.headline = out_.T("Chưa xác thực", "Not authenticated");
      failure.exit_code = kExitAuth;
      failure.hints.push_back(out_.T("Đăng nhập bằng: parhubctl login --key-file <tệp chứa khoá API>",
                                     "Log in with: parhubctl login --key-file <file holding the API key>"));
      break;
    case grpc::StatusCode::PERMISSION_DENIED:
      failure.headline = out_.T("Không có quyền", "Permission denied");
      failure.exit_code = kExitAuth;
      break;
    case grpc::StatusCode::NOT_FOUND:
      failure.headline = out_.T("Không tìm thấy", "Not found");
      failure.exit_code = kExitNotFound;
      break;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::OUT_OF_RANGE:
      failure.headline = out_.T("Dữ liệu không hợp lệ", "Invalid input");
      failure.exit_code = kExitRejected;
      break;
    case grpc::StatusCode::FAILED_PRECONDITION:
      failure.headline =
          out_.T("Không thực hiện được ở trạng thái hiện tại", "Not allowed in the current state");
      failure.exit_code = kExitRejected;
      break;
    case grpc::StatusCode::ALREADY_EXISTS:
      failure.headline = out_.T("Đã tồn tại", "Already exists");
      failure.exit_code = kExitRejected;
      break;
    case grpc::StatusCode::UNAVAILABLE:
      failure.headline =
          out_.T("Dịch vụ tạm thời không truy cập được; hãy thử lại", "Service unavailable; try again");
      failure.exit_code = kExitUnavailable;
      failure.hints.push_back(absl::StrCat(out_.T("Cổng API: ", "Gateway: "), profile_.gateway));
      break;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      failure.headline = out_.T("Quá thời gian chờ; hãy thử lại", "Timed out; try again");
      failure.exit_code = kExitUnavailable;
      break;
    case grpc::StatusCode::ABORTED:
      failure.headline = out_.T("Xung đột khi ghi đồng thời; hãy thử lại", "Concurrent change; try again");
      failure.exit_code = kExitUnavailable;
      break;
    default:
      failure.headline = out_.T("Lỗi", "Error");
  }
  failure.message = PickLanguage(status.error_message(), out_.english);
  for (const auto& v : platform::FieldViolations(detail)) {
    failure.fields.push_back(
        {OptionForField(v.field, out_.options), v.field, PickLanguage(v.description, out_.english)});
  }
  out_.Fail(failure);
  return failure.exit_code;
}

}  // namespace parhub::cli
