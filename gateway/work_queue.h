// A fixed pool of threads for the gateway's own multi-step handlers
// (overview, publishing), so gRPC's callback threads never block.
#ifndef PARHUB_GATEWAY_WORK_QUEUE_H_
#define PARHUB_GATEWAY_WORK_QUEUE_H_

#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"

namespace parhub::gateway {

class WorkQueue final {
 public:
  explicit WorkQueue(int threads);
  ~WorkQueue();  // finishes queued work, then joins
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  void Submit(std::function<void()> work);

 private:
  void Loop();
  absl::Mutex mu_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace parhub::gateway

#endif  // PARHUB_GATEWAY_WORK_QUEUE_H_
