// StaffingStore: what the staffing domain needs from storage (MySQL in
// store/). Every read and write is scoped by the owning school.
//
// Errors: NOT_FOUND for missing rows, ALREADY_EXISTS for duplicate keys
// (a staff id or code, a quota year, a rated period), UNAVAILABLE when the
// database cannot be reached.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_STORE_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_STORE_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "services/staffing/domain/model.h"

namespace parhub::staffing {

// Whether a read locks the rows until the surrounding Atomically ends.
enum class Lock { kNone, kForUpdate };

// Filters of a staff listing; all must hold.
struct StaffQuery final {
  std::vector<EmploymentType> employment_types;               // empty: any
  std::vector<StaffStatus> statuses;                          // empty: any
  std::string folded_query;                                   // FoldForSearch of the query; "" any
  CityEmailState email_state = CityEmailState::kUnspecified;  // unspecified: any
  Date today;                                                 // for email_state
};

// Staff are listed by (name_key, staff_id); name_key = FoldForSearch(name).
struct StaffCursor final {
  std::string name_key;
  std::string staff_id;
};

// Ratings are listed by (staff_id, year, quarter).
struct RatingCursor final {
  std::string staff_id;
  int year = 0;
  int quarter = 0;
};

// Downsizing records are listed newest proposal first, then by id.
struct RecordQuery final {
  std::vector<DownsizingState> states;  // empty: any
  std::string decree;                   // "": any
  int year = 0;                         // 0: any proposal year
};
struct RecordCursor final {
  Date proposed_date;
  std::string record_id;
};

// Headcount on a day: staff who had started and not left.
struct Headcount final {
  int staff = 0;
  int civil_servants = 0;
  int public_employees = 0;  // all public employees
  int budget_paid_public_employees = 0;
  int contract_staff = 0;
  int budget_paid = 0;
  int with_city_email = 0;  // staff with a city mailbox address
};

// Headcounts by day, then by school (schools without staff that day are absent).
using HeadcountsByDay = std::map<Date, std::map<std::string, Headcount>>;

// A school's quarterly ratings: (year, quarter) → grade → count.
using QuarterGrades = std::map<std::pair<int, int>, std::map<RatingGrade, int>>;

// A school's downsizing records by state, for progress.
struct RecordStateCounts final {
  int effective = 0;
  int approved = 0;
  int pending = 0;  // proposed or submitted
};

// Inspections are listed newest first, then by id.
struct InspectionCursor final {
  Date inspection_date;
  std::string inspection_id;
};

// Counts of a period [from, to].
struct PeriodCounts final {
  int inspections = 0;
  int surprise_inspections = 0;
  int violations = 0;  // findings marked as violations
  int records_proposed = 0;
  int records_effective = 0;
  int suggestions = 0;           // sent in the period
  int suggestions_answered = 0;  // of those, answered by its end
  int board_meetings = 0;
  int board_recommendations = 0;           // made at those meetings
  int board_recommendations_resolved = 0;  // of those, resolved by its end
};

// Suggestions and meetings are listed newest first, then by id.
struct DatedCursor final {
  Date date;
  std::string id;
};

class StaffingStore {
 public:
  virtual ~StaffingStore() = default;

  // Runs `fn` so that its store calls commit together or not at all.
  virtual absl::Status Atomically(const std::function<absl::Status()>& fn) = 0;

  virtual absl::Status InsertStaff(const Staff& staff) = 0;
  virtual absl::StatusOr<Staff> GetStaff(absl::string_view school_id, absl::string_view staff_id,
                                         Lock lock) = 0;
  // Replaces every stored field (circumstances included).
  virtual absl::Status UpdateStaff(const Staff& staff) = 0;
  virtual absl::StatusOr<std::vector<Staff>> ListStaff(absl::string_view school_id, const StaffQuery& query,
                                                       const std::optional<StaffCursor>& after,
                                                       int limit) = 0;
  // The staff with these codes (import), locked.
  virtual absl::StatusOr<std::vector<Staff>> StaffByCodes(absl::string_view school_id,
                                                          const std::vector<std::string>& codes) = 0;
  // The staff with these city e-mail addresses.
  virtual absl::StatusOr<std::vector<Staff>> StaffByEmails(absl::string_view school_id,
                                                           const std::vector<std::string>& emails) = 0;
  // The staff of many schools with these ids (school id → staff ids); ids
  // not on a roster are absent.
  virtual absl::StatusOr<std::vector<Staff>> StaffByIds(
      const std::map<std::string, std::vector<std::string>>& ids_by_school) = 0;
  virtual absl::StatusOr<Headcount> CountHeadcount(absl::string_view school_id, Date day) = 0;
  // Headcounts of many schools on each of `days`, in one read.
  virtual absl::StatusOr<HeadcountsByDay> CountHeadcounts(const std::vector<std::string>& school_ids,
                                                          const std::vector<Date>& days) = 0;

  virtual absl::Status InsertQuota(const StaffingQuota& quota) = 0;
  virtual absl::StatusOr<StaffingQuota> GetQuota(absl::string_view school_id, int year, Lock lock) = 0;
  // The quotas of many schools for `year` (schools without one are absent).
  virtual absl::StatusOr<std::map<std::string, StaffingQuota>> GetQuotas(
      const std::vector<std::string>& school_ids, int year) = 0;
  virtual absl::Status UpdateQuota(const StaffingQuota& quota) = 0;
  // Newest year first, years below `before_year` (0: from the newest).
  virtual absl::StatusOr<std::vector<StaffingQuota>> ListQuotas(absl::string_view school_id, int before_year,
                                                                int limit) = 0;

  virtual absl::Status InsertRating(const Rating& rating) = 0;
  virtual absl::StatusOr<Rating> GetRating(absl::string_view school_id, absl::string_view staff_id, int year,
                                           int quarter, Lock lock) = 0;
  virtual absl::Status UpdateRating(const Rating& rating) = 0;
  // Keeps a correction's reason with the grade before (`before`) and after.
  virtual absl::Status RecordRatingCorrection(const Rating& before, const Rating& after,
                                              const std::string& reason) = 0;
  // `staff_id` "" for every staff member; `year` 0 any; `quarter` 0 any,
  // -1 yearly only.
  virtual absl::StatusOr<std::vector<Rating>> ListRatings(absl::string_view school_id,
                                                          absl::string_view staff_id, int year, int quarter,
                                                          const std::optional<RatingCursor>& after,
                                                          int limit) = 0;
  // Yearly ratings (quarter 0) of every staff member of these schools in
  // [from_year, to_year], by school, staff id and year.
  virtual absl::StatusOr<std::vector<Rating>> YearlyRatings(const std::vector<std::string>& school_ids,
                                                            int from_year, int to_year) = 0;

  virtual absl::Status InsertRecord(const DownsizingRecord& record) = 0;
  virtual absl::StatusOr<DownsizingRecord> GetRecord(absl::string_view school_id, absl::string_view record_id,
                                                     Lock lock) = 0;
  virtual absl::Status UpdateRecord(const DownsizingRecord& record) = 0;
  virtual absl::StatusOr<std::vector<DownsizingRecord>> ListRecords(absl::string_view school_id,
                                                                    const RecordQuery& query,
                                                                    const std::optional<RecordCursor>& after,
                                                                    int limit) = 0;
  // By school, the staff ids with a proposed, submitted or approved record
  // (schools without one are absent).
  virtual absl::StatusOr<std::map<std::string, std::set<std::string>>> StaffWithOpenRecords(
      const std::vector<std::string>& school_ids) = 0;

  // Quarterly ratings (quarters 1-4) of these schools in [from_year,
  // to_year] (schools without one are absent).
  virtual absl::StatusOr<std::map<std::string, QuarterGrades>> CountQuarterlyRatings(
      const std::vector<std::string>& school_ids, int from_year, int to_year) = 0;

  // Stores one usage report: per staff member the last day used (unset:
  // never), and moves each staff member's last-used day forward.
  virtual absl::Status RecordEmailUsage(absl::string_view school_id, Date report_date,
                                        const std::vector<std::pair<std::string, Date>>& uses) = 0;
  // By school, the staff on the roster on `as_of` whose latest report on or
  // before it shows a use on or after `used_since` (schools with none are absent).
  virtual absl::StatusOr<std::map<std::string, int>> CountEmailUsers(
      const std::vector<std::string>& school_ids, Date as_of, Date used_since) = 0;

  virtual absl::Status InsertInspection(const DisciplineInspection& inspection) = 0;
  virtual absl::StatusOr<DisciplineInspection> GetInspection(absl::string_view school_id,
                                                             absl::string_view inspection_id, Lock lock) = 0;
  // Replaces every stored field, findings included.
  virtual absl::Status UpdateInspection(const DisciplineInspection& inspection) = 0;
  // Within [from, to] (unset bounds are open), newest first.
  virtual absl::StatusOr<std::vector<DisciplineInspection>> ListInspections(
      absl::string_view school_id, Date from, Date to, const std::optional<InspectionCursor>& after,
      int limit) = 0;

  virtual absl::Status InsertSuggestion(const StaffSuggestion& suggestion) = 0;
  virtual absl::StatusOr<StaffSuggestion> GetSuggestion(absl::string_view school_id,
                                                        absl::string_view suggestion_id, Lock lock) = 0;
  virtual absl::Status UpdateSuggestion(const StaffSuggestion& suggestion) = 0;
  // `state` unspecified: any.
  virtual absl::StatusOr<std::vector<StaffSuggestion>> ListSuggestions(
      absl::string_view school_id, SuggestionState state, const std::optional<DatedCursor>& after,
      int limit) = 0;
  // NOT_FOUND before the board is first set.
  virtual absl::StatusOr<InspectionBoard> GetBoard(absl::string_view school_id, Lock lock) = 0;
  // Creates or replaces the board, members included.
  virtual absl::Status PutBoard(const InspectionBoard& board) = 0;
  virtual absl::Status InsertMeeting(const BoardMeeting& meeting) = 0;
  virtual absl::StatusOr<BoardMeeting> GetMeeting(absl::string_view school_id, absl::string_view meeting_id,
                                                  Lock lock) = 0;
  // Replaces every stored field, recommendations included.
  virtual absl::Status UpdateMeeting(const BoardMeeting& meeting) = 0;
  virtual absl::StatusOr<std::vector<BoardMeeting>> ListMeetings(absl::string_view school_id,
                                                                 const std::optional<DatedCursor>& after,
                                                                 int limit) = 0;

  // By school, the inspections, violations, downsizing records, suggestions
  // and board meetings of [from, to] (schools with none are absent).
  virtual absl::StatusOr<std::map<std::string, PeriodCounts>> CountPeriods(
      const std::vector<std::string>& school_ids, Date from, Date to) = 0;

  // Records of many schools by state: EFFECTIVE with an effective date in
  // (effective_after, as_of], APPROVED, and PROPOSED or SUBMITTED.
  virtual absl::StatusOr<std::map<std::string, RecordStateCounts>> CountRecordStates(
      const std::vector<std::string>& school_ids, Date effective_after, Date as_of) = 0;
  // Stored baselines of many schools for `plan` (schools without one are absent).
  virtual absl::StatusOr<std::map<std::string, DownsizingTarget>> GetTargets(
      const std::vector<std::string>& school_ids, absl::string_view plan) = 0;

  // NOT_FOUND when the school has no baseline for the plan yet.
  virtual absl::StatusOr<DownsizingTarget> GetTarget(absl::string_view school_id, absl::string_view plan,
                                                     Lock lock) = 0;
  virtual absl::Status UpsertTarget(const DownsizingTarget& target) = 0;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_STAFFING_STORE_H_
