// parhub-demo-loader: fills a fresh parhub with illustrative data through
// the gateway, exactly as users would: District 1 (2024) and the four wards
// that replaced it on 1/7/2025, seven of its public schools moved to those
// wards, accounts with API keys, Trường Mầm non 20/10's 2024 plan from the
// seed with its progress and evidence, 2026 plans for every school, and a
// ward directive, and staff records: rosters, quotas, ratings, a city e-mail
// report, a surprise discipline check, a submitted downsizing record, the
// people's inspection board with a meeting, and a suggestion with its answer;
// and complaints-desk cases of every school in 2024-2026: feedback,
// complaints (one taken to the ward, one withdrawn, one not accepted),
// denunciations and primary-school transfer dossiers, resolved early, on
// time and late, some still open; and every school's finance for 2026-2027:
// its bank account, fee items within the city's caps, a class list,
// invoices for December and January, cash payments, a bank statement
// (siblings paid by one transfer, an overpayment, a part payment, lines
// left unmatched) and a transfer pushed by the bank; and reporting (see
// demo_reporting.cc): the 2023 official PAR results, 2024 self-assessments
// appraised or returned by the ward, a parents' SIPAS survey answered
// through the public API and the quarterly CCHC reports of 2024-2026.
// Every mutation carries a fixed request_id, so running it
// again changes nothing. School-to-ward assignments are illustrative.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "platform/core/status_macros.h"
#include "platform/core/vntext.h"
#include "tools/demo/demo_client.h"
#include "tools/demo/demo_reporting.h"

ABSL_FLAG(std::string, gateway, "127.0.0.1:50050", "gateway host:port");
ABSL_FLAG(std::string, admin_key_file, "", "file holding the bootstrap admin API key");
ABSL_FLAG(std::string, keys_out, "", "file that keeps the demo accounts' API keys (created once, mode 0600)");

namespace parhub::demo {
namespace {

using common::v1::Date;
namespace dpb = directory::v1;
namespace tpb = tasks::v1;
namespace spb = staffing::v1;
namespace cpb = complaints::v1;
namespace fpb = finance::v1;

Date D(int y, int m, int d) {
  Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

// The day the wards replaced District 1 as the schools' authority.
Date WardsFrom() { return D(2025, 7, 1); }

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
    *move.mutable_effective_date() = WardsFrom();
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

// `done_on` (unset: today) back-dates the work, as a school entering
// last year's evidence would.
absl::Status Progress(DemoClient& who, const std::string& task, int percent, const std::string& note,
                      const std::string& doc_number = "", const std::string& doc_title = "",
                      Date done_on = {}) {
  tpb::AddProgressUpdateRequest request;
  request.set_parent(task);
  request.set_request_id(absl::StrCat("demo-progress-", task, "-", percent));
  auto* update = request.mutable_progress_update();
  update->set_percent_done(percent);
  update->set_note(note);
  if (done_on.year() != 0) *update->mutable_done_on() = done_on;
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
  // When the 2024 work was actually done (halfway, finished), entered with
  // its evidence afterwards: every task on time against its due date
  // (docs/api/tasks.md, template par-improvement) except 1.10, whose
  // cashless bookkeeping was finished in January 2025 — done late.
  const std::map<std::string, std::pair<Date, Date>> done_on = {
      {"1.1", {D(2024, 3, 8), D(2024, 6, 5)}},    {"1.2", {D(2024, 4, 10), D(2024, 12, 20)}},
      {"1.3", {D(2024, 5, 6), D(2024, 12, 16)}},  {"1.4", {D(2024, 6, 3), D(2024, 12, 18)}},
      {"1.5", {D(2024, 4, 22), D(2024, 11, 29)}}, {"1.6", {D(2024, 3, 20), D(2024, 6, 7)}},
      {"1.7", {D(2024, 4, 1), D(2024, 6, 28)}},   {"1.8", {D(2024, 5, 15), D(2024, 12, 10)}},
      {"1.9", {D(2024, 2, 5), D(2024, 3, 12)}},   {"1.10", {D(2024, 6, 17), D(2025, 1, 8)}},
      {"1.12", {D(2024, 7, 8), D(2024, 9, 25)}},
  };
  for (const auto& [code, task] : plan2024) {
    if (code == "1.11") {
      RETURN_IF_ERROR(Progress(mn2010, task, 80,
                               "Đang rà soát chỉ tiêu phát triển kinh tế - xã hội với Quận 1", "", "",
                               D(2024, 11, 20)));
      continue;
    }
    auto it = evidence.find(code);
    const auto& [half, done] = done_on.at(code);
    RETURN_IF_ERROR(Progress(code == "1.2" ? teacher : mn2010, task, 50,
                             "Đã triển khai đến toàn thể CB-GV-NV", "", "", half));
    RETURN_IF_ERROR(Progress(mn2010, task, 100, "Hoàn thành, đã báo cáo Phòng Nội vụ",
                             it == evidence.end() ? "" : it->second.first,
                             it == evidence.end() ? "" : it->second.second, done));
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

// ---- complaints ----

// The primary-school transfer procedure ("Chuyển trường đối với học sinh
// tiểu học", code 1.005099 on the national public-service portal): the
// receiving school answers within 03 working days (Thông tư 28/2020/TT-BGDĐT,
// Điều lệ trường tiểu học, Điều 36).
constexpr char kTransferProcedure[] = "Chuyển trường đối với học sinh tiểu học";
constexpr char kTransferCode[] = "1.005099";
constexpr int kTransferDays = 3;

absl::CivilDay Civil(const Date& d) { return absl::CivilDay(d.year(), d.month(), d.day()); }

Date FromCivil(absl::CivilDay day) { return D(static_cast<int>(day.year()), day.month(), day.day()); }

const DemoSchool* SchoolById(const std::string& id) {
  for (const DemoSchool& s : kSchools) {
    if (id == s.id) return &s;
  }
  return nullptr;
}

// The authority a school answered to on `day`: UBND Quận 1 until the wards
// took over, its ward since (the move CreateSchools records).
std::string AuthorityOf(const DemoSchool& s, const Date& day) {
  return absl::StrCat("authorities/", Civil(day) < Civil(WardsFrom()) ? "q1" : s.ward);
}

// The complaints service's working days (its holiday calendars: Monday to
// Friday minus the days off plus the makeup Saturdays), to place a demo
// resolution some working days before or after the due date the service
// computed.
class WorkDays final {
 public:
  static absl::StatusOr<WorkDays> Load(DemoClient& client, int first_year, int last_year) {
    WorkDays out;
    for (int year = first_year; year <= last_year; ++year) {
      cpb::GetHolidayCalendarRequest request;
      request.set_year(year);
      refdata::v1::HolidayCalendar calendar;
      RETURN_IF_ERROR(client.Do(absl::StrCat("holiday calendar ", year), [&](grpc::ClientContext* c) {
        return client.complaints().GetHolidayCalendar(c, request, &calendar);
      }));
      for (const auto& off : calendar.days_off()) out.off_.insert(Civil(off.date()));
      for (const auto& makeup : calendar.makeup_working_days()) out.makeup_.insert(Civil(makeup.date()));
    }
    return out;
  }

  // `n` working days after `day`, or before it when n < 0.
  Date Shift(const Date& day, int n) const {
    absl::CivilDay d = Civil(day);
    const int step = n < 0 ? -1 : 1;
    for (int left = n < 0 ? -n : n; left > 0;) {
      d += step;
      if (Working(d)) --left;
    }
    return FromCivil(d);
  }

 private:
  bool Working(absl::CivilDay day) const {
    if (makeup_.count(day) > 0) return true;
    if (off_.count(day) > 0) return false;
    const absl::Weekday w = absl::GetWeekday(day);
    return w != absl::Weekday::saturday && w != absl::Weekday::sunday;
  }

  std::set<absl::CivilDay> off_, makeup_;
};

// How a demo case ends.
enum class Ending {
  kOpen,         // still being handled
  kEarly,        // resolved `shift` working days before its due date
  kOnTime,       // resolved on its due date
  kLate,         // resolved `shift` working days after it (a dossier's apology letter first)
  kWithdrawn,    // withdrawn by the filer (the service dates it on the day of the load)
  kNotAccepted,  // not accepted for the legal reason in `answer` (dated likewise)
};

// One case as a school's office registers and handles it. Due dates are the
// service's; the table only says how the case ends relative to them.
struct DemoCase {
  const char* key;  // stable: every request id of the case derives from it
  const char* school;
  cpb::CaseType type;
  cpb::Channel channel;
  Date received;
  const char* subject;  // dossiers: kTransferProcedure
  const char* content;
  const char* filer = "";  // empty: anonymous feedback
  const char* phone = "";
  const char* email = "";
  const char* address = "";
  Date decision = Date();  // complaints: the day the filer received the decision
  Date accepted = Date();  // complaints, denunciations: thụ lý (unset: not yet)
  const char* acceptance_document = "";
  cpb::Complexity complexity = cpb::COMPLEXITY_UNSPECIFIED;  // declared at acceptance
  const char* assignee = "";
  int extension_days = 0;  // one extension, in the policy's day kind
  const char* extension_reason = "";
  const char* extension_document = "";
  const char* note = "";  // an internal note
  Ending ending = Ending::kOpen;
  int shift = 0;
  cpb::Outcome outcome = cpb::OUTCOME_UNSPECIFIED;
  const char* answer = "";          // public summary; the reason when withdrawn or not accepted
  const char* document = "";        // answer, decision or notice number
  const char* apology_reason = "";  // late dossiers
  const char* apology_document = "";
  int escalate_after = 0;  // complaints: working days after the decision the filer goes to round two
  const char* escalation_reason = "";
};

// 2024-2026 cases of every demo school: feedback, procedure feedback,
// first-round complaints, denunciations and primary-school transfer
// dossiers, resolved early, on time and late, across both Tết holidays
// (27-31/1/2025 and 16-20/2/2026) and the three policy eras; one complaint
// taken to the ward, one withdrawn, one not accepted, and a few open in
// early December 2026 (overdue, due within 3 working days, within deadline).
std::vector<DemoCase> DemoCases() {
  using cpb::CASE_TYPE_COMPLAINT;
  using cpb::CASE_TYPE_DENUNCIATION;
  using cpb::CASE_TYPE_FEEDBACK;
  using cpb::CASE_TYPE_PROCEDURE_DOSSIER;
  using cpb::CASE_TYPE_PROCEDURE_FEEDBACK;
  return {
      // ---- Trường Mầm non 20/10 ----
      {.key = "mn2010-gop-y-2024",
       .school = "mn-2010",
       .type = CASE_TYPE_FEEDBACK,
       .channel = cpb::CHANNEL_SUGGESTION_BOX,
       .received = D(2024, 3, 11),
       .subject = "Đề nghị công khai thực đơn hằng tuần của trẻ",
       .content =
           "Phụ huynh lớp Chồi 2 đề nghị nhà trường công khai thực đơn bữa ăn bán trú hằng tuần để gia "
           "đình sắp xếp bữa tối cho trẻ phù hợp.",
       .ending = Ending::kEarly,
       .shift = 5,
       .outcome = cpb::OUTCOME_ANSWERED,
       .answer = "Từ tuần này, nhà trường niêm yết thực đơn hằng tuần tại bảng tin, cửa mỗi lớp và gửi qua "
                 "nhóm Zalo của lớp.",
       .document = "05/TL-MN2010"},
      {.key = "mn2010-phan-anh-2025",
       .school = "mn-2010",
       .type = CASE_TYPE_FEEDBACK,
       .channel = cpb::CHANNEL_PHONE,
       .received = D(2025, 9, 15),
       .subject = "Phản ánh ùn tắc trước cổng trường giờ đón trẻ",
       .content =
           "Giờ đón trẻ buổi chiều (16 giờ 30 đến 17 giờ 15), xe máy của phụ huynh đậu tràn xuống lòng "
           "đường trước cổng trường, gây ùn tắc và mất an toàn cho trẻ.",
       .filer = "Trần Thị Ngọc Hân",
       .phone = "0903 415 276",
       .address = "Phường Bến Thành, TP. Hồ Chí Minh",
       .extension_days = 10,
       .extension_reason =
           "Cần phối hợp Công an phường Bến Thành khảo sát, bố trí phân luồng và chia giờ đón trẻ",
       .extension_document = "18/QĐ-MN2010",
       .ending = Ending::kOnTime,
       .outcome = cpb::OUTCOME_ANSWERED,
       .answer = "Từ ngày 20/10/2025, nhà trường chia hai khung giờ đón trẻ theo khối lớp; Công an phường bố "
                 "trí lực lượng hỗ trợ phân luồng trước cổng trường vào giờ cao điểm.",
       .document = "41/TL-MN2010"},
      {.key = "mn2010-khieu-nai-2026",
       .school = "mn-2010",
       .type = CASE_TYPE_COMPLAINT,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2026, 9, 21),
       .subject = "Khiếu nại khoản thu tiền trang thiết bị bán trú năm học 2026-2027",
       .content = "Thông báo các khoản thu năm học 2026-2027 ngày 07/9/2026 yêu cầu mọi trẻ nộp tiền trang "
                  "thiết bị bán trú, kể cả trẻ đã nộp khoản này khi nhập học năm trước. Đề nghị nhà trường "
                  "xem xét lại và hoàn trả cho các trẻ đã nộp.",
       .filer = "Lê Hoàng Nam",
       .phone = "0918 207 634",
       .address = "Đường Nguyễn Trãi, Phường Bến Thành, TP. Hồ Chí Minh",
       .decision = D(2026, 9, 7),
       .accepted = D(2026, 9, 25),
       .acceptance_document = "12/TB-MN2010",
       .ending = Ending::kLate,
       .shift = 3,
       .outcome = cpb::OUTCOME_PARTLY_UPHELD,
       .answer = "Khiếu nại đúng một phần: trẻ đã nộp tiền trang thiết bị bán trú năm học 2025-2026 không "
                 "phải nộp lại, nhà trường hoàn trả trong tháng 11/2026; khoản thu đối với trẻ mới nhập học "
                 "giữ nguyên theo thỏa thuận với cha mẹ trẻ.",
       .document = "32/QĐ-MN2010"},
      // ---- Trường Mầm non Bến Thành ----
      {.key = "mnbt-pakn-2024",
       .school = "mn-ben-thanh",
       .type = CASE_TYPE_PROCEDURE_FEEDBACK,
       .channel = cpb::CHANNEL_PUBLIC_SERVICE_PORTAL,
       .received = D(2024, 8, 19),
       .subject = "Phản ánh yêu cầu bản sao giấy khai sinh có chứng thực trong hồ sơ nhập học",
       .content = "Khi nộp hồ sơ nhập học cho con, nhà trường yêu cầu bản sao giấy khai sinh có chứng thực, "
                  "dù thông tin của trẻ đã có trong Cơ sở dữ liệu quốc gia về dân cư.",
       .filer = "Phạm Minh Khoa",
       .phone = "0909 318 552",
       .email = "pmkhoa@example.com",
       .ending = Ending::kOnTime,
       .outcome = cpb::OUTCOME_ANSWERED,
       .answer = "Nhà trường tiếp thu: hồ sơ nhập học nhận bản sao giấy khai sinh không cần chứng thực hoặc "
                 "thông tin trên ứng dụng VNeID; nhà trường đối chiếu với Cơ sở dữ liệu quốc gia về dân cư.",
       .document = "27/TL-MNBT"},
      {.key = "mnbt-gop-y-2026-tet",
       .school = "mn-ben-thanh",
       .type = CASE_TYPE_FEEDBACK,
       .channel = cpb::CHANNEL_EMAIL,
       .received = D(2026, 2, 12),
       .subject = "Đề nghị trừ tiền ăn bán trú những ngày trẻ nghỉ Tết",
       .content = "Gia đình cho trẻ nghỉ từ ngày 12/02/2026 để về quê ăn Tết. Đề nghị nhà trường trừ tiền ăn "
                  "những ngày trẻ nghỉ vào khoản thu tháng sau.",
       .filer = "Võ Thị Thanh Trúc",
       .email = "thanhtruc.vo@example.com",
       .ending = Ending::kEarly,
       .shift = 10,
       .outcome = cpb::OUTCOME_ANSWERED,
       .answer =
           "Tiền ăn những ngày trẻ nghỉ có báo trước được trừ vào khoản thu tháng 3/2026; nhà trường đã "
           "thông báo cách tính đến cha mẹ trẻ các lớp.",
       .document = "09/TL-MNBT"},
      {.key = "mnbt-phan-anh-2026",
       .school = "mn-ben-thanh",
       .type = CASE_TYPE_FEEDBACK,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2026, 11, 17),
       .subject = "Phản ánh cầu trượt ở sân chơi bị nứt",
       .content = "Cầu trượt bằng nhựa ở sân chơi khu A có vết nứt ở mép máng trượt, có thể làm trẻ bị "
                  "thương. Đề nghị nhà trường kiểm tra, sửa chữa.",
       .filer = "Nguyễn Quốc Bảo",
       .phone = "0937 640 218",
       .note = "Đã rào tạm khu cầu trượt; chờ đơn vị cung cấp thay máng trượt mới."},
      // ---- Trường Tiểu học Nguyễn Bỉnh Khiêm ----
      {.key = "thnbk-chuyen-truong-2024",
       .school = "th-nguyen-binh-khiem",
       .type = CASE_TYPE_PROCEDURE_DOSSIER,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2024, 8, 12),
       .subject = kTransferProcedure,
       .content = "Đơn xin học chuyển trường cho con vào lớp 3 năm học 2024-2025, từ một trường tiểu học ở "
                  "quận Bình Tân, do gia đình chuyển nơi ở về Quận 1.",
       .filer = "Nguyễn Văn Thành",
       .phone = "0908 552 019",
       .address = "Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
       .ending = Ending::kEarly,
       .shift = 1,
       .outcome = cpb::OUTCOME_GRANTED,
       .answer = "Nhà trường đồng ý tiếp nhận, xếp học sinh vào lớp 3/2 năm học 2024-2025.",
       .document = "45/TB-THNBK"},
      {.key = "thnbk-chuyen-truong-2025",
       .school = "th-nguyen-binh-khiem",
       .type = CASE_TYPE_PROCEDURE_DOSSIER,
       .channel = cpb::CHANNEL_PUBLIC_SERVICE_PORTAL,
       .received = D(2025, 8, 18),
       .subject = kTransferProcedure,
       .content = "Đơn xin học chuyển trường cho con vào lớp 2 năm học 2025-2026, từ một trường tiểu học ở "
                  "tỉnh Đồng Nai, nộp trên Cổng dịch vụ công.",
       .filer = "Trần Thị Mỹ Linh",
       .phone = "0912 774 305",
       .address = "Phường Sài Gòn, TP. Hồ Chí Minh",
       .ending = Ending::kLate,
       .shift = 2,
       .outcome = cpb::OUTCOME_GRANTED,
       .answer = "Nhà trường đồng ý tiếp nhận, xếp học sinh vào lớp 2/4 năm học 2025-2026.",
       .document = "52/TB-THNBK",
       .apology_reason = "Chờ trường nơi chuyển đi xác nhận kết quả học tập trên hệ thống học bạ số",
       .apology_document = "03/PXL-THNBK"},
      {.key = "thnbk-chuyen-truong-2026",
       .school = "th-nguyen-binh-khiem",
       .type = CASE_TYPE_PROCEDURE_DOSSIER,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2026, 8, 17),
       .subject = kTransferProcedure,
       .content = "Đơn xin học chuyển trường cho con vào lớp 4 năm học 2026-2027, từ một trường tiểu học ở "
                  "Phường Bình Thạnh, do gia đình chuyển nơi ở.",
       .filer = "Lâm Thị Thu Thảo",
       .phone = "0976 213 840",
       .address = "Phường Sài Gòn, TP. Hồ Chí Minh",
       .ending = Ending::kOnTime,
       .outcome = cpb::OUTCOME_GRANTED,
       .answer = "Nhà trường đồng ý tiếp nhận, xếp học sinh vào lớp 4/1 năm học 2026-2027.",
       .document = "48/TB-THNBK"},
      {.key = "thnbk-phan-anh-2026",
       .school = "th-nguyen-binh-khiem",
       .type = CASE_TYPE_FEEDBACK,
       .channel = cpb::CHANNEL_PHONE,
       .received = D(2026, 10, 20),
       .subject = "Phản ánh nhà vệ sinh học sinh dãy B xuống cấp",
       .content =
           "Nhà vệ sinh học sinh tầng 2 dãy B bị hỏng vòi nước, thường xuyên có mùi hôi; học sinh lớp 2 "
           "phải sang dãy A để đi vệ sinh.",
       .filer = "Đỗ Minh Trí",
       .phone = "0938 106 472",
       .assignee = "accounts/ht-th-nguyen-binh-khiem",
       .note = "Đã đề nghị UBND Phường Sài Gòn bố trí kinh phí sửa chữa; đang chờ phê duyệt."},
      {.key = "thnbk-khieu-nai-2026-rut",
       .school = "th-nguyen-binh-khiem",
       .type = CASE_TYPE_COMPLAINT,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2026, 11, 5),
       .subject = "Khiếu nại việc không xếp học sinh vào lớp bán trú",
       .content =
           "Ngày 30/10/2026 nhà trường thông báo không xếp con tôi (lớp 1) vào lớp bán trú vì đã đủ sĩ "
           "số. Gia đình đi làm cả ngày, không có người đón buổi trưa; đề nghị nhà trường xem xét lại.",
       .filer = "Huỳnh Thanh Phong",
       .phone = "0903 884 127",
       .address = "Phường Sài Gòn, TP. Hồ Chí Minh",
       .decision = D(2026, 10, 30),
       .accepted = D(2026, 11, 9),
       .acceptance_document = "15/TB-THNBK",
       .ending = Ending::kWithdrawn,
       .answer =
           "Người khiếu nại có đơn rút khiếu nại sau khi nhà trường bố trí được chỗ bán trú cho học sinh "
           "từ ngày 01/12/2026."},
      // ---- Trường Tiểu học Kết Đoàn ----
      {.key = "thkd-khieu-nai-2024",
       .school = "th-ket-doan",
       .type = CASE_TYPE_COMPLAINT,
       .channel = cpb::CHANNEL_MAIL,
       .received = D(2024, 6, 3),
       .subject = "Khiếu nại việc không khen thưởng học sinh cuối năm học 2023-2024",
       .content =
           "Con tôi (lớp 5) có kết quả học tập tốt nhưng không có tên trong danh sách khen thưởng danh "
           "hiệu Học sinh Xuất sắc cuối năm học 2023-2024 công bố ngày 27/5/2024. Đề nghị nhà trường xem "
           "xét lại.",
       .filer = "Ngô Thị Bích Ngọc",
       .phone = "0913 520 684",
       .address = "Phường Tân Định, Quận 1, TP. Hồ Chí Minh",
       .decision = D(2024, 5, 27),
       .accepted = D(2024, 6, 7),
       .acceptance_document = "08/TB-THKD",
       .ending = Ending::kEarly,
       .shift = 6,
       .outcome = cpb::OUTCOME_NOT_UPHELD,
       .answer =
           "Khiếu nại không đúng: việc khen thưởng thực hiện theo Thông tư 27/2020/TT-BGDĐT và biên bản "
           "xét của Hội đồng khen thưởng; học sinh chưa đạt mức Hoàn thành tốt ở một môn học nên không "
           "đủ điều kiện khen thưởng danh hiệu Học sinh Xuất sắc. Nhà trường đã mời phụ huynh làm việc và "
           "giải thích.",
       .document = "21/QĐ-THKD"},
      {.key = "thkd-chuyen-truong-2025-tet",
       .school = "th-ket-doan",
       .type = CASE_TYPE_PROCEDURE_DOSSIER,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2025, 1, 24),
       .subject = kTransferProcedure,
       .content = "Đơn xin học chuyển trường cho con vào lớp 3 từ học kỳ II năm học 2024-2025, nộp ngày "
                  "24/01/2025 trước kỳ nghỉ Tết Ất Tỵ.",
       .filer = "Bùi Văn Lộc",
       .phone = "0987 305 216",
       .address = "Phường Tân Định, Quận 1, TP. Hồ Chí Minh",
       .ending = Ending::kOnTime,
       .outcome = cpb::OUTCOME_GRANTED,
       .answer = "Nhà trường đồng ý tiếp nhận; học sinh vào học lớp 3/3 sau kỳ nghỉ Tết.",
       .document = "19/TB-THKD"},
      {.key = "thkd-chuyen-truong-2026-tu-choi",
       .school = "th-ket-doan",
       .type = CASE_TYPE_PROCEDURE_DOSSIER,
       .channel = cpb::CHANNEL_PUBLIC_SERVICE_PORTAL,
       .received = D(2026, 3, 9),
       .subject = kTransferProcedure,
       .content = "Đơn xin học chuyển trường cho con vào lớp 5 từ tháng 3/2026, nộp trên Cổng dịch vụ công.",
       .filer = "Đặng Quốc Việt",
       .phone = "0935 871 402",
       .address = "Phường Tân Định, TP. Hồ Chí Minh",
       .ending = Ending::kOnTime,
       .outcome = cpb::OUTCOME_REFUSED,
       .answer = "Nhà trường không tiếp nhận: các lớp 5 đã đủ 35 học sinh/lớp theo Điều lệ trường tiểu học "
                 "(Thông tư 28/2020/TT-BGDĐT); đã hướng dẫn gia đình liên hệ trường tiểu học khác trên địa "
                 "bàn phường còn chỗ.",
       .document = "33/TB-THKD"},
      {.key = "thkd-chuyen-truong-2026",
       .school = "th-ket-doan",
       .type = CASE_TYPE_PROCEDURE_DOSSIER,
       .channel = cpb::CHANNEL_PUBLIC_SERVICE_PORTAL,
       .received = D(2026, 11, 25),
       .subject = kTransferProcedure,
       .content = "Đơn xin học chuyển trường cho con vào lớp 2, từ một trường tiểu học ở tỉnh Tây Ninh, nộp "
                  "trên Cổng dịch vụ công.",
       .filer = "Phan Thị Hồng Nhung",
       .phone = "0962 418 307",
       .address = "Phường Tân Định, TP. Hồ Chí Minh",
       .note =
           "Trường nơi chuyển đi chưa xác nhận học bạ số; cần gửi văn bản xin lỗi và hẹn lại ngày trả kết "
           "quả."},
      // ---- Trường THCS Văn Lang ----
      {.key = "thcsvl-khieu-nai-2024",
       .school = "thcs-van-lang",
       .type = CASE_TYPE_COMPLAINT,
       .channel = cpb::CHANNEL_MAIL,
       .received = D(2024, 9, 16),
       .subject = "Khiếu nại khoản thu học tiếng Anh với giáo viên nước ngoài",
       .content = "Thông báo thu đầu năm học 2024-2025 ngày 09/9/2024 tính tiền học tiếng Anh với giáo viên "
                  "nước ngoài cho tất cả học sinh lớp 6, trong khi nhiều gia đình không đăng ký. Đề nghị nhà "
                  "trường chỉ thu đối với học sinh có đơn đăng ký tự nguyện.",
       .filer = "Lý Minh Tuấn",
       .phone = "0919 662 031",
       .address = "Phường Cầu Ông Lãnh, Quận 1, TP. Hồ Chí Minh",
       .decision = D(2024, 9, 9),
       .accepted = D(2024, 9, 20),
       .acceptance_document = "10/TB-THCSVL",
       .complexity = cpb::COMPLEXITY_COMPLEX,
       .ending = Ending::kLate,
       .shift = 2,
       .outcome = cpb::OUTCOME_PARTLY_UPHELD,
       .answer =
           "Khiếu nại đúng một phần: chương trình là tự nguyện; nhà trường hoàn trả tiền cho 37 học sinh "
           "không có đơn đăng ký và lập lại danh sách lớp. Mức thu đối với học sinh đăng ký giữ nguyên "
           "theo thỏa thuận.",
       .document = "27/QĐ-THCSVL"},
      {.key = "thcsvl-to-cao-2025",
       .school = "thcs-van-lang",
       .type = CASE_TYPE_DENUNCIATION,
       .channel = cpb::CHANNEL_MAIL,
       .received = D(2025, 3, 3),
       .subject = "Tố cáo giáo viên dạy thêm có thu tiền học sinh lớp mình dạy",
       .content = "Một giáo viên Toán của trường tổ chức dạy thêm tại nhà, thu tiền đối với học sinh các lớp "
                  "mình đang dạy chính khóa, trái với Thông tư 29/2024/TT-BGDĐT có hiệu lực từ 14/02/2025.",
       .filer = "Trương Văn Hải",
       .phone = "0908 731 564",
       .address = "Phường Cầu Ông Lãnh, Quận 1, TP. Hồ Chí Minh",
       .accepted = D(2025, 3, 10),
       .acceptance_document = "03/TB-THCSVL",
       .complexity = cpb::COMPLEXITY_COMPLEX,
       .extension_days = 30,
       .extension_reason =
           "Vụ việc phức tạp: cần xác minh tại cơ sở dạy thêm và làm việc với cha mẹ học sinh "
           "các lớp liên quan",
       .extension_document = "05/QĐ-THCSVL",
       .ending = Ending::kEarly,
       .shift = 3,
       .outcome = cpb::OUTCOME_PARTLY_UPHELD,
       .answer =
           "Tố cáo đúng một phần: giáo viên có dạy thêm ngoài nhà trường có thu tiền đối với một số học "
           "sinh lớp mình dạy; không có căn cứ về việc ép buộc học sinh đi học thêm. Nhà trường đã xử "
           "lý giáo viên theo quy định.",
       .document = "07/KL-THCSVL"},
      {.key = "thcsvl-khieu-nai-2026",
       .school = "thcs-van-lang",
       .type = CASE_TYPE_COMPLAINT,
       .channel = cpb::CHANNEL_MAIL,
       .received = D(2026, 11, 12),
       .subject = "Khiếu nại khoản thu tiền điện máy lạnh lớp học",
       .content =
           "Ngày 28/10/2026 lớp 8/3 thông báo thu tiền điện máy lạnh học kỳ I khi chưa họp và lấy ý "
           "kiến thống nhất của cha mẹ học sinh. Đề nghị nhà trường dừng thu và tổ chức thỏa thuận theo "
           "quy định.",
       .filer = "Châu Ngọc Hà",
       .phone = "0933 472 815",
       .address = "Phường Cầu Ông Lãnh, TP. Hồ Chí Minh",
       .decision = D(2026, 10, 28)},
      // ---- Trường THCS Minh Đức ----
      {.key = "thcsmd-gop-y-2024",
       .school = "thcs-minh-duc",
       .type = CASE_TYPE_FEEDBACK,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2024, 10, 14),
       .subject = "Góp ý bố trí mái che khu vực chờ đón học sinh",
       .content = "Khu vực phụ huynh chờ đón học sinh trước cổng trường không có mái che; những ngày mưa phụ "
                  "huynh và học sinh phải đứng dưới mưa. Đề nghị nhà trường bố trí mái che.",
       .filer = "Hoàng Thị Lan Anh",
       .phone = "0906 259 713",
       .ending = Ending::kEarly,
       .shift = 4,
       .outcome = cpb::OUTCOME_ANSWERED,
       .answer = "Nhà trường đã lắp mái che di động tại khu vực chờ đón và mở sảnh để học sinh chờ phụ huynh "
                 "những ngày mưa.",
       .document = "14/TL-THCSMD"},
      {.key = "thcsmd-khieu-nai-2026",
       .school = "thcs-minh-duc",
       .type = CASE_TYPE_COMPLAINT,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2026, 4, 2),
       .subject = "Khiếu nại việc không tiếp nhận học sinh chuyển đến lớp 7",
       .content =
           "Ngày 20/3/2026 nhà trường trả lời không tiếp nhận con tôi chuyển đến học lớp 7 từ học kỳ II. "
           "Gia đình đã chuyển nơi ở về Phường Bến Thành; đề nghị nhà trường tiếp nhận.",
       .filer = "Mai Xuân Trường",
       .phone = "0918 340 962",
       .address = "Phường Bến Thành, TP. Hồ Chí Minh",
       .decision = D(2026, 3, 20),
       .accepted = D(2026, 4, 8),
       .acceptance_document = "06/TB-THCSMD",
       .ending = Ending::kEarly,
       .shift = 3,
       .outcome = cpb::OUTCOME_NOT_UPHELD,
       .answer =
           "Khiếu nại không đúng: các lớp 7 đã đủ 45 học sinh/lớp theo Điều lệ trường trung học (Thông "
           "tư 32/2020/TT-BGDĐT); nhà trường đã giới thiệu học sinh đến trường trung học cơ sở khác trên "
           "địa bàn phường còn chỗ.",
       .document = "11/QĐ-THCSMD",
       .escalate_after = 10,
       .escalation_reason =
           "Người khiếu nại không đồng ý với quyết định giải quyết lần đầu, khiếu nại lần hai "
           "đến Chủ tịch UBND Phường Bến Thành."},
      {.key = "thcsmd-to-cao-2026",
       .school = "thcs-minh-duc",
       .type = CASE_TYPE_DENUNCIATION,
       .channel = cpb::CHANNEL_MAIL,
       .received = D(2026, 11, 16),
       .subject = "Tố cáo giáo viên có lời nói xúc phạm học sinh",
       .content =
           "Ngày 10/11/2026, trong giờ học, một giáo viên có lời nói xúc phạm danh dự học sinh lớp 8A1 "
           "trước cả lớp. Đề nghị nhà trường xác minh, xử lý.",
       .filer = "Tạ Minh Quân",
       .phone = "0902 617 385",
       .address = "Phường Bến Thành, TP. Hồ Chí Minh",
       .accepted = D(2026, 11, 20),
       .acceptance_document = "19/TB-THCSMD"},
      // ---- Trường THCS Trần Văn Ơn ----
      {.key = "thcstvo-pakn-2025",
       .school = "thcs-tran-van-on",
       .type = CASE_TYPE_PROCEDURE_FEEDBACK,
       .channel = cpb::CHANNEL_PUBLIC_SERVICE_PORTAL,
       .received = D(2025, 6, 16),
       .subject = "Phản ánh yêu cầu giấy xác nhận cư trú trong hồ sơ tuyển sinh lớp 6",
       .content =
           "Hướng dẫn tuyển sinh lớp 6 của trường yêu cầu nộp giấy xác nhận thông tin về cư trú, trong "
           "khi thông tin này đã có trên ứng dụng VNeID và Cơ sở dữ liệu quốc gia về dân cư.",
       .filer = "Dương Thị Kim Yến",
       .phone = "0977 804 126",
       .email = "kimyen.duong@example.com",
       .ending = Ending::kLate,
       .shift = 3,
       .outcome = cpb::OUTCOME_ANSWERED,
       .answer = "Nhà trường tiếp thu và đã sửa hướng dẫn: không yêu cầu giấy xác nhận thông tin về cư trú; "
                 "thông tin cư trú được đối chiếu trên Cơ sở dữ liệu quốc gia về dân cư hoặc ứng dụng VNeID.",
       .document = "36/TL-THCSTVO"},
      {.key = "thcstvo-khieu-nai-2026-khong-thu-ly",
       .school = "thcs-tran-van-on",
       .type = CASE_TYPE_COMPLAINT,
       .channel = cpb::CHANNEL_IN_PERSON,
       .received = D(2026, 11, 24),
       .subject = "Khiếu nại việc thay giáo viên chủ nhiệm lớp 8/2",
       .content = "Ngày 02/11/2026 nhà trường thay giáo viên chủ nhiệm lớp 8/2 giữa học kỳ I. Đề nghị nhà "
                  "trường giữ nguyên giáo viên chủ nhiệm cũ.",
       .filer = "Kiều Thị Phương Thảo",
       .phone = "0916 305 748",
       .address = "Phường Sài Gòn, TP. Hồ Chí Minh",
       .decision = D(2026, 11, 2),
       .ending = Ending::kNotAccepted,
       .answer =
           "Không thụ lý: việc phân công giáo viên chủ nhiệm là quyết định trong nội bộ nhà trường để chỉ "
           "đạo, tổ chức thực hiện nhiệm vụ, không thuộc đối tượng khiếu nại (Luật Khiếu nại, Điều 11). "
           "Nhà trường đã mời phụ huynh trao đổi về lý do thay đổi.",
       .document = "41/TB-THCSTVO"},
      {.key = "thcstvo-khieu-nai-2026",
       .school = "thcs-tran-van-on",
       .type = CASE_TYPE_COMPLAINT,
       .channel = cpb::CHANNEL_EMAIL,
       .received = D(2026, 11, 28),
       .subject = "Khiếu nại việc không bố trí phòng học tầng trệt cho học sinh khuyết tật",
       .content =
           "Ngày 16/11/2026 nhà trường thông báo không chuyển lớp 6/4 xuống phòng học tầng trệt, trong "
           "khi con tôi là học sinh khuyết tật vận động phải lên tầng 3 hằng ngày. Đề nghị nhà trường "
           "bố trí phòng học phù hợp theo quy định về giáo dục hòa nhập.",
       .filer = "Lưu Văn Khánh",
       .email = "luukhanh@example.com",
       .address = "Phường Sài Gòn, TP. Hồ Chí Minh",
       .decision = D(2026, 11, 16)},
  };
}

// Registers one demo case as the school's office would and takes it to its
// ending. Each step has its own fixed request id, so a rerun replays the
// stored responses (the same case, the same due dates) and changes nothing.
absl::Status LoadCase(DemoClient& admin, const WorkDays& work_days, const DemoCase& d) {
  const DemoSchool* school = SchoolById(d.school);
  if (school == nullptr) return absl::InvalidArgumentError(absl::StrCat("demo case ", d.key, ": no school"));
  const std::string id = absl::StrCat("demo-case-", d.key);
  const bool dossier = d.type == cpb::CASE_TYPE_PROCEDURE_DOSSIER;
  auto run = [&](const std::string& step, const std::function<grpc::Status(grpc::ClientContext*)>& call) {
    return admin.Do(absl::StrCat("case ", d.key, " (", step, ")"), call);
  };

  cpb::CreateCaseRequest create;
  create.set_parent(absl::StrCat("schools/", d.school));
  create.set_request_id(id);
  cpb::Case* draft = create.mutable_case_();
  draft->set_case_type(d.type);
  draft->set_channel(d.channel);
  draft->set_subject(d.subject);
  draft->set_content(d.content);
  if (*d.filer == '\0') {
    draft->mutable_submitter()->set_anonymous(true);
  } else {
    draft->mutable_submitter()->set_full_name(d.filer);
    draft->mutable_submitter()->set_phone(d.phone);
    draft->mutable_submitter()->set_email(d.email);
    draft->mutable_submitter()->set_address(d.address);
  }
  *draft->mutable_received_date() = d.received;
  if (d.type == cpb::CASE_TYPE_COMPLAINT) {
    draft->set_complaint_round(1);
    *draft->mutable_decision_date() = d.decision;
  }
  if (dossier) {
    draft->set_procedure_code(kTransferCode);
    draft->set_procedure_time_limit_days(kTransferDays);
  }
  cpb::Case current;
  RETURN_IF_ERROR(run(
      "create", [&](grpc::ClientContext* c) { return admin.complaints().CreateCase(c, create, &current); }));
  if (current.name().empty()) return absl::InternalError(absl::StrCat("demo case ", d.key, ": no case name"));
  const std::string name = current.name();

  if (d.accepted.year() != 0) {
    cpb::AcceptCaseRequest accept;
    accept.set_name(name);
    *accept.mutable_accepted_date() = d.accepted;
    accept.set_document_number(d.acceptance_document);
    accept.set_complexity(d.complexity);
    accept.set_request_id(absl::StrCat(id, "-accept"));
    RETURN_IF_ERROR(run("accept", [&](grpc::ClientContext* c) {
      return admin.complaints().AcceptCase(c, accept, &current);
    }));
  }
  if (*d.assignee != '\0') {
    cpb::AssignCaseRequest assign;
    assign.set_name(name);
    assign.set_assignee(d.assignee);
    assign.set_request_id(absl::StrCat(id, "-assign"));
    RETURN_IF_ERROR(run("assign", [&](grpc::ClientContext* c) {
      return admin.complaints().AssignCase(c, assign, &current);
    }));
  }
  if (d.extension_days > 0) {
    cpb::ExtendCaseDeadlineRequest extend;
    extend.set_name(name);
    extend.set_days(d.extension_days);
    extend.set_reason(d.extension_reason);
    extend.set_document_number(d.extension_document);
    extend.set_request_id(absl::StrCat(id, "-extend"));
    RETURN_IF_ERROR(run("extend", [&](grpc::ClientContext* c) {
      return admin.complaints().ExtendCaseDeadline(c, extend, &current);
    }));
  }
  if (*d.note != '\0') {
    cpb::AddCaseNoteRequest note;
    note.set_parent(name);
    note.set_note(d.note);
    note.set_visibility(cpb::VISIBILITY_INTERNAL);
    note.set_request_id(absl::StrCat(id, "-note"));
    cpb::CaseEvent event;
    RETURN_IF_ERROR(
        run("note", [&](grpc::ClientContext* c) { return admin.complaints().AddCaseNote(c, note, &event); }));
  }

  switch (d.ending) {
    case Ending::kOpen:
      return absl::OkStatus();
    case Ending::kWithdrawn: {
      cpb::WithdrawCaseRequest withdraw;
      withdraw.set_name(name);
      withdraw.set_reason(d.answer);
      withdraw.set_request_id(absl::StrCat(id, "-withdraw"));
      return run("withdraw", [&](grpc::ClientContext* c) {
        return admin.complaints().WithdrawCase(c, withdraw, &current);
      });
    }
    case Ending::kNotAccepted: {
      cpb::RejectCaseRequest reject;
      reject.set_name(name);
      reject.set_reason(d.answer);
      reject.set_document_number(d.document);
      reject.set_request_id(absl::StrCat(id, "-reject"));
      return run("reject",
                 [&](grpc::ClientContext* c) { return admin.complaints().RejectCase(c, reject, &current); });
    }
    case Ending::kEarly:
    case Ending::kOnTime:
    case Ending::kLate:
      break;
  }

  // The resolution, placed against the due date the service computed (after
  // acceptance and any extension).
  const Date due = current.resolution_due_date();
  const int shift = d.ending == Ending::kEarly ? -d.shift : (d.ending == Ending::kLate ? d.shift : 0);
  const Date resolved = work_days.Shift(due, shift);
  if (Civil(resolved) < Civil(current.accepted_date())) {
    return absl::InvalidArgumentError(absl::StrCat("demo case ", d.key, ": resolved before it was accepted"));
  }
  if (dossier && d.ending == Ending::kLate) {
    // A late dossier needs its apology letter (with the new return date)
    // before the result; it is sent the working day before the due date.
    cpb::RecordApologyLetterRequest apology;
    apology.set_name(name);
    const Date sent = work_days.Shift(due, -1);
    *apology.mutable_letter()->mutable_sent_date() = Civil(sent) < Civil(d.received) ? d.received : sent;
    apology.mutable_letter()->set_document_number(d.apology_document);
    apology.mutable_letter()->set_reason(d.apology_reason);
    *apology.mutable_letter()->mutable_new_return_date() = resolved;
    apology.set_request_id(absl::StrCat(id, "-apology"));
    RETURN_IF_ERROR(run("apology letter", [&](grpc::ClientContext* c) {
      return admin.complaints().RecordApologyLetter(c, apology, &current);
    }));
  }
  cpb::ResolveCaseRequest resolve;
  resolve.set_name(name);
  resolve.mutable_resolution()->set_outcome(d.outcome);
  resolve.mutable_resolution()->set_public_summary(d.answer);
  resolve.mutable_resolution()->set_document_number(d.document);
  *resolve.mutable_resolution()->mutable_resolved_date() = resolved;
  resolve.set_request_id(absl::StrCat(id, "-resolve"));
  RETURN_IF_ERROR(run("resolve", [&](grpc::ClientContext* c) {
    return admin.complaints().ResolveCase(c, resolve, &current);
  }));

  if (d.escalate_after > 0) {
    // The filer takes the first-round decision to the school's authority
    // (within 30 days of it, Luật Khiếu nại 2011, Điều 33).
    const Date lodged = work_days.Shift(resolved, d.escalate_after);
    cpb::EscalateCaseRequest escalate;
    escalate.set_name(name);
    escalate.set_reason(d.escalation_reason);
    *escalate.mutable_escalation_date() = lodged;
    escalate.set_authority(AuthorityOf(*school, lodged));
    escalate.set_request_id(absl::StrCat(id, "-escalate"));
    RETURN_IF_ERROR(run("escalate", [&](grpc::ClientContext* c) {
      return admin.complaints().EscalateCase(c, escalate, &current);
    }));
  }
  return absl::OkStatus();
}

// Every school's cases, registered and handled by its principal.
absl::Status LoadComplaints(DemoClient& base, const std::map<std::string, std::string>& keys) {
  DemoClient mn2010 = base.As(keys.at("ht-mn-2010"));
  ASSIGN_OR_RETURN(WorkDays work_days, WorkDays::Load(mn2010, 2024, 2026));
  for (const DemoCase& d : DemoCases()) {
    DemoClient admin = base.As(keys.at(absl::StrCat("ht-", d.school)));
    RETURN_IF_ERROR(LoadCase(admin, work_days, d));
  }
  return absl::OkStatus();
}

// ---- finance ----

// Every school's money for school year 2026-2027, run by its principal: the
// account parents pay into, two monthly fee items within the city's caps
// (data/finance/fee_rules.json), a class list of ten pupils in two classes
// (pupils -001 and -006 are siblings with one guardian), invoices
// for December 2026 and January 2027, and December's money: two cash
// payments at the school office, a bank statement (both siblings paid by
// one transfer, an overpayment held as the family's credit, a part
// payment, a transfer without a payment reference and a bank fee, both
// left for the office to match or ignore) and one transfer pushed by the
// bank on its own.
//
// The service refuses a due date before its today and the demo's today is
// early December 2026, so the first periods invoiced are December (due
// 20/12/2026) and January (due 15/01/2027). Times of money received hang
// off the moment the school's December invoices were issued, as the
// service stored it: the first load shows payments of the last hours and
// days, and a rerun rebuilds identical requests (the idempotency ledger
// refuses a request_id reused with a different body).

constexpr char kFinanceYear[] = "2026-2027";
constexpr int kPupilsPerClass = 5;
constexpr int kMealDays = 20;  // school days a month the meal charge is reckoned on

struct DemoPeriod {
  const char* period;
  int due_year, due_month, due_day;
};

const DemoPeriod kPeriods[] = {{"2026-12", 2026, 12, 20}, {"2027-01", 2027, 1, 15}};

// One school's finance: where parents pay (illustrative accounts, not real
// ones), what it charges a month and its two classes.
struct FinanceDemo {
  const char* school;
  const char* prefix;          // payment reference prefix
  const char* bank_bin;        // 970436 Vietcombank, 970415 VietinBank
  const char* account_number;  // illustrative
  int64_t ban_tru;             // đồng/month, within the level's cap for Nhóm 1
  int64_t meal_per_day;        // đồng/day
  const char* classes[2];
  int birth_years[2];  // of the pupils of each class
};

const FinanceDemo kFinance[] = {
    {"mn-2010", "MN2010", "970436", "0071001284517", 500000, 35000, {"Chồi 2", "Lá 1"}, {2022, 2021}},
    {"mn-ben-thanh", "MNBT", "970415", "114000653278", 480000, 35000, {"Mầm 3", "Lá 2"}, {2023, 2021}},
    {"th-nguyen-binh-khiem", "THNBK", "970436", "0071000937264", 300000, 35000, {"2/3", "4/1"}, {2019, 2017}},
    {"th-ket-doan", "THKD", "970415", "114000482915", 320000, 32000, {"1/2", "5/1"}, {2020, 2016}},
    {"thcs-van-lang", "THCSVL", "970436", "0071001563948", 250000, 40000, {"6/1", "9/3"}, {2015, 2012}},
    {"thcs-minh-duc", "THCSMD", "970415", "114000729436", 270000, 40000, {"7A1", "8A1"}, {2014, 2013}},
    {"thcs-tran-van-on", "TVO", "970436", "0071000815372", 250000, 38000, {"6/4", "8/2"}, {2015, 2013}},
};

// The school level the city's caps are set for (FinanceSettings.school_level).
const char* FeeLevel(dpb::SchoolLevel level) {
  switch (level) {
    case dpb::SCHOOL_LEVEL_KINDERGARTEN:
      return "mam-non";
    case dpb::SCHOOL_LEVEL_PRIMARY:
      return "tieu-hoc";
    case dpb::SCHOOL_LEVEL_LOWER_SECONDARY:
      return "thcs";
    default:
      return "thpt";
  }
}

// The 2026-2027 cap of "ban-tru" for a level in Nhóm 1 (a phường), as in
// data/finance/fee_rules.json (Nghị quyết 18/2025/NQ-HĐND, assumed to carry
// over to 2026-2027).
int64_t BanTruCap(const std::string& level) {
  if (level == "mam-non") return 550000;
  if (level == "tieu-hoc") return 350000;
  if (level == "thcs") return 300000;
  return 250000;
}

// "1.200.000".
std::string Thousands(int64_t amount) {
  const std::string digits = absl::StrCat(amount < 0 ? -amount : amount);
  std::string out = amount < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

// "1.200.000 đ".
std::string Dong(int64_t amount) { return absl::StrCat(Thousands(amount), " đ"); }

// A name as banks print it: upper case without diacritics ("Trường Mầm non
// 20/10" → "TRUONG MAM NON 20-10"); only letters, digits, spaces, '.' and '-'.
std::string BankText(const std::string& text) {
  std::string out;
  for (char c : platform::FoldForSearch(text)) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(absl::ascii_isalnum(u) ? absl::ascii_toupper(u) : (c == ' ' || c == '.' ? c : '-'));
  }
  return out;
}

absl::TimeZone VietnamTime() { return absl::FixedTimeZone(7 * 60 * 60); }

// hour:minute:second Vietnam time `days` days before the day of `anchor`;
// with days = 0, that day, or the day before when the time is not yet
// before `anchor`.
absl::Time Before(absl::Time anchor, int days, int hour, int minute, int second) {
  const absl::CivilDay day = absl::ToCivilDay(anchor, VietnamTime()) - days;
  absl::Time at = absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), hour, minute, second),
                                  VietnamTime());
  if (at >= anchor) at -= absl::Hours(24);  // a fixed zone: the day before
  return at;
}

google::protobuf::Timestamp Stamp(absl::Time t) {
  google::protobuf::Timestamp out;
  out.set_seconds(absl::ToUnixSeconds(t));
  return out;
}

struct DemoPupil {
  std::string code;
  std::string full_name;
  std::string class_name;
  Date birth_date;
  std::string guardian;
  std::string phone;
  std::string account;  // the guardian's bank account, as statements show it
};

// The school's ten pupils, five per class. The first and the sixth (codes
// -001 and -006, one in each class) are siblings: one family, so one
// surname and one guardian.
std::vector<DemoPupil> PupilsOf(const FinanceDemo& f, int index) {
  static const char* const kSurnames[] = {"Nguyễn", "Trần", "Lê",   "Phạm", "Hoàng", "Huỳnh",
                                          "Phan",   "Võ",   "Đặng", "Bùi",  "Đỗ",    "Ngô"};
  static const char* const kGiven[] = {"Gia Bảo",    "Minh Anh",  "Bảo Ngọc", "Đức Minh",  "Khánh Linh",
                                       "Hoàng Nam",  "Ngọc Hân",  "Quốc Huy", "Thảo Vy",   "Minh Khang",
                                       "Phương Nhi", "Tuấn Kiệt", "An Nhiên", "Đăng Khoa", "Hà My",
                                       "Nhật Minh",  "Tường Vy",  "Thiên Ân", "Bảo Trâm",  "Trung Kiên"};
  // Fathers carry the family's surname; mothers keep their own.
  static const char* const kFathers[] = {"Văn Hùng",   "Minh Tuấn", "Quốc Bảo",  "Đức Thắng", "Thanh Tùng",
                                         "Hoàng Long", "Văn Phúc",  "Công Danh", "Minh Trí",  "Hữu Nghĩa"};
  static const char* const kMothers[] = {"Trần Thị Thu Hương", "Lê Thị Ngọc Diễm",    "Phạm Thị Mỹ Linh",
                                         "Võ Thị Kim Ngân",    "Đỗ Thị Thanh Thủy",   "Huỳnh Thị Bích Trâm",
                                         "Ngô Thị Hồng Nhung", "Bùi Thị Phương Thảo", "Phan Thị Lan Anh",
                                         "Đặng Thị Quỳnh Như"};
  std::vector<DemoPupil> out;
  for (int i = 0; i < 2 * kPupilsPerClass; ++i) {
    const int family = i == kPupilsPerClass ? 0 : i;
    const int in_class = i / kPupilsPerClass;
    const std::string surname = kSurnames[(index * 3 + family) % 12];
    const int64_t seed = index * 10 + family + 1;
    DemoPupil p;
    p.code = absl::StrFormat("%s-%03d", f.prefix, i + 1);
    p.full_name = absl::StrCat(surname, " ", kGiven[(index * 7 + i * 3) % 20]);
    p.class_name = f.classes[in_class];
    p.birth_date = D(f.birth_years[in_class], 1 + (i * 5 + index) % 12, 1 + (i * 7 + index * 3) % 28);
    p.guardian = family % 2 == 0 ? absl::StrCat(surname, " ", kFathers[(index + family) % 10])
                                 : std::string(kMothers[(index * 3 + family) % 10]);
    p.phone = absl::StrCat("09", 10000000 + seed * 7919 * 1013 % 90000000);
    p.account = absl::StrCat("1903", 10000000 + seed * 104729 % 90000000);
    out.push_back(std::move(p));
  }
  return out;
}

std::string ClassListCsv(const std::vector<DemoPupil>& pupils) {
  std::string csv = "pupil_code,full_name,class,birth_date,guardian_name,guardian_phone\n";
  for (const DemoPupil& p : pupils) {
    absl::StrAppend(
        &csv, p.code, ",", p.full_name, ",", p.class_name, ",",
        absl::StrFormat("%04d-%02d-%02d", p.birth_date.year(), p.birth_date.month(), p.birth_date.day()), ",",
        p.guardian, ",", p.phone, "\n");
  }
  return csv;
}

// Loads one school's finance as its principal would, every mutation with a
// request id derived from the school and the item, and prints a summary.
absl::Status LoadSchoolFinance(DemoClient& admin, const DemoSchool& s, const FinanceDemo& f, int index) {
  const std::string parent = absl::StrCat("schools/", s.id);
  const std::string level = FeeLevel(s.level);
  auto run = [&](const std::string& step, const std::function<grpc::Status(grpc::ClientContext*)>& call) {
    return admin.Do(absl::StrCat("finance ", s.id, " (", step, ")"), call);
  };

  // Where parents pay and what receipts print.
  fpb::UpdateFinanceSettingsRequest settings;
  fpb::FinanceSettings* fs = settings.mutable_finance_settings();
  fs->set_name(absl::StrCat(parent, "/financeSettings"));
  fs->set_bank_bin(f.bank_bin);
  fs->set_account_number(f.account_number);
  fs->set_account_name(BankText(s.name));
  fs->set_reference_prefix(f.prefix);
  fs->set_issuer_name(s.name);
  fs->set_receipt_template("01BLP0-001");
  fs->set_receipt_series("AA-26E");
  fs->set_school_level(level);
  fs->set_area_group(1);  // every demo school is in a phường
  for (const char* path : {"bank_bin", "account_number", "account_name", "reference_prefix", "issuer_name",
                           "receipt_template", "receipt_series", "school_level", "area_group"}) {
    settings.mutable_update_mask()->add_paths(path);
  }
  settings.set_request_id(absl::StrCat("demo-finance-settings-", s.id));
  fpb::FinanceSettings saved;
  RETURN_IF_ERROR(run("settings", [&](grpc::ClientContext* c) {
    return admin.finance().UpdateFinanceSettings(c, settings, &saved);
  }));

  // Two monthly charges: the semi-boarding service (capped by the city) and
  // meals (agreed with parents, uncapped).
  struct Item {
    const char* id;
    const char* code;
    std::string display_name;
    int64_t amount;
    const char* charge_kind;
    std::string legal_basis;
  };
  const int64_t meals = f.meal_per_day * kMealDays;
  const Item items[] = {
      {"ban-tru-2026-2027", "BAN-TRU", "Dịch vụ tổ chức phục vụ, quản lý và vệ sinh bán trú", f.ban_tru,
       "ban-tru",
       absl::StrCat("Nghị quyết 18/2025/NQ-HĐND của HĐND TP.HCM, Điều 2, Phụ lục: mức tối đa Nhóm 1 ",
                    Thousands(BanTruCap(level)), " đồng/tháng; mức thu thỏa thuận với cha mẹ học sinh")},
      {"tien-an-2026-2027", "TIEN-AN",
       absl::StrCat("Tiền ăn bán trú (", Thousands(f.meal_per_day), " đồng/ngày, ", kMealDays, " ngày)"),
       meals, "khac",
       "Thỏa thuận với cha mẹ học sinh theo Văn bản 1888 của Sở GD&ĐT TP.HCM (hướng dẫn các khoản thu năm "
       "học 2025-2026)"},
  };
  std::vector<std::string> fee_items;
  for (const Item& item : items) {
    fpb::CreateFeeItemRequest create;
    create.set_parent(parent);
    create.set_fee_item_id(item.id);
    fpb::FeeItem* fee = create.mutable_fee_item();
    fee->set_code(item.code);
    fee->set_display_name(item.display_name);
    fee->set_amount(item.amount);
    fee->set_unit(fpb::FEE_UNIT_MONTH);
    fee->set_school_year(kFinanceYear);
    fee->set_legal_basis(item.legal_basis);
    fee->set_mandatory(false);  // services parents sign up for
    fee->set_charge_kind(item.charge_kind);
    create.set_request_id(absl::StrCat("demo-fee-", s.id, "-", item.id));
    fpb::FeeItem created;
    RETURN_IF_ERROR(run(absl::StrCat("fee item ", item.id), [&](grpc::ClientContext* c) {
      return admin.finance().CreateFeeItem(c, create, &created);
    }));
    fee_items.push_back(absl::StrCat(parent, "/feeItems/", item.id));
  }

  // The class list.
  const std::vector<DemoPupil> pupils = PupilsOf(f, index);
  fpb::ImportPupilsRequest class_list;
  class_list.set_parent(parent);
  class_list.set_csv(ClassListCsv(pupils));
  class_list.set_request_id(absl::StrCat("demo-pupils-", s.id));
  fpb::ImportPupilsResponse imported;
  RETURN_IF_ERROR(run("class list", [&](grpc::ClientContext* c) {
    return admin.finance().ImportPupils(c, class_list, &imported);
  }));
  if (!imported.applied()) {
    return absl::InvalidArgumentError(
        absl::StrCat("finance ", s.id, ": class list refused",
                     imported.errors_size() > 0
                         ? absl::StrCat(" (line ", imported.errors(0).line(), ", ",
                                        imported.errors(0).column(), ": ", imported.errors(0).message(), ")")
                         : std::string()));
  }

  // Invoices for the whole school, one period at a time.
  for (const DemoPeriod& p : kPeriods) {
    fpb::BatchCreateInvoicesRequest batch;
    batch.set_parent(parent);
    batch.set_period(p.period);
    for (const std::string& fee : fee_items) batch.add_fee_items(fee);
    *batch.mutable_due_date() = D(p.due_year, p.due_month, p.due_day);
    batch.set_request_id(absl::StrCat("demo-invoices-", s.id, "-", p.period));
    fpb::BatchCreateInvoicesResponse created;
    RETURN_IF_ERROR(run(absl::StrCat("invoices ", p.period), [&](grpc::ClientContext* c) {
      return admin.finance().BatchCreateInvoices(c, batch, &created);
    }));
  }

  // December's invoices by pupil, as stored (references, totals, issue time).
  fpb::ListInvoicesRequest list;
  list.set_parent(parent);
  list.set_period(kPeriods[0].period);
  list.set_page_size(1000);
  fpb::ListInvoicesResponse listed;
  RETURN_IF_ERROR(run("December invoices", [&](grpc::ClientContext* c) {
    return admin.finance().ListInvoices(c, list, &listed);
  }));
  std::map<std::string, fpb::Invoice> by_pupil;
  for (const fpb::Invoice& invoice : listed.invoices()) by_pupil[invoice.pupil()] = invoice;
  std::vector<fpb::Invoice> december;
  for (const DemoPupil& p : pupils) {
    auto it = by_pupil.find(absl::StrCat(parent, "/pupils/", absl::AsciiStrToLower(p.code)));
    if (it == by_pupil.end()) {
      return absl::InternalError(absl::StrCat("finance ", s.id, ": no December invoice for ", p.code));
    }
    december.push_back(it->second);
  }
  const absl::Time issued = absl::FromUnixSeconds(december[0].create_time().seconds());

  // Cash at the school office, the morning the invoices went out.
  for (int n = 0; n < 2; ++n) {
    const int i = n == 0 ? 1 : 6;
    fpb::RecordPaymentRequest pay;
    pay.set_parent(parent);
    fpb::Payment* payment = pay.mutable_payment();
    payment->set_invoice(december[i].name());
    payment->set_amount(december[i].total_amount());
    payment->set_method(fpb::PAYMENT_METHOD_CASH);
    *payment->mutable_paid_time() = Stamp(Before(issued, 0, 7, 35 + 20 * n, 0));
    payment->set_payer_name(pupils[i].guardian);
    pay.set_request_id(absl::StrCat("demo-cash-", s.id, "-", absl::AsciiStrToLower(pupils[i].code), "-",
                                    kPeriods[0].period));
    fpb::Payment recorded;
    RETURN_IF_ERROR(run(absl::StrCat("cash ", pupils[i].code), [&](grpc::ClientContext* c) {
      return admin.finance().RecordPayment(c, pay, &recorded);
    }));
  }

  // The bank statement of the last days.
  auto transaction = [&](int n) { return absl::StrCat("FT2612", index + 1, "000", n); };
  std::string statement =
      "transaction_id,booking_time,amount,description,counterparty_name,counterparty_account\n";
  auto line = [&](int n, absl::Time at, int64_t amount, const std::string& description,
                  const std::string& name, const std::string& account) {
    absl::StrAppend(&statement, transaction(n), ",", absl::FormatTime("%Y-%m-%d %H:%M:%S", at, VietnamTime()),
                    ",", amount, ",", description, ",", name, ",", account, "\n");
  };
  const fpb::Invoice &elder = december[0], &younger = december[kPupilsPerClass];
  line(1, Before(issued, 3, 20, 12, 41), elder.total_amount() + younger.total_amount(),
       absl::StrCat(elder.payment_reference(), " ", younger.payment_reference(),
                    " NOP TIEN THANG 12 CHO 2 CHAU"),
       BankText(pupils[0].guardian), pupils[0].account);
  line(
      2, Before(issued, 2, 12, 5, 9), december[3].total_amount() + 50000,
      absl::StrCat(december[3].payment_reference(), " ", BankText(pupils[3].full_name), " NOP TIEN THANG 12"),
      BankText(pupils[3].guardian), pupils[3].account);
  line(3, Before(issued, 2, 21, 47, 30), 500000,
       absl::StrCat("ND ", december[4].payment_reference(), " NOP TRUOC MOT PHAN"),
       BankText(pupils[4].guardian), pupils[4].account);
  line(4, Before(issued, 1, 6, 58, 2), meals,
       absl::StrCat("CHUYEN TIEN AN THANG 12 CHAU ", BankText(pupils[7].full_name), " LOP ",
                    BankText(pupils[7].class_name)),
       BankText(pupils[7].guardian), pupils[7].account);
  line(5, Before(issued, 1, 23, 5, 0), -11000, "PHI DICH VU NGAN HANG DIEN TU THANG 11", "", "");
  fpb::ImportBankStatementRequest import_statement;
  import_statement.set_parent(parent);
  import_statement.set_format(fpb::STATEMENT_FORMAT_GENERIC_CSV);
  import_statement.set_content(statement);
  import_statement.set_request_id(absl::StrCat("demo-statement-", s.id, "-", kPeriods[0].period));
  fpb::BankStatementImport statement_import;
  RETURN_IF_ERROR(run("bank statement", [&](grpc::ClientContext* c) {
    return admin.finance().ImportBankStatement(c, import_statement, &statement_import);
  }));
  if (!statement_import.applied()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "finance ", s.id, ": bank statement refused",
        statement_import.errors_size() > 0 ? absl::StrCat(" (line ", statement_import.errors(0).line(), ", ",
                                                          statement_import.errors(0).column(), ": ",
                                                          statement_import.errors(0).message(), ")")
                                           : std::string()));
  }

  // One more transfer, pushed by the bank as it happened this morning.
  fpb::ImportBankStatementLineRequest push;
  push.set_parent(parent);
  fpb::BankStatementLine* pushed = push.mutable_line();
  pushed->set_bank_transaction_id(transaction(6));
  *pushed->mutable_booking_time() = Stamp(Before(issued, 0, 6, 30, 15));
  pushed->set_amount(december[2].total_amount());
  pushed->set_description(absl::StrCat("MBVCB.", 7300000 + index * 1000 + 6, ".",
                                       december[2].payment_reference(), ".CT tu ", pupils[2].account, " ",
                                       BankText(pupils[2].guardian), " toi ", f.account_number, " ",
                                       BankText(s.name)));
  pushed->set_counterparty_name(BankText(pupils[2].guardian));
  pushed->set_counterparty_account(pupils[2].account);
  push.set_request_id(absl::StrCat("demo-bank-line-", s.id, "-", transaction(6)));
  fpb::BankStatementLine recorded_line;
  RETURN_IF_ERROR(run("pushed transfer", [&](grpc::ClientContext* c) {
    return admin.finance().ImportBankStatementLine(c, push, &recorded_line);
  }));

  // Summary.
  fpb::ListInvoicesRequest all;
  all.set_parent(parent);
  all.set_page_size(1000);
  fpb::ListInvoicesResponse invoices;
  RETURN_IF_ERROR(run(
      "invoices", [&](grpc::ClientContext* c) { return admin.finance().ListInvoices(c, all, &invoices); }));
  int64_t invoiced = 0, paid = 0;
  int paid_in_full = 0, part_paid = 0;
  for (const fpb::Invoice& invoice : invoices.invoices()) {
    invoiced += invoice.total_amount();
    paid += invoice.paid_amount();
    if (invoice.state() == fpb::INVOICE_STATE_PAID) ++paid_in_full;
    if (invoice.state() == fpb::INVOICE_STATE_PARTIALLY_PAID) ++part_paid;
  }
  fpb::ListBankStatementLinesRequest waiting_request;
  waiting_request.set_parent(parent);
  waiting_request.add_match_states(fpb::MATCH_STATE_UNMATCHED);
  waiting_request.set_page_size(1000);
  fpb::ListBankStatementLinesResponse waiting;
  RETURN_IF_ERROR(run("unmatched lines", [&](grpc::ClientContext* c) {
    return admin.finance().ListBankStatementLines(c, waiting_request, &waiting);
  }));
  fpb::ListPayerCreditsRequest credits_request;
  credits_request.set_parent(parent);
  credits_request.set_page_size(1000);
  fpb::ListPayerCreditsResponse credits;
  RETURN_IF_ERROR(run("credits", [&](grpc::ClientContext* c) {
    return admin.finance().ListPayerCredits(c, credits_request, &credits);
  }));
  int64_t held = 0;
  for (const fpb::PayerCredit& credit : credits.payer_credits()) held += credit.remaining();
  fpb::CheckLedgerRequest check;
  check.set_parent(parent);
  fpb::LedgerCheck ledger;
  RETURN_IF_ERROR(run("ledger check", [&](grpc::ClientContext* c) {
    return admin.finance().CheckLedger(c, check, &ledger);
  }));
  std::cout << "  " << s.name << ": " << pupils.size() << " học sinh, " << invoices.invoices_size()
            << " hóa đơn " << Dong(invoiced) << ", đã thu " << Dong(paid) << " (" << paid_in_full
            << " hóa đơn nộp đủ, " << part_paid << " nộp một phần), " << waiting.lines_size()
            << " dòng sao kê chờ đối chiếu, tiền thừa giữ hộ " << Dong(held)
            << (ledger.ok() ? ", sổ cái khớp" : ", SỔ CÁI KHÔNG KHỚP") << std::endl;
  return absl::OkStatus();
}

// Every school's finance, loaded by its principal.
absl::Status LoadFinance(DemoClient& base, const std::map<std::string, std::string>& keys) {
  int index = 0;
  for (const DemoSchool& s : kSchools) {
    const FinanceDemo* f = nullptr;
    for (const FinanceDemo& candidate : kFinance) {
      if (std::string(candidate.school) == s.id) f = &candidate;
    }
    if (f == nullptr) return absl::InternalError(absl::StrCat("no finance demo for ", s.id));
    DemoClient admin = base.As(keys.at(absl::StrCat("ht-", s.id)));
    RETURN_IF_ERROR(LoadSchoolFinance(admin, s, *f, index));
    ++index;
  }
  return absl::OkStatus();
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
  std::cout << "Nạp phản ánh, kiến nghị, khiếu nại, tố cáo và hồ sơ thủ tục…" << std::endl;
  RETURN_IF_ERROR(LoadComplaints(admin, keys));
  std::cout << "Nạp tài chính: tài khoản nhận tiền, khoản thu, học sinh, hóa đơn, khoản nộp và sao kê…"
            << std::endl;
  RETURN_IF_ERROR(LoadFinance(admin, keys));
  std::cout << "Nạp báo cáo: kết quả Chỉ số CCHC 2023, tự đánh giá, khảo sát SIPAS, báo cáo định kỳ…"
            << std::endl;
  std::vector<ReportingSchool> reporting_schools;
  for (const DemoSchool& s : kSchools) reporting_schools.push_back({s.id, s.code, s.ward});
  RETURN_IF_ERROR(LoadReporting(admin, keys, reporting_schools));
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
