// ComplaintsStore on MySQL/MariaDB.
#include "services/complaints/store/mysql_complaints_store.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/db/sql_values.h"

namespace parhub::complaints {
namespace {

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
using ::parhub::platform::TimeToSql;

std::string LockClause(Lock lock) { return lock == Lock::kForUpdate ? " FOR UPDATE" : ""; }

const std::string& CaseColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, case_id, tracking_code, secret_hash, case_type, channel, subject, content, submitter_name, "
      "submitter_phone, submitter_email, submitter_address, submitter_id_number, anonymous, complaint_round, "
      "complexity, procedure_code, procedure_days, deadline_policy, ",
      SqlDateColumn("received_date"), ", ", SqlDateColumn("decision_date"), ", filing_delay_reason, ",
      SqlDateColumn("acceptance_due_date"), ", ", SqlDateColumn("accepted_date"), ", acceptance_document, ",
      SqlDateColumn("resolution_due_date"),
      ", deadline_estimated, state, assignee, outcome, public_summary, ",
      "internal_summary, resolution_document, ", SqlDateColumn("resolved_date"), ", closing_reason, ",
      SqlDateColumn("closed_date"), ", escalated_to, rating_score, rating_comment, ",
      SqlTimeColumn("rating_time"), ", reopen_count, ", SqlDateColumn("current_due_date"),
      ", final_timeliness, ", SqlTimeColumn("create_time"), ", ", SqlTimeColumn("update_time"),
      ", enrolment_notice, applicant_name, ", SqlDateColumn("applicant_birth_date"), ", applicant_school"));
  return *kColumns;
}

absl::StatusOr<Case> ReadCase(const Row& row) {
  Case c;
  int i = 0;
  c.school_id = row.Str(i++);
  c.case_id = row.Str(i++);
  c.tracking_code = row.Str(i++);
  c.tracking_secret_hash = row.Str(i++);
  ASSIGN_OR_RETURN(c.case_type, EnumFromSql(row, i++, kLastCaseType));
  ASSIGN_OR_RETURN(c.channel, EnumFromSql(row, i++, kLastChannel));
  c.subject = row.Str(i++);
  c.content = row.Str(i++);
  c.submitter.full_name = row.Str(i++);
  c.submitter.phone = row.Str(i++);
  c.submitter.email = row.Str(i++);
  c.submitter.address = row.Str(i++);
  c.submitter.id_number = row.Str(i++);
  ASSIGN_OR_RETURN(int anonymous, IntFromSql(row, i++, 0, 1));
  c.submitter.anonymous = anonymous == 1;
  ASSIGN_OR_RETURN(c.complaint_round, IntFromSql(row, i++, 0, 2));
  ASSIGN_OR_RETURN(c.complexity, EnumFromSql(row, i++, kLastComplexity));
  c.procedure_code = row.Str(i++);
  ASSIGN_OR_RETURN(c.procedure_time_limit_days, IntFromSql(row, i++, 0, 100000));
  c.deadline_policy = row.Str(i++);
  ASSIGN_OR_RETURN(c.received_date, DateFromSql(row, i++));
  ASSIGN_OR_RETURN(c.decision_date, DateFromSql(row, i++));
  c.filing_delay_reason = row.Str(i++);
  ASSIGN_OR_RETURN(c.acceptance_due_date, DateFromSql(row, i++));
  ASSIGN_OR_RETURN(c.accepted_date, DateFromSql(row, i++));
  c.acceptance_document = row.Str(i++);
  ASSIGN_OR_RETURN(c.resolution_due_date, DateFromSql(row, i++));
  ASSIGN_OR_RETURN(int estimated, IntFromSql(row, i++, 0, 1));
  c.deadline_estimated = estimated == 1;
  ASSIGN_OR_RETURN(c.state, EnumFromSql(row, i++, kLastCaseState));
  c.assignee = row.Str(i++);
  ASSIGN_OR_RETURN(c.resolution.outcome, EnumFromSql(row, i++, kLastOutcome));
  c.resolution.public_summary = row.Str(i++);
  c.resolution.internal_summary = row.Str(i++);
  c.resolution.document_number = row.Str(i++);
  ASSIGN_OR_RETURN(c.resolution.resolved_date, DateFromSql(row, i++));
  c.closing_reason = row.Str(i++);
  ASSIGN_OR_RETURN(c.closed_date, DateFromSql(row, i++));
  c.escalated_to = row.Str(i++);
  ASSIGN_OR_RETURN(c.rating.score, IntFromSql(row, i++, 0, 5));
  c.rating.comment = row.Str(i++);
  ASSIGN_OR_RETURN(std::optional<absl::Time> rated, NullableTimeFromSql(row, i++));
  if (rated) c.rating.create_time = *rated;
  ASSIGN_OR_RETURN(c.reopen_count, IntFromSql(row, i++, 0, 1000000));
  ASSIGN_OR_RETURN(c.current_due_date, DateFromSql(row, i++));
  ASSIGN_OR_RETURN(c.final_timeliness, EnumFromSql(row, i++, kLastTimeliness));
  ASSIGN_OR_RETURN(c.create_time, TimeFromSql(row, i++));
  ASSIGN_OR_RETURN(c.update_time, TimeFromSql(row, i++));
  c.enrolment_notice_id = row.Str(i++);
  c.applicant.full_name = row.Str(i++);
  ASSIGN_OR_RETURN(c.applicant.birth_date, DateFromSql(row, i++));
  c.applicant.current_school = row.Str(i++);
  return c;
}

// The row's values in the order of the INSERT and UPDATE statements below.
std::vector<SqlValue> CaseValues(const Case& c) {
  return {Str(c.tracking_code),
          Str(c.tracking_secret_hash),
          EnumSql(c.case_type),
          EnumSql(c.channel),
          Str(c.subject),
          Str(c.content),
          Str(c.submitter.full_name),
          Str(c.submitter.phone),
          Str(c.submitter.email),
          Str(c.submitter.address),
          Str(c.submitter.id_number),
          Int(c.submitter.anonymous ? 1 : 0),
          Int(c.complaint_round),
          EnumSql(c.complexity),
          Str(c.procedure_code),
          Int(c.procedure_time_limit_days),
          Str(c.deadline_policy),
          DateOrNull(c.received_date),
          DateOrNull(c.decision_date),
          Str(c.filing_delay_reason),
          DateOrNull(c.acceptance_due_date),
          DateOrNull(c.accepted_date),
          Str(c.acceptance_document),
          DateOrNull(c.resolution_due_date),
          Int(c.deadline_estimated ? 1 : 0),
          EnumSql(c.state),
          Str(c.assignee),
          EnumSql(c.resolution.outcome),
          Str(c.resolution.public_summary),
          Str(c.resolution.internal_summary),
          Str(c.resolution.document_number),
          DateOrNull(c.resolution.resolved_date),
          Str(c.closing_reason),
          DateOrNull(c.closed_date),
          Str(c.escalated_to),
          Int(c.rating.score),
          Str(c.rating.comment),
          c.rating.score > 0 ? SqlValue(TimeToSql(c.rating.create_time)) : SqlValue(nullptr),
          Int(c.reopen_count),
          DateOrNull(c.current_due_date),
          EnumSql(c.final_timeliness),
          Str(c.enrolment_notice_id),
          Str(c.applicant.full_name),
          Str(platform::Utf8Prefix(platform::FoldForSearch(c.applicant.full_name), 250)),
          DateOrNull(c.applicant.birth_date),
          Str(c.applicant.current_school),
          TimeToSql(c.update_time)};
}

constexpr char kValueColumns[] =
    "tracking_code, secret_hash, case_type, channel, subject, content, submitter_name, submitter_phone, "
    "submitter_email, submitter_address, submitter_id_number, anonymous, complaint_round, complexity, "
    "procedure_code, procedure_days, deadline_policy, received_date, decision_date, filing_delay_reason, "
    "acceptance_due_date, accepted_date, acceptance_document, resolution_due_date, deadline_estimated, "
    "state, "
    "assignee, outcome, public_summary, internal_summary, resolution_document, resolved_date, "
    "closing_reason, "
    "closed_date, escalated_to, rating_score, rating_comment, rating_time, reopen_count, current_due_date, "
    "final_timeliness, enrolment_notice, applicant_name, applicant_name_key, applicant_birth_date, "
    "applicant_school, update_time";
constexpr int kValueCount = 47;

const std::string& EventColumns() {
  static const auto* const kColumns = new std::string(
      absl::StrCat("school_id, case_id, seq, kind, visibility, actor, from_state, to_state, note, ",
                   SqlTimeColumn("create_time")));
  return *kColumns;
}

absl::StatusOr<CaseEvent> ReadEvent(const Row& row) {
  CaseEvent e;
  e.school_id = row.Str(0);
  e.case_id = row.Str(1);
  ASSIGN_OR_RETURN(e.sequence, IntFromSql(row, 2));
  ASSIGN_OR_RETURN(e.kind, EnumFromSql(row, 3, kLastEventKind));
  ASSIGN_OR_RETURN(e.visibility, EnumFromSql(row, 4, kLastVisibility));
  e.actor = row.Str(5);
  ASSIGN_OR_RETURN(e.from_state, EnumFromSql(row, 6, kLastCaseState));
  ASSIGN_OR_RETURN(e.to_state, EnumFromSql(row, 7, kLastCaseState));
  e.note = row.Str(8);
  ASSIGN_OR_RETURN(e.create_time, TimeFromSql(row, 9));
  return e;
}

}  // namespace

absl::Status MySqlComplaintsStore::Atomically(const std::function<absl::Status()>& fn) {
  return db_.InTransaction(fn);
}

absl::Status MySqlComplaintsStore::InsertCase(const Case& c) {
  std::vector<SqlValue> values{Str(c.school_id), Str(c.case_id)};
  for (SqlValue& v : CaseValues(c)) values.push_back(std::move(v));
  values.push_back(TimeToSql(c.create_time));
  return db_
      .Execute(absl::StrCat("INSERT INTO cases (school_id, case_id, ", kValueColumns,
                            ", create_time) VALUES (", Placeholders(kValueCount + 3), ")"),
               values)
      .status();
}

absl::Status MySqlComplaintsStore::UpdateCase(const Case& c) {
  std::vector<std::string> sets;
  for (absl::string_view column : absl::StrSplit(kValueColumns, ", "))
    sets.push_back(absl::StrCat(column, " = ?"));
  std::vector<SqlValue> values = CaseValues(c);
  values.push_back(Str(c.school_id));
  values.push_back(Str(c.case_id));
  ASSIGN_OR_RETURN(int64_t changed, db_.Execute(absl::StrCat("UPDATE cases SET ", absl::StrJoin(sets, ", "),
                                                             " WHERE school_id = ? AND case_id = ?"),
                                                values));
  (void)changed;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Case>> MySqlComplaintsStore::SelectCases(const std::string& where,
                                                                    const std::vector<SqlValue>& params,
                                                                    bool with_children) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", CaseColumns(), " FROM cases ", where), params));
  std::vector<Case> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Case c, ReadCase(row));
    out.push_back(std::move(c));
  }
  if (!with_children || out.empty()) return out;
  std::vector<SqlValue> keys;
  std::vector<std::string> pairs;
  for (const Case& c : out) {
    pairs.push_back("(?, ?)");
    keys.push_back(Str(c.school_id));
    keys.push_back(Str(c.case_id));
  }
  RETURN_IF_ERROR(AttachChildren(out, absl::StrCat("(", absl::StrJoin(pairs, ", "), ")"), keys));
  return out;
}

absl::Status MySqlComplaintsStore::AttachChildren(std::vector<Case>& cases, const std::string& keys,
                                                  const std::vector<SqlValue>& params) {
  if (cases.empty()) return absl::OkStatus();
  std::map<std::pair<std::string, std::string>, Case*> by_key;
  for (Case& c : cases) by_key[{c.school_id, c.case_id}] = &c;
  auto owner = [&](const Row& row) -> Case* {
    auto it = by_key.find({row.Str(0), row.Str(1)});
    return it == by_key.end() ? nullptr : it->second;
  };
  const std::string in = absl::StrCat("(school_id, case_id) IN ", keys);
  ASSIGN_OR_RETURN(
      std::vector<Row> extensions,
      db_.Query(absl::StrCat("SELECT school_id, case_id, days, reclassified, reason, document_number, ",
                             SqlDateColumn("previous_due_date"), ", ", SqlDateColumn("new_due_date"),
                             ", extended_by, ", SqlTimeColumn("create_time"), " FROM case_extensions WHERE ",
                             in, " ORDER BY school_id, case_id, seq"),
                params));
  for (const Row& row : extensions) {
    Extension e;
    ASSIGN_OR_RETURN(e.days, IntFromSql(row, 2, 0, 100000));
    ASSIGN_OR_RETURN(int reclassified, IntFromSql(row, 3, 0, 1));
    e.reclassified = reclassified == 1;
    e.reason = row.Str(4);
    e.document_number = row.Str(5);
    ASSIGN_OR_RETURN(e.previous_due_date, DateFromSql(row, 6));
    ASSIGN_OR_RETURN(e.new_due_date, DateFromSql(row, 7));
    e.extended_by = row.Str(8);
    ASSIGN_OR_RETURN(e.create_time, TimeFromSql(row, 9));
    if (Case* c = owner(row)) c->extensions.push_back(std::move(e));
  }
  ASSIGN_OR_RETURN(
      std::vector<Row> letters,
      db_.Query(absl::StrCat("SELECT school_id, case_id, document_number, ", SqlDateColumn("sent_date"),
                             ", reason, ", SqlDateColumn("new_return_date"),
                             " FROM case_apology_letters WHERE ", in, " ORDER BY school_id, case_id, seq"),
                params));
  for (const Row& row : letters) {
    ApologyLetter l;
    l.document_number = row.Str(2);
    ASSIGN_OR_RETURN(l.sent_date, DateFromSql(row, 3));
    l.reason = row.Str(4);
    ASSIGN_OR_RETURN(l.new_return_date, DateFromSql(row, 5));
    if (Case* c = owner(row)) c->apology_letters.push_back(std::move(l));
  }
  ASSIGN_OR_RETURN(
      std::vector<Row> priors,
      db_.Query(absl::StrCat("SELECT school_id, case_id, outcome, public_summary, internal_summary, "
                             "document_number, ",
                             SqlDateColumn("resolved_date"), ", ", SqlDateColumn("due_date"),
                             ", timeliness FROM case_prior_resolutions WHERE ", in,
                             " ORDER BY school_id, case_id, seq"),
                params));
  for (const Row& row : priors) {
    PriorResolution p;
    ASSIGN_OR_RETURN(p.resolution.outcome, EnumFromSql(row, 2, kLastOutcome));
    p.resolution.public_summary = row.Str(3);
    p.resolution.internal_summary = row.Str(4);
    p.resolution.document_number = row.Str(5);
    ASSIGN_OR_RETURN(p.resolution.resolved_date, DateFromSql(row, 6));
    ASSIGN_OR_RETURN(p.due_date, DateFromSql(row, 7));
    ASSIGN_OR_RETURN(p.timeliness, EnumFromSql(row, 8, kLastTimeliness));
    if (Case* c = owner(row)) c->prior_resolutions.push_back(std::move(p));
  }
  return absl::OkStatus();
}

absl::StatusOr<Case> MySqlComplaintsStore::GetCase(const std::string& school_id, const std::string& case_id,
                                                   Lock lock) {
  ASSIGN_OR_RETURN(std::vector<Case> found,
                   SelectCases(absl::StrCat("WHERE school_id = ? AND case_id = ?", LockClause(lock)),
                               {Str(school_id), Str(case_id)}, true));
  if (found.empty())
    return absl::NotFoundError(absl::StrCat("Không có vụ việc '", case_id, "' (case not found)"));
  return std::move(found[0]);
}

absl::StatusOr<Case> MySqlComplaintsStore::FindByTrackingCode(const std::string& code, Lock lock) {
  ASSIGN_OR_RETURN(std::vector<Case> found,
                   SelectCases(absl::StrCat("WHERE tracking_code = ?", LockClause(lock)), {Str(code)}, true));
  if (found.empty()) return absl::NotFoundError("no such tracking code");
  return std::move(found[0]);
}

absl::Status MySqlComplaintsStore::InsertExtension(const Case& c, const Extension& e) {
  return db_
      .Execute(
          "INSERT INTO case_extensions (school_id, case_id, seq, days, reclassified, reason, "
          "document_number, "
          "previous_due_date, new_due_date, extended_by, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?)",
          {Str(c.school_id), Str(c.case_id), Int(static_cast<int64_t>(c.extensions.size())), Int(e.days),
           Int(e.reclassified ? 1 : 0), Str(e.reason), Str(e.document_number),
           DateOrNull(e.previous_due_date), DateOrNull(e.new_due_date), Str(e.extended_by),
           TimeToSql(e.create_time)})
      .status();
}

absl::Status MySqlComplaintsStore::InsertPriorResolution(const Case& c, const PriorResolution& p) {
  return db_
      .Execute(
          "INSERT INTO case_prior_resolutions (school_id, case_id, seq, outcome, public_summary, "
          "internal_summary, document_number, resolved_date, due_date, timeliness) VALUES (?, ?, ?, ?, ?, ?, "
          "?, "
          "?, ?, ?)",
          {Str(c.school_id), Str(c.case_id), Int(static_cast<int64_t>(c.prior_resolutions.size())),
           EnumSql(p.resolution.outcome), Str(p.resolution.public_summary),
           Str(p.resolution.internal_summary), Str(p.resolution.document_number),
           DateOrNull(p.resolution.resolved_date), DateOrNull(p.due_date), EnumSql(p.timeliness)})
      .status();
}

absl::Status MySqlComplaintsStore::InsertApologyLetter(const Case& c, const ApologyLetter& l) {
  return db_
      .Execute(
          "INSERT INTO case_apology_letters (school_id, case_id, seq, document_number, sent_date, reason, "
          "new_return_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {Str(c.school_id), Str(c.case_id), Int(static_cast<int64_t>(c.apology_letters.size())),
           Str(l.document_number), DateOrNull(l.sent_date), Str(l.reason), DateOrNull(l.new_return_date)})
      .status();
}

absl::StatusOr<CaseEvent> MySqlComplaintsStore::AppendEvent(CaseEvent e) {
  // The case row is locked by the caller's transaction, so MAX + 1 is safe.
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query("SELECT COALESCE(MAX(seq), 0) FROM case_events WHERE school_id = ? AND case_id = ?",
                {Str(e.school_id), Str(e.case_id)}));
  ASSIGN_OR_RETURN(int64_t last, IntFromSql(rows.at(0), 0));
  e.sequence = last + 1;
  RETURN_IF_ERROR(
      db_.Execute("INSERT INTO case_events (school_id, case_id, seq, kind, visibility, actor, from_state, "
                  "to_state, note, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  {Str(e.school_id), Str(e.case_id), Int(e.sequence), EnumSql(e.kind), EnumSql(e.visibility),
                   Str(e.actor), EnumSql(e.from_state), EnumSql(e.to_state), Str(e.note),
                   TimeToSql(e.create_time)})
          .status());
  return e;
}

absl::StatusOr<std::vector<CaseEvent>> MySqlComplaintsStore::ListEvents(const std::string& school_id,
                                                                        const std::string& case_id,
                                                                        bool public_only,
                                                                        int64_t after_sequence, int limit) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(
          absl::StrCat("SELECT ", EventColumns(), " FROM case_events WHERE school_id = ? AND case_id = ? ",
                       public_only ? "AND visibility = 1 " : "", "AND seq > ? ORDER BY seq LIMIT ?"),
          {Str(school_id), Str(case_id), Int(after_sequence), Int(limit)}));
  std::vector<CaseEvent> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(CaseEvent e, ReadEvent(row));
    out.push_back(std::move(e));
  }
  return out;
}

absl::StatusOr<std::vector<Case>> MySqlComplaintsStore::ListCases(const std::string& school_id,
                                                                  const CaseQuery& query,
                                                                  const std::optional<CaseCursor>& after,
                                                                  int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params{Str(school_id)};
  auto in_list = [&](const char* column, const auto& values) {
    if (values.empty()) return;
    absl::StrAppend(&where, " AND ", column, " IN (", Placeholders(values.size()), ")");
    for (auto v : values) params.push_back(EnumSql(v));
  };
  in_list("case_type", query.types);
  in_list("state", query.states);
  if (!query.assignee.empty()) {
    absl::StrAppend(&where, " AND assignee = ?");
    params.push_back(Str(query.assignee));
  }
  if (query.received_from.IsSet()) {
    absl::StrAppend(&where, " AND received_date >= ?");
    params.push_back(DateOrNull(query.received_from));
  }
  if (!query.enrolment_notice_id.empty()) {
    absl::StrAppend(&where, " AND enrolment_notice = ?");
    params.push_back(Str(query.enrolment_notice_id));
  }
  if (query.received_to.IsSet()) {
    absl::StrAppend(&where, " AND received_date <= ?");
    params.push_back(DateOrNull(query.received_to));
  }
  if (query.timeliness_filtered) {
    std::vector<std::string> any;
    for (const DueWindow& w : query.open_due) {
      std::string part = "(current_due_date IS NOT NULL";
      if (w.from.IsSet()) {
        absl::StrAppend(&part, " AND current_due_date >= ?");
        params.push_back(DateOrNull(w.from));
      }
      if (w.to.IsSet()) {
        absl::StrAppend(&part, " AND current_due_date <= ?");
        params.push_back(DateOrNull(w.to));
      }
      any.push_back(part + ")");
    }
    if (!query.final_timeliness.empty()) {
      any.push_back(absl::StrCat("final_timeliness IN (", Placeholders(query.final_timeliness.size()), ")"));
      for (Timeliness t : query.final_timeliness) params.push_back(EnumSql(t));
    }
    absl::StrAppend(&where, " AND (", absl::StrJoin(any, " OR "), ")");
  }
  // Open cases (a due date) first by due date, then closed ones; ties by id.
  if (after) {
    if (after->closed) {
      absl::StrAppend(&where, " AND current_due_date IS NULL AND case_id > ?");
      params.push_back(Str(after->case_id));
    } else {
      absl::StrAppend(
          &where,
          " AND (current_due_date IS NULL OR current_due_date > ? OR (current_due_date = ? AND case_id > "
          "?))");
      params.push_back(DateOrNull(after->due));
      params.push_back(DateOrNull(after->due));
      params.push_back(Str(after->case_id));
    }
  }
  absl::StrAppend(&where, " ORDER BY current_due_date IS NULL, current_due_date, case_id LIMIT ?");
  params.push_back(Int(limit));
  return SelectCases(where, params, true);
}

absl::StatusOr<std::vector<Case>> MySqlComplaintsStore::CasesForPeriod(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  if (school_ids.empty()) return std::vector<Case>{};
  std::vector<SqlValue> params;
  for (const std::string& id : school_ids) params.push_back(Str(id));
  params.insert(params.end(), {DateOrNull(to), DateOrNull(from), DateOrNull(from),
                               TimeToSql(platform::AddDays(from, -1).EndInstant())});
  const std::string where = absl::StrCat(
      "WHERE school_id IN (", Placeholders(school_ids.size()),
      ") AND received_date <= ? AND (state IN (1, 2, 3) OR closed_date >= ? OR resolved_date >= ? OR "
      "rating_time >= ?)");
  ASSIGN_OR_RETURN(std::vector<Case> cases,
                   SelectCases(absl::StrCat(where, " ORDER BY school_id, case_id"), params, false));
  // Children by the same filter: a page of schools can have more cases
  // than a statement takes placeholders for their keys.
  RETURN_IF_ERROR(
      AttachChildren(cases, absl::StrCat("(SELECT school_id, case_id FROM cases ", where, ")"), params));
  return cases;
}

absl::StatusOr<std::vector<Case>> MySqlComplaintsStore::ListEscalated(
    const std::string& authority, const std::vector<std::string>& school_ids,
    const std::optional<EscalationCursor>& after, int limit) {
  if (school_ids.empty()) return std::vector<Case>{};
  std::string where = absl::StrCat("WHERE school_id IN (", Placeholders(school_ids.size()),
                                   ") AND state = 6 AND escalated_to = ?");
  std::vector<SqlValue> params;
  for (const std::string& id : school_ids) params.push_back(Str(id));
  params.push_back(Str(authority));
  if (after) {
    absl::StrAppend(&where, " AND (closed_date < ? OR (closed_date = ? AND (school_id, case_id) > (?, ?)))");
    params.push_back(DateOrNull(after->closed_date));
    params.push_back(DateOrNull(after->closed_date));
    params.push_back(Str(after->school_id));
    params.push_back(Str(after->case_id));
  }
  absl::StrAppend(&where, " ORDER BY closed_date DESC, school_id, case_id LIMIT ?");
  params.push_back(Int(limit));
  return SelectCases(where, params, true);
}

// ---- enrolment notices ----

namespace {

const std::string& NoticeColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "n.school_id, n.notice_id, n.school_year, n.intake, n.places, ", SqlDateColumn("n.registration_start"),
      ", ", SqlDateColumn("n.registration_end"),
      ", n.processing_days, n.documents_required, n.details, n.legal_basis, n.state, n.closing_reason, ",
      SqlTimeColumn("n.create_time"),
      ", (SELECT COUNT(*) FROM cases c WHERE c.school_id = n.school_id AND c.enrolment_notice = "
      "n.notice_id)"));
  return *kColumns;
}

absl::StatusOr<EnrolmentNotice> ReadNotice(const Row& row) {
  EnrolmentNotice n;
  n.school_id = row.Str(0);
  n.notice_id = row.Str(1);
  n.school_year = row.Str(2);
  n.intake = row.Str(3);
  ASSIGN_OR_RETURN(n.places, IntFromSql(row, 4, 0, 1000000));
  ASSIGN_OR_RETURN(n.registration_start, DateFromSql(row, 5));
  ASSIGN_OR_RETURN(n.registration_end, DateFromSql(row, 6));
  ASSIGN_OR_RETURN(n.processing_days, IntFromSql(row, 7, 0, 1000));
  for (absl::string_view line : absl::StrSplit(row.Str(8), '\n', absl::SkipEmpty())) {
    n.documents_required.emplace_back(line);
  }
  n.details = row.Str(9);
  n.legal_basis = row.Str(10);
  ASSIGN_OR_RETURN(n.state, EnumFromSql(row, 11, NoticeState::kClosed));
  n.closing_reason = row.Str(12);
  ASSIGN_OR_RETURN(n.create_time, TimeFromSql(row, 13));
  ASSIGN_OR_RETURN(n.registrations, IntFromSql(row, 14, 0, 100000000));
  return n;
}

}  // namespace

absl::Status MySqlComplaintsStore::InsertNotice(const EnrolmentNotice& n) {
  return db_
      .Execute(
          "INSERT INTO enrolment_notices (school_id, notice_id, school_year, intake, places, "
          "registration_start, "
          "registration_end, processing_days, documents_required, details, legal_basis, state, "
          "closing_reason, "
          "create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(n.school_id), Str(n.notice_id), Str(n.school_year), Str(n.intake), Int(n.places),
           DateOrNull(n.registration_start), DateOrNull(n.registration_end), Int(n.processing_days),
           Str(absl::StrJoin(n.documents_required, "\n")), Str(n.details), Str(n.legal_basis),
           EnumSql(n.state), Str(n.closing_reason), TimeToSql(n.create_time)})
      .status();
}

absl::StatusOr<EnrolmentNotice> MySqlComplaintsStore::GetNotice(const std::string& school_id,
                                                                const std::string& notice_id, Lock lock) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(absl::StrCat("SELECT ", NoticeColumns(),
                             " FROM enrolment_notices n WHERE n.school_id = ? AND n.notice_id = ?",
                             LockClause(lock)),
                {Str(school_id), Str(notice_id)}));
  if (rows.empty()) {
    return absl::NotFoundError(
        absl::StrCat("Không có thông báo tuyển sinh '", notice_id, "' (notice not found)"));
  }
  return ReadNotice(rows[0]);
}

absl::Status MySqlComplaintsStore::UpdateNotice(const EnrolmentNotice& n) {
  return db_
      .Execute(
          "UPDATE enrolment_notices SET state = ?, closing_reason = ? WHERE school_id = ? AND notice_id = ?",
          {EnumSql(n.state), Str(n.closing_reason), Str(n.school_id), Str(n.notice_id)})
      .status();
}

absl::StatusOr<std::vector<EnrolmentNotice>> MySqlComplaintsStore::ListNotices(
    const std::string& school_id, Date open_on, const std::optional<std::pair<Date, std::string>>& after,
    int limit) {
  std::string where = "WHERE n.school_id = ?";
  std::vector<SqlValue> params{Str(school_id)};
  if (open_on.IsSet()) {
    absl::StrAppend(&where, " AND n.state = 1 AND n.registration_start <= ? AND n.registration_end >= ?");
    params.push_back(DateOrNull(open_on));
    params.push_back(DateOrNull(open_on));
  }
  if (after) {
    absl::StrAppend(&where,
                    " AND (n.registration_start < ? OR (n.registration_start = ? AND n.notice_id > ?))");
    params.push_back(DateOrNull(after->first));
    params.push_back(DateOrNull(after->first));
    params.push_back(Str(after->second));
  }
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", NoticeColumns(), " FROM enrolment_notices n ", where,
                                          " ORDER BY n.registration_start DESC, n.notice_id LIMIT ?"),
                             params));
  std::vector<EnrolmentNotice> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(EnrolmentNotice n, ReadNotice(row));
    out.push_back(std::move(n));
  }
  return out;
}

absl::StatusOr<int> MySqlComplaintsStore::CountRegistrationsOf(const std::string& school_id,
                                                               const std::string& notice_id,
                                                               const Applicant& applicant) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query("SELECT COUNT(*) FROM cases WHERE school_id = ? AND enrolment_notice = ? AND "
                             "applicant_name_key = ? "
                             "AND applicant_birth_date = ? AND state NOT IN (5, 7)",
                             {Str(school_id), Str(notice_id),
                              Str(platform::Utf8Prefix(platform::FoldForSearch(applicant.full_name), 250)),
                              DateOrNull(applicant.birth_date)}));
  ASSIGN_OR_RETURN(int64_t count, IntFromSql(rows.at(0), 0));
  return static_cast<int>(count);
}

}  // namespace parhub::complaints
