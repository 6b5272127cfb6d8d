// Vietnamese text (platform/core/vntext.h) on arbitrary bytes: NFC
// normalization either succeeds with valid UTF-8 that normalizes to itself
// or refuses; a prefix never splits a character nor exceeds its length; a
// search folding is idempotent.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "platform/core/vntext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<std::string> nfc = parhub::platform::NormalizeNfc(text, "text");
  if (nfc.ok()) {
    absl::StatusOr<std::string> twice = parhub::platform::NormalizeNfc(*nfc, "text");
    FUZZ_CHECK(twice.ok() && *twice == *nfc);
    for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{40}}) {
      const std::string prefix = parhub::platform::Utf8Prefix(*nfc, n);
      FUZZ_CHECK(nfc->compare(0, prefix.size(), prefix) == 0);
      FUZZ_CHECK(parhub::platform::NormalizeNfc(prefix, "prefix").ok());  // whole characters only
    }
    const std::string folded = parhub::platform::FoldForSearch(*nfc);
    FUZZ_CHECK(parhub::platform::FoldForSearch(folded) == folded);
  }
  for (auto lines : {parhub::platform::TextLines::kSingle, parhub::platform::TextLines::kMulti}) {
    absl::StatusOr<std::string> clean = parhub::platform::CleanText(text, "text", 200, false, lines);
    if (clean.ok())
      FUZZ_CHECK(parhub::platform::NormalizeNfc(*clean, "clean").ok() && clean->size() <= 200 * 4);
  }
  return 0;
}
