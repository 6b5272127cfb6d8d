// Small helpers of the staffing vocabulary (see model.h).
#include "services/staffing/domain/model.h"

#include "absl/strings/str_cat.h"

namespace parhub::staffing {

std::string StaffName(const std::string& school_id, const std::string& staff_id) {
  return absl::StrCat("schools/", school_id, "/staff/", staff_id);
}

std::string RatingPeriod(int year, int quarter) {
  return quarter == 0 ? absl::StrCat(year) : absl::StrCat(year, "-q", quarter);
}

absl::Time NowMicros(const Clock& clock) { return absl::FromUnixMicros(absl::ToUnixMicros(clock())); }

}  // namespace parhub::staffing
