// SipasStore on MySQL/MariaDB.
#include "services/reporting/store/mysql_sipas_store.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
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
using ::parhub::platform::Placeholders;
using ::parhub::platform::Row;
using ::parhub::platform::SqlDateColumn;
using ::parhub::platform::SqlTimeColumn;
using ::parhub::platform::SqlValue;
using ::parhub::platform::Str;
using ::parhub::platform::TimeFromSql;
using ::parhub::platform::TimeToSql;

// Rows per multi-row statement (codes are issued up to 2,000 at a time).
constexpr size_t kChunk = 500;
constexpr int kMaxCount = 1'000'000'000;

std::string LockClause(Lock lock) { return lock == Lock::kForUpdate ? " FOR UPDATE" : ""; }

const std::string& SurveyColumns() {
  static const auto* const kColumns = new std::string(
      absl::StrCat("school_id, survey_id, questionnaire, title, audience, ", SqlDateColumn("open_date"), ", ",
                   SqlDateColumn("close_date"), ", state, code_count, response_count, created_by, ",
                   SqlTimeColumn("create_time"), ", ", SqlTimeColumn("update_time")));
  return *kColumns;
}

absl::StatusOr<StoredSurvey> ReadSurvey(const Row& row) {
  StoredSurvey s;
  int i = 0;
  s.school_id = row.Str(i++);
  s.survey_id = row.Str(i++);
  s.questionnaire = row.Str(i++);
  s.title = row.Str(i++);
  ASSIGN_OR_RETURN(s.audience, EnumFromSql(row, i++, v1::SurveyAudience_MAX));
  ASSIGN_OR_RETURN(s.open_date, DateFromSql(row, i++));
  ASSIGN_OR_RETURN(s.close_date, DateFromSql(row, i++));
  ASSIGN_OR_RETURN(s.state, EnumFromSql(row, i++, v1::SurveyState_MAX));
  ASSIGN_OR_RETURN(s.code_count, IntFromSql(row, i++, 0, kMaxCount));
  ASSIGN_OR_RETURN(s.response_count, IntFromSql(row, i++, 0, kMaxCount));
  s.created_by = row.Str(i++);
  ASSIGN_OR_RETURN(s.create_time, TimeFromSql(row, i++));
  ASSIGN_OR_RETURN(s.update_time, TimeFromSql(row, i++));
  return s;
}

// question, factor, n0..n5 (from column `first`) → counts.
absl::StatusOr<QuestionCounts> ReadCount(const Row& row, int first) {
  QuestionCounts c{.question = row.Str(first), .factor = row.Str(first + 1)};
  for (int s = 0; s < 6; ++s) {
    ASSIGN_OR_RETURN(c.counts[s], IntFromSql(row, first + 2 + s));
  }
  return c;
}

absl::StatusOr<std::vector<QuestionCounts>> ReadCounts(const std::vector<Row>& rows) {
  std::vector<QuestionCounts> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(QuestionCounts c, ReadCount(row, 0));
    out.push_back(std::move(c));
  }
  return out;
}

// The factors of official_sipas_results, as its columns "<factor>_index".
constexpr const char* kOfficialFactors[] = {"access", "procedure", "staff", "result", "feedback"};

// A DECIMAL percent column (NOT NULL).
absl::StatusOr<double> PercentFromSql(const Row& row, int i) {
  if (row.IsNull(i)) return absl::InternalError(absl::StrCat("column ", i, " is NULL"));
  double value = 0;
  if (!absl::SimpleAtod(row.Str(i), &value) || !(value >= 0) || value > 100) {
    return absl::InternalError(absl::StrCat("column ", i, " holds '", row.Str(i), "', not a percent"));
  }
  return value;
}

}  // namespace

absl::Status MySqlSipasStore::InTransaction(const std::function<absl::Status()>& fn) {
  return db_.InTransaction(fn);
}

absl::Status MySqlSipasStore::InsertSurvey(const StoredSurvey& s) {
  return db_
      .Execute(
          "INSERT INTO sipas_surveys (school_id, survey_id, questionnaire, title, audience, open_date, "
          "close_date, state, code_count, response_count, created_by, create_time, update_time) VALUES (?, "
          "?, "
          "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(s.school_id), Str(s.survey_id), Str(s.questionnaire), Str(s.title), EnumSql(s.audience),
           DateOrNull(s.open_date), DateOrNull(s.close_date), EnumSql(s.state), Int(s.code_count),
           Int(s.response_count), Str(s.created_by), TimeToSql(s.create_time), TimeToSql(s.update_time)})
      .status();
}

absl::StatusOr<std::optional<StoredSurvey>> MySqlSipasStore::GetSurvey(const std::string& school_id,
                                                                       const std::string& survey_id,
                                                                       Lock lock) {
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(absl::StrCat("SELECT ", SurveyColumns(),
                             " FROM sipas_surveys WHERE school_id = ? AND survey_id = ?", LockClause(lock)),
                {Str(school_id), Str(survey_id)}));
  if (rows.empty()) return std::nullopt;
  return ReadSurvey(rows[0]);
}

absl::Status MySqlSipasStore::UpdateSurvey(const StoredSurvey& s) {
  return db_
      .Execute(
          "UPDATE sipas_surveys SET state = ?, code_count = ?, response_count = ?, update_time = ? WHERE "
          "school_id = ? AND survey_id = ?",
          {EnumSql(s.state), Int(s.code_count), Int(s.response_count), TimeToSql(s.update_time),
           Str(s.school_id), Str(s.survey_id)})
      .status();
}

absl::StatusOr<std::vector<StoredSurvey>> MySqlSipasStore::ListSurveys(const std::string& school_id,
                                                                       int64_t after_micros,
                                                                       const std::string& after_id,
                                                                       int limit) {
  std::string sql = absl::StrCat("SELECT ", SurveyColumns(), " FROM sipas_surveys WHERE school_id = ?");
  std::vector<SqlValue> params{Str(school_id)};
  if (!after_id.empty()) {
    const std::string after = TimeToSql(absl::FromUnixMicros(after_micros));
    sql += " AND (create_time < ? OR (create_time = ? AND survey_id < ?))";
    params.insert(params.end(), {after, after, Str(after_id)});
  }
  sql += " ORDER BY create_time DESC, survey_id DESC LIMIT ?";
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(auto rows, db_.Query(sql, params));
  std::vector<StoredSurvey> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(StoredSurvey s, ReadSurvey(row));
    out.push_back(std::move(s));
  }
  return out;
}

absl::StatusOr<std::set<std::string>> MySqlSipasStore::ExistingCodes(const std::vector<std::string>& hashes) {
  std::set<std::string> out;
  for (size_t begin = 0; begin < hashes.size(); begin += kChunk) {
    const size_t end = std::min(hashes.size(), begin + kChunk);
    std::vector<SqlValue> params;
    for (size_t i = begin; i < end; ++i) params.push_back(Str(hashes[i]));
    ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT code_hash FROM sipas_respondent_codes WHERE "
                                                       "code_hash IN (",
                                                       Placeholders(end - begin), ")"),
                                          params));
    for (const Row& row : rows) out.insert(row.Str(0));
  }
  return out;
}

absl::Status MySqlSipasStore::InsertCodes(const std::string& school_id, const std::string& survey_id,
                                          const std::vector<std::string>& hashes) {
  return db_.InTransaction([&]() -> absl::Status {
    for (size_t begin = 0; begin < hashes.size(); begin += kChunk) {
      const size_t end = std::min(hashes.size(), begin + kChunk);
      std::string sql = "INSERT INTO sipas_respondent_codes (school_id, survey_id, code_hash, used) VALUES ";
      std::vector<SqlValue> params;
      for (size_t i = begin; i < end; ++i) {
        sql += i == begin ? "(?, ?, ?, 0)" : ", (?, ?, ?, 0)";
        params.insert(params.end(), {Str(school_id), Str(survey_id), Str(hashes[i])});
      }
      RETURN_IF_ERROR(db_.Execute(sql, params).status());
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::optional<StoredCode>> MySqlSipasStore::FindCode(const std::string& hash, Lock lock) {
  ASSIGN_OR_RETURN(auto rows, db_.Query(absl::StrCat("SELECT school_id, survey_id, used FROM "
                                                     "sipas_respondent_codes WHERE code_hash = ?",
                                                     LockClause(lock)),
                                        {Str(hash)}));
  if (rows.empty()) return std::nullopt;
  StoredCode out{.school_id = rows[0].Str(0), .survey_id = rows[0].Str(1)};
  ASSIGN_OR_RETURN(int used, IntFromSql(rows[0], 2, 0, 1));
  out.used = used == 1;
  return out;
}

absl::StatusOr<bool> MySqlSipasStore::MarkCodeUsed(const std::string& school_id, const std::string& survey_id,
                                                   const std::string& hash) {
  ASSIGN_OR_RETURN(int64_t changed,
                   db_.Execute("UPDATE sipas_respondent_codes SET used = 1 WHERE school_id = ? "
                               "AND survey_id = ? AND code_hash = ? AND used = 0",
                               {Str(school_id), Str(survey_id), Str(hash)}));
  return changed == 1;
}

absl::Status MySqlSipasStore::InsertResponse(const StoredResponse& r,
                                             const std::vector<QuestionCounts>& increments) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO sipas_responses (school_id, survey_id, response_id, answer_date, "
                    "answers, comment) VALUES (?, ?, ?, ?, ?, ?)",
                    {Str(r.school_id), Str(r.survey_id), Str(r.response_id), DateOrNull(r.answer_date),
                     Str(r.answers), Str(r.comment)})
            .status());
    RETURN_IF_ERROR(
        db_.Execute("INSERT INTO sipas_daily_responses (school_id, survey_id, answer_date, "
                    "responses) VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE responses = responses + 1",
                    {Str(r.school_id), Str(r.survey_id), DateOrNull(r.answer_date)})
            .status());
    if (increments.empty()) return absl::OkStatus();
    // One statement for every question, in key order (the survey row is
    // locked by the caller, so writers of one survey queue there).
    std::vector<const QuestionCounts*> sorted;
    for (const QuestionCounts& c : increments) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(),
              [](const QuestionCounts* a, const QuestionCounts* b) { return a->question < b->question; });
    std::string sql =
        "INSERT INTO sipas_answer_counts (school_id, survey_id, answer_date, question, factor, n0, n1, n2, "
        "n3, "
        "n4, n5) VALUES ";
    std::vector<SqlValue> params;
    for (size_t i = 0; i < sorted.size(); ++i) {
      sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      params.insert(params.end(), {Str(r.school_id), Str(r.survey_id), DateOrNull(r.answer_date),
                                   Str(sorted[i]->question), Str(sorted[i]->factor)});
      for (int s = 0; s < 6; ++s) params.push_back(Int(sorted[i]->counts[s]));
    }
    sql +=
        " ON DUPLICATE KEY UPDATE n0 = n0 + VALUES(n0), n1 = n1 + VALUES(n1), n2 = n2 + VALUES(n2), n3 = n3 "
        "+ "
        "VALUES(n3), n4 = n4 + VALUES(n4), n5 = n5 + VALUES(n5)";
    return db_.Execute(sql, params).status();
  });
}

absl::StatusOr<std::vector<QuestionCounts>> MySqlSipasStore::SurveyCounts(const std::string& school_id,
                                                                          const std::string& survey_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT question, MIN(factor), SUM(n0), SUM(n1), SUM(n2), SUM(n3), "
                                        "SUM(n4), SUM(n5) FROM sipas_answer_counts WHERE school_id = ? AND "
                                        "survey_id = ? GROUP BY question ORDER BY question",
                                        {Str(school_id), Str(survey_id)}));
  return ReadCounts(rows);
}

absl::StatusOr<std::map<std::string, SipasPeriodCounts>> MySqlSipasStore::PeriodCounts(
    const std::vector<std::string>& school_ids, v1::SurveyAudience audience, Date start, Date end) {
  std::map<std::string, SipasPeriodCounts> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params;
  for (const std::string& id : school_ids) params.push_back(Str(id));
  const std::string in = absl::StrCat("(", Placeholders(school_ids.size()), ")");
  auto with = [&](std::vector<SqlValue> more) {
    std::vector<SqlValue> all = params;
    for (SqlValue& v : more) all.push_back(std::move(v));
    return all;
  };
  ASSIGN_OR_RETURN(
      auto surveys,
      db_.Query(
          absl::StrCat("SELECT school_id, COUNT(*) FROM sipas_surveys WHERE school_id IN ", in,
                       " AND audience = ? AND state <> ? AND open_date <= ? AND "
                       "close_date >= ? GROUP BY school_id"),
          with({EnumSql(audience), EnumSql(v1::SURVEY_STATE_DRAFT), DateOrNull(end), DateOrNull(start)})));
  for (const Row& row : surveys) {
    ASSIGN_OR_RETURN(out[row.Str(0)].surveys, IntFromSql(row, 1, 0, kMaxCount));
  }
  ASSIGN_OR_RETURN(
      auto responses,
      db_.Query(
          absl::StrCat("SELECT d.school_id, SUM(d.responses) FROM sipas_daily_responses d JOIN "
                       "sipas_surveys s ON s.school_id = d.school_id AND s.survey_id = d.survey_id WHERE "
                       "d.school_id IN ",
                       in, " AND d.answer_date BETWEEN ? AND ? AND s.audience = ? GROUP BY d.school_id"),
          with({DateOrNull(start), DateOrNull(end), EnumSql(audience)})));
  for (const Row& row : responses) {
    ASSIGN_OR_RETURN(out[row.Str(0)].responses, IntFromSql(row, 1, 0, kMaxCount));
  }
  ASSIGN_OR_RETURN(
      auto counts,
      db_.Query(
          absl::StrCat("SELECT c.school_id, c.question, MIN(c.factor), SUM(c.n0), SUM(c.n1), SUM(c.n2), "
                       "SUM(c.n3), SUM(c.n4), SUM(c.n5) FROM sipas_answer_counts c JOIN sipas_surveys s ON "
                       "s.school_id = c.school_id AND s.survey_id = c.survey_id WHERE c.school_id IN ",
                       in,
                       " AND c.answer_date BETWEEN ? AND ? AND s.audience = ? GROUP BY c.school_id, "
                       "c.question ORDER BY c.school_id, c.question"),
          with({DateOrNull(start), DateOrNull(end), EnumSql(audience)})));
  for (const Row& row : counts) {
    ASSIGN_OR_RETURN(QuestionCounts c, ReadCount(row, 1));
    out[row.Str(0)].questions.push_back(std::move(c));
  }
  return out;
}

absl::Status MySqlSipasStore::SaveOfficialResult(const std::string& school_id, int year,
                                                 const v1::OfficialSipasResult& r) {
  std::vector<SqlValue> params{Str(school_id), Int(year), r.index()};
  for (const char* factor : kOfficialFactors) {
    SqlValue value = nullptr;
    for (const v1::FactorIndex& f : r.factors()) {
      if (f.factor() == factor) value = f.index();
    }
    params.push_back(std::move(value));
  }
  ASSIGN_OR_RETURN(Date date, platform::DateFromProto(r.document_date(), "document_date"));
  params.insert(params.end(), {Str(r.document_number()), DateOrNull(date), Str(r.source()),
                               Str(r.imported_by()), TimeToSql(platform::TimeFromProto(r.import_time()))});
  return db_
      .Execute(
          "REPLACE INTO official_sipas_results (school_id, year, overall_index, access_index, "
          "procedure_index, staff_index, result_index, feedback_index, document_number, document_date, "
          "source, imported_by, import_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          params)
      .status();
}

absl::StatusOr<std::optional<v1::OfficialSipasResult>> MySqlSipasStore::GetOfficialResult(
    const std::string& school_id, int year) {
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT overall_index, access_index, procedure_index, staff_index, "
                                          "result_index, feedback_index, document_number, ",
                                          SqlDateColumn("document_date"), ", source, imported_by, ",
                                          SqlTimeColumn("import_time"),
                                          " FROM official_sipas_results WHERE school_id = ? AND year = ?"),
                             {Str(school_id), Int(year)}));
  if (rows.empty()) return std::nullopt;
  const Row& row = rows[0];
  v1::OfficialSipasResult out;
  out.set_name(absl::StrCat("schools/", school_id, "/officialSipasResults/", year));
  out.set_year(year);
  ASSIGN_OR_RETURN(double index, PercentFromSql(row, 0));
  out.set_index(index);
  for (int f = 0; f < 5; ++f) {
    if (row.IsNull(1 + f)) continue;
    ASSIGN_OR_RETURN(double factor_index, PercentFromSql(row, 1 + f));
    v1::FactorIndex* kept = out.add_factors();
    kept->set_factor(kOfficialFactors[f]);
    kept->set_index(factor_index);
  }
  out.set_document_number(row.Str(6));
  ASSIGN_OR_RETURN(Date date, DateFromSql(row, 7));
  *out.mutable_document_date() = platform::DateToProto(date);
  out.set_source(row.Str(8));
  out.set_imported_by(row.Str(9));
  ASSIGN_OR_RETURN(absl::Time imported, TimeFromSql(row, 10));
  *out.mutable_import_time() = platform::TimeToProto(imported);
  return out;
}

absl::StatusOr<std::optional<int>> MySqlSipasStore::LatestOfficialYear(const std::string& school_id) {
  ASSIGN_OR_RETURN(auto rows, db_.Query("SELECT MAX(year) FROM official_sipas_results WHERE school_id = ?",
                                        {Str(school_id)}));
  if (rows.empty() || rows[0].IsNull(0)) return std::nullopt;
  ASSIGN_OR_RETURN(int year, IntFromSql(rows[0], 0, 0, 9999));
  return year;
}

}  // namespace parhub::reporting
