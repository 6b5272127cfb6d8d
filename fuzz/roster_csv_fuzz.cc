// The staff roster and e-mail usage files a school uploads
// (services/staffing/domain/roster_csv.h), from any bytes: each parses
// with row errors on lines of the file, or is INVALID_ARGUMENT.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "services/staffing/domain/roster_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto roster = parhub::staffing::ParseRosterCsv(text);
  if (!roster.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(roster.status()));
  } else {
    for (const auto& error : roster->errors) FUZZ_CHECK(error.row >= 1);
  }
  auto usage = parhub::staffing::ParseEmailUsageCsv(text);
  FUZZ_CHECK(usage.ok() || absl::IsInvalidArgument(usage.status()));
  return 0;
}
