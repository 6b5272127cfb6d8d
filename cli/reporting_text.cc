// Points, evidence, appraisals and narrative sections as typed and printed.
#include "cli/reporting_text.h"

#include <cmath>
#include <cstdio>

#include "cli/output.h"

namespace parhub::cli {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string FormatPoints(double points) {
  if (!std::isfinite(points)) return "?";
  double rounded = std::round(points * 100) / 100;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string ShortenText(std::string_view text, size_t max_width) {
  std::string whole(text);
  if (max_width == 0 || DisplayWidth(whole) <= max_width) return whole;
  size_t width = 0, end = 0;
  while (end < whole.size()) {
    unsigned char c = whole[end];
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    size_t w = DisplayWidth(whole.substr(end, length));
    if (width + w > max_width - 1) break;  // room for "…"
    width += w;
    end += length;
  }
  while (end > 0 && whole[end - 1] == ' ') --end;
  return whole.substr(0, end) + "…";
}

std::optional<double> ParsePoints(std::string_view text) {
  std::string_view t = Trim(text);
  int whole = 0, whole_digits = 0, fraction = 0, fraction_digits = 0;
  bool point = false;
  for (char c : t) {
    if (c == '.' || c == ',') {
      if (point || whole_digits == 0) return std::nullopt;
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (point) {
      if (++fraction_digits > 2) return std::nullopt;
      fraction = fraction * 10 + (c - '0');
    } else {
      if (++whole_digits > 4) return std::nullopt;
      whole = whole * 10 + (c - '0');
    }
  }
  if (whole_digits == 0 || (point && fraction_digits == 0)) return std::nullopt;
  double scale = fraction_digits == 2 ? 100 : fraction_digits == 1 ? 10 : 1;
  return whole + fraction / scale;
}

std::optional<EvidenceText> ParseEvidence(std::string_view text) {
  std::string_view parts[3];
  size_t count = 0;
  std::string_view rest = text;
  while (true) {
    size_t bar = rest.find('|');
    if (count == 3) return std::nullopt;  // a fourth part
    parts[count++] = Trim(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  EvidenceText evidence{std::string(parts[0]), std::string(parts[1]), std::string(parts[2])};
  if (evidence.document_number.empty() && evidence.title.empty()) return std::nullopt;
  return evidence;
}

std::optional<ItemAppraisalText> ParseItemAppraisal(std::string_view text) {
  size_t equals = text.find('=');
  if (equals == std::string_view::npos) return std::nullopt;
  std::string_view code = Trim(text.substr(0, equals));
  if (code.empty() || code.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  std::string_view rest = text.substr(equals + 1);
  size_t colon = rest.find(':');
  auto points = ParsePoints(rest.substr(0, colon));
  if (!points) return std::nullopt;
  ItemAppraisalText item{std::string(code), *points, ""};
  if (colon != std::string_view::npos) item.note = std::string(Trim(rest.substr(colon + 1)));
  return item;
}

std::optional<NarrativeText> ParseNarrative(std::string_view text) {
  size_t equals = text.find('=');
  if (equals == std::string_view::npos) return std::nullopt;
  NarrativeText section{std::string(Trim(text.substr(0, equals))),
                        std::string(Trim(text.substr(equals + 1)))};
  if (section.heading.empty() || section.text.empty()) return std::nullopt;
  return section;
}

}  // namespace parhub::cli
