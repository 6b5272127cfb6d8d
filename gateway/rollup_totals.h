// The authority's totals of the per-school roll-ups: counts summed over
// the schools that answered, every rate and average recomputed from the
// sums (a rate of rates would weigh a school of 10 pupils like one of
// 2,000), each with the same rule for an empty denominator as the service
// that computes the school's own figure. And the shared ranking rule:
// ties share a rank.
#ifndef PARHUB_GATEWAY_ROLLUP_TOTALS_H_
#define PARHUB_GATEWAY_ROLLUP_TOTALS_H_

#include <vector>

#include "parhub/complaints/v1/complaints.pb.h"
#include "parhub/finance/v1/finance.pb.h"
#include "parhub/staffing/v1/staffing.pb.h"

namespace parhub::gateway {

// Adds every integer count of `school` into `total` (rates untouched).
void AddCounts(google::protobuf::Message& total, const google::protobuf::Message& school);

// Staffing: e-mail and rating rates from the sums. The downsizing
// percentages need the schools' baselines: the caller takes them from
// staffing's own roll-up of the same schools (`downsizing`).
void AddStaffing(staffing::v1::StaffingSummary& total, const staffing::v1::StaffingSummary& school);
void FinishStaffing(staffing::v1::StaffingSummary& total, const staffing::v1::DownsizingProgress& downsizing);

// Finance: cashless shares and the collection rate from the sums.
void AddFinance(finance::v1::FinanceSummary& total, const finance::v1::FinanceSummary& school);
void FinishFinance(finance::v1::FinanceSummary& total);

// Complaints: per-type counts summed too; weighted averages of days and
// ratings by their denominators.
class ComplaintTotals final {
 public:
  void Add(const complaints::v1::ComplaintSummary& school);
  complaints::v1::ComplaintSummary Finish() const;

 private:
  complaints::v1::ComplaintSummary sum_;
  double days_ = 0;       // Σ average days × resolved
  double ratings_ = 0;    // Σ average rating × responses
  double satisfied_ = 0;  // Σ satisfied share × responses / 100
  double online_ = 0;     // Σ online share × received / 100
  double apologies_ = 0;  // Σ apology rate × late dossiers / 100
  long long late_dossiers_ = 0;
};

// Points and indexes to the hundredth, as people read them: equal at this
// precision is a tie.
long long HundredthsKey(double value);

// Rank of `key` among `sorted_keys` (ascending), 1 for the highest: one
// more than the number of strictly higher keys, so ties share a rank.
int RankFromTop(const std::vector<long long>& sorted_keys, long long key);

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_ROLLUP_TOTALS_H_
