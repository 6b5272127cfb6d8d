// The demo's reporting data, loaded as its users would: each principal
// enters the school's copy of the 2023 official PAR result (the points the
// 2024 improvement plan set out to win back), three schools of Phường Bến
// Thành self-assess 2024 and the ward's officer appraises one and returns
// another, Trường Mầm non 20/10 drafts its 2026 self-assessment and runs a
// parents' SIPAS survey that parents answer through the public API, and
// every school generates and submits its quarterly CCHC reports of 2024 to
// 2026, which the ward acknowledges or returns. The decision numbers and
// documents are illustrative.
#include "tools/demo/demo_reporting.h"

#include <chrono>
#include <iostream>
#include <set>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/substitute.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "platform/core/status_macros.h"

namespace parhub::demo {
namespace {

using common::v1::Date;
namespace rpb = reporting::v1;
namespace zpb = citizen::v1;
namespace tpb = tasks::v1;

Date D(int y, int m, int d) {
  Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

absl::CivilDay DayOf(const Date& d) { return absl::CivilDay(d.year(), d.month(), d.day()); }

absl::CivilDay Today() { return absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 60 * 60)); }

// "86,5": points as the CLI prints them.
std::string Points(double points) {
  std::string out = absl::StrFormat("%.2f", points);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  for (char& c : out) {
    if (c == '.') c = ',';
  }
  return out;
}

// The officer who reviews a school's submissions: only Phường Bến Thành has
// a demo officer.
std::string OfficerKeyOf(const ReportingSchool& s) {
  return s.authority == "p-ben-thanh" ? "can-bo-ben-thanh" : "";
}

// ---------------------------------------------------------------- 2023 result

// Sub-criteria of parFrameworks/school-2023 that lost points in 2023, each
// one of the weaknesses the seed plan (Kế hoạch cải thiện PAR Index 2024 of
// Trường Mầm non 20/10) sets out to fix; the plan's task in the comment.
struct Deduction {
  const char* code;
  double max_points;
  double lost;
  const char* reason;
};

const Deduction kDeductions2023[] = {
    // 1.7
    {"7.1.2", 4, 2,
     "Chưa đạt 100% CB-GV-NV sử dụng thư điện tử Thành phố; còn cán bộ ít tham gia sử dụng, chưa gắn với "
     "đánh giá mức độ hoàn thành công việc hằng quý"},
    // 1.6
    {"1.2.1", 4, 1.5,
     "Còn nhiệm vụ UBND Quận 1 giao hoàn thành trễ hạn, nhất là nhiệm vụ liên quan đến lĩnh vực khiếu nại"},
    // 1.5, 1.6
    {"3.2.1", 5, 1.5, "Còn hồ sơ thủ tục hành chính (chuyển trường, tuyển sinh) giải quyết trễ hạn"},
    // 1.5
    {"3.1.1", 3, 1,
     "Chưa công khai đầy đủ thông tin tuyển sinh và các khoản thu trên trang thông tin điện tử của trường"},
    // 1.5, 1.10
    {"6.1.1", 3, 1.5, "Tỷ lệ thu không dùng tiền mặt theo số tiền chưa đạt chỉ tiêu của Quận"},
    // 1.10
    {"6.2.2", 1, 0.5, "Còn hạn chế trong công tác quản lý tài chính, kế toán (biên lai, sổ sách chưa khớp)"},
    // 1.9
    {"1.5.1", 2, 1, "Chưa có sáng kiến, giải pháp, mô hình mới về cải cách hành chính được áp dụng"},
    // 1.12
    {"8.1.1", 8, 2,
     "Tỷ lệ phụ huynh tham gia khảo sát SIPAS thấp; chỉ số hài lòng chưa đạt mức bình quân của Quận"},
    // 1.4
    {"5.2.1", 3, 1.5,
     "Chưa tổ chức kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính, quy tắc ứng xử"},
    // 1.3
    {"4.2.1", 4, 1, "Chưa đạt tiến độ tinh giản biên chế theo Kế hoạch 1482/KH-UBND của UBND Thành phố"},
    // 1.8
    {"2.2.1", 2, 0.5, "Ban Thanh tra nhân dân chưa có báo cáo hoạt động định kỳ"},
    // 1.7
    {"5.1.1", 4, 1, "Chưa đánh giá, xếp loại mức độ hoàn thành công việc hằng quý của từng cá nhân"},
};
constexpr int kDeductionCount = sizeof(kDeductions2023) / sizeof(kDeductions2023[0]);

// The decision of UBND Quận 1 announcing the 2023 results (illustrative).
constexpr char kDecision2023[] = "1250/QĐ-UBND (dữ liệu mẫu)";

absl::Status ImportOfficialResults(DemoClient& base, const std::map<std::string, std::string>& keys,
                                   const std::vector<ReportingSchool>& schools) {
  int index = 0;
  for (const ReportingSchool& s : schools) {
    DemoClient admin = base.As(keys.at(absl::StrCat("ht-", s.id)));
    // Trường Mầm non 20/10 lost the first ten (86,5 points); the others a
    // run of four to seven of them.
    std::vector<const Deduction*> chosen;
    if (index == 0) {
      for (int k = 0; k < 10; ++k) chosen.push_back(&kDeductions2023[k]);
    } else {
      for (int k = 0; k < 4 + index % 4; ++k)
        chosen.push_back(&kDeductions2023[(index * 5 + k) % kDeductionCount]);
    }
    rpb::ImportOfficialParResultRequest request;
    request.set_parent(absl::StrCat("schools/", s.id));
    request.set_year(2023);
    request.set_request_id(absl::StrCat("demo-official-2023-", s.id));
    rpb::OfficialParResult* result = request.mutable_official_par_result();
    double lost = 0;
    for (const Deduction* d : chosen) {
      rpb::DeductedItem* item = result->add_deductions();
      item->set_sub_criterion(d->code);
      item->set_points(d->max_points - d->lost);
      item->set_reason(d->reason);
      lost += d->lost;
    }
    result->set_total_points(100 - lost);
    result->set_document_number(kDecision2023);
    *result->mutable_document_date() = D(2024, 3, 15);
    rpb::OfficialParResult saved;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("official result 2023 ", s.id), [&](grpc::ClientContext* c) {
      return admin.reporting().ImportOfficialParResult(c, request, &saved);
    }));
    std::cout << "  " << s.id << ": kết quả Chỉ số CCHC 2023 " << Points(100 - lost) << "/100, bị trừ "
              << Points(lost) << " điểm ở " << chosen.size() << " tiêu chí" << std::endl;
    ++index;
  }
  return absl::OkStatus();
}

// ------------------------------------------------------------ self-assessment

// A self-assessed sub-criterion as the school fills it in. In texts, $0 is
// the year; the evidence is "{number}/{kind}-{school code}".
struct SelfItem {
  const char* code;
  double points;
  const char* explanation;
  int number;
  const char* kind;
  const char* title;
  const char* plan_task;  // the seed plan's task that produced the evidence
};

const SelfItem kSelfItems[] = {
    {"1.1.1", 1,
     "Ban hành Kế hoạch thực hiện công tác CCHC năm $0 ngay tháng 01, đủ nội dung, gửi cơ quan quản lý", 13,
     "KH", "Kế hoạch thực hiện công tác cải cách hành chính năm $0", "1.1"},
    {"1.4.1", 2,
     "Tuyên truyền CCHC, văn hóa công sở đến CB-GV-NV và phụ huynh qua họp phụ huynh, bảng tin, trang thông "
     "tin "
     "điện tử và nhóm Zalo các lớp",
     30, "KH", "Kế hoạch tăng cường thông tin, tuyên truyền CCHC, văn hóa công sở năm $0", "1.2"},
    {"3.1.1", 3,
     "Công khai thủ tục tuyển sinh và các khoản thu trên trang thông tin điện tử của trường và bảng tin tại "
     "cổng "
     "trường",
     45, "TB", "Thông báo tuyển sinh trực tuyến và thu học phí không dùng tiền mặt", "1.5"},
    {"2.1.1", 2,
     "Ban hành Quy chế chi tiêu nội bộ và Quy chế thực hiện dân chủ cơ sở năm $0 sau Hội nghị viên chức, "
     "người "
     "lao động",
     5, "QĐ", "Quyết định ban hành Quy chế chi tiêu nội bộ năm $0", "1.10"},
    {"2.2.1", 2, "Ban Thanh tra nhân dân hoạt động theo kế hoạch, có báo cáo 6 tháng và năm", 8, "BC",
     "Báo cáo hoạt động của Ban Thanh tra nhân dân năm $0", "1.8"},
    {"4.1.1", 2, "Rà soát vị trí việc làm, sắp xếp nhân sự theo Kế hoạch 1482/KH-UBND", 18, "BC",
     "Báo cáo rà soát vị trí việc làm và tinh giản biên chế năm $0", "1.3"},
    {"5.3.2", 2, "Thực hiện quy tắc ứng xử, văn hóa công sở; trong năm không có phản ánh về thái độ phục vụ",
     25, "QĐ", "Quyết định ban hành Quy tắc ứng xử trong nhà trường", "1.4"},
    {"7.2.1", 4,
     "Tiếp nhận 100% hồ sơ tuyển sinh đầu cấp trực tuyến; bố trí cán bộ hướng dẫn phụ huynh đăng ký tại "
     "trường",
     52, "BC", "Báo cáo kết quả tuyển sinh năm $0", "1.5"},
    {"7.3.1", 2, "Thực hiện lộ trình chuyển đổi số năm $0: sổ điểm danh, sổ liên lạc điện tử, hồ sơ số", 40,
     "KH", "Kế hoạch chuyển đổi số năm $0", "1.1"},
    {"8.3.1", 3, "Hoàn thành các chỉ tiêu năm học và nhiệm vụ kinh tế - xã hội được giao", 60, "BC",
     "Báo cáo tổng kết năm học", "1.11"},
    {"1.5.1", 2,
     "Áp dụng giải pháp thu học phí không dùng tiền mặt bằng mã VietQR in trên phiếu báo thu, được công nhận "
     "sáng kiến",
     12, "QĐ", "Quyết định công nhận sáng kiến năm $0", "1.9"},
    {"2.1.2", 1, "Rà soát nội quy, quy chế; bãi bỏ 2 quy định nội bộ không còn phù hợp", 21, "BC",
     "Báo cáo rà soát quy định nội bộ năm $0", "1.1"},
    {"2.2.2", 1, "Lấy ý kiến CB-GV-NV về dự thảo quy chế chi tiêu nội bộ và kế hoạch năm học", 3, "BB",
     "Biên bản Hội nghị viên chức, người lao động", "1.8"},
    {"5.3.1", 1.5,
     "Cử 1 viên chức dự lớp bồi dưỡng nghiệp vụ CCHC; chưa cử được người phụ trách văn thư tham dự", 33, "QĐ",
     "Quyết định cử viên chức tham dự lớp bồi dưỡng nghiệp vụ CCHC năm $0", "1.1"},
    {"7.3.2", 1.5, "Số hóa hồ sơ học sinh và hồ sơ viên chức; hồ sơ lưu trữ trước năm 2020 chưa số hóa xong",
     48, "BC", "Báo cáo kết quả số hóa hồ sơ, dữ liệu năm $0", "1.5"},
};
constexpr int kSelfItemCount = sizeof(kSelfItems) / sizeof(kSelfItems[0]);

// The plan's task names by code ("" when the school has no such plan).
absl::StatusOr<std::map<std::string, std::string>> PlanTasks(DemoClient& admin, const std::string& school,
                                                             const std::string& plan) {
  tpb::ListTasksRequest list;
  list.set_parent(absl::StrCat("schools/", school, "/plans/", plan));
  list.set_page_size(200);
  tpb::ListTasksResponse tasks;
  grpc::Status status;
  RETURN_IF_ERROR(admin.Do(absl::StrCat("tasks of ", plan), [&](grpc::ClientContext* c) {
    status = admin.tasks().ListTasks(c, list, &tasks);
    // A school without that plan: no task to link.
    return status.error_code() == grpc::StatusCode::NOT_FOUND ? grpc::Status::OK : status;
  }));
  std::map<std::string, std::string> out;
  for (const auto& t : tasks.tasks()) out[t.code()] = t.name();
  return out;
}

// Fills `count` items of the year's assessment in DRAFT (or RETURNED);
// items in `without_evidence` get none.
absl::Status FillAssessment(DemoClient& admin, const ReportingSchool& s, int year, int count,
                            const std::set<std::string>& without_evidence, double minus) {
  const std::string name = absl::StrCat("schools/", s.id, "/parAssessments/", year);
  rpb::GetParAssessmentRequest get;
  get.set_name(name);
  rpb::ParAssessment assessment;
  RETURN_IF_ERROR(admin.Do(absl::StrCat("assessment ", name), [&](grpc::ClientContext* c) {
    return admin.reporting().GetParAssessment(c, get, &assessment);
  }));
  ASSIGN_OR_RETURN(auto tasks, PlanTasks(admin, s.id, absl::StrCat("par-", year)));
  const std::string y = absl::StrCat(year);
  for (int k = 0; k < count && k < kSelfItemCount; ++k) {
    const SelfItem& item = kSelfItems[k];
    rpb::UpdateAssessmentItemRequest update;
    rpb::AssessmentItem* a = update.mutable_item();
    a->set_name(absl::StrCat(name, "/items/", item.code));
    // Other schools score a little lower where the item is worth more than one.
    a->set_self_points(item.points >= 2 && k % 3 == 1 ? item.points - minus : item.points);
    a->set_explanation(absl::Substitute(item.explanation, y));
    if (!without_evidence.contains(item.code)) {
      rpb::AssessmentEvidence* e = a->add_evidence();
      e->set_document_number(absl::StrCat(item.number, "/", item.kind, "-", s.code));
      e->set_title(absl::Substitute(item.title, y));
      auto task = tasks.find(item.plan_task);
      if (task != tasks.end()) e->set_task(task->second);
    }
    update.set_request_id(absl::StrCat("demo-assessment-", s.id, "-", year, "-", item.code));
    rpb::AssessmentItem saved;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("assessment item ", a->name()), [&](grpc::ClientContext* c) {
      return admin.reporting().UpdateAssessmentItem(c, update, &saved);
    }));
  }
  return absl::OkStatus();
}

absl::Status LoadAssessments(DemoClient& base, const std::map<std::string, std::string>& keys,
                             const std::vector<ReportingSchool>& schools) {
  for (const ReportingSchool& s : schools) {
    const bool appraised = s.id == "mn-2010", returned = s.id == "mn-ben-thanh",
               awaiting = s.id == "thcs-minh-duc";
    if (!appraised && !returned && !awaiting) continue;
    const std::string officer_key = OfficerKeyOf(s);
    if (officer_key.empty()) continue;
    DemoClient admin = base.As(keys.at(absl::StrCat("ht-", s.id)));
    DemoClient officer = base.As(keys.at(officer_key));
    const std::string name = absl::StrCat("schools/", s.id, "/parAssessments/2024");
    // The returned school left two items without evidence.
    RETURN_IF_ERROR(FillAssessment(
        admin, s, 2024, returned ? 10 : kSelfItemCount,
        returned ? std::set<std::string>{"3.1.1", "4.1.1"} : std::set<std::string>{}, appraised ? 0 : 0.5));
    if (appraised) {
      rpb::SetAssessmentAdjustmentsRequest adjust;
      adjust.set_name(name);
      rpb::AssessmentAdjustment* a = adjust.add_adjustments();
      a->set_code("bonus-initiative");
      a->set_count(1);
      a->set_note("Sáng kiến “Thu học phí không dùng tiền mặt bằng mã VietQR in trên phiếu báo thu”");
      rpb::AssessmentEvidence* e = a->add_evidence();
      e->set_document_number("12/QĐ-MN2010");
      e->set_title("Quyết định công nhận sáng kiến năm 2024");
      adjust.set_request_id(absl::StrCat("demo-assessment-", s.id, "-2024-adjustments"));
      rpb::ParAssessment saved;
      RETURN_IF_ERROR(admin.Do(absl::StrCat("adjustments ", name), [&](grpc::ClientContext* c) {
        return admin.reporting().SetAssessmentAdjustments(c, adjust, &saved);
      }));
    }
    rpb::SubmitParAssessmentRequest submit;
    submit.set_name(name);
    submit.set_request_id(absl::StrCat("demo-assessment-", s.id, "-2024-submit"));
    rpb::ParAssessment submitted;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("submit ", name), [&](grpc::ClientContext* c) {
      return admin.reporting().SubmitParAssessment(c, submit, &submitted);
    }));
    rpb::ParAssessment reviewed;
    if (appraised) {
      rpb::AppraiseParAssessmentRequest appraise;
      appraise.set_name(name);
      rpb::ItemAppraisal* a = appraise.add_appraisals();
      a->set_sub_criterion("7.2.1");
      a->set_points(3.5);
      a->set_note("Còn hồ sơ tuyển sinh nộp trực tiếp tại trường, chưa chuyển lên hệ thống trực tuyến");
      a = appraise.add_appraisals();
      a->set_sub_criterion("7.3.2");
      a->set_points(1);
      a->set_note("Minh chứng chưa thể hiện tỷ lệ hồ sơ đã số hóa");
      appraise.set_request_id(absl::StrCat("demo-assessment-", s.id, "-2024-appraise"));
      RETURN_IF_ERROR(officer.Do(absl::StrCat("appraise ", name), [&](grpc::ClientContext* c) {
        return officer.reporting().AppraiseParAssessment(c, appraise, &reviewed);
      }));
      std::cout << "  " << s.id << ": tự đánh giá 2024 " << Points(submitted.self_total())
                << " điểm, cơ quan quản lý thẩm định " << Points(reviewed.appraised_total()) << " điểm"
                << std::endl;
    } else if (returned) {
      rpb::ReturnParAssessmentRequest back;
      back.set_name(name);
      back.set_reason(
          "Tiêu chí 3.1.1 và 4.1.1 chưa có minh chứng; các tiêu chí 1.5.1, 2.1.2, 2.2.2, 5.3.1 và 7.3.2 chưa "
          "tự "
          "chấm. Đề nghị trường bổ sung và nộp lại.");
      back.set_request_id(absl::StrCat("demo-assessment-", s.id, "-2024-return"));
      RETURN_IF_ERROR(officer.Do(absl::StrCat("return ", name), [&](grpc::ClientContext* c) {
        return officer.reporting().ReturnParAssessment(c, back, &reviewed);
      }));
      std::cout << "  " << s.id << ": tự đánh giá 2024 " << Points(submitted.self_total())
                << " điểm, bị trả lại để bổ sung minh chứng" << std::endl;
    } else {
      std::cout << "  " << s.id << ": tự đánh giá 2024 " << Points(submitted.self_total())
                << " điểm, chờ thẩm định" << std::endl;
    }
  }
  // Trường Mầm non 20/10 is filling in 2026: ten items so far (the live
  // forecast shows the other five as missing).
  for (const ReportingSchool& s : schools) {
    if (s.id != "mn-2010") continue;
    DemoClient admin = base.As(keys.at(absl::StrCat("ht-", s.id)));
    RETURN_IF_ERROR(FillAssessment(admin, s, 2026, 10, {}, 0));
    std::cout << "  " << s.id << ": đang tự đánh giá 2026 (10/15 tiêu chí tự chấm)" << std::endl;
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------- SIPAS

constexpr char kSurveyId[] = "phu-huynh-thang-12-2026";
constexpr int kCodesIssued = 40;
constexpr int kResponses = 30;

// Calls the public API as a parent would, waiting out the per-address
// limit of 60 calls a minute when something else spent it (never the
// budget of unknown codes: these codes are known).
absl::Status Patient(DemoClient& citizen, const std::string& what,
                     const std::function<grpc::Status(grpc::ClientContext*)>& call) {
  for (int attempt = 0;; ++attempt) {
    absl::Status status = citizen.Do(what, call);
    if (attempt < 45 && status.code() == absl::StatusCode::kResourceExhausted &&
        absl::StrContains(status.message(), "từ địa chỉ này")) {
      std::this_thread::sleep_for(std::chrono::seconds(2));
      continue;
    }
    return status;
  }
}

// Respondent r's score for question q of the factor: most parents are
// satisfied, some neutral, a few not; the handling of feedback scores
// lowest, and one parent in six has never given feedback (not applicable).
int Score(int r, int q, const std::string& factor) {
  static const int kMood[] = {5, 4, 5, 4, 4, 3, 5, 4, 2, 4};
  int score = kMood[r % 10];
  const int wobble = (r * 31 + q * 17) % 7;
  if (wobble == 0) score -= 1;
  if (wobble == 1) score += 1;
  if (factor == "feedback") {
    if (r % 6 == 0) return 0;
    if ((r + q) % 3 == 0) score -= 1;
  }
  return score < 1 ? 1 : (score > 5 ? 5 : score);
}

const char* const kComments[] = {
    "Cô giáo tận tình, nhà trường thông báo rõ ràng qua nhóm Zalo lớp.",
    "Nộp tiền qua mã QR rất tiện, không phải lên trường.",
    "Mong nhà trường trả lời góp ý của phụ huynh nhanh hơn.",
    "Cần hướng dẫn kỹ hơn cách đăng ký tuyển sinh trực tuyến.",
};

absl::Status LoadSurvey(DemoClient& base, const std::map<std::string, std::string>& keys,
                        const ReportingSchool& s) {
  const Date open = D(2026, 12, 1), close = D(2026, 12, 31);
  if (Today() > DayOf(close)) {
    std::cout << "  " << s.id << ": bỏ qua khảo sát SIPAS mẫu (đợt tháng 12/2026 đã kết thúc)" << std::endl;
    return absl::OkStatus();
  }
  DemoClient admin = base.As(keys.at(absl::StrCat("ht-", s.id)));
  const std::string name = absl::StrCat("schools/", s.id, "/sipasSurveys/", kSurveyId);
  rpb::CreateSipasSurveyRequest create;
  create.set_parent(absl::StrCat("schools/", s.id));
  create.set_sipas_survey_id(kSurveyId);
  rpb::SipasSurvey* draft = create.mutable_sipas_survey();
  draft->set_title("Khảo sát sự hài lòng của cha mẹ trẻ tháng 12/2026");
  draft->set_audience(rpb::SURVEY_AUDIENCE_PARENTS);
  *draft->mutable_open_date() = open;
  *draft->mutable_close_date() = close;
  create.set_request_id(absl::StrCat("demo-sipas-create-", s.id));
  rpb::SipasSurvey survey;
  RETURN_IF_ERROR(admin.Do("create survey", [&](grpc::ClientContext* c) {
    return admin.reporting().CreateSipasSurvey(c, create, &survey);
  }));
  rpb::OpenSipasSurveyRequest open_request;
  open_request.set_name(name);
  open_request.set_request_id(absl::StrCat("demo-sipas-open-", s.id));
  RETURN_IF_ERROR(admin.Do("open survey", [&](grpc::ClientContext* c) {
    return admin.reporting().OpenSipasSurvey(c, open_request, &survey);
  }));
  rpb::GetSipasSurveyRequest get;
  get.set_name(name);
  RETURN_IF_ERROR(admin.Do(
      "survey", [&](grpc::ClientContext* c) { return admin.reporting().GetSipasSurvey(c, get, &survey); }));

  // Codes are shown once: a run that stopped half-way issues fresh codes
  // for the responses still missing (the request id counts the codes
  // issued before).
  const int answered = survey.response_count();
  if (answered < kResponses) {
    rpb::IssueRespondentCodesRequest issue;
    issue.set_survey(name);
    issue.set_count(answered == 0 ? kCodesIssued : kResponses - answered);
    issue.set_request_id(absl::StrCat("demo-sipas-codes-", s.id, "-", survey.respondent_code_count()));
    rpb::IssueRespondentCodesResponse codes;
    RETURN_IF_ERROR(admin.Do("respondent codes", [&](grpc::ClientContext* c) {
      return admin.reporting().IssueRespondentCodes(c, issue, &codes);
    }));
    if (codes.codes_size() < kResponses - answered) {
      return absl::FailedPreconditionError("respondent codes: the service answered no codes");
    }
    // The parents, on the public API without an account.
    DemoClient citizen = base.As("");
    zpb::GetSurveyRequest form_request;
    form_request.set_respondent_code(codes.codes(0));
    rpb::SurveyForRespondent form;
    RETURN_IF_ERROR(Patient(citizen, "open the survey form", [&](grpc::ClientContext* c) {
      return citizen.citizen().GetSurvey(c, form_request, &form);
    }));
    for (int k = 0; k < kResponses - answered; ++k) {
      const int r = answered + k;
      zpb::SubmitSurveyResponseRequest response;
      response.set_respondent_code(codes.codes(k));
      int q = 0;
      for (const auto& factor : form.questionnaire().factors()) {
        for (const auto& question : factor.questions()) {
          reporting::v1::SipasAnswer* a = response.add_answers();
          a->set_question(question.code());
          a->set_score(Score(r, q++, factor.code()));
        }
      }
      if (r % 7 == 2) response.set_comment(kComments[(r / 7) % 4]);
      response.set_request_id(absl::StrCat("demo-sipas-", codes.codes(k)));
      zpb::SubmitSurveyResponseResponse thanks;
      RETURN_IF_ERROR(Patient(citizen, "survey response", [&](grpc::ClientContext* c) {
        return citizen.citizen().SubmitSurveyResponse(c, response, &thanks);
      }));
    }
  }
  rpb::GetSipasResultsRequest results_request;
  results_request.set_survey(name);
  rpb::SipasResults results;
  RETURN_IF_ERROR(admin.Do("survey results", [&](grpc::ClientContext* c) {
    return admin.reporting().GetSipasResults(c, results_request, &results);
  }));
  std::cout << "  " << s.id << ": khảo sát phụ huynh, " << results.response_count()
            << " phiếu trả lời, chỉ số SIPAS " << Points(results.index()) << "%" << std::endl;
  return absl::OkStatus();
}

// -------------------------------------------------------------------- reports

// "quý I năm 2025", "6 tháng đầu năm 2025", "năm 2025": the period as a
// sentence names it.
std::string PeriodPhrase(const rpb::ReportPeriod& p) {
  const std::string year = absl::StrCat(p.year());
  if (p.code() == "year") return absl::StrCat("năm ", year);
  std::string label = p.label();
  if (!label.empty()) label[0] = absl::ascii_tolower(static_cast<unsigned char>(label[0]));
  if (absl::EndsWith(label, "năm")) return absl::StrCat(label, " ", year);
  return absl::StrCat(label, " năm ", year);
}

std::vector<rpb::NarrativeSection> Narrative(const rpb::ReportPeriod& p, int variant) {
  static const char* const kShortfalls[] = {
      "Còn cán bộ ít sử dụng thư điện tử Thành phố; một số hồ sơ thủ tục hành chính giải quyết sát hạn.",
      "Tỷ lệ phụ huynh tham gia khảo sát sự hài lòng chưa cao; tỷ lệ thu không dùng tiền mặt chưa đạt chỉ "
      "tiêu.",
      "Báo cáo định kỳ còn gửi chậm so với thời hạn do số liệu tổng hợp từ nhiều bộ phận.",
  };
  std::vector<rpb::NarrativeSection> out(4);
  out[0].set_heading("Kết quả thực hiện");
  out[0].set_text(
      absl::StrCat("Trong ", PeriodPhrase(p),
                   ", trường triển khai các nhiệm vụ cải cách hành chính theo kế hoạch; số liệu "
                   "nhiệm vụ, nhân sự, tài chính, hồ sơ và khảo sát tổng hợp từ parhub đến ngày chốt "
                   "số liệu."));
  out[1].set_heading("Tồn tại, hạn chế và nguyên nhân");
  out[1].set_text(kShortfalls[variant % 3]);
  out[2].set_heading("Phương hướng, nhiệm vụ kỳ tới");
  out[2].set_text("Tiếp tục thực hiện kế hoạch cải thiện Chỉ số CCHC, khắc phục các nội dung bị trừ điểm.");
  out[3].set_heading("Đề xuất, kiến nghị");
  out[3].set_text("Không có.");
  return out;
}

absl::Status LoadReports(DemoClient& base, const std::map<std::string, std::string>& keys,
                         const std::vector<ReportingSchool>& schools) {
  const absl::CivilDay today = Today();
  int index = 0;
  for (const ReportingSchool& s : schools) {
    DemoClient admin = base.As(keys.at(absl::StrCat("ht-", s.id)));
    const std::string officer_key = OfficerKeyOf(s);
    std::vector<std::string> submitted;
    int generated = 0, variant = index;
    for (int year = 2024; year <= 2026; ++year) {
      rpb::ListReportPeriodsRequest list;
      list.set_family("reportFamilies/cchc");
      list.set_year(year);
      rpb::ListReportPeriodsResponse periods;
      RETURN_IF_ERROR(admin.Do("report periods", [&](grpc::ClientContext* c) {
        return admin.reporting().ListReportPeriods(c, list, &periods);
      }));
      for (const rpb::ReportPeriod& p : periods.periods()) {
        if (DayOf(p.cutoff_date()) >= today) continue;  // not cut off yet
        const std::string report = absl::StrCat("cchc-", year, "-", p.code());
        rpb::GenerateReportRequest generate;
        generate.set_parent(absl::StrCat("schools/", s.id));
        generate.set_family("reportFamilies/cchc");
        generate.set_year(year);
        generate.set_period(p.code());
        for (auto& section : Narrative(p, variant++)) *generate.add_narrative() = std::move(section);
        generate.set_request_id(absl::StrCat("demo-report-", s.id, "-", report));
        rpb::ReportVersion version;
        RETURN_IF_ERROR(admin.Do(absl::StrCat("report ", s.id, " ", report), [&](grpc::ClientContext* c) {
          return admin.reporting().GenerateReport(c, generate, &version);
        }));
        ++generated;
        // Trường Mầm non 20/10 has not sent its quý III/2026 report.
        if (s.id == "mn-2010" && report == "cchc-2026-q3") continue;
        rpb::SubmitReportRequest submit;
        submit.set_name(absl::StrCat("schools/", s.id, "/reports/", report));
        submit.set_request_id(absl::StrCat("demo-report-submit-", s.id, "-", report));
        rpb::Report sent;
        RETURN_IF_ERROR(admin.Do(absl::StrCat("submit ", s.id, " ", report), [&](grpc::ClientContext* c) {
          return admin.reporting().SubmitReport(c, submit, &sent);
        }));
        submitted.push_back(report);
      }
    }
    // The ward acknowledges what it has read (2024, and 2025 up to quý III
    // for Trường Mầm non 20/10) and returns Trường Mầm non 20/10's 2025
    // yearly report.
    int acknowledged = 0, returned = 0;
    if (!officer_key.empty()) {
      DemoClient officer = base.As(keys.at(officer_key));
      for (const std::string& report : submitted) {
        const std::string name = absl::StrCat("schools/", s.id, "/reports/", report);
        rpb::Report reviewed;
        if (s.id == "mn-2010" && report == "cchc-2025-year") {
          rpb::ReturnReportRequest back;
          back.set_name(name);
          back.set_reason(
              "Phần tồn tại, hạn chế chưa nêu nguyên nhân và chưa đối chiếu các nội dung bị trừ điểm năm "
              "trước; đề nghị bổ sung và nộp lại.");
          back.set_request_id(absl::StrCat("demo-report-return-", s.id, "-", report));
          RETURN_IF_ERROR(officer.Do(absl::StrCat("return ", s.id, " ", report), [&](grpc::ClientContext* c) {
            return officer.reporting().ReturnReport(c, back, &reviewed);
          }));
          ++returned;
          continue;
        }
        const bool read = absl::StartsWith(report, "cchc-2024-") ||
                          (s.id == "mn-2010" && absl::StartsWith(report, "cchc-2025-"));
        if (!read) continue;
        rpb::AcknowledgeReportRequest ack;
        ack.set_name(name);
        ack.set_request_id(absl::StrCat("demo-report-ack-", s.id, "-", report));
        RETURN_IF_ERROR(
            officer.Do(absl::StrCat("acknowledge ", s.id, " ", report), [&](grpc::ClientContext* c) {
              return officer.reporting().AcknowledgeReport(c, ack, &reviewed);
            }));
        ++acknowledged;
      }
    }
    rpb::ListReportsRequest late_request;
    late_request.set_parent(absl::StrCat("schools/", s.id));
    late_request.set_late_only(true);
    late_request.set_page_size(200);
    rpb::ListReportsResponse late;
    RETURN_IF_ERROR(admin.Do("late reports", [&](grpc::ClientContext* c) {
      return admin.reporting().ListReports(c, late_request, &late);
    }));
    std::cout << "  " << s.id << ": " << generated << " báo cáo CCHC, đã nộp " << submitted.size() << " ("
              << late.reports_size() << " trễ hạn hoặc quá hạn chưa nộp)";
    if (!officer_key.empty())
      std::cout << ", phường đã tiếp nhận " << acknowledged << ", trả lại " << returned;
    std::cout << std::endl;
    ++index;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status LoadReporting(DemoClient& base, const std::map<std::string, std::string>& keys,
                           const std::vector<ReportingSchool>& schools) {
  std::cout << " Kết quả Chỉ số CCHC năm 2023 (chính thức, dữ liệu mẫu):" << std::endl;
  RETURN_IF_ERROR(ImportOfficialResults(base, keys, schools));
  std::cout << " Tự đánh giá Chỉ số CCHC:" << std::endl;
  RETURN_IF_ERROR(LoadAssessments(base, keys, schools));
  std::cout << " Khảo sát sự hài lòng (SIPAS):" << std::endl;
  for (const ReportingSchool& s : schools) {
    if (s.id == "mn-2010") RETURN_IF_ERROR(LoadSurvey(base, keys, s));
  }
  std::cout << " Báo cáo công tác CCHC định kỳ 2024-2026:" << std::endl;
  return LoadReports(base, keys, schools);
}

}  // namespace parhub::demo
