// Derived facts about tasks: overdue, timeliness, natural code order.
#include "services/tasks/domain/model.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace parhub::tasks {

const std::vector<std::string>& ParFieldCodes() {
  static const auto* const kCodes =
      new std::vector<std::string>{"chi_dao_dieu_hanh", "the_che",        "tthc",           "to_chuc_bo_may",
                                   "cong_vu",           "tai_chinh_cong", "chinh_quyen_so", "tac_dong"};
  return *kCodes;
}

bool IsParFieldCode(absl::string_view code) {
  const auto& codes = ParFieldCodes();
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string DirectiveName(absl::string_view authority_id, absl::string_view directive_id) {
  return absl::StrCat("authorities/", authority_id, "/directives/", directive_id);
}

bool IsOpen(TaskStatus status) { return status != TaskStatus::kDone && status != TaskStatus::kCancelled; }

bool IsOverdue(const Task& task, Date today) {
  return IsOpen(task.status) && task.due_date.IsSet() && today > task.due_date;
}

Date DoneOn(const Task& task) {
  if (task.done_on.IsSet()) return task.done_on;
  if (task.complete_time.has_value()) return platform::LocalDate(*task.complete_time);
  return Date{};
}

bool IsPlanLocked(PlanStatus status) {
  return status == PlanStatus::kClosed || status == PlanStatus::kArchived;
}

Timeliness TimelinessOf(const Task& task, Date today) {
  if (task.status == TaskStatus::kCancelled) return Timeliness::kCancelled;
  if (task.status == TaskStatus::kDone) {
    Date done_on = DoneOn(task);
    if (!task.due_date.IsSet() || !done_on.IsSet()) return Timeliness::kDoneOnTime;
    return done_on <= task.due_date ? Timeliness::kDoneOnTime : Timeliness::kDoneLate;
  }
  return IsOverdue(task, today) ? Timeliness::kOverdue : Timeliness::kWithinDeadline;
}

std::string CodeSortKey(absl::string_view code) {
  std::string key;
  size_t i = 0;
  while (i < code.size()) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(code[i]))) {
      size_t j = i;
      while (j < code.size() && absl::ascii_isdigit(static_cast<unsigned char>(code[j]))) ++j;
      absl::string_view digits = code.substr(i, j - i);
      if (digits.size() < 10) key.append(10 - digits.size(), '0');
      key.append(digits.data(), digits.size());
      i = j;
    } else {
      key.push_back(code[i]);
      ++i;
    }
  }
  return key;
}

absl::Time NowMicros(const Clock& clock) { return absl::FromUnixMicros(absl::ToUnixMicros(clock())); }

}  // namespace parhub::tasks
