// StaffingStore on MySQL/MariaDB (schema: migrations/001_staffing.sql).
// The counts summaries read, each one grouped query for any number of
// schools, are in mysql_staffing_counts.cc; the rest in mysql_staffing_store.cc.
#ifndef PARHUB_SERVICES_STAFFING_STORE_MYSQL_STAFFING_STORE_H_
#define PARHUB_SERVICES_STAFFING_STORE_MYSQL_STAFFING_STORE_H_

#include <vector>

#include "platform/db/db.h"
#include "platform/db/migrations.h"
#include "services/staffing/domain/staffing_store.h"

// The staffing schema, embedded at build time (cmake/Migrations.cmake).
const std::vector<parhub::platform::Migration>& StaffingMigrations();

namespace parhub::staffing {

class MySqlStaffingStore final : public StaffingStore {
 public:
  explicit MySqlStaffingStore(platform::Db& db) : db_(db) {}

  absl::Status Atomically(const std::function<absl::Status()>& fn) override;

  absl::Status InsertStaff(const Staff& staff) override;
  absl::StatusOr<Staff> GetStaff(absl::string_view school_id, absl::string_view staff_id, Lock lock) override;
  absl::Status UpdateStaff(const Staff& staff) override;
  absl::StatusOr<std::vector<Staff>> ListStaff(absl::string_view school_id, const StaffQuery& query,
                                               const std::optional<StaffCursor>& after, int limit) override;
  absl::StatusOr<std::vector<Staff>> StaffByCodes(absl::string_view school_id,
                                                  const std::vector<std::string>& codes) override;
  absl::StatusOr<std::vector<Staff>> StaffByEmails(absl::string_view school_id,
                                                   const std::vector<std::string>& emails) override;
  absl::StatusOr<std::vector<Staff>> StaffByIds(
      const std::map<std::string, std::vector<std::string>>& ids_by_school) override;
  absl::StatusOr<Headcount> CountHeadcount(absl::string_view school_id, Date day) override;
  absl::StatusOr<HeadcountsByDay> CountHeadcounts(const std::vector<std::string>& school_ids,
                                                  const std::vector<Date>& days) override;
  absl::StatusOr<std::map<std::string, RecordStateCounts>> CountRecordStates(
      const std::vector<std::string>& school_ids, Date effective_after, Date as_of) override;
  absl::StatusOr<std::map<std::string, DownsizingTarget>> GetTargets(
      const std::vector<std::string>& school_ids, absl::string_view plan) override;

  absl::Status InsertQuota(const StaffingQuota& quota) override;
  absl::StatusOr<StaffingQuota> GetQuota(absl::string_view school_id, int year, Lock lock) override;
  absl::StatusOr<std::map<std::string, StaffingQuota>> GetQuotas(const std::vector<std::string>& school_ids,
                                                                 int year) override;
  absl::Status UpdateQuota(const StaffingQuota& quota) override;
  absl::StatusOr<std::vector<StaffingQuota>> ListQuotas(absl::string_view school_id, int before_year,
                                                        int limit) override;

  absl::Status InsertRating(const Rating& rating) override;
  absl::StatusOr<Rating> GetRating(absl::string_view school_id, absl::string_view staff_id, int year,
                                   int quarter, Lock lock) override;
  absl::Status UpdateRating(const Rating& rating) override;
  absl::Status RecordRatingCorrection(const Rating& before, const Rating& after,
                                      const std::string& reason) override;
  absl::StatusOr<std::vector<Rating>> ListRatings(absl::string_view school_id, absl::string_view staff_id,
                                                  int year, int quarter,
                                                  const std::optional<RatingCursor>& after,
                                                  int limit) override;
  absl::StatusOr<std::vector<Rating>> YearlyRatings(const std::vector<std::string>& school_ids, int from_year,
                                                    int to_year) override;

  absl::Status InsertRecord(const DownsizingRecord& record) override;
  absl::StatusOr<DownsizingRecord> GetRecord(absl::string_view school_id, absl::string_view record_id,
                                             Lock lock) override;
  absl::Status UpdateRecord(const DownsizingRecord& record) override;
  absl::StatusOr<std::vector<DownsizingRecord>> ListRecords(absl::string_view school_id,
                                                            const RecordQuery& query,
                                                            const std::optional<RecordCursor>& after,
                                                            int limit) override;
  absl::StatusOr<std::map<std::string, std::set<std::string>>> StaffWithOpenRecords(
      const std::vector<std::string>& school_ids) override;

  absl::StatusOr<std::map<std::string, QuarterGrades>> CountQuarterlyRatings(
      const std::vector<std::string>& school_ids, int from_year, int to_year) override;
  absl::Status RecordEmailUsage(absl::string_view school_id, Date report_date,
                                const std::vector<std::pair<std::string, Date>>& uses) override;
  absl::StatusOr<std::map<std::string, int>> CountEmailUsers(const std::vector<std::string>& school_ids,
                                                             Date as_of, Date used_since) override;
  absl::Status InsertInspection(const DisciplineInspection& inspection) override;
  absl::StatusOr<DisciplineInspection> GetInspection(absl::string_view school_id,
                                                     absl::string_view inspection_id, Lock lock) override;
  absl::Status UpdateInspection(const DisciplineInspection& inspection) override;
  absl::StatusOr<std::vector<DisciplineInspection>> ListInspections(
      absl::string_view school_id, Date from, Date to, const std::optional<InspectionCursor>& after,
      int limit) override;
  absl::Status InsertSuggestion(const StaffSuggestion& suggestion) override;
  absl::StatusOr<StaffSuggestion> GetSuggestion(absl::string_view school_id, absl::string_view suggestion_id,
                                                Lock lock) override;
  absl::Status UpdateSuggestion(const StaffSuggestion& suggestion) override;
  absl::StatusOr<std::vector<StaffSuggestion>> ListSuggestions(absl::string_view school_id,
                                                               SuggestionState state,
                                                               const std::optional<DatedCursor>& after,
                                                               int limit) override;
  absl::StatusOr<InspectionBoard> GetBoard(absl::string_view school_id, Lock lock) override;
  absl::Status PutBoard(const InspectionBoard& board) override;
  absl::Status InsertMeeting(const BoardMeeting& meeting) override;
  absl::StatusOr<BoardMeeting> GetMeeting(absl::string_view school_id, absl::string_view meeting_id,
                                          Lock lock) override;
  absl::Status UpdateMeeting(const BoardMeeting& meeting) override;
  absl::StatusOr<std::vector<BoardMeeting>> ListMeetings(absl::string_view school_id,
                                                         const std::optional<DatedCursor>& after,
                                                         int limit) override;
  absl::StatusOr<std::map<std::string, PeriodCounts>> CountPeriods(const std::vector<std::string>& school_ids,
                                                                   Date from, Date to) override;

  absl::StatusOr<DownsizingTarget> GetTarget(absl::string_view school_id, absl::string_view plan,
                                             Lock lock) override;
  absl::Status UpsertTarget(const DownsizingTarget& target) override;

 private:
  // Reads the circumstances of the staff in `staff` (of any schools) into them.
  absl::Status LoadCircumstances(std::vector<Staff>& staff);
  absl::Status WriteCircumstances(const Staff& staff);
  absl::Status WriteFindings(const DisciplineInspection& inspection);
  absl::Status WriteRecommendations(const BoardMeeting& meeting);
  absl::StatusOr<std::vector<BoardMeeting>> SelectMeetings(const std::string& tail,
                                                           std::vector<platform::SqlValue> params,
                                                           absl::string_view school_id);
  absl::StatusOr<std::vector<DisciplineInspection>> SelectInspections(const std::string& tail,
                                                                      std::vector<platform::SqlValue> params,
                                                                      absl::string_view school_id);
  absl::StatusOr<std::vector<Staff>> SelectStaff(const std::string& where,
                                                 std::vector<platform::SqlValue> params);

  platform::Db& db_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_STORE_MYSQL_STAFFING_STORE_H_
