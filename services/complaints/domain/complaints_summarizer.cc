// Period figures of a school's cases (see complaints_summarizer.h).
#include "services/complaints/domain/complaints_summarizer.h"

#include "platform/core/errors.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"

namespace parhub::complaints {
namespace {

double Percent(int part, int whole) { return whole == 0 ? 100.0 : 100.0 * part / whole; }

bool Within(Date day, Date from, Date to) { return day.IsSet() && !(day < from) && !(to < day); }

bool FiledOnline(Channel channel) {
  return channel == Channel::kPublicPortal || channel == Channel::kPublicServicePortal ||
         channel == Channel::kEmail;
}

bool IsFeedback(CaseType type) { return type == CaseType::kFeedback || type == CaseType::kProcedureFeedback; }

absl::Status CheckPeriod(Date from, Date to) {
  if (!from.IsSet() || !to.IsSet()) {
    return platform::InvalidField(from.IsSet() ? "period_end" : "period_start", "phải có ngày (required)");
  }
  if (to < from) return platform::InvalidField("period_end", "trước ngày bắt đầu (before the start)");
  if (platform::DaysBetween(from, to) > 3660) {
    return platform::InvalidField("period_end", "kỳ tổng hợp tối đa 10 năm (at most 10 years)");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ComplaintSummary> ComplaintsSummarizer::Summarize(const std::string& school_id, Date from,
                                                                 Date to) {
  RETURN_IF_ERROR(CheckPeriod(from, to));
  ASSIGN_OR_RETURN(std::vector<ComplaintSummary> one, Read({school_id}, from, to));
  return std::move(one[0]);
}

absl::StatusOr<std::vector<ComplaintSummary>> ComplaintsSummarizer::SummarizeSchools(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  RETURN_IF_ERROR(platform::CheckSchoolBatch(school_ids));
  RETURN_IF_ERROR(CheckPeriod(from, to));
  return Read(school_ids, from, to);
}

absl::StatusOr<std::vector<ComplaintSummary>> ComplaintsSummarizer::Read(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  ASSIGN_OR_RETURN(std::vector<Case> cases, store_.CasesForPeriod(school_ids, from, to));
  std::map<std::string, std::vector<Case>> by_school;
  for (Case& c : cases) by_school[c.school_id].push_back(std::move(c));
  const std::vector<Case> none;
  std::vector<ComplaintSummary> out;
  out.reserve(school_ids.size());
  for (const std::string& school_id : school_ids) {
    auto it = by_school.find(school_id);
    ASSIGN_OR_RETURN(ComplaintSummary summary, Count(it == by_school.end() ? none : it->second, from, to));
    out.push_back(std::move(summary));
  }
  return out;
}

absl::StatusOr<ComplaintSummary> ComplaintsSummarizer::Count(const std::vector<Case>& cases, Date from,
                                                             Date to) const {
  ComplaintSummary s;
  int online = 0;
  int days_total = 0;
  int dossiers_in_time = 0;
  int late_dossiers = 0;
  int late_dossiers_with_apology = 0;
  int feedback_resolved = 0;
  int feedback_in_time = 0;
  int complaints_resolved = 0;
  int complaints_in_time = 0;
  int rating_total = 0;
  int satisfied = 0;
  for (const Case& c : cases) {
    TypeCounts& type = s.by_type[c.case_type];
    if (Within(c.received_date, from, to)) {
      ++s.received;
      ++type.received;
      online += FiledOnline(c.channel) ? 1 : 0;
    }
    if (c.state == CaseState::kNotAccepted && Within(c.closed_date, from, to)) ++s.not_accepted;
    if (c.state == CaseState::kWithdrawn && Within(c.closed_date, from, to)) ++s.withdrawn;
    if (c.state == CaseState::kEscalated && Within(c.closed_date, from, to)) ++s.escalated;
    for (const Extension& e : c.extensions) {
      s.extensions += Within(platform::LocalDate(e.create_time), from, to) ? 1 : 0;
    }
    if (c.rating.score > 0 && Within(platform::LocalDate(c.rating.create_time), from, to)) {
      ++s.satisfaction_responses;
      rating_total += c.rating.score;
      satisfied += c.rating.score >= 4 ? 1 : 0;
    }
    // Every answer given in the period counts: the current one and those a
    // reopening replaced (with the class they had then).
    auto count_answer = [&](Timeliness t, int days) {
      const bool in_time = t == Timeliness::kEarly || t == Timeliness::kOnTime;
      ++s.resolved;
      ++type.resolved;
      type.resolved_in_time += in_time ? 1 : 0;
      s.resolved_early += t == Timeliness::kEarly ? 1 : 0;
      s.resolved_on_time += t == Timeliness::kOnTime ? 1 : 0;
      s.resolved_late += t == Timeliness::kLate ? 1 : 0;
      days_total += days;
      if (c.case_type == CaseType::kProcedureDossier) {
        ++s.dossiers_resolved;
        dossiers_in_time += in_time ? 1 : 0;
        if (!in_time) {
          ++late_dossiers;
          late_dossiers_with_apology += c.apology_letters.empty() ? 0 : 1;
        }
      }
      if (IsFeedback(c.case_type)) {
        ++feedback_resolved;
        feedback_in_time += in_time ? 1 : 0;
      }
      if (c.case_type == CaseType::kComplaint || c.case_type == CaseType::kDenunciation) {
        ++complaints_resolved;
        complaints_in_time += in_time ? 1 : 0;
      }
    };
    if (c.resolution.resolved_date.IsSet() && Within(c.resolution.resolved_date, from, to)) {
      ASSIGN_OR_RETURN(Timeliness t, rules_.Classify(c, to));
      ASSIGN_OR_RETURN(int days, rules_.DaysToResolve(c));
      count_answer(t, days);
    }
    for (const PriorResolution& prior : c.prior_resolutions) {
      if (!Within(prior.resolution.resolved_date, from, to)) continue;
      Case then = c;
      then.resolution = prior.resolution;
      ASSIGN_OR_RETURN(int days, rules_.DaysToResolve(then));
      count_answer(prior.timeliness, days);
    }
    // Open on the period's last day: received by then and not closed by then.
    // (A case answered by then and reopened later counts as answered; one
    // reopened before the end too — the reopening date is not kept.)
    const bool answered_before =
        !c.prior_resolutions.empty() && !(to < c.prior_resolutions.back().resolution.resolved_date);
    const bool closed_by_end = answered_before ||
                               (c.resolution.resolved_date.IsSet() && !(to < c.resolution.resolved_date)) ||
                               (!IsOpen(c.state) && c.state != CaseState::kResolved &&
                                c.closed_date.IsSet() && !(to < c.closed_date));
    if (!(to < c.received_date) && !closed_by_end) {
      Case as_of = c;
      // Its state on the period's last day: waiting for acceptance until
      // accepted, else being resolved (it may have closed since).
      const bool accepted_by_end = c.accepted_date.IsSet() && !(to < c.accepted_date);
      as_of.state =
          accepted_by_end || !c.acceptance_due_date.IsSet() ? CaseState::kInProgress : CaseState::kReceived;
      ASSIGN_OR_RETURN(Timeliness t, rules_.Classify(as_of, to));
      if (t == Timeliness::kOverdue) {
        ++s.overdue_open;
        ++type.overdue_open;
      } else if (t == Timeliness::kDueSoon) {
        ++s.due_soon_open;
      } else {
        ++s.open_within_deadline;
      }
    }
  }
  s.on_time_rate = Percent(s.resolved_early + s.resolved_on_time, s.resolved);
  s.average_days_to_resolve = s.resolved == 0 ? 0 : static_cast<double>(days_total) / s.resolved;
  s.dossier_on_time_rate = Percent(dossiers_in_time, s.dossiers_resolved);
  s.apology_rate = Percent(late_dossiers_with_apology, late_dossiers);
  s.feedback_on_time_rate = Percent(feedback_in_time, feedback_resolved);
  s.complaint_on_time_rate = Percent(complaints_in_time, complaints_resolved);
  s.satisfaction_average =
      s.satisfaction_responses == 0 ? 0 : static_cast<double>(rating_total) / s.satisfaction_responses;
  s.satisfied_share = s.satisfaction_responses == 0 ? 0 : 100.0 * satisfied / s.satisfaction_responses;
  s.filed_online_share = s.received == 0 ? 0 : 100.0 * online / s.received;
  return s;
}

}  // namespace parhub::complaints
