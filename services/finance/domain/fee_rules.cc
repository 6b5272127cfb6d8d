// The city's rules on fee items (fee_rules.h).
#include "services/finance/domain/fee_rules.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "platform/core/errors.h"
#include "platform/core/vn_number.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::InvalidField;
using ::parhub::platform::WithReason;

constexpr char kSettled[] = "settled";

absl::string_view LevelName(absl::string_view level) {
  if (level == "mam-non") return "mầm non";
  if (level == "tieu-hoc") return "tiểu học";
  if (level == "thcs") return "THCS";
  if (level == "thpt") return "THPT";
  return level;
}

absl::string_view UnitVi(FeeUnit unit) {
  switch (unit) {
    case FeeUnit::kMonth:
      return "tháng";
    case FeeUnit::kTerm:
      return "học kỳ";
    case FeeUnit::kYear:
      return "năm học";
    case FeeUnit::kOnce:
      return "một lần";
    case FeeUnit::kUnspecified:
      break;
  }
  return "(chưa chọn)";
}

absl::string_view UnitEn(FeeUnit unit) {
  switch (unit) {
    case FeeUnit::kMonth:
      return "month";
    case FeeUnit::kTerm:
      return "term";
    case FeeUnit::kYear:
      return "year";
    case FeeUnit::kOnce:
      return "once";
    case FeeUnit::kUnspecified:
      break;
  }
  return "unspecified";
}

// The rule's source, or where the rule lives when the data names none.
std::string Cited(const ChargeKindRule& kind) {
  return kind.source.empty() ? std::string("data/finance/fee_rules.json") : kind.source;
}

// "; lưu ý: <verification>" for a rule that is not settled, else "".
std::string Caveat(const ChargeKindRule& kind) {
  if (kind.verification.empty() || kind.verification == kSettled) return "";
  return absl::StrCat("; lưu ý: ", absl::StripSuffix(kind.verification, "."));
}

absl::Status CapNotInData(const ChargeKindRule& kind, const std::string& school_year, absl::string_view what,
                          absl::string_view what_en) {
  return WithReason(
      absl::FailedPreconditionError(absl::StrCat(
          "Chưa có mức trần của khoản \"", kind.display_name, "\"", what, " năm học ", school_year,
          " trong dữ liệu nên chưa ghi nhận được khoản thu này", Caveat(kind), ". Cần đối chiếu ",
          Cited(kind), " và bổ sung data/finance/fee_rules.json (the cap of ", kind.code, what_en, " for ",
          school_year, " is not in the data)")),
      "CAP_NOT_IN_DATA");
}

}  // namespace

bool IsSchoolLevel(absl::string_view level) {
  for (const char* known : kSchoolLevels) {
    if (level == known) return true;
  }
  return false;
}

std::string FormatDong(int64_t amount) { return platform::GroupThousands(amount) + " đồng"; }

FeeRules::FeeRules(std::map<std::string, std::vector<ChargeKindRule>> by_school_year)
    : by_school_year_(std::move(by_school_year)) {}

const std::vector<ChargeKindRule>* FeeRules::KindsOf(const std::string& school_year) const {
  auto it = by_school_year_.find(school_year);
  return it == by_school_year_.end() ? nullptr : &it->second;
}

std::vector<std::string> FeeRules::SchoolYears() const {
  std::vector<std::string> years;
  years.reserve(by_school_year_.size());
  for (const auto& entry : by_school_year_) years.push_back(entry.first);
  return years;
}

absl::Status FeeRules::Check(const std::string& school_year, const std::string& charge_kind, FeeUnit unit,
                             int64_t amount, const std::optional<SchoolClass>& school) const {
  const std::vector<ChargeKindRule>* kinds = KindsOf(school_year);
  if (kinds == nullptr) {
    const std::vector<std::string> years = SchoolYears();
    return WithReason(
        absl::FailedPreconditionError(
            absl::StrCat("Chưa có quy định của Thành phố về các khoản thu năm học ", school_year,
                         " trong dữ liệu (data/finance/fee_rules.json có các năm học: ",
                         years.empty() ? std::string("không có") : absl::StrJoin(years, ", "),
                         "); bổ sung khi có văn bản của cơ quan có thẩm quyền (no fee rules for school year ",
                         school_year, ")")),
        "FEE_RULES_MISSING");
  }

  const ChargeKindRule* kind = nullptr;
  for (const ChargeKindRule& candidate : *kinds) {
    if (candidate.code == charge_kind) {
      kind = &candidate;
      break;
    }
  }
  if (kind == nullptr) {
    std::vector<std::string> codes;
    codes.reserve(kinds->size());
    for (const ChargeKindRule& k : *kinds) codes.push_back(k.code);
    return InvalidField("fee_item.charge_kind",
                        absl::StrCat("loại khoản thu '", charge_kind, "' không có trong quy định năm học ",
                                     school_year, "; chọn một trong: ", absl::StrJoin(codes, ", "),
                                     " (unknown charge kind for ", school_year, ")"));
  }

  switch (kind->treatment) {
    case ChargeTreatment::kUncapped:
      return absl::OkStatus();
    case ChargeTreatment::kFree:
      return WithReason(
          absl::FailedPreconditionError(absl::StrCat(
              "Không được thu khoản \"", kind->display_name, "\" năm học ", school_year, " theo ",
              Cited(*kind), Caveat(*kind), " (", kind->code, " may not be charged in ", school_year, ")")),
          "CHARGE_FREE");
    case ChargeTreatment::kCapNotInData:
      return CapNotInData(*kind, school_year, "", "");
    case ChargeTreatment::kCapped:
      break;
  }

  if (!school.has_value() || !IsSchoolLevel(school->level) ||
      (school->area_group != 1 && school->area_group != 2)) {
    return WithReason(
        absl::FailedPreconditionError(absl::StrCat(
            "Khoản \"", kind->display_name,
            "\" có mức trần theo cấp học và nhóm địa bàn: cần khai báo cấp học (mầm non, tiểu học, THCS, "
            "THPT) "
            "và nhóm địa bàn của trường (Nhóm 1: phường; Nhóm 2: xã, đặc khu) trong cài đặt tài chính trước "
            "(the school's level and area group are required to check ",
            kind->code, ")")),
        "SCHOOL_CLASS_MISSING");
  }

  bool level_has_caps = false;
  const ChargeCapRule* cap = nullptr;
  for (const ChargeCapRule& candidate : kind->caps) {
    if (candidate.school_level != school->level) continue;
    level_has_caps = true;
    if (candidate.area_group == school->area_group) {
      cap = &candidate;
      break;
    }
  }
  if (!level_has_caps) {
    return InvalidField(
        "fee_item.charge_kind",
        absl::StrCat("khoản \"", kind->display_name, "\" không thu ở cấp ", LevelName(school->level),
                     " năm học ", school_year, " theo ", Cited(*kind), " (", kind->code,
                     " is not collected at level ", school->level, ")"));
  }
  if (cap == nullptr) {
    return CapNotInData(*kind, school_year,
                        absl::StrCat(" cho cấp ", LevelName(school->level), ", Nhóm ", school->area_group),
                        absl::StrCat(" at level ", school->level, ", group ", school->area_group));
  }

  if (unit != cap->unit) {
    return InvalidField(
        "fee_item.unit",
        absl::StrCat("mức trần của khoản \"", kind->display_name, "\" tính theo ", UnitVi(cap->unit),
                     "; khoản thu phải tính theo ", UnitVi(cap->unit), ", không theo ", UnitVi(unit),
                     " (the cap is per ", UnitEn(cap->unit), ", not per ", UnitEn(unit), ")"));
  }
  if (amount > cap->max_amount) {
    return WithReason(
        InvalidField("fee_item.amount",
                     absl::StrCat("vượt mức trần ", FormatDong(cap->max_amount), "/", UnitVi(cap->unit),
                                  " của khoản \"", kind->display_name, "\" cho cấp ",
                                  LevelName(school->level), ", Nhóm ", school->area_group, " năm học ",
                                  school_year, " theo ", Cited(*kind), Caveat(*kind), " (above the cap of ",
                                  FormatDong(cap->max_amount), " per ", UnitEn(cap->unit), ")")),
        "ABOVE_CAP");
  }
  return absl::OkStatus();
}

}  // namespace parhub::finance
