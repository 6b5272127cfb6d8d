// Report export: a sample Vietnamese report version rendered as XLSX and PDF.
// The files are opened the way a reader would (unzip for the workbook,
// pdftotext for the document) when those tools are installed.
#include "services/reporting/export/report_export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "platform/core/date.h"
#include "platform/testing/status_matchers.h"
#include "services/reporting/export/report_format.h"

namespace parhub::reporting {
namespace {

using ::parhub::testing::IsInvalidField;
using ::testing::HasSubstr;
using ::testing::StartsWith;

v1::ReportPeriod SamplePeriod() {
  v1::ReportPeriod p;
  p.set_family("reportFamilies/cchc");
  p.set_year(2024);
  p.set_code("q1");
  p.set_label("Quý I");
  p.mutable_period_start()->set_year(2023);
  p.mutable_period_start()->set_month(12);
  p.mutable_period_start()->set_day(15);
  p.mutable_cutoff_date()->set_year(2024);
  p.mutable_cutoff_date()->set_month(3);
  p.mutable_cutoff_date()->set_day(14);
  p.mutable_due_date()->set_year(2024);
  p.mutable_due_date()->set_month(3);
  p.mutable_due_date()->set_day(18);
  return p;
}

v1::Report SampleReport() {
  v1::Report r;
  r.set_name("schools/mn-2010/reports/cchc-2024-q1");
  *r.mutable_period() = SamplePeriod();
  r.set_state(v1::REPORT_STATE_DRAFT);
  r.set_latest_version("schools/mn-2010/reports/cchc-2024-q1/versions/2");
  return r;
}

void AddLine(v1::ParForecast* f, const char* code, const char* title, double max, double points,
             v1::PointsSource source, const char* explanation) {
  v1::ForecastLine* line = f->add_lines();
  line->set_sub_criterion(code);
  line->set_title(title);
  line->set_max_points(max);
  line->set_points(points);
  line->set_source(source);
  line->set_explanation(explanation);
}

v1::ReportVersion SampleVersion(int narrative_repeats = 1) {
  v1::ReportVersion v;
  v.set_name("schools/mn-2010/reports/cchc-2024-q1/versions/2");
  v.set_version(2);
  v.set_content_sha256(std::string(64, 'a'));
  v.set_generated_by("accounts/hieu-truong");
  v.mutable_create_time()->set_seconds(1710381600);  // 2024-03-14 09:00 +07
  v1::ReportContent* c = v.mutable_content();
  *c->mutable_period() = SamplePeriod();

  tasks::v1::TaskSummary* t = c->mutable_tasks();
  t->set_total(12);
  t->set_done(7);
  t->set_done_on_time(6);
  t->set_done_late(1);
  t->set_in_progress(4);
  t->set_not_started(1);
  t->set_overdue(1);
  t->set_average_percent_done(68.5);
  tasks::v1::ParFieldCount* by_field = t->add_by_par_field();
  by_field->set_par_field("tthc");
  by_field->set_total(3);
  by_field->set_done(2);

  staffing::v1::StaffingSummary* s = c->mutable_staffing();
  s->set_staff_count(45);
  s->set_civil_servants(2);
  s->set_public_employees(35);
  s->set_contract_staff(8);
  s->set_budget_paid_staff(37);
  s->set_city_email_accounts(45);
  s->set_city_email_users(44);
  s->set_city_email_account_rate(100);
  s->set_city_email_use_rate(97.78);
  s->set_civil_servant_quota(2);
  s->set_public_employee_quota(38);
  s->set_ratings_due(45);
  s->set_ratings_recorded(45);
  s->set_rating_completion_rate(100);
  s->set_rated_excellent(10);
  s->set_rated_good(30);
  s->set_rated_completed(5);
  s->set_downsizing_proposed(1);
  s->set_downsizing_effective(1);
  s->set_public_employee_reduction_percent(2.6);
  s->set_downsizing_progress_percent(50);
  s->set_discipline_inspections(3);
  s->set_surprise_inspections(2);
  s->set_staff_suggestions(5);
  s->set_staff_suggestions_answered(5);
  s->set_board_meetings(1);
  s->set_board_recommendations(2);
  s->set_board_recommendations_resolved(2);

  finance::v1::FinanceSummary* f = c->mutable_finance();
  f->set_invoice_count(320);
  f->set_invoiced_amount(1250000000);
  f->set_collected_count(300);
  f->set_collected_amount(1180000000);
  f->set_cashless_collected_count(290);
  f->set_cashless_collected_amount(1150000000);
  f->set_cashless_share_amount(97.46);
  f->set_cashless_share_count(96.67);
  f->set_spent_count(40);
  f->set_spent_amount(800000000);
  f->set_cashless_spent_count(38);
  f->set_cashless_spent_amount(790000000);
  f->set_spending_cashless_share_amount(98.75);
  f->set_spending_cashless_share_count(95);
  f->set_outstanding_receivables(70000000);
  f->set_overdue_receivables(20000000);
  f->set_collection_rate(94.4);
  f->set_receipts_issued(300);
  f->set_reversed_payments(2);
  f->set_unmatched_statement_lines(1);
  f->set_ledger_ok(1);
  f->set_disclosure_published(1);

  complaints::v1::ComplaintSummary* k = c->mutable_complaints();
  k->set_received(15);
  k->set_filed_online_share(60);
  k->set_not_accepted(1);
  k->set_resolved(12);
  k->set_resolved_early(5);
  k->set_resolved_on_time(6);
  k->set_resolved_late(1);
  k->set_on_time_rate(91.67);
  k->set_open_within_deadline(2);
  k->set_due_soon_open(1);
  k->set_overdue_open(0);
  k->set_average_days_to_resolve(4.2);
  k->set_dossiers_resolved(41);
  k->set_dossier_on_time_rate(92.68);
  k->set_apology_rate(100);
  k->set_feedback_on_time_rate(100);
  k->set_complaint_on_time_rate(80);
  k->set_satisfaction_responses(10);
  k->set_satisfaction_average(4.5);
  k->set_satisfied_share(90);
  complaints::v1::CaseTypeCount* by_type = k->add_by_type();
  by_type->set_case_type(complaints::v1::CASE_TYPE_PROCEDURE_DOSSIER);
  by_type->set_received(10);
  by_type->set_resolved(9);
  by_type->set_resolved_in_time(8);

  v1::ReportingSummary* r = c->mutable_reporting();
  r->set_sipas_surveys(1);
  r->set_sipas_responses(120);
  r->set_sipas_index(87.5);
  r->set_sipas_feedback_index(85);
  r->set_reports_due(2);
  r->set_reports_on_time(1);
  r->set_reports_late(1);
  r->set_report_on_time_rate(50);
  r->set_evidence_coverage_rate(80);

  v1::ParForecast* fc = c->mutable_forecast();
  fc->set_framework("parFrameworks/school-2024");
  fc->set_total_points(78.25);
  fc->set_max_points(100);
  v1::ForecastField* field = fc->add_fields();
  field->set_field("tthc");
  field->set_title("Cải cách thủ tục hành chính");
  field->set_max_points(16);
  field->set_points(12.5);
  AddLine(fc, "3.2.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 5, 3.5, v1::POINTS_SOURCE_METRIC,
          "−1,5: 3 trên 41 hồ sơ trễ hạn");
  AddLine(fc, "7.1.2", "100% CB-GV-NV sử dụng thư điện tử Thành phố", 4, 3.91, v1::POINTS_SOURCE_METRIC,
          "44/45 người sử dụng");
  AddLine(fc, "8.1.1", "Chỉ số hài lòng SIPAS của phụ huynh", 8, 7, v1::POINTS_SOURCE_SELF_ASSESSED, "");

  for (int i = 0; i < narrative_repeats; ++i) {
    v1::NarrativeSection* n = c->add_narrative();
    n->set_heading("Tồn tại, hạn chế và nguyên nhân");
    n->set_text(
        "Việc ứng dụng công nghệ thông tin trong tiếp nhận hồ sơ tuyển sinh còn chậm; một số phụ huynh "
        "chưa quen thao tác trên Cổng dịch vụ công.\nNguyên nhân: đường truyền mạng không ổn định, "
        "nhân sự phụ trách kiêm nhiệm nhiều việc.");
  }
  return v;
}

ReportLetterhead SampleHead() {
  return ReportLetterhead{.authority_name = "Ủy ban nhân dân Phường Sài Gòn",
                          .school_name = "TRƯỜNG MẦM NON 20/10",
                          .place = "Quận 1",
                          .document_number = "15/BC-MN2010",
                          .signer_title = "HIỆU TRƯỞNG",
                          .signer_name = "Nguyễn Thị Ánh Tuyết",
                          .report_title = "Báo cáo công tác cải cách hành chính",
                          .recipients = {"Phòng Nội vụ Quận 1", "Ban Giám hiệu"}};
}

absl::Time DocumentDate() {
  return absl::FromCivil(absl::CivilSecond(2024, 3, 14, 0, 0, 0), platform::VietnamTimeZone());
}

bool HasTool(const char* tool) {
  return std::system(absl::StrCat("command -v ", tool, " >/dev/null 2>&1").c_str()) == 0;
}

// A file in the temporary directory, removed at the end of the test.
class TempPath final {
 public:
  explicit TempPath(const std::string& content) {
    std::string pattern = (std::filesystem::temp_directory_path() / "parhub-export-test-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd >= 0) close(fd);
    path_ = pattern;
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempPath() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string CommandOutput(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

TEST(ExportReport, XlsxIsANamedWorkbook) {
  ASSERT_OK_AND_ASSIGN(v1::ExportedReport file, ExportReport(SampleReport(), SampleVersion(), SampleHead(),
                                                             v1::EXPORT_FORMAT_XLSX, DocumentDate()));
  EXPECT_EQ(file.file_name(), "bao-cao-cchc-2024-q1-v2.xlsx");
  EXPECT_EQ(file.media_type(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(file.content_sha256(), std::string(64, 'a'));
  EXPECT_THAT(file.content(), StartsWith("PK"));
}

TEST(ExportReport, XlsxHasVietnameseHeadingsAndNumericCells) {
  if (!HasTool("unzip")) GTEST_SKIP() << "unzip is not installed";
  ASSERT_OK_AND_ASSIGN(std::string xlsx, RenderReportXlsx(SampleReport(), SampleVersion(), SampleHead()));
  TempPath file(xlsx);
  std::string workbook = CommandOutput("unzip -p " + file.path() + " xl/workbook.xml");
  EXPECT_THAT(workbook, HasSubstr("name=\"Thông tin chung\""));
  EXPECT_THAT(workbook, HasSubstr("name=\"Dự báo Chỉ số CCHC\""));
  std::string strings = CommandOutput("unzip -p " + file.path() + " xl/sharedStrings.xml");
  EXPECT_THAT(strings, HasSubstr("Kết quả thực hiện kế hoạch, nhiệm vụ"));
  EXPECT_THAT(strings, HasSubstr("Tổng số nhiệm vụ trong kỳ"));
  EXPECT_THAT(strings, HasSubstr("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn"));
  // Sheet 2 (tasks): the total, 12, is a number cell, and 68,5% a fraction.
  std::string tasks = CommandOutput("unzip -p " + file.path() + " xl/worksheets/sheet2.xml");
  EXPECT_THAT(tasks, HasSubstr("<v>12</v>"));
  EXPECT_THAT(tasks, HasSubstr("<v>0.685"));  // written "%.16G": 0.6850000000000001
}

TEST(ExportReport, PdfIsANamedDocumentWithAnEmbeddedUnicodeFont) {
  ASSERT_OK_AND_ASSIGN(v1::ExportedReport file, ExportReport(SampleReport(), SampleVersion(), SampleHead(),
                                                             v1::EXPORT_FORMAT_PDF, DocumentDate()));
  EXPECT_EQ(file.file_name(), "bao-cao-cchc-2024-q1-v2.pdf");
  EXPECT_EQ(file.media_type(), "application/pdf");
  EXPECT_THAT(file.content(), StartsWith("%PDF"));
  EXPECT_THAT(file.content(), HasSubstr("LiberationSerif"));
}

TEST(ExportReport, PdfReadsAsAVietnameseAdministrativeReport) {
  if (!HasTool("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  ASSERT_OK_AND_ASSIGN(std::string pdf,
                       RenderReportPdf(SampleReport(), SampleVersion(), SampleHead(), DocumentDate()));
  TempPath file(pdf);
  // Lines wrap where the layout wraps them: compare with single spaces.
  std::string text = std::regex_replace(CommandOutput("pdftotext -enc UTF-8 " + file.path() + " -"),
                                        std::regex("\\s+"), " ");
  for (const char* expected : {
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc",
           "ỦY BAN NHÂN DÂN PHƯỜNG SÀI GÒN",
           "TRƯỜNG MẦM NON 20/10",
           "Số: 15/BC-MN2010",
           "Quận 1, ngày 14 tháng 3 năm 2024",
           "BÁO CÁO Công tác cải cách hành chính quý I năm 2024",
           "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
           "đường truyền mạng không ổn định, nhân sự phụ trách kiêm nhiệm nhiều việc",
           "1.250.000.000 đồng",
           "Nơi nhận: - Phòng Nội vụ Quận 1; - Ban Giám hiệu; - Lưu: VT.",
           "HIỆU TRƯỞNG Nguyễn Thị Ánh Tuyết",
           "PHỤ LỤC",
           "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
       }) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
  }
}

TEST(ExportReport, LongPdfFlowsOntoMorePages) {
  ASSERT_OK_AND_ASSIGN(std::string shortest,
                       RenderReportPdf(SampleReport(), SampleVersion(1), SampleHead(), DocumentDate()));
  ASSERT_OK_AND_ASSIGN(std::string longer,
                       RenderReportPdf(SampleReport(), SampleVersion(30), SampleHead(), DocumentDate()));
  std::regex page("/Type /Page\\b[^s]");
  auto pages = [&](const std::string& pdf) {
    return std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator());
  };
  EXPECT_GE(pages(shortest), 2);  // the forecast appendix has its own page
  EXPECT_GT(pages(longer), pages(shortest) + 2);
}

TEST(ExportReport, SameInputGivesTheSameBytes) {
  ASSERT_OK_AND_ASSIGN(std::string a,
                       RenderReportPdf(SampleReport(), SampleVersion(), SampleHead(), DocumentDate()));
  ASSERT_OK_AND_ASSIGN(std::string b,
                       RenderReportPdf(SampleReport(), SampleVersion(), SampleHead(), DocumentDate()));
  EXPECT_EQ(a, b);
  ASSERT_OK_AND_ASSIGN(std::string x, RenderReportXlsx(SampleReport(), SampleVersion(), SampleHead()));
  ASSERT_OK_AND_ASSIGN(std::string y, RenderReportXlsx(SampleReport(), SampleVersion(), SampleHead()));
  EXPECT_EQ(x, y);
}

TEST(ExportReport, UnspecifiedFormatIsInvalid) {
  EXPECT_THAT(ExportReport(SampleReport(), SampleVersion(), SampleHead(), v1::EXPORT_FORMAT_UNSPECIFIED,
                           DocumentDate()),
              IsInvalidField("format"));
  EXPECT_THAT(ExportReport(SampleReport(), SampleVersion(), SampleHead(), static_cast<v1::ExportFormat>(9),
                           DocumentDate()),
              IsInvalidField("format"));
}

TEST(ExportReport, VersionWithoutContentIsInvalid) {
  v1::ReportVersion listed = SampleVersion();
  listed.clear_content();
  EXPECT_THAT(ExportReport(SampleReport(), listed, SampleHead(), v1::EXPORT_FORMAT_PDF, DocumentDate()),
              IsInvalidField("version.content"));
  EXPECT_THAT(RenderReportXlsx(SampleReport(), listed, SampleHead()), IsInvalidField("version.content"));
}

TEST(ExportFileName, FallsBackToThePeriodWhenTheNameIsMissing) {
  v1::Report report = SampleReport();
  report.clear_name();
  v1::ReportVersion version = SampleVersion();
  version.clear_name();
  EXPECT_EQ(ExportFileName(report, version, v1::EXPORT_FORMAT_PDF), "bao-cao-cchc-2024-q1-v2.pdf");
}

TEST(ReportFormat, WritesNumbersAndDatesTheVietnameseWay) {
  using namespace report_export;
  EXPECT_EQ(FormatCount(1234567), "1.234.567");
  EXPECT_EQ(FormatCount(-1000), "-1.000");
  EXPECT_EQ(FormatDecimal(1234.5), "1.234,5");
  EXPECT_EQ(FormatDecimal(7.0, 2), "7");
  EXPECT_EQ(FormatPercent(97.78), "97,8%");
  EXPECT_EQ(FormatDong(12500000), "12.500.000 đồng");
  absl::Time feb5 = absl::FromCivil(absl::CivilSecond(2024, 2, 5, 10, 0, 0), platform::VietnamTimeZone());
  EXPECT_EQ(PlaceAndDate("Quận 1", feb5), "Quận 1, ngày 05 tháng 02 năm 2024");
  EXPECT_EQ(PlaceAndDate("Quận 1", DocumentDate()), "Quận 1, ngày 14 tháng 3 năm 2024");
  v1::ReportPeriod period = SamplePeriod();
  EXPECT_EQ(PeriodPhrase(period), "quý I năm 2024");
  period.set_label("6 tháng đầu năm");
  EXPECT_EQ(PeriodPhrase(period), "6 tháng đầu năm 2024");
  period.set_label("Năm");
  EXPECT_EQ(PeriodPhrase(period), "năm 2024");
  EXPECT_EQ(ReportSubject("Báo cáo công tác cải cách hành chính"), "Công tác cải cách hành chính");
  EXPECT_EQ(ToUpper("Trường Mầm non 20/10"), "TRƯỜNG MẦM NON 20/10");
}

}  // namespace
}  // namespace parhub::reporting
