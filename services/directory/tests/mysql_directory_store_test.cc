// Directory domain + MySQL store against a real MariaDB: scope rules, the
// authority tree and school moves, search, accounts and API keys.
#include "services/directory/store/mysql_directory_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "absl/strings/str_cat.h"
#include "platform/db/migrations.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"
#include "services/directory/domain/directory.h"

const std::vector<parhub::platform::Migration>& DirectoryMigrations();

namespace parhub::directory {
namespace {

using ::parhub::testing::IsOk;
using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class DirectoryTest : public ::testing::Test {
 protected:
  DirectoryTest()
      : database_("directory"),
        db_(database_.config()),
        store_(db_),
        directory_(store_, [this] { return now_; }) {}

  void SetUp() override {
    ASSERT_OK(platform::ApplyMigrations(db_, "directory", DirectoryMigrations()));
    ASSERT_OK_AND_ASSIGN(
        auto secret,
        directory_.Bootstrap(Authority{"hcm", "hcm", "UBND Thành phố Hồ Chí Minh", "", "city", {}, {}}, ""));
    ASSERT_TRUE(secret.has_value());
    admin_secret_ = *secret;
    ASSERT_OK(directory_
                  .CreateAuthority(
                      root_, "q1",
                      Authority{"", "q1", "UBND Quận 1", "hcm", "district", {2000, 1, 1}, {2025, 7, 1}})
                  .status());
    ASSERT_OK(directory_
                  .CreateAuthority(
                      root_, "p-ben-thanh",
                      Authority{"", "p-ben-thanh", "UBND Phường Bến Thành", "hcm", "ward", {2025, 7, 1}, {}})
                  .status());
    ASSERT_OK(
        directory_
            .CreateSchool(
                root_, "mn-2010",
                School{"", "MN2010", "Trường Mầm non 20/10", SchoolLevel::kKindergarten, "Quận 1", "q1", {}})
            .status());
    ASSERT_OK(
        directory_
            .CreateSchool(
                root_, "th-khai-minh",
                School{"", "THKM", "Trường Tiểu học Khai Minh", SchoolLevel::kPrimary, "Quận 1", "q1", {}})
            .status());
  }

  Caller Officer(const std::string& authority) {
    return Caller{"accounts/o", platform::Role::kAuthorityOfficer, "", authority, ""};
  }
  Caller SchoolAdmin(const std::string& school) {
    return Caller{"accounts/s", platform::Role::kSchoolAdmin, school, "", ""};
  }

  ::parhub::testing::TestDatabase database_;
  platform::Db db_;
  MySqlDirectoryStore store_;
  absl::Time now_ = absl::FromCivil(absl::CivilSecond(2024, 6, 1, 9, 0, 0), platform::VietnamTimeZone());
  Directory directory_;
  Caller root_{"accounts/admin", platform::Role::kAuthorityOfficer, "", "hcm", ""};
  Caller gateway_{"services/gateway", platform::Role::kService, "", "", ""};
  std::string admin_secret_;
};

TEST_F(DirectoryTest, BootstrapRunsOnceAndItsKeyAuthenticates) {
  ASSERT_OK_AND_ASSIGN(auto again,
                       directory_.Bootstrap(Authority{"hcm", "hcm", "x", "", "city", {}, {}}, ""));
  EXPECT_FALSE(again.has_value());
  ASSERT_OK_AND_ASSIGN(Principal admin, directory_.Authenticate(gateway_, admin_secret_));
  EXPECT_EQ(admin.account.id, "admin");
  EXPECT_THAT(admin.authority_ids, UnorderedElementsAre("hcm", "q1", "p-ben-thanh"));
  EXPECT_THAT(admin.school_ids, UnorderedElementsAre("mn-2010", "th-khai-minh"));
}

TEST_F(DirectoryTest, SchoolAdminSeesOnlyOwnSchool) {
  EXPECT_OK(directory_.GetSchool(SchoolAdmin("mn-2010"), "mn-2010").status());
  EXPECT_THAT(directory_.GetSchool(SchoolAdmin("mn-2010"), "th-khai-minh"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(directory_.GetSchool(SchoolAdmin("mn-2010"), "no-such-school"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(directory_.ListSchools(SchoolAdmin("mn-2010"), "q1", "", {}, 0, ""),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(directory_.UpdateSchool(SchoolAdmin("mn-2010"),
                                      School{"th-khai-minh", "", "Hacked", {}, "", "", {}}, {"display_name"}),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(DirectoryTest, SearchIgnoresDiacriticsIncludingDStroke) {
  ASSERT_OK(
      directory_
          .CreateSchool(
              root_, "thcs-duc-tri",
              School{
                  "", "DT", "Trường THCS Đức Trí", SchoolLevel::kLowerSecondary, "Nguyễn Thái Học", "q1", {}})
          .status());
  ASSERT_OK_AND_ASSIGN(auto page, directory_.ListSchools(Officer("q1"), "q1", "duc tri", {}, 0, ""));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].display_name, "Trường THCS Đức Trí");
  ASSERT_OK_AND_ASSIGN(auto by_street, directory_.ListSchools(Officer("q1"), "q1", "NGUYEN THAI", {}, 0, ""));
  EXPECT_EQ(by_street.items.size(), 1u);
  // LIKE wildcards in a query are plain characters.
  ASSERT_OK_AND_ASSIGN(auto underscore, directory_.ListSchools(Officer("q1"), "q1", "_", {}, 0, ""));
  EXPECT_TRUE(underscore.items.empty());
  ASSERT_OK_AND_ASSIGN(auto percent, directory_.ListSchools(Officer("q1"), "q1", "tr%ng", {}, 0, ""));
  EXPECT_TRUE(percent.items.empty());
}

TEST_F(DirectoryTest, ListingPaginatesWithOpaqueTokens) {
  ASSERT_OK_AND_ASSIGN(auto first, directory_.ListSchools(Officer("q1"), "q1", "", {}, 1, ""));
  ASSERT_EQ(first.items.size(), 1u);
  ASSERT_FALSE(first.next_page_token.empty());
  ASSERT_OK_AND_ASSIGN(auto second,
                       directory_.ListSchools(Officer("q1"), "q1", "", {}, 1, first.next_page_token));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_NE(first.items[0].id, second.items[0].id);
  EXPECT_TRUE(second.next_page_token.empty());
  EXPECT_THAT(directory_.ListSchools(Officer("q1"), "q1", "", {}, 1, "not-a-token"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
}

TEST_F(DirectoryTest, MovingASchoolKeepsHistoryAndChangesWhoSeesIt) {
  ASSERT_OK(
      directory_.MoveSchool(root_, "mn-2010", "p-ben-thanh", {2025, 7, 1}, "NQ 1685/NQ-UBTVQH15").status());
  // Before the effective date the school is still under Quận 1.
  ASSERT_OK_AND_ASSIGN(auto q1_schools, directory_.ListSchools(Officer("q1"), "q1", "", {}, 0, ""));
  EXPECT_EQ(q1_schools.items.size(), 2u);
  now_ = absl::FromCivil(absl::CivilSecond(2025, 7, 2, 8, 0, 0), platform::VietnamTimeZone());
  ASSERT_OK_AND_ASSIGN(auto ward_schools,
                       directory_.ListSchools(Officer("p-ben-thanh"), "p-ben-thanh", "", {}, 0, ""));
  ASSERT_EQ(ward_schools.items.size(), 1u);
  EXPECT_EQ(ward_schools.items[0].authority_id, "p-ben-thanh");
  EXPECT_THAT(directory_.GetSchool(Officer("q1"), "mn-2010"), StatusIs(absl::StatusCode::kNotFound));
  ASSERT_OK_AND_ASSIGN(auto history, directory_.ListMemberships(root_, "mn-2010"));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].authority_id, "q1");
  EXPECT_EQ(history[0].effective_until, (Date{2025, 7, 1}));
  EXPECT_EQ(history[1].authority_id, "p-ben-thanh");
  EXPECT_FALSE(history[1].effective_until.IsSet());
  // A move dated before the last one is refused and changes nothing.
  EXPECT_THAT(directory_.MoveSchool(root_, "mn-2010", "q1", {2025, 6, 1}, "sai"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("effective_date")));
  ASSERT_OK_AND_ASSIGN(auto unchanged, directory_.ListMemberships(root_, "mn-2010"));
  EXPECT_EQ(unchanged.size(), 2u);
}

// The tree's version moves on with every write to the tree, in the same
// transaction, and never with a read or a refused write.
TEST_F(DirectoryTest, TheTreeVersionMovesOnWithEveryWriteToTheTree) {
  ASSERT_OK_AND_ASSIGN(int64_t v0, directory_.TreeVersion());
  ASSERT_OK(directory_.ListSchools(Officer("q1"), "q1", "", {}, 0, "").status());
  ASSERT_OK(directory_.GetSchool(root_, "mn-2010").status());
  ASSERT_OK_AND_ASSIGN(int64_t after_reads, directory_.TreeVersion());
  EXPECT_EQ(after_reads, v0);

  School renamed{"mn-2010", "", "Trường Mầm non 20 tháng 10", SchoolLevel::kUnspecified, "", "", {}};
  ASSERT_OK(directory_.UpdateSchool(root_, renamed, {"display_name"}).status());
  ASSERT_OK_AND_ASSIGN(int64_t v1, directory_.TreeVersion());
  EXPECT_GT(v1, v0);
  ASSERT_OK(
      directory_.MoveSchool(root_, "mn-2010", "p-ben-thanh", {2025, 7, 1}, "NQ 1685/NQ-UBTVQH15").status());
  ASSERT_OK_AND_ASSIGN(int64_t v2, directory_.TreeVersion());
  EXPECT_GT(v2, v1);
  ASSERT_OK(
      directory_
          .CreateSchool(root_, "th-moi",
                        School{"", "THMOI", "Trường Tiểu học Mới", SchoolLevel::kPrimary, "Quận 1", "q1", {}})
          .status());
  ASSERT_OK_AND_ASSIGN(int64_t v3, directory_.TreeVersion());
  EXPECT_GT(v3, v2);
  ASSERT_OK(directory_
                .CreateAuthority(root_, "q3",
                                 Authority{"", "q3", "UBND Quận 3", "hcm", "district", {2000, 1, 1}, {}})
                .status());
  ASSERT_OK_AND_ASSIGN(int64_t v4, directory_.TreeVersion());
  EXPECT_GT(v4, v3);
  // A refused write leaves it where it was.
  EXPECT_FALSE(directory_.MoveSchool(root_, "mn-2010", "q1", {2025, 6, 1}, "sai").ok());
  EXPECT_FALSE(
      store_.AddMembership("mn-2010", Membership{"q1", {2025, 8, 1}, {}, "cũ"}, Date{2000, 1, 1}).ok());
  ASSERT_OK_AND_ASSIGN(int64_t v5, directory_.TreeVersion());
  EXPECT_EQ(v5, v4);
}

TEST_F(DirectoryTest, AMoveBasedOnStaleHistoryIsRefused) {
  // Two moves checked against the same history: the second one to commit loses.
  ASSERT_OK(store_.AddMembership("mn-2010", Membership{"p-ben-thanh", {2025, 7, 1}, {}, "lần 1"},
                                 Date{2000, 1, 1}));
  EXPECT_THAT(store_.AddMembership("mn-2010", Membership{"q1", {2025, 8, 1}, {}, "lần 2"}, Date{2000, 1, 1}),
              StatusIs(absl::StatusCode::kAborted));
  ASSERT_OK_AND_ASSIGN(auto history, directory_.ListMemberships(root_, "mn-2010"));
  EXPECT_EQ(history.size(), 2u);
}

TEST_F(DirectoryTest, ConcurrentEditsOfDifferentFieldsAreBothKept) {
  // Each edit reads and rewrites the row; without the row lock one thread's
  // stale copy would put the other's field back.
  auto edit = [&](const std::string& field, int n) {
    platform::Db own(database_.config());
    MySqlDirectoryStore store(own);
    Directory directory(store, [this] { return now_; });
    for (int i = 0; i < n; ++i) {
      School change{"mn-2010", "", "", SchoolLevel::kUnspecified, "", "", {}};
      (field == "display_name" ? change.display_name : change.address) = absl::StrCat(field, " ", i);
      absl::Status status = directory.UpdateSchool(root_, change, {field}).status();
      ASSERT_TRUE(status.ok() || absl::IsAborted(status)) << status;
      if (!status.ok()) --i;  // deadlock victim: redo this edit
    }
  };
  std::thread names([&] { edit("display_name", 40); });
  std::thread addresses([&] { edit("address", 40); });
  names.join();
  addresses.join();
  ASSERT_OK_AND_ASSIGN(School school, directory_.GetSchool(root_, "mn-2010"));
  EXPECT_EQ(school.display_name, "display_name 39");
  EXPECT_EQ(school.address, "address 39");
}

TEST_F(DirectoryTest, SchoolsCannotBeCreatedUnderAnAuthorityNotYetInEffect) {
  // In June 2024 the ward of 1/7/2025 does not exist yet: the school would
  // belong to no authority today. Create it under Quận 1 and move it instead.
  EXPECT_THAT(directory_.CreateSchool(
                  root_, "mn-moi",
                  School{"", "MNM", "Trường Mầm non Mới", SchoolLevel::kKindergarten, "", "p-ben-thanh", {}}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(directory_.GetSchool(root_, "mn-moi"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(DirectoryTest, OfficersCannotReachOutsideTheirSubtree) {
  EXPECT_THAT(directory_.CreateSchool(Officer("q1"), "x",
                                      School{"", "X", "X", SchoolLevel::kPrimary, "", "p-ben-thanh", {}}),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(directory_.ListSchools(Officer("p-ben-thanh"), "q1", "", {}, 0, ""),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(
      directory_.CreateAuthority(Officer("q1"), "p-x", Authority{"", "px", "X", "hcm", "ward", {}, {}}),
      StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(DirectoryTest, InvalidInputNamesTheFieldAndChangesNothing) {
  EXPECT_THAT(
      directory_.CreateSchool(root_, "Bad Id", School{"", "X", "X", SchoolLevel::kPrimary, "", "q1", {}}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("school_id")));
  EXPECT_THAT(
      directory_.CreateSchool(root_, "ok-id", School{"", "X", "", SchoolLevel::kPrimary, "", "q1", {}}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("school.display_name")));
  EXPECT_THAT(
      directory_.CreateSchool(root_, "ok-id", School{"", "X", "X", SchoolLevel::kPrimary, "", "nowhere", {}}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("school.authority")));
  EXPECT_THAT(
      directory_.CreateAccount(
          root_, "a1",
          Account{"", "Nguyễn Văn Đức", "not-an-email", platform::Role::kSchoolAdmin, "mn-2010", "", {}}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("account.email")));
  EXPECT_THAT(directory_.GetSchool(root_, "ok-id"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(
      directory_.CreateSchool(root_, "mn-2010", School{"", "X", "X", SchoolLevel::kPrimary, "", "q1", {}}),
      StatusIs(absl::StatusCode::kAlreadyExists));
}

TEST_F(DirectoryTest, ApiKeysAreShownOnceStoredHashedAndRevocable) {
  ASSERT_OK(directory_
                .CreateAccount(root_, "hieu-truong",
                               Account{"",
                                       "Nguyễn Thị Lan",
                                       "lan@example.edu.vn",
                                       platform::Role::kSchoolAdmin,
                                       "mn-2010",
                                       "",
                                       {}})
                .status());
  ASSERT_OK_AND_ASSIGN(IssuedApiKey issued,
                       directory_.CreateApiKey(SchoolAdmin("mn-2010"), "hieu-truong", "laptop"));
  EXPECT_THAT(issued.secret, ::testing::StartsWith("phk_"));
  ASSERT_OK_AND_ASSIGN(auto stored,
                       db_.Query("SELECT secret_hash FROM api_keys WHERE key_id = ?", {issued.key.key_id}));
  EXPECT_NE(stored[0].Str(0), issued.secret);
  EXPECT_EQ(stored[0].Str(0), HashApiKeySecret(issued.secret));

  ASSERT_OK_AND_ASSIGN(Principal principal, directory_.Authenticate(gateway_, issued.secret));
  EXPECT_EQ(principal.account.school_id, "mn-2010");
  EXPECT_THAT(principal.school_ids, ElementsAre("mn-2010"));
  EXPECT_THAT(directory_.Authenticate(SchoolAdmin("mn-2010"), issued.secret),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(directory_.CreateApiKey(SchoolAdmin("th-khai-minh"), "hieu-truong", "x"),
              StatusIs(absl::StatusCode::kNotFound));

  ASSERT_OK(directory_.RevokeApiKey(SchoolAdmin("mn-2010"), "hieu-truong", issued.key.key_id).status());
  EXPECT_THAT(directory_.Authenticate(gateway_, issued.secret), StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(directory_.Authenticate(gateway_, "phk_wrong"), StatusIs(absl::StatusCode::kUnauthenticated));
  ASSERT_OK_AND_ASSIGN(auto keys, directory_.ListApiKeys(SchoolAdmin("mn-2010"), "hieu-truong"));
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_TRUE(keys[0].revoke_time.has_value());
  EXPECT_TRUE(keys[0].last_used_time.has_value());
}

}  // namespace
}  // namespace parhub::directory
