// The open-loop mixed load of parhub-soak-bench (docs/BENCHMARKS.md,
// "Soak"): calls through the gateway started at a fixed total rate whatever
// the answers take (so a slow suite shows up as latency, not as a lower
// offered load), each one picked at random from a weighted mix of reads and
// writes; a slow public (citizen) stream beside it within the gateway's
// per-address abuse limits. Every interval prints throughput, errors by code
// and p50/p99, and the resident memory of the watched processes.
#ifndef PARHUB_BENCH_SOAK_LOAD_H_
#define PARHUB_BENCH_SOAK_LOAD_H_

#include <grpcpp/grpcpp.h>

#include <array>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "bench/latency_stats.h"
#include "bench/soak_memory.h"

namespace parhub::bench {

// Every kind of call the soak makes.
enum class Op : int {
  // Reads of the demo data, as its principal (ht-mn-2010) and ward officer.
  kGetTask,
  kListTasks,
  kOverview,
  kListStaff,
  kListCases,
  kListInvoices,
  kForecast,
  // Reads of what the soak writes, as the bench school's admin.
  kListPayments,
  kListProgress,
  // Writes into the bench school, as its admin.
  kAddProgress,
  kRecordPayment,
  kCreateCase,
  // The public (citizen) stream, without a key, at its own slow pace.
  kCitizenSearch,
  kCitizenTrack,
  kCitizenFile,
};
inline constexpr int kOpCount = static_cast<int>(Op::kCitizenFile) + 1;

const char* OpName(Op op);
bool IsWrite(Op op);

// Weights of the ops of the random mix (the citizen ops are not in it).
using Mix = std::array<int, kOpCount>;
Mix DefaultMix();
// "get_task=20,record_payment=6,…": the listed weights replace the defaults.
bool ParseMix(const std::string& spec, Mix* mix, std::string* error);
std::string MixText(const Mix& mix);

// What the calls act on, found or made by the setup.
struct SoakTargets final {
  std::vector<std::shared_ptr<grpc::Channel>> channels;  // to the gateway
  std::string principal_key;                             // demo school admin
  std::string officer_key;                               // demo ward officer
  std::string bench_key;                                 // bench school admin
  std::string demo_school;                               // "schools/mn-2010"
  std::string demo_plan;                                 // "schools/mn-2010/plans/par-2026"
  std::vector<std::string> demo_tasks;
  std::string ward;  // "authorities/p-ben-thanh"
  int year = 2026;
  std::string bench_school;  // "schools/bench-fin-<tag>"
  std::vector<std::string> bench_tasks;
  std::vector<std::string> bench_invoices;
};

struct SoakOptions final {
  double rate = 200;  // calls started per second (the mix)
  double duration_s = 1800;
  double interval_s = 60;
  double rss_period_s = 10;
  double warmup_s = 300;
  int max_in_flight = 2000;  // beyond: the call is skipped (counted), not queued
  absl::Duration deadline = absl::Seconds(10);
  double public_period_s = 5;  // one public read every … s
  double files_per_hour = 4;   // citizen FileCase (the gateway allows 5 an hour per address)
  uint64_t seed = 1;
};

// The whole run's figures.
struct SoakTotals final {
  std::array<RunStats, kOpCount> per_op;  // latencies sorted
  RunStats all;                           // latencies sorted
  int64_t skipped = 0;
  double seconds = 0;
};

// Runs the load for options.duration_s, printing to `out`, sampling memory
// into `memory` every rss_period_s (t = 0 when the load starts).
SoakTotals RunSoak(const SoakTargets& targets, const Mix& mix, const SoakOptions& options,
                   MemoryRecorder& memory, std::ostream& out);

// One line per op (calls, errors, p50, p99, max) and the total.
void PrintTotals(const SoakTotals& totals, std::ostream& out);

}  // namespace parhub::bench

#endif  // PARHUB_BENCH_SOAK_LOAD_H_
