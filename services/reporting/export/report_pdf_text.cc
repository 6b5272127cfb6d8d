// Vietnamese sentences for the figures of each report section.
#include "services/reporting/export/report_pdf_text.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "services/reporting/export/report_format.h"

namespace parhub::reporting::report_export {
namespace {

std::string N(int64_t n) { return FormatCount(n); }
std::string P(double percent) { return FormatPercent(percent); }
std::string D(int64_t amount) { return FormatDong(amount); }

}  // namespace

std::vector<std::string> TaskSentences(const tasks::v1::TaskSummary& s) {
  std::vector<std::string> out;
  std::string first =
      absl::StrCat("- Tổng số nhiệm vụ trong kỳ: ", N(s.total()), " nhiệm vụ; đã hoàn thành ", N(s.done()),
                   " (đúng hạn ", N(s.done_on_time()), ", trễ hạn ", N(s.done_late()), "), đang thực hiện ",
                   N(s.in_progress()), ", chưa thực hiện ", N(s.not_started()));
  if (s.cancelled() > 0) absl::StrAppend(&first, "; ", N(s.cancelled()), " nhiệm vụ đã hủy");
  out.push_back(first + ".");
  out.push_back(absl::StrCat("- Nhiệm vụ quá hạn chưa hoàn thành: ", N(s.overdue()),
                             ". Tiến độ thực hiện bình quân: ", P(s.average_percent_done()), "."));
  return out;
}

std::vector<std::string> StaffingSentences(const staffing::v1::StaffingSummary& s) {
  return {
      absl::StrCat("- Tổng số cán bộ, giáo viên, nhân viên: ", N(s.staff_count()), " người (công chức ",
                   N(s.civil_servants()), ", viên chức ", N(s.public_employees()), ", hợp đồng lao động ",
                   N(s.contract_staff()), "), trong đó ", N(s.budget_paid_staff()),
                   " người hưởng lương từ ngân sách nhà nước. Biên chế được giao: công chức ",
                   N(s.civil_servant_quota()), ", viên chức ", N(s.public_employee_quota()), "."),
      absl::StrCat("- Thư điện tử Thành phố: ", N(s.city_email_accounts()), "/", N(s.staff_count()),
                   " người được cấp (", P(s.city_email_account_rate()), "), ", N(s.city_email_users()),
                   " người sử dụng trong 30 ngày gần nhất (", P(s.city_email_use_rate()), ")."),
      absl::StrCat("- Đánh giá, xếp loại hằng quý: đã thực hiện ", N(s.ratings_recorded()), "/",
                   N(s.ratings_due()), " lượt (", P(s.rating_completion_rate()),
                   "); hoàn thành xuất sắc nhiệm vụ ", N(s.rated_excellent()), ", hoàn thành tốt nhiệm vụ ",
                   N(s.rated_good()), ", hoàn thành nhiệm vụ ", N(s.rated_completed()),
                   ", không hoàn thành nhiệm vụ ", N(s.rated_not_completed()), "."),
      absl::StrCat("- Tinh giản biên chế: đề xuất ", N(s.downsizing_proposed()), " hồ sơ, có hiệu lực ",
                   N(s.downsizing_effective()), " hồ sơ; còn ", N(s.downsizing_candidates()),
                   " trường hợp thuộc diện tinh giản chưa đề xuất. So với năm gốc, công chức giảm ",
                   P(s.civil_servant_reduction_percent()), ", viên chức hưởng lương ngân sách giảm ",
                   P(s.public_employee_reduction_percent()), "; tiến độ thực hiện chỉ tiêu đạt ",
                   P(s.downsizing_progress_percent()), "."),
      absl::StrCat("- Kiểm tra việc chấp hành kỷ luật, kỷ cương: ", N(s.discipline_inspections()),
                   " cuộc (đột xuất ", N(s.surprise_inspections()), "), phát hiện ",
                   N(s.discipline_violations()), " trường hợp vi phạm."),
      absl::StrCat("- Tiếp nhận ", N(s.staff_suggestions()),
                   " ý kiến đóng góp của cán bộ, giáo viên, nhân viên, đã trả lời ",
                   N(s.staff_suggestions_answered()), "; Ban Thanh tra nhân dân họp ", N(s.board_meetings()),
                   " cuộc, có ", N(s.board_recommendations()), " kiến nghị, đã giải quyết ",
                   N(s.board_recommendations_resolved()), "."),
  };
}

std::vector<std::string> FinanceSentences(const finance::v1::FinanceSummary& s) {
  return {
      absl::StrCat("- Phát hành ", N(s.invoice_count()), " hóa đơn với tổng số tiền ", D(s.invoiced_amount()),
                   "; đã thu ", N(s.collected_count()), " khoản, số tiền ", D(s.collected_amount()),
                   "; tỷ lệ thu các khoản đến hạn trong kỳ đạt ", P(s.collection_rate()), "."),
      absl::StrCat("- Thu không dùng tiền mặt: ", N(s.cashless_collected_count()), " giao dịch, ",
                   D(s.cashless_collected_amount()), ", đạt ", P(s.cashless_share_amount()),
                   " theo số tiền và ", P(s.cashless_share_count()), " theo số giao dịch."),
      absl::StrCat("- Chi trong kỳ: ", N(s.spent_count()), " khoản, ", D(s.spent_amount()),
                   "; chi không dùng tiền mặt ", N(s.cashless_spent_count()), " khoản, ",
                   D(s.cashless_spent_amount()), " (", P(s.spending_cashless_share_amount()),
                   " theo số tiền, ", P(s.spending_cashless_share_count()), " theo số khoản)."),
      absl::StrCat("- Công nợ phải thu còn lại: ", D(s.outstanding_receivables()), ", trong đó quá hạn ",
                   D(s.overdue_receivables()), ". Phát hành ", N(s.receipts_issued()), " biên lai; ",
                   N(s.reversed_payments()), " khoản thu đã hoàn trả; ", N(s.unmatched_statement_lines()),
                   " dòng sao kê chưa đối chiếu."),
      absl::StrCat("- Sổ kế toán ", s.ledger_ok() == 1 ? "cân đối" : "chưa cân đối",
                   "; công khai tài chính năm học: ",
                   s.disclosure_published() == 1 ? "đã công khai" : "chưa công khai", "."),
  };
}

std::vector<std::string> ComplaintSentences(const complaints::v1::ComplaintSummary& s) {
  std::vector<std::string> out = {
      absl::StrCat("- Tiếp nhận ", N(s.received()), " vụ việc (trực tuyến ", P(s.filed_online_share()),
                   "); không thụ lý ", N(s.not_accepted()), ", rút đơn ", N(s.withdrawn()),
                   "; đã giải quyết ", N(s.resolved()), " (trước hạn ", N(s.resolved_early()), ", đúng hạn ",
                   N(s.resolved_on_time()), ", trễ hạn ", N(s.resolved_late()),
                   "), tỷ lệ giải quyết trước hạn và đúng hạn đạt ", P(s.on_time_rate()),
                   "; thời gian giải quyết bình quân ", FormatDecimal(s.average_days_to_resolve()), " ngày."),
      absl::StrCat("- Đang giải quyết trong hạn ", N(s.open_within_deadline()), " (sắp đến hạn ",
                   N(s.due_soon_open()), "), quá hạn chưa giải quyết ", N(s.overdue_open()), "; gia hạn ",
                   N(s.extensions()), " lượt; chuyển cấp trên ", N(s.escalated()), " vụ việc."),
      absl::StrCat("- Hồ sơ thủ tục hành chính đã giải quyết: ", N(s.dossiers_resolved()), ", đúng hạn ",
                   P(s.dossier_on_time_rate()),
                   "; hồ sơ trễ hạn có phiếu xin lỗi, hẹn lại ngày trả kết quả: ", P(s.apology_rate()), "."),
      absl::StrCat("- Tỷ lệ giải quyết đúng hạn: phản ánh, kiến nghị ", P(s.feedback_on_time_rate()),
                   "; khiếu nại, tố cáo ", P(s.complaint_on_time_rate()), "."),
  };
  if (s.satisfaction_responses() > 0) {
    out.push_back(absl::StrCat("- Người gửi đánh giá ", N(s.satisfaction_responses()),
                               " lượt, điểm bình quân ", FormatDecimal(s.satisfaction_average(), 2),
                               "/5, tỷ lệ hài lòng ", P(s.satisfied_share()), "."));
  }
  return out;
}

std::vector<std::string> ReportingSentences(const v1::ReportingSummary& s) {
  return {
      absl::StrCat("- Khảo sát sự hài lòng (SIPAS): ", N(s.sipas_surveys()), " cuộc khảo sát, ",
                   N(s.sipas_responses()), " phiếu trả lời; chỉ số hài lòng đạt ", P(s.sipas_index()),
                   ", trong đó hài lòng về tiếp nhận, xử lý góp ý đạt ", P(s.sipas_feedback_index()), "."),
      absl::StrCat("- Chế độ báo cáo: ", N(s.reports_due()), " báo cáo đến hạn, nộp đúng hạn ",
                   N(s.reports_on_time()), ", nộp trễ hạn ", N(s.reports_late()), ", quá hạn chưa nộp ",
                   N(s.reports_missing()), " (tỷ lệ đúng hạn ", P(s.report_on_time_rate()), ")."),
      absl::StrCat("- Bản tự đánh giá Chỉ số cải cách hành chính năm: ",
                   s.assessment_submitted() == 1 ? "đã nộp" : "chưa nộp",
                   "; tỷ lệ tiêu chí tự đánh giá có minh chứng: ", P(s.evidence_coverage_rate()), "."),
  };
}

std::vector<std::string> ForecastSentences(const v1::ParForecast& f) {
  std::string when = FormatTimestamp(f.compute_time());
  // "parFrameworks/school-2024" → "school-2024".
  std::string framework = f.framework().substr(f.framework().rfind('/') + 1);
  std::vector<std::string> out = {absl::StrCat(
      "Theo bộ tiêu chí ", framework.empty() ? "hiện hành" : framework,
      when.empty() ? "" : absl::StrCat(", tính đến ", when),
      ", điểm dự báo Chỉ số cải cách hành chính của đơn vị là ", FormatDecimal(f.total_points(), 2), "/",
      FormatDecimal(f.max_points(), 2), " điểm. Chi tiết theo tiêu chí thành phần tại Phụ lục kèm theo.")};
  if (f.source_errors_size() > 0) {
    out.push_back(absl::StrCat(
        "- Số liệu chưa đầy đủ do nguồn không phản hồi: ", absl::StrJoin(f.source_errors(), "; "), "."));
  }
  return out;
}

}  // namespace parhub::reporting::report_export
