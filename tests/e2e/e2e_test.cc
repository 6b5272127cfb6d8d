// End-to-end: the real directory, tasks, staffing and gateway binaries on fresh
// databases, driven through the gateway with gRPC stubs and parhubctl the
// way users drive them.
#include <gmock/gmock.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/notification.h"
#include "absl/time/civil_time.h"
#include "parhub/authority/v1/authority.grpc.pb.h"
#include "parhub/citizen/v1/citizen.grpc.pb.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/crypto.h"
#include "platform/core/errors.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/proto_values.h"
#include "platform/rpc/tls.h"
#include "tests/e2e/gateway_client.h"
#include "tests/e2e/school_fees.h"
#include "tests/e2e/suite.h"

namespace parhub::e2e {
namespace {

namespace dpb = directory::v1;
namespace tpb = tasks::v1;
namespace spb = staffing::v1;
namespace cpb = complaints::v1;
namespace fpb = finance::v1;
namespace rpb = reporting::v1;
namespace zpb = citizen::v1;
using ::testing::HasSubstr;
using ::testing::Not;

Suite* suite = nullptr;

// A caller of the suite's gateway with one API key.
class Client : public GatewayClient {
 public:
  explicit Client(std::string key) : GatewayClient(suite->gateway_address(), std::move(key)) {}
};

const auto D = &ProtoDate;

// Everything the scenarios share: two schools under Quận 1, their admins,
// an officer, and a plan of school A made from the PAR template.
struct World {
  std::string officer_key, admin_a_key, admin_b_key, staff_a_key;
  std::string plan_a = "schools/mn-a/plans/par-2026";
  std::string task_a;  // task 1.5 of plan_a
};
World* world = nullptr;

std::string Key(Client& admin, const std::string& account) {
  dpb::CreateApiKeyRequest request;
  request.set_parent(absl::StrCat("accounts/", account));
  request.set_request_id(absl::StrCat("e2e-key-", account));
  dpb::CreateApiKeyResponse response;
  auto c = admin.Context();
  grpc::Status s = admin.directory->CreateApiKey(c.get(), request, &response);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return response.secret();
}

void Account(Client& admin, const std::string& id, common::v1::Role role, const std::string& school,
             const std::string& authority) {
  dpb::CreateAccountRequest request;
  request.set_account_id(id);
  request.set_request_id(absl::StrCat("e2e-account-", id));
  request.mutable_account()->set_display_name(absl::StrCat("Người dùng ", id));
  request.mutable_account()->set_role(role);
  if (!school.empty()) request.mutable_account()->set_school(school);
  if (!authority.empty()) request.mutable_account()->set_authority(authority);
  dpb::Account created;
  auto c = admin.Context();
  grpc::Status s = admin.directory->CreateAccount(c.get(), request, &created);
  ASSERT_TRUE(s.ok()) << s.error_message();
}

void BuildWorld() {
  world = new World();
  Client admin(suite->admin_key());
  {
    dpb::CreateAuthorityRequest r;
    r.set_authority_id("q1");
    r.set_request_id("e2e-q1");
    r.mutable_authority()->set_code("q1");
    r.mutable_authority()->set_display_name("UBND Quận 1");
    r.mutable_authority()->set_parent("authorities/hcm");
    r.mutable_authority()->set_kind("district");
    dpb::Authority a;
    auto c = admin.Context();
    grpc::Status s = admin.directory->CreateAuthority(c.get(), r, &a);
    ASSERT_TRUE(s.ok()) << s.error_message() << suite->Logs();
  }
  for (auto [id, name] :
       {std::pair{"mn-a", "Trường Mầm non 20/10"}, std::pair{"th-b", "Trường Tiểu học Kết Đoàn"}}) {
    dpb::CreateSchoolRequest r;
    r.set_school_id(id);
    r.set_request_id(absl::StrCat("e2e-school-", id));
    r.mutable_school()->set_code(id);
    r.mutable_school()->set_display_name(name);
    r.mutable_school()->set_level(dpb::SCHOOL_LEVEL_KINDERGARTEN);
    r.mutable_school()->set_authority("authorities/q1");
    dpb::School school;
    auto c = admin.Context();
    grpc::Status s = admin.directory->CreateSchool(c.get(), r, &school);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  Account(admin, "officer-q1", common::v1::ROLE_AUTHORITY_OFFICER, "", "authorities/q1");
  Account(admin, "admin-a", common::v1::ROLE_SCHOOL_ADMIN, "schools/mn-a", "");
  Account(admin, "admin-b", common::v1::ROLE_SCHOOL_ADMIN, "schools/th-b", "");
  Account(admin, "staff-a", common::v1::ROLE_SCHOOL_STAFF, "schools/mn-a", "");
  world->officer_key = Key(admin, "officer-q1");
  world->admin_a_key = Key(admin, "admin-a");
  world->admin_b_key = Key(admin, "admin-b");
  world->staff_a_key = Key(admin, "staff-a");
  for (const char* school : {"mn-a", "th-b"}) {
    Client owner(std::string(school) == "mn-a" ? world->admin_a_key : world->admin_b_key);
    tpb::InstantiatePlanTemplateRequest r;
    r.set_parent(absl::StrCat("schools/", school));
    r.set_template_("planTemplates/par-improvement");
    r.set_plan_id("par-2026");
    r.set_year(2026);
    r.set_number("08/KH-MN2010");
    *r.mutable_issue_date() = D(2026, 1, 9);
    r.set_request_id(absl::StrCat("e2e-plan-", school));
    tpb::Plan plan;
    auto c = owner.Context();
    grpc::Status s = owner.tasks->InstantiatePlanTemplate(c.get(), r, &plan);
    ASSERT_TRUE(s.ok()) << s.error_message() << suite->Logs();
  }
  Client a(world->admin_a_key);
  tpb::ListTasksRequest list;
  list.set_parent(world->plan_a);
  tpb::ListTasksResponse tasks;
  auto c = a.Context();
  ASSERT_TRUE(a.tasks->ListTasks(c.get(), list, &tasks).ok());
  for (const auto& t : tasks.tasks()) {
    if (t.code() == "1.5") world->task_a = t.name();
  }
  ASSERT_FALSE(world->task_a.empty());
}

class E2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (world == nullptr) BuildWorld();
    ASSERT_NE(world, nullptr);
  }
};

TEST_F(E2eTest, SchoolAdminWorksWithTheCliInVietnamese) {
  auto list = suite->Ctl(world->admin_a_key, {"tasks", "list", "--plan", "par-2026"});
  EXPECT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output, HasSubstr("Đẩy mạnh đơn giản hóa thủ tục hành chính (TTHC)"));
  auto progress =
      suite->Ctl(world->staff_a_key,
                 {"tasks", "progress", "--school", "mn-a", "--plan", "par-2026", "--task", "1.5", "--percent",
                  "60", "--note", "Đã số hóa hồ sơ tuyển sinh", "--doc-number", "45/TB-MN2010"});
  EXPECT_EQ(progress.exit_code, 0) << progress.output;
  auto show = suite->Ctl(world->admin_a_key,
                         {"--output", "json", "tasks", "show", "--plan", "par-2026", "--task", "1.5"});
  EXPECT_EQ(show.exit_code, 0) << show.output;
  EXPECT_THAT(show.output, HasSubstr("\"percent_done\": 60"));
  EXPECT_THAT(show.output, HasSubstr("45/TB-MN2010"));
  // A script re-running a command with its own --request-id records it once.
  for (int run = 0; run < 2; ++run) {
    auto again = suite->Ctl(world->admin_a_key, {"--request-id", "e2e-cli-same", "tasks", "progress",
                                                 "--plan", "par-2026", "--task", "1.5", "--percent", "65"});
    EXPECT_EQ(again.exit_code, 0) << again.output;
  }
  auto history = suite->Ctl(world->admin_a_key,
                            {"--output", "json", "tasks", "show", "--plan", "par-2026", "--task", "1.5"});
  size_t sixty_five = 0;
  for (size_t at = history.output.find("\"percent_done\": 65"); at != std::string::npos;
       at = history.output.find("\"percent_done\": 65", at + 1)) {
    ++sixty_five;
  }
  EXPECT_EQ(sixty_five, 2u) << history.output;  // the task itself and one progress update
  auto staff_create =
      suite->Ctl(world->staff_a_key, {"tasks", "create", "--school", "mn-a", "--plan", "par-2026", "--code",
                                      "9.9", "--title", "x", "--due", "2026-12-01"});
  EXPECT_EQ(staff_create.exit_code, 3) << staff_create.output;  // permission denied
  auto unknown = suite->Ctl("phk_not_a_real_key", {"whoami"});
  EXPECT_EQ(unknown.exit_code, 3) << unknown.output;
  EXPECT_THAT(unknown.output, HasSubstr("parhubctl login"));
}

TEST_F(E2eTest, AnotherSchoolsPlanIsNotFoundOnEveryTasksRpc) {
  Client b(world->admin_b_key);
  const std::string plan = world->plan_a, task = world->task_a;
  std::vector<std::pair<std::string, std::function<grpc::Status(grpc::ClientContext*)>>> calls = {
      {"GetPlan",
       [&](auto* c) {
         tpb::GetPlanRequest r;
         r.set_name(plan);
         tpb::Plan o;
         return b.tasks->GetPlan(c, r, &o);
       }},
      {"ListPlans",
       [&](auto* c) {
         tpb::ListPlansRequest r;
         r.set_parent("schools/mn-a");
         tpb::ListPlansResponse o;
         return b.tasks->ListPlans(c, r, &o);
       }},
      {"CreatePlan",
       [&](auto* c) {
         tpb::CreatePlanRequest r;
         r.set_parent("schools/mn-a");
         r.set_plan_id("x");
         r.mutable_plan()->set_number("1/KH");
         r.mutable_plan()->set_year(2026);
         r.mutable_plan()->set_title("x");
         r.set_request_id("e2e-b-1");
         tpb::Plan o;
         return b.tasks->CreatePlan(c, r, &o);
       }},
      {"UpdatePlan",
       [&](auto* c) {
         tpb::UpdatePlanRequest r;
         r.mutable_plan()->set_name(plan);
         r.mutable_plan()->set_title("x");
         r.mutable_update_mask()->add_paths("title");
         r.set_request_id("e2e-b-2");
         tpb::Plan o;
         return b.tasks->UpdatePlan(c, r, &o);
       }},
      {"InstantiatePlanTemplate",
       [&](auto* c) {
         tpb::InstantiatePlanTemplateRequest r;
         r.set_parent("schools/mn-a");
         r.set_template_("planTemplates/par-improvement");
         r.set_plan_id("y");
         r.set_year(2026);
         r.set_number("2/KH");
         r.set_request_id("e2e-b-3");
         tpb::Plan o;
         return b.tasks->InstantiatePlanTemplate(c, r, &o);
       }},
      {"CreateTask",
       [&](auto* c) {
         tpb::CreateTaskRequest r;
         r.set_parent(plan);
         r.mutable_task()->set_code("9.1");
         r.mutable_task()->set_title("x");
         *r.mutable_task()->mutable_due_date() = D(2026, 12, 1);
         r.set_request_id("e2e-b-4");
         tpb::Task o;
         return b.tasks->CreateTask(c, r, &o);
       }},
      {"GetTask",
       [&](auto* c) {
         tpb::GetTaskRequest r;
         r.set_name(task);
         tpb::Task o;
         return b.tasks->GetTask(c, r, &o);
       }},
      {"ListTasks",
       [&](auto* c) {
         tpb::ListTasksRequest r;
         r.set_parent(plan);
         tpb::ListTasksResponse o;
         return b.tasks->ListTasks(c, r, &o);
       }},
      {"UpdateTask",
       [&](auto* c) {
         tpb::UpdateTaskRequest r;
         r.mutable_task()->set_name(task);
         r.mutable_task()->set_title("x");
         r.mutable_update_mask()->add_paths("title");
         r.set_request_id("e2e-b-5");
         tpb::Task o;
         return b.tasks->UpdateTask(c, r, &o);
       }},
      {"AddProgressUpdate",
       [&](auto* c) {
         tpb::AddProgressUpdateRequest r;
         r.set_parent(task);
         r.mutable_progress_update()->set_percent_done(10);
         r.set_request_id("e2e-b-6");
         tpb::ProgressUpdate o;
         return b.tasks->AddProgressUpdate(c, r, &o);
       }},
      {"ListProgressUpdates",
       [&](auto* c) {
         tpb::ListProgressUpdatesRequest r;
         r.set_parent(task);
         tpb::ListProgressUpdatesResponse o;
         return b.tasks->ListProgressUpdates(c, r, &o);
       }},
      {"SummarizeTasks",
       [&](auto* c) {
         tpb::SummarizeTasksRequest r;
         r.set_school("schools/mn-a");
         tpb::TaskSummary o;
         return b.tasks->SummarizeTasks(c, r, &o);
       }},
  };
  for (auto& [name, call] : calls) {
    auto c = b.Context();
    grpc::Status status = call(c.get());
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << name << ": " << status.error_message();
  }
  // Nothing was changed: school A's plan still has its 12 tasks and its title.
  Client a(world->admin_a_key);
  tpb::GetPlanRequest get;
  get.set_name(plan);
  tpb::Plan unchanged;
  auto c = a.Context();
  ASSERT_TRUE(a.tasks->GetPlan(c.get(), get, &unchanged).ok());
  EXPECT_NE(unchanged.title(), "x");
  auto cli = suite->Ctl(world->admin_b_key, {"tasks", "list", "--school", "mn-a", "--plan", "par-2026"});
  EXPECT_EQ(cli.exit_code, 4) << cli.output;
}

// Calls GetTask through the gateway until it succeeds; returns the codes seen.
std::vector<grpc::StatusCode> UntilServing(absl::Duration limit);

// A channel to a service over TLS that trusts parhub's CA, presenting the
// certificate of `as` ("gateway", …) or none; `peer` is the name the
// server's certificate must carry.
std::shared_ptr<grpc::Channel> ServiceChannel(const std::string& address, const std::string& peer,
                                              const std::string& as = "") {
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      as.empty() ? platform::CaOnlyChannelCredentials(suite->TlsFile("ca.pem"))
                 : platform::MutualTlsChannelCredentials(
                       {suite->TlsFile(as + ".pem"), suite->TlsFile(as + ".key"), suite->TlsFile("ca.pem")});
  EXPECT_TRUE(credentials.ok()) << credentials.status();
  return platform::MakeChannel(address, *credentials, peer);
}

std::unique_ptr<grpc::ClientContext> ShortContext() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  return context;
}

TEST_F(E2eTest, ServicesRefusePlaintextStrangersAndIdentitiesForOtherMethods) {
  tpb::GetTaskRequest get;
  get.set_name(world->task_a);
  tpb::Task task;
  // Plaintext: no service listens for it.
  auto plain = tpb::TaskService::NewStub(
      grpc::CreateChannel(suite->tasks_address(), grpc::InsecureChannelCredentials()));
  EXPECT_EQ(plain->GetTask(ShortContext().get(), get, &task).error_code(), grpc::StatusCode::UNAVAILABLE);
  // TLS without a client certificate, even with a correctly signed identity.
  auto key = platform::IdentityKey::Create(suite->identity_key());
  ASSERT_TRUE(key.ok());
  platform::Caller admin{"accounts/admin-a", platform::Role::kSchoolAdmin, "mn-a", "", "e2e-trace"};
  auto anonymous = tpb::TaskService::NewStub(ServiceChannel(suite->tasks_address(), "tasks"));
  auto c1 = ShortContext();
  platform::AttachIdentity(*c1, *key, admin, "/parhub.tasks.v1.TaskService/GetTask");
  EXPECT_EQ(anonymous->GetTask(c1.get(), get, &task).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // With the gateway's own certificate: a forged identity, or none, is refused.
  auto as_gateway = tpb::TaskService::NewStub(ServiceChannel(suite->tasks_address(), "tasks", "gateway"));
  auto c2 = ShortContext();
  c2->AddMetadata("x-parhub-identity", "forged.identity");
  EXPECT_EQ(as_gateway->GetTask(c2.get(), get, &task).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(as_gateway->GetTask(ShortContext().get(), get, &task).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // …and a genuine one works, which shows the refusals above are not a broken setup.
  auto c3 = ShortContext();
  platform::AttachIdentity(*c3, *key, admin, "/parhub.tasks.v1.TaskService/GetTask");
  grpc::Status genuine = as_gateway->GetTask(c3.get(), get, &task);
  EXPECT_TRUE(genuine.ok()) << genuine.error_message();
  // Another service's certificate is not the gateway's.
  auto as_directory = tpb::TaskService::NewStub(ServiceChannel(suite->tasks_address(), "tasks", "directory"));
  auto c4 = ShortContext();
  platform::AttachIdentity(*c4, *key, admin, "/parhub.tasks.v1.TaskService/GetTask");
  EXPECT_EQ(as_directory->GetTask(c4.get(), get, &task).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // The directory's AuthenticateApiKey without the gateway's identity.
  auto dir =
      dpb::DirectoryService::NewStub(ServiceChannel(suite->directory_address(), "directory", "gateway"));
  dpb::AuthenticateApiKeyRequest auth;
  auth.set_secret(suite->admin_key());
  dpb::AuthenticateApiKeyResponse principal;
  EXPECT_EQ(dir->AuthenticateApiKey(ShortContext().get(), auth, &principal).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

// A process squatting on a backend's port: records every identity the
// gateway would hand it and answers OK with an empty message.
class Impostor final : public grpc::CallbackGenericService {
 public:
  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* context) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++calls_;
      auto it = context->client_metadata().find("x-parhub-identity");
      if (it != context->client_metadata().end())
        captured_.emplace_back(it->second.data(), it->second.size());
    }
    class Reactor final : public grpc::ServerGenericBidiReactor {
     public:
      Reactor() { StartRead(&request_); }
      void OnReadDone(bool) override { Finish(grpc::Status::OK); }
      void OnDone() override { delete this; }

     private:
      grpc::ByteBuffer request_;
    };
    return new Reactor;
  }
  std::vector<std::string> captured() {
    std::lock_guard<std::mutex> lock(mu_);
    return captured_;
  }

 private:
  std::mutex mu_;
  int calls_ = 0;
  std::vector<std::string> captured_;
};

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(E2eTest, AnImpostorOnABackendPortCapturesNothingUseful) {
  // Certificates of another CA, as an attacker could make for "tasks".
  std::string foreign = suite->tls_dir() + "-foreign";
  ASSERT_EQ(std::system(absl::StrCat("bash '", PARHUB_SOURCE_DIR, "/scripts/make-certs.sh' '", foreign,
                                     "' >/dev/null 2>&1")
                            .c_str()),
            0);
  auto tls = [](const std::string& cert, const std::string& key) {
    grpc::SslServerCredentialsOptions options;
    options.pem_key_cert_pairs.push_back({ReadText(key), ReadText(cert)});
    return grpc::SslServerCredentials(options);
  };
  struct Disguise {
    const char* what;
    std::shared_ptr<grpc::ServerCredentials> credentials;
  };
  const std::vector<Disguise> disguises = {
      {"plaintext", grpc::InsecureServerCredentials()},
      {"a 'tasks' certificate from another CA", tls(foreign + "/tasks.pem", foreign + "/tasks.key")},
      {"parhub's own certificate of another service",
       tls(suite->TlsFile("reporting.pem"), suite->TlsFile("reporting.key"))},
  };
  suite->tasks().Terminate();
  Client admin(world->admin_a_key);
  for (const Disguise& disguise : disguises) {
    Impostor impostor;
    grpc::ServerBuilder builder;
    builder.AddListeningPort(suite->tasks_address(), disguise.credentials);
    builder.RegisterCallbackGenericService(&impostor);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    ASSERT_NE(server, nullptr) << disguise.what;
    tpb::ListPlansRequest list;
    list.set_parent("schools/mn-a");
    tpb::ListPlansResponse plans;
    auto c = admin.Context();
    grpc::Status status = admin.tasks->ListPlans(c.get(), list, &plans);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << disguise.what;
    // Worded for people: no address, no library text.
    EXPECT_THAT(status.error_message(), HasSubstr("tasks service")) << disguise.what;
    EXPECT_THAT(status.error_message(), ::testing::Not(HasSubstr("127.0.0.1"))) << disguise.what;
    EXPECT_THAT(status.error_message(), ::testing::Not(HasSubstr("ipv4"))) << disguise.what;
    EXPECT_THAT(impostor.captured(), ::testing::IsEmpty()) << disguise.what;
    server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
  }
  std::filesystem::remove_all(foreign);
  suite->tasks().Start();
  ASSERT_TRUE(suite->WaitHealthy(suite->tasks_port(), 30)) << suite->Logs();
  ASSERT_EQ(UntilServing(absl::Seconds(20)).back(), grpc::StatusCode::OK) << suite->Logs();

  // Even an identity the gateway did sign for a read-only ListPlans is no
  // key to the directory: replayed to CreateApiKey with the gateway's own
  // certificate (which the impostor never had), it is refused.
  auto key = platform::IdentityKey::Create(suite->identity_key());
  ASSERT_TRUE(key.ok());
  platform::Caller principal{"accounts/admin-a", platform::Role::kSchoolAdmin, "mn-a", "", "e2e-trace"};
  std::string token =
      key->Sign(platform::NewIdentity(principal, "/parhub.tasks.v1.TaskService/ListPlans", absl::Now()));
  auto dir =
      dpb::DirectoryService::NewStub(ServiceChannel(suite->directory_address(), "directory", "gateway"));
  dpb::CreateApiKeyRequest create;
  create.set_parent("accounts/admin-a");
  create.set_request_id("e2e-replay");
  dpb::CreateApiKeyResponse issued;
  auto c = ShortContext();
  c->AddMetadata("x-parhub-identity", token);
  grpc::Status replayed = dir->CreateApiKey(c.get(), create, &issued);
  EXPECT_EQ(replayed.error_code(), grpc::StatusCode::UNAUTHENTICATED) << replayed.error_message();
  EXPECT_TRUE(issued.secret().empty());
}

TEST_F(E2eTest, RetriedCreateMakesOneTaskAndReusedKeysAreRejected) {
  Client a(world->admin_a_key);
  tpb::CreateTaskRequest request;
  request.set_parent(world->plan_a);
  request.set_request_id("e2e-retry-1");
  request.mutable_task()->set_code("1.13");
  request.mutable_task()->set_title("Tổ chức hội thi sáng kiến cải cách hành chính");
  *request.mutable_task()->mutable_due_date() = D(2026, 12, 20);
  tpb::Task first, second;
  auto c1 = a.Context();
  ASSERT_TRUE(a.tasks->CreateTask(c1.get(), request, &first).ok());
  auto c2 = a.Context();
  ASSERT_TRUE(a.tasks->CreateTask(c2.get(), request, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  tpb::ListTasksRequest list;
  list.set_parent(world->plan_a);
  tpb::ListTasksResponse tasks;
  auto c3 = a.Context();
  ASSERT_TRUE(a.tasks->ListTasks(c3.get(), list, &tasks).ok());
  int count = 0;
  for (const auto& t : tasks.tasks()) count += t.code() == "1.13";
  EXPECT_EQ(count, 1);
  request.mutable_task()->set_title("Một nội dung khác");
  auto c4 = a.Context();
  grpc::Status reused = a.tasks->CreateTask(c4.get(), request, &second);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(platform::Reason(platform::FromGrpcStatus(reused)), "REQUEST_ID_REUSED");
}

TEST_F(E2eTest, InvalidDueDateIsRejectedNamingTheField) {
  Client a(world->admin_a_key);
  tpb::CreateTaskRequest request;
  request.set_parent(world->plan_a);
  request.set_request_id("e2e-bad-date");
  request.mutable_task()->set_code("1.14");
  request.mutable_task()->set_title("Ngày không tồn tại");
  *request.mutable_task()->mutable_due_date() = D(2024, 2, 30);
  tpb::Task task;
  auto c = a.Context();
  grpc::Status status = a.tasks->CreateTask(c.get(), request, &task);
  ASSERT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto violations = platform::FieldViolations(platform::FromGrpcStatus(status));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "task.due_date");
  // Fixing the date with the same request_id goes through (failures are not remembered).
  *request.mutable_task()->mutable_due_date() = D(2024, 2, 29);
  auto c2 = a.Context();
  EXPECT_TRUE(a.tasks->CreateTask(c2.get(), request, &task).ok());
}

TEST_F(E2eTest, OverviewListsEverySchoolAndDirectivesReachThem) {
  auto overview = suite->Ctl(world->officer_key, {"overview"});
  EXPECT_EQ(overview.exit_code, 0) << overview.output;
  EXPECT_THAT(overview.output, HasSubstr("Trường Mầm non 20/10"));
  EXPECT_THAT(overview.output, HasSubstr("Trường Tiểu học Kết Đoàn"));
  auto publish =
      suite->Ctl(world->officer_key, {"directives", "publish", "--id", "cv-953", "--number", "953/UBND-NV",
                                      "--title", "Khắc phục nội dung bị trừ điểm Chỉ số CCHC 2025",
                                      "--issue-date", "2026-04-02", "--due", "2026-12-10"});
  EXPECT_EQ(publish.exit_code, 0) << publish.output;
  EXPECT_THAT(publish.output, HasSubstr("2"));
  auto progress =
      suite->Ctl(world->officer_key, {"--output", "json", "directives", "progress", "--id", "cv-953"});
  EXPECT_EQ(progress.exit_code, 0) << progress.output;
  EXPECT_THAT(progress.output, HasSubstr("mn-a"));
  EXPECT_THAT(progress.output, HasSubstr("th-b"));
  auto history = suite->Ctl(world->officer_key, {"schools", "history", "--school", "mn-a"});
  EXPECT_EQ(history.exit_code, 0) << history.output;
  EXPECT_THAT(history.output, HasSubstr("UBND Quận 1"));  // the authority by name, not its id
  auto new_staff = suite->Ctl(world->admin_a_key, {"accounts", "create", "--id", "gv-moi", "--name",
                                                   "Lê Văn Đức", "--role", "staff"});
  EXPECT_EQ(new_staff.exit_code, 0) << new_staff.output;
  auto other_school = suite->Ctl(world->admin_a_key, {"accounts", "create", "--id", "gv-khac", "--name", "X",
                                                      "--role", "staff", "--school", "th-b"});
  EXPECT_EQ(other_school.exit_code, 4) << other_school.output;
  auto school_tries = suite->Ctl(world->admin_a_key, {"overview", "--authority", "q1"});
  EXPECT_EQ(school_tries.exit_code, 3) << school_tries.output;
  Client officer(world->officer_key);
  gateway::v1::GetAuthorityOverviewRequest bad_period;
  *bad_period.mutable_period_start() = D(2026, 13, 40);
  gateway::v1::AuthorityOverview ignored;
  auto c = officer.Context();
  grpc::Status status = officer.gateway->GetAuthorityOverview(c.get(), bad_period, &ignored);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto violations = platform::FieldViolations(platform::FromGrpcStatus(status));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "period_start");
}

// parhubctl notifications: the officer sweeps the authority's schools
// (twice: the second run records nothing new), reads a digest naming each
// school, and the school's admin reads its own digest and list; a school
// account cannot sweep. par-2026's tasks due 10/06/2026 are overdue.
TEST_F(E2eTest, TheOfficerSweepsAndEachAccountReadsItsNotificationsWithTheCli) {
  CommandResult sweep = suite->Ctl(world->officer_key, {"notifications", "sweep"});
  ASSERT_EQ(sweep.exit_code, 0) << sweep.output << suite->Logs();
  EXPECT_THAT(sweep.output, HasSubstr(": 2 trường"));
  EXPECT_THAT(sweep.output, HasSubstr("Thư điện tử: đã gửi 0, lỗi 0, bỏ qua 0"));
  CommandResult again = suite->Ctl(world->officer_key, {"--output", "json", "notifications", "sweep"});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, HasSubstr(R"("new_notification_count": 0)"));
  CommandResult officer = suite->Ctl(world->officer_key, {"notifications", "digest"});
  EXPECT_EQ(officer.exit_code, 0) << officer.output;
  EXPECT_THAT(officer.output, HasSubstr("Quá hạn"));
  EXPECT_THAT(officer.output, HasSubstr("Trường Tiểu học Kết Đoàn"));  // the school column
  CommandResult digest = suite->Ctl(world->admin_a_key, {"--output", "json", "notifications", "digest"});
  EXPECT_EQ(digest.exit_code, 0) << digest.output;
  EXPECT_THAT(digest.output, HasSubstr("NOTIFICATION_KIND_TASK_OVERDUE"));
  EXPECT_THAT(digest.output, HasSubstr(R"("subject")"));
  CommandResult list =
      suite->Ctl(world->admin_a_key, {"--lang", "en", "notifications", "list", "--kind", "overdue"});
  EXPECT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output, HasSubstr("Working days left"));
  EXPECT_THAT(list.output, HasSubstr("Overdue"));
  EXPECT_THAT(list.output, Not(HasSubstr("Due soon")));
  CommandResult school_sweeps =
      suite->Ctl(world->admin_a_key, {"notifications", "sweep", "--authority", "q1"});
  EXPECT_EQ(school_sweeps.exit_code, 3) << school_sweeps.output;
}

TEST_F(E2eTest, RevokedKeyStopsWorkingWithinSeconds) {
  Client admin(suite->admin_key());
  Account(admin, "temp-staff", common::v1::ROLE_SCHOOL_STAFF, "schools/mn-a", "");
  dpb::CreateApiKeyRequest create;
  create.set_parent("accounts/temp-staff");
  create.set_request_id("e2e-temp-key");
  dpb::CreateApiKeyResponse key;
  auto c = admin.Context();
  ASSERT_TRUE(admin.directory->CreateApiKey(c.get(), create, &key).ok());
  EXPECT_EQ(suite->Ctl(key.secret(), {"whoami"}).exit_code, 0);
  dpb::RevokeApiKeyRequest revoke;
  revoke.set_name(key.api_key().name());
  revoke.set_request_id("e2e-revoke");
  dpb::ApiKey revoked;
  auto c2 = admin.Context();
  ASSERT_TRUE(admin.directory->RevokeApiKey(c2.get(), revoke, &revoked).ok());
  absl::Time revoked_at = absl::Now();
  int code = 0;
  while (absl::Now() - revoked_at < absl::Seconds(5)) {
    code = suite->Ctl(key.secret(), {"whoami"}).exit_code;
    if (code == 3) break;
    absl::SleepFor(absl::Milliseconds(200));
  }
  EXPECT_EQ(code, 3) << "revoked key still accepted after 5 s";
}

// Calls GetTask through the gateway until it succeeds; returns the codes seen.
std::vector<grpc::StatusCode> UntilServing(absl::Duration limit) {
  Client a(world->admin_a_key);
  std::vector<grpc::StatusCode> seen;
  absl::Time until = absl::Now() + limit;
  while (absl::Now() < until) {
    tpb::GetTaskRequest request;
    request.set_name(world->task_a);
    tpb::Task task;
    auto c = a.Context();
    c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
    grpc::Status status = a.tasks->GetTask(c.get(), request, &task);
    seen.push_back(status.error_code());
    if (status.ok()) break;
    absl::SleepFor(absl::Milliseconds(250));
  }
  return seen;
}

TEST_F(E2eTest, RestartedServiceIsReconnectedAndOverviewReportsItMeanwhile) {
  suite->tasks().Kill();
  Client officer(world->officer_key);
  gateway::v1::GetAuthorityOverviewRequest request;
  gateway::v1::AuthorityOverview overview;
  auto c = officer.Context();
  grpc::Status status = officer.gateway->GetAuthorityOverview(c.get(), request, &overview);
  ASSERT_TRUE(status.ok()) << status.error_message();  // per-school errors, not a failed overview
  EXPECT_EQ(overview.failed_schools(), 2);
  ASSERT_EQ(overview.schools_size(), 2);
  EXPECT_EQ(overview.schools(0).error_code(), "UNAVAILABLE");
  suite->tasks().Start();
  ASSERT_TRUE(suite->WaitHealthy(suite->tasks_port(), 30)) << suite->Logs();
  auto seen = UntilServing(absl::Seconds(20));
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), grpc::StatusCode::OK) << suite->Logs();
}

TEST_F(E2eTest, DatabaseRestartHealsWithoutRestartingServices) {
  const char* restart = std::getenv("PARHUB_E2E_DB_RESTART");
  if (restart == nullptr || *restart == '\0')
    GTEST_SKIP() << "PARHUB_E2E_DB_RESTART not set (scripts/test.sh sets it)";
  ASSERT_EQ(UntilServing(absl::Seconds(5)).back(), grpc::StatusCode::OK);
  ASSERT_EQ(std::system(restart), 0);
  auto seen = UntilServing(absl::Seconds(40));
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), grpc::StatusCode::OK) << suite->Logs();
  for (size_t i = 0; i + 1 < seen.size(); ++i) {
    EXPECT_TRUE(seen[i] == grpc::StatusCode::UNAVAILABLE || seen[i] == grpc::StatusCode::DEADLINE_EXCEEDED)
        << "unexpected code " << seen[i] << " while the database restarted";
  }
  // A write works too, on the same service processes.
  Client a(world->admin_a_key);
  tpb::AddProgressUpdateRequest update;
  update.set_parent(world->task_a);
  update.set_request_id("e2e-after-db-restart");
  update.mutable_progress_update()->set_percent_done(70);
  tpb::ProgressUpdate saved;
  auto c = a.Context();
  grpc::Status status = a.tasks->AddProgressUpdate(c.get(), update, &saved);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

// MariaDB restarted under a mixed load: four writers keep creating tasks
// through the gateway, each retrying a failed call with its request_id,
// while two readers keep reading tasks, staffing, complaints and finance.
// Meanwhile only UNAVAILABLE or DEADLINE_EXCEEDED come back; the services
// heal by themselves (no process restarts); every acknowledged task exists
// afterwards, and each request_id made at most one task (retries of a
// write the database committed before its answer was lost replay it).
TEST_F(E2eTest, ADatabaseRestartUnderLoadLosesNoAcknowledgedWrite) {
  const char* restart = std::getenv("PARHUB_E2E_DB_RESTART");
  if (restart == nullptr || *restart == '\0')
    GTEST_SKIP() << "PARHUB_E2E_DB_RESTART not set (scripts/test.sh sets it)";
  const std::string plan = "schools/th-b/plans/load-2026";
  {
    Client b(world->admin_b_key);
    tpb::CreatePlanRequest request;
    request.set_parent("schools/th-b");
    request.set_plan_id("load-2026");
    request.set_request_id("e2e-load-plan");
    request.mutable_plan()->set_number("99/KH-TEST");
    request.mutable_plan()->set_year(2026);
    request.mutable_plan()->set_title("Kế hoạch thử tải khi cơ sở dữ liệu khởi động lại");
    *request.mutable_plan()->mutable_issue_date() = D(2026, 1, 5);
    tpb::Plan created;
    auto c = b.Context();
    grpc::Status s = b.tasks->CreatePlan(c.get(), request, &created);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<std::string> acknowledged;  // task names
  std::set<grpc::StatusCode> seen_errors;
  int abandoned = 0;
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      Client b(world->admin_b_key);
      for (int n = 0; !stop.load(); ++n) {
        tpb::CreateTaskRequest request;
        request.set_parent(plan);
        request.set_request_id(absl::StrCat("e2e-load-", w, "-", n));
        request.mutable_task()->set_code(absl::StrCat("T", w, "-", n));
        request.mutable_task()->set_title("Nhiệm vụ thử tải");
        *request.mutable_task()->mutable_due_date() = D(2026, 12, 30);
        bool done = false;
        while (!done && !stop.load()) {
          tpb::Task task;
          auto c = b.Context();
          grpc::Status s = b.tasks->CreateTask(c.get(), request, &task);
          std::lock_guard<std::mutex> lock(mu);
          if (s.ok()) {
            acknowledged.push_back(task.name());
            done = true;
          } else {
            seen_errors.insert(s.error_code());
          }
        }
        if (!done) {
          std::lock_guard<std::mutex> lock(mu);
          ++abandoned;
        }
      }
    });
  }
  // Readers: one read of each of four services per turn; the time of the
  // last one that failed.
  std::map<grpc::StatusCode, int> read_codes;
  absl::Time last_failed_read = absl::InfinitePast();
  for (int r = 0; r < 2; ++r) {
    writers.emplace_back([&] {
      Client b(world->admin_b_key);
      while (!stop.load()) {
        std::vector<grpc::Status> answers;
        {
          tpb::GetPlanRequest get;
          get.set_name(plan);
          tpb::Plan found;
          auto c = b.Context();
          answers.push_back(b.tasks->GetPlan(c.get(), get, &found));
        }
        {
          spb::ListStaffRequest list;
          list.set_parent("schools/th-b");
          spb::ListStaffResponse staff;
          auto c = b.Context();
          answers.push_back(b.staffing->ListStaff(c.get(), list, &staff));
        }
        {
          cpb::ListCasesRequest list;
          list.set_parent("schools/th-b");
          cpb::ListCasesResponse cases;
          auto c = b.Context();
          answers.push_back(b.complaints->ListCases(c.get(), list, &cases));
        }
        {
          fpb::ListPupilsRequest list;
          list.set_parent("schools/th-b");
          fpb::ListPupilsResponse pupils;
          auto c = b.Context();
          answers.push_back(b.finance->ListPupils(c.get(), list, &pupils));
        }
        std::lock_guard<std::mutex> lock(mu);
        for (const grpc::Status& s : answers) {
          ++read_codes[s.error_code()];
          if (!s.ok()) last_failed_read = absl::Now();
        }
        absl::SleepFor(absl::Milliseconds(20));
      }
    });
  }
  auto acknowledged_count = [&] {
    std::lock_guard<std::mutex> lock(mu);
    return acknowledged.size();
  };
  absl::SleepFor(absl::Seconds(1));
  const size_t before_restart = acknowledged_count();
  ASSERT_EQ(std::system(restart), 0);
  const absl::Time restarted = absl::Now();
  const size_t at_restart = acknowledged_count();
  // Healed: writes acknowledged again, within 40 s of the server being back.
  absl::Time healed = absl::InfiniteFuture();
  while (absl::Now() - restarted < absl::Seconds(40)) {
    if (acknowledged_count() > at_restart + 8) {
      healed = absl::Now();
      break;
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
  // Reads heal too: run until none has failed for a second (at most 40 s).
  auto reads_failing = [&] {
    std::lock_guard<std::mutex> lock(mu);
    return absl::Now() - last_failed_read < absl::Seconds(1);
  };
  absl::SleepFor(absl::Seconds(1));
  while (reads_failing() && absl::Now() - restarted < absl::Seconds(40))
    absl::SleepFor(absl::Milliseconds(50));
  stop = true;
  for (auto& t : writers) t.join();
  ASSERT_NE(healed, absl::InfiniteFuture())
      << "no write acknowledged within 40 s of the restart" << suite->Logs();
  std::string reads;
  for (const auto& [code, count] : read_codes) absl::StrAppend(&reads, " ", code, "×", count);
  std::cout << "database restart under load: " << before_restart << " writes before, healed "
            << absl::FormatDuration(healed - restarted) << " after the server was back, "
            << acknowledged.size() << " acknowledged in all, " << abandoned << " abandoned at the end; reads"
            << reads << ", the last failed read "
            << (last_failed_read == absl::InfinitePast() ? std::string("none")
                                                         : absl::FormatDuration(last_failed_read - restarted))
            << " after the server was back\n";
  for (grpc::StatusCode code : seen_errors) {
    EXPECT_TRUE(code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED)
        << "unexpected code " << code << " while the database restarted";
  }
  for (const auto& [code, count] : read_codes) {
    EXPECT_TRUE(code == grpc::StatusCode::OK || code == grpc::StatusCode::UNAVAILABLE ||
                code == grpc::StatusCode::DEADLINE_EXCEEDED)
        << "unexpected code " << code << " on a read while the database restarted";
  }
  EXPECT_GT(read_codes[grpc::StatusCode::OK], 0);
  EXPECT_LT(last_failed_read - restarted, absl::Seconds(39)) << "reads still failing 40 s after the restart";
  for (const char* name :
       {"directory", "tasks", "staffing", "finance", "complaints", "reporting", "gateway"}) {
    EXPECT_TRUE(suite->process(name).Alive()) << name << " exited during the database restart";
  }
  // Every acknowledged task is there; no request made two.
  Client b(world->admin_b_key);
  std::set<std::string> listed, codes;
  tpb::ListTasksRequest list;
  list.set_parent(plan);
  list.set_page_size(200);
  do {
    tpb::ListTasksResponse page;
    auto c = b.Context();
    ASSERT_TRUE(b.tasks->ListTasks(c.get(), list, &page).ok());
    for (const auto& t : page.tasks()) {
      EXPECT_TRUE(codes.insert(t.code()).second) << "two tasks " << t.code();
      listed.insert(t.name());
    }
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty());
  for (const std::string& name : acknowledged)
    EXPECT_TRUE(listed.contains(name)) << name << " was acknowledged";
  EXPECT_GE(acknowledged.size(), at_restart + 8);
}

// grpc.reflection.v1alpha list_services, encoded by hand (no generated client
// is installed): request field 7 = ""; the response names every service.
std::string ReflectionServices(std::shared_ptr<grpc::Channel> channel) {
  grpc::GenericStub stub(std::move(channel));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::CompletionQueue cq;
  auto call =
      stub.PrepareCall(&context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  void* tag;
  bool ok;
  call->StartCall(reinterpret_cast<void*>(1));
  cq.Next(&tag, &ok);
  const char request_bytes[] = {0x3a, 0x00};
  grpc::Slice slice(request_bytes, 2);
  grpc::ByteBuffer request(&slice, 1);
  call->WriteLast(request, grpc::WriteOptions(), reinterpret_cast<void*>(2));
  cq.Next(&tag, &ok);
  grpc::ByteBuffer response;
  call->Read(&response, reinterpret_cast<void*>(3));
  cq.Next(&tag, &ok);
  std::string bytes;
  std::vector<grpc::Slice> slices;
  if (ok && response.Dump(&slices).ok()) {
    for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(4));
  cq.Next(&tag, &ok);
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return bytes;
}

// Sends `bytes` as the request of `method` through the gateway.
grpc::Status RawCall(const std::string& key, const std::string& method, const std::string& bytes) {
  grpc::GenericStub stub(grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.AddMetadata("authorization", absl::StrCat("Bearer ", key));
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::Slice slice(bytes.data(), bytes.size());
  grpc::ByteBuffer request(&slice, 1), response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, method, grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  return done.get_future().get();
}

TEST_F(E2eTest, StaffRecordsStayInTheSchoolAndTheOfficerSeesCountsOnly) {
  std::string csv_path = ::testing::TempDir() + "/roster.csv";
  {
    std::ofstream csv(csv_path, std::ios::binary);
    csv << "\xEF\xBB\xBFstaff_code,display_name,position,employment_type,budget_paid,start_date,city_email,"
           "id_number\r\n"
           "CC01,Phạm Văn Công,Kế toán,cong_chuc,1,01/08/2018,cong.pv@tphcm.gov.vn,079188001122\r\n"
           "GV01,Nguyễn Thị Mai,Giáo viên,vien_chuc,1,05/09/2016,,079190003344\r\n";
  }
  CommandResult imported = suite->Ctl(world->admin_a_key, {"staff", "import", "--file", csv_path});
  ASSERT_EQ(imported.exit_code, 0) << imported.output << suite->Logs();
  EXPECT_THAT(imported.output, HasSubstr("Thêm mới 2"));
  CommandResult again = suite->Ctl(world->admin_a_key, {"staff", "import", "--file", csv_path});
  EXPECT_THAT(again.output, HasSubstr("không đổi 2"));
  CommandResult listed = suite->Ctl(world->admin_a_key, {"staff", "list"});
  EXPECT_THAT(listed.output, HasSubstr("Phạm Văn Công"));
  std::string xlsx_path = ::testing::TempDir() + "/nhan-su.xlsx";
  CommandResult exported = suite->Ctl(world->admin_a_key, {"staff", "list", "--export", xlsx_path});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  std::ifstream xlsx(xlsx_path, std::ios::binary);
  std::string magic(2, '\0');
  xlsx.read(magic.data(), 2);
  EXPECT_EQ(magic, "PK");  // an Office Open XML (zip) workbook

  spb::GetStaffRequest get;
  get.set_name("schools/mn-a/staff/cc01");
  spb::Staff seen;
  Client admin_a(world->admin_a_key), admin_b(world->admin_b_key), staff_a(world->staff_a_key),
      officer(world->officer_key);
  auto c = admin_a.Context();
  ASSERT_TRUE(admin_a.staffing->GetStaff(c.get(), get, &seen).ok());
  EXPECT_EQ(seen.id_number(), "079188001122");
  c = staff_a.Context();
  ASSERT_TRUE(staff_a.staffing->GetStaff(c.get(), get, &seen).ok());
  EXPECT_TRUE(seen.id_number().empty());  // colleagues see no personal data
  c = admin_b.Context();
  EXPECT_EQ(admin_b.staffing->GetStaff(c.get(), get, &seen).error_code(), grpc::StatusCode::NOT_FOUND);
  spb::ListStaffRequest list;
  list.set_parent("schools/mn-a");
  spb::ListStaffResponse staff;
  c = admin_b.Context();
  EXPECT_EQ(admin_b.staffing->ListStaff(c.get(), list, &staff).error_code(), grpc::StatusCode::NOT_FOUND);
  c = officer.Context();
  grpc::Status names = officer.staffing->ListStaff(c.get(), list, &staff);
  EXPECT_EQ(names.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(staff.staff_size(), 0);

  // The officer's view is the count: baseline from the roster on 31/12/2023.
  spb::GetDownsizingProgressRequest progress;
  progress.set_name("schools/mn-a/downsizingTargets/hcm-2023-2026");
  spb::DownsizingProgress figures;
  c = officer.Context();
  ASSERT_TRUE(officer.staffing->GetDownsizingProgress(c.get(), progress, &figures).ok());
  EXPECT_EQ(figures.target().baseline_civil_servants(), 1);
  EXPECT_EQ(figures.target().baseline_public_employees(), 1);
  EXPECT_EQ(figures.current_civil_servants(), 1);
  // The authority's headline over its schools, through the gateway.
  gateway::v1::GetDownsizingOverviewRequest overview_request;
  gateway::v1::DownsizingOverview overview;
  c = officer.Context();
  ASSERT_TRUE(officer.gateway->GetDownsizingOverview(c.get(), overview_request, &overview).ok())
      << suite->Logs();
  EXPECT_EQ(overview.schools_size(), 2);
  EXPECT_EQ(overview.totals().target().baseline_civil_servants(), 1);
  EXPECT_EQ(overview.totals().target().baseline_public_employees(), 1);
  c = admin_a.Context();
  EXPECT_EQ(admin_a.gateway->GetDownsizingOverview(c.get(), overview_request, &overview).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  CommandResult headline = suite->Ctl(world->officer_key, {"staff", "downsizing", "overview"});
  EXPECT_EQ(headline.exit_code, 0) << headline.output;
  EXPECT_THAT(headline.output, HasSubstr("Tổng"));
  CommandResult officer_cli = suite->Ctl(world->officer_key, {"staff", "list", "--school", "mn-a"});
  EXPECT_NE(officer_cli.exit_code, 0);
  EXPECT_THAT(officer_cli.output, HasSubstr("số liệu tổng hợp"));
}

// Schools/mn-a's finance settings, the same in every test that bills its
// pupils, so those tests may run in any order.
grpc::Status SetMnAFinanceSettings(Client& admin, const std::string& request_id) {
  fpb::UpdateFinanceSettingsRequest settings;
  fpb::FinanceSettings* s = settings.mutable_finance_settings();
  s->set_name("schools/mn-a/financeSettings");
  s->set_bank_bin("970436");
  s->set_account_number("0071000999888");
  s->set_account_name("TRUONG MAM NON A");
  s->set_reference_prefix("MNA");
  s->set_school_level("mam-non");
  s->set_area_group(1);
  for (const char* path :
       {"bank_bin", "account_number", "account_name", "reference_prefix", "school_level", "area_group"}) {
    settings.mutable_update_mask()->add_paths(path);
  }
  settings.set_request_id(request_id);
  fpb::FinanceSettings saved;
  auto c = admin.Context();
  return admin.finance->UpdateFinanceSettings(c.get(), settings, &saved);
}

// A parent without an account: the school publishes its disclosure, prints
// a slip with the pupil code and secret, and the family reads its invoice
// with the VietQR code for the balance and its receipt through the public
// API. Dates follow today, so the fee rules
// must cover the current school year (data/finance/fee_rules.json).
TEST_F(E2eTest, AFamilyReadsItsInvoiceAndTheSchoolsDisclosureWithoutAnAccount) {
  Client admin(world->admin_a_key);
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  const int first_year =
      today.month() >= 9 ? static_cast<int>(today.year()) : static_cast<int>(today.year()) - 1;
  const std::string school_year = absl::StrCat(first_year, "-", first_year + 1);
  const absl::CivilDay due = today + 10;

  grpc::Status status = SetMnAFinanceSettings(admin, "e2e-family-settings");
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  fpb::FeeItem item;
  status = CreateMonthlyFee(admin, "schools/mn-a", "tien-an", "Tiền ăn bán trú", 700'000, &item);
  ASSERT_TRUE(status.ok()) << status.error_message();
  auto c = admin.Context();

  fpb::CreatePupilRequest add;
  add.set_parent("schools/mn-a");
  add.set_pupil_id("be-na");
  add.mutable_pupil()->set_pupil_code("HS-E2E-1");
  add.mutable_pupil()->set_display_name("Trần Bé Na");
  add.mutable_pupil()->set_class_name("Chồi 1");
  add.mutable_pupil()->set_guardian_phone("0909777666");
  add.set_request_id("e2e-family-pupil");
  fpb::Pupil pupil;
  c = admin.Context();
  status = admin.finance->CreatePupil(c.get(), add, &pupil);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(pupil.slip_secret().size(), 10u);

  fpb::Invoice invoice;
  status = BillThisMonth(admin, pupil.name(), item.name(), due, "e2e-family-invoice", &invoice);
  ASSERT_TRUE(status.ok()) << status.error_message();
  fpb::RecordPaymentRequest pay;
  pay.set_parent("schools/mn-a");
  pay.mutable_payment()->set_invoice(invoice.name());
  pay.mutable_payment()->set_amount(200'000);
  pay.mutable_payment()->set_method(fpb::PAYMENT_METHOD_CASH);
  *pay.mutable_payment()->mutable_paid_time() = platform::TimeToProto(absl::Now() - absl::Minutes(5));
  pay.set_request_id("e2e-family-cash");
  fpb::Payment payment;
  c = admin.Context();
  status = admin.finance->RecordPayment(c.get(), pay, &payment);
  ASSERT_TRUE(status.ok()) << status.error_message();
  fpb::PublishFinancialDisclosureRequest publish;
  publish.set_school("schools/mn-a");
  publish.set_school_year(school_year);
  publish.set_request_id("e2e-family-publish");
  fpb::FinancialDisclosure published;
  c = admin.Context();
  status = admin.finance->PublishFinancialDisclosure(c.get(), publish, &published);
  ASSERT_TRUE(status.ok()) << status.error_message();

  auto citizen = zpb::PublicService::NewStub(
      grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials()));
  auto call = [] {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
    return ctx;
  };
  zpb::GetFinancialDisclosureRequest read;
  read.set_school("schools/mn-a");
  read.set_school_year(school_year);
  fpb::FinancialDisclosure disclosure;
  auto pc = call();
  status = citizen->GetFinancialDisclosure(pc.get(), read, &disclosure);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(disclosure.has_publish_time());
  ASSERT_EQ(disclosure.collected_size(), 1);
  EXPECT_EQ(disclosure.collected(0).amount(), 200'000);
  EXPECT_EQ(disclosure.DebugString().find("0909777666"), std::string::npos);

  zpb::LookUpFamilyAccountRequest lookup;
  lookup.set_school("schools/mn-a");
  lookup.set_pupil_code("hs-e2e-1");
  lookup.set_slip_secret(pupil.slip_secret());
  fpb::FamilyAccount account;
  pc = call();
  status = citizen->LookUpFamilyAccount(pc.get(), lookup, &account);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(account.balance(), 500'000);
  ASSERT_EQ(account.invoices_size(), 1);
  EXPECT_FALSE(account.invoices(0).vietqr_payload().empty());
  EXPECT_EQ(account.receipts_size(), 1);
  EXPECT_EQ(account.DebugString().find("0909777666"), std::string::npos);
  // A wrong secret is NOT_FOUND (services/finance tests); it is not tried
  // here because it would spend one of the address's failed lookups, which
  // the citizen case test counts exactly.
  // Another school's disclosure that was never published is not there.
  read.set_school("schools/th-b");
  pc = call();
  EXPECT_EQ(citizen->GetFinancialDisclosure(pc.get(), read, &disclosure).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(E2eTest, CitizenFilesAndFollowsACaseWithoutAnAccountAndOnlyItsSchoolSeesTheFiler) {
  auto channel = grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials());
  auto citizen = zpb::PublicService::NewStub(channel);
  auto call = [] {
    auto c = std::make_unique<grpc::ClientContext>();
    c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
    return c;
  };
  zpb::FileCaseRequest file;
  file.set_school("schools/mn-a");
  file.set_case_type(cpb::CASE_TYPE_FEEDBACK);
  file.set_subject("Cổng trường đông xe lúc tan học");
  file.set_content("Đề nghị nhà trường bố trí người hướng dẫn phụ huynh gửi xe.");
  file.mutable_contact()->set_full_name("Lê Thị Hoa");
  file.mutable_contact()->set_phone("0909000001");
  file.set_request_id("phu-huynh-1");
  zpb::FileCaseResponse filed;
  auto c = call();
  grpc::Status status = citizen->FileCase(c.get(), file, &filed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << "consent is required";
  file.set_consent(true);
  zpb::FileCaseRequest oversized = file;
  oversized.set_content(std::string(70 * 1024, 'a'));
  c = call();
  EXPECT_EQ(citizen->FileCase(c.get(), oversized, &filed).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  zpb::FileCaseRequest nowhere = file;
  nowhere.set_school("schools/khong-co");
  c = call();
  EXPECT_EQ(citizen->FileCase(c.get(), nowhere, &filed).error_code(), grpc::StatusCode::NOT_FOUND);
  c = call();
  status = citizen->FileCase(c.get(), file, &filed);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  ASSERT_FALSE(filed.tracking_code().empty());
  ASSERT_FALSE(filed.tracking_secret().empty());

  zpb::TrackCaseRequest track;
  track.set_tracking_code(filed.tracking_code());
  track.set_tracking_secret(filed.tracking_secret());
  cpb::PublicCaseView view;
  c = call();
  ASSERT_TRUE(citizen->TrackCase(c.get(), track, &view).ok());
  EXPECT_EQ(view.school_display_name(), "Trường Mầm non 20/10");
  EXPECT_EQ(view.DebugString().find("Lê Thị Hoa"), std::string::npos);

  // The school sees the filer; another school and the school's staff do not.
  Client admin_a(world->admin_a_key), admin_b(world->admin_b_key), staff_a(world->staff_a_key),
      officer(world->officer_key);
  cpb::ListCasesRequest list;
  list.set_parent("schools/mn-a");
  cpb::ListCasesResponse cases;
  c = admin_a.Context();
  ASSERT_TRUE(admin_a.complaints->ListCases(c.get(), list, &cases).ok());
  ASSERT_EQ(cases.cases_size(), 1);
  EXPECT_EQ(cases.cases(0).submitter().full_name(), "Lê Thị Hoa");
  const std::string name = cases.cases(0).name();
  c = admin_b.Context();
  EXPECT_EQ(admin_b.complaints->ListCases(c.get(), list, &cases).error_code(), grpc::StatusCode::NOT_FOUND);
  cpb::GetCaseRequest get;
  get.set_name(name);
  cpb::Case seen;
  c = admin_b.Context();
  EXPECT_EQ(admin_b.complaints->GetCase(c.get(), get, &seen).error_code(), grpc::StatusCode::NOT_FOUND);
  c = officer.Context();
  ASSERT_TRUE(officer.complaints->GetCase(c.get(), get, &seen).ok());
  EXPECT_TRUE(seen.submitter_redacted());
  cpb::ResolveCaseRequest resolve;
  resolve.set_name(name);
  resolve.mutable_resolution()->set_outcome(cpb::OUTCOME_ANSWERED);
  resolve.mutable_resolution()->set_public_summary("Nhà trường đã bố trí bảo vệ hướng dẫn từ tuần sau.");
  resolve.set_request_id("e2e-resolve-1");
  c = staff_a.Context();
  EXPECT_EQ(staff_a.complaints->ResolveCase(c.get(), resolve, &seen).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  c = admin_b.Context();
  EXPECT_EQ(admin_b.complaints->ResolveCase(c.get(), resolve, &seen).error_code(),
            grpc::StatusCode::NOT_FOUND);
  c = admin_a.Context();
  status = admin_a.complaints->ResolveCase(c.get(), resolve, &seen);
  ASSERT_TRUE(status.ok()) << status.error_message();

  zpb::RateCaseRequest rate;
  rate.set_tracking_code(filed.tracking_code());
  rate.set_tracking_secret(filed.tracking_secret());
  rate.set_score(4);
  rate.set_request_id("danh-gia-1");
  c = call();
  status = citizen->RateCase(c.get(), rate, &view);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(view.state(), cpb::CASE_STATE_RESOLVED);
  EXPECT_EQ(view.satisfaction().score(), 4);
  EXPECT_EQ(view.resolution_summary(), "Nhà trường đã bố trí bảo vệ hướng dẫn từ tuần sau.");

  // The resolved case offers the short survey; the citizen answers it once
  // through the citizen API, and reporting (which never saw the case)
  // accepts the invitation complaints derived.
  ASSERT_TRUE(view.has_feedback());
  EXPECT_EQ(view.feedback().touchpoint(), parhub::common::v1::FEEDBACK_TOUCHPOINT_CASE_RESOLVED);
  rpb::ServiceFeedbackForm form;
  c = call();
  ASSERT_TRUE(citizen->GetServiceFeedbackForm(c.get(), zpb::GetServiceFeedbackFormRequest(), &form).ok());
  ASSERT_EQ(form.questions_size(), 3);
  zpb::SubmitServiceFeedbackRequest answer;
  *answer.mutable_invitation() = view.feedback();
  for (int score : {5, 4, 4}) answer.add_scores(score);
  answer.set_request_id("khao-sat-nhanh-1");
  rpb::SubmitServiceFeedbackResponse thanks;
  c = call();
  status = citizen->SubmitServiceFeedback(c.get(), answer, &thanks);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  EXPECT_FALSE(thanks.message().empty());
  answer.set_request_id("khao-sat-nhanh-2");
  c = call();
  EXPECT_EQ(citizen->SubmitServiceFeedback(c.get(), answer, &thanks).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  // (A forged invitation is NOT_FOUND: ServiceFeedbackTest covers it. Not
  // sent here: it would spend one of this address's 20 code misses, which
  // the SIPAS test below counts on.)
  rpb::GetServiceFeedbackResultsRequest results_request;
  results_request.set_school("schools/mn-a");
  results_request.set_year(
      static_cast<int>(absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600)).year()));
  rpb::ServiceFeedbackResults results;
  c = admin_a.Context();
  status = admin_a.reporting->GetServiceFeedbackResults(c.get(), results_request, &results);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(results.months_size(), 1);
  EXPECT_EQ(results.months(0).responses(), 1);
  EXPECT_DOUBLE_EQ(results.months(0).satisfied_share(), 100);
  c = admin_b.Context();
  EXPECT_EQ(admin_b.reporting->GetServiceFeedbackResults(c.get(), results_request, &results).error_code(),
            grpc::StatusCode::NOT_FOUND);
  CommandResult feedback_table = suite->Ctl(world->admin_a_key, {"surveys", "feedback"});
  EXPECT_EQ(feedback_table.exit_code, 0) << feedback_table.output;
  EXPECT_THAT(feedback_table.output, HasSubstr("Hồ sơ đã giải quyết"));

  CommandResult listed = suite->Ctl(world->admin_a_key, {"cases", "list"});
  EXPECT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_THAT(listed.output, HasSubstr(filed.tracking_code()));
  CommandResult due = suite->Ctl(world->admin_a_key, {"cases", "due", "--type", "complaint", "--received",
                                                      "20/01/2025", "--decision-date", "10/01/2025"});
  EXPECT_EQ(due.exit_code, 0) << due.output;
  EXPECT_THAT(due.output, HasSubstr("03/02/2025"));

  // Enrolment: the school publishes a notice, a parent registers online.
  cpb::CreateEnrolmentNoticeRequest publish;
  publish.set_parent("schools/mn-a");
  publish.mutable_enrolment_notice()->set_school_year("2027-2028");
  publish.mutable_enrolment_notice()->set_intake("Trẻ 3 tuổi (sinh năm 2024)");
  publish.mutable_enrolment_notice()->set_places(40);
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  *publish.mutable_enrolment_notice()->mutable_registration_start() =
      D(static_cast<int>(today.year()), today.month(), today.day());
  const absl::CivilDay later = today + 20;
  *publish.mutable_enrolment_notice()->mutable_registration_end() =
      D(static_cast<int>(later.year()), later.month(), later.day());
  publish.mutable_enrolment_notice()->set_processing_days(5);
  publish.mutable_enrolment_notice()->add_documents_required("Bản sao giấy khai sinh");
  publish.set_request_id("e2e-notice-1");
  cpb::EnrolmentNotice notice;
  c = admin_a.Context();
  status = admin_a.complaints->CreateEnrolmentNotice(c.get(), publish, &notice);
  ASSERT_TRUE(status.ok()) << status.error_message();
  c = admin_b.Context();
  publish.set_request_id("e2e-notice-2");
  EXPECT_EQ(admin_b.complaints->CreateEnrolmentNotice(c.get(), publish, &notice).error_code(),
            grpc::StatusCode::NOT_FOUND);
  zpb::ListEnrolmentNoticesRequest open;
  open.set_school("schools/mn-a");
  cpb::ListEnrolmentNoticesResponse notices;
  c = call();
  ASSERT_TRUE(citizen->ListEnrolmentNotices(c.get(), open, &notices).ok());
  ASSERT_EQ(notices.enrolment_notices_size(), 1);
  zpb::RegisterForEnrolmentRequest enrol;
  enrol.set_enrolment_notice(notices.enrolment_notices(0).name());
  enrol.mutable_guardian()->set_full_name("Phạm Thu Trang");
  enrol.mutable_guardian()->set_phone("0909000005");
  enrol.mutable_guardian()->set_address("8 Nguyễn Huệ, phường Sài Gòn");
  enrol.mutable_applicant()->set_full_name("Phạm Gia Bảo");
  *enrol.mutable_applicant()->mutable_birth_date() = D(2024, 6, 1);
  enrol.set_consent(true);
  enrol.set_request_id("dang-ky-1");
  zpb::FileCaseResponse registered;
  c = call();
  status = citizen->RegisterForEnrolment(c.get(), enrol, &registered);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_FALSE(registered.tracking_secret().empty());
  track.set_tracking_code(registered.tracking_code());
  track.set_tracking_secret(registered.tracking_secret());
  c = call();
  ASSERT_TRUE(citizen->TrackCase(c.get(), track, &view).ok());
  EXPECT_EQ(view.case_type(), cpb::CASE_TYPE_PROCEDURE_DOSSIER);
  EXPECT_EQ(view.DebugString().find("Phạm Gia Bảo"), std::string::npos);

  // Five filings an hour from one address (the registration counted too,
  // the refused ones not).
  for (int i = 2; i <= 4; ++i) {
    zpb::FileCaseRequest more = file;
    more.mutable_contact()->set_phone(absl::StrCat("090900000", i));
    more.set_request_id(absl::StrCat("phu-huynh-", i));
    c = call();
    ASSERT_TRUE(citizen->FileCase(c.get(), more, &filed).ok()) << i;
  }
  file.set_request_id("phu-huynh-6");
  file.mutable_contact()->set_phone("0909000009");
  c = call();
  EXPECT_EQ(citizen->FileCase(c.get(), file, &filed).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);

  // Twenty wrong secrets an hour, then even the right one is refused.
  zpb::TrackCaseRequest guess = track;
  guess.set_tracking_secret("AAAA-BBBB-CC");
  for (int i = 0; i < 20; ++i) {
    c = call();
    ASSERT_EQ(citizen->TrackCase(c.get(), guess, &view).error_code(), grpc::StatusCode::NOT_FOUND) << i;
  }
  c = call();
  EXPECT_EQ(citizen->TrackCase(c.get(), track, &view).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST_F(E2eTest, AnotherSchoolsCaseIsNotFoundOnEveryComplaintsRpcThroughTheGateway) {
  Client admin_a(world->admin_a_key), admin_b(world->admin_b_key);
  cpb::CreateCaseRequest create;
  create.set_parent("schools/mn-a");
  create.mutable_case_()->set_case_type(cpb::CASE_TYPE_COMPLAINT);
  create.mutable_case_()->set_channel(cpb::CHANNEL_MAIL);
  create.mutable_case_()->set_subject("Khiếu nại việc thu tiền");
  create.mutable_case_()->set_content("Nội dung khiếu nại.");
  create.mutable_case_()->mutable_submitter()->set_full_name("Võ Văn Tâm");
  create.mutable_case_()->mutable_submitter()->set_address("3 Pasteur, phường Bến Thành");
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  *create.mutable_case_()->mutable_received_date() =
      D(static_cast<int>(today.year()), today.month(), today.day());
  *create.mutable_case_()->mutable_decision_date() =
      D(static_cast<int>(today.year()), today.month(), today.day());
  create.set_request_id("e2e-case-isolation");
  cpb::Case c;
  auto ctx = admin_a.Context();
  grpc::Status status = admin_a.complaints->CreateCase(ctx.get(), create, &c);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const std::string name = c.name();
  cpb::CreateEnrolmentNoticeRequest publish;
  publish.set_parent("schools/mn-a");
  publish.mutable_enrolment_notice()->set_school_year("2028-2029");
  publish.mutable_enrolment_notice()->set_intake("Lớp 1");
  publish.mutable_enrolment_notice()->set_places(35);
  *publish.mutable_enrolment_notice()->mutable_registration_start() = D(2027, 6, 1);
  *publish.mutable_enrolment_notice()->mutable_registration_end() = D(2027, 6, 30);
  publish.mutable_enrolment_notice()->set_processing_days(5);
  publish.set_request_id("e2e-notice-isolation");
  cpb::EnrolmentNotice notice;
  ctx = admin_a.Context();
  ASSERT_TRUE(admin_a.complaints->CreateEnrolmentNotice(ctx.get(), publish, &notice).ok());

  auto& b = *admin_b.complaints;
  std::vector<std::pair<const char*, std::function<grpc::Status(grpc::ClientContext*)>>> calls;
  cpb::Case out;
  calls.emplace_back("GetCase", [&](grpc::ClientContext* x) {
    cpb::GetCaseRequest r;
    r.set_name(name);
    return b.GetCase(x, r, &out);
  });
  calls.emplace_back("ListCases", [&](grpc::ClientContext* x) {
    cpb::ListCasesRequest r;
    r.set_parent("schools/mn-a");
    cpb::ListCasesResponse o;
    return b.ListCases(x, r, &o);
  });
  calls.emplace_back("AcceptCase", [&](grpc::ClientContext* x) {
    cpb::AcceptCaseRequest r;
    r.set_name(name);
    r.set_request_id("b-1");
    return b.AcceptCase(x, r, &out);
  });
  calls.emplace_back("RejectCase", [&](grpc::ClientContext* x) {
    cpb::RejectCaseRequest r;
    r.set_name(name);
    r.set_reason("x");
    r.set_request_id("b-2");
    return b.RejectCase(x, r, &out);
  });
  calls.emplace_back("AssignCase", [&](grpc::ClientContext* x) {
    cpb::AssignCaseRequest r;
    r.set_name(name);
    r.set_assignee("accounts/admin-b");
    r.set_request_id("b-3");
    return b.AssignCase(x, r, &out);
  });
  calls.emplace_back("ExtendCaseDeadline", [&](grpc::ClientContext* x) {
    cpb::ExtendCaseDeadlineRequest r;
    r.set_name(name);
    r.set_days(5);
    r.set_reason("x");
    r.set_request_id("b-4");
    return b.ExtendCaseDeadline(x, r, &out);
  });
  calls.emplace_back("RecordApologyLetter", [&](grpc::ClientContext* x) {
    cpb::RecordApologyLetterRequest r;
    r.set_name(name);
    r.set_request_id("b-5");
    return b.RecordApologyLetter(x, r, &out);
  });
  calls.emplace_back("ResolveCase", [&](grpc::ClientContext* x) {
    cpb::ResolveCaseRequest r;
    r.set_name(name);
    r.set_request_id("b-6");
    return b.ResolveCase(x, r, &out);
  });
  calls.emplace_back("EscalateCase", [&](grpc::ClientContext* x) {
    cpb::EscalateCaseRequest r;
    r.set_name(name);
    r.set_reason("x");
    r.set_authority("authorities/q1");
    r.set_request_id("b-7");
    return b.EscalateCase(x, r, &out);
  });
  calls.emplace_back("WithdrawCase", [&](grpc::ClientContext* x) {
    cpb::WithdrawCaseRequest r;
    r.set_name(name);
    r.set_reason("x");
    r.set_request_id("b-8");
    return b.WithdrawCase(x, r, &out);
  });
  calls.emplace_back("ReopenCase", [&](grpc::ClientContext* x) {
    cpb::ReopenCaseRequest r;
    r.set_name(name);
    r.set_reason("x");
    r.set_request_id("b-9");
    return b.ReopenCase(x, r, &out);
  });
  calls.emplace_back("DraftApologyLetter", [&](grpc::ClientContext* x) {
    cpb::DraftApologyLetterRequest r;
    r.set_name(name);
    cpb::ApologyLetterDraft o;
    return b.DraftApologyLetter(x, r, &o);
  });
  calls.emplace_back("AddCaseNote", [&](grpc::ClientContext* x) {
    cpb::AddCaseNoteRequest r;
    r.set_parent(name);
    r.set_note("x");
    r.set_visibility(cpb::VISIBILITY_INTERNAL);
    r.set_request_id("b-10");
    cpb::CaseEvent o;
    return b.AddCaseNote(x, r, &o);
  });
  calls.emplace_back("ListCaseEvents", [&](grpc::ClientContext* x) {
    cpb::ListCaseEventsRequest r;
    r.set_parent(name);
    cpb::ListCaseEventsResponse o;
    return b.ListCaseEvents(x, r, &o);
  });
  calls.emplace_back("SummarizeComplaints", [&](grpc::ClientContext* x) {
    cpb::SummarizeComplaintsRequest r;
    r.set_school("schools/mn-a");
    *r.mutable_period_start() = D(2026, 1, 1);
    *r.mutable_period_end() = D(2026, 12, 31);
    cpb::ComplaintSummary o;
    return b.SummarizeComplaints(x, r, &o);
  });
  calls.emplace_back("CreateEnrolmentNotice", [&](grpc::ClientContext* x) {
    cpb::CreateEnrolmentNoticeRequest r = publish;
    r.set_request_id("b-11");
    cpb::EnrolmentNotice o;
    return b.CreateEnrolmentNotice(x, r, &o);
  });
  calls.emplace_back("GetEnrolmentNotice", [&](grpc::ClientContext* x) {
    cpb::GetEnrolmentNoticeRequest r;
    r.set_name(notice.name());
    cpb::EnrolmentNotice o;
    return b.GetEnrolmentNotice(x, r, &o);
  });
  calls.emplace_back("ListEnrolmentNotices", [&](grpc::ClientContext* x) {
    cpb::ListEnrolmentNoticesRequest r;
    r.set_parent("schools/mn-a");
    cpb::ListEnrolmentNoticesResponse o;
    return b.ListEnrolmentNotices(x, r, &o);
  });
  calls.emplace_back("CloseEnrolmentNotice", [&](grpc::ClientContext* x) {
    cpb::CloseEnrolmentNoticeRequest r;
    r.set_name(notice.name());
    r.set_reason("x");
    r.set_request_id("b-12");
    cpb::EnrolmentNotice o;
    return b.CloseEnrolmentNotice(x, r, &o);
  });
  for (auto& [method, call] : calls) {
    auto x = admin_b.Context();
    EXPECT_EQ(call(x.get()).error_code(), grpc::StatusCode::NOT_FOUND) << method;
  }
  // Nothing changed: the case is still waiting for acceptance, unnoted.
  cpb::GetCaseRequest get;
  get.set_name(name);
  ctx = admin_a.Context();
  ASSERT_TRUE(admin_a.complaints->GetCase(ctx.get(), get, &c).ok());
  EXPECT_EQ(c.state(), cpb::CASE_STATE_RECEIVED);
  cpb::ListCaseEventsRequest events;
  events.set_parent(name);
  cpb::ListCaseEventsResponse history;
  ctx = admin_a.Context();
  ASSERT_TRUE(admin_a.complaints->ListCaseEvents(ctx.get(), events, &history).ok());
  EXPECT_EQ(history.events_size(), 1);
}

// Finance behind the gateway: the school office runs the money, its staff
// read fee items, the district's officer checks the ledger but never sees
// invoices, and another school finds nothing.
// The accountant reconciles the bank with parhubctl: a bank's Excel export
// (letterhead, bilingual headers, a date cell) is imported through a column
// mapping; the transfer naming the invoice's payment reference pays it, the
// one naming nothing waits; importing the same file again records nothing
// twice; the waiting line is matched by hand to the invoice, paying the
// rest and holding the surplus as the family's credit, which is then paid
// back; a line another school imported is not theirs to match.
TEST_F(E2eTest, TheAccountantReconcilesAnExcelBankStatementWithTheCli) {
  Client admin(world->admin_a_key);
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  const absl::CivilDay due = today + 10;

  grpc::Status status = SetMnAFinanceSettings(admin, "e2e-bank-settings");
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  fpb::FeeItem item;
  status = CreateMonthlyFee(admin, "schools/mn-a", "ngoai-khoa", "Hoạt động ngoại khóa", 300'000, &item);
  ASSERT_TRUE(status.ok()) << status.error_message();
  auto c = admin.Context();
  std::vector<fpb::Invoice> invoices;
  for (int i = 0; i < 2; ++i) {
    fpb::CreatePupilRequest add;
    add.set_parent("schools/mn-a");
    add.set_pupil_id(absl::StrCat("bank-", i));
    add.mutable_pupil()->set_pupil_code(absl::StrCat("HS-BANK-", i));
    add.mutable_pupil()->set_display_name("Lê Thị Sao Kê");
    add.mutable_pupil()->set_class_name("Lá 2");
    add.set_request_id(absl::StrCat("e2e-bank-pupil-", i));
    fpb::Pupil pupil;
    c = admin.Context();
    status = admin.finance->CreatePupil(c.get(), add, &pupil);
    ASSERT_TRUE(status.ok()) << status.error_message();
    fpb::Invoice invoice;
    status =
        BillThisMonth(admin, pupil.name(), item.name(), due, absl::StrCat("e2e-bank-invoice-", i), &invoice);
    ASSERT_TRUE(status.ok()) << status.error_message();
    invoices.push_back(invoice);
  }

  // The bank's export: yesterday's two transfers in.
  const std::string path = absl::StrCat(::testing::TempDir(), "/sao-ke-", getpid(), ".xlsx");
  {
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Statement");
    lxw_format* date = workbook_add_format(workbook);
    format_set_num_format(date, "dd/mm/yyyy");
    worksheet_write_string(sheet, 0, 0, "SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT", nullptr);
    const char* headers[] = {"Số CT/\nDoc No", "Ngày GD/\nTNX Date", "Số tiền ghi nợ/\nDebit",
                             "Số tiền ghi có/\nCredit", "Nội dung chi tiết/\nTransactions in detail"};
    for (int col = 0; col < 5; ++col) worksheet_write_string(sheet, 2, col, headers[col], nullptr);
    const absl::CivilDay yesterday = today - 1;
    lxw_datetime booked = {static_cast<int>(yesterday.year()), yesterday.month(), yesterday.day(), 9, 0, 0};
    worksheet_write_string(sheet, 3, 0, "E2EBANK0001", nullptr);
    worksheet_write_datetime(sheet, 3, 1, &booked, date);
    worksheet_write_number(sheet, 3, 3, 300000, nullptr);
    worksheet_write_string(sheet, 3, 4,
                           absl::StrCat("MBVCB.123.", invoices[0].payment_reference(), ".nop tien").c_str(),
                           nullptr);
    worksheet_write_string(sheet, 4, 0, "E2EBANK0002", nullptr);
    worksheet_write_datetime(sheet, 4, 1, &booked, date);
    worksheet_write_number(sheet, 4, 3, 350000, nullptr);
    worksheet_write_string(sheet, 4, 4, "Me be Sao Ke nop tien thang nay", nullptr);
    ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  }
  const std::vector<std::string> import = {"finance",
                                           "statements",
                                           "import",
                                           path,
                                           "--format",
                                           "xlsx",
                                           "--col-id",
                                           "Số CT/\nDoc No",
                                           "--col-time",
                                           "Ngày GD/\nTNX Date",
                                           "--col-credit",
                                           "Số tiền ghi có/\nCredit",
                                           "--col-debit",
                                           "Số tiền ghi nợ/\nDebit",
                                           "--col-description",
                                           "Nội dung chi tiết/\nTransactions in detail",
                                           "--header-row",
                                           "3"};
  auto first = suite->Ctl(world->admin_a_key, import);
  ASSERT_EQ(first.exit_code, 0) << first.output << suite->Logs();
  EXPECT_THAT(first.output,
              HasSubstr("Đã đọc 2 dòng: 1 khớp tự động, 1 chờ xử lý, 0 đã nhập trước đây, 0 lỗi."));
  // The same file again (a retried command) records nothing twice; with a
  // fresh request id the lines are seen as imported before.
  auto again = suite->Ctl(world->admin_a_key, import);
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, HasSubstr("1 khớp tự động, 1 chờ xử lý"));
  std::vector<std::string> fresh = {"--request-id", "e2e-bank-reimport"};
  fresh.insert(fresh.end(), import.begin(), import.end());
  auto reimport = suite->Ctl(world->admin_a_key, fresh);
  EXPECT_EQ(reimport.exit_code, 0) << reimport.output;
  EXPECT_THAT(reimport.output, HasSubstr("0 khớp tự động, 0 chờ xử lý, 2 đã nhập trước đây"));
  std::remove(path.c_str());

  // The waiting line, as the accountant sees it.
  auto waiting = suite->Ctl(world->admin_a_key,
                            {"--output", "json", "finance", "statements", "list", "--state", "cho-xu-ly"});
  ASSERT_EQ(waiting.exit_code, 0) << waiting.output;
  fpb::ListBankStatementLinesResponse lines;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(waiting.output, &lines).ok()) << waiting.output;
  std::string line_name;
  for (const auto& l : lines.lines()) {
    if (l.bank_transaction_id() == "E2EBANK0002") line_name = l.name();
  }
  ASSERT_FALSE(line_name.empty()) << waiting.output;
  const std::string line_id = line_name.substr(line_name.rfind('/') + 1);
  // Another school's admin cannot match it.
  auto foreign = suite->Ctl(world->admin_b_key, {"finance", "statements", "match", line_name, "--invoice",
                                                 invoices[1].name(), "--note", "thử"});
  EXPECT_NE(foreign.exit_code, 0) << foreign.output;
  auto matched = suite->Ctl(world->admin_a_key,
                            {"finance", "statements", "match", line_id, "--invoice",
                             invoices[1].payment_reference(), "--note", "Phụ huynh gọi điện xác nhận"});
  ASSERT_EQ(matched.exit_code, 0) << matched.output;
  EXPECT_THAT(matched.output, HasSubstr("Giữ làm tiền thừa của phụ huynh: 50.000 đ"));
  auto credits =
      suite->Ctl(world->admin_a_key, {"--output", "json", "finance", "credits", "list", "--pupil", "bank-1"});
  ASSERT_EQ(credits.exit_code, 0) << credits.output;
  fpb::ListPayerCreditsResponse held;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(credits.output, &held).ok()) << credits.output;
  ASSERT_EQ(held.payer_credits_size(), 1);
  EXPECT_EQ(held.payer_credits(0).remaining(), 50'000);
  auto refund =
      suite->Ctl(world->admin_a_key, {"finance", "credits", "refund", held.payer_credits(0).name(),
                                      "--amount", "50.000", "--note", "Chuyển khoản trả lại phụ huynh"});
  ASSERT_EQ(refund.exit_code, 0) << refund.output;
  EXPECT_THAT(refund.output, HasSubstr("còn lại 0 đ"));

  for (const auto& invoice : invoices) {
    fpb::GetInvoiceRequest get;
    get.set_name(invoice.name());
    fpb::Invoice now;
    c = admin.Context();
    ASSERT_TRUE(admin.finance->GetInvoice(c.get(), get, &now).ok());
    EXPECT_EQ(now.state(), fpb::INVOICE_STATE_PAID) << invoice.name();
  }
  fpb::CheckLedgerRequest check;
  check.set_parent("schools/mn-a");
  fpb::LedgerCheck ledger;
  c = admin.Context();
  ASSERT_TRUE(admin.finance->CheckLedger(c.get(), check, &ledger).ok());
  EXPECT_TRUE(ledger.ok());
}

// The accountant records the school's spending with parhubctl, lists it,
// and reverses a mistaken entry with a reason; another school's admin can
// neither see nor reverse it.
TEST_F(E2eTest, TheAccountantRecordsAndReversesSpendingWithTheCli) {
  auto added =
      suite->Ctl(world->admin_a_key,
                 {"--output", "json", "finance", "spending", "add", "--amount", "1.250.000", "--method",
                  "chuyen-khoan", "--purpose", "Mua thực phẩm bữa trưa tuần 1", "--payee",
                  "Công ty Thực phẩm An Toàn", "--voucher", "UNC-0125", "--category", "an-uong"});
  ASSERT_EQ(added.exit_code, 0) << added.output << suite->Logs();
  fpb::Expenditure spent;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(added.output, &spent).ok()) << added.output;
  EXPECT_EQ(spent.amount(), 1'250'000);
  EXPECT_EQ(spent.method(), fpb::PAYMENT_METHOD_BANK_TRANSFER);
  const std::string id = spent.name().substr(spent.name().rfind('/') + 1);
  auto listed = suite->Ctl(world->admin_a_key,
                           {"finance", "spending", "list", "--category", "an-uong", "--from", "01/01/2026"});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_THAT(listed.output, HasSubstr("UNC-0125"));
  EXPECT_THAT(listed.output, HasSubstr("1.250.000 đ"));
  // Before the day it was spent, nothing; a date that is not one is a usage error.
  auto before = suite->Ctl(world->admin_a_key, {"finance", "spending", "list", "--to", "31/12/2025"});
  ASSERT_EQ(before.exit_code, 0) << before.output;
  EXPECT_THAT(before.output, ::testing::Not(HasSubstr("UNC-0125")));
  auto not_a_date = suite->Ctl(world->admin_a_key, {"finance", "spending", "list", "--from", "hôm qua"});
  EXPECT_EQ(not_a_date.exit_code, 2) << not_a_date.output;
  auto foreign =
      suite->Ctl(world->admin_b_key, {"finance", "spending", "reverse", spent.name(), "--reason", "thử"});
  EXPECT_NE(foreign.exit_code, 0) << foreign.output;
  auto bad = suite->Ctl(world->admin_a_key, {"finance", "spending", "add", "--amount", "-5", "--method",
                                             "tien-mat", "--purpose", "x", "--payee", "y", "--voucher", "z"});
  EXPECT_NE(bad.exit_code, 0) << bad.output;
  auto reversed =
      suite->Ctl(world->admin_a_key, {"finance", "spending", "reverse", id, "--reason", "Ghi nhầm số tiền"});
  ASSERT_EQ(reversed.exit_code, 0) << reversed.output;
  EXPECT_THAT(reversed.output, HasSubstr("ĐÃ HỦY (ghi đảo): Ghi nhầm số tiền"));
  auto again = suite->Ctl(world->admin_a_key, {"finance", "spending", "reverse", id, "--reason", "lần nữa"});
  EXPECT_NE(again.exit_code, 0) << again.output;
}

// The accountant's other day-to-day commands: one transfer typed in from
// the bank's balance notice (recorded once however often the command runs),
// the period's figures (what reporting and the authority read), and the
// school year's disclosure published for anyone to read without an account.
TEST_F(E2eTest, TheAccountantAddsATransferReadsThePeriodsFiguresAndPublishesTheDisclosureWithTheCli) {
  const absl::TimeZone vietnam = absl::FixedTimeZone(7 * 3600);
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), vietnam);
  const int first_year =
      today.month() >= 9 ? static_cast<int>(today.year()) : static_cast<int>(today.year()) - 1;
  const std::string school_year = absl::StrCat(first_year, "-", first_year + 1);
  const std::string booked = absl::FormatTime("%Y-%m-%d %H:%M", absl::Now() - absl::Minutes(30), vietnam);
  const std::vector<std::string> add_line = {
      "--output",          "json",    "finance",      "statements", "add",     "--transaction",
      "FT26E2ECLI0001",    "--time",  booked,         "--amount",   "350.000", "--description",
      "UNG HO QUY LOP 3A", "--payer", "TRAN THI BICH"};
  auto added = suite->Ctl(world->admin_a_key, add_line);
  ASSERT_EQ(added.exit_code, 0) << added.output << suite->Logs();
  fpb::BankStatementLine line;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(added.output, &line).ok()) << added.output;
  EXPECT_EQ(line.amount(), 350'000);
  EXPECT_EQ(line.match_state(), fpb::MATCH_STATE_UNMATCHED);
  EXPECT_EQ(line.unmatched_reason(), fpb::UNMATCHED_REASON_NO_REFERENCE);
  // Typed in again: the same line, not a second one.
  auto again = suite->Ctl(world->admin_a_key, add_line);
  ASSERT_EQ(again.exit_code, 0) << again.output;
  fpb::BankStatementLine same;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(again.output, &same).ok()) << again.output;
  EXPECT_EQ(same.name(), line.name());
  auto waiting = suite->Ctl(world->admin_a_key, {"finance", "statements", "list", "--state", "cho-xu-ly"});
  ASSERT_EQ(waiting.exit_code, 0) << waiting.output;
  size_t listed = 0;
  for (size_t at = waiting.output.find("FT26E2ECLI0001"); at != std::string::npos;
       at = waiting.output.find("FT26E2ECLI0001", at + 1)) {
    ++listed;
  }
  EXPECT_EQ(listed, 1u) << waiting.output;
  // Money leaving the account waits too, as money out, with its sign.
  std::vector<std::string> out_line = add_line;
  out_line[6] = "FT26E2ECLI0002";
  out_line.push_back("--money-out");
  auto paid_out = suite->Ctl(world->admin_a_key, out_line);
  ASSERT_EQ(paid_out.exit_code, 0) << paid_out.output;
  fpb::BankStatementLine debit;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(paid_out.output, &debit).ok()) << paid_out.output;
  EXPECT_EQ(debit.amount(), -350'000);
  EXPECT_EQ(debit.unmatched_reason(), fpb::UNMATCHED_REASON_DEBIT);
  // Another school's admin cannot book into this school; an amount or a
  // time that is not one is a usage error.
  std::vector<std::string> foreign = add_line;
  foreign.insert(foreign.begin() + 5, {"--school", "mn-a"});
  EXPECT_NE(suite->Ctl(world->admin_b_key, foreign).exit_code, 0);
  std::vector<std::string> not_amount = add_line;
  not_amount[10] = "ba trăm nghìn";
  EXPECT_EQ(suite->Ctl(world->admin_a_key, not_amount).exit_code, 2);
  std::vector<std::string> no_time = add_line;
  no_time[8] = "sáng nay";
  EXPECT_EQ(suite->Ctl(world->admin_a_key, no_time).exit_code, 2);

  // The period's figures are the service's own, shown as they are.
  const std::string from = absl::FormatCivilTime(absl::CivilDay(today.year(), today.month(), 1));
  const std::string to = absl::FormatCivilTime(today);
  auto summary =
      suite->Ctl(world->admin_a_key, {"--output", "json", "finance", "summary", "--from", from, "--to", to});
  ASSERT_EQ(summary.exit_code, 0) << summary.output;
  fpb::FinanceSummary figures;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(summary.output, &figures).ok()) << summary.output;
  EXPECT_GE(figures.unmatched_statement_lines(), 1);
  EXPECT_EQ(figures.ledger_ok(), 1);
  Client admin_a(world->admin_a_key);
  fpb::SummarizeFinanceRequest ask;
  ask.set_school("schools/mn-a");
  ask.mutable_period_start()->set_year(static_cast<int>(today.year()));
  ask.mutable_period_start()->set_month(today.month());
  ask.mutable_period_start()->set_day(1);
  ask.mutable_period_end()->set_year(static_cast<int>(today.year()));
  ask.mutable_period_end()->set_month(today.month());
  ask.mutable_period_end()->set_day(today.day());
  fpb::FinanceSummary direct;
  auto c = admin_a.Context();
  ASSERT_TRUE(admin_a.finance->SummarizeFinance(c.get(), ask, &direct).ok());
  EXPECT_EQ(direct.collected_amount(), figures.collected_amount());
  EXPECT_EQ(direct.spent_amount(), figures.spent_amount());
  EXPECT_EQ(direct.unmatched_statement_lines(), figures.unmatched_statement_lines());
  auto table = suite->Ctl(world->admin_a_key, {"finance", "summary", "--from", from, "--to", to});
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("Tỷ lệ thu không dùng tiền mặt"));
  EXPECT_THAT(table.output, HasSubstr("Sổ cái khớp"));
  EXPECT_NE(
      suite->Ctl(world->admin_b_key, {"finance", "summary", "--school", "mn-a", "--from", from, "--to", to})
          .exit_code,
      0);

  // Published from the CLI, the disclosure is what anyone reads without an account.
  auto publish = suite->Ctl(world->admin_a_key, {"finance", "disclosure", "publish", "--year", school_year});
  ASSERT_EQ(publish.exit_code, 0) << publish.output;
  EXPECT_THAT(publish.output, HasSubstr("đã công khai lúc"));
  EXPECT_THAT(publish.output, HasSubstr("Đã thu theo khoản"));
  auto shown = suite->Ctl(world->admin_a_key,
                          {"--lang", "en", "finance", "disclosure", "show", "--year", school_year});
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, HasSubstr("Financial disclosure, school year " + school_year +
                                      " — figures as of now; last published "));
  auto citizen = zpb::PublicService::NewStub(
      grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext pc;
  pc.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
  zpb::GetFinancialDisclosureRequest read;
  read.set_school("schools/mn-a");
  read.set_school_year(school_year);
  fpb::FinancialDisclosure disclosure;
  ASSERT_TRUE(citizen->GetFinancialDisclosure(&pc, read, &disclosure).ok());
  EXPECT_TRUE(disclosure.has_publish_time());
  EXPECT_NE(suite
                ->Ctl(world->admin_b_key,
                      {"finance", "disclosure", "publish", "--school", "mn-a", "--year", school_year})
                .exit_code,
            0);
  EXPECT_EQ(suite->Ctl(world->admin_a_key, {"finance", "disclosure", "show"}).exit_code, 2);
}

TEST_F(E2eTest, FinanceIsForwardedAndPayerRecordsStayWithTheSchoolOffice) {
  Client admin_a(world->admin_a_key), admin_b(world->admin_b_key), staff_a(world->staff_a_key),
      officer(world->officer_key);
  fpb::CheckLedgerRequest check;
  check.set_parent("schools/mn-a");
  fpb::LedgerCheck ledger;
  auto c = admin_a.Context();
  grpc::Status status = admin_a.finance->CheckLedger(c.get(), check, &ledger);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  EXPECT_TRUE(ledger.ok());
  c = officer.Context();
  status = officer.finance->CheckLedger(c.get(), check, &ledger);
  EXPECT_TRUE(status.ok()) << status.error_message();
  c = admin_b.Context();
  EXPECT_EQ(admin_b.finance->CheckLedger(c.get(), check, &ledger).error_code(), grpc::StatusCode::NOT_FOUND);
  c = staff_a.Context();
  EXPECT_EQ(staff_a.finance->CheckLedger(c.get(), check, &ledger).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  fpb::ListFeeItemsRequest fees;
  fees.set_parent("schools/mn-a");
  fpb::ListFeeItemsResponse listed;
  c = staff_a.Context();
  status = staff_a.finance->ListFeeItems(c.get(), fees, &listed);
  EXPECT_TRUE(status.ok()) << status.error_message();

  fpb::RecordPaymentRequest pay;
  pay.set_parent("schools/mn-a");
  pay.set_request_id("e2e-finance-staff-payment");
  fpb::Payment payment;
  c = staff_a.Context();
  EXPECT_EQ(staff_a.finance->RecordPayment(c.get(), pay, &payment).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  fpb::GetInvoiceRequest get;
  get.set_name("schools/mn-a/invoices/khong-co");
  fpb::Invoice invoice;
  c = officer.Context();
  EXPECT_EQ(officer.finance->GetInvoice(c.get(), get, &invoice).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // The school's own admin reaches the service, which has no such invoice.
  c = admin_a.Context();
  EXPECT_EQ(admin_a.finance->GetInvoice(c.get(), get, &invoice).error_code(), grpc::StatusCode::NOT_FOUND);
}

// Automated reporting: the reporting service pulls the school's task
// summary with its own identity, so progress reported on a task changes
// the live PAR forecast and the next version of a periodic report, with no
// figure retyped. Reports stay with the school and its authority.
TEST_F(E2eTest, ATasksProgressChangesTheForecastAndTheNextReportVersion) {
  Client admin_a(world->admin_a_key), admin_b(world->admin_b_key), staff_a(world->staff_a_key),
      officer(world->officer_key);
  rpb::GetParForecastRequest get;
  get.set_school("schools/mn-a");
  get.set_year(2026);
  auto forecast_line = [&](const rpb::ParForecast& f) {
    for (const auto& line : f.lines()) {
      if (line.sub_criterion() == "1.1.2") return line;  // tasks.completion_rate
    }
    return rpb::ForecastLine();
  };
  rpb::ParForecast before;
  auto c = admin_a.Context();
  grpc::Status status = admin_a.reporting->GetParForecast(c.get(), get, &before);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  EXPECT_TRUE(before.source_errors().empty()) << before.source_errors(0);
  const rpb::ForecastLine line_before = forecast_line(before);
  ASSERT_EQ(line_before.source(), rpb::POINTS_SOURCE_METRIC) << line_before.explanation();
  ASSERT_GT(line_before.denominator(), 0);

  rpb::GenerateReportRequest generate;
  generate.set_parent("schools/mn-a");
  generate.set_family("reportFamilies/cchc");
  generate.set_year(2026);
  generate.set_period("q3");
  generate.set_request_id("e2e-report-q3-v1");
  rpb::ReportVersion v1;
  c = admin_a.Context();
  status = admin_a.reporting->GenerateReport(c.get(), generate, &v1);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  EXPECT_TRUE(v1.source_errors().empty());
  EXPECT_TRUE(v1.content().has_tasks());
  EXPECT_TRUE(v1.content().has_complaints());
  EXPECT_EQ(v1.content().school_display_name(), "Trường Mầm non 20/10");
  EXPECT_EQ(v1.content().authority_display_name(), "UBND Quận 1");

  // A task of the plan already due this year and not done: completing it
  // raises the year-so-far completion rate.
  tpb::ListTasksRequest list;
  list.set_parent(world->plan_a);
  list.set_page_size(100);
  tpb::ListTasksResponse tasks;
  c = admin_a.Context();
  ASSERT_TRUE(admin_a.tasks->ListTasks(c.get(), list, &tasks).ok());
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  std::string due_task;
  for (const auto& t : tasks.tasks()) {
    const absl::CivilDay due(t.due_date().year(), t.due_date().month(), t.due_date().day());
    const bool open =
        t.status() == tpb::TASK_STATUS_NOT_STARTED || t.status() == tpb::TASK_STATUS_IN_PROGRESS;
    const bool this_year_so_far = due.year() == today.year() && due <= today;
    if (this_year_so_far && open && t.name() != world->task_a) due_task = t.name();
  }
  ASSERT_FALSE(due_task.empty()) << "the PAR template has no task due before today";
  tpb::AddProgressUpdateRequest progress;
  progress.set_parent(due_task);
  progress.mutable_progress_update()->set_percent_done(100);
  progress.mutable_progress_update()->set_note("Đã hoàn thành, có biên bản kiểm tra");
  progress.set_request_id("e2e-reporting-progress");
  tpb::ProgressUpdate update;
  c = admin_a.Context();
  status = admin_a.tasks->AddProgressUpdate(c.get(), progress, &update);
  ASSERT_TRUE(status.ok()) << status.error_message();

  rpb::ParForecast after;
  c = admin_a.Context();
  ASSERT_TRUE(admin_a.reporting->GetParForecast(c.get(), get, &after).ok());
  const rpb::ForecastLine line_after = forecast_line(after);
  EXPECT_EQ(line_after.numerator(), line_before.numerator() + 1) << line_after.explanation();
  EXPECT_GT(line_after.metric_value(), line_before.metric_value());
  EXPECT_NE(line_after.explanation(), line_before.explanation());

  generate.set_request_id("e2e-report-q3-v2");
  rpb::ReportVersion v2;
  c = admin_a.Context();
  ASSERT_TRUE(admin_a.reporting->GenerateReport(c.get(), generate, &v2).ok());
  EXPECT_EQ(v2.version(), 2);
  EXPECT_NE(v2.content_sha256(), v1.content_sha256());
  EXPECT_NEAR(v2.content().forecast().total_points(), after.total_points(), 0.005);

  // Staff do not read reports; another school does not see them; only the
  // authority acknowledges.
  rpb::GetReportRequest report;
  report.set_name("schools/mn-a/reports/cchc-2026-q3");
  rpb::Report got;
  c = staff_a.Context();
  EXPECT_EQ(staff_a.reporting->GetReport(c.get(), report, &got).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  c = admin_b.Context();
  EXPECT_EQ(admin_b.reporting->GetReport(c.get(), report, &got).error_code(), grpc::StatusCode::NOT_FOUND);
  rpb::SubmitReportRequest submit;
  submit.set_name(report.name());
  submit.set_request_id("e2e-report-q3-submit");
  c = admin_a.Context();
  ASSERT_TRUE(admin_a.reporting->SubmitReport(c.get(), submit, &got).ok());
  EXPECT_TRUE(got.late());  // due 20/09/2026, submitted in December
  rpb::AcknowledgeReportRequest ack;
  ack.set_name(report.name());
  ack.set_request_id("e2e-report-q3-ack");
  c = admin_a.Context();
  EXPECT_EQ(admin_a.reporting->AcknowledgeReport(c.get(), ack, &got).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  c = officer.Context();
  status = officer.reporting->AcknowledgeReport(c.get(), ack, &got);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(got.state(), rpb::REPORT_STATE_ACKNOWLEDGED);
}

// Durability of money: payments keep coming through the gateway while the
// finance process is killed with SIGKILL 20 times and restarted. Every
// caller retries with its own request_id until it gets an answer, so each
// acknowledged payment must exist exactly once afterwards, the ledger must
// balance and receipt numbers must have no gaps.
TEST_F(E2eTest, PaymentsSurviveTwentyKillsOfTheFinanceProcessExactlyOnce) {
  Client admin(world->admin_b_key);
  const std::string school = "schools/th-b";
  std::vector<std::string> invoices;
  grpc::Status status = SetUpPayingSchool(admin, school, "1130000111222", "THB", 4, "kill", &invoices);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();

  // Payers: each pays 1.000 đồng cash over and over, retrying one request_id
  // until the service answers it.
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::map<std::string, std::string> acknowledged;  // request_id → payment name
  std::vector<std::string> refused;
  std::vector<std::thread> payers;
  for (int t = 0; t < 6; ++t) {
    payers.emplace_back([&, t] {
      Client payer(world->admin_b_key);
      for (int n = 0; !stop.load(); ++n) {
        fpb::RecordPaymentRequest pay;
        pay.set_parent(school);
        pay.set_request_id(absl::StrCat("kill-", t, "-", n));
        pay.mutable_payment()->set_invoice(invoices[t % invoices.size()]);
        pay.mutable_payment()->set_amount(1'000);
        pay.mutable_payment()->set_method(fpb::PAYMENT_METHOD_CASH);
        pay.mutable_payment()->set_payer_name(pay.request_id());
        *pay.mutable_payment()->mutable_paid_time() = platform::TimeToProto(absl::Now() - absl::Minutes(1));
        for (int attempt = 0; attempt < 200; ++attempt) {
          fpb::Payment payment;
          auto ctx = payer.Context();
          grpc::Status s = payer.finance->RecordPayment(ctx.get(), pay, &payment);
          if (s.ok()) {
            std::lock_guard<std::mutex> lock(mu);
            acknowledged[pay.request_id()] = payment.name();
            break;
          }
          const bool retry = s.error_code() == grpc::StatusCode::UNAVAILABLE ||
                             s.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
                             s.error_code() == grpc::StatusCode::ABORTED ||
                             s.error_code() == grpc::StatusCode::INTERNAL ||
                             s.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED;
          if (!retry) {
            std::lock_guard<std::mutex> lock(mu);
            refused.push_back(absl::StrCat(pay.request_id(), ": ", s.error_message()));
            break;
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
      }
    });
  }
  for (int kill = 0; kill < 20; ++kill) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    suite->finance().Kill();
    suite->finance().Start();
    ASSERT_TRUE(suite->WaitHealthy(suite->finance_port(), 30)) << suite->Logs();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  stop = true;
  for (std::thread& t : payers) t.join();
  EXPECT_TRUE(refused.empty()) << refused.front();
  ASSERT_GT(acknowledged.size(), 20u) << "too few payments got through to test anything";

  // Every payment recorded, each once: payer names carry the request_id.
  std::unique_ptr<grpc::ClientContext> c;
  std::map<std::string, int> recorded;
  fpb::ListPaymentsRequest list;
  list.set_parent(school);
  list.set_page_size(1000);
  do {
    fpb::ListPaymentsResponse page;
    c = admin.Context();
    status = admin.finance->ListPayments(c.get(), list, &page);
    ASSERT_TRUE(status.ok()) << status.error_message();
    for (const fpb::Payment& p : page.payments()) ++recorded[p.payer_name()];
    list.set_page_token(page.next_page_token());
  } while (!list.page_token().empty());
  for (const auto& [request_id, name] : acknowledged) {
    EXPECT_EQ(recorded[request_id], 1) << request_id << " acknowledged as " << name;
  }
  for (const auto& [request_id, count] : recorded) EXPECT_EQ(count, 1) << request_id << " recorded twice";
  fpb::CheckLedgerRequest check;
  check.set_parent(school);
  fpb::LedgerCheck ledger;
  c = admin.Context();
  status = admin.finance->CheckLedger(c.get(), check, &ledger);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(ledger.ok()) << ledger.ShortDebugString();
  EXPECT_TRUE(ledger.balanced());
  EXPECT_EQ(ledger.receipt_gaps_size(), 0);
}

TEST_F(E2eTest, GarbageRequestsGetClearErrorsAndNothingCrashes) {
  std::vector<std::string> methods;
  for (const char* service : {"parhub.tasks.v1.TaskService", "parhub.directory.v1.DirectoryService",
                              "parhub.gateway.v1.GatewayService"}) {
    const auto* descriptor = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(service);
    ASSERT_NE(descriptor, nullptr);
    for (int i = 0; i < descriptor->method_count(); ++i) {
      methods.push_back(absl::StrCat("/", service, "/", descriptor->method(i)->name()));
    }
  }
  methods.push_back("/parhub.tasks.v1.TaskService/NoSuchMethod");
  methods.push_back(absl::StrCat("/", std::string(3000, 'x'), "/y"));
  const std::vector<std::string> payloads = {
      std::string(),                                   // every field empty
      std::string("\xff\xff\xff\xff\x0f", 5),          // not a protobuf
      std::string("\x0a\x05\xc3\x28\xa0\xa1\x00", 7),  // field 1: invalid UTF-8
      std::string("\x0a\x0fschools/../etc", 17),       // a path-like name
      std::string(64 * 1024, 'a'),                     // large junk
  };
  for (const std::string& key : {world->admin_a_key, world->officer_key, std::string("phk_bogus")}) {
    for (const std::string& method : methods) {
      for (const std::string& payload : payloads) {
        grpc::Status status = RawCall(key, method, payload);
        EXPECT_NE(status.error_code(), grpc::StatusCode::UNKNOWN) << method;
        EXPECT_NE(status.error_code(), grpc::StatusCode::INTERNAL)
            << method << ": " << status.error_message();
        EXPECT_NE(status.error_code(), grpc::StatusCode::UNAVAILABLE)
            << method << ": " << status.error_message();
      }
    }
  }
  // Every process is still up and serving.
  for (int port : {suite->gateway_port(), suite->tasks_port(), suite->directory_port()}) {
    EXPECT_TRUE(suite->WaitHealthy(port, 5)) << port << suite->Logs();
  }
}

TEST_F(E2eTest, EveryServerAnswersHealthAndReflection) {
  EXPECT_EQ(suite->Ctl("", {"health", "--addr", suite->gateway_address()}).exit_code, 0);
  EXPECT_EQ(suite->Ctl("", {"health", "--addr", suite->tasks_address(), "--tls-ca", suite->TlsFile("ca.pem")})
                .exit_code,
            0);
  // Health and reflection answer any TLS client that trusts parhub's CA (probes need no certificate).
  EXPECT_THAT(ReflectionServices(ServiceChannel(suite->directory_address(), "directory")),
              HasSubstr("parhub.directory.v1.DirectoryService"));
  EXPECT_THAT(ReflectionServices(ServiceChannel(suite->tasks_address(), "tasks")),
              HasSubstr("parhub.tasks.v1.TaskService"));
  auto gateway = grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials());
  EXPECT_THAT(ReflectionServices(gateway), HasSubstr("parhub.gateway.v1.GatewayService"));
  EXPECT_THAT(ReflectionServices(gateway), HasSubstr("grpc.health.v1.Health"));
}

// SIPAS: the school opens a parents' survey and prints codes; a parent
// answers once through the public API without an account; typos and
// unknown codes get clear answers, and unknown ones are counted per address
// (in a budget of their own: the case-tracking test spends the other one).
TEST_F(E2eTest, AParentAnswersTheSurveyOnceByRespondentCodeWithoutAnAccount) {
  Client admin_a(world->admin_a_key), admin_b(world->admin_b_key), officer(world->officer_key);
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600));
  const absl::CivilDay later = today + 30;
  rpb::CreateSipasSurveyRequest create;
  create.set_parent("schools/mn-a");
  create.set_sipas_survey_id("phhs-e2e");
  create.mutable_sipas_survey()->set_title("Khảo sát sự hài lòng của phụ huynh");
  create.mutable_sipas_survey()->set_audience(rpb::SURVEY_AUDIENCE_PARENTS);
  *create.mutable_sipas_survey()->mutable_open_date() =
      D(static_cast<int>(today.year()), today.month(), today.day());
  *create.mutable_sipas_survey()->mutable_close_date() =
      D(static_cast<int>(later.year()), later.month(), later.day());
  create.set_request_id("e2e-sipas-create");
  rpb::SipasSurvey survey;
  auto c = admin_a.Context();
  grpc::Status status = admin_a.reporting->CreateSipasSurvey(c.get(), create, &survey);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  rpb::OpenSipasSurveyRequest open;
  open.set_name(survey.name());
  open.set_request_id("e2e-sipas-open");
  c = admin_a.Context();
  ASSERT_TRUE(admin_a.reporting->OpenSipasSurvey(c.get(), open, &survey).ok());
  rpb::IssueRespondentCodesRequest issue;
  issue.set_survey(survey.name());
  issue.set_count(2);
  issue.set_request_id("e2e-sipas-codes");
  rpb::IssueRespondentCodesResponse codes;
  c = admin_b.Context();
  EXPECT_EQ(admin_b.reporting->IssueRespondentCodes(c.get(), issue, &codes).error_code(),
            grpc::StatusCode::NOT_FOUND);
  c = admin_a.Context();
  status = admin_a.reporting->IssueRespondentCodes(c.get(), issue, &codes);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(codes.codes_size(), 2);

  auto citizen = zpb::PublicService::NewStub(
      grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials()));
  // Every test calls from 127.0.0.1: wait out the per-address limit of 60
  // calls a minute (earlier tests may have spent it), never the code budget.
  auto patient = [](const std::function<grpc::Status(grpc::ClientContext*)>& rpc) {
    for (int attempt = 0;; ++attempt) {
      grpc::ClientContext ctx;
      ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
      grpc::Status s = rpc(&ctx);
      if (attempt < 40 && s.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED &&
          s.error_message().find("từ địa chỉ này") != std::string::npos) {
        std::this_thread::sleep_for(std::chrono::seconds(2));
        continue;
      }
      return s;
    }
  };
  rpb::SurveyForRespondent form;
  auto get_survey = [&](const zpb::GetSurveyRequest& request) {
    return patient([&](grpc::ClientContext* ctx) { return citizen->GetSurvey(ctx, request, &form); });
  };
  zpb::SubmitSurveyResponseResponse thanks;
  auto submit = [&](const zpb::SubmitSurveyResponseRequest& request) {
    return patient(
        [&](grpc::ClientContext* ctx) { return citizen->SubmitSurveyResponse(ctx, request, &thanks); });
  };
  zpb::GetSurveyRequest open_form;
  open_form.set_respondent_code(codes.codes(0));
  status = get_survey(open_form);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  EXPECT_EQ(form.school_display_name(), "Trường Mầm non 20/10");
  EXPECT_EQ(form.title(), "Khảo sát sự hài lòng của phụ huynh");
  EXPECT_FALSE(form.already_answered());
  ASSERT_EQ(form.questionnaire().factors_size(), 5);

  zpb::SubmitSurveyResponseRequest answer;
  answer.set_respondent_code(codes.codes(0));
  for (const auto& factor : form.questionnaire().factors()) {
    for (const auto& question : factor.questions()) {
      auto* a = answer.add_answers();
      a->set_question(question.code());
      a->set_score(factor.code() == "feedback" ? 3 : 5);
    }
  }
  answer.set_comment("Nhà trường phục vụ chu đáo.");
  answer.set_request_id("phieu-1");
  status = submit(answer);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  EXPECT_FALSE(thanks.message().empty());
  answer.set_request_id("phieu-2");
  EXPECT_EQ(submit(answer).error_code(), grpc::StatusCode::ALREADY_EXISTS);
  ASSERT_TRUE(get_survey(open_form).ok());
  EXPECT_TRUE(form.already_answered());
  // A typo is caught by the check character and costs nothing.
  std::string typo = codes.codes(1);
  typo[0] = typo[0] == '7' ? '8' : '7';
  open_form.set_respondent_code(typo);
  status = get_survey(open_form);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(platform::FieldViolations(platform::FromGrpcStatus(status)).at(0).field, "respondent_code");

  // The school reads the result; the officer too; another school does not.
  rpb::GetSipasResultsRequest results_request;
  results_request.set_survey(survey.name());
  rpb::SipasResults results;
  c = officer.Context();
  ASSERT_TRUE(officer.reporting->GetSipasResults(c.get(), results_request, &results).ok());
  EXPECT_EQ(results.response_count(), 1);
  ASSERT_EQ(results.factors_size(), 5);
  EXPECT_DOUBLE_EQ(results.factors(0).index(), 100);
  EXPECT_DOUBLE_EQ(results.factors(4).index(), 0);
  EXPECT_DOUBLE_EQ(results.index(), 80);
  c = admin_b.Context();
  EXPECT_EQ(admin_b.reporting->GetSipasResults(c.get(), results_request, &results).error_code(),
            grpc::StatusCode::NOT_FOUND);

  // Twenty unknown codes an hour, then even a good one is refused. The
  // guesses are well formed: their check character is computed as
  // docs/api/reporting.md defines it (Σ aⁱ·vᵢ over GF(32), x⁵ + x² + 1).
  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  auto with_check = [&](const std::string& ten) {
    auto times = [](int a, int b) {
      int p = 0;
      for (; b != 0; b >>= 1) {
        if (b & 1) p ^= a;
        a <<= 1;
        if (a & 0x20) a ^= 0x25;
      }
      return p;
    };
    int sum = 0, weight = 1;
    for (char c : ten) {
      weight = times(weight, 2);
      sum ^= times(weight, static_cast<int>(alphabet.find(c)));
    }
    return ten + alphabet[sum];
  };
  for (int i = 0; i < 20; ++i) {
    zpb::GetSurveyRequest guess;
    guess.set_respondent_code(with_check(absl::StrFormat("%010d", 1000 + i)));
    grpc::Status s = get_survey(guess);
    ASSERT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND) << i << " " << s.error_message();
  }
  open_form.set_respondent_code(codes.codes(1));
  EXPECT_EQ(get_survey(open_form).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
}

// The authority's reporting overview: the gateway resolves the officer's
// schools and asks reporting for their scorecards and report statuses in
// one batch call each. mn-a submits its report of a past period (cchc 2025
// q1, due in April 2025) late; th-b never does.
TEST_F(E2eTest, AnOfficersReportingOverviewRanksEverySchoolWithItsReportStatus) {
  Client admin_a(world->admin_a_key), officer(world->officer_key);
  rpb::GenerateReportRequest generate;
  generate.set_parent("schools/mn-a");
  generate.set_family("reportFamilies/cchc");
  generate.set_year(2025);
  generate.set_period("q1");
  generate.set_request_id("e2e-overview-2025-q1");
  rpb::ReportVersion version;
  auto c = admin_a.Context();
  grpc::Status status = admin_a.reporting->GenerateReport(c.get(), generate, &version);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  rpb::SubmitReportRequest submit;
  submit.set_name("schools/mn-a/reports/cchc-2025-q1");
  submit.set_request_id("e2e-overview-2025-q1-submit");
  rpb::Report report;
  c = admin_a.Context();
  ASSERT_TRUE(admin_a.reporting->SubmitReport(c.get(), submit, &report).ok());
  ASSERT_TRUE(report.late());
  // Both schools' 2025 forecasts, stored as they are computed.
  std::map<std::string, double> forecasts;
  for (const char* school : {"schools/mn-a", "schools/th-b"}) {
    rpb::GetParForecastRequest get;
    get.set_school(school);
    get.set_year(2025);
    rpb::ParForecast forecast;
    c = officer.Context();
    status = officer.reporting->GetParForecast(c.get(), get, &forecast);
    ASSERT_TRUE(status.ok()) << school << ": " << status.error_message();
    forecasts[school] = forecast.total_points();
  }

  gateway::v1::GetReportingOverviewRequest request;  // family cchc by default
  request.set_year(2025);
  request.set_period("q1");
  gateway::v1::ReportingOverview overview;
  c = officer.Context();
  status = officer.gateway->GetReportingOverview(c.get(), request, &overview);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  EXPECT_EQ(overview.authority(), "authorities/q1");
  EXPECT_EQ(overview.display_name(), "UBND Quận 1");
  EXPECT_EQ(overview.period().code(), "q1");
  EXPECT_EQ(overview.period().year(), 2025);
  EXPECT_EQ(overview.period().due_date().year(), 2025);
  ASSERT_EQ(overview.schools_size(), 2);
  std::map<std::string, gateway::v1::SchoolReporting> line;
  for (const auto& s : overview.schools()) line[s.school()] = s;
  const auto& a = line["schools/mn-a"];
  const auto& b = line["schools/th-b"];
  EXPECT_EQ(a.display_name(), "Trường Mầm non 20/10");
  EXPECT_EQ(a.report(), "schools/mn-a/reports/cchc-2025-q1");
  EXPECT_EQ(a.report_status(), rpb::SUBMISSION_STATUS_LATE);
  EXPECT_GT(a.days_late(), 0);
  EXPECT_EQ(b.display_name(), "Trường Tiểu học Kết Đoàn");
  EXPECT_EQ(b.report(), "");
  EXPECT_EQ(b.report_status(), rpb::SUBMISSION_STATUS_MISSING);
  EXPECT_EQ(b.days_late(), a.days_late());  // submitted today; still missing today
  for (const auto* s : {&a, &b}) {
    EXPECT_TRUE(s->has_forecast_time()) << s->school();
    EXPECT_NEAR(s->forecast_points(), forecasts[s->school()], 0.005) << s->school();
  }
  // Ranked by forecast, equal points sharing a rank; with two schools the
  // bottom tenth is the lower one (none when they tie).
  const long long key_a = std::llround(a.forecast_points() * 100),
                  key_b = std::llround(b.forecast_points() * 100);
  EXPECT_EQ(a.rank(), key_a >= key_b ? 1 : 2);
  EXPECT_EQ(b.rank(), key_b >= key_a ? 1 : 2);
  EXPECT_EQ(overview.schools(0).rank(), 1);
  using gateway::v1::LAGGARD_REASON_LOW_FORECAST;
  EXPECT_EQ(std::count(a.laggard_reasons().begin(), a.laggard_reasons().end(), LAGGARD_REASON_LOW_FORECAST),
            key_a < key_b ? 1 : 0);
  EXPECT_EQ(std::count(b.laggard_reasons().begin(), b.laggard_reasons().end(), LAGGARD_REASON_LOW_FORECAST),
            key_b < key_a ? 1 : 0);
  EXPECT_THAT(a.laggard_reasons(), ::testing::Contains(gateway::v1::LAGGARD_REASON_REPORT_LATE));
  EXPECT_THAT(b.laggard_reasons(), ::testing::Contains(gateway::v1::LAGGARD_REASON_REPORT_MISSING));
  const auto& totals = overview.totals();
  EXPECT_EQ(totals.schools(), 2);
  EXPECT_EQ(totals.late(), 1);
  EXPECT_EQ(totals.missing(), 1);
  EXPECT_EQ(totals.on_time() + totals.pending() + totals.returned(), 0);
  EXPECT_EQ(totals.forecast_schools(), 2);
  EXPECT_NEAR(totals.mean_forecast_points(), (a.forecast_points() + b.forecast_points()) / 2, 1e-9);
  EXPECT_EQ(totals.laggards(), 2);
  EXPECT_THAT(overview.laggards(), ::testing::UnorderedElementsAre("schools/mn-a", "schools/th-b"));

  // Officers only, for their own subtree; reporting checks the period.
  c = admin_a.Context();
  EXPECT_EQ(admin_a.gateway->GetReportingOverview(c.get(), request, &overview).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  gateway::v1::GetReportingOverviewRequest above = request;
  above.set_authority("authorities/hcm");
  c = officer.Context();
  EXPECT_EQ(officer.gateway->GetReportingOverview(c.get(), above, &overview).error_code(),
            grpc::StatusCode::NOT_FOUND);
  gateway::v1::GetReportingOverviewRequest bad_period = request;
  bad_period.set_period("q7");
  c = officer.Context();
  status = officer.gateway->GetReportingOverview(c.get(), bad_period, &overview);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("q7"));

  // The CLI: the table, the totals and the laggards.
  auto table = suite->Ctl(world->officer_key, {"reports", "overview", "--year", "2025", "--period", "q1"});
  EXPECT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output, HasSubstr("Trường Mầm non 20/10 (mn-a)"));
  EXPECT_THAT(table.output, HasSubstr("Nộp trễ hạn"));
  EXPECT_THAT(table.output, HasSubstr("Quá hạn, chưa nộp"));
  EXPECT_THAT(table.output, HasSubstr("1 nộp trễ, 1 quá hạn chưa nộp"));
  EXPECT_THAT(table.output, HasSubstr("Cần đôn đốc (2)"));
  // Without --period: the latest period of 2025 already due.
  auto latest = suite->Ctl(world->officer_key, {"--output", "json", "reports", "overview", "--year", "2025"});
  EXPECT_EQ(latest.exit_code, 0) << latest.output;
  EXPECT_THAT(latest.output, HasSubstr("\"year\": 2025"));
  auto school_tries = suite->Ctl(world->admin_a_key, {"reports", "overview", "--period", "q1"});
  EXPECT_EQ(school_tries.exit_code, 3) << school_tries.output;

  // Reporting down: the overview fails naming the service, never a table of
  // zeros; it answers again once reporting is back.
  suite->reporting().Kill();
  c = officer.Context();
  status = officer.gateway->GetReportingOverview(c.get(), request, &overview);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("dịch vụ báo cáo (reporting service)"));
  EXPECT_THAT(status.error_message(), ::testing::Not(HasSubstr("127.0.0.1")));
  auto down = suite->Ctl(world->officer_key, {"reports", "overview", "--year", "2025", "--period", "q1"});
  EXPECT_EQ(down.exit_code, 6) << down.output;
  suite->reporting().Start();
  ASSERT_TRUE(suite->WaitHealthy(suite->reporting_port(), 30)) << suite->Logs();
  grpc::StatusCode code = grpc::StatusCode::UNKNOWN;
  for (absl::Time until = absl::Now() + absl::Seconds(20); absl::Now() < until;) {
    c = officer.Context();
    code = officer.gateway->GetReportingOverview(c.get(), request, &overview).error_code();
    if (code == grpc::StatusCode::OK) break;
    absl::SleepFor(absl::Milliseconds(250));
  }
  EXPECT_EQ(code, grpc::StatusCode::OK) << suite->Logs();
  EXPECT_EQ(overview.totals().laggards(), 2);
}

// Issue 13: the 2025 reorganisation. A district abolished on 1 July 2025
// still shows its schools for 2024; the ward that took them over sees their
// 2024 too, labelled with the district they were under.
TEST_F(E2eTest, AnAsOfOverviewOf2024ShowsTheAbolishedDistrictsSchoolsAndTheWardSeesThemLabelled) {
  Client admin(suite->admin_key());
  struct A {
    const char* id;
    const char* kind;
    common::v1::Date from, until;
  };
  for (const A& a :
       {A{"q-cu", "district", D(1976, 5, 20), D(2025, 7, 1)}, A{"p-moi", "ward", D(2025, 7, 1), {}}}) {
    dpb::CreateAuthorityRequest r;
    r.set_authority_id(a.id);
    r.set_request_id(absl::StrCat("e2e-asof-", a.id));
    r.mutable_authority()->set_code(a.id);
    r.mutable_authority()->set_display_name(absl::StrCat("UBND ", a.id));
    r.mutable_authority()->set_parent("authorities/hcm");
    r.mutable_authority()->set_kind(a.kind);
    *r.mutable_authority()->mutable_valid_from() = a.from;
    if (a.until.year() != 0) *r.mutable_authority()->mutable_valid_until() = a.until;
    dpb::Authority created;
    auto c = admin.Context();
    grpc::Status s = admin.directory->CreateAuthority(c.get(), r, &created);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  for (const char* id : {"asof-1", "asof-2"}) {
    dpb::CreateSchoolRequest r;
    r.set_school_id(id);
    r.set_request_id(absl::StrCat("e2e-school-", id));
    r.mutable_school()->set_code(id);
    r.mutable_school()->set_display_name(absl::StrCat("Trường ", id));
    r.mutable_school()->set_level(dpb::SCHOOL_LEVEL_PRIMARY);
    r.mutable_school()->set_authority("authorities/q-cu");
    dpb::School school;
    auto c = admin.Context();
    grpc::Status s = admin.directory->CreateSchool(c.get(), r, &school);
    ASSERT_TRUE(s.ok()) << s.error_message();
    dpb::MoveSchoolRequest move;
    move.set_name(absl::StrCat("schools/", id));
    move.set_authority("authorities/p-moi");
    *move.mutable_effective_date() = D(2025, 7, 1);
    move.set_reason("Sắp xếp đơn vị hành chính cấp xã");
    move.set_request_id(absl::StrCat("e2e-move-", id));
    auto m = admin.Context();
    s = admin.directory->MoveSchool(m.get(), move, &school);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  Account(admin, "officer-q-cu", common::v1::ROLE_AUTHORITY_OFFICER, "", "authorities/q-cu");
  Account(admin, "officer-p-moi", common::v1::ROLE_AUTHORITY_OFFICER, "", "authorities/p-moi");
  Client district(Key(admin, "officer-q-cu"));
  Client ward(Key(admin, "officer-p-moi"));

  gateway::v1::GetAuthorityOverviewRequest year_2024;
  *year_2024.mutable_period_start() = D(2024, 1, 1);
  *year_2024.mutable_period_end() = D(2024, 12, 31);
  gateway::v1::AuthorityOverview overview;
  auto c = district.Context();
  grpc::Status status = district.gateway->GetAuthorityOverview(c.get(), year_2024, &overview);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  EXPECT_EQ(overview.as_of().year(), 2024);
  ASSERT_EQ(overview.schools_size(), 2);
  for (const auto& line : overview.schools()) {
    EXPECT_EQ(line.authority(), "authorities/q-cu") << line.school();
    EXPECT_FALSE(line.joined_since()) << line.school();
    EXPECT_EQ(line.error(), "") << line.school();
  }

  gateway::v1::GetAuthorityOverviewRequest today;
  c = district.Context();
  status = district.gateway->GetAuthorityOverview(c.get(), today, &overview);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(overview.schools_size(), 0) << "the district has no schools left today";

  c = ward.Context();
  status = ward.gateway->GetAuthorityOverview(c.get(), year_2024, &overview);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(overview.schools_size(), 2);
  for (const auto& line : overview.schools()) {
    EXPECT_EQ(line.authority(), "authorities/q-cu") << line.school();
    EXPECT_TRUE(line.joined_since()) << line.school();
  }

  // The other overviews and the roll-ups group by a past day's tree too:
  // the reporting overview of 2024 (31 December), the downsizing overview
  // and AuthorityService as of a day in 2024.
  gateway::v1::GetReportingOverviewRequest reports_2024;
  reports_2024.set_year(2024);
  reports_2024.set_period("q1");
  gateway::v1::ReportingOverview reporting;
  c = district.Context();
  status = district.gateway->GetReportingOverview(c.get(), reports_2024, &reporting);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(reporting.schools_size(), 2) << "the district's schools in 2024";
  gateway::v1::GetDownsizingOverviewRequest downsizing_2024;
  *downsizing_2024.mutable_as_of() = D(2024, 12, 31);
  gateway::v1::DownsizingOverview downsizing;
  c = district.Context();
  status = district.gateway->GetDownsizingOverview(c.get(), downsizing_2024, &downsizing);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(downsizing.schools_size(), 2);
  auto authority = authority::v1::AuthorityService::NewStub(
      grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials()));
  authority::v1::GetComplaintsRollupRequest complaints_2024;
  *complaints_2024.mutable_scope()->mutable_as_of() = D(2024, 12, 31);
  authority::v1::ComplaintsRollup rollup;
  c = district.Context();
  status = authority->GetComplaintsRollup(c.get(), complaints_2024, &rollup);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(rollup.schools_size(), 2);
  EXPECT_EQ(rollup.schools(0).school().authority(), "authorities/q-cu");
  authority::v1::GetComplaintsRollupRequest complaints_today;
  c = ward.Context();
  status = authority->GetComplaintsRollup(c.get(), complaints_today, &rollup);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(rollup.schools_size(), 2) << "the ward's schools today";
  EXPECT_EQ(rollup.schools(0).school().authority(), "authorities/p-moi");
}

// Issue 13: AuthorityService served by the gateway. A second-round
// complaint a school escalated reaches its authority's officer; another
// authority's officer does not see it.
TEST_F(E2eTest, AnEscalatedComplaintReachesTheAuthorityThroughAuthorityService) {
  Client admin_a(world->admin_a_key);
  cpb::CreateCaseRequest create;
  create.set_parent("schools/mn-a");
  create.mutable_case_()->set_case_type(cpb::CASE_TYPE_COMPLAINT);
  create.mutable_case_()->set_channel(cpb::CHANNEL_MAIL);
  create.mutable_case_()->set_subject("Khiếu nại việc thu tiền học thêm");
  create.mutable_case_()->set_content("Nội dung khiếu nại lần đầu, quá hạn chưa giải quyết.");
  create.mutable_case_()->mutable_submitter()->set_full_name("Trần Thị Lan");
  create.mutable_case_()->mutable_submitter()->set_address("5 Lê Lợi, phường Bến Thành");
  // Accepted 45 days ago: the first round's time limit has passed and the
  // second round's window (Luật Khiếu nại 2011, Điều 33) is still open.
  auto days_ago = [](int n) {
    const absl::CivilDay day = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(7 * 3600)) - n;
    return D(static_cast<int>(day.year()), day.month(), day.day());
  };
  *create.mutable_case_()->mutable_received_date() = days_ago(46);
  *create.mutable_case_()->mutable_decision_date() = days_ago(50);
  create.set_request_id("e2e-case-escalated");
  cpb::Case created;
  auto c = admin_a.Context();
  grpc::Status status = admin_a.complaints->CreateCase(c.get(), create, &created);
  ASSERT_TRUE(status.ok()) << status.error_message();
  cpb::AcceptCaseRequest accept;
  accept.set_name(created.name());
  *accept.mutable_accepted_date() = days_ago(45);
  accept.set_document_number("01/TB-MN2010");
  accept.set_request_id("e2e-case-escalated-accept");
  c = admin_a.Context();
  status = admin_a.complaints->AcceptCase(c.get(), accept, &created);
  ASSERT_TRUE(status.ok()) << status.error_message();
  cpb::EscalateCaseRequest escalate;
  escalate.set_name(created.name());
  escalate.set_reason("Quá hạn giải quyết lần đầu mà chưa có quyết định");
  escalate.set_authority("authorities/q1");
  escalate.set_request_id("e2e-case-escalated-escalate");
  c = admin_a.Context();
  status = admin_a.complaints->EscalateCase(c.get(), escalate, &created);
  ASSERT_TRUE(status.ok()) << status.error_message();

  auto channel = grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials());
  auto authority = authority::v1::AuthorityService::NewStub(channel);
  auto as = [](const std::string& key) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", absl::StrCat("Bearer ", key));
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(15));
    return context;
  };
  authority::v1::ListEscalatedCasesRequest list;
  cpb::ListEscalatedCasesResponse cases;
  c = as(world->officer_key);
  status = authority->ListEscalatedCases(c.get(), list, &cases);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  bool found = false;
  for (const auto& escalated : cases.cases()) found = found || escalated.name() == created.name();
  EXPECT_TRUE(found) << "the officer of q1 sees the case mn-a escalated to it";
  auto cli = suite->Ctl(world->officer_key, {"cases", "escalated"});
  EXPECT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_THAT(cli.output, HasSubstr("Khiếu nại việc thu tiền học thêm"));

  // A school admin is not an authority; another authority is not in scope.
  c = as(world->admin_a_key);
  EXPECT_EQ(authority->ListEscalatedCases(c.get(), list, &cases).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  list.set_authority("authorities/hcm");
  c = as(world->officer_key);
  EXPECT_EQ(authority->ListEscalatedCases(c.get(), list, &cases).error_code(), grpc::StatusCode::NOT_FOUND);
}

// Issue 13: AuthorityService's roll-ups answer one row per school equal to
// that school's own summary over the same period (the batch calls and the
// single ones share the services' code), totals from the rows, pages that
// agree with the first, per-school errors while a backend is down, and
// refusals for malformed requests and non-officers.
TEST_F(E2eTest, AuthorityRollupsMatchEachSchoolsOwnSummaryAndPageConsistently) {
  namespace apb = authority::v1;
  auto channel = grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials());
  auto authority = apb::AuthorityService::NewStub(channel);
  auto as = [](const std::string& key) {
    auto c = std::make_unique<grpc::ClientContext>();
    c->AddMetadata("authorization", absl::StrCat("Bearer ", key));
    c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    return c;
  };
  apb::RollupScope scope;
  *scope.mutable_period_start() = D(2026, 1, 1);
  *scope.mutable_period_end() = D(2026, 6, 30);
  const std::map<std::string, std::string> admin_of = {{"schools/mn-a", world->admin_a_key},
                                                       {"schools/th-b", world->admin_b_key}};
  auto same = [](const google::protobuf::Message& a, const google::protobuf::Message& b) {
    return a.SerializeAsString() == b.SerializeAsString();
  };

  // Finance: each row is the school's own SummarizeFinance; totals sum them.
  apb::GetFinanceRollupRequest finance;
  *finance.mutable_scope() = scope;
  apb::FinanceRollup money;
  grpc::Status status = authority->GetFinanceRollup(as(world->officer_key).get(), finance, &money);
  ASSERT_TRUE(status.ok()) << status.error_message() << suite->Logs();
  ASSERT_EQ(money.schools_size(), 2);
  EXPECT_EQ(money.info().school_count(), 2);
  EXPECT_EQ(money.info().failed_schools(), 0);
  EXPECT_TRUE(money.info().next_page_token().empty());
  int64_t collected = 0;
  for (const auto& row : money.schools()) {
    Client admin(admin_of.at(row.school().school()));
    fpb::SummarizeFinanceRequest single;
    single.set_school(row.school().school());
    *single.mutable_period_start() = scope.period_start();
    *single.mutable_period_end() = scope.period_end();
    fpb::FinanceSummary own;
    auto c = admin.Context();
    ASSERT_TRUE(admin.finance->SummarizeFinance(c.get(), single, &own).ok());
    EXPECT_TRUE(same(row.summary(), own)) << row.summary().DebugString() << "\nvs\n" << own.DebugString();
    EXPECT_EQ(row.school().authority(), "authorities/q1");
    collected += own.collected_amount();
  }
  EXPECT_EQ(money.totals().collected_amount(), collected);
  EXPECT_EQ(money.totals().school(), "authorities/q1");

  // Complaints and staffing likewise.
  apb::GetComplaintsRollupRequest complaints;
  *complaints.mutable_scope() = scope;
  apb::ComplaintsRollup cases;
  status = authority->GetComplaintsRollup(as(world->officer_key).get(), complaints, &cases);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(cases.schools_size(), 2);
  int received = 0;
  for (const auto& row : cases.schools()) {
    Client admin(admin_of.at(row.school().school()));
    cpb::SummarizeComplaintsRequest single;
    single.set_school(row.school().school());
    *single.mutable_period_start() = scope.period_start();
    *single.mutable_period_end() = scope.period_end();
    cpb::ComplaintSummary own;
    auto c = admin.Context();
    ASSERT_TRUE(admin.complaints->SummarizeComplaints(c.get(), single, &own).ok());
    EXPECT_TRUE(same(row.summary(), own)) << row.summary().DebugString() << "\nvs\n" << own.DebugString();
    received += own.received();
  }
  EXPECT_EQ(cases.totals().received(), received);

  apb::GetStaffingRollupRequest staffing;
  *staffing.mutable_scope() = scope;
  apb::StaffingRollup staff;
  status = authority->GetStaffingRollup(as(world->officer_key).get(), staffing, &staff);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(staff.schools_size(), 2);
  for (const auto& row : staff.schools()) {
    Client admin(admin_of.at(row.school().school()));
    spb::SummarizeStaffingRequest single;
    single.set_school(row.school().school());
    *single.mutable_period_start() = scope.period_start();
    *single.mutable_period_end() = scope.period_end();
    spb::StaffingSummary own;
    auto c = admin.Context();
    ASSERT_TRUE(admin.staffing->SummarizeStaffing(c.get(), single, &own).ok());
    EXPECT_TRUE(same(row.summary(), own)) << row.summary().DebugString() << "\nvs\n" << own.DebugString();
  }
  staffing.set_target_plan("no-such-plan");
  status = authority->GetStaffingRollup(as(world->officer_key).get(), staffing, &staff);
  EXPECT_TRUE(status.error_code() == grpc::StatusCode::NOT_FOUND ||
              status.error_code() == grpc::StatusCode::INVALID_ARGUMENT)
      << status.error_code() << " " << status.error_message();

  // SIPAS, ranking and report statuses: every school has its row.
  apb::GetSipasRollupRequest sipas;
  *sipas.mutable_scope() = scope;
  apb::SipasRollup satisfaction;
  status = authority->GetSipasRollup(as(world->officer_key).get(), sipas, &satisfaction);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(satisfaction.schools_size(), 2);
  apb::RankSchoolsRequest rank;
  rank.set_year(2025);
  apb::SchoolRanking ranking;
  status = authority->RankSchools(as(world->officer_key).get(), rank, &ranking);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(ranking.schools_size(), 2);
  if (ranking.schools(0).rank() > 0 && ranking.schools(1).rank() > 0) {
    EXPECT_GE(ranking.schools(0).value(), ranking.schools(1).value()) << "highest first";
  }
  apb::ListReportStatusesRequest reports;
  reports.set_year(2025);
  reports.set_period("q1");
  apb::ReportStatusRollup statuses;
  status = authority->ListReportStatuses(as(world->officer_key).get(), reports, &statuses);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(statuses.schools_size(), 2);
  EXPECT_EQ(statuses.period().code(), "q1");
  reports.set_period("q9");  // no such period in the family: reporting's NOT_FOUND, for the whole call
  EXPECT_EQ(authority->ListReportStatuses(as(world->officer_key).get(), reports, &statuses).error_code(),
            grpc::StatusCode::NOT_FOUND);

  // Pages: one school per page, the second from the pinned first; the
  // token is the officer's and the request's only.
  finance.mutable_scope()->set_page_size(1);
  apb::FinanceRollup first, second;
  ASSERT_TRUE(authority->GetFinanceRollup(as(world->officer_key).get(), finance, &first).ok());
  ASSERT_EQ(first.schools_size(), 1);
  ASSERT_FALSE(first.info().next_page_token().empty());
  EXPECT_EQ(first.info().school_count(), 2);
  finance.mutable_scope()->set_page_token(first.info().next_page_token());
  status = authority->GetFinanceRollup(as(world->officer_key).get(), finance, &second);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(second.schools_size(), 1);
  EXPECT_NE(second.schools(0).school().school(), first.schools(0).school().school());
  EXPECT_TRUE(second.info().next_page_token().empty());
  EXPECT_TRUE(same(second.info().compute_time(), first.info().compute_time())) << "pinned, not recomputed";
  *finance.mutable_scope()->mutable_period_end() = D(2026, 3, 31);
  status = authority->GetFinanceRollup(as(world->officer_key).get(), finance, &second);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("different request"));

  // Not for a school admin; not for an authority outside the officer's.
  EXPECT_EQ(authority->GetFinanceRollup(as(world->admin_a_key).get(), apb::GetFinanceRollupRequest(), &money)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  apb::GetFinanceRollupRequest elsewhere;
  elsewhere.mutable_scope()->set_authority("authorities/hcm");
  EXPECT_EQ(authority->GetFinanceRollup(as(world->officer_key).get(), elsewhere, &money).error_code(),
            grpc::StatusCode::NOT_FOUND);

  // Finance down: the roll-up still answers, every school marked.
  suite->finance().Kill();
  finance.mutable_scope()->clear_page_token();
  finance.mutable_scope()->clear_page_size();
  status = authority->GetFinanceRollup(as(world->officer_key).get(), finance, &money);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(money.info().failed_schools(), 2);
  ASSERT_EQ(money.schools_size(), 2);
  EXPECT_EQ(money.schools(0).school().error_code(), "UNAVAILABLE");
  EXPECT_FALSE(money.schools(0).has_summary());
  EXPECT_EQ(money.totals().collected_amount(), 0);
  suite->finance().Start();
  ASSERT_TRUE(suite->WaitHealthy(suite->finance_port(), 30)) << suite->Logs();

  // The CLI shows the same roll-up to the officer.
  auto cli =
      suite->Ctl(world->officer_key, {"rollup", "complaints", "--from", "2026-01-01", "--to", "2026-06-30"});
  EXPECT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_THAT(cli.output, HasSubstr("Trường Mầm non 20/10"));
  EXPECT_THAT(cli.output, HasSubstr("Trường Tiểu học Kết Đoàn"));
}

// Issue 13: reflection on the gateway lists the services it forwards, so a
// grpcurl-style tool sees the whole public API in one place. Speaks the
// reflection protocol (grpc.reflection.v1alpha) by hand: a list_services
// request (field 7) and the names in list_services_response (field 6,
// repeated service = 1, name = 1).
TEST_F(E2eTest, ReflectionOnTheGatewayListsTheForwardedServices) {
  auto channel = grpc::CreateChannel(suite->gateway_address(), grpc::InsecureChannelCredentials());
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue cq;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto call =
      stub.PrepareCall(&context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  auto step = [&](int tag) {
    void* got = nullptr;
    bool ok = false;
    return cq.Next(&got, &ok) && ok && got == reinterpret_cast<void*>(static_cast<intptr_t>(tag));
  };
  call->StartCall(reinterpret_cast<void*>(1));
  ASSERT_TRUE(step(1));
  const std::string list_services("\x3a\x01*", 3);
  grpc::Slice slice(list_services);
  grpc::ByteBuffer request(&slice, 1);
  call->Write(request, reinterpret_cast<void*>(2));
  ASSERT_TRUE(step(2));
  grpc::ByteBuffer response;
  call->Read(&response, reinterpret_cast<void*>(3));
  ASSERT_TRUE(step(3));
  call->WritesDone(reinterpret_cast<void*>(4));
  ASSERT_TRUE(step(4));
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  ASSERT_TRUE(step(5));
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(response.Dump(&slices).ok());
  std::string bytes;
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  google::protobuf::UnknownFieldSet fields;
  ASSERT_TRUE(fields.ParseFromString(bytes));
  std::set<std::string> names;
  for (int i = 0; i < fields.field_count(); ++i) {
    if (fields.field(i).number() != 6) continue;
    google::protobuf::UnknownFieldSet list;
    ASSERT_TRUE(list.ParseFromString(fields.field(i).length_delimited()));
    for (int k = 0; k < list.field_count(); ++k) {
      google::protobuf::UnknownFieldSet service;
      ASSERT_TRUE(service.ParseFromString(list.field(k).length_delimited()));
      if (service.field_count() > 0) names.insert(service.field(0).length_delimited());
    }
  }
  for (const char* expected : {"parhub.tasks.v1.TaskService", "parhub.directory.v1.DirectoryService",
                               "parhub.staffing.v1.StaffingService", "parhub.finance.v1.FinanceService",
                               "parhub.complaints.v1.ComplaintService",
                               "parhub.reporting.v1.ReportingService", "parhub.gateway.v1.GatewayService",
                               "parhub.citizen.v1.PublicService", "parhub.authority.v1.AuthorityService"}) {
    EXPECT_TRUE(names.contains(expected)) << expected;
  }
  // The marker that lists a forwarded service is not a method anyone can use,
  // and the real methods still reach the backends.
  Client a(world->admin_a_key);
  tpb::GetTaskRequest get;
  get.set_name(world->task_a);
  tpb::Task task;
  auto c = a.Context();
  EXPECT_TRUE(a.tasks->GetTask(c.get(), get, &task).ok());
  grpc::ByteBuffer ignored;
  grpc::ClientContext marker_context;
  marker_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::Status marker;
  absl::Notification done;
  stub.UnaryCall(&marker_context, "/parhub.tasks.v1.TaskService/ReflectionMarker", grpc::StubOptions(),
                 &request, &ignored, [&](grpc::Status s) {
                   marker = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  EXPECT_EQ(marker.error_code(), grpc::StatusCode::UNIMPLEMENTED) << marker.error_message();
  c = a.Context();
  EXPECT_TRUE(a.tasks->GetTask(c.get(), get, &task).ok()) << "the gateway still serves";
}

// Issue 8: a principal enters last quarter's work back-dated with its
// evidence, corrects a mistaken entry, and produces the period summary of
// work done with its evidence as a file in one command; a finished plan is
// closed and archived.
TEST_F(E2eTest, WorkDoneInAPeriodIsBackDatedCorrectedAndExportedWithItsEvidence) {
  const std::string sha = std::string(32, 'a') + std::string(32, '0');
  auto progress = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"tasks", "progress", "--plan", "par-2026", "--task", "1.9"};
    args.insert(args.end(), extra.begin(), extra.end());
    return suite->Ctl(world->admin_a_key, args);
  };
  auto first =
      progress({"--percent", "40", "--done-on", "10/02/2026", "--doc-number", "KH-TD/2026", "--doc-title",
                "Kế hoạch phát động thi đua", "--link", "https://mn-a.edu.vn/kh-td.pdf", "--sha256", sha});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_THAT(first.output, HasSubstr("10/02/2026"));
  auto mistaken = progress({"--percent", "100", "--done-on", "2026-03-10"});
  ASSERT_EQ(mistaken.exit_code, 0) << mistaken.output;
  // Progress does not drop by an ordinary entry, and nothing is recorded.
  auto drop = progress({"--percent", "80", "--done-on", "2026-03-11"});
  EXPECT_EQ(drop.exit_code, 5) << drop.output;
  auto future = progress({"--percent", "100", "--done-on", "2099-01-01", "--supersedes", "2"});
  EXPECT_EQ(future.exit_code, 5) << future.output;
  EXPECT_THAT(future.output, HasSubstr("--done-on"));
  // The correction supersedes #2; history keeps both.
  auto fix = progress({"--percent", "80", "--supersedes", "2", "--note", "Nhập nhầm 100%"});
  ASSERT_EQ(fix.exit_code, 0) << fix.output;
  auto show = suite->Ctl(world->admin_a_key, {"tasks", "show", "--plan", "par-2026", "--task", "1.9"});
  ASSERT_EQ(show.exit_code, 0) << show.output;
  EXPECT_THAT(show.output, HasSubstr("đã được sửa bởi #3"));
  EXPECT_THAT(show.output, HasSubstr("sửa #2"));
  auto json = suite->Ctl(world->admin_a_key,
                         {"--output", "json", "tasks", "show", "--plan", "par-2026", "--task", "1.9"});
  EXPECT_THAT(json.output, HasSubstr("\"superseded_by\": \"" + world->plan_a));
  EXPECT_THAT(json.output, HasSubstr("\"status\": \"TASK_STATUS_IN_PROGRESS\""));
  // Quý I/2026 of the CCHC reports (15/12/2025–14/03/2026): the work done
  // with its evidence, written as CSV and XLSX.
  const std::string dir = ::testing::TempDir();
  const std::string csv = dir + "/quy-1-2026.csv", xlsx = dir + "/quy-1-2026.xlsx";
  auto report = suite->Ctl(world->admin_a_key, {"report", "--plan", "par-2026", "--period", "2026-q1"});
  ASSERT_EQ(report.exit_code, 0) << report.output;
  EXPECT_THAT(report.output, HasSubstr("Quý I 2026 (15/12/2025 – 14/03/2026)"));
  EXPECT_THAT(report.output, HasSubstr("Đã thực hiện"));
  EXPECT_THAT(report.output, HasSubstr("https://mn-a.edu.vn/kh-td.pdf"));
  EXPECT_THAT(report.output, HasSubstr(sha));
  EXPECT_THAT(report.output, HasSubstr("Đã thực hiện: 2 lần cập nhật tiến độ trên 1 nhiệm vụ, 1 minh chứng"));
  auto to_csv = suite->Ctl(world->admin_a_key,
                           {"report", "--plan", "par-2026", "--period", "2026-Q1", "--export", csv});
  ASSERT_EQ(to_csv.exit_code, 0) << to_csv.output;
  std::ifstream in(csv);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_THAT(content.str(), HasSubstr("KH-TD/2026"));
  EXPECT_THAT(content.str(), HasSubstr(sha));
  EXPECT_THAT(content.str(), ::testing::Not(HasSubstr(",100%,")));  // the superseded entry
  auto to_xlsx = suite->Ctl(world->admin_a_key, {"report", "--period", "2026-q1", "--export", xlsx});
  ASSERT_EQ(to_xlsx.exit_code, 0) << to_xlsx.output;
  EXPECT_GT(std::filesystem::file_size(xlsx), 1000u);
  // The officer reads the same summary for a school of the ward; another
  // school's admin cannot.
  auto officer = suite->Ctl(world->officer_key,
                            {"report", "--school", "mn-a", "--from", "2026-01-01", "--to", "2026-03-31"});
  EXPECT_EQ(officer.exit_code, 0) << officer.output;
  EXPECT_THAT(officer.output, HasSubstr("KH-TD/2026"));
  auto intruder = suite->Ctl(world->admin_b_key, {"report", "--school", "mn-a", "--period", "2026-q1"});
  EXPECT_EQ(intruder.exit_code, 4) << intruder.output;
  auto bad_period = suite->Ctl(world->admin_a_key, {"report", "--period", "2026-q9"});
  EXPECT_EQ(bad_period.exit_code, 2) << bad_period.output;
  // SummarizeTasks counts the work done in quý I beside what was due.
  Client a(world->admin_a_key);
  tpb::SummarizeTasksRequest summarize;
  summarize.set_school("schools/mn-a");
  *summarize.mutable_period_start() = D(2025, 12, 15);
  *summarize.mutable_period_end() = D(2026, 3, 14);
  tpb::TaskSummary summary;
  auto c = a.Context();
  ASSERT_TRUE(a.tasks->SummarizeTasks(c.get(), summarize, &summary).ok());
  EXPECT_GE(summary.progress_entries_in_period(), 2);
  EXPECT_GE(summary.evidence_in_period(), 1);

  // A plan issued in the wrong year is refused; a finished plan is closed,
  // refuses new tasks in Vietnamese, and once archived leaves `plans list`.
  auto early = suite->Ctl(world->admin_b_key, {"plans", "instantiate", "--id", "par-2028", "--year", "2028",
                                               "--number", "1/KH", "--issue-date", "15/03/2026"});
  EXPECT_EQ(early.exit_code, 5) << early.output;
  EXPECT_THAT(early.output, HasSubstr("--issue-date"));
  Client b(world->admin_b_key);
  tpb::CreatePlanRequest create;
  create.set_parent("schools/th-b");
  create.set_plan_id("kh-2025");
  create.mutable_plan()->set_year(2025);
  create.mutable_plan()->set_title("Kế hoạch năm 2025");
  *create.mutable_plan()->mutable_issue_date() = D(2024, 12, 27);
  create.set_request_id("e2e-kh-2025");
  tpb::Plan plan;
  c = b.Context();
  ASSERT_TRUE(b.tasks->CreatePlan(c.get(), create, &plan).ok());
  auto close = suite->Ctl(world->admin_b_key, {"plans", "close", "--plan", "kh-2025"});
  ASSERT_EQ(close.exit_code, 0) << close.output;
  EXPECT_THAT(close.output, HasSubstr("Đã kết thúc"));
  auto refused = suite->Ctl(world->admin_b_key, {"tasks", "create", "--plan", "kh-2025", "--code", "1",
                                                 "--title", "Việc mới", "--due", "2025-12-31"});
  EXPECT_EQ(refused.exit_code, 5) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr("Kế hoạch đã kết thúc"));
  ASSERT_EQ(suite->Ctl(world->admin_b_key, {"plans", "archive", "--plan", "kh-2025"}).exit_code, 0);
  auto listed = suite->Ctl(world->admin_b_key, {"plans", "list"});
  EXPECT_THAT(listed.output, ::testing::Not(HasSubstr("kh-2025")));
  auto archived = suite->Ctl(world->admin_b_key, {"plans", "list", "--archived"});
  EXPECT_THAT(archived.output, HasSubstr("Đã lưu trữ"));
}

// Names where people expect names (issue 8): the PAR field's title, the
// author's name, the authority's name, the school in whoami; labels that
// agree with their values; the overview's columns explained.
TEST_F(E2eTest, TheCliShowsNamesNotIdsAndLabelsThatAgreeWithTheirValues) {
  auto progress = suite->Ctl(world->admin_a_key, {"tasks", "progress", "--plan", "par-2026", "--task", "1.3",
                                                  "--percent", "20", "--note", "Bắt đầu"});
  ASSERT_EQ(progress.exit_code, 0) << progress.output;
  auto show = suite->Ctl(world->admin_a_key, {"tasks", "show", "--plan", "par-2026", "--task", "1.3"});
  EXPECT_EQ(show.exit_code, 0) << show.output;
  EXPECT_THAT(show.output, HasSubstr("Người dùng admin-a"));  // the author's display name
  EXPECT_THAT(show.output, Not(HasSubstr("accounts/admin-a")));

  auto list = suite->Ctl(world->admin_a_key, {"tasks", "list", "--plan", "par-2026"});
  EXPECT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output, HasSubstr("Cải cách thủ tục hành chính"));  // task 1.5's field, tthc
  EXPECT_THAT(list.output, Not(HasSubstr("chi_dao_dieu_hanh")));
  EXPECT_THAT(list.output, Not(HasSubstr(" tthc")));
  EXPECT_THAT(list.output, HasSubstr("Trễ hạn"));  // the header of the TRỄ HẠN values
  EXPECT_THAT(list.output, Not(HasSubstr("Quá hạn")));
  auto english = suite->Ctl(world->admin_a_key, {"--lang", "en", "tasks", "list", "--plan", "par-2026"});
  EXPECT_THAT(english.output, HasSubstr("Administrative procedures"));

  auto history = suite->Ctl(world->admin_a_key, {"schools", "history"});  // own school by default
  EXPECT_EQ(history.exit_code, 0) << history.output;
  EXPECT_THAT(history.output, HasSubstr("UBND Quận 1"));

  auto whoami = suite->Ctl(world->admin_a_key, {"whoami"});
  EXPECT_EQ(whoami.exit_code, 0) << whoami.output;
  EXPECT_THAT(whoami.output, HasSubstr("Trường Mầm non 20/10 (mn-a)"));
  EXPECT_THAT(whoami.output, Not(HasSubstr("Số trường")));
  auto officer = suite->Ctl(world->officer_key, {"whoami"});
  EXPECT_THAT(officer.output, HasSubstr("UBND Quận 1 (q1)"));
  EXPECT_THAT(officer.output, HasSubstr("Số trường trực thuộc"));

  auto templates = suite->Ctl(world->admin_a_key, {"plans", "templates"});
  EXPECT_EQ(templates.exit_code, 0) << templates.output;
  EXPECT_THAT(templates.output, Not(HasSubstr("{year}")));
  EXPECT_THAT(templates.output, HasSubstr("<năm>"));

  auto overview = suite->Ctl(world->officer_key, {"overview"});
  EXPECT_EQ(overview.exit_code, 0) << overview.output;
  EXPECT_THAT(overview.output, HasSubstr("UBND Quận 1"));
  EXPECT_THAT(overview.output, HasSubstr("HT đúng hạn/HT trễ"));
  EXPECT_THAT(overview.output, HasSubstr("HT đúng hạn/HT trễ: số nhiệm vụ đã hoàn thành đúng hạn"));
}

// Errors (issue 8): in the language asked for, each refused field once by
// its option, the parser in Vietnamese, "not logged in" and "permission
// denied" for what they are, and one JSON object for scripts.
TEST_F(E2eTest, CliErrorsSpeakTheLanguageAskedNameTheOptionOnceAndAreJsonForScripts) {
  auto no_login = suite->Ctl("", {"tasks", "list", "--plan", "par-2026"});
  EXPECT_EQ(no_login.exit_code, 3) << no_login.output;
  EXPECT_THAT(no_login.output, HasSubstr("Chưa đăng nhập"));
  EXPECT_THAT(no_login.output, Not(HasSubstr("--school")));

  auto principal = suite->Ctl(world->admin_a_key, {"overview"});
  EXPECT_EQ(principal.exit_code, 3) << principal.output;
  EXPECT_THAT(principal.output, HasSubstr("Không có quyền"));

  auto missing = suite->Ctl(world->admin_a_key, {"tasks", "list"});
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_THAT(missing.output, HasSubstr("thiếu tuỳ chọn bắt buộc --plan"));
  EXPECT_THAT(missing.output, Not(HasSubstr("is required")));
  auto missing_en = suite->Ctl(world->admin_a_key, {"--lang", "en", "tasks", "list"});
  EXPECT_THAT(missing_en.output, HasSubstr("--plan is required"));
  auto not_a_number = suite->Ctl(
      world->admin_a_key, {"tasks", "progress", "--plan", "par-2026", "--task", "1.5", "--percent", "abc"});
  EXPECT_EQ(not_a_number.exit_code, 2) << not_a_number.output;
  EXPECT_THAT(not_a_number.output, HasSubstr("--percent: không đọc được giá trị 'abc'"));
  EXPECT_THAT(not_a_number.output, Not(HasSubstr("Could not convert")));
  auto help = suite->Ctl(world->admin_a_key, {"tasks", "--help"});
  EXPECT_EQ(help.exit_code, 0) << help.output;
  EXPECT_THAT(help.output, HasSubstr("Cách dùng: parhubctl tasks"));
  EXPECT_THAT(help.output, Not(HasSubstr("Usage")));
  EXPECT_THAT(help.output, Not(HasSubstr("Options")));
  auto help_en = suite->Ctl(world->admin_a_key, {"--lang", "en", "tasks", "--help"});
  EXPECT_THAT(help_en.output, HasSubstr("Usage: parhubctl tasks"));

  std::vector<std::string> too_much = {"tasks",  "progress", "--plan",    "par-2026",
                                       "--task", "1.5",      "--percent", "150"};
  auto refused = suite->Ctl(world->admin_a_key, too_much);
  EXPECT_EQ(refused.exit_code, 5) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr("--percent: phải từ 0 đến 100, nhận được 150"));
  EXPECT_THAT(refused.output, Not(HasSubstr("progress_update.percent_done")));
  EXPECT_THAT(refused.output, Not(HasSubstr("must be")));
  size_t said = 0;
  for (size_t at = refused.output.find("phải từ 0 đến 100"); at != std::string::npos;
       at = refused.output.find("phải từ 0 đến 100", at + 1)) {
    ++said;
  }
  EXPECT_EQ(said, 1u) << refused.output;
  std::vector<std::string> english = {"--lang", "en"};
  english.insert(english.end(), too_much.begin(), too_much.end());
  auto refused_en = suite->Ctl(world->admin_a_key, english);
  EXPECT_THAT(refused_en.output, HasSubstr("--percent: must be 0-100"));
  EXPECT_THAT(refused_en.output, Not(HasSubstr("phải")));

  std::vector<std::string> as_json = {"--output", "json"};
  as_json.insert(as_json.end(), too_much.begin(), too_much.end());
  auto json = suite->Ctl(world->admin_a_key, as_json);
  EXPECT_EQ(json.exit_code, 5);
  google::protobuf::Struct parsed;  // the whole output is one JSON object
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json.output, &parsed).ok()) << json.output;
  const auto& error = parsed.fields().at("error").struct_value().fields();
  EXPECT_EQ(error.at("code").string_value(), "INVALID_ARGUMENT");
  EXPECT_EQ(error.at("exit_code").number_value(), 5);
  ASSERT_EQ(error.at("fields").list_value().values_size(), 1) << json.output;
  const auto& field = error.at("fields").list_value().values(0).struct_value().fields();
  EXPECT_EQ(field.at("option").string_value(), "--percent");
  EXPECT_EQ(field.at("field").string_value(), "progress_update.percent_done");
  auto usage_json = suite->Ctl(world->admin_a_key, {"--output", "json", "tasks", "list"});
  EXPECT_EQ(usage_json.exit_code, 2);
  google::protobuf::Struct usage;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(usage_json.output, &usage).ok())
      << usage_json.output;
  EXPECT_EQ(usage.fields().at("error").struct_value().fields().at("code").string_value(), "USAGE");

  // Zero values are printed: a task not started reads "percent_done": 0.
  auto created = suite->Ctl(world->admin_a_key, {"tasks", "create", "--plan", "par-2026", "--code", "9.0",
                                                 "--title", "Chưa bắt đầu", "--due", "2026-12-31"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  auto zeros = suite->Ctl(world->admin_a_key,
                          {"--output", "json", "tasks", "show", "--plan", "par-2026", "--task", "9.0"});
  EXPECT_EQ(zeros.exit_code, 0) << zeros.output;
  google::protobuf::Struct shown;  // one object: {"task": …, "history": …}
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(zeros.output, &shown).ok()) << zeros.output;
  EXPECT_TRUE(shown.fields().contains("task"));
  EXPECT_TRUE(shown.fields().contains("history"));
  EXPECT_THAT(zeros.output, HasSubstr("\"percent_done\": 0"));

  // Another school's plan: not found (4), as docs/CLI.md says.
  auto other = suite->Ctl(world->admin_a_key, {"tasks", "list", "--school", "th-b", "--plan", "par-2026"});
  EXPECT_EQ(other.exit_code, 4) << other.output;
}

// One way to export a list (issue 8): --export FILE.csv or FILE.xlsx.
TEST_F(E2eTest, ListsExportToCsvOrXlsxWithTheOneExportOption) {
  std::string csv_path = ::testing::TempDir() + "/nhiem-vu.csv";
  auto csv = suite->Ctl(world->admin_a_key, {"tasks", "list", "--plan", "par-2026", "--export", csv_path});
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_THAT(csv.output, HasSubstr(csv_path));
  std::ifstream csv_file(csv_path, std::ios::binary);
  std::stringstream csv_text;
  csv_text << csv_file.rdbuf();
  EXPECT_EQ(csv_text.str().rfind("\xEF\xBB\xBFMã,Nhiệm vụ,", 0), 0u) << csv_text.str().substr(0, 80);
  EXPECT_THAT(csv_text.str(), HasSubstr("Đẩy mạnh đơn giản hóa thủ tục hành chính (TTHC)"));
  for (std::vector<std::string> args :
       {std::vector<std::string>{"plans", "list"}, std::vector<std::string>{"schools", "history"},
        std::vector<std::string>{"tasks", "list", "--plan", "par-2026"}}) {
    std::string xlsx_path = ::testing::TempDir() + "/danh-sach.xlsx";
    std::filesystem::remove(xlsx_path);
    args.push_back("--export");
    args.push_back(xlsx_path);
    auto xlsx = suite->Ctl(world->admin_a_key, args);
    ASSERT_EQ(xlsx.exit_code, 0) << args[0] << " " << xlsx.output;
    std::ifstream file(xlsx_path, std::ios::binary);
    std::string magic(2, '\0');
    file.read(magic.data(), 2);
    EXPECT_EQ(magic, "PK") << args[0];
  }
  auto officer =
      suite->Ctl(world->officer_key, {"overview", "--export", ::testing::TempDir() + "/tong-hop.csv"});
  EXPECT_EQ(officer.exit_code, 0) << officer.output;
  auto bad = suite->Ctl(world->admin_a_key, {"plans", "list", "--export", "danh-sach.txt"});
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  auto old = suite->Ctl(world->admin_a_key, {"staff", "list", "--csv", "nhan-su.csv"});
  EXPECT_EQ(old.exit_code, 2) << old.output;  // one way of doing it: --csv/--xlsx are gone
}

// Issue 8: `tasks progress --file` uploads the evidence (its type read
// from the bytes) and cites its SHA-256; a text file named .pdf is refused
// and nothing is recorded.
TEST_F(E2eTest, ProgressUploadsItsEvidenceFileAndCitesItsHash) {
  const std::string dir = ::testing::TempDir();
  const std::string pdf_path = dir + "/bien-ban-hop.pdf", fake_path = dir + "/gia-mao.pdf";
  const std::string pdf = "%PDF-1.5\n% Bien ban hop chi bo, e2e\n%%EOF\n";
  std::ofstream(pdf_path, std::ios::binary) << pdf;
  std::ofstream(fake_path, std::ios::binary) << "day la van ban thuong";
  auto fake = suite->Ctl(world->admin_a_key, {"tasks", "progress", "--plan", "par-2026", "--task", "1.7",
                                              "--percent", "40", "--file", fake_path});
  EXPECT_NE(fake.exit_code, 0) << fake.output;
  EXPECT_THAT(fake.output, HasSubstr("PDF"));
  auto sent =
      suite->Ctl(world->admin_a_key, {"tasks", "progress", "--plan", "par-2026", "--task", "1.7", "--percent",
                                      "40", "--doc-number", "05/BB-CB", "--file", pdf_path});
  ASSERT_EQ(sent.exit_code, 0) << sent.output;
  const std::string sha = platform::Sha256Hex(pdf);
  EXPECT_THAT(sent.output, HasSubstr(sha));
  EXPECT_THAT(sent.output, HasSubstr("application/pdf"));
  auto show = suite->Ctl(world->admin_a_key,
                         {"--output", "json", "tasks", "show", "--plan", "par-2026", "--task", "1.7"});
  ASSERT_EQ(show.exit_code, 0) << show.output;
  EXPECT_THAT(show.output, HasSubstr(sha));
  EXPECT_THAT(show.output, HasSubstr("bien-ban-hop.pdf"));
  EXPECT_THAT(show.output, Not(HasSubstr("gia-mao")));
}

TEST_F(E2eTest, ADirectiveArrivesInThePrincipalsDigestAndMailboxOnce) {
  // A principal of school A with an address (the world's accounts have none).
  Client admin(suite->admin_key());
  {
    dpb::CreateAccountRequest request;
    request.set_account_id("ht-mn-a-thu");
    request.set_request_id("e2e-account-ht-mn-a-thu");
    request.mutable_account()->set_display_name("Nguyễn Thị Thu");
    request.mutable_account()->set_email("hieutruong@mn-a.test");
    request.mutable_account()->set_role(common::v1::ROLE_SCHOOL_ADMIN);
    request.mutable_account()->set_school("schools/mn-a");
    dpb::Account created;
    auto c = admin.Context();
    grpc::Status s = admin.directory->CreateAccount(c.get(), request, &created);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  auto publish =
      suite->Ctl(world->officer_key, {"directives", "publish", "--id", "cv-1207", "--number", "1207/UBND-VP",
                                      "--title", "Niêm yết công khai quy trình thu chi không dùng tiền mặt",
                                      "--issue-date", "2026-11-20", "--due", "2026-12-18"});
  ASSERT_EQ(publish.exit_code, 0) << publish.output;

  Client officer(world->officer_key);
  rpb::RunNotificationSweepRequest sweep;
  sweep.set_parent("authorities/q1");
  sweep.set_send_email(true);
  const size_t mails_before = suite->smtp_sink().Messages().size();
  rpb::NotificationSweep first;
  {
    auto c = officer.Context();
    grpc::Status s = officer.reporting->RunNotificationSweep(c.get(), sweep, &first);
    ASSERT_TRUE(s.ok()) << s.error_message() << suite->Logs();
  }
  EXPECT_EQ(first.school_count(), 2);
  EXPECT_EQ(first.failures_size(), 0) << first.failures(0).reason();
  EXPECT_GE(first.new_notification_count(), 2);  // the directive's task at each school
  EXPECT_EQ(first.emails_failed(), 0);
  EXPECT_EQ(first.emails_sent(), 1);  // the one account with an address
  ASSERT_TRUE(suite->smtp_sink().WaitForMessages(mails_before + 1, absl::Seconds(10)));
  const auto mail = suite->smtp_sink().Messages().back();
  EXPECT_EQ(mail.mail_from, Suite::kDigestSender);
  ASSERT_EQ(mail.recipients.size(), 1u);
  EXPECT_EQ(mail.recipients[0], "hieutruong@mn-a.test");
  EXPECT_THAT(mail.data, HasSubstr("Content-Type: text/plain; charset=UTF-8"));

  // The principal of school A reads it in the digest; school B's principal
  // sees only B's.
  Client a(world->admin_a_key);
  rpb::NotificationDigest digest;
  {
    auto c = a.Context();
    grpc::Status s =
        a.reporting->GetNotificationDigest(c.get(), rpb::GetNotificationDigestRequest(), &digest);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  bool arrived = false;
  for (const auto& n : digest.notifications()) {
    EXPECT_THAT(n.name(), ::testing::StartsWith("schools/mn-a/"));
    if (n.kind() == rpb::NOTIFICATION_KIND_DIRECTIVE_ARRIVED &&
        n.directive() == "authorities/q1/directives/cv-1207") {
      arrived = true;
      EXPECT_THAT(n.message(), HasSubstr("Niêm yết công khai quy trình thu chi"));
      EXPECT_EQ(n.due_date().day(), 18);
    }
  }
  EXPECT_TRUE(arrived) << digest.text();
  EXPECT_THAT(digest.text(), HasSubstr("Chỉ đạo mới giao cho trường"));
  Client b(world->admin_b_key);
  rpb::ListNotificationsRequest other;
  other.set_parent("schools/mn-a");
  rpb::ListNotificationsResponse ignored;
  {
    auto c = b.Context();
    EXPECT_EQ(b.reporting->ListNotifications(c.get(), other, &ignored).error_code(),
              grpc::StatusCode::NOT_FOUND);
  }

  // Swept again: nothing new, nobody mailed twice. A principal may not sweep.
  rpb::NotificationSweep second;
  {
    auto c = officer.Context();
    ASSERT_TRUE(officer.reporting->RunNotificationSweep(c.get(), sweep, &second).ok());
  }
  EXPECT_EQ(second.new_notification_count(), 0);
  EXPECT_EQ(second.emails_sent(), 0);
  EXPECT_EQ(suite->smtp_sink().Messages().size(), mails_before + 1);
  {
    auto c = a.Context();
    rpb::NotificationSweep refused;
    EXPECT_EQ(a.reporting->RunNotificationSweep(c.get(), sweep, &refused).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
}

// Written last, so it runs after every scenario above (gtest keeps the
// order of definition): no line any process logged carries an API key, the
// identity key, a database password or a person's ID number.
TEST_F(E2eTest, ZzNoLogLineCarriesAKeyAPasswordOrAPersonsIdNumber) {
  std::vector<std::pair<std::string, std::string>> secrets{{"the officer's API key", world->officer_key},
                                                           {"a principal's API key", world->admin_a_key},
                                                           {"a principal's API key", world->admin_b_key},
                                                           {"a staff member's API key", world->staff_a_key},
                                                           {"a staff member's ID number", "079188001122"}};
  for (const std::string& secret : suite->Secrets()) secrets.emplace_back("a secret of the suite", secret);
  const auto logs = suite->FullLogs();
  size_t bytes = 0;
  for (const auto& [process, log] : logs) {
    bytes += log.size();
    for (const auto& [what, secret] : secrets) {
      ASSERT_GE(secret.size(), 8u) << what;
      EXPECT_EQ(log.find(secret), std::string::npos) << process << ".log carries " << what;
    }
    // Any API key at all, e.g. one refused at the gateway.
    EXPECT_EQ(log.find("phk_"), std::string::npos) << process << ".log carries an API key";
  }
  EXPECT_GT(bytes, 10'000u);  // the processes did log: the check looked at something
}

}  // namespace
}  // namespace parhub::e2e

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new parhub::e2e::SuiteEnvironment(&parhub::e2e::suite));
  return RUN_ALL_TESTS();
}
