// Tests of platform/core/url.h: what a link in evidence may be.
#include "platform/core/url.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "platform/core/errors.h"
#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kField[] = "progress_update.evidence[0].uri";

TEST(ValidateHttpUrl, AcceptsAbsoluteHttpAndHttpsLinks) {
  for (const char* url : {
           "https://vanban.hochiminhcity.gov.vn/", "http://example.com",
           "https://example.com:8443/a/b?c=d&e=%C3%A1#top", "HTTPS://EXAMPLE.COM/Path",
           "https://xn--bcgiodc-wvaa.vn/minh-chung.pdf",  // punycode host
           "https://192.0.2.10/report", "https://[2001:db8::1]/report",
           "https://drive.example.com/file/d/1AbC-_xyz/view?usp=sharing",
           "https://example.com/a@b",  // '@' in the path is not userinfo
       }) {
    EXPECT_OK(ValidateHttpUrl(url, kField)) << url;
  }
}

TEST(ValidateHttpUrl, RejectsOtherSchemesAndRelativeLinks) {
  for (const char* url : {
           "javascript:alert(1)",
           "JavaScript:alert(1)",
           "data:text/html;base64,PHNjcmlwdD4=",
           "file:///etc/passwd",
           "ftp://example.com/a",
           "mailto:a@example.com",
           "vbscript:msgbox",
           "//example.com/path",
           "www.example.com",
           "/relative/path",
           "example",
       }) {
    auto status = ValidateHttpUrl(url, kField);
    EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument)) << url;
    ASSERT_EQ(FieldViolations(status).size(), 1u) << url;
    EXPECT_EQ(FieldViolations(status)[0].field, kField);
  }
}

TEST(ValidateHttpUrl, RejectsMissingHost) {
  for (const char* url : {"http://", "https://", "http:///path", "https:/example.com/", "https:example.com",
                          "https://:443/", "https://?q=1", "https://#top"}) {
    EXPECT_THAT(ValidateHttpUrl(url, kField), StatusIs(absl::StatusCode::kInvalidArgument)) << url;
  }
}

TEST(ValidateHttpUrl, RejectsSpacesControlsAndBackslashes) {
  for (std::string url :
       {std::string("https://a b"), std::string("https://example.com/a b"),
        std::string("https://example.com/\t"), std::string("https://exa\nmple.com/"),
        std::string("https://example.com/\x7f"), std::string("https://example.com\\@evil.com/"),
        std::string("https://example.com/\0x", 22)}) {
    EXPECT_THAT(ValidateHttpUrl(url, kField), StatusIs(absl::StatusCode::kInvalidArgument)) << url;
  }
}

TEST(ValidateHttpUrl, RejectsUserInfo) {
  for (const char* url : {"http://user:pw@host/", "https://user@example.com/", "https://:pw@example.com/",
                          "https://example.com@evil.example/"}) {
    EXPECT_THAT(ValidateHttpUrl(url, kField),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("password")))
        << url;
  }
}

TEST(ValidateHttpUrl, RejectsUnicodeHostsAndUnencodedText) {
  // Look-alike letters: the Cyrillic "а" in "exаmple".
  EXPECT_THAT(ValidateHttpUrl("https://ex\xd0\xb0mple.com/", kField),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("punycode")));
  EXPECT_THAT(ValidateHttpUrl("https://bộgiáodục.vn/", kField), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateHttpUrl("https://example.com/tài-liệu", kField),
              StatusIs(absl::StatusCode::kInvalidArgument));
  // A right-to-left override hidden in the path.
  EXPECT_THAT(ValidateHttpUrl("https://example.com/\u202Efdp.exe", kField),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(ValidateHttpUrl, LengthLimit) {
  std::string base = "https://example.com/";
  std::string at_limit = base + std::string(kMaxUrlLength - base.size(), 'a');
  EXPECT_OK(ValidateHttpUrl(at_limit, kField));
  EXPECT_THAT(ValidateHttpUrl(at_limit + "a", kField),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("2000")));
  EXPECT_THAT(ValidateHttpUrl(base + std::string(100000, 'a'), kField),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateHttpUrl("", kField), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parhub::platform
