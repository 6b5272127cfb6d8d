// A bounded executor for RPC handler bodies. Every process runs its blocking
// work (MySQL in the services, multi-call roll-ups in the gateway) here and
// never on gRPC's own threads:
//   - a fixed number of threads, sized against what they block on (the DB
//     pool), so a body always finds a connection;
//   - a bounded queue: work waits instead of failing, and Submit refuses
//     (the caller answers RESOURCE_EXHAUSTED) only when the queue is full;
//   - work whose caller went away or whose deadline passed while queued is
//     dropped before it runs (it never touches MySQL);
//   - a body runs start to finish on one thread, so the Db's per-thread
//     ambient transaction still works.
#ifndef PARHUB_PLATFORM_RPC_EXECUTOR_H_
#define PARHUB_PLATFORM_RPC_EXECUTOR_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace parhub::platform {

struct ExecutorOptions final {
  std::string name = "handlers";  // for logs and metrics
  int threads = 8;
  int queue_depth = 1024;  // queued (not yet running) work beyond which Submit refuses
};

struct ExecutorStats final {
  int64_t queued = 0;    // waiting now
  int64_t running = 0;   // running now
  int64_t rejected = 0;  // refused since start: queue full
  int64_t dropped = 0;   // dropped since start: cancelled, past deadline or shutting down
};

class Executor final {
 public:
  struct Work final {
    std::function<void()> run;
    // Called instead of `run` when the work is dropped, with CANCELLED,
    // DEADLINE_EXCEEDED or UNAVAILABLE (shutting down).
    std::function<void(absl::Status)> drop;
    absl::Time deadline = absl::InfiniteFuture();
    std::function<bool()> cancelled;  // optional: whether the caller went away
  };

  explicit Executor(ExecutorOptions options);
  // Stops taking work, drops what is still queued (UNAVAILABLE), lets
  // running work finish and joins.
  ~Executor();
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;

  // Queues `work`; false (and `work` untouched by any thread) when the queue
  // is full or the executor is stopping.
  bool Submit(Work work);

  ExecutorStats Stats() const;
  const ExecutorOptions& options() const { return options_; }

 private:
  void Loop();

  // std::mutex rather than absl::Mutex: the distribution's Abseil is not
  // built with ThreadSanitizer annotations, and this class is what the
  // --tsan build of every service exercises most.
  const ExecutorOptions options_;
  mutable std::mutex mu_;
  std::condition_variable work_or_stop_;
  std::deque<Work> queue_;  // guarded by mu_
  bool stopping_ = false;   // guarded by mu_
  ExecutorStats stats_;     // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_EXECUTOR_H_
