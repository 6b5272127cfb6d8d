// Integration tests of the directory's gRPC adapter in one process: a real
// gRPC server with DirectoryServiceImpl over MariaDB, called with signed
// identities as the gateway sends them. Covers what only the adapter does:
// the API key secret shown once, access before the idempotency ledger, one
// audit row per mutation, identities bound to their method, field errors.
#include "services/directory/rpc/directory_service.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/db/migrations.h"
#include "platform/db/sql_values.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/testing/in_process_server.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"
#include "services/directory/store/mysql_directory_store.h"

const std::vector<parhub::platform::Migration>& DirectoryMigrations();

namespace parhub::directory {
namespace {

namespace pb = ::parhub::directory::v1;
using ::parhub::platform::Caller;
using ::parhub::platform::Role;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

using ::parhub::testing::ProtoDate;
using ::parhub::testing::ReasonOf;
using ::parhub::testing::ViolatedField;

// Shared across the suite: one database bootstrapped as main.cc does, one
// server. Tests isolate themselves with fresh school and account ids.
struct Harness {
  std::unique_ptr<::parhub::testing::InProcessServer> server;
  std::unique_ptr<MySqlDirectoryStore> store;
  std::unique_ptr<Directory> directory;
  std::unique_ptr<DirectoryServiceImpl> service;
  std::unique_ptr<pb::DirectoryService::Stub> stub;
};
Harness* harness = nullptr;

class DirectoryServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    harness = new Harness;
    harness->server = std::make_unique<::parhub::testing::InProcessServer>(
        pb::DirectoryService::service_full_name(), "directory", DirectoryMigrations());
    harness->store = std::make_unique<MySqlDirectoryStore>(harness->server->db());
    harness->directory = std::make_unique<Directory>(*harness->store, [] {
      return absl::FromCivil(absl::CivilSecond(2024, 6, 1, 9, 0, 0), platform::VietnamTimeZone());
    });
    ASSERT_OK(harness->directory
                  ->Bootstrap(Authority{"hcm", "hcm", "UBND Thành phố Hồ Chí Minh", "", "city", {}, {}}, "")
                  .status());
    harness->service =
        std::make_unique<DirectoryServiceImpl>(harness->server->handlers(), *harness->directory);
    harness->server->Start(harness->service.get());
    harness->stub = pb::DirectoryService::NewStub(harness->server->channel());
  }
  static void TearDownTestSuite() {
    harness->stub.reset();
    harness->server.reset();  // stops serving before the service goes away
    delete harness;
    harness = nullptr;
  }

  // Two schools under the root authority, each with an admin account, and a
  // staff account at the first; made through the domain, not the adapter.
  void SetUp() override {
    ASSERT_TRUE(harness != nullptr && harness->stub != nullptr);
    const std::string tag = platform::RandomHex(4);
    school_ = "mn-" + tag;
    other_ = "th-" + tag;
    staff_ = "staff-" + tag;
    Directory& d = *harness->directory;
    ASSERT_OK(
        d.CreateSchool(
             Root(), school_,
             School{"", "MN2010", "Trường Mầm non 20/10", SchoolLevel::kKindergarten, "Quận 1", "hcm", {}})
            .status());
    ASSERT_OK(
        d.CreateSchool(
             Root(), other_,
             School{"", "THKM", "Trường Tiểu học Khai Minh", SchoolLevel::kPrimary, "Quận 1", "hcm", {}})
            .status());
    for (const auto& [account, school, role] : {std::tuple{"admin-" + school_, school_, Role::kSchoolAdmin},
                                                std::tuple{"admin-" + other_, other_, Role::kSchoolAdmin},
                                                std::tuple{staff_, school_, Role::kSchoolStaff}}) {
      ASSERT_OK(d.CreateAccount(Root(), account, Account{"", "Cán bộ " + account, "", role, school, "", {}})
                    .status());
    }
  }

  static pb::DirectoryService::Stub& stub() { return *harness->stub; }
  static platform::Db& db() { return harness->server->db(); }

  static Caller Root() { return Caller{"accounts/admin", Role::kAuthorityOfficer, "", "hcm", ""}; }
  static Caller Officer() {
    return Caller{"accounts/admin", Role::kAuthorityOfficer, "", "hcm", platform::RandomId()};
  }
  static Caller AdminOf(const std::string& school) {
    return Caller{"accounts/admin-" + school, Role::kSchoolAdmin, school, "", platform::RandomId()};
  }
  static Caller Gateway() { return Caller{"services/gateway", Role::kService, "", "", platform::RandomId()}; }

  // A client context carrying `caller`'s identity signed for `method`.
  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& method, const Caller& caller) {
    return harness->server->Context(caller, method);
  }

  static pb::CreateApiKeyRequest KeyRequest(const std::string& account, const std::string& request_id) {
    pb::CreateApiKeyRequest request;
    request.set_parent("accounts/" + account);
    request.set_display_name("Máy tính văn thư");
    request.set_request_id(request_id);
    return request;
  }

  pb::UpdateSchoolRequest RenameRequest(const std::string& display_name, const std::string& request_id) {
    pb::UpdateSchoolRequest request;
    request.mutable_school()->set_name("schools/" + school_);
    request.mutable_school()->set_display_name(display_name);
    request.mutable_update_mask()->add_paths("display_name");
    request.set_request_id(request_id);
    return request;
  }

  pb::CreateSchoolRequest NewSchoolRequest(const std::string& school_id, const std::string& request_id) {
    pb::CreateSchoolRequest request;
    request.set_school_id(school_id);
    request.mutable_school()->set_code("THCSDT");
    request.mutable_school()->set_display_name("Trường THCS Đức Trí");
    request.mutable_school()->set_level(pb::SCHOOL_LEVEL_LOWER_SECONDARY);
    request.mutable_school()->set_authority("authorities/hcm");
    request.set_request_id(request_id);
    return request;
  }

  // A district under the root authority, for schools to move to.
  static std::string NewDistrict() {
    const std::string id = "q-" + platform::RandomHex(4);
    EXPECT_OK(harness->directory
                  ->CreateAuthority(Root(), id, Authority{"", id, "UBND " + id, "hcm", "district", {}, {}})
                  .status());
    return id;
  }

  static std::vector<platform::Row> AuditRows(const std::string& request_id) {
    auto rows = db().Query(
        "SELECT scope, actor, action, target, request_id, trace_id FROM audit_log WHERE request_id = ?",
        {request_id});
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? *rows : std::vector<platform::Row>{};
  }
  static int64_t LedgerRows(const std::string& request_id) {
    auto rows = db().Query("SELECT COUNT(*) FROM idempotency_keys WHERE request_id = ?", {request_id});
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? platform::IntFromSql((*rows)[0], 0).value_or(-1) : -1;
  }

  int ApiKeysOf(const std::string& account) {
    pb::ListApiKeysRequest request;
    request.set_parent("accounts/" + account);
    pb::ListApiKeysResponse response;
    grpc::Status status = stub().ListApiKeys(Ctx("ListApiKeys", AdminOf(school_)).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.api_keys_size();
  }

  pb::School SchoolAsItsAdmin() {
    pb::GetSchoolRequest request;
    request.set_name("schools/" + school_);
    pb::School school;
    grpc::Status status = stub().GetSchool(Ctx("GetSchool", AdminOf(school_)).get(), request, &school);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return school;
  }

  std::string school_;  // a kindergarten with its admin and a staff account
  std::string other_;   // a primary school with its own admin
  std::string staff_;   // staff account at school_
};

TEST_F(DirectoryServiceTest, ApiKeySecretIsShownOnceAndNeverStored) {
  const Caller admin = AdminOf(school_);
  pb::CreateApiKeyRequest request = KeyRequest(staff_, "key-" + school_);
  pb::CreateApiKeyResponse issued;
  grpc::Status first = stub().CreateApiKey(Ctx("CreateApiKey", admin).get(), request, &issued);
  ASSERT_TRUE(first.ok()) << first.error_message();
  ASSERT_THAT(issued.secret(), StartsWith("phk_"));
  EXPECT_THAT(issued.api_key().name(), StartsWith("accounts/" + staff_ + "/apiKeys/"));
  EXPECT_EQ(issued.api_key().prefix(), issued.secret().substr(0, 12));

  // The secret shown is the one that works at the gateway.
  pb::AuthenticateApiKeyRequest authenticate;
  authenticate.set_secret(issued.secret());
  pb::AuthenticateApiKeyResponse principal;
  ASSERT_TRUE(
      stub().AuthenticateApiKey(Ctx("AuthenticateApiKey", Gateway()).get(), authenticate, &principal).ok());
  EXPECT_EQ(principal.account().name(), "accounts/" + staff_);
  EXPECT_EQ(principal.api_key(), issued.api_key().name());

  // A retry of the same request issues nothing and shows no secret.
  pb::CreateApiKeyResponse retried;
  grpc::Status again = stub().CreateApiKey(Ctx("CreateApiKey", admin).get(), request, &retried);
  EXPECT_EQ(again.error_code(), grpc::StatusCode::ALREADY_EXISTS) << again.error_message();
  EXPECT_EQ(ReasonOf(again), "SECRET_ALREADY_SHOWN");
  EXPECT_TRUE(retried.secret().empty());
  EXPECT_THAT(again.error_message(), Not(HasSubstr(issued.secret())));
  EXPECT_EQ(ApiKeysOf(staff_), 1);

  // The same request_id for another key is a reused key, not a replay.
  pb::CreateApiKeyRequest other = request;
  other.set_display_name("Điện thoại hiệu trưởng");
  pb::CreateApiKeyResponse reused_out;
  grpc::Status reused = stub().CreateApiKey(Ctx("CreateApiKey", admin).get(), other, &reused_out);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << reused.error_message();
  EXPECT_EQ(ReasonOf(reused), "REQUEST_ID_REUSED");
  EXPECT_EQ(ViolatedField(reused), "request_id");
  EXPECT_TRUE(reused_out.secret().empty());
  EXPECT_EQ(ApiKeysOf(staff_), 1);

  // What the ledger kept is the key without its secret.
  ASSERT_OK_AND_ASSIGN(auto stored, db().Query("SELECT response FROM idempotency_keys WHERE scope = ? AND "
                                               "request_id = ?",
                                               {staff_, request.request_id()}));
  ASSERT_EQ(stored.size(), 1u);
  const std::string& bytes = stored[0].Str(0);
  EXPECT_FALSE(absl::StrContains(bytes, issued.secret()));
  EXPECT_FALSE(absl::StrContains(bytes, issued.secret().substr(12)));  // nor its unshown part
  pb::CreateApiKeyResponse kept;
  ASSERT_TRUE(kept.ParseFromString(bytes));
  EXPECT_EQ(kept.api_key().name(), issued.api_key().name());
  EXPECT_TRUE(kept.secret().empty());
}

TEST_F(DirectoryServiceTest, AnotherSchoolsAdminReusingTheRightfulRequestIdGetsNotFound) {
  const Caller rightful = AdminOf(school_);
  const Caller intruder = AdminOf(other_);
  const std::string create_id = "create-" + school_;
  const std::string revoke_id = "revoke-" + school_;
  const std::string rename_id = "rename-" + school_;

  pb::CreateApiKeyRequest create = KeyRequest(staff_, create_id);
  pb::CreateApiKeyResponse issued;
  ASSERT_TRUE(stub().CreateApiKey(Ctx("CreateApiKey", rightful).get(), create, &issued).ok());
  pb::RevokeApiKeyRequest revoke;
  revoke.set_name(issued.api_key().name());
  revoke.set_request_id(revoke_id);
  pb::ApiKey revoked;
  ASSERT_TRUE(stub().RevokeApiKey(Ctx("RevokeApiKey", rightful).get(), revoke, &revoked).ok());
  ASSERT_TRUE(revoked.has_revoke_time());
  pb::UpdateSchoolRequest rename = RenameRequest("Trường Mầm non 20 tháng 10", rename_id);
  pb::School renamed;
  ASSERT_TRUE(stub().UpdateSchool(Ctx("UpdateSchool", rightful).get(), rename, &renamed).ok());

  // The same requests, same request_ids, from the admin of another school.
  auto expect_not_found = [](const grpc::Status& status, const char* rpc) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << rpc << ": " << status.error_message();
    EXPECT_EQ(ReasonOf(status), "") << rpc;
  };
  pb::CreateApiKeyResponse create_out;
  expect_not_found(stub().CreateApiKey(Ctx("CreateApiKey", intruder).get(), create, &create_out),
                   "CreateApiKey");
  EXPECT_FALSE(create_out.has_api_key());
  pb::ApiKey revoke_out;
  expect_not_found(stub().RevokeApiKey(Ctx("RevokeApiKey", intruder).get(), revoke, &revoke_out),
                   "RevokeApiKey");
  EXPECT_TRUE(revoke_out.name().empty());
  pb::School rename_out;
  expect_not_found(stub().UpdateSchool(Ctx("UpdateSchool", intruder).get(), rename, &rename_out),
                   "UpdateSchool");
  EXPECT_TRUE(rename_out.name().empty());
  // Its own edit of the foreign school, under a fresh key, is refused alike.
  pb::UpdateSchoolRequest hijack = RenameRequest("Bị sửa", "hijack-" + school_);
  expect_not_found(stub().UpdateSchool(Ctx("UpdateSchool", intruder).get(), hijack, &rename_out),
                   "UpdateSchool with a fresh request_id");

  // Nothing changed, nothing was recorded for the intruder.
  EXPECT_EQ(SchoolAsItsAdmin().display_name(), "Trường Mầm non 20 tháng 10");
  EXPECT_EQ(ApiKeysOf(staff_), 1);
  for (const std::string& id : {create_id, revoke_id, rename_id}) {
    auto audit = AuditRows(id);
    ASSERT_EQ(audit.size(), 1u) << id;
    EXPECT_EQ(audit[0].Str(1), rightful.subject) << id;
    EXPECT_EQ(LedgerRows(id), 1) << id;
  }
  EXPECT_TRUE(AuditRows("hijack-" + school_).empty());
  EXPECT_EQ(LedgerRows("hijack-" + school_), 0);

  // The rightful caller's retry still replays its own response.
  pb::ApiKey replayed;
  ASSERT_TRUE(stub().RevokeApiKey(Ctx("RevokeApiKey", rightful).get(), revoke, &replayed).ok());
  EXPECT_EQ(replayed.SerializeAsString(), revoked.SerializeAsString());
}

TEST_F(DirectoryServiceTest, EveryMutationWritesOneAuditRowWithItsTraceId) {
  const std::string district = NewDistrict();
  const std::string tag = platform::RandomHex(4);
  struct Expected {
    std::string request_id, scope, actor, action, target, trace_id;
  };
  std::vector<Expected> expected;
  auto check = [&](const grpc::Status& status, const std::string& rpc) {
    EXPECT_TRUE(status.ok()) << rpc << ": " << status.error_message();
  };

  {
    const Caller officer = Officer();
    pb::CreateAuthorityRequest r;
    r.set_authority_id("p-" + tag);
    r.mutable_authority()->set_code("p-" + tag);
    r.mutable_authority()->set_display_name("UBND Phường Bến Thành");
    r.mutable_authority()->set_parent("authorities/hcm");
    r.mutable_authority()->set_kind("ward");
    r.set_request_id("a1-" + tag);
    pb::Authority out;
    check(stub().CreateAuthority(Ctx("CreateAuthority", officer).get(), r, &out), "CreateAuthority");
    expected.push_back({r.request_id(), "hcm", officer.subject, "CreateAuthorityRequest",
                        "authorities/p-" + tag, officer.trace_id});
  }
  {
    const Caller officer = Officer();
    pb::CreateSchoolRequest r = NewSchoolRequest("thcs-" + tag, "a2-" + tag);
    pb::School out;
    check(stub().CreateSchool(Ctx("CreateSchool", officer).get(), r, &out), "CreateSchool");
    expected.push_back({r.request_id(), "thcs-" + tag, officer.subject, "CreateSchoolRequest",
                        "schools/thcs-" + tag, officer.trace_id});
  }
  {
    const Caller admin = AdminOf(school_);
    pb::UpdateSchoolRequest r = RenameRequest("Trường Mầm non 20 tháng 10", "a3-" + tag);
    pb::School out;
    check(stub().UpdateSchool(Ctx("UpdateSchool", admin).get(), r, &out), "UpdateSchool");
    expected.push_back({r.request_id(), school_, admin.subject, "UpdateSchoolRequest", "schools/" + school_,
                        admin.trace_id});
  }
  {
    const Caller officer = Officer();
    pb::MoveSchoolRequest r;
    r.set_name("schools/" + other_);
    r.set_authority("authorities/" + district);
    *r.mutable_effective_date() = ProtoDate(2024, 7, 1);
    r.set_reason("Quyết định 12/QĐ-UBND");
    r.set_request_id("a4-" + tag);
    pb::School out;
    check(stub().MoveSchool(Ctx("MoveSchool", officer).get(), r, &out), "MoveSchool");
    expected.push_back({r.request_id(), other_, officer.subject, "MoveSchoolRequest", "schools/" + other_,
                        officer.trace_id});
  }
  {
    const Caller admin = AdminOf(school_);
    pb::CreateAccountRequest r;
    r.set_account_id("gv-" + tag);
    r.mutable_account()->set_display_name("Nguyễn Thị Lan");
    r.mutable_account()->set_role(parhub::common::v1::ROLE_SCHOOL_STAFF);
    r.mutable_account()->set_school("schools/" + school_);
    r.set_request_id("a5-" + tag);
    pb::Account out;
    check(stub().CreateAccount(Ctx("CreateAccount", admin).get(), r, &out), "CreateAccount");
    expected.push_back({r.request_id(), school_, admin.subject, "CreateAccountRequest", "accounts/gv-" + tag,
                        admin.trace_id});
  }
  std::string key_name;
  {
    const Caller admin = AdminOf(school_);
    pb::CreateApiKeyRequest r = KeyRequest("gv-" + tag, "a6-" + tag);
    pb::CreateApiKeyResponse out;
    check(stub().CreateApiKey(Ctx("CreateApiKey", admin).get(), r, &out), "CreateApiKey");
    key_name = out.api_key().name();
    expected.push_back({r.request_id(), "gv-" + tag, admin.subject, "CreateApiKeyRequest",
                        "accounts/gv-" + tag, admin.trace_id});
  }
  {
    // The account revokes its own key.
    const Caller self{"accounts/gv-" + tag, Role::kSchoolStaff, school_, "", platform::RandomId()};
    pb::RevokeApiKeyRequest r;
    r.set_name(key_name);
    r.set_request_id("a7-" + tag);
    pb::ApiKey out;
    check(stub().RevokeApiKey(Ctx("RevokeApiKey", self).get(), r, &out), "RevokeApiKey");
    expected.push_back(
        {r.request_id(), "gv-" + tag, self.subject, "RevokeApiKeyRequest", key_name, self.trace_id});
  }

  for (const Expected& e : expected) {
    auto rows = AuditRows(e.request_id);
    ASSERT_EQ(rows.size(), 1u) << e.action;
    EXPECT_EQ(rows[0].Str(0), e.scope) << e.action;
    EXPECT_EQ(rows[0].Str(1), e.actor) << e.action;
    EXPECT_EQ(rows[0].Str(2), e.action);
    EXPECT_EQ(rows[0].Str(3), e.target) << e.action;
    EXPECT_EQ(rows[0].Str(4), e.request_id) << e.action;
    EXPECT_EQ(rows[0].Str(5), e.trace_id) << e.action;
    EXPECT_FALSE(e.trace_id.empty());
  }

  // A replay is not a second mutation.
  pb::UpdateSchoolRequest replay = RenameRequest("Trường Mầm non 20 tháng 10", "a3-" + tag);
  pb::School out;
  ASSERT_TRUE(stub().UpdateSchool(Ctx("UpdateSchool", AdminOf(school_)).get(), replay, &out).ok());
  EXPECT_EQ(AuditRows("a3-" + tag).size(), 1u);
}

TEST_F(DirectoryServiceTest, FailedMutationWritesNoAuditRowAndItsKeyMayBeReused) {
  const std::string request_id = "blank-" + school_;
  pb::UpdateSchoolRequest blank = RenameRequest("   ", request_id);
  pb::School out;
  grpc::Status failed = stub().UpdateSchool(Ctx("UpdateSchool", AdminOf(school_)).get(), blank, &out);
  EXPECT_EQ(failed.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << failed.error_message();
  EXPECT_EQ(ViolatedField(failed), "school.display_name");
  EXPECT_TRUE(AuditRows(request_id).empty());
  EXPECT_EQ(LedgerRows(request_id), 0);
  EXPECT_EQ(SchoolAsItsAdmin().display_name(), "Trường Mầm non 20/10");

  pb::UpdateSchoolRequest fixed = RenameRequest("Trường Mầm non 20 tháng 10", request_id);
  ASSERT_TRUE(stub().UpdateSchool(Ctx("UpdateSchool", AdminOf(school_)).get(), fixed, &out).ok());
  EXPECT_EQ(out.display_name(), "Trường Mầm non 20 tháng 10");
  EXPECT_EQ(AuditRows(request_id).size(), 1u);
}

TEST_F(DirectoryServiceTest, SchoolIsNotCreatedWhenItsAuditRowCannotBeWritten) {
  // audit_log.actor holds 100 characters; a longer subject makes the audit
  // insert, which comes after the school's, fail inside the transaction.
  Caller officer = Officer();
  officer.subject = "accounts/" + std::string(120, 'o');
  const std::string id = "thcs-" + platform::RandomHex(4);
  const std::string request_id = "unrecorded-" + id;
  pb::CreateSchoolRequest request = NewSchoolRequest(id, request_id);
  pb::School out;
  grpc::Status status = stub().CreateSchool(Ctx("CreateSchool", officer).get(), request, &out);
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(AuditRows(request_id).empty());
  EXPECT_EQ(LedgerRows(request_id), 0);
  ASSERT_OK_AND_ASSIGN(auto schools, db().Query("SELECT COUNT(*) FROM schools WHERE school_id = ?", {id}));
  EXPECT_EQ(*platform::IntFromSql(schools[0], 0), 0);

  // Recorded properly, the same request creates it once.
  ASSERT_TRUE(stub().CreateSchool(Ctx("CreateSchool", Officer()).get(), request, &out).ok());
  EXPECT_EQ(out.name(), "schools/" + id);
  EXPECT_EQ(AuditRows(request_id).size(), 1u);
}

TEST_F(DirectoryServiceTest, IdentitySignedForAnotherMethodIsUnauthenticated) {
  const std::string id = "thcs-" + platform::RandomHex(4);
  pb::CreateSchoolRequest request = NewSchoolRequest(id, "ident-" + id);
  pb::School out;
  // An officer's identity for reading a school, replayed to create one.
  grpc::Status wrong_method = stub().CreateSchool(Ctx("GetSchool", Officer()).get(), request, &out);
  EXPECT_EQ(wrong_method.error_code(), grpc::StatusCode::UNAUTHENTICATED) << wrong_method.error_message();
  // The right method name, but for another service.
  grpc::ClientContext other_service;
  platform::AttachIdentity(other_service, harness->server->key(), Officer(),
                           "/parhub.tasks.v1.TaskService/CreateSchool");
  EXPECT_EQ(stub().CreateSchool(&other_service, request, &out).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // Signed with another key.
  ASSERT_OK_AND_ASSIGN(auto foreign_key, platform::IdentityKey::Create(std::string(32, 'x')));
  grpc::ClientContext forged;
  platform::AttachIdentity(forged, foreign_key, Officer(),
                           absl::StrCat("/", pb::DirectoryService::service_full_name(), "/CreateSchool"));
  EXPECT_EQ(stub().CreateSchool(&forged, request, &out).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // No identity at all, on a mutation and on a read.
  grpc::ClientContext bare;
  EXPECT_EQ(stub().CreateSchool(&bare, request, &out).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  grpc::ClientContext bare_read;
  pb::GetSchoolRequest get;
  get.set_name("schools/" + school_);
  EXPECT_EQ(stub().GetSchool(&bare_read, get, &out).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(out.name().empty());

  EXPECT_TRUE(AuditRows(request.request_id()).empty());
  EXPECT_EQ(LedgerRows(request.request_id()), 0);
  ASSERT_OK_AND_ASSIGN(auto schools, db().Query("SELECT COUNT(*) FROM schools WHERE school_id = ?", {id}));
  EXPECT_EQ(*platform::IntFromSql(schools[0], 0), 0);
  // The identity for the method itself works.
  EXPECT_TRUE(stub().CreateSchool(Ctx("CreateSchool", Officer()).get(), request, &out).ok());
}

TEST_F(DirectoryServiceTest, BadSchoolIdIsRejectedNamingSchoolId) {
  for (const char* bad : {"Trường 20/10", "mn_2010", "-mn", ""}) {
    pb::CreateSchoolRequest request = NewSchoolRequest(bad, "bad-id-" + platform::RandomId());
    pb::School out;
    grpc::Status status = stub().CreateSchool(Ctx("CreateSchool", Officer()).get(), request, &out);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bad;
    EXPECT_EQ(ViolatedField(status), "school_id") << bad;
    EXPECT_TRUE(AuditRows(request.request_id()).empty()) << bad;
  }
  pb::CreateSchoolRequest malformed_authority = NewSchoolRequest("thcs-" + platform::RandomHex(4), "bad-a");
  malformed_authority.mutable_school()->set_authority("hcm");
  pb::School out;
  EXPECT_EQ(
      ViolatedField(stub().CreateSchool(Ctx("CreateSchool", Officer()).get(), malformed_authority, &out)),
      "school.authority");
}

TEST_F(DirectoryServiceTest, ImpossibleEffectiveDateIsRejectedNamingTheFieldAndNotRemembered) {
  const std::string district = NewDistrict();
  const std::string request_id = "move-" + school_;
  pb::MoveSchoolRequest request;
  request.set_name("schools/" + school_);
  request.set_authority("authorities/" + district);
  *request.mutable_effective_date() = ProtoDate(2025, 2, 29);
  request.set_reason("Nghị quyết 1685/NQ-UBTVQH15");
  request.set_request_id(request_id);
  pb::School out;
  grpc::Status status = stub().MoveSchool(Ctx("MoveSchool", Officer()).get(), request, &out);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  EXPECT_EQ(ViolatedField(status), "effective_date");
  EXPECT_TRUE(AuditRows(request_id).empty());
  EXPECT_EQ(LedgerRows(request_id), 0);

  *request.mutable_effective_date() = ProtoDate(2024, 13, 1);
  EXPECT_EQ(ViolatedField(stub().MoveSchool(Ctx("MoveSchool", Officer()).get(), request, &out)),
            "effective_date");

  // The corrected request may reuse the key.
  *request.mutable_effective_date() = ProtoDate(2025, 2, 28);
  grpc::Status moved = stub().MoveSchool(Ctx("MoveSchool", Officer()).get(), request, &out);
  ASSERT_TRUE(moved.ok()) << moved.error_message();
  pb::ListSchoolMembershipsRequest history_request;
  history_request.set_name("schools/" + school_);
  pb::ListSchoolMembershipsResponse history;
  ASSERT_TRUE(
      stub()
          .ListSchoolMemberships(Ctx("ListSchoolMemberships", Officer()).get(), history_request, &history)
          .ok());
  ASSERT_EQ(history.memberships_size(), 2);
  EXPECT_EQ(history.memberships(1).authority(), "authorities/" + district);
  EXPECT_EQ(history.memberships(1).effective_from().day(), 28);

  // A move that does not follow the last one names the same field.
  request.set_request_id("move-back-" + school_);
  request.set_authority("authorities/hcm");
  *request.mutable_effective_date() = ProtoDate(2025, 1, 1);
  grpc::Status backwards = stub().MoveSchool(Ctx("MoveSchool", Officer()).get(), request, &out);
  EXPECT_EQ(backwards.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << backwards.error_message();
  EXPECT_EQ(ViolatedField(backwards), "effective_date");
  EXPECT_TRUE(AuditRows("move-back-" + school_).empty());
}

TEST_F(DirectoryServiceTest, MalformedNamesAreRejectedNamingTheirField) {
  pb::CreateApiKeyRequest key = KeyRequest(staff_, "n1-" + school_);
  key.set_parent("schools/" + school_);
  pb::CreateApiKeyResponse key_out;
  EXPECT_EQ(ViolatedField(stub().CreateApiKey(Ctx("CreateApiKey", AdminOf(school_)).get(), key, &key_out)),
            "parent");
  pb::RevokeApiKeyRequest revoke;
  revoke.set_name("accounts/" + staff_);
  revoke.set_request_id("n2-" + school_);
  pb::ApiKey revoke_out;
  EXPECT_EQ(
      ViolatedField(stub().RevokeApiKey(Ctx("RevokeApiKey", AdminOf(school_)).get(), revoke, &revoke_out)),
      "name");
  pb::UpdateSchoolRequest update = RenameRequest("Tên mới", "n3-" + school_);
  update.mutable_school()->set_name(school_);
  pb::School school_out;
  EXPECT_EQ(
      ViolatedField(stub().UpdateSchool(Ctx("UpdateSchool", AdminOf(school_)).get(), update, &school_out)),
      "school.name");
}

}  // namespace
}  // namespace parhub::directory
