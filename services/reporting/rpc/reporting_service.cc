// Thin handlers: name → access → domain → proto, in the skeleton's two shapes.
#include "services/reporting/rpc/reporting_service.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "platform/core/page.h"
#include "platform/core/resource_name.h"
#include "platform/core/school_batch.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "platform/rpc/proto_values.h"
#include "services/reporting/domain/access.h"
#include "services/reporting/export/report_export.h"

namespace parhub::reporting {
namespace {

using ::parhub::platform::Caller;
using ::parhub::platform::Mutation;
using ::parhub::platform::ParseName;

constexpr char kSchool[] = "schools/{school}";
constexpr char kAssessmentName[] = "schools/{school}/parAssessments/{year}";
constexpr char kReportName[] = "schools/{school}/reports/{report}";
constexpr char kVersionName[] = "schools/{school}/reports/{report}/versions/{version}";
constexpr char kOfficialName[] = "schools/{school}/officialParResults/{year}";
constexpr char kFrameworkName[] = "parFrameworks/{framework}";
constexpr char kFamilyName[] = "reportFamilies/{family}";
constexpr int kMaxBatchSchools = 5000;

// Budget for pulling the other services inside one call.
constexpr absl::Duration kPullBudget = absl::Seconds(8);

absl::Time PullDeadline(const grpc::CallbackServerContext* c) {
  const absl::Time budget = absl::Now() + kPullBudget;
  const auto incoming = c->deadline();
  if (incoming == std::chrono::system_clock::time_point::max()) return budget;
  return std::min(budget, absl::FromChrono(incoming));
}

absl::StatusOr<int> YearOf(const std::string& text, absl::string_view field) {
  int year = 0;
  if (!absl::SimpleAtoi(text, &year) || year < 2000 || year > 2100) {
    return platform::InvalidField(field, "năm phải là số trong khoảng 2000..2100");
  }
  return year;
}

absl::StatusOr<int> VersionOf(const std::string& text) {
  int version = 0;
  if (!absl::SimpleAtoi(text, &version) || version < 1) {
    return absl::NotFoundError(absl::StrCat("Không tìm thấy phiên bản '", text, "'"));
  }
  return version;
}

// One page of an ordered, fully loaded listing, keyed by `key(item)`.
template <typename T, typename KeyFn>
absl::StatusOr<platform::Page<T>> PageOf(std::vector<T> all, int page_size, const std::string& page_token,
                                         int default_size, int max_size, KeyFn key) {
  ASSIGN_OR_RETURN(platform::PageRequest page,
                   platform::ParsePageRequest(page_size, page_token, default_size, max_size));
  auto begin = all.begin();
  if (!page.after.empty()) {
    begin = std::find_if(all.begin(), all.end(), [&](const T& item) { return key(item) == page.after; });
    if (begin == all.end()) return platform::InvalidPageToken();
    ++begin;
  }
  std::vector<T> rest;
  for (auto it = begin; it != all.end() && static_cast<int>(rest.size()) < page.fetch_limit(); ++it) {
    rest.push_back(std::move(*it));
  }
  return platform::MakePage(std::move(rest), page.size, key);
}

// "schools/{school}/parAssessments/{year}/items/{sub_criterion}": the
// sub-criterion code is dotted ("1.1.1"), which resource ids are not.
absl::StatusOr<std::vector<std::string>> ParseItemName(const std::string& name) {
  const size_t at = name.rfind("/items/");
  auto bad = [&] {
    return platform::InvalidField(
        "item.name", absl::StrCat("'", name,
                                  "' không đúng dạng schools/{school}/parAssessments/{year}/items/{mã tiêu "
                                  "chí} (malformed resource name)"));
  };
  if (at == std::string::npos) return bad();
  absl::StatusOr<std::vector<std::string>> ids = ParseName(kAssessmentName, name.substr(0, at), "item.name");
  if (!ids.ok()) return bad();
  const std::string code = name.substr(at + 7);
  if (code.empty() || code.size() > 32 ||
      code.find_first_not_of("0123456789.abcdefghijklmnopqrstuvwxyz_-") != std::string::npos) {
    return bad();
  }
  ids->push_back(code);
  return ids;
}

absl::Status CheckBatch(int count) {
  if (count > kMaxBatchSchools) {
    return platform::InvalidField("school_ids",
                                  absl::StrCat("tối đa ", kMaxBatchSchools, " trường mỗi lần gọi"));
  }
  return absl::OkStatus();
}

}  // namespace

// ------------------------------------------------------------- frameworks

grpc::ServerUnaryReactor* ReportingServiceImpl::GetParFramework(Context* c,
                                                                const v1::GetParFrameworkRequest* request,
                                                                v1::ParFramework* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kFrameworkName, request->name(), "name"));
    ASSIGN_OR_RETURN(*response, desks_.frameworks.Get(ids[0]));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListParFrameworks(Context* c,
                                                                  const v1::ListParFrameworksRequest* request,
                                                                  v1::ListParFrameworksResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    ASSIGN_OR_RETURN(auto all, desks_.frameworks.List(request->year(), request->level()));
    ASSIGN_OR_RETURN(auto page, PageOf(std::move(all), request->page_size(), request->page_token(), 20, 100,
                                       [](const v1::ParFramework& f) { return f.name(); }));
    for (auto& f : page.items) *response->add_par_frameworks() = std::move(f);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::CreateParFramework(
    Context* c, const v1::CreateParFrameworkRequest* request, v1::ParFramework* response) {
  return handlers_.Mutate<v1::ParFramework>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::ParFramework>> {
        RETURN_IF_ERROR(RequireAnyOfficer(caller));
        return Mutation<v1::ParFramework>(
            absl::StrCat("authority:", caller.authority_id),
            absl::StrCat("parFrameworks/", request->par_framework_id()), [=, this] {
              return desks_.frameworks.Create(caller, request->par_framework_id(), request->par_framework());
            });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetMetricCatalog(Context* c,
                                                                 const v1::GetMetricCatalogRequest*,
                                                                 v1::MetricCatalog* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    *response = desks_.refdata.catalog;
    return absl::OkStatus();
  });
}

// ------------------------------------------------------------ assessments

grpc::ServerUnaryReactor* ReportingServiceImpl::GetParAssessment(Context* c,
                                                                 const v1::GetParAssessmentRequest* request,
                                                                 v1::ParAssessment* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAssessmentName, request->name(), "name"));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "bản tự đánh giá"));
    ASSIGN_OR_RETURN(int year, YearOf(ids[1], "name"));
    ASSIGN_OR_RETURN(*response, desks_.assessments.Get(caller, ids[0], year));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListAssessmentVersions(
    Context* c, const v1::ListAssessmentVersionsRequest* request,
    v1::ListAssessmentVersionsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kAssessmentName, request->parent(), "parent"));
    ASSIGN_OR_RETURN(int year, YearOf(ids[1], "parent"));
    ASSIGN_OR_RETURN(auto versions, desks_.assessments.History(caller, ids[0], year));
    for (auto& v : versions) *response->add_versions() = std::move(v);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListParAssessments(
    Context* c, const v1::ListParAssessmentsRequest* request, v1::ListParAssessmentsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    ASSIGN_OR_RETURN(auto all, desks_.assessments.List(caller, ids[0]));
    for (auto& a : all) a.clear_items();
    ASSIGN_OR_RETURN(auto page, PageOf(std::move(all), request->page_size(), request->page_token(), 20, 100,
                                       [](const v1::ParAssessment& a) { return a.name(); }));
    for (auto& a : page.items) *response->add_par_assessments() = std::move(a);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::UpdateAssessmentItem(
    Context* c, const v1::UpdateAssessmentItemRequest* request, v1::AssessmentItem* response) {
  return handlers_.Mutate<v1::AssessmentItem>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::AssessmentItem>> {
        ASSIGN_OR_RETURN(auto ids, ParseItemName(request->item().name()));
        RETURN_IF_ERROR(RequireSchoolWrite(caller, ids[0], "bản tự đánh giá"));
        ASSIGN_OR_RETURN(int year, YearOf(ids[1], "item.name"));
        return Mutation<v1::AssessmentItem>(ids[0], request->item().name(), [=, this] {
          v1::AssessmentItem item = request->item();
          item.set_sub_criterion(ids[2]);
          return desks_.assessments.UpdateItem(caller, ids[0], year, item);
        });
      });
}

template <typename Request>
grpc::ServerUnaryReactor* ReportingServiceImpl::AssessmentMutation(
    Context* c, absl::string_view method, const Request* request, v1::ParAssessment* response,
    std::function<absl::StatusOr<v1::ParAssessment>(const Caller&, const std::string&, int)> apply) {
  return handlers_.Mutate<v1::ParAssessment>(
      c, method, request, response, [=](const Caller& caller) -> absl::StatusOr<Mutation<v1::ParAssessment>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kAssessmentName, request->name(), "name"));
        RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "bản tự đánh giá"));
        ASSIGN_OR_RETURN(int year, YearOf(ids[1], "name"));
        return Mutation<v1::ParAssessment>(ids[0], request->name(),
                                           [=] { return apply(caller, ids[0], year); });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::SubmitParAssessment(
    Context* c, const v1::SubmitParAssessmentRequest* request, v1::ParAssessment* response) {
  const absl::Time deadline = PullDeadline(c);
  return AssessmentMutation(c, __func__, request, response,
                            [=, this](const Caller& caller, const std::string& school,
                                      int year) -> absl::StatusOr<v1::ParAssessment> {
                              RETURN_IF_ERROR(RequireSchoolWrite(caller, school, "bản tự đánh giá"));
                              ASSIGN_OR_RETURN(v1::ParForecast forecast,
                                               desks_.forecasts.Compute(school, year, deadline));
                              return desks_.assessments.Submit(caller, school, year, forecast);
                            });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::AppraiseParAssessment(
    Context* c, const v1::AppraiseParAssessmentRequest* request, v1::ParAssessment* response) {
  return AssessmentMutation(
      c, __func__, request, response, [=, this](const Caller& caller, const std::string& school, int year) {
        std::vector<v1::ItemAppraisal> appraisals(request->appraisals().begin(), request->appraisals().end());
        return desks_.assessments.Appraise(caller, school, year, appraisals);
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ReturnParAssessment(
    Context* c, const v1::ReturnParAssessmentRequest* request, v1::ParAssessment* response) {
  return AssessmentMutation(c, __func__, request, response,
                            [=, this](const Caller& caller, const std::string& school, int year) {
                              return desks_.assessments.Return(caller, school, year, request->reason());
                            });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetParForecast(Context* c,
                                                               const v1::GetParForecastRequest* request,
                                                               v1::ParForecast* response) {
  const absl::Time deadline = PullDeadline(c);
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
    ASSIGN_OR_RETURN(*response, desks_.forecasts.Forecast(caller, ids[0], request->year(), deadline));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::SetAssessmentAdjustments(
    Context* c, const v1::SetAssessmentAdjustmentsRequest* request, v1::ParAssessment* response) {
  return AssessmentMutation(c, __func__, request, response,
                            [=, this](const Caller& caller, const std::string& school, int year) {
                              std::vector<v1::AssessmentAdjustment> adjustments(
                                  request->adjustments().begin(), request->adjustments().end());
                              return desks_.assessments.SetAdjustments(caller, school, year, adjustments);
                            });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ImportOfficialParResult(
    Context* c, const v1::ImportOfficialParResultRequest* request, v1::OfficialParResult* response) {
  return handlers_.Mutate<v1::OfficialParResult>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::OfficialParResult>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
        RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "kết quả Chỉ số CCHC"));
        return Mutation<v1::OfficialParResult>(
            ids[0], absl::StrCat(request->parent(), "/officialParResults/", request->year()), [=, this] {
              return desks_.official_results.Import(caller, ids[0], request->year(),
                                                    request->official_par_result());
            });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetOfficialParResult(
    Context* c, const v1::GetOfficialParResultRequest* request, v1::OfficialParResult* response) {
  const absl::Time deadline = PullDeadline(c);
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kOfficialName, request->name(), "name"));
    RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "kết quả Chỉ số CCHC"));
    ASSIGN_OR_RETURN(int year, YearOf(ids[1], "name"));
    if (request->plan_year() != 0 && (request->plan_year() < 2000 || request->plan_year() > 2100)) {
      return platform::InvalidField("plan_year", "năm phải trong khoảng 2000..2100");
    }
    ASSIGN_OR_RETURN(*response,
                     desks_.official_results.Get(caller, ids[0], year, request->plan_year(), deadline));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetSipasQuestionnaire(
    Context* c, const v1::GetSipasQuestionnaireRequest* request, v1::SipasQuestionnaire* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    if (request->name() != desks_.refdata.questionnaire.name()) {
      return absl::NotFoundError(absl::StrCat("Không có bảng hỏi '", request->name(), "'"));
    }
    *response = desks_.refdata.questionnaire;
    return absl::OkStatus();
  });
}

// ---------------------------------------------------------------- reports

grpc::ServerUnaryReactor* ReportingServiceImpl::GetReportFamily(Context* c,
                                                                const v1::GetReportFamilyRequest* request,
                                                                v1::ReportFamily* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kFamilyName, request->name(), "name"));
    ASSIGN_OR_RETURN(const v1::ReportFamily* family, desks_.reports.calendar().Family(ids[0]));
    *response = *family;
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListReportFamilies(
    Context* c, const v1::ListReportFamiliesRequest* request, v1::ListReportFamiliesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    std::vector<v1::ReportFamily> all(desks_.refdata.families.families().begin(),
                                      desks_.refdata.families.families().end());
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.code() < b.code(); });
    ASSIGN_OR_RETURN(auto page, PageOf(std::move(all), request->page_size(), request->page_token(), 50, 200,
                                       [](const v1::ReportFamily& f) { return f.name(); }));
    for (auto& f : page.items) *response->add_report_families() = std::move(f);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListReportPeriods(Context* c,
                                                                  const v1::ListReportPeriodsRequest* request,
                                                                  v1::ListReportPeriodsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller&) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kFamilyName, request->family(), "family"));
    if (request->year() < 2000 || request->year() > 2100) {
      return platform::InvalidField("year", "năm phải trong khoảng 2000..2100");
    }
    ASSIGN_OR_RETURN(auto periods, desks_.reports.calendar().Periods(ids[0], request->year()));
    std::vector<v1::ReportPeriod> all;
    for (auto& p : periods) all.push_back(std::move(p.proto));
    ASSIGN_OR_RETURN(auto page, PageOf(std::move(all), request->page_size(), request->page_token(), 20, 100,
                                       [](const v1::ReportPeriod& p) { return p.code(); }));
    for (auto& p : page.items) *response->add_periods() = std::move(p);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GenerateReport(Context* c,
                                                               const v1::GenerateReportRequest* request,
                                                               v1::ReportVersion* response) {
  const absl::Time deadline = PullDeadline(c);
  return handlers_.Mutate<v1::ReportVersion>(
      c, __func__, request, response,
      [=, this](const Caller& caller) -> absl::StatusOr<Mutation<v1::ReportVersion>> {
        ASSIGN_OR_RETURN(auto school, ParseName(kSchool, request->parent(), "parent"));
        ASSIGN_OR_RETURN(auto family, ParseName(kFamilyName, request->family(), "family"));
        RETURN_IF_ERROR(RequireSchoolWrite(caller, school[0], "báo cáo"));
        return Mutation<v1::ReportVersion>(
            school[0], ReportName(school[0], ReportId(family[0], request->year(), request->period())),
            [=, this] {
              std::vector<v1::NarrativeSection> narrative(request->narrative().begin(),
                                                          request->narrative().end());
              return desks_.generator.Generate(caller, school[0], family[0], request->year(),
                                               request->period(), narrative, request->allow_partial(),
                                               deadline);
            });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetReport(Context* c, const v1::GetReportRequest* request,
                                                          v1::Report* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kReportName, request->name(), "name"));
    ASSIGN_OR_RETURN(*response, desks_.reports.Get(caller, ids[0], ids[1]));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListReports(Context* c, const v1::ListReportsRequest* request,
                                                            v1::ListReportsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->parent(), "parent"));
    ReportFilter filter;
    if (!request->family().empty()) {
      ASSIGN_OR_RETURN(auto family, ParseName(kFamilyName, request->family(), "family"));
      filter.family = family[0];
    }
    filter.year = request->year();
    for (int s : request->states()) {
      if (s == 0 || !v1::ReportState_IsValid(s)) return platform::UnknownEnumValue("states", s);
      filter.states.push_back(static_cast<v1::ReportState>(s));
    }
    ASSIGN_OR_RETURN(auto all, desks_.reports.List(caller, ids[0], filter, request->late_only()));
    ASSIGN_OR_RETURN(auto page, PageOf(std::move(all), request->page_size(), request->page_token(), 50, 200,
                                       [](const v1::Report& r) { return r.name(); }));
    for (auto& r : page.items) *response->add_reports() = std::move(r);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::GetReportVersion(Context* c,
                                                                 const v1::GetReportVersionRequest* request,
                                                                 v1::ReportVersion* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kVersionName, request->name(), "name"));
    RETURN_IF_ERROR(RequireReportRead(caller, ids[0]));
    ASSIGN_OR_RETURN(int version, VersionOf(ids[2]));
    ASSIGN_OR_RETURN(*response, desks_.reports.GetVersion(caller, ids[0], ids[1], version));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ListReportVersions(
    Context* c, const v1::ListReportVersionsRequest* request, v1::ListReportVersionsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kReportName, request->parent(), "parent"));
    ASSIGN_OR_RETURN(auto all, desks_.reports.ListVersions(caller, ids[0], ids[1]));
    ASSIGN_OR_RETURN(auto page, PageOf(std::move(all), request->page_size(), request->page_token(), 20, 100,
                                       [](const v1::ReportVersion& v) { return v.name(); }));
    for (auto& v : page.items) *response->add_versions() = std::move(v);
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ExportReportVersion(
    Context* c, const v1::ExportReportVersionRequest* request, v1::ExportedReport* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kVersionName, request->name(), "name"));
    RETURN_IF_ERROR(RequireReportRead(caller, ids[0]));
    ASSIGN_OR_RETURN(int number, VersionOf(ids[2]));
    ASSIGN_OR_RETURN(v1::Report report, desks_.reports.Get(caller, ids[0], ids[1]));
    ASSIGN_OR_RETURN(v1::ReportVersion version, desks_.reports.GetVersion(caller, ids[0], ids[1], number));
    ReportLetterhead head;
    const v1::ReportContent& content = version.content();
    head.school_name = content.school_display_name().empty() ? absl::StrCat("Trường ", ids[0])
                                                             : content.school_display_name();
    head.authority_name = content.authority_display_name();
    ASSIGN_OR_RETURN(
        head.place, platform::CleanText(request->place(), "place", 100, false, platform::TextLines::kSingle));
    if (head.place.empty()) head.place = "Thành phố Hồ Chí Minh";
    ASSIGN_OR_RETURN(head.document_number, platform::CleanText(request->document_number(), "document_number",
                                                               60, false, platform::TextLines::kSingle));
    ASSIGN_OR_RETURN(head.signer_title, platform::CleanText(request->signer_title(), "signer_title", 100,
                                                            false, platform::TextLines::kSingle));
    if (head.signer_title.empty()) head.signer_title = "HIỆU TRƯỞNG";
    ASSIGN_OR_RETURN(head.signer_name, platform::CleanText(request->signer_name(), "signer_name", 100, false,
                                                           platform::TextLines::kSingle));
    const std::string family = report.period().family().substr(report.period().family().find('/') + 1);
    if (absl::StatusOr<const v1::ReportFamily*> spec = desks_.reports.calendar().Family(family); spec.ok()) {
      head.report_title = (*spec)->title();
      if (!(*spec)->recipient().empty()) head.recipients.push_back((*spec)->recipient());
    }
    ASSIGN_OR_RETURN(*response, ExportReport(report, version, head, request->format(),
                                             platform::TimeFromProto(version.create_time())));
    return absl::OkStatus();
  });
}

template <typename Request>
grpc::ServerUnaryReactor* ReportingServiceImpl::ReportMutation(
    Context* c, absl::string_view method, const Request* request, v1::Report* response,
    std::function<absl::StatusOr<v1::Report>(const Caller&, const std::string&, const std::string&)> apply) {
  return handlers_.Mutate<v1::Report>(
      c, method, request, response, [=](const Caller& caller) -> absl::StatusOr<Mutation<v1::Report>> {
        ASSIGN_OR_RETURN(auto ids, ParseName(kReportName, request->name(), "name"));
        RETURN_IF_ERROR(RequireSchoolRead(caller, ids[0], "báo cáo"));
        return Mutation<v1::Report>(ids[0], request->name(), [=] { return apply(caller, ids[0], ids[1]); });
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::SubmitReport(Context* c,
                                                             const v1::SubmitReportRequest* request,
                                                             v1::Report* response) {
  return ReportMutation(
      c, __func__, request, response,
      [=, this](const Caller& caller, const std::string& school,
                const std::string& report) -> absl::StatusOr<v1::Report> {
        int version = 0;
        if (!request->version().empty()) {
          absl::StatusOr<std::vector<std::string>> ids =
              ParseName(kVersionName, request->version(), "version");
          if (!ids.ok() || (*ids)[0] != school || (*ids)[1] != report) {
            return absl::FailedPreconditionError(
                absl::StrCat("Phiên bản '", request->version(), "' không thuộc báo cáo ", request->name()));
          }
          ASSIGN_OR_RETURN(version, VersionOf((*ids)[2]));
        }
        return desks_.reports.Submit(caller, school, report, version);
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::AcknowledgeReport(Context* c,
                                                                  const v1::AcknowledgeReportRequest* request,
                                                                  v1::Report* response) {
  return ReportMutation(
      c, __func__, request, response,
      [=, this](const Caller& caller, const std::string& school, const std::string& report) {
        return desks_.reports.Acknowledge(caller, school, report);
      });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::ReturnReport(Context* c,
                                                             const v1::ReturnReportRequest* request,
                                                             v1::Report* response) {
  return ReportMutation(
      c, __func__, request, response,
      [=, this](const Caller& caller, const std::string& school, const std::string& report) {
        return desks_.reports.Return(caller, school, report, request->reason());
      });
}

// --------------------------------------------------------- roll-ups, summary

grpc::ServerUnaryReactor* ReportingServiceImpl::BatchGetReportStatuses(
    Context* c, const v1::BatchGetReportStatusesRequest* request,
    v1::BatchGetReportStatusesResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireServiceCaller(caller));
    RETURN_IF_ERROR(CheckBatch(request->school_ids_size()));
    ASSIGN_OR_RETURN(auto family, ParseName(kFamilyName, request->family(), "family"));
    ASSIGN_OR_RETURN(ResolvedPeriod period,
                     desks_.reports.calendar().Period(family[0], request->year(), request->period()));
    std::vector<std::string> schools(request->school_ids().begin(), request->school_ids().end());
    ASSIGN_OR_RETURN(auto statuses, desks_.reports.Statuses(period, schools));
    *response->mutable_period() = period.proto;
    for (auto& s : statuses) *response->add_statuses() = std::move(s);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::BatchGetScorecards(
    Context* c, const v1::BatchGetScorecardsRequest* request, v1::BatchGetScorecardsResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireServiceCaller(caller));
    RETURN_IF_ERROR(CheckBatch(request->school_ids_size()));
    std::vector<std::string> schools(request->school_ids().begin(), request->school_ids().end());
    ASSIGN_OR_RETURN(auto scorecards, desks_.forecasts.Scorecards(request->year(), schools));
    for (auto& s : scorecards) *response->add_scorecards() = std::move(s);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::SummarizeReporting(
    Context* c, const v1::SummarizeReportingRequest* request, v1::ReportingSummary* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    ASSIGN_OR_RETURN(auto ids, ParseName(kSchool, request->school(), "school"));
    RETURN_IF_ERROR(RequireReportRead(caller, ids[0]));
    ASSIGN_OR_RETURN(platform::Date start, platform::DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(platform::Date end, platform::DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(*response, desks_.summarizer.Summarize(ids[0], start, end));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ReportingServiceImpl::BatchSummarizeReporting(
    Context* c, const v1::BatchSummarizeReportingRequest* request,
    v1::BatchSummarizeReportingResponse* response) {
  return handlers_.Read(c, __func__, [=, this](const Caller& caller) -> absl::Status {
    RETURN_IF_ERROR(RequireServiceCaller(caller));
    ASSIGN_OR_RETURN(std::vector<std::string> schools, platform::SchoolIdsOf(request->schools()));
    ASSIGN_OR_RETURN(platform::Date start, platform::DateFromProto(request->period_start(), "period_start"));
    ASSIGN_OR_RETURN(platform::Date end, platform::DateFromProto(request->period_end(), "period_end"));
    ASSIGN_OR_RETURN(auto summaries, desks_.summarizer.SummarizeSchools(schools, start, end));
    for (auto& s : summaries) *response->add_summaries() = std::move(s);
    return absl::OkStatus();
  });
}

}  // namespace parhub::reporting
