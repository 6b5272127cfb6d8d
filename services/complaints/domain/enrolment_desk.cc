// Enrolment notices and online registrations (see enrolment_desk.h).
#include "services/complaints/domain/enrolment_desk.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::complaints {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

constexpr int kMaxDocuments = 30;

std::string F(absl::string_view name) { return absl::StrCat("enrolment_notice.", name); }

// "2026-2027": two consecutive years.
bool IsSchoolYear(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, '-');
  int first = 0, second = 0;
  return parts.size() == 2 && parts[0].size() == 4 && parts[1].size() == 4 &&
         absl::SimpleAtoi(parts[0], &first) && absl::SimpleAtoi(parts[1], &second) && second == first + 1 &&
         first >= 2000 && first < 2100;
}

}  // namespace

absl::StatusOr<EnrolmentNotice> EnrolmentDesk::Publish(const std::string& school_id,
                                                       const std::string& notice_id, EnrolmentNotice n) {
  n.school_id = school_id;
  n.notice_id = notice_id.empty() ? absl::StrCat("ts-", platform::RandomHex(4)) : notice_id;
  RETURN_IF_ERROR(platform::ValidateId(n.notice_id, "enrolment_notice_id"));
  if (!IsSchoolYear(n.school_year)) {
    return InvalidField(F("school_year"), "năm học dạng 2026-2027 (expected e.g. 2026-2027)");
  }
  ASSIGN_OR_RETURN(n.intake, CleanText(n.intake, F("intake"), 200, true, TextLines::kSingle));
  if (n.places < 1 || n.places > 100000)
    return InvalidField(F("places"), "chỉ tiêu từ 1 đến 100000 (1-100000)");
  if (!n.registration_start.IsSet() || !n.registration_end.IsSet()) {
    return InvalidField(n.registration_start.IsSet() ? F("registration_end") : F("registration_start"),
                        "phải có thời gian đăng ký (required)");
  }
  if (n.registration_end < n.registration_start) {
    return InvalidField(F("registration_end"), "trước ngày bắt đầu (before the start)");
  }
  if (platform::DaysBetween(n.registration_start, n.registration_end) > 366) {
    return InvalidField(F("registration_end"), "thời gian đăng ký tối đa một năm (at most a year)");
  }
  if (n.processing_days < 1 || n.processing_days > 60) {
    return InvalidField(F("processing_days"),
                        "thời hạn trả lời từ 1 đến 60 ngày làm việc (1-60 working days)");
  }
  if (n.documents_required.size() > static_cast<size_t>(kMaxDocuments)) {
    return InvalidField(F("documents_required"),
                        absl::StrCat("tối đa ", kMaxDocuments, " loại giấy tờ (too many)"));
  }
  for (std::string& document : n.documents_required) {
    ASSIGN_OR_RETURN(document, CleanText(document, F("documents_required"), 300, true, TextLines::kSingle));
  }
  ASSIGN_OR_RETURN(n.details, CleanText(n.details, F("details"), 10000, false, TextLines::kMulti));
  ASSIGN_OR_RETURN(n.legal_basis, CleanText(n.legal_basis, F("legal_basis"), 500, false, TextLines::kSingle));
  n.state = NoticeState::kOpen;
  n.closing_reason.clear();
  n.create_time = desk_.Now();
  absl::Status inserted = store_.InsertNotice(n);
  if (absl::IsAlreadyExists(inserted)) {
    return absl::AlreadyExistsError(
        absl::StrCat("Thông báo tuyển sinh '", n.notice_id, "' đã có (notice exists)"));
  }
  RETURN_IF_ERROR(inserted);
  return n;
}

absl::StatusOr<EnrolmentNotice> EnrolmentDesk::Get(const std::string& school_id,
                                                   const std::string& notice_id) {
  return store_.GetNotice(school_id, notice_id, Lock::kNone);
}

absl::StatusOr<platform::Page<EnrolmentNotice>> EnrolmentDesk::List(const std::string& school_id,
                                                                    bool open_only, int page_size,
                                                                    absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 20, 100));
  std::optional<std::pair<Date, std::string>> after;
  if (!page.after.empty()) {
    size_t slash = page.after.find('/');
    if (slash == std::string::npos) return platform::InvalidPageToken();
    absl::StatusOr<Date> start = platform::ParseDate(page.after.substr(0, slash), "page_token");
    if (!start.ok()) return platform::InvalidPageToken();
    after = std::make_pair(*start, page.after.substr(slash + 1));
  }
  ASSIGN_OR_RETURN(auto rows, store_.ListNotices(school_id, open_only ? desk_.Today() : Date{}, after,
                                                 page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, [](const EnrolmentNotice& n) {
    return absl::StrCat(n.registration_start.ToIso(), "/", n.notice_id);
  });
}

absl::StatusOr<EnrolmentNotice> EnrolmentDesk::Close(const std::string& school_id,
                                                     const std::string& notice_id,
                                                     const std::string& reason) {
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 2000, true, TextLines::kMulti));
  EnrolmentNotice notice;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(notice, store_.GetNotice(school_id, notice_id, Lock::kForUpdate));
    if (notice.state != NoticeState::kOpen) {
      return absl::FailedPreconditionError("Thông báo tuyển sinh đã đóng (notice already closed)");
    }
    notice.state = NoticeState::kClosed;
    notice.closing_reason = why;
    return store_.UpdateNotice(notice);
  }));
  return notice;
}

absl::StatusOr<CreatedCase> EnrolmentDesk::Register(const std::string& school_id,
                                                    const std::string& notice_id, Registration r) {
  const Date today = desk_.Today();
  ASSIGN_OR_RETURN(r.applicant.full_name,
                   CleanText(r.applicant.full_name, "applicant.full_name", 200, true, TextLines::kSingle));
  if (!r.applicant.birth_date.IsSet() || !(r.applicant.birth_date < today)) {
    return InvalidField("applicant.birth_date",
                        "phải có ngày sinh của trẻ, trước hôm nay (required, in the past)");
  }
  ASSIGN_OR_RETURN(
      r.applicant.current_school,
      CleanText(r.applicant.current_school, "applicant.current_school", 200, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(r.note, CleanText(r.note, "note", 2000, false, TextLines::kMulti));
  if (r.guardian.anonymous) {
    return InvalidField("guardian.anonymous", "đăng ký tuyển sinh không ẩn danh (not anonymous)");
  }
  if (r.guardian.address.empty()) {
    return InvalidField("guardian.address",
                        "phải có địa chỉ của cha mẹ hoặc người giám hộ (the address is required)");
  }
  CreatedCase created;
  // The notice is locked while the duplicate check and the dossier are
  // written, so a closing or a concurrent registration of the same child
  // waits for this one.
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(EnrolmentNotice notice, store_.GetNotice(school_id, notice_id, Lock::kForUpdate));
    if (notice.state != NoticeState::kOpen || today < notice.registration_start ||
        notice.registration_end < today) {
      return platform::WithReason(
          absl::FailedPreconditionError(
              absl::StrCat("Ngoài thời gian đăng ký tuyển sinh (", notice.registration_start.ToVietnamese(),
                           " – ", notice.registration_end.ToVietnamese(),
                           notice.state == NoticeState::kOpen ? "" : ", thông báo đã đóng",
                           ") (registration is not open)")),
          "REGISTRATION_CLOSED");
    }
    ASSIGN_OR_RETURN(int already, store_.CountRegistrationsOf(school_id, notice_id, r.applicant));
    if (already > 0) {
      return absl::AlreadyExistsError(
          "Trẻ này đã có hồ sơ đăng ký theo thông báo này; theo dõi hồ sơ bằng mã đã nhận (already "
          "registered)");
    }
    Case draft;
    draft.case_type = CaseType::kProcedureDossier;
    draft.channel = Channel::kPublicPortal;
    draft.subject = absl::StrCat("Đăng ký tuyển sinh ", notice.intake, " năm học ", notice.school_year);
    draft.content = r.note.empty() ? "Đăng ký tuyển sinh trực tuyến." : r.note;
    draft.submitter = r.guardian;
    draft.procedure_time_limit_days = notice.processing_days;
    draft.received_date = today;
    draft.enrolment_notice_id = notice_id;
    draft.applicant = r.applicant;
    absl::StatusOr<CreatedCase> made = desk_.Create(school_id, std::move(draft), "public");
    if (!made.ok()) {
      std::vector<platform::FieldViolation> v = platform::FieldViolations(made.status());
      if (!v.empty() && v[0].field.starts_with("case.submitter.")) {
        return InvalidField(absl::StrCat("guardian.", v[0].field.substr(15)), v[0].description);
      }
      return made.status();
    }
    created = *std::move(made);
    return absl::OkStatus();
  }));
  return created;
}

}  // namespace parhub::complaints
