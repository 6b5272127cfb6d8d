// Builds the labelled figures of each report section from the summaries a
// report version stores.
#include "services/reporting/export/report_sections.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"
#include "platform/core/errors.h"
#include "services/reporting/export/report_format.h"

namespace parhub::reporting::report_export {
namespace {

Figure Count(std::string label, double value, std::string unit_word) {
  return {std::move(label), Cell::Number(value, Unit::kCount), std::move(unit_word)};
}
Figure Percent(std::string label, double value) {
  return {std::move(label), Cell::Number(value, Unit::kPercent), "%"};
}
Figure Dong(std::string label, double value) {
  return {std::move(label), Cell::Number(value, Unit::kDong), "đồng"};
}
Figure Decimal(std::string label, double value, std::string unit_word) {
  return {std::move(label), Cell::Number(value, Unit::kDecimal), std::move(unit_word)};
}
Figure Flag(std::string label, bool value, std::string yes, std::string no) {
  return {std::move(label), Cell::Text(value ? std::move(yes) : std::move(no)), ""};
}
Figure Text(std::string label, std::string value) {
  return {std::move(label), Cell::Text(std::move(value)), ""};
}

Section TasksSection(const v1::ReportContent& content) {
  const tasks::v1::TaskSummary& s = content.tasks();
  Section section{.sheet_name = "Nhiệm vụ", .title = "Kết quả thực hiện kế hoạch, nhiệm vụ"};
  section.figures = {
      Count("Tổng số nhiệm vụ trong kỳ (không kể nhiệm vụ đã hủy)", s.total(), "nhiệm vụ"),
      Count("Chưa thực hiện", s.not_started(), "nhiệm vụ"),
      Count("Đang thực hiện", s.in_progress(), "nhiệm vụ"),
      Count("Đã hoàn thành", s.done(), "nhiệm vụ"),
      Count("Trong đó hoàn thành đúng hạn", s.done_on_time(), "nhiệm vụ"),
      Count("Trong đó hoàn thành trễ hạn", s.done_late(), "nhiệm vụ"),
      Count("Quá hạn chưa hoàn thành", s.overdue(), "nhiệm vụ"),
      Count("Đã hủy", s.cancelled(), "nhiệm vụ"),
      Percent("Tiến độ thực hiện bình quân", s.average_percent_done()),
  };
  if (s.by_par_field_size() > 0) {
    Table table{.title = "Nhiệm vụ theo lĩnh vực cải cách hành chính",
                .headings = {"Lĩnh vực", "Số nhiệm vụ", "Đã hoàn thành", "Tỷ lệ hoàn thành"}};
    for (const auto& field : s.by_par_field()) {
      double rate = field.total() > 0 ? 100.0 * field.done() / field.total() : 0;
      table.rows.push_back({Cell::Text(FieldTitle(content, field.par_field())),
                            Cell::Number(field.total(), Unit::kCount),
                            Cell::Number(field.done(), Unit::kCount), Cell::Number(rate, Unit::kPercent)});
    }
    section.tables.push_back(std::move(table));
  }
  return section;
}

Section StaffingSection(const staffing::v1::StaffingSummary& s) {
  Section section{.sheet_name = "Biên chế", .title = "Tổ chức bộ máy, biên chế và chế độ công vụ"};
  section.figures = {
      Count("Tổng số cán bộ, giáo viên, nhân viên", s.staff_count(), "người"),
      Count("Công chức", s.civil_servants(), "người"),
      Count("Viên chức", s.public_employees(), "người"),
      Count("Hợp đồng lao động", s.contract_staff(), "người"),
      Count("Hưởng lương từ ngân sách nhà nước", s.budget_paid_staff(), "người"),
      Count("Biên chế công chức được giao", s.civil_servant_quota(), "người"),
      Count("Số lượng người làm việc (viên chức) được giao", s.public_employee_quota(), "người"),
      Count("Được cấp thư điện tử Thành phố", s.city_email_accounts(), "người"),
      Count("Sử dụng thư điện tử Thành phố trong 30 ngày", s.city_email_users(), "người"),
      Percent("Tỷ lệ được cấp thư điện tử Thành phố", s.city_email_account_rate()),
      Percent("Tỷ lệ sử dụng thư điện tử Thành phố", s.city_email_use_rate()),
      Count("Lượt đánh giá hằng quý phải thực hiện", s.ratings_due(), "lượt"),
      Count("Lượt đánh giá đã thực hiện", s.ratings_recorded(), "lượt"),
      Percent("Tỷ lệ hoàn thành đánh giá hằng quý", s.rating_completion_rate()),
      Count("Hoàn thành xuất sắc nhiệm vụ", s.rated_excellent(), "lượt"),
      Count("Hoàn thành tốt nhiệm vụ", s.rated_good(), "lượt"),
      Count("Hoàn thành nhiệm vụ", s.rated_completed(), "lượt"),
      Count("Không hoàn thành nhiệm vụ", s.rated_not_completed(), "lượt"),
      Count("Hồ sơ tinh giản biên chế đề xuất trong kỳ", s.downsizing_proposed(), "hồ sơ"),
      Count("Hồ sơ tinh giản biên chế có hiệu lực trong kỳ", s.downsizing_effective(), "hồ sơ"),
      Count("Thuộc diện tinh giản chưa đề xuất", s.downsizing_candidates(), "người"),
      Percent("Tỷ lệ giảm công chức so với năm gốc", s.civil_servant_reduction_percent()),
      Percent("Tỷ lệ giảm viên chức hưởng lương ngân sách so với năm gốc",
              s.public_employee_reduction_percent()),
      Percent("Tiến độ thực hiện chỉ tiêu tinh giản biên chế", s.downsizing_progress_percent()),
      Count("Cuộc kiểm tra kỷ luật, kỷ cương", s.discipline_inspections(), "cuộc"),
      Count("Trong đó kiểm tra đột xuất", s.surprise_inspections(), "cuộc"),
      Count("Vi phạm được phát hiện", s.discipline_violations(), "trường hợp"),
      Count("Ý kiến đóng góp của cán bộ, giáo viên, nhân viên", s.staff_suggestions(), "ý kiến"),
      Count("Ý kiến đóng góp đã được trả lời", s.staff_suggestions_answered(), "ý kiến"),
      Count("Cuộc họp của Ban Thanh tra nhân dân", s.board_meetings(), "cuộc"),
      Count("Kiến nghị của Ban Thanh tra nhân dân", s.board_recommendations(), "kiến nghị"),
      Count("Kiến nghị của Ban Thanh tra nhân dân đã giải quyết", s.board_recommendations_resolved(),
            "kiến nghị"),
  };
  return section;
}

Section FinanceSection(const finance::v1::FinanceSummary& s) {
  Section section{.sheet_name = "Tài chính", .title = "Tài chính công, thu chi không dùng tiền mặt"};
  section.figures = {
      Count("Hóa đơn đã phát hành", s.invoice_count(), "hóa đơn"),
      Dong("Tổng số tiền phải thu", static_cast<double>(s.invoiced_amount())),
      Count("Khoản đã thu", s.collected_count(), "giao dịch"),
      Dong("Số tiền đã thu", static_cast<double>(s.collected_amount())),
      Count("Thu không dùng tiền mặt, số giao dịch", s.cashless_collected_count(), "giao dịch"),
      Dong("Thu không dùng tiền mặt, số tiền", static_cast<double>(s.cashless_collected_amount())),
      Percent("Tỷ lệ thu không dùng tiền mặt theo số tiền", s.cashless_share_amount()),
      Percent("Tỷ lệ thu không dùng tiền mặt theo số giao dịch", s.cashless_share_count()),
      Count("Khoản chi", s.spent_count(), "khoản"),
      Dong("Số tiền chi", static_cast<double>(s.spent_amount())),
      Count("Chi không dùng tiền mặt, số khoản", s.cashless_spent_count(), "khoản"),
      Dong("Chi không dùng tiền mặt, số tiền", static_cast<double>(s.cashless_spent_amount())),
      Percent("Tỷ lệ chi không dùng tiền mặt theo số tiền", s.spending_cashless_share_amount()),
      Percent("Tỷ lệ chi không dùng tiền mặt theo số khoản", s.spending_cashless_share_count()),
      Dong("Công nợ phải thu còn lại", static_cast<double>(s.outstanding_receivables())),
      Dong("Trong đó quá hạn", static_cast<double>(s.overdue_receivables())),
      Percent("Tỷ lệ thu các khoản đến hạn trong kỳ", s.collection_rate()),
      Count("Dòng sao kê chưa đối chiếu", s.unmatched_statement_lines(), "dòng"),
      Count("Khoản thu đã hoàn trả", s.reversed_payments(), "giao dịch"),
      Count("Biên lai đã phát hành", s.receipts_issued(), "biên lai"),
      Flag("Sổ kế toán", s.ledger_ok() == 1, "Cân đối", "Chưa cân đối"),
      Flag("Công khai tài chính năm học", s.disclosure_published() == 1, "Đã công khai", "Chưa công khai"),
  };
  return section;
}

Section ComplaintsSection(const complaints::v1::ComplaintSummary& s) {
  Section section{.sheet_name = "Phản ánh, kiến nghị",
                  .title = "Tiếp nhận, giải quyết phản ánh, kiến nghị, khiếu nại, tố cáo"};
  section.figures = {
      Count("Vụ việc tiếp nhận trong kỳ", s.received(), "vụ việc"),
      Percent("Tỷ lệ tiếp nhận trực tuyến", s.filed_online_share()),
      Count("Không thụ lý", s.not_accepted(), "vụ việc"),
      Count("Rút đơn", s.withdrawn(), "vụ việc"),
      Count("Đã giải quyết", s.resolved(), "vụ việc"),
      Count("Giải quyết trước hạn", s.resolved_early(), "vụ việc"),
      Count("Giải quyết đúng hạn", s.resolved_on_time(), "vụ việc"),
      Count("Giải quyết trễ hạn", s.resolved_late(), "vụ việc"),
      Percent("Tỷ lệ giải quyết trước hạn và đúng hạn", s.on_time_rate()),
      Count("Đang giải quyết trong hạn", s.open_within_deadline(), "vụ việc"),
      Count("Sắp đến hạn (trong 3 ngày làm việc)", s.due_soon_open(), "vụ việc"),
      Count("Quá hạn chưa giải quyết", s.overdue_open(), "vụ việc"),
      Decimal("Thời gian giải quyết bình quân", s.average_days_to_resolve(), "ngày"),
      Count("Lượt gia hạn", s.extensions(), "lượt"),
      Count("Chuyển cấp trên", s.escalated(), "vụ việc"),
      Count("Hồ sơ thủ tục hành chính đã giải quyết", s.dossiers_resolved(), "hồ sơ"),
      Percent("Tỷ lệ hồ sơ thủ tục hành chính đúng hạn", s.dossier_on_time_rate()),
      Percent("Tỷ lệ hồ sơ trễ hạn có phiếu xin lỗi", s.apology_rate()),
      Percent("Tỷ lệ phản ánh, kiến nghị giải quyết đúng hạn", s.feedback_on_time_rate()),
      Percent("Tỷ lệ khiếu nại, tố cáo giải quyết đúng hạn", s.complaint_on_time_rate()),
      Count("Lượt đánh giá của người gửi", s.satisfaction_responses(), "lượt"),
      Decimal("Điểm hài lòng bình quân (thang 1-5)", s.satisfaction_average(), "điểm"),
      Percent("Tỷ lệ hài lòng (4-5 điểm)", s.satisfied_share()),
  };
  if (s.by_type_size() > 0) {
    Table table{.title = "Theo loại vụ việc",
                .headings = {"Loại vụ việc", "Tiếp nhận", "Đã giải quyết", "Giải quyết đúng hạn",
                             "Quá hạn chưa giải quyết"}};
    for (const auto& t : s.by_type()) {
      table.rows.push_back(
          {Cell::Text(CaseTypeLabel(t.case_type())), Cell::Number(t.received(), Unit::kCount),
           Cell::Number(t.resolved(), Unit::kCount), Cell::Number(t.resolved_in_time(), Unit::kCount),
           Cell::Number(t.overdue_open(), Unit::kCount)});
    }
    section.tables.push_back(std::move(table));
  }
  return section;
}

Section ReportingSection(const v1::ReportingSummary& s) {
  Section section{.sheet_name = "SIPAS, báo cáo",
                  .title = "Khảo sát sự hài lòng (SIPAS), chế độ báo cáo và tự đánh giá"};
  section.figures = {
      Count("Cuộc khảo sát SIPAS", s.sipas_surveys(), "cuộc"),
      Count("Phiếu trả lời", s.sipas_responses(), "phiếu"),
      Percent("Chỉ số hài lòng SIPAS", s.sipas_index()),
      Percent("Chỉ số hài lòng về tiếp nhận, xử lý góp ý", s.sipas_feedback_index()),
      Count("Báo cáo đến hạn trong kỳ", s.reports_due(), "báo cáo"),
      Count("Nộp đúng hạn", s.reports_on_time(), "báo cáo"),
      Count("Nộp trễ hạn", s.reports_late(), "báo cáo"),
      Count("Quá hạn chưa nộp", s.reports_missing(), "báo cáo"),
      Percent("Tỷ lệ báo cáo đúng hạn", s.report_on_time_rate()),
      Flag("Bản tự đánh giá Chỉ số CCHC năm", s.assessment_submitted() == 1, "Đã nộp", "Chưa nộp"),
      Percent("Tỷ lệ tiêu chí tự đánh giá có minh chứng", s.evidence_coverage_rate()),
  };
  return section;
}

Section ForecastSection(const v1::ParForecast& f) {
  Section section{.sheet_name = "Dự báo Chỉ số CCHC", .title = "Dự báo Chỉ số cải cách hành chính"};
  section.figures = {
      Decimal("Tổng điểm dự báo", f.total_points(), "điểm"),
      Decimal("Điểm tối đa", f.max_points(), "điểm"),
      Text("Bộ tiêu chí", f.framework()),
      Text("Thời điểm tính", FormatTimestamp(f.compute_time())),
  };
  Table fields{.title = "Điểm dự báo theo lĩnh vực", .headings = {"Lĩnh vực", "Điểm tối đa", "Điểm dự báo"}};
  for (const auto& field : f.fields()) {
    fields.rows.push_back({Cell::Text(field.title().empty() ? field.field() : field.title()),
                           Cell::Number(field.max_points(), Unit::kDecimal),
                           Cell::Number(field.points(), Unit::kDecimal)});
  }
  section.tables.push_back(std::move(fields));
  Table lines{.title = "Điểm dự báo theo tiêu chí thành phần",
              .headings = {"Mã", "Tiêu chí thành phần", "Điểm tối đa", "Điểm dự báo", "Nguồn điểm",
                           "Giá trị chỉ số", "Tử số", "Mẫu số", "Giải thích", "Lấy số liệu lúc"}};
  for (const auto& line : f.lines()) {
    bool metric = line.source() == v1::POINTS_SOURCE_METRIC || line.source() == v1::POINTS_SOURCE_STALE;
    Cell blank = Cell::Text("");
    lines.rows.push_back({
        Cell::Text(line.sub_criterion()),
        Cell::Text(line.title()),
        Cell::Number(line.max_points(), Unit::kDecimal),
        Cell::Number(line.points(), Unit::kDecimal),
        Cell::Text(PointsSourceLabel(line.source())),
        metric ? Cell::Number(line.metric_value(), Unit::kDecimal) : blank,
        metric && line.denominator() != 0 ? Cell::Number(line.numerator(), Unit::kDecimal) : blank,
        metric && line.denominator() != 0 ? Cell::Number(line.denominator(), Unit::kDecimal) : blank,
        Cell::Text(line.explanation()),
        Cell::Text(FormatTimestamp(line.last_good_pull_time())),
    });
  }
  section.tables.push_back(std::move(lines));
  for (const auto& error : f.source_errors()) section.notes.push_back("Không lấy được số liệu: " + error);
  return section;
}

Section NarrativeSection(const v1::ReportContent& content) {
  Section section{.sheet_name = "Thuyết minh", .title = "Nội dung thuyết minh"};
  Table table{.title = "", .headings = {"Mục", "Nội dung"}};
  // One row per paragraph (the heading on the first), so no cell nears a
  // spreadsheet's 32,767-character limit.
  for (const auto& n : content.narrative()) {
    bool first = true;
    for (absl::string_view paragraph : absl::StrSplit(n.text(), '\n', absl::SkipWhitespace())) {
      table.rows.push_back({Cell::Text(first ? n.heading() : ""), Cell::Text(std::string(paragraph))});
      first = false;
    }
    if (first) table.rows.push_back({Cell::Text(n.heading()), Cell::Text("")});
  }
  section.tables.push_back(std::move(table));
  return section;
}

}  // namespace

Cell Cell::Text(std::string text) { return Cell{.is_number = false, .text = std::move(text)}; }

Cell Cell::Number(double number, Unit unit) {
  return Cell{.is_number = true, .number = number, .unit = unit};
}

std::string Cell::Display() const {
  if (!is_number) return text;
  switch (unit) {
    case Unit::kCount:
    case Unit::kDong:
      return FormatCount(static_cast<int64_t>(number));
    case Unit::kPercent:
      return FormatPercent(number);
    case Unit::kDecimal:
      return FormatDecimal(number, 2);
    case Unit::kPlain:
      return FormatDecimal(number, 0);
  }
  return "";
}

absl::Status RequireContent(const v1::ReportVersion& version) {
  if (version.has_content()) return absl::OkStatus();
  return platform::InvalidField("version.content",
                                "phiên bản báo cáo không có nội dung (the version carries no content)");
}

const v1::ReportPeriod& PeriodOf(const v1::Report& report, const v1::ReportVersion& version) {
  return version.content().has_period() ? version.content().period() : report.period();
}

std::string FieldTitle(const v1::ReportContent& content, const std::string& code) {
  for (const auto& field : content.forecast().fields()) {
    if (field.field() == code && !field.title().empty()) return field.title();
  }
  return code;
}

std::vector<Section> BuildSections(const v1::ReportContent& content) {
  std::vector<Section> sections;
  if (content.has_tasks()) sections.push_back(TasksSection(content));
  if (content.has_staffing()) sections.push_back(StaffingSection(content.staffing()));
  if (content.has_finance()) sections.push_back(FinanceSection(content.finance()));
  if (content.has_complaints()) sections.push_back(ComplaintsSection(content.complaints()));
  if (content.has_reporting()) sections.push_back(ReportingSection(content.reporting()));
  if (content.has_forecast()) sections.push_back(ForecastSection(content.forecast()));
  if (content.narrative_size() > 0) sections.push_back(NarrativeSection(content));
  return sections;
}

}  // namespace parhub::reporting::report_export
