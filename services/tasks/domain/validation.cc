// Field checks of the tasks domain.
#include "services/tasks/domain/validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/core/url.h"
#include "platform/core/vntext.h"

namespace parhub::tasks {

using ::parhub::platform::CleanText;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

absl::StatusOr<std::string> CleanTaskCode(absl::string_view code, absl::string_view field) {
  ASSIGN_OR_RETURN(std::string clean,
                   CleanText(code, field, kMaxCodeChars, /*required=*/true, TextLines::kSingle));
  for (char c : clean) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      return InvalidField(field,
                          absl::StrCat("'", clean, "' không được chứa khoảng trắng (no spaces allowed)"));
    }
  }
  return clean;
}

absl::Status ValidateParField(absl::string_view code, absl::string_view field) {
  if (code.empty() || IsParFieldCode(code)) return absl::OkStatus();
  return InvalidField(field, absl::StrCat("'", code,
                                          "' không phải lĩnh vực Chỉ số CCHC; dùng một trong: "
                                          "chi_dao_dieu_hanh, the_che, tthc, to_chuc_bo_may, "
                                          "cong_vu, tai_chinh_cong, chinh_quyen_so, tac_dong "
                                          "(unknown PAR field code)"));
}

absl::Status ValidatePercent(int percent, absl::string_view field) {
  if (percent >= 0 && percent <= 100) return absl::OkStatus();
  return InvalidField(field, absl::StrCat("phải từ 0 đến 100, nhận được ", percent, " (must be 0-100)"));
}

absl::Status ValidateYear(int year, absl::string_view field) {
  if (year >= 2000 && year <= 2100) return absl::OkStatus();
  return InvalidField(field, absl::StrCat("năm ", year, " không hợp lệ (year must be 2000-2100)"));
}

absl::Status ValidateIssueDate(Date issue_date, int year, absl::string_view field) {
  if (!issue_date.IsSet()) return absl::OkStatus();
  const Date first = EarliestWorkDay(Date{}, year);
  const Date last{year, 12, 31};
  if (issue_date >= first && issue_date <= last) return absl::OkStatus();
  return InvalidField(
      field, absl::StrCat("ngày ban hành ", issue_date.ToVietnamese(), " không hợp với kế hoạch năm ", year,
                          ": phải từ ", first.ToVietnamese(), " đến ", last.ToVietnamese(), " (a plan for ",
                          year, " is issued from ", first.ToIso(), " to ", last.ToIso(), ")"));
}

Date EarliestWorkDay(Date issue_date, int year) {
  if (issue_date.IsSet()) return issue_date;
  return Date{year - 1, 10, 1};
}

absl::StatusOr<std::vector<std::string>> CleanDirectiveRefs(const std::vector<std::string>& refs,
                                                            absl::string_view field) {
  if (refs.size() > kMaxDirectiveRefs) {
    return InvalidField(field, absl::StrCat("tối đa ", kMaxDirectiveRefs, " văn bản (at most ",
                                            kMaxDirectiveRefs, " references)"));
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < refs.size(); ++i) {
    ASSIGN_OR_RETURN(std::string ref, CleanText(refs[i], absl::StrCat(field, "[", i, "]"), 500,
                                                /*required=*/true, TextLines::kSingle));
    out.push_back(std::move(ref));
  }
  return out;
}

bool IsLowerHex64(absl::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

absl::StatusOr<std::vector<Evidence>> CleanEvidence(const std::vector<Evidence>& evidence,
                                                    absl::string_view field) {
  if (evidence.size() > kMaxEvidence) {
    return InvalidField(
        field, absl::StrCat("tối đa ", kMaxEvidence, " minh chứng (at most ", kMaxEvidence, " items)"));
  }
  std::vector<Evidence> out;
  for (size_t i = 0; i < evidence.size(); ++i) {
    std::string prefix = absl::StrCat(field, "[", i, "]");
    Evidence e;
    ASSIGN_OR_RETURN(e.document_number,
                     CleanText(evidence[i].document_number, absl::StrCat(prefix, ".document_number"),
                               kMaxNumberChars, false, TextLines::kSingle));
    ASSIGN_OR_RETURN(e.title, CleanText(evidence[i].title, absl::StrCat(prefix, ".title"), kMaxTitleChars,
                                        false, TextLines::kSingle));
    ASSIGN_OR_RETURN(e.uri, CleanText(evidence[i].uri, absl::StrCat(prefix, ".uri"), platform::kMaxUrlLength,
                                      false, TextLines::kSingle));
    if (!e.uri.empty()) RETURN_IF_ERROR(platform::ValidateHttpUrl(e.uri, absl::StrCat(prefix, ".uri")));
    e.sha256 = evidence[i].sha256;
    if (!e.sha256.empty() && !IsLowerHex64(e.sha256)) {
      return InvalidField(absl::StrCat(prefix, ".sha256"),
                          "phải là 64 chữ số hex thường (must be 64 lowercase hex digits)");
    }
    if (e.document_number.empty() && e.title.empty() && e.uri.empty() && e.sha256.empty()) {
      return InvalidField(prefix, "minh chứng trống (evidence needs a number, title, link or hash)");
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace parhub::tasks
