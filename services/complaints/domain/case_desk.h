// CaseDesk: a school's handling of its cases, from intake to resolution,
// under the deadline policy in force on the day each was received.
//
//   from \ to     ACCEPTED  NOT_ACC.  IN_PROGRESS  RESOLVED  ESCALATED  WITHDRAWN
//   RECEIVED      Accept    Reject    -            -         -          Withdraw
//   ACCEPTED      -         -         Assign       Resolve   Escalate*  Withdraw
//   IN_PROGRESS   -         -         Assign(re)   Resolve   Escalate*  Withdraw
//   RESOLVED      -         -         Reopen**     -         Escalate   -
//   * a first-round complaint past its resolution deadline (Luật Khiếu nại
//     2011, Điều 33); ** feedback types only.
// Feedback, procedure feedback and dossiers are accepted on receipt. Every
// change appends an event to the case's history; the citizen sees the
// public ones. Anything else is FAILED_PRECONDITION and changes nothing.
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_CASE_DESK_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_CASE_DESK_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/complaints/domain/complaints_store.h"
#include "services/complaints/domain/deadline_rules.h"

namespace parhub::complaints {

// A case as just created, with the secret shown once.
struct CreatedCase final {
  Case record;
  std::string tracking_secret;
};

struct CaseFilter final {
  std::vector<CaseType> types;
  std::vector<CaseState> states;
  std::vector<Timeliness> timeliness;
  std::string assignee;
  Date received_from;
  Date received_to;
  std::string enrolment_notice_id;
};

struct ApologyDraft final {
  std::string title;
  std::string text;
  std::string form;
};

class CaseDesk final {
 public:
  CaseDesk(ComplaintsStore& store, const DeadlineRules& rules, Clock clock)
      : store_(store), rules_(rules), clock_(std::move(clock)) {}

  // Checks and registers a case; `actor` is the account (or "public").
  // Field errors name "case.<field>"; a complaint past its filing limit
  // without a delay reason is FAILED_PRECONDITION.
  absl::StatusOr<CreatedCase> Create(const std::string& school_id, Case draft, const std::string& actor);
  absl::StatusOr<Case> Get(const std::string& school_id, const std::string& case_id);
  // Ordered by current due date, closed cases last; default 50, max 200.
  absl::StatusOr<platform::Page<Case>> List(const std::string& school_id, const CaseFilter& filter,
                                            int page_size, absl::string_view page_token);

  absl::StatusOr<Case> Accept(const std::string& school_id, const std::string& case_id, Date accepted,
                              const std::string& document_number, Complexity complexity,
                              const std::string& actor);
  absl::StatusOr<Case> Reject(const std::string& school_id, const std::string& case_id,
                              const std::string& reason, const std::string& document_number,
                              const std::string& actor);
  absl::StatusOr<Case> Assign(const std::string& school_id, const std::string& case_id,
                              const std::string& assignee, const std::string& actor);
  absl::StatusOr<Case> Extend(const std::string& school_id, const std::string& case_id, int days,
                              const std::string& reason, const std::string& document_number,
                              Complexity complexity, const std::string& actor);
  absl::StatusOr<Case> RecordApology(const std::string& school_id, const std::string& case_id,
                                     ApologyLetter letter, const std::string& actor);
  absl::StatusOr<ApologyDraft> DraftApology(const std::string& school_id, const std::string& case_id,
                                            const std::string& reason, Date new_return_date,
                                            const std::string& issuing_unit);
  absl::StatusOr<Case> Resolve(const std::string& school_id, const std::string& case_id,
                               Resolution resolution, const std::string& actor);
  absl::StatusOr<Case> Escalate(const std::string& school_id, const std::string& case_id,
                                const std::string& reason, Date escalation_date,
                                const std::string& authority_id, const std::string& actor);
  absl::StatusOr<Case> Withdraw(const std::string& school_id, const std::string& case_id,
                                const std::string& reason, const std::string& actor);
  absl::StatusOr<Case> Reopen(const std::string& school_id, const std::string& case_id,
                              const std::string& reason, const std::string& actor);
  absl::StatusOr<CaseEvent> AddNote(const std::string& school_id, const std::string& case_id,
                                    const std::string& note, Visibility visibility, const std::string& actor);
  // Cases of `school_ids` escalated to `authority` ("authorities/{id}"),
  // newest escalation first; default 50, max 200.
  absl::StatusOr<platform::Page<Case>> ListEscalated(const std::string& authority,
                                                     const std::vector<std::string>& school_ids,
                                                     int page_size, absl::string_view page_token);
  // Oldest first; default 100, max 500.
  absl::StatusOr<platform::Page<CaseEvent>> ListEvents(const std::string& school_id,
                                                       const std::string& case_id, bool public_only,
                                                       int page_size, absl::string_view page_token);

  // Today in Vietnam; now to the microsecond.
  Date Today() const;
  absl::Time Now() const { return NowMicros(clock_); }
  // Timeliness as of today.
  absl::StatusOr<Timeliness> TimelinessOf(const Case& c) const;
  // A late procedure dossier with no apology letter yet.
  absl::StatusOr<bool> ApologyRequired(const Case& c) const;
  const DeadlineRules& rules() const { return rules_; }

  // Shared with PublicDesk: loads, checks the state, changes, writes the
  // row and one event, in one transaction. `change` returns the event's
  // note (or an error that aborts everything).
  absl::StatusOr<Case> Change(const std::string& school_id, const std::string& case_id,
                              const std::vector<CaseState>& allowed, absl::string_view action, EventKind kind,
                              Visibility visibility, const std::string& actor,
                              const std::function<absl::StatusOr<std::string>(Case&)>& change);
  absl::StatusOr<Case> ChangeLoaded(Case c, const std::vector<CaseState>& allowed, absl::string_view action,
                                    EventKind kind, Visibility visibility, const std::string& actor,
                                    const std::function<absl::StatusOr<std::string>(Case&)>& change);

 private:
  // Cleans the draft's fields and fills the deadlines.
  absl::StatusOr<Case> Intake(const std::string& school_id, Case draft);
  // Keeps the derived columns true before a write.
  absl::Status Derive(Case& c) const;

  ComplaintsStore& store_;
  const DeadlineRules& rules_;
  Clock clock_;
};

// "Đã tiếp nhận", … for messages.
std::string CaseStateWords(CaseState state);

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_CASE_DESK_H_
