// InvoiceDesk: the school's finance settings (where parents pay, what
// receipts print) and its invoices — one per pupil per month, single or for
// whole classes in one call, each with a payment reference and a VietQR code
// for what is still owed, cancelled only while nothing is paid. Issuing
// posts receivables against fee revenue; cancelling reverses it.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_INVOICE_DESK_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_INVOICE_DESK_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/finance/domain/fee_rules.h"
#include "services/finance/domain/finance_store.h"
#include "services/finance/domain/ledger.h"
#include "services/finance/domain/meal_refunds.h"

namespace parhub::finance {

struct SettingsPatch final {
  std::optional<std::string> bank_bin, account_number, account_name, reference_prefix, issuer_name, tax_code,
      receipt_template, receipt_series, school_level;
  std::optional<int> area_group;
};

// A line as asked for: a fee item's charge (unit amount from the item when
// 0), or an exemption or discount (negative, with its legal basis).
struct DraftLine final {
  std::string fee_item_id;
  std::string description;
  int quantity = 1;
  int64_t unit_amount = 0;
  std::string legal_basis;
};

struct InvoiceDraft final {
  std::string pupil_id;
  std::string period;  // "2026-09"
  std::vector<DraftLine> lines;
  Date due_date;
};

struct BatchInvoicing final {
  int created = 0;
  int skipped = 0;   // already invoiced for the period
  int refunded = 0;  // created with a meal refund line
  std::vector<std::string> invoice_ids;
};

// The school year a month belongs to: September starts it ("2026-09" →
// "2026-2027", "2027-03" → "2026-2027").
std::string SchoolYearOf(int year, int month);
// "tháng 9/2026", as lines and refunds name a month.
std::string MonthLabel(int year, int month);
// "YYYY-MM" → {year, month}; INVALID_ARGUMENT naming `field`.
absl::StatusOr<std::pair<int, int>> ParsePeriod(absl::string_view period, absl::string_view field);

class InvoiceDesk final {
 public:
  InvoiceDesk(FinanceStore& store, Ledger& ledger, const FeeRules& rules, Clock clock)
      : store_(store), ledger_(ledger), rules_(rules), clock_(std::move(clock)) {}

  // The school's settings; empty ones (with the school id) before any save.
  absl::StatusOr<FinanceSettings> Settings(const std::string& school_id);
  absl::StatusOr<FinanceSettings> UpdateSettings(const std::string& school_id, const SettingsPatch& patch);

  // ALREADY_EXISTS when the pupil has a live invoice for the period;
  // FAILED_PRECONDITION when settings are incomplete or the pupil left.
  absl::StatusOr<Invoice> Create(const std::string& school_id, InvoiceDraft draft);
  // Every enrolled pupil (of `class_names`, empty: all) not yet invoiced
  // for `period` gets one invoice of `fee_item_ids`, quantity 1 each; at
  // most 2,000 per call. With `meal_refund`, a pupil with unrefunded
  // absences in its month also gets the refund line (meal_refunds.h), and
  // the absences are marked refunded by that invoice; FAILED_PRECONDITION
  // (REFUND_EXCEEDS_CHARGE) when a refund is more than the meal charge.
  absl::StatusOr<BatchInvoicing> CreateForClasses(const std::string& school_id, const std::string& period,
                                                  const std::vector<std::string>& class_names,
                                                  const std::vector<std::string>& fee_item_ids, Date due_date,
                                                  std::optional<MealRefundPlan> meal_refund = std::nullopt);
  absl::StatusOr<Invoice> Get(const std::string& school_id, const std::string& invoice_id);
  absl::StatusOr<platform::Page<Invoice>> List(const std::string& school_id, InvoiceQuery query,
                                               const platform::PageRequest& page);
  absl::StatusOr<Invoice> Cancel(const std::string& school_id, const std::string& invoice_id,
                                 const std::string& reason);

  // The VietQR code for what `invoice` still owes, to the school's current
  // account (a code printed before the account changed no longer matches);
  // "" when nothing is owed or no account is set.
  std::string QrOf(const Invoice& invoice, const FinanceSettings& settings) const;
  bool Overdue(const Invoice& invoice) const;

 private:
  absl::StatusOr<Invoice> Issue(const std::string& school_id, const FinanceSettings& settings,
                                const PupilRecord& pupil, const InvoiceDraft& draft,
                                const std::vector<IssuedLine>& lines);
  absl::StatusOr<std::vector<IssuedLine>> PriceLines(const std::string& school_id,
                                                     const std::string& school_year, int month, int year,
                                                     const std::vector<DraftLine>& lines);
  absl::Status CheckDueDate(Date due_date) const;

  FinanceStore& store_;
  Ledger& ledger_;
  const FeeRules& rules_;
  Clock clock_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_INVOICE_DESK_H_
