// Totals of the per-school roll-ups (see rollup_totals.h).
#include "gateway/rollup_totals.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace parhub::gateway {
namespace {

using google::protobuf::FieldDescriptor;

// The services' rule: 100 when nothing was due.
double PercentOrFull(double part, double whole) { return whole == 0 ? 100.0 : 100.0 * part / whole; }
// Staffing's rule for shares of staff: 0 without staff, capped at 100.
double PercentOfStaff(double part, double whole) {
  return whole == 0 ? 0 : std::min(100.0, 100.0 * part / whole);
}
// Shares of responses or cases received: 0 when there were none.
double ShareOrZero(double part, double whole) { return whole == 0 ? 0 : 100.0 * part / whole; }

}  // namespace

void AddCounts(google::protobuf::Message& total, const google::protobuf::Message& school) {
  const auto* descriptor = school.GetDescriptor();
  const auto* from = school.GetReflection();
  const auto* to = total.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (field->is_repeated()) continue;
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_INT32) {
      to->SetInt32(&total, field, to->GetInt32(total, field) + from->GetInt32(school, field));
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_INT64) {
      to->SetInt64(&total, field, to->GetInt64(total, field) + from->GetInt64(school, field));
    }
  }
}

void AddStaffing(staffing::v1::StaffingSummary& total, const staffing::v1::StaffingSummary& school) {
  AddCounts(total, school);
}

void FinishStaffing(staffing::v1::StaffingSummary& t, const staffing::v1::DownsizingProgress& downsizing) {
  t.set_city_email_account_rate(PercentOfStaff(t.city_email_accounts(), t.staff_count()));
  t.set_city_email_use_rate(PercentOfStaff(t.city_email_users(), t.staff_count()));
  t.set_rating_completion_rate(std::min(100.0, PercentOrFull(t.ratings_recorded(), t.ratings_due())));
  t.set_civil_servant_reduction_percent(downsizing.civil_servant_reduction_percent());
  t.set_public_employee_reduction_percent(downsizing.public_employee_reduction_percent());
  t.set_downsizing_progress_percent(downsizing.progress_percent());
}

void AddFinance(finance::v1::FinanceSummary& total, const finance::v1::FinanceSummary& school) {
  AddCounts(total, school);
}

void FinishFinance(finance::v1::FinanceSummary& t) {
  t.set_cashless_share_amount(PercentOrFull(t.cashless_collected_amount(), t.collected_amount()));
  t.set_cashless_share_count(PercentOrFull(t.cashless_collected_count(), t.collected_count()));
  t.set_spending_cashless_share_amount(PercentOrFull(t.cashless_spent_amount(), t.spent_amount()));
  t.set_spending_cashless_share_count(PercentOrFull(t.cashless_spent_count(), t.spent_count()));
  t.set_collection_rate(PercentOrFull(t.due_paid_amount(), t.due_amount()));
}

void ComplaintTotals::Add(const complaints::v1::ComplaintSummary& s) {
  AddCounts(sum_, s);
  days_ += s.average_days_to_resolve() * s.resolved();
  ratings_ += s.satisfaction_average() * s.satisfaction_responses();
  satisfied_ += s.satisfied_share() * s.satisfaction_responses() / 100.0;
  online_ += s.filed_online_share() * s.received() / 100.0;
  // Late dossiers: resolved minus resolved in time, from the type's counts.
  for (const auto& type : s.by_type()) {
    if (type.case_type() != complaints::v1::CASE_TYPE_PROCEDURE_DOSSIER) continue;
    const int late = type.resolved() - type.resolved_in_time();
    late_dossiers_ += late;
    apologies_ += std::llround(s.apology_rate() * late / 100.0);
  }
  std::map<int, complaints::v1::CaseTypeCount*> by_type;
  for (auto& type : *sum_.mutable_by_type()) by_type[type.case_type()] = &type;
  for (const auto& type : s.by_type()) {
    auto it = by_type.find(type.case_type());
    complaints::v1::CaseTypeCount* into = it != by_type.end() ? it->second : sum_.add_by_type();
    if (it == by_type.end()) into->set_case_type(type.case_type());
    AddCounts(*into, type);
  }
}

complaints::v1::ComplaintSummary ComplaintTotals::Finish() const {
  using complaints::v1::CaseType;
  complaints::v1::ComplaintSummary t = sum_;
  std::sort(t.mutable_by_type()->begin(), t.mutable_by_type()->end(),
            [](const auto& a, const auto& b) { return a.case_type() < b.case_type(); });
  auto in_time_rate = [&t](std::initializer_list<CaseType> types) {
    long long resolved = 0, in_time = 0;
    for (const auto& type : t.by_type()) {
      if (std::find(types.begin(), types.end(), type.case_type()) == types.end()) continue;
      resolved += type.resolved();
      in_time += type.resolved_in_time();
    }
    return PercentOrFull(static_cast<double>(in_time), static_cast<double>(resolved));
  };
  t.set_on_time_rate(PercentOrFull(t.resolved_early() + t.resolved_on_time(), t.resolved()));
  t.set_average_days_to_resolve(t.resolved() == 0 ? 0 : days_ / t.resolved());
  t.set_dossier_on_time_rate(in_time_rate({complaints::v1::CASE_TYPE_PROCEDURE_DOSSIER}));
  t.set_apology_rate(PercentOrFull(apologies_, static_cast<double>(late_dossiers_)));
  t.set_feedback_on_time_rate(
      in_time_rate({complaints::v1::CASE_TYPE_FEEDBACK, complaints::v1::CASE_TYPE_PROCEDURE_FEEDBACK}));
  t.set_complaint_on_time_rate(
      in_time_rate({complaints::v1::CASE_TYPE_COMPLAINT, complaints::v1::CASE_TYPE_DENUNCIATION}));
  t.set_satisfaction_average(t.satisfaction_responses() == 0 ? 0 : ratings_ / t.satisfaction_responses());
  t.set_satisfied_share(ShareOrZero(satisfied_, t.satisfaction_responses()));
  t.set_filed_online_share(ShareOrZero(online_, t.received()));
  return t;
}

long long HundredthsKey(double value) { return std::llround(value * 100); }

int RankFromTop(const std::vector<long long>& sorted_keys, long long key) {
  return static_cast<int>(sorted_keys.end() - std::upper_bound(sorted_keys.begin(), sorted_keys.end(), key)) +
         1;
}

}  // namespace parhub::gateway
