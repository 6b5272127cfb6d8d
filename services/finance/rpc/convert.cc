// Proto ↔ domain conversions of the finance service (convert.h).
#include "services/finance/rpc/convert.h"

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/proto_values.h"
#include "services/finance/domain/amount_in_words.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::CheckUpdateMask;
using ::parhub::platform::DateFromProto;
using ::parhub::platform::DateToProto;
using ::parhub::platform::MaskHas;
using ::parhub::platform::TimeFromProto;
using ::parhub::platform::TimeToProto;

std::string Child(const std::string& school_id, absl::string_view collection, const std::string& id) {
  return absl::StrCat("schools/", school_id, "/", collection, "/", id);
}

}  // namespace

std::string PupilName(const std::string& s, const std::string& id) { return Child(s, "pupils", id); }
std::string FeeItemName(const std::string& s, const std::string& id) { return Child(s, "feeItems", id); }
std::string InvoiceName(const std::string& s, const std::string& id) { return Child(s, "invoices", id); }
std::string PaymentName(const std::string& s, const std::string& id) { return Child(s, "payments", id); }
std::string ReceiptName(const std::string& s, const std::string& id) { return Child(s, "receipts", id); }
std::string TransferName(const std::string& s, const std::string& id) {
  return Child(s, "ledgerTransfers", id);
}

absl::StatusOr<std::string> ChildId(absl::string_view pattern, const std::string& name,
                                    const std::string& school_id, absl::string_view field) {
  ASSIGN_OR_RETURN(std::vector<std::string> ids, platform::ParseName(pattern, name, field));
  if (ids[0] != school_id) {
    return platform::InvalidField(field,
                                  "phải thuộc cùng trường với yêu cầu (must belong to the same school)");
  }
  return ids[1];
}

// ---- settings ----

pb::FinanceSettings SettingsToProto(const FinanceSettings& s) {
  pb::FinanceSettings out;
  out.set_name(absl::StrCat("schools/", s.school_id, "/financeSettings"));
  out.set_bank_bin(s.bank_bin);
  out.set_account_number(s.account_number);
  out.set_account_name(s.account_name);
  out.set_reference_prefix(s.reference_prefix);
  out.set_issuer_name(s.issuer_name);
  out.set_tax_code(s.tax_code);
  out.set_receipt_template(s.receipt_template);
  out.set_receipt_series(s.receipt_series);
  out.set_school_level(s.school_level);
  out.set_area_group(s.area_group);
  if (s.update_time != absl::Time()) *out.mutable_update_time() = TimeToProto(s.update_time);
  return out;
}

absl::StatusOr<SettingsPatch> SettingsPatchFromProto(const pb::FinanceSettings& p,
                                                     const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(CheckUpdateMask(
      mask, {"bank_bin", "account_number", "account_name", "reference_prefix", "issuer_name", "tax_code",
             "receipt_template", "receipt_series", "school_level", "area_group"}));
  SettingsPatch patch;
  if (MaskHas(mask, "bank_bin")) patch.bank_bin = p.bank_bin();
  if (MaskHas(mask, "account_number")) patch.account_number = p.account_number();
  if (MaskHas(mask, "account_name")) patch.account_name = p.account_name();
  if (MaskHas(mask, "reference_prefix")) patch.reference_prefix = p.reference_prefix();
  if (MaskHas(mask, "issuer_name")) patch.issuer_name = p.issuer_name();
  if (MaskHas(mask, "tax_code")) patch.tax_code = p.tax_code();
  if (MaskHas(mask, "receipt_template")) patch.receipt_template = p.receipt_template();
  if (MaskHas(mask, "receipt_series")) patch.receipt_series = p.receipt_series();
  if (MaskHas(mask, "school_level")) patch.school_level = p.school_level();
  if (MaskHas(mask, "area_group")) patch.area_group = p.area_group();
  return patch;
}

// ---- pupils ----

pb::Pupil PupilToProto(const PupilRecord& p, bool with_guardian) {
  pb::Pupil out;
  out.set_name(PupilName(p.school_id, p.pupil_id));
  out.set_pupil_code(p.pupil.pupil_code);
  out.set_display_name(p.pupil.full_name);
  out.set_class_name(p.pupil.class_name);
  out.set_status(static_cast<pb::PupilStatus>(p.status));
  *out.mutable_create_time() = TimeToProto(p.create_time);
  if (with_guardian) {
    out.set_guardian_name(p.pupil.guardian_name);
    out.set_guardian_phone(p.pupil.guardian_phone);
    out.set_guardian_email(p.pupil.guardian_email);
    if (p.pupil.birth_date.IsSet()) *out.mutable_birth_date() = DateToProto(p.pupil.birth_date);
    out.set_slip_secret(p.slip_secret);
  }
  return out;
}

absl::StatusOr<Pupil> PupilFromProto(const pb::Pupil& p) {
  Pupil out;
  out.pupil_code = p.pupil_code();
  out.full_name = p.display_name();
  out.class_name = p.class_name();
  out.guardian_name = p.guardian_name();
  out.guardian_phone = p.guardian_phone();
  out.guardian_email = p.guardian_email();
  ASSIGN_OR_RETURN(out.birth_date, DateFromProto(p.birth_date(), "pupil.birth_date"));
  return out;
}

absl::StatusOr<PupilPatch> PupilPatchFromProto(const pb::Pupil& p, const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(CheckUpdateMask(mask, {"display_name", "class_name", "guardian_name", "guardian_phone",
                                         "guardian_email", "status", "slip_secret"}));
  PupilPatch patch;
  if (MaskHas(mask, "display_name")) patch.full_name = p.display_name();
  if (MaskHas(mask, "class_name")) patch.class_name = p.class_name();
  if (MaskHas(mask, "guardian_name")) patch.guardian_name = p.guardian_name();
  if (MaskHas(mask, "guardian_phone")) patch.guardian_phone = p.guardian_phone();
  if (MaskHas(mask, "guardian_email")) patch.guardian_email = p.guardian_email();
  patch.new_slip_secret = MaskHas(mask, "slip_secret");  // the value sent is ignored: a new one is drawn
  if (MaskHas(mask, "status")) {
    if (!pb::PupilStatus_IsValid(p.status())) return platform::UnknownEnumValue("pupil.status", p.status());
    patch.status = static_cast<PupilStatus>(p.status());
  }
  return patch;
}

pb::ImportPupilsResponse ClassListImportToProto(const ClassListImport& r) {
  pb::ImportPupilsResponse out;
  out.set_created_count(r.created);
  out.set_updated_count(r.updated);
  out.set_unchanged_count(r.unchanged);
  out.set_applied(r.applied);
  for (const platform::RowError& e : r.errors) {
    pb::StatementLineError* pe = out.add_errors();
    pe->set_line(e.row);
    pe->set_column(e.column);
    pe->set_message(e.message);
  }
  return out;
}

// ---- fee items ----

pb::FeeItem FeeItemToProto(const FeeItem& f) {
  pb::FeeItem out;
  out.set_name(FeeItemName(f.school_id, f.fee_item_id));
  out.set_code(f.code);
  out.set_display_name(f.display_name);
  out.set_amount(f.amount);
  out.set_unit(static_cast<pb::FeeUnit>(f.unit));
  out.set_school_year(f.school_year);
  out.set_legal_basis(f.legal_basis);
  out.set_mandatory(f.mandatory);
  out.set_active(f.active);
  out.set_charge_kind(f.charge_kind);
  return out;
}

absl::StatusOr<FeeItem> FeeItemFromProto(const pb::FeeItem& p) {
  if (!pb::FeeUnit_IsValid(p.unit())) return platform::UnknownEnumValue("fee_item.unit", p.unit());
  FeeItem out;
  out.code = p.code();
  out.display_name = p.display_name();
  out.amount = p.amount();
  out.unit = static_cast<FeeUnit>(p.unit());
  out.school_year = p.school_year();
  out.legal_basis = p.legal_basis();
  out.mandatory = p.mandatory();
  out.active = true;  // a new item is usable; UpdateFeeItem retires it
  out.charge_kind = p.charge_kind();
  return out;
}

absl::StatusOr<FeeItemPatch> FeeItemPatchFromProto(const pb::FeeItem& p,
                                                   const google::protobuf::FieldMask& mask) {
  RETURN_IF_ERROR(CheckUpdateMask(mask, {"display_name", "amount", "legal_basis", "mandatory", "active"}));
  FeeItemPatch patch;
  if (MaskHas(mask, "display_name")) patch.display_name = p.display_name();
  if (MaskHas(mask, "amount")) patch.amount = p.amount();
  if (MaskHas(mask, "legal_basis")) patch.legal_basis = p.legal_basis();
  if (MaskHas(mask, "mandatory")) patch.mandatory = p.mandatory();
  if (MaskHas(mask, "active")) patch.active = p.active();
  return patch;
}

// ---- invoices ----

pb::Invoice InvoiceToProto(const Invoice& i, const std::string& vietqr_payload, bool overdue) {
  pb::Invoice out;
  out.set_name(InvoiceName(i.school_id, i.invoice_id));
  out.set_pupil(PupilName(i.school_id, i.pupil_id));
  out.set_period(i.period);
  for (const IssuedLine& l : i.lines) {
    pb::InvoiceLine* pl = out.add_lines();
    if (!l.fee_item_id.empty()) pl->set_fee_item(FeeItemName(i.school_id, l.fee_item_id));
    pl->set_description(l.description);
    pl->set_quantity(l.quantity);
    pl->set_unit_amount(l.unit_amount);
    pl->set_amount(l.amount);
    pl->set_legal_basis(l.legal_basis);
  }
  out.set_total_amount(i.total);
  out.set_paid_amount(i.paid);
  out.set_balance(i.balance());
  *out.mutable_due_date() = DateToProto(i.due_date);
  out.set_payment_reference(i.payment_reference);
  out.set_vietqr_payload(vietqr_payload);
  out.set_state(static_cast<pb::InvoiceState>(i.state));
  out.set_overdue(overdue);
  out.set_cancel_reason(i.cancel_reason);
  *out.mutable_create_time() = TimeToProto(i.create_time);
  *out.mutable_update_time() = TimeToProto(i.update_time);
  return out;
}

absl::StatusOr<InvoiceDraft> InvoiceDraftFromProto(const pb::Invoice& p, const std::string& school_id) {
  InvoiceDraft draft;
  if (p.pupil().empty()) return platform::InvalidField("invoice.pupil", "cần học sinh (pupil required)");
  ASSIGN_OR_RETURN(draft.pupil_id,
                   ChildId("schools/{school}/pupils/{pupil}", p.pupil(), school_id, "invoice.pupil"));
  draft.period = p.period();
  ASSIGN_OR_RETURN(draft.due_date, DateFromProto(p.due_date(), "invoice.due_date"));
  for (int i = 0; i < p.lines_size(); ++i) {
    const pb::InvoiceLine& pl = p.lines(i);
    DraftLine line;
    if (!pl.fee_item().empty()) {
      ASSIGN_OR_RETURN(line.fee_item_id, ChildId("schools/{school}/feeItems/{fee_item}", pl.fee_item(),
                                                 school_id, absl::StrCat("invoice.lines[", i, "].fee_item")));
    }
    line.description = pl.description();
    line.quantity = pl.quantity() == 0 ? 1 : pl.quantity();
    line.unit_amount = pl.unit_amount();
    line.legal_basis = pl.legal_basis();
    draft.lines.push_back(std::move(line));
  }
  return draft;
}

// ---- payments and receipts ----

pb::Payment PaymentToProto(const Payment& p) {
  pb::Payment out;
  out.set_name(PaymentName(p.school_id, p.payment_id));
  out.set_invoice(InvoiceName(p.school_id, p.invoice_id));
  out.set_amount(p.amount);
  out.set_method(static_cast<pb::PaymentMethod>(p.method));
  *out.mutable_paid_time() = TimeToProto(p.paid_time);
  out.set_payer_name(p.payer_name);
  out.set_bank_transaction_id(p.bank_transaction_id);
  if (!p.statement_line_id.empty()) {
    out.set_statement_line(absl::StrCat("schools/", p.school_id, "/statementLines/", p.statement_line_id));
  }
  if (!p.credit_id.empty()) out.set_payer_credit(Child(p.school_id, "payerCredits", p.credit_id));
  out.set_receipt(ReceiptName(p.school_id, p.receipt_id));
  out.set_state(static_cast<pb::PaymentState>(p.state));
  out.set_reversal_reason(p.reversal_reason);
  out.set_ledger_transfer(TransferName(p.school_id, p.transfer_id));
  if (!p.reversal_transfer_id.empty())
    out.set_reversal_transfer(TransferName(p.school_id, p.reversal_transfer_id));
  out.set_recorded_by(p.recorded_by);
  *out.mutable_create_time() = TimeToProto(p.create_time);
  return out;
}

absl::StatusOr<PaymentDraft> PaymentDraftFromProto(const pb::Payment& p, const std::string& school_id) {
  PaymentDraft d;
  if (p.invoice().empty()) return platform::InvalidField("payment.invoice", "cần hóa đơn (invoice required)");
  ASSIGN_OR_RETURN(d.invoice_id,
                   ChildId("schools/{school}/invoices/{invoice}", p.invoice(), school_id, "payment.invoice"));
  d.amount = p.amount();
  if (!pb::PaymentMethod_IsValid(p.method())) return platform::UnknownEnumValue("payment.method", p.method());
  d.method = static_cast<PaymentMethod>(p.method());
  if (p.has_paid_time()) d.paid_time = TimeFromProto(p.paid_time());
  d.payer_name = p.payer_name();
  d.bank_transaction_id = p.bank_transaction_id();
  return d;
}

pb::Receipt ReceiptToProto(const Receipt& r) {
  pb::Receipt out;
  out.set_name(ReceiptName(r.school_id, r.receipt_id));
  out.set_number(r.Number());
  out.set_payment(PaymentName(r.school_id, r.payment_id));
  out.set_amount(r.amount);
  // A receipt's amount is 1..10^13 - 1 đồng, inside what AmountInWords reads.
  out.set_amount_in_words(AmountInWords(r.amount).value_or(""));
  out.set_payer_name(r.payer_name);
  out.set_pupil(PupilName(r.school_id, r.pupil_id));
  out.set_method(static_cast<pb::PaymentMethod>(r.method));
  *out.mutable_issue_time() = TimeToProto(r.issue_time);
  out.set_cancelled(r.cancelled);
  out.set_template_symbol(r.template_symbol);
  out.set_series(r.series);
  out.set_invoice(InvoiceName(r.school_id, r.invoice_id));
  for (const ReceiptItem& item : r.items) {
    pb::ReceiptItem* pi = out.add_items();
    pi->set_description(item.description);
    pi->set_period(item.period);
    pi->set_amount(item.amount);
  }
  out.set_issuer_name(r.issuer_name);
  out.set_tax_code(r.tax_code);
  return out;
}

// ---- reconciliation ----

pb::BankStatementLine StatementLineToProto(const StatementLine& l) {
  pb::BankStatementLine out;
  out.set_name(Child(l.school_id, "statementLines", l.line_id));
  out.set_bank_transaction_id(l.bank_transaction_id);
  *out.mutable_booking_time() = TimeToProto(l.booking_time);
  out.set_amount(l.amount);
  out.set_description(l.description);
  out.set_counterparty_name(l.counterparty_name);
  out.set_counterparty_account(l.counterparty_account);
  out.set_match_state(static_cast<pb::MatchState>(l.match_state));
  out.set_unmatched_reason(static_cast<pb::UnmatchedReason>(l.unmatched_reason));
  out.set_detected_reference(l.detected_reference);
  if (!l.invoice_id.empty()) out.set_invoice(InvoiceName(l.school_id, l.invoice_id));
  if (!l.payment_ids.empty()) out.set_payment(PaymentName(l.school_id, l.payment_ids.front()));
  for (const std::string& id : l.payment_ids) out.add_payments(PaymentName(l.school_id, id));
  out.set_credited_amount(l.credited_amount);
  if (!l.credit_id.empty()) out.set_payer_credit(Child(l.school_id, "payerCredits", l.credit_id));
  out.set_resolved_by(l.resolved_by);
  out.set_resolution_note(l.resolution_note);
  *out.mutable_create_time() = TimeToProto(l.create_time);
  return out;
}

absl::StatusOr<StatementEntry> StatementEntryFromProto(const pb::BankStatementLine& p) {
  StatementEntry e;
  e.transaction_id = p.bank_transaction_id();
  if (p.has_booking_time()) e.booking_time = TimeFromProto(p.booking_time());
  e.amount = p.amount();
  e.description = p.description();
  e.counterparty_name = p.counterparty_name();
  e.counterparty_account = p.counterparty_account();
  return e;
}

absl::StatusOr<ColumnMapping> MappingForFormat(pb::StatementFormat format,
                                               const pb::StatementColumnMapping& m) {
  switch (format) {
    case pb::STATEMENT_FORMAT_GENERIC_CSV:
      return GenericCsvMapping();
    case pb::STATEMENT_FORMAT_MAPPED_CSV:
    case pb::STATEMENT_FORMAT_MAPPED_XLSX: {
      ColumnMapping out{.transaction_id = m.transaction_id(),
                        .booking_time = m.booking_time(),
                        .amount = m.amount(),
                        .credit = m.credit(),
                        .debit = m.debit(),
                        .description = m.description(),
                        .counterparty_name = m.counterparty_name(),
                        .counterparty_account = m.counterparty_account(),
                        .header_line = m.header_line() == 0 ? 1 : m.header_line(),
                        .file = format == pb::STATEMENT_FORMAT_MAPPED_XLSX ? StatementFileKind::kXlsx
                                                                           : StatementFileKind::kCsv};
      if (m.date_order() == "ymd") {
        out.date_order = DateOrder::kYearMonthDay;
      } else if (!m.date_order().empty() && m.date_order() != "dmy") {
        return platform::InvalidField("column_mapping.date_order", "dmy hoặc ymd");
      }
      if (out.header_line < 1 || out.header_line > 100) {
        return platform::InvalidField("column_mapping.header_line", "dòng tiêu đề từ 1 đến 100");
      }
      return out;
    }
    case pb::STATEMENT_FORMAT_VCB_CSV:
    case pb::STATEMENT_FORMAT_BIDV_CSV:
    case pb::STATEMENT_FORMAT_VIETINBANK_CSV:
      return platform::InvalidField(
          "format",
          "chưa có mẫu sao kê đã kiểm chứng của ngân hàng này; dùng STATEMENT_FORMAT_MAPPED_CSV và khai báo "
          "cột "
          "(this bank's layout is not verified yet: use MAPPED_CSV with a column mapping)");
    default:
      return platform::UnknownEnumValue("format", format);
  }
}

pb::BankStatementImport StatementImportToProto(const std::string& school_id, const StatementImport& r) {
  pb::BankStatementImport out;
  out.set_name(Child(school_id, "statementImports", absl::StrCat(absl::ToUnixMicros(r.time))));
  out.set_line_count(r.line_count);
  out.set_matched_count(r.matched);
  out.set_unmatched_count(r.unmatched);
  out.set_duplicate_count(r.duplicates);
  for (const platform::RowError& e : r.errors) {
    pb::StatementLineError* pe = out.add_errors();
    pe->set_line(e.row);
    pe->set_column(e.column);
    pe->set_message(e.message);
  }
  for (const StatementLine& l : r.new_lines) *out.add_lines() = StatementLineToProto(l);
  *out.mutable_create_time() = TimeToProto(r.time);
  out.set_applied(r.applied);
  return out;
}

pb::PayerCredit CreditToProto(const PayerCredit& c) {
  pb::PayerCredit out;
  out.set_name(Child(c.school_id, "payerCredits", c.credit_id));
  out.set_pupil(PupilName(c.school_id, c.pupil_id));
  out.set_amount(c.amount);
  out.set_remaining(c.remaining);
  if (!c.statement_line_id.empty())
    out.set_statement_line(Child(c.school_id, "statementLines", c.statement_line_id));
  out.set_state(static_cast<pb::CreditState>(c.state));
  *out.mutable_create_time() = TimeToProto(c.create_time);
  for (const std::string& n : c.refund_notes) out.add_refund_notes(n);
  return out;
}

pb::MealAbsence MealAbsenceToProto(const MealAbsence& a) {
  pb::MealAbsence out;
  out.set_pupil(PupilName(a.school_id, a.pupil_id));
  out.set_pupil_code(a.pupil_code);
  out.set_period(a.period);
  out.set_days(a.days);
  out.set_note(a.note);
  if (!a.refunded_invoice_id.empty()) out.set_refunded_on(InvoiceName(a.school_id, a.refunded_invoice_id));
  if (a.update_time != absl::Time()) *out.mutable_update_time() = TimeToProto(a.update_time);
  return out;
}

// ---- families ----

pb::FamilyAccount FamilyAccountToProto(const std::string& school_id, const FamilyAccount& a,
                                       const InvoiceDesk& invoices) {
  pb::FamilyAccount out;
  out.set_school("schools/" + school_id);
  out.set_pupil_code(a.pupil.pupil.pupil_code);
  out.set_display_name(a.pupil.pupil.full_name);
  out.set_class_name(a.pupil.pupil.class_name);
  for (const Invoice& i : a.invoices) {
    *out.add_invoices() = InvoiceToProto(i, invoices.QrOf(i, a.settings), invoices.Overdue(i));
  }
  for (const Receipt& r : a.receipts) {
    pb::Receipt* receipt = out.add_receipts();
    *receipt = ReceiptToProto(r);
    if (auto code = a.feedback_codes.find(r.receipt_id); code != a.feedback_codes.end()) {
      parhub::common::v1::FeedbackInvitation* feedback = receipt->mutable_feedback();
      feedback->set_school(out.school());
      feedback->set_touchpoint(parhub::common::v1::FEEDBACK_TOUCHPOINT_PAYMENT_RECEIPTED);
      feedback->set_subject(receipt->number());
      feedback->set_code(code->second);
    }
  }
  out.set_balance(a.balance);
  return out;
}

// ---- spending and reports ----

pb::Expenditure ExpenditureToProto(const Expenditure& e) {
  pb::Expenditure out;
  out.set_name(Child(e.school_id, "expenditures", e.expenditure_id));
  *out.mutable_spend_date() = DateToProto(e.spend_date);
  out.set_amount(e.amount);
  out.set_method(static_cast<pb::PaymentMethod>(e.method));
  out.set_payee(e.payee);
  out.set_purpose(e.purpose);
  out.set_category(e.category);
  out.set_document_number(e.document_number);
  out.set_reversed(e.reversed);
  out.set_reversal_reason(e.reversal_reason);
  out.set_ledger_transfer(TransferName(e.school_id, e.transfer_id));
  *out.mutable_create_time() = TimeToProto(e.create_time);
  return out;
}

absl::StatusOr<Expenditure> ExpenditureFromProto(const pb::Expenditure& p) {
  Expenditure e;
  ASSIGN_OR_RETURN(e.spend_date, DateFromProto(p.spend_date(), "expenditure.spend_date"));
  e.amount = p.amount();
  if (!pb::PaymentMethod_IsValid(p.method()))
    return platform::UnknownEnumValue("expenditure.method", p.method());
  e.method = static_cast<PaymentMethod>(p.method());
  e.payee = p.payee();
  e.purpose = p.purpose();
  e.category = p.category();
  e.document_number = p.document_number();
  return e;
}

pb::FinancialDisclosure DisclosureToProto(const Disclosure& d) {
  pb::FinancialDisclosure out;
  out.set_name(Child(d.school_id, "financialDisclosures", d.school_year));
  out.set_school_year(d.school_year);
  for (const FeeItem& f : d.fee_items) {
    pb::FeeItem* item = out.add_fee_items();
    *item = FeeItemToProto(f);
    item->clear_name();  // the public sees the charge, not the school's internal id
    item->set_active(true);
  }
  for (const CodeAmount& c : d.collected) {
    pb::CategoryAmount* a = out.add_collected();
    a->set_code(c.code);
    a->set_display_name(c.display_name);
    a->set_amount(c.amount);
  }
  for (const CodeAmount& c : d.spent) {
    pb::CategoryAmount* a = out.add_spent();
    a->set_code(c.code);
    a->set_display_name(c.display_name);
    a->set_amount(c.amount);
  }
  out.set_cashless_share_amount(d.cashless_share_amount);
  out.set_spending_cashless_share_amount(d.spending_cashless_share_amount);
  if (d.publish_time.has_value()) *out.mutable_publish_time() = TimeToProto(*d.publish_time);
  return out;
}

pb::FinanceSummary SummaryToProto(const std::string& school_id, const FinanceSummary& s) {
  const MoneyFacts& f = s.facts;
  pb::FinanceSummary out;
  out.set_school("schools/" + school_id);
  out.set_invoice_count(f.invoice_count);
  out.set_invoiced_amount(f.invoiced_amount);
  out.set_collected_count(f.collected_count);
  out.set_collected_amount(f.collected_amount);
  out.set_cashless_collected_count(f.cashless_collected_count);
  out.set_cashless_collected_amount(f.cashless_collected_amount);
  out.set_cashless_share_amount(s.cashless_share_amount);
  out.set_cashless_share_count(s.cashless_share_count);
  out.set_spent_count(f.spent_count);
  out.set_spent_amount(f.spent_amount);
  out.set_cashless_spent_count(f.cashless_spent_count);
  out.set_cashless_spent_amount(f.cashless_spent_amount);
  out.set_spending_cashless_share_amount(s.spending_cashless_share_amount);
  out.set_spending_cashless_share_count(s.spending_cashless_share_count);
  out.set_outstanding_receivables(f.outstanding_receivables);
  out.set_overdue_receivables(f.overdue_receivables);
  out.set_collection_rate(s.collection_rate);
  out.set_due_amount(f.due_total);
  out.set_due_paid_amount(f.due_paid);
  out.set_unmatched_statement_lines(f.unmatched_statement_lines);
  out.set_reversed_payments(f.reversed_payments);
  out.set_receipts_issued(f.receipts_issued);
  out.set_ledger_ok(s.ledger_ok ? 1 : 0);
  out.set_disclosure_published(s.disclosure_published ? 1 : 0);
  return out;
}

// ---- ledger ----

pb::LedgerAccount AccountToProto(const std::string& school_id, const AccountBalance& b) {
  pb::LedgerAccount out;
  out.set_name(Child(school_id, "ledgerAccounts", b.account.code));
  out.set_code(b.account.code);
  out.set_display_name(b.account.display_name);
  out.set_kind(static_cast<pb::LedgerAccountKind>(b.account.kind));
  out.set_debit_total(b.debit);
  out.set_credit_total(b.credit);
  out.set_balance(b.balance);
  return out;
}

pb::LedgerTransfer TransferToProto(const LedgerTransfer& t) {
  pb::LedgerTransfer out;
  out.set_name(TransferName(t.school_id, t.transfer_id));
  *out.mutable_post_time() = TimeToProto(t.post_time);
  for (const LedgerEntry& e : t.entries) {
    pb::LedgerEntry* pe = out.add_entries();
    pe->set_account(Child(t.school_id, "ledgerAccounts", e.account));
    pe->set_debit(e.debit);
    pe->set_credit(e.credit);
  }
  out.set_source(t.source);
  out.set_description(t.description);
  if (!t.reverses.empty()) out.set_reverses(TransferName(t.school_id, t.reverses));
  return out;
}

pb::LedgerCheck LedgerCheckToProto(const LedgerCheck& c) {
  pb::LedgerCheck out;
  out.set_balanced(c.balanced());
  out.set_total_debits(c.total_debits);
  out.set_total_credits(c.total_credits);
  for (const std::string& t : c.unbalanced_transfers) out.add_unbalanced_transfers(t);
  for (const std::string& g : c.receipt_gaps) out.add_receipt_gaps(g);
  for (const std::string& i : c.inconsistent_invoices) out.add_inconsistent_invoices(i);
  out.set_suspense_balance(c.suspense_balance);
  out.set_credits_remaining(c.credits_remaining);
  out.set_ok(c.ok());
  *out.mutable_check_time() = TimeToProto(c.check_time);
  return out;
}

}  // namespace parhub::finance
