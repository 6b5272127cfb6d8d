// A small flowing-layout PDF writer over cairo and pango: A4 pages with the
// margins of Nghị định 30/2020/NĐ-CP, paragraphs that break across pages,
// boxes placed beside each other (headers, signature blocks), ruled tables
// whose header row repeats on each page, and page numbers centred in the top
// margin from page 2. Text is shaped by pango in Liberation Serif, embedded
// as a subset, so Vietnamese diacritics render and extract as text.
//
// Not thread-safe; use one document per thread (pango's font map is per
// thread).
#ifndef PARHUB_SERVICES_REPORTING_EXPORT_PDF_DOCUMENT_H_
#define PARHUB_SERVICES_REPORTING_EXPORT_PDF_DOCUMENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;

namespace parhub::reporting::report_export {

enum class Align { kLeft, kCenter, kRight, kJustify };

struct TextStyle final {
  double size = 13;  // points
  bool bold = false;
  bool italic = false;
  Align align = Align::kJustify;
  double indent = 0;       // first-line indent, points
  double space_after = 6;  // points after a flowing paragraph
};

struct TableColumn final {
  double width = 0;  // points
  Align align = Align::kCenter;
};

class PdfDocument final {
 public:
  struct Metadata final {
    std::string title;
    std::string author;
    std::string subject;
    std::string create_date;  // ISO 8601, e.g. "2024-03-14T00:00:00+07:00"
  };

  // INTERNAL when cairo fails or no Times-metric serif font (Liberation
  // Serif, Debian fonts-liberation2) is installed.
  static absl::StatusOr<std::unique_ptr<PdfDocument>> Create(const Metadata& metadata);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // Width of the text area, points.
  double width() const;
  // Points left on the current page below the cursor.
  double remaining() const;

  // A paragraph at the cursor, `x` points from the left margin and `width`
  // wide (0: to the right margin); breaks across pages line by line.
  void Paragraph(absl::string_view text, const TextStyle& style, double x = 0, double width = 0);
  // The height `text` takes at `width`.
  double Measure(absl::string_view text, const TextStyle& style, double width);
  // The width of `text` on one line.
  double TextWidth(absl::string_view text, const TextStyle& style);
  // Draws `text` in a box at (x, cursor + dy) without moving the cursor or
  // breaking the page; returns its height.
  double Place(absl::string_view text, const TextStyle& style, double x, double width, double dy);
  // A horizontal rule at (x, cursor + dy), `length` long.
  void Rule(double x, double length, double dy, double thickness = 0.6);
  // Moves the cursor down.
  void Advance(double dy);
  // Starts a new page unless `height` fits below the cursor.
  void KeepTogether(double height);
  void NewPage();

  // A ruled table at the cursor: a bold, centred header row (repeated on
  // every page), the rows, and a bold `total` row when not empty; text at
  // `font_size`. A row never breaks across pages.
  void Table(const std::vector<TableColumn>& columns, const std::vector<std::string>& headings,
             const std::vector<std::vector<std::string>>& rows, double font_size,
             const std::vector<std::string>& total = {});

  // Ends the document and returns the PDF bytes.
  absl::StatusOr<std::string> Finish();

 private:
  PdfDocument() = default;
  PangoLayout* Layout(absl::string_view text, const TextStyle& style, double width);
  double RowHeight(const std::vector<TableColumn>& columns, const std::vector<std::string>& cells,
                   const TextStyle& style, bool centred);
  void DrawRow(const std::vector<TableColumn>& columns, const std::vector<std::string>& cells,
               const TextStyle& style, bool centred, double height);
  void DrawPageNumber();

  std::string out_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  std::string family_;
  int page_ = 1;
  double y_ = 0;  // cursor, points from the top of the page
  bool finished_ = false;
};

}  // namespace parhub::reporting::report_export

#endif  // PARHUB_SERVICES_REPORTING_EXPORT_PDF_DOCUMENT_H_
