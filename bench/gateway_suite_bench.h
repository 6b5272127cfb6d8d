// Shared by the gateway benchmarks that start their own suite
// (tests/e2e/suite.h) — parhub-gateway-http-bench and
// parhub-gateway-peer-bench: the bench school and its task, closed-loop
// callers run for a warm-up and a measured window, and the CPU time of
// chosen processes over that window (/proc/<pid>/stat).
#ifndef PARHUB_BENCH_GATEWAY_SUITE_BENCH_H_
#define PARHUB_BENCH_GATEWAY_SUITE_BENCH_H_

#include <grpcpp/grpcpp.h>
#include <sys/types.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "bench/latency_stats.h"
#include "tests/e2e/suite.h"

namespace parhub::bench {

// Exits with `what` and the message when `status` is not OK.
void Check(const grpc::Status& status, const char* what);

// A context carrying "authorization: Bearer <key>", deadline 15 s.
std::unique_ptr<grpc::ClientContext> KeyContext(const std::string& key);

// A plaintext channel to `target`; channels with different `index` use
// different connections (gRPC shares one between equal channels).
std::shared_ptr<grpc::Channel> PlaintextChannel(const std::string& target, int index);

// Made through the gateway of a fresh suite as its root administrator:
// authority q1 under authorities/hcm, school mn-2010 in it, the school admin
// accounts/ht-mn-2010 and an API key of theirs, and (as that admin) plan
// par-2026 from the PAR plan template.
struct BenchTask final {
  std::string api_key;  // the school admin's
  std::string school;   // "mn-2010"
  std::string name;     // task 1.5 of plan par-2026
};
BenchTask SetUpBenchTask(e2e::Suite& suite);

// User + system CPU seconds of these processes together (an unreadable pid
// counts 0), and of this process.
double CpuSecondsOf(const std::vector<pid_t>& pids);
double SelfCpuSeconds();

// One call: its gRPC code (HTTP maps 200 to OK) and, on error, a message.
using CallResult = std::pair<grpc::StatusCode, std::string>;
using Caller = std::function<CallResult()>;

struct LoadOptions final {
  int concurrency = 8;
  absl::Duration warmup = absl::Seconds(2);
  absl::Duration duration = absl::Seconds(10);
};

struct Window final {
  RunStats stats;  // calls that started and ended inside the window; latencies sorted
  double seconds = 0;
  std::vector<double> cpu_s;  // per group of `watched`, CPU seconds in the window
  double client_cpu_s = 0;    // this process
  // Milliseconds of CPU per successful call.
  double PerCallMs(double cpu_s) const;
};

// `concurrency` threads, each calling its own caller from `make_caller` back
// to back for `warmup`, then `duration` (measured). Each function of
// `watched` lists a group of processes when the window opens (so a process
// tree is listed as it is then); their CPU time is read at both edges.
Window RunClosedLoop(const std::function<Caller()>& make_caller,
                     const std::vector<std::function<std::vector<pid_t>()>>& watched,
                     const LoadOptions& options);

}  // namespace parhub::bench

#endif  // PARHUB_BENCH_GATEWAY_SUITE_BENCH_H_
