// StaffingStore on MySQL/MariaDB.
#include "services/staffing/store/mysql_staffing_store.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "platform/core/date.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/db/sql_values.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::AddInList;
using ::parhub::platform::DateFromSql;
using ::parhub::platform::DateOrNull;
using ::parhub::platform::EnumFromSql;
using ::parhub::platform::EnumSql;
using ::parhub::platform::Int;
using ::parhub::platform::IntFromSql;
using ::parhub::platform::Placeholders;
using ::parhub::platform::Row;
using ::parhub::platform::SqlDateColumn;
using ::parhub::platform::SqlTimeColumn;
using ::parhub::platform::SqlValue;
using ::parhub::platform::Str;
using ::parhub::platform::TimeFromSql;
using ::parhub::platform::TimeToSql;
using ::parhub::platform::WithStrs;

constexpr int kMaxCount = std::numeric_limits<int>::max();

std::string LockClause(Lock lock) { return lock == Lock::kForUpdate ? " FOR UPDATE" : ""; }

std::string NameKey(const Staff& s) {
  return platform::Utf8Prefix(platform::FoldForSearch(s.display_name), 250);
}

const std::string& StaffColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, staff_id, staff_code, display_name, position, employment_type, budget_paid, ",
      SqlDateColumn("start_date"), ", ", SqlDateColumn("end_date"), ", status, city_email, ",
      SqlDateColumn("city_email_last_used"), ", manager, ", SqlDateColumn("birth_date"),
      ", id_number, version, ", SqlTimeColumn("create_time"), ", ", SqlTimeColumn("update_time")));
  return *kColumns;
}

absl::StatusOr<Staff> ReadStaff(const Row& row) {
  Staff s;
  s.school_id = row.Str(0);
  s.staff_id = row.Str(1);
  s.staff_code = row.Str(2);
  s.display_name = row.Str(3);
  s.position = row.Str(4);
  ASSIGN_OR_RETURN(s.employment_type, EnumFromSql(row, 5, EmploymentType::kContract));
  ASSIGN_OR_RETURN(int budget, IntFromSql(row, 6, 0, 1));
  s.budget_paid = budget == 1;
  ASSIGN_OR_RETURN(s.start_date, DateFromSql(row, 7));
  ASSIGN_OR_RETURN(s.end_date, DateFromSql(row, 8));
  ASSIGN_OR_RETURN(s.status, EnumFromSql(row, 9, StaffStatus::kLeft));
  s.city_email = row.Str(10);
  ASSIGN_OR_RETURN(s.city_email_last_used_date, DateFromSql(row, 11));
  ASSIGN_OR_RETURN(int manager, IntFromSql(row, 12, 0, 1));
  s.manager = manager == 1;
  ASSIGN_OR_RETURN(s.birth_date, DateFromSql(row, 13));
  s.id_number = row.Str(14);
  ASSIGN_OR_RETURN(s.version, IntFromSql(row, 15));
  ASSIGN_OR_RETURN(s.create_time, TimeFromSql(row, 16));
  ASSIGN_OR_RETURN(s.update_time, TimeFromSql(row, 17));
  return s;
}

const std::string& QuotaColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, year, civil_servant_quota, public_employee_quota, contract_quota, decision_number, ",
      SqlDateColumn("decision_date"), ", ", SqlTimeColumn("update_time")));
  return *kColumns;
}

absl::StatusOr<StaffingQuota> ReadQuota(const Row& row) {
  StaffingQuota q;
  q.school_id = row.Str(0);
  ASSIGN_OR_RETURN(q.year, IntFromSql(row, 1, 0, 9999));
  ASSIGN_OR_RETURN(q.civil_servant_quota, IntFromSql(row, 2, 0, kMaxCount));
  ASSIGN_OR_RETURN(q.public_employee_quota, IntFromSql(row, 3, 0, kMaxCount));
  ASSIGN_OR_RETURN(q.contract_quota, IntFromSql(row, 4, 0, kMaxCount));
  q.decision_number = row.Str(5);
  ASSIGN_OR_RETURN(q.decision_date, DateFromSql(row, 6));
  ASSIGN_OR_RETURN(q.update_time, TimeFromSql(row, 7));
  return q;
}

const std::string& RatingColumns() {
  static const auto* const kColumns = new std::string(
      absl::StrCat("school_id, staff_id, year, quarter, grade, note, rated_by, city_email_criterion_met, ",
                   SqlTimeColumn("create_time"), ", ", SqlTimeColumn("update_time")));
  return *kColumns;
}

absl::StatusOr<Rating> ReadRating(const Row& row) {
  Rating r;
  r.school_id = row.Str(0);
  r.staff_id = row.Str(1);
  ASSIGN_OR_RETURN(r.year, IntFromSql(row, 2, 0, 9999));
  ASSIGN_OR_RETURN(r.quarter, IntFromSql(row, 3, 0, 4));
  ASSIGN_OR_RETURN(r.grade, EnumFromSql(row, 4, RatingGrade::kNotCompleted));
  r.note = row.Str(5);
  r.rated_by = row.Str(6);
  ASSIGN_OR_RETURN(int met, IntFromSql(row, 7, 0, 1));
  r.city_email_criterion_met = met == 1;
  ASSIGN_OR_RETURN(r.create_time, TimeFromSql(row, 8));
  ASSIGN_OR_RETURN(r.update_time, TimeFromSql(row, 9));
  return r;
}

absl::StatusOr<std::vector<Rating>> ReadRatings(const std::vector<Row>& rows) {
  std::vector<Rating> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Rating r, ReadRating(row));
    out.push_back(std::move(r));
  }
  return out;
}

const std::string& RecordColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, record_id, staff_id, staff_display_name, employment_type, budget_paid, decree, category, "
      "policy, state, volunteered, ",
      SqlDateColumn("proposed_date"), ", ", SqlDateColumn("planned_effective_date"), ", submission_number, ",
      SqlDateColumn("submission_date"), ", decision_number, ", SqlDateColumn("decision_date"),
      ", outcome_reason, ", SqlDateColumn("effective_date"), ", note, ", SqlTimeColumn("create_time"), ", ",
      SqlTimeColumn("update_time")));
  return *kColumns;
}

absl::StatusOr<DownsizingRecord> ReadRecord(const Row& row) {
  DownsizingRecord r;
  r.school_id = row.Str(0);
  r.record_id = row.Str(1);
  r.staff_id = row.Str(2);
  r.staff_display_name = row.Str(3);
  ASSIGN_OR_RETURN(r.employment_type, EnumFromSql(row, 4, EmploymentType::kContract));
  ASSIGN_OR_RETURN(int budget, IntFromSql(row, 5, 0, 1));
  r.budget_paid = budget == 1;
  r.decree = row.Str(6);
  r.category = row.Str(7);
  r.policy = row.Str(8);
  ASSIGN_OR_RETURN(r.state, EnumFromSql(row, 9, DownsizingState::kWithdrawn));
  ASSIGN_OR_RETURN(int volunteered, IntFromSql(row, 10, 0, 1));
  r.volunteered = volunteered == 1;
  ASSIGN_OR_RETURN(r.proposed_date, DateFromSql(row, 11));
  ASSIGN_OR_RETURN(r.planned_effective_date, DateFromSql(row, 12));
  r.submission_number = row.Str(13);
  ASSIGN_OR_RETURN(r.submission_date, DateFromSql(row, 14));
  r.decision_number = row.Str(15);
  ASSIGN_OR_RETURN(r.decision_date, DateFromSql(row, 16));
  r.outcome_reason = row.Str(17);
  ASSIGN_OR_RETURN(r.effective_date, DateFromSql(row, 18));
  r.note = row.Str(19);
  ASSIGN_OR_RETURN(r.create_time, TimeFromSql(row, 20));
  ASSIGN_OR_RETURN(r.update_time, TimeFromSql(row, 21));
  return r;
}

std::vector<SqlValue> RecordValues(const DownsizingRecord& r) {
  return {Str(r.staff_id),
          Str(r.staff_display_name),
          EnumSql(r.employment_type),
          Int(r.budget_paid ? 1 : 0),
          Str(r.decree),
          Str(r.category),
          Str(r.policy),
          EnumSql(r.state),
          Int(r.volunteered ? 1 : 0),
          DateOrNull(r.proposed_date),
          DateOrNull(r.planned_effective_date),
          Str(r.submission_number),
          DateOrNull(r.submission_date),
          Str(r.decision_number),
          DateOrNull(r.decision_date),
          Str(r.outcome_reason),
          DateOrNull(r.effective_date),
          Str(r.note),
          TimeToSql(r.update_time)};
}

}  // namespace

absl::Status MySqlStaffingStore::Atomically(const std::function<absl::Status()>& fn) {
  return db_.InTransaction(fn);
}

// ---- staff ----

absl::Status MySqlStaffingStore::InsertStaff(const Staff& s) {
  RETURN_IF_ERROR(
      db_.Execute("INSERT INTO staff (school_id, staff_id, staff_code, display_name, name_key, position, "
                  "employment_type, budget_paid, start_date, end_date, status, city_email, "
                  "city_email_last_used, manager, birth_date, id_number, version, create_time, update_time) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {Str(s.school_id), Str(s.staff_id), Str(s.staff_code), Str(s.display_name), Str(NameKey(s)),
                   Str(s.position), EnumSql(s.employment_type), Int(s.budget_paid ? 1 : 0),
                   DateOrNull(s.start_date), DateOrNull(s.end_date), EnumSql(s.status), Str(s.city_email),
                   DateOrNull(s.city_email_last_used_date), Int(s.manager ? 1 : 0), DateOrNull(s.birth_date),
                   Str(s.id_number), Int(s.version), TimeToSql(s.create_time), TimeToSql(s.update_time)})
          .status());
  return WriteCircumstances(s);
}

absl::Status MySqlStaffingStore::WriteCircumstances(const Staff& s) {
  RETURN_IF_ERROR(db_.Execute("DELETE FROM staff_circumstances WHERE school_id = ? AND staff_id = ?",
                              {Str(s.school_id), Str(s.staff_id)})
                      .status());
  for (size_t i = 0; i < s.circumstances.size(); ++i) {
    const Circumstance& c = s.circumstances[i];
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO staff_circumstances (school_id, staff_id, seq, kind, start_date, "
                    "end_date, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    {Str(s.school_id), Str(s.staff_id), Int(static_cast<int64_t>(i)), EnumSql(c.kind),
                     DateOrNull(c.start_date), DateOrNull(c.end_date), Str(c.note)})
            .status());
  }
  return absl::OkStatus();
}

absl::Status MySqlStaffingStore::LoadCircumstances(std::vector<Staff>& staff) {
  if (staff.empty()) return absl::OkStatus();
  std::map<std::pair<std::string, std::string>, Staff*> by_key;
  std::set<std::string> schools, ids;
  for (Staff& s : staff) {
    by_key[{s.school_id, s.staff_id}] = &s;
    schools.insert(s.school_id);
    ids.insert(s.staff_id);
  }
  std::vector<SqlValue> params;
  for (const std::string& school : schools) params.push_back(Str(school));
  for (const std::string& id : ids) params.push_back(Str(id));
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT school_id, staff_id, kind, ", SqlDateColumn("start_date"),
                                          ", ", SqlDateColumn("end_date"),
                                          ", note FROM staff_circumstances WHERE school_id IN (",
                                          Placeholders(schools.size()), ") AND staff_id IN (",
                                          Placeholders(ids.size()), ") ORDER BY school_id, staff_id, seq"),
                             params));
  for (const Row& row : rows) {
    Circumstance c;
    ASSIGN_OR_RETURN(c.kind, EnumFromSql(row, 2, kLastCircumstanceKind));
    ASSIGN_OR_RETURN(c.start_date, DateFromSql(row, 3));
    ASSIGN_OR_RETURN(c.end_date, DateFromSql(row, 4));
    c.note = row.Str(5);
    auto it = by_key.find({row.Str(0), row.Str(1)});
    if (it != by_key.end()) it->second->circumstances.push_back(std::move(c));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Staff>> MySqlStaffingStore::SelectStaff(const std::string& tail,
                                                                   std::vector<SqlValue> params) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT ", StaffColumns(), " FROM staff ", tail), params));
  std::vector<Staff> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Staff s, ReadStaff(row));
    out.push_back(std::move(s));
  }
  RETURN_IF_ERROR(LoadCircumstances(out));
  return out;
}

absl::StatusOr<Staff> MySqlStaffingStore::GetStaff(absl::string_view school_id, absl::string_view staff_id,
                                                   Lock lock) {
  ASSIGN_OR_RETURN(auto staff,
                   SelectStaff(absl::StrCat("WHERE school_id = ? AND staff_id = ?", LockClause(lock)),
                               {Str(school_id), Str(staff_id)}));
  if (staff.empty()) return absl::NotFoundError("Không tìm thấy nhân sự (staff member not found)");
  return std::move(staff[0]);
}

absl::Status MySqlStaffingStore::UpdateStaff(const Staff& s) {
  RETURN_IF_ERROR(
      db_.Execute(
             "UPDATE staff SET staff_code = ?, display_name = ?, name_key = ?, position = ?, "
             "employment_type = ?, budget_paid = ?, start_date = ?, end_date = ?, status = ?, "
             "city_email = ?, city_email_last_used = ?, manager = ?, birth_date = ?, "
             "id_number = ?, version = ?, update_time = ? WHERE school_id = ? AND staff_id = ?",
             {Str(s.staff_code), Str(s.display_name), Str(NameKey(s)), Str(s.position),
              EnumSql(s.employment_type), Int(s.budget_paid ? 1 : 0), DateOrNull(s.start_date),
              DateOrNull(s.end_date), EnumSql(s.status), Str(s.city_email),
              DateOrNull(s.city_email_last_used_date), Int(s.manager ? 1 : 0), DateOrNull(s.birth_date),
              Str(s.id_number), Int(s.version), TimeToSql(s.update_time), Str(s.school_id), Str(s.staff_id)})
          .status());
  return WriteCircumstances(s);
}

absl::StatusOr<std::vector<Staff>> MySqlStaffingStore::ListStaff(absl::string_view school_id,
                                                                 const StaffQuery& query,
                                                                 const std::optional<StaffCursor>& after,
                                                                 int limit) {
  std::string tail = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  AddInList(query.employment_types, "employment_type", tail, params);
  AddInList(query.statuses, "status", tail, params);
  if (!query.folded_query.empty()) {
    tail += " AND (LOCATE(?, name_key) > 0 OR LOCATE(?, LOWER(staff_code)) > 0)";
    params.insert(params.end(), {Str(query.folded_query), Str(query.folded_query)});
  }
  if (query.email_state != CityEmailState::kUnspecified) {
    Date since = platform::AddDays(query.today, -(kCityEmailWindowDays - 1));
    switch (query.email_state) {
      case CityEmailState::kNone:
        tail += " AND city_email = ''";
        break;
      case CityEmailState::kInUse:
        tail += " AND city_email <> '' AND city_email_last_used >= ?";
        params.push_back(DateOrNull(since));
        break;
      default:
        tail += " AND city_email <> '' AND (city_email_last_used IS NULL OR city_email_last_used < ?)";
        params.push_back(DateOrNull(since));
        break;
    }
  }
  if (after) {
    tail += " AND (name_key > ? OR (name_key = ? AND staff_id > ?))";
    params.insert(params.end(), {Str(after->name_key), Str(after->name_key), Str(after->staff_id)});
  }
  tail += " ORDER BY name_key, staff_id LIMIT ?";
  params.push_back(Int(limit));
  return SelectStaff(tail, std::move(params));
}

absl::StatusOr<std::vector<Staff>> MySqlStaffingStore::StaffByCodes(absl::string_view school_id,
                                                                    const std::vector<std::string>& codes) {
  if (codes.empty()) return std::vector<Staff>{};
  std::vector<SqlValue> params = {Str(school_id)};
  for (const std::string& c : codes) params.push_back(Str(c));
  return SelectStaff(
      absl::StrCat("WHERE school_id = ? AND staff_code IN (", Placeholders(codes.size()), ") FOR UPDATE"),
      std::move(params));
}

absl::StatusOr<std::vector<Staff>> MySqlStaffingStore::StaffByEmails(absl::string_view school_id,
                                                                     const std::vector<std::string>& emails) {
  if (emails.empty()) return std::vector<Staff>{};
  std::vector<SqlValue> params = {Str(school_id)};
  for (const std::string& e : emails) params.push_back(Str(e));
  return SelectStaff(
      absl::StrCat("WHERE school_id = ? AND city_email IN (", Placeholders(emails.size()), ") FOR UPDATE"),
      std::move(params));
}

absl::StatusOr<std::vector<Staff>> MySqlStaffingStore::StaffByIds(
    const std::map<std::string, std::vector<std::string>>& ids_by_school) {
  std::set<std::string> ids;
  for (const auto& [school, staff_ids] : ids_by_school) ids.insert(staff_ids.begin(), staff_ids.end());
  if (ids.empty()) return std::vector<Staff>{};
  std::vector<SqlValue> params;
  for (const auto& [school, staff_ids] : ids_by_school) params.push_back(Str(school));
  for (const std::string& id : ids) params.push_back(Str(id));
  // One read for every school: the pairs asked for are picked from the
  // schools × ids it returns.
  ASSIGN_OR_RETURN(std::vector<Staff> found,
                   SelectStaff(absl::StrCat("WHERE school_id IN (", Placeholders(ids_by_school.size()),
                                            ") AND staff_id IN (", Placeholders(ids.size()),
                                            ") ORDER BY school_id, staff_id"),
                               std::move(params)));
  std::vector<Staff> out;
  for (Staff& s : found) {
    const std::vector<std::string>& wanted = ids_by_school.at(s.school_id);
    if (std::find(wanted.begin(), wanted.end(), s.staff_id) != wanted.end()) out.push_back(std::move(s));
  }
  return out;
}

absl::StatusOr<Headcount> MySqlStaffingStore::CountHeadcount(absl::string_view school_id, Date day) {
  ASSIGN_OR_RETURN(HeadcountsByDay counts, CountHeadcounts({std::string(school_id)}, {day}));
  auto it = counts[day].find(std::string(school_id));
  return it == counts[day].end() ? Headcount{} : it->second;
}

absl::StatusOr<HeadcountsByDay> MySqlStaffingStore::CountHeadcounts(
    const std::vector<std::string>& school_ids, const std::vector<Date>& days) {
  HeadcountsByDay out;
  if (school_ids.empty() || days.empty()) return out;
  // The days as a small table (k, day), so every day is counted in one pass.
  std::string day_table;
  std::vector<SqlValue> params;
  for (size_t k = 0; k < days.size(); ++k) {
    absl::StrAppend(&day_table, k == 0 ? "" : " UNION ALL ", "SELECT ", k,
                    " AS k, CAST(? AS DATE) AS on_day");
    params.push_back(DateOrNull(days[k]));
  }
  params = WithStrs(std::move(params), school_ids);
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(
          absl::StrCat("SELECT d.k, s.school_id, COUNT(*), COALESCE(SUM(s.employment_type = 1), 0), "
                       "COALESCE(SUM(s.employment_type = 2), 0), "
                       "COALESCE(SUM(s.employment_type = 2 AND s.budget_paid = 1), 0), "
                       "COALESCE(SUM(s.employment_type = 3), 0), COALESCE(SUM(s.budget_paid = 1), 0), "
                       "COALESCE(SUM(s.city_email <> ''), 0) FROM staff s JOIN (",
                       day_table,
                       ") d ON s.start_date <= d.on_day AND (s.end_date IS NULL OR s.end_date >= d.on_day) "
                       "WHERE s.school_id IN (",
                       Placeholders(school_ids.size()), ") GROUP BY d.k, s.school_id"),
          params));
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(int k, IntFromSql(row, 0, 0, static_cast<int>(days.size()) - 1));
    Headcount& h = out[days[k]][row.Str(1)];
    ASSIGN_OR_RETURN(h.staff, IntFromSql(row, 2, 0, kMaxCount));
    ASSIGN_OR_RETURN(h.civil_servants, IntFromSql(row, 3, 0, kMaxCount));
    ASSIGN_OR_RETURN(h.public_employees, IntFromSql(row, 4, 0, kMaxCount));
    ASSIGN_OR_RETURN(h.budget_paid_public_employees, IntFromSql(row, 5, 0, kMaxCount));
    ASSIGN_OR_RETURN(h.contract_staff, IntFromSql(row, 6, 0, kMaxCount));
    ASSIGN_OR_RETURN(h.budget_paid, IntFromSql(row, 7, 0, kMaxCount));
    ASSIGN_OR_RETURN(h.with_city_email, IntFromSql(row, 8, 0, kMaxCount));
  }
  return out;
}

absl::StatusOr<std::map<std::string, RecordStateCounts>> MySqlStaffingStore::CountRecordStates(
    const std::vector<std::string>& school_ids, Date effective_after, Date as_of) {
  std::map<std::string, RecordStateCounts> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params = {DateOrNull(effective_after), DateOrNull(as_of)};
  for (const std::string& id : school_ids) params.push_back(Str(id));
  ASSIGN_OR_RETURN(
      auto rows, db_.Query(absl::StrCat("SELECT school_id, COALESCE(SUM(state = 5 AND effective_date > ? AND "
                                        "effective_date <= ?), 0), COALESCE(SUM(state = 3), 0), "
                                        "COALESCE(SUM(state IN (1, 2)), 0) FROM downsizing_records WHERE "
                                        "school_id IN (",
                                        Placeholders(school_ids.size()), ") GROUP BY school_id"),
                           params));
  for (const Row& row : rows) {
    RecordStateCounts& c = out[row.Str(0)];
    ASSIGN_OR_RETURN(c.effective, IntFromSql(row, 1, 0, kMaxCount));
    ASSIGN_OR_RETURN(c.approved, IntFromSql(row, 2, 0, kMaxCount));
    ASSIGN_OR_RETURN(c.pending, IntFromSql(row, 3, 0, kMaxCount));
  }
  return out;
}

absl::StatusOr<std::map<std::string, DownsizingTarget>> MySqlStaffingStore::GetTargets(
    const std::vector<std::string>& school_ids, absl::string_view plan) {
  std::map<std::string, DownsizingTarget> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params = {Str(plan)};
  for (const std::string& id : school_ids) params.push_back(Str(id));
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT school_id, baseline_civil_servants, "
                                          "baseline_public_employees, ",
                                          SqlTimeColumn("update_time"),
                                          " FROM downsizing_targets WHERE plan = ? AND school_id IN (",
                                          Placeholders(school_ids.size()), ")"),
                             params));
  for (const Row& row : rows) {
    DownsizingTarget t;
    t.school_id = row.Str(0);
    t.plan = std::string(plan);
    ASSIGN_OR_RETURN(t.baseline_civil_servants, IntFromSql(row, 1, 0, kMaxCount));
    ASSIGN_OR_RETURN(t.baseline_public_employees, IntFromSql(row, 2, 0, kMaxCount));
    ASSIGN_OR_RETURN(t.update_time, TimeFromSql(row, 3));
    out[t.school_id] = std::move(t);
  }
  return out;
}

// ---- quotas ----

absl::Status MySqlStaffingStore::InsertQuota(const StaffingQuota& q) {
  return db_
      .Execute(
          "INSERT INTO staffing_quotas (school_id, year, civil_servant_quota, public_employee_quota, "
          "contract_quota, decision_number, decision_date, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(q.school_id), Int(q.year), Int(q.civil_servant_quota), Int(q.public_employee_quota),
           Int(q.contract_quota), Str(q.decision_number), DateOrNull(q.decision_date),
           TimeToSql(q.update_time)})
      .status();
}

absl::StatusOr<StaffingQuota> MySqlStaffingStore::GetQuota(absl::string_view school_id, int year, Lock lock) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", QuotaColumns(),
                                                     " FROM staffing_quotas WHERE school_id = ? AND year = ?",
                                                     LockClause(lock)),
                                        {Str(school_id), Int(year)}));
  if (rows.empty()) return absl::NotFoundError("Không tìm thấy chỉ tiêu biên chế của năm (quota not found)");
  return ReadQuota(rows[0]);
}

absl::StatusOr<std::map<std::string, StaffingQuota>> MySqlStaffingStore::GetQuotas(
    const std::vector<std::string>& school_ids, int year) {
  std::map<std::string, StaffingQuota> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params = WithStrs({Int(year)}, school_ids);
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT ", QuotaColumns(),
                                          " FROM staffing_quotas WHERE year = ? AND school_id IN (",
                                          Placeholders(school_ids.size()), ")"),
                             params));
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(StaffingQuota quota, ReadQuota(row));
    out[quota.school_id] = std::move(quota);
  }
  return out;
}

absl::Status MySqlStaffingStore::UpdateQuota(const StaffingQuota& q) {
  return db_
      .Execute(
          "UPDATE staffing_quotas SET civil_servant_quota = ?, public_employee_quota = ?, contract_quota = "
          "?, "
          "decision_number = ?, decision_date = ?, update_time = ? WHERE school_id = ? AND year = ?",
          {Int(q.civil_servant_quota), Int(q.public_employee_quota), Int(q.contract_quota),
           Str(q.decision_number), DateOrNull(q.decision_date), TimeToSql(q.update_time), Str(q.school_id),
           Int(q.year)})
      .status();
}

absl::StatusOr<std::vector<StaffingQuota>> MySqlStaffingStore::ListQuotas(absl::string_view school_id,
                                                                          int before_year, int limit) {
  std::string sql = absl::StrCat("SELECT ", QuotaColumns(), " FROM staffing_quotas WHERE school_id = ?");
  std::vector<SqlValue> params = {Str(school_id)};
  if (before_year != 0) {
    sql += " AND year < ?";
    params.push_back(Int(before_year));
  }
  sql += " ORDER BY year DESC LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<StaffingQuota> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(StaffingQuota q, ReadQuota(row));
    out.push_back(std::move(q));
  }
  return out;
}

// ---- ratings ----

absl::Status MySqlStaffingStore::InsertRating(const Rating& r) {
  return db_
      .Execute(
          "INSERT INTO ratings (school_id, staff_id, year, quarter, grade, note, rated_by, "
          "city_email_criterion_met, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(r.school_id), Str(r.staff_id), Int(r.year), Int(r.quarter), EnumSql(r.grade), Str(r.note),
           Str(r.rated_by), Int(r.city_email_criterion_met ? 1 : 0), TimeToSql(r.create_time),
           TimeToSql(r.update_time)})
      .status();
}

absl::StatusOr<Rating> MySqlStaffingStore::GetRating(absl::string_view school_id, absl::string_view staff_id,
                                                     int year, int quarter, Lock lock) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", RatingColumns(),
                                                     " FROM ratings WHERE school_id = ? AND staff_id = ? AND "
                                                     "year = ? AND quarter = ?",
                                                     LockClause(lock)),
                                        {Str(school_id), Str(staff_id), Int(year), Int(quarter)}));
  if (rows.empty()) return absl::NotFoundError("Không tìm thấy kết quả đánh giá (rating not found)");
  return ReadRating(rows[0]);
}

absl::Status MySqlStaffingStore::UpdateRating(const Rating& r) {
  return db_
      .Execute(
          "UPDATE ratings SET grade = ?, note = ?, rated_by = ?, city_email_criterion_met = ?, "
          "update_time = ? WHERE school_id = ? AND staff_id = ? AND year = ? AND quarter = ?",
          {EnumSql(r.grade), Str(r.note), Str(r.rated_by), Int(r.city_email_criterion_met ? 1 : 0),
           TimeToSql(r.update_time), Str(r.school_id), Str(r.staff_id), Int(r.year), Int(r.quarter)})
      .status();
}

absl::Status MySqlStaffingStore::RecordRatingCorrection(const Rating& before, const Rating& after,
                                                        const std::string& reason) {
  return db_
      .Execute(
          "INSERT INTO rating_corrections (school_id, staff_id, year, quarter, grade_before, grade_after, "
          "reason, corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(after.school_id), Str(after.staff_id), Int(after.year), Int(after.quarter),
           EnumSql(before.grade), EnumSql(after.grade), Str(reason), Str(after.rated_by),
           TimeToSql(after.update_time)})
      .status();
}

absl::StatusOr<std::vector<Rating>> MySqlStaffingStore::ListRatings(absl::string_view school_id,
                                                                    absl::string_view staff_id, int year,
                                                                    int quarter,
                                                                    const std::optional<RatingCursor>& after,
                                                                    int limit) {
  std::string sql = absl::StrCat("SELECT ", RatingColumns(), " FROM ratings WHERE school_id = ?");
  std::vector<SqlValue> params = {Str(school_id)};
  if (!staff_id.empty()) {
    sql += " AND staff_id = ?";
    params.push_back(Str(staff_id));
  }
  if (year != 0) {
    sql += " AND year = ?";
    params.push_back(Int(year));
  }
  if (quarter != 0) {
    sql += " AND quarter = ?";
    params.push_back(Int(quarter < 0 ? 0 : quarter));
  }
  if (after) {
    sql += " AND (staff_id > ? OR (staff_id = ? AND (year > ? OR (year = ? AND quarter > ?))))";
    params.insert(params.end(), {Str(after->staff_id), Str(after->staff_id), Int(after->year),
                                 Int(after->year), Int(after->quarter)});
  }
  sql += " ORDER BY staff_id, year, quarter LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  return ReadRatings(rows);
}

absl::StatusOr<std::vector<Rating>> MySqlStaffingStore::YearlyRatings(
    const std::vector<std::string>& school_ids, int from_year, int to_year) {
  if (school_ids.empty()) return std::vector<Rating>{};
  std::vector<SqlValue> params = WithStrs({Int(from_year), Int(to_year)}, school_ids);
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(absl::StrCat("SELECT ", RatingColumns(),
                             " FROM ratings WHERE quarter = 0 AND year BETWEEN ? AND ? "
                             "AND school_id IN (",
                             Placeholders(school_ids.size()), ") ORDER BY school_id, staff_id, year"),
                params));
  return ReadRatings(rows);
}

// ---- downsizing ----

absl::Status MySqlStaffingStore::InsertRecord(const DownsizingRecord& r) {
  std::vector<SqlValue> params = {Str(r.school_id), Str(r.record_id)};
  for (SqlValue& v : RecordValues(r)) params.push_back(std::move(v));
  params.push_back(TimeToSql(r.create_time));
  return db_
      .Execute(
          "INSERT INTO downsizing_records (school_id, record_id, staff_id, staff_display_name, "
          "employment_type, budget_paid, decree, category, policy, state, volunteered, proposed_date, "
          "planned_effective_date, submission_number, submission_date, decision_number, decision_date, "
          "outcome_reason, effective_date, note, update_time, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          params)
      .status();
}

absl::StatusOr<DownsizingRecord> MySqlStaffingStore::GetRecord(absl::string_view school_id,
                                                               absl::string_view record_id, Lock lock) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", RecordColumns(),
                                                     " FROM downsizing_records WHERE school_id = ? AND "
                                                     "record_id = ?",
                                                     LockClause(lock)),
                                        {Str(school_id), Str(record_id)}));
  if (rows.empty())
    return absl::NotFoundError("Không tìm thấy hồ sơ tinh giản (downsizing record not found)");
  return ReadRecord(rows[0]);
}

absl::Status MySqlStaffingStore::UpdateRecord(const DownsizingRecord& r) {
  std::vector<SqlValue> params = RecordValues(r);
  params.push_back(Str(r.school_id));
  params.push_back(Str(r.record_id));
  return db_
      .Execute(
          "UPDATE downsizing_records SET staff_id = ?, staff_display_name = ?, employment_type = ?, "
          "budget_paid = ?, decree = ?, category = ?, policy = ?, state = ?, volunteered = ?, "
          "proposed_date = ?, planned_effective_date = ?, submission_number = ?, submission_date = ?, "
          "decision_number = ?, decision_date = ?, outcome_reason = ?, effective_date = ?, note = ?, "
          "update_time = ? WHERE school_id = ? AND record_id = ?",
          params)
      .status();
}

absl::StatusOr<std::vector<DownsizingRecord>> MySqlStaffingStore::ListRecords(
    absl::string_view school_id, const RecordQuery& query, const std::optional<RecordCursor>& after,
    int limit) {
  std::string sql = absl::StrCat("SELECT ", RecordColumns(), " FROM downsizing_records WHERE school_id = ?");
  std::vector<SqlValue> params = {Str(school_id)};
  AddInList(query.states, "state", sql, params);
  if (!query.decree.empty()) {
    sql += " AND decree = ?";
    params.push_back(Str(query.decree));
  }
  if (query.year != 0) {
    sql += " AND YEAR(proposed_date) = ?";
    params.push_back(Int(query.year));
  }
  if (after) {
    sql += " AND (proposed_date < ? OR (proposed_date = ? AND record_id > ?))";
    params.insert(params.end(), {DateOrNull(after->proposed_date), DateOrNull(after->proposed_date),
                                 Str(after->record_id)});
  }
  sql += " ORDER BY proposed_date DESC, record_id LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<DownsizingRecord> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(DownsizingRecord r, ReadRecord(row));
    out.push_back(std::move(r));
  }
  return out;
}

absl::StatusOr<std::map<std::string, std::set<std::string>>> MySqlStaffingStore::StaffWithOpenRecords(
    const std::vector<std::string>& school_ids) {
  std::map<std::string, std::set<std::string>> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params = WithStrs({}, school_ids);
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT DISTINCT school_id, staff_id FROM downsizing_records "
                                          "WHERE state IN (1, 2, 3) AND school_id IN (",
                                          Placeholders(school_ids.size()), ")"),
                             params));
  for (const Row& row : rows) out[row.Str(0)].insert(row.Str(1));
  return out;
}

absl::StatusOr<DownsizingTarget> MySqlStaffingStore::GetTarget(absl::string_view school_id,
                                                               absl::string_view plan, Lock lock) {
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(absl::StrCat("SELECT baseline_civil_servants, baseline_public_employees, ",
                             SqlTimeColumn("update_time"),
                             " FROM downsizing_targets WHERE school_id = ? AND plan = ?", LockClause(lock)),
                {Str(school_id), Str(plan)}));
  if (rows.empty()) return absl::NotFoundError("Chưa có số liệu gốc cho kế hoạch (no baseline for the plan)");
  DownsizingTarget t;
  t.school_id = std::string(school_id);
  t.plan = std::string(plan);
  ASSIGN_OR_RETURN(t.baseline_civil_servants, IntFromSql(rows[0], 0, 0, kMaxCount));
  ASSIGN_OR_RETURN(t.baseline_public_employees, IntFromSql(rows[0], 1, 0, kMaxCount));
  ASSIGN_OR_RETURN(t.update_time, TimeFromSql(rows[0], 2));
  return t;
}

absl::Status MySqlStaffingStore::UpsertTarget(const DownsizingTarget& t) {
  return db_
      .Execute(
          "INSERT INTO downsizing_targets (school_id, plan, baseline_civil_servants, "
          "baseline_public_employees, update_time) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
          "baseline_civil_servants = VALUES(baseline_civil_servants), "
          "baseline_public_employees = VALUES(baseline_public_employees), update_time = VALUES(update_time)",
          {Str(t.school_id), Str(t.plan), Int(t.baseline_civil_servants), Int(t.baseline_public_employees),
           TimeToSql(t.update_time)})
      .status();
}

// ---- e-mail usage, inspections ----

absl::Status MySqlStaffingStore::RecordEmailUsage(absl::string_view school_id, Date report_date,
                                                  const std::vector<std::pair<std::string, Date>>& uses) {
  for (const auto& [staff_id, last_used] : uses) {
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO city_email_usage (school_id, staff_id, report_date, last_used_date) "
                    "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_used_date = "
                    "VALUES(last_used_date)",
                    {Str(school_id), Str(staff_id), DateOrNull(report_date), DateOrNull(last_used)})
            .status());
    if (!last_used.IsSet()) continue;
    RETURN_IF_ERROR(
        db_.Execute("UPDATE staff SET city_email_last_used = ? WHERE school_id = ? AND staff_id = ? "
                    "AND (city_email_last_used IS NULL OR city_email_last_used < ?)",
                    {DateOrNull(last_used), Str(school_id), Str(staff_id), DateOrNull(last_used)})
            .status());
  }
  return absl::OkStatus();
}

absl::Status MySqlStaffingStore::InsertInspection(const DisciplineInspection& i) {
  RETURN_IF_ERROR(
      db_.Execute(
             "INSERT INTO discipline_inspections (school_id, inspection_id, kind, inspection_date, "
             "scope, inspectors, staff_checked, conclusion, document_number, create_time, "
             "update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {Str(i.school_id), Str(i.inspection_id), EnumSql(i.kind), DateOrNull(i.inspection_date),
              Str(i.scope), Str(absl::StrJoin(i.inspectors, "\n")), Int(i.staff_checked), Str(i.conclusion),
              Str(i.document_number), TimeToSql(i.create_time), TimeToSql(i.update_time)})
          .status());
  return WriteFindings(i);
}

absl::Status MySqlStaffingStore::WriteFindings(const DisciplineInspection& i) {
  RETURN_IF_ERROR(db_.Execute("DELETE FROM inspection_findings WHERE school_id = ? AND inspection_id = ?",
                              {Str(i.school_id), Str(i.inspection_id)})
                      .status());
  for (size_t n = 0; n < i.findings.size(); ++n) {
    const InspectionFinding& f = i.findings[n];
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO inspection_findings (school_id, inspection_id, seq, staff_id, "
                    "description, violation, action, action_due_date, action_done_date) VALUES (?, ?, ?, "
                    "?, ?, ?, ?, ?, ?)",
                    {Str(i.school_id), Str(i.inspection_id), Int(static_cast<int64_t>(n)), Str(f.staff_id),
                     Str(f.description), Int(f.violation ? 1 : 0), Str(f.action),
                     DateOrNull(f.action_due_date), DateOrNull(f.action_done_date)})
            .status());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<DisciplineInspection>> MySqlStaffingStore::SelectInspections(
    const std::string& tail, std::vector<SqlValue> params, absl::string_view school_id) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT inspection_id, kind, ", SqlDateColumn("inspection_date"),
                                          ", scope, inspectors, staff_checked, conclusion, "
                                          "document_number, ",
                                          SqlTimeColumn("create_time"), ", ", SqlTimeColumn("update_time"),
                                          " FROM discipline_inspections ", tail),
                             params));
  std::vector<DisciplineInspection> out;
  std::map<std::string, size_t> index;
  std::vector<SqlValue> ids = {Str(school_id)};
  for (const Row& row : rows) {
    DisciplineInspection i;
    i.school_id = std::string(school_id);
    i.inspection_id = row.Str(0);
    ASSIGN_OR_RETURN(i.kind, EnumFromSql(row, 1, InspectionKind::kSurprise));
    ASSIGN_OR_RETURN(i.inspection_date, DateFromSql(row, 2));
    i.scope = row.Str(3);
    i.inspectors = absl::StrSplit(row.Str(4), '\n', absl::SkipEmpty());
    ASSIGN_OR_RETURN(i.staff_checked, IntFromSql(row, 5, 0, kMaxCount));
    i.conclusion = row.Str(6);
    i.document_number = row.Str(7);
    ASSIGN_OR_RETURN(i.create_time, TimeFromSql(row, 8));
    ASSIGN_OR_RETURN(i.update_time, TimeFromSql(row, 9));
    index[i.inspection_id] = out.size();
    ids.push_back(Str(i.inspection_id));
    out.push_back(std::move(i));
  }
  if (out.empty()) return out;
  ASSIGN_OR_RETURN(
      auto findings,
      db_.Query(absl::StrCat("SELECT inspection_id, staff_id, description, violation, action, ",
                             SqlDateColumn("action_due_date"), ", ", SqlDateColumn("action_done_date"),
                             " FROM inspection_findings WHERE school_id = ? AND inspection_id IN (",
                             Placeholders(out.size()), ") ORDER BY inspection_id, seq"),
                ids));
  for (const Row& row : findings) {
    InspectionFinding f;
    f.staff_id = row.Str(1);
    f.description = row.Str(2);
    ASSIGN_OR_RETURN(int violation, IntFromSql(row, 3, 0, 1));
    f.violation = violation == 1;
    f.action = row.Str(4);
    ASSIGN_OR_RETURN(f.action_due_date, DateFromSql(row, 5));
    ASSIGN_OR_RETURN(f.action_done_date, DateFromSql(row, 6));
    out[index.at(row.Str(0))].findings.push_back(std::move(f));
  }
  return out;
}

absl::StatusOr<DisciplineInspection> MySqlStaffingStore::GetInspection(absl::string_view school_id,
                                                                       absl::string_view inspection_id,
                                                                       Lock lock) {
  ASSIGN_OR_RETURN(auto found, SelectInspections(absl::StrCat("WHERE school_id = ? AND inspection_id = ?",
                                                              LockClause(lock)),
                                                 {Str(school_id), Str(inspection_id)}, school_id));
  if (found.empty()) return absl::NotFoundError("Không tìm thấy cuộc kiểm tra (inspection not found)");
  return std::move(found[0]);
}

absl::Status MySqlStaffingStore::UpdateInspection(const DisciplineInspection& i) {
  RETURN_IF_ERROR(
      db_.Execute("UPDATE discipline_inspections SET kind = ?, inspection_date = ?, scope = ?, "
                  "inspectors = ?, staff_checked = ?, conclusion = ?, document_number = ?, update_time = ? "
                  "WHERE school_id = ? AND inspection_id = ?",
                  {EnumSql(i.kind), DateOrNull(i.inspection_date), Str(i.scope),
                   Str(absl::StrJoin(i.inspectors, "\n")), Int(i.staff_checked), Str(i.conclusion),
                   Str(i.document_number), TimeToSql(i.update_time), Str(i.school_id), Str(i.inspection_id)})
          .status());
  return WriteFindings(i);
}

absl::StatusOr<std::vector<DisciplineInspection>> MySqlStaffingStore::ListInspections(
    absl::string_view school_id, Date from, Date to, const std::optional<InspectionCursor>& after,
    int limit) {
  std::string tail = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (from.IsSet()) {
    tail += " AND inspection_date >= ?";
    params.push_back(DateOrNull(from));
  }
  if (to.IsSet()) {
    tail += " AND inspection_date <= ?";
    params.push_back(DateOrNull(to));
  }
  if (after) {
    tail += " AND (inspection_date < ? OR (inspection_date = ? AND inspection_id > ?))";
    params.insert(params.end(), {DateOrNull(after->inspection_date), DateOrNull(after->inspection_date),
                                 Str(after->inspection_id)});
  }
  tail += " ORDER BY inspection_date DESC, inspection_id LIMIT ?";
  params.push_back(Int(limit));
  return SelectInspections(tail, std::move(params), school_id);
}

// ---- staff voice ----

absl::Status MySqlStaffingStore::InsertSuggestion(const StaffSuggestion& s) {
  return db_
      .Execute(
          "INSERT INTO staff_suggestions (school_id, suggestion_id, topic, content, submitted_by, "
          "submit_date, "
          "state, answer, answer_date, answered_by, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(s.school_id), Str(s.suggestion_id), Str(s.topic), Str(s.content), Str(s.submitted_by),
           DateOrNull(s.submit_date), EnumSql(s.state), Str(s.answer), DateOrNull(s.answer_date),
           Str(s.answered_by), TimeToSql(s.create_time)})
      .status();
}

namespace {

const std::string& SuggestionColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, suggestion_id, topic, content, submitted_by, ", SqlDateColumn("submit_date"),
      ", state, answer, ", SqlDateColumn("answer_date"), ", answered_by, ", SqlTimeColumn("create_time")));
  return *kColumns;
}

absl::StatusOr<StaffSuggestion> ReadSuggestion(const Row& row) {
  StaffSuggestion s;
  s.school_id = row.Str(0);
  s.suggestion_id = row.Str(1);
  s.topic = row.Str(2);
  s.content = row.Str(3);
  s.submitted_by = row.Str(4);
  ASSIGN_OR_RETURN(s.submit_date, DateFromSql(row, 5));
  ASSIGN_OR_RETURN(s.state, EnumFromSql(row, 6, SuggestionState::kAnswered));
  s.answer = row.Str(7);
  ASSIGN_OR_RETURN(s.answer_date, DateFromSql(row, 8));
  s.answered_by = row.Str(9);
  ASSIGN_OR_RETURN(s.create_time, TimeFromSql(row, 10));
  return s;
}

}  // namespace

absl::StatusOr<StaffSuggestion> MySqlStaffingStore::GetSuggestion(absl::string_view school_id,
                                                                  absl::string_view suggestion_id,
                                                                  Lock lock) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", SuggestionColumns(),
                                                     " FROM staff_suggestions WHERE school_id = ? AND "
                                                     "suggestion_id = ?",
                                                     LockClause(lock)),
                                        {Str(school_id), Str(suggestion_id)}));
  if (rows.empty()) return absl::NotFoundError("Không tìm thấy ý kiến (suggestion not found)");
  return ReadSuggestion(rows[0]);
}

absl::Status MySqlStaffingStore::UpdateSuggestion(const StaffSuggestion& s) {
  return db_
      .Execute(
          "UPDATE staff_suggestions SET state = ?, answer = ?, answer_date = ?, answered_by = ? WHERE "
          "school_id = ? AND suggestion_id = ?",
          {EnumSql(s.state), Str(s.answer), DateOrNull(s.answer_date), Str(s.answered_by), Str(s.school_id),
           Str(s.suggestion_id)})
      .status();
}

absl::StatusOr<std::vector<StaffSuggestion>> MySqlStaffingStore::ListSuggestions(
    absl::string_view school_id, SuggestionState state, const std::optional<DatedCursor>& after, int limit) {
  std::string sql =
      absl::StrCat("SELECT ", SuggestionColumns(), " FROM staff_suggestions WHERE school_id = ?");
  std::vector<SqlValue> params = {Str(school_id)};
  if (state != SuggestionState::kUnspecified) {
    sql += " AND state = ?";
    params.push_back(EnumSql(state));
  }
  if (after) {
    sql += " AND (submit_date < ? OR (submit_date = ? AND suggestion_id > ?))";
    params.insert(params.end(), {DateOrNull(after->date), DateOrNull(after->date), Str(after->id)});
  }
  sql += " ORDER BY submit_date DESC, suggestion_id LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<StaffSuggestion> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(StaffSuggestion s, ReadSuggestion(row));
    out.push_back(std::move(s));
  }
  return out;
}

absl::StatusOr<InspectionBoard> MySqlStaffingStore::GetBoard(absl::string_view school_id, Lock lock) {
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(absl::StrCat("SELECT ", SqlDateColumn("term_start"), ", ", SqlDateColumn("term_end"),
                             ", decision_number, ", SqlTimeColumn("update_time"),
                             " FROM inspection_boards WHERE school_id = ?", LockClause(lock)),
                {Str(school_id)}));
  if (rows.empty()) return absl::NotFoundError("Trường chưa lập Ban Thanh tra nhân dân (no board yet)");
  InspectionBoard b;
  b.school_id = std::string(school_id);
  ASSIGN_OR_RETURN(b.term_start, DateFromSql(rows[0], 0));
  ASSIGN_OR_RETURN(b.term_end, DateFromSql(rows[0], 1));
  b.decision_number = rows[0].Str(2);
  ASSIGN_OR_RETURN(b.update_time, TimeFromSql(rows[0], 3));
  ASSIGN_OR_RETURN(auto members,
                   db_.Query("SELECT staff_id, role FROM board_members WHERE school_id = ? ORDER BY "
                             "seq",
                             {Str(school_id)}));
  for (const Row& row : members) {
    BoardMember m;
    m.staff_id = row.Str(0);
    ASSIGN_OR_RETURN(m.role, EnumFromSql(row, 1, BoardRole::kMember));
    b.members.push_back(std::move(m));
  }
  return b;
}

absl::Status MySqlStaffingStore::PutBoard(const InspectionBoard& b) {
  RETURN_IF_ERROR(
      db_.Execute("INSERT INTO inspection_boards (school_id, term_start, term_end, decision_number, "
                  "update_time) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE term_start = "
                  "VALUES(term_start), term_end = VALUES(term_end), decision_number = "
                  "VALUES(decision_number), update_time = VALUES(update_time)",
                  {Str(b.school_id), DateOrNull(b.term_start), DateOrNull(b.term_end), Str(b.decision_number),
                   TimeToSql(b.update_time)})
          .status());
  RETURN_IF_ERROR(db_.Execute("DELETE FROM board_members WHERE school_id = ?", {Str(b.school_id)}).status());
  for (size_t i = 0; i < b.members.size(); ++i) {
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO board_members (school_id, seq, staff_id, role) VALUES (?, ?, ?, ?)",
                    {Str(b.school_id), Int(static_cast<int64_t>(i)), Str(b.members[i].staff_id),
                     EnumSql(b.members[i].role)})
            .status());
  }
  return absl::OkStatus();
}

absl::Status MySqlStaffingStore::WriteRecommendations(const BoardMeeting& m) {
  RETURN_IF_ERROR(db_.Execute("DELETE FROM board_recommendations WHERE school_id = ? AND meeting_id = ?",
                              {Str(m.school_id), Str(m.meeting_id)})
                      .status());
  for (size_t i = 0; i < m.recommendations.size(); ++i) {
    const BoardRecommendation& r = m.recommendations[i];
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO board_recommendations (school_id, meeting_id, seq, content, due_date, "
                    "response, resolved_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    {Str(m.school_id), Str(m.meeting_id), Int(static_cast<int64_t>(i)), Str(r.content),
                     DateOrNull(r.due_date), Str(r.response), DateOrNull(r.resolved_date)})
            .status());
  }
  return absl::OkStatus();
}

absl::Status MySqlStaffingStore::InsertMeeting(const BoardMeeting& m) {
  RETURN_IF_ERROR(
      db_.Execute("INSERT INTO board_meetings (school_id, meeting_id, meeting_date, minutes, attendees, "
                  "update_time) VALUES (?, ?, ?, ?, ?, ?)",
                  {Str(m.school_id), Str(m.meeting_id), DateOrNull(m.meeting_date), Str(m.minutes),
                   Str(absl::StrJoin(m.attendee_ids, "\n")), TimeToSql(m.update_time)})
          .status());
  return WriteRecommendations(m);
}

absl::Status MySqlStaffingStore::UpdateMeeting(const BoardMeeting& m) {
  RETURN_IF_ERROR(
      db_.Execute("UPDATE board_meetings SET meeting_date = ?, minutes = ?, attendees = ?, update_time "
                  "= ? WHERE school_id = ? AND meeting_id = ?",
                  {DateOrNull(m.meeting_date), Str(m.minutes), Str(absl::StrJoin(m.attendee_ids, "\n")),
                   TimeToSql(m.update_time), Str(m.school_id), Str(m.meeting_id)})
          .status());
  return WriteRecommendations(m);
}

absl::StatusOr<std::vector<BoardMeeting>> MySqlStaffingStore::SelectMeetings(const std::string& tail,
                                                                             std::vector<SqlValue> params,
                                                                             absl::string_view school_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT meeting_id, ", SqlDateColumn("meeting_date"),
                                                     ", minutes, attendees, ", SqlTimeColumn("update_time"),
                                                     " FROM board_meetings ", tail),
                                        params));
  std::vector<BoardMeeting> out;
  std::map<std::string, size_t> index;
  std::vector<SqlValue> ids = {Str(school_id)};
  for (const Row& row : rows) {
    BoardMeeting m;
    m.school_id = std::string(school_id);
    m.meeting_id = row.Str(0);
    ASSIGN_OR_RETURN(m.meeting_date, DateFromSql(row, 1));
    m.minutes = row.Str(2);
    m.attendee_ids = absl::StrSplit(row.Str(3), '\n', absl::SkipEmpty());
    ASSIGN_OR_RETURN(m.update_time, TimeFromSql(row, 4));
    index[m.meeting_id] = out.size();
    ids.push_back(Str(m.meeting_id));
    out.push_back(std::move(m));
  }
  if (out.empty()) return out;
  ASSIGN_OR_RETURN(auto recs,
                   db_.Query(absl::StrCat("SELECT meeting_id, content, ", SqlDateColumn("due_date"),
                                          ", response, ", SqlDateColumn("resolved_date"),
                                          " FROM board_recommendations WHERE school_id = ? AND meeting_id "
                                          "IN (",
                                          Placeholders(out.size()), ") ORDER BY meeting_id, seq"),
                             ids));
  for (const Row& row : recs) {
    BoardRecommendation r;
    r.content = row.Str(1);
    ASSIGN_OR_RETURN(r.due_date, DateFromSql(row, 2));
    r.response = row.Str(3);
    ASSIGN_OR_RETURN(r.resolved_date, DateFromSql(row, 4));
    out[index.at(row.Str(0))].recommendations.push_back(std::move(r));
  }
  return out;
}

absl::StatusOr<BoardMeeting> MySqlStaffingStore::GetMeeting(absl::string_view school_id,
                                                            absl::string_view meeting_id, Lock lock) {
  ASSIGN_OR_RETURN(auto found,
                   SelectMeetings(absl::StrCat("WHERE school_id = ? AND meeting_id = ?", LockClause(lock)),
                                  {Str(school_id), Str(meeting_id)}, school_id));
  if (found.empty()) return absl::NotFoundError("Không tìm thấy cuộc họp (board meeting not found)");
  return std::move(found[0]);
}

absl::StatusOr<std::vector<BoardMeeting>> MySqlStaffingStore::ListMeetings(
    absl::string_view school_id, const std::optional<DatedCursor>& after, int limit) {
  std::string tail = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (after) {
    tail += " AND (meeting_date < ? OR (meeting_date = ? AND meeting_id > ?))";
    params.insert(params.end(), {DateOrNull(after->date), DateOrNull(after->date), Str(after->id)});
  }
  tail += " ORDER BY meeting_date DESC, meeting_id LIMIT ?";
  params.push_back(Int(limit));
  return SelectMeetings(tail, std::move(params), school_id);
}

}  // namespace parhub::staffing
