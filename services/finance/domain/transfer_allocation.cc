// Paying invoices from one transfer (see transfer_allocation.h).
#include "services/finance/domain/transfer_allocation.h"

#include <algorithm>

#include "platform/core/errors.h"
#include "services/finance/domain/invoice_math.h"

namespace parhub::finance {

absl::StatusOr<AllocatedTransfer> AllocateTransfer(int64_t amount,
                                                   const std::vector<std::string>& named_references,
                                                   std::vector<OpenInvoice> open) {
  if (amount <= 0 || amount > kMaxDong) {
    return platform::InvalidField("amount",
                                  "số tiền chuyển khoản từ 1 đến 9.999.999.999.999 đồng (out of range)");
  }
  std::vector<const OpenInvoice*> order;
  if (!named_references.empty()) {
    for (const std::string& reference : named_references) {
      for (const OpenInvoice& invoice : open) {
        if (invoice.payment_reference == reference &&
            std::find(order.begin(), order.end(), &invoice) == order.end()) {
          order.push_back(&invoice);
        }
      }
    }
  } else {
    std::stable_sort(open.begin(), open.end(), [](const OpenInvoice& a, const OpenInvoice& b) {
      return a.issue_date < b.issue_date || (a.issue_date == b.issue_date && a.invoice_id < b.invoice_id);
    });
    for (const OpenInvoice& invoice : open) order.push_back(&invoice);
  }
  AllocatedTransfer out;
  int64_t left = amount;
  for (const OpenInvoice* invoice : order) {
    if (left == 0) break;
    if (invoice->balance <= 0) continue;
    const int64_t pay = std::min(left, invoice->balance);
    out.allocations.push_back({invoice->invoice_id, pay});
    left -= pay;
  }
  out.credit = left;
  return out;
}

}  // namespace parhub::finance
