// Pinned roll-up results for paging (see rollup_pages.h).
#include "gateway/rollup_pages.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "platform/core/errors.h"
#include "platform/core/resource_name.h"

namespace parhub::gateway {
namespace {

constexpr size_t kDefaultPageSize = 200;
constexpr size_t kMaxPageSize = 1000;

absl::Status BadToken() {
  return platform::InvalidField("page_token",
                                "không hợp lệ hoặc đã hết hạn sau 5 phút; hãy hỏi lại trang đầu "
                                "(invalid, or expired after 5 minutes: ask for the first page again)");
}

}  // namespace

RollupPages::RollupPages(Options options) : options_(std::move(options)) {
  if (!options_.clock) options_.clock = [] { return absl::Now(); };
}

absl::StatusOr<size_t> RollupPages::PageSize(int requested) {
  if (requested < 0) return platform::InvalidField("page_size", "không được âm (must not be negative)");
  if (requested == 0) return kDefaultPageSize;
  return std::min(kMaxPageSize, static_cast<size_t>(requested));
}

void RollupPages::DropExpired(absl::Time now) {
  while (!order_.empty()) {
    auto it = entries_.find(order_.front());
    if (it != entries_.end() && it->second.expires > now && entries_.size() <= options_.capacity) break;
    if (it != entries_.end()) entries_.erase(it);
    order_.pop_front();
  }
}

std::string RollupPages::Pin(const std::string& account, const std::string& request_key,
                             std::shared_ptr<const google::protobuf::Message> result, size_t offset) {
  const std::string id = platform::RandomHex(16);
  const absl::Time now = options_.clock();
  absl::MutexLock lock(&mu_);
  entries_[id] = Entry{account, request_key, std::move(result), now + options_.ttl};
  order_.push_back(id);
  DropExpired(now);
  return NextToken(id, offset);
}

std::string RollupPages::NextToken(const std::string& token, size_t offset) {
  return absl::StrCat(token.substr(0, token.find('.')), ".", offset);
}

absl::StatusOr<RollupPages::Pinned> RollupPages::Find(const std::string& token, const std::string& account,
                                                      const std::string& request_key) {
  const size_t dot = token.find('.');
  size_t offset = 0;
  if (dot == std::string::npos || !absl::SimpleAtoi(token.substr(dot + 1), &offset)) return BadToken();
  absl::MutexLock lock(&mu_);
  DropExpired(options_.clock());
  auto it = entries_.find(token.substr(0, dot));
  // Another account's token reads as unknown: it reveals nothing.
  if (it == entries_.end() || it->second.account != account) return BadToken();
  if (it->second.request_key != request_key) {
    return platform::InvalidField("page_token",
                                  "thuộc một yêu cầu khác; giữ nguyên các tham số khác khi lật trang "
                                  "(belongs to a different request: keep the other fields when paging)");
  }
  return Pinned{it->second.result, offset};
}

}  // namespace parhub::gateway
