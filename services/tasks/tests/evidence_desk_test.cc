// EvidenceDesk's rules on in-memory stores: the type comes from the bytes,
// the size limit, file names, the same bytes are one file per school, and
// nothing works without a configured store.
#include "services/tasks/domain/evidence_desk.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "absl/strings/str_cat.h"
#include "platform/core/crypto.h"

namespace parhub::tasks {
namespace {

using ::testing::HasSubstr;

class MapBlobs final : public EvidenceBlobs {
 public:
  absl::Status Put(absl::string_view sha256, absl::string_view content) override {
    ++puts;
    blobs[std::string(sha256)] = std::string(content);
    return absl::OkStatus();
  }
  absl::StatusOr<std::string> Get(absl::string_view sha256) override {
    auto it = blobs.find(std::string(sha256));
    if (it == blobs.end()) return absl::NotFoundError("no blob");
    return it->second;
  }
  std::map<std::string, std::string> blobs;
  int puts = 0;
};

class MapIndex final : public EvidenceIndex {
 public:
  absl::Status Insert(const EvidenceFile& file) override {
    auto [it, added] = files.try_emplace(file.school_id + "/" + file.sha256, file);
    return added ? absl::OkStatus() : absl::AlreadyExistsError("exists");
  }
  absl::StatusOr<EvidenceFile> Get(absl::string_view school_id, absl::string_view sha256) override {
    auto it = files.find(absl::StrCat(school_id, "/", sha256));
    if (it == files.end()) return absl::NotFoundError("no file");
    return it->second;
  }
  std::map<std::string, EvidenceFile> files;
};

const std::string kPdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n";

TEST(SniffEvidenceType, ReadsTheSignatureNotTheName) {
  EXPECT_EQ(*SniffEvidenceType(kPdf), "application/pdf");
  EXPECT_EQ(*SniffEvidenceType(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "image/png");
  EXPECT_EQ(*SniffEvidenceType("\xff\xd8\xff\xe0\0\x10JFIF"), "image/jpeg");
  EXPECT_EQ(*SniffEvidenceType(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), "image/webp");
  for (const std::string bad :
       {std::string(""), std::string("<html>%PDF-"), std::string("RIFF\x10\0\0\0WAVE", 12),
        std::string("PK\x03\x04 a .docx"), std::string("%PD")}) {
    auto type = SniffEvidenceType(bad);
    EXPECT_EQ(type.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(type.status().ToString(), HasSubstr("content"));
  }
}

class EvidenceDeskTest : public ::testing::Test {
 protected:
  absl::Time now_ = absl::FromUnixSeconds(1'790'000'000);
  MapBlobs blobs_;
  MapIndex index_;
  EvidenceDesk desk_{&blobs_, index_, [this] { return now_; }, 100};
};

TEST_F(EvidenceDeskTest, TheSameBytesAreOneFilePerSchoolAndStoredOnce) {
  auto first = desk_.Upload("mn-a", "accounts/ht-a", " bao-cao.pdf ", kPdf);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->sha256, platform::Sha256Hex(kPdf));
  EXPECT_EQ(first->media_type, "application/pdf");
  EXPECT_EQ(first->size_bytes, static_cast<int64_t>(kPdf.size()));
  EXPECT_EQ(first->filename, "bao-cao.pdf");
  now_ += absl::Hours(1);
  auto again = desk_.Upload("mn-a", "accounts/gv-a", "ten-khac.pdf", kPdf);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->filename, "bao-cao.pdf") << "the file the school already holds";
  EXPECT_EQ(again->uploaded_by, "accounts/ht-a");
  EXPECT_EQ(again->create_time, first->create_time);
  auto other = desk_.Upload("th-b", "accounts/ht-b", "x.pdf", kPdf);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(index_.files.size(), 2u) << "each school holds its own record";
  EXPECT_EQ(blobs_.blobs.size(), 1u) << "one copy of the bytes";
  auto download = desk_.Download("th-b", first->sha256);
  ASSERT_TRUE(download.ok());
  EXPECT_EQ(download->second, kPdf);
  EXPECT_EQ(desk_.Get("zz-c", first->sha256).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(EvidenceDeskTest, RefusesWhatItMustNotStoreAndStoresNothing) {
  EXPECT_EQ(desk_.Upload("mn-a", "accounts/a", "a.pdf", kPdf + std::string(100, ' ')).status().code(),
            absl::StatusCode::kInvalidArgument)
      << "over the limit";
  EXPECT_EQ(desk_.Upload("mn-a", "accounts/a", "a.txt", "chỉ là chữ").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_.Upload("mn-a", "accounts/a", "../etc/passwd", kPdf).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_.Upload("mn-a", "accounts/a", std::string(256, 'a'), kPdf).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(blobs_.puts, 0);
  EXPECT_TRUE(index_.files.empty());
  for (const std::string& bad : {std::string(64, 'A'), std::string(63, 'a'), std::string(64, 'g')}) {
    EXPECT_EQ(desk_.Get("mn-a", bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(EvidenceDeskWithoutStore, UploadsAndDownloadsAreRefusedPlainly) {
  MapIndex index;
  EvidenceDesk desk(nullptr, index, [] { return absl::Now(); });
  EXPECT_EQ(desk.Upload("mn-a", "accounts/a", "a.pdf", kPdf).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(desk.Download("mn-a", std::string(64, 'a')).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace parhub::tasks
