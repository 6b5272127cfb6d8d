// Shared by the finance benchmarks (parhub-finance-payments-bench and
// parhub-finance-statement-bench): calls through the running gateway with an
// API key, and the setup of a bench school of their own — never a demo
// school. As the root administrator (.run/secrets/admin.key) the setup
// creates, idempotently, an authority "bench-finance" under authorities/hcm,
// then a new school "bench-fin-<random tag>" under it, a school admin account
// for it and an API key; as that admin, the finance settings, one fee item
// (charge kind "khac", uncapped in data/finance/fee_rules.json for
// 2026-2027), the pupils (ImportPupils, at most 2,000 rows per call) and one
// invoice per pupil (BatchCreateInvoices, at most 2,000 per call, so whole
// classes are grouped into calls of at most 2,000 pupils).
#ifndef PARHUB_BENCH_FINANCE_BENCH_COMMON_H_
#define PARHUB_BENCH_FINANCE_BENCH_COMMON_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "parhub/directory/v1/directory.grpc.pb.h"
#include "parhub/finance/v1/finance.grpc.pb.h"

namespace parhub::bench {

// gRPC's default limit on one received message. Neither the gateway's public
// port nor the services set another (platform/rpc/server.cc builds every
// server without SetMaxReceiveMessageSize), so a request larger than this is
// refused with RESOURCE_EXHAUSTED before any parhub code sees it.
inline constexpr int64_t kGrpcDefaultMaxReceiveBytes = 4 * 1024 * 1024;

// The gateway's default deadline for a forwarded call (gateway/main.cc,
// --call_deadline_ms=10000). It applies even when the client asks for a later
// one: a longer call comes back DEADLINE_EXCEEDED while the service carries
// on and commits.
inline constexpr absl::Duration kGatewayCallDeadline = absl::Seconds(10);

// Vietnam's time (UTC+7, no daylight saving): how the services read dates.
absl::TimeZone VietnamTime();

// A plaintext channel to the gateway's public port (it has no TLS; API keys
// authenticate), gRPC retries off so every failure is counted, no client-side
// limit on received messages. `index` makes distinct channels use distinct
// connections.
std::shared_ptr<grpc::Channel> GatewayChannel(const std::string& target, int index);

// The first line of `path`, trimmed; an error when missing or empty.
absl::StatusOr<std::string> ReadKeyFile(const std::string& path);

// "CODE: message".
std::string StatusText(const grpc::Status& status);

// Whether a mutation that came back with this code may still have been, or
// be being, committed, so that sending it again (same request_id) is the
// way to learn its outcome.
bool MaybeInProgress(grpc::StatusCode code);

google::protobuf::Timestamp ToProtoTime(absl::Time time);
common::v1::Date ToProtoDate(absl::CivilDay day);

// "2026-12-31" → CivilDay.
bool ParseDay(const std::string& text, absl::CivilDay* day);

// Calls through the gateway, each carrying "authorization: Bearer <key>".
class Gateway final {
 public:
  Gateway(std::shared_ptr<grpc::Channel> channel, std::string api_key);

  // Sets the key and a deadline of now + `deadline` on a fresh context.
  void Prepare(grpc::ClientContext& context, absl::Duration deadline) const;

  directory::v1::DirectoryService::Stub& directory() const { return *directory_; }
  finance::v1::FinanceService::Stub& finance() const { return *finance_; }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  const std::string& api_key() const { return api_key_; }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::string api_key_;
  std::string bearer_;
  std::unique_ptr<directory::v1::DirectoryService::Stub> directory_;
  std::unique_ptr<finance::v1::FinanceService::Stub> finance_;
};

// The outcome of one mutation sent until its result is known.
struct Confirmation final {
  grpc::Status status;
  double seconds = 0;                   // first send → answer, or → `committed` saw the effect
  int sends = 0;                        // how many times the request was sent
  bool exceeded_call_deadline = false;  // the first send came back DEADLINE_EXCEEDED
  bool confirmed_by_probe = false;      // `committed` saw the effect before an answer came
};

// Sends a mutation and learns its outcome. `send` makes one call with a
// fresh context and always the same request (same request_id), so sending it
// again replays the recorded answer once committed.
//
// When the first send comes back DEADLINE_EXCEEDED (the gateway cuts every
// forwarded call at 10 s while the service finishes the work) and
// `committed` is given, `committed` — a cheap read that sees the mutation's
// effect only once its transaction committed — is polled every 200 ms; the
// time is taken when it first sees the effect, then `send` fetches the
// recorded answer. Without `committed`, or after UNAVAILABLE / ABORTED, the
// request is sent again every second until it is answered, unless `resend`
// is false (then the first answer stands). Gives up after `budget`.
Confirmation SendAndConfirm(const std::function<grpc::Status()>& send, const std::function<bool()>& committed,
                            absl::Duration budget, bool resend = true);

struct SetupOptions final {
  std::string gateway = "127.0.0.1:50050";
  std::string admin_key_file = ".run/secrets/admin.key";
  std::string purpose;  // "payments" or "statement": shown in names
  int pupils = 2000;
  int class_size = 40;  // pupils per class; BatchCreateInvoices is called per group of whole classes
  int64_t fee_amount = 10'000'000;
  std::string school_year = "2026-2027";
  std::string period = "2026-12";
  absl::CivilDay due_date = absl::CivilDay(2026, 12, 31);
  absl::Duration call_deadline = absl::Seconds(30);  // the gateway cuts it to 10 s anyway
  absl::Duration confirm_budget = absl::Minutes(30);
};

struct BenchInvoice final {
  std::string name;
  std::string payment_reference;
  int64_t total = 0;
  int64_t paid = 0;
};

struct BenchSchool final {
  std::string tag;                     // random, 8 hex digits
  std::string school_id;               // "bench-fin-<tag>"
  std::string parent;                  // "schools/bench-fin-<tag>"
  std::string api_key;                 // its school admin's key
  std::string fee_item;                // fee item name
  std::vector<BenchInvoice> invoices;  // of the period, one per pupil
  double import_pupils_s = 0;
  // The first BatchCreateInvoices call (2,000 pupils when --pupils ≥ 2000 and
  // 2,000 is a multiple of the class size) and all of them.
  int first_batch_invoices = 0;
  double first_batch_s = 0;
  double all_batches_s = 0;
  int batch_calls = 0;
  bool batch_exceeded_call_deadline = false;
};

// Creates the bench school and everything above through the gateway; logs
// progress to `log`.
absl::StatusOr<BenchSchool> SetUpBenchSchool(const std::shared_ptr<grpc::Channel>& channel,
                                             const SetupOptions& options, std::ostream& log);

// Every invoice of `parent` for `period` (ListInvoices, pages of 1,000).
absl::StatusOr<std::vector<BenchInvoice>> ListPeriodInvoices(const Gateway& school, const std::string& parent,
                                                             const std::string& period,
                                                             absl::Duration deadline);

// CheckLedger of `parent`.
absl::StatusOr<finance::v1::LedgerCheck> CheckLedger(const Gateway& school, const std::string& parent,
                                                     absl::Duration deadline);

// Processes whose CPU time (user + system, /proc/<pid>/stat) is sampled.
struct Watched final {
  std::string name;
  int pid = 0;
  double before_s = -1;
  double after_s = -1;
};

// "gateway=123,finance=456,mariadb=789" → Watched; false with `error` when malformed.
bool ParseWatched(const std::string& spec, std::vector<Watched>* out, std::string* error);

// User + system CPU seconds of `pid`, or -1 when unreadable.
double ProcessCpuSeconds(int pid);

// User + system CPU seconds of this process.
double SelfCpuSeconds();

}  // namespace parhub::bench

#endif  // PARHUB_BENCH_FINANCE_BENCH_COMMON_H_
