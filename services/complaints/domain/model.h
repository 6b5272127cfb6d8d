// The complaints domain's vocabulary: cases (feedback, petitions,
// complaints, denunciations, procedure dossiers) with their legal deadline
// policies, the events of their handling, and the filer's public view.
// Plain structs; the rules live in WorkCalendar, DeadlineRules, CaseDesk,
// PublicDesk and ComplaintsSummarizer.
#ifndef PARHUB_SERVICES_COMPLAINTS_DOMAIN_MODEL_H_
#define PARHUB_SERVICES_COMPLAINTS_DOMAIN_MODEL_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "platform/core/date.h"
#include "platform/core/work_calendar.h"

namespace parhub::complaints {

using ::parhub::platform::Date;
using ::parhub::platform::DayKind;
using ::parhub::platform::DueDate;
using ::parhub::platform::HolidayYear;
using ::parhub::platform::MissingYear;
using ::parhub::platform::WorkCalendar;

// Source of the current time; tests substitute a fixed one.
using Clock = std::function<absl::Time()>;
// `clock()` truncated to the microseconds MySQL keeps.
absl::Time NowMicros(const Clock& clock);

// Values match the proto enums (stored as numbers).
enum class CaseType {
  kUnspecified = 0,
  kFeedback = 1,
  kProcedureFeedback = 2,
  kComplaint = 3,
  kDenunciation = 4,
  kProcedureDossier = 5
};
inline constexpr CaseType kLastCaseType = CaseType::kProcedureDossier;
enum class Channel {
  kUnspecified = 0,
  kInPerson = 1,
  kMail = 2,
  kPhone = 3,
  kEmail = 4,
  kPublicPortal = 5,
  kPublicServicePortal = 6,
  kReferred = 7,
  kSuggestionBox = 8
};
inline constexpr Channel kLastChannel = Channel::kSuggestionBox;
enum class CaseState {
  kUnspecified = 0,
  kReceived = 1,
  kAccepted = 2,
  kInProgress = 3,
  kResolved = 4,
  kNotAccepted = 5,
  kEscalated = 6,
  kWithdrawn = 7
};
inline constexpr CaseState kLastCaseState = CaseState::kWithdrawn;
enum class Timeliness {
  kUnspecified = 0,
  kWithinDeadline = 1,
  kOverdue = 2,
  kEarly = 3,
  kOnTime = 4,
  kLate = 5,
  kDueSoon = 6
};
inline constexpr Timeliness kLastTimeliness = Timeliness::kDueSoon;
enum class Outcome {
  kUnspecified = 0,
  kAnswered = 1,
  kUpheld = 2,
  kPartlyUpheld = 3,
  kNotUpheld = 4,
  kGranted = 5,
  kRefused = 6
};
inline constexpr Outcome kLastOutcome = Outcome::kRefused;
enum class Complexity { kUnspecified = 0, kOrdinary = 1, kComplex = 2, kEspeciallyComplex = 3 };
inline constexpr Complexity kLastComplexity = Complexity::kEspeciallyComplex;
enum class ClockStart { kUnspecified = 0, kReceipt = 1, kAcceptance = 2 };
enum class Visibility { kUnspecified = 0, kPublic = 1, kInternal = 2 };
inline constexpr Visibility kLastVisibility = Visibility::kInternal;
enum class EventKind {
  kUnspecified = 0,
  kReceived = 1,
  kStateChanged = 2,
  kAssigned = 3,
  kExtended = 4,
  kApology = 5,
  kNote = 6,
  kRated = 7
};
inline constexpr EventKind kLastEventKind = EventKind::kRated;

// Open states: the case still waits for the school.
bool IsOpen(CaseState state);
// "Khiếu nại", "Tố cáo", … for messages and exports.
std::string CaseTypeLabel(CaseType type);
// "schools/{school}/cases/{case}".
std::string CaseName(const std::string& school_id, const std::string& case_id);

// Deadline rules of one case type (and complaint round) in one policy set.
// Mirrors parhub.complaints.v1.DeadlinePolicy.
struct DeadlinePolicy final {
  std::string code;
  CaseType case_type = CaseType::kUnspecified;
  int complaint_round = 0;
  int acceptance_days = 0;  // 0: accepted on receipt
  DayKind acceptance_day_kind = DayKind::kUnspecified;
  int resolution_days = 0;  // 0 with resolution_from_procedure
  int complex_resolution_days = 0;
  int especially_complex_resolution_days = 0;
  DayKind resolution_day_kind = DayKind::kUnspecified;
  ClockStart clock_start = ClockStart::kUnspecified;
  bool resolution_from_procedure = false;
  int max_extensions = 0;
  int max_extensions_complex = 0;
  int max_extensions_especially_complex = 0;
  int extension_days = 0;
  bool apology_required_when_late = false;
  int filing_limit_days = 0;
  DayKind filing_limit_day_kind = DayKind::kUnspecified;
  std::string acceptance_basis;
  std::string resolution_basis;
  std::string extension_basis;
  std::string filing_limit_basis;
  std::string apology_basis;
  std::string apology_form;
  std::string apology_title;
  std::string legal_basis;
};

// The policies that apply to cases received from `effective_from` until the
// next set's effective_from.
struct PolicySet final {
  std::string version;
  Date effective_from;
  std::string regime;
  std::vector<DeadlinePolicy> policies;
};

// One year of the holiday calendar, as the domain needs it.
struct Submitter final {
  std::string full_name;
  std::string phone;
  std::string email;
  std::string address;
  std::string id_number;
  bool anonymous = false;
};

// The child of an enrolment registration (personal data, like Submitter).
struct Applicant final {
  std::string full_name;
  Date birth_date;
  std::string current_school;
};

enum class NoticeState { kUnspecified = 0, kOpen = 1, kClosed = 2 };

// An enrolment notice (thông báo tuyển sinh) a school publishes.
struct EnrolmentNotice final {
  std::string school_id;
  std::string notice_id;
  std::string school_year;  // "2026-2027"
  std::string intake;
  int places = 0;
  Date registration_start;
  Date registration_end;
  int processing_days = 0;
  std::vector<std::string> documents_required;
  std::string details;
  std::string legal_basis;
  NoticeState state = NoticeState::kOpen;
  std::string closing_reason;
  int registrations = 0;  // derived on read
  absl::Time create_time;
};

struct Resolution final {
  Outcome outcome = Outcome::kUnspecified;
  std::string public_summary;
  std::string internal_summary;
  std::string document_number;
  Date resolved_date;
};

struct ApologyLetter final {
  std::string document_number;
  Date sent_date;
  std::string reason;
  Date new_return_date;
};

struct Extension final {
  int days = 0;
  // The longer limit of a complex case declared after acceptance, not an
  // extension the policy counts.
  bool reclassified = false;
  std::string reason;
  std::string document_number;
  Date previous_due_date;
  Date new_due_date;
  std::string extended_by;
  absl::Time create_time;
};

// An answer given before the filer reopened the case: it still counts in
// the period it was given, with the class it had against its due date.
struct PriorResolution final {
  Resolution resolution;
  Date due_date;
  Timeliness timeliness = Timeliness::kUnspecified;
};

struct Rating final {
  int score = 0;  // 0: not rated
  std::string comment;
  absl::Time create_time;
};

struct Case final {
  std::string school_id;
  std::string case_id;
  std::string tracking_code;
  std::string tracking_secret_hash;  // Sha256Hex of the secret
  CaseType case_type = CaseType::kUnspecified;
  Channel channel = Channel::kUnspecified;
  std::string subject;
  std::string content;
  Submitter submitter;
  int complaint_round = 0;
  Complexity complexity = Complexity::kOrdinary;
  std::string procedure_code;
  int procedure_time_limit_days = 0;
  std::string deadline_policy;  // "{code}@{set version}"
  Date received_date;
  Date decision_date;
  std::string filing_delay_reason;
  Date acceptance_due_date;
  Date accepted_date;
  std::string acceptance_document;
  Date resolution_due_date;
  bool deadline_estimated = false;
  CaseState state = CaseState::kUnspecified;
  std::string assignee;
  std::vector<Extension> extensions;
  std::vector<ApologyLetter> apology_letters;
  std::vector<PriorResolution> prior_resolutions;  // oldest first
  Resolution resolution;
  std::string closing_reason;
  Date closed_date;  // not accepted, withdrawn or escalated on
  std::string escalated_to;
  Rating rating;
  int reopen_count = 0;
  std::string enrolment_notice_id;  // registrations only
  Applicant applicant;              // registrations only
  // Derived, kept for listings: the current step's due date (unset when
  // closed) and the class of a resolved case (early / on time / late).
  Date current_due_date;
  Timeliness final_timeliness = Timeliness::kUnspecified;
  absl::Time create_time;
  absl::Time update_time;
};

struct CaseEvent final {
  std::string school_id;
  std::string case_id;
  int64_t sequence = 0;  // 1, 2, … per case
  EventKind kind = EventKind::kUnspecified;
  Visibility visibility = Visibility::kInternal;
  std::string actor;  // account name, or "public"
  CaseState from_state = CaseState::kUnspecified;
  CaseState to_state = CaseState::kUnspecified;
  std::string note;
  absl::Time create_time;
};

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_DOMAIN_MODEL_H_
