// What parhubctl says when something goes wrong, in the language asked for:
// the server's bilingual messages cut to one language, a request field named
// by the command-line option that set it, and the command-line parser's
// (CLI11's) English messages in Vietnamese.
#ifndef PARHUB_CLI_MESSAGES_H_
#define PARHUB_CLI_MESSAGES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace parhub::cli {

// parhub's servers write messages for people as "Vietnamese (English)". The
// part in the language asked for: `english` picks the text of the trailing
// parenthesis, else the text before it. A message with no such parenthesis
// (Vietnamese only, or English only), or whose parenthesis is Vietnamese
// ("… (ước tính)"), comes back whole. A leading "field: " of the Vietnamese
// part is kept in front of the English one.
std::string PickLanguage(absl::string_view message, bool english);

// The long option of `options` ("--percent", "--due") that sets the request
// field `field` ("progress_update.percent_done", "task.due_date",
// "evidence[0].sha256"), matched by the words of the field's last segment:
// the whole words ("--issue-date"), the first words ("--due" for due_date),
// or the last ones ("--name" for display_name). "" when none matches.
std::string OptionForField(absl::string_view field, const std::vector<std::string>& options);

// A CLI11 parse error (`error_name` is CLI::Error::get_name(): "RequiredError",
// "ConversionError", "ExtrasError", …; `message` its what()) as a sentence in
// Vietnamese, or in English when `english`. Unknown errors keep their text.
std::string ParseErrorText(absl::string_view error_name, absl::string_view message, bool english);

// The labels CLI11's help formatter prints ("Usage", "OPTIONS", "REQUIRED",
// …), as {label, Vietnamese} pairs.
const std::vector<std::pair<std::string, std::string>>& HelpLabelsVi();

}  // namespace parhub::cli

#endif  // PARHUB_CLI_MESSAGES_H_
