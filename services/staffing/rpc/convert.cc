// parhub.staffing.v1 ↔ staffing domain.
#include "services/staffing/rpc/convert.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"

// Generated from data/staffing/downsizing.json (cmake/EmbedText.cmake).
const char* DownsizingCatalogJson();

namespace parhub::staffing {
namespace {

using ::parhub::platform::CheckUpdateMask;
using ::parhub::platform::DateFromProto;
using ::parhub::platform::DateToProto;
using ::parhub::platform::InvalidField;
using ::parhub::platform::MaskHas;
using ::parhub::platform::TimeToProto;
using ::parhub::platform::UnknownEnumValue;

template <typename Enum>
absl::StatusOr<Enum> EnumFrom(int value, bool valid, absl::string_view field) {
  if (!valid) return UnknownEnumValue(field, value);
  return static_cast<Enum>(value);
}

CityEmailState EmailState(const Staff& s, Date today) {
  if (s.city_email.empty()) return CityEmailState::kNone;
  if (s.city_email_last_used_date.IsSet() &&
      platform::DaysBetween(s.city_email_last_used_date, today) < kCityEmailWindowDays) {
    return CityEmailState::kInUse;
  }
  return CityEmailState::kIssued;
}

absl::StatusOr<std::vector<Circumstance>> CircumstancesFromProto(
    const google::protobuf::RepeatedPtrField<pb::Circumstance>& items) {
  std::vector<Circumstance> out;
  for (int i = 0; i < items.size(); ++i) {
    const pb::Circumstance& c = items[i];
    std::string at = absl::StrCat("staff.circumstances[", i, "]");
    Circumstance d;
    ASSIGN_OR_RETURN(d.kind, EnumFrom<CircumstanceKind>(c.kind(), pb::CircumstanceKind_IsValid(c.kind()),
                                                        absl::StrCat(at, ".kind")));
    ASSIGN_OR_RETURN(d.start_date, DateFromProto(c.start_date(), absl::StrCat(at, ".start_date")));
    ASSIGN_OR_RETURN(d.end_date, DateFromProto(c.end_date(), absl::StrCat(at, ".end_date")));
    d.note = c.note();
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

pb::Staff StaffToProto(const Staff& s, Visibility visibility, const DownsizingCatalog& catalog, Date today) {
  pb::Staff out;
  out.set_name(StaffName(s.school_id, s.staff_id));
  out.set_staff_code(s.staff_code);
  out.set_display_name(s.display_name);
  out.set_position(s.position);
  out.set_employment_type(static_cast<pb::EmploymentType>(s.employment_type));
  out.set_budget_paid(s.budget_paid);
  if (s.start_date.IsSet()) *out.mutable_start_date() = DateToProto(s.start_date);
  if (s.end_date.IsSet()) *out.mutable_end_date() = DateToProto(s.end_date);
  out.set_status(static_cast<pb::StaffStatus>(s.status));
  out.set_city_email(s.city_email);
  out.set_city_email_state(static_cast<pb::CityEmailState>(EmailState(s, today)));
  if (s.city_email_last_used_date.IsSet()) {
    *out.mutable_city_email_last_used_date() = DateToProto(s.city_email_last_used_date);
  }
  out.set_manager(s.manager);
  bool exempt = false;
  for (const DownsizingDecree* d : catalog.DecreesInForce(today))
    exempt = exempt || ExemptOn(*d, s.circumstances, today);
  out.set_downsizing_exempt(exempt);
  if (visibility == Visibility::kFull) {
    for (const Circumstance& c : s.circumstances) {
      pb::Circumstance* pc = out.add_circumstances();
      pc->set_kind(static_cast<pb::CircumstanceKind>(c.kind));
      *pc->mutable_start_date() = DateToProto(c.start_date);
      if (c.end_date.IsSet()) *pc->mutable_end_date() = DateToProto(c.end_date);
      pc->set_note(c.note);
    }
    if (s.birth_date.IsSet()) *out.mutable_birth_date() = DateToProto(s.birth_date);
    out.set_id_number(s.id_number);
  }
  *out.mutable_create_time() = TimeToProto(s.create_time);
  *out.mutable_update_time() = TimeToProto(s.update_time);
  out.set_etag(absl::StrCat(s.version));
  return out;
}

absl::StatusOr<Staff> StaffFromProto(const pb::Staff& p) {
  Staff s;
  s.staff_code = p.staff_code();
  s.display_name = p.display_name();
  s.position = p.position();
  ASSIGN_OR_RETURN(
      s.employment_type,
      EnumFrom<EmploymentType>(p.employment_type(), pb::EmploymentType_IsValid(p.employment_type()),
                               "staff.employment_type"));
  s.budget_paid = p.budget_paid();
  ASSIGN_OR_RETURN(s.start_date, DateFromProto(p.start_date(), "staff.start_date"));
  ASSIGN_OR_RETURN(s.end_date, DateFromProto(p.end_date(), "staff.end_date"));
  ASSIGN_OR_RETURN(s.status,
                   EnumFrom<StaffStatus>(p.status(), pb::StaffStatus_IsValid(p.status()), "staff.status"));
  s.city_email = p.city_email();
  s.manager = p.manager();
  ASSIGN_OR_RETURN(s.birth_date, DateFromProto(p.birth_date(), "staff.birth_date"));
  s.id_number = p.id_number();
  ASSIGN_OR_RETURN(s.circumstances, CircumstancesFromProto(p.circumstances()));
  return s;
}

absl::StatusOr<StaffPatch> StaffPatchFromProto(const pb::Staff& p, const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(CheckUpdateMask(
      mask, {"display_name", "position", "employment_type", "budget_paid", "start_date", "end_date", "status",
             "city_email", "manager", "circumstances", "birth_date", "id_number"}));
  ASSIGN_OR_RETURN(Staff s, StaffFromProto(p));
  StaffPatch patch;
  if (MaskHas(mask, "display_name")) patch.display_name = s.display_name;
  if (MaskHas(mask, "position")) patch.position = s.position;
  if (MaskHas(mask, "employment_type")) patch.employment_type = s.employment_type;
  if (MaskHas(mask, "budget_paid")) patch.budget_paid = s.budget_paid;
  if (MaskHas(mask, "start_date")) patch.start_date = s.start_date;
  if (MaskHas(mask, "end_date")) patch.end_date = s.end_date;
  if (MaskHas(mask, "status")) patch.status = s.status;
  if (MaskHas(mask, "city_email")) patch.city_email = s.city_email;
  if (MaskHas(mask, "manager")) patch.manager = s.manager;
  if (MaskHas(mask, "circumstances")) patch.circumstances = s.circumstances;
  if (MaskHas(mask, "birth_date")) patch.birth_date = s.birth_date;
  if (MaskHas(mask, "id_number")) patch.id_number = s.id_number;
  patch.etag = p.etag();
  return patch;
}

ParsedRoster RosterEntriesFromProto(const google::protobuf::RepeatedPtrField<pb::RosterRow>& rows) {
  ParsedRoster parsed;
  for (int i = 0; i < rows.size(); ++i) {
    const pb::RosterRow& r = rows[i];
    RosterEntry e{i + 1, {}};
    e.staff.staff_code = r.staff_code();
    e.staff.display_name = r.display_name();
    e.staff.position = r.position();
    e.staff.budget_paid = r.budget_paid();
    e.staff.city_email = r.city_email();
    e.staff.id_number = r.id_number();
    absl::StatusOr<EmploymentType> type = EnumFrom<EmploymentType>(
        r.employment_type(), pb::EmploymentType_IsValid(r.employment_type()), "employment_type");
    absl::StatusOr<Date> start = DateFromProto(r.start_date(), "start_date");
    absl::StatusOr<Date> birth = DateFromProto(r.birth_date(), "birth_date");
    // A bad value is this row's error, as in the CSV form, not the call's.
    absl::Status bad = !type.ok() ? type.status() : !start.ok() ? start.status() : birth.status();
    if (!bad.ok()) {
      parsed.errors.push_back(RowErrorOf(i + 1, bad));
      continue;
    }
    e.staff.employment_type = *type;
    e.staff.start_date = *start;
    e.staff.birth_date = *birth;
    parsed.entries.push_back(std::move(e));
  }
  return parsed;
}

pb::ImportStaffRosterResponse ImportResultToProto(const ImportResult& r) {
  pb::ImportStaffRosterResponse out;
  out.set_created_count(r.created);
  out.set_updated_count(r.updated);
  out.set_unchanged_count(r.unchanged);
  out.set_applied(r.applied);
  for (const RowError& e : r.errors) {
    pb::RowError* pe = out.add_errors();
    pe->set_row(e.row);
    pe->set_column(e.column);
    pe->set_message(e.message);
  }
  return out;
}

pb::StaffingQuota QuotaToProto(const StaffingQuota& q) {
  pb::StaffingQuota out;
  out.set_name(absl::StrCat("schools/", q.school_id, "/staffingQuotas/", q.year));
  out.set_year(q.year);
  out.set_civil_servant_quota(q.civil_servant_quota);
  out.set_public_employee_quota(q.public_employee_quota);
  out.set_contract_quota(q.contract_quota);
  out.set_decision_number(q.decision_number);
  if (q.decision_date.IsSet()) *out.mutable_decision_date() = DateToProto(q.decision_date);
  *out.mutable_update_time() = TimeToProto(q.update_time);
  return out;
}

absl::StatusOr<StaffingQuota> QuotaFromProto(const pb::StaffingQuota& p) {
  StaffingQuota q;
  q.year = p.year();
  q.civil_servant_quota = p.civil_servant_quota();
  q.public_employee_quota = p.public_employee_quota();
  q.contract_quota = p.contract_quota();
  q.decision_number = p.decision_number();
  ASSIGN_OR_RETURN(q.decision_date, DateFromProto(p.decision_date(), "staffing_quota.decision_date"));
  return q;
}

absl::StatusOr<QuotaPatch> QuotaPatchFromProto(const pb::StaffingQuota& p,
                                               const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(CheckUpdateMask(mask, {"civil_servant_quota", "public_employee_quota", "contract_quota",
                                         "decision_number", "decision_date"}));
  ASSIGN_OR_RETURN(StaffingQuota q, QuotaFromProto(p));
  QuotaPatch patch;
  if (MaskHas(mask, "civil_servant_quota")) patch.civil_servant_quota = q.civil_servant_quota;
  if (MaskHas(mask, "public_employee_quota")) patch.public_employee_quota = q.public_employee_quota;
  if (MaskHas(mask, "contract_quota")) patch.contract_quota = q.contract_quota;
  if (MaskHas(mask, "decision_number")) patch.decision_number = q.decision_number;
  if (MaskHas(mask, "decision_date")) patch.decision_date = q.decision_date;
  return patch;
}

pb::Rating RatingToProto(const Rating& r) {
  pb::Rating out;
  out.set_name(
      absl::StrCat(StaffName(r.school_id, r.staff_id), "/ratings/", RatingPeriod(r.year, r.quarter)));
  out.set_year(r.year);
  out.set_quarter(r.quarter);
  out.set_grade(static_cast<pb::RatingGrade>(r.grade));
  out.set_note(r.note);
  out.set_rated_by(r.rated_by);
  out.set_city_email_criterion_met(r.city_email_criterion_met);
  *out.mutable_create_time() = TimeToProto(r.create_time);
  *out.mutable_update_time() = TimeToProto(r.update_time);
  return out;
}

absl::StatusOr<Rating> RatingFromProto(const pb::Rating& p) {
  Rating r;
  r.year = p.year();
  r.quarter = p.quarter();
  ASSIGN_OR_RETURN(r.grade,
                   EnumFrom<RatingGrade>(p.grade(), pb::RatingGrade_IsValid(p.grade()), "rating.grade"));
  r.note = p.note();
  r.city_email_criterion_met = p.city_email_criterion_met();
  return r;
}

absl::StatusOr<RatingPatch> RatingPatchFromProto(const pb::Rating& p,
                                                 const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(CheckUpdateMask(mask, {"grade", "note", "city_email_criterion_met"}));
  ASSIGN_OR_RETURN(Rating r, RatingFromProto(p));
  RatingPatch patch;
  if (MaskHas(mask, "grade")) patch.grade = r.grade;
  if (MaskHas(mask, "note")) patch.note = r.note;
  if (MaskHas(mask, "city_email_criterion_met")) patch.city_email_criterion_met = r.city_email_criterion_met;
  return patch;
}

absl::StatusOr<std::pair<int, int>> ParseRatingPeriod(absl::string_view period, absl::string_view field) {
  std::vector<absl::string_view> parts = absl::StrSplit(period, "-q");
  int year = 0, quarter = 0;
  bool ok = !parts.empty() && parts.size() <= 2 && parts[0].size() == 4 && absl::SimpleAtoi(parts[0], &year);
  if (ok && parts.size() == 2)
    ok = parts[1].size() == 1 && absl::SimpleAtoi(parts[1], &quarter) && quarter >= 1 && quarter <= 4;
  if (!ok) {
    return InvalidField(field, absl::StrCat("'", period,
                                            "' không phải kỳ đánh giá như 2024-q3 hoặc 2024 "
                                            "(expected a period like 2024-q3 or 2024)"));
  }
  return std::pair{year, quarter};
}

pb::DownsizingRecord RecordToProto(const DownsizingRecord& r) {
  pb::DownsizingRecord out;
  out.set_name(absl::StrCat("schools/", r.school_id, "/downsizingRecords/", r.record_id));
  out.set_staff(StaffName(r.school_id, r.staff_id));
  out.set_staff_display_name(r.staff_display_name);
  out.set_employment_type(static_cast<pb::EmploymentType>(r.employment_type));
  out.set_budget_paid(r.budget_paid);
  out.set_decree(r.decree);
  out.set_category(r.category);
  out.set_policy(r.policy);
  out.set_state(static_cast<pb::DownsizingState>(r.state));
  out.set_volunteered(r.volunteered);
  auto date = [](const Date& d, parhub::common::v1::Date* target) {
    if (d.IsSet()) *target = DateToProto(d);
  };
  date(r.proposed_date, out.mutable_proposed_date());
  date(r.planned_effective_date, out.mutable_planned_effective_date());
  out.set_submission_number(r.submission_number);
  date(r.submission_date, out.mutable_submission_date());
  out.set_decision_number(r.decision_number);
  date(r.decision_date, out.mutable_decision_date());
  out.set_outcome_reason(r.outcome_reason);
  date(r.effective_date, out.mutable_effective_date());
  out.set_note(r.note);
  *out.mutable_create_time() = TimeToProto(r.create_time);
  *out.mutable_update_time() = TimeToProto(r.update_time);
  return out;
}

absl::StatusOr<DownsizingRecord> RecordFromProto(const pb::DownsizingRecord& p,
                                                 const std::string& school_id) {
  DownsizingRecord r;
  if (!p.staff().empty()) {
    ASSIGN_OR_RETURN(auto ids, platform::ParseName("schools/{school}/staff/{staff}", p.staff(),
                                                   "downsizing_record.staff"));
    if (ids[0] != school_id) {
      return InvalidField("downsizing_record.staff",
                          "nhân sự phải thuộc trường này (staff of another school)");
    }
    r.staff_id = ids[1];
  }
  r.decree = p.decree();
  r.category = p.category();
  r.policy = p.policy();
  r.volunteered = p.volunteered();
  ASSIGN_OR_RETURN(r.proposed_date, DateFromProto(p.proposed_date(), "downsizing_record.proposed_date"));
  ASSIGN_OR_RETURN(r.planned_effective_date,
                   DateFromProto(p.planned_effective_date(), "downsizing_record.planned_effective_date"));
  r.note = p.note();
  return r;
}

absl::StatusOr<RecordPatch> RecordPatchFromProto(const pb::DownsizingRecord& p,
                                                 const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(
      CheckUpdateMask(mask, {"category", "policy", "planned_effective_date", "note", "volunteered"}));
  RecordPatch patch;
  if (MaskHas(mask, "category")) patch.category = p.category();
  if (MaskHas(mask, "policy")) patch.policy = p.policy();
  if (MaskHas(mask, "planned_effective_date")) {
    ASSIGN_OR_RETURN(patch.planned_effective_date,
                     DateFromProto(p.planned_effective_date(), "downsizing_record.planned_effective_date"));
  }
  if (MaskHas(mask, "note")) patch.note = p.note();
  if (MaskHas(mask, "volunteered")) patch.volunteered = p.volunteered();
  return patch;
}

absl::StatusOr<std::vector<DownsizingState>> StatesFromProto(
    const google::protobuf::RepeatedField<int>& states, absl::string_view field) {
  std::vector<DownsizingState> out;
  for (int s : states) {
    if (s == 0 || !pb::DownsizingState_IsValid(s)) return UnknownEnumValue(field, s);
    out.push_back(static_cast<DownsizingState>(s));
  }
  return out;
}

pb::DownsizingCandidate CandidateToProto(const Candidate& c) {
  pb::DownsizingCandidate out;
  out.set_staff(StaffName(c.staff.school_id, c.staff.staff_id));
  out.set_display_name(c.staff.display_name);
  out.set_category(c.category);
  for (const Rating& r : c.ratings) *out.add_ratings() = RatingToProto(r);
  return out;
}

pb::DownsizingTargetPlan PlanToProto(const TargetPlan& plan) {
  pb::DownsizingTargetPlan out;
  out.set_code(plan.code);
  out.set_title(plan.title);
  out.set_baseline_year(plan.baseline_year);
  out.set_end_year(plan.end_year);
  out.set_civil_servant_reduction_percent(plan.civil_servant_reduction_percent);
  out.set_public_employee_reduction_percent(plan.public_employee_reduction_percent);
  return out;
}

pb::DownsizingTarget TargetToProto(const DownsizingTarget& t, const TargetPlan& plan) {
  pb::DownsizingTarget out;
  out.set_name(absl::StrCat("schools/", t.school_id, "/downsizingTargets/", t.plan));
  *out.mutable_plan() = PlanToProto(plan);
  out.set_baseline_civil_servants(t.baseline_civil_servants);
  out.set_baseline_public_employees(t.baseline_public_employees);
  if (t.update_time != absl::Time()) *out.mutable_update_time() = TimeToProto(t.update_time);
  return out;
}

pb::DownsizingProgress ProgressToProto(const Progress& p) {
  pb::DownsizingProgress out;
  *out.mutable_target() = TargetToProto(p.target, p.plan);
  if (p.target.school_id.empty()) out.mutable_target()->clear_name();
  out.set_current_civil_servants(p.now.civil_servants);
  out.set_current_public_employees(p.now.budget_paid_public_employees);
  out.set_civil_servant_reduction_percent(p.figures.civil_servant_reduction_percent);
  out.set_public_employee_reduction_percent(p.figures.public_employee_reduction_percent);
  out.set_effective_records(p.effective_records);
  out.set_approved_records(p.approved_records);
  out.set_pending_records(p.pending_records);
  out.set_progress_percent(p.figures.progress_percent);
  out.set_target_met(p.figures.target_met);
  return out;
}

ParsedEmailUsage EmailUsesFromProto(const google::protobuf::RepeatedPtrField<pb::CityEmailUsageRow>& rows) {
  ParsedEmailUsage parsed;
  for (int i = 0; i < rows.size(); ++i) {
    absl::StatusOr<Date> used = DateFromProto(rows[i].last_used_date(), "last_used_date");
    if (!used.ok()) {
      parsed.errors.push_back(RowErrorOf(i + 1, used.status()));
      continue;
    }
    parsed.uses.push_back({i + 1, absl::AsciiStrToLower(rows[i].email()), *used});
  }
  return parsed;
}

pb::ImportCityEmailUsageResponse EmailUsageResultToProto(const EmailUsageResult& result) {
  pb::ImportCityEmailUsageResponse out;
  out.set_matched_count(result.matched);
  for (const RowError& e : result.errors) {
    pb::RowError* pe = out.add_errors();
    pe->set_row(e.row);
    pe->set_column(e.column);
    pe->set_message(e.message);
  }
  return out;
}

pb::DisciplineInspection InspectionToProto(const DisciplineInspection& i) {
  pb::DisciplineInspection out;
  out.set_name(absl::StrCat("schools/", i.school_id, "/disciplineInspections/", i.inspection_id));
  out.set_kind(static_cast<pb::InspectionKind>(i.kind));
  *out.mutable_inspection_date() = DateToProto(i.inspection_date);
  out.set_scope(i.scope);
  for (const std::string& inspector : i.inspectors) out.add_inspectors(inspector);
  out.set_staff_checked(i.staff_checked);
  for (const InspectionFinding& f : i.findings) {
    pb::InspectionFinding* pf = out.add_findings();
    if (!f.staff_id.empty()) pf->set_staff(StaffName(i.school_id, f.staff_id));
    pf->set_description(f.description);
    pf->set_violation(f.violation);
    pf->set_action(f.action);
    if (f.action_due_date.IsSet()) *pf->mutable_action_due_date() = DateToProto(f.action_due_date);
    if (f.action_done_date.IsSet()) *pf->mutable_action_done_date() = DateToProto(f.action_done_date);
  }
  out.set_conclusion(i.conclusion);
  out.set_document_number(i.document_number);
  *out.mutable_create_time() = TimeToProto(i.create_time);
  *out.mutable_update_time() = TimeToProto(i.update_time);
  return out;
}

namespace {

absl::StatusOr<std::vector<InspectionFinding>> FindingsFromProto(
    const google::protobuf::RepeatedPtrField<pb::InspectionFinding>& findings, const std::string& school_id) {
  std::vector<InspectionFinding> out;
  for (int n = 0; n < findings.size(); ++n) {
    const pb::InspectionFinding& p = findings[n];
    std::string at = absl::StrCat("discipline_inspection.findings[", n, "]");
    InspectionFinding f;
    if (!p.staff().empty()) {
      ASSIGN_OR_RETURN(auto ids, platform::ParseName("schools/{school}/staff/{staff}", p.staff(),
                                                     absl::StrCat(at, ".staff")));
      if (ids[0] != school_id) {
        return InvalidField(absl::StrCat(at, ".staff"),
                            "nhân sự phải thuộc trường này (staff of another school)");
      }
      f.staff_id = ids[1];
    }
    f.description = p.description();
    f.violation = p.violation();
    f.action = p.action();
    ASSIGN_OR_RETURN(f.action_due_date,
                     DateFromProto(p.action_due_date(), absl::StrCat(at, ".action_due_date")));
    ASSIGN_OR_RETURN(f.action_done_date,
                     DateFromProto(p.action_done_date(), absl::StrCat(at, ".action_done_date")));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

absl::StatusOr<DisciplineInspection> InspectionFromProto(const pb::DisciplineInspection& p,
                                                         const std::string& school_id) {
  DisciplineInspection i;
  ASSIGN_OR_RETURN(i.kind, EnumFrom<InspectionKind>(p.kind(), pb::InspectionKind_IsValid(p.kind()),
                                                    "discipline_inspection.kind"));
  ASSIGN_OR_RETURN(i.inspection_date,
                   DateFromProto(p.inspection_date(), "discipline_inspection.inspection_date"));
  i.scope = p.scope();
  i.inspectors.assign(p.inspectors().begin(), p.inspectors().end());
  i.staff_checked = p.staff_checked();
  ASSIGN_OR_RETURN(i.findings, FindingsFromProto(p.findings(), school_id));
  i.conclusion = p.conclusion();
  i.document_number = p.document_number();
  return i;
}

absl::StatusOr<InspectionPatch> InspectionPatchFromProto(const pb::DisciplineInspection& p,
                                                         const google::protobuf::FieldMask& mask,
                                                         const std::string& school_id) {
  RETURN_IF_ERROR(CheckUpdateMask(
      mask, {"scope", "inspectors", "staff_checked", "findings", "conclusion", "document_number"}));
  InspectionPatch patch;
  if (MaskHas(mask, "scope")) patch.scope = p.scope();
  if (MaskHas(mask, "inspectors")) patch.inspectors.emplace(p.inspectors().begin(), p.inspectors().end());
  if (MaskHas(mask, "staff_checked")) patch.staff_checked = p.staff_checked();
  if (MaskHas(mask, "findings")) {
    ASSIGN_OR_RETURN(patch.findings, FindingsFromProto(p.findings(), school_id));
  }
  if (MaskHas(mask, "conclusion")) patch.conclusion = p.conclusion();
  if (MaskHas(mask, "document_number")) patch.document_number = p.document_number();
  return patch;
}

pb::StaffSuggestion SuggestionToProto(const StaffSuggestion& s, bool show_author) {
  pb::StaffSuggestion out;
  out.set_name(absl::StrCat("schools/", s.school_id, "/staffSuggestions/", s.suggestion_id));
  out.set_topic(s.topic);
  out.set_content(s.content);
  out.set_anonymous(s.submitted_by.empty());
  if (show_author) out.set_submitted_by(s.submitted_by);
  *out.mutable_submit_date() = DateToProto(s.submit_date);
  out.set_state(static_cast<pb::SuggestionState>(s.state));
  out.set_answer(s.answer);
  if (s.answer_date.IsSet()) *out.mutable_answer_date() = DateToProto(s.answer_date);
  out.set_answered_by(s.answered_by);
  return out;
}

namespace {

// "schools/{school}/staff/{staff}" of this school → the staff id.
absl::StatusOr<std::string> StaffIdOf(const std::string& name, const std::string& school_id,
                                      const std::string& field) {
  ASSIGN_OR_RETURN(auto ids, platform::ParseName("schools/{school}/staff/{staff}", name, field));
  if (ids[0] != school_id)
    return InvalidField(field, "nhân sự phải thuộc trường này (staff of another school)");
  return ids[1];
}

absl::StatusOr<std::vector<std::string>> AttendeesFromProto(
    const google::protobuf::RepeatedPtrField<std::string>& names, const std::string& school_id) {
  std::vector<std::string> out;
  for (int i = 0; i < names.size(); ++i) {
    ASSIGN_OR_RETURN(std::string id,
                     StaffIdOf(names[i], school_id, absl::StrCat("board_meeting.attendees[", i, "]")));
    out.push_back(std::move(id));
  }
  return out;
}

absl::StatusOr<std::vector<BoardRecommendation>> RecommendationsFromProto(
    const google::protobuf::RepeatedPtrField<pb::BoardRecommendation>& items) {
  std::vector<BoardRecommendation> out;
  for (int i = 0; i < items.size(); ++i) {
    std::string at = absl::StrCat("board_meeting.recommendations[", i, "]");
    BoardRecommendation r;
    r.content = items[i].content();
    r.response = items[i].response();
    ASSIGN_OR_RETURN(r.due_date, DateFromProto(items[i].due_date(), absl::StrCat(at, ".due_date")));
    ASSIGN_OR_RETURN(r.resolved_date,
                     DateFromProto(items[i].resolved_date(), absl::StrCat(at, ".resolved_date")));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

pb::InspectionBoard BoardToProto(const InspectionBoard& b) {
  pb::InspectionBoard out;
  out.set_name(absl::StrCat("schools/", b.school_id, "/inspectionBoard"));
  for (const BoardMember& m : b.members) {
    pb::BoardMember* pm = out.add_members();
    pm->set_staff(StaffName(b.school_id, m.staff_id));
    pm->set_role(static_cast<pb::BoardRole>(m.role));
  }
  if (b.term_start.IsSet()) *out.mutable_term_start() = DateToProto(b.term_start);
  if (b.term_end.IsSet()) *out.mutable_term_end() = DateToProto(b.term_end);
  out.set_decision_number(b.decision_number);
  if (b.update_time != absl::InfinitePast()) *out.mutable_update_time() = TimeToProto(b.update_time);
  return out;
}

absl::StatusOr<InspectionBoard> BoardFromProto(const pb::InspectionBoard& p, const std::string& school_id) {
  InspectionBoard b;
  for (int i = 0; i < p.members_size(); ++i) {
    std::string at = absl::StrCat("inspection_board.members[", i, "]");
    BoardMember m;
    ASSIGN_OR_RETURN(m.staff_id, StaffIdOf(p.members(i).staff(), school_id, absl::StrCat(at, ".staff")));
    ASSIGN_OR_RETURN(m.role,
                     EnumFrom<BoardRole>(p.members(i).role(), pb::BoardRole_IsValid(p.members(i).role()),
                                         absl::StrCat(at, ".role")));
    b.members.push_back(std::move(m));
  }
  ASSIGN_OR_RETURN(b.term_start, DateFromProto(p.term_start(), "inspection_board.term_start"));
  ASSIGN_OR_RETURN(b.term_end, DateFromProto(p.term_end(), "inspection_board.term_end"));
  b.decision_number = p.decision_number();
  return b;
}

pb::BoardMeeting MeetingToProto(const BoardMeeting& m) {
  pb::BoardMeeting out;
  out.set_name(absl::StrCat("schools/", m.school_id, "/boardMeetings/", m.meeting_id));
  *out.mutable_meeting_date() = DateToProto(m.meeting_date);
  out.set_minutes(m.minutes);
  for (const std::string& id : m.attendee_ids) out.add_attendees(StaffName(m.school_id, id));
  for (const BoardRecommendation& r : m.recommendations) {
    pb::BoardRecommendation* pr = out.add_recommendations();
    pr->set_content(r.content);
    if (r.due_date.IsSet()) *pr->mutable_due_date() = DateToProto(r.due_date);
    pr->set_response(r.response);
    if (r.resolved_date.IsSet()) *pr->mutable_resolved_date() = DateToProto(r.resolved_date);
  }
  *out.mutable_update_time() = TimeToProto(m.update_time);
  return out;
}

absl::StatusOr<BoardMeeting> MeetingFromProto(const pb::BoardMeeting& p, const std::string& school_id) {
  BoardMeeting m;
  ASSIGN_OR_RETURN(m.meeting_date, DateFromProto(p.meeting_date(), "board_meeting.meeting_date"));
  m.minutes = p.minutes();
  ASSIGN_OR_RETURN(m.attendee_ids, AttendeesFromProto(p.attendees(), school_id));
  ASSIGN_OR_RETURN(m.recommendations, RecommendationsFromProto(p.recommendations()));
  return m;
}

absl::StatusOr<MeetingPatch> MeetingPatchFromProto(const pb::BoardMeeting& p,
                                                   const google::protobuf::FieldMask& mask,
                                                   const std::string& school_id) {
  RETURN_IF_ERROR(CheckUpdateMask(mask, {"minutes", "attendees", "recommendations"}));
  MeetingPatch patch;
  if (MaskHas(mask, "minutes")) patch.minutes = p.minutes();
  if (MaskHas(mask, "attendees")) {
    ASSIGN_OR_RETURN(patch.attendee_ids, AttendeesFromProto(p.attendees(), school_id));
  }
  if (MaskHas(mask, "recommendations")) {
    ASSIGN_OR_RETURN(patch.recommendations, RecommendationsFromProto(p.recommendations()));
  }
  return patch;
}

pb::StaffingSummary SummaryToProto(const std::string& school_id, const StaffingFigures& f) {
  pb::StaffingSummary out;
  out.set_school(absl::StrCat("schools/", school_id));
  out.set_staff_count(f.headcount.staff);
  out.set_civil_servants(f.headcount.civil_servants);
  out.set_public_employees(f.headcount.public_employees);
  out.set_contract_staff(f.headcount.contract_staff);
  out.set_budget_paid_staff(f.headcount.budget_paid);
  out.set_civil_servant_quota(f.civil_servant_quota);
  out.set_public_employee_quota(f.public_employee_quota);
  out.set_city_email_accounts(f.city_email_accounts);
  out.set_city_email_users(f.city_email_users);
  out.set_city_email_account_rate(f.city_email_account_rate);
  out.set_city_email_use_rate(f.city_email_use_rate);
  out.set_ratings_due(f.ratings_due);
  out.set_ratings_recorded(f.ratings_recorded);
  out.set_rating_completion_rate(f.rating_completion_rate);
  auto grade = [&](RatingGrade g) {
    auto it = f.grades.find(g);
    return it == f.grades.end() ? 0 : it->second;
  };
  out.set_rated_excellent(grade(RatingGrade::kExcellent));
  out.set_rated_good(grade(RatingGrade::kGood));
  out.set_rated_completed(grade(RatingGrade::kCompleted));
  out.set_rated_not_completed(grade(RatingGrade::kNotCompleted));
  out.set_downsizing_proposed(f.period.records_proposed);
  out.set_downsizing_effective(f.period.records_effective);
  out.set_civil_servant_reduction_percent(f.progress.civil_servant_reduction_percent);
  out.set_public_employee_reduction_percent(f.progress.public_employee_reduction_percent);
  out.set_downsizing_progress_percent(f.progress.progress_percent);
  out.set_discipline_inspections(f.period.inspections);
  out.set_surprise_inspections(f.period.surprise_inspections);
  out.set_discipline_violations(f.period.violations);
  out.set_downsizing_candidates(f.downsizing_candidates);
  out.set_staff_suggestions(f.period.suggestions);
  out.set_staff_suggestions_answered(f.period.suggestions_answered);
  out.set_board_meetings(f.period.board_meetings);
  out.set_board_recommendations(f.period.board_recommendations);
  out.set_board_recommendations_resolved(f.period.board_recommendations_resolved);
  return out;
}

pb::DownsizingProgressRollup RollupToProto(const ProgressRollup& rollup) {
  pb::DownsizingProgressRollup out;
  std::vector<const Progress*> lines;
  for (const Progress& p : rollup.schools) lines.push_back(&p);
  std::stable_sort(lines.begin(), lines.end(), [](const Progress* a, const Progress* b) {
    if (a->figures.progress_percent != b->figures.progress_percent) {
      return a->figures.progress_percent < b->figures.progress_percent;
    }
    return a->school_id < b->school_id;
  });
  for (const Progress* p : lines) {
    pb::SchoolDownsizingProgress* line = out.add_schools();
    line->set_school(absl::StrCat("schools/", p->school_id));
    *line->mutable_progress() = ProgressToProto(*p);
  }
  *out.mutable_totals() = ProgressToProto(rollup.totals);
  return out;
}

absl::StatusOr<DownsizingCatalog> CatalogFromProto(const pb::DownsizingCatalog& catalog) {
  std::vector<DownsizingDecree> decrees;
  for (const pb::DownsizingDecree& d : catalog.decrees()) {
    DownsizingDecree out;
    out.code = d.code();
    out.number = d.number();
    ASSIGN_OR_RETURN(out.effective_from, DateFromProto(d.effective_from(), "effectiveFrom"));
    ASSIGN_OR_RETURN(out.effective_until, DateFromProto(d.effective_until(), "effectiveUntil"));
    for (const pb::DownsizingCategory& c : d.categories()) {
      DownsizingCategory category{c.code(), c.article(), c.title(), std::nullopt};
      if (c.has_rating_rule() != c.rating_based()) {
        return absl::InvalidArgumentError(absl::StrCat("downsizing catalog: ", c.code(),
                                                       ": ratingBased and ratingRule must come together"));
      }
      if (c.has_rating_rule()) {
        RatingRule rule;
        rule.consecutive_years = c.rating_rule().consecutive_years();
        for (const pb::GradeCount& gc : c.rating_rule().minimum_counts()) {
          rule.minimum_counts.emplace_back(static_cast<RatingGrade>(gc.grade()), gc.count());
        }
        category.rating_rule = std::move(rule);
      }
      out.categories.push_back(std::move(category));
    }
    for (const pb::DownsizingPolicy& p : d.policies())
      out.policies.push_back({p.code(), p.article(), p.title()});
    for (int k : d.exemptions()) out.exemptions.push_back(static_cast<CircumstanceKind>(k));
    for (int k : d.waivable_exemptions()) out.waivable_exemptions.push_back(static_cast<CircumstanceKind>(k));
    decrees.push_back(std::move(out));
  }
  std::vector<TargetPlan> plans;
  for (const pb::DownsizingTargetPlan& p : catalog.target_plans()) {
    plans.push_back({p.code(), p.title(), p.baseline_year(), p.end_year(),
                     p.civil_servant_reduction_percent(), p.public_employee_reduction_percent()});
  }
  return DownsizingCatalog::Make(std::move(decrees), std::move(plans));
}

absl::StatusOr<pb::DownsizingCatalog> ParseCatalogJson(absl::string_view json) {
  pb::DownsizingCatalog catalog;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(std::string(json), &catalog, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("downsizing catalog: ", status.ToString()));
  }
  return catalog;
}

absl::StatusOr<LoadedCatalog> LoadEmbeddedCatalog() {
  LoadedCatalog loaded;
  ASSIGN_OR_RETURN(loaded.proto, ParseCatalogJson(DownsizingCatalogJson()));
  ASSIGN_OR_RETURN(loaded.catalog, CatalogFromProto(loaded.proto));
  return loaded;
}

}  // namespace parhub::staffing
