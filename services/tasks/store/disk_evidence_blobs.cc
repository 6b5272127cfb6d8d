// Evidence bytes on local disk (see disk_evidence_blobs.h).
#include "services/tasks/store/disk_evidence_blobs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"
#include "platform/core/resource_name.h"

namespace parhub::tasks {
namespace {

absl::Status Unavailable(const std::string& what) {
  return absl::UnavailableError(
      absl::StrCat("Không lưu hoặc đọc được tệp minh chứng (evidence store: ", what, ")"));
}

}  // namespace

absl::StatusOr<std::unique_ptr<DiskEvidenceBlobs>> DiskEvidenceBlobs::Open(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error || !std::filesystem::is_directory(dir)) return Unavailable(absl::StrCat("cannot create ", dir));
  ::chmod(dir.c_str(), 0700);
  return std::unique_ptr<DiskEvidenceBlobs>(new DiskEvidenceBlobs(dir));
}

std::string DiskEvidenceBlobs::PathOf(absl::string_view sha256) const {
  return absl::StrCat(dir_, "/", sha256.substr(0, 2), "/", sha256);
}

absl::Status DiskEvidenceBlobs::Put(absl::string_view sha256, absl::string_view content) {
  const std::string path = PathOf(sha256);
  if (std::filesystem::exists(path)) return absl::OkStatus();  // content addressed: already there
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  if (error) return Unavailable(error.message());
  const std::string temp = absl::StrCat(path, ".tmp-", platform::RandomHex(8));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable(std::strerror(errno));
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  bool ok = written == content.size() && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return Unavailable(why);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> DiskEvidenceBlobs::Get(absl::string_view sha256) {
  std::ifstream in(PathOf(sha256), std::ios::binary);
  if (!in) return absl::NotFoundError("Không tìm thấy nội dung tệp minh chứng (evidence content not found)");
  std::stringstream content;
  content << in.rdbuf();
  std::string bytes = content.str();
  if (platform::Sha256Hex(bytes) != sha256) {
    return absl::DataLossError(
        "Nội dung tệp minh chứng đã bị thay đổi, không khớp mã SHA-256 (stored evidence no longer matches "
        "its SHA-256)");
  }
  return bytes;
}

}  // namespace parhub::tasks
