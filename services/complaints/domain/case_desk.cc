// A school's handling of its cases (see case_desk.h).
#include "services/complaints/domain/case_desk.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/email.h"
#include "platform/core/errors.h"
#include "platform/core/phone.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/complaints/domain/tracking.h"

namespace parhub::complaints {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

constexpr int kSecondRoundWindowDays = 30;  // Luật Khiếu nại 2011, Điều 33 khoản 1

std::string F(absl::string_view name) { return absl::StrCat("case.", name); }

bool IsFeedbackType(CaseType type) {
  return type == CaseType::kFeedback || type == CaseType::kProcedureFeedback;
}

absl::Status WrongState(const Case& c, absl::string_view action) {
  return platform::WithReason(
      absl::FailedPreconditionError(absl::StrCat("Không thể ", action, " vụ việc đang ở trạng thái \"",
                                                 CaseStateWords(c.state), "\" (not allowed in this state)")),
      "CASE_STATE");
}

absl::StatusOr<Submitter> CleanSubmitter(Submitter s, CaseType type) {
  ASSIGN_OR_RETURN(s.full_name,
                   CleanText(s.full_name, F("submitter.full_name"), 200, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(s.phone, CleanText(s.phone, F("submitter.phone"), 30, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(s.email, CleanText(s.email, F("submitter.email"), 254, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(s.address, CleanText(s.address, F("submitter.address"), 500, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(s.id_number,
                   CleanText(s.id_number, F("submitter.id_number"), 20, false, TextLines::kSingle));
  if (s.anonymous) {
    if (!IsFeedbackType(type)) {
      return InvalidField(
          F("submitter.anonymous"),
          "chỉ phản ánh, kiến nghị được gửi ẩn danh; khiếu nại, tố cáo phải ghi họ tên, địa chỉ "
          "(only feedback may be anonymous)");
    }
    return Submitter{.anonymous = true};  // nothing identifying is kept
  }
  if (s.full_name.empty()) {
    return InvalidField(F("submitter.full_name"), "phải có họ tên người gửi (the filer's name is required)");
  }
  if (!s.phone.empty()) RETURN_IF_ERROR(platform::ValidatePhone(s.phone, F("submitter.phone")));
  if (!s.email.empty()) RETURN_IF_ERROR(platform::ValidateEmail(s.email, F("submitter.email")));
  const bool needs_address = type == CaseType::kComplaint || type == CaseType::kDenunciation;
  if (needs_address && s.address.empty()) {
    return InvalidField(
        F("submitter.address"),
        "đơn khiếu nại, tố cáo phải ghi địa chỉ người gửi (Luật Khiếu nại 2011 Điều 8; Luật Tố cáo "
        "2018 Điều 23) (the address is required)");
  }
  if (s.phone.empty() && s.email.empty() && s.address.empty()) {
    return InvalidField(
        F("submitter.phone"),
        "cần ít nhất một cách liên hệ: điện thoại, thư điện tử hoặc địa chỉ (a way to reach the filer "
        "is required)");
  }
  if (!s.id_number.empty()) {
    const bool digits = s.id_number.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || (s.id_number.size() != 9 && s.id_number.size() != 12)) {
      return InvalidField(F("submitter.id_number"),
                          "số CMND/CCCD gồm 9 hoặc 12 chữ số; có thể bỏ trống (9 or 12 digits, optional)");
    }
  }
  return s;
}

absl::Status CheckOutcome(CaseType type, Outcome outcome) {
  if (static_cast<int>(outcome) <= 0 || static_cast<int>(outcome) > static_cast<int>(kLastOutcome)) {
    return InvalidField("resolution.outcome", "phải chọn kết quả giải quyết (outcome is required)");
  }
  const bool dossier_outcome = outcome == Outcome::kGranted || outcome == Outcome::kRefused;
  if ((type == CaseType::kProcedureDossier) != dossier_outcome) {
    return InvalidField("resolution.outcome",
                        type == CaseType::kProcedureDossier
                            ? "hồ sơ thủ tục chỉ có kết quả giải quyết hoặc từ chối (granted or refused)"
                            : "kết quả giải quyết/từ chối chỉ dùng cho hồ sơ thủ tục (dossiers only)");
  }
  if ((type == CaseType::kComplaint || type == CaseType::kDenunciation) && outcome == Outcome::kAnswered) {
    return InvalidField(
        "resolution.outcome",
        "khiếu nại, tố cáo phải kết luận đúng, đúng một phần hoặc sai (upheld, partly or not)");
  }
  return absl::OkStatus();
}

std::string EncodeCursor(const Case& c) {
  return c.current_due_date.IsSet() ? absl::StrCat("o/", c.current_due_date.ToIso(), "/", c.case_id)
                                    : absl::StrCat("c//", c.case_id);
}

absl::StatusOr<CaseCursor> DecodeCursor(const std::string& key) {
  std::vector<std::string> parts = absl::StrSplit(key, absl::MaxSplits('/', 2));
  if (parts.size() != 3 || (parts[0] != "o" && parts[0] != "c") || parts[2].empty()) {
    return platform::InvalidPageToken();
  }
  CaseCursor cursor{parts[0] == "c", Date{}, parts[2]};
  if (!cursor.closed) {
    absl::StatusOr<Date> due = platform::ParseDate(parts[1], "page_token");
    if (!due.ok()) return platform::InvalidPageToken();
    cursor.due = *due;
  }
  return cursor;
}

}  // namespace

std::string CaseStateWords(CaseState state) {
  switch (state) {
    case CaseState::kReceived:
      return "Đã tiếp nhận, chờ thụ lý";
    case CaseState::kAccepted:
      return "Đã thụ lý";
    case CaseState::kInProgress:
      return "Đang giải quyết";
    case CaseState::kResolved:
      return "Đã giải quyết";
    case CaseState::kNotAccepted:
      return "Không thụ lý";
    case CaseState::kEscalated:
      return "Đã chuyển giải quyết lần hai";
    case CaseState::kWithdrawn:
      return "Đã rút";
    case CaseState::kUnspecified:
      break;
  }
  return "Không rõ";
}

Date CaseDesk::Today() const { return platform::LocalDate(clock_()); }

absl::StatusOr<Timeliness> CaseDesk::TimelinessOf(const Case& c) const { return rules_.Classify(c, Today()); }

absl::StatusOr<bool> CaseDesk::ApologyRequired(const Case& c) const {
  if (!IsOpen(c.state) || !c.apology_letters.empty()) return false;
  ASSIGN_OR_RETURN(AppliedPolicy applied, rules_.PolicyFor(c.case_type, c.complaint_round, c.received_date));
  return applied.policy->apology_required_when_late && c.resolution_due_date < Today();
}

absl::Status CaseDesk::Derive(Case& c) const {
  c.current_due_date = DeadlineRules::CurrentDueDate(c);
  c.final_timeliness = Timeliness::kUnspecified;
  if (c.state == CaseState::kResolved ||
      (c.state == CaseState::kEscalated && c.resolution.resolved_date.IsSet())) {
    ASSIGN_OR_RETURN(c.final_timeliness, rules_.Classify(c, Today()));
  }
  return absl::OkStatus();
}

absl::StatusOr<Case> CaseDesk::Intake(const std::string& school_id, Case c) {
  c.school_id = school_id;
  if (static_cast<int>(c.case_type) <= 0 || static_cast<int>(c.case_type) > static_cast<int>(kLastCaseType)) {
    return InvalidField(F("case_type"), "phải chọn loại vụ việc (case type is required)");
  }
  if (static_cast<int>(c.channel) <= 0 || static_cast<int>(c.channel) > static_cast<int>(kLastChannel)) {
    return InvalidField(F("channel"), "phải chọn kênh tiếp nhận (channel is required)");
  }
  ASSIGN_OR_RETURN(c.subject, CleanText(c.subject, F("subject"), 200, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(c.content, CleanText(c.content, F("content"), 10000, true, TextLines::kMulti));
  ASSIGN_OR_RETURN(c.submitter, CleanSubmitter(std::move(c.submitter), c.case_type));
  if (c.case_type == CaseType::kComplaint && c.complaint_round == 0) c.complaint_round = 1;
  if (c.complexity == Complexity::kUnspecified) c.complexity = Complexity::kOrdinary;
  if (static_cast<int>(c.complexity) < 0 ||
      static_cast<int>(c.complexity) > static_cast<int>(kLastComplexity)) {
    return InvalidField(F("complexity"), "mức độ phức tạp không hợp lệ (unknown complexity)");
  }
  ASSIGN_OR_RETURN(c.procedure_code,
                   CleanText(c.procedure_code, F("procedure_code"), 40, false, TextLines::kSingle));
  if (c.case_type != CaseType::kProcedureDossier) {
    if (!c.procedure_code.empty() || c.procedure_time_limit_days != 0) {
      return InvalidField(F("procedure_code"), "chỉ hồ sơ thủ tục có mã thủ tục và thời hạn (dossiers only)");
    }
  }
  if (!c.received_date.IsSet()) return InvalidField(F("received_date"), "phải có ngày nhận (required)");
  if (c.received_date > Today()) {
    return InvalidField(F("received_date"), "ngày nhận sau hôm nay (in the future)");
  }
  if (c.case_type != CaseType::kComplaint) c.decision_date = Date{};
  ASSIGN_OR_RETURN(Deadlines d, rules_.Compute({.case_type = c.case_type,
                                                .complaint_round = c.complaint_round,
                                                .complexity = c.complexity,
                                                .procedure_time_limit_days = c.procedure_time_limit_days,
                                                .received_date = c.received_date,
                                                .accepted_date = {},
                                                .decision_date = c.decision_date},
                                               "case."));
  ASSIGN_OR_RETURN(c.filing_delay_reason, CleanText(c.filing_delay_reason, F("filing_delay_reason"), 2000,
                                                    false, TextLines::kMulti));
  if (d.filing_due_date.IsSet() && c.received_date > d.filing_due_date && c.filing_delay_reason.empty()) {
    return platform::WithReason(
        absl::FailedPreconditionError(absl::StrCat(
            "Đơn nhận ngày ", c.received_date.ToVietnamese(), " đã quá thời hiệu (hết ngày ",
            d.filing_due_date.ToVietnamese(), ", ", d.applied.policy->filing_limit_basis,
            "). Nếu người khiếu nại có trở ngại khách quan (ốm đau, thiên tai, đi xa…), ghi lý do vào "
            "filing_delay_reason; nếu không, không thụ lý (past the filing limit)")),
        "FILING_LIMIT_PASSED");
  }
  c.deadline_policy = d.applied.Reference();
  c.acceptance_due_date = d.acceptance_due_date;
  c.resolution_due_date = d.resolution_due_date;
  c.deadline_estimated = d.estimated;
  if (d.applied.policy->acceptance_days > 0) {
    c.state = CaseState::kReceived;
    c.accepted_date = Date{};
  } else {
    c.state = CaseState::kAccepted;
    c.accepted_date = c.received_date;
  }
  return c;
}

absl::StatusOr<CreatedCase> CaseDesk::Create(const std::string& school_id, Case draft,
                                             const std::string& actor) {
  ASSIGN_OR_RETURN(Case c, Intake(school_id, std::move(draft)));
  RETURN_IF_ERROR(Derive(c));
  CreatedCase created;
  created.tracking_secret = NewTrackingSecret();
  c.create_time = c.update_time = NowMicros(clock_);
  for (int attempt = 0;; ++attempt) {
    c.case_id = absl::StrCat("hs-", platform::RandomHex(5));
    c.tracking_code = NewTrackingCode(school_id);
    c.tracking_secret_hash = HashTrackingSecret(c.tracking_code, created.tracking_secret);
    absl::Status written = store_.Atomically([&]() -> absl::Status {
      RETURN_IF_ERROR(store_.InsertCase(c));
      return store_
          .AppendEvent({.school_id = c.school_id,
                        .case_id = c.case_id,
                        .kind = EventKind::kReceived,
                        .visibility = Visibility::kPublic,
                        .actor = actor,
                        .to_state = c.state,
                        .note = absl::StrCat("Đã tiếp nhận ", CaseTypeLabel(c.case_type), " ngày ",
                                             c.received_date.ToVietnamese(), "; hạn giải quyết ",
                                             c.resolution_due_date.ToVietnamese()),
                        .create_time = c.create_time})
          .status();
    });
    if (absl::IsAlreadyExists(written) && attempt < 3) continue;  // a random id or code collided
    RETURN_IF_ERROR(written);
    break;
  }
  created.record = std::move(c);
  return created;
}

absl::StatusOr<Case> CaseDesk::Get(const std::string& school_id, const std::string& case_id) {
  return store_.GetCase(school_id, case_id, Lock::kNone);
}

absl::StatusOr<platform::Page<Case>> CaseDesk::List(const std::string& school_id, const CaseFilter& filter,
                                                    int page_size, absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 200));
  if (filter.received_from.IsSet() && filter.received_to.IsSet() &&
      filter.received_to < filter.received_from) {
    return InvalidField("received_before", "trước ngày bắt đầu (before received_after)");
  }
  CaseQuery query{.types = filter.types,
                  .states = filter.states,
                  .assignee = filter.assignee,
                  .received_from = filter.received_from,
                  .received_to = filter.received_to,
                  .enrolment_notice_id = filter.enrolment_notice_id};
  if (!filter.timeliness.empty()) {
    query.timeliness_filtered = true;
    const Date today = Today();
    // Classify: due soon when (today, due] holds at most 3 working days,
    // i.e. due before the 4th working day after today.
    ASSIGN_OR_RETURN(DueDate fourth, rules_.calendar().PeriodEnd(today, 4, DayKind::kWorking));
    const DueDate soon{platform::AddDays(fourth.date, -1), false, false};
    for (Timeliness t : filter.timeliness) {
      switch (t) {
        case Timeliness::kOverdue:
          query.open_due.push_back({Date{}, platform::AddDays(today, -1)});
          break;
        case Timeliness::kDueSoon:
          query.open_due.push_back({today, soon.date});
          break;
        case Timeliness::kWithinDeadline:
          query.open_due.push_back({platform::AddDays(soon.date, 1), Date{}});
          break;
        case Timeliness::kEarly:
        case Timeliness::kOnTime:
        case Timeliness::kLate:
          query.final_timeliness.push_back(t);
          break;
        default:
          return InvalidField("timeliness", "giá trị không hợp lệ (unknown timeliness)");
      }
    }
  }
  std::optional<CaseCursor> after;
  if (!page.after.empty()) {
    ASSIGN_OR_RETURN(CaseCursor cursor, DecodeCursor(page.after));
    after = cursor;
  }
  ASSIGN_OR_RETURN(std::vector<Case> rows, store_.ListCases(school_id, query, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, EncodeCursor);
}

absl::StatusOr<Case> CaseDesk::ChangeLoaded(Case c, const std::vector<CaseState>& allowed,
                                            absl::string_view action, EventKind kind, Visibility visibility,
                                            const std::string& actor,
                                            const std::function<absl::StatusOr<std::string>(Case&)>& change) {
  if (std::find(allowed.begin(), allowed.end(), c.state) == allowed.end()) return WrongState(c, action);
  const CaseState from = c.state;
  ASSIGN_OR_RETURN(std::string note, change(c));
  RETURN_IF_ERROR(Derive(c));
  c.update_time = NowMicros(clock_);
  RETURN_IF_ERROR(store_.UpdateCase(c));
  RETURN_IF_ERROR(
      store_
          .AppendEvent(
              {.school_id = c.school_id,
               .case_id = c.case_id,
               .kind = from != c.state && kind == EventKind::kUnspecified ? EventKind::kStateChanged : kind,
               .visibility = visibility,
               .actor = actor,
               .from_state = from,
               .to_state = c.state,
               .note = note,
               .create_time = c.update_time})
          .status());
  return c;
}

absl::StatusOr<Case> CaseDesk::Change(const std::string& school_id, const std::string& case_id,
                                      const std::vector<CaseState>& allowed, absl::string_view action,
                                      EventKind kind, Visibility visibility, const std::string& actor,
                                      const std::function<absl::StatusOr<std::string>(Case&)>& change) {
  Case result;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(Case c, store_.GetCase(school_id, case_id, Lock::kForUpdate));
    ASSIGN_OR_RETURN(result, ChangeLoaded(std::move(c), allowed, action, kind, visibility, actor, change));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<Case> CaseDesk::Accept(const std::string& school_id, const std::string& case_id, Date accepted,
                                      const std::string& document_number, Complexity complexity,
                                      const std::string& actor) {
  ASSIGN_OR_RETURN(std::string doc,
                   CleanText(document_number, "document_number", 60, false, TextLines::kSingle));
  if (static_cast<int>(complexity) < 0 || static_cast<int>(complexity) > static_cast<int>(kLastComplexity)) {
    return InvalidField("complexity", "mức độ phức tạp không hợp lệ (unknown complexity)");
  }
  const Date today = Today();
  if (!accepted.IsSet()) accepted = today;
  if (accepted > today) return InvalidField("accepted_date", "sau hôm nay (in the future)");
  return Change(school_id, case_id, {CaseState::kReceived}, "thụ lý", EventKind::kUnspecified,
                Visibility::kPublic, actor, [&](Case& c) -> absl::StatusOr<std::string> {
                  if (accepted < c.received_date) {
                    return InvalidField("accepted_date", "trước ngày nhận đơn (before the date received)");
                  }
                  if (complexity != Complexity::kUnspecified) {
                    if (static_cast<int>(complexity) < static_cast<int>(c.complexity)) {
                      return InvalidField("complexity",
                                          "không hạ mức độ phức tạp đã xác định (cannot lower it)");
                    }
                    c.complexity = complexity;
                  }
                  ASSIGN_OR_RETURN(Deadlines d,
                                   rules_.Compute({.case_type = c.case_type,
                                                   .complaint_round = c.complaint_round,
                                                   .complexity = c.complexity,
                                                   .procedure_time_limit_days = c.procedure_time_limit_days,
                                                   .received_date = c.received_date,
                                                   .accepted_date = accepted,
                                                   .decision_date = c.decision_date},
                                                  ""));
                  c.state = CaseState::kAccepted;
                  c.accepted_date = accepted;
                  c.acceptance_document = doc;
                  c.resolution_due_date = d.resolution_due_date;
                  c.deadline_estimated = d.estimated;
                  return absl::StrCat("Thụ lý ngày ", accepted.ToVietnamese(), doc.empty() ? "" : " (", doc,
                                      doc.empty() ? "" : ")", "; hạn giải quyết ",
                                      c.resolution_due_date.ToVietnamese());
                });
}

absl::StatusOr<Case> CaseDesk::Reject(const std::string& school_id, const std::string& case_id,
                                      const std::string& reason, const std::string& document_number,
                                      const std::string& actor) {
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 2000, true, TextLines::kMulti));
  ASSIGN_OR_RETURN(std::string doc,
                   CleanText(document_number, "document_number", 60, false, TextLines::kSingle));
  const Date today = Today();
  return Change(school_id, case_id, {CaseState::kReceived}, "từ chối thụ lý", EventKind::kUnspecified,
                Visibility::kPublic, actor, [&](Case& c) -> absl::StatusOr<std::string> {
                  c.state = CaseState::kNotAccepted;
                  c.closing_reason = why;
                  c.closed_date = today;
                  c.acceptance_document = doc;
                  return absl::StrCat("Không thụ lý: ", why);
                });
}

absl::StatusOr<Case> CaseDesk::Assign(const std::string& school_id, const std::string& case_id,
                                      const std::string& assignee, const std::string& actor) {
  RETURN_IF_ERROR(platform::ParseName("accounts/{account}", assignee, "assignee").status());
  return Change(school_id, case_id, {CaseState::kAccepted, CaseState::kInProgress}, "phân công",
                EventKind::kAssigned, Visibility::kInternal, actor,
                [&](Case& c) -> absl::StatusOr<std::string> {
                  c.assignee = assignee;
                  c.state = CaseState::kInProgress;
                  return absl::StrCat("Giao ", assignee, " xử lý");
                });
}

absl::StatusOr<Case> CaseDesk::Extend(const std::string& school_id, const std::string& case_id, int days,
                                      const std::string& reason, const std::string& document_number,
                                      Complexity complexity, const std::string& actor) {
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 2000, true, TextLines::kMulti));
  ASSIGN_OR_RETURN(std::string doc,
                   CleanText(document_number, "document_number", 60, false, TextLines::kSingle));
  if (days < 0) return InvalidField("days", "số ngày gia hạn phải dương (must be positive)");
  if (static_cast<int>(complexity) < 0 || static_cast<int>(complexity) > static_cast<int>(kLastComplexity)) {
    return InvalidField("complexity", "mức độ phức tạp không hợp lệ (unknown complexity)");
  }
  return Change(
      school_id, case_id, {CaseState::kAccepted, CaseState::kInProgress}, "gia hạn", EventKind::kExtended,
      Visibility::kPublic, actor, [&](Case& c) -> absl::StatusOr<std::string> {
        ASSIGN_OR_RETURN(AppliedPolicy applied,
                         rules_.PolicyFor(c.case_type, c.complaint_round, c.received_date));
        const DeadlinePolicy& p = *applied.policy;
        const Complexity before = c.complexity;
        if (complexity != Complexity::kUnspecified) {
          if (static_cast<int>(complexity) < static_cast<int>(c.complexity)) {
            return InvalidField("complexity", "không hạ mức độ phức tạp đã xác định (cannot lower it)");
          }
          c.complexity = complexity;
        }
        Extension e{.reason = why,
                    .document_number = doc,
                    .previous_due_date = c.resolution_due_date,
                    .extended_by = actor,
                    .create_time = NowMicros(clock_)};
        if (days == 0) {
          // Reclassification only: the longer limit the policy gives a
          // complex case, counted from the same start.
          const int longer =
              DeadlineRules::ResolutionDays(p, c.complexity) - DeadlineRules::ResolutionDays(p, before);
          if (longer <= 0 || p.resolution_from_procedure) {
            return InvalidField("days", "phải ghi số ngày gia hạn (days are required)");
          }
          ASSIGN_OR_RETURN(Deadlines d,
                           rules_.Compute({.case_type = c.case_type,
                                           .complaint_round = c.complaint_round,
                                           .complexity = c.complexity,
                                           .procedure_time_limit_days = c.procedure_time_limit_days,
                                           .received_date = c.received_date,
                                           .accepted_date = c.accepted_date,
                                           .decision_date = c.decision_date},
                                          ""));
          e.days = longer;
          e.reclassified = true;
          e.new_due_date = d.resolution_due_date;
          c.deadline_estimated = c.deadline_estimated || d.estimated;
        } else {
          const int allowed = DeadlineRules::ExtensionsAllowed(p, c.complexity);
          int used = 0;
          for (const Extension& x : c.extensions) used += x.reclassified ? 0 : 1;
          if (allowed == 0 || used >= allowed) {
            return platform::WithReason(
                absl::FailedPreconditionError(
                    absl::StrCat("Không được gia hạn thêm: ", CaseTypeLabel(c.case_type),
                                 " ở mức độ này được gia hạn ", allowed, " lần, đã gia hạn ", used, " lần (",
                                 p.extension_basis.empty() ? p.resolution_basis : p.extension_basis,
                                 ") (no extension left)")),
                "EXTENSION_NOT_ALLOWED");
          }
          if (days > p.extension_days) {
            return InvalidField("days", absl::StrCat("mỗi lần gia hạn không quá ", p.extension_days, " ",
                                                     DayKindWords(p.resolution_day_kind), " (at most ",
                                                     p.extension_days, ")"));
          }
          ASSIGN_OR_RETURN(DueDate due, rules_.Extend(p, c.resolution_due_date, days));
          e.days = days;
          e.new_due_date = due.date;
          c.deadline_estimated = c.deadline_estimated || due.estimated;
        }
        c.resolution_due_date = e.new_due_date;
        RETURN_IF_ERROR(store_.InsertExtension(c, e));
        c.extensions.push_back(e);
        return absl::StrCat("Gia hạn giải quyết đến ngày ", e.new_due_date.ToVietnamese(), ": ", why);
      });
}

absl::StatusOr<Case> CaseDesk::RecordApology(const std::string& school_id, const std::string& case_id,
                                             ApologyLetter letter, const std::string& actor) {
  ASSIGN_OR_RETURN(letter.document_number,
                   CleanText(letter.document_number, "letter.document_number", 60, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(letter.reason, CleanText(letter.reason, "letter.reason", 2000, true, TextLines::kMulti));
  if (!letter.sent_date.IsSet()) return InvalidField("letter.sent_date", "phải có ngày gửi (required)");
  if (letter.sent_date > Today()) return InvalidField("letter.sent_date", "sau hôm nay (in the future)");
  if (!letter.new_return_date.IsSet()) {
    return InvalidField("letter.new_return_date", "phải có ngày hẹn trả kết quả mới (required)");
  }
  return Change(
      school_id, case_id, {CaseState::kAccepted, CaseState::kInProgress}, "ghi nhận văn bản xin lỗi",
      EventKind::kApology, Visibility::kPublic, actor, [&](Case& c) -> absl::StatusOr<std::string> {
        ASSIGN_OR_RETURN(AppliedPolicy applied,
                         rules_.PolicyFor(c.case_type, c.complaint_round, c.received_date));
        if (!applied.policy->apology_required_when_late) {
          return platform::WithReason(
              absl::FailedPreconditionError(
                  "Văn bản xin lỗi, hẹn lại ngày trả kết quả chỉ dùng cho hồ sơ thủ tục "
                  "hành chính (dossiers only)"),
              "NOT_A_DOSSIER");
        }
        if (letter.sent_date < c.received_date) {
          return InvalidField("letter.sent_date", "trước ngày nhận hồ sơ (before the date received)");
        }
        if (!(c.resolution_due_date < letter.new_return_date)) {
          return InvalidField("letter.new_return_date",
                              absl::StrCat("phải sau hạn hiện tại ", c.resolution_due_date.ToVietnamese(),
                                           " (after the current due date)"));
        }
        if (!c.apology_letters.empty()) {
          return platform::WithReason(
              absl::FailedPreconditionError(
                  "Hồ sơ đã có văn bản xin lỗi; việc hẹn lại ngày trả kết quả chỉ thực hiện "
                  "không quá một lần (one new date only)"),
              "APOLOGY_ALREADY_RECORDED");
        }
        RETURN_IF_ERROR(store_.InsertApologyLetter(c, letter));
        c.apology_letters.push_back(letter);
        return absl::StrCat("Đã gửi văn bản xin lỗi số ", letter.document_number, " ngày ",
                            letter.sent_date.ToVietnamese(), "; hẹn trả kết quả ngày ",
                            letter.new_return_date.ToVietnamese());
      });
}

absl::StatusOr<ApologyDraft> CaseDesk::DraftApology(const std::string& school_id, const std::string& case_id,
                                                    const std::string& reason, Date new_return_date,
                                                    const std::string& issuing_unit) {
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 2000, true, TextLines::kMulti));
  ASSIGN_OR_RETURN(std::string unit, CleanText(issuing_unit, "issuing_unit", 200, false, TextLines::kSingle));
  if (unit.empty()) unit = "Đơn vị";
  ASSIGN_OR_RETURN(Case c, store_.GetCase(school_id, case_id, Lock::kNone));
  ASSIGN_OR_RETURN(AppliedPolicy applied, rules_.PolicyFor(c.case_type, c.complaint_round, c.received_date));
  const DeadlinePolicy& p = *applied.policy;
  if (!p.apology_required_when_late) {
    return platform::WithReason(absl::FailedPreconditionError(
                                    "Văn bản xin lỗi chỉ dùng cho hồ sơ thủ tục hành chính (dossiers only)"),
                                "NOT_A_DOSSIER");
  }
  if (!IsOpen(c.state)) return WrongState(c, "soạn văn bản xin lỗi cho");
  if (!new_return_date.IsSet() || !(c.resolution_due_date < new_return_date)) {
    return InvalidField("new_return_date",
                        absl::StrCat("phải sau hạn hiện tại ", c.resolution_due_date.ToVietnamese(),
                                     " (after the current due date)"));
  }
  const std::string addressee = c.submitter.full_name.empty() ? "Ông/Bà" : "Ông/Bà " + c.submitter.full_name;
  const std::string procedure =
      c.procedure_code.empty() ? c.subject : absl::StrCat(c.subject, " (mã thủ tục ", c.procedure_code, ")");
  ApologyDraft draft;
  draft.title = p.apology_title;
  draft.form = absl::StrCat(p.apology_form, "; ", p.apology_basis);
  draft.text = absl::StrCat(
      unit, "\nSố: ......./........\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
      "................, ngày ..... tháng ..... năm ........\n\n", p.apology_title,
      "\n\nKính gửi: ", addressee, "\n\n", unit, " đã tiếp nhận hồ sơ \"", procedure, "\" của ", addressee,
      " ngày ", c.received_date.ToVietnamese(), ", mã hồ sơ ", c.tracking_code, ", hẹn trả kết quả ngày ",
      c.resolution_due_date.ToVietnamese(), ".\n\nĐến nay, ", unit,
      " chưa trả được kết quả giải quyết hồ sơ. Lý do: ", why,
      "\n\nSự chậm trễ này đã gây phiền hà, tốn kém chi phí, thời gian của ", addressee, ". ", unit,
      " xin lỗi ", addressee, " và hẹn trả kết quả vào ngày ", new_return_date.ToVietnamese(),
      ".\n\nTrân trọng./.\n\n\t\t\t\tTHỦ TRƯỞNG ĐƠN VỊ\n\t\t\t\t(Ký, ghi rõ họ tên, đóng dấu)\n");
  return draft;
}

absl::StatusOr<Case> CaseDesk::Resolve(const std::string& school_id, const std::string& case_id,
                                       Resolution resolution, const std::string& actor) {
  ASSIGN_OR_RETURN(
      resolution.public_summary,
      CleanText(resolution.public_summary, "resolution.public_summary", 4000, true, TextLines::kMulti));
  ASSIGN_OR_RETURN(
      resolution.internal_summary,
      CleanText(resolution.internal_summary, "resolution.internal_summary", 10000, false, TextLines::kMulti));
  ASSIGN_OR_RETURN(
      resolution.document_number,
      CleanText(resolution.document_number, "resolution.document_number", 60, false, TextLines::kSingle));
  const Date today = Today();
  if (!resolution.resolved_date.IsSet()) resolution.resolved_date = today;
  if (resolution.resolved_date > today) {
    return InvalidField("resolution.resolved_date", "sau hôm nay (in the future)");
  }
  return Change(school_id, case_id, {CaseState::kAccepted, CaseState::kInProgress}, "giải quyết",
                EventKind::kUnspecified, Visibility::kPublic, actor,
                [&](Case& c) -> absl::StatusOr<std::string> {
                  RETURN_IF_ERROR(CheckOutcome(c.case_type, resolution.outcome));
                  if (resolution.resolved_date < c.accepted_date) {
                    return InvalidField("resolution.resolved_date", "trước ngày thụ lý (before acceptance)");
                  }
                  ASSIGN_OR_RETURN(AppliedPolicy applied,
                                   rules_.PolicyFor(c.case_type, c.complaint_round, c.received_date));
                  if (applied.policy->apology_required_when_late &&
                      c.resolution_due_date < resolution.resolved_date && c.apology_letters.empty()) {
                    return platform::WithReason(
                        absl::FailedPreconditionError(absl::StrCat(
                            "Hồ sơ trễ hạn (hạn ", c.resolution_due_date.ToVietnamese(),
                            ") phải có văn bản xin lỗi trước khi trả kết quả (",
                            applied.policy->apology_basis, ") (an apology letter is required first)")),
                        "APOLOGY_LETTER_REQUIRED");
                  }
                  c.resolution = resolution;
                  c.state = CaseState::kResolved;
                  return absl::StrCat("Đã giải quyết ngày ", resolution.resolved_date.ToVietnamese(), ": ",
                                      resolution.public_summary);
                });
}

absl::StatusOr<Case> CaseDesk::Escalate(const std::string& school_id, const std::string& case_id,
                                        const std::string& reason, Date escalation_date,
                                        const std::string& authority_id, const std::string& actor) {
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 2000, true, TextLines::kMulti));
  if (authority_id.empty()) {
    return InvalidField("authority", "phải ghi cơ quan giải quyết lần hai (the authority is required)");
  }
  const Date today = Today();
  if (!escalation_date.IsSet()) escalation_date = today;
  if (escalation_date > today) return InvalidField("escalation_date", "sau hôm nay (in the future)");
  return Change(school_id, case_id, {CaseState::kAccepted, CaseState::kInProgress, CaseState::kResolved},
                "chuyển giải quyết lần hai", EventKind::kUnspecified, Visibility::kPublic, actor,
                [&](Case& c) -> absl::StatusOr<std::string> {
                  if (c.case_type != CaseType::kComplaint || c.complaint_round != 1) {
                    return platform::WithReason(
                        absl::FailedPreconditionError(
                            "Chỉ khiếu nại lần đầu được khiếu nại lần hai (first-round complaints only)"),
                        "NOT_FIRST_ROUND_COMPLAINT");
                  }
                  const bool resolved = c.state == CaseState::kResolved;
                  if (!resolved && !(c.resolution_due_date < escalation_date)) {
                    return platform::WithReason(
                        absl::FailedPreconditionError(absl::StrCat(
                            "Chưa hết hạn giải quyết lần đầu (", c.resolution_due_date.ToVietnamese(),
                            "): chỉ khiếu nại lần hai khi đã có quyết định hoặc quá hạn mà chưa giải quyết "
                            "(Luật Khiếu nại "
                            "2011, Điều 33) (first round still running)")),
                        "FIRST_ROUND_RUNNING");
                  }
                  const Date from = resolved ? c.resolution.resolved_date : c.resolution_due_date;
                  if (escalation_date < from) {
                    return InvalidField("escalation_date",
                                        "trước ngày có quyết định lần đầu (before the first decision)");
                  }
                  ASSIGN_OR_RETURN(DueDate window, rules_.calendar().PeriodEnd(from, kSecondRoundWindowDays,
                                                                               DayKind::kCalendar));
                  if (window.date < escalation_date) {
                    return platform::WithReason(
                        absl::FailedPreconditionError(absl::StrCat(
                            "Đã quá thời hạn khiếu nại lần hai (hết ngày ", window.date.ToVietnamese(),
                            ", Luật Khiếu nại 2011, Điều 33) (second-round window passed)")),
                        "SECOND_ROUND_WINDOW_PASSED");
                  }
                  c.state = CaseState::kEscalated;
                  c.escalated_to = authority_id;
                  c.closed_date = escalation_date;
                  c.closing_reason = why;
                  return absl::StrCat("Người khiếu nại khiếu nại lần hai ngày ",
                                      escalation_date.ToVietnamese(), ": ", why);
                });
}

absl::StatusOr<Case> CaseDesk::Withdraw(const std::string& school_id, const std::string& case_id,
                                        const std::string& reason, const std::string& actor) {
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 2000, true, TextLines::kMulti));
  const Date today = Today();
  return Change(school_id, case_id, {CaseState::kReceived, CaseState::kAccepted, CaseState::kInProgress},
                "rút", EventKind::kUnspecified, Visibility::kPublic, actor,
                [&](Case& c) -> absl::StatusOr<std::string> {
                  c.state = CaseState::kWithdrawn;
                  c.closing_reason = why;
                  c.closed_date = today;
                  return absl::StrCat("Người gửi rút đơn: ", why);
                });
}

absl::StatusOr<Case> CaseDesk::Reopen(const std::string& school_id, const std::string& case_id,
                                      const std::string& reason, const std::string& actor) {
  ASSIGN_OR_RETURN(std::string why, CleanText(reason, "reason", 2000, true, TextLines::kMulti));
  const Date today = Today();
  return Change(
      school_id, case_id, {CaseState::kResolved}, "mở lại", EventKind::kUnspecified, Visibility::kPublic,
      actor, [&](Case& c) -> absl::StatusOr<std::string> {
        if (!IsFeedbackType(c.case_type)) {
          return platform::WithReason(
              absl::FailedPreconditionError(
                  "Chỉ phản ánh, kiến nghị được mở lại; khiếu nại chưa được giải quyết thỏa đáng thì khiếu "
                  "nại lần hai, tố cáo thì tố cáo tiếp (feedback only)"),
              "NOT_REOPENABLE");
        }
        ASSIGN_OR_RETURN(AppliedPolicy applied,
                         rules_.PolicyFor(c.case_type, c.complaint_round, c.received_date));
        ASSIGN_OR_RETURN(DueDate due, rules_.calendar().PeriodEnd(
                                          today, DeadlineRules::ResolutionDays(*applied.policy, c.complexity),
                                          applied.policy->resolution_day_kind));
        const std::string previous = c.resolution.public_summary;
        const PriorResolution prior{c.resolution, c.resolution_due_date, c.final_timeliness};
        RETURN_IF_ERROR(store_.InsertPriorResolution(c, prior));
        c.prior_resolutions.push_back(prior);
        c.resolution = Resolution{};
        c.resolution_due_date = due.date;
        c.deadline_estimated = c.deadline_estimated || due.estimated;
        c.state = c.assignee.empty() ? CaseState::kAccepted : CaseState::kInProgress;
        ++c.reopen_count;
        return absl::StrCat("Người gửi đề nghị xem xét lại: ", why, " (trả lời trước: ", previous,
                            "); hạn giải quyết mới ", due.date.ToVietnamese());
      });
}

absl::StatusOr<platform::Page<Case>> CaseDesk::ListEscalated(const std::string& authority,
                                                             const std::vector<std::string>& school_ids,
                                                             int page_size, absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 200));
  std::optional<EscalationCursor> after;
  if (!page.after.empty()) {
    std::vector<std::string> parts = absl::StrSplit(page.after, '/');
    if (parts.size() != 3) return platform::InvalidPageToken();
    absl::StatusOr<Date> day = platform::ParseDate(parts[0], "page_token");
    if (!day.ok()) return platform::InvalidPageToken();
    after = EscalationCursor{*day, parts[1], parts[2]};
  }
  ASSIGN_OR_RETURN(std::vector<Case> rows,
                   store_.ListEscalated(authority, school_ids, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, [](const Case& e) {
    return absl::StrCat(e.closed_date.ToIso(), "/", e.school_id, "/", e.case_id);
  });
}

absl::StatusOr<CaseEvent> CaseDesk::AddNote(const std::string& school_id, const std::string& case_id,
                                            const std::string& note, Visibility visibility,
                                            const std::string& actor) {
  ASSIGN_OR_RETURN(std::string text, CleanText(note, "note", 4000, true, TextLines::kMulti));
  if (visibility != Visibility::kPublic && visibility != Visibility::kInternal) {
    return InvalidField("visibility", "phải chọn công khai hoặc nội bộ (visibility is required)");
  }
  CaseEvent event;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(Case c, store_.GetCase(school_id, case_id, Lock::kForUpdate));
    ASSIGN_OR_RETURN(event, store_.AppendEvent({.school_id = school_id,
                                                .case_id = case_id,
                                                .kind = EventKind::kNote,
                                                .visibility = visibility,
                                                .actor = actor,
                                                .from_state = c.state,
                                                .to_state = c.state,
                                                .note = text,
                                                .create_time = NowMicros(clock_)}));
    return absl::OkStatus();
  }));
  return event;
}

absl::StatusOr<platform::Page<CaseEvent>> CaseDesk::ListEvents(const std::string& school_id,
                                                               const std::string& case_id, bool public_only,
                                                               int page_size, absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 100, 500));
  int64_t after = 0;
  if (!page.after.empty()) {
    ASSIGN_OR_RETURN(platform::NumberedKey key, platform::DecodeNumberedKey(page.after));
    after = key.number;
  }
  RETURN_IF_ERROR(store_.GetCase(school_id, case_id, Lock::kNone).status());
  ASSIGN_OR_RETURN(std::vector<CaseEvent> rows,
                   store_.ListEvents(school_id, case_id, public_only, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, [](const CaseEvent& e) {
    return platform::EncodeNumberedKey(e.sequence, e.case_id);
  });
}

}  // namespace parhub::complaints
