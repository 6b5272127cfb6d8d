// Merging per-slot statistics and nearest-rank percentiles for parhub-loadgen.
#include "bench/latency_stats.h"

#include <cmath>

namespace parhub::bench {

void RunStats::Record(grpc::StatusCode code, int64_t latency_us, const std::string& message) {
  int index = static_cast<int>(code);
  if (index < 0 || index >= kStatusCodes) index = grpc::StatusCode::UNKNOWN;
  ++by_code[index];
  if (code == grpc::StatusCode::OK) {
    latencies_us.push_back(latency_us);
  } else if (first_message[index].empty()) {
    first_message[index] = message.empty() ? "(no message)" : message;
  }
}

void RunStats::Merge(RunStats&& other) {
  latencies_us.insert(latencies_us.end(), other.latencies_us.begin(), other.latencies_us.end());
  for (int i = 0; i < kStatusCodes; ++i) {
    by_code[i] += other.by_code[i];
    if (first_message[i].empty()) first_message[i] = std::move(other.first_message[i]);
  }
}

int64_t RunStats::Calls() const {
  int64_t total = 0;
  for (int64_t n : by_code) total += n;
  return total;
}

int64_t Percentile(const std::vector<int64_t>& sorted, double q) {
  if (sorted.empty()) return 0;
  auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  if (rank < 1) rank = 1;
  if (rank > sorted.size()) rank = sorted.size();
  return sorted[rank - 1];
}

}  // namespace parhub::bench
