// Roster CSV: whole-file problems fail with the line, row problems come back
// naming line and column; a byte-order mark, CRLF, quoted commas and quoted
// line breaks are read as spreadsheets write them.
#include "services/staffing/domain/roster_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"

namespace parhub::staffing {
namespace {

using ::testing::HasSubstr;

constexpr char kHeader[] =
    "staff_code,display_name,position,employment_type,budget_paid,start_date,city_email\n";

TEST(ParseRosterCsv, ReadsRowsWithBomAndCrlfAndVietnameseValues) {
  std::string csv =
      std::string("\xEF\xBB\xBF") +
      "staff_code,display_name,position,employment_type,budget_paid,start_date,city_email,birth_date\r\n"
      "GV01,Nguyễn Văn Đức,Giáo viên,viên chức,1,01/09/2015,duc.nv@tphcm.gov.vn,1990-05-02\r\n"
      "NV02,\"Trần Thị Bé, Hai\",Kế toán,hop_dong,0,2020-01-06,,\r\n";
  auto parsed = ParseRosterCsv(csv);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->errors.empty());
  ASSERT_EQ(parsed->entries.size(), 2u);
  const Staff& duc = parsed->entries[0].staff;
  EXPECT_EQ(parsed->entries[0].row, 2);
  EXPECT_EQ(duc.staff_code, "GV01");
  EXPECT_EQ(duc.display_name, "Nguyễn Văn Đức");
  EXPECT_EQ(duc.employment_type, EmploymentType::kPublicEmployee);
  EXPECT_TRUE(duc.budget_paid);
  EXPECT_EQ(duc.start_date, (Date{2015, 9, 1}));
  EXPECT_EQ(duc.birth_date, (Date{1990, 5, 2}));
  EXPECT_EQ(parsed->entries[1].staff.display_name, "Trần Thị Bé, Hai");
  EXPECT_EQ(parsed->entries[1].staff.employment_type, EmploymentType::kContract);
}

TEST(ParseRosterCsv, RowErrorsNameLineAndColumn) {
  std::string csv = std::string(kHeader) +
                    "GV01,An,Giáo viên,bien_che,1,2015-09-01,\n"       // line 2: type
                    "GV02,Bình,Giáo viên,vien_chuc,yes,2015-09-01,\n"  // line 3: budget_paid
                    "GV03,Chi,Giáo viên,vien_chuc,1,31/02/2015,\n"     // line 4: no such date
                    "GV04,Dung,Giáo viên,vien_chuc,1\n"                // line 5: too few fields
                    "GV01,An,Giáo viên,vien_chuc,1,2015-09-01,\n"      // line 6: fine (line 2 failed)
                    "GV01,An,Giáo viên,vien_chuc,1,2015-09-01,\n";     // line 7: repeated code
  auto parsed = ParseRosterCsv(csv);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->errors.size(), 5u);
  EXPECT_EQ(parsed->errors[0].row, 2);
  EXPECT_EQ(parsed->errors[0].column, "employment_type");
  EXPECT_EQ(parsed->errors[1].row, 3);
  EXPECT_EQ(parsed->errors[1].column, "budget_paid");
  EXPECT_EQ(parsed->errors[2].row, 4);
  EXPECT_EQ(parsed->errors[2].column, "start_date");
  EXPECT_EQ(parsed->errors[3].row, 5);
  EXPECT_EQ(parsed->errors[4].row, 7);
  EXPECT_EQ(parsed->errors[4].column, "staff_code");
  ASSERT_EQ(parsed->entries.size(), 1u);
  EXPECT_EQ(parsed->entries[0].row, 6);
}

TEST(ParseRosterCsv, WholeFileProblemsFailNamingCsv) {
  auto expect_csv_error = [](const std::string& csv, const std::string& fragment) {
    absl::StatusOr<ParsedRoster> parsed = ParseRosterCsv(csv);
    ASSERT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << csv;
    EXPECT_EQ(platform::FieldViolations(parsed.status()).at(0).field, "csv");
    EXPECT_THAT(parsed.status().message(), HasSubstr(fragment));
  };
  expect_csv_error("", "tiêu đề");
  expect_csv_error("staff_code,display_name\nGV01,An\n", "thiếu cột position");
  expect_csv_error(std::string(kHeader).replace(0, 10, "ma_so"), "không được hỗ trợ");
  expect_csv_error(
      "staff_code,staff_code,display_name,position,employment_type,budget_paid,start_date,city_email\n",
      "lặp lại");
  expect_csv_error(std::string(kHeader) + "GV01,Nguy\xE1\xBB,x,vien_chuc,1,2015-09-01,\n", "UTF-8");
  std::string big(kHeader);
  for (int i = 0; i <= kMaxImportRows; ++i)
    big += "GV" + std::to_string(i) + ",A,B,vien_chuc,1,2015-09-01,\n";
  expect_csv_error(big, "2000");
}

TEST(ParseEmailUsageCsv, ReadsTheMailSystemsExportWithLineNumbers) {
  auto parsed = ParseEmailUsageCsv(std::string("\xEF\xBB\xBF") +
                                   "last_used_date,email\r\n"
                                   "28/11/2026,Duc.NV@tphcm.gov.vn\r\n"
                                   ",lan.pt@tphcm.gov.vn\r\n"
                                   "2026-13-01,mai@tphcm.gov.vn\r\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->uses.size(), 2u);
  EXPECT_EQ(parsed->uses[0].row, 2);
  EXPECT_EQ(parsed->uses[0].email, "duc.nv@tphcm.gov.vn");
  EXPECT_EQ(parsed->uses[0].last_used_date, (Date{2026, 11, 28}));
  EXPECT_FALSE(parsed->uses[1].last_used_date.IsSet());  // never used
  ASSERT_EQ(parsed->errors.size(), 1u);
  EXPECT_EQ(parsed->errors[0].row, 4);
  EXPECT_EQ(parsed->errors[0].column, "last_used_date");
  EXPECT_EQ(ParseEmailUsageCsv("email\nduc@tphcm.gov.vn\n").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace parhub::staffing
