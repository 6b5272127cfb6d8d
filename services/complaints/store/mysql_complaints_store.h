// ComplaintsStore on MySQL/MariaDB (schema: migrations/001_complaints.sql).
#ifndef PARHUB_SERVICES_COMPLAINTS_STORE_MYSQL_COMPLAINTS_STORE_H_
#define PARHUB_SERVICES_COMPLAINTS_STORE_MYSQL_COMPLAINTS_STORE_H_

#include <vector>

#include "platform/db/db.h"
#include "platform/db/migrations.h"
#include "services/complaints/domain/complaints_store.h"

// The complaints schema, embedded at build time (cmake/Migrations.cmake).
const std::vector<parhub::platform::Migration>& ComplaintsMigrations();

namespace parhub::complaints {

class MySqlComplaintsStore final : public ComplaintsStore {
 public:
  explicit MySqlComplaintsStore(platform::Db& db) : db_(db) {}

  absl::Status Atomically(const std::function<absl::Status()>& fn) override;
  absl::Status InsertCase(const Case& c) override;
  absl::StatusOr<Case> GetCase(const std::string& school_id, const std::string& case_id, Lock lock) override;
  absl::StatusOr<Case> FindByTrackingCode(const std::string& code, Lock lock) override;
  absl::Status UpdateCase(const Case& c) override;
  absl::Status InsertExtension(const Case& c, const Extension& extension) override;
  absl::Status InsertApologyLetter(const Case& c, const ApologyLetter& letter) override;
  absl::Status InsertPriorResolution(const Case& c, const PriorResolution& prior) override;
  absl::StatusOr<CaseEvent> AppendEvent(CaseEvent event) override;
  absl::StatusOr<std::vector<CaseEvent>> ListEvents(const std::string& school_id, const std::string& case_id,
                                                    bool public_only, int64_t after_sequence,
                                                    int limit) override;
  absl::StatusOr<std::vector<Case>> ListCases(const std::string& school_id, const CaseQuery& query,
                                              const std::optional<CaseCursor>& after, int limit) override;
  absl::StatusOr<std::vector<Case>> CasesForPeriod(const std::vector<std::string>& school_ids, Date from,
                                                   Date to) override;
  absl::Status InsertNotice(const EnrolmentNotice& notice) override;
  absl::StatusOr<EnrolmentNotice> GetNotice(const std::string& school_id, const std::string& notice_id,
                                            Lock lock) override;
  absl::Status UpdateNotice(const EnrolmentNotice& notice) override;
  absl::StatusOr<std::vector<EnrolmentNotice>> ListNotices(
      const std::string& school_id, Date open_on, const std::optional<std::pair<Date, std::string>>& after,
      int limit) override;
  absl::StatusOr<int> CountRegistrationsOf(const std::string& school_id, const std::string& notice_id,
                                           const Applicant& applicant) override;
  absl::StatusOr<std::vector<Case>> ListEscalated(const std::string& authority,
                                                  const std::vector<std::string>& school_ids,
                                                  const std::optional<EscalationCursor>& after,
                                                  int limit) override;

 private:
  // Case rows selected by `where` (after "FROM cases "), children attached
  // when asked (read by the cases' keys).
  absl::StatusOr<std::vector<Case>> SelectCases(const std::string& where,
                                                const std::vector<platform::SqlValue>& params,
                                                bool with_children);
  // Extensions, apology letters and prior resolutions of `cases`, read
  // where (school_id, case_id) IN `keys`: a list of the cases' keys, or a
  // subquery over cases when they may be more than a statement takes
  // placeholders. Rows of other cases are ignored.
  absl::Status AttachChildren(std::vector<Case>& cases, const std::string& keys,
                              const std::vector<platform::SqlValue>& params);

  platform::Db& db_;
};

}  // namespace parhub::complaints

#endif  // PARHUB_SERVICES_COMPLAINTS_STORE_MYSQL_COMPLAINTS_STORE_H_
