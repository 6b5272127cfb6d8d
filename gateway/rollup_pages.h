// Page tokens of the authority roll-ups. The first page computes the whole
// roll-up (the fan-out over every school); the token handed out pins that
// result for 5 minutes, so every later page comes from the same figures as
// the first page's totals. A token is bound to the account that asked and
// to the request (page size and token aside): another officer's token, a
// changed request, an expired or forged token are INVALID_ARGUMENT naming
// page_token. At most `capacity` results are kept (the oldest goes first).
#ifndef PARHUB_GATEWAY_ROLLUP_PAGES_H_
#define PARHUB_GATEWAY_ROLLUP_PAGES_H_

#include <google/protobuf/message.h>

#include <functional>
#include <list>
#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace parhub::gateway {

class RollupPages final {
 public:
  struct Options {
    absl::Duration ttl = absl::Minutes(5);
    size_t capacity = 64;
    std::function<absl::Time()> clock;  // default absl::Now
  };
  RollupPages() : RollupPages(Options{}) {}
  explicit RollupPages(Options options);

  struct Pinned {
    std::shared_ptr<const google::protobuf::Message> result;
    size_t offset = 0;
  };
  // Keeps `result` and answers the token of its rows from `offset`.
  std::string Pin(const std::string& account, const std::string& request_key,
                  std::shared_ptr<const google::protobuf::Message> result, size_t offset);
  // The token of the same pinned result from another offset.
  static std::string NextToken(const std::string& token, size_t offset);
  absl::StatusOr<Pinned> Find(const std::string& token, const std::string& account,
                              const std::string& request_key);

  // Page size of a roll-up request: 0 → 200, above 1,000 → 1,000,
  // negative → INVALID_ARGUMENT.
  static absl::StatusOr<size_t> PageSize(int requested);

 private:
  struct Entry {
    std::string account;
    std::string request_key;
    std::shared_ptr<const google::protobuf::Message> result;
    absl::Time expires;
  };
  void DropExpired(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  Options options_;
  absl::Mutex mu_;
  std::map<std::string, Entry> entries_ ABSL_GUARDED_BY(mu_);
  std::list<std::string> order_ ABSL_GUARDED_BY(mu_);  // oldest first
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_ROLLUP_PAGES_H_
