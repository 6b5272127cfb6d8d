// Fixed-window counters for the public API (see abuse_limiter.h).
#include "gateway/abuse_limiter.h"

#include <arpa/inet.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "platform/core/crypto.h"
#include "platform/core/resource_name.h"

namespace parhub::gateway {
namespace {

int64_t WindowIndex(absl::Time now, absl::Duration window) {
  return absl::ToUnixMicros(now) / absl::ToInt64Microseconds(window);
}

}  // namespace

AbuseLimiter::Slot& AbuseLimiter::SlotFor(const std::string& key, absl::Duration window) {
  const int64_t index = WindowIndex(clock_(), window);
  const std::string full = absl::StrCat(absl::ToInt64Seconds(window), "|", key);
  auto it = slots_.find(full);
  if (it == slots_.end()) {
    if (slots_.size() >= max_keys_) DropExpired();
    it = slots_.emplace(full, Slot{index, 0}).first;
  }
  if (it->second.window_index != index) it->second = Slot{index, 0};
  return it->second;
}

void AbuseLimiter::DropExpired() {
  const absl::Time now = clock_();
  for (auto it = slots_.begin(); it != slots_.end();) {
    const std::string& full = it->first;
    int64_t seconds = 0;
    (void)absl::SimpleAtoi(full.substr(0, full.find('|')), &seconds);
    const bool expired = seconds <= 0 || it->second.window_index != WindowIndex(now, absl::Seconds(seconds));
    if (expired) {
      slots_.erase(it++);
    } else {
      ++it;
    }
  }
  // Still full of live keys (an attack from very many addresses): forget
  // everything rather than grow without bound; limits restart.
  if (slots_.size() >= max_keys_) slots_.clear();
}

bool AbuseLimiter::Allow(const std::string& key, absl::Duration window, int limit) {
  absl::MutexLock lock(&mu_);
  Slot& slot = SlotFor(key, window);
  if (slot.count >= limit) return false;
  ++slot.count;
  return true;
}

int AbuseLimiter::Count(const std::string& key, absl::Duration window) {
  absl::MutexLock lock(&mu_);
  return SlotFor(key, window).count;
}

void AbuseLimiter::Record(const std::string& key, absl::Duration window) {
  absl::MutexLock lock(&mu_);
  ++SlotFor(key, window).count;
}

void AbuseLimiter::Refund(const std::string& key, absl::Duration window) {
  absl::MutexLock lock(&mu_);
  Slot& slot = SlotFor(key, window);
  if (slot.count > 0) --slot.count;
}

absl::Duration AbuseLimiter::Remaining(absl::Duration window) {
  const int64_t micros = absl::ToInt64Microseconds(window);
  const int64_t now = absl::ToUnixMicros(clock_());
  return absl::Microseconds(micros - now % micros);
}

ClientAddress ClientAddressOf(const std::string& peer) {
  ClientAddress out;
  if (peer.rfind("ipv4:", 0) == 0) {
    std::string rest = peer.substr(5);
    out.address = rest.substr(0, rest.rfind(':'));
    in_addr v4{};
    if (inet_pton(AF_INET, out.address.c_str(), &v4) == 1) {
      const unsigned char* b = reinterpret_cast<const unsigned char*>(&v4);
      out.network = absl::StrCat(b[0], ".", b[1], ".", b[2], ".0/24");
      return out;
    }
  } else if (peer.rfind("ipv6:", 0) == 0) {
    std::string rest = peer.substr(5);
    if (!rest.empty() && rest[0] == '[') {
      out.address = rest.substr(1, rest.find(']') - 1);
    } else {
      out.address = rest;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, out.address.c_str(), &v6) == 1) {
      char text[INET6_ADDRSTRLEN] = {};
      in6_addr prefix = v6;
      prefix.s6_addr[7] = 0;  // keep 56 bits
      for (int i = 8; i < 16; ++i) prefix.s6_addr[i] = 0;
      inet_ntop(AF_INET6, &prefix, text, sizeof(text));
      out.network = absl::StrCat(text, "/56");
      return out;
    }
  }
  // Unix sockets and anything unexpected: one bucket per peer string.
  out.address = peer;
  out.network = peer;
  return out;
}

const std::string& InProcessToken() {
  static const std::string* const kToken = new std::string(platform::RandomHex(16));
  return *kToken;
}

std::string ClientPeerOf(const grpc::ServerContextBase& context) {
  std::string peer = context.peer();
  if (peer != kInProcessPeer) return peer;
  auto token = context.client_metadata().find(kInProcessTokenHeader);
  if (token == context.client_metadata().end() ||
      !platform::ConstantTimeEquals(absl::string_view(token->second.data(), token->second.size()),
                                    InProcessToken())) {
    return peer;
  }
  auto it = context.client_metadata().find(kHttpClientPeerHeader);
  if (it == context.client_metadata().end() || it->second.empty()) return peer;
  return std::string(it->second.data(), it->second.size());
}

}  // namespace parhub::gateway
