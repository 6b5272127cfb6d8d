// FamilyDesk: what a family may see of its own money at the school without
// an account — through the citizen API, by the pupil code and the secret
// printed on the invoice slip. It shows the child's invoices of the last
// twelve months (open ones with the VietQR code for what is still owed)
// and their receipts (each with the short satisfaction survey's
// invitation, platform/core/feedback_code.h), never the guardian's contact data or anyone else's.
// A wrong code and a wrong secret answer the same NOT_FOUND; the gateway
// counts failed lookups per address.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_FAMILY_DESK_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_FAMILY_DESK_H_

#include <map>
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
  // Receipt id → the short satisfaction survey's code (subject: the
  // receipt's number), for receipts not cancelled.
  std::map<std::string, std::string> feedback_codes;
};

class FamilyDesk final {
 public:
  // `feedback_key`: the short survey's code key (derived from the identity
  // key, platform::kFeedbackKeyLabel), the same in reporting.
  FamilyDesk(FinanceStore& store, InvoiceDesk& invoices, std::string feedback_key)
      : store_(store), invoices_(invoices), feedback_key_(std::move(feedback_key)) {}

  absl::StatusOr<FamilyAccount> LookUp(const std::string& school_id, absl::string_view pupil_code,
                                       absl::string_view slip_secret);

 private:
  FinanceStore& store_;
  InvoiceDesk& invoices_;
  std::string feedback_key_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_FAMILY_DESK_H_
