// The open-loop mixed load of parhub-soak-bench (soak_load.h).
#include "bench/soak_load.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <random>
#include <thread>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "bench/finance_bench_common.h"
#include "parhub/citizen/v1/citizen.grpc.pb.h"
#include "parhub/complaints/v1/complaints.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"
#include "parhub/gateway/v1/gateway.grpc.pb.h"
#include "parhub/reporting/v1/reporting.grpc.pb.h"
#include "parhub/staffing/v1/staffing.grpc.pb.h"
#include "parhub/tasks/v1/tasks.grpc.pb.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/grpc_status.h"

namespace parhub::bench {
namespace {

namespace cpb = ::parhub::complaints::v1;
namespace fpb = ::parhub::finance::v1;
namespace gpb = ::parhub::gateway::v1;
namespace rpb = ::parhub::reporting::v1;
namespace spb = ::parhub::staffing::v1;
namespace tpb = ::parhub::tasks::v1;
namespace zpb = ::parhub::citizen::v1;
using Clock = std::chrono::steady_clock;

struct OpInfo final {
  const char* name;
  bool write;
  int weight;  // default share of the mix, out of 100
};
// In the order of Op.
constexpr OpInfo kOps[kOpCount] = {
    {"get_task", false, 22},      {"list_tasks", false, 12},   {"overview", false, 3},
    {"list_staff", false, 10},    {"list_cases", false, 10},   {"list_invoices", false, 10},
    {"forecast", false, 3},       {"list_payments", false, 7}, {"list_progress", false, 7},
    {"add_progress", true, 6},    {"record_payment", true, 6}, {"create_case", true, 4},
    {"citizen_search", false, 0}, {"citizen_track", false, 0}, {"citizen_file", true, 0},
};
constexpr int kFirstPublicOp = static_cast<int>(Op::kCitizenSearch);

// One stub per service on one channel to the gateway.
struct Stubs final {
  explicit Stubs(const std::shared_ptr<grpc::Channel>& c)
      : tasks(tpb::TaskService::NewStub(c)),
        staffing(spb::StaffingService::NewStub(c)),
        complaints(cpb::ComplaintService::NewStub(c)),
        finance(fpb::FinanceService::NewStub(c)),
        reporting(rpb::ReportingService::NewStub(c)),
        gateway(gpb::GatewayService::NewStub(c)),
        citizen(zpb::PublicService::NewStub(c)) {}
  std::unique_ptr<tpb::TaskService::Stub> tasks;
  std::unique_ptr<spb::StaffingService::Stub> staffing;
  std::unique_ptr<cpb::ComplaintService::Stub> complaints;
  std::unique_ptr<fpb::FinanceService::Stub> finance;
  std::unique_ptr<rpb::ReportingService::Stub> reporting;
  std::unique_ptr<gpb::GatewayService::Stub> gateway;
  std::unique_ptr<zpb::PublicService::Stub> citizen;
};

// One call in flight; deleted by its completion.
template <class Req, class Resp>
struct Pending final {
  grpc::ClientContext context;
  Req request;
  Resp response;
};

using Done = std::function<void(grpc::Status)>;

double Ms(int64_t us) { return static_cast<double>(us) / 1000.0; }

std::string ErrorsText(const RunStats& stats) {
  std::vector<std::string> parts;
  for (int code = 1; code < kStatusCodes; ++code) {
    if (stats.by_code[code] == 0) continue;
    parts.push_back(absl::StrCat(platform::StatusCodeName(static_cast<grpc::StatusCode>(code)), "=",
                                 stats.by_code[code]));
  }
  return absl::StrJoin(parts, " ");
}

class Driver final {
 public:
  Driver(const SoakTargets& targets, const Mix& mix, const SoakOptions& options, MemoryRecorder& memory,
         std::ostream& out)
      : t_(targets), options_(options), memory_(memory), out_(out), random_(options.seed) {
    for (const auto& channel : targets.channels) stubs_.push_back(std::make_unique<Stubs>(channel));
    int sum = 0;
    for (int i = 0; i < kFirstPublicOp; ++i) {
      sum += mix[i];
      cumulative_[i] = sum;
    }
    weight_sum_ = sum;
    progress_count_.assign(t_.bench_tasks.size(), 0);
  }

  SoakTotals Run() {
    start_ = Clock::now();
    end_ = start_ + Seconds(options_.duration_s);
    std::thread reporter([this] { Reporter(); });
    Schedule();
    // The calls still in flight finish (or reach their deadline).
    const Clock::time_point drain_until =
        Clock::now() + absl::ToChronoNanoseconds(options_.deadline) + std::chrono::seconds(5);
    while (in_flight_.load() > 0 && Clock::now() < drain_until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    wake_.notify_all();
    reporter.join();
    // The last interval, with the calls that ended while draining.
    PrintInterval(memory_.Sample(options_.duration_s), options_.duration_s);

    SoakTotals totals;
    std::lock_guard<std::mutex> lock(mu_);
    for (int i = 0; i < kOpCount; ++i) {
      totals.per_op[i] = per_op_[i];
      RunStats copy = per_op_[i];
      totals.all.Merge(std::move(copy));
      std::sort(totals.per_op[i].latencies_us.begin(), totals.per_op[i].latencies_us.end());
    }
    std::sort(totals.all.latencies_us.begin(), totals.all.latencies_us.end());
    totals.skipped = skipped_total_;
    totals.seconds = options_.duration_s;
    return totals;
  }

 private:
  static Clock::duration Seconds(double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
  }

  // Starts the calls at their times: the mix every 1/rate s, a public read
  // every public_period_s, a citizen filing every 3600/files_per_hour s
  // (the first after 20 s).
  void Schedule() {
    const Clock::duration main_step = Seconds(1.0 / options_.rate);
    const Clock::duration public_step = Seconds(options_.public_period_s);
    const bool files = options_.files_per_hour > 0;
    const Clock::duration file_step = Seconds(files ? 3600.0 / options_.files_per_hour : 1e9);
    Clock::time_point next_main = start_, next_public = start_ + public_step / 2,
                      next_file = files ? start_ + std::chrono::seconds(20) : Clock::time_point::max();
    int64_t public_calls = 0;
    while (true) {
      const Clock::time_point next = std::min({next_main, next_public, next_file});
      if (next >= end_) break;
      std::this_thread::sleep_until(next);
      if (next == next_main) {
        Issue(PickMixed(), next);
        next_main += main_step;
      } else if (next == next_public) {
        const bool track = public_calls++ % 2 == 1 && HasFiled();
        Issue(track ? Op::kCitizenTrack : Op::kCitizenSearch, next);
        next_public += public_step;
      } else {
        Issue(Op::kCitizenFile, next);
        next_file += file_step;
      }
    }
  }

  Op PickMixed() {
    std::uniform_int_distribution<int> d(1, weight_sum_);
    const int r = d(random_);
    for (int i = 0; i < kFirstPublicOp; ++i) {
      if (r <= cumulative_[i]) return static_cast<Op>(i);
    }
    return Op::kGetTask;
  }

  template <class T>
  const T& PickFrom(const std::vector<T>& items) {
    std::uniform_int_distribution<size_t> d(0, items.size() - 1);
    return items[d(random_)];
  }

  bool HasFiled() {
    std::lock_guard<std::mutex> lock(mu_);
    return !tracking_code_.empty();
  }

  template <class Resp, class Req, class Start>
  void Launch(Op op, const std::string& key, Clock::time_point scheduled, Req request, Start start,
              std::function<void(const Resp&)> on_ok = nullptr) {
    if (in_flight_.load() >= options_.max_in_flight) {
      std::lock_guard<std::mutex> lock(mu_);
      ++skipped_interval_;
      ++skipped_total_;
      return;
    }
    ++in_flight_;
    auto* p = new Pending<Req, Resp>;
    p->request = std::move(request);
    if (!key.empty()) p->context.AddMetadata("authorization", absl::StrCat("Bearer ", key));
    p->context.set_deadline(std::chrono::system_clock::now() + absl::ToChronoNanoseconds(options_.deadline));
    Stubs& stubs = *stubs_[next_stub_++ % stubs_.size()];
    start(stubs, &p->context, &p->request, &p->response,
          Done([this, p, op, scheduled, on_ok = std::move(on_ok)](grpc::Status status) {
            if (status.ok() && on_ok) on_ok(p->response);
            Complete(op, scheduled, status);
            delete p;
          }));
  }

  void Issue(Op op, Clock::time_point scheduled) {
    const std::string request_id = absl::StrCat("soak-", platform::RandomId());
    const int64_t n = ++sequence_;
    switch (op) {
      case Op::kGetTask: {
        tpb::GetTaskRequest r;
        r.set_name(PickFrom(t_.demo_tasks));
        Launch<tpb::Task>(op, t_.principal_key, scheduled, std::move(r),
                          [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                            s.tasks->async()->GetTask(c, q, a, std::move(d));
                          });
        return;
      }
      case Op::kListTasks: {
        tpb::ListTasksRequest r;
        r.set_parent(t_.demo_plan);
        r.set_page_size(50);
        Launch<tpb::ListTasksResponse>(op, t_.principal_key, scheduled, std::move(r),
                                       [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                         s.tasks->async()->ListTasks(c, q, a, std::move(d));
                                       });
        return;
      }
      case Op::kOverview: {
        gpb::GetAuthorityOverviewRequest r;
        r.set_authority(t_.ward);
        *r.mutable_period_start() = ToProtoDate(absl::CivilDay(t_.year, 1, 1));
        *r.mutable_period_end() = ToProtoDate(absl::CivilDay(t_.year, 12, 31));
        Launch<gpb::AuthorityOverview>(op, t_.officer_key, scheduled, std::move(r),
                                       [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                         s.gateway->async()->GetAuthorityOverview(c, q, a, std::move(d));
                                       });
        return;
      }
      case Op::kListStaff: {
        spb::ListStaffRequest r;
        r.set_parent(t_.demo_school);
        r.set_page_size(50);
        Launch<spb::ListStaffResponse>(op, t_.principal_key, scheduled, std::move(r),
                                       [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                         s.staffing->async()->ListStaff(c, q, a, std::move(d));
                                       });
        return;
      }
      case Op::kListCases: {
        cpb::ListCasesRequest r;
        r.set_parent(t_.demo_school);
        r.set_page_size(20);
        Launch<cpb::ListCasesResponse>(op, t_.principal_key, scheduled, std::move(r),
                                       [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                         s.complaints->async()->ListCases(c, q, a, std::move(d));
                                       });
        return;
      }
      case Op::kListInvoices: {
        fpb::ListInvoicesRequest r;
        r.set_parent(t_.demo_school);
        r.set_page_size(20);
        Launch<fpb::ListInvoicesResponse>(op, t_.principal_key, scheduled, std::move(r),
                                          [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                            s.finance->async()->ListInvoices(c, q, a, std::move(d));
                                          });
        return;
      }
      case Op::kForecast: {
        rpb::GetParForecastRequest r;
        r.set_school(t_.demo_school);
        r.set_year(t_.year);
        Launch<rpb::ParForecast>(op, t_.principal_key, scheduled, std::move(r),
                                 [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                   s.reporting->async()->GetParForecast(c, q, a, std::move(d));
                                 });
        return;
      }
      case Op::kListPayments: {
        fpb::ListPaymentsRequest r;
        r.set_parent(t_.bench_school);
        r.set_invoice(PickFrom(t_.bench_invoices));
        r.set_page_size(20);
        Launch<fpb::ListPaymentsResponse>(op, t_.bench_key, scheduled, std::move(r),
                                          [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                            s.finance->async()->ListPayments(c, q, a, std::move(d));
                                          });
        return;
      }
      case Op::kListProgress: {
        tpb::ListProgressUpdatesRequest r;
        r.set_parent(PickFrom(t_.bench_tasks));
        r.set_page_size(20);
        Launch<tpb::ListProgressUpdatesResponse>(
            op, t_.bench_key, scheduled, std::move(r), [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
              s.tasks->async()->ListProgressUpdates(c, q, a, std::move(d));
            });
        return;
      }
      case Op::kAddProgress: {
        // Round robin over the bench tasks, each one's percent rising by 5
        // a visit up to 95 (never 100: a done task takes no more updates;
        // never lower: refused). A task is visited every few minutes, so
        // two updates of one task are never in flight together.
        const size_t task = progress_next_++ % t_.bench_tasks.size();
        const int visits = ++progress_count_[task];
        tpb::AddProgressUpdateRequest r;
        r.set_parent(t_.bench_tasks[task]);
        r.set_request_id(request_id);
        tpb::ProgressUpdate* u = r.mutable_progress_update();
        u->set_percent_done(std::min(95, 5 * visits));
        u->set_note(absl::StrCat("Cập nhật tiến độ thử tải số ", n, " (soak benchmark)"));
        Launch<tpb::ProgressUpdate>(op, t_.bench_key, scheduled, std::move(r),
                                    [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                      s.tasks->async()->AddProgressUpdate(c, q, a, std::move(d));
                                    });
        return;
      }
      case Op::kRecordPayment: {
        fpb::RecordPaymentRequest r;
        r.set_parent(t_.bench_school);
        r.set_request_id(request_id);
        fpb::Payment* p = r.mutable_payment();
        p->set_invoice(t_.bench_invoices[payment_next_++ % t_.bench_invoices.size()]);
        p->set_amount(1'000);
        p->set_method(fpb::PAYMENT_METHOD_CASH);
        *p->mutable_paid_time() = ToProtoTime(absl::Now() - absl::Seconds(1));
        p->set_payer_name("Phụ huynh thử tải (soak)");
        Launch<fpb::Payment>(op, t_.bench_key, scheduled, std::move(r),
                             [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                               s.finance->async()->RecordPayment(c, q, a, std::move(d));
                             });
        return;
      }
      case Op::kCreateCase: {
        // A parent's feedback taken at the school's desk.
        cpb::CreateCaseRequest r;
        r.set_parent(t_.bench_school);
        r.set_request_id(request_id);
        cpb::Case* k = r.mutable_case_();
        k->set_case_type(cpb::CASE_TYPE_FEEDBACK);
        k->set_channel(cpb::CHANNEL_IN_PERSON);
        k->set_subject(absl::StrCat("Góp ý thử tải số ", n));
        k->set_content("Phụ huynh góp ý về giờ đón trẻ buổi chiều (nội dung thử tải, soak benchmark).");
        *k->mutable_received_date() = ToProtoDate(absl::ToCivilDay(absl::Now(), VietnamTime()));
        k->mutable_submitter()->set_full_name(absl::StrCat("Phụ huynh thử tải ", n));
        k->mutable_submitter()->set_phone(absl::StrFormat("09%08d", n % 100'000'000));
        Launch<cpb::Case>(op, t_.bench_key, scheduled, std::move(r),
                          [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                            s.complaints->async()->CreateCase(c, q, a, std::move(d));
                          });
        return;
      }
      case Op::kCitizenSearch: {
        zpb::SearchSchoolsRequest r;
        r.set_query("Mầm non");
        r.set_page_size(10);
        Launch<zpb::SearchSchoolsResponse>(op, "", scheduled, std::move(r),
                                           [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                             s.citizen->async()->SearchSchools(c, q, a, std::move(d));
                                           });
        return;
      }
      case Op::kCitizenTrack: {
        zpb::TrackCaseRequest r;
        {
          std::lock_guard<std::mutex> lock(mu_);
          r.set_tracking_code(tracking_code_);
          r.set_tracking_secret(tracking_secret_);
        }
        Launch<cpb::PublicCaseView>(op, "", scheduled, std::move(r),
                                    [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
                                      s.citizen->async()->TrackCase(c, q, a, std::move(d));
                                    });
        return;
      }
      case Op::kCitizenFile: {
        zpb::FileCaseRequest r;
        r.set_school(t_.bench_school);
        r.set_case_type(cpb::CASE_TYPE_FEEDBACK);
        r.set_subject(absl::StrCat("Phản ánh thử tải số ", n));
        r.set_content("Đề nghị nhà trường bố trí thêm chỗ để xe cho phụ huynh (nội dung thử tải, soak).");
        r.mutable_contact()->set_full_name(absl::StrCat("Người dân thử tải ", n));
        r.mutable_contact()->set_phone(absl::StrFormat("08%08d", n % 100'000'000));
        r.set_consent(true);
        r.set_request_id(request_id);
        Launch<zpb::FileCaseResponse>(
            op, "", scheduled, std::move(r),
            [](Stubs& s, auto* c, auto* q, auto* a, Done d) {
              s.citizen->async()->FileCase(c, q, a, std::move(d));
            },
            [this](const zpb::FileCaseResponse& filed) {
              std::lock_guard<std::mutex> lock(mu_);
              tracking_code_ = filed.tracking_code();
              tracking_secret_ = filed.tracking_secret();
            });
        return;
      }
    }
  }

  void Complete(Op op, Clock::time_point scheduled, const grpc::Status& status) {
    const int64_t us =
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - scheduled).count();
    static const std::string kNone;
    const std::string message = status.ok() ? kNone : absl::StrCat(OpName(op), ": ", status.error_message());
    {
      std::lock_guard<std::mutex> lock(mu_);
      interval_.Record(status.error_code(), us, message);
      per_op_[static_cast<int>(op)].Record(status.error_code(), us, message);
      if (status.ok() && IsWrite(op)) ++writes_interval_;
    }
    --in_flight_;
  }

  // Samples memory every rss_period_s and prints every interval_s until
  // the scheduler has stopped.
  void Reporter() {
    int64_t sample_k = 1, report_k = 1;
    while (true) {
      const double next_sample = options_.rss_period_s * static_cast<double>(sample_k);
      const double next_report = options_.interval_s * static_cast<double>(report_k);
      const double next = std::min(next_sample, next_report);
      if (next >= options_.duration_s - 1e-6) return;
      {
        std::unique_lock<std::mutex> lock(mu_);
        if (wake_.wait_until(lock, start_ + Seconds(next), [this] { return stop_; })) return;
      }
      MemorySample sample = memory_.Sample(next);
      if (next_sample <= next + 1e-6) ++sample_k;
      if (next_report <= next + 1e-6) {
        PrintInterval(sample, next);
        ++report_k;
      }
    }
  }

  void PrintInterval(const MemorySample& sample, double t) {
    RunStats stats;
    int64_t skipped = 0, writes = 0;
    {
      std::lock_guard<std::mutex> lock(mu_);
      std::swap(stats, interval_);
      std::swap(skipped, skipped_interval_);
      std::swap(writes, writes_interval_);
    }
    const double seconds = std::max(1e-3, t - last_report_t_);
    last_report_t_ = t;
    std::sort(stats.latencies_us.begin(), stats.latencies_us.end());
    std::vector<std::string> rss;
    for (size_t i = 0; i < memory_.processes().size() && i < sample.rss_kib.size(); ++i) {
      rss.push_back(absl::StrFormat("%s=%.1f", memory_.processes()[i].name,
                                    static_cast<double>(sample.rss_kib[i]) / 1024.0));
    }
    const std::string errors = ErrorsText(stats);
    out_ << absl::StrFormat(
                "INTERVAL t=%.0fs calls=%d ok_per_s=%.1f writes_ok=%d errors=%d%s skipped=%d p50_ms=%.1f "
                "p99_ms=%.1f max_ms=%.1f | rss_mib %s",
                t, stats.Calls(), static_cast<double>(stats.Ok()) / seconds, writes, stats.Errors(),
                errors.empty() ? "" : " (" + errors + ")", skipped, Ms(Percentile(stats.latencies_us, 0.5)),
                Ms(Percentile(stats.latencies_us, 0.99)),
                stats.latencies_us.empty() ? 0.0 : Ms(stats.latencies_us.back()), absl::StrJoin(rss, " "))
         << "\n";
    for (int code = 1; code < kStatusCodes; ++code) {
      if (stats.by_code[code] == 0) continue;
      out_ << "  e.g. " << platform::StatusCodeName(static_cast<grpc::StatusCode>(code)) << " "
           << stats.first_message[code].substr(0, 300) << "\n";
    }
    out_.flush();
  }

  const SoakTargets& t_;
  const SoakOptions options_;
  MemoryRecorder& memory_;
  std::ostream& out_;
  std::vector<std::unique_ptr<Stubs>> stubs_;
  std::array<int, kOpCount> cumulative_{};
  int weight_sum_ = 0;
  Clock::time_point start_, end_;
  double last_report_t_ = 0;

  // Scheduler thread only.
  std::mt19937_64 random_;
  size_t next_stub_ = 0;
  size_t progress_next_ = 0;
  std::vector<int> progress_count_;
  size_t payment_next_ = 0;
  int64_t sequence_ = 0;

  std::atomic<int> in_flight_{0};
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  RunStats interval_;
  std::array<RunStats, kOpCount> per_op_;
  int64_t writes_interval_ = 0;
  int64_t skipped_interval_ = 0;
  int64_t skipped_total_ = 0;
  std::string tracking_code_, tracking_secret_;
};

}  // namespace

const char* OpName(Op op) { return kOps[static_cast<int>(op)].name; }
bool IsWrite(Op op) { return kOps[static_cast<int>(op)].write; }

Mix DefaultMix() {
  Mix mix{};
  for (int i = 0; i < kOpCount; ++i) mix[i] = kOps[i].weight;
  return mix;
}

bool ParseMix(const std::string& spec, Mix* mix, std::string* error) {
  for (absl::string_view item : absl::StrSplit(spec, ',', absl::SkipWhitespace())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(item, absl::MaxSplits('=', 1));
    int index = -1;
    for (int i = 0; i < kFirstPublicOp; ++i) {
      if (kv.first == kOps[i].name) index = i;
    }
    int weight = 0;
    if (index < 0 || !absl::SimpleAtoi(kv.second, &weight) || weight < 0) {
      *error = absl::StrCat("bad --mix item '", item, "' (want <op>=<weight ≥ 0>, op one of ",
                            MixText(DefaultMix()), ")");
      return false;
    }
    (*mix)[index] = weight;
  }
  int sum = 0;
  for (int i = 0; i < kFirstPublicOp; ++i) sum += (*mix)[i];
  if (sum <= 0) {
    *error = "--mix: the weights add up to 0";
    return false;
  }
  return true;
}

std::string MixText(const Mix& mix) {
  std::vector<std::string> parts;
  for (int i = 0; i < kFirstPublicOp; ++i) parts.push_back(absl::StrCat(kOps[i].name, "=", mix[i]));
  return absl::StrJoin(parts, ",");
}

SoakTotals RunSoak(const SoakTargets& targets, const Mix& mix, const SoakOptions& options,
                   MemoryRecorder& memory, std::ostream& out) {
  Driver driver(targets, mix, options, memory, out);
  return driver.Run();
}

void PrintTotals(const SoakTotals& totals, std::ostream& out) {
  out << absl::StrFormat("%-15s %9s %8s %8s %8s %9s  %s\n", "op", "calls", "per_s", "p50_ms", "p99_ms",
                         "max_ms", "errors");
  auto row = [&](const std::string& name, const RunStats& s) {
    out << absl::StrFormat("%-15s %9d %8.2f %8.1f %8.1f %9.1f  %s\n", name, s.Calls(),
                           static_cast<double>(s.Calls()) / totals.seconds,
                           Ms(Percentile(s.latencies_us, 0.5)), Ms(Percentile(s.latencies_us, 0.99)),
                           s.latencies_us.empty() ? 0.0 : Ms(s.latencies_us.back()),
                           s.Errors() == 0 ? "0" : absl::StrCat(s.Errors(), " (", ErrorsText(s), ")"));
  };
  for (int i = 0; i < kOpCount; ++i) {
    if (totals.per_op[i].Calls() > 0) row(kOps[i].name, totals.per_op[i]);
  }
  row("all", totals.all);
  if (totals.skipped > 0) out << "skipped (client in-flight cap): " << totals.skipped << "\n";
  for (int code = 1; code < kStatusCodes; ++code) {
    if (totals.all.by_code[code] == 0) continue;
    out << "  e.g. " << platform::StatusCodeName(static_cast<grpc::StatusCode>(code)) << " "
        << totals.all.first_message[code].substr(0, 300) << "\n";
  }
}

}  // namespace parhub::bench
