// FinanceStore on MySQL/MariaDB: what summaries, disclosures and ledger
// checks read — money facts over a span of days, published disclosures and
// ledger facts — each query grouped by school for any number of schools, so
// one school's summary and a roll-up of thousands read alike.
#include <functional>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "platform/core/status_macros.h"
#include "platform/db/sql_values.h"
#include "services/finance/store/mysql_finance_store.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::DateOrNull;
using ::parhub::platform::EnumSql;
using ::parhub::platform::Int;
using ::parhub::platform::IntFromSql;
using ::parhub::platform::Placeholders;
using ::parhub::platform::Row;
using ::parhub::platform::SqlValue;
using ::parhub::platform::Str;
using ::parhub::platform::WithStrs;

// " IN (?, …)" for the school ids.
std::string InSchools(const std::vector<std::string>& school_ids) {
  return absl::StrCat(" IN (", Placeholders(school_ids.size()), ")");
}

// Each school's list, cut to its first 100 rows by the second column:
// `inner` selects school_id and that column.
std::string First100PerSchool(const std::string& inner) {
  return absl::StrCat(
      "SELECT school_id, id FROM (SELECT school_id, id, ROW_NUMBER() OVER (PARTITION BY school_id ORDER BY "
      "id) AS n FROM (",
      inner, ") listed) numbered WHERE n <= 100 ORDER BY school_id, id");
}

}  // namespace

absl::StatusOr<std::map<std::string, MoneyFacts>> MySqlFinanceStore::ReadMoneyFacts(
    const std::vector<std::string>& school_ids, Date from, Date to) {
  std::map<std::string, MoneyFacts> out;
  if (school_ids.empty()) return out;
  const auto [start, end] = DaySpan(from, to);
  const SqlValue open1 = EnumSql(InvoiceState::kIssued), open2 = EnumSql(InvoiceState::kPartiallyPaid);
  const SqlValue cancelled = EnumSql(InvoiceState::kCancelled), cash = EnumSql(PaymentMethod::kCash);
  const SqlValue recorded = EnumSql(PaymentState::kRecorded), reversed = EnumSql(PaymentState::kReversed);
  // Runs `head` + " school_id IN (…) GROUP BY school_id" and hands each
  // school's numbers (the columns after school_id) to `take`.
  auto grouped =
      [&](const std::string& head, std::vector<SqlValue> params, size_t columns,
          const std::function<void(MoneyFacts&, const std::vector<int64_t>&)>& take) -> absl::Status {
    ASSIGN_OR_RETURN(std::vector<Row> rows,
                     db_.Query(absl::StrCat(head, " school_id", InSchools(school_ids), " GROUP BY school_id"),
                               WithStrs(std::move(params), school_ids)));
    for (const Row& row : rows) {
      std::vector<int64_t> values(columns);
      for (size_t i = 0; i < columns; ++i) {
        ASSIGN_OR_RETURN(values[i], IntFromSql(row, static_cast<int>(i) + 1));
      }
      take(out[row.Str(0)], values);
    }
    return absl::OkStatus();
  };
  RETURN_IF_ERROR(
      grouped("SELECT school_id, COUNT(*), CAST(COALESCE(SUM(total), 0) AS SIGNED) FROM invoices WHERE state "
              "<> ? AND "
              "create_time >= ? AND create_time < ? AND",
              {cancelled, start, end}, 2, [](MoneyFacts& f, const std::vector<int64_t>& v) {
                f.invoice_count = static_cast<int>(v[0]);
                f.invoiced_amount = v[1];
              }));
  RETURN_IF_ERROR(grouped(
      "SELECT school_id, COUNT(*), CAST(COALESCE(SUM(amount), 0) AS SIGNED), CAST(COALESCE(SUM(method <> ?), "
      "0) AS SIGNED), CAST(COALESCE(SUM(CASE WHEN method <> ? THEN amount ELSE 0 END), 0) AS SIGNED) FROM "
      "payments WHERE state = ? AND paid_time >= ? AND paid_time < ? AND",
      {cash, cash, recorded, start, end}, 4, [](MoneyFacts& f, const std::vector<int64_t>& v) {
        f.collected_count = static_cast<int>(v[0]);
        f.collected_amount = v[1];
        f.cashless_collected_count = static_cast<int>(v[2]);
        f.cashless_collected_amount = v[3];
      }));
  RETURN_IF_ERROR(grouped(
      "SELECT school_id, COUNT(*), CAST(COALESCE(SUM(amount), 0) AS SIGNED), CAST(COALESCE(SUM(method <> ?), "
      "0) AS SIGNED), CAST(COALESCE(SUM(CASE WHEN method <> ? THEN amount ELSE 0 END), 0) AS SIGNED) FROM "
      "expenditures WHERE reversed = 0 AND spend_date >= ? AND spend_date <= ? AND",
      {cash, cash, DateOrNull(from), DateOrNull(to)}, 4, [](MoneyFacts& f, const std::vector<int64_t>& v) {
        f.spent_count = static_cast<int>(v[0]);
        f.spent_amount = v[1];
        f.cashless_spent_count = static_cast<int>(v[2]);
        f.cashless_spent_amount = v[3];
      }));
  RETURN_IF_ERROR(grouped(
      "SELECT school_id, CAST(COALESCE(SUM(total - paid), 0) AS SIGNED), CAST(COALESCE(SUM(CASE WHEN "
      "due_date < ? THEN total - paid ELSE 0 END), 0) AS SIGNED) FROM invoices WHERE state IN (?, ?) AND "
      "create_time < ? AND",
      {DateOrNull(to), open1, open2, end}, 2, [](MoneyFacts& f, const std::vector<int64_t>& v) {
        f.outstanding_receivables = v[0];
        f.overdue_receivables = v[1];
      }));
  RETURN_IF_ERROR(grouped(
      "SELECT school_id, CAST(COALESCE(SUM(total), 0) AS SIGNED), CAST(COALESCE(SUM(paid), 0) AS SIGNED) "
      "FROM invoices WHERE state <> ? AND due_date >= ? AND due_date <= ? AND",
      {cancelled, DateOrNull(from), DateOrNull(to)}, 2, [](MoneyFacts& f, const std::vector<int64_t>& v) {
        f.due_total = v[0];
        f.due_paid = v[1];
      }));
  RETURN_IF_ERROR(grouped("SELECT school_id, COUNT(*) FROM statement_lines WHERE match_state = ? AND",
                          {EnumSql(MatchState::kUnmatched)}, 1,
                          [](MoneyFacts& f, const std::vector<int64_t>& v) {
                            f.unmatched_statement_lines = static_cast<int>(v[0]);
                          }));
  RETURN_IF_ERROR(grouped(
      "SELECT school_id, COUNT(*) FROM payments WHERE state = ? AND paid_time >= ? AND paid_time < ? AND",
      {reversed, start, end}, 1,
      [](MoneyFacts& f, const std::vector<int64_t>& v) { f.reversed_payments = static_cast<int>(v[0]); }));
  RETURN_IF_ERROR(grouped(
      "SELECT school_id, COUNT(*) FROM receipts WHERE issue_time >= ? AND issue_time < ? AND", {start, end},
      1, [](MoneyFacts& f, const std::vector<int64_t>& v) { f.receipts_issued = static_cast<int>(v[0]); }));
  return out;
}

absl::StatusOr<std::set<std::string>> MySqlFinanceStore::PublishedDisclosures(
    const std::vector<std::string>& school_ids, const std::string& school_year) {
  std::set<std::string> out;
  if (school_ids.empty()) return out;
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(absl::StrCat("SELECT school_id FROM disclosures WHERE school_year = ? AND school_id",
                             InSchools(school_ids)),
                WithStrs({Str(school_year)}, school_ids)));
  for (const Row& row : rows) out.insert(row.Str(0));
  return out;
}

absl::StatusOr<std::map<std::string, LedgerFacts>> MySqlFinanceStore::ReadLedgerFacts(
    const std::vector<std::string>& school_ids) {
  std::map<std::string, LedgerFacts> out;
  if (school_ids.empty()) return out;
  const std::string in = InSchools(school_ids);
  ASSIGN_OR_RETURN(
      std::vector<Row> totals,
      db_.Query(absl::StrCat("SELECT school_id, CAST(COALESCE(SUM(debit), 0) AS SIGNED), "
                             "CAST(COALESCE(SUM(credit), 0) AS SIGNED) FROM ledger_entries WHERE school_id",
                             in, " GROUP BY school_id"),
                WithStrs({}, school_ids)));
  for (const Row& row : totals) {
    LedgerFacts& facts = out[row.Str(0)];
    ASSIGN_OR_RETURN(facts.total_debits, IntFromSql(row, 1));
    ASSIGN_OR_RETURN(facts.total_credits, IntFromSql(row, 2));
  }
  ASSIGN_OR_RETURN(std::vector<Row> unbalanced,
                   db_.Query(First100PerSchool(
                                 absl::StrCat("SELECT school_id, transfer_id AS id FROM ledger_entries WHERE "
                                              "school_id",
                                              in,
                                              " GROUP BY school_id, transfer_id HAVING SUM(debit) <> "
                                              "SUM(credit)")),
                             WithStrs({}, school_ids)));
  for (const Row& row : unbalanced) out[row.Str(0)].unbalanced_transfers.push_back(row.Str(1));
  ASSIGN_OR_RETURN(
      std::vector<Row> inconsistent,
      db_.Query(First100PerSchool(absl::StrCat(
                    "SELECT i.school_id, i.invoice_id AS id FROM invoices i LEFT JOIN (SELECT school_id, "
                    "invoice_id, SUM(amount) AS s FROM payments WHERE state = ? AND school_id",
                    in,
                    " GROUP BY school_id, invoice_id) p ON p.school_id = i.school_id AND p.invoice_id = "
                    "i.invoice_id WHERE i.school_id",
                    in, " AND i.paid <> COALESCE(p.s, 0)")),
                WithStrs(WithStrs({EnumSql(PaymentState::kRecorded)}, school_ids), school_ids)));
  for (const Row& row : inconsistent) out[row.Str(0)].inconsistent_invoices.push_back(row.Str(1));
  ASSIGN_OR_RETURN(
      std::vector<Row> suspense,
      db_.Query(absl::StrCat("SELECT school_id, CAST(COALESCE(SUM(credit) - SUM(debit), 0) AS SIGNED) "
                             "FROM ledger_entries WHERE account = ? AND school_id",
                             in, " GROUP BY school_id"),
                WithStrs({Str(kSuspenseAccount)}, school_ids)));
  for (const Row& row : suspense) {
    ASSIGN_OR_RETURN(out[row.Str(0)].suspense_balance, IntFromSql(row, 1));
  }
  ASSIGN_OR_RETURN(
      std::vector<Row> credits,
      db_.Query(absl::StrCat("SELECT school_id, CAST(COALESCE(SUM(remaining), 0) AS SIGNED) FROM "
                             "payer_credits WHERE school_id",
                             in, " GROUP BY school_id"),
                WithStrs({}, school_ids)));
  for (const Row& row : credits) {
    ASSIGN_OR_RETURN(out[row.Str(0)].credits_remaining, IntFromSql(row, 1));
  }
  ASSIGN_OR_RETURN(
      std::vector<Row> years,
      db_.Query(absl::StrCat("SELECT school_id, year, COUNT(*), MAX(sequence), MIN(sequence) FROM receipts "
                             "WHERE school_id",
                             in, " GROUP BY school_id, year ORDER BY school_id, year"),
                WithStrs({}, school_ids)));
  // Receipt numbers are read one by one only for the years with a gap.
  std::map<std::pair<std::string, int>, LedgerFacts::YearSequence*> gappy;
  std::set<std::string> gappy_schools;
  std::set<int> gappy_years;
  for (const Row& row : years) {
    LedgerFacts::YearSequence y;
    ASSIGN_OR_RETURN(y.year, IntFromSql(row, 1, 1900, 9999));
    ASSIGN_OR_RETURN(y.count, IntFromSql(row, 2));
    ASSIGN_OR_RETURN(y.max_sequence, IntFromSql(row, 3));
    ASSIGN_OR_RETURN(int64_t min_sequence, IntFromSql(row, 4));
    const bool gap = y.count != y.max_sequence || min_sequence != 1;
    std::vector<LedgerFacts::YearSequence>& school_years = out[row.Str(0)].receipt_years;
    school_years.push_back(std::move(y));
    if (gap) {
      gappy[{row.Str(0), school_years.back().year}] = nullptr;
      gappy_schools.insert(row.Str(0));
      gappy_years.insert(school_years.back().year);
    }
  }
  if (gappy.empty()) return out;
  for (auto& [key, year] : gappy) {
    for (LedgerFacts::YearSequence& y : out[key.first].receipt_years) {
      if (y.year == key.second) year = &y;
    }
  }
  std::vector<SqlValue> params;
  for (const std::string& school : gappy_schools) params.push_back(Str(school));
  for (int year : gappy_years) params.push_back(Int(year));
  ASSIGN_OR_RETURN(
      std::vector<Row> sequences,
      db_.Query(absl::StrCat("SELECT school_id, year, sequence FROM receipts WHERE school_id IN (",
                             Placeholders(gappy_schools.size()), ") AND year IN (",
                             Placeholders(gappy_years.size()), ") ORDER BY school_id, year, sequence"),
                params));
  for (const Row& row : sequences) {
    ASSIGN_OR_RETURN(int year, IntFromSql(row, 1, 1900, 9999));
    auto it = gappy.find({row.Str(0), year});
    if (it == gappy.end()) continue;  // a year without gaps of a school with some
    ASSIGN_OR_RETURN(int64_t n, IntFromSql(row, 2));
    it->second->sequences.push_back(n);
  }
  return out;
}

}  // namespace parhub::finance
