// Structured JSON logs on stderr, one object per line, carrying the request
// id of the RPC being served on this thread (see ScopedRequestId).
#ifndef PARHUB_PLATFORM_LOG_H_
#define PARHUB_PLATFORM_LOG_H_

#include <string>
#include "absl/strings/string_view.h"
#include <utility>
#include <vector>

namespace parhub::platform {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

using LogFields = std::vector<std::pair<std::string, std::string>>;

// Writes {"time":…,"level":…,"service":…,"msg":…,"request_id":…,<fields>}.
void Log(LogLevel level, absl::string_view message, const LogFields& fields = {});
inline void LogInfo(absl::string_view m, const LogFields& f = {}) { Log(LogLevel::kInfo, m, f); }
inline void LogWarning(absl::string_view m, const LogFields& f = {}) { Log(LogLevel::kWarning, m, f); }
inline void LogError(absl::string_view m, const LogFields& f = {}) { Log(LogLevel::kError, m, f); }

// Names the process in every line ("tasks", "gateway", …).
void SetLogServiceName(absl::string_view name);
// Lines below this level are dropped (default info).
void SetMinLogLevel(LogLevel level);

// Sets the thread's request id for the scope's lifetime.
class ScopedRequestId final {
 public:
  explicit ScopedRequestId(std::string request_id);
  ~ScopedRequestId();
  ScopedRequestId(const ScopedRequestId&) = delete;
  ScopedRequestId& operator=(const ScopedRequestId&) = delete;

 private:
  std::string previous_;
};

// The request id set on this thread, or "".
const std::string& CurrentRequestId();

// JSON string escaping (without the quotes).
std::string JsonEscape(absl::string_view text);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_LOG_H_
