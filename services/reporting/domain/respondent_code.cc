// Respondent codes and their check character (see respondent_code.h).
#include "services/reporting/domain/respondent_code.h"

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/secret_code.h"

namespace parhub::reporting {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // as platform::RandomCrockford

// The value 0..31 of a canonical character, or -1.
int ValueOf(char c) {
  for (int i = 0; i < 32; ++i) {
    if (kAlphabet[i] == c) return i;
  }
  return -1;
}

// Multiplication in GF(32) modulo x^5 + x^2 + 1 (0b100101).
int Multiply(int a, int b) {
  int product = 0;
  while (b != 0) {
    if (b & 1) product ^= a;
    b >>= 1;
    a <<= 1;
    if (a & 0x20) a ^= 0x25;
  }
  return product;
}

}  // namespace

char RespondentCheckCharacter(absl::string_view ten) {
  int sum = 0;
  int weight = 1;
  for (char c : ten) {
    weight = Multiply(weight, 2);  // a^1, a^2, … (a = x, a primitive element)
    sum ^= Multiply(weight, ValueOf(c) < 0 ? 0 : ValueOf(c));
  }
  return kAlphabet[sum];
}

std::string NewRespondentCode() {
  std::string code = platform::RandomCrockford(kRespondentCodeLength - 1);
  code.push_back(RespondentCheckCharacter(code));
  return code;
}

std::string FormatRespondentCode(absl::string_view canonical) {
  if (canonical.size() != kRespondentCodeLength) return std::string(canonical);
  return absl::StrCat(canonical.substr(0, 4), "-", canonical.substr(4, 4), "-", canonical.substr(8));
}

absl::StatusOr<std::string> ParseRespondentCode(absl::string_view typed, absl::string_view field) {
  std::string code = platform::NormalizeCode(typed);
  for (char& c : code) {
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
  }
  if (code.size() != kRespondentCodeLength) {
    return platform::InvalidField(
        field, absl::StrCat("mã khảo sát gồm ", kRespondentCodeLength,
                            " ký tự, ví dụ 7KQ4-XP9D-M2C (a respondent code has 11 characters)"));
  }
  for (char c : code) {
    if (ValueOf(c) < 0) {
      return platform::InvalidField(field,
                                    "mã khảo sát có ký tự không hợp lệ (a respondent code uses 0-9 and A-Z "
                                    "without U)");
    }
  }
  if (RespondentCheckCharacter(absl::string_view(code).substr(0, kRespondentCodeLength - 1)) != code.back()) {
    return platform::WithReason(
        platform::InvalidField(field,
                               "mã khảo sát bị gõ nhầm, hãy kiểm tra lại từng ký tự (the code is mistyped: "
                               "its check character does not match)"),
        "RESPONDENT_CODE_MISTYPED");
  }
  return code;
}

}  // namespace parhub::reporting
