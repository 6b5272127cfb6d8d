// The short satisfaction survey's answers in MySQL/MariaDB
// (mysql_service_feedback_store.h).
#include "services/reporting/store/mysql_service_feedback_store.h"

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/db/sql_values.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Date;
using ::parhub::platform::DateOrNull;
using ::parhub::platform::EnumFromSql;
using ::parhub::platform::EnumSql;
using ::parhub::platform::Int;
using ::parhub::platform::IntFromSql;
using ::parhub::platform::Placeholders;
using ::parhub::platform::Row;
using ::parhub::platform::SqlValue;
using ::parhub::platform::Str;
using ::parhub::platform::TimeToSql;

// The score columns, in the form's question order.
constexpr const char* kScoreColumns[] = {"score_overall", "score_timeliness", "score_guidance"};
constexpr int kScoreCount = 3;
constexpr int kMaxCount = 1'000'000'000;

}  // namespace

absl::StatusOr<bool> MySqlServiceFeedbackStore::InsertAnswer(const FeedbackAnswer& a) {
  if (a.scores.size() != kScoreCount) {
    return absl::InternalError(
        absl::StrCat("service feedback has ", a.scores.size(), " scores, the table ", kScoreCount));
  }
  // A second answer of one code changes nothing and reports 0 rows.
  ASSIGN_OR_RETURN(
      int64_t rows,
      db_.Execute(
          "INSERT INTO service_feedback (school_id, touchpoint, code_hash, answer_date, score_overall, "
          "score_timeliness, score_guidance, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
          "ON DUPLICATE KEY UPDATE id = id",
          {Str(a.school_id), EnumSql(a.touchpoint), Str(a.code_hash), DateOrNull(a.answer_date),
           Int(a.scores[0]), Int(a.scores[1]), Int(a.scores[2]), TimeToSql(a.create_time)}));
  return rows == 1;
}

absl::StatusOr<std::vector<FeedbackMonthSums>> MySqlServiceFeedbackStore::MonthSums(
    const std::string& school_id, int year, int questions) {
  if (questions != kScoreCount) {
    return absl::InternalError(
        absl::StrCat("the form has ", questions, " questions, the table ", kScoreCount));
  }
  ASSIGN_OR_RETURN(
      auto rows,
      db_.Query(
          absl::StrCat("SELECT MONTH(answer_date), touchpoint, COUNT(*), SUM(", kScoreColumns[0], "), SUM(",
                       kScoreColumns[1], "), SUM(", kScoreColumns[2], "), SUM(", kScoreColumns[0],
                       " >= 4) FROM service_feedback WHERE school_id = ? AND answer_date BETWEEN ? AND ? "
                       "GROUP BY 1, 2 ORDER BY 1, 2"),
          {Str(school_id), Str(absl::StrCat(year, "-01-01")), Str(absl::StrCat(year, "-12-31"))}));
  std::vector<FeedbackMonthSums> out;
  for (const Row& row : rows) {
    FeedbackMonthSums& s = out.emplace_back();
    ASSIGN_OR_RETURN(s.month, IntFromSql(row, 0, 1, 12));
    ASSIGN_OR_RETURN(s.touchpoint,
                     EnumFromSql(row, 1, ::parhub::common::v1::FEEDBACK_TOUCHPOINT_PAYMENT_RECEIPTED));
    ASSIGN_OR_RETURN(s.responses, IntFromSql(row, 2, 0, kMaxCount));
    for (int q = 0; q < kScoreCount; ++q) {
      ASSIGN_OR_RETURN(int64_t sum, IntFromSql(row, 3 + q));
      s.score_sums.push_back(sum);
    }
    ASSIGN_OR_RETURN(s.satisfied, IntFromSql(row, 6, 0, kMaxCount));
  }
  return out;
}

absl::StatusOr<std::map<std::string, FeedbackFigures>> MySqlServiceFeedbackStore::FiguresOf(
    const std::vector<std::string>& school_ids, Date start, Date end) {
  std::map<std::string, FeedbackFigures> out;
  if (school_ids.empty()) return out;
  std::vector<SqlValue> params = platform::WithStrs({}, school_ids);
  params.push_back(DateOrNull(start));
  params.push_back(DateOrNull(end));
  ASSIGN_OR_RETURN(auto rows,
                   db_.Query(absl::StrCat("SELECT school_id, COUNT(*), SUM(score_overall >= 4) FROM "
                                          "service_feedback WHERE school_id IN (",
                                          Placeholders(school_ids.size()),
                                          ") AND answer_date BETWEEN ? AND ? GROUP BY school_id"),
                             params));
  for (const Row& row : rows) {
    FeedbackFigures& f = out[row.Str(0)];
    ASSIGN_OR_RETURN(f.responses, IntFromSql(row, 1, 0, kMaxCount));
    ASSIGN_OR_RETURN(f.satisfied, IntFromSql(row, 2, 0, kMaxCount));
  }
  return out;
}

}  // namespace parhub::reporting
