// RatingBook: quarterly and yearly ratings (đánh giá, xếp loại chất lượng)
// of a school's staff, the head of the unit included (task 1.7). A period
// is rated once (corrections go through UpdateRating with a reason, kept
// with the grade before and after); a
// period that has not begun cannot be rated; a person who had left before
// the period began cannot be rated for it.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_RATING_BOOK_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_RATING_BOOK_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/staffing/domain/model.h"
#include "services/staffing/domain/staffing_store.h"

namespace parhub::staffing {

struct RatingPatch final {
  std::optional<RatingGrade> grade;
  std::optional<std::string> note;
  std::optional<bool> city_email_criterion_met;
  std::string reason;  // required
};

// The first day of a rating period (quarter 0: the year).
Date PeriodStart(int year, int quarter);

class RatingBook final {
 public:
  RatingBook(StaffingStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  absl::StatusOr<Rating> CreateRating(const std::string& school_id, const std::string& staff_id,
                                      Rating rating, const std::string& rated_by);
  absl::StatusOr<Rating> UpdateRating(const std::string& school_id, const std::string& staff_id, int year,
                                      int quarter, const RatingPatch& patch, const std::string& rated_by);
  // `staff_id` "" for all; `quarter` 0 all, -1 yearly only. By staff, period.
  absl::StatusOr<platform::Page<Rating>> ListRatings(const std::string& school_id,
                                                     const std::string& staff_id, int year, int quarter,
                                                     int page_size, absl::string_view page_token);

 private:
  StaffingStore& store_;
  Clock clock_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_RATING_BOOK_H_
