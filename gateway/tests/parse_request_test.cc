// The proxy's request parser: a request that protobuf refuses because a
// string field is not UTF-8 is answered with a field violation naming that
// field (it reaches the client as google.rpc.BadRequest); other unparseable
// bytes stay "malformed request"; good requests parse into the method's type.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "gateway/proxy.h"
#include "parhub/tasks/v1/tasks.pb.h"
#include "platform/core/errors.h"
#include "platform/rpc/grpc_status.h"
#include "platform/rpc/utf8_field.h"
#include "platform/testing/status_matchers.h"

namespace parhub::gateway {
namespace {

using ::parhub::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kCreateTask[] = "/parhub.tasks.v1.TaskService/CreateTask";

tasks::v1::CreateTaskRequest CreateTask(const std::string& title) {
  tasks::v1::CreateTaskRequest request;
  request.set_parent("schools/mn-2010/plans/par-2024");
  request.set_request_id("8b1c6f3e");
  request.mutable_task()->set_code("1.5");
  request.mutable_task()->set_title(title);
  return request;
}

TEST(ParseRequest, GoodRequestParsesIntoTheMethodsType) {
  ASSERT_OK_AND_ASSIGN(auto parsed,
                       ParseRequest(kCreateTask, CreateTask("Nguyễn Văn Đức 😀").SerializeAsString()));
  EXPECT_EQ(parsed->GetDescriptor(), tasks::v1::CreateTaskRequest::descriptor());
  EXPECT_EQ(static_cast<const tasks::v1::CreateTaskRequest&>(*parsed).task().title(), "Nguyễn Văn Đức 😀");
  EXPECT_EQ(platform::InvalidUtf8Field(*tasks::v1::CreateTaskRequest::descriptor(),
                                       CreateTask("Nguyễn Văn Đức").SerializeAsString()),
            "");
}

TEST(ParseRequest, InvalidUtf8NamesTheField) {
  std::string bytes = CreateTask("\xC3\x28").SerializeAsString();
  EXPECT_EQ(platform::InvalidUtf8Field(*tasks::v1::CreateTaskRequest::descriptor(), bytes), "task.title");
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> parsed = ParseRequest(kCreateTask, bytes);
  EXPECT_THAT(parsed, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("task.title")));
  std::vector<platform::FieldViolation> violations = platform::FieldViolations(parsed.status());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "task.title");
  EXPECT_EQ(violations[0].description, "không phải UTF-8 hợp lệ (not valid UTF-8)");
  EXPECT_FALSE(platform::ToGrpcStatus(parsed.status()).error_details().empty());
}

// Protobuf and our validator must agree, or a refused request would be
// blamed on "malformed request" (or a field blamed wrongly).
TEST(ParseRequest, ProtobufRefusesExactlyWhatTheValidatorRefuses) {
  for (const char* title : {"\xC3\x28", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xED\xBF\xBF",
                            "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\x80", "Nguy\xE1\xBB", "\xFF"}) {
    ASSERT_FALSE(platform::IsValidUtf8(title)) << title;
    EXPECT_THAT(ParseRequest(kCreateTask, CreateTask(title).SerializeAsString()),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("task.title")));
  }
  for (const char* title : {"Nguyễn Văn Đức", "\xF0\x9F\x98\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                            "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBE"}) {
    ASSERT_TRUE(platform::IsValidUtf8(title)) << title;
    EXPECT_OK(ParseRequest(kCreateTask, CreateTask(title).SerializeAsString()).status());
  }
}

TEST(ParseRequest, InvalidUtf8InARepeatedNestedMessage) {
  tasks::v1::AddProgressUpdateRequest request;
  request.set_parent("schools/mn-2010/plans/p/tasks/t");
  auto* update = request.mutable_progress_update();
  update->set_note("Đã họp phụ huynh");
  update->add_evidence()->set_title("Biên bản họp");
  update->add_evidence()->set_document_number("\xED\xA0\x80");  // a surrogate
  EXPECT_THAT(
      ParseRequest("/parhub.tasks.v1.TaskService/AddProgressUpdate", request.SerializeAsString()),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("progress_update.evidence[1].document_number")));
}

TEST(ParseRequest, OtherUnparseableBytesStayMalformed) {
  std::string good = CreateTask("Kế hoạch").SerializeAsString();
  for (const std::string& bytes :
       {good.substr(0, good.size() - 3), std::string("\xFF\xFF\xFF\xFF", 4), std::string("\x0A\x7F", 2)}) {
    EXPECT_THAT(ParseRequest(kCreateTask, bytes),
                StatusIs(absl::StatusCode::kInvalidArgument, "Yêu cầu không đọc được (malformed request)"));
  }
  EXPECT_THAT(ParseRequest("/parhub.tasks.v1.TaskService/NoSuchMethod", good),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseRequest("nonsense", good), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ParseRequest("", good), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parhub::gateway
