// Numbers written the Vietnamese way for people: dots between thousands
// (1.250.000). The one implementation behind the CLI's "1.250.000 đ", the
// finance service's "1.250.000 đồng" in its messages and the reports'
// figures.
#ifndef PARHUB_PLATFORM_CORE_VN_NUMBER_H_
#define PARHUB_PLATFORM_CORE_VN_NUMBER_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace parhub::platform {

// `digits` (a run of ASCII digits) with a dot between each group of three
// from the right: "1250000" → "1.250.000".
std::string GroupThousands(absl::string_view digits);
// An integer with dots between thousands: -1250000 → "-1.250.000".
std::string GroupThousands(int64_t value);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_VN_NUMBER_H_
