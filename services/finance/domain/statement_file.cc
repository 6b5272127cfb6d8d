// Reading bank statement exports (statement_file.h).
#include "services/finance/domain/statement_file.h"

#include <map>
#include <optional>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "platform/core/date.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "services/finance/domain/invoice_math.h"
#include "services/finance/domain/statement_workbook.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::InvalidField;

constexpr absl::string_view kBom = "\xEF\xBB\xBF";

// "Số tham chiếu" → "sothamchieu".
std::string HeaderKey(absl::string_view header) {
  std::string folded = platform::FoldForSearch(header);
  folded.erase(std::remove_if(folded.begin(), folded.end(),
                              [](char c) { return !absl::ascii_isalnum(static_cast<unsigned char>(c)); }),
               folded.end());
  return folded;
}

bool IsTransactionIdChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/';
}

// The first line (1-based) that is not UTF-8, or 0.
int FirstNonUtf8Line(absl::string_view content) {
  int line = 1;
  for (absl::string_view text : absl::StrSplit(content, '\n')) {
    if (!platform::NormalizeNfc(text, "content").ok()) return line;
    ++line;
  }
  return 0;
}

}  // namespace

ColumnMapping GenericCsvMapping() {
  return {.transaction_id = "transaction_id",
          .booking_time = "booking_time",
          .amount = "amount",
          .description = "description",
          .counterparty_name = "counterparty_name",
          .counterparty_account = "counterparty_account",
          .date_order = DateOrder::kYearMonthDay};
}

absl::StatusOr<int64_t> ParseDong(absl::string_view text, absl::string_view field) {
  std::string t(absl::StripAsciiWhitespace(text));
  for (absl::string_view suffix : {"VND", "vnd", "VNĐ", "đ", "d"}) {
    if (absl::EndsWith(t, suffix)) {
      t.resize(t.size() - suffix.size());
      t = std::string(absl::StripAsciiWhitespace(t));
      break;
    }
  }
  bool negative = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    negative = t[0] == '-';
    t = std::string(absl::StripAsciiWhitespace(t.substr(1)));
  }
  // Thousands separators: dots, commas or spaces in groups of three. A
  // trailing ",00" / ".00" (zero fraction) is accepted.
  if (t.size() >= 4 && (absl::EndsWith(t, ",00") || absl::EndsWith(t, ".00"))) {
    const size_t first = t.find_first_of(".,");
    if (first == t.size() - 3 || t[first] != t[t.size() - 3]) t.resize(t.size() - 3);
  }
  std::string digits;
  int group = 0;
  bool grouped = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
      ++group;
    } else if ((c == '.' || c == ',' || c == ' ') && !digits.empty() && (!grouped || group == 3)) {
      grouped = true;
      group = 0;
    } else {
      return InvalidField(field,
                          absl::StrCat("'", text, "' không phải số tiền đồng (not a whole đồng amount)"));
    }
  }
  if (digits.empty() || (grouped && group != 3)) {
    return InvalidField(field,
                        absl::StrCat("'", text, "' không phải số tiền đồng (not a whole đồng amount)"));
  }
  int64_t value = 0;
  if (digits.size() > 13 || !absl::SimpleAtoi(digits, &value) || value > kMaxDong) {
    return InvalidField(field, absl::StrCat("'", text, "' vượt quá 9.999.999.999.999 đồng (absurd amount)"));
  }
  return negative ? -value : value;
}

absl::StatusOr<absl::Time> ParseBookingTime(absl::string_view text, DateOrder order,
                                            absl::string_view field) {
  std::string t(absl::StripAsciiWhitespace(text));
  std::replace(t.begin(), t.end(), 'T', ' ');
  std::vector<std::string> parts = absl::StrSplit(t, ' ', absl::SkipEmpty());
  auto bad = [&] {
    return InvalidField(field, absl::StrCat("'", text, "' không phải ngày giờ ",
                                            order == DateOrder::kDayMonthYear ? "dd/mm/yyyy [hh:mm[:ss]]"
                                                                              : "yyyy-mm-dd [hh:mm[:ss]]",
                                            " (bad booking time)"));
  };
  if (parts.empty() || parts.size() > 2) return bad();
  std::vector<std::string> ymd = absl::StrSplit(parts[0], absl::ByAnyChar("/-."));
  if (ymd.size() != 3) return bad();
  int y = 0, m = 0, d = 0;
  const bool dmy = order == DateOrder::kDayMonthYear;
  if (!absl::SimpleAtoi(ymd[dmy ? 2 : 0], &y) || !absl::SimpleAtoi(ymd[1], &m) ||
      !absl::SimpleAtoi(ymd[dmy ? 0 : 2], &d)) {
    return bad();
  }
  absl::StatusOr<platform::Date> date = platform::MakeDate(y, m, d, field);
  if (!date.ok() || y < 2000 || y > 2099) return bad();
  int hh = 0, mm = 0, ss = 0;
  if (parts.size() == 2) {
    std::vector<std::string> hms = absl::StrSplit(parts[1], ':');
    if (hms.size() < 2 || hms.size() > 3 || !absl::SimpleAtoi(hms[0], &hh) ||
        !absl::SimpleAtoi(hms[1], &mm) || (hms.size() == 3 && !absl::SimpleAtoi(hms[2], &ss)) || hh < 0 ||
        hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) {
      return bad();
    }
  }
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, ss), platform::VietnamTimeZone());
}

absl::Status CheckStatementEntry(const StatementEntry& e, absl::string_view prefix) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  if (e.transaction_id.empty() || e.transaction_id.size() > 64 ||
      !std::all_of(e.transaction_id.begin(), e.transaction_id.end(), IsTransactionIdChar)) {
    return InvalidField(field("bank_transaction_id"),
                        "mã giao dịch 1–64 ký tự: chữ không dấu, số, '-', '_', '.', '/' (1-64 ASCII)");
  }
  if (e.amount == 0 || e.amount > kMaxDong || e.amount < -kMaxDong) {
    return InvalidField(field("amount"), "số tiền khác 0, tối đa 9.999.999.999.999 đồng");
  }
  if (e.booking_time == absl::Time() || e.booking_time == absl::UnixEpoch()) {
    return InvalidField(field("booking_time"), "cần thời điểm giao dịch (booking time required)");
  }
  RETURN_IF_ERROR(
      platform::CleanText(e.description, field("description"), 500, true, platform::TextLines::kSingle)
          .status());
  RETURN_IF_ERROR(platform::CleanText(e.counterparty_name, field("counterparty_name"), 200, false,
                                      platform::TextLines::kSingle)
                      .status());
  if (e.counterparty_account.size() > 40) {
    return InvalidField(field("counterparty_account"), "tối đa 40 ký tự (at most 40 characters)");
  }
  return absl::OkStatus();
}

namespace {

absl::StatusOr<std::vector<platform::CsvRecord>> SplitStatementCsv(absl::string_view content) {
  if (absl::StartsWith(content, kBom)) content.remove_prefix(kBom.size());
  if (int bad = FirstNonUtf8Line(content); bad != 0) {
    return InvalidField("content",
                        absl::StrCat("dòng ", bad,
                                     ": tệp không phải văn bản UTF-8; hãy xuất lại sao kê dạng CSV UTF-8 "
                                     "(line ",
                                     bad, " is not UTF-8)"));
  }
  absl::StatusOr<std::vector<platform::CsvRecord>> split = platform::SplitCsv(content);
  if (!split.ok()) {
    std::vector<platform::FieldViolation> v = platform::FieldViolations(split.status());
    return InvalidField("content", v.empty() ? std::string(split.status().message()) : v[0].description);
  }
  return split;
}

absl::StatusOr<ParsedStatement> ParseStatementRecords(const std::vector<platform::CsvRecord>& records,
                                                      const ColumnMapping& mapping) {
  size_t header_at = 0;
  while (header_at < records.size() && records[header_at].line < mapping.header_line) ++header_at;
  if (header_at >= records.size()) {
    return InvalidField(
        "content", absl::StrCat("không có dòng tiêu đề ở dòng ", mapping.header_line, " (no header line)"));
  }
  const platform::CsvRecord& header = records[header_at];
  std::map<std::string, int> index;
  for (size_t i = 0; i < header.fields.size(); ++i)
    index.emplace(HeaderKey(header.fields[i]), static_cast<int>(i));
  std::map<std::string, int> column;  // our field → index
  std::vector<std::string> missing;
  auto want = [&](const char* ours, const std::string& theirs, bool required) {
    if (theirs.empty()) {
      if (required) missing.push_back(ours);
      return;
    }
    auto it = index.find(HeaderKey(theirs));
    if (it == index.end()) {
      missing.push_back(absl::StrCat(ours, " ('", theirs, "')"));
      return;
    }
    column[ours] = it->second;
  };
  want("transaction_id", mapping.transaction_id, true);
  want("booking_time", mapping.booking_time, true);
  want("description", mapping.description, true);
  if (mapping.amount.empty()) {
    want("credit", mapping.credit, true);
    want("debit", mapping.debit, true);
  } else {
    want("amount", mapping.amount, true);
  }
  want("counterparty_name", mapping.counterparty_name, false);
  want("counterparty_account", mapping.counterparty_account, false);
  if (!missing.empty()) {
    return InvalidField("content", absl::StrCat("dòng ", header.line, ": thiếu cột ",
                                                absl::StrJoin(missing, ", "), " (missing columns)"));
  }
  if (records.size() - header_at - 1 > static_cast<size_t>(kMaxStatementLines)) {
    return InvalidField("content", "tối đa 200.000 dòng mỗi tệp (at most 200,000 lines)");
  }

  ParsedStatement parsed;
  std::set<std::string> seen;
  auto cell = [&](const platform::CsvRecord& r, const char* ours) -> std::string {
    auto it = column.find(ours);
    if (it == column.end() || it->second >= static_cast<int>(r.fields.size())) return "";
    return std::string(absl::StripAsciiWhitespace(r.fields[it->second]));
  };
  for (size_t i = header_at + 1; i < records.size(); ++i) {
    const platform::CsvRecord& r = records[i];
    if (platform::IsBlank(r)) continue;
    if (r.fields.size() < header.fields.size()) {
      parsed.errors.push_back(
          {r.line, "",
           absl::StrCat("dòng có ", r.fields.size(), " cột, tiêu đề có ", header.fields.size(),
                        " (line cut short: ", r.fields.size(), " of ", header.fields.size(), " fields)")});
      continue;
    }
    StatementEntry e;
    e.line = r.line;
    e.transaction_id = cell(r, "transaction_id");
    e.description = cell(r, "description");
    e.counterparty_name = cell(r, "counterparty_name");
    e.counterparty_account = cell(r, "counterparty_account");
    const std::string written = cell(r, "booking_time");
    absl::StatusOr<absl::Time> when = ParseBookingTime(written, mapping.date_order, "booking_time");
    if (!when.ok() && mapping.file == StatementFileKind::kXlsx) {
      // A date cell of a workbook holds a date serial.
      if (std::optional<absl::Time> serial = ExcelSerialTime(written)) when = *serial;
    }
    if (!when.ok()) {
      parsed.errors.push_back(platform::RowErrorOf(r.line, when.status()));
      continue;
    }
    e.booking_time = *when;
    if (!mapping.amount.empty()) {
      absl::StatusOr<int64_t> amount = ParseDong(cell(r, "amount"), "amount");
      if (!amount.ok()) {
        parsed.errors.push_back(platform::RowErrorOf(r.line, amount.status()));
        continue;
      }
      e.amount = *amount;
    } else {
      const std::string credit = cell(r, "credit"), debit = cell(r, "debit");
      const bool has_credit = !credit.empty() && credit != "0", has_debit = !debit.empty() && debit != "0";
      if (has_credit == has_debit) {
        parsed.errors.push_back(
            {r.line, mapping.credit,
             "cần đúng một trong hai cột ghi có / ghi nợ (exactly one of credit or debit)"});
        continue;
      }
      absl::StatusOr<int64_t> amount =
          ParseDong(has_credit ? credit : debit, has_credit ? "credit" : "debit");
      if (!amount.ok()) {
        parsed.errors.push_back(platform::RowErrorOf(r.line, amount.status()));
        continue;
      }
      e.amount = has_credit ? std::abs(*amount) : -std::abs(*amount);
    }
    if (absl::Status ok = CheckStatementEntry(e, ""); !ok.ok()) {
      platform::RowError error = platform::RowErrorOf(r.line, ok);
      if (error.column == "bank_transaction_id") error.column = "transaction_id";
      parsed.errors.push_back(std::move(error));
      continue;
    }
    if (!seen.insert(e.transaction_id).second) {
      parsed.errors.push_back({r.line, "transaction_id",
                               absl::StrCat("mã giao dịch '", e.transaction_id,
                                            "' lặp lại trong tệp (transaction repeated in the file)")});
      continue;
    }
    parsed.entries.push_back(std::move(e));
  }
  return parsed;
}

}  // namespace

absl::StatusOr<ParsedStatement> ParseStatement(absl::string_view content, const ColumnMapping& mapping) {
  if (content.size() > kMaxStatementBytes) {
    return InvalidField("content", "tệp sao kê lớn hơn 16 MiB, hãy chia nhỏ (statement file too large)");
  }
  if (mapping.header_line < 1) return InvalidField("column_mapping.header_line", "dòng tiêu đề từ 1");
  absl::StatusOr<std::vector<platform::CsvRecord>> split =
      mapping.file == StatementFileKind::kXlsx ? ReadWorkbookRows(content) : SplitStatementCsv(content);
  if (!split.ok()) return split.status();
  return ParseStatementRecords(*split, mapping);
}

}  // namespace parhub::finance
