// Thin handlers: name → access → domain → proto, in the skeleton's two shapes.
#include "services/complaints/rpc/complaints_service.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/resource_name.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/complaints/domain/access.h"
#include "services/complaints/rpc/convert.h"

namespace parhub::complaints {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::DateFromProto;
using ::parhub::platform::Mutation;
using ::parhub::platform::ParseName;

constexpr char kSchool[] = "schools/{school}";
constexpr char kCase[] = "schools/{school}/cases/{case}";
constexpr char kAuthority[] = "authorities/{authority}";
constexpr char kPublicScope[] = "public";
constexpr char kNotice[] = "schools/{school}/enrolmentNotices/{notice}";

// What a public filing or registration answers: the code, the secret once,
// the dates.
v1::FilePublicCaseResponse FiledResponse(const CreatedCase& created) {
  v1::FilePublicCaseResponse out;
  out.set_tracking_code(created.record.tracking_code);
  out.set_tracking_secret(created.tracking_secret);
  *out.mutable_received_date() = platform::DateToProto(created.record.received_date);
  if (created.record.acceptance_due_date.IsSet()) {
    *out.mutable_acceptance_due_date() = platform::DateToProto(created.record.acceptance_due_date);
  }
  *out.mutable_expected_resolution_date() = platform::DateToProto(created.record.resolution_due_date);
  return out;
}

// The ledger keeps a case without the filer's and the child's personal
// data (a retry gets it so); only the case tables hold them.
Mutation<v1::Case> WithoutPersonalData(Mutation<v1::Case> mutation) {
  mutation.redact_stored = [](v1::Case& stored) {
    stored.clear_submitter();
    stored.clear_applicant();
    stored.set_submitter_redacted(true);
    stored.clear_tracking_secret();
  };
  return mutation;
}

template <typename Enum>
absl::StatusOr<std::vector<Enum>> EnumList(const google::protobuf::RepeatedField<int>& values,
                                           bool (*valid)(int), absl::string_view field) {
  std::vector<Enum> out;
  for (int v : values) {
    if (v == 0 || !valid(v)) return platform::UnknownEnumValue(field, v);
    out.push_back(static_cast<Enum>(v));
  }
  return out;
}

absl::Status CheckEnum(bool valid, absl::string_view field, int value) {
  return valid ? absl::OkStatus() : platform::UnknownEnumValue(field, value);
}

}  // namespace

v1::Case ComplaintServiceImpl::View(const Caller& caller, const Case& c) const {
  CaseView view;
  view.submitter = SeesSubmitter(caller, c);
  absl::StatusOr<Timeliness> t = desk_.TimelinessOf(c);
  view.timeliness = t.ok() ? *t : Timeliness::kUnspecified;  // a year without calendar: not classed
  absl::StatusOr<bool> apology = desk_.ApologyRequired(c);
  view.apology_required = apology.ok() && *apology;
  absl::StatusOr<int> days = desk_.rules().DaysToResolve(c);
  view.days_to_resolve = days.ok() ? *days : 0;
  return CaseToProto(c, view);
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::Decide(
    Context* c, absl::string_view method, const google::protobuf::Message* request, const std::string& name,
    v1::Case* response,
    std::function<absl::StatusOr<Case>(const std::string&, const std::string&, const std::string&)> apply) {
  return handlers_.Mutate<v1::Case>(
      c, method, request, response, [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Case>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kCase, name, "name"));
        RETURN_IF_ERROR(RequireCaseWrite(caller, ids[0]));
        return WithoutPersonalData(Mutation<v1::Case>(ids[0], name, [=, this]() -> absl::StatusOr<v1::Case> {
          ASSIGN_OR_RETURN(Case updated, apply(ids[0], ids[1], caller.subject));
          return View(caller, updated);
        }));
      });
}

// ---- cases ----

grpc::ServerUnaryReactor* ComplaintServiceImpl::CreateCase(Context* c, const v1::CreateCaseRequest* request,
                                                           v1::Case* response) {
  return handlers_.Mutate<v1::Case>(
      c, __func__, request, response, [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Case>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireCaseWrite(caller, ids[0]));
        Mutation<v1::Case> mutation(ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::Case> {
          ASSIGN_OR_RETURN(Case draft, CaseFromProto(request->case_()));
          ASSIGN_OR_RETURN(CreatedCase created, desk_.Create(ids[0], std::move(draft), caller.subject));
          v1::Case out = View(caller, created.record);
          out.set_tracking_secret(created.tracking_secret);
          return out;
        });
        return WithoutPersonalData(std::move(mutation));
      });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::GetCase(Context* c, const v1::GetCaseRequest* request,
                                                        v1::Case* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kCase, request->name(), "name"));
    RETURN_IF_ERROR(RequireCaseRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Case found, desk_.Get(ids[0], ids[1]));
    *response = View(caller, found);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ListCases(Context* c, const v1::ListCasesRequest* request,
                                                          v1::ListCasesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireCaseRead(caller, ids[0]));
    CaseFilter filter;
    ASSIGN_OR_RETURN(filter.types,
                     EnumList<CaseType>(request->case_types(), v1::CaseType_IsValid, "case_types"));
    ASSIGN_OR_RETURN(filter.states, EnumList<CaseState>(request->states(), v1::CaseState_IsValid, "states"));
    ASSIGN_OR_RETURN(filter.timeliness,
                     EnumList<Timeliness>(request->timeliness(), v1::CaseTimeliness_IsValid, "timeliness"));
    filter.assignee = request->assignee();
    ASSIGN_OR_RETURN(filter.received_from, DateFromProto(request->received_after(), "received_after"));
    ASSIGN_OR_RETURN(filter.received_to, DateFromProto(request->received_before(), "received_before"));
    if (!request->enrolment_notice().empty()) {
      ASSIGN_OR_RETURN(auto notice, ParseName(kNotice, request->enrolment_notice(), "enrolment_notice"));
      if (notice[0] != ids[0]) {
        return platform::InvalidField("enrolment_notice", "không thuộc trường này (not of this school)");
      }
      filter.enrolment_notice_id = notice[1];
    }
    ASSIGN_OR_RETURN(auto page, desk_.List(ids[0], filter, request->page_size(), request->page_token()));
    for (const Case& found : page.items) *response->add_cases() = View(caller, found);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::AcceptCase(Context* c, const v1::AcceptCaseRequest* request,
                                                           v1::Case* response) {
  return Decide(c, __func__, request, request->name(), response,
                [=, this](const std::string& school, const std::string& id,
                          const std::string& actor) -> absl::StatusOr<Case> {
                  RETURN_IF_ERROR(CheckEnum(v1::Complexity_IsValid(request->complexity()), "complexity",
                                            request->complexity()));
                  ASSIGN_OR_RETURN(Date accepted, DateFromProto(request->accepted_date(), "accepted_date"));
                  return desk_.Accept(school, id, accepted, request->document_number(),
                                      static_cast<Complexity>(request->complexity()), actor);
                });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::RejectCase(Context* c, const v1::RejectCaseRequest* request,
                                                           v1::Case* response) {
  return Decide(c, __func__, request, request->name(), response,
                [=, this](const std::string& school, const std::string& id, const std::string& actor) {
                  return desk_.Reject(school, id, request->reason(), request->document_number(), actor);
                });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::AssignCase(Context* c, const v1::AssignCaseRequest* request,
                                                           v1::Case* response) {
  return Decide(c, __func__, request, request->name(), response,
                [=, this](const std::string& school, const std::string& id, const std::string& actor) {
                  return desk_.Assign(school, id, request->assignee(), actor);
                });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ExtendCaseDeadline(
    Context* c, const v1::ExtendCaseDeadlineRequest* request, v1::Case* response) {
  return Decide(c, __func__, request, request->name(), response,
                [=, this](const std::string& school, const std::string& id,
                          const std::string& actor) -> absl::StatusOr<Case> {
                  RETURN_IF_ERROR(CheckEnum(v1::Complexity_IsValid(request->complexity()), "complexity",
                                            request->complexity()));
                  return desk_.Extend(school, id, request->days(), request->reason(),
                                      request->document_number(),
                                      static_cast<Complexity>(request->complexity()), actor);
                });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::RecordApologyLetter(
    Context* c, const v1::RecordApologyLetterRequest* request, v1::Case* response) {
  return Decide(c, __func__, request, request->name(), response,
                [=, this](const std::string& school, const std::string& id,
                          const std::string& actor) -> absl::StatusOr<Case> {
                  ASSIGN_OR_RETURN(ApologyLetter letter, ApologyLetterFromProto(request->letter()));
                  return desk_.RecordApology(school, id, std::move(letter), actor);
                });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ResolveCase(Context* c, const v1::ResolveCaseRequest* request,
                                                            v1::Case* response) {
  return Decide(c, __func__, request, request->name(), response,
                [=, this](const std::string& school, const std::string& id,
                          const std::string& actor) -> absl::StatusOr<Case> {
                  ASSIGN_OR_RETURN(Resolution resolution, ResolutionFromProto(request->resolution()));
                  return desk_.Resolve(school, id, std::move(resolution), actor);
                });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::EscalateCase(Context* c,
                                                             const v1::EscalateCaseRequest* request,
                                                             v1::Case* response) {
  return handlers_.Mutate<v1::Case>(
      c, __func__, request, response, [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::Case>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kCase, request->name(), "name"));
        RETURN_IF_ERROR(RequireEscalation(caller, ids[0]));
        std::string authority = caller.authority_id;
        if (!request->authority().empty()) {
          ASSIGN_OR_RETURN(auto named, ParseName(kAuthority, request->authority(), "authority"));
          authority = named[0];
        }
        return WithoutPersonalData(
            Mutation<v1::Case>(ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::Case> {
              ASSIGN_OR_RETURN(Date when, DateFromProto(request->escalation_date(), "escalation_date"));
              ASSIGN_OR_RETURN(
                  Case updated,
                  desk_.Escalate(ids[0], ids[1], request->reason(), when,
                                 authority.empty() ? "" : absl::StrCat("authorities/", authority),
                                 caller.subject));
              return View(caller, updated);
            }));
      });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::WithdrawCase(Context* c,
                                                             const v1::WithdrawCaseRequest* request,
                                                             v1::Case* response) {
  return Decide(c, __func__, request, request->name(), response,
                [=, this](const std::string& school, const std::string& id, const std::string& actor) {
                  return desk_.Withdraw(school, id, request->reason(), actor);
                });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ReopenCase(Context* c, const v1::ReopenCaseRequest* request,
                                                           v1::Case* response) {
  return Decide(c, __func__, request, request->name(), response,
                [=, this](const std::string& school, const std::string& id, const std::string& actor) {
                  return desk_.Reopen(school, id, request->reason(), actor);
                });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::DraftApologyLetter(
    Context* c, const v1::DraftApologyLetterRequest* request, v1::ApologyLetterDraft* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kCase, request->name(), "name"));
    RETURN_IF_ERROR(RequireCaseWrite(caller, ids[0]));
    ASSIGN_OR_RETURN(Date new_date, DateFromProto(request->new_return_date(), "new_return_date"));
    ASSIGN_OR_RETURN(ApologyDraft draft, desk_.DraftApology(ids[0], ids[1], request->reason(), new_date,
                                                            request->issuing_unit()));
    response->set_title(draft.title);
    response->set_text(draft.text);
    response->set_form(draft.form);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::AddCaseNote(Context* c, const v1::AddCaseNoteRequest* request,
                                                            v1::CaseEvent* response) {
  return handlers_.Mutate<v1::CaseEvent>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::CaseEvent>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kCase, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireNoteWrite(caller, ids[0]));
        RETURN_IF_ERROR(
            CheckEnum(v1::Visibility_IsValid(request->visibility()), "visibility", request->visibility()));
        return Mutation<v1::CaseEvent>(
            ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::CaseEvent> {
              ASSIGN_OR_RETURN(CaseEvent event,
                               desk_.AddNote(ids[0], ids[1], request->note(),
                                             static_cast<Visibility>(request->visibility()), caller.subject));
              return EventToProto(event);
            });
      });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ListCaseEvents(Context* c,
                                                               const v1::ListCaseEventsRequest* request,
                                                               v1::ListCaseEventsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kCase, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireCaseRead(caller, ids[0]));
    ASSIGN_OR_RETURN(auto page,
                     desk_.ListEvents(ids[0], ids[1], false, request->page_size(), request->page_token()));
    for (const CaseEvent& e : page.items) *response->add_events() = EventToProto(e);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

// ---- the public desk (the gateway's citizen API) ----

grpc::ServerUnaryReactor* ComplaintServiceImpl::FilePublicCase(Context* c,
                                                               const v1::FilePublicCaseRequest* request,
                                                               v1::FilePublicCaseResponse* response) {
  return handlers_.Mutate<v1::FilePublicCaseResponse>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::FilePublicCaseResponse>> {
        RETURN_IF_ERROR(RequireService(caller));
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
        Mutation<v1::FilePublicCaseResponse> mutation(
            absl::StrCat(kPublicScope, ":", ids[0]), request->school(),
            [=, this]() -> absl::StatusOr<v1::FilePublicCaseResponse> {
              PublicFiling filing;
              filing.case_type = static_cast<CaseType>(request->case_type());
              filing.subject = request->subject();
              filing.content = request->content();
              ASSIGN_OR_RETURN(filing.submitter, SubmitterFromProto(request->submitter()));
              ASSIGN_OR_RETURN(filing.decision_date,
                               DateFromProto(request->decision_date(), "decision_date"));
              filing.filing_delay_reason = request->filing_delay_reason();
              ASSIGN_OR_RETURN(CreatedCase created, public_desk_.File(ids[0], std::move(filing)));
              return FiledResponse(created);
            });
        // A retry gets the same tracking code without the secret: the
        // ledger keeps only what may be shown twice.
        mutation.redact_stored = [](v1::FilePublicCaseResponse& stored) { stored.clear_tracking_secret(); };
        return mutation;
      });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::TrackCase(Context* c, const v1::TrackCaseRequest* request,
                                                          v1::PublicCaseView* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireService(caller));
    ASSIGN_OR_RETURN(PublicView view,
                     public_desk_.Track(request->tracking_code(), request->tracking_secret()));
    *response = PublicViewToProto(view);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::RateCase(Context* c, const v1::RateCaseRequest* request,
                                                         v1::PublicCaseView* response) {
  return handlers_.Mutate<v1::PublicCaseView>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::PublicCaseView>> {
        RETURN_IF_ERROR(RequireService(caller));
        return Mutation<v1::PublicCaseView>(
            kPublicScope, absl::StrCat("trackingCodes/", request->tracking_code()),
            [=, this]() -> absl::StatusOr<v1::PublicCaseView> {
              ASSIGN_OR_RETURN(PublicView view,
                               public_desk_.Rate(request->tracking_code(), request->tracking_secret(),
                                                 request->score(), request->comment()));
              return PublicViewToProto(view);
            });
      });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ReopenPublicCase(Context* c,
                                                                 const v1::ReopenPublicCaseRequest* request,
                                                                 v1::PublicCaseView* response) {
  return handlers_.Mutate<v1::PublicCaseView>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::PublicCaseView>> {
        RETURN_IF_ERROR(RequireService(caller));
        return Mutation<v1::PublicCaseView>(
            kPublicScope, absl::StrCat("trackingCodes/", request->tracking_code()),
            [=, this]() -> absl::StatusOr<v1::PublicCaseView> {
              ASSIGN_OR_RETURN(PublicView view,
                               public_desk_.Reopen(request->tracking_code(), request->tracking_secret(),
                                                   request->reason()));
              return PublicViewToProto(view);
            });
      });
}

// ---- the authority ----

grpc::ServerUnaryReactor* ComplaintServiceImpl::ListEscalatedCases(
    Context* c, const v1::ListEscalatedCasesRequest* request, v1::ListEscalatedCasesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireService(caller));
    ASSIGN_OR_RETURN(auto authority, ParseName(kAuthority, request->authority(), "authority"));
    std::vector<std::string> schools;
    for (const std::string& id : request->school_ids()) {
      RETURN_IF_ERROR(platform::ValidateId(id, "school_ids"));
      schools.push_back(id);
    }
    if (schools.size() > 5000)
      return platform::InvalidField("school_ids", "tối đa 5000 trường (at most 5,000)");
    ASSIGN_OR_RETURN(auto out, desk_.ListEscalated(absl::StrCat("authorities/", authority[0]), schools,
                                                   request->page_size(), request->page_token()));
    Caller officer = caller;
    officer.role = platform::Role::kAuthorityOfficer;
    officer.authority_id = authority[0];
    for (const Case& found : out.items) {
      officer.school_id = found.school_id;
      *response->add_cases() = View(officer, found);
    }
    response->set_next_page_token(out.next_page_token);
    return absl::OkStatus();
  });
}

// ---- enrolment ----

grpc::ServerUnaryReactor* ComplaintServiceImpl::CreateEnrolmentNotice(
    Context* c, const v1::CreateEnrolmentNoticeRequest* request, v1::EnrolmentNotice* response) {
  return handlers_.Mutate<v1::EnrolmentNotice>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::EnrolmentNotice>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireCaseWrite(caller, ids[0]));
        return Mutation<v1::EnrolmentNotice>(
            ids[0], request->parent(), [=, this]() -> absl::StatusOr<v1::EnrolmentNotice> {
              ASSIGN_OR_RETURN(EnrolmentNotice draft, NoticeFromProto(request->enrolment_notice()));
              ASSIGN_OR_RETURN(EnrolmentNotice notice, enrolment_.Publish(ids[0], "", std::move(draft)));
              return NoticeToProto(notice);
            });
      });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::GetEnrolmentNotice(
    Context* c, const v1::GetEnrolmentNoticeRequest* request, v1::EnrolmentNotice* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kNotice, request->name(), "name"));
    RETURN_IF_ERROR(RequireCaseRead(caller, ids[0]));
    ASSIGN_OR_RETURN(EnrolmentNotice notice, enrolment_.Get(ids[0], ids[1]));
    *response = NoticeToProto(notice);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ListEnrolmentNotices(
    Context* c, const v1::ListEnrolmentNoticesRequest* request, v1::ListEnrolmentNoticesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    RETURN_IF_ERROR(RequireCaseRead(caller, ids[0]));
    ASSIGN_OR_RETURN(auto page, enrolment_.List(ids[0], request->open_only(), request->page_size(),
                                                request->page_token()));
    for (const EnrolmentNotice& n : page.items) *response->add_enrolment_notices() = NoticeToProto(n);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::CloseEnrolmentNotice(
    Context* c, const v1::CloseEnrolmentNoticeRequest* request, v1::EnrolmentNotice* response) {
  return handlers_.Mutate<v1::EnrolmentNotice>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::EnrolmentNotice>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kNotice, request->name(), "name"));
        RETURN_IF_ERROR(RequireCaseWrite(caller, ids[0]));
        return Mutation<v1::EnrolmentNotice>(
            ids[0], request->name(), [=, this]() -> absl::StatusOr<v1::EnrolmentNotice> {
              ASSIGN_OR_RETURN(EnrolmentNotice notice, enrolment_.Close(ids[0], ids[1], request->reason()));
              return NoticeToProto(notice);
            });
      });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::RegisterForEnrolment(
    Context* c, const v1::RegisterForEnrolmentRequest* request, v1::FilePublicCaseResponse* response) {
  return handlers_.Mutate<v1::FilePublicCaseResponse>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::FilePublicCaseResponse>> {
        RETURN_IF_ERROR(RequireService(caller));
        ASSIGN_OR_RETURN(auto ids, ParseName(kNotice, request->enrolment_notice(), "enrolment_notice"));
        Mutation<v1::FilePublicCaseResponse> mutation(
            absl::StrCat(kPublicScope, ":", ids[0]), request->enrolment_notice(),
            [=, this]() -> absl::StatusOr<v1::FilePublicCaseResponse> {
              Registration registration;
              ASSIGN_OR_RETURN(registration.guardian, SubmitterFromProto(request->guardian()));
              ASSIGN_OR_RETURN(registration.applicant, ApplicantFromProto(request->applicant()));
              registration.note = request->note();
              ASSIGN_OR_RETURN(CreatedCase created,
                               enrolment_.Register(ids[0], ids[1], std::move(registration)));
              return FiledResponse(created);
            });
        mutation.redact_stored = [](v1::FilePublicCaseResponse& stored) { stored.clear_tracking_secret(); };
        return mutation;
      });
}

// ---- reference data and deadlines ----

grpc::ServerUnaryReactor* ComplaintServiceImpl::GetDeadlinePolicySet(
    Context* c, const v1::GetDeadlinePolicySetRequest* request, v1::DeadlinePolicySet* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    ASSIGN_OR_RETURN(Date day, DateFromProto(request->date(), "date"));
    if (!day.IsSet()) day = desk_.Today();
    ASSIGN_OR_RETURN(const PolicySet* set, desk_.rules().SetOn(day));
    for (const v1::DeadlinePolicySet& proto : refdata_.policy_sets.sets()) {
      if (proto.version() == set->version) *response = proto;
    }
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ListDeadlinePolicySets(
    Context* c, const v1::ListDeadlinePolicySetsRequest* /*request*/, v1::DeadlinePolicySets* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    *response = refdata_.policy_sets;
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::ComputeDeadline(Context* c,
                                                                const v1::ComputeDeadlineRequest* request,
                                                                v1::DeadlineAnswer* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    RETURN_IF_ERROR(
        CheckEnum(v1::Complexity_IsValid(request->complexity()), "complexity", request->complexity()));
    CaseClock clock;
    clock.case_type = static_cast<CaseType>(request->case_type());
    clock.complaint_round = request->case_type() == v1::CASE_TYPE_COMPLAINT && request->complaint_round() == 0
                                ? 1
                                : request->complaint_round();
    clock.complexity =
        request->complexity() == 0 ? Complexity::kOrdinary : static_cast<Complexity>(request->complexity());
    clock.procedure_time_limit_days = request->procedure_time_limit_days();
    ASSIGN_OR_RETURN(clock.received_date, DateFromProto(request->received_date(), "received_date"));
    ASSIGN_OR_RETURN(clock.accepted_date, DateFromProto(request->accepted_date(), "accepted_date"));
    ASSIGN_OR_RETURN(clock.decision_date, DateFromProto(request->decision_date(), "decision_date"));
    ASSIGN_OR_RETURN(Deadlines d, desk_.rules().Compute(clock, ""));
    if (d.filing_due_date.IsSet() && d.filing_due_date < clock.received_date) {
      d.explanation.push_back(
          absl::StrCat("Đơn nhận ngày ", clock.received_date.ToVietnamese(),
                       " đã quá thời hiệu: không thụ lý, trừ khi có trở ngại khách quan"));
    }
    *response = DeadlinesToProto(d);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::GetHolidayCalendar(
    Context* c, const v1::GetHolidayCalendarRequest* request,
    parhub::refdata::v1::HolidayCalendar* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    auto it = refdata_.calendars.find(request->year());
    if (it == refdata_.calendars.end()) return MissingYear(request->year());
    *response = it->second;
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::SummarizeComplaints(
    Context* c, const v1::SummarizeComplaintsRequest* request, v1::ComplaintSummary* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
    RETURN_IF_ERROR(RequireCaseRead(caller, ids[0]));
    ASSIGN_OR_RETURN(Date start, DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(Date end, DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(ComplaintSummary summary, summarizer_.Summarize(ids[0], start, end));
    *response = SummaryToProto(ids[0], summary);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ComplaintServiceImpl::BatchSummarizeComplaints(
    Context* c, const v1::BatchSummarizeComplaintsRequest* request,
    v1::BatchSummarizeComplaintsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireService(caller));
    ASSIGN_OR_RETURN(std::vector<std::string> schools, platform::SchoolIdsOf(request->schools()));
    ASSIGN_OR_RETURN(Date start, DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(Date end, DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(std::vector<ComplaintSummary> summaries,
                     summarizer_.SummarizeSchools(schools, start, end));
    for (size_t i = 0; i < schools.size(); ++i)
      *response->add_summaries() = SummaryToProto(schools[i], summaries[i]);
    return absl::OkStatus();
  });
}

}  // namespace parhub::complaints
