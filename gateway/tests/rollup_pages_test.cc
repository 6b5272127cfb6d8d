// Page tokens of the roll-ups: bound to the account and the request,
// expiring after their time, bounded in number.
#include "gateway/rollup_pages.h"

#include <gtest/gtest.h>

#include "parhub/authority/v1/authority.pb.h"

namespace parhub::gateway {
namespace {

std::shared_ptr<const google::protobuf::Message> Result(int rows) {
  auto rollup = std::make_shared<authority::v1::FinanceRollup>();
  for (int i = 0; i < rows; ++i)
    rollup->add_schools()->mutable_school()->set_school("schools/s" + std::to_string(i));
  return rollup;
}

TEST(RollupPages, ATokenFindsItsResultFromItsOffsetForItsAccountAndRequestOnly) {
  absl::Time now = absl::FromUnixSeconds(1'700'000'000);
  RollupPages pages({absl::Minutes(5), 8, [&] { return now; }});
  auto result = Result(450);
  const std::string token = pages.Pin("accounts/o", "key-1", result, 200);
  auto found = pages.Find(token, "accounts/o", "key-1");
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->result.get(), result.get());
  EXPECT_EQ(found->offset, 200u);
  auto next = pages.Find(RollupPages::NextToken(token, 400), "accounts/o", "key-1");
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->offset, 400u);

  EXPECT_EQ(pages.Find(token, "accounts/other", "key-1").status().code(), absl::StatusCode::kInvalidArgument);
  auto changed = pages.Find(token, "accounts/o", "key-2");
  EXPECT_EQ(changed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(changed.status().message().find("different request"), absl::string_view::npos);
  for (const std::string& bad : {std::string(""), std::string("abc"), std::string("nope.1"), token + "x"}) {
    EXPECT_EQ(pages.Find(bad, "accounts/o", "key-1").status().code(), absl::StatusCode::kInvalidArgument)
        << bad;
  }
  now += absl::Minutes(5) + absl::Seconds(1);
  EXPECT_EQ(pages.Find(token, "accounts/o", "key-1").status().code(), absl::StatusCode::kInvalidArgument)
      << "expired after 5 minutes";
}

TEST(RollupPages, KeepsAtMostCapacityResultsDroppingTheOldest) {
  RollupPages pages({absl::Minutes(5), 2, nullptr});
  const std::string first = pages.Pin("a", "k", Result(1), 0);
  const std::string second = pages.Pin("a", "k", Result(1), 0);
  const std::string third = pages.Pin("a", "k", Result(1), 0);
  EXPECT_FALSE(pages.Find(first, "a", "k").ok());
  EXPECT_TRUE(pages.Find(second, "a", "k").ok());
  EXPECT_TRUE(pages.Find(third, "a", "k").ok());
}

TEST(RollupPages, PageSizeDefaultsCapsAndRefusesNegative) {
  EXPECT_EQ(*RollupPages::PageSize(0), 200u);
  EXPECT_EQ(*RollupPages::PageSize(50), 50u);
  EXPECT_EQ(*RollupPages::PageSize(5000), 1000u);
  EXPECT_EQ(RollupPages::PageSize(-1).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace parhub::gateway
