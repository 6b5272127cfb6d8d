// AuthorityService's per-school roll-ups (see school_rollups.h).
#include "gateway/school_rollups.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gateway/rollup_calls.h"
#include "gateway/rollup_totals.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/proto_values.h"

namespace parhub::gateway {
namespace {

namespace apb = authority::v1;
namespace rpb = reporting::v1;

// Schools per batch call: a city's 3,500 schools make four pages.
constexpr size_t kBatch = 1000;
constexpr char kDefaultReportFamily[] = "reportFamilies/cchc";

// A page refused because the request itself is wrong fails the roll-up:
// every school would carry the same complaint about the caller's input.
template <typename Pages>
absl::Status RefusedRequest(const Pages& pages, const Backend& backend) {
  for (const auto& page : pages) {
    const grpc::StatusCode code = page->status.error_code();
    if (code == grpc::StatusCode::INVALID_ARGUMENT || code == grpc::StatusCode::NOT_FOUND) {
      return platform::FromGrpcStatus(ForClient(page->status, backend.spec));
    }
  }
  return absl::OkStatus();
}

void SetSchool(apb::SchoolRef& ref, const directory::v1::School& school) {
  ref.set_school(school.name());
  ref.set_display_name(school.display_name());
  ref.set_authority(school.authority());
}

void SetError(apb::SchoolRef& ref, const grpc::Status& status, apb::RollupInfo& info) {
  ref.set_error(status.error_message());
  ref.set_error_code(platform::StatusCodeName(status.error_code()));
  info.set_failed_schools(info.failed_schools() + 1);
}

// One row per school of every page, in the schools' order: the page's
// summary for it, or the page's error. `add` sees each answered summary.
template <typename Rows, typename Pages, typename Add>
void AddSummaryRows(Rows& rows, const std::vector<directory::v1::School>& schools, const Pages& pages,
                    const Backend& backend, apb::RollupInfo& info, Add&& add) {
  info.set_school_count(static_cast<int>(schools.size()));
  for (const auto& page : pages) {
    const grpc::Status shown = PageOutcome(*page, backend, page->response.summaries_size());
    for (size_t k = 0; k < page->count; ++k) {
      auto* row = rows.Add();
      SetSchool(*row->mutable_school(), schools[page->from + k]);
      if (!shown.ok()) {
        SetError(*row->mutable_school(), shown, info);
        continue;
      }
      *row->mutable_summary() = page->response.summaries(static_cast<int>(k));
      add(row->summary());
    }
  }
}

// Sorts rows by `key` (nullopt: after the keyed rows), failed rows last,
// then by display name and name.
template <typename Rows, typename Key>
void SortRows(Rows& rows, Key&& key) {
  auto rank = [&](const auto& row) {
    const std::optional<double> k = row.school().error_code().empty() ? key(row) : std::nullopt;
    const int group = !row.school().error_code().empty() ? 2 : (k.has_value() ? 0 : 1);
    return std::make_tuple(group, k.value_or(0), row.school().display_name(), row.school().school());
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
}

}  // namespace

SchoolRollups::SchoolRollups(const Backends& backends, const platform::IdentityKey& key, RollupPages& pages)
    : scope_(backends, key),
      pages_(pages),
      staffing_backend_(backends.Named("staffing")),
      finance_backend_(backends.Named("finance")),
      complaints_backend_(backends.Named("complaints")),
      reporting_backend_(backends.Named("reporting")),
      staffing_(staffing::v1::StaffingService::NewStub(staffing_backend_.channel)),
      finance_(finance::v1::FinanceService::NewStub(finance_backend_.channel)),
      complaints_(complaints::v1::ComplaintService::NewStub(complaints_backend_.channel)),
      reporting_(reporting::v1::ReportingService::NewStub(reporting_backend_.channel)),
      key_(key) {}

absl::StatusOr<SchoolRollups::Scope> SchoolRollups::Resolve(const Principal& principal,
                                                            const apb::RollupScope& scope,
                                                            const std::string& trace_id,
                                                            absl::Time deadline) {
  Scope out;
  ASSIGN_OR_RETURN(out.authority_id, scope_.ScopedAuthority(principal, scope.authority(), "scope.authority"));
  ASSIGN_OR_RETURN(out.as_of, platform::DateFromProto(scope.as_of(), "scope.as_of"));
  ASSIGN_OR_RETURN(out.start, platform::DateFromProto(scope.period_start(), "scope.period_start"));
  ASSIGN_OR_RETURN(out.end, platform::DateFromProto(scope.period_end(), "scope.period_end"));
  if (!out.as_of.IsSet()) out.as_of = platform::LocalDate(absl::Now());
  if (!out.start.IsSet()) out.start = platform::Date{out.as_of.year, 1, 1};
  if (!out.end.IsSet()) out.end = out.as_of;
  if (out.end < out.start) {
    return platform::InvalidField("scope.period_end",
                                  "phải từ period_start trở đi (must not be before period_start)");
  }
  platform::Caller officer{principal.account, platform::Role::kAuthorityOfficer, "", out.authority_id,
                           trace_id};
  ASSIGN_OR_RETURN(out.schools, scope_.SchoolsUnder(officer, out.authority_id, out.as_of, deadline));
  out.gateway = platform::Caller{principal.account, platform::Role::kService, "", out.authority_id, trace_id};
  return out;
}

template <typename Rollup, typename Request, typename Compute>
absl::StatusOr<Rollup> SchoolRollups::Paged(const Principal& principal, const Request& request,
                                            Compute&& compute) {
  RETURN_IF_ERROR(scope_.ScopedAuthority(principal, request.scope().authority(), "scope.authority").status());
  ASSIGN_OR_RETURN(const size_t size, RollupPages::PageSize(request.scope().page_size()));
  Request keyed = request;
  keyed.mutable_scope()->clear_page_token();
  keyed.mutable_scope()->clear_page_size();
  std::string key = keyed.GetTypeName() + ":";
  keyed.AppendToString(&key);

  std::shared_ptr<const Rollup> whole;
  size_t offset = 0;
  std::string next;
  if (request.scope().page_token().empty()) {
    ASSIGN_OR_RETURN(Rollup computed, compute());
    *computed.mutable_info()->mutable_compute_time() = platform::TimeToProto(absl::Now());
    whole = std::make_shared<const Rollup>(std::move(computed));
    if (static_cast<size_t>(whole->schools_size()) > size) {
      next = pages_.Pin(principal.account, key, whole, size);
    }
  } else {
    ASSIGN_OR_RETURN(RollupPages::Pinned pinned,
                     pages_.Find(request.scope().page_token(), principal.account, key));
    whole = std::dynamic_pointer_cast<const Rollup>(pinned.result);  // the key names the type
    if (whole == nullptr) return absl::InternalError("pinned roll-up of another type");
    offset = pinned.offset;
    if (offset + size < static_cast<size_t>(whole->schools_size())) {
      next = RollupPages::NextToken(request.scope().page_token(), offset + size);
    }
  }
  Rollup page = *whole;
  auto* rows = page.mutable_schools();
  const int n = rows->size();
  const int begin = static_cast<int>(std::min<size_t>(offset, n));
  const int end = static_cast<int>(std::min<size_t>(offset + size, n));
  rows->DeleteSubrange(end, n - end);
  rows->DeleteSubrange(0, begin);
  page.mutable_info()->set_next_page_token(next);
  return page;
}

absl::StatusOr<apb::StaffingRollup> SchoolRollups::Staffing(const Principal& principal,
                                                            const apb::GetStaffingRollupRequest& request,
                                                            const std::string& trace_id,
                                                            absl::Time deadline) {
  namespace spb = staffing::v1;
  return Paged<apb::StaffingRollup>(principal, request, [&]() -> absl::StatusOr<apb::StaffingRollup> {
    ASSIGN_OR_RETURN(Scope scope, Resolve(principal, request.scope(), trace_id, deadline));
    auto pages = FanOutPages<spb::BatchSummarizeStaffingRequest, spb::BatchSummarizeStaffingResponse>(
        staffing_backend_, scope.schools.size(), kBatch, key_, scope.gateway,
        Method<spb::StaffingService>("BatchSummarizeStaffing"), deadline, false,
        [&](spb::BatchSummarizeStaffingRequest& page, size_t from, size_t to) {
          for (size_t i = from; i < to; ++i) page.add_schools(scope.schools[i].name());
          *page.mutable_period_start() = platform::DateToProto(scope.start);
          *page.mutable_period_end() = platform::DateToProto(scope.end);
          page.set_target_plan(request.target_plan());
        },
        [this](auto* context, auto* page, auto* response, auto done) {
          staffing_->async()->BatchSummarizeStaffing(context, page, response, std::move(done));
        });
    RETURN_IF_ERROR(RefusedRequest(pages, staffing_backend_));
    apb::StaffingRollup rollup;
    spb::StaffingSummary& totals = *rollup.mutable_totals();
    spb::SummarizeDownsizingProgressRequest downsizing;
    AddSummaryRows(*rollup.mutable_schools(), scope.schools, pages, staffing_backend_, *rollup.mutable_info(),
                   [&](const spb::StaffingSummary& s) {
                     AddStaffing(totals, s);
                     downsizing.add_schools(s.school());
                   });
    // The downsizing percentages of the whole need the schools' baselines:
    // staffing's own grouped roll-up of the schools that answered.
    spb::DownsizingProgressRollup progress;
    if (downsizing.schools_size() > 0) {
      downsizing.set_target_plan(request.target_plan());
      *downsizing.mutable_as_of() = platform::DateToProto(scope.end);
      grpc::ClientContext context;
      SetDeadline(context, deadline);
      platform::AttachIdentity(context, key_, scope.gateway,
                               Method<spb::StaffingService>("SummarizeDownsizingProgress"));
      grpc::Status status = Guarded(staffing_backend_, [&] {
        return staffing_->SummarizeDownsizingProgress(&context, downsizing, &progress);
      });
      if (!status.ok()) return platform::FromGrpcStatus(ForClient(status, staffing_backend_.spec));
    }
    FinishStaffing(totals, progress.totals());
    totals.set_school(absl::StrCat("authorities/", scope.authority_id));
    SortRows(*rollup.mutable_schools(), [](const apb::SchoolStaffing& row) -> std::optional<double> {
      return row.summary().downsizing_progress_percent();
    });
    return rollup;
  });
}

absl::StatusOr<apb::FinanceRollup> SchoolRollups::Finance(const Principal& principal,
                                                          const apb::GetFinanceRollupRequest& request,
                                                          const std::string& trace_id, absl::Time deadline) {
  namespace fpb = finance::v1;
  return Paged<apb::FinanceRollup>(principal, request, [&]() -> absl::StatusOr<apb::FinanceRollup> {
    ASSIGN_OR_RETURN(Scope scope, Resolve(principal, request.scope(), trace_id, deadline));
    auto pages = FanOutPages<fpb::BatchSummarizeFinanceRequest, fpb::BatchSummarizeFinanceResponse>(
        finance_backend_, scope.schools.size(), kBatch, key_, scope.gateway,
        Method<fpb::FinanceService>("BatchSummarizeFinance"), deadline, false,
        [&](fpb::BatchSummarizeFinanceRequest& page, size_t from, size_t to) {
          for (size_t i = from; i < to; ++i) page.add_schools(scope.schools[i].name());
          *page.mutable_period_start() = platform::DateToProto(scope.start);
          *page.mutable_period_end() = platform::DateToProto(scope.end);
        },
        [this](auto* context, auto* page, auto* response, auto done) {
          finance_->async()->BatchSummarizeFinance(context, page, response, std::move(done));
        });
    RETURN_IF_ERROR(RefusedRequest(pages, finance_backend_));
    apb::FinanceRollup rollup;
    fpb::FinanceSummary& totals = *rollup.mutable_totals();
    AddSummaryRows(*rollup.mutable_schools(), scope.schools, pages, finance_backend_, *rollup.mutable_info(),
                   [&](const fpb::FinanceSummary& s) { AddFinance(totals, s); });
    FinishFinance(totals);
    totals.set_school(absl::StrCat("authorities/", scope.authority_id));
    SortRows(*rollup.mutable_schools(), [](const apb::SchoolFinance& row) -> std::optional<double> {
      return row.summary().cashless_share_amount();
    });
    return rollup;
  });
}

absl::StatusOr<apb::ComplaintsRollup> SchoolRollups::Complaints(
    const Principal& principal, const apb::GetComplaintsRollupRequest& request, const std::string& trace_id,
    absl::Time deadline) {
  namespace cpb = complaints::v1;
  return Paged<apb::ComplaintsRollup>(principal, request, [&]() -> absl::StatusOr<apb::ComplaintsRollup> {
    ASSIGN_OR_RETURN(Scope scope, Resolve(principal, request.scope(), trace_id, deadline));
    auto pages = FanOutPages<cpb::BatchSummarizeComplaintsRequest, cpb::BatchSummarizeComplaintsResponse>(
        complaints_backend_, scope.schools.size(), kBatch, key_, scope.gateway,
        Method<cpb::ComplaintService>("BatchSummarizeComplaints"), deadline, false,
        [&](cpb::BatchSummarizeComplaintsRequest& page, size_t from, size_t to) {
          for (size_t i = from; i < to; ++i) page.add_schools(scope.schools[i].name());
          *page.mutable_period_start() = platform::DateToProto(scope.start);
          *page.mutable_period_end() = platform::DateToProto(scope.end);
        },
        [this](auto* context, auto* page, auto* response, auto done) {
          complaints_->async()->BatchSummarizeComplaints(context, page, response, std::move(done));
        });
    RETURN_IF_ERROR(RefusedRequest(pages, complaints_backend_));
    apb::ComplaintsRollup rollup;
    ComplaintTotals totals;
    AddSummaryRows(*rollup.mutable_schools(), scope.schools, pages, complaints_backend_,
                   *rollup.mutable_info(), [&](const cpb::ComplaintSummary& s) { totals.Add(s); });
    *rollup.mutable_totals() = totals.Finish();
    rollup.mutable_totals()->set_school(absl::StrCat("authorities/", scope.authority_id));
    // Most overdue open cases first.
    SortRows(*rollup.mutable_schools(), [](const apb::SchoolComplaints& row) -> std::optional<double> {
      return -row.summary().overdue_open();
    });
    return rollup;
  });
}

absl::StatusOr<apb::SipasRollup> SchoolRollups::Sipas(const Principal& principal,
                                                      const apb::GetSipasRollupRequest& request,
                                                      const std::string& trace_id, absl::Time deadline) {
  return Paged<apb::SipasRollup>(principal, request, [&]() -> absl::StatusOr<apb::SipasRollup> {
    ASSIGN_OR_RETURN(Scope scope, Resolve(principal, request.scope(), trace_id, deadline));
    auto pages = FanOutPages<rpb::BatchSummarizeReportingRequest, rpb::BatchSummarizeReportingResponse>(
        reporting_backend_, scope.schools.size(), kBatch, key_, scope.gateway,
        Method<rpb::ReportingService>("BatchSummarizeReporting"), deadline, false,
        [&](rpb::BatchSummarizeReportingRequest& page, size_t from, size_t to) {
          for (size_t i = from; i < to; ++i) page.add_schools(scope.schools[i].name());
          *page.mutable_period_start() = platform::DateToProto(scope.start);
          *page.mutable_period_end() = platform::DateToProto(scope.end);
        },
        [this](auto* context, auto* page, auto* response, auto done) {
          reporting_->async()->BatchSummarizeReporting(context, page, response, std::move(done));
        });
    RETURN_IF_ERROR(RefusedRequest(pages, reporting_backend_));
    apb::SipasRollup rollup;
    double weighted = 0;
    AddSummaryRows(*rollup.mutable_schools(), scope.schools, pages, reporting_backend_,
                   *rollup.mutable_info(), [&](const rpb::ReportingSummary& s) {
                     weighted += s.sipas_index() * s.sipas_responses();
                     rollup.set_responses(rollup.responses() + s.sipas_responses());
                   });
    rollup.set_index(rollup.responses() == 0 ? 0 : weighted / rollup.responses());
    // Lowest index first; schools without a response have no index.
    SortRows(*rollup.mutable_schools(), [](const apb::SchoolSipas& row) -> std::optional<double> {
      if (row.summary().sipas_responses() == 0) return std::nullopt;
      return row.summary().sipas_index();
    });
    return rollup;
  });
}

absl::StatusOr<apb::SchoolRanking> SchoolRollups::Rank(const Principal& principal,
                                                       const apb::RankSchoolsRequest& request,
                                                       const std::string& trace_id, absl::Time deadline) {
  return Paged<apb::SchoolRanking>(principal, request, [&]() -> absl::StatusOr<apb::SchoolRanking> {
    if (!apb::RankBy_IsValid(request.rank_by())) {
      return platform::InvalidField("rank_by", "không hợp lệ (unknown ranking key)");
    }
    ASSIGN_OR_RETURN(Scope scope, Resolve(principal, request.scope(), trace_id, deadline));
    const int year = request.year() != 0 ? request.year() : scope.as_of.year;
    if (year < 2000 || year > 2100) {
      return platform::InvalidField("year", "năm phải trong khoảng 2000..2100 (year must be 2000..2100)");
    }
    auto pages = FanOutPages<rpb::BatchGetScorecardsRequest, rpb::BatchGetScorecardsResponse>(
        reporting_backend_, scope.schools.size(), kBatch, key_, scope.gateway,
        Method<rpb::ReportingService>("BatchGetScorecards"), deadline, false,
        [&](rpb::BatchGetScorecardsRequest& page, size_t from, size_t to) {
          page.set_year(year);
          for (size_t i = from; i < to; ++i) page.add_school_ids(SchoolId(scope.schools[i].name()));
        },
        [this](auto* context, auto* page, auto* response, auto done) {
          reporting_->async()->BatchGetScorecards(context, page, response, std::move(done));
        });
    RETURN_IF_ERROR(RefusedRequest(pages, reporting_backend_));
    // The ranked value of a scorecard, or none (not ranked).
    auto value_of = [&](const rpb::Scorecard& c) -> std::optional<double> {
      switch (request.rank_by()) {
        case apb::RANK_BY_APPRAISED:
          if (c.assessment_state() != rpb::ASSESSMENT_STATE_APPRAISED) return std::nullopt;
          return c.appraised_points();
        case apb::RANK_BY_SIPAS:
          if (c.sipas_responses() == 0) return std::nullopt;
          return c.sipas_index();
        default:  // forecast: a school without one this year is unranked, not a zero
          if (!c.has_forecast_time()) return std::nullopt;
          return c.forecast_points();
      }
    };
    apb::SchoolRanking ranking;
    ranking.mutable_info()->set_school_count(static_cast<int>(scope.schools.size()));
    std::vector<long long> keys;
    double sum = 0;
    for (const auto& page : pages) {
      const grpc::Status shown = PageOutcome(*page, reporting_backend_, page->response.scorecards_size());
      for (size_t k = 0; k < page->count; ++k) {
        apb::RankedSchool* row = ranking.add_schools();
        SetSchool(*row->mutable_school(), scope.schools[page->from + k]);
        if (!shown.ok()) {
          SetError(*row->mutable_school(), shown, *ranking.mutable_info());
          continue;
        }
        *row->mutable_scorecard() = page->response.scorecards(static_cast<int>(k));
        if (std::optional<double> value = value_of(row->scorecard()); value.has_value()) {
          row->set_value(*value);
          keys.push_back(HundredthsKey(*value));
          sum += *value;
        }
      }
    }
    std::sort(keys.begin(), keys.end());
    for (apb::RankedSchool& row : *ranking.mutable_schools()) {
      if (row.has_scorecard() && value_of(row.scorecard()).has_value()) {
        row.set_rank(RankFromTop(keys, HundredthsKey(row.value())));
      }
    }
    ranking.set_mean_value(keys.empty() ? 0 : sum / static_cast<double>(keys.size()));
    const double direction = request.ascending() ? 1 : -1;
    SortRows(*ranking.mutable_schools(), [&](const apb::RankedSchool& row) -> std::optional<double> {
      if (row.rank() == 0) return std::nullopt;
      return direction * static_cast<double>(HundredthsKey(row.value()));
    });
    return ranking;
  });
}

absl::StatusOr<apb::ReportStatusRollup> SchoolRollups::ReportStatuses(
    const Principal& principal, const apb::ListReportStatusesRequest& request, const std::string& trace_id,
    absl::Time deadline) {
  return Paged<apb::ReportStatusRollup>(principal, request, [&]() -> absl::StatusOr<apb::ReportStatusRollup> {
    if (request.period().empty())
      return platform::InvalidField("period", "bắt buộc, ví dụ q3 (required, e.g. q3)");
    for (int i = 0; i < request.statuses_size(); ++i) {
      if (!rpb::SubmissionStatus_IsValid(request.statuses(i)) ||
          request.statuses(i) == rpb::SUBMISSION_STATUS_UNSPECIFIED) {
        return platform::InvalidField(absl::StrCat("statuses[", i, "]"), "không hợp lệ (unknown status)");
      }
    }
    ASSIGN_OR_RETURN(Scope scope, Resolve(principal, request.scope(), trace_id, deadline));
    const int year = request.year() != 0 ? request.year() : scope.as_of.year;
    if (year < 2000 || year > 2100) {
      return platform::InvalidField("year", "năm phải trong khoảng 2000..2100 (year must be 2000..2100)");
    }
    // Even without schools one page goes, so reporting checks the family
    // and period and answers the period's dates.
    auto pages = FanOutPages<rpb::BatchGetReportStatusesRequest, rpb::BatchGetReportStatusesResponse>(
        reporting_backend_, scope.schools.size(), kBatch, key_, scope.gateway,
        Method<rpb::ReportingService>("BatchGetReportStatuses"), deadline, true,
        [&](rpb::BatchGetReportStatusesRequest& page, size_t from, size_t to) {
          page.set_family(request.family().empty() ? kDefaultReportFamily : request.family());
          page.set_year(year);
          page.set_period(request.period());
          for (size_t i = from; i < to; ++i) page.add_school_ids(SchoolId(scope.schools[i].name()));
        },
        [this](auto* context, auto* page, auto* response, auto done) {
          reporting_->async()->BatchGetReportStatuses(context, page, response, std::move(done));
        });
    RETURN_IF_ERROR(RefusedRequest(pages, reporting_backend_));
    apb::ReportStatusRollup rollup;
    rollup.mutable_info()->set_school_count(static_cast<int>(scope.schools.size()));
    auto wanted = [&](rpb::SubmissionStatus status) {
      return request.statuses().empty() || std::find(request.statuses().begin(), request.statuses().end(),
                                                     status) != request.statuses().end();
    };
    for (const auto& page : pages) {
      const grpc::Status shown = PageOutcome(*page, reporting_backend_, page->response.statuses_size());
      if (shown.ok() && !rollup.has_period()) *rollup.mutable_period() = page->response.period();
      for (size_t k = 0; k < page->count; ++k) {
        apb::SchoolReport row;
        SetSchool(*row.mutable_school(), scope.schools[page->from + k]);
        if (!shown.ok()) {
          SetError(*row.mutable_school(), shown, *rollup.mutable_info());
          *rollup.add_schools() = std::move(row);  // unknown status: always listed
          continue;
        }
        *row.mutable_status() = page->response.statuses(static_cast<int>(k));
        const rpb::SubmissionStatus status = row.status().status();
        rollup.set_missing_count(rollup.missing_count() + (status == rpb::SUBMISSION_STATUS_MISSING));
        rollup.set_late_count(rollup.late_count() + (status == rpb::SUBMISSION_STATUS_LATE));
        rollup.set_on_time_count(rollup.on_time_count() + (status == rpb::SUBMISSION_STATUS_ON_TIME));
        if (wanted(status)) *rollup.add_schools() = std::move(row);
      }
    }
    // Missing, then late (most days first), returned, pending, on time.
    SortRows(*rollup.mutable_schools(), [](const apb::SchoolReport& row) -> std::optional<double> {
      switch (row.status().status()) {
        case rpb::SUBMISSION_STATUS_MISSING:
          return 0;
        case rpb::SUBMISSION_STATUS_LATE:
          return 1 + 1.0 / (2 + row.status().days_late());
        case rpb::SUBMISSION_STATUS_RETURNED:
          return 2;
        case rpb::SUBMISSION_STATUS_PENDING:
          return 3;
        default:
          return 4;
      }
    });
    return rollup;
  });
}

}  // namespace parhub::gateway
