// Invoice arithmetic (see invoice_math.h).
#include "services/finance/domain/invoice_math.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "services/finance/domain/payment_reference.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::InvalidField;

std::string Base36(int64_t n, size_t width) {
  static constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[n % 36]);
    n /= 36;
  } while (n > 0);
  if (out.size() < width) out.insert(out.begin(), width - out.size(), '0');
  return out;
}

}  // namespace

absl::StatusOr<int64_t> InvoiceTotal(const std::vector<InvoiceLine>& lines) {
  if (lines.empty()) return InvalidField("lines", "hóa đơn phải có ít nhất một khoản thu (no lines)");
  int64_t total = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const InvoiceLine& line = lines[i];
    const std::string at = absl::StrCat("lines[", i, "]");
    if (line.amount == 0) return InvalidField(at + ".amount", "số tiền phải khác 0 (must not be zero)");
    if (line.amount > kMaxDong || line.amount < -kMaxDong) {
      return InvalidField(at + ".amount", "số tiền vượt quá 9.999.999.999.999 đồng (absurd amount)");
    }
    if (line.amount < 0 && line.legal_basis.empty()) {
      return InvalidField(at + ".legal_basis",
                          "khoản miễn, giảm phải ghi căn cứ pháp lý (an exemption needs its legal basis)");
    }
    total += line.amount;  // |sum| ≤ lines × 10^13: no overflow for any sane invoice
    if (total > kMaxDong) return InvalidField(at + ".amount", "tổng hóa đơn quá lớn (total too large)");
  }
  if (total < 0) {
    return InvalidField("lines", "khoản miễn, giảm lớn hơn các khoản thu (exemptions exceed the charges)");
  }
  return total;
}

int64_t Balance(int64_t total, int64_t paid) { return paid >= total ? 0 : total - paid; }

absl::StatusOr<std::string> MakePaymentReference(const std::string& prefix, int year, int month,
                                                 const std::string& school_code, int64_t sequence) {
  if (prefix.empty() || prefix.size() > 4 || !std::all_of(prefix.begin(), prefix.end(), [](char c) {
        return absl::ascii_isupper(static_cast<unsigned char>(c));
      })) {
    return InvalidField("prefix", "tiền tố 1–4 chữ in hoa (1-4 upper-case letters)");
  }
  if (year < 2000 || year > 2099 || month < 1 || month > 12) {
    return InvalidField("period", "kỳ thu không hợp lệ (invalid period)");
  }
  if (sequence < 0 || sequence >= 36LL * 36 * 36 * 36 * 36) {
    return InvalidField("sequence", "số thứ tự hóa đơn vượt quá giới hạn (sequence out of range)");
  }
  const std::string period =
      absl::StrCat(year % 100 < 10 ? "0" : "", year % 100, month < 10 ? "0" : "", month);
  std::string code = NormalizeForMatching(school_code);
  const size_t room = kMaxReferenceLength - prefix.size() - period.size() - 5;
  if (code.size() > room) code.resize(room);
  const std::string reference = absl::StrCat(prefix, period, code, Base36(sequence, 5));
  RETURN_IF_ERROR(ValidatePaymentReference(reference, "payment_reference"));
  return reference;
}

absl::StatusOr<std::string> QrForBalance(const BankAccount& account, const std::string& reference,
                                         int64_t balance) {
  if (balance <= 0) {
    return platform::WithReason(
        absl::FailedPreconditionError("Hóa đơn đã thanh toán đủ, không còn mã QR (nothing is owed)"),
        "INVOICE_PAID");
  }
  RETURN_IF_ERROR(ValidatePaymentReference(reference, "payment_reference"));
  return BuildVietQr({.bank_bin = account.bank_bin,
                      .account_number = account.account_number,
                      .amount = balance,
                      .purpose = reference});
}

}  // namespace parhub::finance
