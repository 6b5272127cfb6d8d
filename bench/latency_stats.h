// Latency and status bookkeeping for parhub-loadgen: each in-flight slot
// records into its own RunStats (no locking on the hot path); the slots are
// merged once the run is over and percentiles come from the sorted samples.
#ifndef PARHUB_BENCH_LATENCY_STATS_H_
#define PARHUB_BENCH_LATENCY_STATS_H_

#include <grpcpp/support/status.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace parhub::bench {

// gRPC status codes are 0..16.
inline constexpr int kStatusCodes = 17;

struct RunStats final {
  std::vector<int64_t> latencies_us;  // successful calls only
  std::array<int64_t, kStatusCodes> by_code{};
  std::array<std::string, kStatusCodes> first_message{};  // a sample error per code

  void Record(grpc::StatusCode code, int64_t latency_us, const std::string& message);
  void Merge(RunStats&& other);
  int64_t Calls() const;
  int64_t Ok() const { return by_code[grpc::StatusCode::OK]; }
  int64_t Errors() const { return Calls() - Ok(); }
};

// Nearest-rank percentile (q in [0, 1]) of ascending `sorted`; 0 when empty.
int64_t Percentile(const std::vector<int64_t>& sorted, double q);

}  // namespace parhub::bench

#endif  // PARHUB_BENCH_LATENCY_STATS_H_
