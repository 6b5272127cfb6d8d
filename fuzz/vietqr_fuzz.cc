// VietQR payloads (services/finance/domain/vietqr.h) both ways: any bytes
// read as a payload either parse or are INVALID_ARGUMENT, and a transfer
// read from them is rebuilt into a payload that reads back the same;
// any transfer built from fuzzed fields reads back equal.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "fuzz/fuzz_check.h"
#include "services/finance/domain/vietqr.h"

namespace {

using ::parhub::finance::VietQrTransfer;

bool Same(const VietQrTransfer& a, const VietQrTransfer& b) {
  return a.bank_bin == b.bank_bin && a.account_number == b.account_number && a.amount == b.amount &&
         a.bill_number == b.bill_number && a.purpose == b.purpose && a.one_time == b.one_time;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<VietQrTransfer> read = parhub::finance::ReadVietQr(text);
  if (!read.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(read.status()));
  } else {
    absl::StatusOr<std::string> rebuilt = parhub::finance::BuildVietQr(*read);
    if (rebuilt.ok()) {
      absl::StatusOr<VietQrTransfer> again = parhub::finance::ReadVietQr(*rebuilt);
      FUZZ_CHECK(again.ok() && Same(*again, *read));
    }
  }
  // The same bytes as a transfer's fields: bin, account, amount, bill, purpose.
  std::vector<std::string> f = absl::StrSplit(text, absl::MaxSplits('|', 4));
  f.resize(5);
  VietQrTransfer transfer{f[0], f[1], 0, f[3], f[4], !f[2].empty() && f[2][0] != '0'};
  for (char c : f[2]) {
    if (c < '0' || c > '9' || transfer.amount > 1'000'000'000'000LL) break;
    transfer.amount = transfer.amount * 10 + (c - '0');
  }
  absl::StatusOr<std::string> built = parhub::finance::BuildVietQr(transfer);
  if (built.ok()) {
    absl::StatusOr<VietQrTransfer> back = parhub::finance::ReadVietQr(*built);
    FUZZ_CHECK(back.ok() && Same(*back, transfer));
  } else {
    FUZZ_CHECK(absl::IsInvalidArgument(built.status()));
  }
  return 0;
}
