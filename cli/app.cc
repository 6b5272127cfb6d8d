// Resource naming, dates and labels for parhubctl.
#include "cli/app.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/date.h"

namespace parhub::cli {

Session App::NewSession() const {
  Profile profile = LoadProfile();
  if (!gateway.empty()) profile.gateway = gateway;
  return Session(profile, const_cast<Output&>(out), timeout_s);
}

void App::Usage(const std::string& message) {
  out.Error(absl::StrCat(out.T("Lỗi cú pháp: ", "Usage error: "), message));
  exit_code = kExitUsage;
}

// The caller's own school and authority: from the profile saved at login,
// else asked of the gateway (a key given only through PARHUB_API_KEY).
static Profile OwnScope(const App& app) {
  Profile profile = LoadProfile();
  if (!profile.school.empty() || !profile.authority.empty() || profile.api_key.empty()) return profile;
  Session session = app.NewSession();
  auto context = session.NewContext();
  gateway::v1::WhoAmIResponse me;
  if (gateway::v1::GatewayService::NewStub(session.channel())->WhoAmI(context.get(), {}, &me).ok()) {
    profile.school = me.school();
    profile.authority = me.authority();
  }
  return profile;
}

std::optional<std::string> App::SchoolName(const std::string& school_flag) {
  if (!school_flag.empty()) {
    return absl::StartsWith(school_flag, "schools/") ? school_flag : absl::StrCat("schools/", school_flag);
  }
  Profile profile = OwnScope(*this);
  if (!profile.school.empty()) return profile.school;
  Usage(
      out.T("cần --school (tài khoản này không thuộc trường nào)", "--school is required for this account"));
  return std::nullopt;
}

std::optional<std::string> App::PlanName(const std::string& school_flag, const std::string& plan_flag) {
  if (plan_flag.empty()) {
    Usage(out.T("cần --plan", "--plan is required"));
    return std::nullopt;
  }
  if (absl::StartsWith(plan_flag, "schools/")) return plan_flag;
  auto school = SchoolName(school_flag);
  if (!school) return std::nullopt;
  return absl::StrCat(*school, "/plans/", plan_flag);
}

std::optional<std::string> App::TaskName(Session& session, const std::string& plan_name,
                                         const std::string& task_flag) {
  if (task_flag.empty()) {
    Usage(out.T("cần --task", "--task is required"));
    return std::nullopt;
  }
  if (absl::StartsWith(task_flag, "schools/")) return task_flag;
  auto stub = tasks::v1::TaskService::NewStub(session.channel());
  tasks::v1::ListTasksRequest request;
  request.set_parent(plan_name);
  request.set_page_size(200);
  do {
    auto context = session.NewContext();
    tasks::v1::ListTasksResponse page;
    grpc::Status status = stub->ListTasks(context.get(), request, &page);
    if (!status.ok()) {
      exit_code = session.Fail(status);
      return std::nullopt;
    }
    for (const auto& task : page.tasks()) {
      if (task.code() == task_flag || IdOf(task.name()) == task_flag) return task.name();
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  out.Error(absl::StrCat(out.T("Lỗi: không có nhiệm vụ ", "Error: no task "), task_flag,
                         out.T(" trong ", " in "), plan_name));
  exit_code = kExitNotFound;
  return std::nullopt;
}

std::optional<std::string> App::AuthorityName(const std::string& authority_flag) {
  if (!authority_flag.empty()) {
    return absl::StartsWith(authority_flag, "authorities/") ? authority_flag
                                                            : absl::StrCat("authorities/", authority_flag);
  }
  Profile profile = OwnScope(*this);
  if (!profile.authority.empty()) return profile.authority;
  Usage(out.T("cần --authority", "--authority is required"));
  return std::nullopt;
}

std::optional<common::v1::Date> ParseDateFlag(App& app, const std::string& flag, const std::string& text) {
  auto date = platform::ParseDate(text, flag);
  if (!date.ok()) {
    app.Usage(absl::StrCat(flag, ": '", text,
                           app.out.T("' không phải ngày (YYYY-MM-DD hoặc DD/MM/YYYY)",
                                     "' is not a date (YYYY-MM-DD or DD/MM/YYYY)")));
    return std::nullopt;
  }
  common::v1::Date out;
  out.set_year(date->year);
  out.set_month(date->month);
  out.set_day(date->day);
  return out;
}

std::string FormatDate(const common::v1::Date& date) {
  if (date.year() == 0) return "";
  return platform::Date{date.year(), date.month(), date.day()}.ToVietnamese();
}

std::string FormatTime(const google::protobuf::Timestamp& time) {
  if (time.seconds() == 0) return "";
  return absl::FormatTime("%d/%m/%Y %H:%M", absl::FromUnixSeconds(time.seconds()),
                          absl::FixedTimeZone(7 * 3600));
}

std::string YesNo(const Output& out, bool yes) { return yes ? out.T("Có", "Yes") : out.T("Không", "No"); }

std::string TaskStatusLabel(const Output& out, tasks::v1::TaskStatus status) {
  switch (status) {
    case tasks::v1::TASK_STATUS_NOT_STARTED:
      return out.T("Chưa bắt đầu", "Not started");
    case tasks::v1::TASK_STATUS_IN_PROGRESS:
      return out.T("Đang thực hiện", "In progress");
    case tasks::v1::TASK_STATUS_DONE:
      return out.T("Hoàn thành", "Done");
    case tasks::v1::TASK_STATUS_CANCELLED:
      return out.T("Đã huỷ", "Cancelled");
    default:
      return "?";
  }
}

std::optional<tasks::v1::TaskStatus> ParseTaskStatus(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "not-started" || t == "not_started" || t == "chua-bat-dau")
    return tasks::v1::TASK_STATUS_NOT_STARTED;
  if (t == "in-progress" || t == "in_progress" || t == "dang-thuc-hien")
    return tasks::v1::TASK_STATUS_IN_PROGRESS;
  if (t == "done" || t == "hoan-thanh") return tasks::v1::TASK_STATUS_DONE;
  if (t == "cancelled" || t == "da-huy") return tasks::v1::TASK_STATUS_CANCELLED;
  return std::nullopt;
}

std::string RoleLabel(const Output& out, common::v1::Role role) {
  switch (role) {
    case common::v1::ROLE_AUTHORITY_OFFICER:
      return out.T("Cán bộ cơ quan quản lý", "Authority officer");
    case common::v1::ROLE_SCHOOL_ADMIN:
      return out.T("Quản trị trường", "School admin");
    case common::v1::ROLE_SCHOOL_STAFF:
      return out.T("Cán bộ, giáo viên, nhân viên", "School staff");
    case common::v1::ROLE_SERVICE:
      return out.T("Dịch vụ", "Service");
    default:
      return "?";
  }
}

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

bool Export(App& app, const std::string& sheet, const std::vector<std::string>& header,
            const std::vector<std::vector<std::string>>& rows, const std::string& csv_path,
            const std::string& xlsx_path, const std::vector<size_t>& number_columns) {
  if (csv_path.empty() && xlsx_path.empty()) return false;
  auto done = [&](bool ok, const std::string& path) {
    if (!ok) {
      app.exit_code = kExitFailure;
      return;
    }
    app.out.Line(absl::StrCat(app.out.T("Đã ghi ", "Wrote "), rows.size(), " → ", path));
  };
  if (!csv_path.empty()) done(WriteCsv(csv_path, header, rows), csv_path);
  if (!xlsx_path.empty()) done(WriteXlsx(xlsx_path, sheet, header, rows, number_columns), xlsx_path);
  return true;
}

std::optional<std::string> ReadFileFlag(App& app, const std::string& path) {
  std::stringstream bytes;
  if (path == "-") {
    bytes << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      app.Usage(absl::StrCat(app.out.T("không đọc được tệp ", "cannot read "), path));
      return std::nullopt;
    }
    bytes << in.rdbuf();
  }
  return bytes.str();
}

}  // namespace parhub::cli
