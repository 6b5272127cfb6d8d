// Tests of platform/core/page.h: page sizes, opaque tokens, the fetch-one-
// more trim and numbered keys.
#include "platform/core/page.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "platform/core/errors.h"
#include "platform/testing/status_matchers.h"

namespace parhub::platform {
namespace {

using ::parhub::testing::IsOkAndHolds;
using ::parhub::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string Key(int n) { return absl::StrCat("k", n); }

TEST(PageTokens, RoundTripAndRejectForgeries) {
  EXPECT_THAT(DecodePageToken(EncodePageToken("1.5")), IsOkAndHolds(std::string("1.5")));
  EXPECT_THAT(DecodePageToken(""), IsOkAndHolds(std::string("")));
  EXPECT_THAT(DecodePageToken("garbage!"), StatusIs(absl::StatusCode::kInvalidArgument));
  // Valid base64 without the version prefix is not a token either.
  EXPECT_THAT(DecodePageToken(absl::WebSafeBase64Escape("1.5")),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(PageTokens, KeepTheirWireFormat) {
  // Tokens already handed to clients must keep working.
  EXPECT_EQ(EncodePageToken("2024/par-2024"), absl::WebSafeBase64Escape("p1:2024/par-2024"));
}

TEST(PageSizes, DefaultClampAndNegative) {
  EXPECT_THAT(PageSize(0, 50, 200), IsOkAndHolds(50));
  EXPECT_THAT(PageSize(7, 50, 200), IsOkAndHolds(7));
  EXPECT_THAT(PageSize(1000, 50, 200), IsOkAndHolds(200));
  EXPECT_THAT(PageSize(-1, 50, 200), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(PageRequests, CombineSizeAndCursor) {
  ASSERT_OK_AND_ASSIGN(PageRequest first, ParsePageRequest(0, "", 50, 200));
  EXPECT_EQ(first.size, 50);
  EXPECT_EQ(first.after, "");
  EXPECT_EQ(first.fetch_limit(), 51);
  ASSERT_OK_AND_ASSIGN(PageRequest next, ParsePageRequest(10, EncodePageToken("k9"), 50, 200));
  EXPECT_EQ(next.size, 10);
  EXPECT_EQ(next.after, "k9");
  auto bad_size = ParsePageRequest(-5, "garbage!", 50, 200);
  ASSERT_EQ(FieldViolations(bad_size.status()).size(), 1u);
  EXPECT_EQ(FieldViolations(bad_size.status())[0].field, "page_size");  // size is checked first
  auto bad_token = ParsePageRequest(5, "garbage!", 50, 200);
  ASSERT_EQ(FieldViolations(bad_token.status()).size(), 1u);
  EXPECT_EQ(FieldViolations(bad_token.status())[0].field, "page_token");
}

TEST(MakePage, TrimsTheExtraRowAndPointsAtTheLastKeptOne) {
  Page<int> page = MakePage(std::vector<int>{1, 2, 3, 4}, 3, Key);
  EXPECT_THAT(page.items, ElementsAre(1, 2, 3));
  EXPECT_THAT(DecodePageToken(page.next_page_token), IsOkAndHolds(std::string("k3")));
}

TEST(MakePage, LastPageHasNoToken) {
  Page<int> exact = MakePage(std::vector<int>{1, 2, 3}, 3, Key);
  EXPECT_THAT(exact.items, ElementsAre(1, 2, 3));
  EXPECT_EQ(exact.next_page_token, "");
  Page<int> empty = MakePage(std::vector<int>{}, 3, Key);
  EXPECT_THAT(empty.items, IsEmpty());
  EXPECT_EQ(empty.next_page_token, "");
}

TEST(MakePage, WalksAWholeListing) {
  std::vector<int> all = {1, 2, 3, 4, 5, 6, 7};
  std::vector<int> seen;
  std::string token;
  for (int pages = 0; pages < 10; ++pages) {
    ASSERT_OK_AND_ASSIGN(PageRequest request, ParsePageRequest(3, token, 50, 200));
    std::vector<int> fetched;
    for (int v : all) {
      if ((request.after.empty() || Key(v) > request.after) &&
          static_cast<int>(fetched.size()) < request.fetch_limit()) {
        fetched.push_back(v);
      }
    }
    Page<int> page = MakePage(std::move(fetched), request.size, Key);
    seen.insert(seen.end(), page.items.begin(), page.items.end());
    token = page.next_page_token;
    if (token.empty()) break;
  }
  EXPECT_EQ(seen, all);
}

TEST(NumberedKeys, RoundTripAndRejectMalformed) {
  EXPECT_EQ(EncodeNumberedKey(2024, "par-2024"), "2024/par-2024");
  ASSERT_OK_AND_ASSIGN(NumberedKey key, DecodeNumberedKey("1717200000000000/cd-1"));
  EXPECT_EQ(key.number, 1717200000000000);
  EXPECT_EQ(key.id, "cd-1");
  ASSERT_OK_AND_ASSIGN(NumberedKey slash, DecodeNumberedKey("-3/a/b"));
  EXPECT_EQ(slash.number, -3);
  EXPECT_EQ(slash.id, "a/b");
  EXPECT_THAT(DecodeNumberedKey("2024"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(DecodeNumberedKey("2024/"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(DecodeNumberedKey("x/par"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(DecodeNumberedKey(""), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace parhub::platform
