// PdfDocument: cairo's PDF surface written to memory, text laid out by pango.
#include "services/reporting/export/pdf_document.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace parhub::reporting::report_export {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
// A4, and the margins of ND 30/2020 (Phụ lục I): top and bottom 20-25 mm,
// left 30-35 mm, right 15-20 mm.
constexpr double kPageWidth = 210 * kPointsPerMm;
constexpr double kPageHeight = 297 * kPointsPerMm;
constexpr double kTop = 20 * kPointsPerMm;
constexpr double kBottom = 20 * kPointsPerMm;
constexpr double kLeft = 30 * kPointsPerMm;
constexpr double kRight = 15 * kPointsPerMm;
constexpr double kCellPadX = 3;
constexpr double kCellPadY = 2.5;

// Times New Roman is what ND 30/2020 prescribes; Liberation Serif has its
// metrics and covers Vietnamese.
constexpr const char* kFamilies[] = {"Liberation Serif", "Times New Roman"};

cairo_status_t AppendChunk(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }

PangoAlignment ToPango(Align align) {
  switch (align) {
    case Align::kCenter:
      return PANGO_ALIGN_CENTER;
    case Align::kRight:
      return PANGO_ALIGN_RIGHT;
    default:
      return PANGO_ALIGN_LEFT;
  }
}

// The family fontconfig actually serves for `family` ("" when none).
std::string ServedFamily(PangoContext* context, const char* family) {
  PangoFontDescription* wanted = pango_font_description_new();
  pango_font_description_set_family(wanted, family);
  pango_font_description_set_size(wanted, 12 * PANGO_SCALE);
  PangoFont* font = pango_context_load_font(context, wanted);
  pango_font_description_free(wanted);
  if (font == nullptr) return "";
  PangoFontDescription* got = pango_font_describe(font);
  const char* name = pango_font_description_get_family(got);
  std::string served = name == nullptr ? "" : name;
  pango_font_description_free(got);
  g_object_unref(font);
  return served;
}

}  // namespace

absl::StatusOr<std::unique_ptr<PdfDocument>> PdfDocument::Create(const Metadata& metadata) {
  std::unique_ptr<PdfDocument> doc(new PdfDocument());
  doc->surface_ = cairo_pdf_surface_create_for_stream(AppendChunk, &doc->out_, kPageWidth, kPageHeight);
  if (cairo_surface_status(doc->surface_) != CAIRO_STATUS_SUCCESS) {
    return absl::InternalError(
        absl::StrCat("pdf: ", cairo_status_to_string(cairo_surface_status(doc->surface_))));
  }
  cairo_pdf_surface_restrict_to_version(doc->surface_, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(doc->surface_, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  cairo_pdf_surface_set_metadata(doc->surface_, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  cairo_pdf_surface_set_metadata(doc->surface_, CAIRO_PDF_METADATA_SUBJECT, metadata.subject.c_str());
  cairo_pdf_surface_set_metadata(doc->surface_, CAIRO_PDF_METADATA_CREATOR, "parhub");
  if (!metadata.create_date.empty()) {
    // Fixed dates keep the bytes a function of the input.
    cairo_pdf_surface_set_metadata(doc->surface_, CAIRO_PDF_METADATA_CREATE_DATE,
                                   metadata.create_date.c_str());
    cairo_pdf_surface_set_metadata(doc->surface_, CAIRO_PDF_METADATA_MOD_DATE, metadata.create_date.c_str());
  }
  doc->cr_ = cairo_create(doc->surface_);
  doc->context_ = pango_cairo_create_context(doc->cr_);
  // One pango unit of size is one PDF point; unhinted metrics, so the layout
  // does not depend on the machine's hinting settings.
  pango_cairo_context_set_resolution(doc->context_, 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(doc->context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(doc->context_, FALSE);
  for (const char* family : kFamilies) {
    if (ServedFamily(doc->context_, family) == family) {
      doc->family_ = family;
      break;
    }
  }
  if (doc->family_.empty()) {
    return absl::InternalError(
        "pdf: font Liberation Serif is not installed (Debian package fonts-liberation2)");
  }
  cairo_set_source_rgb(doc->cr_, 0, 0, 0);
  doc->y_ = kTop;
  return doc;
}

PdfDocument::~PdfDocument() {
  if (context_ != nullptr) g_object_unref(context_);
  if (cr_ != nullptr) cairo_destroy(cr_);
  if (surface_ != nullptr) cairo_surface_destroy(surface_);
}

double PdfDocument::width() const { return kPageWidth - kLeft - kRight; }

double PdfDocument::remaining() const { return kPageHeight - kBottom - y_; }

PangoLayout* PdfDocument::Layout(absl::string_view text, const TextStyle& style, double width) {
  PangoLayout* layout = pango_layout_new(context_);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, family_.c_str());
  pango_font_description_set_size(font, static_cast<int>(style.size * PANGO_SCALE));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  if (width > 0) {
    pango_layout_set_width(layout, pango_units_from_double(width));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout, ToPango(style.align));
  pango_layout_set_justify(layout, style.align == Align::kJustify);
  pango_layout_set_indent(layout, pango_units_from_double(style.indent));
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  return layout;
}

double PdfDocument::Measure(absl::string_view text, const TextStyle& style, double width) {
  PangoLayout* layout = Layout(text, style, width);
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  g_object_unref(layout);
  return FromPango(h);
}

double PdfDocument::TextWidth(absl::string_view text, const TextStyle& style) {
  PangoLayout* layout = Layout(text, style, 0);
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  g_object_unref(layout);
  return FromPango(logical.width);
}

void PdfDocument::Paragraph(absl::string_view text, const TextStyle& style, double x, double width) {
  if (width <= 0) width = this->width() - x;
  PangoLayout* layout = Layout(text, style, width);
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  int offset = 0;  // layout y at the top of the part on this page
  int last_bottom = 0;
  do {
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(it, &top, &bottom);
    bool page_top = y_ <= kTop && top == offset;
    if (!page_top && y_ + FromPango(bottom - offset) > kPageHeight - kBottom) {
      NewPage();
      offset = top;
    }
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    cairo_move_to(cr_, kLeft + x + FromPango(logical.x),
                  y_ + FromPango(pango_layout_iter_get_baseline(it) - offset));
    pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
    last_bottom = bottom;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  g_object_unref(layout);
  y_ += FromPango(last_bottom - offset) + style.space_after;
}

double PdfDocument::Place(absl::string_view text, const TextStyle& style, double x, double width, double dy) {
  PangoLayout* layout = Layout(text, style, width);
  cairo_move_to(cr_, kLeft + x, y_ + dy);
  pango_cairo_show_layout(cr_, layout);
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout, &w, &h);
  g_object_unref(layout);
  return FromPango(h);
}

void PdfDocument::Rule(double x, double length, double dy, double thickness) {
  cairo_set_line_width(cr_, thickness);
  cairo_move_to(cr_, kLeft + x, y_ + dy);
  cairo_line_to(cr_, kLeft + x + length, y_ + dy);
  cairo_stroke(cr_);
}

void PdfDocument::Advance(double dy) { y_ += dy; }

void PdfDocument::KeepTogether(double height) {
  if (y_ > kTop && height > remaining()) NewPage();
}

void PdfDocument::NewPage() {
  cairo_show_page(cr_);
  ++page_;
  y_ = kTop;
  DrawPageNumber();
}

void PdfDocument::DrawPageNumber() {
  // ND 30/2020: Arabic numerals centred in the top margin, none on page 1.
  TextStyle style{.size = 13, .align = Align::kCenter};
  std::string number = absl::StrCat(page_);
  PangoLayout* layout = Layout(number, style, width());
  cairo_move_to(cr_, kLeft, 9 * kPointsPerMm);
  pango_cairo_show_layout(cr_, layout);
  g_object_unref(layout);
}

double PdfDocument::RowHeight(const std::vector<TableColumn>& columns, const std::vector<std::string>& cells,
                              const TextStyle& style, bool centred) {
  double height = 0;
  for (size_t c = 0; c < columns.size(); ++c) {
    TextStyle cell = style;
    cell.align = centred ? Align::kCenter : columns[c].align;
    absl::string_view text = c < cells.size() ? absl::string_view(cells[c]) : absl::string_view();
    height = std::max(height, Measure(text, cell, columns[c].width - 2 * kCellPadX));
  }
  return height + 2 * kCellPadY;
}

void PdfDocument::DrawRow(const std::vector<TableColumn>& columns, const std::vector<std::string>& cells,
                          const TextStyle& style, bool centred, double height) {
  double x = 0;
  cairo_set_line_width(cr_, 0.5);
  for (size_t c = 0; c < columns.size(); ++c) {
    TextStyle cell = style;
    cell.align = centred ? Align::kCenter : columns[c].align;
    absl::string_view text = c < cells.size() ? absl::string_view(cells[c]) : absl::string_view();
    double inner = columns[c].width - 2 * kCellPadX;
    double text_height = Measure(text, cell, inner);
    Place(text, cell, x + kCellPadX, inner, (height - text_height) / 2);
    cairo_rectangle(cr_, kLeft + x, y_, columns[c].width, height);
    cairo_stroke(cr_);
    x += columns[c].width;
  }
  y_ += height;
}

void PdfDocument::Table(const std::vector<TableColumn>& columns, const std::vector<std::string>& headings,
                        const std::vector<std::vector<std::string>>& rows, double font_size,
                        const std::vector<std::string>& total) {
  TextStyle header{.size = font_size, .bold = true};
  TextStyle body{.size = font_size};
  double header_height = RowHeight(columns, headings, header, true);
  double first = rows.empty() ? 0 : RowHeight(columns, rows.front(), body, false);
  KeepTogether(header_height + first);
  DrawRow(columns, headings, header, true, header_height);
  auto draw = [&](const std::vector<std::string>& row, const TextStyle& style) {
    double height = RowHeight(columns, row, style, false);
    if (height > remaining() && y_ > kTop) {
      NewPage();
      DrawRow(columns, headings, header, true, header_height);
    }
    DrawRow(columns, row, style, false, height);
  };
  for (const auto& row : rows) draw(row, body);
  if (!total.empty()) draw(total, header);
  y_ += 6;
}

absl::StatusOr<std::string> PdfDocument::Finish() {
  if (finished_) return absl::FailedPreconditionError("pdf: document already finished");
  finished_ = true;
  g_object_unref(context_);
  context_ = nullptr;
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  cairo_status_t status = cairo_surface_status(surface_);
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  if (status != CAIRO_STATUS_SUCCESS)
    return absl::InternalError(absl::StrCat("pdf: ", cairo_status_to_string(status)));
  return std::move(out_);
}

}  // namespace parhub::reporting::report_export
