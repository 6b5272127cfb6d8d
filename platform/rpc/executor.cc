// Bounded executor: fixed threads, bounded queue, drops stale work.
#include "platform/rpc/executor.h"

#include <algorithm>

namespace parhub::platform {

Executor::Executor(ExecutorOptions options) : options_(std::move(options)) {
  int threads = std::max(1, options_.threads);
  threads_.reserve(threads);
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
}

Executor::~Executor() {
  std::deque<Work> abandoned;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    abandoned.swap(queue_);
    stats_.queued = 0;
    stats_.dropped += static_cast<int64_t>(abandoned.size());
  }
  work_or_stop_.notify_all();
  for (Work& work : abandoned) {
    if (work.drop)
      work.drop(absl::UnavailableError("Máy chủ đang dừng, hãy thử lại (server shutting down; retry)"));
  }
  for (std::thread& t : threads_) t.join();
}

bool Executor::Submit(Work work) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_ || static_cast<int>(queue_.size()) >= options_.queue_depth) {
      ++stats_.rejected;
      return false;
    }
    queue_.push_back(std::move(work));
    stats_.queued = static_cast<int64_t>(queue_.size());
  }
  work_or_stop_.notify_one();
  return true;
}

ExecutorStats Executor::Stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void Executor::Loop() {
  for (;;) {
    Work work;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_or_stop_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and nothing left
      work = std::move(queue_.front());
      queue_.pop_front();
      stats_.queued = static_cast<int64_t>(queue_.size());
      ++stats_.running;
    }
    absl::Status stale;
    if (work.cancelled && work.cancelled()) {
      stale = absl::CancelledError("Người gọi đã huỷ yêu cầu (caller cancelled)");
    } else if (absl::Now() >= work.deadline) {
      stale = absl::DeadlineExceededError("Hết thời hạn khi đang chờ xử lý (deadline passed while queued)");
    }
    if (stale.ok()) {
      work.run();
    } else if (work.drop) {
      work.drop(stale);
    }
    std::lock_guard<std::mutex> lock(mu_);
    --stats_.running;
    if (!stale.ok()) ++stats_.dropped;
  }
}

}  // namespace parhub::platform
