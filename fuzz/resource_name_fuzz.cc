// Resource names in requests (platform/core/resource_name.h): any text
// either matches a pattern, giving ids that pass the id check and rebuild
// the same name, or is INVALID_ARGUMENT naming the field.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "fuzz/fuzz_check.h"
#include "platform/core/resource_name.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto ids = parhub::platform::ParseName("schools/{school}/plans/{plan}/tasks/{task}", text, "name");
  if (!ids.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(ids.status()));
  } else {
    FUZZ_CHECK(ids->size() == 3);
    for (const std::string& id : *ids) FUZZ_CHECK(parhub::platform::ValidateId(id, "id").ok());
    FUZZ_CHECK(absl::StrCat("schools/", (*ids)[0], "/plans/", (*ids)[1], "/tasks/", (*ids)[2]) == text);
  }
  auto valid = parhub::platform::ValidateId(text, "id");
  FUZZ_CHECK(valid.ok() || absl::IsInvalidArgument(valid));
  return 0;
}
