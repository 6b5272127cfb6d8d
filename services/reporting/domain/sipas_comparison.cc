// Official SIPAS results and their comparison with the school's own surveys
// (see sipas_comparison.h).
#include "services/reporting/domain/sipas_comparison.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/rpc/proto_values.h"
#include "services/reporting/domain/access.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::Date;
using ::parhub::platform::InvalidField;
using ::parhub::platform::Role;
using ::parhub::platform::TextLines;

constexpr char kWhat[] = "kết quả khảo sát sự hài lòng (SIPAS) chính thức";
constexpr char kField[] = "official_sipas_result";
constexpr char kOverall[] = "overall";
constexpr char kOverallTitle[] = "Chỉ số hài lòng chung";

double Round2(double x) { return std::round(x * 100) / 100; }

absl::Status CheckPercent(double value, const std::string& field) {
  if (!(value >= 0) || value > 100) {
    return InvalidField(field, "chỉ số hài lòng là tỷ lệ phần trăm từ 0 đến 100 (0-100)");
  }
  return absl::OkStatus();
}

absl::Status CheckYear(int year) {
  if (year < 2000 || year > 2100) return InvalidField("year", "năm phải trong khoảng 2000..2100");
  return absl::OkStatus();
}

// What the school's own side says of one line.
struct OwnSide final {
  std::optional<double> index;
  int responses = 0;
  int year = 0;
  bool overall = false;
};

// Tenths, rounded half away from zero from the hundredths the values are
// kept to (84,05 → 84,1, as one rounds by hand; printf would round the
// binary value, just below, down).
long long Tenths(double value) {
  const long long hundredths = std::llround(value * 100);
  return hundredths >= 0 ? (hundredths + 5) / 10 : -((-hundredths + 5) / 10);
}

// "7,2" of 72 tenths (not negative).
std::string TenthsText(long long tenths) { return absl::StrCat(tenths / 10, ",", tenths % 10); }

// "(−7,2 điểm)" from the values as shown (one decimal), so the line reads
// consistently.
std::string DifferenceText(double official, double own) {
  const long long tenths = Tenths(official) - Tenths(own);
  if (tenths == 0) return "(bằng nhau)";
  return absl::StrCat("(", tenths < 0 ? "−" : "+", TenthsText(std::llabs(tenths)), " điểm)");
}

v1::SipasIndexComparison Line(const std::string& factor, const std::string& title,
                              std::optional<double> official, const OwnSide& own) {
  v1::SipasIndexComparison out;
  out.set_factor(factor);
  out.set_title(title);
  if (official.has_value()) out.set_official_index(*official);
  if (own.index.has_value()) out.set_own_index(*own.index);
  std::string own_text;
  if (own.index.has_value()) {
    own_text = absl::StrCat("Trường tự khảo sát ", SipasPercentText(*own.index));
  } else if (own.responses == 0) {
    own_text = absl::StrCat("Trường chưa có phiếu khảo sát phụ huynh nào trong năm ", own.year);
  } else {
    own_text = own.overall ? "Trường tự khảo sát chưa có câu trả lời nào từ 1 đến 5"
                           : "Trường tự khảo sát chưa có câu trả lời từ 1 đến 5 cho yếu tố này";
  }
  const std::string official_text = official.has_value()
                                        ? absl::StrCat("kết quả chính thức ", SipasPercentText(*official))
                                        : "kết quả chính thức không nêu chỉ số yếu tố này";
  if (official.has_value() && own.index.has_value()) {
    out.set_difference(Round2(*official - *own.index));
    out.set_reading(absl::StrCat(own_text, ", ", official_text, " ", DifferenceText(*official, *own.index)));
  } else {
    out.set_reading(absl::StrCat(own_text, "; ", official_text));
  }
  return out;
}

}  // namespace

std::string SipasPercentText(double percent) {
  const long long tenths = Tenths(percent);
  return absl::StrCat(tenths < 0 ? "−" : "", TenthsText(std::llabs(tenths)), "%");
}

absl::Status RequireOfficialSipasImport(const Caller& caller, const std::string& school_id) {
  if (caller.role == Role::kAuthorityOfficer) return RequireOfficer(caller, school_id, kWhat);
  return RequireSchoolWrite(caller, school_id, kWhat);
}

absl::StatusOr<v1::OfficialSipasResult> SipasComparisons::Check(const std::string& school_id, int year,
                                                                const v1::OfficialSipasResult& in) const {
  RETURN_IF_ERROR(CheckYear(year));
  const std::string f = kField;
  if (in.year() != 0 && in.year() != year) {
    return InvalidField(f + ".year", absl::StrCat("năm của kết quả (", in.year(), ") khác năm nhập (", year,
                                                  ") (must equal year)"));
  }
  v1::OfficialSipasResult out;
  out.set_name(absl::StrCat("schools/", school_id, "/officialSipasResults/", year));
  out.set_year(year);
  RETURN_IF_ERROR(CheckPercent(in.index(), f + ".index"));
  out.set_index(Round2(in.index()));
  std::map<std::string, double> given;
  for (int i = 0; i < in.factors_size(); ++i) {
    const v1::FactorIndex& factor = in.factors(i);
    const std::string field = absl::StrCat(f, ".factors[", i, "]");
    bool known = false;
    for (const v1::SipasFactor& q : sipas_.questionnaire().factors())
      known = known || q.code() == factor.factor();
    if (!known) {
      return InvalidField(field + ".factor",
                          absl::StrCat("không có yếu tố '", factor.factor(),
                                       "'; dùng access, procedure, staff, result hoặc feedback"));
    }
    if (given.contains(factor.factor())) {
      return InvalidField(field + ".factor",
                          absl::StrCat("yếu tố '", factor.factor(), "' được nêu hai lần (repeated)"));
    }
    RETURN_IF_ERROR(CheckPercent(factor.index(), field + ".index"));
    given[factor.factor()] = Round2(factor.index());
  }
  for (const v1::SipasFactor& q : sipas_.questionnaire().factors()) {
    auto it = given.find(q.code());
    if (it == given.end()) continue;
    v1::FactorIndex* kept = out.add_factors();
    kept->set_factor(q.code());
    kept->set_index(it->second);
  }
  ASSIGN_OR_RETURN(*out.mutable_document_number(),
                   CleanText(in.document_number(), f + ".document_number", 60, true, TextLines::kSingle));
  ASSIGN_OR_RETURN(Date date, platform::DateFromProto(in.document_date(), f + ".document_date"));
  if (!date.IsSet()) return InvalidField(f + ".document_date", "bắt buộc (required)");
  if (date.year < year) {
    return InvalidField(f + ".document_date", absl::StrCat("văn bản công bố kết quả năm ", year,
                                                           " không thể ban hành trước năm đó"));
  }
  if (date > platform::LocalDate(clock_())) {
    return InvalidField(f + ".document_date", "ngày văn bản chưa đến (in the future)");
  }
  *out.mutable_document_date() = platform::DateToProto(date);
  ASSIGN_OR_RETURN(*out.mutable_source(),
                   CleanText(in.source(), f + ".source", 200, false, TextLines::kSingle));
  return out;
}

absl::StatusOr<v1::OfficialSipasResult> SipasComparisons::Import(const Caller& caller,
                                                                 const std::string& school_id, int year,
                                                                 const v1::OfficialSipasResult& in) {
  RETURN_IF_ERROR(RequireOfficialSipasImport(caller, school_id));
  ASSIGN_OR_RETURN(v1::OfficialSipasResult out, Check(school_id, year, in));
  *out.mutable_import_time() = platform::TimeToProto(clock_());
  out.set_imported_by(caller.subject);
  RETURN_IF_ERROR(store_.SaveOfficialResult(school_id, year, out));
  return out;
}

absl::StatusOr<v1::SipasComparison> SipasComparisons::Compare(const Caller& caller,
                                                              const std::string& school_id, int year) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kWhat));
  if (year == 0) {
    ASSIGN_OR_RETURN(std::optional<int> latest, store_.LatestOfficialYear(school_id));
    if (!latest.has_value()) {
      return absl::NotFoundError("Chưa nhập kết quả khảo sát sự hài lòng (SIPAS) chính thức nào");
    }
    year = *latest;
  }
  RETURN_IF_ERROR(CheckYear(year));
  ASSIGN_OR_RETURN(std::optional<v1::OfficialSipasResult> official,
                   store_.GetOfficialResult(school_id, year));
  if (!official.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("Chưa nhập kết quả khảo sát sự hài lòng (SIPAS) chính thức năm ", year));
  }
  ASSIGN_OR_RETURN(Date start, platform::MakeDate(year, 1, 1, "year"));
  ASSIGN_OR_RETURN(Date end, platform::MakeDate(year, 12, 31, "year"));
  ASSIGN_OR_RETURN(SipasFigures own, sipas_.Figures(school_id, start, end));

  v1::SipasComparison out;
  out.set_school(absl::StrCat("schools/", school_id));
  out.set_year(year);
  out.set_own_surveys(own.surveys);
  out.set_own_responses(own.responses);
  OwnSide side{.index = std::nullopt, .responses = own.responses, .year = year, .overall = true};
  if (!own.factor_index.empty()) side.index = own.index;
  *out.mutable_overall() = Line(kOverall, kOverallTitle, official->index(), side);
  side.overall = false;
  for (const v1::SipasFactor& factor : sipas_.questionnaire().factors()) {
    std::optional<double> official_index;
    for (const v1::FactorIndex& given : official->factors()) {
      if (given.factor() == factor.code()) official_index = given.index();
    }
    auto it = own.factor_index.find(factor.code());
    side.index = it == own.factor_index.end() ? std::nullopt : std::optional<double>(it->second);
    *out.add_factors() = Line(factor.code(), factor.title(), official_index, side);
  }
  *out.mutable_official_result() = *std::move(official);
  *out.mutable_compute_time() = platform::TimeToProto(clock_());
  return out;
}

}  // namespace parhub::reporting
