// FeeSchedule: what a school collects in a school year (khoản thu), each
// with its amount per unit, the legal basis it is collected on and the
// city's kind of charge it falls under, whose cap for the school's level and
// area group (fee_rules.h) it may not exceed. Amounts of a used fee item may
// change for new invoices; invoices already issued keep theirs.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_FEE_SCHEDULE_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_FEE_SCHEDULE_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/finance/domain/fee_rules.h"
#include "services/finance/domain/finance_store.h"

namespace parhub::finance {

struct FeeItemPatch final {
  std::optional<std::string> display_name;
  std::optional<int64_t> amount;
  std::optional<std::string> legal_basis;
  std::optional<bool> mandatory;
  std::optional<bool> active;
};

// OK for "YYYY-YYYY" with consecutive years (2000-2099); INVALID_ARGUMENT
// naming `field` otherwise.
absl::Status ValidateSchoolYear(absl::string_view school_year, absl::string_view field);

class FeeSchedule final {
 public:
  FeeSchedule(FinanceStore& store, const FeeRules& rules) : store_(store), rules_(rules) {}

  // ALREADY_EXISTS for a taken id, or a code already used in that year.
  absl::StatusOr<FeeItem> Create(const std::string& school_id, const std::string& fee_item_id, FeeItem item);
  absl::StatusOr<FeeItem> Get(const std::string& school_id, const std::string& fee_item_id);
  absl::StatusOr<platform::Page<FeeItem>> List(const std::string& school_id, const std::string& school_year,
                                               bool include_inactive, const platform::PageRequest& page);
  absl::StatusOr<FeeItem> Update(const std::string& school_id, const std::string& fee_item_id,
                                 const FeeItemPatch& patch);

 private:
  // Checks and normalises every field; errors name "fee_item.<field>".
  absl::StatusOr<FeeItem> Clean(FeeItem item) const;
  // The city's rules for the item's kind, year and the school's class.
  absl::Status CheckAgainstRules(const std::string& school_id, const FeeItem& item);

  FinanceStore& store_;
  const FeeRules& rules_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_FEE_SCHEDULE_H_
