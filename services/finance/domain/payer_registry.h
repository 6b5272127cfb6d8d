// PayerRegistry: the school's pupils as payers of invoices — created one by
// one or from the class list the office uploads, corrected, marked as left.
// A pupil who left gets no new invoices; nothing is deleted, since invoices
// and receipts keep pointing at the pupil.
#ifndef PARHUB_SERVICES_FINANCE_DOMAIN_PAYER_REGISTRY_H_
#define PARHUB_SERVICES_FINANCE_DOMAIN_PAYER_REGISTRY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "platform/core/csv.h"
#include "platform/core/page.h"
#include "services/finance/domain/finance_store.h"

namespace parhub::finance {

// Fields to change; unset ones stay.
struct PupilPatch final {
  std::optional<std::string> full_name;
  std::optional<std::string> class_name;
  std::optional<std::string> guardian_name;
  std::optional<std::string> guardian_phone;
  std::optional<std::string> guardian_email;
  std::optional<PupilStatus> status;
  bool new_slip_secret = false;  // draw a new slip secret (a slip was lost or shared)
};

struct ClassListImport final {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<platform::RowError> errors;
  bool applied = false;
};

class PayerRegistry final {
 public:
  PayerRegistry(FinanceStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // ALREADY_EXISTS for a taken id or pupil code.
  absl::StatusOr<PupilRecord> Create(const std::string& school_id, const std::string& pupil_id, Pupil pupil);
  absl::StatusOr<PupilRecord> Get(const std::string& school_id, const std::string& pupil_id);
  absl::StatusOr<platform::Page<PupilRecord>> List(const std::string& school_id, PupilQuery query,
                                                   const platform::PageRequest& page);
  absl::StatusOr<PupilRecord> Update(const std::string& school_id, const std::string& pupil_id,
                                     const PupilPatch& patch);
  // Creates pupils by code (id: the code in lower case) and updates those
  // whose name, class or guardian changed. With any bad row nothing is
  // written unless `skip_invalid_rows`; `dry_run` writes nothing.
  absl::StatusOr<ClassListImport> Import(const std::string& school_id, absl::string_view csv, bool dry_run,
                                         bool skip_invalid_rows);

 private:
  FinanceStore& store_;
  Clock clock_;
};

}  // namespace parhub::finance

#endif  // PARHUB_SERVICES_FINANCE_DOMAIN_PAYER_REGISTRY_H_
