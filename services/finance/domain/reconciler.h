// Reconciler: the school's bank statement against its invoices. Each bank
// transaction is recorded once, however often a statement is imported or a
// line is pushed. A credit line whose description names open invoices'
// payment references pays them (siblings in one transfer: in the order
// named, each up to its balance); what is left becomes the family's credit
// (payer_credits.h). Lines naming nothing payable, and money going out,
// wait for the office to match them to an invoice by hand or to ignore
// them, with the reason recorded.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_RECONCILER_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_RECONCILER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/finance/domain/cashier.h"
#include "services/finance/domain/finance_store.h"
#include "services/finance/domain/invoice_desk.h"
#include "services/finance/domain/payer_credits.h"
#include "services/finance/domain/payment_reference.h"
#include "services/finance/domain/statement_file.h"
#include "services/finance/domain/transfer_allocation.h"

namespace parhub::finance {

struct StatementImport final {
  int line_count = 0;  // entries in the file, valid or not
  int matched = 0;
  int unmatched = 0;
  int duplicates = 0;  // recorded by an earlier import: nothing changed
  std::vector<platform::RowError> errors;
  std::vector<StatementLine> new_lines;  // at most 1,000
  bool applied = false;
  absl::Time time;
};

class Reconciler final {
 public:
  Reconciler(FinanceStore& store, InvoiceDesk& invoices, Cashier& cashier, PayerCredits& credits, Clock clock)
      : store_(store), invoices_(invoices), cashier_(cashier), credits_(credits), clock_(std::move(clock)) {}

  // All-or-nothing unless `skip_invalid_lines`.
  absl::StatusOr<StatementImport> Import(const std::string& school_id, absl::string_view content,
                                         const ColumnMapping& mapping, bool skip_invalid_lines,
                                         const std::string& actor);
  // One line pushed by the bank (webhook style); a transaction recorded
  // before is returned unchanged.
  absl::StatusOr<StatementLine> ImportLine(const std::string& school_id, const StatementEntry& entry,
                                           const std::string& actor);
  // An unmatched credit line pays `invoice_id`; beyond its balance the
  // pupil's other open invoices oldest first, then the pupil's credit.
  absl::StatusOr<StatementLine> Match(const std::string& school_id, const std::string& line_id,
                                      const std::string& invoice_id, const std::string& note,
                                      const std::string& actor);
  absl::StatusOr<StatementLine> Ignore(const std::string& school_id, const std::string& line_id,
                                       const std::string& note, const std::string& actor);
  absl::StatusOr<StatementLine> Get(const std::string& school_id, const std::string& line_id);
  absl::StatusOr<platform::Page<StatementLine>> List(const std::string& school_id,
                                                     const std::vector<MatchState>& states,
                                                     std::optional<absl::Time> start,
                                                     std::optional<absl::Time> end,
                                                     const platform::PageRequest& page);

 private:
  // Inside a transaction: records a new line and settles it when it names
  // open invoices.
  absl::StatusOr<StatementLine> Record(const std::string& school_id, const StatementEntry& entry,
                                       const ReferenceIndex& index, const FinanceSettings& settings,
                                       const std::string& actor);
  // Why a credit line names nothing payable; sets the detected reference.
  absl::Status ExplainUnmatched(const std::string& school_id, const FinanceSettings& settings,
                                StatementLine& line);
  // Pays `allocations` from `line` and holds the rest for `pupil_id`.
  absl::Status Settle(const std::string& school_id, StatementLine& line,
                      const std::vector<Allocation>& allocations, int64_t credit, const std::string& pupil_id,
                      const std::string& actor);

  FinanceStore& store_;
  InvoiceDesk& invoices_;
  Cashier& cashier_;
  PayerCredits& credits_;
  Clock clock_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_RECONCILER_H_
