// Meal refunds for absent days. The class's attendance register gives the
// school days each pupil missed in a month with the meals cancelled in
// time (MealAbsenceBook::Record); those days' meal money is paid back once,
// as a negative line against the meal fee item on the pupil's invoice of a
// later month (InvoiceDesk::CreateForClasses with a MealRefundPlan), and a
// cancelled invoice frees its absences again. The amount per day and the
// rule the refund follows are the school's own (its notice of charges for
// the year), given with each batch: nothing here assumes them.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_MEAL_REFUNDS_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_MEAL_REFUNDS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/date.h"
#include "platform/core/page.h"
#include "services/finance/domain/finance_store.h"

namespace parhub::finance {

// One pupil's line of a month's register.
struct MealAbsenceEntry final {
  std::string pupil_id;
  int days = 0;  // 0 removes the pupil's record
  std::string note;
};

struct MealAbsenceTally final {
  int recorded = 0;
  int removed = 0;
};

// What a batch refunds: the absences of `absence_period`, `daily_amount`
// đồng a day, against the charge of `fee_item_id`, under `legal_basis`.
struct MealRefundPlan final {
  std::string absence_period;
  std::string fee_item_id;
  int64_t daily_amount = 0;
  std::string legal_basis;
};

class MealAbsenceBook final {
 public:
  MealAbsenceBook(FinanceStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Replaces each listed pupil's days of `period` (a month not after the
  // current one), all or nothing: INVALID_ARGUMENT naming "absences[i].…"
  // for an unknown or repeated pupil, days outside 0…the month's days or a
  // bad note; FAILED_PRECONDITION (ABSENCE_REFUNDED) when a listed pupil's
  // days were already refunded and would change.
  absl::StatusOr<MealAbsenceTally> Record(const std::string& school_id, const std::string& period,
                                          const std::vector<MealAbsenceEntry>& entries);
  // By pupil id.
  absl::StatusOr<platform::Page<MealAbsence>> List(const std::string& school_id, const std::string& period,
                                                   bool unrefunded_only, const platform::PageRequest& page);

 private:
  FinanceStore& store_;
  Clock clock_;
};

// INVALID_ARGUMENT naming "meal_refund.…" unless `plan` can go with a batch
// for `period` charging `fee_item_ids`: a month before the period and over
// by `today`, one of the batch's fee items, a daily amount in
// (0, 10,000,000] and a legal basis.
absl::Status CheckMealRefundPlan(MealRefundPlan& plan, const std::string& period,
                                 const std::vector<std::string>& fee_item_ids, platform::Date today);

// The negative line paying `absence` back under `plan`:
// "Hoàn tiền ăn N ngày nghỉ tháng M/YYYY", quantity N, −daily_amount each.
IssuedLine MealRefundLine(const MealAbsence& absence, const MealRefundPlan& plan);

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_MEAL_REFUNDS_H_
