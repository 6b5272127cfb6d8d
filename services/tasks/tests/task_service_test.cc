// Integration tests of the tasks gRPC service end to end inside one process:
// a real gRPC server on 127.0.0.1 (ephemeral port) with TaskServiceImpl over
// MariaDB, called through a stub with signed identities as the gateway sends
// them. Covers tenancy on every RPC, roles, idempotent retries, field-named
// errors, pagination, derived overdue, directive fan-out and the template.
#include "services/tasks/rpc/task_service.h"

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>

#include "platform/core/crypto.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"
#include "platform/db/migrations.h"
#include "platform/rpc/client.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/proto_values.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "platform/testing/status_matchers.h"
#include "platform/testing/test_database.h"
#include "services/tasks/domain/plan_templates.h"
#include "services/tasks/store/disk_evidence_blobs.h"
#include "services/tasks/store/mysql_evidence_index.h"
#include "services/tasks/store/mysql_task_store.h"

namespace parhub::tasks {
namespace {

namespace pb = ::parhub::tasks::v1;
using ::parhub::platform::Caller;
using ::parhub::platform::Role;
using ::testing::HasSubstr;

using ::parhub::testing::At;

using ::parhub::testing::ProtoDate;
using ::parhub::testing::ViolatedField;

// The last segment of a resource name.
std::string IdOfName(const std::string& name) { return name.substr(name.rfind('/') + 1); }

// Shared across the suite: one database, one server. Tests isolate
// themselves with fresh school and authority ids.
struct Harness {
  std::atomic<int64_t> now_micros{absl::ToUnixMicros(At(2024, 5, 1))};
  std::unique_ptr<::parhub::testing::InProcessServer> server;
  std::unique_ptr<MySqlTaskStore> store;
  std::unique_ptr<PlanBook> book;
  std::unique_ptr<DirectiveDesk> desk;
  std::unique_ptr<TaskSummarizer> summarizer;
  std::string evidence_dir;
  std::unique_ptr<MySqlEvidenceIndex> evidence_index;
  std::unique_ptr<DiskEvidenceBlobs> blobs;
  std::unique_ptr<EvidenceDesk> evidence;
  std::unique_ptr<TaskServiceImpl> service;
  std::unique_ptr<pb::TaskService::Stub> stub;
};
Harness* harness = nullptr;

class TaskServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    harness = new Harness;
    Clock clock = [] { return absl::FromUnixMicros(harness->now_micros.load()); };
    harness->server = std::make_unique<::parhub::testing::InProcessServer>(
        pb::TaskService::service_full_name(), "tasks", TasksMigrations());
    harness->store = std::make_unique<MySqlTaskStore>(harness->server->db());
    harness->book = std::make_unique<PlanBook>(*harness->store, clock);
    harness->desk = std::make_unique<DirectiveDesk>(*harness->store, clock);
    harness->summarizer = std::make_unique<TaskSummarizer>(*harness->store, clock);
    harness->evidence_dir =
        (std::filesystem::temp_directory_path() / ("parhub-evidence-" + platform::RandomHex(4))).string();
    harness->evidence_index = std::make_unique<MySqlEvidenceIndex>(harness->server->db());
    harness->blobs = *DiskEvidenceBlobs::Open(harness->evidence_dir);
    harness->evidence =
        std::make_unique<EvidenceDesk>(harness->blobs.get(), *harness->evidence_index, clock, 4096);
    harness->service =
        std::make_unique<TaskServiceImpl>(harness->server->handlers(), *harness->book, *harness->desk,
                                          *harness->summarizer, *harness->evidence);
    harness->server->Start(harness->service.get());
    harness->stub = pb::TaskService::NewStub(harness->server->channel());
  }
  static void TearDownTestSuite() {
    harness->stub.reset();
    harness->server.reset();  // stops serving before the service goes away
    std::filesystem::remove_all(harness->evidence_dir);
    delete harness;
    harness = nullptr;
  }

  TaskServiceTest() : school_("s-" + platform::RandomHex(4)), other_("o-" + platform::RandomHex(4)) {
    SetNow(At(2024, 5, 1));
  }

  static void SetNow(absl::Time t) { harness->now_micros = absl::ToUnixMicros(t); }
  pb::TaskService::Stub& stub() { return *harness->stub; }

  Caller As(Role role, const std::string& school, const std::string& authority = "") {
    return ::parhub::testing::TestCaller(role, school, authority);
  }
  Caller Admin(const std::string& school) { return As(Role::kSchoolAdmin, school); }

  // A client context carrying `caller`'s identity signed for `method`.
  std::unique_ptr<grpc::ClientContext> Ctx(const std::string& method, const Caller& caller) {
    return harness->server->Context(caller, method);
  }

  pb::Plan CreatePlan(const std::string& school, const std::string& plan_id = "par-2024") {
    pb::CreatePlanRequest request;
    request.set_parent("schools/" + school);
    request.set_plan_id(plan_id);
    request.mutable_plan()->set_title("Kế hoạch cải cách hành chính năm 2024");
    request.mutable_plan()->set_year(2024);
    request.mutable_plan()->set_number("13/KH-MN2010");
    request.set_request_id(platform::RandomId());
    pb::Plan plan;
    grpc::Status status = stub().CreatePlan(Ctx("CreatePlan", Admin(school)).get(), request, &plan);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return plan;
  }

  pb::CreateTaskRequest TaskRequest(const std::string& plan_name, const std::string& code,
                                    parhub::common::v1::Date due = ProtoDate(2024, 6, 10)) {
    pb::CreateTaskRequest request;
    request.set_parent(plan_name);
    request.mutable_task()->set_code(code);
    request.mutable_task()->set_title("Nhiệm vụ " + code);
    request.mutable_task()->set_par_field("tthc");
    *request.mutable_task()->mutable_due_date() = due;
    request.set_request_id(platform::RandomId());
    return request;
  }

  pb::Task CreateTask(const std::string& plan_name, const std::string& code,
                      parhub::common::v1::Date due = ProtoDate(2024, 6, 10)) {
    pb::Task task;
    std::string school = platform::ParseName("schools/{s}/plans/{p}", plan_name, "p").value()[0];
    grpc::Status status =
        stub().CreateTask(Ctx("CreateTask", Admin(school)).get(), TaskRequest(plan_name, code, due), &task);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return task;
  }

  int CountTasks(const std::string& plan_name) {
    std::string school = platform::ParseName("schools/{s}/plans/{p}", plan_name, "p").value()[0];
    pb::ListTasksRequest request;
    request.set_parent(plan_name);
    request.set_page_size(200);
    pb::ListTasksResponse response;
    grpc::Status status = stub().ListTasks(Ctx("ListTasks", Admin(school)).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.tasks_size();
  }

  std::string school_;
  std::string other_;
};

TEST_F(TaskServiceTest, CallsWithoutAValidIdentityAreUnauthenticated) {
  grpc::ClientContext bare;
  pb::GetPlanRequest request;
  request.set_name("schools/" + school_ + "/plans/par-2024");
  pb::Plan plan;
  EXPECT_EQ(stub().GetPlan(&bare, request, &plan).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  grpc::ClientContext forged;
  forged.AddMetadata(platform::kIdentityHeader, "e30.AAAA");
  EXPECT_EQ(stub().GetPlan(&forged, request, &plan).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(TaskServiceTest, AnotherSchoolGetsNotFoundOnEveryRpc) {
  pb::Plan plan = CreatePlan(school_);
  pb::Task task = CreateTask(plan.name(), "1.1");
  const Caller intruder = Admin(other_);
  const Caller intruder_staff = As(Role::kSchoolStaff, other_);
  auto expect_not_found = [](const grpc::Status& status, const char* rpc) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << rpc << ": " << status.error_message();
  };
  {
    pb::CreatePlanRequest r;
    r.set_parent("schools/" + school_);
    r.set_plan_id("x");
    r.mutable_plan()->set_title("x");
    r.mutable_plan()->set_year(2024);
    r.set_request_id("r1");
    pb::Plan out;
    expect_not_found(stub().CreatePlan(Ctx("CreatePlan", intruder).get(), r, &out), "CreatePlan");
  }
  {
    pb::GetPlanRequest r;
    r.set_name(plan.name());
    pb::Plan out;
    expect_not_found(stub().GetPlan(Ctx("GetPlan", intruder).get(), r, &out), "GetPlan");
  }
  {
    pb::ListPlansRequest r;
    r.set_parent("schools/" + school_);
    pb::ListPlansResponse out;
    expect_not_found(stub().ListPlans(Ctx("ListPlans", intruder).get(), r, &out), "ListPlans");
  }
  {
    pb::UpdatePlanRequest r;
    *r.mutable_plan() = plan;
    r.mutable_plan()->set_title("Bị sửa");
    r.mutable_update_mask()->add_paths("title");
    r.set_request_id("r2");
    pb::Plan out;
    expect_not_found(stub().UpdatePlan(Ctx("UpdatePlan", intruder).get(), r, &out), "UpdatePlan");
  }
  {
    pb::InstantiatePlanTemplateRequest r;
    r.set_parent("schools/" + school_);
    r.set_template_("planTemplates/par-improvement");
    r.set_plan_id("par-2025");
    r.set_year(2025);
    r.set_request_id("r3");
    pb::Plan out;
    expect_not_found(stub().InstantiatePlanTemplate(Ctx("InstantiatePlanTemplate", intruder).get(), r, &out),
                     "InstantiatePlanTemplate");
  }
  {
    pb::Task out;
    auto r = TaskRequest(plan.name(), "9.9");
    expect_not_found(stub().CreateTask(Ctx("CreateTask", intruder).get(), r, &out), "CreateTask");
  }
  {
    pb::GetTaskRequest r;
    r.set_name(task.name());
    pb::Task out;
    expect_not_found(stub().GetTask(Ctx("GetTask", intruder).get(), r, &out), "GetTask");
  }
  {
    pb::ListTasksRequest r;
    r.set_parent(plan.name());
    pb::ListTasksResponse out;
    expect_not_found(stub().ListTasks(Ctx("ListTasks", intruder).get(), r, &out), "ListTasks");
  }
  {
    pb::UpdateTaskRequest r;
    *r.mutable_task() = task;
    r.mutable_task()->set_status(pb::TASK_STATUS_CANCELLED);
    r.mutable_update_mask()->add_paths("status");
    r.set_request_id("r4");
    pb::Task out;
    expect_not_found(stub().UpdateTask(Ctx("UpdateTask", intruder).get(), r, &out), "UpdateTask");
  }
  {
    pb::AddProgressUpdateRequest r;
    r.set_parent(task.name());
    r.mutable_progress_update()->set_percent_done(50);
    r.set_request_id("r5");
    pb::ProgressUpdate out;
    expect_not_found(stub().AddProgressUpdate(Ctx("AddProgressUpdate", intruder_staff).get(), r, &out),
                     "AddProgressUpdate");
  }
  {
    pb::ListProgressUpdatesRequest r;
    r.set_parent(task.name());
    pb::ListProgressUpdatesResponse out;
    expect_not_found(stub().ListProgressUpdates(Ctx("ListProgressUpdates", intruder).get(), r, &out),
                     "ListProgressUpdates");
  }
  {
    pb::SummarizeTasksRequest r;
    r.set_school("schools/" + school_);
    pb::TaskSummary out;
    expect_not_found(stub().SummarizeTasks(Ctx("SummarizeTasks", intruder).get(), r, &out), "SummarizeTasks");
  }
  // An officer whose call the gateway scoped to another school sees nothing either.
  {
    pb::GetTaskRequest r;
    r.set_name(task.name());
    pb::Task out;
    expect_not_found(stub().GetTask(Ctx("GetTask", As(Role::kAuthorityOfficer, other_, "q1")).get(), r, &out),
                     "GetTask by officer");
  }
  // Nothing changed.
  pb::GetTaskRequest get;
  get.set_name(task.name());
  pb::Task after;
  ASSERT_TRUE(stub().GetTask(Ctx("GetTask", Admin(school_)).get(), get, &after).ok());
  EXPECT_EQ(after.status(), pb::TASK_STATUS_NOT_STARTED);
  EXPECT_EQ(after.percent_done(), 0);
  EXPECT_EQ(CountTasks(plan.name()), 1);
}

TEST_F(TaskServiceTest, RolesLimitWhatSchoolStaffAndOfficersMayDo) {
  pb::Plan plan = CreatePlan(school_);
  pb::Task task = CreateTask(plan.name(), "1.1");
  Caller staff = As(Role::kSchoolStaff, school_);
  pb::Task out;
  grpc::Status denied =
      stub().CreateTask(Ctx("CreateTask", staff).get(), TaskRequest(plan.name(), "1.2"), &out);
  EXPECT_EQ(denied.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  pb::UpdateTaskRequest update;
  *update.mutable_task() = task;
  update.mutable_task()->set_owner("Tôi");
  update.mutable_update_mask()->add_paths("owner");
  update.set_request_id("u1");
  EXPECT_EQ(stub().UpdateTask(Ctx("UpdateTask", staff).get(), update, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  // Staff may report progress; the author is who they are, not what they claim.
  pb::AddProgressUpdateRequest progress;
  progress.set_parent(task.name());
  progress.mutable_progress_update()->set_percent_done(30);
  progress.mutable_progress_update()->set_author("accounts/someone-else");
  progress.set_request_id("p1");
  pb::ProgressUpdate recorded;
  ASSERT_TRUE(stub().AddProgressUpdate(Ctx("AddProgressUpdate", staff).get(), progress, &recorded).ok());
  EXPECT_EQ(recorded.author(), staff.subject);
  EXPECT_EQ(recorded.name(), task.name() + "/progressUpdates/1");

  // An officer scoped to this school reads but does not write.
  Caller officer = As(Role::kAuthorityOfficer, school_, "q1");
  pb::GetTaskRequest get;
  get.set_name(task.name());
  ASSERT_TRUE(stub().GetTask(Ctx("GetTask", officer).get(), get, &out).ok());
  EXPECT_EQ(out.percent_done(), 30);
  EXPECT_EQ(
      stub().CreateTask(Ctx("CreateTask", officer).get(), TaskRequest(plan.name(), "1.3"), &out).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  progress.set_request_id("p2");
  EXPECT_EQ(
      stub().AddProgressUpdate(Ctx("AddProgressUpdate", officer).get(), progress, &recorded).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(CountTasks(plan.name()), 1);
}

TEST_F(TaskServiceTest, RetriedCreateTaskMakesOneTaskAndReusedKeyIsRejected) {
  pb::Plan plan = CreatePlan(school_);
  pb::CreateTaskRequest request = TaskRequest(plan.name(), "1.5");
  request.set_request_id("retry-me");
  pb::Task first, second, third;
  ASSERT_TRUE(stub().CreateTask(Ctx("CreateTask", Admin(school_)).get(), request, &first).ok());
  ASSERT_TRUE(stub().CreateTask(Ctx("CreateTask", Admin(school_)).get(), request, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
  EXPECT_EQ(CountTasks(plan.name()), 1);

  request.mutable_task()->set_title("Một nhiệm vụ khác");
  grpc::Status reused = stub().CreateTask(Ctx("CreateTask", Admin(school_)).get(), request, &third);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(reused), "request_id");
  EXPECT_EQ(CountTasks(plan.name()), 1);

  // Without a request_id nothing happens.
  request.clear_request_id();
  EXPECT_EQ(stub().CreateTask(Ctx("CreateTask", Admin(school_)).get(), request, &third).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  // One audit row for the one task created, naming who did it.
  ASSERT_OK_AND_ASSIGN(auto audit,
                       harness->server->db().Query("SELECT actor, action FROM audit_log WHERE scope = ? "
                                                   "AND request_id = 'retry-me'",
                                                   {school_}));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].Str(0), "accounts/user-" + school_);
  EXPECT_EQ(audit[0].Str(1), "CreateTaskRequest");
}

TEST_F(TaskServiceTest, ImpossibleDueDateIsRejectedNamingTheFieldAndNotRemembered) {
  pb::Plan plan = CreatePlan(school_);
  pb::CreateTaskRequest request = TaskRequest(plan.name(), "1.1", ProtoDate(2024, 2, 30));
  request.set_request_id("fix-and-retry");
  pb::Task task;
  grpc::Status status = stub().CreateTask(Ctx("CreateTask", Admin(school_)).get(), request, &task);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(status), "task.due_date");
  EXPECT_THAT(status.error_message(), HasSubstr("30/02/2024"));
  EXPECT_EQ(CountTasks(plan.name()), 0);
  // The corrected request may reuse the key.
  *request.mutable_task()->mutable_due_date() = ProtoDate(2024, 2, 29);
  ASSERT_TRUE(stub().CreateTask(Ctx("CreateTask", Admin(school_)).get(), request, &task).ok());
  EXPECT_EQ(task.due_date().day(), 29);
}

TEST_F(TaskServiceTest, UpdateMaskIsRequiredAndLimited) {
  pb::Plan plan = CreatePlan(school_);
  pb::Task task = CreateTask(plan.name(), "1.1");
  pb::UpdateTaskRequest request;
  *request.mutable_task() = task;
  request.set_request_id("m1");
  pb::Task out;
  grpc::Status empty = stub().UpdateTask(Ctx("UpdateTask", Admin(school_)).get(), request, &out);
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(empty), "update_mask");
  request.mutable_update_mask()->add_paths("code");
  grpc::Status unknown = stub().UpdateTask(Ctx("UpdateTask", Admin(school_)).get(), request, &out);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(unknown), "update_mask");

  request.clear_update_mask();
  request.mutable_update_mask()->add_paths("status");
  request.mutable_update_mask()->add_paths("owner");
  request.mutable_task()->set_status(pb::TASK_STATUS_DONE);
  request.mutable_task()->set_owner("Nguyễn Thị Lan");
  request.mutable_task()->set_title("ignored: not in the mask");
  request.set_request_id("m2");
  ASSERT_TRUE(stub().UpdateTask(Ctx("UpdateTask", Admin(school_)).get(), request, &out).ok());
  EXPECT_EQ(out.status(), pb::TASK_STATUS_DONE);
  EXPECT_EQ(out.percent_done(), 100);
  EXPECT_TRUE(out.has_complete_time());
  EXPECT_EQ(out.owner(), "Nguyễn Thị Lan");
  EXPECT_EQ(out.title(), task.title());

  pb::UpdatePlanRequest plan_update;
  *plan_update.mutable_plan() = plan;
  plan_update.mutable_update_mask()->add_paths("number");
  plan_update.set_request_id("m3");
  pb::Plan plan_out;
  grpc::Status bad_plan = stub().UpdatePlan(Ctx("UpdatePlan", Admin(school_)).get(), plan_update, &plan_out);
  EXPECT_EQ(ViolatedField(bad_plan), "update_mask");
}

TEST_F(TaskServiceTest, PageTokensWalkEveryTaskOnce) {
  pb::Plan plan = CreatePlan(school_);
  for (const char* code : {"1.1", "1.2", "1.3", "1.10", "1.11"}) CreateTask(plan.name(), code);
  std::vector<std::string> codes;
  pb::ListTasksRequest request;
  request.set_parent(plan.name());
  request.set_page_size(2);
  int pages = 0;
  do {
    pb::ListTasksResponse response;
    ASSERT_TRUE(stub().ListTasks(Ctx("ListTasks", Admin(school_)).get(), request, &response).ok());
    for (const auto& t : response.tasks()) codes.push_back(t.code());
    request.set_page_token(response.next_page_token());
    ++pages;
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(codes, ::testing::ElementsAre("1.1", "1.2", "1.3", "1.10", "1.11"));
  request.set_page_token("not-a-token");
  pb::ListTasksResponse response;
  grpc::Status bad = stub().ListTasks(Ctx("ListTasks", Admin(school_)).get(), request, &response);
  EXPECT_EQ(ViolatedField(bad), "page_token");
}

TEST_F(TaskServiceTest, OverdueIsDerivedFromTheClock) {
  pb::Plan plan = CreatePlan(school_);
  pb::Task task = CreateTask(plan.name(), "1.1", ProtoDate(2024, 6, 10));
  EXPECT_FALSE(task.overdue());
  pb::GetTaskRequest get;
  get.set_name(task.name());
  pb::Task out;
  SetNow(At(2024, 6, 10, 23));
  ASSERT_TRUE(stub().GetTask(Ctx("GetTask", Admin(school_)).get(), get, &out).ok());
  EXPECT_FALSE(out.overdue());
  SetNow(At(2024, 6, 11, 0));
  ASSERT_TRUE(stub().GetTask(Ctx("GetTask", Admin(school_)).get(), get, &out).ok());
  EXPECT_TRUE(out.overdue());
  EXPECT_EQ(out.update_time().seconds(), task.update_time().seconds());  // nothing was written
  pb::ListTasksRequest list;
  list.set_parent(plan.name());
  list.set_overdue_only(true);
  pb::ListTasksResponse overdue;
  ASSERT_TRUE(stub().ListTasks(Ctx("ListTasks", Admin(school_)).get(), list, &overdue).ok());
  ASSERT_EQ(overdue.tasks_size(), 1);
  EXPECT_TRUE(overdue.tasks(0).overdue());
}

TEST_F(TaskServiceTest, ProgressUpdatesCarryEvidenceAndCloseTheTask) {
  pb::Plan plan = CreatePlan(school_);
  pb::Task task = CreateTask(plan.name(), "1.7");
  Caller staff = As(Role::kSchoolStaff, school_);
  pb::AddProgressUpdateRequest request;
  request.set_parent(task.name());
  request.mutable_progress_update()->set_percent_done(100);
  request.mutable_progress_update()->set_note("100% cán bộ dùng thư điện tử Thành phố");
  pb::Evidence* evidence = request.mutable_progress_update()->add_evidence();
  evidence->set_document_number("45/BC-MN2010");
  evidence->set_title("Báo cáo sử dụng thư điện tử quý II");
  evidence->set_uri("https://mn2010.edu.vn/bc45.pdf");
  request.set_request_id("done-1");
  pb::ProgressUpdate update;
  ASSERT_TRUE(stub().AddProgressUpdate(Ctx("AddProgressUpdate", staff).get(), request, &update).ok());
  request.set_request_id("done-2");
  grpc::Status closed = stub().AddProgressUpdate(Ctx("AddProgressUpdate", staff).get(), request, &update);
  EXPECT_EQ(closed.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  pb::ListProgressUpdatesRequest list;
  list.set_parent(task.name());
  pb::ListProgressUpdatesResponse updates;
  ASSERT_TRUE(stub().ListProgressUpdates(Ctx("ListProgressUpdates", staff).get(), list, &updates).ok());
  ASSERT_EQ(updates.progress_updates_size(), 1);
  EXPECT_EQ(updates.progress_updates(0).evidence(0).title(), "Báo cáo sử dụng thư điện tử quý II");
  pb::GetTaskRequest get;
  get.set_name(task.name());
  pb::Task done;
  ASSERT_TRUE(stub().GetTask(Ctx("GetTask", staff).get(), get, &done).ok());
  EXPECT_EQ(done.status(), pb::TASK_STATUS_DONE);
}

TEST_F(TaskServiceTest, DirectiveFansOutToEachSchoolAndShowsLateness) {
  const std::string authority = "q-" + platform::RandomHex(3);
  const std::vector<std::string> schools = {school_ + "-a", school_ + "-b", school_ + "-c"};
  Caller officer = As(Role::kAuthorityOfficer, "", authority);
  pb::PublishDirectiveRequest publish;
  publish.set_parent("authorities/" + authority);
  publish.set_directive_id("cv-953-2024");
  publish.mutable_directive()->set_number("953/UBND-NV");
  publish.mutable_directive()->set_title(
      "Khắc phục, nâng cao những nội dung Chỉ số CCHC bị trừ điểm năm 2023");
  *publish.mutable_directive()->mutable_issue_date() = ProtoDate(2024, 4, 2);
  *publish.mutable_directive()->mutable_due_date() = ProtoDate(2024, 6, 10);
  publish.mutable_directive()->set_par_field("chi_dao_dieu_hanh");
  for (const auto& s : schools) publish.add_school_ids(s);
  publish.set_request_id("publish-953");
  pb::Directive directive, again;
  SetNow(At(2024, 4, 2));
  ASSERT_TRUE(stub().PublishDirective(Ctx("PublishDirective", officer).get(), publish, &directive).ok());
  EXPECT_EQ(directive.school_count(), 3);
  EXPECT_EQ(directive.name(), "authorities/" + authority + "/directives/cv-953-2024");
  ASSERT_TRUE(
      stub().PublishDirective(Ctx("PublishDirective", officer).get(), publish, &again).ok());  // a retry
  EXPECT_EQ(again.name(), directive.name());

  std::vector<pb::Task> linked;
  for (const auto& s : schools) {
    pb::ListTasksRequest list;
    list.set_parent("schools/" + s + "/plans/cd-2024");
    pb::ListTasksResponse tasks;
    ASSERT_TRUE(stub().ListTasks(Ctx("ListTasks", Admin(s)).get(), list, &tasks).ok()) << s;
    ASSERT_EQ(tasks.tasks_size(), 1) << s;  // one task per school, despite the retry
    EXPECT_EQ(tasks.tasks(0).directive(), directive.name());
    linked.push_back(tasks.tasks(0));
  }
  pb::GetPlanRequest get_plan;
  get_plan.set_name("schools/" + schools[0] + "/plans/cd-2024");
  pb::Plan cd_plan;
  ASSERT_TRUE(stub().GetPlan(Ctx("GetPlan", Admin(schools[0])).get(), get_plan, &cd_plan).ok());
  EXPECT_EQ(cd_plan.title(), "Nhiệm vụ theo chỉ đạo của cấp trên năm 2024");

  auto finish = [&](int i) {
    pb::AddProgressUpdateRequest r;
    r.set_parent(linked[i].name());
    r.mutable_progress_update()->set_percent_done(100);
    r.set_request_id(platform::RandomId());
    pb::ProgressUpdate out;
    ASSERT_TRUE(stub().AddProgressUpdate(Ctx("AddProgressUpdate", Admin(schools[i])).get(), r, &out).ok());
  };
  SetNow(At(2024, 6, 9));
  finish(0);
  SetNow(At(2024, 6, 14));
  finish(1);

  pb::GetDirectiveProgressRequest request;
  request.set_name(directive.name());
  pb::DirectiveProgress progress;
  ASSERT_TRUE(
      stub().GetDirectiveProgress(Ctx("GetDirectiveProgress", officer).get(), request, &progress).ok());
  ASSERT_EQ(progress.schools_size(), 3);
  EXPECT_EQ(progress.schools(0).timeliness(), pb::TIMELINESS_DONE_ON_TIME);
  EXPECT_EQ(progress.schools(1).timeliness(), pb::TIMELINESS_DONE_LATE);
  EXPECT_EQ(progress.schools(2).timeliness(), pb::TIMELINESS_OVERDUE);
  EXPECT_EQ(progress.schools(2).task(), linked[2].name());
  EXPECT_EQ(progress.done_count(), 2);
  EXPECT_EQ(progress.overdue_count(), 1);

  // Only this authority's officers see or publish its directives.
  Caller stranger = As(Role::kAuthorityOfficer, "", "q-else");
  EXPECT_EQ(stub()
                .GetDirectiveProgress(Ctx("GetDirectiveProgress", stranger).get(), request, &progress)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::GetDirectiveRequest get;
  get.set_name(directive.name());
  EXPECT_EQ(stub().GetDirective(Ctx("GetDirective", stranger).get(), get, &again).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(stub().GetDirective(Ctx("GetDirective", Admin(schools[0])).get(), get, &again).error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::ListDirectivesRequest list;
  list.set_parent("authorities/" + authority);
  pb::ListDirectivesResponse listed;
  EXPECT_EQ(stub().ListDirectives(Ctx("ListDirectives", stranger).get(), list, &listed).error_code(),
            grpc::StatusCode::NOT_FOUND);
  ASSERT_TRUE(stub().ListDirectives(Ctx("ListDirectives", officer).get(), list, &listed).ok());
  EXPECT_EQ(listed.directives_size(), 1);
  publish.set_request_id("publish-other");
  publish.set_directive_id("cv-x");
  EXPECT_EQ(stub().PublishDirective(Ctx("PublishDirective", stranger).get(), publish, &again).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(
      stub().PublishDirective(Ctx("PublishDirective", Admin(schools[0])).get(), publish, &again).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);

  // A bad school id fails the whole publish and names it.
  publish.set_request_id("publish-bad");
  publish.add_school_ids("Bad School");
  grpc::Status bad = stub().PublishDirective(Ctx("PublishDirective", officer).get(), publish, &again);
  EXPECT_EQ(ViolatedField(bad), "school_ids[3]");
}

TEST_F(TaskServiceTest, TemplateInstantiationCreatesTwelveTasksWithExactVietnameseTitles) {
  pb::ListPlanTemplatesResponse templates;
  ASSERT_TRUE(stub().ListPlanTemplates(Ctx("ListPlanTemplates", Admin(school_)).get(), {}, &templates).ok());
  ASSERT_GE(templates.templates_size(), 1);
  EXPECT_EQ(templates.templates(0).name(), "planTemplates/par-improvement");
  EXPECT_EQ(templates.templates(0).task_count(), 12);

  pb::InstantiatePlanTemplateRequest request;
  request.set_parent("schools/" + school_);
  request.set_template_("planTemplates/par-improvement");
  request.set_plan_id("par-2024");
  request.set_year(2024);
  request.set_number("13/KH-MN2010");
  *request.mutable_issue_date() = ProtoDate(2024, 1, 12);
  request.set_issuer("Trường Mầm non 20/10");
  request.set_request_id("tmpl-1");
  pb::Plan plan;
  ASSERT_TRUE(
      stub()
          .InstantiatePlanTemplate(Ctx("InstantiatePlanTemplate", Admin(school_)).get(), request, &plan)
          .ok());
  EXPECT_EQ(plan.task_count(), 12);
  EXPECT_EQ(plan.issuer(), "Trường Mầm non 20/10");
  EXPECT_EQ(plan.title(),
            "Kế hoạch cải thiện Chỉ số cải cách hành chính (PAR Index) và nâng cao sự hài lòng "
            "của người dân năm 2024");

  pb::ListTasksRequest list;
  list.set_parent(plan.name());
  pb::ListTasksResponse tasks;
  ASSERT_TRUE(stub().ListTasks(Ctx("ListTasks", Admin(school_)).get(), list, &tasks).ok());
  const PlanTemplate* tmpl = PlanTemplates::Find("par-improvement");
  ASSERT_EQ(tasks.tasks_size(), 12);
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(tasks.tasks(i).code(), tmpl->tasks[i].code);
    EXPECT_EQ(tasks.tasks(i).title(), PlanTemplates::FillYear(tmpl->tasks[i].title, 2024));
    EXPECT_EQ(tasks.tasks(i).due_date().year(), 2024);
  }
  EXPECT_EQ(tasks.tasks(4).title(), "Đẩy mạnh đơn giản hóa thủ tục hành chính (TTHC)");
  EXPECT_EQ(tasks.tasks(0).due_date().month(), 6);
  EXPECT_EQ(tasks.tasks(0).due_date().day(), 10);

  pb::InstantiatePlanTemplateRequest unknown = request;
  unknown.set_template_("planTemplates/khong-co");
  unknown.set_plan_id("x");
  unknown.set_request_id("tmpl-2");
  EXPECT_EQ(stub()
                .InstantiatePlanTemplate(Ctx("InstantiatePlanTemplate", Admin(school_)).get(), unknown, &plan)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(TaskServiceTest, DecomposedVietnameseIsStoredAsNfcAndRoundTrips) {
  pb::Plan plan = CreatePlan(school_);
  pb::CreateTaskRequest request = TaskRequest(plan.name(), "1.1");
  // "Đức" with combining marks (NFD-like) must come back composed.
  request.mutable_task()->set_owner(
      "Nguy\xE1\xBB\x85n V\xC4\x83n \xC4\x90u\xCC\x9B\xCC\x81"
      "c");
  pb::Task task;
  ASSERT_TRUE(stub().CreateTask(Ctx("CreateTask", Admin(school_)).get(), request, &task).ok());
  EXPECT_EQ(task.owner(), "Nguyễn Văn Đức");
  pb::ListTasksRequest list;
  list.set_parent(plan.name());
  list.set_owner("Nguyễn Văn Đức");
  pb::ListTasksResponse tasks;
  ASSERT_TRUE(stub().ListTasks(Ctx("ListTasks", Admin(school_)).get(), list, &tasks).ok());
  ASSERT_EQ(tasks.tasks_size(), 1);
  EXPECT_EQ(tasks.tasks(0).owner(), "Nguyễn Văn Đức");
}

TEST_F(TaskServiceTest, SummaryCountsThePeriod) {
  pb::Plan plan = CreatePlan(school_);
  CreateTask(plan.name(), "1.1", ProtoDate(2024, 3, 31));
  pb::Task done = CreateTask(plan.name(), "1.2", ProtoDate(2024, 6, 10));
  CreateTask(plan.name(), "1.3", ProtoDate(2024, 12, 31));
  pb::AddProgressUpdateRequest r;
  r.set_parent(done.name());
  r.mutable_progress_update()->set_percent_done(100);
  r.set_request_id("s1");
  pb::ProgressUpdate out;
  ASSERT_TRUE(stub().AddProgressUpdate(Ctx("AddProgressUpdate", Admin(school_)).get(), r, &out).ok());
  pb::SummarizeTasksRequest request;
  request.set_school("schools/" + school_);
  *request.mutable_period_start() = ProtoDate(2024, 1, 1);
  *request.mutable_period_end() = ProtoDate(2024, 6, 30);
  pb::TaskSummary summary;
  ASSERT_TRUE(stub()
                  .SummarizeTasks(Ctx("SummarizeTasks", As(Role::kService, school_)).get(), request, &summary)
                  .ok());
  EXPECT_EQ(summary.school(), "schools/" + school_);
  EXPECT_EQ(summary.total(), 2);
  EXPECT_EQ(summary.done(), 1);
  EXPECT_EQ(summary.done_on_time(), 1);
  EXPECT_EQ(summary.overdue(), 1);
  EXPECT_DOUBLE_EQ(summary.average_percent_done(), 50);
  ASSERT_EQ(summary.by_par_field_size(), 1);
  EXPECT_EQ(summary.by_par_field(0).par_field(), "tthc");
}

TEST_F(TaskServiceTest, BatchSummaryIsForRollupsOnlyAndAnswersEachSchoolInOrder) {
  pb::Plan plan = CreatePlan(school_);
  CreateTask(plan.name(), "1.1", ProtoDate(2024, 3, 31));
  pb::BatchSummarizeTasksRequest request;
  request.add_schools("schools/nobody-here");
  request.add_schools("schools/" + school_);
  pb::BatchSummarizeTasksResponse response;
  // A school's admin, an officer, staff: refused, whatever the schools named.
  for (const auto& caller :
       {Admin(school_), As(Role::kAuthorityOfficer, school_), As(Role::kSchoolStaff, school_)}) {
    EXPECT_EQ(
        stub().BatchSummarizeTasks(Ctx("BatchSummarizeTasks", caller).get(), request, &response).error_code(),
        grpc::StatusCode::PERMISSION_DENIED);
  }
  grpc::Status ok = stub().BatchSummarizeTasks(Ctx("BatchSummarizeTasks", As(Role::kService, "")).get(),
                                               request, &response);
  ASSERT_TRUE(ok.ok()) << ok.error_message();
  ASSERT_EQ(response.summaries_size(), 2);
  EXPECT_EQ(response.summaries(0).school(), "schools/nobody-here");
  EXPECT_EQ(response.summaries(0).total(), 0);
  EXPECT_EQ(response.summaries(1).school(), "schools/" + school_);
  EXPECT_EQ(response.summaries(1).total(), 1);
  request.add_schools("tasks/x");
  EXPECT_EQ(
      stub()
          .BatchSummarizeTasks(Ctx("BatchSummarizeTasks", As(Role::kService, "")).get(), request, &response)
          .error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
}

// Evidence files through gRPC on MariaDB and a real directory: a staff
// member uploads a PDF and gets its SHA-256; the same bytes again are the
// same file; another school neither reads nor downloads it; a text file
// and an oversized one are refused naming the field; a download returns
// the bytes, and bytes changed on disk are DATA_LOSS, never served.
TEST_F(TaskServiceTest, EvidenceFilesAreContentAddressedSniffedScopedAndChecked) {
  const std::string pdf = "%PDF-1.4\n% bao cao quy 1 " + school_ + "\n%%EOF\n";
  auto upload = [&](const Caller& who, const std::string& school, const std::string& content,
                    const std::string& request_id, pb::EvidenceFile* out) {
    pb::UploadEvidenceFileRequest r;
    r.set_parent("schools/" + school);
    r.set_filename("bao-cao-quy-1.pdf");
    r.set_content(content);
    r.set_request_id(request_id);
    return stub().UploadEvidenceFile(Ctx("UploadEvidenceFile", who).get(), r, out);
  };
  pb::EvidenceFile file;
  grpc::Status status = upload(As(Role::kSchoolStaff, school_), school_, pdf, "ev-1", &file);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(file.sha256(), platform::Sha256Hex(pdf));
  EXPECT_EQ(file.name(), "schools/" + school_ + "/evidenceFiles/" + file.sha256());
  EXPECT_EQ(file.media_type(), "application/pdf");
  EXPECT_EQ(file.size_bytes(), static_cast<int64_t>(pdf.size()));
  pb::EvidenceFile retried;
  ASSERT_TRUE(upload(As(Role::kSchoolStaff, school_), school_, pdf, "ev-1", &retried).ok()) << "a retry";
  EXPECT_EQ(retried.name(), file.name());
  pb::EvidenceFile reused;
  EXPECT_FALSE(upload(As(Role::kSchoolStaff, school_), school_, pdf + "%extra\n", "ev-1", &reused).ok())
      << "the same request id with other bytes is refused, not stored";
  pb::EvidenceFile again;
  ASSERT_TRUE(upload(Admin(school_), school_, pdf, "ev-2", &again).ok());
  EXPECT_EQ(again.name(), file.name());
  EXPECT_EQ(again.create_time().seconds(), file.create_time().seconds());

  pb::EvidenceFile refused;
  grpc::Status text =
      upload(Admin(school_), school_, "Báo cáo (chữ thường, không phải PDF)", "ev-3", &refused);
  EXPECT_EQ(text.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(text.error_message(), HasSubstr("PDF"));
  grpc::Status big = upload(Admin(school_), school_, pdf + std::string(5000, ' '), "ev-4", &refused);
  EXPECT_EQ(big.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(big.error_message(), HasSubstr("MB"));
  EXPECT_EQ(upload(Admin(other_), school_, pdf, "ev-5", &refused).error_code(), grpc::StatusCode::NOT_FOUND)
      << "writing into another school";

  pb::GetEvidenceFileRequest get;
  get.set_name(file.name());
  pb::EvidenceFile got;
  EXPECT_TRUE(stub().GetEvidenceFile(Ctx("GetEvidenceFile", Admin(school_)).get(), get, &got).ok());
  EXPECT_EQ(stub().GetEvidenceFile(Ctx("GetEvidenceFile", Admin(other_)).get(), get, &got).error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::GetEvidenceFileRequest foreign;
  foreign.set_name("schools/" + other_ + "/evidenceFiles/" + file.sha256());
  EXPECT_EQ(stub().GetEvidenceFile(Ctx("GetEvidenceFile", Admin(other_)).get(), foreign, &got).error_code(),
            grpc::StatusCode::NOT_FOUND)
      << "knowing the hash of another school's file gives nothing";
  pb::GetEvidenceFileRequest malformed;
  malformed.set_name("schools/" + school_ + "/evidenceFiles/ABC");
  EXPECT_EQ(
      stub().GetEvidenceFile(Ctx("GetEvidenceFile", Admin(school_)).get(), malformed, &got).error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);

  pb::DownloadEvidenceFileRequest download;
  download.set_name(file.name());
  pb::EvidenceFileContent content;
  ASSERT_TRUE(stub()
                  .DownloadEvidenceFile(Ctx("DownloadEvidenceFile", As(Role::kSchoolStaff, school_)).get(),
                                        download, &content)
                  .ok());
  EXPECT_EQ(content.content(), pdf);
  EXPECT_EQ(content.file().sha256(), file.sha256());
  EXPECT_EQ(stub()
                .DownloadEvidenceFile(Ctx("DownloadEvidenceFile", Admin(other_)).get(), download, &content)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);

  // Someone changes the stored bytes behind the service's back.
  const std::string path = harness->evidence_dir + "/" + file.sha256().substr(0, 2) + "/" + file.sha256();
  ASSERT_TRUE(std::filesystem::exists(path));
  std::ofstream(path, std::ios::binary | std::ios::trunc) << "%PDF-1.4 forged";
  grpc::Status tampered =
      stub().DownloadEvidenceFile(Ctx("DownloadEvidenceFile", Admin(school_)).get(), download, &content);
  EXPECT_EQ(tampered.error_code(), grpc::StatusCode::DATA_LOSS) << tampered.error_message();
}

// ---- issue 8: done-on dates, corrections, archived plans, work done ----

TEST_F(TaskServiceTest, CorrectionsSupersedeByNameAndDropsAreRefusedNamingTheField) {
  SetNow(At(2024, 12, 3));
  pb::Plan plan = CreatePlan(school_);
  pb::Task task = CreateTask(plan.name(), "1.7");
  pb::Task other = CreateTask(plan.name(), "1.8");
  auto add = [&](const pb::Task& t, int percent, parhub::common::v1::Date done_on,
                 const std::string& supersedes, pb::ProgressUpdate* out) {
    pb::AddProgressUpdateRequest r;
    r.set_parent(t.name());
    r.mutable_progress_update()->set_percent_done(percent);
    if (done_on.year() != 0) *r.mutable_progress_update()->mutable_done_on() = done_on;
    r.mutable_progress_update()->set_supersedes(supersedes);
    r.set_request_id(platform::RandomId());
    return stub().AddProgressUpdate(Ctx("AddProgressUpdate", Admin(school_)).get(), r, out);
  };
  pb::ProgressUpdate first, mistaken, fixed, ignored;
  ASSERT_TRUE(add(task, 40, ProtoDate(2024, 3, 2), "", &first).ok());
  EXPECT_EQ(first.done_on().month(), 3);
  ASSERT_TRUE(add(task, 100, ProtoDate(2024, 5, 2), "", &mistaken).ok());
  // A drop is refused; so is an update after done (both point to supersedes).
  grpc::Status drop = add(other, 30, {}, "", &ignored);
  ASSERT_TRUE(drop.ok());
  drop = add(other, 10, {}, "", &ignored);
  EXPECT_EQ(drop.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedField(drop), "progress_update.percent_done");
  grpc::Status future = add(other, 50, ProtoDate(2024, 12, 4), "", &ignored);
  EXPECT_EQ(ViolatedField(future), "progress_update.done_on");
  // supersedes must name an update of the same task.
  grpc::Status foreign = add(other, 20, {}, mistaken.name(), &ignored);
  EXPECT_EQ(ViolatedField(foreign), "progress_update.supersedes");
  ASSERT_TRUE(add(task, 70, {}, mistaken.name(), &fixed).ok());
  EXPECT_EQ(fixed.supersedes(), mistaken.name());
  EXPECT_EQ(fixed.done_on().month(), 5);  // the corrected update's day
  pb::ListProgressUpdatesRequest list;
  list.set_parent(task.name());
  pb::ListProgressUpdatesResponse history;
  ASSERT_TRUE(
      stub().ListProgressUpdates(Ctx("ListProgressUpdates", Admin(school_)).get(), list, &history).ok());
  ASSERT_EQ(history.progress_updates_size(), 3);
  EXPECT_EQ(history.progress_updates(1).superseded_by(), fixed.name());
  pb::GetTaskRequest get;
  get.set_name(task.name());
  pb::Task reopened;
  ASSERT_TRUE(stub().GetTask(Ctx("GetTask", Admin(school_)).get(), get, &reopened).ok());
  EXPECT_EQ(reopened.status(), pb::TASK_STATUS_IN_PROGRESS);
  EXPECT_EQ(reopened.percent_done(), 70);
  EXPECT_FALSE(reopened.has_done_on());
  pb::ProgressUpdate done;
  ASSERT_TRUE(add(task, 100, ProtoDate(2024, 6, 10), "", &done).ok());
  pb::Task finished;
  ASSERT_TRUE(stub().GetTask(Ctx("GetTask", Admin(school_)).get(), get, &finished).ok());
  EXPECT_EQ(finished.done_on().day(), 10);
}

TEST_F(TaskServiceTest, WorkDoneIsListedAcrossTasksAndCountedInBothSummaries) {
  SetNow(At(2024, 12, 3));
  pb::Plan plan = CreatePlan(school_);
  pb::Task a = CreateTask(plan.name(), "1.1", ProtoDate(2024, 12, 31));
  pb::Task b = CreateTask(plan.name(), "1.2", ProtoDate(2024, 12, 31));
  auto add = [&](const pb::Task& t, int percent, parhub::common::v1::Date done_on) {
    pb::AddProgressUpdateRequest r;
    r.set_parent(t.name());
    r.mutable_progress_update()->set_percent_done(percent);
    *r.mutable_progress_update()->mutable_done_on() = done_on;
    pb::Evidence* e = r.mutable_progress_update()->add_evidence();
    e->set_document_number("BC-" + std::to_string(percent));
    e->set_sha256(std::string(64, 'b'));
    r.set_request_id(platform::RandomId());
    pb::ProgressUpdate out;
    ASSERT_TRUE(stub().AddProgressUpdate(Ctx("AddProgressUpdate", Admin(school_)).get(), r, &out).ok());
  };
  add(a, 30, ProtoDate(2024, 2, 1));
  add(a, 100, ProtoDate(2024, 3, 10));
  add(b, 50, ProtoDate(2024, 3, 12));
  add(b, 60, ProtoDate(2024, 5, 1));
  for (const std::string& parent : {plan.name() + "/tasks/-", "schools/" + school_ + "/plans/-/tasks/-"}) {
    pb::ListProgressUpdatesRequest list;
    list.set_parent(parent);
    *list.mutable_done_after() = ProtoDate(2023, 12, 15);
    *list.mutable_done_before() = ProtoDate(2024, 3, 14);
    list.set_exclude_superseded(true);
    list.set_page_size(2);
    std::vector<pb::ProgressUpdate> seen;
    do {
      pb::ListProgressUpdatesResponse page;
      ASSERT_TRUE(
          stub().ListProgressUpdates(Ctx("ListProgressUpdates", Admin(school_)).get(), list, &page).ok());
      seen.insert(seen.end(), page.progress_updates().begin(), page.progress_updates().end());
      list.set_page_token(page.next_page_token());
    } while (!list.page_token().empty());
    ASSERT_EQ(seen.size(), 3u) << parent;
    for (const auto& u : seen) EXPECT_EQ(u.evidence(0).sha256(), std::string(64, 'b'));
    // Another school sees nothing, wildcard or not.
    list.set_page_token("");
    pb::ListProgressUpdatesResponse none;
    EXPECT_EQ(
        stub().ListProgressUpdates(Ctx("ListProgressUpdates", Admin(other_)).get(), list, &none).error_code(),
        grpc::StatusCode::NOT_FOUND);
  }
  pb::ListProgressUpdatesRequest bad;
  bad.set_parent("schools/" + school_ + "/plans/-/tasks/" + IdOfName(a.name()));
  pb::ListProgressUpdatesResponse out;
  EXPECT_EQ(
      ViolatedField(stub().ListProgressUpdates(Ctx("ListProgressUpdates", Admin(school_)).get(), bad, &out)),
      "parent");
  pb::SummarizeTasksRequest request;
  request.set_school("schools/" + school_);
  *request.mutable_period_start() = ProtoDate(2023, 12, 15);
  *request.mutable_period_end() = ProtoDate(2024, 3, 14);
  pb::TaskSummary summary;
  ASSERT_TRUE(stub()
                  .SummarizeTasks(Ctx("SummarizeTasks", As(Role::kService, school_)).get(), request, &summary)
                  .ok());
  EXPECT_EQ(summary.total(), 0);  // nothing was due in quý I
  EXPECT_EQ(summary.completed_in_period(), 1);
  EXPECT_EQ(summary.progressed_in_period(), 2);
  EXPECT_EQ(summary.progress_entries_in_period(), 3);
  EXPECT_EQ(summary.evidence_in_period(), 3);
  pb::BatchSummarizeTasksRequest batch;
  batch.add_schools("schools/" + school_);
  *batch.mutable_period_start() = request.period_start();
  *batch.mutable_period_end() = request.period_end();
  pb::BatchSummarizeTasksResponse batched;
  ASSERT_TRUE(
      stub()
          .BatchSummarizeTasks(Ctx("BatchSummarizeTasks", As(Role::kService, "")).get(), batch, &batched)
          .ok());
  ASSERT_EQ(batched.summaries_size(), 1);
  EXPECT_EQ(batched.summaries(0).SerializeAsString(), summary.SerializeAsString());
}

TEST_F(TaskServiceTest, ArchivedPlansAreHiddenUnlessAskedAndIssueDatesFitTheYear) {
  pb::Plan plan = CreatePlan(school_);
  pb::UpdatePlanRequest update;
  update.mutable_plan()->set_name(plan.name());
  update.mutable_plan()->set_status(pb::PLAN_STATUS_ARCHIVED);
  update.mutable_update_mask()->add_paths("status");
  update.set_request_id(platform::RandomId());
  pb::Plan archived;
  ASSERT_TRUE(stub().UpdatePlan(Ctx("UpdatePlan", Admin(school_)).get(), update, &archived).ok());
  EXPECT_EQ(archived.status(), pb::PLAN_STATUS_ARCHIVED);
  pb::ListPlansRequest list;
  list.set_parent("schools/" + school_);
  pb::ListPlansResponse plans;
  ASSERT_TRUE(stub().ListPlans(Ctx("ListPlans", Admin(school_)).get(), list, &plans).ok());
  EXPECT_EQ(plans.plans_size(), 0);
  list.set_show_archived(true);
  ASSERT_TRUE(stub().ListPlans(Ctx("ListPlans", Admin(school_)).get(), list, &plans).ok());
  EXPECT_EQ(plans.plans_size(), 1);
  pb::Task refused;
  grpc::Status locked =
      stub().CreateTask(Ctx("CreateTask", Admin(school_)).get(), TaskRequest(plan.name(), "1.1"), &refused);
  EXPECT_EQ(locked.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(locked.error_message(), HasSubstr("lưu trữ"));
  pb::CreatePlanRequest early;
  early.set_parent("schools/" + school_);
  early.set_plan_id("par-2027");
  early.mutable_plan()->set_title("Kế hoạch năm 2027");
  early.mutable_plan()->set_year(2027);
  *early.mutable_plan()->mutable_issue_date() = ProtoDate(2026, 5, 4);
  early.set_request_id(platform::RandomId());
  pb::Plan created;
  EXPECT_EQ(ViolatedField(stub().CreatePlan(Ctx("CreatePlan", Admin(school_)).get(), early, &created)),
            "plan.issue_date");
}

}  // namespace
}  // namespace parhub::tasks
