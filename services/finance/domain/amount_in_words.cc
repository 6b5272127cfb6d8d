// Đồng in Vietnamese words (amount_in_words.h).
#include "services/finance/domain/amount_in_words.h"

#include <array>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_join.h"

namespace parhub::finance {
namespace {

constexpr std::array<const char*, 10> kDigits = {"không", "một", "hai", "ba",  "bốn",
                                                 "năm",   "sáu", "bảy", "tám", "chín"};
// Group names below a tỷ, from the lowest: đơn vị, nghìn, triệu.
constexpr std::array<const char*, 3> kGroups = {"", "nghìn", "triệu"};

// The words of a group of three digits (1..999). `inner`: a group after a
// higher one, which keeps its zero hundreds ("không trăm") and zero tens
// ("linh").
void GroupWords(int group, bool inner, std::vector<std::string>& words) {
  const int hundreds = group / 100, tens = group / 10 % 10, units = group % 10;
  if (hundreds > 0 || inner) {
    words.push_back(kDigits[hundreds]);
    words.push_back("trăm");
  }
  if (tens == 0) {
    if (units > 0 && (hundreds > 0 || inner)) words.push_back("linh");
  } else if (tens == 1) {
    words.push_back("mười");
  } else {
    words.push_back(kDigits[tens]);
    words.push_back("mươi");
  }
  if (units == 0) return;
  if (units == 1 && tens >= 2) {
    words.push_back("mốt");
  } else if (units == 5 && tens >= 1) {
    words.push_back("lăm");
  } else {
    words.push_back(kDigits[units]);
  }
}

// The words of 1 ≤ n < 10^9 in groups of nghìn and triệu. `inner`: after
// a higher part ("… tỷ"), so its first group keeps its zero hundreds.
void BelowBillionWords(int64_t n, bool inner, std::vector<std::string>& words) {
  std::vector<int> groups;  // lowest first
  for (int64_t rest = n; rest > 0; rest /= 1000) groups.push_back(static_cast<int>(rest % 1000));
  for (size_t i = groups.size(); i-- > 0;) {
    if (groups[i] == 0) continue;
    GroupWords(groups[i], inner || i + 1 < groups.size(), words);
    if (i > 0) words.push_back(kGroups[i]);
  }
}

}  // namespace

absl::StatusOr<std::string> AmountInWords(int64_t amount) {
  constexpr int64_t kBillion = 1'000'000'000;
  constexpr int64_t kLimit = kBillion * 1'000'000;  // 10^15: at most 999.999 tỷ
  if (amount < 0 || amount >= kLimit) {
    return absl::InvalidArgumentError(
        "Số tiền ngoài khoảng đọc được bằng chữ (amount out of range for words)");
  }
  std::vector<std::string> words;
  if (amount == 0) words.push_back(kDigits[0]);
  // Above a tỷ the count of tỷ is read as a number of its own: 9.999 tỷ is
  // "chín nghìn chín trăm chín mươi chín tỷ".
  const int64_t billions = amount / kBillion, rest = amount % kBillion;
  if (billions > 0) {
    BelowBillionWords(billions, false, words);
    words.push_back("tỷ");
  }
  if (rest > 0) BelowBillionWords(rest, billions > 0, words);
  words.push_back("đồng");
  std::string text = absl::StrJoin(words, " ");
  // Every first word starts with an ASCII letter: upper-case that byte.
  text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace parhub::finance
