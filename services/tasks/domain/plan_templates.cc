// The PAR-improvement template, from the seed plan's tasks 1.1-1.12. Due
// dates: progress is reported to the authority (through its Home Affairs
// office) "trước ngày 10 tháng 6", so the tasks that feed that report are due
// 10/6; launching the emulation movement belongs in the first quarter, the
// SIPAS survey in the third; the rest run the whole year (31/12).
#include "services/tasks/domain/plan_templates.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace parhub::tasks {

const std::vector<PlanTemplate>& PlanTemplates::All() {
  static const auto* const kTemplates = new std::vector<PlanTemplate>{
      {"par-improvement",
       "Kế hoạch cải thiện Chỉ số cải cách hành chính (PAR Index) và nâng cao sự hài lòng của "
       "người dân năm {year}",
       {
           {"1.1",
            "Triển khai thực hiện các chỉ tiêu, nhiệm vụ đề ra theo Kế hoạch thực hiện công tác "
            "cải cách hành chính năm {year} của đơn vị",
            "Phát huy tính năng động, sáng tạo trong chỉ đạo, điều hành công tác hiện đại hóa "
            "hành chính, phấn đấu hoàn thành lộ trình chuyển đổi số; khắc phục hạn chế trong "
            "xác định Chỉ số CCHC; khuyến khích sáng kiến; bồi dưỡng đội ngũ làm công tác CCHC. "
            "Báo cáo tiến độ về cấp trên (qua Phòng Nội vụ) trước ngày 10 tháng 6.",
            "chi_dao_dieu_hanh", 6, 10},
           {"1.2",
            "Chủ động và duy trì thường xuyên công tác thông tin, tuyên truyền đến đội ngũ cán "
            "bộ, giáo viên, nhân viên và phụ huynh học sinh về tầm quan trọng của việc thực hiện "
            "cải cách hành chính",
            "Tạo sự đồng thuận của phụ huynh học sinh trong xây dựng chính quyền điện tử, chính "
            "quyền số; chuyển từ thực hiện dịch vụ hành chính công trực tiếp sang trực tuyến; đa "
            "dạng hóa thông tin về CCHC trên trang thông tin điện tử của trường.",
            "chi_dao_dieu_hanh", 12, 31},
           {"1.3", "Chủ động sắp xếp tổ chức bộ máy, tinh giản biên chế trong đơn vị",
            "Rà soát, sắp xếp biên chế, số lượng người làm việc bảo đảm tinh gọn, hiệu quả; gắn "
            "tinh giản biên chế với cơ cấu lại và nâng cao chất lượng đội ngũ cán bộ, công chức, "
            "viên chức.",
            "to_chuc_bo_may", 12, 31},
           {"1.4",
            "Tăng cường công tác kiểm tra, giám sát đối với cán bộ, giáo viên, nhân viên trong đơn "
            "vị, đặc biệt là kiểm tra đột xuất tình hình chấp hành kỷ luật, kỷ cương hành chính, "
            "quy tắc ứng xử",
            "Kiểm tra định kỳ và đột xuất việc chấp hành kỷ luật, kỷ cương hành chính và quy tắc "
            "ứng xử; lưu biên bản kiểm tra làm minh chứng.",
            "cong_vu", 12, 31},
           {"1.5", "Đẩy mạnh đơn giản hóa thủ tục hành chính (TTHC)",
            "Số hóa dữ liệu; công khai, minh bạch trong xử lý TTHC như đăng ký tuyển sinh; thu "
            "chi không dùng tiền mặt; trả lời nghiêm túc phản ánh, kiến nghị; tiếp nhận, giải "
            "quyết, trả kết quả TTHC đúng quy trình nội bộ.",
            "tthc", 12, 31},
           {"1.6",
            "Đảm bảo tiến độ thực hiện chỉ đạo của Ủy ban nhân dân đối với các nhiệm vụ được phân "
            "công, đặc biệt là nhiệm vụ liên quan đến lĩnh vực khiếu nại",
            "Chủ động xây dựng và thực hiện các giải pháp khắc phục bảo đảm giải quyết hồ sơ TTHC "
            "đúng hạn; báo cáo tiến độ trước ngày 10 tháng 6.",
            "tthc", 6, 10},
           {"1.7",
            "Chấn chỉnh, làm rõ vai trò, trách nhiệm của từng cán bộ ít tham gia sử dụng thư điện "
            "tử Thành phố tại đơn vị",
            "Đánh giá mức độ hoàn thành công việc hàng quý của từng cá nhân và Thủ trưởng đơn vị "
            "với tiêu chí 100% cán bộ, công chức tham gia sử dụng thư điện tử Thành phố trong năm "
            "{year}.",
            "chinh_quyen_so", 12, 31},
           {"1.8",
            "Tạo môi trường thông thoáng, cởi mở, thân thiện để cán bộ, giáo viên, nhân viên tham "
            "gia đóng góp ý kiến vào các vấn đề liên quan đến cơ chế, chính sách trong nhà trường",
            "Củng cố và nâng cao chất lượng hoạt động Ban Thanh tra nhân dân để phát huy vai trò "
            "đại diện của cán bộ, giáo viên, nhân viên.",
            "the_che", 12, 31},
           {"1.9",
            "Phát động phong trào thi đua, tìm kiếm các mô hình, giải pháp đột phá, sáng tạo, hiệu "
            "quả trong công tác cải cách hành chính nói chung và cải cách TTHC nói riêng",
            "Gắn với Kết luận số 14-KL/TW của Bộ Chính trị và chủ trương khuyến khích, bảo vệ cán "
            "bộ năng động, sáng tạo vì lợi ích chung.",
            "chi_dao_dieu_hanh", 3, 31},
           {"1.10", "Thực hiện nghiêm các quy định pháp luật về quản lý, sử dụng ngân sách, tài sản công",
            "Tập trung khắc phục những hạn chế về công tác quản lý tài chính kế toán tại đơn vị.",
            "tai_chinh_cong", 12, 31},
           {"1.11",
            "Rà soát và chủ động tổ chức thực hiện tốt các nhiệm vụ, chỉ tiêu phát triển kinh tế - "
            "xã hội năm {year} của Ủy ban nhân dân Thành phố và địa phương",
            "Rà soát các chỉ tiêu được giao cho đơn vị và tổ chức thực hiện, theo dõi kết quả.", "tac_dong",
            12, 31},
           {"1.12",
            "Khảo sát sự hài lòng của người dân (SIPAS) và điều tra xã hội học đối với cán bộ, "
            "công chức lãnh đạo, quản lý",
            "Thông tin, quán triệt đến phụ huynh học sinh về khảo sát đo lường sự hài lòng (SIPAS) "
            "và đến cán bộ, viên chức về ý nghĩa của điều tra xã hội học phục vụ xác định Chỉ số "
            "CCHC.",
            "tac_dong", 9, 30},
       }},
  };
  return *kTemplates;
}

const PlanTemplate* PlanTemplates::Find(absl::string_view id) {
  for (const PlanTemplate& t : All()) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::string PlanTemplates::FillYear(absl::string_view text, int year) {
  return absl::StrReplaceAll(text, {{"{year}", absl::StrCat(year)}});
}

}  // namespace parhub::tasks
