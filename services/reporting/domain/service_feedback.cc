// The short satisfaction survey after a service (see service_feedback.h).
#include "services/reporting/domain/service_feedback.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/feedback_code.h"
#include "platform/core/resource_name.h"
#include "platform/core/secret_code.h"
#include "platform/core/status_macros.h"
#include "services/reporting/domain/access.h"

namespace parhub::reporting {
namespace {

namespace cpb = ::parhub::common::v1;

constexpr int kMaxSubjectBytes = 200;

// The touchpoint as it enters the code's MAC; "" when not one.
const char* TouchpointLabel(FeedbackTouchpoint t) {
  switch (t) {
    case cpb::FEEDBACK_TOUCHPOINT_CASE_RESOLVED:
      return platform::kFeedbackCaseResolved;
    case cpb::FEEDBACK_TOUCHPOINT_PAYMENT_RECEIPTED:
      return platform::kFeedbackPaymentReceipted;
    default:
      return "";
  }
}

v1::ServiceFeedbackForm MakeForm() {
  v1::ServiceFeedbackForm form;
  auto add = [&](const char* code, const char* text) {
    v1::ServiceFeedbackQuestion* q = form.add_questions();
    q->set_code(code);
    q->set_text(text);
  };
  add("overall", "Nhìn chung, ông/bà hài lòng thế nào với việc nhà trường giải quyết lần này?");
  add("timeliness", "Thời gian giải quyết (hoặc thu, xác nhận khoản nộp) có nhanh, đúng hẹn không?");
  add("guidance", "Cán bộ, giáo viên hướng dẫn có rõ ràng, thái độ có đúng mực không?");
  for (const char* label :
       {"Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"}) {
    form.add_scale_labels(label);
  }
  return form;
}

}  // namespace

ServiceFeedbackDesk::ServiceFeedbackDesk(ServiceFeedbackStore& store, const std::string& code_key,
                                         std::function<absl::Time()> clock)
    : store_(store),
      code_key_(code_key),
      signer_(std::make_unique<platform::HmacSha256Signer>(code_key)),
      clock_(std::move(clock)) {}

const v1::ServiceFeedbackForm& ServiceFeedbackDesk::Form() {
  static const auto* const kForm = new v1::ServiceFeedbackForm(MakeForm());
  return *kForm;
}

std::string ServiceFeedbackDesk::KeyedDigest(absl::string_view purpose, absl::string_view data) const {
  return absl::BytesToHexString(signer_->Mac(absl::StrCat(purpose, "\n", data)));
}

absl::StatusOr<std::string> ServiceFeedbackDesk::Check(const FeedbackInvitation& invitation,
                                                       const std::vector<int>& scores) const {
  const std::string touchpoint = TouchpointLabel(invitation.touchpoint());
  if (touchpoint.empty()) {
    return platform::InvalidField(
        "invitation.touchpoint",
        "phải là CASE_RESOLVED hoặc PAYMENT_RECEIPTED (where the survey was offered)");
  }
  ASSIGN_OR_RETURN(auto school,
                   platform::ParseName("schools/{school}", invitation.school(), "invitation.school"));
  if (invitation.subject().empty() || invitation.subject().size() > kMaxSubjectBytes) {
    return platform::InvalidField("invitation.subject",
                                  absl::StrCat("bắt buộc, tối đa ", kMaxSubjectBytes, " ký tự"));
  }
  if (invitation.code().empty()) return platform::InvalidField("invitation.code", "bắt buộc");
  const int questions = Form().questions_size();
  if (static_cast<int>(scores.size()) != questions) {
    return platform::InvalidField(
        "scores",
        absl::StrCat("cần đúng ", questions, " điểm, mỗi câu hỏi một điểm (got ", scores.size(), ")"));
  }
  for (size_t i = 0; i < scores.size(); ++i) {
    if (scores[i] < 1 || scores[i] > 5) {
      return platform::InvalidField(absl::StrCat("scores[", i, "]"), "điểm từ 1 đến 5");
    }
  }
  if (!platform::FeedbackCodeMatches(code_key_, touchpoint, school[0], invitation.subject(),
                                     invitation.code())) {
    return absl::NotFoundError(
        "Không tìm thấy lời mời khảo sát này; kiểm tra lại mã in trên biên lai hoặc phiếu theo dõi hồ sơ "
        "(unknown feedback invitation)");
  }
  return school[0];
}

absl::StatusOr<std::string> ServiceFeedbackDesk::Submit(const Caller& caller,
                                                        const FeedbackInvitation& invitation,
                                                        const std::vector<int>& scores) {
  RETURN_IF_ERROR(RequireServiceCaller(caller));
  ASSIGN_OR_RETURN(std::string school_id, Check(invitation, scores));
  const absl::Time now = clock_();
  FeedbackAnswer answer{.school_id = school_id,
                        .touchpoint = invitation.touchpoint(),
                        .code_hash = KeyedDigest("parhub.reporting.feedback-code.v1",
                                                 absl::StrCat(TouchpointLabel(invitation.touchpoint()), "\n",
                                                              platform::NormalizeCode(invitation.code()))),
                        .answer_date = platform::LocalDate(now),
                        .scores = scores,
                        .create_time = now};
  ASSIGN_OR_RETURN(bool stored, store_.InsertAnswer(answer));
  if (!stored) {
    return platform::WithReason(
        absl::AlreadyExistsError("Lời mời khảo sát này đã được trả lời; mỗi lời mời chỉ trả lời một lần"),
        "FEEDBACK_ALREADY_GIVEN");
  }
  return std::string("Cảm ơn ông/bà đã góp ý. Ý kiến được ghi nhận ẩn danh để nhà trường cải thiện.");
}

absl::StatusOr<v1::ServiceFeedbackResults> ServiceFeedbackDesk::Results(const Caller& caller,
                                                                        const std::string& school_id,
                                                                        int year) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, "kết quả khảo sát"));
  if (year < 2000 || year > 2100) return platform::InvalidField("year", "năm phải trong khoảng 2000..2100");
  const int questions = Form().questions_size();
  ASSIGN_OR_RETURN(std::vector<FeedbackMonthSums> sums, store_.MonthSums(school_id, year, questions));
  v1::ServiceFeedbackResults out;
  out.set_school(absl::StrCat("schools/", school_id));
  out.set_year(year);
  *out.mutable_questions() = Form().questions();
  for (const FeedbackMonthSums& s : sums) {
    if (s.responses <= 0) continue;
    v1::ServiceFeedbackMonth* month = out.add_months();
    month->set_month(s.month);
    month->set_touchpoint(s.touchpoint);
    month->set_responses(s.responses);
    for (int64_t sum : s.score_sums) month->add_question_means(static_cast<double>(sum) / s.responses);
    month->set_satisfied_share(100.0 * s.satisfied / s.responses);
  }
  return out;
}

absl::StatusOr<std::vector<FeedbackFigures>> ServiceFeedbackDesk::FiguresOf(
    const std::vector<std::string>& school_ids, platform::Date start, platform::Date end) {
  ASSIGN_OR_RETURN(auto figures, store_.FiguresOf(school_ids, start, end));
  std::vector<FeedbackFigures> out;
  out.reserve(school_ids.size());
  for (const std::string& school : school_ids) {
    auto it = figures.find(school);
    out.push_back(it == figures.end() ? FeedbackFigures{} : it->second);
  }
  return out;
}

}  // namespace parhub::reporting
