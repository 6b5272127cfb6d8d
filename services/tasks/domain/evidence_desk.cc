// Evidence uploads and downloads (see evidence_desk.h).
#include "services/tasks/domain/evidence_desk.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "services/tasks/domain/validation.h"

namespace parhub::tasks {
namespace {

absl::Status ValidateSha256(absl::string_view sha256, absl::string_view field) {
  if (IsLowerHex64(sha256)) return absl::OkStatus();
  return platform::InvalidField(field, "SHA-256 phải là 64 chữ số hex viết thường (64 lowercase hex digits)");
}

}  // namespace

absl::StatusOr<std::string> SniffEvidenceType(absl::string_view content) {
  if (absl::StartsWith(content, "%PDF-")) return std::string("application/pdf");
  if (absl::StartsWith(content, absl::string_view("\x89PNG\r\n\x1a\n", 8))) return std::string("image/png");
  if (absl::StartsWith(content, absl::string_view("\xff\xd8\xff", 3))) return std::string("image/jpeg");
  if (content.size() >= 12 && absl::StartsWith(content, "RIFF") && content.substr(8, 4) == "WEBP") {
    return std::string("image/webp");
  }
  return platform::InvalidField(
      "content", content.empty()
                     ? "Tệp rỗng (the file is empty)"
                     : "Chỉ nhận tệp PDF, PNG, JPEG hoặc WebP; nội dung tệp này không thuộc loại nào "
                       "(only PDF, PNG, JPEG or WebP content is accepted, whatever the file name)");
}

absl::Status EvidenceDesk::RequireStore() const {
  if (blobs_ != nullptr) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "Máy chủ chưa cấu hình nơi lưu tệp minh chứng (--evidence_dir); hãy dẫn đường liên kết tới tệp "
      "(no evidence store is configured)");
}

absl::StatusOr<EvidenceFile> EvidenceDesk::Upload(absl::string_view school_id, absl::string_view uploader,
                                                  absl::string_view filename, absl::string_view content) {
  RETURN_IF_ERROR(RequireStore());
  if (static_cast<int64_t>(content.size()) > max_bytes_) {
    return platform::InvalidField("content",
                                  absl::StrCat("Tệp lớn hơn giới hạn ", max_bytes_ / 1'000'000,
                                               " MB (the file is larger than ", max_bytes_, " bytes)"));
  }
  std::string name(absl::StripAsciiWhitespace(filename));
  if (name.size() > 255 || absl::StrContains(name, "/") || absl::StrContains(name, "\\")) {
    return platform::InvalidField(
        "filename", "Tên tệp tối đa 255 byte, không chứa / hoặc \\ (at most 255 bytes, no slashes)");
  }
  ASSIGN_OR_RETURN(std::string type, SniffEvidenceType(content));
  EvidenceFile file{std::string(school_id),
                    platform::Sha256Hex(content),
                    type,
                    static_cast<int64_t>(content.size()),
                    name,
                    std::string(uploader),
                    NowMicros(clock_)};
  RETURN_IF_ERROR(blobs_->Put(file.sha256, content));
  absl::Status inserted = index_.Insert(file);
  if (absl::IsAlreadyExists(inserted)) return index_.Get(school_id, file.sha256);
  RETURN_IF_ERROR(inserted);
  return file;
}

absl::StatusOr<EvidenceFile> EvidenceDesk::Get(absl::string_view school_id, absl::string_view sha256) {
  RETURN_IF_ERROR(ValidateSha256(sha256, "name"));
  return index_.Get(school_id, sha256);
}

absl::StatusOr<std::pair<EvidenceFile, std::string>> EvidenceDesk::Download(absl::string_view school_id,
                                                                            absl::string_view sha256) {
  RETURN_IF_ERROR(RequireStore());
  ASSIGN_OR_RETURN(EvidenceFile file, Get(school_id, sha256));
  ASSIGN_OR_RETURN(std::string content, blobs_->Get(sha256));
  return std::pair<EvidenceFile, std::string>{std::move(file), std::move(content)};
}

}  // namespace parhub::tasks
