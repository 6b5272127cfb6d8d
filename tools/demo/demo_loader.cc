// parhub-demo-loader: fills a fresh parhub with illustrative data through
// the gateway, exactly as users would: District 1 (2024) and the four wards
// that replaced it on 1/7/2025, seven of its public schools moved to those
// wards, accounts with API keys, Trường Mầm non 20/10's 2024 plan from the
// seed with its progress and evidence, 2026 plans for every school, and a
// ward directive, and staff records: rosters, quotas, ratings, a city e-mail
// report, a surprise discipline check, a submitted downsizing record, the
// people's inspection board with a meeting, and a suggestion with its answer.
// Every mutation carries a fixed request_id, so running it
// again changes nothing. School-to-ward assignments are illustrative.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/status_macros.h"
#include "tools/demo/demo_client.h"

ABSL_FLAG(std::string, gateway, "127.0.0.1:50050", "gateway host:port");
ABSL_FLAG(std::string, admin_key_file, "", "file holding the bootstrap admin API key");
ABSL_FLAG(std::string, keys_out, "", "file that keeps the demo accounts' API keys (created once, mode 0600)");

namespace parhub::demo {
namespace {

using common::v1::Date;
namespace dpb = directory::v1;
namespace tpb = tasks::v1;
namespace spb = staffing::v1;

Date D(int y, int m, int d) {
  Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

struct DemoSchool {
  const char* id;
  const char* code;
  const char* name;
  dpb::SchoolLevel level;
  const char* ward;
};

const DemoSchool kSchools[] = {
    {"mn-2010", "MN2010", "Trường Mầm non 20/10", dpb::SCHOOL_LEVEL_KINDERGARTEN, "p-ben-thanh"},
    {"mn-ben-thanh", "MNBT", "Trường Mầm non Bến Thành", dpb::SCHOOL_LEVEL_KINDERGARTEN, "p-ben-thanh"},
    {"th-nguyen-binh-khiem", "THNBK", "Trường Tiểu học Nguyễn Bỉnh Khiêm", dpb::SCHOOL_LEVEL_PRIMARY,
     "p-sai-gon"},
    {"th-ket-doan", "THKD", "Trường Tiểu học Kết Đoàn", dpb::SCHOOL_LEVEL_PRIMARY, "p-tan-dinh"},
    {"thcs-van-lang", "THCSVL", "Trường THCS Văn Lang", dpb::SCHOOL_LEVEL_LOWER_SECONDARY, "p-cau-ong-lanh"},
    {"thcs-minh-duc", "THCSMD", "Trường THCS Minh Đức", dpb::SCHOOL_LEVEL_LOWER_SECONDARY, "p-ben-thanh"},
    {"thcs-tran-van-on", "THCSTVO", "Trường THCS Trần Văn Ơn", dpb::SCHOOL_LEVEL_LOWER_SECONDARY,
     "p-sai-gon"},
};

// Writes `content` to `path` readable by its owner only (0600), through a
// temporary file renamed into place.
absl::Status WriteSecretFile(const std::string& path, const std::string& content) {
  const std::string tmp = absl::StrCat(path, ".tmp");
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return absl::InternalError(absl::StrCat("cannot create ", tmp));
  bool ok = ::fchmod(fd, 0600) == 0;
  for (size_t done = 0; ok && done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return absl::InternalError(absl::StrCat("cannot write ", path));
  }
  return absl::OkStatus();
}

// The first line of `path`, without surrounding whitespace.
absl::StatusOr<std::string> ReadKeyFile(const std::string& path) {
  std::ifstream in(path);
  std::string key;
  if (!in || !std::getline(in, key)) return absl::InvalidArgumentError(absl::StrCat("cannot read ", path));
  return std::string(absl::StripAsciiWhitespace(key));
}

absl::Status CreateAuthorities(DemoClient& admin) {
  struct A {
    const char* id;
    const char* name;
    const char* kind;
    Date from, until;
  };
  const A authorities[] = {
      {"q1", "UBND Quận 1", "district", D(1976, 5, 20), D(2025, 7, 1)},
      {"p-sai-gon", "UBND Phường Sài Gòn", "ward", D(2025, 7, 1), Date()},
      {"p-ben-thanh", "UBND Phường Bến Thành", "ward", D(2025, 7, 1), Date()},
      {"p-tan-dinh", "UBND Phường Tân Định", "ward", D(2025, 7, 1), Date()},
      {"p-cau-ong-lanh", "UBND Phường Cầu Ông Lãnh", "ward", D(2025, 7, 1), Date()},
  };
  for (const A& a : authorities) {
    dpb::CreateAuthorityRequest request;
    request.set_authority_id(a.id);
    request.set_request_id(absl::StrCat("demo-authority-", a.id));
    auto* authority = request.mutable_authority();
    authority->set_code(a.id);
    authority->set_display_name(a.name);
    authority->set_parent("authorities/hcm");
    authority->set_kind(a.kind);
    *authority->mutable_valid_from() = a.from;
    if (a.until.year() != 0) *authority->mutable_valid_until() = a.until;
    dpb::Authority created;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("authority ", a.id), [&](grpc::ClientContext* c) {
      return admin.directory().CreateAuthority(c, request, &created);
    }));
  }
  return absl::OkStatus();
}

absl::Status CreateSchools(DemoClient& admin) {
  for (const DemoSchool& s : kSchools) {
    dpb::CreateSchoolRequest create;
    create.set_school_id(s.id);
    create.set_request_id(absl::StrCat("demo-school-", s.id));
    auto* school = create.mutable_school();
    school->set_code(s.code);
    school->set_display_name(s.name);
    school->set_level(s.level);
    school->set_address("Quận 1 (cũ), Thành phố Hồ Chí Minh");
    school->set_authority("authorities/q1");
    dpb::School created;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("school ", s.id), [&](grpc::ClientContext* c) {
      return admin.directory().CreateSchool(c, create, &created);
    }));
    dpb::MoveSchoolRequest move;
    move.set_name(absl::StrCat("schools/", s.id));
    move.set_authority(absl::StrCat("authorities/", s.ward));
    *move.mutable_effective_date() = D(2025, 7, 1);
    move.set_reason("Sắp xếp đơn vị hành chính cấp xã từ 01/7/2025 (Nghị quyết 1685/NQ-UBTVQH15)");
    move.set_request_id(absl::StrCat("demo-move-", s.id));
    dpb::School moved;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("move ", s.id), [&](grpc::ClientContext* c) {
      return admin.directory().MoveSchool(c, move, &moved);
    }));
  }
  return absl::OkStatus();
}

absl::Status CreateAccount(DemoClient& admin, const std::string& id, const std::string& name,
                           common::v1::Role role, const std::string& school, const std::string& authority) {
  dpb::CreateAccountRequest request;
  request.set_account_id(id);
  request.set_request_id(absl::StrCat("demo-account-", id));
  auto* account = request.mutable_account();
  account->set_display_name(name);
  account->set_role(role);
  if (!school.empty()) account->set_school(absl::StrCat("schools/", school));
  if (!authority.empty()) account->set_authority(absl::StrCat("authorities/", authority));
  dpb::Account created;
  return admin.Do(absl::StrCat("account ", id), [&](grpc::ClientContext* c) {
    return admin.directory().CreateAccount(c, request, &created);
  });
}

// Creates the accounts and, the first time only, their keys (secrets are
// shown once, so they are kept in `keys_file`).
absl::StatusOr<std::map<std::string, std::string>> CreateAccountsAndKeys(DemoClient& admin,
                                                                         const std::string& keys_file) {
  RETURN_IF_ERROR(CreateAccount(admin, "can-bo-q1", "Trần Minh Tuấn (Phòng Nội vụ Quận 1)",
                                common::v1::ROLE_AUTHORITY_OFFICER, "", "q1"));
  RETURN_IF_ERROR(CreateAccount(admin, "can-bo-ben-thanh", "Lê Thị Hồng (UBND Phường Bến Thành)",
                                common::v1::ROLE_AUTHORITY_OFFICER, "", "p-ben-thanh"));
  RETURN_IF_ERROR(CreateAccount(admin, "gv-mn-2010", "Phạm Thị Thu Hà (giáo viên)",
                                common::v1::ROLE_SCHOOL_STAFF, "mn-2010", ""));
  for (const DemoSchool& s : kSchools) {
    RETURN_IF_ERROR(CreateAccount(admin, absl::StrCat("ht-", s.id), absl::StrCat("Hiệu trưởng ", s.name),
                                  common::v1::ROLE_SCHOOL_ADMIN, s.id, ""));
  }
  std::map<std::string, std::string> keys;
  std::ifstream in(keys_file);
  std::string line;
  while (std::getline(in, line)) {
    std::pair<std::string, std::string> kv = absl::StrSplit(line, absl::MaxSplits('=', 1));
    if (!kv.second.empty()) keys[kv.first] = kv.second;
  }
  if (!keys.empty()) return keys;
  std::vector<std::string> holders = {"can-bo-q1", "can-bo-ben-thanh", "gv-mn-2010"};
  for (const DemoSchool& s : kSchools) holders.push_back(absl::StrCat("ht-", s.id));
  std::string lines;
  for (const std::string& holder : holders) {
    dpb::CreateApiKeyRequest request;
    request.set_parent(absl::StrCat("accounts/", holder));
    request.set_display_name("demo");
    request.set_request_id(absl::StrCat("demo-key-", holder, "-", absl::ToUnixSeconds(absl::Now())));
    dpb::CreateApiKeyResponse response;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("key ", holder), [&](grpc::ClientContext* c) {
      return admin.directory().CreateApiKey(c, request, &response);
    }));
    keys[holder] = response.secret();
    absl::StrAppend(&lines, holder, "=", response.secret(), "\n");
  }
  // All keys or none: a partial file would be read back as complete.
  RETURN_IF_ERROR(WriteSecretFile(keys_file, lines));
  return keys;
}

absl::StatusOr<std::map<std::string, std::string>> InstantiatePlan(DemoClient& school_admin,
                                                                   const std::string& school,
                                                                   const std::string& plan_id, int year,
                                                                   const std::string& number, Date issued) {
  tpb::InstantiatePlanTemplateRequest request;
  request.set_parent(absl::StrCat("schools/", school));
  request.set_template_("planTemplates/par-improvement");
  request.set_plan_id(plan_id);
  request.set_year(year);
  request.set_number(number);
  *request.mutable_issue_date() = issued;
  request.set_request_id(absl::StrCat("demo-plan-", school, "-", plan_id));
  tpb::Plan plan;
  RETURN_IF_ERROR(school_admin.Do(absl::StrCat("plan ", school, "/", plan_id), [&](grpc::ClientContext* c) {
    return school_admin.tasks().InstantiatePlanTemplate(c, request, &plan);
  }));
  tpb::ListTasksRequest list;
  list.set_parent(absl::StrCat("schools/", school, "/plans/", plan_id));
  list.set_page_size(200);
  tpb::ListTasksResponse tasks;
  RETURN_IF_ERROR(school_admin.Do(
      "list tasks", [&](grpc::ClientContext* c) { return school_admin.tasks().ListTasks(c, list, &tasks); }));
  std::map<std::string, std::string> by_code;
  for (const auto& t : tasks.tasks()) by_code[t.code()] = t.name();
  return by_code;
}

absl::Status Progress(DemoClient& who, const std::string& task, int percent, const std::string& note,
                      const std::string& doc_number = "", const std::string& doc_title = "") {
  tpb::AddProgressUpdateRequest request;
  request.set_parent(task);
  request.set_request_id(absl::StrCat("demo-progress-", task, "-", percent));
  auto* update = request.mutable_progress_update();
  update->set_percent_done(percent);
  update->set_note(note);
  if (!doc_number.empty()) {
    auto* evidence = update->add_evidence();
    evidence->set_document_number(doc_number);
    evidence->set_title(doc_title);
  }
  tpb::ProgressUpdate saved;
  return who.Do(absl::StrCat("progress ", task),
                [&](grpc::ClientContext* c) { return who.tasks().AddProgressUpdate(c, request, &saved); });
}

absl::Status LoadPlans(DemoClient& base, const std::map<std::string, std::string>& keys) {
  // Trường Mầm non 20/10: the seed plan of 2024, carried out.
  DemoClient mn2010 = base.As(keys.at("ht-mn-2010"));
  DemoClient teacher = base.As(keys.at("gv-mn-2010"));
  ASSIGN_OR_RETURN(auto plan2024,
                   InstantiatePlan(mn2010, "mn-2010", "par-2024", 2024, "13/KH-MN2010", D(2024, 1, 12)));
  const std::map<std::string, std::pair<std::string, std::string>> evidence = {
      {"1.1", {"13/KH-MN2010", "Kế hoạch thực hiện công tác cải cách hành chính năm 2024"}},
      {"1.2", {"30/KH-MN2010", "Kế hoạch tăng cường thông tin, tuyên truyền CCHC, văn hóa công sở năm 2024"}},
      {"1.5", {"45/TB-MN2010", "Thông báo tuyển sinh trực tuyến và thu học phí không dùng tiền mặt"}},
      {"1.7", {"BC-Q2/2024", "Báo cáo tỷ lệ sử dụng thư điện tử Thành phố quý II/2024"}},
      {"1.12", {"BC-SIPAS-2024", "Báo cáo kết quả khảo sát sự hài lòng của phụ huynh năm 2024"}},
  };
  for (const auto& [code, task] : plan2024) {
    if (code == "1.11") {
      RETURN_IF_ERROR(
          Progress(mn2010, task, 80, "Đang rà soát chỉ tiêu phát triển kinh tế - xã hội với Quận 1"));
      continue;
    }
    auto it = evidence.find(code);
    RETURN_IF_ERROR(
        Progress(code == "1.2" ? teacher : mn2010, task, 50, "Đã triển khai đến toàn thể CB-GV-NV"));
    RETURN_IF_ERROR(Progress(mn2010, task, 100, "Hoàn thành, đã báo cáo Phòng Nội vụ",
                             it == evidence.end() ? "" : it->second.first,
                             it == evidence.end() ? "" : it->second.second));
  }
  // 2026 plans for every school, at different stages.
  int index = 0;
  for (const DemoSchool& s : kSchools) {
    DemoClient admin = base.As(keys.at(absl::StrCat("ht-", s.id)));
    ASSIGN_OR_RETURN(auto plan, InstantiatePlan(admin, s.id, "par-2026", 2026,
                                                absl::StrCat(index + 3, "/KH-", s.code), D(2026, 1, 9)));
    int step = 0;
    for (const auto& [code, task] : plan) {
      int stage = (step++ + index) % 4;  // 0: untouched, 1: started, 2: well along, 3: done
      if (stage == 0) continue;
      int percent = stage == 1 ? 30 : stage == 2 ? 70 : 100;
      RETURN_IF_ERROR(Progress(admin, task, percent, stage == 3 ? "Hoàn thành" : "Đang thực hiện"));
    }
    ++index;
  }
  return absl::OkStatus();
}

// Each school's roster (a principal, civil-servant accountant, teachers,
// contract staff), its 2026 quota, and for Trường Mầm non 20/10 the 2024
// and 2025 yearly ratings (one teacher a downsizing candidate under
// 154/2025), a city e-mail usage report, a surprise discipline check and a
// downsizing record submitted to the ward.
absl::Status LoadStaffing(DemoClient& base, const std::map<std::string, std::string>& keys) {
  static const char* const kNames[] = {"Nguyễn Thị Thu Hà", "Trần Văn Bình",  "Lê Thị Mai",
                                       "Phạm Ngọc Lan",     "Hoàng Văn Đức",  "Võ Thị Kim Oanh",
                                       "Đặng Thị Hồng",     "Bùi Minh Tuấn",  "Huỳnh Thị Ngọc Ánh",
                                       "Ngô Thị Thanh Tâm", "Dương Văn Khoa", "Lý Thị Phương"};
  int index = 0;
  for (const DemoSchool& s : kSchools) {
    DemoClient admin = base.As(keys.at(absl::StrCat("ht-", s.id)));
    spb::ImportStaffRosterRequest roster;
    roster.set_parent(absl::StrCat("schools/", s.id));
    roster.set_request_id(absl::StrCat("demo-roster-", s.id));
    for (int i = 0; i < 12; ++i) {
      spb::RosterRow* row = roster.add_rows();
      row->set_staff_code(absl::StrCat(i == 0 ? "HT" : (i == 1 ? "KT" : (i >= 10 ? "NV" : "GV")), i + 1));
      row->set_display_name(kNames[(i + index) % 12]);
      row->set_position(i == 0 ? "Hiệu trưởng" : (i == 1 ? "Kế toán" : (i >= 10 ? "Bảo vệ" : "Giáo viên")));
      row->set_employment_type(
          i == 1 ? spb::EMPLOYMENT_TYPE_CIVIL_SERVANT
                 : (i >= 10 ? spb::EMPLOYMENT_TYPE_CONTRACT : spb::EMPLOYMENT_TYPE_PUBLIC_EMPLOYEE));
      row->set_budget_paid(i < 10);
      *row->mutable_start_date() = D(2010 + (i + index) % 12, 9, 1);
      if (i % 4 != 3)
        row->set_city_email(absl::StrCat(absl::AsciiStrToLower(s.code), ".nv", i + 1, "@tphcm.gov.vn"));
    }
    spb::ImportStaffRosterResponse imported;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("roster ", s.id), [&](grpc::ClientContext* c) {
      return admin.staffing().ImportStaffRoster(c, roster, &imported);
    }));
    spb::CreateStaffingQuotaRequest quota;
    quota.set_parent(absl::StrCat("schools/", s.id));
    quota.mutable_staffing_quota()->set_year(2026);
    quota.mutable_staffing_quota()->set_civil_servant_quota(1);
    quota.mutable_staffing_quota()->set_public_employee_quota(9);
    quota.mutable_staffing_quota()->set_contract_quota(2);
    quota.mutable_staffing_quota()->set_decision_number(absl::StrCat(150 + index, "/QĐ-UBND"));
    quota.set_request_id(absl::StrCat("demo-quota-", s.id));
    spb::StaffingQuota created_quota;
    RETURN_IF_ERROR(admin.Do(absl::StrCat("quota ", s.id), [&](grpc::ClientContext* c) {
      return admin.staffing().CreateStaffingQuota(c, quota, &created_quota);
    }));
    ++index;
  }

  DemoClient mn2010 = base.As(keys.at("ht-mn-2010"));
  auto rate = [&](const std::string& staff, int year, spb::RatingGrade grade) {
    spb::CreateRatingRequest r;
    r.set_parent(absl::StrCat("schools/mn-2010/staff/", staff));
    r.mutable_rating()->set_year(year);
    r.mutable_rating()->set_grade(grade);
    r.set_request_id(absl::StrCat("demo-rating-", staff, "-", year));
    spb::Rating rating;
    return mn2010.Do(absl::StrCat("rating ", staff),
                     [&](grpc::ClientContext* c) { return mn2010.staffing().CreateRating(c, r, &rating); });
  };
  for (int i = 1; i <= 12; ++i) {
    std::string staff =
        i == 1 ? "ht1" : (i == 2 ? "kt2" : (i >= 11 ? absl::StrCat("nv", i) : absl::StrCat("gv", i)));
    RETURN_IF_ERROR(rate(staff, 2024, i == 5 ? spb::RATING_GRADE_COMPLETED : spb::RATING_GRADE_GOOD));
    RETURN_IF_ERROR(rate(staff, 2025,
                         i == 5 ? spb::RATING_GRADE_NOT_COMPLETED
                                : (i % 3 == 0 ? spb::RATING_GRADE_EXCELLENT : spb::RATING_GRADE_GOOD)));
  }
  spb::ImportCityEmailUsageRequest usage;
  usage.set_parent("schools/mn-2010");
  *usage.mutable_report_date() = D(2026, 11, 30);
  usage.set_csv(
      "email,last_used_date\n"
      "mn2010.nv1@tphcm.gov.vn,2026-11-28\nmn2010.nv2@tphcm.gov.vn,2026-11-27\nmn2010.nv3@tphcm.gov.vn,2026-"
      "11-30\n"
      "mn2010.nv5@tphcm.gov.vn,2026-09-02\nmn2010.nv6@tphcm.gov.vn,2026-11-25\nmn2010.nv7@tphcm.gov.vn,\n");
  usage.set_request_id("demo-email-usage-mn-2010-2026-11");
  spb::ImportCityEmailUsageResponse used;
  RETURN_IF_ERROR(mn2010.Do("e-mail usage", [&](grpc::ClientContext* c) {
    return mn2010.staffing().ImportCityEmailUsage(c, usage, &used);
  }));
  spb::CreateDisciplineInspectionRequest inspection;
  inspection.set_parent("schools/mn-2010");
  auto* i = inspection.mutable_discipline_inspection();
  i->set_kind(spb::INSPECTION_KIND_SURPRISE);
  *i->mutable_inspection_date() = D(2026, 10, 14);
  i->set_scope("Giờ giấc làm việc, đeo thẻ công chức, viên chức, quy tắc ứng xử");
  i->add_inspectors("Hiệu trưởng");
  i->add_inspectors("Chủ tịch Công đoàn");
  i->set_staff_checked(12);
  auto* finding = i->add_findings();
  finding->set_staff("schools/mn-2010/staff/gv4");
  finding->set_description("Không đeo thẻ viên chức khi tiếp phụ huynh");
  finding->set_violation(true);
  finding->set_action("Nhắc nhở, cam kết khắc phục");
  *finding->mutable_action_due_date() = D(2026, 10, 21);
  *finding->mutable_action_done_date() = D(2026, 10, 16);
  i->set_conclusion("Tập thể chấp hành tốt; một trường hợp được nhắc nhở.");
  i->set_document_number("05/BB-MN2010");
  inspection.set_request_id("demo-inspection-mn-2010-2026-10");
  spb::DisciplineInspection recorded;
  RETURN_IF_ERROR(mn2010.Do("inspection", [&](grpc::ClientContext* c) {
    return mn2010.staffing().CreateDisciplineInspection(c, inspection, &recorded);
  }));
  // Staff voice: the people's inspection board, one of its meetings, and a
  // teacher's suggestion with the principal's answer.
  spb::UpdateInspectionBoardRequest board;
  board.mutable_inspection_board()->set_name("schools/mn-2010/inspectionBoard");
  for (auto [staff, role] : {std::pair{"gv6", spb::BOARD_ROLE_HEAD}, std::pair{"gv7", spb::BOARD_ROLE_DEPUTY},
                             std::pair{"nv11", spb::BOARD_ROLE_MEMBER}}) {
    auto* member = board.mutable_inspection_board()->add_members();
    member->set_staff(absl::StrCat("schools/mn-2010/staff/", staff));
    member->set_role(role);
  }
  *board.mutable_inspection_board()->mutable_term_start() = D(2024, 9, 1);
  *board.mutable_inspection_board()->mutable_term_end() = D(2026, 8, 31);
  board.mutable_inspection_board()->set_decision_number("21/QĐ-MN2010");
  board.set_request_id("demo-board-mn-2010");
  spb::InspectionBoard saved_board;
  RETURN_IF_ERROR(mn2010.Do("inspection board", [&](grpc::ClientContext* c) {
    return mn2010.staffing().UpdateInspectionBoard(c, board, &saved_board);
  }));
  spb::ListBoardMeetingsRequest meetings_request;
  meetings_request.set_parent("schools/mn-2010");
  spb::ListBoardMeetingsResponse meetings;
  RETURN_IF_ERROR(mn2010.Do("board meetings", [&](grpc::ClientContext* c) {
    return mn2010.staffing().ListBoardMeetings(c, meetings_request, &meetings);
  }));
  if (meetings.board_meetings_size() == 0) {
    spb::CreateBoardMeetingRequest meeting;
    meeting.set_parent("schools/mn-2010");
    *meeting.mutable_board_meeting()->mutable_meeting_date() = D(2026, 10, 20);
    meeting.mutable_board_meeting()->set_minutes(
        "Giám sát việc thực hiện quy chế dân chủ và công khai các khoản thu đầu năm học 2026-2027.");
    meeting.mutable_board_meeting()->add_attendees("schools/mn-2010/staff/gv6");
    meeting.mutable_board_meeting()->add_attendees("schools/mn-2010/staff/gv7");
    auto* recommendation = meeting.mutable_board_meeting()->add_recommendations();
    recommendation->set_content("Niêm yết công khai các khoản thu và biên lai thu không dùng tiền mặt");
    *recommendation->mutable_due_date() = D(2026, 10, 31);
    recommendation->set_response("Đã niêm yết tại bảng tin và trên trang thông tin điện tử của trường");
    *recommendation->mutable_resolved_date() = D(2026, 10, 27);
    meeting.set_request_id("demo-board-meeting-mn-2010-2026-10");
    spb::BoardMeeting held;
    RETURN_IF_ERROR(mn2010.Do("board meeting", [&](grpc::ClientContext* c) {
      return mn2010.staffing().CreateBoardMeeting(c, meeting, &held);
    }));
    DemoClient teacher = base.As(keys.at("gv-mn-2010"));
    spb::CreateStaffSuggestionRequest suggestion;
    suggestion.set_parent("schools/mn-2010");
    suggestion.mutable_staff_suggestion()->set_topic("Quy chế chi tiêu nội bộ");
    suggestion.mutable_staff_suggestion()->set_content(
        "Đề nghị bổ sung mức hỗ trợ cho giáo viên dạy tăng tiết khi đồng nghiệp nghỉ thai sản.");
    suggestion.set_request_id("demo-suggestion-mn-2010-1");
    spb::StaffSuggestion sent;
    RETURN_IF_ERROR(teacher.Do("suggestion", [&](grpc::ClientContext* c) {
      return teacher.staffing().CreateStaffSuggestion(c, suggestion, &sent);
    }));
    spb::AnswerStaffSuggestionRequest answer;
    answer.set_name(sent.name());
    answer.set_answer(
        "Nhà trường sẽ đưa nội dung này vào dự thảo quy chế chi tiêu nội bộ năm 2027 để lấy ý kiến.");
    answer.set_request_id("demo-suggestion-answer-mn-2010-1");
    spb::StaffSuggestion answered;
    RETURN_IF_ERROR(mn2010.Do("answer", [&](grpc::ClientContext* c) {
      return mn2010.staffing().AnswerStaffSuggestion(c, answer, &answered);
    }));
  }
  // A voluntary early retirement under 154/2025, submitted to the ward.
  spb::ListDownsizingRecordsRequest existing;
  existing.set_parent("schools/mn-2010");
  spb::ListDownsizingRecordsResponse records;
  RETURN_IF_ERROR(mn2010.Do("records", [&](grpc::ClientContext* c) {
    return mn2010.staffing().ListDownsizingRecords(c, existing, &records);
  }));
  if (records.downsizing_records_size() > 0) return absl::OkStatus();  // loaded before
  spb::CreateDownsizingRecordRequest propose;
  propose.set_parent("schools/mn-2010");
  auto* r = propose.mutable_downsizing_record();
  r->set_staff("schools/mn-2010/staff/gv9");
  r->set_decree("154/2025/ND-CP");
  r->set_category("nd154-voluntary");
  r->set_policy("nd154-severance");
  *r->mutable_proposed_date() = D(2026, 11, 3);
  r->set_volunteered(true);
  propose.set_request_id("demo-downsizing-mn-2010-gv9");
  spb::DownsizingRecord record;
  RETURN_IF_ERROR(mn2010.Do("downsizing record", [&](grpc::ClientContext* c) {
    return mn2010.staffing().CreateDownsizingRecord(c, propose, &record);
  }));
  spb::SubmitDownsizingRecordRequest submit;
  submit.set_name(record.name());
  submit.set_submission_number("52/TTr-MN2010");
  *submit.mutable_submission_date() = D(2026, 11, 10);
  submit.set_request_id("demo-downsizing-submit-mn-2010-gv9");
  return mn2010.Do("submit record", [&](grpc::ClientContext* c) {
    return mn2010.staffing().SubmitDownsizingRecord(c, submit, &record);
  });
}

absl::Status PublishDirective(DemoClient& base, const std::map<std::string, std::string>& keys) {
  DemoClient ward = base.As(keys.at("can-bo-ben-thanh"));
  gateway::v1::PublishDirectiveRequest request;
  request.set_parent("authorities/p-ben-thanh");
  request.set_directive_id("cv-215-2026");
  request.set_request_id("demo-directive-cv-215-2026");
  auto* d = request.mutable_directive();
  d->set_number("215/UBND-VP");
  d->set_title("Đẩy mạnh khảo sát sự hài lòng của người dân (SIPAS) năm 2026 tại các trường học");
  d->set_description(
      "Các trường tuyên truyền đến phụ huynh, tổ chức khảo sát và báo cáo kết quả về UBND phường.");
  *d->mutable_issue_date() = D(2026, 9, 15);
  *d->mutable_due_date() = D(2026, 12, 15);
  d->set_par_field("tac_dong");
  tpb::Directive directive;
  RETURN_IF_ERROR(ward.Do("directive", [&](grpc::ClientContext* c) {
    return ward.gateway().PublishDirective(c, request, &directive);
  }));
  // Trường Mầm non 20/10 has already surveyed its parents.
  DemoClient mn2010 = base.As(keys.at("ht-mn-2010"));
  tpb::ListTasksRequest list;
  list.set_parent("schools/mn-2010/plans/cd-2026");
  tpb::ListTasksResponse tasks;
  RETURN_IF_ERROR(mn2010.Do(
      "directive task", [&](grpc::ClientContext* c) { return mn2010.tasks().ListTasks(c, list, &tasks); }));
  for (const auto& task : tasks.tasks()) {
    if (task.directive() == directive.name()) {
      RETURN_IF_ERROR(Progress(mn2010, task.name(), 100,
                               "Đã khảo sát 186/210 phụ huynh, gửi báo cáo về UBND phường", "BC-SIPAS-2026",
                               "Báo cáo kết quả khảo sát SIPAS năm 2026"));
    }
  }
  return absl::OkStatus();
}

absl::Status Load() {
  const std::string key_file = absl::GetFlag(FLAGS_admin_key_file);
  if (key_file.empty()) return absl::InvalidArgumentError("--admin_key_file is required");
  if (absl::GetFlag(FLAGS_keys_out).empty()) return absl::InvalidArgumentError("--keys_out is required");
  ASSIGN_OR_RETURN(std::string admin_key, ReadKeyFile(key_file));
  if (admin_key.empty()) return absl::InvalidArgumentError(absl::StrCat(key_file, " is empty"));
  auto channel = grpc::CreateChannel(absl::GetFlag(FLAGS_gateway), grpc::InsecureChannelCredentials());
  DemoClient admin(channel, admin_key);
  std::cout << "Nạp dữ liệu mẫu: cơ quan quản lý, trường, tài khoản…" << std::endl;
  RETURN_IF_ERROR(CreateAuthorities(admin));
  RETURN_IF_ERROR(CreateSchools(admin));
  ASSIGN_OR_RETURN(auto keys, CreateAccountsAndKeys(admin, absl::GetFlag(FLAGS_keys_out)));
  std::cout << "Nạp kế hoạch và tiến độ…" << std::endl;
  RETURN_IF_ERROR(LoadPlans(admin, keys));
  RETURN_IF_ERROR(PublishDirective(admin, keys));
  std::cout << "Nạp nhân sự, đánh giá, tinh giản biên chế…" << std::endl;
  RETURN_IF_ERROR(LoadStaffing(admin, keys));
  std::cout << "Xong. Khoá API của các tài khoản mẫu: " << absl::GetFlag(FLAGS_keys_out) << std::endl;
  return absl::OkStatus();
}

}  // namespace
}  // namespace parhub::demo

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::Status status = parhub::demo::Load();
  if (!status.ok()) {
    std::cerr << "Nạp dữ liệu mẫu thất bại (demo load failed): " << status << std::endl;
    return 1;
  }
  return 0;
}
