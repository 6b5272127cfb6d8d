// The staffing domain's vocabulary: a school's staff (cán bộ, giáo viên,
// nhân viên) with their dated personal circumstances, yearly headcount
// quotas (biên chế / số lượng người làm việc), quarterly and yearly ratings
// (đánh giá, xếp loại chất lượng) and downsizing records (tinh giản biên
// chế). Plain structs; the rules live in Roster, RatingBook, DownsizingDesk
// and downsizing_rules.h.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_MODEL_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_MODEL_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "platform/core/date.h"

namespace parhub::staffing {

using ::parhub::platform::Date;

// Source of the current time; tests substitute a fixed one.
using Clock = std::function<absl::Time()>;

// Values match the proto enums (stored as numbers).
enum class EmploymentType { kUnspecified = 0, kCivilServant = 1, kPublicEmployee = 2, kContract = 3 };
enum class StaffStatus { kUnspecified = 0, kActive = 1, kOnLeave = 2, kLeft = 3 };
enum class CityEmailState { kUnspecified = 0, kNone = 1, kIssued = 2, kInUse = 3 };
enum class CircumstanceKind {
  kUnspecified = 0,
  kPregnant = 1,
  kMaternityLeave = 2,
  kChildUnder36Months = 3,
  kUnderDiscipline = 4,
  kSickLeave = 5,
  kUnderInvestigation = 6,
};
inline constexpr CircumstanceKind kLastCircumstanceKind = CircumstanceKind::kUnderInvestigation;
enum class RatingGrade { kUnspecified = 0, kExcellent = 1, kGood = 2, kCompleted = 3, kNotCompleted = 4 };
enum class DownsizingState {
  kUnspecified = 0,
  kProposed = 1,
  kSubmitted = 2,
  kApproved = 3,
  kRejected = 4,
  kEffective = 5,
  kWithdrawn = 6,
};

// A dated personal circumstance; `end_date` unset while ongoing.
struct Circumstance final {
  CircumstanceKind kind = CircumstanceKind::kUnspecified;
  Date start_date;
  Date end_date;
  std::string note;
  // Whether it holds on `day`.
  bool HoldsOn(Date day) const;
};

struct Staff final {
  std::string school_id;
  std::string staff_id;
  std::string staff_code;    // unique in the school; the roster import key
  std::string display_name;  // NFC
  std::string position;
  EmploymentType employment_type = EmploymentType::kUnspecified;
  bool budget_paid = false;
  Date start_date;
  Date end_date;  // set when LEFT
  StaffStatus status = StaffStatus::kUnspecified;
  std::string city_email;  // "" when none issued
  Date city_email_last_used_date;
  bool manager = false;
  // Personal data: shown to the school's admins only.
  Date birth_date;
  std::string id_number;
  std::vector<Circumstance> circumstances;
  int64_t version = 0;  // bumped by every change; the etag
  absl::Time create_time;
  absl::Time update_time;
};

// A yearly quota.
struct StaffingQuota final {
  std::string school_id;
  int year = 0;
  int civil_servant_quota = 0;
  int public_employee_quota = 0;
  int contract_quota = 0;
  std::string decision_number;
  Date decision_date;
  absl::Time update_time;
};

// A quarterly (quarter 1-4) or yearly (quarter 0) rating.
struct Rating final {
  std::string school_id;
  std::string staff_id;
  int year = 0;
  int quarter = 0;
  RatingGrade grade = RatingGrade::kUnspecified;
  std::string note;
  std::string rated_by;
  bool city_email_criterion_met = false;
  absl::Time create_time;
  absl::Time update_time;
};

struct DownsizingRecord final {
  std::string school_id;
  std::string record_id;
  std::string staff_id;
  std::string staff_display_name;  // at proposal time
  EmploymentType employment_type = EmploymentType::kUnspecified;
  bool budget_paid = false;
  std::string decree;    // catalog code, e.g. "29/2023/ND-CP"
  std::string category;  // catalog code
  std::string policy;    // catalog code
  DownsizingState state = DownsizingState::kUnspecified;
  bool volunteered = false;
  Date proposed_date;
  Date planned_effective_date;
  std::string submission_number;
  Date submission_date;
  std::string decision_number;
  Date decision_date;
  std::string outcome_reason;
  Date effective_date;
  std::string note;
  absl::Time create_time;
  absl::Time update_time;
};

// A school's baseline for a target plan.
struct DownsizingTarget final {
  std::string school_id;
  std::string plan;  // catalog code, e.g. "hcm-2023-2026"
  int baseline_civil_servants = 0;
  int baseline_public_employees = 0;
  absl::Time update_time;
};

enum class InspectionKind { kUnspecified = 0, kScheduled = 1, kSurprise = 2 };

struct InspectionFinding final {
  std::string staff_id;  // "" for a general finding
  std::string description;
  bool violation = false;
  std::string action;
  Date action_due_date;
  Date action_done_date;  // unset while the follow-up is open
};

// A check of administrative discipline and the code of conduct (task 1.4).
struct DisciplineInspection final {
  std::string school_id;
  std::string inspection_id;
  InspectionKind kind = InspectionKind::kUnspecified;
  Date inspection_date;
  std::string scope;
  std::vector<std::string> inspectors;
  int staff_checked = 0;
  std::vector<InspectionFinding> findings;
  std::string conclusion;
  std::string document_number;  // biên bản number
  absl::Time create_time;
  absl::Time update_time;
};

// Staff voice (task 1.8).
enum class SuggestionState { kUnspecified = 0, kOpen = 1, kAnswered = 2 };
enum class BoardRole { kUnspecified = 0, kHead = 1, kDeputy = 2, kMember = 3 };

struct StaffSuggestion final {
  std::string school_id;
  std::string suggestion_id;
  std::string topic;
  std::string content;
  bool anonymous = false;    // input: send without a name
  std::string submitted_by;  // account; "" when anonymous
  Date submit_date;
  SuggestionState state = SuggestionState::kUnspecified;
  std::string answer;
  Date answer_date;
  std::string answered_by;
  absl::Time create_time;
};

struct BoardMember final {
  std::string staff_id;
  BoardRole role = BoardRole::kUnspecified;
};

// The people's inspection board (Ban Thanh tra nhân dân).
struct InspectionBoard final {
  std::string school_id;
  std::vector<BoardMember> members;
  Date term_start;
  Date term_end;
  std::string decision_number;
  absl::Time update_time;  // InfinitePast() before the board is first set
};

struct BoardRecommendation final {
  std::string content;
  Date due_date;
  std::string response;
  Date resolved_date;  // unset while open
};

struct BoardMeeting final {
  std::string school_id;
  std::string meeting_id;
  Date meeting_date;
  std::string minutes;
  std::vector<std::string> attendee_ids;  // staff ids
  std::vector<BoardRecommendation> recommendations;
  absl::Time update_time;
};

// One line of the city mail system's usage report.
struct CityEmailUse final {
  int row = 0;  // line in the file, or index + 1
  std::string email;
  Date last_used_date;  // unset: never used
};

// Days a mailbox counts as in use after its last use (task 1.7).
inline constexpr int kCityEmailWindowDays = 30;

// "schools/{school}/staff/{staff}".
std::string StaffName(const std::string& school_id, const std::string& staff_id);
// "2024-q1".."2024-q4", or "2024" for the yearly rating.
std::string RatingPeriod(int year, int quarter);

// `clock()` truncated to microseconds (what DATETIME(6) keeps).
absl::Time NowMicros(const Clock& clock);

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_MODEL_H_
