// QR encoding (libqrencode), half-block text and PNG files (libpng).
#include "cli/qr.h"

#include <png.h>
#include <qrencode.h>

#include <cstring>
#include <memory>

namespace parhub::cli {

std::optional<QrMatrix> EncodeQr(const std::string& text) {
  if (text.empty() || text.find('\0') != std::string::npos) return std::nullopt;
  // Version 0: the smallest that holds the text. The QR_MODE_8 hint with
  // case-sensitivity keeps every byte as it is (a VietQR payload is EMVCo
  // text whose CRC covers every byte): no Kanji, no upper-casing.
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (code == nullptr || code->width <= 0) return std::nullopt;
  QrMatrix qr;
  qr.size = code->width;
  qr.dark.resize(static_cast<size_t>(qr.size) * qr.size);
  // Bit 0 of each byte is the module's colour (1: dark); the others say
  // which function pattern it belongs to.
  for (size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = (code->data[i] & 1) != 0;
  return qr;
}

std::vector<std::string> QrHalfBlocks(const QrMatrix& qr, int quiet) {
  const int total = qr.size + 2 * quiet;
  // Light: the quiet zone or a light module. Rows past the bottom are not
  // drawn at all.
  auto light = [&](int x, int y) {
    if (y >= total) return false;
    int cx = x - quiet, cy = y - quiet;
    if (cx < 0 || cy < 0 || cx >= qr.size || cy >= qr.size) return true;
    return !qr.Dark(cx, cy);
  };
  std::vector<std::string> lines;
  for (int y = 0; y < total; y += 2) {
    std::string line;
    for (int x = 0; x < total; ++x) {
      bool top = light(x, y), bottom = light(x, y + 1);
      line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

bool WriteQrPng(const QrMatrix& qr, const std::string& path, std::string* error, int scale, int quiet) {
  if (qr.size <= 0 || scale < 1 || quiet < 0) {
    *error = "no QR code to write";
    return false;
  }
  const int side = (qr.size + 2 * quiet) * scale;
  std::vector<png_byte> pixels(static_cast<size_t>(side) * side, 255);  // white
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.Dark(x, y)) continue;
      for (int py = (y + quiet) * scale; py < (y + quiet + 1) * scale; ++py) {
        std::memset(&pixels[static_cast<size_t>(py) * side + static_cast<size_t>(x + quiet) * scale], 0,
                    static_cast<size_t>(scale));
      }
    }
  }
  // libpng's simplified API: no setjmp, errors come back in image.message.
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(side);
  image.height = static_cast<png_uint_32>(side);
  image.format = PNG_FORMAT_GRAY;
  if (png_image_write_to_file(&image, path.c_str(), 0, pixels.data(), 0, nullptr) == 0) {
    *error = image.message;
    png_image_free(&image);
    return false;
  }
  return true;
}

}  // namespace parhub::cli
