// FinanceReports: what a school's money looks like over a period — the
// summary reporting pulls (collections and spending, how much of each
// moved without cash, receivables, collection rate, reconciliation and
// ledger health) — and the yearly public disclosure (Thông tư
// 09/2024/TT-BGDĐT: the charges and their basis, what was collected per
// charge and spent per category), which anyone may read once published.
// Shares and rates are percentages, 100 when nothing was counted. One
// school's summary is a batch of one: SummarizeSchools reads the facts of
// any number of schools in the same few grouped queries.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_FINANCE_REPORTS_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_FINANCE_REPORTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/finance/domain/finance_store.h"
#include "services/finance/domain/ledger.h"

namespace parhub::finance {

struct FinanceSummary final {
  MoneyFacts facts;
  double cashless_share_amount = 100;
  double cashless_share_count = 100;
  double spending_cashless_share_amount = 100;
  double spending_cashless_share_count = 100;
  double collection_rate = 100;
  bool ledger_ok = false;
  bool disclosure_published = false;  // of the school year `to` falls in
};

// The first and last day of a school year ("2026-2027": 1/9/2026–31/8/2027).
std::pair<Date, Date> SchoolYearDays(const std::string& school_year);

class FinanceReports final {
 public:
  FinanceReports(FinanceStore& store, Ledger& ledger, Clock clock)
      : store_(store), ledger_(ledger), clock_(std::move(clock)) {}

  // INVALID_ARGUMENT on "period_start"/"period_end" for unset or reversed
  // days or a span over 400 days.
  absl::StatusOr<FinanceSummary> Summarize(const std::string& school_id, Date from, Date to);
  // The summaries of `school_ids` (platform::CheckSchoolBatch: 1 to 5,000,
  // each once) in that order, with the period checked as by Summarize; a
  // school without data has zero counts. Reads, whatever the number of
  // schools: money facts (eight queries), ledger facts (four, a fifth when
  // receipt numbers have gaps) and published disclosures (one).
  absl::StatusOr<std::vector<FinanceSummary>> SummarizeSchools(const std::vector<std::string>& school_ids,
                                                               Date from, Date to);
  // The year's figures as of now (unpublished).
  absl::StatusOr<Disclosure> Compute(const std::string& school_id, const std::string& school_year);
  // Computes and stores the snapshot the public reads.
  absl::StatusOr<Disclosure> Publish(const std::string& school_id, const std::string& school_year);
  // The published snapshot; NOT_FOUND (reason DISCLOSURE_NOT_PUBLISHED)
  // when there is none.
  absl::StatusOr<Disclosure> Published(const std::string& school_id, const std::string& school_year);

 private:
  FinanceStore& store_;
  Ledger& ledger_;
  Clock clock_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_FINANCE_REPORTS_H_
