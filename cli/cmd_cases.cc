// parhubctl cases: what citizens bring to the school (phản ánh, kiến nghị,
// khiếu nại, tố cáo, hồ sơ thủ tục hành chính) under the legal deadline of
// each: the register (list, export to CSV/XLSX), one case and its history,
// intake, acceptance, assignment, extensions, apology letters, resolution,
// escalation, withdrawal, reopening and notes; enrolment notices (thông báo
// tuyển sinh) and the registrations parents file against them; the deadline
// rules ("when is this due?"), the holiday calendars and the period summary.
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cli/app.h"
#include "cli/names.h"
#include "parhub/authority/v1/authority.grpc.pb.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "platform/core/date.h"
#include "platform/core/resource_name.h"
#include "platform/core/vntext.h"

namespace parhub::cli {
namespace {

namespace cv = ::parhub::complaints::v1;
namespace rv = ::parhub::refdata::v1;

// ---------------------------------------------------------------------------
// Labels.

std::string CaseTypeLabel(const Output& out, cv::CaseType type) {
  switch (type) {
    case cv::CASE_TYPE_FEEDBACK:
      return out.T("Phản ánh, kiến nghị", "Feedback");
    case cv::CASE_TYPE_PROCEDURE_FEEDBACK:
      return out.T("PAKN về quy định hành chính", "Feedback on regulations");
    case cv::CASE_TYPE_COMPLAINT:
      return out.T("Khiếu nại", "Complaint");
    case cv::CASE_TYPE_DENUNCIATION:
      return out.T("Tố cáo", "Denunciation");
    case cv::CASE_TYPE_PROCEDURE_DOSSIER:
      return out.T("Hồ sơ TTHC", "Procedure dossier");
    default:
      return "?";
  }
}

// The type with the complaint round ("Khiếu nại lần hai").
std::string CaseKind(const Output& out, cv::CaseType type, int round) {
  std::string label = CaseTypeLabel(out, type);
  if (type != cv::CASE_TYPE_COMPLAINT || round <= 0) return label;
  if (round == 1) return absl::StrCat(label, out.T(" lần đầu", ", 1st round"));
  if (round == 2) return absl::StrCat(label, out.T(" lần hai", ", 2nd round"));
  return absl::StrCat(label, out.T(" lần ", ", round "), round);
}

std::string ChannelLabel(const Output& out, cv::Channel channel) {
  switch (channel) {
    case cv::CHANNEL_IN_PERSON:
      return out.T("Trực tiếp", "In person");
    case cv::CHANNEL_MAIL:
      return out.T("Bưu chính", "Mail");
    case cv::CHANNEL_PHONE:
      return out.T("Điện thoại", "Phone");
    case cv::CHANNEL_EMAIL:
      return out.T("Thư điện tử", "E-mail");
    case cv::CHANNEL_PUBLIC_PORTAL:
      return out.T("Trang công khai parhub", "parhub public page");
    case cv::CHANNEL_PUBLIC_SERVICE_PORTAL:
      return out.T("Cổng dịch vụ công", "Public-service portal");
    case cv::CHANNEL_REFERRED:
      return out.T("Cơ quan khác chuyển đến", "Referred");
    case cv::CHANNEL_SUGGESTION_BOX:
      return out.T("Hòm thư góp ý", "Suggestion box");
    default:
      return "?";
  }
}

std::string StateLabel(const Output& out, cv::CaseState state) {
  switch (state) {
    case cv::CASE_STATE_RECEIVED:
      return out.T("Chờ thụ lý", "Received");
    case cv::CASE_STATE_ACCEPTED:
      return out.T("Đã thụ lý", "Accepted");
    case cv::CASE_STATE_IN_PROGRESS:
      return out.T("Đang giải quyết", "In progress");
    case cv::CASE_STATE_RESOLVED:
      return out.T("Đã giải quyết", "Resolved");
    case cv::CASE_STATE_NOT_ACCEPTED:
      return out.T("Không thụ lý", "Not accepted");
    case cv::CASE_STATE_ESCALATED:
      return out.T("Đã chuyển lên cấp trên", "Escalated");
    case cv::CASE_STATE_WITHDRAWN:
      return out.T("Đã rút", "Withdrawn");
    default:
      return "?";
  }
}

std::string TimelinessLabel(const Output& out, cv::CaseTimeliness timeliness) {
  switch (timeliness) {
    case cv::CASE_TIMELINESS_WITHIN_DEADLINE:
      return out.T("Trong hạn", "Within deadline");
    case cv::CASE_TIMELINESS_DUE_SOON:
      return out.T("Sắp đến hạn", "Due soon");
    case cv::CASE_TIMELINESS_OVERDUE:
      return out.T("Quá hạn", "Overdue");
    case cv::CASE_TIMELINESS_EARLY:
      return out.T("Trước hạn", "Early");
    case cv::CASE_TIMELINESS_ON_TIME:
      return out.T("Đúng hạn", "On time");
    case cv::CASE_TIMELINESS_LATE:
      return out.T("Trễ hạn", "Late");
    default:
      return "";  // not applicable (not accepted, withdrawn)
  }
}

std::string ComplexityLabel(const Output& out, cv::Complexity complexity) {
  switch (complexity) {
    case cv::COMPLEXITY_COMPLEX:
      return out.T("Phức tạp", "Complex");
    case cv::COMPLEXITY_ESPECIALLY_COMPLEX:
      return out.T("Đặc biệt phức tạp", "Especially complex");
    default:
      return out.T("Thông thường", "Ordinary");
  }
}

std::string OutcomeLabel(const Output& out, cv::Outcome outcome) {
  switch (outcome) {
    case cv::OUTCOME_ANSWERED:
      return out.T("Đã trả lời", "Answered");
    case cv::OUTCOME_UPHELD:
      return out.T("Đúng", "Upheld");
    case cv::OUTCOME_PARTLY_UPHELD:
      return out.T("Đúng một phần", "Partly upheld");
    case cv::OUTCOME_NOT_UPHELD:
      return out.T("Không đúng", "Not upheld");
    case cv::OUTCOME_GRANTED:
      return out.T("Đã trả kết quả", "Granted");
    case cv::OUTCOME_REFUSED:
      return out.T("Từ chối (có lý do)", "Refused");
    default:
      return "";
  }
}

std::string EventKindLabel(const Output& out, cv::CaseEventKind kind) {
  switch (kind) {
    case cv::CASE_EVENT_KIND_RECEIVED:
      return out.T("Tiếp nhận", "Received");
    case cv::CASE_EVENT_KIND_STATE_CHANGED:
      return out.T("Đổi trạng thái", "State changed");
    case cv::CASE_EVENT_KIND_ASSIGNED:
      return out.T("Phân công", "Assigned");
    case cv::CASE_EVENT_KIND_EXTENDED:
      return out.T("Gia hạn", "Extended");
    case cv::CASE_EVENT_KIND_APOLOGY:
      return out.T("Phiếu xin lỗi", "Apology letter");
    case cv::CASE_EVENT_KIND_NOTE:
      return out.T("Ghi chú", "Note");
    case cv::CASE_EVENT_KIND_RATED:
      return out.T("Người dân đánh giá", "Rated");
    default:
      return "?";
  }
}

std::string VisibilityLabel(const Output& out, cv::Visibility visibility) {
  switch (visibility) {
    case cv::VISIBILITY_PUBLIC:
      return out.T("Công khai", "Public");
    case cv::VISIBILITY_INTERNAL:
      return out.T("Nội bộ", "Internal");
    default:
      return "";
  }
}

// "10 ngày làm việc", "30 ngày".
std::string DaysText(const Output& out, int days, cv::DayKind kind) {
  if (kind == cv::DAY_KIND_WORKING) return absl::StrCat(days, out.T(" ngày làm việc", " working days"));
  return absl::StrCat(days, out.T(" ngày", " days"));
}

std::string ClockStartLabel(const Output& out, cv::ClockStart start) {
  switch (start) {
    case cv::CLOCK_START_RECEIPT:
      return out.T("ngày tiếp nhận", "receipt");
    case cv::CLOCK_START_ACCEPTANCE:
      return out.T("ngày thụ lý", "acceptance");
    default:
      return "";
  }
}

std::string DayOffKindLabel(const Output& out, rv::DayOffKind kind) {
  switch (kind) {
    case rv::DAY_OFF_KIND_PUBLIC_HOLIDAY:
      return out.T("Nghỉ lễ, Tết", "Public holiday");
    case rv::DAY_OFF_KIND_COMPENSATORY:
      return out.T("Nghỉ bù", "Compensatory day off");
    case rv::DAY_OFF_KIND_SWAPPED:
      return out.T("Nghỉ hoán đổi (làm bù)", "Swapped (worked back)");
    default:
      return "?";
  }
}

std::string CertaintyLabel(const Output& out, rv::Certainty certainty) {
  switch (certainty) {
    case rv::CERTAINTY_ANNOUNCED:
      return out.T("Đã công bố", "Announced");
    case rv::CERTAINTY_STATUTORY:
      return out.T("Theo Bộ luật Lao động", "Statutory");
    case rv::CERTAINTY_ESTIMATED:
      return out.T("Ước tính", "Estimated");
    default:
      return "?";
  }
}

std::string WeekdayLabel(const Output& out, const common::v1::Date& date) {
  switch (absl::GetWeekday(absl::CivilDay(date.year(), date.month(), date.day()))) {
    case absl::Weekday::monday:
      return out.T("Thứ Hai", "Monday");
    case absl::Weekday::tuesday:
      return out.T("Thứ Ba", "Tuesday");
    case absl::Weekday::wednesday:
      return out.T("Thứ Tư", "Wednesday");
    case absl::Weekday::thursday:
      return out.T("Thứ Năm", "Thursday");
    case absl::Weekday::friday:
      return out.T("Thứ Sáu", "Friday");
    case absl::Weekday::saturday:
      return out.T("Thứ Bảy", "Saturday");
    case absl::Weekday::sunday:
    default:
      return out.T("Chủ nhật", "Sunday");
  }
}

// A date as one number, to compare dates.
int DateKey(const common::v1::Date& date) { return date.year() * 10000 + date.month() * 100 + date.day(); }

// Where a notice stands on `today`: closed early, or open and before, in or
// after its registration window.
std::string NoticeStatusLabel(const Output& out, const cv::EnrolmentNotice& n,
                              const common::v1::Date& today) {
  switch (n.state()) {
    case cv::ENROLMENT_NOTICE_STATE_CLOSED:
      return out.T("Đã đóng sớm", "Closed early");
    case cv::ENROLMENT_NOTICE_STATE_OPEN:
      if (DateKey(today) < DateKey(n.registration_start()))
        return out.T("Chưa đến ngày đăng ký", "Not open yet");
      if (DateKey(n.registration_end()) < DateKey(today))
        return out.T("Đã hết hạn đăng ký", "Registration over");
      return out.T("Đang nhận hồ sơ", "Open for registration");
    default:
      return "?";
  }
}

// "01/06/2026 – 15/06/2026".
std::string WindowText(const cv::EnrolmentNotice& n) {
  return absl::StrCat(FormatDate(n.registration_start()), " – ", FormatDate(n.registration_end()));
}

// ---------------------------------------------------------------------------
// Parsing the words people type.

std::optional<cv::CaseType> ParseCaseType(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "feedback" || t == "phan-anh") return cv::CASE_TYPE_FEEDBACK;
  if (t == "procedure-feedback" || t == "phan-anh-tthc") return cv::CASE_TYPE_PROCEDURE_FEEDBACK;
  if (t == "complaint" || t == "khieu-nai") return cv::CASE_TYPE_COMPLAINT;
  if (t == "denunciation" || t == "to-cao") return cv::CASE_TYPE_DENUNCIATION;
  if (t == "dossier" || t == "procedure-dossier" || t == "ho-so") return cv::CASE_TYPE_PROCEDURE_DOSSIER;
  return std::nullopt;
}
constexpr const char* kTypeWords = "feedback | procedure-feedback | complaint | denunciation | dossier";

std::optional<cv::CaseState> ParseState(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "received") return cv::CASE_STATE_RECEIVED;
  if (t == "accepted") return cv::CASE_STATE_ACCEPTED;
  if (t == "in-progress") return cv::CASE_STATE_IN_PROGRESS;
  if (t == "resolved") return cv::CASE_STATE_RESOLVED;
  if (t == "not-accepted") return cv::CASE_STATE_NOT_ACCEPTED;
  if (t == "escalated") return cv::CASE_STATE_ESCALATED;
  if (t == "withdrawn") return cv::CASE_STATE_WITHDRAWN;
  return std::nullopt;
}
constexpr const char* kStateWords =
    "received | accepted | in-progress | resolved | not-accepted | escalated | withdrawn";

std::optional<cv::Channel> ParseChannel(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "in-person") return cv::CHANNEL_IN_PERSON;
  if (t == "mail") return cv::CHANNEL_MAIL;
  if (t == "phone") return cv::CHANNEL_PHONE;
  if (t == "email") return cv::CHANNEL_EMAIL;
  if (t == "portal") return cv::CHANNEL_PUBLIC_PORTAL;
  if (t == "public-service-portal") return cv::CHANNEL_PUBLIC_SERVICE_PORTAL;
  if (t == "referred") return cv::CHANNEL_REFERRED;
  if (t == "suggestion-box") return cv::CHANNEL_SUGGESTION_BOX;
  return std::nullopt;
}
constexpr const char* kChannelWords =
    "in-person | mail | phone | email | portal | public-service-portal | referred | suggestion-box";

std::optional<cv::Complexity> ParseComplexity(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "ordinary") return cv::COMPLEXITY_ORDINARY;
  if (t == "complex") return cv::COMPLEXITY_COMPLEX;
  if (t == "especially-complex") return cv::COMPLEXITY_ESPECIALLY_COMPLEX;
  return std::nullopt;
}
constexpr const char* kComplexityWords = "ordinary | complex | especially-complex";

std::optional<cv::Outcome> ParseOutcome(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "answered") return cv::OUTCOME_ANSWERED;
  if (t == "upheld") return cv::OUTCOME_UPHELD;
  if (t == "partly-upheld") return cv::OUTCOME_PARTLY_UPHELD;
  if (t == "not-upheld") return cv::OUTCOME_NOT_UPHELD;
  if (t == "granted") return cv::OUTCOME_GRANTED;
  if (t == "refused") return cv::OUTCOME_REFUSED;
  return std::nullopt;
}
constexpr const char* kOutcomeWords = "answered | upheld | partly-upheld | not-upheld | granted | refused";

// --complexity when given (UNSPECIFIED when empty); a usage error otherwise.
std::optional<cv::Complexity> ComplexityFlag(App& app, const std::string& text) {
  if (text.empty()) return cv::COMPLEXITY_UNSPECIFIED;
  auto complexity = ParseComplexity(text);
  if (!complexity) app.Usage(absl::StrCat("--complexity: ", kComplexityWords));
  return complexity;
}

// A date flag that may be empty (then `fallback`).
std::optional<common::v1::Date> OptionalDate(App& app, const std::string& flag, const std::string& text,
                                             const common::v1::Date& fallback) {
  if (text.empty()) return fallback;
  return ParseDateFlag(app, flag, text);
}

// Today in Vietnam.
common::v1::Date Today() {
  platform::Date today = platform::LocalDate(absl::Now());
  common::v1::Date out;
  out.set_year(today.year);
  out.set_month(today.month);
  out.set_day(today.day);
  return out;
}

// The UTF-8 text of a file, or of standard input for "-"; nullopt after a
// usage error.
std::optional<std::string> ReadTextFile(App& app, const std::string& path) {
  std::stringstream bytes;
  if (path == "-") {
    bytes << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      app.Usage(absl::StrCat(app.out.T("không đọc được tệp ", "cannot read "), path));
      return std::nullopt;
    }
    bytes << in.rdbuf();
  }
  return bytes.str();
}

// "accounts/<id>" for "<id>" or a full name.
std::string AccountName(const std::string& text) {
  if (text.empty() || absl::StrContains(text, '/')) return text;
  return absl::StrCat("accounts/", text);
}

std::string Shorten(const std::string& text, size_t max_chars) {
  if (DisplayWidth(text) <= max_chars) return text;
  return platform::Utf8Prefix(text, max_chars - 1) + "…";
}

std::string Percent(double value) { return absl::StrFormat("%.1f%%", value); }

// A due date with the "(ước tính)" marker when it counts estimated days off.
std::string DueText(const Output& out, const common::v1::Date& date, bool estimated) {
  std::string text = FormatDate(date);
  if (!text.empty() && estimated) absl::StrAppend(&text, out.T(" (ước tính)", " (estimated)"));
  return text;
}

// Upper case without spaces or dashes, as the service compares codes.
std::string NormalizeCode(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    out += absl::ascii_toupper(static_cast<unsigned char>(c));
  }
  return out;
}

// The submitter's name as the register shows it.
std::string SubmitterName(const Output& out, const cv::Case& c) {
  if (c.submitter_redacted()) return out.T("(không hiển thị)", "(hidden)");
  if (c.submitter().full_name().empty() && c.submitter().anonymous())
    return out.T("(ẩn danh)", "(anonymous)");
  return c.submitter().full_name();
}

// ---------------------------------------------------------------------------
// Tables.

std::vector<std::string> CaseHeader(const Output& out) {
  return {
      out.T("Mã hồ sơ", "Id"),      out.T("Mã theo dõi", "Tracking code"), out.T("Loại", "Type"),
      out.T("Tiêu đề", "Subject"),  out.T("Ngày nhận", "Received"),        out.T("Hạn", "Due"),
      out.T("Trạng thái", "State"), out.T("Tình trạng hạn", "Timeliness"), out.T("Người xử lý", "Handler")};
}

std::vector<std::string> CaseRow(const Output& out, Names& names, const cv::Case& c) {
  std::string due = FormatDate(c.current_due_date());
  if (!due.empty() && c.deadline_estimated()) due += " *";
  return {IdOf(c.name()),
          c.tracking_code(),
          CaseKind(out, c.case_type(), c.complaint_round()),
          Shorten(c.subject(), 50),
          FormatDate(c.received_date()),
          due,
          StateLabel(out, c.state()),
          TimelinessLabel(out, c.timeliness()),
          names.Account(c.assignee())};
}

// The school's register of cases (sổ theo dõi), for --export.
std::vector<std::string> RegisterHeader(const Output& out) {
  return {out.T("Mã hồ sơ", "Id"),
          out.T("Mã theo dõi", "Tracking code"),
          out.T("Loại", "Type"),
          out.T("Kênh tiếp nhận", "Channel"),
          out.T("Tiêu đề", "Subject"),
          out.T("Người gửi", "Filer"),
          out.T("Ngày nhận", "Received"),
          out.T("Ngày thụ lý", "Accepted"),
          out.T("Hạn thụ lý", "Acceptance due"),
          out.T("Hạn giải quyết", "Resolution due"),
          out.T("Trạng thái", "State"),
          out.T("Tình trạng hạn", "Timeliness"),
          out.T("Ngày giải quyết", "Resolved"),
          out.T("Kết quả", "Outcome"),
          out.T("Số văn bản", "Document number"),
          out.T("Số ngày giải quyết", "Days to resolve"),
          out.T("Số lần gia hạn", "Extensions"),
          out.T("Số phiếu xin lỗi", "Apology letters"),
          out.T("Chính sách thời hạn", "Deadline policy")};
}

std::vector<std::string> RegisterRow(const Output& out, const cv::Case& c) {
  bool resolved = c.resolution().resolved_date().year() != 0;
  return {IdOf(c.name()),
          c.tracking_code(),
          CaseKind(out, c.case_type(), c.complaint_round()),
          ChannelLabel(out, c.channel()),
          c.subject(),
          SubmitterName(out, c),
          FormatDate(c.received_date()),
          FormatDate(c.accepted_date()),
          FormatDate(c.acceptance_due_date()),
          FormatDate(c.resolution_due_date()),
          StateLabel(out, c.state()),
          TimelinessLabel(out, c.timeliness()),
          FormatDate(c.resolution().resolved_date()),
          OutcomeLabel(out, c.resolution().outcome()),
          c.resolution().document_number(),
          resolved ? absl::StrCat(c.days_to_resolve()) : "",
          absl::StrCat(c.extensions_size()),
          absl::StrCat(c.apology_letters_size()),
          c.deadline_policy()};
}

// `notice`: the enrolment notice of a registration, when it could be read.
void PrintCase(const Output& o, Names& names, const cv::Case& c, const cv::EnrolmentNotice* notice) {
  std::vector<std::vector<std::string>> rows;
  auto add = [&](const char* vi, const char* en, const std::string& value) {
    rows.push_back({o.T(vi, en), value});
  };
  auto add_if = [&](const char* vi, const char* en, const std::string& value) {
    if (!value.empty()) add(vi, en, value);
  };
  add("Mã hồ sơ", "Id", IdOf(c.name()));
  add("Mã theo dõi", "Tracking code", c.tracking_code());
  add("Loại", "Type", CaseKind(o, c.case_type(), c.complaint_round()));
  add("Kênh tiếp nhận", "Channel", ChannelLabel(o, c.channel()));
  add("Tiêu đề", "Subject", c.subject());
  // An enrolment registration: the notice, the child, and the parent as filer.
  bool enrolment = !c.enrolment_notice().empty();
  if (enrolment) {
    std::string text = IdOf(c.enrolment_notice());
    if (notice != nullptr) {
      absl::StrAppend(&text, " — ", o.T("năm học ", "school year "), notice->school_year(), ", ",
                      notice->intake(), o.T(", đăng ký ", ", registration "), WindowText(*notice));
    }
    add("Thông báo tuyển sinh", "Enrolment notice", text);
  }
  const char* filer_vi = enrolment ? "Cha mẹ / người giám hộ" : "Người gửi";
  const char* filer_en = enrolment ? "Parent or guardian" : "Filer";
  if (c.submitter_redacted()) {
    if (enrolment) {
      add("Trẻ đăng ký", "Child",
          o.T("(không hiển thị: chỉ quản trị trường được xem)", "(hidden: school admins only)"));
    }
    add(filer_vi, filer_en,
        o.T("(không hiển thị: chỉ quản trị trường được xem)", "(hidden: school admins only)"));
  } else {
    const cv::Submitter& s = c.submitter();
    if (c.has_applicant()) {
      const cv::Applicant& a = c.applicant();
      add("Trẻ đăng ký", "Child", a.full_name());
      add_if("Ngày sinh của trẻ", "Child's birth date", FormatDate(a.birth_date()));
      add_if("Trẻ đang học tại", "Child's current school", a.current_school());
    }
    add(filer_vi, filer_en, SubmitterName(o, c));
    add_if("Điện thoại", "Phone", s.phone());
    add_if("Thư điện tử", "E-mail", s.email());
    add_if("Địa chỉ", "Address", s.address());
    add_if("Số giấy tờ tùy thân", "Identity document", s.id_number());
    add("Đề nghị giữ bí mật danh tính", "Anonymous", YesNo(o, s.anonymous()));
  }
  add("Mức độ phức tạp", "Complexity", ComplexityLabel(o, c.complexity()));
  add_if("Mã thủ tục hành chính", "Procedure code", c.procedure_code());
  if (c.procedure_time_limit_days() > 0) {
    add("Thời hạn giải quyết TTHC", "Procedure time limit",
        DaysText(o, c.procedure_time_limit_days(), cv::DAY_KIND_WORKING));
  }
  add_if("Ngày nhận quyết định / biết hành vi", "Decision date", FormatDate(c.decision_date()));
  add_if("Lý do nộp đơn quá thời hiệu", "Filing delay reason", c.filing_delay_reason());
  add("Chính sách thời hạn", "Deadline policy", c.deadline_policy());
  add("Ngày nhận", "Received", FormatDate(c.received_date()));
  add_if("Hạn thụ lý", "Acceptance due", DueText(o, c.acceptance_due_date(), c.deadline_estimated()));
  add_if("Ngày thụ lý", "Accepted", FormatDate(c.accepted_date()));
  add_if("Hạn giải quyết", "Resolution due", DueText(o, c.resolution_due_date(), c.deadline_estimated()));
  add_if("Hạn của bước hiện tại", "Current step due",
         DueText(o, c.current_due_date(), c.deadline_estimated()));
  add("Trạng thái", "State", StateLabel(o, c.state()));
  add_if("Tình trạng hạn", "Timeliness", TimelinessLabel(o, c.timeliness()));
  add("Người xử lý", "Handler",
      c.assignee().empty() ? o.T("(chưa phân công)", "(not assigned)") : names.Account(c.assignee()));
  if (!c.closing_reason().empty()) {
    if (c.state() == cv::CASE_STATE_NOT_ACCEPTED) {
      add("Lý do không thụ lý", "Reason not accepted", c.closing_reason());
    } else if (c.state() == cv::CASE_STATE_WITHDRAWN) {
      add("Lý do rút", "Reason withdrawn", c.closing_reason());
    } else {
      add("Lý do kết thúc", "Closing reason", c.closing_reason());
    }
  }
  add_if("Chuyển đến", "Escalated to", c.escalated_to());
  if (c.resolution().resolved_date().year() != 0) {
    add("Số ngày giải quyết", "Days to resolve", absl::StrCat(c.days_to_resolve()));
  }
  if (c.reopen_count() > 0) add("Số lần người gửi mở lại", "Times reopened", absl::StrCat(c.reopen_count()));
  add("Số lần gia hạn", "Extensions", absl::StrCat(c.extensions_size()));
  add("Số phiếu xin lỗi", "Apology letters", absl::StrCat(c.apology_letters_size()));
  add_if("Tạo lúc", "Created", FormatTime(c.create_time()));
  add_if("Cập nhật lúc", "Updated", FormatTime(c.update_time()));
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")}, rows);
  if (c.deadline_estimated()) {
    o.Line(
        o.T("(ước tính): hạn được tính qua ngày nghỉ chưa có thông báo chính thức; kiểm tra lại khi có "
            "thông báo.",
            "(estimated): the due date counts days off not yet officially announced; check again later."));
  }
  if (c.apology_required()) {
    o.Line(
        o.T("Lưu ý: hồ sơ đã trễ hạn — phải ghi phiếu xin lỗi (cases apology record) trước khi giải quyết.",
            "Note: the dossier is late — record an apology letter (cases apology record) before resolving."));
  }
  if (!c.content().empty()) {
    o.Line(o.T("\nNội dung:", "\nContent:"));
    o.Line(c.content());
  }
  if (c.resolution().outcome() != cv::OUTCOME_UNSPECIFIED || c.resolution().resolved_date().year() != 0) {
    const cv::Resolution& r = c.resolution();
    o.Line(o.T("\nKết quả giải quyết:", "\nResolution:"));
    std::vector<std::vector<std::string>> resolution{
        {o.T("Kết quả", "Outcome"), OutcomeLabel(o, r.outcome())},
        {o.T("Trả lời công khai", "Public summary"), r.public_summary()},
        {o.T("Ghi chú nội bộ", "Internal summary"), r.internal_summary()},
        {o.T("Số văn bản", "Document number"), r.document_number()},
        {o.T("Ngày giải quyết", "Resolved"), FormatDate(r.resolved_date())}};
    o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")}, resolution);
  }
  if (c.extensions_size() > 0) {
    o.Line(o.T("\nGia hạn:", "\nExtensions:"));
    std::vector<std::vector<std::string>> extensions;
    for (const auto& e : c.extensions()) {
      extensions.push_back({absl::StrCat(e.days()), e.reason(), e.document_number(),
                            FormatDate(e.previous_due_date()), FormatDate(e.new_due_date()),
                            names.Account(e.extended_by()), FormatTime(e.create_time())});
    }
    o.Table({o.T("Số ngày", "Days"), o.T("Lý do", "Reason"), o.T("Số quyết định", "Decision"),
             o.T("Hạn cũ", "Was due"), o.T("Hạn mới", "Now due"), o.T("Người gia hạn", "By"),
             o.T("Thời điểm", "When")},
            extensions);
  }
  if (c.apology_letters_size() > 0) {
    o.Line(o.T("\nPhiếu xin lỗi và hẹn lại ngày trả kết quả:", "\nApology letters:"));
    std::vector<std::vector<std::string>> letters;
    for (const auto& l : c.apology_letters()) {
      letters.push_back(
          {l.document_number(), FormatDate(l.sent_date()), l.reason(), FormatDate(l.new_return_date())});
    }
    o.Table({o.T("Số phiếu", "Number"), o.T("Ngày gửi", "Sent"), o.T("Lý do chậm", "Reason"),
             o.T("Hẹn trả kết quả", "New return date")},
            letters);
  }
  if (c.satisfaction().score() > 0) {
    const cv::SatisfactionRating& s = c.satisfaction();
    o.Line(
        absl::StrCat(o.T("\nĐánh giá của người gửi: ", "\nFiler's rating: "), s.score(), "/5",
                     s.create_time().seconds() != 0 ? absl::StrCat(" — ", FormatTime(s.create_time())) : ""));
    if (!s.comment().empty()) o.Line(absl::StrCat(o.T("Nhận xét: ", "Comment: "), s.comment()));
  }
}

// ---------------------------------------------------------------------------
// Enrolment notices and registrations.

std::vector<std::string> NoticeHeader(const Output& out) {
  return {out.T("Mã thông báo", "Id"),
          out.T("Năm học", "School year"),
          out.T("Đối tượng", "Intake"),
          out.T("Chỉ tiêu", "Places"),
          out.T("Thời gian đăng ký", "Registration"),
          out.T("Số hồ sơ đã nhận", "Registrations"),
          out.T("Trạng thái", "State")};
}

std::vector<std::string> NoticeRow(const Output& out, const cv::EnrolmentNotice& n,
                                   const common::v1::Date& today) {
  return {IdOf(n.name()),
          n.school_year(),
          Shorten(n.intake(), 40),
          absl::StrCat(n.places()),
          WindowText(n),
          absl::StrCat(n.registrations()),
          NoticeStatusLabel(out, n, today)};
}

void PrintNotice(const Output& o, const cv::EnrolmentNotice& n) {
  std::vector<std::vector<std::string>> rows;
  auto add = [&](const char* vi, const char* en, const std::string& value) {
    rows.push_back({o.T(vi, en), value});
  };
  auto add_if = [&](const char* vi, const char* en, const std::string& value) {
    if (!value.empty()) add(vi, en, value);
  };
  add("Mã thông báo", "Id", IdOf(n.name()));
  add("Tên đầy đủ", "Name", n.name());
  add("Năm học", "School year", n.school_year());
  add("Đối tượng tuyển sinh", "Intake", n.intake());
  add("Chỉ tiêu", "Places", absl::StrCat(n.places()));
  add("Thời gian đăng ký", "Registration", WindowText(n));
  add("Thời hạn trả lời hồ sơ", "Answer within", DaysText(o, n.processing_days(), cv::DAY_KIND_WORKING));
  add_if("Căn cứ", "Legal basis", n.legal_basis());
  add("Trạng thái", "State", NoticeStatusLabel(o, n, Today()));
  add_if("Lý do đóng", "Reason closed", n.closing_reason());
  add("Số hồ sơ đã nhận", "Registrations", absl::StrCat(n.registrations()));
  add_if("Công bố lúc", "Published", FormatTime(n.create_time()));
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")}, rows);
  o.Line(o.T("\nHồ sơ cần nộp:", "\nDocuments required:"));
  if (n.documents_required().empty()) o.Line(o.T("  (không nêu)", "  (none listed)"));
  int i = 0;
  for (const auto& document : n.documents_required()) o.Line(absl::StrCat("  ", ++i, ". ", document));
  if (!n.details().empty()) {
    o.Line(o.T("\nThông tin khác:", "\nOther information:"));
    o.Line(n.details());
  }
}

// The registrations of a notice (danh sách hồ sơ đăng ký tuyển sinh), for
// the table and --export.
std::vector<std::string> RegistrationHeader(const Output& out) {
  return {out.T("Mã theo dõi", "Tracking code"),
          out.T("Họ tên trẻ", "Child"),
          out.T("Ngày sinh", "Born"),
          out.T("Cha mẹ / người giám hộ", "Parent or guardian"),
          out.T("Điện thoại", "Phone"),
          out.T("Ngày nhận", "Received"),
          out.T("Hạn trả lời", "Due"),
          out.T("Trạng thái", "State"),
          out.T("Kết quả", "Outcome")};
}

std::vector<std::string> RegistrationRow(const Output& out, const cv::Case& c) {
  std::string hidden = out.T("(không hiển thị)", "(hidden)");
  return {c.tracking_code(),
          c.submitter_redacted() ? hidden : c.applicant().full_name(),
          FormatDate(c.applicant().birth_date()),
          c.submitter_redacted() ? hidden : c.submitter().full_name(),
          c.submitter().phone(),
          FormatDate(c.received_date()),
          DueText(out, c.resolution_due_date(), c.deadline_estimated()),
          StateLabel(out, c.state()),
          OutcomeLabel(out, c.resolution().outcome())};
}

// "schools/{school}/cases/{case}" for a full name, a case id, or a tracking
// code as printed on the filer's slip (it has capital letters; found by
// listing the school's cases, else taken as an id). nullopt after a usage
// error (no school).
std::optional<std::string> ResolveCase(App& app, Session& session, const std::string& school_flag,
                                       const std::string& text) {
  if (absl::StartsWith(text, "schools/")) return text;
  auto school = app.SchoolName(school_flag);
  if (!school) return std::nullopt;
  bool has_capital = false;
  for (char c : text) has_capital = has_capital || absl::ascii_isupper(static_cast<unsigned char>(c));
  if (has_capital) {
    std::string code = NormalizeCode(text);
    auto stub = cv::ComplaintService::NewStub(session.channel());
    cv::ListCasesRequest request;
    request.set_parent(*school);
    request.set_page_size(200);
    do {
      auto context = session.NewContext();
      cv::ListCasesResponse page;
      if (!stub->ListCases(context.get(), request, &page).ok()) break;  // the real call will say why
      for (const auto& c : page.cases()) {
        if (NormalizeCode(c.tracking_code()) == code) return c.name();
      }
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
  }
  return absl::StrCat(*school, "/cases/", text);
}

// "schools/{school}/enrolmentNotices/{notice}" for a full name, or a notice
// id of --school (default: the caller's school). nullopt after a usage error.
std::optional<std::string> ResolveNotice(App& app, const std::string& school_flag, const std::string& text) {
  if (absl::StartsWith(text, "schools/")) return text;
  auto school = app.SchoolName(school_flag);
  if (!school) return std::nullopt;
  return absl::StrCat(*school, "/enrolmentNotices/", text);
}

// What a mutation answered with the case prints.
void PrintChanged(App& app, const cv::Case& c, const std::string& message) {
  if (app.out.json) return app.out.Json(c);
  app.out.Line(absl::StrCat(message, ": ", c.tracking_code().empty() ? IdOf(c.name()) : c.tracking_code()));
  Session session = app.NewSession();
  Names names(session);
  app.out.Table(CaseHeader(app.out), {CaseRow(app.out, names, c)});
}

// The directory's entry of the school a case belongs to, when the caller
// may read it (nullopt otherwise; the caller then falls back quietly).
std::optional<directory::v1::School> SchoolOfCase(Session& session, const std::string& case_name) {
  directory::v1::GetSchoolRequest request;
  request.set_name(case_name.substr(0, case_name.find("/cases/")));
  directory::v1::School school;
  auto context = session.NewContext();
  if (!directory::v1::DirectoryService::NewStub(session.channel())
           ->GetSchool(context.get(), request, &school)
           .ok())
    return std::nullopt;
  return school;
}

}  // namespace

void AddCaseCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, id, assignee, from, to;
    std::vector<std::string> types, states;
    std::string type, channel, subject, content, content_file, received, accepted, decision_date, name, phone,
        email, address, id_number, procedure_code, complexity, filing_delay_reason;
    std::string date, doc, reason, new_date, sent, outcome, summary, internal, text, authority, issuing_unit;
    std::string school_year, intake, details, details_file, basis;
    std::vector<std::string> documents;
    int round = 0, procedure_days = 0, days = 0, year = 0, places = 0, processing_days = 0;
    bool due_soon = false, overdue = false, open = false, all = false, anonymous = false, is_public = false;
  } f;
  auto* cases = root.add_subcommand(
      "cases", "Phản ánh, kiến nghị, khiếu nại, tố cáo, hồ sơ TTHC (cases the school receives)");
  cases->require_subcommand(1);
  auto add_school = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  };
  auto add_case = [add_school](CLI::App* cmd) {
    cmd->add_option("id", f.id,
                    "Mã hồ sơ (cột đầu của 'cases list') hoặc mã theo dõi, ví dụ MN2010-7KQ4-XP9D")
        ->required();
    add_school(cmd);
  };

  // Runs a change answered with the case: resolves ID, calls with a fresh
  // request id (or --request-id), prints the case's row.
  using ChangeFn =
      std::function<grpc::Status(Session&, cv::ComplaintService::Stub&, grpc::ClientContext*,
                                 const std::string& name, const std::string& request_id, cv::Case*)>;
  auto change = [&app](const char* verb, const char* done_vi, const char* done_en, ChangeFn call) {
    Session session = app.NewSession();
    auto name = ResolveCase(app, session, f.school, f.id);
    if (!name) return;
    auto stub = cv::ComplaintService::NewStub(session.channel());
    std::string request_id = app.RequestId(absl::StrCat("cli-cases-", verb, "-", platform::RandomId()));
    cv::Case updated;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return call(session, *stub, c, *name, request_id, &updated); }))
      return;
    PrintChanged(app, updated, app.out.T(done_vi, done_en));
  };

  // --- list --------------------------------------------------------------
  auto* list = cases->add_subcommand("list", "Danh sách, sổ theo dõi (the register; --export to a file)");
  add_school(list);
  list->add_option("--type", f.types, absl::StrCat("Loại (lặp lại được): ", kTypeWords))->delimiter(',');
  list->add_option("--state", f.states, absl::StrCat("Trạng thái (lặp lại được): ", kStateWords))
      ->delimiter(',');
  list->add_flag("--open", f.open, "Chỉ hồ sơ đang mở (chờ thụ lý, đã thụ lý, đang giải quyết)");
  list->add_flag("--due-soon", f.due_soon, "Chỉ hồ sơ sắp đến hạn (trong 3 ngày làm việc)");
  list->add_flag("--overdue", f.overdue, "Chỉ hồ sơ quá hạn");
  list->add_option("--assignee", f.assignee, "Người xử lý: accounts/<id> hoặc <id>");
  list->add_option("--from", f.from, "Nhận từ ngày");
  list->add_option("--to", f.to, "Nhận đến ngày");
  list->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 50 hồ sơ)");
  AddExportOption(list, app);
  list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    cv::ListCasesRequest request;
    request.set_parent(*school);
    for (const auto& text : f.types) {
      auto type = ParseCaseType(text);
      if (!type) return app.Usage(absl::StrCat("--type: ", kTypeWords));
      request.add_case_types(*type);
    }
    for (const auto& text : f.states) {
      auto state = ParseState(text);
      if (!state) return app.Usage(absl::StrCat("--state: ", kStateWords));
      request.add_states(*state);
    }
    if (f.open) {
      for (auto state : {cv::CASE_STATE_RECEIVED, cv::CASE_STATE_ACCEPTED, cv::CASE_STATE_IN_PROGRESS})
        request.add_states(state);
    }
    if (f.due_soon) request.add_timeliness(cv::CASE_TIMELINESS_DUE_SOON);
    if (f.overdue) request.add_timeliness(cv::CASE_TIMELINESS_OVERDUE);
    request.set_assignee(AccountName(f.assignee));
    auto from = [&](const common::v1::Date& d) { *request.mutable_received_after() = d; };
    auto to = [&](const common::v1::Date& d) { *request.mutable_received_before() = d; };
    if (!OptionalDateFlag(app, "--from", f.from, from) || !OptionalDateFlag(app, "--to", f.to, to)) return;
    // A register written to a file is always complete.
    bool exporting = !app.export_path.empty();
    bool every_page = f.all || exporting;
    request.set_page_size(every_page ? 200 : 50);
    Session session = app.NewSession();
    auto stub = cv::ComplaintService::NewStub(session.channel());
    cv::ListCasesResponse all;
    do {
      cv::ListCasesResponse page;
      if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->ListCases(c, request, &page); }))
        return;
      all.mutable_cases()->MergeFrom(page.cases());
      all.set_next_page_token(page.next_page_token());
      request.set_page_token(page.next_page_token());
    } while (every_page && !request.page_token().empty());
    if (app.out.json && !exporting) return app.out.Json(all);
    if (exporting) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& c : all.cases()) rows.push_back(RegisterRow(app.out, c));
      Export(app, app.out.T("Sổ theo dõi", "Register"), RegisterHeader(app.out), rows);
      return;
    }
    std::vector<std::vector<std::string>> rows;
    bool estimated = false;
    Names names(session);
    for (const auto& c : all.cases()) {
      rows.push_back(CaseRow(app.out, names, c));
      estimated = estimated || (c.deadline_estimated() && c.current_due_date().year() != 0);
    }
    app.out.Table(CaseHeader(app.out), rows);
    if (estimated) app.out.Line(app.out.T("* hạn ước tính (lịch nghỉ chưa công bố)", "* estimated due date"));
    if (!all.next_page_token().empty()) {
      app.out.Line(app.out.T("Còn nữa: thêm --all để xem tất cả.", "More: add --all to see every case."));
    }
  });

  // --- escalated (the authority) -------------------------------------------
  static std::string escalated_authority;
  auto* escalated = cases->add_subcommand(
      "escalated", "Khiếu nại lần hai các trường chuyển lên cơ quan (authority officers; newest first)");
  escalated->add_option("--authority", escalated_authority, "Cơ quan (mặc định: của bạn)");
  escalated->add_flag("--all", f.all, "Lấy hết mọi trang (mặc định: trang đầu, 50 hồ sơ)");
  AddExportOption(escalated, app);
  escalated->callback([&app] {
    auto authority = app.AuthorityName(escalated_authority);
    if (!authority) return;
    parhub::authority::v1::ListEscalatedCasesRequest request;
    request.set_authority(*authority);
    request.set_page_size(f.all ? 200 : 50);
    Session session = app.NewSession();
    auto stub = parhub::authority::v1::AuthorityService::NewStub(session.channel());
    cv::ListEscalatedCasesResponse all;
    do {
      cv::ListEscalatedCasesResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListEscalatedCases(c, request, &page); }))
        return;
      all.mutable_cases()->MergeFrom(page.cases());
      all.set_next_page_token(page.next_page_token());
      request.set_page_token(page.next_page_token());
    } while (f.all && !request.page_token().empty());
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    Names names(session);
    for (const auto& c : all.cases()) rows.push_back(CaseRow(app.out, names, c));
    PrintList(app, app.out.T("Khiếu nại lần hai", "Escalated"), CaseHeader(app.out), rows);
    if (!all.next_page_token().empty()) {
      app.out.Line(app.out.T("Còn nữa: thêm --all để xem tất cả.", "More: add --all to see every case."));
    }
  });

  // --- show, events --------------------------------------------------------
  auto* show = cases->add_subcommand("show", "Chi tiết một hồ sơ (one case, every field)");
  add_case(show);
  show->callback([&app] {
    Session session = app.NewSession();
    auto name = ResolveCase(app, session, f.school, f.id);
    if (!name) return;
    cv::GetCaseRequest request;
    request.set_name(*name);
    cv::Case c;
    if (!Call(app, session, [&](grpc::ClientContext* ctx) {
          return cv::ComplaintService::NewStub(session.channel())->GetCase(ctx, request, &c);
        }))
      return;
    if (app.out.json) return app.out.Json(c);
    // A registration's notice, for its year and intake; quietly left out
    // when it cannot be read.
    std::optional<cv::EnrolmentNotice> notice;
    if (!c.enrolment_notice().empty()) {
      cv::GetEnrolmentNoticeRequest notice_request;
      notice_request.set_name(c.enrolment_notice());
      cv::EnrolmentNotice got;
      auto context = session.NewContext();
      if (cv::ComplaintService::NewStub(session.channel())
              ->GetEnrolmentNotice(context.get(), notice_request, &got)
              .ok())
        notice = got;
    }
    Names names(session);
    PrintCase(app.out, names, c, notice ? &*notice : nullptr);
  });

  auto* events = cases->add_subcommand("events", "Lịch sử xử lý của hồ sơ, cũ nhất trước (a case's history)");
  add_case(events);
  AddExportOption(events, app);
  events->callback([&app] {
    Session session = app.NewSession();
    auto name = ResolveCase(app, session, f.school, f.id);
    if (!name) return;
    auto stub = cv::ComplaintService::NewStub(session.channel());
    cv::ListCaseEventsRequest request;
    request.set_parent(*name);
    request.set_page_size(500);
    cv::ListCaseEventsResponse all;
    do {
      cv::ListCaseEventsResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListCaseEvents(c, request, &page); }))
        return;
      all.mutable_events()->MergeFrom(page.events());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : all.events()) {
      std::string states;
      if (e.from_state() != cv::CASE_STATE_UNSPECIFIED || e.to_state() != cv::CASE_STATE_UNSPECIFIED) {
        states =
            e.from_state() == cv::CASE_STATE_UNSPECIFIED
                ? StateLabel(app.out, e.to_state())
                : absl::StrCat(StateLabel(app.out, e.from_state()), " → ", StateLabel(app.out, e.to_state()));
      }
      std::string actor = e.actor() == "public" ? app.out.T("Người gửi", "Filer") : IdOf(e.actor());
      rows.push_back({FormatTime(e.create_time()), EventKindLabel(app.out, e.kind()),
                      VisibilityLabel(app.out, e.visibility()), actor, states, e.note()});
    }
    PrintList(
        app, app.out.T("Lịch sử xử lý", "Case events"),
        {app.out.T("Thời điểm", "When"), app.out.T("Sự kiện", "Event"), app.out.T("Hiển thị", "Visibility"),
         app.out.T("Người thực hiện", "By"), app.out.T("Trạng thái", "State"), app.out.T("Ghi chú", "Note")},
        rows);
  });

  // --- add -----------------------------------------------------------------
  auto* add = cases->add_subcommand("add", "Vào sổ một hồ sơ nhận được (register a case received)");
  add_school(add);
  add->add_option("--type", f.type, kTypeWords)->required();
  add->add_option("--round", f.round, "Khiếu nại lần 1 hoặc 2 (mặc định 1)");
  add->add_option("--channel", f.channel, kChannelWords)->required();
  add->add_option("--subject", f.subject, "Tiêu đề (tóm tắt nội dung)")->required();
  add->add_option("--content", f.content, "Nội dung đơn");
  add->add_option("--content-file", f.content_file, "Đọc nội dung từ tệp UTF-8 (- : đọc từ đầu vào chuẩn)");
  add->add_option("--received", f.received, "Ngày nhận (mặc định: hôm nay)");
  add->add_option(
      "--decision-date", f.decision_date,
      "Khiếu nại: ngày nhận được quyết định hoặc biết được hành vi bị khiếu nại (tính thời hiệu)");
  add->add_option("--filing-delay-reason", f.filing_delay_reason,
                  "Khiếu nại quá thời hiệu: lý do chính đáng (ốm đau, thiên tai, đi công tác…)");
  add->add_option("--name", f.name, "Họ tên người gửi");
  add->add_option("--phone", f.phone, "Điện thoại");
  add->add_option("--email", f.email, "Thư điện tử");
  add->add_option("--address", f.address, "Địa chỉ");
  add->add_option("--id-number", f.id_number, "Số giấy tờ tùy thân (không bắt buộc)");
  add->add_flag("--anonymous", f.anonymous, "Người gửi đề nghị giữ bí mật danh tính (phản ánh, kiến nghị)");
  add->add_option("--procedure-code", f.procedure_code, "Hồ sơ TTHC: mã thủ tục, ví dụ 1.004438");
  add->add_option("--procedure-days", f.procedure_days, "Hồ sơ TTHC: thời hạn giải quyết (ngày làm việc)");
  add->add_option("--complexity", f.complexity, kComplexityWords);
  add->callback([&app] {
    auto school = app.SchoolName(f.school);
    auto type = ParseCaseType(f.type);
    if (!type) app.Usage(absl::StrCat("--type: ", kTypeWords));
    auto channel = ParseChannel(f.channel);
    if (!channel) app.Usage(absl::StrCat("--channel: ", kChannelWords));
    auto complexity = ComplexityFlag(app, f.complexity);
    auto received = OptionalDate(app, "--received", f.received, Today());
    auto decision = OptionalDate(app, "--decision-date", f.decision_date, common::v1::Date{});
    if (!school || !type || !channel || !complexity || !received || !decision) return;
    if (f.content.empty() == f.content_file.empty()) {
      return app.Usage(app.out.T("cần đúng một trong --content và --content-file",
                                 "give exactly one of --content and --content-file"));
    }
    std::string content = f.content;
    if (!f.content_file.empty()) {
      auto text = ReadTextFile(app, f.content_file);
      if (!text) return;
      content = *text;
    }
    cv::CreateCaseRequest request;
    request.set_parent(*school);
    cv::Case* c = request.mutable_case_();
    c->set_case_type(*type);
    c->set_channel(*channel);
    c->set_subject(f.subject);
    c->set_content(content);
    *c->mutable_received_date() = *received;
    // Complaints default to the first round; a round given for another type
    // is sent as is, for the service to refuse with its reason.
    c->set_complaint_round(*type == cv::CASE_TYPE_COMPLAINT && f.round == 0 ? 1 : f.round);
    if (decision->year() != 0) *c->mutable_decision_date() = *decision;
    c->set_filing_delay_reason(f.filing_delay_reason);
    c->set_complexity(*complexity);
    c->set_procedure_code(f.procedure_code);
    c->set_procedure_time_limit_days(f.procedure_days);
    cv::Submitter* s = c->mutable_submitter();
    s->set_full_name(f.name);
    s->set_phone(f.phone);
    s->set_email(f.email);
    s->set_address(f.address);
    s->set_id_number(f.id_number);
    s->set_anonymous(f.anonymous);
    request.set_request_id(app.RequestId(absl::StrCat("cli-cases-add-", platform::RandomId())));
    Session session = app.NewSession();
    cv::Case created;
    if (!Call(app, session, [&](grpc::ClientContext* ctx) {
          return cv::ComplaintService::NewStub(session.channel())->CreateCase(ctx, request, &created);
        }))
      return;
    if (app.out.json) return app.out.Json(created);
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Đã vào sổ hồ sơ ", "Registered case "), IdOf(created.name()), " — ",
                        CaseKind(o, created.case_type(), created.complaint_round()), ", ",
                        StateLabel(o, created.state())));
    o.Line(absl::StrCat(o.T("Mã theo dõi: ", "Tracking code: "), created.tracking_code()));
    if (!created.tracking_secret().empty()) {
      o.Line(absl::StrCat(o.T("Mã bí mật: ", "Tracking secret: "), created.tracking_secret()));
      o.Line(
          o.T("  (chỉ hiện một lần — ghi vào phiếu tiếp nhận, đưa cho người gửi cùng mã theo dõi để tra cứu)",
              "  (shown once — give it to the filer with the tracking code, on the receipt slip)"));
    }
    bool est = created.deadline_estimated();
    if (created.acceptance_due_date().year() != 0 && created.state() == cv::CASE_STATE_RECEIVED) {
      o.Line(absl::StrCat(o.T("Hạn thụ lý: ", "Acceptance due: "),
                          DueText(o, created.acceptance_due_date(), est)));
    }
    if (created.resolution_due_date().year() != 0) {
      o.Line(absl::StrCat(
          o.T("Hạn giải quyết: ", "Resolution due: "), DueText(o, created.resolution_due_date(), est),
          created.state() == cv::CASE_STATE_RECEIVED
              ? o.T(" (dự kiến; tính lại khi thụ lý)", " (indicative; recomputed at acceptance)")
              : ""));
    }
    o.Line(absl::StrCat(o.T("Chính sách thời hạn: ", "Deadline policy: "), created.deadline_policy()));
  });

  // --- state changes -------------------------------------------------------
  auto* accept = cases->add_subcommand("accept", "Thụ lý (RECEIVED → ACCEPTED; bắt đầu tính hạn giải quyết)");
  add_case(accept);
  accept->add_option("--date", f.date, "Ngày thụ lý (mặc định: hôm nay)");
  accept->add_option("--doc", f.doc, "Số thông báo thụ lý");
  accept->add_option("--complexity", f.complexity, kComplexityWords);
  accept->callback([&app, change] {
    auto complexity = ComplexityFlag(app, f.complexity);
    auto date = OptionalDate(app, "--date", f.date, common::v1::Date{});
    if (!complexity || !date) return;
    change("accept", "Đã thụ lý", "Accepted",
           [&](Session& /*session*/, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::AcceptCaseRequest r;
             r.set_name(name);
             if (date->year() != 0) *r.mutable_accepted_date() = *date;
             r.set_document_number(f.doc);
             r.set_complexity(*complexity);
             r.set_request_id(request_id);
             return stub.AcceptCase(c, r, out);
           });
  });

  auto* reject =
      cases->add_subcommand("reject", "Không thụ lý, nêu lý do theo luật (RECEIVED → NOT_ACCEPTED)");
  add_case(reject);
  reject->add_option("--reason", f.reason, "Lý do, ví dụ \"Đã quá thời hiệu khiếu nại\"")->required();
  reject->add_option("--doc", f.doc, "Số thông báo");
  reject->callback([change] {
    change("reject", "Đã ghi không thụ lý", "Not accepted",
           [&](Session& /*session*/, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::RejectCaseRequest r;
             r.set_name(name);
             r.set_reason(f.reason);
             r.set_document_number(f.doc);
             r.set_request_id(request_id);
             return stub.RejectCase(c, r, out);
           });
  });

  auto* assign = cases->add_subcommand("assign", "Phân công (hoặc đổi) người xử lý");
  add_case(assign);
  assign->add_option("--to", f.assignee, "Tài khoản người xử lý: accounts/<id> hoặc <id>")->required();
  assign->callback([change] {
    change("assign", "Đã phân công", "Assigned",
           [&](Session& /*session*/, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::AssignCaseRequest r;
             r.set_name(name);
             r.set_assignee(AccountName(f.assignee));
             r.set_request_id(request_id);
             return stub.AssignCase(c, r, out);
           });
  });

  auto* extend = cases->add_subcommand("extend", "Gia hạn giải quyết trong giới hạn của quy định, có lý do");
  add_case(extend);
  extend
      ->add_option(
          "--days", f.days,
          "Số ngày gia hạn (theo loại ngày của quy định); 0 cùng --complexity: chỉ áp thời hạn dài hơn "
          "của vụ việc phức tạp")
      ->required();
  extend->add_option("--reason", f.reason, "Lý do gia hạn")->required();
  extend->add_option("--doc", f.doc, "Số quyết định gia hạn");
  extend->add_option("--complexity", f.complexity,
                     "Nâng mức độ phức tạp cùng lần gia hạn: complex | especially-complex");
  extend->callback([&app, change] {
    if (f.days < 0 || (f.days == 0 && f.complexity.empty())) {
      return app.Usage(app.out.T("--days phải lớn hơn 0 (hoặc 0 cùng --complexity)",
                                 "--days must be more than 0 (or 0 with --complexity)"));
    }
    auto complexity = ComplexityFlag(app, f.complexity);
    if (!complexity) return;
    change("extend", "Đã gia hạn", "Extended",
           [&](Session& /*session*/, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::ExtendCaseDeadlineRequest r;
             r.set_name(name);
             r.set_days(f.days);
             r.set_reason(f.reason);
             r.set_document_number(f.doc);
             r.set_complexity(*complexity);
             r.set_request_id(request_id);
             return stub.ExtendCaseDeadline(c, r, out);
           });
  });

  auto* apology =
      cases->add_subcommand("apology", "Phiếu xin lỗi và hẹn lại ngày trả kết quả (hồ sơ TTHC trễ hạn)");
  apology->require_subcommand(1);
  auto* draft = apology->add_subcommand("draft", "Soạn phiếu từ dữ liệu hồ sơ để ký, gửi (không ghi gì)");
  add_case(draft);
  draft->add_option("--reason", f.reason, "Lý do chậm, như sẽ ghi trong phiếu")->required();
  draft->add_option("--new-date", f.new_date, "Ngày hẹn trả kết quả mới")->required();
  draft->add_option("--issuing-unit", f.issuing_unit, "Đơn vị ký phiếu (mặc định: tên trường)");
  draft->callback([&app] {
    auto new_date = ParseDateFlag(app, "--new-date", f.new_date);
    if (!new_date) return;
    Session session = app.NewSession();
    auto name = ResolveCase(app, session, f.school, f.id);
    if (!name) return;
    cv::DraftApologyLetterRequest request;
    request.set_name(*name);
    request.set_reason(f.reason);
    *request.mutable_new_return_date() = *new_date;
    std::string unit = f.issuing_unit;
    if (unit.empty()) {  // the school's name, when the directory tells it
      if (auto school = SchoolOfCase(session, *name)) unit = school->display_name();
    }
    request.set_issuing_unit(unit);
    cv::ApologyLetterDraft letter;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())->DraftApologyLetter(c, request, &letter);
        }))
      return;
    if (app.out.json) return app.out.Json(letter);
    if (!absl::StrContains(letter.text(), letter.title())) {  // the letter usually carries its title
      app.out.Line(letter.title());
      app.out.Line("");
    }
    app.out.Line(letter.text());
    if (!letter.form().empty()) app.out.Line(absl::StrCat("\n", app.out.T("Mẫu: ", "Form: "), letter.form()));
  });

  auto* record = apology->add_subcommand("record", "Ghi phiếu xin lỗi đã gửi");
  add_case(record);
  record->add_option("--doc", f.doc, "Số phiếu")->required();
  record->add_option("--sent", f.sent, "Ngày gửi")->required();
  record->add_option("--reason", f.reason, "Lý do chậm")->required();
  record->add_option("--new-date", f.new_date, "Ngày hẹn trả kết quả mới")->required();
  record->callback([&app, change] {
    auto sent = ParseDateFlag(app, "--sent", f.sent);
    auto new_date = ParseDateFlag(app, "--new-date", f.new_date);
    if (!sent || !new_date) return;
    change("apology", "Đã ghi phiếu xin lỗi", "Apology letter recorded",
           [&](Session& /*session*/, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::RecordApologyLetterRequest r;
             r.set_name(name);
             cv::ApologyLetter* l = r.mutable_letter();
             l->set_document_number(f.doc);
             *l->mutable_sent_date() = *sent;
             l->set_reason(f.reason);
             *l->mutable_new_return_date() = *new_date;
             r.set_request_id(request_id);
             return stub.RecordApologyLetter(c, r, out);
           });
  });

  auto* resolve =
      cases->add_subcommand("resolve", "Ghi kết quả giải quyết (ACCEPTED/IN_PROGRESS → RESOLVED)");
  add_case(resolve);
  resolve->add_option("--outcome", f.outcome, kOutcomeWords)->required();
  resolve->add_option("--summary", f.summary, "Nội dung trả lời công khai (người gửi xem được)")->required();
  resolve->add_option("--internal", f.internal, "Ghi chú nội bộ");
  resolve->add_option("--doc", f.doc, "Số văn bản trả lời / quyết định giải quyết");
  resolve->add_option("--date", f.date, "Ngày ban hành văn bản (mặc định: hôm nay)");
  resolve->callback([&app, change] {
    auto outcome = ParseOutcome(f.outcome);
    if (!outcome) app.Usage(absl::StrCat("--outcome: ", kOutcomeWords));
    auto date = OptionalDate(app, "--date", f.date, Today());
    if (!outcome || !date) return;
    change("resolve", "Đã giải quyết", "Resolved",
           [&](Session& /*session*/, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::ResolveCaseRequest r;
             r.set_name(name);
             cv::Resolution* res = r.mutable_resolution();
             res->set_outcome(*outcome);
             res->set_public_summary(f.summary);
             res->set_internal_summary(f.internal);
             res->set_document_number(f.doc);
             *res->mutable_resolved_date() = *date;
             r.set_request_id(request_id);
             return stub.ResolveCase(c, r, out);
           });
  });

  auto* escalate = cases->add_subcommand(
      "escalate", "Khiếu nại lần hai: chuyển lên cơ quan quản lý (RESOLVED hoặc quá hạn)");
  add_case(escalate);
  escalate->add_option("--reason", f.reason, "Lý do (không đồng ý với quyết định, hoặc quá hạn)")->required();
  escalate->add_option("--date", f.date, "Ngày nộp đơn khiếu nại lần hai (mặc định: hôm nay)");
  escalate->add_option("--authority", f.authority,
                       "Cơ quan giải quyết lần hai (mặc định: cơ quan quản lý trường)");
  escalate->callback([&app, change] {
    auto date = OptionalDate(app, "--date", f.date, Today());
    if (!date) return;
    change("escalate", "Đã chuyển lên cấp trên", "Escalated",
           [&](Session& session, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::EscalateCaseRequest r;
             r.set_name(name);
             r.set_reason(f.reason);
             *r.mutable_escalation_date() = *date;
             r.set_authority(f.authority.empty() || absl::StartsWith(f.authority, "authorities/")
                                 ? f.authority
                                 : absl::StrCat("authorities/", f.authority));
             if (r.authority().empty()) {
               // The school's authority: the service would otherwise take the
               // caller's own, which a school account does not have.
               if (auto school = SchoolOfCase(session, name)) r.set_authority(school->authority());
             }
             r.set_request_id(request_id);
             return stub.EscalateCase(c, r, out);
           });
  });

  auto* withdraw =
      cases->add_subcommand("withdraw", "Người gửi rút đơn (mọi trạng thái đang mở → WITHDRAWN)");
  add_case(withdraw);
  withdraw->add_option("--reason", f.reason, "Lý do, ví dụ \"Đơn rút khiếu nại ngày 12/03/2025\"")
      ->required();
  withdraw->callback([change] {
    change("withdraw", "Đã ghi rút đơn", "Withdrawn",
           [&](Session& /*session*/, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::WithdrawCaseRequest r;
             r.set_name(name);
             r.set_reason(f.reason);
             r.set_request_id(request_id);
             return stub.WithdrawCase(c, r, out);
           });
  });

  auto* reopen = cases->add_subcommand(
      "reopen", "Mở lại phản ánh, kiến nghị đã giải quyết khi người gửi báo chưa được giải quyết xong");
  add_case(reopen);
  reopen->add_option("--reason", f.reason, "Điều người gửi cho là chưa được giải quyết")->required();
  reopen->callback([change] {
    change("reopen", "Đã mở lại", "Reopened",
           [&](Session& /*session*/, cv::ComplaintService::Stub& stub, grpc::ClientContext* c,
               const std::string& name, const std::string& request_id, cv::Case* out) {
             cv::ReopenCaseRequest r;
             r.set_name(name);
             r.set_reason(f.reason);
             r.set_request_id(request_id);
             return stub.ReopenCase(c, r, out);
           });
  });

  auto* note =
      cases->add_subcommand("note", "Thêm ghi chú vào lịch sử (nội bộ; --public: người gửi xem được)");
  add_case(note);
  note->add_option("--text", f.text, "Nội dung ghi chú")->required();
  note->add_flag("--public", f.is_public, "Công khai cho người gửi qua tra cứu");
  note->callback([&app] {
    Session session = app.NewSession();
    auto name = ResolveCase(app, session, f.school, f.id);
    if (!name) return;
    cv::AddCaseNoteRequest request;
    request.set_parent(*name);
    request.set_note(f.text);
    request.set_visibility(f.is_public ? cv::VISIBILITY_PUBLIC : cv::VISIBILITY_INTERNAL);
    request.set_request_id(app.RequestId(absl::StrCat("cli-cases-note-", platform::RandomId())));
    cv::CaseEvent event;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())->AddCaseNote(c, request, &event);
        }))
      return;
    if (app.out.json) return app.out.Json(event);
    app.out.Line(absl::StrCat(app.out.T("Đã ghi chú ", "Note added, "),
                              VisibilityLabel(app.out, event.visibility()),
                              app.out.T(" vào hồ sơ ", " to case "), IdOf(*name)));
  });

  // --- enrolment (tuyển sinh) ----------------------------------------------
  auto* enrolment = cases->add_subcommand(
      "enrolment", "Thông báo tuyển sinh và hồ sơ đăng ký của phụ huynh (enrolment notices, registrations)");
  enrolment->require_subcommand(1);
  auto add_notice = [add_school](CLI::App* cmd) {
    cmd->add_option("id", f.id, "Mã thông báo (cột đầu của 'cases enrolment list') hoặc tên đầy đủ")
        ->required();
    add_school(cmd);
  };

  auto* publish = enrolment->add_subcommand(
      "publish", "Công khai thông báo tuyển sinh: chỉ tiêu, thời gian, hồ sơ cần nộp (publish a notice)");
  add_school(publish);
  publish->add_option("--year", f.school_year, "Năm học, ví dụ 2026-2027")->required();
  publish->add_option("--intake", f.intake, "Đối tượng tuyển sinh, ví dụ \"Trẻ 5 tuổi (sinh năm 2021)\"")
      ->required();
  publish->add_option("--places", f.places, "Chỉ tiêu tuyển sinh")->required();
  publish->add_option("--from", f.from, "Ngày bắt đầu nhận hồ sơ đăng ký")->required();
  publish->add_option("--to", f.to, "Ngày cuối nhận hồ sơ đăng ký (tính cả ngày này)")->required();
  publish
      ->add_option("--processing-days", f.processing_days,
                   "Thời hạn trả lời mỗi hồ sơ đăng ký (ngày làm việc, 1-60)")
      ->required();
  publish->add_option("--document", f.documents, "Giấy tờ cần nộp, mỗi lần một loại (lặp lại được)");
  publish->add_option("--details", f.details, "Thông tin khác cho phụ huynh (địa bàn, đối tượng ưu tiên…)");
  publish->add_option("--details-file", f.details_file,
                      "Đọc thông tin khác từ tệp UTF-8 (- : đọc từ đầu vào chuẩn)");
  publish->add_option("--basis", f.basis, "Căn cứ (kế hoạch, quyết định tuyển sinh)");
  publish->callback([&app] {
    auto period = SchoolPeriodFlags(app, f.school, f.from, f.to);
    if (!period) return;
    if (!f.details.empty() && !f.details_file.empty()) {
      return app.Usage(app.out.T("chỉ dùng một trong --details và --details-file",
                                 "give at most one of --details and --details-file"));
    }
    std::string details = f.details;
    if (!f.details_file.empty()) {
      auto text = ReadTextFile(app, f.details_file);
      if (!text) return;
      details = *text;
    }
    cv::CreateEnrolmentNoticeRequest request;
    request.set_parent(period->school);
    cv::EnrolmentNotice* n = request.mutable_enrolment_notice();
    n->set_school_year(f.school_year);
    n->set_intake(f.intake);
    n->set_places(f.places);
    *n->mutable_registration_start() = period->start;
    *n->mutable_registration_end() = period->end;
    n->set_processing_days(f.processing_days);
    for (const auto& document : f.documents) n->add_documents_required(document);
    n->set_details(details);
    n->set_legal_basis(f.basis);
    request.set_request_id(app.RequestId(absl::StrCat("cli-cases-enrolment-publish-", platform::RandomId())));
    Session session = app.NewSession();
    cv::EnrolmentNotice created;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())
              ->CreateEnrolmentNotice(c, request, &created);
        }))
      return;
    if (app.out.json) return app.out.Json(created);
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Đã công bố thông báo tuyển sinh ", "Published enrolment notice "),
                        IdOf(created.name()), " (", created.name(), ")"));
    o.Line(absl::StrCat(o.T("Năm học ", "School year "), created.school_year(), " — ", created.intake()));
    o.Line(absl::StrCat(o.T("Thời gian đăng ký: ", "Registration: "), WindowText(created)));
    o.Line(absl::StrCat(o.T("Chỉ tiêu: ", "Places: "), created.places()));
    o.Line(absl::StrCat(o.T("Thời hạn trả lời hồ sơ: ", "Answer within: "),
                        DaysText(o, created.processing_days(), cv::DAY_KIND_WORKING)));
    o.Line(absl::StrCat(o.T("Giấy tờ cần nộp: ", "Documents required: "), created.documents_required_size()));
  });

  auto* notices = enrolment->add_subcommand("list", "Các thông báo tuyển sinh của trường, mới nhất trước");
  add_school(notices);
  notices->add_flag("--open", f.open, "Chỉ thông báo đang nhận hồ sơ hôm nay");
  AddExportOption(notices, app);
  notices->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    cv::ListEnrolmentNoticesRequest request;
    request.set_parent(*school);
    request.set_open_only(f.open);
    request.set_page_size(100);
    Session session = app.NewSession();
    auto stub = cv::ComplaintService::NewStub(session.channel());
    cv::ListEnrolmentNoticesResponse all;
    do {
      cv::ListEnrolmentNoticesResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListEnrolmentNotices(c, request, &page); }))
        return;
      all.mutable_enrolment_notices()->MergeFrom(page.enrolment_notices());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    common::v1::Date today = Today();
    std::vector<std::vector<std::string>> rows;
    for (const auto& n : all.enrolment_notices()) rows.push_back(NoticeRow(app.out, n, today));
    PrintList(app, app.out.T("Thông báo tuyển sinh", "Enrolment notices"), NoticeHeader(app.out), rows);
  });

  auto* notice_show =
      enrolment->add_subcommand("show", "Chi tiết một thông báo tuyển sinh, cả hồ sơ cần nộp");
  add_notice(notice_show);
  notice_show->callback([&app] {
    auto name = ResolveNotice(app, f.school, f.id);
    if (!name) return;
    cv::GetEnrolmentNoticeRequest request;
    request.set_name(*name);
    Session session = app.NewSession();
    cv::EnrolmentNotice n;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())->GetEnrolmentNotice(c, request, &n);
        }))
      return;
    if (app.out.json) return app.out.Json(n);
    PrintNotice(app.out, n);
  });

  auto* notice_close =
      enrolment->add_subcommand("close", "Đóng thông báo trước hạn, nêu lý do (không nhận thêm hồ sơ)");
  add_notice(notice_close);
  notice_close->add_option("--reason", f.reason, "Lý do, ví dụ \"Đã đủ chỉ tiêu\"")->required();
  notice_close->callback([&app] {
    auto name = ResolveNotice(app, f.school, f.id);
    if (!name) return;
    cv::CloseEnrolmentNoticeRequest request;
    request.set_name(*name);
    request.set_reason(f.reason);
    request.set_request_id(app.RequestId(absl::StrCat("cli-cases-enrolment-close-", platform::RandomId())));
    Session session = app.NewSession();
    cv::EnrolmentNotice closed;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())->CloseEnrolmentNotice(c, request, &closed);
        }))
      return;
    if (app.out.json) return app.out.Json(closed);
    app.out.Line(absl::StrCat(app.out.T("Đã đóng thông báo tuyển sinh ", "Closed enrolment notice "),
                              IdOf(closed.name())));
    app.out.Table(NoticeHeader(app.out), {NoticeRow(app.out, closed, Today())});
  });

  auto* registrations = enrolment->add_subcommand(
      "registrations", "Hồ sơ đăng ký theo một thông báo (--export để xuất danh sách)");
  add_notice(registrations);
  AddExportOption(registrations, app);
  registrations->callback([&app] {
    auto name = ResolveNotice(app, f.school, f.id);
    if (!name) return;
    cv::ListCasesRequest request;
    request.set_parent(name->substr(0, name->find("/enrolmentNotices/")));
    request.set_enrolment_notice(*name);
    request.set_page_size(200);
    Session session = app.NewSession();
    auto stub = cv::ComplaintService::NewStub(session.channel());
    cv::ListCasesResponse all;
    do {
      cv::ListCasesResponse page;
      if (!Call(app, session, [&](grpc::ClientContext* c) { return stub->ListCases(c, request, &page); }))
        return;
      all.mutable_cases()->MergeFrom(page.cases());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    bool exporting = !app.export_path.empty();
    if (app.out.json && !exporting) return app.out.Json(all);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    bool redacted = false;
    for (const auto& c : all.cases()) {
      rows.push_back(RegistrationRow(o, c));
      redacted = redacted || c.submitter_redacted();
    }
    if (Export(app, o.T("Đăng ký tuyển sinh", "Registrations"), RegistrationHeader(o), rows)) return;
    o.Line(absl::StrCat(o.T("Thông báo ", "Notice "), IdOf(*name), ": ", rows.size(),
                        o.T(" hồ sơ đăng ký", " registrations")));
    o.Table(RegistrationHeader(o), rows);
    if (redacted) {
      o.Line(o.T("Thông tin cá nhân của trẻ và cha mẹ: chỉ quản trị trường được xem.",
                 "The child's and parents' personal data: school admins only."));
    }
  });

  // --- deadlines, rules, calendars ------------------------------------------
  auto* due = cases->add_subcommand("due", "Hạn thụ lý, hạn giải quyết và cách tính (when is this due?)");
  due->add_option("--type", f.type, kTypeWords)->required();
  due->add_option("--round", f.round, "Khiếu nại lần 1 hoặc 2 (mặc định 1)");
  due->add_option("--complexity", f.complexity, kComplexityWords);
  due->add_option("--procedure-days", f.procedure_days, "Hồ sơ TTHC: thời hạn giải quyết (ngày làm việc)");
  due->add_option("--received", f.received, "Ngày nhận")->required();
  due->add_option("--accepted", f.accepted, "Ngày thụ lý (mặc định: hạn thụ lý, ngày muộn nhất)");
  due->add_option("--decision-date", f.decision_date, "Khiếu nại: ngày nhận quyết định / biết hành vi");
  due->callback([&app] {
    auto type = ParseCaseType(f.type);
    if (!type) app.Usage(absl::StrCat("--type: ", kTypeWords));
    auto complexity = ComplexityFlag(app, f.complexity);
    auto received = ParseDateFlag(app, "--received", f.received);
    auto accepted = OptionalDate(app, "--accepted", f.accepted, common::v1::Date{});
    auto decision = OptionalDate(app, "--decision-date", f.decision_date, common::v1::Date{});
    if (!type || !complexity || !received || !accepted || !decision) return;
    cv::ComputeDeadlineRequest request;
    request.set_case_type(*type);
    request.set_complaint_round(*type == cv::CASE_TYPE_COMPLAINT && f.round == 0 ? 1 : f.round);
    request.set_complexity(*complexity);
    request.set_procedure_time_limit_days(f.procedure_days);
    *request.mutable_received_date() = *received;
    if (accepted->year() != 0) *request.mutable_accepted_date() = *accepted;
    if (decision->year() != 0) *request.mutable_decision_date() = *decision;
    Session session = app.NewSession();
    cv::DeadlineAnswer answer;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())->ComputeDeadline(c, request, &answer);
        }))
      return;
    if (app.out.json) return app.out.Json(answer);
    const Output& o = app.out;
    std::vector<std::vector<std::string>> rows;
    rows.push_back({o.T("Chính sách", "Policy"), answer.deadline_policy()});
    if (answer.filing_due_date().year() != 0) {
      rows.push_back({o.T("Hạn nộp đơn (thời hiệu)", "Filing due"),
                      DueText(o, answer.filing_due_date(), answer.estimated())});
    }
    rows.push_back({o.T("Hạn thụ lý", "Acceptance due"),
                    answer.acceptance_due_date().year() != 0
                        ? DueText(o, answer.acceptance_due_date(), answer.estimated())
                        : o.T("thụ lý ngay khi nhận", "accepted on receipt")});
    rows.push_back({o.T("Hạn giải quyết", "Resolution due"),
                    DueText(o, answer.resolution_due_date(), answer.estimated())});
    o.Table({o.T("Mục", "Field"), o.T("Ngày", "Date")}, rows);
    if (answer.explanation_size() > 0) {
      o.Line(o.T("\nCách tính:", "\nHow:"));
      for (const auto& line : answer.explanation()) o.Line(absl::StrCat("  - ", line));
    }
    if (answer.estimated()) {
      o.Line(o.T("\n(ước tính): có ngày được tính theo lịch nghỉ chưa có thông báo chính thức.",
                 "\n(estimated): some counted day is only estimated in the holiday calendar."));
    }
  });

  auto* policies =
      cases->add_subcommand("policies", "Các bộ quy định thời hạn, cũ nhất trước (deadline rules)");
  policies->callback([&app] {
    Session session = app.NewSession();
    cv::DeadlinePolicySets sets;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())
              ->ListDeadlinePolicySets(c, cv::ListDeadlinePolicySetsRequest{}, &sets);
        }))
      return;
    if (app.out.json) return app.out.Json(sets);
    const Output& o = app.out;
    for (const auto& set : sets.sets()) {
      std::string period = absl::StrCat(o.T("áp dụng cho hồ sơ nhận từ ", "for cases received from "),
                                        FormatDate(set.effective_from()));
      if (set.effective_until().year() != 0) {
        absl::StrAppend(&period, o.T(" đến trước ", " until before "), FormatDate(set.effective_until()));
      } else {
        absl::StrAppend(&period, o.T(" (hiện hành)", " (current)"));
      }
      o.Line(absl::StrCat(o.T("Bộ quy định ", "Policy set "), set.version(), ": ", period));
      if (!set.regime().empty()) o.Line(absl::StrCat(o.T("Chế độ: ", "Regime: "), set.regime()));
      std::vector<std::vector<std::string>> rows;
      for (const auto& p : set.policies()) {
        std::string filing =
            p.filing_limit_days() > 0 ? DaysText(o, p.filing_limit_days(), p.filing_limit_day_kind()) : "—";
        std::string acceptance = p.acceptance_days() > 0
                                     ? DaysText(o, p.acceptance_days(), p.acceptance_day_kind())
                                     : o.T("ngay khi nhận", "on receipt");
        std::string resolution = p.resolution_from_procedure()
                                     ? std::string(o.T("theo thời hạn của TTHC", "the procedure's limit"))
                                     : DaysText(o, p.resolution_days(), p.resolution_day_kind());
        if (p.complex_resolution_days() > 0) {
          absl::StrAppend(&resolution, o.T("; phức tạp ", "; complex "), p.complex_resolution_days());
        }
        if (p.especially_complex_resolution_days() > 0) {
          absl::StrAppend(&resolution, o.T("; đặc biệt phức tạp ", "; especially complex "),
                          p.especially_complex_resolution_days());
        }
        std::string extensions = o.T("không", "none");
        if (p.max_extensions() > 0 || p.max_extensions_complex() > 0 ||
            p.max_extensions_especially_complex() > 0) {
          extensions =
              absl::StrCat(p.max_extensions(), "/", p.max_extensions_complex(), "/",
                           p.max_extensions_especially_complex(), o.T(" lần, mỗi lần ≤ ", " times, each ≤ "),
                           DaysText(o, p.extension_days(), p.resolution_day_kind()));
        }
        rows.push_back({p.code(), CaseKind(o, p.case_type(), p.complaint_round()), filing, acceptance,
                        resolution, ClockStartLabel(o, p.clock_start()), extensions,
                        YesNo(o, p.apology_required_when_late())});
      }
      o.Table({o.T("Mã", "Code"), o.T("Loại", "Type"), o.T("Thời hiệu", "Filing limit"),
               o.T("Thụ lý", "Acceptance"), o.T("Giải quyết", "Resolution"), o.T("Tính từ", "Counted from"),
               o.T("Gia hạn (thường/phức tạp/đặc biệt)", "Extensions (ordinary/complex/especially)"),
               o.T("Xin lỗi khi trễ", "Apology when late")},
              rows);
      for (const auto& p : set.policies()) {
        o.Line(absl::StrCat("  ", p.code(), o.T(" — căn cứ: ", " — basis: "), p.legal_basis()));
        auto basis = [&](const char* vi, const char* en, const std::string& text) {
          if (!text.empty()) o.Line(absl::StrCat("      ", o.T(vi, en), ": ", text));
        };
        basis("Thời hiệu", "Filing limit", p.filing_limit_basis());
        basis("Thụ lý", "Acceptance", p.acceptance_basis());
        basis("Giải quyết", "Resolution", p.resolution_basis());
        basis("Gia hạn", "Extensions", p.extension_basis());
        basis("Phiếu xin lỗi", "Apology letter",
              p.apology_form().empty()
                  ? p.apology_basis()
                  : absl::StrCat(p.apology_basis(), p.apology_basis().empty() ? "" : "; ",
                                 o.T("mẫu ", "form "), p.apology_form()));
        basis("Lưu ý", "Note", p.note());
      }
      o.Line("");
    }
  });

  auto* holidays = cases->add_subcommand("holidays", "Ngày nghỉ lễ, Tết và ngày làm bù của một năm");
  holidays->add_option("year", f.year, "Năm, ví dụ 2025")->required()->check(CLI::Range(1900, 9999));
  holidays->callback([&app] {
    cv::GetHolidayCalendarRequest request;
    request.set_year(f.year);
    Session session = app.NewSession();
    rv::HolidayCalendar calendar;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())->GetHolidayCalendar(c, request, &calendar);
        }))
      return;
    if (app.out.json) return app.out.Json(calendar);
    const Output& o = app.out;
    o.Line(
        absl::StrCat(o.T("Lịch nghỉ năm ", "Holiday calendar "), calendar.year(),
                     calendar.jurisdiction().empty() ? "" : absl::StrCat(" (", calendar.jurisdiction(), ")"),
                     o.T(" — dữ liệu ", " — data "), calendar.version()));
    for (const auto& source : calendar.sources()) o.Line(absl::StrCat(o.T("Nguồn: ", "Source: "), source));
    o.Line(o.T("\nNgày nghỉ (thứ Hai đến thứ Sáu):", "\nDays off (Monday to Friday):"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : calendar.days_off()) {
      rows.push_back({FormatDate(d.date()), WeekdayLabel(o, d.date()), DayOffKindLabel(o, d.kind()),
                      d.occasion(), CertaintyLabel(o, d.certainty())});
    }
    o.Table({o.T("Ngày", "Date"), o.T("Thứ", "Weekday"), o.T("Loại", "Kind"), o.T("Dịp", "Occasion"),
             o.T("Độ tin cậy", "Certainty")},
            rows);
    o.Line(o.T("\nNgày làm bù (thứ Bảy, Chủ nhật):", "\nMakeup working days (weekends):"));
    rows.clear();
    for (const auto& d : calendar.makeup_working_days()) {
      rows.push_back({FormatDate(d.date()), WeekdayLabel(o, d.date()), FormatDate(d.replaces()),
                      CertaintyLabel(o, d.certainty())});
    }
    o.Table({o.T("Ngày", "Date"), o.T("Thứ", "Weekday"), o.T("Làm bù cho ngày", "Replaces"),
             o.T("Độ tin cậy", "Certainty")},
            rows);
    if (!calendar.note().empty()) o.Line(absl::StrCat(o.T("\nLưu ý: ", "\nNote: "), calendar.note()));
  });

  // --- summary -------------------------------------------------------------
  auto* summary = cases->add_subcommand("summary", "Số liệu tiếp nhận, giải quyết của kỳ (period summary)");
  add_school(summary);
  summary->add_option("--from", f.from, "Ngày đầu kỳ")->required();
  summary->add_option("--to", f.to, "Ngày cuối kỳ (hồ sơ đang mở tính theo ngày này)")->required();
  summary->callback([&app] {
    auto period = SchoolPeriodFlags(app, f.school, f.from, f.to);
    if (!period) return;
    cv::SummarizeComplaintsRequest request;
    request.set_school(period->school);
    *request.mutable_period_start() = period->start;
    *request.mutable_period_end() = period->end;
    Session session = app.NewSession();
    cv::ComplaintSummary s;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return cv::ComplaintService::NewStub(session.channel())->SummarizeComplaints(c, request, &s);
        }))
      return;
    if (app.out.json) return app.out.Json(s);
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Trường ", "School "), IdOf(s.school()), o.T(", từ ", ", from "),
                        FormatDate(period->start), o.T(" đến ", " to "), FormatDate(period->end)));
    auto n = [](int value) { return absl::StrCat(value); };
    o.Table(
        {o.T("Chỉ số", "Figure"), o.T("Giá trị", "Value")},
        {{o.T("Tiếp nhận trong kỳ", "Received"), n(s.received())},
         {o.T("Tỷ lệ gửi trực tuyến (parhub, Cổng DVC, thư điện tử)",
              "Filed online (parhub, portal, e-mail)"),
          Percent(s.filed_online_share())},
         {o.T("Không thụ lý", "Not accepted"), n(s.not_accepted())},
         {o.T("Rút đơn", "Withdrawn"), n(s.withdrawn())},
         {o.T("Đã giải quyết", "Resolved"), n(s.resolved())},
         {o.T("  trước hạn", "  early"), n(s.resolved_early())},
         {o.T("  đúng hạn", "  on the due date"), n(s.resolved_on_time())},
         {o.T("  trễ hạn", "  late"), n(s.resolved_late())},
         {o.T("Tỷ lệ giải quyết đúng hạn", "Resolved in time"), Percent(s.on_time_rate())},
         {o.T("Đang giải quyết trong hạn (cuối kỳ)", "Open within deadline (period end)"),
          n(s.open_within_deadline())},
         {o.T("Đang giải quyết, sắp đến hạn (≤ 3 ngày làm việc)", "Open, due within 3 working days"),
          n(s.due_soon_open())},
         {o.T("Đang giải quyết, quá hạn (cuối kỳ)", "Open and overdue (period end)"), n(s.overdue_open())},
         {o.T("Số ngày giải quyết bình quân", "Average days to resolve"),
          absl::StrFormat("%.1f", s.average_days_to_resolve())},
         {o.T("Số lần gia hạn", "Extensions granted"), n(s.extensions())},
         {o.T("Khiếu nại lần hai (chuyển lên cấp trên)", "Escalated"), n(s.escalated())},
         {o.T("Hồ sơ TTHC đã giải quyết", "Procedure dossiers resolved"), n(s.dossiers_resolved())},
         {o.T("  tỷ lệ đúng hạn", "  in time"), Percent(s.dossier_on_time_rate())},
         {o.T("  hồ sơ trễ hạn có phiếu xin lỗi", "  late dossiers with an apology letter"),
          Percent(s.apology_rate())},
         {o.T("Phản ánh, kiến nghị giải quyết đúng hạn", "Feedback resolved in time"),
          Percent(s.feedback_on_time_rate())},
         {o.T("Khiếu nại, tố cáo giải quyết đúng hạn", "Complaints and denunciations resolved in time"),
          Percent(s.complaint_on_time_rate())},
         {o.T("Lượt đánh giá của người dân", "Satisfaction ratings"), n(s.satisfaction_responses())},
         {o.T("  điểm bình quân (1-5)", "  average (1-5)"),
          absl::StrFormat("%.1f", s.satisfaction_average())},
         {o.T("  hài lòng (4-5 điểm)", "  satisfied (4-5)"), Percent(s.satisfied_share())}});
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : s.by_type()) {
      rows.push_back({CaseTypeLabel(o, t.case_type()), n(t.received()), n(t.resolved()),
                      n(t.resolved_in_time()), n(t.overdue_open())});
    }
    o.Line("");
    o.Table({o.T("Loại", "Type"), o.T("Tiếp nhận", "Received"), o.T("Đã giải quyết", "Resolved"),
             o.T("Đúng hạn", "In time"), o.T("Quá hạn đang mở", "Open overdue")},
            rows);
  });
}

}  // namespace parhub::cli
