// Small helpers of the complaints vocabulary (see model.h).
#include "services/complaints/domain/model.h"

#include "absl/strings/str_cat.h"

namespace parhub::complaints {

absl::Time NowMicros(const Clock& clock) { return absl::FromUnixMicros(absl::ToUnixMicros(clock())); }

bool IsOpen(CaseState state) {
  return state == CaseState::kReceived || state == CaseState::kAccepted || state == CaseState::kInProgress;
}

std::string CaseTypeLabel(CaseType type) {
  switch (type) {
    case CaseType::kFeedback:
      return "Phản ánh, kiến nghị";
    case CaseType::kProcedureFeedback:
      return "Phản ánh, kiến nghị về thủ tục hành chính";
    case CaseType::kComplaint:
      return "Khiếu nại";
    case CaseType::kDenunciation:
      return "Tố cáo";
    case CaseType::kProcedureDossier:
      return "Hồ sơ thủ tục hành chính";
    case CaseType::kUnspecified:
      break;
  }
  return "Không rõ loại";
}

std::string CaseName(const std::string& school_id, const std::string& case_id) {
  return absl::StrCat("schools/", school_id, "/cases/", case_id);
}

}  // namespace parhub::complaints
