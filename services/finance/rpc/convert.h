// Proto ↔ domain conversions of the finance service: resource names, enum
// numbers, money and times. No rules live here beyond the wire's shape.
#ifndef PARHUB_SERVICES_FINANCE_RPC_CONVERT_H_
#define PARHUB_SERVICES_FINANCE_RPC_CONVERT_H_

#include <string>

#include "absl/status/statusor.h"
#include "parhub/finance/v1/finance.pb.h"
#include "services/finance/domain/cashier.h"
#include "services/finance/domain/family_desk.h"
#include "services/finance/domain/fee_schedule.h"
#include "services/finance/domain/finance_reports.h"
#include "services/finance/domain/invoice_desk.h"
#include "services/finance/domain/ledger.h"
#include "services/finance/domain/payer_credits.h"
#include "services/finance/domain/payer_registry.h"
#include "services/finance/domain/reconciler.h"
#include "services/finance/domain/spending_book.h"

namespace parhub::finance {

namespace pb = ::parhub::finance::v1;

std::string PupilName(const std::string& school_id, const std::string& pupil_id);
std::string FeeItemName(const std::string& school_id, const std::string& fee_item_id);
std::string InvoiceName(const std::string& school_id, const std::string& invoice_id);
std::string PaymentName(const std::string& school_id, const std::string& payment_id);
std::string ReceiptName(const std::string& school_id, const std::string& receipt_id);
std::string TransferName(const std::string& school_id, const std::string& transfer_id);

// The id in `name` of pattern "schools/{school}/<collection>/{id}" when its
// school is `school_id`; INVALID_ARGUMENT on `field` otherwise (another
// school's resource is never addressed through this one's).
absl::StatusOr<std::string> ChildId(absl::string_view pattern, const std::string& name,
                                    const std::string& school_id, absl::string_view field);

pb::FinanceSettings SettingsToProto(const FinanceSettings& s);
absl::StatusOr<SettingsPatch> SettingsPatchFromProto(const pb::FinanceSettings& p,
                                                     const google::protobuf::FieldMask& mask);

pb::Pupil PupilToProto(const PupilRecord& p, bool with_guardian);
absl::StatusOr<Pupil> PupilFromProto(const pb::Pupil& p);
absl::StatusOr<PupilPatch> PupilPatchFromProto(const pb::Pupil& p, const google::protobuf::FieldMask& mask);
pb::ImportPupilsResponse ClassListImportToProto(const ClassListImport& r);

pb::FeeItem FeeItemToProto(const FeeItem& f);
absl::StatusOr<FeeItem> FeeItemFromProto(const pb::FeeItem& p);
absl::StatusOr<FeeItemPatch> FeeItemPatchFromProto(const pb::FeeItem& p,
                                                   const google::protobuf::FieldMask& mask);

pb::Invoice InvoiceToProto(const Invoice& i, const std::string& vietqr_payload, bool overdue);
absl::StatusOr<InvoiceDraft> InvoiceDraftFromProto(const pb::Invoice& p, const std::string& school_id);

pb::Payment PaymentToProto(const Payment& p);
absl::StatusOr<PaymentDraft> PaymentDraftFromProto(const pb::Payment& p, const std::string& school_id);
pb::Receipt ReceiptToProto(const Receipt& r);

pb::BankStatementLine StatementLineToProto(const StatementLine& l);
absl::StatusOr<StatementEntry> StatementEntryFromProto(const pb::BankStatementLine& p);
// The columns of a statement file of `format`; INVALID_ARGUMENT on "format"
// for a bank preset whose layout parhub has not verified.
absl::StatusOr<ColumnMapping> MappingForFormat(pb::StatementFormat format,
                                               const pb::StatementColumnMapping& mapping);
pb::BankStatementImport StatementImportToProto(const std::string& school_id, const StatementImport& r);
pb::PayerCredit CreditToProto(const PayerCredit& c);
pb::MealAbsence MealAbsenceToProto(const MealAbsence& a);

pb::FamilyAccount FamilyAccountToProto(const std::string& school_id, const FamilyAccount& a,
                                       const InvoiceDesk& invoices);
pb::Expenditure ExpenditureToProto(const Expenditure& e);
absl::StatusOr<Expenditure> ExpenditureFromProto(const pb::Expenditure& p);
pb::FinancialDisclosure DisclosureToProto(const Disclosure& d);
pb::FinanceSummary SummaryToProto(const std::string& school_id, const FinanceSummary& s);

pb::LedgerAccount AccountToProto(const std::string& school_id, const AccountBalance& b);
pb::LedgerTransfer TransferToProto(const LedgerTransfer& t);
pb::LedgerCheck LedgerCheckToProto(const LedgerCheck& c);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_RPC_CONVERT_H_
