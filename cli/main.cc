// parhubctl: the command-line client of parhub for school offices and
// authorities. Vietnamese by default (--lang en for English), tables by
// default (--output json for scripts); exit codes in docs/CLI.md.
#include <CLI/CLI.hpp>

#include "cli/app.h"

int main(int argc, char** argv) {
  parhub::cli::App app;
  CLI::App root{"parhubctl — quản lý kế hoạch cải cách hành chính (PAR) của trường học"};
  root.require_subcommand(1);
  std::string output = "table", lang = "vi";
  root.add_option("--output,-o", output, "table | json")->check(CLI::IsMember({"table", "json"}));
  root.add_option("--lang", lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
  root.add_option("--gateway", app.gateway, "Địa chỉ cổng API host:port (mặc định từ cấu hình)");
  root.add_option("--timeout", app.timeout_s, "Giây chờ tối đa mỗi lệnh gọi");
  root.add_option("--request-id", app.request_id,
                  "Khoá chống ghi trùng do bạn chọn; chạy lại lệnh với cùng khoá không ghi hai lần "
                  "(idempotency key for a mutation)");
  root.parse_complete_callback([&] {
    app.out.json = output == "json";
    app.out.english = lang == "en";
  });
  parhub::cli::AddAccountCommands(root, app);
  parhub::cli::AddSchoolCommands(root, app);
  parhub::cli::AddPlanCommands(root, app);
  parhub::cli::AddTaskCommands(root, app);
  parhub::cli::AddDirectiveCommands(root, app);
  parhub::cli::AddOverviewCommand(root, app);
  parhub::cli::AddStaffCommands(root, app);
  parhub::cli::AddCaseCommands(root, app);
  parhub::cli::AddFinanceCommands(root, app);
  parhub::cli::AddParCommands(root, app);
  parhub::cli::AddSurveyCommands(root, app);
  parhub::cli::AddReportCommands(root, app);
  parhub::cli::AddReportCommand(root, app);
  parhub::cli::AddRollupCommands(root, app);
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = root.exit(e);
    return code == 0 ? 0 : parhub::cli::kExitUsage;
  }
  return app.exit_code;
}
