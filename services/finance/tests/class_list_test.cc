// The class-list upload: a spreadsheet's CSV as offices save it (BOM, CRLF,
// Vietnamese names, DD/MM/YYYY dates), row errors naming line and column,
// whole-file problems refused, and a repeated pupil code caught.
#include "services/finance/domain/class_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace parhub::finance {
namespace {

using ::testing::HasSubstr;

const platform::Date kToday{2026, 9, 5};

TEST(ClassList, ReadsAnOfficeSpreadsheet) {
  std::string csv =
      "\xEF\xBB\xBFpupil_code,full_name,class,birth_date,guardian_name,guardian_phone,guardian_email\r\n"
      "HS-001,Nguyễn Minh An,Lá 2,14/03/2021,Nguyễn Văn Nam,0909 111 222,Nam@Example.vn\r\n"
      "HS-002,\"Trần Bảo, Ngọc\",Lá 2,,,,\r\n";
  absl::StatusOr<ParsedClassList> parsed = ParseClassList(csv, kToday);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->errors.empty());
  ASSERT_EQ(parsed->rows.size(), 2u);
  EXPECT_EQ(parsed->rows[0].pupil.full_name, "Nguyễn Minh An");
  EXPECT_EQ(parsed->rows[0].pupil.birth_date, (platform::Date{2021, 3, 14}));
  EXPECT_EQ(parsed->rows[0].pupil.guardian_email, "nam@example.vn");
  EXPECT_EQ(parsed->rows[1].pupil.full_name, "Trần Bảo, Ngọc");
  EXPECT_EQ(parsed->rows[1].line, 3);
}

TEST(ClassList, RowErrorsNameLineAndColumn) {
  std::string csv =
      "pupil_code,full_name,class,birth_date,guardian_phone\n"
      "HS-001,An,5A,2016-02-30,\n"
      "HS 002,Bình,5A,,\n"
      "HS-003,,5A,,\n"
      "HS-004,Chi,5A,,09x\n"
      "HS-006,Dũng,5A,,0909222333\n"
      "HS-005,Em,5A\n"
      "hs-006,Giang,5A,,\n";
  absl::StatusOr<ParsedClassList> parsed = ParseClassList(csv, kToday);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->rows.size(), 1u);
  EXPECT_EQ(parsed->rows[0].pupil.pupil_code, "HS-006");
  EXPECT_EQ(parsed->rows[0].line, 6);
  ASSERT_EQ(parsed->errors.size(), 6u);
  EXPECT_EQ(parsed->errors[0].row, 2);
  EXPECT_EQ(parsed->errors[0].column, "birth_date") << "30/02 does not exist";
  EXPECT_EQ(parsed->errors[1].column, "pupil_code");
  EXPECT_EQ(parsed->errors[2].column, "full_name");
  EXPECT_EQ(parsed->errors[3].column, "guardian_phone");
  EXPECT_EQ(parsed->errors[4].row, 7);
  EXPECT_THAT(parsed->errors[4].message, HasSubstr("wrong number of fields"));
  EXPECT_EQ(parsed->errors[5].row, 8);
  EXPECT_EQ(parsed->errors[5].column, "pupil_code");
  EXPECT_THAT(parsed->errors[5].message, HasSubstr("repeated")) << "codes compare without case";
}

TEST(ClassList, WholeFileProblemsAreRefused) {
  EXPECT_EQ(ParseClassList("", kToday).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ParseClassList("pupil_code,full_name\nHS-1,An\n", kToday).status().message(),
              HasSubstr("class"));
  EXPECT_EQ(ParseClassList(std::string("pupil_code,full_name,class\nHS-1,\xC3,5A\n"), kToday).status().code(),
            absl::StatusCode::kInvalidArgument)
      << "not UTF-8 (a truncated file or the wrong encoding)";
  EXPECT_EQ(ParseClassList("pupil_code,full_name,class\nHS-1,\"An,5A\n", kToday).status().code(),
            absl::StatusCode::kInvalidArgument)
      << "an unterminated quote";
}

}  // namespace
}  // namespace parhub::finance
