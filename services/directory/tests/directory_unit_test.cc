// Unit tests of the directory's rules (domain/directory.cc) against the
// in-memory store, with a clock the tests move: validation naming fields,
// scope answers that do not reveal other tenants, officer subtrees, school
// moves over time, bootstrap, API keys and folded search.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "platform/core/errors.h"
#include "platform/testing/status_matchers.h"
#include "services/directory/domain/directory.h"
#include "services/directory/tests/in_memory_directory_store.h"

namespace parhub::directory {
namespace {

using ::parhub::directory::testing::InMemoryDirectoryStore;
using ::parhub::testing::IsOk;
using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::UnorderedElementsAre;

using Code = absl::StatusCode;

// INVALID_ARGUMENT whose field violations name `field`.
MATCHER_P(IsInvalidField, field, absl::StrCat("is INVALID_ARGUMENT naming ", field)) {
  const absl::Status& status = ::parhub::testing::GetStatus(arg);
  *result_listener << "status is " << status;
  if (status.code() != absl::StatusCode::kInvalidArgument) return false;
  for (const platform::FieldViolation& v : platform::FieldViolations(status)) {
    if (v.field == field) return true;
  }
  return false;
}

absl::Time At(int y, int m, int d, int hh = 9, int mm = 0, int ss = 0) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, ss), platform::VietnamTimeZone());
}

Caller Officer(const std::string& authority) {
  return Caller{absl::StrCat("accounts/officer-", authority), Role::kAuthorityOfficer, "", authority, ""};
}
Caller SchoolAdmin(const std::string& school) {
  return Caller{absl::StrCat("accounts/admin-", school), Role::kSchoolAdmin, school, "", ""};
}
Caller Staff(const std::string& school, const std::string& account = "staff") {
  return Caller{absl::StrCat("accounts/", account), Role::kSchoolStaff, school, "", ""};
}
const Caller kGateway{"services/gateway", Role::kService, "", "", ""};
const Caller kRoot{"accounts/admin", Role::kAuthorityOfficer, "", "hcm", ""};

Authority RootAuthority() {
  return Authority{"hcm", "HCM", "UBND Thành phố Hồ Chí Minh", "", "city", {}, {}};
}

std::vector<std::string> Ids(const std::vector<School>& schools) {
  std::vector<std::string> ids;
  for (const School& s : schools) ids.push_back(s.id);
  return ids;
}

// Seeded tree:   hcm ─┬─ q1 ── p-ben-nghe      schools: mn-2010, th-khai-minh (q1)
//                     └─ q3                              th-ben-nghe (p-ben-nghe)
//                                                        thcs-le-loi (q3)
class DirectoryRulesTest : public ::testing::Test {
 protected:
  DirectoryRulesTest() : directory_(store_, [this] { return now_; }) {}

  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(auto secret, directory_.Bootstrap(RootAuthority(), ""));
    ASSERT_TRUE(secret.has_value());
    admin_secret_ = *secret;
    ASSERT_OK(directory_
                  .CreateAuthority(kRoot, "q1",
                                   Authority{"", "Q1", "UBND Quận 1", "hcm", "district", {2000, 1, 1}, {}})
                  .status());
    ASSERT_OK(directory_
                  .CreateAuthority(kRoot, "q3",
                                   Authority{"", "Q3", "UBND Quận 3", "hcm", "district", {2000, 1, 1}, {}})
                  .status());
    ASSERT_OK(
        directory_
            .CreateAuthority(Officer("q1"), "p-ben-nghe",
                             Authority{"", "PBN", "UBND Phường Bến Nghé", "q1", "ward", {2000, 1, 1}, {}})
            .status());
    AddSchool("mn-2010", "Trường Mầm non 20/10", SchoolLevel::kKindergarten, "q1");
    AddSchool("th-khai-minh", "Trường Tiểu học Khai Minh", SchoolLevel::kPrimary, "q1");
    AddSchool("th-ben-nghe", "Trường Tiểu học Bến Nghé", SchoolLevel::kPrimary, "p-ben-nghe");
    AddSchool("thcs-le-loi", "Trường THCS Lê Lợi", SchoolLevel::kLowerSecondary, "q3");
  }

  void AddSchool(const std::string& id, const std::string& name, SchoolLevel level,
                 const std::string& authority, const std::string& code = "C",
                 const std::string& address = "Địa chỉ") {
    ASSERT_OK(
        directory_.CreateSchool(kRoot, id, School{"", code, name, level, address, authority, {}}).status());
  }

  void AddAccount(const std::string& id, Role role, const std::string& school, const std::string& authority) {
    ASSERT_OK(
        directory_.CreateAccount(kRoot, id, Account{"", "Nguyễn Thị Lan", "", role, school, authority, {}})
            .status());
  }

  int64_t AccountCount() { return *store_.CountAccounts(); }

  absl::Time now_ = At(2024, 6, 1);
  InMemoryDirectoryStore store_;
  Directory directory_;
  std::string admin_secret_;
};

// ---- validation ----

TEST_F(DirectoryRulesTest, AuthorityInputErrorsNameTheField) {
  auto create = [&](const std::string& id, Authority a) { return directory_.CreateAuthority(kRoot, id, a); };
  Authority ok{"", "Q5", "UBND Quận 5", "hcm", "district", {2000, 1, 1}, {}};
  EXPECT_THAT(create("Quận 5", ok), IsInvalidField("authority_id"));
  Authority a = ok;
  a.display_name = "   ";
  EXPECT_THAT(create("q5", a), IsInvalidField("authority.display_name"));
  a = ok;
  a.code = std::string(41, 'x');
  EXPECT_THAT(create("q5", a), IsInvalidField("authority.code"));
  a = ok;
  a.kind = "village";
  EXPECT_THAT(create("q5", a), IsInvalidField("authority.kind"));
  a = ok;
  a.valid_until = a.valid_from;
  EXPECT_THAT(create("q5", a), IsInvalidField("authority.valid_until"));
  a = ok;
  a.parent_id = "";
  EXPECT_THAT(create("q5", a), IsInvalidField("authority.parent"));
  EXPECT_FALSE(store_.FindAuthority("q5")->has_value());
  EXPECT_OK(create("q5", ok).status());
}

TEST_F(DirectoryRulesTest, SchoolInputErrorsNameTheFieldAndCreateNothing) {
  School ok{"", "LQD", "Trường THPT Lê Quý Đôn", SchoolLevel::kUpperSecondary, "Quận 3", "q3", {}};
  auto create = [&](const std::string& id, School s) { return directory_.CreateSchool(kRoot, id, s); };
  EXPECT_THAT(create("-lqd", ok), IsInvalidField("school_id"));
  School s = ok;
  s.display_name = "";
  EXPECT_THAT(create("lqd", s), IsInvalidField("school.display_name"));
  s = ok;
  s.code = "";
  EXPECT_THAT(create("lqd", s), IsInvalidField("school.code"));
  s = ok;
  s.address = std::string(401, 'a');
  EXPECT_THAT(create("lqd", s), IsInvalidField("school.address"));
  s = ok;
  s.level = SchoolLevel::kUnspecified;
  EXPECT_THAT(create("lqd", s), IsInvalidField("school.level"));
  s = ok;
  s.authority_id = "nowhere";
  EXPECT_THAT(create("lqd", s), IsInvalidField("school.authority"));
  s.authority_id = "";
  EXPECT_THAT(create("lqd", s), IsInvalidField("school.authority"));
  EXPECT_FALSE(store_.FindSchool("lqd", {2024, 6, 1})->has_value());
  EXPECT_THAT(store_.Memberships("lqd"), ::parhub::testing::IsOkAndHolds(IsEmpty()));
  // The address is optional and text is trimmed.
  s = ok;
  s.address = "";
  s.display_name = "  Trường THPT Lê Quý Đôn \t";
  ASSERT_OK_AND_ASSIGN(School created, create("lqd", s));
  EXPECT_EQ(created.display_name, "Trường THPT Lê Quý Đôn");
  EXPECT_EQ(created.create_time, now_);
  EXPECT_THAT(create("lqd", ok), StatusIs(Code::kAlreadyExists));
}

TEST_F(DirectoryRulesTest, AccountInputErrorsNameTheField) {
  auto create = [&](Account a) { return directory_.CreateAccount(kRoot, "lan", a); };
  Account ok{"", "Nguyễn Thị Lan", "lan@example.edu.vn", Role::kSchoolAdmin, "mn-2010", "", {}};
  EXPECT_THAT(directory_.CreateAccount(kRoot, "Lan", ok), IsInvalidField("account_id"));
  Account a = ok;
  a.display_name = "";
  EXPECT_THAT(create(a), IsInvalidField("account.display_name"));
  for (const char* email : {"lan", "lan@", "@example.vn", "lan@example", "la n@example.vn"}) {
    a = ok;
    a.email = email;
    EXPECT_THAT(create(a), IsInvalidField("account.email")) << email;
  }
  a = ok;
  a.role = Role::kUnspecified;
  EXPECT_THAT(create(a), IsInvalidField("account.role"));
  a = ok;
  a.school_id = "";
  EXPECT_THAT(create(a), IsInvalidField("account.school"));
  a = ok;
  a.authority_id = "q1";
  EXPECT_THAT(create(a), IsInvalidField("account.authority"));
  a = Account{"", "Cán bộ", "", Role::kAuthorityOfficer, "", "", {}};
  EXPECT_THAT(create(a), IsInvalidField("account.authority"));
  a.authority_id = "nowhere";
  EXPECT_THAT(create(a), IsInvalidField("account.authority"));
  a.authority_id = "q1";
  a.school_id = "mn-2010";
  EXPECT_THAT(create(a), IsInvalidField("account.school"));
  EXPECT_EQ(AccountCount(), 1);  // only the bootstrap admin
  a = ok;
  a.email = "";  // optional
  EXPECT_OK(create(a).status());
}

TEST_F(DirectoryRulesTest, UpdateErrorsNameTheFieldAndWriteNothing) {
  School change{"mn-2010", "", "Tên mới", SchoolLevel::kUnspecified, "", "", {}};
  EXPECT_THAT(directory_.UpdateSchool(kRoot, change, {}), IsInvalidField("update_mask"));
  EXPECT_THAT(directory_.UpdateSchool(kRoot, change, {"authority"}), IsInvalidField("update_mask"));
  // display_name is valid, level is not: neither is written.
  EXPECT_THAT(directory_.UpdateSchool(kRoot, change, {"display_name", "level"}),
              IsInvalidField("school.level"));
  change.display_name = "";
  EXPECT_THAT(directory_.UpdateSchool(kRoot, change, {"display_name"}),
              IsInvalidField("school.display_name"));
  change.id = "Bad";
  EXPECT_THAT(directory_.UpdateSchool(kRoot, change, {"code"}), IsInvalidField("school.name"));
  ASSERT_OK_AND_ASSIGN(School school, directory_.GetSchool(kRoot, "mn-2010"));
  EXPECT_EQ(school.display_name, "Trường Mầm non 20/10");
  EXPECT_EQ(school.level, SchoolLevel::kKindergarten);
}

TEST_F(DirectoryRulesTest, UpdateChangesOnlyTheMaskedFieldsAndTheSearchText) {
  School change{"mn-2010", "NEW", "Trường Mầm non Sao Mai", SchoolLevel::kPrimary, "Nơi khác", "q3", {}};
  ASSERT_OK_AND_ASSIGN(School updated,
                       directory_.UpdateSchool(SchoolAdmin("mn-2010"), change, {"display_name"}));
  EXPECT_EQ(updated.display_name, "Trường Mầm non Sao Mai");
  EXPECT_EQ(updated.code, "C");
  EXPECT_EQ(updated.address, "Địa chỉ");
  EXPECT_EQ(updated.level, SchoolLevel::kKindergarten);
  EXPECT_EQ(updated.authority_id, "q1");  // an update never moves a school
  EXPECT_THAT(store_.search_text("mn-2010"), ::testing::Optional(HasSubstr("sao mai")));
  EXPECT_THAT(store_.search_text("mn-2010"), ::testing::Optional(::testing::Not(HasSubstr("20/10"))));
}

TEST_F(DirectoryRulesTest, MoveErrorsNameTheField) {
  EXPECT_THAT(directory_.MoveSchool(kRoot, "mn-2010", "", {2024, 9, 1}, "QĐ"), IsInvalidField("authority"));
  EXPECT_THAT(directory_.MoveSchool(kRoot, "mn-2010", "q3", {}, "QĐ"), IsInvalidField("effective_date"));
  EXPECT_THAT(directory_.MoveSchool(kRoot, "mn-2010", "q3", {2024, 9, 1}, " "), IsInvalidField("reason"));
  EXPECT_THAT(directory_.MoveSchool(kRoot, "mn-2010", "nowhere", {2024, 9, 1}, "QĐ"),
              IsInvalidField("authority"));
  EXPECT_EQ(store_.add_membership_count(), 0);
}

TEST_F(DirectoryRulesTest, PagingErrorsNameTheField) {
  EXPECT_THAT(directory_.ListSchools(kRoot, "hcm", "", {}, -1, ""), IsInvalidField("page_size"));
  EXPECT_THAT(directory_.ListSchools(kRoot, "hcm", "", {}, 0, "mn-2010"), IsInvalidField("page_token"));
  EXPECT_THAT(directory_.ListAuthorities(kRoot, "", 0, "garbage"), IsInvalidField("page_token"));
  EXPECT_THAT(directory_.ListAccounts(kRoot, "", "q1", -5, ""), IsInvalidField("page_size"));
  EXPECT_THAT(directory_.ListSchools(kRoot, "", "", {}, 0, ""), IsInvalidField("parent"));
}

// ---- other tenants: NOT_FOUND, never a hint that the thing exists ----

TEST_F(DirectoryRulesTest, AnotherSchoolAnswersExactlyLikeAMissingOne) {
  // Every answer about someone else's school must read as the answer about
  // a school that does not exist, once the id is swapped.
  auto same_as_missing = [](const absl::Status& other, const absl::Status& missing) {
    EXPECT_EQ(other.code(), Code::kNotFound) << other;
    EXPECT_EQ(missing.code(), Code::kNotFound) << missing;
    EXPECT_EQ(absl::StrReplaceAll(missing.message(), {{"no-such", "th-khai-minh"}}), other.message());
  };
  for (const Caller& caller :
       {SchoolAdmin("mn-2010"), Staff("mn-2010"), Officer("q3"), Officer("p-ben-nghe")}) {
    SCOPED_TRACE(caller.subject);
    auto get = [&](const std::string& id) { return directory_.GetSchool(caller, id).status(); };
    same_as_missing(get("th-khai-minh"), get("no-such"));
    auto history = [&](const std::string& id) { return directory_.ListMemberships(caller, id).status(); };
    same_as_missing(history("th-khai-minh"), history("no-such"));
    auto update = [&](const std::string& id) {
      return directory_.UpdateSchool(caller, School{id, "", "X", {}, "", "", {}}, {"display_name"}).status();
    };
    same_as_missing(update("th-khai-minh"), update("no-such"));
    auto move = [&](const std::string& id) {
      return directory_.MoveSchool(caller, id, "q3", {}, "").status();
    };
    same_as_missing(move("th-khai-minh"), move("no-such"));  // scope comes before validation
    auto accounts = [&](const std::string& id) {
      return directory_.ListAccounts(caller, id, "", 0, "").status();
    };
    same_as_missing(accounts("th-khai-minh"), accounts("no-such"));
  }
  ASSERT_OK_AND_ASSIGN(School school, directory_.GetSchool(kRoot, "th-khai-minh"));
  EXPECT_EQ(school.display_name, "Trường Tiểu học Khai Minh");
  EXPECT_EQ(store_.add_membership_count(), 0);
}

TEST_F(DirectoryRulesTest, CreateAccountForAMissingOrOutOfScopeSchoolAnswersAlike) {
  auto create = [&](const Caller& caller, const std::string& school) {
    return directory_
        .CreateAccount(caller, "gv-moi", Account{"", "Giáo viên", "", Role::kSchoolStaff, school, "", {}})
        .status();
  };
  for (const Caller& caller : {Officer("q3"), SchoolAdmin("mn-2010"), Officer("p-ben-nghe")}) {
    SCOPED_TRACE(caller.subject);
    absl::Status other = create(caller, "th-khai-minh");
    absl::Status missing = create(caller, "no-such");
    EXPECT_THAT(other, StatusIs(Code::kNotFound));
    EXPECT_THAT(missing, StatusIs(Code::kNotFound));
    EXPECT_EQ(absl::StrReplaceAll(missing.message(), {{"no-such", "th-khai-minh"}}), other.message());
  }
  EXPECT_EQ(AccountCount(), 1);
  EXPECT_OK(create(Officer("q1"), "th-khai-minh"));
}

TEST_F(DirectoryRulesTest, AccountsOfOtherTenantsAreNotFound) {
  AddAccount("lan", Role::kSchoolAdmin, "mn-2010", "");
  AddAccount("can-bo-q3", Role::kAuthorityOfficer, "", "q3");
  EXPECT_OK(directory_.GetAccount(SchoolAdmin("mn-2010"), "lan").status());
  EXPECT_OK(directory_.GetAccount(Officer("q1"), "lan").status());
  EXPECT_OK(directory_.GetAccount(kRoot, "can-bo-q3").status());
  for (const Caller& caller :
       {SchoolAdmin("th-khai-minh"), Staff("mn-2010"), Officer("q3"), Officer("p-ben-nghe")}) {
    SCOPED_TRACE(caller.subject);
    EXPECT_THAT(directory_.GetAccount(caller, "lan"), StatusIs(Code::kNotFound));
    EXPECT_THAT(directory_.ListApiKeys(caller, "lan"), StatusIs(Code::kNotFound));
    EXPECT_THAT(directory_.CreateApiKey(caller, "lan", "x"), StatusIs(Code::kNotFound));
  }
  EXPECT_THAT(directory_.GetAccount(Officer("q1"), "can-bo-q3"), StatusIs(Code::kNotFound));
  EXPECT_THAT(directory_.ListAccounts(Officer("q1"), "", "q3", 0, ""), StatusIs(Code::kNotFound));
  EXPECT_THAT(directory_.ListAccounts(kGateway, "", "q3", 0, ""), StatusIs(Code::kNotFound));
  ASSERT_OK_AND_ASSIGN(auto q3, directory_.ListAccounts(Officer("q3"), "", "q3", 0, ""));
  ASSERT_EQ(q3.items.size(), 1u);
  EXPECT_EQ(q3.items[0].id, "can-bo-q3");
}

TEST_F(DirectoryRulesTest, OnlyTheReportingServiceReadsAccountsToMailDigests) {
  AddAccount("lan", Role::kSchoolAdmin, "mn-2010", "");
  AddAccount("can-bo-q3", Role::kAuthorityOfficer, "", "q3");
  const Caller notifier{"services/reporting", Role::kService, "", "", "t"};
  ASSERT_OK_AND_ASSIGN(auto school, directory_.ListAccounts(notifier, "mn-2010", "", 0, ""));
  ASSERT_EQ(school.items.size(), 1u);
  EXPECT_EQ(school.items[0].id, "lan");
  ASSERT_OK_AND_ASSIGN(auto q3, directory_.ListAccounts(notifier, "", "q3", 0, ""));
  ASSERT_EQ(q3.items.size(), 1u);
  const Caller tasks{"services/tasks", Role::kService, "", "", "t"};
  EXPECT_THAT(directory_.ListAccounts(tasks, "", "q3", 0, ""), StatusIs(Code::kNotFound));
  EXPECT_THAT(directory_.ListAccounts(tasks, "mn-2010", "", 0, ""), StatusIs(Code::kPermissionDenied));
}

// ---- readers and roles ----

TEST_F(DirectoryRulesTest, ReadersMayReadButNotChange) {
  Caller staff = Staff("mn-2010");
  ASSERT_OK(directory_.GetSchool(staff, "mn-2010").status());
  ASSERT_OK(directory_.ListMemberships(staff, "mn-2010").status());
  EXPECT_THAT(directory_.UpdateSchool(staff, School{"mn-2010", "", "X", {}, "", "", {}}, {"display_name"}),
              StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(directory_.ListAccounts(staff, "mn-2010", "", 0, ""), StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(
      directory_.CreateAccount(staff, "gv", Account{"", "GV", "", Role::kSchoolStaff, "mn-2010", "", {}}),
      StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(directory_.MoveSchool(staff, "mn-2010", "q3", {2024, 9, 1}, "QĐ"),
              StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(directory_.ListSchools(staff, "q1", "", {}, 0, ""), StatusIs(Code::kPermissionDenied));
  // A school admin changes its school but does not move it or list others.
  EXPECT_THAT(directory_.MoveSchool(SchoolAdmin("mn-2010"), "mn-2010", "q3", {2024, 9, 1}, "QĐ"),
              StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(directory_.ListSchools(SchoolAdmin("mn-2010"), "q1", "", {}, 0, ""),
              StatusIs(Code::kPermissionDenied));
  // The service role reads everything and edits nothing.
  ASSERT_OK(directory_.GetSchool(kGateway, "mn-2010").status());
  EXPECT_THAT(directory_.UpdateSchool(kGateway, School{"mn-2010", "", "X", {}, "", "", {}}, {"display_name"}),
              StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(
      directory_.CreateSchool(kGateway, "x", School{"", "X", "X", SchoolLevel::kPrimary, "", "q1", {}}),
      StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(directory_.CreateAuthority(kGateway, "x", Authority{"", "X", "X", "hcm", "ward", {}, {}}),
              StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(
      directory_.CreateAccount(kGateway, "x", Account{"", "X", "", Role::kSchoolStaff, "mn-2010", "", {}}),
      StatusIs(Code::kPermissionDenied));
  EXPECT_EQ(AccountCount(), 1);
  EXPECT_EQ(directory_.GetSchool(kRoot, "mn-2010")->display_name, "Trường Mầm non 20/10");
}

TEST_F(DirectoryRulesTest, SchoolAdminRunsItsOwnSchool) {
  Caller admin = SchoolAdmin("mn-2010");
  ASSERT_OK(
      directory_.UpdateSchool(admin, School{"mn-2010", "", "", SchoolLevel::kPrimary, "", "", {}}, {"level"})
          .status());
  ASSERT_OK(directory_
                .CreateAccount(admin, "gv-hoa",
                               Account{"", "Trần Thị Hoa", "", Role::kSchoolStaff, "mn-2010", "", {}})
                .status());
  ASSERT_OK_AND_ASSIGN(auto accounts, directory_.ListAccounts(admin, "mn-2010", "", 0, ""));
  ASSERT_EQ(accounts.items.size(), 1u);
  EXPECT_EQ(accounts.items[0].school_id, "mn-2010");
  EXPECT_EQ(accounts.items[0].create_time, now_);
  // Never an officer or a service account.
  EXPECT_THAT(
      directory_.CreateAccount(admin, "cb", Account{"", "CB", "", Role::kAuthorityOfficer, "", "q1", {}}),
      StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(directory_.CreateAccount(admin, "svc", Account{"", "Svc", "", Role::kService, "", "", {}}),
              StatusIs(Code::kPermissionDenied));
}

TEST_F(DirectoryRulesTest, AuthoritiesArePublicToEveryCaller) {
  for (const Caller& caller : {Staff("mn-2010"), Officer("q3"), kGateway, Caller{}}) {
    EXPECT_OK(directory_.GetAuthority(caller, "q1").status());
    EXPECT_THAT(directory_.GetAuthority(caller, "q9"), StatusIs(Code::kNotFound));
  }
}

// ---- officers: their authority and everything below it ----

TEST_F(DirectoryRulesTest, OfficersSeeTheirWholeSubtreeAndNothingElse) {
  ASSERT_OK(directory_.GetSchool(Officer("q1"), "th-ben-nghe").status());  // in a ward under Quận 1
  EXPECT_THAT(directory_.GetSchool(Officer("q1"), "thcs-le-loi"), StatusIs(Code::kNotFound));
  ASSERT_OK_AND_ASSIGN(auto q1, directory_.ListSchools(Officer("q1"), "q1", "", {}, 0, ""));
  EXPECT_THAT(Ids(q1.items), ElementsAre("mn-2010", "th-ben-nghe", "th-khai-minh"));
  ASSERT_OK_AND_ASSIGN(auto ward, directory_.ListSchools(Officer("q1"), "p-ben-nghe", "", {}, 0, ""));
  EXPECT_THAT(Ids(ward.items), ElementsAre("th-ben-nghe"));
  // Upward and sideways are out of reach.
  EXPECT_THAT(directory_.GetSchool(Officer("p-ben-nghe"), "mn-2010"), StatusIs(Code::kNotFound));
  EXPECT_THAT(directory_.ListSchools(Officer("p-ben-nghe"), "q1", "", {}, 0, ""), StatusIs(Code::kNotFound));
  EXPECT_THAT(directory_.ListSchools(Officer("q1"), "hcm", "", {}, 0, ""), StatusIs(Code::kNotFound));
  EXPECT_THAT(directory_.ListSchools(Officer("q1"), "q3", "", {}, 0, ""), StatusIs(Code::kNotFound));
  ASSERT_OK_AND_ASSIGN(auto all, directory_.ListSchools(kRoot, "hcm", "", {}, 0, ""));
  EXPECT_EQ(all.items.size(), 4u);
  // An officer token without an authority reaches nothing.
  Caller lost = Officer("");
  EXPECT_THAT(directory_.GetSchool(lost, "mn-2010"), StatusIs(Code::kNotFound));
  EXPECT_THAT(directory_.ListSchools(lost, "q1", "", {}, 0, ""), StatusIs(Code::kNotFound));
}

TEST_F(DirectoryRulesTest, OfficersCreateOnlyInsideTheirSubtree) {
  Caller q1 = Officer("q1");
  School school{"", "X", "Trường X", SchoolLevel::kPrimary, "", "p-ben-nghe", {}};
  EXPECT_OK(directory_.CreateSchool(q1, "th-x", school).status());
  school.authority_id = "q3";
  EXPECT_THAT(directory_.CreateSchool(q1, "th-y", school), StatusIs(Code::kPermissionDenied));
  Authority ward{"", "PDK", "UBND Phường Đa Kao", "q1", "ward", {}, {}};
  EXPECT_OK(directory_.CreateAuthority(q1, "p-da-kao", ward).status());
  ward.parent_id = "q3";
  EXPECT_THAT(directory_.CreateAuthority(q1, "p-vo-thi-sau", ward), StatusIs(Code::kPermissionDenied));
  ward.parent_id = "hcm";
  EXPECT_THAT(directory_.CreateAuthority(q1, "q-moi", ward), StatusIs(Code::kPermissionDenied));
  EXPECT_OK(directory_.CreateAccount(q1, "cb-pbn",
                                     Account{"", "CB", "", Role::kAuthorityOfficer, "", "p-ben-nghe", {}}));
  EXPECT_THAT(
      directory_.CreateAccount(q1, "cb-q3", Account{"", "CB", "", Role::kAuthorityOfficer, "", "q3", {}}),
      StatusIs(Code::kPermissionDenied));
  // Service accounts: officers of the root authority only.
  Account service{"", "Cổng API", "", Role::kService, "x", "y", {}};
  EXPECT_THAT(directory_.CreateAccount(q1, "gateway", service), StatusIs(Code::kPermissionDenied));
  ASSERT_OK_AND_ASSIGN(Account created, directory_.CreateAccount(kRoot, "gateway", service));
  EXPECT_EQ(created.school_id, "");
  EXPECT_EQ(created.authority_id, "");
}

TEST_F(DirectoryRulesTest, OfficersManageAccountsBelowThemNotAbove) {
  AddAccount("cb-pbn", Role::kAuthorityOfficer, "", "p-ben-nghe");
  AddAccount("cb-q1", Role::kAuthorityOfficer, "", "q1");
  AddAccount("gv-ben-nghe", Role::kSchoolStaff, "th-ben-nghe", "");
  EXPECT_OK(directory_.GetAccount(Officer("q1"), "cb-pbn"));
  EXPECT_OK(directory_.GetAccount(Officer("q1"), "gv-ben-nghe"));
  EXPECT_THAT(directory_.GetAccount(Officer("p-ben-nghe"), "cb-q1"), StatusIs(Code::kNotFound));
  // Accounts manage themselves whatever their role.
  Caller self{"accounts/cb-pbn", Role::kAuthorityOfficer, "", "p-ben-nghe", ""};
  EXPECT_OK(directory_.GetAccount(self, "cb-pbn"));
  ASSERT_OK_AND_ASSIGN(auto listed, directory_.ListAccounts(Officer("q1"), "", "p-ben-nghe", 0, ""));
  ASSERT_EQ(listed.items.size(), 1u);
  EXPECT_EQ(listed.items[0].id, "cb-pbn");
}

// ---- moving a school ----

TEST_F(DirectoryRulesTest, AMoveTakesEffectOnItsDateAndKeepsTheHistory) {
  ASSERT_OK_AND_ASSIGN(School moved,
                       directory_.MoveSchool(kRoot, "mn-2010", "q3", {2024, 9, 1}, "  QĐ 123/QĐ-UBND "));
  EXPECT_EQ(moved.authority_id, "q1");  // today is before the move
  ASSERT_OK_AND_ASSIGN(auto history, directory_.ListMemberships(kRoot, "mn-2010"));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].authority_id, "q1");
  EXPECT_EQ(history[0].effective_from, (Date{2000, 1, 1}));
  EXPECT_EQ(history[0].effective_until, (Date{2024, 9, 1}));
  EXPECT_EQ(history[1].authority_id, "q3");
  EXPECT_EQ(history[1].effective_from, (Date{2024, 9, 1}));
  EXPECT_FALSE(history[1].effective_until.IsSet());
  EXPECT_EQ(history[1].reason, "QĐ 123/QĐ-UBND");

  // Listing as of a date: the day before, and the day itself.
  ASSERT_OK_AND_ASSIGN(auto before, directory_.ListSchools(kRoot, "q3", "", {2024, 8, 31}, 0, ""));
  EXPECT_THAT(Ids(before.items), ElementsAre("thcs-le-loi"));
  ASSERT_OK_AND_ASSIGN(auto on, directory_.ListSchools(kRoot, "q3", "", {2024, 9, 1}, 0, ""));
  EXPECT_THAT(Ids(on.items), ElementsAre("mn-2010", "thcs-le-loi"));

  // Who may see it follows the clock.
  EXPECT_OK(directory_.GetSchool(Officer("q1"), "mn-2010"));
  EXPECT_THAT(directory_.GetSchool(Officer("q3"), "mn-2010"), StatusIs(Code::kNotFound));
  now_ = At(2024, 8, 31, 23, 59, 59);
  EXPECT_OK(directory_.GetSchool(Officer("q1"), "mn-2010"));
  now_ = At(2024, 9, 1, 0, 0, 0);
  EXPECT_THAT(directory_.GetSchool(Officer("q1"), "mn-2010"), StatusIs(Code::kNotFound));
  ASSERT_OK_AND_ASSIGN(School now_there, directory_.GetSchool(Officer("q3"), "mn-2010"));
  EXPECT_EQ(now_there.authority_id, "q3");
}

TEST_F(DirectoryRulesTest, AMoveMustFollowTheLastOneAndChangeSomething) {
  ASSERT_OK(directory_.MoveSchool(kRoot, "mn-2010", "q3", {2024, 9, 1}, "lần 1").status());
  EXPECT_THAT(directory_.MoveSchool(kRoot, "mn-2010", "q1", {2024, 9, 1}, "cùng ngày"),
              IsInvalidField("effective_date"));
  EXPECT_THAT(directory_.MoveSchool(kRoot, "mn-2010", "q1", {2024, 8, 1}, "trước đó"),
              StatusIs(Code::kInvalidArgument, HasSubstr("01/09/2024")));
  // Already there, even though that move is still in the future.
  EXPECT_THAT(directory_.MoveSchool(kRoot, "mn-2010", "q3", {2024, 10, 1}, "lại"),
              StatusIs(Code::kFailedPrecondition));
  EXPECT_EQ(store_.add_membership_count(), 1);
  ASSERT_OK(directory_.MoveSchool(kRoot, "mn-2010", "q1", {2024, 9, 2}, "lần 2").status());
  ASSERT_OK_AND_ASSIGN(auto history, directory_.ListMemberships(kRoot, "mn-2010"));
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].effective_until, (Date{2024, 9, 2}));
  EXPECT_EQ(history[2].authority_id, "q1");
  // Moving to where it already is today is refused too.
  EXPECT_THAT(directory_.MoveSchool(kRoot, "th-khai-minh", "q1", {2024, 9, 1}, "x"),
              StatusIs(Code::kFailedPrecondition));
}

TEST_F(DirectoryRulesTest, OfficersMoveSchoolsOnlyWithinTheirSubtree) {
  EXPECT_THAT(directory_.MoveSchool(Officer("q1"), "mn-2010", "q3", {2024, 9, 1}, "QĐ"),
              StatusIs(Code::kPermissionDenied));
  EXPECT_THAT(directory_.MoveSchool(Officer("q3"), "mn-2010", "q3", {2024, 9, 1}, "QĐ"),
              StatusIs(Code::kNotFound));  // cannot pull a school it cannot see
  EXPECT_EQ(store_.add_membership_count(), 0);
  ASSERT_OK_AND_ASSIGN(School moved,
                       directory_.MoveSchool(Officer("q1"), "mn-2010", "p-ben-nghe", {2024, 6, 1}, "QĐ"));
  EXPECT_EQ(moved.authority_id, "p-ben-nghe");  // effective today
  // The service role may move (e.g. an administrative merger job).
  EXPECT_OK(directory_.MoveSchool(kGateway, "thcs-le-loi", "q1", {2024, 7, 1}, "sáp nhập"));
}

TEST_F(DirectoryRulesTest, AStaleMoveIsAbortedByTheStore) {
  // The domain hands the store the start of the open membership it checked;
  // if another move got in between, the store refuses.
  ASSERT_OK(store_.AddMembership("mn-2010", Membership{"q3", {2024, 9, 1}, {}, "khác"}, Date{2000, 1, 1}));
  EXPECT_THAT(
      store_.AddMembership("mn-2010", Membership{"p-ben-nghe", {2024, 10, 1}, {}, "cũ"}, Date{2000, 1, 1}),
      StatusIs(Code::kAborted));
  ASSERT_OK_AND_ASSIGN(auto history, store_.Memberships("mn-2010"));
  EXPECT_EQ(history.size(), 2u);
}

// ---- access checked before the idempotency ledger (May*) ----
//
// Each May* answers exactly what its mutation answers about access, so the
// rpc adapter can ask before it opens the ledger. Every case below checks
// the May* and then the mutation (with otherwise valid input) against the
// same expected code.

// The same code, and the same message when it is an error.
void ExpectSameAnswer(const absl::Status& may, const absl::Status& mutation) {
  EXPECT_EQ(may.code(), mutation.code()) << "may: " << may << "\nmutation: " << mutation;
  if (!may.ok()) {
    EXPECT_EQ(may.message(), mutation.message());
  }
}

TEST_F(DirectoryRulesTest, MayCreateAuthority) {
  struct Case {
    Caller caller;
    std::string parent;
    Code code;
  };
  const std::vector<Case> cases = {
      {kRoot, "q1", Code::kOk},
      {Officer("q1"), "q1", Code::kOk},
      {Officer("q1"), "p-ben-nghe", Code::kOk},
      {Officer("q3"), "q1", Code::kPermissionDenied},  // authorities are public: a matter of role
      {Officer("p-ben-nghe"), "q1", Code::kPermissionDenied},
      {SchoolAdmin("mn-2010"), "q1", Code::kPermissionDenied},
      {Staff("mn-2010"), "q1", Code::kPermissionDenied},
      {kGateway, "q1", Code::kPermissionDenied},
      {kRoot, "no-such", Code::kInvalidArgument},
      {kRoot, "Bad Id", Code::kInvalidArgument},
      {kRoot, "", Code::kInvalidArgument},
  };
  int n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.caller.subject, " → ", c.parent));
    absl::Status may = directory_.MayCreateAuthority(c.caller, c.parent);
    EXPECT_THAT(may, StatusIs(c.code));
    if (c.code == Code::kInvalidArgument) {
      EXPECT_THAT(may, IsInvalidField("authority.parent"));
    }
    Authority draft{"", "X", "UBND X", c.parent, "ward", {}, {}};
    ExpectSameAnswer(may, directory_.CreateAuthority(c.caller, absl::StrCat("p-moi-", ++n), draft).status());
  }
}

TEST_F(DirectoryRulesTest, MayCreateSchool) {
  struct Case {
    Caller caller;
    std::string authority;
    Code code;
  };
  const std::vector<Case> cases = {
      {kRoot, "q3", Code::kOk},
      {Officer("q1"), "p-ben-nghe", Code::kOk},
      {Officer("q1"), "q3", Code::kPermissionDenied},
      {Officer("p-ben-nghe"), "q1", Code::kPermissionDenied},
      {SchoolAdmin("mn-2010"), "q1", Code::kPermissionDenied},
      {Staff("mn-2010"), "q1", Code::kPermissionDenied},
      {kGateway, "q1", Code::kPermissionDenied},
      {kRoot, "nowhere", Code::kInvalidArgument},
      {kRoot, "", Code::kInvalidArgument},
  };
  int n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.caller.subject, " → ", c.authority));
    absl::Status may = directory_.MayCreateSchool(c.caller, c.authority);
    EXPECT_THAT(may, StatusIs(c.code));
    if (c.code == Code::kInvalidArgument) {
      EXPECT_THAT(may, IsInvalidField("school.authority"));
    }
    School draft{"", "X", "Trường X", SchoolLevel::kPrimary, "", c.authority, {}};
    ExpectSameAnswer(may, directory_.CreateSchool(c.caller, absl::StrCat("th-moi-", ++n), draft).status());
  }
}

TEST_F(DirectoryRulesTest, MayEditSchool) {
  struct Case {
    Caller caller;
    std::string school;
    Code code;
  };
  const std::vector<Case> cases = {
      {SchoolAdmin("mn-2010"), "mn-2010", Code::kOk},
      {Officer("q1"), "mn-2010", Code::kOk},
      {kRoot, "th-ben-nghe", Code::kOk},
      {SchoolAdmin("th-khai-minh"), "mn-2010", Code::kNotFound},
      {Officer("q3"), "mn-2010", Code::kNotFound},
      {Officer("p-ben-nghe"), "mn-2010", Code::kNotFound},
      {SchoolAdmin("mn-2010"), "no-such", Code::kNotFound},
      {Staff("mn-2010"), "mn-2010", Code::kPermissionDenied},
      {kGateway, "mn-2010", Code::kPermissionDenied},
      {kRoot, "Bad", Code::kInvalidArgument},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.caller.subject, " → ", c.school));
    absl::Status may = directory_.MayEditSchool(c.caller, c.school);
    EXPECT_THAT(may, StatusIs(c.code));
    if (c.code == Code::kInvalidArgument) {
      EXPECT_THAT(may, IsInvalidField("school.name"));
    }
    School change{c.school, "", "Tên mới", SchoolLevel::kUnspecified, "", "", {}};
    ExpectSameAnswer(may, directory_.UpdateSchool(c.caller, change, {"display_name"}).status());
  }
  // Another school reads exactly like a missing one.
  absl::Status other = directory_.MayEditSchool(SchoolAdmin("th-khai-minh"), "mn-2010");
  absl::Status missing = directory_.MayEditSchool(SchoolAdmin("th-khai-minh"), "no-such");
  EXPECT_EQ(absl::StrReplaceAll(missing.message(), {{"no-such", "mn-2010"}}), other.message());
}

TEST_F(DirectoryRulesTest, MayMoveSchool) {
  struct Case {
    Caller caller;
    std::string school;
    std::string authority;
    Code code;
    std::string field = "";
  };
  const std::vector<Case> cases = {
      {Officer("q1"), "mn-2010", "p-ben-nghe", Code::kOk},
      {kGateway, "thcs-le-loi", "q1", Code::kOk},
      {SchoolAdmin("th-khai-minh"), "mn-2010", "q3", Code::kNotFound},
      {Officer("q3"), "mn-2010", "q3", Code::kNotFound},  // cannot pull a school it cannot see
      {Officer("q1"), "no-such", "q1", Code::kNotFound},
      {SchoolAdmin("mn-2010"), "mn-2010", "q3", Code::kPermissionDenied},
      {Staff("mn-2010"), "mn-2010", "q3", Code::kPermissionDenied},
      {Officer("q1"), "mn-2010", "q3", Code::kPermissionDenied},  // target outside its subtree
      {kRoot, "Bad", "q3", Code::kInvalidArgument, "name"},
      {kRoot, "mn-2010", "", Code::kInvalidArgument, "authority"},
      {kRoot, "mn-2010", "nowhere", Code::kInvalidArgument, "authority"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.caller.subject, ": ", c.school, " → ", c.authority));
    absl::Status may = directory_.MayMoveSchool(c.caller, c.school, c.authority);
    EXPECT_THAT(may, StatusIs(c.code));
    if (!c.field.empty()) {
      EXPECT_THAT(may, IsInvalidField(c.field));
    }
    if (c.code == Code::kOk) continue;  // a move changes history; checked below
    ExpectSameAnswer(may,
                     directory_.MoveSchool(c.caller, c.school, c.authority, {2024, 9, 1}, "QĐ").status());
  }
  EXPECT_EQ(store_.add_membership_count(), 0);
  EXPECT_OK(directory_.MoveSchool(Officer("q1"), "mn-2010", "p-ben-nghe", {2024, 9, 1}, "QĐ"));
}

TEST_F(DirectoryRulesTest, MayCreateAccount) {
  auto school_staff = [](const std::string& school) {
    return Account{"", "Giáo viên", "", Role::kSchoolStaff, school, "", {}};
  };
  auto officer = [](const std::string& authority) {
    return Account{"", "Cán bộ", "", Role::kAuthorityOfficer, "", authority, {}};
  };
  const Account service{"", "Cổng API", "", Role::kService, "", "", {}};
  struct Case {
    Caller caller;
    Account draft;
    Code code;
    std::string field = "";
  };
  const std::vector<Case> cases = {
      {SchoolAdmin("mn-2010"), school_staff("mn-2010"), Code::kOk},
      {Officer("q1"), school_staff("th-ben-nghe"), Code::kOk},
      {Officer("q1"), officer("p-ben-nghe"), Code::kOk},
      {kRoot, service, Code::kOk},
      {SchoolAdmin("th-khai-minh"), school_staff("mn-2010"), Code::kNotFound},
      {Officer("q3"), school_staff("mn-2010"), Code::kNotFound},
      {SchoolAdmin("mn-2010"), school_staff("no-such"), Code::kNotFound},
      {Staff("mn-2010"), school_staff("mn-2010"), Code::kPermissionDenied},
      {kGateway, school_staff("mn-2010"), Code::kPermissionDenied},
      {SchoolAdmin("mn-2010"), officer("q1"), Code::kPermissionDenied},
      {Officer("q1"), officer("q3"), Code::kPermissionDenied},
      {Officer("q1"), service, Code::kPermissionDenied},
      {kRoot, school_staff(""), Code::kInvalidArgument, "account.school"},
      {kRoot, school_staff("Bad Id"), Code::kInvalidArgument, "account.school"},
      {kRoot, officer("Bad Id"), Code::kInvalidArgument, "account.authority"},
      {kRoot, officer("nowhere"), Code::kInvalidArgument, "account.authority"},
      {kRoot, Account{"", "X", "", Role::kUnspecified, "", "", {}}, Code::kInvalidArgument, "account.role"},
  };
  int n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.caller.subject, " creates role ", static_cast<int>(c.draft.role), " at '",
                              c.draft.school_id, c.draft.authority_id, "'"));
    absl::Status may = directory_.MayCreateAccount(c.caller, c.draft);
    EXPECT_THAT(may, StatusIs(c.code));
    if (!c.field.empty()) {
      EXPECT_THAT(may, IsInvalidField(c.field));
    }
    ExpectSameAnswer(may, directory_.CreateAccount(c.caller, absl::StrCat("tk-", ++n), c.draft).status());
  }
  EXPECT_EQ(AccountCount(), 5);  // the bootstrap admin and the four allowed
  // Another school's id reads exactly like a missing one.
  absl::Status other = directory_.MayCreateAccount(SchoolAdmin("th-khai-minh"), school_staff("mn-2010"));
  absl::Status missing = directory_.MayCreateAccount(SchoolAdmin("th-khai-minh"), school_staff("no-such"));
  EXPECT_EQ(absl::StrReplaceAll(missing.message(), {{"no-such", "mn-2010"}}), other.message());
}

TEST_F(DirectoryRulesTest, MayManageAccount) {
  AddAccount("lan", Role::kSchoolAdmin, "mn-2010", "");
  AddAccount("gv-hoa", Role::kSchoolStaff, "mn-2010", "");
  struct Case {
    Caller caller;
    std::string account;
    Code code;
  };
  const std::vector<Case> cases = {
      {SchoolAdmin("mn-2010"), "gv-hoa", Code::kOk},
      {Officer("q1"), "lan", Code::kOk},
      {kRoot, "gv-hoa", Code::kOk},
      {Staff("mn-2010", "gv-hoa"), "gv-hoa", Code::kOk},  // an account manages itself
      // Nobody else sees an account at all, so there is no PERMISSION_DENIED:
      // a colleague, another school's admin and an officer elsewhere all get
      // the answer for a missing account.
      {Staff("mn-2010", "gv-khac"), "gv-hoa", Code::kNotFound},
      {SchoolAdmin("th-khai-minh"), "lan", Code::kNotFound},
      {Officer("q3"), "lan", Code::kNotFound},
      {kGateway, "lan", Code::kNotFound},
      {kRoot, "no-such", Code::kNotFound},
      {kRoot, "Bad Id", Code::kInvalidArgument},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.caller.subject, " → ", c.account));
    absl::Status may = directory_.MayManageAccount(c.caller, c.account, "parent");
    EXPECT_THAT(may, StatusIs(c.code));
    if (c.code == Code::kInvalidArgument) {
      EXPECT_THAT(may, IsInvalidField("parent"));
    }
    ExpectSameAnswer(may, directory_.CreateApiKey(c.caller, c.account, "máy tính").status());
    absl::Status revoke_may = directory_.MayManageAccount(c.caller, c.account);
    if (c.code == Code::kInvalidArgument) {
      EXPECT_THAT(revoke_may, IsInvalidField("name"));
    }
    if (c.code != Code::kOk) {
      ExpectSameAnswer(revoke_may, directory_.RevokeApiKey(c.caller, c.account, "0123456789abcdef").status());
    }
  }
  absl::Status other = directory_.MayManageAccount(SchoolAdmin("th-khai-minh"), "lan");
  absl::Status missing = directory_.MayManageAccount(SchoolAdmin("th-khai-minh"), "no-such");
  EXPECT_EQ(absl::StrReplaceAll(missing.message(), {{"no-such", "lan"}}), other.message());
}

// ---- bootstrap ----

TEST(DirectoryBootstrapTest, RunsOnlyOnAnEmptyDirectory) {
  InMemoryDirectoryStore store;
  absl::Time now = At(2024, 6, 1);
  Directory directory(store, [&] { return now; });
  ASSERT_OK_AND_ASSIGN(auto secret, directory.Bootstrap(RootAuthority(), ""));
  ASSERT_TRUE(secret.has_value());
  EXPECT_THAT(*secret, MatchesRegex("phk_[0-9a-f]{40}"));
  ASSERT_OK_AND_ASSIGN(auto admin, store.FindAccount("admin"));
  ASSERT_TRUE(admin.has_value());
  EXPECT_EQ(admin->role, Role::kAuthorityOfficer);
  EXPECT_EQ(admin->authority_id, "hcm");
  ASSERT_OK_AND_ASSIGN(auto keys, store.ListApiKeys("admin"));
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].prefix, secret->substr(0, 12));
  EXPECT_EQ(store.secret_hash("admin", keys[0].key_id), HashApiKeySecret(*secret));

  // A second start changes nothing and reveals nothing; a malformed key is
  // still reported as the configuration error it is.
  ASSERT_OK_AND_ASSIGN(auto again, directory.Bootstrap(Authority{"other", "O", "O", "", "city", {}, {}}, ""));
  EXPECT_FALSE(again.has_value());
  EXPECT_THAT(directory.Bootstrap(RootAuthority(), "bad"), StatusIs(Code::kInvalidArgument));
  EXPECT_EQ(*store.CountAccounts(), 1);
  EXPECT_FALSE(store.FindAuthority("other")->has_value());
  EXPECT_EQ(store.ListApiKeys("admin")->size(), 1u);
}

TEST(DirectoryBootstrapTest, AGivenAdminKeyMustLookLikeAKey) {
  InMemoryDirectoryStore store;
  Directory directory(store, [] { return At(2024, 6, 1); });
  const std::string short_key = "phk_" + std::string(19, 'a');  // 23 characters
  for (const std::string& bad : {std::string("secret"), short_key, "xyz_" + std::string(40, 'a')}) {
    EXPECT_THAT(directory.Bootstrap(RootAuthority(), bad),
                StatusIs(Code::kInvalidArgument, HasSubstr("phk_")))
        << bad;
  }
  EXPECT_EQ(*store.CountAccounts(), 0);
  EXPECT_FALSE(store.FindAuthority("hcm")->has_value());

  const std::string given = "phk_" + std::string(20, 'a');  // 24 characters
  ASSERT_OK_AND_ASSIGN(auto shown, directory.Bootstrap(RootAuthority(), given));
  EXPECT_FALSE(shown.has_value());  // the operator already knows it
  ASSERT_OK_AND_ASSIGN(Principal principal, directory.Authenticate(kGateway, given));
  EXPECT_EQ(principal.account.id, "admin");
  EXPECT_THAT(principal.authority_ids, ElementsAre("hcm"));
}

TEST(DirectoryBootstrapTest, KeepsAnExistingRootAuthority) {
  InMemoryDirectoryStore store;
  ASSERT_OK(store.InsertAuthority(Authority{"hcm", "HCM", "Tên cũ", "", "city", {}, {}}));
  Directory directory(store, [] { return At(2024, 6, 1); });
  ASSERT_OK(directory.Bootstrap(RootAuthority(), "").status());
  EXPECT_EQ((*store.FindAuthority("hcm"))->display_name, "Tên cũ");
  EXPECT_EQ(*store.CountAccounts(), 1);
}

// ---- API keys ----

TEST_F(DirectoryRulesTest, KeysAreRandomShownOnceAndStoredHashed) {
  AddAccount("lan", Role::kSchoolAdmin, "mn-2010", "");
  ASSERT_OK_AND_ASSIGN(IssuedApiKey a, directory_.CreateApiKey(SchoolAdmin("mn-2010"), "lan", " laptop "));
  ASSERT_OK_AND_ASSIGN(IssuedApiKey b, directory_.CreateApiKey(SchoolAdmin("mn-2010"), "lan", ""));
  EXPECT_THAT(a.secret, MatchesRegex("phk_[0-9a-f]{40}"));
  EXPECT_NE(a.secret, b.secret);
  EXPECT_NE(a.key.key_id, b.key.key_id);
  EXPECT_EQ(a.key.prefix, a.secret.substr(0, 12));
  EXPECT_EQ(a.key.display_name, "laptop");
  EXPECT_EQ(a.key.create_time, now_);
  EXPECT_EQ(store_.secret_hash("lan", a.key.key_id), HashApiKeySecret(a.secret));
  EXPECT_NE(HashApiKeySecret(a.secret), a.secret);
  EXPECT_THAT(HashApiKeySecret(a.secret), MatchesRegex("[0-9a-f]{64}"));
  EXPECT_THAT(directory_.CreateApiKey(SchoolAdmin("mn-2010"), "lan", std::string(201, 'x')),
              IsInvalidField("display_name"));
  ASSERT_OK_AND_ASSIGN(auto keys, directory_.ListApiKeys(SchoolAdmin("mn-2010"), "lan"));
  EXPECT_EQ(keys.size(), 2u);
}

TEST_F(DirectoryRulesTest, AccountsManageTheirOwnKeys) {
  AddAccount("gv-hoa", Role::kSchoolStaff, "mn-2010", "");
  EXPECT_OK(directory_.CreateApiKey(Staff("mn-2010", "gv-hoa"), "gv-hoa", "điện thoại"));
  EXPECT_THAT(directory_.CreateApiKey(Staff("mn-2010", "gv-khac"), "gv-hoa", "x"), StatusIs(Code::kNotFound));
  EXPECT_OK(directory_.ListApiKeys(SchoolAdmin("mn-2010"), "gv-hoa"));
  EXPECT_THAT(directory_.CreateApiKey(kRoot, "no-such", "x"), StatusIs(Code::kNotFound));
}

TEST_F(DirectoryRulesTest, AuthenticateIsForTheServiceRoleOnly) {
  for (const Caller& caller : {kRoot, SchoolAdmin("mn-2010"), Staff("mn-2010"), Caller{}}) {
    EXPECT_THAT(directory_.Authenticate(caller, admin_secret_), StatusIs(Code::kPermissionDenied))
        << caller.subject;
  }
  EXPECT_EQ(store_.touch_count(), 0);
  EXPECT_OK(directory_.Authenticate(kGateway, admin_secret_));
}

TEST_F(DirectoryRulesTest, UnknownMalformedAndRevokedKeysAreUnauthenticated) {
  for (const std::string& secret :
       {std::string(), std::string("phk_"), std::string("phk_wrong"), admin_secret_.substr(4),
        "PHK_" + admin_secret_.substr(4), admin_secret_ + std::string(100, '0'), admin_secret_ + " "}) {
    EXPECT_THAT(directory_.Authenticate(kGateway, secret), StatusIs(Code::kUnauthenticated)) << secret;
  }
  EXPECT_EQ(store_.touch_count(), 0);
}

TEST_F(DirectoryRulesTest, AuthenticateResolvesWhatTheKeyMayReachToday) {
  AddAccount("lan", Role::kSchoolAdmin, "mn-2010", "");
  AddAccount("cb-q1", Role::kAuthorityOfficer, "", "q1");
  ASSERT_OK_AND_ASSIGN(IssuedApiKey school_key, directory_.CreateApiKey(kRoot, "lan", ""));
  ASSERT_OK_AND_ASSIGN(IssuedApiKey officer_key, directory_.CreateApiKey(kRoot, "cb-q1", ""));

  ASSERT_OK_AND_ASSIGN(Principal school, directory_.Authenticate(kGateway, school_key.secret));
  EXPECT_EQ(school.account.id, "lan");
  EXPECT_EQ(school.key_id, school_key.key.key_id);
  EXPECT_THAT(school.school_ids, ElementsAre("mn-2010"));
  EXPECT_THAT(school.authority_ids, IsEmpty());

  ASSERT_OK_AND_ASSIGN(Principal officer, directory_.Authenticate(kGateway, officer_key.secret));
  EXPECT_THAT(officer.authority_ids, UnorderedElementsAre("q1", "p-ben-nghe"));
  EXPECT_THAT(officer.school_ids, UnorderedElementsAre("mn-2010", "th-ben-nghe", "th-khai-minh"));

  // A school moved into the subtree from a future date joins on that date.
  ASSERT_OK(directory_.MoveSchool(kRoot, "thcs-le-loi", "p-ben-nghe", {2024, 7, 1}, "QĐ").status());
  ASSERT_OK_AND_ASSIGN(officer, directory_.Authenticate(kGateway, officer_key.secret));
  EXPECT_EQ(officer.school_ids.size(), 3u);
  now_ = At(2024, 7, 1, 7, 0, 0);
  ASSERT_OK_AND_ASSIGN(officer, directory_.Authenticate(kGateway, officer_key.secret));
  EXPECT_THAT(officer.school_ids,
              UnorderedElementsAre("mn-2010", "th-ben-nghe", "th-khai-minh", "thcs-le-loi"));
}

TEST_F(DirectoryRulesTest, RevokingIsFinalAndKeepsTheFirstRevokeTime) {
  AddAccount("lan", Role::kSchoolAdmin, "mn-2010", "");
  ASSERT_OK_AND_ASSIGN(IssuedApiKey issued, directory_.CreateApiKey(kRoot, "lan", ""));
  ASSERT_OK(directory_.Authenticate(kGateway, issued.secret).status());
  absl::Time revoked_at = now_ + absl::Hours(1);
  now_ = revoked_at;
  ASSERT_OK_AND_ASSIGN(ApiKey revoked,
                       directory_.RevokeApiKey(SchoolAdmin("mn-2010"), "lan", issued.key.key_id));
  EXPECT_EQ(revoked.revoke_time, revoked_at);
  now_ += absl::Hours(5);
  ASSERT_OK_AND_ASSIGN(ApiKey again,
                       directory_.RevokeApiKey(SchoolAdmin("mn-2010"), "lan", issued.key.key_id));
  EXPECT_EQ(again.revoke_time, revoked_at);
  ASSERT_OK_AND_ASSIGN(auto keys, directory_.ListApiKeys(kRoot, "lan"));
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0].revoke_time, revoked_at);
  EXPECT_THAT(directory_.Authenticate(kGateway, issued.secret), StatusIs(Code::kUnauthenticated));

  EXPECT_THAT(directory_.RevokeApiKey(SchoolAdmin("mn-2010"), "lan", "0123456789abcdef"),
              StatusIs(Code::kNotFound));
  EXPECT_THAT(directory_.RevokeApiKey(SchoolAdmin("mn-2010"), "lan", "Bad Key"), IsInvalidField("name"));
  // Another school's admin cannot even learn the key exists.
  EXPECT_THAT(directory_.RevokeApiKey(SchoolAdmin("th-khai-minh"), "lan", issued.key.key_id),
              StatusIs(Code::kNotFound));
  // A key id belongs to its account.
  EXPECT_THAT(directory_.RevokeApiKey(kRoot, "admin", issued.key.key_id), StatusIs(Code::kNotFound));
}

TEST_F(DirectoryRulesTest, LastUsedTimeIsWrittenAtMostOnceAMinute) {
  const absl::Time t0 = now_;
  auto last_used = [&] { return (*store_.ListApiKeys("admin"))[0].last_used_time; };
  EXPECT_FALSE(last_used().has_value());

  ASSERT_OK(directory_.Authenticate(kGateway, admin_secret_).status());
  EXPECT_EQ(store_.touch_count(), 1);
  EXPECT_EQ(last_used(), t0);

  now_ = t0 + absl::Seconds(30);
  ASSERT_OK(directory_.Authenticate(kGateway, admin_secret_).status());
  now_ = t0 + absl::Seconds(60);  // a minute exactly is not more than a minute
  ASSERT_OK(directory_.Authenticate(kGateway, admin_secret_).status());
  EXPECT_EQ(store_.touch_count(), 1);
  EXPECT_EQ(last_used(), t0);

  now_ = t0 + absl::Seconds(61);
  ASSERT_OK(directory_.Authenticate(kGateway, admin_secret_).status());
  EXPECT_EQ(store_.touch_count(), 2);
  EXPECT_EQ(last_used(), t0 + absl::Seconds(61));

  now_ = t0 + absl::Seconds(100);  // counted from the last write, not from t0
  ASSERT_OK(directory_.Authenticate(kGateway, admin_secret_).status());
  EXPECT_EQ(store_.touch_count(), 2);
}

// ---- search and paging ----

TEST_F(DirectoryRulesTest, SearchFoldsCaseDiacriticsAndDStroke) {
  AddSchool("thcs-duc-tri", "Trường THCS Đức Trí", SchoolLevel::kLowerSecondary, "q1", "DT01",
            "12 Nguyễn Thái Học");
  EXPECT_EQ(store_.search_text("thcs-duc-tri"), "truong thcs duc tri dt01 12 nguyen thai hoc thcs-duc-tri");
  for (const char* query :
       {"duc tri", "Đức Trí", "ĐỨC   TRÍ", "  dưc tri ", "nguyen thai", "DT01", "thcs-duc"}) {
    ASSERT_OK_AND_ASSIGN(auto page, directory_.ListSchools(Officer("q1"), "q1", query, {}, 0, ""));
    EXPECT_THAT(Ids(page.items), ElementsAre("thcs-duc-tri")) << query;
  }
  ASSERT_OK_AND_ASSIGN(auto none, directory_.ListSchools(Officer("q1"), "q1", "duc tri q3", {}, 0, ""));
  EXPECT_THAT(none.items, IsEmpty());
  // Search stays inside the subtree asked for.
  ASSERT_OK_AND_ASSIGN(auto ward, directory_.ListSchools(Officer("q1"), "p-ben-nghe", "truong", {}, 0, ""));
  EXPECT_THAT(Ids(ward.items), ElementsAre("th-ben-nghe"));
}

TEST_F(DirectoryRulesTest, SearchFollowsARename) {
  ASSERT_OK(directory_
                .UpdateSchool(kRoot, School{"thcs-le-loi", "", "Trường THCS Đoàn Thị Điểm", {}, "", "", {}},
                              {"display_name"})
                .status());
  ASSERT_OK_AND_ASSIGN(auto old_name, directory_.ListSchools(kRoot, "hcm", "le loi", {}, 0, ""));
  EXPECT_THAT(old_name.items, IsEmpty());
  ASSERT_OK_AND_ASSIGN(auto new_name, directory_.ListSchools(kRoot, "hcm", "doan thi diem", {}, 0, ""));
  EXPECT_THAT(Ids(new_name.items), ElementsAre("thcs-le-loi"));
}

TEST_F(DirectoryRulesTest, PagesFollowIdOrderWithOpaqueTokens) {
  ASSERT_OK_AND_ASSIGN(auto first, directory_.ListSchools(kRoot, "hcm", "", {}, 3, ""));
  EXPECT_THAT(Ids(first.items), ElementsAre("mn-2010", "th-ben-nghe", "th-khai-minh"));
  ASSERT_FALSE(first.next_page_token.empty());
  EXPECT_EQ(first.next_page_token.find("th-khai-minh"), std::string::npos);
  ASSERT_OK_AND_ASSIGN(auto second, directory_.ListSchools(kRoot, "hcm", "", {}, 3, first.next_page_token));
  EXPECT_THAT(Ids(second.items), ElementsAre("thcs-le-loi"));
  EXPECT_TRUE(second.next_page_token.empty());
  // A page that is exactly full has no next page.
  ASSERT_OK_AND_ASSIGN(auto full, directory_.ListSchools(kRoot, "hcm", "", {}, 4, ""));
  EXPECT_EQ(full.items.size(), 4u);
  EXPECT_TRUE(full.next_page_token.empty());

  ASSERT_OK_AND_ASSIGN(auto authorities, directory_.ListAuthorities(Staff("mn-2010"), "", 2, ""));
  std::vector<std::string> ids;
  for (const Authority& a : authorities.items) ids.push_back(a.id);
  ASSERT_OK_AND_ASSIGN(authorities,
                       directory_.ListAuthorities(Staff("mn-2010"), "", 2, authorities.next_page_token));
  for (const Authority& a : authorities.items) ids.push_back(a.id);
  EXPECT_THAT(ids, ElementsAre("hcm", "p-ben-nghe", "q1", "q3"));
  EXPECT_TRUE(authorities.next_page_token.empty());
  ASSERT_OK_AND_ASSIGN(auto children, directory_.ListAuthorities(Staff("mn-2010"), "q1", 0, ""));
  ASSERT_EQ(children.items.size(), 1u);
  EXPECT_EQ(children.items[0].id, "p-ben-nghe");
}

}  // namespace
}  // namespace parhub::directory
