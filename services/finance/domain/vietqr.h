// VietQR payloads: the EMVCo merchant-presented QR format as NAPAS profiles
// it for Vietnamese bank transfers, so any bank app can pay an invoice.
// Each field is ID (2 digits) + length (2 digits) + value; the payload ends
// with field 63, a CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over
// everything before it including "6304", as four upper-case hex digits.
//
//   00 "01"                       payload format
//   01 "12"                       one-time (dynamic) code; "11" static
//   38 { 00 "A000000727"          NAPAS GUID
//        01 { 00 bank BIN, 01 account number }
//        02 "QRIBFTTA" }          transfer to an account
//   53 "704"                      VND
//   54 amount                     integer đồng (optional on a static code)
//   58 "VN"
//   62 { 01 bill number, 08 purpose }   (each optional)
//   63 CRC
//
// Pure C++; the finance service's invoices carry these payloads.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_VIETQR_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_VIETQR_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace parhub::finance {

struct VietQrTransfer final {
  std::string bank_bin;        // 6 digits, e.g. "970403"
  std::string account_number;  // 1-19 letters or digits
  int64_t amount = 0;          // đồng; 0: none (static code only)
  std::string bill_number;     // 62/01, optional, ≤ 25 ASCII
  std::string purpose;         // 62/08, optional, ≤ 25 ASCII (no diacritics)
  bool one_time = true;        // 01 = "12" (dynamic) or "11" (static)
};

// The payload for `transfer`; INVALID_ARGUMENT naming the field
// ("bank_bin", "account_number", "amount", "bill_number", "purpose").
absl::StatusOr<std::string> BuildVietQr(const VietQrTransfer& transfer);

// CRC-16/CCITT-FALSE of `data`.
uint16_t Crc16CcittFalse(absl::string_view data);

// The top-level fields of an EMVCo payload by ID; INVALID_ARGUMENT for a
// malformed TLV or a wrong CRC (field 63).
absl::StatusOr<std::map<std::string, std::string>> ParseEmvPayload(absl::string_view payload);
// The fields of a nested template (38 or 62), without a CRC.
absl::StatusOr<std::map<std::string, std::string>> ParseEmvTemplate(absl::string_view value);

// The transfer a payload describes (ParseEmvPayload, then the VietQR
// fields); INVALID_ARGUMENT when it is not a NAPAS account transfer.
absl::StatusOr<VietQrTransfer> ReadVietQr(absl::string_view payload);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_VIETQR_H_
