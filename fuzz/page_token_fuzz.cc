// Page tokens and the keys inside them (platform/core/page.h): any text a
// client sends back as page_token either decodes or is INVALID_ARGUMENT,
// and whatever decodes re-encodes to a token that decodes to the same key.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "platform/core/page.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<std::string> key = parhub::platform::DecodePageToken(text);
  if (!key.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(key.status()));
  } else {
    absl::StatusOr<std::string> again =
        parhub::platform::DecodePageToken(parhub::platform::EncodePageToken(*key));
    FUZZ_CHECK(again.ok() && *again == *key);
  }
  // The same bytes as a numbered key ("<number>/<id>").
  absl::StatusOr<parhub::platform::NumberedKey> numbered = parhub::platform::DecodeNumberedKey(text);
  if (numbered.ok()) {
    const std::string encoded = parhub::platform::EncodeNumberedKey(numbered->number, numbered->id);
    absl::StatusOr<parhub::platform::NumberedKey> back = parhub::platform::DecodeNumberedKey(encoded);
    FUZZ_CHECK(back.ok() && back->number == numbered->number && back->id == numbered->id);
  }
  // Page sizes: negative is refused, the rest clamp into 1..max.
  if (size >= 4) {
    int32_t requested;
    __builtin_memcpy(&requested, data, sizeof requested);
    absl::StatusOr<int> page_size = parhub::platform::PageSize(requested, 50, 200);
    FUZZ_CHECK(requested < 0 ? !page_size.ok() : (page_size.ok() && *page_size >= 1 && *page_size <= 200));
  }
  return 0;
}
