// VietQR payloads (see vietqr.h).
#include "services/finance/domain/vietqr.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::InvalidField;

constexpr char kNapasGuid[] = "A000000727";
constexpr char kAccountTransfer[] = "QRIBFTTA";
constexpr int64_t kMaxAmount = 9'999'999'999'999;  // 13 digits, field 54's maximum

std::string Field(absl::string_view id, absl::string_view value) {
  return absl::StrCat(id, absl::StrFormat("%02d", value.size()), value);
}

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Printable ASCII a bank app shows as is: letters, digits, space and a few
// marks. Vietnamese text must be written without diacritics.
absl::Status CheckText(absl::string_view text, absl::string_view field) {
  if (text.size() > 25) return InvalidField(field, "tối đa 25 ký tự (at most 25 characters)");
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e) {
      return InvalidField(field, "chỉ dùng chữ không dấu, chữ số và dấu cách (ASCII without diacritics)");
    }
  }
  return absl::OkStatus();
}

}  // namespace

uint16_t Crc16CcittFalse(absl::string_view data) {
  uint16_t crc = 0xFFFF;
  for (unsigned char byte : data) {
    crc ^= static_cast<uint16_t>(byte) << 8;
    for (int bit = 0; bit < 8; ++bit)
      crc = (crc & 0x8000) ? static_cast<uint16_t>((crc << 1) ^ 0x1021) : crc << 1;
  }
  return crc;
}

absl::StatusOr<std::string> BuildVietQr(const VietQrTransfer& t) {
  if (t.bank_bin.size() != 6 || !AllDigits(t.bank_bin)) {
    return InvalidField("bank_bin", "mã BIN ngân hàng gồm 6 chữ số (6 digits)");
  }
  if (t.account_number.empty() || t.account_number.size() > 19 ||
      !std::all_of(t.account_number.begin(), t.account_number.end(),
                   [](char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); })) {
    return InvalidField("account_number", "số tài khoản gồm 1–19 chữ và số (1-19 letters or digits)");
  }
  if (t.amount < 0 || t.amount > kMaxAmount) {
    return InvalidField("amount", "số tiền từ 1 đến 9.999.999.999.999 đồng (out of range)");
  }
  if (t.one_time && t.amount == 0) {
    return InvalidField("amount", "mã thanh toán một lần phải có số tiền (a one-time code needs an amount)");
  }
  RETURN_IF_ERROR(CheckText(t.bill_number, "bill_number"));
  RETURN_IF_ERROR(CheckText(t.purpose, "purpose"));
  const std::string beneficiary = Field("00", t.bank_bin) + Field("01", t.account_number);
  const std::string merchant =
      Field("00", kNapasGuid) + Field("01", beneficiary) + Field("02", kAccountTransfer);
  std::string payload =
      Field("00", "01") + Field("01", t.one_time ? "12" : "11") + Field("38", merchant) + Field("53", "704");
  if (t.amount > 0) payload += Field("54", absl::StrCat(t.amount));
  payload += Field("58", "VN");
  std::string additional;
  if (!t.bill_number.empty()) additional += Field("01", t.bill_number);
  if (!t.purpose.empty()) additional += Field("08", t.purpose);
  if (!additional.empty()) payload += Field("62", additional);
  payload += "6304";
  return absl::StrCat(payload, absl::StrFormat("%04X", Crc16CcittFalse(payload)));
}

absl::StatusOr<std::map<std::string, std::string>> ParseEmvTemplate(absl::string_view value) {
  std::map<std::string, std::string> fields;
  size_t at = 0;
  while (at < value.size()) {
    int length = 0;
    if (value.size() - at < 4 || !AllDigits(value.substr(at, 2)) ||
        !absl::SimpleAtoi(value.substr(at + 2, 2), &length) || !AllDigits(value.substr(at + 2, 2)) ||
        value.size() - at - 4 < static_cast<size_t>(length)) {
      return absl::InvalidArgumentError(absl::StrCat("EMVCo field at offset ", at, " is malformed"));
    }
    const std::string id(value.substr(at, 2));
    if (!fields.emplace(id, std::string(value.substr(at + 4, length))).second) {
      return absl::InvalidArgumentError(absl::StrCat("EMVCo field ", id, " appears twice"));
    }
    at += 4 + static_cast<size_t>(length);
  }
  return fields;
}

absl::StatusOr<std::map<std::string, std::string>> ParseEmvPayload(absl::string_view payload) {
  if (payload.size() < 8 || payload.substr(payload.size() - 8, 4) != "6304") {
    return absl::InvalidArgumentError("EMVCo payload does not end with its CRC (field 63)");
  }
  const std::string expected =
      absl::StrFormat("%04X", Crc16CcittFalse(payload.substr(0, payload.size() - 4)));
  if (absl::AsciiStrToUpper(payload.substr(payload.size() - 4)) != expected) {
    return absl::InvalidArgumentError(absl::StrCat("EMVCo CRC mismatch: the payload says ",
                                                   payload.substr(payload.size() - 4), ", its content gives ",
                                                   expected));
  }
  return ParseEmvTemplate(payload);
}

absl::StatusOr<VietQrTransfer> ReadVietQr(absl::string_view payload) {
  ASSIGN_OR_RETURN(auto top, ParseEmvPayload(payload));
  if (top["00"] != "01" || (top["01"] != "11" && top["01"] != "12") || top["53"] != "704" ||
      top["58"] != "VN") {
    return absl::InvalidArgumentError("not a VietQR payload (format, currency or country)");
  }
  ASSIGN_OR_RETURN(auto merchant, ParseEmvTemplate(top["38"]));
  if (merchant["00"] != kNapasGuid || merchant["02"] != kAccountTransfer) {
    return absl::InvalidArgumentError("not a NAPAS account transfer (field 38)");
  }
  ASSIGN_OR_RETURN(auto beneficiary, ParseEmvTemplate(merchant["01"]));
  VietQrTransfer t;
  t.bank_bin = beneficiary["00"];
  t.account_number = beneficiary["01"];
  t.one_time = top["01"] == "12";
  if (top.count("54") && (!AllDigits(top["54"]) || !absl::SimpleAtoi(top["54"], &t.amount))) {
    return absl::InvalidArgumentError("amount (field 54) is not a whole number of đồng");
  }
  if (top.count("62")) {
    ASSIGN_OR_RETURN(auto additional, ParseEmvTemplate(top["62"]));
    t.bill_number = additional["01"];
    t.purpose = additional["08"];
  }
  return t;
}

}  // namespace parhub::finance
