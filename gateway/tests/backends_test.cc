// The backend registry and what a client sees of a backend's failure: a
// backend's own answers (with parhub's error details) pass unchanged, while
// transport and process failures keep their code but become a sentence
// naming the service, with no address or gRPC library text. Connect refuses
// malformed or repeated --backends entries; channels connect lazily, so no
// server runs.
#include "gateway/backends.h"

#include <gmock/gmock.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "platform/core/errors.h"
#include "platform/rpc/grpc_status.h"
#include "platform/testing/status_matchers.h"

namespace parhub::gateway {
namespace {

using ::parhub::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

const BackendSpec& Tasks() {
  for (const BackendSpec& spec : KnownBackends()) {
    if (spec.name == "tasks") return spec;
  }
  std::abort();
}

TEST(ForClient, BackendAnswersWithDetailsPassUnchanged) {
  grpc::Status answer = platform::ToGrpcStatus(platform::InvalidField("task.title", "bắt buộc (required)"));
  ASSERT_FALSE(answer.error_details().empty());
  grpc::Status seen = ForClient(answer, Tasks());
  EXPECT_EQ(seen.error_code(), answer.error_code());
  EXPECT_EQ(seen.error_message(), answer.error_message());
  EXPECT_EQ(seen.error_details(), answer.error_details());
  EXPECT_TRUE(ForClient(grpc::Status::OK, Tasks()).ok());
}

TEST(ForClient, TransportFailuresNameTheServiceAndHideTheAddress) {
  const struct {
    grpc::StatusCode code;
    const char* library_text;
  } kCases[] = {
      {grpc::StatusCode::UNAVAILABLE,
       "failed to connect to all addresses; last error: UNKNOWN: ipv4:127.0.0.1:50052: Failed to connect to "
       "remote host: Connection refused"},
      {grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded"},
      {grpc::StatusCode::INTERNAL, "Received RST_STREAM with error code 2 from ipv4:127.0.0.1:50052"},
      {grpc::StatusCode::RESOURCE_EXHAUSTED, "Received message larger than max (5000000 vs. 4194304)"},
      {grpc::StatusCode::UNKNOWN, "Stream removed"},
  };
  for (const auto& c : kCases) {
    grpc::Status seen = ForClient(grpc::Status(c.code, c.library_text), Tasks());
    EXPECT_EQ(seen.error_code(), c.code) << c.library_text;
    EXPECT_THAT(seen.error_message(), AllOf(HasSubstr(Tasks().label), Not(HasSubstr("127.0.0.1")),
                                            Not(HasSubstr("ipv4")), Not(HasSubstr(c.library_text))))
        << c.library_text;
  }
  grpc::Status cancelled = ForClient(grpc::Status(grpc::StatusCode::CANCELLED, "Cancelled"), Tasks());
  EXPECT_EQ(cancelled.error_code(), grpc::StatusCode::CANCELLED);
  EXPECT_THAT(cancelled.error_message(), HasSubstr("request cancelled"));
}

TEST(Backends, MalformedEntriesAreInvalidArgument) {
  for (const char* addresses : {"tasks", "=x", "nosuch=1:2", "tasks=", "tasks=t:1,nosuch=1:2",
                                "tasks=tasks-host", "tasks=:50052", "tasks=t:", "tasks=a:1,tasks=b:2"}) {
    absl::StatusOr<std::unique_ptr<Backends>> backends =
        Backends::Connect(addresses, grpc::InsecureChannelCredentials());
    EXPECT_THAT(backends, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("known backend name")))
        << addresses;
    if (!backends.ok()) {
      ASSERT_EQ(platform::FieldViolations(backends.status()).size(), 1u);
      EXPECT_EQ(platform::FieldViolations(backends.status())[0].field, "backends");
    }
  }
}

TEST(Backends, MethodsMapToConfiguredOrDefaultBackends) {
  ASSERT_OK_AND_ASSIGN(
      std::unique_ptr<Backends> backends,
      Backends::Connect(" tasks = tasks.internal:7001 ,", grpc::InsecureChannelCredentials()));
  const Backend* tasks = backends->ForMethod("/parhub.tasks.v1.TaskService/GetTask");
  ASSERT_NE(tasks, nullptr);
  EXPECT_EQ(tasks->spec.name, "tasks");
  EXPECT_EQ(tasks->address, "tasks.internal:7001");
  EXPECT_NE(tasks->channel, nullptr);
  EXPECT_NE(tasks->stub, nullptr);
  EXPECT_EQ(&backends->Named("tasks"), tasks);
  const Backend* directory = backends->ForMethod("/parhub.directory.v1.DirectoryService/GetSchool");
  ASSERT_NE(directory, nullptr);
  EXPECT_EQ(directory->spec.name, "directory");
  EXPECT_EQ(directory->address, directory->spec.default_address);  // not listed: default address
  EXPECT_EQ(backends->ForMethod("/parhub.nosuch.v1.NoService/Get"), nullptr);
  EXPECT_EQ(backends->ForMethod("parhub.tasks.v1.TaskService.GetTask"), nullptr);
  EXPECT_EQ(backends->ForMethod(""), nullptr);
}

TEST(Backends, ReportingIsRegisteredAtItsOwnPort) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Backends> backends,
                       Backends::Connect("", grpc::InsecureChannelCredentials()));
  const Backend* reporting = backends->ForMethod("/parhub.reporting.v1.ReportingService/GetReport");
  ASSERT_NE(reporting, nullptr);
  EXPECT_EQ(reporting->spec.name, "reporting");
  EXPECT_EQ(reporting->address, "127.0.0.1:50056");
  EXPECT_EQ(reporting->spec.label, "dịch vụ báo cáo (reporting service)");
}

TEST(Backends, EmptyConfigurationDialsEveryDefault) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<Backends> backends,
                       Backends::Connect("", grpc::InsecureChannelCredentials()));
  for (const BackendSpec& spec : KnownBackends()) {
    EXPECT_EQ(backends->Named(spec.name).address, spec.default_address) << spec.name;
  }
}

}  // namespace
}  // namespace parhub::gateway
