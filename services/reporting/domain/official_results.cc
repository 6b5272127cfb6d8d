// Official results and the tasks that address their deductions (see
// official_results.h).
#include "services/reporting/domain/official_results.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/rpc/proto_values.h"
#include "services/reporting/domain/access.h"
#include "services/reporting/domain/forecaster.h"
#include "services/reporting/domain/framework_rules.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::Role;
using ::parhub::platform::TextLines;

constexpr char kWhat[] = "kết quả Chỉ số CCHC";

absl::Status RequireImport(const Caller& caller, const std::string& school_id) {
  if (caller.role == Role::kAuthorityOfficer) return RequireOfficer(caller, school_id, kWhat);
  return RequireSchoolWrite(caller, school_id, kWhat);
}

std::map<std::string, const v1::SubCriterion*> ByCode(const v1::ParFramework& framework) {
  std::map<std::string, const v1::SubCriterion*> out;
  for (const FrameworkItem& fi : ItemsOf(framework)) out[fi.item->code()] = fi.item;
  return out;
}

}  // namespace

absl::StatusOr<v1::OfficialParResult> OfficialResults::Import(const Caller& caller,
                                                              const std::string& school_id, int year,
                                                              const v1::OfficialParResult& in) {
  RETURN_IF_ERROR(RequireImport(caller, school_id));
  if (year < 2000 || year > 2100) return InvalidField("year", "năm phải trong khoảng 2000..2100");
  ASSIGN_OR_RETURN(v1::ParFramework framework, frameworks_.ForYear(year, "school"));
  const auto items = ByCode(framework);
  v1::OfficialParResult out;
  out.set_name(absl::StrCat("schools/", school_id, "/officialParResults/", year));
  out.set_framework(framework.name());
  if (!(in.total_points() >= 0) || in.total_points() > framework.max_points() + 50) {
    return InvalidField("official_par_result.total_points", "tổng điểm không hợp lệ");
  }
  out.set_total_points(RoundPoints(in.total_points()));
  if (in.rank() < 0) return InvalidField("official_par_result.rank", "thứ hạng không âm");
  out.set_rank(in.rank());
  ASSIGN_OR_RETURN(
      *out.mutable_document_number(),
      CleanText(in.document_number(), "official_par_result.document_number", 60, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(platform::Date date,
                   platform::DateFromProto(in.document_date(), "official_par_result.document_date"));
  *out.mutable_document_date() = platform::DateToProto(date);
  std::set<std::string> seen;
  double lost = 0;
  for (int i = 0; i < in.deductions_size(); ++i) {
    const v1::DeductedItem& d = in.deductions(i);
    const std::string field = absl::StrCat("official_par_result.deductions[", i, "]");
    auto it = items.find(d.sub_criterion());
    if (it == items.end()) {
      return InvalidField(field + ".sub_criterion",
                          absl::StrCat("bộ tiêu chí ", framework.name(), " không có tiêu chí thành phần '",
                                       d.sub_criterion(), "'"));
    }
    if (!seen.insert(d.sub_criterion()).second)
      return InvalidField(field + ".sub_criterion", "tiêu chí lặp lại");
    const double max = it->second->max_points();
    if (!(d.points() >= 0) || d.points() >= max) {
      return InvalidField(field + ".points",
                          absl::StrCat("điểm đạt của tiêu chí bị trừ điểm phải trong khoảng 0..dưới ",
                                       VietnameseNumber(max)));
    }
    v1::DeductedItem* kept = out.add_deductions();
    kept->set_sub_criterion(d.sub_criterion());
    kept->set_points(RoundPoints(d.points()));
    ASSIGN_OR_RETURN(*kept->mutable_reason(),
                     CleanText(d.reason(), field + ".reason", 1000, true, TextLines::kMulti));
    lost += max - d.points();
  }
  *out.mutable_import_time() = platform::TimeToProto(clock_());
  out.set_imported_by(caller.subject);
  RETURN_IF_ERROR(store_.SaveOfficialResult(school_id, year, out, clock_()));
  out.set_points_lost(RoundPoints(lost));
  for (auto& d : *out.mutable_deductions()) {
    const v1::SubCriterion* sub = items.at(d.sub_criterion());
    d.set_title(sub->title());
    d.set_max_points(sub->max_points());
    *d.mutable_plan_tasks() = sub->plan_tasks();
  }
  return out;
}

absl::StatusOr<v1::OfficialParResult> OfficialResults::Get(const Caller& caller, const std::string& school_id,
                                                           int year, int plan_year, absl::Time deadline) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kWhat));
  ASSIGN_OR_RETURN(auto stored, store_.GetOfficialResult(school_id, year));
  if (!stored.has_value()) {
    return absl::NotFoundError(absl::StrCat("Chưa nhập kết quả Chỉ số CCHC chính thức năm ", year));
  }
  v1::OfficialParResult out = *std::move(stored);
  ASSIGN_OR_RETURN(v1::ParFramework framework,
                   frameworks_.Get(out.framework().substr(out.framework().find('/') + 1)));
  const auto items = ByCode(framework);
  absl::StatusOr<std::vector<PlanTask>> tasks =
      source_.PlanTasks(school_id, plan_year == 0 ? year + 1 : plan_year, deadline);
  if (!tasks.ok()) {
    out.add_source_errors(absl::StrCat("tasks: ", absl::StatusCodeToString(tasks.status().code()), ": ",
                                       tasks.status().message()));
  }
  double lost = 0;
  for (auto& d : *out.mutable_deductions()) {
    auto it = items.find(d.sub_criterion());
    if (it == items.end()) continue;
    d.set_title(it->second->title());
    d.set_max_points(it->second->max_points());
    *d.mutable_plan_tasks() = it->second->plan_tasks();
    lost += it->second->max_points() - d.points();
    if (!tasks.ok()) continue;
    const std::set<std::string> codes(it->second->plan_tasks().begin(), it->second->plan_tasks().end());
    for (const PlanTask& t : *tasks) {
      if (!codes.contains(t.code)) continue;
      v1::AddressingTask* a = d.add_tasks();
      a->set_task(t.name);
      a->set_code(t.code);
      a->set_title(t.title);
      a->set_percent_done(t.percent_done);
      a->set_overdue(t.overdue);
      if (t.due_date.IsSet()) *a->mutable_due_date() = platform::DateToProto(t.due_date);
    }
  }
  out.set_points_lost(RoundPoints(lost));
  return out;
}

}  // namespace parhub::reporting
