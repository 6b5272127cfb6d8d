// Structured JSON logs on stderr, one object per line, carrying the trace
// id of the RPC being served on this thread (see ScopedTraceId).
#ifndef PARHUB_PLATFORM_CORE_LOG_H_
#define PARHUB_PLATFORM_CORE_LOG_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace parhub::platform {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

using LogFields = std::vector<std::pair<std::string, std::string>>;

// Writes {"time":…,"level":…,"service":…,"msg":…,"trace_id":…,<fields>}.
void Log(LogLevel level, absl::string_view message, const LogFields& fields = {});
inline void LogInfo(absl::string_view m, const LogFields& f = {}) { Log(LogLevel::kInfo, m, f); }
inline void LogWarning(absl::string_view m, const LogFields& f = {}) { Log(LogLevel::kWarning, m, f); }
inline void LogError(absl::string_view m, const LogFields& f = {}) { Log(LogLevel::kError, m, f); }

// Names the process in every line ("tasks", "gateway", …).
void SetLogServiceName(absl::string_view name);
// Lines below this level are dropped (default info).
void SetMinLogLevel(LogLevel level);

// Sets the thread's trace id for the scope's lifetime.
class ScopedTraceId final {
 public:
  explicit ScopedTraceId(std::string trace_id);
  ~ScopedTraceId();
  ScopedTraceId(const ScopedTraceId&) = delete;
  ScopedTraceId& operator=(const ScopedTraceId&) = delete;

 private:
  std::string previous_;
};

// The trace id set on this thread, or "".
const std::string& CurrentTraceId();

// JSON string escaping (without the quotes).
std::string JsonEscape(absl::string_view text);

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_CORE_LOG_H_
