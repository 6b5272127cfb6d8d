// parhubctl surveys: a school's satisfaction surveys (khảo sát sự hài lòng,
// SIPAS): the questionnaire of five factors, surveys for parents, staff or
// leaders and managers, their opening and closing, the anonymous respondent
// codes handed out on paper (as a list, a CSV file or one QR image per
// code), and the results: each factor's index, each question's answers 1..5
// and the share satisfied; the official SIPAS result of a year, imported
// from a JSON file, beside the school's own surveys of that year; and the
// short survey offered after a resolved case or a receipt, month by month.
#include <google/protobuf/util/json_util.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/app.h"
#include "cli/qr.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "platform/core/resource_name.h"

namespace parhub::cli {
namespace {

namespace rpv = ::parhub::reporting::v1;

// The questionnaire of data/reporting/sipas_questionnaire.json.
constexpr const char* kDefaultQuestionnaire = "sipas-school-2024";

std::unique_ptr<rpv::ReportingService::Stub> StubOf(Session& session) {
  return rpv::ReportingService::NewStub(session.channel());
}

// The idempotency key of a mutation: --request-id, else a fresh one.
std::string NewRequestId(const App& app, const char* verb) {
  return app.RequestId(absl::StrCat("cli-surveys-", verb, "-", platform::RandomId()));
}

std::string QuestionnaireName(const std::string& text) {
  return absl::StartsWith(text, "sipasQuestionnaires/") ? text : absl::StrCat("sipasQuestionnaires/", text);
}

// "schools/{school}/sipasSurveys/{id}" for an id of --school (default: the
// caller's school) or a full name; nullopt after a usage error.
std::optional<std::string> SurveyName(App& app, const std::string& school_flag, const std::string& text) {
  if (absl::StartsWith(text, "schools/")) return text;
  auto school = app.SchoolName(school_flag);
  if (!school) return std::nullopt;
  return absl::StrCat(*school, "/sipasSurveys/", absl::AsciiStrToLower(text));
}

std::string Percent(double value) { return absl::StrFormat("%.1f%%", value); }

// ---------------------------------------------------------------------------
// Labels and words.

std::string SurveyStateLabel(const Output& out, rpv::SurveyState state) {
  switch (state) {
    case rpv::SURVEY_STATE_DRAFT:
      return out.T("Đang chuẩn bị", "Draft");
    case rpv::SURVEY_STATE_OPEN:
      return out.T("Đang mở", "Open");
    case rpv::SURVEY_STATE_CLOSED:
      return out.T("Đã đóng", "Closed");
    default:
      return "?";
  }
}

std::string AudienceLabel(const Output& out, rpv::SurveyAudience audience) {
  switch (audience) {
    case rpv::SURVEY_AUDIENCE_PARENTS:
      return out.T("Cha mẹ học sinh", "Parents");
    case rpv::SURVEY_AUDIENCE_STAFF:
      return out.T("Giáo viên, nhân viên", "Teachers and staff");
    case rpv::SURVEY_AUDIENCE_LEADERS:
      return out.T("Cán bộ quản lý", "Leaders and managers");
    default:
      return "?";
  }
}

std::optional<rpv::SurveyAudience> ParseAudience(const std::string& text) {
  std::string t = absl::AsciiStrToLower(text);
  if (t == "parents" || t == "phu-huynh" || t == "cha-me") return rpv::SURVEY_AUDIENCE_PARENTS;
  if (t == "staff" || t == "giao-vien" || t == "nhan-vien") return rpv::SURVEY_AUDIENCE_STAFF;
  if (t == "leaders" || t == "quan-ly" || t == "can-bo-quan-ly") return rpv::SURVEY_AUDIENCE_LEADERS;
  return std::nullopt;
}
constexpr const char* kAudienceWords = "parents | staff | leaders (phu-huynh | giao-vien | quan-ly)";

std::string FactorTitle(const Output& out, const rpv::SipasFactor& factor) {
  return out.english && !factor.title_en().empty() ? factor.title_en() : factor.title();
}

// ---------------------------------------------------------------------------
// Printing.

std::vector<std::string> SurveyHeader(const Output& o) {
  return {o.T("Mã khảo sát", "Survey"),     o.T("Tên", "Title"),
          o.T("Đối tượng", "Audience"),     o.T("Mở từ", "Opens"),
          o.T("Đến hết", "Closes"),         o.T("Trạng thái", "State"),
          o.T("Mã đã cấp", "Codes issued"), o.T("Phiếu trả lời", "Responses")};
}

std::vector<std::string> SurveyRow(const Output& o, const rpv::SipasSurvey& s) {
  return {IdOf(s.name()),
          s.title(),
          AudienceLabel(o, s.audience()),
          FormatDate(s.open_date()),
          FormatDate(s.close_date()),
          SurveyStateLabel(o, s.state()),
          absl::StrCat(s.respondent_code_count()),
          absl::StrCat(s.response_count())};
}

void PrintSurvey(const Output& o, const rpv::SipasSurvey& s) {
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")},
          {{o.T("Mã khảo sát", "Survey"), IdOf(s.name())},
           {o.T("Tên", "Title"), s.title()},
           {o.T("Đối tượng", "Audience"), AudienceLabel(o, s.audience())},
           {o.T("Phiếu hỏi", "Questionnaire"), IdOf(s.questionnaire())},
           {o.T("Nhận trả lời từ ngày", "Opens"), FormatDate(s.open_date())},
           {o.T("Đến hết ngày", "Closes"), FormatDate(s.close_date())},
           {o.T("Trạng thái", "State"), SurveyStateLabel(o, s.state())},
           {o.T("Mã khảo sát đã cấp", "Respondent codes issued"), absl::StrCat(s.respondent_code_count())},
           {o.T("Phiếu đã trả lời", "Responses"), absl::StrCat(s.response_count())},
           {o.T("Tạo lúc", "Created"), FormatTime(s.create_time())}});
}

void PrintChanged(App& app, const rpv::SipasSurvey& s, const std::string& message) {
  if (app.out.json) return app.out.Json(s);
  app.out.Line(absl::StrCat(message, ": ", IdOf(s.name())));
  app.out.Table(SurveyHeader(app.out), {SurveyRow(app.out, s)});
}

void PrintQuestionnaire(const Output& o, const rpv::SipasQuestionnaire& q) {
  o.Table({o.T("Mục", "Field"), o.T("Nội dung", "Value")},
          {{o.T("Phiếu hỏi", "Questionnaire"), IdOf(q.name())},
           {o.T("Tên", "Title"), q.title()},
           {o.T("Phiên bản", "Version"), q.version()}});
  // Paragraphs under the table, not widening it.
  if (!q.introduction().empty())
    o.Line(absl::StrCat(o.T("Lời mở đầu: ", "Introduction: "), q.introduction()));
  if (!q.basis().empty()) o.Line(absl::StrCat(o.T("Căn cứ: ", "Basis: "), q.basis()));
  std::vector<std::string> scale;
  for (const auto& s : q.scale()) scale.push_back(absl::StrCat(s.score(), " = ", s.label()));
  o.Line(absl::StrCat(o.T("\nThang điểm: ", "\nScale: "), absl::StrJoin(scale, "; "),
                      o.T("; 0 = không áp dụng", "; 0 = not applicable")));
  o.Line("");
  std::vector<std::vector<std::string>> rows;
  for (const auto& factor : q.factors()) {
    for (int i = 0; i < factor.questions_size(); ++i) {
      rows.push_back(
          {i == 0 ? FactorTitle(o, factor) : "", factor.questions(i).code(), factor.questions(i).text()});
    }
  }
  o.Table({o.T("Yếu tố", "Factor"), o.T("Câu", "Question"), o.T("Nội dung", "Text")}, rows);
}

// The survey and its questionnaire, for titles beside the results; as far
// as they could be read (the results print without them).
struct SurveyContext final {
  rpv::SipasSurvey survey;
  rpv::SipasQuestionnaire questionnaire;
};
SurveyContext ReadSurveyContext(Session& session, const std::string& survey_name) {
  SurveyContext context;
  auto stub = StubOf(session);
  rpv::GetSipasSurveyRequest get_survey;
  get_survey.set_name(survey_name);
  auto c1 = session.NewContext();
  if (!stub->GetSipasSurvey(c1.get(), get_survey, &context.survey).ok()) return context;
  rpv::GetSipasQuestionnaireRequest get_questionnaire;
  get_questionnaire.set_name(context.survey.questionnaire());
  auto c2 = session.NewContext();
  if (!stub->GetSipasQuestionnaire(c2.get(), get_questionnaire, &context.questionnaire).ok())
    context.questionnaire.Clear();
  return context;
}

void PrintResults(const Output& o, const rpv::SipasResults& r, const SurveyContext& context) {
  auto factor_title = [&](const std::string& code) {
    for (const auto& f : context.questionnaire.factors()) {
      if (f.code() == code) return FactorTitle(o, f);
    }
    return code;
  };
  std::string title = context.survey.title().empty() ? IdOf(r.survey()) : context.survey.title();
  std::string computed = r.compute_time().seconds() == 0 ? ""
                                                         : absl::StrCat(o.T(" (tính lúc ", " (computed "),
                                                                        FormatTime(r.compute_time()), ")");
  o.Line(absl::StrCat(o.T("Kết quả khảo sát: ", "Survey results: "), title, " — ", r.response_count(),
                      o.T(" phiếu trả lời", " responses"), computed));
  o.Line(absl::StrCat(o.T("Chỉ số hài lòng (SIPAS): ", "Satisfaction index (SIPAS): "), Percent(r.index()),
                      o.T(" — trung bình chỉ số của năm yếu tố", " — the mean of the five factor indices")));
  o.Line("");
  std::vector<std::vector<std::string>> factors;
  for (const auto& f : r.factors()) factors.push_back({factor_title(f.factor()), Percent(f.index())});
  o.Table(
      {o.T("Yếu tố", "Factor"), o.T("Chỉ số (hài lòng, rất hài lòng)", "Index (satisfied, very satisfied)")},
      factors);
  o.Line("");
  std::vector<std::vector<std::string>> questions;
  for (const auto& f : r.factors()) {
    for (int i = 0; i < f.questions_size(); ++i) {
      const auto& q = f.questions(i);
      std::vector<std::string> row{i == 0 ? factor_title(f.factor()) : "", q.question()};
      for (int score = 0; score < 5; ++score) {
        row.push_back(score < q.distribution_size() ? absl::StrCat(q.distribution(score)) : "0");
      }
      row.push_back(absl::StrCat(q.not_applicable()));
      row.push_back(absl::StrFormat("%.2f", q.mean()));
      row.push_back(Percent(q.satisfied_share()));
      questions.push_back(std::move(row));
    }
  }
  o.Table({o.T("Yếu tố", "Factor"), o.T("Câu", "Question"), "1", "2", "3", "4", "5",
           o.T("Không áp dụng", "N/A"), o.T("Điểm TB", "Mean"), o.T("Hài lòng", "Satisfied")},
          questions);
  o.Line(o.T("1 = rất không hài lòng … 5 = rất hài lòng; hài lòng = số trả lời 4-5 / số trả lời 1-5.",
             "1 = very dissatisfied … 5 = very satisfied; satisfied = answers 4-5 / answers 1-5."));
}

// Writes one PNG per code into `dir` (created when missing), named after the
// code. false after printing why.
bool WriteCodePngs(App& app, const std::string& dir,
                   const google::protobuf::RepeatedPtrField<std::string>& codes) {
  const Output& o = app.out;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    app.Fail(kExitFailure, "LOCAL", o.T("Không tạo được thư mục", "Cannot create the directory"),
             absl::StrCat(dir, ": ", ec.message()));
    return false;
  }
  for (const auto& code : codes) {
    std::string path = (std::filesystem::path(dir) / absl::StrCat(code, ".png")).string();
    auto qr = EncodeQr(code);
    std::string error = "cannot encode";
    if (!qr || !WriteQrPng(*qr, path, &error)) {
      app.Fail(kExitFailure, "LOCAL", o.T("Không ghi được tệp", "Cannot write the file"),
               absl::StrCat(path, ": ", error));
      return false;
    }
  }
  if (!o.json) {
    o.Line(absl::StrCat(o.T("Đã ghi ", "Wrote "), codes.size(), o.T(" mã QR → ", " QR codes → "), dir));
  }
  return true;
}

}  // namespace

void AddSurveyCommands(CLI::App& root, App& app) {
  static struct {
    std::string school, id, title, audience, open, close, questionnaire = kDefaultQuestionnaire, png_dir,
                                                          file;
    int count = 0;
    int year = 0;
  } f;

  auto* surveys = root.add_subcommand(
      "surveys", "Khảo sát sự hài lòng (SIPAS): phiếu hỏi, đợt khảo sát, mã khảo sát, kết quả (surveys)");
  surveys->require_subcommand(1);
  auto add_school = [](CLI::App* cmd) {
    cmd->add_option("--school", f.school, "Trường (mặc định: trường của bạn)");
  };
  auto add_survey = [add_school](CLI::App* cmd) {
    cmd->add_option("id", f.id, "Mã khảo sát (cột đầu của 'surveys list')")->required();
    add_school(cmd);
  };

  // === questionnaire ===========================================================
  auto* questionnaire = surveys->add_subcommand(
      "questionnaire", "Phiếu hỏi: năm yếu tố, các câu hỏi, thang điểm 1-5 (the questionnaire)");
  questionnaire->add_option("id", f.questionnaire, "Mã phiếu hỏi")->capture_default_str();
  questionnaire->callback([&app] {
    rpv::GetSipasQuestionnaireRequest request;
    request.set_name(QuestionnaireName(f.questionnaire));
    Session session = app.NewSession();
    rpv::SipasQuestionnaire q;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GetSipasQuestionnaire(c, request, &q); }))
      return;
    if (app.out.json) return app.out.Json(q);
    PrintQuestionnaire(app.out, q);
  });

  // === create ==================================================================
  auto* create =
      surveys->add_subcommand("create", "Tạo đợt khảo sát (đang chuẩn bị; mở bằng 'surveys open')");
  create->add_option("id", f.id, "Mã khảo sát: chữ thường, số và '-', ví dụ phu-huynh-hk1-2024")->required();
  add_school(create);
  create->add_option("--title", f.title, "Tên đợt khảo sát")->required();
  create->add_option("--audience", f.audience, kAudienceWords)->required();
  create->add_option("--open", f.open, "Ngày bắt đầu nhận trả lời")->required();
  create->add_option("--close", f.close, "Ngày cuối nhận trả lời")->required();
  create->add_option("--questionnaire", f.questionnaire, "Mã phiếu hỏi")->capture_default_str();
  create->callback([&app] {
    auto audience = ParseAudience(f.audience);
    if (!audience) return app.Usage(absl::StrCat("--audience: ", kAudienceWords));
    auto open = ParseDateFlag(app, "--open", f.open);
    if (!open) return;
    auto close = ParseDateFlag(app, "--close", f.close);
    if (!close) return;
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::CreateSipasSurveyRequest request;
    request.set_parent(*school);
    request.set_sipas_survey_id(absl::AsciiStrToLower(f.id));
    rpv::SipasSurvey* s = request.mutable_sipas_survey();
    s->set_title(f.title);
    s->set_audience(*audience);
    s->set_questionnaire(QuestionnaireName(f.questionnaire));
    *s->mutable_open_date() = *open;
    *s->mutable_close_date() = *close;
    request.set_request_id(NewRequestId(app, "create"));
    Session session = app.NewSession();
    rpv::SipasSurvey created;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->CreateSipasSurvey(c, request, &created);
        }))
      return;
    PrintChanged(app, created, app.out.T("Đã tạo đợt khảo sát", "Created survey"));
  });

  // === list, show ==============================================================
  auto* list = surveys->add_subcommand("list", "Các đợt khảo sát của trường, mới nhất trước");
  add_school(list);
  AddExportOption(list, app);
  list->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::ListSipasSurveysRequest request;
    request.set_parent(*school);
    request.set_page_size(100);
    Session session = app.NewSession();
    auto stub = StubOf(session);
    rpv::ListSipasSurveysResponse all;
    while (true) {
      rpv::ListSipasSurveysResponse page;
      if (!Call(app, session,
                [&](grpc::ClientContext* c) { return stub->ListSipasSurveys(c, request, &page); }))
        return;
      for (auto& s : *page.mutable_sipas_surveys()) *all.add_sipas_surveys() = std::move(s);
      if (page.next_page_token().empty()) break;
      request.set_page_token(page.next_page_token());
    }
    if (app.out.json && app.export_path.empty()) return app.out.Json(all);
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : all.sipas_surveys()) rows.push_back(SurveyRow(app.out, s));
    PrintList(app, app.out.T("Khảo sát", "Surveys"), SurveyHeader(app.out), rows);
  });

  auto* show = surveys->add_subcommand("show", "Thông tin một đợt khảo sát");
  add_survey(show);
  show->callback([&app] {
    auto name = SurveyName(app, f.school, f.id);
    if (!name) return;
    rpv::GetSipasSurveyRequest request;
    request.set_name(*name);
    Session session = app.NewSession();
    rpv::SipasSurvey s;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GetSipasSurvey(c, request, &s); }))
      return;
    if (app.out.json) return app.out.Json(s);
    PrintSurvey(app.out, s);
  });

  // === open, close =============================================================
  auto* open = surveys->add_subcommand("open", "Mở đợt khảo sát: nhận trả lời trong khoảng ngày đã đặt");
  add_survey(open);
  open->callback([&app] {
    auto name = SurveyName(app, f.school, f.id);
    if (!name) return;
    rpv::OpenSipasSurveyRequest request;
    request.set_name(*name);
    request.set_request_id(NewRequestId(app, "open"));
    Session session = app.NewSession();
    rpv::SipasSurvey s;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->OpenSipasSurvey(c, request, &s); }))
      return;
    PrintChanged(app, s, app.out.T("Đã mở đợt khảo sát", "Opened survey"));
  });

  auto* close =
      surveys->add_subcommand("close", "Đóng đợt khảo sát (không nhận thêm trả lời; không mở lại được)");
  add_survey(close);
  close->callback([&app] {
    auto name = SurveyName(app, f.school, f.id);
    if (!name) return;
    rpv::CloseSipasSurveyRequest request;
    request.set_name(*name);
    request.set_request_id(NewRequestId(app, "close"));
    Session session = app.NewSession();
    rpv::SipasSurvey s;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->CloseSipasSurvey(c, request, &s); }))
      return;
    PrintChanged(app, s, app.out.T("Đã đóng đợt khảo sát", "Closed survey"));
  });

  // === codes ===================================================================
  auto* codes = surveys->add_subcommand(
      "codes", "Cấp mã khảo sát (mỗi mã trả lời một lần, không ghi tên; chỉ hiện một lần)");
  add_survey(codes);
  codes->add_option("--count", f.count, "Số mã cần cấp, 1-2000")->required()->check(CLI::Range(1, 2000));
  AddExportOption(codes, app);
  codes->add_option("--png-dir", f.png_dir, "Ghi mỗi mã thành một ảnh QR <mã>.png trong thư mục này");
  codes->callback([&app] {
    auto name = SurveyName(app, f.school, f.id);
    if (!name) return;
    rpv::IssueRespondentCodesRequest request;
    request.set_survey(*name);
    request.set_count(f.count);
    request.set_request_id(NewRequestId(app, "codes"));
    Session session = app.NewSession();
    rpv::IssueRespondentCodesResponse response;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->IssueRespondentCodes(c, request, &response);
        }))
      return;
    const Output& o = app.out;
    if (!f.png_dir.empty() && !WriteCodePngs(app, f.png_dir, response.codes())) app.exit_code = kExitFailure;
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < response.codes_size(); ++i) rows.push_back({absl::StrCat(i + 1), response.codes(i)});
    std::vector<std::string> header{o.T("STT", "No."), o.T("Mã khảo sát", "Respondent code")};
    // Codes are shown only once: printed whenever no file took them.
    bool written =
        Export(app, o.T("Mã khảo sát", "Respondent codes"), header, rows) && app.exit_code == kExitOk;
    if (!written) o.json ? o.Json(response) : o.Table(header, rows);
    // The service never shows a code twice, not even to a retry with the
    // same request id (SECRET_ALREADY_SHOWN): say so, and how to get more.
    o.Error(
        o.T("Mã chỉ hiện một lần và không lấy lại được (gọi lại cùng request id cũng không). Nếu làm mất, "
            "phát thêm mã mới: parhubctl surveys codes ",
            "Codes are shown only once and cannot be fetched again (not even with the same request id). "
            "If they are lost, issue new ones: parhubctl surveys codes ") +
        absl::StrCat(f.id, " --count N", f.school.empty() ? "" : absl::StrCat(" --school ", f.school)));
  });

  // === results =================================================================
  auto* results = surveys->add_subcommand(
      "results", "Kết quả: chỉ số từng yếu tố, phân bố trả lời 1-5 từng câu, tỷ lệ hài lòng, chỉ số chung");
  add_survey(results);
  results->callback([&app] {
    auto name = SurveyName(app, f.school, f.id);
    if (!name) return;
    rpv::GetSipasResultsRequest request;
    request.set_survey(*name);
    Session session = app.NewSession();
    rpv::SipasResults r;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->GetSipasResults(c, request, &r); }))
      return;
    if (app.out.json) return app.out.Json(r);
    PrintResults(app.out, r, ReadSurveyContext(session, *name));
  });

  // === the short survey after a service ======================================
  auto* feedback = surveys->add_subcommand("feedback",
                                           "Khảo sát nhanh sau dịch vụ (hồ sơ đã giải quyết, biên lai thu): "
                                           "kết quả từng tháng, từng điểm tiếp xúc");
  add_school(feedback);
  feedback->add_option("--year", f.year, "Năm (mặc định: năm nay)")->check(CLI::Range(2000, 2100));
  feedback->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::GetServiceFeedbackResultsRequest request;
    request.set_school(*school);
    request.set_year(YearOr(f.year));
    Session session = app.NewSession();
    rpv::ServiceFeedbackResults r;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->GetServiceFeedbackResults(c, request, &r);
        }))
      return;
    if (app.out.json) return app.out.Json(r);
    const Output& o = app.out;
    o.Line(absl::StrCat(o.T("Khảo sát nhanh sau dịch vụ năm ", "Short survey after a service, "), r.year(),
                        o.T(" (ẩn danh; điểm 1-5)", " (anonymous; scores 1-5)")));
    for (int i = 0; i < r.questions_size(); ++i) {
      o.Line(absl::StrCat("  ", i + 1, ". ", r.questions(i).text()));
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : r.months()) {
      std::vector<std::string> row{absl::StrCat(m.month(), "/", r.year()),
                                   m.touchpoint() == ::parhub::common::v1::FEEDBACK_TOUCHPOINT_CASE_RESOLVED
                                       ? o.T("Hồ sơ đã giải quyết", "Case resolved")
                                       : o.T("Biên lai thu", "Receipt"),
                                   absl::StrCat(m.responses())};
      for (double mean : m.question_means()) row.push_back(absl::StrFormat("%.2f", mean));
      row.push_back(Percent(m.satisfied_share()));
      rows.push_back(std::move(row));
    }
    if (rows.empty()) {
      o.Line(o.T("Chưa có ý kiến nào trong năm.", "No answers this year."));
      return;
    }
    std::vector<std::string> header{o.T("Tháng", "Month"), o.T("Điểm tiếp xúc", "Touchpoint"),
                                    o.T("Số ý kiến", "Answers")};
    for (int i = 0; i < r.questions_size(); ++i) header.push_back(absl::StrCat(o.T("Câu ", "Q"), i + 1));
    header.push_back(o.T("Hài lòng (4-5)", "Satisfied (4-5)"));
    o.Table(header, rows);
  });

  // === official result ========================================================
  auto* official = surveys->add_subcommand(
      "official", "Kết quả SIPAS chính thức của cơ quan quản lý hoặc thành phố, so với khảo sát của trường");
  official->require_subcommand(1);
  auto* official_import = official->add_subcommand(
      "import",
      "Nhập kết quả chính thức từ tệp JSON (OfficialSipasResult: index, factors[factor, index], "
      "documentNumber, documentDate, source)");
  add_school(official_import);
  official_import->add_option("--year", f.year, "Năm của kết quả")->required()->check(CLI::Range(2000, 2100));
  official_import->add_option("--file", f.file, "Tệp JSON, hoặc - cho stdin")->required();
  official_import->callback([&app] {
    auto json = ReadFileFlag(app, f.file);
    if (!json) return;
    rpv::ImportOfficialSipasResultRequest request;
    if (auto parsed = google::protobuf::util::JsonStringToMessage(
            *json, request.mutable_official_sipas_result(), google::protobuf::util::JsonParseOptions());
        !parsed.ok()) {
      return app.Usage(absl::StrCat("--file: ", parsed.ToString()));
    }
    auto school = app.SchoolName(f.school);
    if (!school) return;
    request.set_parent(*school);
    request.set_year(f.year);
    request.set_request_id(NewRequestId(app, "official"));
    Session session = app.NewSession();
    rpv::OfficialSipasResult result;
    if (!Call(app, session, [&](grpc::ClientContext* c) {
          return StubOf(session)->ImportOfficialSipasResult(c, request, &result);
        }))
      return;
    if (app.out.json) return app.out.Json(result);
    app.out.Line(absl::StrCat(app.out.T("Đã nhập kết quả SIPAS chính thức năm ",
                                        "Imported the official SIPAS "
                                        "result of "),
                              f.year, " (", result.document_number(), "): ", Percent(result.index()), ", ",
                              result.factors_size(), app.out.T(" yếu tố.", " factors.")));
  });
  auto* official_compare = official->add_subcommand(
      "compare", "Kết quả chính thức bên cạnh kết quả tự khảo sát phụ huynh của trường cùng năm");
  add_school(official_compare);
  official_compare->add_option("--year", f.year, "Năm (mặc định: năm mới nhất đã nhập kết quả chính thức)")
      ->check(CLI::Range(2000, 2100));
  official_compare->callback([&app] {
    auto school = app.SchoolName(f.school);
    if (!school) return;
    rpv::CompareSipasResultsRequest request;
    request.set_school(*school);
    request.set_year(f.year);
    Session session = app.NewSession();
    rpv::SipasComparison cmp;
    if (!Call(app, session,
              [&](grpc::ClientContext* c) { return StubOf(session)->CompareSipasResults(c, request, &cmp); }))
      return;
    if (app.out.json) return app.out.Json(cmp);
    const Output& o = app.out;
    const rpv::OfficialSipasResult& r = cmp.official_result();
    o.Line(absl::StrCat(o.T("Kết quả SIPAS chính thức năm ", "Official SIPAS result "), cmp.year(), ": ",
                        r.document_number(), o.T(" ngày ", " of "), FormatDate(r.document_date()),
                        r.source().empty() ? "" : absl::StrCat(", ", r.source())));
    o.Line(absl::StrCat(o.T("Trường tự khảo sát phụ huynh trong năm: ", "The school's parents' surveys: "),
                        cmp.own_surveys(), o.T(" đợt, ", " surveys, "), cmp.own_responses(),
                        o.T(" phiếu trả lời", " responses")));
    // "—" where a side has no value; the reading says why.
    auto row = [](const rpv::SipasIndexComparison& line) -> std::vector<std::string> {
      return {line.title(), line.has_own_index() ? Percent(line.own_index()) : "—",
              line.has_official_index() ? Percent(line.official_index()) : "—",
              line.has_difference() ? absl::StrFormat("%+.1f", line.difference()) : "—", line.reading()};
    };
    std::vector<std::vector<std::string>> rows{row(cmp.overall())};
    for (const auto& line : cmp.factors()) rows.push_back(row(line));
    o.Table({o.T("Yếu tố", "Factor"), o.T("Tự khảo sát", "Own"), o.T("Chính thức", "Official"),
             o.T("Chênh lệch (điểm)", "Difference (points)"), o.T("Nhận xét", "Reading")},
            rows);
  });
}

}  // namespace parhub::cli
