// JSON log lines, written whole under a mutex so lines never interleave.
#include "platform/core/log.h"

#include <cstdio>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace parhub::platform {
namespace {
std::mutex log_mu;
std::string& ServiceName() {
  static auto* name = new std::string("parhub");
  return *name;
}
LogLevel min_level = LogLevel::kInfo;
thread_local std::string current_trace_id;

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}
}  // namespace

std::string JsonEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

void Log(LogLevel level, absl::string_view message, const LogFields& fields) {
  if (level < min_level) return;
  std::string line =
      absl::StrCat("{\"time\":\"", absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()),
                   "\",\"level\":\"", LevelName(level), "\",\"service\":\"", JsonEscape(ServiceName()),
                   "\",\"msg\":\"", JsonEscape(message), "\"");
  if (!current_trace_id.empty()) {
    absl::StrAppend(&line, ",\"trace_id\":\"", JsonEscape(current_trace_id), "\"");
  }
  for (const auto& [key, value] : fields) {
    absl::StrAppend(&line, ",\"", JsonEscape(key), "\":\"", JsonEscape(value), "\"");
  }
  line += "}\n";
  std::lock_guard<std::mutex> lock(log_mu);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

void SetLogServiceName(absl::string_view name) { ServiceName() = std::string(name); }
void SetMinLogLevel(LogLevel level) { min_level = level; }

ScopedTraceId::ScopedTraceId(std::string trace_id) : previous_(current_trace_id) {
  current_trace_id = std::move(trace_id);
}
ScopedTraceId::~ScopedTraceId() { current_trace_id = previous_; }

const std::string& CurrentTraceId() { return current_trace_id; }

}  // namespace parhub::platform
