// Proto ↔ domain conversions (see convert.h).
#include "services/complaints/rpc/convert.h"

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"

namespace parhub::complaints {
namespace {

using ::parhub::platform::DateFromProto;
using ::parhub::platform::DateToProto;
using ::parhub::platform::TimeToProto;

void SetDate(const Date& date, parhub::common::v1::Date* out) {
  if (date.IsSet()) *out = DateToProto(date);
}

}  // namespace

absl::StatusOr<Submitter> SubmitterFromProto(const v1::Submitter& p) {
  return Submitter{p.full_name(), p.phone(), p.email(), p.address(), p.id_number(), p.anonymous()};
}

absl::StatusOr<Applicant> ApplicantFromProto(const v1::Applicant& p) {
  Applicant a;
  a.full_name = p.full_name();
  ASSIGN_OR_RETURN(a.birth_date, DateFromProto(p.birth_date(), "applicant.birth_date"));
  a.current_school = p.current_school();
  return a;
}

absl::StatusOr<EnrolmentNotice> NoticeFromProto(const v1::EnrolmentNotice& p) {
  EnrolmentNotice n;
  n.school_year = p.school_year();
  n.intake = p.intake();
  n.places = p.places();
  ASSIGN_OR_RETURN(n.registration_start,
                   DateFromProto(p.registration_start(), "enrolment_notice.registration_start"));
  ASSIGN_OR_RETURN(n.registration_end,
                   DateFromProto(p.registration_end(), "enrolment_notice.registration_end"));
  n.processing_days = p.processing_days();
  n.documents_required.assign(p.documents_required().begin(), p.documents_required().end());
  n.details = p.details();
  n.legal_basis = p.legal_basis();
  return n;
}

v1::EnrolmentNotice NoticeToProto(const EnrolmentNotice& n) {
  v1::EnrolmentNotice p;
  p.set_name(absl::StrCat("schools/", n.school_id, "/enrolmentNotices/", n.notice_id));
  p.set_school_year(n.school_year);
  p.set_intake(n.intake);
  p.set_places(n.places);
  SetDate(n.registration_start, p.mutable_registration_start());
  SetDate(n.registration_end, p.mutable_registration_end());
  p.set_processing_days(n.processing_days);
  for (const std::string& d : n.documents_required) p.add_documents_required(d);
  p.set_details(n.details);
  p.set_legal_basis(n.legal_basis);
  p.set_state(static_cast<v1::EnrolmentNoticeState>(n.state));
  p.set_closing_reason(n.closing_reason);
  p.set_registrations(n.registrations);
  *p.mutable_create_time() = TimeToProto(n.create_time);
  return p;
}

absl::StatusOr<Case> CaseFromProto(const v1::Case& p) {
  Case c;
  c.case_type = static_cast<CaseType>(p.case_type());
  c.channel = static_cast<Channel>(p.channel());
  c.subject = p.subject();
  c.content = p.content();
  ASSIGN_OR_RETURN(c.submitter, SubmitterFromProto(p.submitter()));
  c.complaint_round = p.complaint_round();
  c.complexity = static_cast<Complexity>(p.complexity());
  c.procedure_code = p.procedure_code();
  c.procedure_time_limit_days = p.procedure_time_limit_days();
  ASSIGN_OR_RETURN(c.received_date, DateFromProto(p.received_date(), "case.received_date"));
  ASSIGN_OR_RETURN(c.decision_date, DateFromProto(p.decision_date(), "case.decision_date"));
  c.filing_delay_reason = p.filing_delay_reason();
  return c;
}

v1::Case CaseToProto(const Case& c, const CaseView& view) {
  v1::Case p;
  p.set_name(CaseName(c.school_id, c.case_id));
  p.set_tracking_code(c.tracking_code);
  p.set_case_type(static_cast<v1::CaseType>(c.case_type));
  p.set_channel(static_cast<v1::Channel>(c.channel));
  p.set_subject(c.subject);
  p.set_content(c.content);
  if (view.submitter) {
    v1::Submitter* s = p.mutable_submitter();
    s->set_full_name(c.submitter.full_name);
    s->set_phone(c.submitter.phone);
    s->set_email(c.submitter.email);
    s->set_address(c.submitter.address);
    s->set_id_number(c.submitter.id_number);
    s->set_anonymous(c.submitter.anonymous);
    if (!c.applicant.full_name.empty()) {
      p.mutable_applicant()->set_full_name(c.applicant.full_name);
      SetDate(c.applicant.birth_date, p.mutable_applicant()->mutable_birth_date());
      p.mutable_applicant()->set_current_school(c.applicant.current_school);
    }
  } else {
    p.set_submitter_redacted(true);
  }
  p.set_complaint_round(c.complaint_round);
  p.set_complexity(static_cast<v1::Complexity>(c.complexity));
  p.set_procedure_code(c.procedure_code);
  p.set_procedure_time_limit_days(c.procedure_time_limit_days);
  p.set_deadline_policy(c.deadline_policy);
  SetDate(c.received_date, p.mutable_received_date());
  SetDate(c.acceptance_due_date, p.mutable_acceptance_due_date());
  SetDate(c.accepted_date, p.mutable_accepted_date());
  SetDate(c.resolution_due_date, p.mutable_resolution_due_date());
  p.set_state(static_cast<v1::CaseState>(c.state));
  p.set_timeliness(static_cast<v1::CaseTimeliness>(view.timeliness));
  p.set_assignee(c.assignee);
  for (const Extension& e : c.extensions) {
    v1::Extension* x = p.add_extensions();
    x->set_days(e.days);
    x->set_reason(e.reason);
    x->set_document_number(e.document_number);
    SetDate(e.previous_due_date, x->mutable_previous_due_date());
    SetDate(e.new_due_date, x->mutable_new_due_date());
    x->set_extended_by(e.extended_by);
    *x->mutable_create_time() = TimeToProto(e.create_time);
  }
  for (const ApologyLetter& l : c.apology_letters) {
    v1::ApologyLetter* a = p.add_apology_letters();
    a->set_document_number(l.document_number);
    SetDate(l.sent_date, a->mutable_sent_date());
    a->set_reason(l.reason);
    SetDate(l.new_return_date, a->mutable_new_return_date());
  }
  if (c.resolution.outcome != Outcome::kUnspecified) {
    v1::Resolution* r = p.mutable_resolution();
    r->set_outcome(static_cast<v1::Outcome>(c.resolution.outcome));
    r->set_public_summary(c.resolution.public_summary);
    r->set_internal_summary(c.resolution.internal_summary);
    r->set_document_number(c.resolution.document_number);
    SetDate(c.resolution.resolved_date, r->mutable_resolved_date());
  }
  p.set_closing_reason(c.closing_reason);
  p.set_escalated_to(c.escalated_to);
  if (c.rating.score > 0) {
    p.mutable_satisfaction()->set_score(c.rating.score);
    p.mutable_satisfaction()->set_comment(c.rating.comment);
    *p.mutable_satisfaction()->mutable_create_time() = TimeToProto(c.rating.create_time);
  }
  p.set_days_to_resolve(view.days_to_resolve);
  *p.mutable_create_time() = TimeToProto(c.create_time);
  *p.mutable_update_time() = TimeToProto(c.update_time);
  SetDate(c.decision_date, p.mutable_decision_date());
  p.set_reopen_count(c.reopen_count);
  p.set_deadline_estimated(c.deadline_estimated);
  p.set_apology_required(view.apology_required);
  SetDate(c.current_due_date, p.mutable_current_due_date());
  p.set_filing_delay_reason(c.filing_delay_reason);
  if (!c.enrolment_notice_id.empty()) {
    p.set_enrolment_notice(
        absl::StrCat("schools/", c.school_id, "/enrolmentNotices/", c.enrolment_notice_id));
  }
  return p;
}

absl::StatusOr<Resolution> ResolutionFromProto(const v1::Resolution& p) {
  Resolution r;
  r.outcome = static_cast<Outcome>(p.outcome());
  r.public_summary = p.public_summary();
  r.internal_summary = p.internal_summary();
  r.document_number = p.document_number();
  ASSIGN_OR_RETURN(r.resolved_date, DateFromProto(p.resolved_date(), "resolution.resolved_date"));
  return r;
}

absl::StatusOr<ApologyLetter> ApologyLetterFromProto(const v1::ApologyLetter& p) {
  ApologyLetter l;
  l.document_number = p.document_number();
  ASSIGN_OR_RETURN(l.sent_date, DateFromProto(p.sent_date(), "letter.sent_date"));
  l.reason = p.reason();
  ASSIGN_OR_RETURN(l.new_return_date, DateFromProto(p.new_return_date(), "letter.new_return_date"));
  return l;
}

v1::CaseEvent EventToProto(const CaseEvent& e) {
  v1::CaseEvent p;
  p.set_name(absl::StrCat(CaseName(e.school_id, e.case_id), "/events/", e.sequence));
  p.set_kind(static_cast<v1::CaseEventKind>(e.kind));
  p.set_visibility(static_cast<v1::Visibility>(e.visibility));
  p.set_actor(e.actor);
  p.set_from_state(static_cast<v1::CaseState>(e.from_state));
  p.set_to_state(static_cast<v1::CaseState>(e.to_state));
  p.set_note(e.note);
  *p.mutable_create_time() = TimeToProto(e.create_time);
  return p;
}

v1::PublicCaseView PublicViewToProto(const PublicView& view) {
  const Case& c = view.record;
  v1::PublicCaseView p;
  p.set_tracking_code(c.tracking_code);
  p.set_school(absl::StrCat("schools/", c.school_id));
  p.set_case_type(static_cast<v1::CaseType>(c.case_type));
  p.set_state(static_cast<v1::CaseState>(c.state));
  p.set_timeliness(static_cast<v1::CaseTimeliness>(view.timeliness));
  SetDate(c.received_date, p.mutable_received_date());
  SetDate(c.accepted_date, p.mutable_accepted_date());
  SetDate(c.resolution_due_date, p.mutable_resolution_due_date());
  p.set_resolution_summary(c.resolution.public_summary);
  SetDate(c.resolution.resolved_date, p.mutable_resolved_date());
  for (const CaseEvent& e : view.public_events) {
    v1::CaseEvent* out = p.add_public_events();
    *out = EventToProto(e);
    out->clear_name();  // the public does not address the school's resources
    if (out->actor() != "public") out->set_actor("");
  }
  p.set_can_rate(view.can_rate);
  p.set_can_reopen(view.can_reopen);
  if (!view.feedback_code.empty()) {
    parhub::common::v1::FeedbackInvitation* feedback = p.mutable_feedback();
    feedback->set_school(p.school());
    feedback->set_touchpoint(parhub::common::v1::FEEDBACK_TOUCHPOINT_CASE_RESOLVED);
    feedback->set_subject(c.tracking_code);
    feedback->set_code(view.feedback_code);
  }
  if (c.rating.score > 0) {
    p.mutable_satisfaction()->set_score(c.rating.score);
    p.mutable_satisfaction()->set_comment(c.rating.comment);
    *p.mutable_satisfaction()->mutable_create_time() = TimeToProto(c.rating.create_time);
  }
  return p;
}

v1::ComplaintSummary SummaryToProto(const std::string& school_id, const ComplaintSummary& s) {
  v1::ComplaintSummary p;
  p.set_school(absl::StrCat("schools/", school_id));
  p.set_received(s.received);
  p.set_not_accepted(s.not_accepted);
  p.set_withdrawn(s.withdrawn);
  p.set_resolved(s.resolved);
  p.set_resolved_early(s.resolved_early);
  p.set_resolved_on_time(s.resolved_on_time);
  p.set_resolved_late(s.resolved_late);
  p.set_on_time_rate(s.on_time_rate);
  p.set_open_within_deadline(s.open_within_deadline);
  p.set_overdue_open(s.overdue_open);
  p.set_average_days_to_resolve(s.average_days_to_resolve);
  p.set_extensions(s.extensions);
  p.set_escalated(s.escalated);
  p.set_dossiers_resolved(s.dossiers_resolved);
  p.set_dossier_on_time_rate(s.dossier_on_time_rate);
  p.set_apology_rate(s.apology_rate);
  p.set_feedback_on_time_rate(s.feedback_on_time_rate);
  p.set_complaint_on_time_rate(s.complaint_on_time_rate);
  p.set_satisfaction_responses(s.satisfaction_responses);
  p.set_satisfaction_average(s.satisfaction_average);
  p.set_satisfied_share(s.satisfied_share);
  p.set_filed_online_share(s.filed_online_share);
  p.set_due_soon_open(s.due_soon_open);
  for (const auto& [type, counts] : s.by_type) {
    v1::CaseTypeCount* t = p.add_by_type();
    t->set_case_type(static_cast<v1::CaseType>(type));
    t->set_received(counts.received);
    t->set_resolved(counts.resolved);
    t->set_resolved_in_time(counts.resolved_in_time);
    t->set_overdue_open(counts.overdue_open);
  }
  return p;
}

v1::DeadlineAnswer DeadlinesToProto(const Deadlines& d) {
  v1::DeadlineAnswer p;
  p.set_deadline_policy(d.applied.Reference());
  SetDate(d.filing_due_date, p.mutable_filing_due_date());
  SetDate(d.acceptance_due_date, p.mutable_acceptance_due_date());
  SetDate(d.resolution_due_date, p.mutable_resolution_due_date());
  for (const std::string& line : d.explanation) p.add_explanation(line);
  p.set_estimated(d.estimated);
  return p;
}

}  // namespace parhub::complaints
