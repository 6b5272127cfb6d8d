// Proto ↔ domain conversions of the complaints service. Requests' dates are
// checked for real days here (a field error naming the field); everything
// else is checked by the domain.
#ifndef PARHUB_SERVICES_COMPLAINTS_RPC_CONVERT_H_
#define PARHUB_SERVICES_COMPLAINTS_RPC_CONVERT_H_

#include "absl/status/statusor.h"
#include "parhub/complaints/v1/complaints.pb.h"
#include "services/complaints/domain/case_desk.h"
#include "services/complaints/domain/complaints_summarizer.h"
#include "services/complaints/domain/public_desk.h"

namespace parhub::complaints {

// How much of a case a caller sees.
struct CaseView final {
  bool submitter = false;  // contact data; else cleared and submitter_redacted set
  Timeliness timeliness = Timeliness::kUnspecified;
  bool apology_required = false;
  int days_to_resolve = 0;
};

absl::StatusOr<Case> CaseFromProto(const v1::Case& proto);
v1::Case CaseToProto(const Case& c, const CaseView& view);
absl::StatusOr<Resolution> ResolutionFromProto(const v1::Resolution& proto);
absl::StatusOr<ApologyLetter> ApologyLetterFromProto(const v1::ApologyLetter& proto);
v1::CaseEvent EventToProto(const CaseEvent& e);
v1::PublicCaseView PublicViewToProto(const PublicView& view);
v1::ComplaintSummary SummaryToProto(const std::string& school_id, const ComplaintSummary& s);
v1::DeadlineAnswer DeadlinesToProto(const Deadlines& d);
absl::StatusOr<Submitter> SubmitterFromProto(const v1::Submitter& proto);
absl::StatusOr<Applicant> ApplicantFromProto(const v1::Applicant& proto);
absl::StatusOr<EnrolmentNotice> NoticeFromProto(const v1::EnrolmentNotice& proto);
v1::EnrolmentNotice NoticeToProto(const EnrolmentNotice& n);

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_RPC_CONVERT_H_
