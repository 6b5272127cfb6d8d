// The finance service's records as the domain sees them: a school's
// finance settings, pupils (the payers), fee items, invoices with their
// lines, payments, receipts and the double-entry ledger. Money is int64
// đồng. Pure C++; the store persists these and the rpc layer converts them.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_MODEL_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_MODEL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "platform/core/date.h"
#include "services/finance/domain/class_list.h"
#include "services/finance/domain/invoice_math.h"

namespace parhub::finance {

using ::parhub::platform::Date;
using Clock = std::function<absl::Time()>;

// Where parents pay and what receipts print.
struct FinanceSettings final {
  std::string school_id;
  std::string bank_bin;          // 6 digits (NAPAS)
  std::string account_number;    // ≤ 19 letters or digits
  std::string account_name;      // upper case, no diacritics
  std::string reference_prefix;  // 2-6 upper-case letters or digits
  std::string issuer_name;       // printed on receipts
  std::string tax_code;
  std::string receipt_template;  // ký hiệu mẫu biên lai
  std::string receipt_series;    // ký hiệu biên lai
  std::string school_level;      // "mam-non", "tieu-hoc", "thcs", "thpt"; "" unset
  int area_group = 0;            // 1 phường, 2 xã/đặc khu; 0 unset
  absl::Time update_time;

  bool CanIssueQr() const { return !bank_bin.empty() && !account_number.empty(); }
};

enum class PupilStatus { kUnspecified, kEnrolled, kLeft };

struct PupilRecord final {
  std::string school_id;
  std::string pupil_id;
  Pupil pupil;  // code, names, class, guardian contact (class_list.h)
  PupilStatus status = PupilStatus::kEnrolled;
  absl::Time create_time;
  std::string slip_secret;  // printed on invoice slips (platform::RandomCrockford(10))
};

enum class FeeUnit { kUnspecified, kMonth, kTerm, kYear, kOnce };

// A charge the school collects in a school year (khoản thu).
struct FeeItem final {
  std::string school_id;
  std::string fee_item_id;
  std::string code;          // "HP", "BAN-TRU"
  std::string display_name;  // "Tiền ăn bán trú"
  int64_t amount = 0;        // per unit, đồng (> 0)
  FeeUnit unit = FeeUnit::kMonth;
  std::string school_year;  // "2025-2026"
  std::string legal_basis;
  bool mandatory = false;
  bool active = true;
  std::string charge_kind;  // fee_rules.json kind, e.g. "ban-tru"
};

enum class InvoiceState { kUnspecified, kIssued, kPartiallyPaid, kPaid, kCancelled };

// A line as issued: quantity × unit amount (negative for an exemption).
struct IssuedLine final {
  std::string fee_item_id;  // "" for a free-text line
  std::string description;
  int quantity = 1;
  int64_t unit_amount = 0;
  int64_t amount = 0;
  std::string legal_basis;
};

struct Invoice final {
  std::string school_id;
  std::string invoice_id;
  int64_t sequence = 0;  // per school, in the payment reference
  std::string pupil_id;
  std::string period;  // "2026-09"
  std::vector<IssuedLine> lines;
  int64_t total = 0;
  int64_t paid = 0;  // payments net of reversals
  Date due_date;
  std::string payment_reference;
  BankAccount paid_into;  // the account the reference was issued for
  InvoiceState state = InvoiceState::kIssued;
  std::string cancel_reason;
  absl::Time create_time;
  absl::Time update_time;

  int64_t balance() const { return Balance(total, paid); }
  bool open() const { return state == InvoiceState::kIssued || state == InvoiceState::kPartiallyPaid; }
};

// kCredit: paid from the payer's credit (money received earlier by transfer).
enum class PaymentMethod { kUnspecified, kCash, kBankTransfer, kVietQr, kCard, kEWallet, kCredit };
inline bool IsCashless(PaymentMethod m) {
  return m != PaymentMethod::kCash && m != PaymentMethod::kUnspecified;
}

enum class PaymentState { kUnspecified, kRecorded, kReversed };

struct Payment final {
  std::string school_id;
  std::string payment_id;
  std::string invoice_id;
  int64_t amount = 0;
  PaymentMethod method = PaymentMethod::kUnspecified;
  absl::Time paid_time;
  std::string payer_name;
  std::string bank_transaction_id;  // "" for cash
  std::string statement_line_id;    // "" unless from a statement
  std::string credit_id;            // the payer's credit it came from; "" unless kCredit
  std::string receipt_id;
  PaymentState state = PaymentState::kRecorded;
  std::string reversal_reason;
  std::string transfer_id;
  std::string reversal_transfer_id;
  std::string recorded_by;
  absl::Time create_time;
};

struct ReceiptItem final {
  std::string fee_item_id;  // "" when the charge was a free-text line
  std::string description;
  std::string period;
  int64_t amount = 0;
};

// A receipt (biên lai): numbered {year}-{seq:06}, gapless per school and
// calendar year; a reversed payment's receipt keeps its number, cancelled.
struct Receipt final {
  std::string school_id;
  std::string receipt_id;
  int year = 0;
  int64_t sequence = 0;
  std::string payment_id;
  std::string invoice_id;
  std::string pupil_id;
  int64_t amount = 0;
  std::string payer_name;
  PaymentMethod method = PaymentMethod::kUnspecified;
  absl::Time issue_time;
  bool cancelled = false;
  std::string template_symbol;
  std::string series;
  std::string issuer_name;
  std::string tax_code;
  std::vector<ReceiptItem> items;

  std::string Number() const;  // "2026-000123"
};

enum class MatchState { kUnspecified, kMatched, kUnmatched, kIgnored };
enum class UnmatchedReason {
  kUnspecified,
  kNoReference,
  kUnknownReference,
  kInvoiceClosed,
  kAmountExceedsBalance,
  kDebit
};

// One bank transaction as the statement showed it, recorded once per
// transaction id, and what became of it.
struct StatementLine final {
  std::string school_id;
  std::string line_id;
  std::string bank_transaction_id;
  absl::Time booking_time;
  int64_t amount = 0;  // negative: money out
  std::string description;
  std::string counterparty_name;
  std::string counterparty_account;
  MatchState match_state = MatchState::kUnmatched;
  UnmatchedReason unmatched_reason = UnmatchedReason::kUnspecified;
  std::string detected_reference;        // the first reference the description names
  std::string invoice_id;                // the first invoice it paid
  std::vector<std::string> payment_ids;  // read from the payments (output only)
  int64_t credited_amount = 0;
  std::string credit_id;
  std::string resolved_by;
  std::string resolution_note;
  absl::Time create_time;
};

enum class CreditState { kUnspecified, kOpen, kUsed };

// Money a family paid beyond what its invoices owed (ledger: suspense).
struct PayerCredit final {
  std::string school_id;
  std::string credit_id;
  std::string pupil_id;
  int64_t amount = 0;
  int64_t remaining = 0;
  std::string statement_line_id;
  CreditState state = CreditState::kOpen;
  absl::Time create_time;
  std::vector<std::string> refund_notes;
};

// School days a pupil missed in a month with the meals cancelled, paid
// back once on a later invoice (meal_refunds.h).
struct MealAbsence final {
  std::string school_id;
  std::string period;  // "YYYY-MM"
  std::string pupil_id;
  std::string pupil_code;  // read with the record, for messages and views
  int days = 0;
  std::string note;
  std::string refunded_invoice_id;  // "" until a refund line paid it back
  absl::Time update_time;
};

// Spending (khoản chi), never edited; a mistake is reversed.
struct Expenditure final {
  std::string school_id;
  std::string expenditure_id;
  Date spend_date;
  int64_t amount = 0;
  PaymentMethod method = PaymentMethod::kUnspecified;  // cash, transfer, card, e-wallet
  std::string payee;
  std::string purpose;
  std::string category;         // "an-uong", "co-so-vat-chat", …
  std::string document_number;  // số chứng từ
  bool reversed = false;
  std::string reversal_reason;
  std::string transfer_id;
  std::string reversal_transfer_id;
  absl::Time create_time;
};

// An amount under a code (a fee item, a spending category).
struct CodeAmount final {
  std::string code;
  std::string display_name;
  int64_t amount = 0;
};

// What a school publishes about its money for a school year (Thông tư
// 09/2024/TT-BGDĐT): what it charges and on what basis, what it collected
// per charge, what it spent per category, and how much of it moved
// without cash. No personal data.
struct Disclosure final {
  std::string school_id;
  std::string school_year;
  std::vector<FeeItem> fee_items;
  std::vector<CodeAmount> collected;
  std::vector<CodeAmount> spent;
  double cashless_share_amount = 100;
  double spending_cashless_share_amount = 100;
  std::optional<absl::Time> publish_time;  // unset: computed now, not published
};

// The fixed chart of accounts every school has.
enum class AccountKind { kUnspecified, kAsset, kLiability, kRevenue, kExpense };
struct LedgerAccountInfo final {
  const char* code;
  const char* display_name;
  AccountKind kind;
};
const std::vector<LedgerAccountInfo>& ChartOfAccounts();
inline constexpr char kCashAccount[] = "cash";
inline constexpr char kBankAccount[] = "bank";
inline constexpr char kReceivablesAccount[] = "receivables";
inline constexpr char kFeeRevenueAccount[] = "fee-revenue";
inline constexpr char kExpenseAccount[] = "expense";
inline constexpr char kSuspenseAccount[] = "suspense";

struct LedgerEntry final {
  std::string account;  // a code of ChartOfAccounts()
  int64_t debit = 0;
  int64_t credit = 0;
};

struct LedgerTransfer final {
  std::string school_id;
  std::string transfer_id;
  absl::Time post_time;
  std::vector<LedgerEntry> entries;
  std::string source;  // resource name
  std::string description;
  std::string reverses;  // transfer id
};

// A two-leg transfer: debit `debit_account`, credit `credit_account`.
LedgerTransfer SimpleTransfer(const std::string& debit_account, const std::string& credit_account,
                              int64_t amount, std::string source, std::string description);
// The transfer that undoes `original` (legs swapped), reversing it.
LedgerTransfer ReversingTransfer(const LedgerTransfer& original, std::string description);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_MODEL_H_
