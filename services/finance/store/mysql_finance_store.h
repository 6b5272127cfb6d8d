// FinanceStore on MySQL/MariaDB (schema: migrations/001_finance.sql). The
// reads behind summaries and ledger checks, each grouped by school so that
// one query serves any number of schools, are in mysql_finance_summaries.cc;
// the rest in mysql_finance_store.cc.
#ifndef PARHUB_SERVICES_FINANCE_STORE_MYSQL_FINANCE_STORE_H_
#define PARHUB_SERVICES_FINANCE_STORE_MYSQL_FINANCE_STORE_H_

#include <vector>

#include "platform/db/db.h"
#include "platform/db/migrations.h"
#include "services/finance/domain/finance_store.h"

// The finance schema, embedded at build time (cmake/Migrations.cmake).
const std::vector<parhub::platform::Migration>& FinanceMigrations();

namespace parhub::finance {

class MySqlFinanceStore final : public FinanceStore {
 public:
  explicit MySqlFinanceStore(platform::Db& db) : db_(db) {}

  using FinanceStore::Atomically;
  absl::Status Atomically(const std::function<absl::Status()>& fn) override;
  absl::StatusOr<int64_t> NextSequence(const std::string& school_id, const std::string& counter) override;

  absl::StatusOr<FinanceSettings> GetSettings(const std::string& school_id) override;
  absl::Status PutSettings(const FinanceSettings& settings) override;

  absl::Status InsertPupil(const PupilRecord& pupil) override;
  absl::Status UpdatePupil(const PupilRecord& pupil) override;
  absl::StatusOr<PupilRecord> GetPupil(const std::string& school_id, const std::string& pupil_id) override;
  absl::StatusOr<std::optional<PupilRecord>> FindPupilByCode(const std::string& school_id,
                                                             const std::string& pupil_code) override;
  absl::StatusOr<std::vector<PupilRecord>> ListPupils(const std::string& school_id, const PupilQuery& query,
                                                      const std::vector<std::string>& after,
                                                      int limit) override;

  absl::Status InsertFeeItem(const FeeItem& item) override;
  absl::Status UpdateFeeItem(const FeeItem& item) override;
  absl::StatusOr<FeeItem> GetFeeItem(const std::string& school_id, const std::string& fee_item_id) override;
  absl::StatusOr<std::vector<FeeItem>> ListFeeItems(const std::string& school_id,
                                                    const std::string& school_year, bool include_inactive,
                                                    const std::string& after_id, int limit) override;

  absl::Status InsertInvoice(const Invoice& invoice) override;
  absl::StatusOr<Invoice> GetInvoice(const std::string& school_id, const std::string& invoice_id,
                                     Lock lock) override;
  absl::StatusOr<std::optional<Invoice>> FindInvoiceByReference(const std::string& school_id,
                                                                const std::string& reference,
                                                                Lock lock) override;
  absl::Status UpdateInvoiceState(const Invoice& invoice) override;
  absl::StatusOr<std::vector<Invoice>> ListInvoices(const std::string& school_id, const InvoiceQuery& query,
                                                    std::optional<int64_t> before_sequence,
                                                    int limit) override;
  absl::StatusOr<std::vector<std::string>> PupilsInvoicedFor(const std::string& school_id,
                                                             const std::string& period) override;

  absl::Status PutMealAbsence(const MealAbsence& absence) override;
  absl::Status DeleteMealAbsence(const std::string& school_id, const std::string& period,
                                 const std::string& pupil_id) override;
  absl::StatusOr<std::vector<MealAbsence>> ListMealAbsences(const std::string& school_id,
                                                            const std::string& period, bool unrefunded_only,
                                                            const std::string& after_pupil_id, int limit,
                                                            Lock lock) override;
  absl::Status MarkMealAbsenceRefunded(const std::string& school_id, const std::string& period,
                                       const std::string& pupil_id, const std::string& invoice_id) override;
  absl::Status ReleaseMealAbsences(const std::string& school_id, const std::string& invoice_id) override;

  absl::Status InsertPayment(const Payment& payment) override;
  absl::StatusOr<Payment> GetPayment(const std::string& school_id, const std::string& payment_id,
                                     Lock lock) override;
  absl::StatusOr<std::optional<Payment>> FindPaymentByBankTransaction(const std::string& school_id,
                                                                      const std::string& transaction_id,
                                                                      const std::string& invoice_id) override;
  absl::Status UpdatePayment(const Payment& payment) override;
  absl::StatusOr<std::vector<Payment>> ListPayments(
      const std::string& school_id, const PaymentQuery& query,
      const std::optional<std::pair<absl::Time, std::string>>& before, int limit) override;
  absl::Status InsertReceipt(const Receipt& receipt) override;
  absl::StatusOr<std::vector<Receipt>> ReceiptsOfInvoices(
      const std::string& school_id, const std::vector<std::string>& invoice_ids) override;
  absl::Status CancelReceipt(const std::string& school_id, const std::string& receipt_id) override;
  absl::StatusOr<Receipt> GetReceipt(const std::string& school_id, const std::string& receipt_id) override;
  absl::StatusOr<std::vector<Receipt>> ListReceipts(const std::string& school_id, int year,
                                                    std::optional<std::pair<int, int64_t>> after,
                                                    int limit) override;

  absl::Status InsertStatementLine(const StatementLine& line) override;
  absl::Status UpdateStatementLine(const StatementLine& line) override;
  absl::StatusOr<StatementLine> GetStatementLine(const std::string& school_id, const std::string& line_id,
                                                 Lock lock) override;
  absl::StatusOr<std::optional<StatementLine>> FindStatementLine(const std::string& school_id,
                                                                 const std::string& transaction_id) override;
  absl::StatusOr<std::vector<std::string>> RecordedTransactions(
      const std::string& school_id, const std::vector<std::string>& transaction_ids) override;
  absl::StatusOr<std::vector<StatementLine>> ListStatementLines(
      const std::string& school_id, const std::vector<MatchState>& states, std::optional<absl::Time> start,
      std::optional<absl::Time> end, const std::optional<std::pair<absl::Time, std::string>>& after,
      int limit) override;
  absl::StatusOr<std::vector<std::string>> OpenReferences(const std::string& school_id) override;
  absl::StatusOr<std::vector<Invoice>> OpenInvoicesOf(const std::string& school_id,
                                                      const std::string& pupil_id) override;

  absl::Status InsertCredit(const PayerCredit& credit) override;
  absl::Status UpdateCredit(const PayerCredit& credit) override;
  absl::StatusOr<PayerCredit> GetCredit(const std::string& school_id, const std::string& credit_id,
                                        Lock lock) override;
  absl::StatusOr<std::vector<PayerCredit>> ListCredits(
      const std::string& school_id, const std::string& pupil_id, bool include_used,
      const std::optional<std::pair<absl::Time, std::string>>& after, int limit) override;

  absl::Status InsertExpenditure(const Expenditure& e) override;
  absl::Status UpdateExpenditure(const Expenditure& e) override;
  absl::StatusOr<Expenditure> GetExpenditure(const std::string& school_id, const std::string& expenditure_id,
                                             Lock lock) override;
  absl::StatusOr<std::vector<Expenditure>> ListExpenditures(
      const std::string& school_id, Date from, Date to, const std::string& category,
      const std::optional<std::pair<Date, std::string>>& before, int limit) override;
  absl::StatusOr<std::map<std::string, MoneyFacts>> ReadMoneyFacts(const std::vector<std::string>& school_ids,
                                                                   Date from, Date to) override;
  absl::StatusOr<std::vector<CodeAmount>> CollectedByFeeItem(const std::string& school_id, Date from,
                                                             Date to) override;
  absl::StatusOr<std::vector<CodeAmount>> SpentByCategory(const std::string& school_id, Date from,
                                                          Date to) override;
  absl::Status PutDisclosure(const Disclosure& disclosure) override;
  absl::StatusOr<std::optional<Disclosure>> GetDisclosure(const std::string& school_id,
                                                          const std::string& school_year) override;
  absl::StatusOr<std::set<std::string>> PublishedDisclosures(const std::vector<std::string>& school_ids,
                                                             const std::string& school_year) override;

  absl::Status InsertTransfer(const LedgerTransfer& transfer) override;
  absl::StatusOr<LedgerTransfer> GetTransfer(const std::string& school_id,
                                             const std::string& transfer_id) override;
  absl::StatusOr<std::vector<AccountTotals>> SumAccounts(const std::string& school_id,
                                                         std::optional<absl::Time> as_of) override;
  absl::StatusOr<std::vector<LedgerTransfer>> ListTransfers(
      const std::string& school_id, const std::string& account, std::optional<absl::Time> start,
      std::optional<absl::Time> end, const std::optional<std::pair<absl::Time, std::string>>& after,
      int limit) override;
  absl::StatusOr<std::map<std::string, LedgerFacts>> ReadLedgerFacts(
      const std::vector<std::string>& school_ids) override;

  // The instants [from 00:00, day after `to` 00:00) in Vietnam time, as SQL.
  static std::pair<std::string, std::string> DaySpan(Date from, Date to);

 private:
  absl::StatusOr<std::vector<Invoice>> SelectInvoices(const std::string& where,
                                                      const std::vector<platform::SqlValue>& params);
  absl::StatusOr<std::vector<Payment>> SelectPayments(const std::string& where,
                                                      const std::vector<platform::SqlValue>& params);
  absl::StatusOr<std::vector<Receipt>> SelectReceipts(const std::string& where,
                                                      const std::vector<platform::SqlValue>& params);
  absl::StatusOr<std::vector<StatementLine>> SelectStatementLines(
      const std::string& where, const std::vector<platform::SqlValue>& params);
  absl::StatusOr<std::vector<PayerCredit>> SelectCredits(const std::string& where,
                                                         const std::vector<platform::SqlValue>& params);
  absl::StatusOr<std::vector<Expenditure>> SelectExpenditures(const std::string& where,
                                                              const std::vector<platform::SqlValue>& params);
  absl::StatusOr<std::vector<LedgerTransfer>> SelectTransfers(const std::string& where,
                                                              const std::vector<platform::SqlValue>& params);

  platform::Db& db_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_STORE_MYSQL_FINANCE_STORE_H_
