// EvidenceDesk: schools upload the documents that prove their progress
// (a signed report as PDF, a photo of a meeting) and get back the SHA-256
// they cite in a progress update's evidence. The rules: at most
// `max_bytes` (20 MB by default); only PDF, PNG, JPEG and WebP, recognised
// by their first bytes, never by the name or a declared type; the same
// bytes uploaded twice are one file; a download is checked against its
// hash. Callers check access first (access.h).
#ifndef PARHUB_SERVICES_TASKS_DOMAIN_EVIDENCE_DESK_H_
#define PARHUB_SERVICES_TASKS_DOMAIN_EVIDENCE_DESK_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/tasks/domain/evidence_store.h"
#include "services/tasks/domain/model.h"

namespace parhub::tasks {

inline constexpr int64_t kDefaultEvidenceMaxBytes = 20'000'000;

// The media type of `content` from its signature; INVALID_ARGUMENT naming
// the `content` field for anything else (an empty file included).
absl::StatusOr<std::string> SniffEvidenceType(absl::string_view content);

class EvidenceDesk final {
 public:
  // `blobs` null: no store is configured, and uploads and downloads are
  // FAILED_PRECONDITION.
  EvidenceDesk(EvidenceBlobs* blobs, EvidenceIndex& index, Clock clock,
               int64_t max_bytes = kDefaultEvidenceMaxBytes)
      : blobs_(blobs), index_(index), clock_(std::move(clock)), max_bytes_(max_bytes) {}

  // Stores the file for the school; the file the school already holds when
  // it uploaded the same bytes before (under whatever name).
  absl::StatusOr<EvidenceFile> Upload(absl::string_view school_id, absl::string_view uploader,
                                      absl::string_view filename, absl::string_view content);
  absl::StatusOr<EvidenceFile> Get(absl::string_view school_id, absl::string_view sha256);
  // The file and its bytes (checked against the hash).
  absl::StatusOr<std::pair<EvidenceFile, std::string>> Download(absl::string_view school_id,
                                                                absl::string_view sha256);
  int64_t max_bytes() const { return max_bytes_; }

 private:
  absl::Status RequireStore() const;

  EvidenceBlobs* blobs_;
  EvidenceIndex& index_;
  Clock clock_;
  int64_t max_bytes_;
};

}  // namespace parhub::tasks

#endif  // PARHUB_SERVICES_TASKS_DOMAIN_EVIDENCE_DESK_H_
