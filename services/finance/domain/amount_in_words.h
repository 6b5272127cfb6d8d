// An amount of đồng in Vietnamese words, as a biên lai states it beside the
// figures (Nghị định 254/2026/NĐ-CP Điều 23 khoản 2; data/README.md,
// "Finance"): "Một triệu hai trăm năm mươi nghìn đồng".
//
// The reading is the one accounting documents use: groups of three digits
// named nghìn and triệu, and the count of tỷ read as a number of its own
// ("chín nghìn chín trăm chín mươi chín tỷ"); an inner group keeps its hundreds
// ("không trăm"); a zero ten before a unit is "linh"; after the tens, 1 is
// "mốt" and 5 is "lăm" (and 5 after mười is "lăm"); 4 stays "bốn";
// groups that are all zero are left out.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_AMOUNT_IN_WORDS_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_AMOUNT_IN_WORDS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace parhub::finance {

// 0 ≤ amount < 10^15 (a receipt holds at most 10^13 - 1); the first letter
// upper case, ending in " đồng". INVALID_ARGUMENT outside the range.
absl::StatusOr<std::string> AmountInWords(int64_t amount);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_AMOUNT_IN_WORDS_H_
