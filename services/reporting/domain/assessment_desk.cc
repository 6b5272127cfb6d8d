// Self-assessment and appraisal (see assessment_desk.h).
#include "services/reporting/domain/assessment_desk.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
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
using ::parhub::platform::TextLines;

constexpr char kAssessment[] = "bản tự đánh giá";
constexpr int kMaxEvidence = 30;

absl::Status Transition(v1::AssessmentState from, std::initializer_list<v1::AssessmentState> allowed,
                        absl::string_view action) {
  for (v1::AssessmentState s : allowed) {
    if (s == from) return absl::OkStatus();
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "Không thể ", action, " bản tự đánh giá đang ở trạng thái ", v1::AssessmentState_Name(from)));
}

bool IsHex64(absl::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

absl::StatusOr<v1::AssessmentEvidence> CleanEvidence(const v1::AssessmentEvidence& in, int i,
                                                     const std::string& school_id) {
  const std::string field = absl::StrCat("item.evidence[", i, "]");
  v1::AssessmentEvidence out;
  ASSIGN_OR_RETURN(*out.mutable_document_number(), CleanText(in.document_number(), field + ".document_number",
                                                             60, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(*out.mutable_title(),
                   CleanText(in.title(), field + ".title", 300, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(*out.mutable_uri(), CleanText(in.uri(), field + ".uri", 1000, false, TextLines::kSingle));
  if (!out.uri().empty() && !absl::StartsWith(out.uri(), "https://") &&
      !absl::StartsWith(out.uri(), "http://")) {
    return InvalidField(field + ".uri", "đường dẫn phải bắt đầu bằng https:// hoặc http://");
  }
  if (!in.sha256().empty() && !IsHex64(in.sha256())) {
    return InvalidField(field + ".sha256", "phải là 64 chữ số hex viết thường");
  }
  out.set_sha256(in.sha256());
  if (!in.task().empty()) {
    const std::string prefix = absl::StrCat("schools/", school_id, "/plans/");
    if (!absl::StartsWith(in.task(), prefix) || !absl::StrContains(in.task(), "/tasks/")) {
      return InvalidField(field + ".task",
                          absl::StrCat("phải là một nhiệm vụ của trường: ", prefix, "…/tasks/…"));
    }
  }
  out.set_task(in.task());
  return out;
}

}  // namespace

std::string AssessmentName(const std::string& school_id, int year) {
  return absl::StrCat("schools/", school_id, "/parAssessments/", year);
}

void Totalize(v1::ParAssessment& assessment) {
  double self = 0, appraised = 0;
  for (const auto& item : assessment.items()) {
    self += item.self_points() + item.computed_points();
    if (item.appraised()) appraised += item.appraised_points();
  }
  for (const auto& adjustment : assessment.adjustments()) {
    self += adjustment.points();
    if (assessment.state() == v1::ASSESSMENT_STATE_APPRAISED) appraised += adjustment.points();
  }
  assessment.set_self_total(RoundPoints(self));
  assessment.set_appraised_total(RoundPoints(appraised));
}

// ------------------------------------------------------------ FrameworkBook

absl::Status FrameworkBook::Seed(const std::vector<v1::ParFramework>& frameworks) {
  for (const auto& framework : frameworks) {
    RETURN_IF_ERROR(ValidateFramework(framework, catalog_));
    ASSIGN_OR_RETURN(auto existing, store_.GetFramework(FrameworkId(framework)));
    if (existing.has_value()) continue;
    absl::Status inserted = store_.InsertFramework(framework, clock_());
    if (!inserted.ok() && !absl::IsAlreadyExists(inserted)) return inserted;  // another replica seeded it
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::ParFramework> FrameworkBook::Get(const std::string& id) {
  ASSIGN_OR_RETURN(auto framework, store_.GetFramework(id));
  if (!framework.has_value()) return absl::NotFoundError(absl::StrCat("Không có bộ tiêu chí '", id, "'"));
  return *std::move(framework);
}

absl::StatusOr<v1::ParFramework> FrameworkBook::ForYear(int year, const std::string& level) {
  ASSIGN_OR_RETURN(auto frameworks, store_.ListFrameworks(year, level));
  if (frameworks.empty()) {
    return absl::NotFoundError(absl::StrCat("Chưa có bộ tiêu chí Chỉ số CCHC cấp '", level, "' cho năm ",
                                            year, " (no PAR framework for that year)"));
  }
  const v1::ParFramework* newest = &frameworks.front();
  for (const auto& f : frameworks) {
    if (f.version() > newest->version()) newest = &f;
  }
  return *newest;
}

absl::StatusOr<std::vector<v1::ParFramework>> FrameworkBook::List(int year, const std::string& level) {
  return store_.ListFrameworks(year, level);
}

absl::StatusOr<v1::ParFramework> FrameworkBook::Create(const Caller& caller, const std::string& id,
                                                       v1::ParFramework framework) {
  RETURN_IF_ERROR(RequireAnyOfficer(caller));
  RETURN_IF_ERROR(platform::ValidateId(id, "par_framework_id"));
  framework.set_name(absl::StrCat("parFrameworks/", id));
  RETURN_IF_ERROR(ValidateFramework(framework, catalog_));
  RETURN_IF_ERROR(store_.InsertFramework(framework, clock_()));
  return framework;
}

// ----------------------------------------------------------- AssessmentDesk

absl::StatusOr<StoredAssessment> AssessmentDesk::Load(const std::string& school_id, int year, Lock lock) {
  ASSIGN_OR_RETURN(auto stored, store_.GetAssessment(school_id, year, lock));
  if (!stored.has_value()) {
    return absl::NotFoundError(absl::StrCat("Không tìm thấy bản tự đánh giá năm ", year, " (not found)"));
  }
  Totalize(stored->assessment);
  return *std::move(stored);
}

absl::StatusOr<StoredAssessment> AssessmentDesk::LoadOrCreate(const std::string& school_id, int year) {
  ASSIGN_OR_RETURN(auto stored, store_.GetAssessment(school_id, year, Lock::kNone));
  if (stored.has_value()) {
    Totalize(stored->assessment);
    return *std::move(stored);
  }
  ASSIGN_OR_RETURN(v1::ParFramework framework, frameworks_.ForYear(year, "school"));
  StoredAssessment fresh{school_id, year, {}};
  v1::ParAssessment& a = fresh.assessment;
  a.set_name(AssessmentName(school_id, year));
  a.set_framework(framework.name());
  a.set_state(v1::ASSESSMENT_STATE_DRAFT);
  *a.mutable_update_time() = platform::TimeToProto(clock_());
  for (const FrameworkItem& fi : ItemsOf(framework)) {
    v1::AssessmentItem* item = a.add_items();
    item->set_name(absl::StrCat(a.name(), "/items/", fi.item->code()));
    item->set_sub_criterion(fi.item->code());
    item->set_max_points(fi.item->max_points());
  }
  absl::Status inserted = store_.InsertAssessment(fresh);
  if (absl::IsAlreadyExists(inserted)) return Load(school_id, year, Lock::kNone);  // created concurrently
  RETURN_IF_ERROR(inserted);
  Totalize(fresh.assessment);
  return fresh;
}

absl::StatusOr<v1::ParAssessment> AssessmentDesk::Get(const Caller& caller, const std::string& school_id,
                                                      int year) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kAssessment));
  if (year < 2000 || year > 2100) return InvalidField("name", "năm phải trong khoảng 2000..2100");
  ASSIGN_OR_RETURN(StoredAssessment stored, LoadOrCreate(school_id, year));
  return stored.assessment;
}

absl::StatusOr<std::vector<v1::AssessmentVersion>> AssessmentDesk::History(const Caller& caller,
                                                                           const std::string& school_id,
                                                                           int year) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kAssessment));
  if (year < 2000 || year > 2100) return InvalidField("parent", "năm phải trong khoảng 2000..2100");
  ASSIGN_OR_RETURN(std::vector<v1::AssessmentVersion> versions, store_.AssessmentHistory(school_id, year));
  for (v1::AssessmentVersion& v : versions) Totalize(*v.mutable_assessment());
  return versions;
}

absl::StatusOr<std::optional<v1::ParAssessment>> AssessmentDesk::Find(const std::string& school_id,
                                                                      int year) {
  ASSIGN_OR_RETURN(auto found, FindAll(year, {school_id}));
  if (found.empty()) return std::nullopt;
  return std::move(found.begin()->second);
}

absl::StatusOr<std::map<std::string, v1::ParAssessment>> AssessmentDesk::FindAll(
    int year, const std::vector<std::string>& school_ids) {
  ASSIGN_OR_RETURN(auto stored, store_.AssessmentsOf(year, school_ids));
  std::map<std::string, v1::ParAssessment> out;
  for (auto& [school_id, s] : stored) {
    Totalize(s.assessment);
    out[school_id] = std::move(s.assessment);
  }
  return out;
}

absl::StatusOr<std::vector<v1::ParAssessment>> AssessmentDesk::List(const Caller& caller,
                                                                    const std::string& school_id) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kAssessment));
  ASSIGN_OR_RETURN(auto stored, store_.ListAssessments(school_id));
  std::vector<v1::ParAssessment> out;
  for (auto& s : stored) out.push_back(std::move(s.assessment));
  return out;
}

absl::StatusOr<v1::ParAssessment> AssessmentDesk::Change(
    const Caller& caller, const std::string& school_id, int year, const std::string& history_action,
    const std::function<absl::Status(v1::ParAssessment&)>& change) {
  RETURN_IF_ERROR(LoadOrCreate(school_id, year).status());
  std::optional<v1::ParAssessment> result;
  RETURN_IF_ERROR(store_.InTransaction([&]() -> absl::Status {
    ASSIGN_OR_RETURN(StoredAssessment stored, Load(school_id, year, Lock::kForUpdate));
    RETURN_IF_ERROR(change(stored.assessment));
    const absl::Time now = clock_();
    *stored.assessment.mutable_update_time() = platform::TimeToProto(now);
    Totalize(stored.assessment);
    RETURN_IF_ERROR(store_.UpdateAssessment(stored));
    if (!history_action.empty()) {
      RETURN_IF_ERROR(store_.AppendAssessmentHistory(stored, history_action, caller.subject, now));
    }
    result = stored.assessment;
    return absl::OkStatus();
  }));
  return *std::move(result);
}

absl::StatusOr<v1::AssessmentItem> AssessmentDesk::UpdateItem(const Caller& caller,
                                                              const std::string& school_id, int year,
                                                              const v1::AssessmentItem& input) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, kAssessment));
  ASSIGN_OR_RETURN(v1::ParFramework framework, frameworks_.ForYear(year, "school"));
  const v1::SubCriterion* sub = nullptr;
  for (const FrameworkItem& fi : ItemsOf(framework)) {
    if (fi.item->code() == input.sub_criterion()) sub = fi.item;
  }
  if (sub == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("Bộ tiêu chí không có tiêu chí thành phần '", input.sub_criterion(), "'"));
  }
  if (sub->mode() != v1::ASSESSMENT_MODE_SELF_ASSESSED) {
    return InvalidField("item.sub_criterion",
                        absl::StrCat("tiêu chí ", sub->code(), " được tính tự động từ số liệu (",
                                     sub->metric(), "); không tự chấm hay nộp minh chứng cho nó"));
  }
  if (!(input.self_points() >= 0) || input.self_points() > sub->max_points() + 1e-9) {
    return InvalidField("item.self_points",
                        absl::StrCat("điểm tự chấm phải trong khoảng 0..",
                                     VietnameseNumber(sub->max_points()), " (tiêu chí ", sub->code(), ")"));
  }
  ASSIGN_OR_RETURN(std::string explanation,
                   CleanText(input.explanation(), "item.explanation", 4000, false, TextLines::kMulti));
  if (input.evidence_size() > kMaxEvidence) {
    return InvalidField("item.evidence",
                        absl::StrCat("tối đa ", kMaxEvidence, " minh chứng cho một tiêu chí"));
  }
  std::vector<v1::AssessmentEvidence> evidence;
  for (int i = 0; i < input.evidence_size(); ++i) {
    ASSIGN_OR_RETURN(v1::AssessmentEvidence e, CleanEvidence(input.evidence(i), i, school_id));
    evidence.push_back(std::move(e));
  }
  v1::AssessmentItem updated;
  RETURN_IF_ERROR(Change(caller, school_id, year, "", [&](v1::ParAssessment& a) -> absl::Status {
                    RETURN_IF_ERROR(Transition(
                        a.state(), {v1::ASSESSMENT_STATE_DRAFT, v1::ASSESSMENT_STATE_RETURNED}, "sửa"));
                    for (auto& item : *a.mutable_items()) {
                      if (item.sub_criterion() != sub->code()) continue;
                      item.set_self_points(RoundPoints(input.self_points()));
                      item.set_explanation(explanation);
                      item.clear_evidence();
                      for (auto& e : evidence) *item.add_evidence() = e;
                      updated = item;
                      return absl::OkStatus();
                    }
                    return absl::NotFoundError(absl::StrCat("Bản tự đánh giá không có mục ", sub->code()));
                  }).status());
  return updated;
}

absl::StatusOr<v1::ParAssessment> AssessmentDesk::Submit(const Caller& caller, const std::string& school_id,
                                                         int year, const v1::ParForecast& forecast) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, kAssessment));
  ASSIGN_OR_RETURN(v1::ParFramework framework, frameworks_.ForYear(year, "school"));
  std::map<std::string, const v1::ForecastLine*> lines;
  for (const auto& line : forecast.lines()) lines[line.sub_criterion()] = &line;
  std::set<std::string> metric_items;
  for (const FrameworkItem& fi : ItemsOf(framework)) {
    if (fi.item->mode() == v1::ASSESSMENT_MODE_METRIC) metric_items.insert(fi.item->code());
  }
  return Change(caller, school_id, year, "submit", [&](v1::ParAssessment& a) -> absl::Status {
    RETURN_IF_ERROR(
        Transition(a.state(), {v1::ASSESSMENT_STATE_DRAFT, v1::ASSESSMENT_STATE_RETURNED}, "nộp"));
    for (auto& item : *a.mutable_items()) {
      if (!metric_items.contains(item.sub_criterion())) continue;
      auto it = lines.find(item.sub_criterion());
      if (it == lines.end() || it->second->source() == v1::POINTS_SOURCE_UNAVAILABLE) {
        return absl::UnavailableError(absl::StrCat("Chưa lấy được số liệu cho tiêu chí ",
                                                   item.sub_criterion(),
                                                   "; thử nộp lại sau (a source did not answer)"));
      }
      item.set_metric_value(it->second->metric_value());
      item.set_computed_points(it->second->points());
    }
    a.set_state(v1::ASSESSMENT_STATE_SUBMITTED);
    *a.mutable_submit_time() = platform::TimeToProto(clock_());
    return absl::OkStatus();
  });
}

absl::StatusOr<v1::ParAssessment> AssessmentDesk::SetAdjustments(
    const Caller& caller, const std::string& school_id, int year,
    const std::vector<v1::AssessmentAdjustment>& adjustments) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, kAssessment));
  ASSIGN_OR_RETURN(v1::ParFramework framework, frameworks_.ForYear(year, "school"));
  std::vector<v1::AssessmentAdjustment> clean;
  std::set<std::string> seen;
  for (size_t i = 0; i < adjustments.size(); ++i) {
    const std::string field = absl::StrCat("adjustments[", i, "]");
    const v1::AssessmentAdjustment& in = adjustments[i];
    const v1::Adjustment* rule = nullptr;
    for (const auto& a : framework.adjustments()) {
      if (a.code() == in.code()) rule = &a;
    }
    if (rule == nullptr) {
      return InvalidField(field + ".code", absl::StrCat("bộ tiêu chí ", framework.name(),
                                                        " không có điểm thưởng/trừ '", in.code(), "'"));
    }
    if (!seen.insert(in.code()).second) return InvalidField(field + ".code", "mỗi mã chỉ ghi một lần");
    const int max_count = std::max(rule->max_count(), 1);
    if (in.count() < 1 || in.count() > max_count) {
      return InvalidField(field + ".count", absl::StrCat("số lần phải trong khoảng 1..", max_count));
    }
    v1::AssessmentAdjustment out;
    out.set_code(in.code());
    out.set_count(in.count());
    ASSIGN_OR_RETURN(*out.mutable_note(),
                     CleanText(in.note(), field + ".note", 1000, true, TextLines::kMulti));
    for (int j = 0; j < in.evidence_size(); ++j) {
      ASSIGN_OR_RETURN(*out.add_evidence(), CleanEvidence(in.evidence(j), j, school_id));
    }
    out.set_points(RoundPoints(in.count() * rule->points()));
    clean.push_back(std::move(out));
  }
  return Change(caller, school_id, year, "", [&](v1::ParAssessment& a) -> absl::Status {
    RETURN_IF_ERROR(Transition(a.state(), {v1::ASSESSMENT_STATE_DRAFT, v1::ASSESSMENT_STATE_RETURNED},
                               "ghi điểm thưởng/trừ cho"));
    a.clear_adjustments();
    for (auto& adj : clean) *a.add_adjustments() = adj;
    return absl::OkStatus();
  });
}

absl::StatusOr<v1::ParAssessment> AssessmentDesk::Appraise(const Caller& caller, const std::string& school_id,
                                                           int year,
                                                           const std::vector<v1::ItemAppraisal>& appraisals) {
  RETURN_IF_ERROR(RequireOfficer(caller, school_id, kAssessment));
  std::map<std::string, v1::ItemAppraisal> by_code;
  for (size_t i = 0; i < appraisals.size(); ++i) {
    const std::string field = absl::StrCat("appraisals[", i, "]");
    v1::ItemAppraisal a = appraisals[i];
    ASSIGN_OR_RETURN(*a.mutable_note(), CleanText(a.note(), field + ".note", 2000, false, TextLines::kMulti));
    if (!by_code.emplace(a.sub_criterion(), a).second) {
      return InvalidField(field + ".sub_criterion", absl::StrCat("tiêu chí ", a.sub_criterion(), " lặp lại"));
    }
  }
  return Change(caller, school_id, year, "appraise", [&](v1::ParAssessment& a) -> absl::Status {
    RETURN_IF_ERROR(Transition(a.state(), {v1::ASSESSMENT_STATE_SUBMITTED}, "thẩm định"));
    size_t matched = 0;
    for (auto& item : *a.mutable_items()) {
      auto it = by_code.find(item.sub_criterion());
      double points = item.self_points() + item.computed_points();
      if (it != by_code.end()) {
        ++matched;
        if (!(it->second.points() >= 0) || it->second.points() > item.max_points() + 1e-9) {
          return InvalidField("appraisals.points",
                              absl::StrCat("điểm thẩm định của tiêu chí ", item.sub_criterion(),
                                           " phải trong khoảng 0..", VietnameseNumber(item.max_points())));
        }
        points = it->second.points();
        item.set_appraisal_note(it->second.note());
      }
      item.set_appraised(true);
      item.set_appraised_points(RoundPoints(points));
    }
    if (matched != by_code.size()) {
      for (const auto& [code, unused] : by_code) {
        bool known = false;
        for (const auto& item : a.items()) known = known || item.sub_criterion() == code;
        if (!known) {
          return InvalidField("appraisals.sub_criterion",
                              absl::StrCat("bộ tiêu chí không có tiêu chí thành phần '", code, "'"));
        }
      }
    }
    a.set_state(v1::ASSESSMENT_STATE_APPRAISED);
    *a.mutable_appraise_time() = platform::TimeToProto(clock_());
    a.set_appraised_by(caller.subject);
    return absl::OkStatus();
  });
}

absl::StatusOr<v1::ParAssessment> AssessmentDesk::Return(const Caller& caller, const std::string& school_id,
                                                         int year, const std::string& reason) {
  RETURN_IF_ERROR(RequireOfficer(caller, school_id, kAssessment));
  ASSIGN_OR_RETURN(std::string clean, CleanText(reason, "reason", 2000, true, TextLines::kMulti));
  return Change(caller, school_id, year, "return", [&](v1::ParAssessment& a) -> absl::Status {
    RETURN_IF_ERROR(Transition(a.state(), {v1::ASSESSMENT_STATE_SUBMITTED}, "trả lại"));
    a.set_state(v1::ASSESSMENT_STATE_RETURNED);
    a.set_return_reason(clean);
    return absl::OkStatus();
  });
}

}  // namespace parhub::reporting
