// Waiting for a known number of asynchronous gRPC callbacks: each callback
// calls Done(), the caller Wait()s for all of them. Built on std::mutex and
// std::condition_variable rather than absl::BlockingCounter, so that
// ThreadSanitizer (whose interceptors see pthread but not Debian's
// uninstrumented Abseil) sees the hand-over of the callbacks' results.
#ifndef PARHUB_PLATFORM_RPC_PENDING_CALLS_H_
#define PARHUB_PLATFORM_RPC_PENDING_CALLS_H_

#include <condition_variable>
#include <mutex>

namespace parhub::platform {

class PendingCalls final {
 public:
  explicit PendingCalls(int count) : count_(count) {}

  // One call finished; its results are visible to Wait()'s caller.
  void DecrementCount() {
    std::lock_guard<std::mutex> lock(mu_);
    if (--count_ == 0) done_.notify_all();
  }
  // Blocks until every call has finished.
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [this] { return count_ <= 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable done_;
  int count_;
};

}  // namespace parhub::platform

#endif  // PARHUB_PLATFORM_RPC_PENDING_CALLS_H_
