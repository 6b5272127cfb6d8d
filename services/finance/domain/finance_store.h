// FinanceStore: what the finance domain needs from storage (MySQL in
// store/). Every read and write is scoped by its school; nothing here
// crosses schools except what a caller's school id names.
//
// Errors: NOT_FOUND for missing rows, ALREADY_EXISTS for a duplicate id,
// pupil code, open invoice of a pupil for a period, or bank transaction on
// an invoice; UNAVAILABLE when the database cannot be reached.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_FINANCE_STORE_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_FINANCE_STORE_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/finance/domain/model.h"

namespace parhub::finance {

// Whether a read locks the rows until the surrounding Atomically ends.
enum class Lock { kNone, kForUpdate };

struct PupilQuery final {
  std::string class_name;  // "": any
  std::string query;       // folded name or code fragment; "": any
  bool include_left = false;
};

struct InvoiceQuery final {
  std::string pupil_id;  // "": any
  std::string period;    // "": any
  std::vector<InvoiceState> states;
  std::optional<Date> overdue_on;  // only open invoices due before this day
  std::string payment_reference;   // normalised; "": any
};

struct PaymentQuery final {
  std::string invoice_id;
  std::vector<PaymentMethod> methods;
  std::optional<absl::Time> start;  // paid at or after
  std::optional<absl::Time> end;    // paid before
};

// Sums of one account's entries.
struct AccountTotals final {
  std::string account;
  int64_t debit = 0;
  int64_t credit = 0;
};

// What CheckLedger reads; the domain decides what is wrong.
struct LedgerFacts final {
  int64_t total_debits = 0;
  int64_t total_credits = 0;
  std::vector<std::string> unbalanced_transfers;
  std::vector<std::string> inconsistent_invoices;  // paid ≠ Σ recorded payments
  int64_t suspense_balance = 0;                    // credits − debits of the suspense account
  int64_t credits_remaining = 0;                   // Σ what the payers' credits still hold
  struct YearSequence final {
    int year = 0;
    int64_t count = 0;
    int64_t max_sequence = 0;
    std::vector<int64_t> sequences;  // filled only when count ≠ max (gaps to name)
  };
  std::vector<YearSequence> receipt_years;
};

// Aggregates of a school's money over a span of days.
struct MoneyFacts final {
  int invoice_count = 0;  // issued in the days, not cancelled
  int64_t invoiced_amount = 0;
  int collected_count = 0;  // payments paid in the days, not reversed
  int64_t collected_amount = 0;
  int cashless_collected_count = 0;
  int64_t cashless_collected_amount = 0;
  int spent_count = 0;  // spending in the days, not reversed
  int64_t spent_amount = 0;
  int cashless_spent_count = 0;
  int64_t cashless_spent_amount = 0;
  int64_t outstanding_receivables = 0;  // open balances of invoices issued up to the last day
  int64_t overdue_receivables = 0;      // of which due before the last day
  int64_t due_total = 0;                // invoices due in the days, not cancelled
  int64_t due_paid = 0;
  int unmatched_statement_lines = 0;  // now
  int reversed_payments = 0;          // paid in the days, since reversed
  int receipts_issued = 0;
};

class FinanceStore {
 public:
  virtual ~FinanceStore() = default;

  // Runs `fn` in one transaction; nested calls join the outer one.
  virtual absl::Status Atomically(const std::function<absl::Status()>& fn) = 0;
  // The same, for a body with a result.
  template <typename T>
  absl::StatusOr<T> Atomically(const std::function<absl::StatusOr<T>()>& fn) {
    std::optional<T> result;
    absl::Status status = Atomically([&]() -> absl::Status {
      absl::StatusOr<T> r = fn();
      if (!r.ok()) return r.status();
      result = *std::move(r);
      return absl::OkStatus();
    });
    if (!status.ok()) return status;
    return *std::move(result);
  }

  // The next value of a per-school counter ("invoice", "receipt-2026"),
  // from 1, taken under a row lock: a rolled-back transaction gives its
  // number back, so committed numbers have no gaps.
  virtual absl::StatusOr<int64_t> NextSequence(const std::string& school_id, const std::string& counter) = 0;

  // ---- settings ----
  // NOT_FOUND when the school never saved any.
  virtual absl::StatusOr<FinanceSettings> GetSettings(const std::string& school_id) = 0;
  virtual absl::Status PutSettings(const FinanceSettings& settings) = 0;

  // ---- pupils ----
  virtual absl::Status InsertPupil(const PupilRecord& pupil) = 0;
  virtual absl::Status UpdatePupil(const PupilRecord& pupil) = 0;
  virtual absl::StatusOr<PupilRecord> GetPupil(const std::string& school_id, const std::string& pupil_id) = 0;
  virtual absl::StatusOr<std::optional<PupilRecord>> FindPupilByCode(const std::string& school_id,
                                                                     const std::string& pupil_code) = 0;
  // Ordered by class, display name, id; after the cursor (class, name, id).
  virtual absl::StatusOr<std::vector<PupilRecord>> ListPupils(const std::string& school_id,
                                                              const PupilQuery& query,
                                                              const std::vector<std::string>& after,
                                                              int limit) = 0;

  // ---- fee items ----
  virtual absl::Status InsertFeeItem(const FeeItem& item) = 0;
  virtual absl::Status UpdateFeeItem(const FeeItem& item) = 0;
  virtual absl::StatusOr<FeeItem> GetFeeItem(const std::string& school_id,
                                             const std::string& fee_item_id) = 0;
  // Ordered by school year, code, id; after the cursor id.
  virtual absl::StatusOr<std::vector<FeeItem>> ListFeeItems(const std::string& school_id,
                                                            const std::string& school_year,
                                                            bool include_inactive,
                                                            const std::string& after_id, int limit) = 0;

  // ---- invoices ----
  // With its lines; ALREADY_EXISTS when the pupil has an open invoice for
  // the period.
  virtual absl::Status InsertInvoice(const Invoice& invoice) = 0;
  virtual absl::StatusOr<Invoice> GetInvoice(const std::string& school_id, const std::string& invoice_id,
                                             Lock lock) = 0;
  virtual absl::StatusOr<std::optional<Invoice>> FindInvoiceByReference(const std::string& school_id,
                                                                        const std::string& reference,
                                                                        Lock lock) = 0;
  // Writes paid, state, cancel reason and update time (lines never change).
  virtual absl::Status UpdateInvoiceState(const Invoice& invoice) = 0;
  // Newest first: by sequence descending, after the cursor sequence.
  virtual absl::StatusOr<std::vector<Invoice>> ListInvoices(const std::string& school_id,
                                                            const InvoiceQuery& query,
                                                            std::optional<int64_t> before_sequence,
                                                            int limit) = 0;
  // Pupils already holding an open invoice for `period`.
  virtual absl::StatusOr<std::vector<std::string>> PupilsInvoicedFor(const std::string& school_id,
                                                                     const std::string& period) = 0;

  // ---- meal absences (meal_refunds.h) ----
  // Inserts or replaces the pupil's days of the period (not refunded).
  virtual absl::Status PutMealAbsence(const MealAbsence& absence) = 0;
  virtual absl::Status DeleteMealAbsence(const std::string& school_id, const std::string& period,
                                         const std::string& pupil_id) = 0;
  // The period's absences with their pupil codes, ordered by pupil id,
  // after the cursor id; kForUpdate locks them.
  virtual absl::StatusOr<std::vector<MealAbsence>> ListMealAbsences(const std::string& school_id,
                                                                    const std::string& period,
                                                                    bool unrefunded_only,
                                                                    const std::string& after_pupil_id,
                                                                    int limit, Lock lock) = 0;
  virtual absl::Status MarkMealAbsenceRefunded(const std::string& school_id, const std::string& period,
                                               const std::string& pupil_id,
                                               const std::string& invoice_id) = 0;
  // Frees the absences an invoice refunded (the invoice was cancelled).
  virtual absl::Status ReleaseMealAbsences(const std::string& school_id, const std::string& invoice_id) = 0;

  // ---- payments and receipts ----
  virtual absl::Status InsertPayment(const Payment& payment) = 0;
  virtual absl::StatusOr<Payment> GetPayment(const std::string& school_id, const std::string& payment_id,
                                             Lock lock) = 0;
  // The payment of a bank transaction on an invoice, if recorded.
  virtual absl::StatusOr<std::optional<Payment>> FindPaymentByBankTransaction(
      const std::string& school_id, const std::string& transaction_id, const std::string& invoice_id) = 0;
  // Writes state, reversal reason and reversal transfer.
  virtual absl::Status UpdatePayment(const Payment& payment) = 0;
  // Newest first by (paid time, id); after the cursor.
  virtual absl::StatusOr<std::vector<Payment>> ListPayments(
      const std::string& school_id, const PaymentQuery& query,
      const std::optional<std::pair<absl::Time, std::string>>& before, int limit) = 0;
  virtual absl::Status InsertReceipt(const Receipt& receipt) = 0;
  // The receipts of `invoice_ids`, by number.
  virtual absl::StatusOr<std::vector<Receipt>> ReceiptsOfInvoices(
      const std::string& school_id, const std::vector<std::string>& invoice_ids) = 0;
  virtual absl::Status CancelReceipt(const std::string& school_id, const std::string& receipt_id) = 0;
  virtual absl::StatusOr<Receipt> GetReceipt(const std::string& school_id, const std::string& receipt_id) = 0;
  // Ordered by (year, sequence); after the cursor; year 0: all.
  virtual absl::StatusOr<std::vector<Receipt>> ListReceipts(const std::string& school_id, int year,
                                                            std::optional<std::pair<int, int64_t>> after,
                                                            int limit) = 0;

  // ---- statement lines ----
  // ALREADY_EXISTS when the bank transaction is already recorded.
  virtual absl::Status InsertStatementLine(const StatementLine& line) = 0;
  // Writes the match state, reason, reference, invoice, credit and resolution.
  virtual absl::Status UpdateStatementLine(const StatementLine& line) = 0;
  // With its payment ids.
  virtual absl::StatusOr<StatementLine> GetStatementLine(const std::string& school_id,
                                                         const std::string& line_id, Lock lock) = 0;
  virtual absl::StatusOr<std::optional<StatementLine>> FindStatementLine(
      const std::string& school_id, const std::string& transaction_id) = 0;
  // Which of `transaction_ids` are already recorded.
  virtual absl::StatusOr<std::vector<std::string>> RecordedTransactions(
      const std::string& school_id, const std::vector<std::string>& transaction_ids) = 0;
  // Oldest booking first by (booking time, id); after the cursor.
  virtual absl::StatusOr<std::vector<StatementLine>> ListStatementLines(
      const std::string& school_id, const std::vector<MatchState>& states, std::optional<absl::Time> start,
      std::optional<absl::Time> end, const std::optional<std::pair<absl::Time, std::string>>& after,
      int limit) = 0;
  // Payment references of the school's open invoices.
  virtual absl::StatusOr<std::vector<std::string>> OpenReferences(const std::string& school_id) = 0;
  // A pupil's open invoices, oldest first, locked.
  virtual absl::StatusOr<std::vector<Invoice>> OpenInvoicesOf(const std::string& school_id,
                                                              const std::string& pupil_id) = 0;

  // ---- payer credits ----
  virtual absl::Status InsertCredit(const PayerCredit& credit) = 0;
  // Writes remaining, state and refund notes.
  virtual absl::Status UpdateCredit(const PayerCredit& credit) = 0;
  virtual absl::StatusOr<PayerCredit> GetCredit(const std::string& school_id, const std::string& credit_id,
                                                Lock lock) = 0;
  // Oldest first by (create time, id); after the cursor.
  virtual absl::StatusOr<std::vector<PayerCredit>> ListCredits(
      const std::string& school_id, const std::string& pupil_id, bool include_used,
      const std::optional<std::pair<absl::Time, std::string>>& after, int limit) = 0;

  // ---- spending ----
  virtual absl::Status InsertExpenditure(const Expenditure& e) = 0;
  // Writes the reversal fields.
  virtual absl::Status UpdateExpenditure(const Expenditure& e) = 0;
  virtual absl::StatusOr<Expenditure> GetExpenditure(const std::string& school_id,
                                                     const std::string& expenditure_id, Lock lock) = 0;
  // Newest first by (spend date, id); before the cursor; dates inclusive.
  virtual absl::StatusOr<std::vector<Expenditure>> ListExpenditures(
      const std::string& school_id, Date from, Date to, const std::string& category,
      const std::optional<std::pair<Date, std::string>>& before, int limit) = 0;

  // ---- reports ----
  // Sums over [from, to] (local days) a summary and a disclosure read, of
  // each of `school_ids` (schools with nothing to count are absent).
  virtual absl::StatusOr<std::map<std::string, MoneyFacts>> ReadMoneyFacts(
      const std::vector<std::string>& school_ids, Date from, Date to) = 0;
  // Collected per fee item (receipts not cancelled, issued in the days).
  virtual absl::StatusOr<std::vector<CodeAmount>> CollectedByFeeItem(const std::string& school_id, Date from,
                                                                     Date to) = 0;
  // Spent per category (not reversed, spent in the days).
  virtual absl::StatusOr<std::vector<CodeAmount>> SpentByCategory(const std::string& school_id, Date from,
                                                                  Date to) = 0;
  // Replaces the published snapshot of the year.
  virtual absl::Status PutDisclosure(const Disclosure& disclosure) = 0;
  virtual absl::StatusOr<std::optional<Disclosure>> GetDisclosure(const std::string& school_id,
                                                                  const std::string& school_year) = 0;
  // Which of `school_ids` have published the disclosure of `school_year`.
  virtual absl::StatusOr<std::set<std::string>> PublishedDisclosures(
      const std::vector<std::string>& school_ids, const std::string& school_year) = 0;

  // ---- ledger ----
  virtual absl::Status InsertTransfer(const LedgerTransfer& transfer) = 0;
  virtual absl::StatusOr<LedgerTransfer> GetTransfer(const std::string& school_id,
                                                     const std::string& transfer_id) = 0;
  // Per account, transfers posted before `as_of` (unset: all).
  virtual absl::StatusOr<std::vector<AccountTotals>> SumAccounts(const std::string& school_id,
                                                                 std::optional<absl::Time> as_of) = 0;
  // Oldest first by (post time, id); only those touching `account` when
  // set; after the cursor.
  virtual absl::StatusOr<std::vector<LedgerTransfer>> ListTransfers(
      const std::string& school_id, const std::string& account, std::optional<absl::Time> start,
      std::optional<absl::Time> end, const std::optional<std::pair<absl::Time, std::string>>& after,
      int limit) = 0;
  // The ledger facts of each of `school_ids` (schools with no books at all
  // are absent).
  virtual absl::StatusOr<std::map<std::string, LedgerFacts>> ReadLedgerFacts(
      const std::vector<std::string>& school_ids) = 0;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_FINANCE_STORE_H_
