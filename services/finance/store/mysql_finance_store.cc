// FinanceStore on MySQL/MariaDB: prepared statements over the schema in
// migrations/001_finance.sql, every statement scoped by school_id.
#include "services/finance/store/mysql_finance_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/db/sql_values.h"

namespace parhub::finance {
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

std::string LockClause(Lock lock) { return lock == Lock::kForUpdate ? " FOR UPDATE" : ""; }

absl::Status NotFound(absl::string_view what) {
  return absl::NotFoundError(absl::StrCat("Không tìm thấy ", what, " (not found)"));
}

// ---- pupils ----

const std::string& PupilColumns() {
  static const auto* const kColumns = new std::string(
      absl::StrCat("school_id, pupil_id, pupil_code, display_name, class_name, ", SqlDateColumn("birth_date"),
                   ", guardian_name, guardian_phone, guardian_email, status, ", SqlTimeColumn("create_time"),
                   ", slip_secret"));
  return *kColumns;
}

absl::StatusOr<PupilRecord> ReadPupil(const Row& row) {
  PupilRecord p;
  p.school_id = row.Str(0);
  p.pupil_id = row.Str(1);
  p.pupil.pupil_code = row.Str(2);
  p.pupil.full_name = row.Str(3);
  p.pupil.class_name = row.Str(4);
  ASSIGN_OR_RETURN(p.pupil.birth_date, DateFromSql(row, 5));
  p.pupil.guardian_name = row.Str(6);
  p.pupil.guardian_phone = row.Str(7);
  p.pupil.guardian_email = row.Str(8);
  ASSIGN_OR_RETURN(p.status, EnumFromSql(row, 9, PupilStatus::kLeft));
  ASSIGN_OR_RETURN(p.create_time, TimeFromSql(row, 10));
  p.slip_secret = row.Str(11);
  return p;
}

std::string FoldedName(const Pupil& p) {
  return platform::Utf8Prefix(platform::FoldForSearch(p.full_name), 200);
}

// ---- fee items ----

constexpr char kFeeItemColumns[] =
    "school_id, fee_item_id, code, display_name, amount, unit, school_year, legal_basis, mandatory, active, "
    "charge_kind";

absl::StatusOr<FeeItem> ReadFeeItem(const Row& row) {
  FeeItem f;
  f.school_id = row.Str(0);
  f.fee_item_id = row.Str(1);
  f.code = row.Str(2);
  f.display_name = row.Str(3);
  ASSIGN_OR_RETURN(f.amount, IntFromSql(row, 4));
  ASSIGN_OR_RETURN(f.unit, EnumFromSql(row, 5, FeeUnit::kOnce));
  f.school_year = row.Str(6);
  f.legal_basis = row.Str(7);
  ASSIGN_OR_RETURN(int mandatory, IntFromSql(row, 8, 0, 1));
  ASSIGN_OR_RETURN(int active, IntFromSql(row, 9, 0, 1));
  f.mandatory = mandatory == 1;
  f.active = active == 1;
  f.charge_kind = row.Str(10);
  return f;
}

std::vector<SqlValue> FeeItemValues(const FeeItem& f) {
  return {Str(f.code),
          Str(f.display_name),
          Int(f.amount),
          EnumSql(f.unit),
          Str(f.school_year),
          Str(f.legal_basis),
          Int(f.mandatory ? 1 : 0),
          Int(f.active ? 1 : 0),
          Str(f.charge_kind)};
}

// ---- invoices ----

const std::string& InvoiceColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, invoice_id, sequence, pupil_id, period, total, paid, ", SqlDateColumn("due_date"),
      ", payment_reference, bank_bin, account_number, state, cancel_reason, ", SqlTimeColumn("create_time"),
      ", ", SqlTimeColumn("update_time")));
  return *kColumns;
}

absl::StatusOr<Invoice> ReadInvoice(const Row& row) {
  Invoice i;
  i.school_id = row.Str(0);
  i.invoice_id = row.Str(1);
  ASSIGN_OR_RETURN(i.sequence, IntFromSql(row, 2));
  i.pupil_id = row.Str(3);
  i.period = row.Str(4);
  ASSIGN_OR_RETURN(i.total, IntFromSql(row, 5));
  ASSIGN_OR_RETURN(i.paid, IntFromSql(row, 6));
  ASSIGN_OR_RETURN(i.due_date, DateFromSql(row, 7));
  i.payment_reference = row.Str(8);
  i.paid_into.bank_bin = row.Str(9);
  i.paid_into.account_number = row.Str(10);
  ASSIGN_OR_RETURN(i.state, EnumFromSql(row, 11, InvoiceState::kCancelled));
  i.cancel_reason = row.Str(12);
  ASSIGN_OR_RETURN(i.create_time, TimeFromSql(row, 13));
  ASSIGN_OR_RETURN(i.update_time, TimeFromSql(row, 14));
  return i;
}

SqlValue OpenPeriod(const Invoice& i) {
  if (i.state == InvoiceState::kCancelled) return nullptr;
  return Str(i.period);
}

// ---- payments ----

const std::string& PaymentColumns() {
  static const auto* const kColumns = new std::string(
      absl::StrCat("school_id, payment_id, invoice_id, amount, method, ", SqlTimeColumn("paid_time"),
                   ", payer_name, COALESCE(bank_transaction_id, ''), statement_line_id, receipt_id, state, "
                   "reversal_reason, "
                   "transfer_id, reversal_transfer_id, recorded_by, ",
                   SqlTimeColumn("create_time"), ", credit_id"));
  return *kColumns;
}

absl::StatusOr<Payment> ReadPayment(const Row& row) {
  Payment p;
  p.school_id = row.Str(0);
  p.payment_id = row.Str(1);
  p.invoice_id = row.Str(2);
  ASSIGN_OR_RETURN(p.amount, IntFromSql(row, 3));
  ASSIGN_OR_RETURN(p.method, EnumFromSql(row, 4, PaymentMethod::kCredit));
  ASSIGN_OR_RETURN(p.paid_time, TimeFromSql(row, 5));
  p.payer_name = row.Str(6);
  p.bank_transaction_id = row.Str(7);
  p.statement_line_id = row.Str(8);
  p.receipt_id = row.Str(9);
  ASSIGN_OR_RETURN(p.state, EnumFromSql(row, 10, PaymentState::kReversed));
  p.reversal_reason = row.Str(11);
  p.transfer_id = row.Str(12);
  p.reversal_transfer_id = row.Str(13);
  p.recorded_by = row.Str(14);
  ASSIGN_OR_RETURN(p.create_time, TimeFromSql(row, 15));
  p.credit_id = row.Str(16);
  return p;
}

// ---- receipts ----

const std::string& ReceiptColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, receipt_id, year, sequence, payment_id, invoice_id, pupil_id, amount, payer_name, method, ",
      SqlTimeColumn("issue_time"), ", cancelled, template_symbol, series, issuer_name, tax_code"));
  return *kColumns;
}

absl::StatusOr<Receipt> ReadReceipt(const Row& row) {
  Receipt r;
  r.school_id = row.Str(0);
  r.receipt_id = row.Str(1);
  ASSIGN_OR_RETURN(r.year, IntFromSql(row, 2, 1900, 9999));
  ASSIGN_OR_RETURN(r.sequence, IntFromSql(row, 3));
  r.payment_id = row.Str(4);
  r.invoice_id = row.Str(5);
  r.pupil_id = row.Str(6);
  ASSIGN_OR_RETURN(r.amount, IntFromSql(row, 7));
  r.payer_name = row.Str(8);
  ASSIGN_OR_RETURN(r.method, EnumFromSql(row, 9, PaymentMethod::kCredit));
  ASSIGN_OR_RETURN(r.issue_time, TimeFromSql(row, 10));
  ASSIGN_OR_RETURN(int cancelled, IntFromSql(row, 11, 0, 1));
  r.cancelled = cancelled == 1;
  r.template_symbol = row.Str(12);
  r.series = row.Str(13);
  r.issuer_name = row.Str(14);
  r.tax_code = row.Str(15);
  return r;
}

// ---- statement lines and credits ----

const std::string& StatementLineColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, line_id, bank_transaction_id, ", SqlTimeColumn("booking_time"),
      ", amount, description, counterparty_name, counterparty_account, match_state, unmatched_reason, "
      "detected_reference, invoice_id, credited_amount, credit_id, resolved_by, resolution_note, ",
      SqlTimeColumn("create_time")));
  return *kColumns;
}

absl::StatusOr<StatementLine> ReadStatementLine(const Row& row) {
  StatementLine l;
  l.school_id = row.Str(0);
  l.line_id = row.Str(1);
  l.bank_transaction_id = row.Str(2);
  ASSIGN_OR_RETURN(l.booking_time, TimeFromSql(row, 3));
  ASSIGN_OR_RETURN(l.amount, IntFromSql(row, 4));
  l.description = row.Str(5);
  l.counterparty_name = row.Str(6);
  l.counterparty_account = row.Str(7);
  ASSIGN_OR_RETURN(l.match_state, EnumFromSql(row, 8, MatchState::kIgnored));
  ASSIGN_OR_RETURN(l.unmatched_reason, EnumFromSql(row, 9, UnmatchedReason::kDebit));
  l.detected_reference = row.Str(10);
  l.invoice_id = row.Str(11);
  ASSIGN_OR_RETURN(l.credited_amount, IntFromSql(row, 12));
  l.credit_id = row.Str(13);
  l.resolved_by = row.Str(14);
  l.resolution_note = row.Str(15);
  ASSIGN_OR_RETURN(l.create_time, TimeFromSql(row, 16));
  return l;
}

const std::string& CreditColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, credit_id, pupil_id, amount, remaining, statement_line_id, state, refund_notes, ",
      SqlTimeColumn("create_time")));
  return *kColumns;
}

absl::StatusOr<PayerCredit> ReadCredit(const Row& row) {
  PayerCredit c;
  c.school_id = row.Str(0);
  c.credit_id = row.Str(1);
  c.pupil_id = row.Str(2);
  ASSIGN_OR_RETURN(c.amount, IntFromSql(row, 3));
  ASSIGN_OR_RETURN(c.remaining, IntFromSql(row, 4));
  c.statement_line_id = row.Str(5);
  ASSIGN_OR_RETURN(c.state, EnumFromSql(row, 6, CreditState::kUsed));
  if (!row.Str(7).empty()) c.refund_notes = absl::StrSplit(row.Str(7), '\n');
  ASSIGN_OR_RETURN(c.create_time, TimeFromSql(row, 8));
  return c;
}

// ---- spending ----

const std::string& ExpenditureColumns() {
  static const auto* const kColumns = new std::string(absl::StrCat(
      "school_id, expenditure_id, ", SqlDateColumn("spend_date"),
      ", amount, method, payee, purpose, category, document_number, reversed, reversal_reason, transfer_id, "
      "reversal_transfer_id, ",
      SqlTimeColumn("create_time")));
  return *kColumns;
}

absl::StatusOr<Expenditure> ReadExpenditure(const Row& row) {
  Expenditure e;
  e.school_id = row.Str(0);
  e.expenditure_id = row.Str(1);
  ASSIGN_OR_RETURN(e.spend_date, DateFromSql(row, 2));
  ASSIGN_OR_RETURN(e.amount, IntFromSql(row, 3));
  ASSIGN_OR_RETURN(e.method, EnumFromSql(row, 4, PaymentMethod::kCredit));
  e.payee = row.Str(5);
  e.purpose = row.Str(6);
  e.category = row.Str(7);
  e.document_number = row.Str(8);
  ASSIGN_OR_RETURN(int reversed, IntFromSql(row, 9, 0, 1));
  e.reversed = reversed == 1;
  e.reversal_reason = row.Str(10);
  e.transfer_id = row.Str(11);
  e.reversal_transfer_id = row.Str(12);
  ASSIGN_OR_RETURN(e.create_time, TimeFromSql(row, 13));
  return e;
}

absl::StatusOr<std::vector<CodeAmount>> ReadCodeAmounts(const std::vector<Row>& rows) {
  std::vector<CodeAmount> out;
  for (const Row& row : rows) {
    CodeAmount c{.code = row.Str(0), .display_name = row.Str(1)};
    ASSIGN_OR_RETURN(c.amount, IntFromSql(row, 2));
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

absl::Status MySqlFinanceStore::Atomically(const std::function<absl::Status()>& fn) {
  return db_.InTransaction(fn);
}

absl::StatusOr<int64_t> MySqlFinanceStore::NextSequence(const std::string& school_id,
                                                        const std::string& counter) {
  return db_.InTransaction<int64_t>([&]() -> absl::StatusOr<int64_t> {
    // The upsert takes the row lock; the read sees this transaction's value.
    RETURN_IF_ERROR(db_.Execute("INSERT INTO finance_counters (school_id, counter, value) VALUES (?, ?, 1) "
                                "ON DUPLICATE KEY UPDATE value = value + 1",
                                {Str(school_id), Str(counter)})
                        .status());
    ASSIGN_OR_RETURN(std::vector<Row> rows,
                     db_.Query("SELECT value FROM finance_counters WHERE school_id = ? AND counter = ?",
                               {Str(school_id), Str(counter)}));
    if (rows.empty()) return absl::InternalError("counter row vanished");
    return IntFromSql(rows[0], 0);
  });
}

// ---- settings ----

absl::StatusOr<FinanceSettings> MySqlFinanceStore::GetSettings(const std::string& school_id) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(absl::StrCat("SELECT bank_bin, account_number, account_name, reference_prefix, "
                             "issuer_name, tax_code, receipt_template, receipt_series, school_level, "
                             "area_group, ",
                             SqlTimeColumn("update_time"), " FROM finance_settings WHERE school_id = ?"),
                {Str(school_id)}));
  if (rows.empty()) return NotFound("cài đặt tài chính");
  const Row& row = rows[0];
  FinanceSettings s;
  s.school_id = school_id;
  s.bank_bin = row.Str(0);
  s.account_number = row.Str(1);
  s.account_name = row.Str(2);
  s.reference_prefix = row.Str(3);
  s.issuer_name = row.Str(4);
  s.tax_code = row.Str(5);
  s.receipt_template = row.Str(6);
  s.receipt_series = row.Str(7);
  s.school_level = row.Str(8);
  ASSIGN_OR_RETURN(s.area_group, IntFromSql(row, 9, 0, 2));
  ASSIGN_OR_RETURN(s.update_time, TimeFromSql(row, 10));
  return s;
}

absl::Status MySqlFinanceStore::PutSettings(const FinanceSettings& s) {
  return db_
      .Execute(
          "INSERT INTO finance_settings (school_id, bank_bin, account_number, account_name, "
          "reference_prefix, "
          "issuer_name, tax_code, receipt_template, receipt_series, school_level, area_group, update_time) "
          "VALUES "
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE bank_bin = VALUES(bank_bin), "
          "account_number = VALUES(account_number), "
          "account_name = VALUES(account_name), reference_prefix = VALUES(reference_prefix), issuer_name = "
          "VALUES(issuer_name), tax_code = VALUES(tax_code), receipt_template = VALUES(receipt_template), "
          "receipt_series = VALUES(receipt_series), school_level = VALUES(school_level), area_group = "
          "VALUES(area_group), update_time = VALUES(update_time)",
          {Str(s.school_id), Str(s.bank_bin), Str(s.account_number), Str(s.account_name),
           Str(s.reference_prefix), Str(s.issuer_name), Str(s.tax_code), Str(s.receipt_template),
           Str(s.receipt_series), Str(s.school_level), Int(s.area_group), TimeToSql(s.update_time)})
      .status();
}

// ---- pupils ----

absl::Status MySqlFinanceStore::InsertPupil(const PupilRecord& p) {
  return db_
      .Execute(
          "INSERT INTO pupils (school_id, pupil_id, pupil_code, display_name, folded_name, class_name, "
          "birth_date, guardian_name, guardian_phone, guardian_email, status, create_time, slip_secret) "
          "VALUES "
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(p.school_id), Str(p.pupil_id), Str(p.pupil.pupil_code), Str(p.pupil.full_name),
           Str(FoldedName(p.pupil)), Str(p.pupil.class_name), DateOrNull(p.pupil.birth_date),
           Str(p.pupil.guardian_name), Str(p.pupil.guardian_phone), Str(p.pupil.guardian_email),
           EnumSql(p.status), TimeToSql(p.create_time), Str(p.slip_secret)})
      .status();
}

absl::Status MySqlFinanceStore::UpdatePupil(const PupilRecord& p) {
  return db_
      .Execute(
          "UPDATE pupils SET display_name = ?, folded_name = ?, class_name = ?, birth_date = ?, "
          "guardian_name = ?, guardian_phone = ?, guardian_email = ?, status = ?, slip_secret = ? WHERE "
          "school_id = ? AND pupil_id = ?",
          {Str(p.pupil.full_name), Str(FoldedName(p.pupil)), Str(p.pupil.class_name),
           DateOrNull(p.pupil.birth_date), Str(p.pupil.guardian_name), Str(p.pupil.guardian_phone),
           Str(p.pupil.guardian_email), EnumSql(p.status), Str(p.slip_secret), Str(p.school_id),
           Str(p.pupil_id)})
      .status();
}

absl::StatusOr<PupilRecord> MySqlFinanceStore::GetPupil(const std::string& school_id,
                                                        const std::string& pupil_id) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(absl::StrCat("SELECT ", PupilColumns(), " FROM pupils WHERE school_id = ? AND pupil_id = ?"),
                {Str(school_id), Str(pupil_id)}));
  if (rows.empty()) return NotFound("học sinh");
  return ReadPupil(rows[0]);
}

absl::StatusOr<std::optional<PupilRecord>> MySqlFinanceStore::FindPupilByCode(const std::string& school_id,
                                                                              const std::string& pupil_code) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", PupilColumns(),
                                          " FROM pupils WHERE school_id = ? AND pupil_code = ?"),
                             {Str(school_id), Str(pupil_code)}));
  if (rows.empty()) return std::optional<PupilRecord>();
  ASSIGN_OR_RETURN(PupilRecord p, ReadPupil(rows[0]));
  return std::optional<PupilRecord>(std::move(p));
}

absl::StatusOr<std::vector<PupilRecord>> MySqlFinanceStore::ListPupils(const std::string& school_id,
                                                                       const PupilQuery& query,
                                                                       const std::vector<std::string>& after,
                                                                       int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (!query.class_name.empty()) {
    where += " AND class_name = ?";
    params.push_back(Str(query.class_name));
  }
  if (!query.include_left) {
    where += " AND status = ?";
    params.push_back(EnumSql(PupilStatus::kEnrolled));
  }
  if (!query.query.empty()) {
    where += " AND (LOCATE(?, folded_name) > 0 OR LOCATE(?, LOWER(pupil_code)) > 0)";
    params.insert(params.end(), {Str(query.query), Str(query.query)});
  }
  if (after.size() == 3) {
    where += " AND (class_name, display_name, pupil_id) > (?, ?, ?)";
    params.insert(params.end(), {Str(after[0]), Str(after[1]), Str(after[2])});
  }
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", PupilColumns(), " FROM pupils ", where,
                                          " ORDER BY class_name, display_name, pupil_id LIMIT ?"),
                             params));
  std::vector<PupilRecord> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(PupilRecord p, ReadPupil(row));
    out.push_back(std::move(p));
  }
  return out;
}

// ---- fee items ----

absl::Status MySqlFinanceStore::InsertFeeItem(const FeeItem& f) {
  std::vector<SqlValue> values = {Str(f.school_id), Str(f.fee_item_id)};
  for (SqlValue& v : FeeItemValues(f)) values.push_back(std::move(v));
  return db_
      .Execute(absl::StrCat("INSERT INTO fee_items (", kFeeItemColumns, ") VALUES (",
                            Placeholders(values.size()), ")"),
               values)
      .status();
}

absl::Status MySqlFinanceStore::UpdateFeeItem(const FeeItem& f) {
  std::vector<SqlValue> values = FeeItemValues(f);
  values.push_back(Str(f.school_id));
  values.push_back(Str(f.fee_item_id));
  return db_
      .Execute(
          "UPDATE fee_items SET code = ?, display_name = ?, amount = ?, unit = ?, school_year = ?, "
          "legal_basis = ?, mandatory = ?, active = ?, charge_kind = ? WHERE school_id = ? AND fee_item_id = "
          "?",
          values)
      .status();
}

absl::StatusOr<FeeItem> MySqlFinanceStore::GetFeeItem(const std::string& school_id,
                                                      const std::string& fee_item_id) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", kFeeItemColumns,
                                          " FROM fee_items WHERE school_id = ? AND fee_item_id = ?"),
                             {Str(school_id), Str(fee_item_id)}));
  if (rows.empty()) return NotFound("khoản thu");
  return ReadFeeItem(rows[0]);
}

absl::StatusOr<std::vector<FeeItem>> MySqlFinanceStore::ListFeeItems(const std::string& school_id,
                                                                     const std::string& school_year,
                                                                     bool include_inactive,
                                                                     const std::string& after_id, int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (!school_year.empty()) {
    where += " AND school_year = ?";
    params.push_back(Str(school_year));
  }
  if (!include_inactive) where += " AND active = 1";
  if (!after_id.empty()) {
    where += " AND fee_item_id > ?";
    params.push_back(Str(after_id));
  }
  params.push_back(Int(limit));
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", kFeeItemColumns, " FROM fee_items ", where,
                                          " ORDER BY fee_item_id LIMIT ?"),
                             params));
  std::vector<FeeItem> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(FeeItem f, ReadFeeItem(row));
    out.push_back(std::move(f));
  }
  return out;
}

// ---- invoices ----

absl::Status MySqlFinanceStore::InsertInvoice(const Invoice& i) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(
        db_.Execute(
               "INSERT INTO invoices (school_id, invoice_id, sequence, pupil_id, period, open_period, total, "
               "paid, due_date, payment_reference, bank_bin, account_number, state, cancel_reason, "
               "create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {Str(i.school_id), Str(i.invoice_id), Int(i.sequence), Str(i.pupil_id), Str(i.period),
                OpenPeriod(i), Int(i.total), Int(i.paid), DateOrNull(i.due_date), Str(i.payment_reference),
                Str(i.paid_into.bank_bin), Str(i.paid_into.account_number), EnumSql(i.state),
                Str(i.cancel_reason), TimeToSql(i.create_time), TimeToSql(i.update_time)})
            .status());
    for (size_t n = 0; n < i.lines.size(); ++n) {
      const IssuedLine& l = i.lines[n];
      RETURN_IF_ERROR(
          db_.Execute(
                 "INSERT INTO invoice_lines (school_id, invoice_id, line_no, fee_item_id, "
                 "description, quantity, unit_amount, amount, legal_basis) VALUES (?, ?, ?, ?, "
                 "?, ?, ?, ?, ?)",
                 {Str(i.school_id), Str(i.invoice_id), Int(static_cast<int64_t>(n)), Str(l.fee_item_id),
                  Str(l.description), Int(l.quantity), Int(l.unit_amount), Int(l.amount), Str(l.legal_basis)})
              .status());
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<Invoice>> MySqlFinanceStore::SelectInvoices(const std::string& where,
                                                                       const std::vector<SqlValue>& params) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", InvoiceColumns(), " FROM invoices ", where), params));
  std::vector<Invoice> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Invoice i, ReadInvoice(row));
    out.push_back(std::move(i));
  }
  if (out.empty()) return out;
  // Lines of every invoice read, in one query.
  std::vector<SqlValue> line_params = {Str(out[0].school_id)};
  for (const Invoice& i : out) line_params.push_back(Str(i.invoice_id));
  ASSIGN_OR_RETURN(
      std::vector<Row> line_rows,
      db_.Query(absl::StrCat("SELECT invoice_id, fee_item_id, description, quantity, unit_amount, "
                             "amount, legal_basis FROM invoice_lines WHERE school_id = ? AND "
                             "invoice_id IN (",
                             Placeholders(out.size()), ") ORDER BY invoice_id, line_no"),
                line_params));
  std::map<std::string, std::vector<IssuedLine>> lines;
  for (const Row& row : line_rows) {
    IssuedLine l;
    l.fee_item_id = row.Str(1);
    l.description = row.Str(2);
    ASSIGN_OR_RETURN(l.quantity, IntFromSql(row, 3, 1, 1'000'000));
    ASSIGN_OR_RETURN(l.unit_amount, IntFromSql(row, 4));
    ASSIGN_OR_RETURN(l.amount, IntFromSql(row, 5));
    l.legal_basis = row.Str(6);
    lines[row.Str(0)].push_back(std::move(l));
  }
  for (Invoice& i : out) i.lines = std::move(lines[i.invoice_id]);
  return out;
}

absl::StatusOr<Invoice> MySqlFinanceStore::GetInvoice(const std::string& school_id,
                                                      const std::string& invoice_id, Lock lock) {
  ASSIGN_OR_RETURN(std::vector<Invoice> found,
                   SelectInvoices("WHERE school_id = ? AND invoice_id = ?" + LockClause(lock),
                                  {Str(school_id), Str(invoice_id)}));
  if (found.empty()) return NotFound("hóa đơn");
  return std::move(found[0]);
}

absl::StatusOr<std::optional<Invoice>> MySqlFinanceStore::FindInvoiceByReference(const std::string& school_id,
                                                                                 const std::string& reference,
                                                                                 Lock lock) {
  ASSIGN_OR_RETURN(std::vector<Invoice> found,
                   SelectInvoices("WHERE school_id = ? AND payment_reference = ?" + LockClause(lock),
                                  {Str(school_id), Str(reference)}));
  if (found.empty()) return std::optional<Invoice>();
  return std::optional<Invoice>(std::move(found[0]));
}

absl::Status MySqlFinanceStore::UpdateInvoiceState(const Invoice& i) {
  return db_
      .Execute(
          "UPDATE invoices SET paid = ?, state = ?, open_period = ?, cancel_reason = ?, update_time = ? "
          "WHERE school_id = ? AND invoice_id = ?",
          {Int(i.paid), EnumSql(i.state), OpenPeriod(i), Str(i.cancel_reason), TimeToSql(i.update_time),
           Str(i.school_id), Str(i.invoice_id)})
      .status();
}

absl::StatusOr<std::vector<Invoice>> MySqlFinanceStore::ListInvoices(const std::string& school_id,
                                                                     const InvoiceQuery& query,
                                                                     std::optional<int64_t> before_sequence,
                                                                     int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (!query.pupil_id.empty()) {
    where += " AND pupil_id = ?";
    params.push_back(Str(query.pupil_id));
  }
  if (!query.period.empty()) {
    where += " AND period = ?";
    params.push_back(Str(query.period));
  }
  if (!query.payment_reference.empty()) {
    where += " AND payment_reference = ?";
    params.push_back(Str(query.payment_reference));
  }
  AddInList(query.states, "state", where, params);
  if (query.overdue_on.has_value()) {
    where += " AND state IN (?, ?) AND due_date < ?";
    params.insert(params.end(), {EnumSql(InvoiceState::kIssued), EnumSql(InvoiceState::kPartiallyPaid),
                                 DateOrNull(*query.overdue_on)});
  }
  if (before_sequence.has_value()) {
    where += " AND sequence < ?";
    params.push_back(Int(*before_sequence));
  }
  params.push_back(Int(limit));
  return SelectInvoices(where + " ORDER BY sequence DESC LIMIT ?", params);
}

absl::StatusOr<std::vector<std::string>> MySqlFinanceStore::PupilsInvoicedFor(const std::string& school_id,
                                                                              const std::string& period) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query("SELECT pupil_id FROM invoices WHERE school_id = ? AND open_period = ?",
                             {Str(school_id), Str(period)}));
  std::vector<std::string> out;
  for (const Row& row : rows) out.push_back(row.Str(0));
  return out;
}

// ---- payments ----

absl::Status MySqlFinanceStore::InsertPayment(const Payment& p) {
  SqlValue transaction = p.bank_transaction_id.empty() ? SqlValue(nullptr) : Str(p.bank_transaction_id);
  return db_
      .Execute(
          "INSERT INTO payments (school_id, payment_id, invoice_id, amount, method, paid_time, payer_name, "
          "bank_transaction_id, statement_line_id, receipt_id, state, reversal_reason, transfer_id, "
          "reversal_transfer_id, recorded_by, create_time, credit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, "
          "?, ?, ?, ?, ?, ?)",
          {Str(p.school_id), Str(p.payment_id), Str(p.invoice_id), Int(p.amount), EnumSql(p.method),
           TimeToSql(p.paid_time), Str(p.payer_name), transaction, Str(p.statement_line_id),
           Str(p.receipt_id), EnumSql(p.state), Str(p.reversal_reason), Str(p.transfer_id),
           Str(p.reversal_transfer_id), Str(p.recorded_by), TimeToSql(p.create_time), Str(p.credit_id)})
      .status();
}

absl::StatusOr<std::vector<Payment>> MySqlFinanceStore::SelectPayments(const std::string& where,
                                                                       const std::vector<SqlValue>& params) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", PaymentColumns(), " FROM payments ", where), params));
  std::vector<Payment> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Payment p, ReadPayment(row));
    out.push_back(std::move(p));
  }
  return out;
}

absl::StatusOr<Payment> MySqlFinanceStore::GetPayment(const std::string& school_id,
                                                      const std::string& payment_id, Lock lock) {
  ASSIGN_OR_RETURN(std::vector<Payment> found,
                   SelectPayments("WHERE school_id = ? AND payment_id = ?" + LockClause(lock),
                                  {Str(school_id), Str(payment_id)}));
  if (found.empty()) return NotFound("khoản thanh toán");
  return std::move(found[0]);
}

absl::StatusOr<std::optional<Payment>> MySqlFinanceStore::FindPaymentByBankTransaction(
    const std::string& school_id, const std::string& transaction_id, const std::string& invoice_id) {
  ASSIGN_OR_RETURN(std::vector<Payment> found,
                   SelectPayments("WHERE school_id = ? AND bank_transaction_id = ? AND invoice_id = ?",
                                  {Str(school_id), Str(transaction_id), Str(invoice_id)}));
  if (found.empty()) return std::optional<Payment>();
  return std::optional<Payment>(std::move(found[0]));
}

absl::Status MySqlFinanceStore::UpdatePayment(const Payment& p) {
  return db_
      .Execute(
          "UPDATE payments SET state = ?, reversal_reason = ?, reversal_transfer_id = ?, receipt_id = ?, "
          "transfer_id = ? WHERE school_id = ? AND payment_id = ?",
          {EnumSql(p.state), Str(p.reversal_reason), Str(p.reversal_transfer_id), Str(p.receipt_id),
           Str(p.transfer_id), Str(p.school_id), Str(p.payment_id)})
      .status();
}

absl::StatusOr<std::vector<Payment>> MySqlFinanceStore::ListPayments(
    const std::string& school_id, const PaymentQuery& query,
    const std::optional<std::pair<absl::Time, std::string>>& before, int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (!query.invoice_id.empty()) {
    where += " AND invoice_id = ?";
    params.push_back(Str(query.invoice_id));
  }
  AddInList(query.methods, "method", where, params);
  if (query.start.has_value()) {
    where += " AND paid_time >= ?";
    params.push_back(TimeToSql(*query.start));
  }
  if (query.end.has_value()) {
    where += " AND paid_time < ?";
    params.push_back(TimeToSql(*query.end));
  }
  if (before.has_value()) {
    where += " AND (paid_time, payment_id) < (?, ?)";
    params.insert(params.end(), {TimeToSql(before->first), Str(before->second)});
  }
  params.push_back(Int(limit));
  return SelectPayments(where + " ORDER BY paid_time DESC, payment_id DESC LIMIT ?", params);
}

// ---- receipts ----

absl::Status MySqlFinanceStore::InsertReceipt(const Receipt& r) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(
        db_.Execute(
               "INSERT INTO receipts (school_id, receipt_id, year, sequence, payment_id, invoice_id, "
               "pupil_id, "
               "amount, payer_name, method, issue_time, cancelled, template_symbol, series, issuer_name, "
               "tax_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               {Str(r.school_id), Str(r.receipt_id), Int(r.year), Int(r.sequence), Str(r.payment_id),
                Str(r.invoice_id), Str(r.pupil_id), Int(r.amount), Str(r.payer_name), EnumSql(r.method),
                TimeToSql(r.issue_time), Int(r.cancelled ? 1 : 0), Str(r.template_symbol), Str(r.series),
                Str(r.issuer_name), Str(r.tax_code)})
            .status());
    for (size_t n = 0; n < r.items.size(); ++n) {
      const ReceiptItem& item = r.items[n];
      RETURN_IF_ERROR(
          db_.Execute("INSERT INTO receipt_items (school_id, receipt_id, item_no, description, period, "
                      "amount, fee_item_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      {Str(r.school_id), Str(r.receipt_id), Int(static_cast<int64_t>(n)),
                       Str(item.description), Str(item.period), Int(item.amount), Str(item.fee_item_id)})
              .status());
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<Receipt>> MySqlFinanceStore::ReceiptsOfInvoices(
    const std::string& school_id, const std::vector<std::string>& invoice_ids) {
  if (invoice_ids.empty()) return std::vector<Receipt>();
  std::vector<SqlValue> params = {Str(school_id)};
  for (const std::string& id : invoice_ids) params.push_back(Str(id));
  return SelectReceipts(absl::StrCat("WHERE school_id = ? AND invoice_id IN (",
                                     Placeholders(invoice_ids.size()), ") ORDER BY year, sequence"),
                        params);
}

absl::Status MySqlFinanceStore::CancelReceipt(const std::string& school_id, const std::string& receipt_id) {
  return db_
      .Execute("UPDATE receipts SET cancelled = 1 WHERE school_id = ? AND receipt_id = ?",
               {Str(school_id), Str(receipt_id)})
      .status();
}

absl::StatusOr<std::vector<Receipt>> MySqlFinanceStore::SelectReceipts(const std::string& where,
                                                                       const std::vector<SqlValue>& params) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT ", ReceiptColumns(), " FROM receipts ", where), params));
  std::vector<Receipt> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Receipt r, ReadReceipt(row));
    out.push_back(std::move(r));
  }
  if (out.empty()) return out;
  std::vector<SqlValue> item_params = {Str(out[0].school_id)};
  for (const Receipt& r : out) item_params.push_back(Str(r.receipt_id));
  ASSIGN_OR_RETURN(
      std::vector<Row> item_rows,
      db_.Query(absl::StrCat("SELECT receipt_id, description, period, amount, fee_item_id FROM receipt_items "
                             "WHERE school_id = ? AND receipt_id IN (",
                             Placeholders(out.size()), ") ORDER BY receipt_id, item_no"),
                item_params));
  std::map<std::string, std::vector<ReceiptItem>> items;
  for (const Row& row : item_rows) {
    ReceiptItem item;
    item.description = row.Str(1);
    item.period = row.Str(2);
    ASSIGN_OR_RETURN(item.amount, IntFromSql(row, 3));
    item.fee_item_id = row.Str(4);
    items[row.Str(0)].push_back(std::move(item));
  }
  for (Receipt& r : out) r.items = std::move(items[r.receipt_id]);
  return out;
}

absl::StatusOr<Receipt> MySqlFinanceStore::GetReceipt(const std::string& school_id,
                                                      const std::string& receipt_id) {
  ASSIGN_OR_RETURN(std::vector<Receipt> found, SelectReceipts("WHERE school_id = ? AND receipt_id = ?",
                                                              {Str(school_id), Str(receipt_id)}));
  if (found.empty()) return NotFound("biên lai");
  return std::move(found[0]);
}

absl::StatusOr<std::vector<Receipt>> MySqlFinanceStore::ListReceipts(
    const std::string& school_id, int year, std::optional<std::pair<int, int64_t>> after, int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (year != 0) {
    where += " AND year = ?";
    params.push_back(Int(year));
  }
  if (after.has_value()) {
    where += " AND (year, sequence) > (?, ?)";
    params.insert(params.end(), {Int(after->first), Int(after->second)});
  }
  params.push_back(Int(limit));
  return SelectReceipts(where + " ORDER BY year, sequence LIMIT ?", params);
}

// ---- statement lines ----

absl::Status MySqlFinanceStore::InsertStatementLine(const StatementLine& l) {
  return db_
      .Execute(
          "INSERT INTO statement_lines (school_id, line_id, bank_transaction_id, booking_time, amount, "
          "description, counterparty_name, counterparty_account, match_state, unmatched_reason, "
          "detected_reference, invoice_id, credited_amount, credit_id, resolved_by, resolution_note, "
          "create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(l.school_id), Str(l.line_id), Str(l.bank_transaction_id), TimeToSql(l.booking_time),
           Int(l.amount), Str(l.description), Str(l.counterparty_name), Str(l.counterparty_account),
           EnumSql(l.match_state), EnumSql(l.unmatched_reason), Str(l.detected_reference), Str(l.invoice_id),
           Int(l.credited_amount), Str(l.credit_id), Str(l.resolved_by), Str(l.resolution_note),
           TimeToSql(l.create_time)})
      .status();
}

absl::Status MySqlFinanceStore::UpdateStatementLine(const StatementLine& l) {
  return db_
      .Execute(
          "UPDATE statement_lines SET match_state = ?, unmatched_reason = ?, detected_reference = ?, "
          "invoice_id = ?, credited_amount = ?, credit_id = ?, resolved_by = ?, resolution_note = ? WHERE "
          "school_id = ? AND line_id = ?",
          {EnumSql(l.match_state), EnumSql(l.unmatched_reason), Str(l.detected_reference), Str(l.invoice_id),
           Int(l.credited_amount), Str(l.credit_id), Str(l.resolved_by), Str(l.resolution_note),
           Str(l.school_id), Str(l.line_id)})
      .status();
}

absl::StatusOr<std::vector<StatementLine>> MySqlFinanceStore::SelectStatementLines(
    const std::string& where, const std::vector<SqlValue>& params) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(absl::StrCat("SELECT ", StatementLineColumns(), " FROM statement_lines ", where), params));
  std::vector<StatementLine> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(StatementLine l, ReadStatementLine(row));
    out.push_back(std::move(l));
  }
  if (out.empty()) return out;
  std::vector<SqlValue> payment_params = {Str(out[0].school_id)};
  for (const StatementLine& l : out) payment_params.push_back(Str(l.line_id));
  ASSIGN_OR_RETURN(
      std::vector<Row> payments,
      db_.Query(absl::StrCat("SELECT statement_line_id, payment_id FROM payments WHERE school_id = ? "
                             "AND statement_line_id IN (",
                             Placeholders(out.size()), ") ORDER BY create_time, payment_id"),
                payment_params));
  std::map<std::string, std::vector<std::string>> by_line;
  for (const Row& row : payments) by_line[row.Str(0)].push_back(row.Str(1));
  for (StatementLine& l : out) l.payment_ids = std::move(by_line[l.line_id]);
  return out;
}

absl::StatusOr<StatementLine> MySqlFinanceStore::GetStatementLine(const std::string& school_id,
                                                                  const std::string& line_id, Lock lock) {
  ASSIGN_OR_RETURN(std::vector<StatementLine> found,
                   SelectStatementLines("WHERE school_id = ? AND line_id = ?" + LockClause(lock),
                                        {Str(school_id), Str(line_id)}));
  if (found.empty()) return NotFound("dòng sao kê");
  return std::move(found[0]);
}

absl::StatusOr<std::optional<StatementLine>> MySqlFinanceStore::FindStatementLine(
    const std::string& school_id, const std::string& transaction_id) {
  ASSIGN_OR_RETURN(std::vector<StatementLine> found,
                   SelectStatementLines("WHERE school_id = ? AND bank_transaction_id = ?",
                                        {Str(school_id), Str(transaction_id)}));
  if (found.empty()) return std::optional<StatementLine>();
  return std::optional<StatementLine>(std::move(found[0]));
}

absl::StatusOr<std::vector<std::string>> MySqlFinanceStore::RecordedTransactions(
    const std::string& school_id, const std::vector<std::string>& transaction_ids) {
  std::vector<std::string> out;
  constexpr size_t kChunk = 500;
  for (size_t from = 0; from < transaction_ids.size(); from += kChunk) {
    const size_t n = std::min(kChunk, transaction_ids.size() - from);
    std::vector<SqlValue> params = {Str(school_id)};
    for (size_t i = 0; i < n; ++i) params.push_back(Str(transaction_ids[from + i]));
    ASSIGN_OR_RETURN(
        std::vector<Row> rows,
        db_.Query(absl::StrCat("SELECT bank_transaction_id FROM statement_lines WHERE school_id = ? AND "
                               "bank_transaction_id IN (",
                               Placeholders(n), ")"),
                  params));
    for (const Row& row : rows) out.push_back(row.Str(0));
  }
  return out;
}

absl::StatusOr<std::vector<StatementLine>> MySqlFinanceStore::ListStatementLines(
    const std::string& school_id, const std::vector<MatchState>& states, std::optional<absl::Time> start,
    std::optional<absl::Time> end, const std::optional<std::pair<absl::Time, std::string>>& after,
    int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  AddInList(states, "match_state", where, params);
  if (start.has_value()) {
    where += " AND booking_time >= ?";
    params.push_back(TimeToSql(*start));
  }
  if (end.has_value()) {
    where += " AND booking_time < ?";
    params.push_back(TimeToSql(*end));
  }
  if (after.has_value()) {
    where += " AND (booking_time, line_id) > (?, ?)";
    params.insert(params.end(), {TimeToSql(after->first), Str(after->second)});
  }
  params.push_back(Int(limit));
  return SelectStatementLines(where + " ORDER BY booking_time, line_id LIMIT ?", params);
}

absl::StatusOr<std::vector<std::string>> MySqlFinanceStore::OpenReferences(const std::string& school_id) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query("SELECT payment_reference FROM invoices WHERE school_id = ? AND state IN (?, ?)",
                {Str(school_id), EnumSql(InvoiceState::kIssued), EnumSql(InvoiceState::kPartiallyPaid)}));
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const Row& row : rows) out.push_back(row.Str(0));
  return out;
}

absl::StatusOr<std::vector<Invoice>> MySqlFinanceStore::OpenInvoicesOf(const std::string& school_id,
                                                                       const std::string& pupil_id) {
  return SelectInvoices(
      "WHERE school_id = ? AND pupil_id = ? AND state IN (?, ?) ORDER BY sequence FOR UPDATE",
      {Str(school_id), Str(pupil_id), EnumSql(InvoiceState::kIssued), EnumSql(InvoiceState::kPartiallyPaid)});
}

// ---- payer credits ----

absl::Status MySqlFinanceStore::InsertCredit(const PayerCredit& c) {
  return db_
      .Execute(
          "INSERT INTO payer_credits (school_id, credit_id, pupil_id, amount, remaining, statement_line_id, "
          "state, refund_notes, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(c.school_id), Str(c.credit_id), Str(c.pupil_id), Int(c.amount), Int(c.remaining),
           Str(c.statement_line_id), EnumSql(c.state), Str(absl::StrJoin(c.refund_notes, "\n")),
           TimeToSql(c.create_time)})
      .status();
}

absl::Status MySqlFinanceStore::UpdateCredit(const PayerCredit& c) {
  return db_
      .Execute(
          "UPDATE payer_credits SET remaining = ?, state = ?, refund_notes = ? WHERE school_id = ? AND "
          "credit_id = ?",
          {Int(c.remaining), EnumSql(c.state), Str(absl::StrJoin(c.refund_notes, "\n")), Str(c.school_id),
           Str(c.credit_id)})
      .status();
}

absl::StatusOr<std::vector<PayerCredit>> MySqlFinanceStore::SelectCredits(
    const std::string& where, const std::vector<SqlValue>& params) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(absl::StrCat("SELECT ", CreditColumns(), " FROM payer_credits ", where), params));
  std::vector<PayerCredit> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(PayerCredit c, ReadCredit(row));
    out.push_back(std::move(c));
  }
  return out;
}

absl::StatusOr<PayerCredit> MySqlFinanceStore::GetCredit(const std::string& school_id,
                                                         const std::string& credit_id, Lock lock) {
  ASSIGN_OR_RETURN(std::vector<PayerCredit> found,
                   SelectCredits("WHERE school_id = ? AND credit_id = ?" + LockClause(lock),
                                 {Str(school_id), Str(credit_id)}));
  if (found.empty()) return NotFound("khoản tiền thừa");
  return std::move(found[0]);
}

absl::StatusOr<std::vector<PayerCredit>> MySqlFinanceStore::ListCredits(
    const std::string& school_id, const std::string& pupil_id, bool include_used,
    const std::optional<std::pair<absl::Time, std::string>>& after, int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (!pupil_id.empty()) {
    where += " AND pupil_id = ?";
    params.push_back(Str(pupil_id));
  }
  if (!include_used) {
    where += " AND state = ?";
    params.push_back(EnumSql(CreditState::kOpen));
  }
  if (after.has_value()) {
    where += " AND (create_time, credit_id) > (?, ?)";
    params.insert(params.end(), {TimeToSql(after->first), Str(after->second)});
  }
  params.push_back(Int(limit));
  return SelectCredits(where + " ORDER BY create_time, credit_id LIMIT ?", params);
}

// ---- meal absences ----

absl::Status MySqlFinanceStore::PutMealAbsence(const MealAbsence& a) {
  return db_
      .Execute(
          "INSERT INTO meal_absences (school_id, period, pupil_id, days, note, refunded_invoice_id, "
          "update_time) VALUES (?, ?, ?, ?, ?, NULL, ?) ON DUPLICATE KEY UPDATE days = VALUES(days), "
          "note = VALUES(note), update_time = VALUES(update_time)",
          {Str(a.school_id), Str(a.period), Str(a.pupil_id), Int(a.days), Str(a.note),
           TimeToSql(a.update_time)})
      .status();
}

absl::Status MySqlFinanceStore::DeleteMealAbsence(const std::string& school_id, const std::string& period,
                                                  const std::string& pupil_id) {
  return db_
      .Execute("DELETE FROM meal_absences WHERE school_id = ? AND period = ? AND pupil_id = ?",
               {Str(school_id), Str(period), Str(pupil_id)})
      .status();
}

absl::StatusOr<std::vector<MealAbsence>> MySqlFinanceStore::ListMealAbsences(
    const std::string& school_id, const std::string& period, bool unrefunded_only,
    const std::string& after_pupil_id, int limit, Lock lock) {
  std::string sql = absl::StrCat(
      "SELECT a.school_id, a.period, a.pupil_id, COALESCE(p.pupil_code, ''), a.days, a.note, "
      "COALESCE(a.refunded_invoice_id, ''), ",
      SqlTimeColumn("a.update_time"),
      " FROM meal_absences a LEFT JOIN pupils p ON p.school_id = a.school_id AND p.pupil_id = a.pupil_id "
      "WHERE a.school_id = ? AND a.period = ? AND a.pupil_id > ?");
  if (unrefunded_only) sql += " AND a.refunded_invoice_id IS NULL";
  sql += " ORDER BY a.pupil_id LIMIT ?" + LockClause(lock);
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(sql, {Str(school_id), Str(period), Str(after_pupil_id), Int(limit)}));
  std::vector<MealAbsence> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    MealAbsence a;
    a.school_id = row.Str(0);
    a.period = row.Str(1);
    a.pupil_id = row.Str(2);
    a.pupil_code = row.Str(3);
    ASSIGN_OR_RETURN(int64_t days, IntFromSql(row, 4));
    a.days = static_cast<int>(days);
    a.note = row.Str(5);
    a.refunded_invoice_id = row.Str(6);
    ASSIGN_OR_RETURN(a.update_time, TimeFromSql(row, 7));
    out.push_back(std::move(a));
  }
  return out;
}

absl::Status MySqlFinanceStore::MarkMealAbsenceRefunded(const std::string& school_id,
                                                        const std::string& period,
                                                        const std::string& pupil_id,
                                                        const std::string& invoice_id) {
  return db_
      .Execute(
          "UPDATE meal_absences SET refunded_invoice_id = ? WHERE school_id = ? AND period = ? AND pupil_id "
          "= ?",
          {Str(invoice_id), Str(school_id), Str(period), Str(pupil_id)})
      .status();
}

absl::Status MySqlFinanceStore::ReleaseMealAbsences(const std::string& school_id,
                                                    const std::string& invoice_id) {
  return db_
      .Execute(
          "UPDATE meal_absences SET refunded_invoice_id = NULL WHERE school_id = ? AND refunded_invoice_id = "
          "?",
          {Str(school_id), Str(invoice_id)})
      .status();
}

// ---- spending ----

absl::Status MySqlFinanceStore::InsertExpenditure(const Expenditure& e) {
  return db_
      .Execute(
          "INSERT INTO expenditures (school_id, expenditure_id, spend_date, amount, method, payee, purpose, "
          "category, document_number, reversed, reversal_reason, transfer_id, reversal_transfer_id, "
          "create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {Str(e.school_id), Str(e.expenditure_id), DateOrNull(e.spend_date), Int(e.amount),
           EnumSql(e.method), Str(e.payee), Str(e.purpose), Str(e.category), Str(e.document_number),
           Int(e.reversed ? 1 : 0), Str(e.reversal_reason), Str(e.transfer_id), Str(e.reversal_transfer_id),
           TimeToSql(e.create_time)})
      .status();
}

absl::Status MySqlFinanceStore::UpdateExpenditure(const Expenditure& e) {
  return db_
      .Execute(
          "UPDATE expenditures SET reversed = ?, reversal_reason = ?, reversal_transfer_id = ? WHERE "
          "school_id = ? AND expenditure_id = ?",
          {Int(e.reversed ? 1 : 0), Str(e.reversal_reason), Str(e.reversal_transfer_id), Str(e.school_id),
           Str(e.expenditure_id)})
      .status();
}

absl::StatusOr<std::vector<Expenditure>> MySqlFinanceStore::SelectExpenditures(
    const std::string& where, const std::vector<SqlValue>& params) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(absl::StrCat("SELECT ", ExpenditureColumns(), " FROM expenditures ", where), params));
  std::vector<Expenditure> out;
  for (const Row& row : rows) {
    ASSIGN_OR_RETURN(Expenditure e, ReadExpenditure(row));
    out.push_back(std::move(e));
  }
  return out;
}

absl::StatusOr<Expenditure> MySqlFinanceStore::GetExpenditure(const std::string& school_id,
                                                              const std::string& expenditure_id, Lock lock) {
  ASSIGN_OR_RETURN(std::vector<Expenditure> found,
                   SelectExpenditures("WHERE school_id = ? AND expenditure_id = ?" + LockClause(lock),
                                      {Str(school_id), Str(expenditure_id)}));
  if (found.empty()) return NotFound("khoản chi");
  return std::move(found[0]);
}

absl::StatusOr<std::vector<Expenditure>> MySqlFinanceStore::ListExpenditures(
    const std::string& school_id, Date from, Date to, const std::string& category,
    const std::optional<std::pair<Date, std::string>>& before, int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (from.IsSet()) {
    where += " AND spend_date >= ?";
    params.push_back(DateOrNull(from));
  }
  if (to.IsSet()) {
    where += " AND spend_date <= ?";
    params.push_back(DateOrNull(to));
  }
  if (!category.empty()) {
    where += " AND category = ?";
    params.push_back(Str(category));
  }
  if (before.has_value()) {
    where += " AND (spend_date, expenditure_id) < (?, ?)";
    params.insert(params.end(), {DateOrNull(before->first), Str(before->second)});
  }
  params.push_back(Int(limit));
  return SelectExpenditures(where + " ORDER BY spend_date DESC, expenditure_id DESC LIMIT ?", params);
}

// ---- reports ----

std::pair<std::string, std::string> MySqlFinanceStore::DaySpan(Date from, Date to) {
  return {TimeToSql(platform::StartOfDay(from)), TimeToSql(platform::StartOfDay(platform::AddDays(to, 1)))};
}

absl::StatusOr<std::vector<CodeAmount>> MySqlFinanceStore::CollectedByFeeItem(const std::string& school_id,
                                                                              Date from, Date to) {
  const auto [start, end] = DaySpan(from, to);
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query(
          "SELECT COALESCE(f.code, ''), COALESCE(f.display_name, 'Khoản thu khác'), "
          "CAST(SUM(ri.amount) AS SIGNED) FROM receipt_items ri JOIN receipts r ON r.school_id = "
          "ri.school_id "
          "AND r.receipt_id = ri.receipt_id LEFT JOIN fee_items f ON f.school_id = ri.school_id AND "
          "f.fee_item_id = ri.fee_item_id WHERE ri.school_id = ? AND r.cancelled = 0 AND r.issue_time >= ? "
          "AND r.issue_time < ? GROUP BY 1, 2 ORDER BY 1",
          {Str(school_id), start, end}));
  return ReadCodeAmounts(rows);
}

absl::StatusOr<std::vector<CodeAmount>> MySqlFinanceStore::SpentByCategory(const std::string& school_id,
                                                                           Date from, Date to) {
  ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      db_.Query("SELECT category, category, CAST(SUM(amount) AS SIGNED) FROM expenditures WHERE "
                "school_id = ? AND reversed = 0 AND spend_date >= ? AND spend_date <= ? GROUP BY "
                "category ORDER BY category",
                {Str(school_id), DateOrNull(from), DateOrNull(to)}));
  return ReadCodeAmounts(rows);
}

absl::Status MySqlFinanceStore::PutDisclosure(const Disclosure& d) {
  if (!d.publish_time.has_value()) return absl::InternalError("a disclosure is stored only once published");
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(db_.Execute("DELETE FROM disclosure_lines WHERE school_id = ? AND school_year = ?",
                                {Str(d.school_id), Str(d.school_year)})
                        .status());
    RETURN_IF_ERROR(
        db_.Execute("REPLACE INTO disclosures (school_id, school_year, publish_time, "
                    "cashless_share_amount, spending_cashless_share_amount) VALUES (?, ?, ?, ?, ?)",
                    {Str(d.school_id), Str(d.school_year), TimeToSql(*d.publish_time),
                     d.cashless_share_amount, d.spending_cashless_share_amount})
            .status());
    auto insert = [&](int kind, int n, const std::string& code, const std::string& name, int64_t amount,
                      const FeeItem* item) {
      return db_
          .Execute(
              "INSERT INTO disclosure_lines (school_id, school_year, kind, line_no, code, display_name, "
              "amount, "
              "unit, legal_basis, mandatory, charge_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {Str(d.school_id), Str(d.school_year), Int(kind), Int(n), Str(code), Str(name), Int(amount),
               item ? EnumSql(item->unit) : Int(0), Str(item ? item->legal_basis : ""),
               Int(item && item->mandatory ? 1 : 0), Str(item ? item->charge_kind : "")})
          .status();
    };
    for (size_t n = 0; n < d.fee_items.size(); ++n) {
      const FeeItem& f = d.fee_items[n];
      RETURN_IF_ERROR(insert(1, static_cast<int>(n), f.code, f.display_name, f.amount, &f));
    }
    for (size_t n = 0; n < d.collected.size(); ++n) {
      RETURN_IF_ERROR(insert(2, static_cast<int>(n), d.collected[n].code, d.collected[n].display_name,
                             d.collected[n].amount, nullptr));
    }
    for (size_t n = 0; n < d.spent.size(); ++n) {
      RETURN_IF_ERROR(insert(3, static_cast<int>(n), d.spent[n].code, d.spent[n].display_name,
                             d.spent[n].amount, nullptr));
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::optional<Disclosure>> MySqlFinanceStore::GetDisclosure(const std::string& school_id,
                                                                           const std::string& school_year) {
  ASSIGN_OR_RETURN(
      std::vector<Row> head,
      db_.Query(absl::StrCat("SELECT ", SqlTimeColumn("publish_time"),
                             ", cashless_share_amount, spending_cashless_share_amount FROM disclosures "
                             "WHERE school_id = ? AND school_year = ?"),
                {Str(school_id), Str(school_year)}));
  if (head.empty()) return std::optional<Disclosure>();
  Disclosure d{.school_id = school_id, .school_year = school_year};
  ASSIGN_OR_RETURN(d.publish_time, TimeFromSql(head[0], 0));
  if (!absl::SimpleAtod(head[0].Str(1), &d.cashless_share_amount) ||
      !absl::SimpleAtod(head[0].Str(2), &d.spending_cashless_share_amount)) {
    return absl::InternalError("disclosure shares are not numbers");
  }
  ASSIGN_OR_RETURN(
      std::vector<Row> lines,
      db_.Query("SELECT kind, code, display_name, amount, unit, legal_basis, mandatory, charge_kind FROM "
                "disclosure_lines WHERE school_id = ? AND school_year = ? ORDER BY kind, line_no",
                {Str(school_id), Str(school_year)}));
  for (const Row& row : lines) {
    ASSIGN_OR_RETURN(int kind, IntFromSql(row, 0, 1, 3));
    ASSIGN_OR_RETURN(int64_t amount, IntFromSql(row, 3));
    if (kind == 1) {
      FeeItem f{.school_id = school_id, .code = row.Str(1), .display_name = row.Str(2), .amount = amount};
      ASSIGN_OR_RETURN(f.unit, EnumFromSql(row, 4, FeeUnit::kOnce));
      f.school_year = school_year;
      f.legal_basis = row.Str(5);
      ASSIGN_OR_RETURN(int mandatory, IntFromSql(row, 6, 0, 1));
      f.mandatory = mandatory == 1;
      f.charge_kind = row.Str(7);
      d.fee_items.push_back(std::move(f));
    } else {
      (kind == 2 ? d.collected : d.spent).push_back({row.Str(1), row.Str(2), amount});
    }
  }
  return std::optional<Disclosure>(std::move(d));
}

// ---- ledger ----

absl::Status MySqlFinanceStore::InsertTransfer(const LedgerTransfer& t) {
  return db_.InTransaction([&]() -> absl::Status {
    RETURN_IF_ERROR(db_.Execute("INSERT INTO ledger_transfers (school_id, transfer_id, post_time, source, "
                                "description, reverses) VALUES (?, ?, ?, ?, ?, ?)",
                                {Str(t.school_id), Str(t.transfer_id), TimeToSql(t.post_time), Str(t.source),
                                 Str(t.description), Str(t.reverses)})
                        .status());
    for (size_t n = 0; n < t.entries.size(); ++n) {
      const LedgerEntry& e = t.entries[n];
      RETURN_IF_ERROR(
          db_.Execute("INSERT INTO ledger_entries (school_id, transfer_id, leg, account, debit, credit, "
                      "post_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      {Str(t.school_id), Str(t.transfer_id), Int(static_cast<int64_t>(n)), Str(e.account),
                       Int(e.debit), Int(e.credit), TimeToSql(t.post_time)})
              .status());
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<LedgerTransfer>> MySqlFinanceStore::SelectTransfers(
    const std::string& where, const std::vector<SqlValue>& params) {
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT school_id, transfer_id, ", SqlTimeColumn("post_time"),
                                          ", source, description, reverses FROM ledger_transfers ", where),
                             params));
  std::vector<LedgerTransfer> out;
  for (const Row& row : rows) {
    LedgerTransfer t;
    t.school_id = row.Str(0);
    t.transfer_id = row.Str(1);
    ASSIGN_OR_RETURN(t.post_time, TimeFromSql(row, 2));
    t.source = row.Str(3);
    t.description = row.Str(4);
    t.reverses = row.Str(5);
    out.push_back(std::move(t));
  }
  if (out.empty()) return out;
  std::vector<SqlValue> entry_params = {Str(out[0].school_id)};
  for (const LedgerTransfer& t : out) entry_params.push_back(Str(t.transfer_id));
  ASSIGN_OR_RETURN(
      std::vector<Row> entry_rows,
      db_.Query(absl::StrCat("SELECT transfer_id, account, debit, credit FROM ledger_entries WHERE "
                             "school_id = ? AND transfer_id IN (",
                             Placeholders(out.size()), ") ORDER BY transfer_id, leg"),
                entry_params));
  std::map<std::string, std::vector<LedgerEntry>> entries;
  for (const Row& row : entry_rows) {
    LedgerEntry e;
    e.account = row.Str(1);
    ASSIGN_OR_RETURN(e.debit, IntFromSql(row, 2));
    ASSIGN_OR_RETURN(e.credit, IntFromSql(row, 3));
    entries[row.Str(0)].push_back(std::move(e));
  }
  for (LedgerTransfer& t : out) t.entries = std::move(entries[t.transfer_id]);
  return out;
}

absl::StatusOr<LedgerTransfer> MySqlFinanceStore::GetTransfer(const std::string& school_id,
                                                              const std::string& transfer_id) {
  ASSIGN_OR_RETURN(
      std::vector<LedgerTransfer> found,
      SelectTransfers("WHERE school_id = ? AND transfer_id = ?", {Str(school_id), Str(transfer_id)}));
  if (found.empty()) return NotFound("bút toán");
  return std::move(found[0]);
}

absl::StatusOr<std::vector<AccountTotals>> MySqlFinanceStore::SumAccounts(const std::string& school_id,
                                                                          std::optional<absl::Time> as_of) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (as_of.has_value()) {
    where += " AND post_time < ?";
    params.push_back(TimeToSql(*as_of));
  }
  ASSIGN_OR_RETURN(std::vector<Row> rows,
                   db_.Query(absl::StrCat("SELECT account, CAST(COALESCE(SUM(debit), 0) AS SIGNED), "
                                          "CAST(COALESCE(SUM(credit), 0) AS SIGNED) FROM ledger_entries ",
                                          where, " GROUP BY account ORDER BY account"),
                             params));
  std::vector<AccountTotals> out;
  for (const Row& row : rows) {
    AccountTotals t;
    t.account = row.Str(0);
    ASSIGN_OR_RETURN(t.debit, IntFromSql(row, 1));
    ASSIGN_OR_RETURN(t.credit, IntFromSql(row, 2));
    out.push_back(std::move(t));
  }
  return out;
}

absl::StatusOr<std::vector<LedgerTransfer>> MySqlFinanceStore::ListTransfers(
    const std::string& school_id, const std::string& account, std::optional<absl::Time> start,
    std::optional<absl::Time> end, const std::optional<std::pair<absl::Time, std::string>>& after,
    int limit) {
  std::string where = "WHERE school_id = ?";
  std::vector<SqlValue> params = {Str(school_id)};
  if (!account.empty()) {
    where +=
        " AND transfer_id IN (SELECT transfer_id FROM ledger_entries WHERE school_id = ? AND account = ?)";
    params.insert(params.end(), {Str(school_id), Str(account)});
  }
  if (start.has_value()) {
    where += " AND post_time >= ?";
    params.push_back(TimeToSql(*start));
  }
  if (end.has_value()) {
    where += " AND post_time < ?";
    params.push_back(TimeToSql(*end));
  }
  if (after.has_value()) {
    where += " AND (post_time, transfer_id) > (?, ?)";
    params.insert(params.end(), {TimeToSql(after->first), Str(after->second)});
  }
  params.push_back(Int(limit));
  return SelectTransfers(where + " ORDER BY post_time, transfer_id LIMIT ?", params);
}

}  // namespace parhub::finance
