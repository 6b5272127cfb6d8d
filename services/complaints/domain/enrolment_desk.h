// EnrolmentDesk: a school's enrolment (tuyển sinh, task 1.5): it publishes
// notices — intake, places, registration window, documents required, how
// many working days it takes to answer — and parents register online
// through the public API. Each registration is a procedure dossier under
// the notice's time limit (so it is answered, late-flagged and apologised
// for like any dossier), carrying the child as personal data.
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_ENROLMENT_DESK_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_ENROLMENT_DESK_H_

#include <string>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/complaints/domain/case_desk.h"

namespace parhub::complaints {

struct Registration final {
  Submitter guardian;
  Applicant applicant;
  std::string note;
};

class EnrolmentDesk final {
 public:
  EnrolmentDesk(ComplaintsStore& store, CaseDesk& desk) : store_(store), desk_(desk) {}

  // `notice_id` "" picks a random one. Field errors name
  // "enrolment_notice.<field>".
  absl::StatusOr<EnrolmentNotice> Publish(const std::string& school_id, const std::string& notice_id,
                                          EnrolmentNotice draft);
  absl::StatusOr<EnrolmentNotice> Get(const std::string& school_id, const std::string& notice_id);
  // Newest window first; `open_only`: open today. Default 20, max 100.
  absl::StatusOr<platform::Page<EnrolmentNotice>> List(const std::string& school_id, bool open_only,
                                                       int page_size, absl::string_view page_token);
  absl::StatusOr<EnrolmentNotice> Close(const std::string& school_id, const std::string& notice_id,
                                        const std::string& reason);
  // A registration received today: FAILED_PRECONDITION outside the window
  // or on a closed notice, ALREADY_EXISTS for a child already registered.
  absl::StatusOr<CreatedCase> Register(const std::string& school_id, const std::string& notice_id,
                                       Registration registration);

 private:
  ComplaintsStore& store_;
  CaseDesk& desk_;
};

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_ENROLMENT_DESK_H_
