// MySqlEvidenceIndex: which school holds which evidence file, in the tasks
// schema's evidence_files table (migration 004).
#ifndef PARHUB_SERVICES_TASKS_STORE_MYSQL_EVIDENCE_INDEX_H_
#define PARHUB_SERVICES_TASKS_STORE_MYSQL_EVIDENCE_INDEX_H_

#include "platform/db/db.h"
#include "services/tasks/domain/evidence_store.h"

namespace parhub::tasks {

class MySqlEvidenceIndex final : public EvidenceIndex {
 public:
  explicit MySqlEvidenceIndex(platform::Db& db) : db_(db) {}
  absl::Status Insert(const EvidenceFile& file) override;
  absl::StatusOr<EvidenceFile> Get(absl::string_view school_id, absl::string_view sha256) override;

 private:
  platform::Db& db_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_STORE_MYSQL_EVIDENCE_INDEX_H_
