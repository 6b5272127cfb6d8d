// parhubctl: the command-line client of parhub for school offices and
// authorities. Vietnamese by default (--lang en for English), tables by
// default (--output json for scripts); exit codes in docs/CLI.md.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/app.h"
#include "cli/messages.h"

namespace {

// --lang and --output as given, read before parsing so that the parser's
// own messages and help are in the language and format asked for.
void PreScan(int argc, char** argv, parhub::cli::Output& out) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    std::string next = i + 1 < argc ? argv[i + 1] : "";
    if (arg == "--lang=en" || (arg == "--lang" && next == "en")) out.english = true;
    if (arg == "--output=json" || arg == "-ojson" || ((arg == "--output" || arg == "-o") && next == "json"))
      out.json = true;
  }
}

// The deepest subcommand chosen so far on the command line.
const CLI::App* ChosenCommand(const CLI::App& root) {
  const CLI::App* command = &root;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
  return command;
}

// "parhubctl tasks list".
std::string CommandPath(const CLI::App* command) {
  std::string path;
  for (const CLI::App* at = command; at != nullptr; at = at->get_parent()) {
    path = path.empty() ? at->get_name() : absl::StrCat(at->get_name(), " ", path);
  }
  return path;
}

// Help in the language asked for: the formatter's labels, the help flag and
// the group titles of options and subcommands.
void LocaliseHelp(CLI::App& command, const parhub::cli::Output& out) {
  for (CLI::Option* option : command.get_options()) {
    if (option->get_group() == "Options") option->group(out.T("Tuỳ chọn", "Options"));
  }
  for (CLI::App* sub : command.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_group() == "Subcommands") sub->group(out.T("Lệnh", "Subcommands"));
    LocaliseHelp(*sub, out);
  }
}

}  // namespace

int main(int argc, char** argv) {
  parhub::cli::App app;
  PreScan(argc, argv, app.out);
  CLI::App root{"parhubctl — quản lý kế hoạch cải cách hành chính (PAR) của trường học"};
  root.name("parhubctl");
  auto formatter = std::make_shared<CLI::Formatter>();
  if (!app.out.english) {
    for (const auto& [label, text] : parhub::cli::HelpLabelsVi()) formatter->label(label, text);
  }
  root.formatter(formatter);
  root.set_help_flag("-h,--help",
                     app.out.T("In hướng dẫn này rồi thoát", "Print this help message and exit"));
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
    const CLI::App* command = ChosenCommand(root);
    app.command = CommandPath(command);
    for (const CLI::Option* option : command->get_options()) {
      for (const std::string& name : option->get_lnames()) app.out.options.push_back("--" + name);
    }
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
  parhub::cli::AddNotificationCommands(root, app);
  LocaliseHelp(root, app.out);
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return root.exit(e);  // --help
    app.command = CommandPath(ChosenCommand(root));
    app.Usage(parhub::cli::ParseErrorText(e.get_name(), e.what(), app.out.english));
    return parhub::cli::kExitUsage;
  }
  return app.exit_code;
}
