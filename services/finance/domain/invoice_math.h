// The arithmetic of school-fee invoices, in integer đồng: lines (charges,
// and exemptions or discounts as negative lines with their legal basis),
// totals and balances, the payment reference an invoice carries, and the
// VietQR code for what is still owed — reissued at the balance after a part
// payment, so a parent never pays twice. Pure C++.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_INVOICE_MATH_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_INVOICE_MATH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/finance/domain/vietqr.h"

namespace parhub::finance {

// Largest amount anywhere (field 54 of a VietQR code has 13 digits).
inline constexpr int64_t kMaxDong = 9'999'999'999'999;

struct InvoiceLine final {
  std::string fee_code;     // e.g. "BAN-TRU"
  std::string label;        // "Tiền ăn bán trú tháng 9/2026"
  int64_t amount = 0;       // đồng; negative: exemption or discount
  std::string legal_basis;  // required on a negative line
};

// The sum of the lines; INVALID_ARGUMENT naming "lines[i].amount" /
// "lines[i].legal_basis" for a zero or absurd amount, a discount without
// basis, or a total below zero (exemptions larger than the charges).
absl::StatusOr<int64_t> InvoiceTotal(const std::vector<InvoiceLine>& lines);

// What is still owed after `paid` (never negative; paid beyond the total
// is the payer's credit, not a negative balance).
int64_t Balance(int64_t total, int64_t paid);

// A payment reference: prefix (1-4 letters, e.g. "HP"), the period as
// YYMM, the school's short code (letters and digits, truncated) and the
// invoice's sequence in base 36, at most 19 characters in all, e.g.
// "HP2609MN2010000A7".
absl::StatusOr<std::string> MakePaymentReference(const std::string& prefix, int year, int month,
                                                 const std::string& school_code, int64_t sequence);

// The school's bank account an invoice is paid into.
struct BankAccount final {
  std::string bank_bin;
  std::string account_number;
};

// The one-time VietQR code for the balance, with the reference as the
// transfer's purpose; FAILED_PRECONDITION when nothing is owed.
absl::StatusOr<std::string> QrForBalance(const BankAccount& account, const std::string& reference,
                                         int64_t balance);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_INVOICE_MATH_H_
