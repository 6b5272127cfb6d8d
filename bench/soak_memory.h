// Resident memory of the suite's processes during parhub-soak-bench
// (docs/BENCHMARKS.md, "Soak"): VmRSS sampled from /proc/<pid>/status at a
// fixed period, written as a CSV curve (t_s,process,rss_kib), summarised per
// process (idle, max under load, end of warm-up, end, growth) with the
// verdicts against the soak targets, and drawn as a small SVG.
#ifndef PARHUB_BENCH_SOAK_MEMORY_H_
#define PARHUB_BENCH_SOAK_MEMORY_H_

#include <cstdint>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace parhub::bench {

// Targets (platform issue, item 4 "Soak"), for the parhub processes; the
// database is reported beside them but not judged.
inline constexpr double kMaxGrowthPct = 10.0;
inline constexpr int64_t kMaxIdleKib = 64 * 1024;
inline constexpr int64_t kMaxLoadKib = 256 * 1024;

// A process whose memory is watched; `judged` is false for the database.
struct WatchedProcess final {
  std::string name;
  int pid = 0;
  bool judged = true;
};

// A "Vm…:  1234 kB" field of /proc/<pid>/status ("VmRSS", "VmHWM") in KiB,
// or -1 when the process or the field is not there.
int64_t ProcStatusKib(int pid, absl::string_view field);

// One sample of every watched process, in their order; -1 when unreadable.
struct MemorySample final {
  double t_s = 0;  // seconds since the load started (negative: before)
  std::vector<int64_t> rss_kib;
};

// Samples VmRSS of the processes and appends each sample to a CSV file
// (header "t_s,process,rss_kib"). Thread-safe.
class MemoryRecorder final {
 public:
  explicit MemoryRecorder(std::vector<WatchedProcess> processes) : processes_(std::move(processes)) {}

  // Opens (truncates) the CSV; an empty path records in memory only.
  bool OpenCsv(const std::string& path, std::string* error);
  // Records `kib` (one value per process) as taken at `t_s` without reading
  // /proc: the idle figures the caller measured before the run.
  void Add(double t_s, const std::vector<int64_t>& kib);
  // Reads every process now and records it at `t_s`; returns the sample.
  MemorySample Sample(double t_s);

  const std::vector<WatchedProcess>& processes() const { return processes_; }
  std::vector<MemorySample> samples() const;

 private:
  const std::vector<WatchedProcess> processes_;
  mutable std::mutex mu_;
  std::ofstream csv_;
  std::vector<MemorySample> samples_;
};

// The figures of one process over the run.
struct MemoryRow final {
  std::string name;
  bool judged = true;
  int64_t idle_kib = -1;  // before the load (the sample at the earliest t)
  int64_t max_kib = -1;   // largest sample with 0 ≤ t ≤ load_s
  int64_t warm_kib = -1;  // first sample at or after warmup_s
  int64_t end_kib = -1;   // last sample
  int64_t hwm_kib = -1;   // VmHWM (peak since the process started) at the end
  double growth_pct = 0;  // (end − warm) / warm
};

std::vector<MemoryRow> SummarizeMemory(const std::vector<WatchedProcess>& processes,
                                       const std::vector<MemorySample>& samples, double warmup_s,
                                       double load_s);

// The table and one VERDICT line per target; fills the worst figures of the
// judged processes.
struct MemoryVerdict final {
  double max_growth_pct = 0;
  int64_t idle_max_kib = 0;
  int64_t load_max_kib = 0;
  bool met = true;
};
MemoryVerdict PrintMemorySummary(const std::vector<MemoryRow>& rows, double warmup_s, std::ostream& out);

// A line chart of the samples (MiB against minutes), one line per judged
// process (the database, far larger, would flatten them), the warm-up's end
// and the 64 MiB idle target marked.
bool WriteMemorySvg(const std::string& path, const std::vector<WatchedProcess>& processes,
                    const std::vector<MemorySample>& samples, double warmup_s, const std::string& title,
                    std::string* error);

// Reads a CSV written by MemoryRecorder back: the processes in the order
// they first appear (pid 0, judged), one sample per time.
bool ReadMemoryCsv(const std::string& path, std::vector<WatchedProcess>* processes,
                   std::vector<MemorySample>* samples, std::string* error);

// "directory=1234,gateway=5678" → name → value; false when malformed.
bool ParseNameValues(const std::string& spec, std::map<std::string, int64_t>* out, std::string* error);

}  // namespace parhub::bench

#endif  // PARHUB_BENCH_SOAK_MEMORY_H_
