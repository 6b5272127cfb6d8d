// Strict UTF-8 validation and naming the field that holds invalid UTF-8, on
// the proto3 messages of error details: google.rpc.Status (a repeated Any), BadRequest
// (a repeated nested message), ErrorInfo (a map) and google.protobuf.Value
// (recursive); garbage never crashes it and never contradicts protobuf. The
// gateway's parse_request_test.cc covers a service request (CreateTask).
#include "platform/rpc/utf8_field.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/stubs/logging.h>
#include <gtest/gtest.h>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace parhub::platform {
namespace {

using ::google::rpc::BadRequest;
using ::google::rpc::ErrorInfo;
using RpcStatus = ::google::rpc::Status;

constexpr char kBadTwoByte[] = "\xC3\x28";  // lead byte followed by '('

TEST(IsValidUtf8, AcceptsVietnameseEmojiAndEdges) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("Nguyễn Văn Đức"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));
}

TEST(IsValidUtf8, RejectsMalformedOverlongSurrogatesAndTooLarge) {
  EXPECT_FALSE(IsValidUtf8(kBadTwoByte));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong '/', three bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));  // overlong '/', four bytes
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800, a surrogate
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\x80"));                // continuation without a lead
  EXPECT_FALSE(IsValidUtf8("Nguy\xE1\xBB"));        // cut at the end
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x98 smile"));  // cut in the middle
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(InvalidUtf8Field, NamesTopLevelField) {
  RpcStatus status;
  status.set_code(3);
  status.set_message(kBadTwoByte);
  EXPECT_EQ(InvalidUtf8Field(*RpcStatus::descriptor(), status.SerializeAsString()), "message");
  status.set_message("Nguyễn Văn Đức 😀");
  EXPECT_EQ(InvalidUtf8Field(*RpcStatus::descriptor(), status.SerializeAsString()), "");
}

TEST(InvalidUtf8Field, NamesElementOfRepeatedNestedMessage) {
  BadRequest bad;
  auto* first = bad.add_field_violations();
  first->set_field("task.title");
  first->set_description("Trường bắt buộc");
  auto* second = bad.add_field_violations();
  second->set_field("task.code");
  second->set_description("\xED\xA0\x80");
  EXPECT_EQ(InvalidUtf8Field(*BadRequest::descriptor(), bad.SerializeAsString()),
            "field_violations[1].description");
}

TEST(InvalidUtf8Field, FirstInWireOrderWins) {
  BadRequest bad;
  bad.add_field_violations()->set_field("\xC0\xAF");
  bad.add_field_violations()->set_description(kBadTwoByte);
  EXPECT_EQ(InvalidUtf8Field(*BadRequest::descriptor(), bad.SerializeAsString()),
            "field_violations[0].field");
}

TEST(InvalidUtf8Field, NamesMapByItsFieldName) {
  ErrorInfo info;
  info.set_reason("REQUEST_ID_REUSED");
  (*info.mutable_metadata())["school"] = kBadTwoByte;
  EXPECT_EQ(InvalidUtf8Field(*ErrorInfo::descriptor(), info.SerializeAsString()), "metadata");
  ErrorInfo bad_key;
  (*bad_key.mutable_metadata())[kBadTwoByte] = "x";
  EXPECT_EQ(InvalidUtf8Field(*ErrorInfo::descriptor(), bad_key.SerializeAsString()), "metadata");
}

TEST(InvalidUtf8Field, BytesFieldsAndUnknownFieldsAreNotText) {
  // Any.value is `bytes`: anything goes. Field 9 is unknown to RpcStatus.
  RpcStatus status;
  status.add_details()->set_value("\xFF\xFE");
  std::string bytes = status.SerializeAsString();
  bytes += std::string("\x4A\x02\xC3\x28", 4);  // field 9, length-delimited, invalid UTF-8
  EXPECT_EQ(InvalidUtf8Field(*RpcStatus::descriptor(), bytes), "");
}

TEST(InvalidUtf8Field, TruncatedOrGarbageBytesAreNotBlamedOnAField) {
  BadRequest bad;
  bad.add_field_violations()->set_field("task.title");
  std::string good = bad.SerializeAsString();
  for (size_t cut = 0; cut < good.size(); ++cut) {
    EXPECT_EQ(InvalidUtf8Field(*BadRequest::descriptor(), good.substr(0, cut)), "") << cut;
  }
  EXPECT_EQ(InvalidUtf8Field(*BadRequest::descriptor(), std::string("\x0A\xFF\xFF\xFF\xFF\x0F", 6)), "");
  EXPECT_EQ(InvalidUtf8Field(*BadRequest::descriptor(), std::string("\x00\x00\x00", 3)), "");
  EXPECT_EQ(InvalidUtf8Field(*BadRequest::descriptor(), "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF"), "");
  EXPECT_EQ(InvalidUtf8Field(*BadRequest::descriptor(), "\x0C"), "");  // a lone END_GROUP
  // A nested length that runs past the end of the outer message.
  EXPECT_EQ(InvalidUtf8Field(*BadRequest::descriptor(), std::string("\x0A\x10\x0A\x02\xC3", 5)), "");
}

TEST(InvalidUtf8Field, EverySingleByteCorruptionIsSafeAndAgreesWithProtobuf) {
  google::protobuf::LogSilencer quiet;  // protobuf logs each UTF-8 refusal
  ErrorInfo info;
  info.set_reason("Đã tồn tại");
  (*info.mutable_metadata())["trường"] = "mn-2010";
  BadRequest bad;
  bad.add_field_violations()->set_field("task.title");
  bad.add_field_violations()->set_description("Nguyễn Văn Đức");
  for (const google::protobuf::Message* message : {static_cast<const google::protobuf::Message*>(&info),
                                                   static_cast<const google::protobuf::Message*>(&bad)}) {
    const std::string good = message->SerializeAsString();
    std::unique_ptr<google::protobuf::Message> parsed(message->New());
    for (size_t i = 0; i < good.size(); ++i) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string bytes = good;
        bytes[i] = static_cast<char>(byte);
        std::string field = InvalidUtf8Field(*message->GetDescriptor(), bytes);
        // Whatever protobuf accepts holds no invalid string to name.
        if (parsed->ParseFromString(bytes)) EXPECT_EQ(field, "") << i << " " << byte;
      }
    }
  }
}

// google.protobuf.Value nests through ListValue: `depth` lists deep, then a bad string.
google::protobuf::Value NestedBadString(int depth) {
  google::protobuf::Value value;
  value.set_string_value(kBadTwoByte);
  for (int i = 0; i < depth; ++i) {
    google::protobuf::Value outer;
    *outer.mutable_list_value()->add_values() = std::move(value);
    value = std::move(outer);
  }
  return value;
}

TEST(InvalidUtf8Field, FollowsRecursiveMessages) {
  EXPECT_EQ(InvalidUtf8Field(*google::protobuf::Value::descriptor(), NestedBadString(2).SerializeAsString()),
            "list_value.values[0].list_value.values[0].string_value");
}

TEST(InvalidUtf8Field, DeepNestingStopsAtTheParserRecursionLimit) {
  EXPECT_EQ(
      InvalidUtf8Field(*google::protobuf::Value::descriptor(), NestedBadString(1000).SerializeAsString()),
      "");
}

}  // namespace
}  // namespace parhub::platform
