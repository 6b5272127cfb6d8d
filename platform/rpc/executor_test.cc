// The bounded executor: queues instead of refusing, refuses only when full,
// drops work whose caller went away or whose deadline passed, and runs each
// piece of work on one thread from start to end.
#include "platform/rpc/executor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "absl/synchronization/notification.h"

namespace parhub::platform {
namespace {

// Work that blocks its thread until `release` is notified.
Executor::Work Blocker(absl::Notification& started, absl::Notification& release) {
  Executor::Work work;
  work.run = [&] {
    started.Notify();
    release.WaitForNotification();
  };
  return work;
}

TEST(Executor, QueuesBeyondItsThreadsAndRefusesOnlyWhenTheQueueIsFull) {
  Executor executor({"test", 1, 2});
  absl::Notification started, release;
  ASSERT_TRUE(executor.Submit(Blocker(started, release)));
  started.WaitForNotification();
  std::atomic<int> ran{0};
  auto counting = [&] {
    Executor::Work work;
    work.run = [&] { ++ran; };
    return work;
  };
  EXPECT_TRUE(executor.Submit(counting()));
  EXPECT_TRUE(executor.Submit(counting()));
  EXPECT_FALSE(executor.Submit(counting())) << "a third queued call exceeds the depth of 2";
  EXPECT_EQ(executor.Stats().queued, 2);
  EXPECT_EQ(executor.Stats().rejected, 1);
  release.Notify();
  while (executor.Stats().queued > 0 || executor.Stats().running > 0) std::this_thread::yield();
  EXPECT_EQ(ran.load(), 2);
}

TEST(Executor, DropsCancelledAndExpiredWorkWithoutRunningIt) {
  Executor executor({"test", 1, 10});
  absl::Notification started, release;
  ASSERT_TRUE(executor.Submit(Blocker(started, release)));
  started.WaitForNotification();
  std::atomic<bool> ran{false};
  absl::Status cancelled_why, expired_why;
  absl::Notification cancelled_done, expired_done;
  Executor::Work cancelled;
  cancelled.run = [&] { ran = true; };
  cancelled.cancelled = [] { return true; };
  cancelled.drop = [&](absl::Status why) {
    cancelled_why = why;
    cancelled_done.Notify();
  };
  Executor::Work expired;
  expired.run = [&] { ran = true; };
  expired.deadline = absl::Now() - absl::Seconds(1);
  expired.drop = [&](absl::Status why) {
    expired_why = why;
    expired_done.Notify();
  };
  ASSERT_TRUE(executor.Submit(std::move(cancelled)));
  ASSERT_TRUE(executor.Submit(std::move(expired)));
  release.Notify();
  cancelled_done.WaitForNotification();
  expired_done.WaitForNotification();
  EXPECT_FALSE(ran.load());
  EXPECT_EQ(cancelled_why.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(expired_why.code(), absl::StatusCode::kDeadlineExceeded);
  while (executor.Stats().running > 0) std::this_thread::yield();
  EXPECT_EQ(executor.Stats().dropped, 2);
}

TEST(Executor, ShutdownDropsQueuedWorkAsUnavailable) {
  absl::Status why;
  absl::Notification started, release;
  {
    Executor executor({"test", 1, 10});
    ASSERT_TRUE(executor.Submit(Blocker(started, release)));
    started.WaitForNotification();
    Executor::Work queued;
    queued.run = [] { FAIL() << "must not run after shutdown began"; };
    queued.drop = [&](absl::Status s) { why = s; };
    ASSERT_TRUE(executor.Submit(std::move(queued)));
    std::thread releaser([&] {
      absl::SleepFor(absl::Milliseconds(50));
      release.Notify();
    });
    releaser.detach();
  }  // destructor: drops the queued work, waits for the running one
  EXPECT_EQ(why.code(), absl::StatusCode::kUnavailable);
}

TEST(Executor, EachWorkRunsOnOneThreadFromStartToEnd) {
  Executor executor({"test", 4, 100});
  std::atomic<int> mismatches{0}, done{0};
  for (int i = 0; i < 50; ++i) {
    Executor::Work work;
    work.run = [&] {
      std::thread::id first = std::this_thread::get_id();
      absl::SleepFor(absl::Microseconds(100));
      if (std::this_thread::get_id() != first) ++mismatches;
      ++done;
    };
    ASSERT_TRUE(executor.Submit(std::move(work)));
  }
  while (done.load() < 50) std::this_thread::yield();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace parhub::platform
