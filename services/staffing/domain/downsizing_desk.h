// DownsizingDesk: a school's downsizing (tinh giản biên chế) records, the
// candidates its yearly ratings reveal, and its progress against the
// city's target plan. Legal rules come from the catalog (downsizing_rules.h):
// the decree must apply on the proposal date, category and policy must be
// the decree's, an exempt person cannot be proposed (re-checked on
// submission), records move PROPOSED → SUBMITTED → APPROVED / REJECTED →
// EFFECTIVE (or WITHDRAWN) with ordered dates and decision numbers, and
// EFFECTIVE takes the person off the roster in the same transaction.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_DESK_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_DESK_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/staffing/domain/downsizing_candidates.h"
#include "services/staffing/domain/downsizing_rules.h"
#include "services/staffing/domain/model.h"
#include "services/staffing/domain/staffing_store.h"

namespace parhub::staffing {

struct RecordPatch final {
  std::optional<std::string> category;
  std::optional<std::string> policy;
  std::optional<Date> planned_effective_date;
  std::optional<std::string> note;
  std::optional<bool> volunteered;
};

// A step of the record's life with its document.
struct RecordStep final {
  DownsizingState to = DownsizingState::kUnspecified;
  std::string document_number;  // submission or decision number
  Date date;                    // submission, decision or effective date
  std::string reason;           // rejection or withdrawal
};

struct Progress final {
  std::string school_id;
  TargetPlan plan;
  DownsizingTarget target;
  Headcount now;
  ProgressFigures figures;
  int effective_records = 0;
  int approved_records = 0;
  int pending_records = 0;
};

// Progress of many schools; `totals.target.school_id` is empty.
struct ProgressRollup final {
  std::vector<Progress> schools;  // in the order asked
  Progress totals;
};

inline constexpr int kMaxRollupSchools = 5000;

class DownsizingDesk final {
 public:
  DownsizingDesk(StaffingStore& store, const DownsizingCatalog& catalog, Clock clock)
      : store_(store), catalog_(catalog), clock_(std::move(clock)) {}

  const DownsizingCatalog& catalog() const { return catalog_; }

  absl::StatusOr<DownsizingRecord> CreateRecord(const std::string& school_id, const std::string& record_id,
                                                DownsizingRecord draft);
  absl::StatusOr<DownsizingRecord> GetRecord(const std::string& school_id, const std::string& record_id);
  absl::StatusOr<platform::Page<DownsizingRecord>> ListRecords(const std::string& school_id,
                                                               RecordQuery query, int page_size,
                                                               absl::string_view page_token);
  // Only PROPOSED records change.
  absl::StatusOr<DownsizingRecord> UpdateRecord(const std::string& school_id, const std::string& record_id,
                                                const RecordPatch& patch);
  // Submit, Approve, Reject, MarkEffective or Withdraw, by `step.to`.
  absl::StatusOr<DownsizingRecord> Advance(const std::string& school_id, const std::string& record_id,
                                           const RecordStep& step);

  // People meeting a rating-based category of a decree in force today,
  // from yearly ratings up to `last_year` (FindCandidates). By staff id.
  absl::StatusOr<platform::Page<Candidate>> ListCandidates(const std::string& school_id, int last_year,
                                                           int page_size, absl::string_view page_token);

  // The school's baseline for `plan`: the stored one, else the roster's
  // headcount on 31/12 of the plan's baseline year.
  absl::StatusOr<DownsizingTarget> GetTarget(const std::string& school_id, const std::string& plan);
  absl::StatusOr<DownsizingTarget> SetBaselines(const std::string& school_id, const std::string& plan,
                                                std::optional<int> civil_servants,
                                                std::optional<int> public_employees);
  // Reductions and progress on `as_of` (unset: today).
  absl::StatusOr<Progress> GetProgress(const std::string& school_id, const std::string& plan, Date as_of);
  // The same for many schools (1..kMaxRollupSchools, no repeats), in a few
  // grouped queries, with the totals an authority reads as its headline:
  // baselines, counts and records summed, reductions recomputed from the sums.
  absl::StatusOr<ProgressRollup> GetProgressOfSchools(const std::vector<std::string>& school_ids,
                                                      const std::string& plan, Date as_of);

 private:
  Date Today() const;
  absl::StatusOr<const TargetPlan*> FindPlan(const std::string& plan) const;
  absl::Status CheckNotExempt(const DownsizingDecree& decree, const Staff& staff, Date day,
                              bool volunteered) const;
  absl::Status CheckCategoryAndPolicy(const DownsizingDecree& decree, const DownsizingRecord& record) const;

  StaffingStore& store_;
  const DownsizingCatalog& catalog_;
  Clock clock_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_DOWNSIZING_DESK_H_
