// Where evidence files live: their bytes in an EvidenceBlobs (content
// addressed by SHA-256, shared by every school: the same file is stored
// once), and which school holds which file in an EvidenceIndex (so a
// school reads only files it uploaded itself). Local disk and MySQL in
// store/; an S3-compatible blob store for Kubernetes is described in
// docs/api/tasks.md and not built.
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_EVIDENCE_STORE_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_EVIDENCE_STORE_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace parhub::tasks {

// One school's record of an uploaded file.
struct EvidenceFile final {
  std::string school_id;
  std::string sha256;      // 64 lowercase hex digits
  std::string media_type;  // sniffed from the content
  int64_t size_bytes = 0;
  std::string filename;     // as the uploader named it (display only)
  std::string uploaded_by;  // "accounts/{account}"
  absl::Time create_time;
};

class EvidenceBlobs {
 public:
  virtual ~EvidenceBlobs() = default;
  // Stores `content` under `sha256` (its hash, computed by the caller);
  // storing it again changes nothing. UNAVAILABLE when the store cannot write.
  virtual absl::Status Put(absl::string_view sha256, absl::string_view content) = 0;
  // The content, checked against its hash: NOT_FOUND when absent,
  // DATA_LOSS when the stored bytes no longer hash to `sha256`.
  virtual absl::StatusOr<std::string> Get(absl::string_view sha256) = 0;
};

class EvidenceIndex {
 public:
  virtual ~EvidenceIndex() = default;
  // ALREADY_EXISTS when the school already holds this file.
  virtual absl::Status Insert(const EvidenceFile& file) = 0;
  // NOT_FOUND when the school does not hold it.
  virtual absl::StatusOr<EvidenceFile> Get(absl::string_view school_id, absl::string_view sha256) = 0;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_EVIDENCE_STORE_H_
