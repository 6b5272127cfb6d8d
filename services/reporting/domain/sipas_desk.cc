// SIPAS surveys, respondent codes, responses and results (see sipas_desk.h).
#include "services/reporting/domain/sipas_desk.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/rpc/proto_values.h"
#include "services/reporting/domain/access.h"
#include "services/reporting/domain/respondent_code.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::CleanText;
using ::parhub::platform::Date;
using ::parhub::platform::InvalidField;
using ::parhub::platform::TextLines;

constexpr char kSurvey[] = "khảo sát";
// The five SIPAS factors, in the order results list them.
constexpr const char* kFactors[] = {"access", "procedure", "staff", "result", "feedback"};
constexpr int kMaxSurveyDays = 366;
constexpr int kMaxAnswers = 100;
constexpr int kMaxCommentChars = 1000;

absl::Status Transition(v1::SurveyState from, v1::SurveyState allowed, absl::string_view action) {
  if (from == allowed) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat("Không thể ", action, " khảo sát đang ở trạng thái ",
                                                    v1::SurveyState_Name(from),
                                                    " (state transition refused)"));
}

double Round2(double x) { return std::round(x * 100) / 100; }

// Satisfied (4–5) and answered (1–5) counts.
struct Share final {
  int64_t satisfied = 0;
  int64_t answered = 0;
  void Add(const std::array<int64_t, 6>& counts) {
    satisfied += counts[4] + counts[5];
    for (int s = 1; s <= 5; ++s) answered += counts[s];
  }
  double Percent() const { return answered == 0 ? 0 : 100.0 * satisfied / answered; }
};

// Mean of the factor indices of the factors that have answers.
double IndexOf(const std::map<std::string, Share>& factors) {
  double sum = 0;
  int with_answers = 0;
  for (const char* factor : kFactors) {
    auto it = factors.find(factor);
    if (it == factors.end() || it->second.answered == 0) continue;
    sum += it->second.Percent();
    ++with_answers;
  }
  return with_answers == 0 ? 0 : sum / with_answers;
}

bool IsQuestionCode(absl::string_view code) {
  if (code.empty() || code.size() > 16) return false;
  for (char c : code) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) &&
        !absl::ascii_isupper(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string SurveyName(const std::string& school_id, const std::string& survey_id) {
  return absl::StrCat("schools/", school_id, "/sipasSurveys/", survey_id);
}

absl::Status ValidateQuestionnaire(const v1::SipasQuestionnaire& questionnaire) {
  auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat("SIPAS questionnaire '", questionnaire.name(), "': ", why));
  };
  if (questionnaire.name().empty()) return bad("no name");
  if (questionnaire.factors_size() != 5) return bad("needs exactly the five SIPAS factors");
  std::set<std::string> codes;
  for (int i = 0; i < 5; ++i) {
    const v1::SipasFactor& factor = questionnaire.factors(i);
    if (factor.code() != kFactors[i]) {
      return bad(absl::StrCat("factor ", i + 1, " must be '", kFactors[i], "', not '", factor.code(), "'"));
    }
    if (factor.questions_size() == 0)
      return bad(absl::StrCat("factor '", factor.code(), "' has no question"));
    for (const auto& q : factor.questions()) {
      if (!IsQuestionCode(q.code())) return bad(absl::StrCat("bad question code '", q.code(), "'"));
      if (!codes.insert(q.code()).second) return bad(absl::StrCat("question '", q.code(), "' twice"));
    }
  }
  return absl::OkStatus();
}

v1::SipasResults ComputeResults(const v1::SipasQuestionnaire& questionnaire,
                                const std::vector<QuestionCounts>& counts) {
  std::map<std::string, std::array<int64_t, 6>> by_question;
  for (const QuestionCounts& c : counts) {
    auto& sum = by_question[c.question];
    for (int s = 0; s < 6; ++s) sum[s] += c.counts[s];
  }
  v1::SipasResults out;
  std::map<std::string, Share> factors;
  for (const v1::SipasFactor& factor : questionnaire.factors()) {
    v1::FactorResult* fr = out.add_factors();
    fr->set_factor(factor.code());
    Share& factor_share = factors[factor.code()];
    for (const v1::SipasQuestion& question : factor.questions()) {
      std::array<int64_t, 6> n{};
      if (auto it = by_question.find(question.code()); it != by_question.end()) n = it->second;
      v1::QuestionResult* qr = fr->add_questions();
      qr->set_question(question.code());
      int64_t weighted = 0;
      for (int s = 1; s <= 5; ++s) {
        qr->add_distribution(static_cast<int32_t>(n[s]));
        weighted += s * n[s];
      }
      qr->set_not_applicable(static_cast<int32_t>(n[0]));
      Share share;
      share.Add(n);
      factor_share.Add(n);
      qr->set_mean(share.answered == 0 ? 0 : Round2(static_cast<double>(weighted) / share.answered));
      qr->set_satisfied_share(Round2(share.Percent()));
    }
    fr->set_index(Round2(factor_share.Percent()));
  }
  out.set_index(Round2(IndexOf(factors)));
  return out;
}

SipasDesk::SipasDesk(SipasStore& store, const v1::SipasQuestionnaire& questionnaire,
                     const std::string& code_key, std::function<absl::Time()> clock)
    : store_(store),
      questionnaire_(questionnaire),
      signer_(std::make_unique<platform::HmacSha256Signer>(code_key)),
      clock_(std::move(clock)) {}

std::string SipasDesk::KeyedDigest(absl::string_view purpose, absl::string_view data) const {
  return absl::BytesToHexString(signer_->Mac(absl::StrCat(purpose, "\n", data)));
}

std::string SipasDesk::CodeHash(const std::string& canonical) const {
  return KeyedDigest("parhub.reporting.sipas-respondent-code.v1", canonical);
}

v1::SipasSurvey SipasDesk::ToProto(const StoredSurvey& s) const {
  v1::SipasSurvey out;
  out.set_name(SurveyName(s.school_id, s.survey_id));
  out.set_questionnaire(s.questionnaire);
  out.set_title(s.title);
  *out.mutable_open_date() = platform::DateToProto(s.open_date);
  *out.mutable_close_date() = platform::DateToProto(s.close_date);
  out.set_state(s.state);
  out.set_respondent_code_count(s.code_count);
  out.set_response_count(s.response_count);
  *out.mutable_create_time() = platform::TimeToProto(s.create_time);
  out.set_audience(s.audience);
  return out;
}

absl::StatusOr<StoredSurvey> SipasDesk::Load(const std::string& school_id, const std::string& survey_id,
                                             Lock lock) {
  ASSIGN_OR_RETURN(auto survey, store_.GetSurvey(school_id, survey_id, lock));
  if (!survey.has_value()) {
    return absl::NotFoundError(absl::StrCat("Không tìm thấy khảo sát '", survey_id, "' (survey not found)"));
  }
  return *std::move(survey);
}

absl::Status SipasDesk::CheckAccepting(const StoredSurvey& survey) const {
  const Date today = platform::LocalDate(clock_());
  if (survey.state == v1::SURVEY_STATE_DRAFT || today < survey.open_date) {
    return platform::WithReason(
        absl::FailedPreconditionError(
            absl::StrCat("Khảo sát chưa mở; nhận trả lời từ ngày ", survey.open_date.ToVietnamese(),
                         " đến ngày ", survey.close_date.ToVietnamese(), " (the survey is not open)")),
        "SURVEY_NOT_OPEN");
  }
  if (survey.state == v1::SURVEY_STATE_CLOSED || today > survey.close_date) {
    return platform::WithReason(
        absl::FailedPreconditionError(absl::StrCat(
            "Khảo sát đã kết thúc ngày ", survey.close_date.ToVietnamese(), " (the survey is closed)")),
        "SURVEY_CLOSED");
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::SipasSurvey> SipasDesk::Create(const Caller& caller, const std::string& school_id,
                                                  const std::string& survey_id,
                                                  const v1::SipasSurvey& draft) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, kSurvey));
  RETURN_IF_ERROR(platform::ValidateId(survey_id, "sipas_survey_id"));
  const absl::Time now = clock_();
  StoredSurvey survey;
  survey.school_id = school_id;
  survey.survey_id = survey_id;
  ASSIGN_OR_RETURN(survey.title,
                   CleanText(draft.title(), "sipas_survey.title", 200, true, TextLines::kSingle));
  if (draft.audience() == v1::SURVEY_AUDIENCE_UNSPECIFIED) {
    return InvalidField("sipas_survey.audience",
                        "chọn đối tượng khảo sát: phụ huynh, giáo viên và nhân viên, hoặc cán bộ quản lý "
                        "(SURVEY_AUDIENCE_PARENTS, _STAFF or _LEADERS is required)");
  }
  if (!v1::SurveyAudience_IsValid(draft.audience())) {
    return platform::UnknownEnumValue("sipas_survey.audience", draft.audience());
  }
  survey.audience = draft.audience();
  survey.questionnaire = draft.questionnaire().empty() ? questionnaire_.name() : draft.questionnaire();
  if (survey.questionnaire != questionnaire_.name()) {
    return InvalidField("sipas_survey.questionnaire",
                        absl::StrCat("không có bảng hỏi '", survey.questionnaire, "'; dùng ",
                                     questionnaire_.name(), " hoặc để trống"));
  }
  ASSIGN_OR_RETURN(survey.open_date, platform::DateFromProto(draft.open_date(), "sipas_survey.open_date"));
  ASSIGN_OR_RETURN(survey.close_date, platform::DateFromProto(draft.close_date(), "sipas_survey.close_date"));
  if (!survey.open_date.IsSet()) return InvalidField("sipas_survey.open_date", "bắt buộc (required)");
  if (!survey.close_date.IsSet()) return InvalidField("sipas_survey.close_date", "bắt buộc (required)");
  if (survey.close_date < survey.open_date) {
    return InvalidField("sipas_survey.close_date", "ngày kết thúc trước ngày bắt đầu (before open_date)");
  }
  if (survey.close_date < platform::LocalDate(now)) {
    return InvalidField("sipas_survey.close_date", "ngày kết thúc đã qua (in the past)");
  }
  if (platform::DaysBetween(survey.open_date, survey.close_date) > kMaxSurveyDays) {
    return InvalidField("sipas_survey.close_date",
                        absl::StrCat("một đợt khảo sát dài tối đa ", kMaxSurveyDays, " ngày"));
  }
  survey.state = v1::SURVEY_STATE_DRAFT;
  survey.created_by = caller.subject;
  survey.create_time = survey.update_time = now;
  RETURN_IF_ERROR(store_.InTransaction([&]() -> absl::Status {
    ASSIGN_OR_RETURN(auto existing, store_.GetSurvey(school_id, survey_id, Lock::kForUpdate));
    if (existing.has_value()) {
      return absl::AlreadyExistsError(
          absl::StrCat("Mã khảo sát '", survey_id, "' đã được dùng (survey id already used)"));
    }
    return store_.InsertSurvey(survey);
  }));
  return ToProto(survey);
}

absl::StatusOr<v1::SipasSurvey> SipasDesk::Get(const Caller& caller, const std::string& school_id,
                                               const std::string& survey_id) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kSurvey));
  ASSIGN_OR_RETURN(StoredSurvey survey, Load(school_id, survey_id, Lock::kNone));
  return ToProto(survey);
}

absl::StatusOr<platform::Page<v1::SipasSurvey>> SipasDesk::List(const Caller& caller,
                                                                const std::string& school_id, int page_size,
                                                                const std::string& page_token) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kSurvey));
  ASSIGN_OR_RETURN(platform::PageRequest page, platform::ParsePageRequest(page_size, page_token, 20, 100));
  platform::NumberedKey after;
  if (!page.after.empty()) {
    ASSIGN_OR_RETURN(after, platform::DecodeNumberedKey(page.after));
  }
  ASSIGN_OR_RETURN(auto rows, store_.ListSurveys(school_id, after.number, after.id, page.fetch_limit()));
  platform::Page<StoredSurvey> stored =
      platform::MakePage(std::move(rows), page.size, [](const StoredSurvey& s) {
        return platform::EncodeNumberedKey(absl::ToUnixMicros(s.create_time), s.survey_id);
      });
  platform::Page<v1::SipasSurvey> out;
  out.next_page_token = stored.next_page_token;
  for (const StoredSurvey& s : stored.items) out.items.push_back(ToProto(s));
  return out;
}

absl::StatusOr<v1::SipasSurvey> SipasDesk::Change(const std::string& school_id, const std::string& survey_id,
                                                  const std::function<absl::Status(StoredSurvey&)>& change) {
  std::optional<StoredSurvey> changed;
  RETURN_IF_ERROR(store_.InTransaction([&]() -> absl::Status {
    ASSIGN_OR_RETURN(StoredSurvey survey, Load(school_id, survey_id, Lock::kForUpdate));
    RETURN_IF_ERROR(change(survey));
    survey.update_time = clock_();
    RETURN_IF_ERROR(store_.UpdateSurvey(survey));
    changed = std::move(survey);
    return absl::OkStatus();
  }));
  return ToProto(*changed);
}

absl::StatusOr<v1::SipasSurvey> SipasDesk::Open(const Caller& caller, const std::string& school_id,
                                                const std::string& survey_id) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, kSurvey));
  return Change(school_id, survey_id, [&](StoredSurvey& survey) -> absl::Status {
    RETURN_IF_ERROR(Transition(survey.state, v1::SURVEY_STATE_DRAFT, "mở"));
    if (survey.close_date < platform::LocalDate(clock_())) {
      return platform::WithReason(absl::FailedPreconditionError(absl::StrCat(
                                      "Ngày kết thúc khảo sát (", survey.close_date.ToVietnamese(),
                                      ") đã qua; hãy tạo đợt khảo sát mới (close date passed)")),
                                  "SURVEY_CLOSE_DATE_PASSED");
    }
    survey.state = v1::SURVEY_STATE_OPEN;
    return absl::OkStatus();
  });
}

absl::StatusOr<v1::SipasSurvey> SipasDesk::Close(const Caller& caller, const std::string& school_id,
                                                 const std::string& survey_id) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, kSurvey));
  return Change(school_id, survey_id, [&](StoredSurvey& survey) -> absl::Status {
    RETURN_IF_ERROR(Transition(survey.state, v1::SURVEY_STATE_OPEN, "đóng"));
    survey.state = v1::SURVEY_STATE_CLOSED;
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<std::string>> SipasDesk::IssueCodes(const Caller& caller,
                                                               const std::string& school_id,
                                                               const std::string& survey_id, int count) {
  RETURN_IF_ERROR(RequireSchoolWrite(caller, school_id, kSurvey));
  if (count < 1 || count > kMaxCodesPerIssue) {
    return InvalidField("count",
                        absl::StrCat("từ 1 đến ", kMaxCodesPerIssue, " mã mỗi lần (1-2,000 per call)"));
  }
  std::vector<std::string> codes;
  RETURN_IF_ERROR(store_.InTransaction([&]() -> absl::Status {
    codes.clear();
    ASSIGN_OR_RETURN(StoredSurvey survey, Load(school_id, survey_id, Lock::kForUpdate));
    if (survey.state == v1::SURVEY_STATE_CLOSED) {
      return absl::FailedPreconditionError("Khảo sát đã đóng, không phát thêm mã (the survey is closed)");
    }
    // Fifty random bits make a repeat rare but not impossible across every
    // survey of a city: draw again until each code is new.
    std::map<std::string, std::string> by_hash;  // hash → code
    for (int round = 0; static_cast<int>(by_hash.size()) < count; ++round) {
      if (round >= 8) return absl::InternalError("could not draw unused respondent codes");
      std::vector<std::string> drawn;
      while (static_cast<int>(by_hash.size() + drawn.size()) < count) {
        std::string code = NewRespondentCode();
        std::string hash = CodeHash(code);
        if (by_hash.contains(hash)) continue;
        by_hash.emplace(hash, std::move(code));
        drawn.push_back(std::move(hash));
      }
      ASSIGN_OR_RETURN(std::set<std::string> taken, store_.ExistingCodes(drawn));
      for (const std::string& hash : taken) by_hash.erase(hash);
    }
    std::vector<std::string> hashes;
    for (auto& [hash, code] : by_hash) {
      hashes.push_back(hash);
      codes.push_back(FormatRespondentCode(code));
    }
    RETURN_IF_ERROR(store_.InsertCodes(school_id, survey_id, hashes));
    survey.code_count += count;
    survey.update_time = clock_();
    return store_.UpdateSurvey(survey);
  }));
  std::sort(codes.begin(), codes.end());
  return codes;
}

absl::StatusOr<v1::SurveyForRespondent> SipasDesk::ForRespondent(const Caller& caller,
                                                                 const std::string& code) {
  RETURN_IF_ERROR(RequireServiceCaller(caller));
  ASSIGN_OR_RETURN(std::string canonical, ParseRespondentCode(code, "respondent_code"));
  ASSIGN_OR_RETURN(auto found, store_.FindCode(CodeHash(canonical), Lock::kNone));
  if (!found.has_value()) {
    return absl::NotFoundError("Không tìm thấy mã khảo sát (unknown respondent code)");
  }
  ASSIGN_OR_RETURN(StoredSurvey survey, Load(found->school_id, found->survey_id, Lock::kNone));
  if (!found->used) RETURN_IF_ERROR(CheckAccepting(survey));
  v1::SurveyForRespondent out;
  out.set_school_display_name(absl::StrCat("schools/", survey.school_id));
  out.set_title(survey.title);
  *out.mutable_questionnaire() = questionnaire_;
  *out.mutable_close_date() = platform::DateToProto(survey.close_date);
  out.set_already_answered(found->used);
  return out;
}

absl::StatusOr<SipasDesk::CheckedResponse> SipasDesk::CheckResponse(
    const std::string& code, const std::vector<v1::SipasAnswer>& answers, const std::string& comment) const {
  CheckedResponse out;
  ASSIGN_OR_RETURN(out.code, ParseRespondentCode(code, "respondent_code"));
  if (answers.empty()) return InvalidField("answers", "chưa trả lời câu nào (no answer)");
  if (answers.size() > kMaxAnswers) return InvalidField("answers", "quá nhiều câu trả lời");
  std::set<std::string> questions;
  for (const auto& factor : questionnaire_.factors()) {
    for (const auto& q : factor.questions()) questions.insert(q.code());
  }
  for (size_t i = 0; i < answers.size(); ++i) {
    const std::string field = absl::StrCat("answers[", i, "]");
    const v1::SipasAnswer& a = answers[i];
    if (!questions.contains(a.question())) {
      return InvalidField(field + ".question",
                          absl::StrCat("bảng hỏi không có câu '", a.question(), "' (unknown question)"));
    }
    if (a.score() < 0 || a.score() > 5) {
      return InvalidField(field + ".score", "điểm từ 1 đến 5, hoặc 0 nếu không đánh giá (0-5)");
    }
    if (!out.score_of.emplace(a.question(), a.score()).second) {
      return InvalidField(field + ".question",
                          absl::StrCat("câu '", a.question(), "' được trả lời hai lần (answered twice)"));
    }
  }
  ASSIGN_OR_RETURN(out.comment, CleanText(comment, "comment", kMaxCommentChars, false, TextLines::kMulti));
  return out;
}

absl::StatusOr<std::string> SipasDesk::Submit(const Caller& caller, const std::string& code,
                                              const std::vector<v1::SipasAnswer>& answers,
                                              const std::string& comment) {
  RETURN_IF_ERROR(RequireServiceCaller(caller));
  // Everything the request alone can be wrong about is checked before the
  // database (every survey uses the embedded questionnaire).
  ASSIGN_OR_RETURN(CheckedResponse checked, CheckResponse(code, answers, comment));
  const std::map<std::string, int>& score_of = checked.score_of;
  const std::string hash = CodeHash(checked.code);
  RETURN_IF_ERROR(store_.InTransaction([&]() -> absl::Status {
    // The code tells the survey; the survey row is locked first, as
    // IssueCodes does, so every writer of a survey takes its locks in one order.
    ASSIGN_OR_RETURN(auto located, store_.FindCode(hash, Lock::kNone));
    if (!located.has_value()) {
      return absl::NotFoundError("Không tìm thấy mã khảo sát (unknown respondent code)");
    }
    ASSIGN_OR_RETURN(StoredSurvey survey, Load(located->school_id, located->survey_id, Lock::kForUpdate));
    ASSIGN_OR_RETURN(auto found, store_.FindCode(hash, Lock::kForUpdate));
    if (!found.has_value())
      return absl::NotFoundError("Không tìm thấy mã khảo sát (unknown respondent code)");
    auto used = [] {
      return platform::WithReason(
          absl::AlreadyExistsError("Mã khảo sát này đã được dùng để trả lời; mỗi mã chỉ trả lời một lần "
                                   "(this respondent code has already answered)"),
          "RESPONDENT_CODE_USED");
    };
    if (found->used) return used();
    RETURN_IF_ERROR(CheckAccepting(survey));
    ASSIGN_OR_RETURN(bool marked, store_.MarkCodeUsed(survey.school_id, survey.survey_id, hash));
    if (!marked) return used();
    StoredResponse response{.school_id = survey.school_id,
                            .survey_id = survey.survey_id,
                            .response_id = platform::RandomHex(16),
                            .answer_date = platform::LocalDate(clock_()),
                            .answers = {},
                            .comment = checked.comment};
    std::vector<QuestionCounts> increments;
    std::vector<std::string> parts;
    for (const auto& factor : questionnaire_.factors()) {
      for (const auto& q : factor.questions()) {
        auto it = score_of.find(q.code());
        const int score = it == score_of.end() ? 0 : it->second;
        QuestionCounts one{.question = q.code(), .factor = factor.code()};
        one.counts[score] = 1;
        increments.push_back(std::move(one));
        parts.push_back(absl::StrCat(q.code(), "=", score));
      }
    }
    response.answers = absl::StrJoin(parts, ",");
    RETURN_IF_ERROR(store_.InsertResponse(response, increments));
    survey.response_count += 1;
    survey.update_time = clock_();
    return store_.UpdateSurvey(survey);
  }));
  return std::string(
      "Trân trọng cảm ơn Quý vị đã tham gia khảo sát. Câu trả lời được ghi nhận ẩn danh. (Thank you: your "
      "answers were recorded anonymously.)");
}

absl::StatusOr<v1::SipasResults> SipasDesk::Results(const Caller& caller, const std::string& school_id,
                                                    const std::string& survey_id) {
  RETURN_IF_ERROR(RequireSchoolRead(caller, school_id, kSurvey));
  ASSIGN_OR_RETURN(StoredSurvey survey, Load(school_id, survey_id, Lock::kNone));
  ASSIGN_OR_RETURN(auto counts, store_.SurveyCounts(school_id, survey_id));
  v1::SipasResults out = ComputeResults(questionnaire_, counts);
  out.set_survey(SurveyName(school_id, survey_id));
  out.set_response_count(survey.response_count);
  *out.mutable_compute_time() = platform::TimeToProto(clock_());
  return out;
}

absl::StatusOr<SipasFigures> SipasDesk::Figures(const std::string& school_id, Date start, Date end) {
  ASSIGN_OR_RETURN(std::vector<SipasFigures> one, FiguresOf({school_id}, start, end));
  return std::move(one[0]);
}

absl::StatusOr<std::vector<SipasFigures>> SipasDesk::FiguresOf(const std::vector<std::string>& school_ids,
                                                               Date start, Date end) {
  ASSIGN_OR_RETURN(auto by_school, store_.PeriodCounts(school_ids, v1::SURVEY_AUDIENCE_PARENTS, start, end));
  std::vector<SipasFigures> out;
  out.reserve(school_ids.size());
  for (const std::string& school_id : school_ids) {
    const SipasPeriodCounts& period = by_school[school_id];  // none: all zero
    std::map<std::string, Share> factors;
    for (const QuestionCounts& c : period.questions) factors[c.factor].Add(c.counts);
    SipasFigures& figures = out.emplace_back();
    figures.surveys = period.surveys;
    figures.responses = period.responses;
    figures.index = Round2(IndexOf(factors));
    figures.feedback_index = Round2(factors["feedback"].Percent());
    for (const char* factor : kFactors) {
      auto it = factors.find(factor);
      if (it != factors.end() && it->second.answered > 0)
        figures.factor_index[factor] = Round2(it->second.Percent());
    }
  }
  return out;
}

}  // namespace parhub::reporting
