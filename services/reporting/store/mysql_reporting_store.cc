// ReportingStore on MySQL/MariaDB.
#include "services/reporting/store/mysql_reporting_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "platform/core/status_macros.h"
#include "platform/db/sql_values.h"
#include "platform/rpc/proto_values.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Date;
using ::parhub::platform::DateFromSql;
using ::parhub::platform::DateOrNull;
using ::parhub::platform::EnumFromSql;
using ::parhub::platform::EnumSql;
using ::parhub::platform::Int;
using ::parhub::platform::IntFromSql;
using ::parhub::platform::NullableTimeFromSql;
using ::parhub::platform::Placeholders;
using ::parhub::platform::Row;
using ::parhub::platform::SqlDateColumn;
using ::parhub::platform::SqlTimeColumn;
using ::parhub::platform::SqlValue;
using ::parhub::platform::Str;
using ::parhub::platform::TimeFromSql;
using ::parhub::platform::TimeOrNull;
using ::parhub::platform::TimeToSql;

std::string LockClause(Lock lock) { return lock == Lock::kForUpdate ? " FOR UPDATE" : ""; }

absl::StatusOr<double> DoubleFromSql(const Row& row, int i) {
  double out = 0;
  if (!absl::SimpleAtod(row.Str(i), &out)) return absl::InternalError("bad number in the database");
  return out;
}

template <typename Message>
absl::StatusOr<Message> ParseBlob(const std::string& bytes, absl::string_view what) {
  Message out;
  if (!out.ParseFromString(bytes))
    return absl::InternalError(absl::StrCat("stored ", what, " does not parse"));
  return out;
}

std::string InList(const std::vector<std::string>& ids, std::vector<SqlValue>& params) {
  for (const auto& id : ids) params.push_back(Str(id));
  return absl::StrCat("(", Placeholders(ids.size()), ")");
}

const std::string& ReportColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, report_id, family, year, period, ", SqlDateColumn("due_date"),
      ", state, latest_version, submitted_version, ", SqlTimeColumn("first_submit_time"), ", ",
      SqlTimeColumn("submit_time"), ", return_reason, ", SqlTimeColumn("acknowledge_time"), ", reviewed_by"));
  return *kColumns;
}

absl::StatusOr<StoredReport> ReadReport(const Row& row) {
  StoredReport r;
  int i = 0;
  r.school_id = row.Str(i++);
  r.report_id = row.Str(i++);
  r.family = row.Str(i++);
  ASSIGN_OR_RETURN(r.year, IntFromSql(row, i++, 2000, 2100));
  r.period = row.Str(i++);
  ASSIGN_OR_RETURN(r.due_date, DateFromSql(row, i++));
  ASSIGN_OR_RETURN(r.state, EnumFromSql(row, i++, v1::ReportState_MAX));
  ASSIGN_OR_RETURN(r.latest_version, IntFromSql(row, i++, 0, 1000000));
  ASSIGN_OR_RETURN(r.submitted_version, IntFromSql(row, i++, 0, 1000000));
  ASSIGN_OR_RETURN(r.first_submit_time, NullableTimeFromSql(row, i++));
  ASSIGN_OR_RETURN(r.submit_time, NullableTimeFromSql(row, i++));
  r.return_reason = row.Str(i++);
  ASSIGN_OR_RETURN(r.acknowledge_time, NullableTimeFromSql(row, i++));
  r.reviewed_by = row.Str(i++);
  return r;
}

std::optional<absl::Time> OptionalTime(const google::protobuf::Timestamp& t, bool has) {
  if (!has) return std::nullopt;
  return platform::TimeFromProto(t);
}

}  // namespace

absl::Status MySqlReportingStore::InTransaction(const std::function<absl::Status()>& fn) {
  return db_.InTransaction(fn);
}

// ------------------------------------------------------------- frameworks

absl::Status MySqlReportingStore::InsertFramework(const v1::ParFramework& framework, absl::Time at) {
  std::string id(framework.name().substr(framework.name().find('/') + 1));
  return db_
      .Execute(
          "INSERT INTO par_frameworks (framework_id, year, level, body, create_time) VALUES (?, ?, ?, ?, ?)",
          {Str(id), Int(framework.year()), Str(framework.level()), framework.SerializeAsString(),
           TimeToSql(at)})
      .status();
}

absl::StatusOr<std::optional<v1::ParFramework>> MySqlReportingStore::GetFramework(const std::string& id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT body FROM par_frameworks WHERE framework_id = ?", {Str(id)}));
  if (rows.empty()) return std::nullopt;
  return ParseBlob<v1::ParFramework>(rows[0].Str(0), "framework");
}

absl::StatusOr<std::vector<v1::ParFramework>> MySqlReportingStore::ListFrameworks(int year,
                                                                                  const std::string& level) {
  std::string sql = "SELECT body FROM par_frameworks WHERE 1 = 1";
  std::vector<SqlValue> params;
  if (year != 0) {
    sql += " AND year = ?";
    params.push_back(Int(year));
  }
  if (!level.empty()) {
    sql += " AND level = ?";
    params.push_back(Str(level));
  }
  sql += " ORDER BY year DESC, framework_id";
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<v1::ParFramework> out;
  for (const auto& row : rows) {
    ASSIGN_OR_RETURN(v1::ParFramework f, ParseBlob<v1::ParFramework>(row.Str(0), "framework"));
    out.push_back(std::move(f));
  }
  return out;
}

// ------------------------------------------------------------ assessments

absl::StatusOr<std::optional<StoredAssessment>> MySqlReportingStore::GetAssessment(
    const std::string& school_id, int year, Lock lock) {
  ASSIGN_OR_RETURN(auto found, SelectAssessments(year, {school_id}, lock));
  if (found.empty()) return std::nullopt;
  return std::move(found.begin()->second);
}

absl::StatusOr<std::map<std::string, StoredAssessment>> MySqlReportingStore::AssessmentsOf(
    int year, const std::vector<std::string>& school_ids) {
  return SelectAssessments(year, school_ids, Lock::kNone);
}

absl::StatusOr<std::map<std::string, StoredAssessment>> MySqlReportingStore::SelectAssessments(
    int year, const std::vector<std::string>& school_ids, Lock lock) {
  std::map<std::string, StoredAssessment> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params{Int(year)};
  const std::string in = InList(school_ids, params);
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(
          absl::StrCat("SELECT framework_id, state, return_reason, ", SqlTimeColumn("submit_time"), ", ",
                       SqlTimeColumn("appraise_time"), ", appraised_by, ", SqlTimeColumn("update_time"),
                       ", COALESCE(adjustments, ''), school_id FROM par_assessments WHERE year = ? AND "
                       "school_id IN ",
                       in, LockClause(lock)),
          params));
  if (rows.empty()) return out;
  for (const Row& row : rows) {
    const std::string school_id = row.Str(8);
    StoredAssessment& stored = out[school_id] = StoredAssessment{school_id, year, {}};
    v1::ParAssessment& a = stored.assessment;
    a.set_name(absl::StrCat("schools/", school_id, "/parAssessments/", year));
    a.set_framework(absl::StrCat("parFrameworks/", row.Str(0)));
    ASSIGN_OR_RETURN(v1::AssessmentState state, EnumFromSql(row, 1, v1::AssessmentState_MAX));
    a.set_state(state);
    a.set_return_reason(row.Str(2));
    ASSIGN_OR_RETURN(auto submitted, NullableTimeFromSql(row, 3));
    if (submitted) *a.mutable_submit_time() = platform::TimeToProto(*submitted);
    ASSIGN_OR_RETURN(auto appraised, NullableTimeFromSql(row, 4));
    if (appraised) *a.mutable_appraise_time() = platform::TimeToProto(*appraised);
    a.set_appraised_by(row.Str(5));
    ASSIGN_OR_RETURN(absl::Time updated, TimeFromSql(row, 6));
    *a.mutable_update_time() = platform::TimeToProto(updated);
    ASSIGN_OR_RETURN(v1::ParAssessment adjustments, ParseBlob<v1::ParAssessment>(row.Str(7), "adjustments"));
    *a.mutable_adjustments() = adjustments.adjustments();
  }
  ASSIGN_OR_RETURN(
      auto items,
      db_.Query(
          absl::StrCat("SELECT sub_criterion, max_points, self_points, explanation, evidence, metric_value, "
                       "computed_points, appraised, appraised_points, appraisal_note, school_id FROM "
                       "par_assessment_items WHERE year = ? AND school_id IN ",
                       in, " ORDER BY school_id, position"),
          params));
  for (const Row& r : items) {
    auto owner = out.find(r.Str(10));
    if (owner == out.end()) continue;  // items of an assessment written since
    v1::ParAssessment& a = owner->second.assessment;
    v1::AssessmentItem* item = a.add_items();
    item->set_name(absl::StrCat(a.name(), "/items/", r.Str(0)));
    item->set_sub_criterion(r.Str(0));
    ASSIGN_OR_RETURN(double max, DoubleFromSql(r, 1));
    item->set_max_points(max);
    ASSIGN_OR_RETURN(double self, DoubleFromSql(r, 2));
    item->set_self_points(self);
    item->set_explanation(r.Str(3));
    ASSIGN_OR_RETURN(v1::AssessmentItem evidence, ParseBlob<v1::AssessmentItem>(r.Str(4), "evidence"));
    *item->mutable_evidence() = evidence.evidence();
    ASSIGN_OR_RETURN(double value, DoubleFromSql(r, 5));
    item->set_metric_value(value);
    ASSIGN_OR_RETURN(double computed, DoubleFromSql(r, 6));
    item->set_computed_points(computed);
    ASSIGN_OR_RETURN(int was_appraised, IntFromSql(r, 7, 0, 1));
    item->set_appraised(was_appraised == 1);
    ASSIGN_OR_RETURN(double appraised_points, DoubleFromSql(r, 8));
    item->set_appraised_points(appraised_points);
    item->set_appraisal_note(r.Str(9));
  }
  return out;
}

namespace {

// The recorded adjustments as a message of their own ("" when none).
std::string AdjustmentsBlob(const v1::ParAssessment& a) {
  v1::ParAssessment only;
  *only.mutable_adjustments() = a.adjustments();
  return only.SerializeAsString();
}

std::vector<SqlValue> HeaderValues(const StoredAssessment& s) {
  const v1::ParAssessment& a = s.assessment;
  return {Str(a.framework().substr(a.framework().find('/') + 1)),
          EnumSql(a.state()),
          Str(a.return_reason()),
          TimeOrNull(OptionalTime(a.submit_time(), a.has_submit_time())),
          TimeOrNull(OptionalTime(a.appraise_time(), a.has_appraise_time())),
          Str(a.appraised_by()),
          TimeToSql(platform::TimeFromProto(a.update_time())),
          AdjustmentsBlob(a),
          Str(s.school_id),
          Int(s.year)};
}

absl::Status WriteItems(platform::Db& db, const StoredAssessment& s) {
  int position = 0;
  for (const auto& item : s.assessment.items()) {
    v1::AssessmentItem evidence;
    *evidence.mutable_evidence() = item.evidence();
    RETURN_IF_ERROR(
        db.Execute("REPLACE INTO par_assessment_items (school_id, year, sub_criterion, position, max_points, "
                   "self_points, explanation, evidence, metric_value, computed_points, appraised, "
                   "appraised_points, "
                   "appraisal_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {Str(s.school_id), Int(s.year), Str(item.sub_criterion()), Int(position++),
                    item.max_points(), item.self_points(), Str(item.explanation()),
                    evidence.SerializeAsString(), item.metric_value(), item.computed_points(),
                    Int(item.appraised() ? 1 : 0), item.appraised_points(), Str(item.appraisal_note())})
            .status());
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status MySqlReportingStore::InsertAssessment(const StoredAssessment& s) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(
        db_.Execute(
               "INSERT INTO par_assessments (framework_id, state, return_reason, submit_time, "
               "appraise_time, appraised_by, update_time, adjustments, school_id, year) VALUES (?, ?, ?, ?, "
               "?, ?, ?, ?, ?, ?)",
               HeaderValues(s))
            .status());
    return WriteItems(db_, s);
  });
}

absl::Status MySqlReportingStore::UpdateAssessment(const StoredAssessment& s) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(
        db_.Execute("UPDATE par_assessments SET framework_id = ?, state = ?, return_reason = ?, "
                    "submit_time = ?, appraise_time = ?, appraised_by = ?, update_time = ?, adjustments = ? "
                    "WHERE "
                    "school_id = ? AND year = ?",
                    HeaderValues(s))
            .status());
    return WriteItems(db_, s);
  });
}

absl::StatusOr<std::vector<StoredAssessment>> MySqlReportingStore::ListAssessments(
    const std::string& school_id) {
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query("SELECT year FROM par_assessments WHERE school_id = ? ORDER BY year DESC", {Str(school_id)}));
  std::vector<StoredAssessment> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(int year, IntFromSql(row, 0, 2000, 2100));
    ASSIGN_OR_RETURN(auto one, GetAssessment(school_id, year, Lock::kNone));
    if (!one.has_value()) continue;
    out.push_back(*std::move(one));
  }
  return out;
}

absl::Status MySqlReportingStore::AppendAssessmentHistory(const StoredAssessment& snapshot,
                                                          const std::string& action, const std::string& actor,
                                                          absl::Time at) {
  return db_
      .Execute(
          "INSERT INTO par_assessment_history (school_id, year, seq, action, actor, at, snapshot) SELECT ?, "
          "?, "
          "COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM par_assessment_history WHERE school_id = ? AND year = "
          "?",
          {Str(snapshot.school_id), Int(snapshot.year), Str(action), Str(actor), TimeToSql(at),
           snapshot.assessment.SerializeAsString(), Str(snapshot.school_id), Int(snapshot.year)})
      .status();
}

absl::StatusOr<std::vector<v1::AssessmentVersion>> MySqlReportingStore::AssessmentHistory(
    const std::string& school_id, int year) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT seq, action, actor, ", SqlTimeColumn("at"),
                                          ", snapshot FROM par_assessment_history WHERE school_id = ? AND "
                                          "year = ? ORDER BY seq"),
                             {Str(school_id), Int(year)}));
  std::vector<v1::AssessmentVersion> out;
  for (const Row& row : rows) {
    v1::AssessmentVersion& v = out.emplace_back();
    ASSIGN_OR_RETURN(int seq, IntFromSql(row, 0, 1, 1'000'000));
    v.set_version(seq);
    v.set_action(row.Str(1));
    v.set_actor(row.Str(2));
    ASSIGN_OR_RETURN(absl::Time at, TimeFromSql(row, 3));
    *v.mutable_create_time() = platform::TimeToProto(at);
    ASSIGN_OR_RETURN(*v.mutable_assessment(), ParseBlob<v1::ParAssessment>(row.Str(4), "assessment version"));
  }
  return out;
}

absl::StatusOr<std::map<std::string, AssessmentTotals>> MySqlReportingStore::AssessmentTotalsOf(
    int year, const std::vector<std::string>& school_ids) {
  std::map<std::string, AssessmentTotals> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params{Int(year)};
  const std::string in = InList(school_ids, params);
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(absl::StrCat("SELECT a.school_id, a.state, COALESCE(SUM(i.self_points + "
                             "i.computed_points), 0), COALESCE(SUM(CASE WHEN i.appraised = 1 THEN "
                             "i.appraised_points ELSE 0 END), 0) FROM par_assessments a LEFT JOIN "
                             "par_assessment_items i ON i.school_id = a.school_id AND i.year = a.year "
                             "WHERE a.year = ? AND a.school_id IN ",
                             in, " GROUP BY a.school_id, a.state"),
                params));
  for (const Row& row : rows) {
    AssessmentTotals t;
    ASSIGN_OR_RETURN(t.state, EnumFromSql(row, 1, v1::AssessmentState_MAX));
    ASSIGN_OR_RETURN(t.self_total, DoubleFromSql(row, 2));
    ASSIGN_OR_RETURN(t.appraised_total, DoubleFromSql(row, 3));
    out[row.Str(0)] = t;
  }
  return out;
}

// -------------------------------------------------------- official results

absl::Status MySqlReportingStore::SaveOfficialResult(const std::string& school_id, int year,
                                                     const v1::OfficialParResult& result, absl::Time at) {
  return db_
      .Execute("REPLACE INTO official_par_results (school_id, year, body, import_time) VALUES (?, ?, ?, ?)",
               {Str(school_id), Int(year), result.SerializeAsString(), TimeToSql(at)})
      .status();
}

absl::StatusOr<std::optional<v1::OfficialParResult>> MySqlReportingStore::GetOfficialResult(
    const std::string& school_id, int year) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query("SELECT body FROM official_par_results WHERE school_id = ? AND year = ?",
                             {Str(school_id), Int(year)}));
  if (rows.empty()) return std::nullopt;
  return ParseBlob<v1::OfficialParResult>(rows[0].Str(0), "official result");
}

// ------------------------------------------------------- pulls, forecasts

absl::Status MySqlReportingStore::SavePull(const std::string& school_id, const std::string& source,
                                           Date start, Date end, const StoredPull& pull) {
  return db_
      .Execute(
          "REPLACE INTO source_pulls (school_id, source, period_start, period_end, pull_time, summary) "
          "VALUES "
          "(?, ?, ?, ?, ?, ?)",
          {Str(school_id), Str(source), DateOrNull(start), DateOrNull(end), TimeToSql(pull.pull_time),
           pull.summary})
      .status();
}

absl::StatusOr<std::optional<StoredPull>> MySqlReportingStore::LastPull(const std::string& school_id,
                                                                        const std::string& source, Date start,
                                                                        Date end) {
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(absl::StrCat("SELECT ", SqlTimeColumn("pull_time"),
                             ", summary FROM source_pulls WHERE school_id = ? AND source = ? "
                             "AND period_start = ? AND period_end <= ? ORDER BY period_end DESC LIMIT 1"),
                {Str(school_id), Str(source), DateOrNull(start), DateOrNull(end)}));
  if (rows.empty()) return std::nullopt;
  StoredPull out;
  ASSIGN_OR_RETURN(out.pull_time, TimeFromSql(rows[0], 0));
  out.summary = rows[0].Str(1);
  return out;
}

absl::StatusOr<std::vector<std::string>> MySqlReportingStore::KnownSchools() {
  ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT school_id FROM par_forecasts UNION SELECT school_id FROM "
                                        "par_assessments UNION SELECT school_id FROM reports ORDER BY 1"));
  std::vector<std::string> out;
  for (const Row& row : rows) out.push_back(row.Str(0));
  return out;
}

absl::Status MySqlReportingStore::SaveForecast(const std::string& school_id, int year,
                                               const StoredForecast& forecast) {
  return db_
      .Execute(
          "REPLACE INTO par_forecasts (school_id, year, total_points, compute_time, forecast) VALUES (?, ?, "
          "?, "
          "?, ?)",
          {Str(school_id), Int(year), forecast.total_points, TimeToSql(forecast.compute_time),
           forecast.forecast.empty() ? SqlValue(nullptr) : SqlValue(forecast.forecast)})
      .status();
}

absl::StatusOr<std::optional<StoredForecast>> MySqlReportingStore::GetForecast(const std::string& school_id,
                                                                               int year) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT total_points, ", SqlTimeColumn("compute_time"),
                                                     ", forecast FROM par_forecasts WHERE school_id = ? AND "
                                                     "year = ?"),
                                        {Str(school_id), Int(year)}));
  if (rows.empty()) return std::nullopt;
  StoredForecast f;
  ASSIGN_OR_RETURN(f.total_points, DoubleFromSql(rows[0], 0));
  ASSIGN_OR_RETURN(f.compute_time, TimeFromSql(rows[0], 1));
  if (!rows[0].IsNull(2)) f.forecast = rows[0].Str(2);
  return f;
}

absl::StatusOr<std::map<std::string, StoredForecast>> MySqlReportingStore::ForecastsOf(
    int year, const std::vector<std::string>& school_ids) {
  std::map<std::string, StoredForecast> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params{Int(year)};
  const std::string in = InList(school_ids, params);
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT school_id, total_points, ", SqlTimeColumn("compute_time"),
                                          " FROM par_forecasts WHERE year = ? AND school_id IN ", in),
                             params));
  for (const Row& row : rows) {
    StoredForecast f;
    ASSIGN_OR_RETURN(f.total_points, DoubleFromSql(row, 1));
    ASSIGN_OR_RETURN(f.compute_time, TimeFromSql(row, 2));
    out[row.Str(0)] = f;
  }
  return out;
}

// ---------------------------------------------------------------- reports

absl::StatusOr<std::vector<StoredReport>> MySqlReportingStore::SelectReports(
    const std::string& where, const std::vector<SqlValue>& params) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT ", ReportColumns(), " FROM reports ", where), params));
  std::vector<StoredReport> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(StoredReport r, ReadReport(row));
    out.push_back(std::move(r));
  }
  return out;
}

absl::StatusOr<std::optional<StoredReport>> MySqlReportingStore::GetReport(const std::string& school_id,
                                                                           const std::string& report_id,
                                                                           Lock lock) {
  ASSIGN_OR_RETURN(auto reports,
                   SelectReports(absl::StrCat("WHERE school_id = ? AND report_id = ?", LockClause(lock)),
                                 {Str(school_id), Str(report_id)}));
  if (reports.empty()) return std::nullopt;
  return std::move(reports[0]);
}

namespace {

std::vector<SqlValue> ReportValues(const StoredReport& r) {
  return {Str(r.family),
          Int(r.year),
          Str(r.period),
          DateOrNull(r.due_date),
          EnumSql(r.state),
          Int(r.latest_version),
          Int(r.submitted_version),
          TimeOrNull(r.first_submit_time),
          TimeOrNull(r.submit_time),
          Str(r.return_reason),
          TimeOrNull(r.acknowledge_time),
          Str(r.reviewed_by),
          Str(r.school_id),
          Str(r.report_id)};
}

}  // namespace

absl::Status MySqlReportingStore::InsertReport(const StoredReport& r) {
  return db_
      .Execute(
          "INSERT INTO reports (family, year, period, due_date, state, latest_version, submitted_version, "
          "first_submit_time, submit_time, return_reason, acknowledge_time, reviewed_by, school_id, "
          "report_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ReportValues(r))
      .status();
}

absl::Status MySqlReportingStore::UpdateReport(const StoredReport& r) {
  return db_
      .Execute(
          "UPDATE reports SET family = ?, year = ?, period = ?, due_date = ?, state = ?, latest_version = ?, "
          "submitted_version = ?, first_submit_time = ?, submit_time = ?, return_reason = ?, "
          "acknowledge_time = ?, reviewed_by = ? WHERE school_id = ? AND report_id = ?",
          ReportValues(r))
      .status();
}

absl::StatusOr<std::vector<StoredReport>> MySqlReportingStore::ListReports(const std::string& school_id,
                                                                           const ReportFilter& filter) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params{Str(school_id)};
  if (!filter.family.empty()) {
    where += " AND family = ?";
    params.push_back(Str(filter.family));
  }
  if (filter.year != 0) {
    where += " AND year = ?";
    params.push_back(Int(filter.year));
  }
  platform::AddInList(filter.states, "state", where, params);
  where += " ORDER BY due_date DESC, report_id";
  return SelectReports(where, params);
}

absl::StatusOr<std::vector<StoredReport>> MySqlReportingStore::ReportsDueBetween(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  if (school_ids.empty()) return std::vector<StoredReport>{};
  std::vector<SqlValue> params;
  const std::string in = InList(school_ids, params);
  params.push_back(DateOrNull(from));
  params.push_back(DateOrNull(to));
  return SelectReports(absl::StrCat("WHERE school_id IN ", in, " AND due_date BETWEEN ? AND ?"), params);
}

absl::StatusOr<std::map<std::string, StoredReport>> MySqlReportingStore::ReportsOfPeriod(
    const std::string& family, int year, const std::string& period,
    const std::vector<std::string>& school_ids) {
  std::map<std::string, StoredReport> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params{Str(family), Int(year), Str(period)};
  const std::string in = InList(school_ids, params);
  ASSIGN_OR_RETURN(
      auto reports,
      SelectReports(absl::StrCat("WHERE family = ? AND year = ? AND period = ? AND school_id IN ", in),
                    params));
  for (auto& r : reports) out[r.school_id] = std::move(r);
  return out;
}

absl::Status MySqlReportingStore::InsertVersion(const std::string& school_id, const std::string& report_id,
                                                const StoredVersion& v) {
  return db_
      .Execute(
          "INSERT INTO report_versions (school_id, report_id, version, content, content_sha256, "
          "source_errors, "
          "generated_by, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(school_id), Str(report_id), Int(v.version), v.content, Str(v.content_sha256),
           Str(absl::StrJoin(v.source_errors, "\n")), Str(v.generated_by), TimeToSql(v.create_time)})
      .status();
}

namespace {

absl::StatusOr<StoredVersion> ReadVersion(const Row& row, bool with_content) {
  StoredVersion v;
  ASSIGN_OR_RETURN(v.version, IntFromSql(row, 0, 1, 1000000));
  v.content_sha256 = row.Str(1);
  if (!row.Str(2).empty()) v.source_errors = absl::StrSplit(row.Str(2), '\n');
  v.generated_by = row.Str(3);
  ASSIGN_OR_RETURN(v.create_time, TimeFromSql(row, 4));
  if (with_content) v.content = row.Str(5);
  return v;
}

}  // namespace

absl::StatusOr<std::optional<StoredVersion>> MySqlReportingStore::GetVersion(const std::string& school_id,
                                                                             const std::string& report_id,
                                                                             int version) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT version, content_sha256, source_errors, generated_by, ",
                                          SqlTimeColumn("create_time"),
                                          ", content FROM report_versions WHERE school_id = ? AND "
                                          "report_id = ? AND version = ?"),
                             {Str(school_id), Str(report_id), Int(version)}));
  if (rows.empty()) return std::nullopt;
  return ReadVersion(rows[0], true);
}

absl::StatusOr<std::vector<StoredVersion>> MySqlReportingStore::ListVersions(const std::string& school_id,
                                                                             const std::string& report_id) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT version, content_sha256, source_errors, generated_by, ",
                                          SqlTimeColumn("create_time"),
                                          " FROM report_versions WHERE school_id = ? AND report_id = ? "
                                          "ORDER BY version DESC"),
                             {Str(school_id), Str(report_id)}));
  std::vector<StoredVersion> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(StoredVersion v, ReadVersion(row, false));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace parhub::reporting
