// parhub-finance: pupils as payers, fee items under the city's caps,
// invoices with VietQR codes, exactly-once payments with gapless receipts
// and a double-entry ledger. Built from the service skeleton
// (platform/rpc/service_main.h): this file only wires the reference data and
// store → domain → rpc.
#include <memory>

#include "platform/core/feedback_code.h"
#include "platform/core/status_macros.h"
#include "platform/rpc/service_main.h"
#include "services/finance/rpc/fee_rules_data.h"
#include "services/finance/rpc/finance_service.h"
#include "services/finance/store/mysql_finance_store.h"

namespace {

// Everything the service object uses, owned together.
struct FinanceService final {
  FinanceService(parhub::platform::ServiceEnv& env, parhub::finance::FeeRules rules_in)
      : rules(std::move(rules_in)),
        store(env.db),
        ledger(store, env.clock),
        payers(store, env.clock),
        fees(store, rules),
        invoices(store, ledger, rules, env.clock),
        cashier(store, ledger, invoices, env.clock),
        credits(store, ledger, cashier, env.clock),
        reconciler(store, invoices, cashier, credits, env.clock),
        spending(store, ledger, env.clock),
        reports(store, ledger, env.clock),
        families(store, invoices, env.identity_key.DeriveKey(parhub::platform::kFeedbackKeyLabel)),
        absences(store, env.clock),
        rpc(env.handlers, {payers, fees, invoices, cashier, ledger, reconciler, credits, spending, reports,
                           families, absences}) {}
  parhub::finance::FeeRules rules;
  parhub::finance::MySqlFinanceStore store;
  parhub::finance::Ledger ledger;
  parhub::finance::PayerRegistry payers;
  parhub::finance::FeeSchedule fees;
  parhub::finance::InvoiceDesk invoices;
  parhub::finance::Cashier cashier;
  parhub::finance::PayerCredits credits;
  parhub::finance::Reconciler reconciler;
  parhub::finance::SpendingBook spending;
  parhub::finance::FinanceReports reports;
  parhub::finance::FamilyDesk families;
  parhub::finance::MealAbsenceBook absences;
  parhub::finance::FinanceServiceImpl rpc;
};

}  // namespace

int main(int argc, char** argv) {
  return parhub::platform::RunService(
      argc, argv,
      {.name = "finance",
       .usage = "parhub-finance: school fees with VietQR, exactly-once payments, receipts and the ledger",
       .proto_service = parhub::finance::v1::FinanceService::service_full_name(),
       .default_listen = "0.0.0.0:50054",
       .default_metrics = "0.0.0.0:9454",
       .migrations = FinanceMigrations,
       .wire = [](parhub::platform::ServiceEnv& env) -> absl::StatusOr<parhub::platform::WiredService> {
         ASSIGN_OR_RETURN(parhub::finance::FeeRules rules, parhub::finance::LoadEmbeddedFeeRules());
         auto service = std::make_shared<FinanceService>(env, std::move(rules));
         return parhub::platform::WiredService{service, &service->rpc};
       }});
}
