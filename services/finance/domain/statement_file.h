// Bank statements as banks export them: a CSV, or an Excel workbook's first
// worksheet (statement_workbook.h), whose columns differ from bank to bank,
// read through a column mapping (which header holds the
// transaction id, booking time, amount or credit/debit, description,
// counterparty). Problems with the file as a whole (not UTF-8, truncated
// quoting, a missing column, too large) are INVALID_ARGUMENT on "content"
// naming the line; problems with one line are row errors naming the line
// and the column. A transaction id repeated inside the file is an error on
// the repeat. Pure C++.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_STATEMENT_FILE_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_STATEMENT_FILE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "platform/core/csv.h"

namespace parhub::finance {

enum class DateOrder { kDayMonthYear, kYearMonthDay };
// kXlsx: an Excel workbook, whose date cells may hold Excel date serials.
enum class StatementFileKind { kCsv, kXlsx };

// Header names (compared folded: case, spaces, diacritics ignored).
struct ColumnMapping final {
  std::string transaction_id;
  std::string booking_time;
  std::string amount;  // signed; or credit + debit
  std::string credit;
  std::string debit;
  std::string description;
  std::string counterparty_name;
  std::string counterparty_account;
  DateOrder date_order = DateOrder::kDayMonthYear;
  int header_line = 1;  // a workbook's row number
  StatementFileKind file = StatementFileKind::kCsv;
};

// parhub's own layout: transaction_id,booking_time,amount,description,
// counterparty_name,counterparty_account with ISO dates.
ColumnMapping GenericCsvMapping();

// One statement line as the bank wrote it.
struct StatementEntry final {
  int line = 0;  // in the file
  std::string transaction_id;
  absl::Time booking_time;
  int64_t amount = 0;  // đồng; negative for money out
  std::string description;
  std::string counterparty_name;
  std::string counterparty_account;
};

// Checks one entry (a webhook line or a parsed row); errors name `prefix`
// + field.
absl::Status CheckStatementEntry(const StatementEntry& entry, absl::string_view prefix);

struct ParsedStatement final {
  std::vector<StatementEntry> entries;
  std::vector<platform::RowError> errors;
};

inline constexpr size_t kMaxStatementBytes = 16 << 20;
inline constexpr int kMaxStatementLines = 200'000;

absl::StatusOr<ParsedStatement> ParseStatement(absl::string_view content, const ColumnMapping& mapping);

// "1.500.000", "1,500,000", "1500000", "-250.000", "+ 2.000.000 VND":
// whole đồng; INVALID_ARGUMENT naming `field` otherwise (fractions,
// letters, above 9,999,999,999,999).
absl::StatusOr<int64_t> ParseDong(absl::string_view text, absl::string_view field);
// "31/08/2026 14:05:09", "31/08/2026", "2026-08-31 14:05", "2026-08-31T14:05:09"
// in Vietnam time.
absl::StatusOr<absl::Time> ParseBookingTime(absl::string_view text, DateOrder order, absl::string_view field);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_STATEMENT_FILE_H_
