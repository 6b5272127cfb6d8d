// The staffing service's integration-test fixture: a real gRPC server over
// MariaDB with the embedded downsizing catalog (one per test binary), called
// with signed identities as the gateway sends them, a fixed clock tests may
// move, two fresh schools per test and helpers that create staff and ratings
// through the API.
#ifndef PARHUB_SERVICES_STAFFING_TESTS_STAFFING_FIXTURE_H_
#define PARHUB_SERVICES_STAFFING_TESTS_STAFFING_FIXTURE_H_

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>

#include "platform/core/resource_name.h"
#include "platform/testing/fixtures.h"
#include "platform/testing/in_process_server.h"
#include "services/staffing/rpc/convert.h"
#include "services/staffing/rpc/staffing_service.h"
#include "services/staffing/store/mysql_staffing_store.h"

namespace parhub::staffing {

struct Harness {
  std::atomic<int64_t> now_micros{absl::ToUnixMicros(::parhub::testing::At(2025, 10, 1))};
  std::unique_ptr<::parhub::testing::InProcessServer> server;
  LoadedCatalog catalog;
  std::unique_ptr<MySqlStaffingStore> store;
  std::unique_ptr<Roster> roster;
  std::unique_ptr<RatingBook> ratings;
  std::unique_ptr<DownsizingDesk> desk;
  std::unique_ptr<InspectionBook> inspections;
  std::unique_ptr<StaffVoice> voice;
  std::unique_ptr<StaffingSummarizer> summarizer;
  std::unique_ptr<StaffingServiceImpl> service;
  std::unique_ptr<pb::StaffingService::Stub> stub;
};
inline Harness* harness = nullptr;

class StaffingServiceTest : public ::testing::Test {
 protected:
  using Caller = ::parhub::platform::Caller;
  using Role = ::parhub::platform::Role;

  static void SetUpTestSuite() {
    harness = new Harness;
    Clock clock = [] { return absl::FromUnixMicros(harness->now_micros.load()); };
    harness->server = std::make_unique<::parhub::testing::InProcessServer>(
        pb::StaffingService::service_full_name(), "staffing", StaffingMigrations());
    auto loaded = LoadEmbeddedCatalog();
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    harness->catalog = *std::move(loaded);
    harness->store = std::make_unique<MySqlStaffingStore>(harness->server->db());
    harness->roster = std::make_unique<Roster>(*harness->store, clock);
    harness->ratings = std::make_unique<RatingBook>(*harness->store, clock);
    harness->desk = std::make_unique<DownsizingDesk>(*harness->store, harness->catalog.catalog, clock);
    harness->inspections = std::make_unique<InspectionBook>(*harness->store, clock);
    harness->voice = std::make_unique<StaffVoice>(*harness->store, clock);
    harness->summarizer = std::make_unique<StaffingSummarizer>(*harness->store, *harness->desk, clock);
    harness->service = std::make_unique<StaffingServiceImpl>(
        harness->server->handlers(), *harness->roster, *harness->ratings, *harness->desk,
        *harness->inspections, *harness->voice, *harness->summarizer);
    harness->service->SetCatalogProto(harness->catalog.proto);
    harness->server->Start(harness->service.get());
    harness->stub = pb::StaffingService::NewStub(harness->server->channel());
  }
  static void TearDownTestSuite() {
    harness->stub.reset();
    harness->server.reset();
    delete harness;
    harness = nullptr;
  }

  StaffingServiceTest() : school_("s-" + platform::RandomHex(4)), other_("o-" + platform::RandomHex(4)) {
    SetNow(::parhub::testing::At(2025, 10, 1));
  }

  static void SetNow(absl::Time t) { harness->now_micros = absl::ToUnixMicros(t); }
  pb::StaffingService::Stub& stub() { return *harness->stub; }

  Caller As(Role role, const std::string& school, const std::string& authority = "") {
    return ::parhub::testing::TestCaller(role, school, authority);
  }
  Caller Admin(const std::string& school) { return As(Role::kSchoolAdmin, school); }
  Caller Officer(const std::string& school) {
    return As(Role::kAuthorityOfficer, school, "phuong-ben-thanh");
  }
  std::unique_ptr<grpc::ClientContext> Ctx(const std::string& method, const Caller& caller) {
    return harness->server->Context(caller, method);
  }

  pb::CreateStaffRequest StaffRequest(const std::string& school, const std::string& code,
                                      pb::EmploymentType type = pb::EMPLOYMENT_TYPE_PUBLIC_EMPLOYEE) {
    pb::CreateStaffRequest request;
    request.set_parent("schools/" + school);
    pb::Staff* s = request.mutable_staff();
    s->set_staff_code(code);
    s->set_display_name("Nguyễn Thị " + code);
    s->set_position("Giáo viên");
    s->set_employment_type(type);
    s->set_budget_paid(true);
    *s->mutable_start_date() = ::parhub::testing::ProtoDate(2015, 9, 1);
    *s->mutable_birth_date() = ::parhub::testing::ProtoDate(1990, 4, 30);
    s->set_id_number("079190012345");
    request.set_request_id(platform::RandomId());
    return request;
  }

  pb::Staff CreateStaff(const std::string& school, const std::string& code,
                        pb::EmploymentType type = pb::EMPLOYMENT_TYPE_PUBLIC_EMPLOYEE) {
    pb::Staff staff;
    grpc::Status status =
        stub().CreateStaff(Ctx("CreateStaff", Admin(school)).get(), StaffRequest(school, code, type), &staff);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return staff;
  }

  grpc::Status Rate(const pb::Staff& staff, int year, int quarter, pb::RatingGrade grade) {
    std::string school = platform::ParseName("schools/{s}/staff/{t}", staff.name(), "n").value()[0];
    pb::CreateRatingRequest request;
    request.set_parent(staff.name());
    request.mutable_rating()->set_year(year);
    request.mutable_rating()->set_quarter(quarter);
    request.mutable_rating()->set_grade(grade);
    request.set_request_id(platform::RandomId());
    pb::Rating rating;
    return stub().CreateRating(Ctx("CreateRating", Admin(school)).get(), request, &rating);
  }

  pb::CreateDownsizingRecordRequest RecordRequest(const pb::Staff& staff, const std::string& category,
                                                  bool volunteered = false) {
    pb::CreateDownsizingRecordRequest request;
    request.set_parent("schools/" + school_);
    pb::DownsizingRecord* r = request.mutable_downsizing_record();
    r->set_staff(staff.name());
    r->set_decree("154/2025/ND-CP");
    r->set_category(category);
    r->set_policy("nd154-early-retirement");
    *r->mutable_proposed_date() = ::parhub::testing::ProtoDate(2025, 9, 15);
    r->set_volunteered(volunteered);
    request.set_request_id(platform::RandomId());
    return request;
  }

  grpc::Status ImportCsv(const std::string& csv, pb::ImportStaffRosterResponse* response, bool skip = false) {
    pb::ImportStaffRosterRequest request;
    request.set_parent("schools/" + school_);
    request.set_csv(csv);
    request.set_skip_invalid_rows(skip);
    request.set_request_id(platform::RandomId());
    return stub().ImportStaffRoster(Ctx("ImportStaffRoster", Admin(school_)).get(), request, response);
  }

  int CountStaff(const std::string& school) {
    pb::ListStaffRequest request;
    request.set_parent("schools/" + school);
    request.set_page_size(500);
    pb::ListStaffResponse response;
    grpc::Status status = stub().ListStaff(Ctx("ListStaff", Admin(school)).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.staff_size();
  }

  std::string school_;
  std::string other_;
};

}  // namespace parhub::staffing

#endif  // PARHUB_SERVICES_STAFFING_TESTS_STAFFING_FIXTURE_H_
