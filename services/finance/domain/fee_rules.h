// FeeRules: the city's rules on what a public school may charge parents in
// a school year, as cited data (data/finance/fee_rules.json, loaded by
// services/finance/rpc/fee_rules_data.h). Each kind of charge (khoản thu)
// is capped per school level and area group, uncapped (the school agrees
// the amount with parents), free (tuition exempted by law), or capped by a
// text whose amounts are not in the data yet. Check() tells whether a fee
// item keeps to them, naming the source of the rule it breaks. Pure C++:
// no proto, no store.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_FEE_RULES_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_FEE_RULES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "services/finance/domain/model.h"

namespace parhub::finance {

// The school levels caps are set for, spelled as in
// FinanceSettings::school_level.
inline constexpr const char* kSchoolLevels[] = {"mam-non", "tieu-hoc", "thcs", "thpt"};

// True for one of kSchoolLevels.
bool IsSchoolLevel(absl::string_view level);

// An amount with dots as thousand separators: "550.000 đồng".
std::string FormatDong(int64_t amount);

// Where a school stands for the caps, from its finance settings.
struct SchoolClass final {
  std::string level;   // one of kSchoolLevels
  int area_group = 0;  // 1: in a phường (Nhóm 1); 2: in a xã or đặc khu (Nhóm 2)
};

// The ceiling of a capped kind for one school level and area group.
struct ChargeCapRule final {
  std::string school_level;
  int area_group = 0;
  FeeUnit unit = FeeUnit::kUnspecified;
  int64_t max_amount = 0;  // đồng per unit
};

enum class ChargeTreatment {
  kCapped,        // caps apply
  kUncapped,      // agreed with parents; no city ceiling
  kFree,          // may not be charged
  kCapNotInData,  // a ceiling exists but its amounts are not in the data
};

// A kind of charge in one school year.
struct ChargeKindRule final {
  std::string code;          // "ban-tru"
  std::string display_name;  // "Dịch vụ tổ chức phục vụ, quản lý và vệ sinh bán trú"
  ChargeTreatment treatment = ChargeTreatment::kCapNotInData;
  std::vector<ChargeCapRule> caps;  // exactly when kCapped
  std::string source;        // "Nghị quyết 18/2025/NQ-HĐND của HĐND TP.HCM, Điều 2, Phụ lục"
  std::string verification;  // "settled", or what is unsettled or assumed
};

class FeeRules final {
 public:
  // School year ("2025-2026") → its kinds.
  explicit FeeRules(std::map<std::string, std::vector<ChargeKindRule>> by_school_year);

  // Checks a fee item: OK, or
  //  FAILED_PRECONDITION reason FEE_RULES_MISSING when the school year is
  //    not in the data (naming the year);
  //  INVALID_ARGUMENT on "fee_item.charge_kind" when the kind is unknown
  //    for that year (listing the known codes);
  //  FAILED_PRECONDITION reason CHARGE_FREE for a free kind (citing the
  //    source);
  //  FAILED_PRECONDITION reason CAP_NOT_IN_DATA for a kind whose cap is not
  //    in the data, or has no cap for the school's area group (citing what
  //    is missing);
  //  FAILED_PRECONDITION reason SCHOOL_CLASS_MISSING when a capped kind
  //    needs the school's level and area group and `school` is nullopt or
  //    holds no valid level or area group;
  //  INVALID_ARGUMENT on "fee_item.charge_kind" when a capped kind has no
  //    cap for the school's level (not collected at that level);
  //  INVALID_ARGUMENT on "fee_item.unit" when the unit differs from the
  //    cap's unit;
  //  INVALID_ARGUMENT on "fee_item.amount" with reason ABOVE_CAP naming the
  //    cap ("550.000 đồng") and the source, when above it.
  // An uncapped kind is OK at any amount (FeeSchedule checks the range).
  absl::Status Check(const std::string& school_year, const std::string& charge_kind, FeeUnit unit,
                     int64_t amount, const std::optional<SchoolClass>& school) const;

  // The kinds of a school year; nullptr when the year is not covered.
  const std::vector<ChargeKindRule>* KindsOf(const std::string& school_year) const;

  // The school years covered, in order.
  std::vector<std::string> SchoolYears() const;

 private:
  std::map<std::string, std::vector<ChargeKindRule>> by_school_year_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_FEE_RULES_H_
