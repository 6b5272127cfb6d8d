// Memory sampling, summary, verdicts and chart of parhub-soak-bench
// (soak_memory.h).
#include "bench/soak_memory.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace parhub::bench {
namespace {

double Mib(int64_t kib) { return static_cast<double>(kib) / 1024.0; }

std::string MibText(int64_t kib) { return kib < 0 ? "-" : absl::StrFormat("%.1f", Mib(kib)); }

}  // namespace

int64_t ProcStatusKib(int pid, absl::string_view field) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  const std::string prefix = absl::StrCat(field, ":");
  while (std::getline(in, line)) {
    if (!absl::StartsWith(line, prefix)) continue;
    absl::string_view rest = absl::StripAsciiWhitespace(absl::string_view(line).substr(prefix.size()));
    rest = absl::StripSuffix(rest, "kB");
    int64_t kib = 0;
    return absl::SimpleAtoi(absl::StripAsciiWhitespace(rest), &kib) ? kib : -1;
  }
  return -1;
}

bool MemoryRecorder::OpenCsv(const std::string& path, std::string* error) {
  if (path.empty()) return true;
  std::lock_guard<std::mutex> lock(mu_);
  csv_.open(path, std::ios::trunc);
  if (!csv_) {
    *error = absl::StrCat("cannot write ", path);
    return false;
  }
  csv_ << "t_s,process,rss_kib\n";
  return true;
}

void MemoryRecorder::Add(double t_s, const std::vector<int64_t>& kib) {
  std::lock_guard<std::mutex> lock(mu_);
  samples_.push_back({t_s, kib});
  if (!csv_.is_open()) return;
  for (size_t i = 0; i < processes_.size() && i < kib.size(); ++i) {
    if (kib[i] >= 0) csv_ << absl::StrFormat("%.1f,%s,%d\n", t_s, processes_[i].name, kib[i]);
  }
  csv_.flush();
}

MemorySample MemoryRecorder::Sample(double t_s) {
  MemorySample sample{t_s, {}};
  for (const WatchedProcess& p : processes_) sample.rss_kib.push_back(ProcStatusKib(p.pid, "VmRSS"));
  Add(t_s, sample.rss_kib);
  return sample;
}

std::vector<MemorySample> MemoryRecorder::samples() const {
  std::lock_guard<std::mutex> lock(mu_);
  return samples_;
}

std::vector<MemoryRow> SummarizeMemory(const std::vector<WatchedProcess>& processes,
                                       const std::vector<MemorySample>& samples, double warmup_s,
                                       double load_s) {
  std::vector<MemorySample> sorted = samples;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const MemorySample& a, const MemorySample& b) { return a.t_s < b.t_s; });
  std::vector<MemoryRow> rows;
  for (size_t i = 0; i < processes.size(); ++i) {
    MemoryRow row;
    row.name = processes[i].name;
    row.judged = processes[i].judged;
    for (const MemorySample& s : sorted) {
      const int64_t kib = i < s.rss_kib.size() ? s.rss_kib[i] : -1;
      if (kib < 0) continue;
      if (row.idle_kib < 0) row.idle_kib = kib;
      if (s.t_s >= 0 && s.t_s <= load_s + 1e-6) row.max_kib = std::max(row.max_kib, kib);
      if (row.warm_kib < 0 && s.t_s >= warmup_s - 1e-6) row.warm_kib = kib;
      row.end_kib = kib;
    }
    row.hwm_kib = ProcStatusKib(processes[i].pid, "VmHWM");
    if (row.warm_kib > 0 && row.end_kib >= 0) {
      row.growth_pct =
          100.0 * static_cast<double>(row.end_kib - row.warm_kib) / static_cast<double>(row.warm_kib);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

MemoryVerdict PrintMemorySummary(const std::vector<MemoryRow>& rows, double warmup_s, std::ostream& out) {
  MemoryVerdict verdict;
  out << absl::StrFormat("%-11s %9s %9s %12s %9s %8s %9s\n", "process", "idle_MiB", "max_MiB",
                         absl::StrFormat("at_%.0fs_MiB", warmup_s), "end_MiB", "growth", "hwm_MiB");
  std::vector<std::string> grew, fat_idle, fat_load;
  std::string worst_growth = "-";
  bool first = true;
  for (const MemoryRow& r : rows) {
    out << absl::StrFormat("%-11s %9s %9s %12s %9s %+7.1f%% %9s%s\n", r.name, MibText(r.idle_kib),
                           MibText(r.max_kib), MibText(r.warm_kib), MibText(r.end_kib), r.growth_pct,
                           MibText(r.hwm_kib), r.judged ? "" : "  (not judged)");
    if (!r.judged) continue;
    if (first || r.growth_pct > verdict.max_growth_pct) {
      verdict.max_growth_pct = r.growth_pct;
      worst_growth = r.name;
      first = false;
    }
    verdict.idle_max_kib = std::max(verdict.idle_max_kib, r.idle_kib);
    verdict.load_max_kib = std::max(verdict.load_max_kib, r.max_kib);
    if (r.growth_pct > kMaxGrowthPct) grew.push_back(absl::StrFormat("%s %+.1f%%", r.name, r.growth_pct));
    if (r.idle_kib > kMaxIdleKib) fat_idle.push_back(absl::StrCat(r.name, " ", MibText(r.idle_kib), " MiB"));
    if (r.max_kib > kMaxLoadKib) fat_load.push_back(absl::StrCat(r.name, " ", MibText(r.max_kib), " MiB"));
  }
  auto line = [&](const std::string& target, const std::vector<std::string>& over, const std::string& worst) {
    out << "VERDICT " << target << ": " << (over.empty() ? "met" : "MISSED") << " ("
        << (over.empty() ? worst : absl::StrJoin(over, ", ")) << ")\n";
    verdict.met &= over.empty();
  };
  line(absl::StrFormat("memory growth after warm-up <= %.0f %%", kMaxGrowthPct), grew,
       absl::StrFormat("largest %s %+.1f%%", worst_growth, verdict.max_growth_pct));
  line("every service <= 64 MiB resident idle", fat_idle,
       absl::StrCat("largest ", MibText(verdict.idle_max_kib), " MiB"));
  line("every service <= 256 MiB resident under load", fat_load,
       absl::StrCat("largest ", MibText(verdict.load_max_kib), " MiB"));
  return verdict;
}

bool WriteMemorySvg(const std::string& path, const std::vector<WatchedProcess>& processes,
                    const std::vector<MemorySample>& samples, double warmup_s, const std::string& title,
                    std::string* error) {
  static const char* const kColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                         "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  constexpr double kWidth = 760, kHeight = 400, kLeft = 60, kRight = 150, kTop = 36, kBottom = 44;
  double t_min = 0, t_max = 1;
  int64_t kib_max = 1024;
  for (const MemorySample& s : samples) {
    t_min = std::min(t_min, s.t_s);
    t_max = std::max(t_max, s.t_s);
    for (size_t i = 0; i < processes.size() && i < s.rss_kib.size(); ++i) {
      if (processes[i].judged) kib_max = std::max(kib_max, s.rss_kib[i]);
    }
  }
  // The y axis in steps of 16 MiB (32 above 128), with room above the
  // 64 MiB idle target.
  const double y_step = Mib(kib_max) > 112 ? 32 : 16;
  const double y_top = std::max(80.0, y_step * std::ceil((Mib(kib_max) + 1) / y_step));
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x = [&](double t) { return kLeft + plot_w * (t - t_min) / (t_max - t_min); };
  auto y = [&](double mib) { return kTop + plot_h * (1.0 - mib / y_top); };
  std::ofstream svg(path, std::ios::trunc);
  if (!svg) {
    *error = absl::StrCat("cannot write ", path);
    return false;
  }
  svg << absl::StrFormat(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" font-family=\"sans-serif\" "
      "font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
      "<text x=\"%.0f\" y=\"20\" font-size=\"14\">%s</text>\n",
      kWidth, kHeight, kLeft, title);
  for (double mib = 0; mib <= y_top + 1e-9; mib += y_step) {
    svg << absl::StrFormat(
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n",
        kLeft, y(mib), kLeft + plot_w, y(mib), kLeft - 6, y(mib) + 4, mib);
  }
  const double step_min = (t_max - t_min) / 60.0 > 20 ? 5 : 1;
  for (double m = std::ceil(t_min / 60.0 / step_min) * step_min; m * 60 <= t_max + 1e-9; m += step_min) {
    svg << absl::StrFormat("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", x(m * 60),
                           kTop + plot_h + 16, m == 0 ? 0.0 : m);
  }
  svg << absl::StrFormat(
      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">minutes since the load started</text>\n"
      "<text x=\"14\" y=\"%.1f\" transform=\"rotate(-90 14 %.1f)\" text-anchor=\"middle\">RSS, MiB</text>\n"
      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
      "<text x=\"%.1f\" y=\"%.1f\" fill=\"#666\">end of warm-up</text>\n"
      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" stroke-dasharray=\"2 3\"/>"
      "<text x=\"%.1f\" y=\"%.1f\" fill=\"#c00\">64 MiB (idle target)</text>\n",
      kLeft + plot_w / 2, kHeight - 8, kTop + plot_h / 2, kTop + plot_h / 2, x(warmup_s), kTop, x(warmup_s),
      kTop + plot_h, x(warmup_s) + 4, kTop + 12, kLeft, y(64), kLeft + plot_w, y(64), kLeft + 4, y(64) - 4);
  int line = 0;
  for (size_t i = 0; i < processes.size(); ++i) {
    if (!processes[i].judged) continue;  // the database's scale would flatten the services' lines
    std::string points;
    for (const MemorySample& s : samples) {
      if (i < s.rss_kib.size() && s.rss_kib[i] >= 0) {
        absl::StrAppend(&points, absl::StrFormat("%.1f,%.1f ", x(s.t_s), y(Mib(s.rss_kib[i]))));
      }
    }
    const char* colour = kColours[line % (sizeof(kColours) / sizeof(kColours[0]))];
    svg << absl::StrFormat(
        "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>\n"
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"3\" fill=\"%s\"/>"
        "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n",
        colour, points, kLeft + plot_w + 16, kTop + 18.0 * line + 4, colour, kLeft + plot_w + 32,
        kTop + 18.0 * line + 9, processes[i].name);
    ++line;
  }
  svg << "</svg>\n";
  return static_cast<bool>(svg);
}

bool ReadMemoryCsv(const std::string& path, std::vector<WatchedProcess>* processes,
                   std::vector<MemorySample>* samples, std::string* error) {
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line) || line != "t_s,process,rss_kib") {
    *error = absl::StrCat("cannot read ", path, " as t_s,process,rss_kib");
    return false;
  }
  std::map<std::string, size_t> index;
  std::map<double, std::map<size_t, int64_t>> by_time;
  while (std::getline(in, line)) {
    std::vector<std::string> fields = absl::StrSplit(line, ',');
    double t = 0;
    int64_t kib = 0;
    if (fields.size() != 3 || !absl::SimpleAtod(fields[0], &t) || !absl::SimpleAtoi(fields[2], &kib)) {
      *error = absl::StrCat(path, ": bad line '", line, "'");
      return false;
    }
    auto [it, added] = index.emplace(fields[1], processes->size());
    if (added) processes->push_back({fields[1], 0, true});
    by_time[t][it->second] = kib;
  }
  for (const auto& [t, values] : by_time) {
    MemorySample sample{t, std::vector<int64_t>(processes->size(), -1)};
    for (const auto& [i, kib] : values) sample.rss_kib[i] = kib;
    samples->push_back(std::move(sample));
  }
  return true;
}

bool ParseNameValues(const std::string& spec, std::map<std::string, int64_t>* out, std::string* error) {
  for (absl::string_view item : absl::StrSplit(spec, ',', absl::SkipWhitespace())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    int64_t value = 0;
    if (kv.first.empty() || !absl::SimpleAtoi(kv.second, &value)) {
      *error = absl::StrCat("bad item '", item, "' (want name=number)");
      return false;
    }
    (*out)[kv.first] = value;
  }
  return true;
}

}  // namespace parhub::bench
