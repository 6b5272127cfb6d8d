// Periodic reports and their versions (see report_desk.h).
#include "services/reporting/domain/report_desk.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "platform/core/crypto.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/rpc/proto_values.h"
#include "services/reporting/domain/access.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Date;
using ::parhub::platform::TimeToProto;

absl::Status Transition(v1::ReportState from, std::initializer_list<v1::ReportState> allowed,
                        absl::string_view action) {
  for (v1::ReportState s : allowed) {
    if (s == from) return absl::OkStatus();
  }
  return absl::FailedPreconditionError(
      absl::StrCat("Không thể ", action, " báo cáo đang ở trạng thái ", v1::ReportState_Name(from)));
}

std::string VersionName(const std::string& school_id, const std::string& report_id, int version) {
  return absl::StrCat(ReportName(school_id, report_id), "/versions/", version);
}

v1::ReportVersion VersionToProto(const std::string& school_id, const std::string& report_id,
                                 const StoredVersion& v, bool with_content) {
  v1::ReportVersion out;
  out.set_name(VersionName(school_id, report_id, v.version));
  out.set_version(v.version);
  if (with_content) out.mutable_content()->ParseFromString(v.content);
  out.set_content_sha256(v.content_sha256);
  for (const auto& e : v.source_errors) out.add_source_errors(e);
  out.set_generated_by(v.generated_by);
  *out.mutable_create_time() = TimeToProto(v.create_time);
  return out;
}

}  // namespace

std::string ReportName(const std::string& school_id, const std::string& report_id) {
  return absl::StrCat("schools/", school_id, "/reports/", report_id);
}

absl::StatusOr<ReportKey> ParseReportId(const std::string& report_id) {
  const size_t last = report_id.rfind('-');
  const size_t before =
      last == std::string::npos || last == 0 ? std::string::npos : report_id.rfind('-', last - 1);
  ReportKey key;
  if (before == std::string::npos || before == 0 ||
      !absl::SimpleAtoi(report_id.substr(before + 1, last - before - 1), &key.year)) {
    return absl::NotFoundError(
        absl::StrCat("Không tìm thấy báo cáo '", report_id,
                     "' (a report id is {family}-{year}-{period}, e.g. cchc-2024-q1)"));
  }
  key.family = report_id.substr(0, before);
  key.period = report_id.substr(last + 1);
  return key;
}

bool ReportDesk::IsLate(const StoredReport& report) const {
  const absl::Time due_end = report.due_date.EndInstant();
  if (report.first_submit_time.has_value()) return *report.first_submit_time > due_end;
  return clock_() > due_end;
}

absl::StatusOr<v1::Report> ReportDesk::ToProto(const StoredReport& r) const {
  ASSIGN_OR_RETURN(ResolvedPeriod period, calendar_.Period(r.family, r.year, r.period));
  v1::Report out;
  out.set_name(ReportName(r.school_id, r.report_id));
  *out.mutable_period() = period.proto;
  out.set_state(r.state);
  if (r.latest_version > 0) out.set_latest_version(VersionName(r.school_id, r.report_id, r.latest_version));
  if (r.submitted_version > 0) {
    out.set_submitted_version(VersionName(r.school_id, r.report_id, r.submitted_version));
  }
  if (r.first_submit_time) *out.mutable_first_submit_time() = TimeToProto(*r.first_submit_time);
  if (r.submit_time) *out.mutable_submit_time() = TimeToProto(*r.submit_time);
  out.set_late(IsLate(r));
  out.set_return_reason(r.return_reason);
  if (r.acknowledge_time) *out.mutable_acknowledge_time() = TimeToProto(*r.acknowledge_time);
  out.set_reviewed_by(r.reviewed_by);
  return out;
}

absl::StatusOr<StoredReport> ReportDesk::Load(const std::string& school_id, const std::string& report_id,
                                              Lock lock) {
  ASSIGN_OR_RETURN(auto report, store_.GetReport(school_id, report_id, lock));
  if (!report.has_value())
    return absl::NotFoundError(absl::StrCat("Không tìm thấy báo cáo '", report_id, "'"));
  return *std::move(report);
}

absl::StatusOr<ResolvedPeriod> ReportDesk::CheckGeneratable(const Caller& caller,
                                                            const std::string& school_id,
                                                            const std::string& family, int year,
                                                            const std::string& period) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, "báo cáo"));
  ASSIGN_OR_RETURN(ResolvedPeriod resolved, calendar_.Period(family, year, period));
  const Date today = platform::LocalDate(clock_());
  if (today <= resolved.cutoff) {
    return platform::WithReason(
        absl::FailedPreconditionError(absl::StrCat(
            "Kỳ báo cáo ", resolved.proto.label(), " năm ", year, " chốt số liệu ngày ",
            resolved.cutoff.ToVietnamese(), "; chỉ lập được báo cáo từ ngày ",
            platform::AddDays(resolved.cutoff, 1).ToVietnamese(), " (the period is not cut off yet)")),
        "PERIOD_NOT_CUT_OFF");
  }
  ASSIGN_OR_RETURN(auto existing, store_.GetReport(school_id, ReportId(family, year, period), Lock::kNone));
  if (existing.has_value()) {
    RETURN_IF_ERROR(Transition(existing->state, {v1::REPORT_STATE_DRAFT, v1::REPORT_STATE_RETURNED},
                               "lập phiên bản mới cho"));
  }
  return resolved;
}

absl::StatusOr<v1::ReportVersion> ReportDesk::AddVersion(const Caller& caller, const std::string& school_id,
                                                         const ResolvedPeriod& period,
                                                         const GeneratedContent& generated) {
  const std::string& family = period.family;
  const std::string report_id = ReportId(family, period.proto.year(), period.proto.code());
  std::optional<v1::ReportVersion> out;
  RETURN_IF_ERROR(store_.InTransaction([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto existing, store_.GetReport(school_id, report_id, Lock::kForUpdate));
    StoredReport report;
    if (existing.has_value()) {
      report = *std::move(existing);
      RETURN_IF_ERROR(Transition(report.state, {v1::REPORT_STATE_DRAFT, v1::REPORT_STATE_RETURNED},
                                 "lập phiên bản mới cho"));
    } else {
      report = StoredReport{.school_id = school_id,
                            .report_id = report_id,
                            .family = family,
                            .year = period.proto.year(),
                            .period = period.proto.code(),
                            .due_date = period.due};
      RETURN_IF_ERROR(store_.InsertReport(report));
    }
    StoredVersion version{.version = report.latest_version + 1,
                          .content = generated.content,
                          .content_sha256 = platform::Sha256Hex(generated.content),
                          .source_errors = generated.source_errors,
                          .generated_by = caller.subject,
                          .create_time = clock_()};
    RETURN_IF_ERROR(store_.InsertVersion(school_id, report_id, version));
    report.latest_version = version.version;
    RETURN_IF_ERROR(store_.UpdateReport(report));
    out = VersionToProto(school_id, report_id, version, true);
    return absl::OkStatus();
  }));
  return *std::move(out);
}

absl::StatusOr<v1::Report> ReportDesk::Get(const Caller& caller, const std::string& school_id,
                                           const std::string& report_id) {
  RETURN_IF_ERROR(RequireReportRead(caller, school_id));
  ASSIGN_OR_RETURN(StoredReport report, Load(school_id, report_id, Lock::kNone));
  return ToProto(report);
}

absl::StatusOr<std::vector<v1::Report>> ReportDesk::List(const Caller& caller, const std::string& school_id,
                                                         const ReportFilter& filter, bool late_only) {
  RETURN_IF_ERROR(RequireReportRead(caller, school_id));
  ASSIGN_OR_RETURN(auto reports, store_.ListReports(school_id, filter));
  std::vector<v1::Report> out;
  for (const auto& r : reports) {
    if (late_only && !IsLate(r)) continue;
    ASSIGN_OR_RETURN(v1::Report report, ToProto(r));
    out.push_back(std::move(report));
  }
  return out;
}

absl::StatusOr<v1::ReportVersion> ReportDesk::GetVersion(const Caller& caller, const std::string& school_id,
                                                         const std::string& report_id, int version) {
  RETURN_IF_ERROR(RequireReportRead(caller, school_id));
  ASSIGN_OR_RETURN(auto stored, store_.GetVersion(school_id, report_id, version));
  if (!stored.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("Không tìm thấy phiên bản ", version, " của báo cáo '", report_id, "'"));
  }
  return VersionToProto(school_id, report_id, *stored, true);
}

absl::StatusOr<std::vector<v1::ReportVersion>> ReportDesk::ListVersions(const Caller& caller,
                                                                        const std::string& school_id,
                                                                        const std::string& report_id) {
  RETURN_IF_ERROR(RequireReportRead(caller, school_id));
  RETURN_IF_ERROR(Load(school_id, report_id, Lock::kNone).status());
  ASSIGN_OR_RETURN(auto stored, store_.ListVersions(school_id, report_id));
  std::vector<v1::ReportVersion> out;
  for (const auto& v : stored) out.push_back(VersionToProto(school_id, report_id, v, false));
  return out;
}

absl::StatusOr<v1::Report> ReportDesk::Change(const std::string& school_id, const std::string& report_id,
                                              const std::function<absl::Status(StoredReport&)>& change) {
  std::optional<StoredReport> result;
  RETURN_IF_ERROR(store_.InTransaction([&]() -> absl::Status {
    ASSIGN_OR_RETURN(StoredReport report, Load(school_id, report_id, Lock::kForUpdate));
    RETURN_IF_ERROR(change(report));
    RETURN_IF_ERROR(store_.UpdateReport(report));
    result = std::move(report);
    return absl::OkStatus();
  }));
  return ToProto(*result);
}

absl::StatusOr<v1::Report> ReportDesk::Submit(const Caller& caller, const std::string& school_id,
                                              const std::string& report_id, int version) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, "báo cáo"));
  return Change(school_id, report_id, [&](StoredReport& r) -> absl::Status {
    RETURN_IF_ERROR(Transition(r.state, {v1::REPORT_STATE_DRAFT, v1::REPORT_STATE_RETURNED}, "nộp"));
    const int chosen = version == 0 ? r.latest_version : version;
    if (chosen < 1 || chosen > r.latest_version) {
      return absl::FailedPreconditionError(absl::StrCat("Báo cáo '", report_id, "' không có phiên bản ",
                                                        chosen, " (version of another report?)"));
    }
    const absl::Time now = clock_();
    r.state = v1::REPORT_STATE_SUBMITTED;
    r.submitted_version = chosen;
    if (!r.first_submit_time) r.first_submit_time = now;
    r.submit_time = now;
    return absl::OkStatus();
  });
}

absl::StatusOr<v1::Report> ReportDesk::Acknowledge(const Caller& caller, const std::string& school_id,
                                                   const std::string& report_id) {
  RETURN_IF_ERROR(RequireOfficer(caller, school_id, "báo cáo"));
  return Change(school_id, report_id, [&](StoredReport& r) -> absl::Status {
    RETURN_IF_ERROR(Transition(r.state, {v1::REPORT_STATE_SUBMITTED}, "tiếp nhận"));
    r.state = v1::REPORT_STATE_ACKNOWLEDGED;
    r.acknowledge_time = clock_();
    r.reviewed_by = caller.subject;
    return absl::OkStatus();
  });
}

absl::StatusOr<v1::Report> ReportDesk::Return(const Caller& caller, const std::string& school_id,
                                              const std::string& report_id, const std::string& reason) {
  RETURN_IF_ERROR(RequireOfficer(caller, school_id, "báo cáo"));
  ASSIGN_OR_RETURN(std::string clean,
                   platform::CleanText(reason, "reason", 2000, true, platform::TextLines::kMulti));
  return Change(school_id, report_id, [&](StoredReport& r) -> absl::Status {
    RETURN_IF_ERROR(Transition(r.state, {v1::REPORT_STATE_SUBMITTED}, "trả lại"));
    r.state = v1::REPORT_STATE_RETURNED;
    r.return_reason = clean;
    r.reviewed_by = caller.subject;
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<v1::SchoolReportStatus>> ReportDesk::Statuses(
    const ResolvedPeriod& period, const std::vector<std::string>& school_ids) {
  const std::string& family = period.family;
  ASSIGN_OR_RETURN(auto reports,
                   store_.ReportsOfPeriod(family, period.proto.year(), period.proto.code(), school_ids));
  const absl::Time now = clock_();
  const absl::Time due_end = period.due.EndInstant();
  std::vector<v1::SchoolReportStatus> out;
  for (const std::string& school : school_ids) {
    v1::SchoolReportStatus status;
    status.set_school_id(school);
    auto it = reports.find(school);
    const StoredReport* r = it == reports.end() ? nullptr : &it->second;
    if (r != nullptr) {
      status.set_report(ReportName(school, r->report_id));
      status.set_state(r->state);
      if (r->first_submit_time) *status.mutable_first_submit_time() = TimeToProto(*r->first_submit_time);
    }
    const bool submitted = r != nullptr && r->first_submit_time.has_value();
    if (r != nullptr && r->state == v1::REPORT_STATE_RETURNED) {
      status.set_status(v1::SUBMISSION_STATUS_RETURNED);
    } else if (submitted) {
      status.set_status(*r->first_submit_time > due_end ? v1::SUBMISSION_STATUS_LATE
                                                        : v1::SUBMISSION_STATUS_ON_TIME);
    } else {
      status.set_status(now > due_end ? v1::SUBMISSION_STATUS_MISSING : v1::SUBMISSION_STATUS_PENDING);
    }
    const absl::Time until = submitted ? *r->first_submit_time : now;
    if (until > due_end) {
      status.set_days_late(platform::DaysBetween(period.due, platform::LocalDate(until)));
    }
    out.push_back(std::move(status));
  }
  return out;
}

absl::StatusOr<std::vector<ReportCounts>> ReportDesk::Count(const std::vector<std::string>& school_ids,
                                                            Date from, Date to) {
  const Date today = platform::LocalDate(clock_());
  const Date until = std::min(to, today);
  std::vector<ReportCounts> out(school_ids.size());
  if (until < from) return out;
  // The periods due in the range: the same for every school.
  std::vector<std::pair<std::string, Date>> due;  // report id, due date
  for (const auto& family : calendar_.families().families()) {
    for (int year = from.year; year <= until.year + 1; ++year) {
      ASSIGN_OR_RETURN(auto periods, calendar_.Periods(family.code(), year));
      for (const auto& p : periods) {
        if (p.due < from || p.due > until) continue;
        due.emplace_back(ReportId(family.code(), year, p.proto.code()), p.due);
      }
    }
  }
  ASSIGN_OR_RETURN(auto reports, store_.ReportsDueBetween(school_ids, from, until));
  std::map<std::pair<std::string, std::string>, const StoredReport*> by_key;
  for (const auto& r : reports) by_key[{r.school_id, r.report_id}] = &r;
  for (size_t i = 0; i < school_ids.size(); ++i) {
    ReportCounts& counts = out[i];
    for (const auto& [report_id, due_date] : due) {
      ++counts.due;
      auto it = by_key.find({school_ids[i], report_id});
      if (it == by_key.end() || !it->second->first_submit_time) {
        if (today > due_date) ++counts.missing;
        continue;
      }
      if (*it->second->first_submit_time > due_date.EndInstant()) {
        ++counts.late;
      } else {
        ++counts.on_time;
      }
    }
  }
  return out;
}

}  // namespace parhub::reporting
