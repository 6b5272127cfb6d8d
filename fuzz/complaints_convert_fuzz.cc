// The complaints service's requests as its adapter reads them before any
// store (services/complaints/rpc/convert.h): case drafts, resolutions,
// apology letters, the citizen's submitter and decision date of a public
// filing, enrolment notices and the guardian and applicant of an
// enrolment registration. The first byte of each record picks the request
// message. Properties (convert_fuzz.h): a field error or a value; cases
// and enrolment notices convert back to the same proto.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/convert_fuzz.h"
#include "platform/rpc/proto_values.h"
#include "services/complaints/rpc/convert.h"

namespace parhub::complaints {
namespace {

using fuzz::CheckRoundTrip;
using fuzz::Converted;
using fuzz::ParsePayload;

constexpr int kOps = 6;

v1::Case CaseProto(const Case& c) {
  CaseView view;
  view.submitter = true;
  return CaseToProto(c, view);
}

void Run(int op, std::string_view bytes) {
  switch (op) {
    case 0: {
      v1::CreateCaseRequest r;
      if (ParsePayload(bytes, r)) CheckRoundTrip(r.case_(), CaseFromProto, CaseProto);
      break;
    }
    case 1: {
      v1::ResolveCaseRequest r;
      if (ParsePayload(bytes, r)) Converted(ResolutionFromProto(r.resolution()));
      break;
    }
    case 2: {
      v1::RecordApologyLetterRequest r;
      if (ParsePayload(bytes, r)) Converted(ApologyLetterFromProto(r.letter()));
      break;
    }
    case 3: {
      v1::FilePublicCaseRequest r;
      if (!ParsePayload(bytes, r)) return;
      Converted(SubmitterFromProto(r.submitter()));
      Converted(platform::DateFromProto(r.decision_date(), "decision_date"));
      break;
    }
    case 4: {
      v1::CreateEnrolmentNoticeRequest r;
      if (ParsePayload(bytes, r)) CheckRoundTrip(r.enrolment_notice(), NoticeFromProto, NoticeToProto);
      break;
    }
    default: {
      v1::RegisterForEnrolmentRequest r;
      if (!ParsePayload(bytes, r)) return;
      Converted(SubmitterFromProto(r.guardian()));
      Converted(ApplicantFromProto(r.applicant()));
      break;
    }
  }
}

std::vector<std::string> Seeds() {
  using fuzz::Record;
  v1::CreateCaseRequest create;
  create.set_parent("schools/a");
  v1::Case* c = create.mutable_case_();
  c->set_case_type(v1::CASE_TYPE_FEEDBACK);
  c->set_channel(v1::CHANNEL_IN_PERSON);
  c->set_subject("Phản ánh về giờ đón trẻ");
  c->set_content("Cổng trường mở muộn 15 phút.");
  c->mutable_submitter()->set_full_name("Võ Thị Mai");
  c->mutable_submitter()->set_phone("0903123456");
  *c->mutable_received_date() = platform::DateToProto(platform::Date{2026, 6, 10});
  v1::FilePublicCaseRequest filing;
  filing.set_school("schools/a");
  filing.set_subject("Khiếu nại học phí");
  filing.mutable_submitter()->set_full_name("Đặng Văn Hùng");
  filing.mutable_submitter()->set_email("hung@example.vn");
  v1::CreateEnrolmentNoticeRequest notice;
  notice.set_parent("schools/a");
  notice.mutable_enrolment_notice()->set_school_year("2026-2027");
  notice.mutable_enrolment_notice()->set_intake("Lớp Mầm");
  notice.mutable_enrolment_notice()->set_places(60);
  *notice.mutable_enrolment_notice()->mutable_registration_start() =
      platform::DateToProto(platform::Date{2026, 7, 1});
  *notice.mutable_enrolment_notice()->mutable_registration_end() =
      platform::DateToProto(platform::Date{2026, 7, 15});
  v1::ResolveCaseRequest resolve;
  resolve.set_name("schools/a/cases/c1");
  resolve.mutable_resolution()->set_public_summary("Đã điều chỉnh giờ mở cổng.");
  const std::string head(1, '\0');
  return {head + Record(0, create) + Record(1, resolve), head + Record(3, filing) + Record(4, notice)};
}

}  // namespace
}  // namespace parhub::complaints

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  parhub::fuzz::StartTarget(parhub::complaints::Seeds());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  parhub::fuzz::RecordReader reader(data, size);
  reader.Selector();
  uint8_t op = 0;
  std::string_view payload;
  for (int n = 0; n < 8 && reader.Next(op, payload); ++n) {
    parhub::complaints::Run(op % parhub::complaints::kOps, payload);
  }
  return 0;
}
