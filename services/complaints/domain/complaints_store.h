// ComplaintsStore: what the complaints domain needs from storage (MySQL in
// store/). Every read and write of a case is scoped by its school, except
// the lookup by tracking code (the public desk's) and the reads over a list
// of schools (the authority's escalated cases, the period's cases that the
// summaries count).
//
// Errors: NOT_FOUND for missing rows, ALREADY_EXISTS for a duplicate case id
// or tracking code, UNAVAILABLE when the database cannot be reached.
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_COMPLAINTS_STORE_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_COMPLAINTS_STORE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "services/complaints/domain/model.h"

namespace parhub::complaints {

// Whether a read locks the rows until the surrounding Atomically ends.
enum class Lock { kNone, kForUpdate };

// Deadline classes of open cases, as date ranges of their current due date
// (the domain turns "due soon" into dates with the work calendar).
struct DueWindow final {
  Date from;  // unset: open
  Date to;    // unset: open
};

// Filters of a case listing; all must hold. A case matches the timeliness
// part when it is open with its current due date in one of `open_due`, or
// closed with its final class in `final_timeliness`; both empty: any.
struct CaseQuery final {
  std::vector<CaseType> types;      // empty: any
  std::vector<CaseState> states;    // empty: any
  std::string assignee;             // "": any
  Date received_from;               // unset: open
  Date received_to;                 // unset: open
  std::string enrolment_notice_id;  // "": any
  std::vector<DueWindow> open_due;
  std::vector<Timeliness> final_timeliness;
  bool timeliness_filtered = false;  // the timeliness part applies
};

// Cases are listed open first by current due date, then closed ones, then
// by id: the cursor is (closed, current due date or unset, case id).
struct CaseCursor final {
  bool closed = false;
  Date due;
  std::string case_id;
};

// Escalated cases are listed newest escalation first.
struct EscalationCursor final {
  Date closed_date;
  std::string school_id;
  std::string case_id;
};

class ComplaintsStore {
 public:
  virtual ~ComplaintsStore() = default;

  // Runs `fn` in one transaction; locks taken with Lock::kForUpdate last
  // until it ends. Nested calls join the outer transaction.
  virtual absl::Status Atomically(const std::function<absl::Status()>& fn) = 0;

  // Inserts the case row (extensions and apology letters are added with
  // their own calls).
  virtual absl::Status InsertCase(const Case& c) = 0;
  // The case with its extensions and apology letters.
  virtual absl::StatusOr<Case> GetCase(const std::string& school_id, const std::string& case_id,
                                       Lock lock) = 0;
  // By canonical tracking code (CanonicalTrackingCode), any school.
  virtual absl::StatusOr<Case> FindByTrackingCode(const std::string& code, Lock lock) = 0;
  // Rewrites the case row (not its children); `current_due` and `final`
  // are the derived columns the listing filters on.
  virtual absl::Status UpdateCase(const Case& c) = 0;
  virtual absl::Status InsertExtension(const Case& c, const Extension& extension) = 0;
  virtual absl::Status InsertApologyLetter(const Case& c, const ApologyLetter& letter) = 0;
  // Keeps the answer a reopening replaces (`c.prior_resolutions` as before it).
  virtual absl::Status InsertPriorResolution(const Case& c, const PriorResolution& prior) = 0;
  // Appends an event with the next sequence number of its case.
  virtual absl::StatusOr<CaseEvent> AppendEvent(CaseEvent event) = 0;
  // Events after `after_sequence`, oldest first; public ones only when asked.
  virtual absl::StatusOr<std::vector<CaseEvent>> ListEvents(const std::string& school_id,
                                                            const std::string& case_id, bool public_only,
                                                            int64_t after_sequence, int limit) = 0;
  virtual absl::StatusOr<std::vector<Case>> ListCases(const std::string& school_id, const CaseQuery& query,
                                                      const std::optional<CaseCursor>& after, int limit) = 0;
  // Every case of these schools that touches [from, to]: received by `to`
  // and open, or closed (resolved, not accepted, withdrawn, escalated) or
  // rated on or after `from`. With extensions, apology letters and prior
  // resolutions; by school, then case id. A few reads whatever the number
  // of schools (the roll-ups ask for up to 5,000).
  virtual absl::StatusOr<std::vector<Case>> CasesForPeriod(const std::vector<std::string>& school_ids,
                                                           Date from, Date to) = 0;
  virtual absl::Status InsertNotice(const EnrolmentNotice& notice) = 0;
  // With `registrations` counted.
  virtual absl::StatusOr<EnrolmentNotice> GetNotice(const std::string& school_id,
                                                    const std::string& notice_id, Lock lock) = 0;
  virtual absl::Status UpdateNotice(const EnrolmentNotice& notice) = 0;
  // Newest registration window first, after (start, id) of the cursor;
  // `open_on` set: only open notices whose window holds that day.
  virtual absl::StatusOr<std::vector<EnrolmentNotice>> ListNotices(
      const std::string& school_id, Date open_on, const std::optional<std::pair<Date, std::string>>& after,
      int limit) = 0;
  // Registrations of a notice for a child (same folded name and birth date).
  virtual absl::StatusOr<int> CountRegistrationsOf(const std::string& school_id, const std::string& notice_id,
                                                   const Applicant& applicant) = 0;

  // Cases of these schools escalated to `authority` ("authorities/{id}"),
  // newest escalation first.
  virtual absl::StatusOr<std::vector<Case>> ListEscalated(const std::string& authority,
                                                          const std::vector<std::string>& school_ids,
                                                          const std::optional<EscalationCursor>& after,
                                                          int limit) = 0;
};

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_COMPLAINTS_STORE_H_
