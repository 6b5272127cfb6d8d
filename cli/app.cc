// Resource naming, dates and labels for parhubctl.
#include "cli/app.h"

#include <google/protobuf/struct.pb.h>

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

void App::Fail(int code_for_exit, const std::string& code, const std::string& headline,
               const std::string& message) {
  Failure failure;
  failure.code = code;
  failure.exit_code = code_for_exit;
  failure.headline = headline;
  failure.message = message;
  out.Fail(failure);
  exit_code = code_for_exit;
}

void App::Usage(const std::string& message) {
  Failure failure;
  failure.code = "USAGE";
  failure.exit_code = kExitUsage;
  failure.headline = out.T("Sai cú pháp lệnh", "Bad command line");
  failure.message = message;
  if (!command.empty()) failure.hints.push_back(absl::StrCat(out.T("Xem: ", "See: "), command, " --help"));
  out.Fail(failure);
  exit_code = kExitUsage;
}

void App::NotLoggedIn() {
  Failure failure;
  failure.code = "UNAUTHENTICATED";
  failure.exit_code = kExitAuth;
  failure.headline = out.T("Chưa đăng nhập", "Not logged in");
  failure.message = out.T("chưa có khoá API (chạy parhubctl login hoặc đặt PARHUB_API_KEY)",
                          "no API key (run parhubctl login or set PARHUB_API_KEY)");
  failure.hints.push_back(out.T("Đăng nhập bằng: parhubctl login --key-file <tệp chứa khoá API>",
                                "Log in with: parhubctl login --key-file <file holding the API key>"));
  out.Fail(failure);
  exit_code = kExitAuth;
}

Profile App::OwnScope() const {
  Profile profile = LoadProfile();
  if (!profile.school.empty() || !profile.authority.empty() || profile.api_key.empty()) return profile;
  Session session = NewSession();
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
  Profile profile = OwnScope();
  if (!profile.school.empty()) return profile.school;
  if (profile.api_key.empty()) {
    NotLoggedIn();
    return std::nullopt;
  }
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
  Fail(kExitNotFound, "NOT_FOUND", out.T("Không tìm thấy", "Not found"),
       absl::StrCat(out.T("không có nhiệm vụ ", "no task "), task_flag, out.T(" trong ", " in "), plan_name));
  return std::nullopt;
}

std::optional<std::string> App::AuthorityName(const std::string& authority_flag) {
  if (!authority_flag.empty()) {
    return absl::StartsWith(authority_flag, "authorities/") ? authority_flag
                                                            : absl::StrCat("authorities/", authority_flag);
  }
  Profile profile = OwnScope();
  if (!profile.authority.empty()) return profile.authority;
  if (profile.api_key.empty()) {
    NotLoggedIn();
  } else if (!profile.school.empty()) {
    Fail(kExitAuth, "PERMISSION_DENIED", out.T("Không có quyền", "Permission denied"),
         out.T("lệnh này dành cho cán bộ cơ quan quản lý; tài khoản của bạn thuộc một trường",
               "this command is for authority officers; your account belongs to a school"));
  } else {
    Usage(out.T("cần --authority", "--authority is required"));
  }
  return std::nullopt;
}

std::optional<SchoolPeriod> SchoolPeriodFlags(App& app, const std::string& school_flag,
                                              const std::string& from, const std::string& to) {
  auto start = ParseDateFlag(app, "--from", from);
  if (!start) return std::nullopt;
  auto end = ParseDateFlag(app, "--to", to);
  if (!end) return std::nullopt;
  auto school = app.SchoolName(school_flag);
  if (!school) return std::nullopt;
  return SchoolPeriod{*std::move(school), *start, *end};
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

int YearOr(int year) { return year != 0 ? year : platform::LocalDate(absl::Now()).year; }

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

void AddExportOption(CLI::App* command, App& app) {
  command
      ->add_option("--export", app.export_path,
                   "Ghi danh sách ra tệp .csv (UTF-8, mở bằng Excel) hoặc .xlsx, lấy hết mọi trang "
                   "(write the list to FILE.csv or FILE.xlsx)")
      ->check(CLI::Validator(
          [](std::string& path) -> std::string {
            if (absl::EndsWithIgnoreCase(path, ".csv") || absl::EndsWithIgnoreCase(path, ".xlsx")) return "";
            return path + ": tên tệp phải kết thúc bằng .csv hoặc .xlsx (FILE.csv or FILE.xlsx)";
          },
          "FILE.csv|FILE.xlsx"));
}

bool Export(App& app, const std::string& sheet, const std::vector<std::string>& header,
            const std::vector<std::vector<std::string>>& rows, const std::vector<size_t>& number_columns) {
  const std::string& path = app.export_path;
  if (path.empty()) return false;
  std::string error;
  bool ok = absl::EndsWithIgnoreCase(path, ".xlsx")
                ? WriteXlsx(path, sheet, header, rows, number_columns, &error)
                : WriteCsv(path, header, rows, &error);
  if (!ok) {
    app.Fail(kExitFailure, "LOCAL", app.out.T("Không ghi được tệp", "Cannot write the file"), error);
    return true;
  }
  if (app.out.json) {
    google::protobuf::Struct exported;
    auto& fields = *(*exported.mutable_fields())["exported"].mutable_struct_value()->mutable_fields();
    fields["path"].set_string_value(path);
    fields["rows"].set_number_value(static_cast<double>(rows.size()));
    app.out.Json(exported);
  } else {
    app.out.Line(
        absl::StrCat(app.out.T("Đã ghi ", "Wrote "), rows.size(), app.out.T(" dòng → ", " rows → "), path));
  }
  return true;
}

void PrintList(App& app, const std::string& sheet, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows, const std::vector<size_t>& number_columns) {
  if (!Export(app, sheet, header, rows, number_columns)) app.out.Table(header, rows);
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
