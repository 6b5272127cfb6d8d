// parhub-statement-parse-bench: reading a bank statement of --lines lines
// as a CSV and as the same lines in an Excel workbook (.xlsx, written with
// libxlsxwriter: a letterhead, bilingual headers, date cells, number cells),
// side by side in one run, alternating, --rounds times each: wall time,
// lines per second and the process's peak resident memory after each
// format's first round, and that of the child process that reads a workbook
// (docs/BENCHMARKS.md, "Finance: statement files").
// Both go through ParseStatement with a column mapping, as the finance
// service does before it records anything.
#include <sys/resource.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "services/finance/domain/statement_file.h"

ABSL_FLAG(int, lines, 100000, "Statement lines");
ABSL_FLAG(int, rounds, 3, "Rounds per format");

namespace {

using parhub::finance::ColumnMapping;
using parhub::finance::ParsedStatement;
using parhub::finance::StatementFileKind;

constexpr const char* kHeaders[] = {"Số CT/ Doc No", "Ngày GD/ TNX Date", "Số tiền ghi nợ/ Debit",
                                    "Số tiền ghi có/ Credit", "Nội dung chi tiết/ Transactions in detail"};

struct Line {
  std::string id;
  int day, hour, minute;
  int64_t credit;
  std::string description;
};

std::vector<Line> MakeLines(int n) {
  std::vector<Line> lines;
  lines.reserve(n);
  for (int i = 0; i < n; ++i) {
    lines.push_back({absl::StrFormat("FT26%09d", i), 1 + i % 28, 7 + i % 12, i % 60,
                     100000 + (i % 50) * 10000,
                     absl::StrFormat("MBVCB.%d.HP2612BF%06dA.NOP TIEN HOC THANG 12", 1000000 + i, i)});
  }
  return lines;
}

std::string Csv(const std::vector<Line>& lines) {
  std::string out = "SAO KE TAI KHOAN\n\n";
  for (int c = 0; c < 5; ++c) absl::StrAppend(&out, c ? "," : "", "\"", kHeaders[c], "\"");
  out += "\n";
  for (const Line& l : lines) {
    absl::StrAppendFormat(&out, "%s,%02d/12/2026 %02d:%02d:00,,%d,%s\n", l.id, l.day, l.hour, l.minute,
                          l.credit, l.description);
  }
  return out;
}

std::string Workbook(const std::vector<Line>& lines) {
  char path[] = "/tmp/parhub-parse-bench-XXXXXX.xlsx";
  int fd = mkstemps(path, 5);
  if (fd < 0) return "";
  close(fd);
  // Not libxlsxwriter's constant_memory mode: it writes inline strings,
  // which liborcus 0.17 does not read (docs/api/finance.md, "Known limit").
  lxw_workbook* workbook = workbook_new(path);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Statement");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd/mm/yyyy hh:mm");
  worksheet_write_string(sheet, 0, 0, "SAO KÊ TÀI KHOẢN", nullptr);
  for (int c = 0; c < 5; ++c) worksheet_write_string(sheet, 2, c, kHeaders[c], nullptr);
  lxw_row_t row = 3;
  for (const Line& l : lines) {
    lxw_datetime when = {2026, 12, l.day, l.hour, l.minute, 0};
    worksheet_write_string(sheet, row, 0, l.id.c_str(), nullptr);
    worksheet_write_datetime(sheet, row, 1, &when, date);
    worksheet_write_number(sheet, row, 3, static_cast<double>(l.credit), nullptr);
    worksheet_write_string(sheet, row, 4, l.description.c_str(), nullptr);
    ++row;
  }
  workbook_close(workbook);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::remove(path);
  return bytes.str();
}

ColumnMapping Mapping(StatementFileKind file) {
  ColumnMapping m;
  m.transaction_id = kHeaders[0];
  m.booking_time = kHeaders[1];
  m.debit = kHeaders[2];
  m.credit = kHeaders[3];
  m.description = kHeaders[4];
  m.header_line = 3;
  m.file = file;
  return m;
}

long PeakRssKib(int who = RUSAGE_SELF) {
  rusage usage{};
  getrusage(who, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int n = absl::GetFlag(FLAGS_lines);
  const std::vector<Line> lines = MakeLines(n);
  const std::string csv = Csv(lines);
  const std::string xlsx = Workbook(lines);
  std::printf("statement of %d lines: CSV %.1f MiB, XLSX %.1f MiB; peak RSS before parsing %ld KiB\n", n,
              csv.size() / 1048576.0, xlsx.size() / 1048576.0, PeakRssKib());
  std::printf("%-6s %-5s %10s %12s %8s %8s %14s\n", "round", "file", "seconds", "lines/s", "entries",
              "errors", "peak RSS KiB");
  bool failed = false;
  std::vector<double> seconds[2];
  for (int round = 1; round <= absl::GetFlag(FLAGS_rounds); ++round) {
    for (int which = 0; which < 2; ++which) {
      // Alternate which goes first.
      const int kind = (round % 2 == 1) ? which : 1 - which;
      const bool is_xlsx = kind == 1;
      const absl::Time start = absl::Now();
      absl::StatusOr<ParsedStatement> parsed = parhub::finance::ParseStatement(
          is_xlsx ? xlsx : csv, Mapping(is_xlsx ? StatementFileKind::kXlsx : StatementFileKind::kCsv));
      const double s = absl::ToDoubleSeconds(absl::Now() - start);
      if (!parsed.ok()) {
        std::printf("%s failed: %s\n", is_xlsx ? "xlsx" : "csv", parsed.status().ToString().c_str());
        failed = true;
        continue;
      }
      if (static_cast<int>(parsed->entries.size()) != n) failed = true;
      seconds[kind].push_back(s);
      std::printf("%-6d %-5s %10.3f %12.0f %8zu %8zu %14ld %20ld\n", round, is_xlsx ? "xlsx" : "csv", s,
                  n / s, parsed->entries.size(), parsed->errors.size(), PeakRssKib(),
                  PeakRssKib(RUSAGE_CHILDREN));
    }
  }
  auto best = [](const std::vector<double>& v) {
    double b = v.empty() ? 0 : v[0];
    for (double x : v) b = std::min(b, x);
    return b;
  };
  if (!seconds[0].empty() && !seconds[1].empty()) {
    std::printf("RESULT lines=%d csv_best_s=%.3f xlsx_best_s=%.3f xlsx_over_csv=%.2f ok=%s\n", n,
                best(seconds[0]), best(seconds[1]), best(seconds[1]) / best(seconds[0]),
                failed ? "false" : "true");
  }
  return failed ? 1 : 0;
}
