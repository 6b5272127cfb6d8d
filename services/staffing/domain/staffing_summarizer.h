// StaffingSummarizer: a school's staffing figures for a period, as the
// reporting service and the authority read them (StaffingSummary):
// headcounts and quotas on the period's end, city e-mail adoption (task
// 1.7), quarterly ratings due and recorded, grades, downsizing records and
// progress against the target plan (task 1.3), discipline inspections (1.4).
// Counts only: no names, no personal data.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_SUMMARIZER_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_SUMMARIZER_H_

#include <string>

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

 private:
  StaffingStore& store_;
  DownsizingDesk& desk_;
  Clock clock_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_SUMMARIZER_H_
