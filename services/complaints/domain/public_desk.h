// PublicDesk: what a citizen does without an account, through the
// gateway's public API: file a case, follow it with its tracking code and
// secret, rate the handling once it is resolved, reopen a resolved feedback
// case. The public view never holds personal data or internal notes. An
// unknown code and a wrong secret answer the same NOT_FOUND, after the same
// work, so neither reveals whether a code exists.
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_PUBLIC_DESK_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_PUBLIC_DESK_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/complaints/domain/case_desk.h"

namespace parhub::complaints {

// What the public may see of a case.
struct PublicView final {
  Case record;  // submitter, internal summary, assignee cleared
  Timeliness timeliness = Timeliness::kUnspecified;
  std::vector<CaseEvent> public_events;
  bool can_rate = false;
  bool can_reopen = false;
  // Once resolved: the short satisfaction survey's code for this case
  // (platform/core/feedback_code.h; subject = the tracking code).
  std::string feedback_code;
};

struct PublicFiling final {
  CaseType case_type = CaseType::kUnspecified;
  std::string subject;
  std::string content;
  Submitter submitter;
  Date decision_date;
  std::string filing_delay_reason;
};

class PublicDesk final {
 public:
  // `feedback_key`: the short survey's code key (derived from the identity
  // key, platform::kFeedbackKeyLabel), the same in reporting.
  PublicDesk(ComplaintsStore& store, CaseDesk& desk, std::string feedback_key)
      : store_(store), desk_(desk), feedback_key_(std::move(feedback_key)) {}

  // Files a case received today through the public portal. Dossiers are
  // not filed here (they go through the public-service portal).
  absl::StatusOr<CreatedCase> File(const std::string& school_id, PublicFiling filing);
  absl::StatusOr<PublicView> Track(const std::string& code, const std::string& secret);
  // Once, after resolution; score 1-5, comment up to 1,000 characters.
  absl::StatusOr<PublicView> Rate(const std::string& code, const std::string& secret, int score,
                                  const std::string& comment);
  absl::StatusOr<PublicView> Reopen(const std::string& code, const std::string& secret,
                                    const std::string& reason);

 private:
  // The case the code and secret open, or NOT_FOUND.
  absl::StatusOr<Case> Open(const std::string& code, const std::string& secret, Lock lock);
  absl::StatusOr<PublicView> ViewOf(Case c);

  ComplaintsStore& store_;
  CaseDesk& desk_;
  std::string feedback_key_;
};

// NOT_FOUND for an unknown code or a wrong secret (one message for both).
absl::Status UnknownTrackingCode();

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_PUBLIC_DESK_H_
