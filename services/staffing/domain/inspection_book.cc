// Discipline inspections (see inspection_book.h).
#include "services/staffing/domain/inspection_book.h"

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::staffing {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

constexpr int kMaxInspectors = 20;
constexpr int kMaxFindings = 200;

std::string F(absl::string_view name) { return absl::StrCat("discipline_inspection.", name); }

}  // namespace

absl::StatusOr<DisciplineInspection> InspectionBook::Clean(DisciplineInspection i) const {
  Date today = platform::LocalDate(clock_());
  if (i.kind == InspectionKind::kUnspecified) {
    return InvalidField(F("kind"), "phải chọn kiểm tra theo kế hoạch hoặc đột xuất (kind is required)");
  }
  if (!i.inspection_date.IsSet())
    return InvalidField(F("inspection_date"), "phải có ngày kiểm tra (date is required)");
  bool ahead = i.inspection_date > today;
  if (ahead && (i.kind == InspectionKind::kSurprise || !i.findings.empty())) {
    return InvalidField(
        F("inspection_date"),
        i.kind == InspectionKind::kSurprise
            ? "kiểm tra đột xuất chỉ ghi sau khi đã diễn ra (a surprise check is recorded after it)"
            : "chưa đến ngày kiểm tra nên chưa thể có kết quả (no findings before the check)");
  }
  ASSIGN_OR_RETURN(i.scope, CleanText(i.scope, F("scope"), 500, false, TextLines::kSingle));
  if (i.inspectors.size() > static_cast<size_t>(kMaxInspectors)) {
    return InvalidField(F("inspectors"), absl::StrCat("tối đa ", kMaxInspectors, " người (too many)"));
  }
  for (std::string& inspector : i.inspectors) {
    ASSIGN_OR_RETURN(inspector, CleanText(inspector, F("inspectors"), 200, true, TextLines::kSingle));
  }
  if (i.staff_checked < 0 || i.staff_checked > 100000) {
    return InvalidField(F("staff_checked"), "phải từ 0 đến 100000 (out of range)");
  }
  if (i.findings.size() > static_cast<size_t>(kMaxFindings)) {
    return InvalidField(F("findings"), absl::StrCat("tối đa ", kMaxFindings, " nội dung (too many)"));
  }
  for (size_t n = 0; n < i.findings.size(); ++n) {
    InspectionFinding& f = i.findings[n];
    std::string at = absl::StrCat(F("findings"), "[", n, "]");
    ASSIGN_OR_RETURN(f.description, CleanText(f.description, absl::StrCat(at, ".description"), 2000, true,
                                              TextLines::kMulti));
    ASSIGN_OR_RETURN(f.action,
                     CleanText(f.action, absl::StrCat(at, ".action"), 500, false, TextLines::kSingle));
    if (f.action_due_date.IsSet() && f.action_due_date < i.inspection_date) {
      return InvalidField(absl::StrCat(at, ".action_due_date"),
                          "hạn khắc phục trước ngày kiểm tra (deadline before the check)");
    }
    if (f.action_done_date.IsSet() &&
        (f.action_done_date < i.inspection_date || f.action_done_date > today)) {
      return InvalidField(
          absl::StrCat(at, ".action_done_date"),
          "ngày khắc phục phải từ ngày kiểm tra đến hôm nay (done between the check and today)");
    }
    if (!f.staff_id.empty() && !store_.GetStaff(i.school_id, f.staff_id, Lock::kNone).ok()) {
      return InvalidField(absl::StrCat(at, ".staff"),
                          "không có nhân sự này trong trường (no such staff member)");
    }
  }
  ASSIGN_OR_RETURN(i.conclusion, CleanText(i.conclusion, F("conclusion"), 5000, false, TextLines::kMulti));
  ASSIGN_OR_RETURN(i.document_number,
                   CleanText(i.document_number, F("document_number"), 60, false, TextLines::kSingle));
  return i;
}

absl::StatusOr<DisciplineInspection> InspectionBook::Create(const std::string& school_id,
                                                            const std::string& inspection_id,
                                                            DisciplineInspection draft) {
  draft.school_id = school_id;
  draft.inspection_id = inspection_id.empty() ? absl::StrCat("kt-", platform::RandomHex(5)) : inspection_id;
  RETURN_IF_ERROR(platform::ValidateId(draft.inspection_id, "discipline_inspection_id"));
  ASSIGN_OR_RETURN(DisciplineInspection inspection, Clean(std::move(draft)));
  inspection.create_time = inspection.update_time = NowMicros(clock_);
  absl::Status inserted = store_.InsertInspection(inspection);
  if (absl::IsAlreadyExists(inserted)) {
    return absl::AlreadyExistsError(
        absl::StrCat("Cuộc kiểm tra '", inspection.inspection_id, "' đã có (inspection exists)"));
  }
  RETURN_IF_ERROR(inserted);
  return inspection;
}

absl::StatusOr<DisciplineInspection> InspectionBook::Get(const std::string& school_id,
                                                         const std::string& inspection_id) {
  return store_.GetInspection(school_id, inspection_id, Lock::kNone);
}

absl::StatusOr<platform::Page<DisciplineInspection>> InspectionBook::List(const std::string& school_id,
                                                                          Date from, Date to, int page_size,
                                                                          absl::string_view page_token) {
  if (from.IsSet() && to.IsSet() && to < from) {
    return InvalidField("end_date", "ngày kết thúc trước ngày bắt đầu (end before start)");
  }
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 50, 200));
  std::optional<InspectionCursor> after;
  if (!page.after.empty()) {
    size_t slash = page.after.find('/');
    if (slash == std::string::npos || slash + 1 == page.after.size()) return platform::InvalidPageToken();
    absl::StatusOr<Date> date = platform::ParseDate(page.after.substr(0, slash), "page_token");
    if (!date.ok()) return platform::InvalidPageToken();
    after = InspectionCursor{*date, page.after.substr(slash + 1)};
  }
  ASSIGN_OR_RETURN(auto rows, store_.ListInspections(school_id, from, to, after, page.fetch_limit()));
  return platform::MakePage(std::move(rows), page.size, [](const DisciplineInspection& i) {
    return absl::StrCat(i.inspection_date.ToIso(), "/", i.inspection_id);
  });
}

absl::StatusOr<DisciplineInspection> InspectionBook::Update(const std::string& school_id,
                                                            const std::string& inspection_id,
                                                            const InspectionPatch& patch) {
  DisciplineInspection inspection;
  RETURN_IF_ERROR(store_.Atomically([&]() -> absl::Status {
    ASSIGN_OR_RETURN(inspection, store_.GetInspection(school_id, inspection_id, Lock::kForUpdate));
    if (patch.scope) inspection.scope = *patch.scope;
    if (patch.inspectors) inspection.inspectors = *patch.inspectors;
    if (patch.staff_checked) inspection.staff_checked = *patch.staff_checked;
    if (patch.findings) inspection.findings = *patch.findings;
    if (patch.conclusion) inspection.conclusion = *patch.conclusion;
    if (patch.document_number) inspection.document_number = *patch.document_number;
    ASSIGN_OR_RETURN(inspection, Clean(std::move(inspection)));
    inspection.update_time = NowMicros(clock_);
    return store_.UpdateInspection(inspection);
  }));
  return inspection;
}

}  // namespace parhub::staffing
