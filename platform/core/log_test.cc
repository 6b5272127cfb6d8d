// Tests of platform/core/log.h: JSON escaping and the thread's trace id.
#include "platform/core/log.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace parhub::platform {
namespace {

TEST(Log, JsonEscapeQuotesBackslashesAndControls) {
  EXPECT_EQ(JsonEscape(R"(say "hi" \ bye)"), R"(say \"hi\" \\ bye)");
  EXPECT_EQ(JsonEscape("a\nb\tc\rd"), R"(a\nb\tc\rd)");
  EXPECT_EQ(JsonEscape(std::string("\x01", 1)), R"(\u0001)");
  EXPECT_EQ(JsonEscape("Trường Mầm non"), "Trường Mầm non");  // UTF-8 passes through
}

TEST(Log, ScopedTraceIdNestsAndRestores) {
  EXPECT_EQ(CurrentTraceId(), "");
  {
    ScopedTraceId outer("trace-1");
    EXPECT_EQ(CurrentTraceId(), "trace-1");
    {
      ScopedTraceId inner("trace-2");
      EXPECT_EQ(CurrentTraceId(), "trace-2");
    }
    EXPECT_EQ(CurrentTraceId(), "trace-1");
  }
  EXPECT_EQ(CurrentTraceId(), "");
}

TEST(Log, TraceIdBelongsToOneThread) {
  ScopedTraceId mine("trace-main");
  std::string seen = "unset";
  std::thread other([&] { seen = CurrentTraceId(); });
  other.join();
  EXPECT_EQ(seen, "");
  EXPECT_EQ(CurrentTraceId(), "trace-main");
}

}  // namespace
}  // namespace parhub::platform
