// WebSessions: the dashboard's browser sessions. A session is made from an
// API key the user typed once (POST /web/session); the browser then holds
// only a random session id in an HttpOnly, SameSite=Strict cookie and a
// separate CSRF token it must echo in X-CSRF-Token on every write. The key
// stays in the gateway's memory, so each call still goes through the
// Authenticator (a revoked key stops working at once).
//
// In memory, per gateway replica (behind several replicas, route a browser
// to one replica: docs/DEPLOYMENT.md). A session ends after `idle` without
// use, `lifetime` after it began, or on logout. At most `max_sessions`;
// when full, expired sessions are dropped, then the one idle longest.
// Thread-safe.
#ifndef PARHUB_GATEWAY_WEB_SESSIONS_H_
#define PARHUB_GATEWAY_WEB_SESSIONS_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace parhub::gateway {

struct WebSessionLimits final {
  absl::Duration idle = absl::Minutes(30);
  absl::Duration lifetime = absl::Hours(10);  // one working day
  size_t max_sessions = 20000;
};

// What a request made with the session's cookie may use.
struct WebSession final {
  std::string api_key;
  std::string csrf_token;
};

class WebSessions final {
 public:
  explicit WebSessions(
      WebSessionLimits limits = {}, std::function<absl::Time()> clock = [] { return absl::Now(); })
      : limits_(limits), clock_(std::move(clock)) {}

  struct Created final {
    std::string id;          // the cookie's value (64 hex characters)
    std::string csrf_token;  // 64 hex characters
  };
  // A new session for `api_key` (already checked by the caller).
  Created Create(std::string api_key);
  // The live session with this id, its idle time restarted; nullopt when
  // unknown or expired (an expired one is forgotten).
  std::optional<WebSession> Use(absl::string_view id);
  // Logout: forgets the session; false when it was unknown.
  bool End(absl::string_view id);
  size_t size() const;

 private:
  struct Entry final {
    WebSession session;
    absl::Time started;
    absl::Time last_used;
  };
  bool Expired(const Entry& entry, absl::Time now) const;
  void MakeRoomLocked(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  WebSessionLimits limits_;
  std::function<absl::Time()> clock_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> sessions_ ABSL_GUARDED_BY(mu_);
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_WEB_SESSIONS_H_
