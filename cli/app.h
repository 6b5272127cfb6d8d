// Shared state of one parhubctl run and helpers every command uses to name
// resources the way people type them ("--plan par-2024 --task 1.5").
#ifndef PARHUB_CLI_APP_H_
#define PARHUB_CLI_APP_H_

#include <google/protobuf/timestamp.pb.h>

#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/output.h"
#include "cli/session.h"
#include "parhub/common/v1/types.pb.h"
#include "parhub/tasks/v1/tasks.pb.h"

namespace parhub::cli {

struct App final {
  Output out;
  std::string gateway;  // --gateway override
  int timeout_s = 15;
  std::string request_id;   // --request-id: the caller's own idempotency key
  std::string export_path;  // --export FILE.csv|FILE.xlsx of a list command
  std::string command;      // "parhubctl tasks list": the command being run
  int exit_code = kExitOk;

  Session NewSession() const;
  // "schools/<id>" from --school, or the logged-in school account's own.
  // Without --school: "not logged in" (exit 3) when there is no API key, a
  // usage error (exit 2) for an account of no school.
  std::optional<std::string> SchoolName(const std::string& school_flag);
  // "schools/<s>/plans/<p>" from --plan (an id or a full name).
  std::optional<std::string> PlanName(const std::string& school_flag, const std::string& plan_flag);
  // The task name for --task given as a code ("1.5"), an id, or a full name.
  std::optional<std::string> TaskName(Session& session, const std::string& plan_name,
                                      const std::string& task_flag);
  // "authorities/<id>" from --authority, or the officer's own. Without
  // --authority: "not logged in" (exit 3) when there is no API key, and
  // "permission denied" (exit 3) for a school account — these commands are
  // the authority's.
  std::optional<std::string> AuthorityName(const std::string& authority_flag);
  // The caller's own school and authority: from the profile saved at login,
  // else asked of the gateway (a key given only through PARHUB_API_KEY).
  Profile OwnScope() const;

  // The idempotency key of a mutation: --request-id when given (a script
  // re-running a command after a timeout passes the same one), else `fallback`.
  std::string RequestId(const std::string& fallback) const {
    return request_id.empty() ? fallback : request_id;
  }

  // Usage error: prints and sets exit code 2.
  void Usage(const std::string& message);
  // Any other failure found before or without a call: prints it (JSON with
  // --output json) and sets `exit_code`. `code` is a gRPC code name
  // ("NOT_FOUND", "PERMISSION_DENIED") or "LOCAL" for a local file.
  void Fail(int exit_code, const std::string& code, const std::string& headline, const std::string& message);
  // "not logged in": exit 3 with how to log in.
  void NotLoggedIn();
};

// Runs one call with a fresh context (API key, request id, deadline). On
// failure prints a clear message, sets the exit code and returns false.
template <typename CallFn>
bool Call(App& app, Session& session, CallFn&& call) {
  auto context = session.NewContext();
  grpc::Status status = call(context.get());
  if (status.ok()) return true;
  app.exit_code = session.Fail(status);
  return false;
}

// Parses "2024-06-10" or "10/06/2024"; sets a usage error naming `flag` on failure.
std::optional<common::v1::Date> ParseDateFlag(App& app, const std::string& flag, const std::string& text);
// A period command's --school, --from and --to: the dates, then the school
// (default: the caller's), stopping at the first that fails so exactly one
// error is reported (and --output json stays one document).
struct SchoolPeriod {
  std::string school;  // "schools/{school}"
  common::v1::Date start, end;
};
std::optional<SchoolPeriod> SchoolPeriodFlags(App& app, const std::string& school_flag,
                                              const std::string& from, const std::string& to);
// An optional date flag: nothing happens when `text` is empty (the request's
// field stays unset), else `set(date)`; false after a usage error.
template <typename Set>
bool OptionalDateFlag(App& app, const std::string& flag, const std::string& text, Set&& set) {
  if (text.empty()) return true;
  auto date = ParseDateFlag(app, flag, text);
  if (!date) return false;
  set(*date);
  return true;
}
// "10/06/2024" ("" for unset).
std::string FormatDate(const common::v1::Date& date);
// --year, or this year in Vietnam.
int YearOr(int year);
// "10/06/2024 08:30" in Vietnam time ("" for unset).
std::string FormatTime(const google::protobuf::Timestamp& time);
// "Có" / "Không" ("Yes" / "No").
std::string YesNo(const Output& out, bool yes);
std::string TaskStatusLabel(const Output& out, tasks::v1::TaskStatus status);
std::optional<tasks::v1::TaskStatus> ParseTaskStatus(const std::string& text);
std::string RoleLabel(const Output& out, common::v1::Role role);
// Last segment of a resource name.
std::string IdOf(const std::string& name);
// The bytes of a file, or of standard input for "-"; nullopt after a usage
// error.
std::optional<std::string> ReadFileFlag(App& app, const std::string& path);

// Adds `--export FILE.csv|FILE.xlsx` to a list command (stored in
// App::export_path; any other extension is a usage error).
void AddExportOption(CLI::App* command, App& app);
// Writes the rows to the --export file when given (`number_columns`: see
// WriteXlsx) and says so; true when it did (the table is then not printed).
// A file that cannot be written sets exit code 1.
bool Export(App& app, const std::string& sheet, const std::vector<std::string>& header,
            const std::vector<std::vector<std::string>>& rows,
            const std::vector<size_t>& number_columns = {});
// The rows of a list command: written to the --export file when given,
// else printed as a table.
void PrintList(App& app, const std::string& sheet, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows,
               const std::vector<size_t>& number_columns = {});

// Command groups.
void AddAccountCommands(CLI::App& root, App& app);
void AddSchoolCommands(CLI::App& root, App& app);
void AddPlanCommands(CLI::App& root, App& app);
void AddTaskCommands(CLI::App& root, App& app);
void AddDirectiveCommands(CLI::App& root, App& app);
void AddOverviewCommand(CLI::App& root, App& app);
void AddStaffCommands(CLI::App& root, App& app);
void AddCaseCommands(CLI::App& root, App& app);
void AddFinanceCommands(CLI::App& root, App& app);
void AddParCommands(CLI::App& root, App& app);
void AddSurveyCommands(CLI::App& root, App& app);
void AddReportCommands(CLI::App& root, App& app);
void AddReportCommand(CLI::App& root, App& app);  // `report`: a school's period summary
void AddRollupCommands(CLI::App& root, App& app);
void AddNotificationCommands(CLI::App& root, App& app);

}  // namespace parhub::cli

#endif  // PARHUB_CLI_APP_H_
