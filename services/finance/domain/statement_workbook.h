// Bank statements exported as Excel workbooks (.xlsx), as most Vietnamese
// banks' business banking offers them: the first worksheet read with liborcus
// (Debian's liborcus-dev) into rows of cell texts, which the statement parser
// then reads through the column mapping exactly like a CSV's records.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_STATEMENT_WORKBOOK_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_STATEMENT_WORKBOOK_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "platform/core/csv.h"

namespace parhub::finance {

// What the workbook's parts may unpack to, all together: a 200,000-line
// statement is some 60 MiB of sheet XML; beyond this the file is refused
// before it is unpacked.
inline constexpr int64_t kMaxWorkbookUnpackedBytes = 256 << 20;
// The span of the first worksheet's cells: a statement's 200,000 lines with
// a letterhead; its columns (banks export 5 to 15); and the cells of the
// span together, which bounds the memory the rows take (4 million cells of
// text: some 130 MiB even when empty).
inline constexpr int kMaxWorkbookRows = 200'100;
inline constexpr int kMaxWorkbookColumns = 64;
inline constexpr int64_t kMaxWorkbookCells = 4'000'000;

// The first worksheet's rows from its first row with a value to its last,
// numbered as Excel numbers them (row 1 is line 1), each cell as text:
// strings as written, numbers without thousands separators (whole numbers
// without a fraction, others with up to 6 decimals), TRUE/FALSE, a formula
// as its stored result, empty cells "". INVALID_ARGUMENT on "content" for a
// file that is not an .xlsx workbook, a damaged one, one that would unpack
// to more than kMaxWorkbookUnpackedBytes, one without a worksheet, and one
// whose first worksheet spans more than kMaxWorkbookRows rows,
// kMaxWorkbookColumns columns or kMaxWorkbookCells cells.
absl::StatusOr<std::vector<platform::CsvRecord>> ReadWorkbookRows(absl::string_view content);

// An Excel date serial as written in a cell ("46357", "46357.5") — days
// since 1899-12-30, the fraction being the time of day — as a time in
// Vietnam; nullopt when `text` is not a plain number of a date between
// 1900 and 9999.
std::optional<absl::Time> ExcelSerialTime(absl::string_view text);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_STATEMENT_WORKBOOK_H_
