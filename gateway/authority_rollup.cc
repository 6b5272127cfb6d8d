// Overview fan-out, directive publishing, and the downsizing and reporting
// roll-ups.
#include "gateway/authority_rollup.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gateway/rollup_calls.h"
#include "gateway/rollup_totals.h"
#include "platform/core/date.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/pending_calls.h"
#include "platform/rpc/proto_values.h"

namespace parhub::gateway {
namespace {

double Completion(const tasks::v1::TaskSummary& s) {
  return s.total() == 0 ? 0.0 : double(s.done()) / s.total();
}

// Sums of schools' task summaries: counts added, the average percent done
// weighted by each school's non-cancelled tasks, PAR fields merged.
class TaskTotals final {
 public:
  void Add(const tasks::v1::TaskSummary& s) {
    total_.set_total(total_.total() + s.total());
    total_.set_not_started(total_.not_started() + s.not_started());
    total_.set_in_progress(total_.in_progress() + s.in_progress());
    total_.set_done(total_.done() + s.done());
    total_.set_cancelled(total_.cancelled() + s.cancelled());
    total_.set_overdue(total_.overdue() + s.overdue());
    total_.set_done_on_time(total_.done_on_time() + s.done_on_time());
    total_.set_done_late(total_.done_late() + s.done_late());
    total_.set_completed_in_period(total_.completed_in_period() + s.completed_in_period());
    total_.set_progressed_in_period(total_.progressed_in_period() + s.progressed_in_period());
    total_.set_progress_entries_in_period(total_.progress_entries_in_period() +
                                          s.progress_entries_in_period());
    total_.set_evidence_in_period(total_.evidence_in_period() + s.evidence_in_period());
    const int counted = s.total() - s.cancelled();
    percent_sum_ += s.average_percent_done() * counted;
    counted_ += counted;
    for (const auto& field : s.by_par_field()) {
      auto [it, added] = par_fields_.try_emplace(field.par_field(), field);
      if (!added) {
        it->second.set_total(it->second.total() + field.total());
        it->second.set_done(it->second.done() + field.done());
      }
    }
  }
  tasks::v1::TaskSummary Finish(const std::string& authority) && {
    total_.set_school(authority);
    total_.set_average_percent_done(counted_ == 0 ? 0.0 : percent_sum_ / counted_);
    for (auto& [code, field] : par_fields_) *total_.add_by_par_field() = std::move(field);
    return std::move(total_);
  }

 private:
  tasks::v1::TaskSummary total_;
  double percent_sum_ = 0;
  int64_t counted_ = 0;
  std::map<std::string, tasks::v1::ParFieldCount> par_fields_;  // in code order
};

// Schools per BatchSummarizeTasks call: a city's 3,500 schools make seven
// pages answered in parallel by the tasks service's threads. Below 1,000:
// MariaDB turns an IN list of 1,000 values or more into a derived table
// (in_predicate_conversion_threshold), and the grouped count then goes
// through a temporary table and a sort; under it, the query reads the
// covering index tasks_by_par_field in group order.
constexpr size_t kTasksBatch = 500;

// Reporting's limit of schools per batch call.
constexpr size_t kReportingBatch = 5000;
constexpr char kDefaultReportFamily[] = "reportFamilies/cchc";

// The day a year's roll-up groups schools by: 31 December of a past year,
// else today.
platform::Date YearAsOf(int year) {
  const platform::Date today = platform::LocalDate(absl::Now());
  return year < today.year ? platform::Date{year, 12, 31} : today;
}

}  // namespace

AuthorityRollup::AuthorityRollup(const Backends& backends, const platform::IdentityKey& key)
    : scope_(backends, key),
      tasks_backend_(backends.Named("tasks")),
      staffing_backend_(backends.Named("staffing")),
      reporting_backend_(backends.Named("reporting")),
      complaints_backend_(backends.Named("complaints")),
      tasks_(tasks::v1::TaskService::NewStub(tasks_backend_.channel)),
      staffing_(staffing::v1::StaffingService::NewStub(staffing_backend_.channel)),
      reporting_(reporting::v1::ReportingService::NewStub(reporting_backend_.channel)),
      complaints_(complaints::v1::ComplaintService::NewStub(complaints_backend_.channel)),
      key_(key) {}

absl::StatusOr<v1::AuthorityOverview> AuthorityRollup::Overview(
    const Principal& principal, const v1::GetAuthorityOverviewRequest& request, const std::string& trace_id,
    absl::Time deadline) {
  ASSIGN_OR_RETURN(std::string authority_id,
                   scope_.ScopedAuthority(principal, request.authority(), "authority"));
  ASSIGN_OR_RETURN(platform::Date start, platform::DateFromProto(request.period_start(), "period_start"));
  ASSIGN_OR_RETURN(platform::Date end, platform::DateFromProto(request.period_end(), "period_end"));
  ASSIGN_OR_RETURN(platform::Date as_of, platform::DateFromProto(request.as_of(), "as_of"));
  if (start.IsSet() && end.IsSet() && end < start) {
    return platform::InvalidField("period_end",
                                  "phải từ period_start trở đi (must not be before period_start)");
  }
  const platform::Date today = platform::LocalDate(absl::Now());
  if (!as_of.IsSet()) as_of = end.IsSet() && end < today ? end : today;
  platform::Caller officer{principal.account, platform::Role::kAuthorityOfficer, "", authority_id, trace_id};

  v1::AuthorityOverview overview;
  overview.set_authority(absl::StrCat("authorities/", authority_id));
  *overview.mutable_as_of() = platform::DateToProto(as_of);
  ASSIGN_OR_RETURN(*overview.mutable_display_name(),
                   scope_.AuthorityDisplayName(officer, authority_id, deadline));
  ASSIGN_OR_RETURN(std::vector<SchoolScope::SchoolThen> schools,
                   scope_.SchoolsAsOf(officer, authority_id, as_of, deadline));

  // One BatchSummarizeTasks per page of schools, every page in flight at
  // once; the gateway asks as itself (a service) for the schools it has
  // just resolved in the officer's scope. A page that fails marks its
  // schools with the error; the others still count.
  platform::Caller gateway{principal.account, platform::Role::kService, "", authority_id, trace_id};
  auto pages = FanOutPages<tasks::v1::BatchSummarizeTasksRequest, tasks::v1::BatchSummarizeTasksResponse>(
      tasks_backend_, schools.size(), kTasksBatch, key_, gateway,
      Method<tasks::v1::TaskService>("BatchSummarizeTasks"), deadline, false,
      [&](tasks::v1::BatchSummarizeTasksRequest& page, size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) page.add_schools(schools[i].school.name());
        *page.mutable_period_start() = request.period_start();
        *page.mutable_period_end() = request.period_end();
      },
      [this](auto* context, auto* page, auto* response, auto done) {
        tasks_->async()->BatchSummarizeTasks(context, page, response, std::move(done));
      });

  TaskTotals totals;
  for (const auto& page : pages) {
    const grpc::Status shown = PageOutcome(*page, tasks_backend_, page->response.summaries_size());
    const int size = static_cast<int>(page->count);
    for (int k = 0; k < size; ++k) {
      const SchoolScope::SchoolThen& school = schools[page->from + k];
      v1::SchoolOverview* line = overview.add_schools();
      line->set_school(school.school.name());
      line->set_display_name(school.school.display_name());
      line->set_authority(school.school.authority());
      line->set_joined_since(school.joined_since);
      if (shown.ok()) {
        *line->mutable_tasks() = page->response.summaries(k);
        totals.Add(page->response.summaries(k));
      } else {
        line->set_error(shown.error_message());
        line->set_error_code(platform::StatusCodeName(shown.error_code()));
        overview.set_failed_schools(overview.failed_schools() + 1);
      }
    }
  }
  std::stable_sort(overview.mutable_schools()->begin(), overview.mutable_schools()->end(),
                   [](const v1::SchoolOverview& a, const v1::SchoolOverview& b) {
                     return Completion(a.tasks()) < Completion(b.tasks());
                   });
  *overview.mutable_totals() = std::move(totals).Finish(overview.authority());
  return overview;
}

absl::StatusOr<v1::DownsizingOverview> AuthorityRollup::Downsizing(
    const Principal& principal, const v1::GetDownsizingOverviewRequest& request, const std::string& trace_id,
    absl::Time deadline) {
  ASSIGN_OR_RETURN(std::string authority_id,
                   scope_.ScopedAuthority(principal, request.authority(), "authority"));
  platform::Caller officer{principal.account, platform::Role::kAuthorityOfficer, "", authority_id, trace_id};
  v1::DownsizingOverview overview;
  overview.set_authority(absl::StrCat("authorities/", authority_id));
  ASSIGN_OR_RETURN(*overview.mutable_display_name(),
                   scope_.AuthorityDisplayName(officer, authority_id, deadline));
  // The schools under the authority on the day the progress is taken.
  ASSIGN_OR_RETURN(platform::Date as_of, platform::DateFromProto(request.as_of(), "as_of"));
  ASSIGN_OR_RETURN(auto schools, scope_.SchoolsUnder(officer, authority_id, as_of, deadline));
  if (schools.empty()) return overview;
  staffing::v1::SummarizeDownsizingProgressRequest forward;
  for (const auto& school : schools) forward.add_schools(school.name());
  forward.set_target_plan(request.target_plan());
  *forward.mutable_as_of() = request.as_of();
  // The gateway asks as itself (a service) for the schools it has just
  // resolved in the officer's scope; staffing answers counts only.
  platform::Caller gateway{principal.account, platform::Role::kService, "", authority_id, trace_id};
  grpc::ClientContext context;
  SetDeadline(context, deadline);
  platform::AttachIdentity(context, key_, gateway,
                           Method<staffing::v1::StaffingService>("SummarizeDownsizingProgress"));
  staffing::v1::DownsizingProgressRollup rollup;
  grpc::Status status = Guarded(
      staffing_backend_, [&] { return staffing_->SummarizeDownsizingProgress(&context, forward, &rollup); });
  if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, staffing_backend_.spec));
  std::map<std::string, const directory::v1::School*> by_name;
  for (const auto& school : schools) by_name[school.name()] = &school;
  for (const auto& line : rollup.schools()) {
    v1::SchoolDownsizing* out = overview.add_schools();
    out->set_school(line.school());
    auto it = by_name.find(line.school());
    if (it != by_name.end()) {
      out->set_display_name(it->second->display_name());
      out->set_authority(it->second->authority());
    }
    *out->mutable_progress() = line.progress();
  }
  *overview.mutable_totals() = rollup.totals();
  return overview;
}

absl::StatusOr<v1::ReportingOverview> AuthorityRollup::Reporting(
    const Principal& principal, const v1::GetReportingOverviewRequest& request, const std::string& trace_id,
    absl::Time deadline) {
  namespace rpb = reporting::v1;
  ASSIGN_OR_RETURN(std::string authority_id,
                   scope_.ScopedAuthority(principal, request.authority(), "authority"));
  const int year = request.year() != 0 ? request.year() : platform::LocalDate(absl::Now()).year;
  if (year < 2000 || year > 2100) {
    return platform::InvalidField("year", "năm phải trong khoảng 2000..2100 (year must be 2000..2100)");
  }
  if (request.period().empty()) {
    return platform::InvalidField("period", "bắt buộc, ví dụ q3 (required, e.g. q3)");
  }
  const std::string family = request.family().empty() ? kDefaultReportFamily : request.family();
  platform::Caller officer{principal.account, platform::Role::kAuthorityOfficer, "", authority_id, trace_id};
  v1::ReportingOverview overview;
  overview.set_authority(absl::StrCat("authorities/", authority_id));
  overview.set_year(year);
  ASSIGN_OR_RETURN(*overview.mutable_display_name(),
                   scope_.AuthorityDisplayName(officer, authority_id, deadline));
  // The schools under the authority at the end of the year (today for the
  // current year): a past year's reports are those of its schools then.
  ASSIGN_OR_RETURN(auto schools, scope_.SchoolsUnder(officer, authority_id, YearAsOf(year), deadline));

  // The gateway asks as itself (a service) for the schools it has just
  // resolved in the officer's scope, a page of at most kReportingBatch at a
  // time: the two calls of a page in parallel, the pages one after another.
  // An authority without schools still makes one (empty) page, so the
  // family and period are checked and the period's dates returned.
  platform::Caller gateway{principal.account, platform::Role::kService, "", authority_id, trace_id};
  std::map<std::string, rpb::Scorecard> cards;
  std::map<std::string, rpb::SchoolReportStatus> statuses;
  for (size_t from = 0; from == 0 || from < schools.size(); from += kReportingBatch) {
    const size_t to = std::min(schools.size(), from + kReportingBatch);
    rpb::BatchGetScorecardsRequest cards_request;
    rpb::BatchGetReportStatusesRequest statuses_request;
    cards_request.set_year(year);
    statuses_request.set_family(family);
    statuses_request.set_year(year);
    statuses_request.set_period(request.period());
    for (size_t i = from; i < to; ++i) {
      std::string id = SchoolId(schools[i].name());
      cards_request.add_school_ids(id);
      statuses_request.add_school_ids(std::move(id));
    }
    grpc::ClientContext cards_context, statuses_context;
    SetDeadline(cards_context, deadline);
    SetDeadline(statuses_context, deadline);
    platform::AttachIdentity(cards_context, key_, gateway,
                             Method<rpb::ReportingService>("BatchGetScorecards"));
    platform::AttachIdentity(statuses_context, key_, gateway,
                             Method<rpb::ReportingService>("BatchGetReportStatuses"));
    rpb::BatchGetScorecardsResponse cards_page;
    rpb::BatchGetReportStatusesResponse statuses_page;
    grpc::Status cards_status, statuses_status;
    if (grpc::Status admitted = reporting_backend_.breaker->Admit(reporting_backend_.spec.label);
        !admitted.ok()) {
      return platform::FromGrpcStatus(admitted);
    }
    platform::PendingCalls pending(2);
    reporting_->async()->BatchGetScorecards(&cards_context, &cards_request, &cards_page, [&](grpc::Status s) {
      reporting_backend_.breaker->Record(s.error_code());
      cards_status = std::move(s);
      pending.DecrementCount();
    });
    reporting_->async()->BatchGetReportStatuses(&statuses_context, &statuses_request, &statuses_page,
                                                [&](grpc::Status s) {
                                                  reporting_backend_.breaker->Record(s.error_code());
                                                  statuses_status = std::move(s);
                                                  pending.DecrementCount();
                                                });
    pending.Wait();
    // The statuses call checks the family and period: its error says more.
    for (const grpc::Status* status : {&statuses_status, &cards_status}) {
      if (!status->ok()) return platform::FromGrpcStatus(ForClient(*status, reporting_backend_.spec));
    }
    if (from == 0) *overview.mutable_period() = statuses_page.period();
    for (auto& card : *cards_page.mutable_scorecards()) cards[card.school_id()] = std::move(card);
    for (auto& status : *statuses_page.mutable_statuses()) statuses[status.school_id()] = std::move(status);
  }

  struct Row {
    v1::SchoolReporting line;
    bool ranked = false;
    long long key = 0;  // HundredthsKey of the forecast
  };
  std::vector<Row> rows;
  rows.reserve(schools.size());
  v1::ReportingTotals& totals = *overview.mutable_totals();
  totals.set_schools(static_cast<int>(schools.size()));
  std::vector<std::pair<long long, double>> ranked;  // HundredthsKey and points of the ranked schools
  double forecast_sum = 0;
  for (const auto& school : schools) {
    const std::string id = SchoolId(school.name());
    auto card = cards.find(id);
    auto status = statuses.find(id);
    if (card == cards.end() || status == statuses.end()) {
      // Never a row of zeros for a school reporting did not answer for.
      return absl::InternalError(absl::StrCat(
          "reporting answered no ", card == cards.end() ? "scorecard" : "report status", " for school ", id));
    }
    Row row;
    v1::SchoolReporting& line = row.line;
    line.set_school(school.name());
    line.set_display_name(school.display_name());
    line.set_authority(school.authority());
    const rpb::Scorecard& c = card->second;
    // A school reporting has no forecast of the year for has no
    // forecast_time: unranked, not a zero.
    if (c.has_forecast_time()) {
      row.ranked = true;
      row.key = HundredthsKey(c.forecast_points());
      ranked.emplace_back(row.key, c.forecast_points());
      forecast_sum += c.forecast_points();
      line.set_forecast_points(c.forecast_points());
      *line.mutable_forecast_time() = c.forecast_time();
    }
    line.set_assessment_state(c.assessment_state());
    line.set_self_assessed_points(c.self_assessed_points());
    line.set_appraised_points(c.appraised_points());
    const rpb::SchoolReportStatus& s = status->second;
    line.set_report(s.report());
    line.set_report_status(s.status());
    line.set_days_late(s.days_late());
    switch (s.status()) {
      case rpb::SUBMISSION_STATUS_ON_TIME:
        totals.set_on_time(totals.on_time() + 1);
        break;
      case rpb::SUBMISSION_STATUS_LATE:
        totals.set_late(totals.late() + 1);
        break;
      case rpb::SUBMISSION_STATUS_MISSING:
        totals.set_missing(totals.missing() + 1);
        break;
      case rpb::SUBMISSION_STATUS_PENDING:
        totals.set_pending(totals.pending() + 1);
        break;
      case rpb::SUBMISSION_STATUS_RETURNED:
        totals.set_returned(totals.returned() + 1);
        break;
      default:
        break;
    }
    rows.push_back(std::move(row));
  }

  // Ranks: 1 + the number of schools with more points (ties share a rank).
  // The bottom tenth: at or below the ceil(n/10)-th lowest forecast (ties
  // at the cut-off are in), and below the best (all equal: nobody is).
  std::sort(ranked.begin(), ranked.end());
  std::vector<long long> keys;
  for (const auto& [key, points] : ranked) keys.push_back(key);
  const size_t n = keys.size();
  totals.set_forecast_schools(static_cast<int>(n));
  long long cutoff = 0, best = 0;
  if (n > 0) {
    totals.set_mean_forecast_points(forecast_sum / static_cast<double>(n));
    cutoff = ranked[(n + 9) / 10 - 1].first;
    totals.set_bottom_tenth_points(ranked[(n + 9) / 10 - 1].second);
    best = keys.back();
  }
  for (Row& row : rows) {
    v1::SchoolReporting& line = row.line;
    if (row.ranked) {
      line.set_rank(RankFromTop(keys, row.key));
      if (row.key <= cutoff && row.key < best) {
        line.add_laggard_reasons(v1::LAGGARD_REASON_LOW_FORECAST);
        totals.set_bottom_tenth_schools(totals.bottom_tenth_schools() + 1);
      }
    }
    if (line.report_status() == rpb::SUBMISSION_STATUS_MISSING) {
      line.add_laggard_reasons(v1::LAGGARD_REASON_REPORT_MISSING);
    } else if (line.report_status() == rpb::SUBMISSION_STATUS_LATE) {
      line.add_laggard_reasons(v1::LAGGARD_REASON_REPORT_LATE);
    }
  }
  // Best first, then the unranked; ties by name.
  auto by_name = [](const Row& a, const Row& b) {
    if (a.line.display_name() != b.line.display_name()) return a.line.display_name() < b.line.display_name();
    return a.line.school() < b.line.school();
  };
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (a.ranked != b.ranked) return a.ranked;
    if (a.key != b.key) return a.key > b.key;
    return by_name(a, b);
  });
  std::vector<const Row*> laggards;
  for (const Row& row : rows) {
    if (row.line.laggard_reasons_size() > 0) laggards.push_back(&row);
  }
  // Lowest forecast first, then those without one.
  std::stable_sort(laggards.begin(), laggards.end(), [&](const Row* a, const Row* b) {
    if (a->ranked != b->ranked) return a->ranked;
    return a->key < b->key;
  });
  totals.set_laggards(static_cast<int>(laggards.size()));
  for (const Row* row : laggards) overview.add_laggards(row->line.school());
  for (Row& row : rows) *overview.add_schools() = std::move(row.line);
  return overview;
}

absl::StatusOr<complaints::v1::ListEscalatedCasesResponse> AuthorityRollup::EscalatedCases(
    const Principal& principal, const authority::v1::ListEscalatedCasesRequest& request,
    const std::string& trace_id, absl::Time deadline) {
  ASSIGN_OR_RETURN(std::string authority_id,
                   scope_.ScopedAuthority(principal, request.authority(), "authority"));
  platform::Caller officer{principal.account, platform::Role::kAuthorityOfficer, "", authority_id, trace_id};
  ASSIGN_OR_RETURN(auto schools, scope_.SchoolsUnder(officer, authority_id, {}, deadline));
  complaints::v1::ListEscalatedCasesResponse cases;
  if (schools.empty()) return cases;
  complaints::v1::ListEscalatedCasesRequest forward;
  forward.set_authority(absl::StrCat("authorities/", authority_id));
  for (const auto& school : schools) forward.add_school_ids(SchoolId(school.name()));
  forward.set_page_size(request.page_size());
  forward.set_page_token(request.page_token());
  // As itself (a service), for the schools it has just resolved in the
  // officer's scope; complaints shows the cases as the officer sees them.
  platform::Caller gateway{principal.account, platform::Role::kService, "", authority_id, trace_id};
  grpc::ClientContext context;
  SetDeadline(context, deadline);
  platform::AttachIdentity(context, key_, gateway,
                           Method<complaints::v1::ComplaintService>("ListEscalatedCases"));
  grpc::Status status = Guarded(complaints_backend_,
                                [&] { return complaints_->ListEscalatedCases(&context, forward, &cases); });
  if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, complaints_backend_.spec));
  return cases;
}

absl::StatusOr<tasks::v1::Directive> AuthorityRollup::Publish(const Principal& principal,
                                                              const v1::PublishDirectiveRequest& request,
                                                              const std::string& trace_id,
                                                              absl::Time deadline) {
  ASSIGN_OR_RETURN(std::string authority_id, scope_.ScopedAuthority(principal, request.parent(), "parent"));
  if (request.parent().empty()) return platform::InvalidField("parent", "bắt buộc (required)");
  platform::Caller officer{principal.account, platform::Role::kAuthorityOfficer, "", authority_id, trace_id};
  ASSIGN_OR_RETURN(auto schools, scope_.SchoolsUnder(officer, authority_id, {}, deadline));
  if (schools.empty()) {
    return absl::FailedPreconditionError(
        "Cơ quan này hiện không có trường trực thuộc (no schools under this authority)");
  }
  tasks::v1::PublishDirectiveRequest forward;
  forward.set_parent(request.parent());
  forward.set_directive_id(request.directive_id());
  *forward.mutable_directive() = request.directive();
  forward.set_request_id(request.request_id());
  for (const auto& school : schools) forward.add_school_ids(SchoolId(school.name()));
  grpc::ClientContext context;
  SetDeadline(context, deadline);
  platform::AttachIdentity(context, key_, officer, Method<tasks::v1::TaskService>("PublishDirective"));
  tasks::v1::Directive directive;
  grpc::Status status =
      Guarded(tasks_backend_, [&] { return tasks_->PublishDirective(&context, forward, &directive); });
  if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, tasks_backend_.spec));
  return directive;
}

}  // namespace parhub::gateway
