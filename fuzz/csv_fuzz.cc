// The CSV files schools upload (platform/core/csv.h) and bank statements
// read from them (services/finance/domain/statement_file.h), from any
// bytes: split records have increasing line numbers; a statement either
// parses with every entry passing the entry check and every row error on a
// line of the file, or is INVALID_ARGUMENT.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "platform/core/csv.h"
#include "services/finance/domain/statement_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto records = parhub::platform::SplitCsv(text);
  if (records.ok()) {
    int last = 0;
    for (const auto& record : *records) {
      FUZZ_CHECK(record.line > last);
      last = record.line;
    }
  } else {
    FUZZ_CHECK(absl::IsInvalidArgument(records.status()));
  }
  auto statement = parhub::finance::ParseStatement(text, parhub::finance::GenericCsvMapping());
  if (!statement.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(statement.status()));
    return 0;
  }
  for (const auto& entry : statement->entries) {
    FUZZ_CHECK(parhub::finance::CheckStatementEntry(entry, "").ok());
    FUZZ_CHECK(entry.line >= 2);
  }
  for (const auto& error : statement->errors) FUZZ_CHECK(error.row >= 1);
  return 0;
}
