// DiskEvidenceBlobs: evidence bytes in a local directory (--evidence_dir),
// one file per SHA-256 under a two-hex-digit fan-out directory
// (`ab/abcdef…`). A file is written to a temporary name, flushed to disk
// and renamed, so a crash leaves either the whole file or none. Reads
// re-hash the bytes. One directory per service replica: behind several
// replicas it must be shared storage (docs/api/tasks.md, "Evidence files").
#ifndef PARHUB_SERVICES_TASKS_STORE_DISK_EVIDENCE_BLOBS_H_
#define PARHUB_SERVICES_TASKS_STORE_DISK_EVIDENCE_BLOBS_H_

#include <string>

#include "services/tasks/domain/evidence_store.h"

namespace parhub::tasks {

class DiskEvidenceBlobs final : public EvidenceBlobs {
 public:
  // Creates `dir` (mode 0700) when missing; UNAVAILABLE when it cannot.
  static absl::StatusOr<std::unique_ptr<DiskEvidenceBlobs>> Open(const std::string& dir);

  absl::Status Put(absl::string_view sha256, absl::string_view content) override;
  absl::StatusOr<std::string> Get(absl::string_view sha256) override;

 private:
  explicit DiskEvidenceBlobs(std::string dir) : dir_(std::move(dir)) {}
  std::string PathOf(absl::string_view sha256) const;

  std::string dir_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_STORE_DISK_EVIDENCE_BLOBS_H_
