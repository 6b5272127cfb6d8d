// FinanceServiceImpl: the gRPC face of the finance service on the platform
// skeleton's one handler style (platform/rpc/handlers.h): reads are
// Handlers::Read, mutations Handlers::Mutate whose authorize step parses
// names and checks access (domain/access.h) before the idempotency ledger.
// No rules live here.
#ifndef PARHUB_SERVICES_FINANCE_RPC_FINANCE_SERVICE_H_
#define PARHUB_SERVICES_FINANCE_RPC_FINANCE_SERVICE_H_

#include "parhub/finance/v1/finance.grpc.pb.h"
#include "platform/rpc/handlers.h"
#include "services/finance/domain/cashier.h"
#include "services/finance/domain/family_desk.h"
#include "services/finance/domain/fee_schedule.h"
#include "services/finance/domain/finance_reports.h"
#include "services/finance/domain/invoice_desk.h"
#include "services/finance/domain/ledger.h"
#include "services/finance/domain/meal_refunds.h"
#include "services/finance/domain/payer_credits.h"
#include "services/finance/domain/payer_registry.h"
#include "services/finance/domain/reconciler.h"
#include "services/finance/domain/spending_book.h"

namespace parhub::finance {

// The domain objects the adapter drives, owned by main.
struct FinanceDesks final {
  PayerRegistry& payers;
  FeeSchedule& fees;
  InvoiceDesk& invoices;
  Cashier& cashier;
  Ledger& ledger;
  Reconciler& reconciler;
  PayerCredits& credits;
  SpendingBook& spending;
  FinanceReports& reports;
  FamilyDesk& families;
  MealAbsenceBook& absences;
};

class FinanceServiceImpl final : public v1::FinanceService::CallbackService {
 public:
  FinanceServiceImpl(platform::Handlers& handlers, FinanceDesks desks) : handlers_(handlers), desks_(desks) {}

  using Reactor = grpc::ServerUnaryReactor;
  using Context = grpc::CallbackServerContext;

  Reactor* GetFinanceSettings(Context* c, const v1::GetFinanceSettingsRequest* request,
                              v1::FinanceSettings* response) override;
  Reactor* UpdateFinanceSettings(Context* c, const v1::UpdateFinanceSettingsRequest* request,
                                 v1::FinanceSettings* response) override;
  Reactor* CreatePupil(Context* c, const v1::CreatePupilRequest* request, v1::Pupil* response) override;
  Reactor* GetPupil(Context* c, const v1::GetPupilRequest* request, v1::Pupil* response) override;
  Reactor* ListPupils(Context* c, const v1::ListPupilsRequest* request,
                      v1::ListPupilsResponse* response) override;
  Reactor* UpdatePupil(Context* c, const v1::UpdatePupilRequest* request, v1::Pupil* response) override;
  Reactor* ImportPupils(Context* c, const v1::ImportPupilsRequest* request,
                        v1::ImportPupilsResponse* response) override;
  Reactor* CreateFeeItem(Context* c, const v1::CreateFeeItemRequest* request, v1::FeeItem* response) override;
  Reactor* GetFeeItem(Context* c, const v1::GetFeeItemRequest* request, v1::FeeItem* response) override;
  Reactor* ListFeeItems(Context* c, const v1::ListFeeItemsRequest* request,
                        v1::ListFeeItemsResponse* response) override;
  Reactor* UpdateFeeItem(Context* c, const v1::UpdateFeeItemRequest* request, v1::FeeItem* response) override;
  Reactor* CreateInvoice(Context* c, const v1::CreateInvoiceRequest* request, v1::Invoice* response) override;
  Reactor* BatchCreateInvoices(Context* c, const v1::BatchCreateInvoicesRequest* request,
                               v1::BatchCreateInvoicesResponse* response) override;
  Reactor* RecordMealAbsences(Context* c, const v1::RecordMealAbsencesRequest* request,
                              v1::RecordMealAbsencesResponse* response) override;
  Reactor* ListMealAbsences(Context* c, const v1::ListMealAbsencesRequest* request,
                            v1::ListMealAbsencesResponse* response) override;
  Reactor* GetInvoice(Context* c, const v1::GetInvoiceRequest* request, v1::Invoice* response) override;
  Reactor* ListInvoices(Context* c, const v1::ListInvoicesRequest* request,
                        v1::ListInvoicesResponse* response) override;
  Reactor* CancelInvoice(Context* c, const v1::CancelInvoiceRequest* request, v1::Invoice* response) override;
  Reactor* RecordPayment(Context* c, const v1::RecordPaymentRequest* request, v1::Payment* response) override;
  Reactor* GetPayment(Context* c, const v1::GetPaymentRequest* request, v1::Payment* response) override;
  Reactor* ListPayments(Context* c, const v1::ListPaymentsRequest* request,
                        v1::ListPaymentsResponse* response) override;
  Reactor* ReversePayment(Context* c, const v1::ReversePaymentRequest* request,
                          v1::Payment* response) override;
  Reactor* GetReceipt(Context* c, const v1::GetReceiptRequest* request, v1::Receipt* response) override;
  Reactor* ListReceipts(Context* c, const v1::ListReceiptsRequest* request,
                        v1::ListReceiptsResponse* response) override;
  Reactor* ImportBankStatement(Context* c, const v1::ImportBankStatementRequest* request,
                               v1::BankStatementImport* response) override;
  Reactor* ImportBankStatementLine(Context* c, const v1::ImportBankStatementLineRequest* request,
                                   v1::BankStatementLine* response) override;
  Reactor* GetBankStatementLine(Context* c, const v1::GetBankStatementLineRequest* request,
                                v1::BankStatementLine* response) override;
  Reactor* ListBankStatementLines(Context* c, const v1::ListBankStatementLinesRequest* request,
                                  v1::ListBankStatementLinesResponse* response) override;
  Reactor* MatchBankStatementLine(Context* c, const v1::MatchBankStatementLineRequest* request,
                                  v1::BankStatementLine* response) override;
  Reactor* IgnoreBankStatementLine(Context* c, const v1::IgnoreBankStatementLineRequest* request,
                                   v1::BankStatementLine* response) override;
  Reactor* ListPayerCredits(Context* c, const v1::ListPayerCreditsRequest* request,
                            v1::ListPayerCreditsResponse* response) override;
  Reactor* ApplyPayerCredit(Context* c, const v1::ApplyPayerCreditRequest* request,
                            v1::PayerCredit* response) override;
  Reactor* RefundPayerCredit(Context* c, const v1::RefundPayerCreditRequest* request,
                             v1::PayerCredit* response) override;
  Reactor* CreateExpenditure(Context* c, const v1::CreateExpenditureRequest* request,
                             v1::Expenditure* response) override;
  Reactor* GetExpenditure(Context* c, const v1::GetExpenditureRequest* request,
                          v1::Expenditure* response) override;
  Reactor* ListExpenditures(Context* c, const v1::ListExpendituresRequest* request,
                            v1::ListExpendituresResponse* response) override;
  Reactor* ReverseExpenditure(Context* c, const v1::ReverseExpenditureRequest* request,
                              v1::Expenditure* response) override;
  Reactor* GetFinancialDisclosure(Context* c, const v1::GetFinancialDisclosureRequest* request,
                                  v1::FinancialDisclosure* response) override;
  Reactor* PublishFinancialDisclosure(Context* c, const v1::PublishFinancialDisclosureRequest* request,
                                      v1::FinancialDisclosure* response) override;
  Reactor* LookUpFamilyAccount(Context* c, const v1::LookUpFamilyAccountRequest* request,
                               v1::FamilyAccount* response) override;
  Reactor* SummarizeFinance(Context* c, const v1::SummarizeFinanceRequest* request,
                            v1::FinanceSummary* response) override;
  Reactor* BatchSummarizeFinance(Context* c, const v1::BatchSummarizeFinanceRequest* request,
                                 v1::BatchSummarizeFinanceResponse* response) override;
  Reactor* ListLedgerAccounts(Context* c, const v1::ListLedgerAccountsRequest* request,
                              v1::ListLedgerAccountsResponse* response) override;
  Reactor* ListLedgerTransfers(Context* c, const v1::ListLedgerTransfersRequest* request,
                               v1::ListLedgerTransfersResponse* response) override;
  Reactor* CheckLedger(Context* c, const v1::CheckLedgerRequest* request, v1::LedgerCheck* response) override;

 private:
  // An invoice with its QR code for the current balance and overdue flag.
  absl::StatusOr<v1::Invoice> View(const std::string& school_id, const Invoice& invoice);

  platform::Handlers& handlers_;
  FinanceDesks desks_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_RPC_FINANCE_SERVICE_H_
