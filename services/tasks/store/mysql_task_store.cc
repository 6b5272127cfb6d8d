// TaskStore on MySQL/MariaDB.
#include "services/tasks/store/mysql_task_store.h"

#include <limits>
#include <map>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "platform/core/date.h"
#include "platform/core/status_macros.h"
#include "platform/db/sql_values.h"

namespace parhub::tasks {
namespace {

using ::parhub::platform::DateFromSql;
using ::parhub::platform::DateOrNull;
using ::parhub::platform::EnumFromSql;
using ::parhub::platform::Int;
using ::parhub::platform::IntFromSql;
using ::parhub::platform::NullableTimeFromSql;
using ::parhub::platform::Row;
using ::parhub::platform::SqlDateColumn;
using ::parhub::platform::SqlTimeColumn;
using ::parhub::platform::SqlValue;
using ::parhub::platform::Str;
using ::parhub::platform::TimeFromSql;
using ::parhub::platform::TimeOrNull;
using ::parhub::platform::TimeToSql;

// Bounds of stored numbers: anything else in a row is corrupt data.
constexpr int kMaxCount = std::numeric_limits<int>::max();

absl::Status PlanNotFound() { return absl::NotFoundError("Không tìm thấy kế hoạch (plan not found)"); }
absl::Status TaskNotFound() { return absl::NotFoundError("Không tìm thấy nhiệm vụ (task not found)"); }

const std::string& PlanColumns() {
  static const auto* const kColumns =
      new std::string(absl::StrCat("p.school_id, p.plan_id, p.number, p.year, p.title, ",
                                   SqlDateColumn("p.issue_date"), ", p.issuer, p.directive_refs, p.status, ",
                                   SqlTimeColumn("p.create_time"), ", ", SqlTimeColumn("p.update_time")));
  return *kColumns;
}

absl::StatusOr<Plan> ReadPlan(const Row& row) {
  Plan p;
  p.school_id = row.Str(0);
  p.plan_id = row.Str(1);
  p.number = row.Str(2);
  ASSIGN_OR_RETURN(p.year, IntFromSql(row, 3, 0, 9999));
  p.title = row.Str(4);
  ASSIGN_OR_RETURN(p.issue_date, DateFromSql(row, 5));
  p.issuer = row.Str(6);
  p.directive_refs = absl::StrSplit(row.Str(7), '\n', absl::SkipEmpty());
  ASSIGN_OR_RETURN(p.status, EnumFromSql(row, 8, PlanStatus::kArchived));
  ASSIGN_OR_RETURN(p.create_time, TimeFromSql(row, 9));
  ASSIGN_OR_RETURN(p.update_time, TimeFromSql(row, 10));
  if (row.size() > 11) {
    ASSIGN_OR_RETURN(p.task_count, IntFromSql(row, 11, 0, kMaxCount));
  }
  return p;
}

std::string TaskColumns(absl::string_view t) {
  return absl::StrCat(
      t, ".school_id, ", t, ".plan_id, ", t, ".task_id, ", t, ".code, ", t, ".title, ", t, ".description, ",
      t, ".par_field, ", t, ".owner, ", SqlDateColumn(absl::StrCat(t, ".due_date")), ", ", t, ".status, ", t,
      ".percent_done, ", SqlTimeColumn(absl::StrCat(t, ".complete_time")), ", ", t, ".directive, ", t,
      ".progress_count, ", SqlTimeColumn(absl::StrCat(t, ".create_time")), ", ",
      SqlTimeColumn(absl::StrCat(t, ".update_time")), ", ", SqlDateColumn(absl::StrCat(t, ".done_on")));
}

absl::StatusOr<Task> ReadTask(const Row& row) {
  Task t;
  t.school_id = row.Str(0);
  t.plan_id = row.Str(1);
  t.task_id = row.Str(2);
  t.code = row.Str(3);
  t.title = row.Str(4);
  t.description = row.Str(5);
  t.par_field = row.Str(6);
  t.owner = row.Str(7);
  ASSIGN_OR_RETURN(t.due_date, DateFromSql(row, 8));
  ASSIGN_OR_RETURN(t.status, EnumFromSql(row, 9, TaskStatus::kCancelled));
  ASSIGN_OR_RETURN(t.percent_done, IntFromSql(row, 10, 0, 100));
  ASSIGN_OR_RETURN(t.complete_time, NullableTimeFromSql(row, 11));
  t.directive = row.Str(12);
  ASSIGN_OR_RETURN(t.progress_count, IntFromSql(row, 13, 0, kMaxCount));
  ASSIGN_OR_RETURN(t.create_time, TimeFromSql(row, 14));
  ASSIGN_OR_RETURN(t.update_time, TimeFromSql(row, 15));
  ASSIGN_OR_RETURN(t.done_on, DateFromSql(row, 16));
  return t;
}

absl::StatusOr<std::vector<Task>> ReadTasks(const std::vector<Row>& rows) {
  std::vector<Task> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Task t, ReadTask(row));
    out.push_back(std::move(t));
  }
  return out;
}

const std::string& DirectiveColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "authority_id, directive_id, number, title, description, ", SqlDateColumn("issue_date"), ", ",
      SqlDateColumn("due_date"), ", par_field, school_count, ", SqlTimeColumn("create_time")));
  return *kColumns;
}

absl::StatusOr<Directive> ReadDirective(const Row& row) {
  Directive d;
  d.authority_id = row.Str(0);
  d.directive_id = row.Str(1);
  d.number = row.Str(2);
  d.title = row.Str(3);
  d.description = row.Str(4);
  ASSIGN_OR_RETURN(d.issue_date, DateFromSql(row, 5));
  ASSIGN_OR_RETURN(d.due_date, DateFromSql(row, 6));
  d.par_field = row.Str(7);
  ASSIGN_OR_RETURN(d.school_count, IntFromSql(row, 8, 0, kMaxCount));
  ASSIGN_OR_RETURN(d.create_time, TimeFromSql(row, 9));
  return d;
}

}  // namespace

absl::Status MySqlTaskStore::Atomically(const std::function<absl::Status()>& fn) {
  return db_.InTransaction(fn);
}

absl::Status MySqlTaskStore::InsertPlan(const Plan& p) {
  return db_
      .Execute(
          "INSERT INTO plans (school_id, plan_id, number, year, title, issue_date, issuer, "
          "directive_refs, status, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?)",
          {Str(p.school_id), Str(p.plan_id), Str(p.number), Int(p.year), Str(p.title),
           DateOrNull(p.issue_date), Str(p.issuer), Str(absl::StrJoin(p.directive_refs, "\n")),
           Int(static_cast<int>(p.status)), TimeToSql(p.create_time), TimeToSql(p.update_time)})
      .status();
}

absl::StatusOr<Plan> MySqlTaskStore::GetPlan(absl::string_view school_id, absl::string_view plan_id,
                                             Lock lock) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", PlanColumns(),
                                                     " FROM plans p WHERE p.school_id = ? AND p.plan_id = ?",
                                                     lock == Lock::kForUpdate ? " FOR UPDATE" : ""),
                                        {Str(school_id), Str(plan_id)}));
  if (rows.empty()) return PlanNotFound();
  ASSIGN_OR_RETURN(Plan plan, ReadPlan(rows[0]));
  // Counted apart so a locking read locks the plan row only.
  ASSIGN_OR_RETURN(auto count, db_.Query("SELECT COUNT(*) FROM tasks WHERE school_id = ? AND "
                                         "plan_id = ?",
                                         {Str(school_id), Str(plan_id)}));
  ASSIGN_OR_RETURN(plan.task_count, IntFromSql(count.at(0), 0, 0, kMaxCount));
  return plan;
}

absl::Status MySqlTaskStore::UpdatePlan(const Plan& p) {
  return db_
      .Execute(
          "UPDATE plans SET number = ?, title = ?, issue_date = ?, issuer = ?, directive_refs = ?, "
          "status = ?, update_time = ? WHERE school_id = ? AND plan_id = ?",
          {Str(p.number), Str(p.title), DateOrNull(p.issue_date), Str(p.issuer),
           Str(absl::StrJoin(p.directive_refs, "\n")), Int(static_cast<int>(p.status)),
           TimeToSql(p.update_time), Str(p.school_id), Str(p.plan_id)})
      .status();
}

absl::StatusOr<std::vector<Plan>> MySqlTaskStore::ListPlans(absl::string_view school_id, int year,
                                                            bool include_archived,
                                                            const std::optional<PlanCursor>& after,
                                                            int limit) {
  std::string sql = absl::StrCat(
      "SELECT ", PlanColumns(),
      ", (SELECT COUNT(*) FROM tasks t WHERE t.school_id = p.school_id AND t.plan_id = p.plan_id)"
      " FROM plans p WHERE p.school_id = ?");
  std::vector<SqlValue> params = {Str(school_id)};
  if (year != 0) {
    sql += " AND p.year = ?";
    params.push_back(Int(year));
  }
  if (!include_archived) {
    sql += " AND p.status <> ?";
    params.push_back(Int(static_cast<int>(PlanStatus::kArchived)));
  }
  if (after) {
    sql += " AND (p.year < ? OR (p.year = ? AND p.plan_id > ?))";
    params.insert(params.end(), {Int(after->year), Int(after->year), Str(after->plan_id)});
  }
  sql += " ORDER BY p.year DESC, p.plan_id ASC LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<Plan> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Plan plan, ReadPlan(row));
    out.push_back(std::move(plan));
  }
  return out;
}

absl::Status MySqlTaskStore::InsertTask(const Task& t) {
  return db_
      .Execute(
          "INSERT INTO tasks (school_id, plan_id, task_id, code, code_key, title, description, "
          "par_field, owner, due_date, status, percent_done, complete_time, done_on, directive, "
          "progress_count, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?, ?, ?)",
          {Str(t.school_id), Str(t.plan_id), Str(t.task_id), Str(t.code), CodeSortKey(t.code), Str(t.title),
           Str(t.description), Str(t.par_field), Str(t.owner), DateOrNull(t.due_date),
           Int(static_cast<int>(t.status)), Int(t.percent_done), TimeOrNull(t.complete_time),
           DateOrNull(t.done_on), Str(t.directive), Int(t.progress_count), TimeToSql(t.create_time),
           TimeToSql(t.update_time)})
      .status();
}

absl::StatusOr<Task> MySqlTaskStore::GetTask(absl::string_view school_id, absl::string_view plan_id,
                                             absl::string_view task_id, Lock lock) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT ", TaskColumns("t"),
                                          " FROM tasks t WHERE t.school_id = ? AND t.plan_id = ? AND "
                                          "t.task_id = ?",
                                          lock == Lock::kForUpdate ? " FOR UPDATE" : ""),
                             {Str(school_id), Str(plan_id), Str(task_id)}));
  if (rows.empty()) return TaskNotFound();
  return ReadTask(rows[0]);
}

absl::Status MySqlTaskStore::UpdateTask(const Task& t) {
  return db_
      .Execute(
          "UPDATE tasks SET title = ?, description = ?, par_field = ?, owner = ?, due_date = ?, "
          "status = ?, percent_done = ?, complete_time = ?, done_on = ?, progress_count = ?, update_time = ? "
          "WHERE school_id = ? AND plan_id = ? AND task_id = ?",
          {Str(t.title), Str(t.description), Str(t.par_field), Str(t.owner), DateOrNull(t.due_date),
           Int(static_cast<int>(t.status)), Int(t.percent_done), TimeOrNull(t.complete_time),
           DateOrNull(t.done_on), Int(t.progress_count), TimeToSql(t.update_time), Str(t.school_id),
           Str(t.plan_id), Str(t.task_id)})
      .status();
}

absl::StatusOr<std::vector<Task>> MySqlTaskStore::ListTasks(absl::string_view school_id,
                                                            absl::string_view plan_id, const TaskQuery& query,
                                                            const std::optional<TaskCursor>& after,
                                                            int limit) {
  std::string sql =
      absl::StrCat("SELECT ", TaskColumns("t"), " FROM tasks t WHERE t.school_id = ? AND t.plan_id = ?");
  std::vector<SqlValue> params = {Str(school_id), Str(plan_id)};
  if (!query.statuses.empty()) {
    std::vector<std::string> marks(query.statuses.size(), "?");
    absl::StrAppend(&sql, " AND t.status IN (", absl::StrJoin(marks, ", "), ")");
    for (TaskStatus s : query.statuses) params.push_back(Int(static_cast<int>(s)));
  }
  if (!query.owner.empty()) {
    sql += " AND t.owner = ?";
    params.push_back(Str(query.owner));
  }
  if (query.due_after.IsSet()) {
    sql += " AND t.due_date >= ?";
    params.push_back(DateOrNull(query.due_after));
  }
  if (query.due_before.IsSet()) {
    sql += " AND t.due_date <= ?";
    params.push_back(DateOrNull(query.due_before));
  }
  if (query.overdue_only) {
    sql += " AND t.status IN (?, ?) AND t.due_date < ?";
    params.insert(params.end(), {Int(static_cast<int>(TaskStatus::kNotStarted)),
                                 Int(static_cast<int>(TaskStatus::kInProgress)), DateOrNull(query.today)});
  }
  if (after) {
    std::string key = CodeSortKey(after->code);
    sql += " AND (t.code_key > ? OR (t.code_key = ? AND t.code > ?))";
    params.insert(params.end(), {key, key, Str(after->code)});
  }
  sql += " ORDER BY t.code_key, t.code LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  return ReadTasks(rows);
}

absl::StatusOr<std::vector<Task>> MySqlTaskStore::ListSchoolTasksDue(absl::string_view school_id, Date from,
                                                                     Date to) {
  std::string sql = absl::StrCat("SELECT ", TaskColumns("t"), " FROM tasks t WHERE t.school_id = ?");
  std::vector<SqlValue> params = {Str(school_id)};
  if (from.IsSet()) {
    sql += " AND t.due_date >= ?";
    params.push_back(DateOrNull(from));
  }
  if (to.IsSet()) {
    sql += " AND t.due_date <= ?";
    params.push_back(DateOrNull(to));
  }
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  return ReadTasks(rows);
}

absl::StatusOr<std::vector<TaskSummary>> MySqlTaskStore::SummarizeSchoolsDue(
    const std::vector<std::string>& school_ids, Date from, Date to, Date today) {
  if (school_ids.empty()) return std::vector<TaskSummary>{};
  // done_on decides on time or late, as TimelinessOf does; a row without
  // one (done before it existed) falls back, like DoneOn, to complete_time
  // (UTC) read as a local (Asia/Ho_Chi_Minh, UTC+7 all year) date.
  constexpr char kCompleteDate[] = "COALESCE(t.done_on, DATE(t.complete_time + INTERVAL 7 HOUR))";
  const int done = static_cast<int>(TaskStatus::kDone);
  const int cancelled = static_cast<int>(TaskStatus::kCancelled);
  const int in_progress = static_cast<int>(TaskStatus::kInProgress);
  std::string sql = absl::StrCat(
      "SELECT t.school_id, t.par_field, SUM(t.status <> ", cancelled, "), SUM(t.status NOT IN (", in_progress,
      ", ", done, ", ", cancelled, ")), SUM(t.status = ", in_progress, "), SUM(t.status = ", done,
      "), SUM(t.status = ", cancelled, "), SUM(t.status NOT IN (", done, ", ", cancelled,
      ") AND t.due_date IS NOT NULL AND t.due_date < ?), SUM(t.status = ", done,
      " AND (t.due_date IS NULL OR ", kCompleteDate, " IS NULL OR ", kCompleteDate,
      " <= t.due_date)), SUM(t.status = ", done, " AND t.due_date IS NOT NULL AND ", kCompleteDate,
      " IS NOT NULL AND ", kCompleteDate, " > t.due_date), SUM(IF(t.status <> ", cancelled,
      ", t.percent_done, 0)) FROM tasks t WHERE t.school_id IN (", platform::Placeholders(school_ids.size()),
      ")");
  std::vector<SqlValue> params = {DateOrNull(today)};
  for (const std::string& id : school_ids) params.push_back(Str(id));
  if (from.IsSet()) {
    sql += " AND t.due_date >= ?";
    params.push_back(DateOrNull(from));
  }
  if (to.IsSet()) {
    sql += " AND t.due_date <= ?";
    params.push_back(DateOrNull(to));
  }
  sql += " GROUP BY t.school_id, t.par_field ORDER BY t.school_id";
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<TaskSummary> out;
  std::vector<int64_t> percent_sums;
  for (const Row& row : rows) {
    if (out.empty() || out.back().school_id != row.Str(0)) {
      out.emplace_back().school_id = row.Str(0);
      percent_sums.push_back(0);
    }
    TaskSummary& s = out.back();
    int counts[8];
    for (int i = 0; i < 8; ++i) {
      ASSIGN_OR_RETURN(counts[i], IntFromSql(row, 2 + i, 0, kMaxCount));
    }
    ASSIGN_OR_RETURN(int64_t percent_sum, IntFromSql(row, 10));
    s.total += counts[0];
    s.not_started += counts[1];
    s.in_progress += counts[2];
    s.done += counts[3];
    s.cancelled += counts[4];
    s.overdue += counts[5];
    s.done_on_time += counts[6];
    s.done_late += counts[7];
    percent_sums.back() += percent_sum;
    if (!row.Str(1).empty() && counts[0] > 0) s.by_par_field.push_back({row.Str(1), counts[0], counts[3]});
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].total > 0) out[i].average_percent_done = static_cast<double>(percent_sums[i]) / out[i].total;
  }
  return out;
}

absl::StatusOr<std::vector<WorkCounts>> MySqlTaskStore::CountSchoolsWork(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  if (school_ids.empty()) return std::vector<WorkCounts>{};
  std::map<std::string, WorkCounts> by_school;
  auto bounds = [&](absl::string_view column, std::string& sql, std::vector<SqlValue>& params) {
    if (from.IsSet()) {
      absl::StrAppend(&sql, " AND ", column, " >= ?");
      params.push_back(DateOrNull(from));
    }
    if (to.IsSet()) {
      absl::StrAppend(&sql, " AND ", column, " <= ?");
      params.push_back(DateOrNull(to));
    }
  };
  // Tasks finished in the period (DoneOn, as in SummarizeSchoolsDue).
  std::string sql = absl::StrCat("SELECT t.school_id, COUNT(*) FROM tasks t WHERE t.school_id IN (",
                                 platform::Placeholders(school_ids.size()), ") AND t.status = ?");
  std::vector<SqlValue> params = platform::WithStrs({}, school_ids);
  params.push_back(Int(static_cast<int>(TaskStatus::kDone)));
  bounds("COALESCE(t.done_on, DATE(t.complete_time + INTERVAL 7 HOUR))", sql, params);
  sql += " GROUP BY t.school_id";
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  for (const Row& row : rows) {
    WorkCounts& w = by_school[row.Str(0)];
    w.school_id = row.Str(0);
    ASSIGN_OR_RETURN(w.completed, IntFromSql(row, 1, 0, kMaxCount));
  }
  // Updates in force done in the period, the tasks they touch, their evidence.
  sql = absl::StrCat(
      "SELECT u.school_id, COUNT(*), COUNT(DISTINCT u.plan_id, u.task_id), COALESCE(SUM((SELECT COUNT(*) "
      "FROM "
      "progress_evidence e WHERE e.school_id = u.school_id AND e.plan_id = u.plan_id AND e.task_id = "
      "u.task_id AND e.number = u.number)), 0) FROM progress_updates u WHERE u.school_id IN (",
      platform::Placeholders(school_ids.size()),
      ") AND NOT EXISTS (SELECT 1 FROM progress_updates c WHERE c.school_id = u.school_id AND c.plan_id = "
      "u.plan_id AND c.task_id = u.task_id AND c.supersedes = u.number)");
  params = platform::WithStrs({}, school_ids);
  bounds("u.done_on", sql, params);
  sql += " GROUP BY u.school_id";
  ASSIGN_OR_RETURN(rows, db_.Query(sql, params));
  for (const Row& row : rows) {
    WorkCounts& w = by_school[row.Str(0)];
    w.school_id = row.Str(0);
    ASSIGN_OR_RETURN(w.entries, IntFromSql(row, 1, 0, kMaxCount));
    ASSIGN_OR_RETURN(w.progressed_tasks, IntFromSql(row, 2, 0, kMaxCount));
    ASSIGN_OR_RETURN(w.evidence, IntFromSql(row, 3, 0, kMaxCount));
  }
  std::vector<WorkCounts> out;
  for (auto& [school, w] : by_school) out.push_back(std::move(w));
  return out;
}

absl::Status MySqlTaskStore::InsertProgressUpdate(const ProgressUpdate& u) {
  RETURN_IF_ERROR(
      db_.Execute("INSERT INTO progress_updates (school_id, plan_id, task_id, number, "
                  "author, percent_done, note, create_time, done_on, supersedes) VALUES (?, ?, ?, "
                  "?, ?, ?, ?, ?, ?, ?)",
                  {Str(u.school_id), Str(u.plan_id), Str(u.task_id), Int(u.number), Str(u.author),
                   Int(u.percent_done), Str(u.note), TimeToSql(u.create_time), DateOrNull(u.done_on),
                   u.supersedes > 0 ? Int(u.supersedes) : SqlValue()})
          .status());
  for (size_t i = 0; i < u.evidence.size(); ++i) {
    const Evidence& e = u.evidence[i];
    RETURN_IF_ERROR(db_.Execute("INSERT INTO progress_evidence (school_id, plan_id, task_id, "
                                "number, position, document_number, title, uri, sha256) VALUES "
                                "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                {Str(u.school_id), Str(u.plan_id), Str(u.task_id), Int(u.number),
                                 Int(static_cast<int64_t>(i)), Str(e.document_number), Str(e.title),
                                 Str(e.uri), Str(e.sha256)})
                        .status());
  }
  return absl::OkStatus();
}

size_t EvidenceKeySlots(size_t updates) {
  size_t slots = 1;
  while (slots < updates) slots *= 2;
  return slots;
}

absl::StatusOr<std::vector<ProgressUpdate>> MySqlTaskStore::ListProgressUpdates(
    absl::string_view school_id, const ProgressQuery& query, const std::optional<ProgressCursor>& after,
    int limit) {
  std::string sql = absl::StrCat(
      "SELECT u.plan_id, u.task_id, u.number, u.author, u.percent_done, u.note, ",
      SqlTimeColumn("u.create_time"), ", ", SqlDateColumn("u.done_on"),
      ", COALESCE(u.supersedes, 0), COALESCE(c.number, 0) FROM progress_updates u LEFT JOIN progress_updates "
      "c "
      "ON c.school_id = u.school_id AND c.plan_id = u.plan_id AND c.task_id = u.task_id AND c.supersedes = "
      "u.number WHERE u.school_id = ?");
  std::vector<SqlValue> params = {Str(school_id)};
  if (!query.plan_id.empty()) {
    sql += " AND u.plan_id = ?";
    params.push_back(Str(query.plan_id));
  }
  if (!query.task_id.empty()) {
    sql += " AND u.task_id = ?";
    params.push_back(Str(query.task_id));
  }
  if (query.done_from.IsSet()) {
    sql += " AND u.done_on >= ?";
    params.push_back(DateOrNull(query.done_from));
  }
  if (query.done_to.IsSet()) {
    sql += " AND u.done_on <= ?";
    params.push_back(DateOrNull(query.done_to));
  }
  if (query.exclude_superseded) sql += " AND c.number IS NULL";
  if (after) {
    sql +=
        " AND (u.plan_id > ? OR (u.plan_id = ? AND (u.task_id > ? OR (u.task_id = ? AND u.number > "
        "?))))";
    params.insert(params.end(), {Str(after->plan_id), Str(after->plan_id), Str(after->task_id),
                                 Str(after->task_id), Int(after->number)});
  }
  sql += " ORDER BY u.plan_id, u.task_id, u.number LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<ProgressUpdate> out;
  for (const Row& row : rows) {
    ProgressUpdate u;
    u.school_id = std::string(school_id);
    u.plan_id = row.Str(0);
    u.task_id = row.Str(1);
    ASSIGN_OR_RETURN(u.number, IntFromSql(row, 2, 1, kMaxCount));
    u.author = row.Str(3);
    ASSIGN_OR_RETURN(u.percent_done, IntFromSql(row, 4, 0, 100));
    u.note = row.Str(5);
    ASSIGN_OR_RETURN(u.create_time, TimeFromSql(row, 6));
    ASSIGN_OR_RETURN(u.done_on, DateFromSql(row, 7));
    ASSIGN_OR_RETURN(u.supersedes, IntFromSql(row, 8, 0, kMaxCount));
    ASSIGN_OR_RETURN(u.superseded_by, IntFromSql(row, 9, 0, kMaxCount));
    out.push_back(std::move(u));
  }
  if (out.empty()) return out;
  // The page's evidence in one read: (plan, task, number) of each update,
  // the list padded to EvidenceKeySlots with the last key again.
  const size_t slots = EvidenceKeySlots(out.size());
  std::vector<std::string> triples(slots, "(?, ?, ?)");
  std::vector<SqlValue> evidence_params = {Str(school_id)};
  std::map<std::tuple<std::string, std::string, int>, ProgressUpdate*> by_key;
  for (ProgressUpdate& u : out) {
    evidence_params.insert(evidence_params.end(), {Str(u.plan_id), Str(u.task_id), Int(u.number)});
    by_key[{u.plan_id, u.task_id, u.number}] = &u;
  }
  for (size_t i = out.size(); i < slots; ++i) {
    evidence_params.insert(evidence_params.end(),
                           {Str(out.back().plan_id), Str(out.back().task_id), Int(out.back().number)});
  }
  ASSIGN_OR_RETURN(
      auto evidence,
      db_.Query(absl::StrCat("SELECT plan_id, task_id, number, document_number, title, uri, sha256 "
                             "FROM progress_evidence WHERE school_id = ? AND (plan_id, task_id, "
                             "number) IN (",
                             absl::StrJoin(triples, ", "),
                             ") ORDER BY plan_id, task_id, number, "
                             "position"),
                evidence_params));
  for (const Row& row : evidence) {
    ASSIGN_OR_RETURN(int number, IntFromSql(row, 2, 1, kMaxCount));
    auto it = by_key.find({row.Str(0), row.Str(1), number});
    if (it == by_key.end()) continue;
    it->second->evidence.push_back(Evidence{row.Str(3), row.Str(4), row.Str(5), row.Str(6)});
  }
  return out;
}

absl::Status MySqlTaskStore::InsertDirective(const Directive& d) {
  return db_
      .Execute(
          "INSERT INTO directives (authority_id, directive_id, number, title, description, "
          "issue_date, due_date, par_field, school_count, create_time) VALUES (?, ?, ?, ?, ?, ?, "
          "?, ?, ?, ?)",
          {Str(d.authority_id), Str(d.directive_id), Str(d.number), Str(d.title), Str(d.description),
           DateOrNull(d.issue_date), DateOrNull(d.due_date), Str(d.par_field), Int(d.school_count),
           TimeToSql(d.create_time)})
      .status();
}

absl::StatusOr<Directive> MySqlTaskStore::GetDirective(absl::string_view authority_id,
                                                       absl::string_view directive_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", DirectiveColumns(),
                                                     " FROM directives WHERE authority_id = ? AND "
                                                     "directive_id = ?"),
                                        {Str(authority_id), Str(directive_id)}));
  if (rows.empty()) return absl::NotFoundError("Không tìm thấy chỉ đạo (directive not found)");
  return ReadDirective(rows[0]);
}

absl::StatusOr<std::vector<Directive>> MySqlTaskStore::ListDirectives(
    absl::string_view authority_id, const std::optional<DirectiveCursor>& after, int limit) {
  std::string sql = absl::StrCat("SELECT ", DirectiveColumns(), " FROM directives WHERE authority_id = ?");
  std::vector<SqlValue> params = {Str(authority_id)};
  if (after) {
    sql += " AND (create_time < ? OR (create_time = ? AND directive_id > ?))";
    params.insert(params.end(),
                  {TimeToSql(after->create_time), TimeToSql(after->create_time), Str(after->directive_id)});
  }
  sql += " ORDER BY create_time DESC, directive_id ASC LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<Directive> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Directive d, ReadDirective(row));
    out.push_back(std::move(d));
  }
  return out;
}

absl::Status MySqlTaskStore::InsertDirectiveTarget(const DirectiveTarget& t) {
  return db_
      .Execute(
          "INSERT INTO directive_targets (authority_id, directive_id, school_id, plan_id, "
          "task_id) VALUES (?, ?, ?, ?, ?)",
          {Str(t.authority_id), Str(t.directive_id), Str(t.school_id), Str(t.plan_id), Str(t.task_id)})
      .status();
}

absl::StatusOr<std::vector<Task>> MySqlTaskStore::ListDirectiveTasks(absl::string_view authority_id,
                                                                     absl::string_view directive_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT ", TaskColumns("t"),
                                                     " FROM directive_targets d JOIN tasks t ON t.school_id "
                                                     "= d.school_id AND t.plan_id = d.plan_id AND t.task_id "
                                                     "= d.task_id WHERE d.authority_id = ? AND "
                                                     "d.directive_id = ? ORDER BY d.school_id"),
                                        {Str(authority_id), Str(directive_id)}));
  return ReadTasks(rows);
}

}  // namespace parhub::tasks
