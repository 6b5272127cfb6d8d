// QR codes: libqrencode's matrix, the half-block drawing, the PNG file.
#include "cli/qr.h"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace parhub::cli {
namespace {

QrMatrix Matrix(const std::vector<std::string>& rows) {  // '#' dark, '.' light
  QrMatrix qr;
  qr.size = static_cast<int>(rows.size());
  for (const auto& row : rows) {
    for (char c : row) qr.dark.push_back(c == '#');
  }
  return qr;
}

// The code points of a line of half blocks, one string each.
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  for (size_t i = 0; i < line.size();) {
    size_t length = static_cast<unsigned char>(line[i]) < 0x80 ? 1 : 3;  // " " or U+2580..U+2588
    cells.push_back(line.substr(i, length));
    i += length;
  }
  return cells;
}

TEST(QrHalfBlocks, TwoModuleRowsPerLineLightDrawn) {
  EXPECT_EQ(QrHalfBlocks(Matrix({"#.", ".#"}), 0), (std::vector<std::string>{"▄▀"}));
  // An odd height: the last line has only a top half.
  EXPECT_EQ(QrHalfBlocks(Matrix({"#.#", "...", "##."}), 0), (std::vector<std::string>{"▄█▄", "  ▀"}));
}

TEST(QrHalfBlocks, FourModuleQuietZone) {
  EXPECT_EQ(QrHalfBlocks(Matrix({"#"})), (std::vector<std::string>{
                                             "█████████", "█████████",
                                             "████▄████",  // rows 4 (the dark module) and 5
                                             "█████████",
                                             "▀▀▀▀▀▀▀▀▀",  // row 8, the last, alone
                                         }));
}

TEST(EncodeQr, SmallestVersionLevelM) {
  auto qr = EncodeQr("HELLO");
  ASSERT_TRUE(qr.has_value());
  EXPECT_EQ(qr->size, 21);  // version 1
  // The finder patterns' corners and centres are dark, their separators light.
  EXPECT_TRUE(qr->Dark(0, 0));
  EXPECT_TRUE(qr->Dark(3, 3));
  EXPECT_TRUE(qr->Dark(20, 0));
  EXPECT_TRUE(qr->Dark(0, 20));
  EXPECT_FALSE(qr->Dark(7, 7));
  // The timing pattern alternates from a dark module.
  EXPECT_TRUE(qr->Dark(8, 6));
  EXPECT_FALSE(qr->Dark(9, 6));
  EXPECT_TRUE(qr->Dark(10, 6));
}

TEST(EncodeQr, RefusesWhatNoCodeHolds) {
  EXPECT_FALSE(EncodeQr("").has_value());
  // Lower case needs 8-bit mode (case-sensitive): 2,331 bytes at most in version 40-M.
  EXPECT_FALSE(EncodeQr(std::string(2400, 'a')).has_value());
  EXPECT_TRUE(EncodeQr(std::string(2300, 'a')).has_value());
}

TEST(QrHalfBlocks, DrawsAVietQrPayloadModuleForModule) {
  // A VietQR (EMVCo) payload like those the finance service issues.
  const std::string payload =
      "00020101021238570010A000000727012700069704030113012345678900208QRIBFTTA5303704540650000053037045802VN"
      "62200816MN2010HP260900176304ABCD";
  auto qr = EncodeQr(payload);
  ASSERT_TRUE(qr.has_value());
  std::vector<std::string> lines = QrHalfBlocks(*qr);
  const int total = qr->size + 2 * kQrQuietZone;
  ASSERT_EQ(static_cast<int>(lines.size()), (total + 1) / 2);
  for (int line = 0; line < static_cast<int>(lines.size()); ++line) {
    std::vector<std::string> cells = Cells(lines[line]);
    ASSERT_EQ(static_cast<int>(cells.size()), total) << "line " << line;
    for (int x = 0; x < total; ++x) {
      for (int half = 0; half < 2; ++half) {
        int y = 2 * line + half;
        if (y >= total) continue;
        bool drawn = cells[x] == "█" || cells[x] == (half == 0 ? "▀" : "▄");
        int cx = x - kQrQuietZone, cy = y - kQrQuietZone;
        bool in_code = cx >= 0 && cy >= 0 && cx < qr->size && cy < qr->size;
        bool light = !in_code || !qr->Dark(cx, cy);
        EXPECT_EQ(drawn, light) << "module " << x << "," << y;
      }
    }
  }
}

TEST(WriteQrPng, WritesAPngOfTheCodeWithItsQuietZone) {
  auto qr = EncodeQr("HELLO");
  ASSERT_TRUE(qr.has_value());
  const std::string path = testing::TempDir() + "/qr_test.png";
  std::string error;
  ASSERT_TRUE(WriteQrPng(*qr, path, &error, 8)) << error;
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  auto be32 = [&](size_t at) {
    uint32_t value = 0;
    for (size_t i = at; i < at + 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
    return value;
  };
  EXPECT_EQ(be32(16), (21u + 2 * kQrQuietZone) * 8);  // width
  EXPECT_EQ(be32(20), (21u + 2 * kQrQuietZone) * 8);  // height
}

TEST(WriteQrPng, SaysWhyItCannot) {
  auto qr = EncodeQr("HELLO");
  ASSERT_TRUE(qr.has_value());
  std::string error;
  EXPECT_FALSE(WriteQrPng(*qr, testing::TempDir() + "/no-such-dir/qr.png", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(WriteQrPng(QrMatrix{}, testing::TempDir() + "/empty.png", &error));
}

}  // namespace
}  // namespace parhub::cli
