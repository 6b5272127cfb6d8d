// How one bank transfer pays a family's invoices. A transfer that names
// references pays those invoices, in the order named, each up to its
// balance (siblings paid in one transfer); one matched to the payer by
// other means (the school's manual match) pays the payer's open invoices
// oldest first. Whatever is left becomes the payer's credit, to apply
// later or refund — never a negative balance. Pure C++.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_TRANSFER_ALLOCATION_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_TRANSFER_ALLOCATION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/date.h"

namespace parhub::finance {

struct OpenInvoice final {
  std::string invoice_id;
  std::string payment_reference;
  platform::Date issue_date;
  int64_t balance = 0;
};

struct Allocation final {
  std::string invoice_id;
  int64_t amount = 0;
};

struct AllocatedTransfer final {
  std::vector<Allocation> allocations;  // in payment order
  int64_t credit = 0;                   // left over for the payer
};

// `amount` > 0 đồng. `named_references`: the references the transfer's
// description names (ReferencesIn), in order; empty: oldest first over
// `open`. A named reference that is not among `open` (paid already, or
// another school's) is skipped, its share left to credit.
absl::StatusOr<AllocatedTransfer> AllocateTransfer(int64_t amount,
                                                   const std::vector<std::string>& named_references,
                                                   std::vector<OpenInvoice> open);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_TRANSFER_ALLOCATION_H_
