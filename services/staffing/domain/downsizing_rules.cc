// Downsizing rules over the catalog (see downsizing_rules.h).
#include "services/staffing/domain/downsizing_rules.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"

namespace parhub::staffing {
namespace {

absl::Status BadEntry(absl::string_view entry, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat("downsizing catalog: ", entry, ": ", problem));
}

template <typename T>
bool Contains(const std::vector<T>& items, const T& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

absl::Status CheckDecree(const DownsizingDecree& d) {
  if (d.code.empty() || d.number.empty()) return BadEntry("decree", "code and number are required");
  if (!d.effective_from.IsSet()) return BadEntry(d.code, "effectiveFrom is required");
  if (d.effective_until.IsSet() && d.effective_until <= d.effective_from) {
    return BadEntry(d.code, "effectiveUntil must be after effectiveFrom");
  }
  std::set<std::string> codes;
  for (const DownsizingCategory& c : d.categories) {
    if (c.code.empty() || !codes.insert(c.code).second) {
      return BadEntry(d.code, absl::StrCat("category code '", c.code, "' empty or repeated"));
    }
    if (c.rating_rule.has_value()) {
      const RatingRule& rule = *c.rating_rule;
      int total = 0;
      for (const auto& [grade, count] : rule.minimum_counts) {
        if (grade == RatingGrade::kUnspecified || count < 1) {
          return BadEntry(c.code, "each minimum count needs a set grade and a count ≥ 1");
        }
        total += count;
      }
      if (rule.consecutive_years < 1 || rule.minimum_counts.empty() || total > rule.consecutive_years) {
        return BadEntry(c.code, "a rating rule needs 1..consecutiveYears required grades");
      }
    }
  }
  for (const DownsizingPolicy& p : d.policies) {
    if (p.code.empty() || !codes.insert(p.code).second) {
      return BadEntry(d.code, absl::StrCat("policy code '", p.code, "' empty or repeated"));
    }
  }
  for (CircumstanceKind kind : d.waivable_exemptions) {
    if (!Contains(d.exemptions, kind)) return BadEntry(d.code, "a waivable exemption is not an exemption");
  }
  if (Contains(d.exemptions, CircumstanceKind::kUnspecified)) return BadEntry(d.code, "unset exemption");
  return absl::OkStatus();
}

}  // namespace

bool DownsizingDecree::InForceOn(Date day) const {
  return effective_from <= day && (!effective_until.IsSet() || day < effective_until);
}

const DownsizingCategory* DownsizingDecree::FindCategory(absl::string_view code) const {
  for (const DownsizingCategory& c : categories) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

const DownsizingPolicy* DownsizingDecree::FindPolicy(absl::string_view code) const {
  for (const DownsizingPolicy& p : policies) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

absl::StatusOr<DownsizingCatalog> DownsizingCatalog::Make(std::vector<DownsizingDecree> decrees,
                                                          std::vector<TargetPlan> plans) {
  std::set<std::string> codes;
  for (const DownsizingDecree& d : decrees) {
    if (auto status = CheckDecree(d); !status.ok()) return status;
    if (!codes.insert(d.code).second) return BadEntry(d.code, "decree listed twice");
  }
  for (const TargetPlan& p : plans) {
    if (p.code.empty() || !codes.insert(p.code).second)
      return BadEntry("target plan", "code empty or repeated");
    if (p.baseline_year < 2000 || p.end_year < p.baseline_year) return BadEntry(p.code, "years out of order");
    for (double percent : {p.civil_servant_reduction_percent, p.public_employee_reduction_percent}) {
      if (percent < 0 || percent > 100) return BadEntry(p.code, "reduction percent outside 0..100");
    }
  }
  DownsizingCatalog catalog;
  catalog.decrees_ = std::move(decrees);
  catalog.plans_ = std::move(plans);
  return catalog;
}

const DownsizingDecree* DownsizingCatalog::FindDecree(absl::string_view code) const {
  for (const DownsizingDecree& d : decrees_) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

const TargetPlan* DownsizingCatalog::FindPlan(absl::string_view code) const {
  for (const TargetPlan& p : plans_) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

absl::StatusOr<const DownsizingDecree*> DownsizingCatalog::DecreeInForce(absl::string_view code, Date day,
                                                                         absl::string_view field) const {
  const DownsizingDecree* decree = FindDecree(code);
  if (decree == nullptr) {
    return platform::InvalidField(field, absl::StrCat("'", code,
                                                      "' không có trong danh mục nghị định "
                                                      "(not a decree of the downsizing catalog)"));
  }
  if (!decree->InForceOn(day)) {
    std::string until = decree->effective_until.IsSet()
                            ? absl::StrCat(" đến hết ngày trước ", decree->effective_until.ToVietnamese())
                            : "";
    return platform::WithReason(
        absl::FailedPreconditionError(absl::StrCat(
            "Nghị định ", decree->number, " chỉ áp dụng từ ", decree->effective_from.ToVietnamese(), until,
            ", không áp dụng cho đề xuất ngày ", day.ToVietnamese(), " (decree not in force on that date)")),
        "DECREE_NOT_IN_FORCE");
  }
  return decree;
}

std::vector<const DownsizingDecree*> DownsizingCatalog::DecreesInForce(Date day) const {
  std::vector<const DownsizingDecree*> out;
  for (const DownsizingDecree& d : decrees_) {
    if (d.InForceOn(day)) out.push_back(&d);
  }
  return out;
}

bool Circumstance::HoldsOn(Date day) const {
  return start_date.IsSet() && start_date <= day && (!end_date.IsSet() || day <= end_date);
}

std::optional<CircumstanceKind> BlockingExemption(const DownsizingDecree& decree,
                                                  const std::vector<Circumstance>& circumstances, Date day,
                                                  bool volunteered) {
  for (const Circumstance& c : circumstances) {
    if (!c.HoldsOn(day) || !Contains(decree.exemptions, c.kind)) continue;
    if (volunteered && Contains(decree.waivable_exemptions, c.kind)) continue;
    return c.kind;
  }
  return std::nullopt;
}

bool ExemptOn(const DownsizingDecree& decree, const std::vector<Circumstance>& circumstances, Date day) {
  return BlockingExemption(decree, circumstances, day, /*volunteered=*/false).has_value();
}

std::optional<std::vector<int>> QualifyingYears(const RatingRule& rule,
                                                const std::map<int, RatingGrade>& yearly, int last_year) {
  std::vector<int> years;
  std::map<RatingGrade, int> counts;
  for (int year = last_year - rule.consecutive_years + 1; year <= last_year; ++year) {
    auto it = yearly.find(year);
    if (it == yearly.end() || it->second == RatingGrade::kUnspecified) continue;
    years.push_back(year);
    ++counts[it->second];
  }
  for (const auto& [grade, count] : rule.minimum_counts) {
    if (counts[grade] < count) return std::nullopt;
  }
  return years;
}

absl::Status CheckTransition(DownsizingState from, DownsizingState to) {
  using S = DownsizingState;
  bool allowed =
      (from == S::kProposed && (to == S::kSubmitted || to == S::kWithdrawn)) ||
      (from == S::kSubmitted && (to == S::kApproved || to == S::kRejected || to == S::kWithdrawn)) ||
      (from == S::kApproved && to == S::kEffective);
  if (allowed) return absl::OkStatus();
  return platform::WithReason(
      absl::FailedPreconditionError(absl::StrCat("Hồ sơ đang ở trạng thái \"", DownsizingStateLabel(from),
                                                 "\", không thể chuyển sang \"", DownsizingStateLabel(to),
                                                 "\" (transition not allowed)")),
      "INVALID_TRANSITION");
}

bool IsOpen(DownsizingState state) {
  return state == DownsizingState::kProposed || state == DownsizingState::kSubmitted ||
         state == DownsizingState::kApproved;
}

ProgressFigures ComputeProgress(const TargetPlan& plan, int baseline_civil_servants,
                                int baseline_public_employees, int current_civil_servants,
                                int current_public_employees) {
  auto reduction = [](int baseline, int current) {
    return baseline <= 0 ? 0.0 : (baseline - current) * 100.0 / baseline;
  };
  auto share = [](double achieved, double target) {
    if (target <= 0) return 100.0;
    return std::clamp(achieved / target * 100.0, 0.0, 100.0);
  };
  ProgressFigures f;
  f.civil_servant_reduction_percent = reduction(baseline_civil_servants, current_civil_servants);
  f.public_employee_reduction_percent = reduction(baseline_public_employees, current_public_employees);
  f.progress_percent = (share(f.civil_servant_reduction_percent, plan.civil_servant_reduction_percent) +
                        share(f.public_employee_reduction_percent, plan.public_employee_reduction_percent)) /
                       2;
  f.target_met = f.civil_servant_reduction_percent >= plan.civil_servant_reduction_percent &&
                 f.public_employee_reduction_percent >= plan.public_employee_reduction_percent;
  return f;
}

std::string CircumstanceLabel(CircumstanceKind kind) {
  switch (kind) {
    case CircumstanceKind::kPregnant:
      return "đang mang thai";
    case CircumstanceKind::kMaternityLeave:
      return "đang nghỉ thai sản";
    case CircumstanceKind::kChildUnder36Months:
      return "đang nuôi con dưới 36 tháng tuổi";
    case CircumstanceKind::kUnderDiscipline:
      return "đang trong thời gian xem xét kỷ luật";
    case CircumstanceKind::kSickLeave:
      return "đang nghỉ ốm có xác nhận của cơ quan y tế";
    case CircumstanceKind::kUnderInvestigation:
      return "đang bị thanh tra, kiểm tra, điều tra, truy tố, xét xử";
    case CircumstanceKind::kUnspecified:
      break;
  }
  return "không xác định";
}

std::string DownsizingStateLabel(DownsizingState state) {
  switch (state) {
    case DownsizingState::kProposed:
      return "đề xuất";
    case DownsizingState::kSubmitted:
      return "đã trình";
    case DownsizingState::kApproved:
      return "đã phê duyệt";
    case DownsizingState::kRejected:
      return "bị từ chối";
    case DownsizingState::kEffective:
      return "đã thực hiện";
    case DownsizingState::kWithdrawn:
      return "đã rút";
    case DownsizingState::kUnspecified:
      break;
  }
  return "không xác định";
}

}  // namespace parhub::staffing
