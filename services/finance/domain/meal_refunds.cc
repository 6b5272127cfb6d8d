// Meal absences recorded per month and the refund lines they become.
#include "services/finance/domain/meal_refunds.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "platform/core/date.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/finance/domain/invoice_desk.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;
using ::parhub::platform::WithReason;

constexpr int kMaxEntries = 2000;
constexpr int64_t kMaxDailyAmount = 10'000'000;  // đồng; a day's meals, far above any real one

int DaysInMonth(int year, int month) {
  return static_cast<int>((absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1).day());
}

}  // namespace

absl::StatusOr<MealAbsenceTally> MealAbsenceBook::Record(const std::string& school_id,
                                                         const std::string& period,
                                                         const std::vector<MealAbsenceEntry>& entries) {
  ASSIGN_OR_RETURN(auto ym, ParsePeriod(period, "period"));
  const platform::Date today = platform::LocalDate(clock_());
  if (ym.first * 12 + ym.second > today.year * 12 + today.month) {
    return InvalidField("period", absl::StrCat("chưa đến ", MonthLabel(ym.first, ym.second),
                                               ": chỉ ghi ngày nghỉ đã qua (a month not yet begun)"));
  }
  if (entries.empty()) return InvalidField("absences", "danh sách trống (no absences)");
  if (entries.size() > kMaxEntries) {
    return InvalidField("absences", "tối đa 2.000 học sinh mỗi lần (at most 2,000 pupils per call)");
  }
  const int month_days = DaysInMonth(ym.first, ym.second);
  std::vector<MealAbsence> cleaned;
  std::set<std::string> seen;
  for (size_t i = 0; i < entries.size(); ++i) {
    const MealAbsenceEntry& e = entries[i];
    const std::string at = absl::StrCat("absences[", i, "]");
    RETURN_IF_ERROR(platform::ValidateId(e.pupil_id, at + ".pupil"));
    if (!seen.insert(e.pupil_id).second) {
      return InvalidField(at + ".pupil", "học sinh được ghi hai lần (pupil listed twice)");
    }
    if (e.days < 0 || e.days > month_days) {
      return InvalidField(at + ".days", absl::StrCat("số ngày nghỉ từ 0 đến ", month_days,
                                                     " (days must be 0 to the days of the month)"));
    }
    MealAbsence a;
    a.school_id = school_id;
    a.period = period;
    a.pupil_id = e.pupil_id;
    a.days = e.days;
    ASSIGN_OR_RETURN(a.note, CleanText(e.note, at + ".note", 200, false, TextLines::kSingle));
    cleaned.push_back(std::move(a));
  }
  return store_.Atomically<MealAbsenceTally>([&]() -> absl::StatusOr<MealAbsenceTally> {
    ASSIGN_OR_RETURN(std::vector<MealAbsence> existing,
                     store_.ListMealAbsences(school_id, period, false, "", 1'000'000, Lock::kForUpdate));
    std::map<std::string, const MealAbsence*> by_pupil;
    for (const MealAbsence& a : existing) by_pupil[a.pupil_id] = &a;
    MealAbsenceTally tally;
    const absl::Time now = clock_();
    for (size_t i = 0; i < cleaned.size(); ++i) {
      MealAbsence& a = cleaned[i];
      absl::StatusOr<PupilRecord> pupil = store_.GetPupil(school_id, a.pupil_id);
      if (absl::IsNotFound(pupil.status())) {
        return InvalidField(absl::StrCat("absences[", i, "].pupil"),
                            "không có học sinh này trong trường (unknown pupil)");
      }
      RETURN_IF_ERROR(pupil.status());
      auto found = by_pupil.find(a.pupil_id);
      const MealAbsence* before = found == by_pupil.end() ? nullptr : found->second;
      if (before != nullptr && !before->refunded_invoice_id.empty()) {
        if (before->days == a.days && before->note == a.note) continue;  // a resend of what was refunded
        return WithReason(
            absl::FailedPreconditionError(absl::StrCat(
                "Ngày nghỉ ", MonthLabel(ym.first, ym.second), " của học sinh ", pupil->pupil.pupil_code,
                " đã được hoàn trên hóa đơn; hủy hóa đơn đó trước khi sửa (already refunded on an invoice: "
                "cancel it first)")),
            "ABSENCE_REFUNDED");
      }
      if (a.days == 0) {
        if (before != nullptr) {
          RETURN_IF_ERROR(store_.DeleteMealAbsence(school_id, period, a.pupil_id));
          ++tally.removed;
        }
        continue;
      }
      a.update_time = now;
      RETURN_IF_ERROR(store_.PutMealAbsence(a));
      ++tally.recorded;
    }
    return tally;
  });
}

absl::StatusOr<platform::Page<MealAbsence>> MealAbsenceBook::List(const std::string& school_id,
                                                                  const std::string& period,
                                                                  bool unrefunded_only,
                                                                  const platform::PageRequest& page) {
  RETURN_IF_ERROR(ParsePeriod(period, "period").status());
  ASSIGN_OR_RETURN(std::vector<MealAbsence> fetched,
                   store_.ListMealAbsences(school_id, period, unrefunded_only, page.after, page.fetch_limit(),
                                           Lock::kNone));
  return platform::MakePage(std::move(fetched), page.size, [](const MealAbsence& a) { return a.pupil_id; });
}

absl::Status CheckMealRefundPlan(MealRefundPlan& plan, const std::string& period,
                                 const std::vector<std::string>& fee_item_ids, platform::Date today) {
  ASSIGN_OR_RETURN(auto billed, ParsePeriod(period, "period"));
  ASSIGN_OR_RETURN(auto absent, ParsePeriod(plan.absence_period, "meal_refund.absence_period"));
  if (absent >= billed) {
    return InvalidField(
        "meal_refund.absence_period",
        "hoàn tiền ăn của một tháng trước kỳ thu (the absences' month must precede the period)");
  }
  // Only a month that is over: days still to come could not be refunded
  // once its absences are marked.
  if (absent >= std::make_pair(today.year, today.month)) {
    return InvalidField(
        "meal_refund.absence_period",
        "tháng nghỉ chưa kết thúc: chỉ hoàn tiền ăn của tháng đã qua (the month is not over)");
  }
  bool charged = false;
  for (const std::string& id : fee_item_ids) charged = charged || id == plan.fee_item_id;
  if (!charged) {
    return InvalidField("meal_refund.fee_item",
                        "khoản tiền ăn phải nằm trong các khoản thu của đợt (must be one of fee_items)");
  }
  if (plan.daily_amount <= 0 || plan.daily_amount > kMaxDailyAmount) {
    return InvalidField("meal_refund.daily_amount",
                        "tiền ăn mỗi ngày từ 1 đến 10.000.000 đồng (daily amount out of range)");
  }
  ASSIGN_OR_RETURN(plan.legal_basis,
                   CleanText(plan.legal_basis, "meal_refund.legal_basis", 500, true, TextLines::kSingle));
  return absl::OkStatus();
}

IssuedLine MealRefundLine(const MealAbsence& absence, const MealRefundPlan& plan) {
  auto ym = ParsePeriod(absence.period, "period");
  IssuedLine line;
  line.fee_item_id = plan.fee_item_id;
  line.description = absl::StrCat("Hoàn tiền ăn ", absence.days, " ngày nghỉ ",
                                  ym.ok() ? MonthLabel(ym->first, ym->second) : absence.period);
  line.quantity = absence.days;
  line.unit_amount = -plan.daily_amount;
  line.amount = line.unit_amount * line.quantity;
  line.legal_basis = plan.legal_basis;
  return line;
}

}  // namespace parhub::finance
