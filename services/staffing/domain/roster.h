// Roster: a school's staff records and yearly quotas. It enforces the input
// rules (staff_rules.h), code uniqueness, the status moves (ACTIVE ⇄
// ON_LEAVE, either → LEFT, LEFT final), optimistic concurrency, and the
// roster import: rows are matched to staff by code, each row is created,
// updated or left unchanged, so importing the same file twice changes
// nothing the second time. Callers check access first; Roster trusts the
// school id it is given.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/staffing/domain/model.h"
#include "services/staffing/domain/roster_csv.h"
#include "services/staffing/domain/staffing_store.h"

namespace parhub::staffing {

using ::parhub::platform::Page;

// Fields to change; unset optionals stay as they are.
struct StaffPatch final {
  std::optional<std::string> display_name;
  std::optional<std::string> position;
  std::optional<EmploymentType> employment_type;
  std::optional<bool> budget_paid;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  std::optional<StaffStatus> status;
  std::optional<std::string> city_email;
  std::optional<bool> manager;
  std::optional<Date> birth_date;
  std::optional<std::string> id_number;
  std::optional<std::vector<Circumstance>> circumstances;
  std::string etag;  // "" skips the check
};

struct ImportOptions final {
  bool dry_run = false;
  bool skip_invalid_rows = false;
};

struct ImportResult final {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<RowError> errors;
  bool applied = false;
};

struct EmailUsageResult final {
  int matched = 0;
  std::vector<RowError> errors;
};

struct QuotaPatch final {
  std::optional<int> civil_servant_quota;
  std::optional<int> public_employee_quota;
  std::optional<int> contract_quota;
  std::optional<std::string> decision_number;
  std::optional<Date> decision_date;
};

class Roster final {
 public:
  Roster(StaffingStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Today's date in Vietnam.
  Date Today() const;

  // `staff_id` "" picks one from the code (or at random).
  absl::StatusOr<Staff> CreateStaff(const std::string& school_id, const std::string& staff_id, Staff staff);
  absl::StatusOr<Staff> GetStaff(const std::string& school_id, const std::string& staff_id);
  // By folded name, then id. Statuses empty: ACTIVE and ON_LEAVE.
  absl::StatusOr<Page<Staff>> ListStaff(const std::string& school_id, StaffQuery query, int page_size,
                                        absl::string_view page_token);
  absl::StatusOr<Staff> UpdateStaff(const std::string& school_id, const std::string& staff_id,
                                    const StaffPatch& patch);

  // Creates or updates staff from rows (matched by code). With
  // skip_invalid_rows false any invalid row means nothing is written.
  absl::StatusOr<ImportResult> ImportRoster(const std::string& school_id, std::vector<RosterEntry> entries,
                                            std::vector<RowError> parse_errors, const ImportOptions& options);

  // Records the city mail system's usage report of `report_date` (task
  // 1.7): each row's address is matched to a staff member's city e-mail;
  // rows that match no one, repeat an address or are dated after the report
  // come back as errors, the others are stored.
  absl::StatusOr<EmailUsageResult> ImportCityEmailUsage(const std::string& school_id, Date report_date,
                                                        std::vector<CityEmailUse> uses,
                                                        std::vector<RowError> parse_errors);

  absl::StatusOr<StaffingQuota> CreateQuota(const std::string& school_id, StaffingQuota quota);
  absl::StatusOr<StaffingQuota> GetQuota(const std::string& school_id, int year);
  // Newest year first; default 20, max 100.
  absl::StatusOr<Page<StaffingQuota>> ListQuotas(const std::string& school_id, int page_size,
                                                 absl::string_view page_token);
  absl::StatusOr<StaffingQuota> UpdateQuota(const std::string& school_id, int year, const QuotaPatch& patch);

 private:
  absl::StatusOr<StaffingQuota> CleanQuota(StaffingQuota quota) const;
  // INVALID_ARGUMENT on `field` when another staff member of the school has
  // `email` (one city mailbox per person).
  absl::Status CheckEmailFree(const std::string& school_id, const std::string& staff_id,
                              const std::string& email, const std::string& field);

  StaffingStore& store_;
  Clock clock_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_ROSTER_H_
