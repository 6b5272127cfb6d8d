// Downsizing candidates from yearly ratings (downsizing_candidates.h).
#include "services/staffing/domain/downsizing_candidates.h"

#include <algorithm>
#include <utility>

#include "platform/core/status_macros.h"

namespace parhub::staffing {
namespace {

// A decree's first rating-based category a person meets, with the years
// that qualify.
struct Match final {
  const DownsizingDecree* decree = nullptr;
  std::string category;
  std::vector<int> years;
};

std::vector<Match> MatchesOf(const std::vector<const DownsizingDecree*>& decrees,
                             const std::map<int, RatingGrade>& grades, int last_year) {
  std::vector<Match> out;
  for (const DownsizingDecree* d : decrees) {
    for (const DownsizingCategory& c : d->categories) {
      if (!c.rating_rule) continue;
      std::optional<std::vector<int>> years = QualifyingYears(*c.rating_rule, grades, last_year);
      if (!years) continue;
      out.push_back({d, c.code, *std::move(years)});
      break;
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<std::map<std::string, std::vector<Candidate>>> FindCandidates(
    StaffingStore& store, const DownsizingCatalog& catalog, Date today,
    const std::vector<std::string>& school_ids, int last_year, const std::string& after, int limit) {
  std::vector<const DownsizingDecree*> decrees = catalog.DecreesInForce(today);
  int window = 1;
  for (const DownsizingDecree* d : decrees) {
    for (const DownsizingCategory& c : d->categories) {
      if (c.rating_rule) window = std::max(window, c.rating_rule->consecutive_years);
    }
  }
  ASSIGN_OR_RETURN(std::vector<Rating> ratings,
                   store.YearlyRatings(school_ids, last_year - window + 1, last_year));
  // (school, staff) → year → rating, in school and staff id order.
  std::map<std::pair<std::string, std::string>, std::map<int, Rating>> rated;
  for (Rating& r : ratings) {
    if (r.staff_id > after) rated[{r.school_id, r.staff_id}][r.year] = std::move(r);
  }
  ASSIGN_OR_RETURN(auto open, store.StaffWithOpenRecords(school_ids));
  std::map<std::pair<std::string, std::string>, std::vector<Match>> matched;
  std::map<std::string, std::vector<std::string>> to_read;
  for (const auto& [key, yearly] : rated) {
    if (open[key.first].contains(key.second)) continue;
    std::map<int, RatingGrade> grades;
    for (const auto& [year, rating] : yearly) grades[year] = rating.grade;
    std::vector<Match> matches = MatchesOf(decrees, grades, last_year);
    if (matches.empty()) continue;
    matched[key] = std::move(matches);
    to_read[key.first].push_back(key.second);
  }
  std::map<std::pair<std::string, std::string>, Staff> people;
  if (!to_read.empty()) {
    ASSIGN_OR_RETURN(std::vector<Staff> staff, store.StaffByIds(to_read));
    for (Staff& s : staff) people[{s.school_id, s.staff_id}] = std::move(s);
  }
  std::map<std::string, std::vector<Candidate>> out;
  for (const auto& [key, matches] : matched) {
    std::vector<Candidate>& found = out[key.first];
    if (limit > 0 && static_cast<int>(found.size()) >= limit) continue;
    auto person = people.find(key);
    if (person == people.end()) return absl::NotFoundError("Không tìm thấy nhân sự (staff member not found)");
    if (person->second.status == StaffStatus::kLeft) continue;
    for (const Match& m : matches) {
      if (ExemptOn(*m.decree, person->second.circumstances, today)) continue;
      Candidate candidate{person->second, m.category, {}};
      for (int year : m.years) candidate.ratings.push_back(rated.at(key).at(year));
      found.push_back(std::move(candidate));
      break;
    }
  }
  std::erase_if(out, [](const auto& entry) { return entry.second.empty(); });
  return out;
}

}  // namespace parhub::staffing
