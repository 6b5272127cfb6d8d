// The citizen's desk (see public_desk.h).
#include "services/complaints/domain/public_desk.h"

#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/errors.h"
#include "platform/core/feedback_code.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/complaints/domain/tracking.h"

namespace parhub::complaints {
namespace {

using ::parhub::platform::InvalidField;

constexpr char kPublicActor[] = "public";

bool CanRate(const Case& c) { return c.state == CaseState::kResolved && c.rating.score == 0; }
bool CanReopen(const Case& c) {
  return c.state == CaseState::kResolved &&
         (c.case_type == CaseType::kFeedback || c.case_type == CaseType::kProcedureFeedback);
}

}  // namespace

absl::Status UnknownTrackingCode() {
  return absl::NotFoundError(
      "Không tìm thấy vụ việc với mã theo dõi và mã bí mật này (no case with this tracking code and secret)");
}

absl::StatusOr<CreatedCase> PublicDesk::File(const std::string& school_id, PublicFiling filing) {
  if (filing.case_type == CaseType::kProcedureDossier) {
    return InvalidField(
        "case_type",
        "hồ sơ thủ tục hành chính nộp qua Cổng dịch vụ công, không nộp ở đây (dossiers go through the "
        "public-service portal)");
  }
  Case draft;
  draft.case_type = filing.case_type;
  draft.channel = Channel::kPublicPortal;
  draft.subject = std::move(filing.subject);
  draft.content = std::move(filing.content);
  draft.submitter = std::move(filing.submitter);
  draft.received_date = desk_.Today();
  draft.decision_date = filing.decision_date;
  draft.filing_delay_reason = std::move(filing.filing_delay_reason);
  absl::StatusOr<CreatedCase> created = desk_.Create(school_id, std::move(draft), kPublicActor);
  if (!created.ok()) {
    // The public request names fields without the "case." prefix.
    std::vector<platform::FieldViolation> v = platform::FieldViolations(created.status());
    if (!v.empty() && v[0].field.starts_with("case.")) {
      return InvalidField(v[0].field.substr(5), v[0].description);
    }
  }
  return created;
}

absl::StatusOr<Case> PublicDesk::Open(const std::string& code, const std::string& secret, Lock lock) {
  const std::string normal = CanonicalTrackingCode(code);
  const std::string offered = HashTrackingSecret(normal, secret);
  absl::StatusOr<Case> c = normal.empty() ? absl::NotFoundError("") : store_.FindByTrackingCode(normal, lock);
  if (absl::IsNotFound(c.status())) {
    // Same work as a wrong secret: compare against a hash that never matches.
    (void)platform::ConstantTimeEquals(offered, HashTrackingSecret(normal, "no-such-case"));
    return UnknownTrackingCode();
  }
  RETURN_IF_ERROR(c.status());
  if (!platform::ConstantTimeEquals(offered, c->tracking_secret_hash)) return UnknownTrackingCode();
  return c;
}

absl::StatusOr<PublicView> PublicDesk::ViewOf(Case c) {
  PublicView view;
  ASSIGN_OR_RETURN(view.timeliness, desk_.TimelinessOf(c));
  ASSIGN_OR_RETURN(view.public_events, store_.ListEvents(c.school_id, c.case_id, true, 0, 500));
  view.can_rate = CanRate(c);
  view.can_reopen = CanReopen(c);
  if (c.state == CaseState::kResolved) {
    view.feedback_code =
        platform::FeedbackCode(feedback_key_, platform::kFeedbackCaseResolved, c.school_id, c.tracking_code);
  }
  c.submitter = Submitter{};
  c.applicant = Applicant{};
  c.resolution.internal_summary.clear();
  c.assignee.clear();
  c.tracking_secret_hash.clear();
  view.record = std::move(c);
  return view;
}

absl::StatusOr<PublicView> PublicDesk::Track(const std::string& code, const std::string& secret) {
  ASSIGN_OR_RETURN(Case c, Open(code, secret, Lock::kNone));
  return ViewOf(std::move(c));
}

absl::StatusOr<PublicView> PublicDesk::Rate(const std::string& code, const std::string& secret, int score,
                                            const std::string& comment) {
  if (score < 1 || score > 5) return InvalidField("score", "điểm từ 1 đến 5 (1-5)");
  ASSIGN_OR_RETURN(std::string text,
                   platform::CleanText(comment, "comment", 1000, false, platform::TextLines::kMulti));
  Case rated;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(Case c, Open(code, secret, Lock::kForUpdate));
    if (!CanRate(c)) {
      return platform::WithReason(
          absl::FailedPreconditionError(
              c.rating.score != 0 ? "Vụ việc đã được đánh giá (already rated)"
                                  : "Chỉ đánh giá sau khi vụ việc đã được giải quyết (only once resolved)"),
          "CANNOT_RATE");
    }
    ASSIGN_OR_RETURN(rated, desk_.ChangeLoaded(std::move(c), {CaseState::kResolved}, "đánh giá",
                                               EventKind::kRated, Visibility::kPublic, kPublicActor,
                                               [&](Case& r) -> absl::StatusOr<std::string> {
                                                 r.rating = Rating{score, text, desk_.Now()};
                                                 return absl::StrCat("Người gửi đánh giá ", score, "/5");
                                               }));
    return absl::OkStatus();
  }));
  return ViewOf(std::move(rated));
}

absl::StatusOr<PublicView> PublicDesk::Reopen(const std::string& code, const std::string& secret,
                                              const std::string& reason) {
  ASSIGN_OR_RETURN(Case c, Open(code, secret, Lock::kNone));
  ASSIGN_OR_RETURN(Case reopened, desk_.Reopen(c.school_id, c.case_id, reason, kPublicActor));
  return ViewOf(std::move(reopened));
}

}  // namespace parhub::complaints
