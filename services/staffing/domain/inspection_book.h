// InspectionBook: a school's checks of administrative discipline and the
// code of conduct (task 1.4), scheduled or surprise (kiểm tra đột xuất),
// with who was checked, findings and follow-up actions with deadlines. A
// scheduled check may be entered ahead of its date; findings are recorded
// only once it has taken place. A finding names a staff member of the school
// or none.
#ifndef PARHUB_SERVICES_STAFFING_DOMAIN_INSPECTION_BOOK_H_
#define PARHUB_SERVICES_STAFFING_DOMAIN_INSPECTION_BOOK_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/page.h"
#include "services/staffing/domain/model.h"
#include "services/staffing/domain/staffing_store.h"

namespace parhub::staffing {

struct InspectionPatch final {
  std::optional<std::string> scope;
  std::optional<std::vector<std::string>> inspectors;
  std::optional<int> staff_checked;
  std::optional<std::vector<InspectionFinding>> findings;
  std::optional<std::string> conclusion;
  std::optional<std::string> document_number;
};

class InspectionBook final {
 public:
  InspectionBook(StaffingStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // `inspection_id` "" picks a random one.
  absl::StatusOr<DisciplineInspection> Create(const std::string& school_id, const std::string& inspection_id,
                                              DisciplineInspection draft);
  absl::StatusOr<DisciplineInspection> Get(const std::string& school_id, const std::string& inspection_id);
  // Within [from, to] (unset: open), newest first; default 50, max 200.
  absl::StatusOr<platform::Page<DisciplineInspection>> List(const std::string& school_id, Date from, Date to,
                                                            int page_size, absl::string_view page_token);
  absl::StatusOr<DisciplineInspection> Update(const std::string& school_id, const std::string& inspection_id,
                                              const InspectionPatch& patch);

 private:
  // Checks and normalises every field; findings' staff must exist.
  absl::StatusOr<DisciplineInspection> Clean(DisciplineInspection inspection) const;

  StaffingStore& store_;
  Clock clock_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_DOMAIN_INSPECTION_BOOK_H_
