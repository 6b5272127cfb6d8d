// Bank statements uploaded as Excel workbooks
// (services/finance/domain/statement_workbook.h), from any bytes: liborcus
// reads what the service receives, so a damaged or hostile .xlsx must end
// as INVALID_ARGUMENT, never a crash; what parses has rows numbered upwards
// and entries passing the entry check.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "services/finance/domain/statement_file.h"
#include "services/finance/domain/statement_workbook.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto rows = parhub::finance::ReadWorkbookRows(bytes);
  if (!rows.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(rows.status()));
    return 0;
  }
  int last = 0;
  for (const auto& row : *rows) {
    FUZZ_CHECK(row.line > last);
    last = row.line;
  }
  parhub::finance::ColumnMapping mapping = parhub::finance::GenericCsvMapping();
  mapping.file = parhub::finance::StatementFileKind::kXlsx;
  auto statement = parhub::finance::ParseStatement(bytes, mapping);
  if (!statement.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(statement.status()));
    return 0;
  }
  for (const auto& entry : statement->entries)
    FUZZ_CHECK(parhub::finance::CheckStatementEntry(entry, "").ok());
  return 0;
}
