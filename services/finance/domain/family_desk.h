// FamilyDesk: what a family may see of its own money at the school without
// an account — through the citizen API, by the pupil code and the secret
// printed on the invoice slip. It shows the child's invoices of the last
// twelve months (open ones with the VietQR code for what is still owed)
// and their receipts, never the guardian's contact data or anyone else's.
// A wrong code and a wrong secret answer the same NOT_FOUND; the gateway
// counts failed lookups per address.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_FAMILY_DESK_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_FAMILY_DESK_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "services/finance/domain/finance_store.h"
#include "services/finance/domain/invoice_desk.h"

namespace parhub::finance {

struct FamilyAccount final {
  PupilRecord pupil;
  FinanceSettings settings;       // for the QR codes
  std::vector<Invoice> invoices;  // newest first
  std::vector<Receipt> receipts;  // payer names cleared
  int64_t balance = 0;
};

class FamilyDesk final {
 public:
  FamilyDesk(FinanceStore& store, InvoiceDesk& invoices) : store_(store), invoices_(invoices) {}

  absl::StatusOr<FamilyAccount> LookUp(const std::string& school_id, absl::string_view pupil_code,
                                       absl::string_view slip_secret);

 private:
  FinanceStore& store_;
  InvoiceDesk& invoices_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_FAMILY_DESK_H_
