// Unit tests of reading .xlsx statements: a workbook written with
// libxlsxwriter the way a bank's Excel export looks (a letterhead above the
// header row, bilingual headers with a line break, a date serial cell, a
// date typed as text, number cells for amounts, a negative debit), read
// through a column mapping into the same entries and row errors as a CSV;
// and the files an office will meet by mistake (a CSV, a cut-short file,
// a zip that is not a workbook, a CSV mapping given a workbook).
#include "services/finance/domain/statement_workbook.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "platform/core/date.h"
#include "platform/testing/status_matchers.h"
#include "services/finance/domain/statement_file.h"

namespace parhub::finance {
namespace {

using ::testing::HasSubstr;

absl::Time Vietnam(int y, int m, int d, int hh = 0, int mm = 0, int ss = 0) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, ss), platform::VietnamTimeZone());
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A bank-like export: a title and account line, a blank row, the header on
// row 4, then three transactions.
std::string BankWorkbook() {
  char path[] = "/tmp/parhub-statement-XXXXXX.xlsx";
  int fd = mkstemps(path, 5);
  EXPECT_GE(fd, 0);
  close(fd);
  lxw_workbook* workbook = workbook_new(path);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Statement");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd/mm/yyyy hh:mm:ss");
  worksheet_write_string(sheet, 0, 0, "SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT", nullptr);
  worksheet_write_string(sheet, 1, 0, "Số tài khoản: 0071000123456", nullptr);
  const char* headers[] = {"Số CT/\nDoc No", "Ngày GD/\nTNX Date", "Số tiền ghi nợ/\nDebit",
                           "Số tiền ghi có/\nCredit", "Nội dung chi tiết/\nTransactions in detail"};
  for (int c = 0; c < 5; ++c) worksheet_write_string(sheet, 3, c, headers[c], nullptr);
  // A date cell (serial) with a time; a credit as a number.
  lxw_datetime paid = {2026, 9, 15, 8, 30, 0};
  worksheet_write_string(sheet, 4, 0, "FT26258001", nullptr);
  worksheet_write_datetime(sheet, 4, 1, &paid, date);
  worksheet_write_number(sheet, 4, 3, 1500000, nullptr);
  worksheet_write_string(sheet, 4, 4, "HP2609MN201000001 nop hoc phi", nullptr);
  // A date typed as text; a debit written negative, as some banks do.
  worksheet_write_string(sheet, 5, 0, "FT26258002", nullptr);
  worksheet_write_string(sheet, 5, 1, "16/09/2026", nullptr);
  worksheet_write_number(sheet, 5, 2, -22000, nullptr);
  worksheet_write_string(sheet, 5, 4, "Phi dich vu SMS", nullptr);
  // A fraction of a đồng: refused on its line, naming the column.
  worksheet_write_string(sheet, 6, 0, "FT26258003", nullptr);
  worksheet_write_string(sheet, 6, 1, "16/09/2026", nullptr);
  worksheet_write_number(sheet, 6, 3, 1000.5, nullptr);
  worksheet_write_string(sheet, 6, 4, "sai so tien", nullptr);
  EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  std::string bytes = ReadFile(path);
  std::remove(path);
  return bytes;
}

ColumnMapping BankMapping() {
  ColumnMapping m;
  m.transaction_id = "Số CT/\nDoc No";
  m.booking_time = "Ngày GD/\nTNX Date";
  m.debit = "Số tiền ghi nợ/\nDebit";
  m.credit = "Số tiền ghi có/\nCredit";
  m.description = "Nội dung chi tiết/\nTransactions in detail";
  m.header_line = 4;
  m.file = StatementFileKind::kXlsx;
  return m;
}

TEST(StatementWorkbookTest, ReadsABanksExcelExportThroughTheMapping) {
  absl::StatusOr<ParsedStatement> parsed = ParseStatement(BankWorkbook(), BankMapping());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->entries.size(), 2u);
  EXPECT_EQ(parsed->entries[0].line, 5);
  EXPECT_EQ(parsed->entries[0].transaction_id, "FT26258001");
  EXPECT_EQ(parsed->entries[0].booking_time, Vietnam(2026, 9, 15, 8, 30, 0));
  EXPECT_EQ(parsed->entries[0].amount, 1'500'000);
  EXPECT_EQ(parsed->entries[0].description, "HP2609MN201000001 nop hoc phi");
  EXPECT_EQ(parsed->entries[1].line, 6);
  EXPECT_EQ(parsed->entries[1].booking_time, Vietnam(2026, 9, 16));
  EXPECT_EQ(parsed->entries[1].amount, -22'000);
  ASSERT_EQ(parsed->errors.size(), 1u);
  EXPECT_EQ(parsed->errors[0].row, 7);
  EXPECT_EQ(parsed->errors[0].column, "credit");
}

TEST(StatementWorkbookTest, NamesAMissingColumnOnTheHeaderRow) {
  // A column the mapping names that the header row lacks.
  ColumnMapping mapping = BankMapping();
  mapping.counterparty_name = "Tên người chuyển";
  absl::StatusOr<ParsedStatement> parsed = ParseStatement(BankWorkbook(), mapping);
  EXPECT_THAT(parsed.status(), parhub::testing::IsInvalidField("content"));
  EXPECT_THAT(parsed.status().message(), HasSubstr("dòng 4: thiếu cột counterparty_name"));
  // The header looked for on the wrong row (the blank one).
  mapping = BankMapping();
  mapping.header_line = 3;
  parsed = ParseStatement(BankWorkbook(), mapping);
  EXPECT_THAT(parsed.status(), parhub::testing::IsInvalidField("content"));
  EXPECT_THAT(parsed.status().message(), HasSubstr("thiếu cột"));
}

TEST(StatementWorkbookTest, RefusesWhatIsNotAWorkbook) {
  const std::string workbook = BankWorkbook();
  const std::vector<std::string> bad = {
      "transaction_id,booking_time,amount,description\nFT1,2026-09-15,5,x\n",  // a CSV
      workbook.substr(0, workbook.size() / 2),                                 // cut short
      workbook.substr(0, 30),                                                  // only a header
      std::string("PK\x03\x04", 4) + std::string(200, 'x'),                    // a zip in name only
      "",
  };
  for (size_t i = 0; i < bad.size(); ++i) {
    absl::StatusOr<ParsedStatement> parsed = ParseStatement(bad[i], BankMapping());
    EXPECT_THAT(parsed.status(), parhub::testing::IsInvalidField("content")) << "case " << i;
  }
  // A workbook given as a CSV is refused as not UTF-8 text, not read as garbage.
  ColumnMapping as_csv = BankMapping();
  as_csv.file = StatementFileKind::kCsv;
  EXPECT_THAT(ParseStatement(workbook, as_csv).status(), parhub::testing::IsInvalidField("content"));
}

// A workbook of two cells far apart: refused before its rows are made.
std::string TwoCells(lxw_row_t far_row, lxw_col_t far_column) {
  char path[] = "/tmp/parhub-statement-XXXXXX.xlsx";
  int fd = mkstemps(path, 5);
  EXPECT_GE(fd, 0);
  close(fd);
  lxw_workbook* workbook = workbook_new(path);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_string(sheet, 0, 0, "transaction_id", nullptr);
  worksheet_write_string(sheet, far_row, far_column, "x", nullptr);
  EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  std::string bytes = ReadFile(path);
  std::remove(path);
  return bytes;
}

TEST(StatementWorkbookTest, RefusesASheetSpanningTooFar) {
  absl::StatusOr<std::vector<platform::CsvRecord>> rows = ReadWorkbookRows(TwoCells(1'048'000, 0));
  EXPECT_THAT(rows.status(), parhub::testing::IsInvalidField("content"));
  EXPECT_THAT(rows.status().message(), HasSubstr("200.100"));
  rows = ReadWorkbookRows(TwoCells(0, 16'000));
  EXPECT_THAT(rows.status(), parhub::testing::IsInvalidField("content"));
  rows = ReadWorkbookRows(TwoCells(100'000, 60));  // rows and columns allowed, cells not
  EXPECT_THAT(rows.status(), parhub::testing::IsInvalidField("content"));
  EXPECT_THAT(rows.status().message(), HasSubstr("4 triệu ô"));
  rows = ReadWorkbookRows(TwoCells(200'099, 18));  // the most rows allowed, 19 columns
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(rows->size(), 200'100u);
  EXPECT_EQ(rows->back().line, 200'100);
  EXPECT_EQ(rows->back().fields.size(), 19u);
  EXPECT_EQ(rows->back().fields.back(), "x");
}

// What the fuzzer found: a file on which liborcus's detect() throws, one
// whose directory declares a 3.8 GB compressed entry (liborcus would
// allocate it), and one on which liborcus's XML parser aborts (an assertion
// in Debian's build), which only the child process keeps from killing the
// service. Each is refused on "content"; the parent lives on.
TEST(StatementWorkbookTest, DamagedFilesTheFuzzerFoundAreRefusedNotFatal) {
  for (const char* name :
       {"regression-detect-throws.xlsx", "regression-compressed-size.xlsx", "regression-orcus-abort.xlsx"}) {
    const std::string bytes = ReadFile(absl::StrCat(PARHUB_WORKBOOK_CORPUS, "/", name));
    ASSERT_FALSE(bytes.empty()) << name;
    absl::StatusOr<std::vector<platform::CsvRecord>> rows = ReadWorkbookRows(bytes);
    EXPECT_THAT(rows.status(), parhub::testing::IsInvalidField("content")) << name;
  }
  // The seeds themselves are good workbooks.
  const std::string seed = ReadFile(absl::StrCat(PARHUB_WORKBOOK_CORPUS, "/seed-stored.xlsx"));
  absl::StatusOr<std::vector<platform::CsvRecord>> rows = ReadWorkbookRows(seed);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(rows->at(1).fields[0], "FT1");
  EXPECT_EQ(rows->at(1).fields[2], "500000");
}

TEST(StatementWorkbookTest, ReadsExcelDateSerials) {
  EXPECT_EQ(ExcelSerialTime("46280"), Vietnam(2026, 9, 15));
  EXPECT_EQ(ExcelSerialTime("46280.5"), Vietnam(2026, 9, 15, 12));
  EXPECT_EQ(ExcelSerialTime(" 46280.354166667 "), Vietnam(2026, 9, 15, 8, 30, 0));
  EXPECT_FALSE(ExcelSerialTime("").has_value());
  EXPECT_FALSE(ExcelSerialTime("15/09/2026").has_value());
  EXPECT_FALSE(ExcelSerialTime("-5").has_value());
  EXPECT_FALSE(ExcelSerialTime("0").has_value());
  EXPECT_FALSE(ExcelSerialTime("99999999").has_value());
  EXPECT_FALSE(ExcelSerialTime("nan").has_value());
}

}  // namespace
}  // namespace parhub::finance
