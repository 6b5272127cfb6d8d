// Downsizing records, candidates and progress (see downsizing_desk.h).
#include "services/staffing/domain/downsizing_desk.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/staffing/domain/staff_rules.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

constexpr char kField[] = "downsizing_record.";

std::string F(absl::string_view name) { return absl::StrCat(kField, name); }

absl::Status CheckDate(Date date, Date not_before, absl::string_view not_before_what, Date today,
                       absl::string_view field) {
  if (!date.IsSet()) return InvalidField(field, "phải có ngày (date is required)");
  if (date > today) {
    return InvalidField(field,
                        absl::StrCat("ngày ", date.ToVietnamese(), " ở tương lai (date in the future)"));
  }
  if (not_before.IsSet() && date < not_before) {
    return InvalidField(field,
                        absl::StrCat("ngày ", date.ToVietnamese(), " trước ", not_before_what, " ",
                                     not_before.ToVietnamese(), " (date earlier than the previous step)"));
  }
  return absl::OkStatus();
}

}  // namespace

Date DownsizingDesk::Today() const { return platform::LocalDate(clock_()); }

absl::StatusOr<const TargetPlan*> DownsizingDesk::FindPlan(const std::string& plan) const {
  const TargetPlan* found = catalog_.FindPlan(plan);
  if (found == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("Không có kế hoạch tinh giản '", plan, "' (no such target plan)"));
  }
  return found;
}

absl::Status DownsizingDesk::CheckNotExempt(const DownsizingDecree& decree, const Staff& staff, Date day,
                                            bool volunteered) const {
  std::optional<CircumstanceKind> blocking = BlockingExemption(decree, staff.circumstances, day, volunteered);
  if (!blocking) return absl::OkStatus();
  bool waivable = std::find(decree.waivable_exemptions.begin(), decree.waivable_exemptions.end(),
                            *blocking) != decree.waivable_exemptions.end();
  return platform::WithReason(
      absl::FailedPreconditionError(absl::StrCat(
          staff.display_name, " ", CircumstanceLabel(*blocking), " vào ngày ", day.ToVietnamese(),
          " nên chưa xem xét tinh giản biên chế theo Nghị định ", decree.number,
          waivable ? " (trừ khi tự nguyện)" : "", " (the person is exempt on that date)")),
      "STAFF_EXEMPT");
}

absl::Status DownsizingDesk::CheckCategoryAndPolicy(const DownsizingDecree& decree,
                                                    const DownsizingRecord& record) const {
  if (decree.FindCategory(record.category) == nullptr) {
    return InvalidField(F("category"),
                        absl::StrCat("'", record.category, "' không phải đối tượng của Nghị định ",
                                     decree.number, " (category not of the decree)"));
  }
  if (decree.FindPolicy(record.policy) == nullptr) {
    return InvalidField(
        F("policy"), absl::StrCat("'", record.policy, "' không phải chính sách của Nghị định ", decree.number,
                                  " (policy not of the decree)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<DownsizingRecord> DownsizingDesk::CreateRecord(const std::string& school_id,
                                                              const std::string& record_id,
                                                              DownsizingRecord r) {
  Date today = Today();
  r.record_id = record_id.empty() ? absl::StrCat("ts-", platform::RandomHex(5)) : record_id;
  RETURN_IF_ERROR(platform::ValidateId(r.record_id, "downsizing_record_id"));
  if (r.staff_id.empty()) return InvalidField(F("staff"), "phải chọn nhân sự (staff is required)");
  RETURN_IF_ERROR(CheckDate(r.proposed_date, Date{}, "", today, F("proposed_date")));
  ASSIGN_OR_RETURN(const DownsizingDecree* decree,
                   catalog_.DecreeInForce(r.decree, r.proposed_date, F("decree")));
  RETURN_IF_ERROR(CheckCategoryAndPolicy(*decree, r));
  if (r.planned_effective_date.IsSet() && r.planned_effective_date < r.proposed_date) {
    return InvalidField(F("planned_effective_date"), "trước ngày đề xuất (before the proposal date)");
  }
  ASSIGN_OR_RETURN(r.note, platform::CleanText(r.note, F("note"), kMaxNoteChars, false, TextLines::kMulti));
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    absl::StatusOr<Staff> staff = store_.GetStaff(school_id, r.staff_id, Lock::kForUpdate);
    if (absl::IsNotFound(staff.status())) {
      return InvalidField(F("staff"), "không có nhân sự này trong trường (no such staff member)");
    }
    RETURN_IF_ERROR(staff.status());
    if (staff->status == StaffStatus::kLeft) {
      return platform::WithReason(absl::FailedPreconditionError(absl::StrCat(
                                      staff->display_name, " đã nghỉ việc (the person has already left)")),
                                  "STAFF_LEFT");
    }
    RETURN_IF_ERROR(CheckNotExempt(*decree, *staff, r.proposed_date, r.volunteered));
    ASSIGN_OR_RETURN(auto open, store_.StaffWithOpenRecords({school_id}));
    if (open[school_id].contains(r.staff_id)) {
      return platform::WithReason(
          absl::FailedPreconditionError(
              absl::StrCat(staff->display_name, " đã có hồ sơ tinh giản đang xử lý (an open record exists)")),
          "OPEN_RECORD_EXISTS");
    }
    r.school_id = school_id;
    r.staff_display_name = staff->display_name;
    r.employment_type = staff->employment_type;
    r.budget_paid = staff->budget_paid;
    r.state = DownsizingState::kProposed;
    r.submission_number.clear();
    r.submission_date = r.decision_date = r.effective_date = Date{};
    r.decision_number.clear();
    r.outcome_reason.clear();
    r.create_time = r.update_time = NowMicros(clock_);
    absl::Status inserted = store_.InsertRecord(r);
    if (absl::IsAlreadyExists(inserted)) {
      return absl::AlreadyExistsError(absl::StrCat("Hồ sơ '", r.record_id, "' đã có (record exists)"));
    }
    return inserted;
  }));
  return r;
}

absl::StatusOr<DownsizingRecord> DownsizingDesk::GetRecord(const std::string& school_id,
                                                           const std::string& record_id) {
  return store_.GetRecord(school_id, record_id, Lock::kNone);
}

absl::StatusOr<platform::Page<DownsizingRecord>> DownsizingDesk::ListRecords(const std::string& school_id,
                                                                             RecordQuery query, int page_size,
                                                                             absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 200));
  std::optional<RecordCursor> after;
  if (!page.after.empty()) {
    size_t slash = page.after.find('/');
    if (slash == std::string::npos) return platform::InvalidPageToken();
    absl::StatusOr<Date> date = platform::ParseDate(page.after.substr(0, slash), "page_token");
    if (!date.ok() || slash + 1 == page.after.size()) return platform::InvalidPageToken();
    after = RecordCursor{*date, page.after.substr(slash + 1)};
  }
  ASSIGN_OR_RETURN(auto rows, store_.ListRecords(school_id, query, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, [](const DownsizingRecord& r) {
    return absl::StrCat(r.proposed_date.ToIso(), "/", r.record_id);
  });
}

absl::StatusOr<DownsizingRecord> DownsizingDesk::UpdateRecord(const std::string& school_id,
                                                              const std::string& record_id,
                                                              const RecordPatch& patch) {
  DownsizingRecord r;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(r, store_.GetRecord(school_id, record_id, Lock::kForUpdate));
    if (r.state != DownsizingState::kProposed) {
      return platform::WithReason(absl::FailedPreconditionError(absl::StrCat(
                                      "Chỉ sửa được hồ sơ ở trạng thái đề xuất; hồ sơ đang \"",
                                      DownsizingStateLabel(r.state), "\" (only PROPOSED records change)")),
                                  "INVALID_TRANSITION");
    }
    if (patch.category) r.category = *patch.category;
    if (patch.policy) r.policy = *patch.policy;
    if (patch.planned_effective_date) r.planned_effective_date = *patch.planned_effective_date;
    if (patch.volunteered) r.volunteered = *patch.volunteered;
    if (patch.note) {
      ASSIGN_OR_RETURN(r.note,
                       platform::CleanText(*patch.note, F("note"), kMaxNoteChars, false, TextLines::kMulti));
    }
    const DownsizingDecree* decree = catalog_.FindDecree(r.decree);
    if (decree == nullptr) return absl::InternalError("stored record names a decree the catalog lacks");
    RETURN_IF_ERROR(CheckCategoryAndPolicy(*decree, r));
    if (r.planned_effective_date.IsSet() && r.planned_effective_date < r.proposed_date) {
      return InvalidField(F("planned_effective_date"), "trước ngày đề xuất (before the proposal date)");
    }
    if (patch.volunteered) {
      ASSIGN_OR_RETURN(Staff staff, store_.GetStaff(school_id, r.staff_id, Lock::kNone));
      RETURN_IF_ERROR(CheckNotExempt(*decree, staff, r.proposed_date, r.volunteered));
    }
    r.update_time = NowMicros(clock_);
    return store_.UpdateRecord(r);
  }));
  return r;
}

absl::StatusOr<DownsizingRecord> DownsizingDesk::Advance(const std::string& school_id,
                                                         const std::string& record_id,
                                                         const RecordStep& step) {
  Date today = Today();
  const char* number_field = step.to == DownsizingState::kSubmitted ? "submission_number" : "decision_number";
  ASSIGN_OR_RETURN(std::string number,
                   platform::CleanText(step.document_number, number_field, 60, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(std::string reason,
                   platform::CleanText(step.reason, "reason", 2000, false, TextLines::kMulti));
  DownsizingRecord r;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(r, store_.GetRecord(school_id, record_id, Lock::kForUpdate));
    RETURN_IF_ERROR(CheckTransition(r.state, step.to));
    switch (step.to) {
      case DownsizingState::kSubmitted: {
        if (number.empty())
          return InvalidField("submission_number", "phải có số tờ trình (number is required)");
        RETURN_IF_ERROR(CheckDate(step.date, r.proposed_date, "ngày đề xuất", today, "submission_date"));
        const DownsizingDecree* decree = catalog_.FindDecree(r.decree);
        if (decree == nullptr) return absl::InternalError("stored record names a decree the catalog lacks");
        ASSIGN_OR_RETURN(Staff staff, store_.GetStaff(school_id, r.staff_id, Lock::kNone));
        RETURN_IF_ERROR(CheckNotExempt(*decree, staff, step.date, r.volunteered));
        r.submission_number = number;
        r.submission_date = step.date;
        break;
      }
      case DownsizingState::kApproved:
        if (number.empty()) {
          return InvalidField("decision_number",
                              "phải có số quyết định phê duyệt (decision number is required)");
        }
        RETURN_IF_ERROR(CheckDate(step.date, r.submission_date, "ngày trình", today, "decision_date"));
        r.decision_number = number;
        r.decision_date = step.date;
        break;
      case DownsizingState::kRejected:
        if (number.empty()) {
          return InvalidField("decision_number", "phải có số văn bản trả lời (decision number is required)");
        }
        if (reason.empty()) return InvalidField("reason", "phải nêu lý do (reason is required)");
        RETURN_IF_ERROR(CheckDate(step.date, r.submission_date, "ngày trình", today, "decision_date"));
        r.decision_number = number;
        r.decision_date = step.date;
        r.outcome_reason = reason;
        break;
      case DownsizingState::kEffective: {
        RETURN_IF_ERROR(CheckDate(step.date, r.decision_date, "ngày quyết định", today, "effective_date"));
        r.effective_date = step.date;
        ASSIGN_OR_RETURN(Staff staff, store_.GetStaff(school_id, r.staff_id, Lock::kForUpdate));
        if (staff.status != StaffStatus::kLeft) {
          staff.status = StaffStatus::kLeft;
          // The effective date is the first day off the payroll; the
          // last working day is the one before.
          Date end = platform::AddDays(step.date, -1);
          staff.end_date = end < staff.start_date ? staff.start_date : end;
          staff.version += 1;
          staff.update_time = NowMicros(clock_);
          RETURN_IF_ERROR(store_.UpdateStaff(staff));
        }
        break;
      }
      case DownsizingState::kWithdrawn:
        if (reason.empty()) return InvalidField("reason", "phải nêu lý do rút hồ sơ (reason is required)");
        r.outcome_reason = reason;
        break;
      default:
        return absl::InternalError("unknown downsizing step");
    }
    r.state = step.to;
    r.update_time = NowMicros(clock_);
    return store_.UpdateRecord(r);
  }));
  return r;
}

absl::StatusOr<platform::Page<Candidate>> DownsizingDesk::ListCandidates(const std::string& school_id,
                                                                         int last_year, int page_size,
                                                                         absl::string_view page_token) {
  Date today = Today();
  if (last_year < 2000 || last_year > today.year) {
    return InvalidField("year",
                        absl::StrCat("năm xếp loại phải từ 2000 đến ", today.year, " (year out of range)"));
  }
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 200));
  ASSIGN_OR_RETURN(auto found, FindCandidates(store_, catalog_, today, {school_id}, last_year, page.after,
                                              page.fetch_limit()));
  std::vector<Candidate> out = std::move(found[school_id]);
  return platform::MakePage(std::move(out), page.size, [](const Candidate& c) { return c.staff.staff_id; });
}

absl::StatusOr<DownsizingTarget> DownsizingDesk::GetTarget(const std::string& school_id,
                                                           const std::string& plan) {
  ASSIGN_OR_RETURN(const TargetPlan* found, FindPlan(plan));
  absl::StatusOr<DownsizingTarget> stored = store_.GetTarget(school_id, plan, Lock::kNone);
  if (!absl::IsNotFound(stored.status())) return stored;
  ASSIGN_OR_RETURN(Headcount base, store_.CountHeadcount(school_id, Date{found->baseline_year, 12, 31}));
  DownsizingTarget target;
  target.school_id = school_id;
  target.plan = plan;
  target.baseline_civil_servants = base.civil_servants;
  target.baseline_public_employees = base.budget_paid_public_employees;
  return target;
}

absl::StatusOr<DownsizingTarget> DownsizingDesk::SetBaselines(const std::string& school_id,
                                                              const std::string& plan,
                                                              std::optional<int> civil_servants,
                                                              std::optional<int> public_employees) {
  for (auto [value, field] : {std::pair{civil_servants, "downsizing_target.baseline_civil_servants"},
                              std::pair{public_employees, "downsizing_target.baseline_public_employees"}}) {
    if (value && (*value < 0 || *value > 100000))
      return InvalidField(field, "phải từ 0 đến 100000 (out of range)");
  }
  DownsizingTarget target;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(target, GetTarget(school_id, plan));
    if (civil_servants) target.baseline_civil_servants = *civil_servants;
    if (public_employees) target.baseline_public_employees = *public_employees;
    target.update_time = NowMicros(clock_);
    return store_.UpsertTarget(target);
  }));
  return target;
}

absl::StatusOr<Progress> DownsizingDesk::GetProgress(const std::string& school_id, const std::string& plan,
                                                     Date as_of) {
  ASSIGN_OR_RETURN(ProgressRollup rollup, GetProgressOfSchools({school_id}, plan, as_of));
  return std::move(rollup.schools.front());
}

absl::StatusOr<ProgressRollup> DownsizingDesk::GetProgressOfSchools(
    const std::vector<std::string>& school_ids, const std::string& plan, Date as_of) {
  if (school_ids.empty() || school_ids.size() > static_cast<size_t>(kMaxRollupSchools)) {
    return InvalidField("schools", absl::StrCat("từ 1 đến ", kMaxRollupSchools, " trường (1 to ",
                                                kMaxRollupSchools, " schools)"));
  }
  if (std::set<std::string>(school_ids.begin(), school_ids.end()).size() != school_ids.size()) {
    return InvalidField("schools", "mỗi trường chỉ một lần (a school is listed twice)");
  }
  if (!as_of.IsSet()) as_of = Today();
  ASSIGN_OR_RETURN(const TargetPlan* found, FindPlan(plan));
  Date baseline_end{found->baseline_year, 12, 31};
  ASSIGN_OR_RETURN(auto stored, store_.GetTargets(school_ids, plan));
  ASSIGN_OR_RETURN(HeadcountsByDay headcounts, store_.CountHeadcounts(school_ids, {baseline_end, as_of}));
  std::map<std::string, Headcount>& at_baseline = headcounts[baseline_end];
  std::map<std::string, Headcount>& now = headcounts[as_of];
  ASSIGN_OR_RETURN(auto records, store_.CountRecordStates(school_ids, baseline_end, as_of));
  ProgressRollup rollup;
  Progress& totals = rollup.totals;
  totals.plan = *found;
  totals.target.plan = plan;
  for (const std::string& school : school_ids) {
    Progress p;
    p.school_id = school;
    p.plan = *found;
    auto target = stored.find(school);
    if (target != stored.end()) {
      p.target = target->second;
    } else {  // the roster's headcount at the end of the baseline year
      p.target.school_id = school;
      p.target.plan = plan;
      p.target.baseline_civil_servants = at_baseline[school].civil_servants;
      p.target.baseline_public_employees = at_baseline[school].budget_paid_public_employees;
    }
    p.now = now[school];
    const RecordStateCounts& counts = records[school];
    p.effective_records = counts.effective;
    p.approved_records = counts.approved;
    p.pending_records = counts.pending;
    p.figures = ComputeProgress(*found, p.target.baseline_civil_servants, p.target.baseline_public_employees,
                                p.now.civil_servants, p.now.budget_paid_public_employees);
    totals.target.baseline_civil_servants += p.target.baseline_civil_servants;
    totals.target.baseline_public_employees += p.target.baseline_public_employees;
    totals.now.civil_servants += p.now.civil_servants;
    totals.now.budget_paid_public_employees += p.now.budget_paid_public_employees;
    totals.effective_records += p.effective_records;
    totals.approved_records += p.approved_records;
    totals.pending_records += p.pending_records;
    rollup.schools.push_back(std::move(p));
  }
  totals.figures =
      ComputeProgress(*found, totals.target.baseline_civil_servants, totals.target.baseline_public_employees,
                      totals.now.civil_servants, totals.now.budget_paid_public_employees);
  return rollup;
}

}  // namespace parhub::staffing
