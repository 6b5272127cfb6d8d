// parhub-finance-payments-bench: cash payments through the running gateway,
// as a school admin would record them at the school office.
//
// Setup (its own new school "bench-fin-<tag>" under authorities/bench-finance,
// never a demo school; see finance_bench_common.h): finance settings, one fee
// item of 10.000.000 đồng a month (charge kind "khac", 2026-2027), --pupils
// pupils and one invoice each for --period (BatchCreateInvoices, timed:
// "batch_invoicing_2000_pupils_s").
//
// Load: --in_flight callers, each keeping one payment in flight with the
// callback API (no thread waits on a call). A payment is RecordPayment of
// 1.000 đồng cash on the next invoice in turn (10.000.000 / 1.000 = 10,000
// payments fit in one invoice), with its own random request_id. With
// --retries R every payment is sent R times at once with the same request_id
// and body — a client retrying eagerly — so R × --in_flight calls are in
// flight; exactly one payment must be recorded for it. When none of its
// copies succeeded with a code that may hide a commit (DEADLINE_EXCEEDED,
// UNAVAILABLE, ABORTED) the payment is sent again, same request_id, up to
// --resends times. Runs for --duration_s, or until --payments payments were
// started when that is > 0; calls still in flight at the end are awaited.
//
// Reported: throughput (acknowledged payments/s and calls/s), latency of
// every successful call (p50, p90, p99, max), errors by status code, and
// with --watch_pids the CPU each process spent in the load phase per
// payment. Then the school is checked: ListPayments (every page) groups the
// recorded payments by request_id — the payer name carries it — and
// ListInvoices sums paid_amount, both against the acknowledged request_ids;
// CheckLedger says whether the ledger balances. Last line:
//   RESULT payments_per_s=N p99_ms=N duplicates=N ledger_balanced=true|false
// duplicates = payments recorded beyond the first for the same request_id
// (in the school's payments list, and in the answers: different payment
// names returned for one request_id).
#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "bench/finance_bench_common.h"
#include "bench/latency_stats.h"
#include "platform/core/resource_name.h"
#include "platform/rpc/grpc_status.h"

ABSL_FLAG(std::string, gateway, "127.0.0.1:50050", "Gateway host:port (plaintext public port)");
ABSL_FLAG(std::string, admin_key_file, ".run/secrets/admin.key",
          "File holding the root administrator's API key (creates the bench school and its admin)");
ABSL_FLAG(int, pupils, 2000, "Pupils (one invoice each) in the bench school");
ABSL_FLAG(int, class_size, 40, "Pupils per class (BatchCreateInvoices is called per group of whole classes)");
ABSL_FLAG(std::string, period, "2026-12", "Invoice period");
ABSL_FLAG(std::string, due_date, "2026-12-31", "Invoices' due date (not before today, within a year)");
ABSL_FLAG(std::string, school_year, "2026-2027", "Fee item's school year (must be the period's)");
ABSL_FLAG(int64_t, fee_amount, 10'000'000, "Fee item amount, đồng a month (charge kind khac: uncapped)");
ABSL_FLAG(int64_t, payment_amount, 1'000, "Amount of each payment, đồng");
ABSL_FLAG(int, in_flight, 64, "Payments in flight (each sent --retries times at once)");
ABSL_FLAG(int, retries, 1,
          "Copies of each payment sent at once with the same request_id (8: reliability case)");
ABSL_FLAG(
    int, resends, 2,
    "Times a payment is sent again (same request_id) when no copy succeeded and the code may hide a commit");
ABSL_FLAG(double, duration_s, 30, "Load phase length when --payments is 0");
ABSL_FLAG(int64_t, payments, 0, "Payments to record (> 0: ignore --duration_s)");
ABSL_FLAG(int, channels, 1, "gRPC channels (TCP connections) to the gateway");
ABSL_FLAG(double, deadline_s, 10, "Deadline of each RecordPayment call (the gateway cuts any call at 10 s)");
ABSL_FLAG(bool, list_payments, true,
          "After the run, list every payment of the school (pages of 1,000) to count them per request_id");
ABSL_FLAG(bool, replay_floor, false,
          "The call path's floor: each caller records one payment, then sends that same request "
          "(same request_id) again and again, so every later call is a replay — the whole chain "
          "(gateway, identity, finance, one key lookup in MariaDB) without the payment's writes");
ABSL_FLAG(std::string, watch_pids, "",
          "name=pid,… processes whose CPU time in the load phase is reported per payment "
          "(bench/run_payments.sh passes gateway, finance and mariadb)");

namespace parhub::bench {
namespace {

namespace fpb = ::parhub::finance::v1;
using Clock = std::chrono::steady_clock;

// Payer names carry the request_id after this text, so the school's payments
// can be grouped by request_id afterwards.
constexpr char kPayerPrefix[] = "Phụ huynh thử tải ";

// One payment: a request sent --retries times at once, maybe in several
// rounds.
struct PaymentJob final {
  fpb::RecordPaymentRequest request;
  int rounds = 0;
  int pending = 0;
  bool acknowledged = false;
  grpc::StatusCode last_error = grpc::StatusCode::OK;
  std::set<std::string> names;  // payment names answered for this request_id
};

// What became of a payment.
struct Outcome final {
  std::string request_id;
  bool acknowledged = false;
  int rounds = 0;
  std::set<std::string> names;
};

// One copy in flight; deleted by its completion.
struct CopyCall final {
  grpc::ClientContext context;
  fpb::RecordPaymentRequest request;
  fpb::Payment response;
  Clock::time_point start;
};

// A caller: one payment at a time. Its copies complete on gRPC's threads,
// so the slot's state is guarded by `mu`.
struct Slot final {
  fpb::FinanceService::Stub* stub = nullptr;
  size_t index = 0;
  std::optional<fpb::RecordPaymentRequest> floor_request;  // --replay_floor: the one request it repeats
  std::mutex mu;
  RunStats stats;
  std::unique_ptr<PaymentJob> job;
  std::vector<Outcome> outcomes;
};

class Runner final {
 public:
  struct Settings {
    std::string parent;
    std::string bearer;
    std::vector<std::string> invoices;
    int64_t amount = 0;
    int64_t capacity = 0;  // payments that fit in the invoices
    int64_t target = 0;    // 0: until the end time
    int retries = 1;
    int resends = 0;
    absl::Duration deadline;
    std::string tag;
    bool replay_floor = false;  // each slot sends its one request again and again
  };

  explicit Runner(Settings settings) : s_(std::move(settings)) {}

  // Runs the load phase; returns its wall time in seconds.
  double Run(const std::vector<std::unique_ptr<fpb::FinanceService::Stub>>& stubs, int in_flight,
             absl::Duration duration) {
    slots_.clear();
    for (int i = 0; i < in_flight; ++i) {
      slots_.push_back(std::make_unique<Slot>());
      slots_.back()->stub = stubs[static_cast<size_t>(i) % stubs.size()].get();
      slots_.back()->index = static_cast<size_t>(i);
    }
    active_ = in_flight;
    begin_ = Clock::now();
    end_ = s_.target > 0 ? Clock::time_point::max() : begin_ + absl::ToChronoNanoseconds(duration);
    for (auto& slot : slots_) Issue(slot.get());
    std::unique_lock<std::mutex> lock(mu_);
    drained_.wait(lock, [this] { return active_ == 0; });
    return std::chrono::duration<double>(Clock::now() - begin_).count();
  }

  std::vector<std::unique_ptr<Slot>>& slots() { return slots_; }

 private:
  // Starts the slot's next payment, or retires the slot.
  void Issue(Slot* slot) {
    const int64_t n = next_.fetch_add(1, std::memory_order_relaxed);
    const bool enough =
        (s_.target > 0 && n >= s_.target) || (!s_.replay_floor && n >= s_.capacity) || Clock::now() >= end_;
    if (enough) {
      std::lock_guard<std::mutex> lock(mu_);
      if (--active_ == 0) drained_.notify_all();
      return;
    }
    auto job = std::make_unique<PaymentJob>();
    const std::string request_id = s_.replay_floor ? absl::StrCat("bp-", s_.tag, "-floor-", slot->index)
                                                   : absl::StrCat("bp-", s_.tag, "-", platform::RandomId());
    job->request.set_parent(s_.parent);
    job->request.set_request_id(request_id);
    fpb::Payment* payment = job->request.mutable_payment();
    // Round-robin: calls in flight at once pay different invoices.
    const size_t turn = s_.replay_floor ? slot->index : static_cast<size_t>(n);
    payment->set_invoice(s_.invoices[turn % s_.invoices.size()]);
    payment->set_amount(s_.amount);
    payment->set_method(fpb::PAYMENT_METHOD_CASH);
    *payment->mutable_paid_time() = ToProtoTime(absl::Now());
    payment->set_payer_name(absl::StrCat(kPayerPrefix, request_id));
    {
      std::lock_guard<std::mutex> lock(slot->mu);
      if (s_.replay_floor) {
        // The very same body each time, or the service refuses the reused request_id.
        if (slot->floor_request.has_value()) {
          job->request = *slot->floor_request;
        } else {
          slot->floor_request = job->request;
        }
      }
      slot->job = std::move(job);
    }
    SendRound(slot);
  }

  // Sends the slot's payment --retries times at once. Every copy is made
  // before the first starts, so `pending` is right whichever completes first.
  void SendRound(Slot* slot) {
    std::vector<CopyCall*> copies;
    {
      std::lock_guard<std::mutex> lock(slot->mu);
      PaymentJob& job = *slot->job;
      ++job.rounds;
      job.pending = s_.retries;
      for (int i = 0; i < s_.retries; ++i) {
        auto* call = new CopyCall;
        call->request = job.request;  // identical body and request_id
        call->context.AddMetadata("authorization", s_.bearer);
        call->context.set_deadline(std::chrono::system_clock::now() +
                                   absl::ToChronoMilliseconds(s_.deadline));
        copies.push_back(call);
      }
    }
    for (CopyCall* call : copies) {
      call->start = Clock::now();
      slot->stub->async()->RecordPayment(
          &call->context, &call->request, &call->response,
          [this, slot, call](grpc::Status status) { Complete(slot, call, status); });
    }
  }

  void Complete(Slot* slot, CopyCall* call, const grpc::Status& status) {
    const auto latency = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - call->start);
    bool round_done = false, again = false;
    {
      std::lock_guard<std::mutex> lock(slot->mu);
      slot->stats.Record(status.error_code(), latency.count(), status.error_message());
      PaymentJob& job = *slot->job;
      if (status.ok()) {
        job.acknowledged = true;
        job.names.insert(call->response.name());
      } else {
        job.last_error = status.error_code();
      }
      round_done = --job.pending == 0;
      if (round_done) {
        again = !job.acknowledged && MaybeInProgress(job.last_error) && job.rounds <= s_.resends;
        if (!again) {
          slot->outcomes.push_back({.request_id = job.request.request_id(),
                                    .acknowledged = job.acknowledged,
                                    .rounds = job.rounds,
                                    .names = std::move(job.names)});
        }
      }
    }
    delete call;
    if (!round_done) return;
    if (again) {
      SendRound(slot);
    } else {
      Issue(slot);
    }
  }

  const Settings s_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::atomic<int64_t> next_{0};
  Clock::time_point begin_;
  Clock::time_point end_;
  std::mutex mu_;
  std::condition_variable drained_;
  int active_ = 0;
};

// Every payment of the school, grouped by the request_id in its payer name.
struct Listed final {
  int64_t payments = 0;
  int64_t amount = 0;
  std::map<std::string, std::vector<std::string>> by_request_id;  // request_id → payment names
  int64_t foreign = 0;                                            // payer name without a request_id
};

absl::StatusOr<Listed> ListAllPayments(const Gateway& school, const std::string& parent) {
  Listed out;
  fpb::ListPaymentsRequest request;
  request.set_parent(parent);
  request.set_page_size(1000);
  const std::string prefix = kPayerPrefix;
  while (true) {
    grpc::ClientContext context;
    school.Prepare(context, absl::Seconds(30));
    fpb::ListPaymentsResponse page;
    grpc::Status status = school.finance().ListPayments(&context, request, &page);
    if (!status.ok()) return absl::InternalError(absl::StrCat("ListPayments: ", StatusText(status)));
    for (const fpb::Payment& p : page.payments()) {
      if (p.state() != fpb::PAYMENT_STATE_RECORDED) continue;
      ++out.payments;
      out.amount += p.amount();
      const std::string& payer = p.payer_name();
      if (payer.size() > prefix.size() && payer.compare(0, prefix.size(), prefix) == 0) {
        out.by_request_id[payer.substr(prefix.size())].push_back(p.name());
      } else {
        ++out.foreign;
      }
    }
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  return out;
}

int Main() {
  const int in_flight = absl::GetFlag(FLAGS_in_flight);
  const int retries = absl::GetFlag(FLAGS_retries);
  const int channels = absl::GetFlag(FLAGS_channels);
  const int64_t amount = absl::GetFlag(FLAGS_payment_amount);
  const int64_t fee = absl::GetFlag(FLAGS_fee_amount);
  const double duration_s = absl::GetFlag(FLAGS_duration_s);
  const int64_t target = absl::GetFlag(FLAGS_payments);
  if (in_flight < 1 || retries < 1 || channels < 1 || amount < 1 || fee < amount ||
      (target <= 0 && duration_s <= 0) || absl::GetFlag(FLAGS_resends) < 0) {
    std::cerr << "parhub-finance-payments-bench: --in_flight, --retries, --channels ≥ 1; "
                 "1 ≤ --payment_amount ≤ --fee_amount; --duration_s > 0 or --payments > 0\n";
    return 2;
  }
  std::vector<Watched> watched;
  std::string error;
  if (!ParseWatched(absl::GetFlag(FLAGS_watch_pids), &watched, &error)) {
    std::cerr << "parhub-finance-payments-bench: " << error << "\n";
    return 2;
  }
  SetupOptions setup;
  setup.gateway = absl::GetFlag(FLAGS_gateway);
  setup.admin_key_file = absl::GetFlag(FLAGS_admin_key_file);
  setup.purpose = "payments";
  setup.pupils = absl::GetFlag(FLAGS_pupils);
  setup.class_size = absl::GetFlag(FLAGS_class_size);
  setup.fee_amount = fee;
  setup.school_year = absl::GetFlag(FLAGS_school_year);
  setup.period = absl::GetFlag(FLAGS_period);
  if (!ParseDay(absl::GetFlag(FLAGS_due_date), &setup.due_date)) {
    std::cerr << "parhub-finance-payments-bench: --due_date must be YYYY-MM-DD\n";
    return 2;
  }

  std::vector<std::shared_ptr<grpc::Channel>> channel_list;
  for (int i = 0; i < channels; ++i) {
    channel_list.push_back(GatewayChannel(setup.gateway, i));
    if (!channel_list.back()->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(5))) {
      std::cerr << "parhub-finance-payments-bench: cannot connect to the gateway at " << setup.gateway
                << " (start the suite with: bash scripts/up.sh)\n";
      return 1;
    }
  }

  // --- setup ------------------------------------------------------------------
  absl::StatusOr<BenchSchool> school = SetUpBenchSchool(channel_list[0], setup, std::cerr);
  if (!school.ok()) {
    std::cerr << "parhub-finance-payments-bench: setup failed: " << school.status() << "\n";
    return 1;
  }
  std::cout << absl::StrFormat("school %s: %d pupils, %d invoices of %s, %d đồng each\n", school->parent,
                               setup.pupils, static_cast<int>(school->invoices.size()), setup.period, fee);
  std::cout << absl::StrFormat("import_pupils_s=%.3f\n", school->import_pupils_s);
  std::cout << absl::StrFormat("batch_invoicing_%d_pupils_s=%.3f%s\n", school->first_batch_invoices,
                               school->first_batch_s,
                               school->batch_exceeded_call_deadline
                                   ? " (exceeded the gateway's 10 s call deadline: time until the invoices "
                                     "were visible)"
                                   : "");
  if (school->batch_calls > 1) {
    std::cout << absl::StrFormat("batch_invoicing_all_s=%.3f (%d calls)\n", school->all_batches_s,
                                 school->batch_calls);
  }

  // --- load ---------------------------------------------------------------------
  const Gateway as_school(channel_list[0], school->api_key);
  Runner::Settings settings;
  settings.parent = school->parent;
  settings.bearer = absl::StrCat("Bearer ", school->api_key);
  for (const BenchInvoice& invoice : school->invoices) settings.invoices.push_back(invoice.name);
  settings.amount = amount;
  settings.capacity = static_cast<int64_t>(settings.invoices.size()) * (fee / amount);
  settings.target = target;
  settings.retries = retries;
  settings.resends = absl::GetFlag(FLAGS_resends);
  settings.deadline = absl::Seconds(absl::GetFlag(FLAGS_deadline_s));
  settings.tag = school->tag;
  settings.replay_floor = absl::GetFlag(FLAGS_replay_floor);
  if (target > settings.capacity) {
    std::cerr << "parhub-finance-payments-bench: --payments " << target << " do not fit in "
              << settings.invoices.size() << " invoices (" << settings.capacity << " payments of " << amount
              << " đồng); raise --pupils\n";
    return 2;
  }
  std::vector<std::unique_ptr<fpb::FinanceService::Stub>> stubs;
  for (const auto& channel : channel_list) stubs.push_back(fpb::FinanceService::NewStub(channel));

  std::cerr << absl::StrFormat(
      "load: %d payments in flight x %d copies, %s\n", in_flight, retries,
      target > 0 ? absl::StrCat(target, " payments") : absl::StrCat(duration_s, " s"));
  Runner runner(settings);
  const double self_before = SelfCpuSeconds();
  for (Watched& w : watched) w.before_s = ProcessCpuSeconds(w.pid);
  const double wall_s =
      runner.Run(stubs, in_flight, target > 0 ? absl::InfiniteDuration() : absl::Seconds(duration_s));
  const double self_cpu_s = SelfCpuSeconds() - self_before;
  for (Watched& w : watched) w.after_s = ProcessCpuSeconds(w.pid);

  RunStats stats;
  std::vector<Outcome> outcomes;
  for (auto& slot : runner.slots()) {
    std::lock_guard<std::mutex> lock(slot->mu);
    stats.Merge(std::move(slot->stats));
    for (Outcome& o : slot->outcomes) outcomes.push_back(std::move(o));
  }
  std::sort(stats.latencies_us.begin(), stats.latencies_us.end());
  int64_t acknowledged = 0, unacknowledged = 0, resent = 0, answer_duplicates = 0;
  std::set<std::string> acknowledged_ids;
  for (const Outcome& o : outcomes) {
    if (o.acknowledged) {
      ++acknowledged;
      acknowledged_ids.insert(o.request_id);
    } else {
      ++unacknowledged;
    }
    if (o.rounds > 1) ++resent;
    if (o.names.size() > 1) answer_duplicates += static_cast<int64_t>(o.names.size()) - 1;
  }
  const double ms = 1e-3;
  const double p50 = static_cast<double>(Percentile(stats.latencies_us, 0.50)) * ms;
  const double p90 = static_cast<double>(Percentile(stats.latencies_us, 0.90)) * ms;
  const double p99 = static_cast<double>(Percentile(stats.latencies_us, 0.99)) * ms;
  const double max = stats.latencies_us.empty() ? 0 : static_cast<double>(stats.latencies_us.back()) * ms;
  const double payments_per_s = wall_s > 0 ? static_cast<double>(acknowledged) / wall_s : 0;
  // Payments recorded: one per distinct request_id (with --replay_floor, one
  // per caller however often it was answered).
  const auto distinct = static_cast<int64_t>(acknowledged_ids.size());
  std::vector<std::string> errors;
  for (int code = 1; code < kStatusCodes; ++code) {
    if (stats.by_code[code] == 0) continue;
    const char* name = platform::StatusCodeName(static_cast<grpc::StatusCode>(code));
    errors.push_back(absl::StrCat(name, "=", stats.by_code[code]));
    std::cerr << "RecordPayment " << name << " e.g.: " << stats.first_message[code] << "\n";
  }
  std::cout << absl::StrFormat(
      "load: %d in flight x %d copies, %.1f s: %d payments acknowledged (%d not, %d sent again), "
      "%.1f payments/s; %d calls, %.1f calls/s, errors %d%s; call latency ms p50 %.2f p90 %.2f p99 %.2f "
      "max %.2f\n",
      in_flight, retries, wall_s, acknowledged, unacknowledged, resent, payments_per_s, stats.Calls(),
      wall_s > 0 ? static_cast<double>(stats.Calls()) / wall_s : 0, stats.Errors(),
      errors.empty() ? "" : absl::StrCat(" (", absl::StrJoin(errors, ", "), ")"), p50, p90, p99, max);
  std::cout << "payments_acknowledged=" << acknowledged << "\n";
  if (!watched.empty()) {
    std::vector<std::string> parts;
    for (const Watched& w : watched) {
      if (w.before_s < 0 || w.after_s < 0 || acknowledged == 0) {
        parts.push_back(absl::StrCat(w.name, "=?"));
        continue;
      }
      parts.push_back(absl::StrFormat("%s=%.0f", w.name,
                                      (w.after_s - w.before_s) * 1e6 / static_cast<double>(acknowledged)));
    }
    parts.push_back(absl::StrFormat(
        "bench=%.0f", acknowledged > 0 ? self_cpu_s * 1e6 / static_cast<double>(acknowledged) : 0.0));
    std::cout << "cpu_us_per_payment " << absl::StrJoin(parts, " ")
              << " (load phase only, /proc/<pid>/stat)\n";
  }

  // --- verification ---------------------------------------------------------------
  bool consistent = true;
  int64_t duplicates = answer_duplicates;
  if (absl::GetFlag(FLAGS_list_payments)) {
    absl::StatusOr<Listed> listed = ListAllPayments(as_school, school->parent);
    if (!listed.ok()) {
      std::cerr << "parhub-finance-payments-bench: " << listed.status() << "\n";
      consistent = false;
    } else {
      int64_t recorded_duplicates = 0, recorded_not_acknowledged = 0, acknowledged_missing = 0;
      for (const auto& [request_id, names] : listed->by_request_id) {
        recorded_duplicates += static_cast<int64_t>(names.size()) - 1;
        if (!acknowledged_ids.contains(request_id)) ++recorded_not_acknowledged;
      }
      for (const std::string& id : acknowledged_ids) {
        if (!listed->by_request_id.contains(id)) ++acknowledged_missing;
      }
      const auto distinct_recorded = static_cast<int64_t>(listed->by_request_id.size());
      duplicates = std::max(duplicates, recorded_duplicates);
      consistent = consistent && listed->payments == distinct && distinct_recorded == distinct &&
                   acknowledged_missing == 0 && listed->foreign == 0;
      std::cout << absl::StrFormat(
          "ListPayments: %d payments recorded for %d distinct request_ids (%d more than once: %d duplicate "
          "payments); acknowledged request_ids %d, of which missing %d; recorded but never acknowledged %d\n",
          listed->payments, distinct_recorded,
          std::count_if(listed->by_request_id.begin(), listed->by_request_id.end(),
                        [](const auto& e) { return e.second.size() > 1; }),
          recorded_duplicates, distinct, acknowledged_missing, recorded_not_acknowledged);
    }
  }
  absl::StatusOr<std::vector<BenchInvoice>> invoices =
      ListPeriodInvoices(as_school, school->parent, setup.period, absl::Seconds(30));
  if (!invoices.ok()) {
    std::cerr << "parhub-finance-payments-bench: " << invoices.status() << "\n";
    consistent = false;
  } else {
    int64_t paid = 0;
    for (const BenchInvoice& invoice : *invoices) paid += invoice.paid;
    const int64_t by_amount = paid / amount;
    consistent = consistent && paid % amount == 0 && by_amount == distinct;
    std::cout << absl::StrFormat(
        "invoices: paid_amount sums to %d đồng = %d payments of %d đồng (acknowledged request_ids: %d)\n",
        paid, by_amount, amount, distinct);
  }
  bool ledger_balanced = false;
  absl::StatusOr<fpb::LedgerCheck> check = CheckLedger(as_school, school->parent, absl::Seconds(60));
  if (!check.ok()) {
    std::cerr << "parhub-finance-payments-bench: " << check.status() << "\n";
  } else {
    ledger_balanced = check->balanced() && check->ok();
    std::cout << absl::StrFormat(
        "CheckLedger: balanced=%s ok=%s debits=%d credits=%d unbalanced_transfers=%d receipt_gaps=%d "
        "inconsistent_invoices=%d\n",
        check->balanced() ? "true" : "false", check->ok() ? "true" : "false", check->total_debits(),
        check->total_credits(), check->unbalanced_transfers_size(), check->receipt_gaps_size(),
        check->inconsistent_invoices_size());
  }
  std::cout << "VERIFY recorded payments " << (consistent ? "equal" : "DO NOT equal")
            << " the acknowledged distinct request_ids\n";
  if (settings.replay_floor) {
    // Not payments: answered replays of in_flight recorded payments.
    std::cout
        << absl::StrFormat(
               "RESULT mode=replay_floor replays_per_s=%.0f p99_ms=%.0f payments_recorded=%d duplicates=%d "
               "ledger_balanced=%s\n",
               payments_per_s, p99, distinct, duplicates, ledger_balanced ? "true" : "false")
        << std::flush;
  } else {
    std::cout << absl::StrFormat("RESULT payments_per_s=%.0f p99_ms=%.0f duplicates=%d ledger_balanced=%s\n",
                                 payments_per_s, p99, duplicates, ledger_balanced ? "true" : "false")
              << std::flush;
  }
  return consistent && ledger_balanced && duplicates == 0 && acknowledged > 0 ? 0 : 1;
}

}  // namespace
}  // namespace parhub::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Cash payments through the parhub gateway into a new bench school.\n"
      "  parhub-finance-payments-bench --admin_key_file=.run/secrets/admin.key --in_flight=64 "
      "--duration_s=30 [--retries=8]");
  absl::ParseCommandLine(argc, argv);
  return parhub::bench::Main();
}
