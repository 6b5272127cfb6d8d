// StaffingStore on MySQL/MariaDB: the period counts of staffing summaries
// (quarterly ratings, city e-mail use, inspections, downsizing records,
// staff voice), each one query grouped by school for any number of schools,
// so a summary of one school and a roll-up of thousands read alike.
#include <limits>
#include <map>

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/db/sql_values.h"
#include "services/staffing/store/mysql_staffing_store.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::DateOrNull;
using ::parhub::platform::EnumFromSql;
using ::parhub::platform::Int;
using ::parhub::platform::IntFromSql;
using ::parhub::platform::Placeholders;
using ::parhub::platform::Row;
using ::parhub::platform::SqlValue;
using ::parhub::platform::WithStrs;

constexpr int kMaxCount = std::numeric_limits<int>::max();

}  // namespace

absl::StatusOr<std::map<std::string, QuarterGrades>> MySqlStaffingStore::CountQuarterlyRatings(
    const std::vector<std::string>& school_ids, int from_year, int to_year) {
  std::map<std::string, QuarterGrades> out;
  if (school_ids.empty()) return out;
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT school_id, year, quarter, grade, COUNT(*) FROM "
                                                     "ratings WHERE quarter BETWEEN 1 AND 4 AND year BETWEEN "
                                                     "? AND ? AND school_id IN (",
                                                     Placeholders(school_ids.size()),
                                                     ") GROUP BY school_id, year, quarter, grade"),
                                        WithStrs({Int(from_year), Int(to_year)}, school_ids)));
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(int year, IntFromSql(row, 1, 0, 9999));
    ASSIGN_OR_RETURN(int quarter, IntFromSql(row, 2, 1, 4));
    ASSIGN_OR_RETURN(RatingGrade grade, EnumFromSql(row, 3, RatingGrade::kNotCompleted));
    int& count = out[row.Str(0)][{year, quarter}][grade];
    ASSIGN_OR_RETURN(count, IntFromSql(row, 4, 0, kMaxCount));
  }
  return out;
}

absl::StatusOr<std::map<std::string, int>> MySqlStaffingStore::CountEmailUsers(
    const std::vector<std::string>& school_ids, Date as_of, Date used_since) {
  std::map<std::string, int> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params = WithStrs({DateOrNull(as_of)}, school_ids);
  params.insert(params.end(), {DateOrNull(as_of), DateOrNull(as_of), DateOrNull(used_since)});
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(
          absl::StrCat(
              "SELECT u.school_id, COUNT(*) FROM city_email_usage u JOIN (SELECT school_id, staff_id, "
              "MAX(report_date) AS report_date FROM city_email_usage WHERE report_date <= ? AND "
              "school_id IN (",
              Placeholders(school_ids.size()),
              ") GROUP BY school_id, staff_id) latest ON u.school_id = latest.school_id AND u.staff_id = "
              "latest.staff_id AND u.report_date = latest.report_date JOIN staff s ON s.school_id = "
              "u.school_id AND s.staff_id = u.staff_id AND s.start_date <= ? AND (s.end_date IS NULL OR "
              "s.end_date >= ?) WHERE u.last_used_date >= ? GROUP BY u.school_id"),
          params));
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(out[row.Str(0)], IntFromSql(row, 1, 0, kMaxCount));
  }
  return out;
}

absl::StatusOr<std::map<std::string, PeriodCounts>> MySqlStaffingStore::CountPeriods(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  std::map<std::string, PeriodCounts> out;
  if (school_ids.empty()) return out;
  // Runs `head` + "school_id IN (…) GROUP BY …": column 0 the school, then
  // one count per field of `fields`.
  auto grouped = [&](absl::string_view head, absl::string_view school_column, std::vector<SqlValue> params,
                     std::vector<int PeriodCounts::*> fields) -> absl::Status {
    ASSIGN_OR_RETURN(
        auto rows, db_.Query(absl::StrCat(head, " ", school_column, " IN (", Placeholders(school_ids.size()),
                                          ") GROUP BY ", school_column),
                             WithStrs(std::move(params), school_ids)));
    for (const Row& row : rows) {
      PeriodCounts& c = out[row.Str(0)];
      for (size_t i = 0; i < fields.size(); ++i) {
        ASSIGN_OR_RETURN(c.*fields[i], IntFromSql(row, static_cast<int>(i) + 1, 0, kMaxCount));
      }
    }
    return absl::OkStatus();
  };
  const SqlValue start = DateOrNull(from), end = DateOrNull(to);
  RETURN_IF_ERROR(
      grouped("SELECT school_id, COUNT(*), COALESCE(SUM(kind = 2), 0) FROM discipline_inspections WHERE "
              "inspection_date BETWEEN ? AND ? AND",
              "school_id", {start, end}, {&PeriodCounts::inspections, &PeriodCounts::surprise_inspections}));
  RETURN_IF_ERROR(
      grouped("SELECT i.school_id, COUNT(*) FROM inspection_findings f JOIN discipline_inspections i ON "
              "f.school_id = "
              "i.school_id AND f.inspection_id = i.inspection_id WHERE i.inspection_date BETWEEN ? AND ? AND "
              "f.violation = 1 AND",
              "i.school_id", {start, end}, {&PeriodCounts::violations}));
  RETURN_IF_ERROR(
      grouped("SELECT school_id, COALESCE(SUM(proposed_date BETWEEN ? AND ?), 0), COALESCE(SUM(state = 5 AND "
              "effective_date BETWEEN ? AND ?), 0) FROM downsizing_records WHERE",
              "school_id", {start, end, start, end},
              {&PeriodCounts::records_proposed, &PeriodCounts::records_effective}));
  RETURN_IF_ERROR(grouped(
      "SELECT school_id, COUNT(*), COALESCE(SUM(answer_date IS NOT NULL AND answer_date <= ?), 0) FROM "
      "staff_suggestions WHERE submit_date BETWEEN ? AND ? AND",
      "school_id", {end, start, end}, {&PeriodCounts::suggestions, &PeriodCounts::suggestions_answered}));
  RETURN_IF_ERROR(
      grouped("SELECT school_id, COUNT(*) FROM board_meetings WHERE meeting_date BETWEEN ? AND ? AND",
              "school_id", {start, end}, {&PeriodCounts::board_meetings}));
  RETURN_IF_ERROR(grouped(
      "SELECT m.school_id, COUNT(*), COALESCE(SUM(r.resolved_date IS NOT NULL AND r.resolved_date <= ?), 0) "
      "FROM board_recommendations r JOIN board_meetings m ON r.school_id = m.school_id AND r.meeting_id = "
      "m.meeting_id WHERE m.meeting_date BETWEEN ? AND ? AND",
      "m.school_id", {end, start, end},
      {&PeriodCounts::board_recommendations, &PeriodCounts::board_recommendations_resolved}));
  return out;
}

}  // namespace parhub::staffing
