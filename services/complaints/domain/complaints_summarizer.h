// ComplaintsSummarizer: a school's period figures for reporting and the
// authority — cases received, resolved early / on time / late, the on-time
// rate ((early + on time) / resolved), open cases within deadline, due soon
// and overdue on the period's last day, average days to resolve, extensions,
// escalations, dossiers and apology letters, the share filed online, and the
// citizens' satisfaction (the SIPAS factor on feedback handling). Many
// schools at once for the gateway's roll-ups: one read of every school's
// cases, each school counted as if asked alone.
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_COMPLAINTS_SUMMARIZER_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_COMPLAINTS_SUMMARIZER_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/complaints/domain/complaints_store.h"
#include "services/complaints/domain/deadline_rules.h"

namespace parhub::complaints {

struct TypeCounts final {
  int received = 0;
  int resolved = 0;
  int resolved_in_time = 0;
  int overdue_open = 0;
};

// Mirrors parhub.complaints.v1.ComplaintSummary; rates are percentages.
struct ComplaintSummary final {
  int received = 0;
  int not_accepted = 0;
  int withdrawn = 0;
  int resolved = 0;
  int resolved_early = 0;
  int resolved_on_time = 0;
  int resolved_late = 0;
  double on_time_rate = 100;
  int open_within_deadline = 0;
  int due_soon_open = 0;
  int overdue_open = 0;
  double average_days_to_resolve = 0;
  int extensions = 0;
  int escalated = 0;
  int dossiers_resolved = 0;
  double dossier_on_time_rate = 100;
  double apology_rate = 100;
  double feedback_on_time_rate = 100;
  double complaint_on_time_rate = 100;
  int satisfaction_responses = 0;
  double satisfaction_average = 0;
  double satisfied_share = 0;
  double filed_online_share = 0;
  std::map<CaseType, TypeCounts> by_type;
};

class ComplaintsSummarizer final {
 public:
  ComplaintsSummarizer(ComplaintsStore& store, const DeadlineRules& rules) : store_(store), rules_(rules) {}

  // [from, to] inclusive; open cases are classed as of `to`.
  absl::StatusOr<ComplaintSummary> Summarize(const std::string& school_id, Date from, Date to);
  // The summaries of `school_ids` (platform::CheckSchoolBatch) in that
  // order, each what Summarize answers for its school; the same period
  // checks, then one read of the cases.
  absl::StatusOr<std::vector<ComplaintSummary>> SummarizeSchools(const std::vector<std::string>& school_ids,
                                                                 Date from, Date to);

 private:
  // The summaries of checked schools and period, in order.
  absl::StatusOr<std::vector<ComplaintSummary>> Read(const std::vector<std::string>& school_ids, Date from,
                                                     Date to);
  // One school's figures from its cases that touch the period.
  absl::StatusOr<ComplaintSummary> Count(const std::vector<Case>& cases, Date from, Date to) const;

  ComplaintsStore& store_;
  const DeadlineRules& rules_;
};

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_COMPLAINTS_SUMMARIZER_H_
