// Roster rules (see roster.h).
#include "services/staffing/domain/roster.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/email.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/staffing/domain/staff_rules.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::InvalidField;

std::string StaffPageKey(const Staff& s) {
  return absl::StrCat(platform::Utf8Prefix(platform::FoldForSearch(s.display_name), 250), "/", s.staff_id);
}

absl::StatusOr<StaffCursor> DecodeStaffKey(const std::string& key) {
  size_t slash = key.rfind('/');
  if (slash == std::string::npos || slash + 1 == key.size()) return platform::InvalidPageToken();
  return StaffCursor{key.substr(0, slash), key.substr(slash + 1)};
}

absl::Status CheckStatusMove(StaffStatus from, StaffStatus to) {
  if (from == to || from != StaffStatus::kLeft) return absl::OkStatus();
  return InvalidField("staff.status",
                      "nhân sự đã nghỉ việc không thể chuyển lại; người quay lại làm việc là một hồ sơ mới "
                      "(LEFT is final; a returning person is a new staff record)");
}

}  // namespace

Date Roster::Today() const { return platform::LocalDate(clock_()); }

absl::Status Roster::CheckEmailFree(const std::string& school_id, const std::string& staff_id,
                                    const std::string& email, const std::string& field) {
  if (email.empty()) return absl::OkStatus();
  ASSIGN_OR_RETURN(std::vector<Staff> holders, store_.StaffByEmails(school_id, {email}));
  for (const Staff& holder : holders) {
    if (holder.staff_id != staff_id) {
      return InvalidField(
          field, absl::StrCat("địa chỉ ", email, " đã là thư của ", holder.display_name, " (",
                              holder.staff_code, ") (address already used by another staff member)"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Staff> Roster::CreateStaff(const std::string& school_id, const std::string& staff_id,
                                          Staff draft) {
  ASSIGN_OR_RETURN(Staff staff, CleanStaff(std::move(draft), Today(), "staff."));
  staff.school_id = school_id;
  staff.staff_id = staff_id.empty() ? StaffIdFromCode(staff.staff_code) : staff_id;
  if (staff.staff_id.empty()) staff.staff_id = absl::StrCat("nv-", platform::RandomHex(5));
  RETURN_IF_ERROR(platform::ValidateId(staff.staff_id, "staff_id"));
  staff.city_email_last_used_date = Date{};
  staff.version = 1;
  staff.create_time = staff.update_time = NowMicros(clock_);
  RETURN_IF_ERROR(CheckEmailFree(school_id, staff.staff_id, staff.city_email, "staff.city_email"));
  absl::Status inserted = store_.InsertStaff(staff);
  if (absl::IsAlreadyExists(inserted)) {
    return absl::AlreadyExistsError(absl::StrCat("Mã nhân sự '", staff.staff_code, "' hoặc định danh '",
                                                 staff.staff_id, "' đã có trong trường (already exists)"));
  }
  RETURN_IF_ERROR(inserted);
  return staff;
}

absl::StatusOr<Staff> Roster::GetStaff(const std::string& school_id, const std::string& staff_id) {
  return store_.GetStaff(school_id, staff_id, Lock::kNone);
}

absl::StatusOr<Page<Staff>> Roster::ListStaff(const std::string& school_id, StaffQuery query, int page_size,
                                              absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 500));
  std::optional<StaffCursor> after;
  if (!page.after.empty()) {
    ASSIGN_OR_RETURN(after, DecodeStaffKey(page.after));
  }
  if (query.statuses.empty()) query.statuses = {StaffStatus::kActive, StaffStatus::kOnLeave};
  query.folded_query = platform::FoldForSearch(query.folded_query);
  query.today = Today();
  ASSIGN_OR_RETURN(auto rows, store_.ListStaff(school_id, query, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, StaffPageKey);
}

absl::StatusOr<Staff> Roster::UpdateStaff(const std::string& school_id, const std::string& staff_id,
                                          const StaffPatch& patch) {
  Staff staff;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(staff, store_.GetStaff(school_id, staff_id, Lock::kForUpdate));
    if (!patch.etag.empty() && patch.etag != absl::StrCat(staff.version)) {
      return platform::WithReason(
          absl::AbortedError("Hồ sơ đã được người khác sửa; hãy tải lại rồi sửa tiếp (stale etag)"),
          "STALE_ETAG");
    }
    StaffStatus before = staff.status;
    if (patch.display_name) staff.display_name = *patch.display_name;
    if (patch.position) staff.position = *patch.position;
    if (patch.employment_type) staff.employment_type = *patch.employment_type;
    if (patch.budget_paid) staff.budget_paid = *patch.budget_paid;
    if (patch.start_date) staff.start_date = *patch.start_date;
    if (patch.end_date) staff.end_date = *patch.end_date;
    if (patch.status) {
      if (*patch.status == StaffStatus::kUnspecified) {
        return InvalidField("staff.status", "trạng thái không được để trống (status must be set)");
      }
      staff.status = *patch.status;
    }
    const std::string old_email = staff.city_email;
    if (patch.city_email) staff.city_email = *patch.city_email;
    if (patch.manager) staff.manager = *patch.manager;
    if (patch.birth_date) staff.birth_date = *patch.birth_date;
    if (patch.id_number) staff.id_number = *patch.id_number;
    if (patch.circumstances) staff.circumstances = *patch.circumstances;
    RETURN_IF_ERROR(CheckStatusMove(before, staff.status));
    if (before == StaffStatus::kLeft && patch.end_date) {
      return InvalidField("staff.end_date", "nhân sự đã nghỉ việc (LEFT is final)");
    }
    ASSIGN_OR_RETURN(staff, CleanStaff(std::move(staff), Today(), "staff."));
    if (staff.city_email != old_email) {
      staff.city_email_last_used_date = Date{};  // a new mailbox has no use yet
      RETURN_IF_ERROR(CheckEmailFree(school_id, staff.staff_id, staff.city_email, "staff.city_email"));
    }
    staff.version += 1;
    staff.update_time = NowMicros(clock_);
    return store_.UpdateStaff(staff);
  }));
  return staff;
}

absl::StatusOr<ImportResult> Roster::ImportRoster(const std::string& school_id,
                                                  std::vector<RosterEntry> entries,
                                                  std::vector<RowError> parse_errors,
                                                  const ImportOptions& options) {
  ImportResult result;
  result.errors = std::move(parse_errors);
  Date today = Today();
  std::vector<RosterEntry> valid;
  std::set<std::string> codes;
  for (RosterEntry& entry : entries) {
    absl::StatusOr<Staff> cleaned = CleanStaff(std::move(entry.staff), today, "");
    if (!cleaned.ok()) {
      result.errors.push_back(RowErrorOf(entry.row, cleaned.status()));
      continue;
    }
    if (!codes.insert(cleaned->staff_code).second) {
      result.errors.push_back({entry.row, "staff_code", "mã nhân sự lặp lại trong tệp (repeated code)"});
      continue;
    }
    valid.push_back({entry.row, *std::move(cleaned)});
  }
  const std::vector<RowError> row_errors = result.errors;
  absl::Status status = store_.Atomically([&]() -> absl::Status {
    // A deadlock retry runs this again: start the counts afresh.
    result = ImportResult{};
    result.errors = row_errors;
    std::vector<std::string> code_list(codes.begin(), codes.end());
    ASSIGN_OR_RETURN(std::vector<Staff> existing, store_.StaffByCodes(school_id, code_list));
    std::map<std::string, Staff> by_code;
    for (Staff& s : existing) by_code.emplace(s.staff_code, std::move(s));
    // First decide what each row does; write only when the whole batch may be.
    std::vector<Staff> inserts, updates;
    std::map<std::string, int> row_of;  // staff code → line
    for (const RosterEntry& entry : valid) row_of[entry.staff.staff_code] = entry.row;
    for (RosterEntry& entry : valid) {
      Staff& row = entry.staff;
      auto it = by_code.find(row.staff_code);
      if (it == by_code.end()) {
        inserts.push_back(row);  // a copy: a deadlock retry runs this loop again
        continue;
      }
      Staff& stored = it->second;
      if (stored.status == StaffStatus::kLeft) {
        result.errors.push_back({entry.row, "staff_code",
                                 "nhân sự này đã nghỉ việc; người quay lại làm việc cần mã mới "
                                 "(staff member has left; a returning person needs a new code)"});
      } else if (SameRosterFields(stored, row)) {
        ++result.unchanged;
      } else {
        Staff merged = stored;
        merged.display_name = row.display_name;
        merged.position = row.position;
        merged.employment_type = row.employment_type;
        merged.budget_paid = row.budget_paid;
        merged.start_date = row.start_date;
        if (merged.city_email != row.city_email) merged.city_email_last_used_date = Date{};
        merged.city_email = row.city_email;
        if (row.birth_date.IsSet()) merged.birth_date = row.birth_date;
        if (!row.id_number.empty()) merged.id_number = row.id_number;
        absl::StatusOr<Staff> checked = CleanStaff(std::move(merged), today, "");
        if (!checked.ok()) {
          result.errors.push_back(RowErrorOf(entry.row, checked.status()));
          continue;
        }
        updates.push_back(*std::move(checked));
      }
    }
    // One mailbox per person: within the file and against the other staff.
    std::map<std::string, std::string> email_owner;  // address → staff code in this file
    auto email_taken = [&](const Staff& row, const std::string& staff_id) -> absl::StatusOr<bool> {
      if (row.city_email.empty()) return false;
      auto [it, fresh] = email_owner.emplace(row.city_email, row.staff_code);
      if (!fresh && it->second != row.staff_code) return true;
      absl::Status free = CheckEmailFree(school_id, staff_id, row.city_email, "city_email");
      if (absl::IsInvalidArgument(free)) return true;
      RETURN_IF_ERROR(free);
      return false;
    };
    std::vector<Staff> checked_inserts, checked_updates;
    for (Staff& row : inserts) {
      ASSIGN_OR_RETURN(bool taken, email_taken(row, ""));
      if (taken) {
        result.errors.push_back(
            {row_of[row.staff_code], "city_email",
             "địa chỉ thư đã là của người khác (address already used by another person)"});
      } else {
        checked_inserts.push_back(std::move(row));
      }
    }
    for (Staff& row : updates) {
      ASSIGN_OR_RETURN(bool taken, email_taken(row, row.staff_id));
      if (taken) {
        result.errors.push_back(
            {row_of[row.staff_code], "city_email",
             "địa chỉ thư đã là của người khác (address already used by another person)"});
      } else {
        checked_updates.push_back(std::move(row));
      }
    }
    inserts = std::move(checked_inserts);
    updates = std::move(checked_updates);
    result.created = static_cast<int>(inserts.size());
    result.updated = static_cast<int>(updates.size());
    if (options.dry_run || (!result.errors.empty() && !options.skip_invalid_rows)) return absl::OkStatus();
    absl::Time now = NowMicros(clock_);
    for (Staff& row : inserts) {
      row.school_id = school_id;
      row.staff_id = StaffIdFromCode(row.staff_code);
      if (row.staff_id.empty() || store_.GetStaff(school_id, row.staff_id, Lock::kNone).ok()) {
        row.staff_id = absl::StrCat("nv-", platform::RandomHex(5));
      }
      row.version = 1;
      row.create_time = row.update_time = now;
      RETURN_IF_ERROR(store_.InsertStaff(row));
    }
    for (Staff& stored : updates) {
      stored.version += 1;
      stored.update_time = now;
      RETURN_IF_ERROR(store_.UpdateStaff(stored));
    }
    result.applied = !inserts.empty() || !updates.empty();
    return absl::OkStatus();
  });
  RETURN_IF_ERROR(status);
  std::sort(result.errors.begin(), result.errors.end(),
            [](const RowError& a, const RowError& b) { return a.row < b.row; });
  return result;
}

absl::StatusOr<EmailUsageResult> Roster::ImportCityEmailUsage(const std::string& school_id, Date report_date,
                                                              std::vector<CityEmailUse> uses,
                                                              std::vector<RowError> parse_errors) {
  if (!report_date.IsSet())
    return InvalidField("report_date", "phải có ngày lập báo cáo (report date is required)");
  if (report_date > Today()) {
    return InvalidField("report_date", "ngày lập báo cáo ở tương lai (report date in the future)");
  }
  if (uses.size() > static_cast<size_t>(kMaxImportRows)) {
    return InvalidField("rows", absl::StrCat("tối đa ", kMaxImportRows, " dòng (too many rows)"));
  }
  EmailUsageResult result;
  result.errors = std::move(parse_errors);
  std::vector<std::string> emails;
  std::set<std::string> seen;
  std::vector<CityEmailUse> valid;
  for (CityEmailUse& use : uses) {
    if (absl::Status email = platform::ValidateEmail(use.email, "email"); !email.ok() || use.email.empty()) {
      result.errors.push_back({use.row, "email", "địa chỉ thư không hợp lệ (invalid address)"});
    } else if (!seen.insert(use.email).second) {
      result.errors.push_back({use.row, "email", "địa chỉ lặp lại trong báo cáo (repeated address)"});
    } else if (use.last_used_date.IsSet() && use.last_used_date > report_date) {
      result.errors.push_back({use.row, "last_used_date", "sau ngày lập báo cáo (after the report date)"});
    } else {
      emails.push_back(use.email);
      valid.push_back(std::move(use));
    }
  }
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(std::vector<Staff> staff, store_.StaffByEmails(school_id, emails));
    std::map<std::string, std::string> staff_by_email;
    for (const Staff& s : staff) staff_by_email[s.city_email] = s.staff_id;
    std::vector<std::pair<std::string, Date>> matched;
    for (const CityEmailUse& use : valid) {
      auto it = staff_by_email.find(use.email);
      if (it == staff_by_email.end()) {
        result.errors.push_back(
            {use.row, "email",
             "không có nhân sự nào của trường dùng địa chỉ này (no staff member has this address)"});
        continue;
      }
      matched.emplace_back(it->second, use.last_used_date);
    }
    result.matched = static_cast<int>(matched.size());
    return store_.RecordEmailUsage(school_id, report_date, matched);
  }));
  std::sort(result.errors.begin(), result.errors.end(),
            [](const RowError& a, const RowError& b) { return a.row < b.row; });
  return result;
}

absl::StatusOr<StaffingQuota> Roster::CleanQuota(StaffingQuota q) const {
  if (q.year < 2000 || q.year > Today().year + 1) {
    return InvalidField("staffing_quota.year",
                        absl::StrCat("năm phải từ 2000 đến ", Today().year + 1, " (year out of range)"));
  }
  for (auto [value, field] : {std::pair{q.civil_servant_quota, "staffing_quota.civil_servant_quota"},
                              std::pair{q.public_employee_quota, "staffing_quota.public_employee_quota"},
                              std::pair{q.contract_quota, "staffing_quota.contract_quota"}}) {
    if (value < 0 || value > 100000) return InvalidField(field, "phải từ 0 đến 100000 (out of range)");
  }
  ASSIGN_OR_RETURN(q.decision_number, platform::CleanText(q.decision_number, "staffing_quota.decision_number",
                                                          60, false, platform::TextLines::kSingle));
  if (q.decision_date.IsSet() && q.decision_date > Today()) {
    return InvalidField("staffing_quota.decision_date",
                        "ngày quyết định ở tương lai (decision date in the future)");
  }
  return q;
}

absl::StatusOr<StaffingQuota> Roster::CreateQuota(const std::string& school_id, StaffingQuota quota) {
  ASSIGN_OR_RETURN(quota, CleanQuota(std::move(quota)));
  quota.school_id = school_id;
  quota.update_time = NowMicros(clock_);
  absl::Status inserted = store_.InsertQuota(quota);
  if (absl::IsAlreadyExists(inserted)) {
    return absl::AlreadyExistsError(
        absl::StrCat("Chỉ tiêu năm ", quota.year, " đã có; hãy sửa thay vì tạo mới (quota exists)"));
  }
  RETURN_IF_ERROR(inserted);
  return quota;
}

absl::StatusOr<StaffingQuota> Roster::GetQuota(const std::string& school_id, int year) {
  return store_.GetQuota(school_id, year, Lock::kNone);
}

absl::StatusOr<Page<StaffingQuota>> Roster::ListQuotas(const std::string& school_id, int page_size,
                                                       absl::string_view page_token) {
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 20, 100));
  int before = 0;
  if (!page.after.empty() && !absl::SimpleAtoi(page.after, &before)) return platform::InvalidPageToken();
  ASSIGN_OR_RETURN(auto rows, store_.ListQuotas(school_id, before, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size,
                            [](const StaffingQuota& q) { return absl::StrCat(q.year); });
}

absl::StatusOr<StaffingQuota> Roster::UpdateQuota(const std::string& school_id, int year,
                                                  const QuotaPatch& patch) {
  StaffingQuota q;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(q, store_.GetQuota(school_id, year, Lock::kForUpdate));
    if (patch.civil_servant_quota) q.civil_servant_quota = *patch.civil_servant_quota;
    if (patch.public_employee_quota) q.public_employee_quota = *patch.public_employee_quota;
    if (patch.contract_quota) q.contract_quota = *patch.contract_quota;
    if (patch.decision_number) q.decision_number = *patch.decision_number;
    if (patch.decision_date) q.decision_date = *patch.decision_date;
    ASSIGN_OR_RETURN(q, CleanQuota(std::move(q)));
    q.update_time = NowMicros(clock_);
    return store_.UpdateQuota(q);
  }));
  return q;
}

}  // namespace parhub::staffing
