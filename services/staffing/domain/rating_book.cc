// Rating rules (see rating_book.h).
#include "services/staffing/domain/rating_book.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/staffing/domain/staff_rules.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::InvalidField;

absl::Status CheckPeriod(int year, int quarter, Date today) {
  if (quarter < 0 || quarter > 4) {
    return InvalidField("rating.quarter", "quý phải từ 1 đến 4, hoặc 0 cho đánh giá cả năm (quarter 0-4)");
  }
  if (year < 2000 || year > 2100) return InvalidField("rating.year", "năm không hợp lệ (year out of range)");
  Date start = PeriodStart(year, quarter);
  if (start > today) {
    return InvalidField(quarter == 0 ? "rating.year" : "rating.quarter",
                        absl::StrCat("kỳ ", RatingPeriod(year, quarter), " chưa bắt đầu (bắt đầu ngày ",
                                     start.ToVietnamese(), ") (the period has not begun)"));
  }
  return absl::OkStatus();
}

absl::Status CheckGrade(RatingGrade grade) {
  if (grade == RatingGrade::kUnspecified) {
    return InvalidField("rating.grade",
                        "phải chọn mức xếp loại: hoàn thành xuất sắc, tốt, hoàn thành hoặc không hoàn thành "
                        "nhiệm vụ (grade is required)");
  }
  return absl::OkStatus();
}

}  // namespace

Date PeriodStart(int year, int quarter) { return Date{year, quarter == 0 ? 1 : (quarter - 1) * 3 + 1, 1}; }

absl::StatusOr<Rating> RatingBook::CreateRating(const std::string& school_id, const std::string& staff_id,
                                                Rating rating, const std::string& rated_by) {
  Date today = platform::LocalDate(clock_());
  RETURN_IF_ERROR(CheckPeriod(rating.year, rating.quarter, today));
  RETURN_IF_ERROR(CheckGrade(rating.grade));
  ASSIGN_OR_RETURN(rating.note, platform::CleanText(rating.note, "rating.note", kMaxNoteChars, false,
                                                    platform::TextLines::kMulti));
  ASSIGN_OR_RETURN(Staff staff, store_.GetStaff(school_id, staff_id, Lock::kNone));
  Date period_end = rating.quarter == 0
                        ? Date{rating.year, 12, 31}
                        : platform::AddDays(PeriodStart(rating.quarter == 4 ? rating.year + 1 : rating.year,
                                                        rating.quarter == 4 ? 1 : rating.quarter + 1),
                                            -1);
  if (staff.start_date > period_end ||
      (staff.end_date.IsSet() && staff.end_date < PeriodStart(rating.year, rating.quarter))) {
    return InvalidField(
        "rating.year",
        absl::StrCat(staff.display_name, " không làm việc tại trường trong kỳ ",
                     RatingPeriod(rating.year, rating.quarter), " (not on the staff in that period)"));
  }
  rating.school_id = school_id;
  rating.staff_id = staff_id;
  rating.rated_by = rated_by;
  rating.create_time = rating.update_time = NowMicros(clock_);
  absl::Status inserted = store_.InsertRating(rating);
  if (absl::IsAlreadyExists(inserted)) {
    return absl::AlreadyExistsError(
        absl::StrCat("Kỳ ", RatingPeriod(rating.year, rating.quarter),
                     " đã được đánh giá; hãy sửa kèm lý do (period already rated)"));
  }
  RETURN_IF_ERROR(inserted);
  return rating;
}

absl::StatusOr<Rating> RatingBook::UpdateRating(const std::string& school_id, const std::string& staff_id,
                                                int year, int quarter, const RatingPatch& patch,
                                                const std::string& rated_by) {
  ASSIGN_OR_RETURN(std::string reason,
                   platform::CleanText(patch.reason, "reason", 500, true, platform::TextLines::kSingle));
  Rating rating;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(rating, store_.GetRating(school_id, staff_id, year, quarter, Lock::kForUpdate));
    const Rating before = rating;
    if (patch.grade) {
      RETURN_IF_ERROR(CheckGrade(*patch.grade));
      rating.grade = *patch.grade;
    }
    if (patch.note) {
      ASSIGN_OR_RETURN(rating.note, platform::CleanText(*patch.note, "rating.note", kMaxNoteChars, false,
                                                        platform::TextLines::kMulti));
    }
    if (patch.city_email_criterion_met) rating.city_email_criterion_met = *patch.city_email_criterion_met;
    rating.rated_by = rated_by;
    rating.update_time = NowMicros(clock_);
    RETURN_IF_ERROR(store_.UpdateRating(rating));
    return store_.RecordRatingCorrection(before, rating, reason);
  }));
  return rating;
}

absl::StatusOr<platform::Page<Rating>> RatingBook::ListRatings(const std::string& school_id,
                                                               const std::string& staff_id, int year,
                                                               int quarter, int page_size,
                                                               absl::string_view page_token) {
  if (quarter < -1 || quarter > 4) return InvalidField("quarter", "phải từ -1 đến 4 (quarter -1..4)");
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 100, 1000));
  std::optional<RatingCursor> after;
  if (!page.after.empty()) {
    std::vector<std::string> parts = absl::StrSplit(page.after, '/');
    RatingCursor cursor;
    if (parts.size() != 3 || parts[0].empty() || !absl::SimpleAtoi(parts[1], &cursor.year) ||
        !absl::SimpleAtoi(parts[2], &cursor.quarter)) {
      return platform::InvalidPageToken();
    }
    cursor.staff_id = parts[0];
    after = cursor;
  }
  ASSIGN_OR_RETURN(auto rows,
                   store_.ListRatings(school_id, staff_id, year, quarter, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, [](const Rating& r) {
    return absl::StrCat(r.staff_id, "/", r.year, "/", r.quarter);
  });
}

}  // namespace parhub::staffing
