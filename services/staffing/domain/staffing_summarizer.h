// StaffingSummarizer: a school's staffing figures for a period, as the
// reporting service and the authority read them (StaffingSummary):
// headcounts and quotas on the period's end, city e-mail adoption (task
// 1.7), quarterly ratings due and recorded, grades, downsizing records and
// progress against the target plan (task 1.3), discipline inspections (1.4).
// Counts only: no names, no personal data.
//
// One school's summary is a batch of one: the figures of any number of
// schools come from the same reads (each one grouped query for all of them,
// see SummarizeSchools) and the same arithmetic.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_SUMMARIZER_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_SUMMARIZER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/staffing/domain/downsizing_desk.h"
#include "services/staffing/domain/model.h"
#include "services/staffing/domain/staffing_store.h"

namespace parhub::staffing {

struct StaffingFigures final {
  Headcount headcount;  // on period_end
  int civil_servant_quota = 0;
  int public_employee_quota = 0;
  int city_email_accounts = 0;
  int city_email_users = 0;
  double city_email_account_rate = 0;
  double city_email_use_rate = 0;
  int ratings_due = 0;
  int ratings_recorded = 0;
  double rating_completion_rate = 100;
  std::map<RatingGrade, int> grades;  // quarterly ratings of quarters ended in the period
  PeriodCounts period;
  ProgressFigures progress;
  int downsizing_candidates = 0;
};

class StaffingSummarizer final {
 public:
  StaffingSummarizer(StaffingStore& store, DownsizingDesk& desk, Clock clock)
      : store_(store), desk_(desk), clock_(std::move(clock)) {}

  // [start, end] must be ordered, end not after today; `plan` "" means the
  // catalog's hcm-2023-2026.
  absl::StatusOr<StaffingFigures> Summarize(const std::string& school_id, Date start, Date end,
                                            const std::string& plan);

  // The figures of `school_ids` (platform::CheckSchoolBatch: 1 to 5,000,
  // each once), in that order, with the period and plan checked as by
  // Summarize; a school without data has zero counts. The reads are the same
  // for any number of schools: headcounts on the period's end and on every
  // quarter end in it, quotas, e-mail use, quarterly ratings (one query
  // each), period counts (six), progress (three) and candidates (two, and
  // two more when anyone's ratings qualify).
  absl::StatusOr<std::vector<StaffingFigures>> SummarizeSchools(const std::vector<std::string>& school_ids,
                                                                Date start, Date end,
                                                                const std::string& plan);

 private:
  // The plan's code once the period and plan are fine.
  absl::StatusOr<std::string> CheckPeriod(Date start, Date end, const std::string& plan) const;

  StaffingStore& store_;
  DownsizingDesk& desk_;
  Clock clock_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_SUMMARIZER_H_
