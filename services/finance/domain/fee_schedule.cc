// Fee items of a school year (fee_schedule.h).
#include "services/finance/domain/fee_schedule.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

bool IsFeeCode(absl::string_view code) {
  return !code.empty() && code.size() <= 20 && std::all_of(code.begin(), code.end(), [](char c) {
    return absl::ascii_isupper(static_cast<unsigned char>(c)) ||
           absl::ascii_isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

}  // namespace

absl::Status ValidateSchoolYear(absl::string_view school_year, absl::string_view field) {
  int first = 0, second = 0;
  if (school_year.size() != 9 || school_year[4] != '-' ||
      !absl::SimpleAtoi(school_year.substr(0, 4), &first) ||
      !absl::SimpleAtoi(school_year.substr(5), &second) || second != first + 1 || first < 2000 ||
      first > 2099) {
    return InvalidField(field, "năm học dạng 2025-2026 (school year like 2025-2026)");
  }
  return absl::OkStatus();
}

absl::StatusOr<FeeItem> FeeSchedule::Clean(FeeItem item) const {
  item.code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(item.code));
  if (!IsFeeCode(item.code)) {
    return InvalidField("fee_item.code",
                        "mã khoản thu 1–20 ký tự: chữ in hoa không dấu, chữ số, '-' (e.g. BAN-TRU)");
  }
  ASSIGN_OR_RETURN(item.display_name,
                   CleanText(item.display_name, "fee_item.display_name", 200, true, TextLines::kSingle));
  if (item.amount <= 0 || item.amount > kMaxDong) {
    return InvalidField("fee_item.amount", "số tiền từ 1 đến 9.999.999.999.999 đồng (1..10^13 - 1 dong)");
  }
  if (item.unit == FeeUnit::kUnspecified) {
    return InvalidField("fee_item.unit",
                        "chọn đơn vị thu: tháng, học kỳ, năm học hoặc một lần (unit required)");
  }
  RETURN_IF_ERROR(ValidateSchoolYear(item.school_year, "fee_item.school_year"));
  ASSIGN_OR_RETURN(item.legal_basis,
                   CleanText(item.legal_basis, "fee_item.legal_basis", 500, true, TextLines::kSingle));
  item.charge_kind = absl::AsciiStrToLower(absl::StripAsciiWhitespace(item.charge_kind));
  if (item.charge_kind.empty()) {
    return InvalidField(
        "fee_item.charge_kind",
        "chọn loại khoản thu theo quy định của thành phố, ví dụ ban-tru hoặc khac (charge kind "
        "required)");
  }
  return item;
}

absl::Status FeeSchedule::CheckAgainstRules(const std::string& school_id, const FeeItem& item) {
  std::optional<SchoolClass> school;
  absl::StatusOr<FinanceSettings> settings = store_.GetSettings(school_id);
  if (!settings.ok() && !absl::IsNotFound(settings.status())) return settings.status();
  if (settings.ok() && !settings->school_level.empty() && settings->area_group != 0) {
    school = SchoolClass{.level = settings->school_level, .area_group = settings->area_group};
  }
  return rules_.Check(item.school_year, item.charge_kind, item.unit, item.amount, school);
}

absl::StatusOr<FeeItem> FeeSchedule::Create(const std::string& school_id, const std::string& fee_item_id,
                                            FeeItem item) {
  RETURN_IF_ERROR(platform::ValidateId(fee_item_id, "fee_item_id"));
  ASSIGN_OR_RETURN(item, Clean(std::move(item)));
  item.school_id = school_id;
  item.fee_item_id = fee_item_id;
  RETURN_IF_ERROR(CheckAgainstRules(school_id, item));
  absl::Status inserted = store_.InsertFeeItem(item);
  if (absl::IsAlreadyExists(inserted)) {
    return absl::AlreadyExistsError(absl::StrCat("Đã có khoản thu '", fee_item_id, "' hoặc mã ", item.code,
                                                 " trong năm học ", item.school_year,
                                                 " (fee item id or code taken)"));
  }
  RETURN_IF_ERROR(inserted);
  return item;
}

absl::StatusOr<FeeItem> FeeSchedule::Get(const std::string& school_id, const std::string& fee_item_id) {
  RETURN_IF_ERROR(platform::ValidateId(fee_item_id, "name"));
  return store_.GetFeeItem(school_id, fee_item_id);
}

absl::StatusOr<platform::Page<FeeItem>> FeeSchedule::List(const std::string& school_id,
                                                          const std::string& school_year,
                                                          bool include_inactive,
                                                          const platform::PageRequest& page) {
  if (!school_year.empty()) RETURN_IF_ERROR(ValidateSchoolYear(school_year, "school_year"));
  ASSIGN_OR_RETURN(std::vector<FeeItem> fetched, store_.ListFeeItems(school_id, school_year, include_inactive,
                                                                     page.after, page.fetch_limit()));
  return platform::MakePage(std::move(fetched), page.size, [](const FeeItem& f) { return f.fee_item_id; });
}

absl::StatusOr<FeeItem> FeeSchedule::Update(const std::string& school_id, const std::string& fee_item_id,
                                            const FeeItemPatch& patch) {
  RETURN_IF_ERROR(platform::ValidateId(fee_item_id, "fee_item.name"));
  return store_.Atomically<FeeItem>([&]() -> absl::StatusOr<FeeItem> {
    ASSIGN_OR_RETURN(FeeItem item, store_.GetFeeItem(school_id, fee_item_id));
    if (patch.display_name) item.display_name = *patch.display_name;
    if (patch.amount) item.amount = *patch.amount;
    if (patch.legal_basis) item.legal_basis = *patch.legal_basis;
    if (patch.mandatory) item.mandatory = *patch.mandatory;
    if (patch.active) item.active = *patch.active;
    ASSIGN_OR_RETURN(item, Clean(std::move(item)));
    RETURN_IF_ERROR(CheckAgainstRules(school_id, item));
    RETURN_IF_ERROR(store_.UpdateFeeItem(item));
    return item;
  });
}

}  // namespace parhub::finance
