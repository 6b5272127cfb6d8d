// QR codes for the terminal and for files: an invoice's VietQR payload
// encoded with libqrencode, drawn with Unicode half blocks (two module rows
// per line of text) or written as a PNG with libpng.
#ifndef PARHUB_CLI_QR_H_
#define PARHUB_CLI_QR_H_

#include <optional>
#include <string>
#include <vector>

namespace parhub::cli {

// A QR code's modules, row by row from the top left.
struct QrMatrix final {
  int size = 0;            // modules per side
  std::vector<bool> dark;  // size * size, true for a dark module
  bool Dark(int x, int y) const { return dark[static_cast<size_t>(y) * size + x]; }
};

// The quiet zone (light margin) scanners need around a code, in modules.
inline constexpr int kQrQuietZone = 4;

// Encodes `text` byte for byte (libqrencode's 8-bit hint, case-sensitive:
// runs of digits or upper-case letters may take the denser numeric and
// alphanumeric modes, which decode to the same text), error correction
// level M, in the smallest version that holds it. nullopt when it cannot
// (empty, or too long for a QR code).
std::optional<QrMatrix> EncodeQr(const std::string& text);

// The code as lines of text, `quiet` light modules around it: each
// character is one module wide and two modules high, its top and bottom
// half drawn ("▀", "▄", "█") when light and left blank (" ") when dark. On
// a terminal printing light characters on a dark background (or with
// QrTerminalColors) the code reads dark-on-light, as scanners expect.
std::vector<std::string> QrHalfBlocks(const QrMatrix& qr, int quiet = kQrQuietZone);

// ANSI colours that make the half blocks dark-on-light on any terminal
// theme: bright white characters on a black background, and the reset.
inline constexpr const char* kQrColorsOn = "\x1b[97;40m";
inline constexpr const char* kQrColorsOff = "\x1b[0m";

// Writes the code as an 8-bit greyscale PNG, `scale` pixels per module,
// `quiet` light modules around it. false with `error` set when it cannot.
bool WriteQrPng(const QrMatrix& qr, const std::string& path, std::string* error, int scale = 8,
                int quiet = kQrQuietZone);

}  // namespace parhub::cli

#endif  // PARHUB_CLI_QR_H_
