// DeadlineRules: the legal deadlines of a case, from the effective-dated
// policy sets (data/complaints/deadline_policies.json) and the work
// calendar. The set in force on the day a case is received applies to it
// for its whole life. Every step of a computation is explained in
// Vietnamese with the rule's legal source, so "when is this due?" can be
// answered and checked.
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_DEADLINE_RULES_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_DEADLINE_RULES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/work_calendar.h"
#include "services/complaints/domain/model.h"

namespace parhub::complaints {

// What decides a case's deadlines.
struct CaseClock final {
  CaseType case_type = CaseType::kUnspecified;
  int complaint_round = 0;
  Complexity complexity = Complexity::kOrdinary;
  int procedure_time_limit_days = 0;
  Date received_date;
  Date accepted_date;  // unset: not yet accepted (the acceptance due date is assumed)
  Date decision_date;  // complaints: start of the filing limit
};

// A policy and the set it belongs to.
struct AppliedPolicy final {
  const PolicySet* set = nullptr;
  const DeadlinePolicy* policy = nullptr;
  // "{code}@{version}".
  std::string Reference() const;
};

struct Deadlines final {
  AppliedPolicy applied;
  Date filing_due_date;      // unset without a filing limit or decision date
  Date acceptance_due_date;  // unset when accepted on receipt
  Date resolution_due_date;
  bool estimated = false;
  std::vector<std::string> explanation;
};

class DeadlineRules final {
 public:
  // Checks the sets (ascending effective dates, one policy per type and
  // round, usable numbers).
  static absl::StatusOr<DeadlineRules> Make(std::vector<PolicySet> sets, WorkCalendar calendar);

  // The set in force on `day`; FAILED_PRECONDITION before the first.
  absl::StatusOr<const PolicySet*> SetOn(Date day) const;
  // The policy of a type and round for a case received on `received`.
  absl::StatusOr<AppliedPolicy> PolicyFor(CaseType type, int complaint_round, Date received) const;
  // Filing, acceptance and resolution due dates (resolution before any
  // extension). Checks the clock's fields, naming them as `field_prefix`
  // + name (e.g. "case.received_date").
  absl::StatusOr<Deadlines> Compute(const CaseClock& clock, const std::string& field_prefix) const;
  // The due date after an extension of `days` from `current_due`.
  absl::StatusOr<DueDate> Extend(const DeadlinePolicy& policy, Date current_due, int days) const;
  // Extensions a policy allows at a complexity.
  static int ExtensionsAllowed(const DeadlinePolicy& policy, Complexity complexity);
  // Resolution days at a complexity (0 for procedure limits).
  static int ResolutionDays(const DeadlinePolicy& policy, Complexity complexity);

  // Resolved: early / on time / late against the due date. Open: overdue
  // after the due date, due soon within 3 working days, else within.
  absl::StatusOr<Timeliness> Classify(const Case& c, Date today) const;
  // The due date of the case's current step; unset when closed.
  static Date CurrentDueDate(const Case& c);
  // Days from the clock start to resolution in the resolution day kind.
  absl::StatusOr<int> DaysToResolve(const Case& c) const;

  const std::vector<PolicySet>& sets() const { return sets_; }
  const WorkCalendar& calendar() const { return calendar_; }

 private:
  DeadlineRules(std::vector<PolicySet> sets, WorkCalendar calendar)
      : sets_(std::move(sets)), calendar_(std::move(calendar)) {}

  std::vector<PolicySet> sets_;
  WorkCalendar calendar_;
};

// "ngày làm việc" / "ngày".
std::string DayKindWords(DayKind kind);

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_DEADLINE_RULES_H_
