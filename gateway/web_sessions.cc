// Browser sessions of the dashboard (see web_sessions.h).
#include "gateway/web_sessions.h"

#include "platform/core/resource_name.h"

namespace parhub::gateway {

bool WebSessions::Expired(const Entry& entry, absl::Time now) const {
  return now - entry.last_used >= limits_.idle || now - entry.started >= limits_.lifetime;
}

void WebSessions::MakeRoomLocked(absl::Time now) {
  if (sessions_.size() < limits_.max_sessions) return;
  absl::erase_if(sessions_, [&](const auto& item) { return Expired(item.second, now); });
  while (!sessions_.empty() && sessions_.size() >= limits_.max_sessions) {
    auto oldest = sessions_.begin();
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
      if (it->second.last_used < oldest->second.last_used) oldest = it;
    }
    sessions_.erase(oldest);
  }
}

WebSessions::Created WebSessions::Create(std::string api_key) {
  Created created{platform::RandomHex(32), platform::RandomHex(32)};
  absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  MakeRoomLocked(now);
  sessions_[created.id] = Entry{WebSession{std::move(api_key), created.csrf_token}, now, now};
  return created;
}

std::optional<WebSession> WebSessions::Use(absl::string_view id) {
  absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (Expired(it->second, now)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = now;
  return it->second.session;
}

bool WebSessions::End(absl::string_view id) {
  absl::MutexLock lock(&mu_);
  return sessions_.erase(id) > 0;
}

size_t WebSessions::size() const {
  absl::MutexLock lock(&mu_);
  return sessions_.size();
}

}  // namespace parhub::gateway
