// Error texts in the language asked for.
#include "cli/messages.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace parhub::cli {
namespace {

bool HasNonAscii(absl::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool HasAsciiLetter(absl::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
}

// `text` without what stands between single or double quotes (names quoted
// in an English message may carry diacritics).
std::string WithoutQuoted(absl::string_view text) {
  std::string out;
  char quote = 0;
  for (char c : text) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      continue;
    }
    out += c;
  }
  return out;
}

// "progress_update.percent_done: " at the start of `text`, or "".
absl::string_view FieldPrefix(absl::string_view text) {
  size_t colon = text.find(": ");
  if (colon == absl::string_view::npos || colon == 0) return {};
  for (char c : text.substr(0, colon)) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '.' || c == '[' || c == ']';
    if (!ok) return {};
  }
  return text.substr(0, colon + 2);
}

std::vector<std::string> Words(absl::string_view text, char separator) {
  std::vector<std::string> words;
  for (absl::string_view w : absl::StrSplit(text, separator, absl::SkipEmpty())) words.emplace_back(w);
  return words;
}

bool StartsWithWords(const std::vector<std::string>& all, const std::vector<std::string>& part) {
  return part.size() <= all.size() && std::equal(part.begin(), part.end(), all.begin());
}

bool EndsWithWords(const std::vector<std::string>& all, const std::vector<std::string>& part) {
  return part.size() <= all.size() && std::equal(part.rbegin(), part.rend(), all.rbegin());
}

// What follows `prefix` and precedes `suffix` in `text` (both must match).
bool Between(absl::string_view text, absl::string_view prefix, absl::string_view suffix,
             absl::string_view* out) {
  if (!absl::StartsWith(text, prefix) || !absl::EndsWith(text, suffix)) return false;
  if (text.size() < prefix.size() + suffix.size()) return false;
  *out = text.substr(prefix.size(), text.size() - prefix.size() - suffix.size());
  return true;
}

// A validator's message (after "--option: ") in Vietnamese.
std::string ValidatorTextVi(absl::string_view text) {
  absl::string_view value;
  size_t at = text.find(" not in range ");
  if (absl::StartsWith(text, "Value ") && at != absl::string_view::npos) {
    absl::string_view range = text.substr(at + 14);
    size_t to = range.find(" to ");
    if (to != absl::string_view::npos) {
      return absl::StrCat("'", text.substr(6, at - 6), "' phải từ ", range.substr(0, to), " đến ",
                          range.substr(to + 4));
    }
  }
  at = text.find(" not in {");
  if (at != absl::string_view::npos) {
    return absl::StrCat("'", text.substr(0, at), "' không phải một trong ", text.substr(at + 8));
  }
  if (Between(text, "Failed parsing ", "", &value) ||
      Between(text, "Value ", " could not be converted", &value)) {
    size_t as = value.find(" as a ");
    return absl::StrCat("không đọc được '", value.substr(0, as), "'");
  }
  return std::string(text);
}

}  // namespace

std::string PickLanguage(absl::string_view message, bool english) {
  absl::string_view text = absl::StripAsciiWhitespace(message);
  absl::string_view body = text;
  while (!body.empty() && (body.back() == '.' || body.back() == ' ')) body.remove_suffix(1);
  if (body.empty() || body.back() != ')') return std::string(text);
  int depth = 0;
  size_t open = absl::string_view::npos;
  for (size_t i = body.size(); i-- > 0;) {
    if (body[i] == ')') ++depth;
    if (body[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == absl::string_view::npos || open == 0) return std::string(text);
  absl::string_view inner = body.substr(open + 1, body.size() - open - 2);
  absl::string_view before = absl::StripTrailingAsciiWhitespace(body.substr(0, open));
  if (!HasNonAscii(before) || HasNonAscii(WithoutQuoted(inner)) || !HasAsciiLetter(inner)) {
    return std::string(text);
  }
  if (english) {
    absl::string_view prefix = FieldPrefix(before);
    return absl::StrCat(prefix, absl::StripAsciiWhitespace(inner));
  }
  while (!before.empty() && (before.back() == ',' || before.back() == ';' || before.back() == ':')) {
    before.remove_suffix(1);
  }
  return std::string(before);
}

std::string OptionForField(absl::string_view field, const std::vector<std::string>& options) {
  absl::string_view last = field;
  absl::string_view parent;
  if (size_t dot = field.rfind('.'); dot != absl::string_view::npos) {
    last = field.substr(dot + 1);
    parent = field.substr(0, dot);
  }
  if (size_t bracket = last.find('['); bracket != absl::string_view::npos) last = last.substr(0, bracket);
  std::vector<std::string> words = Words(last, '_');
  if (words.empty()) return "";
  // Evidence of a progress update is given as --doc-number, --doc-title, --link.
  static const std::pair<const char*, const char*> kAliases[] = {
      {"uri", "link"}, {"document_number", "doc-number"}, {"title", "doc-title"}};
  if (absl::StrContains(parent, "evidence")) {
    for (const auto& [from, to] : kAliases) {
      std::string wanted = absl::StrCat("--", to);
      if (last == from && std::find(options.begin(), options.end(), wanted) != options.end()) return wanted;
    }
  }
  std::string best;
  int best_score = 0;
  size_t best_words = 0;
  for (const auto& option : options) {
    absl::string_view name = option;
    if (!absl::ConsumePrefix(&name, "--")) continue;
    std::vector<std::string> option_words = Words(name, '-');
    if (option_words.empty()) continue;
    int score = 0;
    if (option_words == words) {
      score = 3;
    } else if (StartsWithWords(words, option_words) || StartsWithWords(option_words, words)) {
      score = 2;
    } else if (EndsWithWords(words, option_words)) {
      score = 1;
    }
    if (score > best_score || (score == best_score && score > 0 && option_words.size() > best_words)) {
      best = option;
      best_score = score;
      best_words = option_words.size();
    }
  }
  return best;
}

std::string ParseErrorText(absl::string_view error_name, absl::string_view message, bool english) {
  if (english) return std::string(message);
  absl::string_view a;
  if (error_name == "RequiredError") {
    if (message == "A subcommand is required") return "thiếu lệnh con (xem --help)";
    if (Between(message, "Exactly 1 option from [", "] is required", &a))
      return absl::StrCat("cần đúng một trong các tuỳ chọn ", a);
    if (Between(message, "At least 1 option from [", "] is required", &a))
      return absl::StrCat("cần ít nhất một trong các tuỳ chọn ", a);
    if (Between(message, "", " is required", &a) && !absl::StrContains(a, ' '))
      return absl::StrCat("thiếu tuỳ chọn bắt buộc ", a);
  }
  if (error_name == "ConversionError") {
    if (Between(message, "Could not convert: ", "", &a)) {
      size_t eq = a.find(" = ");
      if (eq != absl::string_view::npos)
        return absl::StrCat(a.substr(0, eq), ": không đọc được giá trị '", a.substr(eq + 3), "'");
    }
    if (Between(message, "The value ", "", &a)) {
      size_t for_at = a.find(" is not an allowed value for ");
      if (for_at != absl::string_view::npos)
        return absl::StrCat(a.substr(for_at + 29), ": giá trị '", a.substr(0, for_at), "' không được phép");
    }
    if (Between(message, "", ": too many inputs for a flag", &a))
      return absl::StrCat(a, " là cờ, không nhận giá trị");
    if (Between(message, "", ": Should be true/false or a number", &a))
      return absl::StrCat(a, ": phải là true/false hoặc một số");
  }
  if (error_name == "ValidationError") {
    size_t colon = message.find(": ");
    if (colon != absl::string_view::npos)
      return absl::StrCat(message.substr(0, colon), ": ", ValidatorTextVi(message.substr(colon + 2)));
  }
  if (error_name == "ExtrasError") {
    if (Between(message, "The following argument was not expected: ", "", &a) ||
        Between(message, "The following arguments were not expected: ", "", &a))
      return absl::StrCat("không hiểu đối số: ", a);
  }
  if (error_name == "ArgumentMismatch") {
    size_t colon = message.find(": ");
    if (colon != absl::string_view::npos && absl::EndsWith(message, " missing"))
      return absl::StrCat(message.substr(0, colon), ": thiếu giá trị");
    if (Between(message, "Expected exactly ", "", &a)) {
      size_t to = a.find(" arguments to ");
      size_t got = a.rfind(", got ");
      if (to != absl::string_view::npos && got != absl::string_view::npos && got > to)
        return absl::StrCat(a.substr(to + 14, got - to - 14), " cần ", a.substr(0, to),
                            " giá trị, nhận được ", a.substr(got + 6));
    }
  }
  if (error_name == "RequiresError") {
    size_t at = message.find(" requires ");
    if (at != absl::string_view::npos)
      return absl::StrCat(message.substr(0, at), " cần dùng kèm ", message.substr(at + 10));
  }
  if (error_name == "ExcludesError") {
    size_t at = message.find(" excludes ");
    if (at != absl::string_view::npos)
      return absl::StrCat("không dùng ", message.substr(0, at), " cùng với ", message.substr(at + 10));
  }
  return std::string(message);
}

const std::vector<std::pair<std::string, std::string>>& HelpLabelsVi() {
  static const auto* labels = new std::vector<std::pair<std::string, std::string>>{
      {"Usage", "Cách dùng"},
      {"OPTIONS", "TUỲ CHỌN"},
      {"SUBCOMMAND", "LỆNH"},
      {"SUBCOMMANDS", "LỆNH"},
      {"REQUIRED", "(bắt buộc)"},
      {"Positionals", "Đối số"},
      {"Needs", "Cần"},
      {"Excludes", "Không dùng cùng"},
      {"Env", "Biến môi trường"},
      {"TEXT", "CHUỖI"},
      {"INT", "SỐ"},
      {"UINT", "SỐ"},
      {"FLOAT", "SỐ"},
  };
  return *labels;
}

}  // namespace parhub::cli
