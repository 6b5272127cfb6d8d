// Legal deadlines of cases (see deadline_rules.h).
#include "services/complaints/domain/deadline_rules.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"

namespace parhub::complaints {
namespace {

using ::parhub::platform::InvalidField;

constexpr int kDueSoonWorkingDays = 3;
constexpr int kMaxProcedureDays = 365;

absl::Status BadSet(const std::string& version, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("deadline policy set ", version, ": ", what));
}

absl::Status CheckPolicy(const PolicySet& set, const DeadlinePolicy& p) {
  auto bad = [&](absl::string_view what) { return BadSet(set.version, absl::StrCat(p.code, " ", what)); };
  if (p.code.empty()) return BadSet(set.version, "a policy has no code");
  if (p.case_type == CaseType::kUnspecified) return bad("has no case type");
  if ((p.case_type == CaseType::kComplaint) != (p.complaint_round == 1 || p.complaint_round == 2)) {
    return bad("complaint round must be 1 or 2 for complaints, 0 otherwise");
  }
  if (p.acceptance_days < 0 || (p.acceptance_days > 0 && p.acceptance_day_kind == DayKind::kUnspecified)) {
    return bad("acceptance days need a day kind");
  }
  if (p.resolution_day_kind == DayKind::kUnspecified || p.clock_start == ClockStart::kUnspecified) {
    return bad("needs a resolution day kind and a clock start");
  }
  if (p.resolution_from_procedure != (p.resolution_days == 0)) {
    return bad("resolution days must be set unless taken from the procedure");
  }
  if (p.resolution_from_procedure && p.resolution_day_kind != DayKind::kWorking) {
    return bad("procedure time limits are working days");
  }
  if (p.complex_resolution_days != 0 && p.complex_resolution_days < p.resolution_days) {
    return bad("complex limit shorter than the ordinary one");
  }
  if (p.clock_start == ClockStart::kAcceptance && p.acceptance_days == 0) {
    return bad("a clock from acceptance needs an acceptance limit");
  }
  const int most =
      std::max({p.max_extensions, p.max_extensions_complex, p.max_extensions_especially_complex});
  if (p.max_extensions < 0 || p.max_extensions_complex < 0 || p.max_extensions_especially_complex < 0 ||
      (most > 0) != (p.extension_days > 0)) {
    return bad("extensions need a number of days, and days need extensions");
  }
  if (p.filing_limit_days < 0 ||
      (p.filing_limit_days > 0 && p.filing_limit_day_kind == DayKind::kUnspecified)) {
    return bad("filing limit needs a day kind");
  }
  if (p.legal_basis.empty() || p.resolution_basis.empty()) return bad("cites no legal basis");
  if (p.filing_limit_days > 0 && p.filing_limit_basis.empty()) return bad("filing limit cites no source");
  if (most > 0 && p.extension_basis.empty()) return bad("extensions cite no source");
  if (p.apology_required_when_late &&
      (p.apology_basis.empty() || p.apology_form.empty() || p.apology_title.empty())) {
    return bad("apology rule cites no source or form");
  }
  return absl::OkStatus();
}

std::string Rolled(const DueDate& due) {
  return due.rolled_over
             ? " (ngày cuối là ngày nghỉ nên kết thúc vào ngày làm việc tiếp theo, Bộ luật Dân sự 2015, "
               "Điều 148)"
             : "";
}

std::string Step(absl::string_view what, int days, DayKind kind, Date from, const DueDate& due,
                 absl::string_view basis) {
  return absl::StrCat(what, ": ", days, " ", DayKindWords(kind), " kể từ ngày ", from.ToVietnamese(), " → ",
                      due.date.ToVietnamese(), Rolled(due), " (", basis, ")");
}

}  // namespace

std::string DayKindWords(DayKind kind) { return kind == DayKind::kWorking ? "ngày làm việc" : "ngày"; }

std::string AppliedPolicy::Reference() const { return absl::StrCat(policy->code, "@", set->version); }

absl::StatusOr<DeadlineRules> DeadlineRules::Make(std::vector<PolicySet> sets, WorkCalendar calendar) {
  if (sets.empty()) return absl::InvalidArgumentError("no deadline policy set");
  for (size_t i = 0; i < sets.size(); ++i) {
    const PolicySet& set = sets[i];
    if (set.version.empty() || !set.effective_from.IsSet()) {
      return absl::InvalidArgumentError("a deadline policy set has no version or effective date");
    }
    if (i > 0 && !(sets[i - 1].effective_from < set.effective_from)) {
      return BadSet(set.version, "sets must be in ascending effective dates");
    }
    std::set<std::pair<CaseType, int>> keys;
    for (const DeadlinePolicy& p : set.policies) {
      RETURN_IF_ERROR(CheckPolicy(set, p));
      if (!keys.insert({p.case_type, p.complaint_round}).second) {
        return BadSet(set.version, absl::StrCat(p.code, " repeats a type and round"));
      }
    }
    for (int t = 1; t <= static_cast<int>(kLastCaseType); ++t) {
      const auto type = static_cast<CaseType>(t);
      const bool complaint = type == CaseType::kComplaint;
      if (!keys.count({type, complaint ? 1 : 0}) || (complaint && !keys.count({type, 2}))) {
        return BadSet(set.version, absl::StrCat("no policy for ", CaseTypeLabel(type)));
      }
    }
  }
  return DeadlineRules(std::move(sets), std::move(calendar));
}

absl::StatusOr<const PolicySet*> DeadlineRules::SetOn(Date day) const {
  const PolicySet* found = nullptr;
  for (const PolicySet& set : sets_) {
    if (set.effective_from <= day) found = &set;
  }
  if (found == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("Không có bộ quy định thời hạn áp dụng cho ngày ", day.ToVietnamese(), " (trước ngày ",
                     sets_.front().effective_from.ToVietnamese(), ") (no deadline policy set)"));
  }
  return found;
}

absl::StatusOr<AppliedPolicy> DeadlineRules::PolicyFor(CaseType type, int complaint_round,
                                                       Date received) const {
  ASSIGN_OR_RETURN(const PolicySet* set, SetOn(received));
  for (const DeadlinePolicy& p : set->policies) {
    if (p.case_type == type && p.complaint_round == complaint_round) return AppliedPolicy{set, &p};
  }
  if (static_cast<int>(type) <= 0 || static_cast<int>(type) > static_cast<int>(kLastCaseType)) {
    return InvalidField("case_type", "phải chọn loại vụ việc (case type is required)");
  }
  if (type == CaseType::kComplaint) {
    return InvalidField("complaint_round", "khiếu nại lần đầu là 1, lần hai là 2 (must be 1 or 2)");
  }
  return InvalidField("complaint_round", "chỉ khiếu nại có lần giải quyết (only complaints have a round)");
}

int DeadlineRules::ExtensionsAllowed(const DeadlinePolicy& p, Complexity complexity) {
  switch (complexity) {
    case Complexity::kEspeciallyComplex:
      return p.max_extensions_especially_complex;
    case Complexity::kComplex:
      return p.max_extensions_complex;
    default:
      return p.max_extensions;
  }
}

int DeadlineRules::ResolutionDays(const DeadlinePolicy& p, Complexity complexity) {
  if (complexity == Complexity::kEspeciallyComplex && p.especially_complex_resolution_days > 0) {
    return p.especially_complex_resolution_days;
  }
  if (complexity != Complexity::kOrdinary && complexity != Complexity::kUnspecified &&
      p.complex_resolution_days > 0) {
    return p.complex_resolution_days;
  }
  return p.resolution_days;
}

absl::StatusOr<Deadlines> DeadlineRules::Compute(const CaseClock& clock, const std::string& prefix) const {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  if (!clock.received_date.IsSet()) {
    return InvalidField(field("received_date"), "phải có ngày nhận (date received is required)");
  }
  absl::StatusOr<AppliedPolicy> applied =
      PolicyFor(clock.case_type, clock.complaint_round, clock.received_date);
  if (!applied.ok()) {
    std::vector<platform::FieldViolation> v = platform::FieldViolations(applied.status());
    if (v.empty()) return applied.status();
    return InvalidField(field(v[0].field), v[0].description);
  }
  const DeadlinePolicy& p = *applied->policy;
  Deadlines out;
  out.applied = *applied;
  out.explanation.push_back(absl::StrCat("Áp dụng quy định \"", p.code, "\" của bộ ", applied->set->version,
                                         " (", applied->set->regime, ")"));

  if (p.filing_limit_days > 0) {
    if (!clock.decision_date.IsSet()) {
      return InvalidField(
          field("decision_date"),
          "khiếu nại phải ghi ngày nhận được quyết định hoặc biết được hành vi bị khiếu nại để "
          "tính thời hiệu (the decision date is required)");
    }
    if (clock.received_date < clock.decision_date) {
      return InvalidField(field("decision_date"), "sau ngày nhận đơn (after the date received)");
    }
    absl::StatusOr<DueDate> looked =
        calendar_.PeriodEnd(clock.decision_date, p.filing_limit_days, p.filing_limit_day_kind);
    // A limit that ended in a year without calendar, long before receipt,
    // has passed whatever day off might have moved its end (a roll-over is
    // a few days at most): the unrolled end says so.
    const Date unrolled = platform::AddDays(clock.decision_date, p.filing_limit_days);
    if (!looked.ok() && platform::Reason(looked.status()) == "HOLIDAY_CALENDAR_MISSING" &&
        p.filing_limit_day_kind == DayKind::kCalendar &&
        platform::AddDays(unrolled, 30) < clock.received_date) {
      looked = DueDate{unrolled, false, false};
    }
    ASSIGN_OR_RETURN(DueDate filing, std::move(looked));
    out.filing_due_date = filing.date;
    out.estimated = out.estimated || filing.estimated;
    out.explanation.push_back(Step("Thời hiệu", p.filing_limit_days, p.filing_limit_day_kind,
                                   clock.decision_date, filing, p.filing_limit_basis));
  }

  Date clock_start = clock.received_date;
  if (p.acceptance_days > 0) {
    ASSIGN_OR_RETURN(DueDate acceptance,
                     calendar_.PeriodEnd(clock.received_date, p.acceptance_days, p.acceptance_day_kind));
    out.acceptance_due_date = acceptance.date;
    out.estimated = out.estimated || acceptance.estimated;
    out.explanation.push_back(Step("Thụ lý (hoặc từ chối thụ lý)", p.acceptance_days, p.acceptance_day_kind,
                                   clock.received_date, acceptance, p.acceptance_basis));
    if (p.clock_start == ClockStart::kAcceptance) clock_start = acceptance.date;
  } else {
    out.explanation.push_back(absl::StrCat("Tiếp nhận ngay khi nhận được (", p.acceptance_basis, ")"));
  }
  if (clock.accepted_date.IsSet()) {
    if (clock.accepted_date < clock.received_date) {
      return InvalidField(field("accepted_date"), "trước ngày nhận (before the date received)");
    }
    if (p.clock_start == ClockStart::kAcceptance) clock_start = clock.accepted_date;
  } else if (p.clock_start == ClockStart::kAcceptance) {
    out.explanation.push_back(
        "Chưa thụ lý: thời hạn giải quyết tính từ ngày cuối của hạn thụ lý (muộn nhất)");
  }

  int days = ResolutionDays(p, clock.complexity);
  if (p.resolution_from_procedure) {
    if (clock.procedure_time_limit_days < 1 || clock.procedure_time_limit_days > kMaxProcedureDays) {
      return InvalidField(
          field("procedure_time_limit_days"),
          "hồ sơ thủ tục phải có thời hạn giải quyết từ 1 đến 365 ngày làm việc (the procedure's "
          "time limit is required)");
    }
    days = clock.procedure_time_limit_days;
  }
  ASSIGN_OR_RETURN(DueDate resolution, calendar_.PeriodEnd(clock_start, days, p.resolution_day_kind));
  out.resolution_due_date = resolution.date;
  out.estimated = out.estimated || resolution.estimated;
  out.explanation.push_back(Step(
      p.clock_start == ClockStart::kAcceptance ? "Giải quyết (từ ngày thụ lý)" : "Giải quyết (từ ngày nhận)",
      days, p.resolution_day_kind, clock_start, resolution,
      p.resolution_from_procedure ? "thời hạn của thủ tục hành chính; " + p.resolution_basis
                                  : p.resolution_basis));
  if (out.estimated) {
    out.explanation.push_back(
        "Lưu ý: lịch nghỉ lễ dùng để tính còn ngày ước tính, chưa có thông báo chính thức (an estimated "
        "holiday)");
  }
  return out;
}

absl::StatusOr<DueDate> DeadlineRules::Extend(const DeadlinePolicy& policy, Date current_due,
                                              int days) const {
  return calendar_.PeriodEnd(current_due, days, policy.resolution_day_kind);
}

Date DeadlineRules::CurrentDueDate(const Case& c) {
  switch (c.state) {
    case CaseState::kReceived:
      return c.acceptance_due_date.IsSet() ? c.acceptance_due_date : c.resolution_due_date;
    case CaseState::kAccepted:
    case CaseState::kInProgress:
      return c.resolution_due_date;
    default:
      return Date{};
  }
}

absl::StatusOr<Timeliness> DeadlineRules::Classify(const Case& c, Date today) const {
  const bool answered = c.state == CaseState::kResolved ||
                        (c.state == CaseState::kEscalated && c.resolution.resolved_date.IsSet());
  if (answered) {
    const Date done = c.resolution.resolved_date;
    if (done < c.resolution_due_date) return Timeliness::kEarly;
    return done == c.resolution_due_date ? Timeliness::kOnTime : Timeliness::kLate;
  }
  if (!IsOpen(c.state)) return Timeliness::kUnspecified;
  const Date due = CurrentDueDate(c);
  if (due < today) return Timeliness::kOverdue;
  ASSIGN_OR_RETURN(int left, calendar_.DaysBetween(today, due, DayKind::kWorking));
  return left <= kDueSoonWorkingDays ? Timeliness::kDueSoon : Timeliness::kWithinDeadline;
}

absl::StatusOr<int> DeadlineRules::DaysToResolve(const Case& c) const {
  if (!c.resolution.resolved_date.IsSet()) return 0;
  ASSIGN_OR_RETURN(AppliedPolicy applied, PolicyFor(c.case_type, c.complaint_round, c.received_date));
  const Date start = applied.policy->clock_start == ClockStart::kAcceptance && c.accepted_date.IsSet()
                         ? c.accepted_date
                         : c.received_date;
  return calendar_.DaysBetween(start, c.resolution.resolved_date, applied.policy->resolution_day_kind);
}

}  // namespace parhub::complaints
