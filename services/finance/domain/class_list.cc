// Pupils and the class-list upload (see class_list.h).
#include "services/finance/domain/class_list.h"

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/email.h"
#include "platform/core/errors.h"
#include "platform/core/phone.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"

namespace parhub::finance {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

}  // namespace

const std::vector<std::string>& ClassListRequiredColumns() {
  static const auto* const kColumns = new std::vector<std::string>{"pupil_code", "full_name", "class"};
  return *kColumns;
}

const std::vector<std::string>& ClassListOptionalColumns() {
  static const auto* const kColumns =
      new std::vector<std::string>{"birth_date", "guardian_name", "guardian_phone", "guardian_email"};
  return *kColumns;
}

absl::StatusOr<Pupil> CleanPupil(Pupil p, absl::string_view prefix, platform::Date today) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  p.pupil_code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(p.pupil_code));
  if (p.pupil_code.empty() || p.pupil_code.size() > 20 ||
      !std::all_of(p.pupil_code.begin(), p.pupil_code.end(),
                   [](char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-'; })) {
    return InvalidField(
        field("pupil_code"),
        "mã học sinh 1–20 ký tự: chữ không dấu, chữ số, dấu gạch ngang (1-20 letters, digits, '-')");
  }
  ASSIGN_OR_RETURN(p.full_name, CleanText(p.full_name, field("full_name"), 200, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(p.class_name, CleanText(p.class_name, field("class"), 40, true, TextLines::kSingle));
  if (p.birth_date.IsSet() && !(p.birth_date < today)) {
    return InvalidField(field("birth_date"), "ngày sinh phải trước hôm nay (must be in the past)");
  }
  ASSIGN_OR_RETURN(p.guardian_name,
                   CleanText(p.guardian_name, field("guardian_name"), 200, false, TextLines::kSingle));
  ASSIGN_OR_RETURN(p.guardian_phone,
                   CleanText(p.guardian_phone, field("guardian_phone"), 30, false, TextLines::kSingle));
  if (!p.guardian_phone.empty())
    RETURN_IF_ERROR(platform::ValidatePhone(p.guardian_phone, field("guardian_phone")));
  p.guardian_email = absl::AsciiStrToLower(absl::StripAsciiWhitespace(p.guardian_email));
  if (!p.guardian_email.empty())
    RETURN_IF_ERROR(platform::ValidateEmail(p.guardian_email, field("guardian_email")));
  return p;
}

absl::StatusOr<ParsedClassList> ParseClassList(absl::string_view csv, platform::Date today) {
  ASSIGN_OR_RETURN(platform::CsvTable table,
                   platform::ReadCsvTable(csv, ClassListRequiredColumns(), ClassListOptionalColumns()));
  ParsedClassList parsed;
  std::set<std::string> codes;
  for (size_t r = 1; r < table.records.size(); ++r) {
    const platform::CsvRecord& record = table.records[r];
    if (platform::IsBlank(record)) continue;
    if (auto error = platform::FieldCountError(table, record)) {
      parsed.errors.push_back(*error);
      continue;
    }
    Pupil draft;
    draft.pupil_code = table.Cell(record, "pupil_code");
    draft.full_name = table.Cell(record, "full_name");
    draft.class_name = table.Cell(record, "class");
    draft.guardian_name = table.Cell(record, "guardian_name");
    draft.guardian_phone = table.Cell(record, "guardian_phone");
    draft.guardian_email = table.Cell(record, "guardian_email");
    const std::string birth = table.Cell(record, "birth_date");
    if (!birth.empty()) {
      absl::StatusOr<platform::Date> date = platform::ParseDate(birth, "birth_date");
      if (!date.ok()) {
        parsed.errors.push_back(platform::RowErrorOf(record.line, date.status()));
        continue;
      }
      draft.birth_date = *date;
    }
    absl::StatusOr<Pupil> pupil = CleanPupil(std::move(draft), "", today);
    if (!pupil.ok()) {
      parsed.errors.push_back(platform::RowErrorOf(record.line, pupil.status()));
      continue;
    }
    if (!codes.insert(absl::AsciiStrToUpper(pupil->pupil_code)).second) {
      parsed.errors.push_back(
          {record.line, "pupil_code",
           absl::StrCat("mã '", pupil->pupil_code, "' đã xuất hiện ở dòng trước (repeated code)")});
      continue;
    }
    parsed.rows.push_back({record.line, *std::move(pupil)});
  }
  return parsed;
}

}  // namespace parhub::finance
