// What the reporting commands of parhubctl (par, surveys, reports) read from
// the command line and how they print points: pure text handling, kept out
// of the command files so the unit test covers it.
#ifndef PARHUB_CLI_REPORTING_TEXT_H_
#define PARHUB_CLI_REPORTING_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parhub::cli {

// PAR points as people read them: at most two decimals, trailing zeros
// dropped, '.' as the decimal point like the CLI's percentages ("18",
// "1.5", "0.25", "-1", "0").
std::string FormatPoints(double points);

// `text` cut to `max_width` display columns (see DisplayWidth), ending in
// "…" when it was cut; whole code points only.
std::string ShortenText(std::string_view text, size_t max_width);

// Points as people type them: "2", "1.5" or "1,5" (a Vietnamese decimal
// comma), at most two decimals, surrounding blanks ignored. nullopt for a
// sign, more decimals, more than four integer digits or anything else. The
// range 0..max is the service's to check.
std::optional<double> ParsePoints(std::string_view text);

// One piece of evidence (minh chứng) of --evidence "số|tiêu đề|uri".
struct EvidenceText final {
  std::string document_number;
  std::string title;
  std::string uri;
};
// "215/UBND-VP|Công văn về SIPAS|https://…": one to three parts separated by
// '|', each trimmed; the number or the title must be given ("|Biên bản họp"
// and "12/BB-MN2010" are fine). nullopt for no text, a fourth part, or
// neither number nor title.
std::optional<EvidenceText> ParseEvidence(std::string_view text);

// One appraised item of --item CODE=POINTS[:note].
struct ItemAppraisalText final {
  std::string sub_criterion;
  double points = 0;
  std::string note;
};
// "3.2.1=1.5", "3.2.1=1,5:Thiếu biên bản": the sub-criterion code (no
// blanks), '=', points as ParsePoints takes them, then optionally ':' and a
// note (the rest of the text, trimmed; it may hold ':' itself). nullopt for
// anything else.
std::optional<ItemAppraisalText> ParseItemAppraisal(std::string_view text);

// One narrative section of --narrative "Heading=text".
struct NarrativeText final {
  std::string heading;
  std::string text;
};
// "Kết quả nổi bật=Đã …": split at the first '='; both parts trimmed and
// non-empty (the text may hold '=' itself). nullopt otherwise.
std::optional<NarrativeText> ParseNarrative(std::string_view text);

}  // namespace parhub::cli

#endif  // PARHUB_CLI_REPORTING_TEXT_H_
