// Staff input rules: required fields, dates ordered and not in the future,
// LEFT with an end date, e-mail, identity number, circumstances; each error
// names its field.
#include "services/staffing/domain/staff_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"

namespace parhub::staffing {
namespace {

const Date kToday{2025, 10, 1};

Staff Valid() {
  Staff s;
  s.staff_code = " GV01 ";
  s.display_name = "Nguyễn Văn Đức";
  s.employment_type = EmploymentType::kPublicEmployee;
  s.start_date = {2015, 9, 1};
  s.city_email = "Duc.NV@TPHCM.gov.vn";
  return s;
}

std::string FieldOf(const absl::StatusOr<Staff>& result) {
  std::vector<platform::FieldViolation> v = platform::FieldViolations(result.status());
  return v.empty() ? "" : v[0].field;
}

TEST(CleanStaff, NormalisesAValidRecord) {
  auto s = CleanStaff(Valid(), kToday, "staff.");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->staff_code, "GV01");
  EXPECT_EQ(s->status, StaffStatus::kActive);
  EXPECT_EQ(s->city_email, "duc.nv@tphcm.gov.vn");
}

TEST(CleanStaff, EachProblemNamesItsField) {
  auto with = [](auto change) {
    Staff s = Valid();
    change(s);
    return CleanStaff(s, kToday, "staff.");
  };
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.staff_code = ""; })), "staff.staff_code");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.staff_code = "GV 01"; })), "staff.staff_code");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.display_name = "Đức\nAn"; })), "staff.display_name");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.employment_type = EmploymentType::kUnspecified; })),
            "staff.employment_type");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.start_date = {2025, 10, 2}; })), "staff.start_date");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.start_date = {}; })), "staff.start_date");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.end_date = {2015, 8, 1}; })), "staff.end_date");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.status = StaffStatus::kLeft; })), "staff.end_date");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.city_email = "duc@"; })), "staff.city_email");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.birth_date = {2016, 1, 1}; })), "staff.birth_date");
  EXPECT_EQ(FieldOf(with([](Staff& s) { s.id_number = "07919001234"; })), "staff.id_number");
  EXPECT_EQ(FieldOf(with([](Staff& s) {
              s.circumstances = {{CircumstanceKind::kPregnant, {}, {}, ""}};
            })),
            "staff.circumstances[0].start_date");
  EXPECT_TRUE(with([](Staff& s) { s.id_number = "079190012345"; }).ok());
  EXPECT_TRUE(with([](Staff& s) {
                s.end_date = {2025, 6, 30};
                s.status = StaffStatus::kLeft;
              }).ok());
}

TEST(RosterValues, ParseTheSpellingsOfficesUse) {
  EXPECT_EQ(*ParseEmploymentType("Công chức", "f"), EmploymentType::kCivilServant);
  EXPECT_EQ(*ParseEmploymentType("vien_chuc", "f"), EmploymentType::kPublicEmployee);
  EXPECT_EQ(*ParseEmploymentType("Hợp đồng lao động", "f"), EmploymentType::kContract);
  EXPECT_FALSE(ParseEmploymentType("biên chế", "f").ok());
  EXPECT_TRUE(*ParseYesNo("Có", "f"));
  EXPECT_FALSE(*ParseYesNo("0", "f"));
  EXPECT_FALSE(ParseYesNo("maybe", "f").ok());
  EXPECT_EQ(*ParseRosterDate("01/09/2015", "f"), (Date{2015, 9, 1}));
  EXPECT_FALSE(ParseRosterDate("2015-02-30", "f").ok());
  EXPECT_EQ(StaffIdFromCode("GV-01"), "gv-01");
  EXPECT_EQ(StaffIdFromCode("GV_01"), "");
}

}  // namespace
}  // namespace parhub::staffing
